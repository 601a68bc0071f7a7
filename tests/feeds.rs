//! Feeds a reader subscribes to: Atom for issued documents with absolute links (from
//! `site.base_url`), each entry's author (its drafter where people are shown), summaries and
//! titles in the site's language; iCalendar with meetings at their time in the association's
//! time zone (by name, with daylight saving date by date) and an end, DTSTAMP the build's time
//! and an end for every deadline. And the search index, which holds no key material.

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
    // 14:00 in Taipei (+08:00) is 06:00 UTC; 14:30 is 06:30. Without an end time, a meeting
    // lasts the default two hours.
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
    let second = event(&ics, "2026-council-02@clerk");
    assert_eq!(
        field(&second, "DTSTART"),
        ["DTSTART:20260710T063000Z"],
        "{second:?}"
    );
    assert_eq!(
        field(&second, "DTEND"),
        ["DTEND:20260710T083000Z"],
        "{second:?}"
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
    // 15 January is winter in London (GMT, +00:00): 14:00 there is 14:00 UTC.
    let winter = event(&ics, "2026-council-01@clerk");
    assert_eq!(
        field(&winter, "DTSTART"),
        ["DTSTART:20260115T140000Z"],
        "{winter:?}"
    );
    // 10 and 20 July are summer (BST, +01:00): 14:30 there is 13:30 UTC; 11:15 is 10:15.
    let council = event(&ics, "2026-council-02@clerk");
    assert_eq!(
        field(&council, "DTSTART"),
        ["DTSTART:20260710T133000Z"],
        "{council:?}"
    );
    let summer = event(&ics, "2026-sec-summer@clerk");
    assert_eq!(
        field(&summer, "DTSTART"),
        ["DTSTART:20260720T090000Z"],
        "{summer:?}"
    );
    assert_eq!(
        field(&summer, "DTEND"),
        ["DTEND:20260720T101500Z"],
        "{summer:?}"
    );
    // 18 December is winter again.
    let december = event(&ics, "2026-council-03@clerk");
    assert_eq!(
        field(&december, "DTSTART"),
        ["DTSTART:20261218T140000Z"],
        "{december:?}"
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
            "DTSTART:20260115T140000Z".into(),
            "DTEND:20260115T153000Z".into()
        )
    );
    // Its own end time.
    assert_eq!(ends("2026-sec-summer@clerk").1, "DTEND:20260720T101500Z");
    // Its own duration, 45 minutes.
    assert_eq!(ends("2026-council-03@clerk").1, "DTEND:20261218T144500Z");
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
        ["DTEND:20260720T103000Z"],
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
