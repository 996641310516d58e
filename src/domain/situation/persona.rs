//! Customer personas (用户画像) and their journeys (客户旅程地图).
//!
//! A persona's decision factors carry weights that must add up to 100%;
//! until they do the persona is incomplete and nothing scores with it, so a
//! competitor comparison never rests on weights that do not add up.

use super::Score;
use crate::domain::core::ids::ItemId;
use crate::domain::core::money::Money;
use crate::domain::core::rate::Rate;
use crate::domain::plan::Unknown;
use serde::{Deserialize, Serialize};

/// What a customer weighs when choosing (quality 40, price 25, …).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DecisionFactor {
    pub id: ItemId,
    pub name: String,
    pub weight: Rate,
}

/// A medium the persona uses and its share of their media time.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MediaHabit {
    pub id: ItemId,
    pub name: String,
    pub share: Rate,
}

/// The stages of a customer journey, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    Awareness,
    Interest,
    Purchase,
    Use,
    Loyalty,
    Advocacy,
}

crate::coded!(Stage {
    Awareness = "awareness",
    Interest = "interest",
    Purchase = "purchase",
    Use = "use",
    Loyalty = "loyalty",
    Advocacy = "advocacy",
});

/// How the customer feels at a stage, −2 (very bad) to +2 (very good).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "i8", into = "i8")]
pub struct Emotion(i8);

impl Emotion {
    pub const ALL: [Emotion; 5] = [Emotion(-2), Emotion(-1), Emotion(0), Emotion(1), Emotion(2)];

    pub fn new(value: i8) -> Option<Emotion> {
        (-2..=2).contains(&value).then_some(Emotion(value))
    }

    pub fn get(self) -> i8 {
        self.0
    }
}

impl TryFrom<i8> for Emotion {
    type Error = &'static str;
    fn try_from(value: i8) -> Result<Self, Self::Error> {
        Emotion::new(value).ok_or("an emotion is -2 to 2")
    }
}

impl From<Emotion> for i8 {
    fn from(e: Emotion) -> i8 {
        e.0
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JourneyStage {
    pub stage: Stage,
    #[serde(default)]
    pub touchpoints: String,
    #[serde(default)]
    pub pain_points: String,
    #[serde(default)]
    pub emotion: Emotion,
    #[serde(default)]
    pub opportunities: String,
    /// Goals this stage's pain point is addressed by.
    #[serde(default)]
    pub goals: Vec<ItemId>,
}

impl JourneyStage {
    pub fn new(stage: Stage) -> JourneyStage {
        JourneyStage {
            stage,
            touchpoints: String::new(),
            pain_points: String::new(),
            emotion: Emotion::default(),
            opportunities: String::new(),
            goals: Vec::new(),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum JourneyText {
    Touchpoints,
    PainPoints,
    Opportunities,
}

impl JourneyText {
    pub const ALL: [JourneyText; 3] = [Self::Touchpoints, Self::PainPoints, Self::Opportunities];

    pub fn get(self, s: &JourneyStage) -> &str {
        match self {
            Self::Touchpoints => &s.touchpoints,
            Self::PainPoints => &s.pain_points,
            Self::Opportunities => &s.opportunities,
        }
    }

    pub(crate) fn get_mut(self, s: &mut JourneyStage) -> &mut String {
        match self {
            Self::Touchpoints => &mut s.touchpoints,
            Self::PainPoints => &mut s.pain_points,
            Self::Opportunities => &mut s.opportunities,
        }
    }
}

/// The persona's text fields, in the order the form shows them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PersonaText {
    Name,
    AgeBand,
    CityTier,
    IncomeBand,
    Occupation,
    Regions,
    PurchaseFrequency,
    ChannelPreference,
    ActiveHours,
    PainPoints,
    UnmetNeeds,
    ValueLabels,
    EmotionalDrivers,
}

impl PersonaText {
    pub const ALL: [PersonaText; 13] = [
        Self::Name,
        Self::AgeBand,
        Self::CityTier,
        Self::IncomeBand,
        Self::Occupation,
        Self::Regions,
        Self::PurchaseFrequency,
        Self::ChannelPreference,
        Self::ActiveHours,
        Self::PainPoints,
        Self::UnmetNeeds,
        Self::ValueLabels,
        Self::EmotionalDrivers,
    ];

    /// Fields that take several lines.
    pub fn is_long(self) -> bool {
        matches!(
            self,
            Self::PainPoints | Self::UnmetNeeds | Self::ValueLabels | Self::EmotionalDrivers
        )
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Persona {
    pub id: ItemId,
    pub name: String,
    #[serde(default)]
    pub age_band: String,
    /// Share of women among the persona's customers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub female_share: Option<Rate>,
    #[serde(default)]
    pub city_tier: String,
    #[serde(default)]
    pub income_band: String,
    #[serde(default)]
    pub occupation: String,
    #[serde(default)]
    pub regions: String,
    #[serde(default)]
    pub purchase_frequency: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basket_size: Option<Money>,
    #[serde(default)]
    pub channel_preference: String,
    #[serde(default)]
    pub media: Vec<MediaHabit>,
    #[serde(default)]
    pub active_hours: String,
    #[serde(default)]
    pub pain_points: String,
    #[serde(default)]
    pub unmet_needs: String,
    #[serde(default)]
    pub value_labels: String,
    #[serde(default)]
    pub emotional_drivers: String,
    #[serde(default)]
    pub factors: Vec<DecisionFactor>,
    /// One entry per stage, in stage order (see [`Persona::new`]).
    #[serde(default)]
    pub journey: Vec<JourneyStage>,
    #[serde(flatten)]
    pub unknown: Unknown,
}

impl Persona {
    pub fn new(id: ItemId, name: &str) -> Persona {
        Persona {
            id,
            name: name.to_owned(),
            age_band: String::new(),
            female_share: None,
            city_tier: String::new(),
            income_band: String::new(),
            occupation: String::new(),
            regions: String::new(),
            purchase_frequency: String::new(),
            basket_size: None,
            channel_preference: String::new(),
            media: Vec::new(),
            active_hours: String::new(),
            pain_points: String::new(),
            unmet_needs: String::new(),
            value_labels: String::new(),
            emotional_drivers: String::new(),
            factors: Vec::new(),
            journey: Stage::ALL.into_iter().map(JourneyStage::new).collect(),
            unknown: Unknown::new(),
        }
    }

    pub fn text(&self, field: PersonaText) -> &str {
        match field {
            PersonaText::Name => &self.name,
            PersonaText::AgeBand => &self.age_band,
            PersonaText::CityTier => &self.city_tier,
            PersonaText::IncomeBand => &self.income_band,
            PersonaText::Occupation => &self.occupation,
            PersonaText::Regions => &self.regions,
            PersonaText::PurchaseFrequency => &self.purchase_frequency,
            PersonaText::ChannelPreference => &self.channel_preference,
            PersonaText::ActiveHours => &self.active_hours,
            PersonaText::PainPoints => &self.pain_points,
            PersonaText::UnmetNeeds => &self.unmet_needs,
            PersonaText::ValueLabels => &self.value_labels,
            PersonaText::EmotionalDrivers => &self.emotional_drivers,
        }
    }

    pub(crate) fn text_mut(&mut self, field: PersonaText) -> &mut String {
        match field {
            PersonaText::Name => &mut self.name,
            PersonaText::AgeBand => &mut self.age_band,
            PersonaText::CityTier => &mut self.city_tier,
            PersonaText::IncomeBand => &mut self.income_band,
            PersonaText::Occupation => &mut self.occupation,
            PersonaText::Regions => &mut self.regions,
            PersonaText::PurchaseFrequency => &mut self.purchase_frequency,
            PersonaText::ChannelPreference => &mut self.channel_preference,
            PersonaText::ActiveHours => &mut self.active_hours,
            PersonaText::PainPoints => &mut self.pain_points,
            PersonaText::UnmetNeeds => &mut self.unmet_needs,
            PersonaText::ValueLabels => &mut self.value_labels,
            PersonaText::EmotionalDrivers => &mut self.emotional_drivers,
        }
    }

    /// The sum of the decision factors' weights.
    pub fn weight_sum(&self) -> Rate {
        Rate(self.factors.iter().map(|f| f.weight.0).sum())
    }

    /// Complete when it has factors and their weights add up to exactly
    /// 100%; only a complete persona scores competitors.
    pub fn is_complete(&self) -> bool {
        !self.factors.is_empty() && self.weight_sum() == Rate::FULL
    }

    pub fn media_sum(&self) -> Rate {
        Rate(self.media.iter().map(|m| m.share.0).sum())
    }

    /// The journey entry for `stage`; a file may lack some.
    pub fn stage(&self, stage: Stage) -> Option<&JourneyStage> {
        self.journey.iter().find(|s| s.stage == stage)
    }

    pub(crate) fn stage_mut(&mut self, stage: Stage) -> &mut JourneyStage {
        // A file written by hand may lack a stage: it is added where it belongs.
        let at = match self.journey.iter().position(|s| s.stage == stage) {
            Some(at) => at,
            None => {
                let at = self.journey.iter().take_while(|s| s.stage < stage).count();
                self.journey.insert(at, JourneyStage::new(stage));
                at
            }
        };
        &mut self.journey[at]
    }

    /// The emotion at each stage in stage order (neutral where not given),
    /// the points of the journey's emotion curve.
    pub fn emotion_curve(&self) -> [(Stage, Emotion); 6] {
        Stage::ALL.map(|stage| (stage, self.stage(stage).map(|s| s.emotion).unwrap_or_default()))
    }

    /// A competitor's weighted score on this persona's factors, in hundredths
    /// of a point (1.00 to 5.00 is 100 to 500): the sum of mark × weight.
    /// None while the persona is incomplete or a factor has no mark.
    pub fn weighted_score(&self, marks: &std::collections::BTreeMap<ItemId, Score>) -> Option<u32> {
        if !self.is_complete() {
            return None;
        }
        let mut total: i64 = 0;
        for factor in &self.factors {
            let mark = marks.get(&factor.id)?;
            total += i64::from(mark.get()) * factor.weight.0;
        }
        // Weights are basis points adding up to 10,000: total / 100 is hundredths.
        u32::try_from((total + 50) / 100).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::core::ids::{CountingIds, IdSource};
    use std::collections::BTreeMap;

    fn persona(weights: &[i64]) -> (Persona, Vec<ItemId>) {
        let mut ids = CountingIds::default();
        let mut p = Persona::new(ids.item_id(), "Young parents");
        for (i, w) in weights.iter().enumerate() {
            p.factors.push(DecisionFactor {
                id: ids.item_id(),
                name: format!("f{i}"),
                weight: Rate(w * 100),
            });
        }
        let factor_ids = p.factors.iter().map(|f| f.id).collect();
        (p, factor_ids)
    }

    #[test]
    fn weights_must_add_up_to_exactly_one_hundred_percent() {
        assert!(persona(&[40, 25, 20, 15]).0.is_complete());
        let (p, _) = persona(&[40, 25, 20, 10]);
        assert_eq!(p.weight_sum(), Rate(9_500));
        assert!(!p.is_complete());
        assert!(!persona(&[40, 25, 20, 20]).0.is_complete());
        assert!(!persona(&[]).0.is_complete(), "no factors is not complete");
    }

    #[test]
    fn weighted_scores_use_the_weights_and_need_every_mark() {
        let (p, f) = persona(&[40, 25, 20, 15]);
        let marks: BTreeMap<_, _> = f
            .iter()
            .zip([5, 3, 4, 2])
            .map(|(id, m)| (*id, Score::new(m).expect("mark")))
            .collect();
        // 5×.40 + 3×.25 + 4×.20 + 2×.15 = 2.00 + 0.75 + 0.80 + 0.30 = 3.85
        assert_eq!(p.weighted_score(&marks), Some(385));
        let mut partial = marks.clone();
        partial.remove(&f[2]);
        assert_eq!(p.weighted_score(&partial), None);
        let (wrong, g) = persona(&[40, 25, 20, 10]);
        let marks: BTreeMap<_, _> = g.iter().map(|id| (*id, Score::MID)).collect();
        assert_eq!(wrong.weighted_score(&marks), None, "an incomplete persona never scores");
    }

    #[test]
    fn a_journey_has_every_stage_in_order_even_from_a_sparse_file() {
        let (mut p, _) = persona(&[100]);
        p.journey
            .retain(|s| matches!(s.stage, Stage::Awareness | Stage::Advocacy));
        p.stage_mut(Stage::Use).emotion = Emotion::new(-2).expect("emotion");
        let stages: Vec<_> = p.journey.iter().map(|s| s.stage).collect();
        assert_eq!(stages, vec![Stage::Awareness, Stage::Use, Stage::Advocacy]);
        let curve = p.emotion_curve();
        assert_eq!(curve[3], (Stage::Use, Emotion::new(-2).expect("emotion")));
        assert_eq!(curve[1].1, Emotion::default());
        assert!(serde_json::from_str::<Emotion>("3").is_err());
    }
}
