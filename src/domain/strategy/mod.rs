//! Chapter 4, core strategies (核心市场策略, DOMAIN.md §4): strategies by
//! area that name the goals they move, the TOWS strategy they come from,
//! and the tasks and budget lines that carry them out; the product
//! portfolio with its pricing; channels; the KOL shortlist and community;
//! membership tiers.
//!
//! A strategy's links are ids. A link to something that is gone stays and
//! is flagged ([`coverage`]); it is never dropped, so an Undo elsewhere
//! brings the link back to life.

pub mod channels;
pub mod edit;
pub mod pricing;
pub mod scorecard;

pub use channels::{Channel, ChannelKind, CommunityTargets, Format, Group, Kol, KolCriteria, Omo, Theme};
pub use pricing::{LifeStage, Product, Role};

use crate::domain::core::ids::ItemId;
use crate::domain::core::money::Money;
use crate::domain::plan::{Plan, Unknown};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// The areas a strategy belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Area {
    /// Positioning in practice.
    Positioning,
    Product,
    Price,
    Channel,
    /// Promotion and communication.
    Promotion,
    /// Customer relationship (CRM).
    Crm,
}

crate::coded!(Area {
    Positioning = "positioning",
    Product = "product",
    Price = "price",
    Channel = "channel",
    Promotion = "promotion",
    Crm = "crm",
});

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Strategy {
    pub id: ItemId,
    pub area: Area,
    pub title: String,
    /// The direction in a sentence or two: what we will do and how.
    #[serde(default)]
    pub direction: String,
    /// Goals or KPIs of chapter 3 it moves.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub goals: Vec<ItemId>,
    /// The TOWS strategy of chapter 2 it comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tows: Option<ItemId>,
    /// Tasks of chapter 5 that carry it out.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tasks: Vec<ItemId>,
    /// Budget lines of chapter 6 that pay for it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lines: Vec<ItemId>,
}

impl Strategy {
    pub fn new(id: ItemId, area: Area, title: &str) -> Strategy {
        Strategy {
            id,
            area,
            title: title.to_owned(),
            direction: String::new(),
            goals: Vec::new(),
            tows: None,
            tasks: Vec::new(),
            lines: Vec::new(),
        }
    }
}

/// A membership tier (普通/银卡/金卡).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MemberLevel {
    Regular,
    Silver,
    Gold,
}

crate::coded!(MemberLevel { Regular = "regular", Silver = "silver", Gold = "gold" });

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MemberTier {
    pub level: MemberLevel,
    /// What a customer spends in a year to reach the tier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub threshold: Option<Money>,
    #[serde(default)]
    pub benefits: String,
}

/// The referral reward, paid to both sides (default 50 yuan each), and
/// how many referrals the plan expects: together, what the scheme costs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Referral {
    pub referrer: Money,
    pub friend: Money,
    #[serde(default)]
    pub expected: u32,
}

impl Default for Referral {
    fn default() -> Self {
        Referral {
            referrer: Money::from_yuan(50),
            friend: Money::from_yuan(50),
            expected: 0,
        }
    }
}

impl Referral {
    pub fn cost(&self) -> Money {
        Money::from_fen((self.referrer.fen() + self.friend.fen()).saturating_mul(i64::from(self.expected)))
    }
}

/// The strategy types of PR activities (公关策略类型).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PrKind {
    Publicity,
    Relationship,
    Defensive,
    Offensive,
    Corrective,
}

crate::coded!(PrKind {
    Publicity = "publicity",
    Relationship = "relationship",
    Defensive = "defensive",
    Offensive = "offensive",
    Corrective = "corrective",
});

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PrActivity {
    pub id: ItemId,
    pub kind: PrKind,
    #[serde(default)]
    pub text: String,
}

/// The chapter as stored.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Strategies {
    #[serde(default)]
    pub strategies: Vec<Strategy>,
    #[serde(default)]
    pub products: Vec<Product>,
    #[serde(default)]
    pub channels: Vec<Channel>,
    #[serde(default)]
    pub omo: BTreeSet<Omo>,
    #[serde(default)]
    pub themes: Vec<Theme>,
    #[serde(default)]
    pub kols: Vec<Kol>,
    #[serde(default)]
    pub kol_criteria: KolCriteria,
    #[serde(default)]
    pub groups: Vec<Group>,
    #[serde(default)]
    pub community: CommunityTargets,
    #[serde(default, skip_serializing_if = "scorecard::Scorecard::is_empty")]
    pub media: scorecard::Scorecard,
    #[serde(default)]
    pub pr: Vec<PrActivity>,
    #[serde(default, skip_serializing_if = "scorecard::Scorecard::is_empty")]
    pub partners: scorecard::Scorecard,
    #[serde(default)]
    pub tiers: Vec<MemberTier>,
    #[serde(default)]
    pub referral: Referral,
    #[serde(flatten)]
    pub unknown: Unknown,
}

impl Strategies {
    pub fn is_empty(&self) -> bool {
        *self == Strategies::default()
    }

    pub fn strategy(&self, id: ItemId) -> Option<&Strategy> {
        self.strategies.iter().find(|s| s.id == id)
    }

    pub fn product(&self, id: ItemId) -> Option<&Product> {
        self.products.iter().find(|p| p.id == id)
    }

    pub fn tier(&self, level: MemberLevel) -> Option<&MemberTier> {
        self.tiers.iter().find(|t| t.level == level)
    }

    /// The strategies that serve a goal, directly or through one of its KPIs.
    pub fn serving<'a>(&'a self, goal: &'a crate::domain::goals::goal::Goal) -> impl Iterator<Item = &'a Strategy> {
        self.strategies.iter().filter(move |s| {
            s.goals
                .iter()
                .any(|g| *g == goal.id || goal.kpis.iter().any(|k| k.id == *g))
        })
    }

    /// The strategies a task or a budget line carries out.
    pub fn carried_by(&self, item: ItemId) -> impl Iterator<Item = &Strategy> {
        self.strategies
            .iter()
            .filter(move |s| s.tasks.contains(&item) || s.lines.contains(&item))
    }
}

/// A strategy's link to something that is not in the plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dangling {
    Goal(ItemId),
    Tows(ItemId),
    Task(ItemId),
    Line(ItemId),
}

/// Where the chain goal → strategy → tasks and money is broken.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Coverage {
    /// Goals no strategy serves (through the goal or any of its KPIs).
    pub unserved_goals: Vec<ItemId>,
    /// Strategies no task of the plan carries out.
    pub without_tasks: Vec<ItemId>,
    /// Strategies no budget line of the plan pays for.
    pub without_budget: Vec<ItemId>,
    /// Budget lines that serve no strategy.
    pub idle_lines: Vec<ItemId>,
    /// Links to items that are gone, by strategy, in link order.
    pub dangling: Vec<(ItemId, Dangling)>,
}

impl Coverage {
    pub fn is_complete(&self) -> bool {
        *self == Coverage::default()
    }

    /// How many breaks the chain has, each listed item one.
    pub fn gaps(&self) -> usize {
        self.unserved_goals.len()
            + self.without_tasks.len()
            + self.without_budget.len()
            + self.idle_lines.len()
            + self.dangling.len()
    }
}

/// The coverage of the plan's strategies, in the plan's order everywhere.
/// Sets of ids make it linear in the number of links, so a plan of 300
/// strategies, 2,000 tasks and 1,000 lines costs a few thousand lookups.
pub fn coverage(plan: &Plan) -> Coverage {
    let chapter = &plan.strategies;
    let goal_ids: BTreeSet<ItemId> = plan
        .goals
        .iter()
        .flat_map(|g| std::iter::once(g.id).chain(g.kpis.iter().map(|k| k.id)))
        .collect();
    let task_ids: BTreeSet<ItemId> = plan.implementation.tasks.iter().map(|t| t.id).collect();
    let line_ids: BTreeSet<ItemId> = plan.budget.lines.iter().map(|l| l.id).collect();
    let tows_ids = tows_ids(plan);
    let mut served: BTreeSet<ItemId> = BTreeSet::new();
    let mut paying: BTreeSet<ItemId> = BTreeSet::new();
    let mut out = Coverage::default();
    for s in &chapter.strategies {
        for g in &s.goals {
            if goal_ids.contains(g) {
                served.insert(*g);
            } else {
                out.dangling.push((s.id, Dangling::Goal(*g)));
            }
        }
        if let Some(t) = s.tows.filter(|t| !tows_ids.contains(t)) {
            out.dangling.push((s.id, Dangling::Tows(t)));
        }
        let mut live_tasks = 0;
        for t in &s.tasks {
            if task_ids.contains(t) {
                live_tasks += 1;
            } else {
                out.dangling.push((s.id, Dangling::Task(*t)));
            }
        }
        let mut live_lines = 0;
        for l in &s.lines {
            if line_ids.contains(l) {
                live_lines += 1;
                paying.insert(*l);
            } else {
                out.dangling.push((s.id, Dangling::Line(*l)));
            }
        }
        if live_tasks == 0 {
            out.without_tasks.push(s.id);
        }
        if live_lines == 0 {
            out.without_budget.push(s.id);
        }
    }
    out.unserved_goals = plan
        .goals
        .iter()
        .filter(|g| !served.contains(&g.id) && !g.kpis.iter().any(|k| served.contains(&k.id)))
        .map(|g| g.id)
        .collect();
    out.idle_lines = plan
        .budget
        .lines
        .iter()
        .filter(|l| !paying.contains(&l.id))
        .map(|l| l.id)
        .collect();
    out
}

fn tows_ids(plan: &Plan) -> BTreeSet<ItemId> {
    plan.situation.tows.iter().map(|t| t.id).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::core::ids::{CountingIds, IdSource};
    use crate::domain::plan::sample::sample_plan;
    use crate::i18n::Lang;
    use chrono::{NaiveDate, TimeZone, Utc};
    use std::rc::Rc;

    fn sample() -> Plan {
        let today = NaiveDate::from_ymd_opt(2026, 11, 25).expect("date");
        let now = Utc.with_ymd_and_hms(2026, 11, 25, 2, 0, 0).single().expect("now");
        sample_plan(Lang::En, &mut CountingIds::default(), today, now)
    }

    #[test]
    fn the_samples_coverage_shows_its_one_deliberate_gap() {
        let plan = sample();
        let c = coverage(&plan);
        assert!(c.dangling.is_empty(), "{:?}", c.dangling);
        assert!(c.unserved_goals.is_empty(), "{:?}", c.unserved_goals);
        assert!(c.without_tasks.is_empty());
        assert_eq!(c.without_budget.len(), 1, "the referral scheme has no budget line yet");
        assert_eq!(c.gaps(), 1);
        let gap = plan.strategies.strategy(c.without_budget[0]).expect("a strategy");
        assert_eq!(gap.area, Area::Crm);
        let areas: BTreeSet<Area> = plan.strategies.strategies.iter().map(|s| s.area).collect();
        assert_eq!(areas.len(), Area::ALL.len(), "every area has a strategy");
    }

    #[test]
    fn coverage_of_a_known_plan() {
        let mut plan = sample();
        let mut ids = CountingIds(900);
        let goal = plan.goals[0].id;
        let kpi_goal = plan.goals[1].clone();
        let task = plan.implementation.tasks[0].id;
        let line = plan.budget.lines[0].id;
        let (gone_task, gone_line, gone_goal) = (ids.item_id(), ids.item_id(), ids.item_id());
        let mut a = Strategy::new(ids.item_id(), Area::Product, "A");
        a.goals = vec![goal, gone_goal];
        a.tasks = vec![task];
        a.lines = vec![line];
        let mut b = Strategy::new(ids.item_id(), Area::Price, "B");
        b.goals = vec![kpi_goal.kpis[0].id];
        b.tasks = vec![gone_task];
        b.lines = vec![gone_line];
        let chapter = Rc::make_mut(&mut plan.strategies);
        chapter.strategies = vec![a.clone(), b.clone()];
        let c = coverage(&plan);
        let others: Vec<ItemId> = plan.goals.iter().skip(2).map(|g| g.id).collect();
        assert_eq!(c.unserved_goals, others, "a KPI's strategy serves its goal");
        assert_eq!(c.without_tasks, vec![b.id], "a link to a deleted task carries nothing");
        assert_eq!(c.without_budget, vec![b.id]);
        let idle: Vec<ItemId> = plan.budget.lines.iter().skip(1).map(|l| l.id).collect();
        assert_eq!(c.idle_lines, idle);
        assert_eq!(
            c.dangling,
            vec![
                (a.id, Dangling::Goal(gone_goal)),
                (b.id, Dangling::Task(gone_task)),
                (b.id, Dangling::Line(gone_line)),
            ]
        );
        assert_eq!(plan.strategies.serving(&kpi_goal).count(), 1);
        assert_eq!(plan.strategies.carried_by(task).count(), 1);
    }

    #[test]
    fn a_referral_costs_both_rewards_per_referral() {
        let r = Referral {
            expected: 120,
            ..Referral::default()
        };
        assert_eq!(r.cost(), Money::from_yuan(12_000));
        assert_eq!(Referral::default().cost(), Money::ZERO);
    }
}
