//! Workflow rules from the type files: who may approve what, what each state requires, and
//! council resolutions that must back a record.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde_json::Value;

use crate::date;
use crate::diag::{codes, Code, Diagnostic};
use crate::model::expr::{Evaluator, Scope};
use crate::model::people::RoleHeld;
use crate::model::record::record_value;
use crate::model::record::Record;
use crate::model::repo::Repository;
use crate::model::types::{ApprovalStep, CouncilRule, TypeDef};

/// One approval entry as written in the front matter.
struct Entry<'a> {
    index: usize,
    step: &'a str,
    by: &'a str,
    role: &'a str,
    date: Option<NaiveDate>,
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

/// Checks one record's approvals and the requirements of its state.
pub fn check(repo: &Repository, ev: &Evaluator, record: &Record) -> Vec<Diagnostic> {
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
    let text = repo.text_of(record);
    let at = |code: Code, pointer: &str, message: String| {
        Diagnostic::new(
            code,
            &record.path,
            record.pos(text, pointer, false),
            message,
        )
    };
    let scope = ev.scope(&record_value(def, record), None);
    let mut diags = Vec::new();
    let mut given: BTreeSet<&str> = BTreeSet::new();

    for e in &entries {
        let base = format!("/approvals/{}", e.index);
        let Some(step) = def.steps.get(e.step) else {
            let steps: Vec<&str> = def.steps.keys().map(String::as_str).collect();
            diags.push(
                at(
                    codes::UNKNOWN_STEP,
                    &format!("{base}/step"),
                    format!("`{}` is not an approval step of {}", e.step, def.name),
                )
                .hint(if steps.is_empty() {
                    format!("type `{}` declares no approval steps", def.name)
                } else {
                    format!("steps: {}", steps.join(", "))
                }),
            );
            continue;
        };
        given.insert(e.step);
        let Some(date) = e.date else { continue }; // a malformed date is reported by the schema
        if repo.person(e.by).is_none() {
            continue; // an unknown approver is reported as a broken reference
        }
        let excluded = step.not_by.iter().any(|x| {
            scope
                .strings(x)
                .is_ok_and(|ids| ids.iter().any(|id| id == e.by))
        });
        if excluded {
            diags.push(
                at(codes::APPROVER_EXCLUDED, &format!("{base}/by"), format!("`{}` may not give the `{}` approval of this record", e.by, e.step))
                    .hint("nobody approves their own request; someone else who holds the role must approve"),
            );
            continue;
        }
        let applicable = applicable_rules(step, &scope);
        if applicable.is_empty() && undetermined(step, &scope) {
            continue; // a condition reads a field that is invalid or empty, reported elsewhere
        }
        if applicable.is_empty() {
            diags.push(
                at(
                    codes::NO_RULE_APPLIES,
                    &format!("{base}/step"),
                    format!(
                        "no rule of type `{}` says who may give `{}` for this record",
                        def.name, e.step
                    ),
                )
                .hint(format!(
                    "add a rule under `approvals.{}.by` in {} that covers it",
                    e.step, def.path
                )),
            );
            continue;
        }
        let in_role: Vec<&(String, Vec<String>)> = applicable
            .iter()
            .filter(|(role, _)| role == e.role)
            .collect();
        let could = || could_have(repo, &applicable, date, e.by);
        if in_role.is_empty() {
            let allowed: Vec<String> = applicable
                .iter()
                .map(|(r, s)| RoleHeld::describe(r, s))
                .collect();
            diags.push(
                at(
                    codes::ROLE_NOT_ALLOWED,
                    &format!("{base}/role"),
                    format!(
                        "a {} may not give `{}` for this record; it needs: {}",
                        e.role,
                        e.step,
                        allowed.join(", or ")
                    ),
                )
                .hint(could()),
            );
            continue;
        }
        if !in_role
            .iter()
            .any(|(role, needed)| repo.held(e.by, role, needed, date))
        {
            let needed: Vec<String> = in_role
                .iter()
                .map(|(r, s)| RoleHeld::describe(r, s))
                .collect();
            diags.push(
                at(
                    codes::ROLE_NOT_HELD,
                    &format!("{base}/by"),
                    format!("`{}` was not {} on {date}", e.by, needed.join(" or ")),
                )
                .hint(could()),
            );
        }
    }

    let Some(state) = state else { return diags };
    for req in def.requirements_in(state) {
        for field in &req.fields {
            let present = record.fields.get(field).is_some_and(|v| {
                !v.is_null() && v.as_str() != Some("") && v.as_array().is_none_or(|a| !a.is_empty())
            });
            if !present {
                diags.push(
                    at(
                        codes::STATE_FIELD_MISSING,
                        "/status",
                        format!("this {} is `{state}`, so it needs `{field}`", def.name),
                    )
                    .hint(format!(
                        "add `{field}:`, or set the status back to the state before `{}`",
                        req.from_state
                    )),
                );
            }
        }
        for step in &req.approvals {
            if !given.contains(step.as_str()) {
                let who = def
                    .steps
                    .get(step)
                    .map(|s| describe_step(s, &scope))
                    .unwrap_or_default();
                diags.push(
                    at(
                        codes::APPROVAL_MISSING,
                        "/status",
                        format!(
                            "this {} is `{state}`, so it needs the `{step}` approval",
                            def.name
                        ),
                    )
                    .hint(format!("add it under `approvals:` ({who})")),
                );
            }
        }
        if let Some(rule) = &req.council {
            diags.extend(council(repo, def, record, rule, &scope, &entries, state));
        }
    }
    diags
}

/// The rules of `step` that apply to this record, with the scope each requires.
fn applicable_rules(step: &ApprovalStep, scope: &Scope) -> Vec<(String, Vec<String>)> {
    step.rules
        .iter()
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

/// "Could have approved: …" for a hint.
fn could_have(
    repo: &Repository,
    rules: &[(String, Vec<String>)],
    date: NaiveDate,
    except: &str,
) -> String {
    let mut names = Vec::new();
    for (role, scope) in rules {
        for (id, name) in repo.holders(role, scope, date) {
            if id != except {
                names.push(format!(
                    "{name} ({id}, {})",
                    RoleHeld::describe(role, scope)
                ));
            }
        }
    }
    if names.is_empty() {
        format!("nobody held the needed role on {date}")
    } else {
        format!(
            "on {date} it could have been approved by: {}",
            names.join("; ")
        )
    }
}

fn describe_step(step: &ApprovalStep, scope: &Scope) -> String {
    let rules = applicable_rules(step, scope);
    let roles: Vec<String> = rules
        .iter()
        .map(|(r, s)| RoleHeld::describe(r, s))
        .collect();
    if roles.is_empty() {
        "no rule applies to this record".into()
    } else {
        format!("by a {}", roles.join(", or a "))
    }
}

/// A required council resolution: cited, from a council meeting that was held in time, passed.
fn council(
    repo: &Repository,
    def: &TypeDef,
    record: &Record,
    rule: &CouncilRule,
    scope: &Scope,
    entries: &[Entry],
    state: &str,
) -> Vec<Diagnostic> {
    if rule
        .when
        .as_ref()
        .is_some_and(|w| scope.truth(w) != Some(true))
    {
        return Vec::new();
    }
    let text = repo.text_of(record);
    let pointer = format!("/{}", crate::parse::yaml::escape_pointer(&rule.field));
    let at = |code: Code, p: &str, m: String| {
        Diagnostic::new(code, &record.path, record.pos(text, p, false), m)
    };
    let Some(cited) = record.str_field(&rule.field) else {
        return vec![at(
            codes::COUNCIL_MISSING,
            "/status",
            format!(
                "this {} is `{state}`, so it needs a council resolution in `{}`",
                def.name, rule.field
            ),
        )
        .hint(format!(
            "cite the resolution as `{}: MEETING-ID#RESOLUTION-ID`",
            rule.field
        ))];
    };
    let Some(council) = &repo.config.council else {
        return vec![Diagnostic::new(
            codes::SETTING_MISSING,
            &def.path,
            crate::diag::Pos::line(1),
            "council resolutions are required, but clerk.yaml has no `council:` settings",
        )
        .hint("add `council:` with `quorum:` and `majority:` to clerk.yaml")];
    };
    let Some((meeting_id, resolution_id)) = cited.split_once('#') else {
        return Vec::new(); // reported by the reference check
    };
    let Some(meeting) = repo
        .records_with_id(meeting_id)
        .find(|r| r.type_name.as_deref() == Some(council.meeting_type.as_str()))
    else {
        return Vec::new(); // reported by the reference check
    };
    if meeting.str_field(&council.kind_field) != Some(council.kind.as_str()) {
        return vec![at(
            codes::NOT_A_COUNCIL_MEETING,
            &pointer,
            format!(
                "`{meeting_id}` is not a council meeting ({} is not `{}`)",
                council.kind_field, council.kind
            ),
        )
        .hint("cite a resolution of a council meeting (理事會)")];
    }
    let meeting_state = meeting.str_field("status").unwrap_or("");
    if !council.held_states.is_empty() && !council.held_states.iter().any(|s| s == meeting_state) {
        return vec![at(
            codes::NOT_A_COUNCIL_MEETING,
            &pointer,
            format!("council meeting `{meeting_id}` is `{meeting_state}`, not held"),
        )
        .hint(format!(
            "a resolution counts once its meeting is {}",
            council.held_states.join(", ")
        ))];
    }
    let mut diags = Vec::new();
    let Some(meeting_date) = meeting.str_field("date").and_then(date::parse) else {
        return diags;
    };
    // The resolution must come before the approval (or the date) it backs.
    let deadline = rule.before.as_ref().and_then(|before| {
        if def.steps.contains_key(before) {
            let date = entries
                .iter()
                .filter(|e| e.step == before)
                .filter_map(|e| e.date)
                .min()?;
            Some((date, format!("the `{before}` approval")))
        } else {
            let date = record.str_field(before).and_then(date::parse)?;
            Some((date, format!("`{before}`")))
        }
    });
    if let Some((deadline, what)) = deadline {
        if meeting_date > deadline {
            diags.push(
                at(codes::COUNCIL_TOO_LATE, &pointer, format!("council meeting `{meeting_id}` was on {meeting_date}, after {what} ({deadline})"))
                    .hint("the council must decide first; cite an earlier resolution, or approve again after the meeting"),
            );
        }
    }
    let resolution = meeting
        .fields
        .get(&council.resolutions)
        .and_then(Value::as_array)
        .and_then(|list| {
            list.iter()
                .find(|r| r.get("id").and_then(Value::as_str) == Some(resolution_id))
        });
    let Some(resolution) = resolution else {
        return diags; // reported by the reference check
    };
    let members: Vec<String> = repo
        .holders(&council.member_role, &[], meeting_date)
        .into_iter()
        .map(|(id, _)| id.to_string())
        .collect();
    let present = meeting
        .fields
        .get(&council.present)
        .and_then(Value::as_array)
        .map_or(0, |list| {
            list.iter()
                .filter_map(Value::as_str)
                .filter(|p| members.iter().any(|m| m == p))
                .count()
        });
    if !council.quorum.met(present as f64, members.len() as f64) {
        diags.push(
            at(codes::RESOLUTION_NOT_PASSED, &pointer, format!("`{cited}` does not count: {present} of {} council members were present, the quorum is {}", members.len(), council.quorum.describe()))
                .hint("a resolution of an inquorate meeting must be adopted again at a meeting with a quorum"),
        );
    }
    let votes = |k: &str| {
        resolution
            .pointer(&format!("/votes/{k}"))
            .and_then(Value::as_u64)
    };
    match (votes("for"), votes("against"), votes("abstain")) {
        (Some(yes), Some(no), Some(abstain)) => {
            let cast = yes
                + no
                + if council.count_abstentions {
                    abstain
                } else {
                    0
                };
            if !council.majority.met(yes as f64, cast as f64) {
                diags.push(
                    at(codes::RESOLUTION_NOT_PASSED, &pointer, format!("`{cited}` did not pass: {yes} for of {cast} votes cast, the majority is {}", council.majority.describe()))
                        .hint("cite a resolution that passed"),
                );
            }
        }
        _ => diags.push(
            at(
                codes::RESOLUTION_NOT_PASSED,
                &pointer,
                format!("`{cited}` records no votes, so it cannot be shown to have passed"),
            )
            .hint(format!(
                "record `votes: {{for: N, against: N, abstain: N}}` on the resolution in {}",
                meeting.path
            )),
        ),
    }
    diags
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
        .ok_or_else(|| format!("{} has no known type", record.path))?;
    let step = def.steps.get(step_name).ok_or_else(|| {
        let steps: Vec<&str> = def.steps.keys().map(String::as_str).collect();
        format!(
            "`{step_name}` is not an approval step of {} (steps: {})",
            def.name,
            steps.join(", ")
        )
    })?;
    let scope = ev.scope(&record_value(def, record), None);
    if step.not_by.iter().any(|x| {
        scope
            .strings(x)
            .is_ok_and(|ids| ids.iter().any(|id| id == by))
    }) {
        return Err(format!(
            "`{by}` may not give the `{step_name}` approval of this record"
        ));
    }
    let rules = applicable_rules(step, &scope);
    let mut roles: Vec<String> = rules
        .iter()
        .filter(|(role, needed)| repo.held(by, role, needed, date))
        .map(|(role, _)| role.clone())
        .collect();
    roles.dedup();
    if roles.is_empty() {
        let needed: Vec<String> = rules
            .iter()
            .map(|(r, s)| RoleHeld::describe(r, s))
            .collect();
        return Err(format!(
            "`{by}` may not give `{step_name}` for this record on {date}: it needs {}; {}",
            if needed.is_empty() {
                "a rule that covers it".to_string()
            } else {
                needed.join(", or ")
            },
            could_have(repo, &rules, date, by)
        ));
    }
    Ok(roles)
}
