//! A type file as written: the serde shapes of `types/*.yaml` before compilation.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::Value;

use super::rules::{BudgetDef, BudgetLineUse, Period, RuleSeverity, Unique};
use super::workflow::Workflow;
use super::UnknownFields;
use crate::model::defaults as d;

/// A type file as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct TypeFile {
    #[serde(default)]
    pub(super) name: Option<String>,
    /// Display names by locale (`zh-Hant`, `zh-Hans`, `en`).
    #[serde(default)]
    pub(super) label: BTreeMap<String, String>,
    /// The folder where `clerk new` puts records of this type.
    #[serde(default)]
    pub(super) folder: Option<String>,
    /// A level id of clerk.yaml's `classifications`, resolved when the type loads.
    pub(super) classification: String,
    /// The lowest classification a record of this type may have (rules §6.1: member
    /// information, finance data): a lower one counts as this one unless declassified.
    #[serde(default)]
    pub(super) lowest_classification: Option<String>,
    /// The approval step that declassifies a record below `lowest_classification`.
    #[serde(default)]
    pub(super) declassified_by: Option<String>,
    /// Retention period code: `Y` (permanent), `D30`, `D10`.
    #[serde(default)]
    pub(super) retention: Option<String>,
    #[serde(default)]
    pub(super) unknown_fields: UnknownFields,
    /// JSON Schema (written in YAML) of the type's own front-matter fields.
    #[serde(default)]
    pub(super) fields: Option<Value>,
    /// References: field path → target (`person`, `meeting#resolutions`, `@departments`).
    #[serde(default)]
    pub(super) refs: BTreeMap<String, String>,
    /// Fields the workflow manages (left out of the approval digest).
    #[serde(default)]
    pub(super) managed: Vec<String>,
    /// Fields that never change once set (a document number, a certificate number).
    #[serde(default)]
    pub(super) immutable: Vec<String>,
    #[serde(default)]
    pub(super) workflow: Option<Workflow>,
    /// Approval steps and who may give them.
    #[serde(default)]
    pub(super) approvals: BTreeMap<String, StepFile>,
    /// Rules over a record's own fields.
    #[serde(default)]
    pub(super) rules: Vec<AssertFile>,
    #[serde(default)]
    pub(super) unique: Vec<Unique>,
    #[serde(default)]
    pub(super) budget: Option<BudgetDef>,
    #[serde(default)]
    pub(super) budget_line: Option<BudgetLineUse>,
    #[serde(default)]
    pub(super) coverage: Vec<CoverageFile>,
    /// Who files records of this type, and the cases each must find an approver for.
    #[serde(default)]
    pub(super) filers: Option<super::filers::FilersFile>,
    /// Registers (登記簿) over records of this type.
    #[serde(default)]
    pub(super) registers: Vec<crate::model::registers::RegisterFile>,
    /// What falls due in records of this type (deadlines, returns, inventories, …).
    #[serde(default)]
    pub(super) due: Vec<crate::model::registers::DueFile>,
    /// How `clerk new` names and starts a record of this type.
    #[serde(default)]
    pub(super) new: NewRecord,
    /// Where a record of this type lists who has read it (傳閱), for `clerk read`.
    #[serde(default)]
    pub(super) circulation: Option<Circulation>,
    /// Where a record of this type keeps why it was sent back (退回), for `clerk advance
    /// --comment` and the approval desk.
    #[serde(default)]
    pub(super) returns: Option<Returns>,
    /// Which fields chain a record's versions (a policy and the one replacing it).
    #[serde(default)]
    pub(super) versions: Option<Versions>,
    /// The paper layout (公文, 紀要, 制度) and which field fills each of its elements.
    #[serde(default)]
    pub(super) layout: Option<super::layout::Layout>,
}

/// The list of a record's readers (傳閱): its field, and each entry's person and date fields.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Circulation {
    /// The list field (`circulation`).
    #[serde(default = "circulation")]
    pub field: String,
    /// The field of an entry naming the reader (`person`).
    #[serde(default = "circulation_person")]
    pub person: String,
    /// The field of an entry with the date it was read (`read_on`).
    #[serde(default = "read_on")]
    pub date: String,
}

/// The list of times a record was sent back (退回): its field, and each entry's person, date and
/// comment fields.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Returns {
    /// The list field (`returns`).
    #[serde(default = "returns")]
    pub field: String,
    /// The field of an entry naming who sent it back (`person`).
    #[serde(default = "returns_person")]
    pub person: String,
    /// The field of an entry with the day it was sent back (`date`).
    #[serde(default = "returns_date")]
    pub date: String,
    /// The field of an entry with why (`comment`).
    #[serde(default = "returns_comment")]
    pub comment: String,
}

/// The fields that chain a record's versions (修訂): the record it replaces, the one replacing
/// it, and its version, which the site shows as the chain on each version's page.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Versions {
    #[serde(default = "supersedes")]
    pub supersedes: String,
    #[serde(default = "superseded_by")]
    pub superseded_by: String,
    #[serde(default = "version")]
    pub version: String,
}

fn circulation() -> String {
    d::owned(d::CIRCULATION)
}
fn circulation_person() -> String {
    d::owned(d::CIRCULATION_PERSON)
}
fn read_on() -> String {
    d::owned(d::READ_ON)
}
fn returns() -> String {
    d::owned(d::RETURNS)
}
fn returns_person() -> String {
    d::owned(d::RETURNS_PERSON)
}
fn returns_date() -> String {
    d::owned(d::RETURNS_DATE)
}
fn returns_comment() -> String {
    d::owned(d::RETURNS_COMMENT)
}
fn supersedes() -> String {
    d::owned(d::SUPERSEDES)
}
fn superseded_by() -> String {
    d::owned(d::SUPERSEDED_BY)
}
fn version() -> String {
    d::owned(d::VERSION)
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
    /// What a date field starts with, by field (default: the day the record is made).
    #[serde(default)]
    pub defaults: std::collections::BTreeMap<String, NewDefault>,
}

/// A date field's starting value in a new record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NewDefault {
    /// The day the record is made.
    Today,
    /// The first working day after it (a leave's start, say).
    NextWorkingDay,
}

impl Default for NewRecord {
    fn default() -> Self {
        NewRecord {
            name: default_new_name(),
            body: String::new(),
            defaults: std::collections::BTreeMap::new(),
        }
    }
}

fn default_new_name() -> String {
    "{year}-{type}-{seq}".into()
}

/// A state's requirements as written: one entry, or a list of entries each with its own
/// `when:` (an expense over 100,000 also needs the secretary-general's approval).
#[derive(Debug, Clone)]
pub(super) struct Requirements(pub(super) Vec<RequirementFile>);

impl<'de> Deserialize<'de> for Requirements {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let one = |v: Value| serde_json::from_value(v).map_err(serde::de::Error::custom);
        match Value::deserialize(d)? {
            Value::Array(items) => items
                .into_iter()
                .map(one)
                .collect::<Result<_, _>>()
                .map(Requirements),
            v => Ok(Requirements(vec![one(v)?])),
        }
    }
}

/// One requirement entry as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RequirementFile {
    /// Applies only to records for which this is true.
    #[serde(default)]
    pub(super) when: Option<String>,
    #[serde(default)]
    pub(super) fields: Vec<String>,
    #[serde(default)]
    pub(super) approvals: Vec<String>,
    #[serde(default)]
    pub(super) council: Option<CouncilFile>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct CouncilFile {
    pub(super) field: String,
    #[serde(default)]
    pub(super) when: Option<String>,
    #[serde(default)]
    pub(super) before: Option<String>,
    /// A quorum and majority of its own (a major expense may need two-thirds).
    #[serde(default)]
    pub(super) quorum: Option<crate::model::share::Share>,
    #[serde(default)]
    pub(super) majority: Option<crate::model::share::Share>,
}

/// An approval step as written: who may give it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct StepFile {
    #[serde(default)]
    pub(super) label: BTreeMap<String, String>,
    pub(super) by: Vec<RuleFile>,
    #[serde(default)]
    pub(super) not_by: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RuleFile {
    pub(super) role: String,
    #[serde(default)]
    pub(super) scope: Option<String>,
    /// Instead of holders of `role`: the people (ids, an expression) who may give it, writing
    /// `role` in their approval.
    #[serde(default)]
    pub(super) person: Option<String>,
    #[serde(default)]
    pub(super) when: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct AssertFile {
    pub(super) assert: String,
    #[serde(default)]
    pub(super) when: Option<String>,
    #[serde(default)]
    pub(super) field: Option<String>,
    pub(super) message: crate::i18n::Written,
    #[serde(default)]
    pub(super) hint: Option<crate::i18n::Written>,
    #[serde(default)]
    pub(super) severity: RuleSeverity,
}

/// Every record of another type that matches `where` must be named by a record of this type.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct CoverageFile {
    /// The type whose records each need one; none: the association needs one per period.
    #[serde(default)]
    pub(super) of: Option<String>,
    #[serde(default, rename = "where")]
    pub(super) where_: Option<String>,
    #[serde(default)]
    pub(super) field: Option<String>,
    #[serde(default)]
    pub(super) period: Option<Period>,
    pub(super) message: crate::i18n::Written,
    #[serde(default)]
    pub(super) hint: Option<crate::i18n::Written>,
    #[serde(default)]
    pub(super) severity: RuleSeverity,
}
