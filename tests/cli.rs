//! The command line around the core: schema export, completions, the manual, pipes.

use crate::common;

use std::io::Read;

fn clerk(args: &[&str]) -> (i32, String, String) {
    let out = common::clerk(args).run();
    (out.status, out.stdout, out.stderr)
}

#[test]
fn exported_schemas_accept_the_example_and_reject_a_bad_record() {
    let dir = common::crate_dir().join("records-example");
    let out = common::Repo::empty();
    let (code, said, err) = clerk(&[
        "schema",
        "--dir",
        dir.to_str().unwrap(),
        "-o",
        out.path().to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{said}{err}");
    let mut checked = 0;
    for entry in walkdir::WalkDir::new(&dir)
        .into_iter()
        .filter_map(Result::ok)
    {
        let rel = entry
            .path()
            .strip_prefix(&dir)
            .unwrap()
            .to_string_lossy()
            .into_owned();
        if !rel.ends_with(".md")
            || rel == "README.md"
            || rel.starts_with('.')
            || rel.starts_with("public/")
        {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap();
        let split = clerk::parse::frontmatter::split(&text).unwrap();
        let fields =
            serde_json::Value::Object(clerk::parse::yaml::parse_mapping(split.yaml).unwrap());
        let type_name = fields["type"].as_str().unwrap();
        let schema: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(out.path().join(format!("{type_name}.schema.json"))).unwrap(),
        )
        .unwrap();
        assert_eq!(
            schema["$schema"],
            "https://json-schema.org/draft/2020-12/schema"
        );
        let validator = jsonschema::options()
            .should_validate_formats(true)
            .build(&schema)
            .unwrap();
        assert!(
            validator.is_valid(&fields),
            "{rel} does not match its exported schema"
        );
        let mut bad = fields.clone();
        bad["type"] = serde_json::json!("not-this-type");
        assert!(!validator.is_valid(&bad), "{rel}: the schema pins the type");
        checked += 1;
    }
    assert_eq!(checked, 92);
}

#[test]
fn completions_and_manual() {
    let (code, bash, _) = clerk(&["completions", "bash"]);
    assert_eq!(code, 0);
    for sub in [
        "check", "build", "sign", "register", "report", "due", "schema",
    ] {
        assert!(bash.contains(sub), "bash completion lacks {sub}");
    }
    let (code, man, _) = clerk(&["man"]);
    assert_eq!(code, 0);
    assert!(man.contains(".TH clerk 1"), "{man}");
    // The manual lists the subcommands by name.
    for sub in ["check", "build", "sign", "register"] {
        assert!(
            man.contains(&format!("clerk\\-{sub}(1)")),
            "the manual lacks {sub}:\n{man}"
        );
    }
    // Every command's help has an example.
    for sub in [
        "check",
        "build",
        "sign",
        "digest",
        "keys",
        "register",
        "report",
        "due",
        "schema",
        "completions",
        "man",
    ] {
        let (code, help, _) = clerk(&[sub, "--help"]);
        assert_eq!(code, 0, "{sub}");
        assert!(
            help.contains("Example"),
            "`clerk {sub} --help` has no example:\n{help}"
        );
    }
}

#[test]
fn a_closed_pipe_ends_quietly() {
    // Far more findings than a pipe holds (64 KiB), so clerk is still writing when the reader
    // hangs up, as with `clerk check | head`.
    let repo = common::Repo::fixture("_base");
    for n in 0..600 {
        repo.write(
            &format!("notes/bad-{n}.md"),
            "---\ntype: note\ntitle: bad\nauthor: nobody\ndate: 2026-13-01\npages: many\n---\n",
        );
    }
    let mut child = common::clerk(&["check"]).arg(repo.path()).spawn();
    let mut stdout = child.stdout.take().unwrap();
    let mut start = [0u8; 64];
    stdout.read_exact(&mut start).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        assert_eq!(
            out.status.signal(),
            Some(libc::SIGPIPE),
            "ends by SIGPIPE, like other tools"
        );
    }
}

/// Every command that loads the repository shows a broken clerk.yaml as `clerk check` does:
/// the code, the file and line, the offending text and the reason; then exit 2.
#[test]
fn a_broken_configuration_is_shown_with_its_line_by_every_command() {
    let repo = common::Repo::fixture("bad-config");
    let dir = repo.path().to_str().unwrap().to_string();
    let out = common::Repo::empty();
    let site = out.path().join("site");
    let note = repo.path().join("notes/good.md");
    let note = note.to_str().unwrap();
    let commands: Vec<Vec<&str>> = vec![
        vec!["build", &dir, "-o", site.to_str().unwrap()],
        vec!["register", "documents", "--dir", &dir],
        vec!["report", "--dir", &dir],
        vec!["due", &dir],
        vec!["schema", "--dir", &dir],
        vec!["keys", &dir, "--allowed-signers"],
        vec!["reencrypt", &dir],
        vec!["new", "note", "--dir", &dir, "--title", "x"],
        vec!["issue", note],
        vec!["archive", note],
        vec!["digest", note],
        vec!["sign", note, "--step", "approve", "--by", "ann"],
        vec!["encrypt", note],
    ];
    for args in commands {
        let run = common::clerk(&args).home(out.path()).run();
        let said = run.said();
        assert_eq!(run.status, 2, "clerk {args:?}:\n{said}");
        for expected in [
            "error[E100]: `departments[0].nmae`: unknown field `nmae`",
            "--> clerk.yaml:5:5",
            "5 |     nmae: Administration",
            "error: clerk.yaml is invalid, so nothing was done",
        ] {
            assert!(
                run.stderr.contains(expected),
                "clerk {args:?} does not say `{expected}`:\n{said}"
            );
        }
        assert!(!site.exists(), "nothing was built");
    }
}
