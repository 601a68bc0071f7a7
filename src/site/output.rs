//! Where a built site goes: files written as they are rendered (or kept in memory for
//! `serve`), an unchanged page linked from the previous site, the new site staged beside the
//! old one and swapped in only when complete.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use anyhow::{bail, Context};
use rayon::prelude::*;

/// Where a site's files go as they are rendered: kept in memory (`serve`), or written straight
/// into the new site's folder (`build`). Any thread may add files.
pub struct Output {
    folder: Option<PathBuf>,
    /// The site being replaced: a file with the same bytes there is linked, not written again.
    previous: Option<PathBuf>,
    /// Folders of the previous site found to be real folders in it (or not).
    previous_dirs: Mutex<HashMap<PathBuf, bool>>,
    memory: Mutex<BTreeMap<String, Vec<u8>>>,
    /// Folders already made under `folder`.
    made: Mutex<HashSet<PathBuf>>,
    count: AtomicUsize,
}

impl Output {
    /// Files kept in memory, for [`Output::into_files`].
    pub fn memory() -> Output {
        Output {
            folder: None,
            previous: None,
            previous_dirs: Mutex::new(HashMap::new()),
            memory: Mutex::new(BTreeMap::new()),
            made: Mutex::new(HashSet::new()),
            count: AtomicUsize::new(0),
        }
    }

    /// Files written into `folder` as they come; those `previous` (the site being replaced)
    /// already holds byte for byte are linked from it.
    pub(super) fn folder(folder: &Path, previous: Option<&Path>) -> Output {
        Output {
            folder: Some(folder.to_path_buf()),
            previous: previous.map(Path::to_path_buf),
            ..Output::memory()
        }
    }

    /// Adds the file `rel` (a path inside the site, made of slugs) with `bytes`.
    pub fn put(&self, rel: impl Into<String>, bytes: Vec<u8>) -> anyhow::Result<()> {
        let rel = rel.into();
        self.count.fetch_add(1, Ordering::Relaxed);
        let Some(folder) = &self.folder else {
            self.memory
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .insert(rel, bytes);
            return Ok(());
        };
        let path = folder.join(&rel);
        if let Some(dir) = path.parent() {
            let made = self
                .made
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .contains(dir);
            if !made {
                std::fs::create_dir_all(dir)
                    .with_context(|| crate::i18n::t("io-create", &[("path", &dir.display())]))?;
                self.made
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .insert(dir.to_path_buf());
            }
        }
        if let Some(previous) = &self.previous {
            let old = previous.join(&rel);
            if self.real_folder(previous, &rel)
                && holds(&old, &bytes)
                && std::fs::hard_link(&old, &path).is_ok()
            {
                return Ok(());
            }
        }
        std::fs::write(&path, bytes)
            .with_context(|| crate::i18n::t("io-write", &[("path", &path.display())]))
    }

    /// Whether the folder holding `rel` in the previous site is a folder of that site: every
    /// folder on the way a real one, no symbolic link to somewhere else. Asked once per folder.
    fn real_folder(&self, previous: &Path, rel: &str) -> bool {
        let Some(dir) = Path::new(rel).parent() else {
            return true;
        };
        let mut known = self.previous_dirs.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(&real) = known.get(dir) {
            return real;
        }
        let real = dir.ancestors().all(|d| {
            d.as_os_str().is_empty()
                || std::fs::symlink_metadata(previous.join(d)).is_ok_and(|m| m.is_dir())
        });
        known.insert(dir.to_path_buf(), real);
        real
    }

    /// How many files were added.
    pub fn count(&self) -> usize {
        self.count.load(Ordering::Relaxed)
    }

    /// The files kept in memory, by path.
    pub fn into_files(self) -> BTreeMap<String, Vec<u8>> {
        self.memory.into_inner().unwrap_or_else(|e| e.into_inner())
    }
}

/// Whether `path` is a regular file (not a link to one) holding exactly `bytes`. A page the
/// previous build wrote the same is then linked into the new site rather than written: no data
/// is written or freed for it, and it keeps its modification time, so a copy to a web server
/// (rsync) sends only what changed.
fn holds(path: &Path, bytes: &[u8]) -> bool {
    use std::io::Read;
    use std::os::unix::fs::OpenOptionsExt;
    let Ok(meta) = std::fs::symlink_metadata(path) else {
        return false;
    };
    if !meta.is_file() || meta.len() != bytes.len() as u64 {
        return false;
    }
    let Ok(file) = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW)
        .open(path)
    else {
        return false;
    };
    let mut old = Vec::with_capacity(bytes.len());
    file.take(bytes.len() as u64 + 1)
        .read_to_end(&mut old)
        .is_ok()
        && old == bytes
}

/// The new site's folder, beside the one it replaces (or inside it, when the output folder is a
/// mount point that cannot be swapped): removed if the build fails.
pub(super) struct Staging {
    pub(super) dir: tempfile::TempDir,
    parent: PathBuf,
    /// The output folder is a mount point: the new site replaces its contents in place.
    in_place: bool,
}

impl Staging {
    /// Refuses an `out` that holds something other than a site clerk built.
    pub(super) fn new(out: &Path) -> anyhow::Result<Staging> {
        let parent = out
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."))
            .to_path_buf();
        std::fs::create_dir_all(&parent)
            .with_context(|| crate::i18n::t("io-create", &[("path", &parent.display())]))?;
        if out.exists()
            && !out.join(crate::read::SITE_MARKER).exists()
            && std::fs::read_dir(out).is_ok_and(|mut d| d.next().is_some())
        {
            let path = out.display();
            bail!(crate::i18n::t("build-not-a-site", &[("path", &path)]));
        }
        // A mount point (a container's or CI's volume) cannot be renamed: the new site is staged
        // inside it, on its file system, and moved into place entry by entry.
        let in_place = is_mount_point(out);
        let parent = if in_place { out.to_path_buf() } else { parent };
        if in_place && out.join(INCOMPLETE).exists() {
            let path = out.display();
            eprintln!(
                "{}",
                crate::i18n::t("build-was-interrupted", &[("path", &path)])
            );
        }
        remove_stale(&parent);
        let dir = crate::fsio::made_removable(
            || {
                tempfile::Builder::new()
                    .prefix(&format!("{STAGING}{}-", std::process::id()))
                    .tempdir_in(&parent)
            },
            |d| d.path(),
        )?;
        // git never records a site half built, even under `git add -A`.
        std::fs::write(dir.path().join(".gitignore"), "*\n")?;
        Ok(Staging {
            dir,
            parent,
            in_place,
        })
    }

    /// Copies the attachments in, marks the folder as clerk's, and puts it in place of `out`.
    pub(super) fn finish(self, out: &Path, copied: &[(String, PathBuf)]) -> anyhow::Result<()> {
        copied.par_iter().try_for_each(|(rel, source)| {
            let path = self.dir.path().join(rel);
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir)?;
            }
            std::fs::copy(source, &path)
                .with_context(|| crate::i18n::t("io-copy", &[("path", &source.display())]))
                .map(|_| ())
        })?;
        std::fs::write(
            self.dir.path().join(crate::read::SITE_MARKER),
            "built by clerk; this folder is replaced on every build\n",
        )?;
        std::fs::remove_file(self.dir.path().join(".gitignore"))?;
        let staged = self.dir.keep();
        let swapped = if self.in_place {
            replace_in_place(&staged, out)
        } else {
            swap(staged.clone(), out, &self.parent)
        };
        crate::fsio::done_with(&staged);
        swapped
    }
}

/// The name a staging folder starts with; the building process's id follows.
const STAGING: &str = ".clerk-site-";

/// Removes what interrupted builds left beside the output: staging folders and replaced sites
/// of processes that no longer run.
fn remove_stale(parent: &Path) {
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let pid = name
            .strip_prefix(STAGING)
            .and_then(|rest| rest.split('-').next())
            .or_else(|| name.strip_prefix(".clerk-old-"))
            .and_then(|pid| pid.parse::<i32>().ok());
        if pid.is_some_and(|pid| !running(pid)) && entry.path().is_dir() {
            remove_site(&entry.path());
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

/// Whether a process with this id runs (on this machine).
fn running(pid: i32) -> bool {
    #[cfg(unix)]
    {
        // SAFETY: signal 0 only asks whether the process exists.
        let alive = unsafe { libc::kill(pid, 0) } == 0;
        alive || std::io::Error::last_os_error().raw_os_error() != Some(libc::ESRCH)
    }
    #[cfg(not(unix))]
    {
        let _ = pid;
        true
    }
}

/// Removes a replaced site: its folders in parallel (a large site is tens of thousands of files).
fn remove_site(dir: &Path) {
    if let Ok(entries) = std::fs::read_dir(dir) {
        let paths: Vec<PathBuf> = entries.filter_map(|e| Some(e.ok()?.path())).collect();
        paths.par_iter().for_each(|p| {
            if p.is_dir() {
                std::fs::remove_dir_all(p).ok();
            } else {
                std::fs::remove_file(p).ok();
            }
        });
    }
    std::fs::remove_dir_all(dir).ok();
}

/// The file that says a site is being replaced in place, and stays if that was interrupted.
const INCOMPLETE: &str = ".clerk-incomplete";

/// Whether `out` is a folder some file system is mounted on (it cannot be renamed then).
fn is_mount_point(out: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    let Ok(folder) = out.canonicalize() else {
        return false;
    };
    let Some(parent) = folder.parent() else {
        return true;
    };
    match (std::fs::metadata(&folder), std::fs::metadata(parent)) {
        (Ok(own), Ok(above)) if own.is_dir() => {
            own.dev() != above.dev() || own.ino() == above.ino() || mounted_on(&folder)
        }
        _ => false,
    }
}

/// Whether `/proc/self/mountinfo` lists `folder` as a mount point (a bind mount of a folder of
/// the same file system has the same device number as its parent).
fn mounted_on(folder: &Path) -> bool {
    let Ok(table) = std::fs::read_to_string("/proc/self/mountinfo") else {
        return false;
    };
    let wanted = folder.to_string_lossy();
    table
        .lines()
        .filter_map(|line| line.split(' ').nth(4))
        .any(|point| unescape_octal(point) == wanted)
}

/// A mountinfo path: spaces, tabs, newlines and backslashes are written as `\ooo`.
fn unescape_octal(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let code = bytes.get(i + 1..i + 4).and_then(|d| {
            std::str::from_utf8(d)
                .ok()
                .and_then(|d| u8::from_str_radix(d, 8).ok())
        });
        match (bytes[i], code) {
            (b'\\', Some(code)) => {
                out.push(code);
                i += 4;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Replaces the contents of the mount point `out` with those of `staged` (a folder inside it):
/// the old entries are moved aside, the new ones moved in, the old ones removed. While that
/// runs, `out` holds a note saying so, which an interruption leaves behind.
fn replace_in_place(staged: &Path, out: &Path) -> anyhow::Result<()> {
    let cannot = || format!("cannot replace the contents of `{}`", out.display());
    std::fs::write(
        out.join(INCOMPLETE),
        "clerk was replacing this site when it stopped; build again to complete it\n",
    )
    .with_context(cannot)?;
    let old = out.join(format!(".clerk-old-{}", std::process::id()));
    std::fs::create_dir(&old).with_context(cannot)?;
    let keep = |name: &std::ffi::OsStr| {
        let name = name.to_string_lossy();
        name == INCOMPLETE
            || name == crate::read::SITE_MARKER
            || out.join(&*name) == staged
            || out.join(&*name) == old
    };
    for entry in std::fs::read_dir(out).with_context(cannot)? {
        let entry = entry.with_context(cannot)?;
        if !keep(&entry.file_name()) {
            std::fs::rename(entry.path(), old.join(entry.file_name())).with_context(cannot)?;
        }
    }
    for entry in std::fs::read_dir(staged).with_context(cannot)? {
        let entry = entry.with_context(cannot)?;
        std::fs::rename(entry.path(), out.join(entry.file_name())).with_context(cannot)?;
    }
    std::fs::remove_dir(staged).ok();
    remove_site(&old);
    std::fs::remove_file(out.join(INCOMPLETE)).with_context(cannot)
}

/// Puts the finished folder `staged` in place of `out`.
fn swap(staged: PathBuf, out: &Path, parent: &Path) -> anyhow::Result<()> {
    if out.exists() {
        let old = parent.join(format!(".clerk-old-{}", std::process::id()));
        std::fs::rename(out, &old)
            .with_context(|| crate::i18n::t("io-replace", &[("path", &out.display())]))?;
        if let Err(e) = std::fs::rename(&staged, out) {
            // Put the old site back rather than leave none.
            std::fs::rename(&old, out).ok();
            std::fs::remove_dir_all(&staged).ok();
            return Err(e)
                .with_context(|| crate::i18n::t("io-replace", &[("path", &out.display())]));
        }
        remove_site(&old);
    } else {
        std::fs::rename(&staged, out)
            .with_context(|| crate::i18n::t("io-create", &[("path", &out.display())]))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_staging_folder_is_ignored_by_git_until_it_is_complete() {
        let parent = tempfile::tempdir().unwrap();
        let out = parent.path().join("public");
        let staging = Staging::new(&out).unwrap();
        let name = staging
            .dir
            .path()
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        assert!(
            name.starts_with(&format!("{STAGING}{}-", std::process::id())),
            "{name}"
        );
        assert_eq!(
            std::fs::read_to_string(staging.dir.path().join(".gitignore")).unwrap(),
            "*\n"
        );
        staging.finish(&out, &[]).unwrap();
        assert!(
            !out.join(".gitignore").exists(),
            "the finished site has none"
        );
        assert!(out.join(crate::read::SITE_MARKER).exists());
    }

    #[test]
    fn mount_points_are_read_with_their_escapes() {
        assert_eq!(unescape_octal(r"/srv/my\040site"), "/srv/my site");
        assert_eq!(unescape_octal(r"/a\134b"), r"/a\b");
        assert_eq!(unescape_octal(r"/trailing\04"), r"/trailing\04");
        assert!(mounted_on(Path::new("/")) || !Path::new("/proc/self/mountinfo").exists());
        assert!(!is_mount_point(Path::new("/no/such/folder")));
    }
}
