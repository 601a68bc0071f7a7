//! Computes a register: the rows its type file declares, over the records an audience may see.

use std::cmp::Ordering;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use rayon::prelude::*;
use serde::Serialize;
use serde_json::Value;

use crate::model::expr::{Evaluator, Layer, RecordSet};
use crate::model::record::record_value;
use crate::model::record::Record;
use crate::model::registers::{Kind, Reads, Register};
use crate::model::repo::Repository;
use crate::model::types::TypeDef;
use crate::text::{number, plain};

/// A computed register.
#[derive(Debug, Clone, Serialize)]
pub struct Table {
    pub name: String,
    pub title: String,
    pub columns: Vec<ColumnHead>,
    pub rows: Vec<Vec<Value>>,
    /// Per column: the total of an amount or count column.
    pub totals: Vec<Option<f64>>,
    /// The totals row's label (合計).
    pub total_label: String,
}

/// A column's heading and kind.
#[derive(Debug, Clone, Serialize)]
pub struct ColumnHead {
    pub title: String,
    pub kind: Kind,
}

impl Table {
    /// A cell as shown to people: amounts with separators, counts as whole numbers.
    pub fn shown(v: &Value, kind: Kind) -> String {
        match kind {
            Kind::Amount if !v.is_null() => crate::text::money(number(v)),
            Kind::Count | Kind::Row if v.is_number() => (number(v).round() as i64).to_string(),
            _ => plain(v),
        }
    }

    /// The rows as shown to people.
    pub fn shown_rows(&self) -> Vec<Vec<String>> {
        self.rows
            .iter()
            .map(|row| {
                row.iter()
                    .zip(&self.columns)
                    .map(|(v, c)| Table::shown(v, c.kind))
                    .collect()
            })
            .collect()
    }

    /// The totals row as shown, labelled in its first empty cell; None when nothing is totalled.
    pub fn shown_totals(&self) -> Option<Vec<String>> {
        self.totals.iter().any(Option::is_some).then(|| {
            let mut row: Vec<String> = self
                .totals
                .iter()
                .zip(&self.columns)
                .map(|(x, c)| {
                    x.map(|x| Table::shown(&Value::from(x), c.kind))
                        .unwrap_or_default()
                })
                .collect();
            if let Some(first) = row.iter_mut().position(|s| s.is_empty()) {
                row[first] = self.total_label.clone();
            }
            row
        })
    }
}

/// Every register the repository declares, with the type that declares it, by name.
pub fn all(repo: &Repository) -> Vec<(&TypeDef, &Register)> {
    let mut out: Vec<(&TypeDef, &Register)> = repo
        .types
        .values()
        .flat_map(|t| t.registers.iter().map(move |r| (t, r)))
        .collect();
    out.sort_by(|a, b| a.1.name.cmp(&b.1.name));
    out
}

/// The records an audience may see, as registers and the due list read them: `records` and
/// `lookup` are built the first time a rule needs them, and shared by every register, report
/// and due item computed with it.
pub struct Visible<'a> {
    pub repo: &'a Repository,
    pub ev: &'a Evaluator,
    test: &'a dyn Fn(&Record) -> bool,
    /// Registers computed, by name and year.
    tables: Mutex<HashMap<(String, Option<i64>), Table>>,
    records: OnceLock<Layer<'a>>,
    lookup: OnceLock<Layer<'a>>,
    plain: OnceLock<Layer<'a>>,
}

impl<'a> Visible<'a> {
    pub fn new(
        repo: &'a Repository,
        ev: &'a Evaluator,
        test: &'a dyn Fn(&Record) -> bool,
    ) -> Visible<'a> {
        Visible {
            repo,
            ev,
            test,
            tables: Mutex::new(HashMap::new()),
            records: OnceLock::new(),
            lookup: OnceLock::new(),
            plain: OnceLock::new(),
        }
    }

    /// Whether the audience may see `record`.
    pub fn shows(&self, record: &Record) -> bool {
        (self.test)(record)
    }

    /// The shared scope of rules: `lookup` works in it when they read other records, and
    /// `records` is there when they name it.
    pub fn layer(&self, reads: Reads) -> &Layer<'a> {
        match reads {
            Reads::Nothing => self.plain.get_or_init(|| self.ev.layer(&[])),
            // Only the types the rules look up are converted for CEL.
            Reads::Lookup => self.lookup.get_or_init(|| {
                let set = record_set(self.repo, self.test, self.repo.looked_up_types().as_ref());
                self.ev.records_layer(Arc::new(set), false)
            }),
            Reads::Records => self.records.get_or_init(|| {
                let set = record_set(self.repo, self.test, None);
                self.ev.records_layer(Arc::new(set), true)
            }),
        }
    }
}

/// Computes `register` over the visible records, for `year` (None: every year).
///
/// A register computed once is not computed again with the same `visible` (a report draws the
/// register its page already shows).
pub fn compute(visible: &Visible, register: &Register, year: Option<i64>) -> Table {
    let key = (register.name.clone(), year);
    if let Some(table) = visible
        .tables
        .lock()
        .ok()
        .and_then(|t| t.get(&key).cloned())
    {
        return table;
    }
    let table = compute_again(visible, register, year);
    if let Ok(mut tables) = visible.tables.lock() {
        tables.insert(key, table.clone());
    }
    table
}

/// A register row before grouping: its column values, its sort keys and its group.
type Row = (Vec<Value>, Vec<Value>, Option<String>);

/// Computes register `register` (of `year`, or of every year) without the cache.
fn compute_again(visible: &Visible, register: &Register, year: Option<i64>) -> Table {
    let repo = visible.repo;
    let locale = repo.config.association.locale.tag();
    let chosen: Vec<&Record> = repo
        .records
        .iter()
        .filter(|r| {
            r.type_name
                .as_ref()
                .is_some_and(|t| register.from.contains(t))
                && visible.shows(r)
        })
        .collect();
    let this_year = visible
        .ev
        .today()
        .get(..4)
        .and_then(|y| y.parse().ok())
        .unwrap_or(2000);
    let year_value = cel::Value::Int(year.unwrap_or(this_year));
    let layer = visible.layer(register.reads).child(&[("year", year_value)]);
    // Rows are computed in parallel, in the records' order (the sort below is stable).
    let per_record: Vec<Vec<Row>> = chosen
        .par_iter()
        .map(|r| match repo.type_of(r) {
            Some(def) => record_rows(&layer, register, year, def, r),
            None => Vec::new(),
        })
        .collect();
    let mut rows: Vec<Row> = per_record.into_iter().flatten().collect();
    sort_rows(&mut rows, register);
    let kinds: Vec<Kind> = register.columns.iter().map(|c| c.kind).collect();
    let merged = merge_groups(rows, &kinds);
    let totals = kinds
        .iter()
        .enumerate()
        .map(|(i, kind)| {
            kind.is_totalled()
                .then(|| merged.iter().map(|row| number(&row[i])).sum::<f64>() + 0.0)
        })
        .collect();
    Table {
        name: register.name.clone(),
        title: register.title.get(locale).to_string(),
        columns: register
            .columns
            .iter()
            .map(|c| ColumnHead {
                title: c.title.get(locale).to_string(),
                kind: c.kind,
            })
            .collect(),
        rows: merged,
        totals,
        total_label: match locale {
            "zh-Hant" => "合計",
            "zh-Hans" => "合计",
            _ => "Total",
        }
        .to_string(),
    }
}

/// The rows record `r` (of type `def`) gives register `register`: one per item of `each` where
/// `where` holds, and, for one `year`, only those of that year.
fn record_rows(
    layer: &Layer,
    register: &Register,
    year: Option<i64>,
    def: &TypeDef,
    r: &Record,
) -> Vec<Row> {
    let mut rows: Vec<Row> = Vec::new();
    let rv = record_value(def, r);
    let record = layer.scope(&rv);
    for scope in record.rows(register.each.as_ref(), register.where_.as_ref()) {
        if let (Some(want), Some(expr)) = (year, &register.year) {
            let got = scope.eval(expr).ok().and_then(|v| json(&v).as_i64());
            if got != Some(want) {
                continue;
            }
        }
        let values = register
            .columns
            .iter()
            .map(|c| {
                c.value.as_ref().map_or(Value::Null, |e| {
                    scope.eval(e).map(|v| json(&v)).unwrap_or(Value::Null)
                })
            })
            .collect();
        let keys = register
            .sort
            .iter()
            .map(|(e, _)| scope.eval(e).map(|v| json(&v)).unwrap_or(Value::Null))
            .collect();
        let group = register
            .group
            .as_ref()
            .map(|g| scope.eval(g).map(|v| plain(&json(&v))).unwrap_or_default());
        rows.push((values, keys, group));
    }
    rows
}

/// Sorts rows by the register's sort keys, each ascending or descending (stable).
fn sort_rows(rows: &mut [Row], register: &Register) {
    rows.sort_by(|a, b| {
        for (i, (_, desc)) in register.sort.iter().enumerate() {
            let o = compare(&a.1[i], &b.1[i]);
            let o = if *desc { o.reverse() } else { o };
            if o != Ordering::Equal {
                return o;
            }
        }
        Ordering::Equal
    });
}

/// Merges rows of one group into its first (totalled columns summed), then numbers the rows.
fn merge_groups(rows: Vec<Row>, kinds: &[Kind]) -> Vec<Vec<Value>> {
    let mut merged: Vec<Vec<Value>> = Vec::new();
    let mut groups: HashMap<String, usize> = HashMap::new();
    for (values, _, group) in rows {
        match group {
            Some(key) => match groups.get(&key) {
                Some(&at) => {
                    for (i, kind) in kinds.iter().enumerate() {
                        if kind.is_totalled() {
                            let sum = number(&merged[at][i]) + number(&values[i]);
                            merged[at][i] = to_number(sum, *kind);
                        }
                    }
                }
                None => {
                    groups.insert(key, merged.len());
                    merged.push(values);
                }
            },
            None => merged.push(values),
        }
    }
    for (n, row) in merged.iter_mut().enumerate() {
        for (i, kind) in kinds.iter().enumerate() {
            if *kind == Kind::Row {
                row[i] = Value::from(n + 1);
            }
        }
    }
    merged
}

/// Every visible record as expressions see it, by type: `records.expense`, … — of the types
/// `only` names, when given.
fn record_set(
    repo: &Repository,
    visible: &dyn Fn(&Record) -> bool,
    only: Option<&std::collections::BTreeSet<String>>,
) -> RecordSet {
    let wanted = |name: &str| only.is_none_or(|only| only.contains(name));
    let mut by_type: HashMap<&str, Vec<cel::Value>> = repo
        .types
        .keys()
        .filter(|name| wanted(name))
        .map(|name| (name.as_str(), Vec::new()))
        .collect();
    let shown: Vec<(&TypeDef, &Record)> = repo
        .records
        .iter()
        .filter(|r| r.type_name.as_deref().is_some_and(wanted) && visible(r))
        .filter_map(|r| Some((repo.type_of(r)?, r)))
        .collect();
    // Each record straight to CEL: the JSON of every record is never held at once.
    let values: Vec<cel::Value> = shown
        .par_iter()
        .map(|(def, r)| cel::to_value(record_value(def, r)).unwrap_or(cel::Value::Null))
        .collect();
    for ((def, _), value) in shown.iter().zip(values) {
        if let Some(list) = by_type.get_mut(def.name.as_str()) {
            list.push(value);
        }
    }
    RecordSet::from_values(
        by_type
            .into_iter()
            .map(|(name, list)| (name.to_string(), list))
            .collect(),
    )
}

/// A CEL value as JSON (values CEL cannot express in JSON become null).
fn json(v: &cel::Value) -> Value {
    v.json().unwrap_or(Value::Null)
}

fn to_number(x: f64, kind: Kind) -> Value {
    if kind == Kind::Count || x.fract() == 0.0 {
        Value::from(x as i64)
    } else {
        serde_json::Number::from_f64(x).map_or(Value::Null, Value::Number)
    }
}

fn compare(a: &Value, b: &Value) -> Ordering {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x
            .as_f64()
            .unwrap_or(0.0)
            .total_cmp(&y.as_f64().unwrap_or(0.0)),
        (Value::Null, Value::Null) => Ordering::Equal,
        (Value::Null, _) => Ordering::Less,
        (_, Value::Null) => Ordering::Greater,
        _ => plain(a).cmp(&plain(b)),
    }
}
