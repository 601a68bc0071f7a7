//! `clerk init`, `new`, `issue` and `archive`: records start right and numbers are assigned
//! by the rules, with every other byte of the file kept.

use crate::common;

use std::path::Path;
use std::process::Command;

use common::Repo;

/// Runs clerk in `dir` with `args` (nothing appended).
fn run(dir: &Path, args: &[&str]) -> common::Outcome {
    common::clerk(args).dir(dir).run()
}

#[track_caller]
fn ok(out: common::Outcome) -> String {
    out.success().stdout
}

fn findings(dir: &Path) -> Vec<(String, String, usize)> {
    common::clerk(&["check", "--format", "json", "--today", "2026-11-27"])
        .dir(dir)
        .run_json()
        .diagnostics()
        .into_iter()
        .filter(|f| f.severity == "error")
        .map(|f| (f.code, f.path, f.line))
        .collect()
}

#[test]
fn init_then_new_for_every_type_checks_clean() {
    let tmp = Repo::empty();
    let dir = tmp.path().join("records");
    let written = ok(run(
        tmp.path(),
        &["init", "records", "--name", "測試文化協會"],
    ));
    assert!(
        written.contains("clerk.yaml") && written.contains("pre-commit"),
        "{written}"
    );
    // git never adds a site being built or replaced.
    let ignored = std::fs::read_to_string(dir.join(".gitignore")).unwrap();
    assert!(
        ignored.contains(".clerk-site-*/") && ignored.contains(".clerk-old-*/"),
        "{ignored}"
    );
    assert!(std::fs::read_to_string(dir.join("clerk.yaml"))
        .unwrap()
        .contains("name: 測試文化協會"));
    assert!(dir.join(".git/hooks/pre-commit").is_file());
    assert_eq!(findings(&dir), vec![], "an empty repository checks clean");
    // init never overwrites.
    let again = run(tmp.path(), &["init", "records"]);
    assert_eq!(again.status, 2, "{}", again.stderr);
    assert!(
        again.stderr.contains("never overwrites"),
        "{}",
        again.stderr
    );

    let keygen = Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-C", "lin", "-f"])
        .arg(tmp.path().join("lin"))
        .status()
        .unwrap();
    assert!(keygen.success());
    let public = std::fs::read_to_string(tmp.path().join("lin.pub")).unwrap();
    let date = ["--date", "2026-11-27"];
    let new = |args: &[&str]| -> String {
        let mut all = vec!["new"];
        all.extend_from_slice(args);
        all.extend_from_slice(&date);
        ok(run(&dir, &all)).trim().to_string()
    };
    let keys = format!("keys=[{{key: {}, from: 2024-01-01}}]", public.trim());
    assert_eq!(
        new(&[
            "person", "--id", "lin", "--title", "林主任", "name=林主任", "kind=staff",
            "department=general", "joined=2024-01-01", &keys,
            "roles=[{role: secretary-general, from: 2024-01-01}, {role: council-member, from: 2024-01-01}, {role: department-head, scope: [general], from: 2024-01-01}]",
        ]),
        "people/lin.md"
    );
    let meeting = new(&[
        "meeting",
        "--title",
        "理事會",
        "kind=council",
        "chair=lin",
        "location=會議室",
        "attendees=[lin]",
        "agenda=[委託審計, 通過預算]",
        "resolutions=[{id: R1, text: 委託審計, votes: {for: 1, against: 0, abstain: 0}}, {id: R2, text: 通過預算, votes: {for: 1, against: 0, abstain: 0}}]",
    ]);
    assert_eq!(meeting, "meetings/2026-meeting-001.md");
    let text = std::fs::read_to_string(dir.join(&meeting)).unwrap();
    assert!(
        text.contains("date: 2026-11-27\n") && text.contains("status: planned\n"),
        "{text}"
    );
    assert!(
        text.ends_with("---\n## 議程\n\n1. \n\n## 紀要\n"),
        "the type's body: {text}"
    );
    // Held, with its resolution, before the audit it commissions.
    let held = text
        .replace("status: planned", "recorder: lin\nstatus: held")
        .replace("date: 2026-11-27", "date: 2026-11-20");
    std::fs::write(dir.join(&meeting), held).unwrap();

    let cases: &[&[&str]] = &[
        &[
            "document",
            "kind=通知",
            "department=general",
            "drafted_by=lin",
        ],
        &[
            "activity",
            "department=general",
            "organizer=lin",
            "location=會議室",
            "budget=1000",
        ],
        &["assessment", "person=lin", "quarter=2026-Q3"],
        &[
            "asset",
            "asset_no=A-1",
            "category=fixed",
            "value=1000",
            "custodian=lin",
            "location=會議室",
            "inventory_months=12",
        ],
        &[
            "attendance",
            "month=2026-10",
            "compiled_by=lin",
            "workdays=21",
            "entries=[]",
        ],
        &[
            "audit",
            "year=2025",
            "auditor=某會計師事務所",
            "scope=財務收支",
            "council_resolution=2026-meeting-001#R1",
        ],
        &[
            "budget",
            "year=2026",
            "kind=annual",
            "council_resolution=2026-meeting-001#R2",
            "lines=[{id: L1, name: 辦公費, direction: expense, amount: 5000}, {id: L2, name: 會費, direction: income, amount: 5000}]",
        ],
        &["commitment", "person=lin"],
        &[
            "expense",
            "amount=100",
            "budget_line=2026-budget-001#L1",
            "payee=文具店",
            "purpose=文具",
            "submitted_by=lin",
            "department=general",
            "invoice=INV-1",
        ],
        &["member", "kind=individual", "name=張三", "dues=500"],
        &[
            "income",
            "kind=dues",
            "amount=500",
            "budget_line=2026-budget-001#L1",
            "payer=張三",
            "member=m-2026-001",
        ],
        &["leave", "person=lin", "kind=事假", "days=1", "reason=家事"],
        &["policy", "department=general", "version=v1"],
        &["publicity", "department=general", "channels=[網站]"],
        &["amendment", "changes=[{file: clerk.yaml, digest: deleted, part: rules}]"],
        &["takeout", "person=lin", "materials=[會員名冊]", "reason=核對會員資料"],
    ];
    let mut paths = Vec::new();
    for case in cases {
        let title = format!("測試{}", case[0]);
        let mut args = vec![case[0], "--title", title.as_str()];
        args.extend_from_slice(&case[1..]);
        paths.push(new(&args));
    }
    assert_eq!(paths[0], "documents/2026-doc-001.md");
    assert_eq!(paths[10], "finance/income/inc-2026-001.md");
    // Every type in types/ got a record.
    let types = std::fs::read_dir(dir.join("types")).unwrap().count();
    assert_eq!(cases.len() + 2, types);

    // The commitment needs its signature, and spending needs an approved budget; everything
    // else is complete as created.
    let error = |code: &str, path: &str, line| (code.to_string(), path.to_string(), line);
    assert_eq!(
        findings(&dir),
        vec![
            error("E036", "commitments/2026-commitment-001.md", 6),
            error("E045", "finance/expenses/exp-2026-001.md", 6),
            error("E045", "finance/income/inc-2026-001.md", 7),
        ]
    );
    let key = tmp.path().join("lin");
    for (file, step) in [
        ("commitments/2026-commitment-001.md", "sign"),
        ("finance/2026-budget-001.md", "approve"),
    ] {
        ok(run(
            &dir,
            &[
                "sign",
                file,
                "--step",
                step,
                "--by",
                "lin",
                "--date",
                "2026-11-27",
                "--role",
                "secretary-general",
                "--key",
                key.to_str().unwrap(),
            ],
        ));
    }
    let budget = dir.join("finance/2026-budget-001.md");
    let text = std::fs::read_to_string(&budget).unwrap();
    std::fs::write(&budget, text.replace("status: draft", "status: approved")).unwrap();
    assert_eq!(findings(&dir), vec![]);

    // The next record of a type takes the next free name; an unknown field or type is refused.
    assert_eq!(
        new(&["document", "--title", "第二份"]),
        "documents/2026-doc-002.md"
    );
    let bad = run(&dir, &["new", "document", "colour=red"]);
    assert!(
        bad.stderr.contains("have no field `colour`"),
        "{}",
        bad.stderr
    );
    let bad = run(&dir, &["new", "documnet"]);
    assert!(
        bad.stderr.contains("no record type `documnet`") && bad.stderr.contains("types: document"),
        "{}",
        bad.stderr
    );
    let bad = run(&dir, &["new", "person", "--id", "lin"]);
    assert!(bad.stderr.contains("already exists"), "{}", bad.stderr);
    // A name that leaves the folder, a value that is not YAML, and a field clerk sets itself.
    for (args, said) in [
        (
            &["new", "document", "--id", "../escape"][..],
            "cannot be a file name",
        ),
        (
            &["new", "document", "recipients=[unclosed"][..],
            "is not a YAML value",
        ),
        (&["new", "document", "status=issued"][..], "is set by clerk"),
        (
            &["new", "document", "no-equals-sign"][..],
            "is not field=value",
        ),
    ] {
        let bad = run(&dir, args);
        assert_eq!(bad.status, 2, "{args:?}");
        assert!(bad.stderr.contains(said), "{args:?}: {}", bad.stderr);
    }
    assert!(!dir.join("escape.md").exists() && !tmp.path().join("escape.md").exists());
}

#[test]
fn new_leaves_empty_fields_with_what_goes_there() {
    let repo = Repo::example();
    let out = ok(run(
        repo.path(),
        &["new", "document", "--date", "2026-11-27"],
    ));
    assert_eq!(out.trim(), "documents/2026-doc-007.md");
    let text = repo.read("documents/2026-doc-007.md");
    assert!(
        text.contains(
            "kind:   # 文種 kind of document (one of: 通知, 決定, 報告, 請示, 函, 紀要, 其他)\n"
        ),
        "{text}"
    );
    assert!(
        text.contains("\ndate: 2026-11-27\nstatus: draft\n---\n"),
        "{text}"
    );
    // Check names each empty field at its line.
    let out = repo.check();
    let got: Vec<_> = out
        .findings()
        .into_iter()
        .filter(|f| f.path == "documents/2026-doc-007.md")
        .map(|f| (f.code, f.line))
        .collect();
    assert_eq!(
        got,
        vec![
            ("E011".into(), 3),
            ("E011".into(), 5),
            ("E011".into(), 6),
            ("E012".into(), 4)
        ]
    );
}

/// A record in the example that is approved but not issued, written with comments and odd
/// formatting that `issue` must keep.
const ODD: &str = "---\r\n# 關於秋季講座的通知 — drafted by 王芳\r\ntype:    document\r\ntitle: '關於秋季講座的通知'   # title as on paper\r\nkind: 通知\r\ndepartment: general\r\ndrafted_by: wang-fang\r\ndate: 2026-11-20\r\nrecipients: [全體會員,   秘書處各部門]\r\npages: 1\r\napprovals: []\r\nstatus: draft   # moves by itself\r\nnumber:   # 文號: clerk issue\r\n---\r\n正文，保留  兩個空格。\r\n\r\n";

#[test]
fn issue_assigns_the_next_number_keeping_every_other_byte() {
    let repo = Repo::example();
    // The new number is one more than the highest of the year on disk.
    let out = ok(run(
        repo.path(),
        &["issue", "documents/2026-doc-004.md", "--date", "2026-11-27"],
    ));
    assert!(out.contains("協秘〔2026〕"), "{out}");
    let text = repo.read("documents/2026-doc-004.md");
    let numbers: Vec<u32> = walk_numbers(repo.path(), 2026);
    let mine = number_of(&text);
    assert_eq!(
        mine,
        *numbers.iter().max().unwrap(),
        "the highest, one more than before"
    );
    let before: Vec<u32> = numbers.iter().copied().filter(|n| *n != mine).collect();
    assert_eq!(mine, before.iter().max().unwrap() + 1);
    assert!(
        text.contains(&format!("number: 協秘〔2026〕{mine}號\n")),
        "no leading zeros, hexagonal brackets: {text}"
    );
    assert!(text.contains("issued_on: 2026-11-27\n") && text.contains("status: issued\n"));
    assert_eq!(
        repo.check().findings(),
        vec![],
        "the issued document checks clean"
    );
}

fn number_of(text: &str) -> u32 {
    let line = text.lines().find(|l| l.starts_with("number: ")).unwrap();
    let after = line.split('〕').nth(1).unwrap();
    after[..after.find('號').unwrap()].parse().unwrap()
}

fn walk_numbers(root: &Path, year: u32) -> Vec<u32> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(root.join("documents")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "md") {
            continue; // the encrypted record
        }
        let text = std::fs::read_to_string(path).unwrap();
        if text.contains(&format!("number: 協秘〔{year}〕")) {
            out.push(number_of(&text));
        }
    }
    out
}

#[test]
fn issue_refuses_without_the_approvals_and_keeps_odd_formatting() {
    let repo = Repo::example();
    repo.write("documents/2026-doc-009.md", ODD);
    // A draft cannot be issued: the state does not follow, and its approvals are missing.
    let out = run(
        repo.path(),
        &["issue", "documents/2026-doc-009.md", "--date", "2026-11-27"],
    );
    assert_eq!(out.status, 2);
    assert!(
        out.stderr
            .contains("`draft`; it can become `issued` only from `approved`"),
        "{}",
        out.stderr
    );
    assert_eq!(
        repo.read("documents/2026-doc-009.md"),
        ODD,
        "nothing written"
    );

    // Approved on paper but without the approvals: refused by the check of the result.
    let approved = ODD.replace("status: draft ", "status: approved ");
    repo.write("documents/2026-doc-009.md", &approved);
    let out = run(
        repo.path(),
        &["issue", "documents/2026-doc-009.md", "--date", "2026-11-27"],
    );
    assert_eq!(out.status, 2);
    assert!(out.stderr.contains("was not changed"), "{}", out.stderr);
    assert!(
        out.stderr.contains("[E036]"),
        "names the missing approval: {}",
        out.stderr
    );
    assert_eq!(repo.read("documents/2026-doc-009.md"), approved);

    // Signed by the department head and the secretary-general: issued, every other byte kept.
    let keys = repo.path().join(".example-keys");
    for (step, by) in [("review", "wang-fang"), ("approve", "lin-wenhui")] {
        ok(run(
            repo.path(),
            &[
                "sign",
                "documents/2026-doc-009.md",
                "--step",
                step,
                "--by",
                by,
                "--date",
                "2026-11-25",
                "--key",
                keys.join(by).to_str().unwrap(),
            ],
        ));
    }
    let signed = repo.read("documents/2026-doc-009.md");
    ok(run(
        repo.path(),
        &["issue", "documents/2026-doc-009.md", "--date", "2026-11-27"],
    ));
    let issued = repo.read("documents/2026-doc-009.md");
    let n = walk_numbers(repo.path(), 2026).into_iter().max().unwrap();
    let expected = signed
        .replace(
            "status: approved   # moves by itself",
            "status: issued   # moves by itself",
        )
        .replace(
            "number:   # 文號: clerk issue\r\n",
            &format!(
                "number: 協秘〔2026〕{n}號   # 文號: clerk issue\r\nissued_on: 2026-11-27\r\n"
            ),
        );
    assert_eq!(issued, expected);
    assert_eq!(repo.check().findings(), vec![]);
}

#[test]
fn numbers_never_collide_with_numbers_on_disk() {
    let repo = Repo::example();
    // A number typed by hand out of order (7 after 2): the next goes past it, not into the gap.
    repo.edit(
        "documents/2026-doc-003.md",
        "協秘〔2026〕3號",
        "協秘〔2026〕7號",
    );
    ok(run(
        repo.path(),
        &["issue", "documents/2026-doc-004.md", "--date", "2026-11-27"],
    ));
    let after = walk_numbers(repo.path(), 2026);
    let mut sorted = after.clone();
    sorted.sort();
    assert_eq!(sorted, vec![1, 2, 7, 8], "no number twice");
    assert!(repo
        .read("documents/2026-doc-004.md")
        .contains("number: 協秘〔2026〕8號\n"));
    // In another year the count starts again, and the year is the issue date's.
    let next_year = Repo::example();
    ok(run(
        next_year.path(),
        &["issue", "documents/2026-doc-004.md", "--date", "2027-01-04"],
    ));
    assert!(next_year
        .read("documents/2026-doc-004.md")
        .contains("number: 協秘〔2027〕1號\n"));
}

#[test]
fn archive_assigns_the_archive_number_and_retention() {
    let repo = Repo::example();
    let before = repo.read("documents/2026-doc-001.md");
    let out = ok(run(
        repo.path(),
        &[
            "archive",
            "documents/2026-doc-001.md",
            "--date",
            "2026-11-27",
        ],
    ));
    assert!(out.contains("Z109-WS·2026-D30-ZHB-0001"), "{out}");
    let after = repo.read("documents/2026-doc-001.md");
    let expected = before.replacen("status: issued\n", "status: archived\n", 1).replacen(
        "---\n茲訂於",
        "archive_no: Z109-WS·2026-D30-ZHB-0001\nretention: D30\narchived_on: 2026-11-27\n---\n茲訂於",
        1,
    );
    assert_eq!(after, expected);
    // The next in the same year, retention and department follows it; a permanent council
    // meeting goes on from the permanent series (Z109-WS·2026-Y-ZHB-0002 is taken).
    repo.edit(
        "meetings/2026-council-01.md",
        "kind: council\n",
        "kind: council\nretention: Y\n",
    );
    let out = ok(run(
        repo.path(),
        &[
            "archive",
            "meetings/2026-council-01.md",
            "--date",
            "2026-11-27",
        ],
    ));
    assert!(out.contains("archive_no: Z109-WS·2026-Y-ZHB-0003"), "{out}");
    let out = ok(run(
        repo.path(),
        &[
            "archive",
            "documents/2026-doc-003.md",
            "--date",
            "2026-11-27",
        ],
    ));
    assert!(out.contains("archive_no: Z109-WS·2026-D30-"), "{out}");
    assert_eq!(repo.check().findings(), vec![]);

    // Already archived, or not in a state that may be archived: refused, nothing written.
    let out = run(repo.path(), &["archive", "documents/2026-doc-001.md"]);
    assert!(
        out.stderr.contains("already has archive_no"),
        "{}",
        out.stderr
    );
    let draft = repo.read("documents/2026-doc-005.md");
    let out = run(repo.path(), &["archive", "documents/2026-doc-005.md"]);
    assert_eq!(out.status, 2);
    assert!(
        out.stderr
            .contains("can become `archived` only from `issued`"),
        "{}",
        out.stderr
    );
    assert_eq!(repo.read("documents/2026-doc-005.md"), draft);
}

/// The front matter of every example record, as YAML files by type.
fn front_matter_by_type(root: &Path, out: &Path) -> Vec<String> {
    let mut types = Vec::new();
    for entry in walkdir::WalkDir::new(root).into_iter().filter_entry(|e| {
        let name = e.file_name().to_string_lossy();
        !(name.starts_with('.') && e.depth() > 0) && name != "public" && name != "types"
    }) {
        let entry = entry.unwrap();
        let name = entry.file_name().to_string_lossy().into_owned();
        if !name.ends_with(".md") || name == "README.md" {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap();
        let yaml = text.split("---\n").nth(1).unwrap();
        let type_name = yaml
            .lines()
            .find_map(|l| l.strip_prefix("type: "))
            .unwrap()
            .trim()
            .to_string();
        std::fs::create_dir_all(out.join(&type_name)).unwrap();
        std::fs::write(
            out.join(&type_name).join(name.replace(".md", ".yaml")),
            yaml,
        )
        .unwrap();
        if !types.contains(&type_name) {
            types.push(type_name);
        }
    }
    types.sort();
    types
}

#[test]
fn check_jsonschema_validates_the_example_against_the_exported_schemas() {
    if !common::python_has("check_jsonschema") {
        return;
    }
    let tmp = Repo::empty();
    let example = common::crate_dir().join("records-example");
    let schemas = tmp.path().join("schemas");
    ok(run(&example, &["schema", "-o", schemas.to_str().unwrap()]));
    let records = tmp.path().join("records");
    let types = front_matter_by_type(&example, &records);
    assert_eq!(types.len(), 17, "{types:?}");
    let validate = |type_name: &str| {
        let files: Vec<_> = std::fs::read_dir(records.join(type_name))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        Command::new("python3")
            .args(["-m", "check_jsonschema", "--schemafile"])
            .arg(schemas.join(format!("{type_name}.schema.json")))
            .args(&files)
            .output()
            .unwrap()
    };
    for type_name in &types {
        let out = validate(type_name);
        assert!(
            out.status.success(),
            "{type_name}: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    // A kind of document the rules do not know is rejected, at its field.
    let bad = records.join("document/2026-doc-001.yaml");
    let text = std::fs::read_to_string(&bad).unwrap();
    std::fs::write(&bad, text.replace("kind: 通知", "kind: 公告")).unwrap();
    let out = validate("document");
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains("2026-doc-001.yaml::$.kind") && said.contains("公告"),
        "{said}"
    );
}

#[test]
fn front_matter_cms_content_types_follow_the_schemas() {
    let example = common::crate_dir().join("records-example");
    let out = ok(run(&example, &["schema", "--front-matter-cms"]));
    let config: serde_json::Value = serde_json::from_str(&out).unwrap();
    let types = config["frontMatter.taxonomy.contentTypes"]
        .as_array()
        .unwrap();
    assert_eq!(types.len(), 18);
    let document = types.iter().find(|t| t["name"] == "document").unwrap();
    let field = |name: &str| {
        document["fields"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["name"] == name)
            .unwrap_or_else(|| panic!("no field {name}"))
            .clone()
    };
    assert_eq!(field("type")["default"], "document");
    assert_eq!(field("kind")["type"], "choice");
    assert_eq!(
        field("kind")["choices"],
        serde_json::json!(["通知", "決定", "報告", "請示", "函", "紀要", "其他"])
    );
    assert_eq!(field("kind")["required"], true);
    assert_eq!(field("date")["type"], "datetime");
    assert_eq!(field("pages")["type"], "number");
    assert_eq!(field("recipients")["type"], "list");
    assert_eq!(field("status")["default"], "draft");
    assert!(field("number")["description"]
        .as_str()
        .unwrap()
        .contains("set by clerk"));
    // Lists of objects are blocks whose field group lists the object's fields.
    assert_eq!(field("circulation")["type"], "block");
    let groups = config["frontMatter.taxonomy.fieldGroups"]
        .as_array()
        .unwrap();
    let circulation = groups
        .iter()
        .find(|g| g["id"] == "document-circulation")
        .unwrap();
    let names: Vec<&str> = circulation["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["person", "read_on"]);
    assert!(document["fields"]
        .as_array()
        .unwrap()
        .iter()
        .all(|f| f["name"] != "approvals"));
    let folders = config["frontMatter.content.pageFolders"]
        .as_array()
        .unwrap();
    assert!(folders
        .iter()
        .any(|f| f["path"] == "[[workspace]]/finance/expenses"
            && f["contentTypes"] == serde_json::json!(["expense"])));
}
