//! The root context of every evaluation: clerk's functions (`workdays`, `days`, `year`,
//! `add_months`, `sum`, `lookup`) and the values every expression may read.

use std::sync::Arc;

use cel::{Context, Env, ExecutionError, FunctionContext, Value};
use chrono::{Datelike, NaiveDate};

use super::calendar::Calendar;
use super::lookup::{RecordSet, RECORD_SET};
use crate::date::parse as parse_date;
use crate::i18n::{t, tv};

/// The root context: clerk's functions, and the values every expression may read.
pub(super) fn base_context(
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
    let registered = [
        ctx.add_function(
            "workdays",
            move |a: Arc<String>, b: Arc<String>| -> Result<i64, ExecutionError> {
                let (a, b) = dates(&a, &b)?;
                Ok(cal.workdays(a, b))
            },
        ),
        ctx.add_function("days", days),
        ctx.add_function("year", year),
        ctx.add_function("sum", sum),
        ctx.add_function("add_months", add_months),
        ctx.add_function("lookup", lookup),
    ];
    debug_assert!(registered.iter().all(Result::is_ok));
    ctx
}

/// `days(a, b)`: the days from date `a` to date `b`.
fn days(a: Arc<String>, b: Arc<String>) -> Result<i64, ExecutionError> {
    let (a, b) = dates(&a, &b)?;
    Ok((b - a).num_days())
}

/// `year(date)`: the year of a date.
fn year(a: Arc<String>) -> Result<i64, ExecutionError> {
    let d = parse_date(&a).ok_or_else(|| not_a_date("year", &a))?;
    Ok(i64::from(d.year()))
}

/// `sum(list)`: the sum of a list's numbers (anything else counts as zero).
fn sum(list: Arc<Vec<Value>>) -> f64 {
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
}

/// `add_months(date, months)`: the date `months` later (earlier when negative).
fn add_months(date: Arc<String>, months: Value) -> Result<Value, ExecutionError> {
    // Field values reach expressions as signed or unsigned integers.
    let months = match months {
        Value::Int(i) => i,
        Value::UInt(u) => i64::try_from(u).unwrap_or(i64::MAX),
        other => {
            return Err(ExecutionError::function_error(
                "add_months",
                tv("why-not-months", &[("value", super::why::shown(&other))]),
            ))
        }
    };
    let d = parse_date(&date).ok_or_else(|| not_a_date("add_months", &date))?;
    let moved = if months >= 0 {
        d.checked_add_months(chrono::Months::new(months as u32))
    } else {
        d.checked_sub_months(chrono::Months::new(months.unsigned_abs() as u32))
    };
    moved
        .map(|d| Value::String(Arc::new(d.to_string())))
        .ok_or_else(|| ExecutionError::function_error("add_months", t("why-date-range", &[])))
}

/// `lookup(type, field, value)`: the records of `type` whose `field` is `value`, from the
/// record set of a register or the due list.
fn lookup(
    ftx: &FunctionContext,
    type_name: Arc<String>,
    field: Arc<String>,
    value: Value,
) -> Result<Value, ExecutionError> {
    let set = ftx
        .ptx
        .get_variable(RECORD_SET)
        .and_then(|v| Value::try_from(v.as_ref()).ok());
    let Some(Value::Opaque(set)) = set else {
        return Err(ftx.error(t("why-lookup-here", &[])));
    };
    let Some(set) = set.downcast_ref::<RecordSet>() else {
        return Err(ftx.error(t("why-lookup-here", &[])));
    };
    set.lookup(&type_name, &field, &value)
        .map_err(|e| ftx.error(e))
}

pub(super) fn dates(a: &str, b: &str) -> Result<(NaiveDate, NaiveDate), ExecutionError> {
    let parse = |s: &str| parse_date(s).ok_or_else(|| not_a_date("date", s));
    Ok((parse(a)?, parse(b)?))
}

/// `function`'s error for text that is not a date.
fn not_a_date(function: &str, text: &str) -> ExecutionError {
    ExecutionError::function_error(
        function,
        tv("why-not-a-date", &[("text", text.to_string())]),
    )
}
