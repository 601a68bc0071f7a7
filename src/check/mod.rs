//! Check stage: every rule applied to the loaded repository, as diagnostics.
//!
//! Checks never print and never stop at the first finding: each returns what it found.

pub mod archive_no;
pub mod attachments;
pub mod classification;
pub mod council;
pub mod encryption;
pub mod fields;
pub mod filers;
pub mod gate;
pub mod governance;
pub mod labels;
pub mod ledger;
pub mod links;
pub mod next;
pub mod numbers;
mod periods;
pub mod role_limits;
pub mod rules;
pub mod signatures;
pub mod transitions;
pub mod workflow;

use rayon::prelude::*;

use crate::diag::Diagnostic;
use crate::model::expr::Evaluator;
use crate::model::keys::{Keyring, VerifiedCache};
use crate::model::record::Record;
use crate::model::repo::Repository;

/// What a check needs besides the repository.
#[derive(Debug, Clone)]
pub struct Options {
    /// The day rules treat as today.
    pub today: chrono::NaiveDate,
}

/// The findings about one record on its own: its fields, workflow, rules and signatures (not
/// those that compare records: links, numbers, budgets, encryption).
fn record(repo: &Repository, ev: &Evaluator, keys: &Keyring, r: &Record) -> Vec<Diagnostic> {
    let mut d = fields::check(repo, r);
    // A record whose fields are already wrong is not also told that its rules cannot read them.
    let fields_wrong = d.iter().any(|f| f.severity == crate::diag::Severity::Error);
    d.extend(workflow::check(repo, ev, r));
    d.extend(rules::check(repo, ev, r, fields_wrong));
    d.extend(signatures::check(repo, keys, r));
    d.extend(classification::check(repo, r));
    d
}

/// What every record's own checks share: the rules' evaluator, the people's keys (with the
/// cache of verified signatures), and what loading the keys found.
fn shared(repo: &Repository, options: &Options) -> (Evaluator, Keyring, Vec<Diagnostic>) {
    let ev = Evaluator::for_repository(repo, options.today);
    let (mut keys, diags) = Keyring::load(repo);
    keys.cache = VerifiedCache::open(&repo.root);
    (ev, keys, diags)
}

/// The own findings of the records at `at` (indexes into `repo.records`) only: what `serve`
/// shows at once for an edited record, before the whole check.
pub fn records(repo: &Repository, options: &Options, at: &[usize]) -> Vec<Diagnostic> {
    let (ev, keys, _) = shared(repo, options);
    at.iter()
        .flat_map(|&i| record(repo, &ev, &keys, &repo.records[i]))
        .collect()
}

/// Runs every check on a loaded repository.
pub fn run(repo: &Repository, options: &Options) -> Vec<Diagnostic> {
    let mut clock = crate::diag::Stopwatch::new();
    let (ev, keys, mut diags) = shared(repo, options);
    // Records whose own checks found nothing before, under the same rules, people, council
    // meetings and date, are not checked again (encrypted ones always are: nothing about
    // their text is kept).
    let clean = VerifiedCache::open_named(&repo.root, "checked-records");
    let context = clean.as_ref().map(|_| context_digest(repo, options));
    diags.par_extend(repo.records.par_iter().flat_map_iter(|r| {
        let entry = match (&clean, &context) {
            (Some(_), Some(context)) if repo.sealed(&r.path).is_none() => {
                Some(record_entry(context, r, &repo.sources[r.source]))
            }
            _ => None,
        };
        if let (Some(clean), Some(entry)) = (&clean, &entry) {
            if clean.knows(entry) {
                return Vec::new();
            }
        }
        let found = record(repo, &ev, &keys, r);
        if let (Some(clean), Some(entry), true) = (&clean, entry, found.is_empty()) {
            clean.remember(entry);
        }
        found
    }));
    clock.lap("check: each record");
    diags.extend(links::check(repo));
    diags.extend(labels::check(repo));
    clock.lap("check: references, labels");
    // The association's organisation and filing (issue #18): role limits, archive numbers,
    // and an approver for everyone who files.
    diags.extend(role_limits::check(repo));
    diags.extend(archive_no::check(repo));
    diags.extend(filers::check(repo, &ev));
    clock.lap("check: role limits, archive numbers, filers");
    diags.extend(ledger::check(repo, &ev));
    clock.lap("check: ledger");
    diags.extend(encryption::check(repo, &keys, options.today));
    diags.extend(classification::types(repo));
    // Each file keeps what this repository could use, twice over, plus some slack.
    let approvals: usize = repo
        .records
        .iter()
        .filter_map(|r| r.fields.get("approvals").and_then(|a| a.as_array()))
        .map(Vec::len)
        .sum();
    if let Some(cache) = &keys.cache {
        cache.save(2 * approvals + 1024);
    }
    if let Some(clean) = &clean {
        clean.save(2 * repo.records.len() + 1024);
    }
    clock.lap("check: encryption, caches saved");
    diags
}

/// Everything a record's own checks read besides the record: clerk's version, the date,
/// clerk.yaml, the type files, the people (their roles and keys) and the council meetings
/// whose resolutions records cite.
fn context_digest(repo: &Repository, options: &Options) -> [u8; 32] {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    let mut add = |part: &str| {
        h.update((part.len() as u64).to_le_bytes());
        h.update(part.as_bytes());
    };
    add(env!("CARGO_PKG_VERSION"));
    add(&options.today.to_string());
    let meeting_type = repo
        .config
        .council
        .as_ref()
        .map(|c| c.meeting_type.as_str());
    let mut read: Vec<(&str, &str)> = repo
        .sources
        .iter()
        .filter(|s| crate::model::config::is_config_file(&s.path))
        .map(|s| (s.path.as_str(), s.text.as_str()))
        .chain(
            repo.records
                .iter()
                .filter(|r| {
                    r.type_name.as_deref() == Some(repo.config.people_type.as_str())
                        || (meeting_type.is_some() && r.type_name.as_deref() == meeting_type)
                })
                .map(|r| (r.path.as_str(), repo.text_of(r))),
        )
        .collect();
    read.sort_unstable();
    for (path, text) in read {
        add(path);
        add(text);
    }
    h.finalize().into()
}

/// The entry of one record under `context`: its path and exact text (named by its git blob id
/// when it was read from git, which is quicker than hashing the text again).
fn record_entry(context: &[u8; 32], r: &Record, file: &crate::read::SourceFile) -> [u8; 32] {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    h.update(context);
    h.update((r.path.len() as u64).to_le_bytes());
    h.update(r.path.as_bytes());
    match &file.content_id {
        Some(id) => {
            h.update(b"git blob ");
            h.update(id);
        }
        None => {
            h.update(b"text ");
            h.update(file.text.as_bytes());
        }
    }
    h.finalize().into()
}
