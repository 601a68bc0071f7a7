//! Check stage: every rule applied to the loaded repository, as diagnostics.
//!
//! Checks never print and never stop at the first finding: each returns what it found.

pub mod fields;
pub mod links;

use rayon::prelude::*;

use crate::diag::Diagnostic;
use crate::model::repo::Repository;

/// Runs every check on a loaded repository.
pub fn run(repo: &Repository) -> Vec<Diagnostic> {
    let mut diags: Vec<Diagnostic> = repo
        .records
        .par_iter()
        .flat_map_iter(|r| fields::check(repo, r))
        .collect();
    diags.extend(links::check(repo));
    diags
}
