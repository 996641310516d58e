//! Meeting cadence (会议节奏, DOMAIN.md §5): a weekly meeting, a monthly
//! review on the last Friday, a quarterly strategy meeting on the last
//! working day of the quarter. Every occurrence in the plan's period is
//! generated from these rules; the user can move or skip any one of them.

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
}

impl MeetingKind {
    pub const ALL: [MeetingKind; 3] = [Self::Weekly, Self::Monthly, Self::Quarterly];

    pub fn code(self) -> &'static str {
        match self {
            Self::Weekly => "weekly",
            Self::Monthly => "monthly",
            Self::Quarterly => "quarterly",
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
    /// Moved or skipped occurrences, by kind and the date the rule gave.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty", with = "changes_as_list")]
    pub changes: BTreeMap<(MeetingKind, NaiveDate), MeetingChange>,
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
        }
    }

    pub fn rule_mut(&mut self, kind: MeetingKind) -> &mut MeetingRule {
        match kind {
            MeetingKind::Weekly => &mut self.weekly,
            MeetingKind::Monthly => &mut self.monthly,
            MeetingKind::Quarterly => &mut self.quarterly,
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
