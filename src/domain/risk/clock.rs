//! Incidents and their response clocks. A step's time limit runs on the
//! wall clock (a PR crisis: respond within 2 hours, an official statement
//! within 24, DOMAIN.md §8) or on working time: the plan's working hours on
//! its working days, which skip weekends and holidays and count make-up
//! working days (调休) from the plan's calendar.

use super::Category;
use crate::domain::core::calendar::WorkCalendar;
use crate::domain::core::ids::{IdSource, ItemId};
use chrono::{Duration, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Clock {
    #[default]
    Wall,
    Working,
}

crate::coded!(Clock { Wall = "wall", Working = "working" });

/// The working day's hours, e.g. 09:00-18:00.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkingHours {
    pub start: NaiveTime,
    pub end: NaiveTime,
}

impl Default for WorkingHours {
    fn default() -> Self {
        WorkingHours {
            start: NaiveTime::from_hms_opt(9, 0, 0).unwrap_or(NaiveTime::MIN),
            end: NaiveTime::from_hms_opt(18, 0, 0).unwrap_or(NaiveTime::MIN),
        }
    }
}

impl WorkingHours {
    pub fn is_valid(self) -> bool {
        self.start < self.end
    }
}

/// One response step and its time limit, counted from the incident's start.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    pub id: ItemId,
    pub name: String,
    pub minutes: u32,
    #[serde(default)]
    pub clock: Clock,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done: Option<NaiveDateTime>,
}

/// A risk that happened: when it started and the steps of the response.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Incident {
    pub id: ItemId,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub risk: Option<ItemId>,
    pub title: String,
    pub started: NaiveDateTime,
    #[serde(default)]
    pub steps: Vec<Step>,
}

/// How much of the day counts on each clock: it stops after 30 years of
/// days without working time (a calendar that is all holidays is a typo).
const GUARD_DAYS: u32 = 366 * 30;

/// The moment `minutes` of working time after `from`. Time outside working
/// hours does not count: from 17:30 with two hours to go, the limit runs
/// out at 10:30 on the next working day.
pub fn add_working(from: NaiveDateTime, minutes: u32, hours: WorkingHours, cal: &WorkCalendar) -> NaiveDateTime {
    if !hours.is_valid() {
        return from + Duration::minutes(i64::from(minutes));
    }
    let mut at = from;
    let mut left = i64::from(minutes);
    for _ in 0..GUARD_DAYS {
        let day = at.date();
        if cal.is_working_day(day) {
            let (open, close) = (day.and_time(hours.start), day.and_time(hours.end));
            if at < open {
                at = open;
            }
            if at < close {
                let free = (close - at).num_minutes();
                if left <= free {
                    return at + Duration::minutes(left);
                }
                left -= free;
            }
        }
        let Some(next) = day.succ_opt() else { break };
        at = next.and_time(hours.start);
    }
    at
}

/// Working minutes between two moments (0 if `to` is not after `from`).
pub fn working_minutes(from: NaiveDateTime, to: NaiveDateTime, hours: WorkingHours, cal: &WorkCalendar) -> i64 {
    if to <= from {
        return 0;
    }
    if !hours.is_valid() {
        return (to - from).num_minutes();
    }
    let mut total = 0;
    let mut day = from.date();
    for _ in 0..GUARD_DAYS {
        if day > to.date() {
            break;
        }
        if cal.is_working_day(day) {
            let open = day.and_time(hours.start).max(from);
            let close = day.and_time(hours.end).min(to);
            if close > open {
                total += (close - open).num_minutes();
            }
        }
        let Some(next) = day.succ_opt() else { break };
        day = next;
    }
    total
}

/// Where a step stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepState {
    /// Not done; `left` minutes on its clock (negative: overdue by that much).
    Open { due: NaiveDateTime, left: i64 },
    /// Done, having taken `taken` minutes on its clock.
    Done {
        due: NaiveDateTime,
        at: NaiveDateTime,
        taken: i64,
        late: bool,
    },
}

impl StepState {
    pub fn is_overdue(self) -> bool {
        match self {
            StepState::Open { left, .. } => left < 0,
            StepState::Done { late, .. } => late,
        }
    }
}

impl Step {
    pub fn due(&self, started: NaiveDateTime, hours: WorkingHours, cal: &WorkCalendar) -> NaiveDateTime {
        match self.clock {
            Clock::Wall => started + Duration::minutes(i64::from(self.minutes)),
            Clock::Working => add_working(started, self.minutes, hours, cal),
        }
    }

    /// Minutes between two moments on this step's clock.
    fn span(&self, from: NaiveDateTime, to: NaiveDateTime, hours: WorkingHours, cal: &WorkCalendar) -> i64 {
        match self.clock {
            Clock::Wall => (to - from).num_minutes(),
            Clock::Working if to >= from => working_minutes(from, to, hours, cal),
            Clock::Working => -working_minutes(to, from, hours, cal),
        }
    }

    pub fn state(
        &self,
        started: NaiveDateTime,
        now: NaiveDateTime,
        hours: WorkingHours,
        cal: &WorkCalendar,
    ) -> StepState {
        let due = self.due(started, hours, cal);
        match self.done {
            Some(at) => StepState::Done {
                due,
                at,
                taken: self.span(started, at, hours, cal).max(0),
                late: at > due,
            },
            None => StepState::Open {
                due,
                left: self.span(now, due, hours, cal),
            },
        }
    }
}

/// A step's name as the catalogue key's last part, for the defaults.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DefaultStep {
    /// First response (PR: within 2 hours on the wall clock).
    Respond,
    /// Official statement (PR: within 24 hours).
    Statement,
    /// Other risks: a first response within 4 working hours…
    Contain,
    /// …and the cause fixed within 3 working days (27 working hours).
    Resolve,
}

impl DefaultStep {
    /// The steps a new incident of a category starts with (the user may
    /// change or add any).
    pub fn for_category(category: Category) -> [(DefaultStep, u32, Clock); 2] {
        match category {
            Category::PrCrisis | Category::BrandDamage => [
                (DefaultStep::Respond, 120, Clock::Wall),
                (DefaultStep::Statement, 24 * 60, Clock::Wall),
            ],
            _ => [
                (DefaultStep::Contain, 4 * 60, Clock::Working),
                (DefaultStep::Resolve, 27 * 60, Clock::Working),
            ],
        }
    }
}

impl Incident {
    /// A new incident with its category's default steps; `name` gives each
    /// default step's name in the user's language.
    pub fn new(
        ids: &mut impl IdSource,
        risk: Option<ItemId>,
        category: Category,
        title: &str,
        started: NaiveDateTime,
        name: impl Fn(DefaultStep) -> String,
    ) -> Incident {
        Incident {
            id: ids.item_id(),
            risk,
            title: title.to_owned(),
            started,
            steps: DefaultStep::for_category(category)
                .into_iter()
                .map(|(step, minutes, clock)| Step {
                    id: ids.item_id(),
                    name: name(step),
                    minutes,
                    clock,
                    done: None,
                })
                .collect(),
        }
    }

    pub fn is_closed(&self) -> bool {
        !self.steps.is_empty() && self.steps.iter().all(|s| s.done.is_some())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::core::calendar::OwnDay;
    use crate::domain::core::ids::CountingIds;
    use chrono::NaiveDate;

    fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .unwrap()
            .and_hms_opt(h, min, 0)
            .unwrap()
    }

    fn step(minutes: u32, clock: Clock) -> Step {
        Step {
            id: CountingIds::default().item_id(),
            name: "Respond".into(),
            minutes,
            clock,
            done: None,
        }
    }

    #[test]
    fn wall_clock_limits_run_through_the_night_and_the_weekend() {
        let cal = WorkCalendar::default();
        let h = WorkingHours::default();
        // Friday 22:00, a PR crisis: 2 hours → Saturday 00:00; 24 hours → Saturday 22:00.
        let start = at(2027, 3, 5, 22, 0);
        assert_eq!(step(120, Clock::Wall).due(start, h, &cal), at(2027, 3, 6, 0, 0));
        assert_eq!(step(24 * 60, Clock::Wall).due(start, h, &cal), at(2027, 3, 6, 22, 0));
    }

    #[test]
    fn working_time_skips_the_evening_and_the_weekend() {
        let cal = WorkCalendar::default();
        let h = WorkingHours::default();
        // Thursday 17:30 + 2 h: 30 min on Thursday, 90 on Friday → Fri 10:30.
        assert_eq!(
            add_working(at(2027, 3, 4, 17, 30), 120, h, &cal),
            at(2027, 3, 5, 10, 30)
        );
        // Friday 17:00 + 4 h: 1 h Friday, 3 h Monday → Mon 12:00.
        assert_eq!(add_working(at(2027, 3, 5, 17, 0), 240, h, &cal), at(2027, 3, 8, 12, 0));
        // Saturday night counts from Monday's opening.
        assert_eq!(add_working(at(2027, 3, 6, 23, 0), 60, h, &cal), at(2027, 3, 8, 10, 0));
        // Exactly the rest of the day ends at closing time, not the next morning.
        assert_eq!(add_working(at(2027, 3, 4, 9, 0), 540, h, &cal), at(2027, 3, 4, 18, 0));
    }

    #[test]
    fn working_time_skips_holidays_and_counts_make_up_days() {
        let mut cal = WorkCalendar::default();
        // Monday a holiday; the Sunday before it worked (调休).
        cal.set_day(NaiveDate::from_ymd_opt(2027, 3, 8).unwrap(), Some(OwnDay::Off));
        cal.set_day(NaiveDate::from_ymd_opt(2027, 3, 7).unwrap(), Some(OwnDay::Worked));
        let h = WorkingHours::default();
        // Friday 17:00 + 4 h: 1 h Friday, 3 h on the worked Sunday.
        assert_eq!(add_working(at(2027, 3, 5, 17, 0), 240, h, &cal), at(2027, 3, 7, 12, 0));
        // Sunday 17:00 + 2 h: 1 h Sunday, Monday off, 1 h Tuesday.
        assert_eq!(add_working(at(2027, 3, 7, 17, 0), 120, h, &cal), at(2027, 3, 9, 10, 0));
        assert_eq!(
            working_minutes(at(2027, 3, 7, 17, 0), at(2027, 3, 9, 10, 0), h, &cal),
            120
        );
    }

    #[test]
    fn a_step_shows_time_left_then_time_taken() {
        let cal = WorkCalendar::default();
        let h = WorkingHours::default();
        let start = at(2027, 3, 5, 22, 0);
        let mut s = step(120, Clock::Wall);
        assert_eq!(
            s.state(start, at(2027, 3, 5, 23, 0), h, &cal),
            StepState::Open {
                due: at(2027, 3, 6, 0, 0),
                left: 60
            }
        );
        assert!(s.state(start, at(2027, 3, 6, 0, 30), h, &cal).is_overdue());
        s.done = Some(at(2027, 3, 5, 23, 40));
        assert_eq!(
            s.state(start, at(2027, 3, 9, 0, 0), h, &cal),
            StepState::Done {
                due: at(2027, 3, 6, 0, 0),
                at: at(2027, 3, 5, 23, 40),
                taken: 100,
                late: false
            }
        );
        // On working time, a Friday-evening start has used none of its limit by Monday 09:00.
        let w = step(240, Clock::Working);
        assert_eq!(
            w.state(start, at(2027, 3, 8, 9, 0), h, &cal),
            StepState::Open {
                due: at(2027, 3, 8, 13, 0),
                left: 240
            }
        );
    }

    #[test]
    fn a_pr_crisis_starts_with_the_two_hour_and_one_day_steps() {
        let mut ids = CountingIds::default();
        let i = Incident::new(
            &mut ids,
            None,
            Category::PrCrisis,
            "Viral post",
            at(2027, 3, 5, 22, 0),
            |s| format!("{s:?}"),
        );
        let limits: Vec<(u32, Clock)> = i.steps.iter().map(|s| (s.minutes, s.clock)).collect();
        assert_eq!(limits, vec![(120, Clock::Wall), (1440, Clock::Wall)]);
        assert!(!i.is_closed());
    }
}
