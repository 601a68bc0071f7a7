//! Render stage: the archive site (`clerk build`).
//!
//! A record, and everything derived from it — its page, index rows, backlinks, search entries,
//! feed items, attachments — appears only in builds for its classification and above. Pages only
//! ever read records visible to the build: a reference to an invisible record shows its bare id
//! (already written in the visible record), never its title.

pub mod feeds;
pub mod pages;
pub mod registers;
pub mod search;
pub mod templates;

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use anyhow::{bail, Context};
use rayon::prelude::*;

use crate::diag::{Diagnostic, Severity};
use crate::history;
use crate::model::repo::Repository;
use crate::model::types::Classification;

/// How to build.
#[derive(Debug, Clone)]
pub struct Options {
    pub out: PathBuf,
    pub audience: Classification,
    /// Build even when records have errors, marking them visibly.
    pub allow_errors: bool,
    /// The site has a search index (`serve` builds it after the pages: see [`render`]).
    pub search: bool,
    /// The date "upcoming" is counted from (YYYY-MM-DD).
    pub today: String,
}

/// What `clerk build` was asked to include beyond the pages.
#[derive(Debug, Clone, Copy)]
pub struct Include {
    /// Records with errors (marked).
    pub errors: bool,
    /// The search index.
    pub search: bool,
}

/// What a build wrote.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Records on the site.
    pub records: usize,
    /// Records left out for this audience.
    pub hidden: usize,
    pub pages: usize,
    pub files: usize,
}

/// The records visible to a build, and what the site needs to know about them.
pub struct Site<'a> {
    pub repo: &'a Repository,
    pub audience: Classification,
    /// Indexes into `repo.records` of visible records, in path order.
    pub visible: Vec<usize>,
    visible_ids: HashSet<&'a str>,
    /// Whether the build makes a search index (the search page says so when not).
    pub search: bool,
    /// Types with at least one visible record (the navigation lists them).
    pub types_shown: BTreeSet<&'a str>,
    /// Records with errors (when built with `--allow-errors`).
    pub with_errors: HashSet<&'a str>,
    pub history: &'a HashMap<String, Vec<history::Change>>,
    pub today: String,
}

impl<'a> Site<'a> {
    pub fn new(
        repo: &'a Repository,
        findings: &[Diagnostic],
        history: &'a HashMap<String, Vec<history::Change>>,
        audience: Classification,
        today: &str,
    ) -> Site<'a> {
        let visible: Vec<usize> = (0..repo.records.len())
            .filter(|&i| {
                let r = &repo.records[i];
                repo.type_of(r).is_some() && repo.classification(r) <= audience
            })
            .collect();
        let visible_ids = visible
            .iter()
            .map(|&i| repo.records[i].id.as_str())
            .collect();
        let types_shown = visible
            .iter()
            .filter_map(|&i| repo.records[i].type_name.as_deref())
            .collect();
        let error_paths: HashSet<&str> = findings
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| d.path.as_str())
            .collect();
        let with_errors = repo
            .records
            .iter()
            .filter(|r| error_paths.contains(r.path.as_str()))
            .map(|r| r.id.as_str())
            .collect();
        Site {
            repo,
            audience,
            visible,
            visible_ids,
            search: true,
            types_shown,
            with_errors,
            history,
            today: today.to_string(),
        }
    }

    /// Whether a record with this id is on the site.
    pub fn shows(&self, id: &str) -> bool {
        self.visible_ids.contains(id)
    }

    /// The visible records.
    pub fn records(&self) -> impl Iterator<Item = &'a crate::model::record::Record> + '_ {
        self.visible.iter().map(|&i| &self.repo.records[i])
    }
}

/// The URL (relative to the site root) of a record's page.
pub fn record_url(type_name: &str, id: &str) -> String {
    format!("{}/{}.html", slug(type_name), slug(id))
}

/// A file-name-safe form of an id or type name (ids are already letters, digits, `-_.`).
pub fn slug(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect::<String>()
        .trim_start_matches('.')
        .to_string()
}

/// Builds the site into `options.out`, replacing it atomically: the new site is written into a
/// folder next to it as it is rendered — no build holds every page in memory — and swapped in
/// only when complete. On any error the new folder is removed and `options.out` is untouched.
pub fn build(
    repo: &Repository,
    findings: &[Diagnostic],
    history: &HashMap<String, Vec<history::Change>>,
    options: &Options,
) -> anyhow::Result<Report> {
    check_render(findings, options)?;
    let staging = Staging::new(&options.out)?;
    let previous = options.out.join(crate::read::SITE_MARKER).is_file();
    let out = Output::folder(staging.dir.path(), previous.then_some(&*options.out));
    let rendered = render(repo, findings, history, options, options.search, &out)?;
    let mut clock = crate::diag::Stopwatch::new();
    let mut report = rendered.report;
    report.files = out.count() + rendered.attachments.len();
    staging.finish(&options.out, &rendered.attachments)?;
    clock.lap("site: attachments and swap");
    Ok(report)
}

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
    fn folder(folder: &Path, previous: Option<&Path>) -> Output {
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
                    .with_context(|| format!("cannot create `{}`", dir.display()))?;
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
        std::fs::write(&path, bytes).with_context(|| format!("cannot write `{}`", path.display()))
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

/// What a render produced besides its files: attachments to copy from the repository.
pub struct Rendered {
    /// (site path, source file)
    pub attachments: Vec<(String, PathBuf)>,
    /// What the search index is built from, when `render` did not build it.
    pub search: Vec<search::Entry>,
    pub report: Report,
}

/// Refuses to render a repository with errors, unless allowed.
fn check_render(findings: &[Diagnostic], options: &Options) -> anyhow::Result<()> {
    let errors = findings
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    if errors > 0 && !options.allow_errors {
        bail!("{errors} error(s) found by `clerk check`; fix them, or build anyway with --allow-errors (affected records are marked)");
    }
    Ok(())
}

/// Renders the site into `out`; `search` builds the search index now too, on its own thread
/// while the registers are computed (otherwise `Rendered::search` is what to build it from).
pub fn render(
    repo: &Repository,
    findings: &[Diagnostic],
    history: &HashMap<String, Vec<history::Change>>,
    options: &Options,
    search: bool,
    out: &Output,
) -> anyhow::Result<Rendered> {
    check_render(findings, options)?;
    let mut clock = crate::diag::Stopwatch::new();
    let mut site = Site::new(repo, findings, history, options.audience, &options.today);
    site.search = options.search;
    let theme = templates::Theme::load(&repo.root, repo.config.association.locale)?;
    clock.lap("site: prepare");
    let mut entries = Vec::new();
    let pages = pages::render(&site, &theme, out, &mut entries)?;
    clock.lap("site: record and index pages");
    let locale = repo.config.association.locale;
    let part = repo.config.site.search_part;
    let (pages, entries) = std::thread::scope(|scope| -> anyhow::Result<_> {
        // Pagefind indexes mostly on one thread: the registers use the other core meanwhile.
        let indexing = search.then(|| {
            let entries = &entries;
            std::thread::Builder::new()
                .name("clerk-search".into())
                .stack_size(16 << 20)
                .spawn_scoped(scope, move || {
                    let cache = search::PartCache::open(&repo.root, options.audience.as_str());
                    search::index(locale, entries, part, cache.as_ref(), out)?;
                    if let Some(cache) = cache {
                        cache.prune();
                    }
                    anyhow::Ok(())
                })
        });
        let pages = pages + registers::render(&site, &theme, out)?;
        clock.lap("site: registers, reports, due");
        for (name, text) in &theme.assets {
            out.put(name.clone(), text.clone().into_bytes())?;
        }
        feeds::write(&site, out)?;
        clock.lap("site: feeds");
        if let Some(indexing) = indexing {
            indexing
                .context("cannot start the search indexer")?
                .join()
                .map_err(|_| anyhow::anyhow!("the search indexer failed"))??;
            clock.lap("site: search index (after the registers)");
        }
        Ok(pages)
    })
    .map(|pages| (pages, entries))?;
    let attachments = copy_attachments(&site);
    let report = Report {
        records: site.visible.len(),
        hidden: repo.records.len() - site.visible.len(),
        pages,
        files: out.count() + attachments.len(),
    };
    Ok(Rendered {
        attachments,
        search: if search { Vec::new() } else { entries },
        report,
    })
}

/// Attachments of visible records, as (site path, source file). A path that leaves the
/// repository is refused.
fn copy_attachments(site: &Site) -> Vec<(String, PathBuf)> {
    let root = site
        .repo
        .root
        .canonicalize()
        .unwrap_or_else(|_| site.repo.root.clone());
    let mut out = Vec::new();
    for record in site.records() {
        let Some(list) = record.fields.get("attachments").and_then(|v| v.as_array()) else {
            continue;
        };
        let dir = Path::new(&record.path).parent().unwrap_or(Path::new(""));
        for name in list.iter().filter_map(|v| v.as_str()) {
            let source = root.join(dir).join(name);
            let Ok(real) = source.canonicalize() else {
                continue;
            };
            if !real.starts_with(&root) || !real.is_file() {
                continue;
            }
            let file_name = Path::new(name)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            out.push((
                format!("files/{}/{}", slug(&record.id), slug(&file_name)),
                real,
            ));
        }
    }
    out
}

/// The new site's folder, beside the one it replaces: removed if the build fails.
struct Staging {
    dir: tempfile::TempDir,
    parent: PathBuf,
}

impl Staging {
    /// Refuses an `out` that holds something other than a site clerk built.
    fn new(out: &Path) -> anyhow::Result<Staging> {
        let parent = out
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."))
            .to_path_buf();
        std::fs::create_dir_all(&parent)
            .with_context(|| format!("cannot create `{}`", parent.display()))?;
        if out.exists()
            && !out.join(crate::read::SITE_MARKER).exists()
            && std::fs::read_dir(out).is_ok_and(|mut d| d.next().is_some())
        {
            bail!(
                "`{}` exists and is not a site clerk built; choose another folder with -o",
                out.display()
            );
        }
        let dir = tempfile::Builder::new()
            .prefix(".clerk-site-")
            .tempdir_in(&parent)?;
        Ok(Staging { dir, parent })
    }

    /// Copies the attachments in, marks the folder as clerk's, and puts it in place of `out`.
    fn finish(self, out: &Path, copied: &[(String, PathBuf)]) -> anyhow::Result<()> {
        copied.par_iter().try_for_each(|(rel, source)| {
            let path = self.dir.path().join(rel);
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir)?;
            }
            std::fs::copy(source, &path)
                .with_context(|| format!("cannot copy `{}`", source.display()))
                .map(|_| ())
        })?;
        std::fs::write(
            self.dir.path().join(crate::read::SITE_MARKER),
            "built by clerk; this folder is replaced on every build\n",
        )?;
        swap(self.dir.keep(), out, &self.parent)
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

/// Puts the finished folder `staged` in place of `out`.
fn swap(staged: PathBuf, out: &Path, parent: &Path) -> anyhow::Result<()> {
    if out.exists() {
        let old = parent.join(format!(".clerk-old-{}", std::process::id()));
        std::fs::rename(out, &old)
            .with_context(|| format!("cannot replace `{}`", out.display()))?;
        if let Err(e) = std::fs::rename(&staged, out) {
            // Put the old site back rather than leave none.
            std::fs::rename(&old, out).ok();
            std::fs::remove_dir_all(&staged).ok();
            return Err(e).with_context(|| format!("cannot replace `{}`", out.display()));
        }
        remove_site(&old);
    } else {
        std::fs::rename(&staged, out)
            .with_context(|| format!("cannot create `{}`", out.display()))?;
    }
    Ok(())
}
