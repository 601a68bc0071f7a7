//! `clerk serve`: a real server on a free port, real file edits, pages fetched over HTTP.

use crate::common;

use std::collections::{HashMap, HashSet};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::Repo;

/// The server, stopped when dropped.
struct Server {
    child: Child,
    port: u16,
    /// What it printed, line by line.
    log: Arc<Mutex<Vec<String>>>,
}

impl Server {
    /// Waits until the server has printed `n` lines starting with `prefix`.
    fn logged(&self, prefix: &str, n: usize) -> Vec<String> {
        let started = Instant::now();
        loop {
            let lines: Vec<String> = self.log.lock().unwrap().clone();
            if lines.iter().filter(|l| l.starts_with(prefix)).count() >= n {
                return lines;
            }
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "never printed {n} × {prefix:?}: {lines:?}"
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn serve(repo: &Repo) -> Server {
    let mut child = common::clerk(&["serve", "--port", "0", "--today", common::TODAY])
        .arg(repo.path())
        .stderr(Stdio::null())
        .spawn();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    out.read_line(&mut first).unwrap();
    // "serving DIR at http://127.0.0.1:PORT/"
    let port = first
        .trim()
        .rsplit(':')
        .next()
        .and_then(|p| p.trim_end_matches('/').parse().ok())
        .unwrap_or_else(|| panic!("no port in {first:?}"));
    // Keep reading its output so the server never blocks on a full pipe.
    let log = Arc::new(Mutex::new(Vec::new()));
    let lines = Arc::clone(&log);
    std::thread::spawn(move || {
        for line in out.lines() {
            let Ok(line) = line else { break };
            lines.lock().unwrap().push(line);
        }
    });
    Server { child, port, log }
}

/// GET over plain HTTP/1.0: (status, body).
fn get(port: u16, path: &str) -> (u16, String) {
    get_as(port, path, Some("127.0.0.1"))
}

/// `GET path` with this Host header (none when `None`).
fn get_as(port: u16, path: &str, host: Option<&str>) -> (u16, String) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    let host = host.map_or(String::new(), |h| format!("Host: {h}\r\n"));
    write!(stream, "GET {path} HTTP/1.0\r\n{host}\r\n").unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    (status, body.to_string())
}

/// Fetches `path` until `want` holds, returning how long that took.
fn until(server: &Server, path: &str, want: impl Fn(&str) -> bool) -> Duration {
    let started = Instant::now();
    loop {
        let (_, body) = get(server.port, path);
        if want(&body) {
            return started.elapsed();
        }
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "{path} never showed the change; the server said {:?}; last:\n{body}",
            server.log.lock().unwrap()
        );
        std::thread::sleep(Duration::from_millis(5));
    }
}

#[test]
fn an_edit_shows_in_the_served_page_and_errors_show_on_every_page() {
    let repo = Repo::example();
    let server = serve(&repo);
    let page = "/document/2026-doc-006.html";
    let (status, body) = get(server.port, page);
    assert_eq!(status, 200);
    assert!(
        body.contains("<script src=\"/__clerk/reload.js\" data-version=\"1\"></script></body>"),
        "{body}"
    );
    assert!(!body.contains("clerk-errors"), "the example has no errors");
    let (status, _) = get(server.port, "/assets/style.css");
    assert_eq!(status, 200);
    let (status, _) = get(server.port, "/no/such/page.html");
    assert_eq!(status, 404);

    // An open page waits for the next version, and learns of it when the edit is built.
    let waiting = {
        let port = server.port;
        std::thread::spawn(move || get(port, "/__clerk/version?since=1"))
    };
    let marker = "（修訂：改期至12月3日）";
    repo.edit(
        "documents/2026-doc-006.md",
        "\n---\n",
        &format!("\n---\n{marker}\n"),
    );
    let delay = until(&server, page, |b| b.contains(marker));
    eprintln!("edit visible after {} ms", delay.as_millis());
    let (_, version) = waiting.join().unwrap();
    assert_ne!(version.trim(), "1", "the waiting page was told to reload");

    // A mistake: the page shows the error instead of a stale site, on every page.
    repo.edit("documents/2026-doc-006.md", "kind: ", "kind: 公告X");
    until(&server, "/", |b| {
        b.contains("clerk-errors") && b.contains("E012")
    });
    let (_, body) = get(server.port, page);
    assert!(body.contains("documents/2026-doc-006.md:"), "{body}");
    // Fixed: the banner goes away.
    repo.edit("documents/2026-doc-006.md", "kind: 公告X", "kind: ");
    until(&server, "/", |b| !b.contains("clerk-errors"));

    // A broken configuration: the reason, not a stale site.
    let config = repo.read("clerk.yaml");
    repo.write("clerk.yaml", "association: [\n");
    until(&server, page, |b| b.contains("clerk cannot build the site"));
    repo.write("clerk.yaml", config);
    until(&server, page, |b| b.contains(marker));
}

/// A page elsewhere whose name resolves to 127.0.0.1 (DNS rebinding) gets nothing: only the
/// loopback names are answered.
#[test]
fn answers_only_for_loopback_host_names() {
    let repo = Repo::example();
    let server = serve(&repo);
    let page = "/document/2026-doc-006.html";
    for host in ["127.0.0.1", "localhost", "LOCALHOST:8000", "[::1]:8000"] {
        let (status, _) = get_as(server.port, page, Some(host));
        assert_eq!(status, 200, "{host}");
    }
    for host in [
        Some(format!("evil.example:{}", server.port)),
        Some("127.0.0.1.evil.example".to_string()),
        None,
    ] {
        let (status, body) = get_as(server.port, page, host.as_deref());
        assert_eq!(status, 403, "{host:?}: {body}");
        assert!(
            !body.contains("2026-doc-006") && !body.contains("<html"),
            "{body}"
        );
    }
}

#[test]
fn serves_only_on_the_loopback_address() {
    let repo = Repo::example();
    let server = serve(&repo);
    let (status, _) = get(server.port, "/");
    assert_eq!(status, 200);
    // Paths cannot climb out of the site.
    let (status, body) = get(server.port, "/../clerk.yaml");
    assert_ne!(status, 200, "{body}");
    assert!(!body.contains("association:"));
    let addresses: Vec<String> = std::fs::read_to_string("/proc/net/tcp")
        .unwrap_or_default()
        .lines()
        .skip(1)
        .filter_map(|l| l.split_whitespace().nth(1).map(str::to_string))
        .filter(|a| a.ends_with(&format!(":{:04X}", server.port)))
        .collect();
    if !addresses.is_empty() {
        assert!(
            addresses.iter().all(|a| a.starts_with("0100007F:")),
            "listening on {addresses:?}"
        );
    }
}

#[test]
fn an_edited_record_is_shown_at_once_then_the_whole_site_follows() {
    let repo = Repo::example();
    let server = serve(&repo);
    server.logged("built in", 1);
    // An edit of a record on the site: its page first, then the whole rebuild.
    let page = "/document/2026-doc-006.html";
    repo.edit(
        "documents/2026-doc-006.md",
        "\n---\n",
        "\n---\n（快速更新）\n",
    );
    until(&server, page, |b| b.contains("（快速更新）"));
    let lines = server.logged("rebuilt in", 1);
    let quick = lines.iter().position(|l| l.starts_with("page updated in"));
    let whole = lines.iter().position(|l| l.starts_with("rebuilt in"));
    assert!(
        quick.is_some() && quick < whole,
        "the page is updated before the whole rebuild: {lines:?}"
    );
    // The record's own mistake shows on the banner from the quick update already (E012: a
    // kind the type does not allow), and the whole rebuild keeps it.
    repo.edit("documents/2026-doc-006.md", "kind: ", "kind: 公告X");
    server.logged("page updated in", 2);
    let (_, body) = get(server.port, "/");
    assert!(body.contains("E012"), "{body}");
    repo.edit("documents/2026-doc-006.md", "kind: 公告X", "kind: ");
    server.logged("rebuilt in", 3);
    until(&server, "/", |b| !b.contains("clerk-errors"));
    // The search index of the newest site follows on its own thread.
    until(&server, "/pagefind/parts.json", |b| b.trim() == "[]");
    let (status, _) = get(server.port, "/pagefind/pagefind.js");
    assert_eq!(status, 200);

    // A new record is not a quick update: only the whole rebuild shows it.
    let before = server.log.lock().unwrap().len();
    let text = repo.read("documents/2026-doc-006.md");
    repo.write("documents/2026-doc-099.md", text);
    server.logged("rebuilt in", 4);
    let after: Vec<String> = server.log.lock().unwrap()[before..].to_vec();
    assert!(
        !after.iter().any(|l| l.starts_with("page updated in")),
        "{after:?}"
    );
}

#[test]
fn a_page_rendered_alone_is_the_page_of_the_whole_build() {
    use clerk::site::pages::RecordPages;
    let root = common::crate_dir().join("records-example");
    let (repo, mut findings) = clerk::model::repo::Repository::load(&root).unwrap();
    findings.extend(clerk::check::run(
        &repo,
        &clerk::check::Options {
            today: clerk::date::parse(common::TODAY).unwrap(),
        },
    ));
    let history = HashMap::new();
    let site = clerk::site::Site::new(
        &repo,
        &findings,
        &history,
        repo.config.classifications.top(),
        clerk::date::parse(common::TODAY).unwrap(),
    );
    let theme =
        clerk::site::templates::Theme::load(&repo.root, repo.config.association.locale).unwrap();
    let all = RecordPages::new(&site, &theme);
    let mut with_backlinks = 0;
    for r in site.records() {
        let ids: HashSet<&str> = [r.id.as_str()].into();
        let whole = all.render(r).unwrap().map(|(url, html, _)| (url, html));
        let alone = RecordPages::only(&site, &theme, &ids)
            .render(r)
            .unwrap()
            .map(|(url, html, _)| (url, html));
        assert_eq!(whole, alone, "{}", r.id);
        if whole.is_some_and(|(_, html)| String::from_utf8_lossy(&html).contains("<h3>")) {
            with_backlinks += 1;
        }
    }
    assert!(
        with_backlinks > 10,
        "records referred to by others: {with_backlinks}"
    );
}
