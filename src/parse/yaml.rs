//! YAML front matter: values through `serde_yaml`, positions through an event parser.
//!
//! Values are converted to JSON, the data model the field schemas (JSON Schema) and the
//! content digest (RFC 8785) are defined over. Positions are computed only when a finding
//! needs them, so a clean check does not pay for them.

use std::collections::HashMap;

use saphyr_parser::{Event, Parser, Span};
use serde_json::{Map, Value};

/// Why front matter could not become a mapping of fields.
#[derive(Debug, Clone, PartialEq)]
pub enum YamlError {
    /// Not valid YAML; `line`/`column` are 1-based within the YAML text.
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    /// Valid YAML, but a list or a single value instead of `key: value` lines.
    NotAMapping { found: &'static str },
    /// A value YAML allows but JSON cannot hold, at a JSON pointer.
    Unsupported { pointer: String, message: String },
}

/// Parses YAML front matter into a JSON object. Empty front matter is an empty object.
pub fn parse_mapping(yaml: &str) -> Result<Map<String, Value>, YamlError> {
    match parse_value(yaml)? {
        Value::Object(map) => Ok(map),
        Value::Null => Ok(Map::new()),
        other => Err(YamlError::NotAMapping {
            found: kind_name(&other),
        }),
    }
}

/// Parses any YAML document into JSON.
///
/// Duplicate keys, runaway alias expansion and excessive nesting are refused by the parser.
pub fn parse_value(yaml: &str) -> Result<Value, YamlError> {
    let value: serde_yaml::Value = serde_yaml::from_str(yaml).map_err(|e| {
        let mut err = syntax_error(&e);
        // The parser names a duplicate key but not where it is; find its second occurrence.
        if let YamlError::Syntax {
            line,
            column,
            message,
        } = &mut err
        {
            if message.starts_with("duplicate entry") {
                if let Some(loc) = Locations::of(yaml).duplicates.first() {
                    let place = loc.key.unwrap_or(loc.value);
                    (*line, *column) = (place.line, place.column);
                }
            }
        }
        err
    })?;
    to_json(value, &mut String::new())
}

/// Converts a `serde_yaml` error into a positioned syntax error.
pub fn syntax_error(e: &serde_yaml::Error) -> YamlError {
    let (line, column) = e.location().map_or((1, 1), |l| (l.line(), l.column()));
    YamlError::Syntax {
        line,
        column,
        message: bare_message(&e.to_string()),
    }
}

/// `serde_yaml` appends " at line L column C" to its messages; clerk shows positions itself.
pub fn bare_message(message: &str) -> String {
    let cut = message.find(" at line ").unwrap_or(message.len());
    message[..cut].to_string()
}

/// A short name for a JSON value's kind, for messages.
pub fn kind_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "nothing",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "a mapping",
    }
}

fn to_json(value: serde_yaml::Value, pointer: &mut String) -> Result<Value, YamlError> {
    use serde_yaml::Value as Y;
    Ok(match value {
        Y::Null => Value::Null,
        Y::Bool(b) => Value::Bool(b),
        Y::Number(n) => {
            if let Some(i) = n.as_i64() {
                Value::from(i)
            } else if let Some(u) = n.as_u64() {
                Value::from(u)
            } else {
                let f = n.as_f64().unwrap_or(f64::NAN);
                match serde_json::Number::from_f64(f) {
                    Some(n) => Value::Number(n),
                    None => {
                        return Err(YamlError::Unsupported {
                            pointer: pointer.clone(),
                            message: format!("`{n}` is not a finite number"),
                        })
                    }
                }
            }
        }
        Y::String(s) => Value::String(s),
        Y::Sequence(items) => {
            let mut out = Vec::with_capacity(items.len());
            for (i, item) in items.into_iter().enumerate() {
                let len = pointer.len();
                pointer.push('/');
                pointer.push_str(&i.to_string());
                out.push(to_json(item, pointer)?);
                pointer.truncate(len);
            }
            Value::Array(out)
        }
        Y::Mapping(map) => {
            let mut out = Map::with_capacity(map.len());
            for (k, v) in map {
                let key = match k {
                    Y::String(s) => s,
                    Y::Number(n) => n.to_string(),
                    Y::Bool(b) => b.to_string(),
                    Y::Null => "null".to_string(),
                    _ => {
                        return Err(YamlError::Unsupported {
                            pointer: pointer.clone(),
                            message: "a key must be plain text, not a list or mapping".into(),
                        })
                    }
                };
                let len = pointer.len();
                pointer.push('/');
                pointer.push_str(&escape_pointer(&key));
                let v = to_json(v, pointer)?;
                pointer.truncate(len);
                out.insert(key, v);
            }
            Value::Object(out)
        }
        Y::Tagged(tagged) => to_json(tagged.value, pointer)?,
    })
}

/// Escapes one JSON pointer segment (RFC 6901).
pub fn escape_pointer(segment: &str) -> String {
    segment.replace('~', "~0").replace('/', "~1")
}

/// Where a node is in the YAML text: 1-based line, 1-based column, width, all in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub line: usize,
    pub column: usize,
    pub width: usize,
}

/// The position of a value, and of the key that introduces it when it is a mapping entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Loc {
    pub key: Option<Place>,
    pub value: Place,
}

/// Positions of every node in a YAML document, by JSON pointer (`/approvals/0/by`).
#[derive(Debug, Default)]
pub struct Locations {
    map: HashMap<String, Loc>,
    /// Keys that appear a second time in the same mapping, at their second place.
    pub duplicates: Vec<Loc>,
}

/// Upper bound on events read when locating, so hostile input cannot stall a check.
const MAX_EVENTS: usize = 1_000_000;

impl Locations {
    /// Reads positions from the YAML text. Invalid YAML yields the positions read before the error.
    pub fn of(yaml: &str) -> Locations {
        let mut map = HashMap::new();
        let mut duplicates = Vec::new();
        let mut stack: Vec<Frame> = Vec::new();
        let mut parser = Parser::new_from_str(yaml);
        let mut events = 0;
        while let Some(Ok((event, span))) = parser.next_event() {
            events += 1;
            if events > MAX_EVENTS {
                break;
            }
            let place = place_of(&span);
            let is_start = matches!(event, Event::MappingStart(..) | Event::SequenceStart(..));
            let is_end = matches!(event, Event::MappingEnd | Event::SequenceEnd);
            let is_node = is_start || matches!(event, Event::Scalar(..) | Event::Alias(..));
            if in_complex_key(&mut stack, is_start, is_end, place) {
                continue;
            }
            if is_end {
                stack.pop();
                finish_value(&mut stack);
                continue;
            }
            if !is_node || took_key(&mut stack, &event, place) {
                continue;
            }
            let (pointer, key_place) = value_pointer(&stack);
            let loc = Loc {
                key: key_place,
                value: place,
            };
            if map.contains_key(&pointer) {
                duplicates.push(loc);
            } else {
                map.insert(pointer.clone(), loc);
            }
            match event {
                Event::MappingStart(..) => stack.push(Frame::Map {
                    pointer,
                    key: None,
                    complex_key_depth: 0,
                }),
                Event::SequenceStart(..) => stack.push(Frame::Seq { pointer, index: 0 }),
                _ => finish_value(&mut stack),
            }
        }
        Locations { map, duplicates }
    }

    /// The node at `pointer`, if the text has it.
    pub fn get(&self, pointer: &str) -> Option<&Loc> {
        self.map.get(pointer)
    }

    /// The node at `pointer`, or its nearest ancestor that exists.
    pub fn nearest(&self, pointer: &str) -> Option<&Loc> {
        let mut p = pointer;
        loop {
            if let Some(loc) = self.map.get(p) {
                return Some(loc);
            }
            match p.rfind('/') {
                Some(i) => p = &p[..i],
                None => return None,
            }
        }
    }
}

/// A mapping or list being read by `Locations::of`, with where it is.
enum Frame {
    Map {
        pointer: String,
        key: Option<(String, Place)>,
        complex_key_depth: usize,
    },
    Seq {
        pointer: String,
        index: usize,
    },
}

/// Where an event's span starts, and its width (1 when it spans lines).
fn place_of(span: &Span) -> Place {
    Place {
        line: span.start.line(),
        column: span.start.col() + 1,
        width: if span.end.line() == span.start.line() {
            span.end.col().saturating_sub(span.start.col()).max(1)
        } else {
            1
        },
    }
}

/// Whether the event is inside a key that is itself a mapping or list: then only its nesting
/// is tracked, and the key is placed at the event that closes it.
fn in_complex_key(stack: &mut [Frame], is_start: bool, is_end: bool, place: Place) -> bool {
    let Some(Frame::Map {
        complex_key_depth, ..
    }) = stack.last_mut()
    else {
        return false;
    };
    if *complex_key_depth == 0 {
        return false;
    }
    if is_start {
        *complex_key_depth += 1;
    } else if is_end {
        *complex_key_depth -= 1;
        if *complex_key_depth == 0 {
            if let Some(Frame::Map { key, .. }) = stack.last_mut() {
                *key = Some(("?".into(), place));
            }
        }
    }
    true
}

/// Whether the node is a key of the enclosing mapping; if so, it is remembered there.
fn took_key(stack: &mut [Frame], event: &Event, place: Place) -> bool {
    let Some(Frame::Map {
        key,
        complex_key_depth,
        ..
    }) = stack.last_mut()
    else {
        return false;
    };
    if key.is_some() {
        return false;
    }
    match event {
        Event::Scalar(text, ..) => *key = Some((text.to_string(), place)),
        Event::Alias(_) => *key = Some(("*".into(), place)),
        _ => *complex_key_depth = 1,
    }
    true
}

/// A value's pointer, the parent's plus the key or index, and where its key is.
fn value_pointer(stack: &[Frame]) -> (String, Option<Place>) {
    match stack.last() {
        None => (String::new(), None),
        Some(Frame::Map {
            pointer,
            key: Some((k, kp)),
            ..
        }) => (format!("{pointer}/{}", escape_pointer(k)), Some(*kp)),
        Some(Frame::Map { pointer, .. }) => (pointer.clone(), None),
        Some(Frame::Seq { pointer, index }) => (format!("{pointer}/{index}"), None),
    }
}

/// A value of the innermost mapping or list is done: the mapping awaits a key, the list's
/// next index is one more.
fn finish_value(stack: &mut [Frame]) {
    match stack.last_mut() {
        Some(Frame::Map { key, .. }) => *key = None,
        Some(Frame::Seq { index, .. }) => *index += 1,
        None => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn parses_mapping_and_keeps_dates_as_text() {
        let m = parse_mapping("type: leave\ndate: 2026-03-02\ndays: 1.5\nok: true\n").unwrap();
        assert_eq!(
            Value::Object(m),
            json!({"type": "leave", "date": "2026-03-02", "days": 1.5, "ok": true})
        );
    }

    #[test]
    fn refuses_duplicate_keys_with_position() {
        let err = parse_mapping("a: 1\nb: 2\na: 3\n").unwrap_err();
        match err {
            YamlError::Syntax { line, message, .. } => {
                assert_eq!(line, 3, "{message}");
                assert!(message.contains("duplicate"), "{message}");
            }
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn list_and_scalar_are_not_mappings() {
        assert_eq!(
            parse_mapping("- a\n- b\n"),
            Err(YamlError::NotAMapping { found: "a list" })
        );
        assert_eq!(
            parse_mapping("hello"),
            Err(YamlError::NotAMapping { found: "text" })
        );
        assert_eq!(parse_mapping(""), Ok(Map::new()));
    }

    #[test]
    fn alias_bomb_is_refused() {
        let mut yaml = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..12 {
            let p = i - 1;
            yaml.push_str(&format!(
                "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
            ));
        }
        assert!(matches!(
            parse_mapping(&yaml),
            Err(YamlError::Syntax { .. })
        ));
    }

    #[test]
    fn deep_nesting_is_refused() {
        let yaml = format!("a: {}{}", "[".repeat(5_000), "]".repeat(5_000));
        assert!(matches!(
            parse_mapping(&yaml),
            Err(YamlError::Syntax { .. })
        ));
        // Locating must not overflow the stack either.
        let _ = Locations::of(&yaml);
    }

    #[test]
    fn non_finite_numbers_and_complex_keys_are_unsupported() {
        assert!(matches!(
            parse_mapping("a: .nan\n"),
            Err(YamlError::Unsupported { .. })
        ));
        assert!(matches!(
            parse_mapping("? [a, b]\n: 1\n"),
            Err(YamlError::Unsupported { .. })
        ));
    }

    #[test]
    fn locates_nested_values_and_keys() {
        let yaml = "title: 會議\napprovals:\n  - step: review\n    by: wang-fang\n  - step: approve\n    by: \"chen\"\nx: {a/b: 1}\n";
        let locs = Locations::of(yaml);
        let by = locs.get("/approvals/1/by").unwrap();
        assert_eq!((by.value.line, by.value.column), (6, 9));
        assert_eq!(by.key.map(|k| (k.line, k.column)), Some((6, 5)));
        let title = locs.get("/title").unwrap();
        assert_eq!(
            (title.value.line, title.value.column, title.value.width),
            (1, 8, 2)
        );
        assert_eq!(locs.get("/x/a~1b").unwrap().value.line, 7);
        assert_eq!(locs.nearest("/approvals/0/missing").unwrap().value.line, 3);
        assert!(locs.get("/nope").is_none());
    }

    #[test]
    fn locates_after_complex_key() {
        let locs = Locations::of("? [a, b]\n: 1\nc: 2\n");
        assert_eq!(locs.get("/c").unwrap().value.line, 3);
    }
}
