//! `clerk hooks install`: git hooks that run `clerk check --staged` before every commit and
//! every merge commit.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context};

use crate::git;
use crate::i18n::t;

/// Marks a hook clerk wrote, so that reinstalling replaces it and a foreign hook is never lost.
const MARKER: &str = "installed by clerk";

/// The hooks clerk installs.
const HOOKS: &[&str] = &["pre-commit", "pre-merge-commit"];

/// Writes the hooks into the git repository around `dir`; returns the files written.
pub fn install(dir: &Path, force: bool) -> anyhow::Result<Vec<PathBuf>> {
    let repo = git2::Repository::discover(dir)
        .with_context(|| t("hooks-no-git", &[("path", &dir.display())]))?;
    let workdir = repo
        .workdir()
        .context(t("hooks-no-work-tree", &[]))?
        .to_path_buf();
    let hooks = match repo
        .config()
        .ok()
        .and_then(|c| c.get_path("core.hooksPath").ok())
    {
        Some(p) if p.is_absolute() => p,
        Some(p) => workdir.join(p),
        None => repo.path().join("hooks"),
    };
    let prefix = git::prefix(&repo, dir)?;
    let exe = std::env::current_exe().context(t("hooks-no-exe", &[]))?;
    let records = if prefix.is_empty() {
        ".".to_string()
    } else {
        prefix
    };
    let script = format!(
        "#!/bin/sh\n\
         # {MARKER}: checks what is about to be committed against the association's rules.\n\
         # `git commit --no-verify` skips it once; CI runs `clerk check --since` all the same.\n\
         clerk='{}'\n\
         [ -x \"$clerk\" ] || clerk=clerk\n\
         exec \"$clerk\" check --staged '{}'\n",
        exe.display().to_string().replace('\'', "'\\''"),
        records.replace('\'', "'\\''"),
    );
    std::fs::create_dir_all(&hooks)
        .with_context(|| t("cannot-create", &[("path", &hooks.display())]))?;
    let foreign: Vec<String> = HOOKS
        .iter()
        .map(|h| hooks.join(h))
        .filter(|p| p.exists() && !std::fs::read_to_string(p).is_ok_and(|t| t.contains(MARKER)))
        .map(|p| p.display().to_string())
        .collect();
    if !foreign.is_empty() && !force {
        let id = if foreign.len() == 1 {
            "hooks-foreign-one"
        } else {
            "hooks-foreign-many"
        };
        bail!(crate::i18n::t(id, &[("hooks", &foreign.join(", "))]));
    }
    let mut written = Vec::new();
    for hook in HOOKS {
        let path = hooks.join(hook);
        crate::fsio::write_atomic(&path, &script)
            .with_context(|| t("cannot-write-path", &[("path", &path.display())]))?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755))?;
        }
        written.push(path);
    }
    Ok(written)
}

/// `clerk hooks`: git hooks.
#[derive(clap::Subcommand, Debug)]
pub enum Command {
    /// Install pre-commit and pre-merge-commit hooks that run `clerk check --staged`.
    ///
    /// A hook that clerk did not write is never overwritten without --force.
    ///
    /// Example:
    ///   clerk hooks install records-example
    #[command(verbatim_doc_comment)]
    Install {
        /// The records repository.
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// Replace hooks that clerk did not write.
        #[arg(long)]
        force: bool,
    },
}

impl Command {
    pub fn run(self) -> anyhow::Result<i32> {
        match self {
            Command::Install { dir, force } => {
                for path in install(&crate::cmd::record::repository_dir(&dir), force)? {
                    let path = path.display();
                    println!("{}", crate::i18n::t("hooks-installed", &[("path", &path)]));
                }
                Ok(0)
            }
        }
    }
}
