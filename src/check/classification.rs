//! A record may not lower its own classification below its type's floor (rules §6.1: member
//! information, finance data): `classification: public` on a member file is an error, and the
//! record stays at the floor (`Repository::classification`) in every build, unless a signed
//! approval of the type's declassification step lowers it.

use crate::diag::{codes, Diagnostic, Pos};
use crate::i18n::{t, tv};
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
        Some(step) => {
            let label = crate::model::labels::run_step_label(def, step);
            let words = [
                ("step", step.clone()),
                ("step_label", label),
                ("path", record.path.clone()),
                ("file", def.path.clone()),
            ];
            tv("below-lowest-declassify-hint", &words)
        }
        None => t("below-lowest-hint", &[("file", &def.path)]),
    };
    let lang = crate::i18n::lang().tag();
    let level = |c| {
        let label = crate::i18n::script(levels.label(c, lang));
        t(
            "level-named",
            &[("level", &levels.id(c)), ("level_label", &label)],
        )
    };
    let words = [
        ("type", def.name.clone()),
        ("type_label", crate::model::labels::run_type_label(def)),
        ("claimed", level(claimed)),
        ("floor", level(floor)),
    ];
    Some(
        Diagnostic::new(
            codes::BELOW_LOWEST_CLASSIFICATION,
            &record.path,
            pos,
            tv("below-lowest", &words),
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
                    t("declassified-by-unknown", &[("step", step)]),
                )
                .hint(t(
                    "declassified-by-unknown-hint",
                    &[(
                        "steps",
                        &if steps.is_empty() {
                            t("none-listed", &[])
                        } else {
                            steps.join(", ")
                        },
                    )],
                )),
            )
        })
        .collect()
}
