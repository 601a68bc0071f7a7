//! `records.TYPE` and `lookup(type, field, value)`: records by type, indexed by field on first
//! use.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use cel::Value;
use rayon::prelude::*;

/// Each `lookup(` in `text`: its byte offset, and the type it names when that is written as a
/// quoted text (`lookup('income', …)`), or `None` when it is an expression.
pub fn lookup_calls(text: &str) -> Vec<(usize, Option<&str>)> {
    text.match_indices("lookup(")
        .map(|(at, _)| {
            let rest = text[at + "lookup(".len()..].trim_start();
            let name = rest
                .chars()
                .next()
                .filter(|c| *c == '\'' || *c == '"')
                .and_then(|quote| rest[1..].split(quote).next());
            (at, name)
        })
        .collect()
}

/// The hidden variable through which `lookup` reaches the layer's records (expressions cannot
/// name it: it is not in [`VARIABLES`]).
pub(super) const RECORD_SET: &str = "clerk_record_set";

/// Records by type, as `records.TYPE` shows them, with indexes for
/// `lookup(type, field, value)` built the first time a type and field are looked up — so a
/// register row that finds its member's payments costs one hash lookup, not a scan of every
/// payment.
pub struct RecordSet {
    pub(super) value: Value,
    by_type: HashMap<String, Arc<Vec<Value>>>,
    indexes: Mutex<HashMap<(String, String), Arc<Index>>>,
}

/// Records of one type by the value of one field.
pub(super) type Index = HashMap<LookupKey, Vec<Value>>;

/// A field value as an index key: numbers by value (1 and 1.0 are the same), text as is.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) enum LookupKey {
    Text(Arc<String>),
    Number(u64),
    Bool(bool),
    Null,
}

impl LookupKey {
    /// The key of a value; `None` for values no record field can equal (lists, maps, NaN).
    fn of(v: &Value) -> Option<LookupKey> {
        let number = |x: f64| (!x.is_nan()).then(|| LookupKey::Number((x + 0.0).to_bits()));
        match v {
            Value::String(s) => Some(LookupKey::Text(s.clone())),
            Value::Int(i) => number(*i as f64),
            Value::UInt(u) => number(*u as f64),
            Value::Float(f) => number(*f),
            Value::Bool(b) => Some(LookupKey::Bool(*b)),
            Value::Null => Some(LookupKey::Null),
            _ => None,
        }
    }
}

impl RecordSet {
    /// `lists` holds each type's records as JSON objects (fields and `id`).
    pub fn new(lists: Vec<(String, Vec<serde_json::Value>)>) -> RecordSet {
        RecordSet::from_values(
            lists
                .into_iter()
                .map(|(name, records)| {
                    let values = records
                        .par_iter()
                        .map(|r| cel::to_value(r).unwrap_or(Value::Null))
                        .collect();
                    (name, values)
                })
                .collect(),
        )
    }

    /// `lists` holds each type's records already converted for CEL.
    pub fn from_values(lists: Vec<(String, Vec<Value>)>) -> RecordSet {
        let by_type: HashMap<String, Arc<Vec<Value>>> = lists
            .into_iter()
            .map(|(name, values)| (name, Arc::new(values)))
            .collect();
        let map: HashMap<cel::objects::Key, Value> = by_type
            .iter()
            .map(|(name, list)| {
                (
                    cel::objects::Key::String(Arc::new(name.clone())),
                    Value::List(list.clone()),
                )
            })
            .collect();
        RecordSet {
            value: Value::Map(cel::objects::Map { map: Arc::new(map) }),
            by_type,
            indexes: Mutex::new(HashMap::new()),
        }
    }

    /// The records of `type_name` whose `field` is `value` or, for a list field, contains it.
    pub fn lookup(&self, type_name: &str, field: &str, value: &Value) -> Result<Value, String> {
        let Some(records) = self.by_type.get(type_name) else {
            let mut known: Vec<&String> = self.by_type.keys().collect();
            known.sort();
            let known: Vec<&str> = known.iter().map(|s| s.as_str()).collect();
            return Err(crate::i18n::tv(
                "why-lookup-type",
                &[("type", type_name.to_string()), ("types", known.join(", "))],
            ));
        };
        let Some(key) = LookupKey::of(value) else {
            return Ok(Value::List(Arc::new(Vec::new())));
        };
        let index = {
            let mut indexes = self.indexes.lock().unwrap_or_else(|e| e.into_inner());
            indexes
                .entry((type_name.to_string(), field.to_string()))
                .or_insert_with(|| Arc::new(build_index(records, field)))
                .clone()
        };
        Ok(Value::List(Arc::new(
            index.get(&key).cloned().unwrap_or_default(),
        )))
    }
}

pub(super) fn build_index(records: &[Value], field: &str) -> Index {
    let mut index = Index::new();
    for record in records {
        let Value::Map(map) = record else { continue };
        let value = map.get(&cel::objects::Key::String(Arc::new(field.to_string())));
        let keys: Vec<LookupKey> = match value {
            Some(Value::List(items)) => {
                let mut keys: Vec<LookupKey> = items.iter().filter_map(LookupKey::of).collect();
                keys.dedup();
                keys
            }
            Some(v) => LookupKey::of(v).into_iter().collect(),
            None => vec![LookupKey::Null],
        };
        for key in keys {
            index.entry(key).or_default().push(record.clone());
        }
    }
    index
}

impl std::fmt::Debug for RecordSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "RecordSet({} types)", self.by_type.len())
    }
}

impl PartialEq for RecordSet {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

impl Eq for RecordSet {}

impl cel::objects::Opaque for RecordSet {
    fn runtime_type_name(&self) -> &str {
        "clerk.RecordSet"
    }
}
