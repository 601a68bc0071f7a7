//! A record may not lower its own classification below its type's floor (rules §6.1: member
//! information, finance data): `classification: public` on a member file is an error, and the
//! record stays at the floor (`Repository::classification`) in every build, unless a signed
//! approval of the type's declassification step lowers it.

use crate::diag::{codes, Diagnostic, Pos};
use crate::model::record::Record;
use crate::model::repo::{declassified, Repository};

/// The finding for a record that claims a classification below its type's floor.
pub fn check(repo: &Repository, record: &Record) -> Option<Diagnostic> {
    let def = repo.type_of(record)?;
    let floor = def.lowest_classification?;
    let claimed = repo.claimed_classification(record);
    let levels = &repo.config.classifications;
    if claimed >= floor || declassified(def, record) {
        return None;
    }
    let text = repo.text_of(record);
    let pos = match record.fields.get("classification") {
        Some(_) => record.pos(text, "/classification", false),
        None => Pos::FILE,
    };
    let hint = match &def.declassified_by {
        Some(step) => format!(
            "remove the line, or have it declassified: an approval of the `{step}` step (`clerk sign {} --step {step}`) by whom {} allows",
            record.path, def.path
        ),
        None => format!(
            "remove the line: {} allows no declassification of its records",
            def.path
        ),
    };
    Some(
        Diagnostic::new(
            codes::BELOW_LOWEST_CLASSIFICATION,
            &record.path,
            pos,
            format!(
                "a {} may not be `{}`: the lowest classification of its records is `{}` (rules §6.1), so it stays `{}`",
                def.name,
                levels.id(claimed),
                levels.id(floor),
                levels.id(floor)
            ),
        )
        .hint(hint),
    )
}

/// Type files whose `declassified_by` names no approval step of theirs: no record of theirs
/// could ever be declassified, which is never what was meant.
pub fn types(repo: &Repository) -> Vec<Diagnostic> {
    repo.types
        .values()
        .filter_map(|def| {
            let step = def.declassified_by.as_ref()?;
            if def.steps.contains_key(step) {
                return None;
            }
            let text = repo.source(&def.path).unwrap_or_default();
            let steps: Vec<&str> = def.steps.keys().map(String::as_str).collect();
            Some(
                Diagnostic::new(
                    codes::BELOW_LOWEST_CLASSIFICATION,
                    &def.path,
                    crate::model::locate(text, "/declassified_by", false),
                    format!("`declassified_by: {step}` names no approval step of this type"),
                )
                .hint(format!(
                    "declare the step under `approvals:` (who may declassify), or name one of: {}",
                    if steps.is_empty() {
                        "(none)".to_string()
                    } else {
                        steps.join(", ")
                    }
                )),
            )
        })
        .collect()
}
