//! Encrypted records seen without their key. Each carries a plain envelope (see
//! [`crate::crypt::Envelope`]) with its type, id, status, classification and numbers, so that
//! numbering and uniqueness see every number although the record stays closed.

use serde_json::Value;

use super::record::Record;
use super::repo::Repository;
use crate::crypt::Envelope;

/// An encrypted record clerk could not open, and its envelope when the file has one.
#[derive(Debug, Clone)]
pub struct Unopened {
    pub path: String,
    pub envelope: Option<Envelope>,
}

/// Where numbering reads a value: a record read, or the envelope of one that could not be.
#[derive(Debug, Clone, Copy)]
pub enum Holder<'a> {
    Record(&'a Record),
    Sealed(&'a str, &'a Envelope),
}

impl<'a> Holder<'a> {
    /// The file the value is in.
    pub fn path(&self) -> &'a str {
        match self {
            Holder::Record(r) => &r.path,
            Holder::Sealed(path, _) => path,
        }
    }

    /// The record's type name.
    pub fn type_name(&self) -> Option<&'a str> {
        match self {
            Holder::Record(r) => r.type_name.as_deref(),
            Holder::Sealed(_, e) => e.get("type").map(String::as_str),
        }
    }

    /// A text field (an envelope holds only the fields numbering needs).
    pub fn str_field(&self, field: &str) -> Option<&'a str> {
        match self {
            Holder::Record(r) => r.str_field(field),
            Holder::Sealed(_, e) => e.get(field).map(String::as_str),
        }
    }
}

impl Repository {
    /// The envelope of a record with these front matter `fields`: `type`, `id`, `status`, the
    /// classification (its own or its type's), every field its type keeps unique (文號) and the
    /// archive number (檔號). Only text values are kept.
    pub fn envelope(&self, id: &str, fields: &Value) -> Envelope {
        let def = fields
            .get("type")
            .and_then(Value::as_str)
            .and_then(|t| self.types.get(t));
        let mut keys = vec!["type", "status", "classification"];
        if let Some(def) = def {
            keys.extend(def.unique.iter().map(|u| u.field.as_str()));
        }
        if let Some(archive) = &self.config.archive {
            keys.push(&archive.field);
        }
        let mut envelope: Envelope = keys
            .into_iter()
            .filter_map(|k| Some((k.to_string(), fields.get(k)?.as_str()?.to_string())))
            .collect();
        envelope.insert("id".into(), id.to_string());
        if let Some(def) = def {
            envelope.entry("classification".into()).or_insert_with(|| {
                self.config
                    .classifications
                    .id(def.classification)
                    .to_string()
            });
        }
        envelope
    }

    /// The envelope the record's encrypted file should carry now.
    pub fn envelope_of(&self, record: &Record) -> Envelope {
        self.envelope(&record.id, &record.fields)
    }

    /// Every record numbering reads: the records read, then the envelopes of those not.
    pub fn numbered(&self) -> impl Iterator<Item = Holder<'_>> {
        self.records.iter().map(Holder::Record).chain(
            self.unreadable
                .iter()
                .filter_map(|u| Some(Holder::Sealed(&u.path, u.envelope.as_ref()?))),
        )
    }

    /// The encrypted records clerk could not open that have no envelope: their numbers are
    /// unknown without a key.
    pub fn blind(&self) -> impl Iterator<Item = &str> {
        self.unreadable
            .iter()
            .filter(|u| u.envelope.is_none())
            .map(|u| u.path.as_str())
    }
}
