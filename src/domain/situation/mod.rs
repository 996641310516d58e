//! Chapter 2, situation analysis (市场环境分析与战略定位, DOMAIN.md §2 and
//! §4's positioning): PESTEL, five forces, SWOT and the TOWS matrix drawn
//! from it, the competitor database, personas with their journeys, own
//! resources and the positioning that follows.
//!
//! Findings are not loose text boxes: a SWOT item remembers the PESTEL item
//! it came from, a TOWS strategy names the SWOT items it pairs and the goals
//! it justifies, all by id. A link to something that is gone is kept and
//! flagged ([`Situation::tows_flags`]), never dropped.

pub mod brief;
pub mod edit;
pub mod persona;

pub use persona::{DecisionFactor, Emotion, JourneyStage, MediaHabit, Persona, Stage};

use crate::domain::core::ids::ItemId;
use crate::domain::core::money::Money;
use crate::domain::core::rate::Rate;
use crate::domain::plan::Unknown;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The six macro-environment factors (宏观环境).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Factor {
    Political,
    Economic,
    Social,
    Technological,
    Environmental,
    Legal,
}

crate::coded!(Factor {
    Political = "political",
    Economic = "economic",
    Social = "social",
    Technological = "technological",
    Environmental = "environmental",
    Legal = "legal",
});

/// Which way a finding cuts for us.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Impact {
    Opportunity,
    Threat,
    #[default]
    Neutral,
}

crate::coded!(Impact { Opportunity = "opportunity", Threat = "threat", Neutral = "neutral" });

/// A score on a 1-5 scale: a finding's weight, a competitor's mark on a
/// decision factor. Files holding anything else are refused field by field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct Score(u8);

impl Score {
    pub const MIN: Score = Score(1);
    pub const MID: Score = Score(3);
    pub const ALL: [Score; 5] = [Score(1), Score(2), Score(3), Score(4), Score(5)];

    pub fn new(value: u8) -> Option<Score> {
        (1..=5).contains(&value).then_some(Score(value))
    }

    pub fn get(self) -> u8 {
        self.0
    }
}

impl TryFrom<u8> for Score {
    type Error = &'static str;
    fn try_from(value: u8) -> Result<Self, Self::Error> {
        Score::new(value).ok_or("a score is 1 to 5")
    }
}

impl From<Score> for u8 {
    fn from(score: Score) -> u8 {
        score.0
    }
}

impl Default for Score {
    fn default() -> Self {
        Self::MID
    }
}

/// One PESTEL finding.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PestelItem {
    pub id: ItemId,
    pub factor: Factor,
    #[serde(default)]
    pub finding: String,
    #[serde(default)]
    pub impact: Impact,
    #[serde(default)]
    pub weight: Score,
    #[serde(default)]
    pub source: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
}

/// Porter's five forces (波特五力).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Force {
    Rivalry,
    NewEntrants,
    Substitutes,
    Suppliers,
    Buyers,
}

crate::coded!(Force {
    Rivalry = "rivalry",
    NewEntrants = "new_entrants",
    Substitutes = "substitutes",
    Suppliers = "suppliers",
    Buyers = "buyers",
});

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Low,
    Medium,
    High,
}

crate::coded!(Level { Low = "low", Medium = "medium", High = "high" });

/// One force as assessed: its level (none until assessed), the evidence and
/// our response.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ForceAssessment {
    pub force: Force,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<Level>,
    #[serde(default)]
    pub evidence: String,
    #[serde(default)]
    pub response: String,
}

/// The market's tiers by share (头部/腰部/尾部).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Tier {
    Head,
    Waist,
    Tail,
}

crate::coded!(Tier { Head = "head", Waist = "waist", Tail = "tail" });

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TierShare {
    pub tier: Tier,
    pub share: Rate,
    /// Who is in the tier, in words.
    #[serde(default)]
    pub who: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SwotKind {
    Strength,
    Weakness,
    Opportunity,
    Threat,
}

crate::coded!(SwotKind {
    Strength = "strength",
    Weakness = "weakness",
    Opportunity = "opportunity",
    Threat = "threat",
});

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SwotItem {
    pub id: ItemId,
    pub kind: SwotKind,
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub weight: Score,
    /// The PESTEL finding it was sent from, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_pestel: Option<ItemId>,
}

/// The four TOWS strategies: which internal kind pairs with which external.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TowsKind {
    /// Use strengths to take opportunities.
    So,
    /// Use strengths to meet threats.
    St,
    /// Overcome weaknesses by taking opportunities.
    Wo,
    /// Shrink weaknesses and avoid threats.
    Wt,
}

crate::coded!(TowsKind { So = "so", St = "st", Wo = "wo", Wt = "wt" });

impl TowsKind {
    /// The internal and the external SWOT kind this strategy pairs.
    pub fn pairs(self) -> (SwotKind, SwotKind) {
        match self {
            Self::So => (SwotKind::Strength, SwotKind::Opportunity),
            Self::St => (SwotKind::Strength, SwotKind::Threat),
            Self::Wo => (SwotKind::Weakness, SwotKind::Opportunity),
            Self::Wt => (SwotKind::Weakness, SwotKind::Threat),
        }
    }

    pub fn accepts(self, kind: SwotKind) -> bool {
        let (internal, external) = self.pairs();
        kind == internal || kind == external
    }
}

/// A strategy of the TOWS matrix: the SWOT items it pairs, what to do, and
/// the goals (chapter 3) it justifies.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TowsStrategy {
    pub id: ItemId,
    pub kind: TowsKind,
    #[serde(default)]
    pub action: String,
    #[serde(default)]
    pub swot: Vec<ItemId>,
    #[serde(default)]
    pub goals: Vec<ItemId>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MoveKind {
    Product,
    Campaign,
    Channel,
    Price,
}

crate::coded!(MoveKind { Product = "product", Campaign = "campaign", Channel = "channel", Price = "price" });

/// A dated competitor move; a price change carries the old and new price.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Move {
    pub id: ItemId,
    pub date: NaiveDate,
    pub kind: MoveKind,
    #[serde(default)]
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub old_price: Option<Money>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_price: Option<Money>,
}

impl Move {
    /// The price change as a rate of the old price; None unless this is a
    /// price move with a positive old price and a new one.
    pub fn price_change(&self) -> Option<Rate> {
        if self.kind != MoveKind::Price {
            return None;
        }
        let (old, new) = (self.old_price?, self.new_price?);
        if !old.is_positive() {
            return None;
        }
        // Exact in basis points: (new - old) / old × 10,000, rounded half away.
        let diff = (new.fen() - old.fen()) as i128 * 10_000;
        let old = old.fen() as i128;
        let rounded = (diff + diff.signum() * old / 2) / old;
        Some(Rate(rounded.clamp(i64::MIN as i128, i64::MAX as i128) as i64))
    }
}

/// The text fields of a competitor (竞品数据库, DOMAIN.md §2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CompetitorText {
    Name,
    Positioning,
    ProductLine,
    Pricing,
    Channels,
    CoreCompetence,
    Strengths,
    Weaknesses,
}

impl CompetitorText {
    pub const ALL: [CompetitorText; 8] = [
        Self::Name,
        Self::Positioning,
        Self::ProductLine,
        Self::Pricing,
        Self::Channels,
        Self::CoreCompetence,
        Self::Strengths,
        Self::Weaknesses,
    ];
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Competitor {
    pub id: ItemId,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tier: Option<Tier>,
    #[serde(default)]
    pub positioning: String,
    #[serde(default)]
    pub product_line: String,
    #[serde(default)]
    pub pricing: String,
    #[serde(default)]
    pub channels: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub share: Option<Rate>,
    #[serde(default)]
    pub core_competence: String,
    #[serde(default)]
    pub strengths: String,
    #[serde(default)]
    pub weaknesses: String,
    #[serde(default)]
    pub moves: Vec<Move>,
    /// Marks on the decision factors of the personas, by factor id.
    #[serde(default)]
    pub scores: std::collections::BTreeMap<ItemId, Score>,
    #[serde(flatten)]
    pub unknown: Unknown,
}

impl Competitor {
    pub fn new(id: ItemId, name: &str) -> Competitor {
        Competitor {
            id,
            name: name.to_owned(),
            tier: None,
            positioning: String::new(),
            product_line: String::new(),
            pricing: String::new(),
            channels: String::new(),
            share: None,
            core_competence: String::new(),
            strengths: String::new(),
            weaknesses: String::new(),
            moves: Vec::new(),
            scores: Default::default(),
            unknown: Unknown::new(),
        }
    }

    pub fn text(&self, field: CompetitorText) -> &str {
        match field {
            CompetitorText::Name => &self.name,
            CompetitorText::Positioning => &self.positioning,
            CompetitorText::ProductLine => &self.product_line,
            CompetitorText::Pricing => &self.pricing,
            CompetitorText::Channels => &self.channels,
            CompetitorText::CoreCompetence => &self.core_competence,
            CompetitorText::Strengths => &self.strengths,
            CompetitorText::Weaknesses => &self.weaknesses,
        }
    }

    pub(crate) fn text_mut(&mut self, field: CompetitorText) -> &mut String {
        match field {
            CompetitorText::Name => &mut self.name,
            CompetitorText::Positioning => &mut self.positioning,
            CompetitorText::ProductLine => &mut self.product_line,
            CompetitorText::Pricing => &mut self.pricing,
            CompetitorText::Channels => &mut self.channels,
            CompetitorText::CoreCompetence => &mut self.core_competence,
            CompetitorText::Strengths => &mut self.strengths,
            CompetitorText::Weaknesses => &mut self.weaknesses,
        }
    }
}

/// Own resources (自身资源评估): numbers where numbers belong.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Resources {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub brand_awareness: Option<Rate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reputation: Option<Rate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub patents: Option<u32>,
    /// R&D spending as a share of revenue.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rd_share: Option<Rate>,
    #[serde(default)]
    pub capacity: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery_days: Option<u32>,
    #[serde(default)]
    pub quality_system: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel_partners: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kols: Option<u32>,
    #[serde(default)]
    pub associations: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trade_shows: Option<u32>,
    #[serde(default)]
    pub core_advantages: String,
}

/// The counted resources, each set or cleared on its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ResourceCount {
    Patents,
    DeliveryDays,
    ChannelPartners,
    Media,
    Kols,
    TradeShows,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ResourceShare {
    BrandAwareness,
    Reputation,
    RdShare,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ResourceText {
    Capacity,
    QualitySystem,
    Associations,
    CoreAdvantages,
}

impl Resources {
    pub fn count(&self, field: ResourceCount) -> Option<u32> {
        *self.count_ref(field)
    }

    fn count_ref(&self, field: ResourceCount) -> &Option<u32> {
        match field {
            ResourceCount::Patents => &self.patents,
            ResourceCount::DeliveryDays => &self.delivery_days,
            ResourceCount::ChannelPartners => &self.channel_partners,
            ResourceCount::Media => &self.media,
            ResourceCount::Kols => &self.kols,
            ResourceCount::TradeShows => &self.trade_shows,
        }
    }

    fn count_mut(&mut self, field: ResourceCount) -> &mut Option<u32> {
        match field {
            ResourceCount::Patents => &mut self.patents,
            ResourceCount::DeliveryDays => &mut self.delivery_days,
            ResourceCount::ChannelPartners => &mut self.channel_partners,
            ResourceCount::Media => &mut self.media,
            ResourceCount::Kols => &mut self.kols,
            ResourceCount::TradeShows => &mut self.trade_shows,
        }
    }

    pub fn share(&self, field: ResourceShare) -> Option<Rate> {
        match field {
            ResourceShare::BrandAwareness => self.brand_awareness,
            ResourceShare::Reputation => self.reputation,
            ResourceShare::RdShare => self.rd_share,
        }
    }

    fn share_mut(&mut self, field: ResourceShare) -> &mut Option<Rate> {
        match field {
            ResourceShare::BrandAwareness => &mut self.brand_awareness,
            ResourceShare::Reputation => &mut self.reputation,
            ResourceShare::RdShare => &mut self.rd_share,
        }
    }

    pub fn text(&self, field: ResourceText) -> &str {
        match field {
            ResourceText::Capacity => &self.capacity,
            ResourceText::QualitySystem => &self.quality_system,
            ResourceText::Associations => &self.associations,
            ResourceText::CoreAdvantages => &self.core_advantages,
        }
    }

    fn text_mut(&mut self, field: ResourceText) -> &mut String {
        match field {
            ResourceText::Capacity => &mut self.capacity,
            ResourceText::QualitySystem => &mut self.quality_system,
            ResourceText::Associations => &mut self.associations,
            ResourceText::CoreAdvantages => &mut self.core_advantages,
        }
    }
}

/// The four positioning types (DOMAIN.md §4).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PositioningKind {
    TechnologyLeader,
    ServiceExperience,
    ScenarioInnovation,
    ValueForMoney,
}

crate::coded!(PositioningKind {
    TechnologyLeader = "technology_leader",
    ServiceExperience = "service_experience",
    ScenarioInnovation = "scenario_innovation",
    ValueForMoney = "value_for_money",
});

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Positioning {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<PositioningKind>,
    #[serde(default)]
    pub statement: String,
    /// How the positioning lands in the product, the communication and at
    /// the point of sale.
    #[serde(default)]
    pub product: String,
    #[serde(default)]
    pub communication: String,
    #[serde(default)]
    pub point_of_sale: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PositioningText {
    Statement,
    Product,
    Communication,
    PointOfSale,
}

impl PositioningText {
    pub const ALL: [PositioningText; 4] = [Self::Statement, Self::Product, Self::Communication, Self::PointOfSale];

    pub fn get(self, p: &Positioning) -> &str {
        match self {
            Self::Statement => &p.statement,
            Self::Product => &p.product,
            Self::Communication => &p.communication,
            Self::PointOfSale => &p.point_of_sale,
        }
    }

    pub(crate) fn get_mut(self, p: &mut Positioning) -> &mut String {
        match self {
            Self::Statement => &mut p.statement,
            Self::Product => &mut p.product,
            Self::Communication => &mut p.communication,
            Self::PointOfSale => &mut p.point_of_sale,
        }
    }
}

/// The price change, as a share of the old price, from which the monthly
/// brief flags a price move (*default* 5%, per plan).
pub const DEFAULT_PRICE_THRESHOLD: Rate = Rate(500);

fn default_threshold() -> Rate {
    DEFAULT_PRICE_THRESHOLD
}

/// The whole chapter.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Situation {
    #[serde(default)]
    pub pestel: Vec<PestelItem>,
    /// The forces assessed so far; a force not listed is not assessed yet.
    #[serde(default)]
    pub forces: Vec<ForceAssessment>,
    #[serde(default)]
    pub tiers: Vec<TierShare>,
    #[serde(default)]
    pub swot: Vec<SwotItem>,
    #[serde(default)]
    pub tows: Vec<TowsStrategy>,
    #[serde(default)]
    pub competitors: Vec<Competitor>,
    #[serde(default = "default_threshold")]
    pub price_threshold: Rate,
    #[serde(default)]
    pub personas: Vec<Persona>,
    #[serde(default)]
    pub resources: Resources,
    #[serde(default)]
    pub positioning: Positioning,
    #[serde(flatten)]
    pub unknown: Unknown,
}

impl Default for Situation {
    fn default() -> Self {
        Situation {
            pestel: Vec::new(),
            forces: Vec::new(),
            tiers: Vec::new(),
            swot: Vec::new(),
            tows: Vec::new(),
            competitors: Vec::new(),
            price_threshold: DEFAULT_PRICE_THRESHOLD,
            personas: Vec::new(),
            resources: Resources::default(),
            positioning: Positioning::default(),
            unknown: Unknown::new(),
        }
    }
}

/// What is wrong with one link of a TOWS strategy.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkFlag {
    /// The SWOT item is gone (deleted, or never in this file).
    MissingSwot(ItemId),
    /// The SWOT item is of a kind this strategy does not pair (an S in a WO).
    WrongKind(ItemId),
    MissingGoal(ItemId),
}

/// How a set of shares adds up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ShareTotal {
    pub total: Rate,
}

impl ShareTotal {
    pub fn of(shares: impl IntoIterator<Item = Rate>) -> ShareTotal {
        ShareTotal {
            total: Rate(shares.into_iter().map(|r| r.0).sum()),
        }
    }

    /// Shares of one market cannot add up to more than the whole.
    pub fn is_over(self) -> bool {
        self.total > Rate::FULL
    }
}

impl Situation {
    pub fn is_empty(&self) -> bool {
        *self == Situation::default()
    }

    pub fn swot_item(&self, id: ItemId) -> Option<&SwotItem> {
        self.swot.iter().find(|s| s.id == id)
    }

    pub fn pestel_item(&self, id: ItemId) -> Option<&PestelItem> {
        self.pestel.iter().find(|p| p.id == id)
    }

    pub fn competitor(&self, id: ItemId) -> Option<&Competitor> {
        self.competitors.iter().find(|c| c.id == id)
    }

    pub fn persona(&self, id: ItemId) -> Option<&Persona> {
        self.personas.iter().find(|p| p.id == id)
    }

    pub fn force(&self, force: Force) -> Option<&ForceAssessment> {
        self.forces.iter().find(|f| f.force == force)
    }

    pub fn tier(&self, tier: Tier) -> Option<&TierShare> {
        self.tiers.iter().find(|t| t.tier == tier)
    }

    pub fn tier_total(&self) -> ShareTotal {
        ShareTotal::of(self.tiers.iter().map(|t| t.share))
    }

    pub fn competitor_share_total(&self) -> ShareTotal {
        ShareTotal::of(self.competitors.iter().filter_map(|c| c.share))
    }

    /// The SWOT items sent from this PESTEL finding.
    pub fn sent_from(&self, pestel: ItemId) -> Option<&SwotItem> {
        self.swot.iter().find(|s| s.from_pestel == Some(pestel))
    }

    /// The TOWS strategies that pair this SWOT item.
    pub fn used_by(&self, swot: ItemId) -> Vec<&TowsStrategy> {
        self.tows.iter().filter(|t| t.swot.contains(&swot)).collect()
    }

    /// The TOWS strategies that justify this goal (what a goal shows as
    /// "why"): the analysis behind it.
    pub fn justifying(&self, goal: ItemId) -> Vec<&TowsStrategy> {
        self.tows.iter().filter(|t| t.goals.contains(&goal)).collect()
    }

    /// What is wrong with a strategy's links, in link order; `goal_exists`
    /// answers for chapter 3.
    pub fn tows_flags(&self, tows: &TowsStrategy, goal_exists: impl Fn(ItemId) -> bool) -> Vec<LinkFlag> {
        let swot = tows.swot.iter().filter_map(|id| match self.swot_item(*id) {
            None => Some(LinkFlag::MissingSwot(*id)),
            Some(item) if !tows.kind.accepts(item.kind) => Some(LinkFlag::WrongKind(*id)),
            Some(_) => None,
        });
        let goals = tows
            .goals
            .iter()
            .filter(|g| !goal_exists(**g))
            .map(|g| LinkFlag::MissingGoal(*g));
        swot.chain(goals).collect()
    }

    /// Opportunities (or threats) of the PESTEL and the SWOT by weight,
    /// heaviest first, for the chapter's summary; ties keep their order.
    pub fn top(&self, kind: SwotKind, n: usize) -> Vec<(&str, Score)> {
        let impact = match kind {
            SwotKind::Opportunity => Some(Impact::Opportunity),
            SwotKind::Threat => Some(Impact::Threat),
            SwotKind::Strength | SwotKind::Weakness => None,
        };
        let sent: Vec<ItemId> = self.swot.iter().filter_map(|s| s.from_pestel).collect();
        let mut found: Vec<(&str, Score)> = self
            .swot
            .iter()
            .filter(|s| s.kind == kind)
            .map(|s| (s.text.as_str(), s.weight))
            .chain(
                self.pestel
                    .iter()
                    // A finding already in the SWOT is listed once.
                    .filter(|p| Some(p.impact) == impact && !sent.contains(&p.id))
                    .map(|p| (p.finding.as_str(), p.weight)),
            )
            .collect();
        crate::domain::core::order::sort_by_rank(&mut found, |(_, w)| (-i64::from(w.get()), 0));
        found.truncate(n);
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::core::ids::{CountingIds, IdSource};

    #[test]
    fn scores_are_one_to_five_in_files_too() {
        assert_eq!(Score::new(0), None);
        assert_eq!(Score::new(6), None);
        assert_eq!(Score::new(5).map(Score::get), Some(5));
        assert!(serde_json::from_str::<Score>("6").is_err());
        assert_eq!(serde_json::from_str::<Score>("2").ok(), Score::new(2));
    }

    #[test]
    fn tows_kinds_pair_one_internal_with_one_external_kind() {
        assert!(TowsKind::So.accepts(SwotKind::Strength));
        assert!(TowsKind::So.accepts(SwotKind::Opportunity));
        assert!(!TowsKind::So.accepts(SwotKind::Threat));
        assert!(!TowsKind::Wt.accepts(SwotKind::Strength));
    }

    #[test]
    fn shares_over_the_whole_market_are_over() {
        assert!(!ShareTotal::of([Rate(6_000), Rate(3_000), Rate(1_000)]).is_over());
        assert!(ShareTotal::of([Rate(6_000), Rate(3_000), Rate(1_001)]).is_over());
        assert_eq!(ShareTotal::of([]).total, Rate(0));
    }

    #[test]
    fn price_changes_are_exact_in_basis_points() {
        let mut ids = CountingIds::default();
        let mut price = |old: i64, new: i64| Move {
            id: ids.item_id(),
            date: NaiveDate::from_ymd_opt(2026, 10, 3).expect("date"),
            kind: MoveKind::Price,
            text: String::new(),
            old_price: Some(Money::from_fen(old)),
            new_price: Some(Money::from_fen(new)),
        };
        assert_eq!(price(2_000, 2_100).price_change(), Some(Rate(500)));
        assert_eq!(price(2_000, 1_900).price_change(), Some(Rate(-500)));
        assert_eq!(price(0, 1_900).price_change(), None);
        let mut campaign = price(2_000, 2_500);
        campaign.kind = MoveKind::Campaign;
        assert_eq!(campaign.price_change(), None);
    }

    #[test]
    fn links_to_missing_or_mismatched_items_are_flagged_in_order() {
        let mut ids = CountingIds::default();
        let (s, t, gone, goal, lost_goal) = (
            ids.item_id(),
            ids.item_id(),
            ids.item_id(),
            ids.item_id(),
            ids.item_id(),
        );
        let mut situation = Situation::default();
        for (id, kind) in [(s, SwotKind::Strength), (t, SwotKind::Threat)] {
            situation.swot.push(SwotItem {
                id,
                kind,
                text: "x".into(),
                weight: Score::MID,
                from_pestel: None,
            });
        }
        let tows = TowsStrategy {
            id: ids.item_id(),
            kind: TowsKind::So,
            action: "Lead with quality".into(),
            swot: vec![s, t, gone],
            goals: vec![goal, lost_goal],
        };
        let flags = situation.tows_flags(&tows, |g| g == goal);
        assert_eq!(
            flags,
            vec![
                LinkFlag::WrongKind(t),
                LinkFlag::MissingSwot(gone),
                LinkFlag::MissingGoal(lost_goal)
            ]
        );
    }
}
