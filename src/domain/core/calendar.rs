//! Calendar arithmetic the plan needs: working days, ISO weeks, the last
//! Friday of a month, the last working day of a quarter, and China's
//! marketing dates (营销节点) for the marketing calendar.

use super::order::{day, sort_by_rank};
use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Timelike, Weekday};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// A date as ISO 8601 text (`2026-11-23`), as date fields and file names
/// use it. Written by hand: chrono's formatter costs the app's download
/// more than this whole function.
pub fn date_text(date: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

/// The years a date typed into a work plan can be in. Outside them a date
/// is a typo (`1112` for `2026`), not a plan: refused, so that it cannot
/// stretch a timeline over nine centuries.
pub const PLAN_YEARS: std::ops::RangeInclusive<i32> = 1900..=2199;

/// The date of ISO 8601 text (`2026-11-23`, surrounding blanks allowed);
/// None for anything else, impossible dates (30 February) and years
/// outside [`PLAN_YEARS`] included.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let mut parts = text.trim().splitn(3, '-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(y, 4) || !digits(m, 2) || !digits(d, 2) {
        return None;
    }
    let year: i32 = y.parse().ok()?;
    if !PLAN_YEARS.contains(&year) {
        return None;
    }
    NaiveDate::from_ymd_opt(year, m.parse().ok()?, d.parse().ok()?)
}

// The texts below are written by hand for the same reason as `date_text`:
// with them the main module holds none of chrono's strftime machinery.

/// `2026-11` (a month field's value).
pub fn month_text(date: NaiveDate) -> String {
    format!("{:04}-{:02}", date.year(), date.month())
}

/// `09:30` (a time field's value).
pub fn time_text(time: NaiveTime) -> String {
    format!("{:02}:{:02}", time.hour(), time.minute())
}

/// `2026-11-23T09:30` (a datetime-local field's value).
pub fn datetime_text(at: NaiveDateTime) -> String {
    format!("{}T{}", date_text(at.date()), time_text(at.time()))
}

/// The time of `09:30` or `9:30` (seconds, as some browsers add, allowed
/// and dropped); None for anything else.
pub fn parse_time(text: &str) -> Option<NaiveTime> {
    let mut parts = text.trim().split(':');
    let (h, m) = (parts.next()?, parts.next()?);
    let seconds = parts.next();
    let number = |s: &str, max: usize| (1..=max).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    // Seconds may carry a fraction (`05.250`); checked by hand, since
    // parsing floats costs the main module 7 KB.
    let seconds_ok = |s: &str| {
        let (whole, fraction) = s.split_once('.').unwrap_or((s, "0"));
        number(whole, 2) && number(fraction, 9)
    };
    if parts.next().is_some() || seconds.is_some_and(|s| !seconds_ok(s)) {
        return None;
    }
    if !number(h, 2) || m.len() != 2 || !number(m, 2) {
        return None;
    }
    NaiveTime::from_hms_opt(h.parse().ok()?, m.parse().ok()?, 0)
}

/// The moment of `2026-11-23T09:30`; None for anything else.
pub fn parse_datetime(text: &str) -> Option<NaiveDateTime> {
    let (date, time) = text.trim().split_once('T')?;
    Some(parse_date(date)?.and_time(parse_time(time)?))
}

/// `20261123` and `20261123T093000`, the iCalendar forms.
pub fn compact_date(date: NaiveDate) -> String {
    format!("{:04}{:02}{:02}", date.year(), date.month(), date.day())
}

pub fn compact_datetime(at: NaiveDateTime) -> String {
    format!(
        "{}T{:02}{:02}{:02}",
        compact_date(at.date()),
        at.hour(),
        at.minute(),
        at.second()
    )
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// `November` (English month names; Chinese writes 11月).
pub fn month_name(date: NaiveDate) -> &'static str {
    MONTHS[date.month0() as usize]
}

/// `Nov`.
pub fn month_abbr(date: NaiveDate) -> &'static str {
    &MONTHS[date.month0() as usize][..3]
}

/// Which days are worked: Monday to Friday, less the plan's holidays, plus
/// its make-up working days (调休) that fall on a weekend.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkCalendar {
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub holidays: BTreeSet<NaiveDate>,
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub workdays: BTreeSet<NaiveDate>,
}

/// A day the plan sets itself, over the weekends and the official calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum OwnDay {
    /// A day off (a company holiday).
    Off,
    /// A working day on a weekend (调休).
    Worked,
}

impl WorkCalendar {
    /// Sets `day` as one of the plan's own days, or back to the usual rule
    /// (None). A day is never both off and worked.
    pub fn set_day(&mut self, day: NaiveDate, own: Option<OwnDay>) {
        self.holidays.remove(&day);
        self.workdays.remove(&day);
        match own {
            Some(OwnDay::Off) => {
                self.holidays.insert(day);
            }
            Some(OwnDay::Worked) => {
                self.workdays.insert(day);
            }
            None => {}
        }
    }

    /// The plan's own days in date order.
    pub fn own_days(&self) -> Vec<(NaiveDate, OwnDay)> {
        let mut days: Vec<_> = self
            .holidays
            .iter()
            .map(|d| (*d, OwnDay::Off))
            .chain(self.workdays.iter().map(|d| (*d, OwnDay::Worked)))
            .collect();
        sort_by_rank(&mut days, |(d, own)| (day(*d), *own as i64));
        days
    }

    pub fn is_working_day(&self, day: NaiveDate) -> bool {
        if self.workdays.contains(&day) {
            return true;
        }
        !matches!(day.weekday(), Weekday::Sat | Weekday::Sun) && !self.holidays.contains(&day)
    }

    /// The last working day on or before `day`; a calendar with every day of
    /// a long stretch off gives up after a year and returns `day`.
    pub fn on_or_before(&self, day: NaiveDate) -> NaiveDate {
        let mut d = day;
        for _ in 0..366 {
            if self.is_working_day(d) {
                return d;
            }
            match d.pred_opt() {
                Some(p) => d = p,
                None => break,
            }
        }
        day
    }

    /// The working day `n` working days after `day` (n = 0: `day` itself
    /// if it is worked, else the next working day).
    pub fn add_working_days(&self, day: NaiveDate, n: u32) -> NaiveDate {
        let mut d = day;
        let mut left = n;
        let mut guard = 0u32;
        while !self.is_working_day(d) && guard < 366 {
            d = d.succ_opt().unwrap_or(d);
            guard += 1;
        }
        while left > 0 && guard < 366 * 30 {
            d = d.succ_opt().unwrap_or(d);
            guard += 1;
            if self.is_working_day(d) {
                left -= 1;
            }
        }
        d
    }
}

impl WorkCalendar {
    /// The day `n` working days after `day`, not counting `day` itself: a
    /// request handed in on Friday with one working day is decided on Monday
    /// (or later, if Monday is a holiday). With n = 0, `day` if it is worked,
    /// else the next working day.
    pub fn working_days_after(&self, day: NaiveDate, n: u32) -> NaiveDate {
        if n == 0 {
            return self.add_working_days(day, 0);
        }
        let mut d = day;
        let mut left = n;
        // A year of days off in a row is not a calendar, it is a typo: stop.
        for _ in 0..(366 * 30) {
            let Some(next) = d.succ_opt() else { break };
            d = next;
            if self.is_working_day(d) {
                left -= 1;
                if left == 0 {
                    break;
                }
            }
        }
        d
    }

    /// `base` (the official calendar) with this one's days laid over it:
    /// where the two disagree about a day, this one (the user's) wins.
    pub fn merged_with(&self, base: &WorkCalendar) -> WorkCalendar {
        let mut out = base.clone();
        for d in &self.holidays {
            out.workdays.remove(d);
            out.holidays.insert(*d);
        }
        for d in &self.workdays {
            out.holidays.remove(d);
            out.workdays.insert(*d);
        }
        out
    }
}

/// The ISO 8601 week of `day`: (ISO year, week 1-53). Late December can be
/// week 1 of the next year and early January week 52 or 53 of the last.
pub fn iso_week(day: NaiveDate) -> (i32, u32) {
    let w = day.iso_week();
    (w.year(), w.week())
}

/// The Monday of the ISO week containing `day`.
pub fn week_start(day: NaiveDate) -> NaiveDate {
    day - Duration::days(day.weekday().num_days_from_monday().into())
}

pub fn month_start(day: NaiveDate) -> NaiveDate {
    day.with_day(1).unwrap_or(day)
}

pub fn month_end(day: NaiveDate) -> NaiveDate {
    month_start(day)
        .checked_add_months(chrono::Months::new(1))
        .and_then(|d| d.pred_opt())
        .unwrap_or(day)
}

/// The last `weekday` of the month that contains `day`.
pub fn last_weekday_of_month(day: NaiveDate, weekday: Weekday) -> NaiveDate {
    let end = month_end(day);
    let back = (7 + end.weekday().num_days_from_monday() - weekday.num_days_from_monday()) % 7;
    end - Duration::days(back.into())
}

pub fn quarter_end(day: NaiveDate) -> NaiveDate {
    let last_month = (day.month0() / 3) * 3 + 3;
    NaiveDate::from_ymd_opt(day.year(), last_month, 1).map_or(day, month_end)
}

/// The months from the one containing `from` to the one containing `to`.
pub fn months_between(from: NaiveDate, to: NaiveDate) -> Vec<NaiveDate> {
    let mut out = Vec::new();
    let mut m = month_start(from);
    while m <= to {
        out.push(m);
        match m.checked_add_months(chrono::Months::new(1)) {
            Some(next) => m = next,
            None => break,
        }
    }
    out
}

/// China's marketing dates shown on the calendar (营销节点).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MarketingDay {
    NewYear,
    SpringFestival,
    WomensDay,
    ConsumerRightsDay,
    Day520,
    Sale618,
    Qixi,
    BackToSchool,
    MidAutumn,
    NationalDay,
    Double11,
    Double12,
}

/// Spring Festival (春节), Qixi (七夕) and Mid-Autumn (中秋) follow the lunar
/// calendar; their Gregorian dates for 2024-2035, from published calendars.
/// (year, Spring Festival, Qixi, Mid-Autumn), each a (month, day).
type LunarRow = (i32, (u32, u32), (u32, u32), (u32, u32));

const LUNAR: [LunarRow; 12] = [
    (2024, (2, 10), (8, 10), (9, 17)),
    (2025, (1, 29), (8, 29), (10, 6)),
    (2026, (2, 17), (8, 19), (9, 25)),
    (2027, (2, 6), (8, 8), (9, 15)),
    (2028, (1, 26), (8, 26), (10, 3)),
    (2029, (2, 13), (8, 16), (9, 22)),
    (2030, (2, 3), (8, 5), (9, 12)),
    (2031, (1, 23), (8, 24), (10, 1)),
    (2032, (2, 11), (8, 12), (9, 19)),
    (2033, (1, 31), (8, 1), (9, 8)),
    (2034, (2, 19), (8, 20), (9, 27)),
    (2035, (2, 8), (8, 10), (9, 16)),
];

pub const LUNAR_YEARS: std::ops::RangeInclusive<i32> = 2024..=2035;

/// One marketing date in one year: a day or a span (a shopping festival's
/// presale, a holiday week, the back-to-school season).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MarketingDate {
    pub day: MarketingDay,
    pub start: NaiveDate,
    pub end: NaiveDate,
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// The marketing dates of `year`; lunar ones only for the years in the table.
pub fn marketing_dates(year: i32) -> Vec<MarketingDate> {
    use MarketingDay::*;
    let span = |day, s: Option<NaiveDate>, e: Option<NaiveDate>| {
        Some(MarketingDate {
            day,
            start: s?,
            end: e?,
        })
    };
    let one = |day, m, d| span(day, ymd(year, m, d), ymd(year, m, d));
    let lunar = LUNAR.iter().find(|row| row.0 == year);
    let mut out = vec![
        one(NewYear, 1, 1),
        // New Year's Eve to the 7th day: the holiday week most people take.
        lunar.and_then(|r| {
            let d = ymd(year, r.1 .0, r.1 .1)?;
            span(SpringFestival, d.pred_opt(), d.checked_add_signed(Duration::days(6)))
        }),
        one(WomensDay, 3, 8),
        one(ConsumerRightsDay, 3, 15),
        one(Day520, 5, 20),
        // 618 and Double 11 sell for weeks before the day itself.
        span(Sale618, ymd(year, 6, 1), ymd(year, 6, 18)),
        lunar.and_then(|r| one(Qixi, r.2 .0, r.2 .1)),
        span(BackToSchool, ymd(year, 8, 15), ymd(year, 9, 10)),
        lunar.and_then(|r| one(MidAutumn, r.3 .0, r.3 .1)),
        span(NationalDay, ymd(year, 10, 1), ymd(year, 10, 7)),
        span(Double11, ymd(year, 10, 20), ymd(year, 11, 11)),
        one(Double12, 12, 12),
    ];
    let mut dates: Vec<MarketingDate> = out.drain(..).flatten().collect();
    sort_by_rank(&mut dates, |d| (day(d.start), 0));
    dates
}

/// Marketing dates touching the span `from..=to`.
pub fn marketing_dates_between(from: NaiveDate, to: NaiveDate) -> Vec<MarketingDate> {
    (from.year()..=to.year())
        .flat_map(marketing_dates)
        .filter(|m| m.end >= from && m.start <= to)
        .collect()
}

/// Pairs (by index) of spans that share at least one day.
pub fn overlapping_pairs(spans: &[(NaiveDate, NaiveDate)]) -> Vec<(usize, usize)> {
    let mut order: Vec<usize> = (0..spans.len()).collect();
    sort_by_rank(&mut order, |&i| (day(spans[i].0), 0));
    let mut out = Vec::new();
    for (k, &i) in order.iter().enumerate() {
        for &j in &order[k + 1..] {
            if spans[j].0 > spans[i].1 {
                break;
            }
            out.push((i.min(j), i.max(j)));
        }
    }
    sort_by_rank(&mut out, |&(a, b)| (a as i64, b as i64));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
    }

    #[test]
    fn iso_weeks_across_year_ends() {
        assert_eq!(iso_week(d(2026, 12, 31)), (2026, 53));
        assert_eq!(iso_week(d(2027, 1, 3)), (2026, 53));
        assert_eq!(iso_week(d(2027, 1, 4)), (2027, 1));
        assert_eq!(iso_week(d(2024, 12, 30)), (2025, 1));
        assert_eq!(iso_week(d(2021, 1, 1)), (2020, 53));
        assert_eq!(week_start(d(2027, 1, 3)), d(2026, 12, 28));
    }

    #[test]
    fn last_friday_of_each_month() {
        assert_eq!(last_weekday_of_month(d(2026, 11, 3), Weekday::Fri), d(2026, 11, 27));
        assert_eq!(last_weekday_of_month(d(2026, 7, 1), Weekday::Fri), d(2026, 7, 31));
        assert_eq!(last_weekday_of_month(d(2028, 2, 1), Weekday::Fri), d(2028, 2, 25));
        assert_eq!(last_weekday_of_month(d(2027, 12, 9), Weekday::Fri), d(2027, 12, 31));
    }

    #[test]
    fn last_working_day_of_a_quarter() {
        let cal = WorkCalendar::default();
        assert_eq!(cal.on_or_before(quarter_end(d(2026, 11, 23))), d(2026, 12, 31));
        // 31 Dec 2028 is a Sunday.
        assert_eq!(cal.on_or_before(quarter_end(d(2028, 10, 1))), d(2028, 12, 29));
        // 30 Sep 2029 is a Sunday; with the 28th a holiday, the 27th.
        let mut cal = WorkCalendar::default();
        cal.holidays.insert(d(2029, 9, 28));
        assert_eq!(cal.on_or_before(quarter_end(d(2029, 7, 5))), d(2029, 9, 27));
        // A make-up working Saturday counts.
        cal.workdays.insert(d(2029, 9, 29));
        assert_eq!(cal.on_or_before(d(2029, 9, 30)), d(2029, 9, 29));
    }

    #[test]
    fn working_days_skip_weekends_and_holidays() {
        let mut cal = WorkCalendar::default();
        // Friday 27 Nov 2026 + 1 working day = Monday 30 Nov.
        assert_eq!(cal.add_working_days(d(2026, 11, 27), 1), d(2026, 11, 30));
        // Submitted on a Saturday: counted from Monday.
        assert_eq!(cal.add_working_days(d(2026, 11, 28), 0), d(2026, 11, 30));
        cal.holidays.insert(d(2026, 12, 31));
        cal.holidays.insert(d(2027, 1, 1));
        assert_eq!(cal.add_working_days(d(2026, 12, 30), 1), d(2027, 1, 4));
        cal.workdays.insert(d(2027, 1, 2));
        assert_eq!(cal.add_working_days(d(2026, 12, 30), 1), d(2027, 1, 2));
    }

    #[test]
    fn lunar_dates_come_from_the_table() {
        let in_2027 = marketing_dates(2027);
        let find = |day| in_2027.iter().find(|m| m.day == day).copied();
        let spring = find(MarketingDay::SpringFestival).expect("spring festival");
        assert_eq!((spring.start, spring.end), (d(2027, 2, 5), d(2027, 2, 12)));
        assert_eq!(find(MarketingDay::MidAutumn).map(|m| m.start), Some(d(2027, 9, 15)));
        assert_eq!(find(MarketingDay::Qixi).map(|m| m.start), Some(d(2027, 8, 8)));
        assert_eq!(marketing_dates(2027).len(), 12);
        // Outside the table, the fixed dates only.
        assert_eq!(marketing_dates(2040).len(), 9);
        // Qixi falls 37-38 days before Mid-Autumn every year: a check on the table.
        for row in LUNAR {
            let qixi = d(row.0, row.2 .0, row.2 .1);
            let mid = d(row.0, row.3 .0, row.3 .1);
            assert!(matches!((mid - qixi).num_days(), 37 | 38), "{}", row.0);
        }
    }

    #[test]
    fn marketing_dates_in_a_span_cross_the_year_end() {
        let found = marketing_dates_between(d(2026, 12, 1), d(2027, 1, 31));
        let days: Vec<_> = found.iter().map(|m| m.day).collect();
        assert_eq!(days, [MarketingDay::Double12, MarketingDay::NewYear]);
    }

    #[test]
    fn overlaps_are_found_pairwise() {
        let spans = [
            (d(2027, 6, 1), d(2027, 6, 18)),
            (d(2027, 6, 18), d(2027, 6, 20)),
            (d(2027, 7, 1), d(2027, 7, 2)),
            (d(2027, 5, 30), d(2027, 6, 2)),
        ];
        assert_eq!(overlapping_pairs(&spans), [(0, 1), (0, 3)]);
        assert!(overlapping_pairs(&[]).is_empty());
    }

    #[test]
    fn months_between_spans_years() {
        let m = months_between(d(2026, 11, 23), d(2027, 2, 1));
        assert_eq!(m, [d(2026, 11, 1), d(2026, 12, 1), d(2027, 1, 1), d(2027, 2, 1)]);
    }

    #[test]
    fn iso_date_text_round_trips_and_refuses_impossible_dates() {
        let day = NaiveDate::from_ymd_opt(2026, 2, 3).unwrap();
        assert_eq!(date_text(day), "2026-02-03");
        assert_eq!(parse_date(" 2026-02-03 "), Some(day));
        for bad in [
            "2026-02-30",
            "2026-2-3",
            "26-02-03",
            "2026-02-03x",
            "",
            "2026/02/03",
            "+2026-02-03",
            "1112-10-01",
            "0001-01-01",
            "2200-01-01",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
        for year in [1900, 2199] {
            let edge = NaiveDate::from_ymd_opt(year, 12, 31).unwrap();
            assert_eq!(parse_date(&date_text(edge)), Some(edge));
        }
    }

    #[test]
    fn an_own_day_is_off_or_worked_never_both() {
        let (sat, mon) = (
            NaiveDate::from_ymd_opt(2026, 11, 28).unwrap(),
            NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
        );
        let mut cal = WorkCalendar::default();
        cal.set_day(mon, Some(OwnDay::Off));
        cal.set_day(sat, Some(OwnDay::Worked));
        assert!(!cal.is_working_day(mon) && cal.is_working_day(sat));
        cal.set_day(mon, Some(OwnDay::Worked));
        assert_eq!(cal.own_days(), vec![(mon, OwnDay::Worked), (sat, OwnDay::Worked)]);
        assert!(cal.holidays.is_empty());
        cal.set_day(sat, None);
        assert_eq!(cal.own_days(), vec![(mon, OwnDay::Worked)]);
    }

    #[test]
    fn hand_written_texts_match_chronos_formatter() {
        let at = NaiveDate::from_ymd_opt(2027, 3, 5)
            .unwrap()
            .and_hms_opt(9, 7, 3)
            .unwrap();
        assert_eq!(month_text(at.date()), at.format("%Y-%m").to_string());
        assert_eq!(time_text(at.time()), at.format("%H:%M").to_string());
        assert_eq!(datetime_text(at), at.format("%Y-%m-%dT%H:%M").to_string());
        assert_eq!(compact_date(at.date()), at.format("%Y%m%d").to_string());
        assert_eq!(compact_datetime(at), at.format("%Y%m%dT%H%M%S").to_string());
        for m in 1..=12 {
            let d = NaiveDate::from_ymd_opt(2027, m, 1).unwrap();
            assert_eq!(month_name(d), d.format("%B").to_string());
            assert_eq!(month_abbr(d), d.format("%b").to_string());
        }
    }

    #[test]
    fn times_and_moments_parse_as_the_fields_send_them() {
        let t = |h, m| NaiveTime::from_hms_opt(h, m, 0);
        assert_eq!(parse_time("09:30"), t(9, 30));
        assert_eq!(parse_time("9:30"), t(9, 30));
        assert_eq!(parse_time("23:59:30"), t(23, 59));
        assert_eq!(parse_time("23:59:30.125"), t(23, 59));
        for bad in ["", "24:00", "9:3", "09:60", "ab:cd", "09:30:xx", "1:2:3:4", "-1:30"] {
            assert_eq!(parse_time(bad), None, "{bad}");
        }
        assert_eq!(
            parse_datetime("2027-03-05T09:30"),
            NaiveDate::from_ymd_opt(2027, 3, 5).unwrap().and_hms_opt(9, 30, 0)
        );
        assert_eq!(parse_datetime("2027-02-30T09:30"), None);
        assert_eq!(parse_datetime("2027-03-05 09:30"), None);
    }
}
