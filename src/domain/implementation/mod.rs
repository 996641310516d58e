//! Chapter 5, the implementation plan (实施计划与行动方案): what a plan
//! stores for it, and the marketing calendar's own data (month themes, key
//! events, content cadence).

pub mod edit;
pub mod meetings;
pub mod schedule;
pub mod templates;

use crate::domain::core::calendar::{month_end, month_start, overlapping_pairs, week_start, WorkCalendar};
use crate::domain::core::ids::ItemId;
use crate::domain::implementation::meetings::MeetingSettings;
use crate::domain::implementation::schedule::{Phase, Task};
use crate::domain::plan::Unknown;
use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize};
use std::collections::BTreeMap;

/// Reminders come this many days before a task's end date by default.
pub const DEFAULT_REMINDER_DAYS: u32 = 3;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Implementation {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phases: Vec<Phase>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tasks: Vec<Task>,
    #[serde(default = "default_reminder_days")]
    pub reminder_days: u32,
    #[serde(default)]
    pub time_zone: TimeZone,
    #[serde(default)]
    pub meetings: MeetingSettings,
    #[serde(default)]
    pub work_calendar: WorkCalendar,
    /// A theme per month (月度主题), keyed by "YYYY-MM".
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub themes: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<KeyEvent>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub content: Vec<ContentCadence>,
    #[serde(flatten)]
    pub unknown: Unknown,
}

fn default_reminder_days() -> u32 {
    DEFAULT_REMINDER_DAYS
}

impl Default for Implementation {
    fn default() -> Self {
        Implementation {
            phases: Vec::new(),
            tasks: Vec::new(),
            reminder_days: DEFAULT_REMINDER_DAYS,
            time_zone: TimeZone::default(),
            meetings: MeetingSettings::default(),
            work_calendar: WorkCalendar::default(),
            themes: BTreeMap::new(),
            events: Vec::new(),
            content: Vec::new(),
            unknown: Unknown::new(),
        }
    }
}

impl Implementation {
    pub fn task(&self, id: ItemId) -> Option<&Task> {
        self.tasks.iter().find(|t| t.id == id)
    }

    pub fn phase(&self, id: ItemId) -> Option<&Phase> {
        self.phases.iter().find(|p| p.id == id)
    }

    /// The key of a month in `themes`.
    pub fn month_key(month: NaiveDate) -> String {
        crate::domain::core::calendar::month_text(month)
    }

    pub fn theme(&self, month: NaiveDate) -> Option<&str> {
        self.themes.get(&Self::month_key(month)).map(String::as_str)
    }

    /// Pairs of promotions that run on the same day at least once.
    pub fn overlapping_promotions(&self) -> Vec<(&KeyEvent, &KeyEvent)> {
        let promos: Vec<&KeyEvent> = self.events.iter().filter(|e| e.promotion).collect();
        let spans: Vec<_> = promos.iter().map(|e| (e.start, e.end.max(e.start))).collect();
        overlapping_pairs(&spans)
            .into_iter()
            .map(|(a, b)| (promos[a], promos[b]))
            .collect()
    }
}

/// Time zones whose offset never changes, so meetings can be written to a
/// calendar file without daylight-saving rules.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum TimeZone {
    #[default]
    Shanghai,
    HongKong,
    Taipei,
    Singapore,
    Tokyo,
    Seoul,
    Utc,
}

impl TimeZone {
    pub const ALL: [TimeZone; 7] = [
        Self::Shanghai,
        Self::HongKong,
        Self::Taipei,
        Self::Singapore,
        Self::Tokyo,
        Self::Seoul,
        Self::Utc,
    ];

    /// The IANA name, as calendars know it.
    pub fn name(self) -> &'static str {
        match self {
            Self::Shanghai => "Asia/Shanghai",
            Self::HongKong => "Asia/Hong_Kong",
            Self::Taipei => "Asia/Taipei",
            Self::Singapore => "Asia/Singapore",
            Self::Tokyo => "Asia/Tokyo",
            Self::Seoul => "Asia/Seoul",
            Self::Utc => "UTC",
        }
    }

    pub fn offset_minutes(self) -> i32 {
        match self {
            Self::Tokyo | Self::Seoul => 9 * 60,
            Self::Utc => 0,
            _ => 8 * 60,
        }
    }

    pub fn from_name(name: &str) -> Option<TimeZone> {
        Self::ALL.into_iter().find(|z| z.name() == name)
    }
}

impl Serialize for TimeZone {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

impl<'de> Deserialize<'de> for TimeZone {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let name = String::deserialize(d)?;
        TimeZone::from_name(&name).ok_or_else(|| {
            let known: Vec<_> = TimeZone::ALL.iter().map(|z| z.name()).collect();
            serde::de::Error::custom(format!("unknown time zone {name:?}; known: {}", known.join(", ")))
        })
    }
}

/// A key event on the marketing calendar (关键节点); promotions are checked
/// for overlaps.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyEvent {
    pub id: ItemId,
    pub title: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    #[serde(default)]
    pub promotion: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Per {
    Week,
    Month,
}

/// How often a channel publishes (发布节奏), e.g. WeChat articles 2 a week.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContentCadence {
    pub id: ItemId,
    pub channel: String,
    pub count: u32,
    pub per: Per,
}

/// Pieces per week or month are capped so a typo cannot fill the calendar
/// with millions of entries.
pub const MAX_PIECES_PER_SPAN: u32 = 100;

impl ContentCadence {
    /// The publishing days from `from` to `to`: each week (Monday-Sunday) or
    /// month gets `count` pieces spread evenly over its days; pieces that
    /// fall outside the span are not counted.
    pub fn placements(&self, from: NaiveDate, to: NaiveDate) -> Vec<NaiveDate> {
        let count = self.count.min(MAX_PIECES_PER_SPAN);
        let mut out = Vec::new();
        if count == 0 || to < from {
            return out;
        }
        let mut span_start = match self.per {
            Per::Week => week_start(from),
            Per::Month => month_start(from),
        };
        while span_start <= to {
            let span_end = match self.per {
                Per::Week => span_start + Duration::days(6),
                Per::Month => month_end(span_start),
            };
            let days = (span_end - span_start).num_days() + 1;
            for i in 0..i64::from(count) {
                let day = span_start + Duration::days(i * days / i64::from(count));
                if (from..=to).contains(&day) {
                    out.push(day);
                }
            }
            match span_end.succ_opt() {
                Some(next) => span_start = next,
                None => break,
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::core::ids::{CountingIds, IdSource};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
    }

    fn cadence(count: u32, per: Per) -> ContentCadence {
        ContentCadence {
            id: CountingIds::default().item_id(),
            channel: "WeChat".into(),
            count,
            per,
        }
    }

    #[test]
    fn a_quarter_of_the_domain_example_cadence() {
        // Q4 2026: 1 Oct (Thursday) to 31 Dec (Thursday).
        let (from, to) = (d(2026, 10, 1), d(2026, 12, 31));
        let wechat = cadence(2, Per::Week).placements(from, to);
        // 12 full weeks (5 Oct-27 Dec) make 24; the week of Monday 28 Sep
        // adds its Thursday piece (1 Oct), the week of 28 Dec both (28, 31 Dec).
        assert_eq!(wechat.len(), 27);
        assert_eq!(&wechat[..3], [d(2026, 10, 1), d(2026, 10, 5), d(2026, 10, 8)]);
        assert_eq!(
            cadence(1, Per::Month).placements(from, to),
            [d(2026, 10, 1), d(2026, 11, 1), d(2026, 12, 1)]
        );
        assert_eq!(
            cadence(5, Per::Week).placements(d(2026, 11, 23), d(2026, 11, 29)).len(),
            5
        );
        assert!(cadence(0, Per::Week).placements(from, to).is_empty());
        assert_eq!(
            cadence(1_000_000, Per::Week)
                .placements(d(2026, 11, 23), d(2026, 11, 29))
                .len(),
            100
        );
    }

    #[test]
    fn overlapping_promotions_are_reported_and_other_events_ignored() {
        let mut ids = CountingIds::default();
        let mut imp = Implementation::default();
        let ev = |ids: &mut CountingIds, title: &str, s, e, promotion| KeyEvent {
            id: ids.item_id(),
            title: title.into(),
            start: s,
            end: e,
            promotion,
        };
        imp.events = vec![
            ev(&mut ids, "618 presale", d(2027, 6, 1), d(2027, 6, 18), true),
            ev(&mut ids, "Summer sale", d(2027, 6, 15), d(2027, 6, 30), true),
            ev(&mut ids, "Trade fair", d(2027, 6, 16), d(2027, 6, 17), false),
        ];
        let pairs = imp.overlapping_promotions();
        assert_eq!(pairs.len(), 1);
        assert_eq!(
            (pairs[0].0.title.as_str(), pairs[0].1.title.as_str()),
            ("618 presale", "Summer sale")
        );
    }

    #[test]
    fn time_zones_are_checked_by_name() {
        assert_eq!(serde_json::to_string(&TimeZone::Shanghai).unwrap(), "\"Asia/Shanghai\"");
        let err = serde_json::from_str::<TimeZone>("\"Mars/Olympus\"")
            .unwrap_err()
            .to_string();
        assert!(err.contains("Asia/Shanghai"), "{err}");
        let imp: Implementation = serde_json::from_str("{}").unwrap();
        assert_eq!(imp, Implementation::default());
    }
}
