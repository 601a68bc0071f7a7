//! The site's navigation (導覽): record types in labelled groups, in the order `site.navigation`
//! in clerk.yaml gives, checked against the type files when the repository loads.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::registers::Label;
use super::types::TypeDef;
use crate::diag::{codes, Diagnostic};

/// A group of the navigation: one link when it has one type, a menu when it has more.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    pub label: Label,
    pub types: Vec<String>,
}

/// The groups in order: those configured; then every type no group names as a group of its
/// own (labelled by the type), in the order of the types' names (as `types/` lists their
/// files), so no record type is left without a link. Without `site.navigation` (which `clerk init` writes), that is every type.
pub fn groups(configured: Option<&[Group]>, types: &BTreeMap<String, TypeDef>) -> Vec<Group> {
    let mut groups: Vec<Group> = configured.map(<[Group]>::to_vec).unwrap_or_default();
    let named: std::collections::HashSet<String> =
        groups.iter().flat_map(|g| g.types.clone()).collect();
    for def in types.values().filter(|t| !named.contains(&t.name)) {
        groups.push(Group {
            label: if def.label.is_empty() {
                Label::One(def.name.clone())
            } else {
                Label::Many(def.label.clone())
            },
            types: vec![def.name.clone()],
        });
    }
    groups.retain(|g| !g.types.is_empty());
    groups
}

/// E130 for every type a configured navigation group, or `site.policies`, names that no type
/// file declares (a type file that failed to load has its own finding, and is not repeated).
pub(super) fn check(
    configured: Option<&[Group]>,
    policies: &[String],
    config_text: &str,
    types: &BTreeMap<String, TypeDef>,
    broken: &std::collections::BTreeSet<String>,
) -> Vec<Diagnostic> {
    let named = configured
        .unwrap_or_default()
        .iter()
        .enumerate()
        .flat_map(|(g, group)| {
            group.types.iter().enumerate().map(move |(i, name)| {
                (
                    format!("/site/navigation/{g}/types/{i}"),
                    "site.navigation",
                    name,
                )
            })
        })
        .chain(
            policies
                .iter()
                .enumerate()
                .map(|(i, name)| (format!("/site/policies/{i}"), "site.policies", name)),
        );
    named
        .filter(|(_, _, name)| !types.contains_key(*name) && !broken.contains(*name))
        .map(|(pointer, setting, name)| {
            let d = Diagnostic::new(
                codes::NAVIGATION_UNKNOWN_TYPE,
                super::config::FILE,
                super::locate(config_text, &pointer, false),
                crate::i18n::t(
                    "navigation-unknown-type",
                    &[("setting", &setting), ("name", &name)],
                ),
            );
            match crate::text::closest(name, types.keys().map(String::as_str)) {
                Some(c) => d.hint(crate::i18n::t("did-you-mean", &[("best", &c)])),
                None => d.hint(crate::i18n::t(
                    "navigation-unknown-type-hint",
                    &[("setting", &setting), ("name", &name)],
                )),
            }
        })
        .collect()
}
