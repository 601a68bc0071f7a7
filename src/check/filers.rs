//! Every filer has an approver: for each type with `filers:`, each person who files its records,
//! and each case it lists, someone other than those the step excludes may give every approval
//! the workflow requires, today. A gap is reported once, at the case, with the people it leaves
//! without an approver (before one of them files a record and finds nobody may approve it).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde_json::{Map, Value};

use crate::date;
use crate::diag::{codes, Diagnostic};
use crate::i18n::t;
use crate::model::expr::{Evaluator, Scope};
use crate::model::labels;
use crate::model::record::{record_value, Record};
use crate::model::repo::Repository;
use crate::model::types::{ApprovalStep, Case, Filers, TypeDef};

/// The findings for every type that says who files its records.
pub fn check(repo: &Repository, ev: &Evaluator) -> Vec<Diagnostic> {
    let Some(today) = date::parse(ev.today()) else {
        return Vec::new();
    };
    let Some(people_def) = repo.types.get(&repo.config.people_type) else {
        return Vec::new();
    };
    let people: Vec<(&Record, Value)> = repo
        .people()
        .map(|p| (p, record_value(people_def, p)))
        .collect();
    let mut diags = Vec::new();
    for def in repo.types.values() {
        let Some(filers) = &def.filers else { continue };
        let filing: Vec<&(&Record, Value)> = people
            .iter()
            .filter(|(_, subject)| {
                filers
                    .who
                    .as_ref()
                    .is_none_or(|w| ev.scope(subject, Some(subject)).truth(w) == Some(true))
            })
            .collect();
        for case in &filers.cases {
            match unevaluated(ev, def, filers, case, &filing) {
                Some(d) => diags.push(d),
                None => diags.extend(gaps(repo, ev, def, filers, case, &filing, today)),
            }
        }
    }
    diags
}

/// The steps of `case` that leave someone of `filing` without an approver, one finding each.
fn gaps(
    repo: &Repository,
    ev: &Evaluator,
    def: &TypeDef,
    filers: &Filers,
    case: &Case,
    filing: &[&(&Record, Value)],
    today: NaiveDate,
) -> Vec<Diagnostic> {
    let mut left: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for (person, subject) in filing {
        let Ok(record) = case_record(ev, def, filers, case, person, subject) else {
            continue;
        };
        let scope = ev.scope(&record, Some(subject));
        for step in required_steps(def, &scope) {
            if !has_approver(repo, step, &scope, today) {
                let name = repo.person_name(person).unwrap_or(&person.id);
                left.entry(step.name.as_str())
                    .or_default()
                    .push(format!("{name} ({})", person.id));
            }
        }
    }
    let type_label = labels::run_type_label(def);
    let case_text: Vec<String> = case_values(ev, def, filers, case, filing);
    left.into_iter()
        .map(|(step, names)| {
            Diagnostic::new(
                codes::FILER_WITHOUT_APPROVER,
                &def.path,
                case.pos,
                t(
                    "filer-without-approver",
                    &[
                        ("type_label", &type_label),
                        ("case", &case_text.join(", ")),
                        ("step_label", &labels::run_step_label(def, step)),
                        ("count", &names.len()),
                        ("names", &names.join(", ")),
                        ("date", &today),
                    ],
                ),
            )
            .hint(t("filer-without-approver-hint", &[("step", &step)]))
        })
        .collect()
}

/// The record `person` would file in `case`: the filer's field, then the case's fields.
fn case_record(
    ev: &Evaluator,
    def: &TypeDef,
    filers: &Filers,
    case: &Case,
    person: &Record,
    subject: &Value,
) -> Result<Value, String> {
    let mut fields = Map::new();
    for p in &def.properties {
        fields.insert(p.clone(), Value::Null);
    }
    fields.insert(filers.field.clone(), Value::String(person.id.clone()));
    let mut record = Value::Object(fields);
    for (name, expr) in &case.fields {
        let title = |name: &str| labels::run_field_title(def, name);
        let value = ev
            .scope(&record, Some(subject))
            .eval(expr)
            .map_err(|e| e.reason(expr, Some(&record), &title))?;
        let value = value.json().map_err(|e| e.to_string())?;
        if let Value::Object(m) = &mut record {
            m.insert(name.clone(), value);
        }
    }
    Ok(record)
}

/// A case whose values cannot be computed for some filer is reported, never passed (E107).
fn unevaluated(
    ev: &Evaluator,
    def: &TypeDef,
    filers: &Filers,
    case: &Case,
    filing: &[&(&Record, Value)],
) -> Option<Diagnostic> {
    filing.iter().find_map(|(person, subject)| {
        let error = case_record(ev, def, filers, case, person, subject).err()?;
        Some(Diagnostic::new(
            codes::RULE_UNEVALUATED,
            &def.path,
            case.pos,
            t(
                "filer-case-unevaluated",
                &[("id", &person.id), ("error", &error)],
            ),
        ))
    })
}

/// The case as shown in a message: `days = 5` (for the first filer; cases rarely depend on who).
fn case_values(
    ev: &Evaluator,
    def: &TypeDef,
    filers: &Filers,
    case: &Case,
    filing: &[&(&Record, Value)],
) -> Vec<String> {
    let Some((person, subject)) = filing.first() else {
        return Vec::new();
    };
    let Ok(record) = case_record(ev, def, filers, case, person, subject) else {
        return Vec::new();
    };
    case.fields
        .iter()
        .map(|(name, _)| {
            let value = record.get(name).map_or(String::new(), crate::text::plain);
            format!("{} = {value}", labels::run_field_title(def, name))
        })
        .collect()
}

/// The approval steps the workflow requires of this record, in some state.
fn required_steps<'a>(def: &'a TypeDef, scope: &Scope) -> Vec<&'a ApprovalStep> {
    let mut steps: Vec<&ApprovalStep> = def
        .requirements
        .iter()
        .filter(|req| {
            req.when
                .as_ref()
                .is_none_or(|w| scope.truth(w) != Some(false))
        })
        .flat_map(|req| req.approvals.iter())
        .filter_map(|name| def.steps.get(name))
        .collect();
    steps.sort_by(|a, b| a.name.cmp(&b.name));
    steps.dedup_by(|a, b| a.name == b.name);
    steps
}

/// Whether someone the step does not exclude may give it for this record on `day`.
fn has_approver(repo: &Repository, step: &ApprovalStep, scope: &Scope, day: NaiveDate) -> bool {
    let allowed = |id: &str| !super::workflow::excluded(step, scope, id);
    let by_role = super::workflow::applicable_rules(step, scope)
        .iter()
        .any(|(role, needed)| {
            repo.holders(role, needed, day)
                .iter()
                .any(|(id, _)| allowed(id))
        });
    by_role
        || step
            .rules
            .iter()
            .filter(|r| r.when.as_ref().is_none_or(|w| scope.truth(w) == Some(true)))
            .filter_map(|r| r.person.as_ref())
            .any(|p| {
                scope
                    .strings(p)
                    .is_ok_and(|ids| ids.iter().any(|id| allowed(id)))
            })
}
