//! Compiling an expression of a type file, with the names it uses checked at load.

use std::collections::BTreeSet;

use cel::Env;

use super::limits::too_deep;
use super::Expr;
use crate::diag::{codes, Diagnostic, Pos};

/// The variables an expression may name.
pub(super) const VARIABLES: &[&str] = &[
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
                .hint(crate::i18n::t("expr-too-deep-hint", &[])),
        );
    }
    let program = env.compile(source).map_err(|e| {
        let (line_off, col) = e.errors.first().map_or((0, 0), |e| {
            (e.pos.0.max(1) as usize - 1, e.pos.1.max(0) as usize)
        });
        let message = e
            .errors
            .first()
            .map_or_else(|| e.to_string(), |e| e.msg.clone());
        // A one-line expression: point into it; otherwise at its start.
        let at = if line_off == 0 && !source.contains('\n') {
            Pos::new(pos.line, pos.column + col, 1)
        } else {
            pos
        };
        Diagnostic::new(
            codes::EXPRESSION_INVALID,
            path,
            at,
            crate::i18n::t(
                "expr-not-cel",
                &[("source", &source), ("problem", &message)],
            ),
        )
        .hint(crate::i18n::t("expr-not-cel-hint", &[]))
    })?;
    if let Some((problem, hint)) = super::calls::unknown_call(program.expression()) {
        return Err(Diagnostic::new(
            codes::EXPRESSION_INVALID,
            path,
            pos,
            crate::i18n::t(
                "expr-problem",
                &[("source", &source), ("problem", &problem)],
            ),
        )
        .hint(hint));
    }
    let bound = macro_variables(source);
    for name in program.references().variables() {
        if !VARIABLES.contains(&name) && !bound.contains(&name) {
            return Err(Diagnostic::new(
                codes::EXPRESSION_INVALID,
                path,
                pos,
                crate::i18n::t("expr-undefined", &[("source", &source), ("name", &name)]),
            )
            .hint(crate::i18n::t(
                "expr-undefined-hint",
                &[("names", &VARIABLES.join(", "))],
            )));
        }
    }
    if let Some(fields) = fields {
        for field in record_fields(source) {
            if !fields.contains(field) && field != "id" {
                return Err(Diagnostic::new(
                    codes::EXPRESSION_INVALID,
                    path,
                    pos,
                    crate::i18n::t("expr-undeclared", &[("source", &source), ("field", &field)]),
                )
                .hint(crate::i18n::t("expr-undeclared-hint", &[])));
            }
        }
    }
    Ok(Expr {
        source: source.to_string(),
        program,
    })
}

/// Names bound by macros such as `list.exists(x, …)`: they are variables only inside it.
pub(super) fn macro_variables(source: &str) -> Vec<&str> {
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
pub(super) fn record_fields(source: &str) -> Vec<&str> {
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

pub(super) fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}
