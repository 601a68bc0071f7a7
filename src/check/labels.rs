//! W090: what a type file leaves without a label, so that pages and registers would show an
//! id (`summary-sent`, `department-head`) where people expect a word. One finding per type file.

use crate::diag::{codes, Diagnostic};
use crate::model::labels;
use crate::model::repo::Repository;
use crate::model::types::TypeDef;

/// At most this many names are listed in a finding; the rest are counted.
const LISTED: usize = 12;

/// One warning for each type file that leaves something without a label.
pub fn check(repo: &Repository) -> Vec<Diagnostic> {
    repo.types
        .values()
        .filter_map(|def| finding(repo, def))
        .collect()
}

fn finding(repo: &Repository, def: &TypeDef) -> Option<Diagnostic> {
    let missing = labels::missing(def);
    let first = missing.first()?;
    let text = repo
        .sources
        .iter()
        .find(|s| s.path == def.path)
        .map_or("", |s| s.text.as_str());
    let pos = crate::model::locate(text, &pointer(first), true);
    let mut listed = missing
        .iter()
        .take(LISTED)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if missing.len() > LISTED {
        listed.push_str(&crate::i18n::t(
            "and-more",
            &[("n", &(missing.len() - LISTED))],
        ));
    }
    Some(
        Diagnostic::new(
            codes::LABEL_MISSING,
            &def.path,
            pos,
            crate::i18n::t(
                "label-missing",
                &[("n", &missing.len()), ("listed", &listed)],
            ),
        )
        .hint(crate::i18n::t("label-missing-hint", &[])),
    )
}

/// Where in the type file a missing label belongs: `resolutions[].text=x` →
/// `/fields/properties/resolutions/items/properties/text`; a state → `/workflow/states`.
fn pointer(missing: &str) -> String {
    if missing.starts_with("status=") {
        return "/workflow/states".into();
    }
    let field = missing.split('=').next().unwrap_or(missing);
    let mut out = "/fields".to_string();
    for part in field.split('.') {
        let (key, each) = match part.strip_suffix("[]") {
            Some(k) => (k, true),
            None => (part, false),
        };
        out.push_str("/properties/");
        out.push_str(&crate::parse::yaml::escape_pointer(key));
        if each {
            out.push_str("/items");
        }
    }
    out
}
