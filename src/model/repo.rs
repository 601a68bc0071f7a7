//! The records repository: configuration, types and records, loaded in one pass.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use serde_json::Value;

use std::sync::Arc;

use super::config::{self, Config};
use super::expr::Evaluator;
use super::load;
use super::parsed::ParsedCache;
use super::record::Record;
use super::refs::Target;
use super::types::{self, Classification, TypeDef};
use crate::diag::{codes, Diagnostic, Pos};
use crate::read::{Folder, Snapshot, SourceFile};

/// The folder of type files.
pub const TYPES_DIR: &str = "types";

/// Largest type file read, in bytes (record limits in clerk.yaml do not apply to configuration).
pub(super) const MAX_TYPE_FILE_BYTES: u64 = 1024 * 1024;

/// Why a repository could not be loaded at all (`check` exits 2).
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{}", crate::i18n::t("not-a-folder", &[("path", &.0.display())]))]
    NotAFolder(PathBuf),
    #[error("{}", crate::i18n::t("no-such-path", &[("path", &.0.display())]))]
    NoSuchPath(PathBuf),
    #[error("{}", crate::i18n::t("no-config", &[("path", &.0.display())]))]
    NoConfig(PathBuf),
    /// Something else stopped the load (git could not be read, …).
    #[error("{0}")]
    Other(String),
    /// `clerk.yaml` is invalid; the diagnostic says where, `text` is the file for the snippet.
    #[error("clerk.yaml is invalid")]
    Config {
        diagnostic: Box<Diagnostic>,
        text: String,
    },
}

/// A loaded records repository.
#[derive(Debug)]
pub struct Repository {
    pub root: PathBuf,
    pub config: Config,
    /// `clerk.yaml` as JSON, for rule expressions.
    pub config_raw: Value,
    pub types: BTreeMap<String, TypeDef>,
    /// Types whose file is broken: their records are not schema-checked (the type file is reported).
    pub broken_types: BTreeSet<String>,
    /// Every file read: configuration, type files and records (for diagnostics' snippets).
    pub sources: Vec<SourceFile>,
    pub records: Vec<Record>,
    /// Record indexes by id; more than one only when ids collide (reported by `check`).
    pub by_id: HashMap<String, Vec<usize>>,
    source_by_path: HashMap<String, usize>,
    /// Encrypted records clerk could not open (no key), with their envelopes.
    pub unreadable: Vec<super::sealed::Unopened>,
}

impl Repository {
    /// Loads the repository in the folder `root`. Findings in files are returned, not raised.
    pub fn load(root: &Path) -> Result<(Repository, Vec<Diagnostic>), LoadError> {
        if !root.exists() {
            return Err(LoadError::NoSuchPath(root.to_path_buf()));
        }
        if !root.is_dir() {
            return Err(LoadError::NotAFolder(root.to_path_buf()));
        }
        Repository::load_from(&Folder {
            root: root.to_path_buf(),
        })
    }

    /// Loads the repository from a snapshot: a folder, a commit, or the git index.
    pub fn load_from(snapshot: &dyn Snapshot) -> Result<(Repository, Vec<Diagnostic>), LoadError> {
        let root = snapshot.root();
        if !snapshot.exists(config::FILE) {
            return Err(LoadError::NoConfig(root.to_path_buf()));
        }
        let (config, config_text, mut diags) = load::config(snapshot)?;
        let limit = config.limits.max_record_bytes;
        let mut sources = vec![SourceFile {
            path: config::FILE.into(),
            text: config_text,
            ..Default::default()
        }];
        let discovery = load::discovery(&config, &sources[0].text)?;

        let mut clock = crate::diag::Stopwatch::new();
        let env = Arc::new(Evaluator::env());
        let (mut types, broken_types) = load_types(
            snapshot,
            &env,
            &config.classifications,
            &mut sources,
            &mut diags,
        );
        clock.lap("load: configuration and types");
        check_lookups(&types, &broken_types, &sources, &mut diags);
        load::require_approvers(&mut types, &config.people_type);

        let (files, found) = snapshot.records(&discovery);
        diags.extend(found);
        let first_record = sources.len();
        // Files of a git snapshot parsed before (by blob id) are not read or parsed again.
        clock.lap("load: list records");
        let cache = files
            .first()
            .and_then(|f| snapshot.content_id(f))
            .and_then(|_| ParsedCache::open(root));
        clock.lap("load: cache of parsed records");
        let (parts, unreadable) = load::read_records(
            snapshot,
            &files,
            cache.as_ref(),
            limit,
            &mut sources,
            &mut diags,
        );
        clock.lap("load: read records");
        let from_cache: Vec<bool> = parts.iter().map(Option::is_some).collect();
        let records = load::parse_records(&sources, first_record, parts, &mut diags);
        clock.lap("load: parse records");
        if let Some(cache) = &cache {
            load::save_parsed(
                cache,
                snapshot,
                &records,
                &sources,
                first_record,
                &from_cache,
            );
        }
        let by_id = index_ids(&records);
        let source_by_path = sources
            .iter()
            .enumerate()
            .map(|(i, s)| (s.path.clone(), i))
            .collect();
        let repo = Repository {
            root: root.to_path_buf(),
            config,
            config_raw: loaded_raw(&sources[0].text),
            types,
            broken_types,
            sources,
            records,
            by_id,
            source_by_path,
            unreadable,
        };
        diags.extend(repo.check_type_refs());
        diags.extend(super::names::check(
            &repo.config,
            &repo.sources[0].text,
            &repo.types,
        ));
        diags.extend(super::navigation::check(
            repo.config.site.navigation.as_deref(),
            &repo.config.site.policies,
            &repo.sources[0].text,
            &repo.types,
            &repo.broken_types,
        ));
        Ok((repo, diags))
    }

    /// Whether `id` names an encrypted record clerk could not open.
    pub fn is_unreadable(&self, id: &str) -> bool {
        self.unreadable
            .iter()
            .any(|u| super::record::stem(&u.path) == id)
    }

    /// For an encrypted record clerk opened, the envelope its file carries.
    pub fn sealed_envelope(&self, path: &str) -> Option<&crate::crypt::Envelope> {
        self.source_by_path
            .get(path)
            .and_then(|&i| self.sources[i].envelope.as_ref())
    }

    /// For an encrypted record clerk opened, the recipient tags of its file.
    pub fn sealed(&self, path: &str) -> Option<&[String]> {
        self.source_by_path
            .get(path)
            .and_then(|&i| self.sources[i].sealed.as_deref())
    }

    /// The text of a file clerk read, by relative path.
    pub fn source(&self, path: &str) -> Option<&str> {
        self.source_by_path
            .get(path)
            .map(|&i| self.sources[i].text.as_str())
    }

    /// Puts `file`, the new text of a record already loaded from the same path, in place of
    /// the old one — when it parses and keeps its id and type (what `serve` does to show an
    /// edit at once; anything else needs a whole load). Returns the record's index.
    pub fn replace_record(&mut self, file: SourceFile) -> Option<usize> {
        let &source = self.source_by_path.get(&file.path)?;
        let at = self.records.iter().position(|r| r.source == source)?;
        let record = Record::parse(source, &file).ok()?;
        let old = &self.records[at];
        if record.id != old.id || record.type_name != old.type_name {
            return None;
        }
        self.sources[source] = file;
        self.records[at] = record;
        Some(at)
    }

    /// Adds the record in `file` (a path not yet loaded), as a whole load would have read it;
    /// the reason when it does not parse. [`Repository::remove_last`] takes it out again: the
    /// fuzzer checks many records against one loaded configuration this way.
    pub fn push_record(&mut self, file: SourceFile) -> Result<(), Diagnostic> {
        let source = self.sources.len();
        let record = Record::parse(source, &file)?;
        self.source_by_path.insert(file.path.clone(), source);
        self.sources.push(file);
        self.by_id
            .entry(record.id.clone())
            .or_default()
            .push(self.records.len());
        self.records.push(record);
        Ok(())
    }

    /// Takes out the record [`Repository::push_record`] added last.
    pub fn remove_last(&mut self) {
        let Some(record) = self.records.pop() else {
            return;
        };
        if let Some(at) = self.by_id.get_mut(&record.id) {
            at.retain(|&i| i != self.records.len());
            if at.is_empty() {
                self.by_id.remove(&record.id);
            }
        }
        if let Some(file) = self.sources.pop() {
            self.source_by_path.remove(&file.path);
        }
    }

    /// The record types `lookup(…)` can name in the type files; `None` when one names its type
    /// with an expression, so any type may be looked up.
    pub fn looked_up_types(&self) -> Option<BTreeSet<String>> {
        let mut out = BTreeSet::new();
        for source in self
            .sources
            .iter()
            .filter(|s| s.path.starts_with(config::TYPES_DIR))
        {
            for (_, name) in super::expr::lookup_calls(&source.text) {
                out.insert(name?.to_string());
            }
        }
        Some(out)
    }

    /// The text of a record's file.
    pub fn text_of(&self, record: &Record) -> &str {
        &self.sources[record.source].text
    }

    /// The record with this id (the first, should ids collide).
    pub fn record(&self, id: &str) -> Option<&Record> {
        self.records_with_id(id).next()
    }

    /// Every record with this id: one, unless ids collide.
    pub fn records_with_id<'a>(&'a self, id: &str) -> impl Iterator<Item = &'a Record> + 'a {
        self.by_id
            .get(id)
            .into_iter()
            .flatten()
            .map(|&i| &self.records[i])
    }

    /// A record's type, when it names a loaded one.
    pub fn type_of(&self, record: &Record) -> Option<&TypeDef> {
        record.type_name.as_deref().and_then(|t| self.types.get(t))
    }

    /// A record's effective classification: its own, or its type's default; never below the
    /// type's `lowest_classification` unless a signed approval of its `declassified_by` step
    /// declassifies it (the signature and the approver's authority are the check's to judge).
    pub fn classification(&self, record: &Record) -> Classification {
        let levels = &self.config.classifications;
        let Some(def) = self.type_of(record) else {
            return record.classification(levels, levels.top());
        };
        let own = record.classification(levels, def.classification);
        match def.lowest_classification {
            Some(floor) if own < floor && !declassified(def, record) => floor,
            _ => own,
        }
    }

    /// The classification a record claims for itself, floors aside (for the check that
    /// reports a claim below its type's floor).
    pub fn claimed_classification(&self, record: &Record) -> Classification {
        let levels = &self.config.classifications;
        let default = self
            .type_of(record)
            .map_or(levels.top(), |t| t.classification);
        record.classification(levels, default)
    }

    /// Type files must only refer to types and configuration lists that exist.
    fn check_type_refs(&self) -> Vec<Diagnostic> {
        let mut diags = Vec::new();
        for t in self.types.values() {
            let text = self.source(&t.path).unwrap_or_default();
            for rule in &t.refs {
                let pointer = format!("/refs/{}", crate::parse::yaml::escape_pointer(&rule.field));
                for name in rule.types() {
                    if !self.types.contains_key(name) && !self.broken_types.contains(name) {
                        diags.push(
                            Diagnostic::new(
                                codes::TYPE_UNKNOWN_REFERENCE,
                                &t.path,
                                super::locate(text, &pointer, false),
                                crate::i18n::t(
                                    "type-ref-unknown",
                                    &[("field", &rule.field), ("name", &name)],
                                ),
                            )
                            .hint(crate::i18n::t(
                                "type-ref-unknown-hint",
                                &[(
                                    "types",
                                    &self.types.keys().cloned().collect::<Vec<_>>().join(", "),
                                )],
                            )),
                        );
                    }
                }
                if let Target::Config(list) = &rule.target {
                    if !self.config_raw.get(list).is_some_and(Value::is_array) {
                        diags.push(
                            Diagnostic::new(
                                codes::TYPE_UNKNOWN_REFERENCE,
                                &t.path,
                                super::locate(text, &pointer, false),
                                crate::i18n::t(
                                    "type-ref-no-list",
                                    &[("field", &rule.field), ("list", &list)],
                                ),
                            )
                            .hint(crate::i18n::t("type-ref-no-list-hint", &[("list", &list)])),
                        );
                    }
                }
            }
        }
        diags
    }
}

/// Record indexes by id (more than one when ids collide).
fn index_ids(records: &[Record]) -> HashMap<String, Vec<usize>> {
    let mut by_id: HashMap<String, Vec<usize>> = HashMap::with_capacity(records.len());
    for (i, r) in records.iter().enumerate() {
        by_id.entry(r.id.clone()).or_default().push(i);
    }
    by_id
}

/// `clerk.yaml` as JSON (already validated by `Config::parse`).
fn loaded_raw(text: &str) -> Value {
    crate::parse::yaml::parse_value(text.strip_prefix('\u{feff}').unwrap_or(text))
        .unwrap_or(Value::Null)
}

/// `lookup('TYPE', …)` in a type file must name a type: a misspelt one would otherwise leave a
/// register's column silently empty.
fn check_lookups(
    types: &BTreeMap<String, TypeDef>,
    broken: &BTreeSet<String>,
    sources: &[SourceFile],
    diags: &mut Vec<Diagnostic>,
) {
    for source in sources
        .iter()
        .filter(|s| s.path.starts_with(config::TYPES_DIR))
    {
        let text = &source.text;
        for (at, name) in super::expr::lookup_calls(text) {
            let Some(name) = name else { continue };
            if types.contains_key(name) || broken.contains(name) {
                continue;
            }
            let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
            let line = text[..at].matches('\n').count() + 1;
            let column = text[line_start..at].chars().count() + 1;
            let mut known: Vec<&str> = types.keys().map(String::as_str).collect();
            known.extend(broken.iter().map(String::as_str));
            known.sort_unstable();
            let mut d = Diagnostic::new(
                codes::EXPRESSION_INVALID,
                &source.path,
                Pos::new(line, column, "lookup(".len()),
                crate::i18n::t("lookup-unknown-type", &[("name", &name)]),
            );
            d = match crate::text::closest(name, known.iter().copied()) {
                Some(near) => d.hint(crate::i18n::t("did-you-mean", &[("best", &near)])),
                None => d.hint(crate::i18n::t(
                    "known-types",
                    &[("types", &known.join(", "))],
                )),
            };
            diags.push(d);
        }
    }
}

/// Loads every `types/*.yaml`; a broken one is reported and its name remembered.
fn load_types(
    snapshot: &dyn Snapshot,
    env: &cel::Env,
    levels: &types::Levels,
    sources: &mut Vec<SourceFile>,
    diags: &mut Vec<Diagnostic>,
) -> (BTreeMap<String, TypeDef>, BTreeSet<String>) {
    let mut types = BTreeMap::new();
    let mut broken = BTreeSet::new();
    let names = snapshot
        .list(TYPES_DIR)
        .into_iter()
        .filter(|n| n.ends_with(".yaml") || n.ends_with(".yml"));
    for rel in names {
        let name = rel.rsplit('/').next().unwrap_or(&rel);
        let stem = name
            .trim_end_matches(".yaml")
            .trim_end_matches(".yml")
            .to_string();
        let file = match snapshot.load(&rel, MAX_TYPE_FILE_BYTES) {
            Ok(f) => f,
            Err(d) => {
                diags.push(d);
                broken.insert(stem);
                continue;
            }
        };
        match types::load_with(&rel, &stem, &file.text, env, levels) {
            Ok(t) => {
                if let Some(first) = types.get(&t.name) {
                    let first: &TypeDef = first;
                    diags.push(
                        Diagnostic::new(
                            codes::TYPE_DUPLICATE,
                            &rel,
                            Pos::line(1),
                            crate::i18n::t(
                                "type-duplicate",
                                &[("type", &t.name), ("path", &first.path)],
                            ),
                        )
                        .hint(crate::i18n::t("type-duplicate-hint", &[])),
                    );
                } else {
                    types.insert(t.name.clone(), t);
                }
            }
            Err(ds) => {
                diags.extend(ds);
                broken.insert(stem);
            }
        }
        sources.push(file);
    }
    (types, broken)
}

/// Whether `record` holds a signed approval of its type's declassification step.
pub fn declassified(def: &TypeDef, record: &Record) -> bool {
    let Some(step) = &def.declassified_by else {
        return false;
    };
    record
        .fields
        .get("approvals")
        .and_then(Value::as_array)
        .is_some_and(|list| {
            list.iter().any(|a| {
                a.get("step").and_then(Value::as_str) == Some(step.as_str())
                    && a.get("signature").and_then(Value::as_str).is_some()
            })
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example() -> Repository {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("records-example");
        Repository::load(&root).expect("the example loads").0
    }

    fn file(path: &str, text: &str) -> SourceFile {
        SourceFile {
            path: path.into(),
            text: text.into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_pushed_record_is_found_and_taken_out_again_without_a_trace() {
        let mut repo = example();
        let (records, sources) = (repo.records.len(), repo.sources.len());
        let doc = "---\ntype: document\ntitle: t\nid: 2026-doc-001\n---\nbody\n";
        repo.push_record(file("documents/extra.md", doc)).unwrap();
        assert_eq!(
            repo.records_with_id("2026-doc-001").count(),
            2,
            "ids collide"
        );
        assert_eq!(repo.source("documents/extra.md"), Some(doc));
        repo.remove_last();
        assert_eq!((repo.records.len(), repo.sources.len()), (records, sources));
        assert_eq!(repo.records_with_id("2026-doc-001").count(), 1);
        assert_eq!(repo.source("documents/extra.md"), None);
        // A file that is no record is refused and leaves nothing behind.
        let d = repo
            .push_record(file("documents/bad.md", "no front matter"))
            .unwrap_err();
        assert_eq!(d.code, codes::NO_FRONT_MATTER);
        assert_eq!((repo.records.len(), repo.sources.len()), (records, sources));
        assert_eq!(repo.source("documents/bad.md"), None);
    }

    #[test]
    fn a_record_is_replaced_only_when_it_keeps_its_id_and_type() {
        let mut repo = example();
        let path = "documents/2026-doc-006.md";
        let text = repo.source(path).unwrap().to_string();
        let edited = text.replacen("\n---\n", "\n---\n（修訂）\n", 1);
        let at = repo.replace_record(file(path, &edited)).unwrap();
        assert_eq!(repo.records[at].path, path);
        assert!(repo.text_of(&repo.records[at]).contains("（修訂）"));
        // Another type, another id, a broken file, or a path not loaded: not replaced.
        for text in [
            edited.replacen("type: document", "type: policy", 1),
            edited.replacen("---\n", "---\nid: 2026-doc-999\n", 1),
            "---\ntype: [\n---\n".to_string(),
        ] {
            assert_eq!(repo.replace_record(file(path, &text)), None, "{text}");
        }
        assert_eq!(repo.replace_record(file("documents/new.md", &edited)), None);
        assert!(
            repo.source(path).unwrap().contains("（修訂）"),
            "left as it was"
        );
    }
}
