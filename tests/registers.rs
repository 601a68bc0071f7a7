//! Registers: real figures checked against values computed by hand from records-example, every
//! format read back by other programs, audiences respected, new registers without Rust.

use crate::common;

use common::Repo;
use serde_json::Value;

fn register(dir: &std::path::Path, args: &[&str]) -> (i32, String) {
    let out = common::clerk(&["register"])
        .args(args)
        .args(["--dir", dir.to_str().unwrap(), "--today", common::TODAY])
        .run();
    (out.status, out.said())
}

fn json(name: &str, extra: &[&str]) -> Value {
    let dir = common::crate_dir().join("records-example");
    let mut args = vec![name, "--format", "json"];
    args.extend(extra);
    let (code, out) = register(&dir, &args);
    assert_eq!(code, 0, "{out}");
    serde_json::from_str(&out).unwrap()
}

/// The row whose column `col` is `key`.
fn row<'a>(t: &'a Value, col: usize, key: &str) -> &'a Vec<Value> {
    t["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r.as_array().unwrap())
        .find(|r| r[col] == key)
        .unwrap_or_else(|| panic!("no row {key}"))
}

#[test]
fn figures_match_the_records() {
    // Budget line E3: 150,000 budgeted, +30,000 by the approved adjustment, 45,000 spent
    // (exp-2026-003 paid); I1 dues: 12,000 + 1,200 + 1,200 + 12,000 + 1,200 = 27,600.
    let b = json("budget-vs-actual", &["--year", "2026"]);
    let e3 = row(&b, 0, "E3");
    assert_eq!(
        (e3[3].as_f64(), e3[4].as_f64(), e3[5].as_f64()),
        (Some(150000.0), Some(30000.0), Some(45000.0))
    );
    assert_eq!(row(&b, 0, "I1")[5].as_f64(), Some(27600.0));
    // No grand total of income and expenditure together; a sub-total of each: budgets 590,000
    // expense and 490,000 income, adjustments 30,000 and 20,000, actual 157,500 and 291,100.
    assert!(
        b["totals"].as_array().unwrap().iter().all(Value::is_null),
        "{b}"
    );
    let sub = |label: &str| -> Vec<Option<f64>> {
        let found = b["subtotals"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s[0] == label);
        let sums = found.unwrap_or_else(|| panic!("no sub-total {label}: {b}"));
        sums[1].as_array().unwrap()[3..]
            .iter()
            .map(Value::as_f64)
            .collect()
    };
    assert_eq!(
        sub("支出小計"),
        [Some(590000.0), Some(30000.0), Some(157500.0)]
    );
    assert_eq!(
        sub("收入小計"),
        [Some(490000.0), Some(20000.0), Some(291100.0)]
    );

    // Dues arrears for 2026: four admitted members paid nothing: 1,200 × 3 + 12,000.
    let a = json("dues-arrears", &[]);
    let ids: Vec<&str> = a["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r[0].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        ["m-2024-003", "m-2024-004", "m-2025-001", "m-2025-007"]
    );
    assert_eq!(a["totals"][5].as_f64(), Some(15_600.0));
    // In 2025 nobody paid (no income is booked for 2025): all nine admitted members are listed
    // (of the twelve, one withdrew, one is suspended and one has only applied).
    let a2025 = json("dues-arrears", &["--year", "2025"]);
    assert_eq!(a2025["rows"].as_array().unwrap().len(), 9);

    // Overdue: the resolution due 2026-09-30 not done, and the inventory due 2026-09-05.
    let r = json("resolutions", &[]);
    assert_eq!(row(&r, 1, "2026-council-02#R3")[6], "逾期");
    assert_eq!(row(&r, 1, "2026-council-01#R3")[6], "已完成");
    assert_eq!(row(&json("assets", &[]), 0, "QL-FA-002")[6], "逾期");

    // Three issued documents of 2026 with 1 + 6 + 2 pages; nine incomes totalling 291,100.
    let d = json("documents", &["--year", "2026"]);
    assert_eq!(
        (d["rows"].as_array().unwrap().len(), d["totals"][6].as_f64()),
        (3, Some(9.0))
    );
    assert_eq!(
        json("income-by-kind", &[])["totals"][2].as_f64(),
        Some(291_100.0)
    );
    // Nine of ten 2026-Q3 assessments are complete.
    let q = json("assessment-completion", &[]);
    assert_eq!(
        row(&q, 0, "2026-Q3")[1..],
        [Value::from(10), Value::from(9), Value::from(1)]
    );
}

#[test]
fn registers_respect_audiences() {
    assert_eq!(json("members", &[])["rows"].as_array().unwrap().len(), 12);
    assert_eq!(
        json("members", &["--audience", "public"])["rows"]
            .as_array()
            .unwrap()
            .len(),
        0
    );
    assert_eq!(
        json("documents", &["--audience", "public"])["rows"]
            .as_array()
            .unwrap()
            .len(),
        3
    );
}

#[test]
fn the_terminal_table_aligns_chinese() {
    use unicode_width::UnicodeWidthStr;
    let dir = common::crate_dir().join("records-example");
    let (code, out) = register(&dir, &["documents"]);
    assert_eq!(code, 0, "{out}");
    let lines: Vec<&str> = out.lines().skip(1).collect();
    // The column after the title starts at the same display column on every row.
    let starts: Vec<usize> = lines
        .iter()
        .filter(|l| l.contains("通知") && !l.starts_with('─'))
        .map(|l| l[..l.find("  通知").unwrap()].width())
        .collect();
    assert_eq!(starts.len(), 3, "{out}");
    assert!(starts.windows(2).all(|w| w[0] == w[1]), "{starts:?}\n{out}");
    assert!(out.contains("協秘〔2026〕1號"));
    assert!(lines.last().unwrap().starts_with("合計"), "{out}");
}

#[test]
#[cfg(feature = "xlsx")]
fn csv_and_xlsx_read_back_in_python() {
    if !common::python_has("openpyxl") {
        return;
    }
    let out = Repo::empty();
    let dir = common::crate_dir().join("records-example");
    let csv = out.path().join("arrears.csv");
    let xlsx = out.path().join("budget.xlsx");
    assert_eq!(
        register(
            &dir,
            &[
                "dues-arrears",
                "--format",
                "csv",
                "-o",
                csv.to_str().unwrap()
            ]
        )
        .0,
        0
    );
    assert_eq!(
        register(
            &dir,
            &[
                "budget-vs-actual",
                "--format",
                "xlsx",
                "-o",
                xlsx.to_str().unwrap()
            ]
        )
        .0,
        0
    );
    assert!(
        std::fs::read(&csv).unwrap().starts_with(b"\xef\xbb\xbf"),
        "UTF-8 with BOM for Excel"
    );
    let script = r##"
import csv, sys, openpyxl, datetime
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline="")))
assert rows[0][:2] == ["會員編號", "名稱"], rows[0]
assert rows[3][1] == "禾風茶藝文化有限公司", rows[3]
assert float(rows[3][5]) == 12000, rows[3]
assert rows[-1][0] == "合計" and float(rows[-1][5]) == 15600, rows[-1]
ws = openpyxl.load_workbook(sys.argv[2]).active
head = [c.value for c in ws[1]]
assert head == ["科目", "名稱", "收支", "預算", "調整", "實際"], head
e3 = [r for r in ws.iter_rows(values_only=True) if r[0] == "E3"][0]
assert e3[3] == 150000 and isinstance(e3[3], (int, float)), e3
assert e3[1] == "活動經費", e3
last = [c.value for c in ws[ws.max_row]]
spent = [c.value for c in ws[ws.max_row - 1]]
assert spent[0] == "支出小計" and spent[3] == 590000 and spent[5] == 157500, spent
assert last[0] == "收入小計" and last[3] == 490000 and last[5] == 291100, last
assert ws.cell(row=2, column=4).number_format == "#,##0.00"
print("ok")
"##;
    common::python(script, &[&csv, &xlsx]);
}

#[test]
#[cfg(feature = "xlsx")]
fn xlsx_dates_are_dates() {
    if !common::python_has("openpyxl") {
        return;
    }
    let out = Repo::empty();
    let xlsx = out.path().join("docs.xlsx");
    let dir = common::crate_dir().join("records-example");
    assert_eq!(
        register(
            &dir,
            &[
                "documents",
                "--format",
                "xlsx",
                "-o",
                xlsx.to_str().unwrap()
            ]
        )
        .0,
        0
    );
    // 印發日期 is the eighth column: 文種 and 擬稿部門 are each followed by their ids.
    let script = "import sys, openpyxl, datetime\nws = openpyxl.load_workbook(sys.argv[1]).active\nv = ws.cell(row=2, column=8).value\nassert isinstance(v, datetime.datetime) and v.date() == datetime.date(2026, 1, 5), v\nprint('ok')";
    common::python(script, &[&xlsx]);
}

#[test]
fn a_register_added_to_a_type_file_appears_with_no_rust_change() {
    let repo = Repo::fixture("_base");
    let text = repo.read("types/note.yaml");
    repo.write(
        "types/note.yaml",
        format!("{text}\nregisters:\n  - name: notes-by-author\n    title: {{en: Notes by author}}\n    group: record.author\n    sort: [record.author]\n    columns:\n      - {{title: Author, value: record.author}}\n      - {{title: Notes, value: \"1\", kind: count}}\n      - {{title: Pages, value: \"record.pages == null ? 0 : record.pages\", kind: count}}\n"),
    );
    let (code, out) = register(repo.path(), &["--list"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("notes-by-author"), "{out}");
    let (code, out) = register(repo.path(), &["notes-by-author", "--format", "json"]);
    assert_eq!(code, 0, "{out}");
    let t: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(t["rows"], serde_json::json!([["ann", 1, 0]]));
    let site = repo.path().join("site");
    common::clerk(&["build", ".", "-o", "site", "--audience", "internal"])
        .dir(repo.path())
        .run()
        .success();
    let page = std::fs::read_to_string(site.join("registers/notes-by-author.html")).unwrap();
    assert!(
        page.contains("Notes by author") && page.contains("<td>ann</td>"),
        "{page}"
    );
}

#[test]
fn lookup_naming_a_type_that_does_not_exist_is_refused_at_its_line() {
    let repo = Repo::example();
    let text = repo.read("types/member.yaml");
    let (line, column) = text
        .lines()
        .enumerate()
        .find_map(|(i, l)| {
            l.find("lookup('income'")
                .map(|c| (i + 1, l[..c].chars().count() + 1))
        })
        .unwrap();
    repo.write(
        "types/member.yaml",
        text.replace("lookup('income', 'member'", "lookup('incme', 'member'"),
    );
    let out = repo.check();
    let hit = out
        .diagnostics()
        .into_iter()
        .find(|f| f.code == "E105" && f.path == "types/member.yaml")
        .unwrap_or_else(|| panic!("no E105 in {}", out.stdout));
    assert_eq!((hit.line, hit.column), (line, column));
    let message = out.message("E105", "types/member.yaml");
    assert!(
        message.contains("type `incme`, which does not exist")
            && message.contains("did you mean `income`?"),
        "{message}"
    );
    // Every misspelt occurrence is reported, and nothing else is.
    let count = out.findings().iter().filter(|f| f.code == "E105").count();
    assert_eq!(count, text.matches("lookup('income', 'member'").count());
    assert_eq!(
        out.findings().iter().filter(|f| f.code != "E105").count(),
        0,
        "{}",
        out.stdout
    );
}

/// A clerk built without the `xlsx` feature says which feature a workbook needs, and writes
/// nothing.
#[test]
#[cfg(not(feature = "xlsx"))]
fn a_core_build_says_it_has_no_workbooks() {
    let dir = common::crate_dir().join("records-example");
    let out = Repo::empty();
    let xlsx = out.path().join("docs.xlsx");
    let (code, said) = register(
        &dir,
        &[
            "documents",
            "--format",
            "xlsx",
            "-o",
            xlsx.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 2, "{said}");
    assert!(said.contains("cargo feature `xlsx`"), "{said}");
    assert!(!xlsx.exists());
}

/// A member named like a spreadsheet formula is written as text in every CSV a register makes
/// (`clerk register --format csv` and the site's `registers/*.csv`), and totals as counts.
#[test]
fn csv_never_carries_a_formula_and_counts_are_whole() {
    let repo = Repo::example();
    let name = "=cmd|' /C calc'!A0";
    repo.edit(
        "members/m-2024-001.md",
        "name: 陳淑芬",
        &format!("name: \"{}\"", name),
    );
    let (code, csv) = register(repo.path(), &["members", "--format", "csv"]);
    assert_eq!(code, 0, "{csv}");
    assert!(csv.contains(&format!(",'{name},")), "{csv}");
    assert!(!csv.contains(&format!(",{name},")), "{csv}");
    let (code, documents) = register(repo.path(), &["documents", "--format", "csv"]);
    assert_eq!(code, 0, "{documents}");
    let total = documents.lines().last().unwrap();
    assert!(
        total.starts_with("合計,") && total.contains(",9,"),
        "{total}"
    );
    assert!(!documents.contains("9.0"), "{documents}");
    let site = Repo::empty();
    let out = common::clerk(&["build"])
        .arg(repo.path())
        .args([
            "-o",
            site.path().join("s").to_str().unwrap(),
            "--audience",
            "confidential",
            "--today",
            common::TODAY,
            "--no-search",
            "--allow-errors", // the renamed member's approvals are stale now
        ])
        .run();
    assert_eq!(out.status, 0, "{}", out.said());
    let built = std::fs::read_to_string(site.path().join("s/registers/members.csv")).unwrap();
    assert!(built.contains(&format!(",'{name},")), "{built}");
}

/// A column of labels (`labels:`) shows words; CSV and workbooks keep the ids in a column of
/// their own right after it, for programs.
#[test]
fn labelled_columns_show_labels_and_keep_ids_beside_them() {
    let dir = common::crate_dir().join("records-example");
    let (code, csv) = register(&dir, &["documents", "--format", "csv", "--year", "2026"]);
    assert_eq!(code, 0, "{csv}");
    let mut lines = csv.trim_start_matches('\u{feff}').lines();
    assert_eq!(
        lines.next(),
        Some("序號,文號,標題,文種,文種代碼,擬稿部門,擬稿部門代碼,印發日期,頁數,狀態,狀態代碼")
    );
    let first: Vec<&str> = lines.next().unwrap().split(',').collect();
    assert_eq!(
        (first[5], first[6], first[9], first[10]),
        ("綜合部", "general", "已印發", "issued")
    );
    // The terminal and the site show the label alone.
    let (_, text) = register(&dir, &["documents", "--year", "2026"]);
    assert!(
        text.contains("已印發") && !text.contains("issued"),
        "{text}"
    );
    assert!(!text.contains("代碼"), "{text}");
    // A person by name: the leave register's 請假人.
    let (_, leave) = register(&dir, &["leave", "--format", "csv", "--year", "2026"]);
    assert!(leave.contains("\r\n王芳,wang-fang,年假,年假,"), "{leave}");
}

#[cfg(feature = "xlsx")]
#[test]
fn a_workbook_keeps_the_ids_of_a_labelled_column_beside_it() {
    if !common::python_has("openpyxl") {
        return;
    }
    let out = tempfile::tempdir().unwrap();
    let xlsx = out.path().join("meetings.xlsx");
    let dir = common::crate_dir().join("records-example");
    let args = ["meetings", "--year", "2026", "--format", "xlsx", "-o"];
    let (code, said) = register(&dir, &[&args[..], &[xlsx.to_str().unwrap()]].concat());
    assert_eq!(code, 0, "{said}");
    let script = "import sys, openpyxl\nws = openpyxl.load_workbook(sys.argv[1]).active\nrows = list(ws.iter_rows(values_only=True))\nprint(rows[0])\nprint(rows[1])";
    let got = common::python(script, &[&xlsx]);
    let mut lines = got.lines();
    assert_eq!(
        lines.next(),
        Some("('日期', '會議', '類別', '類別代碼', '地點', '出席人數', '決議數', '狀態', '狀態代碼')")
    );
    let first = lines.next().unwrap();
    assert!(
        first.contains("'理事會', 'council'") && first.contains("'紀要已發送', 'summary-sent'"),
        "{first}"
    );
}

/// A currency of two decimals (`association.decimals: 2`) shows every amount with its cents;
/// by default whole amounts stay whole; any other number of decimals is refused at its line.
#[test]
fn amounts_follow_the_currencys_decimals() {
    let repo = Repo::example();
    let (status, whole) = register(repo.path(), &["expenses"]);
    assert_eq!(status, 0, "{whole}");
    assert!(
        whole.contains(" 36,000 ") && !whole.contains("36,000.00"),
        "{whole}"
    );
    repo.edit(
        "clerk.yaml",
        "  locale: zh-Hant\n",
        "  locale: zh-Hant\n  decimals: 2\n",
    );
    let (status, cents) = register(repo.path(), &["expenses"]);
    assert_eq!(status, 0, "{cents}");
    assert!(
        cents.contains(" 36,000.00 ") && cents.contains(" 68,000.00 "),
        "{cents}"
    );
    let line = 1 + repo
        .read("clerk.yaml")
        .lines()
        .position(|l| l == "  decimals: 2")
        .unwrap();
    repo.edit("clerk.yaml", "  decimals: 2\n", "  decimals: 3\n");
    let out = common::clerk(&["check", "--format", "json", "--today", common::TODAY])
        .dir(repo.path())
        .run_json();
    let found: Vec<(String, usize, String)> = out
        .diagnostics()
        .into_iter()
        .filter(|f| f.path == "clerk.yaml")
        .map(|f| (f.code, f.line, f.message))
        .collect();
    assert!(
        found
            .iter()
            .any(|(code, at, m)| code == "E100" && *at == line && m.contains("`3` decimals")),
        "{found:?}"
    );
}
