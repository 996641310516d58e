//! Incentives tied to KPIs (DOMAIN.md §7: "lead conversion ≥ 5% raises
//! Sales commission by 2 points") and joint projects with Sales whose
//! shared cost is split in proportion to results (§6).

use crate::domain::core::ids::ItemId;
use crate::domain::core::money::{apportion, Money};
use crate::domain::core::period::Period;
use crate::domain::core::value::Value;
use crate::domain::goals::kpi::{CheckIn, Kpi};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// "When KPI X reaches Y, then Z". "Reaches" follows the KPI's direction:
/// at least Y for a KPI that is better higher, at most Y for one that is
/// better lower (an iteration within 30 days).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Incentive {
    pub id: ItemId,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kpi: Option<ItemId>,
    pub threshold: Value,
    /// What happens when it is reached, in the user's words.
    #[serde(default)]
    pub reward: String,
}

/// Where a rule stands today.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IncentiveState<'a> {
    Met(&'a CheckIn),
    NotMet(&'a CheckIn),
    /// The KPI has no check-in in the period up to today.
    NoData,
    /// No KPI chosen, or it has been deleted.
    KpiMissing,
}

impl Incentive {
    /// Judged on the KPI's latest check-in in the period, on or before today.
    pub fn evaluate<'a>(&self, kpi: Option<&'a Kpi>, period: &Period, today: NaiveDate) -> IncentiveState<'a> {
        let Some(kpi) = kpi else {
            return IncentiveState::KpiMissing;
        };
        match kpi.latest_on(period, today) {
            None => IncentiveState::NoData,
            Some(c) if kpi.direction.at_least(c.value, self.threshold) => IncentiveState::Met(c),
            Some(c) => IncentiveState::NotMet(c),
        }
    }
}

/// One department's part of a joint project and the result it brought
/// (leads, revenue: whatever the project is measured by).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Party {
    pub name: String,
    pub result: Value,
}

/// A project run with Sales (or another department) whose cost is shared.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct JointProject {
    pub id: ItemId,
    pub name: String,
    pub cost: Money,
    /// Budget lines of chapter 6 the cost is booked on.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lines: Vec<ItemId>,
    #[serde(default)]
    pub parties: Vec<Party>,
}

impl JointProject {
    /// Each party's share of the cost, in proportion to its result, exact
    /// to the fen (the parts add up to the cost). Before any result is in,
    /// the cost is split evenly; a negative result counts as none.
    pub fn split(&self) -> Vec<Money> {
        let weights: Vec<u64> = self
            .parties
            .iter()
            .map(|p| u64::try_from(p.result.thousandths()).unwrap_or(0))
            .collect();
        if weights.iter().all(|w| *w == 0) {
            return apportion(self.cost, &vec![1; self.parties.len()]);
        }
        apportion(self.cost, &weights)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::core::ids::{CountingIds, IdSource};
    use crate::domain::core::period::PeriodKind;
    use crate::domain::goals::kpi::{Aggregation, Direction, Unit};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn v(x: &str) -> Value {
        Value::parse(x).unwrap()
    }

    fn kpi(direction: Direction, check_ins: &[(NaiveDate, &str)]) -> Kpi {
        let mut ids = CountingIds(50);
        Kpi {
            id: ids.item_id(),
            name: "Lead conversion".into(),
            unit: Unit::Percent,
            direction,
            aggregation: Aggregation::Level,
            baseline: v("3"),
            target: v("5"),
            challenge: v("6"),
            check_ins: check_ins
                .iter()
                .map(|(date, value)| CheckIn {
                    id: ids.item_id(),
                    date: *date,
                    value: v(value),
                    note: String::new(),
                })
                .collect(),
            decomposition: None,
            unknown: Default::default(),
        }
    }

    #[test]
    fn a_rule_is_judged_on_the_latest_check_in_up_to_today() {
        let period = Period::starting_from(PeriodKind::Quarter, d(2027, 1, 1));
        let rule = Incentive {
            id: CountingIds::default().item_id(),
            kpi: None,
            threshold: v("5"),
            reward: "Sales commission +2 points".into(),
        };
        let k = kpi(
            Direction::HigherIsBetter,
            &[(d(2027, 1, 31), "4.2"), (d(2027, 2, 28), "5")],
        );
        assert!(matches!(rule.evaluate(Some(&k), &period, d(2027, 3, 1)), IncentiveState::Met(c) if c.value == v("5")));
        assert!(matches!(
            rule.evaluate(Some(&k), &period, d(2027, 2, 1)),
            IncentiveState::NotMet(_)
        ));
        assert_eq!(rule.evaluate(Some(&k), &period, d(2027, 1, 2)), IncentiveState::NoData);
        assert_eq!(rule.evaluate(None, &period, d(2027, 3, 1)), IncentiveState::KpiMissing);
    }

    #[test]
    fn reaching_a_lower_is_better_threshold_means_at_or_under_it() {
        let period = Period::starting_from(PeriodKind::Quarter, d(2027, 1, 1));
        let rule = Incentive {
            id: CountingIds::default().item_id(),
            kpi: None,
            threshold: v("30"),
            reward: "Product bonus +10%".into(),
        };
        let on = kpi(Direction::LowerIsBetter, &[(d(2027, 2, 1), "30")]);
        let late = kpi(Direction::LowerIsBetter, &[(d(2027, 2, 1), "31")]);
        assert!(matches!(
            rule.evaluate(Some(&on), &period, d(2027, 3, 1)),
            IncentiveState::Met(_)
        ));
        assert!(matches!(
            rule.evaluate(Some(&late), &period, d(2027, 3, 1)),
            IncentiveState::NotMet(_)
        ));
    }

    #[test]
    fn a_shared_cost_follows_the_results_to_the_fen() {
        let mut p = JointProject {
            id: CountingIds::default().item_id(),
            name: "Trade fair".into(),
            cost: Money::from_fen(10_000_001),
            lines: Vec::new(),
            parties: vec![
                Party {
                    name: "Marketing".into(),
                    result: v("0"),
                },
                Party {
                    name: "Sales".into(),
                    result: v("0"),
                },
            ],
        };
        // No results yet: evenly, the odd fen to one side.
        let even = p.split();
        assert_eq!(even.iter().map(|m| m.fen()).sum::<i64>(), 10_000_001);
        assert!((even[0].fen() - even[1].fen()).abs() <= 1);
        p.parties[0].result = v("120");
        p.parties[1].result = v("280");
        assert_eq!(p.split(), vec![Money::from_fen(3_000_000), Money::from_fen(7_000_001)]);
        p.parties[1].result = v("-5");
        assert_eq!(p.split(), vec![Money::from_fen(10_000_001), Money::ZERO]);
    }
}
