//! The marketing calendar's month as a grid (Crux-style view model): weeks
//! from Monday to Sunday with their ISO week numbers, what falls on each day
//! (marketing dates, key events, meetings, content pieces) and the tasks that
//! run through each week, with the columns they span. The component only
//! draws it.

use super::plan_meetings;
use crate::domain::core::calendar::{iso_week, marketing_dates_between, month_end, week_start, MarketingDay};
use crate::domain::implementation::meetings::MeetingKind;
use crate::domain::implementation::schedule::Analysis;
use crate::domain::plan::Plan;
use chrono::{Datelike, Duration, NaiveDate, NaiveTime};
use std::collections::BTreeMap;

/// Task bars drawn per week; the rest are counted.
pub const LANES: usize = 6;

#[derive(Clone, Debug, PartialEq)]
pub enum Chip {
    Marketing(MarketingDay),
    Event { title: String, promotion: bool },
    Meeting { time: NaiveTime, kind: MeetingKind },
    Content { channel: String, pieces: usize },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Day {
    pub date: NaiveDate,
    /// In another month, or outside the plan period: drawn muted.
    pub outside: bool,
    pub today: bool,
    pub chips: Vec<Chip>,
}

/// A task's bar in one week: grid columns `from` up to (not including) `to`,
/// 1 being Monday.
#[derive(Clone, Debug, PartialEq)]
pub struct Span {
    pub title: String,
    pub from: i64,
    pub to: i64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Week {
    pub iso_week: u32,
    pub days: Vec<Day>,
    pub spans: Vec<Span>,
    /// Tasks in the week beyond the [`LANES`] drawn.
    pub hidden: usize,
}

/// The grid of the month starting on `month`.
pub fn month_grid(plan: &Plan, analysis: &Analysis, month: NaiveDate, today: NaiveDate, marketing: bool) -> Vec<Week> {
    let (period, imp) = (&plan.period, &plan.implementation);
    let grid_start = week_start(month);
    let grid_end = week_start(month_end(month)) + Duration::days(6);
    let mut chips: BTreeMap<NaiveDate, Vec<Chip>> = BTreeMap::new();
    let mut each_day = |from: NaiveDate, to: NaiveDate, chip: Chip| {
        let mut d = from.max(grid_start);
        while d <= to.min(grid_end) {
            chips.entry(d).or_default().push(chip.clone());
            d += Duration::days(1);
        }
    };
    if marketing {
        for md in marketing_dates_between(grid_start, grid_end) {
            each_day(md.start, md.end, Chip::Marketing(md.day));
        }
    }
    for e in &imp.events {
        let chip = Chip::Event {
            title: e.title.clone(),
            promotion: e.promotion,
        };
        each_day(e.start, e.end, chip);
    }
    for meeting in plan_meetings(plan).iter().filter(|m| !m.skipped) {
        let day = meeting.start.date();
        let chip = Chip::Meeting {
            time: meeting.start.time(),
            kind: meeting.kind,
        };
        each_day(day, day, chip);
    }
    for c in &imp.content {
        let mut per_day: BTreeMap<NaiveDate, usize> = BTreeMap::new();
        for day in c.placements(grid_start.max(period.start), grid_end.min(period.end)) {
            *per_day.entry(day).or_default() += 1;
        }
        for (day, pieces) in per_day {
            let chip = Chip::Content {
                channel: c.channel.clone(),
                pieces,
            };
            each_day(day, day, chip);
        }
    }

    let mut weeks = Vec::new();
    let mut monday = grid_start;
    while monday <= grid_end {
        let sunday = monday + Duration::days(6);
        let days = (0..7)
            .map(|i| {
                let date = monday + Duration::days(i);
                Day {
                    date,
                    outside: date.month() != month.month() || !period.contains(date),
                    today: date == today,
                    chips: chips.remove(&date).unwrap_or_default(),
                }
            })
            .collect();
        let running: Vec<_> = imp
            .tasks
            .iter()
            .filter_map(|t| analysis.dates.get(&t.id).map(|d| (t, *d)))
            .filter(|(_, (s, e))| *s <= sunday && *e >= monday)
            .collect();
        let spans = running
            .iter()
            .take(LANES)
            .map(|(t, (s, e))| Span {
                title: t.title.clone(),
                from: ((*s).max(monday) - monday).num_days() + 1,
                to: ((*e).min(sunday) - monday).num_days() + 2,
            })
            .collect();
        weeks.push(Week {
            iso_week: iso_week(monday).1,
            days,
            spans,
            hidden: running.len().saturating_sub(LANES),
        });
        monday += Duration::days(7);
    }
    weeks
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::core::ids::{CountingIds, IdSource};
    use crate::domain::core::period::{Period, PeriodKind};
    use crate::domain::implementation::schedule::{Task, When};
    use crate::domain::implementation::KeyEvent;
    use crate::domain::plan::Currency;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
    }

    #[test]
    fn november_2026_runs_monday_to_sunday_with_what_falls_on_each_day() {
        let mut ids = CountingIds::default();
        let period = Period::starting_from(PeriodKind::Quarter, d(2026, 10, 1));
        let mut plan = Plan::new(ids.plan_id(), "Q4", "", period, Currency::default(), chrono::Utc::now()).unwrap();
        std::rc::Rc::make_mut(&mut plan.implementation).events.push(KeyEvent {
            id: ids.item_id(),
            title: "Expo <b>".into(),
            start: d(2026, 11, 10),
            end: d(2026, 11, 11),
            promotion: true,
        });
        let task = Task::new(
            ids.item_id(),
            "Launch",
            When::Date(d(2026, 11, 4)),
            When::Date(d(2026, 11, 12)),
        );
        std::rc::Rc::make_mut(&mut plan.implementation).tasks.push(task);
        let analysis = Analysis::of(&plan.implementation.tasks, None);
        let weeks = month_grid(&plan, &analysis, d(2026, 11, 1), d(2026, 11, 25), true);
        // 1 Nov 2026 is a Sunday: the grid starts on Monday 26 Oct (ISO week 44)
        // and ends on Sunday 6 Dec.
        assert_eq!(weeks.len(), 6);
        assert_eq!((weeks[0].iso_week, weeks[0].days[0].date), (44, d(2026, 10, 26)));
        assert!(weeks[0].days[0].outside && !weeks[0].days[6].outside);
        assert_eq!(weeks[5].days[6].date, d(2026, 12, 6));
        let day = |date: NaiveDate| weeks.iter().flat_map(|w| &w.days).find(|x| x.date == date).unwrap();
        let expo = Chip::Event {
            title: "Expo <b>".into(),
            promotion: true,
        };
        assert!(day(d(2026, 11, 10)).chips.contains(&expo) && day(d(2026, 11, 11)).chips.contains(&expo));
        assert!(!day(d(2026, 11, 12)).chips.contains(&expo));
        assert!(day(d(2026, 11, 11))
            .chips
            .contains(&Chip::Marketing(MarketingDay::Double11)));
        assert!(day(d(2026, 11, 25)).today);
        // The monthly review on the last Friday, 27 Nov.
        assert!(day(d(2026, 11, 27)).chips.iter().any(|c| matches!(
            c,
            Chip::Meeting {
                kind: MeetingKind::Monthly,
                ..
            }
        )));
        // The task runs Wednesday 4 Nov (column 3) into the next week.
        assert_eq!(
            weeks[1].spans,
            vec![Span {
                title: "Launch".into(),
                from: 3,
                to: 8
            }]
        );
        assert_eq!(
            weeks[2].spans,
            vec![Span {
                title: "Launch".into(),
                from: 1,
                to: 5
            }]
        );
    }
}
