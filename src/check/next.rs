//! What a record waits for: the states its workflow lets it move to next, what each of them
//! still lacks, and who may give each missing approval — for the inbox, for what `clerk sign`
//! and `clerk advance` say comes next, and for the hint of a missing approval (E036).

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::Serialize;
use serde_json::Value;

use super::workflow::{applicable_rules, excluded};
use crate::date;
use crate::i18n::tv;
use crate::model::digest::{content_digest, content_digest_with_id};
use crate::model::expr::{Evaluator, Scope};
use crate::model::labels::Say;
use crate::model::people::RoleHeld;
use crate::model::record::{record_value, Record};
use crate::model::repo::Repository;
use crate::model::types::{ApprovalStep, TypeDef};

/// Someone who may give an approval step: who they are and the role they would give it in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Giver {
    pub id: String,
    pub name: String,
    /// The role, with the departments it must cover (`deputy-secretary-general for events`).
    pub role: String,
    /// The role by its label in the run's language (`副秘書長（活動部）`).
    #[serde(skip)]
    pub role_label: String,
}

/// An approval a next state needs that the record lacks, or holds only stale.
#[derive(Debug, Clone, Serialize)]
pub struct MissingApproval {
    pub step: String,
    /// The step's label in the association's language (its name when it has none).
    pub label: String,
    /// Who may give it on the day: for a stale approval, the person who gave it.
    pub givers: Vec<Giver>,
    /// The person whose approval of the step no longer matches the record's content.
    pub stale_by: Option<String>,
}

/// A state the record may move to next, and what it still lacks for it.
#[derive(Debug, Clone, Serialize)]
pub struct Next {
    pub state: String,
    pub approvals: Vec<MissingApproval>,
    /// Fields the state requires that are empty.
    pub fields: Vec<String>,
}

impl Next {
    /// Whether the record has everything the state requires.
    pub fn ready(&self) -> bool {
        self.approvals.is_empty() && self.fields.is_empty()
    }
}

/// The record's workflow state: its `status`, or the workflow's initial state.
pub fn state<'a>(def: &'a TypeDef, record: &'a Record) -> Option<&'a str> {
    record
        .str_field("status")
        .or_else(|| def.workflow.as_ref().and_then(|w| w.initial()))
}

/// Every state the record may move to from its own, with what each lacks (as of `ev`'s day).
pub fn next_states(repo: &Repository, ev: &Evaluator, record: &Record) -> Vec<Next> {
    let Some(def) = repo.type_of(record) else {
        return Vec::new();
    };
    let (Some(wf), Some(current)) = (&def.workflow, state(def, record)) else {
        return Vec::new();
    };
    let Some(today) = date::parse(ev.today()) else {
        return Vec::new();
    };
    let scope = ev.scope(&record_value(def, record), None);
    let fresh = fresh_approvals(repo, def, record);
    let locale = repo.config.association.locale.tag();
    let mut out = Vec::new();
    for target in wf.transitions.get(current).into_iter().flatten() {
        let mut next = Next {
            state: target.clone(),
            approvals: Vec::new(),
            fields: Vec::new(),
        };
        let mut seen = BTreeSet::new();
        for req in def.requirements_in(target) {
            for step in req.approvals.iter().filter(|s| seen.insert(s.as_str())) {
                if fresh.given.contains(step) {
                    continue;
                }
                let Some(rule) = def.steps.get(step) else {
                    continue;
                };
                let stale_by = fresh.stale.iter().find(|(s, _)| s == step).map(|(_, b)| b);
                let mut givers = who_may_give(repo, rule, &scope, today);
                if let Some(by) = stale_by {
                    givers.retain(|g| &g.id == by);
                }
                next.approvals.push(MissingApproval {
                    step: step.clone(),
                    label: rule.label.get(locale).unwrap_or(step).clone(),
                    givers,
                    stale_by: stale_by.cloned(),
                });
            }
            next.fields
                .extend(req.fields.iter().filter(|f| !present(record, f)).cloned());
        }
        out.push(next);
    }
    out
}

/// Whether `field` holds something: not missing, null, empty text or an empty list.
pub fn present(record: &Record, field: &str) -> bool {
    record.fields.get(field).is_some_and(|v| {
        !v.is_null() && v.as_str() != Some("") && v.as_array().is_none_or(|a| !a.is_empty())
    })
}

/// The record's approvals by step: those that match its content now, and the stale ones (step,
/// person) — an approval that has no digest is taken as given (its signature check says more).
struct Fresh {
    given: BTreeSet<String>,
    stale: Vec<(String, String)>,
}

fn fresh_approvals(repo: &Repository, def: &TypeDef, record: &Record) -> Fresh {
    let text = repo.text_of(record);
    let now = content_digest(Some(def), record, text);
    let with_id = content_digest_with_id(Some(def), record, text);
    let mut fresh = Fresh {
        given: BTreeSet::new(),
        stale: Vec::new(),
    };
    let items = record.fields.get("approvals").and_then(Value::as_array);
    for a in items.into_iter().flatten() {
        let s = |k: &str| a.get(k).and_then(Value::as_str);
        let (Some(step), Some(by)) = (s("step"), s("by")) else {
            continue;
        };
        match s("digest") {
            Some(d) if d != now && Some(d) != with_id.as_deref() => {
                fresh.stale.push((step.to_string(), by.to_string()))
            }
            _ => {
                fresh.given.insert(step.to_string());
            }
        }
    }
    fresh
}

/// Everyone who may give `step` for the record in `scope` on `date`: the people its rules name,
/// then the holders of each role that applies, less those the step excludes; each once.
pub fn who_may_give(
    repo: &Repository,
    step: &ApprovalStep,
    scope: &Scope,
    date: NaiveDate,
) -> Vec<Giver> {
    let mut out: Vec<Giver> = Vec::new();
    let say = Say::new(repo, None);
    let named = step
        .rules
        .iter()
        .filter(|r| r.when.as_ref().is_none_or(|w| scope.truth(w) == Some(true)))
        .filter_map(|r| Some((r.role.clone(), scope.strings(r.person.as_ref()?).ok()?)));
    for (role, ids) in named {
        for id in ids {
            if let Some(p) = repo.person(&id) {
                let name = repo.person_name(p).unwrap_or(&id);
                out.push(giver(&id, name, (role.clone(), say.role(&role))));
            }
        }
    }
    for (role, needed) in applicable_rules(step, scope) {
        for (id, name) in repo.holders(&role, &needed, date) {
            let role = (
                RoleHeld::describe(&role, &needed),
                say.role_in(&role, &needed),
            );
            out.push(giver(id, &name, role));
        }
    }
    let mut seen = BTreeSet::new();
    out.retain(|g| seen.insert(g.id.clone()) && !excluded(step, scope, &g.id));
    out
}

fn giver(id: &str, name: &str, (role, role_label): (String, String)) -> Giver {
    Giver {
        id: id.to_string(),
        name: name.to_string(),
        role,
        role_label,
    }
}

/// The command that gives `step` of the record at `path`, and who may run it: the hint of a
/// missing approval.
/// `step_label` is the step's label in the run's language.
pub fn sign_hint(path: &str, (step, step_label): (&str, &str), givers: &[Giver]) -> String {
    let words = |g: &Giver| {
        vec![
            ("by", g.id.clone()),
            ("name", g.name.clone()),
            ("role", g.role.clone()),
            ("role_label", g.role_label.clone()),
        ]
    };
    let Some(first) = givers.first() else {
        let words = [
            ("step", step.to_string()),
            ("step_label", step_label.into()),
        ];
        return tv("sign-hint-nobody", &words);
    };
    let mut words_first = words(first);
    words_first.extend([("path", path.to_string()), ("step", step.to_string())]);
    let mut hint = tv("sign-hint", &words_first);
    if givers.len() > 1 {
        let others: Vec<String> = givers[1..]
            .iter()
            .map(|g| tv("sign-hint-other", &words(g)))
            .collect();
        let sep = tv("list-and", &[]);
        hint.push_str(&tv("sign-hint-also", &[("others", others.join(&sep))]));
    }
    hint
}

/// "Could have approved: …" for a hint, naming nobody `except` leaves out (the approver, and
/// whoever the step's `not_by` excludes).
pub(super) fn could_have(
    repo: &Repository,
    rules: &[(String, Vec<String>)],
    date: NaiveDate,
    except: &dyn Fn(&str) -> bool,
) -> String {
    let say = Say::new(repo, None);
    let mut names = Vec::new();
    for (role, scope) in rules {
        for (id, name) in repo.holders(role, scope, date) {
            if !except(id) {
                let words = [
                    ("name", name),
                    ("id", id.to_string()),
                    ("role", RoleHeld::describe(role, scope)),
                    ("role_label", say.role_in(role, scope)),
                ];
                names.push(tv("could-have-one", &words));
            }
        }
    }
    let date = date.to_string();
    if names.is_empty() {
        tv("could-have-nobody", &[("date", date)])
    } else {
        let names = names.join(&tv("list-semicolon", &[]));
        tv("could-have", &[("date", date), ("names", names)])
    }
}

/// How a step may be given, for a hint: "by a department-head for general, or a …".
pub(super) fn describe_step(say: &Say, step: &ApprovalStep, scope: &Scope) -> String {
    let rules = super::workflow::applicable_rules(step, scope);
    let roles: Vec<String> = rules
        .iter()
        .map(|(r, s)| RoleHeld::describe(r, s))
        .collect();
    if roles.is_empty() {
        tv("describe-step-none", &[])
    } else {
        let words = [
            ("roles", roles.join(", or a ")),
            ("roles_labels", say.roles_in(&rules)),
        ];
        tv("describe-step", &words)
    }
}

/// The steps of type `def`, each as `` `id`（label） `` in the run's language.
pub(super) fn steps_listed(say: &Say, def: &TypeDef) -> String {
    let steps: Vec<String> = def
        .steps
        .keys()
        .map(|id| {
            tv(
                "step-named",
                &[("step", id.clone()), ("step_label", say.step(id))],
            )
        })
        .collect();
    steps.join(&tv("list-and", &[]))
}

/// The roles in which `by` may give `step` of `record` on `date`, by the type's rules; or why
/// they may not (with who could).
pub fn roles_allowed(
    repo: &Repository,
    ev: &Evaluator,
    record: &Record,
    step_name: &str,
    by: &str,
    date: NaiveDate,
) -> Result<Vec<String>, String> {
    let def = repo
        .type_of(record)
        .ok_or_else(|| tv("no-known-type", &[("path", record.path.clone())]))?;
    let say = Say::new(repo, Some(def));
    let mut words = vec![
        ("by", by.to_string()),
        ("by_name", say.person(by)),
        ("step", step_name.to_string()),
        ("step_label", say.step(step_name)),
        ("type", def.name.clone()),
        ("type_label", say.kind()),
        ("date", date.to_string()),
    ];
    let Some(step) = def.steps.get(step_name) else {
        words.push(("steps", steps_listed(&say, def)));
        return Err(tv("not-a-step", &words));
    };
    let scope = ev.scope(&record_value(def, record), None);
    if excluded(step, &scope, by) {
        return Err(tv("approver-excluded", &words));
    }
    let rules = applicable_rules(step, &scope);
    let mut roles: Vec<String> = super::workflow::by_person(step, &scope, by)
        .map(str::to_string)
        .collect();
    roles.extend(
        rules
            .iter()
            .filter(|(role, needed)| repo.held(by, role, needed, date))
            .map(|(role, _)| role.clone()),
    );
    roles.dedup();
    if roles.is_empty() {
        let needed: Vec<String> = rules
            .iter()
            .map(|(r, s)| RoleHeld::describe(r, s))
            .collect();
        let (needed, needed_labels) = if needed.is_empty() {
            let none = tv("may-not-give-no-rule", &[]);
            (none.clone(), none)
        } else {
            (needed.join(", or "), say.roles_in(&rules))
        };
        let could = could_have(repo, &rules, date, &|id| {
            id == by || excluded(step, &scope, id)
        });
        words.extend([
            ("needed", needed),
            ("needed_labels", needed_labels),
            ("could", could),
        ]);
        return Err(tv("may-not-give", &words));
    }
    Ok(roles)
}
