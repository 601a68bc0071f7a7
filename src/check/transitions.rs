//! Rules over a change, not a snapshot: a record's status moves only along its workflow, fields
//! that never change do not, final records stay as they are, and kept records are not deleted.
//!
//! A change is judged by the rules in force before it: the workflows, keys, roles and ignore
//! list of the parent commit, not those the change itself may bring. So a commit cannot loosen
//! a workflow and use the looser one, or add a key or a role and approve with it.

use std::collections::HashMap;

use serde_json::Value;

use crate::diag::{codes, Diagnostic, Pos};
use crate::git::Change;
use crate::model::keys::Keyring;
use crate::model::record::Record;
use crate::model::repo::Repository;
use crate::read::{Snapshot, SourceFile};

/// A record as an earlier snapshot had it.
struct Before {
    record: Record,
    file: SourceFile,
}

/// What a change is judged by: the rules in force before it.
pub struct InForce<'a> {
    /// The repository whose types, people, keys and ignore list are in force: the parent's when
    /// the change touches any of them, otherwise the new one (they are the same).
    pub rules: &'a Repository,
    /// Whether `rules` is the parent's, differing from the new tree's.
    pub changed: bool,
    /// The new tree's files, for records the new configuration no longer reads.
    pub files: &'a dyn Snapshot,
}

/// Checks the changes from `old` (a snapshot) to `new` (loaded from the next snapshot), by the
/// rules in force before them.
///
/// With `today` (YYYY-MM-DD), signatures the change adds must be made with keys valid today.
/// The first commit of a repository passes `None`: an archive's history is imported as it was
/// signed, with keys that may have expired since.
pub fn check(
    old: &dyn Snapshot,
    in_force: &InForce,
    new: &Repository,
    changes: &[Change],
    today: Option<chrono::NaiveDate>,
) -> Vec<Diagnostic> {
    let rules = in_force.rules;
    let (keys, _) = Keyring::load(rules);
    let before = records_before(old, rules, changes);
    // Records the new tree has that its configuration does not read (a path added to
    // `ignore:`), read as the rules in force read them.
    let unread: Vec<(Record, SourceFile)> = if in_force.changed {
        let limit = rules.config.limits.max_record_bytes;
        changes
            .iter()
            .filter_map(|c| match c {
                Change::Added(p) | Change::Modified(p) => Some(p),
                Change::Deleted(_) => None,
            })
            .filter(|p| !new.records.iter().any(|r| &&r.path == p))
            .filter_map(|p| in_force.files.load(p, limit).ok())
            .filter_map(|file| Some((Record::parse(0, &file).ok()?, file)))
            .collect()
    } else {
        Vec::new()
    };
    // A file added under a new name with the id of a file deleted is that record, moved.
    let mut by_id: HashMap<String, &str> = before
        .iter()
        .map(|(p, b)| (b.record.id.clone(), *p))
        .collect();
    let mut diags = Vec::new();
    let mut matched: Vec<&str> = Vec::new();
    for change in changes {
        let (Change::Added(path) | Change::Modified(path)) = change else {
            continue;
        };
        let (record, text) = match new.records.iter().find(|r| &r.path == path) {
            Some(r) => (r, new.text_of(r)),
            None => match unread.iter().find(|(r, _)| &r.path == path) {
                Some((r, file)) => (r, file.text.as_str()),
                None => continue,
            },
        };
        let old_path = if before.contains_key(path.as_str()) {
            Some(path.as_str())
        } else {
            by_id.get(&record.id).copied()
        };
        let prev = old_path.and_then(|p| before.get(p));
        if let Some(today) = today {
            diags.extend(added_signatures(
                (new, &keys),
                prev.map(|p| &p.record),
                record,
                text,
                today,
            ));
            if in_force.changed {
                diags.extend(added_approvals(
                    in_force,
                    new,
                    prev.map(|p| &p.record),
                    record,
                    text,
                    today,
                ));
            }
        }
        let Some(prev) = prev else {
            continue;
        };
        matched.extend(old_path);
        by_id.remove(&prev.record.id);
        diags.extend(compare(rules, prev, record, text));
    }
    diags.extend(kept_deleted(
        rules,
        in_force.files,
        changes,
        &before,
        &matched,
    ));
    diags
}

/// The records as `old` had them, by path, for each file the change modifies or deletes (a
/// file that cannot be read or parsed is left out).
fn records_before<'c>(
    old: &dyn Snapshot,
    new: &Repository,
    changes: &'c [Change],
) -> HashMap<&'c str, Before> {
    let limit = new.config.limits.max_record_bytes;
    let mut before = HashMap::new();
    for change in changes {
        if let Change::Modified(path) | Change::Deleted(path) = change {
            let Ok(file) = old.load(path, limit) else {
                continue;
            };
            if let Ok(record) = Record::parse(0, &file) {
                before.insert(path.as_str(), Before { record, file });
            }
        }
    }
    before
}

/// Records deleted (not moved: `matched` are the old paths of moved and modified records) that
/// their workflow keeps, being in a kept or final state.
fn kept_deleted(
    rules: &Repository,
    files: &dyn Snapshot,
    changes: &[Change],
    before: &HashMap<&str, Before>,
    matched: &[&str],
) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    for change in changes {
        let Change::Deleted(path) = change else {
            continue;
        };
        if matched.contains(&path.as_str()) || sealed_or_opened(files, path) {
            continue;
        }
        let Some(prev) = before.get(path.as_str()) else {
            continue;
        };
        let Some(def) = prev
            .record
            .type_name
            .as_deref()
            .and_then(|t| rules.types.get(t))
        else {
            continue;
        };
        let Some(wf) = &def.workflow else { continue };
        let Some(status) = prev.record.str_field("status") else {
            continue;
        };
        if wf.keep.iter().chain(&wf.final_states).any(|s| s == status) {
            diags.push(
                Diagnostic::new(
                    codes::KEPT_DELETED,
                    path,
                    Pos::FILE,
                    crate::i18n::tv(
                        "kept-deleted",
                        &[
                            ("type", def.name.clone()),
                            ("type_label", crate::model::labels::run_type_label(def)),
                            ("status", status.to_string()),
                            (
                                "status_label",
                                crate::model::labels::run_state_label(def, status),
                            ),
                        ],
                    ),
                )
                .hint(crate::i18n::tv("kept-deleted-hint", &[])),
            );
        }
    }
    diags
}

/// Whether the record at `path` was not deleted but stored encrypted (`NAME.md` →
/// `NAME.md.age`) or in plain text again (the reverse): the same record, under another name.
fn sealed_or_opened(files: &dyn Snapshot, path: &str) -> bool {
    let other = match path.strip_suffix(".age") {
        Some(plain) => plain.to_string(),
        None => format!("{path}.age"),
    };
    files.exists(&other)
}

/// Approvals this change adds, judged by the rules in force before it: signed with a key the
/// approver held then, given in a role they held then, by the type's rules then. A finding the
/// new tree's own rules make too is left to them.
fn added_approvals(
    in_force: &InForce,
    new: &Repository,
    prev: Option<&Record>,
    record: &Record,
    text: &str,
    today: chrono::NaiveDate,
) -> Vec<Diagnostic> {
    let rules = in_force.rules;
    let Some(items) = record.fields.get("approvals").and_then(Value::as_array) else {
        return Vec::new();
    };
    let had: Vec<&Value> = prev
        .and_then(|p| p.fields.get("approvals"))
        .and_then(Value::as_array)
        .map(|a| a.iter().collect())
        .unwrap_or_default();
    let added: Vec<usize> = (0..items.len())
        .filter(|&i| !had.contains(&&items[i]))
        .collect();
    if added.is_empty() {
        return Vec::new();
    }
    let (keys_then, _) = Keyring::load(rules);
    let (keys_now, _) = Keyring::load(new);
    let mut diags = Vec::new();
    let (mut then, mut now) = (None, None);
    for &i in &added {
        let Some(problem) = super::signatures::verdict(new, &keys_then, record, text, i, &mut then)
        else {
            continue;
        };
        if super::signatures::verdict(new, &keys_now, record, text, i, &mut now).is_some() {
            continue; // the new tree's own check reports it
        }
        let pointer = format!("/approvals/{i}/{}", problem.field);
        diags.push(
            Diagnostic::new(
                codes::APPROVAL_NOT_IN_FORCE,
                &record.path,
                record.pos(text, &pointer, problem.field == "signature"),
                crate::i18n::tv("keys-not-in-force", &[("message", problem.message)]),
            )
            .hint(crate::i18n::tv("keys-not-in-force-hint", &[])),
        );
    }
    // Roles and the type's approval rules as they were.
    let ev_then = crate::model::expr::Evaluator::for_repository(rules, today);
    let ev_now = crate::model::expr::Evaluator::for_repository(new, today);
    let now_found: Vec<(crate::diag::Code, usize)> =
        super::workflow::check_text(new, &ev_now, record, text)
            .iter()
            .map(|d| (d.code, d.line))
            .collect();
    for d in super::workflow::check_text(rules, &ev_then, record, text) {
        if now_found.contains(&(d.code, d.line)) {
            continue;
        }
        let mut d = d;
        d.message = crate::i18n::tv("rules-not-in-force", &[("message", d.message)]);
        d.code = codes::APPROVAL_NOT_IN_FORCE;
        d.severity = d.code.severity();
        diags.push(d);
    }
    diags
}

/// A signature this change adds must be made with a key valid today, not only on the date the
/// approval claims: otherwise someone whose key has expired could backdate an approval.
fn added_signatures(
    (keys_repo, keys): (&Repository, &Keyring),
    prev: Option<&Record>,
    record: &Record,
    text: &str,
    today: chrono::NaiveDate,
) -> Vec<Diagnostic> {
    let signatures = |r: &Record| -> Vec<String> {
        r.fields
            .get("approvals")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|a| {
                a.get("signature")
                    .and_then(Value::as_str)
                    .map(|s| s.trim().to_string())
            })
            .collect()
    };
    let had = prev.map(signatures).unwrap_or_default();
    let mut diags = Vec::new();
    let Some(items) = record.fields.get("approvals").and_then(Value::as_array) else {
        return diags;
    };
    for (i, a) in items.iter().enumerate() {
        let (Some(armored), Some(by)) = (
            a.get("signature").and_then(Value::as_str),
            a.get("by").and_then(Value::as_str),
        ) else {
            continue;
        };
        if had.iter().any(|s| s == armored.trim()) {
            continue;
        }
        let Ok(sig) = ssh_key::SshSig::from_pem(armored.trim()) else {
            continue;
        };
        let Some(key) = keys
            .of(by)
            .iter()
            .find(|k| k.key.key_data() == sig.public_key())
        else {
            continue;
        };
        if !key.valid_on(today) {
            diags.push(
                Diagnostic::new(
                    codes::SIGNED_WITH_EXPIRED_KEY,
                    &record.path,
                    record.pos(text, &format!("/approvals/{i}/signature"), true),
                    crate::i18n::tv(
                        "signed-with-expired-key",
                        &[
                            ("by", by.to_string()),
                            (
                                "by_name",
                                crate::model::labels::Say::new(keys_repo, None).person(by),
                            ),
                            ("today", today.to_string()),
                            ("window", key.window()),
                        ],
                    ),
                )
                .hint(crate::i18n::tv("signed-with-expired-key-hint", &[])),
            );
        }
    }
    diags
}

/// One record before and after, by the types in force (`rules`).
fn compare(rules: &Repository, prev: &Before, record: &Record, text: &str) -> Vec<Diagnostic> {
    let Some(def) = rules.type_of(record) else {
        return Vec::new();
    };
    let at = |pointer: &str| record.pos(text, pointer, false);
    let mut diags = Vec::new();
    let initial = def.workflow.as_ref().and_then(|w| w.initial());
    let was = prev.record.str_field("status").or(initial);
    let is = record.str_field("status").or(initial);
    if let (Some(wf), Some(was), Some(is)) = (&def.workflow, was, is) {
        let unchanged = prev.record.fields == record.fields
            && prev.record.body(&prev.file.text) == record.body(text);
        if wf.final_states.iter().any(|f| f == was) && !unchanged {
            diags.push(
                Diagnostic::new(
                    codes::FINAL_CHANGED,
                    &record.path,
                    at("/status"),
                    crate::i18n::tv(
                        "final-changed",
                        &[
                            ("type", def.name.clone()),
                            ("type_label", crate::model::labels::run_type_label(def)),
                            ("was", was.to_string()),
                            ("was_label", crate::model::labels::run_state_label(def, was)),
                        ],
                    ),
                )
                .hint(crate::i18n::tv("final-changed-hint", &[])),
            );
        } else if was != is {
            // Out of a state the workflow does not know (a typo that got in past the hook), a
            // record may be repaired into its start or where the start leads.
            let known = wf.states.iter().any(|s| s == was);
            let from = if known { Some(was) } else { wf.initial() };
            let mut allowed: Vec<&str> = from
                .and_then(|f| wf.transitions.get(f))
                .into_iter()
                .flatten()
                .map(String::as_str)
                .collect();
            if !known {
                allowed.extend(wf.initial());
            }
            if !allowed.contains(&is) {
                let lang = crate::i18n::lang().tag();
                let label = |s: &str| {
                    crate::model::labels::state(def, s, lang)
                        .map_or_else(|| format!("`{s}`"), |l| format!("「{l}」(`{s}`)"))
                };
                let type_label = def.label(lang).to_string();
                let hint = if !known {
                    crate::i18n::t(
                        "transition-repair",
                        &[
                            ("was", &was),
                            ("type", &def.name),
                            ("type_label", &type_label),
                            ("allowed", &allowed.join(" or ")),
                            (
                                "allowed_labels",
                                &allowed
                                    .iter()
                                    .map(|s| label(s))
                                    .collect::<Vec<_>>()
                                    .join("、"),
                            ),
                        ],
                    )
                } else if allowed.is_empty() {
                    crate::i18n::t(
                        "transition-final",
                        &[
                            ("type", &def.name),
                            ("type_label", &type_label),
                            ("was", &was),
                            ("was_label", &label(was)),
                        ],
                    )
                } else {
                    crate::i18n::t(
                        "transition-allowed",
                        &[
                            ("was", &was),
                            ("was_label", &label(was)),
                            ("type", &def.name),
                            ("type_label", &type_label),
                            ("allowed", &allowed.join(", ")),
                            (
                                "allowed_labels",
                                &allowed
                                    .iter()
                                    .map(|s| label(s))
                                    .collect::<Vec<_>>()
                                    .join("、"),
                            ),
                        ],
                    )
                };
                diags.push(
                    Diagnostic::new(
                        codes::BAD_TRANSITION,
                        &record.path,
                        at("/status"),
                        crate::i18n::t(
                            "transition-refused",
                            &[
                                ("was", &was),
                                ("is", &is),
                                ("was_label", &label(was)),
                                ("is_label", &label(is)),
                            ],
                        ),
                    )
                    .hint(hint),
                );
            }
        }
    }
    for field in &def.immutable {
        let old = prev.record.fields.get(field).filter(|v| !v.is_null());
        let now = record.fields.get(field).filter(|v| !v.is_null());
        if let Some(old) = old.filter(|old| now != Some(*old)) {
            let pointer = if now.is_some() {
                format!("/{field}")
            } else {
                "/status".to_string()
            };
            diags.push(
                Diagnostic::new(
                    codes::IMMUTABLE_CHANGED,
                    &record.path,
                    at(&pointer),
                    crate::i18n::tv("immutable-changed", &immutable_words(def, field, old)),
                )
                .hint(crate::i18n::tv(
                    "immutable-changed-hint",
                    &immutable_words(def, field, old),
                )),
            );
        }
    }
    diags
}

/// The words of a message about immutable `field`, which was `old`.
fn immutable_words(
    def: &crate::model::types::TypeDef,
    field: &str,
    old: &serde_json::Value,
) -> Vec<(&'static str, String)> {
    vec![
        ("field", field.to_string()),
        (
            "field_title",
            crate::model::labels::run_field_title(def, field),
        ),
        ("old", crate::text::as_written(old)),
    ]
}
