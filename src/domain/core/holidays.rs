//! Mainland China's official public holidays and make-up working days
//! (调休), as the State Council's General Office announces them each year
//! (国务院办公厅关于 N 年部分节假日安排的通知). Only years whose notice has
//! been published are listed; other years fall back to plain weekends plus
//! the days a user adds to the plan's own calendar.

use crate::domain::core::calendar::WorkCalendar;
use chrono::NaiveDate;

/// (month, first day, last day) of a holiday span within one month.
type Span = (u32, u32, u32);

struct Year {
    year: i32,
    /// Days off, as spans.
    off: &'static [Span],
    /// Weekend days worked instead, as (month, day).
    worked: &'static [(u32, u32)],
}

const YEARS: &[Year] = &[
    // 国办发明电〔2023〕7号
    Year {
        year: 2024,
        off: &[
            (1, 1, 1),
            (2, 10, 17),
            (4, 4, 6),
            (5, 1, 5),
            (6, 10, 10),
            (9, 15, 17),
            (10, 1, 7),
        ],
        worked: &[(2, 4), (2, 18), (4, 7), (4, 28), (5, 11), (9, 14), (9, 29), (10, 12)],
    },
    // 国办发明电〔2024〕12号
    Year {
        year: 2025,
        off: &[
            (1, 1, 1),
            (1, 28, 31),
            (2, 1, 4),
            (4, 4, 6),
            (5, 1, 5),
            (5, 31, 31),
            (6, 1, 2),
            (10, 1, 8),
        ],
        worked: &[(1, 26), (2, 8), (4, 27), (9, 28), (10, 11)],
    },
    // 国办发明电〔2025〕7号
    Year {
        year: 2026,
        off: &[
            (1, 1, 3),
            (2, 15, 23),
            (4, 4, 6),
            (5, 1, 5),
            (6, 19, 21),
            (9, 25, 27),
            (10, 1, 7),
        ],
        worked: &[(1, 4), (2, 14), (2, 28), (5, 9), (9, 20), (10, 10)],
    },
];

/// The years this table covers.
pub fn covered_years() -> impl Iterator<Item = i32> {
    YEARS.iter().map(|y| y.year)
}

/// The official calendar of every covered year.
pub fn china_mainland() -> WorkCalendar {
    let mut cal = WorkCalendar::default();
    for y in YEARS {
        for &(month, first, last) in y.off {
            for day in first..=last {
                if let Some(d) = NaiveDate::from_ymd_opt(y.year, month, day) {
                    cal.holidays.insert(d);
                }
            }
        }
        for &(month, day) in y.worked {
            if let Some(d) = NaiveDate::from_ymd_opt(y.year, month, day) {
                cal.workdays.insert(d);
            }
        }
    }
    cal
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Datelike, Weekday};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn make_up_days_are_weekends_and_holidays_are_not_doubled() {
        let cal = china_mainland();
        for day in &cal.workdays {
            assert!(matches!(day.weekday(), Weekday::Sat | Weekday::Sun), "{day}");
            assert!(!cal.holidays.contains(day), "{day}");
        }
    }

    #[test]
    fn the_announced_totals_hold() {
        let cal = china_mainland();
        // 2026: Spring Festival 15-23 Feb (9 days), National Day 1-7 Oct.
        assert!((15..=23).all(|day| !cal.is_working_day(d(2026, 2, day))));
        assert!(cal.is_working_day(d(2026, 2, 14)));
        assert!(cal.is_working_day(d(2026, 2, 28)));
        assert!(!cal.is_working_day(d(2026, 10, 7)));
        assert!(cal.is_working_day(d(2026, 10, 10)));
        // 2025: 8 days of National Day and Mid-Autumn together.
        assert!((1..=8).all(|day| !cal.is_working_day(d(2025, 10, day))));
        // 2024: the Spring Festival eve was worked, officially.
        assert!(cal.is_working_day(d(2024, 2, 9)));
        assert_eq!(covered_years().collect::<Vec<_>>(), vec![2024, 2025, 2026]);
    }
}
