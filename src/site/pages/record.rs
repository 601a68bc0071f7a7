//! A record's page: its fields as shown, approvals with their state, circulation, attachments,
//! versions, the records that refer to it, and what search finds it by.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use anyhow::anyhow;
use serde::Serialize;
use serde_json::Value;

use super::fields::{FieldView, Fields};
use super::{context, error_chain};
use crate::model::record::Record;
use crate::model::refs::Target;
use crate::model::types::TypeDef;
use crate::site::markdown::markdown;
use crate::site::templates::Theme;
use crate::site::{record_url, slug, Site};

/// A link to a record.
#[derive(Serialize, Clone)]
pub(super) struct Link {
    pub(super) url: String,
    pub(super) title: String,
    pub(super) type_label: String,
    pub(super) date: String,
    pub(super) number: Option<String>,
}

/// What `record.html` is given, besides the page context: each part of a record's page.
#[derive(Serialize)]
struct RecordView<'a> {
    title: &'a str,
    number: Option<&'a str>,
    status: Option<&'a str>,
    /// The status as people read it (its label).
    status_label: Option<&'a str>,
    classification_label: Option<&'a str>,
    body: String,
    has_errors: bool,
}

/// The record's type, as the page names and links it.
#[derive(Serialize)]
struct TypeView<'a> {
    label: &'a str,
    url: String,
}

/// An approval as shown, with the state of its signature.
#[derive(Serialize)]
pub(super) struct ApprovalView<'a> {
    step: String,
    by: String,
    url: Option<String>,
    role: &'a str,
    date: &'a str,
    /// `verified`, `unsigned`, `stale` or `invalid`.
    state: &'static str,
    problem: String,
}

/// One reader on a circulation list (傳閱單), by name, and when they read it.
#[derive(Serialize)]
pub(super) struct CirculationView<'a> {
    person: String,
    url: Option<String>,
    read_on: Option<&'a str>,
}

/// An attachment, as named in the record, and where the site keeps it.
#[derive(Serialize)]
pub(super) struct AttachmentView {
    name: String,
    url: String,
}

/// A version of a record in its chain of `supersedes`.
#[derive(Serialize)]
pub(super) struct VersionView {
    title: String,
    url: Option<String>,
    current: bool,
}

/// Record pages, rendered one at a time: what they share is worked out once.
pub struct RecordPages<'a> {
    site: &'a Site<'a>,
    theme: &'a Theme,
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
            backlinks,
        }
    }

    /// A record's page: its path in the site, its HTML, and what search finds it by (None for
    /// a record of no known type).
    pub fn render(
        &self,
        r: &Record,
    ) -> anyhow::Result<Option<(String, Vec<u8>, crate::site::search::Entry)>> {
        let site = self.site;
        let repo = site.repo;
        let locale = repo.config.association.locale.tag();
        let Some(def) = repo.type_of(r) else {
            return Ok(None);
        };
        let mut ctx = context(site, self.theme, "../", r.type_name.as_deref());
        let type_view = TypeView {
            label: def.label(locale),
            url: format!("{}/index.html", slug(&def.name)),
        };
        ctx.insert("type", &type_view);
        let text = repo.text_of(r);
        let classification = repo.classification(r);
        let title = r.title().unwrap_or(&r.id);
        let view = RecordView {
            title,
            number: def.number_of(r),
            status: r.str_field("status"),
            status_label: r
                .str_field("status")
                .map(|s| crate::model::labels::state(def, s, locale).unwrap_or(s)),
            classification_label: Some(repo.config.classifications.label(classification, locale)),
            body: markdown(r.body(text)),
            has_errors: site.with_errors.contains(r.id.as_str()),
        };
        ctx.insert("record", &view);
        let fields = Fields {
            site,
            def,
            record: r,
            ui: &self.theme.labels,
        }
        .all();
        let url = record_url(&def.name, &r.id);
        let entry = crate::site::search::Entry {
            url: url.clone(),
            title: title.to_string(),
            text: search_text(title, def.number_of(r), &fields, r.body(text)),
            kind: type_view.label.to_string(),
            date: display_date(site, r),
            body: body_line(r.body(text)),
            sealed: repo.sealed(&r.path).is_some(),
        };
        ctx.insert("fields", &fields);
        ctx.insert("approvals", &approvals(site, r));
        ctx.insert("circulation", &circulation(site, def, r));
        ctx.insert("attachments", &attachments(site, r));
        ctx.insert("versions", &versions(site, def, r));
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
        let mut history = if site.audience >= site.repo.config.classifications.staff() {
            site.history.get(&r.path).cloned().unwrap_or_default()
        } else {
            Vec::new()
        };
        let label = |s: &mut Option<String>| {
            if let Some(l) = s
                .as_deref()
                .and_then(|v| crate::model::labels::state(def, v, locale))
            {
                *s = Some(l.to_string());
            }
        };
        for change in &mut history {
            label(&mut change.status_from);
            label(&mut change.status_to);
        }
        ctx.insert("history", &history);
        if r.type_name.as_deref() == Some(repo.config.people_type.as_str()) {
            ctx.insert("inbox_url", &crate::site::inbox::url(site, &r.id));
            let name = repo.person_name(r).unwrap_or(&r.id);
            ctx.insert("inbox_name", name);
        }
        // A type with a paper layout (公文, 紀要, 制度) has its own template.
        let template = match &def.layout {
            Some(layout) => {
                super::document::fill(&mut ctx, site, self.theme, def, layout, r);
                "document.html"
            }
            None => "record.html",
        };
        let html = self
            .theme
            .tera
            .render(template, &ctx)
            .map_err(|e| anyhow!("template {template}: {}", error_chain(&e)))?;
        Ok(Some((url, html.into_bytes(), entry)))
    }
}

/// The date shown for a record in lists.
pub(super) fn display_date(site: &Site, r: &Record) -> String {
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

pub(super) fn link(site: &Site, r: &Record) -> Link {
    let locale = site.repo.config.association.locale.tag();
    let def = site.repo.type_of(r);
    Link {
        url: record_url(r.type_name.as_deref().unwrap_or("record"), &r.id),
        title: r.title().unwrap_or(&r.id).to_string(),
        type_label: def.map_or(String::new(), |d| d.label(locale).to_string()),
        date: display_date(site, r),
        number: def.and_then(|d| d.number_of(r)).map(str::to_string),
    }
}

/// Ids of the visible records `r` refers to.
pub(super) fn targets<'a>(site: &Site, r: &'a Record) -> Vec<&'a str> {
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

/// What search finds a record by: its title, number, the fields as shown (names of people and
/// titles of records, not bare ids) and the text of its body.
pub(super) fn search_text(
    title: &str,
    number: Option<&str>,
    fields: &[FieldView],
    body: &str,
) -> String {
    use pulldown_cmark::{Event, Parser};
    let mut out = String::with_capacity(body.len() + 256);
    out.push_str(title);
    if let Some(number) = number {
        out.push('\n');
        out.push_str(number);
    }
    for field in fields {
        for shown in field.shown().filter(|s| !s.text.is_empty()) {
            out.push('\n');
            out.push_str(&shown.text);
        }
    }
    out.push('\n');
    for event in Parser::new(body) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            // The page shows the text inside raw HTML (sanitised), so search finds it too.
            Event::Html(t) | Event::InlineHtml(t) => out.push_str(&html_text(&t)),
            Event::SoftBreak | Event::HardBreak | Event::End(_) => out.push('\n'),
            _ => {}
        }
    }
    out
}

/// The body's text on one line (runs of white space made one space): what a search result's
/// excerpt is cut from.
pub(in crate::site) fn body_line(body: &str) -> String {
    search_text("", None, &[], body)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The text of an HTML fragment as the sanitised page shows it: no tags, no script or style,
/// entities decoded.
fn html_text(html: &str) -> String {
    let bare = ammonia::Builder::empty().clean(html).to_string();
    html_escape::decode_html_entities(&bare).into_owned()
}

/// Each approval as shown, with the state of its signature as the check found it.
pub(super) fn approvals<'a>(site: &'a Site, r: &'a Record) -> Vec<ApprovalView<'a>> {
    use crate::diag::codes;
    let locale = site.repo.config.association.locale.tag();
    let Some(items) = r.fields.get("approvals").and_then(Value::as_array) else {
        return Vec::new();
    };
    items
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let s = |k: &str| a.get(k).and_then(Value::as_str).unwrap_or("");
            let by = s("by");
            let found = site.approval_findings.get(&(r.path.clone(), i));
            let (state, problem) = match found {
                None if a.get("signature").is_some() => ("verified", String::new()),
                None => ("unsigned", String::new()),
                Some((code, message)) if *code == codes::APPROVAL_STALE => {
                    ("stale", message.clone())
                }
                Some((code, _)) if *code == codes::SIGNATURE_MISSING => ("unsigned", String::new()),
                Some((_, message)) => ("invalid", message.clone()),
            };
            let person = site.repo.person(by).filter(|p| site.shows(&p.id));
            let step = site
                .repo
                .type_of(r)
                .and_then(|d| d.steps.get(s("step")))
                .and_then(|st| st.label.get(locale))
                .map_or(s("step"), String::as_str)
                .to_string();
            ApprovalView {
                step,
                by: crate::model::labels::record(site.repo, by, &|p| site.shows(&p.id))
                    .unwrap_or_else(|| by.to_string()),
                url: person.map(|p| record_url(p.type_name.as_deref().unwrap_or("person"), &p.id)),
                role: crate::model::labels::role(site.repo, s("role"), locale).unwrap_or(s("role")),
                date: s("date"),
                state,
                problem,
            }
        })
        .collect()
}

/// Who has read `r` and when, from the list its type's `circulation:` names.
pub(super) fn circulation<'a>(
    site: &Site,
    def: &TypeDef,
    r: &'a Record,
) -> Vec<CirculationView<'a>> {
    let Some(names) = &def.circulation else {
        return Vec::new();
    };
    let Some(items) = r.fields.get(&names.field).and_then(Value::as_array) else {
        return Vec::new();
    };
    items
        .iter()
        .map(|c| {
            let id = c.get(&names.person).and_then(Value::as_str).unwrap_or("");
            let person = site.repo.person(id);
            CirculationView {
                person: person
                    .and_then(|p| site.repo.person_name(p))
                    .unwrap_or(id)
                    .to_string(),
                url: person
                    .filter(|p| site.shows(&p.id))
                    .map(|p| record_url(p.type_name.as_deref().unwrap_or("person"), &p.id)),
                read_on: c.get(&names.date).and_then(Value::as_str),
            }
        })
        .collect()
}

pub(super) fn attachments(site: &Site, r: &Record) -> Vec<AttachmentView> {
    let repo = site.repo;
    // Only what the site publishes is linked — a refused attachment is the check's finding, an
    // encrypted one without a key is not copied — and, as the site keeps one file per name,
    // the first of each name.
    let mut seen = std::collections::HashSet::new();
    crate::model::attachments::of(
        crate::model::attachments::Files::Folder(&repo.root),
        &repo.config.skip,
        r,
    )
    .into_iter()
    .filter(|a| {
        a.source
            .as_ref()
            .is_ok_and(|s| !s.sealed || crate::crypt::can_open(&s.path))
    })
    .filter(|a| seen.insert(a.file_name.clone()))
    .map(|a| AttachmentView {
        url: super::super::attachment_url(&r.id, &a.file_name),
        name: a.name,
    })
    .collect()
}

/// A record's versions: the chain of the records it supersedes back and of those superseding
/// it forward, by the fields its type's `versions:` names.
pub(super) fn versions(site: &Site, def: &TypeDef, r: &Record) -> Vec<VersionView> {
    let Some(names) = &def.versions else {
        return Vec::new();
    };
    if r.fields.get(&names.supersedes).is_none() && r.fields.get(&names.superseded_by).is_none() {
        return Vec::new();
    }
    let repo = site.repo;
    let mut chain: Vec<&Record> = vec![r];
    let mut seen = BTreeSet::from([r.id.as_str()]);
    while let Some(prev) = chain
        .first()
        .and_then(|c| c.str_field(&names.supersedes))
        .and_then(|id| repo.record(id))
    {
        if !seen.insert(prev.id.as_str()) {
            break;
        }
        chain.insert(0, prev);
    }
    while let Some(next) = chain
        .last()
        .and_then(|c| c.str_field(&names.superseded_by))
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
            let title = if shown {
                let version = v.str_field(&names.version).unwrap_or("");
                format!("{} {version}", v.title().unwrap_or(&v.id))
            } else {
                v.id.clone()
            };
            VersionView {
                title,
                url: shown.then(|| record_url(v.type_name.as_deref().unwrap_or("record"), &v.id)),
                current: v.id == r.id,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_finds_the_text_inside_raw_html() {
        let body = "前言\n\n<div class=\"box\"><p>會議地點：<b>台北</b> &amp; 線上</p><script>alert(1)</script></div>\n\n結語 <span>內文</span>";
        let text = search_text("標題", None, &[], body);
        for word in ["前言", "會議地點：台北 & 線上", "結語", "內文"] {
            assert!(text.contains(word), "{word} in {text:?}");
        }
        assert!(!text.contains("alert") && !text.contains('<'), "{text:?}");
    }
}
