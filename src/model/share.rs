//! Thresholds as exact fractions: a quorum of `2/3` is met by 4 of 6, which no decimal such as
//! `0.6667` can say. Counts are compared in integers, never in floating point.

use serde::Deserialize;

/// A fraction `numerator/denominator`, written `2/3`, `1/2`, or as a decimal (`0.5`, taken
/// exactly: `0.6667` is 6667/10000).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fraction {
    pub numerator: u64,
    pub denominator: u64,
}

impl Fraction {
    /// Reads `2/3`, `1`, `0.5` or `50%`; why not, when it is none of those.
    pub fn parse(text: &str) -> Result<Fraction, String> {
        let text = text.trim();
        let bad = || {
            format!("`{text}` is not a share: write a fraction such as `2/3` or `1/2`, or a decimal such as `0.5`")
        };
        let (numerator, denominator) = if let Some((n, d)) = text.split_once('/') {
            let n: u64 = n.trim().parse().map_err(|_| bad())?;
            let d: u64 = d.trim().parse().map_err(|_| bad())?;
            (n, d)
        } else if let Some(percent) = text.strip_suffix('%') {
            let f = Fraction::decimal(percent.trim()).ok_or_else(bad)?;
            (f.numerator, f.denominator.checked_mul(100).ok_or_else(bad)?)
        } else {
            let f = Fraction::decimal(text).ok_or_else(bad)?;
            (f.numerator, f.denominator)
        };
        if denominator == 0 || numerator > denominator {
            return Err(format!(
                "`{text}` is not a share between 0 and 1 (a fraction such as `2/3`)"
            ));
        }
        Ok(Fraction {
            numerator,
            denominator,
        })
    }

    /// `0.6667` as 6667/10000, digit for digit.
    fn decimal(text: &str) -> Option<Fraction> {
        let (whole, frac) = text.split_once('.').unwrap_or((text, ""));
        if frac.len() > 12 || !(whole.bytes().chain(frac.bytes())).all(|b| b.is_ascii_digit()) {
            return None;
        }
        let denominator = 10u64.pow(frac.len() as u32);
        let numerator = format!("{whole}{frac}").parse().ok()?;
        Some(Fraction {
            numerator,
            denominator,
        })
    }

    /// Compares `part/whole` with this fraction, exactly.
    fn compare(&self, part: u64, whole: u64) -> std::cmp::Ordering {
        (u128::from(part) * u128::from(self.denominator))
            .cmp(&(u128::from(self.numerator) * u128::from(whole)))
    }
}

impl std::fmt::Display for Fraction {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.numerator, self.denominator)
    }
}

impl<'de> Deserialize<'de> for Fraction {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Written {
            Number(serde_json::Number),
            Text(String),
        }
        let text = match Written::deserialize(d)? {
            Written::Number(n) => n.to_string(),
            Written::Text(t) => t,
        };
        Fraction::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// A threshold share: `more_than: 1/2` (過半數) or `at_least: 2/3` (三分之二以上).
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Share {
    #[serde(default)]
    pub more_than: Option<Fraction>,
    #[serde(default)]
    pub at_least: Option<Fraction>,
}

impl Share {
    /// Whether `part` of `whole` meets the threshold (nothing of nothing never does).
    pub fn met(&self, part: u64, whole: u64) -> bool {
        use std::cmp::Ordering::*;
        if whole == 0 {
            return false;
        }
        self.more_than
            .is_none_or(|t| t.compare(part, whole) == Greater)
            && self.at_least.is_none_or(|t| t.compare(part, whole) != Less)
    }

    /// As written, for messages: `more than 1/2`.
    pub fn describe(&self) -> String {
        match (self.more_than, self.at_least) {
            (Some(t), _) => crate::i18n::t("share-more-than", &[("share", &t)]),
            (_, Some(t)) => crate::i18n::t("share-at-least", &[("share", &t)]),
            _ => crate::i18n::t("share-any", &[]),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn share(yaml: &str) -> Share {
        serde_yaml::from_str(yaml).unwrap()
    }

    #[test]
    fn two_thirds_is_met_by_exactly_two_thirds() {
        let s = share("at_least: 2/3");
        assert!(s.met(4, 6));
        assert!(s.met(2, 3));
        assert!(!s.met(3, 5));
        assert_eq!(s.describe(), "at least 2/3");
        // A decimal is taken as written: 0.6667 is more than two-thirds.
        assert!(!share("at_least: 0.6667").met(4, 6));
    }

    #[test]
    fn more_than_half_is_strict() {
        let s = share("more_than: 1/2");
        assert!(!s.met(3, 6));
        assert!(s.met(4, 7));
        assert!(share("more_than: 0.5").met(4, 7));
        assert!(!share("more_than: 50%").met(1, 2));
        assert!(!s.met(0, 0), "nothing of nothing never meets a threshold");
    }

    #[test]
    fn nonsense_is_refused() {
        for bad in [
            "at_least: 3/2",
            "at_least: 1/0",
            "at_least: two thirds",
            "at_least: -1",
        ] {
            assert!(serde_yaml::from_str::<Share>(bad).is_err(), "{bad}");
        }
    }
}
