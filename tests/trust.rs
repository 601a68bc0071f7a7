//! Authority is never self-granted: a change is judged by the rules, people and keys in force
//! before it, by the pre-commit hook and by `check --since` alike. Each test plays an attack on
//! a real git repository holding a copy of the example, then the same goal reached properly.

use crate::common;

use std::path::Path;
use std::process::{Command, Stdio};

use common::git::{head, ok, run as git};
use common::Repo;

fn clerk_in(dir: &Path, args: &[&str]) -> (i32, String) {
    let out = common::clerk(args).dir(dir).home(dir).run();
    (out.status, out.said())
}

/// Asserts the staged commit is refused by the hook with `code` at `place` (`path:line`), and
/// creates no commit; then commits it past the hook, for `--since` to judge.
#[track_caller]
fn refused_then_forced(repo: &Repo, message: &str, code: &str, place: &str) {
    let before = head(repo.path());
    let (success, said) = git(repo.path(), &["commit", "-q", "-m", message]);
    assert!(!success, "the hook accepted “{message}”:\n{said}");
    assert!(
        said.contains(&format!("error[{code}]")) && said.contains(&format!("--> {place}")),
        "expected {code} at {place} in:\n{said}"
    );
    assert_eq!(head(repo.path()), before, "no commit is created");
    ok(repo.path(), &["commit", "-q", "--no-verify", "-m", message]);
}

/// `check --since REV --format json`: the (code, path, line) of every error.
fn since(repo: &Repo, rev: &str) -> Vec<(String, String, usize)> {
    let out = common::clerk(&["check", "--since", rev, "--format", "json"])
        .dir(repo.path())
        .run_json();
    out.diagnostics()
        .into_iter()
        .filter(|f| f.code.starts_with('E'))
        .map(|f| (f.code, f.path, f.line))
        .collect()
}

/// A fresh ed25519 key pair in `dir`: (private key path, public key line).
fn new_key(dir: &Path, name: &str) -> (String, String) {
    let path = dir.join(name);
    let made = Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-C", name, "-f"])
        .arg(&path)
        .stdout(Stdio::null())
        .status()
        .expect("ssh-keygen is installed");
    assert!(made.success());
    let public = std::fs::read_to_string(path.with_extension("pub")).unwrap();
    (
        path.to_string_lossy().into_owned(),
        public.trim().to_string(),
    )
}

/// The line of the first `needle` in the file `rel` (1-based).
fn first_line_of(repo: &Repo, rel: &str, needle: &str) -> usize {
    repo.read(rel)
        .lines()
        .position(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("`{needle}` not in {rel}"))
        + 1
}

/// The line of the last `needle` in the file `rel` (1-based).
fn line_of(repo: &Repo, rel: &str, needle: &str) -> usize {
    let text = repo.read(rel);
    let lines: Vec<&str> = text.lines().collect();
    lines
        .iter()
        .rposition(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("`{needle}` not in {rel}"))
        + 1
}

const DOC: &str = "documents/2026-doc-005.md"; // reviewed; membership: 陳建國 may approve it

#[test]
fn a_key_added_in_the_same_commit_cannot_sign() {
    let repo = Repo::example_in_git();
    let dir = repo.path();
    let keys = Repo::empty();
    let (private, public) = new_key(keys.path(), "intruder");
    // Someone adds their own key under 陳建國's keys, signs his approval with it, and moves the
    // document to approved: each file is valid as a snapshot.
    repo.edit(
        "people/chen-jianguo.md",
        "keys:\n",
        &format!("keys:\n  - key: {public}\n    from: 2026-01-01\n"),
    );
    let (code, said) = clerk_in(
        dir,
        &[
            "sign",
            DOC,
            "--step",
            "approve",
            "--by",
            "chen-jianguo",
            "--date",
            common::TODAY,
            "--key",
            &private,
        ],
    );
    assert_eq!(code, 0, "{said}");
    // The approval completes `approved`: clerk sign moved the status there.
    assert!(repo.read(DOC).contains("status: approved"), "{said}");
    let (code, said) = clerk_in(dir, &["check", "--today", common::TODAY]);
    assert_eq!(code, 0, "as a snapshot the repository is valid:\n{said}");
    ok(dir, &["add", "-A"]);
    let line = line_of(&repo, DOC, "signature: |");
    refused_then_forced(&repo, "approve doc-005", "E059", &format!("{DOC}:{line}"));
    let found = since(&repo, "HEAD~1");
    assert!(
        found.contains(&("E059".into(), DOC.into(), line)),
        "{found:?}"
    );
}

#[test]
fn an_expired_key_made_valid_in_the_same_commit_cannot_backdate() {
    let repo = Repo::example_in_git();
    let dir = repo.path();
    // 宋怡婷's key was valid until 2026-03-31. In one commit its `until` is moved past today and
    // a review dated 2026-03-20 is signed with it; the next commit puts `until` back.
    repo.edit(
        "people/song-yiting.md",
        "    until: 2026-03-31\n    note: revoked",
        "    until: 2027-12-31\n    note: revoked",
    );
    let plan = "publicity/2026-spring.md";
    repo.write(
        plan,
        "---\ntype: publicity\ntitle: 2026年春季宣傳計劃\ndepartment: publicity\nstart: 2026-03-01\nend: 2026-06-30\nchannels: [網站]\nstatus: planned\n---\n春季宣傳。\n",
    );
    let key = dir.join(".example-keys/song-yiting");
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
            key.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 0, "with the extended key, clerk sign signs:\n{said}");
    ok(dir, &["add", "-A"]);
    let line = line_of(&repo, plan, "signature: |");
    refused_then_forced(&repo, "backdated review", "E058", &format!("{plan}:{line}"));
    repo.edit(
        "people/song-yiting.md",
        "    until: 2027-12-31\n    note: revoked",
        "    until: 2026-03-31\n    note: revoked",
    );
    ok(
        dir,
        &["commit", "-q", "--no-verify", "-am", "put the key back"],
    );
    let found = since(&repo, "HEAD~2");
    assert!(
        found.contains(&("E058".into(), plan.into(), line)),
        "{found:?}"
    );
}

#[test]
fn loosening_a_workflow_does_not_loosen_the_change_that_uses_it() {
    let repo = Repo::example_in_git();
    let dir = repo.path();
    // One commit makes no state final or kept, changes an archived document's retention and
    // deletes an issued one; the next commit restores the type file.
    let type_file = repo.read("types/document.yaml");
    repo.edit(
        "types/document.yaml",
        "  final: [archived]\n  keep: [issued]\n",
        "  final: []\n  keep: []\n",
    );
    repo.edit(
        "documents/2026-doc-002.md",
        "retention: Y",
        "retention: D30",
    );
    std::fs::remove_file(dir.join("documents/2026-doc-001.md")).unwrap();
    ok(dir, &["add", "-A"]);
    let line = line_of(&repo, "documents/2026-doc-002.md", "status: archived");
    refused_then_forced(
        &repo,
        "loosen and tamper",
        "E062",
        &format!("documents/2026-doc-002.md:{line}"),
    );
    repo.write("types/document.yaml", &type_file);
    ok(
        dir,
        &["commit", "-q", "--no-verify", "-am", "restore the type"],
    );
    let found = since(&repo, "HEAD~2");
    for expected in [
        (
            "E062".to_string(),
            "documents/2026-doc-002.md".to_string(),
            line,
        ),
        ("E063".into(), "documents/2026-doc-001.md".into(), 0),
    ] {
        assert!(found.contains(&expected), "{expected:?} in {found:?}");
    }
}

#[test]
fn ignoring_a_record_for_one_commit_does_not_hide_its_change() {
    let repo = Repo::example_in_git();
    let dir = repo.path();
    // clerk.yaml ignores an archived document for one commit, which edits it.
    repo.edit(
        "clerk.yaml",
        "ignore:\n  - README.md\n",
        "ignore:\n  - README.md\n  - documents/2026-doc-002.md\n",
    );
    repo.edit(
        "documents/2026-doc-002.md",
        "retention: Y",
        "retention: D30",
    );
    ok(dir, &["add", "-A"]);
    let line = line_of(&repo, "documents/2026-doc-002.md", "status: archived");
    refused_then_forced(
        &repo,
        "hide and edit",
        "E062",
        &format!("documents/2026-doc-002.md:{line}"),
    );
    let found = since(&repo, "HEAD~1");
    assert!(
        found.contains(&("E062".into(), "documents/2026-doc-002.md".into(), line)),
        "{found:?}"
    );
}

#[test]
fn a_base_that_is_not_an_ancestor_is_refused() {
    let repo = Repo::example_in_git();
    let dir = repo.path();
    ok(dir, &["checkout", "-q", "--orphan", "elsewhere"]);
    ok(
        dir,
        &["commit", "-q", "--no-verify", "-m", "a history of its own"],
    );
    let (code, said) = clerk_in(dir, &["check", "--since", "main"]);
    assert_eq!(code, 2, "{said}");
    assert!(
        said.contains("`main` is not an ancestor of HEAD")
            && said.contains("git merge-base main HEAD"),
        "{said}"
    );
    // From the branch's own base it is judged as usual.
    ok(dir, &["checkout", "-q", "main"]);
    ok(dir, &["checkout", "-q", "-b", "work"]);
    let (code, said) = clerk_in(dir, &["check", "--since", "main"]);
    assert_eq!(code, 0, "{said}");
}

/// `sha256:` and the SHA-256 of the file `rel`: what an amendment lists for it.
fn digest_of(repo: &Repo, rel: &str) -> String {
    use sha2::{Digest, Sha256};
    let bytes = std::fs::read(repo.path().join(rel)).unwrap();
    let hash = Sha256::digest(&bytes);
    format!(
        "sha256:{}",
        hash.iter().map(|b| format!("{b:02x}")).collect::<String>()
    )
}

/// Writes `amendments/NAME.md` listing `changes` — (file, part, person, role) — with their
/// files' digests as they are now, signs its approval by `by` in `role` with the example key
/// `key` (or a key file), and moves it to approved.
fn amend(
    repo: &Repo,
    name: &str,
    changes: &[(&str, &str, &str, &str)],
    by: &str,
    role: &str,
    key: &str,
) -> String {
    let mut text = format!(
        "---\ntype: amendment\ntitle: 修訂 {name}\ndate: {}\nchanges:\n",
        common::TODAY
    );
    for (file, part, person, granted) in changes {
        text.push_str(&format!(
            "  - file: {file}\n    digest: {}\n    part: {part}\n",
            digest_of(repo, file)
        ));
        if !person.is_empty() {
            text.push_str(&format!("    person: {person}\n"));
        }
        if !granted.is_empty() {
            text.push_str(&format!("    role: {granted}\n"));
        }
    }
    text.push_str("status: draft\n---\n修訂。\n");
    let path = format!("amendments/{name}.md");
    repo.write(&path, text);
    let key = if key.contains('/') {
        key.to_string()
    } else {
        repo.path()
            .join(".example-keys")
            .join(key)
            .to_string_lossy()
            .into_owned()
    };
    let (code, said) = clerk_in(
        repo.path(),
        &[
            "sign",
            &path,
            "--step",
            "approve",
            "--by",
            by,
            "--role",
            role,
            "--date",
            common::TODAY,
            "--key",
            &key,
        ],
    );
    assert_eq!(code, 0, "{said}");
    // clerk sign moves it to approved when the repository checks clean that way; one that the
    // snapshot rules refuse (a council resolution still to cite) is moved here.
    if repo.read(&path).contains("status: draft") {
        repo.edit(&path, "status: draft", "status: approved");
    }
    path
}

/// 王芳 made accountant too (a second head of 會員部 would be E110, one head per department; a
/// deputy would need the council).
fn grant_a_role(repo: &Repo) {
    repo.edit(
        "people/wang-fang.md",
        "    from: 2024-01-01\n---",
        "    from: 2024-01-01\n  - role: accountant\n    from: 2026-11-01\n---",
    );
}

#[test]
fn a_role_granted_without_an_amendment_is_refused() {
    let repo = Repo::example_in_git();
    grant_a_role(&repo);
    ok(repo.path(), &["add", "-A"]);
    let line = line_of(&repo, "people/wang-fang.md", "roles:");
    refused_then_forced(
        &repo,
        "a role for 王芳",
        "E065",
        &format!("people/wang-fang.md:{line}"),
    );
    let found = since(&repo, "HEAD~1");
    assert!(
        found.contains(&("E065".into(), "people/wang-fang.md".into(), line)),
        "{found:?}"
    );
}

#[test]
fn a_role_granted_by_the_secretary_general_passes() {
    let repo = Repo::example_in_git();
    grant_a_role(&repo);
    amend(
        &repo,
        "2026-wang-fang-accountant",
        &[("people/wang-fang.md", "roles", "wang-fang", "accountant")],
        "lin-wenhui",
        "secretary-general",
        "lin-wenhui",
    );
    ok(repo.path(), &["add", "-A"]);
    let (success, said) = git(
        repo.path(),
        &["commit", "-q", "-m", "王芳 keeps the accounts too"],
    );
    assert!(success, "{said}");
    assert_eq!(since(&repo, "HEAD~1"), []);
}

#[test]
fn a_role_granted_by_someone_without_the_authority_is_refused() {
    let repo = Repo::example_in_git();
    grant_a_role(&repo);
    // 王芳 approves her own new role, as a department head: not the secretary-general.
    let path = "amendments/2026-self.md";
    repo.write(
        path,
        format!("---\ntype: amendment\ntitle: 自任\ndate: {}\nchanges:\n  - file: people/wang-fang.md\n    digest: {}\n    part: roles\n    person: wang-fang\n    role: accountant\napprovals:\n  - step: approve\n    by: wang-fang\n    role: department-head\n    date: {}\nstatus: approved\n---\n修訂。\n", common::TODAY, digest_of(&repo, "people/wang-fang.md"), common::TODAY),
    );
    ok(repo.path(), &["add", "-A"]);
    let (success, said) = git(repo.path(), &["commit", "-q", "-m", "自任"]);
    assert!(!success, "{said}");
    assert!(said.contains("error[E067]"), "{said}");
}

#[test]
fn an_amendment_then_edited_by_one_byte_is_stale() {
    let repo = Repo::example_in_git();
    repo.edit(
        "types/document.yaml",
        "label: {zh-Hant: 審批,",
        "label: {zh-Hant: 批示,",
    );
    let path = amend(
        &repo,
        "2026-document-label",
        &[("types/document.yaml", "rules", "", "")],
        "lin-wenhui",
        "secretary-general",
        "lin-wenhui",
    );
    // One byte more after the approval.
    repo.edit(
        "types/document.yaml",
        "label: {zh-Hant: 批示,",
        "label: {zh-Hant: 批示 ,",
    );
    ok(repo.path(), &["add", "-A"]);
    let line = first_line_of(&repo, &path, "digest: sha256:");
    refused_then_forced(&repo, "document label", "E066", &format!("{path}:{line}"));
    let found = since(&repo, "HEAD~1");
    assert!(
        found.contains(&("E066".into(), path.clone(), line)),
        "{found:?}"
    );
}

#[test]
fn an_amendment_cannot_approve_another_change() {
    let repo = Repo::example_in_git();
    let dir = repo.path();
    repo.edit(
        "types/document.yaml",
        "label: {zh-Hant: 審批,",
        "label: {zh-Hant: 批示,",
    );
    let path = amend(
        &repo,
        "2026-document-label",
        &[("types/document.yaml", "rules", "", "")],
        "lin-wenhui",
        "secretary-general",
        "lin-wenhui",
    );
    ok(dir, &["add", "-A"]);
    let (success, said) = git(dir, &["commit", "-q", "-m", "document label, approved"]);
    assert!(success, "{said}");
    // The approved amendment stays; a later change of the same file is not covered by it…
    repo.edit(
        "types/document.yaml",
        "label: {zh-Hant: 批示,",
        "label: {zh-Hant: 核示,",
    );
    ok(dir, &["add", "-A"]);
    refused_then_forced(&repo, "another label", "E065", "types/document.yaml");
    // …nor by a copy of it.
    let copy = "amendments/2026-copy.md";
    repo.write(copy, repo.read(&path));
    repo.edit(
        "types/document.yaml",
        "label: {zh-Hant: 核示,",
        "label: {zh-Hant: 准示,",
    );
    ok(dir, &["add", "-A"]);
    let line = first_line_of(&repo, copy, "digest: sha256:");
    refused_then_forced(
        &repo,
        "a copied amendment",
        "E066",
        &format!("{copy}:{line}"),
    );
}

#[test]
fn a_key_added_by_its_owner_signs_from_the_next_commit() {
    let repo = Repo::example_in_git();
    let dir = repo.path();
    let keys = Repo::empty();
    let (private, public) = new_key(keys.path(), "chen-2026");
    // 陳建國 adds a second key, approving it himself with the key he holds…
    repo.edit(
        "people/chen-jianguo.md",
        "keys:\n",
        &format!("keys:\n  - key: {public}\n    from: 2026-01-01\n"),
    );
    amend(
        &repo,
        "2026-chen-key",
        &[("people/chen-jianguo.md", "keys", "chen-jianguo", "")],
        "chen-jianguo",
        "owner",
        "chen-jianguo",
    );
    ok(dir, &["add", "-A"]);
    let (success, said) = git(dir, &["commit", "-q", "-m", "a new key for 陳建國"]);
    assert!(success, "{said}");
    // …and approves with it in the next commit.
    let (code, said) = clerk_in(
        dir,
        &[
            "sign",
            DOC,
            "--step",
            "approve",
            "--by",
            "chen-jianguo",
            "--date",
            common::TODAY,
            "--key",
            &private,
        ],
    );
    assert_eq!(code, 0, "{said}");
    // The approval completes `approved`: clerk sign moved the status there.
    assert!(repo.read(DOC).contains("status: approved"), "{said}");
    let (success, said) = git(dir, &["commit", "-q", "-am", "approve doc-005"]);
    assert!(success, "{said}");
    assert_eq!(since(&repo, "HEAD~2"), []);
}

#[test]
fn a_key_approved_by_someone_else_as_its_owner_is_refused() {
    let repo = Repo::example_in_git();
    let keys = Repo::empty();
    let (_, public) = new_key(keys.path(), "intruder");
    repo.edit(
        "people/chen-jianguo.md",
        "keys:\n",
        &format!("keys:\n  - key: {public}\n    from: 2026-01-01\n"),
    );
    // 王芳 signs as if she were the key's owner.
    let path = "amendments/2026-not-mine.md";
    repo.write(
        path,
        format!("---\ntype: amendment\ntitle: 他人金鑰\ndate: {}\nchanges:\n  - file: people/chen-jianguo.md\n    digest: {}\n    part: keys\n    person: chen-jianguo\nstatus: draft\n---\n修訂。\n", common::TODAY, digest_of(&repo, "people/chen-jianguo.md")),
    );
    let (code, said) = clerk_in(
        repo.path(),
        &[
            "sign",
            path,
            "--step",
            "approve",
            "--by",
            "wang-fang",
            "--role",
            "owner",
            "--key",
            repo.path()
                .join(".example-keys/wang-fang")
                .to_str()
                .unwrap(),
        ],
    );
    assert_ne!(code, 0, "clerk sign refuses her: {said}");
    ok(repo.path(), &["add", "-A"]);
    let (success, said) = git(repo.path(), &["commit", "-q", "-m", "not her key"]);
    assert!(!success && said.contains("error[E065]"), "{said}");
}

/// A generated history of the example: a key rotation approved by its owner and a role change
/// approved by the secretary-general. `clerk audit` shows both links, unbroken.
fn governed_history() -> Repo {
    let repo = Repo::example_in_git();
    let dir = repo.path();
    let keys = Repo::empty();
    let (_, public) = new_key(keys.path(), "chen-2027");
    repo.edit(
        "people/chen-jianguo.md",
        "keys:\n",
        &format!("keys:\n  - key: {public}\n    from: 2026-11-01\n"),
    );
    amend(
        &repo,
        "2026-chen-key",
        &[("people/chen-jianguo.md", "keys", "chen-jianguo", "")],
        "chen-jianguo",
        "owner",
        "chen-jianguo",
    );
    ok(dir, &["add", "-A"]);
    ok(dir, &["commit", "-q", "-m", "陳建國's new key"]);
    grant_a_role(&repo);
    amend(
        &repo,
        "2026-wang-fang-accountant",
        &[("people/wang-fang.md", "roles", "wang-fang", "accountant")],
        "lin-wenhui",
        "secretary-general",
        "lin-wenhui",
    );
    ok(dir, &["add", "-A"]);
    ok(dir, &["commit", "-q", "-m", "王芳 keeps the accounts too"]);
    repo
}

#[test]
fn audit_shows_an_unbroken_chain_of_governance() {
    let repo = governed_history();
    let (code, said) = clerk_in(repo.path(), &["audit", "--today", common::TODAY]);
    assert_eq!(code, 0, "{said}");
    for expected in [
        "chain of governance (2 change(s) to the rules, roles and keys):",
        "ok     ",
        "changes people/chen-jianguo.md (keys)",
        "approved amendments/2026-chen-key.md: approve by chen-jianguo (owner) on 2026-11-26, key SHA256:",
        "changes people/wang-fang.md (roles)",
        "approved amendments/2026-wang-fang-accountant.md: approve by lin-wenhui (secretary-general) on 2026-11-26, key SHA256:",
    ] {
        assert!(said.contains(expected), "`{expected}` not in:\n{said}");
    }
    assert!(!said.contains("BROKEN"), "{said}");
}

#[test]
fn audit_names_the_commit_that_breaks_the_chain() {
    let repo = governed_history();
    let dir = repo.path();
    // A role granted past the hook, with no amendment.
    repo.edit("people/cai-peiyu.md", "roles:\n", "roles:\n  - role: deputy-secretary-general\n    scope: [membership]\n    from: 2026-11-01\n");
    ok(
        dir,
        &["commit", "-q", "--no-verify", "-am", "a deputy, unapproved"],
    );
    let broken = common::git::head(dir);
    let (code, said) = clerk_in(dir, &["audit", "--today", common::TODAY]);
    assert_eq!(code, 1, "{said}");
    assert!(
        said.contains(&format!("BROKEN {} “a deputy, unapproved”", &broken[..7])),
        "{said}"
    );
    assert!(said.contains("error[E065]"), "{said}");
}

#[test]
fn a_pinned_root_refuses_another_history() {
    let repo = governed_history();
    let dir = repo.path();
    let root = ok(dir, &["rev-list", "--max-parents=0", "HEAD"])
        .trim()
        .to_string();
    let (code, said) = clerk_in(dir, &["audit", "--root", &root, "--today", common::TODAY]);
    assert_eq!(code, 0, "{said}");
    // The same files, committed as a history of their own, are not the association's.
    ok(dir, &["checkout", "-q", "--orphan", "rewritten"]);
    ok(dir, &["commit", "-q", "--no-verify", "-m", "rewritten"]);
    let (code, said) = clerk_in(dir, &["audit", "--root", &root, "--today", common::TODAY]);
    assert_eq!(code, 2, "{said}");
    assert!(
        said.contains(&format!("not at {root}, the root the association pinned")),
        "{said}"
    );
    let (code, said) = clerk_in(dir, &["check", "--since", "HEAD", "--root", &root]);
    assert_eq!(code, 2, "{said}");
}

#[test]
fn a_deputy_is_appointed_by_a_council_resolution() {
    let repo = Repo::example_in_git();
    let dir = repo.path();
    repo.edit(
        "people/cai-peiyu.md",
        "roles:\n",
        "roles:\n  - role: deputy-secretary-general\n    scope: [membership]\n    from: 2026-11-01\n",
    );
    // The secretary-general alone cannot appoint a deputy…
    let path = amend(
        &repo,
        "2026-deputy",
        &[(
            "people/cai-peiyu.md",
            "roles",
            "cai-peiyu",
            "deputy-secretary-general",
        )],
        "lin-wenhui",
        "secretary-general",
        "lin-wenhui",
    );
    ok(dir, &["add", "-A"]);
    let (success, said) = git(dir, &["commit", "-q", "-m", "a deputy"]);
    assert!(
        !success && said.contains("error[E067]") && said.contains(&path),
        "{said}"
    );
    assert!(
        said.contains("council"),
        "the finding says a council resolution is needed:\n{said}"
    );
    // …the amendment that cites the council's resolution passes.
    std::fs::remove_file(dir.join(&path)).unwrap();
    let path = amend(
        &repo,
        "2026-deputy",
        &[(
            "people/cai-peiyu.md",
            "roles",
            "cai-peiyu",
            "deputy-secretary-general",
        )],
        "lin-wenhui",
        "secretary-general",
        "lin-wenhui",
    );
    repo.edit(
        &path,
        "status: approved",
        "council_resolution: 2026-council-01#R2\nstatus: approved",
    );
    // The citation is part of what the approval signed: sign again.
    repo.edit(&path, "status: approved", "status: draft");
    let text = repo.read(&path);
    let start = text.find("approvals:").unwrap();
    let end = text.find("council_resolution:").unwrap();
    repo.write(&path, format!("{}{}", &text[..start], &text[end..]));
    let key = dir.join(".example-keys/lin-wenhui");
    let (code, said) = clerk_in(
        dir,
        &[
            "sign",
            &path,
            "--step",
            "approve",
            "--by",
            "lin-wenhui",
            "--role",
            "secretary-general",
            "--date",
            common::TODAY,
            "--key",
            key.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 0, "{said}");
    // With the resolution cited, the approval completes `approved`: clerk sign moved it there.
    assert!(repo.read(&path).contains("status: approved"), "{said}");
    ok(dir, &["add", "-A"]);
    let (success, said) = git(
        dir,
        &[
            "commit",
            "-q",
            "-m",
            "a deputy, by the council's resolution",
        ],
    );
    assert!(success, "{said}");
}
