//! In-place edits of a record's front matter that keep every other byte.
//!
//! clerk never re-serialises a user's YAML: comments, key order, quoting and the body stay
//! exactly as written. An edit replaces or inserts whole lines, then the result is parsed again
//! and compared with the original, so a bad edit is refused instead of written.

use serde_json::Value;

mod attachments;
mod list;
pub use attachments::bind_attachments;
pub use list::{mark, push, Mark};

use crate::parse::frontmatter;
use crate::parse::yaml::{self, Loc, Locations};

/// Why an edit could not be made.
#[derive(Debug, thiserror::Error)]
pub enum EditError {
    #[error("{}", crate::i18n::t("edit-no-front-matter", &[]))]
    NoFrontMatter,
    #[error("{}", crate::i18n::t("edit-invalid-yaml", &[]))]
    InvalidYaml,
    #[error("{}", crate::i18n::t("edit-flow-style", &[("field", .0)]))]
    FlowStyle(String),
    #[error("{}", crate::i18n::t("edit-unsafe", &[]))]
    Unsafe,
}

/// One approval entry to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApprovalEntry {
    pub step: String,
    pub by: String,
    pub role: String,
    pub date: String,
    pub digest: Option<String>,
    /// The armored SSH signature.
    pub signature: Option<String>,
    pub note: Option<String>,
}

/// A line of the file: its byte range including the line ending.
fn lines(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        if b == b'\n' {
            out.push((start, i + 1));
            start = i + 1;
        }
    }
    if start < text.len() {
        out.push((start, text.len()));
    }
    out
}

fn eol(text: &str) -> &'static str {
    if text.contains("\r\n") {
        "\r\n"
    } else {
        "\n"
    }
}

/// A YAML scalar for an id-like value: plain when safe, double-quoted otherwise.
fn scalar(s: &str) -> String {
    let plain = !s.is_empty()
        && s.chars().next().is_some_and(|c| c.is_alphanumeric())
        && s.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | ' ' | ':' | '〔' | '〕'))
        && !s.contains(": ")
        && !s.ends_with(':')
        && !matches!(s, "true" | "false" | "null" | "yes" | "no" | "on" | "off");
    if plain {
        s.to_string()
    } else {
        serde_json::to_string(s).unwrap_or_else(|_| format!("\"{s}\""))
    }
}

impl ApprovalEntry {
    /// The entry as block YAML lines, its dash at `indent` spaces.
    fn render(&self, indent: usize, eol: &str) -> String {
        let pad = " ".repeat(indent);
        let mut out = format!("{pad}- step: {}{eol}", scalar(&self.step));
        out.push_str(&format!("{pad}  by: {}{eol}", scalar(&self.by)));
        out.push_str(&format!("{pad}  role: {}{eol}", scalar(&self.role)));
        out.push_str(&format!("{pad}  date: {}{eol}", self.date));
        if let Some(note) = &self.note {
            out.push_str(&format!(
                "{pad}  note: {}{eol}",
                serde_json::to_string(note).unwrap_or_default()
            ));
        }
        if let Some(d) = &self.digest {
            out.push_str(&format!("{pad}  digest: {d}{eol}"));
        }
        if let Some(sig) = &self.signature {
            out.push_str(&format!("{pad}  signature: |{eol}"));
            for line in sig.trim().lines() {
                out.push_str(&format!("{pad}    {}{eol}", line.trim_end()));
            }
        }
        out
    }

    fn matches(&self, v: &Value) -> bool {
        let s = |k: &str| v.get(k).and_then(Value::as_str);
        s("step") == Some(&self.step)
            && s("by") == Some(&self.by)
            && s("role") == Some(&self.role)
            && s("date") == Some(&self.date)
            && s("digest") == self.digest.as_deref()
            && s("signature").map(str::trim) == self.signature.as_deref().map(str::trim)
    }
}

/// Adds `entry` to the record's `approvals`, or replaces entry `replace` (an index) with it.
///
/// Only the lines of that entry change (or are added); every other byte is kept.
pub fn put_approval(
    text: &str,
    entry: &ApprovalEntry,
    replace: Option<usize>,
) -> Result<String, EditError> {
    let split = frontmatter::split(text).map_err(|_| EditError::NoFrontMatter)?;
    let before: Value =
        Value::Object(yaml::parse_mapping(split.yaml).map_err(|_| EditError::InvalidYaml)?);
    let doc = Doc {
        text,
        locs: Locations::of(split.yaml),
        all: lines(text),
        yaml_start: split.yaml_line,
        eol: eol(text),
        closing: split.body_line - 1,
    };
    let count = before
        .get("approvals")
        .and_then(Value::as_array)
        .map_or(0, Vec::len);

    let edited = match doc.locs.get("/approvals") {
        None => doc.add_list(entry),
        Some(loc) => doc.put_in_list(loc, entry, replace, count)?,
    };
    verify(&before, &edited, entry, replace, count)?;
    Ok(edited)
}

/// A file whose front matter is being edited: its lines, and where its YAML sits in it.
struct Doc<'a> {
    text: &'a str,
    locs: Locations,
    /// Each line's byte range, including its line ending.
    all: Vec<(usize, usize)>,
    /// The file line (1-based) of the YAML's first line.
    yaml_start: usize,
    eol: &'static str,
    /// The file line of the closing fence.
    closing: usize,
}

impl Doc<'_> {
    /// The byte range of file line `line` (1-based).
    fn line(&self, line: usize) -> (usize, usize) {
        self.all[line - 1]
    }

    /// The file line of YAML line `l` (1-based).
    fn yaml_line(&self, l: usize) -> usize {
        self.yaml_start + l - 1
    }

    /// With no approvals yet: the list with `entry`, inserted before `status:`, or at the end
    /// of the front matter.
    fn add_list(&self, entry: &ApprovalEntry) -> String {
        let (text, eol) = (self.text, self.eol);
        let at = self
            .locs
            .get("/status")
            .and_then(|l| l.key)
            .map_or(self.closing, |k| self.yaml_line(k.line));
        let (start, _) = self.line(at);
        format!(
            "{}approvals:{eol}{}{}",
            &text[..start],
            entry.render(2, eol),
            &text[start..]
        )
    }

    /// With an `approvals` key (at `loc`) holding `count` entries: `entry` put in, by the way
    /// the list is written (empty flow list, empty value, or block list).
    fn put_in_list(
        &self,
        loc: &Loc,
        entry: &ApprovalEntry,
        replace: Option<usize>,
        count: usize,
    ) -> Result<String, EditError> {
        let (text, eol) = (self.text, self.eol);
        let (ls, le) = self.line(self.yaml_line(loc.value.line));
        let line_text = &text[ls..le];
        let value_col_byte = line_text
            .char_indices()
            .nth(loc.value.column - 1)
            .map_or(0, |(i, _)| i);
        if line_text[value_col_byte..].starts_with('[') {
            if count > 0 {
                return Err(EditError::FlowStyle("approvals".into()));
            }
            // `approvals: []` → a block list.
            let key_end = ls + line_text[..value_col_byte].trim_end().len();
            Ok(format!(
                "{}{eol}{}{}",
                &text[..key_end],
                entry.render(2, eol),
                &text[le..]
            ))
        } else if count == 0 {
            // `approvals:` with nothing (or `~`, `null`) after it: the key line becomes a list.
            let key_line = self.yaml_line(loc.key.ok_or(EditError::Unsafe)?.line);
            let (ks, ke) = self.line(key_line);
            let indent = &text[ks..ks + (text[ks..ke].len() - text[ks..ke].trim_start().len())];
            Ok(format!(
                "{}{indent}approvals:{eol}{}{}",
                &text[..ks],
                entry.render(indent.len() + 2, eol),
                &text[ke..]
            ))
        } else {
            self.put_in_block_list(entry, replace, count)
        }
    }

    /// The file line of approval `i`'s first line.
    fn item_line(&self, i: usize) -> Option<usize> {
        self.locs
            .get(&format!("/approvals/{i}"))
            .map(|l| self.yaml_line(l.value.line))
    }

    /// The last non-blank line in [from, until) that belongs to the list whose dashes are
    /// `dash_indent` spaces in.
    fn last_content(&self, from: usize, until: usize, dash_indent: usize) -> usize {
        let mut end = from;
        for line in from..until {
            let (s, e) = self.line(line);
            let t = self.text[s..e].trim_end_matches(['\r', '\n']);
            let indent = t.len() - t.trim_start().len();
            if t.trim().is_empty() {
                continue;
            }
            if line > from && indent <= dash_indent && !t.trim_start().starts_with('-') {
                break;
            }
            if line > from && indent < dash_indent {
                break;
            }
            end = line;
        }
        end
    }

    /// In a block list of `count` entries: `entry` in place of entry `replace`, or after the
    /// last entry.
    fn put_in_block_list(
        &self,
        entry: &ApprovalEntry,
        replace: Option<usize>,
        count: usize,
    ) -> Result<String, EditError> {
        let (text, eol) = (self.text, self.eol);
        let first = self.item_line(0).ok_or(EditError::Unsafe)?;
        let dash_indent = {
            let (s, e) = self.line(first);
            text[s..e].find('-').ok_or(EditError::Unsafe)?
        };
        match replace {
            Some(i) if i < count => {
                let start = self.item_line(i).ok_or(EditError::Unsafe)?;
                let end = match self.item_line(i + 1) {
                    Some(next) => next - 1,
                    None => self.last_content(start, self.closing, dash_indent),
                };
                let (s, _) = self.line(start);
                let (_, e) = self.line(end);
                Ok(format!(
                    "{}{}{}",
                    &text[..s],
                    entry.render(dash_indent, eol),
                    &text[e..]
                ))
            }
            _ => {
                let last = self.item_line(count - 1).ok_or(EditError::Unsafe)?;
                let end = self.last_content(last, self.closing, dash_indent);
                let (_, e) = self.line(end);
                let sep = if text[..e].ends_with('\n') { "" } else { eol };
                Ok(format!(
                    "{}{sep}{}{}",
                    &text[..e],
                    entry.render(dash_indent, eol),
                    &text[e..]
                ))
            }
        }
    }
}

/// The edit changed exactly the one approval entry it meant to, and nothing else.
fn verify(
    before: &Value,
    edited: &str,
    entry: &ApprovalEntry,
    replace: Option<usize>,
    count: usize,
) -> Result<(), EditError> {
    let split = frontmatter::split(edited).map_err(|_| EditError::Unsafe)?;
    let after = Value::Object(yaml::parse_mapping(split.yaml).map_err(|_| EditError::Unsafe)?);
    let mut old = before.as_object().cloned().unwrap_or_default();
    let mut new = after.as_object().cloned().unwrap_or_default();
    let old_list = old
        .remove("approvals")
        .and_then(|v| v.as_array().cloned())
        .unwrap_or_default();
    let new_list = new
        .remove("approvals")
        .and_then(|v| v.as_array().cloned())
        .unwrap_or_default();
    if old != new {
        return Err(EditError::Unsafe);
    }
    let (index, expected_len) = match replace {
        Some(i) if i < count => (i, count),
        _ => (count, count + 1),
    };
    if new_list.len() != expected_len || !new_list.get(index).is_some_and(|v| entry.matches(v)) {
        return Err(EditError::Unsafe);
    }
    for (i, (a, b)) in old_list.iter().zip(new_list.iter()).enumerate() {
        if i != index && a != b {
            return Err(EditError::Unsafe);
        }
    }
    Ok(())
}

/// Sets top-level front-matter fields to scalar values, changing only their lines.
///
/// `fields` are (key, value) pairs; a value is written as a plain YAML scalar when that reads
/// back as the same string, quoted otherwise. An existing key keeps its place, indentation and
/// trailing comment; a new key is added at the end of the front matter. The result is parsed
/// again and must differ from the original in exactly these fields.
pub fn set_fields(text: &str, fields: &[(&str, String)]) -> Result<String, EditError> {
    let mut out = text.to_string();
    for (key, value) in fields {
        out = set_field(&out, key, value)?;
    }
    let parse = |t: &str| -> Result<serde_json::Map<String, Value>, EditError> {
        let split = frontmatter::split(t).map_err(|_| EditError::Unsafe)?;
        yaml::parse_mapping(split.yaml).map_err(|_| EditError::Unsafe)
    };
    let mut expected = parse(text).map_err(|_| EditError::InvalidYaml)?;
    for (key, value) in fields {
        expected.insert((*key).to_string(), Value::String(value.clone()));
    }
    let after = parse(&out)?;
    let body = |t: &str| frontmatter::split(t).map(|s| s.body.to_string()).ok();
    if after != expected || body(&out) != body(text) {
        return Err(EditError::Unsafe);
    }
    Ok(out)
}

/// A YAML scalar that reads back as the string `s` (dates and numbers stay strings in JSON).
fn string_scalar(s: &str) -> String {
    let simple = !s.is_empty()
        && !s.starts_with(|c: char| "-?:,[]{}#&*!|>'\"%@` ".contains(c))
        && !s.ends_with([' ', ':'])
        && !s.contains(": ")
        && !s.contains(" #")
        && !s.contains(['\n', '\r', '\t'])
        // Words other YAML readers (YAML 1.1) take as true, false or null.
        && !matches!(
            s.to_ascii_lowercase().as_str(),
            "y" | "n" | "yes" | "no" | "on" | "off" | "true" | "false" | "null" | "~"
        );
    let plain = if simple { s.to_string() } else { scalar(s) };
    match yaml::parse_value(&plain) {
        Ok(Value::String(back)) if back == s => plain,
        _ => serde_json::to_string(s).unwrap_or_else(|_| format!("\"{s}\"")),
    }
}

fn set_field(text: &str, key: &str, value: &str) -> Result<String, EditError> {
    let split = frontmatter::split(text).map_err(|_| EditError::NoFrontMatter)?;
    yaml::parse_mapping(split.yaml).map_err(|_| EditError::InvalidYaml)?;
    let locs = Locations::of(split.yaml);
    let all = lines(text);
    let eol = eol(text);
    let new_value = string_scalar(value);
    let Some(loc) = locs.get(&format!("/{}", yaml::escape_pointer(key))) else {
        // Not there yet: a new line just before the closing fence.
        let closing = split.body_line - 1;
        let (start, _) = all[closing - 1];
        let sep = if text[..start].ends_with('\n') {
            ""
        } else {
            eol
        };
        return Ok(format!(
            "{}{sep}{key}: {new_value}{eol}{}",
            &text[..start],
            &text[start..]
        ));
    };
    let key_place = loc.key.ok_or(EditError::Unsafe)?;
    let line = split.yaml_line + key_place.line - 1;
    let (ls, le) = all[line - 1];
    let line_text = &text[ls..le];
    let content = line_text.trim_end_matches(['\r', '\n']);
    let ending = &line_text[content.len()..];
    // Byte offset just after `key:` on the key's line.
    let key_start = content
        .char_indices()
        .nth(key_place.column - 1)
        .map_or(content.len(), |(i, _)| i);
    let colon = content[key_start..]
        .find(':')
        .map(|i| key_start + i + 1)
        .ok_or(EditError::Unsafe)?;
    let after_colon = &content[colon..];
    let comment_of = |rest: &str| -> Option<String> {
        let t = rest.trim_start();
        if t.is_empty() {
            Some(String::new())
        } else if t.starts_with('#') {
            Some(rest.to_string())
        } else {
            None
        }
    };
    let comment = if let Some(c) = comment_of(after_colon) {
        // `key:` with no value on its line; the value must not continue below.
        if loc.value.line != key_place.line && !value_is_empty(split.yaml, key) {
            return Err(EditError::FlowStyle(key.into()));
        }
        c
    } else {
        if loc.value.line != key_place.line {
            return Err(EditError::Unsafe);
        }
        let value_start = content
            .char_indices()
            .nth(loc.value.column - 1)
            .map_or(content.len(), |(i, _)| i);
        comment_of(&content[scalar_end(content, value_start)..]).ok_or(EditError::Unsafe)?
    };
    Ok(format!(
        "{}{}{} {new_value}{comment}{ending}{}",
        &text[..ls],
        &content[..colon - 1],
        ":",
        &text[le..]
    ))
}

/// Where a one-line scalar starting at byte `start` of `line` ends: after its closing quote,
/// or before ` #` for a plain scalar.
fn scalar_end(line: &str, start: usize) -> usize {
    let rest = &line[start..];
    let quoted_end = |q: char| {
        let mut chars = rest.char_indices().skip(1).peekable();
        while let Some((i, c)) = chars.next() {
            if q == '"' && c == '\\' {
                chars.next();
            } else if c == q {
                if q == '\'' && chars.peek().is_some_and(|&(_, n)| n == '\'') {
                    chars.next();
                } else {
                    return start + i + c.len_utf8();
                }
            }
        }
        line.len()
    };
    match rest.chars().next() {
        Some(q @ ('"' | '\'')) => quoted_end(q),
        _ => rest
            .find(" #")
            .or_else(|| rest.find("\t#"))
            .map_or(line.len(), |i| start + rest[..i].trim_end().len()),
    }
}

/// Whether top-level `key` holds nothing (null), as opposed to a block below its line.
fn value_is_empty(yaml_text: &str, key: &str) -> bool {
    yaml::parse_mapping(yaml_text)
        .ok()
        .and_then(|m| m.get(key).cloned())
        .is_none_or(|v| v.is_null())
}

#[cfg(test)]
mod tests;
