//! Text helpers every layer shares: "did you mean", and one way to show a value.

use serde_json::Value;

/// The candidate closest to `word`, if it is close enough to be a likely typo.
pub fn closest<'a>(word: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .map(|c| (strsim::damerau_levenshtein(word, c), c))
        .filter(|(d, c)| *d <= 2.max(c.chars().count() / 3))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// An amount with thousands separators, as on a finance officer's sheet: cents only when it
/// has some.
pub fn money(x: f64) -> String {
    let cents = (x * 100.0).round() as i64;
    money_with(x, cents % 100 != 0)
}

/// An amount in a currency of `decimals` (0 or 2): with two decimals always for 2, else
/// cents only when it has some.
pub fn money_in(x: f64, decimals: u8) -> String {
    if decimals == 2 {
        money_with(x, true)
    } else {
        money(x)
    }
}

/// An amount with thousands separators, with two decimals when `cents` (so that a column of
/// amounts lines up) and none otherwise.
pub fn money_with(x: f64, cents: bool) -> String {
    let cents_shown = cents;
    let cents = (x * 100.0).round() as i64;
    let (whole, frac) = (cents.abs() / 100, cents.abs() % 100);
    let digits = whole.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    let sign = if cents < 0 { "-" } else { "" };
    if cents_shown {
        format!("{sign}{out}.{frac:02}")
    } else {
        format!("{sign}{out}")
    }
}

/// Any value as readable text: a string as it is, a list joined by commas (by `；` when its
/// items are themselves structured), a mapping as `key: value` pairs, nothing for null.
pub fn plain(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        Value::Array(items) => {
            let sep = if items.iter().any(|i| i.is_object() || i.is_array()) {
                "；"
            } else {
                ", "
            };
            items.iter().map(plain).collect::<Vec<_>>().join(sep)
        }
        Value::Object(map) => map
            .iter()
            .map(|(k, v)| format!("{k}: {}", plain(v)))
            .collect::<Vec<_>>()
            .join(", "),
        Value::Number(n) => number_text(n),
        other => other.to_string(),
    }
}

/// A number as people write it: `9`, not `9.0`, for a whole number however it was computed.
fn number_text(n: &serde_json::Number) -> String {
    match n.as_f64() {
        Some(x) if n.is_f64() && x.fract() == 0.0 && x.abs() < 1e15 => format!("{}", x as i64),
        _ => n.to_string(),
    }
}

/// A value as a number (0 when it is none).
pub fn number(v: &Value) -> f64 {
    match v {
        Value::Number(n) => n.as_f64().unwrap_or(0.0),
        Value::String(s) => s.parse().unwrap_or(0.0),
        _ => 0.0,
    }
}

/// A value as it would be written back in YAML: a string bare, anything else in JSON (which
/// YAML reads as flow style).
pub fn as_written(v: &Value) -> String {
    v.as_str().map_or_else(|| v.to_string(), str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn money_has_thousands_separators_and_cents_only_when_needed() {
        assert_eq!(money(1234567.5), "1,234,567.50");
        assert_eq!(money(150000.0), "150,000");
        assert_eq!(money(-30000.0), "-30,000");
        assert_eq!(money_with(150000.0, true), "150,000.00");
        assert_eq!(money_with(-0.5, true), "-0.50");
    }

    #[test]
    fn plain_shows_lists_and_mappings_as_text() {
        assert_eq!(plain(&json!(["a", "b"])), "a, b");
        assert_eq!(
            plain(&json!([{"id": "R1", "n": 6}, {"id": "R2"}])),
            "id: R1, n: 6；id: R2"
        );
        assert_eq!(plain(&json!(null)), "");
        assert_eq!(plain(&json!(9)), "9");
        assert_eq!(plain(&json!(9.0)), "9");
        assert_eq!(plain(&json!(2.5)), "2.5");
    }

    #[test]
    fn closest_finds_likely_typos_only() {
        let words = ["status", "title", "date"];
        assert_eq!(closest("stauts", words.iter().copied()), Some("status"));
        assert_eq!(closest("budget", words.iter().copied()), None);
    }
}
