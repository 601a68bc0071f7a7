//! People's SSH public keys, with the dates each was valid, for verifying approvals.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde_json::Value;
use ssh_key::{HashAlg, PublicKey};

use super::repo::Repository;
use crate::date;
use crate::diag::{codes, Diagnostic};
use crate::parse::yaml::escape_pointer as esc;

/// A key a person lists, with its validity window (both ends included).
#[derive(Debug, Clone)]
pub struct Key {
    pub key: PublicKey,
    pub from: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
}

impl Key {
    pub fn valid_on(&self, date: NaiveDate) -> bool {
        self.from.is_none_or(|f| f <= date) && self.until.is_none_or(|u| date <= u)
    }

    /// The window as shown in messages.
    pub fn window(&self) -> String {
        let d = |x: Option<NaiveDate>| x.map_or_else(|| "…".to_string(), |d| d.to_string());
        format!("{} to {}", d(self.from), d(self.until))
    }
}

/// Every person's keys, and who owns each key.
#[derive(Debug, Default)]
pub struct Keyring {
    by_person: HashMap<String, Vec<Key>>,
    owner: HashMap<String, String>,
    /// Signatures verified before, when the repository has somewhere to keep them.
    pub cache: Option<VerifiedCache>,
}

/// Signatures already verified, so an unchanged repository is not verified again; the same
/// kind of file also remembers records whose own checks found nothing (`checked-records`, see
/// `check::run`).
///
/// An entry is the SHA-256 of everything the answer depends on — for a signature, the public
/// key's fingerprint, the exact payload and the exact signature: any change to any of them is
/// a new entry, verified in full. The file lives in the repository's git folder
/// (`.git/clerk/verified-signatures`), which only its owner writes; a fresh clone (CI) starts
/// empty and verifies everything. Set `CLERK_NO_CACHE=1` to neither read nor write it.
#[derive(Debug)]
pub struct VerifiedCache {
    path: std::path::PathBuf,
    known: std::collections::HashSet<[u8; 32]>,
    seen: std::sync::Mutex<std::collections::HashSet<[u8; 32]>>,
}

impl VerifiedCache {
    /// The cache of verified signatures of the git repository holding `root`, if there is one.
    pub fn open(root: &std::path::Path) -> Option<VerifiedCache> {
        VerifiedCache::open_named(root, "verified-signatures")
    }

    /// The cache file `.git/clerk/NAME` of the git repository holding `root`, if there is one.
    pub fn open_named(root: &std::path::Path, name: &str) -> Option<VerifiedCache> {
        let path = crate::cache::path(root, name)?;
        let known = std::fs::read(&path)
            .map(|bytes| {
                bytes
                    .chunks_exact(32)
                    .filter_map(|c| <[u8; 32]>::try_from(c).ok())
                    .collect()
            })
            .unwrap_or_default();
        Some(VerifiedCache {
            path,
            known,
            seen: std::sync::Mutex::new(std::collections::HashSet::new()),
        })
    }

    /// The entry for a signature over `payload` by `key`.
    pub fn entry(key: &ssh_key::public::KeyData, payload: &str, signature: &str) -> [u8; 32] {
        use sha2::{Digest, Sha256};
        let mut h = Sha256::new();
        h.update(key.fingerprint(HashAlg::Sha256).as_bytes());
        h.update([0]);
        h.update(payload.as_bytes());
        h.update([0]);
        h.update(signature.trim().as_bytes());
        h.finalize().into()
    }

    /// Whether this signature verified before; remembers it for the next run either way.
    pub fn knows(&self, entry: &[u8; 32]) -> bool {
        let known = self.known.contains(entry);
        if known {
            self.remember(*entry);
        }
        known
    }

    pub fn remember(&self, entry: [u8; 32]) {
        if let Ok(mut seen) = self.seen.lock() {
            seen.insert(entry);
        }
    }

    /// Writes the entries used in this run, and keeps the earlier ones while there are at most
    /// `bound` in all (e.g. twice what the repository could use): a run that skipped some work
    /// (records whose checks were remembered) does not forget the signatures behind it, and
    /// the file never grows without limit.
    pub fn save(&self, bound: usize) {
        let Ok(seen) = self.seen.lock() else { return };
        let mut all: std::collections::HashSet<[u8; 32]> = seen.clone();
        all.extend(self.known.iter().copied());
        if all.len() > bound {
            all = seen.clone();
        }
        if all == self.known {
            return;
        }
        let mut entries: Vec<&[u8; 32]> = all.iter().collect();
        entries.sort();
        let bytes: Vec<u8> = entries.into_iter().flatten().copied().collect();
        if let Some(dir) = self.path.parent() {
            if std::fs::create_dir_all(dir).is_ok() {
                // A cache that cannot be written is only slower next time.
                let _ = crate::fsio::write_bytes_atomic(&self.path, &bytes);
            }
        }
    }
}

/// A key's identity: its SHA-256 fingerprint.
pub fn fingerprint(key: &ssh_key::public::KeyData) -> String {
    key.fingerprint(HashAlg::Sha256).to_string()
}

impl Keyring {
    /// Reads the keys of every person record (`people_fields.keys`); a key that does not parse is reported.
    pub fn load(repo: &Repository) -> (Keyring, Vec<Diagnostic>) {
        let mut ring = Keyring::default();
        let mut diags = Vec::new();
        let names = &repo.config.people_fields.keys;
        for person in repo.people() {
            let Some(Value::Array(items)) = person.fields.get(&names.field) else {
                continue;
            };
            for (i, item) in items.iter().enumerate() {
                let Some(text) = item.get(&names.key).and_then(Value::as_str) else {
                    continue;
                };
                let date = |k: &str| item.get(k).and_then(Value::as_str).and_then(date::parse);
                match PublicKey::from_openssh(text.trim()) {
                    Ok(key) => {
                        ring.owner
                            .insert(fingerprint(key.key_data()), person.id.clone());
                        ring.by_person
                            .entry(person.id.clone())
                            .or_default()
                            .push(Key {
                                key,
                                from: date(&names.from),
                                until: date(&names.until),
                            });
                    }
                    Err(e) => diags.push(
                        Diagnostic::new(
                            codes::KEY_INVALID,
                            &person.path,
                            person.pos(
                                repo.text_of(person),
                                &format!("/{}/{i}/{}", esc(&names.field), esc(&names.key)),
                                false,
                            ),
                            crate::i18n::t("key-invalid", &[("error", &e)]),
                        )
                        .hint(crate::i18n::t("key-invalid-hint", &[])),
                    ),
                }
            }
        }
        (ring, diags)
    }

    /// The keys a person lists.
    pub fn of(&self, person: &str) -> &[Key] {
        self.by_person.get(person).map_or(&[], Vec::as_slice)
    }

    /// Who lists this key.
    pub fn owner(&self, key: &ssh_key::public::KeyData) -> Option<&str> {
        self.owner.get(&fingerprint(key)).map(String::as_str)
    }

    /// Every person's keys, by person id.
    pub fn people(&self) -> impl Iterator<Item = (&String, &Vec<Key>)> {
        self.by_person.iter()
    }
}
