//! The field names clerk.yaml gives clerk to read from records of configured types (a council
//! meeting's date and votes, an archived record's department), checked against the types'
//! schemas when the repository loads: a name the type does not declare would otherwise turn
//! the check that reads it off without a word.

use std::collections::BTreeMap;

use serde_json::Value;

use super::config::Config;
use super::types::TypeDef;
use crate::diag::{codes, Diagnostic};

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
    named
        .into_iter()
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
    let whose = format!("type `{}` ({})", def.name, def.path);
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
        });
    }
    let resolution = property(meeting, &council.resolutions).and_then(|r| r.get("items"));
    let names = &council.resolution;
    let in_resolution = format!("each of `{}` in {whose}", council.resolutions);
    for (key, name) in [("id", &names.id), ("votes", &names.votes)] {
        named.push(Named {
            setting: format!("/council/resolution/{key}"),
            name,
            within: resolution,
            whose: in_resolution.clone(),
        });
    }
    let votes = property(resolution, &names.votes);
    let in_votes = format!("`{}` of {in_resolution}", names.votes);
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
        });
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

fn finding(config_text: &str, n: &Named) -> Diagnostic {
    // A name left to its default is reported at the section that would set it.
    let written = super::locate(config_text, &n.setting, false);
    Diagnostic::new(
        codes::CONFIG_FIELD_UNDECLARED,
        super::config::FILE,
        written,
        format!(
            "clerk reads `{}` ({}), which {} does not declare",
            n.name,
            n.setting.trim_start_matches('/').replace('/', "."),
            n.whose
        ),
    )
    .hint(format!(
        "set `{}` in clerk.yaml to the field's name in the type, or declare `{}` in the type",
        n.setting.trim_start_matches('/').replace('/', "."),
        n.name
    ))
}
