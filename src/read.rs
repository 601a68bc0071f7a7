//! Read stage: find the records repository's Markdown files and load their text safely.
//!
//! A user's file is untrusted input: size, encoding and symbolic links are checked here,
//! and every problem becomes a diagnostic rather than an error that stops the run.

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};
use walkdir::WalkDir;

use crate::diag::{codes, Diagnostic, Pos};

/// The file that marks a folder as a site clerk built.
pub const SITE_MARKER: &str = ".clerk-site";

/// A file's text as clerk read it, with its path relative to the repository root.
#[derive(Debug, Clone, Default)]
pub struct SourceFile {
    /// Relative path with `/` separators, as shown in diagnostics.
    pub path: String,
    pub text: String,
    /// For an encrypted record (`*.md.age`): the recipient tags of its header.
    pub sealed: Option<Vec<String>>,
    /// For an encrypted record: the plain envelope of its header, if it has one.
    pub envelope: Option<crate::crypt::Envelope>,
    /// The git blob id of the file's bytes, when it was read from git.
    pub content_id: Option<[u8; 20]>,
}

/// Which files under the root are records.
pub struct Discovery {
    /// Folder names (at any depth) that are never scanned, besides hidden ones.
    pub skip: Vec<String>,
    /// Globs of Markdown files that are not records (matched against the relative path).
    pub ignore: GlobSet,
}

impl Discovery {
    /// Builds the matcher; a bad glob is returned as `(pattern, message)`.
    pub fn new(skip: &[String], ignore: &[String]) -> Result<Self, (String, String)> {
        let mut builder = GlobSetBuilder::new();
        for pattern in ignore {
            let glob = Glob::new(pattern).map_err(|e| (pattern.clone(), e.kind().to_string()))?;
            builder.add(glob);
        }
        let ignore = builder
            .build()
            .map_err(|e| (String::new(), e.kind().to_string()))?;
        Ok(Discovery {
            skip: skip.to_vec(),
            ignore,
        })
    }

    /// Whether a relative path is a record file: not in a skipped or hidden folder, not ignored.
    pub fn wants(&self, rel: &str) -> bool {
        let mut parts: Vec<&str> = rel.split('/').collect();
        parts.pop();
        is_record_name(rel)
            && !self.ignore.is_match(rel)
            && !parts
                .iter()
                .any(|p| p.starts_with('.') || self.skip.iter().any(|s| s == p))
    }

    /// The record files under `root` (relative paths, sorted), and findings about links.
    pub fn find(&self, root: &Path) -> (Vec<String>, Vec<Diagnostic>) {
        let mut files = Vec::new();
        let mut diags = Vec::new();
        let canonical_root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
        let walker = WalkDir::new(root)
            .follow_links(false)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| {
                if e.depth() == 0 || !e.file_type().is_dir() {
                    return true;
                }
                let name = e.file_name().to_string_lossy();
                // A site clerk built (marked by `.clerk-site`) is output, not records.
                !name.starts_with('.')
                    && !self.skip.iter().any(|s| s == name.as_ref())
                    && !e.path().join(SITE_MARKER).exists()
            });
        for entry in walker {
            let entry = match entry {
                Ok(e) => e,
                Err(err) => {
                    let path = err
                        .path()
                        .map(|p| relative(root, p))
                        .unwrap_or_else(|| ".".into());
                    diags.push(
                        Diagnostic::new(
                            codes::UNREADABLE,
                            path,
                            Pos::FILE,
                            crate::i18n::t("cannot-read-folder", &[("error", &err)]),
                        )
                        .hint(crate::i18n::t("cannot-read-folder-hint", &[])),
                    );
                    continue;
                }
            };
            let rel = relative(root, entry.path());
            if !is_record_name(&rel) || self.ignore.is_match(&rel) {
                continue;
            }
            if let Some(shown) = not_utf8(root, entry.path()) {
                diags.push(
                    Diagnostic::new(
                        codes::UNREADABLE,
                        shown.clone(),
                        Pos::FILE,
                        crate::i18n::t("name-not-utf8", &[("name", &shown)]),
                    )
                    .hint(crate::i18n::t("name-not-utf8-hint", &[])),
                );
                continue;
            }
            if entry.file_type().is_symlink() {
                match entry.path().canonicalize() {
                    Ok(target) if target.starts_with(&canonical_root) => {
                        if target.is_file() {
                            files.push(rel);
                        }
                    }
                    Ok(target) => diags.push(
                        Diagnostic::new(
                            codes::SYMLINK_OUTSIDE,
                            rel,
                            Pos::FILE,
                            crate::i18n::t("symlink-outside", &[("target", &target.display())]),
                        )
                        .hint(crate::i18n::t("symlink-outside-hint", &[])),
                    ),
                    Err(_) => diags.push(
                        Diagnostic::new(
                            codes::UNREADABLE,
                            rel,
                            Pos::FILE,
                            crate::i18n::t("symlink-dangling", &[]),
                        )
                        .hint(crate::i18n::t("symlink-dangling-hint", &[])),
                    ),
                }
                continue;
            }
            if entry.file_type().is_file() {
                files.push(rel);
            }
        }
        (files, diags)
    }
}

/// `path` relative to `root` with every byte that is not UTF-8 shown as `\xNN`, when there is
/// such a byte.
fn not_utf8(root: &Path, path: &Path) -> Option<String> {
    let rel = path.strip_prefix(root).unwrap_or(path);
    if rel.to_str().is_some() {
        return None;
    }
    #[cfg(unix)]
    let bytes = std::os::unix::ffi::OsStrExt::as_bytes(rel.as_os_str()).to_vec();
    #[cfg(not(unix))]
    let bytes = rel.to_string_lossy().into_owned().into_bytes();
    let mut shown = String::new();
    for chunk in bytes.utf8_chunks() {
        shown.push_str(chunk.valid());
        for b in chunk.invalid() {
            shown.push_str(&format!("\\x{b:02X}"));
        }
    }
    Some(shown)
}

/// Is this file name one clerk treats as a record?
pub fn is_record_name(rel: &str) -> bool {
    rel.ends_with(".md") || rel.ends_with(crate::crypt::SUFFIX)
}

/// `path` relative to `root`, with `/` separators.
pub fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let mut out = String::new();
    for (i, part) in rel.components().enumerate() {
        if i > 0 {
            out.push('/');
        }
        out.push_str(&part.as_os_str().to_string_lossy());
    }
    out
}

/// Reads `root/rel` as UTF-8 text of at most `limit` bytes.
pub fn load(root: &Path, rel: &str, limit: u64) -> Result<SourceFile, Diagnostic> {
    let full: PathBuf = root.join(rel);
    let unreadable = |message: String, hint: &str| {
        Diagnostic::new(codes::UNREADABLE, rel, Pos::FILE, message).hint(hint)
    };
    let file = File::open(&full).map_err(|e| {
        unreadable(
            crate::i18n::t("cannot-read-file", &[("error", &e)]),
            &crate::i18n::t("cannot-read-file-hint", &[]),
        )
    })?;
    let mut bytes = Vec::new();
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| {
            unreadable(
                crate::i18n::t("cannot-read-file", &[("error", &e)]),
                &crate::i18n::t("cannot-read-file-hint", &[]),
            )
        })?;
    decode(rel, bytes, limit)
}

/// The finding for a file over the size limit.
pub fn too_large(rel: &str, limit: u64) -> Diagnostic {
    Diagnostic::new(
        codes::TOO_LARGE,
        rel,
        Pos::FILE,
        crate::i18n::t("too-large", &[("limit", &limit)]),
    )
    .hint(crate::i18n::t("too-large-hint", &[]))
}

/// Checks a file's bytes — size, binary content, UTF-8 — and makes them text.
pub fn decode(rel: &str, bytes: Vec<u8>, limit: u64) -> Result<SourceFile, Diagnostic> {
    if bytes.len() as u64 > limit {
        return Err(too_large(rel, limit));
    }
    if rel.ends_with(crate::crypt::SUFFIX) {
        let tags = crate::crypt::tags(&bytes);
        return match crate::crypt::open(&bytes) {
            Ok(plain) => decode_text(rel, plain).map(|mut f| {
                f.sealed = Some(tags);
                f.envelope = crate::crypt::envelope(&bytes);
                f
            }),
            // A broken or tampered file is an error, never counted as merely unread.
            Err(e @ crate::crypt::OpenError::Invalid(_)) => Err(Diagnostic::new(
                codes::UNREADABLE,
                rel,
                Pos::FILE,
                crate::i18n::t("sealed-invalid", &[("error", &e)]),
            )
            .hint(crate::i18n::t("sealed-invalid-hint", &[]))),
            Err(e) => Err(Diagnostic::new(
                codes::ENCRYPTED_UNREADABLE,
                rel,
                Pos::FILE,
                crate::i18n::t("sealed-unread", &[("error", &e)]),
            )
            .hint(crate::i18n::t("sealed-unread-hint", &[]))),
        };
    }
    decode_text(rel, bytes)
}

/// Makes a file's bytes text: not binary, valid UTF-8.
fn decode_text(rel: &str, bytes: Vec<u8>) -> Result<SourceFile, Diagnostic> {
    let unreadable = |message: String, hint: &str| {
        Diagnostic::new(codes::UNREADABLE, rel, Pos::FILE, message).hint(hint)
    };
    if bytes.iter().take(8192).any(|&b| b == 0) {
        return Err(unreadable(
            crate::i18n::t("file-binary", &[]),
            &crate::i18n::t("file-binary-hint", &[]),
        ));
    }
    String::from_utf8(bytes)
        .map(|text| SourceFile {
            path: rel.to_string(),
            text,
            ..Default::default()
        })
        .map_err(|e| {
            let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            // The prefix up to `valid_up_to` is valid UTF-8 by definition.
            let prefix = std::str::from_utf8(valid).unwrap_or_default();
            let line = prefix.matches('\n').count() + 1;
            let column = prefix.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            Diagnostic::new(
                codes::UNREADABLE,
                rel,
                Pos::new(line, column, 1),
                crate::i18n::t("file-not-utf8", &[]),
            )
            .hint(crate::i18n::t("file-not-utf8-hint", &[]))
        })
}

/// Where a repository's files come from: a folder, or a git tree (a commit, or the index).
pub trait Snapshot: Sync {
    /// Whether the file exists.
    fn exists(&self, rel: &str) -> bool;
    /// Reads a file as text of at most `limit` bytes.
    fn load(&self, rel: &str, limit: u64) -> Result<SourceFile, Diagnostic>;
    /// The files directly in folder `dir` (relative paths).
    fn list(&self, dir: &str) -> Vec<String>;
    /// The record files, and findings about files that cannot be records (links, conflicts).
    fn records(&self, discovery: &Discovery) -> (Vec<String>, Vec<Diagnostic>);
    /// The working folder, where commands write (for a git snapshot, the work tree).
    fn root(&self) -> &Path;
    /// The bytes of the regular file `rel` (not a link), if there is one.
    fn bytes(&self, rel: &str) -> Option<Vec<u8>>;
    /// The plain envelope of the encrypted record `rel`, read without a key (see
    /// [`crate::crypt::envelope`]).
    fn envelope(&self, rel: &str) -> Option<crate::crypt::Envelope> {
        crate::crypt::envelope(&self.bytes(rel)?)
    }
    /// A name for the exact content of `rel` (its git blob id), when the snapshot has one.
    fn content_id(&self, _rel: &str) -> Option<[u8; 20]> {
        None
    }
}

/// Another snapshot with only some of its records: its configuration and every other file as
/// they are, and of its record files only those in `keep`. What judges a change — types,
/// people, council meetings — loads in a fraction of the time of a whole repository.
pub struct Subset<'a> {
    pub inner: &'a dyn Snapshot,
    pub keep: std::collections::HashSet<String>,
}

impl Snapshot for Subset<'_> {
    fn exists(&self, rel: &str) -> bool {
        self.inner.exists(rel)
    }

    fn load(&self, rel: &str, limit: u64) -> Result<SourceFile, Diagnostic> {
        self.inner.load(rel, limit)
    }

    fn bytes(&self, rel: &str) -> Option<Vec<u8>> {
        self.inner.bytes(rel)
    }

    fn list(&self, dir: &str) -> Vec<String> {
        self.inner.list(dir)
    }

    fn records(&self, discovery: &Discovery) -> (Vec<String>, Vec<Diagnostic>) {
        let (mut paths, diags) = self.inner.records(discovery);
        paths.retain(|p| self.keep.contains(p));
        (paths, diags)
    }

    fn root(&self) -> &Path {
        self.inner.root()
    }

    // No content ids: a load of a few records must not touch the cache of parsed records,
    // which keeps what the whole repository's loads use.
}

/// The files of a folder on disk.
pub struct Folder {
    pub root: PathBuf,
}

impl Snapshot for Folder {
    fn exists(&self, rel: &str) -> bool {
        self.root.join(rel).is_file()
    }

    fn load(&self, rel: &str, limit: u64) -> Result<SourceFile, Diagnostic> {
        load(&self.root, rel, limit)
    }

    fn bytes(&self, rel: &str) -> Option<Vec<u8>> {
        let path = self.root.join(rel);
        std::fs::symlink_metadata(&path)
            .ok()
            .filter(std::fs::Metadata::is_file)?;
        std::fs::read(path).ok()
    }

    fn list(&self, dir: &str) -> Vec<String> {
        let Ok(entries) = std::fs::read_dir(self.root.join(dir)) else {
            return Vec::new();
        };
        let mut names: Vec<String> = entries
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
            .filter_map(|e| e.file_name().into_string().ok())
            .map(|n| format!("{dir}/{n}"))
            .collect();
        names.sort();
        names
    }

    fn records(&self, discovery: &Discovery) -> (Vec<String>, Vec<Diagnostic>) {
        discovery.find(&self.root)
    }

    fn root(&self) -> &Path {
        &self.root
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dir_with(files: &[(&str, &[u8])]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for (name, bytes) in files {
            let path = dir.path().join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, bytes).unwrap();
        }
        dir
    }

    #[test]
    fn finds_markdown_skipping_hidden_skipped_and_ignored() {
        let dir = dir_with(&[
            ("a.md", b"x"),
            ("sub/b.md", b"x"),
            (".hidden/c.md", b"x"),
            ("public/d.md", b"x"),
            ("README.md", b"x"),
            ("notes.txt", b"x"),
        ]);
        let d = Discovery::new(&["public".into()], &["README.md".into()]).unwrap();
        let (files, diags) = d.find(dir.path());
        assert_eq!(files, vec!["a.md", "sub/b.md"]);
        assert!(diags.is_empty());
    }

    #[test]
    fn invalid_utf8_points_at_the_line() {
        let dir = dir_with(&[("a.md", b"---\ntitle: \xff\n")]);
        let err = load(dir.path(), "a.md", 1000).unwrap_err();
        assert_eq!(err.code, codes::UNREADABLE);
        assert_eq!((err.line, err.column), (2, 8));
    }

    #[test]
    fn size_limit_and_binary_are_refused() {
        let dir = dir_with(&[("big.md", &[b'a'; 20]), ("bin.md", b"ab\0cd")]);
        assert_eq!(
            load(dir.path(), "big.md", 10).unwrap_err().code,
            codes::TOO_LARGE
        );
        assert_eq!(
            load(dir.path(), "bin.md", 10).unwrap_err().code,
            codes::UNREADABLE
        );
        assert_eq!(load(dir.path(), "big.md", 20).unwrap().text.len(), 20);
    }

    #[cfg(unix)]
    #[test]
    fn symlink_outside_is_refused_inside_is_read() {
        let outside = dir_with(&[("secret.md", b"x")]);
        let dir = dir_with(&[("a.md", b"x")]);
        std::os::unix::fs::symlink(outside.path().join("secret.md"), dir.path().join("out.md"))
            .unwrap();
        std::os::unix::fs::symlink(dir.path().join("a.md"), dir.path().join("in.md")).unwrap();
        let d = Discovery::new(&[], &[]).unwrap();
        let (files, diags) = d.find(dir.path());
        assert_eq!(files, vec!["a.md", "in.md"]);
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].code, codes::SYMLINK_OUTSIDE);
        assert_eq!(diags[0].path, "out.md");
    }
}
