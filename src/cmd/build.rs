//! `clerk build`: check the repository, then render the archive site for an audience.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::args::{AsOf, Audience};
use crate::check;
use crate::diag::Severity;
use crate::model::repo::Repository;
use crate::site;

/// Builds the site of the repository at `dir`.
pub fn run(
    dir: &Path,
    out: Option<PathBuf>,
    audience: &Audience,
    include: site::Include,
    today: NaiveDate,
) -> anyhow::Result<i32> {
    let allow_errors = include.errors;
    let started = std::time::Instant::now();
    let mut clock = crate::diag::Stopwatch::new();
    // The history of each record (when the repository is in git) is read on its own thread
    // while the records are loaded and checked: it needs neither.
    let (loaded, history) = std::thread::scope(|scope| {
        let history = scope.spawn(|| history(dir));
        let loaded = load_and_check(dir, today, &mut clock);
        (loaded, history.join().unwrap_or_default())
    });
    let (repo, findings) = loaded?;
    let audience = audience.resolve(&repo.config.classifications)?;
    let errors = findings
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    if errors > 0 {
        let words = [
            ("n", errors.to_string()),
            ("dir", dir.display().to_string()),
        ];
        eprintln!("{}", crate::i18n::tv("build-errors", &words));
        if !allow_errors {
            eprintln!(
                "{}{}",
                crate::i18n::error_word(crate::i18n::lang()),
                crate::i18n::t("build-refused", &[])
            );
            return Ok(1);
        }
    }
    clock.lap("history (read beside the check)");
    let out = out.unwrap_or_else(|| dir.join("public"));
    let options = site::Options {
        out: out.clone(),
        audience,
        allow_errors,
        search: include.search,
        today,
        pdf: include.pdf,
    };
    let report = site::build(&repo, &findings, &history, &options)?;
    warn(dir, &report.warnings);
    if !repo.unreadable.is_empty() {
        eprintln!("{}", super::check::unreadable_note(repo.unreadable.len()));
    }
    let lang = crate::i18n::lang();
    let words = [
        (
            "level",
            repo.config.classifications.id(audience).to_string(),
        ),
        (
            "level_label",
            crate::i18n::script(repo.config.classifications.label(audience, lang.tag())),
        ),
        ("records", report.records.to_string()),
        ("hidden", report.hidden.to_string()),
        ("out", out.display().to_string()),
        ("pages", report.pages.to_string()),
        ("files", report.files.to_string()),
        ("seconds", format!("{:.2}", started.elapsed().as_secs_f64())),
    ];
    println!("{}", crate::i18n::tv("built", &words));
    Ok(0)
}

/// Prints what the build found missing for its output, at its place in `clerk.yaml`.
fn warn(dir: &Path, warnings: &[(crate::diag::Diagnostic, &str)]) {
    use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};
    if warnings.is_empty() {
        return;
    }
    let text = std::fs::read_to_string(dir.join(crate::model::config::FILE)).unwrap_or_default();
    let placed: Vec<crate::diag::Diagnostic> = warnings
        .iter()
        .map(|(d, pointer)| {
            let mut d = d.clone();
            if !text.is_empty() {
                let at = crate::model::locate(&text, pointer, true);
                (d.line, d.column, d.width) = (at.line, at.column, at.width);
            }
            d
        })
        .collect();
    let mut err = StandardStream::stderr(ColorChoice::Never);
    let source_of = |_: &crate::diag::Diagnostic| (!text.is_empty()).then_some(text.as_str());
    let _ = crate::diag::render_text(&mut err, &placed, &source_of);
}

/// The repository and what `clerk check` finds in it.
fn load_and_check(
    dir: &Path,
    today: NaiveDate,
    clock: &mut crate::diag::Stopwatch,
) -> anyhow::Result<(Repository, Vec<crate::diag::Diagnostic>)> {
    let (repo, mut findings) = super::record::open_repository(dir)?;
    clock.lap("load");
    findings.extend(check::run(&repo, &check::Options { today }));
    findings.extend(check::attachments::check(&repo));
    clock.lap("check");
    Ok((repo, findings))
}

/// Every record's changes by path, or nothing when `dir` is not in a git repository.
pub fn history(dir: &Path) -> HashMap<String, Vec<crate::history::Change>> {
    let Ok(git) = git2::Repository::discover(dir) else {
        return HashMap::new();
    };
    match crate::git::prefix(&git, dir) {
        Ok(prefix) => crate::history::collect(&git, &prefix).unwrap_or_default(),
        Err(_) => HashMap::new(),
    }
}

/// `clerk build`'s arguments.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub identity: crate::cmd::args::Identity,
    /// The records repository.
    #[arg(default_value = ".")]
    pub dir: PathBuf,
    /// The output folder [default: DIR/public].
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Who the site is for: only records classified at this level (an id of clerk.yaml's
    /// `classifications`) or below appear [default: the lowest, `public`].
    #[arg(long, value_name = "LEVEL", add = crate::cmd::complete::audiences())]
    pub audience: Option<String>,
    /// Build even when records have errors, marking them.
    #[arg(long)]
    pub allow_errors: bool,
    /// Leave out the search index (the search page then says search is unavailable):
    /// a faster build, e.g. to check the pages of a large archive.
    #[arg(long)]
    pub no_search: bool,
    /// Leave out the PDFs of issued documents (typeset with the GB/T 9704 layout beside each
    /// document's page, when clerk is built with the `pdf` feature).
    #[arg(long)]
    pub no_pdf: bool,
    #[command(flatten)]
    pub as_of: AsOf,
}

impl Args {
    pub fn run(self) -> anyhow::Result<i32> {
        let include = site::Include {
            errors: self.allow_errors,
            search: !self.no_search && cfg!(feature = "search"),
            pdf: !self.no_pdf && cfg!(feature = "pdf"),
        };
        run(
            &crate::cmd::record::repository_dir(&self.dir),
            self.output,
            &Audience::or(self.audience, Audience::Lowest),
            include,
            self.as_of.day(),
        )
    }
}
