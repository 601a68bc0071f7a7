//! Where clerk keeps its caches: `.git/clerk/NAME` in the git repository holding the records.
//!
//! Every cache is an optimisation only: a missing, stale or unreadable cache file is rebuilt,
//! never trusted. Each cache names its own format version inside the file.

use std::path::{Path, PathBuf};

use git2::Repository;

/// Where clerk keeps the cache `name` for the records at `root`: `.git/clerk/NAME` in the git
/// repository holding them. `None` outside git, or when `CLERK_NO_CACHE` is set (then nothing
/// is read or written).
pub fn path(root: &Path, name: &str) -> Option<PathBuf> {
    if std::env::var_os("CLERK_NO_CACHE").is_some_and(|v| !v.is_empty()) {
        return None;
    }
    let git = Repository::discover(root).ok()?;
    Some(git.path().join("clerk").join(name))
}
