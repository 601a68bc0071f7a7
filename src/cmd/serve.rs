//! `clerk serve`: the archive site built in memory, served on 127.0.0.1, rebuilt when a file
//! changes, and reloaded in the open page. Check errors show on every page instead of a stale
//! site.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use anyhow::{anyhow, Context};
use notify::{EventKind, RecursiveMode, Watcher};

use crate::check;
use crate::diag::{Diagnostic, Severity};
use crate::model::repo::Repository;
use crate::model::types::Classification;
use crate::site;

/// A rendered site: its files by path.
type Files = BTreeMap<String, Vec<u8>>;

/// How long after a change clerk waits for the rest of the same save.
const DEBOUNCE: Duration = Duration::from_millis(20);

/// What `clerk serve` was asked for.
pub struct Request {
    pub dir: PathBuf,
    pub port: u16,
    pub audience: Classification,
    /// A fixed date for date-dependent rules; today when absent.
    pub today: Option<String>,
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
        .with_context(|| format!("cannot open `{}`", req.dir.display()))?;
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
    .context("cannot watch the repository for changes")?;
    watcher
        .watch(&root, RecursiveMode::Recursive)
        .context("cannot watch the repository for changes")?;
    // Watching starts before the first build: a save made while it runs is built next, and
    // none made after "watching" is printed can be missed.
    let (took, mut last) = rebuild(&root, req, &shared);
    let server = tiny_http::Server::http(("127.0.0.1", req.port))
        .map_err(|e| anyhow!("cannot listen on 127.0.0.1:{}: {e}", req.port))?;
    let port = server.server_addr().to_ip().map_or(req.port, |a| a.port());
    println!("serving {} at http://127.0.0.1:{port}/", root.display());
    println!(
        "built in {} ms; watching for changes (Ctrl-C stops)",
        took.as_millis()
    );

    let watcher_state = Arc::clone(&shared);
    let watch_root = root.clone();
    let request = Request {
        dir: req.dir.clone(),
        port,
        audience: req.audience,
        today: req.today.clone(),
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
                        println!("page updated in {} ms", took.as_millis());
                    }
                }
                let (took, loaded) = rebuild(&watch_root, &request, &watcher_state);
                last = loaded;
                println!("rebuilt in {} ms", took.as_millis());
            }
        });
    watching.context("cannot start the rebuilding thread")?;

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

fn today(req: &Request) -> String {
    req.today
        .clone()
        .unwrap_or_else(|| chrono::Local::now().date_naive().to_string())
}

/// Loads, checks and renders the repository, then swaps the result in.
fn rebuild(root: &Path, req: &Request, shared: &Arc<Shared>) -> (Duration, Option<Loaded>) {
    let started = Instant::now();
    let outcome = build(root, req.audience, &today(req));
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
    if let Some((files, entries, locale, part)) = search {
        let job = SearchJob {
            files,
            entries: Arc::new(entries),
            locale,
            part,
            root: root.to_path_buf(),
            audience: req.audience,
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
    audience: Classification,
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
        let cache = site::search::PartCache::open(&job.root, job.audience.as_str());
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
    let options = check::Options {
        today: today.clone(),
    };
    loaded.findings.extend(check::records(repo, &options, &at));
    clock.lap("quick: check");
    let history = HashMap::new();
    let site = site::Site::new(repo, &loaded.findings, &history, req.audience, &today);
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
    audience: Classification,
    today: &str,
) -> anyhow::Result<(Files, site::Rendered, Loaded)> {
    let (repo, mut findings) = super::record::open_repository(root)?;
    findings.extend(check::run(
        &repo,
        &check::Options {
            today: today.to_string(),
        },
    ));
    let options = site::Options {
        out: root.join("public"),
        audience,
        allow_errors: true,
        search: true,
        today: today.to_string(),
    };
    let history = HashMap::new();
    let out = site::Output::memory();
    let rendered = site::render(&repo, &findings, &history, &options, false, &out)?;
    Ok((out.into_files(), rendered, Loaded { repo, findings }))
}

fn line(d: &Diagnostic) -> String {
    format!("{}:{}: {} [{}]", d.path, d.line, d.message, d.code)
}

/// The page-side of reloading: waits for the next version, then reloads.
const RELOAD_JS: &str = r#"(function () {
  var me = document.currentScript, version = me.getAttribute("data-version");
  function wait() {
    fetch("/__clerk/version?since=" + version, {cache: "no-store"})
      .then(function (r) { return r.text(); })
      .then(function (v) { if (v.trim() !== version) { location.reload(); } else { wait(); } })
      .catch(function () { setTimeout(wait, 1000); });
  }
  wait();
})();
"#;

fn respond(request: tiny_http::Request, shared: &Shared) {
    let url = request.url().to_string();
    let (path, query) = url.split_once('?').unwrap_or((&url, ""));
    let path = percent_decode(path);
    if path == "/__clerk/version" {
        let since: u64 = query
            .split('&')
            .find_map(|kv| kv.strip_prefix("since="))
            .and_then(|v| v.parse().ok())
            .unwrap_or(0);
        let state = shared.lock();
        let (state, _) = shared
            .changed
            .wait_timeout_while(state, Duration::from_secs(25), |s| s.version == since)
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let body = state.version.to_string();
        drop(state);
        let _ = request.respond(text(body, "text/plain; charset=utf-8"));
        return;
    }
    if path == "/__clerk/reload.js" {
        let _ = request.respond(text(RELOAD_JS.into(), "text/javascript; charset=utf-8"));
        return;
    }
    let (version, files, overlay, attachments, errors, failure) = {
        let s = shared.lock();
        (
            s.version,
            Arc::clone(&s.files),
            Arc::clone(&s.overlay),
            Arc::clone(&s.attachments),
            s.errors.clone(),
            s.failure.clone(),
        )
    };
    let mut rel = path.trim_start_matches('/').to_string();
    if rel.is_empty() || rel.ends_with('/') {
        rel.push_str("index.html");
    }
    if let Some(failure) = failure {
        let page = format!(
            "<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>clerk: cannot build</title><body><h1>clerk cannot build the site</h1><pre>{}</pre></body></html>",
            escape(&failure)
        );
        let _ = request.respond(html(inject(&page, version, &[]), 500));
        return;
    }
    if rel.contains("..") {
        let _ = request.respond(tiny_http::Response::empty(400));
        return;
    }
    let bytes = match overlay.get(&rel).or_else(|| files.get(&rel)) {
        Some(b) => b.clone(),
        None => match files.get(&format!("{rel}/index.html")) {
            Some(_) => {
                let location = format!("{path}/");
                let header = tiny_http::Header::from_bytes("Location", location.as_bytes());
                let mut response = tiny_http::Response::empty(301);
                if let Ok(h) = header {
                    response = response.with_header(h);
                }
                let _ = request.respond(response);
                return;
            }
            None => match attachments.get(&rel).and_then(|p| std::fs::read(p).ok()) {
                Some(b) => b,
                None => {
                    let page = "<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>Not found</title><body><h1>Not found</h1><p><a href=\"/\">Home</a></p></body></html>";
                    let _ = request.respond(html(inject(page, version, &errors), 404));
                    return;
                }
            },
        },
    };
    if rel.ends_with(".html") {
        let page = String::from_utf8_lossy(&bytes);
        let _ = request.respond(html(inject(&page, version, &errors), 200));
    } else {
        let response = tiny_http::Response::from_data(bytes);
        let response = match content_type(&rel) {
            Some(t) => match tiny_http::Header::from_bytes("Content-Type", t) {
                Ok(h) => response.with_header(h),
                Err(()) => response,
            },
            None => response,
        };
        let _ = request.respond(response);
    }
}

/// Adds the reload script, and the check errors as a banner at the top of the page.
fn inject(page: &str, version: u64, errors: &[String]) -> String {
    let mut banner = String::new();
    if !errors.is_empty() {
        banner.push_str("<div id=\"clerk-errors\" role=\"alert\" style=\"background:#fde8e8;border:2px solid #b42318;color:#000;padding:.75rem 1rem;margin:0;font:14px/1.5 sans-serif\">");
        banner.push_str(&format!(
            "<strong>clerk check: {} error(s)</strong><ul style=\"margin:.25rem 0 0 1rem;padding:0\">",
            errors.len()
        ));
        for e in errors.iter().take(50) {
            banner.push_str(&format!("<li><code>{}</code></li>", escape(e)));
        }
        banner.push_str("</ul></div>");
    }
    let script = format!("<script src=\"/__clerk/reload.js\" data-version=\"{version}\"></script>");
    let mut out = String::with_capacity(page.len() + banner.len() + script.len());
    match page.find("<body") {
        Some(start) => {
            let open_end = page[start..]
                .find('>')
                .map_or(page.len(), |i| start + i + 1);
            out.push_str(&page[..open_end]);
            out.push_str(&banner);
            let rest = &page[open_end..];
            match rest.rfind("</body>") {
                Some(i) => {
                    out.push_str(&rest[..i]);
                    out.push_str(&script);
                    out.push_str(&rest[i..]);
                }
                None => {
                    out.push_str(rest);
                    out.push_str(&script);
                }
            }
        }
        None => {
            out.push_str(&banner);
            out.push_str(page);
            out.push_str(&script);
        }
    }
    out
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn text(body: String, kind: &str) -> tiny_http::Response<std::io::Cursor<Vec<u8>>> {
    let mut response = tiny_http::Response::from_data(body.into_bytes());
    for (name, value) in [("Content-Type", kind), ("Cache-Control", "no-store")] {
        if let Ok(h) = tiny_http::Header::from_bytes(name, value) {
            response = response.with_header(h);
        }
    }
    response
}

fn html(page: String, status: u16) -> tiny_http::Response<std::io::Cursor<Vec<u8>>> {
    text(page, "text/html; charset=utf-8").with_status_code(status)
}

fn content_type(path: &str) -> Option<&'static str> {
    let ext = path.rsplit_once('.')?.1;
    Some(match ext {
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "pdf" => "application/pdf",
        "xml" | "atom" => "application/atom+xml; charset=utf-8",
        "ics" => "text/calendar; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "wasm" => "application/wasm",
        _ => return None,
    })
}

/// Decodes `%XX` escapes (URLs of pages with Chinese names).
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = |b: u8| (b as char).to_digit(16);
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn injects_banner_after_body_and_script_before_its_end() {
        let page = "<html><body class=\"x\"><p>hi</p></body></html>";
        let out = inject(page, 7, &["a.md:3: bad <b> [E011]".into()]);
        assert!(
            out.starts_with("<html><body class=\"x\"><div id=\"clerk-errors\""),
            "{out}"
        );
        assert!(
            out.contains("a.md:3: bad &lt;b&gt; [E011]"),
            "escaped: {out}"
        );
        assert!(out.ends_with("<p>hi</p><script src=\"/__clerk/reload.js\" data-version=\"7\"></script></body></html>"), "{out}");
        assert_eq!(inject(page, 1, &[]).matches("clerk-errors").count(), 0);
    }

    #[test]
    fn decodes_percent_escapes_and_keeps_bad_ones() {
        assert_eq!(percent_decode("/a%20b/%E6%9C%83.html"), "/a b/會.html");
        assert_eq!(percent_decode("/x%2"), "/x%2");
        assert_eq!(percent_decode("/x%zz"), "/x%zz");
        assert_eq!(
            percent_decode("/%會%"),
            "/%會%",
            "no panic inside a character"
        );
    }
}
