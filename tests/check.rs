//! `clerk check` on fixture repositories: one fixture per failure class, each finding asserted
//! by its exact code, file and line.

use crate::common;

use common::{assert_findings, clerk, Outcome, Repo};

/// Every finding's message and hint, one finding a line.
fn messages(out: &Outcome) -> String {
    out.diagnostics()
        .into_iter()
        .map(|f| format!("{} / hint: {}\n", f.message, f.hint.unwrap_or_default()))
        .collect()
}

#[test]
fn base_fixture_is_clean_and_readme_is_ignored() {
    let out = Repo::fixture("_base").check();
    assert_eq!(out.status, 0, "{}", out.stdout);
    assert_findings(&out, &[]);
    assert_eq!(out.json["summary"]["records"], 3);
}

#[test]
fn files_without_front_matter() {
    let out = Repo::fixture("no-front-matter").check();
    assert_eq!(out.status, 1);
    assert_findings(
        &out,
        &[("E004", "notes/empty.md", 0), ("E004", "notes/plain.md", 1)],
    );
}

#[test]
fn unterminated_front_matter() {
    let out = Repo::fixture("unterminated-front-matter").check();
    assert_findings(&out, &[("E005", "notes/open.md", 1)]);
}

#[test]
fn yaml_syntax_error_is_reported_at_the_file_line() {
    let out = Repo::fixture("yaml-syntax").check();
    // The unclosed `[` on line 4 is detected where the next key starts.
    assert_findings(&out, &[("E006", "notes/broken.md", 5)]);
}

#[test]
fn duplicate_keys_point_at_the_second_key() {
    let out = Repo::fixture("duplicate-keys").check();
    assert_findings(&out, &[("E006", "notes/twice.md", 6)]);
    assert!(out.message("E006", "notes/twice.md").contains("author"));
}

#[test]
fn front_matter_that_is_a_list_or_a_scalar() {
    let out = Repo::fixture("front-matter-not-a-mapping").check();
    assert_findings(
        &out,
        &[("E007", "notes/list.md", 2), ("E007", "notes/scalar.md", 2)],
    );
}

#[test]
fn missing_and_unknown_type() {
    let out = Repo::fixture("missing-type").check();
    assert_findings(&out, &[("E008", "notes/untyped.md", 1)]);
    let out = Repo::fixture("unknown-type").check();
    assert_findings(&out, &[("E009", "notes/typo.md", 2)]);
    assert!(out
        .message("E009", "notes/typo.md")
        .contains("did you mean `note`"));
}

#[test]
fn missing_required_fields_top_level_and_nested() {
    let out = Repo::fixture("missing-field").check();
    // `date` is missing from the record (reported at the opening `---`), and `role` from
    // the first approval (reported at that approval's line).
    assert_findings(
        &out,
        &[
            ("E010", "notes/missing.md", 1),
            ("E010", "notes/missing.md", 6),
        ],
    );
    assert!(out.message("E010", "notes/missing.md").contains("`date`"));
}

#[test]
fn wrong_type_enum_and_date() {
    let out = Repo::fixture("wrong-type").check();
    assert_findings(&out, &[("E011", "notes/wrong.md", 6)]);
    let out = Repo::fixture("not-allowed").check();
    assert_findings(
        &out,
        &[("E012", "notes/enum.md", 6), ("E012", "notes/enum.md", 7)],
    );
    let msgs = messages(&out);
    assert!(msgs.contains("did you mean `memo`"), "{msgs}");
    assert!(msgs.contains("did you mean `draft`"), "{msgs}");
    let out = Repo::fixture("bad-date").check();
    assert_findings(&out, &[("E013", "notes/date.md", 5)]);
}

#[test]
fn unknown_fields_by_the_types_setting() {
    let out = Repo::fixture("unknown-field").check();
    assert_findings(
        &out,
        &[
            ("E014", "notes/unknown.md", 6),
            ("E014", "notes/unknown.md", 9),
            ("W014", "notes/meeting-extra.md", 5),
        ],
    );
    assert!(out
        .message("E014", "notes/unknown.md")
        .contains("did you mean `author`"));
}

#[test]
fn warnings_alone_do_not_fail() {
    let repo = Repo::fixture("_base");
    repo.write(
        "notes/extra.md",
        "---\ntype: meeting\ntitle: M\ndate: 2026-01-01\nvenue: Hall\n---\n",
    );
    let out = repo.check();
    assert_findings(&out, &[("W014", "notes/extra.md", 5)]);
    assert_eq!(out.status, 0);
}

#[test]
fn non_finite_number() {
    let out = Repo::fixture("unsupported-yaml").check();
    assert_findings(&out, &[("E020", "notes/nan.md", 6)]);
}

#[test]
fn duplicate_and_malformed_ids() {
    let out = Repo::fixture("duplicate-id").check();
    assert_findings(&out, &[("E015", "notes/two.md", 3)]);
    assert!(out.message("E015", "notes/two.md").contains("notes/one.md"));
    let out = Repo::fixture("bad-id").check();
    assert_findings(&out, &[("E016", "notes/spaced.md", 3)]);
}

#[test]
fn broken_references_of_every_kind() {
    let out = Repo::fixture("broken-references").check();
    assert_findings(
        &out,
        &[
            ("E017", "notes/refs.md", 4), // author: no such person (did you mean ann?)
            ("E018", "notes/refs.md", 6), // related: a person where a note is expected
            ("E019", "notes/refs.md", 7), // decision: the meeting has no D9
            ("E017", "notes/refs.md", 8), // department: not in clerk.yaml
            ("E017", "notes/refs.md", 11), // approvals[0].by: no such person
            ("E019", "notes/no-anchor.md", 6),
        ],
    );
    let msgs = messages(&out);
    assert!(msgs.contains("did you mean `ann`"), "{msgs}");
    assert!(msgs.contains("did you mean `admin`"), "{msgs}");
    assert!(msgs.contains("decisions: D1"), "{msgs}");
}

#[test]
fn encodings_binary_bom_and_crlf() {
    let out = Repo::fixture("bad-encoding").check();
    assert_findings(
        &out,
        &[
            ("E001", "notes/archive.md", 0),
            ("E001", "notes/latin1.md", 3),
            // BOM and CRLF are fine; the schema error is still on the right line.
            ("E011", "notes/bom-crlf.md", 6),
        ],
    );
}

#[test]
fn file_over_the_size_limit() {
    let out = Repo::fixture("too-large").check();
    assert_findings(&out, &[("E002", "notes/big.md", 0)]);
}

#[cfg(unix)]
#[test]
fn symlink_outside_the_repository_is_refused() {
    let outside = Repo::empty();
    outside.write(
        "secret.md",
        "---\ntype: note\ntitle: SECRET\nauthor: ann\ndate: 2026-01-01\n---\n",
    );
    let repo = Repo::fixture("_base");
    std::os::unix::fs::symlink(
        outside.path().join("secret.md"),
        repo.path().join("notes/link.md"),
    )
    .unwrap();
    let out = repo.check();
    assert_findings(&out, &[("E003", "notes/link.md", 0)]);
    assert!(!out.stdout.contains("SECRET"));
}

#[test]
fn hostile_yaml_never_hangs_or_crashes() {
    let repo = Repo::fixture("_base");
    let mut bomb =
        String::from("---\ntype: note\ntitle: bomb\na0: &a0 [x, x, x, x, x, x, x, x, x]\n");
    for i in 1..10 {
        let p = i - 1;
        bomb.push_str(&format!(
            "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
        ));
    }
    bomb.push_str("---\n");
    repo.write("notes/bomb.md", bomb);
    repo.write(
        "notes/deep.md",
        format!(
            "---\ntype: note\ntitle: deep\nx: {}\n---\n",
            "[".repeat(50_000)
        ),
    );
    repo.write("notes/nul.md", b"---\ntype: note\x00\n---\n");
    repo.write("notes/tabs.md", "---\ntype: note\n\ttitle: tab\n---\n");
    let out = repo.check();
    assert_findings(
        &out,
        &[
            // The parser stops the expansion without a position: the first YAML line.
            ("E006", "notes/bomb.md", 2),
            ("E006", "notes/deep.md", 4),
            ("E001", "notes/nul.md", 0),
            ("E006", "notes/tabs.md", 3),
        ],
    );
}

#[test]
fn configuration_errors_stop_with_exit_2() {
    let out = Repo::fixture("bad-config").check();
    assert_eq!(out.status, 2);
    assert_findings(&out, &[("E100", "clerk.yaml", 5)]);
    assert!(out.json["summary"].is_null());

    let missing = Repo::empty();
    let out = clerk(&["check"]).arg(missing.path()).run();
    assert_eq!(out.status, 2);
    assert!(out.stderr.contains("no clerk.yaml"), "{}", out.stderr);

    let out = clerk(&["check"]).arg(missing.path().join("nope")).run();
    assert_eq!(out.status, 2);
    assert!(out.stderr.contains("does not exist"), "{}", out.stderr);

    // Inside a repository, a folder or file that does not exist (a typo) is said to be so; it
    // is not taken for the repository around it, which would check or build that instead.
    let repo = Repo::example();
    for (args, missing) in [
        (&["check", "typo-dir"][..], "typo-dir"),
        (&["check", "documents/no-such.md"], "documents/no-such.md"),
        (&["build", "typo-dir", "--no-pdf"], "typo-dir"),
        (&["due", "typo-dir"], "typo-dir"),
    ] {
        let out = clerk(args).dir(repo.path()).run();
        assert_eq!(out.status, 2, "{args:?}: {}", out.stdout);
        assert!(
            out.stderr.contains(&format!("`{missing}` does not exist")),
            "{args:?}: {}",
            out.stderr
        );
    }
}

#[test]
fn bad_type_files_are_reported_at_their_lines() {
    let out = Repo::fixture("bad-type-file").check();
    assert_eq!(out.status, 1);
    // The record of the broken type is not reported a second time.
    assert_findings(
        &out,
        &[
            ("E102", "types/broken.yaml", 4),
            ("E104", "types/dangling.yaml", 3),
            ("E101", "types/typo.yaml", 5),
        ],
    );
}

#[test]
fn text_output_reads_like_a_compiler() {
    let out = Repo::fixture("not-allowed").check_text();
    assert_eq!(out.status, 1);
    let expected_lines = [
        "error[E012]: `status` is `drfat`, which is not allowed here",
        "--> notes/enum.md:7:9",
        "7 | status: drfat",
        "^^^^^",
        "= hint: did you mean `draft`? allowed: `draft`, `final`",
        "checked 4 records: 2 errors, 0 warnings",
    ];
    for line in expected_lines {
        assert!(
            out.stdout.contains(line),
            "missing {line:?} in:\n{}",
            out.stdout
        );
    }
}

#[test]
fn records_example_is_clean() {
    let dir = common::crate_dir().join("records-example");
    let out = clerk(&["check", "--format", "json", "--today", common::TODAY])
        .arg(&dir)
        .run_json();
    assert_eq!(out.status, 0, "{}", out.stdout);
    let json = &out.json;
    // Nothing but the standing note that its confidential records are not encrypted (W071).
    let codes: Vec<String> = out.diagnostics().into_iter().map(|f| f.code).collect();
    assert_eq!(codes, ["W071"], "{}", out.stdout);
    // Records: Markdown files, not the README, nor a site built into the folder (the README's
    // first command writes one, with the annual report as Markdown).
    let records = walkdir::WalkDir::new(&dir)
        .into_iter()
        .filter_entry(|e| !e.path().join(".clerk-site").exists())
        .filter_map(Result::ok)
        .filter(|e| {
            e.path().extension().is_some_and(|x| x == "md") && !e.path().ends_with("README.md")
        })
        .count();
    assert_eq!(json["summary"]["records"], records);
    assert_eq!(
        json["summary"]["encrypted_unread"], 1,
        "documents/2026-conf-001.md.age"
    );
    let text = clerk(&["check", "--today", common::TODAY]).arg(&dir).run();
    assert!(
        text.stdout
            .contains(&format!("checked {records} records: 0 errors, 1 warning")),
        "{}",
        text.stdout
    );
}

#[test]
fn one_broken_file_never_hides_the_others() {
    let repo = Repo::example();
    let leave = repo
        .read("leave/leave-2026-030.md")
        .replace("days: 5", "days: five");
    repo.write("leave/leave-2026-030.md", leave);
    let doc = repo
        .read("documents/2026-doc-004.md")
        .replace("title: ", "title: [unclosed ");
    repo.write("documents/2026-doc-004.md", doc);
    let expense = repo
        .read("finance/expenses/exp-2026-001.md")
        .replace("budget_line: 2026-budget#E2", "budget_line: 2026-budget#E9");
    repo.write("finance/expenses/exp-2026-001.md", expense);
    repo.write(
        "notes.md",
        "Someone's notes, not a record and not ignored.\n",
    );
    let out = repo.check();
    assert_eq!(out.status, 1);
    assert_findings(
        &out,
        &[
            ("E006", "documents/2026-doc-004.md", 4),
            ("E019", "finance/expenses/exp-2026-001.md", 6),
            ("E011", "leave/leave-2026-030.md", 8),
            ("E004", "notes.md", 1),
            // The edited records were signed: their approvals are now stale.
            ("E055", "finance/expenses/exp-2026-001.md", 18),
            ("E055", "finance/expenses/exp-2026-001.md", 30),
            ("E055", "leave/leave-2026-030.md", 17),
        ],
    );
}

/// A file whose name is not UTF-8 is named as such, its odd bytes escaped — not reported as
/// missing.
#[test]
#[cfg(unix)]
fn a_file_name_that_is_not_utf8_is_named_escaped() {
    use std::os::unix::ffi::OsStrExt;
    let repo = Repo::fixture("_base");
    let name = std::ffi::OsStr::from_bytes(b"bad\xff.md");
    std::fs::write(
        repo.path().join("notes").join(name),
        "---\ntype: note\ntitle: x\n---\n",
    )
    .unwrap();
    let out = repo.check();
    assert_findings(&out, &[("E001", "notes/bad\\xFF.md", 0)]);
    let message = out.message("E001", "notes/bad\\xFF.md");
    assert!(message.contains("is not valid UTF-8"), "{message}");
    assert!(!message.contains("No such file"), "{message}");
}

/// Records in folders named like a site, templates, types or build output are checked like any
/// other: only a site clerk built (its marker) and what clerk.yaml skips or ignores are passed
/// over.
#[test]
fn records_in_any_folder_are_checked() {
    let repo = Repo::fixture("_base");
    let good = repo.read("notes/good.md");
    let bad = good.replace("type: note", "type: nothing");
    for folder in ["public", "templates", "types", "target", "node_modules/pkg"] {
        let name = folder.replace('/', "-");
        repo.write(&format!("{folder}/{name}.md"), &bad);
    }
    let out = repo.check();
    assert_findings(
        &out,
        &[
            ("E009", "node_modules/pkg/node_modules-pkg.md", 2),
            ("E009", "public/public.md", 2),
            ("E009", "target/target.md", 2),
            ("E009", "templates/templates.md", 2),
            ("E009", "types/types.md", 2),
        ],
    );
    // A folder clerk.yaml skips is passed over, and so is a site clerk built.
    repo.edit("clerk.yaml", "association:", "skip: [target]\nassociation:");
    repo.write("public/.clerk-site", "");
    let out = repo.check();
    assert_eq!(out.findings().len(), 3, "{:?}", out.findings());
}

/// Many findings of one kind in one file print the first twenty and count the rest; the JSON
/// lists every one.
#[test]
fn repeated_findings_in_one_file_are_counted_past_twenty() {
    let repo = Repo::fixture("_base");
    let good = repo.read("notes/good.md");
    let many: String = (0..60)
        .map(|_| "  - step: nope\n    by: ann\n    role: staff\n    date: 2026-03-02\n")
        .collect();
    repo.write(
        "notes/many.md",
        good.replace("approvals:\n", &format!("approvals:\n{many}"))
            .replace("title: A good note", "title: Many"),
    );
    let text = repo.check_text();
    assert_eq!(
        text.stdout.matches("error[E030]").count(),
        20,
        "{}",
        text.stdout
    );
    assert!(
        text.stdout
            .contains("note: 40 more E030 finding(s) in notes/many.md not shown"),
        "{}",
        text.stdout
    );
    let json = repo.check();
    assert_eq!(
        json.findings().iter().filter(|f| f.code == "E030").count(),
        60
    );
}

/// A rule, or its condition, that cannot be evaluated for a record is a finding of its own
/// (E107), naming the rule and why — never taken as satisfied; a false rule is still E046.
#[test]
fn a_rule_that_cannot_be_evaluated_is_a_finding() {
    let repo = Repo::fixture("_base");
    let rules = "rules:\n  - assert: record.date > 1\n    field: date\n    message: a date compared with a number\n  - assert: record.pages > 0\n    when: record.pages / 0 > 1\n    message: pages\n  - assert: record.title == 'never'\n    field: title\n    message: the title is not as required\n";
    let mut types = repo.read("types/note.yaml");
    types.push_str(rules);
    repo.write("types/note.yaml", types);
    repo.edit(
        "notes/good.md",
        "date: 2026-03-02\n",
        "date: 2026-03-02\npages: 3\n",
    );
    let out = repo.check();
    assert_findings(
        &out,
        &[
            ("E046", "notes/good.md", 3),
            ("E107", "notes/good.md", 1),
            ("E107", "notes/good.md", 5),
        ],
    );
    let message = out.message("E107", "notes/good.md");
    assert!(
        message.contains("cannot be evaluated for this record"),
        "{message}"
    );
}

/// A type can check a format with a regular expression (`matches`): a number, a phone, an
/// archive code — without splitting strings.
#[test]
fn rules_can_match_a_regular_expression() {
    let repo = Repo::fixture("_base");
    let mut types = repo.read("types/note.yaml");
    types.push_str(concat!(
        "rules:\n",
        "  - assert: \"record.extra == null || record.extra.a.matches('^[A-Z]{2}-[0-9]{3}$')\"\n",
        "    field: extra\n",
        "    message: a code is written like AB-123\n",
    ));
    repo.write("types/note.yaml", types);
    let good = "date: 2026-03-02\n";
    repo.edit(
        "notes/good.md",
        good,
        &format!("{good}extra: {{a: ab-12}}\n"),
    );
    assert_findings(&repo.check(), &[("E046", "notes/good.md", 6)]);
    repo.edit("notes/good.md", "extra: {a: ab-12}", "extra: {a: AB-123}");
    assert_findings(&repo.check(), &[]);
}
