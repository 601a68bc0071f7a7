//! The content an approval signs: a canonical digest of the record (README, "Approvals and
//! signatures").
//!
//! digest = SHA-256( JCS(front matter) + "\n" + body ), the front matter without `id`,
//! `approvals` and the workflow-managed fields, where JCS is the JSON Canonicalization Scheme
//! (RFC 8785) and the body's line endings are normalised to LF, with trailing newlines
//! removed. Re-quoting or reordering YAML keys does not change it; changing a word does.
//!
//! The id is left out because the payload binds it already (its `record:` line): renaming a
//! signed file and keeping its id with `id:` does not make its approvals stale. Approvals signed
//! before this (when a written `id:` was part of the digest) still verify: see
//! [`content_digest_with_id`].

use serde_json::Value;
use sha2::{Digest, Sha256};

use super::record::Record;
use super::types::TypeDef;

/// The SSHSIG namespace of approval signatures.
pub const NAMESPACE: &str = "clerk-approval";

/// `sha256:<hex>` of the record's approved content.
pub fn content_digest(def: Option<&TypeDef>, record: &Record, text: &str) -> String {
    digest_of(def, record, text, false)
}

/// The digest as clerk computed it before the id was left out, for a record whose front matter
/// writes `id:` (`None` otherwise: then both are the same). An approval signed over it still
/// verifies.
pub fn content_digest_with_id(
    def: Option<&TypeDef>,
    record: &Record,
    text: &str,
) -> Option<String> {
    record
        .map()
        .contains_key("id")
        .then(|| digest_of(def, record, text, true))
}

fn digest_of(def: Option<&TypeDef>, record: &Record, text: &str, with_id: bool) -> String {
    let mut fields = record.map().clone();
    // A signature cannot cover the list of signatures.
    fields.remove("approvals");
    if !with_id {
        fields.remove("id");
    }
    for managed in def.map(|d| d.managed.as_slice()).unwrap_or_default() {
        fields.remove(managed);
    }
    // JCS cannot fail on a JSON value built from YAML (keys are text, numbers are finite).
    let canonical = serde_json_canonicalizer::to_string(&Value::Object(fields)).unwrap_or_default();
    let body = normalise_body(record.body(text));
    let mut hasher = Sha256::new();
    hasher.update(canonical.as_bytes());
    hasher.update(b"\n");
    hasher.update(body.as_bytes());
    format!("sha256:{}", hex(&hasher.finalize()))
}

/// LF line endings, no trailing newlines: an editor adding or removing the final newline, or
/// saving with CRLF, does not change what was approved.
fn normalise_body(body: &str) -> String {
    body.replace("\r\n", "\n")
        .replace('\r', "\n")
        .trim_end_matches('\n')
        .to_string()
}

/// `bytes` as lowercase hexadecimal.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The exact text an approver signs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Payload {
    pub record: String,
    pub step: String,
    pub role: String,
    pub by: String,
    pub date: String,
    pub digest: String,
}

impl Payload {
    /// The payload as signed (LF line endings, a final newline).
    pub fn text(&self) -> String {
        format!(
            "clerk approval v1\nrecord: {}\nstep: {}\nrole: {}\nby: {}\ndate: {}\ndigest: {}\n",
            self.record, self.step, self.role, self.by, self.date, self.digest
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::SourceFile;

    fn digest(text: &str) -> String {
        let file = SourceFile {
            path: "d.md".into(),
            text: text.into(),
            ..Default::default()
        };
        let record = Record::parse(0, &file).unwrap();
        content_digest(None, &record, text)
    }

    #[test]
    fn reformatting_and_reordering_do_not_change_it() {
        let a = digest("---\ntype: note\ntitle: 會議\ndays: 1\n---\nBody\n");
        let b = digest("---\ndays: 1\ntitle: \"會議\"\ntype: 'note'\n---\r\nBody\r\n\r\n");
        let c = digest("---\n{type: note, title: 會議, days: 1}\n---\nBody");
        assert_eq!(a, b);
        assert_eq!(a, c);
    }

    #[test]
    fn content_changes_change_it() {
        let a = digest("---\ntype: note\ntitle: 會議\ndays: 1\n---\nBody\n");
        assert_ne!(
            a,
            digest("---\ntype: note\ntitle: 會議\ndays: 2\n---\nBody\n")
        );
        assert_ne!(
            a,
            digest("---\ntype: note\ntitle: 會議\ndays: 1\n---\nBody.\n")
        );
        assert_ne!(
            a,
            digest("---\ntype: note\ntitle: 會議\ndays: \"1\"\n---\nBody\n")
        );
    }

    #[test]
    fn approvals_are_not_part_of_it() {
        let a = digest("---\ntype: note\ntitle: x\n---\nB\n");
        let b = digest("---\ntype: note\ntitle: x\napprovals:\n  - step: s\n---\nB\n");
        assert_eq!(a, b);
        assert!(a.starts_with("sha256:") && a.len() == 7 + 64);
    }

    #[test]
    fn payload_text() {
        let p = Payload {
            record: "r".into(),
            step: "approve".into(),
            role: "secretary-general".into(),
            by: "lin".into(),
            date: "2026-01-02".into(),
            digest: "sha256:00".into(),
        };
        assert_eq!(p.text(), "clerk approval v1\nrecord: r\nstep: approve\nrole: secretary-general\nby: lin\ndate: 2026-01-02\ndigest: sha256:00\n");
    }
}
