//! Findings written out: like a compiler (with the offending line), as JSON, or as GitHub
//! Actions annotations.

use std::io::Write;

use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::termcolor::WriteColor;
use codespan_reporting::term::{self, Chars, Config};

use serde::Serialize;

use super::{Diagnostic, Severity, Summary};

/// Renders findings like a compiler: `error[E010]: …`, `--> path:line:col`, the line, a marker, a hint.
///
/// `source_of` returns the text of a file (as clerk read it) for the snippet, if it has one.
pub fn render_text<'a>(
    out: &mut dyn WriteColor,
    diags: &[Diagnostic],
    source_of: &dyn Fn(&Diagnostic) -> Option<&'a str>,
) -> std::io::Result<()> {
    let config = Config {
        chars: Chars::ascii(),
        ..Config::default()
    };
    let mut files = SimpleFiles::new();
    let mut ids: std::collections::HashMap<(Option<&str>, &str), usize> =
        std::collections::HashMap::new();
    // Where each line of a file starts, found once per file: finding a line by counting from
    // the top for every finding made printing quadratic.
    let mut starts: std::collections::HashMap<(Option<&str>, &str), Vec<usize>> =
        std::collections::HashMap::new();
    // How many findings of each code each file has shown; past the cap they are counted.
    let mut shown: std::collections::HashMap<(&str, &str), usize> =
        std::collections::HashMap::new();
    for d in diags {
        let n = shown.entry((d.path.as_str(), d.code.as_str())).or_insert(0);
        *n += 1;
        if *n > SHOWN_PER_FILE {
            continue;
        }
        let severity = match d.severity {
            Severity::Error => codespan_reporting::diagnostic::Severity::Error,
            Severity::Warning => codespan_reporting::diagnostic::Severity::Warning,
        };
        let mut cs = CsDiagnostic::new(severity)
            .with_code(d.code.as_str())
            .with_message(&d.message);
        let text = if d.line > 0 { source_of(d) } else { None };
        let Some((text, span)) = text.and_then(|t| {
            let lines = starts
                .entry((d.commit.as_deref(), d.path.as_str()))
                .or_insert_with(|| line_starts(t));
            span_at(t, lines, d.line, d.column, d.width).map(|s| (t, s))
        }) else {
            // No snippet to show (a whole-file finding, or a file clerk could not read).
            render_place_only(out, d)?;
            continue;
        };
        let id = *ids
            .entry((d.commit.as_deref(), d.path.as_str()))
            .or_insert_with(|| files.add(d.path.clone(), text));
        cs = cs.with_labels(vec![Label::primary(id, span)]);
        let mut notes = Vec::new();
        if let Some(c) = &d.commit {
            notes.push(format!("in commit {c}"));
        }
        if let Some(h) = &d.hint {
            notes.push(format!("{}: {h}", crate::i18n::t("hint", &[])));
        }
        cs = cs.with_notes(notes);
        term::emit_to_write_style(out, &config, &files, &cs)
            .map_err(|e| std::io::Error::other(e.to_string()))?;
    }
    let mut more: Vec<(&(&str, &str), &usize)> =
        shown.iter().filter(|(_, n)| **n > SHOWN_PER_FILE).collect();
    more.sort();
    for ((path, code), n) in more {
        writeln!(
            out,
            "note: {} more {code} finding(s) in {path} not shown (`--format json` lists every one)\n",
            n - SHOWN_PER_FILE
        )?;
    }
    Ok(())
}

/// How many findings of one code in one file are printed as text; the rest are counted.
pub const SHOWN_PER_FILE: usize = 20;

/// The byte offset where each line of `text` starts.
fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect()
}

/// A finding without a snippet: the header, the place and the hint, as rustc prints them.
fn render_place_only(out: &mut dyn WriteColor, d: &Diagnostic) -> std::io::Result<()> {
    use codespan_reporting::term::termcolor::{Color, ColorSpec};
    let (word, color) = match d.severity {
        Severity::Error => ("error", Color::Red),
        Severity::Warning => ("warning", Color::Yellow),
    };
    out.set_color(ColorSpec::new().set_fg(Some(color)).set_bold(true))?;
    write!(out, "{word}[{}]", d.code)?;
    out.set_color(ColorSpec::new().set_bold(true))?;
    writeln!(out, ": {}", d.message)?;
    out.reset()?;
    if d.line > 0 {
        writeln!(out, "  --> {}:{}:{}", d.path, d.line, d.column)?;
    } else {
        writeln!(out, "  --> {}", d.path)?;
    }
    if let Some(c) = &d.commit {
        writeln!(out, "  = in commit {c}")?;
    }
    if let Some(h) = &d.hint {
        writeln!(out, "  = {}: {h}", crate::i18n::t("hint", &[]))?;
    }
    writeln!(out)
}

/// Writes findings as GitHub Actions annotations (`::error file=…,line=…::message`).
///
/// `prefix` is the records repository's folder within the git work tree, so paths point at files
/// GitHub knows.
pub fn render_github(
    out: &mut dyn Write,
    diags: &[Diagnostic],
    prefix: &str,
) -> std::io::Result<()> {
    fn data(s: &str) -> String {
        s.replace('%', "%25")
            .replace('\r', "%0D")
            .replace('\n', "%0A")
    }
    fn property(s: &str) -> String {
        data(s).replace(':', "%3A").replace(',', "%2C")
    }
    for d in diags {
        let level = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let path = if prefix.is_empty() {
            d.path.clone()
        } else {
            format!("{prefix}/{}", d.path)
        };
        let mut props = format!("file={}", property(&path));
        if d.line > 0 {
            props.push_str(&format!(",line={},col={}", d.line, d.column));
        }
        props.push_str(&format!(",title={}", property(d.code.as_str())));
        let mut message = d.message.clone();
        if let Some(c) = &d.commit {
            message.push_str(&format!(" (in commit {c})"));
        }
        if let Some(h) = &d.hint {
            message.push_str(&format!("\nhint: {h}"));
        }
        writeln!(out, "::{level} {props}::{}", data(&message))?;
    }
    Ok(())
}

/// Byte range of `width` characters at 1-based `line`/`column`, clamped to the line.
#[cfg(test)]
fn byte_span(
    text: &str,
    line: usize,
    column: usize,
    width: usize,
) -> Option<std::ops::Range<usize>> {
    span_at(text, &line_starts(text), line, column, width)
}

/// [`byte_span`] with the lines' starts found before.
fn span_at(
    text: &str,
    starts: &[usize],
    line: usize,
    column: usize,
    width: usize,
) -> Option<std::ops::Range<usize>> {
    let start_of_line = *starts.get(line.checked_sub(1)?)?;
    let rest = &text[start_of_line..];
    let line_text = rest.split('\n').next().unwrap_or("").trim_end_matches('\r');
    let mut chars = line_text.char_indices().skip(column.saturating_sub(1));
    let start = match chars.next() {
        Some((i, _)) => i,
        None => line_text.len(),
    };
    let end = line_text[start..]
        .char_indices()
        .nth(width)
        .map(|(i, _)| start + i)
        .unwrap_or(line_text.len());
    Some(start_of_line + start..start_of_line + end.max(start))
}

/// Writes findings and the summary as one JSON document.
pub fn render_json(
    out: &mut dyn Write,
    diags: &[Diagnostic],
    summary: Option<&Summary>,
) -> std::io::Result<()> {
    #[derive(Serialize)]
    struct Report<'a> {
        diagnostics: &'a [Diagnostic],
        summary: Option<&'a Summary>,
    }
    serde_json::to_writer_pretty(
        &mut *out,
        &Report {
            diagnostics: diags,
            summary,
        },
    )?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_span_counts_characters_not_bytes() {
        let text = "a: 1\n標題: 會議\n";
        // line 2, column 5 is the first character of 會議
        let span = byte_span(text, 2, 5, 2).unwrap();
        assert_eq!(&text[span], "會議");
    }

    #[test]
    fn byte_span_clamps_to_line_end() {
        let text = "abc\r\ndef";
        let span = byte_span(text, 1, 2, 99).unwrap();
        assert_eq!(&text[span], "bc");
        assert!(byte_span(text, 5, 1, 1).is_none());
    }
}
