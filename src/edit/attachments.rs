//! Binding a record's attachments to their content: each entry given the SHA-256 of its file,
//! changing only that entry's lines.

use serde_json::Value;

use super::{eol, lines, string_scalar, EditError};
use crate::parse::frontmatter;
use crate::parse::yaml::{self, Locations};

/// Writes `sha256` into the attachment entries at these indexes: `- scan.pdf` becomes
/// `- file: scan.pdf` with `sha256: …` under it, and an entry written as a mapping gets the
/// line `sha256: …`. Every other byte is kept; the result is parsed again and must differ
/// from the original in exactly these entries.
pub fn bind_attachments(text: &str, hashes: &[(usize, String)]) -> Result<String, EditError> {
    let split = frontmatter::split(text).map_err(|_| EditError::NoFrontMatter)?;
    let before = yaml::parse_mapping(split.yaml).map_err(|_| EditError::InvalidYaml)?;
    let locs = Locations::of(split.yaml);
    let all = lines(text);
    let eol = eol(text);
    let mut expected = before.clone();
    // From the last entry to the first, so earlier byte ranges stay where they are.
    let mut order: Vec<&(usize, String)> = hashes.iter().collect();
    order.sort_by_key(|h| std::cmp::Reverse(h.0));
    let mut out = text.to_string();
    for (index, hash) in order {
        let pointer = format!("/attachments/{index}");
        let entry = before
            .get("attachments")
            .and_then(|a| a.get(*index))
            .ok_or(EditError::Unsafe)?;
        let loc = locs.get(&pointer).ok_or(EditError::Unsafe)?;
        let (start, end) = all[split.yaml_line + loc.value.line - 2];
        let line = &text[start..end];
        let content = line.trim_end_matches(['\r', '\n']);
        let dash = content.find("- ").ok_or(EditError::Unsafe)?;
        if !content[..dash].trim().is_empty() {
            return Err(EditError::Unsafe);
        }
        let pad = " ".repeat(dash + 2);
        let bound = match entry {
            Value::String(name) => {
                let lead = &content[..dash + 2];
                format!(
                    "{lead}file: {}{eol}{pad}sha256: {hash}{eol}",
                    string_scalar(name)
                )
            }
            Value::Object(_) => format!("{content}{eol}{pad}sha256: {hash}{eol}"),
            _ => return Err(EditError::Unsafe),
        };
        out.replace_range(start..end, &bound);
        let mut after = match entry {
            Value::String(name) => serde_json::json!({ "file": name }),
            other => other.clone(),
        };
        after["sha256"] = Value::String(hash.clone());
        expected
            .get_mut("attachments")
            .and_then(|a| a.get_mut(*index))
            .map(|e| *e = after)
            .ok_or(EditError::Unsafe)?;
    }
    let split = frontmatter::split(&out).map_err(|_| EditError::Unsafe)?;
    let parsed = yaml::parse_mapping(split.yaml).map_err(|_| EditError::Unsafe)?;
    let body = |t: &str| frontmatter::split(t).map(|s| s.body.to_string()).ok();
    if parsed != expected || body(&out) != body(text) {
        return Err(EditError::Unsafe);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_get_their_hash_and_nothing_else_changes() {
        let text = "---\ntype: note # kept\nattachments:\n  - scan.pdf\n  - file: \"a b.pdf\"\n  - c.png\nstatus: draft\n---\nBody\n";
        let out = bind_attachments(text, &[(0, "aa".into()), (1, "bb".into())]).unwrap();
        assert_eq!(
            out,
            "---\ntype: note # kept\nattachments:\n  - file: scan.pdf\n    sha256: aa\n  - file: \"a b.pdf\"\n    sha256: bb\n  - c.png\nstatus: draft\n---\nBody\n"
        );
        let flow = "---\nattachments: [scan.pdf]\n---\n";
        assert!(bind_attachments(flow, &[(0, "aa".into())]).is_err());
    }
}
