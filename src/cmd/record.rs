//! Finding the repository and the record a command was given.

use std::path::{Path, PathBuf};

use anyhow::{anyhow, bail, Context};

use std::io::IsTerminal;

use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};

use crate::diag::{Diagnostic, Severity};
use crate::model::config;
use crate::model::repo::{LoadError, Repository};
use crate::read::relative;

/// The records repository that holds `file`: the nearest folder above it with a clerk.yaml.
pub fn find_root(file: &Path) -> anyhow::Result<PathBuf> {
    let abs = std::path::absolute(file)
        .with_context(|| crate::i18n::t("io-resolve", &[("path", &file.display())]))?;
    let mut dir = abs.parent();
    while let Some(d) = dir {
        if d.join(config::FILE).is_file() {
            return Ok(d.to_path_buf());
        }
        dir = d.parent();
    }
    bail!(crate::i18n::t(
        "not-in-repository",
        &[("path", &file.display())]
    ))
}

/// The records repository a command was pointed at: `dir` when it holds a clerk.yaml, else the
/// nearest folder above it that does (as git finds its repository from any folder inside it);
/// `dir` as given when none does (loading it then says there is no clerk.yaml).
pub fn repository_dir(dir: &Path) -> PathBuf {
    // A folder that does not exist (a typo) is no folder inside the repository: loading it
    // says so, rather than checking the repository around it.
    if dir.join(config::FILE).is_file() || !dir.exists() {
        return dir.to_path_buf();
    }
    std::path::absolute(dir)
        .ok()
        .and_then(|abs| {
            abs.ancestors()
                .skip(1)
                .find(|d| d.join(config::FILE).is_file())
                .map(Path::to_path_buf)
        })
        .unwrap_or_else(|| dir.to_path_buf())
}

/// Loads the records repository at `dir` for a command, with the findings of the load.
///
/// A `clerk.yaml` that cannot be read is printed as `clerk check` prints it — the file, the
/// line, the offending text and the reason — and the command stops.
pub fn open_repository(dir: &Path) -> anyhow::Result<(Repository, Vec<Diagnostic>)> {
    Repository::load(dir).map_err(load_error)
}

/// A repository that could not be loaded, as a command's error: a broken `clerk.yaml` is first
/// printed in full on standard error.
pub fn load_error(e: LoadError) -> anyhow::Error {
    match e {
        LoadError::Config { diagnostic, text } => {
            let color = if std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none()
            {
                ColorChoice::Auto
            } else {
                ColorChoice::Never
            };
            let mut err = StandardStream::stderr(color);
            let source_of = |d: &Diagnostic| {
                (d.path == config::FILE && !text.is_empty()).then_some(text.as_str())
            };
            let _ = crate::diag::render_text(&mut err, &[*diagnostic], &source_of);
            anyhow!(crate::i18n::t(
                "config-invalid-nothing-done",
                &[("file", &config::FILE)]
            ))
        }
        other => anyhow!("{other}"),
    }
}

/// Loads the repository around `file`; returns it and the record's index.
pub fn open(file: &Path) -> anyhow::Result<(Repository, usize)> {
    if !file.is_file() {
        bail!(crate::i18n::t("not-a-file", &[("path", &file.display())]));
    }
    let root = find_root(file)?;
    let (repo, diags) = open_repository(&root)?;
    let abs = std::path::absolute(file)?;
    let index = checked_record(&repo, &diags, &relative(&root, &abs))?;
    Ok((repo, index))
}

/// The index of the record at `rel` (relative to the repository) when the load found no error
/// in it; otherwise why it cannot be used (its first error, or that it is no record).
pub fn checked_record(repo: &Repository, diags: &[Diagnostic], rel: &str) -> anyhow::Result<usize> {
    if let Some(d) = diags
        .iter()
        .find(|d| d.path == rel && d.severity == Severity::Error)
    {
        let words = [
            ("path", rel.to_string()),
            ("line", d.line.to_string()),
            ("message", d.message.clone()),
            ("code", d.code.to_string()),
        ];
        bail!(crate::i18n::tv("fix-first", &words));
    }
    repo.records
        .iter()
        .position(|r| r.path == rel)
        .ok_or_else(|| anyhow!(crate::i18n::t("not-a-record", &[("path", &rel)])))
}

/// The type of record `index`, or why there is none (its type has no type file).
pub fn type_of(repo: &Repository, index: usize) -> anyhow::Result<&crate::model::types::TypeDef> {
    let rec = &repo.records[index];
    repo.type_of(rec).ok_or_else(|| {
        let kind = rec.type_name.as_deref().unwrap_or("?");
        anyhow!(crate::i18n::t(
            "issue-unknown-type",
            &[("path", &rec.path), ("type", &kind)]
        ))
    })
}

/// Who is acting: `--by`, or the CLERK_PERSON environment variable.
/// Who is running clerk: `CLERK_PERSON` when it names a person, else the person whose key
/// in people/ is this machine's `~/.ssh/id_ed25519.pub` (or `id_rsa.pub`).
pub fn me(repo: &Repository) -> Option<String> {
    if let Some(p) = std::env::var("CLERK_PERSON")
        .ok()
        .filter(|p| repo.person(p).is_some())
    {
        return Some(p);
    }
    let home = PathBuf::from(std::env::var_os("HOME")?);
    let (keys, _) = crate::model::keys::Keyring::load(repo);
    ["id_ed25519.pub", "id_rsa.pub"].iter().find_map(|name| {
        let text = std::fs::read_to_string(home.join(".ssh").join(name)).ok()?;
        let key = ssh_key::PublicKey::from_openssh(text.trim()).ok()?;
        keys.owner(key.key_data()).map(str::to_string)
    })
}

pub fn person(by: Option<String>) -> anyhow::Result<String> {
    by.or_else(|| std::env::var("CLERK_PERSON").ok().filter(|s| !s.is_empty()))
        .ok_or_else(|| anyhow!(crate::i18n::t("who-approves", &[])))
}
