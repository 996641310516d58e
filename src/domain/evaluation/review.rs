//! Periodic reviews (复盘, DOMAIN.md §9): target vs actual per KPI for a
//! week, month, quarter or year, with causes, adjustments and lessons.
//! Lessons kept are SOPs; lessons to avoid are pitfalls (避坑指南).

use crate::domain::core::ids::ItemId;
use crate::domain::core::order::{day, sort_by_rank};
use crate::domain::core::period::Period;
use crate::domain::core::rate::Rate;
use crate::domain::core::value::Value;
use crate::domain::goals::decompose::{Granularity, SubPeriod};
use crate::domain::goals::goal::Goal;
use crate::domain::goals::kpi::{pro_rata, Aggregation, Kpi, Status, Thresholds};
use crate::domain::plan::{Plan, Unknown};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Cadence {
    Week,
    Month,
    Quarter,
    Year,
}

crate::coded!(Cadence { Week = "week", Month = "month", Quarter = "quarter", Year = "year" });

impl Cadence {
    pub fn granularity(self) -> Granularity {
        match self {
            Self::Week => Granularity::IsoWeek,
            Self::Month => Granularity::Month,
            Self::Quarter => Granularity::Quarter,
            Self::Year => Granularity::Year,
        }
    }

    /// The periods of this cadence a review can cover in `plan_period`.
    pub fn choices(self, plan_period: &Period) -> Vec<SubPeriod> {
        self.granularity().split(plan_period)
    }

    /// Which of [`Cadence::choices`] a new review most likely covers: the
    /// latest one already over on `today`, else the first.
    pub fn default_choice(self, plan_period: &Period, today: NaiveDate) -> usize {
        self.choices(plan_period)
            .iter()
            .rposition(|s| s.end < today)
            .unwrap_or(0)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LessonKind {
    /// Worked: do it again (becomes an SOP entry).
    Keep,
    /// Did not work: avoid it (becomes a pitfall entry).
    Avoid,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lesson {
    pub id: ItemId,
    pub kind: LessonKind,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    pub id: ItemId,
    pub cadence: Cadence,
    pub start: NaiveDate,
    pub end: NaiveDate,
    #[serde(default)]
    pub highlights: String,
    /// Causes of shortfalls, per KPI id.
    #[serde(default)]
    pub causes: BTreeMap<ItemId, String>,
    #[serde(default)]
    pub adjustments: String,
    #[serde(default)]
    pub lessons: Vec<Lesson>,
    #[serde(flatten)]
    pub unknown: Unknown,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ReviewField {
    Highlights,
    Adjustments,
}

/// One KPI's line in a review, computed from the plan.
#[derive(Clone, Debug, PartialEq)]
pub struct ReviewRow<'a> {
    pub goal: &'a Goal,
    pub kpi: &'a Kpi,
    /// The KPI's target for the review's days.
    pub target: Value,
    /// What was achieved in those days (additive) or the level at their end.
    pub actual: Option<Value>,
    pub completion: Option<Rate>,
    pub status: Status,
}

/// The target of `kpi` for the days `from..=to` of the plan period: from the
/// decomposition when there is one, else pro rata (additive) or the straight
/// line from the baseline (level).
pub fn target_between(kpi: &Kpi, period: &Period, from: NaiveDate, to: NaiveDate) -> Value {
    let from = from.max(period.start);
    let to = to.min(period.end);
    if let Some(d) = kpi.usable_decomposition(period) {
        return d.target_between(kpi.aggregation, period, from, to);
    }
    match kpi.aggregation {
        Aggregation::Additive => pro_rata(kpi.target, (to - from).num_days() + 1, period.days()),
        Aggregation::Level => kpi.expected_on(period, to).unwrap_or(kpi.target),
    }
}

/// What `kpi` achieved in `from..=to`: for an additive KPI the running total
/// at the end less the total before the start; for a level, the level at the end.
pub fn actual_between(kpi: &Kpi, period: &Period, from: NaiveDate, to: NaiveDate) -> Option<Value> {
    let at_end = kpi.latest_on(period, to)?;
    if at_end.date < from && kpi.aggregation == Aggregation::Level {
        return None;
    }
    match kpi.aggregation {
        Aggregation::Level => Some(at_end.value),
        Aggregation::Additive => {
            let before = from
                .pred_opt()
                .and_then(|day| kpi.latest_on(period, day))
                .map_or(Value::ZERO, |c| c.value);
            Some(at_end.value.saturating_sub(before))
        }
    }
}

impl Review {
    pub fn rows<'a>(&self, plan: &'a Plan, thresholds: Thresholds) -> Vec<ReviewRow<'a>> {
        let period = &plan.period;
        plan.goals
            .iter()
            .flat_map(|goal| goal.kpis.iter().map(move |kpi| (goal, kpi)))
            .map(|(goal, kpi)| {
                let target = target_between(kpi, period, self.start, self.end);
                let actual = actual_between(kpi, period, self.start, self.end);
                let completion = actual.and_then(|a| crate::domain::goals::kpi::completion(kpi.direction, a, target));
                let status = match (actual, completion) {
                    (None, _) => Status::NoData,
                    (Some(_), Some(rate)) if rate >= thresholds.on_track => Status::OnTrack,
                    (Some(_), Some(rate)) if rate >= thresholds.at_risk => Status::AtRisk,
                    (Some(a), None) if kpi.direction.at_least(a, target) => Status::OnTrack,
                    _ => Status::OffTrack,
                };
                ReviewRow {
                    goal,
                    kpi,
                    target,
                    actual,
                    completion,
                    status,
                }
            })
            .collect()
    }
}

/// Every lesson of `kind` from all reviews, newest review first: the SOP
/// list (Keep) or the pitfalls list (Avoid).
pub fn lessons(plan: &Plan, kind: LessonKind) -> Vec<(&Review, &Lesson)> {
    let mut reviews: Vec<&Review> = plan.reviews.iter().collect();
    sort_by_rank(&mut reviews, |r| (-day(r.end), 0));
    reviews
        .into_iter()
        .flat_map(|r| {
            r.lessons
                .iter()
                .filter(move |l| l.kind == kind && !l.text.trim().is_empty())
                .map(move |l| (r, l))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::core::period::PeriodKind;

    #[test]
    fn a_new_review_defaults_to_the_latest_period_already_over() {
        let d = |m, day| NaiveDate::from_ymd_opt(2027, m, day).unwrap();
        let quarter = Period::starting_from(PeriodKind::Quarter, d(1, 1));
        assert_eq!(Cadence::Month.default_choice(&quarter, d(2, 15)), 0, "January is over");
        assert_eq!(Cadence::Month.default_choice(&quarter, d(3, 1)), 1, "February is over");
        assert_eq!(
            Cadence::Month.default_choice(&quarter, d(1, 10)),
            0,
            "nothing over yet: the first"
        );
        assert_eq!(Cadence::Quarter.default_choice(&quarter, d(6, 1)), 0);
    }
}
