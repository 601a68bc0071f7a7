//! Reports: registers drawn as charts, and the annual work report (年度工作報告) as Markdown.

use crate::derive::charts::{self, Series};
use crate::derive::registers::{self, Table, Visible};
use crate::model::config::{Chart, Report};
use crate::text::{number, plain};

/// A report computed: its title, the chart (SVG) and the table behind it.
pub struct Drawn {
    pub title: String,
    pub svg: String,
    pub table: Table,
}

/// Computes `report` over the visible records for `year`.
pub fn draw(visible: &Visible, report: &Report, year: Option<i64>) -> Result<Drawn, String> {
    let repo = visible.repo;
    let locale = repo.config.association.locale.tag();
    let (_, register) = registers::all(repo)
        .into_iter()
        .find(|(_, r)| r.name == report.register)
        .ok_or_else(|| {
            format!(
                "report `{}` names register `{}`, which no type file declares",
                report.name, report.register
            )
        })?;
    let table = registers::compute(visible, register, year);
    let column = |title: &str| {
        table
            .columns
            .iter()
            .position(|c| c.title == title)
            .ok_or_else(|| format!("register `{}` has no column `{title}`", table.name))
    };
    let label = column(&report.label)?;
    let values = report
        .values
        .iter()
        .map(|v| column(v).map(|i| (v, i)))
        .collect::<Result<Vec<_>, _>>()?;
    let title = report.title.get(locale).to_string();
    let parts: Vec<(Option<String>, Vec<&Vec<serde_json::Value>>)> = match &report.split {
        None => vec![(None, table.rows.iter().collect())],
        Some(by) => {
            let by = column(by)?;
            let mut parts: Vec<(Option<String>, Vec<&Vec<serde_json::Value>>)> = Vec::new();
            for row in &table.rows {
                let key = Some(plain(&row[by]));
                match parts.iter_mut().find(|(k, _)| *k == key) {
                    Some((_, rows)) => rows.push(row),
                    None => parts.push((key, vec![row])),
                }
            }
            parts
        }
    };
    let mut svg = String::new();
    for (n, (part, rows)) in parts.iter().enumerate() {
        let labels: Vec<String> = rows.iter().map(|r| plain(&r[label])).collect();
        let series: Vec<Series> = values
            .iter()
            .map(|(v, i)| Series {
                name: (*v).clone(),
                values: rows.iter().map(|r| number(&r[*i])).collect(),
            })
            .collect();
        let part_title = match part {
            Some(p) if locale.starts_with("zh") => format!("{title}：{p}"),
            Some(p) => format!("{title}: {p}"),
            None => title.clone(),
        };
        let head = charts::Head {
            title: &part_title,
            caption: part.as_deref(),
            id: &format!("chart-{}-{n}", report.name),
            locale,
        };
        svg.push_str(&match report.chart {
            Chart::Bars => charts::bars(&head, &labels, &series),
            Chart::Ring => charts::ring(
                &head,
                &labels,
                series.first().map_or(&[][..], |s| &s.values),
            ),
        });
    }
    Ok(Drawn { title, svg, table })
}

/// A table as Markdown, with its totals row.
pub fn markdown_table(t: &Table) -> String {
    let escape = |s: &str| s.replace('|', "\\|");
    let mut out = format!(
        "| {} |\n",
        t.columns
            .iter()
            .map(|c| escape(&c.title))
            .collect::<Vec<_>>()
            .join(" | ")
    );
    out.push_str(&format!(
        "|{}\n",
        t.columns
            .iter()
            .map(|c| if c.kind.is_numeric() {
                " ---: |"
            } else {
                " --- |"
            })
            .collect::<String>()
    ));
    for row in t
        .shown_rows()
        .into_iter()
        .chain(t.shown_subtotals())
        .chain(t.shown_totals())
    {
        out.push_str(&format!(
            "| {} |\n",
            row.iter()
                .map(|c| escape(c))
                .collect::<Vec<_>>()
                .join(" | ")
        ));
    }
    out
}

/// The annual work report for `year`, as Markdown: each section a register of that year.
pub fn annual(visible: &Visible, year: i64) -> Result<String, String> {
    let repo = visible.repo;
    let locale = repo.config.association.locale.tag();
    let spec = repo
        .config
        .annual_report
        .as_ref()
        .ok_or("clerk.yaml has no `annual_report:` sections")?;
    let all = registers::all(repo);
    let mut out = format!(
        "# {} {year} {}\n\n",
        repo.config.association.name,
        spec.title.get(locale)
    );
    for section in &spec.sections {
        let (_, register) = all
            .iter()
            .find(|(_, r)| r.name == section.register)
            .ok_or_else(|| {
                format!(
                    "annual report section names register `{}`, which no type file declares",
                    section.register
                )
            })?;
        let table = registers::compute(visible, register, Some(year));
        out.push_str(&format!("## {}\n\n", section.title.get(locale)));
        if table.rows.is_empty() {
            out.push_str("（無）\n\n");
        } else {
            out.push_str(&format!("{}：{}\n\n", table.title, table.rows.len()));
            out.push_str(&markdown_table(&table));
            out.push('\n');
        }
    }
    Ok(out)
}
