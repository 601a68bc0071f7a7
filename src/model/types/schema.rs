//! The schema of a type's records: the fields every record has, merged with the type's own.

use std::collections::BTreeSet;

use serde_json::{json, Map, Value};

use crate::diag::{codes, Diagnostic, Pos};

use super::workflow::Workflow;

/// Fields every record has, whatever its type (README, "The records format in five minutes").
pub(super) fn common_properties(
    workflow: Option<&Workflow>,
    levels: &[&str],
) -> Map<String, Value> {
    let mut props = json!({
        "type": {"type": "string", "description": "the record type, a file in types/"},
        "id": {
            "type": "string",
            "description": "unique id; defaults to the file name without .md",
        },
        "title": {"type": "string", "minLength": 1, "description": "the record's title"},
        "classification": {
            "enum": levels,
            "description": "who may see the record",
        },
        "approvals": {
            "type": "array",
            "description": "one entry per approval step taken",
            "items": {
                "type": "object",
                "required": ["step", "by", "role", "date"],
                "additionalProperties": false,
                "properties": {
                    "step": {"type": "string", "minLength": 1},
                    "by": {"type": "string", "minLength": 1},
                    "role": {"type": "string", "minLength": 1},
                    "date": {"type": "string", "format": "date"},
                    "digest": {"type": "string", "pattern": "^sha256:[0-9a-f]{64}$"},
                    "signature": {"type": "string"},
                    "note": {"type": "string"},
                }
            }
        },
        "attachments": {
            "type": "array",
            "items": {
                "oneOf": [
                    {"type": "string", "minLength": 1},
                    {
                        "type": "object",
                        "required": ["file"],
                        "additionalProperties": false,
                        "properties": {
                            "file": {"type": "string", "minLength": 1},
                            "sha256": {"type": "string", "pattern": "^[0-9a-fA-F]{64}$"},
                        }
                    }
                ]
            },
            "description": "files next to the record, by relative path, each with the SHA-256 of its content once approved",
        },
        "tags": {"type": "array", "items": {"type": "string"}},
    });
    let props = props.as_object_mut().expect("literal object");
    if let Some(wf) = workflow {
        props.insert(
            "status".into(),
            json!({"enum": wf.states, "description": "the record's workflow state"}),
        );
    }
    std::mem::take(props)
}

/// The schema of a record of the type: the common fields merged with the type's own `fields:`
/// (its declarations win), every top-level field name, and the compiled validator (none when
/// the schema is not valid JSON Schema, which is then a finding).
pub(super) fn merge(
    fields: Option<Value>,
    workflow: Option<&Workflow>,
    levels: &[&str],
    path: &str,
    at: &dyn Fn(&str, bool) -> Pos,
    diags: &mut Vec<Diagnostic>,
) -> (Value, BTreeSet<String>, Option<jsonschema::Validator>) {
    let mut schema = own_schema(fields, path, at, diags);
    let mut props = common_properties(workflow, levels);
    match schema.remove("properties") {
        Some(Value::Object(own)) => props.extend(own),
        None => {}
        Some(_) => diags.push(Diagnostic::new(
            codes::TYPE_SCHEMA_INVALID,
            path,
            at("/fields/properties", false),
            "`fields.properties` must be a mapping of field names to schemas",
        )),
    }
    let properties: BTreeSet<String> = props.keys().cloned().collect();
    let required = merge_required(schema.remove("required"), &properties, path, at, diags);
    schema.insert("type".into(), "object".into());
    schema.insert("properties".into(), Value::Object(props));
    schema.insert("required".into(), Value::Array(required));
    let schema = Value::Object(schema);
    let validator = validator(&schema, path, at, diags);
    (schema, properties, validator)
}

/// The type's own `fields:` schema, empty when there is none or it is not an object (reported).
fn own_schema(
    fields: Option<Value>,
    path: &str,
    at: &dyn Fn(&str, bool) -> Pos,
    diags: &mut Vec<Diagnostic>,
) -> Map<String, Value> {
    match fields {
        Some(Value::Object(map)) => map,
        Some(Value::Null) | None => Map::new(),
        Some(_) => {
            diags.push(
                Diagnostic::new(
                    codes::TYPE_SCHEMA_INVALID,
                    path,
                    at("/fields", false),
                    crate::i18n::t("schema-not-object", &[]),
                )
                .hint(crate::i18n::t("schema-not-object-hint", &[])),
            );
            Map::new()
        }
    }
}

/// The required fields: `type` and `title`, then the type's own `required` (reported when it
/// is not a list); each must be declared among `properties`.
fn merge_required(
    own: Option<Value>,
    properties: &BTreeSet<String>,
    path: &str,
    at: &dyn Fn(&str, bool) -> Pos,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Value> {
    let mut required: Vec<Value> = vec!["type".into(), "title".into()];
    match own {
        Some(Value::Array(own)) => {
            for r in own {
                if !required.contains(&r) {
                    required.push(r);
                }
            }
        }
        None => {}
        Some(_) => diags.push(Diagnostic::new(
            codes::TYPE_SCHEMA_INVALID,
            path,
            at("/fields/required", false),
            "`fields.required` must be a list of field names",
        )),
    }
    for r in &required {
        if let Some(r) = r.as_str() {
            if !properties.contains(r) {
                diags.push(
                    Diagnostic::new(
                        codes::TYPE_SCHEMA_INVALID,
                        path,
                        at("/fields/required", false),
                        crate::i18n::t("schema-required-undeclared", &[("field", &r)]),
                    )
                    .hint(crate::i18n::t(
                        "schema-required-undeclared-hint",
                        &[("field", &r)],
                    )),
                );
            }
        }
    }
    required
}

/// The compiled validator of the merged schema; none when it is not valid JSON Schema
/// (reported).
fn validator(
    schema: &Value,
    path: &str,
    at: &dyn Fn(&str, bool) -> Pos,
    diags: &mut Vec<Diagnostic>,
) -> Option<jsonschema::Validator> {
    match jsonschema::options()
        .with_draft(jsonschema::Draft::Draft202012)
        .should_validate_formats(true)
        .build(schema)
    {
        Ok(v) => Some(v),
        Err(e) => {
            let detail = e.to_string();
            // The error's instance path is a place in the merged schema; the type file
            // wrote that schema under `fields:`.
            let pointer = format!("/fields{}", e.instance_path().as_str());
            diags.push(
                Diagnostic::new(
                    codes::TYPE_SCHEMA_INVALID,
                    path,
                    at(&pointer, false),
                    crate::i18n::t("schema-invalid", &[("detail", &detail)]),
                )
                .hint(crate::i18n::t("schema-invalid-hint", &[])),
            );
            None
        }
    }
}
