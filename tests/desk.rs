//! `clerk desk`: the approval desk as a real server on a free port — its guards (token, Host,
//! CSRF), what it never sends, and approving and returning records through its forms.

use crate::common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Stdio};
use std::time::Duration;

use common::{git, Repo};

/// The leave request that waits for 周美玲 (zhou-meiling), deputy in charge of publicity.
pub const LEAVE: &str = "leave/leave-2026-033.md";
pub const APPROVER: &str = "zhou-meiling";

/// Names who covers the work (工作交接), the one thing besides her approval the leave needs to
/// be approved; committed when the repository is in git.
fn hand_over(repo: &Repo) {
    repo.edit(
        LEAVE,
        "reason: 家中事務\n",
        "reason: 家中事務\nhandover: song-yiting\n",
    );
    if repo.path().join(".git").exists() {
        git::ok(repo.path(), &["commit", "-q", "-am", "工作交接"]);
    }
}

/// A running desk, stopped when dropped.
pub struct Desk {
    child: Child,
    pub port: u16,
    /// The address it printed, with its token.
    pub url: String,
}

impl Drop for Desk {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `clerk desk --as WHO --key WHO's example key --port 0` in the repository.
pub fn desk(repo: &Repo, who: &str, more: &[&str]) -> Desk {
    let key = format!(".example-keys/{who}");
    let mut child = common::clerk(&["desk", "--as", who, "--port", "0", "--key", &key])
        .args(more)
        .dir(repo.path())
        .stderr(Stdio::null())
        .spawn();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    out.read_line(&mut first).unwrap();
    let url = first
        .split_whitespace()
        .find(|w| w.starts_with("http://127.0.0.1:"))
        .unwrap_or_else(|| panic!("no address in {first:?}"))
        .to_string();
    let port = url["http://127.0.0.1:".len()..]
        .split('/')
        .next()
        .and_then(|p| p.parse().ok())
        .unwrap();
    // Keep reading its output so the desk never blocks on a full pipe.
    std::thread::spawn(move || for _ in out.lines() {});
    Desk { child, port, url }
}

/// An answer: status, headers (lower-case names) and body.
pub struct Answer {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Answer {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// One HTTP/1.0 request with exactly these headers.
fn request(port: u16, method: &str, path: &str, headers: &[(&str, &str)], body: &str) -> Answer {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    let mut head = format!("{method} {path} HTTP/1.0\r\n");
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    if method == "POST" {
        head.push_str(&format!(
            "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n",
            body.len()
        ));
    }
    write!(stream, "{head}\r\n{body}").unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    Answer {
        status,
        headers,
        body: body.to_string(),
    }
}

/// A browser's session on the desk: its Host header and the cookie the token opened.
struct Session {
    port: u16,
    host: String,
    cookie: String,
}

impl Session {
    fn open(d: &Desk) -> Session {
        let host = format!("127.0.0.1:{}", d.port);
        let token = &d.url[d.url.find("/?").unwrap()..];
        let a = request(d.port, "GET", token, &[("Host", &host)], "");
        assert_eq!(a.status, 303, "{}", a.body);
        let set = a
            .header("set-cookie")
            .expect("a session cookie")
            .to_string();
        assert!(
            set.contains("HttpOnly") && set.contains("SameSite=Strict"),
            "{set}"
        );
        let cookie = set.split(';').next().unwrap().to_string();
        Session {
            port: d.port,
            host,
            cookie,
        }
    }

    fn get(&self, path: &str) -> Answer {
        let headers = [
            ("Host", self.host.as_str()),
            ("Cookie", self.cookie.as_str()),
        ];
        request(self.port, "GET", path, &headers, "")
    }

    fn post(&self, path: &str, body: &str) -> Answer {
        let headers = [
            ("Host", self.host.as_str()),
            ("Cookie", self.cookie.as_str()),
        ];
        request(self.port, "POST", path, &headers, body)
    }

    /// The CSRF token of the record page's forms.
    fn csrf(&self, id: &str) -> String {
        let page = self.get(&format!("/record/{id}")).body;
        let at = page.find("name=\"csrf\" value=\"").expect("a form") + 19;
        page[at..at + 64].to_string()
    }
}

#[test]
fn the_desk_refuses_without_its_token() {
    let repo = Repo::example();
    let d = desk(&repo, APPROVER, &[]);
    let host = format!("127.0.0.1:{}", d.port);
    for path in [
        "/",
        "/record/leave-2026-033",
        "/site/assets/style.css",
        "/?token=0123",
    ] {
        let a = request(d.port, "GET", path, &[("Host", &host)], "");
        assert_eq!(a.status, 403, "{path}: {}", a.body);
        assert!(!a.body.contains("黃俊豪"), "{path}: {}", a.body);
    }
    // A made-up session cookie is no session.
    let name = format!("clerk_desk_{}", d.port);
    let cookie = format!("{name}={}", "a".repeat(64));
    let a = request(
        d.port,
        "GET",
        "/",
        &[("Host", &host), ("Cookie", &cookie)],
        "",
    );
    assert_eq!(a.status, 403, "{}", a.body);
    // With the session the token opened, the inbox.
    let s = Session::open(&d);
    let a = s.get("/");
    assert_eq!(a.status, 200, "{}", a.body);
    assert!(a.body.contains("黃俊豪事假一天"), "{}", a.body);
    assert!(
        a.body.contains("周美玲"),
        "her name, not her id: {}",
        a.body
    );
}

#[test]
fn the_desk_refuses_a_foreign_host_or_origin() {
    let repo = Repo::example();
    let d = desk(&repo, APPROVER, &[]);
    let token = &d.url[d.url.find("/?").unwrap()..];
    let foreign = format!("evil.example:{}", d.port);
    let other_port = format!("127.0.0.1:{}", d.port.wrapping_add(1));
    for host in [
        Some(foreign.as_str()),
        Some(other_port.as_str()),
        Some("127.0.0.1"),
        None,
    ] {
        let headers: Vec<(&str, &str)> = host.map(|h| ("Host", h)).into_iter().collect();
        let a = request(d.port, "GET", token, &headers, "");
        assert_eq!(a.status, 403, "{host:?}: {}", a.body);
        assert!(a.header("set-cookie").is_none(), "{host:?}");
    }
    let s = Session::open(&d);
    // localhost is the desk's own name too.
    let local = format!("localhost:{}", d.port);
    let a = request(
        d.port,
        "GET",
        "/",
        &[("Host", &local), ("Cookie", &s.cookie)],
        "",
    );
    assert_eq!(a.status, 200, "{}", a.body);
    // A form posted from a page elsewhere carries its Origin: refused.
    let csrf = s.csrf("leave-2026-033");
    let headers = [
        ("Host", s.host.as_str()),
        ("Cookie", s.cookie.as_str()),
        ("Origin", "http://evil.example"),
    ];
    let body = format!("csrf={csrf}&record=leave-2026-033&step=approve:deputy-secretary-general");
    let a = request(d.port, "POST", "/approve", &headers, &body);
    assert_eq!(a.status, 403, "{}", a.body);
    assert!(repo.read(LEAVE).contains("status: requested"));
}

#[test]
fn a_change_needs_the_sessions_csrf_token() {
    let repo = Repo::example();
    let d = desk(&repo, APPROVER, &["--no-commit"]);
    let s = Session::open(&d);
    let before = repo.read(LEAVE);
    let form = "record=leave-2026-033&step=approve:deputy-secretary-general";
    let wrong = format!("csrf={}&{form}", "0".repeat(64));
    for body in [form.to_string(), wrong, format!("csrf=&{form}")] {
        let a = s.post("/approve", &body);
        assert_eq!(a.status, 403, "{body}: {}", a.body);
    }
    // Another session's token is not this one's.
    let other = Session::open(&d);
    let theirs = other.csrf("leave-2026-033");
    let a = s.post("/approve", &format!("csrf={theirs}&{form}"));
    assert_eq!(a.status, 403, "{}", a.body);
    assert_eq!(repo.read(LEAVE), before, "nothing written");
    // The session's own token: signed, with the approver's key, by `clerk sign`'s code.
    let a = s.post(
        "/approve",
        &format!("csrf={}&{form}", s.csrf("leave-2026-033")),
    );
    assert_eq!(a.status, 303, "{}", a.body);
    assert_eq!(a.header("location"), Some("/"));
    let after = repo.read(LEAVE);
    assert!(after.contains("by: zhou-meiling"), "{after}");
    assert!(after.contains("-----BEGIN SSH SIGNATURE-----"), "{after}");
    // Without a handover (工作交接) the leave cannot be approved yet: signed, it stays requested.
    assert!(after.contains("status: requested"), "{after}");
    let inbox = s.get("/").body;
    assert!(
        inbox.contains("已辦理：黃俊豪事假一天（狀態：已申請）。"),
        "{inbox}"
    );
    assert!(
        !inbox.contains("/record/leave-2026-033"),
        "no longer waiting: {inbox}"
    );
}

#[test]
fn no_key_material_is_ever_served() {
    let repo = Repo::example();
    let d = desk(&repo, APPROVER, &[]);
    let s = Session::open(&d);
    let mut seen = vec![s.get("/"), s.get("/record/leave-2026-033")];
    let record = seen[1].body.replace("&#x2F;", "/");
    let at = record
        .find("src=\"/site/")
        .expect("the page as the site shows it")
        + 5;
    let page = record[at..].split('"').next().unwrap().to_string();
    let site = s.get(&page);
    assert_eq!(site.status, 200, "{page}");
    assert!(
        site.body.contains("家中事務"),
        "the record's page: {}",
        site.body
    );
    seen.push(site);
    seen.push(s.get("/site/assets/style.css"));
    // A person's page lists their keys: the desk serves only what waits for its person.
    let person = s.get("/site/person/zhou-meiling.html");
    assert_eq!(person.status, 404, "{}", person.body);
    seen.push(person);
    for a in &seen {
        for secret in ["ssh-ed25519 AAAA", "PRIVATE KEY", "BEGIN OPENSSH"] {
            assert!(!a.body.contains(secret), "{secret} in {}", a.body);
        }
    }
}

#[test]
fn approving_commits_only_that_file_with_a_clear_message() {
    let repo = Repo::example_in_git();
    hand_over(&repo);
    // Something else staged and changed: it stays out of the desk's commit.
    repo.edit(
        "documents/2026-doc-006.md",
        "\n---\n",
        "\n---\n（草稿修改）\n",
    );
    git::ok(repo.path(), &["add", "documents/2026-doc-006.md"]);
    let d = desk(&repo, APPROVER, &[]);
    let s = Session::open(&d);
    let form = "record=leave-2026-033&step=approve:deputy-secretary-general";
    let a = s.post(
        "/approve",
        &format!("csrf={}&{form}", s.csrf("leave-2026-033")),
    );
    assert_eq!(a.status, 303, "{}", a.body);
    let inbox = s.get("/").body;
    let log = git::ok(repo.path(), &["log", "-1", "--format=%s", "--name-only"]);
    assert_eq!(
        log.trim(),
        "審批 黃俊豪事假一天：請假審批（周美玲）\n\nleave/leave-2026-033.md",
        "{inbox}"
    );
    let staged = git::ok(repo.path(), &["diff", "--cached", "--name-only"]);
    assert_eq!(staged.trim(), "documents/2026-doc-006.md");
    assert!(inbox.contains("已提交"), "{inbox}");
}

#[test]
fn returning_follows_the_types_workflow_and_needs_a_comment() {
    let repo = Repo::example_in_git();
    let d = desk(&repo, "lin-wenhui", &[]);
    let s = Session::open(&d);
    let doc = "documents/2026-doc-005.md"; // reviewed, waiting for her approval
    let page = s.get("/record/2026-doc-005").body;
    assert!(page.contains("action=\"/return\""), "{page}");
    assert!(
        page.contains("<option value=\"draft\">草稿</option>"),
        "{page}"
    );
    let csrf = s.csrf("2026-doc-005");
    // Without a comment: refused, said on the page, nothing written.
    let a = s.post(
        "/return",
        &format!("csrf={csrf}&record=2026-doc-005&to=draft&comment=+"),
    );
    assert_eq!(a.status, 303);
    assert_eq!(a.header("location"), Some("/record/2026-doc-005"));
    assert!(s
        .get("/record/2026-doc-005")
        .body
        .contains("退回時須寫明意見"));
    assert!(repo.read(doc).contains("status: reviewed"));
    // A state the workflow does not lead back to is refused too.
    let a = s.post(
        "/return",
        &format!("csrf={csrf}&record=2026-doc-005&to=issued&comment=x"),
    );
    assert_eq!(a.header("location"), Some("/record/2026-doc-005"));
    assert!(repo.read(doc).contains("status: reviewed"));
    let comment = "%E8%AB%8B%E8%A3%9C%E5%85%85%E9%A0%90%E7%AE%97"; // 請補充預算
    let a = s.post(
        "/return",
        &format!("csrf={csrf}&record=2026-doc-005&to=draft&comment={comment}"),
    );
    assert_eq!(a.status, 303, "{}", a.body);
    assert!(
        repo.read(doc).contains("status: draft"),
        "{}",
        repo.read(doc)
    );
    let log = git::ok(repo.path(), &["log", "-1", "--format=%s"]);
    assert!(
        log.starts_with("退回 ") && log.contains("：請補充預算（林文慧）"),
        "{log}"
    );
    // The record keeps who sent it back and why (its type keeps returns), in the same commit.
    let kept = repo.read(doc);
    assert!(
        kept.contains("returns:\n  - person: lin-wenhui\n")
            && kept.contains("comment: 請補充預算\n"),
        "{kept}"
    );
    assert_eq!(git::ok(repo.path(), &["status", "--porcelain", doc]), "");
    // A leave request has no way back in its workflow: the page says so, with no button.
    let d = desk(&repo, APPROVER, &[]);
    let s = Session::open(&d);
    let page = s.get("/record/leave-2026-033").body;
    assert!(!page.contains("action=\"/return\""), "{page}");
    assert!(page.contains("此類紀錄的流程沒有退回的步驟"), "{page}");
}

#[test]
fn a_return_without_a_commit_says_when_the_record_cannot_keep_its_comment() {
    let repo = Repo::example_in_git();
    // A type that keeps no returns, and a desk that commits nothing: the comment would be lost.
    let setting = "returns: {field: returns, person: person, date: date, comment: comment}\n";
    repo.edit("types/document.yaml", setting, "");
    let d = desk(&repo, "lin-wenhui", &["--no-commit"]);
    let s = Session::open(&d);
    let csrf = s.csrf("2026-doc-005");
    let comment = "%E8%AB%8B%E8%A3%9C%E5%85%85%E9%A0%90%E7%AE%97"; // 請補充預算
    let a = s.post(
        "/return",
        &format!("csrf={csrf}&record=2026-doc-005&to=draft&comment={comment}"),
    );
    assert_eq!(a.status, 303, "{}", a.body);
    let page = s.get("/").body.replace("&#x2F;", "/");
    assert!(
        page.contains("退回意見未保存：types/document.yaml 沒有 returns: 設定"),
        "{page}"
    );
    let text = repo.read("documents/2026-doc-005.md");
    assert!(
        text.contains("status: draft") && !text.contains("returns:"),
        "{text}"
    );
}

/// The issue's own test: in Chromium, open the desk with its token and approve the waiting
/// leave request; the record then holds a signature that `clerk check` and `ssh-keygen -Y
/// verify` accept.
#[test]
fn a_leave_request_approved_in_chromium_verifies_with_ssh_keygen() {
    let Some(tools) = common::browser_tools() else {
        return;
    };
    let repo = Repo::example_in_git();
    hand_over(&repo);
    let d = desk(&repo, APPROVER, &[]);
    let seen = common::node_json(&tools.join("desk.mjs"), [d.url.as_str(), "黃俊豪事假一天"]);
    assert_eq!(
        seen["address"],
        format!("http://127.0.0.1:{}/", d.port),
        "{seen}"
    );
    assert_eq!(
        seen["cookie"],
        serde_json::json!([{"httpOnly": true, "sameSite": "Strict"}])
    );
    let text = |k: &str| seen[k].as_str().unwrap_or_default().to_string();
    assert!(text("inbox").contains("黃俊豪事假一天"), "{seen}");
    assert!(
        text("asIssued").contains("家中事務"),
        "the site's page: {seen}"
    );
    assert!(
        seen["options"][0]
            .as_str()
            .unwrap()
            .starts_with("請假審批（副秘書長）"),
        "{seen}"
    );
    assert!(
        text("flash").contains("已提交：審批 黃俊豪事假一天：請假審批（周美玲）"),
        "{seen}"
    );
    assert!(
        !text("after").contains("黃俊豪事假一天"),
        "no longer waiting: {seen}"
    );
    assert_eq!(seen["withoutToken"], 403);
    assert_eq!(seen["keyMaterial"], false);

    // The record holds her signature: clerk check is clean (as of today, the approval's day)…
    let text = repo.read(LEAVE);
    assert!(text.contains("status: approved"), "{text}");
    let check = common::clerk(&["check"]).dir(repo.path()).run();
    assert_eq!(check.status, 0, "{}\n{}", check.stdout, check.stderr);
    // …and ssh-keygen alone verifies it, over the payload `clerk digest` prints.
    let date = text
        .lines()
        .skip_while(|l| !l.contains("by: zhou-meiling"))
        .find_map(|l| l.trim().strip_prefix("date: "))
        .unwrap()
        .to_string();
    let run = |args: &[&str]| common::clerk(args).dir(repo.path()).run().success().stdout;
    let payload = run(&[
        "digest", LEAVE, "--step", "approve", "--by", APPROVER, "--date", &date,
    ]);
    let allowed = repo.path().join("allowed_signers");
    std::fs::write(&allowed, run(&["keys", "--allowed-signers"])).unwrap();
    let start = text.find("-----BEGIN SSH SIGNATURE-----").unwrap();
    let end = text.find("-----END SSH SIGNATURE-----").unwrap() + 27;
    let sig: String = text[start..end]
        .lines()
        .map(|l| format!("{}\n", l.trim()))
        .collect();
    let sig_file = repo.path().join("sig");
    std::fs::write(&sig_file, sig).unwrap();
    let mut verify = std::process::Command::new("ssh-keygen")
        .args(["-Y", "verify", "-n", "clerk-approval", "-I", APPROVER, "-f"])
        .arg(&allowed)
        .arg("-s")
        .arg(&sig_file)
        .arg(format!("-Overify-time={}", date.replace('-', "")))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    verify
        .stdin
        .take()
        .unwrap()
        .write_all(payload.as_bytes())
        .unwrap();
    let verified = verify.wait_with_output().unwrap();
    assert!(
        verified.status.success(),
        "{}",
        String::from_utf8_lossy(&verified.stderr)
    );
}

/// The inbox as a page per person: in internal and confidential builds, linked from the person's
/// page; never in the public build.
#[test]
fn the_inbox_is_a_page_per_person_in_internal_builds_only() {
    let repo = Repo::example();
    let build = |audience: &str| {
        let out = repo.path().join(format!("site-{audience}"));
        common::clerk(&["build", ".", "-o"])
            .arg(&out)
            .args(["--audience", audience, "--today", common::TODAY, "--no-pdf"])
            .dir(repo.path())
            .run()
            .success();
        out
    };
    let internal = build("internal");
    let read = |p: &str| {
        std::fs::read_to_string(internal.join(p))
            .unwrap()
            .replace("&#x2F;", "/")
    };
    let page = read("inbox/zhou-meiling.html");
    assert!(page.contains("周美玲 的收件匣"), "{page}");
    assert!(
        page.contains("href=\"../leave/leave-2026-033.html\">黃俊豪事假一天</a>"),
        "{page}"
    );
    assert!(page.contains("請假審批 → 已批准"), "{page}");
    let person = read("person/zhou-meiling.html");
    assert!(
        person.contains("href=\"../inbox/zhou-meiling.html\""),
        "{person}"
    );
    // Someone with nothing waiting has a page too, saying so.
    let quiet = read("inbox/liu-jiahui.html");
    assert!(quiet.contains("<p>（無）</p>"), "{quiet}");

    let public = build("public");
    assert!(
        !public.join("inbox").exists(),
        "no inbox in the public build"
    );
    let person = public.join("person/zhou-meiling.html");
    if let Ok(page) = std::fs::read_to_string(person) {
        assert!(!page.contains("inbox/"), "{page}");
    }
}
