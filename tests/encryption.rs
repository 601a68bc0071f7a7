//! Records encrypted at rest: real SSH keys from ssh-keygen (ed25519 and RSA), real age files,
//! a real git commit through the installed hook.

use crate::common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::Repo;

/// Clerk in `dir` with `args`, with a home folder that holds no SSH keys.
fn clerk_in(dir: &Path, args: &[&str]) -> common::Clerk {
    let home = dir.join(".no-home");
    std::fs::create_dir_all(&home).unwrap();
    common::clerk(args).dir(dir).home(&home)
}

/// Runs clerk in `dir` with `args`, with a home folder that holds no SSH keys.
fn run(dir: &Path, args: &[&str]) -> common::Outcome {
    clerk_in(dir, args).run()
}

#[track_caller]
fn ok(out: common::Outcome) -> common::Outcome {
    out.success()
}

/// Error and warning codes of `clerk check --format json`, with the paths.
fn codes(dir: &Path, identity: Option<&Path>) -> (Vec<(String, String)>, String) {
    let mut args = vec!["check", "--format", "json", "--today", common::TODAY];
    let id;
    if let Some(p) = identity {
        id = p.to_str().unwrap().to_string();
        args.extend(["--identity", id.as_str()]);
    }
    let out = clerk_in(dir, &args).run_json();
    let mut found: Vec<(String, String)> = out
        .diagnostics()
        .into_iter()
        .map(|f| (f.code, f.path))
        .collect();
    found.sort();
    let unread = out.json["summary"]["encrypted_unread"]
        .as_u64()
        .unwrap_or(0);
    (found, format!("{unread} encrypted record(s) not read"))
}

fn keygen(dir: &Path, name: &str, kind: &str) -> (PathBuf, String) {
    let path = dir.join(name);
    let mut cmd = Command::new("ssh-keygen");
    cmd.args(["-q", "-t", kind, "-N", "", "-C", name, "-f"])
        .arg(&path);
    if kind == "rsa" {
        cmd.args(["-b", "2048"]);
    }
    assert!(cmd.status().unwrap().success());
    let public = std::fs::read_to_string(path.with_extension("pub")).unwrap();
    (path, public.trim().to_string())
}

/// The example, with two more staff members (ed25519 and RSA keys) as the only readers of
/// confidential records.
fn example_with_readers() -> (Repo, PathBuf, PathBuf) {
    let repo = Repo::example();
    let keys = repo.path().join(".test-keys");
    std::fs::create_dir_all(&keys).unwrap();
    let (alice, alice_pub) = keygen(&keys, "alice", "ed25519");
    let (bob, bob_pub) = keygen(&keys, "bob", "rsa");
    for (id, name, key) in [("alice", "艾莉", &alice_pub), ("bob", "鮑伯", &bob_pub)] {
        repo.write(
            &format!("people/{id}.md"),
            format!("---\ntype: person\ntitle: {name}\nname: {name}\nkind: staff\ndepartment: general\njoined: 2024-01-01\nkeys:\n  - key: {key}\n    from: 2024-01-01\n---\n"),
        );
    }
    let config = repo.read("clerk.yaml");
    let start = config.find("encryption:\n").unwrap();
    let end = config[start..].find("\n\n").unwrap() + start;
    repo.write(
        "clerk.yaml",
        format!(
            "{}encryption:\n  readers:\n    - {{classification: confidential, people: [alice, bob]}}\n  required: []{}",
            &config[..start],
            &config[end..]
        ),
    );
    (repo, alice, bob)
}

#[test]
fn round_trip_with_ed25519_and_rsa_keys_keeps_approvals_valid() {
    let (repo, alice, bob) = example_with_readers();
    let original = repo.read("members/m-2024-001.md");
    let out = ok(run(
        repo.path(),
        &["encrypt", "members/m-2024-001.md", "--date", common::TODAY],
    ));
    assert!(
        out.stdout.contains("readable by alice, bob"),
        "{}",
        out.stdout
    );
    assert!(
        !repo.path().join("members/m-2024-001.md").exists(),
        "no plain text left"
    );
    let sealed = std::fs::read(repo.path().join("members/m-2024-001.md.age")).unwrap();
    assert!(sealed.starts_with(b"age-encryption.org/v1\n"));
    assert!(!String::from_utf8_lossy(&sealed).contains("陳淑芬"));
    assert!(
        !walkdir::WalkDir::new(repo.path())
            .into_iter()
            .filter_map(Result::ok)
            .any(|e| {
                let name = e.file_name().to_string_lossy();
                name.starts_with(".clerk-") && name.ends_with(".tmp")
            }),
        "no temporary file left"
    );

    // Without a key: everything else is checked, references to it are not broken, and clerk
    // says what it could not read.
    let (found, stderr) = codes(repo.path(), None);
    assert!(
        found.iter().all(|(c, _)| c.starts_with('W')),
        "no errors without the key: {found:?}"
    );
    assert!(
        stderr.contains("2 encrypted record(s) not read"),
        "{stderr}"
    );

    // With either key it is read, and its signed approvals still verify (they cover the
    // plain content).
    for key in [&alice, &bob] {
        let (found, stderr) = codes(repo.path(), Some(key));
        assert!(
            !found
                .iter()
                .any(|(c, p)| c.starts_with('E') || p.starts_with("members/m-2024-001")),
            "{found:?}"
        );
        assert!(
            stderr.contains("1 encrypted record(s) not read"),
            "only the example's own: {stderr}"
        );
    }

    // Decrypted with the RSA key: byte for byte what it was.
    let bob_arg = bob.to_str().unwrap().to_string();
    ok(run(
        repo.path(),
        &[
            "decrypt",
            "members/m-2024-001.md.age",
            "--identity",
            &bob_arg,
        ],
    ));
    assert_eq!(repo.read("members/m-2024-001.md"), original);
    assert!(!repo.path().join("members/m-2024-001.md.age").exists());
}

#[test]
fn a_reader_removed_by_configuration_cannot_decrypt_after_reencrypt() {
    let (repo, alice, bob) = example_with_readers();
    ok(run(
        repo.path(),
        &["encrypt", "members/m-2024-001.md", "--date", common::TODAY],
    ));
    let alice_arg = alice.to_str().unwrap().to_string();
    let bob_arg = bob.to_str().unwrap().to_string();
    // Bob leaves: only alice may read confidential records now.
    repo.edit("clerk.yaml", "people: [alice, bob]", "people: [alice]");
    let (found, _) = codes(repo.path(), Some(&alice));
    assert!(
        found.contains(&("W072".to_string(), "members/m-2024-001.md.age".to_string())),
        "check warns that bob can still open it: {found:?}"
    );
    // Without a key that opens it, reencrypt cannot help and says so.
    let out = run(repo.path(), &["reencrypt", "--date", common::TODAY]);
    assert_eq!(out.status, 1, "{}{}", out.stdout, out.stderr);
    let before = std::fs::read(repo.path().join("members/m-2024-001.md.age")).unwrap();
    let out = run(
        repo.path(),
        &[
            "reencrypt",
            "--date",
            common::TODAY,
            "--identity",
            &alice_arg,
        ],
    );
    assert!(
        out.stdout
            .contains("members/m-2024-001.md.age: readable by alice"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("1 encrypted record(s) re-encrypted"),
        "{}",
        out.stdout
    );
    assert_ne!(
        std::fs::read(repo.path().join("members/m-2024-001.md.age")).unwrap(),
        before
    );
    // Bob's key no longer opens it; alice's does; the warning is gone.
    let out = run(
        repo.path(),
        &[
            "decrypt",
            "members/m-2024-001.md.age",
            "--identity",
            &bob_arg,
        ],
    );
    assert_eq!(out.status, 2);
    assert!(
        out.stderr.contains("none of the keys given can decrypt it"),
        "{}",
        out.stderr
    );
    let (found, _) = codes(repo.path(), Some(&alice));
    assert!(
        !found.iter().any(|(c, _)| c == "W072" || c == "W073"),
        "{found:?}"
    );
    // Nothing changed since: a second run touches no file.
    let settled = std::fs::read(repo.path().join("members/m-2024-001.md.age")).unwrap();
    // (It exits 1: the example's own encrypted record is not alice's to open.)
    let out = run(
        repo.path(),
        &[
            "reencrypt",
            "--date",
            common::TODAY,
            "--identity",
            &alice_arg,
        ],
    );
    assert_eq!(out.status, 1);
    assert!(
        out.stdout.contains("0 encrypted record(s) re-encrypted"),
        "{}",
        out.stdout
    );
    assert_eq!(
        std::fs::read(repo.path().join("members/m-2024-001.md.age")).unwrap(),
        settled
    );
}

#[test]
fn builds_need_no_key_and_never_show_encrypted_content() {
    let repo = Repo::example();
    let marker = "會員投訴";
    let lin = repo.path().join(".example-keys/lin-wenhui");
    for (audience, identity) in [
        ("public", None),
        ("confidential", None),
        ("public", Some(&lin)),
    ] {
        let out_dir = repo
            .path()
            .join(format!(".site-{audience}-{}", identity.is_some()));
        let mut args = vec![
            "build".to_string(),
            "--audience".into(),
            audience.into(),
            "-o".into(),
            out_dir.to_str().unwrap().into(),
            "--today".into(),
            common::TODAY.into(),
        ];
        if let Some(key) = identity {
            args.extend(["--identity".into(), key.to_str().unwrap().into()]);
        }
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = ok(run(repo.path(), &args));
        if identity.is_none() {
            assert!(
                out.stderr.contains("note: 1 encrypted record(s) not read"),
                "says what it could not read: {}",
                out.stderr
            );
        }
        let mut files = 0;
        for entry in walkdir::WalkDir::new(&out_dir)
            .into_iter()
            .filter_map(Result::ok)
        {
            if entry.file_type().is_file() {
                files += 1;
                let bytes = std::fs::read(entry.path()).unwrap();
                assert!(
                    !String::from_utf8_lossy(&bytes).contains(marker)
                        && !String::from_utf8_lossy(&bytes).contains("2026-conf-001"),
                    "{} shows the encrypted record ({audience})",
                    entry.path().display()
                );
            }
        }
        assert!(files > 50);
    }
    // The positive control: with the secretary-general's key the confidential site has it.
    let out_dir = repo.path().join(".site-with-key");
    ok(run(
        repo.path(),
        &[
            "build",
            "--audience",
            "confidential",
            "-o",
            out_dir.to_str().unwrap(),
            "--today",
            common::TODAY,
            "--identity",
            lin.to_str().unwrap(),
        ],
    ));
    let page = std::fs::read_to_string(out_dir.join("document/2026-conf-001.html")).unwrap();
    assert!(page.contains(marker));
}

#[test]
fn the_hook_refuses_to_commit_plain_text_that_must_be_encrypted() {
    let tmp = Repo::empty();
    let dir = tmp.path().join("records");
    ok(run(tmp.path(), &["init", "records"]));
    let (_, alice_pub) = keygen(tmp.path(), "alice", "ed25519");
    let date = ["--date", "2026-11-27"];
    let keys = format!("keys=[{{key: {alice_pub}, from: 2024-01-01}}]");
    let mut args = vec![
        "new",
        "person",
        "--id",
        "alice",
        "--title",
        "艾莉",
        "name=艾莉",
        "kind=staff",
        "department=general",
        "joined=2024-01-01",
        &keys,
        "roles=[{role: secretary-general, from: 2024-01-01}]",
    ];
    args.extend(date);
    ok(run(&dir, &args));
    let config = std::fs::read_to_string(dir.join("clerk.yaml")).unwrap();
    std::fs::write(
        dir.join("clerk.yaml"),
        config.replace("  required: []", "  required: [assessment]"),
    )
    .unwrap();
    // Its home folder holds no git settings either.
    let git = common::git::Git::new(&dir).home(&dir.join(".no-home"));
    assert!(git.run(&["add", "-A"]).0);
    let (committed, said) = git.run(&["commit", "-qm", "start"]);
    assert!(committed, "{said}");

    let mut args = vec![
        "new",
        "assessment",
        "--title",
        "第三季考核",
        "person=alice",
        "quarter=2026-Q3",
    ];
    args.extend(date);
    let path = ok(run(&dir, &args)).stdout.trim().to_string();
    assert!(git.run(&["add", "-A"]).0);
    let (committed, said) = git.run(&["commit", "-qm", "assessment"]);
    assert!(!committed, "the hook let plain text through");
    assert!(said.contains("E070") && said.contains(&path), "{said}");

    // Encrypted, it goes in; the index holds no plain text of it.
    ok(run(&dir, &["encrypt", &path, "--date", "2026-11-27"]));
    assert!(git.run(&["add", "-A"]).0);
    let (committed, said) = git.run(&["commit", "-qm", "assessment, encrypted"]);
    assert!(committed, "{said}");
    let (_, listed) = git.run(&["ls-files"]);
    assert!(
        listed.contains(&format!("{path}.age")) && !listed.lines().any(|l| l == path),
        "{listed}"
    );
}

#[test]
fn signing_an_encrypted_record_never_writes_plain_text() {
    let repo = Repo::example();
    let lin = repo.path().join(".example-keys/lin-wenhui");
    let lin = lin.to_str().unwrap();
    let file = "documents/2026-conf-001.md.age";
    ok(run(
        repo.path(),
        &[
            "sign",
            file,
            "--step",
            "approve",
            "--by",
            "lin-wenhui",
            "--date",
            "2026-11-26",
            "--key",
            lin,
            "--identity",
            lin,
        ],
    ));
    let bytes = std::fs::read(repo.path().join(file)).unwrap();
    assert!(bytes.starts_with(b"age-encryption.org/v1\n"));
    assert!(!String::from_utf8_lossy(&bytes).contains("會員投訴"));
    // Still readable by the same people, both approvals valid.
    let out = run(
        repo.path(),
        &[
            "decrypt",
            file,
            "--identity",
            repo.path()
                .join(".example-keys/chen-jianguo")
                .to_str()
                .unwrap(),
        ],
    );
    assert_eq!(out.status, 0, "{}", out.stderr);
    let text = repo.read("documents/2026-conf-001.md");
    assert!(text.contains("step: approve\n    by: lin-wenhui"), "{text}");
    let (found, _) = codes(repo.path(), None);
    assert!(
        !found
            .iter()
            .any(|(c, p)| c.starts_with('E') || p.contains("conf-001")),
        "{found:?}"
    );
}

#[test]
fn confidential_records_in_plain_text_are_one_warning_at_the_settings() {
    let repo = Repo::example();
    let out = repo.check();
    let w071: Vec<common::Finding> = out
        .diagnostics()
        .into_iter()
        .filter(|f| f.code == "W071")
        .collect();
    assert_eq!(w071.len(), 1, "{}", out.stdout);
    assert_eq!(w071[0].path, "clerk.yaml");
    let line = repo
        .read("clerk.yaml")
        .lines()
        .position(|l| l == "encryption:")
        .unwrap()
        + 1;
    assert_eq!(w071[0].line, line);
    // Every confidential plain record is counted: the example's members, finance, audits, …
    let confidential = walkdir::WalkDir::new(repo.path())
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
        .filter(|e| !e.path().to_string_lossy().contains("/public/"))
        .count();
    let message = w071[0].message.as_str();
    let count: usize = message.split(' ').next().unwrap().parse().unwrap();
    assert!(count > 10 && count < confidential, "{message}");
    assert!(message.starts_with(&format!("{count} confidential record(s) are stored in plain text: activities/2027-spring-study-tour.md, ")), "{message}");
    assert!(
        message.ends_with(&format!(" and {} more", count - 5)),
        "{message}"
    );
    // Listed as required, they are errors, each at its file.
    repo.edit("clerk.yaml", "  required: []", "  required: [member]");
    let members = std::fs::read_dir(repo.path().join("members"))
        .unwrap()
        .count();
    let e070 = repo
        .check()
        .findings()
        .into_iter()
        .filter(|f| f.code == "E070")
        .count();
    assert_eq!(e070, members);
}

/// The cache of search parts (`.git/clerk/search/`) never holds an encrypted record's text: a
/// part with one is indexed every time instead. Without the key the record is not on the site,
/// and the same part is cached.
#[test]
#[cfg(feature = "search")]
fn an_encrypted_record_never_reaches_the_search_cache() {
    let repo = Repo::example();
    let dir = repo.path();
    common::git::ok(dir, &["init", "-q"]);
    let lin = dir.join(".example-keys/lin-wenhui");
    let cache = dir.join(".git/clerk/search/confidential");
    let parts = || common::names(&cache);
    let build = |identity: Option<&Path>| {
        let mut args = vec!["build", "--audience", "confidential", "-o", ".site"];
        args.extend(["--today", common::TODAY]);
        if let Some(key) = identity {
            args.extend(["--identity", key.to_str().unwrap()]);
        }
        ok(run(dir, &args));
    };
    build(Some(&lin));
    let page = std::fs::read_to_string(dir.join(".site/document/2026-conf-001.html")).unwrap();
    assert!(page.contains("會員投訴"), "the record is on the site");
    assert_eq!(parts(), Vec::<String>::new(), "nothing cached with it");
    build(None);
    assert!(!parts().is_empty(), "the same part, without it, is cached");
    build(Some(&lin));
    assert_eq!(
        parts(),
        Vec::<String>::new(),
        "and dropped when it comes back"
    );
}

/// An encrypted document's PDF is typeset for the build that may show it, and never kept in
/// the cache of PDFs; the plain documents' PDFs are.
#[test]
#[cfg(feature = "pdf")]
fn an_encrypted_documents_pdf_never_reaches_the_pdf_cache() {
    let repo = Repo::example();
    let dir = repo.path();
    common::git::ok(dir, &["init", "-q"]);
    let lin = example_key(&repo, "lin-wenhui");
    // 協秘〔2026〕3號, issued, becomes confidential and encrypted (its approvals go stale: the
    // site is built marking it).
    repo.edit(
        "documents/2026-doc-003.md",
        "classification: public",
        "classification: confidential",
    );
    ok(run(
        dir,
        &[
            "encrypt",
            "documents/2026-doc-003.md",
            "--date",
            common::TODAY,
        ],
    ));
    let args = [
        "build",
        "--audience",
        "confidential",
        "-o",
        ".site",
        "--no-search",
        "--allow-errors",
        "--identity",
        &lin,
        "--today",
        common::TODAY,
    ];
    ok(run(dir, &args));
    let sealed = std::fs::read(dir.join(".site/document/2026-doc-003.pdf")).unwrap();
    assert!(sealed.starts_with(b"%PDF-"), "its PDF is on the site");
    let cache = dir.join(".git/clerk/pdf/confidential");
    let kept: Vec<Vec<u8>> = common::names(&cache)
        .iter()
        .map(|name| std::fs::read(cache.join(name)).unwrap())
        .collect();
    assert_eq!(kept.len(), 2, "the two plain documents' PDFs are kept");
    assert!(
        kept.iter().all(|bytes| !bytes.ends_with(&sealed)),
        "the encrypted document's PDF is not"
    );
}

/// The example's key of `who`, as an argument.
fn example_key(repo: &Repo, who: &str) -> String {
    repo.path()
        .join(".example-keys")
        .join(who)
        .to_str()
        .unwrap()
        .to_string()
}

/// An age file without clerk's envelope stanza: what a file encrypted before envelopes looks
/// like (and, were it committed, a header edited without the key).
fn strip_envelope(bytes: &[u8]) -> Vec<u8> {
    let start = bytes
        .windows(19)
        .position(|w| w == b"\n-> clerk-envelope\n")
        .expect("the file has an envelope")
        + 1;
    let mut end = start + "-> clerk-envelope\n".len();
    loop {
        let line = bytes[end..].iter().position(|&b| b == b'\n').unwrap();
        end += line + 1;
        if line < 64 {
            break;
        }
    }
    [&bytes[..start], &bytes[end..]].concat()
}

/// Numbers are not secret, and an encrypted document's 文號 must count without a key: the
/// envelope in its file's header lets `issue` give the next free number and `check` find a
/// duplicate. A file with no envelope (encrypted before envelopes) makes `issue` refuse, naming
/// the file and the command that mends it; `reencrypt` then adds the envelope.
#[test]
fn numbers_of_encrypted_records_count_without_a_key() {
    let repo = Repo::example();
    let lin = example_key(&repo, "lin-wenhui");
    // 2026-doc-003 holds 協秘〔2026〕3號, the highest; it becomes confidential and encrypted.
    repo.edit(
        "documents/2026-doc-003.md",
        "classification: public",
        "classification: confidential",
    );
    ok(run(
        repo.path(),
        &[
            "encrypt",
            "documents/2026-doc-003.md",
            "--date",
            "2026-11-26",
        ],
    ));
    let sealed = std::fs::read(repo.path().join("documents/2026-doc-003.md.age")).unwrap();
    assert!(
        !String::from_utf8_lossy(&sealed).contains("協秘"),
        "the number is not in plain text"
    );

    // Without a key: the next number is 4, not 3 again.
    let copy = Repo::empty();
    common::copy_dir(repo.path(), copy.path());
    ok(run(
        copy.path(),
        &["issue", "documents/2026-doc-004.md", "--date", "2026-11-26"],
    ));
    assert!(
        copy.read("documents/2026-doc-004.md")
            .contains("number: 協秘〔2026〕4號"),
        "{}",
        copy.read("documents/2026-doc-004.md")
    );
    // A number an encrypted record holds, given by hand: a duplicate, found without a key.
    copy.edit(
        "documents/2026-doc-004.md",
        "協秘〔2026〕4號",
        "協秘〔2026〕3號",
    );
    let (found, unread) = codes(copy.path(), None);
    assert_eq!(unread, "2 encrypted record(s) not read");
    assert!(
        found.contains(&("E042".into(), "documents/2026-doc-004.md".into())),
        "{found:?}"
    );

    // An encrypted record without an envelope (the example's confidential document as it was
    // encrypted before envelopes): numbering refuses and says what to do.
    std::fs::copy(
        common::crate_dir().join("tests/fixtures/sealed/2026-conf-001-before-envelopes.md.age"),
        repo.path().join("documents/2026-conf-001.md.age"),
    )
    .unwrap();
    let out = run(
        repo.path(),
        &["issue", "documents/2026-doc-004.md", "--date", "2026-11-26"],
    );
    assert_eq!(out.status, 2, "{}", out.stderr);
    assert!(
        out.stderr.contains("documents/2026-conf-001.md.age")
            && out.stderr.contains("clerk reencrypt"),
        "{}",
        out.stderr
    );
    assert!(!repo.read("documents/2026-doc-004.md").contains("number:"));
    // With a key it opens; `check` says the envelope is missing, and `reencrypt` adds it.
    let (found, _) = codes(repo.path(), Some(Path::new(&lin)));
    assert!(
        found.contains(&("W076".into(), "documents/2026-conf-001.md.age".into())),
        "{found:?}"
    );
    ok(run(
        repo.path(),
        &["reencrypt", "--identity", &lin, "--date", "2026-11-26"],
    ));
    let (found, _) = codes(repo.path(), Some(Path::new(&lin)));
    assert!(!found.iter().any(|(c, _)| c == "W076"), "{found:?}");
    ok(run(
        repo.path(),
        &["issue", "documents/2026-doc-004.md", "--date", "2026-11-26"],
    ));
    assert!(repo
        .read("documents/2026-doc-004.md")
        .contains("number: 協秘〔2026〕4號"));
}

/// The envelope cannot be changed on its own: the hook, without a key, finds an encrypted
/// file whose header changed over the same payload (E077); with a key such a file no longer
/// opens (E001); a file whose envelope does not say what its record says is E075.
#[test]
fn an_envelope_changed_on_its_own_is_found() {
    let repo = Repo::example_in_git();
    let dir = repo.path();
    let lin = example_key(&repo, "lin-wenhui");
    let file = "documents/2026-conf-001.md.age";
    let bytes = std::fs::read(dir.join(file)).unwrap();
    std::fs::write(dir.join(file), strip_envelope(&bytes)).unwrap();
    common::git::ok(dir, &["add", file]);
    let out = clerk_in(dir, &["check", "--staged", "--format", "json"]).run_json();
    let found: Vec<(String, String)> = out
        .diagnostics()
        .into_iter()
        .map(|f| (f.code, f.path))
        .collect();
    assert!(found.contains(&("E077".into(), file.into())), "{found:?}");
    assert_ne!(out.status, 0);

    // An envelope changed in place does not open with a key: the header's MAC covers it.
    let forged = {
        let text = bytes.clone();
        let at = text
            .windows(18)
            .position(|w| w == b"-> clerk-envelope\n")
            .unwrap()
            + 18;
        let mut forged = text;
        // One base64 character of the envelope's body, changed.
        forged[at] = if forged[at] == b'A' { b'B' } else { b'A' };
        forged
    };
    std::fs::write(dir.join(file), &forged).unwrap();
    let (found, _) = codes(dir, Some(Path::new(&lin)));
    assert!(found.contains(&("E001".into(), file.into())), "{found:?}");

    // A file clerk wrote for another record: it opens, but its envelope names that record.
    std::fs::write(dir.join(file), &bytes).unwrap();
    std::fs::copy(dir.join(file), dir.join("documents/2026-conf-002.md.age")).unwrap();
    let (found, _) = codes(dir, Some(Path::new(&lin)));
    assert!(
        found.contains(&("E075".into(), "documents/2026-conf-002.md.age".into())),
        "{found:?}"
    );
    assert!(
        !found.iter().any(|(c, p)| c.starts_with('E') && p == file),
        "{found:?}"
    );
}

/// The SHA-256 of a file, by the system's `sha256sum`.
fn sha256sum(path: &Path) -> String {
    let out = Command::new("sha256sum").arg(path).output().unwrap();
    String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .next()
        .unwrap()
        .to_string()
}

/// An approval covers the attachments as they were signed: the first signature writes each
/// file's SHA-256 into its entry (so the content digest covers it), a changed file is E023,
/// an approved record's entry without one W024. A record that must be encrypted has its
/// attachments encrypted too: plain ones are E070 at their entry, `clerk encrypt` seals them
/// with the record, and a build with a key publishes their plain content.
#[test]
fn attachments_are_bound_to_approvals_and_sealed_with_their_record() {
    let repo = Repo::example();
    let dir = repo.path();
    let doc = "documents/2026-doc-006.md";
    repo.edit(
        doc,
        "date: 2026-11-20\n",
        "date: 2026-11-20\nclassification: confidential\n",
    );
    repo.edit(
        doc,
        "status: draft",
        "attachments:\n  - plan.pdf\nstatus: draft",
    );
    std::fs::write(
        dir.join("documents/plan.pdf"),
        "%PDF-1.4 the plan as scanned\n",
    )
    .unwrap();
    let wang = example_key(&repo, "wang-fang");
    ok(run(
        dir,
        &[
            "sign",
            doc,
            "--step",
            "review",
            "--by",
            "wang-fang",
            "--date",
            "2026-11-26",
            "--key",
            &wang,
        ],
    ));
    let hash = sha256sum(&dir.join("documents/plan.pdf"));
    assert!(
        repo.read(doc)
            .contains(&format!("  - file: plan.pdf\n    sha256: {hash}\n")),
        "{}",
        repo.read(doc)
    );
    let at_doc = |found: &[(String, String)], code: &str| {
        found
            .iter()
            .any(|(c, p)| c == code && p.starts_with("documents/2026-doc-006"))
    };
    let (found, _) = codes(dir, None);
    assert!(
        !found
            .iter()
            .any(|(c, p)| p.starts_with("documents/2026-doc-006") && c != "W071"),
        "{found:?}"
    );

    // The file changed after the approval: found at the entry's line.
    std::fs::write(dir.join("documents/plan.pdf"), "%PDF-1.4 another plan\n").unwrap();
    let out = clerk_in(
        dir,
        &["check", "--format", "json", "--today", common::TODAY],
    )
    .run_json();
    let changed: Vec<common::Finding> = out
        .diagnostics()
        .into_iter()
        .filter(|f| f.code == "E023")
        .collect();
    assert_eq!(changed.len(), 1, "{changed:?}");
    assert_eq!((changed[0].path.as_str(), changed[0].line), (doc, 10));
    std::fs::write(
        dir.join("documents/plan.pdf"),
        "%PDF-1.4 the plan as scanned\n",
    )
    .unwrap();

    // An approved record whose entry records no SHA-256: its approvals do not cover the file.
    repo.edit(
        "documents/2026-doc-005.md",
        "approvals:",
        "attachments:\n  - plan.pdf\napprovals:",
    );
    let (found, _) = codes(dir, None);
    assert!(
        found.contains(&("W024".into(), "documents/2026-doc-005.md".into())),
        "{found:?}"
    );
    repo.edit(
        "documents/2026-doc-005.md",
        "attachments:\n  - plan.pdf\napprovals:",
        "approvals:",
    );

    // Documents must now be encrypted: the plain attachment is E070 at its entry.
    repo.edit("clerk.yaml", "required: []", "required: [confidential]");
    let (found, _) = codes(dir, None);
    assert!(at_doc(&found, "E070"), "{found:?}");
    ok(run(dir, &["encrypt", doc, "--date", "2026-11-26"]));
    assert!(!dir.join("documents/plan.pdf").exists());
    let sealed = std::fs::read(dir.join("documents/plan.pdf.age")).unwrap();
    assert!(sealed.starts_with(b"age-encryption.org/v1\n"));
    assert!(!String::from_utf8_lossy(&sealed).contains("the plan as scanned"));
    // With a key: no finding at the record, the hash checked through the encryption.
    let (found, _) = codes(dir, Some(Path::new(&wang)));
    assert!(
        !at_doc(&found, "E070") && !at_doc(&found, "E023"),
        "{found:?}"
    );
    repo.edit("clerk.yaml", "required: [confidential]", "required: []");
    // A build with the key publishes the plain file; one without shows neither.
    let site = dir.join(".site-key");
    ok(run(
        dir,
        &[
            "build",
            ".",
            "-o",
            site.to_str().unwrap(),
            "--audience",
            "confidential",
            "--no-search",
            "--today",
            common::TODAY,
            "--identity",
            &wang,
        ],
    ));
    assert_eq!(
        std::fs::read_to_string(site.join("files/2026-doc-006/plan.pdf")).unwrap(),
        "%PDF-1.4 the plan as scanned\n"
    );
    let bare = dir.join(".site-bare");
    ok(run(
        dir,
        &[
            "build",
            ".",
            "-o",
            bare.to_str().unwrap(),
            "--audience",
            "confidential",
            "--no-search",
            "--today",
            common::TODAY,
        ],
    ));
    assert!(!bare.join("files/2026-doc-006").exists());
}
