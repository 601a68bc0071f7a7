//! The git gates on real repositories: the installed hook under every way of committing, and
//! `check --since` over a branch's history.

use crate::common;

use std::path::Path;
use std::process::Command;

use common::git::{head, ok, run as git};
use common::Repo;

fn clerk_in(dir: &Path, args: &[&str]) -> (i32, String) {
    let out = common::clerk(args).dir(dir).run();
    (out.status, out.said())
}

/// Asserts `git commit ARGS` is refused by the hook with `code`, and creates no commit.
#[track_caller]
fn refused(repo: &Repo, args: &[&str], code: &str) {
    let before = head(repo.path());
    let (success, said) = git(repo.path(), args);
    assert!(!success, "git {args:?} was accepted:\n{said}");
    assert!(
        said.contains(&format!("[{code}]")),
        "expected {code} in:\n{said}"
    );
    assert_eq!(head(repo.path()), before, "no commit is created");
}

const LEAVE: &str = "leave/leave-2026-033.md"; // requested, one day
const SKIP: (&str, &str) = (
    "status: requested",
    "status: returned\nreturned_on: 2026-12-04",
);

#[test]
fn plain_commit_of_a_skipped_state_is_refused() {
    let repo = Repo::example_in_git();
    repo.edit(LEAVE, SKIP.0, SKIP.1);
    ok(repo.path(), &["add", LEAVE]);
    refused(&repo, &["commit", "-m", "skip"], "E060");
}

#[test]
fn commit_all_checks_the_temporary_index() {
    let repo = Repo::example_in_git();
    repo.edit(LEAVE, SKIP.0, SKIP.1);
    refused(&repo, &["commit", "-a", "-m", "skip"], "E060");
    // Withdrawn is an allowed move: accepted.
    repo.edit(
        LEAVE,
        "status: returned\nreturned_on: 2026-12-04",
        "status: withdrawn",
    );
    ok(repo.path(), &["commit", "-q", "-a", "-m", "withdrawn"]);
}

#[test]
fn commit_path_checks_only_what_it_records() {
    let repo = Repo::example_in_git();
    let dir = repo.path();
    // A good change to one file, a bad one to another.
    repo.edit(
        "documents/2026-doc-006.md",
        "3. 完善財務內控與資產盤點。",
        "3. 完善財務內控與資產盤點。\n4. 建立檔案數位化流程。",
    );
    repo.edit(LEAVE, SKIP.0, SKIP.1);
    refused(&repo, &["commit", LEAVE, "-m", "skip"], "E060");
    // `git commit PATH` records HEAD plus that path: the bad leave, unstaged, is not in it.
    ok(
        dir,
        &["commit", "-q", "documents/2026-doc-006.md", "-m", "plan"],
    );
    let (_, status) = git(dir, &["status", "--porcelain"]);
    assert!(
        status.contains(LEAVE),
        "the leave is still uncommitted: {status}"
    );
}

#[test]
fn partial_staging_is_judged_by_the_index() {
    let repo = Repo::example_in_git();
    let dir = repo.path();
    // Bad staged, good in the work tree: refused.
    repo.edit(LEAVE, SKIP.0, SKIP.1);
    ok(dir, &["add", LEAVE]);
    repo.edit(
        LEAVE,
        "status: returned\nreturned_on: 2026-12-04",
        "status: requested",
    );
    refused(&repo, &["commit", "-m", "x"], "E060");
    // Good staged, bad in the work tree: accepted.
    ok(dir, &["add", LEAVE]);
    repo.edit(LEAVE, "reason: 家中事務", "reason: 家中事務（已改期）");
    ok(dir, &["add", LEAVE]);
    repo.edit(LEAVE, SKIP.0, SKIP.1);
    ok(dir, &["commit", "-q", "-m", "reason"]);
}

/// The hook judges attachments as the commit records them: an entry whose file is not staged,
/// a private key staged as an attachment, and a bound attachment changed after its record was
/// approved are refused; a change that touches neither record nor attachment is not slowed by
/// reading them.
#[test]
fn the_hook_judges_attachments_as_the_commit_records_them() {
    let repo = Repo::example_in_git();
    let dir = repo.path();
    let doc = "documents/2026-doc-006.md";
    repo.edit(
        doc,
        "status: draft",
        "attachments:\n  - plan.pdf\nstatus: draft",
    );
    repo.write("documents/plan.pdf", "%PDF-1.4 the plan\n");
    // The file is in the work tree but not in the commit.
    ok(dir, &["add", doc]);
    refused(&repo, &["commit", "-m", "plan"], "E021");
    ok(dir, &["add", "documents/plan.pdf"]);
    ok(dir, &["commit", "-q", "-m", "plan"]);
    // A private key, staged as an attachment.
    repo.write(
        "documents/key.txt",
        std::fs::read(dir.join(".example-keys/lin-wenhui")).unwrap(),
    );
    repo.edit(doc, "  - plan.pdf\n", "  - plan.pdf\n  - key.txt\n");
    ok(dir, &["add", doc, "documents/key.txt"]);
    refused(&repo, &["commit", "-m", "key"], "E021");
    ok(dir, &["reset", "-q", "--hard"]);
    std::fs::remove_file(dir.join("documents/key.txt")).ok();
    // Bound by the first signature; then the file alone changes.
    let key = dir.join(".example-keys/wang-fang");
    let signed = common::clerk(&[
        "sign",
        doc,
        "--step",
        "review",
        "--by",
        "wang-fang",
        "--date",
        "2026-11-26",
        "--key",
    ])
    .arg(&key)
    .dir(dir)
    .run();
    assert_eq!(signed.status, 0, "{}", signed.said());
    ok(dir, &["commit", "-q", "-am", "reviewed"]);
    repo.write("documents/plan.pdf", "%PDF-1.4 another plan\n");
    ok(dir, &["add", "documents/plan.pdf"]);
    refused(&repo, &["commit", "-m", "swap the scan"], "E023");
}

#[test]
fn first_commit_with_a_bad_record_is_refused() {
    let repo = Repo::example();
    let dir = repo.path();
    ok(dir, &["init", "-q", "-b", "main"]);
    ok(dir, &["config", "commit.gpgsign", "false"]);
    clerk_in(dir, &["hooks", "install"]);
    repo.edit("leave/leave-2026-021.md", "days: 2", "days: 3");
    ok(dir, &["add", "-A"]);
    let (success, said) = git(dir, &["commit", "-m", "first"]);
    assert!(
        !success && said.contains("[E046]") && said.contains("[E055]"),
        "{said}"
    );
    assert!(!git(dir, &["rev-parse", "HEAD"]).0, "no commit exists");
}

#[test]
fn deleting_an_issued_record_is_refused_a_draft_is_not() {
    let repo = Repo::example_in_git();
    let dir = repo.path();
    ok(dir, &["rm", "-q", "documents/2026-doc-001.md"]);
    refused(&repo, &["commit", "-m", "delete issued"], "E063");
    ok(dir, &["reset", "-q", "--hard"]);
    ok(dir, &["rm", "-q", "documents/2026-doc-006.md"]);
    ok(dir, &["commit", "-q", "-m", "delete draft"]);
}

#[test]
fn renames_are_followed_by_id() {
    let repo = Repo::example_in_git();
    let dir = repo.path();
    // A rename alone is fine.
    ok(
        dir,
        &[
            "mv",
            "documents/2026-doc-006.md",
            "documents/2027-plan-draft.md",
        ],
    );
    ok(dir, &["commit", "-q", "-m", "rename"]);
    // Renamed (keeping its id) and moved past a state in one go: still caught.
    repo.edit(
        LEAVE,
        "title: 黃俊豪事假一天",
        "id: leave-2026-033\ntitle: 黃俊豪事假一天",
    );
    repo.edit(LEAVE, SKIP.0, SKIP.1);
    ok(dir, &["add", LEAVE]);
    ok(dir, &["mv", LEAVE, "leave/2026-12-03-huang.md"]);
    refused(&repo, &["commit", "-m", "rename and skip"], "E060");
}

#[test]
fn a_conflicted_merge_resolved_badly_is_refused() {
    let repo = Repo::example_in_git();
    let dir = repo.path();
    let doc = "documents/2026-doc-006.md";
    ok(dir, &["checkout", "-q", "-b", "other"]);
    repo.edit(
        doc,
        "1. 深化會員服務，推動數位化。",
        "1. 深化會員服務（其他版本）。",
    );
    ok(dir, &["commit", "-q", "-am", "theirs"]);
    ok(dir, &["checkout", "-q", "main"]);
    repo.edit(
        doc,
        "1. 深化會員服務，推動數位化。",
        "1. 深化會員服務（我們的版本）。",
    );
    ok(dir, &["commit", "-q", "-am", "ours"]);
    let (merged, _) = git(dir, &["merge", "other"]);
    assert!(!merged, "the merge conflicts");
    // While unresolved, the gate says so.
    let (code, said) = clerk_in(dir, &["check", "--staged"]);
    assert_eq!(code, 1);
    assert!(said.contains("[E064]"), "{said}");
    // Resolved by jumping the draft to issued: refused.
    let text = repo.read(doc);
    let start = text.find("<<<<<<<").unwrap();
    let end = text.find(">>>>>>> other\n").unwrap() + ">>>>>>> other\n".len();
    let resolved = format!(
        "{}1. 深化會員服務（合併）。\n{}",
        &text[..start],
        &text[end..]
    );
    repo.write(
        doc,
        resolved.replace(
            "status: draft",
            "status: issued\nnumber: 協秘〔2026〕4號\nissued_on: 2026-11-30",
        ),
    );
    ok(dir, &["add", doc]);
    refused(&repo, &["commit", "--no-edit"], "E060");
    // Resolved properly: accepted.
    repo.write(doc, resolved);
    ok(dir, &["add", doc]);
    ok(dir, &["commit", "-q", "--no-edit"]);
}

/// Signs and issues a document as 協秘〔2026〕4號 on the current branch.
fn issue_as_four(repo: &Repo, doc: &str) {
    let dir = repo.path();
    if repo.read(doc).contains("status: reviewed") {
        let key = dir.join(".example-keys/lin-wenhui");
        let (code, said) = clerk_in(
            dir,
            &[
                "sign",
                doc,
                "--step",
                "approve",
                "--by",
                "lin-wenhui",
                "--date",
                "2026-10-20",
                "--key",
                key.to_str().unwrap(),
            ],
        );
        assert_eq!(code, 0, "{said}");
        // The approval completes `approved`, so clerk sign moved the status there.
        assert!(repo.read(doc).contains("status: approved"), "{said}");
        ok(dir, &["commit", "-q", "-am", "approve"]);
    }
    repo.edit(
        doc,
        "status: approved",
        "status: issued\nnumber: 協秘〔2026〕4號\nissued_on: 2026-11-02",
    );
    ok(dir, &["commit", "-q", "-am", &format!("issue {doc}")]);
}

#[test]
fn two_branches_issuing_the_same_number_are_caught_when_merged() {
    let repo = Repo::example_in_git();
    let dir = repo.path();
    let base = head(dir);
    ok(dir, &["checkout", "-q", "-b", "a"]);
    issue_as_four(&repo, "documents/2026-doc-004.md");
    ok(dir, &["checkout", "-q", "-b", "b", &base]);
    issue_as_four(&repo, "documents/2026-doc-005.md");
    // Each branch alone is fine.
    assert_eq!(
        clerk_in(dir, &["check", "--since", &base, "--today", common::TODAY]).0,
        0
    );
    ok(dir, &["checkout", "-q", "main"]);
    ok(dir, &["merge", "-q", "--ff-only", "a"]);
    // The merge commit is refused by the pre-merge-commit hook…
    let (merged, said) = git(dir, &["merge", "--no-edit", "b"]);
    assert!(!merged && said.contains("[E042]"), "{said}");
    ok(dir, &["merge", "--abort"]);
    // …and if the hook is skipped, CI catches it in the final tree.
    ok(dir, &["merge", "-q", "--no-verify", "--no-edit", "b"]);
    let (code, said) = clerk_in(dir, &["check", "--since", &base, "--today", common::TODAY]);
    assert_eq!(code, 1, "{said}");
    assert!(
        said.contains("error[E042]: `協秘〔2026〕4號` is already used by"),
        "{said}"
    );
}

#[test]
fn since_catches_a_skipped_state_in_a_middle_commit() {
    let repo = Repo::example_in_git();
    let dir = repo.path();
    let base = head(dir);
    // Three commits: fine, bad (skips `approved`), then made good again.
    repo.edit(LEAVE, "reason: 家中事務", "reason: 家中事務（陪同就醫）");
    ok(dir, &["commit", "-q", "--no-verify", "-am", "reason"]);
    repo.edit(LEAVE, SKIP.0, SKIP.1);
    ok(
        dir,
        &["commit", "-q", "--no-verify", "-am", "jump to returned"],
    );
    repo.edit(
        LEAVE,
        "status: returned\nreturned_on: 2026-12-04",
        "status: requested",
    );
    ok(dir, &["commit", "-q", "--no-verify", "-am", "undo"]);
    // The final tree is clean…
    assert_eq!(clerk_in(dir, &["check", "--today", common::TODAY]).0, 0);
    // …but the history is not.
    let (code, said) = clerk_in(dir, &["check", "--since", &base, "--today", common::TODAY]);
    assert_eq!(code, 1, "{said}");
    assert!(
        said.contains("error[E060]: status moved from `requested` to `returned`"),
        "{said}"
    );
    assert!(
        said.contains("in commit") && said.contains("“jump to returned”"),
        "{said}"
    );
    // Moving back from `returned` (a final state) is caught too.
    assert!(said.contains("[E062]"), "{said}");
    // JSON carries the commit.
    let commits: Vec<String> =
        common::clerk(&["check", "--since", &base, "--today", common::TODAY])
            .args(["--format", "json"])
            .dir(dir)
            .run_json()
            .diagnostics()
            .into_iter()
            .filter_map(|f| f.commit)
            .collect();
    assert!(
        commits.iter().any(|c| c.ends_with("“jump to returned”")),
        "{commits:?}"
    );
}

/// CI gives all zeros as the commit before a first push or a new branch: no base, so every
/// commit is checked from the first, with a note saying so.
#[test]
fn since_the_null_revision_checks_the_whole_history() {
    let repo = Repo::example_in_git();
    let dir = repo.path();
    let doc = "documents/2026-doc-006.md"; // a draft
    repo.edit(doc, "status: draft", "status: drfat");
    ok(dir, &["commit", "-q", "--no-verify", "-am", "a typo"]);
    repo.edit(doc, "status: drfat", "status: draft");
    ok(dir, &["commit", "-q", "--no-verify", "-am", "repaired"]);
    for zeros in ["0000000000000000000000000000000000000000", "0000000"] {
        let out = common::clerk(&["check", "--since", zeros, "--today", common::TODAY])
            .dir(dir)
            .run();
        assert_eq!(out.status, 1, "{}", out.said());
        assert!(
            out.stdout.contains("error[E012]: `status` is `drfat`")
                && out.stdout.contains("“a typo”")
                && out.stdout.contains("checked 92 records"),
            "{}",
            out.said()
        );
        assert!(
            out.stderr
                .contains(&format!("note: `--since {zeros}` names no commit"))
                && out.stderr.contains("the whole history is checked"),
            "{}",
            out.stderr
        );
    }
    // A pinned root still holds.
    let out = common::clerk(&["check", "--since", "0000000", "--root", "1234567"])
        .dir(dir)
        .run();
    assert_eq!(out.status, 2, "{}", out.said());
    assert!(out.stderr.contains("not at 1234567"), "{}", out.stderr);
}

#[test]
fn an_expired_key_cannot_backdate_an_approval() {
    let repo = Repo::example_in_git();
    let dir = repo.path();
    // 宋怡婷 headed publicity until 2026-03-31, and her key was valid until then. Today she
    // signs a review dated 2026-03-20, when she still had both: the date is her own claim.
    let plan = "publicity/2026-spring.md";
    repo.write(
        plan,
        "---\ntype: publicity\ntitle: 2026年春季宣傳計劃\ndepartment: publicity\nstart: 2026-03-01\nend: 2026-06-30\nchannels: [網站]\nstatus: planned\n---\n春季宣傳。\n",
    );
    let (code, said) = clerk_in(
        dir,
        &[
            "sign",
            plan,
            "--step",
            "review",
            "--by",
            "song-yiting",
            "--date",
            "2026-03-20",
            "--key",
            dir.join(".example-keys/song-yiting").to_str().unwrap(),
        ],
    );
    assert_ne!(code, 0, "clerk sign refuses an expired key: {said}");
    assert!(said.contains("no longer valid"), "{said}");
    // Signed with ssh-keygen directly, over clerk's own payload:
    let (_, payload) = clerk_in(
        dir,
        &[
            "digest",
            plan,
            "--step",
            "review",
            "--by",
            "song-yiting",
            "--date",
            "2026-03-20",
        ],
    );
    let mut child = Command::new("ssh-keygen")
        .args(["-Y", "sign", "-q", "-n", "clerk-approval", "-f"])
        .arg(dir.join(".example-keys/song-yiting"))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(payload.as_bytes())
        .unwrap();
    let sig = String::from_utf8(child.wait_with_output().unwrap().stdout).unwrap();
    let digest = payload
        .lines()
        .find_map(|l| l.strip_prefix("digest: "))
        .unwrap();
    let block: String = sig.trim().lines().map(|l| format!("      {l}\n")).collect();
    repo.edit(plan, "status: planned", &format!("approvals:\n  - step: review\n    by: song-yiting\n    role: department-head\n    date: 2026-03-20\n    digest: {digest}\n    signature: |\n{block}status: planned"));
    // As a snapshot it verifies (role and key were valid on 2026-03-20)…
    assert_eq!(clerk_in(dir, &["check", "--today", common::TODAY]).0, 0);
    // …but the commit that adds it is refused: the key is not valid today.
    ok(dir, &["add", plan]);
    refused(&repo, &["commit", "-m", "backdated"], "E058");
}

#[test]
fn github_annotations() {
    let repo = Repo::example_in_git();
    let dir = repo.path();
    let base = head(dir);
    repo.edit(LEAVE, SKIP.0, SKIP.1);
    ok(dir, &["commit", "-q", "--no-verify", "-am", "skip"]);
    let (code, said) = clerk_in(
        dir,
        &[
            "check",
            "--since",
            &base,
            "--format",
            "github",
            "--today",
            common::TODAY,
        ],
    );
    assert_eq!(code, 1);
    assert!(said.contains("::error file=leave/leave-2026-033.md,line=10,col=9,title=E060::status moved from `requested` to `returned`"), "{said}");
    assert!(
        said.contains("%0Ahint: from `requested` a leave moves to: approved, rejected, withdrawn"),
        "{said}"
    );
}

#[test]
fn hooks_install_keeps_a_foreign_hook() {
    let repo = Repo::example();
    let dir = repo.path();
    ok(dir, &["init", "-q", "-b", "main"]);
    repo.write(".git/hooks/pre-commit", "#!/bin/sh\necho mine\n");
    let (code, said) = clerk_in(dir, &["hooks", "install"]);
    assert_eq!(code, 2, "{said}");
    assert!(said.contains("--force"), "{said}");
    assert_eq!(repo.read(".git/hooks/pre-commit"), "#!/bin/sh\necho mine\n");
    // In the staff's language, naming the hook.
    let (code, said) = clerk_in(dir, &["hooks", "install", "--lang", "zh-Hant"]);
    assert_eq!(code, 2, "{said}");
    assert!(
        said.contains(
            "pre-commit 已存在且不是 clerk 寫的；執行 `clerk hooks install --force` 取代它"
        ),
        "{said}"
    );
    // clerk's own hooks are replaced without --force; a foreign one only with it.
    assert_eq!(clerk_in(dir, &["hooks", "install", "--force"]).0, 0);
    assert!(repo
        .read(".git/hooks/pre-commit")
        .contains("installed by clerk"));
    assert_eq!(clerk_in(dir, &["hooks", "install"]).0, 0);
}

#[test]
fn records_in_a_subfolder_of_the_work_tree() {
    // The records repository need not be the top of the git work tree (like records-example here).
    let outer = Repo::empty();
    let dir = outer.path();
    common::copy_dir(
        &common::crate_dir().join("records-example"),
        &dir.join("archive"),
    );
    ok(dir, &["init", "-q", "-b", "main"]);
    ok(dir, &["config", "commit.gpgsign", "false"]);
    assert_eq!(clerk_in(dir, &["hooks", "install", "archive"]).0, 0);
    ok(dir, &["add", "-A"]);
    ok(dir, &["commit", "-q", "-m", "archive"]);
    let leave = dir.join("archive").join(LEAVE);
    let text = std::fs::read_to_string(&leave)
        .unwrap()
        .replace(SKIP.0, SKIP.1);
    std::fs::write(&leave, text).unwrap();
    let (success, said) = git(dir, &["commit", "-am", "skip"]);
    assert!(
        !success && said.contains("[E060]") && said.contains("--> leave/leave-2026-033.md"),
        "{said}"
    );
}

/// `pre-commit try-repo` builds clerk from this repository's tracked files: run it on a clean
/// work tree (as CI does), or new untracked source files are missing from its build.
#[test]
fn the_pre_commit_framework_runs_clerk_as_a_rust_hook() {
    if Command::new("pre-commit")
        .arg("--version")
        .output()
        .is_err()
    {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must install pre-commit (pip install pre-commit)"
        );
        eprintln!("skipped: pre-commit is not installed here");
        return;
    }
    let repo = Repo::example_in_git();
    let dir = repo.path();
    let hook_repo = common::crate_dir();
    let try_repo = |dir: &Path| {
        Command::new("pre-commit")
            .args([
                "try-repo",
                hook_repo.to_str().unwrap(),
                "clerk-check",
                "--verbose",
            ])
            .current_dir(dir)
            .env("CARGO_TARGET_DIR", hook_repo.join("target/pre-commit"))
            // The hook's `cargo install` builds with the release profile; unoptimised and
            // without debug information it builds in a fraction of the time and disk.
            .env("CARGO_PROFILE_RELEASE_OPT_LEVEL", "0")
            .env("CARGO_PROFILE_RELEASE_DEBUG", "false")
            .output()
            .unwrap()
    };
    repo.edit(
        "documents/2026-doc-006.md",
        "3. 完善財務內控與資產盤點。",
        "3. 完善財務內控與資產盤點。\n4. 檔案數位化。",
    );
    ok(dir, &["add", "-A"]);
    let out = try_repo(dir);
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    repo.edit(LEAVE, SKIP.0, SKIP.1);
    ok(dir, &["add", "-A"]);
    let out = try_repo(dir);
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!out.status.success() && said.contains("E060"), "{said}");
}

/// The `language: system` hook runs the clerk on PATH: nothing is built.
#[test]
fn the_pre_commit_framework_runs_an_installed_clerk_as_a_system_hook() {
    if Command::new("pre-commit")
        .arg("--version")
        .output()
        .is_err()
    {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must install pre-commit (pip install pre-commit)"
        );
        eprintln!("skipped: pre-commit is not installed here");
        return;
    }
    let repo = Repo::example_in_git();
    let dir = repo.path();
    let bin = common::clerk_on_path();
    let path = format!(
        "{}:{}",
        bin.path().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let try_repo = || {
        let out = Command::new("pre-commit")
            .args(["try-repo", common::crate_dir().to_str().unwrap()])
            .args(["clerk-check-system", "--verbose"])
            .current_dir(dir)
            .env("PATH", &path)
            .output()
            .unwrap();
        let said = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        (out.status.success(), said)
    };
    repo.edit(
        "documents/2026-doc-006.md",
        "3. 完善財務內控與資產盤點。",
        "3. 完善財務內控與資產盤點。\n4. 檔案數位化。",
    );
    ok(dir, &["add", "-A"]);
    let (passed, said) = try_repo();
    assert!(passed && said.contains("checked 92 records"), "{said}");
    repo.edit(LEAVE, SKIP.0, SKIP.1);
    ok(dir, &["add", "-A"]);
    let (passed, said) = try_repo();
    assert!(!passed && said.contains("error[E060]"), "{said}");
}

#[test]
fn example_ci_pipelines_check_history_and_publish() {
    let dir = common::crate_dir().join("records-example");
    for file in [".github/workflows/clerk.yml", ".gitlab-ci.yml"] {
        let text = std::fs::read_to_string(dir.join(file)).unwrap();
        let yaml: serde_json::Value =
            clerk::parse::yaml::parse_value(&text).unwrap_or_else(|e| panic!("{file}: {e:?}"));
        assert!(yaml.is_object(), "{file}");
        assert!(
            text.contains("clerk check --since"),
            "{file} checks every commit"
        );
        assert!(
            text.contains("clerk build --audience public"),
            "{file} publishes the public site"
        );
        assert!(
            text.contains("fetch-depth: 0") || text.contains("GIT_DEPTH: 0"),
            "{file} fetches history"
        );
    }
}

/// A status the workflow does not know (a typo that got in past the hook) can be repaired: the
/// commit that corrects it to the start is accepted; a jump further is refused with the repair
/// named.
#[test]
fn a_status_the_workflow_does_not_know_can_be_repaired() {
    let repo = Repo::example_in_git();
    let dir = repo.path();
    let doc = "documents/2026-doc-006.md"; // a draft
    repo.edit(doc, "status: draft", "status: drfat");
    ok(dir, &["commit", "-q", "--no-verify", "-am", "a typo"]);
    repo.edit(doc, "status: drfat", "status: issued");
    ok(dir, &["add", doc]);
    let (success, said) = git(dir, &["commit", "-q", "-m", "too far"]);
    assert!(!success, "{said}");
    assert!(
        said.contains("error[E060]")
            && said
                .contains("`drfat` is not a state of a document; repair it to reviewed or draft"),
        "{said}"
    );
    repo.edit(doc, "status: issued", "status: draft");
    ok(dir, &["add", doc]);
    let (success, said) = git(dir, &["commit", "-q", "-m", "repaired"]);
    assert!(success, "{said}");
}

/// Storing a paid expense encrypted (`NAME.md` → `NAME.md.age`) and in plain text again is the
/// same record under another name, not a deletion of a kept record: with or without a key.
#[test]
fn encrypting_a_kept_record_is_not_deleting_it() {
    let repo = Repo::example_in_git();
    let dir = repo.path();
    let expense = "finance/expenses/exp-2026-001.md"; // paid
    let (code, said) = clerk_in(dir, &["encrypt", expense]);
    assert_eq!(code, 0, "{said}");
    ok(dir, &["add", "-A"]);
    let (success, said) = git(dir, &["commit", "-q", "-m", "encrypt a paid expense"]);
    assert!(success, "{said}");
    let key = dir.join(".example-keys/lin-wenhui");
    for identity in [None, Some(key.to_str().unwrap())] {
        let mut args = vec!["check", "--since", "HEAD~1", "--format", "json"];
        if let Some(k) = identity {
            args.extend(["--identity", k]);
        }
        let out = common::clerk(&args).dir(dir).run_json();
        let errors: Vec<_> = out
            .diagnostics()
            .into_iter()
            .filter(|f| f.code.starts_with('E'))
            .collect();
        assert!(errors.is_empty(), "{identity:?}: {errors:?}");
    }
    let (code, said) = clerk_in(
        dir,
        &[
            "decrypt",
            &format!("{expense}.age"),
            "--identity",
            key.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 0, "{said}");
    ok(dir, &["add", "-A"]);
    let (success, said) = git(dir, &["commit", "-q", "-m", "decrypt it again"]);
    assert!(success, "{said}");
    // A real deletion still is one, named by the type's label.
    std::fs::remove_file(dir.join(expense)).unwrap();
    ok(dir, &["add", "-A"]);
    let (success, said) = git(dir, &["commit", "-q", "-m", "delete it"]);
    assert!(!success, "{said}");
    assert!(
        said.contains("error[E063]: this record (")
            && said.contains("is `paid`, which is kept, and was deleted"),
        "{said}"
    );
}
