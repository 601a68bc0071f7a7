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
    // Rules §3.1(2): the approval (審批) comes after the review (審核).
    approved_before_review: [("E046", "documents/2026-doc-001.md", 12)],
    // Rules §3.2(3): a held meeting names its recorder (專人記錄).
    held_without_recorder: [("E035", "meetings/2026-sec-09.md", 37)],
    // Rules §3.2(4): the summary is sent on or after its review (a state's date, E069).
    summary_sent_before_review: [("E069", "meetings/2026-sec-09.md", 24)],
    // Rules §4.2(1): leave is approved before it starts (sick leave may be approved after).
    leave_approved_after_start: [("E046", "leave/leave-2026-014.md", 12)],
    // Rules §4.2(3): the work is handed over, to someone else, before the leave is approved.
    leave_handed_over_to_self: [("E046", "leave/leave-2026-014.md", 10)],
    approved_leave_without_handover: [("E035", "leave/leave-2026-030.md", 23)],
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
    held_without_attendees: [("E035", "meetings/2026-council-03.md", 13)],
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
    // Rules §5.5(3): the rectification is reported to the council, not to a secretariat meeting.
    rectification_reported_to_secretariat: [("E038", "audits/audit-2025.md", 9)],
    // Rules §3.2(3): a held meeting records its agenda (會議議程).
    held_without_agenda: [("E035", "meetings/2026-sec-09.md", 35)],
    // Rules §5.3(3): the accountant checks the vouchers (財務人員審核報銷憑證), before approval.
    approved_without_accountant_check: [("E036", "finance/expenses/exp-2026-003.md", 38)],
    approved_before_accountant_check: [("E046", "finance/expenses/exp-2026-003.md", 14)],
    // Rules §4.1(3): one attendance record a month, compiled by 綜合部.
    missing_attendance: [("W047", "types/attendance.yaml", 66)],
    attendance_compiled_outside_general: [("E046", "attendance/2026-10.md", 5)],
    // Rules §2.1: 秘書長一名 — a second secretary-general from 2026-06-01, at both person files.
    two_secretaries_general: [
        ("E110", "people/chen-jianguo.md", 13),
        ("E110", "people/lin-wenhui.md", 17),
    ],
    // Rules §3.1(5): the archive number's year is the record's (a 2026 meeting, not 2025).
    archive_number_layout: [("E112", "meetings/2026-council-02.md", 45)],
    // Without the council chair's band, the secretary-general's own leave has no approver, at
    // any length: one finding per case, each naming her alone.
    leave_band_removed: [
        ("W113", "types/leave.yaml", 72),
        ("W113", "types/leave.yaml", 73),
        ("W113", "types/leave.yaml", 74),
    ],
    // Rules §6.2(4): confidential material leaves the office only with the association's
    // approval (the secretary-general's), not before it, and comes back on a recorded day.
    takeout_without_approval: [("E036", "confidential/takeout-2026-001.md", 9)],
    takeout_before_approval: [("E069", "confidential/takeout-2026-001.md", 23)],
    takeout_returned_without_date: [("E035", "confidential/takeout-2026-001.md", 22)],
    // Rules §4.1(3): without the deputy's band, 綜合部's head (王芳) compiling the attendance
    // herself has nobody to confirm it (the gap `filers:` found in the example).
    attendance_band_removed: [("W113", "types/attendance.yaml", 53)],
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

/// The second association (`tests/fixtures/other-association/`) writes everything in Simplified
/// Chinese under its own names — types, fields, roles, states, departments, the council
/// meeting's date and votes, the document number — and clerk follows it by configuration alone.
#[test]
fn a_second_association_passes_by_its_own_rules() {
    let out = Repo::standalone("other-association").check();
    assert_eq!(out.status, 0, "{}", out.stdout);
    assert_findings(&out, &[]);
}

/// The fixture with `from` replaced by `to` in `file`, checked.
fn other(edits: &[(&str, &str, &str)]) -> common::Outcome {
    let repo = Repo::standalone("other-association");
    for (file, from, to) in edits {
        repo.edit(file, from, to);
    }
    repo.check()
}

#[test]
fn a_second_association_fails_by_its_own_rules() {
    // Two days: the group leader may approve here (in records-example only a deputy may).
    // Three days need the executive director.
    let out = other(&[(
        "请假/请假-1.md",
        "结束: 2026-03-03\n天数: 2",
        "结束: 2026-03-04\n天数: 3",
    )]);
    assert_findings(&out, &[("E032", "请假/请假-1.md", 9)]);

    // 25,000 is a major expense here (threshold 20,000), so it needs a resolution.
    let out = other(&[("财务/支出-1.md", "理事会决议: 理事会-2026-01#R2\n", "")]);
    assert_findings(&out, &[("E037", "财务/支出-1.md", 10)]);
}

/// The council meeting's date is `日期` here: the resolution must still come before the
/// approval (E039), which a check reading a field literally named `date` never saw.
#[test]
fn a_second_association_dates_its_meetings_by_its_own_field() {
    let out = other(&[("财务/支出-1.md", "date: 2026-02-02", "date: 2026-01-05")]);
    assert_findings(&out, &[("E039", "财务/支出-1.md", 8)]);
    assert!(out
        .message("E039", "财务/支出-1.md")
        .contains("was on 2026-01-10"));

    // Votes are `表决: {赞成, 反对, 弃权}`: a resolution without them cannot be shown to pass.
    let out = other(&[(
        "会议/理事会-2026-01.md",
        "表决: {赞成: 4, 反对: 1, 弃权: 0}",
        "表决: {反对: 1}",
    )]);
    assert_findings(&out, &[("E040", "财务/支出-1.md", 8)]);
    let hint = out.findings()[0].hint.clone().unwrap_or_default();
    assert!(hint.contains("表决: {赞成: N, 反对: N, 弃权: N}"), "{hint}");
}

/// A field clerk.yaml names for clerk to read must be one the type declares (E108, at the
/// setting), or the check that reads it would be off without a word.
#[test]
fn a_configured_field_the_type_does_not_declare_is_refused() {
    let out = other(&[("clerk.yaml", "  date: 日期\n", "  date: 开会日期\n")]);
    assert_findings(&out, &[("E108", "clerk.yaml", 21)]);
    assert!(out.message("E108", "clerk.yaml").contains("`开会日期`"));

    // The resolutions then show no votes under that name either, so neither passes.
    let out = other(&[("clerk.yaml", "for: 赞成", "for: 同意")]);
    assert_findings(
        &out,
        &[
            ("E040", "财务/支出-1.md", 8),
            ("E040", "财务/预算-2026.md", 5),
            ("E108", "clerk.yaml", 23),
        ],
    );
}

/// The fields a feed or calendar entry names (`site.issued`, `site.calendar`) must be ones its
/// type declares, or the time, place or author it reads would fall back without a word.
#[test]
fn a_feed_field_the_type_does_not_declare_is_refused_at_its_entry() {
    let repo = Repo::example();
    repo.edit("clerk.yaml", "author: drafted_by}", "author: 擬稿人}");
    repo.edit(
        "clerk.yaml",
        "date: date, time: time,",
        "date: date, time: 開始時間,",
    );
    let out = common::clerk(&["check", "--format", "json", "--today", common::TODAY])
        .dir(repo.path())
        .run_json();
    let found: Vec<(String, String, usize, String)> = out
        .diagnostics()
        .into_iter()
        .filter(|f| f.code == "E108")
        .map(|f| (f.code, f.path, f.line, f.message))
        .collect();
    let at = |needle: &str| {
        let text = repo.read("clerk.yaml");
        1 + text.lines().position(|l| l.contains(needle)).unwrap()
    };
    assert_eq!(
        found
            .iter()
            .map(|f| (f.2, f.1.as_str()))
            .collect::<Vec<_>>(),
        [(at("擬稿人"), "clerk.yaml"), (at("開始時間"), "clerk.yaml")],
        "{found:?}"
    );
    assert!(found[0].3.contains("`擬稿人`") && found[0].3.contains("site.issued.0.author"));
    assert!(found[1].3.contains("`開始時間`") && found[1].3.contains("site.calendar.0.time"));
}

/// A type whose records hold an archive number must declare the fields `clerk archive` writes
/// and the number is laid out from (E108 at the setting, once per such type).
#[test]
fn an_archived_type_must_declare_the_archive_fields() {
    let repo = Repo::example();
    repo.edit("clerk.yaml", "  date: archived_on\n", "  date: 歸檔日\n");
    let out = common::clerk(&["check", "--format", "json", "--today", common::TODAY])
        .dir(repo.path())
        .run_json();
    let line = 1 + repo
        .read("clerk.yaml")
        .lines()
        .position(|l| l == "  date: 歸檔日")
        .unwrap();
    let mut found: Vec<(usize, String)> = out
        .diagnostics()
        .into_iter()
        .filter(|f| f.code == "E108")
        .map(|f| (f.line, f.message))
        .collect();
    found.sort();
    assert_eq!(found.len(), 3, "{found:?}");
    for ((at, message), path) in found.iter().zip([
        "types/document.yaml",
        "types/meeting.yaml",
        "types/policy.yaml",
    ]) {
        assert_eq!(*at, line);
        assert!(
            message.contains("`歸檔日`") && message.contains(path),
            "{message}"
        );
    }
}

/// Quorum and majority are exact fractions: two-thirds is met by exactly 4 of 6, which the
/// decimal `0.6667` refused.
#[test]
fn a_two_thirds_quorum_is_met_by_exactly_two_thirds() {
    let retired = (
        "成员/理事7.md",
        "起: 2025-01-01}",
        "起: 2025-01-01, 止: 2025-12-31}",
    );
    let four = (
        "会议/理事会-2026-01.md",
        "出席: [理事1, 理事2, 理事3, 理事4, 理事5]",
        "出席: [理事1, 理事2, 理事3, 理事4]",
    );
    assert_findings(&other(&[retired, four]), &[]);

    let three = (
        "会议/理事会-2026-01.md",
        "出席: [理事1, 理事2, 理事3, 理事4, 理事5]",
        "出席: [理事1, 理事2, 理事3]",
    );
    let out = other(&[retired, three]);
    assert_findings(
        &out,
        &[
            ("E040", "财务/支出-1.md", 8),
            ("E040", "财务/预算-2026.md", 5),
        ],
    );
    assert!(out
        .message("E040", "财务/支出-1.md")
        .contains("3 of 6 council members were present, the quorum is at least 2/3"));
}

/// A requirement may set its own majority: the budget passes by a simple majority (3 of 5),
/// a major expense needs two-thirds, so the same resolution does not carry it.
#[test]
fn a_major_expense_needs_its_own_two_thirds_majority() {
    let out = other(&[("财务/支出-1.md", "理事会-2026-01#R2", "理事会-2026-01#R1")]);
    assert_findings(&out, &[("E040", "财务/支出-1.md", 8)]);
    assert!(out
        .message("E040", "财务/支出-1.md")
        .contains("3 for of 5 votes cast, the majority is at least 2/3"));
}

/// A requirement with `when:` applies only where it holds, and reports a missing approval
/// (E036) naming who may give it, not a generic rule failure.
#[test]
fn a_conditional_requirement_reports_the_missing_approval() {
    let bigger = ("财务/预算-2026.md", "金额: 60000", "金额: 600000");
    let out = other(&[bigger, ("财务/支出-1.md", "金额: 25000", "金额: 150000")]);
    assert_findings(&out, &[("E036", "财务/支出-1.md", 11)]);
    let finding = &out.findings()[0];
    assert!(finding.message.contains("`复核`"), "{}", finding.message);
    let hint = finding.hint.clone().unwrap_or_default();
    assert!(hint.contains("组长 for 财务组"), "{hint}");

    // Given by the finance group's leader, it is complete.
    let review = "  - {step: 审批, by: 赖明哲, role: 总干事, date: 2026-02-02}\n  - {step: 复核, by: 柯淑惠, role: 组长, date: 2026-02-02}";
    let out = other(&[
        bigger,
        ("财务/支出-1.md", "金额: 25000", "金额: 150000"),
        (
            "财务/支出-1.md",
            "  - {step: 审批, by: 赖明哲, role: 总干事, date: 2026-02-02}",
            review,
        ),
    ]);
    assert_findings(&out, &[]);
}

/// A document number belongs to its scheme: another issuer's code, or a year other than the
/// issue date's, is an error (E041), not a gap in another sequence.
#[test]
fn a_document_number_must_be_of_its_scheme() {
    let out = other(&[(
        "公文/海协-2026-2.md",
        "文号: 海协〔2026〕2号",
        "文号: 协秘〔2026〕2号",
    )]);
    assert_findings(&out, &[("E041", "公文/海协-2026-2.md", 4)]);
    assert!(out
        .message("E041", "公文/海协-2026-2.md")
        .contains("its issuer code is `海协`"));

    let out = other(&[(
        "公文/海协-2026-2.md",
        "文号: 海协〔2026〕2号",
        "文号: 海协〔2025〕1号",
    )]);
    assert_findings(&out, &[("E041", "公文/海协-2026-2.md", 4)]);
    assert!(out
        .message("E041", "公文/海协-2026-2.md")
        .contains("is numbered for 2025, but `发文日期` is in 2026"));
}

/// "Could have been approved by" never names someone the step excludes: the group leader may
/// not approve her own leave, so she is not offered as its approver.
#[test]
fn hints_never_name_the_excluded() {
    let out = other(&[
        ("请假/请假-1.md", "请假人: 蔡志伟", "请假人: 柯淑惠"),
        (
            "请假/请假-1.md",
            "by: 柯淑惠, role: 组长",
            "by: 赖明哲, role: 总干事",
        ),
    ]);
    assert_findings(&out, &[("E032", "请假/请假-1.md", 9)]);
    let hint = out.findings()[0].hint.clone().unwrap_or_default();
    assert!(!hint.contains("柯淑惠"), "{hint}");
    assert!(hint.contains("nobody held the needed role"), "{hint}");
}

/// Rules §4.2(2) gives everyone's leave an approver other than themself: a department head's
/// day of leave goes to the deputy in charge (before, every attempt was E032), a deputy's to the
/// secretary-general, the secretary-general's to the council chair.
#[test]
fn every_persons_leave_has_an_approver() {
    let repo = Repo::example();
    let text = repo.read("clerk.yaml");
    repo.write(
        "clerk.yaml",
        format!("{text}\nsignatures:\n  required: false\n"),
    );
    let leave = |id: &str, person: &str, by: &str, role: &str| {
        repo.write(
            &format!("leave/{id}.md"),
            format!("---\ntype: leave\ntitle: 請假一天\nperson: {person}\nkind: 事假\nstart: 2026-06-15\nend: 2026-06-15\ndays: 1\nreason: 私事\nhandover: wu-xiaowen\napprovals:\n  - {{step: approve, by: {by}, role: {role}, date: 2026-06-10}}\nstatus: approved\n---\n"),
        );
    };
    leave(
        "leave-head",
        "huang-junhao",
        "zhou-meiling",
        "deputy-secretary-general",
    );
    leave(
        "leave-deputy",
        "zhou-meiling",
        "lin-wenhui",
        "secretary-general",
    );
    leave("leave-sg", "lin-wenhui", "he-zhengwen", "council-chair");
    assert_findings(&repo.check(), &[]);

    // The head's own department-head approval is still refused, and not offered as a hint.
    leave("leave-head", "huang-junhao", "wang-fang", "department-head");
    let out = repo.check();
    assert_findings(&out, &[("E032", "leave/leave-head.md", 12)]);
    let e032 = out.findings().into_iter().find(|f| f.code == "E032");
    let hint = e032.and_then(|f| f.hint).unwrap_or_default();
    assert!(hint.contains("周美玲 (zhou-meiling"), "{hint}");
    assert!(!hint.contains("huang-junhao"), "{hint}");
}

/// Rules §7.3(2) 不定期考核: an ad-hoc assessment is recorded with its date and what it
/// assesses, no quarter; without them it is refused, and a quarterly one still needs its quarter.
#[test]
fn an_ad_hoc_assessment_needs_a_date_and_reason_not_a_quarter() {
    let repo = Repo::example();
    let adhoc = "assessments/2026-adhoc-wang-fang.md";
    repo.write(
        adhoc,
        "---\ntype: assessment\ntitle: 文化節籌備不定期考核\nperson: wang-fang\nkind: ad-hoc\ndate: 2026-11-20\nreason: 文化節籌備工作\nstatus: open\n---\n",
    );
    assert_findings(&repo.check(), &[]);
    repo.edit(adhoc, "reason: 文化節籌備工作\n", "");
    assert_findings(&repo.check(), &[("E010", adhoc, 1)]);
    repo.edit(adhoc, "kind: ad-hoc\n", "kind: quarterly\n");
    let out = repo.check();
    let missing: Vec<String> = out
        .findings()
        .into_iter()
        .filter(|f| f.code == "E010")
        .map(|f| f.message)
        .collect();
    assert_eq!(missing, ["missing required field `quarter`"]);
}

/// docs/rules.md cites, for every enforced clause, the tests that prove it: each cited fixture
/// case is a folder of `tests/fixtures/example/` with a case above, each cited test function
/// exists, and no row of the enforced table cites nothing.
#[test]
fn docs_rules_cite_tests_that_exist() {
    let root = common::crate_dir();
    let doc = std::fs::read_to_string(root.join("docs/rules.md")).unwrap();
    let mut sources = String::new();
    for entry in std::fs::read_dir(root.join("tests")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "rs") {
            sources.push_str(&std::fs::read_to_string(&path).unwrap());
        }
    }
    let fixtures = root.join("tests/fixtures/example");
    let mut problems = Vec::new();
    let mut rows = 0;
    for line in doc.lines().filter(|l| l.starts_with("| §")) {
        let cells: Vec<&str> = line.trim_matches('|').split(" | ").collect();
        if cells.len() < 4 {
            continue; // the table of clauses clerk cannot enforce
        }
        rows += 1;
        let tests = cells[cells.len() - 1];
        let cited: Vec<&str> = tests.split('`').skip(1).step_by(2).collect();
        if cited.is_empty() {
            problems.push(format!("cites no test: {line}"));
        }
        for name in cited {
            let kebab = name.contains('-')
                && name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
            let snake = name.contains('_')
                && name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
            if kebab {
                if !fixtures.join(name).is_dir()
                    || !CASES.contains(&name.replace('-', "_").as_str())
                {
                    problems.push(format!("no case `{name}`"));
                }
            } else if let Some((file, function)) = name.split_once("::") {
                let text = std::fs::read_to_string(root.join(file)).unwrap_or_default();
                if !text.contains(&format!("fn {function}(")) {
                    problems.push(format!("no test `{name}`"));
                }
            } else if name.starts_with("tests/") {
                if !root.join(name).exists() {
                    problems.push(format!("no file `{name}`"));
                }
            } else if snake && !sources.contains(&format!("fn {name}(")) {
                problems.push(format!("no test `{name}`"));
            }
        }
    }
    assert!(rows > 20, "the enforced table was not found ({rows} rows)");
    assert!(problems.is_empty(), "{problems:#?}");
}

/// The second association has its own 总干事, one at a time (`role_limits`): a second one from
/// 2026-03-01 is reported at both person files, at the role, with both names.
#[test]
fn a_second_association_has_one_executive_director() {
    let out = other(&[(
        "成员/柯淑惠.md",
        "  - {职位: 组长, 分管: [财务组], 起: 2025-01-01}",
        "  - {职位: 组长, 分管: [财务组], 起: 2025-01-01}\n  - {职位: 总干事, 起: 2026-03-01}",
    )]);
    assert_findings(
        &out,
        &[("E110", "成员/柯淑惠.md", 8), ("E110", "成员/赖明哲.md", 7)],
    );
    let message = out.message("E110", "成员/赖明哲.md");
    assert!(message.contains("2026-03-01"), "{message}");
    assert!(
        message.contains("赖明哲 (赖明哲)") && message.contains("柯淑惠 (柯淑惠)"),
        "{message}"
    );

    // A limit on a role nobody holds and the people type does not list is refused, not passed.
    let out = other(&[(
        "clerk.yaml",
        "{role: 总干事, at_most: 1}",
        "{role: 总干事长, at_most: 1}",
    )]);
    assert_findings(&out, &[("E111", "clerk.yaml", 35)]);
}

/// The second association's `filers`: a 组员 of a group without a 组长 has nobody to approve
/// two days of leave (reported once, at the case, naming them), though longer leave goes to the
/// 总干事.
#[test]
fn a_second_association_finds_a_member_without_an_approver() {
    let repo = Repo::standalone("other-association");
    repo.write(
        "成员/周组员.md",
        "---\ntype: 成员\ntitle: 周组员\n姓名: 周立安\n小组: 联络组\n职务:\n  - {职位: 组员, 分管: [联络组], 起: 2025-01-01}\n---\n",
    );
    let out = repo.check();
    assert_findings(&out, &[("W113", "types/请假.yaml", 30)]);
    let message = out.message("W113", "types/请假.yaml");
    assert!(message.contains("周立安 (周组员)"), "{message}");
    assert!(!message.contains("蔡志伟"), "{message}");
}

/// The findings of the organisation and filing rules name who and what: both secretaries-general
/// and the day they overlap; the people a gap leaves without an approver; the month missing.
#[test]
fn organisation_findings_name_who_and_what() {
    let out = Repo::example_with("two-secretaries-general").check();
    let message = out.message("E110", "people/lin-wenhui.md");
    assert!(message.contains("on 2026-06-01"), "{message}");
    assert!(
        message.contains("陳建國 (chen-jianguo), 林文慧 (lin-wenhui)"),
        "{message}"
    );

    let out = Repo::example_with("leave-band-removed").check();
    let message = out.message("W113", "types/leave.yaml");
    assert!(message.contains("林文慧 (lin-wenhui)"), "{message}");
    assert!(message.contains("1 of the people"), "{message}");

    let out = Repo::example_with("missing-attendance").check();
    let message = out.message("W047", "types/attendance.yaml");
    assert!(
        message.starts_with("no monthly attendance record for 2026-10 /"),
        "{message}"
    );

    let out = Repo::example_with("archive-number-layout").check();
    let message = out.message("E112", "meetings/2026-council-02.md");
    assert!(
        message.contains("expected `Z109-WS·2026-Y-ZHB-NNNN`"),
        "{message}"
    );
}

/// Heads of one department one at a time: the handover of 宣傳部 on 2026-04-01 passes, a day of
/// overlap does not (reported at both); a month between two attendance records is reported.
#[test]
fn one_head_per_department_and_no_month_skipped() {
    let repo = Repo::example();
    repo.edit(
        "people/huang-junhao.md",
        "  - role: department-head\n    scope: [publicity]\n    from: 2026-04-01",
        "  - role: department-head\n    scope: [publicity]\n    from: 2026-03-31",
    );
    let out = repo.check();
    assert_findings(
        &out,
        &[
            ("E110", "people/huang-junhao.md", 17),
            ("E110", "people/song-yiting.md", 15),
        ],
    );
    assert!(out
        .message("E110", "people/song-yiting.md")
        .contains("on 2026-03-31"));

    let repo = Repo::example();
    let october = repo.read("attendance/2026-10.md");
    repo.write(
        "attendance/2026-08.md",
        october
            .replace("month: 2026-10", "month: 2026-08")
            .replace("2026年10月", "2026年8月"),
    );
    let out = repo.check();
    let missing: Vec<(String, String)> = out
        .findings()
        .into_iter()
        .filter(|f| f.path == "types/attendance.yaml")
        .map(|f| (f.code, f.message))
        .collect();
    assert_eq!(
        missing,
        [(
            "W047".to_string(),
            "no monthly attendance record for 2026-09".to_string()
        )]
    );
}

/// The second association calls a person's name, roles and keys `姓名`, `职务` (`职位`, `分管`,
/// `起`, `止`) and `签章公钥` (`公钥`): clerk.yaml `people_fields` names them, so approvals are
/// judged by those roles, people are named by that name, and a broken key is found at its line.
#[test]
fn a_second_association_names_its_people_by_its_own_fields() {
    // 柯淑惠's leave band is judged by her `职务` (E032 came from a 组长 approving three days).
    let out = other(&[(
        "成员/柯淑惠.md",
        "职务:\n",
        "签章公钥:\n  - {公钥: not-a-key, 起: 2026-01-01}\n职务:\n",
    )]);
    assert_findings(&out, &[("E057", "成员/柯淑惠.md", 7)]);

    // A name clerk.yaml gives that the people type does not declare: E108 at the setting.
    let out = other(&[("clerk.yaml", "until: 止}\n  keys", "until: 终止}\n  keys")]);
    assert_findings(&out, &[("E108", "clerk.yaml", 42)]);
    let message = out.message("E108", "clerk.yaml");
    assert!(
        message.contains("`终止`") && message.contains("`职务`"),
        "{message}"
    );
    let out = other(&[("clerk.yaml", "name: 姓名", "name: 名字")]);
    assert_findings(&out, &[("E108", "clerk.yaml", 41)]);

    // Left to its default, the list of roles would be `roles`: refused (at the section that
    // would name it), never read as nobody holding any role — so the limit on 总干事 names a
    // role nobody holds (E111). The name falls back to the title, so it is not required.
    let out = other(&[(
        "clerk.yaml",
        "  roles: {field: 职务, role: 职位, scope: 分管, from: 起, until: 止}\n",
        "",
    )]);
    let on_config: Vec<(String, usize)> = out
        .findings()
        .iter()
        .filter(|f| f.path == "clerk.yaml")
        .map(|f| (f.code.clone(), f.line))
        .collect();
    assert_eq!(on_config, [("E108".into(), 41), ("E111".into(), 35)]);
}

/// Its documents list their readers in `传阅` (`阅读人`, `阅毕日期`): an unread one waits in the
/// reader's inbox, and `clerk read` writes the date under the association's own name.
#[test]
fn a_second_association_circulates_documents_by_its_own_fields() {
    let repo = Repo::standalone("other-association");
    let doc = "公文/海协-2026-2.md";
    let inbox = |who: &str| {
        let out = common::clerk(&["inbox", "--as", who, "--format", "json"])
            .args(["--today", common::TODAY])
            .arg(repo.path())
            .run_json();
        assert_eq!(out.status, 0, "{}", out.stderr);
        out.json[0]["items"].as_array().cloned().unwrap_or_default()
    };
    let waiting = inbox("柯淑惠");
    assert!(
        waiting.iter().any(|i| i["record"] == "海协-2026-2"
            && i["what"] == "海协〔2026〕2号 关于社区活动安排的通知"),
        "{waiting:?}"
    );
    assert!(inbox("赖明哲").is_empty(), "赖明哲 has read it");

    let before = repo.read(doc);
    let out = common::clerk(&["read", doc, "--as", "柯淑惠", "--date", "2026-11-26"])
        .dir(repo.path())
        .run();
    assert_eq!(out.status, 0, "{}", out.said());
    assert_eq!(
        repo.read(doc),
        before.replace(
            "  - 阅读人: 柯淑惠\n",
            "  - 阅读人: 柯淑惠\n    阅毕日期: 2026-11-26\n"
        )
    );
    assert!(inbox("柯淑惠").is_empty());
    assert_findings(&repo.check(), &[]);

    // A reader field the list's entries do not declare: E101 at the setting.
    let out = other(&[("types/公文.yaml", "person: 阅读人", "person: 读者")]);
    assert_findings(&out, &[("E101", "types/公文.yaml", 22)]);
}

/// Its policies chain their versions by `取代`, `被取代` and `版次`: each version's page lists
/// the chain; a name the type does not declare is refused (E101), a version that names no
/// policy is a broken reference (E017).
#[test]
fn a_second_association_chains_policy_versions_by_its_own_fields() {
    let repo = Repo::standalone("other-association");
    let site = repo.path().join("site");
    let out = common::clerk(&["build"])
        .arg(repo.path())
        .arg("-o")
        .arg(&site)
        .args(["--audience", "internal", "--today", common::TODAY])
        .run();
    assert_eq!(out.status, 0, "{}", out.said());
    let page = std::fs::read_to_string(site.join("制度/财务制度-2026.html")).unwrap();
    assert!(
        page.contains("财务管理制度 2025年版</a></li><li><a href=\"..&#x2F;制度&#x2F;财务制度-2026.html\">财务管理制度 2026年版</a> ←"),
        "{page}"
    );

    let out = other(&[("types/制度.yaml", "version: 版次", "version: 版本")]);
    assert_findings(&out, &[("E101", "types/制度.yaml", 13)]);
    let out = other(&[(
        "制度/财务制度-2026.md",
        "取代: 财务制度-2025",
        "取代: 财务制度-2024",
    )]);
    assert_findings(&out, &[("E017", "制度/财务制度-2026.md", 5)]);
}
