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
    /// Per value of the `subtotals:` column (收入, 支出), in the order the values first come:
    /// the row's label (收入小計) and its totals. The table then has no grand total.
    pub subtotals: Vec<(String, Vec<Option<f64>>)>,
    /// Per row, the ids behind its labelled columns' labels, in column order.
    pub ids: Vec<Vec<Value>>,
    /// The heading of a labelled column's ids: its title and this (狀態代碼).
    pub id_suffix: String,
    /// The currency's decimals (`association.decimals`): with 2, every amount shows its cents.
    #[serde(skip)]
    pub decimals: u8,
}

/// A column's heading and kind.
#[derive(Debug, Clone, Serialize)]
pub struct ColumnHead {
    pub title: String,
    pub kind: Kind,
    /// Whether its values are labels (`labels:`), with the ids kept in `Table::ids`.
    pub labelled: bool,
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

    /// The table with each labelled column followed by a column of its ids (狀態, 狀態代碼), for
    /// CSV and workbooks, which programs read too.
    pub fn with_ids(&self) -> Table {
        if !self.columns.iter().any(|c| c.labelled) {
            return self.clone();
        }
        let mut columns = Vec::new();
        for c in &self.columns {
            columns.push(ColumnHead {
                labelled: false,
                ..c.clone()
            });
            if c.labelled {
                columns.push(ColumnHead {
                    title: format!("{}{}", c.title, self.id_suffix),
                    kind: Kind::Text,
                    labelled: false,
                });
            }
        }
        // A labelled column's ids are never totalled.
        let widen = |totals: &[Option<f64>]| -> Vec<Option<f64>> {
            totals
                .iter()
                .zip(&self.columns)
                .flat_map(|(t, c)| std::iter::once(*t).chain(c.labelled.then_some(None)))
                .collect()
        };
        let totals = widen(&self.totals);
        let subtotals = self
            .subtotals
            .iter()
            .map(|(label, t)| (label.clone(), widen(t)))
            .collect();
        let rows = self
            .rows
            .iter()
            .zip(&self.ids)
            .map(|(row, ids)| {
                let mut ids = ids.iter();
                let mut out = Vec::new();
                for (v, c) in row.iter().zip(&self.columns) {
                    out.push(v.clone());
                    if c.labelled {
                        out.push(ids.next().cloned().unwrap_or(Value::Null));
                    }
                }
                out
            })
            .collect();
        Table {
            columns,
            rows,
            totals,
            subtotals,
            ids: Vec::new(),
            ..self.clone()
        }
    }

    /// The rows as shown to people; an amount column shows cents on every row, or on none.
    pub fn shown_rows(&self) -> Vec<Vec<String>> {
        let cents = self.cents();
        self.rows
            .iter()
            .map(|row| {
                row.iter()
                    .zip(&self.columns)
                    .zip(&cents)
                    .map(|((v, c), &cents)| Table::shown_cell(v, c.kind, cents))
                    .collect()
            })
            .collect()
    }

    /// A cell as shown in a column that has cents (`cents`) or not.
    fn shown_cell(v: &Value, kind: Kind, cents: bool) -> String {
        match kind {
            Kind::Amount if !v.is_null() => crate::text::money_with(number(v), cents),
            _ => Table::shown(v, kind),
        }
    }

    /// Per column, whether its amounts show cents: in a currency of two decimals always, else
    /// when any of its amounts (or their totals) has cents.
    fn cents(&self) -> Vec<bool> {
        let has = |x: f64| (x * 100.0).round() % 100.0 != 0.0;
        (0..self.columns.len())
            .map(|i| {
                self.decimals == 2
                    || self
                        .rows
                        .iter()
                        .any(|r| r.get(i).is_some_and(|v| has(number(v))))
                    || self.totals.get(i).copied().flatten().is_some_and(has)
            })
            .collect()
    }

    /// A totals row as shown, labelled `label` in its first empty cell.
    fn shown_total_row(&self, totals: &[Option<f64>], label: &str) -> Vec<String> {
        let cents = self.cents();
        let mut row: Vec<String> = totals
            .iter()
            .zip(&self.columns)
            .zip(&cents)
            .map(|((x, c), &cents)| {
                x.map(|x| Table::shown_cell(&Value::from(x), c.kind, cents))
                    .unwrap_or_default()
            })
            .collect();
        if let Some(first) = row.iter_mut().position(|s| s.is_empty()) {
            row[first] = label.to_string();
        }
        row
    }

    /// The totals row as shown, labelled in its first empty cell; None when nothing is totalled.
    pub fn shown_totals(&self) -> Option<Vec<String>> {
        self.totals
            .iter()
            .any(Option::is_some)
            .then(|| self.shown_total_row(&self.totals, &self.total_label))
    }

    /// The subtotal rows as shown (收入小計, 支出小計), each labelled in its first empty cell.
    pub fn shown_subtotals(&self) -> Vec<Vec<String>> {
        self.subtotals
            .iter()
            .map(|(label, totals)| self.shown_total_row(totals, label))
            .collect()
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

/// A register row before grouping: its column values, its sort keys, its group and the ids
/// behind its labelled columns.
type Row = (Vec<Value>, Vec<Value>, Option<String>, Vec<Value>);

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
    let per_record: Vec<(Vec<Row>, Option<&TypeDef>)> = chosen
        .par_iter()
        .map(|r| match repo.type_of(r) {
            Some(def) => (record_rows(&layer, register, year, def, r), Some(def)),
            None => (Vec::new(), None),
        })
        .collect();
    let mut rows: Vec<Row> = Vec::new();
    for (mut some, def) in per_record {
        if let Some(def) = def {
            some.iter_mut()
                .for_each(|row| label_row(visible, register, def, row));
        }
        rows.extend(some);
    }
    sort_rows(&mut rows, register);
    let kinds: Vec<Kind> = register.columns.iter().map(|c| c.kind).collect();
    let (merged, ids) = merge_groups(rows, &kinds);
    let sum = |rows: &[&Vec<Value>]| -> Vec<Option<f64>> {
        kinds
            .iter()
            .enumerate()
            .map(|(i, kind)| {
                kind.is_totalled()
                    .then(|| rows.iter().map(|row| number(&row[i])).sum::<f64>() + 0.0)
            })
            .collect()
    };
    let (totals, subtotals) = match register.subtotals {
        None => (sum(&merged.iter().collect::<Vec<_>>()), Vec::new()),
        Some(c) => (vec![None; kinds.len()], subtotals(&merged, c, locale, &sum)),
    };
    Table {
        name: register.name.clone(),
        title: register.title.get(locale).to_string(),
        columns: register
            .columns
            .iter()
            .map(|c| ColumnHead {
                title: c.title.get(locale).to_string(),
                kind: c.kind,
                labelled: c.labels.is_some(),
            })
            .collect(),
        rows: merged,
        totals,
        subtotals,
        ids,
        id_suffix: word(locale, "register-id-suffix", &[]),
        decimals: repo.config.association.decimals,
        total_label: word(locale, "register-total", &[]),
    }
}

/// A word of a register (合計, 小計, 代碼) in the register's language, from the catalogs.
fn word(locale: &str, id: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    let lang = crate::i18n::Lang::from_tag(locale).unwrap_or(crate::i18n::Lang::En);
    crate::i18n::in_lang(lang, id, args)
}

/// Sums the amount columns of some rows.
type Sum<'a> = dyn Fn(&[&Vec<Value>]) -> Vec<Option<f64>> + 'a;

/// The subtotals of `rows` per value of column `c`, in the order the values first come.
fn subtotals(
    rows: &[Vec<Value>],
    c: usize,
    locale: &str,
    sum: &Sum,
) -> Vec<(String, Vec<Option<f64>>)> {
    let mut parts: Vec<(String, Vec<&Vec<Value>>)> = Vec::new();
    for row in rows {
        let key = row.get(c).map(plain).unwrap_or_default();
        match parts.iter_mut().find(|(k, _)| *k == key) {
            Some((_, part)) => part.push(row),
            None => parts.push((key, vec![row])),
        }
    }
    parts
        .into_iter()
        .map(|(key, part)| {
            (
                word(locale, "register-subtotal", &[("key", &key)]),
                sum(&part),
            )
        })
        .collect()
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
        let values: Vec<Value> = register
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
        rows.push((values, keys, group, Vec::new()));
    }
    rows
}

/// Shows the values of a row's labelled columns by their labels, keeping the ids beside.
fn label_row(visible: &Visible, register: &Register, def: &TypeDef, row: &mut Row) {
    let repo = visible.repo;
    let locale = repo.config.association.locale.tag();
    let shows = |r: &Record| visible.shows(r);
    // A register over several types labels by the first where a record's own type lacks the
    // field (a meeting's 責任者 defaults to a department).
    let first = register.from.first().and_then(|t| repo.types.get(t));
    for (value, column) in row.0.iter_mut().zip(&register.columns) {
        let Some(field) = &column.labels else {
            continue;
        };
        let label = value.as_str().filter(|id| !id.is_empty()).and_then(|id| {
            let label = |def| crate::model::labels::shown(repo, def, (field, id), locale, &shows);
            label(def).or_else(|| label(first?))
        });
        row.3.push(value.clone());
        if let Some(label) = label {
            *value = Value::String(label);
        }
    }
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

/// Merges rows of one group into its first (totalled columns summed), then numbers the rows;
/// with each row's ids.
fn merge_groups(rows: Vec<Row>, kinds: &[Kind]) -> (Vec<Vec<Value>>, Vec<Vec<Value>>) {
    let mut merged: Vec<Vec<Value>> = Vec::new();
    let mut all_ids: Vec<Vec<Value>> = Vec::new();
    let mut groups: HashMap<String, usize> = HashMap::new();
    for (values, _, group, ids) in rows {
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
                    all_ids.push(ids);
                }
            },
            None => {
                merged.push(values);
                all_ids.push(ids);
            }
        }
    }
    for (n, row) in merged.iter_mut().enumerate() {
        for (i, kind) in kinds.iter().enumerate() {
            if *kind == Kind::Row {
                row[i] = Value::from(n + 1);
            }
        }
    }
    (merged, all_ids)
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
