//! The situation chapter's edits, applied by one exhaustive `match`.

use super::persona::{JourneyText, PersonaText};
use super::{
    Competitor, CompetitorText, DecisionFactor, Emotion, Force, ForceAssessment, Impact, MediaHabit, Move, Persona,
    PestelItem, PositioningKind, PositioningText, ResourceCount, ResourceShare, ResourceText, Score, Situation, Stage,
    SwotItem, SwotKind, Tier, TierShare, TowsStrategy,
};
use crate::domain::core::ids::ItemId;
use crate::domain::core::money::Money;
use crate::domain::core::rate::Rate;
use crate::domain::plan::edit::{positioned, put, reinsert, EditGroup};

/// Where a typed text goes; typing into one of them is one undo step.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TextTarget {
    PestelFinding(ItemId),
    PestelSource(ItemId),
    Swot(ItemId),
    TowsAction(ItemId),
    ForceEvidence(Force),
    ForceResponse(Force),
    TierWho(Tier),
    Competitor(ItemId, CompetitorText),
    Move { competitor: ItemId, id: ItemId },
    Persona(ItemId, PersonaText),
    Factor { persona: ItemId, id: ItemId },
    Media { persona: ItemId, id: ItemId },
    Journey(ItemId, Stage, JourneyText),
    Resource(ResourceText),
    Positioning(PositioningText),
}

/// What was removed, where it stood, and the strategies whose links were
/// cut: enough to put all of it back.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Restore {
    pub pestel: Vec<(usize, PestelItem)>,
    pub swot: Vec<(usize, SwotItem)>,
    pub tows: Vec<(usize, TowsStrategy)>,
    pub competitors: Vec<(usize, Competitor)>,
    pub personas: Vec<(usize, Persona)>,
    /// Strategies as they were before their links to removed items went.
    pub links: Vec<TowsStrategy>,
}

/// One change to chapter 2.
#[derive(Clone, Debug, PartialEq)]
pub enum SituationEdit {
    Text(TextTarget, String),
    PutPestel(PestelItem),
    /// A PESTEL opportunity or threat becomes a SWOT item (with this id)
    /// that remembers where it came from.
    SendToSwot {
        pestel: ItemId,
        id: ItemId,
    },
    PutForce(ForceAssessment),
    PutTier(TierShare),
    RemoveTier(Tier),
    PutSwot(SwotItem),
    PutTows(TowsStrategy),
    AddCompetitor(Competitor),
    CompetitorTier(ItemId, Option<Tier>),
    CompetitorShare(ItemId, Option<Rate>),
    /// A competitor's mark on a decision factor; None clears it.
    CompetitorScore {
        competitor: ItemId,
        factor: ItemId,
        score: Option<Score>,
    },
    PutMove {
        competitor: ItemId,
        item: Move,
    },
    RemoveMove {
        competitor: ItemId,
        id: ItemId,
    },
    PriceThreshold(Rate),
    AddPersona(Persona),
    FemaleShare(ItemId, Option<Rate>),
    BasketSize(ItemId, Option<Money>),
    PutFactor {
        persona: ItemId,
        factor: DecisionFactor,
    },
    RemoveFactor {
        persona: ItemId,
        id: ItemId,
    },
    PutMedia {
        persona: ItemId,
        media: MediaHabit,
    },
    RemoveMedia {
        persona: ItemId,
        id: ItemId,
    },
    Emotion(ItemId, Stage, Emotion),
    JourneyGoals(ItemId, Stage, Vec<ItemId>),
    ResourceCount(ResourceCount, Option<u32>),
    ResourceShare(ResourceShare, Option<Rate>),
    Positioning(Option<PositioningKind>),
    /// PESTEL findings, SWOT items, TOWS strategies, competitors or personas
    /// with these ids; a removed SWOT item also leaves the strategies that
    /// paired it (see [`removal_undo`]).
    Remove(Vec<ItemId>),
    Restore(Box<Restore>),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SituationError {
    NameEmpty,
    /// A share or weight must be 0 to 100%.
    ShareOutOfRange,
    NegativePrice,
    /// Only an opportunity or a threat can go to the SWOT.
    NotOpportunityOrThreat,
}

impl SituationEdit {
    pub fn group(&self) -> Option<EditGroup> {
        match self {
            Self::Text(target, _) => Some(EditGroup::Situation(*target)),
            Self::PutPestel(_)
            | Self::SendToSwot { .. }
            | Self::PutForce(_)
            | Self::PutTier(_)
            | Self::RemoveTier(_)
            | Self::PutSwot(_)
            | Self::PutTows(_)
            | Self::AddCompetitor(_)
            | Self::CompetitorTier(..)
            | Self::CompetitorShare(..)
            | Self::CompetitorScore { .. }
            | Self::PutMove { .. }
            | Self::RemoveMove { .. }
            | Self::PriceThreshold(_)
            | Self::AddPersona(_)
            | Self::FemaleShare(..)
            | Self::BasketSize(..)
            | Self::PutFactor { .. }
            | Self::RemoveFactor { .. }
            | Self::PutMedia { .. }
            | Self::RemoveMedia { .. }
            | Self::Emotion(..)
            | Self::JourneyGoals(..)
            | Self::ResourceCount(..)
            | Self::ResourceShare(..)
            | Self::Positioning(_)
            | Self::Remove(_)
            | Self::Restore(_) => None,
        }
    }
}

fn share(rate: Rate) -> Result<Rate, SituationError> {
    if (0..=Rate::FULL.0).contains(&rate.0) {
        Ok(rate)
    } else {
        Err(SituationError::ShareOutOfRange)
    }
}

fn named(name: &str) -> Result<(), SituationError> {
    if name.trim().is_empty() {
        Err(SituationError::NameEmpty)
    } else {
        Ok(())
    }
}

fn competitor(s: &mut Situation, id: ItemId) -> Option<&mut Competitor> {
    s.competitors.iter_mut().find(|c| c.id == id)
}

fn persona(s: &mut Situation, id: ItemId) -> Option<&mut Persona> {
    s.personas.iter_mut().find(|p| p.id == id)
}

fn force(s: &mut Situation, which: Force) -> &mut ForceAssessment {
    let at = match s.forces.iter().position(|f| f.force == which) {
        Some(at) => at,
        None => {
            s.forces.push(ForceAssessment {
                force: which,
                level: None,
                evidence: String::new(),
                response: String::new(),
            });
            s.forces.len() - 1
        }
    };
    &mut s.forces[at]
}

fn text(s: &mut Situation, target: TextTarget, value: String) -> Result<(), SituationError> {
    let slot: Option<&mut String> = match target {
        TextTarget::PestelFinding(id) => s.pestel.iter_mut().find(|p| p.id == id).map(|p| &mut p.finding),
        TextTarget::PestelSource(id) => s.pestel.iter_mut().find(|p| p.id == id).map(|p| &mut p.source),
        TextTarget::Swot(id) => s.swot.iter_mut().find(|p| p.id == id).map(|p| &mut p.text),
        TextTarget::TowsAction(id) => s.tows.iter_mut().find(|p| p.id == id).map(|p| &mut p.action),
        TextTarget::ForceEvidence(f) => Some(&mut force(s, f).evidence),
        TextTarget::ForceResponse(f) => Some(&mut force(s, f).response),
        TextTarget::TierWho(tier) => s.tiers.iter_mut().find(|t| t.tier == tier).map(|t| &mut t.who),
        TextTarget::Competitor(id, field) => {
            if field == CompetitorText::Name {
                named(&value)?;
            }
            competitor(s, id).map(|c| c.text_mut(field))
        }
        TextTarget::Move { competitor: c, id } => competitor(s, c)
            .and_then(|c| c.moves.iter_mut().find(|m| m.id == id))
            .map(|m| &mut m.text),
        TextTarget::Persona(id, field) => {
            if field == PersonaText::Name {
                named(&value)?;
            }
            persona(s, id).map(|p| p.text_mut(field))
        }
        TextTarget::Factor { persona: p, id } => {
            named(&value)?;
            persona(s, p)
                .and_then(|p| p.factors.iter_mut().find(|f| f.id == id))
                .map(|f| &mut f.name)
        }
        TextTarget::Media { persona: p, id } => persona(s, p)
            .and_then(|p| p.media.iter_mut().find(|m| m.id == id))
            .map(|m| &mut m.name),
        TextTarget::Journey(p, stage, field) => persona(s, p).map(|p| field.get_mut(p.stage_mut(stage))),
        TextTarget::Resource(field) => Some(s.resources.text_mut(field)),
        TextTarget::Positioning(field) => Some(field.get_mut(&mut s.positioning)),
    };
    if let Some(slot) = slot {
        *slot = value;
    }
    Ok(())
}

pub fn apply(s: &mut Situation, edit: SituationEdit) -> Result<(), SituationError> {
    match edit {
        SituationEdit::Text(target, value) => text(s, target, value)?,
        SituationEdit::PutPestel(item) => put(&mut s.pestel, item, |p| p.id),
        SituationEdit::SendToSwot { pestel, id } => {
            let Some(item) = s.pestel_item(pestel) else {
                return Ok(());
            };
            let kind = match item.impact {
                Impact::Opportunity => SwotKind::Opportunity,
                Impact::Threat => SwotKind::Threat,
                Impact::Neutral => return Err(SituationError::NotOpportunityOrThreat),
            };
            let swot = SwotItem {
                id,
                kind,
                text: item.finding.clone(),
                weight: item.weight,
                from_pestel: Some(pestel),
            };
            put(&mut s.swot, swot, |p| p.id);
        }
        SituationEdit::PutForce(assessment) => {
            let which = assessment.force;
            *force(s, which) = assessment;
        }
        SituationEdit::PutTier(tier) => {
            share(tier.share)?;
            match s.tiers.iter_mut().find(|t| t.tier == tier.tier) {
                Some(slot) => *slot = tier,
                None => {
                    let at = s.tiers.iter().filter(|t| t.tier < tier.tier).count();
                    s.tiers.insert(at, tier);
                }
            }
        }
        SituationEdit::RemoveTier(tier) => s.tiers.retain(|t| t.tier != tier),
        SituationEdit::PutSwot(item) => put(&mut s.swot, item, |p| p.id),
        SituationEdit::PutTows(item) => put(&mut s.tows, item, |p| p.id),
        SituationEdit::AddCompetitor(c) => {
            named(&c.name)?;
            put(&mut s.competitors, c, |c| c.id);
        }
        SituationEdit::CompetitorTier(id, tier) => {
            if let Some(c) = competitor(s, id) {
                c.tier = tier;
            }
        }
        SituationEdit::CompetitorShare(id, rate) => {
            let rate = rate.map(share).transpose()?;
            if let Some(c) = competitor(s, id) {
                c.share = rate;
            }
        }
        SituationEdit::CompetitorScore {
            competitor: c,
            factor,
            score,
        } => {
            if let Some(c) = competitor(s, c) {
                match score {
                    Some(score) => c.scores.insert(factor, score),
                    None => c.scores.remove(&factor),
                };
            }
        }
        SituationEdit::PutMove { competitor: c, item } => {
            if [item.old_price, item.new_price]
                .iter()
                .flatten()
                .any(|p| p.is_negative())
            {
                return Err(SituationError::NegativePrice);
            }
            if let Some(c) = competitor(s, c) {
                put(&mut c.moves, item, |m| m.id);
            }
        }
        SituationEdit::RemoveMove { competitor: c, id } => {
            if let Some(c) = competitor(s, c) {
                c.moves.retain(|m| m.id != id);
            }
        }
        SituationEdit::PriceThreshold(rate) => s.price_threshold = share(rate)?,
        SituationEdit::AddPersona(p) => {
            named(&p.name)?;
            put(&mut s.personas, p, |p| p.id);
        }
        SituationEdit::FemaleShare(id, rate) => {
            let rate = rate.map(share).transpose()?;
            if let Some(p) = persona(s, id) {
                p.female_share = rate;
            }
        }
        SituationEdit::BasketSize(id, money) => {
            if money.is_some_and(Money::is_negative) {
                return Err(SituationError::NegativePrice);
            }
            if let Some(p) = persona(s, id) {
                p.basket_size = money;
            }
        }
        SituationEdit::PutFactor { persona: p, factor } => {
            named(&factor.name)?;
            share(factor.weight)?;
            if let Some(p) = persona(s, p) {
                put(&mut p.factors, factor, |f| f.id);
            }
        }
        SituationEdit::RemoveFactor { persona: p, id } => {
            if let Some(p) = persona(s, p) {
                p.factors.retain(|f| f.id != id);
            }
        }
        SituationEdit::PutMedia { persona: p, media } => {
            share(media.share)?;
            if let Some(p) = persona(s, p) {
                put(&mut p.media, media, |m| m.id);
            }
        }
        SituationEdit::RemoveMedia { persona: p, id } => {
            if let Some(p) = persona(s, p) {
                p.media.retain(|m| m.id != id);
            }
        }
        SituationEdit::Emotion(p, stage, emotion) => {
            if let Some(p) = persona(s, p) {
                p.stage_mut(stage).emotion = emotion;
            }
        }
        SituationEdit::JourneyGoals(p, stage, goals) => {
            if let Some(p) = persona(s, p) {
                p.stage_mut(stage).goals = goals;
            }
        }
        SituationEdit::ResourceCount(field, count) => *s.resources.count_mut(field) = count,
        SituationEdit::ResourceShare(field, rate) => *s.resources.share_mut(field) = rate.map(share).transpose()?,
        SituationEdit::Positioning(kind) => s.positioning.kind = kind,
        SituationEdit::Remove(ids) => {
            s.pestel.retain(|p| !ids.contains(&p.id));
            s.swot.retain(|p| !ids.contains(&p.id));
            s.tows.retain(|p| !ids.contains(&p.id));
            s.competitors.retain(|p| !ids.contains(&p.id));
            s.personas.retain(|p| !ids.contains(&p.id));
            for tows in &mut s.tows {
                tows.swot.retain(|id| !ids.contains(id));
            }
        }
        SituationEdit::Restore(restore) => {
            let Restore {
                pestel,
                swot,
                tows,
                competitors,
                personas,
                links,
            } = *restore;
            reinsert(&mut s.pestel, pestel, |p| p.id);
            reinsert(&mut s.swot, swot, |p| p.id);
            reinsert(&mut s.tows, tows, |p| p.id);
            reinsert(&mut s.competitors, competitors, |p| p.id);
            reinsert(&mut s.personas, personas, |p| p.id);
            for strategy in links {
                put(&mut s.tows, strategy, |p| p.id);
            }
        }
    }
    Ok(())
}

/// Puts items back at their old places (in ascending order, so each index
/// is right once the ones before it are back); an item still there is left.
/// The edit that undoes `Remove(ids)`: the items at their places and the
/// strategies whose links the removal cuts.
pub fn removal_undo(s: &Situation, ids: &[ItemId]) -> SituationEdit {
    SituationEdit::Restore(Box::new(Restore {
        pestel: positioned(&s.pestel, ids, |p| p.id),
        swot: positioned(&s.swot, ids, |p| p.id),
        tows: positioned(&s.tows, ids, |p| p.id),
        competitors: positioned(&s.competitors, ids, |p| p.id),
        personas: positioned(&s.personas, ids, |p| p.id),
        links: s
            .tows
            .iter()
            .filter(|t| !ids.contains(&t.id) && t.swot.iter().any(|id| ids.contains(id)))
            .cloned()
            .collect(),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::core::ids::{CountingIds, IdSource};
    use crate::domain::situation::{Factor, TowsKind};

    fn pestel(ids: &mut CountingIds, impact: Impact) -> PestelItem {
        PestelItem {
            id: ids.item_id(),
            factor: Factor::Economic,
            finding: "Consumption upgrades in tier-2 cities".into(),
            impact,
            weight: Score::new(4).expect("weight"),
            source: "NBS".into(),
            date: None,
        }
    }

    #[test]
    fn an_opportunity_goes_to_the_swot_remembering_its_finding() {
        let mut ids = CountingIds::default();
        let mut s = Situation::default();
        let item = pestel(&mut ids, Impact::Opportunity);
        let pid = item.id;
        apply(&mut s, SituationEdit::PutPestel(item)).expect("put");
        let id = ids.item_id();
        apply(&mut s, SituationEdit::SendToSwot { pestel: pid, id }).expect("send");
        let swot = s.swot_item(id).expect("sent");
        assert_eq!(
            (swot.kind, swot.from_pestel, swot.weight.get()),
            (SwotKind::Opportunity, Some(pid), 4)
        );
        assert_eq!(s.sent_from(pid).map(|s| s.id), Some(id));
        let neutral = pestel(&mut ids, Impact::Neutral);
        let nid = neutral.id;
        apply(&mut s, SituationEdit::PutPestel(neutral)).expect("put");
        let refused = apply(
            &mut s,
            SituationEdit::SendToSwot {
                pestel: nid,
                id: ids.item_id(),
            },
        );
        assert_eq!(refused, Err(SituationError::NotOpportunityOrThreat));
    }

    #[test]
    fn removing_a_paired_swot_item_cuts_its_links_and_undo_restores_both() {
        let mut ids = CountingIds::default();
        let mut s = Situation::default();
        let items: Vec<SwotItem> = [SwotKind::Strength, SwotKind::Opportunity, SwotKind::Strength]
            .into_iter()
            .map(|kind| SwotItem {
                id: ids.item_id(),
                kind,
                text: "t".into(),
                weight: Score::MID,
                from_pestel: None,
            })
            .collect();
        let (s0, o1, s2) = (items[0].id, items[1].id, items[2].id);
        for item in items {
            apply(&mut s, SituationEdit::PutSwot(item)).expect("put");
        }
        let tows = TowsStrategy {
            id: ids.item_id(),
            kind: TowsKind::So,
            action: "Premium line for new tier-2 shoppers".into(),
            swot: vec![s0, o1],
            goals: vec![],
        };
        apply(&mut s, SituationEdit::PutTows(tows.clone())).expect("put");
        assert_eq!(s.used_by(s0).len(), 1);
        let before = s.clone();
        let undo = removal_undo(&s, &[s0]);
        apply(&mut s, SituationEdit::Remove(vec![s0])).expect("remove");
        assert_eq!(s.swot.iter().map(|i| i.id).collect::<Vec<_>>(), vec![o1, s2]);
        assert_eq!(s.tows[0].swot, vec![o1], "the link went with the item");
        apply(&mut s, undo).expect("undo");
        assert_eq!(s, before, "item back in its place, link back in the strategy");
    }

    #[test]
    fn shares_and_weights_stay_within_the_whole_and_names_are_not_blank() {
        let mut ids = CountingIds::default();
        let mut s = Situation::default();
        let p = Persona::new(ids.item_id(), "Young parents");
        let pid = p.id;
        apply(&mut s, SituationEdit::AddPersona(p)).expect("add");
        let factor = |w| DecisionFactor {
            id: ItemId::from_random([7; 16]),
            name: "Quality".into(),
            weight: Rate(w),
        };
        assert_eq!(
            apply(
                &mut s,
                SituationEdit::PutFactor {
                    persona: pid,
                    factor: factor(10_001)
                }
            ),
            Err(SituationError::ShareOutOfRange)
        );
        apply(
            &mut s,
            SituationEdit::PutFactor {
                persona: pid,
                factor: factor(4_000),
            },
        )
        .expect("factor");
        assert_eq!(s.personas[0].weight_sum(), Rate(4_000));
        assert_eq!(
            apply(
                &mut s,
                SituationEdit::Text(TextTarget::Persona(pid, PersonaText::Name), "  ".into())
            ),
            Err(SituationError::NameEmpty)
        );
        assert_eq!(
            apply(
                &mut s,
                SituationEdit::PutTier(TierShare {
                    tier: Tier::Head,
                    share: Rate(-1),
                    who: String::new()
                })
            ),
            Err(SituationError::ShareOutOfRange)
        );
        // Shares that add up past 100% are accepted (the user is mid-way) and said inline.
        for (tier, share) in [(Tier::Tail, 2_000), (Tier::Head, 6_000), (Tier::Waist, 3_000)] {
            apply(
                &mut s,
                SituationEdit::PutTier(TierShare {
                    tier,
                    share: Rate(share),
                    who: String::new(),
                }),
            )
            .expect("tier");
        }
        assert_eq!(
            s.tiers.iter().map(|t| t.tier).collect::<Vec<_>>(),
            vec![Tier::Head, Tier::Waist, Tier::Tail]
        );
        assert!(s.tier_total().is_over());
    }

    #[test]
    fn typing_reaches_every_kind_of_field() {
        let mut ids = CountingIds::default();
        let mut s = Situation::default();
        let p = Persona::new(ids.item_id(), "P");
        let pid = p.id;
        apply(&mut s, SituationEdit::AddPersona(p)).expect("add");
        let c = Competitor::new(ids.item_id(), "Rival");
        let cid = c.id;
        apply(&mut s, SituationEdit::AddCompetitor(c)).expect("add");
        for (target, text) in [
            (TextTarget::ForceEvidence(Force::Buyers), "Buyers compare prices online"),
            (
                TextTarget::Journey(pid, Stage::Use, JourneyText::PainPoints),
                "Set-up is slow",
            ),
            (TextTarget::Competitor(cid, CompetitorText::Pricing), "¥25 a pack"),
            (TextTarget::Resource(ResourceText::CoreAdvantages), "Own factory"),
            (TextTarget::Positioning(PositioningText::Statement), "<b>=1+1</b>"),
        ] {
            apply(&mut s, SituationEdit::Text(target, text.into())).expect("text");
        }
        assert_eq!(
            s.force(Force::Buyers).map(|f| f.evidence.as_str()),
            Some("Buyers compare prices online")
        );
        assert_eq!(
            s.personas[0].stage(Stage::Use).map(|j| j.pain_points.as_str()),
            Some("Set-up is slow")
        );
        assert_eq!(s.competitors[0].pricing, "¥25 a pack");
        assert_eq!(s.resources.core_advantages, "Own factory");
        assert_eq!(s.positioning.statement, "<b>=1+1</b>", "kept as typed");
    }
}
