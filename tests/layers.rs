//! The source's layers hold: no module imports a module of a higher layer (ARCHITECTURE.md).
//!
//! Each top-level module of `src/` has a rank; a file may use its own module and modules of a
//! lower rank only. Two modules never share a rank, so no two of them can import each other.

use std::path::Path;

/// The modules from the bottom up. A new module gets a place here, and ARCHITECTURE.md says why.
const LAYERS: &[&str] = &[
    // 0. foundations
    "i18n", "diag", "text", "date", "fsio", // 1. files
    "parse", "crypt", "cache", "read", "edit", "history", "git",
    // 2. the records as clerk understands them
    "model",  // 3. findings
    "check",  // 4. computed views
    "derive", // 5. the archive website
    "site",   // 6. commands and the entry point
    "cmd", "cli", "fuzz", "main",
];

/// The top-level module a source file belongs to (`model/types/compile.rs` → `model`).
fn module_of(rel: &str) -> &str {
    let first = rel.split('/').next().unwrap_or(rel);
    first.strip_suffix(".rs").unwrap_or(first)
}

fn rank(module: &str) -> Option<usize> {
    LAYERS.iter().position(|m| *m == module)
}

/// The top-level modules a file's code names through `crate::` (or `clerk::` in the binary),
/// with the line of each, comments left out.
fn uses(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut group_depth = 0usize;
    for (n, line) in text.lines().enumerate() {
        let code = line.split("//").next().unwrap_or("");
        let mut rest = code;
        // Inside `use crate::{a::b, c};` spanning lines, every first segment is a module.
        if group_depth > 0 {
            for item in rest.split(',') {
                let name: String = item
                    .trim()
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if !name.is_empty() && name != "self" {
                    out.push((n + 1, name));
                }
            }
            if rest.contains('}') {
                group_depth = 0;
            }
            continue;
        }
        while let Some(at) = ["crate::", "clerk::"]
            .iter()
            .filter_map(|p| rest.find(p).map(|i| (i, p.len())))
            .min()
        {
            let after = &rest[at.0 + at.1..];
            if let Some(group) = after.strip_prefix('{') {
                let inner = group.split('}').next().unwrap_or(group);
                for item in inner.split(',') {
                    let name: String = item
                        .trim()
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect();
                    if !name.is_empty() && name != "self" {
                        out.push((n + 1, name));
                    }
                }
                if !group.contains('}') {
                    group_depth = 1;
                }
                break;
            }
            let name: String = after
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            rest = &after[name.len()..];
            if !name.is_empty() {
                out.push((n + 1, name));
            }
        }
    }
    out
}

/// Every import of a higher layer, as `file:line: module uses module`.
fn violations(files: &[(String, String)]) -> Vec<String> {
    let mut out = Vec::new();
    for (rel, text) in files {
        let own = module_of(rel);
        if own == "lib" {
            continue;
        }
        let Some(own_rank) = rank(own) else {
            out.push(format!(
                "{rel}: module `{own}` has no layer in tests/layers.rs"
            ));
            continue;
        };
        for (line, used) in uses(text) {
            if used == own {
                continue;
            }
            match rank(&used) {
                Some(r) if r < own_rank => {}
                Some(_) => out.push(format!(
                    "{rel}:{line}: `{own}` uses `{used}`, which is not below it"
                )),
                None => {} // an item of lib.rs or a crate-level macro, not a module
            }
        }
    }
    out
}

fn sources() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    let mut folders = vec![root.clone()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let rel = path.strip_prefix(&root).unwrap();
                let rel = rel.to_string_lossy().replace('\\', "/");
                files.push((rel, std::fs::read_to_string(&path).unwrap()));
            }
        }
    }
    files.sort();
    files
}

#[test]
fn no_module_imports_a_higher_layer() {
    let files = sources();
    assert!(files.len() > 40, "found the sources");
    let found = violations(&files);
    assert!(
        found.is_empty(),
        "imports that run upward:\n{}",
        found.join("\n")
    );
}

#[test]
fn a_planted_upward_import_is_found() {
    let mut files = sources();
    let (_, text) = files
        .iter_mut()
        .find(|(rel, _)| rel == "model/repo.rs")
        .unwrap();
    text.push_str("\nfn planted() { crate::check::run(); }\n");
    let lines = text.lines().count();
    files.push((
        "parse/planted.rs".into(),
        "use crate::{\n    diag::Diagnostic,\n    model::repo::Repository,\n};\n".into(),
    ));
    files.push((
        "diag/planted.rs".into(),
        "use crate::text::closest;\n".into(),
    ));
    files.push(("newroom.rs".into(), "fn f() {}\n".into()));
    let mut found = violations(&files);
    found.sort();
    assert_eq!(
        found,
        [
            "diag/planted.rs:1: `diag` uses `text`, which is not below it".to_string(),
            format!("model/repo.rs:{lines}: `model` uses `check`, which is not below it"),
            "newroom.rs: module `newroom` has no layer in tests/layers.rs".to_string(),
            "parse/planted.rs:3: `parse` uses `model`, which is not below it".to_string(),
        ]
    );
}
#[test]
fn every_source_file_is_at_most_600_lines() {
    let long: Vec<String> = sources()
        .iter()
        .map(|(rel, text)| (rel, text.lines().count()))
        .filter(|(_, n)| *n > 600)
        .map(|(rel, n)| format!("src/{rel}: {n} lines"))
        .collect();
    assert!(
        long.is_empty(),
        "split these by responsibility:\n{}",
        long.join("\n")
    );
}
