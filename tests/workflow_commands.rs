//! One command per workflow step (`sign` moving the status, `advance`, `read`), the inbox of
//! what waits for each person, and what changed since an approval (`diff`) — issue #20.

use std::path::Path;

use serde_json::Value;

use crate::common::{self, clerk, git, Outcome, Repo, TODAY};

fn run(dir: &Path, args: &[&str]) -> Outcome {
    clerk(args).dir(dir).run()
}

#[track_caller]
fn ok(out: Outcome) -> Outcome {
    assert_eq!(
        out.status, 0,
        "stdout:\n{}\nstderr:\n{}",
        out.stdout, out.stderr
    );
    out
}

/// `clerk sign FILE --step STEP --by BY` with BY's example key.
fn sign(repo: &Repo, file: &str, step: &str, by: &str, more: &[&str]) -> Outcome {
    let key = format!(".example-keys/{by}");
    let mut args = vec!["sign", file, "--step", step, "--by", by, "--key", &key];
    args.extend(more);
    run(repo.path(), &args)
}

fn status(repo: &Repo, file: &str) -> String {
    repo.read(file)
        .lines()
        .find_map(|l| l.strip_prefix("status: "))
        .unwrap_or_default()
        .to_string()
}

/// The inbox of `person` as of the fixtures' date, as JSON items.
fn inbox(repo: &Repo, person: &str) -> Vec<Value> {
    let out = clerk(&[
        "inbox", "--as", person, "--format", "json", "--today", TODAY,
    ])
    .arg(repo.path())
    .run_json();
    assert_eq!(out.status, 0, "{}", out.stderr);
    out.json[0]["items"].as_array().cloned().unwrap_or_default()
}

fn item<'a>(items: &'a [Value], record: &str, kind: &str) -> Option<&'a Value> {
    items
        .iter()
        .find(|i| i["record"] == record && i["kind"] == kind)
}

// 1. The inbox.

#[test]
fn the_inbox_lists_what_the_example_leaves_waiting_for_lin_wenhui() {
    let repo = Repo::example();
    let items = inbox(&repo, "lin-wenhui");
    // The 請示 of 會員部 was reviewed on 2026-10-15 and waits for the secretary-general.
    let doc = item(&items, "2026-doc-005", "approve").expect("2026-doc-005 waits for her");
    assert_eq!(doc["step"], "approve");
    assert_eq!(doc["step_label"], "審批");
    assert_eq!(doc["to_state"], "approved");
    assert_eq!(doc["role"], "secretary-general");
    assert_eq!(doc["since"], "2026-10-15");
    assert_eq!(doc["type_label"], "發文");
    // The member's admission and a submitted expense wait for her too.
    assert_eq!(
        item(&items, "m-2026-001", "approve").unwrap()["step"],
        "admit"
    );
    assert!(item(&items, "exp-2026-005", "approve").is_some());
    // A resolution she owns, with no deadline and not done: a task.
    let r1 = item(&items, "2026-council-01", "task").expect("her resolution");
    assert!(
        r1["what"]
            .as_str()
            .unwrap()
            .starts_with("2026年第一次理事會會議 R1 "),
        "{r1}"
    );
    // Not hers: the draft's review (王芳's), and an asset in use (an idle state).
    assert!(item(&items, "2026-doc-006", "approve").is_none());
    assert!(item(&items, "qlfa-001", "approve").is_none());

    // The text names the record and the command; everyone's inbox has 王芳's 銷假, overdue.
    let text = ok(run(
        repo.path(),
        &["inbox", "--as", "lin-wenhui", "--today", TODAY],
    ));
    assert!(
        text.stdout.starts_with("林文慧 (lin-wenhui): "),
        "{}",
        text.stdout
    );
    assert!(
        text.stdout
            .contains("clerk sign documents/2026-doc-005.md --step approve --by lin-wenhui"),
        "{}",
        text.stdout
    );
    let wang = inbox(&repo, "wang-fang");
    let leave = item(&wang, "leave-2026-030", "due").expect("her leave to close");
    assert_eq!(
        (leave["date"].as_str(), leave["overdue"].as_bool()),
        (Some("2026-11-20"), Some(true))
    );
    assert!(item(&wang, "2026-doc-006", "approve").is_some());
    let all = clerk(&["inbox", "--all", "--format", "json", "--today", TODAY])
        .arg(repo.path())
        .run_json();
    let people: Vec<&str> = all
        .json
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p["person"].as_str())
        .collect();
    assert!(
        people.contains(&"lin-wenhui") && people.contains(&"wang-fang"),
        "{people:?}"
    );
}

#[test]
fn the_inbox_refuses_someone_unknown_and_asks_who_when_nobody_is_configured() {
    let repo = Repo::example();
    let out = run(repo.path(), &["inbox", "--as", "nobody"]);
    assert_eq!(out.status, 2);
    assert!(
        out.stderr.contains("`nobody` is not a person in people/"),
        "{}",
        out.stderr
    );
    let home = tempfile::tempdir().unwrap();
    let out = clerk(&["inbox"]).dir(repo.path()).home(home.path()).run();
    assert_eq!(out.status, 2);
    assert!(
        out.stderr.contains("whose inbox? pass `--as PERSON-ID`"),
        "{}",
        out.stderr
    );
    // CLERK_PERSON is whose inbox it is.
    let out = clerk(&["inbox", "--today", TODAY])
        .dir(repo.path())
        .home(home.path())
        .env("CLERK_PERSON", "wang-fang")
        .run();
    assert!(out.stdout.starts_with("王芳 (wang-fang)"), "{}", out.stdout);
}

#[test]
fn a_document_to_read_waits_until_clerk_read_records_the_reading() {
    let repo = Repo::example();
    let doc = "documents/2026-doc-003.md";
    repo.edit(
        doc,
        "circulation:\n",
        "circulation:\n  - person: chen-jianguo\n",
    );
    let to_read = inbox(&repo, "chen-jianguo");
    let task = item(&to_read, "2026-doc-003", "task").expect("a document to read");
    assert_eq!(task["task"], "傳閱");
    assert!(
        task["what"]
            .as_str()
            .unwrap()
            .starts_with("協秘〔2026〕3號"),
        "{task}"
    );

    let before = repo.read(doc);
    ok(run(
        repo.path(),
        &["read", doc, "--as", "chen-jianguo", "--date", "2026-11-26"],
    ));
    assert_eq!(
        repo.read(doc),
        before.replace(
            "  - person: chen-jianguo\n",
            "  - person: chen-jianguo\n    read_on: 2026-11-26\n"
        ),
        "only the reading's line is added"
    );
    assert!(item(&inbox(&repo, "chen-jianguo"), "2026-doc-003", "task").is_none());
    assert_eq!(repo.check().status, 0);

    // Read twice, a type that is not circulated, and someone unknown: refused, nothing written.
    let read = repo.read(doc);
    let out = run(repo.path(), &["read", doc, "--as", "chen-jianguo"]);
    assert_eq!(out.status, 2);
    assert!(
        out.stderr
            .contains("was already read by chen-jianguo on 2026-11-26"),
        "{}",
        out.stderr
    );
    let out = run(
        repo.path(),
        &["read", "leave/leave-2026-030.md", "--as", "chen-jianguo"],
    );
    assert!(
        out.stderr.contains(
            "records of type Leave request (`leave`) are not circulated: types/leave.yaml has no `circulation:`"
        ),
        "{}",
        out.stderr
    );
    let out = run(repo.path(), &["read", doc, "--as", "nobody"]);
    assert!(
        out.stderr.contains("`nobody` is not a person in people/"),
        "{}",
        out.stderr
    );
    assert_eq!(repo.read(doc), read);
}

// 2. One command per step.

#[test]
fn sign_moves_the_status_when_the_approval_completes_the_next_state() {
    let repo = Repo::example();
    let doc = "documents/2026-doc-005.md";
    let out = ok(sign(&repo, doc, "approve", "lin-wenhui", &[]));
    assert_eq!(status(&repo, doc), "approved");
    assert!(
        out.stdout.contains("status: reviewed → approved"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("→ `issued`: `clerk issue documents/2026-doc-005.md`"),
        "{}",
        out.stdout
    );

    // --no-advance keeps the status; the next step is then the move itself.
    let draft = "documents/2026-doc-006.md";
    let out = ok(sign(&repo, draft, "review", "wang-fang", &["--no-advance"]));
    assert_eq!(status(&repo, draft), "draft");
    assert!(!out.stdout.contains("status:"), "{}", out.stdout);
    // Signed again without it: the stale-free approval is replaced, and the status moves.
    let out = ok(sign(&repo, draft, "review", "wang-fang", &[]));
    assert!(
        out.stdout.contains("in place of the earlier one"),
        "{}",
        out.stdout
    );
    assert_eq!(status(&repo, draft), "reviewed");
    assert!(
        out.stdout.contains("clerk sign documents/2026-doc-006.md --step approve --by lin-wenhui` (林文慧, secretary-general)"),
        "names who approves next: {}",
        out.stdout
    );
    // Checked as of today: the approvals are dated the day they were signed.
    ok(run(repo.path(), &["check"]));
}

#[test]
fn a_missing_approval_names_the_command_to_run() {
    let repo = Repo::example();
    repo.edit(
        "documents/2026-doc-006.md",
        "status: draft",
        "status: approved",
    );
    let out = repo.check();
    let hints: Vec<(usize, String)> = out
        .findings()
        .iter()
        .filter(|f| f.code == "E036")
        .map(|f| (f.line, f.hint.clone().unwrap_or_default()))
        .collect();
    assert_eq!(hints.len(), 2, "{hints:?}");
    assert!(hints.iter().all(|(line, _)| *line == 8));
    assert!(hints[1].1.starts_with("run `clerk sign documents/2026-doc-006.md --step review --by wang-fang` (王芳, department-head for general)"), "{hints:?}");
    assert!(hints[0].1.starts_with("run `clerk sign documents/2026-doc-006.md --step approve --by lin-wenhui` (林文慧, secretary-general); it may also be given by 陳建國 (--by chen-jianguo"), "{hints:?}");
}

#[test]
fn advance_sets_the_fields_and_refuses_with_what_is_missing() {
    let repo = Repo::example();
    // 銷假: the only next state, its date set to --date.
    let leave = "leave/leave-2026-030.md";
    let before = repo.read(leave);
    ok(run(repo.path(), &["advance", leave, "--date", TODAY]));
    assert_eq!(
        repo.read(leave),
        before.replace(
            "status: approved\n",
            &format!("status: returned\nreturned_on: {TODAY}\n")
        )
    );

    // Several next states: --to is needed; a state it cannot reach, or that lacks its approval.
    let requested = "leave/leave-2026-033.md";
    let text = repo.read(requested);
    let out = run(repo.path(), &["advance", requested]);
    assert_eq!(out.status, 2);
    assert!(
        out.stderr.contains(
            "is `requested`; say which state with --to: `approved`, `rejected`, `withdrawn`"
        ),
        "{}",
        out.stderr
    );
    let out = run(repo.path(), &["advance", requested, "--to", "returned"]);
    assert!(
        out.stderr.contains(
            "from there it can become only `approved`, `rejected`, `withdrawn`, not `returned`"
        ),
        "{}",
        out.stderr
    );
    let out = run(repo.path(), &["advance", requested, "--to", "approved"]);
    assert!(
        out.stderr
            .contains("was not changed; after the change it would have:"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("leave/leave-2026-033.md:10: this leave is `approved`, so it needs the `approve` approval [E036]"), "{}", out.stderr);
    let out = run(
        repo.path(),
        &["advance", requested, "--to", "withdrawn", "colour=red"],
    );
    assert!(
        out.stderr
            .contains("records of type `leave` have no field `colour`"),
        "{}",
        out.stderr
    );
    let out = run(
        repo.path(),
        &["advance", requested, "--to", "withdrawn", "reason=[a, b]"],
    );
    assert!(
        out.stderr.contains("`clerk advance` writes text and dates"),
        "{}",
        out.stderr
    );
    assert_eq!(repo.read(requested), text, "nothing written");
    ok(run(
        repo.path(),
        &["advance", requested, "--to", "withdrawn"],
    ));
    assert_eq!(status(&repo, requested), "withdrawn");
    assert_eq!(repo.check().status, 0);
}

/// The README's walk-through, line by line, with `clerk check` after each.
#[test]
fn the_readme_walk_through_runs_and_checks_clean_at_every_step() {
    let readme = std::fs::read_to_string(common::crate_dir().join("README.md")).unwrap();
    let section = readme
        .split("## One record, start to finish")
        .nth(1)
        .expect("the README has the walk-through");
    let block = section
        .split("```sh\n")
        .nth(1)
        .unwrap()
        .split("```")
        .next()
        .unwrap();
    let repo = Repo::example();
    let bin = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_clerk"), bin.path().join("clerk")).unwrap();
    let mut script = String::from("set -e\n");
    for line in block
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
    {
        script.push_str(line);
        let quoted = line.replace('\'', "'\\''");
        script.push_str(&format!(
            "\nclerk check >/dev/null 2>&1 || {{ echo 'not clean after: {quoted}'; clerk check; exit 1; }}\n"
        ));
    }
    script.push_str("echo \"$doc $leave $exp\"\n");
    let path = format!(
        "{}:{}",
        bin.path().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(&script)
        .current_dir(repo.path())
        .env("PATH", path)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let files: Vec<&str> = stdout.lines().last().unwrap().split(' ').collect();
    let states: Vec<String> = files.iter().map(|f| status(&repo, f)).collect();
    assert_eq!(states, ["archived", "returned", "paid"], "{files:?}");
    assert!(
        stdout.contains("陳建國 (chen-jianguo)"),
        "the inbox ran: {stdout}"
    );
    let doc = repo.read(files[0]);
    for line in [
        "returns:\n  - person: lin-wenhui\n    date: ",
        "    comment: 請寫明會議地點\n",
        "  - person: chen-jianguo\n    read_on: ",
        "number: 協秘〔",
        "archive_no: Z109-WS·",
    ] {
        assert!(doc.contains(line), "{doc}");
    }
    assert!(repo
        .read(files[2])
        .contains("voucher: 付-2026-020\npaid_on: "));
}

// 3. What changed since an approval.

#[test]
fn diff_shows_what_changed_since_an_approval_from_the_git_history() {
    let repo = Repo::example_in_git();
    let doc = "documents/2026-doc-004.md";
    repo.edit(doc, "pages: 1", "pages: 2");
    repo.edit(doc, "考核請於", "考核請各部門於");
    // Committed past the hook, then changed again: the signed version is further back.
    git::ok(repo.path(), &["commit", "-q", "--no-verify", "-am", "edit"]);
    repo.edit(doc, "kind: 通知", "kind: 決定");

    let out = repo.check();
    let stale: Vec<String> = out
        .findings()
        .iter()
        .filter(|f| f.code == "E055")
        .map(|f| f.hint.clone().unwrap_or_default())
        .collect();
    assert!(
        stale.iter().any(|h| h.starts_with("`clerk diff documents/2026-doc-004.md --step approve --by chen-jianguo` shows what changed")),
        "{stale:?}"
    );

    // The stale approval waits in its approver's inbox, to be given again.
    let again = inbox(&repo, "chen-jianguo");
    let item = item(&again, "2026-doc-004", "approve").expect("to approve again");
    assert_eq!(
        (item["step"].as_str(), item["again"].as_bool()),
        (Some("approve"), Some(true))
    );
    assert!(
        inbox(&repo, "lin-wenhui")
            .iter()
            .all(|i| i["record"] != "2026-doc-004"),
        "only the one who gave it"
    );

    let out = ok(run(
        repo.path(),
        &["diff", doc, "--step", "approve", "--by", "chen-jianguo"],
    ));
    assert!(
        out.stdout
            .contains("what changed since chen-jianguo's `approve` approval of 2026-09-30"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("    kind: 「通知」 → 「決定」\n"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("    pages: 1 → 2\n"), "{}", out.stdout);
    assert!(
        out.stdout.contains("考核請{+各部門+}於10月31日前完成"),
        "{}",
        out.stdout
    );
    assert!(
        !out.stdout.contains("status:"),
        "managed fields are not what an approval covers"
    );

    // Every stale approval without --step and --by; an approval that is not there: refused.
    let all = ok(run(repo.path(), &["diff", doc]));
    assert_eq!(
        all.stdout.matches("what changed since").count(),
        2,
        "{}",
        all.stdout
    );
    let out = run(
        repo.path(),
        &["diff", doc, "--step", "approve", "--by", "nobody"],
    );
    assert_eq!(out.status, 2);
    assert!(
        out.stderr
            .contains("documents/2026-doc-004.md has no signed `approve` approval by nobody"),
        "{}",
        out.stderr
    );
    let fresh = ok(run(repo.path(), &["diff", "documents/2026-doc-005.md"]));
    assert!(
        fresh.stdout.contains("nothing changed since"),
        "{}",
        fresh.stdout
    );
}

#[test]
fn diff_outside_git_says_where_it_looks() {
    let repo = Repo::example();
    repo.edit("documents/2026-doc-004.md", "pages: 1", "pages: 2");
    let out = run(repo.path(), &["diff", "documents/2026-doc-004.md"]);
    assert_eq!(out.status, 2);
    assert!(
        out.stderr.contains(
            "is not in a git repository: the approved version is looked up in its history"
        ),
        "{}",
        out.stderr
    );
}

// 2b. A return (退回): kept in the record with who sent it back and why, waiting for the drafter.

#[test]
fn a_return_keeps_who_sent_it_back_and_why_and_waits_for_the_drafter() {
    let repo = Repo::example();
    let doc = "documents/2026-doc-005.md"; // reviewed; drafted by cai-peiyu
    let text = repo.read(doc);
    let back = |more: &[&str]| {
        let mut args = vec!["advance", doc, "--to", "draft", "--date", TODAY];
        args.extend(more);
        run(repo.path(), &args)
    };
    // A return needs its reason, from someone known; nothing is written otherwise.
    let out = back(&[]);
    assert_eq!(out.status, 2);
    assert!(
        out.stderr.contains("say why with `--comment TEXT`"),
        "{}",
        out.stderr
    );
    let out = back(&["--comment", "x", "--as", "nobody"]);
    assert_eq!(out.status, 2);
    assert!(out.stderr.contains("nobody"), "{}", out.stderr);
    assert_eq!(repo.read(doc), text, "nothing written");

    // The status and the entry in one write, the comment quoted where YAML needs it.
    let reason = "請補充預算: 第二段";
    let out = ok(back(&["--comment", reason, "--as", "lin-wenhui"]));
    assert!(
        out.stdout
            .contains(&format!("sent back by 林文慧: {reason}")),
        "{}",
        out.stdout
    );
    assert_eq!(
        repo.read(doc),
        text.replace(
            "status: reviewed\n",
            &format!(
                "status: draft\nreturns:\n  - person: lin-wenhui\n    date: {TODAY}\n    comment: \"{reason}\"\n"
            )
        )
    );
    assert_eq!(repo.check().status, 0, "{}", repo.check().stdout);

    // It waits for its drafter, with who sent it back and why, until it moves on.
    let items = inbox(&repo, "cai-peiyu");
    let it = item(&items, "2026-doc-005", "returned").expect("the return waits for its drafter");
    assert_eq!(it["what"], reason);
    assert_eq!(it["since"], TODAY);
    assert!(it["task"].as_str().unwrap().contains("林文慧"), "{it}");
    assert!(item(&inbox(&repo, "lin-wenhui"), "2026-doc-005", "returned").is_none());
    let out = run(
        repo.path(),
        &[
            "advance",
            doc,
            "--to",
            "reviewed",
            "--comment",
            "x",
            "--as",
            "cai-peiyu",
        ],
    );
    assert_eq!(out.status, 2);
    assert!(
        out.stderr
            .contains("is kept only when a record is sent back"),
        "{}",
        out.stderr
    );
    ok(run(repo.path(), &["advance", doc, "--to", "reviewed"]));
    assert!(item(&inbox(&repo, "cai-peiyu"), "2026-doc-005", "returned").is_none());

    // The internal site shows the returns as a table on the document's page.
    let site = tempfile::tempdir().unwrap();
    let out = clerk(&[
        "build",
        "--audience",
        "internal",
        "--no-pdf",
        "--today",
        TODAY,
        "-o",
    ])
    .arg(site.path())
    .arg(repo.path())
    .run();
    assert_eq!(out.status, 0, "{}", out.stderr);
    let page = std::fs::read_to_string(site.path().join("document/2026-doc-005.html")).unwrap();
    let table = &page[page
        .find("<table id=\"f-returns\">")
        .expect("a returns table")..];
    let table = &table[..table.find("</table>").unwrap()];
    for cell in ["退回人", "林文慧", TODAY, reason] {
        assert!(table.contains(cell), "{cell} in {table}");
    }

    // A type that keeps no returns refuses a comment rather than drop it …
    let setting = "returns: {field: returns, person: person, date: date, comment: comment}\n";
    repo.edit("types/document.yaml", setting, "");
    let out = back(&["--comment", "x", "--as", "lin-wenhui"]);
    assert_eq!(out.status, 2);
    assert!(
        out.stderr.contains("types/document.yaml has no `returns:`"),
        "{}",
        out.stderr
    );
    // … and a setting naming an entry field the list does not declare is refused at its line.
    let line = text_line(&repo.read("types/document.yaml"), "managed:");
    repo.edit(
        "types/document.yaml",
        "managed:",
        "returns: {field: returns, comment: reason}\nmanaged:",
    );
    let found = repo.check();
    let e101: Vec<_> = found
        .findings()
        .into_iter()
        .filter(|f| f.code == "E101")
        .map(|f| (f.path, f.line))
        .collect();
    assert_eq!(e101, [("types/document.yaml".to_string(), line)]);
}

/// The 1-based number of the first line of `text` starting with `start`.
fn text_line(text: &str, start: &str) -> usize {
    text.lines().position(|l| l.starts_with(start)).unwrap() + 1
}
