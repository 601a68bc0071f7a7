//! A record's attachments (`attachments:`): files beside it that a site may publish with it.
//!
//! An attachment is a file inside the repository that is nothing else clerk keeps: not a
//! record, not encrypted, not under `.git` or another hidden folder (keys live there), not a
//! private key, not in a folder `skip:` names. Anything else is refused — by the check, with
//! the line of the entry, and by the site, which copies only what is allowed.
//!
//! An entry is a path (`scan.pdf`), or a path with the SHA-256 of the file's content
//! (`{file: scan.pdf, sha256: …}`): the front matter, and so every approval's digest, then
//! covers the exact file. A file stored encrypted is found as `NAME.age` beside the name the
//! entry gives; its SHA-256 is of its plain content.

use std::io::Read;
use std::path::{Component, Path, PathBuf};

use super::record::Record;
use crate::read::Snapshot;

/// Why an attachment cannot be published.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// The path leads out of the repository.
    Outside,
    /// It lies under `.git` or another hidden folder, or in a folder clerk skips.
    Hidden,
    /// It is a record (`.md`), or an encrypted file (`.age`).
    Record,
    /// It holds a private key.
    Key,
    /// There is no such file.
    Missing,
}

impl Refused {
    /// What is wrong, in the user's words.
    pub fn describe(self) -> String {
        let id = match self {
            Refused::Outside => "refused-outside",
            Refused::Hidden => "refused-hidden",
            Refused::Record => "refused-record",
            Refused::Key => "refused-key",
            Refused::Missing => "refused-missing",
        };
        crate::i18n::t(id, &[])
    }
}

/// One entry of a record's `attachments:`.
#[derive(Debug, Clone)]
pub struct Attachment {
    /// Its place in the list.
    pub index: usize,
    /// As written in the record.
    pub name: String,
    /// The file's name alone: what the site calls it.
    pub file_name: String,
    /// The SHA-256 the entry records for the file's (plain) content, if it records one.
    pub sha256: Option<String>,
    /// The file on disk, or why it may not be published.
    pub source: Result<Source, Refused>,
}

/// Where attachments are looked up: the work tree, or a git tree (a commit, or the index), so
/// that the hook judges the files a commit records.
#[derive(Clone, Copy)]
pub enum Files<'a> {
    Folder(&'a Path),
    Tree(&'a dyn Snapshot),
}

/// An attachment's file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// Relative to the repository, with `/` separators.
    pub rel: String,
    /// In the work tree (a folder's files only: what the site copies).
    pub path: PathBuf,
    /// Stored encrypted (`NAME.age`): its content needs a key.
    pub sealed: bool,
}

impl Source {
    /// The file's plain content: `None` for an encrypted file without a key that opens it.
    pub fn content(&self, files: Files) -> std::io::Result<Option<Vec<u8>>> {
        let bytes = match files {
            Files::Folder(_) => std::fs::read(&self.path)?,
            Files::Tree(tree) => tree
                .bytes(&self.rel)
                .ok_or_else(|| std::io::Error::from(std::io::ErrorKind::NotFound))?,
        };
        if !self.sealed {
            return Ok(Some(bytes));
        }
        match crate::crypt::open(&bytes) {
            Ok(plain) => Ok(Some(plain)),
            Err(crate::crypt::OpenError::Invalid(e)) => {
                Err(std::io::Error::new(std::io::ErrorKind::InvalidData, e))
            }
            Err(_) => Ok(None),
        }
    }
}

/// The SHA-256 of `bytes`, in lowercase hex.
pub fn sha256(bytes: &[u8]) -> String {
    use sha2::Digest;
    super::digest::hex(&sha2::Sha256::digest(bytes))
}

/// The attachments of `record`, each resolved in `files` (whose folders named in `skip` are
/// not read).
pub fn of(files: Files, skip: &[String], record: &Record) -> Vec<Attachment> {
    let Some(list) = record.fields.get("attachments").and_then(|v| v.as_array()) else {
        return Vec::new();
    };
    let dir = Path::new(&record.path).parent().unwrap_or(Path::new(""));
    list.iter()
        .enumerate()
        .filter_map(|(index, v)| {
            let name = v.as_str().or_else(|| v.get("file")?.as_str())?;
            let sha256 = v.get("sha256").and_then(|h| h.as_str()).map(str::to_string);
            Some((index, name, sha256))
        })
        .map(|(index, name, sha256)| Attachment {
            index,
            name: name.to_string(),
            file_name: Path::new(name)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            sha256,
            source: resolve(files, skip, &dir.join(name)),
        })
        .collect()
}

/// `rel` (relative to the repository) as a file clerk may publish: the file itself, or it
/// stored encrypted (`rel.age`) when the plain one is not there.
fn resolve(files: Files, skip: &[String], rel: &Path) -> Result<Source, Refused> {
    match resolve_file(files, skip, rel, false) {
        Err(Refused::Missing) => {
            let mut sealed = rel.as_os_str().to_owned();
            sealed.push(".age");
            resolve_file(files, skip, Path::new(&sealed), true)
        }
        other => other,
    }
}

/// `rel` as a file clerk may publish; `sealed` when it is an attachment's encrypted file.
fn resolve_file(
    files: Files,
    skip: &[String],
    rel: &Path,
    sealed: bool,
) -> Result<Source, Refused> {
    let parts = normal(rel).ok_or(Refused::Outside)?;
    let Some((file, folders)) = parts.split_last() else {
        return Err(Refused::Missing);
    };
    if parts.iter().any(|p| p.starts_with('.')) || folders.iter().any(|f| skip.contains(f)) {
        return Err(Refused::Hidden);
    }
    let record = file.ends_with(".md") || file.ends_with(crate::crypt::SUFFIX);
    if record || (file.ends_with(".age") && !sealed) {
        return Err(Refused::Record);
    }
    let rel = parts.join("/");
    let (path, head) = match files {
        Files::Folder(root) => (on_disk(root, &rel)?, head_of(&root.join(&rel))),
        Files::Tree(tree) => {
            // Only a regular file the tree records (a link is not one).
            let bytes = tree.bytes(&rel).ok_or(Refused::Missing)?;
            let head = bytes[..bytes.len().min(64)].to_vec();
            (tree.root().join(&rel), head)
        }
    };
    if holds_private_key(&head) {
        return Err(Refused::Key);
    }
    Ok(Source { rel, path, sealed })
}

/// The parts of `rel`, read lexically: `None` when `..` climbs above the repository or the
/// path is absolute.
fn normal(rel: &Path) -> Option<Vec<String>> {
    let mut parts: Vec<String> = Vec::new();
    for part in rel.components() {
        match part {
            Component::Normal(p) => parts.push(p.to_string_lossy().into_owned()),
            Component::ParentDir => {
                parts.pop()?;
            }
            Component::CurDir => {}
            Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    Some(parts)
}

/// Whether an entry of `record` names the file `rel` (or its encrypted form), whether or not
/// that file may be an attachment.
pub fn names(record: &Record, rel: &str) -> bool {
    let dir = Path::new(&record.path).parent().unwrap_or(Path::new(""));
    let Some(list) = record.fields.get("attachments").and_then(|v| v.as_array()) else {
        return false;
    };
    list.iter()
        .filter_map(|v| v.as_str().or_else(|| v.get("file")?.as_str()))
        .filter_map(|name| normal(&dir.join(name)))
        .map(|parts| parts.join("/"))
        .any(|wanted| rel == wanted || rel.strip_suffix(".age") == Some(wanted.as_str()))
}

/// The file `rel` in the folder `root`: a link may not lead elsewhere or into a hidden folder.
fn on_disk(root: &Path, rel: &str) -> Result<PathBuf, Refused> {
    let real = root
        .join(rel)
        .canonicalize()
        .map_err(|_| Refused::Missing)?;
    let root = root.canonicalize().map_err(|_| Refused::Missing)?;
    let inside = real.strip_prefix(&root).map_err(|_| Refused::Outside)?;
    if inside
        .components()
        .any(|c| c.as_os_str().to_string_lossy().starts_with('.'))
    {
        return Err(Refused::Hidden);
    }
    if !real.is_file() {
        return Err(Refused::Missing);
    }
    Ok(real)
}

/// The first bytes of a file.
fn head_of(path: &Path) -> Vec<u8> {
    let mut head = [0u8; 64];
    let n = std::fs::File::open(path)
        .and_then(|mut f| f.read(&mut head))
        .unwrap_or(0);
    head[..n].to_vec()
}

/// Whether a file begins like a private key (OpenSSH, PEM or PKCS#8).
fn holds_private_key(head: &[u8]) -> bool {
    let head = String::from_utf8_lossy(head);
    head.trim_start().starts_with("-----BEGIN") && head.contains("PRIVATE KEY")
}
