//! The gates: `check --staged` (what a commit will record, against HEAD) and `check --since REV`
//! (every commit of a push or merge request, each against its parent, in order).

use std::collections::{HashMap, HashSet};
use std::path::Path;

use git2::Repository as Git;

use super::{run, transitions, Options};
use crate::diag::Diagnostic;
use crate::git::{self, GitError, GitTree};
use crate::model::repo::{LoadError, Repository};
use crate::read::Snapshot;

/// What a gate found.
pub struct Outcome {
    pub diags: Vec<Diagnostic>,
    /// Records in the last snapshot checked.
    pub records: usize,
    /// File texts for showing findings: by commit (None: the index) and path.
    pub sources: HashMap<(Option<String>, String), String>,
    /// Encrypted records that could not be opened (no key).
    pub unreadable: usize,
    /// The commits that changed the rules, roles or keys, oldest first, with who approved them
    /// (for `clerk audit`).
    pub governed: Vec<Governed>,
}

/// One commit's changes to the rules, roles or keys, and the approvals they carry.
#[derive(Debug, Clone)]
pub struct Governed {
    /// The commit: its short id and subject.
    pub commit: String,
    pub changes: Vec<String>,
    pub approvals: Vec<String>,
    /// Errors about these changes (a break in the chain when not 0).
    pub errors: usize,
}

/// Why a gate could not run.
#[derive(Debug, thiserror::Error)]
pub enum GateError {
    #[error(transparent)]
    Git(#[from] GitError),
    #[error("git: {0}")]
    Git2(#[from] git2::Error),
    #[error("{0}")]
    Load(#[from] LoadError),
    #[error("{}", said("gate-no-commit", &[("rev", .0)]))]
    NoSuchRevision(String),
    #[error("{}", said("gate-not-ancestor", &[("rev", .0)]))]
    NotAnAncestor(String),
    #[error("{}", said("gate-root-mismatch", &[("found", found), ("pinned", pinned)]))]
    RootMismatch { pinned: String, found: String },
}

/// A gate error's words in the run's language.
fn said(id: &str, words: &[(&str, &String)]) -> String {
    let args: Vec<(&str, &dyn std::fmt::Display)> = words
        .iter()
        .map(|(k, v)| (*k, *v as &dyn std::fmt::Display))
        .collect();
    crate::i18n::t(id, &args)
}

/// Opens the git repository: as git's hooks see it when run from a hook (GIT_DIR,
/// GIT_INDEX_FILE), otherwise the repository around `dir`.
fn open(dir: &Path) -> Result<Git, GateError> {
    let from_hook =
        std::env::var_os("GIT_INDEX_FILE").is_some() || std::env::var_os("GIT_DIR").is_some();
    Ok(if from_hook {
        git::open()?
    } else {
        Git::discover(dir)?
    })
}

/// Checks one snapshot against the one before it.
fn check_step(
    old: &GitTree,
    new: &GitTree,
    options: &Options,
) -> Result<(Vec<Diagnostic>, Repository, super::governance::Report), GateError> {
    let mut clock = crate::diag::Stopwatch::new();
    let (repo, mut diags) = Repository::load_from(new)?;
    clock.lap("load");
    diags.extend(run(&repo, options));
    clock.lap("check");
    let changes = git::changes(old, new);
    diags.extend(super::encryption::edited_headers(old, new, &changes));
    // Attachments of the records the change touches, and of those whose files it touches.
    let others = git::config_changes(old, new, |p| !crate::read::is_record_name(p));
    let touched: std::collections::HashSet<&str> = changes
        .iter()
        .map(|c| match c {
            git::Change::Added(p) | git::Change::Modified(p) | git::Change::Deleted(p) => {
                p.as_str()
            }
        })
        .chain(others.iter().map(String::as_str))
        .collect();
    diags.extend(super::attachments::check_change(&repo, new, &touched));
    let today = (!old.is_empty()).then_some(options.today);
    // The rules in force: the parent's, when the change touches the configuration or a person
    // (their roles and keys); the first commit imports its rules as they are.
    let parent = if !old.is_empty() && touches_rules(old, new, &repo, &changes) {
        // Of the parent, what judges a change: its configuration and types, its people and
        // council meetings (where the new tree has them), and the files the change touches.
        let judges = [
            Some(repo.config.people_type.as_str()),
            repo.config
                .council
                .as_ref()
                .map(|c| c.meeting_type.as_str()),
        ];
        let mut keep: std::collections::HashSet<String> = repo
            .records
            .iter()
            .filter(|r| judges.contains(&r.type_name.as_deref()))
            .map(|r| r.path.clone())
            .collect();
        keep.extend(changes.iter().map(|c| match c {
            git::Change::Added(p) | git::Change::Modified(p) | git::Change::Deleted(p) => p.clone(),
        }));
        let rules = crate::read::Subset { inner: old, keep };
        // A parent whose configuration cannot be loaded has no rules to judge by: the change
        // that mends it is judged by its own (and the finding about the parent stands there).
        Repository::load_from(&rules).ok().map(|(r, _)| r)
    } else {
        None
    };
    clock.lap("rules in force");
    let in_force = transitions::InForce {
        rules: parent.as_ref().unwrap_or(&repo),
        changed: parent.is_some(),
        files: new,
    };
    diags.extend(transitions::check(old, &in_force, &repo, &changes, today));
    clock.lap("transitions");
    let mut governed = super::governance::Report::default();
    if let Some(today) = today {
        governed = super::governance::check(old, new, in_force.rules, &repo, &changes, today);
        diags.extend(governed.findings.iter().cloned());
        clock.lap("governance");
    }
    Ok((diags, repo, governed))
}

/// Whether a change touches what judges changes: `clerk.yaml`, a type file, or a person record
/// (added, removed or edited, in either version).
fn touches_rules(old: &GitTree, new: &GitTree, repo: &Repository, changes: &[git::Change]) -> bool {
    if git::config_changed(old, new, crate::model::config::is_config_file) {
        return true;
    }
    let people = repo.config.people_type.as_str();
    let limit = repo.config.limits.max_record_bytes;
    changes.iter().any(|c| {
        let path = match c {
            git::Change::Added(p) | git::Change::Modified(p) | git::Change::Deleted(p) => p,
        };
        let is_person_now = repo
            .records
            .iter()
            .any(|r| &r.path == path && r.type_name.as_deref() == Some(people));
        let was_person = || {
            old.load(path, limit)
                .ok()
                .and_then(|f| crate::model::record::Record::parse(0, &f).ok())
                .is_some_and(|r| r.type_name.as_deref() == Some(people))
        };
        is_person_now || (!matches!(c, git::Change::Added(_)) && was_person())
    })
}

fn keep_sources(
    repo: &Repository,
    diags: &[Diagnostic],
    commit: Option<&str>,
    out: &mut HashMap<(Option<String>, String), String>,
) {
    for d in diags {
        if let Some(text) = repo.source(&d.path) {
            out.entry((commit.map(str::to_string), d.path.clone()))
                .or_insert_with(|| text.to_string());
        }
    }
}

/// `check --staged`: the index — what `git commit` will record — with the rest of the
/// repository as context, and each staged change against HEAD.
pub fn staged(dir: &Path, options: &Options) -> Result<Outcome, GateError> {
    let mut clock = crate::diag::Stopwatch::new();
    let git = open(dir)?;
    let prefix = git::prefix(&git, dir)?;
    let new = GitTree::index(&git, &prefix)?;
    let old = match git.head().ok().and_then(|h| h.peel_to_commit().ok()) {
        Some(head) => GitTree::commit(&git, &head, &prefix)?,
        None => GitTree::empty(&git, &prefix)?, // the first commit
    };
    clock.lap("git index and HEAD");
    let (diags, repo, _) = check_step(&old, &new, options)?;
    let mut sources = HashMap::new();
    keep_sources(&repo, &diags, None, &mut sources);
    let outcome = Outcome {
        diags,
        records: repo.records.len(),
        sources,
        unreadable: repo.unreadable.len(),
        governed: Vec::new(),
    };
    // The hook's process ends with this check: freeing 10,000 parsed records one by one would
    // only add ~30 ms to every commit.
    std::mem::forget(repo);
    Ok(outcome)
}

/// `check --since REV`: every commit from REV (exclusive) to HEAD along the first parent,
/// oldest first, each against its parent; a finding is reported once, in the first commit
/// that has it. The last commit is the final tree, checked as a whole. With a pinned `root`
/// (or clerk.yaml's `governance.root`), a history that starts elsewhere is refused. Without
/// `rev` (a first push has no commit before it), every commit from the first.
pub fn since(
    dir: &Path,
    rev: Option<&str>,
    root: Option<&str>,
    options: &Options,
) -> Result<Outcome, GateError> {
    history(dir, rev, root, options)
}

/// `clerk audit`: every commit from the repository's first to HEAD, each against its parent's
/// rules, with the chain of governance ([`Outcome::governed`]).
pub fn audit(dir: &Path, root: Option<&str>, options: &Options) -> Result<Outcome, GateError> {
    history(dir, None, root, options)
}

fn history(
    dir: &Path,
    rev: Option<&str>,
    root: Option<&str>,
    options: &Options,
) -> Result<Outcome, GateError> {
    let git = open(dir)?;
    let prefix = git::prefix(&git, dir)?;
    let head = git.head()?.peel_to_commit()?;
    let chain = commits_after(&git, &head, rev)?;
    let mut seen: HashSet<(String, String, String)> = HashSet::new();
    let mut outcome = Outcome {
        diags: Vec::new(),
        records: 0,
        sources: HashMap::new(),
        unreadable: 0,
        governed: Vec::new(),
    };
    let mut pinned = root.map(str::to_string);
    let last = chain.len().saturating_sub(1);
    for (i, commit) in chain.iter().enumerate() {
        let new = GitTree::commit(&git, commit, &prefix)?;
        let old = match commit.parent(0) {
            Ok(p) => GitTree::commit(&git, &p, &prefix)?,
            Err(_) => GitTree::empty(&git, &prefix)?,
        };
        // A commit that touches nothing of the records repository has nothing new to check,
        // unless it is the final tree.
        if i != last
            && git::changes(&old, &new).is_empty()
            && !git::config_changed(&old, &new, crate::model::config::is_config_file)
        {
            continue;
        }
        let label = format!(
            "{} “{}”",
            &commit.id().to_string()[..7],
            commit.summary().ok().flatten().unwrap_or_default()
        );
        let (found, repo, report) = check_step(&old, &new, options)?;
        outcome.records = repo.records.len();
        outcome.unreadable = repo.unreadable.len();
        if i == last && pinned.is_none() {
            pinned = repo.config.governance.as_ref().and_then(|g| g.root.clone());
        }
        if !report.changes.is_empty() {
            outcome.governed.push(Governed {
                commit: label.clone(),
                errors: report
                    .findings
                    .iter()
                    .filter(|d| d.severity == crate::diag::Severity::Error)
                    .count(),
                changes: report.changes,
                approvals: report.approvals,
            });
        }
        let fresh: Vec<Diagnostic> = found
            .into_iter()
            .filter(|d| seen.insert((d.code.to_string(), d.path.clone(), d.message.clone())))
            .map(|mut d| {
                d.commit = Some(label.clone());
                d
            })
            .collect();
        keep_sources(&repo, &fresh, Some(&label), &mut outcome.sources);
        outcome.diags.extend(fresh);
    }
    if let Some(pinned) = pinned.filter(|p| !p.is_empty()) {
        check_root(head, pinned)?;
    }
    Ok(outcome)
}

/// The commits after `rev` (every commit, without it) up to `head` along the first parent,
/// oldest first. `rev` must be an ancestor of `head`.
fn commits_after<'g>(
    git: &'g Git,
    head: &git2::Commit<'g>,
    rev: Option<&str>,
) -> Result<Vec<git2::Commit<'g>>, GateError> {
    let stop = match rev {
        Some(rev) => {
            let base = git
                .revparse_single(rev)
                .and_then(|o| o.peel_to_commit())
                .map_err(|_| GateError::NoSuchRevision(rev.to_string()))?;
            // Only commits that follow REV are judged against REV's rules: a branch that does
            // not grow from it (an orphan, a rewritten history) would start from rules of its
            // own making.
            if base.id() != head.id() && !git.graph_descendant_of(head.id(), base.id())? {
                return Err(GateError::NotAnAncestor(rev.to_string()));
            }
            Some(base.id())
        }
        None => None,
    };
    let mut chain = Vec::new();
    let mut at = Some(head.clone());
    while let Some(c) = at {
        if Some(c.id()) == stop {
            break;
        }
        at = c.parent(0).ok();
        chain.push(c);
    }
    chain.reverse();
    Ok(chain)
}

/// The first commit of `head`'s history must be `pinned` (a full id, or its beginning).
fn check_root(head: git2::Commit, pinned: String) -> Result<(), GateError> {
    let mut first = head;
    while let Ok(parent) = first.parent(0) {
        first = parent;
    }
    let found = first.id().to_string();
    if found.starts_with(&pinned.to_lowercase()) {
        Ok(())
    } else {
        Err(GateError::RootMismatch { pinned, found })
    }
}
