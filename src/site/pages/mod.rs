//! The pages: home, an index per type, a page per record (`record`), search.

mod record;

use rayon::prelude::*;
use std::collections::BTreeSet;

use anyhow::anyhow;
use serde::Serialize;

use super::templates::Theme;
use super::{record_url, slug, Output, Site};
use record::{display_date, link, Link};

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
    has_errors: bool,
}

/// A department an index can be narrowed to.
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
    let repo = site.repo;
    let locale = repo.config.association.locale.tag();
    let base = |root: &str, current: Option<&str>| context(site, theme, root, current);
    let render = |name: &str, ctx: &tera::Context| {
        theme
            .tera
            .render(name, ctx)
            .map_err(|e| anyhow!("template {name}: {}", error_chain(&e)))
    };
    let mut pages = 0;

    // A page per record, rendered in parallel.
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
    for page in rendered {
        if let Some(entry) = page? {
            search.push(entry);
            pages += 1;
        }
    }

    // An index per type.
    for def in repo
        .types
        .values()
        .filter(|t| site.types_shown.contains(t.name.as_str()))
    {
        let mut rows: Vec<IndexRow> = site
            .records()
            .filter(|r| r.type_name.as_deref() == Some(def.name.as_str()))
            .map(|r| {
                let date = display_date(site, r);
                let department = r.str_field("department").unwrap_or("");
                IndexRow {
                    url: record_url(&def.name, &r.id),
                    title: r.title().unwrap_or(&r.id),
                    number: r.str_field("number"),
                    year: date.get(..4).unwrap_or("").to_string(),
                    date,
                    department,
                    department_name: repo
                        .config
                        .department(department)
                        .map_or(department, |d| d.name.as_str()),
                    status: r.str_field("status").unwrap_or(""),
                    has_errors: site.with_errors.contains(r.id.as_str()),
                }
            })
            .collect();
        rows.sort_by(|a, b| b.date.cmp(&a.date).then(a.title.cmp(b.title)));
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
        let statuses = distinct(&mut rows.iter().map(|r| r.status));
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
        let mut ctx = base("../", Some(&def.name));
        ctx.insert(
            "type",
            &TypeLabel {
                label: def.label(locale),
            },
        );
        ctx.insert("rows", &rows);
        ctx.insert("years", &years);
        ctx.insert("statuses", &statuses);
        ctx.insert("departments", &departments);
        out.put(
            format!("{}/index.html", slug(&def.name)),
            render("type_index.html", &ctx)?.into_bytes(),
        )?;
        pages += 1;
    }

    // Home: recent issued documents, upcoming meetings and activities.
    let mut ctx = base("", None);
    let mut recent: Vec<(String, Link)> = Vec::new();
    for d in &repo.config.site.issued {
        for r in site
            .records()
            .filter(|r| r.type_name.as_deref() == Some(d.type_name.as_str()))
        {
            if let Some(date) = r.str_field(&d.date) {
                let mut l = link(site, r);
                l.date = date.to_string();
                recent.push((date.to_string(), l));
            }
        }
    }
    recent.sort_by(|a, b| b.0.cmp(&a.0));
    recent.truncate(repo.config.site.recent);
    ctx.insert(
        "recent",
        &recent.into_iter().map(|(_, l)| l).collect::<Vec<_>>(),
    );
    let mut upcoming: Vec<(String, Link)> = Vec::new();
    for d in &repo.config.site.calendar {
        for r in site
            .records()
            .filter(|r| r.type_name.as_deref() == Some(d.type_name.as_str()))
        {
            if r.str_field("status")
                .is_some_and(|s| d.except.iter().any(|e| e == s))
            {
                continue;
            }
            if let Some(date) = r
                .str_field(&d.date)
                .filter(|date| *date >= site.today.to_string().as_str())
            {
                let mut l = link(site, r);
                l.date = date.to_string();
                upcoming.push((date.to_string(), l));
            }
        }
    }
    upcoming.sort_by(|a, b| a.0.cmp(&b.0));
    ctx.insert(
        "upcoming",
        &upcoming.into_iter().map(|(_, l)| l).collect::<Vec<_>>(),
    );
    out.put("index.html", render("home.html", &ctx)?.into_bytes())?;
    let mut ctx = base("", None);
    ctx.insert("search_built", &site.search);
    out.put("search.html", render("search.html", &ctx)?.into_bytes())?;
    Ok(pages + 2)
}

/// What every page's template sees: language, root, labels, the site's name and edition, and
/// the navigation (a link per type with records on the site; `current` marks one).
pub fn context(site: &Site, theme: &Theme, root: &str, current: Option<&str>) -> tera::Context {
    let repo = site.repo;
    let locale = repo.config.association.locale.tag();
    let nav: Vec<NavItem> = repo
        .types
        .values()
        .filter(|t| site.types_shown.contains(t.name.as_str()))
        .map(|t| NavItem {
            url: format!("{}/index.html", slug(&t.name)),
            label: t.label(locale),
            current: current == Some(t.name.as_str()),
        })
        .collect();
    let edition = theme
        .labels
        .get(&format!("audience_{}", site.audience.as_str()))
        .cloned()
        .unwrap_or_default();
    let mut ctx = tera::Context::new();
    ctx.insert("lang", locale);
    ctx.insert("root", root);
    ctx.insert("t", &theme.labels);
    let view = SiteView {
        name: &repo.config.association.name,
        edition,
    };
    ctx.insert("site", &view);
    ctx.insert("nav", &nav);
    ctx
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
