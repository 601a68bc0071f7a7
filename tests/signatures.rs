//! Approval signatures: interop with the real `ssh-keygen` in both directions, and every attack
//! refused with its own code.

use crate::common;

use std::path::Path;
use std::process::{Command, Stdio};

use common::{assert_findings, clerk, Repo};

/// The example key of `person` (lin-wenhui's from before 2026 is `lin-wenhui-2023`).
fn key(repo: &Repo, name: &str) -> String {
    repo.path()
        .join(".example-keys")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

/// `clerk sign FILE --step STEP --by BY --date DATE --key KEY` in the repository.
fn sign(repo: &Repo, file: &str, step: &str, by: &str, date: &str, key: &str) -> common::Outcome {
    run(
        repo,
        &[
            "sign", file, "--step", step, "--by", by, "--date", date, "--key", key,
        ],
    )
}

/// Runs clerk with `args` (the repository is not appended).
fn run(repo: &Repo, args: &[&str]) -> common::Outcome {
    clerk(args).dir(repo.path()).run()
}

fn ssh_keygen(args: &[&str], stdin: &str) -> (bool, String) {
    let mut child = Command::new("ssh-keygen")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("ssh-keygen is installed");
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.success(),
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
    )
}

/// The signature block of the approval `step` in a record's text.
fn signature_of(text: &str, step: &str) -> String {
    let start = text
        .find(&format!("- step: {step}\n"))
        .expect("approval present");
    let rest = &text[start..];
    let begin = rest.find("-----BEGIN SSH SIGNATURE-----").unwrap();
    let end =
        rest.find("-----END SSH SIGNATURE-----").unwrap() + "-----END SSH SIGNATURE-----".len();
    rest[begin..end]
        .lines()
        .map(str::trim)
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

const DOC: &str = "documents/2026-doc-005.md"; // reviewed, awaiting the `approve` approval

#[test]
fn clerk_sign_verifies_with_ssh_keygen_alone() {
    let repo = Repo::example();
    let out = sign(
        &repo,
        DOC,
        "approve",
        "lin-wenhui",
        "2026-10-20",
        &key(&repo, "lin-wenhui"),
    );
    assert_eq!(out.status, 0, "{}", out.stderr);
    assert_findings(&repo.check(), &[]);

    let payload = run(
        &repo,
        &[
            "digest",
            DOC,
            "--step",
            "approve",
            "--by",
            "lin-wenhui",
            "--date",
            "2026-10-20",
        ],
    )
    .stdout;
    assert!(payload.starts_with("clerk approval v1\nrecord: 2026-doc-005\nstep: approve\nrole: secretary-general\nby: lin-wenhui\ndate: 2026-10-20\ndigest: sha256:"), "{payload}");
    let allowed = run(&repo, &["keys", "--allowed-signers"]).stdout;
    assert!(allowed.contains("lin-wenhui namespaces=\"clerk-approval\",valid-after=\"20230901\",valid-before=\"20260101\" ssh-ed25519 "), "{allowed}");
    std::fs::write(repo.path().join("allowed_signers"), &allowed).unwrap();
    std::fs::write(
        repo.path().join("sig"),
        signature_of(&repo.read(DOC), "approve"),
    )
    .unwrap();
    let verify = |principal: &str, time: &str, payload: &str| {
        let allowed = repo.path().join("allowed_signers");
        let sig = repo.path().join("sig");
        ssh_keygen(
            &[
                "-Y",
                "verify",
                "-f",
                allowed.to_str().unwrap(),
                "-I",
                principal,
                "-n",
                "clerk-approval",
                "-s",
                sig.to_str().unwrap(),
                &format!("-Overify-time={time}"),
            ],
            payload,
        )
    };
    let (ok, said) = verify("lin-wenhui", "20261020", &payload);
    assert!(ok, "ssh-keygen refused: {said}");
    // ssh-keygen refuses it for another person, another date's payload, or outside the key's dates.
    assert!(!verify("chen-jianguo", "20261020", &payload).0);
    assert!(
        !verify(
            "lin-wenhui",
            "20261020",
            &payload.replace("2026-10-20", "2026-10-21")
        )
        .0
    );
    assert!(
        !verify("lin-wenhui", "20251020", &payload).0,
        "her 2026 key was not valid in 2025"
    );
}

#[test]
fn ssh_keygen_signature_over_clerk_digest_verifies_in_clerk() {
    let repo = Repo::example();
    let payload = run(
        &repo,
        &[
            "digest",
            DOC,
            "--step",
            "approve",
            "--by",
            "lin-wenhui",
            "--date",
            "2026-10-20",
        ],
    )
    .stdout;
    let (ok, sig) = ssh_keygen(
        &[
            "-Y",
            "sign",
            "-q",
            "-n",
            "clerk-approval",
            "-f",
            &key(&repo, "lin-wenhui"),
        ],
        &payload,
    );
    assert!(ok, "{sig}");
    let digest = payload
        .lines()
        .find_map(|l| l.strip_prefix("digest: "))
        .unwrap();
    let indented: String = sig.trim().lines().map(|l| format!("      {l}\n")).collect();
    let entry = format!("  - step: approve\n    by: lin-wenhui\n    role: secretary-general\n    date: 2026-10-20\n    digest: {digest}\n    signature: |\n{indented}");
    repo.edit(
        DOC,
        "status: reviewed",
        &format!("{}status: reviewed", entry),
    );
    // The entry lands after the existing review approval, inside `approvals:`.
    assert_findings(&repo.check(), &[]);
}

#[test]
fn clerk_sign_changes_only_the_approval_lines() {
    let repo = Repo::example();
    let odd = "---\r\n# 草稿 — keep this comment\r\ntype: document\r\ntitle:   \"關於 會員服務的請示\"   # and this one\r\nkind: 請示\r\ndepartment: 'membership'\r\ndrafted_by: cai-peiyu\r\ndate: 2026-10-12\r\napprovals:\r\n\r\n    - step: review     # indented by four\r\n      by: li-zhiqiang\r\n      role: department-head\r\n      date: 2026-10-15\r\n\r\n# closing remarks\r\nstatus: reviewed\r\n---\r\n\r\n正文  with trailing spaces   \r\n\r\n";
    repo.write(DOC, odd);
    let out = sign(
        &repo,
        DOC,
        "review",
        "li-zhiqiang",
        "2026-10-15",
        &key(&repo, "li-zhiqiang"),
    );
    assert_eq!(out.status, 0, "{}", out.stderr);
    let after = repo.read(DOC);
    // Everything before the signed entry and after it is byte-for-byte the same.
    let head = "---\r\n# 草稿 — keep this comment\r\ntype: document\r\ntitle:   \"關於 會員服務的請示\"   # and this one\r\nkind: 請示\r\ndepartment: 'membership'\r\ndrafted_by: cai-peiyu\r\ndate: 2026-10-12\r\napprovals:\r\n\r\n";
    let tail = "\r\n# closing remarks\r\nstatus: reviewed\r\n---\r\n\r\n正文  with trailing spaces   \r\n\r\n";
    assert!(after.starts_with(head), "{after:?}");
    assert!(after.ends_with(tail), "{after:?}");
    let middle = &after[head.len()..after.len() - tail.len()];
    assert!(middle.starts_with("    - step: review\r\n      by: li-zhiqiang\r\n      role: department-head\r\n      date: 2026-10-15\r\n      digest: sha256:"), "{middle:?}");
    assert!(
        middle.contains("      signature: |\r\n        -----BEGIN SSH SIGNATURE-----\r\n"),
        "{middle:?}"
    );
    assert!(
        !middle.replace("\r\n", "").contains('\n'),
        "line endings kept"
    );
    assert_findings(&repo.check(), &[]);
}

#[test]
fn a_key_file_others_can_read_still_signs_with_a_warning() {
    let repo = Repo::example();
    let key = repo.path().join(".example-keys/lin-wenhui");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o644)).unwrap();
    }
    let out = sign(
        &repo,
        DOC,
        "approve",
        "lin-wenhui",
        "2026-10-20",
        key.to_str().unwrap(),
    );
    assert_eq!(out.status, 0, "{}", out.stderr);
    assert!(out.stderr.contains("chmod 600"), "{}", out.stderr);
    assert_findings(&repo.check(), &[]);
}

#[test]
fn sign_refuses_someone_without_authority_and_a_wrong_key() {
    let repo = Repo::example();
    let before = repo.read(DOC);
    let out = sign(
        &repo,
        DOC,
        "approve",
        "zhou-meiling",
        "2026-10-20",
        &key(&repo, "zhou-meiling"),
    );
    assert_eq!(out.status, 2);
    assert!(
        out.stderr.contains("may not give `approve`"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("chen-jianguo"),
        "says who could: {}",
        out.stderr
    );
    let out = sign(
        &repo,
        DOC,
        "approve",
        "lin-wenhui",
        "2026-10-20",
        &key(&repo, "wang-fang"),
    );
    assert_eq!(out.status, 2);
    assert!(
        out.stderr.contains("is not one of lin-wenhui's keys"),
        "{}",
        out.stderr
    );
    assert_eq!(repo.read(DOC), before, "nothing written");
}

/// Replaces the first approval of `rel` with the first approval of `from` (a copied signature).
fn transplant(repo: &Repo, rel: &str, from: &str) {
    let source = repo.read(from);
    let sig = signature_of(&source, "review");
    let target = repo.read(rel);
    let old = signature_of(&target, "review");
    let indent = |s: &str| {
        s.lines()
            .map(|l| format!("      {l}"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    repo.edit(rel, &indent(&old), &indent(&sig));
}

#[test]
fn attacks_are_refused_each_with_its_code() {
    // A signature copied from another record (same step, same person, same role).
    let repo = Repo::example();
    transplant(
        &repo,
        "documents/2026-doc-004.md",
        "documents/2026-doc-001.md",
    );
    assert_findings(&repo.check(), &[("E054", "documents/2026-doc-004.md", 16)]);

    // The same signature moved to another date, role or step of the same record.
    let repo = Repo::example();
    repo.edit(
        "documents/2026-doc-004.md",
        "date: 2026-09-28",
        "date: 2026-09-27",
    );
    assert_findings(&repo.check(), &[("E054", "documents/2026-doc-004.md", 16)]);
    let repo = Repo::example();
    repo.edit(
        "finance/expenses/exp-2026-002.md",
        "  - step: review\n    by: zhang-yating\n    role: department-head",
        "  - step: approve\n    by: zhang-yating\n    role: department-head",
    );
    let out = repo.check();
    assert!(
        out.findings()
            .iter()
            .any(|f| f.code == "E054" && f.line == 19),
        "{}",
        out.stdout
    );

    // A body edit after approval: stale, and it says so.
    let repo = Repo::example();
    repo.edit(
        "leave/leave-2026-030.md",
        "緊急事項電話聯繫",
        "緊急事項以電郵聯繫",
    );
    let out = repo.check();
    assert_findings(&out, &[("E055", "leave/leave-2026-030.md", 17)]);
    assert!(out
        .message("E055", "leave/leave-2026-030.md")
        .contains("changed after `lin-wenhui` approved it on 2026-11-02"));

    // A forged signature: valid armour, wrong bytes.
    let repo = Repo::example();
    let text = repo.read("leave/leave-2026-030.md");
    let sig = signature_of(&text, "approve");
    let line = sig.lines().nth(3).unwrap();
    let forged: String = line.chars().rev().collect();
    repo.edit("leave/leave-2026-030.md", line, &forged);
    let out = repo.check();
    assert!(
        out.findings()
            .iter()
            .all(|f| f.path == "leave/leave-2026-030.md" && f.line == 17),
        "{}",
        out.stdout
    );
    assert!(!out.findings().is_empty());

    // Signed with another person's key.
    let repo = Repo::example();
    let payload = run(
        &repo,
        &[
            "digest",
            "leave/leave-2026-030.md",
            "--step",
            "approve",
            "--by",
            "lin-wenhui",
            "--date",
            "2026-11-02",
        ],
    )
    .stdout;
    let (_, theirs) = ssh_keygen(
        &[
            "-Y",
            "sign",
            "-q",
            "-n",
            "clerk-approval",
            "-f",
            &key(&repo, "chen-jianguo"),
        ],
        &payload,
    );
    let ours = signature_of(&repo.read("leave/leave-2026-030.md"), "approve");
    let indent = |s: &str| {
        s.trim()
            .lines()
            .map(|l| format!("      {l}"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    repo.edit("leave/leave-2026-030.md", &indent(&ours), &indent(&theirs));
    let out = repo.check();
    assert_findings(&out, &[("E053", "leave/leave-2026-030.md", 17)]);
    assert!(out
        .message("E053", "leave/leave-2026-030.md")
        .contains("the key of `chen-jianguo`"));

    // A key nobody lists.
    let repo = Repo::example();
    let stranger = repo.path().join("stranger");
    assert!(Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-f"])
        .arg(&stranger)
        .status()
        .unwrap()
        .success());
    let (_, unknown) = ssh_keygen(
        &[
            "-Y",
            "sign",
            "-q",
            "-n",
            "clerk-approval",
            "-f",
            stranger.to_str().unwrap(),
        ],
        &payload,
    );
    repo.edit("leave/leave-2026-030.md", &indent(&ours), &indent(&unknown));
    assert_findings(&repo.check(), &[("E052", "leave/leave-2026-030.md", 17)]);

    // An expired key: lin-wenhui's 2023 key signing in 2026 (backdating the key's use).
    let repo = Repo::example();
    let (_, old) = ssh_keygen(
        &[
            "-Y",
            "sign",
            "-q",
            "-n",
            "clerk-approval",
            "-f",
            &key(&repo, "lin-wenhui-2023"),
        ],
        &payload,
    );
    repo.edit("leave/leave-2026-030.md", &indent(&ours), &indent(&old));
    let out = repo.check();
    assert_findings(&out, &[("E056", "leave/leave-2026-030.md", 17)]);
    assert!(out
        .message("E056", "leave/leave-2026-030.md")
        .contains("valid 2023-09-01 to 2025-12-31"));

    // An unknown person, a missing and a malformed signature.
    let repo = Repo::example();
    repo.edit(
        "leave/leave-2026-030.md",
        "by: lin-wenhui",
        "by: lin-wen-hui",
    );
    let out = repo.check();
    assert_findings(
        &out,
        &[
            ("E017", "leave/leave-2026-030.md", 13),
            ("E053", "leave/leave-2026-030.md", 17),
        ],
    );
    let repo = Repo::example();
    repo.edit("leave/leave-2026-030.md", &indent(&ours), "      -----BEGIN SSH SIGNATURE-----\n      bm90IGEgc2lnbmF0dXJl\n      -----END SSH SIGNATURE-----");
    assert_findings(&repo.check(), &[("E051", "leave/leave-2026-030.md", 17)]);
    let repo = Repo::example();
    let text = repo.read("leave/leave-2026-030.md");
    let start = text.find("    digest:").unwrap();
    let end =
        text.find("-----END SSH SIGNATURE-----\n").unwrap() + "-----END SSH SIGNATURE-----\n".len();
    repo.write(
        "leave/leave-2026-030.md",
        format!("{}{}", &text[..start], &text[end..]),
    );
    assert_findings(&repo.check(), &[("E050", "leave/leave-2026-030.md", 12)]);
}

#[test]
fn managed_fields_and_reformatting_do_not_make_approvals_stale() {
    // Issuing doc-004 adds its number, date, state and circulation: approvals stay valid.
    let repo = Repo::example();
    repo.edit(
        "documents/2026-doc-004.md",
        "status: approved\n",
        "status: issued\nnumber: 協秘〔2026〕4號\nissued_on: 2026-10-02\ncirculation:\n  - person: lin-wenhui\n    read_on: 2026-10-03\n",
    );
    assert_findings(&repo.check(), &[]);

    // Reordering keys, re-quoting values and CRLF line endings: still valid.
    let repo = Repo::example();
    let text = repo.read("leave/leave-2026-030.md");
    let text = text
        .replace("kind: 年假\n", "")
        .replace(
            "title: 王芳年假五天\n",
            "title: \"王芳年假五天\"\nkind: '年假'\n",
        )
        .replace('\n', "\r\n");
    repo.write("leave/leave-2026-030.md", text);
    assert_findings(&repo.check(), &[]);
}

#[test]
fn ecdsa_and_rsa_keys_sign_and_verify() {
    for (algorithm, bits) in [("ecdsa", "256"), ("rsa", "3072")] {
        let repo = Repo::example();
        let path = repo.path().join(format!("id_{algorithm}"));
        let made = Command::new("ssh-keygen")
            .args(["-q", "-t", algorithm, "-b", bits, "-N", "", "-f"])
            .arg(&path)
            .status()
            .unwrap();
        assert!(made.success());
        let public = std::fs::read_to_string(path.with_extension("pub")).unwrap();
        repo.edit(
            "people/lin-wenhui.md",
            "    from: 2026-01-01\n",
            &format!(
                "    from: 2026-01-01\n  - key: {}\n    from: 2026-01-01\n",
                public.trim()
            ),
        );
        let out = sign(
            &repo,
            DOC,
            "approve",
            "lin-wenhui",
            "2026-10-20",
            path.to_str().unwrap(),
        );
        assert_eq!(out.status, 0, "{algorithm}: {}", out.stderr);
        assert_findings(&repo.check(), &[]);
        // And a one-character change to the body makes it stale.
        repo.edit(DOC, "妥否", "是否");
        assert!(
            repo.check().findings().iter().any(|f| f.code == "E055"),
            "{algorithm}"
        );
    }
}

#[test]
fn keys_file_lists_every_key_with_its_window() {
    let dir = common::crate_dir().join("records-example");
    let out = clerk(&["keys", "--allowed-signers"]).arg(&dir).run();
    assert_eq!(out.status, 0, "{}", out.stderr);
    let lines: Vec<&str> = out.stdout.lines().filter(|l| !l.starts_with('#')).collect();
    assert_eq!(lines.len(), 12, "{}", out.stdout); // eleven staff, one with a rotated key
    assert!(lines.iter().any(|l| l.starts_with("song-yiting namespaces=\"clerk-approval\",valid-after=\"20240101\",valid-before=\"20260401\" ssh-ed25519 ")), "{}", out.stdout);
    assert!(Path::new(&dir).join(".example-keys/README.md").exists());
}

#[test]
fn the_cache_of_verified_signatures_never_accepts_what_changed() {
    let repo = Repo::example();
    common::git::ok(repo.path(), &["init", "-q"]);
    assert_eq!(repo.check().findings(), vec![]);
    // Every signature that verified is remembered: one 32-byte entry each.
    let cache = repo.path().join(".git/clerk/verified-signatures");
    let signatures = walkdir::WalkDir::new(repo.path())
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
        .filter(|e| !e.path().to_string_lossy().contains("/.git/"))
        .map(|e| {
            std::fs::read_to_string(e.path())
                .unwrap()
                .matches("-----BEGIN SSH SIGNATURE-----")
                .count()
        })
        .sum::<usize>();
    assert_eq!(
        std::fs::metadata(&cache).unwrap().len(),
        32 * signatures as u64
    );
    assert_eq!(repo.check().findings(), vec![], "a cached run agrees");

    // With the cache full, a copied signature, a moved date and a body edit are still caught.
    transplant(
        &repo,
        "documents/2026-doc-004.md",
        "documents/2026-doc-001.md",
    );
    repo.edit(
        "leave/leave-2026-030.md",
        "緊急事項電話聯繫",
        "緊急事項以電郵聯繫",
    );
    let out = repo.check();
    assert_findings(
        &out,
        &[
            ("E054", "documents/2026-doc-004.md", 16),
            ("E055", "leave/leave-2026-030.md", 17),
        ],
    );
    // A cache file someone filled with garbage only costs time.
    std::fs::write(&cache, vec![7u8; 32 * 100]).unwrap();
    assert_findings(
        &repo.check(),
        &[
            ("E054", "documents/2026-doc-004.md", 16),
            ("E055", "leave/leave-2026-030.md", 17),
        ],
    );
}

/// Following E055's hint — sign again — clears it: `clerk sign` replaces that person's earlier
/// approval of the step instead of adding a second.
#[test]
fn signing_again_after_a_change_replaces_the_stale_approval() {
    let repo = Repo::example();
    repo.edit(DOC, "妥否，請批示。", "妥否，請批示。（已修訂）");
    let stale = repo.check();
    let findings = stale.findings();
    assert_eq!(
        findings.iter().map(|f| f.code.as_str()).collect::<Vec<_>>(),
        ["E055"],
        "{findings:?}"
    );
    let out = sign(
        &repo,
        DOC,
        "review",
        "li-zhiqiang",
        "2026-10-15",
        &key(&repo, "li-zhiqiang"),
    );
    assert_eq!(out.status, 0, "{}", out.said());
    assert!(
        out.stdout.contains("in place of the earlier one"),
        "{}",
        out.stdout
    );
    assert_eq!(repo.read(DOC).matches("- step: review").count(), 1);
    assert_findings(&repo.check(), &[]);
}

/// The same approval given twice is E049 at the repeat; an approval dated after today is E069,
/// and `clerk sign` refuses such a date; a document is not issued before its approval.
#[test]
fn approvals_twice_or_out_of_date_order_are_refused() {
    let repo = Repo::example();
    let text = repo.read(DOC);
    let start = text.find("  - step: review").unwrap();
    let end = text.find("status: reviewed").unwrap();
    let entry = &text[start..end];
    repo.edit(DOC, "status: reviewed", &format!("{entry}status: reviewed"));
    let line = repo.read(DOC)[..start + entry.len()].lines().count() + 1;
    assert_findings(&repo.check(), &[("E049", DOC, line)]);
    repo.write(DOC, &text);

    let out = sign(
        &repo,
        DOC,
        "approve",
        "chen-jianguo",
        "2031-01-01",
        &key(&repo, "chen-jianguo"),
    );
    assert_ne!(out.status, 0, "{}", out.said());
    assert!(
        out.said().contains("2031-01-01 is after today"),
        "{}",
        out.said()
    );
    assert_eq!(repo.read(DOC), text, "nothing written");
    repo.edit(DOC, "    date: 2026-10-15", "    date: 2031-01-01");
    let out = repo.check();
    let codes: Vec<String> = out.findings().into_iter().map(|f| f.code).collect();
    assert!(codes.contains(&"E069".to_string()), "{codes:?}");
    repo.write(DOC, &text);

    // 2026-doc-004 was approved on 2026-09-30: it cannot be issued on the 29th.
    let doc = "documents/2026-doc-004.md";
    let out = run(&repo, &["issue", doc, "--date", "2026-09-29"]);
    assert_ne!(out.status, 0, "{}", out.said());
    assert!(
        out.said().contains("E069") && out.said().contains("before the `approve` approval"),
        "{}",
        out.said()
    );
    let out = run(&repo, &["issue", doc, "--date", "2026-10-01"]);
    assert_eq!(out.status, 0, "{}", out.said());
}

/// The id is not part of the content digest (the payload binds it): a signed record renamed,
/// keeping its id with `id:`, keeps its approvals.
#[test]
fn a_renamed_record_that_keeps_its_id_keeps_its_approvals() {
    let repo = Repo::example();
    let text = repo.read(DOC);
    std::fs::remove_file(repo.path().join(DOC)).unwrap();
    repo.write(
        "documents/doc-renamed.md",
        text.replacen("type: document\n", "type: document\nid: 2026-doc-005\n", 1),
    );
    assert_findings(&repo.check(), &[]);
}

/// An approval signed before the id was left out — over a digest that covered a written `id:`
/// — still verifies.
#[test]
fn an_approval_signed_over_the_earlier_digest_still_verifies() {
    let repo = Repo::example();
    repo.edit(
        DOC,
        "type: document\n",
        "type: document\nid: 2026-doc-005\n",
    );
    let (loaded, _) = clerk::model::repo::Repository::load(repo.path()).unwrap();
    let record = loaded.records.iter().find(|r| r.path == DOC).unwrap();
    let earlier = clerk::model::digest::content_digest_with_id(
        loaded.type_of(record),
        record,
        loaded.text_of(record),
    )
    .expect("the record writes its id");
    let now = clerk::model::digest::content_digest(
        loaded.type_of(record),
        record,
        loaded.text_of(record),
    );
    assert_ne!(earlier, now);
    let payload = clerk::model::digest::Payload {
        record: "2026-doc-005".into(),
        step: "approve".into(),
        role: "deputy-secretary-general".into(),
        by: "chen-jianguo".into(),
        date: common::TODAY.into(),
        digest: earlier.clone(),
    };
    let (ok, sig) = ssh_keygen(
        &[
            "-Y",
            "sign",
            "-q",
            "-n",
            "clerk-approval",
            "-f",
            &key(&repo, "chen-jianguo"),
        ],
        &payload.text(),
    );
    assert!(ok, "{sig}");
    let block: String = sig.trim().lines().map(|l| format!("      {l}\n")).collect();
    repo.edit(
        DOC,
        "status: reviewed",
        &format!(
            "  - step: approve\n    by: chen-jianguo\n    role: deputy-secretary-general\n    date: {}\n    digest: {earlier}\n    signature: |\n{block}status: approved",
            common::TODAY
        ),
    );
    assert_findings(&repo.check(), &[]);
}
