//! Approval signatures (SPEC §5): each approval is an SSHSIG by the approver's own key, valid on
//! the approval date, over a payload that binds record, step, role, person, date and content.

use serde_json::Value;
use ssh_key::SshSig;

use crate::diag::{codes, Code, Diagnostic};
use crate::model::digest::{content_digest, Payload, NAMESPACE};
use crate::model::expr::parse_date;
use crate::model::keys::Keyring;
use crate::model::record::Record;
use crate::model::repo::Repository;

/// Verifies every approval of one record.
pub fn check(repo: &Repository, keys: &Keyring, record: &Record) -> Vec<Diagnostic> {
    let Some(Value::Array(items)) = record.fields.get("approvals") else {
        return Vec::new();
    };
    let text = repo.text_of(record);
    let required = repo.config.signatures.required;
    let mut digest: Option<String> = None;
    let mut diags = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let s = |k: &str| item.get(k).and_then(Value::as_str);
        let (Some(step), Some(by), Some(role), Some(date)) =
            (s("step"), s("by"), s("role"), s("date"))
        else {
            continue; // the schema reports missing parts
        };
        let base = format!("/approvals/{i}");
        let at = |code: Code, field: &str, message: String| {
            // A block-scalar signature is best shown at its key.
            Diagnostic::new(
                code,
                &record.path,
                record.pos(text, &format!("{base}/{field}"), field == "signature"),
                message,
            )
        };
        let Some(armored) = s("signature") else {
            if required {
                diags.push(
                    at(
                        codes::SIGNATURE_MISSING,
                        "step",
                        format!("the `{step}` approval by `{by}` is not signed"),
                    )
                    .hint(format!(
                        "{by} signs it with `clerk sign {} --step {step}`",
                        record.path
                    )),
                );
            }
            continue;
        };
        let Ok(sig) = SshSig::from_pem(armored.trim()) else {
            diags.push(
                at(
                    codes::SIGNATURE_MALFORMED,
                    "signature",
                    "the signature is not an SSH signature (-----BEGIN SSH SIGNATURE-----)".into(),
                )
                .hint("sign again with `clerk sign`; do not edit the signature by hand"),
            );
            continue;
        };
        let Some(approval_date) = parse_date(date) else {
            continue;
        };
        let key = keys
            .of(by)
            .iter()
            .find(|k| k.key.key_data() == sig.public_key());
        let Some(key) = key else {
            let (code, message) = match keys.owner(sig.public_key()) {
                Some(owner) => (
                    codes::KEY_OF_ANOTHER_PERSON,
                    format!("signed with the key of `{owner}`, not of `{by}`"),
                ),
                None if keys.of(by).is_empty() => (
                    codes::SIGNER_UNKNOWN,
                    format!("`{by}` lists no SSH keys, so the signature cannot be checked"),
                ),
                None => (
                    codes::SIGNER_UNKNOWN,
                    format!("signed with a key that no one in people/ lists (not one of `{by}`'s)"),
                ),
            };
            diags.push(at(code, "signature", message).hint("the approver signs with their own key, listed under `keys:` in their person record"));
            continue;
        };
        if !key.valid_on(approval_date) {
            diags.push(
                at(codes::KEY_NOT_VALID, "signature", format!("`{by}`'s key was not valid on {date} (valid {})", key.window()))
                    .hint("sign with a key that was valid on the approval date; a key cannot approve outside its dates"),
            );
            continue;
        }
        if sig.namespace() != NAMESPACE {
            diags.push(
                at(
                    codes::SIGNATURE_INVALID,
                    "signature",
                    format!(
                        "the signature is for `{}`, not for clerk approvals",
                        sig.namespace()
                    ),
                )
                .hint("sign with `clerk sign`"),
            );
            continue;
        }
        let current =
            digest.get_or_insert_with(|| content_digest(repo.type_of(record), record, text));
        let payload = |digest: &str| Payload {
            record: record.id.clone(),
            step: step.into(),
            role: role.into(),
            by: by.into(),
            date: date.into(),
            digest: digest.into(),
        };
        if key
            .key
            .verify(NAMESPACE, payload(current).text().as_bytes(), &sig)
            .is_ok()
        {
            continue;
        }
        // Not valid for the current content. If it is valid for the digest the approval
        // recorded, the content changed after it was signed: stale, not forged.
        let signed = s("digest").filter(|d| *d != current.as_str());
        let stale = signed.is_some_and(|d| {
            key.key
                .verify(NAMESPACE, payload(d).text().as_bytes(), &sig)
                .is_ok()
        });
        if stale {
            diags.push(
                at(codes::APPROVAL_STALE, "signature", format!("the record changed after `{by}` approved it on {date}: this `{step}` approval no longer covers it"))
                    .hint(format!("have {by} approve the new content (`clerk sign {} --step {step}`), or revert the change", record.path)),
            );
        } else {
            diags.push(
                at(codes::SIGNATURE_INVALID, "signature", format!("the signature does not match this record's `{step}` approval by `{by}` as `{role}` on {date}"))
                    .hint("it was made for another record, step, role or date, or the content changed; sign again with `clerk sign`"),
            );
        }
    }
    diags
}
