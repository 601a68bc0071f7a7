//! Every integration test, in one binary: one link instead of one per file keeps `cargo test`
//! quicker and `target/` a fraction of the size. Each file here is a module; run one file's
//! tests with `cargo test --test integration site::`.

mod common;

mod authoring;
#[cfg(feature = "search")]
mod browser;
mod caches;
mod check;
mod ci_templates;
mod cli;
mod corpus;
#[cfg(feature = "serve")]
mod desk;
mod digest_props;
mod document;
mod due;
mod encryption;
mod feeds;
mod field_names;
mod fuzz;
mod gentle_start;
mod git;
mod home;
mod init;
mod labels;
mod layers;
mod messages;
mod registers;
mod reports;
mod rules;
#[cfg(feature = "serve")]
mod serve;
mod signatures;
mod site;
mod snapshots;
mod trust;
mod workflow_commands;
