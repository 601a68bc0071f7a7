//! Commands: each wires the stages together for one `clerk` subcommand.

pub mod check;
