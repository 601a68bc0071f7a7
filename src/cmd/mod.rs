//! Commands: each wires the stages together for one `clerk` subcommand.

pub mod check;
pub mod hooks;
pub mod keys;
pub mod record;
pub mod sign;
