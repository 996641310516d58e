//! Chapter 2's words and drawings: labels for its coded enums, the names of
//! its fields, the texts of its flags, and the journey's emotion curve.

use super::labels::Labelled;
use super::svg::{short, Svg, SvgDoc};
use crate::domain::plan::Plan;
use crate::domain::situation::brief::Month;
use crate::domain::situation::persona::{JourneyText, PersonaText};
use crate::domain::situation::{
    CompetitorText, Emotion, Factor, Force, Impact, Level, LinkFlag, MoveKind, Persona, PositioningKind,
    PositioningText, ResourceCount, ResourceShare, ResourceText, Situation, Stage, SwotKind, Tier, TowsKind,
};
use crate::i18n::{t, Key, Lang, Text};

crate::labels! {
    Factor {
        Political => SitFactorPolitical,
        Economic => SitFactorEconomic,
        Social => SitFactorSocial,
        Technological => SitFactorTechnological,
        Environmental => SitFactorEnvironmental,
        Legal => SitFactorLegal,
    }
    Impact { Opportunity => SitImpactOpportunity, Threat => SitImpactThreat, Neutral => SitImpactNeutral }
    Force {
        Rivalry => SitForceRivalry,
        NewEntrants => SitForceNewEntrants,
        Substitutes => SitForceSubstitutes,
        Suppliers => SitForceSuppliers,
        Buyers => SitForceBuyers,
    }
    Level { Low => SitLevelLow, Medium => SitLevelMedium, High => SitLevelHigh }
    Tier { Head => SitTierHead, Waist => SitTierWaist, Tail => SitTierTail }
    SwotKind {
        Strength => SitSwotStrength,
        Weakness => SitSwotWeakness,
        Opportunity => SitSwotOpportunity,
        Threat => SitSwotThreat,
    }
    TowsKind { So => SitTowsSo, St => SitTowsSt, Wo => SitTowsWo, Wt => SitTowsWt }
    MoveKind { Product => SitMoveProduct, Campaign => SitMoveCampaign, Channel => SitMoveChannel, Price => SitMovePrice }
    Stage {
        Awareness => SitStageAwareness,
        Interest => SitStageInterest,
        Purchase => SitStagePurchase,
        Use => SitStageUse,
        Loyalty => SitStageLoyalty,
        Advocacy => SitStageAdvocacy,
    }
    PositioningKind {
        TechnologyLeader => SitPosTechnologyLeader,
        ServiceExperience => SitPosServiceExperience,
        ScenarioInnovation => SitPosScenarioInnovation,
        ValueForMoney => SitPosValueForMoney,
    }
}

pub fn persona_key(field: PersonaText) -> Key {
    match field {
        PersonaText::Name => Key::SitPName,
        PersonaText::AgeBand => Key::SitPAgeBand,
        PersonaText::CityTier => Key::SitPCityTier,
        PersonaText::IncomeBand => Key::SitPIncomeBand,
        PersonaText::Occupation => Key::SitPOccupation,
        PersonaText::Regions => Key::SitPRegions,
        PersonaText::PurchaseFrequency => Key::SitPPurchaseFrequency,
        PersonaText::ChannelPreference => Key::SitPChannelPreference,
        PersonaText::ActiveHours => Key::SitPActiveHours,
        PersonaText::PainPoints => Key::SitPPainPoints,
        PersonaText::UnmetNeeds => Key::SitPUnmetNeeds,
        PersonaText::ValueLabels => Key::SitPValueLabels,
        PersonaText::EmotionalDrivers => Key::SitPEmotionalDrivers,
    }
}

pub fn competitor_key(field: CompetitorText) -> Key {
    match field {
        CompetitorText::Name => Key::SitCompName,
        CompetitorText::Positioning => Key::SitCompPositioning,
        CompetitorText::ProductLine => Key::SitCompProductLine,
        CompetitorText::Pricing => Key::SitCompPricing,
        CompetitorText::Channels => Key::SitCompChannels,
        CompetitorText::CoreCompetence => Key::SitCompCore,
        CompetitorText::Strengths => Key::SitCompStrengths,
        CompetitorText::Weaknesses => Key::SitCompWeaknesses,
    }
}

pub fn journey_key(field: JourneyText) -> Key {
    match field {
        JourneyText::Touchpoints => Key::SitJourneyTouchpoints,
        JourneyText::PainPoints => Key::SitJourneyPain,
        JourneyText::Opportunities => Key::SitJourneyOpportunities,
    }
}

pub fn positioning_key(field: PositioningText) -> Key {
    match field {
        PositioningText::Statement => Key::SitPosStatement,
        PositioningText::Product => Key::SitPosProduct,
        PositioningText::Communication => Key::SitPosCommunication,
        PositioningText::PointOfSale => Key::SitPosPointOfSale,
    }
}

/// The resource fields in the order the form shows them, internal first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ResourceField {
    Share(ResourceShare),
    Count(ResourceCount),
    Text(ResourceText),
}

pub const INTERNAL: [ResourceField; 7] = [
    ResourceField::Share(ResourceShare::BrandAwareness),
    ResourceField::Share(ResourceShare::Reputation),
    ResourceField::Count(ResourceCount::Patents),
    ResourceField::Share(ResourceShare::RdShare),
    ResourceField::Text(ResourceText::Capacity),
    ResourceField::Count(ResourceCount::DeliveryDays),
    ResourceField::Text(ResourceText::QualitySystem),
];

pub const EXTERNAL: [ResourceField; 5] = [
    ResourceField::Count(ResourceCount::ChannelPartners),
    ResourceField::Count(ResourceCount::Media),
    ResourceField::Count(ResourceCount::Kols),
    ResourceField::Text(ResourceText::Associations),
    ResourceField::Count(ResourceCount::TradeShows),
];

pub fn resource_key(field: ResourceField) -> Key {
    match field {
        ResourceField::Share(ResourceShare::BrandAwareness) => Key::SitResBrandAwareness,
        ResourceField::Share(ResourceShare::Reputation) => Key::SitResReputation,
        ResourceField::Share(ResourceShare::RdShare) => Key::SitResRdShare,
        ResourceField::Count(ResourceCount::Patents) => Key::SitResPatents,
        ResourceField::Count(ResourceCount::DeliveryDays) => Key::SitResDeliveryDays,
        ResourceField::Count(ResourceCount::ChannelPartners) => Key::SitResChannelPartners,
        ResourceField::Count(ResourceCount::Media) => Key::SitResMedia,
        ResourceField::Count(ResourceCount::Kols) => Key::SitResKols,
        ResourceField::Count(ResourceCount::TradeShows) => Key::SitResTradeShows,
        ResourceField::Text(ResourceText::Capacity) => Key::SitResCapacity,
        ResourceField::Text(ResourceText::QualitySystem) => Key::SitResQualitySystem,
        ResourceField::Text(ResourceText::Associations) => Key::SitResAssociations,
        ResourceField::Text(ResourceText::CoreAdvantages) => Key::SitResCoreAdvantages,
    }
}

pub fn emotion_key(e: Emotion) -> Key {
    match e.get() {
        i8::MIN..=-2 => Key::SitEmotionM2,
        -1 => Key::SitEmotionM1,
        0 => Key::SitEmotion0,
        1 => Key::SitEmotionP1,
        _ => Key::SitEmotionP2,
    }
}

/// What a flag on a TOWS strategy says.
pub fn link_flag_text(s: &Situation, flag: LinkFlag) -> Text {
    match flag {
        LinkFlag::MissingSwot(_) => Text::new(Key::SitFlagMissingSwot),
        LinkFlag::WrongKind(id) => {
            Text::new(Key::SitFlagWrongKind).with("text", s.swot_item(id).map(|i| i.text.as_str()).unwrap_or_default())
        }
        LinkFlag::MissingGoal(_) => Text::new(Key::SitFlagMissingGoal),
    }
}

/// A month as a brief's heading says it: `2026年10月`, `October 2026`.
pub fn month_label(lang: Lang, m: Month) -> String {
    match lang {
        Lang::ZhCn => format!("{}年{}月", m.year, m.month),
        Lang::En => {
            let name = m.first_day().map_or("?", crate::domain::core::calendar::month_name);
            format!("{name} {}", m.year)
        }
    }
}

/// The month a brief opens at: today's, if the plan covers it, else the
/// plan's first.
pub fn default_month(plan: &Plan, today: chrono::NaiveDate) -> Month {
    let months = Month::of_period(&plan.period);
    let now = Month::of(today);
    if months.contains(&now) {
        now
    } else {
        months.first().copied().unwrap_or(now)
    }
}

/// A score in hundredths as people read it: `3.85`.
pub fn score_text(hundredths: u32) -> String {
    format!("{}.{:02}", hundredths / 100, hundredths % 100)
}

const CURVE_W: f64 = 600.0;
const CURVE_H: f64 = 180.0;
const PAD_X: f64 = 50.0;
const PAD_TOP: f64 = 20.0;
const PAD_BOTTOM: f64 = 40.0;

/// Where a stage's point sits on the emotion curve: stages evenly across,
/// +2 at the top and −2 at the bottom.
pub fn curve_point(index: usize, emotion: Emotion) -> (f64, f64) {
    let x = PAD_X + (CURVE_W - 2.0 * PAD_X) * index as f64 / 5.0;
    let rows = CURVE_H - PAD_TOP - PAD_BOTTOM;
    let y = PAD_TOP + rows * (2.0 - f64::from(emotion.get())) / 4.0;
    (x, y)
}

/// The journey's emotion curve as SVG: a zero line, the curve, a dot per
/// stage with its emotion as text, the stage names under it.
pub fn emotion_curve(lang: Lang, persona: &Persona) -> SvgDoc {
    let title = format!("{} · {}", t(lang, Key::SitJourneyCurve), persona.name);
    let mut svg = Svg::new("journey-curve", CURVE_W, CURVE_H, &title);
    let (_, zero) = curve_point(0, Emotion::default());
    svg.empty(
        "line",
        &[
            ("class", "journey-zero".into()),
            ("x1", PAD_X.into()),
            ("x2", (CURVE_W - PAD_X).into()),
            ("y1", zero.into()),
            ("y2", zero.into()),
        ],
    );
    let points: Vec<(f64, f64)> = persona
        .emotion_curve()
        .iter()
        .enumerate()
        .map(|(i, (_, e))| curve_point(i, *e))
        .collect();
    let path: String = points
        .iter()
        .enumerate()
        .map(|(i, (x, y))| format!("{}{x:.1},{y:.1}", if i == 0 { 'M' } else { 'L' }))
        .collect();
    svg.empty("path", &[("class", "journey-line".into()), ("d", path.into())]);
    for ((stage, emotion), (x, y)) in persona.emotion_curve().iter().zip(&points) {
        svg.open("g", &[("class", "journey-point".into())]);
        svg.text(
            "title",
            &[],
            &format!("{}: {}", t(lang, stage.label()), t(lang, emotion_key(*emotion))),
        );
        svg.empty("circle", &[("cx", (*x).into()), ("cy", (*y).into()), ("r", short(5.0))]);
        svg.text(
            "text",
            &[
                ("x", (*x).into()),
                ("y", (*y - 9.0).into()),
                ("text-anchor", "middle".into()),
            ],
            &format!("{:+}", emotion.get()),
        );
        svg.text(
            "text",
            &[
                ("class", "journey-stage".into()),
                ("x", (*x).into()),
                ("y", (CURVE_H - 12.0).into()),
                ("text-anchor", "middle".into()),
            ],
            t(lang, stage.label()),
        );
        svg.close("g");
    }
    svg.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::core::ids::{CountingIds, IdSource};

    use crate::app::labels::tests::distinct;

    #[test]
    fn every_value_has_its_own_label() {
        distinct::<Factor>();
        distinct::<Impact>();
        distinct::<Force>();
        distinct::<Level>();
        distinct::<Tier>();
        distinct::<SwotKind>();
        distinct::<TowsKind>();
        distinct::<MoveKind>();
        distinct::<Stage>();
        distinct::<PositioningKind>();
    }

    #[test]
    fn the_curve_puts_plus_two_on_top_and_stages_left_to_right() {
        let top = curve_point(0, Emotion::new(2).expect("emotion"));
        let bottom = curve_point(5, Emotion::new(-2).expect("emotion"));
        assert_eq!(top, (50.0, 20.0));
        assert_eq!(bottom, (550.0, 140.0));
    }

    #[test]
    fn the_curve_holds_names_only_as_text() {
        let mut p = Persona::new(CountingIds::default().item_id(), "<script>x</script>");
        p.journey[3].emotion = Emotion::new(-2).expect("emotion");
        let svg = emotion_curve(Lang::En, &p).into_string();
        assert!(!svg.contains("<script>"));
        assert!(svg.contains("&lt;script&gt;"));
        assert!(svg.contains(">Use: −2 very bad</title>"), "{svg}");
        assert_eq!(svg.matches("<circle").count(), 6);
    }

    #[test]
    fn months_read_naturally_and_scores_have_two_decimals() {
        let m = Month { year: 2026, month: 10 };
        assert_eq!(month_label(Lang::En, m), "October 2026");
        assert_eq!(month_label(Lang::ZhCn, m), "2026年10月");
        assert_eq!(score_text(385), "3.85");
        assert_eq!(score_text(500), "5.00");
    }
}
