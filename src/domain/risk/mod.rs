//! Chapter 7, risk management (风险管理与应急预案, DOMAIN.md §8): the
//! register with likelihood × impact scoring in bands the plan can edit,
//! the 5 × 5 heat map before and after the response, triggers on KPIs of
//! chapter 3, review intervals, and incidents with their response clocks
//! ([`clock`]).

pub mod clock;
pub mod edit;

pub use clock::{Clock, Incident, Step, WorkingHours};

use crate::domain::core::ids::ItemId;
use crate::domain::core::period::Period;
use crate::domain::core::value::Value;
use crate::domain::goals::kpi::{CheckIn, Direction, Kpi};
use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize};

/// The categories seen in practice, each with a suggested response in the
/// catalogue (`risk.cat.<code>.response`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// Public opinion, a PR crisis (舆情).
    PrCrisis,
    Execution,
    /// Advertising law, personal-information protection.
    Compliance,
    Competition,
    DemandShift,
    BrandDamage,
    ChannelConflict,
    BudgetOverrun,
    ProductQuality,
    SupplyChain,
    DataAccuracy,
    DataPrivacy,
    SystemIntegration,
    TeamResistance,
    InnovationFailure,
    PolicyChange,
    CashFlow,
    TalentLoss,
    Other,
}

crate::coded!(Category {
    PrCrisis = "pr_crisis",
    Execution = "execution",
    Compliance = "compliance",
    Competition = "competition",
    DemandShift = "demand_shift",
    BrandDamage = "brand_damage",
    ChannelConflict = "channel_conflict",
    BudgetOverrun = "budget_overrun",
    ProductQuality = "product_quality",
    SupplyChain = "supply_chain",
    DataAccuracy = "data_accuracy",
    DataPrivacy = "data_privacy",
    SystemIntegration = "system_integration",
    TeamResistance = "team_resistance",
    InnovationFailure = "innovation_failure",
    PolicyChange = "policy_change",
    CashFlow = "cash_flow",
    TalentLoss = "talent_loss",
    Other = "other",
});

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RiskStatus {
    #[default]
    Open,
    Watching,
    Triggered,
    Closed,
}

crate::coded!(RiskStatus { Open = "open", Watching = "watching", Triggered = "triggered", Closed = "closed" });

/// A likelihood or an impact, 1 (rare, slight) to 5 (almost certain,
/// severe). A file with any other number is refused with the reason.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Scale(u8);

impl Scale {
    pub const ALL: [Scale; 5] = [Scale(1), Scale(2), Scale(3), Scale(4), Scale(5)];

    pub fn new(n: u8) -> Option<Scale> {
        (1..=5).contains(&n).then_some(Scale(n))
    }

    pub fn get(self) -> u8 {
        self.0
    }
}

impl<'de> Deserialize<'de> for Scale {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let n = u8::deserialize(d)?;
        Scale::new(n).ok_or_else(|| serde::de::Error::custom(format!("likelihood and impact are 1-5, got {n}")))
    }
}

/// Likelihood × impact, 1-25.
pub fn score(likelihood: Scale, impact: Scale) -> u8 {
    likelihood.0 * impact.0
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Band {
    Low,
    Medium,
    High,
}

/// Where the bands start: default low 1-6, medium 7-14, high 15-25.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bands {
    pub medium_from: u8,
    pub high_from: u8,
}

impl Default for Bands {
    fn default() -> Self {
        Bands {
            medium_from: 7,
            high_from: 15,
        }
    }
}

impl Bands {
    pub fn band(self, score: u8) -> Band {
        if score >= self.high_from {
            Band::High
        } else if score >= self.medium_from {
            Band::Medium
        } else {
            Band::Low
        }
    }

    /// Each band holds at least one score: 2 ≤ medium < high ≤ 25.
    pub fn is_valid(self) -> bool {
        2 <= self.medium_from && self.medium_from < self.high_from && self.high_from <= 25
    }
}

/// "CAC above 150": a threshold on a KPI of chapter 3. The bad side
/// follows the KPI: above the threshold for a KPI that is better lower,
/// below it for one that is better higher. The threshold itself is still
/// fine.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KpiTrigger {
    pub kpi: ItemId,
    pub threshold: Value,
}

impl KpiTrigger {
    pub fn is_crossed_by(self, direction: Direction, value: Value) -> bool {
        match direction {
            Direction::HigherIsBetter => value < self.threshold,
            Direction::LowerIsBetter => value > self.threshold,
        }
    }

    /// The check-in that crossed the threshold, if the KPI is across it
    /// now: the first of the run of check-ins on the bad side that ends
    /// with the latest one (on or before `today`). A KPI that came back
    /// has no crossing.
    pub fn crossing<'a>(self, kpi: &'a Kpi, period: &Period, today: NaiveDate) -> Option<&'a CheckIn> {
        let history: Vec<&CheckIn> = kpi.history(period).into_iter().filter(|c| c.date <= today).collect();
        let mut first = None;
        for c in history.iter().rev() {
            if self.is_crossed_by(kpi.direction, c.value) {
                first = Some(*c);
            } else {
                break;
            }
        }
        first
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Risk {
    pub id: ItemId,
    pub category: Category,
    pub description: String,
    pub likelihood: Scale,
    pub impact: Scale,
    /// The position of the team that owns it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<ItemId>,
    /// The warning sign (预警阈值) in words.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub trigger: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kpi_trigger: Option<KpiTrigger>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub response: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub residual_likelihood: Option<Scale>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub residual_impact: Option<Scale>,
    #[serde(default)]
    pub status: RiskStatus,
    /// Days between reviews; None is never reviewed on a schedule.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review_days: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reviewed_on: Option<NaiveDate>,
}

impl Risk {
    pub fn new(id: ItemId, category: Category, description: &str) -> Risk {
        Risk {
            id,
            category,
            description: description.to_owned(),
            likelihood: Scale(3),
            impact: Scale(3),
            owner: None,
            trigger: String::new(),
            kpi_trigger: None,
            response: String::new(),
            residual_likelihood: None,
            residual_impact: None,
            status: RiskStatus::Open,
            review_days: Some(30),
            reviewed_on: None,
        }
    }

    pub fn score(&self) -> u8 {
        score(self.likelihood, self.impact)
    }

    /// After the response; a residual not given is the same as before.
    pub fn residual(&self) -> (Scale, Scale) {
        (
            self.residual_likelihood.unwrap_or(self.likelihood),
            self.residual_impact.unwrap_or(self.impact),
        )
    }

    pub fn residual_score(&self) -> u8 {
        let (l, i) = self.residual();
        score(l, i)
    }

    /// When the next review is due: the interval after the last review,
    /// or after the plan's start if it has never been reviewed.
    pub fn review_due(&self, period: &Period) -> Option<NaiveDate> {
        let days = self.review_days?;
        let from = self.reviewed_on.unwrap_or(period.start);
        from.checked_add_signed(Duration::days(i64::from(days)))
    }
}

/// The register: chapter 7.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Risks {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub risks: Vec<Risk>,
    #[serde(default)]
    pub bands: Bands,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub incidents: Vec<Incident>,
    #[serde(default)]
    pub hours: WorkingHours,
}

impl Risks {
    pub fn is_empty(&self) -> bool {
        *self == Risks::default()
    }

    pub fn risk(&self, id: ItemId) -> Option<&Risk> {
        self.risks.iter().find(|r| r.id == id)
    }
}

/// What the register says about one risk today.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Assessment<'a> {
    pub band: Band,
    pub residual_band: Band,
    /// The stored status, or Triggered when its KPI is across the threshold
    /// (a closed risk stays closed).
    pub status: RiskStatus,
    pub crossing: Option<&'a CheckIn>,
    pub flags: Vec<RiskFlag>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RiskFlag {
    /// High before the response and no response plan written.
    HighWithoutResponse,
    /// The review was due on this day.
    ReviewOverdue(NaiveDate),
    /// Its owner's position has been deleted.
    OwnerMissing,
    /// Its trigger's KPI has been deleted.
    KpiMissing,
}

/// The context a risk is judged in: the plan's KPIs, positions, period.
/// (`'c`: how long the context is lent; `'a`: the plan its KPIs are in.)
pub struct Context<'c, 'a> {
    pub kpi: &'c dyn Fn(ItemId) -> Option<&'a Kpi>,
    pub has_position: &'c dyn Fn(ItemId) -> bool,
    pub period: &'c Period,
    pub today: NaiveDate,
}

pub fn assess<'a>(risk: &Risk, bands: Bands, cx: &Context<'_, 'a>) -> Assessment<'a> {
    let band = bands.band(risk.score());
    let mut flags = Vec::new();
    if band == Band::High && risk.response.trim().is_empty() {
        flags.push(RiskFlag::HighWithoutResponse);
    }
    if risk.status != RiskStatus::Closed {
        if let Some(due) = risk.review_due(cx.period).filter(|due| *due < cx.today) {
            flags.push(RiskFlag::ReviewOverdue(due));
        }
    }
    if risk.owner.is_some_and(|o| !(cx.has_position)(o)) {
        flags.push(RiskFlag::OwnerMissing);
    }
    let mut crossing = None;
    if let Some(trigger) = risk.kpi_trigger {
        match (cx.kpi)(trigger.kpi) {
            Some(kpi) => crossing = trigger.crossing(kpi, cx.period, cx.today),
            None => flags.push(RiskFlag::KpiMissing),
        }
    }
    let status = match risk.status {
        RiskStatus::Open | RiskStatus::Watching if crossing.is_some() => RiskStatus::Triggered,
        other => other,
    };
    Assessment {
        band,
        residual_band: bands.band(risk.residual_score()),
        status,
        crossing: if risk.status == RiskStatus::Closed {
            None
        } else {
            crossing
        },
        flags,
    }
}

/// The 5 × 5 heat map: `cells[likelihood - 1][impact - 1]` holds the
/// indexes (in the register) of the risks there.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HeatMap {
    pub cells: [[Vec<usize>; 5]; 5],
}

impl HeatMap {
    /// Closed risks are left out: the map shows what is still exposed.
    pub fn of(risks: &[Risk], after_response: bool) -> HeatMap {
        let mut map = HeatMap::default();
        for (i, r) in risks.iter().enumerate().filter(|(_, r)| r.status != RiskStatus::Closed) {
            let (l, im) = if after_response {
                r.residual()
            } else {
                (r.likelihood, r.impact)
            };
            map.cells[usize::from(l.0 - 1)][usize::from(im.0 - 1)].push(i);
        }
        map
    }

    pub fn at(&self, likelihood: Scale, impact: Scale) -> &[usize] {
        &self.cells[usize::from(likelihood.0 - 1)][usize::from(impact.0 - 1)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::core::ids::{CountingIds, IdSource};
    use crate::domain::core::period::PeriodKind;
    use crate::domain::goals::kpi::{Aggregation, Unit};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn v(x: &str) -> Value {
        Value::parse(x).unwrap()
    }

    fn s(n: u8) -> Scale {
        Scale::new(n).unwrap()
    }

    #[test]
    fn scores_fall_in_the_default_bands_at_each_boundary() {
        let b = Bands::default();
        let cases = [
            (1, Band::Low),
            (6, Band::Low),
            (7, Band::Medium),
            (14, Band::Medium),
            (15, Band::High),
            (25, Band::High),
        ];
        for (score, band) in cases {
            assert_eq!(b.band(score), band, "{score}");
        }
        assert_eq!(score(s(3), s(5)), 15);
        assert_eq!(score(s(2), s(3)), 6);
        let edited = Bands {
            medium_from: 5,
            high_from: 20,
        };
        assert_eq!(
            (edited.band(4), edited.band(5), edited.band(19), edited.band(20)),
            (Band::Low, Band::Medium, Band::Medium, Band::High)
        );
        assert!(!Bands {
            medium_from: 10,
            high_from: 10
        }
        .is_valid());
        assert!(!Bands {
            medium_from: 1,
            high_from: 10
        }
        .is_valid());
        assert!(!Bands {
            medium_from: 5,
            high_from: 26
        }
        .is_valid());
        assert_eq!(Scale::new(0), None);
        assert_eq!(Scale::new(6), None);
        assert!(serde_json::from_str::<Scale>("7").is_err());
    }

    fn kpi(direction: Direction, values: &[(NaiveDate, &str)]) -> Kpi {
        let mut ids = CountingIds(10);
        Kpi {
            id: ids.item_id(),
            name: "CAC".into(),
            unit: Unit::Currency,
            direction,
            aggregation: Aggregation::Level,
            baseline: v("0"),
            target: v("0"),
            challenge: v("0"),
            check_ins: values
                .iter()
                .map(|(date, x)| CheckIn {
                    id: ids.item_id(),
                    date: *date,
                    value: v(x),
                    note: String::new(),
                })
                .collect(),
            decomposition: None,
            unknown: Default::default(),
        }
    }

    #[test]
    fn a_lower_is_better_kpi_crosses_above_its_threshold_not_at_it() {
        let period = Period::starting_from(PeriodKind::Quarter, d(2027, 1, 1));
        let trigger = KpiTrigger {
            kpi: CountingIds::default().item_id(),
            threshold: v("150"),
        };
        let at = kpi(Direction::LowerIsBetter, &[(d(2027, 1, 10), "150")]);
        assert_eq!(trigger.crossing(&at, &period, d(2027, 2, 1)), None);
        let over = kpi(
            Direction::LowerIsBetter,
            &[
                (d(2027, 1, 10), "140"),
                (d(2027, 1, 17), "151"),
                (d(2027, 1, 24), "162"),
            ],
        );
        let c = trigger.crossing(&over, &period, d(2027, 2, 1)).unwrap();
        assert_eq!(c.date, d(2027, 1, 17), "the check-in that crossed, not the latest");
        // Not yet, on the day before it was measured.
        assert_eq!(trigger.crossing(&over, &period, d(2027, 1, 16)), None);
        let back = kpi(
            Direction::LowerIsBetter,
            &[(d(2027, 1, 17), "151"), (d(2027, 1, 24), "149")],
        );
        assert_eq!(trigger.crossing(&back, &period, d(2027, 2, 1)), None);
    }

    #[test]
    fn a_higher_is_better_kpi_crosses_below_its_threshold() {
        let period = Period::starting_from(PeriodKind::Quarter, d(2027, 1, 1));
        let trigger = KpiTrigger {
            kpi: CountingIds::default().item_id(),
            threshold: v("5"),
        };
        let k = kpi(
            Direction::HigherIsBetter,
            &[(d(2027, 1, 10), "5"), (d(2027, 1, 20), "4.9")],
        );
        assert_eq!(trigger.crossing(&k, &period, d(2027, 1, 15)), None);
        assert_eq!(
            trigger.crossing(&k, &period, d(2027, 1, 25)).map(|c| c.date),
            Some(d(2027, 1, 20))
        );
    }

    #[test]
    fn the_assessment_raises_triggered_and_flags_what_is_missing() {
        let period = Period::starting_from(PeriodKind::Quarter, d(2027, 1, 1));
        let cac = kpi(Direction::LowerIsBetter, &[(d(2027, 1, 17), "180")]);
        let mut ids = CountingIds(500);
        let mut r = Risk::new(ids.item_id(), Category::BudgetOverrun, "CAC runs away");
        r.likelihood = s(4);
        r.impact = s(4);
        r.kpi_trigger = Some(KpiTrigger {
            kpi: cac.id,
            threshold: v("150"),
        });
        r.owner = Some(ids.item_id());
        let find = |id: ItemId| (id == cac.id).then_some(&cac);
        let cx = Context {
            kpi: &find,
            has_position: &|_| false,
            period: &period,
            today: d(2027, 2, 5),
        };
        let a = assess(&r, Bands::default(), &cx);
        assert_eq!(a.band, Band::High);
        assert_eq!(a.status, RiskStatus::Triggered);
        assert_eq!(a.crossing.map(|c| c.date), Some(d(2027, 1, 17)));
        assert_eq!(
            a.flags,
            vec![
                RiskFlag::HighWithoutResponse,
                RiskFlag::ReviewOverdue(d(2027, 1, 31)),
                RiskFlag::OwnerMissing
            ]
        );
        r.status = RiskStatus::Closed;
        r.response = "Cap bids".into();
        let a = assess(&r, Bands::default(), &cx);
        assert_eq!((a.status, a.crossing), (RiskStatus::Closed, None));
        assert_eq!(a.flags, vec![RiskFlag::OwnerMissing]);
    }

    #[test]
    fn the_heat_map_places_each_open_risk_before_and_after_its_response() {
        let mut ids = CountingIds::default();
        let mut a = Risk::new(ids.item_id(), Category::PrCrisis, "Bad review goes viral");
        (a.likelihood, a.impact) = (s(3), s(5));
        a.residual_likelihood = Some(s(2));
        a.residual_impact = Some(s(3));
        let mut b = Risk::new(ids.item_id(), Category::SupplyChain, "Late stock");
        (b.likelihood, b.impact) = (s(3), s(5));
        let mut closed = Risk::new(ids.item_id(), Category::Other, "Gone");
        closed.status = RiskStatus::Closed;
        let risks = [a, b, closed];
        let before = HeatMap::of(&risks, false);
        assert_eq!(before.at(s(3), s(5)), &[0, 1]);
        assert_eq!(before.at(s(3), s(3)), &[] as &[usize]);
        let after = HeatMap::of(&risks, true);
        assert_eq!(after.at(s(2), s(3)), &[0]);
        assert_eq!(after.at(s(3), s(5)), &[1], "no residual given: as before");
    }
}
