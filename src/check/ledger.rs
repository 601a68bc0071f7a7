//! Rules across records: unique values and numbers (`numbers`), budget lines and the spending
//! against them, and records that every person of a kind must have.

use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};

use chrono::{Datelike, NaiveDate};
use serde_json::Value;

use crate::date;
use crate::diag::{codes, Diagnostic};
use crate::model::expr::Evaluator;
use crate::model::record::record_value;
use crate::model::record::Record;
use crate::model::repo::Repository;
use crate::model::types::{BudgetLineUse, Coverage, Period, PeriodKind, RuleSeverity, TypeDef};
use crate::parse::yaml::escape_pointer;

/// Runs the cross-record rules.
pub fn check(repo: &Repository, ev: &Evaluator) -> Vec<Diagnostic> {
    let mut diags = super::numbers::unique(repo);
    diags.extend(budgets(repo, ev));
    diags.extend(coverage(repo, ev));
    diags
}

pub(super) fn at(
    repo: &Repository,
    record: &Record,
    field: &str,
    code: crate::diag::Code,
    message: String,
) -> Diagnostic {
    let pos = record.pos(
        repo.text_of(record),
        &format!("/{}", escape_pointer(field)),
        false,
    );
    Diagnostic::new(code, &record.path, pos, message)
}

/// The approved amount of every budget line, with adjustments, by `budget-id#line-id`.
struct Lines<'a> {
    /// Budget id → (year, counts).
    budgets: HashMap<&'a str, (Option<i64>, bool)>,
    limits: HashMap<String, f64>,
}

fn lines<'a>(repo: &'a Repository, ev: &Evaluator) -> Lines<'a> {
    let mut budgets = HashMap::new();
    let mut limits: HashMap<String, f64> = HashMap::new();
    let mut adjustments = Vec::new();
    for record in &repo.records {
        let Some(def) = repo.type_of(record) else {
            continue;
        };
        let Some(b) = &def.budget else { continue };
        let counts = def
            .budget_counts
            .as_ref()
            .is_none_or(|e| ev.scope(&record_value(def, record), None).truth(e) == Some(true));
        let year = record.fields.get(&b.year).and_then(Value::as_i64);
        let adjusts = b.adjusts.as_ref().and_then(|f| record.str_field(f));
        let items = record
            .fields
            .get(&b.lines)
            .and_then(Value::as_array)
            .into_iter()
            .flatten();
        let amounts =
            items.filter_map(|l| Some((l.get("id")?.as_str()?, l.get(&b.amount)?.as_f64()?)));
        match adjusts {
            Some(base) => {
                if counts {
                    adjustments.extend(amounts.map(|(id, a)| (format!("{base}#{id}"), a)));
                }
            }
            None => {
                budgets.insert(record.id.as_str(), (year, counts));
                for (id, a) in amounts {
                    *limits.entry(format!("{}#{id}", record.id)).or_default() += a;
                }
            }
        }
    }
    for (line, a) in adjustments {
        *limits.entry(line).or_default() += a;
    }
    Lines { budgets, limits }
}

/// Bookings against the wrong budget, and spending over a line's approved amount.
fn budgets(repo: &Repository, ev: &Evaluator) -> Vec<Diagnostic> {
    if !repo.types.values().any(|t| t.budget_line.is_some()) {
        return Vec::new();
    }
    let lines = lines(repo, ev);
    let mut diags = Vec::new();
    let counted = counted(repo, ev);
    let mut spending: Spending = BTreeMap::new();
    for (record, &counts) in repo.records.iter().zip(&counted) {
        let Some(booking) = booking(repo, &lines, record) else {
            continue;
        };
        if let Some(d) = wrong_budget(repo, record, &booking) {
            diags.push(d);
            continue;
        }
        let (use_, date) = (booking.use_, booking.date);
        if let (Some(field), Some(date), true) = (&use_.amount, date, counts) {
            if let Some(amount) = record.fields.get(field).and_then(Value::as_f64) {
                spending.entry(booking.line.to_string()).or_default().push((
                    date,
                    &record.path,
                    amount,
                    record,
                ));
            }
        }
    }
    diags.extend(over_budget(repo, &lines, spending));
    diags
}

/// Line → what is spent on it: (date, path, amount, record).
type Spending<'a> = BTreeMap<String, Vec<(NaiveDate, &'a str, f64, &'a Record)>>;

/// Whether each record's spending counts against its line (an expression per record: worked
/// out in parallel, before the sums, which go in order).
fn counted(repo: &Repository, ev: &Evaluator) -> Vec<bool> {
    repo.records
        .par_iter()
        .map(|record| {
            repo.type_of(record)
                .filter(|def| def.budget_line.is_some())
                .and_then(|def| Some((def, def.budget_line_counts.as_ref()?)))
                .is_none_or(|(def, e)| {
                    ev.scope(&record_value(def, record), None).truth(e) == Some(true)
                })
        })
        .collect()
}

/// A record booked against a line of a known budget.
struct Booking<'a> {
    use_: &'a BudgetLineUse,
    /// `budget-id#line-id`.
    line: &'a str,
    budget_id: &'a str,
    /// The budget's year.
    year: Option<i64>,
    /// Whether the budget counts (is approved).
    budget_counts: bool,
    date: Option<NaiveDate>,
}

/// The budget line `record` is booked against, when its type books against lines and the
/// line's budget is known.
fn booking<'a>(repo: &'a Repository, lines: &Lines, record: &'a Record) -> Option<Booking<'a>> {
    let def = repo.type_of(record)?;
    let use_ = def.budget_line.as_ref()?;
    let line = record.str_field(&use_.line)?;
    let (budget_id, _) = line.split_once('#')?;
    let &(year, budget_counts) = lines.budgets.get(budget_id)?;
    Some(Booking {
        use_,
        line,
        budget_id,
        year,
        budget_counts,
        date: record.str_field(&use_.date).and_then(date::parse),
    })
}

/// Whether the booking is against a budget that is not approved, or of another year.
fn wrong_budget(repo: &Repository, record: &Record, booking: &Booking) -> Option<Diagnostic> {
    let field = &booking.use_.line;
    if !booking.budget_counts {
        return Some(
            at(
                repo,
                record,
                field,
                codes::WRONG_BUDGET,
                crate::i18n::tv(
                    "budget-not-approved",
                    &[("budget", booking.budget_id.to_string())],
                ),
            )
            .hint(crate::i18n::tv("budget-not-approved-hint", &[])),
        );
    }
    let (Some(date), Some(year)) = (booking.date, booking.year) else {
        return None;
    };
    if i64::from(date.year()) == year {
        return None;
    }
    Some(
        at(
            repo,
            record,
            field,
            codes::WRONG_BUDGET,
            crate::i18n::tv(
                "budget-other-year",
                &[("date", date.to_string()), ("year", year.to_string())],
            ),
        )
        .hint(crate::i18n::tv(
            "budget-other-year-hint",
            &[("year", date.year().to_string())],
        )),
    )
}

/// Lines whose spending, summed in date order, goes over the approved amount: a finding at the
/// first record that crosses it.
fn over_budget(repo: &Repository, lines: &Lines, spending: Spending) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    for (line, mut items) in spending {
        let Some(&limit) = lines.limits.get(&line) else {
            continue;
        };
        items.sort_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
        let mut total = 0.0;
        for (_, _, amount, record) in items {
            total += amount;
            if total > limit + 0.005 {
                let field = repo
                    .type_of(record)
                    .and_then(|d| d.budget_line.as_ref())
                    .map_or("budget_line", |u| u.line.as_str());
                diags.push(
                    at(
                        repo,
                        record,
                        field,
                        codes::OVER_BUDGET,
                        crate::i18n::tv(
                            "over-budget",
                            &[
                                ("line", line.clone()),
                                ("total", crate::text::money(total)),
                                ("limit", crate::text::money(limit)),
                            ],
                        ),
                    )
                    .hint(crate::i18n::tv("over-budget-hint", &[])),
                );
                break;
            }
        }
    }
    diags
}

/// The latest period of `kind` that ended before `today`, as written in records, with its last day.
pub(super) fn latest_ended(kind: PeriodKind, today: NaiveDate) -> Option<(String, NaiveDate)> {
    let (y, m) = (today.year(), today.month());
    match kind {
        PeriodKind::Quarter => {
            let q = (m - 1) / 3; // quarters fully ended this year
            let (year, quarter) = if q == 0 { (y - 1, 4) } else { (y, q) };
            let end = NaiveDate::from_ymd_opt(year, quarter * 3, 1)?
                .checked_add_months(chrono::Months::new(1))?
                .pred_opt()?;
            Some((format!("{year}-Q{quarter}"), end))
        }
        PeriodKind::Month => {
            let first = NaiveDate::from_ymd_opt(y, m, 1)?;
            let end = first.pred_opt()?;
            Some((format!("{}-{:02}", end.year(), end.month()), end))
        }
        PeriodKind::Year => Some(((y - 1).to_string(), NaiveDate::from_ymd_opt(y - 1, 12, 31)?)),
    }
}

fn coverage(repo: &Repository, ev: &Evaluator) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    let today = date::parse(ev.today());
    for def in repo.types.values() {
        for c in &def.coverage {
            diags.extend(cover(repo, ev, def, c, today));
        }
    }
    diags
}

/// The latest period a coverage rule asks about: its label and last day.
type Ended<'a> = (&'a Period, (String, NaiveDate));

/// Findings of coverage rule `c` of type `def`: each record of the kind it covers (in the
/// latest ended period, when it has one) that no record of `def` names.
fn cover(
    repo: &Repository,
    ev: &Evaluator,
    def: &TypeDef,
    c: &Coverage,
    today: Option<NaiveDate>,
) -> Vec<Diagnostic> {
    let Some(of) = &c.of else {
        return super::periods::cover(repo, def, c, today);
    };
    let period = match &c.period {
        Some(p) => match today.and_then(|t| latest_ended(p.every, t)) {
            Some(found) => Some((p, found)),
            None => return Vec::new(),
        },
        None => None,
    };
    let covered = covered(repo, def, c, period.as_ref());
    let Some(subject_type) = repo.types.get(of) else {
        return Vec::new();
    };
    let mut diags = Vec::new();
    for subject in repo
        .records
        .iter()
        .filter(|r| r.type_name.as_deref() == Some(of.as_str()))
    {
        if covered.contains(subject.id.as_str()) {
            continue;
        }
        let value = record_value(subject_type, subject);
        if c.where_
            .as_ref()
            .is_some_and(|w| ev.scope(&value, Some(&value)).truth(w) != Some(true))
        {
            continue;
        }
        let mut message = c.message.get();
        if let Some((p, (label, end))) = &period {
            let since = p
                .since
                .as_ref()
                .and_then(|f| subject.str_field(f))
                .and_then(date::parse);
            if since.is_some_and(|s| s > *end) {
                continue; // not yet there in that period
            }
            message = crate::i18n::tv(
                "coverage-period",
                &[("message", message), ("period", label.clone())],
            );
        }
        diags.push(uncovered(repo, def, c, subject, &message));
    }
    diags
}

/// The ids the records of `def` name in the rule's field (in `period`, when there is one).
fn covered<'a>(
    repo: &'a Repository,
    def: &TypeDef,
    c: &Coverage,
    period: Option<&Ended>,
) -> std::collections::HashSet<&'a str> {
    repo.records
        .iter()
        .filter(|r| r.type_name.as_deref() == Some(def.name.as_str()))
        .filter(|r| {
            period.is_none_or(|(p, (label, _))| r.str_field(&p.field) == Some(label.as_str()))
        })
        .filter_map(|r| r.str_field(&c.field))
        .collect()
}

/// The finding that `subject` has no record of `def` naming it.
fn uncovered(
    repo: &Repository,
    def: &TypeDef,
    c: &Coverage,
    subject: &Record,
    message: &str,
) -> Diagnostic {
    let code = match c.severity {
        RuleSeverity::Error => codes::COVERAGE_MISSING,
        RuleSeverity::Warning => codes::COVERAGE_WARNING,
    };
    let name = repo.person_name(subject).unwrap_or(&subject.id);
    Diagnostic::new(
        code,
        &subject.path,
        subject.pos(repo.text_of(subject), "", false),
        crate::i18n::tv(
            "coverage-missing",
            &[
                ("name", name.to_string()),
                ("id", subject.id.clone()),
                ("message", message.to_string()),
            ],
        ),
    )
    .hint(c.hint.as_ref().map(|h| h.get()).unwrap_or_else(|| {
        let words = [
            ("type", def.name.clone()),
            ("type_label", crate::model::labels::run_type_label(def)),
            ("id", subject.id.clone()),
            ("field", c.field.clone()),
        ];
        crate::i18n::tv("coverage-missing-hint", &words)
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latest_ended_periods() {
        let d = |s| date::parse(s).unwrap();
        assert_eq!(
            latest_ended(PeriodKind::Quarter, d("2026-11-26")).unwrap(),
            ("2026-Q3".into(), d("2026-09-30"))
        );
        assert_eq!(
            latest_ended(PeriodKind::Quarter, d("2026-02-01")).unwrap(),
            ("2025-Q4".into(), d("2025-12-31"))
        );
        assert_eq!(
            latest_ended(PeriodKind::Month, d("2026-01-15")).unwrap(),
            ("2025-12".into(), d("2025-12-31"))
        );
        assert_eq!(
            latest_ended(PeriodKind::Year, d("2026-01-15")).unwrap().0,
            "2025"
        );
    }
}
