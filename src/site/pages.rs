//! The pages: home, an index per type, a page per record, search.

use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashSet};

use anyhow::anyhow;
use serde::Serialize;
use serde_json::{json, Value};

use super::templates::Theme;
use super::{record_url, slug, Output, Site};
use crate::check::signatures;
use crate::model::keys::Keyring;
use crate::model::record::Record;
use crate::model::refs::Target;
use crate::model::types::{Classification, TypeDef};

/// A link to a record.
#[derive(Serialize, Clone)]
struct Link {
    url: String,
    title: String,
    type_label: String,
    date: String,
    number: Option<String>,
}

/// A field's value as shown: text, linked when it names a record on the site.
#[derive(Serialize)]
struct Shown {
    text: String,
    url: Option<String>,
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
        let mut rows: Vec<Value> = site
            .records()
            .filter(|r| r.type_name.as_deref() == Some(def.name.as_str()))
            .map(|r| {
                let date = display_date(site, r);
                let department = r.str_field("department").unwrap_or("");
                json!({
                    "url": record_url(&def.name, &r.id),
                    "title": r.title().unwrap_or(&r.id),
                    "number": r.str_field("number"),
                    "date": date,
                    "year": date.get(..4).unwrap_or(""),
                    "department": department,
                    "department_name": repo.config.department(department).map_or(department, |d| d.name.as_str()),
                    "status": r.str_field("status").unwrap_or(""),
                    "has_errors": site.with_errors.contains(r.id.as_str()),
                })
            })
            .collect();
        rows.sort_by(|a, b| {
            b["date"]
                .as_str()
                .cmp(&a["date"].as_str())
                .then(a["title"].as_str().cmp(&b["title"].as_str()))
        });
        let distinct = |key: &str| -> BTreeSet<String> {
            rows.iter()
                .filter_map(|r| r[key].as_str())
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect()
        };
        let years: Vec<String> = distinct("year").into_iter().rev().collect();
        let statuses = distinct("status");
        let departments: Vec<Value> = distinct("department")
            .into_iter()
            .map(|d| json!({"id": d, "name": repo.config.department(&d).map_or(d.clone(), |x| x.name.clone())}))
            .collect();
        let mut ctx = base("../", Some(&def.name));
        ctx.insert("type", &json!({"label": def.label(locale)}));
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
                .filter(|date| *date >= site.today.as_str())
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

/// Record pages, rendered one at a time: what they share is worked out once.
pub struct RecordPages<'a> {
    site: &'a Site<'a>,
    theme: &'a Theme,
    keys: Keyring,
    /// Which visible records refer to each visible record.
    backlinks: BTreeMap<&'a str, Vec<Link>>,
}

impl<'a> RecordPages<'a> {
    /// For every record page.
    pub fn new(site: &'a Site<'a>, theme: &'a Theme) -> RecordPages<'a> {
        RecordPages::with_backlinks(site, theme, None)
    }

    /// For the pages of `ids` only: backlinks are gathered to them alone.
    pub fn only(site: &'a Site<'a>, theme: &'a Theme, ids: &HashSet<&str>) -> RecordPages<'a> {
        RecordPages::with_backlinks(site, theme, Some(ids))
    }

    fn with_backlinks(
        site: &'a Site<'a>,
        theme: &'a Theme,
        to: Option<&HashSet<&str>>,
    ) -> RecordPages<'a> {
        let repo = site.repo;
        let (mut keys, _) = Keyring::load(repo);
        // Signatures `clerk check` verified before need not be verified again for the pages.
        keys.cache = crate::model::keys::VerifiedCache::open(&repo.root);
        let mut backlinks: BTreeMap<&str, Vec<Link>> = BTreeMap::new();
        for r in site.records() {
            for target in targets(site, r) {
                if target != r.id && to.is_none_or(|to| to.contains(target)) {
                    backlinks.entry(target).or_default().push(link(site, r));
                }
            }
        }
        RecordPages {
            site,
            theme,
            keys,
            backlinks,
        }
    }

    /// A record's page: its path in the site, its HTML, and what search finds it by (None for
    /// a record of no known type).
    pub fn render(
        &self,
        r: &Record,
    ) -> anyhow::Result<Option<(String, Vec<u8>, super::search::Entry)>> {
        let site = self.site;
        let repo = site.repo;
        let locale = repo.config.association.locale.tag();
        let Some(def) = repo.type_of(r) else {
            return Ok(None);
        };
        let mut ctx = context(site, self.theme, "../", r.type_name.as_deref());
        ctx.insert(
            "type",
            &json!({"label": def.label(locale), "url": format!("{}/index.html", slug(&def.name))}),
        );
        let text = repo.text_of(r);
        let classification = repo.classification(r);
        let title = r.title().unwrap_or(&r.id);
        ctx.insert(
            "record",
            &json!({
                "title": title,
                "number": r.str_field("number"),
                "status": r.str_field("status"),
                "classification_label": self.theme.labels.get(classification.as_str()),
                "body": markdown(r.body(text)),
                "has_errors": site.with_errors.contains(r.id.as_str()),
            }),
        );
        let fields = fields(site, def, r);
        let url = record_url(&def.name, &r.id);
        let entry = super::search::Entry {
            url: url.clone(),
            title: title.to_string(),
            text: search_text(title, r.str_field("number"), &fields, r.body(text)),
            sealed: repo.sealed(&r.path).is_some(),
        };
        ctx.insert("fields", &fields);
        ctx.insert("approvals", &approvals(site, &self.keys, r));
        ctx.insert("circulation", &circulation(site, r));
        ctx.insert("attachments", &attachments(r));
        ctx.insert("versions", &versions(site, r));
        let mut to: Vec<Link> = targets(site, r)
            .into_iter()
            .filter(|t| *t != r.id)
            .filter_map(|t| site.repo.record(t))
            .map(|t| link(site, t))
            .collect();
        to.dedup_by(|a, b| a.url == b.url);
        ctx.insert("links_to", &to);
        let mut from = self
            .backlinks
            .get(r.id.as_str())
            .cloned()
            .unwrap_or_default();
        from.dedup_by(|a, b| a.url == b.url);
        ctx.insert("links_from", &from);
        // History names people and quotes commit messages: internal builds only.
        let history = if site.audience >= Classification::Internal {
            site.history.get(&r.path).cloned().unwrap_or_default()
        } else {
            Vec::new()
        };
        ctx.insert("history", &history);
        let html = self
            .theme
            .tera
            .render("record.html", &ctx)
            .map_err(|e| anyhow!("template record.html: {}", error_chain(&e)))?;
        Ok(Some((url, html.into_bytes(), entry)))
    }
}

/// What every page's template sees: language, root, labels, the site's name and edition, and
/// the navigation (a link per type with records on the site; `current` marks one).
pub fn context(site: &Site, theme: &Theme, root: &str, current: Option<&str>) -> tera::Context {
    let repo = site.repo;
    let locale = repo.config.association.locale.tag();
    let nav: Vec<Value> = repo
        .types
        .values()
        .filter(|t| site.types_shown.contains(t.name.as_str()))
        .map(|t| json!({"url": format!("{}/index.html", slug(&t.name)), "label": t.label(locale), "current": current == Some(t.name.as_str())}))
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
    ctx.insert(
        "site",
        &json!({"name": repo.config.association.name, "edition": edition}),
    );
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

/// Markdown from a record, as safe HTML: raw HTML is sanitised, so no record can inject script.
///
/// Markdown without raw HTML, links or images — most records — is already safe as
/// pulldown-cmark writes it (every text is escaped), so only the rest goes through the
/// sanitiser.
pub fn markdown(text: &str) -> String {
    use pulldown_cmark::{html, Event, Options, Parser, Tag};
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    let events: Vec<Event> = Parser::new_ext(text, options).collect();
    let plain = !events.iter().any(|e| {
        matches!(
            e,
            Event::Html(_)
                | Event::InlineHtml(_)
                | Event::Start(Tag::Link { .. } | Tag::Image { .. } | Tag::HtmlBlock)
        )
    });
    let mut out = String::new();
    html::push_html(&mut out, events.into_iter());
    if plain {
        return out;
    }
    ammonia::Builder::default()
        .link_rel(Some("noopener noreferrer"))
        .url_schemes(["http", "https", "mailto"].into())
        .clean(&out)
        .to_string()
}

/// The date shown for a record in lists.
fn display_date(site: &Site, r: &Record) -> String {
    site.repo
        .config
        .site
        .date_fields
        .iter()
        .find_map(|f| match r.fields.get(f) {
            Some(Value::String(s)) => Some(s.clone()),
            Some(Value::Number(n)) => Some(n.to_string()),
            _ => None,
        })
        .unwrap_or_default()
}

fn link(site: &Site, r: &Record) -> Link {
    let locale = site.repo.config.association.locale.tag();
    let def = site.repo.type_of(r);
    Link {
        url: record_url(r.type_name.as_deref().unwrap_or("record"), &r.id),
        title: r.title().unwrap_or(&r.id).to_string(),
        type_label: def.map_or(String::new(), |d| d.label(locale).to_string()),
        date: display_date(site, r),
        number: r.str_field("number").map(str::to_string),
    }
}

/// Ids of the visible records `r` refers to.
fn targets<'a>(site: &Site, r: &'a Record) -> Vec<&'a str> {
    let Some(def) = site.repo.type_of(r) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for rule in &def.refs {
        if matches!(rule.target, Target::Config(_)) {
            continue;
        }
        for (_, value) in rule.values(&r.fields) {
            let id = value.split('#').next().unwrap_or(value);
            if site.shows(id) && !out.contains(&id) {
                out.push(id);
            }
        }
    }
    out
}

/// Fields shown in the details list (not the ones with their own section).
fn fields(site: &Site, def: &TypeDef, r: &Record) -> Vec<Value> {
    const OWN_SECTION: &[&str] = &[
        "type",
        "id",
        "title",
        "status",
        "classification",
        "approvals",
        "circulation",
        "attachments",
        "number",
    ];
    let repo = site.repo;
    // Top-level fields that are references: field → linked.
    let refs: BTreeMap<&str, &Target> = def
        .refs
        .iter()
        .filter(|rule| rule.path.len() == 1)
        .map(|rule| (rule.path[0].key.as_str(), &rule.target))
        .collect();
    let mut out = Vec::new();
    for (key, value) in r.map() {
        if OWN_SECTION.contains(&key.as_str()) || value.is_null() {
            continue;
        }
        // A field's display name is its schema `title`, as JSON Schema intends.
        let name = def
            .schema
            .pointer(&format!(
                "/properties/{}/title",
                crate::parse::yaml::escape_pointer(key)
            ))
            .and_then(Value::as_str)
            .unwrap_or(key)
            .to_string();
        let shown: Vec<Shown> = match refs.get(key.as_str()) {
            Some(Target::Config(list)) => texts(value)
                .into_iter()
                .map(|id| {
                    let name = repo
                        .config_raw
                        .get(list)
                        .and_then(Value::as_array)
                        .and_then(|items| {
                            items
                                .iter()
                                .find(|i| i.get("id").and_then(Value::as_str) == Some(&id))
                        })
                        .and_then(|i| i.get("name"))
                        .and_then(Value::as_str)
                        .map(str::to_string);
                    Shown {
                        text: name.unwrap_or(id),
                        url: None,
                    }
                })
                .collect(),
            Some(_) => texts(value)
                .into_iter()
                .map(|id| {
                    let target = id.split('#').next().unwrap_or(&id).to_string();
                    match repo.record(&target).filter(|t| site.shows(&t.id)) {
                        Some(t) => Shown {
                            text: format!("{} ({id})", t.title().unwrap_or(&t.id)),
                            url: Some(record_url(
                                t.type_name.as_deref().unwrap_or("record"),
                                &t.id,
                            )),
                        },
                        None => Shown {
                            text: id,
                            url: None,
                        },
                    }
                })
                .collect(),
            None => vec![Shown {
                text: crate::text::plain(value),
                url: None,
            }],
        };
        out.push(json!({"name": name, "values": shown}));
    }
    out
}

/// What search finds a record by: its title, number, the fields as shown (names of people and
/// titles of records, not bare ids) and the text of its body.
fn search_text(title: &str, number: Option<&str>, fields: &[Value], body: &str) -> String {
    use pulldown_cmark::{Event, Parser};
    let mut out = String::with_capacity(body.len() + 256);
    out.push_str(title);
    if let Some(number) = number {
        out.push('\n');
        out.push_str(number);
    }
    for field in fields {
        for shown in field["values"].as_array().into_iter().flatten() {
            if let Some(text) = shown["text"].as_str().filter(|t| !t.is_empty()) {
                out.push('\n');
                out.push_str(text);
            }
        }
    }
    out.push('\n');
    for event in Parser::new(body) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak | Event::End(_) => out.push('\n'),
            _ => {}
        }
    }
    out
}

/// A reference field's ids.
fn texts(value: &Value) -> Vec<String> {
    match value {
        Value::String(s) => vec![s.clone()],
        Value::Array(items) => items
            .iter()
            .filter_map(|i| i.as_str().map(str::to_string))
            .collect(),
        other => vec![crate::text::plain(other)],
    }
}

fn approvals(site: &Site, keys: &Keyring, r: &Record) -> Vec<Value> {
    let Some(items) = r.fields.get("approvals").and_then(Value::as_array) else {
        return Vec::new();
    };
    let mut digest = None;
    items
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let s = |k: &str| a.get(k).and_then(Value::as_str).unwrap_or("");
            let by = s("by");
            let (state, problem) = match signatures::verdict(site.repo, keys, r, i, &mut digest) {
                None if a.get("signature").is_some() => ("verified", String::new()),
                None => ("unsigned", String::new()),
                Some(p) if p.code == crate::diag::codes::APPROVAL_STALE => ("stale", p.message),
                Some(p) if p.code == crate::diag::codes::SIGNATURE_MISSING => ("unsigned", String::new()),
                Some(p) => ("invalid", p.message),
            };
            let person = site.repo.person(by).filter(|p| site.shows(&p.id));
            json!({
                "step": site.repo.type_of(r).and_then(|d| d.steps.get(s("step"))).and_then(|st| st.label.get(site.repo.config.association.locale.tag())).map_or(s("step"), |l| l.as_str()),
                "by": person.and_then(|p| p.str_field("name")).map_or(by.to_string(), |n| format!("{n} ({by})")),
                "url": person.map(|p| record_url(p.type_name.as_deref().unwrap_or("person"), &p.id)),
                "role": s("role"),
                "date": s("date"),
                "state": state,
                "problem": problem,
            })
        })
        .collect()
}

fn circulation(site: &Site, r: &Record) -> Vec<Value> {
    let Some(items) = r.fields.get("circulation").and_then(Value::as_array) else {
        return Vec::new();
    };
    items
        .iter()
        .map(|c| {
            let id = c.get("person").and_then(Value::as_str).unwrap_or("");
            let name = site
                .repo
                .person(id)
                .filter(|p| site.shows(&p.id))
                .and_then(|p| p.str_field("name"))
                .map_or(id.to_string(), |n| format!("{n} ({id})"));
            json!({"person": name, "read_on": c.get("read_on").and_then(Value::as_str)})
        })
        .collect()
}

fn attachments(r: &Record) -> Vec<Value> {
    let Some(items) = r.fields.get("attachments").and_then(Value::as_array) else {
        return Vec::new();
    };
    items
        .iter()
        .filter_map(Value::as_str)
        .map(|name| {
            let file = std::path::Path::new(name)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            json!({"name": name, "url": format!("files/{}/{}", slug(&r.id), slug(&file))})
        })
        .collect()
}

/// A record's versions: the chain of `supersedes` back and `superseded_by` forward.
fn versions(site: &Site, r: &Record) -> Vec<Value> {
    if r.fields.get("supersedes").is_none() && r.fields.get("superseded_by").is_none() {
        return Vec::new();
    }
    let repo = site.repo;
    let mut chain: Vec<&Record> = vec![r];
    let mut seen = BTreeSet::from([r.id.as_str()]);
    while let Some(prev) = chain
        .first()
        .and_then(|c| c.str_field("supersedes"))
        .and_then(|id| repo.record(id))
    {
        if !seen.insert(prev.id.as_str()) {
            break;
        }
        chain.insert(0, prev);
    }
    while let Some(next) = chain
        .last()
        .and_then(|c| c.str_field("superseded_by"))
        .and_then(|id| repo.record(id))
    {
        if !seen.insert(next.id.as_str()) {
            break;
        }
        chain.push(next);
    }
    chain
        .into_iter()
        .map(|v| {
            let shown = site.shows(&v.id);
            json!({
                "title": if shown { format!("{} {}", v.title().unwrap_or(&v.id), v.str_field("version").unwrap_or("")) } else { v.id.clone() },
                "url": shown.then(|| record_url(v.type_name.as_deref().unwrap_or("record"), &v.id)),
                "current": v.id == r.id,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::markdown;

    #[test]
    fn markdown_without_html_or_links_is_escaped_without_the_sanitiser() {
        // Every way text can carry markup without being raw HTML or a link.
        let text = "&lt;script&gt;alert(1)&lt;/script&gt; `<img src=x onerror=alert(2)>`\n\n\
                    ```\"><script>alert(3)</script>\n</code><script>alert(4)</script>\n```\n\n\
                    | a | b |\n|---|---|\n| <b | c\" onmouseover=\"x |\n\n\\<iframe\\> ~~<~~";
        let html = markdown(text);
        for bad in ["<script", "<img", "<iframe"] {
            assert!(!html.contains(bad), "{bad} in {html}");
        }
        // No tag carries an event handler: quotes inside text stay text.
        let handler = regex::Regex::new(r"<[^>]*\son[a-z]+\s*=").unwrap();
        assert!(!handler.is_match(&html), "{html}");
        assert!(html.contains("class=\"language-&quot;&gt;"), "{html}");
        assert!(html.contains("&lt;script&gt;alert(1)"), "{html}");
        assert!(html.contains("<table>") && html.contains("<del>"), "{html}");
        // With raw HTML or a link, the sanitiser runs.
        let html = markdown(
            "<script>alert(5)</script>\n\n[x](javascript:alert(6))\n\n<b onclick=\"y\">b</b>",
        );
        for bad in ["<script", "href=\"javascript:", "onclick"] {
            assert!(!html.contains(bad), "{bad} in {html}");
        }
        assert!(
            html.contains("<a rel=\"noopener noreferrer\">x</a>"),
            "{html}"
        );
    }
}
