//! Workflow rules from the type files: who may approve what, what each state requires, and
//! council resolutions that must back a record.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde_json::Value;

pub use super::next::roles_allowed;
use crate::date;
use crate::diag::{codes, Code, Diagnostic};
use crate::i18n::tv;
use crate::model::expr::{shown, Evaluator, Scope};
use crate::model::labels::Say;
use crate::model::people::RoleHeld;
use crate::model::record::record_value;
use crate::model::record::Record;
use crate::model::repo::Repository;
use crate::model::types::{ApprovalStep, Requirement, TypeDef};

/// One approval entry as written in the front matter.
pub(super) struct Entry<'a> {
    pub(super) index: usize,
    pub(super) step: &'a str,
    pub(super) by: &'a str,
    pub(super) role: &'a str,
    pub(super) date: Option<NaiveDate>,
}

fn entries(record: &Record) -> Vec<Entry<'_>> {
    let Some(Value::Array(items)) = record.fields.get("approvals") else {
        return Vec::new();
    };
    items
        .iter()
        .enumerate()
        .filter_map(|(index, a)| {
            let s = |k: &str| a.get(k).and_then(Value::as_str);
            Some(Entry {
                index,
                step: s("step")?,
                by: s("by")?,
                role: s("role")?,
                date: s("date").and_then(date::parse),
            })
        })
        .collect()
}

/// One record under check, with what its findings need.
pub(super) struct Ctx<'a, 's> {
    pub(super) repo: &'a Repository,
    pub(super) def: &'a TypeDef,
    pub(super) record: &'a Record,
    pub(super) text: &'a str,
    pub(super) scope: &'a Scope<'s>,
    /// The day rules treat as today (who may give a missing approval).
    pub(super) today: Option<NaiveDate>,
}

impl Ctx<'_, '_> {
    /// Names for this record's messages.
    pub(super) fn say(&self) -> Say<'_> {
        Say::new(self.repo, Some(self.def))
    }

    /// The words of a message about entry `e`: who gave which step, by id and by name.
    fn words(&self, e: &Entry) -> Vec<(&'static str, String)> {
        let say = self.say();
        vec![
            ("by", e.by.to_string()),
            ("by_name", say.person(e.by)),
            ("step", e.step.to_string()),
            ("step_label", say.step(e.step)),
            ("path", self.record.path.clone()),
        ]
    }

    /// A finding at `pointer` in the record's front matter.
    pub(super) fn at(&self, code: Code, pointer: &str, message: String) -> Diagnostic {
        Diagnostic::new(
            code,
            &self.record.path,
            self.record.pos(self.text, pointer, false),
            message,
        )
    }
}

/// Checks one record's approvals and the requirements of its state.
pub fn check(repo: &Repository, ev: &Evaluator, record: &Record) -> Vec<Diagnostic> {
    check_text(repo, ev, record, repo.text_of(record))
}

/// [`check`] for a record whose text is `text`: also one that is not `repo`'s own (a record of a
/// new tree judged by the rules of the tree before it).
pub fn check_text(
    repo: &Repository,
    ev: &Evaluator,
    record: &Record,
    text: &str,
) -> Vec<Diagnostic> {
    let Some(def) = repo.type_of(record) else {
        return Vec::new();
    };
    let entries = entries(record);
    let state = record
        .str_field("status")
        .or_else(|| def.workflow.as_ref().and_then(|w| w.initial()));
    let needs_scope =
        !entries.is_empty() || state.is_some_and(|s| def.requirements_in(s).next().is_some());
    if !needs_scope {
        return Vec::new();
    }
    let scope = ev.scope(&record_value(def, record), None);
    let ctx = Ctx {
        repo,
        def,
        record,
        text,
        scope: &scope,
        today: date::parse(ev.today()),
    };
    let mut diags: Vec<Diagnostic> = entries.iter().filter_map(|e| approval(&ctx, e)).collect();
    diags.extend(given_twice(&ctx, &entries));
    diags.extend(dated_after(&ctx, &entries, date::parse(ev.today())));
    if let Some(state) = state {
        diags.extend(state_requirements(&ctx, state, &entries));
        diags.extend(dates_before_approvals(&ctx, state, &entries));
    }
    diags
}

/// The same step given twice by the same person: a finding at every repeat.
fn given_twice(ctx: &Ctx, entries: &[Entry]) -> Vec<Diagnostic> {
    let mut seen = BTreeSet::new();
    entries
        .iter()
        .filter(|e| !seen.insert((e.step, e.by)))
        .map(|e| {
            ctx.at(
                codes::APPROVAL_TWICE,
                &format!("/approvals/{}/step", e.index),
                tv("approval-twice", &ctx.words(e)),
            )
            .hint(tv("approval-twice-hint", &ctx.words(e)))
        })
        .collect()
}

/// Approvals dated after `today`: an approval is dated the day it is given.
fn dated_after(ctx: &Ctx, entries: &[Entry], today: Option<NaiveDate>) -> Vec<Diagnostic> {
    let Some(today) = today else {
        return Vec::new();
    };
    entries
        .iter()
        .filter(|e| e.date.is_some_and(|d| d > today))
        .map(|e| {
            let mut words = ctx.words(e);
            words.push(("date", e.date.unwrap_or(today).to_string()));
            words.push(("today", today.to_string()));
            ctx.at(
                codes::DATE_OUT_OF_ORDER,
                &format!("/approvals/{}/date", e.index),
                tv("approval-after-today", &words),
            )
            .hint(tv("approval-after-today-hint", &[]))
        })
        .collect()
}

/// Date fields a state requires (an issue date, a payment date) that precede an approval the
/// state requires: a document is not issued before it is approved.
fn dates_before_approvals(ctx: &Ctx, state: &str, entries: &[Entry]) -> Vec<Diagnostic> {
    let def = ctx.def;
    let applying = || {
        def.requirements_in(state)
            .filter(|r| applies(ctx, r).unwrap_or(false))
    };
    let steps: BTreeSet<&str> = applying()
        .flat_map(|r| r.approvals.iter().map(String::as_str))
        .collect();
    let Some((approved, last)) = entries
        .iter()
        .filter(|e| steps.contains(e.step))
        .filter_map(|e| Some((e.date?, e)))
        .max_by_key(|(d, _)| *d)
    else {
        return Vec::new();
    };
    let mut diags = Vec::new();
    for field in applying().flat_map(|r| &r.fields) {
        let format = def
            .schema
            .pointer(&format!("/properties/{field}/format"))
            .and_then(Value::as_str);
        if format != Some("date") {
            continue;
        }
        let Some(day) = ctx.record.str_field(field).and_then(date::parse) else {
            continue;
        };
        if day < approved {
            let mut words = ctx.words(last);
            words.extend([
                ("field", field.clone()),
                ("field_title", ctx.say().field(field)),
                ("day", day.to_string()),
                ("approved", approved.to_string()),
                ("state", state.to_string()),
                ("state_label", ctx.say().state(state)),
            ]);
            diags.push(
                ctx.at(
                    codes::DATE_OUT_OF_ORDER,
                    &format!("/{field}"),
                    tv("date-before-approval", &words),
                )
                .hint(tv("date-before-approval-hint", &words)),
            );
        }
    }
    diags
}

/// The finding on one approval entry, if any: an unknown step, an approver the step excludes,
/// no rule that covers it, or a role not allowed or not held.
fn approval(ctx: &Ctx, e: &Entry) -> Option<Diagnostic> {
    let base = format!("/approvals/{}", e.index);
    let Some(step) = ctx.def.steps.get(e.step) else {
        return Some(unknown_step(ctx, e, &base));
    };
    let date = e.date?; // a malformed date is reported by the schema
    ctx.repo.person(e.by)?; // an unknown approver is reported as a broken reference
    if excluded(step, ctx.scope, e.by) {
        return Some(
            ctx.at(
                codes::APPROVER_EXCLUDED,
                &format!("{base}/by"),
                tv("approver-excluded", &ctx.words(e)),
            )
            .hint(tv("approver-excluded-hint", &[])),
        );
    }
    if by_person(step, ctx.scope, e.by).any(|role| role == e.role) {
        return None; // a rule names this person for this record
    }
    let applicable = applicable_rules(step, ctx.scope);
    if applicable.is_empty() && by_person(step, ctx.scope, e.by).next().is_none() {
        if undetermined(step, ctx.scope) {
            return None; // a condition reads a field that is invalid or empty, reported elsewhere
        }
        let mut words = ctx.words(e);
        words.extend([
            ("type", ctx.def.name.clone()),
            ("type_label", ctx.say().kind()),
            ("file", ctx.def.path.clone()),
        ]);
        return Some(
            ctx.at(
                codes::NO_RULE_APPLIES,
                &format!("{base}/step"),
                tv("no-rule-applies", &words),
            )
            .hint(tv("no-rule-applies-hint", &words)),
        );
    }
    let not_by = |id: &str| excluded(step, ctx.scope, id);
    role_finding(ctx, e, &base, &applicable, (date, &not_by))
}

/// The finding for an approval that names a step the type does not declare.
fn unknown_step(ctx: &Ctx, e: &Entry, base: &str) -> Diagnostic {
    let def = ctx.def;
    let mut words = ctx.words(e);
    let steps = super::next::steps_listed(&ctx.say(), def);
    words.extend([
        ("type", def.name.clone()),
        ("type_label", ctx.say().kind()),
        ("steps", steps.clone()),
    ]);
    ctx.at(
        codes::UNKNOWN_STEP,
        &format!("{base}/step"),
        tv("unknown-step", &words),
    )
    .hint(if steps.is_empty() {
        tv("unknown-step-none", &words)
    } else {
        tv("unknown-step-list", &words)
    })
}

/// Whether `by` is one of the people the step's `not_by` excludes for this record.
pub(super) fn excluded(step: &ApprovalStep, scope: &Scope, by: &str) -> bool {
    step.not_by.iter().any(|x| {
        scope
            .strings(x)
            .is_ok_and(|ids| ids.iter().any(|id| id == by))
    })
}

/// Whether the approval's role is one the applicable rules allow, and the approver held it on
/// `date`; a finding (with who could have approved) when not.
fn role_finding(
    ctx: &Ctx,
    e: &Entry,
    base: &str,
    applicable: &[(String, Vec<String>)],
    (date, not_by): (NaiveDate, &dyn Fn(&str) -> bool),
) -> Option<Diagnostic> {
    let in_role: Vec<&(String, Vec<String>)> = applicable
        .iter()
        .filter(|(role, _)| role == e.role)
        .collect();
    let could =
        || super::next::could_have(ctx.repo, applicable, date, &|id| id == e.by || not_by(id));
    if in_role.is_empty() {
        let allowed: Vec<String> = applicable
            .iter()
            .map(|(r, s)| RoleHeld::describe(r, s))
            .collect();
        let mut words = ctx.words(e);
        words.extend([
            ("role", e.role.to_string()),
            ("role_label", ctx.say().role(e.role)),
            ("allowed", allowed.join(", or ")),
            ("allowed_labels", ctx.say().roles_in(applicable)),
        ]);
        return Some(
            ctx.at(
                codes::ROLE_NOT_ALLOWED,
                &format!("{base}/role"),
                tv("role-not-allowed", &words),
            )
            .hint(could()),
        );
    }
    if in_role
        .iter()
        .any(|(role, needed)| ctx.repo.held(e.by, role, needed, date))
    {
        return None;
    }
    let needed: Vec<String> = in_role
        .iter()
        .map(|(r, s)| RoleHeld::describe(r, s))
        .collect();
    let in_role: Vec<(String, Vec<String>)> = in_role.into_iter().cloned().collect();
    let mut words = ctx.words(e);
    words.extend([
        ("needed", needed.join(" or ")),
        ("needed_labels", ctx.say().roles_in(&in_role)),
        ("date", date.to_string()),
    ]);
    Some(
        ctx.at(
            codes::ROLE_NOT_HELD,
            &format!("{base}/by"),
            tv("role-not-held", &words),
        )
        .hint(could()),
    )
}

/// What the requirements in effect in `state` find missing: fields, approvals, and council
/// resolutions.
fn state_requirements(ctx: &Ctx, state: &str, entries: &[Entry]) -> Vec<Diagnostic> {
    // Approvals given for a step the type declares, whatever else is wrong with them.
    let given: BTreeSet<&str> = entries
        .iter()
        .map(|e| e.step)
        .filter(|step| ctx.def.steps.contains_key(*step))
        .collect();
    let mut diags = Vec::new();
    for req in ctx.def.requirements_in(state) {
        match applies(ctx, req) {
            Ok(true) => {}
            Ok(false) => continue,
            Err(d) => {
                diags.push(d);
                continue;
            }
        }
        diags.extend(missing_fields(ctx, state, req));
        diags.extend(missing_approvals(ctx, state, req, &given));
        if let Some(rule) = &req.council {
            diags.extend(super::council::council(ctx, rule, entries, state));
        }
    }
    diags
}

/// Whether `req` applies to the record (its `when:` holds); a finding when that cannot be
/// known, for a requirement never passes unchecked.
fn applies(ctx: &Ctx, req: &Requirement) -> Result<bool, Diagnostic> {
    let Some(when) = &req.when else {
        return Ok(true);
    };
    match ctx.scope.eval(when) {
        Ok(cel::Value::Bool(b)) => Ok(b),
        other => {
            let title = |name: &str| ctx.say().field(name);
            let why = match other {
                Ok(v) => tv("rule-undecided-value", &[("value", shown(&v))]),
                Err(e) => e.reason(when, Some(&ctx.record.fields), &title),
            };
            let words = [
                ("state", req.from_state.clone()),
                ("state_label", ctx.say().state(&req.from_state)),
                ("when", when.source.clone()),
                ("why", why),
                ("file", ctx.def.path.clone()),
            ];
            Err(ctx
                .at(
                    codes::RULE_UNEVALUATED,
                    "/status",
                    tv("rule-undecided", &words),
                )
                .hint(tv("rule-undecided-hint", &words)))
        }
    }
}

/// The fields `req` needs that the record leaves out or empty.
fn missing_fields(ctx: &Ctx, state: &str, req: &Requirement) -> Vec<Diagnostic> {
    let record = ctx.record;
    let mut diags = Vec::new();
    for field in &req.fields {
        let present = record.fields.get(field).is_some_and(|v| {
            !v.is_null() && v.as_str() != Some("") && v.as_array().is_none_or(|a| !a.is_empty())
        });
        if !present {
            diags.push(
                ctx.at(
                    codes::STATE_FIELD_MISSING,
                    "/status",
                    tv("state-needs-field", &state_words(ctx, state, field, req)),
                )
                .hint(tv(
                    "state-needs-field-hint",
                    &state_words(ctx, state, field, req),
                )),
            );
        }
    }
    diags
}

/// The words of a message about what `state` requires (`what`, a field or a step).
fn state_words(
    ctx: &Ctx,
    state: &str,
    what: &str,
    req: &Requirement,
) -> Vec<(&'static str, String)> {
    let say = ctx.say();
    vec![
        ("type", ctx.def.name.clone()),
        ("type_label", say.kind()),
        ("state", state.to_string()),
        ("state_label", say.state(state)),
        ("field", what.to_string()),
        ("field_title", say.field(what)),
        ("step", what.to_string()),
        ("step_label", say.step(what)),
        ("before", req.from_state.clone()),
        ("before_label", say.state(&req.from_state)),
    ]
}

/// The approvals `req` needs that no entry gives.
fn missing_approvals(
    ctx: &Ctx,
    state: &str,
    req: &Requirement,
    given: &BTreeSet<&str>,
) -> Vec<Diagnostic> {
    let def = ctx.def;
    let mut diags = Vec::new();
    for step in &req.approvals {
        if !given.contains(step.as_str()) {
            let hint = match (def.steps.get(step), ctx.today) {
                (Some(rule), Some(today)) => super::next::sign_hint(
                    &ctx.record.path,
                    (step, &ctx.say().step(step)),
                    &super::next::who_may_give(ctx.repo, rule, ctx.scope, today),
                ),
                (Some(rule), None) => {
                    let how = super::next::describe_step(&ctx.say(), rule, ctx.scope);
                    tv("add-approval", &[("how", how)])
                }
                (None, _) => String::new(),
            };
            diags.push(
                ctx.at(
                    codes::APPROVAL_MISSING,
                    "/status",
                    tv("state-needs-approval", &state_words(ctx, state, step, req)),
                )
                .hint(hint),
            );
        }
    }
    diags
}

/// The roles in which rules of `step` that apply to this record name `by` as a person who may
/// give it (`person:` rules).
pub(super) fn by_person<'s>(
    step: &'s ApprovalStep,
    scope: &'s Scope,
    by: &'s str,
) -> impl Iterator<Item = &'s str> + 's {
    step.rules
        .iter()
        .filter(|r| r.when.as_ref().is_none_or(|w| scope.truth(w) == Some(true)))
        .filter(move |r| {
            r.person.as_ref().is_some_and(|p| {
                scope
                    .strings(p)
                    .is_ok_and(|ids| ids.iter().any(|id| id == by))
            })
        })
        .map(|r| r.role.as_str())
}

/// The rules of `step` that apply to this record, with the scope each requires (rules that
/// name people rather than a role's holders are [`by_person`]'s).
pub(super) fn applicable_rules(step: &ApprovalStep, scope: &Scope) -> Vec<(String, Vec<String>)> {
    step.rules
        .iter()
        .filter(|r| r.person.is_none())
        .filter(|r| r.when.as_ref().is_none_or(|w| scope.truth(w) == Some(true)))
        .filter_map(|r| {
            let needed = match &r.scope {
                // A scope that cannot be computed (an empty field) cannot be satisfied.
                Some(e) => scope.strings(e).ok().filter(|s| !s.is_empty())?,
                None => Vec::new(),
            };
            Some((r.role.clone(), needed))
        })
        .collect()
}

/// Whether some rule's condition cannot be evaluated for this record.
fn undetermined(step: &ApprovalStep, scope: &Scope) -> bool {
    step.rules
        .iter()
        .any(|r| r.when.as_ref().is_some_and(|w| scope.truth(w).is_none()))
}
