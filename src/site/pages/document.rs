//! A record laid out as paper (`layout:` in its type file): an official document (公文) with the
//! elements GB/T 9704-2012 sets out, meeting minutes or a policy. The same `Paper` fills the
//! page's template (`document.html`) and the PDF's (`document.typ`).

use serde::Serialize;
use serde_json::Value;

use crate::model::record::Record;
use crate::model::types::{Layout, LayoutKind, Panels, TypeDef};
use crate::site::markdown::markdown;
use crate::site::templates::Theme;
use crate::site::Site;

/// A record as its paper shows it: each element of the layout, as text.
#[derive(Serialize)]
pub struct Paper {
    pub kind: LayoutKind,
    /// The site's language (`zh-Hant`, `zh-Hans`, `en`): it picks the fonts.
    pub lang: &'static str,
    /// 發文機關標志.
    pub mark: String,
    /// Its size in points: as large as fits the type area's width, at most 初號 (42 pt).
    pub mark_size: f32,
    /// 發文字號.
    pub number: Option<String>,
    /// 簽發人 of a 上行文, by name.
    pub signer: Option<String>,
    pub title: String,
    /// 主送機關, with the colon after the last.
    pub to: Option<String>,
    /// 正文 as blocks of text with their heading level (1 `一、`, 2 `（一）`, 0 others).
    pub blocks: Vec<Block>,
    /// 附件說明: the attachments by name.
    pub annexes: Vec<String>,
    /// 發文機關署名.
    pub issuer: String,
    /// 成文日期, written out (`2026年1月5日`).
    pub signed_on: Option<String>,
    /// 附注, without its parentheses.
    pub note: Option<String>,
    /// 抄送機關, with the full stop after the last.
    pub cc: Option<String>,
    /// 印發機關.
    pub printed_by: String,
    /// 印發日期, written out.
    pub issued_on: Option<String>,
    /// The words around the elements, in the site's language.
    pub labels: PaperLabels,
}

/// The few words a paper prints besides its fields.
#[derive(Serialize)]
pub struct PaperLabels {
    pub signer: String,
    pub annex: String,
    pub cc: String,
    pub printed: String,
}

/// A block of the 正文.
#[derive(Serialize)]
pub struct Block {
    pub level: u8,
    pub text: String,
}

/// Whether `r` is laid out as a document with a PDF: an official document that has its
/// number (an issued one).
pub fn has_pdf(site: &Site, def: &TypeDef, r: &Record) -> bool {
    site.pdf
        && def
            .layout
            .as_ref()
            .is_some_and(|l| l.kind == LayoutKind::Document && r.str_field(&l.number).is_some())
}

impl Paper {
    /// The paper of record `r`, laid out by `layout`.
    pub fn of(site: &Site, theme: &Theme, layout: &Layout, r: &Record) -> Paper {
        let repo = site.repo;
        let lang = repo.config.association.locale.tag();
        let zh = lang.starts_with("zh");
        let field = |name: &Option<String>| name.as_deref().and_then(|f| r.fields.get(f));
        let names = |name: &Option<String>, sep: &str| {
            field(name)
                .map(names_of)
                .filter(|n| !n.is_empty())
                .map(|n| n.join(sep))
        };
        let (list, colon, stop) = if zh {
            ("、", "：", "。")
        } else {
            (", ", ":", ".")
        };
        let association = repo.config.association.name.clone();
        let issuer = layout.issuer.clone().unwrap_or_else(|| association.clone());
        let label = |key: &str| theme.labels.get(key).cloned().unwrap_or_default();
        let text = repo.text_of(r);
        let mark = layout.mark.clone().unwrap_or(association);
        Paper {
            kind: layout.kind,
            lang,
            mark_size: mark_size(&mark),
            mark,
            number: r.str_field(&layout.number).map(str::to_string),
            signer: signer(site, layout, r),
            title: r.title().unwrap_or(&r.id).to_string(),
            to: names(&layout.to, list).map(|n| n + colon),
            blocks: blocks(r.body(text)),
            annexes: field(&layout.annexes).map(names_of).unwrap_or_default(),
            printed_by: layout.printed_by.clone().unwrap_or_else(|| issuer.clone()),
            issuer,
            signed_on: date(field(&layout.signed_on), zh),
            note: field(&layout.note).map(crate::text::plain),
            cc: names(&layout.cc, if zh { "，" } else { ", " }).map(|n| n + stop),
            issued_on: date(field(&layout.issued_on), zh),
            labels: PaperLabels {
                signer: label("doc_signer"),
                annex: label("doc_annex"),
                cc: label("doc_cc"),
                printed: label("doc_printed"),
            },
        }
    }

    /// The 正文 as the page shows it: Markdown as safe HTML, the heading levels of GB/T 9704
    /// marked by class (`h1` for `一、`, `h2` for `（一）`).
    pub fn body_html(site: &Site, r: &Record) -> String {
        mark_headings(&markdown(r.body(site.repo.text_of(r))))
    }
}

/// Which panels beside the paper the build's audience sees.
#[derive(Serialize)]
struct PanelsShown {
    details: bool,
    approvals: bool,
    circulation: bool,
    history: bool,
    links: bool,
}

/// Fills a record page's context for `document.html`: the paper, its body, the link to its
/// PDF, and only the panels the layout shows this audience (the others are emptied, so what
/// the audience may not see is not in the page at all).
pub(super) fn fill(
    ctx: &mut tera::Context,
    site: &Site,
    theme: &Theme,
    def: &TypeDef,
    layout: &Layout,
    r: &Record,
) {
    let p = &layout.panels;
    let levels = &site.repo.config.classifications;
    let sees = |level: &Option<String>| site.audience >= Panels::from(level.as_deref(), levels);
    let shown = PanelsShown {
        details: sees(&p.details),
        approvals: sees(&p.approvals),
        circulation: sees(&p.circulation),
        history: sees(&p.history),
        links: sees(&p.links),
    };
    let empty: [(); 0] = [];
    let hidden: [(&str, bool); 6] = [
        ("fields", shown.details),
        ("approvals", shown.approvals),
        ("circulation", shown.circulation),
        ("history", shown.history),
        ("links_to", shown.links),
        ("links_from", shown.links),
    ];
    for (key, show) in hidden {
        if !show {
            ctx.insert(key, &empty);
        }
    }
    ctx.insert("panels", &shown);
    ctx.insert("paper", &Paper::of(site, theme, layout, r));
    ctx.insert("paper_body", &Paper::body_html(site, r));
    let pdf = has_pdf(site, def, r).then(|| pdf_url(&def.name, &r.id));
    ctx.insert("pdf", &pdf);
    ctx.insert("fonts", &!theme.fonts.is_empty());
}

/// Where the site keeps a document's PDF: beside its page.
pub fn pdf_url(type_name: &str, id: &str) -> String {
    format!(
        "{}/{}.pdf",
        crate::site::slug(type_name),
        crate::site::slug(id)
    )
}

/// Marks paragraphs that open with a heading number by their level.
fn mark_headings(html: &str) -> String {
    let mut out = String::with_capacity(html.len() + 64);
    let mut rest = html;
    while let Some(at) = rest.find("<p>") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 3..];
        match heading_level(after) {
            0 => out.push_str("<p>"),
            n => out.push_str(&format!("<p class=\"h{n}\">")),
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

/// The GB/T 9704 heading level a paragraph opens with: 1 for `一、`, 2 for `（一）`, 0 none.
pub fn heading_level(text: &str) -> u8 {
    const NUMERALS: &str = "一二三四五六七八九十";
    let numeral = |s: &str| {
        let n = s.chars().take_while(|c| NUMERALS.contains(*c)).count();
        (n > 0).then(|| s.char_indices().nth(n).map_or(s.len(), |(i, _)| i))
    };
    if let Some(end) = numeral(text) {
        if text[end..].starts_with('、') {
            return 1;
        }
    }
    if let Some(inner) = text.strip_prefix('（') {
        if let Some(end) = numeral(inner) {
            if inner[end..].starts_with('）') {
                return 2;
            }
        }
    }
    0
}

/// The 標志's size: its characters fill at most the 156 mm (442 pt) type area, less a margin.
fn mark_size(mark: &str) -> f32 {
    let n = mark.chars().count().max(1) as f32;
    (430.0 / n).min(42.0).floor()
}

/// The 簽發人 of a 上行文: the name of whoever gave the layout's `signer.step`, when the
/// document goes up and the person is on the site (never a bare id).
fn signer(site: &Site, layout: &Layout, r: &Record) -> Option<String> {
    let s = layout.signer.as_ref()?;
    let value = r.fields.get(&s.field).map(crate::text::plain)?;
    if !s.values.contains(&value) {
        return None;
    }
    let by = r
        .fields
        .get("approvals")?
        .as_array()?
        .iter()
        .find(|a| a.get("step").and_then(Value::as_str) == Some(s.step.as_str()))?
        .get("by")?
        .as_str()?;
    let person = site.repo.person(by).filter(|p| site.shows(&p.id))?;
    site.repo.person_name(person).map(str::to_string)
}

/// A field's value as a list of names.
fn names_of(value: &Value) -> Vec<String> {
    match value {
        Value::Array(items) => items.iter().map(crate::text::plain).collect(),
        Value::Null => Vec::new(),
        other => vec![crate::text::plain(other)],
    }
}

/// A `YYYY-MM-DD` date as a document writes it: `2026年1月5日` (no leading zeros) in Chinese.
fn date(value: Option<&Value>, zh: bool) -> Option<String> {
    let text = value?.as_str()?;
    let parts: Vec<u32> = text.split('-').filter_map(|p| p.parse().ok()).collect();
    match parts.as_slice() {
        [y, m, d] if zh => Some(format!("{y}年{m}月{d}日")),
        _ => Some(text.to_string()),
    }
}

/// The 正文's blocks: paragraphs, headings and list items as plain text.
fn blocks(body: &str) -> Vec<Block> {
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};
    let mut out = Vec::new();
    let mut text = String::new();
    let mut numbers: Vec<Option<u64>> = Vec::new();
    for event in Parser::new(body) {
        match event {
            Event::Start(Tag::List(start)) => numbers.push(start),
            Event::End(TagEnd::List(_)) => {
                numbers.pop();
            }
            Event::Start(Tag::Item) => {
                if let Some(Some(n)) = numbers.last_mut() {
                    text.push_str(&format!("{n}. "));
                    *n += 1;
                }
            }
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak => {}
            Event::HardBreak => text.push('\n'),
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item)
                if !text.trim().is_empty() =>
            {
                let text = std::mem::take(&mut text);
                out.push(Block {
                    level: heading_level(&text),
                    text,
                });
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_levels_follow_the_numbering_of_gbt_9704() {
        assert_eq!(heading_level("一、總則"), 1);
        assert_eq!(heading_level("十二、附則"), 1);
        assert_eq!(heading_level("（三）經費"), 2);
        assert_eq!(heading_level("1. 深化會員服務"), 0);
        assert_eq!(heading_level("一般事項"), 0);
        assert_eq!(heading_level("（此件公開發布）"), 0);
    }

    #[test]
    fn dates_are_written_without_leading_zeros() {
        let d = Value::String("2026-01-05".into());
        assert_eq!(date(Some(&d), true).as_deref(), Some("2026年1月5日"));
        assert_eq!(date(Some(&d), false).as_deref(), Some("2026-01-05"));
    }

    #[test]
    fn numbered_lists_keep_their_numbers() {
        let b = blocks("一、總則\n\n正文。\n\n1. 甲\n2. 乙\n");
        let texts: Vec<_> = b.iter().map(|b| (b.level, b.text.as_str())).collect();
        assert_eq!(
            texts,
            [(1, "一、總則"), (0, "正文。"), (0, "1. 甲"), (0, "2. 乙")]
        );
    }
}
