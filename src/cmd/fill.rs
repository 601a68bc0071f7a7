//! What `clerk new` writes into a new record: given values checked against the type first,
//! a person's roles and keys from `--role` and `--key`, and dates as the type wants them.

use std::path::PathBuf;

use anyhow::{anyhow, bail, Context};
use chrono::NaiveDate;
use serde_json::Value;

use crate::model::expr::calendar::Calendar;
use crate::model::types::{NewDefault, TypeDef};
use crate::parse::yaml;

/// Refuses a `field=value` whose value the type does not allow, saying what it allows.
pub fn check_value(def: &TypeDef, key: &str, value: &str) -> anyhow::Result<()> {
    let Some(prop) = def
        .schema
        .pointer(&format!("/properties/{}", yaml::escape_pointer(key)))
    else {
        return Ok(());
    };
    let parsed = yaml::parse_value(value).map_err(|_| {
        anyhow!(crate::i18n::t(
            "new-not-yaml",
            &[("field", &key), ("value", &value)]
        ))
    })?;
    let mut schema = prop.clone();
    if let (Some(defs), Some(obj)) = (def.schema.get("$defs"), schema.as_object_mut()) {
        obj.insert("$defs".into(), defs.clone());
    }
    let validator = jsonschema::options()
        .with_draft(jsonschema::Draft::Draft202012)
        .should_validate_formats(true)
        .build(&schema)
        .map_err(|e| {
            anyhow!(crate::i18n::t(
                "new-schema-invalid",
                &[("file", &def.path), ("field", &key), ("error", &e)]
            ))
        })?;
    let Some(error) = validator.iter_errors(&parsed).next() else {
        return Ok(());
    };
    // The choices of the schema node that refused the value: the property's own, or those of
    // a part of it (a role inside `roles`).
    let node = error
        .schema_path()
        .as_str()
        .rsplit_once('/')
        .map_or("", |(parent, _)| parent)
        .to_string();
    let allowed = schema.pointer(&node).map(choices).unwrap_or_default();
    let words = [
        ("field", key.to_string()),
        ("value", value.to_string()),
        ("type", def.name.clone()),
        ("type_label", crate::model::labels::run_type_label(def)),
        ("allowed", allowed.join(&crate::i18n::t("list-and", &[]))),
        ("part", error.instance().to_string()),
        ("error", error.to_string()),
    ];
    let id = match (allowed.is_empty(), node.is_empty()) {
        (true, _) => "new-value-refused",
        (false, true) => "new-value-not-one-of",
        (false, false) => "new-part-not-one-of",
    };
    bail!(crate::i18n::tv(id, &words))
}

/// The values a property allows, when it lists them (`enum`, or `oneOf` of `const`s).
fn choices(prop: &Value) -> Vec<String> {
    let show = |v: &Value| v.as_str().map_or_else(|| v.to_string(), str::to_string);
    if let Some(list) = prop.get("enum").and_then(Value::as_array) {
        return list.iter().map(show).collect();
    }
    prop.get("oneOf")
        .and_then(Value::as_array)
        .map(|alts| {
            alts.iter()
                .filter_map(|a| a.get("const"))
                .map(show)
                .collect()
        })
        .unwrap_or_default()
}

/// The `roles:` and `keys:` of a new person record: each `--role ROLE[:SCOPE,SCOPE]` held
/// from `date`, each `--key FILE.pub` (an OpenSSH public key) valid from `date`.
pub fn people_fields(
    names: &crate::model::config::PeopleFields,
    roles: &[String],
    keys: &[PathBuf],
    date: NaiveDate,
) -> anyhow::Result<Vec<(String, Value)>> {
    let mut out = Vec::new();
    if !roles.is_empty() {
        let list: Vec<Value> = roles
            .iter()
            .map(|r| {
                let (role, scope) = r.split_once(':').unwrap_or((r, ""));
                let mut entry = serde_json::Map::new();
                entry.insert(names.roles.role.clone(), role.trim().into());
                let scope: Vec<&str> = scope
                    .split(',')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .collect();
                if !scope.is_empty() {
                    entry.insert(names.roles.scope.clone(), serde_json::json!(scope));
                }
                entry.insert(names.roles.from.clone(), date.to_string().into());
                Value::Object(entry)
            })
            .collect();
        out.push((names.roles.field.clone(), Value::Array(list)));
    }
    if !keys.is_empty() {
        let mut list = Vec::new();
        for path in keys {
            let text = std::fs::read_to_string(path)
                .with_context(|| crate::i18n::t("io-read", &[("path", &path.display())]))?;
            let line = text.trim();
            ssh_key::PublicKey::from_openssh(line).map_err(|e| {
                let words = [
                    ("path", path.display().to_string()),
                    ("error", e.to_string()),
                ];
                anyhow!(crate::i18n::tv("new-not-a-key", &words))
            })?;
            let mut entry = serde_json::Map::new();
            entry.insert(names.keys.key.clone(), line.into());
            entry.insert(names.keys.from.clone(), date.to_string().into());
            list.push(Value::Object(entry));
        }
        out.push((names.keys.field.clone(), Value::Array(list)));
    }
    Ok(out)
}

/// A list of mappings as block YAML under `key`, one `- ` entry each.
pub fn block_list(key: &str, items: &[Value]) -> String {
    let mut out = format!("{key}:\n");
    for item in items {
        let Some(map) = item.as_object() else {
            continue;
        };
        for (i, (k, v)) in map.iter().enumerate() {
            let lead = if i == 0 { "  - " } else { "    " };
            let value = match v {
                Value::String(s) => scalar(s),
                Value::Array(a) => format!(
                    "[{}]",
                    a.iter()
                        .map(|x| x.as_str().map_or_else(|| x.to_string(), scalar))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                other => other.to_string(),
            };
            out.push_str(&format!("{lead}{k}: {value}\n"));
        }
    }
    out
}

/// Text as a YAML scalar that reads back the same: plain when it does, quoted otherwise.
fn scalar(s: &str) -> String {
    match yaml::parse_value(s) {
        Ok(Value::String(back)) if back == s && !s.contains(['#', ',', '[', ']']) => s.to_string(),
        _ => serde_json::to_string(s).unwrap_or_default(),
    }
}

/// The date a new record's date field starts with: the type's `new.defaults` for it (the next
/// working day, for a leave's start, say), or `date`.
pub fn default_date(def: &TypeDef, key: &str, date: NaiveDate, calendar: &Calendar) -> NaiveDate {
    match def.new.defaults.get(key) {
        Some(NewDefault::NextWorkingDay) => calendar.next_workday(date),
        Some(NewDefault::Today) | None => date,
    }
}
