//! Chapter 6, the budget (预算与资源配置): the total, the budget lines and
//! their splits along five axes, the contingency reserve, actual spending
//! against plan, and the checks that flag what needs a look (DOMAIN.md §6).

pub mod approval;
pub mod edit;
pub mod roi;

use crate::domain::budget::approval::{ApprovalRequest, Tier};
use crate::domain::budget::roi::{Channel, RoiRules};
use crate::domain::core::calendar::{month_start, months_between};
use crate::domain::core::ids::ItemId;
use crate::domain::core::money::{apportion, Money};
use crate::domain::core::order::map_of;
use crate::domain::core::period::Period;
use crate::domain::core::rate::Rate;
use crate::domain::plan::Unknown;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The share of revenue a marketing budget usually takes, shown as a hint.
pub const REVENUE_SHARE_HINT: (Rate, Rate) = (Rate(300), Rate(500));

/// Deviation from an intended split, in basis points, beyond which it is marked.
pub const SPLIT_TOLERANCE: i64 = 500;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Budget {
    #[serde(default)]
    pub total: TotalBasis,
    #[serde(default)]
    pub kind: BudgetKind,
    /// The contingency reserve (应急预留) as a share of the total.
    #[serde(default = "default_reserve")]
    pub reserve: Rate,
    /// The band the reserve is checked against; None follows the plan kind.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reserve_band: Option<Band>,
    /// Intended split per axis: axis code → value code → share.
    #[serde(default = "default_splits")]
    pub splits: BTreeMap<String, BTreeMap<String, Rate>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lines: Vec<BudgetLine>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub channels: Vec<Channel>,
    #[serde(default = "crate::domain::budget::approval::default_tiers")]
    pub tiers: Vec<Tier>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub approvals: Vec<ApprovalRequest>,
    #[serde(default)]
    pub rules: RoiRules,
    /// Count mainland China's official holidays and make-up days when
    /// dating approvals.
    #[serde(default = "yes")]
    pub official_holidays: bool,
    /// Show amounts in 万元 (ten thousands).
    #[serde(default)]
    pub show_wan: bool,
    #[serde(flatten)]
    pub unknown: Unknown,
}

fn yes() -> bool {
    true
}

fn default_reserve() -> Rate {
    Rate(1_000)
}

impl Default for Budget {
    fn default() -> Self {
        Budget {
            total: TotalBasis::default(),
            kind: BudgetKind::Normal,
            reserve: default_reserve(),
            reserve_band: None,
            splits: default_splits(),
            lines: Vec::new(),
            channels: Vec::new(),
            tiers: crate::domain::budget::approval::default_tiers(),
            approvals: Vec::new(),
            rules: RoiRules::default(),
            official_holidays: true,
            show_wan: false,
            unknown: Unknown::new(),
        }
    }
}

/// How the total is set.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "basis", rename_all = "snake_case")]
pub enum TotalBasis {
    Amount {
        amount: Money,
    },
    /// A share of the forecast revenue (3-5% is the usual range).
    ShareOfRevenue {
        revenue: Money,
        share: Rate,
    },
}

impl Default for TotalBasis {
    fn default() -> Self {
        TotalBasis::Amount { amount: Money::ZERO }
    }
}

impl TotalBasis {
    /// The same total, set as `share` of the revenue that gives it.
    pub fn share_of_revenue(total: Money, share: Rate) -> TotalBasis {
        TotalBasis::ShareOfRevenue {
            revenue: if share.0 > 0 {
                total.pro_rata(10_000, share.0)
            } else {
                total
            },
            share,
        }
    }

    pub fn total(self) -> Money {
        match self {
            TotalBasis::Amount { amount } => amount,
            TotalBasis::ShareOfRevenue { revenue, share } => revenue.share(share),
        }
    }
}

/// A normal plan keeps 10-15% in reserve, an innovation plan 15-20%.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BudgetKind {
    #[default]
    Normal,
    Innovation,
}

impl BudgetKind {
    pub const ALL: [BudgetKind; 2] = [Self::Normal, Self::Innovation];

    pub fn default_band(self) -> Band {
        match self {
            Self::Normal => Band {
                low: Rate(1_000),
                high: Rate(1_500),
            },
            Self::Innovation => Band {
                low: Rate(1_500),
                high: Rate(2_000),
            },
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Band {
    pub low: Rate,
    pub high: Rate,
}

/// The five axes a budget is split along at once.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Axis {
    /// Online or offline (线上 / 线下).
    Reach,
    Function,
    Region,
    Category,
    Priority,
}

impl Axis {
    pub const ALL: [Axis; 5] = [
        Self::Reach,
        Self::Function,
        Self::Region,
        Self::Category,
        Self::Priority,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::Reach => "channel",
            Self::Function => "function",
            Self::Region => "region",
            Self::Category => "category",
            Self::Priority => "priority",
        }
    }

    /// The value codes of this axis, in display order.
    pub fn values(self) -> &'static [&'static str] {
        match self {
            Self::Reach => Reach::CODES,
            Self::Function => Function::CODES,
            Self::Region => Region::CODES,
            Self::Category => Category::CODES,
            Self::Priority => PriorityClass::CODES,
        }
    }

    /// DOMAIN.md §6's default split, in percent, in the order of `values`.
    fn default_percents(self) -> &'static [i64] {
        match self {
            Self::Reach => &[60, 40],
            Self::Function => &[50, 30, 20],
            Self::Region => &[70, 30],
            Self::Category => &[30, 40, 20, 0, 0, 10],
            Self::Priority => &[40, 30, 25, 5],
        }
    }
}

pub fn default_splits() -> BTreeMap<String, BTreeMap<String, Rate>> {
    Axis::ALL
        .iter()
        .map(|axis| {
            let shares = map_of(
                axis.values()
                    .iter()
                    .zip(axis.default_percents())
                    .map(|(v, p)| ((*v).to_owned(), Rate(p * 100))),
            );
            (axis.code().to_owned(), shares)
        })
        .fold(BTreeMap::new(), |mut all, (axis, shares)| {
            all.insert(axis, shares);
            all
        })
}

macro_rules! axis_enum {
    ($(#[$doc:meta])* $name:ident { $($variant:ident = $code:literal,)* }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum $name {
            #[default]
            $(#[serde(rename = $code)] $variant,)*
        }

        impl $name {
            pub const CODES: &'static [&'static str] = &[$($code,)*];

            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code,)* }
            }

            pub fn from_code(code: &str) -> Option<$name> {
                match code { $($code => Some($name::$variant),)* _ => None }
            }
        }
    };
}

// The first variant of each is the default for a new line.
axis_enum!(Reach { Online = "online", Offline = "offline", });
axis_enum!(Function { Brand = "brand", SalesPromotion = "sales_promotion", Other = "other", });
axis_enum!(Region { KeyMarkets = "key_markets", Others = "others", });
axis_enum!(
    /// What the money buys.
    Category { Content = "content", Advertising = "advertising", Events = "events", Research = "research", Crm = "crm", Other = "other", }
);
axis_enum!(
    /// The priority class (优先级): what the money is for.
    PriorityClass { Acquisition = "acquisition", Brand = "brand", Conversion = "conversion", Reserve = "reserve", }
);

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BudgetLine {
    pub id: ItemId,
    pub name: String,
    pub amount: Money,
    #[serde(default)]
    pub category: Category,
    /// The channel whose performance this money buys (for ROI).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<ItemId>,
    #[serde(default)]
    pub reach: Reach,
    #[serde(default)]
    pub function: Function,
    #[serde(default)]
    pub region: Region,
    #[serde(default)]
    pub priority: PriorityClass,
    /// The month the money is planned for (its first day); None spreads it
    /// evenly over the plan's months.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub month: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phase: Option<ItemId>,
    #[serde(default)]
    pub owner: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tasks: Vec<ItemId>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actuals: Vec<Actual>,
    #[serde(flatten)]
    pub unknown: Unknown,
}

impl BudgetLine {
    pub fn new(id: ItemId, name: &str, amount: Money) -> BudgetLine {
        BudgetLine {
            id,
            name: name.to_owned(),
            amount,
            category: Category::default(),
            channel: None,
            reach: Reach::default(),
            function: Function::default(),
            region: Region::default(),
            priority: PriorityClass::default(),
            month: None,
            phase: None,
            owner: String::new(),
            tasks: Vec::new(),
            actuals: Vec::new(),
            unknown: Unknown::new(),
        }
    }

    /// The line's value code on `axis`.
    pub fn value_on(&self, axis: Axis) -> &'static str {
        match axis {
            Axis::Reach => self.reach.code(),
            Axis::Function => self.function.code(),
            Axis::Region => self.region.code(),
            Axis::Category => self.category.code(),
            Axis::Priority => self.priority.code(),
        }
    }

    pub fn spent(&self) -> Money {
        self.actuals.iter().map(|a| a.amount).sum()
    }

    pub fn spent_until(&self, day: NaiveDate) -> Money {
        self.actuals.iter().filter(|a| a.date <= day).map(|a| a.amount).sum()
    }
}

/// One dated payment against a line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actual {
    pub id: ItemId,
    pub date: NaiveDate,
    pub amount: Money,
    /// Payee or note.
    #[serde(default)]
    pub note: String,
}

/// What is wrong with a budget edit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BudgetError {
    LineNameEmpty,
    NegativeAmount,
    /// An actual entry dated outside the plan period.
    ActualOutsidePeriod,
    /// A share below 0% or above 100%.
    ShareOutOfRange,
    ChannelNameEmpty,
    ReserveBand,
    Tiers(crate::domain::budget::approval::TierError),
    Approval(crate::domain::budget::approval::ApprovalError),
    Rules,
}

/// Where a split stands: the intended share, the actual share of the lines,
/// and the difference in basis points (actual − intended).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SplitRow {
    pub value: &'static str,
    pub intended: Rate,
    pub planned: Money,
    pub actual: Option<Rate>,
    pub deviation: Option<i64>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SplitView {
    pub axis: Axis,
    pub rows: Vec<SplitRow>,
    /// The intended shares' sum; anything but 100% cannot be met.
    pub intended_sum: Rate,
}

impl SplitView {
    pub fn adds_up(&self) -> bool {
        self.intended_sum == Rate::FULL
    }
}

/// Planned vs actual for one group (a line, an axis value, a month).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Variance {
    pub planned: Money,
    pub actual: Money,
}

impl Variance {
    /// Actual − planned: positive is over budget.
    pub fn difference(self) -> Money {
        self.actual - self.planned
    }

    /// Share of the plan spent (burn).
    pub fn burn(self) -> Option<Rate> {
        self.actual.rate_of(self.planned)
    }

    pub fn is_over(self) -> bool {
        self.actual > self.planned
    }
}

/// Whether the reserve sits in its band.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReserveCheck {
    Below,
    Within,
    Above,
}

/// Something about the budget a user should look at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BudgetFlag {
    /// The lines plan more than the total less the reserve.
    LinesExceedAvailable {
        planned: Money,
        available: Money,
    },
    ReserveOutsideBand {
        reserve: Rate,
        band: Band,
    },
    SplitDoesNotAddUp {
        axis: Axis,
        sum: Rate,
    },
    /// Only from a file: the app refuses these.
    NegativeAmount {
        line: ItemId,
    },
    ActualOutsidePeriod {
        line: ItemId,
        actual: ItemId,
    },
    LineOverBudget {
        line: ItemId,
        variance: Variance,
    },
    /// At the burn rate so far, the period ends over the total.
    ProjectedOverrun {
        projected: Money,
        total: Money,
    },
    SplitValueUnknown {
        axis: Axis,
        value: String,
    },
}

impl Budget {
    pub fn total(&self) -> Money {
        self.total.total()
    }

    pub fn band(&self) -> Band {
        self.reserve_band.unwrap_or_else(|| self.kind.default_band())
    }

    pub fn reserve_amount(&self) -> Money {
        self.total().share(self.reserve)
    }

    /// What the lines may plan: the total less the reserve.
    pub fn available(&self) -> Money {
        self.total() - self.reserve_amount()
    }

    pub fn planned(&self) -> Money {
        self.lines.iter().map(|l| l.amount).sum()
    }

    pub fn spent(&self) -> Money {
        self.lines.iter().map(BudgetLine::spent).sum()
    }

    pub fn reserve_check(&self) -> ReserveCheck {
        let band = self.band();
        if self.reserve < band.low {
            ReserveCheck::Below
        } else if self.reserve > band.high {
            ReserveCheck::Above
        } else {
            ReserveCheck::Within
        }
    }

    pub fn line(&self, id: ItemId) -> Option<&BudgetLine> {
        self.lines.iter().find(|l| l.id == id)
    }

    pub fn channel(&self, id: ItemId) -> Option<&Channel> {
        self.channels.iter().find(|c| c.id == id)
    }

    pub fn intended(&self, axis: Axis, value: &str) -> Rate {
        self.splits
            .get(axis.code())
            .and_then(|m| m.get(value))
            .copied()
            .unwrap_or(Rate(0))
    }

    /// Intended against actual on every value of `axis`.
    pub fn split(&self, axis: Axis) -> SplitView {
        let planned = self.planned();
        let rows = axis
            .values()
            .iter()
            .map(|&value| {
                let amount: Money = self
                    .lines
                    .iter()
                    .filter(|l| l.value_on(axis) == value)
                    .map(|l| l.amount)
                    .sum();
                let intended = self.intended(axis, value);
                let actual = amount.rate_of(planned);
                SplitRow {
                    value,
                    intended,
                    planned: amount,
                    actual,
                    deviation: actual.map(|a| a.0 - intended.0),
                }
            })
            .collect();
        let intended_sum = Rate(
            self.splits
                .get(axis.code())
                .map_or(0, |m| m.values().map(|r| r.0).sum()),
        );
        SplitView {
            axis,
            rows,
            intended_sum,
        }
    }

    /// Planned vs actual per line.
    pub fn line_variance(&self, line: &BudgetLine) -> Variance {
        Variance {
            planned: line.amount,
            actual: line.spent(),
        }
    }

    /// Planned vs actual for each value of `axis`, in the axis's order.
    pub fn variance_by(&self, axis: Axis) -> Vec<(&'static str, Variance)> {
        axis.values()
            .iter()
            .map(|&value| {
                let lines = self.lines.iter().filter(|l| l.value_on(axis) == value);
                let (planned, actual) =
                    lines.fold((Money::ZERO, Money::ZERO), |(p, a), l| (p + l.amount, a + l.spent()));
                (value, Variance { planned, actual })
            })
            .collect()
    }

    /// What the lines that pay for task `task` plan: the default amount of a
    /// request for that activity.
    pub fn planned_for_task(&self, task: ItemId) -> Money {
        self.lines
            .iter()
            .filter(|l| l.tasks.contains(&task))
            .map(|l| l.amount)
            .sum()
    }

    /// Planned vs actual for each month of the period. A line with a month
    /// counts there (or in the nearest month of the period); one without is
    /// spread evenly over the months. Actuals count in the month they are dated.
    pub fn by_month(&self, period: &Period) -> Vec<(NaiveDate, Variance)> {
        let months = months_between(period.start, period.end);
        if months.is_empty() {
            return Vec::new();
        }
        let mut planned = vec![Money::ZERO; months.len()];
        let mut actual = vec![Money::ZERO; months.len()];
        let index = |day: NaiveDate| -> Option<usize> { months.iter().position(|m| *m == month_start(day)) };
        let even = vec![1u64; months.len()];
        for line in &self.lines {
            match line.month {
                Some(m) => {
                    let i = index(m).unwrap_or(if m < months[0] { 0 } else { months.len() - 1 });
                    planned[i] = planned[i] + line.amount;
                }
                None => {
                    for (slot, part) in planned.iter_mut().zip(apportion(line.amount, &even)) {
                        *slot = *slot + part;
                    }
                }
            }
            for a in &line.actuals {
                if let Some(i) = index(a.date) {
                    actual[i] = actual[i] + a.amount;
                }
            }
        }
        months
            .into_iter()
            .zip(planned.into_iter().zip(actual))
            .map(|(m, (planned, actual))| (m, Variance { planned, actual }))
            .collect()
    }

    /// Spending to `today` extrapolated to the period's end; None before the
    /// period starts, after it ends, or while nothing is spent.
    pub fn projected_spend(&self, period: &Period, today: NaiveDate) -> Option<Money> {
        if today < period.start || today > period.end {
            return None;
        }
        let spent: Money = self.lines.iter().map(|l| l.spent_until(today)).sum();
        if !spent.is_positive() {
            return None;
        }
        let elapsed = (today - period.start).num_days() + 1;
        Some(spent.pro_rata(period.days(), elapsed))
    }

    /// Everything worth a warning, in the order a reader would fix it.
    pub fn flags(&self, period: &Period, today: NaiveDate) -> Vec<BudgetFlag> {
        let mut flags = Vec::new();
        let (planned, available) = (self.planned(), self.available());
        if planned > available && self.total().is_positive() {
            flags.push(BudgetFlag::LinesExceedAvailable { planned, available });
        }
        if self.reserve_check() != ReserveCheck::Within {
            flags.push(BudgetFlag::ReserveOutsideBand {
                reserve: self.reserve,
                band: self.band(),
            });
        }
        for axis in Axis::ALL {
            let view = self.split(axis);
            if !view.adds_up() {
                flags.push(BudgetFlag::SplitDoesNotAddUp {
                    axis,
                    sum: view.intended_sum,
                });
            }
            if let Some(shares) = self.splits.get(axis.code()) {
                for value in shares.keys().filter(|v| !axis.values().contains(&v.as_str())) {
                    flags.push(BudgetFlag::SplitValueUnknown {
                        axis,
                        value: value.clone(),
                    });
                }
            }
        }
        for line in &self.lines {
            if line.amount.is_negative() || line.actuals.iter().any(|a| a.amount.is_negative()) {
                flags.push(BudgetFlag::NegativeAmount { line: line.id });
            }
            for a in line.actuals.iter().filter(|a| !period.contains(a.date)) {
                flags.push(BudgetFlag::ActualOutsidePeriod {
                    line: line.id,
                    actual: a.id,
                });
            }
            let variance = self.line_variance(line);
            if variance.is_over() {
                flags.push(BudgetFlag::LineOverBudget {
                    line: line.id,
                    variance,
                });
            }
        }
        if let Some(projected) = self.projected_spend(period, today) {
            let total = self.total();
            if total.is_positive() && projected > total {
                flags.push(BudgetFlag::ProjectedOverrun { projected, total });
            }
        }
        flags
    }

    /// Checks an actual entry before it is added.
    pub fn check_actual(actual: &Actual, period: &Period) -> Result<(), BudgetError> {
        if actual.amount.is_negative() {
            return Err(BudgetError::NegativeAmount);
        }
        if !period.contains(actual.date) {
            return Err(BudgetError::ActualOutsidePeriod);
        }
        Ok(())
    }

    pub fn check_line(line: &BudgetLine) -> Result<(), BudgetError> {
        if line.name.trim().is_empty() {
            return Err(BudgetError::LineNameEmpty);
        }
        if line.amount.is_negative() {
            return Err(BudgetError::NegativeAmount);
        }
        Ok(())
    }

    /// Shares of one axis: each 0-100%. They need not add up to 100% to be
    /// saved (a user fills them one by one); the view says when they do not.
    pub fn check_split(shares: &BTreeMap<String, Rate>) -> Result<(), BudgetError> {
        if shares.values().any(|r| r.0 < 0 || r.0 > Rate::FULL.0) {
            return Err(BudgetError::ShareOutOfRange);
        }
        Ok(())
    }

    pub fn check_band(band: Band) -> Result<(), BudgetError> {
        if band.low.0 < 0 || band.high.0 > Rate::FULL.0 || band.low > band.high {
            return Err(BudgetError::ReserveBand);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::core::ids::{CountingIds, IdSource};
    use crate::domain::core::period::PeriodKind;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn quarter() -> Period {
        Period::starting_from(PeriodKind::Quarter, d(2027, 1, 1))
    }

    fn budget_with(lines: &[(i64, Reach, Category)]) -> Budget {
        let mut ids = CountingIds::default();
        let mut b = Budget {
            total: TotalBasis::Amount {
                amount: Money::from_yuan(1_000_000),
            },
            ..Budget::default()
        };
        for &(yuan, reach, category) in lines {
            let mut line = BudgetLine::new(ids.item_id(), "line", Money::from_yuan(yuan));
            line.reach = reach;
            line.category = category;
            b.lines.push(line);
        }
        b
    }

    #[test]
    fn default_splits_follow_the_domain_and_add_up() {
        let b = Budget::default();
        for axis in Axis::ALL {
            assert!(b.split(axis).adds_up(), "{axis:?}");
        }
        assert_eq!(b.intended(Axis::Reach, "online"), Rate(6_000));
        assert_eq!(b.intended(Axis::Priority, "reserve"), Rate(500));
    }

    #[test]
    fn actual_split_and_deviation() {
        let b = budget_with(&[
            (500_000, Reach::Online, Category::Advertising),
            (300_000, Reach::Offline, Category::Events),
            (200_000, Reach::Online, Category::Content),
        ]);
        let view = b.split(Axis::Reach);
        assert_eq!(view.rows[0].actual, Some(Rate(7_000)));
        assert_eq!(view.rows[0].deviation, Some(1_000));
        assert_eq!(view.rows[1].deviation, Some(-1_000));
        let by_reach = b.variance_by(Axis::Reach);
        assert_eq!(
            by_reach[0],
            (
                "online",
                Variance {
                    planned: Money::from_yuan(700_000),
                    actual: Money::ZERO
                }
            )
        );
        let mut linked = b.clone();
        let task = linked.lines[0].id;
        linked.lines[0].tasks.push(task);
        linked.lines[2].tasks.push(task);
        assert_eq!(linked.planned_for_task(task), Money::from_yuan(700_000));
        let cat = b.split(Axis::Category);
        assert_eq!(cat.rows[3].actual, Some(Rate(0)), "research has no lines");
        // No lines: no actual shares, not 0% and not NaN.
        assert_eq!(Budget::default().split(Axis::Reach).rows[0].actual, None);
    }

    #[test]
    fn a_split_that_does_not_add_up_is_flagged() {
        let mut b = budget_with(&[]);
        b.splits
            .get_mut("channel")
            .unwrap()
            .insert("online".into(), Rate(7_000));
        let flags = b.flags(&quarter(), d(2027, 1, 1));
        assert!(flags.contains(&BudgetFlag::SplitDoesNotAddUp {
            axis: Axis::Reach,
            sum: Rate(11_000)
        }));
        assert_eq!(
            Budget::check_split(&[("online".to_owned(), Rate(10_001))].into()),
            Err(BudgetError::ShareOutOfRange)
        );
    }

    #[test]
    fn reserve_bands_by_plan_kind() {
        let mut b = budget_with(&[]);
        b.reserve = Rate(1_000);
        assert_eq!(b.reserve_check(), ReserveCheck::Within);
        b.reserve = Rate(999);
        assert_eq!(b.reserve_check(), ReserveCheck::Below);
        b.reserve = Rate(1_500);
        assert_eq!(b.reserve_check(), ReserveCheck::Within);
        b.kind = BudgetKind::Innovation;
        b.reserve = Rate(1_200);
        assert_eq!(b.reserve_check(), ReserveCheck::Below);
        b.reserve = Rate(2_001);
        assert_eq!(b.reserve_check(), ReserveCheck::Above);
        b.reserve_band = Some(Band {
            low: Rate(0),
            high: Rate(2_500),
        });
        assert_eq!(b.reserve_check(), ReserveCheck::Within);
        assert_eq!(b.reserve_amount(), Money::from_yuan(200_100));
        assert!(Budget::check_band(Band {
            low: Rate(2_000),
            high: Rate(1_000)
        })
        .is_err());
    }

    #[test]
    fn total_as_a_share_of_revenue() {
        let t = TotalBasis::ShareOfRevenue {
            revenue: Money::from_yuan(20_000_000),
            share: Rate(400),
        };
        assert_eq!(t.total(), Money::from_yuan(800_000));
        // Switching the basis keeps the total.
        let switched = TotalBasis::share_of_revenue(Money::from_yuan(800_000), Rate(400));
        assert_eq!(switched, t);
        assert_eq!(switched.total(), Money::from_yuan(800_000));
    }

    #[test]
    fn lines_over_the_available_amount_are_flagged() {
        let b = budget_with(&[(950_000, Reach::Online, Category::Content)]);
        let flags = b.flags(&quarter(), d(2027, 1, 1));
        assert!(flags.contains(&BudgetFlag::LinesExceedAvailable {
            planned: Money::from_yuan(950_000),
            available: Money::from_yuan(900_000)
        }));
    }

    #[test]
    fn variance_burn_and_projection() {
        let mut ids = CountingIds::default();
        let mut b = budget_with(&[(100_000, Reach::Online, Category::Content)]);
        b.lines[0].actuals = vec![
            Actual {
                id: ids.item_id(),
                date: d(2027, 1, 10),
                amount: Money::from_yuan(80_000),
                note: String::new(),
            },
            Actual {
                id: ids.item_id(),
                date: d(2027, 2, 1),
                amount: Money::from_yuan(30_000),
                note: String::new(),
            },
        ];
        let v = b.line_variance(&b.lines[0]);
        assert_eq!(v.difference(), Money::from_yuan(10_000));
        assert_eq!(v.burn(), Some(Rate(11_000)));
        let period = quarter();
        let flags = b.flags(&period, d(2027, 2, 1));
        assert!(flags.iter().any(|f| matches!(f, BudgetFlag::LineOverBudget { .. })));
        // 110,000 spent in 32 of 90 days: 309,375 by the end, under 1,000,000.
        assert_eq!(
            b.projected_spend(&period, d(2027, 2, 1)),
            Some(Money::from_yuan(309_375))
        );
        assert!(!flags.iter().any(|f| matches!(f, BudgetFlag::ProjectedOverrun { .. })));
        b.total = TotalBasis::Amount {
            amount: Money::from_yuan(300_000),
        };
        let flags = b.flags(&period, d(2027, 2, 1));
        assert!(flags.iter().any(|f| matches!(f, BudgetFlag::ProjectedOverrun { .. })));
        assert_eq!(b.projected_spend(&period, d(2026, 12, 31)), None);
        let months = b.by_month(&period);
        assert_eq!(months.len(), 3);
        assert_eq!(months[0].1.actual, Money::from_yuan(80_000));
        let planned: Money = months.iter().map(|m| m.1.planned).sum();
        assert_eq!(planned, Money::from_yuan(100_000), "spread evenly, exactly");
    }

    #[test]
    fn actuals_outside_the_period_and_negative_amounts_are_refused() {
        let mut ids = CountingIds::default();
        let mut a = Actual {
            id: ids.item_id(),
            date: d(2026, 12, 31),
            amount: Money::from_yuan(1),
            note: String::new(),
        };
        assert_eq!(
            Budget::check_actual(&a, &quarter()),
            Err(BudgetError::ActualOutsidePeriod)
        );
        a.date = d(2027, 1, 2);
        assert_eq!(Budget::check_actual(&a, &quarter()), Ok(()));
        a.amount = Money::from_fen(-1);
        assert_eq!(Budget::check_actual(&a, &quarter()), Err(BudgetError::NegativeAmount));
        let line = BudgetLine::new(ids.item_id(), "  ", Money::ZERO);
        assert_eq!(Budget::check_line(&line), Err(BudgetError::LineNameEmpty));
    }
}
