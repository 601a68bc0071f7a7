//! Record types (`types/*.yaml`): each type's fields, workflow and references, as data.
//!
//! Nothing here knows what a leave request or an expense is; it only knows how to read a
//! type file and turn it into a schema and rules.

use std::collections::{BTreeMap, BTreeSet};

use serde::Deserialize;
use serde_json::{json, Map, Value};

use super::refs::RefRule;
use crate::diag::{codes, Diagnostic};

/// Who may see a record: each level includes the ones before it.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, serde::Serialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Classification {
    Public,
    Internal,
    Confidential,
}

impl Classification {
    pub fn as_str(self) -> &'static str {
        match self {
            Classification::Public => "public",
            Classification::Internal => "internal",
            Classification::Confidential => "confidential",
        }
    }
}

/// What to do with a front-matter key the type does not declare.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum UnknownFields {
    #[default]
    Error,
    Warning,
    Allow,
}

/// A type's workflow: its states and the moves between them.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Workflow {
    /// Every state, in the usual order of a record's life.
    pub states: Vec<String>,
    /// The state a new record starts in (default: the first).
    #[serde(default)]
    pub initial: Option<String>,
    /// Allowed moves: state → the states it may move to.
    #[serde(default)]
    pub transitions: BTreeMap<String, Vec<String>>,
    /// States after which the record never changes again.
    #[serde(default, rename = "final")]
    pub final_states: Vec<String>,
}

/// A type file as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct TypeFile {
    #[serde(default)]
    name: Option<String>,
    /// Display names by locale (`zh-Hant`, `zh-Hans`, `en`).
    #[serde(default)]
    label: BTreeMap<String, String>,
    /// The folder where `clerk new` puts records of this type.
    #[serde(default)]
    folder: Option<String>,
    classification: Classification,
    /// Retention period code: `Y` (permanent), `D30`, `D10`.
    #[serde(default)]
    retention: Option<String>,
    #[serde(default)]
    unknown_fields: UnknownFields,
    /// JSON Schema (written in YAML) of the type's own front-matter fields.
    #[serde(default)]
    fields: Option<Value>,
    /// References: field path → target (`person`, `meeting#resolutions`, `@departments`).
    #[serde(default)]
    refs: BTreeMap<String, String>,
    /// Fields the workflow manages (left out of the approval digest).
    #[serde(default)]
    managed: Vec<String>,
    #[serde(default)]
    workflow: Option<Workflow>,
}

/// A loaded, compiled record type.
#[derive(Debug)]
pub struct TypeDef {
    pub name: String,
    /// The type file, relative to the repository root.
    pub path: String,
    pub label: BTreeMap<String, String>,
    pub folder: Option<String>,
    /// Classification of a record that does not set one.
    pub classification: Classification,
    pub retention: Option<String>,
    pub unknown_fields: UnknownFields,
    /// The full schema of a record's front matter: common fields plus the type's own.
    pub schema: Value,
    pub validator: jsonschema::Validator,
    /// Every top-level field a record of this type may have.
    pub properties: BTreeSet<String>,
    pub refs: Vec<RefRule>,
    pub managed: Vec<String>,
    pub workflow: Option<Workflow>,
}

impl TypeDef {
    /// The display name in `locale`, falling back to the type's name.
    pub fn label(&self, locale: &str) -> &str {
        self.label
            .get(locale)
            .map_or(self.name.as_str(), String::as_str)
    }
}

/// Fields every record has, whatever its type (SPEC §2).
fn common_properties(workflow: Option<&Workflow>) -> Map<String, Value> {
    let mut props = json!({
        "type": {"type": "string", "description": "the record type, a file in types/"},
        "id": {
            "type": "string",
            "description": "unique id; defaults to the file name without .md",
        },
        "title": {"type": "string", "minLength": 1, "description": "the record's title"},
        "classification": {
            "enum": ["public", "internal", "confidential"],
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
                    "signature": {"type": "string"},
                    "note": {"type": "string"},
                }
            }
        },
        "attachments": {
            "type": "array",
            "items": {"type": "string", "minLength": 1},
            "description": "files next to the record, by relative path",
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

/// Loads one type file. `stem` is the file name without extension.
pub fn load(path: &str, stem: &str, text: &str) -> Result<TypeDef, Vec<Diagnostic>> {
    let (file, _raw): (TypeFile, Value) =
        super::deserialize_config(codes::TYPE_INVALID, path, text).map_err(|d| vec![d])?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let at = |pointer: &str, on_key: bool| super::locate(text, pointer, on_key);
    let mut diags = Vec::new();
    let name = file.name.clone().unwrap_or_else(|| stem.to_string());

    if let Some(wf) = &file.workflow {
        check_workflow(wf, path, &at, &mut diags);
    }

    // Merge the common fields with the type's own schema; the type's declarations win.
    let mut schema = match file.fields.clone() {
        Some(Value::Object(map)) => map,
        Some(Value::Null) | None => Map::new(),
        Some(_) => {
            diags.push(
                Diagnostic::new(
                    codes::TYPE_SCHEMA_INVALID,
                    path,
                    at("/fields", false),
                    "`fields` must be a JSON Schema object",
                )
                .hint("write `fields:` with `properties:` and `required:` beneath it"),
            );
            Map::new()
        }
    };
    let mut props = common_properties(file.workflow.as_ref());
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
    let mut required: Vec<Value> = vec!["type".into(), "title".into()];
    match schema.remove("required") {
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
                        format!("required field `{r}` is not declared under `fields.properties`"),
                    )
                    .hint(format!(
                        "declare `{r}` with its schema, or remove it from `required`"
                    )),
                );
            }
        }
    }
    schema.insert("type".into(), "object".into());
    schema.insert("properties".into(), Value::Object(props));
    schema.insert("required".into(), Value::Array(required));
    let schema = Value::Object(schema);
    let validator = match jsonschema::options()
        .with_draft(jsonschema::Draft::Draft202012)
        .should_validate_formats(true)
        .build(&schema)
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
                    format!("the field schema is not valid JSON Schema: {detail}"),
                )
                .hint("see https://json-schema.org/understanding-json-schema/ for the keywords"),
            );
            None
        }
    };

    let mut refs = Vec::new();
    for (field, target) in &file.refs {
        match RefRule::parse(field, target) {
            Ok(rule) => refs.push(rule),
            Err(message) => diags.push(
                Diagnostic::new(
                    codes::TYPE_INVALID,
                    path,
                    at(&format!("/refs/{}", crate::parse::yaml::escape_pointer(field)), false),
                    message,
                )
                .hint("write `field: type`, `list[].field: type`, `field: type#list` or `field: \"@departments\"`"),
            ),
        }
    }

    match (validator, diags.is_empty()) {
        (Some(validator), true) => Ok(TypeDef {
            name,
            path: path.to_string(),
            label: file.label,
            folder: file.folder,
            classification: file.classification,
            retention: file.retention,
            unknown_fields: file.unknown_fields,
            schema,
            validator,
            properties,
            refs,
            managed: file.managed,
            workflow: file.workflow,
        }),
        _ => Err(diags),
    }
}

/// States named in `initial`, `transitions` and `final` must be declared states.
fn check_workflow(
    wf: &Workflow,
    path: &str,
    at: &dyn Fn(&str, bool) -> crate::diag::Pos,
    diags: &mut Vec<Diagnostic>,
) {
    let states: BTreeSet<&str> = wf.states.iter().map(String::as_str).collect();
    let mut unknown = |state: &str, pointer: String| {
        if !states.contains(state) {
            diags.push(
                Diagnostic::new(
                    codes::TYPE_INVALID,
                    path,
                    at(&pointer, false),
                    format!("`{state}` is not one of the workflow's states"),
                )
                .hint(format!("declared states: {}", wf.states.join(", "))),
            );
        }
    };
    if let Some(initial) = &wf.initial {
        unknown(initial, "/workflow/initial".into());
    }
    for (from, tos) in &wf.transitions {
        unknown(
            from,
            format!(
                "/workflow/transitions/{}",
                crate::parse::yaml::escape_pointer(from)
            ),
        );
        for (i, to) in tos.iter().enumerate() {
            unknown(
                to,
                format!(
                    "/workflow/transitions/{}/{i}",
                    crate::parse::yaml::escape_pointer(from)
                ),
            );
        }
    }
    for (i, f) in wf.final_states.iter().enumerate() {
        unknown(f, format!("/workflow/final/{i}"));
    }
    if wf.states.is_empty() {
        diags.push(Diagnostic::new(
            codes::TYPE_INVALID,
            path,
            at("/workflow/states", false),
            "a workflow needs at least one state",
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LEAVE: &str = "label: {en: Leave}\nclassification: internal\nfields:\n  required: [days]\n  properties:\n    days: {type: number}\nworkflow:\n  states: [requested, approved]\n  transitions: {requested: [approved]}\n";

    #[test]
    fn loads_and_merges_common_fields() {
        let t = load("types/leave.yaml", "leave", LEAVE).unwrap();
        assert_eq!(t.name, "leave");
        assert!(t.properties.contains("days"));
        assert!(t.properties.contains("approvals"));
        assert!(t.properties.contains("status"));
        assert!(t
            .validator
            .is_valid(&json!({"type": "leave", "title": "x", "days": 1, "status": "approved"})));
        assert!(!t
            .validator
            .is_valid(&json!({"type": "leave", "title": "x", "days": 1, "status": "nope"})));
        assert!(!t
            .validator
            .is_valid(&json!({"type": "leave", "title": "x"})));
    }

    #[test]
    fn bad_schema_is_reported_at_its_line() {
        let text = "classification: public\nfields:\n  properties:\n    days: {type: numbr}\n";
        let errs = load("types/x.yaml", "x", text).unwrap_err();
        assert_eq!(errs[0].code, codes::TYPE_SCHEMA_INVALID);
        assert_eq!((errs[0].line, errs[0].column), (4, 18));
    }

    #[test]
    fn unknown_state_in_transition_is_reported() {
        let text =
            "classification: public\nworkflow:\n  states: [a, b]\n  transitions:\n    a: [c]\n";
        let errs = load("types/x.yaml", "x", text).unwrap_err();
        assert_eq!(errs[0].code, codes::TYPE_INVALID);
        assert_eq!((errs[0].line, errs[0].column), (5, 9));
    }

    #[test]
    fn typo_in_type_file_key_is_reported() {
        let errs = load("types/x.yaml", "x", "classification: public\nfeilds: {}\n").unwrap_err();
        assert_eq!(errs[0].code, codes::TYPE_INVALID);
        assert_eq!(errs[0].line, 2);
    }
}
