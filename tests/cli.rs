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

/// `clerk ARGS` in the language `lang` asks for by `--lang`.
fn clerk_in(lang: &str, args: &[&str]) -> common::Outcome {
    let args: Vec<&str> = ["--lang", lang].iter().chain(args).copied().collect();
    common::clerk(&args).run()
}

/// A run whose language may only come from where the test says: no CLERK_LANG, and a system
/// locale of `lang` (`C` for none).
fn clerk_with_system_locale(lang: &str, args: &[&str]) -> common::Clerk {
    common::clerk(args)
        .env_remove("CLERK_LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", lang)
}

#[track_caller]
fn assert_says(text: &str, expected: &[&str], not: &[&str]) {
    for e in expected {
        assert!(text.contains(e), "does not say `{e}`:\n{text}");
    }
    for n in not {
        assert!(!text.contains(n), "still says `{n}`:\n{text}");
    }
}

/// The English of `clerk check --help` a Chinese help must not show.
const CHECK_ENGLISH: &[&str] = &[
    "Check every record",
    "Show errors only",
    "Exit status",
    "Usage:",
    "Options:",
    "Arguments:",
    "Print help",
    "the repository in this folder",
    "Compiler-style",
    "Possible values",
    "possible values",
];

#[test]
fn help_is_in_traditional_chinese_with_lang() {
    let out = clerk_in("zh-Hant", &["check", "--help"]).success();
    assert_says(
        &out.stdout,
        &[
            "依協會的規則檢查每一筆記錄。",
            "結束狀態：0 無誤",
            "用法：clerk check [選項] [目錄或檔案]...",
            "選項：",
            "參數：",
            "只顯示錯誤",
            "顯示說明",
            "[預設：text]",
            "- json:   一份 JSON 文件，含每項檢查結果與摘要",
            // The examples stay commands; their comments are translated.
            "  clerk check --staged             # `git commit` 將要記下的內容",
        ],
        CHECK_ENGLISH,
    );
    // Arguments before options, and in the order they are typed, as in English.
    let out = clerk_in("zh-Hant", &["keys", "add", "--help"]).success();
    let at = |s: &str| {
        out.stdout
            .find(s)
            .unwrap_or_else(|| panic!("no {s}:\n{}", out.stdout))
    };
    assert!(at("參數：") < at("  <人員>"), "{}", out.stdout);
    assert!(at("  <人員>") < at("  <公鑰檔.pub>"), "{}", out.stdout);
    assert!(at("  <公鑰檔.pub>") < at("選項："), "{}", out.stdout);
    let out = clerk_in("zh-Hant", &["--help"]).success();
    assert_says(
        &out.stdout,
        &[
            "指令：",
            "check",
            "依協會的規則檢查每一筆記錄。",
            "顯示版本",
        ],
        &["Commands:", "Print version", "Print this message"],
    );
}

#[test]
fn help_is_in_simplified_chinese_with_lang() {
    for args in [&["check", "--help"][..], &["--help"], &["sign", "--help"]] {
        let out = clerk_in("zh-Hans", args).success();
        assert_says(&out.stdout, &["用法：", "选项："], CHECK_ENGLISH);
        let traditional: Vec<char> = out
            .stdout
            .chars()
            .filter(|c| "記錄類簽說選項從與會為這個檢儲庫鑰".contains(*c))
            .collect();
        assert!(
            traditional.is_empty(),
            "{traditional:?} in `clerk {args:?}`:\n{}",
            out.stdout
        );
    }
    let out = clerk_in("zh-Hans", &["check", "--help"]).success();
    assert_says(
        &out.stdout,
        &["依协会的规则检查每一条记录。", "只显示错误"],
        &[],
    );
}

#[test]
fn help_follows_the_system_locale_and_the_association() {
    let empty = common::Repo::empty();
    let out = clerk_with_system_locale("zh_TW.UTF-8", &["check", "--help"])
        .dir(empty.path())
        .run()
        .success();
    assert_says(
        &out.stdout,
        &["依協會的規則檢查每一筆記錄。"],
        CHECK_ENGLISH,
    );
    let out = clerk_with_system_locale("zh_CN.UTF-8", &["check", "--help"])
        .dir(empty.path())
        .run()
        .success();
    assert_says(
        &out.stdout,
        &["依协会的规则检查每一条记录。"],
        CHECK_ENGLISH,
    );
    // No language anywhere but the association's `association.locale: zh-Hant`: in the
    // repository, and through `-C` from outside it.
    let example = common::crate_dir().join("records-example");
    let inside = clerk_with_system_locale("C", &["check", "--help"])
        .dir(&example)
        .run()
        .success();
    let through = clerk_with_system_locale("C", &["-C"])
        .arg(&example)
        .args(["check", "--help"])
        .dir(empty.path())
        .run()
        .success();
    for out in [inside, through] {
        assert_says(
            &out.stdout,
            &["依協會的規則檢查每一筆記錄。"],
            CHECK_ENGLISH,
        );
    }
    let outside = clerk_with_system_locale("C", &["check", "--help"])
        .dir(empty.path())
        .run()
        .success();
    assert_says(
        &outside.stdout,
        &["Check every record", "Usage:"],
        &["依協會"],
    );
}

#[test]
fn a_refused_command_line_is_explained_in_the_staff_language() {
    let out = clerk_in("zh-Hant", &["check", "--stagd"]);
    assert_eq!(out.status, 2, "{}", out.said());
    assert_eq!(
        out.stderr,
        "錯誤：無法識別的參數 '--stagd'\n\n  提示：有相近的寫法：'--staged'\n\n\
         用法：clerk check --staged [目錄或檔案]...\n\n詳細說明請用 '--help'。\n"
    );
    assert_eq!(out.stdout, "");
    let out = clerk_in("zh-Hans", &["chek"]);
    assert_eq!(out.status, 2);
    assert_says(
        &out.stderr,
        &[
            "错误：没有 'chek' 这个命令",
            "'check'",
            "用法：clerk [选项] <命令>",
        ],
        &["error:", "tip:", "Usage:"],
    );
    let out = clerk_in("zh-Hant", &["check", "--format", "xml"]);
    assert_eq!(out.status, 2);
    assert_says(
        &out.stderr,
        &[
            "錯誤：'xml' 不是 '--format <格式>' 可用的值",
            "[可選值：'text', 'json', 'github']",
        ],
        &["invalid value", "possible values"],
    );
    let out = clerk_in("zh-Hant", &["check", "--today", "2026-13-01"]);
    assert_eq!(out.status, 2);
    assert_says(
        &out.stderr,
        &["錯誤：'--today <日期>' 的值 '2026-13-01' 無效：`2026-13-01` 不是日期（格式 YYYY-MM-DD）"],
        &["is not a date"],
    );
    let out = clerk_in("zh-Hant", &["check", "--since"]);
    assert_eq!(out.status, 2);
    assert_says(
        &out.stderr,
        &["錯誤：'--since <版本>' 需要一個值，但沒有提供"],
        &[],
    );
    let out = clerk_in("zh-Hant", &["new"]);
    assert_eq!(out.status, 2);
    assert_says(&out.stderr, &["錯誤：缺少必要的參數：'<類型>'"], &[]);
    let out = clerk_in("zh-Hant", &["-C", "/no/such/folder", "check"]);
    assert_eq!(out.status, 2);
    assert_says(
        &out.stderr,
        &["錯誤：無法切換到 `/no/such/folder`："],
        &["error:"],
    );
    // English stays clap's own.
    let out = common::clerk(&["check", "--stagd"]).run();
    assert_eq!(out.status, 2);
    assert_says(
        &out.stderr,
        &[
            "error: unexpected argument '--stagd' found",
            "tip: a similar argument exists: '--staged'",
            "Usage: clerk check",
        ],
        &["錯誤"],
    );
    let out = common::clerk(&["--lang", "fr", "check"]).run();
    assert_eq!(out.status, 2);
    assert_says(
        &out.stderr,
        &["`fr` is not a language clerk speaks: zh-Hant, zh-Hans or en"],
        &[],
    );
}

#[test]
fn manual_pages_are_in_the_staff_language() {
    let out = clerk_in("zh-Hant", &["man", "check"]).success();
    let page = &out.stdout;
    assert_says(
        page,
        &[
            ".TH clerk-check 1",
            ".SH 名稱",
            ".SH 用法",
            ".SH 說明",
            ".SH 選項",
            "依協會的規則檢查每一筆記錄。",
            "只顯示錯誤",
            "[預設：text]",
        ],
        &[
            ".SH NAME",
            ".SH SYNOPSIS",
            ".SH OPTIONS",
            "Show errors only",
            "[default:",
        ],
    );
    // Every line is text or a request roff knows.
    for line in page.lines().filter(|l| l.starts_with('.')) {
        let request = line.split_whitespace().next().unwrap_or("");
        assert!(
            [".TH", ".SH", ".TP", ".PP", ".RS", ".RE", ".ie", ".el", ".IP", ".br"]
                .contains(&request),
            "`{line}` is not a roff request of a manual page"
        );
    }
    // man itself reads it, when the machine has it.
    let folder = common::Repo::empty();
    let file = folder.path().join("clerk-check.1");
    std::fs::write(&file, page).unwrap();
    match std::process::Command::new("man")
        .arg("-l")
        .arg(&file)
        .env("MANWIDTH", "100")
        .env("MANPAGER", "cat")
        .output()
    {
        Ok(shown) if shown.status.success() => {
            let shown = String::from_utf8_lossy(&shown.stdout);
            assert_says(&shown, &["名稱", "選項", "只顯示錯誤"], &["OPTIONS"]);
        }
        _ => eprintln!("skipped reading the page with man: man is not installed"),
    }
}

#[test]
fn every_manual_page_is_written_in_the_staff_language() {
    let folder = common::Repo::empty();
    let out = common::clerk(&["--lang", "zh-Hant", "man", "-o"])
        .arg(folder.path())
        .run()
        .success();
    assert_eq!(
        out.stdout,
        format!("已將說明頁寫入 {}\n", folder.path().display())
    );
    let mut pages: Vec<String> = std::fs::read_dir(folder.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    pages.sort();
    for page in [
        "clerk.1",
        "clerk-check.1",
        "clerk-hooks-install.1",
        "clerk-keys-add.1",
    ] {
        assert!(
            pages.contains(&page.to_string()),
            "{page} missing: {pages:?}"
        );
    }
    assert!(
        !pages
            .iter()
            .any(|p| p.contains("help") || p.contains("corpus")),
        "{pages:?}"
    );
    let hooks = std::fs::read_to_string(folder.path().join("clerk-hooks-install.1")).unwrap();
    assert_says(
        &hooks,
        &[".SH 選項", "取代不是 clerk 寫的掛鉤"],
        &[".SH OPTIONS", "Replace hooks"],
    );
    let main = std::fs::read_to_string(folder.path().join("clerk.1")).unwrap();
    assert_says(
        &main,
        &[".SH 子指令", "clerk\\-check(1)", ".SH 版本"],
        &[".SH SUBCOMMANDS"],
    );
}

#[test]
fn completions_describe_in_the_staff_language() {
    let out = common::clerk(&["--", "clerk", "check", "--st"])
        .env("COMPLETE", "fish")
        .env("CLERK_LANG", "zh-Hant")
        .run()
        .success();
    assert_eq!(
        out.stdout,
        "--staged\t檢查暫存的版本（git index），以及每項暫存的變更相對於 HEAD\n"
    );
    let out = common::clerk(&["--", "clerk", "check", "--st"])
        .env("COMPLETE", "fish")
        .run()
        .success();
    assert_says(&out.stdout, &["--staged\tCheck the staged versions"], &[]);
}
