//! Rules over one record's own fields, written in the type file as CEL assertions
//! (leave days against dates, an activity's end after its start, …).

use crate::diag::{codes, Diagnostic};
use crate::model::expr::Evaluator;
use crate::model::expr::Expr;
use crate::model::record::Record;
use crate::model::repo::Repository;
use crate::model::types::{Assertion, RuleSeverity, TypeDef};

use crate::model::record::record_value;

/// Checks the type's `rules:` on one record. With `fields_wrong` (the record's fields already
/// have errors) a rule that cannot be evaluated is not reported again: the field's finding says
/// what is wrong.
pub fn check(
    repo: &Repository,
    ev: &Evaluator,
    record: &Record,
    fields_wrong: bool,
) -> Vec<Diagnostic> {
    let Some(def) = repo.type_of(record) else {
        return Vec::new();
    };
    if def.rules.is_empty() {
        return Vec::new();
    }
    let scope = ev.scope(&record_value(def, record), None);
    let text = repo.text_of(record);
    let mut diags = Vec::new();
    for rule in &def.rules {
        // A rule or condition that cannot be evaluated is a finding of its own, never a pass:
        // the association believes the rule holds.
        let mut judge = |expr: &Expr, what: &str| match yes_or_no(&scope, expr, def, record) {
            Ok(b) => Some(b),
            Err(_) if fields_wrong => None,
            Err(why) => {
                diags.push(unevaluated(repo, def, record, rule, expr, what, &why));
                None
            }
        };
        // The condition must hold for the rule to apply; then only a false rule is a finding.
        if rule
            .when
            .as_ref()
            .is_some_and(|w| judge(w, "condition") != Some(true))
            || judge(&rule.assert, "rule") != Some(false)
        {
            continue;
        }
        let code = match rule.severity {
            RuleSeverity::Error => codes::RULE_FAILED,
            RuleSeverity::Warning => codes::RULE_WARNING,
        };
        let pointer = rule.field.as_ref().map_or_else(String::new, |f| {
            format!("/{}", crate::parse::yaml::escape_pointer(f))
        });
        let pos = record.pos(text, &pointer, false);
        let hint = rule.hint.as_ref().map(|h| h.get()).unwrap_or_else(|| {
            crate::i18n::tv(
                "rule-is",
                &[
                    ("rule", rule.assert.source.clone()),
                    ("file", def.path.clone()),
                    ("line", rule.pos.line.to_string()),
                ],
            )
        });
        diags.push(Diagnostic::new(code, &record.path, pos, rule.message.get()).hint(hint));
    }
    diags
}

/// `expr`'s value for the record as a yes or no, or why there is none (the fields it names by
/// their labels).
fn yes_or_no(
    scope: &crate::model::expr::Scope,
    expr: &Expr,
    def: &TypeDef,
    record: &Record,
) -> Result<bool, String> {
    let title = |name: &str| crate::model::labels::run_field_title(def, name);
    match scope.eval(expr) {
        Ok(cel::Value::Bool(b)) => Ok(b),
        Ok(other) => Err(crate::i18n::tv(
            "rule-undecided-value",
            &[("value", crate::model::expr::shown(&other))],
        )),
        Err(failure) => Err(failure.reason(expr, Some(&record.fields), &title)),
    }
}

/// The finding for a rule (or its `when`) that could not be evaluated for `record`.
fn unevaluated(
    repo: &Repository,
    def: &TypeDef,
    record: &Record,
    rule: &Assertion,
    expr: &Expr,
    what: &str,
    why: &str,
) -> Diagnostic {
    let text = repo.text_of(record);
    let pointer = rule.field.as_ref().map_or_else(String::new, |f| {
        format!("/{}", crate::parse::yaml::escape_pointer(f))
    });
    Diagnostic::new(
        codes::RULE_UNEVALUATED,
        &record.path,
        record.pos(text, &pointer, false),
        crate::i18n::tv(
            if what == "rule" {
                "rule-unevaluated"
            } else {
                "rule-when-unevaluated"
            },
            &[
                ("rule", expr.source.clone()),
                ("file", def.path.clone()),
                ("line", rule.pos.line.to_string()),
                ("why", why.to_string()),
            ],
        ),
    )
    .hint(crate::i18n::tv("rule-unevaluated-hint", &[]))
}
