//! Every function an expression calls, checked by name and number of arguments when the type
//! file loads: CEL reports an unknown function only when it runs, and a rule that cannot run
//! would otherwise never fire.

use cel::common::ast::{EntryExpr, Expr};
use cel::IdedExpr;

/// Functions called as `f(a, …)`, with the numbers of arguments each accepts.
const GLOBAL: &[(&str, &[usize])] = &[
    // clerk's own (see `functions.rs`)
    ("workdays", &[2]),
    ("days", &[2]),
    ("year", &[1]),
    ("add_months", &[2]),
    ("sum", &[1]),
    ("lookup", &[3]),
    // CEL's standard library and macros
    ("size", &[1]),
    ("int", &[1]),
    ("uint", &[1]),
    ("double", &[1]),
    ("string", &[1]),
    ("bytes", &[1]),
    ("bool", &[1]),
    ("dyn", &[1]),
    ("type", &[1]),
    ("timestamp", &[1]),
    ("duration", &[1]),
    ("matches", &[2]),
    ("has", &[1]),
    ("strings.quote", &[1]),
    ("optional.none", &[0]),
    ("optional.of", &[1]),
    ("optional.ofNonZeroValue", &[1]),
];

/// Functions called as `x.f(a, …)`, with the numbers of arguments each accepts besides `x`.
const MEMBER: &[(&str, &[usize])] = &[
    ("size", &[0]),
    ("contains", &[1]),
    ("startsWith", &[1]),
    ("endsWith", &[1]),
    ("matches", &[1]),
    // the strings extension
    ("charAt", &[1]),
    ("indexOf", &[1, 2]),
    ("lastIndexOf", &[1, 2]),
    ("join", &[0, 1]),
    ("lowerAscii", &[0]),
    ("upperAscii", &[0]),
    ("trim", &[0]),
    ("replace", &[2, 3]),
    ("split", &[1, 2]),
    ("substring", &[1, 2]),
    ("format", &[1]),
    ("reverse", &[0]),
    // dates and times
    ("getFullYear", &[0, 1]),
    ("getMonth", &[0, 1]),
    ("getDayOfYear", &[0, 1]),
    ("getDayOfMonth", &[0, 1]),
    ("getDate", &[0, 1]),
    ("getDayOfWeek", &[0, 1]),
    ("getHours", &[0, 1]),
    ("getMinutes", &[0, 1]),
    ("getSeconds", &[0, 1]),
    ("getMilliseconds", &[0, 1]),
    // optional values
    ("hasValue", &[0]),
    ("value", &[0]),
    ("or", &[1]),
    ("orValue", &[1]),
    // macros (a call left as written when its arguments do not fit the macro)
    ("all", &[2]),
    ("exists", &[2]),
    ("exists_one", &[2]),
    ("map", &[2, 3]),
    ("filter", &[2]),
    ("optMap", &[2]),
    ("optFlatMap", &[2]),
];

/// Namespaces whose functions are written `namespace.f(…)`.
const NAMESPACES: &[&str] = &["strings", "optional"];

/// What is wrong with the first call in `expr` to a function that does not exist or takes
/// another number of arguments, with a hint; `None` when every call is known.
pub(super) fn unknown_call(expr: &IdedExpr) -> Option<(String, String)> {
    let mut found = None;
    visit(expr, &mut |name, member, argc| {
        if found.is_none() {
            found = judge(name, member, argc);
        }
    });
    found
}

/// Whether a call of `name` (as a member or not) with `argc` arguments is known.
fn judge(name: &str, member: bool, argc: usize) -> Option<(String, String)> {
    let table = if member { MEMBER } else { GLOBAL };
    let written = if member {
        format!("x.{name}()")
    } else {
        format!("{name}()")
    };
    match table.iter().find(|(n, _)| *n == name) {
        Some((_, arities)) if arities.contains(&argc) => None,
        Some((_, arities)) => {
            let counts: Vec<String> = arities.iter().map(usize::to_string).collect();
            let counts = counts.join(&crate::i18n::t("list-or-short", &[]));
            let args = crate::i18n::count("count-arguments", argc);
            Some((
                crate::i18n::t(
                    "call-arity",
                    &[("call", &written), ("args", &args), ("takes", &counts)],
                ),
                crate::i18n::t("call-arity-hint", &[("call", &written), ("takes", &counts)]),
            ))
        }
        None => {
            let names = table.iter().map(|(n, _)| *n);
            let hint = match crate::text::closest(name, names) {
                Some(near) => crate::i18n::t("did-you-mean", &[("best", &near)]),
                None => {
                    let all: Vec<&str> = table.iter().map(|(n, _)| *n).collect();
                    crate::i18n::t("known-functions", &[("functions", &all.join(", "))])
                }
            };
            Some((crate::i18n::t("call-unknown", &[("call", &written)]), hint))
        }
    }
}

/// Calls `f(name, is_member, argument_count)` for every named function call in `expr`
/// (operators, which CEL writes as `_+_` or `@in`, are left out).
fn visit(expr: &IdedExpr, f: &mut dyn FnMut(&str, bool, usize)) {
    match &expr.expr {
        Expr::Call(call) => {
            let operator = call.func_name.starts_with(['_', '@', '!']);
            match &call.target {
                Some(target) => {
                    let namespace = match &target.expr {
                        Expr::Ident(ns) if NAMESPACES.contains(&ns.as_str()) => Some(ns),
                        _ => None,
                    };
                    match namespace {
                        Some(ns) => f(&format!("{ns}.{}", call.func_name), false, call.args.len()),
                        None if !operator => f(&call.func_name, true, call.args.len()),
                        None => {}
                    }
                    visit(target, f);
                }
                None if !operator => f(&call.func_name, false, call.args.len()),
                None => {}
            }
            call.args.iter().for_each(|a| visit(a, f));
        }
        Expr::Comprehension(c) => {
            for e in [
                &c.iter_range,
                &c.accu_init,
                &c.loop_cond,
                &c.loop_step,
                &c.result,
            ] {
                visit(e, f);
            }
        }
        Expr::List(list) => list.elements.iter().for_each(|e| visit(e, f)),
        Expr::Map(map) => map.entries.iter().for_each(|e| visit_entry(&e.expr, f)),
        Expr::Struct(s) => s.entries.iter().for_each(|e| visit_entry(&e.expr, f)),
        Expr::Select(select) => visit(&select.operand, f),
        _ => {}
    }
}

fn visit_entry(entry: &EntryExpr, f: &mut dyn FnMut(&str, bool, usize)) {
    match entry {
        EntryExpr::StructField(field) => visit(&field.value, f),
        EntryExpr::MapEntry(e) => {
            visit(&e.key, f);
            visit(&e.value, f);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(source: &str) -> Option<(String, String)> {
        let env = crate::model::expr::Evaluator::env();
        unknown_call(env.compile(source).unwrap().expression())
    }

    #[test]
    fn a_misspelt_function_is_named_with_the_one_meant() {
        let (message, hint) = problem("sise(record.x) > 0").unwrap();
        assert_eq!(message, "`sise()` is not a function clerk knows");
        assert_eq!(hint, "did you mean `size`?");
        let (message, hint) = problem("record.a.startswith('x')").unwrap();
        assert_eq!(message, "`x.startswith()` is not a function clerk knows");
        assert_eq!(hint, "did you mean `startsWith`?");
    }

    #[test]
    fn a_wrong_number_of_arguments_is_reported() {
        let (message, _) = problem("workdays(record.start) > 1").unwrap();
        assert_eq!(
            message,
            "`workdays()` is called with 1 argument, but takes 2"
        );
        assert!(problem("[1].exists(x)").is_some());
        assert!(problem("record.a.substring(1, 2, 3) == ''").is_some());
    }

    #[test]
    fn known_calls_pass() {
        for source in [
            "size(record.a) > 0 && record.a.size() > 0",
            "record.a.exists(x, x.startsWith('a')) && [1, 2].map(x, x * 2) == [2, 4]",
            "workdays(record.s, record.e) + days(record.s, record.e) + year(record.s) > 0",
            "lookup('t', 'f', record.x).size() == sum([1, 2])",
            "has(record.a) && record.a.split(',').join('-').lowerAscii() == strings.quote('x')",
            "{'a': size('x')}['a'] == 1 && add_months(record.s, 1) != ''",
        ] {
            assert_eq!(problem(source), None, "{source}");
        }
    }

    /// Every name the tables list is one CEL (as clerk sets it up) declares, or one of clerk's
    /// own functions or of the macros: a newer `cel` that drops one fails here.
    #[test]
    fn the_tables_name_only_functions_that_exist() {
        let own = ["workdays", "days", "year", "add_months", "sum", "lookup"];
        let macros = [
            "has",
            "all",
            "exists",
            "exists_one",
            "map",
            "filter",
            "optMap",
            "optFlatMap",
        ];
        for (name, _) in GLOBAL.iter().chain(MEMBER) {
            if own.contains(name) || macros.contains(name) {
                continue;
            }
            let mut ctx =
                cel::Context::with_env(std::sync::Arc::new(crate::model::expr::Evaluator::env()));
            // Declaring a function of a name CEL already declares is refused: so it exists.
            assert!(
                ctx.add_function(name, || 0i64).is_err(),
                "`{name}` is not a CEL function"
            );
        }
    }
}
