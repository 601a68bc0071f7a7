//! Who files records of a type (`filers:`), and the cases to try: what the check that every filer
//! has someone to approve each step reads (a rule gap found before a record runs into it).

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::diag::Pos;
use crate::model::expr::Expr;

/// `filers:` as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct FilersFile {
    /// The field naming who files the record (`person`, `submitted_by`).
    pub(super) field: String,
    /// Which people file such records (`subject` is the person); default: everyone.
    #[serde(default)]
    pub(super) who: Option<String>,
    /// Records to try, each a map of field → expression (`subject` is the filer); default: one
    /// record with only the filer.
    #[serde(default)]
    pub(super) cases: Vec<BTreeMap<String, String>>,
}

/// `filers:`, compiled.
#[derive(Debug)]
pub struct Filers {
    pub field: String,
    pub who: Option<Expr>,
    pub cases: Vec<Case>,
}

/// One record to try: its fields' values, as expressions.
#[derive(Debug)]
pub struct Case {
    pub fields: Vec<(String, Expr)>,
    /// Where the case is written in the type file (`filers:` itself for the default case).
    pub pos: Pos,
}
