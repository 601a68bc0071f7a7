//! `association.timezone` in clerk.yaml: where the times in the records are local times.

use serde::Deserialize;

/// A time zone: a name of the tz database, whose offset follows daylight saving date by date,
/// or a fixed UTC offset written `+08:00`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zone {
    Named(chrono_tz::Tz),
    Offset(chrono::FixedOffset),
}

impl Zone {
    /// The instant a local date and time here is, in UTC. A time that occurs twice (clocks put
    /// back) is its first; one that does not occur (clocks put forward) is taken as an hour
    /// later, as calendar programs do.
    pub fn to_utc(&self, local: chrono::NaiveDateTime) -> Option<chrono::DateTime<chrono::Utc>> {
        use chrono::TimeZone;
        fn earliest<Z: TimeZone>(
            zone: &Z,
            local: chrono::NaiveDateTime,
        ) -> Option<chrono::DateTime<chrono::Utc>> {
            let at = |t| zone.from_local_datetime(&t).earliest();
            at(local)
                .or_else(|| at(local.checked_add_signed(chrono::TimeDelta::hours(1))?))
                .map(|t| t.with_timezone(&chrono::Utc))
        }
        match self {
            Zone::Named(tz) => earliest(tz, local),
            Zone::Offset(offset) => earliest(offset, local),
        }
    }
}

impl<'de> Deserialize<'de> for Zone {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        if !text.starts_with(['+', '-']) {
            return named_zone(&text).map_err(serde::de::Error::custom);
        }
        let bad =
            || serde::de::Error::custom(crate::i18n::t("config-not-an-offset", &[("text", &text)]));
        let (sign, rest) = if let Some(rest) = text.strip_prefix('-') {
            (-1, rest)
        } else {
            (1, &text[1..])
        };
        let (h, m) = rest.split_once(':').ok_or_else(bad)?;
        let (h, m): (i32, i32) = (h.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?);
        if h > 14 || m > 59 || rest.len() != 5 {
            return Err(bad());
        }
        chrono::FixedOffset::east_opt(sign * (h * 3600 + m * 60))
            .map(Zone::Offset)
            .ok_or_else(bad)
    }
}

/// A zone of the tz database by its name, or why not (with the name closest to a typo).
fn named_zone(text: &str) -> Result<Zone, String> {
    if let Ok(tz) = text.parse::<chrono_tz::Tz>() {
        return Ok(Zone::Named(tz));
    }
    let names = chrono_tz::TZ_VARIANTS.iter().map(|tz| tz.name());
    let guess = crate::text::closest(text, names)
        .map(|name| crate::i18n::t("did-you-mean", &[("best", &name)]) + " ")
        .unwrap_or_default();
    Err(crate::i18n::t(
        "config-not-a-zone",
        &[("text", &text), ("guess", &guess)],
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::codes;
    use crate::model::config::Config;

    #[test]
    fn a_time_zone_is_a_name_or_a_utc_offset_and_anything_else_is_refused_at_its_line() {
        let parse =
            |tz: &str| Config::parse(&format!("association:\n  name: x\n  timezone: \"{tz}\"\n"));
        let zone = |tz| parse(tz).unwrap().config.association.timezone.unwrap();
        let offset = |tz| match zone(tz) {
            Zone::Offset(o) => o.local_minus_utc(),
            named => panic!("{tz} is {named:?}"),
        };
        assert_eq!(offset("+08:00"), 8 * 3600);
        assert_eq!(offset("-05:30"), -(5 * 3600 + 30 * 60));
        assert_eq!(offset("+00:00"), 0);
        for name in ["Asia/Taipei", "Asia/Shanghai", "Europe/London", "UTC"] {
            assert_eq!(zone(name), Zone::Named(name.parse().unwrap()), "{name}");
        }
        for bad in ["8", "+8:00", "+08:60", "+15:00", "+08:00:00", "", "Taipei"] {
            let err = parse(bad).unwrap_err();
            assert_eq!(err.code, codes::CONFIG_INVALID, "{bad}");
            assert_eq!(err.line, 3, "{bad}: {}", err.message);
            assert!(err.message.contains("+08:00"), "{bad}: {}", err.message);
        }
        let err = parse("Asia/Taipie").unwrap_err();
        assert_eq!((err.code, err.line), (codes::CONFIG_INVALID, 3));
        assert!(
            err.message.contains("did you mean `Asia/Taipei`?"),
            "{}",
            err.message
        );
    }

    #[test]
    fn a_named_zone_follows_daylight_saving_date_by_date() {
        let at = |zone: &str, local: &str| {
            let zone =
                match Config::parse(&format!("association:\n  name: x\n  timezone: {zone}\n")) {
                    Ok(l) => l.config.association.timezone.unwrap(),
                    Err(e) => panic!("{}", e.message),
                };
            let local = chrono::NaiveDateTime::parse_from_str(local, "%Y-%m-%d %H:%M").unwrap();
            zone.to_utc(local)
                .unwrap()
                .format("%Y-%m-%d %H:%M")
                .to_string()
        };
        // London keeps GMT in winter and BST (+01:00) from the last Sunday of March.
        assert_eq!(at("Europe/London", "2026-03-28 14:00"), "2026-03-28 14:00");
        assert_eq!(at("Europe/London", "2026-03-30 14:00"), "2026-03-30 13:00");
        // 01:30 on 29 March does not occur there (01:00 → 02:00): an hour later, 02:30 BST.
        assert_eq!(at("Europe/London", "2026-03-29 01:30"), "2026-03-29 01:30");
        // 01:30 on 25 October occurs twice: the first, still BST.
        assert_eq!(at("Europe/London", "2026-10-25 01:30"), "2026-10-25 00:30");
        assert_eq!(at("Asia/Taipei", "2026-07-10 14:30"), "2026-07-10 06:30");
        assert_eq!(at("\"+08:00\"", "2026-07-10 14:30"), "2026-07-10 06:30");
    }
}
