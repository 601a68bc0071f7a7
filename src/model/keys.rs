//! People's SSH public keys, with the dates each was valid, for verifying approvals.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde_json::Value;
use ssh_key::{HashAlg, PublicKey};

use super::expr::parse_date;
use super::repo::Repository;
use crate::diag::{codes, Diagnostic};

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
}

/// A key's identity: its SHA-256 fingerprint.
pub fn fingerprint(key: &ssh_key::public::KeyData) -> String {
    key.fingerprint(HashAlg::Sha256).to_string()
}

impl Keyring {
    /// Reads the `keys` of every person record; a key that does not parse is reported.
    pub fn load(repo: &Repository) -> (Keyring, Vec<Diagnostic>) {
        let mut ring = Keyring::default();
        let mut diags = Vec::new();
        for person in repo.people() {
            let Some(Value::Array(items)) = person.fields.get("keys") else {
                continue;
            };
            for (i, item) in items.iter().enumerate() {
                let Some(text) = item.get("key").and_then(Value::as_str) else {
                    continue;
                };
                let date = |k: &str| item.get(k).and_then(Value::as_str).and_then(parse_date);
                match PublicKey::from_openssh(text.trim()) {
                    Ok(key) => {
                        ring.owner.insert(fingerprint(key.key_data()), person.id.clone());
                        ring.by_person.entry(person.id.clone()).or_default().push(Key {
                            key,
                            from: date("from"),
                            until: date("until"),
                        });
                    }
                    Err(e) => diags.push(
                        Diagnostic::new(
                            codes::KEY_INVALID,
                            &person.path,
                            person.pos(repo.text_of(person), &format!("/keys/{i}/key"), false),
                            format!("not an OpenSSH public key: {e}"),
                        )
                        .hint("paste the whole line of the `.pub` file, e.g. `ssh-ed25519 AAAAC3Nza… name`"),
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
