//! Writing files atomically: a temporary file beside the target, flushed, then renamed over it,
//! so a reader sees the old file or the new one, never a part of either.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Folders a command is building, removed if it is interrupted (Ctrl-C, `kill`).
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Makes a folder with `make` and marks it to be removed should the process be interrupted
/// before [`done_with`] is called for it — in one step: an interruption that comes while the
/// folder is being made waits for the mark, then removes it (the folder is never on disk
/// unmarked).
pub fn made_removable<T>(
    make: impl FnOnce() -> std::io::Result<T>,
    dir: impl Fn(&T) -> &Path,
) -> std::io::Result<T> {
    let mut pending = PENDING.lock().unwrap_or_else(|e| e.into_inner());
    let made = make()?;
    pending.push(dir(&made).to_path_buf());
    Ok(made)
}

/// `dir` is complete (or gone): an interruption leaves it alone.
pub fn done_with(dir: &Path) {
    PENDING
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .retain(|p| p != dir);
}

/// Removes a folder other threads may still be writing into: it is first moved aside, so no
/// new file can appear under its name, then removed (again, should a file still being written
/// come back).
#[cfg(unix)]
fn remove_while_written(dir: &Path) {
    let mut doomed = dir.as_os_str().to_owned();
    doomed.push("-removing");
    let doomed = PathBuf::from(doomed);
    let target = if std::fs::rename(dir, &doomed).is_ok() {
        doomed
    } else {
        dir.to_path_buf()
    };
    for _ in 0..5 {
        if std::fs::remove_dir_all(&target).is_ok() || !target.exists() {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

/// From now on, SIGINT, SIGTERM and SIGHUP end the process after removing the folders being
/// built ([`made_removable`]), with the status a shell gives a signal (128 + its number).
/// Call before any other thread starts: the signals are taken from every thread and waited for
/// on one of clerk's own.
#[cfg(unix)]
pub fn clean_up_on_interrupt() {
    // SAFETY: plain libc calls on a signal set this function owns; the mask is set before any
    // other thread exists, so every later thread inherits it.
    unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut set);
        for sig in [libc::SIGINT, libc::SIGTERM, libc::SIGHUP] {
            libc::sigaddset(&mut set, sig);
        }
        if libc::pthread_sigmask(libc::SIG_BLOCK, &set, std::ptr::null_mut()) != 0 {
            return;
        }
        let waiting = std::thread::Builder::new()
            .name("clerk-signals".into())
            .spawn(move || {
                let mut sig: libc::c_int = 0;
                if libc::sigwait(&set, &mut sig) == 0 {
                    let pending = PENDING.lock().unwrap_or_else(|e| e.into_inner()).clone();
                    for dir in pending {
                        remove_while_written(&dir);
                    }
                    std::process::exit(128 + sig);
                }
            });
        if waiting.is_err() {
            // No thread to wait on them: let the signals act as before.
            libc::pthread_sigmask(libc::SIG_UNBLOCK, &set, std::ptr::null_mut());
        }
    }
}

/// Writes `text` to `path` atomically: a temporary file in the same folder, then a rename.
/// A file replaced keeps its permissions; a new one gets those the umask gives (0644 under the
/// usual 022), as any editor would make it, so colleagues on a shared server can read it. On
/// any failure the original is untouched.
pub fn write_atomic(path: &Path, text: &str) -> std::io::Result<()> {
    write_bytes_atomic(path, text.as_bytes())
}

/// [`write_atomic`] for bytes (an encrypted record, a cache file).
pub fn write_bytes_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let tmp = staged(path, bytes)?;
    if let Ok(meta) = std::fs::metadata(path) {
        tmp.as_file().set_permissions(meta.permissions())?;
    }
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Creates `path` with `bytes`, atomically, failing if it already exists.
pub fn create_new(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    staged(path, bytes)?
        .persist_noclobber(path)
        .map_err(|e| e.error)?;
    Ok(())
}

/// The bytes in a temporary file beside `path`, flushed to disk.
fn staged(path: &Path, bytes: &[u8]) -> std::io::Result<tempfile::NamedTempFile> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut builder = tempfile::Builder::new();
    builder.prefix(".clerk-").suffix(".tmp");
    // A temporary file is private (0600) unless asked otherwise; the umask still applies.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    Ok(tmp)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_write_replaces_and_keeps_permissions() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.md");
        std::fs::write(&path, "old").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        }
        write_atomic(&path, "new").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(
                std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
                0o640
            );
        }
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temporary file left behind"
        );
    }

    #[test]
    #[cfg(unix)]
    fn a_new_file_gets_the_umask_s_permissions() {
        use std::os::unix::fs::PermissionsExt;
        // SAFETY: reads and restores this process's umask; tests of other modules do not
        // create files with a mode that depends on it.
        let umask = unsafe { libc::umask(0o022) };
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new.md");
        write_atomic(&path, "text").unwrap();
        let created = dir.path().join("created.md");
        create_new(&created, b"text").unwrap();
        unsafe { libc::umask(umask) };
        for p in [&path, &created] {
            let mode = std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o644, "{}", p.display());
        }
    }
}
