//! The field names clerk.yaml gives clerk to read from records of configured types (a council
//! meeting's date and votes, a person's name, roles and keys), checked against the types'
//! schemas when the repository loads: a name the type does not declare would otherwise turn
//! the check that reads it off without a word.

use std::collections::BTreeMap;

use serde_json::Value;

use super::config::Config;
use super::types::TypeDef;
use crate::diag::{codes, Diagnostic};
use crate::i18n::t;

/// One name to check: where clerk.yaml sets it (or would), and where in the type's schema the
/// field must be declared.
struct Named<'a> {
    /// The setting in clerk.yaml, as a JSON pointer.
    setting: String,
    name: &'a str,
    /// The schema of the object that must declare it.
    within: Option<&'a Value>,
    /// How to name that object in a message.
    whose: String,
    /// Checked even when left to its default; else only when clerk.yaml sets it.
    always: bool,
}

/// A finding for every configured field name the type it is read from does not declare.
pub(super) fn check(
    config: &Config,
    config_text: &str,
    types: &BTreeMap<String, TypeDef>,
) -> Vec<Diagnostic> {
    let mut named = Vec::new();
    if let Some(council) = &config.council {
        if let Some(def) = types.get(&council.meeting_type) {
            council_names(council, def, &mut named);
        }
    }
    if let Some(def) = types.get(&config.people_type) {
        let keys_needed = config.signatures.required;
        people_names(&config.people_fields, def, keys_needed, &mut named);
    }
    for (list, entries) in [
        ("issued", &config.site.issued),
        ("calendar", &config.site.calendar),
    ] {
        for (i, dated) in entries.iter().enumerate() {
            if let Some(def) = types.get(&dated.type_name) {
                dated_names(&format!("/site/{list}/{i}"), dated, def, &mut named);
            }
        }
    }
    if let Some(archive) = &config.archive {
        for def in types.values() {
            archive_names(archive, def, &mut named);
        }
    }
    let written = crate::parse::yaml::parse_value(config_text).unwrap_or_default();
    named
        .into_iter()
        .filter(|n| n.always || written.pointer(&n.setting).is_some())
        .filter(|n| declares(n.within, n.name) == Some(false))
        .map(|n| finding(config_text, &n))
        .collect()
}

/// The council meeting's date, attendees, kind and resolutions, and each resolution's id and
/// votes.
fn council_names<'a>(
    council: &'a super::config::Council,
    def: &'a TypeDef,
    named: &mut Vec<Named<'a>>,
) {
    let meeting = Some(&def.schema);
    let whose = type_named(def);
    for (key, name) in [
        ("date", &council.date),
        ("present", &council.present),
        ("kind_field", &council.kind_field),
        ("resolutions", &council.resolutions),
    ] {
        named.push(Named {
            setting: format!("/council/{key}"),
            name,
            within: meeting,
            whose: whose.clone(),
            always: true,
        });
    }
    let resolution = property(meeting, &council.resolutions).and_then(|r| r.get("items"));
    let names = &council.resolution;
    let in_resolution = each_of(&council.resolutions, &whose);
    for (key, name) in [("id", &names.id), ("votes", &names.votes)] {
        named.push(Named {
            setting: format!("/council/resolution/{key}"),
            name,
            within: resolution,
            whose: in_resolution.clone(),
            always: true,
        });
    }
    let votes = property(resolution, &names.votes);
    let in_votes = t(
        "names-of",
        &[("field", &names.votes), ("whose", &in_resolution)],
    );
    for (key, name) in [
        ("for", &names.votes_for),
        ("against", &names.against),
        ("abstain", &names.abstain),
    ] {
        named.push(Named {
            setting: format!("/council/resolution/{key}"),
            name,
            within: votes,
            whose: in_votes.clone(),
            always: true,
        });
    }
}

/// A person's name, and the lists of roles and keys with each entry's fields. The roles are
/// always read; the keys when signatures are required; the name, which falls back to the
/// record's title, only when clerk.yaml names it.
fn people_names<'a>(
    fields: &'a super::config::PeopleFields,
    def: &'a TypeDef,
    keys_needed: bool,
    named: &mut Vec<Named<'a>>,
) {
    let person = Some(&def.schema);
    let whose = type_named(def);
    let top = [
        ("name", &fields.name, false),
        ("roles/field", &fields.roles.field, true),
        ("keys/field", &fields.keys.field, keys_needed),
    ];
    for (key, name, always) in top {
        named.push(Named {
            setting: format!("/people_fields/{key}"),
            name,
            within: person,
            whose: whose.clone(),
            always,
        });
    }
    let roles = &fields.roles;
    let keys = &fields.keys;
    let lists = [
        (
            "roles",
            true,
            &roles.field,
            vec![
                ("role", &roles.role),
                ("scope", &roles.scope),
                ("from", &roles.from),
                ("until", &roles.until),
            ],
        ),
        (
            "keys",
            keys_needed,
            &keys.field,
            vec![
                ("key", &keys.key),
                ("from", &keys.from),
                ("until", &keys.until),
            ],
        ),
    ];
    for (list, always, field, entries) in lists {
        let entry = property(person, field).and_then(|r| r.get("items"));
        let in_entry = each_of(field, &whose);
        for (key, name) in entries {
            named.push(Named {
                setting: format!("/people_fields/{list}/{key}"),
                name,
                within: entry,
                whose: in_entry.clone(),
                always,
            });
        }
    }
}

/// The fields a feed or calendar entry (`site.issued`, `site.calendar`) reads from its type:
/// the date, and those it names of the end date, place, time, end time, duration and author.
fn dated_names<'a>(
    at: &str,
    dated: &'a super::config::Dated,
    def: &'a TypeDef,
    named: &mut Vec<Named<'a>>,
) {
    let whose = type_named(def);
    let optional = [
        ("end", &dated.end),
        ("location", &dated.location),
        ("time", &dated.time),
        ("end_time", &dated.end_time),
        ("duration", &dated.duration),
        ("author", &dated.author),
    ];
    let given = optional
        .into_iter()
        .filter_map(|(key, name)| Some((key, name.as_deref()?)));
    for (key, name) in [("date", dated.date.as_str())].into_iter().chain(given) {
        named.push(Named {
            setting: format!("{at}/{key}"),
            name,
            within: Some(&def.schema),
            whose: whose.clone(),
            always: true,
        });
    }
}

/// For a type whose records hold an archive number (檔號): the date `clerk archive` writes, and
/// the fields the number is laid out from — the retention period unless the type gives one,
/// the department unless `archive.department` names the default.
fn archive_names<'a>(
    archive: &'a super::config::Archive,
    def: &'a TypeDef,
    named: &mut Vec<Named<'a>>,
) {
    if declares(Some(&def.schema), &archive.field) != Some(true) {
        return;
    }
    let label = super::labels::run_type_label(def);
    let whose = t(
        "names-archived-type",
        &[
            ("type", &def.name),
            ("label", &label),
            ("path", &def.path),
            ("field", &archive.field),
        ],
    );
    let needed = [
        ("date", &archive.date, true),
        (
            "retention_field",
            &archive.retention_field,
            def.retention.is_none(),
        ),
        (
            "department_field",
            &archive.department_field,
            archive.department.is_none(),
        ),
    ];
    for (key, name, needed) in needed {
        if needed {
            named.push(Named {
                setting: format!("/archive/{key}"),
                name,
                within: Some(&def.schema),
                whose: whose.clone(),
                always: true,
            });
        }
    }
}

/// The schema of `name` among an object schema's `properties`.
fn property<'a>(object: Option<&'a Value>, name: &str) -> Option<&'a Value> {
    object?.get("properties")?.get(name)
}

/// Whether an object schema declares `name`; `None` when it declares no properties at all
/// (any key is allowed, so there is nothing to check).
fn declares(object: Option<&Value>, name: &str) -> Option<bool> {
    let properties = object?.get("properties")?.as_object()?;
    Some(properties.contains_key(name))
}

/// A type as a finding names it: `document` (types/document.yaml).
fn type_named(def: &TypeDef) -> String {
    let label = super::labels::run_type_label(def);
    t(
        "names-type",
        &[("type", &def.name), ("label", &label), ("path", &def.path)],
    )
}

/// Each entry of the list `field` of `whose`.
fn each_of(field: &str, whose: &str) -> String {
    t("names-each-of", &[("field", &field), ("whose", &whose)])
}

fn finding(config_text: &str, n: &Named) -> Diagnostic {
    // A name left to its default is reported at the section that would set it.
    let written = super::locate(config_text, &n.setting, false);
    let setting = n.setting.trim_start_matches('/').replace('/', ".");
    Diagnostic::new(
        codes::CONFIG_FIELD_UNDECLARED,
        super::config::FILE,
        written,
        t(
            "e108",
            &[
                ("name", &n.name),
                ("setting", &setting),
                ("whose", &n.whose),
            ],
        ),
    )
    .hint(t("e108-hint", &[("setting", &setting), ("name", &n.name)]))
}
