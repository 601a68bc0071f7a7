//! A calendar's VTIMEZONE (RFC 5545 §3.6.5): what a named zone's clock read over the years a
//! feed's events span, from the tz database chrono-tz carries, so that an event can be written
//! at its own local time (`DTSTART;TZID=Asia/Taipei:20261203T140000`) and read the same in any
//! calendar program, whatever zone the reader's computer is in.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Offset, TimeDelta, TimeZone, Utc};
use chrono_tz::{OffsetComponents, OffsetName, Tz};

/// The zone's clock at an instant: its offset east of UTC in seconds, whether that is daylight
/// saving time, and its abbreviation (GMT, BST, CST).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Clock {
    offset: i32,
    daylight: bool,
    name: String,
}

fn clock(tz: Tz, at: DateTime<Utc>) -> Clock {
    let o = tz.offset_from_utc_datetime(&at.naive_utc());
    Clock {
        offset: o.fix().local_minus_utc(),
        daylight: !o.dst_offset().is_zero(),
        name: o.abbreviation().unwrap_or_default().to_string(),
    }
}

/// One observance: from `at` (local time, by the clock before it) the zone keeps `to`.
struct Onset {
    at: NaiveDateTime,
    from: i32,
    to: Clock,
}

/// The zone's `VTIMEZONE` component for local dates from 1 January of `first` to the end of
/// `last`: the clock in force at its start (a STANDARD or DAYLIGHT from that moment) and each
/// change after it, found day by day and then to the second.
pub fn vtimezone(tz: Tz, first: i32, last: i32) -> String {
    let local_new_year = |year: i32| {
        NaiveDate::from_ymd_opt(year, 1, 1)
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .and_then(|t| crate::model::config::Zone::Named(tz).to_utc(t))
    };
    let (Some(start), Some(end)) = (local_new_year(first), local_new_year(last + 1)) else {
        return String::new();
    };
    let opening = clock(tz, start);
    let mut onsets = vec![Onset {
        at: local(start, opening.offset),
        from: opening.offset,
        to: opening,
    }];
    let mut day = start;
    while day < end {
        let next = day + TimeDelta::days(1);
        let (before, after) = (clock(tz, day), clock(tz, next));
        if before != after {
            let at = change(tz, &before, day, next);
            onsets.push(Onset {
                at: local(at, before.offset),
                from: before.offset,
                to: after,
            });
        }
        day = next;
    }
    let mut out = format!("BEGIN:VTIMEZONE\r\nTZID:{}\r\n", tz.name());
    for o in onsets {
        let kind = if o.to.daylight {
            "DAYLIGHT"
        } else {
            "STANDARD"
        };
        out.push_str(&format!(
            "BEGIN:{kind}\r\nDTSTART:{}\r\nTZOFFSETFROM:{}\r\nTZOFFSETTO:{}\r\n",
            o.at.format("%Y%m%dT%H%M%S"),
            utc_offset(o.from),
            utc_offset(o.to.offset)
        ));
        if !o.to.name.is_empty() {
            out.push_str(&format!("TZNAME:{}\r\n", o.to.name));
        }
        out.push_str(&format!("END:{kind}\r\n"));
    }
    out.push_str("END:VTIMEZONE\r\n");
    out
}

/// The first second after `lo` (when the clock read `before`) at which it no longer does, up
/// to `hi`.
fn change(tz: Tz, before: &Clock, mut lo: DateTime<Utc>, mut hi: DateTime<Utc>) -> DateTime<Utc> {
    while hi - lo > TimeDelta::seconds(1) {
        let mid = lo + (hi - lo) / 2;
        if clock(tz, mid) == *before {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    hi
}

fn local(at: DateTime<Utc>, offset: i32) -> NaiveDateTime {
    at.naive_utc() + TimeDelta::seconds(i64::from(offset))
}

/// An offset as iCalendar writes it: `+0800`, `-0500`, `+0530`, with seconds only when it has
/// them.
fn utc_offset(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let s = seconds.unsigned_abs();
    let (h, m, sec) = (s / 3600, s / 60 % 60, s % 60);
    match sec {
        0 => format!("{sign}{h:02}{m:02}"),
        _ => format!("{sign}{h:02}{m:02}{sec:02}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn components(text: &str) -> Vec<Vec<&str>> {
        text.split("BEGIN:")
            .skip(2)
            .map(|c| {
                c.split("\r\n")
                    .filter(|l| !l.is_empty() && *l != "END:VTIMEZONE")
                    .collect()
            })
            .collect()
    }

    #[test]
    fn a_zone_without_daylight_saving_has_one_standard_time() {
        let text = vtimezone(chrono_tz::Asia::Taipei, 2026, 2027);
        assert!(
            text.starts_with("BEGIN:VTIMEZONE\r\nTZID:Asia/Taipei\r\n"),
            "{text}"
        );
        assert!(text.ends_with("END:VTIMEZONE\r\n"), "{text}");
        assert_eq!(
            components(&text),
            [[
                "STANDARD",
                "DTSTART:20260101T000000",
                "TZOFFSETFROM:+0800",
                "TZOFFSETTO:+0800",
                "TZNAME:CST",
                "END:STANDARD",
            ]]
        );
    }

    #[test]
    fn london_changes_its_clocks_twice_a_year_at_the_local_time_before_the_change() {
        let text = vtimezone(chrono_tz::Europe::London, 2026, 2026);
        let c = components(&text);
        assert_eq!(c.len(), 3, "{text}");
        assert_eq!(
            c[0][..4],
            [
                "STANDARD",
                "DTSTART:20260101T000000",
                "TZOFFSETFROM:+0000",
                "TZOFFSETTO:+0000"
            ]
        );
        // 01:00 GMT on 29 March becomes 02:00 BST; 02:00 BST on 25 October becomes 01:00 GMT.
        assert_eq!(
            c[1],
            [
                "DAYLIGHT",
                "DTSTART:20260329T010000",
                "TZOFFSETFROM:+0000",
                "TZOFFSETTO:+0100",
                "TZNAME:BST",
                "END:DAYLIGHT"
            ]
        );
        assert_eq!(
            c[2],
            [
                "STANDARD",
                "DTSTART:20261025T020000",
                "TZOFFSETFROM:+0100",
                "TZOFFSETTO:+0000",
                "TZNAME:GMT",
                "END:STANDARD"
            ]
        );
    }

    #[test]
    fn offsets_are_written_with_their_sign_and_seconds_only_when_they_have_them() {
        assert_eq!(utc_offset(8 * 3600), "+0800");
        assert_eq!(utc_offset(0), "+0000");
        assert_eq!(utc_offset(-(5 * 3600)), "-0500");
        assert_eq!(utc_offset(5 * 3600 + 30 * 60), "+0530");
        assert_eq!(utc_offset(-(25 * 60 + 21)), "-002521");
    }
}
