//! The one way the tests run git: a fixed author and committer, no system-wide settings, no
//! colour, and what it printed returned.

use std::path::{Path, PathBuf};
use std::process::Command;

/// git in a repository, being set up: `Git::new(dir).home(home).run(args)`.
pub struct Git {
    dir: PathBuf,
    home: Option<PathBuf>,
}

impl Git {
    pub fn new(dir: &Path) -> Git {
        Git {
            dir: dir.to_path_buf(),
            home: None,
        }
    }

    /// `home` as the home folder, so no setting of the machine's user is read.
    pub fn home(mut self, home: &Path) -> Git {
        self.home = Some(home.to_path_buf());
        self
    }

    /// Runs `git ARGS`; returns (success, stdout + stderr).
    pub fn run(&self, args: &[&str]) -> (bool, String) {
        let mut cmd = Command::new("git");
        cmd.args(args)
            .current_dir(&self.dir)
            .env("GIT_AUTHOR_NAME", "Test")
            .env("GIT_AUTHOR_EMAIL", "test@example.org")
            .env("GIT_COMMITTER_NAME", "Test")
            .env("GIT_COMMITTER_EMAIL", "test@example.org")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("NO_COLOR", "1");
        if let Some(home) = &self.home {
            cmd.env("HOME", home);
        }
        let out = cmd.output().expect("git is installed");
        (
            out.status.success(),
            format!(
                "{}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            ),
        )
    }

    /// Runs `git ARGS`, which must succeed; returns what it printed.
    #[track_caller]
    pub fn ok(&self, args: &[&str]) -> String {
        let (success, said) = self.run(args);
        assert!(success, "git {args:?} failed:\n{said}");
        said
    }
}

/// `git ARGS` in `dir`: (success, stdout + stderr).
pub fn run(dir: &Path, args: &[&str]) -> (bool, String) {
    Git::new(dir).run(args)
}

/// `git ARGS` in `dir`, which must succeed; returns what it printed.
#[track_caller]
pub fn ok(dir: &Path, args: &[&str]) -> String {
    Git::new(dir).ok(args)
}

/// The commit `HEAD` names in `dir`.
#[track_caller]
pub fn head(dir: &Path) -> String {
    ok(dir, &["rev-parse", "HEAD"]).trim().to_string()
}
