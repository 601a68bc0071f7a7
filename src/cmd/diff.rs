//! `clerk diff`: what changed in a record since an approval was signed — the version the
//! approval's digest names, found in the file's git history, against the file now.

use std::path::{Path, PathBuf};

use anyhow::{anyhow, bail};
use serde_json::Value;

use super::record;
use crate::derive::changes;
use crate::i18n::tv;
use crate::model::digest::{content_digest, content_digest_with_id};
use crate::model::record::Record;
use crate::model::repo::Repository;
use crate::model::types::TypeDef;
use crate::read::SourceFile;

/// An approval as written: its step, person, date and digest.
struct Signed {
    step: String,
    by: String,
    date: String,
    digest: String,
}

/// The version of a file an approval signed: its commit, the commit's date, and its text.
struct Version {
    commit: String,
    date: String,
    text: String,
}

pub fn run(file: &Path, step: Option<&str>, by: Option<&str>) -> anyhow::Result<i32> {
    let (repo, index) = record::open(file)?;
    for line in report(&repo, index, step, by)? {
        println!("{line}");
    }
    Ok(0)
}

/// What changed in record `index` since each chosen approval (of `step`, by `by`, when given),
/// as lines of text: what `clerk diff` prints and the desk shows.
pub fn report(
    repo: &Repository,
    index: usize,
    step: Option<&str>,
    by: Option<&str>,
) -> anyhow::Result<Vec<String>> {
    let rec = &repo.records[index];
    if repo.sealed(&rec.path).is_some() {
        bail!(
            "{}",
            crate::i18n::t("diff-encrypted", &[("path", &rec.path)])
        );
    }
    let def = repo.type_of(rec);
    let text = repo.text_of(rec);
    let now = content_digest(def, rec, text);
    let with_id = content_digest_with_id(def, rec, text);
    let chosen = chosen(rec, step, by)?;
    let stale: Vec<&Signed> = chosen
        .iter()
        .filter(|s| s.digest != now && Some(&s.digest) != with_id.as_ref())
        .collect();
    if stale.is_empty() {
        return Ok(vec![tv("diff-nothing", &[("path", rec.path.clone())])]);
    }
    let mut out = Vec::new();
    for signed in stale {
        let Some(version) = signed_version(repo, rec, def, &signed.digest)? else {
            out.push(tv(
                "diff-never-committed",
                &signed_words(repo, rec, def, signed),
            ));
            continue;
        };
        changes_since(repo, rec, def, signed, &version, &mut out)?;
    }
    Ok(out)
}

/// The approvals to compare: those of `step` and `by` when given, every one otherwise.
fn chosen(rec: &Record, step: Option<&str>, by: Option<&str>) -> anyhow::Result<Vec<Signed>> {
    let items = rec.fields.get("approvals").and_then(Value::as_array);
    let all: Vec<Signed> = items
        .into_iter()
        .flatten()
        .filter_map(|a| {
            let s = |k: &str| a.get(k).and_then(Value::as_str).map(str::to_string);
            Some(Signed {
                step: s("step")?,
                by: s("by")?,
                date: s("date").unwrap_or_default(),
                digest: s("digest")?,
            })
        })
        .collect();
    let picked: Vec<Signed> = all
        .into_iter()
        .filter(|s| step.is_none_or(|x| x == s.step) && by.is_none_or(|x| x == s.by))
        .collect();
    if picked.is_empty() {
        let which = match (step, by) {
            (Some(s), Some(b)) => format!("no signed `{s}` approval by {b}"),
            (Some(s), None) => format!("no signed `{s}` approval"),
            (None, Some(b)) => format!("no signed approval by {b}"),
            (None, None) => "no signed approvals".into(),
        };
        bail!("{} has {which}", rec.path);
    }
    Ok(picked)
}

/// The newest version of the record, in the history of HEAD, whose content digest is `digest`.
fn signed_version(
    repo: &Repository,
    rec: &Record,
    def: Option<&TypeDef>,
    digest: &str,
) -> anyhow::Result<Option<Version>> {
    let git = git2::Repository::discover(&repo.root).map_err(|_| {
        anyhow!(
            "{}",
            crate::i18n::t("diff-no-git", &[("path", &repo.root.display())])
        )
    })?;
    let prefix = crate::git::prefix(&git, &repo.root)?;
    let in_git = if prefix.is_empty() {
        rec.path.clone()
    } else {
        format!("{prefix}/{}", rec.path)
    };
    let mut walk = git.revwalk()?;
    if walk.push_head().is_err() {
        return Ok(None); // no commits yet
    }
    let mut seen = std::collections::HashSet::new();
    for oid in walk {
        let commit = git.find_commit(oid?)?;
        let Ok(entry) = commit.tree()?.get_path(Path::new(&in_git)) else {
            continue;
        };
        if !seen.insert(entry.id()) {
            continue;
        }
        let blob = git.find_blob(entry.id())?;
        let Ok(text) = std::str::from_utf8(blob.content()) else {
            continue;
        };
        let source = SourceFile {
            path: rec.path.clone(),
            text: text.to_string(),
            ..Default::default()
        };
        let Ok(old) = Record::parse(0, &source) else {
            continue;
        };
        let matches = content_digest(def, &old, text) == digest
            || content_digest_with_id(def, &old, text).as_deref() == Some(digest);
        if matches {
            let when = chrono::DateTime::from_timestamp(commit.time().seconds(), 0)
                .map(|t| t.date_naive().to_string())
                .unwrap_or_default();
            return Ok(Some(Version {
                commit: oid_short(&commit),
                date: when,
                text: text.to_string(),
            }));
        }
    }
    Ok(None)
}

fn oid_short(commit: &git2::Commit) -> String {
    commit.id().to_string().chars().take(8).collect()
}

fn changes_since(
    repo: &Repository,
    rec: &Record,
    def: Option<&TypeDef>,
    signed: &Signed,
    version: &Version,
    out: &mut Vec<String>,
) -> anyhow::Result<()> {
    let source = SourceFile {
        path: rec.path.clone(),
        text: version.text.clone(),
        ..Default::default()
    };
    let old = Record::parse(0, &source).map_err(|d| anyhow!("{}", d.message))?;
    let mut words = signed_words(repo, rec, def, signed);
    words.extend([
        ("commit", version.commit.to_string()),
        ("commit_date", version.date.to_string()),
    ]);
    out.push(tv("diff-since", &words));
    let mut skip: Vec<&str> = vec!["approvals", "id"];
    skip.extend(
        def.map(|d| d.managed.iter().map(String::as_str))
            .into_iter()
            .flatten(),
    );
    let fields = changes::fields(old.map(), rec.map(), &skip);
    if !fields.is_empty() {
        out.push(format!("  {}", tv("diff-fields", &[])));
    }
    for f in &fields {
        let field = def.map_or_else(|| f.field.clone(), |d| field_shown(d, &f.field));
        out.push(format!(
            "    {field}: {} → {}",
            shown(&f.before),
            shown(&f.after)
        ));
    }
    let body = changes::body(old.body(&version.text), rec.body(repo.text_of(rec)));
    if !body.is_empty() {
        out.push(format!("  {}", tv("diff-body", &[])));
    }
    for (line, text) in &body {
        out.push(format!("    {line:>4} │ {text}"));
    }
    if fields.is_empty() && body.is_empty() {
        out.push(format!("  {}", tv("diff-layout-only", &[])));
    }
    Ok(())
}

/// A value as a person reads it: text as written, others as compact YAML-like JSON, `(none)`.
fn shown(v: &Value) -> String {
    match v {
        Value::Null => "(none)".into(),
        Value::String(s) => format!("「{s}」"),
        other => serde_json::to_string(other).unwrap_or_default(),
    }
}

/// `clerk diff`'s arguments.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub identity: crate::cmd::args::Identity,
    /// The record file.
    pub file: PathBuf,
    /// Only the approval of this step.
    #[arg(long)]
    pub step: Option<String>,
    /// Only the approval by this person.
    #[arg(long)]
    pub by: Option<String>,
}

impl Args {
    pub fn run(self) -> anyhow::Result<i32> {
        run(&self.file, self.step.as_deref(), self.by.as_deref())
    }
}

/// The words of a message about `signed`, an approval of `rec`: ids, and the approver's name and
/// the step's label in the run's language.
fn signed_words(
    repo: &Repository,
    rec: &Record,
    def: Option<&TypeDef>,
    signed: &Signed,
) -> Vec<(&'static str, String)> {
    let say = crate::model::labels::Say::new(repo, def);
    vec![
        ("path", rec.path.clone()),
        ("by", signed.by.to_string()),
        ("by_name", say.person(&signed.by)),
        ("step", signed.step.to_string()),
        ("step_label", say.step(&signed.step)),
        ("date", signed.date.to_string()),
    ]
}

/// A field as `clerk diff` shows it: its name, with its title in Chinese (`kind（類別）`).
fn field_shown(def: &TypeDef, field: &str) -> String {
    let title = crate::model::labels::run_field_title(def, field);
    if title == field {
        return title;
    }
    tv(
        "diff-field",
        &[("field", field.to_string()), ("title", title)],
    )
}
