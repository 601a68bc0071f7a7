//! Commands: each wires the stages together for one `clerk` subcommand.

pub mod advance;
pub mod args;
pub mod build;
pub mod check;
pub mod checked;
mod complete;
pub mod corpus;
pub mod crypt;
#[cfg(feature = "serve")]
pub mod desk;
pub mod diff;
pub mod due;
mod fill;
pub mod hooks;
pub mod inbox;
pub mod init;
pub mod issue;
pub mod keys;
pub mod new;
#[cfg(feature = "pdf")]
pub mod pdf;
pub mod read;
pub mod record;
pub mod register;
pub mod report;
pub mod schema;
#[cfg(feature = "serve")]
pub mod serve;
pub mod sign;
