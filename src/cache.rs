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

/// A folder of cache files, each named by a digest of what it was made from, so a file is
/// either right for its name or absent. A user of the store marks what it reads and writes;
/// [`Store::prune`] then removes the rest, so the folder holds what the last run used.
/// Each file starts with the store's `magic` line (its format version): a file without it is
/// made again, never read.
pub struct Store {
    dir: PathBuf,
    magic: &'static [u8],
    used: std::sync::Mutex<std::collections::HashSet<String>>,
}

impl Store {
    /// The store `name` (a path below `.git/clerk/`) for the records at `root`, if there is one.
    pub fn open(root: &Path, name: &str, magic: &'static [u8]) -> Option<Store> {
        Store::at(path(root, name)?, magic)
    }

    /// The store in the folder `dir`, made if missing.
    pub fn at(dir: PathBuf, magic: &'static [u8]) -> Option<Store> {
        std::fs::create_dir_all(&dir).ok()?;
        Some(Store {
            dir,
            magic,
            used: Default::default(),
        })
    }

    fn file(&self, key: &str) -> PathBuf {
        self.dir.join(key)
    }

    fn mark(&self, key: &str) {
        self.used
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(key.to_string());
    }

    /// What was kept under `key`, if it was written whole in this format.
    pub fn get(&self, key: &str) -> Option<Vec<u8>> {
        let mut bytes = std::fs::read(self.file(key)).ok()?;
        if !bytes.starts_with(self.magic) {
            return None;
        }
        bytes.drain(..self.magic.len());
        self.mark(key);
        Some(bytes)
    }

    /// Keeps `bytes` under `key`: written to a temporary file and renamed, so a reader never
    /// sees half of it. Failing to write only means making it again next time.
    pub fn put(&self, key: &str, bytes: &[u8]) {
        let written = tempfile::NamedTempFile::new_in(&self.dir).and_then(|mut tmp| {
            use std::io::Write;
            tmp.write_all(self.magic)?;
            tmp.write_all(bytes)?;
            tmp.persist(self.file(key)).map_err(|e| e.error)?;
            Ok(())
        });
        if written.is_ok() {
            self.mark(key);
        }
    }

    /// Removes every file this run neither read nor wrote (and leftover temporary files).
    pub fn prune(&self) {
        let used = self.used.lock().unwrap_or_else(|e| e.into_inner());
        let Ok(dir) = std::fs::read_dir(&self.dir) else {
            return;
        };
        for entry in dir.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if !used.contains(&name) {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_store_gives_back_whole_files_of_its_format_and_prunes_the_unused() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path().join("s"), b"clerk test 1\n").unwrap();
        store.put("a", b"alpha");
        store.put("b", b"beta");
        assert_eq!(store.get("a").as_deref(), Some(&b"alpha"[..]));
        assert_eq!(store.get("missing"), None);
        // A file of another format (or cut short before its magic line) is not read.
        std::fs::write(dir.path().join("s/c"), b"clerk test 0\nold").unwrap();
        std::fs::write(dir.path().join("s/d"), b"clerk te").unwrap();
        assert_eq!(store.get("c"), None);
        assert_eq!(store.get("d"), None);

        // A later run that uses only `b` keeps only `b`.
        let later = Store::at(dir.path().join("s"), b"clerk test 1\n").unwrap();
        assert_eq!(later.get("b").as_deref(), Some(&b"beta"[..]));
        later.prune();
        let mut left: Vec<_> = std::fs::read_dir(dir.path().join("s"))
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        left.sort();
        assert_eq!(left, ["b"]);
    }
}
