//! Meeting cadence (会议节奏, DOMAIN.md §5): a weekly meeting, a monthly
//! review on the last Friday, a quarterly strategy meeting on the last
//! working day of the quarter. Every occurrence in the plan's period is
//! generated from these rules; the user can move or skip any one of them.
//! The training plan (DOMAIN.md §7) uses the same rules: internal sessions
//! monthly, external ones quarterly, off until the plan turns them on.

use crate::domain::core::calendar::{last_weekday_of_month, months_between, quarter_end, week_start, WorkCalendar};
use crate::domain::core::order::{moment, sort_by_rank};
use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Weekday};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MeetingKind {
    Weekly,
    Monthly,
    Quarterly,
    /// Internal training, monthly.
    InternalTraining,
    /// External training, quarterly.
    ExternalTraining,
}

impl MeetingKind {
    pub const ALL: [MeetingKind; 5] = [
        Self::Weekly,
        Self::Monthly,
        Self::Quarterly,
        Self::InternalTraining,
        Self::ExternalTraining,
    ];

    pub fn is_training(self) -> bool {
        matches!(self, Self::InternalTraining | Self::ExternalTraining)
    }

    pub fn code(self) -> &'static str {
        match self {
            Self::Weekly => "weekly",
            Self::Monthly => "monthly",
            Self::Quarterly => "quarterly",
            Self::InternalTraining => "internal_training",
            Self::ExternalTraining => "external_training",
        }
    }
}

/// One rule: on or off, its time of day and length.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingRule {
    pub enabled: bool,
    pub time: NaiveTime,
    pub minutes: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingSettings {
    pub weekly: MeetingRule,
    /// The weekday of the weekly meeting.
    pub weekday: Weekday,
    pub monthly: MeetingRule,
    pub quarterly: MeetingRule,
    #[serde(default, skip_serializing_if = "Training::is_off")]
    pub training: Training,
    /// Moved or skipped occurrences, by kind and the date the rule gave.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty", with = "changes_as_list")]
    pub changes: BTreeMap<(MeetingKind, NaiveDate), MeetingChange>,
}

/// The training plan: internal sessions on a day of every month, external
/// ones on a day of the middle month of every quarter. A day past the
/// month's end (31 in April) is its last day; a day off moves to the next
/// working day in the month, or else to the working day before.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Training {
    pub internal: MeetingRule,
    pub internal_day: u32,
    pub external: MeetingRule,
    pub external_day: u32,
}

impl Default for Training {
    fn default() -> Self {
        Training {
            internal: MeetingRule {
                enabled: false,
                time: at(15, 0),
                minutes: 90,
            },
            internal_day: 15,
            external: MeetingRule {
                enabled: false,
                time: at(9, 30),
                minutes: 360,
            },
            external_day: 20,
        }
    }
}

impl Training {
    /// Stored only when it differs from the default (off), so files of
    /// plans without training read and write as before.
    fn is_off(&self) -> bool {
        *self == Training::default()
    }
}

/// The training day of `month` (its first day given): `day` clamped to the
/// month, then the next working day inside the month, else the one before.
pub fn training_day(month: NaiveDate, day: u32, cal: &WorkCalendar) -> NaiveDate {
    let last = crate::domain::core::calendar::month_end(month);
    let wanted = month.with_day(day.clamp(1, last.day())).unwrap_or(last);
    let mut d = wanted;
    while d <= last {
        if cal.is_working_day(d) {
            return d;
        }
        d = d.succ_opt().unwrap_or(last + Duration::days(1));
    }
    cal.on_or_before(wanted)
}

fn at(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap_or(NaiveTime::MIN)
}

impl Default for MeetingSettings {
    /// DOMAIN.md §5: weekly Monday 09:00, monthly review on the last Friday,
    /// quarterly strategy meeting at quarter end.
    fn default() -> Self {
        MeetingSettings {
            weekly: MeetingRule {
                enabled: true,
                time: at(9, 0),
                minutes: 60,
            },
            weekday: Weekday::Mon,
            monthly: MeetingRule {
                enabled: true,
                time: at(14, 0),
                minutes: 120,
            },
            quarterly: MeetingRule {
                enabled: true,
                time: at(9, 30),
                minutes: 180,
            },
            training: Training::default(),
            changes: BTreeMap::new(),
        }
    }
}

impl MeetingSettings {
    pub fn rule(&self, kind: MeetingKind) -> &MeetingRule {
        match kind {
            MeetingKind::Weekly => &self.weekly,
            MeetingKind::Monthly => &self.monthly,
            MeetingKind::Quarterly => &self.quarterly,
            MeetingKind::InternalTraining => &self.training.internal,
            MeetingKind::ExternalTraining => &self.training.external,
        }
    }

    pub fn rule_mut(&mut self, kind: MeetingKind) -> &mut MeetingRule {
        match kind {
            MeetingKind::Weekly => &mut self.weekly,
            MeetingKind::Monthly => &mut self.monthly,
            MeetingKind::Quarterly => &mut self.quarterly,
            MeetingKind::InternalTraining => &mut self.training.internal,
            MeetingKind::ExternalTraining => &mut self.training.external,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MeetingChange {
    Skip,
    MoveTo(NaiveDateTime),
}

/// A JSON object cannot have a tuple as key; the changes are stored as a list.
mod changes_as_list {
    use super::*;
    use serde::{Deserializer, Serializer};

    #[derive(Serialize, Deserialize)]
    struct Entry {
        kind: MeetingKind,
        date: NaiveDate,
        change: MeetingChange,
    }

    pub fn serialize<S: Serializer>(
        map: &BTreeMap<(MeetingKind, NaiveDate), MeetingChange>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        let list: Vec<Entry> = map
            .iter()
            .map(|(&(kind, date), &change)| Entry { kind, date, change })
            .collect();
        list.serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<BTreeMap<(MeetingKind, NaiveDate), MeetingChange>, D::Error> {
        let list = Vec::<Entry>::deserialize(d)?;
        Ok(crate::domain::core::order::map_of(
            list.into_iter().map(|e| ((e.kind, e.date), e.change)),
        ))
    }
}

/// One meeting on the calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Meeting {
    pub kind: MeetingKind,
    /// The date the rule gives; with the kind, it names the occurrence.
    pub planned: NaiveDate,
    pub start: NaiveDateTime,
    pub minutes: u32,
    pub skipped: bool,
    pub moved: bool,
}

/// Every meeting from `from` to `to`, skipped ones included (marked), sorted
/// by start.
pub fn meetings(settings: &MeetingSettings, cal: &WorkCalendar, from: NaiveDate, to: NaiveDate) -> Vec<Meeting> {
    let mut planned: Vec<(MeetingKind, NaiveDate)> = Vec::new();
    if settings.weekly.enabled {
        let first = week_start(from) + Duration::days(settings.weekday.num_days_from_monday().into());
        let mut d = if first < from { first + Duration::days(7) } else { first };
        while d <= to {
            planned.push((MeetingKind::Weekly, d));
            d += Duration::days(7);
        }
    }
    for month in months_between(from, to) {
        if settings.monthly.enabled {
            // A last Friday that is a day off (Mid-Autumn on 25 Sep 2026)
            // moves to the working day before, as the quarterly one does.
            let d = cal.on_or_before(last_weekday_of_month(month, Weekday::Fri));
            if (from..=to).contains(&d) {
                planned.push((MeetingKind::Monthly, d));
            }
        }
        let training = &settings.training;
        if training.internal.enabled {
            let d = training_day(month, training.internal_day, cal);
            if (from..=to).contains(&d) {
                planned.push((MeetingKind::InternalTraining, d));
            }
        }
        if training.external.enabled && month.month() % 3 == 2 {
            let d = training_day(month, training.external_day, cal);
            if (from..=to).contains(&d) {
                planned.push((MeetingKind::ExternalTraining, d));
            }
        }
        if settings.quarterly.enabled && month.month() % 3 == 0 {
            let d = cal.on_or_before(quarter_end(month));
            if (from..=to).contains(&d) {
                planned.push((MeetingKind::Quarterly, d));
            }
        }
    }
    let mut out: Vec<Meeting> = planned
        .into_iter()
        .map(|(kind, date)| {
            let rule = settings.rule(kind);
            let mut m = Meeting {
                kind,
                planned: date,
                start: date.and_time(rule.time),
                minutes: rule.minutes,
                skipped: false,
                moved: false,
            };
            match settings.changes.get(&(kind, date)) {
                Some(MeetingChange::Skip) => m.skipped = true,
                Some(MeetingChange::MoveTo(when)) => {
                    m.start = *when;
                    m.moved = true;
                }
                None => {}
            }
            m
        })
        .collect();
    sort_by_rank(&mut out, |m| (moment(m.start), m.kind as i64));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
    }

    #[test]
    fn a_quarter_has_its_mondays_last_fridays_and_one_strategy_meeting() {
        let s = MeetingSettings::default();
        let all = meetings(&s, &WorkCalendar::default(), d(2026, 10, 1), d(2026, 12, 31));
        let of = |k| {
            all.iter()
                .filter(|m| m.kind == k)
                .map(|m| m.planned)
                .collect::<Vec<_>>()
        };
        assert_eq!(of(MeetingKind::Weekly).len(), 13);
        assert_eq!(of(MeetingKind::Weekly)[0], d(2026, 10, 5));
        assert_eq!(
            of(MeetingKind::Monthly),
            [d(2026, 10, 30), d(2026, 11, 27), d(2026, 12, 25)]
        );
        assert_eq!(of(MeetingKind::Quarterly), [d(2026, 12, 31)]);
        assert_eq!(all[0].start, d(2026, 10, 5).and_time(at(9, 0)));
    }

    #[test]
    fn training_is_off_until_turned_on_then_monthly_and_quarterly() {
        let mut s = MeetingSettings::default();
        let cal = WorkCalendar::default();
        assert!(meetings(&s, &cal, d(2027, 1, 1), d(2027, 12, 31))
            .iter()
            .all(|m| !m.kind.is_training()));
        s.training.internal.enabled = true;
        s.training.external.enabled = true;
        let all = meetings(&s, &cal, d(2027, 1, 1), d(2027, 12, 31));
        let of = |k| {
            all.iter()
                .filter(|m| m.kind == k)
                .map(|m| m.planned)
                .collect::<Vec<_>>()
        };
        let internal = of(MeetingKind::InternalTraining);
        assert_eq!(internal.len(), 12);
        // 15 May 2027 is a Saturday: the Monday after.
        assert_eq!(internal[4], d(2027, 5, 17));
        // External: the middle month of each quarter, on the 20th.
        assert_eq!(
            of(MeetingKind::ExternalTraining),
            [d(2027, 2, 22), d(2027, 5, 20), d(2027, 8, 20), d(2027, 11, 22)]
        );
        assert_eq!(
            all.iter()
                .find(|m| m.kind == MeetingKind::InternalTraining)
                .map(|m| m.minutes),
            Some(90)
        );
    }

    #[test]
    fn a_training_day_past_the_month_end_or_on_a_holiday_stays_in_its_month() {
        let mut cal = WorkCalendar::default();
        // 31 → 30 April 2027 (a Friday).
        assert_eq!(training_day(d(2027, 4, 1), 31, &cal), d(2027, 4, 30));
        // 31 → 28 Feb 2027 is a Sunday, and March is another month: the Friday before.
        assert_eq!(training_day(d(2027, 2, 1), 31, &cal), d(2027, 2, 26));
        // Leap year: 29 Feb 2028 is a Tuesday.
        assert_eq!(training_day(d(2028, 2, 1), 30, &cal), d(2028, 2, 29));
        // A holiday on the day moves it to the next working day.
        cal.holidays.insert(d(2027, 6, 15));
        assert_eq!(training_day(d(2027, 6, 1), 15, &cal), d(2027, 6, 16));
        // The official calendar: 1 Oct 2026 and the Golden Week after it are off.
        let official = crate::domain::core::holidays::china_mainland();
        assert_eq!(training_day(d(2026, 10, 1), 1, &official), d(2026, 10, 8));
    }

    #[test]
    fn the_quarterly_meeting_skips_weekends_and_holidays() {
        let mut cal = WorkCalendar::default();
        cal.holidays.insert(d(2028, 12, 29));
        let all = meetings(&MeetingSettings::default(), &cal, d(2028, 10, 1), d(2028, 12, 31));
        let q: Vec<_> = all.iter().filter(|m| m.kind == MeetingKind::Quarterly).collect();
        assert_eq!(q[0].planned, d(2028, 12, 28));
    }

    #[test]
    fn one_occurrence_can_be_moved_or_skipped_and_round_trips() {
        let mut s = MeetingSettings::default();
        let moved_to = d(2026, 11, 24).and_time(at(10, 30));
        s.changes
            .insert((MeetingKind::Weekly, d(2026, 11, 23)), MeetingChange::MoveTo(moved_to));
        s.changes
            .insert((MeetingKind::Monthly, d(2026, 11, 27)), MeetingChange::Skip);
        let all = meetings(&s, &WorkCalendar::default(), d(2026, 11, 1), d(2026, 11, 30));
        let moved = all.iter().find(|m| m.planned == d(2026, 11, 23)).unwrap();
        assert!(moved.moved && moved.start == moved_to);
        assert!(all.iter().find(|m| m.kind == MeetingKind::Monthly).unwrap().skipped);
        let json = serde_json::to_string(&s).unwrap();
        assert_eq!(serde_json::from_str::<MeetingSettings>(&json).unwrap(), s);
    }

    #[test]
    fn rules_can_be_turned_off() {
        let mut s = MeetingSettings::default();
        s.weekly.enabled = false;
        s.weekday = Weekday::Wed;
        let all = meetings(&s, &WorkCalendar::default(), d(2026, 11, 1), d(2026, 11, 30));
        assert!(all.iter().all(|m| m.kind != MeetingKind::Weekly));
        s.weekly.enabled = true;
        let all = meetings(&s, &WorkCalendar::default(), d(2026, 11, 1), d(2026, 11, 30));
        assert_eq!(all[0].planned, d(2026, 11, 4));
    }

    #[test]
    fn a_monthly_review_on_an_official_holiday_moves_to_the_working_day_before() {
        let cal = crate::domain::core::holidays::china_mainland();
        let settings = MeetingSettings::default();
        let all = meetings(&settings, &cal, d(2026, 9, 1), d(2026, 9, 30));
        let monthly: Vec<_> = all.iter().filter(|m| m.kind == MeetingKind::Monthly).collect();
        // 25 Sep 2026, the last Friday, is Mid-Autumn; 24 Sep is worked.
        assert_eq!(monthly.len(), 1);
        assert_eq!(monthly[0].planned, d(2026, 9, 24));
        // The quarter ends on Wednesday 30 Sep, a working day.
        let quarterly: Vec<_> = all.iter().filter(|m| m.kind == MeetingKind::Quarterly).collect();
        assert_eq!(quarterly[0].planned, d(2026, 9, 30));
    }
}
