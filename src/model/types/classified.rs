//! A type file's classification levels (its default, its floor, its document panels), each
//! a level of clerk.yaml's `classifications`: one it does not list is an error at its line.

use super::file::TypeFile;
use super::{Classification, Levels};
use crate::diag::{codes, Diagnostic, Pos};

/// The levels a type file names, resolved.
pub(super) struct Classified {
    pub(super) default: Classification,
    pub(super) lowest: Option<Classification>,
}

/// Resolves the type's `classification` and `lowest_classification`, and checks the levels its
/// layout's panels name; None when one is unknown (each reported).
pub(super) fn resolve(
    file: &TypeFile,
    levels: &Levels,
    path: &str,
    at: &dyn Fn(&str, bool) -> Pos,
    diags: &mut Vec<Diagnostic>,
) -> Option<Classified> {
    let before = diags.len();
    let mut level = |id: &str, pointer: &str| match levels.resolve(id) {
        Ok(c) => Some(c),
        Err(message) => {
            diags.push(
                Diagnostic::new(
                    codes::CLASSIFICATION_UNKNOWN,
                    path,
                    at(pointer, false),
                    message,
                )
                .hint(crate::i18n::t("classification-unknown-hint", &[])),
            );
            None
        }
    };
    let default = level(&file.classification, "/classification");
    let lowest = file
        .lowest_classification
        .as_deref()
        .and_then(|id| level(id, "/lowest_classification"));
    if let Some(layout) = &file.layout {
        for (panel, id) in layout.panels.named() {
            if let Some(id) = id {
                level(id, &format!("/layout/panels/{panel}"));
            }
        }
    }
    (diags.len() == before).then_some(Classified {
        default: default?,
        lowest,
    })
}
