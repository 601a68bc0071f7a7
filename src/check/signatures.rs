//! Approval signatures (README, "Approvals and signatures"): each approval is an SSHSIG by the
//! approver's own key, valid on the approval date, over a payload that binds record, step,
//! role, person, date and content.

use serde_json::Value;
use ssh_key::SshSig;

use crate::date;
use crate::diag::{codes, Code, Diagnostic};
use crate::model::digest::{content_digest, Payload, NAMESPACE};
use crate::model::keys::{Keyring, VerifiedCache};
use crate::model::record::Record;
use crate::model::repo::Repository;

/// What is wrong with one approval's signature: the code, the field to point at, the message,
/// and a hint.
pub struct Problem {
    pub code: Code,
    pub field: &'static str,
    pub message: String,
    pub hint: String,
}

/// Verifies every approval of one record.
pub fn check(repo: &Repository, keys: &Keyring, record: &Record) -> Vec<Diagnostic> {
    let Some(Value::Array(items)) = record.fields.get("approvals") else {
        return Vec::new();
    };
    // Without its type the digest cannot leave out the managed fields; the type's own
    // problem is reported, not a stale approval on every record of it.
    if repo.type_of(record).is_none() {
        return Vec::new();
    }
    let text = repo.text_of(record);
    let mut digest = None;
    let mut diags = Vec::new();
    for i in 0..items.len() {
        if let Some(p) = verdict(repo, keys, record, i, &mut digest) {
            let pointer = format!("/approvals/{i}/{}", p.field);
            // A block-scalar signature is best shown at its key.
            let pos = record.pos(text, &pointer, p.field == "signature");
            let mut d = Diagnostic::new(p.code, &record.path, pos, p.message).hint(p.hint);
            d.approval = Some(i);
            diags.push(d);
        }
    }
    diags
}

/// The verdict on approval `i` of `record`: `None` when it is signed and valid (or unsigned where
/// signatures are not required). `digest` caches the record's content digest between calls.
pub fn verdict(
    repo: &Repository,
    keys: &Keyring,
    record: &Record,
    i: usize,
    digest: &mut Option<String>,
) -> Option<Problem> {
    let item = record.fields.pointer(&format!("/approvals/{i}"))?;
    let s = |k: &str| item.get(k).and_then(Value::as_str);
    let (step, by, role, date) = (s("step")?, s("by")?, s("role")?, s("date")?);
    let problem = |code: Code, field: &'static str, message: String, hint: String| {
        Some(Problem {
            code,
            field,
            message,
            hint,
        })
    };
    let Some(armored) = s("signature") else {
        if repo.config.signatures.required {
            return problem(
                codes::SIGNATURE_MISSING,
                "step",
                format!("the `{step}` approval by `{by}` is not signed"),
                format!(
                    "{by} signs it with `clerk sign {} --step {step}`",
                    record.path
                ),
            );
        }
        return None;
    };
    let Ok(sig) = SshSig::from_pem(armored.trim()) else {
        return problem(
            codes::SIGNATURE_MALFORMED,
            "signature",
            "the signature is not an SSH signature (-----BEGIN SSH SIGNATURE-----)".into(),
            "sign again with `clerk sign`; do not edit the signature by hand".into(),
        );
    };
    let approval_date = date::parse(date)?;
    let own = "the approver signs with their own key, listed under `keys:` in their person record"
        .to_string();
    let Some(key) = keys
        .of(by)
        .iter()
        .find(|k| k.key.key_data() == sig.public_key())
    else {
        return match keys.owner(sig.public_key()) {
            Some(owner) => problem(
                codes::KEY_OF_ANOTHER_PERSON,
                "signature",
                format!("signed with the key of `{owner}`, not of `{by}`"),
                own,
            ),
            None if keys.of(by).is_empty() => problem(
                codes::SIGNER_UNKNOWN,
                "signature",
                format!("`{by}` lists no SSH keys, so the signature cannot be checked"),
                own,
            ),
            None => problem(
                codes::SIGNER_UNKNOWN,
                "signature",
                format!("signed with a key that no one in people/ lists (not one of `{by}`'s)"),
                own,
            ),
        };
    };
    if !key.valid_on(approval_date) {
        return problem(
            codes::KEY_NOT_VALID,
            "signature",
            format!("`{by}`'s key was not valid on {date} (valid {})", key.window()),
            "sign with a key that was valid on the approval date; a key cannot approve outside its dates".into(),
        );
    }
    if sig.namespace() != NAMESPACE {
        return problem(
            codes::SIGNATURE_INVALID,
            "signature",
            format!(
                "the signature is for `{}`, not for clerk approvals",
                sig.namespace()
            ),
            "sign with `clerk sign`".into(),
        );
    }
    let text = repo.text_of(record);
    let current = digest
        .get_or_insert_with(|| content_digest(repo.type_of(record), record, text))
        .clone();
    let payload = |digest: &str| Payload {
        record: record.id.clone(),
        step: step.into(),
        role: role.into(),
        by: by.into(),
        date: date.into(),
        digest: digest.into(),
    };
    let text_now = payload(&current).text();
    let entry = keys
        .cache
        .as_ref()
        .map(|_| VerifiedCache::entry(key.key.key_data(), &text_now, armored));
    if let (Some(cache), Some(entry)) = (&keys.cache, &entry) {
        if cache.knows(entry) {
            return None;
        }
    }
    if key.key.verify(NAMESPACE, text_now.as_bytes(), &sig).is_ok() {
        if let (Some(cache), Some(entry)) = (&keys.cache, entry) {
            cache.remember(entry);
        }
        return None;
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
        problem(
            codes::APPROVAL_STALE,
            "signature",
            format!("the record changed after `{by}` approved it on {date}: this `{step}` approval no longer covers it"),
            format!("have {by} approve the new content (`clerk sign {} --step {step}`), or revert the change", record.path),
        )
    } else {
        problem(
            codes::SIGNATURE_INVALID,
            "signature",
            format!("the signature does not match this record's `{step}` approval by `{by}` as `{role}` on {date}"),
            "it was made for another record, step, role or date, or the content changed; sign again with `clerk sign`".into(),
        )
    }
}
