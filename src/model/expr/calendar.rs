//! The working-day calendar: weekends, the association's holidays and make-up days.

use std::collections::HashSet;

use chrono::{Datelike, NaiveDate, Weekday};

/// Working days: Monday to Friday, less configured holidays, plus configured make-up days.
#[derive(Debug, Default)]
pub struct Calendar {
    pub holidays: HashSet<NaiveDate>,
    pub workdays: HashSet<NaiveDate>,
}

impl Calendar {
    /// Whether `d` is a working day.
    pub fn is_workday(&self, d: NaiveDate) -> bool {
        let weekend = matches!(d.weekday(), Weekday::Sat | Weekday::Sun);
        (!weekend && !self.holidays.contains(&d)) || self.workdays.contains(&d)
    }

    /// The first working day after `d` (`d` itself when none follows within a year).
    pub fn next_workday(&self, d: NaiveDate) -> NaiveDate {
        d.iter_days()
            .skip(1)
            .take(366)
            .find(|day| self.is_workday(*day))
            .unwrap_or(d)
    }

    /// Working days from `start` to `end`, both included.
    pub fn workdays(&self, start: NaiveDate, end: NaiveDate) -> i64 {
        let mut n = 0;
        let mut d = start;
        // Bounded: dates are parsed from YYYY-MM-DD, and a span over 20 years is refused.
        if (end - start).num_days() > 366 * 20 {
            return -1;
        }
        while d <= end {
            let weekend = matches!(d.weekday(), Weekday::Sat | Weekday::Sun);
            if (!weekend && !self.holidays.contains(&d)) || self.workdays.contains(&d) {
                n += 1;
            }
            d = match d.succ_opt() {
                Some(next) => next,
                None => break,
            };
        }
        n
    }
}
