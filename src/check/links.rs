//! Repository-wide checks: unique ids, and references that resolve to the right kind of record.

use rayon::prelude::*;
use serde_json::Value;

use crate::diag::{codes, Diagnostic};
use crate::model::display_path;
use crate::model::record::Record;
use crate::model::refs::{RefRule, Target};
use crate::model::repo::Repository;
use crate::text::closest;

/// Checks ids for uniqueness and every declared reference.
pub fn check(repo: &Repository) -> Vec<Diagnostic> {
    let mut diags = duplicate_ids(repo);
    diags.par_extend(
        repo.records
            .par_iter()
            .flat_map_iter(|r| references(repo, r)),
    );
    diags
}

fn duplicate_ids(repo: &Repository) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    for (id, indexes) in &repo.by_id {
        if indexes.len() < 2 {
            continue;
        }
        let mut group: Vec<&Record> = indexes.iter().map(|&i| &repo.records[i]).collect();
        group.sort_by(|a, b| a.path.cmp(&b.path));
        let first = group[0];
        for r in &group[1..] {
            let pointer = if r.fields.get("id").is_some() {
                "/id"
            } else {
                ""
            };
            diags.push(
                Diagnostic::new(
                    codes::DUPLICATE_ID,
                    &r.path,
                    r.pos(repo.text_of(r), pointer, false),
                    crate::i18n::t("duplicate-id", &[("id", &id), ("path", &first.path)]),
                )
                .hint(crate::i18n::t("duplicate-id-hint", &[])),
            );
        }
    }
    diags
}

fn references(repo: &Repository, record: &Record) -> Vec<Diagnostic> {
    let Some(def) = repo.type_of(record) else {
        return Vec::new();
    };
    let mut diags = Vec::new();
    for rule in &def.refs {
        for (pointer, value) in rule.values(&record.fields) {
            if let Some((message, hint, code)) = resolve(repo, rule, value) {
                let text = repo.text_of(record);
                let field = display_path(&pointer);
                diags.push(
                    Diagnostic::new(
                        code,
                        &record.path,
                        record.pos(text, &pointer, false),
                        format!("`{field}`: {message}"),
                    )
                    .hint(hint),
                );
            }
        }
    }
    diags
}

/// Why a reference does not resolve: the message, the hint and the code.
type Broken = (String, String, crate::diag::Code);

/// `None` when `value` resolves; otherwise the message, the hint and the code.
fn resolve(repo: &Repository, rule: &RefRule, value: &str) -> Option<Broken> {
    match &rule.target {
        Target::Config(list) => resolve_config(repo, list, value),
        Target::Records(types) => resolve_record(repo, types, value, None),
        Target::Anchored { types, list } => match value.split_once('#') {
            Some((id, anchor)) => resolve_record(repo, types, id, Some((list, anchor))),
            None => Some((
                crate::i18n::t(
                    "anchor-needed",
                    &[
                        ("value", &value),
                        ("types", &type_labels(repo, types)),
                        ("list", &list),
                    ],
                ),
                crate::i18n::t("anchor-needed-hint", &[("value", &value), ("list", &list)]),
                codes::REFERENCE_ANCHOR_MISSING,
            )),
        },
    }
}

/// Whether `value` is the id of an item of `list` in clerk.yaml (nothing to check when
/// clerk.yaml has no such list).
fn resolve_config(repo: &Repository, list: &str, value: &str) -> Option<Broken> {
    let items = repo.config_raw.get(list).and_then(Value::as_array)?;
    let ids: Vec<&str> = items
        .iter()
        .filter_map(|i| i.get("id").and_then(Value::as_str))
        .collect();
    if ids.contains(&value) {
        return None;
    }
    let hint = match closest(value, ids.iter().copied()) {
        Some(best) => crate::i18n::t(
            "config-item-did-you-mean",
            &[("best", &best), ("list", &list)],
        ),
        None => crate::i18n::t(
            "config-item-list",
            &[("list", &list), ("ids", &ids.join(", "))],
        ),
    };
    Some((
        crate::i18n::t("config-item-missing", &[("value", &value), ("list", &list)]),
        hint,
        codes::BROKEN_REFERENCE,
    ))
}

/// Whether `id` names a record of one of `types` and, with an anchor `(list, anchor)`, that
/// record has an item `anchor` in its `list`.
fn resolve_record(
    repo: &Repository,
    types: &[String],
    id: &str,
    anchor: Option<(&str, &str)>,
) -> Option<Broken> {
    let wanted = types.join(" or ");
    // Should ids collide (reported once as E015), prefer the record of the expected type.
    let target = repo
        .records_with_id(id)
        .find(|r| r.type_name.as_ref().is_some_and(|t| types.contains(t)))
        .or_else(|| repo.record(id));
    let Some(target) = target else {
        return no_record(repo, types, id);
    };
    let target_type = target.type_name.as_deref().unwrap_or("?");
    if !types.iter().any(|t| t == target_type) {
        let words = [
            ("id", id.to_string()),
            ("type", target_type.to_string()),
            ("type_label", type_labels(repo, &[target_type.to_string()])),
            ("path", target.path.clone()),
            ("wanted", wanted.clone()),
            ("wanted_labels", type_labels(repo, types)),
        ];
        return Some((
            crate::i18n::tv("reference-wrong-type", &words),
            crate::i18n::tv("reference-wrong-type-hint", &words),
            codes::REFERENCE_WRONG_TYPE,
        ));
    }
    let (list, anchor) = anchor?;
    let key = repo.config.item_id(target_type, list);
    missing_item(target, id, (list, key), anchor)
}

/// Why no record has `id`, with the closest id of the wanted types as a hint.
fn no_record(repo: &Repository, types: &[String], id: &str) -> Option<Broken> {
    // It may be an encrypted record this user has no key for: not a broken link.
    if repo.is_unreadable(id) {
        return None;
    }
    let candidates = repo
        .records
        .iter()
        .filter(|r| r.type_name.as_ref().is_some_and(|t| types.contains(t)))
        .map(|r| r.id.as_str());
    let hint = match closest(id, candidates) {
        Some(best) => crate::i18n::t("reference-did-you-mean", &[("best", &best)]),
        None => crate::i18n::tv(
            "reference-create",
            &[
                ("types", types.join(" or ")),
                ("type_labels", type_labels(repo, types)),
            ],
        ),
    };
    Some((
        crate::i18n::t("reference-broken", &[("id", &id)]),
        hint,
        codes::BROKEN_REFERENCE,
    ))
}

/// Whether `target` (the record `id`) lacks an item `anchor` in its `list`.
fn missing_item(
    target: &Record,
    id: &str,
    (list, key): (&str, &str),
    anchor: &str,
) -> Option<Broken> {
    let items = target.fields.get(list).and_then(Value::as_array);
    let ids: Vec<&str> = items
        .into_iter()
        .flatten()
        .filter_map(|i| i.get(key).and_then(Value::as_str))
        .collect();
    if ids.contains(&anchor) {
        return None;
    }
    let hint = if ids.is_empty() {
        crate::i18n::t("anchor-none", &[("path", &target.path), ("list", &list)])
    } else {
        let words = [
            ("path", target.path.clone()),
            ("list", list.to_string()),
            ("ids", ids.join(", ")),
        ];
        crate::i18n::tv("anchor-list", &words)
    };
    Some((
        crate::i18n::t(
            "anchor-missing",
            &[("id", &id), ("anchor", &anchor), ("list", &list)],
        ),
        hint,
        codes::REFERENCE_ANCHOR_MISSING,
    ))
}

/// The labels of `types` in the run's language, joined by "or".
fn type_labels(repo: &Repository, types: &[String]) -> String {
    let labels: Vec<String> = types
        .iter()
        .map(|t| {
            repo.types
                .get(t)
                .map_or_else(|| t.clone(), crate::model::labels::run_type_label)
        })
        .collect();
    labels.join(&crate::i18n::t("list-or", &[]))
}
