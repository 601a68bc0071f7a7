//! Governed changes: a commit that changes `clerk.yaml`, a type file, or a person's roles or keys
//! (or adds or removes a person) must carry an approved amendment (修訂紀錄) of exactly that
//! change, approved by people who held the authority before it, with keys valid before it.
//!
//! An amendment lists each governed file with the SHA-256 digest of its new content, so its
//! approvals — which sign the amendment's content — cover those exact bytes: a byte changed
//! after approval no longer matches (E066), and an amendment cannot approve another change. Only
//! an amendment the commit itself adds or edits counts, so an old one cannot be replayed.

use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::diag::{codes, Diagnostic, Pos};
use crate::git::{Change, GitTree};
use crate::i18n::{t, tv};
use crate::model::expr::Evaluator;
use crate::model::keys::Keyring;
use crate::model::record::Record;
use crate::model::repo::Repository;
use crate::parse::yaml::escape_pointer as esc;
use crate::read::Snapshot;

/// One governed change: a file, what part of it changed, and its new content's digest.
struct Governed {
    path: String,
    /// `rules` (clerk.yaml or a type file), `roles`, `keys`, or `person` (added or removed).
    part: &'static str,
    /// `sha256:HEX` of the new content, or `deleted`.
    digest: String,
    /// Where the finding points: the changed key of a person's record, or the file.
    pos: Pos,
}

/// What a change did to the rules, roles and keys, and who approved it: one link of the chain
/// of governance that `clerk audit` prints.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub findings: Vec<Diagnostic>,
    /// Each governed change: `path (part)`.
    pub changes: Vec<String>,
    /// Each approval of the amendments that approve it: `amendment: step by person (role),
    /// key FINGERPRINT`.
    pub approvals: Vec<String>,
}

/// The governed changes from `old` to `new` and the findings about them, judged by `rules`
/// (the repository as it was before the change).
pub fn check(
    old: &GitTree,
    new_files: &GitTree,
    rules: &Repository,
    new: &Repository,
    changes: &[Change],
    today: chrono::NaiveDate,
) -> Report {
    let governed = governed(old, new_files, rules, new, changes);
    let mut report = Report {
        changes: governed
            .iter()
            .map(|g| format!("{} ({})", g.path, g.part))
            .collect(),
        ..Report::default()
    };
    if governed.is_empty() {
        return report;
    }
    let Some(governance) = &rules.config.governance else {
        report.findings = governed.iter().map(ungoverned).collect();
        return report;
    };
    // The amendments this change adds or edits.
    let touched: Vec<&str> = changes
        .iter()
        .filter_map(|c| match c {
            Change::Added(p) | Change::Modified(p) => Some(p.as_str()),
            Change::Deleted(_) => None,
        })
        .collect();
    let amendments: Vec<&Record> = new
        .records
        .iter()
        .filter(|r| r.type_name.as_deref() == Some(governance.type_name.as_str()))
        .filter(|r| touched.contains(&r.path.as_str()))
        .collect();
    let mut diags = Vec::new();
    let mut used: Vec<&Record> = Vec::new();
    for g in &governed {
        match listing(&amendments, &g.path) {
            None => diags.push(unapproved(g, &governance.type_name, None)),
            Some((amendment, i, listed)) if listed != g.digest => {
                diags.push(stale(g, new, amendment, i, &listed));
            }
            Some((amendment, _, _)) => {
                let status = amendment.str_field("status").unwrap_or("");
                if governance.approved.iter().any(|s| s == status) {
                    if !used.iter().any(|u| u.path == amendment.path) {
                        used.push(amendment);
                    }
                } else {
                    diags.push(unapproved(g, &governance.type_name, Some(amendment)));
                }
            }
        }
    }
    for amendment in used {
        diags.extend(authority(rules, new, amendment, today));
        report.approvals.extend(approvals(amendment));
    }
    report.findings = diags;
    report
}

/// A governed change in a repository that names no amendment type: a warning, since nothing
/// approves it.
fn ungoverned(g: &Governed) -> Diagnostic {
    Diagnostic::new(
        codes::GOVERNANCE_OFF,
        &g.path,
        g.pos,
        t("governance-off", &[("part", &part(g))]),
    )
    .hint(t("governance-off-hint", &[]))
}

/// What part of the rules a governed change changes, in words (the rules, a person, roles, keys).
fn part(g: &Governed) -> String {
    t(&format!("governed-part-{}", g.part), &[])
}

/// The amendment entry lists `g` with another digest than its new content: it changed after
/// the approval.
fn stale(g: &Governed, new: &Repository, amendment: &Record, i: usize, listed: &str) -> Diagnostic {
    let text = new.text_of(amendment);
    Diagnostic::new(
        codes::GOVERNED_CHANGE_STALE,
        &amendment.path,
        amendment.pos(text, &format!("/changes/{i}/digest"), false),
        tv(
            "governed-stale",
            &[
                ("path", g.path.clone()),
                ("listed", listed.into()),
                ("digest", g.digest.clone()),
            ],
        ),
    )
    .hint(t("governed-stale-hint", &[]))
}

/// Each signed approval of `amendment`, as the chain of governance shows it.
fn approvals(amendment: &Record) -> Vec<String> {
    let items = amendment
        .fields
        .get("approvals")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    items
        .iter()
        .map(|a| {
            let s = |k: &str| a.get(k).and_then(Value::as_str).unwrap_or("?");
            let key = a
                .get("signature")
                .and_then(Value::as_str)
                .and_then(|sig| ssh_key::SshSig::from_pem(sig.trim()).ok())
                .map(|sig| ssh_key::PublicKey::from(sig.public_key().clone()))
                .map_or_else(
                    || t("governed-unsigned", &[]),
                    |k| {
                        t(
                            "governed-key",
                            &[("key", &k.fingerprint(ssh_key::HashAlg::Sha256))],
                        )
                    },
                );
            let words = [("path", amendment.path.clone()), ("step", s("step").into())];
            let more = [
                ("by", s("by").into()),
                ("role", s("role").into()),
                ("date", s("date").into()),
            ];
            let key = [("key", key)];
            tv(
                "governed-approval",
                &[&words[..], &more[..], &key[..]].concat(),
            )
        })
        .collect()
}

/// Every governed change from `old` to `new`.
fn governed(
    old: &GitTree,
    new_files: &GitTree,
    rules: &Repository,
    new: &Repository,
    changes: &[Change],
) -> Vec<Governed> {
    let limit = rules.config.limits.max_record_bytes;
    let digest = |path: &str| -> String {
        match new_files.load(path, limit) {
            Ok(file) => format!(
                "sha256:{}",
                crate::model::digest::hex(&Sha256::digest(file.text.as_bytes()))
            ),
            Err(_) => "deleted".into(),
        }
    };
    let mut out = Vec::new();
    for path in crate::git::config_changes(old, new_files, crate::model::config::is_config_file) {
        out.push(Governed {
            digest: digest(&path),
            path,
            part: "rules",
            pos: Pos::FILE,
        });
    }
    let people = rules.config.people_type.as_str();
    for change in changes {
        let path = match change {
            Change::Added(p) | Change::Modified(p) | Change::Deleted(p) => p.as_str(),
        };
        let now = new.records.iter().find(|r| r.path == path);
        let before = match change {
            Change::Added(_) => None,
            _ => old
                .load(path, limit)
                .ok()
                .and_then(|f| Record::parse(0, &f).ok()),
        };
        let is_person = |r: &Record| r.type_name.as_deref() == Some(people);
        let now = now.filter(|r| is_person(r));
        let before = before.filter(is_person);
        let part_pos = |field: &str| -> Pos {
            now.map_or(Pos::FILE, |r| {
                r.pos(new.text_of(r), &format!("/{}", esc(field)), true)
            })
        };
        match (&before, now) {
            (None, None) => continue,
            (None, Some(_)) | (Some(_), None) => out.push(Governed {
                path: path.to_string(),
                part: "person",
                digest: digest(path),
                pos: Pos::FILE,
            }),
            (Some(b), Some(n)) => {
                let fields = &rules.config.people_fields;
                for (part, field) in [("roles", &fields.roles.field), ("keys", &fields.keys.field)]
                {
                    if b.fields.get(field) != n.fields.get(field) {
                        out.push(Governed {
                            path: path.to_string(),
                            part,
                            digest: digest(path),
                            pos: part_pos(field),
                        });
                        break;
                    }
                }
            }
        }
    }
    out
}

/// The amendment entry that lists `path`: the amendment, the entry's index, its digest.
fn listing<'a>(amendments: &[&'a Record], path: &str) -> Option<(&'a Record, usize, String)> {
    amendments.iter().find_map(|a| {
        let entries = a.fields.get("changes")?.as_array()?;
        entries.iter().enumerate().find_map(|(i, e)| {
            (e.get("file").and_then(Value::as_str) == Some(path)).then(|| {
                let digest = e.get("digest").and_then(Value::as_str).unwrap_or("");
                (*a, i, digest.to_string())
            })
        })
    })
}

/// A governed change no approved amendment of this change lists.
fn unapproved(g: &Governed, type_name: &str, draft: Option<&Record>) -> Diagnostic {
    let words = [("part", part(g)), ("path", g.path.clone())];
    let message = match draft {
        Some(a) => {
            let status = a
                .str_field("status")
                .map_or_else(|| t("governed-no-status", &[]), |s| format!("`{s}`"));
            tv(
                "governed-draft",
                &[
                    &words[..],
                    &[("amendment", a.path.clone()), ("status", status)],
                ]
                .concat(),
            )
        }
        None => tv("governed-unapproved", &words),
    };
    let how = [
        ("type", type_name.to_string()),
        ("path", g.path.clone()),
        ("digest", g.digest.clone()),
    ];
    Diagnostic::new(codes::GOVERNED_CHANGE_UNAPPROVED, &g.path, g.pos, message)
        .hint(tv("governed-unapproved-hint", &how))
}

/// The amendment's approvals, judged by the rules in force before the change: who held which
/// role, the amendment type's approval rules, and the keys then valid.
fn authority(
    rules: &Repository,
    new: &Repository,
    amendment: &Record,
    today: chrono::NaiveDate,
) -> Vec<Diagnostic> {
    let text = new.text_of(amendment);
    let ev = Evaluator::for_repository(rules, today);
    let (keys, _) = Keyring::load(rules);
    let mut found = super::workflow::check_text(rules, &ev, amendment, text);
    let count = amendment
        .fields
        .get("approvals")
        .and_then(Value::as_array)
        .map_or(0, Vec::len);
    let mut digest = None;
    for i in 0..count {
        if let Some(p) = super::signatures::verdict(new, &keys, amendment, text, i, &mut digest) {
            let pointer = format!("/approvals/{i}/{}", p.field);
            found.push(Diagnostic::new(
                p.code,
                &amendment.path,
                amendment.pos(text, &pointer, p.field == "signature"),
                p.message,
            ));
        }
    }
    found
        .into_iter()
        .map(|mut d| {
            d.message = t("governed-unauthorized", &[("message", &d.message)]);
            d.code = codes::GOVERNED_CHANGE_UNAUTHORIZED;
            d.severity = d.code.severity();
            d.hint = Some(t("governed-unauthorized-hint", &[]));
            d
        })
        .collect()
}
