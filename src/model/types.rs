//! Record types (`types/*.yaml`): each type's fields, workflow and references, as data.
//!
//! Nothing here knows what a leave request or an expense is; it only knows how to read a
//! type file and turn it into a schema and rules.

use std::collections::{BTreeMap, BTreeSet};

use serde::Deserialize;
use serde_json::{json, Map, Value};

use super::expr::{self, Expr};
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
    /// States in which a record may not be deleted (besides final ones), e.g. issued.
    #[serde(default)]
    pub keep: Vec<String>,
    /// What must hold in a state (and in every state that can only come after it).
    #[serde(default)]
    requires: BTreeMap<String, RequirementFile>,
}

impl Workflow {
    /// The state a new record starts in.
    pub fn initial(&self) -> Option<&str> {
        self.initial
            .as_deref()
            .or(self.states.first().map(String::as_str))
    }

    /// States reachable from `from` by one or more transitions.
    pub fn reachable(&self, from: &str) -> BTreeSet<&str> {
        let mut seen = BTreeSet::new();
        let mut todo = vec![from];
        while let Some(s) = todo.pop() {
            for next in self.transitions.get(s).into_iter().flatten() {
                if seen.insert(next.as_str()) {
                    todo.push(next);
                }
            }
        }
        seen
    }
}

/// A state's requirements as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RequirementFile {
    #[serde(default)]
    fields: Vec<String>,
    #[serde(default)]
    approvals: Vec<String>,
    #[serde(default)]
    council: Option<CouncilFile>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct CouncilFile {
    field: String,
    #[serde(default)]
    when: Option<String>,
    #[serde(default)]
    before: Option<String>,
}

/// An approval step as written: who may give it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct StepFile {
    #[serde(default)]
    label: BTreeMap<String, String>,
    by: Vec<RuleFile>,
    #[serde(default)]
    not_by: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFile {
    role: String,
    #[serde(default)]
    scope: Option<String>,
    #[serde(default)]
    when: Option<String>,
}

/// How serious a rule's violation is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RuleSeverity {
    #[default]
    Error,
    Warning,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct AssertFile {
    assert: String,
    #[serde(default)]
    when: Option<String>,
    #[serde(default)]
    field: Option<String>,
    message: String,
    #[serde(default)]
    hint: Option<String>,
    #[serde(default)]
    severity: RuleSeverity,
}

/// A field whose values are unique; with `sequence`, numbers per issuer and year.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Unique {
    pub field: String,
    /// Values are unique among every type that names the same key (default: type and field).
    #[serde(default)]
    pub key: Option<String>,
    /// A numbering scheme in clerk.yaml (`numbering.<name>`): format, serials, gaps.
    #[serde(default)]
    pub sequence: Option<String>,
}

/// This type holds budget lines (預算).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BudgetDef {
    /// The list of lines; each has an `id`.
    pub lines: String,
    /// The amount field of a line.
    pub amount: String,
    /// The budget's year field.
    pub year: String,
    /// On an adjustment: the field naming the budget it changes.
    #[serde(default)]
    pub adjusts: Option<String>,
    /// Which budget records count (default: all).
    #[serde(default)]
    counts: Option<String>,
}

/// This type is booked against a budget line (`budget#line`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BudgetLineUse {
    /// The field holding `budget-id#line-id`.
    pub line: String,
    /// The date field; its year must be the budget's year.
    pub date: String,
    /// With an amount, records spend from the line and may not exceed it.
    #[serde(default)]
    pub amount: Option<String>,
    /// Which records count against the line (default: all).
    #[serde(default)]
    counts: Option<String>,
}

/// Every record of another type that matches `where` must be named by a record of this type.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct CoverageFile {
    of: String,
    #[serde(default, rename = "where")]
    where_: Option<String>,
    field: String,
    #[serde(default)]
    period: Option<Period>,
    message: String,
    #[serde(default)]
    hint: Option<String>,
    #[serde(default)]
    severity: RuleSeverity,
}

/// Coverage per period: one record per subject for the latest period that has ended.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Period {
    /// The field holding the period (`2026-Q3`, `2026-10`, `2026`).
    pub field: String,
    pub every: PeriodKind,
    /// The subject's field with the date from which they are covered (e.g. `joined`).
    #[serde(default)]
    pub since: Option<String>,
}

/// The length of a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PeriodKind {
    Quarter,
    Month,
    Year,
}

/// Requirements that hold in a state, compiled.
#[derive(Debug)]
pub struct Requirement {
    /// The state whose `requires` declared it.
    pub from_state: String,
    pub fields: Vec<String>,
    pub approvals: Vec<String>,
    pub council: Option<CouncilRule>,
}

/// A council resolution (理事會決議) the record must cite.
#[derive(Debug)]
pub struct CouncilRule {
    pub field: String,
    pub when: Option<Expr>,
    /// The approval step, or the date field, the resolution must precede.
    pub before: Option<String>,
}

/// An approval step: who may give it, and who may not.
#[derive(Debug)]
pub struct ApprovalStep {
    pub name: String,
    pub label: BTreeMap<String, String>,
    /// Alternatives: an approval counts if it matches any rule that applies.
    pub rules: Vec<ApprovalRule>,
    /// Person ids that may never give this step (e.g. the person on leave).
    pub not_by: Vec<Expr>,
}

/// One way to give an approval step: a role, the scope it must cover, when it applies.
#[derive(Debug)]
pub struct ApprovalRule {
    pub role: String,
    pub scope: Option<Expr>,
    pub when: Option<Expr>,
}

/// A rule over one record's fields.
#[derive(Debug)]
pub struct Assertion {
    pub assert: Expr,
    pub when: Option<Expr>,
    pub field: Option<String>,
    pub message: String,
    pub hint: Option<String>,
    pub severity: RuleSeverity,
    /// Where the rule is written in the type file.
    pub pos: crate::diag::Pos,
}

/// Coverage, compiled.
#[derive(Debug)]
pub struct Coverage {
    pub of: String,
    pub where_: Option<Expr>,
    pub field: String,
    pub period: Option<Period>,
    pub message: String,
    pub hint: Option<String>,
    pub severity: RuleSeverity,
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
    /// Fields that never change once set (a document number, a certificate number).
    #[serde(default)]
    immutable: Vec<String>,
    #[serde(default)]
    workflow: Option<Workflow>,
    /// Approval steps and who may give them.
    #[serde(default)]
    approvals: BTreeMap<String, StepFile>,
    /// Rules over a record's own fields.
    #[serde(default)]
    rules: Vec<AssertFile>,
    #[serde(default)]
    unique: Vec<Unique>,
    #[serde(default)]
    budget: Option<BudgetDef>,
    #[serde(default)]
    budget_line: Option<BudgetLineUse>,
    #[serde(default)]
    coverage: Vec<CoverageFile>,
    /// Registers (登記簿) over records of this type.
    #[serde(default)]
    registers: Vec<super::registers::RegisterFile>,
    /// What falls due in records of this type (deadlines, returns, inventories, …).
    #[serde(default)]
    due: Vec<super::registers::DueFile>,
    /// How `clerk new` names and starts a record of this type.
    #[serde(default)]
    new: NewRecord,
}

/// How `clerk new` creates a record: its file name (which is its id) and body.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewRecord {
    /// The file name without `.md`: `{year}`, `{type}`, and `{seq}` (the next free number,
    /// three digits, counted among files of the same name otherwise).
    #[serde(default = "default_new_name")]
    pub name: String,
    /// The Markdown body a new record starts with.
    #[serde(default)]
    pub body: String,
}

impl Default for NewRecord {
    fn default() -> Self {
        NewRecord {
            name: default_new_name(),
            body: String::new(),
        }
    }
}

fn default_new_name() -> String {
    "{year}-{type}-{seq}".into()
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
    pub immutable: Vec<String>,
    pub workflow: Option<Workflow>,
    /// Approval steps by name.
    pub steps: BTreeMap<String, ApprovalStep>,
    /// Every state's own requirements, once each.
    pub requirements: Vec<Requirement>,
    /// Requirements in effect in each state (its own and those of states it can only follow).
    requires: BTreeMap<String, Vec<usize>>,
    pub rules: Vec<Assertion>,
    pub unique: Vec<Unique>,
    pub budget: Option<BudgetDef>,
    pub budget_counts: Option<Expr>,
    pub budget_line: Option<BudgetLineUse>,
    pub budget_line_counts: Option<Expr>,
    pub coverage: Vec<Coverage>,
    pub registers: Vec<super::registers::Register>,
    pub due: Vec<super::registers::Due>,
    pub new: NewRecord,
}

/// The `required` names of a JSON Schema object.
pub fn required_of(schema: &Value) -> Vec<&str> {
    schema
        .get("required")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect()
}

impl TypeDef {
    /// The requirements in effect in `state`.
    pub fn requirements_in<'a>(
        &'a self,
        state: &str,
    ) -> impl Iterator<Item = &'a Requirement> + 'a {
        self.requires
            .get(state)
            .into_iter()
            .flatten()
            .map(|&i| &self.requirements[i])
    }

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
                    "digest": {"type": "string", "pattern": "^sha256:[0-9a-f]{64}$"},
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

/// Loads one type file. `stem` is the file name without extension; `env` compiles expressions.
pub fn load(
    path: &str,
    stem: &str,
    text: &str,
    env: &cel::Env,
) -> Result<TypeDef, Vec<Diagnostic>> {
    let (file, _raw): (TypeFile, Value) =
        super::deserialize_config(codes::TYPE_INVALID, path, text).map_err(|d| vec![d])?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // Positions are read once, and only if something needs one.
    let locations = std::cell::OnceCell::new();
    let at = |pointer: &str, on_key: bool| {
        super::locate_in(
            locations.get_or_init(|| crate::parse::yaml::Locations::of(text)),
            pointer,
            on_key,
        )
    };
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

    let rules = Rules::compile(&file, path, &at, env, &properties, &mut diags);
    let declared = super::registers::Declared {
        type_name: &name,
        path,
        env,
        at: &at,
        properties: &properties,
    };
    let registers = file
        .registers
        .iter()
        .enumerate()
        .filter_map(|(i, r)| super::registers::Register::compile(r, i, &declared, &mut diags))
        .collect();
    let due = file
        .due
        .iter()
        .enumerate()
        .filter_map(|(i, d)| super::registers::Due::compile(d, i, &declared, &mut diags))
        .collect();

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
            immutable: file.immutable,
            workflow: file.workflow,
            steps: rules.steps,
            requirements: rules.requirements,
            requires: rules.requires,
            rules: rules.assertions,
            unique: file.unique,
            budget: file.budget,
            budget_counts: rules.budget_counts,
            budget_line: file.budget_line,
            budget_line_counts: rules.budget_line_counts,
            coverage: rules.coverage,
            registers,
            due,
            new: file.new.clone(),
        }),
        _ => Err(diags),
    }
}

/// The compiled rule sections of a type file.
struct Rules {
    steps: BTreeMap<String, ApprovalStep>,
    requirements: Vec<Requirement>,
    requires: BTreeMap<String, Vec<usize>>,
    assertions: Vec<Assertion>,
    budget_counts: Option<Expr>,
    budget_line_counts: Option<Expr>,
    coverage: Vec<Coverage>,
}

impl Rules {
    fn compile(
        file: &TypeFile,
        path: &str,
        at: &dyn Fn(&str, bool) -> crate::diag::Pos,
        env: &cel::Env,
        properties: &BTreeSet<String>,
        diags: &mut Vec<Diagnostic>,
    ) -> Rules {
        use crate::parse::yaml::escape_pointer as esc;
        let out = std::cell::RefCell::new(Vec::new());
        let compile = |source: &Option<String>, pointer: String| -> Option<Expr> {
            let source = source.as_ref()?;
            match expr::compile(env, source, path, at(&pointer, false), Some(properties)) {
                Ok(e) => Some(e),
                Err(d) => {
                    out.borrow_mut().push(d);
                    None
                }
            }
        };
        let mut steps = BTreeMap::new();
        for (name, step) in &file.approvals {
            let base = format!("/approvals/{}", esc(name));
            let rules = step
                .by
                .iter()
                .enumerate()
                .map(|(i, r)| ApprovalRule {
                    role: r.role.clone(),
                    scope: compile(&r.scope, format!("{base}/by/{i}/scope")),
                    when: compile(&r.when, format!("{base}/by/{i}/when")),
                })
                .collect();
            let not_by = step
                .not_by
                .iter()
                .enumerate()
                .filter_map(|(i, e)| compile(&Some(e.clone()), format!("{base}/not_by/{i}")))
                .collect();
            steps.insert(
                name.clone(),
                ApprovalStep {
                    name: name.clone(),
                    label: step.label.clone(),
                    rules,
                    not_by,
                },
            );
        }

        let mut own: BTreeMap<&str, Requirement> = BTreeMap::new();
        let empty = BTreeMap::new();
        let written = file.workflow.as_ref().map_or(&empty, |w| &w.requires);
        for (state, req) in written {
            let base = format!("/workflow/requires/{}", esc(state));
            let known = file
                .workflow
                .as_ref()
                .is_some_and(|w| w.states.contains(state));
            if !known {
                out.borrow_mut().push(Diagnostic::new(
                    codes::TYPE_INVALID,
                    path,
                    at(&base, true),
                    format!("`{state}` is not one of the workflow's states"),
                ));
            }
            for (i, f) in req.fields.iter().enumerate() {
                if !properties.contains(f) {
                    out.borrow_mut().push(
                        Diagnostic::new(
                            codes::TYPE_INVALID,
                            path,
                            at(&format!("{base}/fields/{i}"), false),
                            format!("`{f}` is not a declared field"),
                        )
                        .hint("declare it under `fields.properties`"),
                    );
                }
            }
            for (i, a) in req.approvals.iter().enumerate() {
                if !file.approvals.contains_key(a) {
                    out.borrow_mut().push(
                        Diagnostic::new(
                            codes::TYPE_INVALID,
                            path,
                            at(&format!("{base}/approvals/{i}"), false),
                            format!("`{a}` is not an approval step of this type"),
                        )
                        .hint("declare it under `approvals:` with the roles that may give it"),
                    );
                }
            }
            let council = req.council.as_ref().map(|c| {
                if !properties.contains(&c.field) {
                    out.borrow_mut().push(Diagnostic::new(codes::TYPE_INVALID, path, at(&format!("{base}/council/field"), false), format!("`{}` is not a declared field", c.field)));
                }
                if let Some(step) = &c.before {
                    if !file.approvals.contains_key(step) && !properties.contains(step) {
                        out.borrow_mut().push(
                            Diagnostic::new(codes::TYPE_INVALID, path, at(&format!("{base}/council/before"), false), format!("`{step}` is neither an approval step nor a field of this type"))
                                .hint("name the approval step the resolution must precede, or a date field"),
                        );
                    }
                }
                CouncilRule {
                    field: c.field.clone(),
                    when: compile(&c.when, format!("{base}/council/when")),
                    before: c.before.clone(),
                }
            });
            own.insert(
                state.as_str(),
                Requirement {
                    from_state: state.clone(),
                    fields: req.fields.clone(),
                    approvals: req.approvals.clone(),
                    council,
                },
            );
        }
        // A state's requirements also hold in every state that can only come after it:
        // reachable from it, with no way back.
        let mut requires: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        let requirements: Vec<Requirement> = own.into_values().collect();
        if let Some(wf) = &file.workflow {
            for target in &wf.states {
                let back = wf.reachable(target);
                let list = requirements
                    .iter()
                    .enumerate()
                    .filter(|(_, req)| {
                        let state = req.from_state.as_str();
                        state == target
                            || (wf.reachable(state).contains(target.as_str())
                                && !back.contains(state))
                    })
                    .map(|(i, _)| i)
                    .collect();
                requires.insert(target.clone(), list);
            }
        }

        let assertions = file
            .rules
            .iter()
            .enumerate()
            .filter_map(|(i, r)| {
                let base = format!("/rules/{i}");
                if let Some(f) = &r.field {
                    if !properties.contains(f) {
                        out.borrow_mut().push(Diagnostic::new(
                            codes::TYPE_INVALID,
                            path,
                            at(&format!("{base}/field"), false),
                            format!("`{f}` is not a declared field"),
                        ));
                    }
                }
                Some(Assertion {
                    assert: compile(&Some(r.assert.clone()), format!("{base}/assert"))?,
                    when: compile(&r.when, format!("{base}/when")),
                    field: r.field.clone(),
                    message: r.message.clone(),
                    hint: r.hint.clone(),
                    severity: r.severity,
                    pos: at(&base, false),
                })
            })
            .collect();

        for (i, u) in file.unique.iter().enumerate() {
            if !properties.contains(&u.field) {
                out.borrow_mut().push(Diagnostic::new(
                    codes::TYPE_INVALID,
                    path,
                    at(&format!("/unique/{i}/field"), false),
                    format!("`{}` is not a declared field", u.field),
                ));
            }
        }
        let budget_counts = file
            .budget
            .as_ref()
            .and_then(|b| compile(&b.counts, "/budget/counts".into()));
        let budget_line_counts = file
            .budget_line
            .as_ref()
            .and_then(|b| compile(&b.counts, "/budget_line/counts".into()));

        let coverage = file
            .coverage
            .iter()
            .enumerate()
            .map(|(i, c)| Coverage {
                of: c.of.clone(),
                where_: compile(&c.where_, format!("/coverage/{i}/where")),
                field: c.field.clone(),
                period: c.period.clone(),
                message: c.message.clone(),
                hint: c.hint.clone(),
                severity: c.severity,
            })
            .collect();
        diags.extend(out.into_inner());
        Rules {
            steps,
            requirements,
            requires,
            assertions,
            budget_counts,
            budget_line_counts,
            coverage,
        }
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
    for (i, f) in wf.keep.iter().enumerate() {
        unknown(f, format!("/workflow/keep/{i}"));
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
        let t = load("types/leave.yaml", "leave", LEAVE, &expr::Evaluator::env()).unwrap();
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
        let errs = load("types/x.yaml", "x", text, &expr::Evaluator::env()).unwrap_err();
        assert_eq!(errs[0].code, codes::TYPE_SCHEMA_INVALID);
        assert_eq!((errs[0].line, errs[0].column), (4, 18));
    }

    #[test]
    fn unknown_state_in_transition_is_reported() {
        let text =
            "classification: public\nworkflow:\n  states: [a, b]\n  transitions:\n    a: [c]\n";
        let errs = load("types/x.yaml", "x", text, &expr::Evaluator::env()).unwrap_err();
        assert_eq!(errs[0].code, codes::TYPE_INVALID);
        assert_eq!((errs[0].line, errs[0].column), (5, 9));
    }

    #[test]
    fn typo_in_type_file_key_is_reported() {
        let errs = load(
            "types/x.yaml",
            "x",
            "classification: public\nfeilds: {}\n",
            &expr::Evaluator::env(),
        )
        .unwrap_err();
        assert_eq!(errs[0].code, codes::TYPE_INVALID);
        assert_eq!(errs[0].line, 2);
    }
}
