//! `clerk init`: a clean start in the association's language (zh-Hant, zh-Hans, en), with a
//! holiday calendar it picks and nothing of the example association in it.

use crate::common;

use std::path::{Path, PathBuf};

use common::Repo;

/// Runs `clerk init records ARGS…` in a new folder and returns it with the repository's path.
fn init(args: &[&str]) -> (Repo, PathBuf) {
    let tmp = Repo::empty();
    let mut all = vec!["init", "records"];
    all.extend_from_slice(args);
    common::clerk(&all).dir(tmp.path()).run().success();
    let dir = tmp.path().join("records");
    (tmp, dir)
}

/// Every file init wrote (the git folder left out), with its text.
fn written(dir: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_entry(|e| e.file_name() != ".git")
    {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let rel = entry
                .path()
                .strip_prefix(dir)
                .unwrap()
                .display()
                .to_string();
            out.push((rel, std::fs::read_to_string(entry.path()).unwrap()));
        }
    }
    assert!(out.len() > 15, "{out:?}");
    out
}

/// The ids of the example association's people, and its name.
fn example_names() -> Vec<String> {
    let people = Path::new(env!("CARGO_MANIFEST_DIR")).join("records-example/people");
    let mut names: Vec<String> = std::fs::read_dir(people)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().replace(".md", ""))
        .collect();
    assert!(names.contains(&"wang-fang".to_string()), "{names:?}");
    names.extend(["青嵐".to_string(), "青岚".to_string(), "NT$".to_string()]);
    names
}

fn check_clean(dir: &Path) {
    let out = common::clerk(&["check", "--format", "json"])
        .dir(dir)
        .run_json();
    let found: Vec<String> = out
        .diagnostics()
        .into_iter()
        .map(|f| format!("{} {}:{} {}", f.code, f.path, f.line, f.message))
        .collect();
    assert_eq!(found, Vec::<String>::new());
}

/// `clerk init --locale zh-Hans` writes Simplified Chinese only — every character is one that
/// OpenCC's Traditional-to-Simplified tables leave as it is — with no id of the example's people, and checks
/// clean.
#[test]
fn init_zh_hans_is_simplified_neutral_and_clean() {
    let (_tmp, dir) = init(&["--locale", "zh-Hans"]);
    check_clean(&dir);
    let examples = example_names();
    let t2s = ferrous_opencc::OpenCC::from_config(ferrous_opencc::config::BuiltinConfig::T2s)
        .expect("OpenCC's tables load");
    for (file, text) in written(&dir) {
        let simplified = t2s.convert(&text);
        if simplified != text {
            let (a, b) = text
                .lines()
                .zip(simplified.lines())
                .find(|(a, b)| a != b)
                .unwrap_or_default();
            panic!("{file} is not all Simplified:\n{a}\n{b}");
        }
        for name in &examples {
            assert!(!text.contains(name.as_str()), "{file} names {name}");
        }
    }
    let config = std::fs::read_to_string(dir.join("clerk.yaml")).unwrap();
    assert!(config.contains("locale: zh-Hans"), "{config}");
    assert!(config.contains("name: 综合部"), "{config}");
    // 人民币 is kept in fen: every amount shows its cents.
    assert!(config.contains("\n  decimals: 2\n"), "{config}");
    let leave = std::fs::read_to_string(dir.join("types/leave.yaml")).unwrap();
    assert!(
        leave.contains("title: 请假天数") || leave.contains("请假"),
        "{leave}"
    );
}

/// zh-Hant (the default) and en check clean and name nobody of the example either; en writes
/// its configuration and README in English.
#[test]
fn init_zh_hant_and_en_are_neutral_and_clean() {
    let examples = example_names();
    for locale in ["zh-Hant", "en"] {
        let (_tmp, dir) = init(&["--locale", locale]);
        check_clean(&dir);
        for (file, text) in written(&dir) {
            for name in &examples {
                assert!(
                    !text.contains(name.as_str()),
                    "{locale}: {file} names {name}"
                );
            }
        }
        let config = std::fs::read_to_string(dir.join("clerk.yaml")).unwrap();
        assert!(config.contains(&format!("locale: {locale}")), "{config}");
    }
    let (_tmp, dir) = init(&["--locale", "en", "--name", "Harbour Arts Society"]);
    let config = std::fs::read_to_string(dir.join("clerk.yaml")).unwrap();
    assert!(config.contains("name: Harbour Arts Society"), "{config}");
    assert!(config.contains("name: General office"), "{config}");
    assert!(config.contains("title: 1. Documents issued"), "{config}");
    let readme = std::fs::read_to_string(dir.join("README.md")).unwrap();
    assert!(
        readme.starts_with("# Harbour Arts Society — records"),
        "{readme}"
    );
}

/// The navigation's groups, each label and its types, as `clerk init` wrote them into
/// clerk.yaml's `site.navigation`.
fn navigation(dir: &Path) -> Vec<(String, Vec<String>)> {
    let text = std::fs::read_to_string(dir.join("clerk.yaml")).unwrap();
    let config: serde_json::Value = serde_yaml::from_str(&text).unwrap();
    config["site"]["navigation"]
        .as_array()
        .unwrap_or_else(|| panic!("no site.navigation: {text}"))
        .iter()
        .map(|g| {
            let types = g["types"].as_array().unwrap().iter();
            (
                g["label"].as_str().unwrap().to_string(),
                types.map(|t| t.as_str().unwrap().to_string()).collect(),
            )
        })
        .collect()
}

/// init writes the navigation into clerk.yaml, labelled in its language, naming every type it
/// writes.
#[test]
fn init_writes_the_navigation_in_its_language() {
    let labels = |locale| -> Vec<String> {
        let (_tmp, dir) = init(&["--locale", locale]);
        let groups = navigation(&dir);
        let mut named: Vec<String> = groups.iter().flat_map(|(_, t)| t.clone()).collect();
        named.sort();
        let mut types: Vec<String> = std::fs::read_dir(dir.join("types"))
            .unwrap()
            .map(|e| {
                e.unwrap()
                    .file_name()
                    .to_string_lossy()
                    .replace(".yaml", "")
            })
            .collect();
        types.sort();
        assert_eq!(
            named, types,
            "{locale}: every record type but people and rules"
        );
        groups.into_iter().map(|(l, _)| l).collect()
    };
    assert_eq!(labels("zh-Hant")[..3], ["發文", "會議", "活動"]);
    assert_eq!(labels("zh-Hans")[5], "考勤与请假");
    let en = labels("en");
    assert_eq!(en[..2], ["Documents", "Meetings"]);
    assert_eq!(en[6], "Finance");
    assert!(en.iter().all(|l| l.is_ascii()), "{en:?}");
}

/// Whether `text` has a CJK character (ideograph, CJK punctuation, kana or a full-width form).
fn has_cjk(text: &str) -> bool {
    text.chars()
        .any(|c| matches!(c as u32, 0x2E80..=0x9FFF | 0xFF00..=0xFFEF))
}

/// Every title and label in a type file as its readers see them: `title:` and `label:` strings,
/// the `en` of those in every language, and the states' `labels:`; each with where it is.
fn titles(value: &serde_json::Value, at: &str, out: &mut Vec<(String, String)>) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, v) in map {
                let here = format!("{at}/{key}");
                match (key.as_str(), v) {
                    ("title" | "label", serde_json::Value::String(s)) => {
                        out.push((here.clone(), s.clone()));
                    }
                    ("title" | "label", serde_json::Value::Object(m)) => {
                        let en = m.get("en").and_then(|e| e.as_str());
                        out.push((here.clone(), en.unwrap_or("(no en)").to_string()));
                    }
                    ("labels", serde_json::Value::Object(m)) => {
                        for (state, l) in m {
                            out.push((format!("{here}/{state}"), l.to_string()));
                        }
                    }
                    _ => {}
                }
                titles(v, &here, out);
            }
        }
        serde_json::Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                titles(v, &format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

/// `init --locale en` writes every type file's titles and labels in English (from
/// templates/init/en.yaml), changing no other line but those with other Chinese; it checks clean
/// and each report finds the English columns it names. Chinese init keeps them as written.
#[test]
fn init_en_writes_the_type_files_titles_and_labels_in_english() {
    let (_en_tmp, en) = init(&["--locale", "en", "--name", "Harbour Arts Society"]);
    let (_zh_tmp, zh) = init(&["--locale", "zh-Hant", "--name", "Harbour Arts Society"]);
    check_clean(&en);
    let mut seen = 0;
    for entry in std::fs::read_dir(en.join("types")).unwrap() {
        let path = entry.unwrap().path();
        let file = path.file_name().unwrap().to_string_lossy().to_string();
        let text = std::fs::read_to_string(&path).unwrap();
        let value: serde_json::Value = serde_yaml::from_str(&text).unwrap();
        let mut found = Vec::new();
        titles(&value, "", &mut found);
        seen += found.len();
        let chinese: Vec<_> = found.iter().filter(|(_, t)| has_cjk(t)).collect();
        assert!(chinese.is_empty(), "{file}: {chinese:?}");
        // Only the lines of titles and labels differ from the Chinese file (and the tasks
        // templates/init/neutral.yaml gives an office, named in each language), and those with
        // other Chinese (templates/init/en-text.yaml), line for line.
        let original = std::fs::read_to_string(zh.join("types").join(&file)).unwrap();
        assert_eq!(text.lines().count(), original.lines().count(), "{file}");
        for (a, b) in text.lines().zip(original.lines()).filter(|(a, b)| a != b) {
            let keys = ["title: ", "label: ", "labels: {", "subtotals: ", "who: "];
            assert!(
                keys.iter().any(|k| a.contains(k)) || has_cjk(b),
                "{file}: {b} became {a}"
            );
        }
    }
    assert!(seen > 300, "{seen} titles and labels");
    let leave = std::fs::read_to_string(en.join("types/leave.yaml")).unwrap();
    assert!(
        leave.contains("days: {title: Days, type: number"),
        "{leave}"
    );
    assert!(leave.contains("approved: Approved"), "{leave}");
    let zh_leave = std::fs::read_to_string(zh.join("types/leave.yaml")).unwrap();
    assert!(
        zh_leave.contains("days: {title: 天數, type: number"),
        "{zh_leave}"
    );
    // Each report names its register's columns by their English titles.
    let config: serde_json::Value =
        serde_yaml::from_str(&std::fs::read_to_string(en.join("clerk.yaml")).unwrap()).unwrap();
    let reports = config["reports"].as_array().unwrap();
    assert!(reports.len() >= 4, "{reports:?}");
    for report in reports {
        let name = report["name"].as_str().unwrap();
        let said = common::clerk(&["report", name]).dir(&en).run();
        assert_eq!(said.status, 0, "{name}: {}", said.stderr);
    }
}

/// What is Chinese in `line` of an English association besides the one Chinese it keeps: the
/// zh-Hant and zh-Hans names of a label given in every language (`{zh-Hant: 解密, zh-Hans: 解密,
/// en: Declassification}`), which the site shows if `association.locale` is made Chinese.
fn chinese_besides_labels(line: &str) -> Option<String> {
    let names = regex::Regex::new(r"zh-Han[st]: [^,}]*").unwrap();
    let rest = match line.contains("en: ") {
        true => names.replace_all(line, "").into_owned(),
        false => line.to_string(),
    };
    has_cjk(&rest).then_some(rest)
}

const PEOPLE: &[(&str, &str)] = &[
    (
        "people/amy.md",
        "---\ntype: person\ntitle: Amy Chan\nname: Amy Chan\nkind: staff\ndepartment: general\njoined: 2026-01-05\nroles:\n  - {role: secretary-general, from: 2026-01-05}\n---\n",
    ),
    (
        "people/bob.md",
        "---\ntype: person\ntitle: Bob Lee\nname: Bob Lee\nkind: staff\ndepartment: general\njoined: 2026-01-05\nroles:\n  - {role: staff, from: 2026-01-05}\n---\n",
    ),
];

/// Bob's leave of `kind`, approved on the day it starts (the approval at line 12).
fn leave_of(kind: &str) -> String {
    format!(
        "---\ntype: leave\ntitle: Bob's leave\nperson: bob\nkind: {kind}\nstart: 2026-11-16\nend: 2026-11-16\ndays: 1\nreason: unwell\nhandover: amy\napprovals:\n  - {{step: approve, by: amy, role: secretary-general, date: 2026-11-16}}\nstatus: approved\n---\n"
    )
}

/// `init --locale en` writes no Chinese but the Chinese names of its labels: not in a comment,
/// a description, a rule's message or hint, a new record's body, the document layout's issuer,
/// nor a value a record writes; it checks clean, and its records write English values, which
/// its rules know (sick leave may be approved on the day it starts; other leave may not).
#[test]
fn init_en_leaves_no_chinese_but_the_chinese_names_of_its_labels() {
    let (_tmp, dir) = init(&["--locale", "en", "--name", "Harbour Arts Society"]);
    check_clean(&dir);
    let mut kept = 0;
    for (file, text) in written(&dir) {
        for (n, line) in text.lines().enumerate() {
            kept += usize::from(has_cjk(line));
            assert_eq!(
                chinese_besides_labels(line),
                None,
                "{file}:{}: {line}",
                n + 1
            );
        }
    }
    assert!(
        kept > 50,
        "the labels keep their Chinese names: {kept} lines"
    );
    let document = std::fs::read_to_string(dir.join("types/document.yaml")).unwrap();
    assert!(
        document.contains("mark: Harbour Arts Society Secretariat Document "),
        "{document}"
    );
    assert!(
        document.contains("{const: notice, title: Notice}"),
        "{document}"
    );
    for (path, text) in PEOPLE {
        std::fs::create_dir_all(dir.join(path).parent().unwrap()).unwrap();
        std::fs::write(dir.join(path), text).unwrap();
    }
    std::fs::create_dir_all(dir.join("leave")).unwrap();
    for kind in ["sick", "annual", "年假"] {
        std::fs::write(dir.join(format!("leave/{kind}.md")), leave_of(kind)).unwrap();
    }
    let out = common::clerk(&["check", "--format", "json", "--today", "2026-11-27"])
        .dir(&dir)
        .run_json();
    let found: Vec<String> = out
        .diagnostics()
        .into_iter()
        .filter(|f| f.path.starts_with("leave/") && ["E012", "E046"].contains(&f.code.as_str()))
        .map(|f| format!("{} {}:{} {}", f.code, f.path, f.line, f.message))
        .collect();
    assert_eq!(
        found,
        [
            "E046 leave/annual.md:12 the leave was approved on or after the day it starts (rules §4.2(1))",
            "E012 leave/年假.md:5 `kind` is `年假`, which is not allowed here",
            "E046 leave/年假.md:12 the leave was approved on or after the day it starts (rules §4.2(1))",
        ]
    );
}

/// The README's first step, in every language, is `clerk new person`.
#[test]
fn readme_first_step_is_clerk_new_person() {
    for locale in ["zh-Hant", "zh-Hans", "en"] {
        let (_tmp, dir) = init(&["--locale", locale]);
        let readme = std::fs::read_to_string(dir.join("README.md")).unwrap();
        let first = readme
            .lines()
            .find(|l| l.trim_start().starts_with("clerk "))
            .unwrap_or_default();
        assert!(
            first.trim_start().starts_with("clerk new person "),
            "{locale}: {first}"
        );
    }
}

/// `--holidays NAME` copies a shipped calendar's holidays and make-up working days into
/// clerk.yaml, under its source; an unknown name is refused with the names clerk ships.
#[test]
fn holidays_come_from_the_shipped_calendars() {
    let (_tmp, dir) = init(&["--locale", "zh-Hans", "--holidays", "zh-CN-2026"]);
    let config = std::fs::read_to_string(dir.join("clerk.yaml")).unwrap();
    let calendar = config
        .lines()
        .skip_while(|l| !l.starts_with("calendar:"))
        .take(3)
        .collect::<Vec<_>>()
        .join("\n");
    assert!(
        calendar.contains("holidays: [2026-01-01, 2026-01-02, 2026-02-16"),
        "{calendar}"
    );
    assert!(
        calendar.contains("workdays: [2026-01-04, 2026-02-14"),
        "{calendar}"
    );
    assert!(
        config.contains("国务院办公厅关于2026年部分节假日安排的通知"),
        "{config}"
    );
    check_clean(&dir);
    // Without a calendar: empty lists, and how to fill them.
    let (_tmp, dir) = init(&[]);
    let config = std::fs::read_to_string(dir.join("clerk.yaml")).unwrap();
    assert!(
        config.contains("  holidays: []\n  workdays: []"),
        "{config}"
    );
    assert!(
        config.contains("clerk init --holidays NAME (zh-CN-2026, zh-TW-2026)"),
        "{config}"
    );
    let tmp = Repo::empty();
    let out = common::clerk(&["init", "records", "--holidays", "zh-HK-2026"])
        .dir(tmp.path())
        .run();
    assert_eq!(out.status, 2, "{}", out.said());
    assert!(
        out.stderr.contains(
            "clerk ships no holiday calendar `zh-HK-2026`; it ships: zh-CN-2026, zh-TW-2026"
        ),
        "{}",
        out.stderr
    );
    assert!(!tmp.path().join("records").exists());
}

/// Runs ssh-keygen for a new ed25519 key `name` in `dir`; returns the private key's path.
fn keygen(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    let ok = std::process::Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-C", name, "-f"])
        .arg(&path)
        .status()
        .unwrap();
    assert!(ok.success());
    path
}

/// `clerk keys add PERSON FILE.pub` appends the key, valid from --date, under the person's
/// `keys:` and changes no other byte; it prints the fingerprint ssh-keygen prints.
#[test]
fn keys_add_appends_the_key_and_prints_its_fingerprint() {
    let repo = Repo::example();
    let key = keygen(repo.path(), "new-key");
    let public = std::fs::read_to_string(key.with_extension("pub")).unwrap();
    let before = repo.read("people/wang-fang.md");
    let out = common::clerk(&[
        "keys",
        "add",
        "wang-fang",
        "new-key.pub",
        "--date",
        "2026-11-20",
    ])
    .dir(repo.path())
    .run()
    .success();
    let fingerprint = std::process::Command::new("ssh-keygen")
        .args(["-l", "-E", "sha256", "-f"])
        .arg(key.with_extension("pub"))
        .output()
        .unwrap();
    let fingerprint = String::from_utf8(fingerprint.stdout).unwrap();
    let fingerprint = fingerprint.split_whitespace().nth(1).unwrap();
    assert_eq!(
        out.stdout,
        format!("people/wang-fang.md: added {fingerprint}, valid from 2026-11-20\n")
    );
    let anchor = "    from: 2024-01-01\n";
    let expected = before.replacen(
        anchor,
        &format!("{anchor}  - key: {}\n    from: 2026-11-20\n", public.trim()),
        1,
    );
    assert_ne!(expected, before);
    assert_eq!(repo.read("people/wang-fang.md"), expected);
    let out = common::clerk(&["check", "--today", common::TODAY])
        .dir(repo.path())
        .run();
    assert_eq!(out.status, 0, "{}", out.said());
}

/// A private key, a file that is not a public key, a key already listed (by this person or
/// another) and an unknown person are each refused with what to do, and nothing is written.
#[test]
fn keys_add_refuses_bad_keys_and_unknown_people() {
    let repo = Repo::example();
    keygen(repo.path(), "mine");
    std::fs::write(
        repo.path().join("bad.pub"),
        "ssh-ed25519 AAAAnot-a-key me\n",
    )
    .unwrap();
    let theirs =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("records-example/.example-keys/lin-wenhui.pub");
    let theirs = theirs.display().to_string();
    let before = repo.read("people/wang-fang.md");
    let fingerprint_of = |path: &str| {
        let out = std::process::Command::new("ssh-keygen")
            .args(["-l", "-E", "sha256", "-f", path])
            .output()
            .unwrap();
        String::from_utf8(out.stdout)
            .unwrap()
            .split_whitespace()
            .nth(1)
            .unwrap()
            .to_string()
    };
    let cases = [
        (
            vec!["wang-fang", "mine"],
            "error: `mine` is a private key: give its public half (the `.pub` file \
             ssh-keygen wrote beside it), and never commit the private key"
                .to_string(),
        ),
        (
            vec!["wang-fang", "bad.pub"],
            "error: `bad.pub` is not an OpenSSH public key (Base64 encoding error: invalid \
             Base64 encoding); give the `.pub` file ssh-keygen wrote"
                .to_string(),
        ),
        (
            vec!["wang-fang", theirs.as_str()],
            format!(
                "error: the key {} is already listed for lin-wenhui",
                fingerprint_of(&theirs)
            ),
        ),
        (
            vec!["nobody", "mine.pub"],
            "error: there is no person `nobody`; add them with `clerk new person --id nobody`"
                .to_string(),
        ),
        (
            vec!["2026-doc-001", "mine.pub"],
            "error: there is no person `2026-doc-001`; add them with `clerk new person --id \
             2026-doc-001`"
                .to_string(),
        ),
    ];
    for (args, said) in cases {
        let mut all = vec!["keys", "add"];
        all.extend(args.iter().copied());
        let out = common::clerk(&all).dir(repo.path()).run();
        assert_eq!(out.status, 2, "{args:?}: {}", out.said());
        assert_eq!(out.stderr.trim(), said, "{args:?}");
        assert_eq!(repo.read("people/wang-fang.md"), before, "{args:?}");
    }
    // The same key twice.
    common::clerk(&["keys", "add", "wang-fang", "mine.pub"])
        .dir(repo.path())
        .run()
        .success();
    let out = common::clerk(&["keys", "add", "chen-jianguo", "mine.pub"])
        .dir(repo.path())
        .run();
    assert_eq!(out.status, 2, "{}", out.said());
    assert_eq!(
        out.stderr.trim(),
        format!(
            "error: the key {} is already listed for wang-fang",
            fingerprint_of(&repo.path().join("mine.pub").display().to_string())
        )
    );
}

/// Four classification levels, as an association with 公開/內部/秘密/機密 writes them.
const FOUR_LEVELS: &str = "
classifications:
  - {id: public, label: {zh-Hant: 公開, zh-Hans: 公开, en: Public}}
  - {id: internal, label: {zh-Hant: 內部, zh-Hans: 内部, en: Internal}}
  - {id: secret, label: {zh-Hant: 秘密, zh-Hans: 秘密, en: Secret}}
  - {id: confidential, label: {zh-Hant: 機密, zh-Hans: 机密, en: Confidential}}
";

/// The example with four levels and a 秘密 (secret) document.
fn four_levels() -> Repo {
    let repo = Repo::example();
    let config = repo.read("clerk.yaml");
    repo.write("clerk.yaml", format!("{config}{FOUR_LEVELS}"));
    let draft = repo.read("documents/2026-doc-006.md");
    repo.write(
        "documents/2026-doc-090.md",
        draft
            .replace("2027年度工作計劃（草稿）", "秘密級測試文件")
            .replace("status: draft", "classification: secret\nstatus: draft"),
    );
    repo
}

/// Whether a built site holds `text` in any page.
fn site_has(dir: &Path, text: &str) -> bool {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .any(|e| std::fs::read_to_string(e.path()).unwrap().contains(text))
}

/// The levels are data: with four configured, a 秘密 record reaches the 秘密 and 機密 builds
/// only, each build named by its level's label, and `--audience` takes any configured id.
#[test]
fn four_classification_levels_build_four_audiences() {
    let repo = four_levels();
    let out = common::clerk(&["check", "--today", common::TODAY])
        .dir(repo.path())
        .run();
    assert_eq!(out.status, 0, "{}", out.said());
    for (audience, shown, edition) in [
        ("public", false, "公開版"),
        ("internal", false, "內部版"),
        ("secret", true, "秘密版"),
        ("confidential", true, "機密版"),
    ] {
        let site = repo.path().join(format!("site-{audience}"));
        let out = common::clerk(&[
            "build",
            "--no-search",
            "--no-pdf",
            "--today",
            common::TODAY,
            "--audience",
            audience,
            "-o",
        ])
        .arg(&site)
        .dir(repo.path())
        .run();
        assert_eq!(out.status, 0, "{audience}: {}", out.said());
        assert!(
            out.stdout.contains(&format!("built the {audience} site")),
            "{}",
            out.stdout
        );
        assert_eq!(site_has(&site, "秘密級測試文件"), shown, "{audience}");
        assert!(site_has(&site, edition), "{audience}: {edition}");
        // A confidential record (a member file) is in the confidential build only.
        assert_eq!(
            site_has(&site, "禾風茶藝文化有限公司"),
            audience == "confidential",
            "{audience}"
        );
    }
    let out = common::clerk(&["build", "--audience", "top-secret"])
        .dir(repo.path())
        .run();
    assert_eq!(out.status, 2, "{}", out.said());
    assert_eq!(
        out.stderr.trim(),
        "error: --audience: `top-secret` is not a classification level; the levels are: public, \
         internal, secret, confidential"
    );
}

/// A level nobody configured is an error where it is written: in a type file (E135, at the
/// line), and in a record (E012, the allowed levels listed).
#[test]
fn an_unconfigured_level_is_an_error_at_its_line() {
    let repo = four_levels();
    repo.edit(
        "types/member.yaml",
        "lowest_classification: confidential",
        "lowest_classification: top-secret",
    );
    repo.edit(
        "documents/2026-doc-090.md",
        "classification: secret",
        "classification: 絕密",
    );
    let out = common::clerk(&["check", "--format", "json", "--today", common::TODAY])
        .dir(repo.path())
        .run_json();
    let found: Vec<(String, String, usize, String)> = out
        .diagnostics()
        .into_iter()
        .filter(|f| f.severity == "error")
        .map(|f| (f.code, f.path, f.line, f.message))
        .collect();
    let line = repo
        .read("types/member.yaml")
        .lines()
        .position(|l| l.starts_with("lowest_classification:"))
        .unwrap()
        + 1;
    assert!(
        found.contains(&(
            "E135".into(),
            "types/member.yaml".into(),
            line,
            "`top-secret` is not a classification level; the levels are: public, internal, \
             secret, confidential"
                .into()
        )),
        "{found:?}"
    );
    assert!(
        found.iter().any(|(c, p, l, m)| c == "E012"
            && p == "documents/2026-doc-090.md"
            && *l == 8
            && m.contains("絕密")),
        "{found:?}"
    );
}
