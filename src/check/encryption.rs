//! Encryption at rest (rules §6.2): records that must be encrypted are, confidential ones are
//! not left in plain text unnoticed, and encrypted files open for exactly the readers the
//! configuration allows today.

use chrono::NaiveDate;

use crate::crypt;
use crate::diag::{codes, Diagnostic, Pos};
use crate::i18n::{t, tv};
use crate::model::keys::Keyring;
use crate::model::readers;
use crate::model::record::Record;
use crate::model::repo::Repository;

/// Checks every record's encryption against the configuration and today's readers.
pub fn check(repo: &Repository, keys: &Keyring, today: NaiveDate) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    let mut plain: Vec<&str> = Vec::new();
    let enc = repo.config.encryption.as_ref();
    for record in &repo.records {
        let Some(type_name) = record.type_name.as_deref() else {
            continue;
        };
        let classification = repo.classification(record);
        let level = repo.config.classifications.id(classification);
        let encrypted = record.path.ends_with(crypt::SUFFIX);
        let must = enc.is_some_and(|e| readers::required(e, type_name, level));
        if !encrypted {
            if must {
                let lang = crate::i18n::lang().tag();
                let kind = repo.types.get(type_name).map_or_else(
                    || type_name.to_string(),
                    crate::model::labels::run_type_label,
                );
                let level = repo.config.classifications.label(classification, lang);
                diags.push(must_be_encrypted(
                    record,
                    &kind,
                    &crate::i18n::script(level),
                ));
            } else if enc.is_some_and(|e| {
                classification == repo.config.classifications.top() || readers::restricted(e, level)
            }) {
                plain.push(record.path.as_str());
            }
            continue;
        }
        let Some(found) = repo.sealed(&record.path) else {
            continue;
        };
        let readers = readers::readers(repo, keys, type_name, classification, today);
        diags.extend(wrong_readers(record, &readers, found));
        diags.extend(envelope(repo, record));
    }
    diags.extend(confidential_plaintext(repo, &plain));
    diags
}

/// The finding for a record stored in plain text whose type must be encrypted.
fn must_be_encrypted(record: &Record, type_name: &str, level: &str) -> Diagnostic {
    Diagnostic::new(
        codes::MUST_BE_ENCRYPTED,
        &record.path,
        Pos::FILE,
        t(
            "must-be-encrypted",
            &[("type", &type_name), ("level", &level)],
        ),
    )
    .hint(t("must-be-encrypted-hint", &[("path", &record.path)]))
}

/// Whether an encrypted record opens for keys that may no longer read it, or not for readers
/// allowed today; `found` are the recipient tags it is sealed to.
fn wrong_readers(
    record: &Record,
    readers: &[(String, String)],
    found: &[String],
) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    let mut wanted: Vec<(String, String)> = readers
        .iter()
        .filter_map(|(person, key)| Some((crypt::tag_of(key)?, person.clone())))
        .collect();
    wanted.sort();
    let extra = found
        .iter()
        .filter(|t| !wanted.iter().any(|(w, _)| w == *t))
        .count();
    let missing: Vec<&str> = wanted
        .iter()
        .filter(|(t, _)| !found.contains(t))
        .map(|(_, p)| p.as_str())
        .collect();
    if extra > 0 {
        diags.push(
            Diagnostic::new(
                codes::READER_NOT_ALLOWED,
                &record.path,
                Pos::FILE,
                t("reader-not-allowed", &[("n", &extra)]),
            )
            .hint(t("reader-not-allowed-hint", &[])),
        );
    }
    if !missing.is_empty() {
        diags.push(
            Diagnostic::new(
                codes::READER_MISSING,
                &record.path,
                Pos::FILE,
                t(
                    "reader-missing",
                    &[("names", &missing.join(&t("list-and", &[])))],
                ),
            )
            .hint(t("reader-missing-hint", &[])),
        );
    }
    diags
}

/// Whether an encrypted record's plain envelope (what numbering sees without a key) says what
/// the record says.
fn envelope(repo: &Repository, record: &Record) -> Option<Diagnostic> {
    let wanted = repo.envelope_of(record);
    let Some(found) = repo.sealed_envelope(&record.path) else {
        return Some(
            Diagnostic::new(
                codes::ENVELOPE_MISSING,
                &record.path,
                Pos::FILE,
                t("envelope-missing", &[]),
            )
            .hint(t("envelope-missing-hint", &[])),
        );
    };
    if *found == wanted {
        return None;
    }
    let differ: Vec<String> = wanted
        .keys()
        .chain(found.keys())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .filter(|k| wanted.get(*k) != found.get(*k))
        .map(|k| {
            let value = |m: &std::collections::BTreeMap<String, String>| {
                m.get(k).map_or("—", String::as_str).to_string()
            };
            let words = [
                ("field", k.clone()),
                ("record", value(&wanted)),
                ("envelope", value(found)),
            ];
            tv("envelope-differs", &words)
        })
        .collect();
    Some(
        Diagnostic::new(
            codes::ENVELOPE_MISMATCH,
            &record.path,
            Pos::FILE,
            t(
                "envelope-mismatch",
                &[("differ", &differ.join(&t("list-semicolon", &[])))],
            ),
        )
        .hint(t("envelope-mismatch-hint", &[])),
    )
}

/// In a change from `old` to `new`: encrypted files whose header was edited without the key
/// (the payload kept, the envelope or recipients changed). Without a key this is all that shows
/// a forged envelope; with one, the header's MAC no longer verifies.
pub fn edited_headers(
    old: &crate::git::GitTree,
    new: &crate::git::GitTree,
    changes: &[crate::git::Change],
) -> Vec<Diagnostic> {
    changes
        .iter()
        .filter_map(|c| match c {
            crate::git::Change::Modified(p) if p.ends_with(crypt::SUFFIX) => Some(p),
            _ => None,
        })
        .filter(|p| {
            matches!((old.bytes(p), new.bytes(p)), (Some(a), Some(b)) if crypt::header_edited(&a, &b))
        })
        .map(|p| {
            Diagnostic::new(
                codes::HEADER_EDITED,
                p,
                Pos::FILE,
                t("header-edited", &[]),
            )
            .hint(t("header-edited-hint", &[]))
        })
        .collect()
}

/// Confidential records in plain text: one finding, at the encryption settings, not one
/// per record (an association moving to encryption has many).
fn confidential_plaintext(repo: &Repository, plain: &[&str]) -> Option<Diagnostic> {
    if plain.is_empty() {
        return None;
    }
    let text = repo.source(crate::model::config::FILE).unwrap_or_default();
    let shown: Vec<&str> = plain.iter().take(5).copied().collect();
    let more = if plain.len() > shown.len() {
        t("and-more", &[("n", &(plain.len() - shown.len()))])
    } else {
        String::new()
    };
    Some(
        Diagnostic::new(
            codes::CONFIDENTIAL_PLAINTEXT,
            crate::model::config::FILE,
            crate::model::locate(text, "/encryption", true),
            tv(
                "confidential-plaintext",
                &[
                    ("n", plain.len().to_string()),
                    ("paths", shown.join(&t("list-and", &[]))),
                    ("more", more),
                ],
            ),
        )
        .hint(t("confidential-plaintext-hint", &[])),
    )
}
