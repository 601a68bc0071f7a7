//! Rules over one record's own fields, written in the type file as CEL assertions
//! (leave days against dates, an activity's end after its start, …).

use crate::diag::{codes, Diagnostic};
use crate::model::expr::Evaluator;
use crate::model::record::Record;
use crate::model::repo::Repository;
use crate::model::types::RuleSeverity;

use crate::model::record::record_value;

/// Checks the type's `rules:` on one record.
pub fn check(repo: &Repository, ev: &Evaluator, record: &Record) -> Vec<Diagnostic> {
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
        if rule
            .when
            .as_ref()
            .is_some_and(|w| scope.truth(w) != Some(true))
        {
            continue;
        }
        // A rule that cannot be evaluated reads a field that is empty or invalid; the schema
        // reports invalid fields, and an empty optional field is not this rule's business.
        if scope.truth(&rule.assert) != Some(false) {
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
        let hint = rule.hint.clone().unwrap_or_else(|| {
            format!(
                "the rule is `{}` in {}:{}",
                rule.assert.source, def.path, rule.pos.line
            )
        });
        diags.push(Diagnostic::new(code, &record.path, pos, rule.message.clone()).hint(hint));
    }
    diags
}
