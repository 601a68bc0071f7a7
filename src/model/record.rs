//! A record: one Markdown file with YAML front matter.

use std::ops::Range;
use std::sync::OnceLock;

use serde_json::{Map, Value};

use super::levels::{Classification, Levels};
use crate::diag::{codes, Diagnostic, Pos};
use crate::i18n::t;
use crate::parse::frontmatter::{self, SplitError};
use crate::parse::yaml::{self, Locations, YamlError};
use crate::read::SourceFile;

/// One record as read from its file.
#[derive(Debug)]
pub struct Record {
    /// The record's id: its `id` field, or the file name without `.md`.
    pub id: String,
    /// Path relative to the repository root.
    pub path: String,
    /// The `type` field, when it is text.
    pub type_name: Option<String>,
    /// The front matter as JSON (an object).
    pub fields: Value,
    /// 1-based file line of the first YAML line.
    pub yaml_line: usize,
    /// Byte range of the YAML in the file text.
    pub yaml_range: Range<usize>,
    /// Byte range of the Markdown body in the file text.
    pub body_range: Range<usize>,
    /// Index of the file in the repository's sources.
    pub source: usize,
    locations: OnceLock<Locations>,
}

impl Record {
    /// Reads a record from a file; a file that is not a record yields one diagnostic.
    pub fn parse(source: usize, file: &SourceFile) -> Result<Record, Diagnostic> {
        let path = file.path.as_str();
        let split = frontmatter::split(&file.text).map_err(|e| match e {
            SplitError::Empty => Diagnostic::new(
                codes::NO_FRONT_MATTER,
                path,
                Pos::FILE,
                t("file-empty", &[]),
            )
            .hint(t("file-empty-hint", &[])),
            SplitError::Missing => Diagnostic::new(
                codes::NO_FRONT_MATTER,
                path,
                Pos::line(1),
                t("no-front-matter", &[]),
            )
            .hint(t("no-front-matter-hint", &[])),
            SplitError::Unterminated => Diagnostic::new(
                codes::UNTERMINATED_FRONT_MATTER,
                path,
                Pos::new(1, 1, 3),
                t("front-matter-open", &[]),
            )
            .hint(t("front-matter-open-hint", &[])),
        })?;
        let at_yaml = |line: usize, column: usize| Pos::new(split.yaml_line + line - 1, column, 1);
        let fields = yaml::parse_mapping(split.yaml).map_err(|e| match e {
            YamlError::Syntax {
                line,
                column,
                message,
            } => Diagnostic::new(
                codes::YAML_SYNTAX,
                path,
                at_yaml(line, column),
                t("front-matter-yaml", &[("problem", &message)]),
            )
            .hint(syntax_hint(&message)),
            YamlError::NotAMapping { found } => Diagnostic::new(
                codes::NOT_A_MAPPING,
                path,
                Pos::line(split.yaml_line),
                t("front-matter-not-mapping", &[("found", &found)]),
            )
            .hint(t("front-matter-not-mapping-hint", &[])),
            YamlError::Unsupported { pointer, message } => {
                let locs = Locations::of(split.yaml);
                let pos = locs
                    .nearest(&pointer)
                    .map_or(Pos::line(split.yaml_line), |l| {
                        Pos::new(
                            split.yaml_line + l.value.line - 1,
                            l.value.column,
                            l.value.width,
                        )
                    });
                Diagnostic::new(codes::UNSUPPORTED_YAML, path, pos, message)
                    .hint(t("unsupported-yaml-hint", &[]))
            }
        })?;
        Ok(Record::from_parsed(
            source,
            path,
            super::parsed::Parts {
                fields: Value::Object(fields),
                yaml_line: split.yaml_line,
                yaml_range: split.yaml_offset..split.yaml_offset + split.yaml.len(),
                body_range: split.body_offset..file.text.len(),
            },
        ))
    }

    /// The record whose front matter and ranges are `parsed` (by [`Record::parse`], now or
    /// before: see [`super::parsed`]): its id is the `id` field or the file name.
    pub fn from_parsed(source: usize, path: &str, parsed: super::parsed::Parts) -> Record {
        let fields = parsed.fields;
        let type_name = fields
            .get("type")
            .and_then(Value::as_str)
            .map(str::to_string);
        let id = match fields.get("id") {
            Some(Value::String(id)) => id.clone(),
            _ => stem(path).to_string(),
        };
        Record {
            id,
            path: path.to_string(),
            type_name,
            fields,
            yaml_line: parsed.yaml_line,
            yaml_range: parsed.yaml_range,
            body_range: parsed.body_range,
            source,
            locations: OnceLock::new(),
        }
    }

    /// The front matter as a map.
    pub fn map(&self) -> &Map<String, Value> {
        static EMPTY: OnceLock<Map<String, Value>> = OnceLock::new();
        self.fields
            .as_object()
            .unwrap_or_else(|| EMPTY.get_or_init(Map::new))
    }

    /// A top-level text field.
    pub fn str_field(&self, key: &str) -> Option<&str> {
        self.fields.get(key).and_then(Value::as_str)
    }

    /// The record's title, if it has one.
    pub fn title(&self) -> Option<&str> {
        self.str_field("title")
    }

    /// The record's own classification among `levels`, or `default` (its type's) when it
    /// sets none.
    pub fn classification(&self, levels: &Levels, default: Classification) -> Classification {
        match self.str_field("classification") {
            // An unknown level is reported by the schema check; treat it as the strictest.
            Some(id) => levels.parse(id).unwrap_or_else(|| levels.top()),
            None => default,
        }
    }

    /// The Markdown body.
    pub fn body<'a>(&self, text: &'a str) -> &'a str {
        &text[self.body_range.clone()]
    }

    /// The position of the field at JSON `pointer` (or of its key), for a diagnostic.
    ///
    /// `text` is the record's file text. A pointer the text does not have falls back to its
    /// nearest ancestor; the root is the opening `---`.
    pub fn pos(&self, text: &str, pointer: &str, on_key: bool) -> Pos {
        if pointer.is_empty() {
            return Pos::new(self.yaml_line - 1, 1, 3);
        }
        let locs = self
            .locations
            .get_or_init(|| Locations::of(&text[self.yaml_range.clone()]));
        match locs.nearest(pointer) {
            Some(loc) => {
                let exact = locs.get(pointer).is_some();
                let place = if on_key || !exact {
                    loc.key.unwrap_or(loc.value)
                } else {
                    loc.value
                };
                Pos::new(self.yaml_line + place.line - 1, place.column, place.width)
            }
            None => Pos::new(self.yaml_line - 1, 1, 3),
        }
    }
}

/// The file name without directories and without `.md`.
pub fn stem(path: &str) -> &str {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.strip_suffix(crate::crypt::SUFFIX)
        .or_else(|| name.strip_suffix(".md"))
        .unwrap_or(name)
}

/// A hint for the YAML mistakes staff make most.
fn syntax_hint(message: &str) -> String {
    let id = if message.contains("duplicate") {
        "yaml-hint-duplicate"
    } else if message.contains("recursion limit") || message.contains("repetition limit") {
        "yaml-hint-deep"
    } else if message.contains("mapping values are not allowed") {
        "yaml-hint-colon"
    } else if message.contains("tab") {
        "yaml-hint-tab"
    } else {
        "yaml-hint-other"
    };
    t(id, &[])
}

/// The record as expressions see it: declared fields it leaves out are null.
pub fn record_value(def: &super::types::TypeDef, record: &Record) -> Value {
    let mut map = record.map().clone();
    for p in &def.properties {
        map.entry(p.clone()).or_insert(Value::Null);
    }
    map.insert("id".into(), Value::String(record.id.clone()));
    Value::Object(map)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &str) -> SourceFile {
        SourceFile {
            path: "documents/d1.md".into(),
            text: text.into(),
            ..Default::default()
        }
    }

    #[test]
    fn parses_record_and_defaults_id_to_stem() {
        let r = Record::parse(0, &file("---\ntype: document\ntitle: 通知\n---\n正文\n")).unwrap();
        assert_eq!(r.id, "d1");
        assert_eq!(r.type_name.as_deref(), Some("document"));
        assert_eq!(
            r.body(&file("---\ntype: document\ntitle: 通知\n---\n正文\n").text),
            "正文\n"
        );
    }

    #[test]
    fn yaml_error_line_is_the_file_line() {
        let err = Record::parse(0, &file("---\ntype: document\ntitle: [oops\n---\n")).unwrap_err();
        assert_eq!(err.code, codes::YAML_SYNTAX);
        assert!(err.line >= 3, "line {}", err.line);
    }

    #[test]
    fn positions_are_file_lines() {
        let text = "---\ntype: document\napprovals:\n  - step: review\n    by: x\n---\n";
        let r = Record::parse(0, &file(text)).unwrap();
        assert_eq!(r.pos(text, "/approvals/0/by", false), Pos::new(5, 9, 1));
        assert_eq!(r.pos(text, "/approvals/0/by", true), Pos::new(5, 5, 2));
        // A missing field points at the key of its nearest parent.
        assert_eq!(r.pos(text, "/approvals/0/role", false).line, 4);
        assert_eq!(r.pos(text, "", false), Pos::new(1, 1, 3));
    }

    #[test]
    fn list_front_matter_is_not_a_mapping() {
        let err = Record::parse(0, &file("---\n- a\n---\n")).unwrap_err();
        assert_eq!((err.code, err.line), (codes::NOT_A_MAPPING, 2));
    }
}
