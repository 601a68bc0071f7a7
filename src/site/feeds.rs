//! Feeds: Atom for issued documents and notices, iCalendar for meetings and activities.

use atom_syndication::{Entry, Feed, FixedDateTime, Link, Text};
use chrono::{NaiveDate, TimeZone, Utc};
use icalendar::{Calendar, Component, Event, EventLike};

use super::{record_url, Output, Site};

/// Adds `feeds/documents.atom` and `feeds/calendar.ics`.
pub fn write(site: &Site, out: &Output) -> anyhow::Result<()> {
    out.put("feeds/documents.atom", atom(site).into_bytes())?;
    out.put("feeds/calendar.ics", ics(site).into_bytes())
}

fn day(date: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()
}

fn atom(site: &Site) -> String {
    let config = &site.repo.config;
    let mut entries: Vec<(String, Entry)> = Vec::new();
    for d in &config.site.issued {
        for r in site
            .records()
            .filter(|r| r.type_name.as_deref() == Some(d.type_name.as_str()))
        {
            let Some(date) = r.str_field(&d.date).and_then(day) else {
                continue;
            };
            let when: FixedDateTime = Utc
                .from_utc_datetime(&date.and_hms_opt(0, 0, 0).unwrap_or_default())
                .fixed_offset();
            let url = record_url(&d.type_name, &r.id);
            let mut title = r.title().unwrap_or(&r.id).to_string();
            if let Some(n) = r.str_field("number") {
                title = format!("{n} {title}");
            }
            let entry = Entry {
                id: format!("urn:clerk:{}", r.id),
                title: Text::plain(title),
                updated: when,
                published: Some(when),
                links: vec![Link {
                    href: format!("../{url}"),
                    ..Default::default()
                }],
                ..Default::default()
            };
            entries.push((date.to_string(), entry));
        }
    }
    entries.sort_by(|a, b| b.0.cmp(&a.0));
    let updated = entries
        .first()
        .map(|(_, e)| e.updated)
        .unwrap_or_else(|| Utc.timestamp_opt(0, 0).unwrap().fixed_offset());
    let feed = Feed {
        id: format!("urn:clerk:{}:documents", config.association.name),
        title: Text::plain(format!("{} — documents", config.association.name)),
        updated,
        links: vec![Link {
            href: "../index.html".into(),
            ..Default::default()
        }],
        entries: entries.into_iter().map(|(_, e)| e).collect(),
        ..Default::default()
    };
    feed.to_string()
}

fn ics(site: &Site) -> String {
    let config = &site.repo.config;
    let mut calendar = Calendar::new();
    calendar.name(&config.association.name);
    for d in &config.site.calendar {
        for r in site
            .records()
            .filter(|r| r.type_name.as_deref() == Some(d.type_name.as_str()))
        {
            if r.str_field("status")
                .is_some_and(|s| d.except.iter().any(|e| e == s))
            {
                continue;
            }
            let Some(start) = r.str_field(&d.date).and_then(day) else {
                continue;
            };
            let end = d
                .end
                .as_ref()
                .and_then(|f| r.str_field(f))
                .and_then(day)
                .unwrap_or(start);
            let mut event = Event::new();
            event
                .uid(&format!("{}@clerk", r.id))
                .summary(r.title().unwrap_or(&r.id))
                .all_day(start)
                .ends(end.succ_opt().unwrap_or(end))
                .timestamp(Utc.from_utc_datetime(&start.and_hms_opt(0, 0, 0).unwrap_or_default()))
                .url(&record_url(&d.type_name, &r.id));
            if let Some(location) = d.location.as_ref().and_then(|f| r.str_field(f)) {
                event.location(location);
            }
            calendar.push(event.done());
        }
    }
    calendar.done().to_string()
}

/// The deadlines as an iCalendar feed: one all-day event per item due.
pub fn due_ics(
    repo: &crate::model::repo::Repository,
    items: &[crate::derive::due::Item],
) -> String {
    let mut calendar = Calendar::new();
    calendar.name(&format!("{} — due", repo.config.association.name));
    for (n, item) in items.iter().enumerate() {
        let Some(date) = day(&item.date) else {
            continue;
        };
        let type_name = repo
            .record(&item.record)
            .and_then(|r| r.type_name.clone())
            .unwrap_or_default();
        let mut event = Event::new();
        event
            .uid(&format!("{}-{n}-due@clerk", item.record))
            .summary(&format!("{}：{}", item.kind, item.what))
            .all_day(date)
            .timestamp(Utc.from_utc_datetime(&date.and_hms_opt(0, 0, 0).unwrap_or_default()))
            .url(&record_url(&type_name, &item.record));
        calendar.push(event.done());
    }
    calendar.done().to_string()
}
