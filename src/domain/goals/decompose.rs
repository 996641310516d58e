//! Decomposition of a KPI over the plan's sub-periods (目标分解, DOMAIN.md
//! §3): even, weighted or manual. Additive parts must add back up to the
//! whole, exactly; level parts are levels, checked against the target.

use crate::domain::core::order::sort_by_rank;
use crate::domain::core::period::Period;
use crate::domain::core::value::Value;
use crate::domain::goals::kpi::{pro_rata, Aggregation, Kpi};
use chrono::{Datelike, Duration, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Granularity {
    Year,
    Quarter,
    Month,
    IsoWeek,
}

/// One slice of the plan period, clipped to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SubPeriod {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub label: SubLabel,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SubLabel {
    Year(i32),
    Quarter {
        year: i32,
        quarter: u32,
    },
    Month {
        year: i32,
        month: u32,
    },
    /// An ISO 8601 week: its year can differ from the calendar year at year ends.
    Week {
        year: i32,
        week: u32,
    },
}

impl SubPeriod {
    pub fn days(&self) -> i64 {
        (self.end - self.start).num_days() + 1
    }

    pub fn contains(&self, day: NaiveDate) -> bool {
        self.start <= day && day <= self.end
    }
}

impl Granularity {
    pub const ALL: [Granularity; 4] = [Self::Year, Self::Quarter, Self::Month, Self::IsoWeek];

    pub fn code(self) -> &'static str {
        match self {
            Self::Year => "year",
            Self::Quarter => "quarter",
            Self::Month => "month",
            Self::IsoWeek => "iso_week",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|g| g.code() == code)
    }

    /// The sub-periods of `period`, in order, the first and last clipped to it.
    pub fn split(self, period: &Period) -> Vec<SubPeriod> {
        let mut out = Vec::new();
        let mut day = period.start;
        while day <= period.end {
            let (start, next, label) = self.containing(day);
            let end = (next - Duration::days(1)).min(period.end);
            out.push(SubPeriod {
                start: start.max(period.start),
                end,
                label,
            });
            day = next;
        }
        out
    }

    /// The whole sub-period containing `day`: its first day, the first day
    /// after it, and its label.
    fn containing(self, day: NaiveDate) -> (NaiveDate, NaiveDate, SubLabel) {
        let ymd = |y: i32, m: u32| NaiveDate::from_ymd_opt(y, m, 1).unwrap_or(NaiveDate::MAX);
        let (y, m) = (day.year(), day.month());
        match self {
            Self::Year => (ymd(y, 1), ymd(y + 1, 1), SubLabel::Year(y)),
            Self::Quarter => {
                let q = (m - 1) / 3;
                let start = ymd(y, q * 3 + 1);
                let next = if q == 3 { ymd(y + 1, 1) } else { ymd(y, q * 3 + 4) };
                (
                    start,
                    next,
                    SubLabel::Quarter {
                        year: y,
                        quarter: q + 1,
                    },
                )
            }
            Self::Month => {
                let next = if m == 12 { ymd(y + 1, 1) } else { ymd(y, m + 1) };
                (ymd(y, m), next, SubLabel::Month { year: y, month: m })
            }
            Self::IsoWeek => {
                let week = day.iso_week();
                let monday = NaiveDate::from_isoywd_opt(week.year(), week.week(), Weekday::Mon).unwrap_or(day);
                (
                    monday,
                    monday + Duration::days(7),
                    SubLabel::Week {
                        year: week.year(),
                        week: week.week(),
                    },
                )
            }
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    Even,
    Weighted,
    Manual,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decomposition {
    pub granularity: Granularity,
    pub method: Method,
    /// One weight per part, for the weighted method.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub weights: Vec<u32>,
    /// One value per sub-period: an amount (additive) or a level.
    pub parts: Vec<Value>,
}

/// What the check of a decomposition found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Check {
    /// Additive parts add up to the whole.
    AddsUp,
    /// Additive parts that do not: `sum − whole` is the difference.
    DoesNotAddUp { sum: Value, difference: Value },
    /// Level parts whose last one reaches the target.
    ReachesTarget,
    /// Level parts whose last one falls short of the target.
    FallsShort { last: Value },
    /// The plan period changed since: the parts no longer fit its sub-periods.
    WrongCount { expected: usize, found: usize },
}

impl Check {
    pub fn is_valid(self) -> bool {
        matches!(self, Check::AddsUp | Check::ReachesTarget)
    }
}

/// `total` split into `n` parts that add up to it exactly: equal shares, the
/// thousandths left over going one each to the first parts.
pub fn even(total: Value, n: usize) -> Vec<Value> {
    weighted(total, &vec![1; n]).unwrap_or_default()
}

/// `total` split in proportion to `weights`, adding up exactly (largest
/// remainder method). None if every weight is zero.
pub fn weighted(total: Value, weights: &[u32]) -> Option<Vec<Value>> {
    let sum: i128 = weights.iter().map(|w| *w as i128).sum();
    if sum == 0 {
        return None;
    }
    let t = total.thousandths() as i128;
    let mut parts: Vec<i128> = weights.iter().map(|w| t * *w as i128 / sum).collect();
    let mut left = t - parts.iter().sum::<i128>();
    // Hand out what rounding down left over, largest remainders first.
    let mut order: Vec<usize> = (0..weights.len()).collect();
    // A remainder is smaller than the sum of the weights: it fits.
    sort_by_rank(&mut order, |&i| {
        (
            -i64::try_from(((t * weights[i] as i128) % sum).abs()).unwrap_or(i64::MAX),
            0,
        )
    });
    let step = left.signum();
    for &i in order.iter().cycle().take(weights.len() * 2) {
        if left == 0 {
            break;
        }
        if weights[i] > 0 {
            parts[i] += step;
            left -= step;
        }
    }
    Some(parts.into_iter().map(|p| Value::from_thousandths(p as i64)).collect())
}

/// Level parts for a weighted split: a ramp from the baseline to the target
/// following the cumulative weights (steady first, a sprint where weight is).
pub fn ramp(baseline: Value, target: Value, weights: &[u32]) -> Option<Vec<Value>> {
    let sum: i64 = weights.iter().map(|w| *w as i64).sum();
    if sum == 0 {
        return None;
    }
    let rise = target.saturating_sub(baseline);
    let mut cumulative = 0;
    Some(
        weights
            .iter()
            .map(|w| {
                cumulative += *w as i64;
                baseline.checked_add(pro_rata(rise, cumulative, sum)).unwrap_or(target)
            })
            .collect(),
    )
}

impl Decomposition {
    /// An even split of `kpi` over `granularity` of `period`.
    pub fn even(kpi: &Kpi, period: &Period, granularity: Granularity) -> Decomposition {
        let n = granularity.split(period).len();
        let parts = match kpi.aggregation {
            Aggregation::Additive => even(kpi.target, n),
            Aggregation::Level => vec![kpi.target; n],
        };
        Decomposition {
            granularity,
            method: Method::Even,
            weights: Vec::new(),
            parts,
        }
    }

    /// A weighted split; None if the weights do not fit or are all zero.
    pub fn weighted(kpi: &Kpi, period: &Period, granularity: Granularity, weights: Vec<u32>) -> Option<Decomposition> {
        if weights.len() != granularity.split(period).len() {
            return None;
        }
        let parts = match kpi.aggregation {
            Aggregation::Additive => weighted(kpi.target, &weights)?,
            Aggregation::Level => ramp(kpi.baseline, kpi.target, &weights)?,
        };
        Some(Decomposition {
            granularity,
            method: Method::Weighted,
            weights,
            parts,
        })
    }

    pub fn check(&self, kpi: &Kpi, period: &Period) -> Check {
        let expected = self.granularity.split(period).len();
        if self.parts.len() != expected {
            return Check::WrongCount {
                expected,
                found: self.parts.len(),
            };
        }
        match kpi.aggregation {
            Aggregation::Additive => {
                let sum = Value::sum(self.parts.iter().copied());
                if sum == kpi.target {
                    Check::AddsUp
                } else {
                    Check::DoesNotAddUp {
                        sum,
                        difference: sum.saturating_sub(kpi.target),
                    }
                }
            }
            Aggregation::Level => {
                let last = self.parts.last().copied().unwrap_or(Value::ZERO);
                if kpi.direction.at_least(last, kpi.target) {
                    Check::ReachesTarget
                } else {
                    Check::FallsShort { last }
                }
            }
        }
    }

    /// The value expected on `day`: for additive KPIs the parts already past
    /// plus a day-share of the current one; for levels, the current part.
    pub fn expected_on(&self, aggregation: Aggregation, period: &Period, day: NaiveDate) -> Value {
        let subs = self.granularity.split(period);
        let mut total = Value::ZERO;
        for (sub, part) in subs.iter().zip(&self.parts) {
            if sub.end < day {
                total = total.checked_add(*part).unwrap_or(total);
                continue;
            }
            if sub.contains(day) {
                return match aggregation {
                    Aggregation::Level => *part,
                    Aggregation::Additive => {
                        let elapsed = (day - sub.start).num_days() + 1;
                        total.checked_add(pro_rata(*part, elapsed, sub.days())).unwrap_or(total)
                    }
                };
            }
        }
        match aggregation {
            Aggregation::Level => self.parts.last().copied().unwrap_or(Value::ZERO),
            Aggregation::Additive => total,
        }
    }

    /// The target for the days `from..=to`: additive parts pro rata by the
    /// days they share with it; for levels, the part in force on `to`.
    pub fn target_between(&self, aggregation: Aggregation, period: &Period, from: NaiveDate, to: NaiveDate) -> Value {
        let subs = self.granularity.split(period);
        match aggregation {
            Aggregation::Level => subs
                .iter()
                .zip(&self.parts)
                .filter(|(sub, _)| sub.start <= to)
                .map(|(_, part)| *part)
                .next_back()
                .unwrap_or(Value::ZERO),
            Aggregation::Additive => Value::sum(subs.iter().zip(&self.parts).map(|(sub, part)| {
                let overlap = (sub.end.min(to) - sub.start.max(from)).num_days() + 1;
                if overlap <= 0 {
                    Value::ZERO
                } else {
                    pro_rata(*part, overlap, sub.days())
                }
            })),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::core::period::PeriodKind;
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn v(x: &str) -> Value {
        Value::parse(x).unwrap()
    }

    fn year(y: i32) -> Period {
        Period::starting_from(PeriodKind::Year, d(y, 6, 1))
    }

    #[test]
    fn a_year_splits_into_quarters_and_months() {
        let q = Granularity::Quarter.split(&year(2027));
        assert_eq!(q.len(), 4);
        assert_eq!((q[3].start, q[3].end), (d(2027, 10, 1), d(2027, 12, 31)));
        assert_eq!(q[0].label, SubLabel::Quarter { year: 2027, quarter: 1 });
        let m = Granularity::Month.split(&year(2028));
        assert_eq!(m.len(), 12);
        assert_eq!(m[1].days(), 29, "leap February");
    }

    #[test]
    fn iso_weeks_cross_year_ends_and_are_clipped() {
        // 2026-12-28 is a Monday of ISO week 53 of 2026; 2027-01-01 is in it.
        let q = Period::starting_from(PeriodKind::Quarter, d(2027, 1, 1));
        let weeks = Granularity::IsoWeek.split(&q);
        assert_eq!(weeks[0].label, SubLabel::Week { year: 2026, week: 53 });
        assert_eq!((weeks[0].start, weeks[0].end), (d(2027, 1, 1), d(2027, 1, 3)));
        assert_eq!(weeks[1].label, SubLabel::Week { year: 2027, week: 1 });
        assert_eq!(weeks.last().unwrap().end, d(2027, 3, 31));
        assert_eq!(weeks.iter().map(SubPeriod::days).sum::<i64>(), q.days());
        // 2024-12-30 belongs to ISO week 1 of 2025.
        let dec = Period::starting_from(PeriodKind::Month, d(2024, 12, 1));
        let last = *Granularity::IsoWeek.split(&dec).last().unwrap();
        assert_eq!(last.label, SubLabel::Week { year: 2025, week: 1 });
    }

    #[test]
    fn even_and_weighted_splits_add_up_exactly() {
        assert_eq!(even(v("100"), 3), vec![v("33.334"), v("33.333"), v("33.333")]);
        let sprint = weighted(v("1000"), &[2, 2, 2, 4]).unwrap();
        assert_eq!(sprint, vec![v("200"), v("200"), v("200"), v("400")]);
        assert_eq!(weighted(v("1"), &[0, 0]), None);
        let odd = weighted(v("0.01"), &[1, 1, 1]).unwrap();
        assert_eq!(Value::sum(odd.iter().copied()), v("0.01"));
        let negative = even(v("-10"), 3);
        assert_eq!(Value::sum(negative.iter().copied()), v("-10"));
    }

    #[test]
    fn level_ramps_follow_the_weights() {
        assert_eq!(
            ramp(v("9"), v("12"), &[1, 1, 1]).unwrap(),
            vec![v("10"), v("11"), v("12")]
        );
    }

    proptest! {
        #[test]
        fn weighted_parts_always_add_back_up(total in -1_000_000_000_000i64..1_000_000_000_000, weights in prop::collection::vec(0u32..50, 1..60)) {
            let total = Value::from_thousandths(total);
            if let Some(parts) = weighted(total, &weights) {
                prop_assert_eq!(Value::sum(parts.iter().copied()), total);
                for (p, w) in parts.iter().zip(&weights) {
                    if *w == 0 { prop_assert_eq!(*p, Value::ZERO); }
                }
            } else {
                prop_assert!(weights.iter().all(|w| *w == 0));
            }
        }
    }
}
