//! Coverage without a subject: the association keeps one record of a type every period (a
//! monthly attendance record, rules §4.1(3)), from the first period on record to the last ended;
//! with none on record, the last ended period (none in a repository without any record yet).

use std::collections::BTreeSet;

use chrono::NaiveDate;

use crate::diag::{codes, Diagnostic};
use crate::i18n::t;
use crate::model::labels;
use crate::model::repo::Repository;
use crate::model::types::{Coverage, RuleSeverity, TypeDef};

/// Periods stepped back at most, so a record dated far in the past cannot make the check long.
const MAX_PERIODS: usize = 1200;

/// A finding, at the coverage rule in the type file, for each period without a record of `def`.
pub(super) fn cover(
    repo: &Repository,
    def: &TypeDef,
    c: &Coverage,
    today: Option<NaiveDate>,
) -> Vec<Diagnostic> {
    let Some(period) = &c.period else {
        return Vec::new();
    };
    let Some(today) = today else {
        return Vec::new();
    };
    let named: BTreeSet<&str> = repo
        .records
        .iter()
        .filter(|r| r.type_name.as_deref() == Some(def.name.as_str()))
        .filter_map(|r| r.str_field(&period.field))
        .collect();
    let first = named.first().copied();
    // A repository with no records yet (just made by `clerk init`) owes no period so far.
    if first.is_none() && repo.records.is_empty() {
        return Vec::new();
    }
    let mut missing = Vec::new();
    let mut step = super::ledger::latest_ended(period.every, today);
    for _ in 0..MAX_PERIODS {
        let Some((label, end)) = step else { break };
        if !named.contains(label.as_str()) {
            missing.push(label.clone());
        }
        // With no record at all, only the last ended period is asked about.
        if first.is_none_or(|f| label.as_str() <= f) {
            break;
        }
        step = super::ledger::latest_ended(period.every, end);
    }
    let code = match c.severity {
        RuleSeverity::Error => codes::COVERAGE_MISSING,
        RuleSeverity::Warning => codes::COVERAGE_WARNING,
    };
    let type_label = labels::run_type_label(def);
    missing
        .into_iter()
        .rev()
        .map(|label| {
            let message = t(
                "coverage-period-missing",
                &[("message", &c.message.get()), ("period", &label)],
            );
            let hint = c.hint.as_ref().map(|h| h.get()).unwrap_or_else(|| {
                t(
                    "coverage-period-missing-hint",
                    &[
                        ("type_label", &type_label),
                        ("field", &period.field),
                        ("period", &label),
                    ],
                )
            });
            Diagnostic::new(code, &def.path, c.pos, message).hint(hint)
        })
        .collect()
}
