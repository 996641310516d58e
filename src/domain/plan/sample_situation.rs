//! The sample plan's chapter 2, written from DOMAIN.md §2 and §4. Its texts
//! are rows in the catalogue (`sample.sit.*`, fields split by `|`), so the
//! sample's words live with the other translations and this builder stays
//! small: a row that does not read is skipped, never a panic.

use crate::domain::core::ids::{IdSource, ItemId};
use crate::domain::core::money::Money;
use crate::domain::core::rate::Rate;
use crate::domain::plan::Plan;
use crate::domain::situation::persona::{JourneyText, PersonaText};
use crate::domain::situation::{
    Competitor, DecisionFactor, Emotion, Factor, Force, ForceAssessment, Impact, Level, MediaHabit, Move, MoveKind,
    Persona, PestelItem, Positioning, PositioningKind, PositioningText, Resources, Score, Situation, Stage, SwotItem,
    SwotKind, Tier, TierShare, TowsKind, TowsStrategy,
};
use crate::i18n::{t_id, Lang};
use chrono::{Datelike, Duration, NaiveDate};

/// The rows of a `sample.sit.*` text, each split into its fields.
pub(super) fn rows(lang: Lang, id: &str) -> Vec<Vec<String>> {
    t_id(lang, id)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.split('|').map(|f| f.trim().to_owned()).collect())
        .collect()
}

pub(super) fn field(row: &[String], at: usize) -> String {
    row.get(at).cloned().unwrap_or_default()
}

fn number(row: &[String], at: usize) -> Option<i64> {
    row.get(at).and_then(|f| f.parse().ok())
}

fn score(row: &[String], at: usize) -> Score {
    number(row, at)
        .and_then(|n| u8::try_from(n).ok())
        .and_then(Score::new)
        .unwrap_or_default()
}

fn percent(row: &[String], at: usize) -> Option<Rate> {
    number(row, at).map(|p| Rate(p * 100))
}

/// Day `day` of the `offset`-th month of the plan, or the month's last day.
fn day_in_month(start: NaiveDate, offset: i64, day: i64) -> Option<NaiveDate> {
    let months = i64::from(start.month0()) + offset;
    let (year, month0) = (i64::from(start.year()) + months / 12, months % 12);
    let first = NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, u32::try_from(month0).ok()? + 1, 1)?;
    let next = first + Duration::days(32);
    let last = next - Duration::days(i64::from(next.day()));
    Some((first + Duration::days(day - 1)).min(last))
}

pub(super) fn situation(lang: Lang, ids: &mut impl IdSource, plan: &Plan, today: NaiveDate) -> Situation {
    let mut s = Situation::default();
    for row in rows(lang, "sample.sit.pestel") {
        let Some(factor) = Factor::from_code(&field(&row, 0)) else {
            continue;
        };
        s.pestel.push(PestelItem {
            id: ids.item_id(),
            factor,
            impact: Impact::from_code(&field(&row, 1)).unwrap_or_default(),
            weight: score(&row, 2),
            source: field(&row, 3),
            finding: field(&row, 4),
            date: Some(plan.period.start - Duration::days(20)),
        });
    }
    for row in rows(lang, "sample.sit.forces") {
        let Some(force) = Force::from_code(&field(&row, 0)) else {
            continue;
        };
        s.forces.push(ForceAssessment {
            force,
            level: Level::from_code(&field(&row, 1)),
            evidence: field(&row, 2),
            response: field(&row, 3),
        });
    }
    for row in rows(lang, "sample.sit.tiers") {
        let (Some(tier), Some(share)) = (Tier::from_code(&field(&row, 0)), percent(&row, 1)) else {
            continue;
        };
        s.tiers.push(TierShare {
            tier,
            share,
            who: field(&row, 2),
        });
    }
    // The weightiest opportunities and threats were sent on from the PESTEL.
    for p in s.pestel.iter().filter(|p| p.weight.get() >= 4) {
        let kind = match p.impact {
            Impact::Opportunity => SwotKind::Opportunity,
            Impact::Threat => SwotKind::Threat,
            Impact::Neutral => continue,
        };
        s.swot.push(SwotItem {
            id: ids.item_id(),
            kind,
            text: p.finding.clone(),
            weight: p.weight,
            from_pestel: Some(p.id),
        });
    }
    for row in rows(lang, "sample.sit.swot") {
        let Some(kind) = SwotKind::from_code(&field(&row, 0)) else {
            continue;
        };
        s.swot.push(SwotItem {
            id: ids.item_id(),
            kind,
            weight: score(&row, 1),
            text: field(&row, 2),
            from_pestel: None,
        });
    }
    let goals: Vec<ItemId> = plan.goals.iter().map(|g| g.id).collect();
    for row in rows(lang, "sample.sit.tows") {
        let Some(kind) = TowsKind::from_code(&field(&row, 0)) else {
            continue;
        };
        // The pairs are named by kind and place: "strength.0,opportunity.1".
        let swot = field(&row, 1)
            .split(',')
            .filter_map(|pick| {
                let (kind, nth) = pick.split_once('.')?;
                let kind = SwotKind::from_code(kind)?;
                let nth: usize = nth.parse().ok()?;
                s.swot.iter().filter(|i| i.kind == kind).nth(nth).map(|i| i.id)
            })
            .collect();
        let goals = field(&row, 2)
            .split(',')
            .filter_map(|n| n.parse::<usize>().ok().and_then(|n| goals.get(n).copied()))
            .collect();
        s.tows.push(TowsStrategy {
            id: ids.item_id(),
            kind,
            swot,
            goals,
            action: field(&row, 3),
        });
    }
    let mut persona = Persona::new(ids.item_id(), "");
    for (field_name, text) in PersonaText::ALL
        .into_iter()
        .zip(t_id(lang, "sample.sit.persona").lines())
    {
        *persona.text_mut(field_name) = text.trim().to_owned();
    }
    persona.female_share = Some(Rate(6_200));
    persona.basket_size = Some(Money::from_yuan(180));
    for row in rows(lang, "sample.sit.factors") {
        let Some(weight) = percent(&row, 1) else { continue };
        persona.factors.push(DecisionFactor {
            id: ids.item_id(),
            name: field(&row, 0),
            weight,
        });
    }
    for row in rows(lang, "sample.sit.media") {
        let Some(share) = percent(&row, 1) else { continue };
        persona.media.push(MediaHabit {
            id: ids.item_id(),
            name: field(&row, 0),
            share,
        });
    }
    for (stage, row) in Stage::ALL.into_iter().zip(rows(lang, "sample.sit.journey")) {
        let entry = persona.stage_mut(stage);
        entry.emotion = number(&row, 0)
            .and_then(|n| i8::try_from(n).ok())
            .and_then(Emotion::new)
            .unwrap_or_default();
        for (at, text) in JourneyText::ALL.into_iter().enumerate() {
            *text.get_mut(entry) = field(&row, at + 1);
        }
    }
    // The use stage's pain point is what the retention goal answers.
    if let Some(goal) = goals.get(2) {
        persona.stage_mut(Stage::Use).goals = vec![*goal];
    }
    for row in rows(lang, "sample.sit.competitors") {
        let mut c = Competitor::new(ids.item_id(), &field(&row, 0));
        c.tier = Tier::from_code(&field(&row, 1));
        c.share = percent(&row, 2);
        c.positioning = field(&row, 3);
        c.product_line = field(&row, 4);
        c.pricing = field(&row, 5);
        c.channels = field(&row, 6);
        c.core_competence = field(&row, 7);
        c.strengths = field(&row, 8);
        c.weaknesses = field(&row, 9);
        for (factor, mark) in persona.factors.iter().zip(field(&row, 10).split(',')) {
            if let Some(mark) = mark.parse().ok().and_then(Score::new) {
                c.scores.insert(factor.id, mark);
            }
        }
        s.competitors.push(c);
    }
    // The moves fill the month before today's and today's, so the brief
    // that opens at today's month has news (within the plan's months).
    let until = plan.period.nearest_day(today);
    let first_month = (until - Duration::days(i64::from(until.day()))).max(plan.period.start);
    for row in rows(lang, "sample.sit.moves") {
        let (Some(which), Some(offset), Some(day)) = (number(&row, 0), number(&row, 1), number(&row, 2)) else {
            continue;
        };
        let (Some(kind), Some(date)) = (
            MoveKind::from_code(&field(&row, 3)),
            day_in_month(first_month, offset, day),
        ) else {
            continue;
        };
        // Nothing is logged that has not happened yet.
        let date = date.min(until);
        let price = |at| number(&row, at).map(Money::from_yuan);
        let item = Move {
            id: ids.item_id(),
            date,
            kind,
            old_price: price(4),
            new_price: price(5),
            text: field(&row, 6),
        };
        if let Some(c) = usize::try_from(which).ok().and_then(|n| s.competitors.get_mut(n)) {
            c.moves.push(item);
        }
    }
    s.personas.push(persona);
    let resources = t_id(lang, "sample.sit.resources");
    let mut lines = resources.lines().map(str::trim);
    let mut next = || lines.next().unwrap_or_default().to_owned();
    s.resources = Resources {
        brand_awareness: Some(Rate(3_500)),
        reputation: Some(Rate(8_600)),
        patents: Some(42),
        rd_share: Some(Rate(450)),
        capacity: next(),
        delivery_days: Some(3),
        quality_system: next(),
        channel_partners: Some(120),
        media: Some(35),
        kols: Some(60),
        associations: next(),
        trade_shows: Some(4),
        core_advantages: next(),
    };
    let positioning = t_id(lang, "sample.sit.positioning");
    let mut positioning_lines = positioning.lines().map(str::trim);
    let mut p = Positioning {
        kind: Some(PositioningKind::ValueForMoney),
        ..Positioning::default()
    };
    for f in PositioningText::ALL {
        *f.get_mut(&mut p) = positioning_lines.next().unwrap_or_default().to_owned();
    }
    s.positioning = p;
    s
}
