//! Conditions and scopes in type files, as CEL expressions (crate `cel`).
//!
//! Expressions see `record` (the record's fields, with declared but absent fields as null),
//! `people` (person records by id), `config` (clerk.yaml), `today` (YYYY-MM-DD), and
//! clerk's functions: `workdays(start, end)`, `days(start, end)`, `year(date)`,
//! `add_months(date, n)` and `sum(list)`. Registers and the due list also see `item`,
//! `records`, `year` and `lookup(type, field, value)`.

pub mod calendar;
mod calls;
mod compile;
mod functions;
mod limits;
mod lookup;
mod value;
mod why;

use std::collections::HashSet;
use std::sync::Arc;

use cel::{Context, Env, Program, Value};
use chrono::NaiveDate;

use functions::base_context;
use lookup::RECORD_SET;

pub use calendar::Calendar;
pub use compile::compile;
pub use lookup::{lookup_calls, RecordSet};
use value::val;
pub use why::{shown, Failure};

/// A compiled expression and its text.
#[derive(Debug)]
pub struct Expr {
    pub source: String,
    pub(super) program: Program,
}

/// The shared context of every evaluation: the CEL environment, people, configuration and date.
pub struct Evaluator {
    today: String,
    calendar: Arc<Calendar>,
    /// Functions, people, configuration and today, converted for CEL once: every record's
    /// scope is a child of it.
    base: Context<'static, 'static>,
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

    /// The evaluator of `repo`'s rules as of `today`: its people and clerk.yaml, a fresh
    /// environment.
    pub fn for_repository(repo: &crate::model::repo::Repository, today: chrono::NaiveDate) -> Self {
        Evaluator::new(
            Arc::new(Evaluator::env()),
            &repo.people_json(),
            &repo.config_raw,
            &today.to_string(),
        )
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
                .filter_map(|v| v.as_str().and_then(crate::date::parse))
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
    pub fn eval(&self, expr: &Expr) -> Result<Value, Failure> {
        expr.program.execute(&self.ctx).map_err(Failure::Cel)
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
    pub fn strings(&self, expr: &Expr) -> Result<Vec<String>, Failure> {
        match self.eval(expr)? {
            Value::String(s) => Ok(vec![s.to_string()]),
            Value::Null => Ok(Vec::new()),
            Value::List(items) => items
                .iter()
                .map(|v| match v {
                    Value::String(s) => Ok(s.to_string()),
                    other => Err(Failure::NotText(other.clone())),
                })
                .collect(),
            other => Err(Failure::NotText(other)),
        }
    }
}

#[cfg(test)]
mod tests;
