//! Feeds a reader subscribes to: Atom for issued documents with absolute links (from
//! `site.base_url`), each entry's author (its drafter where people are shown), summaries and
//! titles in the site's language; iCalendar with meetings at their local time in the
//! association's time zone (by name, with the zone's VTIMEZONE and daylight saving date by date;
//! in UTC for a bare offset) and an end, DTSTAMP the build's time and an end for every deadline,
//! read back by a real parser. And the search index, which holds no key material.

use crate::common;

use std::path::{Path, PathBuf};

use common::Repo;

const BASE: &str = "https://archive.qinglan.example.org/";

/// Builds `repo` for `audience`; returns the site's folder and what clerk said.
fn build(repo: &Repo, audience: &str) -> (PathBuf, common::Outcome) {
    let out = repo.path().join(format!("site-{audience}"));
    let said = common::clerk(&["build", ".", "--no-pdf", "-o"])
        .arg(&out)
        .args(["--audience", audience, "--today", common::TODAY])
        .dir(repo.path())
        .run()
        .success();
    (out, said)
}

fn read(site: &Path, file: &str) -> String {
    std::fs::read_to_string(site.join(file)).unwrap()
}

/// The values of `<tag …>` attributes `attr` in `xml`.
fn attrs<'a>(xml: &'a str, tag: &str, attr: &str) -> Vec<&'a str> {
    xml.split(&format!("<{tag} "))
        .skip(1)
        .filter_map(|rest| rest.split(&format!("{attr}=\"")).nth(1))
        .filter_map(|v| v.split('"').next())
        .collect()
}

/// The example's `clerk.yaml` says where its site lives and its time zone.
#[test]
fn the_example_says_where_its_site_lives_and_its_time_zone() {
    let config =
        std::fs::read_to_string(common::crate_dir().join("records-example/clerk.yaml")).unwrap();
    assert!(config.contains(&format!("base_url: {BASE}")), "{config}");
    assert!(config.contains("timezone: Asia/Taipei"), "{config}");
}

#[test]
fn atom_links_are_absolute_with_an_author_summaries_and_labels() {
    let repo = Repo::example();
    let (site, said) = build(&repo, "public");
    assert!(!said.stderr.contains("W125"), "{}", said.stderr);
    let atom = read(&site, "feeds/documents.atom");
    let links = attrs(&atom, "link", "href");
    assert_eq!(
        links.len(),
        2 + 3,
        "the feed's own two and one per document: {atom}"
    );
    assert!(links.iter().all(|l| l.starts_with(BASE)), "{links:?}");
    assert!(
        links.contains(&"https://archive.qinglan.example.org/document/2026-doc-003.html"),
        "{links:?}"
    );
    assert!(
        links.contains(&"https://archive.qinglan.example.org/feeds/documents.atom"),
        "the feed's self link: {links:?}"
    );
    assert!(
        atom.contains("<author><name>青嵐文化交流協會</name></author>"),
        "{atom}"
    );
    // Titled by the types' labels in the site's language, not `documents`.
    assert!(
        atom.contains("<title>青嵐文化交流協會 — 發文</title>"),
        "{atom}"
    );
    assert!(!atom.contains("— documents"), "{atom}");
    // Each entry summarises its body in words: no field, no markup.
    assert_eq!(atom.matches("<summary").count(), 3, "{atom}");
    assert!(
        atom.contains("「青嵐文化節2026」將於"),
        "the summary of 2026-doc-003: {atom}"
    );
}

#[test]
fn without_a_base_url_the_build_says_so_once_and_links_stay_relative() {
    let repo = Repo::example();
    repo.edit("clerk.yaml", "  base_url: https", "  # base_url: https");
    let (site, said) = build(&repo, "internal");
    assert_eq!(said.stderr.matches("W125").count(), 1, "{}", said.stderr);
    assert!(said.stderr.contains("site.base_url"), "{}", said.stderr);
    assert!(
        said.stderr.contains("clerk.yaml:"),
        "at the file: {}",
        said.stderr
    );
    let atom = read(&site, "feeds/documents.atom");
    assert!(
        attrs(&atom, "link", "href")
            .iter()
            .all(|l| l.starts_with("../")),
        "{atom}"
    );
}

#[test]
fn without_a_time_zone_timed_events_last_whole_days_and_the_build_says_so() {
    let repo = Repo::example();
    repo.edit("clerk.yaml", "  timezone: Asia/Taipei", "  # timezone");
    let (site, said) = build(&repo, "internal");
    assert_eq!(said.stderr.matches("W126").count(), 1, "{}", said.stderr);
    assert!(
        said.stderr.contains("association.timezone"),
        "{}",
        said.stderr
    );
    assert!(
        said.stderr.contains("clerk.yaml:3:1"),
        "at `association:`: {}",
        said.stderr
    );
    assert!(!said.stderr.contains("W125"), "{}", said.stderr);
    let ics = read(&site, "feeds/calendar.ics");
    let first = event(&ics, "2026-council-01@clerk");
    assert_eq!(
        field(&first, "DTSTART"),
        ["DTSTART;VALUE=DATE:20260115"],
        "{first:?}"
    );
}

/// The VEVENT whose UID is `uid`, unfolded, as its lines.
fn event(ics: &str, uid: &str) -> Vec<String> {
    let unfolded = ics.replace("\r\n ", "").replace("\r\n", "\n");
    unfolded
        .split("BEGIN:VEVENT")
        .find(|e| e.contains(&format!("UID:{uid}\n")))
        .unwrap_or_else(|| panic!("no event {uid}: {ics}"))
        .lines()
        .map(str::to_string)
        .collect()
}

fn field<'a>(lines: &'a [String], name: &str) -> Vec<&'a str> {
    lines
        .iter()
        .filter(|l| l.starts_with(&format!("{name}:")) || l.starts_with(&format!("{name};")))
        .map(String::as_str)
        .collect()
}

/// The lines inside each VTIMEZONE of `ics`, unfolded.
fn timezones(ics: &str) -> Vec<Vec<String>> {
    let unfolded = ics.replace("\r\n ", "").replace("\r\n", "\n");
    unfolded
        .split("BEGIN:VTIMEZONE\n")
        .skip(1)
        .map(|z| {
            let body = z.split("END:VTIMEZONE").next().unwrap_or_default();
            body.lines().map(str::to_string).collect()
        })
        .collect()
}

/// `DTSTAMP:20261126T093012Z` as seconds since 1970, by the date's own arithmetic.
fn stamp_seconds(line: &str) -> i64 {
    let v = line.rsplit(':').next().unwrap();
    assert_eq!(v.len(), 16, "a UTC date-time: {line}");
    let n = |r: std::ops::Range<usize>| v[r].parse::<i64>().unwrap();
    let date =
        chrono::NaiveDate::from_ymd_opt(n(0..4) as i32, n(4..6) as u32, n(6..8) as u32).unwrap();
    date.and_hms_opt(n(9..11) as u32, n(11..13) as u32, n(13..15) as u32)
        .unwrap()
        .and_utc()
        .timestamp()
}

#[test]
fn a_meeting_is_an_event_at_its_time_in_the_associations_zone() {
    let repo = Repo::example();
    let before = chrono::Utc::now().timestamp();
    let (site, _) = build(&repo, "internal");
    let after = chrono::Utc::now().timestamp();
    let ics = read(&site, "feeds/calendar.ics");
    // At 14:00 and 14:30 Taipei time, as the records say, in the zone they name. Without an
    // end time, a meeting lasts the default two hours.
    let first = event(&ics, "2026-council-01@clerk");
    assert_eq!(
        field(&first, "DTSTART"),
        ["DTSTART;TZID=Asia/Taipei:20260115T140000"],
        "{first:?}"
    );
    assert_eq!(
        field(&first, "DTEND"),
        ["DTEND;TZID=Asia/Taipei:20260115T160000"],
        "{first:?}"
    );
    let second = event(&ics, "2026-council-02@clerk");
    assert_eq!(
        field(&second, "DTSTART"),
        ["DTSTART;TZID=Asia/Taipei:20260710T143000"],
        "{second:?}"
    );
    assert_eq!(
        field(&second, "DTEND"),
        ["DTEND;TZID=Asia/Taipei:20260710T163000"],
        "{second:?}"
    );
    // The zone they name is in the calendar, once: Taipei keeps +08:00 all year, so one
    // STANDARD from the first year of the events (the example's meetings start in 2024).
    assert_eq!(
        timezones(&ics),
        [vec![
            "TZID:Asia/Taipei",
            "BEGIN:STANDARD",
            "DTSTART:20240101T000000",
            "TZOFFSETFROM:+0800",
            "TZOFFSETTO:+0800",
            "TZNAME:CST",
            "END:STANDARD",
        ]],
        "{ics}"
    );
    // DTSTAMP is when the feed was built, not the event's date.
    for e in [&first, &second] {
        let stamp = field(e, "DTSTAMP");
        assert_eq!(stamp.len(), 1, "{e:?}");
        let at = stamp_seconds(stamp[0]);
        assert!(
            (before - 1..=after + 1).contains(&at),
            "{stamp:?} not in {before}..{after}"
        );
    }
    // An activity without a time spans its days: DTEND the day after its last.
    let workshop = event(&ics, "2026-calligraphy-workshop@clerk");
    assert_eq!(
        field(&workshop, "DTSTART"),
        ["DTSTART;VALUE=DATE:20261107"],
        "{workshop:?}"
    );
    assert_eq!(field(&workshop, "DTEND").len(), 1, "{workshop:?}");
}

/// A summer meeting of the secretariat, from 10:00 to 11:15.
const SUMMER_MEETING: &str = "---
type: meeting
title: 七月秘書處會議
kind: secretariat
date: 2026-07-20
time: \"10:00\"
end_time: \"11:15\"
location: 協會會議室
chair: lin-wenhui
status: planned
---
";

/// The example in London's time zone, its calendar's meetings ending at the record's
/// `end_time`, else lasting its `duration` in minutes, else 90 minutes; with a summer meeting
/// that gives its end time, and the December council meeting lasting 45 minutes.
fn london_with_ends() -> Repo {
    let repo = Repo::example();
    repo.edit(
        "clerk.yaml",
        "timezone: Asia/Taipei",
        "timezone: Europe/London",
    );
    repo.edit(
        "clerk.yaml",
        "time: time, location: location,",
        "time: time, end_time: end_time, duration: minutes, default_duration: 90, location: location,",
    );
    repo.edit(
        "types/meeting.yaml",
        "    location: {title: 地點",
        "    end_time: {title: 結束時間, type: string}\n    minutes: {title: 時長, type: integer}\n    location: {title: 地點",
    );
    repo.write("meetings/2026-sec-summer.md", SUMMER_MEETING);
    repo.edit(
        "meetings/2026-council-03.md",
        "time: \"14:00\"",
        "time: \"14:00\"\nminutes: 45",
    );
    repo
}

#[test]
fn a_named_zone_gives_each_event_its_own_dates_daylight_saving() {
    let repo = london_with_ends();
    let (site, said) = build(&repo, "internal");
    assert!(!said.stderr.contains("W126"), "{}", said.stderr);
    let ics = read(&site, "feeds/calendar.ics");
    // Each at its London time, winter (GMT) and summer (BST) alike; the calendar's VTIMEZONE
    // says which offset each date has.
    let winter = event(&ics, "2026-council-01@clerk");
    assert_eq!(
        field(&winter, "DTSTART"),
        ["DTSTART;TZID=Europe/London:20260115T140000"],
        "{winter:?}"
    );
    let council = event(&ics, "2026-council-02@clerk");
    assert_eq!(
        field(&council, "DTSTART"),
        ["DTSTART;TZID=Europe/London:20260710T143000"],
        "{council:?}"
    );
    let summer = event(&ics, "2026-sec-summer@clerk");
    assert_eq!(
        field(&summer, "DTSTART"),
        ["DTSTART;TZID=Europe/London:20260720T100000"],
        "{summer:?}"
    );
    assert_eq!(
        field(&summer, "DTEND"),
        ["DTEND;TZID=Europe/London:20260720T111500"],
        "{summer:?}"
    );
    let december = event(&ics, "2026-council-03@clerk");
    assert_eq!(
        field(&december, "DTSTART"),
        ["DTSTART;TZID=Europe/London:20261218T140000"],
        "{december:?}"
    );
    // One VTIMEZONE: GMT from the first year's start, BST from 01:00 GMT on 29 March, GMT
    // again from 02:00 BST on 25 October, in each year of the events (2024 to 2026).
    let zones = timezones(&ics);
    assert_eq!(zones.len(), 1, "{ics}");
    let zone = zones[0].join("\n");
    assert!(zone.starts_with("TZID:Europe/London\nBEGIN:STANDARD\nDTSTART:20240101T000000\nTZOFFSETFROM:+0000\nTZOFFSETTO:+0000\nTZNAME:GMT\nEND:STANDARD\n"), "{zone}");
    assert!(zone.contains("BEGIN:DAYLIGHT\nDTSTART:20260329T010000\nTZOFFSETFROM:+0000\nTZOFFSETTO:+0100\nTZNAME:BST\nEND:DAYLIGHT"), "{zone}");
    assert!(zone.contains("BEGIN:STANDARD\nDTSTART:20261025T020000\nTZOFFSETFROM:+0100\nTZOFFSETTO:+0000\nTZNAME:GMT\nEND:STANDARD"), "{zone}");
    assert_eq!(
        zone.matches("BEGIN:DAYLIGHT").count(),
        3,
        "2024, 2025, 2026: {zone}"
    );
    assert!(!zone.contains("DTSTART:2027"), "{zone}");
}

/// A meeting at 00:30 London time on 25 October 2026, the night the clocks go back.
const CLOCKS_BACK_MEETING: &str = "---
type: meeting
title: 十月夜間會議
kind: secretariat
date: 2026-10-25
time: \"00:30\"
location: 協會會議室
chair: lin-wenhui
status: planned
---
";

#[test]
fn an_end_in_the_hour_the_clocks_repeat_is_written_in_utc() {
    let repo = london_with_ends();
    repo.write("meetings/2026-sec-night.md", CLOCKS_BACK_MEETING);
    let (site, _) = build(&repo, "internal");
    let ics = read(&site, "feeds/calendar.ics");
    let night = event(&ics, "2026-sec-night@clerk");
    // 00:30 BST is 23:30 UTC; 90 minutes later is 01:00 GMT, an hour London's clocks show
    // twice. Its local time would be read as the first (01:00 BST, half an hour earlier), so
    // the end is written as the instant it is.
    assert_eq!(
        field(&night, "DTSTART"),
        ["DTSTART;TZID=Europe/London:20261025T003000"],
        "{night:?}"
    );
    assert_eq!(
        field(&night, "DTEND"),
        ["DTEND:20261025T010000Z"],
        "{night:?}"
    );
}

#[test]
fn a_fixed_offset_keeps_the_calendar_in_utc_without_a_vtimezone() {
    let repo = Repo::example();
    repo.edit(
        "clerk.yaml",
        "timezone: Asia/Taipei",
        "timezone: \"+08:00\"",
    );
    let (site, _) = build(&repo, "internal");
    let ics = read(&site, "feeds/calendar.ics");
    let first = event(&ics, "2026-council-01@clerk");
    assert_eq!(
        field(&first, "DTSTART"),
        ["DTSTART:20260115T060000Z"],
        "{first:?}"
    );
    assert_eq!(
        field(&first, "DTEND"),
        ["DTEND:20260115T080000Z"],
        "{first:?}"
    );
    assert!(timezones(&ics).is_empty(), "{ics}");
    assert!(!ics.contains("TZID"), "{ics}");
}

/// Reads a calendar with Python's `icalendar` (refusing any line it could not parse), and the
/// offsets of each local time by the calendar's own VTIMEZONE (read by dateutil) against the tz
/// database's (zoneinfo), which must agree. Prints `UID KEY ISO-TIME`, the local time with the
/// offset the VTIMEZONE gives, or the UTC time of an instant.
const READ_ICS: &str = "import sys, zoneinfo, icalendar
c = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
bad = [(x.name, x.errors) for x in c.walk() if x.errors]
assert not bad, bad
zones = {str(z['TZID']): z.to_tz(lookup_tzid=False) for z in c.walk('VTIMEZONE')}
for e in c.walk('VEVENT'):
    for key in ('DTSTART', 'DTEND'):
        p = e[key]
        tzid = p.params.get('TZID')
        if tzid is None:
            print(e['UID'], key, p.dt.isoformat())
            continue
        local = p.dt.replace(tzinfo=None)
        mine = local.replace(tzinfo=zones[tzid])
        real = local.replace(tzinfo=zoneinfo.ZoneInfo(tzid))
        assert mine.utcoffset() == real.utcoffset(), (e['UID'], key, mine, real)
        print(e['UID'], key, mine.isoformat())
";

/// Reads a calendar with `vobject`, validating every component (a VTIMEZONE's STANDARD without
/// its offsets, say, is refused) and reading each zone's offsets from its VTIMEZONE. Prints
/// what `READ_ICS` prints.
const VALIDATE_ICS: &str = "import sys, vobject
c = vobject.readOne(open(sys.argv[1], encoding='utf-8').read(), validate=True)
c.validate(raiseException=True)
for e in c.vevent_list:
    for key in ('dtstart', 'dtend'):
        v = getattr(e, key).value
        print(e.uid.value, key.upper(), v.isoformat())
";

/// What `READ_ICS` says of the calendar of `repo`'s internal site, by `UID KEY`; and that
/// `VALIDATE_ICS` says the same, where vobject is installed.
fn read_back(repo: &Repo) -> std::collections::BTreeMap<String, String> {
    let (site, _) = build(repo, "internal");
    let ics = site.join("feeds/calendar.ics");
    let said = common::python(READ_ICS, &[&ics]);
    if common::python_has("vobject") {
        let validated = common::python(VALIDATE_ICS, &[&ics]);
        let sorted = |t: &str| {
            let mut lines: Vec<String> = t.lines().map(str::to_string).collect();
            lines.sort();
            lines
        };
        assert_eq!(sorted(&validated), sorted(&said));
    }
    said.lines()
        .filter_map(|l| l.rsplit_once(' '))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

#[test]
fn a_real_parser_reads_each_event_at_the_records_time_in_its_zone() {
    if !common::python_has("icalendar, zoneinfo") {
        return;
    }
    let expect = |read: std::collections::BTreeMap<String, String>, want: &[(&str, &str)]| {
        for (key, when) in want {
            let got = read
                .get(*key)
                .unwrap_or_else(|| panic!("no {key}: {read:?}"));
            assert_eq!(got.as_str(), *when, "{key}");
        }
    };
    // In Taipei; an activity without a time stays a day.
    expect(
        read_back(&Repo::example()),
        &[
            ("2026-council-01@clerk DTSTART", "2026-01-15T14:00:00+08:00"),
            ("2026-council-02@clerk DTEND", "2026-07-10T16:30:00+08:00"),
            ("2026-council-03@clerk DTSTART", "2026-12-18T14:00:00+08:00"),
            ("2026-calligraphy-workshop@clerk DTSTART", "2026-11-07"),
        ],
    );
    // Across London's changes: winter GMT, summer BST, the night the clocks go back.
    let repo = london_with_ends();
    repo.write("meetings/2026-sec-night.md", CLOCKS_BACK_MEETING);
    expect(
        read_back(&repo),
        &[
            ("2026-council-01@clerk DTSTART", "2026-01-15T14:00:00+00:00"),
            ("2026-council-02@clerk DTSTART", "2026-07-10T14:30:00+01:00"),
            ("2026-sec-summer@clerk DTEND", "2026-07-20T11:15:00+01:00"),
            ("2026-sec-night@clerk DTSTART", "2026-10-25T00:30:00+01:00"),
            ("2026-sec-night@clerk DTEND", "2026-10-25T01:00:00+00:00"),
            ("2026-council-03@clerk DTSTART", "2026-12-18T14:00:00+00:00"),
        ],
    );
}

#[test]
fn a_timed_event_ends_at_its_end_time_else_after_its_duration_else_the_default() {
    let repo = london_with_ends();
    let (site, _) = build(&repo, "internal");
    let ics = read(&site, "feeds/calendar.ics");
    let ends = |uid: &str| {
        let e = event(&ics, uid);
        (field(&e, "DTSTART").concat(), field(&e, "DTEND").concat())
    };
    // No end time, no duration: the configured 90 minutes.
    assert_eq!(
        ends("2026-council-01@clerk"),
        (
            "DTSTART;TZID=Europe/London:20260115T140000".into(),
            "DTEND;TZID=Europe/London:20260115T153000".into()
        )
    );
    // Its own end time.
    assert_eq!(
        ends("2026-sec-summer@clerk").1,
        "DTEND;TZID=Europe/London:20260720T111500"
    );
    // Its own duration, 45 minutes.
    assert_eq!(
        ends("2026-council-03@clerk").1,
        "DTEND;TZID=Europe/London:20261218T144500"
    );
    // An end time before the start is no end: the meeting keeps the default length.
    repo.edit(
        "meetings/2026-sec-summer.md",
        "end_time: \"11:15\"",
        "end_time: \"09:00\"",
    );
    let (site, _) = build(&repo, "internal");
    let ics = read(&site, "feeds/calendar.ics");
    let summer = event(&ics, "2026-sec-summer@clerk");
    assert_eq!(
        field(&summer, "DTEND"),
        ["DTEND;TZID=Europe/London:20260720T113000"],
        "{summer:?}"
    );
}

#[test]
fn an_unknown_time_zone_is_refused_at_its_line_with_the_name_meant() {
    let repo = Repo::example();
    repo.edit(
        "clerk.yaml",
        "timezone: Asia/Taipei",
        "timezone: Asia/Taipie",
    );
    let said = common::clerk(&["check", "."]).dir(repo.path()).run();
    assert_eq!(said.status, 2, "{}", said.stderr);
    let told = format!("{}{}", said.stdout, said.stderr);
    assert!(told.contains("error[E100]"), "{told}");
    assert!(told.contains("--> clerk.yaml:7:13"), "{told}");
    assert!(told.contains("did you mean `Asia/Taipei`?"), "{told}");
}

/// The `<author><name>` of the Atom entry whose id is `urn:clerk:ID`.
fn entry_author(atom: &str, id: &str) -> String {
    let entry = atom
        .split("<entry>")
        .find(|e| e.contains(&format!("<id>urn:clerk:{id}</id>")))
        .unwrap_or_else(|| panic!("no entry {id}: {atom}"));
    let names: Vec<&str> = entry
        .split("<author><name>")
        .skip(1)
        .filter_map(|a| a.split("</name>").next())
        .collect();
    assert_eq!(names.len(), 1, "one author: {entry}");
    names[0].to_string()
}

#[test]
fn an_entrys_author_is_its_drafter_where_people_are_shown_else_the_association() {
    let repo = Repo::example();
    let (site, _) = build(&repo, "internal");
    let atom = read(&site, "feeds/documents.atom");
    assert_eq!(entry_author(&atom, "2026-doc-001"), "王芳");
    assert_eq!(entry_author(&atom, "2026-doc-003"), "張雅婷");
    // The public build shows no person's record: every entry is the association's.
    let (site, _) = build(&repo, "public");
    let atom = read(&site, "feeds/documents.atom");
    for id in ["2026-doc-001", "2026-doc-002", "2026-doc-003"] {
        assert_eq!(entry_author(&atom, id), "青嵐文化交流協會", "{id}");
    }
    // Without `author:` in the feed's entry, the association too.
    repo.edit("clerk.yaml", ", author: drafted_by}", "}");
    let (site, _) = build(&repo, "internal");
    let atom = read(&site, "feeds/documents.atom");
    assert_eq!(entry_author(&atom, "2026-doc-001"), "青嵐文化交流協會");
}

#[test]
fn every_deadline_has_an_end_and_the_builds_stamp() {
    let repo = Repo::example();
    let before = chrono::Utc::now().timestamp();
    let (site, _) = build(&repo, "internal");
    let after = chrono::Utc::now().timestamp();
    let ics = read(&site, "feeds/due.ics");
    let unfolded = ics.replace("\r\n ", "").replace("\r\n", "\n");
    let events: Vec<Vec<String>> = unfolded
        .split("BEGIN:VEVENT")
        .skip(1)
        .map(|e| e.lines().map(str::to_string).collect())
        .collect();
    assert!(events.len() >= 3, "{ics}");
    for e in &events {
        let start = field(e, "DTSTART");
        let end = field(e, "DTEND");
        assert_eq!((start.len(), end.len()), (1, 1), "{e:?}");
        let day = |l: &str| {
            chrono::NaiveDate::parse_from_str(l.rsplit(':').next().unwrap(), "%Y%m%d").unwrap()
        };
        assert!(start[0].starts_with("DTSTART;VALUE=DATE:"), "{e:?}");
        assert_eq!(day(end[0]), day(start[0]).succ_opt().unwrap(), "{e:?}");
        let at = stamp_seconds(field(e, "DTSTAMP")[0]);
        assert!((before - 1..=after + 1).contains(&at), "{e:?}");
    }
}

/// The text of every file of a site, the search index's compressed fragments opened.
fn site_texts(site: &Path) -> Vec<(PathBuf, String)> {
    use std::io::Read;
    walkdir::WalkDir::new(site)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let bytes = std::fs::read(e.path()).unwrap();
            let mut text = String::from_utf8_lossy(&bytes).into_owned();
            if bytes.starts_with(&[0x1f, 0x8b]) {
                let mut inflated = Vec::new();
                if flate2::read::GzDecoder::new(&bytes[..])
                    .read_to_end(&mut inflated)
                    .is_ok()
                {
                    text = String::from_utf8_lossy(&inflated).into_owned();
                }
            }
            (e.into_path(), text)
        })
        .collect()
}

#[test]
fn no_page_feed_or_search_entry_holds_key_material() {
    let repo = Repo::example();
    let (site, _) = build(&repo, "confidential");
    let texts = site_texts(&site);
    if cfg!(feature = "search") {
        assert!(
            texts
                .iter()
                .any(|(p, _)| p.to_string_lossy().ends_with(".pf_fragment")),
            "the index's fragments are read too"
        );
        // The person pages are in the index, so the check below covers their entries.
        let rows: String = texts
            .iter()
            .filter(|(p, _)| {
                let name = p.file_name().unwrap().to_string_lossy();
                name.starts_with("offline-")
            })
            .map(|(_, t)| t.as_str())
            .collect();
        assert!(rows.contains("\"person/wang-fang.html\""), "{rows}");
    }
    for (path, text) in &texts {
        for key in ["ssh-ed25519 AAAA", "AAAAC3NzaC1lZDI1NTE5"] {
            assert!(!text.contains(key), "{key} in {}", path.display());
        }
    }
}
