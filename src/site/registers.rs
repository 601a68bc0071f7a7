//! Register pages (and their CSV), computed over the records the build's audience may see.

use anyhow::anyhow;
use serde::Serialize;

use super::templates::Theme;
use super::{Output, Site};
use crate::derive::registers;
use crate::model::expr::Evaluator;

/// A column of a register page: its heading, and the class of its cells: `num` for numbers
/// (aligned right, never broken), `date` for dates (never broken).
#[derive(Serialize)]
struct ColumnView<'a> {
    title: &'a str,
    numeric: bool,
    class: &'static str,
}

/// A register as its page names it.
#[derive(Serialize)]
struct TableView<'a> {
    name: &'a str,
    title: &'a str,
    columns: Vec<ColumnView<'a>>,
}

/// A register, or a report, as an index page lists it.
#[derive(Serialize)]
struct Listed {
    name: String,
    title: String,
    /// A register's number of rows (none for a report).
    #[serde(skip_serializing_if = "Option::is_none")]
    rows: Option<usize>,
}

/// What falls due, as the due page shows it.
#[derive(Serialize)]
struct DueView<'a> {
    date: &'a str,
    overdue: bool,
    /// The person responsible, by name; linked when the audience may see their record.
    who_shown: String,
    who_url: Option<String>,
    kind: &'a str,
    what: &'a str,
    url: String,
}

/// Renders `registers/index.html` and a page and a CSV per register; returns the page count.
pub fn render(site: &Site, theme: &Theme, out: &Output) -> anyhow::Result<usize> {
    let repo = site.repo;
    let ev = Evaluator::for_repository(repo, site.today);
    let test = |r: &crate::model::record::Record| {
        site.shows(&r.id) && repo.classification(r) <= site.audience
    };
    let visible = registers::Visible::new(repo, &ev, &test);
    let mut listed = Vec::new();
    let mut clock = crate::diag::Stopwatch::new();
    for (_, register) in registers::all(repo) {
        let table = registers::compute(&visible, register, None);
        clock.lap(&format!("register {}", register.name));
        listed.push(register_page(site, theme, out, &table)?);
        clock.lap(&format!("register {}: page and CSV", register.name));
    }
    let mut pages = listed.len();
    due_page(site, theme, out, &visible)?;
    pages += 1;

    let reports = report_pages(site, theme, out, &visible)?;
    pages += reports.len();
    let mut page = super::pages::context(site, theme, "../", None);
    page.insert("reports", &reports);
    let html = render_template(theme, "reports.html", &page)?;
    out.put("reports/index.html", html.into_bytes())?;
    pages += 1;

    let mut index = super::pages::context(site, theme, "../", None);
    index.insert("registers", &listed);
    let html = render_template(theme, "registers.html", &index)?;
    out.put("registers/index.html", html.into_bytes())?;
    Ok(pages + 1)
}

/// Renders the template `name` with `ctx`; an error names the template.
fn render_template(theme: &Theme, name: &str, ctx: &tera::Context) -> anyhow::Result<String> {
    theme
        .tera
        .render(name, ctx)
        .map_err(|e| anyhow!("template {name}: {e:?}"))
}

/// Writes a register's page and CSV; returns the register as the index lists it.
fn register_page(
    site: &Site,
    theme: &Theme,
    out: &Output,
    table: &registers::Table,
) -> anyhow::Result<Listed> {
    let mut page = super::pages::context(site, theme, "../", None);
    insert_table(&mut page, table);
    let html = render_template(theme, "register.html", &page)?;
    out.put(format!("registers/{}.html", table.name), html.into_bytes())?;
    out.put(
        format!("registers/{}.csv", table.name),
        crate::derive::export::csv(table)?,
    )?;
    Ok(Listed {
        name: table.name.clone(),
        title: table.title.clone(),
        rows: Some(table.rows.len()),
    })
}

/// Puts a computed table into a page's context as `table.html` shows it.
fn insert_table(page: &mut tera::Context, table: &registers::Table) {
    let columns = table
        .columns
        .iter()
        .map(|c| ColumnView {
            title: &c.title,
            numeric: c.kind.is_numeric(),
            class: if c.kind.is_numeric() {
                "num"
            } else if c.kind == crate::model::registers::Kind::Date {
                "date"
            } else {
                ""
            },
        })
        .collect();
    let view = TableView {
        name: &table.name,
        title: &table.title,
        columns,
    };
    page.insert("table", &view);
    page.insert("rows", &table.shown_rows());
    page.insert("subtotals", &table.shown_subtotals());
    page.insert("totals", &table.shown_totals());
}

/// Writes what falls due in the coming year, on a page and as an iCalendar feed of deadlines.
fn due_page(
    site: &Site,
    theme: &Theme,
    out: &Output,
    visible: &registers::Visible,
) -> anyhow::Result<()> {
    let until = site
        .today
        .checked_add_days(chrono::Days::new(365))
        .unwrap_or(site.today);
    let items = crate::derive::due::items(visible, &site.today.to_string(), &until.to_string());
    let shown: Vec<DueView> = items.iter().map(|i| due_view(site, i)).collect();
    let mut page = super::pages::context(site, theme, "", None);
    page.insert("items", &shown);
    let html = render_template(theme, "due.html", &page)?;
    out.put("due.html", html.into_bytes())?;
    out.put(
        "feeds/due.ics",
        super::feeds::due_ics(site, &items, theme.labels.get("due")).into_bytes(),
    )
}

/// What falls due, as the due page shows it to the site's audience.
fn due_view<'a>(site: &Site, i: &'a crate::derive::due::Item) -> DueView<'a> {
    let who = i.name.clone().unwrap_or_else(|| i.who.clone());
    let who_url = site
        .repo
        .person(&i.who)
        .filter(|p| site.shows(&p.id))
        .map(|p| super::record_url(p.type_name.as_deref().unwrap_or("person"), &p.id));
    let type_name = site
        .repo
        .record(&i.record)
        .and_then(|r| r.type_name.clone())
        .unwrap_or_default();
    DueView {
        date: &i.date,
        overdue: i.overdue,
        who_shown: who,
        who_url,
        kind: &i.kind,
        what: &i.what,
        url: super::record_url(&type_name, &i.record),
    }
}

/// Writes the reports: charts drawn from registers, and the annual work report of the current
/// year; returns them as the reports' index lists them.
fn report_pages(
    site: &Site,
    theme: &Theme,
    out: &Output,
    visible: &registers::Visible,
) -> anyhow::Result<Vec<Listed>> {
    let mut reports = Vec::new();
    for report in &site.repo.config.reports {
        let drawn = crate::derive::reports::draw(visible, report, None).map_err(|e| anyhow!(e))?;
        let mut page = super::pages::context(site, theme, "../", None);
        page.insert("title", &drawn.title);
        page.insert("svg", &drawn.svg);
        insert_table(&mut page, &drawn.table);
        page.insert("body", "");
        let html = render_template(theme, "report.html", &page)?;
        out.put(format!("reports/{}.html", report.name), html.into_bytes())?;
        reports.push(Listed {
            name: report.name.clone(),
            title: drawn.title.clone(),
            rows: None,
        });
    }
    if let Some(spec) = &site.repo.config.annual_report {
        reports.push(annual_report_page(site, theme, out, visible, spec)?);
    }
    Ok(reports)
}

/// Writes the annual work report of the current year, as a page and as Markdown.
fn annual_report_page(
    site: &Site,
    theme: &Theme,
    out: &Output,
    visible: &registers::Visible,
    spec: &crate::model::config::AnnualReport,
) -> anyhow::Result<Listed> {
    let year = i64::from(chrono::Datelike::year(&site.today));
    let markdown = crate::derive::reports::annual(visible, year).map_err(|e| anyhow!(e))?;
    let name = format!("annual-{year}");
    let title = format!(
        "{year} {}",
        spec.title.get(site.repo.config.association.locale.tag())
    );
    let mut page = super::pages::context(site, theme, "../", None);
    page.insert("title", &title);
    page.insert("svg", &Option::<String>::None);
    // The report's own first heading is the page title.
    let body = markdown.split_once('\n').map_or("", |(_, rest)| rest);
    page.insert("body", &super::markdown::markdown(body));
    let html = render_template(theme, "report.html", &page)?;
    out.put(format!("reports/{name}.html"), html.into_bytes())?;
    out.put(format!("reports/{name}.md"), markdown.into_bytes())?;
    Ok(Listed {
        name,
        title,
        rows: None,
    })
}
