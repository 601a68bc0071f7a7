//! Messages in the staff's language: findings and command output name types, roles, steps,
//! states and people by the labels and names the records repository gives them, with ids only
//! in backticks, where the user must type them (a command to run, a field to edit).

use std::collections::BTreeSet;

use crate::common::{self, clerk, copy_dir, Repo};

/// The records a broken example's findings are at.
pub const BROKEN: &[&str] = &[
    "leave/leave-2026-030.md",
    "leave/leave-2026-014.md",
    "leave/leave-2026-033.md",
    "leave/leave-2026-021.md",
    "documents/2026-doc-003.md",
    "documents/2026-doc-004.md",
    "people/cai-peiyu.md",
    "types/income.yaml",
];

/// The example with the findings staff meet most: a role that may not approve (E032), a role not
/// held (E033), an approver approving their own leave (E034), an unknown step (E030), a missing
/// approval (E036), a stale approval (E055), a missing commitment (W047), and a type file whose
/// rule reads an undeclared field (E105).
pub fn broken_example() -> Repo {
    let repo = Repo::example_with("leave-over-authority");
    let overlays = common::crate_dir().join("tests/fixtures/example");
    for name in [
        "issued-without-approval",
        "deputy-not-in-charge",
        "leave-own-approval",
        "unknown-approval-step",
    ] {
        copy_dir(&overlays.join(name), repo.path());
    }
    std::fs::remove_file(repo.path().join("commitments/commitment-cai-peiyu.md")).unwrap();
    repo.edit(
        "leave/leave-2026-021.md",
        "reason: 急性腸胃炎，附醫師診斷證明\n",
        "reason: 急性腸胃炎\n",
    );
    repo.edit(
        "types/income.yaml",
        "assert: \"record.kind != 'dues'",
        "assert: \"record.kinds != 'dues'",
    );
    repo
}

/// Every id the example's type files and people give a label or a name: roles, approval steps,
/// workflow states, people.
fn labelled_ids(repo: &Repo) -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    for entry in std::fs::read_dir(repo.path().join("people")).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        ids.insert(name.trim_end_matches(".md").to_string());
    }
    for entry in std::fs::read_dir(repo.path().join("types")).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        let file: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
        let keys = |v: Option<&serde_yaml::Value>| -> Vec<String> {
            v.and_then(|v| v.as_mapping())
                .into_iter()
                .flat_map(|m| m.keys().filter_map(|k| k.as_str().map(str::to_string)))
                .collect()
        };
        ids.extend(keys(file.get("approvals")));
        ids.extend(keys(file.get("workflow").and_then(|w| w.get("labels"))));
    }
    for role in [
        "secretary-general",
        "deputy-secretary-general",
        "department-head",
        "accountant",
        "council-chair",
        "council-member",
    ] {
        ids.insert(role.to_string());
    }
    ids
}

/// The messages and hints the association wrote in its type files (its rules' and coverage's
/// words, in its own language): not clerk's words, so not what this test judges.
fn written_by_association(repo: &Repo) -> Vec<String> {
    fn walk(v: &serde_yaml::Value, out: &mut Vec<String>) {
        match v {
            serde_yaml::Value::Mapping(m) => {
                for (k, v) in m {
                    match (k.as_str(), v.as_str()) {
                        (Some("message" | "hint"), Some(text)) => out.push(text.to_string()),
                        _ => walk(v, out),
                    }
                }
            }
            serde_yaml::Value::Sequence(items) => items.iter().for_each(|i| walk(i, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    for entry in std::fs::read_dir(repo.path().join("types")).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        walk(&serde_yaml::from_str(&text).unwrap(), &mut out);
    }
    out
}

/// The words of `text` outside backticks: ASCII words such as `lin-wenhui` or `approve`.
fn bare_words(text: &str) -> Vec<String> {
    let outside: String = text
        .split('`')
        .enumerate()
        .filter(|(i, _)| i % 2 == 0)
        .map(|(_, part)| part)
        .collect::<Vec<_>>()
        .join(" ");
    regex::Regex::new(r"[A-Za-z][A-Za-z0-9_-]*")
        .unwrap()
        .find_iter(&outside)
        .map(|m| m.as_str().to_string())
        .collect()
}

/// In Traditional Chinese, the findings staff meet most name roles, steps, states and people by
/// their labels and names: an id outside backticks is a finding that speaks code, not Chinese.
#[test]
fn traditional_chinese_findings_name_no_id_where_a_label_exists() {
    let repo = broken_example();
    let ids = labelled_ids(&repo);
    let out = clerk(&["check", "--format", "json", "--lang", "zh-Hant"])
        .args(["--today", common::TODAY])
        .args(BROKEN)
        .dir(repo.path())
        .run_json();
    let found = out.diagnostics();
    let codes: BTreeSet<&str> = found.iter().map(|f| f.code.as_str()).collect();
    for code in [
        "E030", "E032", "E033", "E034", "E036", "E055", "W047", "E105",
    ] {
        assert!(codes.contains(code), "no {code} in {}", out.stdout);
    }
    let theirs = written_by_association(&repo);
    let mut bare = Vec::new();
    for f in &found {
        let mut text = format!("{} {}", f.message, f.hint.clone().unwrap_or_default());
        for words in &theirs {
            text = text.replace(words.as_str(), "");
        }
        for word in bare_words(&text).into_iter().filter(|w| ids.contains(w)) {
            bare.push(format!("{} {}: `{word}` in {text}", f.code, f.path));
        }
    }
    assert!(
        bare.is_empty(),
        "ids outside backticks:\n{}",
        bare.join("\n")
    );
}

/// `clerk due` in Traditional Chinese: each person by name, the kinds and the words in Chinese.
#[test]
fn due_in_traditional_chinese_names_people() {
    let dir = common::crate_dir().join("records-example");
    let text = clerk(&["due", "--lang", "zh-Hant"])
        .arg(&dir)
        .args(["--as-of", common::TODAY])
        .run()
        .success()
        .stdout;
    assert!(
        text.contains("\n王芳\n  2026-10-10  逾期  決議落實：秘書處2026年9月工作例會 A2"),
        "{text}"
    );
    assert!(
        text.contains("至 2026-12-26 到期 9 項，其中 9 項已逾期（截至 2026-11-26）"),
        "{text}"
    );
    assert!(!text.contains("wang-fang"), "{text}");
    assert!(!text.contains("overdue"), "{text}");
}

/// Labels are written once, in the association's script (the example's in Traditional): in
/// Simplified output they are converted — roles, states, steps, departments — while ids in
/// backticks stay as typed.
#[test]
fn simplified_findings_show_labels_in_simplified() {
    let repo = broken_example();
    let out = clerk(&["check", "--lang", "zh-Hans", "--today", common::TODAY])
        .args(BROKEN)
        .dir(repo.path())
        .run();
    assert_eq!(out.status, 1, "{}", out.said());
    for label in [
        "（秘书长）",
        "「已印发」",
        "副秘书长（综合部）",
        "`--by zhou-meiling`",
    ] {
        assert!(out.stdout.contains(label), "no {label} in {}", out.stdout);
    }
    for traditional in ["秘書長", "已印發", "綜合部", "審批"] {
        assert!(
            !out.stdout.contains(traditional),
            "{traditional} in {}",
            out.stdout
        );
    }
}

/// The example with a coverage rule whose message and hint are written per language, and a
/// staff member without the record it asks for.
fn commitment_written_per_language() -> Repo {
    let repo = Repo::example();
    std::fs::remove_file(repo.path().join("commitments/commitment-cai-peiyu.md")).unwrap();
    repo.edit(
        "types/commitment.yaml",
        "    message: no signed confidentiality commitment (保密承諾書)\n    hint: add a commitment record for them\n",
        "    message:\n      zh-Hant: 未簽署保密承諾書\n      en: no signed confidentiality commitment\n    hint: {en: add a commitment record for them, zh-Hans: 请为其新增承诺书记录}\n",
    );
    repo
}

/// A rule's `message:` and `hint:` may be written per language: each run shows the one in its
/// language; a language without one shows the other Chinese script's, converted, else the first.
#[test]
fn texts_the_association_writes_per_language_follow_the_run() {
    let repo = commitment_written_per_language();
    let said = |lang: &str| {
        let out = clerk(&[
            "check",
            "people/cai-peiyu.md",
            "--format",
            "json",
            "--lang",
            lang,
        ])
        .args(["--today", common::TODAY])
        .dir(repo.path())
        .run_json();
        let found = out.diagnostics();
        let w047 = found.iter().find(|f| f.code == "W047").expect(&out.stdout);
        (w047.message.clone(), w047.hint.clone().unwrap_or_default())
    };
    let (message, hint) = said("en");
    assert!(
        message.ends_with(": no signed confidentiality commitment"),
        "{message}"
    );
    assert_eq!(hint, "add a commitment record for them");
    let (message, hint) = said("zh-Hant");
    assert!(message.ends_with("：未簽署保密承諾書"), "{message}");
    assert_eq!(hint, "請為其新增承諾書記錄");
    let (message, hint) = said("zh-Hans");
    assert!(message.ends_with("：未签署保密承诺书"), "{message}");
    assert_eq!(hint, "请为其新增承诺书记录");
}

/// A text written for a language clerk does not speak is a type file error at that language.
#[test]
fn a_text_in_an_unknown_language_is_a_type_error_at_its_line() {
    let repo = Repo::example();
    repo.edit(
        "types/commitment.yaml",
        "    hint: add a commitment record for them\n",
        "    hint:\n      en: add a commitment record for them\n      fr: ajoutez un engagement\n",
    );
    let out = clerk(&["check", "--format", "json"])
        .dir(repo.path())
        .run_json();
    let found = out.diagnostics();
    let e101 = found.iter().find(|f| f.code == "E101").expect(&out.stdout);
    assert_eq!(
        (e101.path.as_str(), e101.line, e101.column),
        ("types/commitment.yaml", 45, 7)
    );
    assert_eq!(e101.message, "`fr` is not a language clerk speaks");
}

/// Commands speak the run's language too: `keys add` refusing a key someone holds names them,
/// `new` and `issue` refuse in Chinese, and `build` says what it built with the level's label.
#[test]
fn command_output_in_chinese() {
    let repo = Repo::example();
    let theirs = common::crate_dir().join("records-example/.example-keys/lin-wenhui.pub");
    let out = clerk(&["keys", "add", "wang-fang", "--lang", "zh-Hant"])
        .arg(&theirs)
        .dir(repo.path())
        .run();
    assert_eq!(out.status, 2, "{}", out.said());
    assert!(
        out.stderr.contains("已列在林文慧（`lin-wenhui`）名下"),
        "{}",
        out.stderr
    );
    let out = clerk(&["new", "nope", "--lang", "zh-Hans"])
        .dir(repo.path())
        .run();
    assert_eq!(out.status, 2, "{}", out.said());
    assert!(
        out.stderr.starts_with("错误：没有 `nope` 这种记录类型"),
        "{}",
        out.stderr
    );
    let out = clerk(&["issue", "documents/2026-doc-001.md", "--lang", "zh-Hant"])
        .dir(repo.path())
        .run();
    assert_eq!(out.status, 2, "{}", out.said());
    assert!(
        out.stderr
            .contains("documents/2026-doc-001.md 已有 number `"),
        "{}",
        out.stderr
    );
    let site = Repo::empty();
    let out = clerk(&[
        "build",
        "--lang",
        "zh-Hans",
        "--no-search",
        "--no-pdf",
        "-o",
    ])
    .arg(site.path().join("public"))
    .args(["--today", common::TODAY])
    .dir(repo.path())
    .run();
    assert_eq!(out.status, 0, "{}", out.said());
    assert!(
        out.stdout.starts_with("已构建公开网站，含 "),
        "{}",
        out.stdout
    );
}

/// E108 in Chinese names the type by its label (its id in backticks), in the run's script.
#[test]
fn an_undeclared_configured_field_names_its_type_by_label() {
    let repo = Repo::example();
    repo.edit("clerk.yaml", "time: time,", "time: 開始時間,");
    let said = |lang: &str| {
        clerk(&["check", "--lang", lang, "--today", common::TODAY])
            .dir(repo.path())
            .run()
            .stdout
    };
    let hant = said("zh-Hant");
    assert!(
        hant.contains("clerk 讀取 `開始時間`（site.calendar.0.time），但類型「會議」（`meeting`，types/meeting.yaml）未宣告此欄位"),
        "{hant}"
    );
    let hans = said("zh-Hans");
    assert!(hans.contains("但类型「会议」（`meeting`"), "{hans}");
    assert!(said("en").contains("which type `meeting` (types/meeting.yaml) does not declare"));
}

/// `clerk new` in Traditional Chinese writes the comment beside a field with allowed values in
/// Chinese, each value with its label; filled in beside the comment, the record checks clean.
#[test]
fn new_writes_its_comment_in_the_run_language() {
    let repo = Repo::example();
    let out = clerk(&["new", "asset", "--lang", "zh-Hant", "--title", "投影機"])
        .args(["asset_no=QL-FA-004", "value=1200", "custodian=wang-fang"])
        .args(["location=秘書處辦公室", "inventory_months=12"])
        .args(["--date", common::TODAY])
        .dir(repo.path())
        .run();
    assert_eq!(out.status, 0, "{}", out.said());
    let path = out.stdout.trim().to_string();
    let text = repo.read(&path);
    let comment = "（可填：fixed（固定資產）、current（流動資產））";
    assert!(text.contains(comment), "{text}");
    assert!(!text.contains("one of"), "{text}");
    repo.edit(&path, "category:   #", "category: fixed   #");
    assert!(repo.read(&path).contains(comment));
    let checked = clerk(&["check", "--format", "json", "--today", common::TODAY])
        .arg(&path)
        .dir(repo.path())
        .run_json();
    let errors: Vec<_> = checked
        .diagnostics()
        .into_iter()
        .filter(|d| d.severity == "error")
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(checked.status, 0, "{}", checked.said());
    // A type that does not exist: the types there are, by id and label, the likeliest first.
    let out = clerk(&["new", "documnet", "--lang", "zh-Hant"])
        .dir(repo.path())
        .run();
    assert_eq!(out.status, 2);
    assert!(
        out.stderr
            .contains("現有類型：`document`（發文）、`commitment`（保密承諾書）、"),
        "{}",
        out.stderr
    );
}

/// `clerk schema -o DIR` says what it wrote, and the schema's description, in the run's
/// language; naming no type is refused in it too.
#[test]
fn schema_speaks_the_run_language() {
    let repo = Repo::example();
    let out = clerk(&["schema", "leave", "-o", "schemas", "--lang", "zh-Hant"])
        .dir(repo.path())
        .run();
    assert_eq!(out.status, 0, "{}", out.said());
    assert_eq!(out.stdout.trim(), "已寫入 schemas/leave.schema.json");
    let schema = repo.read("schemas/leave.schema.json");
    assert!(
        schema.contains("\"description\": \"`leave` 記錄的前置欄位（types/leave.yaml）\""),
        "{schema}"
    );
    assert!(
        schema.contains("\"description\": \"記錄的標題\""),
        "{schema}"
    );
    let out = clerk(&["schema", "--lang", "zh-Hans"])
        .dir(repo.path())
        .run();
    assert_eq!(out.status, 2, "{}", out.said());
    assert!(
        out.stderr
            .contains("请指定一个记录类型（`clerk schema document`）"),
        "{}",
        out.stderr
    );
}

/// `clerk sign` with no `--key` and no key at `~/.ssh/id_ed25519` says so in Chinese.
#[test]
fn sign_without_a_key_says_so_in_chinese() {
    let repo = Repo::example();
    let home = Repo::empty();
    let out = clerk(&["sign", "leave/leave-2026-033.md", "--step", "approve"])
        .args([
            "--by",
            "zhou-meiling",
            "--lang",
            "zh-Hant",
            "--date",
            common::TODAY,
        ])
        .env("HOME", home.path())
        .dir(repo.path())
        .run();
    assert_eq!(out.status, 2, "{}", out.said());
    let expected = format!(
        "在 {} 找不到金鑰；請以 --key PATH 指定",
        home.path().join(".ssh/id_ed25519").display()
    );
    assert!(out.stderr.contains(&expected), "{}", out.stderr);
}
