//! A record's fields as people read them: each under its label, each value by its label (a
//! state, an allowed value, a person's name, a department's name), a list of objects as a table
//! with labelled columns — rows anchored by their `id`, so `meeting#R3` reaches its row — a
//! budget's lines with sub-totals per direction, a council resolution's vote with its result, and
//! a public key as its fingerprint, never the key.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;

use crate::model::labels;
use crate::model::record::Record;
use crate::model::types::TypeDef;
use crate::site::{record_url, Site};

/// A value as shown: text, linked when it names a record on the site.
#[derive(Serialize, Clone)]
pub(super) struct Shown {
    pub(super) text: String,
    pub(super) url: Option<String>,
}

impl Shown {
    fn text(text: impl Into<String>) -> Shown {
        Shown {
            text: text.into(),
            url: None,
        }
    }
}

/// A field: its label and its values as shown, or, for a list of objects, a table.
#[derive(Serialize)]
pub(super) struct FieldView {
    pub(super) name: String,
    pub(super) values: Vec<Shown>,
    pub(super) table: Option<TableView>,
}

impl FieldView {
    /// Every value shown, in the list or in the table's cells (what search finds it by).
    pub(super) fn shown(&self) -> impl Iterator<Item = &Shown> {
        let cells = self
            .table
            .iter()
            .flat_map(|t| t.rows.iter().flat_map(|r| r.cells.iter()))
            .flat_map(|c| c.values.iter());
        self.values.iter().chain(cells)
    }
}

/// A list of objects as a table.
#[derive(Serialize)]
pub(super) struct TableView {
    /// The field's key, for the table's id (`f-resolutions`).
    key: String,
    columns: Vec<String>,
    rows: Vec<RowView>,
    /// Sub-totals below the rows (收入 合計, 支出 合計).
    totals: Vec<(String, String)>,
}

/// A row: its anchor (the item's `id`), its number, and each cell.
#[derive(Serialize)]
struct RowView {
    anchor: Option<String>,
    number: usize,
    cells: Vec<Cell>,
}

/// A cell: its column's label (a narrow screen shows it before the values) and its values.
#[derive(Serialize)]
struct Cell {
    label: String,
    values: Vec<Shown>,
}

/// What showing a record's fields needs: the site, the record's type, and the UI labels.
pub(super) struct Fields<'a> {
    pub(super) site: &'a Site<'a>,
    pub(super) def: &'a TypeDef,
    pub(super) record: &'a Record,
    pub(super) ui: &'a BTreeMap<String, String>,
}

/// Fields with their own section on the page, not in the details list.
const OWN_SECTION: &[&str] = &[
    "type",
    "id",
    "title",
    "status",
    "classification",
    "approvals",
    "attachments",
];

impl Fields<'_> {
    /// Whether `key` has its own section on the page: a record's own fields, its number, and
    /// the list of who has read it.
    fn own_section(&self, key: &str) -> bool {
        OWN_SECTION.contains(&key)
            || self.def.number_field() == Some(key)
            || self
                .def
                .circulation
                .as_ref()
                .is_some_and(|c| c.field == key)
    }

    fn locale(&self) -> &str {
        self.site.repo.config.association.locale.tag()
    }

    /// Every field shown in the details list or as a table, in the record's order.
    pub(super) fn all(&self) -> Vec<FieldView> {
        self.record
            .map()
            .into_iter()
            .filter(|(key, value)| !self.own_section(key) && !value.is_null())
            .map(|(key, value)| self.field(key, value))
            .collect()
    }

    /// One field, labelled by its schema `title`.
    pub(super) fn field(&self, key: &str, value: &Value) -> FieldView {
        let name = labels::field_title(self.def, key)
            .unwrap_or(key)
            .to_string();
        match value.as_array() {
            Some(items) if !items.is_empty() && items.iter().all(Value::is_object) => FieldView {
                name,
                values: Vec::new(),
                table: Some(self.table(key, items)),
            },
            _ => FieldView {
                name,
                values: self.values(key, value),
                table: None,
            },
        }
    }

    /// The values of the field at `path` as shown.
    fn values(&self, path: &str, value: &Value) -> Vec<Shown> {
        match value {
            Value::Null => Vec::new(),
            Value::String(s) => vec![self.one(path, s)],
            Value::Array(items) => items.iter().flat_map(|v| self.values(path, v)).collect(),
            Value::Object(map) => {
                let parts: Vec<String> = map
                    .iter()
                    .map(|(k, v)| {
                        let sub = format!("{path}.{k}");
                        let name = labels::field_title(self.def, &sub).unwrap_or(k);
                        let shown: Vec<String> =
                            self.values(&sub, v).into_iter().map(|s| s.text).collect();
                        format!("{name} {}", shown.join("、"))
                    })
                    .collect();
                vec![Shown::text(parts.join("，"))]
            }
            other => vec![Shown::text(crate::text::plain(other))],
        }
    }

    /// One text value of the field at `path`: what it names, by its label, linked when the site
    /// shows it; a public key as its fingerprint.
    fn one(&self, path: &str, id: &str) -> Shown {
        let site = self.site;
        if let Ok(key) = ssh_key::PublicKey::from_openssh(id.trim()) {
            return Shown::text(crate::model::keys::fingerprint(key.key_data()));
        }
        let shows = |r: &Record| site.shows(&r.id);
        let label = labels::shown(site.repo, self.def, (path, id), self.locale(), &shows);
        let target = id.split('#').next().unwrap_or(id);
        let url = label
            .as_ref()
            .and_then(|_| site.repo.record(target))
            .filter(|t| site.shows(&t.id))
            .map(|t| {
                let url = record_url(t.type_name.as_deref().unwrap_or("record"), &t.id);
                match id.split_once('#') {
                    Some((_, anchor)) => format!("{url}#{anchor}"),
                    None => url,
                }
            });
        Shown {
            text: label.unwrap_or_else(|| id.to_string()),
            url,
        }
    }

    /// A list of objects as a table: a column per property the schema declares (in its order)
    /// or an item has, rows anchored by their `id`.
    fn table(&self, key: &str, items: &[Value]) -> TableView {
        let item_path = format!("{key}[]");
        let mut keys: Vec<String> = labels::field_schema(&self.def.schema, &item_path)
            .and_then(|s| s.get("items").unwrap_or(s).get("properties"))
            .and_then(Value::as_object)
            .map(|p| p.keys().cloned().collect())
            .unwrap_or_default();
        for item in items.iter().filter_map(Value::as_object) {
            for k in item.keys() {
                if !keys.contains(k) {
                    keys.push(k.clone());
                }
            }
        }
        keys.retain(|k| items.iter().any(|i| i.get(k).is_some()));
        let mut columns: Vec<String> = keys
            .iter()
            .map(|k| {
                labels::field_title(self.def, &format!("{item_path}.{k}"))
                    .unwrap_or(k)
                    .to_string()
            })
            .collect();
        // A budget's line amounts are money.
        let amount = (self.def.budget.as_ref())
            .filter(|b| b.lines == key)
            .map(|b| b.amount.as_str());
        let outcome = super::votes::Outcomes::of(self.site, self.record, key, self.ui);
        if outcome.is_some() {
            columns.push(self.ui.get("result").cloned().unwrap_or_default());
        }
        let rows = items
            .iter()
            .enumerate()
            .map(|(n, item)| {
                let mut cells: Vec<Vec<Shown>> = keys
                    .iter()
                    .map(|k| match item.get(k) {
                        Some(v) if Some(k.as_str()) == amount => {
                            let decimals = self.site.repo.config.association.decimals;
                            let x = crate::text::number(v);
                            vec![Shown::text(crate::text::money_in(x, decimals))]
                        }
                        Some(v) => self.values(&format!("{item_path}.{k}"), v),
                        None => Vec::new(),
                    })
                    .collect();
                if let Some(o) = &outcome {
                    cells.push(vec![Shown::text(o.of_item(item))]);
                }
                RowView {
                    anchor: item.get("id").and_then(Value::as_str).map(str::to_string),
                    number: n + 1,
                    cells: cells
                        .into_iter()
                        .zip(&columns)
                        .map(|(values, label)| Cell {
                            label: label.clone(),
                            values,
                        })
                        .collect(),
                }
            })
            .collect();
        TableView {
            key: key.to_string(),
            columns,
            rows,
            totals: self.subtotals(key, items),
        }
    }

    /// A budget's lines' sub-totals, one per value of the line's labelled field that sorts them
    /// (收入 合計, 支出 合計): for the list the type's `budget.lines` names.
    fn subtotals(&self, key: &str, items: &[Value]) -> Vec<(String, String)> {
        let Some(budget) = self.def.budget.as_ref().filter(|b| b.lines == key) else {
            return Vec::new();
        };
        let item = labels::field_schema(&self.def.schema, &format!("{key}[]"))
            .and_then(|s| s.get("items"))
            .and_then(|s| s.get("properties"))
            .and_then(Value::as_object);
        let Some((by, choices)) = item.into_iter().flatten().find_map(|(k, s)| {
            let c = labels::choices(s)?;
            Some((k, c))
        }) else {
            return Vec::new();
        };
        let total_word = self.ui.get("total").cloned().unwrap_or_default();
        choices
            .into_iter()
            .map(|(value, title)| {
                let sum: f64 = items
                    .iter()
                    .filter(|i| i.get(by) == Some(value))
                    .map(|i| crate::text::number(i.get(&budget.amount).unwrap_or(&Value::Null)))
                    .sum();
                let label = title.map_or_else(|| crate::text::plain(value), str::to_string);
                let decimals = self.site.repo.config.association.decimals;
                (
                    format!("{label} {total_word}"),
                    crate::text::money_in(sum, decimals),
                )
            })
            .collect()
    }
}
