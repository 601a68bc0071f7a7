//! `clerk build`: what reaches each audience, safety against hostile Markdown, templates,
//! feeds read back by real parsers.

use crate::common;

use std::io::Read;
use std::path::Path;

use common::Repo;

fn build(repo: &Repo, audience: &str, out: &Path, extra: &[&str]) -> (i32, String) {
    let out = common::clerk(&["build"])
        .arg(repo.path())
        .arg("-o")
        .arg(out)
        .args(["--audience", audience, "--today", common::TODAY])
        .args(extra)
        .run();
    (out.status, out.said())
}

/// Every output file as text; gzip-compressed files (Pagefind's index) are decompressed first.
fn all_text(dir: &Path) -> Vec<(String, String)> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let bytes = std::fs::read(e.path()).unwrap();
            let bytes = if bytes.starts_with(&[0x1f, 0x8b]) {
                let mut out = Vec::new();
                flate2::read::GzDecoder::new(&bytes[..])
                    .read_to_end(&mut out)
                    .unwrap();
                out
            } else {
                bytes
            };
            (
                e.path().display().to_string(),
                String::from_utf8_lossy(&bytes).into_owned(),
            )
        })
        .collect()
}

/// Puts a unique marker into the title, the body and a field of every record of the given
/// classification (after the build would otherwise pass: approvals go stale, so builds use
/// --allow-errors).
fn mark(repo: &Repo, classification: &str, marker: &str) -> usize {
    let dir = repo.path();
    let mut n = 0;
    for entry in walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
    {
        let path = entry.path();
        let rel = path
            .strip_prefix(dir)
            .unwrap()
            .to_string_lossy()
            .into_owned();
        if path.extension().is_none_or(|x| x != "md")
            || rel.ends_with("README.md")
            || rel.split('/').any(|c| c.starts_with('.'))
        {
            continue;
        }
        let text = std::fs::read_to_string(path).unwrap();
        let own = text
            .lines()
            .find_map(|l| l.strip_prefix("classification: "))
            .map(str::trim);
        let class = own.unwrap_or_else(|| default_class(&rel));
        if class != classification {
            continue;
        }
        let token = format!("{marker}{n}");
        let text = text.replacen("\ntitle: ", &format!("\ntitle: {token}t "), 1);
        let text = format!("{text}\n{token}b 正文標記\n");
        std::fs::write(path, text).unwrap();
        n += 1;
    }
    n
}

/// The default classification of the example's folders (types/*.yaml).
fn default_class(rel: &str) -> &'static str {
    match rel.split('/').next().unwrap() {
        "members" | "activities" | "finance" | "audits" | "assessments" => "confidential",
        "policies" => "public",
        _ => "internal",
    }
}

#[test]
fn nothing_reaches_a_lower_audience() {
    let repo = Repo::example();
    // Search index parts of 3 records: the scan covers every part.
    repo.edit("clerk.yaml", "\nsite:\n", "\nsite:\n  search_part: 3\n");
    let internal = mark(&repo, "internal", "ZZINTERNALMARK");
    let confidential = mark(&repo, "confidential", "ZZSECRETMARK");
    assert!(
        internal > 40 && confidential > 20,
        "{internal} {confidential}"
    );
    let out = Repo::empty();
    for (audience, must_not, must) in [
        ("public", vec!["ZZINTERNALMARK", "ZZSECRETMARK"], vec![]),
        ("internal", vec!["ZZSECRETMARK"], vec!["ZZINTERNALMARK"]),
        (
            "confidential",
            vec![],
            vec!["ZZINTERNALMARK", "ZZSECRETMARK"],
        ),
    ] {
        let site = out.path().join(audience);
        let (code, said) = build(&repo, audience, &site, &["--allow-errors"]);
        assert_eq!(code, 0, "{said}");
        let files = all_text(&site);
        // Built with search, the index and its parts are scanned too.
        assert!(
            !cfg!(feature = "search")
                || files.iter().any(|(p, _)| p.contains("pagefind/fragment"))
                    && files
                        .iter()
                        .any(|(p, _)| p.contains("pagefind/part-1/fragment")),
            "the search index and its parts are scanned too"
        );
        for marker in must_not {
            let leaks: Vec<&String> = files
                .iter()
                .filter(|(_, t)| t.contains(marker))
                .map(|(p, _)| p)
                .collect();
            assert!(
                leaks.is_empty(),
                "{audience} build leaks {marker} in {leaks:?}"
            );
        }
        // The markers can be found when they are allowed: the scan itself works.
        for marker in must {
            assert!(
                !cfg!(feature = "search")
                    || files
                        .iter()
                        .any(|(p, t)| p.contains("fragment") && t.contains(marker)),
                "{audience}: {marker} not in the search index"
            );
            assert!(
                files
                    .iter()
                    .any(|(p, t)| p.ends_with(".html") && t.contains(marker)),
                "{audience}: {marker} on no page"
            );
        }
    }
}

#[test]
fn record_markdown_cannot_inject_script() {
    let repo = Repo::example();
    let doc = "documents/2026-doc-001.md";
    let text = repo.read(doc).replace(
        "茲訂於",
        "茲訂於<script>alert('x')</script>\n\n<img src=x onerror=\"alert(1)\">\n\n[click](javascript:alert(2))\n\n<iframe src=\"https://example.org\"></iframe>\n\n<a href=\"https://example.org\" onclick=\"steal()\">ok</a>",
    );
    let text = text.replace(
        "title: 關於召開",
        "title: <script>alert(3)</script>關於召開",
    );
    repo.write(doc, text);
    let site = Repo::empty();
    let (code, said) = build(&repo, "public", &site.path().join("s"), &["--allow-errors"]);
    assert_eq!(code, 0, "{said}");
    let page = std::fs::read_to_string(site.path().join("s/document/2026-doc-001.html")).unwrap();
    for bad in [
        "<script>alert",
        "onerror",
        "javascript:",
        "<iframe",
        "onclick",
    ] {
        assert!(!page.contains(bad), "page contains {bad}:\n{page}");
    }
    assert!(
        page.contains("&lt;script&gt;alert(3)&lt;&#x2F;script&gt;關於召開"),
        "the title is shown as text"
    );
    assert!(
        page.contains(r#"<a href="https://example.org" rel="noopener noreferrer">ok</a>"#),
        "safe links stay"
    );
}

#[test]
fn builds_stop_on_errors_unless_allowed_and_mark_the_record() {
    let repo = Repo::example();
    repo.edit("documents/2026-doc-001.md", "pages: 1", "pages: one");
    let out = Repo::empty();
    let site = out.path().join("s");
    let (code, said) = build(&repo, "public", &site, &[]);
    assert_eq!(code, 1, "{said}");
    assert!(!site.exists(), "nothing is written");
    let (code, said) = build(&repo, "public", &site, &["--allow-errors"]);
    assert_eq!(code, 0, "{said}");
    let page = std::fs::read_to_string(site.join("document/2026-doc-001.html")).unwrap();
    assert!(
        page.contains(r#"<p class="warning" role="alert">"#),
        "{page}"
    );
    let other = std::fs::read_to_string(site.join("document/2026-doc-003.html")).unwrap();
    assert!(!other.contains(r#"class="warning""#));
}

#[test]
fn a_repository_template_replaces_the_built_in_one() {
    let repo = Repo::example();
    repo.write("templates/home.html", "{% extends \"base.html\" %}{% block main %}<h1>OUR OWN HOME {{ site.name }}</h1>{% endblock main %}");
    let out = Repo::empty();
    let (code, said) = build(&repo, "public", &out.path().join("s"), &[]);
    assert_eq!(code, 0, "{said}");
    let home = std::fs::read_to_string(out.path().join("s/index.html")).unwrap();
    assert!(
        home.contains("<h1>OUR OWN HOME 青嵐文化交流協會</h1>"),
        "{home}"
    );
    // The other templates are still the built-in ones.
    assert!(
        std::fs::read_to_string(out.path().join("s/document/2026-doc-001.html"))
            .unwrap()
            .contains("class=\"red-rule\"")
    );
}

#[test]
fn a_failed_build_leaves_the_previous_site_whole_and_nothing_beside_it() {
    let repo = Repo::example();
    let out = Repo::empty();
    let site = out.path().join("site");
    let (code, said) = build(&repo, "confidential", &site, &[]);
    assert_eq!(code, 0, "{said}");
    let before = all_text(&site);
    // A record page template that cannot render: the build stops part-way through the pages,
    // after many files of the new site were written.
    repo.write(
        "templates/record.html",
        "{% extends \"base.html\" %}{% block main %}{{ record.title | no_such_filter }}{% endblock main %}",
    );
    let (code, said) = build(&repo, "confidential", &site, &[]);
    assert_ne!(code, 0, "{said}");
    assert!(said.contains("no_such_filter"), "{said}");
    assert_eq!(all_text(&site), before, "the previous site is untouched");
    assert_eq!(
        common::names(out.path()),
        ["site"],
        "no half-built folder is left"
    );
}

/// A page the new build makes byte for byte as the previous one did is that same file (linked,
/// keeping its modification time, so a copy to the web server sends only what changed); a
/// changed page is new; a link planted in the old site is never carried over.
#[test]
fn a_rebuild_keeps_unchanged_pages_and_writes_changed_ones() {
    use std::os::unix::fs::MetadataExt;
    let repo = Repo::example();
    let out = Repo::empty();
    let site = out.path().join("site");
    let (code, said) = build(&repo, "confidential", &site, &[]);
    assert_eq!(code, 0, "{said}");
    let inode = |rel: &str| std::fs::symlink_metadata(site.join(rel)).unwrap().ino();
    let same = "document/2026-doc-001.html";
    let edited = "document/2026-doc-006.html";
    let planted = "document/2026-doc-002.html";
    let (same_ino, edited_ino) = (inode(same), inode(edited));
    let planted_text = std::fs::read_to_string(site.join(planted)).unwrap();
    // The old site's page becomes a link to a file with the very same bytes elsewhere.
    let elsewhere = out.path().join("elsewhere.html");
    std::fs::write(&elsewhere, &planted_text).unwrap();
    std::fs::remove_file(site.join(planted)).unwrap();
    std::os::unix::fs::symlink(&elsewhere, site.join(planted)).unwrap();
    // The old site's folder of meeting pages becomes a link to a copy of it elsewhere.
    let meetings = out.path().join("meetings-elsewhere");
    std::fs::rename(site.join("meeting"), &meetings).unwrap();
    std::os::unix::fs::symlink(&meetings, site.join("meeting")).unwrap();
    let meeting = common::names(&meetings)
        .into_iter()
        .find(|n| n != "index.html")
        .unwrap();
    let outside_ino = std::fs::metadata(meetings.join(&meeting)).unwrap().ino();
    repo.edit(
        "documents/2026-doc-006.md",
        "3. 完善財務內控與資產盤點。",
        "3. 完善財務內控與資產盤點。\n4. 檔案數位化。",
    );
    let (code, said) = build(&repo, "confidential", &site, &[]);
    assert_eq!(code, 0, "{said}");
    assert_eq!(inode(same), same_ino, "an unchanged page is the same file");
    let meeting_rel = format!("meeting/{meeting}");
    assert!(site.join("meeting").is_dir() && !site.join("meeting").is_symlink());
    assert_ne!(
        inode(&meeting_rel),
        outside_ino,
        "nothing is linked from outside the site"
    );
    assert_ne!(inode(edited), edited_ino, "a changed page is written anew");
    assert!(std::fs::read_to_string(site.join(edited))
        .unwrap()
        .contains("檔案數位化"));
    let meta = std::fs::symlink_metadata(site.join(planted)).unwrap();
    assert!(
        meta.file_type().is_file(),
        "the planted link is not carried over"
    );
    assert_eq!(
        std::fs::read_to_string(site.join(planted)).unwrap(),
        planted_text
    );
    // Nothing is left beside the site, and a file shared with the old site is still whole.
    assert_eq!(
        common::names(out.path()),
        ["elsewhere.html", "meetings-elsewhere", "site"]
    );
    assert!(std::fs::read_to_string(site.join(same))
        .unwrap()
        .contains("</html>"));
}

#[test]
#[cfg(feature = "search")]
fn a_build_without_search_says_so_on_the_search_page() {
    let repo = Repo::example();
    let out = Repo::empty();
    let site = out.path().join("site");
    let (code, said) = build(&repo, "public", &site, &["--no-search"]);
    assert_eq!(code, 0, "{said}");
    assert!(!site.join("pagefind").exists());
    let page = std::fs::read_to_string(site.join("search.html")).unwrap();
    assert!(page.contains("本站建置時未建立搜尋索引"), "{page}");
    assert!(!page.contains("search.js"), "{page}");
    // The same build with search has the index and the script.
    let (code, said) = build(&repo, "public", &site, &[]);
    assert_eq!(code, 0, "{said}");
    assert!(site.join("pagefind/pagefind.js").exists());
    let page = std::fs::read_to_string(site.join("search.html")).unwrap();
    assert!(page.contains("search.js") && !page.contains("本站建置時未建立搜尋索引"));
}

/// A clerk built without the `search` feature builds sites without an index, and says so on the
/// search page instead of linking a script that is not there.
#[test]
#[cfg(not(feature = "search"))]
fn a_core_build_makes_sites_without_search() {
    let repo = Repo::example();
    let out = Repo::empty();
    let site = out.path().join("site");
    let (code, said) = build(&repo, "public", &site, &[]);
    assert_eq!(code, 0, "{said}");
    assert!(!site.join("pagefind").exists());
    let page = std::fs::read_to_string(site.join("search.html")).unwrap();
    assert!(page.contains("本站建置時未建立搜尋索引"), "{page}");
    assert!(!page.contains("search.js"), "{page}");
}

#[test]
fn never_overwrites_a_folder_it_did_not_build() {
    let repo = Repo::example();
    let out = Repo::empty();
    out.write("mine/notes.txt", "keep me");
    let (code, said) = build(&repo, "public", &out.path().join("mine"), &[]);
    assert_ne!(code, 0);
    assert!(said.contains("not a site clerk built"), "{said}");
    assert_eq!(out.read("mine/notes.txt"), "keep me");
    // A folder clerk built is replaced whole.
    let (code, _) = build(&repo, "public", &out.path().join("site"), &[]);
    assert_eq!(code, 0);
    out.write("site/stale.html", "old");
    let (code, _) = build(&repo, "public", &out.path().join("site"), &[]);
    assert_eq!(code, 0);
    assert!(!out.path().join("site/stale.html").exists());
}

#[test]
fn feeds_parse_with_real_parsers_and_hold_only_visible_records() {
    if !common::python_has("feedparser, icalendar") {
        return;
    }
    let repo = Repo::example();
    let out = Repo::empty();
    for audience in ["public", "internal"] {
        let (code, said) = build(&repo, audience, &out.path().join(audience), &[]);
        assert_eq!(code, 0, "{said}");
    }
    let python = |script: &str, file: &Path| common::python(script, &[file]);
    let atom = "import sys, feedparser\nf = feedparser.parse(sys.argv[1])\nassert not f.bozo, f.bozo_exception\nfor e in f.entries: print(e.title, e.published[:10], e.link)";
    let public = python(atom, &out.path().join("public/feeds/documents.atom"));
    // Three issued documents, newest first, each linking to its page.
    let lines: Vec<&str> = public.lines().collect();
    assert_eq!(lines.len(), 3, "{public}");
    assert!(
        lines[0].starts_with("協秘〔2026〕3號 關於舉辦「青嵐文化節2026」的通知 2026-08-01 "),
        "{public}"
    );
    assert!(lines[0].ends_with("document/2026-doc-003.html"), "{public}");
    let ics = "import sys, icalendar\nc = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())\nfor e in sorted(c.walk('VEVENT'), key=lambda e: str(e.decoded('DTSTART'))): print(e.decoded('DTSTART'), e.get('SUMMARY'))";
    let public = python(ics, &out.path().join("public/feeds/calendar.ics"));
    let internal = python(ics, &out.path().join("internal/feeds/calendar.ics"));
    // The public calendar has the public activity only; the internal one has the meetings, at
    // their time in Taipei.
    assert_eq!(public.trim(), "2026-10-17 青嵐文化節2026", "{public}");
    assert!(
        internal.contains("2026-12-18 14:00:00+08:00 2026年第三次理事會會議"),
        "{internal}"
    );
    assert!(
        internal.contains("2026-11-07 書法交流工作坊（秋季）"),
        "{internal}"
    );
    assert!(
        !internal.contains("2027春季文化考察"),
        "a confidential activity is not in the internal calendar: {internal}"
    );
}

#[test]
fn a_site_built_inside_the_repository_is_not_read_as_records() {
    // The annual report is written as Markdown into the site; it must not become a "record".
    let repo = Repo::example();
    let (code, said) = build(&repo, "internal", &repo.path().join("intranet"), &[]);
    assert_eq!(code, 0, "{said}");
    assert!(repo.path().join("intranet/reports/annual-2026.md").exists());
    let out = repo.check();
    assert_eq!(out.status, 0, "{}", out.stdout);
    assert_eq!(out.json["summary"]["records"], 92);
}

/// Ctrl-C (or `kill`) during a build removes the half-built site beside the output; a build
/// removes what earlier interrupted builds left; a staging folder is never something git adds.
#[test]
#[cfg(unix)]
fn an_interrupted_build_leaves_nothing_behind() {
    let work = Repo::empty();
    let corpus = work.path().join("corpus");
    let made = common::clerk(&["corpus", "--records", "1500", "--example"])
        .arg(common::crate_dir().join("records-example"))
        .arg("-o")
        .arg(&corpus)
        .run();
    assert_eq!(made.status, 0, "{}", made.said());
    let staging = |dir: &std::path::Path| -> Vec<String> {
        common::names(dir)
            .into_iter()
            .filter(|n| n.starts_with(".clerk-site-") || n.starts_with(".clerk-old-"))
            .collect()
    };
    // Leftovers of a build whose process is gone are removed by the next build.
    std::fs::create_dir_all(corpus.join(".clerk-site-999999-x/document")).unwrap();
    std::fs::write(corpus.join(".clerk-site-999999-x/document/a.html"), "<p>").unwrap();
    // Interrupted as soon as its site is staged. A build that wins the race (the machine is
    // busy) is run again: what is tested is what an interruption leaves.
    for attempt in 0.. {
        let _ = std::fs::remove_dir_all(corpus.join("public"));
        let mut child = common::clerk(&["build"])
            .arg(&corpus)
            .args(["--audience", "confidential", "--today", common::TODAY])
            .spawn();
        let started = std::time::Instant::now();
        let mut seen = Vec::new();
        while started.elapsed() < std::time::Duration::from_secs(240) {
            seen = staging(&corpus);
            if seen.len() == 1 && !seen[0].starts_with(".clerk-site-999999") {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
        assert_eq!(seen.len(), 1, "the build staged its site: {seen:?}");
        // SAFETY: signalling the child this test started.
        unsafe { libc::kill(child.id() as i32, libc::SIGINT) };
        let status = child.wait().unwrap();
        if status.code() == Some(0) && attempt < 5 {
            continue;
        }
        assert_eq!(status.code(), Some(130), "ended by the interruption");
        assert_eq!(
            staging(&corpus),
            Vec::<String>::new(),
            "nothing left behind"
        );
        assert!(
            !corpus.join("public").exists(),
            "no half-built site in place"
        );
        break;
    }
}

/// An output folder that is a mount point (a container's or CI's volume) cannot be swapped: the
/// site is built inside it and replaces its contents in place, with nothing left beside or in
/// it. Run in a user and mount namespace (`unshare -rm`) with a tmpfs on the output folder.
#[test]
#[cfg(target_os = "linux")]
fn a_mount_point_output_is_replaced_in_place() {
    let probe = std::process::Command::new("unshare")
        .args(["-rm", "true"])
        .status();
    if !probe.is_ok_and(|s| s.success()) {
        eprintln!("skipped: this machine cannot make a mount namespace (unshare -rm)");
        return;
    }
    let repo = Repo::example();
    let out = repo.path().join("volume");
    std::fs::create_dir(&out).unwrap();
    let clerk = env!("CARGO_BIN_EXE_clerk");
    // Two builds into one tmpfs: the second replaces the first's files and removes a stray
    // page the first did not write; then what the volume and its parent hold is listed.
    let script = format!(
        r#"set -e
mount -t tmpfs none "$OUT"
"$CLERK" build "$REPO" -o "$OUT" --audience public --no-search --today {today} >/dev/null
echo stray > "$OUT/stray.html"
"$CLERK" build "$REPO" -o "$OUT" --audience public --no-search --today {today} >/dev/null
echo "volume: $(ls -A "$OUT" | tr '\n' ' ')"
echo "beside: $(ls -A "$REPO" | tr '\n' ' ')"
grep -q tmpfs /proc/self/mounts && echo "index: $(test -f "$OUT/index.html" && echo yes)"
"#,
        today = common::TODAY
    );
    let run = std::process::Command::new("unshare")
        .args(["-rm", "sh", "-c", &script])
        .env("OUT", &out)
        .env("REPO", repo.path())
        .env("CLERK", clerk)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let said =
        String::from_utf8_lossy(&run.stdout).into_owned() + &String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "{said}");
    let line = |prefix: &str| -> Vec<String> {
        said.lines()
            .find_map(|l| l.strip_prefix(prefix))
            .unwrap_or_else(|| panic!("no `{prefix}` in {said}"))
            .split_whitespace()
            .map(str::to_string)
            .collect()
    };
    let volume = line("volume:");
    assert!(volume.contains(&".clerk-site".to_string()), "{volume:?}");
    assert!(volume.contains(&"document".to_string()), "{volume:?}");
    assert!(!volume.contains(&"stray.html".to_string()), "{volume:?}");
    let leftovers = |names: &[String]| -> Vec<String> {
        names
            .iter()
            .filter(|n| {
                n.starts_with(".clerk-site-")
                    || n.starts_with(".clerk-old-")
                    || *n == ".clerk-incomplete"
            })
            .cloned()
            .collect()
    };
    assert_eq!(leftovers(&volume), Vec::<String>::new(), "{said}");
    assert_eq!(leftovers(&line("beside:")), Vec::<String>::new(), "{said}");
    assert_eq!(line("index:"), ["yes"], "{said}");
}

/// An attachment is a file inside the repository that is nothing else clerk keeps: a record,
/// a key, anything under a hidden folder, a path outside or a missing file is refused with the
/// line of its entry, never copied into the site, never linked; two of one name are refused too.
#[test]
fn attachments_publish_only_what_they_may() {
    let repo = Repo::example();
    let policy = "policies/secretariat-rules.md";
    repo.write("policies/scan.pdf", "%PDF-1.4 scanned and sealed\n");
    repo.write("policies/sub/scan.pdf", "%PDF-1.4 another\n");
    let list = [
        "../members/m-2024-001.md",
        "../.git/config",
        "../.example-keys/lin-wenhui",
        "../../outside.txt",
        "missing.pdf",
        "scan.pdf",
        "sub/scan.pdf",
    ];
    let entries: String = list.iter().map(|a| format!("  - {a}\n")).collect();
    repo.edit(
        policy,
        "approvals:\n",
        &format!("attachments:\n{entries}approvals:\n"),
    );
    let line = |name: &str| {
        repo.read(policy)
            .lines()
            .position(|l| l == format!("  - {name}"))
            .unwrap()
            + 1
    };
    let out = repo.check();
    let mut expected: Vec<(&str, &str, usize)> = list[..5]
        .iter()
        .map(|a| ("E021", policy, line(a)))
        .collect();
    expected.push(("E022", policy, line("sub/scan.pdf")));
    // The policy is approved: attachments its approvals do not cover are named.
    expected.push(("W024", policy, line("scan.pdf")));
    expected.push(("W024", policy, line("sub/scan.pdf")));
    // The policy's approvals are stale now: its content changed.
    expected.push((
        "E055",
        policy,
        out.findings()
            .iter()
            .find(|f| f.code == "E055")
            .map_or(0, |f| f.line),
    ));
    common::assert_findings(&out, &expected);
    // Private keys are refused by their content too, wherever they are.
    repo.write(
        "policies/key.txt",
        std::fs::read(repo.path().join(".example-keys/lin-wenhui")).unwrap(),
    );
    repo.edit(policy, "  - scan.pdf\n", "  - scan.pdf\n  - key.txt\n");
    assert!(repo
        .check()
        .message("E021", policy)
        .contains("the attachment `../members/m-2024-001.md` is a record"));
    let msgs: Vec<String> = repo
        .check()
        .findings()
        .into_iter()
        .filter(|f| f.code == "E021")
        .map(|f| f.message)
        .collect();
    assert!(
        msgs.iter()
            .any(|m| m.contains("`key.txt` holds a private key")),
        "{msgs:?}"
    );

    let out_dir = Repo::empty();
    let site = out_dir.path().join("site");
    let (code, said) = build(&repo, "public", &site, &["--allow-errors"]);
    assert_eq!(code, 0, "{said}");
    let files = common::names(&site.join("files/secretariat-rules"));
    assert_eq!(
        files,
        ["scan.pdf"],
        "only the one attachment it may publish"
    );
    assert_eq!(
        std::fs::read_to_string(site.join("files/secretariat-rules/scan.pdf")).unwrap(),
        "%PDF-1.4 scanned and sealed\n"
    );
    let page = std::fs::read_to_string(site.join("policy/secretariat-rules.html")).unwrap();
    assert_eq!(
        page.matches("secretariat-rules&#x2F;").count(),
        1,
        "one link: {page}"
    );
    // Nothing of the refused files reached the site: the key, the member's phone, git's config.
    for leaked in ["BEGIN OPENSSH", "0912-345-001", "[core]"] {
        let found: Vec<String> = all_text(&site)
            .into_iter()
            .filter(|(_, t)| t.contains(leaked))
            .map(|(p, _)| p)
            .collect();
        assert!(found.is_empty(), "{leaked} in {found:?}");
    }
}

/// A record may not lower its own classification below its type's floor (rules §6.1): a
/// member file marked `public` is an error at that line and stays confidential in every build,
/// even one that builds despite errors; once the secretary-general signs its `declassify`
/// approval, it is public.
#[test]
fn a_record_cannot_lower_its_own_classification() {
    let repo = Repo::example();
    let member = "members/m-2024-001.md";
    repo.edit(
        member,
        "dues: 1200\n",
        "dues: 1200\nclassification: public\n",
    );
    let out = repo.check();
    let e078: Vec<common::Finding> = out
        .findings()
        .into_iter()
        .filter(|f| f.code == "E078")
        .collect();
    assert_eq!(e078.len(), 1, "{}", out.stdout);
    assert_eq!((e078[0].path.as_str(), e078[0].line), (member, 9));
    let out_dir = Repo::empty();
    let site = out_dir.path().join("site");
    let (code, said) = build(&repo, "public", &site, &["--allow-errors", "--no-search"]);
    assert_eq!(code, 0, "{said}");
    let leaked: Vec<String> = all_text(&site)
        .into_iter()
        .filter(|(_, text)| text.contains("0912-345-001") || text.contains("陳淑芬"))
        .map(|(path, _)| path)
        .collect();
    assert!(
        leaked.is_empty(),
        "the member's details are published: {leaked:?}"
    );
    // Nobody else may declassify it: clerk sign refuses a department head.
    let refused = common::clerk(&[
        "sign",
        member,
        "--step",
        "declassify",
        "--by",
        "wang-fang",
        "--date",
        "2026-11-26",
        "--key",
    ])
    .arg(repo.path().join(".example-keys/wang-fang"))
    .dir(repo.path())
    .run();
    assert_eq!(refused.status, 2, "{}", refused.said());
    assert!(
        refused.said().contains("may not give `declassify`"),
        "{}",
        refused.said()
    );
    // Declassified by the secretary-general: allowed, and published.
    let signed = common::clerk(&[
        "sign",
        member,
        "--step",
        "declassify",
        "--by",
        "lin-wenhui",
        "--date",
        "2026-11-26",
        "--key",
    ])
    .arg(repo.path().join(".example-keys/lin-wenhui"))
    .dir(repo.path())
    .run();
    assert_eq!(signed.status, 0, "{}", signed.said());
    let out = repo.check();
    assert!(
        !out.findings().iter().any(|f| f.code == "E078"),
        "{}",
        out.stdout
    );
    let site = out_dir.path().join("declassified");
    let (code, said) = build(&repo, "public", &site, &["--allow-errors", "--no-search"]);
    assert_eq!(code, 0, "{said}");
    assert!(
        all_text(&site)
            .iter()
            .any(|(_, text)| text.contains("陳淑芬")),
        "the declassified member is public"
    );
}
