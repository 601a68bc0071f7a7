//! Attachments a record lists: files inside the repository that clerk may publish, each name
//! once (`model::attachments` decides what may be); the file an entry's SHA-256 names; stored
//! encrypted when their record must be; covered by the approvals of an approved record.
//!
//! These read the files beside the records — in the work tree for `clerk check`, `build` and
//! `serve`; in a change's git tree for the hook and CI, for the records the change touches —
//! never from a record's cached verdict.

use std::collections::HashSet;

use crate::diag::{codes, Diagnostic, Pos};
use crate::model::attachments::{self, Attachment, Files, Source};
use crate::model::readers;
use crate::model::record::Record;
use crate::model::repo::Repository;

/// The findings about every record's attachments, as the work tree holds them.
pub fn check(repo: &Repository) -> Vec<Diagnostic> {
    check_records(repo, Files::Folder(&repo.root), |_| true)
}

/// In a change (the hook, CI): the attachments of the records the change touches, or whose
/// attachment files it touches, as the git tree `tree` records them.
pub fn check_change(
    repo: &Repository,
    tree: &dyn crate::read::Snapshot,
    changed: &HashSet<&str>,
) -> Vec<Diagnostic> {
    check_records(repo, Files::Tree(tree), |record| {
        changed.contains(record.path.as_str())
            || changed.iter().any(|p| attachments::names(record, p))
    })
}

/// The findings about the attachments of the records `wanted` picks, looked up in `files`.
fn check_records(
    repo: &Repository,
    files: Files,
    wanted: impl Fn(&Record) -> bool,
) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    for record in repo.records.iter().filter(|r| wanted(r)) {
        let list = attachments::of(files, &repo.config.skip, record);
        if list.is_empty() {
            continue;
        }
        let text = repo.text_of(record);
        let must_seal = repo.config.encryption.as_ref().is_some_and(|e| {
            readers::required(
                e,
                record.type_name.as_deref().unwrap_or_default(),
                repo.config.classifications.id(repo.classification(record)),
            )
        });
        let approved = record
            .fields
            .get("approvals")
            .and_then(|a| a.as_array())
            .is_some_and(|a| !a.is_empty());
        let mut names = HashSet::new();
        for a in &list {
            let pos = record.pos(text, &format!("/attachments/{}", a.index), false);
            let at = |code, message: String| Diagnostic::new(code, &record.path, pos, message);
            let source = match &a.source {
                Err(why) => {
                    diags.push(
                        at(
                            codes::ATTACHMENT_REFUSED,
                            crate::i18n::t(
                                "attachment-refused",
                                &[("name", &a.name), ("why", &why.describe())],
                            ),
                        )
                        .hint(crate::i18n::t("attachment-refused-hint", &[])),
                    );
                    continue;
                }
                Ok(source) => source,
            };
            if !names.insert(a.file_name.clone()) {
                diags.push(
                    at(
                        codes::ATTACHMENT_NAME_TWICE,
                        crate::i18n::t("attachment-name-twice", &[("name", &a.file_name)]),
                    )
                    .hint(crate::i18n::t("attachment-name-twice-hint", &[])),
                );
            }
            if must_seal && !source.sealed {
                diags.push(
                    at(
                        codes::MUST_BE_ENCRYPTED,
                        crate::i18n::t("attachment-plain", &[("name", &a.name)]),
                    )
                    .hint(crate::i18n::t(
                        "attachment-plain-hint",
                        &[("path", &record.path)],
                    )),
                );
            }
            diags.extend(content(files, record, a, source, pos));
            if approved && a.sha256.is_none() {
                diags.push(
                    at(
                        codes::ATTACHMENT_UNBOUND,
                        crate::i18n::t("attachment-unbound", &[("name", &a.name)]),
                    )
                    .hint(crate::i18n::tv(
                        "attachment-unbound-hint",
                        &[
                            ("name", a.name.clone()),
                            (
                                "sha256",
                                source_hash(files, source).unwrap_or_else(|| "…".into()),
                            ),
                        ],
                    )),
                );
            }
        }
    }
    diags
}

/// Whether the file is the one the entry's SHA-256 names (an encrypted one only with a key).
fn content(
    files: Files,
    record: &Record,
    a: &Attachment,
    source: &Source,
    pos: Pos,
) -> Option<Diagnostic> {
    let wanted = a.sha256.as_deref()?;
    let found = match source.content(files) {
        Ok(Some(bytes)) => attachments::sha256(&bytes),
        Ok(None) => return None,
        Err(e) => crate::i18n::t("attachment-unreadable", &[("error", &e)]),
    };
    (!found.eq_ignore_ascii_case(wanted)).then(|| {
        Diagnostic::new(
            codes::ATTACHMENT_CHANGED,
            &record.path,
            pos,
            crate::i18n::t(
                "attachment-changed",
                &[("name", &a.name), ("found", &found)],
            ),
        )
        .hint(crate::i18n::t("attachment-changed-hint", &[]))
    })
}

/// The SHA-256 of a file's plain content, when it can be read.
fn source_hash(files: Files, source: &Source) -> Option<String> {
    Some(attachments::sha256(&source.content(files).ok()??))
}
