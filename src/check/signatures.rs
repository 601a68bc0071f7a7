//! Approval signatures (README, "Approvals and signatures"): each approval is an SSHSIG by the
//! approver's own key, valid on the approval date, over a payload that binds record, step,
//! role, person, date and content.

use chrono::NaiveDate;
use serde_json::Value;
use ssh_key::SshSig;

use crate::date;
use crate::diag::{codes, Code, Diagnostic};
use crate::i18n::tv;
use crate::model::digest::{content_digest, content_digest_with_id, Payload, NAMESPACE};
use crate::model::keys::{Key, Keyring, VerifiedCache};
use crate::model::labels::Say;
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

impl Problem {
    /// A problem with approval field `field`.
    fn new(code: Code, field: &'static str, message: String, hint: impl Into<String>) -> Problem {
        Problem {
            code,
            field,
            message,
            hint: hint.into(),
        }
    }
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
        if let Some(p) = verdict(repo, keys, record, text, i, &mut digest) {
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

/// The fields of one approval entry that its signature covers, as written.
struct Approval<'a> {
    step: &'a str,
    by: &'a str,
    role: &'a str,
    date: &'a str,
    /// The armored signature, when the entry is signed.
    signature: Option<&'a str>,
    /// The content digest the entry recorded when it was signed.
    digest: Option<&'a str>,
    /// The words of a message about it: ids, the approver's name, the step's and role's labels.
    words: Vec<(&'static str, String)>,
}

impl<'a> Approval<'a> {
    /// The entry's fields; `None` when it lacks step, by, role or date.
    fn read(item: &'a Value) -> Option<Approval<'a>> {
        let s = |k: &str| item.get(k).and_then(Value::as_str);
        Some(Approval {
            step: s("step")?,
            by: s("by")?,
            role: s("role")?,
            date: s("date")?,
            signature: s("signature"),
            digest: s("digest"),
            words: Vec::new(),
        })
    }

    /// Its words for messages, named in the run's language, with `more`.
    fn say(&self, more: &[(&'static str, String)]) -> Vec<(&'static str, String)> {
        let mut words = self.words.clone();
        words.extend(more.iter().cloned());
        words
    }

    /// What the approver signs for `record` with content digest `digest`.
    fn payload(&self, record: &Record, digest: &str) -> Payload {
        Payload {
            record: record.id.clone(),
            step: self.step.into(),
            role: self.role.into(),
            by: self.by.into(),
            date: self.date.into(),
            digest: digest.into(),
        }
    }
}

/// The verdict on approval `i` of `record`: `None` when it is signed and valid (or unsigned where
/// signatures are not required). `digest` caches the record's content digest between calls.
pub fn verdict(
    repo: &Repository,
    keys: &Keyring,
    record: &Record,
    text: &str,
    i: usize,
    digest: &mut Option<String>,
) -> Option<Problem> {
    let item = record.fields.pointer(&format!("/approvals/{i}"))?;
    let mut approval = Approval::read(item)?;
    let say = Say::new(repo, repo.type_of(record));
    approval.words = vec![
        ("step", approval.step.to_string()),
        ("step_label", say.step(approval.step)),
        ("by", approval.by.to_string()),
        ("by_name", say.person(approval.by)),
        ("role", approval.role.to_string()),
        ("role_label", say.role(approval.role)),
        ("date", approval.date.to_string()),
        ("path", record.path.clone()),
    ];
    let Some(armored) = approval.signature else {
        return unsigned(repo, &approval);
    };
    let Ok(sig) = SshSig::from_pem(armored.trim()) else {
        return Some(Problem::new(
            codes::SIGNATURE_MALFORMED,
            "signature",
            tv("signature-malformed", &[]),
            tv("signature-malformed-hint", &[]),
        ));
    };
    let approval_date = date::parse(approval.date)?;
    let key = match signer_key((repo, keys), &approval, &sig) {
        Ok(key) => key,
        Err(problem) => return Some(problem),
    };
    if let Some(problem) = unusable_key(key, &sig, &approval, approval_date) {
        return Some(problem);
    }
    let current = digest
        .get_or_insert_with(|| content_digest(repo.type_of(record), record, text))
        .clone();
    let text_now = approval.payload(record, &current).text();
    if verifies(keys, key, &sig, armored, &text_now) {
        return None;
    }
    // Signed before the id was left out of the digest, over the same content.
    if let Some(earlier) = content_digest_with_id(repo.type_of(record), record, text) {
        if verifies(
            keys,
            key,
            &sig,
            armored,
            &approval.payload(record, &earlier).text(),
        ) {
            return None;
        }
    }
    Some(mismatch(record, key, &sig, &approval, &current))
}

/// Whether an unsigned approval is a problem: only where signatures are required.
fn unsigned(repo: &Repository, approval: &Approval) -> Option<Problem> {
    if !repo.config.signatures.required {
        return None;
    }
    Some(Problem::new(
        codes::SIGNATURE_MISSING,
        "step",
        tv("signature-missing", &approval.words),
        tv("signature-missing-hint", &approval.words),
    ))
}

/// The key of `by` that made `sig`; or, when none of theirs did, whose key it was.
fn signer_key<'k>(
    (repo, keys): (&Repository, &'k Keyring),
    approval: &Approval,
    sig: &SshSig,
) -> Result<&'k Key, Problem> {
    let by = approval.by;
    if let Some(key) = keys
        .of(by)
        .iter()
        .find(|k| k.key.key_data() == sig.public_key())
    {
        return Ok(key);
    }
    let own = tv("signer-own-key-hint", &[]);
    Err(match keys.owner(sig.public_key()) {
        Some(owner) => Problem::new(
            codes::KEY_OF_ANOTHER_PERSON,
            "signature",
            tv(
                "signed-by-another",
                &approval.say(&[
                    ("owner", owner.to_string()),
                    ("owner_name", Say::new(repo, None).person(owner)),
                ]),
            ),
            own,
        ),
        None if keys.of(by).is_empty() => Problem::new(
            codes::SIGNER_UNKNOWN,
            "signature",
            tv("signer-no-keys", &approval.words),
            own,
        ),
        None => Problem::new(
            codes::SIGNER_UNKNOWN,
            "signature",
            tv("signer-unknown", &approval.words),
            own,
        ),
    })
}

/// Whether the signer's key could not make this approval: not valid on the approval date, or
/// the signature made for another namespace than clerk approvals.
fn unusable_key(
    key: &Key,
    sig: &SshSig,
    approval: &Approval,
    approval_date: NaiveDate,
) -> Option<Problem> {
    if !key.valid_on(approval_date) {
        return Some(Problem::new(
            codes::KEY_NOT_VALID,
            "signature",
            tv(
                "key-not-valid",
                &approval.say(&[("window", key.window()), ("window_shown", window(key))]),
            ),
            tv("key-not-valid-hint", &[]),
        ));
    }
    if sig.namespace() != NAMESPACE {
        let words = [("namespace", sig.namespace().to_string())];
        return Some(Problem::new(
            codes::SIGNATURE_INVALID,
            "signature",
            tv("signature-other-namespace", &words),
            tv("signature-other-namespace-hint", &[]),
        ));
    }
    None
}

/// Whether `sig` by `key` verifies over `text_now`, the payload for the current content; the
/// keyring's cache, when it has one, answers for signatures verified before and remembers new ones.
fn verifies(keys: &Keyring, key: &Key, sig: &SshSig, armored: &str, text_now: &str) -> bool {
    let entry = keys
        .cache
        .as_ref()
        .map(|_| VerifiedCache::entry(key.key.key_data(), text_now, armored));
    if let (Some(cache), Some(entry)) = (&keys.cache, &entry) {
        if cache.knows(entry) {
            return true;
        }
    }
    if key.key.verify(NAMESPACE, text_now.as_bytes(), sig).is_ok() {
        if let (Some(cache), Some(entry)) = (&keys.cache, entry) {
            cache.remember(entry);
        }
        return true;
    }
    false
}

/// Why a signature that does not verify for the current content fails: if it is valid for the
/// digest the approval recorded, the content changed after it was signed (stale, not forged).
fn mismatch(
    record: &Record,
    key: &Key,
    sig: &SshSig,
    approval: &Approval,
    current: &str,
) -> Problem {
    let signed = approval.digest.filter(|d| *d != current);
    let stale = signed.is_some_and(|d| {
        key.key
            .verify(
                NAMESPACE,
                approval.payload(record, d).text().as_bytes(),
                sig,
            )
            .is_ok()
    });
    if stale {
        Problem::new(
            codes::APPROVAL_STALE,
            "signature",
            tv("approval-stale", &approval.words),
            tv("approval-stale-hint", &approval.words),
        )
    } else {
        Problem::new(
            codes::SIGNATURE_INVALID,
            "signature",
            tv("signature-invalid", &approval.words),
            tv("signature-invalid-hint", &[]),
        )
    }
}

/// When a key is valid, in the run's language (`2024-01-01 至 …`).
fn window(key: &Key) -> String {
    let d = |x: Option<NaiveDate>| x.map_or_else(|| "…".to_string(), |d| d.to_string());
    tv(
        "key-window",
        &[("from", d(key.from)), ("until", d(key.until))],
    )
}
