//! A gentle start: every command finds its repository from any folder inside it (and `-C DIR`
//! works for all), `check` takes files, says little with `--quiet` and counts repeated
//! warnings unless `--verbose`, and registers print to standard output.

use crate::common;

use std::process::Command;

use common::Repo;

/// Every command that works on a repository finds it from a folder inside it, as git does;
/// `clerk -C DIR` runs from DIR; the old `--dir DIR` still works.
#[test]
fn every_command_finds_its_repository_from_a_folder_inside_it() {
    let repo = Repo::example();
    let inside = repo.path().join("documents");
    for args in [
        vec!["check", "--today", common::TODAY],
        vec!["register", "documents"],
        vec!["due", "--today", common::TODAY],
        vec!["schema", "document"],
        vec!["keys", "--allowed-signers"],
        vec!["report"],
    ] {
        let out = common::clerk(&args).dir(&inside).run();
        assert_eq!(
            out.status,
            0,
            "clerk {args:?} in documents/: {}",
            out.said()
        );
    }
    let out = common::clerk(&["check", "--today", common::TODAY])
        .dir(&inside)
        .run();
    assert!(out.stdout.contains("checked 92 records"), "{}", out.stdout);
    // -C: as if started there, for commands with a folder argument and with --dir alike.
    let elsewhere = Repo::empty();
    for args in [
        vec!["-C", "leave", "check", "--today", common::TODAY],
        vec!["-C", "leave", "register", "documents"],
        vec!["register", "--dir", ".", "documents"],
    ] {
        let out = common::clerk(&args).dir(repo.path()).run();
        assert_eq!(out.status, 0, "clerk {args:?}: {}", out.said());
    }
    let out = common::clerk(&["-C"])
        .arg(repo.path().join("meetings"))
        .args(["register", "documents"])
        .dir(elsewhere.path())
        .run();
    assert!(out.stdout.contains("發文登記簿"), "{}", out.said());
    // Outside any repository: the error says so.
    let out = common::clerk(&["check"]).dir(elsewhere.path()).run();
    assert_eq!(out.status, 2);
    assert!(out.said().contains("clerk.yaml"), "{}", out.said());
    let out = common::clerk(&["-C", "no-such-folder", "check"])
        .dir(elsewhere.path())
        .run();
    assert_eq!(out.status, 2);
    assert!(
        out.said().contains("cannot change to `no-such-folder`"),
        "{}",
        out.said()
    );
}

/// `clerk check FILE…` reports the findings at those files — those of cross-record checks
/// included — and refuses files of another repository or with --staged.
#[test]
fn check_given_files_reports_on_those_files() {
    let repo = Repo::example();
    let leave = "leave/leave-2026-021.md";
    repo.edit(leave, "days: 2", "days: 3");
    // A second document with 2026-doc-001's number: a cross-record finding at the second.
    repo.edit(
        "documents/2026-doc-004.md",
        "status: approved",
        "number: 協秘〔2026〕1號\nstatus: approved",
    );
    let out = common::clerk(&[
        "check",
        "documents/2026-doc-004.md",
        "--format",
        "json",
        "--today",
        common::TODAY,
    ])
    .dir(repo.path())
    .run_json();
    let found: Vec<(String, String)> = out
        .diagnostics()
        .into_iter()
        .map(|f| (f.code, f.path))
        .collect();
    assert!(
        found.iter().all(|(_, p)| p == "documents/2026-doc-004.md"),
        "{found:?}"
    );
    assert!(found.iter().any(|(c, _)| c == "E042"), "{found:?}");
    assert_eq!(out.json["summary"]["records"], 1);
    // From inside a folder, by relative paths; the other broken file is not reported.
    let out = common::clerk(&[
        "check",
        "../leave/leave-2026-021.md",
        "2026-doc-006.md",
        "--today",
        common::TODAY,
    ])
    .dir(&repo.path().join("documents"))
    .run();
    assert_eq!(out.status, 1, "{}", out.said());
    assert!(
        out.stdout.contains("leave/leave-2026-021.md:"),
        "{}",
        out.stdout
    );
    assert!(!out.stdout.contains("2026-doc-004"), "{}", out.stdout);
    assert!(out.stdout.contains("checked 2 records"), "{}", out.stdout);
    // Not a file of this repository; files with --staged.
    let other = Repo::example();
    let out = common::clerk(&["check", "documents/2026-doc-001.md"])
        .arg(other.path().join("documents/2026-doc-002.md"))
        .dir(repo.path())
        .run();
    assert_eq!(out.status, 2);
    assert!(
        out.said().contains("is not in the repository at"),
        "{}",
        out.said()
    );
    let out = common::clerk(&["check", "--staged", leave])
        .dir(repo.path())
        .run();
    assert_eq!(out.status, 2);
    assert!(
        out.said()
            .contains("give files only to check them as they are"),
        "{}",
        out.said()
    );
}

/// Warnings of one kind (a missing quarterly assessment for each of ten people, and the three
/// months since October without an attendance record) are one finding with a count; `--verbose` lists them all, `--quiet` shows errors only, and JSON
/// always holds every finding.
#[test]
fn repeated_warnings_are_counted_unless_verbose() {
    let repo = Repo::example();
    let day = "2027-02-15";
    let count = |out: &common::Outcome| out.stdout.matches("warning[W047]").count();
    let normal = common::clerk(&["check", "--today", day])
        .dir(repo.path())
        .run();
    assert_eq!(count(&normal), 1, "{}", normal.stdout);
    assert!(
        normal.stdout.contains("and 12 more W047 like it"),
        "{}",
        normal.stdout
    );
    assert!(
        normal.stdout.contains("14 warnings"),
        "the summary counts every one: {}",
        normal.stdout
    );
    let verbose = common::clerk(&["check", "--verbose", "--today", day])
        .dir(repo.path())
        .run();
    assert_eq!(count(&verbose), 13, "{}", verbose.stdout);
    repo.edit("leave/leave-2026-021.md", "days: 2", "days: 3");
    let quiet = common::clerk(&["check", "-q", "--today", day])
        .dir(repo.path())
        .run();
    assert_eq!(quiet.status, 1);
    assert!(!quiet.stdout.contains("warning["), "{}", quiet.stdout);
    assert!(quiet.stdout.contains("error[E046]"), "{}", quiet.stdout);
    let json = common::clerk(&["check", "--format", "json", "--today", day])
        .dir(repo.path())
        .run_json();
    let w047 = json
        .diagnostics()
        .into_iter()
        .filter(|f| f.code == "W047")
        .count();
    assert_eq!(w047, 13);
}

/// A register without `-o` goes to standard output in every format — a workbook too when the
/// output is redirected — and nothing is written into the current folder; a workbook is not
/// printed to a terminal.
#[test]
fn registers_without_an_output_file_print_to_standard_output() {
    let repo = Repo::example();
    // -o writes the file, atomically, and says so on standard error.
    let file = repo.path().join("register.csv");
    let out = common::clerk(&["register", "documents", "--format", "csv", "-o"])
        .arg(&file)
        .dir(repo.path())
        .run();
    assert_eq!(out.status, 0, "{}", out.said());
    assert!(out.stdout.is_empty());
    assert!(std::fs::read_to_string(&file)
        .unwrap()
        .contains("協秘〔2026〕1號"));
    let out = common::clerk(&["register", "documents", "--format", "csv"])
        .dir(repo.path())
        .run();
    assert!(out.stdout.contains("協秘〔2026〕1號"), "{}", out.said());
}

/// A workbook goes to standard output when the output is redirected, and is refused on a
/// terminal.
#[test]
#[cfg(feature = "xlsx")]
fn a_workbook_without_an_output_file_goes_to_standard_output_but_not_a_terminal() {
    let repo = Repo::example();
    let out = Command::new(env!("CARGO_BIN_EXE_clerk"))
        .args(["register", "documents", "--format", "xlsx"])
        .current_dir(repo.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stdout.starts_with(b"PK\x03\x04"),
        "a zip (xlsx) on standard output"
    );
    assert!(!repo.path().join("documents.xlsx").exists());
    // On a terminal (a pseudo-terminal from script(1)), a workbook is refused with the way out.
    let clerk = env!("CARGO_BIN_EXE_clerk");
    let tty = Command::new("script")
        .args([
            "-qec",
            &format!("{clerk} register documents --format xlsx"),
            "/dev/null",
        ])
        .current_dir(repo.path())
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&tty.stdout);
    assert!(!tty.status.success(), "{said}");
    assert!(said.contains("-o documents.xlsx"), "{said}");
    assert!(!said.contains("PK\u{3}\u{4}"), "{said}");
}

/// `clerk new person` writes roles and keys from `--role` and `--key`, and the record checks
/// clean; a file that is not a public key, a role the type does not know, and `--role` on
/// another type are refused with what to do.
#[test]
fn new_person_takes_roles_and_keys() {
    let repo = Repo::example();
    let dir = repo.path();
    let key = dir.join("zhang.pub");
    let made = Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-C", "zhang", "-f"])
        .arg(dir.join("zhang"))
        .status()
        .unwrap();
    assert!(made.success());
    let out = common::clerk(&[
        "new",
        "person",
        "--id",
        "zhang-wei",
        "--title",
        "張偉",
        "name=張偉",
        "kind=staff",
        "department=events",
        "joined=2026-11-02",
        "--role",
        "staff:events",
        "--key",
        "zhang.pub",
        "--date",
        "2026-11-02",
    ])
    .dir(dir)
    .run();
    assert_eq!(out.status, 0, "{}", out.said());
    let text = repo.read("people/zhang-wei.md");
    let public = std::fs::read_to_string(&key).unwrap();
    assert!(
        text.contains("roles:\n  - role: staff\n    scope: [events]\n    from: 2026-11-02\n"),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "keys:\n  - key: {}\n    from: 2026-11-02\n",
            public.trim()
        )),
        "{text}"
    );
    let checked = common::clerk(&["check", "people/zhang-wei.md", "--today", common::TODAY])
        .dir(dir)
        .run();
    assert_eq!(checked.status, 0, "{}", checked.said());
    // Refusals, each saying what is allowed or expected.
    let refused = |args: &[&str], says: &str| {
        let out = common::clerk(args).dir(dir).run();
        assert_eq!(out.status, 2, "clerk {args:?}: {}", out.said());
        assert!(out.said().contains(says), "clerk {args:?}: {}", out.said());
    };
    refused(
        &["new", "person", "--id", "a", "--key", "zhang"],
        "is not an OpenSSH public key",
    );
    refused(
        &["new", "person", "--id", "b", "--role", "chief"],
        "\"chief\" is not allowed in `roles` of a person; it is one of: secretary-general",
    );
    refused(
        &["new", "leave", "--role", "staff"],
        "--role and --key are for people",
    );
    assert!(!dir.join("people/a.md").exists() && !dir.join("people/b.md").exists());
}

/// `clerk new` refuses a value its type forbids, naming the allowed ones; a leave starts on
/// the next working day (the type says so), a document is dated the day it is made; an empty
/// required field's finding says what goes there.
#[test]
fn new_records_follow_their_type() {
    let repo = Repo::example();
    let dir = repo.path();
    let out = common::clerk(&["new", "leave", "kind=annual"])
        .dir(dir)
        .run();
    assert_eq!(out.status, 2, "{}", out.said());
    assert!(
        out.said().contains(
            "`kind=annual` is not allowed for a leave; `kind` is one of: 事假, 病假, 年假"
        ),
        "{}",
        out.said()
    );
    assert!(!dir.join("leave/leave-2026-031.md").exists());
    // Friday 2026-11-27: the next working day is Monday 2026-11-30.
    let out = common::clerk(&["new", "leave", "kind=年假", "--date", "2026-11-27"])
        .dir(dir)
        .run();
    assert_eq!(out.status, 0, "{}", out.said());
    let text = repo.read(out.stdout.trim());
    assert!(
        text.contains("start: 2026-11-30\nend: 2026-11-30\n"),
        "{text}"
    );
    let out = common::clerk(&["new", "document", "--title", "測試", "--date", "2026-11-28"])
        .dir(dir)
        .run();
    let doc = out.stdout.trim().to_string();
    assert!(repo.read(&doc).contains("date: 2026-11-28\n"));
    // The empty fields of the new document: what goes there, not "put it in quotes".
    let out = common::clerk(&["check", &doc, "--today", common::TODAY])
        .dir(dir)
        .run();
    assert!(
        out.stdout.contains("error[E011]: `department` is empty"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("hint: write 擬稿部門"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("error[E012]: `kind` is empty"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("hint: write one of `通知`"),
        "{}",
        out.stdout
    );
    assert!(
        !out.stdout.contains("put the value in quotes"),
        "{}",
        out.stdout
    );
}

/// What the shell completes, asked of clerk as the shell asks (clap's dynamic completion).
fn complete(dir: &std::path::Path, words: &[&str]) -> Vec<String> {
    let out = Command::new(env!("CARGO_BIN_EXE_clerk"))
        .env("COMPLETE", "bash")
        .env("_CLAP_COMPLETE_INDEX", (words.len() - 1).to_string())
        .env("_CLAP_COMPLETE_COMP_TYPE", "9")
        .env("_CLAP_COMPLETE_SPACE", "true")
        .env("_CLAP_IFS", "\u{b}")
        .arg("--")
        .args(words)
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .split('\u{b}')
        .map(str::to_string)
        .collect()
}

/// The shell completes what the repository it is in holds: types after `new`, registers after
/// `register`, people after `--by`, record files for a command's FILE — from a folder inside.
#[test]
fn completions_offer_the_repositorys_types_registers_people_and_files() {
    let repo = Repo::example();
    let inside = repo.path().join("documents");
    let types = complete(&inside, &["clerk", "new", ""]);
    assert!(
        types.contains(&"leave".to_string()) && types.contains(&"document".to_string()),
        "{types:?}"
    );
    let registers = complete(&inside, &["clerk", "register", ""]);
    assert!(
        registers.contains(&"documents".to_string()),
        "{registers:?}"
    );
    let people = complete(&inside, &["clerk", "sign", "--by", "lin"]);
    assert!(people.contains(&"lin-wenhui".to_string()), "{people:?}");
    let files = complete(&inside, &["clerk", "sign", "2026-doc-00"]);
    assert!(files.contains(&"2026-doc-001.md".to_string()), "{files:?}");
    let here = complete(repo.path(), &["clerk", "issue", ""]);
    assert!(here.contains(&"documents/".to_string()), "{here:?}");
    assert!(!here.iter().any(|f| f == "clerk.yaml"), "{here:?}");
    // A new type file is offered at once: the candidates come from the repository.
    repo.write(
        "types/visit.yaml",
        "label: 來訪\nfolder: visits\nfields: {properties: {}}\n",
    );
    assert!(complete(&inside, &["clerk", "new", "v"]).contains(&"visit".to_string()));
}

/// A manual page per command, and `--identity` only on commands that read records.
#[test]
fn a_manual_page_per_command_and_identity_where_it_is_used() {
    let dir = Repo::empty();
    let out = common::clerk(&["man", "check"]).run();
    assert!(out.stdout.contains(".TH clerk-check 1"), "{}", out.stdout);
    let out = common::clerk(&["man", "--out-dir"]).arg(dir.path()).run();
    assert_eq!(out.status, 0, "{}", out.said());
    let main = std::fs::read_to_string(dir.path().join("clerk.1")).unwrap();
    let mut referenced = 0;
    for word in main.split(|c: char| c.is_whitespace() || c == ',') {
        if let Some(name) = word
            .strip_prefix("clerk\\-")
            .and_then(|w| w.strip_suffix("(1)"))
        {
            referenced += 1;
            assert!(
                dir.path().join(format!("clerk-{name}.1")).exists(),
                "clerk.1 refers to clerk-{name}(1), which was not written"
            );
        }
    }
    assert!(referenced > 10, "{main}");
    assert!(common::clerk(&["man", "nothing"])
        .run()
        .said()
        .contains("there is no command `nothing`"));
    for (command, reads) in [
        ("check", true),
        ("decrypt", true),
        ("schema", false),
        ("new", false),
        ("completions", false),
    ] {
        let help = common::clerk(&[command, "--help"]).run().stdout;
        assert_eq!(
            help.contains("--identity"),
            reads,
            "clerk {command} --help:\n{help}"
        );
    }
}
