//! Reports: charts drawn from registers, and the annual work report for a year.

use crate::common;

fn report(args: &[&str]) -> String {
    let dir = common::crate_dir().join("records-example");
    common::clerk(&["report"])
        .args(args)
        .args(["--dir", dir.to_str().unwrap(), "--today", common::TODAY])
        .run()
        .success()
        .stdout
}

#[test]
fn charts_are_svg_with_their_data_in_words() {
    let md = report(&["income-mix", "--year", "2026"]);
    assert!(md.starts_with("# 收入結構\n\n<svg "), "{md}");
    // Shares by hand: 68,500 + 80,000 + 27,600 + 100,000 + 15,000 = 291,100; grants 34.4%.
    // Each kind by its label (政府補助), not its id (grant).
    assert!(md.contains("政府補助 — 100,000 (34.4%)"), "{md}");
    assert!(!md.contains("grant"), "{md}");
    assert!(md.contains("| 合計 | 9 | 291,100 |"), "{md}");
    let md = report(&["budget-vs-actual", "--year", "2026"]);
    assert!(
        md.contains("<desc id=\"chart-budget-vs-actual-0-desc\">人員經費: 預算 240,000, 實際 0;"),
        "{md}"
    );
    let md = report(&["membership"]);
    // Admitted: 2024 five individuals and three organisations (by hand from members/).
    assert!(md.contains("| 2024 | 5 | 3 |"), "{md}");
    let md = report(&["leave-per-month", "--year", "2026"]);
    assert!(md.contains("| 2026-11 | 1 | 5.00 |"), "{md}");
}

#[test]
fn the_annual_work_report_covers_the_year() {
    let md = report(&["annual", "--year", "2026"]);
    for heading in [
        "# 青嵐文化交流協會 2026 年度工作報告",
        "## 一、發文",
        "## 二、會議",
        "## 三、理事會及秘書處決議",
        "## 四、活動",
        "## 五、會員發展",
        "## 六、財務概況（預算執行）",
        "## 七、收入結構",
        "## 八、審計與整改",
    ] {
        assert!(md.contains(heading), "missing {heading}:\n{md}");
    }
    assert!(md.contains("發文登記簿：3"), "{md}");
    // Only 2026: the 2024 council resolution is not in it, the 2026 ones are.
    assert!(
        !md.contains("2024-council-01#R1") && md.contains("2026-council-02#R3"),
        "{md}"
    );
    // The audit of 2025 reported in 2026 belongs to 2026.
    assert!(md.contains("| 2025年度財務審計 | F2 |"), "{md}");
    let md2025 = report(&["annual", "--year", "2025"]);
    assert!(md2025.contains("## 一、發文\n\n（無）"), "{md2025}");
}

#[test]
fn reports_respect_audiences() {
    let md = report(&["income-mix", "--audience", "public"]);
    assert!(!md.contains("grant"), "income is confidential: {md}");
}
