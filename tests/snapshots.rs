//! Snapshots of what clerk prints, in full: findings with their gutter and hints, the help, a
//! register, reports. A change to any of them fails with a diff to review; accept it with
//! `cargo insta review` (or `INSTA_UPDATE=always`) and commit `tests/snapshots/`. Under CI
//! (`CI=true`) a difference fails and nothing is written.

use std::path::Path;

use crate::common::{self, clerk, Outcome, Repo};

/// What a person sees of a run: its exit status, standard output, and standard error if any.
fn shown(out: &Outcome) -> String {
    let mut text = format!("exit status: {}\n\n{}", out.status, out.stdout);
    if !out.stderr.is_empty() {
        text.push_str("\n--- stderr ---\n");
        text.push_str(&out.stderr);
    }
    text
}

/// Asserts `text` is the snapshot `name` (tests/snapshots/NAME.snap), with what differs from
/// one machine or run to the next replaced: `repo` (a temporary folder) by `[REPO]`, any other
/// temporary folder by `[TMP]`, this crate's folder by `[CRATE]`, and the time a check took.
#[track_caller]
fn assert_shown(name: &str, text: &str, repo: Option<&Path>) {
    let mut settings = insta::Settings::clone_current();
    settings.set_prepend_module_to_snapshot(false);
    if let Some(repo) = repo {
        settings.add_filter(&regex::escape(&repo.to_string_lossy()), "[REPO]");
    }
    let tmp = std::env::temp_dir();
    settings.add_filter(
        &format!(r"{}/\.tmp\w+", regex::escape(&tmp.to_string_lossy())),
        "[TMP]",
    );
    settings.add_filter(
        &regex::escape(&common::crate_dir().to_string_lossy()),
        "[CRATE]",
    );
    settings.add_filter(r"\(\d+(\.\d+)? s\)", "([TIME])");
    settings.add_filter(r"（\d+(\.\d+)? 秒）", "（[TIME]）");
    settings.bind(|| insta::assert_snapshot!(name, text));
}

/// `clerk check` (text) on a fixture, as of the fixtures' date; it exits with `status`.
#[track_caller]
fn check_fixture(fixture: &str, status: i32) {
    let repo = Repo::fixture(fixture);
    let out = repo.check_text();
    assert_eq!(out.status, status, "{}", out.said());
    assert_shown(&format!("check-{fixture}"), &shown(&out), Some(repo.path()));
}

#[test]
fn check_text_yaml_syntax() {
    check_fixture("yaml-syntax", 1);
}

#[test]
fn check_text_not_allowed() {
    check_fixture("not-allowed", 1);
}

#[test]
fn check_text_broken_references() {
    check_fixture("broken-references", 1);
}

#[test]
fn check_text_bad_config() {
    check_fixture("bad-config", 2);
}

/// The message names the folder: a temporary one, shown as `[REPO]`.
#[test]
fn check_text_without_a_repository() {
    let dir = Repo::empty();
    let out = clerk(&["check"]).arg(dir.path()).run();
    assert_eq!(out.status, 2, "{}", out.said());
    assert_shown("check-no-config", &shown(&out), Some(dir.path()));
}

/// The help lists every command: those of the optional features too.
#[test]
#[cfg(all(
    feature = "search",
    feature = "serve",
    feature = "xlsx",
    feature = "pdf"
))]
fn help() {
    let out = clerk(&["--help"]).run().success();
    assert_shown("help", &shown(&out), None);
}

#[test]
fn check_help() {
    let out = clerk(&["check", "--help"]).run().success();
    assert_shown("check-help", &shown(&out), None);
}

/// `clerk register NAME` (a table for the terminal) on records-example, as of the fixtures' date.
#[track_caller]
fn register(name: &str) {
    let out = clerk(&["register", name, "--dir", "records-example"])
        .args(["--today", common::TODAY])
        .dir(&common::crate_dir())
        .run()
        .success();
    assert_shown(&format!("register-{name}"), &shown(&out), None);
}

#[test]
fn register_documents() {
    register("documents");
}

/// What is overdue depends on the date given.
#[test]
fn register_resolutions() {
    register("resolutions");
}

/// `clerk report ARGS` on records-example, as of the fixtures' date.
#[track_caller]
fn report(snapshot: &str, args: &[&str]) {
    let out = clerk(&["report"])
        .args(args)
        .args(["--dir", "records-example", "--today", common::TODAY])
        .dir(&common::crate_dir())
        .run()
        .success();
    assert_shown(snapshot, &shown(&out), None);
}

#[test]
fn report_membership_chart() {
    report("report-membership", &["membership"]);
}

#[test]
fn report_annual() {
    report("report-annual-2026", &["annual", "--year", "2026"]);
}

/// The same findings in each language clerk speaks (`--lang`): the words change, the codes,
/// places and exit status do not. The example association's own locale (zh-Hant) is the
/// default when neither `--lang`, `CLERK_LANG` nor the system's `LANG` names a language.
#[test]
fn findings_in_each_language() {
    let repo = Repo::example();
    let leave = "leave/leave-2026-021.md";
    repo.edit(leave, "kind: 病假", "kind: 病");
    repo.edit(leave, "days: 2", "days: two");
    repo.edit(leave, "reason: 急性腸胃炎，附醫師診斷證明\n", "");
    repo.edit(leave, "handover: li-zhiqiang", "handover:");
    for lang in ["zh-Hant", "zh-Hans", "en"] {
        let out = clerk(&["check", leave, "--lang", lang, "--today", common::TODAY])
            .dir(repo.path())
            .run();
        assert_eq!(out.status, 1, "{}", out.said());
        assert_shown(&format!("findings-{lang}"), &shown(&out), Some(repo.path()));
    }
    let out = clerk(&["check", leave, "--today", common::TODAY])
        .env_remove("CLERK_LANG")
        .env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .dir(repo.path())
        .run();
    assert!(out.stdout.contains("已檢查 1 筆記錄"), "{}", out.stdout);
    let out = clerk(&["check", leave, "--today", common::TODAY])
        .env_remove("CLERK_LANG")
        .env("LANG", "zh_CN.UTF-8")
        .dir(repo.path())
        .run();
    assert!(out.stdout.contains("已检查 1 条记录"), "{}", out.stdout);
    let out = clerk(&["check", "--lang", "fr"]).dir(repo.path()).run();
    assert_eq!(out.status, 2);
    assert!(
        out.stderr.contains("not a language clerk speaks"),
        "{}",
        out.stderr
    );
}

/// The findings staff meet most — a role that may not approve (E032), a missing approval (E036),
/// a stale approval (E055), a missing commitment (W047), a type file's error (E105) and more — in
/// each language: Chinese names people, roles, steps and states by the association's names and
/// labels; the codes, places and exit status are the same in all three.
#[test]
fn approval_findings_in_each_language() {
    let repo = crate::messages::broken_example();
    for lang in ["zh-Hant", "zh-Hans", "en"] {
        let out = clerk(&["check", "--lang", lang, "--today", common::TODAY])
            .args(crate::messages::BROKEN)
            .dir(repo.path())
            .run();
        assert_eq!(out.status, 1, "{}", out.said());
        assert_shown(
            &format!("approvals-{lang}"),
            &shown(&out),
            Some(repo.path()),
        );
    }
}

/// `code path:line`, the message and the hint of each finding of `out` (JSON) with one of
/// `codes`, in the order found.
fn findings_of(out: &Outcome, codes: &[&str]) -> String {
    let mut text = String::new();
    for f in out
        .diagnostics()
        .iter()
        .filter(|f| codes.contains(&f.code.as_str()))
    {
        let hint = f.hint.clone().unwrap_or_default();
        text.push_str(&format!(
            "{} {}:{}\n  {}\n  {hint}\n",
            f.code, f.path, f.line, f.message
        ));
    }
    text
}

/// What a refused command says: its exit status and standard error.
fn refused(out: &Outcome) -> String {
    format!(
        "exit status {}: {}",
        out.status,
        out.stderr.replace("\r\n", "\n")
    )
}

/// The findings and refusals of session 8's messages — a governed change whose amendment lists
/// another digest (E066), confidential records in plain text (W071), an attachment that is not
/// the file approved (E023), and `issue`, `new` and `register` refusing — in each language.
#[test]
fn more_findings_and_refusals_in_each_language() {
    let governed = Repo::example_in_git();
    governed.edit(
        "types/document.yaml",
        "label: {zh-Hant: 審批,",
        "label: {zh-Hant: 批示,",
    );
    governed.write(
        "amendments/2026-label.md",
        format!("---\ntype: amendment\ntitle: 修訂\ndate: {}\nchanges:\n  - file: types/document.yaml\n    digest: sha256:{}\n    part: rules\nstatus: draft\n---\n修訂。\n", common::TODAY, "0".repeat(64)),
    );
    common::git::ok(governed.path(), &["add", "-A"]);
    let plain = Repo::example();
    let doc = "documents/2026-doc-006.md";
    plain.edit(
        doc,
        "status: draft",
        &format!(
            "attachments:\n  - {{file: plan.pdf, sha256: {}}}\nstatus: draft",
            "0".repeat(64)
        ),
    );
    plain.write("documents/plan.pdf", "%PDF-1.4 another plan\n");
    for lang in ["zh-Hant", "zh-Hans", "en"] {
        let run = |args: &[&str], dir: &Path| clerk(args).args(["--lang", lang]).dir(dir).run();
        let staged = clerk(&["check", "--staged", "--format", "json", "--lang", lang])
            .args(["--today", common::TODAY])
            .dir(governed.path())
            .run_json();
        let mut text = findings_of(&staged, &["E065", "E066"]);
        let checked = clerk(&["check", "--format", "json", "--lang", lang])
            .args(["--today", common::TODAY])
            .dir(plain.path())
            .run_json();
        text.push_str(&findings_of(&checked, &["W071", "E023"]));
        text.push_str(&refused(&run(&["issue", doc], plain.path())));
        text.push_str(&refused(&run(&["new", "leave", "kind=病"], plain.path())));
        text.push_str(&refused(&run(&["new", "leave", "nope=1"], plain.path())));
        let xlsx = std::process::Command::new("script")
            .args([
                "-qec",
                &format!(
                    "{} register documents --format xlsx --lang {lang}",
                    env!("CARGO_BIN_EXE_clerk")
                ),
                "/dev/null",
            ])
            .current_dir(plain.path())
            .output()
            .unwrap();
        text.push_str(&format!(
            "on a terminal: {}",
            String::from_utf8_lossy(&xlsx.stdout).replace("\r\n", "\n")
        ));
        assert_shown(&format!("more-{lang}"), &text, Some(plain.path()));
    }
}

/// Why a rule cannot be evaluated — a field the record leaves empty (named by its label), a
/// function given what it cannot take — a clerk.yaml serde cannot read (an unknown field inside
/// `association`, a wrong kind of value in `role_limits`, each at its line) and a type file's
/// reference with no list after `#`: in each language.
#[test]
fn reasons_in_each_language() {
    let rules = Repo::example();
    rules.edit(
        "types/leave.yaml",
        "rules:\n",
        concat!(
            "rules:\n",
            "  - assert: \"record.returned_on >= record.start\"\n",
            "    field: returned_on\n",
            "    message: 銷假日期早於起始日期\n",
            "  - assert: \"add_months(record.start, record.reason) > record.start\"\n",
            "    field: reason\n",
            "    message: 事由\n",
        ),
    );
    let unknown = Repo::example();
    unknown.edit(
        "clerk.yaml",
        "  short_name: 青嵐協會\n",
        "  short_name: 青嵐協會\n  colour: red\n",
    );
    let wrong = Repo::example();
    wrong.edit(
        "clerk.yaml",
        "{role: secretary-general, at_most: 1}",
        "{role: secretary-general, at_most: one}",
    );
    let refs = Repo::example();
    refs.edit(
        "types/leave.yaml",
        "  handover: person\n",
        "  handover: \"person#\"\n",
    );
    for lang in ["zh-Hant", "zh-Hans", "en"] {
        let check = |repo: &Repo| clerk(&["check", "--lang", lang]).dir(repo.path()).run();
        let evaluated = clerk(&["check", "--format", "json", "--lang", lang])
            .args(["--today", common::TODAY, "leave/leave-2026-030.md"])
            .dir(rules.path())
            .run_json();
        let mut text = findings_of(&evaluated, &["E107"]);
        for repo in [&unknown, &wrong] {
            text.push_str(&shown(&check(repo)));
            text.push('\n');
        }
        let referenced = clerk(&["check", "--format", "json", "--lang", lang])
            .dir(refs.path())
            .run_json();
        text.push_str(&findings_of(&referenced, &["E101"]));
        assert_shown(&format!("reasons-{lang}"), &text, Some(refs.path()));
    }
}
