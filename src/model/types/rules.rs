//! A type's rules, compiled: approval steps, state requirements, assertions, uniqueness,
//! budgets and coverage.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::model::expr::Expr;

/// How serious a rule's violation is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RuleSeverity {
    #[default]
    Error,
    Warning,
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
    pub(super) counts: Option<String>,
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
    pub(super) counts: Option<String>,
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
    /// The records it applies to (default: all).
    pub when: Option<Expr>,
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
    /// This requirement's own quorum and majority (default: the council's in clerk.yaml).
    pub quorum: Option<crate::model::share::Share>,
    pub majority: Option<crate::model::share::Share>,
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
    /// The people who may give the step under this rule, whatever roles they hold (e.g. a
    /// person approving a change to their own keys); `role` names the capacity they write.
    pub person: Option<Expr>,
}

/// A rule over one record's fields.
#[derive(Debug)]
pub struct Assertion {
    pub assert: Expr,
    pub when: Option<Expr>,
    pub field: Option<String>,
    /// What staff read when it does not hold, in their language ([`crate::i18n::Written`]).
    pub message: crate::i18n::Written,
    pub hint: Option<crate::i18n::Written>,
    pub severity: RuleSeverity,
    /// Where the rule is written in the type file.
    pub pos: crate::diag::Pos,
}

/// Coverage, compiled.
#[derive(Debug)]
pub struct Coverage {
    /// The type whose records each need one (none: one per period, for the association).
    pub of: Option<String>,
    pub where_: Option<Expr>,
    pub field: String,
    pub period: Option<Period>,
    /// What staff read when it does not hold, in their language ([`crate::i18n::Written`]).
    pub message: crate::i18n::Written,
    pub hint: Option<crate::i18n::Written>,
    pub severity: RuleSeverity,
    /// Where the rule is written in the type file.
    pub pos: crate::diag::Pos,
}
