//! clerk: an association secretariat's records as checked, signed Markdown in git.
//!
//! The pipeline, one module per stage: [`read`] (files) → [`parse`] (front matter, YAML) →
//! [`model`] (configuration, types, records) → [`check`] (diagnostics, [`diag`]).
//! Commands in [`cmd`] only wire stages together.

// `Diagnostic` is the error of every parse and load step: returned rarely, moved once, and
// boxing it would only add noise at every call site.
#![allow(clippy::result_large_err)]

pub mod check;
pub mod cmd;
pub mod derive;
pub mod diag;
pub mod edit;
#[doc(hidden)]
pub mod fuzz;
pub mod git;
pub mod history;
pub mod model;
pub mod parse;
pub mod read;
pub mod site;
