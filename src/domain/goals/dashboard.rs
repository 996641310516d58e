//! The plan's home page in figures: every KPI's standing, a score per
//! dimension and for the plan, and the KPIs that need attention first.

use crate::domain::core::order::sort_by_rank;
use crate::domain::core::rate::Rate;
use crate::domain::core::value::Value;
use crate::domain::goals::goal::{Dimension, Goal};
use crate::domain::goals::kpi::{Aggregation, CheckIn, Counting, Kpi, KpiError, Level, Status};
use crate::domain::plan::Plan;
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// One KPI's standing on a day.
#[derive(Clone, Debug, PartialEq)]
pub struct KpiFigures<'a> {
    pub goal: &'a Goal,
    pub kpi: &'a Kpi,
    pub latest: Option<&'a CheckIn>,
    /// Latest actual against the target of the whole period: how much of
    /// the way has been gone, not a grade (a quarter in, 25% is on time).
    pub completion: Option<Rate>,
    /// Which of baseline, target, challenge the actual has reached. For an
    /// additive KPI that only means something once the period is over (a
    /// total a week in is always "below baseline"), so until then it is
    /// `None`; a level KPI has one at every check-in.
    pub level: Option<Level>,
    /// The headline: the pace against the plan's thresholds. The card, the
    /// attention list and the plan score all read from pace.
    pub status: Status,
    /// Latest actual against the value expected on its date.
    pub pace: Option<Rate>,
    pub levels: Result<(), KpiError>,
    /// Check-ins dated outside the plan period (kept, not counted).
    pub outside_period: usize,
    /// Check-ins in the period dated after today: kept, counted from their
    /// date (until then the KPI can read "not started" or "no data").
    pub future: usize,
}

pub fn kpi_figures<'a>(plan: &'a Plan, goal: &'a Goal, kpi: &'a Kpi, today: NaiveDate) -> KpiFigures<'a> {
    let period = &plan.period;
    let latest = kpi.latest_on(period, today);
    let pace = latest.and_then(|c| {
        let expected = kpi.expected_on(period, c.date)?;
        crate::domain::goals::kpi::completion(kpi.direction, c.value, expected)
    });
    KpiFigures {
        goal,
        kpi,
        latest,
        completion: latest.and_then(|c| kpi.completion_of(c.value)),
        level: latest
            .filter(|_| kpi.aggregation == Aggregation::Level || today > period.end)
            .map(|c| kpi.level_of(c.value)),
        status: kpi.status(period, today, plan.thresholds),
        pace,
        levels: kpi.check_levels(),
        outside_period: kpi.check_ins.len() - kpi.history(period).len(),
        future: kpi
            .check_ins
            .iter()
            .filter(|c| c.counting(period, today) == Counting::Later)
            .count(),
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct DimensionScore {
    pub dimension: Dimension,
    /// Average pace of the dimension's KPIs that have one, each capped at
    /// 100%: a plan whose KPIs are all where they should be by now scores
    /// 100%, however early in the period it is.
    pub score: Option<Rate>,
    pub kpis: usize,
    pub weight: u32,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Dashboard<'a> {
    pub kpis: Vec<KpiFigures<'a>>,
    pub dimensions: Vec<DimensionScore>,
    /// The dimension scores averaged with their weights.
    pub overall: Option<Rate>,
    pub counts: BTreeMap<Status, usize>,
}

impl<'a> Dashboard<'a> {
    pub fn new(plan: &'a Plan, today: NaiveDate) -> Dashboard<'a> {
        let kpis: Vec<KpiFigures> = plan
            .goals
            .iter()
            .flat_map(|g| g.kpis.iter().map(move |k| (g, k)))
            .map(|(g, k)| kpi_figures(plan, g, k, today))
            .collect();
        let mut counts = BTreeMap::new();
        for f in &kpis {
            *counts.entry(f.status).or_insert(0) += 1;
        }
        let dimensions: Vec<DimensionScore> = plan
            .dimensions()
            .into_iter()
            .map(|dimension| {
                let mine: Vec<&KpiFigures> = kpis.iter().filter(|f| f.goal.dimension == dimension).collect();
                let rates: Vec<i64> = mine.iter().filter_map(|f| f.pace).map(|r| r.capped().0).collect();
                let score = (!rates.is_empty()).then(|| Rate(rates.iter().sum::<i64>() / rates.len() as i64));
                DimensionScore {
                    dimension,
                    score,
                    kpis: mine.len(),
                    weight: plan.weight_of(dimension),
                }
            })
            .collect();
        let weighted: Vec<(i64, i64)> = dimensions
            .iter()
            .filter_map(|d| d.score.map(|s| (s.0, d.weight as i64)))
            .filter(|(_, w)| *w > 0)
            .collect();
        let total_weight: i64 = weighted.iter().map(|(_, w)| w).sum();
        let overall = (total_weight > 0).then(|| Rate(weighted.iter().map(|(s, w)| s * w).sum::<i64>() / total_weight));
        Dashboard {
            kpis,
            dimensions,
            overall,
            counts,
        }
    }

    pub fn count(&self, status: Status) -> usize {
        self.counts.get(&status).copied().unwrap_or(0)
    }

    /// KPIs off track, then at risk, the furthest behind pace first.
    pub fn attention(&self, most: usize) -> Vec<&KpiFigures<'a>> {
        let mut list: Vec<&KpiFigures> = self
            .kpis
            .iter()
            .filter(|f| matches!(f.status, Status::OffTrack | Status::AtRisk))
            .collect();
        sort_by_rank(&mut list, |f| (f.status as i64, f.pace.map_or(i64::MIN, |r| r.0)));
        list.truncate(most);
        list
    }
}

/// Check-in values, for charts: the lowest and highest of a KPI's levels and
/// check-ins, so every line fits.
pub fn value_range(kpi: &Kpi, history: &[&CheckIn]) -> (Value, Value) {
    let all = [kpi.baseline, kpi.target, kpi.challenge]
        .into_iter()
        .chain(history.iter().map(|c| c.value));
    let (lo, hi) = all.fold((None::<Value>, None::<Value>), |(lo, hi), v| {
        (Some(lo.map_or(v, |l| l.min(v))), Some(hi.map_or(v, |h| h.max(v))))
    });
    (lo.unwrap_or(Value::ZERO).min(Value::ZERO), hi.unwrap_or(Value::ZERO))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::core::ids::{CountingIds, IdSource};
    use crate::domain::core::period::{Period, PeriodKind};
    use crate::domain::goals::goal::Smart;
    use crate::domain::goals::kpi::{Aggregation, Direction, Unit};
    use crate::domain::plan::Currency;
    use chrono::{TimeZone, Utc};
    use std::rc::Rc;

    /// A quarter's plan whose one goal has one KPI: leads, 0 → 1,000
    /// (challenge 1,200), with one check-in.
    fn one_kpi(aggregation: Aggregation, day: NaiveDate, value: i64) -> Plan {
        let mut ids = CountingIds::default();
        let start = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
        let mut plan = Plan::new(
            ids.plan_id(),
            "Q1",
            "",
            Period::starting_from(PeriodKind::Quarter, start),
            Currency::default(),
            Utc.with_ymd_and_hms(2026, 12, 1, 0, 0, 0).unwrap(),
        )
        .unwrap();
        let kpi = Kpi {
            id: ids.item_id(),
            name: "Leads".into(),
            unit: Unit::Count,
            direction: Direction::HigherIsBetter,
            aggregation,
            baseline: Value::from_units(0),
            target: Value::from_units(1_000),
            challenge: Value::from_units(1_200),
            check_ins: vec![CheckIn {
                id: ids.item_id(),
                date: day,
                value: Value::from_units(value),
                note: String::new(),
            }],
            decomposition: None,
            unknown: Default::default(),
        };
        plan.goals = Rc::new(vec![Goal {
            id: ids.item_id(),
            dimension: Dimension::Acquisition,
            title: "More leads".into(),
            description: String::new(),
            strategy: String::new(),
            due: None,
            owner: String::new(),
            smart: Smart::default(),
            kpis: vec![kpi],
            unknown: Default::default(),
        }]);
        plan
    }

    #[test]
    fn a_plan_ahead_of_pace_scores_full_marks_early_in_its_period() {
        // 470 leads by 31 January, when about 344 were expected: 136% of
        // pace, though only 47% of the quarter's target.
        let day = NaiveDate::from_ymd_opt(2027, 1, 31).unwrap();
        let plan = one_kpi(Aggregation::Additive, day, 470);
        let board = Dashboard::new(&plan, day);
        let f = &board.kpis[0];
        assert_eq!(f.status, Status::OnTrack);
        assert_eq!(f.completion, Some(Rate(4_700)));
        assert!(f.pace.is_some_and(|p| p.0 > 13_000), "{:?}", f.pace);
        assert_eq!(board.overall, Some(Rate(10_000)), "the score follows pace, capped");
        assert_eq!(f.level, None, "a running total has no level until the period ends");
        let after = NaiveDate::from_ymd_opt(2027, 4, 2).unwrap();
        let at_end = kpi_figures(&plan, &plan.goals[0], &plan.goals[0].kpis[0], after);
        assert_eq!(
            at_end.level,
            Some(Level::Baseline),
            "after the period the total has its level"
        );
    }

    #[test]
    fn a_check_in_dated_after_today_is_counted_from_its_day() {
        let later = NaiveDate::from_ymd_opt(2027, 2, 20).unwrap();
        let plan = one_kpi(Aggregation::Level, later, 600);
        let today = NaiveDate::from_ymd_opt(2027, 2, 1).unwrap();
        let f = kpi_figures(&plan, &plan.goals[0], &plan.goals[0].kpis[0], today);
        assert_eq!((f.future, f.latest), (1, None));
        let then = kpi_figures(&plan, &plan.goals[0], &plan.goals[0].kpis[0], later);
        assert_eq!(then.future, 0);
        assert!(
            then.latest.is_some() && then.level.is_some(),
            "a level KPI has a level at once"
        );
    }
}
