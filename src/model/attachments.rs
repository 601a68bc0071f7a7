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
    pub fn describe(self) -> &'static str {
        match self {
            Refused::Outside => "leads outside the repository",
            Refused::Hidden => {
                "lies in a hidden or skipped folder (such as .git or a folder of keys)"
            }
            Refused::Record => "is a record or an encrypted file (name the attachment without `.age`), not an attachment",
            Refused::Key => "holds a private key",
            Refused::Missing => "does not exist",
        }
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

/// An attachment's file on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub path: PathBuf,
    /// Stored encrypted (`NAME.age`): its content needs a key.
    pub sealed: bool,
}

impl Source {
    /// The file's plain content: `None` for an encrypted file without a key that opens it.
    pub fn content(&self) -> std::io::Result<Option<Vec<u8>>> {
        let bytes = std::fs::read(&self.path)?;
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

/// The attachments of `record`, each resolved against the repository at `root` (whose folders
/// named in `skip` are not read).
pub fn of(root: &Path, skip: &[String], record: &Record) -> Vec<Attachment> {
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
            source: resolve(root, skip, &dir.join(name)),
        })
        .collect()
}

/// `rel` (relative to the repository) as a file clerk may publish: the file itself, or it
/// stored encrypted (`rel.age`) when the plain one is not there.
fn resolve(root: &Path, skip: &[String], rel: &Path) -> Result<Source, Refused> {
    match resolve_file(root, skip, rel, false) {
        Err(Refused::Missing) => {
            let mut sealed = rel.as_os_str().to_owned();
            sealed.push(".age");
            resolve_file(root, skip, Path::new(&sealed), true)
                .map(|path| Source { path, sealed: true })
        }
        other => other.map(|path| Source {
            path,
            sealed: false,
        }),
    }
}

/// `rel` as a file clerk may publish; `sealed` when it is an attachment's encrypted file.
fn resolve_file(
    root: &Path,
    skip: &[String],
    rel: &Path,
    sealed: bool,
) -> Result<PathBuf, Refused> {
    // Lexically first: `..` may not climb above the repository.
    let mut parts: Vec<String> = Vec::new();
    for part in rel.components() {
        match part {
            Component::Normal(p) => parts.push(p.to_string_lossy().into_owned()),
            Component::ParentDir => {
                parts.pop().ok_or(Refused::Outside)?;
            }
            Component::CurDir => {}
            Component::RootDir | Component::Prefix(_) => return Err(Refused::Outside),
        }
    }
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
    let path = root.join(parts.join("/"));
    // A link may not lead elsewhere.
    let real = path.canonicalize().map_err(|_| Refused::Missing)?;
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
    if holds_private_key(&real) {
        return Err(Refused::Key);
    }
    Ok(real)
}

/// Whether the file begins like a private key (OpenSSH, PEM or PKCS#8).
fn holds_private_key(path: &Path) -> bool {
    let mut head = [0u8; 64];
    let n = std::fs::File::open(path)
        .and_then(|mut f| f.read(&mut head))
        .unwrap_or(0);
    let head = String::from_utf8_lossy(&head[..n]);
    head.trim_start().starts_with("-----BEGIN") && head.contains("PRIVATE KEY")
}
