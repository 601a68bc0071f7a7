//! Who may read an encrypted record (rules §6.2): the `encryption:` section of `clerk.yaml`
//! applied to a record's type and classification, and the keys those people hold that day.

use chrono::NaiveDate;

use super::config::Encryption;
use super::repo::Repository;
use super::types::Classification;

/// Whether records of this type and classification level (its id) must be stored encrypted.
pub fn required(enc: &Encryption, type_name: &str, level: &str) -> bool {
    enc.required.iter().any(|r| r == type_name || r == level)
}

/// Whether some readers are named for records of this classification level (its id): such
/// records are meant to be read by them only, so plain text of them is worth a warning.
pub fn restricted(enc: &Encryption, level: &str) -> bool {
    enc.readers
        .iter()
        .any(|r| r.classification.as_deref() == Some(level))
}

/// The people allowed to read a record of this type and classification on `date`, with
/// their keys valid that day: `(person, key line)`.
pub fn readers(
    repo: &Repository,
    keys: &super::keys::Keyring,
    type_name: &str,
    classification: Classification,
    date: NaiveDate,
) -> Vec<(String, String)> {
    let Some(enc) = &repo.config.encryption else {
        return Vec::new();
    };
    let level = repo.config.classifications.id(classification);
    let mut people: Vec<String> = Vec::new();
    for rule in &enc.readers {
        // Every selector an entry gives must match (a type, a classification, or both).
        let applies = (rule.type_name.is_some() || rule.classification.is_some())
            && rule.type_name.as_deref().is_none_or(|t| t == type_name)
            && rule.classification.as_deref().is_none_or(|c| c == level);
        if !applies {
            continue;
        }
        for role in &rule.roles {
            for (id, _) in repo.holders(role, &[], date) {
                people.push(id.to_string());
            }
        }
        people.extend(rule.people.iter().cloned());
    }
    people.sort();
    people.dedup();
    let mut out = Vec::new();
    for person in people {
        for key in keys.of(&person).iter().filter(|k| k.valid_on(date)) {
            if let Ok(line) = key.key.to_openssh() {
                out.push((person.clone(), line));
            }
        }
    }
    out
}
