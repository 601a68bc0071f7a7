//! Commands: each wires the stages together for one `clerk` subcommand.

pub mod args;
pub mod build;
pub mod check;
pub mod corpus;
pub mod crypt;
pub mod due;
pub mod hooks;
pub mod issue;
pub mod keys;
pub mod new;
#[cfg(feature = "pdf")]
pub mod pdf;
pub mod record;
pub mod register;
pub mod report;
pub mod schema;
#[cfg(feature = "serve")]
pub mod serve;
pub mod sign;
