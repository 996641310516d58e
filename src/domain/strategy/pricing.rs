//! The pricing calculator (定价方法, DOMAIN.md §4): cost-plus, the
//! competitor band, value-based, the price ladder with its checks, and the
//! dynamic rules laid out as a price calendar. All money is in fen, all
//! rates in basis points; nothing here rounds except to the fen, half away
//! from zero, once per unit price.

use crate::domain::core::ids::ItemId;
use crate::domain::core::money::Money;
use crate::domain::core::rate::Rate;
use crate::domain::plan::Unknown;
use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};

/// A product's place in the portfolio (核心/辅助/延伸).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    #[default]
    Core,
    Supporting,
    Extension,
}

crate::coded!(Role { Core = "core", Supporting = "supporting", Extension = "extension" });

/// The product life cycle (导入/成长/成熟/衰退).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LifeStage {
    Introduction,
    Growth,
    Maturity,
    Decline,
}

crate::coded!(LifeStage {
    Introduction = "introduction",
    Growth = "growth",
    Maturity = "maturity",
    Decline = "decline",
});

/// The handbook's default margin for fast-moving consumer goods, a hint.
pub const FMCG_MARGIN: Rate = Rate(4_000);
/// The competitor band: 25 → 23-27 is 8% either side.
pub const DEFAULT_BAND: Rate = Rate(800);
/// The dynamic rules' defaults: peak +10%, off season −15%, online 10% below.
pub const PEAK_CHANGE: Rate = Rate(1_000);
pub const OFF_CHANGE: Rate = Rate(-1_500);
pub const ONLINE_DISCOUNT: Rate = Rate(1_000);

/// A time-limited promotion price; both days count.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Promotion {
    pub id: ItemId,
    #[serde(default)]
    pub name: String,
    pub price: Money,
    pub start: NaiveDate,
    pub end: NaiveDate,
}

impl Promotion {
    pub fn covers(&self, day: NaiveDate) -> bool {
        self.start <= day && day <= self.end
    }

    fn overlaps(&self, other: &Promotion) -> bool {
        self.start <= other.end && other.start <= self.end
    }
}

/// From `min_quantity` items on, `discount` off the base price.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BulkTier {
    pub id: ItemId,
    pub min_quantity: u32,
    pub discount: Rate,
}

/// Which units a bulk discount applies to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BulkRule {
    /// Buying 5 at "5 items 20% off" makes all 5 units 20% off.
    #[default]
    AllUnits,
    /// Only the units from the tier's quantity on get its discount (units
    /// 1-2 at base, 3-4 at 10% off, 5 and on at 20% off).
    UnitsInTier,
}

crate::coded!(BulkRule { AllUnits = "all_units", UnitsInTier = "units_in_tier" });

/// A season whose price change applies to every day in it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Season {
    pub id: ItemId,
    pub kind: SeasonKind,
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// Signed: +10% in the peak season, −15% off season.
    pub change: Rate,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SeasonKind {
    Peak,
    Off,
}

crate::coded!(SeasonKind { Peak = "peak", Off = "off" });

impl SeasonKind {
    pub fn default_change(self) -> Rate {
        match self {
            Self::Peak => PEAK_CHANGE,
            Self::Off => OFF_CHANGE,
        }
    }
}

/// A product of the portfolio with its pricing.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Product {
    pub id: ItemId,
    pub name: String,
    #[serde(default)]
    pub role: Role,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stage: Option<LifeStage>,
    /// Unit cost.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost: Option<Money>,
    /// Cost-plus: price = cost × (1 + markup).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub markup: Option<Rate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub competitor_price: Option<Money>,
    #[serde(default = "default_band")]
    pub band: Rate,
    /// Value-based: what the product is worth to the customer per period,
    /// as the user estimates it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_value: Option<Money>,
    /// The price ladder's base price.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base: Option<Money>,
    #[serde(default)]
    pub promotions: Vec<Promotion>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub member: Option<Money>,
    #[serde(default)]
    pub bulk: Vec<BulkTier>,
    #[serde(default)]
    pub bulk_rule: BulkRule,
    /// No price may fall below cost × (1 + this); none set, no floor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_margin: Option<Rate>,
    #[serde(default)]
    pub seasons: Vec<Season>,
    /// The new user's first-order discount (off the online price).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_order: Option<Rate>,
    /// How far the online price sits below the offline one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub online_discount: Option<Rate>,
    #[serde(flatten)]
    pub unknown: Unknown,
}

fn default_band() -> Rate {
    DEFAULT_BAND
}

/// `price × (1 + change)`, to the fen; `change` may be negative.
pub fn changed(price: Money, change: Rate) -> Money {
    price.share(Rate(Rate::FULL.0 + change.0))
}

/// `price × (1 − discount)`, to the fen.
pub fn discounted(price: Money, discount: Rate) -> Money {
    changed(price, Rate(-discount.0))
}

/// Cost-plus: cost × (1 + markup).
pub fn cost_plus(cost: Money, markup: Rate) -> Money {
    changed(cost, markup)
}

/// The margin of a price: (price − cost) ÷ price; None for a price of 0.
pub fn margin(price: Money, cost: Money) -> Option<Rate> {
    (price - cost).rate_of(price)
}

/// The markup that gives `margin`: m ÷ (1 − m); None from 100% on.
pub fn markup_for_margin(margin: Rate) -> Option<Rate> {
    let rest = Rate::FULL.0 - margin.0;
    (rest > 0).then(|| {
        let m = i128::from(margin.0) * 10_000;
        let rest = i128::from(rest);
        Rate(((m + m.signum() * rest / 2) / rest) as i64)
    })
}

/// A band around a competitor's price, both ends included.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Band {
    pub low: Money,
    pub high: Money,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BandPosition {
    Below,
    Within,
    Above,
}

impl Band {
    pub fn around(price: Money, width: Rate) -> Band {
        Band {
            low: discounted(price, width),
            high: changed(price, width),
        }
    }

    pub fn position(self, price: Money) -> BandPosition {
        if price < self.low {
            BandPosition::Below
        } else if price > self.high {
            BandPosition::Above
        } else {
            BandPosition::Within
        }
    }
}

/// Which price of the ladder a check is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PriceKind {
    Base,
    Promotion(ItemId),
    Member,
    Bulk(ItemId),
}

/// What is wrong with a product's ladder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LadderFlag {
    /// A promotion or the member price above the base price.
    AboveBase(PriceKind),
    /// A price under cost × (1 + minimum margin).
    UnderFloor {
        kind: PriceKind,
        price: Money,
        floor: Money,
    },
    /// Two promotions on the same days.
    Overlap(ItemId, ItemId),
    /// A promotion that ends before it starts.
    EndsBeforeStart(ItemId),
    /// Two bulk tiers from the same quantity.
    SameQuantity(ItemId, ItemId),
}

/// One day of the price calendar: the offline shelf price (base or
/// promotion, with the season's change), the online price, and the lowest
/// price a new user pays online on that day.
#[derive(Clone, Debug, PartialEq)]
pub struct DayPrice {
    pub date: NaiveDate,
    pub offline: Money,
    pub online: Money,
    pub first_order: Option<Money>,
    pub promotion: Option<ItemId>,
    /// The seasons in force, in the order the product lists them.
    pub seasons: Vec<ItemId>,
    pub under_floor: bool,
}

impl DayPrice {
    /// The lowest price anyone pays on the day (the member price aside).
    pub fn lowest(&self) -> Money {
        let lowest = self.offline.min(self.online);
        self.first_order.map_or(lowest, |f| lowest.min(f))
    }
}

/// Consecutive days with the same prices: `day` is the first of them.
#[derive(Clone, Debug, PartialEq)]
pub struct PriceRun {
    pub day: DayPrice,
    pub last: NaiveDate,
}

impl PriceRun {
    /// The days the run covers.
    pub fn days(&self) -> i64 {
        (self.last - self.day.date).num_days() + 1
    }

    /// The days of `runs` on which a price is under the floor.
    pub fn days_under_floor(runs: &[PriceRun]) -> i64 {
        runs.iter().filter(|r| r.day.under_floor).map(PriceRun::days).sum()
    }

    fn same_as(&self, other: &DayPrice) -> bool {
        let d = &self.day;
        (
            d.offline,
            d.online,
            d.first_order,
            d.promotion,
            &d.seasons,
            d.under_floor,
        ) == (
            other.offline,
            other.online,
            other.first_order,
            other.promotion,
            &other.seasons,
            other.under_floor,
        )
    }
}

impl Product {
    pub fn new(id: ItemId, name: &str) -> Product {
        Product {
            id,
            name: name.to_owned(),
            role: Role::Core,
            stage: None,
            cost: None,
            markup: None,
            competitor_price: None,
            band: DEFAULT_BAND,
            customer_value: None,
            base: None,
            promotions: Vec::new(),
            member: None,
            bulk: Vec::new(),
            bulk_rule: BulkRule::AllUnits,
            min_margin: None,
            seasons: Vec::new(),
            first_order: None,
            online_discount: None,
            unknown: Unknown::new(),
        }
    }

    /// The cost-plus price, when cost and markup are set.
    pub fn cost_plus_price(&self) -> Option<Money> {
        Some(cost_plus(self.cost?, self.markup?))
    }

    pub fn band(&self) -> Option<Band> {
        Some(Band::around(self.competitor_price?, self.band))
    }

    /// The lowest price allowed: cost × (1 + minimum margin).
    pub fn floor(&self) -> Option<Money> {
        Some(changed(self.cost?, self.min_margin?))
    }

    /// The bulk tiers from the smallest quantity up (ties keep their order).
    fn tiers_by_quantity(&self) -> Vec<&BulkTier> {
        let mut tiers: Vec<&BulkTier> = self.bulk.iter().collect();
        crate::domain::core::order::sort_by_rank(&mut tiers, |t| (i64::from(t.min_quantity), 0));
        tiers
    }

    /// The unit price of a bulk tier.
    pub fn tier_price(&self, tier: &BulkTier) -> Option<Money> {
        Some(discounted(self.base?, tier.discount))
    }

    /// What `quantity` units cost at the base price under the bulk rule;
    /// None without a base price.
    pub fn total(&self, quantity: u32) -> Option<Money> {
        let base = self.base?;
        let tiers = self.tiers_by_quantity();
        // The discount of unit number `n` (1-based) under "units in tier",
        // or of every unit when the whole quantity reaches the tier.
        let discount_at = |n: u32| {
            tiers
                .iter()
                .rev()
                .find(|t| t.min_quantity <= n)
                .map_or(Rate(0), |t| t.discount)
        };
        let unit = |d: Rate| discounted(base, d);
        Some(match self.bulk_rule {
            BulkRule::AllUnits => Money::from_fen(unit(discount_at(quantity)).fen() * i64::from(quantity)),
            BulkRule::UnitsInTier => {
                // Count the units at each discount: from one tier's quantity
                // to the next one's, never unit by unit (a quantity may be
                // large).
                let mut total = 0i64;
                let mut from = 1u32;
                let mut discount = Rate(0);
                for tier in &tiers {
                    let to = tier.min_quantity.min(quantity.saturating_add(1));
                    if to > from {
                        total += unit(discount).fen() * i64::from(to - from);
                        from = to;
                    }
                    if tier.min_quantity <= quantity {
                        discount = tier.discount;
                    }
                }
                if quantity >= from {
                    total += unit(discount).fen() * i64::from(quantity - from + 1);
                }
                Money::from_fen(total)
            }
        })
    }

    /// Every check of the ladder, in ladder order.
    pub fn ladder_flags(&self) -> Vec<LadderFlag> {
        let mut flags = Vec::new();
        let floor = self.floor();
        let check = |kind: PriceKind, price: Money, flags: &mut Vec<LadderFlag>| {
            if let Some(floor) = floor.filter(|f| price < *f) {
                flags.push(LadderFlag::UnderFloor { kind, price, floor });
            }
        };
        if let Some(base) = self.base {
            check(PriceKind::Base, base, &mut flags);
        }
        for p in &self.promotions {
            if p.end < p.start {
                flags.push(LadderFlag::EndsBeforeStart(p.id));
            }
            if self.base.is_some_and(|b| p.price > b) {
                flags.push(LadderFlag::AboveBase(PriceKind::Promotion(p.id)));
            }
            check(PriceKind::Promotion(p.id), p.price, &mut flags);
        }
        for (i, a) in self.promotions.iter().enumerate() {
            for b in &self.promotions[i + 1..] {
                if a.overlaps(b) {
                    flags.push(LadderFlag::Overlap(a.id, b.id));
                }
            }
        }
        if let Some(member) = self.member {
            if self.base.is_some_and(|b| member > b) {
                flags.push(LadderFlag::AboveBase(PriceKind::Member));
            }
            check(PriceKind::Member, member, &mut flags);
        }
        for (i, tier) in self.bulk.iter().enumerate() {
            if let Some(price) = self.tier_price(tier) {
                check(PriceKind::Bulk(tier.id), price, &mut flags);
            }
            if let Some(twin) = self.bulk[i + 1..].iter().find(|t| t.min_quantity == tier.min_quantity) {
                flags.push(LadderFlag::SameQuantity(tier.id, twin.id));
            }
        }
        flags
    }

    /// The price in force on `day`: the lowest promotion covering it, else
    /// the base; then every season covering it, one after the other; then
    /// the online discount and the first-order discount on top.
    pub fn day_price(&self, day: NaiveDate) -> Option<DayPrice> {
        let base = self.base?;
        let promotion = self.promotions.iter().filter(|p| p.covers(day)).min_by_key(|p| p.price);
        let mut offline = promotion.map_or(base, |p| p.price);
        let mut seasons = Vec::new();
        for season in self.seasons.iter().filter(|s| s.start <= day && day <= s.end) {
            offline = changed(offline, season.change);
            seasons.push(season.id);
        }
        let online = self.online_discount.map_or(offline, |d| discounted(offline, d));
        let first_order = self.first_order.map(|d| discounted(online, d));
        let mut price = DayPrice {
            date: day,
            offline,
            online,
            first_order,
            promotion: promotion.map(|p| p.id),
            seasons,
            under_floor: false,
        };
        price.under_floor = self.floor().is_some_and(|f| price.lowest() < f);
        Some(price)
    }

    /// The price calendar in runs of days with the same prices and rules,
    /// for reading: a quarter is a handful of lines, not 92.
    pub fn calendar_runs(&self, start: NaiveDate, end: NaiveDate) -> Vec<PriceRun> {
        let mut runs: Vec<PriceRun> = Vec::new();
        for day in self.calendar(start, end) {
            match runs.last_mut() {
                Some(run) if run.same_as(&day) && run.last + Duration::days(1) == day.date => run.last = day.date,
                _ => runs.push(PriceRun { last: day.date, day }),
            }
        }
        runs
    }

    /// The price calendar from `start` to `end`, both included.
    pub fn calendar(&self, start: NaiveDate, end: NaiveDate) -> Vec<DayPrice> {
        let days = (end - start).num_days().max(-1) + 1;
        (0..days)
            .filter_map(|d| self.day_price(start + Duration::days(d)))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::core::ids::{CountingIds, IdSource};

    fn yuan(y: i64) -> Money {
        Money::from_yuan(y)
    }

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).expect("date")
    }

    fn ladder() -> (Product, CountingIds) {
        let mut ids = CountingIds::default();
        let mut p = Product::new(ids.item_id(), "Tea");
        p.base = Some(yuan(100));
        p.bulk = vec![
            BulkTier {
                id: ids.item_id(),
                min_quantity: 3,
                discount: Rate(1_000),
            },
            BulkTier {
                id: ids.item_id(),
                min_quantity: 5,
                discount: Rate(2_000),
            },
        ];
        (p, ids)
    }

    #[test]
    fn markup_and_margin_are_not_the_same_rate() {
        let price = cost_plus(yuan(60), Rate(5_000));
        assert_eq!(price, yuan(90));
        assert_eq!(margin(price, yuan(60)), Some(Rate(3_333)));
        // The fast-moving-goods margin of 40% needs a markup of 66.67%.
        assert_eq!(markup_for_margin(FMCG_MARGIN), Some(Rate(6_667)));
        assert_eq!(cost_plus(yuan(60), Rate(6_667)), Money::from_fen(10_000));
        assert_eq!(markup_for_margin(Rate::FULL), None);
        assert_eq!(margin(Money::ZERO, yuan(1)), None);
    }

    #[test]
    fn the_competitor_band_is_the_handbooks_25_to_23_27() {
        let band = Band::around(yuan(25), DEFAULT_BAND);
        assert_eq!(
            band,
            Band {
                low: yuan(23),
                high: yuan(27)
            }
        );
        assert_eq!(band.position(yuan(23)), BandPosition::Within);
        assert_eq!(band.position(yuan(27)), BandPosition::Within);
        assert_eq!(band.position(Money::from_fen(2_299)), BandPosition::Below);
        assert_eq!(band.position(Money::from_fen(2_701)), BandPosition::Above);
    }

    #[test]
    fn bulk_totals_for_every_unit_around_each_tier() {
        let (p, _) = ladder();
        let totals: Vec<i64> = (1..=6).map(|q| p.total(q).map_or(-1, |m| m.fen() / 100)).collect();
        assert_eq!(totals, vec![100, 200, 270, 360, 400, 480]);
        assert_eq!(p.total(0), Some(Money::ZERO));
    }

    #[test]
    fn bulk_totals_for_units_inside_the_tier_only() {
        let (mut p, _) = ladder();
        p.bulk_rule = BulkRule::UnitsInTier;
        let totals: Vec<i64> = (1..=6).map(|q| p.total(q).map_or(-1, |m| m.fen() / 100)).collect();
        // 1-2 at 100, 3-4 at 90, 5 on at 80.
        assert_eq!(totals, vec![100, 200, 290, 380, 460, 540]);
        assert_eq!(p.total(0), Some(Money::ZERO));
        // A large quantity is counted by tier, not unit by unit.
        assert_eq!(
            p.total(1_000_000),
            Some(Money::from_fen((200 + 180 + 999_996 * 80) * 100))
        );
    }

    #[test]
    fn tiers_typed_in_any_order_count_from_the_smallest() {
        let (mut p, _) = ladder();
        p.bulk.reverse();
        assert_eq!(p.total(4), Some(yuan(360)));
        p.bulk_rule = BulkRule::UnitsInTier;
        assert_eq!(p.total(5), Some(yuan(460)));
        assert_eq!(Product::new(p.id, "x").total(2), None, "no base, no total");
    }

    #[test]
    fn the_ladder_checks_its_prices() {
        let (mut p, mut ids) = ladder();
        p.cost = Some(yuan(60));
        p.min_margin = Some(Rate(5_000)); // floor 90
        let (a, b) = (ids.item_id(), ids.item_id());
        p.promotions = vec![
            Promotion {
                id: a,
                name: String::new(),
                price: yuan(110),
                start: day(11, 1),
                end: day(11, 11),
            },
            Promotion {
                id: b,
                name: String::new(),
                price: yuan(85),
                start: day(11, 11),
                end: day(11, 20),
            },
        ];
        p.member = Some(yuan(95));
        let flags = p.ladder_flags();
        assert!(
            flags.contains(&LadderFlag::AboveBase(PriceKind::Promotion(a))),
            "{flags:?}"
        );
        assert!(flags.contains(&LadderFlag::UnderFloor {
            kind: PriceKind::Promotion(b),
            price: yuan(85),
            floor: yuan(90)
        }));
        assert!(flags.contains(&LadderFlag::Overlap(a, b)));
        // 5 items at 20% off is 80, under the floor; 3 items at 90 is on it.
        let bulk5 = p.bulk[1].id;
        assert!(flags.contains(&LadderFlag::UnderFloor {
            kind: PriceKind::Bulk(bulk5),
            price: yuan(80),
            floor: yuan(90)
        }));
        assert!(!flags
            .iter()
            .any(|f| matches!(f, LadderFlag::UnderFloor { kind: PriceKind::Bulk(t), .. } if *t == p.bulk[0].id)));
        assert!(!flags.contains(&LadderFlag::AboveBase(PriceKind::Member)));
        p.promotions[1].start = day(11, 12);
        assert!(
            !p.ladder_flags().iter().any(|f| matches!(f, LadderFlag::Overlap(..))),
            "adjacent days do not overlap"
        );
    }

    #[test]
    fn the_calendar_where_two_rules_meet() {
        let (mut p, mut ids) = ladder();
        p.cost = Some(yuan(60));
        p.min_margin = Some(Rate(3_000)); // floor 78
        p.online_discount = Some(ONLINE_DISCOUNT);
        let (promo, peak, off) = (ids.item_id(), ids.item_id(), ids.item_id());
        p.promotions = vec![Promotion {
            id: promo,
            name: String::new(),
            price: yuan(90),
            start: day(11, 10),
            end: day(11, 12),
        }];
        p.seasons = vec![
            Season {
                id: peak,
                kind: SeasonKind::Peak,
                start: day(11, 1),
                end: day(11, 11),
                change: PEAK_CHANGE,
            },
            Season {
                id: off,
                kind: SeasonKind::Off,
                start: day(11, 11),
                end: day(11, 30),
                change: OFF_CHANGE,
            },
        ];
        let days = p.calendar(day(11, 9), day(11, 13));
        let offline: Vec<Money> = days.iter().map(|d| d.offline).collect();
        // 9th: peak 110; 10th: promotion 90 in the peak, 99; 11th: promotion,
        // peak and off: 90 × 1.1 × 0.85 = 84.15; 12th: 90 off season 76.50;
        // 13th: base off season 85.
        assert_eq!(
            offline,
            vec![
                yuan(110),
                yuan(99),
                Money::from_fen(8_415),
                Money::from_fen(7_650),
                yuan(85)
            ]
        );
        assert_eq!(days[1].online, Money::from_fen(8_910));
        assert_eq!(days[2].seasons, vec![peak, off]);
        assert_eq!(days[2].promotion, Some(promo));
        let under: Vec<bool> = days.iter().map(|d| d.under_floor).collect();
        // Online: 99, 89.10, 75.74 (under 78), 68.85 (under), 76.50 (under).
        assert_eq!(under, vec![false, false, true, true, true]);
        assert_eq!(p.calendar(day(11, 13), day(11, 9)), vec![], "an empty range");
        let year = p.calendar(day(1, 1), day(12, 31));
        assert_eq!(year.len(), 365);
        let runs = p.calendar_runs(day(1, 1), day(12, 31));
        let spans: Vec<(NaiveDate, NaiveDate)> = runs.iter().map(|r| (r.day.date, r.last)).collect();
        assert_eq!(
            spans,
            vec![
                (day(1, 1), day(10, 31)),
                (day(11, 1), day(11, 9)),
                (day(11, 10), day(11, 10)),
                (day(11, 11), day(11, 11)),
                (day(11, 12), day(11, 12)),
                (day(11, 13), day(11, 30)),
                (day(12, 1), day(12, 31)),
            ]
        );
    }

    #[test]
    fn the_first_order_discount_comes_off_the_online_price() {
        let (mut p, _) = ladder();
        p.online_discount = Some(ONLINE_DISCOUNT);
        p.first_order = Some(Rate(2_000));
        let d = p.day_price(day(3, 1)).expect("a price");
        assert_eq!(
            (d.offline, d.online, d.first_order),
            (yuan(100), yuan(90), Some(yuan(72)))
        );
        assert_eq!(d.lowest(), yuan(72));
        assert!(!d.under_floor, "no floor without cost and margin");
    }

    proptest::proptest! {
        /// Under "units in tier", one more unit costs the price of the tier
        /// that unit falls in; under "all units", the total is the quantity
        /// times the unit price of the tier the whole quantity reaches.
        #[test]
        fn bulk_totals_add_up_unit_by_unit(
            base in 1i64..1_000_000,
            tiers in proptest::collection::vec((2u32..50, 0i64..=10_000), 0..4),
            q in 0u32..200,
        ) {
            let mut ids = CountingIds::default();
            let mut p = Product::new(ids.item_id(), "x");
            p.base = Some(Money::from_fen(base));
            p.bulk = tiers.iter().map(|(m, d)| BulkTier { id: ids.item_id(), min_quantity: *m, discount: Rate(*d) }).collect();
            let discount = |n: u32| {
                let mut best: Option<&BulkTier> = None;
                for t in &p.bulk {
                    if t.min_quantity <= n && best.is_none_or(|b| t.min_quantity >= b.min_quantity) {
                        best = Some(t);
                    }
                }
                best.map_or(Rate(0), |t| t.discount)
            };
            let all = p.total(q).map(Money::fen);
            proptest::prop_assert_eq!(all, Some(discounted(Money::from_fen(base), discount(q)).fen() * i64::from(q)));
            p.bulk_rule = BulkRule::UnitsInTier;
            let step = p.total(q + 1).map(Money::fen).zip(p.total(q).map(Money::fen)).map(|(a, b)| a - b);
            proptest::prop_assert_eq!(step, Some(discounted(Money::from_fen(base), discount(q + 1)).fen()));
        }
    }

    #[test]
    fn the_samples_core_product_passes_its_ladder_and_dips_late_in_the_period() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 25).expect("date");
        let now = chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2026, 11, 25, 2, 0, 0)
            .single()
            .expect("now");
        let plan =
            crate::domain::plan::sample::sample_plan(crate::i18n::Lang::En, &mut CountingIds::default(), today, now);
        let core = &plan.strategies.products[0];
        assert_eq!(core.ladder_flags(), vec![]);
        let days = core.calendar(plan.period.start, plan.period.end);
        let under: Vec<NaiveDate> = days.iter().filter(|d| d.under_floor).map(|d| d.date).collect();
        assert_eq!(under.first(), Some(&(plan.period.start + Duration::days(75))));
        assert_eq!(under.last(), Some(&plan.period.end));
        let runs = core.calendar_runs(plan.period.start, plan.period.end);
        assert_eq!(PriceRun::days_under_floor(&runs), under.len() as i64);
        assert_eq!(runs.iter().map(PriceRun::days).sum::<i64>(), days.len() as i64);
    }

    /// Not a test: the benchmark's figure for a year's price calendar
    /// (`scripts/bench.sh` runs it in release; it asserts nothing).
    #[test]
    #[ignore]
    fn bench_price_calendar_of_a_year() {
        let (mut p, mut ids) = ladder();
        p.cost = Some(yuan(60));
        p.min_margin = Some(Rate(3_000));
        p.online_discount = Some(ONLINE_DISCOUNT);
        p.first_order = Some(Rate(1_000));
        for (m, len) in [(3, 14), (6, 17), (11, 10)] {
            p.promotions.push(Promotion {
                id: ids.item_id(),
                name: String::new(),
                price: yuan(85),
                start: day(m, 1),
                end: day(m, 1) + Duration::days(len),
            });
        }
        for (kind, from, to) in [
            (SeasonKind::Peak, day(1, 15), day(2, 20)),
            (SeasonKind::Off, day(7, 1), day(8, 31)),
            (SeasonKind::Peak, day(11, 1), day(12, 31)),
        ] {
            p.seasons.push(Season {
                id: ids.item_id(),
                kind,
                start: from,
                end: to,
                change: kind.default_change(),
            });
        }
        let mut runs: Vec<f64> = (0..5)
            .map(|_| {
                let t0 = std::time::Instant::now();
                for _ in 0..100 {
                    std::hint::black_box(p.calendar(day(1, 1), day(12, 31)));
                }
                t0.elapsed().as_secs_f64() * 1000.0 / 100.0
            })
            .collect();
        runs.sort_by(f64::total_cmp);
        println!("price calendar of a year (365 days, 3 promotions, 3 seasons), native release: median {:.3} ms per calendar (all: {:?})", runs[2], runs.iter().map(|r| format!("{r:.3}")).collect::<Vec<_>>());
    }
}
