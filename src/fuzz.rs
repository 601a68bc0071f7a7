//! Entry points for fuzzing (`fuzz/`, cargo fuzz) and for replaying what fuzzing found
//! (`tests/fuzz.rs`): each takes arbitrary bytes and must never panic.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use crate::diag::{codes, Diagnostic, Pos};
use crate::model::expr::{self, Evaluator};
use crate::model::repo::Repository;
use crate::read::{Discovery, Snapshot, SourceFile};

/// The front-matter splitter, the YAML parser and the position finder.
pub fn frontmatter(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    if let Ok(split) = crate::parse::frontmatter::split(&text) {
        let _ = crate::parse::yaml::parse_mapping(split.yaml);
        let locations = crate::parse::yaml::Locations::of(split.yaml);
        let _ = locations.nearest("/approvals/0/signature");
    }
    let file = SourceFile {
        path: "x.md".into(),
        text: text.into_owned(),
        ..Default::default()
    };
    if let Ok(record) = crate::model::record::Record::parse(0, &file) {
        let _ = record.pos(&file.text, "/title", false);
    }
}

/// A whole `clerk check` of one record among the default rules and a few people: the record
/// is `documents/fuzz.md`. The configuration is loaded once; each input is added to it, checked
/// and taken out again, as a whole load would have read it.
pub fn record(data: &[u8]) {
    static BASE: OnceLock<Option<Mutex<Repository>>> = OnceLock::new();
    let base = BASE.get_or_init(|| {
        let mut files = BTreeMap::new();
        files.insert("clerk.yaml".to_string(), crate::cmd::init::CONFIG.to_string());
        for (name, text) in crate::cmd::init::TYPES {
            files.insert(format!("types/{name}.yaml"), (*text).to_string());
        }
        files.insert(
            "people/wang-fang.md".into(),
            "---\ntype: person\ntitle: 王芳\nname: 王芳\nkind: staff\ndepartment: general\njoined: 2024-01-01\nkeys:\n  - key: ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIMAX54Mj0nVkTrVjiL5U9ScZMGNZ3NbfA1aWLP2um3/h wang-fang\n    from: 2024-01-01\nroles:\n  - role: department-head\n    scope: [general]\n    from: 2024-01-01\n---\n".into(),
        );
        let memory = Memory {
            root: PathBuf::from("/nonexistent-clerk-fuzz"),
            files,
        };
        Repository::load_from(&memory).ok().map(|(repo, _)| Mutex::new(repo))
    });
    let Some(base) = base else { return };
    // Bytes that are not text take the path the reader reports.
    let Ok(file) = crate::read::decode("documents/fuzz.md", data.to_vec(), 1 << 20) else {
        return;
    };
    let mut repo = base.lock().unwrap_or_else(|e| e.into_inner());
    if repo.push_record(file).is_ok() {
        let _ = crate::check::run(
            &repo,
            &crate::check::Options {
                today: chrono::NaiveDate::from_ymd_opt(2026, 11, 26).expect("a date"),
            },
        );
        repo.remove_last();
    }
}

/// The signature parser and verifier: arbitrary armored text as an approval's signature.
pub fn signature(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let _ = ssh_key::SshSig::from_pem(text.trim());
    let _ = ssh_key::PublicKey::from_openssh(text.trim());
    let _ = crate::crypt::tags(data);
    let _ = crate::crypt::tag_of(&text);
    // As the signature of a real approval, through the whole check.
    let mut indented = String::new();
    for line in text.lines().take(200) {
        indented.push_str("      ");
        indented.push_str(line);
        indented.push('\n');
    }
    let record = format!(
        "---\ntype: document\ntitle: t\nkind: 通知\ndepartment: general\ndrafted_by: wang-fang\ndate: 2026-01-03\napprovals:\n  - step: review\n    by: wang-fang\n    role: department-head\n    date: 2026-01-04\n    signature: |\n{indented}status: reviewed\n---\n"
    );
    self::record(record.as_bytes());
}

/// The expression compiler and evaluator: the first line is the expression, the rest a record
/// (YAML) it reads.
pub fn expression(data: &[u8]) {
    static ENV: OnceLock<Arc<cel::Env>> = OnceLock::new();
    let env = ENV.get_or_init(|| Arc::new(Evaluator::env()));
    let text = String::from_utf8_lossy(data);
    let (source, rest) = text.split_once('\n').unwrap_or((&text, ""));
    // Deeply nested expressions are refused before the parser sees them.
    let Ok(compiled) = expr::compile(env, source, "fuzz.yaml", Pos::line(1), None) else {
        return;
    };
    let record = crate::parse::yaml::parse_value(rest).unwrap_or(serde_json::Value::Null);
    let ev = Evaluator::new(
        Arc::clone(env),
        &serde_json::json!({"ann": {"department": "general"}}),
        &serde_json::json!({"thresholds": {"a": 1}, "calendar": {"holidays": ["2026-01-01"]}}),
        "2026-11-26",
    );
    let scope = ev.scope(&record, None);
    let _ = scope.eval(&compiled);
    let _ = scope.truth(&compiled);
    let _ = scope.strings(&compiled);
}

/// Files held in memory, as a snapshot.
struct Memory {
    root: PathBuf,
    files: BTreeMap<String, String>,
}

impl Snapshot for Memory {
    fn exists(&self, rel: &str) -> bool {
        self.files.contains_key(rel)
    }
    fn load(&self, rel: &str, limit: u64) -> Result<SourceFile, Diagnostic> {
        match self.files.get(rel) {
            Some(text) => crate::read::decode(rel, text.clone().into_bytes(), limit),
            None => Err(Diagnostic::new(
                codes::UNREADABLE,
                rel,
                Pos::FILE,
                "no such file",
            )),
        }
    }
    fn bytes(&self, rel: &str) -> Option<Vec<u8>> {
        self.files.get(rel).map(|t| t.clone().into_bytes())
    }
    fn list(&self, dir: &str) -> Vec<String> {
        let prefix = format!("{dir}/");
        self.files
            .keys()
            .filter(|k| k.starts_with(&prefix) && !k[prefix.len()..].contains('/'))
            .cloned()
            .collect()
    }
    fn records(&self, discovery: &Discovery) -> (Vec<String>, Vec<Diagnostic>) {
        let files = self
            .files
            .keys()
            .filter(|k| discovery.wants(k))
            .cloned()
            .collect();
        (files, Vec::new())
    }
    fn root(&self) -> &Path {
        &self.root
    }
}
