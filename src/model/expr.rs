//! Conditions and scopes in type files, as CEL expressions (crate `cel`).
//!
//! Expressions see `record` (the record's fields, with declared but absent fields as null),
//! `people` (person records by id), `config` (clerk.yaml), `today` (YYYY-MM-DD), and
//! clerk's functions: `workdays(start, end)`, `days(start, end)`, `year(date)`,
//! `add_months(date, n)` and `sum(list)`. Registers and the due list also see `item`,
//! `records`, `year` and `lookup(type, field, value)`.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::{Arc, Mutex};

use cel::common::value::Val;
use cel::{Context, Env, ExecutionError, FunctionContext, Program, Value};
use chrono::{Datelike, NaiveDate, Weekday};
use rayon::prelude::*;

use crate::diag::{codes, Diagnostic, Pos};

/// A compiled expression and its text.
#[derive(Debug)]
pub struct Expr {
    pub source: String,
    program: Program,
}

/// The variables an expression may name.
const VARIABLES: &[&str] = &[
    "record", "people", "config", "today", "subject", "item", "records", "year",
];

/// Compiles `source` found at `pos` of the type file `path`.
///
/// Fields named as `record.NAME` must be declared by the type (`fields`), so a typo is
/// reported when the configuration loads rather than silently never matching.
pub fn compile(
    env: &Env,
    source: &str,
    path: &str,
    pos: Pos,
    fields: Option<&BTreeSet<String>>,
) -> Result<Expr, Diagnostic> {
    if let Some(problem) = too_deep(source) {
        return Err(
            Diagnostic::new(codes::EXPRESSION_INVALID, path, pos, problem)
                .hint("write it as several simpler expressions"),
        );
    }
    let program = env.compile(source).map_err(|e| {
        let (line_off, col) = e.errors.first().map_or((0, 0), |e| (e.pos.0.max(1) as usize - 1, e.pos.1.max(0) as usize));
        let message = e.errors.first().map_or_else(|| e.to_string(), |e| e.msg.clone());
        // A one-line expression: point into it; otherwise at its start.
        let at = if line_off == 0 && !source.contains('\n') {
            Pos::new(pos.line, pos.column + col, 1)
        } else {
            pos
        };
        Diagnostic::new(codes::EXPRESSION_INVALID, path, at, format!("expression `{source}` is not valid CEL: {message}"))
            .hint("see https://github.com/google/cel-spec/blob/master/doc/langdef.md; text values need quotes, e.g. record.kind == 'council'")
    })?;
    let bound = macro_variables(source);
    for name in program.references().variables() {
        if !VARIABLES.contains(&name) && !bound.contains(&name) {
            return Err(Diagnostic::new(
                codes::EXPRESSION_INVALID,
                path,
                pos,
                format!("expression `{source}` names `{name}`, which is not defined"),
            )
            .hint(format!("expressions can use: {}", VARIABLES.join(", "))));
        }
    }
    if let Some(fields) = fields {
        for field in record_fields(source) {
            if !fields.contains(field) && field != "id" {
                return Err(Diagnostic::new(
                    codes::EXPRESSION_INVALID,
                    path,
                    pos,
                    format!("expression `{source}` reads `record.{field}`, which the type does not declare"),
                )
                .hint("declare the field under `fields.properties`, or correct its name"));
            }
        }
    }
    Ok(Expr {
        source: source.to_string(),
        program,
    })
}

/// Names bound by macros such as `list.exists(x, …)`: they are variables only inside it.
fn macro_variables(source: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for m in ["all(", "exists(", "exists_one(", "map(", "filter("] {
        for (i, _) in source.match_indices(m) {
            if i > 0 && source.as_bytes()[i - 1] == b'.' {
                let rest = &source[i + m.len()..];
                if let Some(name) = rest.split(',').next().map(str::trim) {
                    if !name.is_empty() && name.bytes().all(is_ident) {
                        out.push(name);
                    }
                }
            }
        }
    }
    out
}

/// The `NAME`s in `record.NAME` occurrences (outside string literals).
fn record_fields(source: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let bytes = source.as_bytes();
    let mut quote: Option<u8> = None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'\'' || b == b'"' => quote = Some(b),
            None if source[i..].starts_with("record.") && (i == 0 || !is_ident(bytes[i - 1])) => {
                let start = i + "record.".len();
                let end = source[start..]
                    .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                    .map_or(source.len(), |e| start + e);
                if end > start {
                    out.push(&source[start..end]);
                }
                i = end;
                continue;
            }
            None => {}
        }
        i += 1;
    }
    out
}

fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Limits that keep the expression parser and evaluator, which recurse, from exhausting a
/// thread's stack (measured: well within 2 MiB in a release build; clerk's threads have more).
const MAX_EXPRESSION_CHARS: usize = 10_000;
const MAX_NESTING: usize = 32;
const MAX_OPERATORS: usize = 256;

/// Why an expression is too long or too deeply nested to evaluate safely, if it is.
fn too_deep(source: &str) -> Option<String> {
    if source.chars().count() > MAX_EXPRESSION_CHARS {
        return Some(format!(
            "the expression is longer than {MAX_EXPRESSION_CHARS} characters"
        ));
    }
    let (mut depth, mut deepest, mut unary, mut most_unary, mut operators) = (0, 0, 0, 0, 0);
    let mut in_string: Option<char> = None;
    let mut escaped = false;
    let mut previous = ' ';
    for c in source.chars() {
        if let Some(q) = in_string {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == q {
                in_string = None;
            }
            continue;
        }
        match c {
            '"' | '\'' => in_string = Some(c),
            '(' | '[' | '{' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            ')' | ']' | '}' => depth -= usize::from(depth > 0),
            '+' | '-' | '*' | '/' | '%' | '<' | '>' | '?' => operators += 1,
            '&' | '|' | '=' if previous == c => operators += 1,
            _ => {}
        }
        if matches!(c, '!' | '-') {
            unary += 1;
            most_unary = most_unary.max(unary);
        } else if !c.is_whitespace() {
            unary = 0;
        }
        previous = c;
    }
    if deepest > MAX_NESTING || most_unary > MAX_NESTING {
        return Some(format!(
            "the expression is nested more than {MAX_NESTING} levels deep"
        ));
    }
    if operators > MAX_OPERATORS {
        return Some(format!(
            "the expression has more than {MAX_OPERATORS} operators"
        ));
    }
    None
}

/// The shared context of every evaluation: the CEL environment, people, configuration and date.
pub struct Evaluator {
    today: String,
    calendar: Arc<Calendar>,
    /// Functions, people, configuration and today, converted for CEL once: every record's
    /// scope is a child of it.
    base: Context<'static, 'static>,
}

/// Working days: Monday to Friday, less configured holidays, plus configured make-up days.
#[derive(Debug, Default)]
pub struct Calendar {
    pub holidays: HashSet<NaiveDate>,
    pub workdays: HashSet<NaiveDate>,
}

impl Calendar {
    /// Working days from `start` to `end`, both included.
    pub fn workdays(&self, start: NaiveDate, end: NaiveDate) -> i64 {
        let mut n = 0;
        let mut d = start;
        // Bounded: dates are parsed from YYYY-MM-DD, and a span over 20 years is refused.
        if (end - start).num_days() > 366 * 20 {
            return -1;
        }
        while d <= end {
            let weekend = matches!(d.weekday(), Weekday::Sat | Weekday::Sun);
            if (!weekend && !self.holidays.contains(&d)) || self.workdays.contains(&d) {
                n += 1;
            }
            d = match d.succ_opt() {
                Some(next) => next,
                None => break,
            };
        }
        n
    }
}

/// A `YYYY-MM-DD` date.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

impl Evaluator {
    /// A CEL environment with the standard library and the strings extension (`split`,
    /// `substring`, `lowerAscii`, …).
    pub fn env() -> Env {
        let mut env = Env::stdlib();
        // Registering a built-in extension on a fresh environment does not clash.
        let added = env.add_extension(cel::extensions::strings);
        debug_assert!(added.is_ok());
        env
    }

    pub fn new(
        env: Arc<Env>,
        people: &serde_json::Value,
        config: &serde_json::Value,
        today: &str,
    ) -> Evaluator {
        let dates = |key: &str| -> HashSet<NaiveDate> {
            config
                .pointer(&format!("/calendar/{key}"))
                .and_then(serde_json::Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(|v| v.as_str().and_then(parse_date))
                .collect()
        };
        let calendar = Arc::new(Calendar {
            holidays: dates("holidays"),
            workdays: dates("workdays"),
        });
        let base = base_context(
            env,
            &calendar,
            cel::to_value(people).unwrap_or(Value::Null),
            cel::to_value(config).unwrap_or(Value::Null),
            today,
        );
        Evaluator {
            today: today.to_string(),
            calendar,
            base,
        }
    }

    /// The date rules treat as today.
    pub fn today(&self) -> &str {
        &self.today
    }

    /// The working-day calendar from clerk.yaml.
    pub fn calendar(&self) -> &Calendar {
        &self.calendar
    }

    /// A scope in which `record` is `fields` (and `subject`, when given, another record).
    pub fn scope(
        &self,
        record: &serde_json::Value,
        subject: Option<&serde_json::Value>,
    ) -> Scope<'_> {
        let mut ctx = self.base.new_inner_scope();
        ctx.add_variable_as_val("record", val(record));
        if let Some(subject) = subject {
            ctx.add_variable_as_val("subject", val(subject));
        }
        Scope { ctx }
    }

    /// Variables shared by many scopes (`year`), converted once.
    pub fn layer(&self, vars: &[(&str, Value)]) -> Layer<'_> {
        let mut ctx = self.base.new_inner_scope();
        for (name, value) in vars {
            ctx.add_variable_from_value(*name, value.clone());
        }
        Layer { ctx }
    }

    /// A layer in which `lookup` finds records in `set`, and, `with_records`, `records` is it
    /// (which converts every record for CEL: only when an expression names it).
    pub fn records_layer(&self, set: Arc<RecordSet>, with_records: bool) -> Layer<'_> {
        let mut ctx = self.base.new_inner_scope();
        if with_records {
            ctx.add_variable_from_value("records", set.value.clone());
        }
        ctx.add_variable_from_value(RECORD_SET, Value::Opaque(set));
        Layer { ctx }
    }
}

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
const RECORD_SET: &str = "clerk_record_set";

/// Records by type, as `records.TYPE` shows them, with indexes for
/// `lookup(type, field, value)` built the first time a type and field are looked up — so a
/// register row that finds its member's payments costs one hash lookup, not a scan of every
/// payment.
pub struct RecordSet {
    value: Value,
    by_type: HashMap<String, Arc<Vec<Value>>>,
    indexes: Mutex<HashMap<(String, String), Arc<Index>>>,
}

/// Records of one type by the value of one field.
type Index = HashMap<LookupKey, Vec<Value>>;

/// A field value as an index key: numbers by value (1 and 1.0 are the same), text as is.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum LookupKey {
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
            return Err(format!(
                "there is no record type `{type_name}` (types: {})",
                known
                    .iter()
                    .map(|s| s.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
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

fn build_index(records: &[Value], field: &str) -> Index {
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

/// Variables shared by the scopes made from it.
pub struct Layer<'a> {
    ctx: Context<'a, 'static>,
}

impl Layer<'_> {
    /// A layer inside this one with more shared variables (`year`).
    pub fn child(&self, vars: &[(&str, Value)]) -> Layer<'_> {
        let mut ctx = self.ctx.new_inner_scope();
        for (name, value) in vars {
            ctx.add_variable_from_value(*name, value.clone());
        }
        Layer { ctx }
    }

    /// A record's scope within the layer: the record is converted for CEL once, however many
    /// items its rows repeat over ([`Scope::items`], [`Scope::child`]).
    pub fn scope(&self, record: &serde_json::Value) -> Scope<'_> {
        let mut ctx = self.ctx.new_inner_scope();
        ctx.add_variable_as_val("record", val(record));
        Scope { ctx }
    }
}

/// `json` as a CEL value, built directly — what `cel::to_value` and then the context's own
/// conversion make, without the copy in between: a non-negative whole number is a `uint`, a
/// negative one an `int`, any other number a `double`.
fn val(json: &serde_json::Value) -> Box<dyn Val> {
    use cel::common::types::{
        CelBool, CelDouble, CelInt, CelList, CelMap, CelMapKey, CelNull, CelString, CelUInt,
    };
    match json {
        serde_json::Value::Null => Box::new(CelNull),
        serde_json::Value::Bool(b) => Box::new(CelBool::from(*b)),
        serde_json::Value::Number(n) => match (n.as_u64(), n.as_i64()) {
            (Some(u), _) => Box::new(CelUInt::from(u)),
            (None, Some(i)) => Box::new(CelInt::from(i)),
            (None, None) => Box::new(CelDouble::from(n.as_f64().unwrap_or(f64::NAN))),
        },
        serde_json::Value::String(s) => Box::new(CelString::from(s.clone())),
        serde_json::Value::Array(items) => {
            Box::new(CelList::from(items.iter().map(val).collect::<Vec<_>>()))
        }
        serde_json::Value::Object(map) => Box::new(CelMap::from(
            map.iter()
                .map(|(k, v)| (CelMapKey::from(k.clone()), val(v)))
                .collect::<HashMap<_, _>>(),
        )),
    }
}

/// The root context: clerk's functions, and the values every expression may read.
fn base_context(
    env: Arc<Env>,
    calendar: &Arc<Calendar>,
    people: Value,
    config: Value,
    today: &str,
) -> Context<'static, 'static> {
    let mut ctx = Context::with_env(env);
    ctx.add_variable_from_value("people", people);
    ctx.add_variable_from_value("config", config);
    ctx.add_variable_from_value("today", Value::String(Arc::new(today.to_string())));
    let cal = calendar.clone();
    // Registration fails only on a name clash among clerk's own functions.
    let mut registered = Vec::new();
    registered.push(ctx.add_function(
        "workdays",
        move |a: Arc<String>, b: Arc<String>| -> Result<i64, ExecutionError> {
            let (a, b) = dates(&a, &b)?;
            Ok(cal.workdays(a, b))
        },
    ));
    registered.push(ctx.add_function(
        "days",
        |a: Arc<String>, b: Arc<String>| -> Result<i64, ExecutionError> {
            let (a, b) = dates(&a, &b)?;
            Ok((b - a).num_days())
        },
    ));
    registered.push(
        ctx.add_function("year", |a: Arc<String>| -> Result<i64, ExecutionError> {
            let d = parse_date(&a).ok_or_else(|| {
                ExecutionError::function_error("year", format!("`{a}` is not a date"))
            })?;
            Ok(i64::from(d.year()))
        }),
    );
    registered.push(ctx.add_function("sum", |list: Arc<Vec<Value>>| -> f64 {
        list.iter()
            .map(|v| match v {
                Value::Int(i) => *i as f64,
                Value::UInt(u) => *u as f64,
                Value::Float(f) => *f,
                _ => 0.0,
            })
            // An empty f64 sum is -0.0; adding 0.0 makes it a plain zero.
            .sum::<f64>()
            + 0.0
    }));
    registered.push(ctx.add_function(
        "add_months",
        |date: Arc<String>, months: Value| -> Result<Value, ExecutionError> {
            // Field values reach expressions as signed or unsigned integers.
            let months = match months {
                Value::Int(i) => i,
                Value::UInt(u) => i64::try_from(u).unwrap_or(i64::MAX),
                other => {
                    return Err(ExecutionError::function_error(
                        "add_months",
                        format!("{other:?} is not a number of months"),
                    ))
                }
            };
            let d = parse_date(&date).ok_or_else(|| {
                ExecutionError::function_error("add_months", format!("`{date}` is not a date"))
            })?;
            let moved = if months >= 0 {
                d.checked_add_months(chrono::Months::new(months as u32))
            } else {
                d.checked_sub_months(chrono::Months::new(months.unsigned_abs() as u32))
            };
            moved
                .map(|d| Value::String(Arc::new(d.to_string())))
                .ok_or_else(|| ExecutionError::function_error("add_months", "date out of range"))
        },
    ));
    registered.push(ctx.add_function(
        "lookup",
        |ftx: &FunctionContext,
         type_name: Arc<String>,
         field: Arc<String>,
         value: Value|
         -> Result<Value, ExecutionError> {
            let set = ftx
                .ptx
                .get_variable(RECORD_SET)
                .and_then(|v| Value::try_from(v.as_ref()).ok());
            let Some(Value::Opaque(set)) = set else {
                return Err(ftx.error("lookup() can be used only in registers and the due list"));
            };
            let Some(set) = set.downcast_ref::<RecordSet>() else {
                return Err(ftx.error("lookup() can be used only in registers and the due list"));
            };
            set.lookup(&type_name, &field, &value)
                .map_err(|e| ftx.error(e))
        },
    ));
    debug_assert!(registered.iter().all(Result::is_ok));
    ctx
}

fn dates(a: &str, b: &str) -> Result<(NaiveDate, NaiveDate), ExecutionError> {
    let parse = |s: &str| {
        parse_date(s).ok_or_else(|| {
            ExecutionError::function_error("date", format!("`{s}` is not a date (YYYY-MM-DD)"))
        })
    };
    Ok((parse(a)?, parse(b)?))
}

/// Evaluation of expressions for one record.
pub struct Scope<'a> {
    ctx: Context<'a, 'static>,
}

impl Scope<'_> {
    /// A scope inside this one with more variables (`item`).
    pub fn child(&self, vars: &[(&str, Value)]) -> Scope<'_> {
        let mut ctx = self.ctx.new_inner_scope();
        for (name, value) in vars {
            ctx.add_variable_from_value(*name, value.clone());
        }
        Scope { ctx }
    }

    /// The rows a record makes in a register or the due list: a scope with `item` for each
    /// item of `each` evaluated here (a list; once, item `null`, when there is no `each`), in
    /// which `where_`, when given, is true.
    pub fn rows<'s>(
        &'s self,
        each: Option<&Expr>,
        where_: Option<&'s Expr>,
    ) -> impl Iterator<Item = Scope<'s>> + 's {
        let items = match each {
            Some(each) => match self.eval(each) {
                Ok(Value::List(items)) => items.iter().cloned().collect(),
                _ => Vec::new(),
            },
            None => vec![Value::Null],
        };
        items
            .into_iter()
            .map(move |item| self.child(&[("item", item)]))
            .filter(move |scope| where_.is_none_or(|w| scope.truth(w) == Some(true)))
    }

    /// The value of `expr`, or why it could not be computed.
    pub fn eval(&self, expr: &Expr) -> Result<Value, String> {
        expr.program.execute(&self.ctx).map_err(|e| e.to_string())
    }

    /// `Some(b)` when `expr` is a yes/no; `None` when it cannot be computed for this record
    /// (typically a field the record leaves empty).
    pub fn truth(&self, expr: &Expr) -> Option<bool> {
        match self.eval(expr) {
            Ok(Value::Bool(b)) => Some(b),
            _ => None,
        }
    }

    /// `expr` as text values: a text, or a list of texts (nothing when null).
    pub fn strings(&self, expr: &Expr) -> Result<Vec<String>, String> {
        match self.eval(expr)? {
            Value::String(s) => Ok(vec![s.to_string()]),
            Value::Null => Ok(Vec::new()),
            Value::List(items) => items
                .iter()
                .map(|v| match v {
                    Value::String(s) => Ok(s.to_string()),
                    other => Err(format!("expected text, got {other:?}")),
                })
                .collect(),
            other => Err(format!("expected text or a list of texts, got {other:?}")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn eval(src: &str, record: serde_json::Value) -> Result<Value, String> {
        let env = Arc::new(Evaluator::env());
        let expr = compile(&env, src, "t.yaml", Pos::line(1), None).unwrap();
        let ev = Evaluator::new(
            env,
            &json!({"ann": {"department": "admin"}}),
            &json!({"thresholds": {"major": 100}, "calendar": {"holidays": ["2026-01-01"]}}),
            "2026-06-01",
        );
        let scope = ev.scope(&record, None);
        scope.eval(&expr)
    }

    #[test]
    fn a_record_is_the_value_cel_would_make_of_it() {
        let record = json!({
            "title": "會議", "amount": 150, "refund": -20, "rate": 0.5, "big": u64::MAX,
            "done": true, "none": null, "tags": ["a", 1, [2.5, null]],
            "nested": {"k": {"deeper": [{"x": -1}]}}, "empty": {}, "list": []
        });
        assert_eq!(
            eval("record", record.clone()),
            Ok(cel::to_value(&record).unwrap())
        );
        assert_eq!(
            eval("record.amount + 1u", record.clone()),
            Ok(Value::UInt(151))
        );
        assert_eq!(eval("record.refund < 0", record), Ok(Value::Bool(true)));
    }

    #[test]
    fn evaluates_over_record_people_and_config() {
        assert_eq!(
            eval("people[record.person].department", json!({"person": "ann"})),
            Ok(Value::String(Arc::new("admin".into())))
        );
        assert_eq!(
            eval(
                "record.amount >= config.thresholds.major",
                json!({"amount": 150})
            ),
            Ok(Value::Bool(true))
        );
        assert_eq!(
            eval("today > '2026-01-01'", json!({})),
            Ok(Value::Bool(true))
        );
    }

    #[test]
    fn workdays_skip_weekends_and_holidays() {
        // 2026-01-01 (Thu, holiday) to 2026-01-07 (Wed): Fri 2, Mon 5, Tue 6, Wed 7.
        assert_eq!(
            eval("workdays('2026-01-01', '2026-01-07')", json!({})),
            Ok(Value::Int(4))
        );
        assert_eq!(eval("year('2026-03-02')", json!({})), Ok(Value::Int(2026)));
        assert!(eval("workdays('2026-01-01', 'soon')", json!({})).is_err());
        assert_eq!(
            eval("add_months('2026-03-31', record.n)", json!({"n": 6})),
            Ok(Value::String(Arc::new("2026-09-30".into())))
        );
        assert_eq!(
            eval("add_months('2026-03-05', -3)", json!({})),
            Ok(Value::String(Arc::new("2025-12-05".into())))
        );
        assert_eq!(
            eval("sum([1, 2.5, record.n])", json!({"n": 6})),
            Ok(Value::Float(9.5))
        );
    }

    /// `lookup` evaluated in a records layer over a small set of income records.
    fn lookup(src: &str) -> Result<Value, String> {
        let env = Arc::new(Evaluator::env());
        let expr = compile(&env, src, "t.yaml", Pos::line(1), None).unwrap();
        let ev = Evaluator::new(env, &json!({}), &json!({}), "2026-06-01");
        let set = RecordSet::new(vec![
            (
                "income".into(),
                vec![
                    json!({"id": "i1", "member": "m1", "amount": 100, "lines": ["a", "b"]}),
                    json!({"id": "i2", "member": "m2", "amount": 50.5, "lines": ["b"]}),
                    json!({"id": "i3", "member": "m1", "amount": 1, "lines": []}),
                    json!({"id": "i4", "member": null, "amount": 7}),
                ],
            ),
            ("member".into(), vec![]),
        ]);
        let layer = ev.records_layer(Arc::new(set), true);
        let scope = layer.scope(&json!({"id": "m1"}));
        scope.eval(&expr)
    }

    fn ids(v: Result<Value, String>) -> Vec<String> {
        match v {
            Ok(Value::List(items)) => items
                .iter()
                .map(|i| match i {
                    Value::Map(m) => match m.get(&cel::objects::Key::String(Arc::new("id".into())))
                    {
                        Some(Value::String(s)) => s.to_string(),
                        other => panic!("no id: {other:?}"),
                    },
                    other => panic!("not a record: {other:?}"),
                })
                .collect(),
            other => panic!("not a list: {other:?}"),
        }
    }

    #[test]
    fn lookup_finds_records_by_field_as_filter_would() {
        assert_eq!(
            ids(lookup("lookup('income', 'member', record.id)")),
            ["i1", "i3"]
        );
        assert_eq!(
            lookup("sum(lookup('income', 'member', 'm1').map(i, i.amount))"),
            Ok(Value::Float(101.0))
        );
        // The same records, in the same order, as the filter it replaces.
        assert_eq!(
            lookup(
                "lookup('income', 'member', 'm1') == records.income.filter(i, i.member == 'm1')"
            ),
            Ok(Value::Bool(true))
        );
        assert_eq!(
            ids(lookup("lookup('income', 'member', 'nobody')")),
            Vec::<String>::new()
        );
        // Numbers by value: 1, 1u and 1.0 are the same; a list field matches any element.
        assert_eq!(ids(lookup("lookup('income', 'amount', 1.0)")), ["i3"]);
        assert_eq!(ids(lookup("lookup('income', 'amount', 100u)")), ["i1"]);
        assert_eq!(ids(lookup("lookup('income', 'amount', 50.5)")), ["i2"]);
        assert_eq!(ids(lookup("lookup('income', 'lines', 'b')")), ["i1", "i2"]);
        // A field that is null or absent is found by null.
        assert_eq!(ids(lookup("lookup('income', 'member', null)")), ["i4"]);
        assert_eq!(
            ids(lookup("lookup('income', 'nothing', null)")),
            ["i1", "i2", "i3", "i4"]
        );
        // A value no field can equal finds nothing.
        assert_eq!(
            ids(lookup("lookup('income', 'member', ['m1'])")),
            Vec::<String>::new()
        );
        assert_eq!(
            ids(lookup("lookup('member', 'id', 'm1')")),
            Vec::<String>::new()
        );
    }

    #[test]
    fn lookup_refuses_an_unknown_type_and_works_only_with_records() {
        let err = lookup("lookup('incme', 'member', 'm1')").unwrap_err();
        assert!(
            err.contains("no record type `incme`") && err.contains("income, member"),
            "{err}"
        );
        // Outside registers and the due list there are no records to look in.
        let err = eval("lookup('income', 'member', 'm1')", json!({})).unwrap_err();
        assert!(err.contains("only in registers and the due list"), "{err}");
    }

    #[test]
    fn compile_errors_name_the_problem() {
        let env = Evaluator::env();
        let err = compile(
            &env,
            "record.days <= ",
            "types/leave.yaml",
            Pos::new(7, 11, 1),
            None,
        )
        .unwrap_err();
        assert_eq!(err.code, codes::EXPRESSION_INVALID);
        assert_eq!(err.line, 7);
        let err = compile(
            &env,
            "recrd.days <= 1",
            "types/leave.yaml",
            Pos::line(3),
            None,
        )
        .unwrap_err();
        assert!(err.message.contains("`recrd`"), "{}", err.message);
        let fields: BTreeSet<String> = ["days".to_string()].into();
        let err = compile(
            &env,
            "record.dayz <= 1 && 'record.x' != ''",
            "types/leave.yaml",
            Pos::line(3),
            Some(&fields),
        )
        .unwrap_err();
        assert!(err.message.contains("record.dayz"), "{}", err.message);
        assert!(compile(
            &env,
            "record.days <= 1 && 'record.x' != ''",
            "t",
            Pos::line(1),
            Some(&fields)
        )
        .is_ok());
        assert!(compile(&env, "[1, 2].exists(n, n == 2)", "t", Pos::line(1), None).is_ok());
    }
}
