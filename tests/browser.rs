//! The site in a real headless Chromium (Debian's), with axe-core, and every page through the
//! Nu HTML Checker. `.ci/run` installs Chromium, Java and `tests/browser/node_modules`.

use crate::common;

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::Repo;

fn tools() -> Option<PathBuf> {
    common::browser_tools()
}

fn build(repo: &Repo, audience: &str) -> PathBuf {
    build_with(repo, audience, &[])
}

/// A build of a repository whose edited record no longer matches its signed approvals.
fn build_allowing_errors(repo: &Repo, audience: &str) -> PathBuf {
    build_with(repo, audience, &["--allow-errors"])
}

fn build_with(repo: &Repo, audience: &str, extra: &[&str]) -> PathBuf {
    let out = repo.path().join(format!("site-{audience}"));
    common::clerk(&["build", ".", "-o"])
        .arg(&out)
        .args(["--audience", audience, "--today", common::TODAY])
        .args(extra)
        .dir(repo.path())
        .run()
        .success();
    out
}

fn browse(tools: &Path, site: &Path, queries: &[&str]) -> serde_json::Value {
    let args = [site.as_os_str()].into_iter();
    common::node_json(
        &tools.join("site.mjs"),
        args.chain(queries.iter().map(OsStr::new)),
    )
}

#[test]
fn the_archive_in_a_real_browser() {
    let Some(tools) = tools() else { return };
    let repo = Repo::example();
    let public = build(&repo, "public");
    // 攜眷 appears in one record's body only; 南瀛 only in a confidential activity plan.
    let seen = browse(&tools, &public, &["攜眷", "南瀛"]);
    assert_eq!(
        seen["external"],
        serde_json::json!([]),
        "no external network request"
    );
    assert_eq!(seen["errors"], serde_json::json!([]), "no script error");
    assert_eq!(seen["home"]["h1"], "青嵐文化交流協會");
    // Following the first recent document to its page: the public edition shows the document
    // only (the type's `layout: panels:`), not its approvals.
    assert_eq!(seen["record"]["url"], "/document/2026-doc-003.html");
    assert_eq!(
        seen["record"]["signatures"],
        serde_json::json!([]),
        "{seen}"
    );
    // The index lists the three public documents; the status filter leaves the archived one.
    assert_eq!(
        (
            seen["index"]["rows"].as_u64(),
            seen["index"]["archived"].as_u64()
        ),
        (Some(3), Some(1))
    );
    // Search: Chinese without spaces finds its one record, fetching only some fragments.
    assert_eq!(
        seen["found"],
        serde_json::json!(["/document/2026-doc-003.html"])
    );
    assert!(
        seen["search_fetches"].as_u64().unwrap() < seen["search_fragments"].as_u64().unwrap(),
        "{seen}"
    );
    // The public search cannot find the confidential plan.
    assert!(
        !seen["secret"]
            .to_string()
            .contains("2027-spring-study-tour"),
        "{seen}"
    );
    // Without a server (file://) the pages still work and are styled, and search matches the
    // words in the records' text: the same record, and still not the confidential plan.
    assert_eq!(
        seen["offline"]["found"],
        serde_json::json!(["/document/2026-doc-003.html"]),
        "{seen}"
    );
    assert_eq!(seen["offline"]["secret"], serde_json::json!([]), "{seen}");
    assert!(
        seen["offline"]["note"]
            .as_str()
            .unwrap()
            .contains("直接開啟"),
        "{seen}"
    );
    assert_eq!(seen["offline"]["unavailable"], false, "{seen}");
    assert_eq!(seen["file"]["h1"], "發文");
    assert!(seen["file"]["css"]
        .as_str()
        .unwrap()
        .contains("Noto Sans TC"));
    // Printed: no navigation, a centred title.
    assert_eq!(
        (seen["print"]["nav"].as_str(), seen["print"]["h1"].as_str()),
        (Some("none"), Some("center"))
    );
    // No serious or critical accessibility violation on the home, index and record pages.
    for page in ["home", "index", "record"] {
        assert_eq!(seen[page]["axe"], serde_json::json!([]), "axe on {page}");
    }
    // The confidential edition does find the plan: the search works, the audience decides.
    let confidential = build(&repo, "confidential");
    let seen = browse(&tools, &confidential, &["攜眷", "南瀛"]);
    // Beside the document, both approvals verified.
    let signatures = seen["record"]["signatures"].as_array().unwrap();
    assert_eq!(signatures.len(), 2);
    assert!(
        signatures
            .iter()
            .all(|s| s.as_str().unwrap().starts_with("sig sig-verified ✓ 已驗證")),
        "{signatures:?}"
    );
    assert!(
        seen["secret"]
            .to_string()
            .contains("/activity/2027-spring-study-tour.html"),
        "{seen}"
    );
    assert_eq!(
        seen["offline"]["secret"],
        serde_json::json!(["/activity/2027-spring-study-tour.html"]),
        "{seen}"
    );
}

#[test]
fn search_results_show_a_records_markup_as_text() {
    let Some(tools) = tools() else { return };
    let repo = Repo::example();
    // Inline code and escaped text reach the search index as the characters `<img …>`.
    repo.edit(
        "documents/2026-doc-003.md",
        "「青嵐文化節2026」將於",
        "zqxhostile `<img src=x onerror=\"window.__pwned=1\">` and \\<script>window.__pwned=2\\</script> zqxhostile\n\n「青嵐文化節2026」將於",
    );
    let public = build_allowing_errors(&repo, "public");
    let seen = browse(&tools, &public, &["攜眷", "南瀛", "zqxhostile"]);
    // Served (Pagefind's excerpt) and from file:// (the page matches the text itself).
    for (how, hostile) in [
        ("served", &seen["hostile"]),
        ("file://", &seen["offline"]["hostile"]),
    ] {
        assert_eq!(
            hostile["links"],
            serde_json::json!(["/document/2026-doc-003.html"]),
            "{how}: {seen}"
        );
        assert_eq!(hostile["injected"], 0, "{how}: {hostile}");
        assert_eq!(
            hostile["pwned"],
            serde_json::Value::Null,
            "{how}: {hostile}"
        );
        assert!(
            hostile["marks"]
                .as_array()
                .unwrap()
                .iter()
                .any(|m| m.as_str().unwrap().contains("zqxhostile")),
            "{how}: the word found is still marked: {hostile}"
        );
        assert!(
            hostile["text"].as_str().unwrap().contains("<img"),
            "{how}: the markup is shown as text: {hostile}"
        );
    }
    assert_eq!(
        seen["offline"]["hostile"]["marks"],
        serde_json::json!(["zqxhostile"]),
        "from file:// the first word is marked, once per result"
    );
    assert_eq!(seen["errors"], serde_json::json!([]), "no script error");
}

#[test]
fn search_reads_every_part_of_a_large_index() {
    let Some(tools) = tools() else { return };
    let repo = Repo::example();
    // Parts of about 10 records (never more than 20): the confidential edition's 89 readable
    // records make several.
    repo.edit("clerk.yaml", "\nsite:\n", "\nsite:\n  search_part: 10\n");
    let site = build(&repo, "confidential");
    let parts: Vec<String> =
        serde_json::from_str(&std::fs::read_to_string(site.join("pagefind/parts.json")).unwrap())
            .unwrap();
    assert!(parts.len() >= 4, "{parts:?}");
    // 攜眷 is in a document (the 31st record by path: a later part), 南瀛 in an activity plan
    // (the first).
    let seen = browse(&tools, &site, &["攜眷", "南瀛"]);
    assert_eq!(
        seen["found"],
        serde_json::json!(["/document/2026-doc-003.html"]),
        "{seen}"
    );
    assert!(
        seen["secret"]
            .to_string()
            .contains("/activity/2027-spring-study-tour.html"),
        "{seen}"
    );
    // From file:// every part's text is loaded too.
    assert_eq!(
        seen["offline"]["found"],
        serde_json::json!(["/document/2026-doc-003.html"]),
        "{seen}"
    );
    assert_eq!(seen["errors"], serde_json::json!([]), "no script error");
}

/// `tests/browser/search.mjs` on a built site: what each query shows, served and from file://.
fn search_page(tools: &Path, site: &Path, queries: &[&str]) -> serde_json::Value {
    let args = [site.as_os_str()].into_iter();
    common::node_json(
        &tools.join("search.mjs"),
        args.chain(queries.iter().map(OsStr::new)),
    )
}

/// Search that answers, on the example's internal edition (Traditional Chinese): a Simplified
/// query finds the Traditional records, the number of results is said, a query with no hit says
/// so, more than 20 results come a page at a time with a "more" control, each result shows its
/// type and date and an excerpt of its body (no fields, no key), served and from file://.
#[test]
fn search_answers_in_either_script_with_counts_and_more() {
    let Some(tools) = tools() else { return };
    let repo = Repo::example();
    let site = build(&repo, "internal");
    let seen = search_page(
        &tools,
        &site,
        &["会议", "zqxnothing", "2026", "王芳", "ssh-ed25519"],
    );
    assert_eq!(seen["errors"], serde_json::json!([]), "no script error");
    for how in ["served", "file"] {
        let by = |q: &str| &seen[how][q];
        let hrefs = |q: &str| -> Vec<String> {
            by(q)["results"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r["href"].as_str().unwrap().to_string())
                .collect()
        };
        // 会议 (Simplified) finds the council meetings written 會議, and marks 會議 in them.
        let found = hrefs("会议");
        for meeting in [
            "/meeting/2026-council-01.html",
            "/meeting/2024-council-01.html",
        ] {
            assert!(
                found.iter().any(|h| h == meeting),
                "{how}: {meeting} in {found:?}"
            );
        }
        let n = found.len();
        assert_eq!(by("会议")["count"], format!("找到 {n} 筆結果"), "{how}");
        let meeting = by("会议")["results"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["href"] == "/meeting/2024-council-01.html")
            .unwrap();
        assert_eq!(meeting["about"], "會議 · 2024-01-18", "{how}: {meeting}");
        assert_eq!(
            meeting["marks"],
            serde_json::json!(["會議"]),
            "{how}: {meeting}"
        );
        assert!(
            meeting["excerpt"]
                .as_str()
                .unwrap()
                .starts_with("會議紀要 理事七人全數出席"),
            "{how}: the excerpt is the body's text: {meeting}"
        );
        // No hit: said in words, no list, no "more".
        assert_eq!(
            by("zqxnothing")["count"],
            "沒有結果。請換個字詞再試。",
            "{how}"
        );
        assert_eq!(by("zqxnothing")["results"], serde_json::json!([]), "{how}");
        assert_eq!(by("zqxnothing")["more"], false, "{how}");
        // More than a page: 20 shown, the count says all, "more" shows the rest.
        let many = by("2026");
        let total: usize = many["count"]
            .as_str()
            .unwrap()
            .trim_start_matches("找到 ")
            .trim_end_matches(" 筆結果")
            .parse()
            .unwrap_or_else(|_| panic!("{how}: {many}"));
        assert!(total > 20, "{how}: {total}");
        assert_eq!(many["results"].as_array().unwrap().len(), 20, "{how}");
        assert_eq!(many["more"], true, "{how}");
        let after = many["after"]["results"].as_array().unwrap();
        assert_eq!(after.len(), total.min(40), "{how}");
        let mut all: Vec<&str> = after.iter().map(|r| r["href"].as_str().unwrap()).collect();
        all.sort();
        all.dedup();
        assert_eq!(all.len(), after.len(), "{how}: no result twice");
        assert_eq!(many["after"]["more"], total > 40, "{how}");
        // Every result has its type and date; no excerpt dumps fields or a key.
        for q in ["会议", "2026", "王芳"] {
            for r in by(q)["results"].as_array().unwrap() {
                assert!(!r["about"].as_str().unwrap().is_empty(), "{how} {q}: {r}");
                let excerpt = r["excerpt"].as_str().unwrap();
                for dump in ["ssh-ed25519", "AAAA", "SHA256:", "\n"] {
                    assert!(!excerpt.contains(dump), "{how} {q}: {dump} in {r}");
                }
            }
        }
        assert_eq!(by("ssh-ed25519")["results"], serde_json::json!([]), "{how}");
        assert!(
            !by("王芳")["text"].as_str().unwrap().contains("AAAA"),
            "{how}"
        );
    }
}

#[test]
fn every_page_is_valid_html() {
    let Some(tools) = tools() else { return };
    let repo = Repo::example();
    for audience in ["public", "confidential"] {
        let site = build(&repo, audience);
        let pages: Vec<PathBuf> = walkdir::WalkDir::new(&site)
            .into_iter()
            .filter_map(Result::ok)
            .map(|e| e.into_path())
            .filter(|p| {
                p.extension().is_some_and(|x| x == "html")
                    && !p.to_string_lossy().contains("/pagefind/")
            })
            .collect();
        assert!(pages.len() > 10, "{audience}: {} pages", pages.len());
        let out = Command::new("java")
            .arg("-jar")
            .arg(tools.join("node_modules/vnu-jar/build/dist/vnu.jar"))
            .args(["--errors-only", "--format", "json"])
            .args(&pages)
            .output()
            .expect("java");
        // vnu writes its JSON report to standard error.
        let report: serde_json::Value = serde_json::from_slice(&out.stderr)
            .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
        let messages = report["messages"].as_array().unwrap();
        assert!(
            out.status.success() && messages.is_empty(),
            "{audience}: the Nu HTML Checker found errors: {messages:#?}"
        );
    }
}

/// Every workflow state, allowed value (with a label other than itself) and person id of the
/// example: what a page must show by its label, never as it is written in the records.
fn ids_with_labels(repo: &Repo) -> Vec<String> {
    fn consts(v: &serde_yaml::Value, out: &mut Vec<String>) {
        match v {
            serde_yaml::Value::Mapping(m) => {
                if let (Some(c), Some(t)) = (m.get("const"), m.get("title")) {
                    let c = c.as_str().map(str::to_string).unwrap_or_default();
                    if Some(c.as_str()) != t.as_str() && !c.is_empty() {
                        out.push(c);
                    }
                }
                m.values().for_each(|v| consts(v, out));
            }
            serde_yaml::Value::Sequence(s) => s.iter().for_each(|v| consts(v, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    for entry in std::fs::read_dir(repo.path().join("types")).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        let file: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
        consts(&file["fields"], &mut out);
        if let Some(states) = file["workflow"]["states"].as_sequence() {
            out.extend(states.iter().filter_map(|s| s.as_str().map(str::to_string)));
        }
    }
    for entry in std::fs::read_dir(repo.path().join("people")).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if let Some(id) = name.strip_suffix(".md") {
            out.push(id.to_string());
        }
    }
    out.sort();
    out.dedup();
    out
}

/// On the example's public and confidential editions: no page shows a state, role, allowed
/// value or person by its id where a label exists, no page carries a public key, and a link
/// to a council resolution (`…#R3`) lands on its row in the meeting's resolutions table.
#[test]
fn pages_show_labels_and_structures_not_ids() {
    let Some(tools) = tools() else { return };
    let repo = Repo::example();
    let ids = ids_with_labels(&repo);
    assert!(
        [
            "summary-sent",
            "department-head",
            "council",
            "dues",
            "wang-fang"
        ]
        .iter()
        .all(|id| ids.iter().any(|i| i == id)),
        "{ids:?}"
    );
    let ids_file = repo.path().join("ids.json");
    std::fs::write(&ids_file, serde_json::to_string(&ids).unwrap()).unwrap();
    let shots = std::env::var_os("CLERK_SCREENSHOTS");
    for audience in ["public", "confidential"] {
        let site = build(&repo, audience);
        let mut args = vec![site.clone(), ids_file.clone()];
        if let Some(dir) = &shots {
            let dir = Path::new(dir).join(audience);
            std::fs::create_dir_all(&dir).unwrap();
            args.push(dir);
        }
        let seen = common::node_json(&tools.join("labels.mjs"), &args);
        assert!(seen["pages"].as_u64().unwrap() > 20, "{audience}: {seen}");
        assert_eq!(
            seen["shown"],
            serde_json::json!([]),
            "{audience}: ids shown"
        );
        assert_eq!(
            seen["keys"],
            serde_json::json!([]),
            "{audience}: public keys shown"
        );
        let r = &seen["resolution"];
        // Meetings are internal: the public edition has none, and links to none.
        if audience == "public" {
            assert!(!site.join("meeting").exists(), "{audience}");
            assert_eq!(*r, serde_json::Value::Null, "{audience}");
            continue;
        }
        assert_eq!(r["target"], "TR#R3", "{audience}: {r}");
        assert!(
            r["url"]
                .as_str()
                .unwrap()
                .starts_with("/meeting/2026-council-01.html#R3"),
            "{audience}: {r}"
        );
        assert_eq!(r["inTable"], true, "{audience}: {r}");
        let headers = r["headers"].as_array().unwrap();
        for h in ["決議內容", "表決", "負責人", "表決結果"] {
            assert!(headers.iter().any(|x| x == h), "{audience}: {h} in {r}");
        }
        let row = r["row"].as_str().unwrap();
        assert!(
            row.contains("贊成 5") && row.contains("張雅婷") && row.contains("通過"),
            "{audience}: {row}"
        );
    }
}

/// Where the 版記 of a printed PDF is: the number of pages, the page (from 1) whose words end
/// with 印發 (the 印發日期, on the 版記's last line), and that word's foot in mm from the
/// page's top; read with poppler's `pdftotext -bbox`. None without poppler.
fn colophon_foot(pdf: &Path) -> Option<(usize, usize, f64)> {
    let out = Command::new("pdftotext")
        .arg("-bbox")
        .arg(pdf)
        .arg("-")
        .output()
        .ok()?;
    let text = String::from_utf8_lossy(&out.stdout);
    let (mut pages, mut found) = (0, None);
    for line in text.lines() {
        if line.trim_start().starts_with("<page ") {
            pages += 1;
        }
        if line.trim_end().ends_with("印發</word>") {
            let y_max = line.split("yMax=\"").nth(1)?.split('"').next()?;
            let pt: f64 = y_max.parse().ok()?;
            found = Some((pages, pt * 25.4 / 72.0));
        }
    }
    let (page, foot) = found.unwrap_or_else(|| panic!("no 印發 in {}: {text}", pdf.display()));
    Some((pages, page, foot))
}

/// A 公文's page printed in Chromium: A4, the red rule above the title, the 成文日期 after the
/// body and right-aligned, the 版記 at the foot of the last page (GB/T 9704: its last rule on
/// the bottom of the 版心, 262 mm from the top of the page), with JavaScript and, for a one-page
/// document, without; on a desktop the panels sit beside the paper, on a phone nothing
/// overflows. Screenshots land in `target/document-screenshots/`.
#[test]
fn a_document_page_prints_on_a4_as_gbt_9704_lays_it_out() {
    let Some(tools) = tools() else { return };
    let repo = Repo::example();
    let site = build_with(&repo, "internal", &["--no-pdf"]);
    let shots = common::crate_dir().join("target/document-screenshots");
    std::fs::create_dir_all(&shots).unwrap();
    let page = OsStr::new("document/2026-doc-002.html");
    let one_page = OsStr::new("document/2026-doc-003.html");
    let seen = common::node_json(
        &tools.join("document.mjs"),
        [site.as_os_str(), page, shots.as_os_str(), one_page],
    );
    let n = |v: &serde_json::Value| v.as_f64().unwrap();
    assert_eq!(seen["axe"], serde_json::json!([]), "axe: {seen}");
    // Desktop: the panels to the right of the paper; phone: the paper fits the screen.
    assert!(
        n(&seen["desktop"]["panels"]["left"]) >= n(&seen["desktop"]["paper"]["right"]),
        "{seen}"
    );
    assert_eq!(seen["phone"]["overflow"], false, "{seen}");
    let p = &seen["print"];
    assert_eq!(
        (p["nav"].as_str(), p["panels"].as_str()),
        (Some("none"), Some("none")),
        "{seen}"
    );
    // The red rule (and the red mark) above the title.
    assert_eq!(p["ruleColor"], "rgb(212, 0, 0)", "{seen}");
    assert_eq!(p["markColor"], "rgb(212, 0, 0)", "{seen}");
    assert!(n(&p["rule"]["bottom"]) < n(&p["title"]["top"]), "{seen}");
    // The date after the body, in the right half, four characters (16 pt ≈ 21.3 px each) in
    // from the right of the type area; the issuer centred on it.
    assert!(n(&p["date"]["top"]) > n(&p["body"]["bottom"]), "{seen}");
    let from_right = n(&p["paper"]["right"]) - n(&p["date"]["right"]);
    assert!(
        (from_right - 4.0 * 21.33).abs() < 3.0,
        "{from_right}: {seen}"
    );
    let centre = |b: &serde_json::Value| (n(&b["left"]) + n(&b["right"])) / 2.0;
    assert!(
        (centre(&p["issuer"]) - centre(&p["date"])).abs() < 2.0,
        "{seen}"
    );
    assert!(
        p["bodyFont"].as_str().unwrap().contains("FangSong"),
        "{seen}"
    );
    // The 版記 at the foot of the paper, a whole number of 版心 tall (this one needs two).
    let type_area = n(&p["typeArea"]);
    let mm = type_area / 225.0;
    let paper_h = n(&p["paper"]["bottom"]) - n(&p["paper"]["top"]);
    assert!((paper_h - 2.0 * type_area).abs() < mm, "{paper_h}: {seen}");
    assert!(
        (n(&p["colophon"]["bottom"]) - n(&p["paper"]["bottom"])).abs() < mm,
        "{seen}"
    );
    assert!(n(&p["colophon"]["top"]) > n(&p["date"]["bottom"]), "{seen}");
    // Without JavaScript, a document of one page: its 版記 at the foot of its 版心.
    let one = &seen["onePage"];
    let foot = n(&one["colophon"]["bottom"]) - n(&one["paper"]["top"]);
    assert!((foot - type_area).abs() < 3.0 * mm, "{foot}: {seen}");
    assert!(
        n(&one["colophon"]["top"]) > n(&one["closing"]["bottom"]),
        "{seen}"
    );
    // In Chromium's own PDFs: the 版記 on the last page, its last line within 3 mm of the
    // bottom of the 版心.
    for (pdf, pages) in [("print.pdf", 2), ("print-one-page.pdf", 1)] {
        if let Some((count, page, foot)) = colophon_foot(&shots.join(pdf)) {
            assert_eq!((count, page), (pages, pages), "{pdf}");
            assert!(
                (foot - 262.0).abs() < 3.0,
                "{pdf}: the 版記 ends {foot} mm down"
            );
        }
    }
    // Chromium's own PDF of the printed page: A4.
    if Command::new("pdfinfo").arg("-v").output().is_ok() {
        let info = Command::new("pdfinfo")
            .arg(shots.join("print.pdf"))
            .output()
            .unwrap();
        let info = String::from_utf8_lossy(&info.stdout);
        assert!(info.contains("pts (A4)"), "{info}");
    }
}

/// The example's internal and public editions on a 390 px phone and a 1280 px desktop: no
/// page scrolls sideways (a wide table or chart scrolls in its own box), the navigation is one
/// line on the desktop and a menu on the phone, and no two texts of a chart overlap.
/// Screenshots of the confidential edition's home, budget register and report land in
/// `target/home-screenshots/` (the README's come from there).
#[test]
fn pages_fit_a_phone_and_the_navigation_one_desktop_line() {
    let Some(tools) = tools() else { return };
    let repo = Repo::example();
    let sites: Vec<PathBuf> = ["public", "internal", "confidential"]
        .iter()
        .map(|a| build_with(&repo, a, &["--no-pdf", "--no-search"]))
        .collect();
    let shots = common::crate_dir().join("target/home-screenshots");
    std::fs::create_dir_all(&shots).unwrap();
    let args = [shots.as_os_str()].into_iter();
    let seen = common::node_json(
        &tools.join("home.mjs"),
        args.chain(sites.iter().map(|s| s.as_os_str())),
    );
    for site in seen["sites"].as_array().unwrap() {
        assert!(site["pages"].as_u64().unwrap() > 20, "{site}");
        assert_eq!(site["overflow"], serde_json::json!([]), "{site}");
        assert_eq!(site["nav"]["lines"], 1, "{site}");
        assert_eq!(site["phoneMenu"]["closed"], "none", "{site}");
        assert_eq!(site["phoneMenu"]["open"], "flex", "{site}");
    }
    assert_eq!(seen["sites"][2]["nav"]["items"], 16, "{seen}");
    assert!(seen["labels"].as_u64().unwrap() > 20, "{seen}");
    assert_eq!(seen["overlaps"], serde_json::json!([]), "{seen}");
    assert_eq!(seen["axe"], serde_json::json!([]), "{seen}");
}
