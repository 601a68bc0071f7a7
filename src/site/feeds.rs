//! Feeds: Atom for issued documents and notices, iCalendar for meetings and activities.
//!
//! Feed readers fetch a feed on its own, so its links are absolute, under `site.base_url`;
//! without one they stay relative to the feed and the build says so once (W125). Calendars
//! receive a record's local time in the association's zone (`association.timezone`): by its
//! name with the zone's VTIMEZONE, or in UTC when the zone is a bare offset; and every event is
//! stamped with the time of the build (DTSTAMP), as RFC 5545 asks.

mod vtimezone;

use atom_syndication::{Entry, Feed, FixedDateTime, Link, Person, Text};
use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, TimeDelta, TimeZone, Utc};
use icalendar::{Calendar, CalendarDateTime, Component, Event, EventLike};

use super::{record_url, Output, Site};
use crate::diag::{codes, Diagnostic, Pos};
use crate::model::config::{Dated, Zone, FILE};
use crate::model::record::Record;

/// Adds `feeds/documents.atom` and `feeds/calendar.ics`; returns what they lack from
/// `clerk.yaml` (W125, W126), each once, with where it belongs there (a JSON pointer).
pub fn write(site: &Site, out: &Output) -> anyhow::Result<Vec<(Diagnostic, &'static str)>> {
    let now = Utc::now();
    out.put("feeds/documents.atom", atom(site, now).into_bytes())?;
    out.put("feeds/calendar.ics", ics(site, now).into_bytes())?;
    let config = &site.repo.config;
    let warning = |code, id: &str, pointer| {
        let d = Diagnostic::new(code, FILE, Pos::FILE, crate::i18n::t(id, &[]))
            .hint(crate::i18n::t(&format!("{id}-hint"), &[]));
        (d, pointer)
    };
    let mut warnings = Vec::new();
    let feeds = !config.site.issued.is_empty() || !config.site.calendar.is_empty();
    if feeds && config.site.base_url.is_none() {
        warnings.push(warning(
            codes::FEED_BASE_URL_MISSING,
            "feed-base-url-missing",
            "/site",
        ));
    }
    let timed = config.site.calendar.iter().any(|d| d.time.is_some());
    if timed && config.association.timezone.is_none() {
        warnings.push(warning(
            codes::FEED_TIMEZONE_MISSING,
            "feed-timezone-missing",
            "/association",
        ));
    }
    Ok(warnings)
}

fn day(date: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()
}

/// `path` in the site as a feed links to it: under `site.base_url`, or relative to `feeds/`.
fn href(site: &Site, path: &str) -> String {
    match &site.repo.config.site.base_url {
        Some(base) => format!("{}/{path}", base.trim_end_matches('/')),
        None => format!("../{path}"),
    }
}

/// The body of a record on one line, cut to about 200 characters: an entry's summary.
fn summary(site: &Site, r: &crate::model::record::Record) -> Option<String> {
    let body = super::pages::record::body_line(r.body(site.repo.text_of(r)));
    let mut chars = body.chars();
    let cut: String = chars.by_ref().take(200).collect();
    match (cut.is_empty(), chars.next().is_some()) {
        (true, _) => None,
        (false, true) => Some(format!("{cut}…")),
        (false, false) => Some(cut),
    }
}

/// The labels of the feed's types in the site's language, joined (發文、通知).
fn type_labels<'a>(site: &Site, types: impl Iterator<Item = &'a str>) -> String {
    let locale = site.repo.config.association.locale.tag();
    let labels: Vec<&str> = types
        .map(|t| site.repo.types.get(t).map_or(t, |d| d.label(locale)))
        .collect();
    labels.join("、")
}

fn atom(site: &Site, now: DateTime<Utc>) -> String {
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
            let mut title = r.title().unwrap_or(&r.id).to_string();
            if let Some(n) = site.repo.type_of(r).and_then(|t| t.number_of(r)) {
                title = format!("{n} {title}");
            }
            let entry = Entry {
                id: format!("urn:clerk:{}", r.id),
                authors: vec![author(site, d, r)],
                title: Text::plain(title),
                updated: when,
                published: Some(when),
                summary: summary(site, r).map(Text::plain),
                links: vec![Link {
                    href: href(site, &record_url(&d.type_name, &r.id)),
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
        .unwrap_or_else(|| now.fixed_offset());
    let name = &config.association.name;
    let kinds = type_labels(
        site,
        config.site.issued.iter().map(|d| d.type_name.as_str()),
    );
    let feed = Feed {
        id: format!("urn:clerk:{name}:documents"),
        title: Text::plain(format!("{name} — {kinds}")),
        updated,
        authors: vec![Person {
            name: name.clone(),
            ..Default::default()
        }],
        links: vec![
            Link {
                href: href(site, "index.html"),
                ..Default::default()
            },
            Link {
                href: href(site, "feeds/documents.atom"),
                rel: "self".into(),
                ..Default::default()
            },
        ],
        entries: entries.into_iter().map(|(_, e)| e).collect(),
        ..Default::default()
    };
    feed.to_string()
}

/// The `HH:MM` time in the field `name` of `r`, if the feed names the field and `r` has it.
fn time_of(r: &Record, name: Option<&String>) -> Option<NaiveTime> {
    NaiveTime::parse_from_str(r.str_field(name?)?, "%H:%M").ok()
}

/// Who wrote an entry: the person the feed's `author` field names, by name, when the audience
/// may see that person's record; else the association.
fn author(site: &Site, d: &Dated, r: &Record) -> Person {
    let person = d
        .author
        .as_ref()
        .and_then(|f| r.str_field(f))
        .filter(|id| site.shows(id))
        .and_then(|id| site.repo.record(id))
        .filter(|p| p.type_name.as_deref() == Some(site.repo.config.people_type.as_str()));
    let name = person.and_then(|p| site.repo.person_name(p));
    Person {
        name: name
            .unwrap_or(&site.repo.config.association.name)
            .to_string(),
        ..Default::default()
    }
}

/// When a dated record starts: at its time in the association's zone (with that date's
/// daylight saving), as UTC, when the feed names a time field and the record has one;
/// otherwise on its day.
fn start_time(site: &Site, d: &Dated, r: &Record, date: NaiveDate) -> Option<DateTime<Utc>> {
    let time = time_of(r, d.time.as_ref())?;
    site.repo
        .config
        .association
        .timezone?
        .to_utc(date.and_time(time))
}

/// When a timed event ends: at its end time (on its end date, else its day) when that is after
/// its start; else its start plus its duration in minutes, or the feed's default duration.
fn end_time(
    site: &Site,
    d: &Dated,
    r: &Record,
    date: NaiveDate,
    start: DateTime<Utc>,
) -> DateTime<Utc> {
    let last = d.end.as_ref().and_then(|f| r.str_field(f)).and_then(day);
    let at = time_of(r, d.end_time.as_ref()).and_then(|time| {
        let zone = site.repo.config.association.timezone?;
        zone.to_utc(last.unwrap_or(date).and_time(time))
    });
    if let Some(end) = at.filter(|end| *end > start) {
        return end;
    }
    let minutes = d
        .duration
        .as_ref()
        .and_then(|f| r.map().get(f))
        .and_then(|v| v.as_i64().or_else(|| v.as_str()?.trim().parse().ok()))
        .filter(|m| (1..=MAX_MINUTES).contains(m))
        .unwrap_or(i64::from(d.default_duration).min(MAX_MINUTES));
    start
        .checked_add_signed(TimeDelta::minutes(minutes))
        .unwrap_or(start)
}

/// The longest an event lasts, in minutes (a year): a longer duration is a slip of the keys.
const MAX_MINUTES: i64 = 366 * 24 * 60;

/// Where a calendar writes its timed events' local times: the association's zone when it is
/// named, and the years they fall in (for its VTIMEZONE).
struct Local {
    zone: Option<chrono_tz::Tz>,
    years: Option<(i32, i32)>,
}

impl Local {
    /// An instant as an event's start or end: its local time with the zone's TZID when that
    /// local time means this instant (not the second of an hour the clocks repeat); else UTC.
    fn at(&mut self, at: DateTime<Utc>) -> CalendarDateTime {
        let Some(tz) = self.zone else {
            return CalendarDateTime::Utc(at);
        };
        let local = at.with_timezone(&tz).naive_local();
        if Zone::Named(tz).to_utc(local) != Some(at) {
            return CalendarDateTime::Utc(at);
        }
        let y = local.year();
        self.years = Some(self.years.map_or((y, y), |(a, b)| (a.min(y), b.max(y))));
        CalendarDateTime::WithTimezone {
            date_time: local,
            tzid: tz.name().to_string(),
        }
    }

    /// The VTIMEZONE its events need: none when none is written in the zone.
    fn vtimezone(&self) -> String {
        match (self.zone, self.years) {
            (Some(tz), Some((first, last))) => vtimezone::vtimezone(tz, first, last),
            _ => String::new(),
        }
    }
}

fn ics(site: &Site, now: DateTime<Utc>) -> String {
    let config = &site.repo.config;
    let mut calendar = Calendar::new();
    let kinds = type_labels(
        site,
        config.site.calendar.iter().map(|d| d.type_name.as_str()),
    );
    calendar.name(&format!("{} — {kinds}", config.association.name));
    let mut local = Local {
        zone: match config.association.timezone {
            Some(Zone::Named(tz)) => Some(tz),
            _ => None,
        },
        years: None,
    };
    let mut events = String::new();
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
            let mut event = Event::new();
            event
                .uid(&format!("{}@clerk", r.id))
                .summary(r.title().unwrap_or(&r.id))
                .timestamp(now)
                .url(&href(site, &record_url(&d.type_name, &r.id)));
            match start_time(site, d, r, start) {
                Some(at) => {
                    let end = end_time(site, d, r, start, at);
                    event.starts(local.at(at)).ends(local.at(end))
                }
                None => {
                    let end = d
                        .end
                        .as_ref()
                        .and_then(|f| r.str_field(f))
                        .and_then(day)
                        .unwrap_or(start);
                    event.all_day(start).ends(end.succ_opt().unwrap_or(end))
                }
            };
            if let Some(location) = d.location.as_ref().and_then(|f| r.str_field(f)) {
                event.location(location);
            }
            events.push_str(&event.done().to_string());
        }
    }
    // The zone goes before the events that name it; the crate writes no VTIMEZONE itself.
    let head = calendar.done().to_string();
    let head = head.strip_suffix("END:VCALENDAR\r\n").unwrap_or(&head);
    format!("{head}{}{events}END:VCALENDAR\r\n", local.vtimezone())
}

/// The deadlines as an iCalendar feed, named `title` (the site's label): one all-day event per
/// item due, ending the next day.
pub fn due_ics(site: &Site, items: &[crate::derive::due::Item], title: Option<&String>) -> String {
    let repo = site.repo;
    let now = Utc::now();
    let mut calendar = Calendar::new();
    let title = title.map_or("due", String::as_str);
    calendar.name(&format!("{} — {title}", repo.config.association.name));
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
            .ends(date.succ_opt().unwrap_or(date))
            .timestamp(now)
            .url(&href(site, &record_url(&type_name, &item.record)));
        calendar.push(event.done());
    }
    calendar.done().to_string()
}
