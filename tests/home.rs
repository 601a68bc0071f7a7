//! The home page as the secretariat's desk, the navigation in configured groups, and tables
//! and charts fit for reading, on the example association's built sites.

use crate::common;

use std::path::{Path, PathBuf};

use common::Repo;

fn build(repo: &Repo, audience: &str) -> PathBuf {
    let out = repo.path().join(format!("site-{audience}"));
    common::clerk(&["build", ".", "-o"])
        .arg(&out)
        .args(["--audience", audience, "--today", common::TODAY, "--no-pdf"])
        .dir(repo.path())
        .run()
        .success();
    out
}

fn page(site: &Path, rel: &str) -> String {
    std::fs::read_to_string(site.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// The navigation's top-level entries: each group's label (a link's text or a menu's summary).
fn nav(html: &str) -> Vec<String> {
    let start = html.find("<nav class=\"site-nav\"").expect("a navigation");
    let nav = &html[start..start + html[start..].find("</nav>").unwrap()];
    let top = regex::Regex::new(
        r"\n    <li>(?:<a [^>]*>([^<]*)</a>|<details[^>]*><summary>([^<]*)</summary>)",
    )
    .unwrap();
    top.captures_iter(nav)
        .map(|c| c.get(1).or(c.get(2)).unwrap().as_str().to_string())
        .collect()
}

/// A section of the home page, from its heading's id to the section's end.
fn section<'a>(html: &'a str, id: &str) -> Option<&'a str> {
    let start = html.find(&format!("aria-labelledby=\"{id}\""))?;
    let len = html[start..].find("</section>")?;
    Some(&html[start..start + len])
}

#[test]
fn the_navigation_follows_the_configured_groups_in_order() {
    let repo = Repo::example();
    let site = build(&repo, "confidential");
    let html = page(&site, "index.html");
    assert_eq!(
        nav(&html),
        [
            "首頁",
            "發文",
            "會議",
            "活動",
            "會員",
            "宣傳",
            "考勤與請假",
            "財務",
            "保密",
            "考核",
            "制度",
            "人員",
            "登記簿",
            "待辦與逾期",
            "報告",
            "搜尋"
        ]
    );
    // A group of several types is a menu of them, in the configured order.
    let finance = html.find("<summary>財務</summary>").unwrap();
    let menu = &html[finance..finance + html[finance..].find("</details>").unwrap()];
    let items: Vec<&str> = ["預算", "收入", "支出", "資產", "財務審計"]
        .iter()
        .map(|l| {
            assert!(menu.contains(&format!(">{l}</a>")), "{l} in {menu}");
            *l
        })
        .collect();
    let at = |l: &str| menu.find(&format!(">{l}</a>")).unwrap();
    assert!(items.windows(2).all(|w| at(w[0]) < at(w[1])), "{menu}");
    // The internal edition has no group whose types it has no records of (members, assessments
    // and all but one finance type are confidential); finance is then one link.
    let internal = page(&build(&repo, "internal"), "index.html");
    assert_eq!(
        nav(&internal),
        [
            "首頁",
            "發文",
            "會議",
            "活動",
            "宣傳",
            "考勤與請假",
            "財務",
            "保密",
            "制度",
            "人員",
            "登記簿",
            "待辦與逾期",
            "報告",
            "搜尋"
        ]
    );
    assert!(internal.contains(r#"<a href="asset&#x2F;index.html">財務</a>"#));
}

#[test]
fn without_configured_groups_the_navigation_is_each_type_in_the_order_of_its_file() {
    let repo = Repo::example();
    let text = repo.read("clerk.yaml");
    let without: String = text
        .lines()
        .filter(|l| !l.starts_with("  navigation:") && !l.starts_with("    - {label: {zh-Hant:"))
        .map(|l| format!("{l}\n"))
        .collect();
    assert!(without.len() < text.len());
    repo.write("clerk.yaml", without);
    let html = page(&build(&repo, "confidential"), "index.html");
    // No group of clerk's own: each type is a link under its label, in the order `types/`
    // lists its files (activity, assessment, asset, …); the example has no amendment yet, so
    // it has no link.
    assert_eq!(
        nav(&html),
        [
            "首頁",
            "活動",
            "季度考核",
            "資產",
            "月度考勤",
            "財務審計",
            "預算",
            "保密承諾書",
            "發文",
            "支出",
            "收入",
            "請假",
            "會議",
            "會員",
            "人員",
            "管理制度",
            "宣傳計劃",
            "保密資料外帶",
            "登記簿",
            "待辦與逾期",
            "報告",
            "搜尋"
        ]
    );
}

#[test]
fn a_navigation_or_policies_naming_an_unknown_type_is_an_error_at_its_line() {
    let repo = Repo::example();
    repo.edit(
        "clerk.yaml",
        "types: [attendance, leave]}",
        "types: [attendance, leaev]}",
    );
    repo.edit("clerk.yaml", "  policies: [policy]", "  policies: [polcy]");
    let text = repo.read("clerk.yaml");
    let line = |s: &str| text.lines().position(|l| l.contains(s)).unwrap() + 1;
    let out = repo.check();
    assert_eq!(out.status, 1, "{}", out.said());
    common::assert_findings(
        &out,
        &[
            ("E130", "clerk.yaml", line("leaev")),
            ("E130", "clerk.yaml", line("[polcy]")),
        ],
    );
    let said = repo.check_text().said();
    assert!(said.contains("did you mean `leave`?"), "{said}");
    assert!(said.contains("did you mean `policy`?"), "{said}");
}

#[test]
fn the_public_home_page_has_no_desk_and_the_internal_one_counts_only_its_records() {
    let repo = Repo::example();
    let public = page(&build(&repo, "public"), "index.html");
    for id in ["due-soon", "awaiting", "meetings", "counts"] {
        assert!(section(&public, id).is_none(), "public home has `{id}`");
    }
    assert!(!public.contains("關於會員服務數位化工作方案的請示"));
    assert!(section(&public, "recent").is_some());
    assert!(section(&public, "upcoming").is_some());
    let policies = section(&public, "policies").expect("the public home lists the policies");
    assert!(policies.contains(r#"href="policy&#x2F;"#), "{policies}");

    let internal = page(&build(&repo, "internal"), "index.html");
    // What awaits approval, and by whom: from the inbox, by the approvers' names.
    let awaiting = section(&internal, "awaiting").unwrap();
    assert!(
        awaiting.contains("關於會員服務數位化工作方案的請示")
            && awaiting.contains("陳建國、林文慧"),
        "{awaiting}"
    );
    assert!(awaiting.contains("黃俊豪事假一天") && awaiting.contains("周美玲"));
    // Overdue: the leave not yet closed (銷假) after it ended on 2026-11-20.
    let due = section(&internal, "due-soon").unwrap();
    assert!(
        due.contains(r#"<strong class="flag">逾期</strong> <time datetime="2026-11-20">"#),
        "{due}"
    );
    // Counts: confidential types are not counted in the internal edition.
    let counts = section(&internal, "counts").unwrap();
    assert!(
        counts.contains(">發文</a>") && !counts.contains(">預算</a>"),
        "{counts}"
    );
    let confidential = page(&build(&repo, "confidential"), "index.html");
    assert!(section(&confidential, "counts")
        .unwrap()
        .contains(">預算</a>"));
    // The count of documents is the number of rows of the documents' own index.
    let index = page(&repo.path().join("site-internal"), "document/index.html");
    let rows = index.matches("<tr data-").count();
    let count = regex::Regex::new(r#">發文</a></th><td class="num">(\d+)</td>"#)
        .unwrap()
        .captures(counts)
        .unwrap()[1]
        .parse::<usize>()
        .unwrap();
    assert!(rows > 0);
    assert_eq!(count, rows);
}

#[test]
fn income_and_expenditure_are_subtotalled_apart_never_added_together() {
    let repo = Repo::example();
    let site = build(&repo, "confidential");
    let html = page(&site, "registers/budget-vs-actual.html");
    let foot = &html[html.find("<tfoot>").unwrap()..html.find("</tfoot>").unwrap()];
    assert!(
        foot.contains(">收入小計<") && foot.contains(">支出小計<"),
        "{foot}"
    );
    assert!(!foot.contains("合計"), "{foot}");
    // Amounts: right-aligned, thousands separators, the same decimals all down a column.
    let amount = regex::Regex::new(r#"<td class="num">([0-9,.\-]+)</td>"#).unwrap();
    let amounts: Vec<&str> = amount
        .captures_iter(&html)
        .map(|c| c.get(1).unwrap().as_str())
        .collect();
    assert!(amounts.iter().any(|a| a.contains(',')), "{amounts:?}");
    let bare = regex::Regex::new(r#"<td>[0-9][0-9,.]*</td>"#).unwrap();
    assert!(bare.find(&html).is_none(), "a number not right-aligned");
    // The report draws income and expenditure as two charts, its axis in 萬.
    let report = page(&site, "reports/budget-vs-actual.html");
    assert_eq!(report.matches("<svg").count(), 2, "{report}");
    assert!(
        report.contains(">預算執行情況：收入</title>")
            && report.contains(">預算執行情況：支出</title>")
    );
    assert!(report.contains("萬</text>"), "{report}");
    assert!(!report.contains("k</text>"));
}

#[test]
fn no_page_shows_a_whole_number_as_a_decimal() {
    let repo = Repo::example();
    let site = build(&repo, "confidential");
    let tag = regex::Regex::new(r"<[^>]*>").unwrap();
    let decimal = regex::Regex::new(r"(^|[^0-9.])([0-9]+\.0)($|[^0-9])").unwrap();
    for entry in walkdir::WalkDir::new(&site)
        .into_iter()
        .filter_map(Result::ok)
    {
        let path = entry.path();
        if path.extension().is_none_or(|x| x != "html") {
            continue;
        }
        let text = tag
            .replace_all(&std::fs::read_to_string(path).unwrap(), " ")
            .into_owned();
        if let Some(c) = decimal.captures(&text) {
            panic!("{} shows `{}`", path.display(), &c[2]);
        }
    }
}

#[test]
fn subtotals_naming_no_column_is_an_error_at_its_line() {
    let repo = Repo::example();
    repo.edit(
        "types/budget.yaml",
        "subtotals: 收支",
        "subtotals: 收入支出",
    );
    let text = repo.read("types/budget.yaml");
    let line = text.lines().position(|l| l.contains("subtotals:")).unwrap() + 1;
    let out = repo.check();
    common::assert_findings(&out, &[("E131", "types/budget.yaml", line)]);
}
