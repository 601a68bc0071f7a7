//! The association's rules, as configured in records-example's type files, each shown caught:
//! a fixture per rule (an overlay on a copy of the example), with the exact code and line.

use crate::common;

use common::{assert_findings, Repo};

/// Each case is a test of its own, so one failing case never hides the others: its name is the
/// overlay in `tests/fixtures/example/` (`-` written `_`), and with it exactly the findings it
/// must cause, each as (code, path, line). `cargo test --test integration rules::case::` runs
/// them all.
macro_rules! rule_cases {
    ($($name:ident: [$(($code:literal, $path:literal, $line:literal)),* $(,)?],)*) => {
        /// The overlays the cases use, by test name.
        const CASES: &[&str] = &[$(stringify!($name)),*];

        mod case {
            use crate::common::{assert_findings, Repo};

            $(
                #[test]
                fn $name() {
                    let overlay = stringify!($name).replace('_', "-");
                    let out = Repo::example_with(&overlay).check();
                    assert_findings(&out, &[$(($code, $path, $line)),*]);
                }
            )*
        }
    };
}

rule_cases! {
    // Rules §4.2(2): five days of leave need the secretary-general, not a deputy.
    leave_over_authority: [("E032", "leave/leave-2026-030.md", 14)],
    // The second association lets a group leader approve two days; here that needs the deputy.
    two_day_leave_by_department_head: [("E032", "leave/leave-2026-021.md", 15)],
    // Nobody approves their own leave.
    leave_own_approval: [("E034", "leave/leave-2026-014.md", 13)],
    // Rules §3.1(2): the deputy must be the one in charge of the drafting department.
    deputy_not_in_charge: [("E033", "documents/2026-doc-004.md", 24)],
    // A role that had ended on the approval date (and with it her key).
    role_ended: [
        ("E033", "publicity/2026-h2-publicity.md", 11),
        ("E056", "publicity/2026-h2-publicity.md", 15),
    ],
    // The head of another department.
    head_of_other_department: [("E033", "finance/expenses/exp-2026-002.md", 15)],
    // An issued document needs its approval and its issue date.
    issued_without_approval: [("E036", "documents/2026-doc-003.md", 24)],
    issued_without_date: [("E035", "documents/2026-doc-001.md", 36)],
    // Rules §3.3(2): a major activity needs a council resolution, adopted before approval.
    major_activity_without_resolution: [("E037", "activities/2026-culture-festival.md", 41)],
    resolution_after_approval: [("E039", "activities/2026-culture-festival.md", 10)],
    // A resolution counts only with the majority and quorum of clerk.yaml.
    resolution_not_passed: [("E040", "finance/expenses/exp-2026-002.md", 12)],
    inquorate_council: [("E040", "finance/2026-budget-adj-1.md", 7)],
    not_a_council_resolution: [("E038", "finance/2026-budget-adj-1.md", 7)],
    // Document numbers: unique, in the configured format, without gaps.
    document_number_collision: [("E042", "documents/2026-doc-003.md", 37)],
    document_number_format: [("E041", "documents/2026-doc-003.md", 37)],
    document_number_gap: [("W043", "documents/2026-doc-003.md", 37)],
    certificate_collision: [("E042", "members/m-2025-007.md", 10)],
    // Archive numbers (檔號) are unique across documents, minutes and policies.
    archive_number_collision: [("E042", "meetings/2026-council-02.md", 45)],
    // Rules §5.3(1): spending within the approved budget line; booked in the budget's year.
    over_budget: [("E044", "finance/expenses/exp-2026-004.md", 6)],
    budget_of_another_year: [("E045", "finance/income/inc-2026-009.md", 7)],
    // Leave days must match the working days between the dates.
    leave_days_against_dates: [("E046", "leave/leave-2026-021.md", 8)],
    // Rules §6.2(1) and §7.3(1): commitments and quarterly assessments for every staff member.
    missing_commitment: [("W047", "people/cai-peiyu.md", 1)],
    missing_assessment: [("W047", "people/liu-jiahui.md", 1)],
    commitment_signed_by_another: [("E046", "commitments/commitment-liu-jiahui.md", 8)],
    // Rules §7.3(1): a complete assessment has the leader's evaluation (and a grade).
    assessment_complete_without_leader: [
        ("E035", "assessments/2026-q3-cai-peiyu.md", 12),
        ("E035", "assessments/2026-q3-cai-peiyu.md", 12),
    ],
    // An approval step the type does not have.
    // (signed on 2026-12-01, after the day the cases are checked on: E069 too)
    unknown_approval_step: [("E030", "leave/leave-2026-033.md", 11), ("E069", "leave/leave-2026-033.md", 14)],
    // Rules §3.2(3): a held meeting records who attended.
    held_without_attendees: [("E035", "meetings/2026-council-03.md", 12)],
    // Rules §3.2(4): the summary is reviewed by the secretary-general or the deputy in charge.
    summary_by_department_head: [("E032", "meetings/2026-sec-09.md", 28)],
    // Rules §3.3(5): a summarised activity records its actual cost.
    summarized_without_actual: [("E035", "activities/2026-culture-festival.md", 41)],
    // Rules §4.1(3): the head of 綜合部 confirms attendance; not the person who compiled it.
    attendance_confirmed_by_compiler: [("E034", "attendance/2026-10.md", 20)],
    // Rules §4.2(4): a returned leave (銷假) has its return date.
    returned_without_date: [("E035", "leave/leave-2026-014.md", 24)],
    // Rules §5.4(3): a disposal is approved.
    disposed_without_approval: [("E036", "assets/qlfa-003.md", 28)],
    // Rules §5.5(3): an audit is rectified only when every finding is.
    audit_rectified_with_open_finding: [("E046", "audits/audit-2025.md", 11)],
}

#[test]
fn every_fixture_has_a_case() {
    let dir = common::crate_dir().join("tests/fixtures/example");
    let mut folders: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    folders.sort();
    let mut cases: Vec<String> = CASES.iter().map(|name| name.replace('_', "-")).collect();
    cases.sort();
    assert_eq!(folders, cases);
}

#[test]
fn refusals_say_who_could_have_approved() {
    let out = Repo::example_with("role-ended").check();
    let message = out.message("E033", "publicity/2026-h2-publicity.md");
    assert!(
        message.contains("`song-yiting` was not department-head for publicity on 2026-06-20"),
        "{message}"
    );
    assert!(
        message.contains("黃俊豪 (huang-junhao, department-head for publicity)"),
        "{message}"
    );

    let out = Repo::example_with("deputy-not-in-charge").check();
    let message = out.message("E033", "documents/2026-doc-004.md");
    assert!(
        message.contains("陳建國 (chen-jianguo, deputy-secretary-general for general)"),
        "{message}"
    );
    assert!(
        message.contains("林文慧 (lin-wenhui, secretary-general)"),
        "{message}"
    );

    let out = Repo::example_with("inquorate-council").check();
    let message = out.message("E040", "finance/2026-budget-adj-1.md");
    assert!(
        message.contains("3 of 7 council members were present"),
        "{message}"
    );
}

#[test]
fn a_rule_gap_and_bad_expressions_are_reported() {
    let out = Repo::fixture("no-rule-applies").check();
    assert_findings(&out, &[("E031", "notes/short.md", 8)]);

    // Both expressions are reported when the configuration loads, at their own lines, and
    // records of the broken type are not reported again.
    let out = Repo::fixture("bad-expression").check();
    assert_findings(
        &out,
        &[
            ("E105", "types/note.yaml", 32),
            ("E105", "types/note.yaml", 34),
            ("E105", "types/note.yaml", 38),
            ("E105", "types/note.yaml", 40),
        ],
    );
    let messages: Vec<String> = out
        .findings()
        .iter()
        .filter(|f| f.code == "E105")
        .map(|f| format!("{} {}", f.message, f.hint.as_deref().unwrap_or("")))
        .collect();
    assert!(messages[0].contains("record.departmnt"), "{messages:?}");
    assert!(
        messages[2].contains("`sise()` is not a function clerk knows")
            && messages[2].contains("did you mean `size`?"),
        "{messages:?}"
    );
    assert!(
        messages[3].contains("`workdays()` is called with 1 argument, but takes 2"),
        "{messages:?}"
    );
}

#[test]
fn a_second_association_passes_by_its_own_rules() {
    let out = Repo::standalone("other-association").check();
    assert_eq!(out.status, 0, "{}", out.stdout);
    assert_findings(&out, &[]);
}

#[test]
fn a_second_association_fails_by_its_own_rules() {
    // Two days: the group leader may approve here (in records-example only a deputy may).
    // Three days need the executive director.
    let repo = Repo::standalone("other-association");
    repo.edit(
        "leave/leave-1.md",
        "end: 2026-03-03\ndays: 2",
        "end: 2026-03-04\ndays: 3",
    );
    assert_findings(&repo.check(), &[("E032", "leave/leave-1.md", 9)]);

    // 25,000 is a major expense here (threshold 20,000), so it needs a resolution.
    let repo = Repo::standalone("other-association");
    repo.edit(
        "finance/exp-1.md",
        "council_resolution: board-2026-01#R2\n",
        "",
    );
    assert_findings(&repo.check(), &[("E037", "finance/exp-1.md", 10)]);

    // Four of seven directors is a majority, but not the two-thirds quorum of this charter.
    let repo = Repo::standalone("other-association");
    repo.edit(
        "meetings/board-2026-01.md",
        "attendees: [d1, d2, d3, d4, d5]",
        "attendees: [d1, d2, d3, d4]",
    );
    let out = repo.check();
    assert_findings(
        &out,
        &[
            ("E040", "finance/budget-2026.md", 5),
            ("E040", "finance/exp-1.md", 8),
        ],
    );

    // Abstentions do not count here: 4 for, 1 against, 5 abstaining still passes (4 of 5).
    let repo = Repo::standalone("other-association");
    repo.edit(
        "meetings/board-2026-01.md",
        "attendees: [d1, d2, d3, d4, d5]",
        "attendees: [d1, d2, d3, d4, d5, d6, d7]",
    );
    repo.edit(
        "meetings/board-2026-01.md",
        "{id: R1, votes: {for: 4, against: 1, abstain: 0}}",
        "{id: R1, votes: {for: 4, against: 1, abstain: 5}}",
    );
    assert_findings(&repo.check(), &[]);
}
