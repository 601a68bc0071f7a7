//! Why an expression gave no value for a record, in the staff's language: CEL's errors and
//! clerk's own, told by what the record holds (a field it leaves empty) where that is the cause.

use cel::{ExecutionError, Value};

use super::compile::record_fields;
use super::Expr;
use crate::i18n::{t, tv};

/// Why an expression could not be computed: CEL's error, or a value of the wrong kind.
#[derive(Debug, Clone, PartialEq)]
pub enum Failure {
    /// CEL stopped with this error (clerk's own functions' messages are already translated).
    Cel(ExecutionError),
    /// Text (or a list of texts) was needed, and the expression gave this value.
    NotText(Value),
}

impl std::fmt::Display for Failure {
    /// The reason with fields named as written (see [`Failure::reason`] for their labels).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.explain(&[], &|name| name.to_string()))
    }
}

impl Failure {
    /// Why `expr` gave no value for `record` (its fields as JSON), a field named by `title`
    /// (its label) beside its name: the fields it reads that `record` leaves empty when an
    /// empty value is what stopped it, else what CEL or clerk's function said.
    pub fn reason(
        &self,
        expr: &Expr,
        record: Option<&serde_json::Value>,
        title: &dyn Fn(&str) -> String,
    ) -> String {
        let mut empty: Vec<&str> = Vec::new();
        if let Some(record) = record.filter(|_| self.may_come_from_empty()) {
            for field in record_fields(&expr.source) {
                if record.get(field).is_none_or(serde_json::Value::is_null)
                    && !empty.contains(&field)
                {
                    empty.push(field);
                }
            }
        }
        self.explain(&empty, title)
    }

    /// Whether an empty value (null) may be what stopped the expression.
    fn may_come_from_empty(&self) -> bool {
        use ExecutionError as E;
        let null = |v: &Value| matches!(v, Value::Null);
        match self {
            Failure::NotText(v) => null(v),
            Failure::Cel(e) => match e {
                E::NoSuchOverload(o) => o
                    .argument_types()
                    .iter()
                    .any(|t| t == "null" || t == "null_type"),
                E::UnexpectedType { got, .. } => got == "null",
                E::UnsupportedTargetType { target } | E::NotSupportedAsMethod { target, .. } => {
                    null(target)
                }
                E::ValuesNotComparable(a, b)
                | E::UnsupportedBinaryOperator(_, a, b)
                | E::UnsupportedIndex(a, b) => null(a) || null(b),
                E::FunctionError { .. } | E::NoSuchKey(_) | E::InvalidArgumentCount { .. } => true,
                _ => false,
            },
        }
    }

    fn explain(&self, empty: &[&str], title: &dyn Fn(&str) -> String) -> String {
        if !empty.is_empty() {
            let fields: Vec<String> = empty.iter().map(|f| named(f, title)).collect();
            return tv("why-empty", &[("fields", fields.join(&t("list-and", &[])))]);
        }
        match self {
            Failure::NotText(v) => tv("why-not-text", &[("value", shown(v))]),
            Failure::Cel(e) => cel_reason(e, title),
        }
    }
}

/// A field as the user types it, with its label when it has one.
fn named(field: &str, title: &dyn Fn(&str) -> String) -> String {
    let label = title(field);
    if label == field {
        format!("`{field}`")
    } else {
        tv(
            "why-field-named",
            &[("field", field.to_string()), ("label", label)],
        )
    }
}

/// CEL's error in the run's language.
fn cel_reason(e: &ExecutionError, title: &dyn Fn(&str) -> String) -> String {
    use ExecutionError as E;
    let s = shown;
    match e {
        E::NoSuchKey(key) => tv("why-no-key", &[("key", named(key, title))]),
        E::UndeclaredReference(name) => tv("why-undeclared", &[("name", name.to_string())]),
        E::InvalidArgumentCount { expected, actual } => tv(
            "why-argument-count",
            &[
                ("expected", expected.to_string()),
                ("actual", actual.to_string()),
            ],
        ),
        E::UnexpectedType { got, want } => tv(
            "why-unexpected-type",
            &[("got", kind(got)), ("want", kind(want))],
        ),
        E::UnsupportedTargetType { target } => tv("why-bad-argument", &[("value", s(target))]),
        E::NotSupportedAsMethod { method, target } => tv(
            "why-not-method",
            &[("method", method.clone()), ("value", s(target))],
        ),
        E::NoSuchOverload(o) => {
            let kinds: Vec<String> = o.argument_types().iter().map(|k| kind(k)).collect();
            tv(
                "why-no-overload",
                &[
                    ("function", operator(o.function())),
                    ("kinds", kinds.join(&t("list-and", &[]))),
                ],
            )
        }
        E::ValuesNotComparable(a, b) => {
            tv("why-not-comparable", &[("left", s(a)), ("right", s(b))])
        }
        E::UnsupportedBinaryOperator(op, a, b) => tv(
            "why-operator",
            &[("op", operator(op)), ("left", s(a)), ("right", s(b))],
        ),
        E::UnsupportedIndex(i, v) => tv("why-index", &[("index", s(i)), ("value", s(v))]),
        E::IndexOutOfBounds(i) => tv("why-out-of-bounds", &[("index", s(i))]),
        E::DivisionByZero(_) | E::RemainderByZero(_) => tv("why-zero-division", &[]),
        E::FunctionError { function, message } => tv(
            "why-function",
            &[("function", function.clone()), ("message", message.clone())],
        ),
        other => tv("why-other", &[("error", other.to_string())]),
    }
}

/// A function's name, or an operator as written (`_>=_` is `>=`, `div` is `/`).
fn operator(function: &str) -> String {
    let symbol = match function {
        "add" => "+",
        "sub" => "-",
        "mul" => "*",
        "div" => "/",
        "rem" => "%",
        _ => "",
    };
    if !symbol.is_empty() {
        return symbol.to_string();
    }
    let inner = function.strip_prefix('_').and_then(|f| f.strip_suffix('_'));
    inner
        .filter(|f| !f.is_empty())
        .unwrap_or(function)
        .to_string()
}

/// A value as a message shows it: text in quotes, numbers and yes/no as written, an empty
/// value and lists and maps in words.
pub fn shown(v: &Value) -> String {
    match v {
        Value::Null => t("why-value-empty", &[]),
        Value::String(s) => format!("'{s}'"),
        Value::Int(i) => i.to_string(),
        Value::UInt(u) => u.to_string(),
        Value::Float(f) => f.to_string(),
        Value::Bool(b) => b.to_string(),
        Value::List(_) => t("why-value-list", &[]),
        Value::Map(_) => t("why-value-map", &[]),
        other => format!("{other:?}"),
    }
}

/// A CEL type's name in words (`string` is text, `null` an empty value).
fn kind(name: &str) -> String {
    match name {
        "null" | "null_type" => t("why-value-empty", &[]),
        "string" => t("why-kind-text", &[]),
        "int" | "uint" | "double" => t("why-kind-number", &[]),
        "bool" => t("why-kind-bool", &[]),
        "list" => t("why-value-list", &[]),
        "map" => t("why-value-map", &[]),
        other => format!("`{other}`"),
    }
}
