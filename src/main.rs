//! The `clerk` command line.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use clerk::cmd;

/// Keeps an association secretariat's records as checked, signed Markdown files in git.
#[derive(Parser)]
#[command(name = "clerk", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check every record against the association's rules.
    ///
    /// Exit status: 0 clean (warnings allowed), 1 errors found, 2 could not run.
    ///
    /// Examples:
    ///   clerk check                      # the repository in this folder
    ///   clerk check records-example      # another folder
    ///   clerk check --format json        # findings for other programs
    #[command(verbatim_doc_comment)]
    Check {
        /// The records repository (default: this folder).
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// How to print findings.
        #[arg(long, value_enum, default_value = "text")]
        format: cmd::check::Format,
        /// Check date-dependent rules as of this date (YYYY-MM-DD) instead of today.
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        today: Option<String>,
    },
}

/// A `YYYY-MM-DD` date argument.
fn parse_date(s: &str) -> Result<String, String> {
    clerk::model::expr::parse_date(s)
        .map(|d| d.to_string())
        .ok_or_else(|| format!("`{s}` is not a date (YYYY-MM-DD)"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check { dir, format, today } => {
            let today = today.unwrap_or_else(|| chrono::Local::now().date_naive().to_string());
            cmd::check::run(&dir, format, &clerk::check::Options { today })
        }
    };
    match result {
        Ok(code) => ExitCode::from(code as u8),
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}
