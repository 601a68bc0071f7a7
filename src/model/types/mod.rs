//! Record types (`types/*.yaml`): each type's fields, workflow and references, as data.
//!
//! Nothing here knows what a leave request or an expense is; it only knows how to read a
//! type file (`file`) and turn it into a schema (`schema`), a workflow (`workflow`) and
//! compiled rules (`rules`, `compile`).

mod classified;
mod compile;
mod file;
mod filers;
mod layout;
mod rules;
mod schema;
mod workflow;

use std::collections::{BTreeMap, BTreeSet};

use serde::Deserialize;
use serde_json::Value;

use super::expr::Expr;
use super::refs::RefRule;
use crate::diag::{codes, Diagnostic};

pub use file::{Circulation, NewDefault, NewRecord, Returns, Versions};
pub use filers::{Case, Filers};
pub use layout::{Layout, LayoutKind, Panels, Signer};
pub use rules::{
    ApprovalRule, ApprovalStep, Assertion, BudgetDef, BudgetLineUse, CouncilRule, Coverage, Period,
    PeriodKind, Requirement, RuleSeverity, Unique,
};
pub use workflow::Workflow;

pub use super::levels::{Classification, Levels};

/// What to do with a front-matter key the type does not declare.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum UnknownFields {
    #[default]
    Error,
    Warning,
    Allow,
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
    /// The lowest classification its records may have (a lower one counts as this one unless
    /// the record is declassified by the `declassified_by` step).
    pub lowest_classification: Option<Classification>,
    /// The approval step that declassifies a record below `lowest_classification`.
    pub declassified_by: Option<String>,
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
    pub(super) requires: BTreeMap<String, Vec<usize>>,
    pub rules: Vec<Assertion>,
    pub unique: Vec<Unique>,
    pub budget: Option<BudgetDef>,
    pub budget_counts: Option<Expr>,
    pub budget_line: Option<BudgetLineUse>,
    pub budget_line_counts: Option<Expr>,
    pub coverage: Vec<Coverage>,
    /// Who files records of this type, and the cases each must find an approver for.
    pub filers: Option<Filers>,
    pub registers: Vec<super::registers::Register>,
    pub due: Vec<super::registers::Due>,
    pub new: NewRecord,
    /// Where records list who has read them (傳閱), if they do.
    pub circulation: Option<Circulation>,
    /// Where records keep why they were sent back (退回), if they do.
    pub returns: Option<Returns>,
    /// Which fields chain its records' versions, if they have versions.
    pub versions: Option<Versions>,
    /// How its records are laid out on paper, when they are documents, minutes or policies.
    pub layout: Option<Layout>,
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
    /// The field holding a record's number (文號): the one its `layout:` prints, else the one
    /// a numbering sequence fills; none for a type that numbers nothing.
    pub fn number_field(&self) -> Option<&str> {
        if let Some(layout) = &self.layout {
            return Some(&layout.number);
        }
        self.unique
            .iter()
            .find(|u| u.sequence.is_some())
            .map(|u| u.field.as_str())
    }

    /// A record's number, by `number_field`.
    pub fn number_of<'r>(&self, r: &'r super::record::Record) -> Option<&'r str> {
        r.str_field(self.number_field()?)
    }

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

/// Loads one type file under the default classification levels.
#[cfg(test)]
pub fn load(
    path: &str,
    stem: &str,
    text: &str,
    env: &cel::Env,
) -> Result<TypeDef, Vec<Diagnostic>> {
    load_with(path, stem, text, env, &Levels::default())
}

/// Loads one type file. `stem` is the file name without extension; `env` compiles expressions;
/// `levels` are the classification levels its `classification`s must name.
pub fn load_with(
    path: &str,
    stem: &str,
    text: &str,
    env: &cel::Env,
    levels: &Levels,
) -> Result<TypeDef, Vec<Diagnostic>> {
    let (file, _raw): (file::TypeFile, Value) =
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
        workflow::check_workflow(wf, path, &at, &mut diags);
    }

    let classified = classified::resolve(&file, levels, path, &at, &mut diags);
    let (schema, properties, validator) = schema::merge(
        file.fields.clone(),
        file.workflow.as_ref(),
        &levels.ids(),
        path,
        &at,
        &mut diags,
    );
    let refs = compile_refs(&file.refs, path, &at, &mut diags);
    let rules = compile::Rules::compile(&file, path, &at, env, &properties, &mut diags);
    let declared = super::registers::Declared {
        type_name: &name,
        path,
        env,
        at: &at,
        properties: &properties,
    };
    let (registers, due) = compile_registers(&file, &declared, &mut diags);

    match (validator, classified, diags.is_empty()) {
        (Some(validator), Some(classified), true) => Ok(type_def(
            name,
            path,
            file,
            Compiled {
                schema,
                validator,
                properties,
                refs,
                rules,
                registers,
                due,
                classified,
            },
        )),
        _ => Err(diags),
    }
}

/// What a type file compiles into, besides what it states as it is.
struct Compiled {
    schema: Value,
    validator: jsonschema::Validator,
    properties: BTreeSet<String>,
    refs: Vec<RefRule>,
    rules: compile::Rules,
    registers: Vec<super::registers::Register>,
    due: Vec<super::registers::Due>,
    classified: classified::Classified,
}

/// The type's registers and due lists, each compiled; one that does not compile is reported.
fn compile_registers(
    file: &file::TypeFile,
    declared: &super::registers::Declared,
    diags: &mut Vec<Diagnostic>,
) -> (Vec<super::registers::Register>, Vec<super::registers::Due>) {
    let registers = file
        .registers
        .iter()
        .enumerate()
        .filter_map(|(i, r)| super::registers::Register::compile(r, i, declared, diags))
        .collect();
    let due = file
        .due
        .iter()
        .enumerate()
        .filter_map(|(i, d)| super::registers::Due::compile(d, i, declared, diags))
        .collect();
    (registers, due)
}

/// The type named `name`, from its file at `path` and what that compiled into.
fn type_def(name: String, path: &str, file: file::TypeFile, compiled: Compiled) -> TypeDef {
    let Compiled {
        schema,
        validator,
        properties,
        refs,
        rules,
        registers,
        due,
        classified,
    } = compiled;
    TypeDef {
        name,
        path: path.to_string(),
        label: file.label,
        folder: file.folder,
        classification: classified.default,
        lowest_classification: classified.lowest,
        declassified_by: file.declassified_by.clone(),
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
        filers: rules.filers,
        registers,
        due,
        new: file.new.clone(),
        circulation: file.circulation,
        returns: file.returns,
        versions: file.versions,
        layout: file.layout,
    }
}

/// The type's `refs:`, each parsed into a rule.
fn compile_refs(
    written: &BTreeMap<String, String>,
    path: &str,
    at: &dyn Fn(&str, bool) -> crate::diag::Pos,
    diags: &mut Vec<Diagnostic>,
) -> Vec<RefRule> {
    let mut refs = Vec::new();
    for (field, target) in written {
        match RefRule::parse(field, target) {
            Ok(rule) => refs.push(rule),
            Err(message) => diags.push(
                Diagnostic::new(
                    codes::TYPE_INVALID,
                    path,
                    at(
                        &format!("/refs/{}", crate::parse::yaml::escape_pointer(field)),
                        false,
                    ),
                    message,
                )
                .hint(crate::i18n::t("refs-invalid-hint", &[])),
            ),
        }
    }
    refs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::expr;
    use serde_json::json;

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
