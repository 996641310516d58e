//! The period a plan covers (DOMAIN.md §1): a year, a quarter, a month or one
//! campaign around a launch day T.

use chrono::{Datelike, Duration, NaiveDate};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PeriodKind {
    Year,
    Quarter,
    Month,
    Campaign,
}

crate::coded!(PeriodKind { Year = "year", Quarter = "quarter", Month = "month", Campaign = "campaign" });

/// Warm-up runs from T-6 weeks (DOMAIN.md §5), so a new campaign's launch day
/// sits six weeks after its start by default.
pub const DEFAULT_WARM_UP_DAYS: i64 = 42;
/// Growth phase after the launch day, T+1 week .. T+N weeks; four weeks by default.
pub const DEFAULT_GROWTH_DAYS: i64 = 28;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    pub kind: PeriodKind,
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// The launch day T of a campaign; later chapters place dates relative to it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub launch_day: Option<NaiveDate>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PeriodError {
    EndBeforeStart,
    LaunchDayMissing,
    LaunchDayOutside,
}

impl Period {
    /// The period of `kind` that a user most likely means when starting from
    /// `anchor`: for calendar kinds the year, quarter or month containing it
    /// (a quarter always starts on a quarter boundary); for a campaign, a
    /// warm-up from `anchor` to T and a growth phase after it.
    pub fn starting_from(kind: PeriodKind, anchor: NaiveDate) -> Period {
        let (start, end, launch_day) = match kind {
            PeriodKind::Year => (ymd(anchor.year(), 1, 1), ymd(anchor.year(), 12, 31), None),
            PeriodKind::Quarter => {
                let first_month = (anchor.month0() / 3) * 3 + 1;
                let start = ymd(anchor.year(), first_month, 1);
                (start, last_day_after_months(start, 3), None)
            }
            PeriodKind::Month => {
                let start = ymd(anchor.year(), anchor.month(), 1);
                (start, last_day_after_months(start, 1), None)
            }
            PeriodKind::Campaign => {
                let launch = anchor + Duration::days(DEFAULT_WARM_UP_DAYS);
                (anchor, launch + Duration::days(DEFAULT_GROWTH_DAYS), Some(launch))
            }
        };
        Period {
            kind,
            start,
            end,
            launch_day,
        }
    }

    /// Whether the end date follows from the start (calendar kinds) or is the
    /// user's to choose (campaigns).
    pub fn end_is_free(&self) -> bool {
        self.kind == PeriodKind::Campaign
    }

    pub fn validate(&self) -> Result<(), PeriodError> {
        if self.end < self.start {
            return Err(PeriodError::EndBeforeStart);
        }
        match (self.kind, self.launch_day) {
            (PeriodKind::Campaign, None) => Err(PeriodError::LaunchDayMissing),
            (_, Some(t)) if t < self.start || t > self.end => Err(PeriodError::LaunchDayOutside),
            _ => Ok(()),
        }
    }

    /// The day of the period nearest `day`: `day` itself inside it, else
    /// the first or the last day (a new entry's default date, so that a
    /// value typed today outside the period still counts).
    pub fn nearest_day(&self, day: NaiveDate) -> NaiveDate {
        day.min(self.end).max(self.start)
    }

    /// Whether a span of days lies wholly inside the period (a task dated
    /// outside it is kept, and flagged).
    pub fn covers(&self, first: NaiveDate, last: NaiveDate) -> bool {
        self.contains(first) && self.contains(last)
    }

    pub fn contains(&self, day: NaiveDate) -> bool {
        self.start <= day && day <= self.end
    }

    /// Number of calendar days covered, both ends included.
    pub fn days(&self) -> i64 {
        (self.end - self.start).num_days() + 1
    }
}

fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    // Callers pass month 1-12 and day 1, which exist in every year chrono supports.
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or(NaiveDate::MIN)
}

/// The last day of the span of `months` months that begins on `first` (a 1st).
fn last_day_after_months(first: NaiveDate, months: u32) -> NaiveDate {
    first
        .checked_add_months(chrono::Months::new(months))
        .and_then(|next| next.pred_opt())
        .unwrap_or(NaiveDate::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
    }

    #[test]
    fn the_nearest_day_of_the_period() {
        let q = Period::starting_from(PeriodKind::Quarter, d(2027, 1, 1));
        assert_eq!(q.nearest_day(d(2027, 2, 14)), d(2027, 2, 14));
        assert_eq!(q.nearest_day(d(2026, 12, 2)), d(2027, 1, 1));
        assert_eq!(q.nearest_day(d(2027, 6, 1)), d(2027, 3, 31));
    }

    #[test]
    fn a_quarter_starts_on_a_quarter_boundary() {
        let p = Period::starting_from(PeriodKind::Quarter, d(2026, 11, 23));
        assert_eq!((p.start, p.end), (d(2026, 10, 1), d(2026, 12, 31)));
        let p = Period::starting_from(PeriodKind::Quarter, d(2028, 2, 29));
        assert_eq!((p.start, p.end), (d(2028, 1, 1), d(2028, 3, 31)));
    }

    #[test]
    fn months_end_on_their_last_day_including_leap_february() {
        let p = Period::starting_from(PeriodKind::Month, d(2028, 2, 10));
        assert_eq!((p.start, p.end), (d(2028, 2, 1), d(2028, 2, 29)));
        let p = Period::starting_from(PeriodKind::Month, d(2027, 2, 10));
        assert_eq!(p.end, d(2027, 2, 28));
        assert_eq!(p.days(), 28);
    }

    #[test]
    fn a_year_is_the_calendar_year() {
        let p = Period::starting_from(PeriodKind::Year, d(2027, 6, 5));
        assert_eq!((p.start, p.end, p.launch_day), (d(2027, 1, 1), d(2027, 12, 31), None));
        assert_eq!(p.days(), 365);
    }

    #[test]
    fn a_campaign_has_a_launch_day_six_weeks_in() {
        let p = Period::starting_from(PeriodKind::Campaign, d(2026, 11, 23));
        assert_eq!(p.launch_day, Some(d(2027, 1, 4)));
        assert_eq!(p.end, d(2027, 2, 1));
        assert_eq!(p.validate(), Ok(()));
        assert!(p.end_is_free());
    }

    #[test]
    fn invalid_periods_say_why() {
        let mut p = Period::starting_from(PeriodKind::Campaign, d(2026, 1, 1));
        p.launch_day = None;
        assert_eq!(p.validate(), Err(PeriodError::LaunchDayMissing));
        p.launch_day = Some(d(2025, 12, 31));
        assert_eq!(p.validate(), Err(PeriodError::LaunchDayOutside));
        p.end = d(2025, 1, 1);
        assert_eq!(p.validate(), Err(PeriodError::EndBeforeStart));
    }

    #[test]
    fn kind_codes_round_trip() {
        for k in PeriodKind::ALL {
            assert_eq!(PeriodKind::from_code(k.code()), Some(k));
        }
        assert_eq!(PeriodKind::from_code("decade"), None);
    }
}
