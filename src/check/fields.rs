//! Per-record checks: the record's type, its fields against the type's schema, its id.

use crate::text::closest;
use serde_json::Value;

use crate::diag::{codes, Code, Diagnostic};
use crate::i18n::t;
use crate::model::display_path;
use crate::model::record::Record;
use crate::model::repo::Repository;
use crate::model::types::{TypeDef, UnknownFields};
use crate::parse::yaml::{escape_pointer, kind_name};

/// Checks one record's type, fields and id.
pub fn check(repo: &Repository, record: &Record) -> Vec<Diagnostic> {
    let text = repo.text_of(record);
    let mut diags: Vec<Diagnostic> = bad_id(record, text).into_iter().collect();
    if let Some(d) = type_finding(repo, record, text) {
        diags.push(d);
        return diags;
    }
    let Some(def) = record
        .fields
        .get("type")
        .and_then(Value::as_str)
        .and_then(|t| repo.types.get(t))
    else {
        return diags; // a type file that failed to load is reported on its own
    };
    for error in def.validator.iter_errors(&record.fields) {
        diags.extend(schema_finding(record, text, def, &error));
    }
    diags.extend(undeclared_fields(record, text, def));
    diags
}

/// A finding at `pointer` in the record's front matter (at its key when `on_key`).
fn finding(
    record: &Record,
    text: &str,
    code: Code,
    pointer: &str,
    on_key: bool,
    message: String,
) -> Diagnostic {
    Diagnostic::new(
        code,
        &record.path,
        record.pos(text, pointer, on_key),
        message,
    )
}

/// Whether the record's id (its `id:`, or else its file name) has characters an id cannot have.
fn bad_id(record: &Record, text: &str) -> Option<Diagnostic> {
    if let Some(Value::String(id)) = record.fields.get("id") {
        if !valid_id(id) {
            return Some(
                finding(
                    record,
                    text,
                    codes::BAD_ID,
                    "/id",
                    false,
                    t("bad-id", &[("id", id)]),
                )
                .hint(t("bad-id-hint", &[])),
            );
        }
    } else if !valid_id(&record.id) {
        return Some(
            finding(
                record,
                text,
                codes::BAD_ID,
                "",
                false,
                t("bad-file-id", &[("id", &record.id)]),
            )
            .hint(t("bad-file-id-hint", &[])),
        );
    }
    None
}

/// What is wrong with the record's `type`: missing, not text, or not a known type (a type
/// whose file failed to load is reported on its own).
fn type_finding(repo: &Repository, record: &Record, text: &str) -> Option<Diagnostic> {
    let type_name = match record.fields.get("type") {
        None => {
            return Some(
                finding(
                    record,
                    text,
                    codes::MISSING_TYPE,
                    "",
                    false,
                    t("type-missing", &[]),
                )
                .hint(t("type-missing-hint", &[("types", &type_list(repo))])),
            );
        }
        Some(Value::String(t)) => t,
        Some(other) => {
            return Some(
                finding(
                    record,
                    text,
                    codes::WRONG_TYPE,
                    "/type",
                    false,
                    t("type-not-text", &[("kind", &kind_name(other))]),
                )
                .hint(t("type-use-one", &[("types", &type_list(repo))])),
            );
        }
    };
    if repo.types.contains_key(type_name) || repo.broken_types.contains(type_name) {
        return None;
    }
    let d = finding(
        record,
        text,
        codes::UNKNOWN_TYPE,
        "/type",
        false,
        t("type-unknown", &[("type", type_name)]),
    );
    Some(
        match closest(type_name, repo.types.keys().map(String::as_str)) {
            Some(best) => d.hint(t("type-did-you-mean", &[("best", &best)])),
            None => d.hint(t("type-ref-unknown-hint", &[("types", &type_list(repo))])),
        },
    )
}

/// Top-level fields the type does not declare, unless it allows them.
fn undeclared_fields(record: &Record, text: &str, def: &TypeDef) -> Vec<Diagnostic> {
    let code = match def.unknown_fields {
        UnknownFields::Allow => return Vec::new(),
        UnknownFields::Error => codes::UNKNOWN_FIELD,
        UnknownFields::Warning => codes::UNKNOWN_FIELD_WARNING,
    };
    record
        .map()
        .keys()
        .filter(|key| !def.properties.contains(*key))
        .map(|key| unknown_field(record, text, def, code, "", key))
        .collect()
}

/// Ids are used in references (`id#part`) and file names: no spaces, `#` or `/`.
pub fn valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    chars.next().is_some_and(char::is_alphanumeric)
        && chars.all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

fn type_list(repo: &Repository) -> String {
    let each: Vec<String> = repo
        .types
        .values()
        .map(|d| {
            let label = crate::model::labels::run_type_label(d);
            t("type-named", &[("type", &d.name), ("type_label", &label)])
        })
        .collect();
    each.join(&t("list-and", &[]))
}

fn unknown_field(
    record: &Record,
    text: &str,
    def: &TypeDef,
    code: Code,
    parent: &str,
    key: &str,
) -> Diagnostic {
    let pointer = format!("{parent}/{}", escape_pointer(key));
    let field = display_path(&pointer);
    let known: Vec<&str> = if parent.is_empty() {
        def.properties.iter().map(String::as_str).collect()
    } else {
        Vec::new()
    };
    let hint = match closest(key, known.iter().copied()) {
        Some(best) => t("did-you-mean", &[("best", &best)]),
        None if parent.is_empty() => t(
            "type-declares",
            &[("type", &def.name), ("fields", &known.join(", "))],
        ),
        None => t("unknown-field-hint", &[]),
    };
    Diagnostic::new(
        code,
        &record.path,
        record.pos(text, &pointer, true),
        t("field-unknown", &[("field", &field), ("type", &def.name)]),
    )
    .hint(hint)
}

/// Turns one JSON Schema error into a finding at the field's line.
fn schema_finding(
    record: &Record,
    text: &str,
    def: &TypeDef,
    error: &jsonschema::ValidationError,
) -> Vec<Diagnostic> {
    use jsonschema::error::ValidationErrorKind as K;
    let pointer = error.instance_path().as_str().to_string();
    let field = display_path(&pointer);
    let at = |code: Code, message: String| finding(record, text, code, &pointer, false, message);
    let value = error.instance();
    let shown = show(value);
    let d = match error.kind() {
        K::Required { property } => {
            let name = property.as_str().unwrap_or_default();
            missing_field(record, text, def, error, name)
        }
        K::Type { .. } if value.is_null() => {
            let about = describe_value(def, error);
            at(codes::WRONG_TYPE, t("field-empty", &[("field", &field)])).hint(match about {
                Some(about) => t("field-empty-hint", &[("about", &about), ("field", &field)]),
                None => t("field-empty-hint-bare", &[("field", &field)]),
            })
        }
        K::Type { kind } => at(
            codes::WRONG_TYPE,
            t(
                "field-wrong-type",
                &[
                    ("field", &field),
                    ("expected", &type_words(kind)),
                    ("actual", &value_kind(value)),
                ],
            ),
        )
        .hint(type_hint(kind)),
        K::Enum { options } => not_allowed(&at, &field, value, &shown, options),
        // A `oneOf` of titled `const`s is an enum with labels: said like one.
        K::OneOfNotValid { .. } if const_choices(def, error).is_some() => {
            let options = const_choices(def, error).unwrap_or_default();
            not_allowed(&at, &field, value, &shown, &options)
        }
        K::Constant { expected_value } => at(
            codes::NOT_ALLOWED,
            t(
                "field-not-constant",
                &[
                    ("field", &field),
                    ("value", &shown),
                    ("expected", &show(expected_value)),
                ],
            ),
        ),
        K::Format { format } => at(
            codes::BAD_VALUE,
            t(
                "field-bad-format",
                &[
                    ("field", &field),
                    ("value", &shown),
                    ("format", &format_words(format)),
                ],
            ),
        )
        .hint(format_hint(format)),
        K::AdditionalProperties { unexpected } => {
            let code = match def.unknown_fields {
                UnknownFields::Warning => codes::UNKNOWN_FIELD_WARNING,
                _ => codes::UNKNOWN_FIELD,
            };
            return unexpected
                .iter()
                .map(|key| unknown_field(record, text, def, code, &pointer, key))
                .collect();
        }
        _ => {
            let message = error.to_string();
            let subject = if field.is_empty() {
                t("front-matter", &[])
            } else {
                format!("`{field}`")
            };
            at(codes::BAD_VALUE, format!("{subject}: {message}"))
        }
    };
    vec![d]
}

/// The finding for a required field `name` that is missing, with what the schema says it is.
fn missing_field(
    record: &Record,
    text: &str,
    def: &TypeDef,
    error: &jsonschema::ValidationError,
    name: &str,
) -> Diagnostic {
    let pointer = error.instance_path().as_str();
    let field = display_path(pointer);
    let message = if field.is_empty() {
        t("field-missing", &[("name", &name)])
    } else {
        t("field-missing-in", &[("field", &field), ("name", &name)])
    };
    let hint = match describe(def, error, name) {
        Some(about) => t("field-missing-hint", &[("name", &name), ("about", &about)]),
        None => t("field-missing-hint-bare", &[("name", &name)]),
    };
    // Point at the object that lacks the field: its key line, or the opening `---`.
    finding(record, text, codes::MISSING_FIELD, pointer, true, message).hint(hint)
}

/// The finding for a value outside the allowed ones (an enum, or a `oneOf` of labelled
/// constants): an empty one says what to write.
fn not_allowed(
    at: &dyn Fn(Code, String) -> Diagnostic,
    field: &str,
    value: &Value,
    shown: &str,
    options: &Value,
) -> Diagnostic {
    if value.is_null() {
        let choices = options
            .as_array()
            .map_or_else(Vec::new, |a| a.iter().map(show).collect())
            .join(", ");
        return at(codes::NOT_ALLOWED, t("field-empty", &[("field", &field)])).hint(t(
            "field-empty-choice-hint",
            &[("choices", &choices), ("field", &field)],
        ));
    }
    at(
        codes::NOT_ALLOWED,
        t("field-not-allowed", &[("field", &field), ("value", &shown)]),
    )
    .hint(enum_hint(value, options))
}

/// The hint for a value outside an enum: the closest allowed value, if any, and all of them.
fn enum_hint(value: &Value, options: &Value) -> String {
    let allowed: Vec<String> = options
        .as_array()
        .map_or_else(Vec::new, |a| a.iter().map(show).collect());
    let best = value.as_str().and_then(|v| {
        closest(
            v,
            options
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str),
        )
    });
    let allowed = allowed.join(", ");
    match best {
        Some(best) => t(
            "hint-did-you-mean",
            &[("best", &best), ("allowed", &allowed)],
        ),
        None => t("hint-allowed", &[("allowed", &allowed)]),
    }
}

/// The values a failed `oneOf` allows when each of its branches is a `const`.
fn const_choices(def: &TypeDef, error: &jsonschema::ValidationError) -> Option<Value> {
    let schema_path = error.schema_path().as_str();
    let parent = schema_path.strip_suffix("/oneOf")?;
    let schema = def.schema.pointer(parent)?;
    let values = crate::model::labels::choices(schema)?;
    Some(values.into_iter().map(|(v, _)| v.clone()).collect())
}

/// The `description` (or `title`) the type's schema gives for a missing property.
fn describe(def: &TypeDef, error: &jsonschema::ValidationError, name: &str) -> Option<String> {
    let schema_path = error.schema_path().as_str();
    let parent = schema_path.strip_suffix("/required")?;
    let prop = def
        .schema
        .pointer(&format!("{parent}/properties/{}", escape_pointer(name)))?;
    prop.get("description")
        .or_else(|| prop.get("title"))
        .and_then(Value::as_str)
        .map(str::to_string)
}

/// What goes in the field a type error is about: its title and description, and the
/// choices it allows, from the type's schema.
fn describe_value(def: &TypeDef, error: &jsonschema::ValidationError) -> Option<String> {
    let parent = error.schema_path().as_str().strip_suffix("/type")?;
    let prop = def.schema.pointer(parent)?;
    let text = |k: &str| prop.get(k).and_then(Value::as_str);
    let mut about = match (text("title"), text("description")) {
        (Some(t), Some(d)) if !d.contains(t) => format!("{t} — {d}"),
        (_, Some(d)) => d.to_string(),
        (Some(t), None) => t.to_string(),
        (None, None) => return None,
    };
    if let Some(choices) = prop.get("enum").and_then(Value::as_array) {
        let list: Vec<String> = choices.iter().map(show).collect();
        about.push_str(&format!(" (one of {})", list.join(", ")));
    }
    Some(about.replace('\n', " "))
}

/// A value as shown in a message: short, quoted text.
fn show(v: &Value) -> String {
    match v {
        Value::String(s) if s.chars().count() > 40 => {
            format!("`{}…`", s.chars().take(40).collect::<String>())
        }
        Value::String(s) => format!("`{s}`"),
        Value::Array(_) | Value::Object(_) => kind_name(v).to_string(),
        other => format!("`{other}`"),
    }
}

fn type_words(kind: &jsonschema::error::TypeKind) -> String {
    use jsonschema::error::TypeKind;
    let one = |ty: &jsonschema::JsonType| json_type_words(&ty.to_string());
    match kind {
        TypeKind::Single(t) => one(t),
        TypeKind::Multiple(ts) => ts.iter().map(|t| one(&t)).collect::<Vec<_>>().join(" or "),
    }
}

/// A JSON type in words, in the run's language.
fn json_type_words(name: &str) -> String {
    let id = match name {
        "string" => "type-text",
        "number" => "type-number",
        "integer" => "type-integer",
        "boolean" => "type-boolean",
        "array" => "type-list",
        "object" => "type-mapping",
        "null" => "type-empty",
        other => return other.to_string(),
    };
    t(id, &[])
}

/// What a value is, in words: text, a number, a list…
fn value_kind(v: &Value) -> String {
    json_type_words(match v {
        Value::String(_) => "string",
        Value::Number(_) => "number",
        Value::Bool(_) => "boolean",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
        Value::Null => "null",
    })
}

fn type_hint(kind: &jsonschema::error::TypeKind) -> String {
    let id = match kind {
        jsonschema::error::TypeKind::Single(ty) => match ty.to_string().as_str() {
            "string" => "hint-type-text",
            "number" | "integer" => "hint-type-number",
            "array" => "hint-type-list",
            "object" => "hint-type-mapping",
            _ => "",
        },
        jsonschema::error::TypeKind::Multiple(_) => "",
    };
    if id.is_empty() {
        return t("hint-type-other", &[("expected", &type_words(kind))]);
    }
    t(id, &[])
}

fn format_words(format: &str) -> String {
    match format {
        "date" | "date-time" | "time" | "email" => t(&format!("format-{format}"), &[]),
        other => other.to_string(),
    }
}

fn format_hint(format: &str) -> String {
    match format {
        "date" | "email" => t(&format!("format-{format}-hint"), &[]),
        other => t("format-other-hint", &[("format", &other)]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids() {
        assert!(valid_id("2026-council-02"));
        assert!(valid_id("會員-001"));
        assert!(!valid_id("-x"));
        assert!(!valid_id("a b"));
        assert!(!valid_id("a#b"));
        assert!(!valid_id(""));
    }

    #[test]
    fn closest_finds_typos_only() {
        let c = ["draft", "reviewed", "approved"];
        assert_eq!(closest("drfat", c.iter().copied()), Some("draft"));
        assert_eq!(closest("zzzzzzz", c.iter().copied()), None);
    }
}
