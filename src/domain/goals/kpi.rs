//! KPIs with three-level targets (三级指标, DOMAIN.md §3): baseline, target,
//! challenge; dated check-ins; completion, level reached and pace.

use crate::domain::core::ids::ItemId;
use crate::domain::core::order::{day, sort_by_rank};
use crate::domain::core::period::Period;
use crate::domain::core::rate::Rate;
use crate::domain::core::value::Value;
use crate::domain::goals::decompose::{Decomposition, Granularity};
use crate::domain::plan::Unknown;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    Percent,
    Count,
    Currency,
    Points,
    Ratio,
    Custom(String),
}

/// Most KPIs are better higher; CAC, response time and churn are better lower.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    #[default]
    HigherIsBetter,
    LowerIsBetter,
}

/// Whether a KPI's figures add up over time (leads, revenue) or are a level
/// at a moment (a rate, a score).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Aggregation {
    #[default]
    Additive,
    Level,
}

/// One measured value. For an additive KPI it is the total so far in the
/// plan period; for a level KPI, the level on that day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckIn {
    pub id: ItemId,
    pub date: NaiveDate,
    pub value: Value,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// Whether a check-in counts towards its KPI on a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Counting {
    Counted,
    /// Dated outside the plan period: kept, never counted.
    OutsidePeriod,
    /// Dated after the day: counted from its own date.
    Later,
}

impl CheckIn {
    pub fn counting(&self, period: &Period, today: NaiveDate) -> Counting {
        if !period.contains(self.date) {
            Counting::OutsidePeriod
        } else if self.date > today {
            Counting::Later
        } else {
            Counting::Counted
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Kpi {
    pub id: ItemId,
    pub name: String,
    pub unit: Unit,
    #[serde(default)]
    pub direction: Direction,
    #[serde(default)]
    pub aggregation: Aggregation,
    pub baseline: Value,
    pub target: Value,
    pub challenge: Value,
    #[serde(default)]
    pub check_ins: Vec<CheckIn>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decomposition: Option<Decomposition>,
    #[serde(flatten)]
    pub unknown: Unknown,
}

/// How far a value has come among the three levels.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    BelowBaseline,
    Baseline,
    Target,
    Challenge,
}

/// Where a KPI stands against its pace.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    OffTrack,
    AtRisk,
    OnTrack,
    /// No check-in yet in the plan period.
    NoData,
    /// The plan period has not begun.
    NotStarted,
}

/// The pace thresholds of a plan: at or above `on_track` of the expected
/// value is on track, at or above `at_risk` is at risk, below is off track.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Thresholds {
    pub on_track: Rate,
    pub at_risk: Rate,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            on_track: Rate(10_000),
            at_risk: Rate(8_500),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KpiError {
    NameEmpty,
    /// Higher is better needs baseline ≤ target ≤ challenge; lower, the reverse.
    LevelsOutOfOrder,
}

impl Direction {
    /// Whether `a` is at least as good as `b`.
    pub fn at_least(self, a: Value, b: Value) -> bool {
        match self {
            Direction::HigherIsBetter => a >= b,
            Direction::LowerIsBetter => a <= b,
        }
    }
}

/// Completion rate (完成率): actual ÷ target when higher is better, target ÷
/// actual when lower is better, so beating the target is above 100% either
/// way. None where the ratio means nothing (a target or actual at or below
/// zero in the denominator): shown as "—", never as NaN or infinity.
pub fn completion(direction: Direction, actual: Value, target: Value) -> Option<Rate> {
    match direction {
        Direction::HigherIsBetter => Rate::of(actual, target),
        Direction::LowerIsBetter if target.is_positive() => Rate::of(target, actual),
        Direction::LowerIsBetter => None,
    }
}

impl Kpi {
    pub fn validate(&self) -> Result<(), KpiError> {
        if self.name.trim().is_empty() {
            return Err(KpiError::NameEmpty);
        }
        self.check_levels()
    }

    pub fn check_levels(&self) -> Result<(), KpiError> {
        let d = self.direction;
        if d.at_least(self.target, self.baseline) && d.at_least(self.challenge, self.target) {
            Ok(())
        } else {
            Err(KpiError::LevelsOutOfOrder)
        }
    }

    /// Check-ins inside the plan period, oldest first (the order they are
    /// shown and charted in).
    pub fn history<'a>(&'a self, period: &Period) -> Vec<&'a CheckIn> {
        let mut list: Vec<&CheckIn> = self.check_ins.iter().filter(|c| period.contains(c.date)).collect();
        sort_by_rank(&mut list, |c| (day(c.date), 0));
        list
    }

    /// The newest check-in in the plan period dated on or before `day`.
    pub fn latest_on(&self, period: &Period, day: NaiveDate) -> Option<&CheckIn> {
        self.history(period).into_iter().rev().find(|c| c.date <= day)
    }

    pub fn completion_of(&self, actual: Value) -> Option<Rate> {
        completion(self.direction, actual, self.target)
    }

    pub fn level_of(&self, actual: Value) -> Level {
        let d = self.direction;
        if d.at_least(actual, self.challenge) {
            Level::Challenge
        } else if d.at_least(actual, self.target) {
            Level::Target
        } else if d.at_least(actual, self.baseline) {
            Level::Baseline
        } else {
            Level::BelowBaseline
        }
    }

    /// The decomposition, when it fits the plan period and passes its check
    /// (an additive split that does not add up is not used for pace).
    pub fn usable_decomposition(&self, period: &Period) -> Option<&Decomposition> {
        self.decomposition.as_ref().filter(|d| d.check(self, period).is_valid())
    }

    /// The value the KPI should have reached on `day` to be on pace: the
    /// decomposition's parts when there are any, else a straight line over
    /// the plan period (from zero for additive KPIs, from the baseline for
    /// levels). None before the period starts.
    pub fn expected_on(&self, period: &Period, day: NaiveDate) -> Option<Value> {
        if day < period.start {
            return None;
        }
        let day = day.min(period.end);
        if let Some(decomposition) = self.usable_decomposition(period) {
            return Some(decomposition.expected_on(self.aggregation, period, day));
        }
        let elapsed = (day - period.start).num_days() + 1;
        let total = period.days();
        Some(match self.aggregation {
            Aggregation::Additive => pro_rata(self.target, elapsed, total),
            Aggregation::Level => {
                let step = pro_rata(self.target.saturating_sub(self.baseline), elapsed, total);
                self.baseline.checked_add(step).unwrap_or(self.target)
            }
        })
    }

    /// Pace status on `today`: the newest check-in against the value
    /// expected on its date.
    pub fn status(&self, period: &Period, today: NaiveDate, thresholds: Thresholds) -> Status {
        if today < period.start {
            return Status::NotStarted;
        }
        let Some(latest) = self.latest_on(period, today) else {
            return Status::NoData;
        };
        let Some(expected) = self.expected_on(period, latest.date) else {
            return Status::NotStarted;
        };
        match completion(self.direction, latest.value, expected) {
            Some(rate) if rate >= thresholds.on_track => Status::OnTrack,
            Some(rate) if rate >= thresholds.at_risk => Status::AtRisk,
            Some(_) => Status::OffTrack,
            // Nothing to divide by: compare directly.
            None if self.direction.at_least(latest.value, expected) => Status::OnTrack,
            None => Status::OffTrack,
        }
    }

    /// The granularities a KPI of this plan can be split into.
    pub fn granularities(period: &Period) -> Vec<Granularity> {
        Granularity::ALL
            .into_iter()
            .filter(|g| g.split(period).len() > 1)
            .collect()
    }
}

/// `value × part ÷ whole`, exact to the thousandth (rounded half away from zero).
pub fn pro_rata(value: Value, part: i64, whole: i64) -> Value {
    if whole <= 0 {
        return value;
    }
    let scaled = value.thousandths() as i128 * part as i128;
    let rounded = (scaled * 2 + scaled.signum() * whole as i128) / (2 * whole as i128);
    Value::from_thousandths(rounded.clamp(i64::MIN as i128, i64::MAX as i128) as i64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::core::ids::{CountingIds, IdSource};
    use crate::domain::core::period::PeriodKind;

    fn v(x: &str) -> Value {
        Value::parse(x).unwrap()
    }

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, m, day).unwrap()
    }

    fn quarter() -> Period {
        Period::starting_from(PeriodKind::Quarter, d(1, 1))
    }

    pub(crate) fn kpi(direction: Direction, aggregation: Aggregation, levels: [&str; 3]) -> Kpi {
        Kpi {
            id: CountingIds::default().item_id(),
            name: "KPI".into(),
            unit: Unit::Count,
            direction,
            aggregation,
            baseline: v(levels[0]),
            target: v(levels[1]),
            challenge: v(levels[2]),
            check_ins: Vec::new(),
            decomposition: None,
            unknown: Unknown::new(),
        }
    }

    fn check_in(k: &mut Kpi, date: NaiveDate, value: &str) {
        let id = CountingIds(k.check_ins.len() as u128 + 100).item_id();
        k.check_ins.push(CheckIn {
            id,
            date,
            value: v(value),
            note: String::new(),
        });
    }

    #[test]
    fn completion_follows_the_direction() {
        // DOMAIN.md §3: exposure target 5,000,000, actual 4,500,000 → 90%.
        let rate = completion(Direction::HigherIsBetter, v("4500000"), v("5000000")).unwrap();
        assert_eq!(rate.percent_text(), "90.0%");
        // CAC target 100, actual 80: beating it shows above 100%.
        assert_eq!(
            completion(Direction::LowerIsBetter, v("80"), v("100"))
                .unwrap()
                .percent_text(),
            "125.0%"
        );
        assert_eq!(
            completion(Direction::LowerIsBetter, v("125"), v("100"))
                .unwrap()
                .percent_text(),
            "80.0%"
        );
    }

    #[test]
    fn completion_has_no_nan_or_infinity() {
        assert_eq!(completion(Direction::HigherIsBetter, v("5"), v("0")), None);
        assert_eq!(completion(Direction::HigherIsBetter, v("5"), v("-3")), None);
        assert_eq!(completion(Direction::LowerIsBetter, v("0"), v("100")), None);
        assert_eq!(completion(Direction::LowerIsBetter, v("-1"), v("100")), None);
        assert_eq!(completion(Direction::LowerIsBetter, v("5"), v("0")), None);
        assert_eq!(
            completion(Direction::HigherIsBetter, v("-50"), v("100"))
                .unwrap()
                .percent_text(),
            "-50.0%"
        );
        assert_eq!(Rate(-12_345).percent_text(), "-123.5%");
        assert_eq!(completion(Direction::HigherIsBetter, v("0"), v("100")), Some(Rate(0)));
    }

    #[test]
    fn levels_must_be_in_order_for_the_direction() {
        assert_eq!(
            kpi(Direction::HigherIsBetter, Aggregation::Additive, ["10", "12", "15"]).check_levels(),
            Ok(())
        );
        assert_eq!(
            kpi(Direction::HigherIsBetter, Aggregation::Additive, ["10", "10", "10"]).check_levels(),
            Ok(())
        );
        assert_eq!(
            kpi(Direction::HigherIsBetter, Aggregation::Additive, ["10", "9", "15"]).check_levels(),
            Err(KpiError::LevelsOutOfOrder)
        );
        assert_eq!(
            kpi(Direction::LowerIsBetter, Aggregation::Level, ["150", "100", "80"]).check_levels(),
            Ok(())
        );
        assert_eq!(
            kpi(Direction::LowerIsBetter, Aggregation::Level, ["80", "100", "150"]).check_levels(),
            Err(KpiError::LevelsOutOfOrder)
        );
    }

    #[test]
    fn the_level_reached_reads_both_ways() {
        let up = kpi(Direction::HigherIsBetter, Aggregation::Level, ["9", "12", "15"]);
        assert_eq!(up.level_of(v("8")), Level::BelowBaseline);
        assert_eq!(up.level_of(v("9")), Level::Baseline);
        assert_eq!(up.level_of(v("12")), Level::Target);
        assert_eq!(up.level_of(v("20")), Level::Challenge);
        let down = kpi(Direction::LowerIsBetter, Aggregation::Level, ["150", "100", "80"]);
        assert_eq!(down.level_of(v("160")), Level::BelowBaseline);
        assert_eq!(down.level_of(v("99")), Level::Target);
        assert_eq!(down.level_of(v("80")), Level::Challenge);
        // Target equal to baseline: reaching it is reaching the target.
        let flat = kpi(Direction::HigherIsBetter, Aggregation::Level, ["10", "10", "12"]);
        assert_eq!(flat.level_of(v("10")), Level::Target);
    }

    #[test]
    fn pace_is_linear_without_a_decomposition() {
        let period = quarter(); // 90 days
        let leads = kpi(Direction::HigherIsBetter, Aggregation::Additive, ["0", "900", "1200"]);
        assert_eq!(leads.expected_on(&period, d(1, 1)), Some(v("10")));
        assert_eq!(leads.expected_on(&period, d(1, 30)), Some(v("300")));
        assert_eq!(leads.expected_on(&period, d(3, 31)), Some(v("900")));
        assert_eq!(
            leads.expected_on(&period, d(6, 1)),
            Some(v("900")),
            "after the end, the whole"
        );
        assert_eq!(leads.expected_on(&period, d(1, 1).pred_opt().unwrap()), None);
        let rate = kpi(Direction::HigherIsBetter, Aggregation::Level, ["9", "12", "15"]);
        assert_eq!(rate.expected_on(&period, d(3, 31)), Some(v("12")));
        assert_eq!(rate.expected_on(&period, d(2, 14)), Some(v("10.5")));
    }

    #[test]
    fn status_compares_the_latest_check_in_with_its_pace() {
        let period = quarter();
        let t = Thresholds::default();
        let mut leads = kpi(Direction::HigherIsBetter, Aggregation::Additive, ["0", "900", "1200"]);
        assert_eq!(leads.status(&period, d(1, 10), t), Status::NoData);
        assert_eq!(
            leads.status(&period, NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(), t),
            Status::NotStarted
        );
        check_in(&mut leads, d(1, 30), "300"); // expected 300
        assert_eq!(leads.status(&period, d(2, 1), t), Status::OnTrack);
        check_in(&mut leads, d(2, 28), "500"); // expected 590: 84.7%
        assert_eq!(leads.status(&period, d(3, 1), t), Status::OffTrack);
        check_in(&mut leads, d(3, 1), "520"); // expected 600: 86.7%
        assert_eq!(leads.status(&period, d(3, 2), t), Status::AtRisk);
        // "Today" decides which check-ins count.
        assert_eq!(leads.status(&period, d(2, 1), t), Status::OnTrack);
    }

    #[test]
    fn lower_is_better_pace() {
        let period = quarter();
        let mut cac = kpi(Direction::LowerIsBetter, Aggregation::Level, ["150", "100", "80"]);
        check_in(&mut cac, d(3, 31), "95");
        assert_eq!(cac.status(&period, d(3, 31), Thresholds::default()), Status::OnTrack);
        check_in(&mut cac, d(3, 31), "130");
        let latest = cac.latest_on(&period, d(3, 31)).unwrap();
        assert_eq!(latest.value, v("130"), "the last entered wins on the same day");
        assert_eq!(cac.status(&period, d(3, 31), Thresholds::default()), Status::OffTrack);
    }

    #[test]
    fn check_ins_outside_the_period_are_kept_but_not_counted() {
        let period = quarter();
        let mut leads = kpi(Direction::HigherIsBetter, Aggregation::Additive, ["0", "900", "1200"]);
        check_in(&mut leads, d(4, 2), "5000");
        assert_eq!(leads.check_ins.len(), 1);
        assert!(leads.history(&period).is_empty());
        assert_eq!(leads.status(&period, d(4, 5), Thresholds::default()), Status::NoData);
    }

    #[test]
    fn pace_follows_a_valid_decomposition_only() {
        let period = quarter();
        let mut leads = kpi(Direction::HigherIsBetter, Aggregation::Additive, ["0", "900", "1200"]);
        // A sprint in March: 200 / 200 / 500.
        leads.decomposition = Decomposition::weighted(&leads, &period, Granularity::Month, vec![2, 2, 5]);
        assert_eq!(leads.expected_on(&period, d(1, 31)), Some(v("200")));
        assert_eq!(leads.expected_on(&period, d(2, 28)), Some(v("400")));
        assert_eq!(leads.expected_on(&period, d(3, 31)), Some(v("900")));
        // Parts that do not add up to the target are shown, not used.
        leads.decomposition.as_mut().unwrap().parts[2] = v("100");
        assert_eq!(
            leads.expected_on(&period, d(1, 31)),
            Some(v("310")),
            "back to the straight line"
        );
        // A level KPI follows its parts as levels.
        let mut rate = kpi(Direction::HigherIsBetter, Aggregation::Level, ["9", "12", "15"]);
        rate.decomposition = Decomposition::weighted(&rate, &period, Granularity::Month, vec![1, 1, 1]);
        assert_eq!(rate.expected_on(&period, d(2, 10)), Some(v("11")));
    }

    #[test]
    fn pro_rata_rounds_exactly() {
        assert_eq!(pro_rata(v("100"), 1, 3), v("33.333"));
        assert_eq!(pro_rata(v("-100"), 2, 3), v("-66.667"));
        assert_eq!(pro_rata(v("7"), 5, 0), v("7"));
    }
}
