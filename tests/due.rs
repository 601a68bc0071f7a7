//! `clerk due`: every kind of deadline the example declares, overdue or coming, by person.

use crate::common;

use serde_json::Value;

fn due(args: &[&str]) -> Value {
    let dir = common::crate_dir().join("records-example");
    let out = common::clerk(&["due"])
        .arg(&dir)
        .args(["--as-of", common::TODAY, "--format", "json"])
        .args(args)
        .run()
        .success();
    serde_json::from_str(&out.stdout).unwrap()
}

fn summary(items: &Value) -> Vec<(String, String, bool, String)> {
    items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["who"].as_str().unwrap().into(),
                i["date"].as_str().unwrap().into(),
                i["overdue"].as_bool().unwrap(),
                i["record"].as_str().unwrap().into(),
            )
        })
        .collect()
}

#[test]
fn everything_due_in_the_example() {
    // Computed by hand from the records, as of 2026-11-26, looking 90 days ahead.
    let items = summary(&due(&["--within", "90d"]));
    let expected: Vec<(String, String, bool, String)> = [
        ("cai-peiyu", "2026-11-01", true, "2026-q3-cai-peiyu"), // an open Q3 assessment
        ("li-zhiqiang", "2026-03-31", true, "m-2024-003"),      // unpaid 2026 dues ×4
        ("li-zhiqiang", "2026-03-31", true, "m-2024-004"),
        ("li-zhiqiang", "2026-03-31", true, "m-2025-001"),
        ("li-zhiqiang", "2026-03-31", true, "m-2025-007"),
        ("li-zhiqiang", "2026-09-30", true, "2026-council-02"), // a resolution past its deadline
        ("lin-wenhui", "2027-01-31", false, "secretariat-rules"), // a policy's review date
        ("wang-fang", "2026-10-10", true, "2026-sec-09"),       // a secretariat action item
        ("wang-fang", "2026-11-20", true, "leave-2026-030"),    // leave not returned (銷假)
        ("wang-fang", "2026-12-31", false, "audit-2025"),       // an open audit finding
        ("zhang-yating", "2026-09-05", true, "qlfa-002"),       // an overdue inventory
    ]
    .into_iter()
    .map(|(w, d, o, r)| (w.to_string(), d.to_string(), o, r.to_string()))
    .collect();
    assert_eq!(items, expected);
}

#[test]
fn the_window_and_the_audience_narrow_it() {
    // 30 days ahead: the overdue nine, but not the audit finding (2026-12-31) or the review.
    let items = summary(&due(&[]));
    assert_eq!(items.len(), 9);
    assert!(items.iter().all(|i| i.2), "{items:?}");
    // The public sees only the public policy's review.
    let items = summary(&due(&["--within", "90d", "--audience", "public"]));
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].3, "secretariat-rules");
}

#[test]
fn text_groups_by_person() {
    let dir = common::crate_dir().join("records-example");
    let text = common::clerk(&["due"])
        .arg(&dir)
        .args(["--as-of", common::TODAY])
        .run()
        .stdout;
    assert!(
        text.contains(
            "\n王芳 (wang-fang)\n  2026-10-10  overdue  Resolution: 秘書處2026年9月工作例會 A2"
        ),
        "{text}"
    );
    assert!(
        text.contains("9 due by 2026-12-26, 9 of them overdue (as of 2026-11-26)"),
        "{text}"
    );
}
