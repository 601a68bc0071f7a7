//! Lists of mappings in front matter: marking an entry (a document's 傳閱 list: the entry of
//! one person gets a date, or a new entry is added) and adding one (a return with its comment),
//! changing only those lines.

use serde_json::{Map, Value};

use super::{eol, lines, string_scalar, EditError};
use crate::parse::frontmatter;
use crate::parse::yaml::{self, Locations};

/// One mark: in list `list`, the entry whose `key` is `who` gets `date_key: date`.
pub struct Mark<'a> {
    pub list: &'a str,
    pub key: &'a str,
    pub who: &'a str,
    pub date_key: &'a str,
    pub date: &'a str,
}

/// Writes the mark: under the entry's first line when `who` has an entry (written as a block
/// mapping), else as a new entry at the end of the list (or a new list at the end of the front
/// matter). The result is parsed again and must differ from the original in exactly that.
pub fn mark(text: &str, m: &Mark) -> Result<String, EditError> {
    let split = frontmatter::split(text).map_err(|_| EditError::NoFrontMatter)?;
    let before = yaml::parse_mapping(split.yaml).map_err(|_| EditError::InvalidYaml)?;
    let locs = Locations::of(split.yaml);
    let all = lines(text);
    let eol = eol(text);
    let file_line = |yaml_line: usize| split.yaml_line + yaml_line - 1;
    let items = match before.get(m.list) {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => items.clone(),
        Some(_) => return Err(EditError::Unsafe),
    };
    let found = items
        .iter()
        .position(|i| i.get(m.key).and_then(Value::as_str) == Some(m.who));
    let date = string_scalar(m.date);
    let out = match found {
        Some(i) => {
            let loc = locs
                .get(&format!("/{}/{i}", m.list))
                .ok_or(EditError::Unsafe)?;
            let (start, end) = all[file_line(loc.value.line) - 1];
            let content = text[start..end].trim_end_matches(['\r', '\n']);
            let dash = dash_of(content, m.list)?;
            let pad = " ".repeat(dash + 2);
            let sep = if text[..end].ends_with('\n') { "" } else { eol };
            format!(
                "{}{sep}{pad}{}: {date}{eol}{}",
                &text[..end],
                m.date_key,
                &text[end..]
            )
        }
        None => {
            let entry = [(m.key, string_scalar(m.who)), (m.date_key, date)];
            append(text, &split, &locs, &items, m.list, &entry)?
        }
    };
    let mut expected = before.clone();
    let mut entry = Map::new();
    entry.insert(m.key.to_string(), Value::String(m.who.to_string()));
    let list = expected
        .entry(m.list.to_string())
        .or_insert(Value::Array(Vec::new()));
    if list.is_null() {
        *list = Value::Array(Vec::new());
    }
    let Value::Array(list) = list else {
        return Err(EditError::Unsafe);
    };
    match found {
        Some(i) => list[i][m.date_key] = Value::String(m.date.to_string()),
        None => {
            entry.insert(m.date_key.to_string(), Value::String(m.date.to_string()));
            list.push(Value::Object(entry));
        }
    }
    same_but(&out, &expected, split.body)
}

/// Adds an entry of `fields` (key, text) at the end of list `list` (a new list at the end of
/// the front matter when there is none), changing nothing else.
pub fn push(text: &str, list: &str, fields: &[(&str, &str)]) -> Result<String, EditError> {
    let split = frontmatter::split(text).map_err(|_| EditError::NoFrontMatter)?;
    let before = yaml::parse_mapping(split.yaml).map_err(|_| EditError::InvalidYaml)?;
    let locs = Locations::of(split.yaml);
    let items = match before.get(list) {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => items.clone(),
        Some(_) => return Err(EditError::Unsafe),
    };
    let entry: Vec<(&str, String)> = fields.iter().map(|(k, v)| (*k, string_scalar(v))).collect();
    let out = append(text, &split, &locs, &items, list, &entry)?;
    let mut expected = before.clone();
    let new: Map<String, Value> = fields
        .iter()
        .map(|(k, v)| ((*k).to_string(), Value::String((*v).to_string())))
        .collect();
    let mut all = items;
    all.push(Value::Object(new));
    expected.insert(list.to_string(), Value::Array(all));
    same_but(&out, &expected, split.body)
}

/// `out` if its front matter reads as `expected` and its body is still `body`.
fn same_but(out: &str, expected: &Map<String, Value>, body: &str) -> Result<String, EditError> {
    let after = frontmatter::split(out).map_err(|_| EditError::Unsafe)?;
    let parsed = yaml::parse_mapping(after.yaml).map_err(|_| EditError::Unsafe)?;
    if &parsed != expected || after.body != body {
        return Err(EditError::Unsafe);
    }
    Ok(out.to_string())
}

/// The column of an entry's dash, on a line written `- key: …` (not flow style).
fn dash_of(content: &str, list: &str) -> Result<usize, EditError> {
    let dash = content
        .find("- ")
        .ok_or_else(|| EditError::FlowStyle(list.into()))?;
    if !content[..dash].trim().is_empty() || content[dash + 2..].trim_start().starts_with('{') {
        return Err(EditError::FlowStyle(list.into()));
    }
    Ok(dash)
}

/// A new entry of `fields` (key, YAML scalar) after the list's last one, or the list itself
/// when there is none.
fn append(
    text: &str,
    split: &frontmatter::Split,
    locs: &Locations,
    items: &[Value],
    list: &str,
    fields: &[(&str, String)],
) -> Result<String, EditError> {
    let all = lines(text);
    let eol = eol(text);
    let file_line = |yaml_line: usize| split.yaml_line + yaml_line - 1;
    let entry = |dash: usize| {
        let pad = " ".repeat(dash);
        fields
            .iter()
            .enumerate()
            .map(|(i, (k, v))| {
                let lead = if i == 0 { "- " } else { "  " };
                format!("{pad}{lead}{k}: {v}{eol}")
            })
            .collect::<String>()
    };
    let Some(last) = items.len().checked_sub(1) else {
        // No entries: a list at the end of the front matter (replacing an empty `list:` line).
        let at = locs
            .get(&format!("/{list}"))
            .and_then(|l| l.key)
            .map(|key| all[file_line(key.line) - 1]);
        let (start, end) = at.unwrap_or_else(|| {
            let (s, _) = all[split.body_line - 2];
            (s, s)
        });
        let sep = if text[..start].ends_with('\n') {
            ""
        } else {
            eol
        };
        return Ok(format!(
            "{}{sep}{list}:{eol}{}{}",
            &text[..start],
            entry(2),
            &text[end..]
        ));
    };
    let first = locs.get(&format!("/{list}/0")).ok_or(EditError::Unsafe)?;
    let (fs, fe) = all[file_line(first.value.line) - 1];
    let dash = dash_of(text[fs..fe].trim_end_matches(['\r', '\n']), list)?;
    // The last line that belongs to the last entry: indented past its dash.
    let last_loc = locs
        .get(&format!("/{list}/{last}"))
        .ok_or(EditError::Unsafe)?;
    let mut end_line = file_line(last_loc.value.line);
    while end_line < split.body_line - 1 {
        let (s, e) = all[end_line];
        let t = text[s..e].trim_end_matches(['\r', '\n']);
        let indent = t.len() - t.trim_start().len();
        if t.trim().is_empty() || indent <= dash {
            break;
        }
        end_line += 1;
    }
    let (_, end) = all[end_line - 1];
    let sep = if text[..end].ends_with('\n') { "" } else { eol };
    Ok(format!(
        "{}{sep}{}{}",
        &text[..end],
        entry(dash),
        &text[end..]
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str, who: &str) -> Result<String, EditError> {
        mark(
            text,
            &Mark {
                list: "circulation",
                key: "person",
                who,
                date_key: "read_on",
                date: "2026-11-27",
            },
        )
    }

    #[test]
    fn an_unread_entry_gets_its_date_and_nothing_else_changes() {
        let text = "---\ntitle: x # kept\ncirculation:\n  - person: a\n    read_on: 2026-11-01\n  - person: b\nstatus: issued\n---\nBody\n";
        assert_eq!(
            read(text, "b").unwrap(),
            "---\ntitle: x # kept\ncirculation:\n  - person: a\n    read_on: 2026-11-01\n  - person: b\n    read_on: 2026-11-27\nstatus: issued\n---\nBody\n"
        );
    }

    #[test]
    fn a_new_reader_is_added_after_the_last_entry_or_as_a_new_list() {
        let text = "---\ncirculation:\n- person: a\n  read_on: 2026-11-01\nstatus: issued\n---\n";
        assert_eq!(
            read(text, "c").unwrap(),
            "---\ncirculation:\n- person: a\n  read_on: 2026-11-01\n- person: c\n  read_on: 2026-11-27\nstatus: issued\n---\n"
        );
        let none = "---\r\ntitle: x\r\n---\r\nBody\r\n";
        assert_eq!(
            read(none, "c").unwrap(),
            "---\r\ntitle: x\r\ncirculation:\r\n  - person: c\r\n    read_on: 2026-11-27\r\n---\r\nBody\r\n"
        );
        let empty = "---\ncirculation:\nstatus: issued\n---\n";
        assert_eq!(
            read(empty, "c").unwrap(),
            "---\ncirculation:\n  - person: c\n    read_on: 2026-11-27\nstatus: issued\n---\n"
        );
    }

    #[test]
    fn a_return_is_added_as_a_new_entry_with_its_comment_quoted_when_needed() {
        let text = "---\nstatus: draft\nreturns:\n  - person: a\n    date: 2026-11-01\n    comment: ok\n---\nBody\n";
        let fields = [
            ("person", "b"),
            ("date", "2026-11-27"),
            ("comment", "請補充: 預算 # 第二段"),
        ];
        assert_eq!(
            push(text, "returns", &fields).unwrap(),
            "---\nstatus: draft\nreturns:\n  - person: a\n    date: 2026-11-01\n    comment: ok\n  - person: b\n    date: 2026-11-27\n    comment: \"請補充: 預算 # 第二段\"\n---\nBody\n"
        );
        let none = "---\ntitle: x\n---\n";
        assert_eq!(
            push(
                none,
                "returns",
                &[("person", "b"), ("comment", "two\nlines")]
            )
            .unwrap(),
            "---\ntitle: x\nreturns:\n  - person: b\n    comment: \"two\\nlines\"\n---\n"
        );
        let scalar = "---\nreturns: no\n---\n";
        assert!(matches!(
            push(scalar, "returns", &[("person", "b")]),
            Err(EditError::Unsafe)
        ));
    }

    #[test]
    fn a_flow_style_list_is_refused() {
        let text = "---\ncirculation: [{person: a}]\n---\n";
        assert!(matches!(read(text, "a"), Err(EditError::FlowStyle(_))));
    }
}
