//! How large an expression may be: the parser and evaluator recurse, and must not exhaust a
//! thread's stack whatever a type file holds.

/// Limits that keep the expression parser and evaluator, which recurse, from exhausting a
/// thread's stack (measured: well within 2 MiB in a release build; clerk's threads have more).
pub(super) const MAX_EXPRESSION_CHARS: usize = 10_000;
pub(super) const MAX_NESTING: usize = 32;
pub(super) const MAX_OPERATORS: usize = 256;

/// Why an expression is too long or too deeply nested to evaluate safely, if it is.
pub(super) fn too_deep(source: &str) -> Option<String> {
    if source.chars().count() > MAX_EXPRESSION_CHARS {
        return Some(crate::i18n::t(
            "expr-too-long",
            &[("n", &MAX_EXPRESSION_CHARS)],
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
        return Some(crate::i18n::t("expr-too-nested", &[("n", &MAX_NESTING)]));
    }
    if operators > MAX_OPERATORS {
        return Some(crate::i18n::t(
            "expr-too-many-operators",
            &[("n", &MAX_OPERATORS)],
        ));
    }
    None
}
