//! Registers (登記簿) as the type files declare them: which records, one row per record or per
//! list item, columns as expressions, sort, grouping and totals.

use std::collections::{BTreeMap, BTreeSet};

use serde::Deserialize;

use super::expr::{self, Expr};
use crate::diag::{codes, Diagnostic, Pos};

/// A display text: one for every language, or one per locale.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum Label {
    One(String),
    Many(BTreeMap<String, String>),
}

impl Label {
    /// The text in `locale`, else English, else any.
    pub fn get(&self, locale: &str) -> &str {
        match self {
            Label::One(s) => s,
            Label::Many(m) => m
                .get(locale)
                .or_else(|| m.get("en"))
                .or_else(|| m.values().next())
                .map_or("", String::as_str),
        }
    }
}

/// How a column's values are read and totalled.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    #[default]
    Text,
    Date,
    /// Money: totalled, two decimals.
    Amount,
    /// A count: totalled, whole numbers.
    Count,
    /// A number that is not totalled.
    Number,
    /// The row's number, 1, 2, 3… (序號).
    Row,
}

impl Kind {
    /// Whether the column holds numbers: aligned right, written as numbers in a workbook.
    pub fn is_numeric(self) -> bool {
        matches!(self, Kind::Amount | Kind::Count | Kind::Number | Kind::Row)
    }

    /// Whether the column is added up in a totals row and when rows are merged.
    pub fn is_totalled(self) -> bool {
        matches!(self, Kind::Amount | Kind::Count)
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RegisterFile {
    name: String,
    title: Label,
    /// Record types the register reads (default: the type that declares it).
    #[serde(default)]
    from: Vec<String>,
    /// One row per item of this list (an expression over `record`), bound as `item`.
    #[serde(default)]
    each: Option<String>,
    #[serde(default, rename = "where")]
    where_: Option<String>,
    /// Sort keys, expressions; a leading `-` sorts descending.
    #[serde(default)]
    sort: Vec<String>,
    /// Rows with the same key are merged: amount and count columns are added up.
    #[serde(default)]
    group: Option<String>,
    /// The row's year, for `--year`.
    #[serde(default)]
    year: Option<String>,
    /// The title of a column whose values part the totals (收入, 支出): a subtotal per value
    /// instead of one total that would add them up.
    #[serde(default)]
    subtotals: Option<String>,
    columns: Vec<ColumnFile>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct ColumnFile {
    title: Label,
    #[serde(default)]
    value: Option<String>,
    #[serde(default)]
    kind: Kind,
    /// The field whose values the column holds (`status`, `kind`, `person`,
    /// `resolutions[].owner`): shown by their labels, with the ids in a column of their own in
    /// CSV and workbooks.
    #[serde(default)]
    labels: Option<String>,
}

/// A compiled register.
#[derive(Debug)]
pub struct Register {
    pub name: String,
    pub title: Label,
    pub from: Vec<String>,
    pub each: Option<Expr>,
    pub where_: Option<Expr>,
    pub sort: Vec<(Expr, bool)>,
    pub group: Option<Expr>,
    pub year: Option<Expr>,
    /// The column whose values part the totals (`subtotals:`), by its place.
    pub subtotals: Option<usize>,
    pub columns: Vec<Column>,
    /// What its expressions read of other records (building that is not free).
    pub reads: Reads,
    /// Where the register is declared.
    pub path: String,
}

/// A compiled column.
#[derive(Debug)]
pub struct Column {
    pub title: Label,
    pub value: Option<Expr>,
    pub kind: Kind,
    /// The field whose values the column holds, shown by their labels.
    pub labels: Option<String>,
}

/// Where a register is declared: its type file, for compiling and locating it.
pub(crate) struct Declared<'a> {
    pub type_name: &'a str,
    pub path: &'a str,
    pub env: &'a cel::Env,
    pub at: &'a dyn Fn(&str, bool) -> Pos,
    pub properties: &'a BTreeSet<String>,
}

impl Register {
    /// Compiles register `file`, the `index`th of its type file; a finding goes to `diags`,
    /// and then there is no register.
    pub(crate) fn compile(
        file: &RegisterFile,
        index: usize,
        declared: &Declared,
        diags: &mut Vec<Diagnostic>,
    ) -> Option<Register> {
        let base = format!("/registers/{index}");
        let mut c = Compiler {
            declared,
            // Fields are checked against the type only when the register reads that type alone.
            fields: file.from.is_empty().then_some(declared.properties),
            diags,
            failed: false,
        };
        let each = c.optional(&file.each, format!("{base}/each"));
        let where_ = c.optional(&file.where_, format!("{base}/where"));
        let group = c.optional(&file.group, format!("{base}/group"));
        let year = c.optional(&file.year, format!("{base}/year"));
        let sort = c.sort(file, &base);
        let columns = c.columns(file, &base);
        let subtotals = c.subtotals(file, &base);
        if !c.columns_valued(file, &base) || c.failed {
            return None;
        }
        Some(Register {
            name: file.name.clone(),
            title: file.title.clone(),
            from: if file.from.is_empty() {
                vec![declared.type_name.to_string()]
            } else {
                file.from.clone()
            },
            each,
            where_,
            sort,
            group,
            year,
            subtotals,
            columns,
            reads: reads_of(file),
            path: declared.path.to_string(),
        })
    }
}

/// What a register's expressions read: the most of any of them.
fn reads_of(file: &RegisterFile) -> Reads {
    let all = [&file.each, &file.where_, &file.group, &file.year];
    all.iter()
        .filter_map(|s| s.as_deref())
        .chain(file.sort.iter().map(String::as_str))
        .chain(file.columns.iter().filter_map(|c| c.value.as_deref()))
        .map(Reads::of)
        .max()
        .unwrap_or_default()
}

/// Compiles a register's expressions, reporting each that does not compile.
struct Compiler<'a, 'd> {
    declared: &'a Declared<'a>,
    /// The fields expressions may name, when they are checked.
    fields: Option<&'a BTreeSet<String>>,
    diags: &'d mut Vec<Diagnostic>,
    /// Whether something was reported.
    failed: bool,
}

impl Compiler<'_, '_> {
    /// Compiles `source`, found at JSON pointer `pointer` of the type file.
    fn expr(&mut self, source: &str, pointer: String) -> Option<Expr> {
        let d = self.declared;
        match expr::compile(d.env, source, d.path, (d.at)(&pointer, false), self.fields) {
            Ok(e) => Some(e),
            Err(diag) => {
                self.diags.push(diag);
                self.failed = true;
                None
            }
        }
    }

    /// Compiles an optional expression.
    fn optional(&mut self, source: &Option<String>, pointer: String) -> Option<Expr> {
        source.as_ref().and_then(|s| self.expr(s, pointer))
    }

    /// Compiles the sort keys, each with whether it is descending (`-` before it).
    fn sort(&mut self, file: &RegisterFile, base: &str) -> Vec<(Expr, bool)> {
        file.sort
            .iter()
            .enumerate()
            .filter_map(|(i, s)| {
                let (desc, source) = match s.strip_prefix('-') {
                    Some(rest) => (true, rest.trim()),
                    None => (false, s.as_str()),
                };
                self.expr(source, format!("{base}/sort/{i}"))
                    .map(|e| (e, desc))
            })
            .collect()
    }

    /// The place of the column `subtotals:` names, by any of its titles (E131 when none).
    fn subtotals(&mut self, file: &RegisterFile, base: &str) -> Option<usize> {
        let name = file.subtotals.as_deref()?;
        let titled = |c: &ColumnFile| match &c.title {
            Label::One(t) => t == name,
            Label::Many(m) => m.values().any(|t| t == name),
        };
        let found = file.columns.iter().position(titled);
        if found.is_none() {
            let titles = file.columns.iter().map(|c| c.title.get("en"));
            let d = Diagnostic::new(
                codes::SUBTOTALS_UNKNOWN_COLUMN,
                self.declared.path,
                (self.declared.at)(&format!("{base}/subtotals"), false),
                crate::i18n::t(
                    "subtotals-unknown",
                    &[("name", &name), ("register", &file.name)],
                ),
            );
            self.diags.push(match crate::text::closest(name, titles) {
                Some(c) => d.hint(crate::i18n::t("did-you-mean", &[("best", &c)])),
                None => d.hint(crate::i18n::t("subtotals-unknown-hint", &[])),
            });
            self.failed = true;
        }
        found
    }

    /// Compiles the columns' values.
    fn columns(&mut self, file: &RegisterFile, base: &str) -> Vec<Column> {
        file.columns
            .iter()
            .enumerate()
            .map(|(i, c)| Column {
                title: c.title.clone(),
                value: c
                    .value
                    .as_ref()
                    .and_then(|s| self.expr(s, format!("{base}/columns/{i}/value"))),
                kind: c.kind,
                labels: c.labels.clone().inspect(|field| {
                    self.labelled_field(field, format!("{base}/columns/{i}/labels"))
                }),
            })
            .collect()
    }

    /// A column's `labels:` must name a field of the type (when it reads that type alone).
    fn labelled_field(&mut self, field: &str, pointer: String) {
        let top = field.split(['.', '[']).next().unwrap_or(field);
        let Some(fields) = self.fields else {
            return;
        };
        if top == "status" || fields.contains(top) {
            return;
        }
        self.diags.push(
            Diagnostic::new(
                codes::TYPE_INVALID,
                self.declared.path,
                (self.declared.at)(&pointer, false),
                crate::i18n::t("register-labels-unknown", &[("field", &field)]),
            )
            .hint(crate::i18n::t("register-labels-unknown-hint", &[])),
        );
        self.failed = true;
    }

    /// Whether every column but a `kind: row` one has a value; if not, it is reported.
    fn columns_valued(&mut self, file: &RegisterFile, base: &str) -> bool {
        if file
            .columns
            .iter()
            .all(|c| c.value.is_some() || c.kind == Kind::Row)
        {
            return true;
        }
        self.diags.push(
            Diagnostic::new(
                codes::TYPE_INVALID,
                self.declared.path,
                (self.declared.at)(&format!("{base}/columns"), false),
                crate::i18n::t("register-column-value", &[("register", &file.name)]),
            )
            .hint(crate::i18n::t("register-column-value-hint", &[])),
        );
        self.failed = true;
        false
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct DueFile {
    title: Label,
    #[serde(default)]
    each: Option<String>,
    #[serde(default, rename = "where")]
    where_: Option<String>,
    /// The date it falls due (YYYY-MM-DD); without one, a standing task that waits for `who`
    /// (a document to read), listed by `clerk inbox`, not by `clerk due`.
    #[serde(default)]
    date: Option<String>,
    /// Who is responsible: a person id, or a text.
    who: String,
    /// What is due, in a line.
    what: String,
}

/// Something that falls due, as a type file declares it (compiled).
#[derive(Debug)]
pub struct Due {
    pub title: Label,
    pub each: Option<Expr>,
    pub where_: Option<Expr>,
    /// None: a standing task, with no deadline.
    pub date: Option<Expr>,
    pub who: Expr,
    pub what: Expr,
    pub reads: Reads,
}

impl Due {
    pub(crate) fn compile(
        file: &DueFile,
        index: usize,
        declared: &Declared,
        diags: &mut Vec<Diagnostic>,
    ) -> Option<Due> {
        let base = format!("/due/{index}");
        let mut ok = true;
        let mut compile = |source: &str, field: &str| match expr::compile(
            declared.env,
            source,
            declared.path,
            (declared.at)(&format!("{base}/{field}"), false),
            Some(declared.properties),
        ) {
            Ok(e) => Some(e),
            Err(d) => {
                diags.push(d);
                ok = false;
                None
            }
        };
        let each = file.each.as_ref().and_then(|s| compile(s, "each"));
        let where_ = file.where_.as_ref().and_then(|s| compile(s, "where"));
        let date = file.date.as_ref().map(|d| compile(d, "date"));
        let who = compile(&file.who, "who");
        let what = compile(&file.what, "what");
        let sources = [
            file.each.as_deref(),
            file.where_.as_deref(),
            file.date.as_deref(),
            Some(&file.who),
            Some(&file.what),
        ];
        let reads = sources
            .iter()
            .flatten()
            .map(|s| Reads::of(s))
            .max()
            .unwrap_or_default();
        match (ok, date, who, what) {
            (true, date, Some(who), Some(what)) => Some(Due {
                date: date.flatten(),
                title: file.title.clone(),
                each,
                where_,
                who,
                what,
                reads,
            }),
            _ => None,
        }
    }
}

/// What expressions read of other records, so that only that is made available to them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub enum Reads {
    /// Nothing: only the record itself.
    #[default]
    Nothing,
    /// `lookup(type, field, value)`: records found through indexes.
    Lookup,
    /// `records.TYPE`: every record of a type, as lists (converted for CEL in full).
    Records,
}

impl Reads {
    fn of(source: &str) -> Reads {
        if source.contains("records.") {
            Reads::Records
        } else if source.contains("lookup(") {
            Reads::Lookup
        } else {
            Reads::Nothing
        }
    }
}
