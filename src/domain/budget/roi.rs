//! Channel performance (渠道效果): ROI, CAC, conversion and lifetime value
//! per channel, advice from the plan's rules, and a proposal to move money
//! from the weakest channels to the strongest (DOMAIN.md §6).

use crate::domain::budget::Budget;
use crate::domain::core::ids::ItemId;
use crate::domain::core::money::{apportion, Money};
use crate::domain::core::order::sort_by_rank;
use crate::domain::core::rate::Rate;
use crate::domain::core::value::Value;
use crate::domain::plan::Unknown;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Channel {
    pub id: ItemId,
    pub name: String,
    /// Revenue attributed to the channel so far.
    #[serde(default)]
    pub revenue: Money,
    #[serde(default)]
    pub leads: u64,
    #[serde(default)]
    pub customers: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_value: Option<Money>,
    /// The chance a customer buys again after each purchase.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repeat_rate: Option<Rate>,
    #[serde(flatten)]
    pub unknown: Unknown,
}

impl Channel {
    pub fn new(id: ItemId, name: &str) -> Channel {
        Channel {
            id,
            name: name.to_owned(),
            revenue: Money::ZERO,
            leads: 0,
            customers: 0,
            order_value: None,
            repeat_rate: None,
            unknown: Unknown::new(),
        }
    }
}

/// The thresholds advice is given by; DOMAIN.md §6's are the defaults.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoiRules {
    /// ROI below this: move budget away.
    pub move_below: Value,
    /// ROI below this: a candidate to cut.
    pub cut_below: Value,
    /// ROI above this: a candidate to grow.
    pub grow_above: Value,
    /// Customer acquisition cost above this: pause.
    pub cac_ceiling: Money,
    /// Conversion above this: add budget.
    pub conversion_above: Rate,
}

impl Default for RoiRules {
    fn default() -> Self {
        RoiRules {
            move_below: Value::from_units(1),
            cut_below: Value::from_units(2),
            grow_above: Value::from_units(3),
            cac_ceiling: Money::from_yuan(150),
            conversion_above: Rate(1_800),
        }
    }
}

impl RoiRules {
    pub fn is_consistent(&self) -> bool {
        self.move_below <= self.cut_below
            && self.cut_below <= self.grow_above
            && !self.cac_ceiling.is_negative()
            && self.conversion_above.0 >= 0
            && self.move_below >= Value::ZERO
    }
}

/// A channel's figures, each None where it means nothing (no spend, no
/// customers): never infinity, never NaN.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Figures {
    pub planned: Money,
    pub spend: Money,
    pub revenue: Money,
    /// Revenue ÷ spend.
    pub roi: Option<Value>,
    /// Spend ÷ customers.
    pub cac: Option<Money>,
    /// Customers ÷ leads.
    pub conversion: Option<Rate>,
    /// Order value × expected purchases, 1 ÷ (1 − repeat rate).
    pub ltv: Option<Money>,
    pub ltv_cac: Option<Value>,
}

fn ratio(a: Money, b: Money) -> Option<Value> {
    if !b.is_positive() {
        return None;
    }
    let thousandths = i128::from(a.fen()) * 1_000 / i128::from(b.fen());
    Some(Value::from_thousandths(
        thousandths.clamp(i128::from(i64::MIN), i128::from(i64::MAX)) as i64,
    ))
}

pub fn figures(budget: &Budget, channel: &Channel) -> Figures {
    let lines = budget.lines.iter().filter(|l| l.channel == Some(channel.id));
    let (mut planned, mut spend) = (Money::ZERO, Money::ZERO);
    for line in lines {
        planned = planned + line.amount;
        spend = spend + line.spent();
    }
    let cac = (channel.customers > 0).then(|| spend.pro_rata(1, channel.customers as i64));
    let conversion = (channel.leads > 0).then(|| {
        Rate(
            (channel.customers as f64 / channel.leads as f64 * 10_000.0)
                .round()
                .min(1e12) as i64,
        )
    });
    // Without an order value, revenue per customer stands in for it.
    let order_value = channel
        .order_value
        .or_else(|| (channel.customers > 0).then(|| channel.revenue.pro_rata(1, channel.customers as i64)));
    let repeat = channel.repeat_rate.unwrap_or(Rate(0));
    let ltv =
        order_value.and_then(|v| (repeat.0 >= 0 && repeat < Rate::FULL).then(|| v.pro_rata(10_000, 10_000 - repeat.0)));
    let ltv_cac = match (ltv, cac) {
        (Some(l), Some(c)) => ratio(l, c),
        _ => None,
    };
    Figures {
        planned,
        spend,
        revenue: channel.revenue,
        roi: ratio(channel.revenue, spend),
        cac,
        conversion,
        ltv,
        ltv_cac,
    }
}

/// One piece of advice, with the figure and the threshold that fired it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Advice {
    MoveAway { roi: Value, limit: Value },
    Cut { roi: Value, limit: Value },
    Grow { roi: Value, limit: Value },
    Pause { cac: Money, ceiling: Money },
    Add { conversion: Rate, limit: Rate },
}

pub fn advice(f: &Figures, rules: &RoiRules) -> Vec<Advice> {
    let mut out = Vec::new();
    if let Some(roi) = f.roi {
        if roi < rules.move_below {
            out.push(Advice::MoveAway {
                roi,
                limit: rules.move_below,
            });
        } else if roi < rules.cut_below {
            out.push(Advice::Cut {
                roi,
                limit: rules.cut_below,
            });
        } else if roi > rules.grow_above {
            out.push(Advice::Grow {
                roi,
                limit: rules.grow_above,
            });
        }
    }
    if let Some(cac) = f.cac {
        if cac > rules.cac_ceiling {
            out.push(Advice::Pause {
                cac,
                ceiling: rules.cac_ceiling,
            });
        }
    }
    if let Some(conversion) = f.conversion {
        if conversion > rules.conversion_above {
            out.push(Advice::Add {
                conversion,
                limit: rules.conversion_above,
            });
        }
    }
    out
}

/// A line's planned amount before and after a reallocation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LineChange {
    pub line: ItemId,
    pub channel: ItemId,
    pub before: Money,
    pub after: Money,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Proposal {
    /// What actually moves: the amount asked for, or less if the weak
    /// channels cannot give more without going below the floor.
    pub moved: Money,
    pub changes: Vec<LineChange>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReallocError {
    NothingAsked,
    /// No channel has an ROI below the cut threshold.
    NoWeakChannel,
    /// No channel with lines has an ROI above the grow threshold.
    NoStrongChannel,
    /// The weak channels' lines are all at or below the floor.
    NothingAboveFloor,
}

/// Moves up to `amount` from the channels whose ROI is below the cut
/// threshold (weakest first, largest line first) to those above the grow
/// threshold, in proportion to their ROI. The total never changes, and no
/// line is taken below `floor` (a line already below it is left alone).
pub fn propose(budget: &Budget, amount: Money, floor: Money) -> Result<Proposal, ReallocError> {
    if !amount.is_positive() {
        return Err(ReallocError::NothingAsked);
    }
    let floor = floor.max(Money::ZERO);
    let rules = &budget.rules;
    let rated: Vec<(&Channel, Value)> = budget
        .channels
        .iter()
        .filter_map(|c| figures(budget, c).roi.map(|roi| (c, roi)))
        .collect();
    let mut weak: Vec<&(&Channel, Value)> = rated.iter().filter(|(_, roi)| *roi < rules.cut_below).collect();
    sort_by_rank(&mut weak, |(_, roi)| (roi.thousandths(), 0));
    if weak.is_empty() {
        return Err(ReallocError::NoWeakChannel);
    }
    let has_lines = |c: &Channel| budget.lines.iter().any(|l| l.channel == Some(c.id));
    let strong: Vec<&(&Channel, Value)> = rated
        .iter()
        .filter(|(c, roi)| *roi > rules.grow_above && has_lines(c))
        .collect();
    if strong.is_empty() {
        return Err(ReallocError::NoStrongChannel);
    }

    let mut changes: Vec<LineChange> = Vec::new();
    let mut left = amount;
    for (channel, _) in &weak {
        let mut lines: Vec<_> = budget.lines.iter().filter(|l| l.channel == Some(channel.id)).collect();
        sort_by_rank(&mut lines, |l| (-l.amount.fen(), 0));
        for line in lines {
            if !left.is_positive() {
                break;
            }
            let spare = line.amount - floor;
            if !spare.is_positive() {
                continue;
            }
            let give = spare.min(left);
            left = left - give;
            changes.push(LineChange {
                line: line.id,
                channel: channel.id,
                before: line.amount,
                after: line.amount - give,
            });
        }
    }
    let moved = amount - left;
    if !moved.is_positive() {
        return Err(ReallocError::NothingAboveFloor);
    }
    let weights: Vec<u64> = strong.iter().map(|(_, roi)| roi.thousandths().max(1) as u64).collect();
    for ((channel, _), share) in strong.iter().zip(apportion(moved, &weights)) {
        if !share.is_positive() {
            continue;
        }
        // The channel's largest line takes the money: it is where the
        // channel already spends, and one change is easy to review.
        let Some(line) = budget
            .lines
            .iter()
            .filter(|l| l.channel == Some(channel.id))
            .max_by(|a, b| a.amount.cmp(&b.amount).then(b.id.cmp(&a.id)))
        else {
            continue;
        };
        changes.push(LineChange {
            line: line.id,
            channel: channel.id,
            before: line.amount,
            after: line.amount + share,
        });
    }
    Ok(Proposal { moved, changes })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::budget::{Actual, BudgetLine};
    use crate::domain::core::ids::{CountingIds, IdSource};
    use chrono::NaiveDate;
    use proptest::prelude::*;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, 1, 5).unwrap()
    }

    /// A budget with one line per channel: (planned yuan, spent yuan, revenue yuan).
    fn budget(channels: &[(i64, i64, i64)]) -> Budget {
        let mut ids = CountingIds::default();
        let mut b = Budget::default();
        for &(planned, spent, revenue) in channels {
            let mut c = Channel::new(ids.item_id(), "c");
            c.revenue = Money::from_yuan(revenue);
            let mut line = BudgetLine::new(ids.item_id(), "l", Money::from_yuan(planned));
            line.channel = Some(c.id);
            if spent > 0 {
                line.actuals.push(Actual {
                    id: ids.item_id(),
                    date: day(),
                    amount: Money::from_yuan(spent),
                    note: String::new(),
                });
            }
            b.channels.push(c);
            b.lines.push(line);
        }
        b
    }

    #[test]
    fn roi_cac_conversion_and_ltv() {
        let mut b = budget(&[(100_000, 100_000, 500_000)]);
        b.channels[0].customers = 1_000;
        b.channels[0].leads = 4_000;
        b.channels[0].order_value = Some(Money::from_yuan(300));
        b.channels[0].repeat_rate = Some(Rate(5_000));
        let f = figures(&b, &b.channels[0]);
        assert_eq!(f.roi, Some(Value::from_units(5)));
        assert_eq!(f.cac, Some(Money::from_yuan(100)));
        assert_eq!(f.conversion, Some(Rate(2_500)));
        assert_eq!(f.ltv, Some(Money::from_yuan(600)));
        assert_eq!(f.ltv_cac, Some(Value::from_units(6)));
    }

    #[test]
    fn zeros_give_no_figure_not_infinity() {
        let b = budget(&[(100_000, 0, 0)]);
        let f = figures(&b, &b.channels[0]);
        assert_eq!(
            (f.roi, f.cac, f.conversion, f.ltv, f.ltv_cac),
            (None, None, None, None, None)
        );
        let mut b = budget(&[(100, 100, 0)]);
        b.channels[0].customers = 10;
        b.channels[0].repeat_rate = Some(Rate::FULL);
        let f = figures(&b, &b.channels[0]);
        assert_eq!(f.roi, Some(Value::ZERO));
        assert_eq!(f.ltv, None, "a 100% repeat rate has no finite lifetime value");
        assert!(advice(&f, &RoiRules::default()).contains(&Advice::MoveAway {
            roi: Value::ZERO,
            limit: Value::from_units(1)
        }));
    }

    #[test]
    fn each_rule_fires_with_its_numbers() {
        let rules = RoiRules::default();
        let b = budget(&[(10, 10, 8), (10, 10, 15), (10, 10, 25), (10, 10, 40)]);
        let kinds: Vec<Vec<Advice>> = b.channels.iter().map(|c| advice(&figures(&b, c), &rules)).collect();
        assert!(matches!(kinds[0][..], [Advice::MoveAway { .. }]));
        assert!(matches!(kinds[1][..], [Advice::Cut { .. }]));
        assert!(kinds[2].is_empty(), "ROI 2.5 sits between the rules");
        assert_eq!(
            kinds[3],
            vec![Advice::Grow {
                roi: Value::from_units(4),
                limit: Value::from_units(3)
            }]
        );
        let mut b = budget(&[(100_000, 100_000, 1_000_000)]);
        b.channels[0].customers = 500;
        b.channels[0].leads = 1_000;
        let a = advice(&figures(&b, &b.channels[0]), &rules);
        assert!(a.contains(&Advice::Pause {
            cac: Money::from_yuan(200),
            ceiling: Money::from_yuan(150)
        }));
        assert!(a.contains(&Advice::Add {
            conversion: Rate(5_000),
            limit: Rate(1_800)
        }));
    }

    #[test]
    fn reallocation_moves_from_weak_to_strong_by_roi() {
        // ROI 0.5, 4, 8: 30,000 moves from the first to the others, 1:2.
        let b = budget(&[
            (100_000, 100_000, 50_000),
            (50_000, 10_000, 40_000),
            (50_000, 10_000, 80_000),
        ]);
        let p = propose(&b, Money::from_yuan(30_000), Money::ZERO).unwrap();
        assert_eq!(p.moved, Money::from_yuan(30_000));
        let after: Vec<Money> = p.changes.iter().map(|c| c.after).collect();
        assert_eq!(
            after,
            vec![
                Money::from_yuan(70_000),
                Money::from_yuan(60_000),
                Money::from_yuan(70_000)
            ]
        );
        // A floor keeps the weak line at 80,000: only 20,000 moves.
        let p = propose(&b, Money::from_yuan(30_000), Money::from_yuan(80_000)).unwrap();
        assert_eq!(p.moved, Money::from_yuan(20_000));
        assert_eq!(
            propose(&b, Money::from_yuan(1), Money::from_yuan(100_000)),
            Err(ReallocError::NothingAboveFloor)
        );
        let strong_only = budget(&[(10, 10, 80)]);
        assert_eq!(
            propose(&strong_only, Money::from_yuan(1), Money::ZERO),
            Err(ReallocError::NoWeakChannel)
        );
    }

    fn apply(b: &Budget, p: &Proposal) -> Vec<Money> {
        b.lines
            .iter()
            .map(|l| {
                // A line can be both given from and given to only if it is
                // weak and strong at once, which cannot be; the last change wins.
                p.changes
                    .iter()
                    .rev()
                    .find(|c| c.line == l.id)
                    .map_or(l.amount, |c| c.after)
            })
            .collect()
    }

    proptest! {
        #[test]
        fn reallocation_keeps_the_total_and_respects_floors(
            channels in prop::collection::vec((0i64..1_000_000, 1i64..1_000_000, 0i64..5_000_000), 1..8),
            amount in 1i64..2_000_000,
            floor in 0i64..500_000,
        ) {
            let b = budget(&channels);
            let before: Vec<Money> = b.lines.iter().map(|l| l.amount).collect();
            if let Ok(p) = propose(&b, Money::from_yuan(amount), Money::from_yuan(floor)) {
                let after = apply(&b, &p);
                let (sum_before, sum_after): (Money, Money) = (before.iter().sum(), after.iter().sum());
                prop_assert_eq!(sum_before, sum_after);
                prop_assert!(p.moved <= Money::from_yuan(amount));
                for (b0, a) in before.iter().zip(&after) {
                    prop_assert!(!a.is_negative());
                    if a < b0 {
                        prop_assert!(*a >= Money::from_yuan(floor));
                    }
                }
            }
        }
    }
}
