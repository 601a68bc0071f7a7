//! What changed between two versions of a record: its fields one by one, and its body word by
//! word (each Chinese character a word), for `clerk diff`.

use serde::Serialize;
use serde_json::{Map, Value};
use similar::{capture_diff_slices, Algorithm, DiffOp};

/// One field that differs: its value before and after (null when absent).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldChange {
    pub field: String,
    pub before: Value,
    pub after: Value,
}

/// The fields of `before` and `after` that differ, in the order they are written (those only in
/// `before` last), leaving out `skip` (the fields an approval does not cover).
pub fn fields(
    before: &Map<String, Value>,
    after: &Map<String, Value>,
    skip: &[&str],
) -> Vec<FieldChange> {
    let keys = after
        .keys()
        .chain(before.keys().filter(|k| !after.contains_key(*k)));
    keys.filter(|k| !skip.contains(&k.as_str()))
        .filter_map(|k| {
            let (b, a) = (before.get(k), after.get(k));
            (b != a).then(|| FieldChange {
                field: k.clone(),
                before: b.cloned().unwrap_or(Value::Null),
                after: a.cloned().unwrap_or(Value::Null),
            })
        })
        .collect()
}

/// The words of `text`: runs of letters or digits of a script written with spaces, each other
/// character (a Chinese character, a punctuation mark) alone, and runs of spaces.
fn words(text: &str) -> Vec<&str> {
    let class = |c: char| {
        if c == '\n' {
            0
        } else if c.is_whitespace() {
            1
        } else if c.is_ascii_alphanumeric() || (c.is_alphanumeric() && (c as u32) < 0x2E80) {
            2
        } else {
            3
        }
    };
    let mut out = Vec::new();
    let mut start = 0;
    let mut last = None;
    for (i, c) in text.char_indices() {
        let k = class(c);
        if i > start && (last != Some(k) || k == 3 || k == 0) {
            out.push(&text[start..i]);
            start = i;
        }
        last = Some(k);
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// The body's changes as lines of the new text, words removed written `[-…-]` and words added
/// `{+…+}`; only the lines that changed, each with its line number in the new body.
pub fn body(before: &str, after: &str) -> Vec<(usize, String)> {
    let (old, new) = (words(before), words(after));
    let mut merged = String::new();
    for op in capture_diff_slices(Algorithm::Myers, &old, &new) {
        match op {
            DiffOp::Equal { new_index, len, .. } => {
                merged.push_str(&new[new_index..new_index + len].concat())
            }
            DiffOp::Delete {
                old_index, old_len, ..
            } => mark(
                &mut merged,
                "[-",
                &old[old_index..old_index + old_len],
                "-]",
            ),
            DiffOp::Insert {
                new_index, new_len, ..
            } => mark(
                &mut merged,
                "{+",
                &new[new_index..new_index + new_len],
                "+}",
            ),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                mark(
                    &mut merged,
                    "[-",
                    &old[old_index..old_index + old_len],
                    "-]",
                );
                mark(
                    &mut merged,
                    "{+",
                    &new[new_index..new_index + new_len],
                    "+}",
                );
            }
        }
    }
    merged
        .split('\n')
        .enumerate()
        .filter(|(_, l)| l.contains("[-") || l.contains("{+"))
        .map(|(i, l)| (i + 1, l.to_string()))
        .collect()
}

/// Words wrapped in markers, line by line, so that every printed line shows its own change.
fn mark(out: &mut String, open: &str, words: &[&str], close: &str) {
    let text = words.concat();
    let parts: Vec<&str> = text.split('\n').collect();
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if !part.is_empty() {
            out.push_str(&format!("{open}{part}{close}"));
        } else if parts.len() > 1 && i > 0 {
            out.push_str(&format!("{open}{close}"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn chinese_changes_by_character_and_english_by_word() {
        assert_eq!(
            body(
                "請各部門於11月30日前提交。\nSee the plan.\n",
                "請各部門於12月5日前提交。\nSee the new plan.\n"
            ),
            vec![
                (
                    1,
                    "請各部門於[-11-]{+12+}月[-30-]{+5+}日前提交。".to_string()
                ),
                (2, "See the {+new +}plan.".to_string())
            ]
        );
        assert!(body("同一段文字", "同一段文字").is_empty());
    }

    #[test]
    fn fields_that_differ_are_listed_and_skipped_ones_are_not() {
        let before = json!({"title": "甲", "pages": 1, "status": "draft", "gone": "x"});
        let after = json!({"title": "乙", "pages": 1, "status": "approved"});
        let changes = fields(
            before.as_object().unwrap(),
            after.as_object().unwrap(),
            &["status"],
        );
        assert_eq!(
            changes,
            vec![
                FieldChange {
                    field: "title".into(),
                    before: json!("甲"),
                    after: json!("乙")
                },
                FieldChange {
                    field: "gone".into(),
                    before: json!("x"),
                    after: Value::Null
                },
            ]
        );
    }
}
