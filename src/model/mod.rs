//! Model stage: the records repository as clerk understands it — configuration, record
//! types (the association's rules, as data), and the records themselves.

pub mod attachments;
pub mod config;
pub mod council;
pub mod defaults;
pub mod digest;
pub mod expr;
pub mod keys;
pub mod labels;
pub mod levels;
mod load;
mod names;
pub mod navigation;
pub mod parsed;
pub mod people;
pub mod readers;
pub mod record;
pub mod refs;
pub mod registers;
pub mod repo;
pub mod sealed;
mod serde_says;
pub mod share;
pub mod types;

use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::diag::{Code, Diagnostic, Pos};
use crate::parse::yaml::{self, Locations, YamlError};

/// Reads a configuration file (YAML) into `T`, with file-relative positions on failure.
///
/// Returns the typed value and the raw JSON (rules such as CEL conditions read the raw form).
pub(crate) fn deserialize_config<T: DeserializeOwned>(
    code: Code,
    path: &str,
    text: &str,
) -> Result<(T, Value), Diagnostic> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let raw = match yaml::parse_value(text) {
        Ok(v) => v,
        Err(YamlError::Syntax {
            line,
            column,
            message,
        }) => {
            return Err(Diagnostic::new(
                code,
                path,
                Pos::new(line, column, 1),
                crate::i18n::t("yaml-invalid", &[("problem", &message)]),
            )
            .hint(crate::i18n::t("yaml-invalid-hint", &[])))
        }
        Err(YamlError::NotAMapping { found }) => {
            return Err(Diagnostic::new(
                code,
                path,
                Pos::line(1),
                crate::i18n::t("yaml-not-mapping", &[("found", &found)]),
            ))
        }
        Err(YamlError::Unsupported { pointer, message }) => {
            return Err(Diagnostic::new(
                code,
                path,
                locate(text, &pointer, false),
                message,
            ))
        }
    };
    let raw = if raw.is_null() {
        Value::Object(Default::default())
    } else {
        raw
    };
    match serde_path_to_error::deserialize::<_, T>(&raw) {
        Ok(typed) => Ok((typed, raw)),
        Err(err) => {
            let mut pointer = pointer_of(err.path());
            let message = yaml::bare_message(&err.inner().to_string());
            // serde names an unknown key in its message but not in the path; point at the key.
            if let Some(key) = message
                .strip_prefix("unknown field `")
                .and_then(|rest| rest.split('`').next())
            {
                let segment = format!("/{}", yaml::escape_pointer(key));
                if !pointer.ends_with(&segment) {
                    pointer.push_str(&segment);
                }
            }
            let field = display_path(&pointer);
            // An unknown key is best shown at the key itself.
            let on_key = message.starts_with("unknown field");
            let message = serde_says::says(&message);
            let message = if field.is_empty() {
                message
            } else {
                format!("`{field}`: {message}")
            };
            Err(Diagnostic::new(
                code,
                path,
                locate(text, &pointer, on_key),
                message,
            ))
        }
    }
}

/// The position of the node at `pointer` in YAML `text` (or of its key), falling back to line 1.
pub(crate) fn locate(text: &str, pointer: &str, on_key: bool) -> Pos {
    locate_in(&Locations::of(text), pointer, on_key)
}

/// The position of the node at `pointer` among positions read once.
pub(crate) fn locate_in(locations: &Locations, pointer: &str, on_key: bool) -> Pos {
    match locations.nearest(pointer) {
        Some(loc) => {
            let place = if on_key {
                loc.key.unwrap_or(loc.value)
            } else {
                loc.value
            };
            Pos::new(place.line, place.column, place.width)
        }
        None => Pos::line(1),
    }
}

/// A `serde_path_to_error` path as a JSON pointer.
fn pointer_of(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for seg in path.iter() {
        match seg {
            Segment::Seq { index } => out.push_str(&format!("/{index}")),
            Segment::Map { key } => {
                out.push('/');
                out.push_str(&yaml::escape_pointer(key));
            }
            Segment::Enum { .. } | Segment::Unknown => {}
        }
    }
    out
}

/// A JSON pointer as a user reads a field path: `/approvals/0/by` → `approvals[0].by`.
pub fn display_path(pointer: &str) -> String {
    let mut out = String::new();
    for seg in pointer.split('/').skip(1) {
        let seg = seg.replace("~1", "/").replace("~0", "~");
        if !seg.is_empty() && seg.bytes().all(|b| b.is_ascii_digit()) {
            out.push_str(&format!("[{seg}]"));
        } else {
            if !out.is_empty() {
                out.push('.');
            }
            out.push_str(&seg);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_paths() {
        assert_eq!(display_path("/approvals/0/by"), "approvals[0].by");
        assert_eq!(display_path("/a~1b"), "a/b");
        assert_eq!(display_path(""), "");
    }
}
