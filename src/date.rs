//! Dates as clerk reads them: `YYYY-MM-DD`, one parser for every layer.

use chrono::NaiveDate;

/// A `YYYY-MM-DD` date.
pub fn parse(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}
