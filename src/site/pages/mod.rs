//! The pages: home, an index per type, a page per record (`record`), search.

pub mod document;
mod fields;
mod home;
pub(super) mod record;
mod votes;

use rayon::prelude::*;
use std::collections::BTreeSet;

use anyhow::anyhow;
use serde::Serialize;

use super::templates::Theme;
use super::{record_url, slug, Output, Site};
use crate::model::types::TypeDef;
use record::display_date;

pub use record::RecordPages;

/// A row of a type's index page.
#[derive(Serialize)]
struct IndexRow<'a> {
    url: String,
    title: &'a str,
    number: Option<&'a str>,
    date: String,
    year: String,
    department: &'a str,
    department_name: &'a str,
    status: &'a str,
    /// The status as people read it.
    status_label: &'a str,
    has_errors: bool,
}

/// A department, or a status, an index can be narrowed to: its id and its name.
#[derive(Serialize)]
struct Department {
    id: String,
    name: String,
}

/// A type, as its index page names it.
#[derive(Serialize)]
struct TypeLabel<'a> {
    label: &'a str,
}

/// A link in the navigation: a type with records on the site.
#[derive(Serialize)]
struct NavItem<'a> {
    url: String,
    label: &'a str,
    current: bool,
}

/// A group of the navigation: a link when it holds one type, a menu when more.
#[derive(Serialize)]
struct NavGroup<'a> {
    label: String,
    current: bool,
    items: Vec<NavItem<'a>>,
}

/// The site as every page names it: the association and the edition.
#[derive(Serialize)]
struct SiteView<'a> {
    name: &'a str,
    edition: String,
}

/// Renders every page into `out`, and what each record page is found by into `search`;
/// returns how many pages.
pub fn render(
    site: &Site,
    theme: &Theme,
    out: &Output,
    search: &mut Vec<super::search::Entry>,
) -> anyhow::Result<usize> {
    let mut pages = record_pages(site, theme, out, search)?;
    for def in site
        .repo
        .types
        .values()
        .filter(|t| site.types_shown.contains(t.name.as_str()))
    {
        type_index(site, theme, out, def)?;
        pages += 1;
    }
    home::render(site, theme, out)?;
    let mut ctx = context(site, theme, "", None);
    ctx.insert("search_built", &site.search);
    out.put(
        "search.html",
        render_template(theme, "search.html", &ctx)?.into_bytes(),
    )?;
    Ok(pages + 2)
}

/// Renders the template `name` with `ctx`; an error names the template and its causes.
fn render_template(theme: &Theme, name: &str, ctx: &tera::Context) -> anyhow::Result<String> {
    theme
        .tera
        .render(name, ctx)
        .map_err(|e| anyhow!("template {name}: {}", error_chain(&e)))
}

/// Renders a page per record, in parallel, and what each is found by into `search`; returns
/// how many pages.
fn record_pages(
    site: &Site,
    theme: &Theme,
    out: &Output,
    search: &mut Vec<super::search::Entry>,
) -> anyhow::Result<usize> {
    let records = RecordPages::new(site, theme);
    let visible: Vec<&crate::model::record::Record> = site.records().collect();
    let rendered: Vec<anyhow::Result<Option<super::search::Entry>>> = visible
        .par_iter()
        .map(|r| {
            let Some((url, html, entry)) = records.render(r)? else {
                return Ok(None);
            };
            out.put(url, html)?;
            Ok(Some(entry))
        })
        .collect();
    let mut pages = 0;
    for page in rendered {
        if let Some(entry) = page? {
            search.push(entry);
            pages += 1;
        }
    }
    Ok(pages)
}

/// Renders the index page of type `def`: its records, newest first, with the years, statuses
/// and departments they can be narrowed to.
fn type_index(site: &Site, theme: &Theme, out: &Output, def: &TypeDef) -> anyhow::Result<()> {
    let repo = site.repo;
    let rows = index_rows(site, def);
    let distinct = |values: &mut dyn Iterator<Item = &str>| -> BTreeSet<String> {
        values
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect()
    };
    let years: Vec<String> = distinct(&mut rows.iter().map(|r| r.year.as_str()))
        .into_iter()
        .rev()
        .collect();
    let statuses: Vec<Department> = distinct(&mut rows.iter().map(|r| r.status))
        .into_iter()
        .map(|id| Department {
            name: crate::model::labels::state(def, &id, repo.config.association.locale.tag())
                .map_or_else(|| id.clone(), str::to_string),
            id,
        })
        .collect();
    let departments: Vec<Department> = distinct(&mut rows.iter().map(|r| r.department))
        .into_iter()
        .map(|id| {
            let name = repo
                .config
                .department(&id)
                .map_or(id.clone(), |x| x.name.clone());
            Department { id, name }
        })
        .collect();
    let mut ctx = context(site, theme, "../", Some(&def.name));
    ctx.insert(
        "type",
        &TypeLabel {
            label: def.label(repo.config.association.locale.tag()),
        },
    );
    ctx.insert("rows", &rows);
    ctx.insert("years", &years);
    ctx.insert("statuses", &statuses);
    ctx.insert("departments", &departments);
    out.put(
        format!("{}/index.html", slug(&def.name)),
        render_template(theme, "type_index.html", &ctx)?.into_bytes(),
    )
}

/// The rows of type `def`'s index page, newest first.
fn index_rows<'a>(site: &'a Site, def: &'a TypeDef) -> Vec<IndexRow<'a>> {
    let repo = site.repo;
    let mut rows: Vec<IndexRow> = site
        .records()
        .filter(|r| r.type_name.as_deref() == Some(def.name.as_str()))
        .map(|r| {
            let date = display_date(site, r);
            let department = r.str_field(repo.config.department_field()).unwrap_or("");
            IndexRow {
                url: record_url(&def.name, &r.id),
                title: r.title().unwrap_or(&r.id),
                number: def.number_of(r),
                year: date.get(..4).unwrap_or("").to_string(),
                date,
                department,
                department_name: repo
                    .config
                    .department(department)
                    .map_or(department, |d| d.name.as_str()),
                status: r.str_field("status").unwrap_or(""),
                status_label: r.str_field("status").map_or("", |s| {
                    crate::model::labels::state(def, s, repo.config.association.locale.tag())
                        .unwrap_or(s)
                }),
                has_errors: site.with_errors.contains(r.id.as_str()),
            }
        })
        .collect();
    rows.sort_by(|a, b| b.date.cmp(&a.date).then(a.title.cmp(b.title)));
    rows
}

/// What every page's template sees: language, root, labels, the site's name and edition, and
/// the navigation (its groups of types with records on the site; `current` marks one).
pub fn context(site: &Site, theme: &Theme, root: &str, current: Option<&str>) -> tera::Context {
    let repo = site.repo;
    let locale = repo.config.association.locale.tag();
    let edition = site
        .repo
        .config
        .classifications
        .edition(site.audience, locale);
    let mut ctx = tera::Context::new();
    ctx.insert("lang", locale);
    ctx.insert("root", root);
    ctx.insert("t", &theme.labels);
    let view = SiteView {
        name: &repo.config.association.name,
        edition,
    };
    ctx.insert("site", &view);
    ctx.insert("nav", &navigation(site, current));
    ctx
}

/// The navigation's groups with records on the site, in the configured order.
fn navigation<'a>(site: &'a Site, current: Option<&str>) -> Vec<NavGroup<'a>> {
    let repo = site.repo;
    let locale = repo.config.association.locale.tag();
    crate::model::navigation::groups(repo.config.site.navigation.as_deref(), &repo.types)
        .into_iter()
        .filter_map(|g| {
            let items: Vec<NavItem> = g
                .types
                .iter()
                .filter(|t| site.types_shown.contains(t.as_str()))
                .filter_map(|t| repo.types.get(t))
                .map(|t| NavItem {
                    url: format!("{}/index.html", slug(&t.name)),
                    label: t.label(locale),
                    current: current == Some(t.name.as_str()),
                })
                .collect();
            (!items.is_empty()).then(|| NavGroup {
                label: g.label.get(locale).to_string(),
                current: items.iter().any(|i| i.current),
                items,
            })
        })
        .collect()
}

fn error_chain(e: &dyn std::error::Error) -> String {
    let mut out = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        out.push_str(": ");
        out.push_str(&s.to_string());
        source = s.source();
    }
    out
}
