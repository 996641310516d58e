//! The sample plan's chapter 4, written from DOMAIN.md §4. Its words are
//! rows in the catalogue (`sample.strat.*`, fields split by `|`); which
//! goal, task and budget line each strategy links to is here, by the
//! sample's own order, so both languages link alike. One strategy (the
//! referral scheme) has no budget line: the gap the coverage view shows.

use super::sample_situation::{field, rows};
use crate::domain::core::ids::{IdSource, ItemId};
use crate::domain::core::money::Money;
use crate::domain::core::rate::Rate;
use crate::domain::plan::Plan;
use crate::domain::situation::Score;
use crate::domain::strategy::channels::{Channel, ChannelKind, Format, Group, Kol, Omo, Theme};
use crate::domain::strategy::pricing::{
    BulkRule, BulkTier, LifeStage, Product, Promotion, Role, Season, SeasonKind, ONLINE_DISCOUNT,
};
use crate::domain::strategy::scorecard::{Candidate, Scorecard};
use crate::domain::strategy::{Area, MemberLevel, MemberTier, PrActivity, PrKind, Referral, Strategies, Strategy};
use crate::i18n::{t, Key, Lang};
use chrono::Duration;

/// Each strategy's area and links: goals, tasks and budget lines by their
/// place in the sample (goals: brand, leads, retention, revenue; lines:
/// search, feed, WeChat, Xiaohongshu, show, salons, survey, points, POS).
type Links = (Area, &'static [usize], &'static [usize], &'static [usize]);

const LINKS: [Links; 7] = [
    (Area::Positioning, &[0], &[0, 6], &[6, 8]),
    (Area::Product, &[3], &[8, 11], &[4]),
    (Area::Price, &[3], &[9], &[0]),
    (Area::Channel, &[1], &[10], &[1]),
    (Area::Promotion, &[0, 1], &[13, 14], &[2, 3]),
    (Area::Crm, &[2], &[15], &[]),
    (Area::Crm, &[2], &[7], &[5, 7]),
];

pub(super) fn strategies(lang: Lang, ids: &mut impl IdSource, plan: &Plan) -> Strategies {
    let mut c = Strategies::default();
    let pick =
        |all: Vec<ItemId>, at: &[usize]| -> Vec<ItemId> { at.iter().filter_map(|i| all.get(*i).copied()).collect() };
    let goals: Vec<ItemId> = plan.goals.iter().map(|g| g.id).collect();
    let tasks: Vec<ItemId> = plan.implementation.tasks.iter().map(|t| t.id).collect();
    let lines: Vec<ItemId> = plan.budget.lines.iter().map(|l| l.id).collect();
    for (row, (area, g, t, l)) in rows(lang, "sample.strat.strategies").iter().zip(LINKS) {
        let mut s = Strategy::new(ids.item_id(), area, &field(row, 0));
        s.direction = field(row, 1);
        s.goals = pick(goals.clone(), g);
        s.tasks = pick(tasks.clone(), t);
        s.lines = pick(lines.clone(), l);
        c.strategies.push(s);
    }
    if let (Some(first), Some(tows)) = (c.strategies.first_mut(), plan.situation.tows.first()) {
        first.tows = Some(tows.id);
    }
    c.products = products(lang, ids, plan);
    let kinds = [
        ChannelKind::OwnPlatform,
        ChannelKind::Marketplace,
        ChannelKind::Social,
        ChannelKind::Flagship,
        ChannelKind::Distributor,
    ];
    let shares = [2_000, 3_500, 1_500, 1_000, 2_000];
    for ((row, kind), share) in rows(lang, "sample.strat.channels").iter().zip(kinds).zip(shares) {
        c.channels.push(Channel {
            id: ids.item_id(),
            kind,
            name: field(row, 0),
            role: field(row, 1),
            share: Some(Rate(share)),
        });
    }
    c.omo = [Omo::SharedInventory, Omo::SharedMembership].into_iter().collect();
    // Themes on chapter 5's publishing cadences: WeChat, video account,
    // Xiaohongshu, industry media.
    let cadences: Vec<ItemId> = plan.implementation.content.iter().map(|c| c.id).collect();
    let formats = [
        (Format::Article, 0),
        (Format::ShortVideo, 1),
        (Format::ImagePost, 2),
        (Format::Case, 3),
    ];
    for (row, (format, at)) in rows(lang, "sample.strat.themes").iter().zip(formats) {
        c.themes.push(Theme {
            id: ids.item_id(),
            theme: field(row, 0),
            format,
            cadence: cadences.get(at).copied(),
        });
    }
    // Match, engagement, commission in basis points: the second KOL's
    // following matches too little; the third sits exactly on the limits.
    let figures = [(8_600, 420, 1_500), (7_200, 510, 1_800), (9_000, 300, 2_000)];
    for (row, (m, e, k)) in rows(lang, "sample.strat.kols").iter().zip(figures) {
        c.kols.push(Kol {
            id: ids.item_id(),
            name: field(row, 0),
            platform: field(row, 1),
            follower_match: Some(Rate(m)),
            engagement: Some(Rate(e)),
            commission: Some(Rate(k)),
        });
    }
    for (row, (members, active)) in rows(lang, "sample.strat.groups").iter().zip([(480, 310), (500, 260)]) {
        c.groups.push(Group {
            id: ids.item_id(),
            name: field(row, 0),
            members: Some(members),
            active: Some(active),
        });
    }
    let levels = [
        (MemberLevel::Regular, 0),
        (MemberLevel::Silver, 2_000),
        (MemberLevel::Gold, 5_000),
    ];
    for (row, (level, yuan)) in rows(lang, "sample.strat.tiers").iter().zip(levels) {
        c.tiers.push(MemberTier {
            level,
            threshold: Some(Money::from_yuan(yuan)),
            benefits: field(row, 0),
        });
    }
    c.media = scorecard(
        ids,
        lang,
        Key::StratMediaCriteria,
        "sample.strat.media",
        &[&[4, 5, 3, 4, 5, 3], &[3, 4, 4, 3, 3, 5], &[5, 2, 3, 2, 2, 3]],
    );
    c.partners = scorecard(
        ids,
        lang,
        Key::StratPartnerCriteria,
        "sample.strat.partners",
        &[&[4, 5, 3, 4], &[5, 3, 4, 2]],
    );
    for (row, kind) in rows(lang, "sample.strat.pr")
        .iter()
        .zip([PrKind::Publicity, PrKind::Defensive])
    {
        c.pr.push(PrActivity {
            id: ids.item_id(),
            kind,
            text: field(row, 0),
        });
    }
    c.referral = Referral {
        expected: 200,
        ..Referral::default()
    };
    c
}

/// A scorecard with the handbook's criteria (weight 1 each, the first two
/// weighing 2) and candidates marked as given.
fn scorecard(ids: &mut impl IdSource, lang: Lang, criteria: Key, candidates: &str, marks: &[&[u8]]) -> Scorecard {
    let names: Vec<String> = t(lang, criteria)
        .lines()
        .map(|l| l.trim().to_owned())
        .filter(|l| !l.is_empty())
        .collect();
    let mut card = Scorecard::with_criteria(ids, &names);
    for k in card.criteria.iter_mut().take(2) {
        k.weight = 2;
    }
    for (row, marks) in rows(lang, candidates).iter().zip(marks) {
        let scores = card
            .criteria
            .iter()
            .zip(marks.iter())
            .filter_map(|(k, m)| Some((k.id, Score::new(*m)?)))
            .collect();
        card.candidates.push(Candidate {
            id: ids.item_id(),
            name: field(row, 0),
            scores,
        });
    }
    card
}

/// The core product with a full ladder: cost 100, a 50% minimum margin
/// (floor 150), base 199 beside a competitor at 209, a Double 11
/// promotion, a member price, bulk tiers for the units inside each tier,
/// a peak month and an off season late in the period whose online
/// first-order price dips under the floor (the calendar flags those days).
fn products(lang: Lang, ids: &mut impl IdSource, plan: &Plan) -> Vec<Product> {
    let start = plan.period.start;
    let names = rows(lang, "sample.strat.products");
    let name = |i: usize| names.get(i).map(|r| field(r, 0)).unwrap_or_default();
    let mut core = Product::new(ids.item_id(), &name(0));
    core.role = Role::Core;
    core.stage = Some(LifeStage::Introduction);
    core.cost = Some(Money::from_yuan(100));
    core.markup = Some(Rate(10_000));
    core.competitor_price = Some(Money::from_yuan(209));
    core.customer_value = Some(Money::from_yuan(360));
    core.base = Some(Money::from_yuan(199));
    core.member = Some(Money::from_yuan(189));
    core.min_margin = Some(Rate(5_000));
    core.promotions = vec![Promotion {
        id: ids.item_id(),
        name: names.first().map(|r| field(r, 1)).unwrap_or_default(),
        price: Money::from_yuan(169),
        start: start + Duration::days(31),
        end: start + Duration::days(41),
    }];
    core.bulk = vec![
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
    core.bulk_rule = BulkRule::UnitsInTier;
    core.seasons = vec![
        Season {
            id: ids.item_id(),
            kind: SeasonKind::Peak,
            start: start + Duration::days(31),
            end: start + Duration::days(60),
            change: SeasonKind::Peak.default_change(),
        },
        Season {
            id: ids.item_id(),
            kind: SeasonKind::Off,
            start: start + Duration::days(75),
            end: plan.period.end,
            change: SeasonKind::Off.default_change(),
        },
    ];
    core.online_discount = Some(ONLINE_DISCOUNT);
    core.first_order = Some(Rate(1_000));
    let mut filters = Product::new(ids.item_id(), &name(1));
    filters.role = Role::Supporting;
    filters.stage = Some(LifeStage::Maturity);
    filters.cost = Some(Money::from_yuan(18));
    filters.markup = Some(Rate(12_000));
    filters.base = Some(Money::from_yuan(39));
    let mut care = Product::new(ids.item_id(), &name(2));
    care.role = Role::Extension;
    care.stage = Some(LifeStage::Introduction);
    vec![core, filters, care]
}
