//! `clerk serve`: the archive site built in memory, served on 127.0.0.1, rebuilt when a file
//! changes, and reloaded in the open page. Check errors show on every page instead of a stale
//! site.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use anyhow::{anyhow, Context};
use notify::{EventKind, RecursiveMode, Watcher};

use chrono::NaiveDate;

use super::args::{AsOf, Audience};
mod http;

use http::{line, respond};

use crate::check;
use crate::diag::{Diagnostic, Severity};
use crate::i18n::t;
use crate::model::repo::Repository;
use crate::site;

/// A rendered site: its files by path.
type Files = BTreeMap<String, Vec<u8>>;

/// How long after a change clerk waits for the rest of the same save.
const DEBOUNCE: Duration = Duration::from_millis(20);

/// What `clerk serve` was asked for.
pub struct Request {
    pub dir: PathBuf,
    pub port: u16,
    pub audience: Audience,
    /// A fixed day for date-dependent rules; today when absent.
    pub today: Option<NaiveDate>,
}

/// The site being served, and what went wrong building it.
#[derive(Default)]
struct State {
    /// Bumped on every rebuild; open pages reload when it changes.
    version: u64,
    files: Arc<Files>,
    /// Pages rendered again since `files` was built, to show an edit at once; `files` wins
    /// again at the next whole rebuild.
    overlay: Arc<Files>,
    attachments: Arc<HashMap<String, PathBuf>>,
    /// Check errors, as lines `path:line: message [code]`.
    errors: Vec<String>,
    /// Why nothing could be built at all (the configuration is broken, …).
    failure: Option<String>,
}

struct Shared {
    state: Mutex<State>,
    changed: Condvar,
    /// The newest site waiting for its search index, while the indexer runs.
    search: Mutex<Option<SearchJob>>,
}

impl Shared {
    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// `clerk serve`: runs until interrupted.
pub fn run(req: &Request) -> anyhow::Result<i32> {
    let root = req
        .dir
        .canonicalize()
        .with_context(|| t("serve-cannot-open", &[("path", &req.dir.display())]))?;
    let shared = Arc::new(Shared {
        state: Mutex::new(State::default()),
        changed: Condvar::new(),
        search: Mutex::new(None),
    });
    // Rebuild on changes, debounced so an editor's save (write, rename, …) is one rebuild.
    // Reading files (which clerk itself does) is not a change.
    let (events, changes) = std::sync::mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |result: notify::Result<notify::Event>| {
        if let Ok(event) = result {
            if !matches!(event.kind, EventKind::Access(_)) {
                let _ = events.send(event.paths);
            }
        }
    })
    .context(t("serve-cannot-watch", &[]))?;
    watcher
        .watch(&root, RecursiveMode::Recursive)
        .context(t("serve-cannot-watch", &[]))?;
    // Watching starts before the first build: a save made while it runs is built next, and
    // none made after "watching" is printed can be missed.
    let (took, mut last) = rebuild(&root, req, &shared);
    let server = tiny_http::Server::http(("127.0.0.1", req.port)).map_err(|e| {
        anyhow!(t(
            "serve-cannot-listen",
            &[("port", &req.port), ("error", &e)]
        ))
    })?;
    let port = server.server_addr().to_ip().map_or(req.port, |a| a.port());
    let url = format!("http://127.0.0.1:{port}/");
    println!(
        "{}",
        t("serve-serving", &[("path", &root.display()), ("url", &url)])
    );
    println!("{}", t("serve-built", &[("ms", &took.as_millis())]));

    let watcher_state = Arc::clone(&shared);
    let watch_root = root.clone();
    let request = Request {
        dir: req.dir.clone(),
        port,
        audience: req.audience.clone(),
        today: req.today,
    };
    let watching = std::thread::Builder::new()
        .name("clerk-rebuild".into())
        .stack_size(16 << 20)
        .spawn(move || {
            while let Ok(paths) = changes.recv() {
                let mut changed: Vec<PathBuf> = paths;
                // Whatever else arrives within the debounce interval belongs to the same save.
                while let Ok(more) = changes.recv_timeout(DEBOUNCE) {
                    changed.extend(more);
                }
                changed.retain(|p| relevant(&watch_root, p));
                changed.sort();
                changed.dedup();
                if changed.is_empty() {
                    continue;
                }
                // An edit of records already on the site shows at once; the whole site follows.
                if let Some(loaded) = last.as_mut() {
                    if let Some(took) =
                        quick(&watch_root, &request, loaded, &changed, &watcher_state)
                    {
                        println!("{}", t("serve-page-updated", &[("ms", &took.as_millis())]));
                    }
                }
                let (took, loaded) = rebuild(&watch_root, &request, &watcher_state);
                last = loaded;
                println!("{}", t("serve-rebuilt", &[("ms", &took.as_millis())]));
            }
        });
    watching.context(t("serve-no-thread", &[]))?;

    for request in server.incoming_requests() {
        let shared = Arc::clone(&shared);
        std::thread::spawn(move || respond(request, &shared));
    }
    Ok(0)
}

/// Whether a change at `path` can change the site: not git's own files, hidden folders, or a
/// site clerk built inside the repository.
fn relevant(root: &Path, path: &Path) -> bool {
    let Ok(rel) = path.strip_prefix(root) else {
        return false;
    };
    let mut dir = root.to_path_buf();
    for part in rel.components() {
        let name = part.as_os_str().to_string_lossy();
        if name.starts_with('.') {
            return false;
        }
        dir.push(part);
        if dir.join(crate::read::SITE_MARKER).exists() {
            return false;
        }
    }
    true
}

/// The repository as last loaded and checked, kept between rebuilds for quick page updates.
struct Loaded {
    repo: Repository,
    findings: Vec<Diagnostic>,
}

fn today(req: &Request) -> NaiveDate {
    req.today.unwrap_or_else(super::args::today)
}

/// Loads, checks and renders the repository, then swaps the result in.
fn rebuild(root: &Path, req: &Request, shared: &Arc<Shared>) -> (Duration, Option<Loaded>) {
    let started = Instant::now();
    let outcome = build(root, &req.audience, today(req));
    let mut state = shared.lock();
    state.version += 1;
    let mut search = None;
    let mut kept = None;
    match outcome {
        Ok((files, rendered, loaded)) => {
            let files = Arc::new(files);
            state.files = Arc::clone(&files);
            state.overlay = Arc::new(Files::new());
            state.attachments = Arc::new(rendered.attachments.into_iter().collect());
            state.errors = errors(&loaded.findings);
            state.failure = None;
            search = Some((
                files,
                rendered.search,
                loaded.repo.config.association.locale,
                loaded.repo.config.site.search_part,
                loaded
                    .repo
                    .config
                    .classifications
                    .id(req
                        .audience
                        .resolve(&loaded.repo.config.classifications)
                        .unwrap_or_default())
                    .to_string(),
            ));
            kept = Some(loaded);
        }
        Err(e) => state.failure = Some(format!("{e:#}")),
    }
    shared.changed.notify_all();
    drop(state);
    let took = started.elapsed();
    // The search index follows on its own thread: pages show the edit without waiting for it,
    // and the next edit need not wait either.
    if let Some((files, entries, locale, part, audience)) = search {
        let job = SearchJob {
            files,
            entries: Arc::new(entries),
            locale,
            part,
            root: root.to_path_buf(),
            audience,
        };
        // One indexer at a time: while it works, only the newest site waits for it.
        let start = {
            let mut pending = shared.search.lock().unwrap_or_else(|e| e.into_inner());
            let idle = pending.is_none();
            *pending = Some(job);
            idle
        };
        if start {
            let shared = Arc::clone(shared);
            let _ = std::thread::Builder::new()
                .name("clerk-search".into())
                .stack_size(16 << 20)
                .spawn(move || index_search(&shared));
        }
    }
    (took, kept)
}

/// A site waiting for its search index.
#[derive(Clone)]
struct SearchJob {
    files: Arc<Files>,
    entries: Arc<Vec<site::search::Entry>>,
    locale: crate::model::config::Locale,
    part: usize,
    /// Where the cache of search parts is (the records' git folder), and for which audience.
    root: PathBuf,
    audience: String,
}

/// Indexes the newest site waiting, then the next newest, until none waits; a site already
/// replaced by a newer one when its index is ready is left as it is.
fn index_search(shared: &Shared) {
    loop {
        let job = {
            let pending = shared.search.lock().unwrap_or_else(|e| e.into_inner());
            match pending.as_ref() {
                Some(job) => job.clone(),
                None => return,
            }
        };
        let index = site::Output::memory();
        let cache = site::search::PartCache::open(&job.root, &job.audience);
        let built =
            site::search::index(job.locale, &job.entries, job.part, cache.as_ref(), &index).is_ok();
        if let (true, Some(cache)) = (built, &cache) {
            cache.prune();
        }
        if built {
            let mut with_index = (*job.files).clone();
            with_index.extend(index.into_files());
            let mut state = shared.lock();
            if Arc::ptr_eq(&state.files, &job.files) {
                state.files = Arc::new(with_index);
            }
        }
        // Done with this one; stop unless a newer site came meanwhile.
        let mut pending = shared.search.lock().unwrap_or_else(|e| e.into_inner());
        if pending
            .as_ref()
            .is_none_or(|p| Arc::ptr_eq(&p.files, &job.files))
        {
            *pending = None;
            return;
        }
    }
}

/// Check errors as the banner shows them.
fn errors(findings: &[Diagnostic]) -> Vec<String> {
    findings
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(line)
        .collect()
}

/// Shows an edit of records already on the site at once: their files are read and parsed again
/// over the repository as last loaded, checked on their own, and only their pages rendered.
/// `None` when the change is anything else (a new, removed or renamed record, a type file,
/// clerk.yaml, a template, a record whose id or type changed): the whole rebuild covers it.
fn quick(
    root: &Path,
    req: &Request,
    loaded: &mut Loaded,
    changed: &[PathBuf],
    shared: &Shared,
) -> Option<Duration> {
    use crate::read::Snapshot;
    let started = Instant::now();
    let mut clock = crate::diag::Stopwatch::new();
    let folder = crate::read::Folder {
        root: root.to_path_buf(),
    };
    let limit = loaded.repo.config.limits.max_record_bytes;
    let mut at = Vec::new();
    for path in changed {
        let rel = crate::read::relative(root, path);
        let file = folder.load(&rel, limit).ok()?;
        at.push(loaded.repo.replace_record(file)?);
    }
    clock.lap("quick: read and parse");
    let repo = &loaded.repo;
    let today = today(req);
    // The edited records' own findings replace theirs; the rest wait for the whole check.
    let paths: std::collections::HashSet<&str> =
        at.iter().map(|&i| repo.records[i].path.as_str()).collect();
    loaded.findings.retain(|d| !paths.contains(d.path.as_str()));
    let options = check::Options { today };
    loaded.findings.extend(check::records(repo, &options, &at));
    clock.lap("quick: check");
    let history = HashMap::new();
    let audience = req.audience.resolve(&repo.config.classifications).ok()?;
    let site = site::Site::new(repo, &loaded.findings, &history, audience, today);
    clock.lap("quick: site");
    let theme = site::templates::Theme::load(&repo.root, repo.config.association.locale).ok()?;
    clock.lap("quick: theme");
    let ids: std::collections::HashSet<&str> =
        at.iter().map(|&i| repo.records[i].id.as_str()).collect();
    let pages = site::pages::RecordPages::only(&site, &theme, &ids);
    clock.lap("quick: backlinks");
    let mut state = shared.lock();
    let mut overlay = (*state.overlay).clone();
    drop(state);
    for &i in &at {
        let r = &repo.records[i];
        if !site.shows(&r.id) {
            continue;
        }
        let (url, html, _) = pages.render(r).ok()??;
        overlay.insert(url, html);
    }
    clock.lap("quick: render");
    state = shared.lock();
    state.overlay = Arc::new(overlay);
    state.errors = errors(&loaded.findings);
    state.version += 1;
    shared.changed.notify_all();
    Some(started.elapsed())
}

fn build(
    root: &Path,
    audience: &Audience,
    today: NaiveDate,
) -> anyhow::Result<(Files, site::Rendered, Loaded)> {
    let (repo, mut findings) = super::record::open_repository(root)?;
    let audience = audience.resolve(&repo.config.classifications)?;
    findings.extend(check::run(&repo, &check::Options { today }));
    findings.extend(check::attachments::check(&repo));
    let options = site::Options {
        out: root.join("public"),
        audience,
        allow_errors: true,
        search: cfg!(feature = "search"),
        today,
        // PDFs take a while to typeset: `clerk build` and `clerk pdf` make them.
        pdf: false,
    };
    let history = HashMap::new();
    let out = site::Output::memory();
    let rendered = site::render(&repo, &findings, &history, &options, false, &out)?;
    Ok((out.into_files(), rendered, Loaded { repo, findings }))
}

/// `clerk serve`'s arguments.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub identity: crate::cmd::args::Identity,
    /// The records repository.
    #[arg(default_value = ".")]
    pub dir: PathBuf,
    /// The port (0: any free port).
    #[arg(long, default_value = "8000")]
    pub port: u16,
    /// Whose site to show: only records classified at this level (an id of clerk.yaml's
    /// `classifications`) or below [default: the highest, `confidential`].
    #[arg(long, value_name = "LEVEL", add = crate::cmd::complete::audiences())]
    pub audience: Option<String>,
    #[command(flatten)]
    pub as_of: AsOf,
}

impl Args {
    pub fn run(self) -> anyhow::Result<i32> {
        run(&Request {
            dir: crate::cmd::record::repository_dir(&self.dir),
            port: self.port,
            audience: Audience::or(self.audience, Audience::Highest),
            today: self.as_of.today,
        })
    }
}
