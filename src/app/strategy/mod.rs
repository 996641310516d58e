//! Chapter 4's words: labels of its coded enums, the texts of its flags,
//! and the names its coverage view shows for ids.

use super::budget::money;
use super::labels::Labelled;
use crate::domain::core::ids::ItemId;
use crate::domain::core::rate::Rate;
use crate::domain::implementation::{ContentCadence, Per};
use crate::domain::plan::Plan;
use crate::domain::strategy::channels::{Format, KolCriteria, KolFailure, KolFigure};
use crate::domain::strategy::pricing::{BulkRule, LadderFlag, PriceKind, Product, SeasonKind};
use crate::domain::strategy::{Area, ChannelKind, Dangling, LifeStage, MemberLevel, Omo, PrKind, Role};
use crate::i18n::{t, Key, Lang, Text};

crate::labels! {
    Area {
        Positioning => StratAreaPositioning,
        Product => StratAreaProduct,
        Price => StratAreaPrice,
        Channel => StratAreaChannel,
        Promotion => StratAreaPromotion,
        Crm => StratAreaCrm,
    }
    Role { Core => StratRoleCore, Supporting => StratRoleSupporting, Extension => StratRoleExtension }
    LifeStage {
        Introduction => StratStageIntroduction,
        Growth => StratStageGrowth,
        Maturity => StratStageMaturity,
        Decline => StratStageDecline,
    }
    BulkRule { AllUnits => StratRuleAllUnits, UnitsInTier => StratRuleUnitsInTier }
    SeasonKind { Peak => StratSeasonPeak, Off => StratSeasonOff }
    ChannelKind {
        OwnPlatform => StratKindOwnPlatform,
        Marketplace => StratKindMarketplace,
        Social => StratKindSocial,
        Flagship => StratKindFlagship,
        Distributor => StratKindDistributor,
        PopUp => StratKindPopUp,
    }
    Omo {
        SharedInventory => StratOmoSharedInventory,
        SharedMembership => StratOmoSharedMembership,
        JoinedService => StratOmoJoinedService,
    }
    Format {
        Article => StratFormatArticle,
        ShortVideo => StratFormatShortVideo,
        Live => StratFormatLive,
        ImagePost => StratFormatImagePost,
        Case => StratFormatCase,
        Event => StratFormatEvent,
    }
    MemberLevel { Regular => StratLevelRegular, Silver => StratLevelSilver, Gold => StratLevelGold }
    PrKind {
        Publicity => StratPrPublicity,
        Relationship => StratPrRelationship,
        Defensive => StratPrDefensive,
        Offensive => StratPrOffensive,
        Corrective => StratPrCorrective,
    }
}

/// What a PR strategy type asks of the plan.
pub fn pr_asks(kind: PrKind) -> Key {
    match kind {
        PrKind::Publicity => Key::StratPrAsksPublicity,
        PrKind::Relationship => Key::StratPrAsksRelationship,
        PrKind::Defensive => Key::StratPrAsksDefensive,
        PrKind::Offensive => Key::StratPrAsksOffensive,
        PrKind::Corrective => Key::StratPrAsksCorrective,
    }
}

/// A weighted score in hundredths of a point as it reads: `4.25`.
pub fn score_text(hundredths: u32) -> String {
    format!("{}.{:02}", hundredths / 100, hundredths % 100)
}

/// A catalogue text of criteria, one per line.
pub fn criteria_names(lang: Lang, key: Key) -> Vec<String> {
    t(lang, key)
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The typical actions of a life-cycle stage, one per line of the catalogue.
pub fn stage_actions(lang: Lang, stage: LifeStage) -> Vec<&'static str> {
    let key = match stage {
        LifeStage::Introduction => Key::StratActionsIntroduction,
        LifeStage::Growth => Key::StratActionsGrowth,
        LifeStage::Maturity => Key::StratActionsMaturity,
        LifeStage::Decline => Key::StratActionsDecline,
    };
    t(lang, key).lines().filter(|l| !l.trim().is_empty()).collect()
}

/// What a dangling link of a strategy says.
pub fn dangling_key(d: Dangling) -> Key {
    match d {
        Dangling::Goal(_) => Key::StratGoneGoal,
        Dangling::Tows(_) => Key::StratGoneTows,
        Dangling::Task(_) => Key::StratGoneTask,
        Dangling::Line(_) => Key::StratGoneLine,
    }
}

fn promotion_name(p: &Product, id: ItemId) -> String {
    p.promotions
        .iter()
        .find(|x| x.id == id)
        .map(|x| x.name.clone())
        .unwrap_or_default()
}

fn price_kind(p: &Product, kind: PriceKind) -> Text {
    match kind {
        PriceKind::Base => Text::new(Key::StratWhichBase),
        PriceKind::Member => Text::new(Key::StratWhichMember),
        PriceKind::Promotion(id) => Text::new(Key::StratWhichPromo).with("name", promotion_name(p, id)),
        PriceKind::Bulk(id) => {
            let qty = p.bulk.iter().find(|t| t.id == id).map_or(0, |t| t.min_quantity);
            Text::new(Key::StratWhichBulk).with("qty", qty)
        }
    }
}

/// The sentence of a ladder check.
pub fn ladder_flag_text(lang: Lang, plan: &Plan, p: &Product, flag: LadderFlag) -> Text {
    match flag {
        LadderFlag::AboveBase(PriceKind::Member) => Text::new(Key::StratFlagMemberAbove),
        LadderFlag::AboveBase(kind) => {
            let name = match kind {
                PriceKind::Promotion(id) => promotion_name(p, id),
                _ => String::new(),
            };
            Text::new(Key::StratFlagPromoAbove).with("name", name)
        }
        LadderFlag::UnderFloor { kind, price, floor } => Text::new(Key::StratFlagUnderFloor)
            .with_text("which", price_kind(p, kind))
            .with("price", money(lang, plan, price))
            .with("floor", money(lang, plan, floor)),
        LadderFlag::Overlap(a, b) => Text::new(Key::StratFlagOverlap)
            .with("a", promotion_name(p, a))
            .with("b", promotion_name(p, b)),
        LadderFlag::EndsBeforeStart(id) => Text::new(Key::StratFlagEndsBefore).with("name", promotion_name(p, id)),
        LadderFlag::SameQuantity(a, _) => {
            let qty = p.bulk.iter().find(|t| t.id == a).map_or(0, |t| t.min_quantity);
            Text::new(Key::StratFlagSameQty).with("qty", qty)
        }
    }
}

/// What a KOL's failed criterion says, with the plan's threshold in it.
pub fn kol_failure_text(c: &KolCriteria, f: KolFailure) -> Text {
    match f {
        KolFailure::MatchLow => Text::new(Key::StratKolMatchLow).with("min", c.min_match.percent_text()),
        KolFailure::EngagementLow => Text::new(Key::StratKolEngLow).with("min", c.min_engagement.percent_text()),
        KolFailure::CommissionLow => Text::new(Key::StratKolCommLow).with("min", c.min_commission.percent_text()),
        KolFailure::CommissionHigh => Text::new(Key::StratKolCommHigh).with("max", c.max_commission.percent_text()),
        KolFailure::Unknown(KolFigure::Match) => Text::new(Key::StratKolUnknownMatch),
        KolFailure::Unknown(KolFigure::Engagement) => Text::new(Key::StratKolUnknownEngagement),
        KolFailure::Unknown(KolFigure::Commission) => Text::new(Key::StratKolUnknownCommission),
    }
}

/// A publishing cadence of chapter 5 as a theme's channel reads it.
pub fn cadence_text(c: &ContentCadence) -> Text {
    let key = match c.per {
        Per::Week => Key::StratCadenceWeek,
        Per::Month => Key::StratCadenceMonth,
    };
    Text::new(key).with("channel", &c.channel).with("count", c.count)
}

/// A percentage for a text: `12.5%`; signed when `signed` (`+10.0%`).
pub fn percent(rate: Rate, signed: bool) -> String {
    let text = rate.percent_text();
    if signed && rate.0 > 0 {
        format!("+{text}")
    } else {
        text
    }
}

/// The name of a goal or a KPI by id, for links and the coverage view.
pub fn goal_or_kpi_name(plan: &Plan, id: ItemId) -> Option<String> {
    plan.goals.iter().find_map(|g| {
        if g.id == id {
            Some(g.title.clone())
        } else {
            g.kpis
                .iter()
                .find(|k| k.id == id)
                .map(|k| format!("{} · {}", g.title, k.name))
        }
    })
}

/// What the add forms of a product's ladder read from their fields.
pub mod forms {
    use crate::app::budget::parse_percent;
    use crate::app::messages::money_error;
    use crate::domain::core::calendar::parse_date;
    use crate::domain::core::ids::ItemId;
    use crate::domain::core::money::Money;
    use crate::domain::core::rate::Rate;
    use crate::domain::strategy::pricing::{BulkTier, Promotion, Season, SeasonKind};
    use crate::i18n::{Key, Text};
    use chrono::NaiveDate;

    fn dates(start: &str, end: &str) -> Result<(NaiveDate, NaiveDate), Text> {
        let start = parse_date(start).ok_or_else(|| Text::new(Key::ErrorDateInvalid))?;
        let end = parse_date(end).ok_or_else(|| Text::new(Key::ErrorDateInvalid))?;
        if end < start {
            return Err(Text::new(Key::ErrorEndBeforeStart));
        }
        Ok((start, end))
    }

    fn percent(text: &str, min: i64, max: i64) -> Result<Rate, Text> {
        match parse_percent(text) {
            Some(r) if (min..=max).contains(&r.0) => Ok(r),
            Some(_) => Err(Text::new(Key::ErrorPercentRange)
                .with("min", Rate(min).percent_text())
                .with("max", Rate(max).percent_text())),
            None => Err(Text::new(Key::ErrorNumberInvalid).with("text", text.trim())),
        }
    }

    pub fn promotion(id: ItemId, name: &str, price: &str, start: &str, end: &str) -> Result<Promotion, Text> {
        let price = Money::parse(price).map_err(|e| money_error(e, price))?;
        let (start, end) = dates(start, end)?;
        Ok(Promotion {
            id,
            name: name.trim().to_owned(),
            price,
            start,
            end,
        })
    }

    pub fn tier(id: ItemId, quantity: &str, discount: &str) -> Result<BulkTier, Text> {
        let min_quantity = quantity
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|q| *q >= 2)
            .ok_or_else(|| Text::new(Key::ErrorTierTooSmall))?;
        Ok(BulkTier {
            id,
            min_quantity,
            discount: percent(discount, 0, Rate::FULL.0)?,
        })
    }

    pub fn season(id: ItemId, kind: SeasonKind, change: &str, start: &str, end: &str) -> Result<Season, Text> {
        let change = if change.trim().is_empty() {
            kind.default_change()
        } else {
            percent(change, -Rate::FULL.0, Rate::FULL.0)?
        };
        let (start, end) = dates(start, end)?;
        Ok(Season {
            id,
            kind,
            start,
            end,
            change,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::core::ids::{CountingIds, IdSource};
    use crate::domain::plan::sample::sample_plan;
    use chrono::{NaiveDate, TimeZone, Utc};

    #[test]
    fn ladder_flags_read_in_both_languages() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 25).expect("date");
        let now = Utc.with_ymd_and_hms(2026, 11, 25, 2, 0, 0).single().expect("now");
        let plan = sample_plan(Lang::En, &mut CountingIds::default(), today, now);
        let mut p = plan.strategies.products[0].clone();
        p.member = Some(crate::domain::core::money::Money::from_yuan(120));
        let flags = p.ladder_flags();
        let en: Vec<String> = flags
            .iter()
            .map(|f| ladder_flag_text(Lang::En, &plan, &p, *f).render(Lang::En))
            .collect();
        assert_eq!(en, vec!["The member price (¥120.00) is under the floor of ¥150.00."]);
        let zh = ladder_flag_text(Lang::ZhCn, &plan, &p, flags[0]).render(Lang::ZhCn);
        assert_eq!(zh, "会员价（¥120.00）低于底价 ¥150.00。");
        assert_eq!(stage_actions(Lang::En, LifeStage::Growth).len(), 3);
        assert_eq!(percent(Rate(1_000), true), "+10.0%");
        assert_eq!(percent(Rate(-1_500), true), "-15.0%");
    }

    #[test]
    fn the_ladders_forms_read_what_was_typed_or_say_why_not() {
        use crate::domain::strategy::pricing::SeasonKind;
        let id = CountingIds::default().item_id();
        let p = forms::promotion(id, " Double 11 ", "169", "2026-11-01", "2026-11-11").expect("a promotion");
        assert_eq!((p.name.as_str(), p.price.fen()), ("Double 11", 16_900));
        let why = |r: Result<(), Text>| r.err().map(|t| t.render(Lang::En)).unwrap_or_default();
        assert!(why(forms::promotion(id, "", "abc", "2026-11-01", "2026-11-11").map(|_| ())).contains("abc"));
        assert_eq!(
            why(forms::promotion(id, "", "1", "2026-11-11", "2026-11-01").map(|_| ())),
            "The end date cannot be before the start date."
        );
        assert_eq!(
            why(forms::tier(id, "1", "10").map(|_| ())),
            "A bulk tier starts at 2 items or more."
        );
        assert!(why(forms::tier(id, "3", "120").map(|_| ())).contains("0.0% to 100.0%"));
        assert_eq!(forms::tier(id, "3", "10").map(|t| t.discount), Ok(Rate(1_000)));
        let off = forms::season(id, SeasonKind::Off, "", "2026-12-15", "2026-12-31").expect("a season");
        assert_eq!(off.change, Rate(-1_500), "an empty change takes the handbook's default");
        assert!(
            why(forms::season(id, SeasonKind::Peak, "+150", "2026-12-15", "2026-12-31").map(|_| ())).contains("100.0%")
        );
        assert!(why(forms::season(id, SeasonKind::Peak, "10", "1112-12-15", "2026-12-31").map(|_| ())).len() > 5);
    }
}
