//! `clerk check`: load the repository (a folder, the git index, or each commit of a range),
//! run every check, print findings.

use std::collections::{HashMap, HashSet};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use codespan_reporting::term::termcolor::{ColorChoice, StandardStream, WriteColor};

use super::args::AsOf;
use crate::check::{self, gate};
use crate::diag::{self, Diagnostic, Summary};
use crate::git;
use crate::model::repo::{LoadError, Repository};

/// How findings are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Compiler-style text with the offending line.
    Text,
    /// One JSON document with every finding and a summary.
    Json,
    /// GitHub Actions annotations, then the summary.
    Github,
}

/// What to check.
#[derive(Debug, Clone)]
pub enum Scope {
    /// The folder as it is on disk.
    Folder,
    /// What `git commit` will record (the index), against HEAD.
    Staged,
    /// Every commit after this revision (from the first, without one), up to HEAD; the root the
    /// history must start from.
    Since(Option<String>, Option<String>),
    /// Every commit from the first, up to HEAD; the root it must be.
    Audit(Option<String>),
}

/// Exit status: 0 clean (warnings allowed), 1 errors found, 2 could not run.
pub fn run(
    root: &Path,
    scope: Scope,
    printing: &Printing,
    options: &check::Options,
) -> anyhow::Result<i32> {
    let format = printing.format;
    let started = Instant::now();
    let scope_kind = match scope {
        Scope::Audit(_) => ScopeKind::Audit,
        _ => ScopeKind::Other,
    };
    let loaded = match scope {
        Scope::Folder => Repository::load(root).map(|(repo, mut diags)| {
            diags.extend(check::run(&repo, options));
            diags.extend(check::attachments::check(&repo));
            let sources: HashMap<(Option<String>, String), String> = diags
                .iter()
                .filter_map(|d| Some(((None, d.path.clone()), repo.source(&d.path)?.to_string())))
                .collect();
            gate::Outcome {
                diags,
                records: repo.records.len(),
                sources,
                unreadable: repo.unreadable.len(),
                governed: Vec::new(),
            }
        }),
        Scope::Staged => gate::staged(root, options).map_err(unload),
        Scope::Since(rev, pin) => {
            gate::since(root, rev.as_deref(), pin.as_deref(), options).map_err(unload)
        }
        Scope::Audit(pin) => gate::audit(root, pin.as_deref(), options).map_err(unload),
    };
    let mut outcome = match loaded {
        Ok(outcome) => outcome,
        Err(LoadError::Config { diagnostic, text }) => {
            let source_of = |d: &Diagnostic| {
                (d.path == crate::model::config::FILE && !text.is_empty()).then_some(text.as_str())
            };
            print(format, root, &[*diagnostic], None, &source_of)?;
            eprintln!(
                "{}{}",
                crate::i18n::error_word(crate::i18n::lang()),
                crate::i18n::t("check-config-invalid", &[])
            );
            return Ok(2);
        }
        Err(e) => {
            eprintln!("{}{e}", crate::i18n::error_word(crate::i18n::lang()));
            return Ok(2);
        }
    };
    diag::sort(&mut outcome.diags);
    if let Some(only) = &printing.only {
        outcome.diags.retain(|d| only.contains(&d.path));
        outcome.records = only.len();
    }
    let summary = Summary::new(
        outcome.records,
        &outcome.diags,
        started.elapsed().as_secs_f64(),
    );
    let mut summary = summary;
    summary.encrypted_unread = outcome.unreadable;
    let sources = &outcome.sources;
    let source_of = |d: &Diagnostic| {
        sources
            .get(&(d.commit.clone(), d.path.clone()))
            .map(String::as_str)
    };
    if matches!(scope_kind, ScopeKind::Audit) && format == Format::Text {
        print_chain(&outcome.governed);
    }
    let diags = match format {
        Format::Json => outcome.diags.clone(),
        _ => shown(&outcome.diags, printing.verbosity),
    };
    print(format, root, &diags, Some(&summary), &source_of)?;
    if outcome.unreadable > 0 && format != Format::Json {
        eprintln!("{}", unreadable_note(outcome.unreadable));
    }
    Ok(if summary.errors > 0 { 1 } else { 0 })
}

/// Whether the run is an audit, which prints the chain of governance.
enum ScopeKind {
    Audit,
    Other,
}

/// The chain of governance: each commit that changed the rules, roles or keys, what it
/// changed, and who approved it with which key; a break is marked.
fn print_chain(governed: &[gate::Governed]) {
    use crate::i18n::t;
    println!("{}", t("chain-heading", &[("n", &governed.len())]));
    for g in governed {
        let mark = if g.errors == 0 { "ok" } else { "BROKEN" };
        println!("  {mark:6} {}", g.commit);
        for change in &g.changes {
            println!("           {}", t("chain-changes", &[("change", change)]));
        }
        for approval in &g.approvals {
            println!(
                "           {}",
                t("chain-approved", &[("approval", approval)])
            );
        }
        if g.approvals.is_empty() {
            println!("           {}", t("chain-unapproved", &[]));
        }
    }
    println!();
}

/// A gate that could not run, as the load error `run` reports (exit 2).
fn unload(e: gate::GateError) -> LoadError {
    match e {
        gate::GateError::Load(l) => l,
        other => LoadError::Other(other.to_string()),
    }
}

/// Prints findings, then the summary when there is one (there is none when nothing was checked).
fn print<'a>(
    format: Format,
    root: &Path,
    diags: &[Diagnostic],
    summary: Option<&Summary>,
    source_of: &dyn Fn(&Diagnostic) -> Option<&'a str>,
) -> anyhow::Result<()> {
    match format {
        Format::Json => {
            let stdout = std::io::stdout();
            diag::render_json(&mut stdout.lock(), diags, summary)?;
        }
        Format::Github => {
            let stdout = std::io::stdout();
            let mut out = stdout.lock();
            let prefix = if root == Path::new(".") {
                String::new()
            } else {
                crate::read::relative(Path::new(""), root)
            };
            diag::render_github(&mut out, diags, &prefix)?;
            if let Some(summary) = summary {
                writeln!(out, "{summary}")?;
            }
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

/// What clerk says about encrypted records it could not open.
pub fn unreadable_note(count: usize) -> String {
    crate::i18n::t("note-unreadable", &[("n", &count)])
}

/// How much `clerk check` prints as text (JSON always holds every finding).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Verbosity {
    /// Errors only.
    Quiet,
    /// Every error; warnings of one code beyond a few as one finding with a count.
    #[default]
    Normal,
    /// Every finding.
    Verbose,
}

/// Warnings of one code shown one by one before they are counted instead.
const GROUP_AFTER: usize = 3;

/// The findings to print as text: `--quiet` keeps errors; by default, warnings of one code
/// (a coverage gap per person, say) beyond a few become one finding with a count.
fn shown(diags: &[Diagnostic], verbosity: Verbosity) -> Vec<Diagnostic> {
    let warning = |d: &Diagnostic| d.severity != diag::Severity::Error;
    let mut per_code: HashMap<String, usize> = HashMap::new();
    for d in diags.iter().filter(|d| warning(d)) {
        *per_code.entry(d.code.to_string()).or_default() += 1;
    }
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut out = Vec::new();
    for d in diags {
        if !warning(d) || verbosity == Verbosity::Verbose {
            out.push(d.clone());
            continue;
        }
        if verbosity == Verbosity::Quiet {
            continue;
        }
        let code = d.code.to_string();
        let total = per_code[&code];
        let n = seen.entry(code.clone()).or_default();
        *n += 1;
        if total <= GROUP_AFTER {
            out.push(d.clone());
        } else if *n == 1 {
            let mut first = d.clone();
            first.message.push(' ');
            first.message.push_str(&crate::i18n::t(
                "grouped",
                &[("n", &(total - 1)), ("code", &code)],
            ));
            out.push(first);
        }
    }
    out
}

/// `clerk check`'s arguments.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub identity: crate::cmd::args::Identity,
    /// The records repository [default: the one the current folder is in], or record files:
    /// then only the findings at those files are shown (cross-record checks included).
    #[arg(value_name = "DIR_OR_FILES")]
    pub paths: Vec<PathBuf>,
    /// Show errors only.
    #[arg(short, long, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Show every warning, where several of one kind are otherwise counted in one.
    #[arg(short, long)]
    pub verbose: bool,
    /// Check the staged versions (the git index) and each staged change against HEAD.
    #[arg(long, conflicts_with = "since")]
    pub staged: bool,
    /// Check every commit after REV up to HEAD, each against its parent (first parent on merges).
    #[arg(long, value_name = "REV")]
    pub since: Option<String>,
    /// With --since: the commit the repository's history must start from [default: clerk.yaml's
    /// `governance.root`, if set].
    #[arg(long, value_name = "COMMIT", requires = "since")]
    pub root: Option<String>,
    /// How to print findings.
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,
    #[command(flatten)]
    pub as_of: AsOf,
}

impl Args {
    pub fn run(self) -> anyhow::Result<i32> {
        let (dir, files) = targets(&self.paths)?;
        let scope = match (self.staged, self.since) {
            (true, _) => Scope::Staged,
            (false, Some(rev)) => Scope::Since(base(rev), self.root),
            (false, None) => Scope::Folder,
        };
        if files.is_some() && !matches!(scope, Scope::Folder) {
            anyhow::bail!(crate::i18n::t("check-files-and-scope", &[]));
        }
        let options = check::Options {
            today: self.as_of.day(),
        };
        let print = Printing {
            format: self.format,
            verbosity: match (self.quiet, self.verbose) {
                (true, _) => Verbosity::Quiet,
                (_, true) => Verbosity::Verbose,
                _ => Verbosity::Normal,
            },
            only: files,
        };
        run(&dir, scope, &print, &options)
    }
}

/// What `clerk check` was given: a repository (the nearest one up from the current folder when
/// nothing is given), or record files — then their repository and their relative paths.
fn targets(paths: &[PathBuf]) -> anyhow::Result<(PathBuf, Option<HashSet<String>>)> {
    match paths {
        [] => Ok((super::record::repository_dir(Path::new(".")), None)),
        [dir] if !dir.is_file() => Ok((super::record::repository_dir(dir), None)),
        files => {
            let real = |p: &Path| {
                p.canonicalize()
                    .map_err(|e| anyhow::anyhow!("`{}`: {e}", p.display()))
            };
            let root = real(&super::record::find_root(&real(&files[0])?)?)?;
            let mut rels = HashSet::new();
            for file in files {
                if !file.is_file() {
                    let path = file.display();
                    anyhow::bail!(crate::i18n::t("check-not-a-file", &[("path", &path)]));
                }
                let abs = real(file)?;
                if real(&super::record::find_root(&abs)?)? != root {
                    let words = [
                        ("path", file.display().to_string()),
                        ("root", root.display().to_string()),
                    ];
                    anyhow::bail!(crate::i18n::tv("check-other-repository", &words));
                }
                rels.insert(crate::read::relative(&root, &abs));
            }
            Ok((root, Some(rels)))
        }
    }
}

/// How `clerk check` prints: the format, how much, and for which files only.
pub struct Printing {
    pub format: Format,
    pub verbosity: Verbosity,
    pub only: Option<HashSet<String>>,
}

/// `--since`'s revision; none for git's null revision (all zeros), which CI gives for a first
/// push or a new branch: then every commit is checked, from the first.
fn base(rev: String) -> Option<String> {
    if !git::is_null_revision(&rev) {
        return Some(rev);
    }
    eprintln!(
        "{}",
        crate::i18n::t("check-null-revision", &[("rev", &rev)])
    );
    None
}

/// `clerk audit`'s arguments.
#[derive(clap::Args, Debug)]
pub struct AuditArgs {
    #[command(flatten)]
    pub identity: crate::cmd::args::Identity,
    /// The records repository.
    #[arg(default_value = ".")]
    pub dir: PathBuf,
    /// The commit the history must start from [default: clerk.yaml's `governance.root`, if set].
    #[arg(long, value_name = "COMMIT")]
    pub root: Option<String>,
    /// How to print findings.
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,
    #[command(flatten)]
    pub as_of: AsOf,
}

impl AuditArgs {
    pub fn run(self) -> anyhow::Result<i32> {
        let options = check::Options {
            today: self.as_of.day(),
        };
        let dir = crate::cmd::record::repository_dir(&self.dir);
        let print = Printing {
            format: self.format,
            verbosity: Verbosity::Normal,
            only: None,
        };
        run(&dir, Scope::Audit(self.root), &print, &options)
    }
}
