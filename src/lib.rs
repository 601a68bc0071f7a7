//! clerk: an association secretariat's records as checked, signed Markdown in git.
//!
//! The modules form layers, each importing only from its own layer or below (ARCHITECTURE.md
//! draws them; `tests/layers.rs` keeps them so):
//!
//! 0. foundations: [`i18n`], [`diag`], [`text`], [`fsio`]
//! 1. files: [`parse`], [`crypt`], [`cache`], [`read`], [`edit`], [`history`], [`git`]
//! 2. [`model`]: configuration, record types (the association's rules, as data), records
//! 3. [`check`]: every finding about the records and about a change to them
//! 4. [`derive`]: registers, reports, the due list, charts, table export
//! 5. [`site`]: the archive website
//! 6. [`cmd`]: one module per `clerk` subcommand, wiring the layers together

// `Diagnostic` is the error of every parse and load step: returned rarely, moved once, and
// boxing it would only add noise at every call site.
#![allow(clippy::result_large_err)]

pub mod cache;
pub mod check;
pub mod cli;
pub mod cmd;
pub mod crypt;
pub mod date;
pub mod derive;
pub mod diag;
pub mod edit;
pub mod fsio;
#[doc(hidden)]
pub mod fuzz;
pub mod git;
pub mod history;
pub mod i18n;
pub mod model;
pub mod parse;
pub mod read;
pub mod site;
pub mod text;
