//! Helpers for integration tests: fixture repositories in temporary folders, and the real binary.

mod bin;
mod findings;
pub mod git;

use std::path::{Path, PathBuf};
use std::process::Command;

pub use bin::{clerk, Clerk, Outcome};
pub use findings::{assert_findings, Finding};

/// The date the fixtures are written for: date-dependent rules are checked as of it.
pub const TODAY: &str = "2026-11-26";

/// The folder of this crate.
pub fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The browser tooling (`tests/browser` with its node modules, and Debian's Chromium), or None
/// (and a note) where it is not installed; CI must have it.
#[cfg(any(feature = "search", feature = "serve"))]
pub fn browser_tools() -> Option<PathBuf> {
    let dir = crate_dir().join("tests/browser");
    let ready = dir.join("node_modules/playwright-core").is_dir()
        && Path::new("/usr/bin/chromium").exists();
    if !ready {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must install chromium and run `npm ci --prefix tests/browser`"
        );
        eprintln!("skipped: chromium or tests/browser/node_modules is missing");
        return None;
    }
    Some(dir)
}

/// Runs a browser script of `tests/browser` with `args`; what it printed, as JSON. A script
/// that fails fails the test with its error output.
#[cfg(any(feature = "search", feature = "serve"))]
pub fn node_json<I, A>(script: &Path, args: I) -> serde_json::Value
where
    I: IntoIterator<Item = A>,
    A: AsRef<std::ffi::OsStr>,
{
    let out = Command::new("node")
        .arg(script)
        .args(args)
        .output()
        .expect("node");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// A records repository in a temporary folder.
pub struct Repo {
    dir: tempfile::TempDir,
}

impl Repo {
    /// The shared base fixture with `tests/fixtures/<name>/` laid over it.
    pub fn fixture(name: &str) -> Repo {
        let repo = Repo::empty();
        let fixtures = crate_dir().join("tests/fixtures");
        copy_dir(&fixtures.join("_base"), repo.path());
        if name != "_base" {
            let overlay = fixtures.join(name);
            assert!(overlay.is_dir(), "no fixture {name}");
            copy_dir(&overlay, repo.path());
        }
        repo
    }

    /// A copy of `records-example/`, its example private keys readable by their owner only (git
    /// does not keep file modes, and ssh-keygen refuses keys others can read).
    pub fn example() -> Repo {
        let repo = Repo::empty();
        copy_dir(&crate_dir().join("records-example"), repo.path());
        #[cfg(unix)]
        for entry in std::fs::read_dir(repo.path().join(".example-keys")).unwrap() {
            use std::os::unix::fs::PermissionsExt;
            let path = entry.unwrap().path();
            if path.extension().is_none() {
                std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
            }
        }
        repo
    }

    /// A copy of the example as a git repository with clerk's hooks installed and one commit,
    /// which went through the hook (the first commit, with no HEAD yet).
    pub fn example_in_git() -> Repo {
        let repo = Repo::example();
        let dir = repo.path();
        git::ok(dir, &["init", "-q", "-b", "main"]);
        git::ok(dir, &["config", "commit.gpgsign", "false"]);
        clerk(&["hooks", "install"]).dir(dir).run().success();
        git::ok(dir, &["add", "-A"]);
        git::ok(dir, &["commit", "-q", "-m", "the archive"]);
        repo
    }

    /// A copy of `records-example/` with `tests/fixtures/example/<name>/` laid over it; a
    /// `DELETE` file there lists records to remove.
    pub fn example_with(name: &str) -> Repo {
        let repo = Repo::example();
        let overlay = crate_dir().join("tests/fixtures/example").join(name);
        assert!(overlay.is_dir(), "no fixture {name}");
        copy_dir(&overlay, repo.path());
        let deletions = repo.path().join("DELETE");
        if deletions.exists() {
            for rel in std::fs::read_to_string(&deletions).unwrap().lines() {
                std::fs::remove_file(repo.path().join(rel)).unwrap();
            }
            std::fs::remove_file(deletions).unwrap();
        }
        repo
    }

    /// A copy of a complete fixture repository in `tests/fixtures/<name>/`.
    pub fn standalone(name: &str) -> Repo {
        let repo = Repo::empty();
        copy_dir(&crate_dir().join("tests/fixtures").join(name), repo.path());
        repo
    }

    /// Replaces `from` by `to` in a file (which must contain it).
    pub fn edit(&self, rel: &str, from: &str, to: &str) {
        let text = self.read(rel);
        assert!(text.contains(from), "{rel} has no {from:?}");
        self.write(rel, text.replacen(from, to, 1));
    }

    /// An empty folder.
    pub fn empty() -> Repo {
        Repo {
            dir: tempfile::tempdir().expect("temporary folder"),
        }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Writes a file (creating folders).
    pub fn write(&self, rel: &str, content: impl AsRef<[u8]>) {
        let path = self.path().join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, content).unwrap();
    }

    /// Reads a file.
    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path().join(rel)).unwrap()
    }

    /// Runs `clerk check --format json` on this repository, as of the fixtures' date.
    pub fn check(&self) -> Outcome {
        clerk(&["check", "--format", "json", "--today", TODAY])
            .arg(self.path())
            .run_json()
    }

    /// Runs `clerk check` (text) on this repository, as of the fixtures' date.
    pub fn check_text(&self) -> Outcome {
        clerk(&["check", "--today", TODAY]).arg(self.path()).run()
    }
}

/// A folder with `clerk` in it, to put first on PATH for what runs clerk by name (a CI script, a
/// `language: system` hook): the binary under test, judging dates as of [`TODAY`].
pub fn clerk_on_path() -> tempfile::TempDir {
    let bin = tempfile::tempdir().unwrap();
    let script = bin.path().join("clerk");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\nexec '{}' \"$@\" --today {}\n",
            env!("CARGO_BIN_EXE_clerk"),
            TODAY
        ),
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    bin
}

/// Whether python3 can import these modules. Where it cannot, a test that needs them is skipped
/// with a note, except under CI, which must install them (`.ci/run`).
pub fn python_has(modules: &str) -> bool {
    let have = Command::new("python3")
        .args(["-c", &format!("import {modules}")])
        .status()
        .is_ok_and(|s| s.success());
    if !have {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must install {modules} (pip)"
        );
        eprintln!("skipped: python3 cannot import {modules} here");
    }
    have
}

/// Runs a Python script with arguments; asserts it succeeded and returns what it printed.
#[track_caller]
pub fn python(script: &str, args: &[&Path]) -> String {
    let out = Command::new("python3")
        .arg("-c")
        .arg(script)
        .args(args)
        .output()
        .expect("python3");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The names in a folder, sorted; none when it does not exist.
pub fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|d| {
            d.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

/// Copies a folder's contents into another, recursively.
pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from).min_depth(1) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::create_dir_all(target.parent().unwrap()).unwrap();
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}
