//! Splits `---` YAML front matter from the Markdown body.
//!
//! Handles a UTF-8 byte-order mark, LF and CRLF line endings, and a closing `---` or `...`.
//! Every position is a position in the *file*, so diagnostics point at the line the user sees.

/// The two parts of a record file, as slices of the original text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Split<'a> {
    /// The YAML between the fences (no fences).
    pub yaml: &'a str,
    /// Byte offset of `yaml` in the file text.
    pub yaml_offset: usize,
    /// 1-based file line of the first YAML line.
    pub yaml_line: usize,
    /// The Markdown after the closing fence.
    pub body: &'a str,
    /// Byte offset of `body` in the file text.
    pub body_offset: usize,
    /// 1-based file line where the body starts.
    pub body_line: usize,
}

/// Why a file has no usable front matter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SplitError {
    /// The file is empty (or only white space).
    Empty,
    /// The first line is not `---`.
    Missing,
    /// `---` opens on line 1 but no closing `---` follows.
    Unterminated,
}

/// Splits `text` into front matter and body.
pub fn split(text: &str) -> Result<Split<'_>, SplitError> {
    let start = if text.starts_with('\u{feff}') {
        '\u{feff}'.len_utf8()
    } else {
        0
    };
    let content = &text[start..];
    if content.trim().is_empty() {
        return Err(SplitError::Empty);
    }
    let mut lines = LineIter { text, pos: start };
    match lines.next() {
        Some((_, line)) if is_fence(line, "---") => {}
        _ => return Err(SplitError::Missing),
    }
    let yaml_offset = lines.pos;
    let mut line_no = 1;
    while let Some((line_start, line)) = lines.next() {
        line_no += 1;
        if is_fence(line, "---") || is_fence(line, "...") {
            return Ok(Split {
                yaml: &text[yaml_offset..line_start],
                yaml_offset,
                yaml_line: 2,
                body: &text[lines.pos..],
                body_offset: lines.pos,
                body_line: line_no + 1,
            });
        }
    }
    Err(SplitError::Unterminated)
}

/// A fence line: the marker, then nothing but trailing white space.
fn is_fence(line: &str, marker: &str) -> bool {
    line.strip_prefix(marker)
        .is_some_and(|rest| rest.trim_end_matches(['\r', ' ', '\t']).is_empty())
}

/// Lines with their byte offsets; each line excludes its `\n`.
struct LineIter<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Iterator for LineIter<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        if self.pos >= self.text.len() {
            return None;
        }
        let start = self.pos;
        let rest = &self.text[start..];
        let end = rest.find('\n').map_or(rest.len(), |i| i + 1);
        self.pos = start + end;
        Some((start, rest[..end].trim_end_matches('\n')))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_lf() {
        let s = split("---\ntype: x\ntitle: y\n---\nBody\n").unwrap();
        assert_eq!(s.yaml, "type: x\ntitle: y\n");
        assert_eq!(s.yaml_line, 2);
        assert_eq!(s.body, "Body\n");
        assert_eq!(s.body_line, 5);
    }

    #[test]
    fn splits_crlf_and_bom() {
        let text = "\u{feff}---\r\ntype: x\r\n---\r\nBody\r\n";
        let s = split(text).unwrap();
        assert_eq!(s.yaml, "type: x\r\n");
        assert_eq!(&text[s.yaml_offset..s.yaml_offset + 4], "type");
        assert_eq!(s.body, "Body\r\n");
        assert_eq!(s.body_line, 4);
    }

    #[test]
    fn closing_dots_and_trailing_space_and_no_body() {
        let s = split("--- \ntype: x\n...").unwrap();
        assert_eq!(s.yaml, "type: x\n");
        assert_eq!(s.body, "");
    }

    #[test]
    fn dashes_inside_values_do_not_close() {
        let s = split("---\na: ---x\nb: |\n  ----\n---\n").unwrap();
        assert_eq!(s.yaml, "a: ---x\nb: |\n  ----\n");
    }

    #[test]
    fn errors() {
        assert_eq!(split(""), Err(SplitError::Empty));
        assert_eq!(split(" \n\n"), Err(SplitError::Empty));
        assert_eq!(split("# Title\n---\n"), Err(SplitError::Missing));
        assert_eq!(split("----\na: 1\n----\n"), Err(SplitError::Missing));
        assert_eq!(split("---\ntype: x\n"), Err(SplitError::Unterminated));
        assert_eq!(split("---"), Err(SplitError::Unterminated));
    }
}
