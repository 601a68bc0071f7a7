//! The steps of loading a records repository (`Repository::load_from`): configuration, record
//! files read or taken from the cache of parsed records, and records parsed.

use std::collections::BTreeMap;

use rayon::prelude::*;

use super::config::{self, Config};
use super::parsed::{Entry, ParsedCache, Parts};
use super::record::Record;
use super::repo::{LoadError, MAX_TYPE_FILE_BYTES};
use super::sealed::Unopened;
use super::types::TypeDef;
use crate::crypt;
use crate::diag::{codes, Diagnostic};
use crate::read::{Discovery, Snapshot, SourceFile};

/// A record file as loaded: its text, with its parse when the cache had it; or why not.
enum Loaded {
    File(SourceFile, Option<Parts>),
    Failed(Diagnostic),
}

/// Reads and parses `clerk.yaml`: the configuration, its text and its warnings.
pub(super) fn config(
    snapshot: &dyn Snapshot,
) -> Result<(Config, String, Vec<Diagnostic>), LoadError> {
    let config_text = snapshot
        .load(config::FILE, MAX_TYPE_FILE_BYTES)
        .map_err(|d| LoadError::Config {
            text: String::new(),
            diagnostic: Box::new(d),
        })?
        .text;
    let loaded = Config::parse(&config_text).map_err(|d| LoadError::Config {
        diagnostic: Box::new(d),
        text: config_text.clone(),
    })?;
    Ok((loaded.config, config_text, loaded.warnings))
}

/// The record discovery of `clerk.yaml`'s `skip` and `ignore`; an invalid glob is an error.
pub(super) fn discovery(config: &Config, text: &str) -> Result<Discovery, LoadError> {
    Discovery::new(&config.skip, &config.ignore).map_err(|(pattern, message)| {
        let index = config
            .ignore
            .iter()
            .position(|p| *p == pattern)
            .unwrap_or(0);
        LoadError::Config {
            diagnostic: Box::new(Diagnostic::new(
                codes::CONFIG_INVALID,
                config::FILE,
                super::locate(text, &format!("/ignore/{index}"), false),
                crate::i18n::t(
                    "glob-invalid",
                    &[("pattern", &pattern), ("error", &message)],
                ),
            )),
            text: text.to_string(),
        }
    })
}

/// Makes every type's approvals name a person, whatever the type file declares.
pub(super) fn require_approvers(types: &mut BTreeMap<String, TypeDef>, people_type: &str) {
    for t in types.values_mut() {
        if !t.refs.iter().any(|r| r.field == "approvals[].by") {
            if let Ok(rule) = super::refs::RefRule::parse("approvals[].by", people_type) {
                t.refs.push(rule);
            }
        }
    }
}

/// Whether a record's parse may be cached (an encrypted record's never is).
fn cacheable(rel: &str) -> bool {
    !rel.ends_with(crypt::SUFFIX)
}

/// Reads the record files `files` into `sources`, taking those parsed before from `cache`; a
/// file that cannot be read is reported in `diags`. Returns the cached parses, by file read,
/// and the encrypted records without a key to open them.
pub(super) fn read_records(
    snapshot: &dyn Snapshot,
    files: &[String],
    cache: Option<&ParsedCache>,
    limit: u64,
    sources: &mut Vec<SourceFile>,
    diags: &mut Vec<Diagnostic>,
) -> (Vec<Option<Parts>>, Vec<Unopened>) {
    let loaded: Vec<Loaded> = files
        .par_iter()
        .map(|rel| {
            let cached = cache
                .filter(|_| cacheable(rel))
                .and_then(|c| c.take(&snapshot.content_id(rel)?, rel))
                .filter(|p| p.text.len() as u64 <= limit);
            if let Some(p) = cached {
                let file = SourceFile {
                    path: rel.clone(),
                    text: p.text,
                    sealed: None,
                    envelope: None,
                    content_id: snapshot.content_id(rel),
                };
                return Loaded::File(file, Some(p.parts));
            }
            match snapshot.load(rel, limit) {
                Ok(f) => Loaded::File(f, None),
                Err(d) => Loaded::Failed(d),
            }
        })
        .collect();
    let mut unreadable = Vec::new();
    let mut parts = Vec::new();
    for got in loaded {
        match got {
            Loaded::File(file, p) => {
                sources.push(file);
                parts.push(p);
            }
            // An encrypted record without a key to open it is counted, not an error.
            Loaded::Failed(d) if d.code == codes::ENCRYPTED_UNREADABLE => {
                let envelope = snapshot.envelope(&d.path);
                unreadable.push(Unopened {
                    path: d.path,
                    envelope,
                });
            }
            Loaded::Failed(d) => diags.push(d),
        }
    }
    (parts, unreadable)
}

/// Parses the record files `sources[first_record..]` (or takes their cached `parts`); a file
/// that does not parse is reported in `diags`.
pub(super) fn parse_records(
    sources: &[SourceFile],
    first_record: usize,
    parts: Vec<Option<Parts>>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Record> {
    let parsed: Vec<Result<Record, Diagnostic>> = sources[first_record..]
        .par_iter()
        .zip(parts.into_par_iter())
        .enumerate()
        .map(|(i, (f, p))| match p {
            Some(p) => Ok(Record::from_parsed(first_record + i, &f.path, p)),
            None => Record::parse(first_record + i, f),
        })
        .collect();
    let mut records = Vec::with_capacity(parsed.len());
    for p in parsed {
        match p {
            Ok(r) => records.push(r),
            Err(d) => diags.push(d),
        }
    }
    records
}

/// Saves the parses of `records` to `cache`; `from_cache` says, by record file, which came from it.
pub(super) fn save_parsed(
    cache: &ParsedCache,
    snapshot: &dyn Snapshot,
    records: &[Record],
    sources: &[SourceFile],
    first_record: usize,
    from_cache: &[bool],
) {
    cache.save(
        records
            .iter()
            .filter(|r| cacheable(&r.path))
            .filter_map(|r| {
                let id = snapshot.content_id(&r.path)?;
                let text = &sources[r.source].text;
                Some((
                    id,
                    Entry {
                        path: &r.path,
                        text,
                        fields: &r.fields,
                        yaml_line: r.yaml_line,
                        yaml_range: r.yaml_range.clone(),
                        body_start: r.body_range.start,
                    },
                    from_cache[r.source - first_record],
                ))
            }),
    );
}
