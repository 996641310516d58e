//! Chapter 4's edits, applied by one exhaustive `match`. Whole items are
//! put (a strategy with its links, a product with its ladder) and checked
//! as a whole; typed texts go through `Text`, one undo step per field.

use super::channels::{Channel, CommunityTargets, Group, Kol, KolCriteria, Omo, Theme};
use super::pricing::{BulkTier, Product, Promotion, Season};
use super::scorecard::{Candidate, Criterion, Scorecard};
use super::{MemberLevel, MemberTier, PrActivity, Referral, Strategies, Strategy};
use crate::domain::core::ids::ItemId;
use crate::domain::core::money::Money;
use crate::domain::core::rate::Rate;
use crate::domain::plan::edit::{positioned, put, reinsert, EditGroup};

/// Where a typed text goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TextTarget {
    StrategyTitle(ItemId),
    StrategyDirection(ItemId),
    ProductName(ItemId),
    ChannelName(ItemId),
    ChannelRole(ItemId),
    KolName(ItemId),
    KolPlatform(ItemId),
    GroupName(ItemId),
    Theme(ItemId),
    Criterion(ItemId),
    Candidate(ItemId),
    Pr(ItemId),
    Benefits(MemberLevel),
}

/// Which scorecard an edit is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Board {
    Media,
    Partners,
}

fn board(c: &mut Strategies, which: Board) -> &mut Scorecard {
    match which {
        Board::Media => &mut c.media,
        Board::Partners => &mut c.partners,
    }
}

/// What a removal took, where it stood: enough to put it back.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Restore {
    pub strategies: Vec<(usize, Strategy)>,
    pub products: Vec<(usize, Product)>,
    pub channels: Vec<(usize, Channel)>,
    pub themes: Vec<(usize, Theme)>,
    pub kols: Vec<(usize, Kol)>,
    pub groups: Vec<(usize, Group)>,
    pub pr: Vec<(usize, PrActivity)>,
    pub criteria: Vec<(Board, usize, Criterion)>,
    pub candidates: Vec<(Board, usize, Candidate)>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum StrategyEdit {
    Text(TextTarget, String),
    /// Adds the strategy, or replaces the one with its id (area, links).
    PutStrategy(Strategy),
    PutProduct(Product),
    PutChannel(Channel),
    Omo(Omo, bool),
    PutTheme(Theme),
    PutCriterion(Board, Criterion),
    PutCandidate(Board, Candidate),
    PutPr(PrActivity),
    PutKol(Kol),
    KolCriteria(KolCriteria),
    PutGroup(Group),
    Community(CommunityTargets),
    PutTier(MemberTier),
    RemoveTier(MemberLevel),
    Referral(Referral),
    /// Strategies, products, channels, KOLs or groups with these ids.
    /// Links from other chapters' items to them do not exist (links go
    /// from strategies outwards), so nothing else changes.
    Remove(Vec<ItemId>),
    Restore(Box<Restore>),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StrategyError {
    NameEmpty,
    /// A share, margin or discount outside 0-100%.
    ShareOutOfRange,
    NegativeMoney,
    EndBeforeStart,
    /// A bulk tier starts at 2 items or more.
    TierTooSmall,
    /// A season's change is between −100% and +100%.
    ChangeOutOfRange,
    /// Active members cannot outnumber members.
    MoreActiveThanMembers,
}

impl StrategyEdit {
    pub fn group(&self) -> Option<EditGroup> {
        match self {
            Self::Text(target, _) => Some(EditGroup::Strategy(*target)),
            Self::PutStrategy(_)
            | Self::PutProduct(_)
            | Self::PutChannel(_)
            | Self::Omo(..)
            | Self::PutTheme(_)
            | Self::PutCriterion(..)
            | Self::PutCandidate(..)
            | Self::PutPr(_)
            | Self::PutKol(_)
            | Self::KolCriteria(_)
            | Self::PutGroup(_)
            | Self::Community(_)
            | Self::PutTier(_)
            | Self::RemoveTier(_)
            | Self::Referral(_)
            | Self::Remove(_)
            | Self::Restore(_) => None,
        }
    }
}

fn share(rate: Rate) -> Result<(), StrategyError> {
    if (0..=Rate::FULL.0).contains(&rate.0) {
        Ok(())
    } else {
        Err(StrategyError::ShareOutOfRange)
    }
}

fn shares(rates: impl IntoIterator<Item = Option<Rate>>) -> Result<(), StrategyError> {
    rates.into_iter().flatten().try_for_each(share)
}

fn money(amounts: impl IntoIterator<Item = Option<Money>>) -> Result<(), StrategyError> {
    if amounts.into_iter().flatten().any(Money::is_negative) {
        Err(StrategyError::NegativeMoney)
    } else {
        Ok(())
    }
}

fn named(name: &str) -> Result<(), StrategyError> {
    if name.trim().is_empty() {
        Err(StrategyError::NameEmpty)
    } else {
        Ok(())
    }
}

fn check_promotion(p: &Promotion) -> Result<(), StrategyError> {
    money([Some(p.price)])?;
    if p.end < p.start {
        return Err(StrategyError::EndBeforeStart);
    }
    Ok(())
}

fn check_tier(t: &BulkTier) -> Result<(), StrategyError> {
    share(t.discount)?;
    if t.min_quantity < 2 {
        return Err(StrategyError::TierTooSmall);
    }
    Ok(())
}

fn check_season(s: &Season) -> Result<(), StrategyError> {
    if s.end < s.start {
        return Err(StrategyError::EndBeforeStart);
    }
    if !(-Rate::FULL.0..=Rate::FULL.0).contains(&s.change.0) {
        return Err(StrategyError::ChangeOutOfRange);
    }
    Ok(())
}

/// A product as the user may save it. A markup may exceed 100% (cost 10,
/// price 30 is a 200% markup); the rates that are shares of a price may not.
/// A ladder that breaks its checks (a promotion above base, a price under
/// the floor) is saved and flagged, since that is what the user is working
/// on: only impossible values are refused.
fn check_product(p: &Product) -> Result<(), StrategyError> {
    named(&p.name)?;
    money([p.cost, p.competitor_price, p.customer_value, p.base, p.member])?;
    if p.markup.is_some_and(|m| m.0 < 0) {
        return Err(StrategyError::ShareOutOfRange);
    }
    shares([Some(p.band), p.first_order, p.online_discount])?;
    if p.min_margin.is_some_and(|m| m.0 < 0) {
        return Err(StrategyError::ShareOutOfRange);
    }
    p.promotions.iter().try_for_each(check_promotion)?;
    p.bulk.iter().try_for_each(check_tier)?;
    p.seasons.iter().try_for_each(check_season)
}

fn text(c: &mut Strategies, target: TextTarget, value: String) -> Result<(), StrategyError> {
    let slot: Option<&mut String> = match target {
        TextTarget::StrategyTitle(id) => c.strategies.iter_mut().find(|s| s.id == id).map(|s| &mut s.title),
        TextTarget::StrategyDirection(id) => c.strategies.iter_mut().find(|s| s.id == id).map(|s| &mut s.direction),
        TextTarget::ProductName(id) => c.products.iter_mut().find(|p| p.id == id).map(|p| &mut p.name),
        TextTarget::ChannelName(id) => c.channels.iter_mut().find(|x| x.id == id).map(|x| &mut x.name),
        TextTarget::ChannelRole(id) => c.channels.iter_mut().find(|x| x.id == id).map(|x| &mut x.role),
        TextTarget::KolName(id) => c.kols.iter_mut().find(|k| k.id == id).map(|k| &mut k.name),
        TextTarget::KolPlatform(id) => c.kols.iter_mut().find(|k| k.id == id).map(|k| &mut k.platform),
        TextTarget::GroupName(id) => c.groups.iter_mut().find(|g| g.id == id).map(|g| &mut g.name),
        TextTarget::Theme(id) => c.themes.iter_mut().find(|t| t.id == id).map(|t| &mut t.theme),
        TextTarget::Criterion(id) => c
            .media
            .criteria
            .iter_mut()
            .chain(c.partners.criteria.iter_mut())
            .find(|k| k.id == id)
            .map(|k| &mut k.name),
        TextTarget::Candidate(id) => c
            .media
            .candidates
            .iter_mut()
            .chain(c.partners.candidates.iter_mut())
            .find(|k| k.id == id)
            .map(|k| &mut k.name),
        TextTarget::Pr(id) => c.pr.iter_mut().find(|a| a.id == id).map(|a| &mut a.text),
        TextTarget::Benefits(level) => {
            if c.tier(level).is_none() {
                c.tiers.push(MemberTier {
                    level,
                    threshold: None,
                    benefits: String::new(),
                });
            }
            c.tiers.iter_mut().find(|t| t.level == level).map(|t| &mut t.benefits)
        }
    };
    // Names are kept as typed; a name typed away to nothing is refused
    // (the field shows the message, the old name stays).
    let must_name = matches!(
        target,
        TextTarget::StrategyTitle(_)
            | TextTarget::ProductName(_)
            | TextTarget::KolName(_)
            | TextTarget::GroupName(_)
            | TextTarget::Criterion(_)
            | TextTarget::Candidate(_)
    );
    if must_name {
        named(&value)?;
    }
    if let Some(slot) = slot {
        *slot = value;
    }
    Ok(())
}

pub fn apply(c: &mut Strategies, edit: StrategyEdit) -> Result<(), StrategyError> {
    match edit {
        StrategyEdit::Text(target, value) => text(c, target, value)?,
        StrategyEdit::PutStrategy(s) => {
            named(&s.title)?;
            put(&mut c.strategies, s, |s| s.id);
        }
        StrategyEdit::PutProduct(p) => {
            check_product(&p)?;
            put(&mut c.products, p, |p| p.id);
        }
        StrategyEdit::PutChannel(ch) => {
            shares([ch.share])?;
            put(&mut c.channels, ch, |ch| ch.id);
        }
        StrategyEdit::Omo(choice, on) => {
            if on {
                c.omo.insert(choice);
            } else {
                c.omo.remove(&choice);
            }
        }
        StrategyEdit::PutTheme(t) => put(&mut c.themes, t, |t| t.id),
        StrategyEdit::PutCriterion(which, k) => {
            named(&k.name)?;
            put(&mut board(c, which).criteria, k, |k| k.id);
        }
        StrategyEdit::PutCandidate(which, k) => {
            named(&k.name)?;
            put(&mut board(c, which).candidates, k, |k| k.id);
        }
        StrategyEdit::PutPr(a) => put(&mut c.pr, a, |a| a.id),
        StrategyEdit::PutKol(k) => {
            named(&k.name)?;
            shares([k.follower_match, k.engagement, k.commission])?;
            put(&mut c.kols, k, |k| k.id);
        }
        StrategyEdit::KolCriteria(k) => {
            shares([
                Some(k.min_match),
                Some(k.min_engagement),
                Some(k.min_commission),
                Some(k.max_commission),
            ])?;
            c.kol_criteria = k;
        }
        StrategyEdit::PutGroup(g) => {
            named(&g.name)?;
            if let (Some(members), Some(active)) = (g.members, g.active) {
                if active > members {
                    return Err(StrategyError::MoreActiveThanMembers);
                }
            }
            put(&mut c.groups, g, |g| g.id);
        }
        StrategyEdit::Community(t) => {
            share(t.monthly_activity)?;
            c.community = t;
        }
        StrategyEdit::PutTier(t) => {
            money([t.threshold])?;
            match c.tiers.iter_mut().find(|x| x.level == t.level) {
                Some(slot) => *slot = t,
                None => {
                    c.tiers.push(t);
                    crate::domain::core::order::sort_by_rank(&mut c.tiers, |t| (t.level as i64, 0));
                }
            }
        }
        StrategyEdit::RemoveTier(level) => c.tiers.retain(|t| t.level != level),
        StrategyEdit::Referral(r) => {
            money([Some(r.referrer), Some(r.friend)])?;
            c.referral = r;
        }
        StrategyEdit::Remove(ids) => {
            c.strategies.retain(|s| !ids.contains(&s.id));
            c.products.retain(|p| !ids.contains(&p.id));
            c.channels.retain(|x| !ids.contains(&x.id));
            c.themes.retain(|t| !ids.contains(&t.id));
            c.kols.retain(|k| !ids.contains(&k.id));
            c.groups.retain(|g| !ids.contains(&g.id));
            c.pr.retain(|a| !ids.contains(&a.id));
            for card in [&mut c.media, &mut c.partners] {
                card.criteria.retain(|k| !ids.contains(&k.id));
                card.candidates.retain(|k| !ids.contains(&k.id));
                // A removed criterion's marks go with it (Restore puts the
                // candidates back whole).
                for cand in &mut card.candidates {
                    cand.scores.retain(|k, _| !ids.contains(k));
                }
            }
        }
        StrategyEdit::Restore(restore) => {
            let Restore {
                strategies,
                products,
                channels,
                themes,
                kols,
                groups,
                pr,
                criteria,
                candidates,
            } = *restore;
            reinsert(&mut c.pr, pr, |a| a.id);
            for (which, at, k) in criteria {
                reinsert(&mut board(c, which).criteria, vec![(at, k)], |k| k.id);
            }
            for (which, at, k) in candidates {
                let card = board(c, which);
                match card.candidates.iter_mut().find(|x| x.id == k.id) {
                    Some(slot) => *slot = k,
                    None => reinsert(&mut card.candidates, vec![(at, k)], |k| k.id),
                }
            }
            reinsert(&mut c.themes, themes, |t| t.id);
            reinsert(&mut c.strategies, strategies, |s| s.id);
            reinsert(&mut c.products, products, |p| p.id);
            reinsert(&mut c.channels, channels, |x| x.id);
            reinsert(&mut c.kols, kols, |k| k.id);
            reinsert(&mut c.groups, groups, |g| g.id);
        }
    }
    Ok(())
}

/// The edit that undoes `Remove(ids)`.
pub fn removal_undo(c: &Strategies, ids: &[ItemId]) -> StrategyEdit {
    StrategyEdit::Restore(Box::new(Restore {
        strategies: positioned(&c.strategies, ids, |s| s.id),
        products: positioned(&c.products, ids, |p| p.id),
        channels: positioned(&c.channels, ids, |x| x.id),
        themes: positioned(&c.themes, ids, |t| t.id),
        kols: positioned(&c.kols, ids, |k| k.id),
        groups: positioned(&c.groups, ids, |g| g.id),
        pr: positioned(&c.pr, ids, |a| a.id),
        criteria: [(Board::Media, &c.media), (Board::Partners, &c.partners)]
            .into_iter()
            .flat_map(|(which, card)| {
                positioned(&card.criteria, ids, |k| k.id)
                    .into_iter()
                    .map(move |(at, k)| (which, at, k))
            })
            .collect(),
        // Every candidate of a card whose criterion goes, so its marks come
        // back too; and the candidates removed themselves.
        candidates: [(Board::Media, &c.media), (Board::Partners, &c.partners)]
            .into_iter()
            .flat_map(|(which, card)| {
                card.candidates
                    .iter()
                    .enumerate()
                    .filter(|(_, k)| ids.contains(&k.id) || k.scores.keys().any(|s| ids.contains(s)))
                    .map(move |(at, k)| (which, at, k.clone()))
            })
            .collect(),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::core::ids::{CountingIds, IdSource};
    use crate::domain::strategy::channels::ChannelKind;
    use crate::domain::strategy::Area;
    use chrono::NaiveDate;

    #[test]
    fn a_removed_strategy_comes_back_where_it_was_with_its_links() {
        let mut ids = CountingIds::default();
        let mut c = Strategies::default();
        let mut s = Vec::new();
        for title in ["A", "B", "C"] {
            let mut x = Strategy::new(ids.item_id(), Area::Price, title);
            x.tasks = vec![ids.item_id()];
            apply(&mut c, StrategyEdit::PutStrategy(x.clone())).expect("put");
            s.push(x);
        }
        let before = c.clone();
        let undo = removal_undo(&c, &[s[1].id]);
        apply(&mut c, StrategyEdit::Remove(vec![s[1].id])).expect("remove");
        assert_eq!(c.strategies.len(), 2);
        apply(&mut c, undo).expect("restore");
        assert_eq!(c, before);
    }

    #[test]
    fn impossible_values_are_refused_and_change_nothing() {
        let mut ids = CountingIds::default();
        let mut c = Strategies::default();
        let mut p = Product::new(ids.item_id(), "Tea");
        p.base = Some(Money::from_yuan(-1));
        assert_eq!(
            apply(&mut c, StrategyEdit::PutProduct(p.clone())),
            Err(StrategyError::NegativeMoney)
        );
        p.base = Some(Money::from_yuan(10));
        p.bulk = vec![BulkTier {
            id: ids.item_id(),
            min_quantity: 1,
            discount: Rate(1_000),
        }];
        assert_eq!(
            apply(&mut c, StrategyEdit::PutProduct(p.clone())),
            Err(StrategyError::TierTooSmall)
        );
        p.bulk[0].min_quantity = 3;
        p.bulk[0].discount = Rate(10_001);
        assert_eq!(
            apply(&mut c, StrategyEdit::PutProduct(p.clone())),
            Err(StrategyError::ShareOutOfRange)
        );
        p.bulk.clear();
        let d = |day| NaiveDate::from_ymd_opt(2026, 11, day).expect("date");
        p.promotions = vec![Promotion {
            id: ids.item_id(),
            name: String::new(),
            price: Money::from_yuan(9),
            start: d(12),
            end: d(11),
        }];
        assert_eq!(
            apply(&mut c, StrategyEdit::PutProduct(p.clone())),
            Err(StrategyError::EndBeforeStart)
        );
        assert!(c.products.is_empty());
        // A promotion above base is what the user is fixing: saved, flagged.
        p.promotions[0].end = d(13);
        p.promotions[0].price = Money::from_yuan(11);
        assert_eq!(apply(&mut c, StrategyEdit::PutProduct(p.clone())), Ok(()));
        assert_eq!(c.products.len(), 1);
        let ch = Channel {
            id: ids.item_id(),
            kind: ChannelKind::Social,
            name: String::new(),
            role: String::new(),
            share: Some(Rate(12_000)),
        };
        assert_eq!(
            apply(&mut c, StrategyEdit::PutChannel(ch)),
            Err(StrategyError::ShareOutOfRange)
        );
        let g = Group {
            id: ids.item_id(),
            name: "G".into(),
            members: Some(10),
            active: Some(11),
        };
        assert_eq!(
            apply(&mut c, StrategyEdit::PutGroup(g)),
            Err(StrategyError::MoreActiveThanMembers)
        );
    }

    #[test]
    fn a_name_typed_away_is_refused_and_kept() {
        let mut ids = CountingIds::default();
        let mut c = Strategies::default();
        let s = Strategy::new(ids.item_id(), Area::Crm, "Referral");
        apply(&mut c, StrategyEdit::PutStrategy(s.clone())).expect("put");
        let blank = StrategyEdit::Text(TextTarget::StrategyTitle(s.id), "  ".into());
        assert_eq!(apply(&mut c, blank), Err(StrategyError::NameEmpty));
        assert_eq!(c.strategies[0].title, "Referral");
        apply(
            &mut c,
            StrategyEdit::Text(TextTarget::Benefits(MemberLevel::Gold), "Free delivery".into()),
        )
        .expect("text");
        assert_eq!(
            c.tier(MemberLevel::Gold).map(|t| t.benefits.as_str()),
            Some("Free delivery")
        );
    }

    #[test]
    fn tiers_stay_in_level_order() {
        let mut c = Strategies::default();
        for level in [MemberLevel::Gold, MemberLevel::Regular, MemberLevel::Silver] {
            apply(
                &mut c,
                StrategyEdit::PutTier(MemberTier {
                    level,
                    threshold: None,
                    benefits: String::new(),
                }),
            )
            .expect("tier");
        }
        let levels: Vec<MemberLevel> = c.tiers.iter().map(|t| t.level).collect();
        assert_eq!(
            levels,
            vec![MemberLevel::Regular, MemberLevel::Silver, MemberLevel::Gold]
        );
    }

    #[test]
    fn a_removed_criterion_takes_its_marks_and_undo_brings_both_back() {
        use crate::domain::situation::Score;
        use crate::domain::strategy::scorecard::{Candidate, Criterion};
        let mut ids = CountingIds::default();
        let mut c = Strategies::default();
        let k = Criterion {
            id: ids.item_id(),
            name: "Reach".into(),
            weight: 1,
        };
        apply(&mut c, StrategyEdit::PutCriterion(Board::Media, k.clone())).expect("criterion");
        let mut cand = Candidate {
            id: ids.item_id(),
            name: "Radio".into(),
            scores: Default::default(),
        };
        cand.scores.insert(k.id, Score::MID);
        apply(&mut c, StrategyEdit::PutCandidate(Board::Media, cand)).expect("candidate");
        let before = c.clone();
        let undo = removal_undo(&c, &[k.id]);
        apply(&mut c, StrategyEdit::Remove(vec![k.id])).expect("remove");
        assert!(c.media.criteria.is_empty() && c.media.candidates[0].scores.is_empty());
        apply(&mut c, undo).expect("undo");
        assert_eq!(c, before);
        let blank = Criterion {
            id: ids.item_id(),
            name: " ".into(),
            weight: 1,
        };
        assert_eq!(
            apply(&mut c, StrategyEdit::PutCriterion(Board::Partners, blank)),
            Err(StrategyError::NameEmpty)
        );
    }
}
