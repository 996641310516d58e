//! Status reports (周报 / 月报): what happened in one week or month of the
//! plan, from the plan's own data: tasks done, started, late and due next,
//! KPIs that moved, spending against plan, approvals waiting, risks
//! triggered, meetings held. Nothing dated after the report's "as of" day
//! (the period's end, or today while it runs) is counted.

use crate::domain::budget::approval::{ApprovalRequest, ApprovalStatus};
use crate::domain::core::calendar::{month_end, month_start, week_start};
use crate::domain::core::money::Money;
use crate::domain::goals::goal::Goal;
use crate::domain::goals::kpi::{CheckIn, Kpi};
use crate::domain::implementation::meetings::{meetings, Meeting};
use crate::domain::implementation::schedule::{Task, TaskStatus};
use crate::domain::plan::Plan;
use crate::domain::risk::{assess, Context, Risk};
use chrono::{Duration, NaiveDate};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ReportKind {
    Weekly,
    Monthly,
}

/// One week (Monday to Sunday) or one calendar month.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReportPeriod {
    pub kind: ReportKind,
    pub start: NaiveDate,
    pub end: NaiveDate,
}

impl ReportPeriod {
    /// The week or month `day` falls in.
    pub fn of(kind: ReportKind, day: NaiveDate) -> ReportPeriod {
        let (start, end) = match kind {
            ReportKind::Weekly => {
                let start = week_start(day);
                (start, start + Duration::days(6))
            }
            ReportKind::Monthly => (month_start(day), month_end(day)),
        };
        ReportPeriod { kind, start, end }
    }

    pub fn next(self) -> ReportPeriod {
        ReportPeriod::of(self.kind, self.end + Duration::days(1))
    }

    pub fn contains(self, day: NaiveDate) -> bool {
        self.start <= day && day <= self.end
    }

    /// Every week or month that overlaps the plan's period, in order.
    pub fn all_in(kind: ReportKind, plan: &Plan) -> Vec<ReportPeriod> {
        let mut out = Vec::new();
        let mut p = ReportPeriod::of(kind, plan.period.start);
        while p.start <= plan.period.end {
            out.push(p);
            p = p.next();
        }
        out
    }

    /// The period to open by default: the one holding today, or the
    /// plan's first or last when today is outside the plan.
    pub fn default_for(kind: ReportKind, plan: &Plan, today: NaiveDate) -> ReportPeriod {
        ReportPeriod::of(kind, today.clamp(plan.period.start, plan.period.end))
    }
}

/// A KPI with a check-in in the period: where it was before and where it is.
#[derive(Clone, Debug, PartialEq)]
pub struct KpiMove<'a> {
    pub goal: &'a Goal,
    pub kpi: &'a Kpi,
    pub before: Option<&'a CheckIn>,
    pub latest: &'a CheckIn,
}

#[derive(Clone, Debug, PartialEq)]
pub struct StatusReport<'a> {
    pub period: ReportPeriod,
    /// The last day counted: the period's end, or today while it runs.
    pub as_of: NaiveDate,
    /// Whether the period has begun by today at all.
    pub started: bool,
    pub done: Vec<&'a Task>,
    pub started_tasks: Vec<&'a Task>,
    pub late: Vec<&'a Task>,
    pub due_next: Vec<&'a Task>,
    pub kpis: Vec<KpiMove<'a>>,
    /// Paid in the period, up to `as_of`.
    pub spent: Money,
    /// The plan's spending for the period: each month's plan (as the
    /// budget's monthly view has it) pro rata to the days of the period in it.
    pub planned: Money,
    /// Submitted by `as_of` and not yet decided.
    pub approvals_waiting: Vec<&'a ApprovalRequest>,
    /// Risks whose KPI crossed its threshold in the period.
    pub risks_triggered: Vec<(&'a Risk, &'a CheckIn)>,
    /// Meetings of the period up to `as_of`, skipped ones left out.
    pub meetings: Vec<Meeting>,
}

impl StatusReport<'_> {
    /// Whether there is anything at all to report.
    pub fn is_empty(&self) -> bool {
        self.done.is_empty()
            && self.started_tasks.is_empty()
            && self.late.is_empty()
            && self.due_next.is_empty()
            && self.kpis.is_empty()
            && !self.spent.is_positive()
            && self.approvals_waiting.is_empty()
            && self.risks_triggered.is_empty()
            && self.meetings.is_empty()
    }
}

fn open(task: &Task) -> bool {
    !matches!(task.status, TaskStatus::Done | TaskStatus::Cancelled)
}

pub fn report(plan: &Plan, period: ReportPeriod, today: NaiveDate) -> StatusReport<'_> {
    let as_of = today.min(period.end);
    let started = today >= period.start;
    let launch = plan.period.launch_day;
    let next = period.next();
    let tasks = &plan.implementation.tasks;
    let end = |t: &Task| t.end.resolve(launch);
    let start = |t: &Task| t.start.resolve(launch);
    let counted = |d: Option<NaiveDate>| d.is_some_and(|d| period.contains(d) && d <= as_of);
    let done = tasks
        .iter()
        .filter(|t| t.status == TaskStatus::Done && counted(end(t)))
        .collect();
    let started_tasks = tasks
        .iter()
        .filter(|t| matches!(t.status, TaskStatus::InProgress | TaskStatus::Done) && counted(start(t)))
        .collect();
    let late = tasks
        .iter()
        .filter(|t| started && open(t) && end(t).is_some_and(|d| d < as_of))
        .collect();
    let due_next = tasks
        .iter()
        .filter(|t| open(t) && end(t).is_some_and(|d| next.contains(d)))
        .collect();

    let mut kpis = Vec::new();
    for goal in plan.goals.iter() {
        for kpi in &goal.kpis {
            let history = kpi.history(&plan.period);
            let Some(latest) = history.iter().rev().find(|c| counted(Some(c.date))) else {
                continue;
            };
            let before = history.iter().rev().find(|c| c.date < period.start).copied();
            kpis.push(KpiMove {
                goal,
                kpi,
                before,
                latest,
            });
        }
    }

    let b = &plan.budget;
    let spent = b
        .lines
        .iter()
        .flat_map(|l| &l.actuals)
        .filter(|a| counted(Some(a.date)))
        .map(|a| a.amount)
        .sum();
    let planned = b
        .by_month(&plan.period)
        .into_iter()
        .map(|(month, v)| {
            let (first, last) = (month.max(period.start), month_end(month).min(period.end));
            if first > last {
                return Money::ZERO;
            }
            let days_in_month = (month_end(month) - month).num_days() + 1;
            v.planned.pro_rata((last - first).num_days() + 1, days_in_month)
        })
        .sum();
    let approvals_waiting = b
        .approvals
        .iter()
        .filter(|a| matches!(a.status, ApprovalStatus::Submitted { on } if on <= as_of))
        .collect();

    let kpi_of = |id| plan.kpi(id).map(|(_, k)| k);
    let has = |id| plan.team.position(id).is_some();
    let cx = Context {
        kpi: &kpi_of,
        has_position: &has,
        period: &plan.period,
        today: as_of,
    };
    let risks_triggered = plan
        .risks
        .risks
        .iter()
        .filter_map(|r| {
            let crossing = assess(r, plan.risks.bands, &cx).crossing?;
            period.contains(crossing.date).then_some((r, crossing))
        })
        .collect();

    let meetings = if started {
        meetings(
            &plan.implementation.meetings,
            &plan.working_calendar(),
            period.start,
            as_of,
        )
        .into_iter()
        .filter(|m| !m.skipped && plan.period.contains(m.start.date()))
        .collect()
    } else {
        Vec::new()
    };

    StatusReport {
        period,
        as_of,
        started,
        done,
        started_tasks,
        late,
        due_next,
        kpis,
        spent,
        planned,
        approvals_waiting,
        risks_triggered,
        meetings,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::core::ids::CountingIds;
    use crate::domain::plan::sample::sample_plan;
    use crate::i18n::Lang;
    use chrono::{TimeZone, Utc};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    /// The sample plan of the quarter holding 26 November 2026.
    fn sample() -> Plan {
        let now = Utc.with_ymd_and_hms(2026, 11, 26, 2, 0, 0).unwrap();
        sample_plan(Lang::En, &mut CountingIds::default(), now.date_naive(), now)
    }

    #[test]
    fn weeks_run_monday_to_sunday_and_months_follow_the_calendar() {
        let w = ReportPeriod::of(ReportKind::Weekly, d(2026, 12, 4));
        assert_eq!((w.start, w.end), (d(2026, 11, 30), d(2026, 12, 6)));
        assert_eq!(w.next().start, d(2026, 12, 7));
        let m = ReportPeriod::of(ReportKind::Monthly, d(2026, 2, 10));
        assert_eq!((m.start, m.end), (d(2026, 2, 1), d(2026, 2, 28)));
        assert_eq!(m.next().end, d(2026, 3, 31));
    }

    #[test]
    fn a_report_counts_only_what_is_dated_in_its_period_and_by_today() {
        let today = d(2026, 11, 26);
        let plan = sample();
        let months = ReportPeriod::all_in(ReportKind::Monthly, &plan);
        assert_eq!(months.len(), 3);
        let november = report(&plan, months[1], today);
        assert_eq!(november.as_of, today);
        for m in &november.kpis {
            assert!(november.period.contains(m.latest.date) && m.latest.date <= today);
            assert!(m.before.is_none_or(|b| b.date < november.period.start));
        }
        for t in &november.late {
            assert!(t.end.resolve(plan.period.launch_day).unwrap() < today);
        }
        assert!(november.meetings.iter().all(|m| m.start.date() <= today && !m.skipped));
        // December has not begun: nothing happened in it yet.
        let december = report(&plan, months[2], today);
        assert!(!december.started);
        assert!(december.kpis.is_empty() && december.done.is_empty() && december.meetings.is_empty());
        assert!(!december.spent.is_positive() && december.late.is_empty());
        // The three months' planned spending adds up to the lines' total.
        let planned: Money = months.iter().map(|p| report(&plan, *p, today).planned).sum();
        assert_eq!(planned, plan.budget.planned());
    }

    #[test]
    fn the_default_period_is_the_one_holding_today_or_the_nearest_end_of_the_plan() {
        let today = d(2026, 11, 26);
        let plan = sample();
        assert_eq!(
            ReportPeriod::default_for(ReportKind::Weekly, &plan, today).start,
            d(2026, 11, 23)
        );
        let later = ReportPeriod::default_for(ReportKind::Monthly, &plan, d(2027, 5, 1));
        assert_eq!(later.end, plan.period.end);
    }
}
