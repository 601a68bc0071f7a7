//! Check stage: every rule applied to the loaded repository, as diagnostics.
//!
//! Checks never print and never stop at the first finding: each returns what it found.

pub mod encryption;
pub mod fields;
pub mod gate;
pub mod ledger;
pub mod links;
pub mod rules;
pub mod signatures;
pub mod transitions;
pub mod workflow;

use std::sync::Arc;

use rayon::prelude::*;

use crate::diag::Diagnostic;
use crate::model::expr::Evaluator;
use crate::model::keys::Keyring;
use crate::model::record::Record;
use crate::model::repo::Repository;

/// What a check needs besides the repository.
#[derive(Debug, Clone)]
pub struct Options {
    /// The date rules treat as today (YYYY-MM-DD).
    pub today: String,
}

/// The findings about one record on its own: its fields, workflow, rules and signatures (not
/// those that compare records: links, numbers, budgets, encryption).
pub fn record(repo: &Repository, ev: &Evaluator, keys: &Keyring, r: &Record) -> Vec<Diagnostic> {
    let mut d = fields::check(repo, r);
    d.extend(workflow::check(repo, ev, r));
    d.extend(rules::check(repo, ev, r));
    d.extend(signatures::check(repo, keys, r));
    d
}

/// Runs every check on a loaded repository.
pub fn run(repo: &Repository, options: &Options) -> Vec<Diagnostic> {
    let ev = Evaluator::new(
        Arc::new(Evaluator::env()),
        &repo.people_json(),
        &repo.config_raw,
        &options.today,
    );
    let (mut keys, mut diags) = Keyring::load(repo);
    keys.cache = crate::model::keys::VerifiedCache::open(&repo.root);
    diags.par_extend(
        repo.records
            .par_iter()
            .flat_map_iter(|r| record(repo, &ev, &keys, r)),
    );
    diags.extend(links::check(repo));
    diags.extend(ledger::check(repo, &ev));
    if let Some(today) = crate::model::expr::parse_date(&options.today) {
        diags.extend(encryption::check(repo, &keys, today));
    }
    if let Some(cache) = &keys.cache {
        cache.save();
    }
    diags
}
