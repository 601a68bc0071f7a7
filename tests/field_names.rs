//! No field of a configured type is read by a name written in clerk's code (issue #18): every
//! record field clerk reads is named in the association's configuration, with the defaults
//! in one table, `src/model/defaults.rs`. This test reads that table for the names and fails
//! on any of them written, anywhere else in `src/`, where a record's field is read or written.

use std::path::Path;

/// The one file allowed to name a record field of a configured type.
const TABLE: &str = "model/defaults.rs";

/// Names in the table that are also part of every record's own format (a record's `id`, an
/// approval's `date`), which clerk reads by design, not from a configured type.
const OWN_FORMAT: &[&str] = &["id", "date"];

/// Lines that name one of those words, but not as a record's field: each is the file and a
/// piece of its line, and why.
const NOT_FIELDS: &[(&str, &str, &str)] = &[
    (
        "cmd/complete.rs",
        "r.get(\"name\")",
        "a register's name, in a type file",
    ),
    (
        "cmd/init.rs",
        "[\"association\"][\"name\"]",
        "the association's name, in clerk.yaml",
    ),
    (
        "cmd/desk/actions.rs",
        "form.get(\"comment\")",
        "the desk's return form's comment box, not a record's field",
    ),
    (
        "model/labels.rs",
        ".get(\"name\")?",
        "an item's name in a clerk.yaml list (departments)",
    ),
    (
        "model/types/compile.rs",
        "\"/circulation/",
        "the type file's own `circulation:` setting",
    ),
    (
        "site/search.rs",
        "(\"kind\".to_string(), entry.kind",
        "the search index's own metadata",
    ),
];

/// The field names the defaults table holds: every string literal in it.
fn default_names(table: &str) -> Vec<String> {
    let mut names: Vec<String> = code_lines(table)
        .flat_map(|(_, line)| literals(line))
        .filter(|n| !n.is_empty() && !OWN_FORMAT.contains(&n.as_str()))
        .collect();
    names.sort();
    names.dedup();
    names
}

/// A file's lines of code with their numbers: comments, and the `#[cfg(test)]` module at the
/// end of a file (tests write records, with their fields), left out.
fn code_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .take_while(|(_, l)| l.trim() != "#[cfg(test)]")
        .map(|(n, l)| (n + 1, l.split("//").next().unwrap_or("")))
}

/// The string literals of one line of code (no escapes: field names have none).
fn literals(line: &str) -> Vec<String> {
    line.split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

/// Whether `line` reads or writes `name` as a record field: looks it up (`get("name")`,
/// `str_field("name")`, `["name"]`), points into it (`"/name/…"`), builds it (`"name".into()`,
/// `"name".to_string()`) or hands it to an edit (`list: "name"`). A message's argument
/// (`("name", value)`) and a serde attribute are not field reads.
fn reads(line: &str, name: &str) -> bool {
    let q = format!("\"{name}\"");
    let forms = [
        format!("get({q})"),
        format!("get_mut({q})"),
        format!("field({q})"),
        format!("[{q}]"),
        format!("{q}.into()"),
        format!("{q}.to_string()"),
        format!("String::from({q})"),
        format!("list: {q}"),
        format!("key: {q}"),
        format!("\"/{name}/"),
        format!("\"/{name}\""),
        format!("in [{q}"),
    ];
    forms.iter().any(|f| line.contains(f.as_str()))
}

/// Every place outside the table where a default field name is read, as `file:line: name`.
fn literal_reads(files: &[(String, String)], names: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    for (rel, text) in files.iter().filter(|(rel, _)| rel != TABLE) {
        for (n, line) in code_lines(text) {
            let not_a_field = NOT_FIELDS
                .iter()
                .any(|(file, piece, _)| file == rel && line.contains(piece));
            if not_a_field {
                continue;
            }
            for name in names.iter().filter(|name| reads(line, name)) {
                out.push(format!("src/{rel}:{n}: `{name}`"));
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

fn table(files: &[(String, String)]) -> &str {
    &files.iter().find(|(rel, _)| rel == TABLE).expect(TABLE).1
}

#[test]
fn record_fields_are_named_only_in_the_defaults_table() {
    let files = sources();
    let names = default_names(table(&files));
    for expected in [
        "circulation",
        "read_on",
        "supersedes",
        "roles",
        "keys",
        "name",
    ] {
        assert!(
            names.iter().any(|n| n == expected),
            "{expected} in {names:?}"
        );
    }
    let found = literal_reads(&files, &names);
    assert!(
        found.is_empty(),
        "record fields read by a name written in the code, not by the configured name \
         (add a setting with its default in src/{TABLE}):\n{}",
        found.join("\n")
    );
}

#[test]
fn a_planted_literal_field_read_is_found() {
    let mut files = sources();
    let names = default_names(table(&files));
    let (rel, text) = files
        .iter_mut()
        .find(|(rel, _)| rel == "site/pages/record.rs")
        .unwrap();
    text.insert_str(
        0,
        "fn planted(r: &Record) { r.str_field(\"supersedes\"); }\n",
    );
    let rel = rel.clone();
    let found = literal_reads(&files, &names);
    assert!(
        found.contains(&format!("src/{rel}:1: `supersedes`")),
        "{found:?}"
    );
    // A message's argument of the same name is not a field read.
    assert!(!reads("t(\"x\", &[(\"roles\", roles)])", "roles"));
}
