//! `clerk check`: load the repository, run every check, print findings.

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::time::Instant;

use codespan_reporting::term::termcolor::{ColorChoice, StandardStream, WriteColor};

use crate::check;
use crate::diag::{self, Diagnostic, Summary};
use crate::model::repo::{LoadError, Repository};

/// How findings are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Compiler-style text with the offending line.
    Text,
    /// One JSON document with every finding and a summary.
    Json,
}

/// Exit status: 0 clean (warnings allowed), 1 errors found, 2 could not run.
pub fn run(root: &Path, format: Format, options: &check::Options) -> anyhow::Result<i32> {
    let started = Instant::now();
    let (repo, mut diags) = match Repository::load(root) {
        Ok(loaded) => loaded,
        Err(LoadError::Config { diagnostic, text }) => {
            let source_of = |p: &str| (p == crate::model::config::FILE).then_some(text.as_str());
            print(format, &[*diagnostic], None, &source_of)?;
            if format == Format::Text {
                eprintln!("error: clerk.yaml is invalid, so nothing was checked");
            }
            return Ok(2);
        }
        Err(e) => {
            eprintln!("error: {e}");
            return Ok(2);
        }
    };
    diags.extend(check::run(&repo, options));
    diag::sort(&mut diags);
    let summary = Summary::new(repo.records.len(), &diags, started.elapsed().as_secs_f64());
    print(format, &diags, Some(&summary), &|p| repo.source(p))?;
    Ok(if summary.errors > 0 { 1 } else { 0 })
}

/// Prints findings, then the summary when there is one (there is none when nothing was checked).
fn print<'a>(
    format: Format,
    diags: &[Diagnostic],
    summary: Option<&Summary>,
    source_of: &dyn Fn(&str) -> Option<&'a str>,
) -> anyhow::Result<()> {
    match format {
        Format::Json => {
            let stdout = std::io::stdout();
            diag::render_json(&mut stdout.lock(), diags, summary)?;
        }
        Format::Text => {
            let color = if std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
            {
                ColorChoice::Auto
            } else {
                ColorChoice::Never
            };
            let mut out = StandardStream::stdout(color);
            diag::render_text(&mut out as &mut dyn WriteColor, diags, source_of)?;
            if let Some(summary) = summary {
                writeln!(out, "{summary}")?;
            }
        }
    }
    Ok(())
}
