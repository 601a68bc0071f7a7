//! Read stage from git: what a commit will record (the index) and what commits recorded, as
//! snapshots of a records repository; and the changes between two of them.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use git2::{Oid, Repository};

use crate::diag::{codes, Diagnostic, Pos};
use crate::read::{self, Discovery, Snapshot, SourceFile};

/// A file in a git tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Entry {
    Blob(Oid),
    Link,
    /// An unresolved merge conflict (index stages 1–3).
    Conflict,
}

/// The records repository as a git tree records it: a commit's tree, or the index.
pub struct GitTree {
    workdir: PathBuf,
    files: BTreeMap<String, Entry>,
    /// Blobs are read on demand; git2 handles are not shared across threads, hence the lock.
    repo: Mutex<Repository>,
}

/// What went wrong reading git.
#[derive(Debug, thiserror::Error)]
pub enum GitError {
    #[error("{0}")]
    Git(#[from] git2::Error),
    #[error("`{0}` is not inside the git work tree")]
    OutsideWorkTree(PathBuf),
    #[error("the repository has no work tree (is it bare?)")]
    Bare,
}

/// Opens the git repository the way git's own hooks see it: honouring GIT_DIR, GIT_INDEX_FILE
/// and friends, so that `git commit -a` and `git commit PATH` (which stage into a temporary
/// index) are checked as they will be committed.
pub fn open() -> Result<Repository, GitError> {
    Ok(Repository::open_from_env()?)
}

/// Whether `rev` is git's null revision: only zeros (at least 7), which CI systems give as the
/// commit before a push that has none (a first push, a new branch).
pub fn is_null_revision(rev: &str) -> bool {
    rev.len() >= 7 && rev.bytes().all(|b| b == b'0')
}

/// The records folder `dir` as a path inside the work tree (`""` for the top).
pub fn prefix(repo: &Repository, dir: &Path) -> Result<String, GitError> {
    let workdir = repo.workdir().ok_or(GitError::Bare)?;
    let workdir = workdir
        .canonicalize()
        .unwrap_or_else(|_| workdir.to_path_buf());
    let dir = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
    let rel = dir
        .strip_prefix(&workdir)
        .map_err(|_| GitError::OutsideWorkTree(dir.clone()))?;
    Ok(read::relative(Path::new(""), rel))
}

impl GitTree {
    /// The bytes of the file `rel`, as they are in this tree.
    pub fn bytes(&self, rel: &str) -> Option<Vec<u8>> {
        let Some(Entry::Blob(oid)) = self.files.get(rel) else {
            return None;
        };
        let repo = self.repo.lock().ok()?;
        let blob = repo.find_blob(*oid).ok()?;
        Some(blob.content().to_vec())
    }

    fn new(
        repo: &Repository,
        prefix: &str,
        entries: impl Iterator<Item = (String, Entry)>,
    ) -> Result<GitTree, GitError> {
        let workdir = repo.workdir().ok_or(GitError::Bare)?;
        let root = workdir.join(prefix);
        let strip = if prefix.is_empty() {
            String::new()
        } else {
            format!("{prefix}/")
        };
        let mut files = BTreeMap::new();
        for (path, entry) in entries {
            if let Some(rel) = path.strip_prefix(&strip) {
                // A conflict is recorded once, whatever its stages.
                files
                    .entry(rel.to_string())
                    .and_modify(|e| {
                        if entry == Entry::Conflict {
                            *e = Entry::Conflict;
                        }
                    })
                    .or_insert(entry);
            }
        }
        Ok(GitTree {
            workdir: root,
            files,
            repo: Mutex::new(Repository::open(repo.path())?),
        })
    }

    /// The index: what `git commit` will record.
    pub fn index(repo: &Repository, prefix: &str) -> Result<GitTree, GitError> {
        let index = repo.index()?;
        let entries = index.iter().filter_map(|e| {
            let path = String::from_utf8(e.path).ok()?;
            let stage = (e.flags >> 12) & 0x3;
            let entry = if stage > 0 {
                Entry::Conflict
            } else if e.mode == 0o120000 {
                Entry::Link
            } else if e.mode == 0o160000 {
                return None; // a submodule
            } else {
                Entry::Blob(e.id)
            };
            Some((path, entry))
        });
        let entries: Vec<_> = entries.collect();
        GitTree::new(repo, prefix, entries.into_iter())
    }

    /// A commit's tree.
    pub fn commit(
        repo: &Repository,
        commit: &git2::Commit,
        prefix: &str,
    ) -> Result<GitTree, GitError> {
        let tree = commit.tree()?;
        let mut entries = Vec::new();
        tree.walk(git2::TreeWalkMode::PreOrder, |dir, e| {
            if let (Ok(name), Some(git2::ObjectType::Blob)) = (e.name(), e.kind()) {
                let entry = if e.filemode() == 0o120000 {
                    Entry::Link
                } else {
                    Entry::Blob(e.id())
                };
                entries.push((format!("{dir}{name}"), entry));
            }
            git2::TreeWalkResult::Ok
        })?;
        GitTree::new(repo, prefix, entries.into_iter())
    }

    /// An empty tree (before the first commit).
    pub fn empty(repo: &Repository, prefix: &str) -> Result<GitTree, GitError> {
        GitTree::new(repo, prefix, std::iter::empty())
    }

    /// Whether the tree has no files (before the first commit).
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// The blob id of a file, to tell whether it changed.
    fn id(&self, rel: &str) -> Option<Entry> {
        self.files.get(rel).copied()
    }
}

impl Snapshot for GitTree {
    fn exists(&self, rel: &str) -> bool {
        matches!(self.files.get(rel), Some(Entry::Blob(_)))
    }

    fn load(&self, rel: &str, limit: u64) -> Result<SourceFile, Diagnostic> {
        let unreadable = |m: String| Diagnostic::new(codes::UNREADABLE, rel, Pos::FILE, m);
        let Some(Entry::Blob(oid)) = self.files.get(rel) else {
            return Err(unreadable(crate::i18n::t("git-not-a-file", &[])));
        };
        let bytes = {
            let repo = self
                .repo
                .lock()
                .map_err(|_| unreadable(crate::i18n::t("git-reader-failed", &[])))?;
            let blob = repo.find_blob(*oid).map_err(|e| {
                unreadable(crate::i18n::t(
                    "git-cannot-read",
                    &[("error", &e.message())],
                ))
            })?;
            if blob.size() as u64 > limit {
                return Err(read::too_large(rel, limit));
            }
            blob.content().to_vec()
        };
        let mut file = read::decode(rel, bytes, limit)?;
        file.content_id = oid.as_bytes().try_into().ok();
        Ok(file)
    }

    fn bytes(&self, rel: &str) -> Option<Vec<u8>> {
        GitTree::bytes(self, rel)
    }

    fn content_id(&self, rel: &str) -> Option<[u8; 20]> {
        match self.files.get(rel) {
            Some(Entry::Blob(oid)) => oid.as_bytes().try_into().ok(),
            _ => None,
        }
    }

    fn list(&self, dir: &str) -> Vec<String> {
        let start = format!("{dir}/");
        self.files
            .range(start.clone()..)
            .take_while(|(p, _)| p.starts_with(&start))
            .filter(|(p, e)| !p[start.len()..].contains('/') && matches!(e, Entry::Blob(_)))
            .map(|(p, _)| p.clone())
            .collect()
    }

    fn records(&self, discovery: &Discovery) -> (Vec<String>, Vec<Diagnostic>) {
        let mut files = Vec::new();
        let mut diags = Vec::new();
        // A committed site clerk built is output, not records.
        let sites: Vec<&str> = self
            .files
            .keys()
            .filter_map(|p| p.strip_suffix(&format!("/{}", read::SITE_MARKER)))
            .collect();
        for (path, entry) in &self.files {
            if !discovery.wants(path) || sites.iter().any(|s| path.starts_with(&format!("{s}/"))) {
                continue;
            }
            match entry {
                Entry::Blob(_) => files.push(path.clone()),
                Entry::Link => diags.push(
                    Diagnostic::new(
                        codes::SYMLINK_OUTSIDE,
                        path,
                        Pos::FILE,
                        crate::i18n::t("git-symlink", &[]),
                    )
                    .hint(crate::i18n::t("git-symlink-hint", &[])),
                ),
                Entry::Conflict => diags.push(
                    Diagnostic::new(
                        codes::MERGE_CONFLICT,
                        path,
                        Pos::FILE,
                        crate::i18n::t("merge-conflict", &[]),
                    )
                    .hint(crate::i18n::t("merge-conflict-hint", &[])),
                ),
            }
        }
        (files, diags)
    }

    fn root(&self) -> &Path {
        &self.workdir
    }
}

/// How a record file differs between two trees.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    Added(String),
    Modified(String),
    Deleted(String),
}

/// The Markdown files that differ between `old` and `new`.
pub fn changes(old: &GitTree, new: &GitTree) -> Vec<Change> {
    let mut out = Vec::new();
    for (path, entry) in &new.files {
        if !read::is_record_name(path) {
            continue;
        }
        match old.id(path) {
            None => out.push(Change::Added(path.clone())),
            Some(e) if e != *entry => out.push(Change::Modified(path.clone())),
            Some(_) => {}
        }
    }
    for path in old.files.keys() {
        if read::is_record_name(path) && !new.files.contains_key(path) {
            out.push(Change::Deleted(path.clone()));
        }
    }
    out
}

/// Whether any file for which `is_config` holds differs between the two trees.
pub fn config_changed(old: &GitTree, new: &GitTree, is_config: impl Fn(&str) -> bool) -> bool {
    !config_changes(old, new, is_config).is_empty()
}

/// The files for which `is_config` holds that were added, changed or removed, in path order.
pub fn config_changes(
    old: &GitTree,
    new: &GitTree,
    is_config: impl Fn(&str) -> bool,
) -> Vec<String> {
    let mut out: Vec<String> = new
        .files
        .iter()
        .filter(|(p, e)| is_config(p) && old.id(p) != Some(**e))
        .map(|(p, _)| p.clone())
        .collect();
    out.extend(
        old.files
            .keys()
            .filter(|p| is_config(p) && !new.files.contains_key(*p))
            .cloned(),
    );
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    use super::is_null_revision;

    #[test]
    fn null_revisions_are_only_zeros() {
        assert!(is_null_revision("0000000000000000000000000000000000000000"));
        assert!(is_null_revision("0000000"));
        assert!(!is_null_revision("000000"), "too short to be a commit id");
        assert!(!is_null_revision("0000000a"));
        assert!(!is_null_revision("HEAD~0"));
    }
}
