//! The people side of chapter 6 (预算与资源配置 — people by role,
//! DOMAIN.md §7): groups with head counts, positions with their reporting
//! lines and holders, the org chart, the hiring plan, the RACI matrix
//! against chapter 5's tasks ([`raci`]), incentives tied to KPIs and costs
//! shared with Sales ([`incentive`]).
//!
//! Reporting lines point at positions, not people, so a vacancy keeps its
//! place in the chart. A link to a position or task that is gone stays and
//! is flagged; it is never dropped.

pub mod edit;
pub mod incentive;
pub mod raci;

pub use incentive::{Incentive, JointProject, Party};
pub use raci::Raci;

use crate::domain::core::ids::ItemId;
use crate::domain::implementation::schedule::Phase;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// A group of the marketing department (策略组, 内容组…) and the head count
/// the plan gives it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Group {
    pub id: ItemId,
    pub name: String,
    #[serde(default)]
    pub planned: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Position {
    pub id: ItemId,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<ItemId>,
    /// The position this one reports to (its direct superior).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reports_to: Option<ItemId>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub duties: String,
    /// Who holds it; empty is a vacancy.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub holder: String,
    /// For a vacancy: the phase of chapter 5 by which it is to be filled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hire_by: Option<ItemId>,
}

impl Position {
    pub fn new(id: ItemId, title: &str) -> Position {
        Position {
            id,
            title: title.to_owned(),
            group: None,
            reports_to: None,
            duties: String::new(),
            holder: String::new(),
            hire_by: None,
        }
    }

    pub fn is_vacant(&self) -> bool {
        self.holder.trim().is_empty()
    }
}

/// The team: chapter 6's people by role.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Team {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<Group>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub positions: Vec<Position>,
    /// Task → position → role. Rows for tasks or positions that are gone
    /// stay and are flagged.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub raci: BTreeMap<ItemId, BTreeMap<ItemId, Raci>>,
    /// Tasks in flight per position per week above which it is flagged.
    #[serde(default = "default_limit")]
    pub workload_limit: u32,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub incentives: Vec<Incentive>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub joint: Vec<JointProject>,
}

fn default_limit() -> u32 {
    3
}

impl Default for Team {
    fn default() -> Self {
        Team {
            groups: Vec::new(),
            positions: Vec::new(),
            raci: BTreeMap::new(),
            workload_limit: default_limit(),
            incentives: Vec::new(),
            joint: Vec::new(),
        }
    }
}

impl Team {
    pub fn is_empty(&self) -> bool {
        *self == Team::default()
    }

    pub fn position(&self, id: ItemId) -> Option<&Position> {
        self.positions.iter().find(|p| p.id == id)
    }

    pub fn group(&self, id: ItemId) -> Option<&Group> {
        self.groups.iter().find(|g| g.id == id)
    }
}

/// Why a position cannot report where the user asked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportingLoop(pub Vec<String>);

/// Whether `position` may report to `manager`: refused when the manager is
/// the position itself or reports, at any distance, to it. The loop's
/// positions are named in order, the first repeated at the end.
pub fn check_reporting(positions: &[Position], position: ItemId, manager: ItemId) -> Result<(), ReportingLoop> {
    let by_id: HashMap<ItemId, &Position> = positions.iter().map(|p| (p.id, p)).collect();
    let title = |id: ItemId| by_id.get(&id).map_or_else(String::new, |p| p.title.clone());
    let mut chain = vec![position];
    let mut at = Some(manager);
    // Each step climbs one line; a loop that does not pass through
    // `position` (an imported one) stops the climb after every position.
    for _ in 0..=positions.len() {
        let Some(id) = at else { return Ok(()) };
        chain.push(id);
        if id == position {
            return Err(ReportingLoop(chain.into_iter().map(title).collect()));
        }
        at = by_id.get(&id).and_then(|p| p.reports_to);
    }
    Ok(())
}

/// What is odd about a position's place in the chart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChartFlag {
    /// It reports to a position that has been deleted: drawn at the top.
    ManagerMissing,
    /// Its reporting line goes round in a loop (an imported file): drawn
    /// at the top, where the loop was cut.
    InLoop,
}

/// One box of the org chart, drawn top to bottom: its row, how far in,
/// the row of its superior's box, and the head count under it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChartNode {
    pub id: ItemId,
    pub row: usize,
    pub depth: usize,
    pub parent_row: Option<usize>,
    /// Positions under it at any level, vacancies included.
    pub under: usize,
    /// Of those, vacant.
    pub vacant_under: usize,
    pub flag: Option<ChartFlag>,
}

/// The org chart as an indented tree: every position once, under its
/// superior, superiors' subordinates in the order the positions are
/// listed. Linear in the number of positions; no recursion, so a chain of
/// 500 positions draws like any other.
pub fn org_chart(positions: &[Position]) -> Vec<ChartNode> {
    let index: HashMap<ItemId, usize> = positions.iter().enumerate().map(|(i, p)| (p.id, i)).collect();
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); positions.len()];
    let mut roots: Vec<(usize, Option<ChartFlag>)> = Vec::new();
    for (i, p) in positions.iter().enumerate() {
        match p.reports_to {
            None => roots.push((i, None)),
            Some(m) => match index.get(&m) {
                Some(&mi) if mi != i => children[mi].push(i),
                Some(_) => roots.push((i, Some(ChartFlag::InLoop))),
                None => roots.push((i, Some(ChartFlag::ManagerMissing))),
            },
        }
    }
    let mut out: Vec<ChartNode> = Vec::with_capacity(positions.len());
    let mut placed = vec![false; positions.len()];
    let walk = |start: usize, flag: Option<ChartFlag>, out: &mut Vec<ChartNode>, placed: &mut Vec<bool>| {
        // (position, depth, parent row)
        let mut stack = vec![(start, 0usize, None::<usize>)];
        while let Some((i, depth, parent_row)) = stack.pop() {
            if placed[i] {
                continue;
            }
            placed[i] = true;
            let row = out.len();
            out.push(ChartNode {
                id: positions[i].id,
                row,
                depth,
                parent_row,
                under: 0,
                vacant_under: 0,
                flag: if i == start { flag } else { None },
            });
            for &c in children[i].iter().rev() {
                stack.push((c, depth + 1, Some(row)));
            }
        }
    };
    for (i, flag) in roots {
        walk(i, flag, &mut out, &mut placed);
    }
    // What is left sits on loops that nothing outside reaches: cut each
    // loop at its first listed position.
    for i in 0..positions.len() {
        if !placed[i] {
            walk(i, Some(ChartFlag::InLoop), &mut out, &mut placed);
        }
    }
    // Head counts, children before parents: rows come in preorder, so
    // walking them backwards adds each subtree before its root is read.
    let vacant: Vec<bool> = out
        .iter()
        .map(|n| index.get(&n.id).is_some_and(|&i| positions[i].is_vacant()))
        .collect();
    for row in (0..out.len()).rev() {
        if let Some(parent) = out[row].parent_row {
            let (under, vacant_under) = (out[row].under, out[row].vacant_under);
            out[parent].under += under + 1;
            out[parent].vacant_under += vacant_under + usize::from(vacant[row]);
        }
    }
    out
}

/// Head count of one group: planned, positions, filled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HeadCount {
    pub planned: u32,
    pub positions: u32,
    pub filled: u32,
}

impl HeadCount {
    pub fn vacant(self) -> u32 {
        self.positions - self.filled
    }

    /// Planned places that have no position yet.
    pub fn unplanned_gap(self) -> u32 {
        self.planned.saturating_sub(self.positions)
    }
}

/// Head counts by group in the groups' order; positions of no group (or
/// of a deleted one) under `None`, last, when there are any.
pub fn head_counts(team: &Team) -> Vec<(Option<ItemId>, HeadCount)> {
    let mut out: Vec<(Option<ItemId>, HeadCount)> = team
        .groups
        .iter()
        .map(|g| {
            (
                Some(g.id),
                HeadCount {
                    planned: g.planned,
                    positions: 0,
                    filled: 0,
                },
            )
        })
        .collect();
    let mut none = HeadCount {
        planned: 0,
        positions: 0,
        filled: 0,
    };
    for p in &team.positions {
        let slot = match p.group.and_then(|g| out.iter_mut().find(|(id, _)| *id == Some(g))) {
            Some((_, count)) => count,
            None => &mut none,
        };
        slot.positions += 1;
        slot.filled += u32::from(!p.is_vacant());
    }
    if none.positions > 0 {
        out.push((None, none));
    }
    out
}

/// Where a vacancy is to be filled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HireBy {
    Phase(ItemId),
    /// The phase it names has been deleted.
    PhaseMissing(ItemId),
    Unscheduled,
}

/// The hiring plan: vacancies by the phase of chapter 5 they are to be
/// filled by, in the phases' order, then those whose phase is gone, then
/// those not scheduled.
pub fn hiring_plan(team: &Team, phases: &[Phase]) -> Vec<(HireBy, Vec<ItemId>)> {
    let mut out: Vec<(HireBy, Vec<ItemId>)> = phases.iter().map(|ph| (HireBy::Phase(ph.id), Vec::new())).collect();
    let mut missing: Vec<(HireBy, Vec<ItemId>)> = Vec::new();
    let mut unscheduled = Vec::new();
    for p in team.positions.iter().filter(|p| p.is_vacant()) {
        match p.hire_by {
            Some(ph) if phases.iter().any(|x| x.id == ph) => {
                if let Some((_, list)) = out.iter_mut().find(|(h, _)| *h == HireBy::Phase(ph)) {
                    list.push(p.id);
                }
            }
            Some(ph) => match missing.iter_mut().find(|(h, _)| *h == HireBy::PhaseMissing(ph)) {
                Some((_, list)) => list.push(p.id),
                None => missing.push((HireBy::PhaseMissing(ph), vec![p.id])),
            },
            None => unscheduled.push(p.id),
        }
    }
    out.retain(|(_, list)| !list.is_empty());
    out.extend(missing);
    if !unscheduled.is_empty() {
        out.push((HireBy::Unscheduled, unscheduled));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::core::ids::{CountingIds, IdSource};

    fn chain(n: usize) -> Vec<Position> {
        let mut ids = CountingIds::default();
        let mut out: Vec<Position> = Vec::new();
        for i in 0..n {
            let mut p = Position::new(ids.item_id(), &format!("P{i}"));
            p.reports_to = out.last().map(|q: &Position| q.id);
            p.holder = if i % 2 == 0 { format!("H{i}") } else { String::new() };
            out.push(p);
        }
        out
    }

    #[test]
    fn a_loop_in_reporting_lines_is_refused_with_its_positions_named() {
        let ps = chain(3);
        // P0 ← P1 ← P2: P0 reporting to P2 closes a loop.
        let err = check_reporting(&ps, ps[0].id, ps[2].id).unwrap_err();
        assert_eq!(err.0, vec!["P0", "P2", "P1", "P0"]);
        assert_eq!(
            check_reporting(&ps, ps[1].id, ps[1].id).unwrap_err().0,
            vec!["P1", "P1"]
        );
        assert_eq!(check_reporting(&ps, ps[2].id, ps[0].id), Ok(()));
    }

    #[test]
    fn the_chart_counts_everyone_under_a_manager_vacancies_included() {
        let mut ids = CountingIds::default();
        let boss = Position {
            holder: "Wang".into(),
            ..Position::new(ids.item_id(), "Director")
        };
        let mut a = Position::new(ids.item_id(), "Content lead");
        a.reports_to = Some(boss.id);
        a.holder = "Li".into();
        let mut a1 = Position::new(ids.item_id(), "Writer");
        a1.reports_to = Some(a.id);
        let mut b = Position::new(ids.item_id(), "Data analyst");
        b.reports_to = Some(boss.id);
        let chart = org_chart(&[boss.clone(), a.clone(), a1.clone(), b.clone()]);
        let rows: Vec<(ItemId, usize, usize, usize)> =
            chart.iter().map(|n| (n.id, n.depth, n.under, n.vacant_under)).collect();
        assert_eq!(
            rows,
            vec![(boss.id, 0, 3, 2), (a.id, 1, 1, 1), (a1.id, 2, 0, 0), (b.id, 1, 0, 0)]
        );
        assert_eq!(chart[2].parent_row, Some(1));
        assert_eq!(chart[3].parent_row, Some(0));
    }

    #[test]
    fn imported_loops_and_missing_managers_are_drawn_at_the_top_and_flagged() {
        let mut ps = chain(3);
        ps[0].reports_to = Some(ps[2].id); // a loop of all three
        let mut ids = CountingIds(100);
        let mut orphan = Position::new(ids.item_id(), "Orphan");
        orphan.reports_to = Some(ids.item_id());
        ps.push(orphan.clone());
        let chart = org_chart(&ps);
        assert_eq!(chart.len(), 4, "every position once");
        assert_eq!(chart[0].id, orphan.id);
        assert_eq!(chart[0].flag, Some(ChartFlag::ManagerMissing));
        assert_eq!(chart[1].flag, Some(ChartFlag::InLoop));
        assert_eq!(chart[1].under, 2);
    }

    #[test]
    fn a_long_chain_does_not_overflow_the_stack() {
        let chart = org_chart(&chain(5_000));
        assert_eq!(chart[0].under, 4_999);
        assert_eq!(chart[0].vacant_under, 2_500);
        assert_eq!(chart[4_999].depth, 4_999);
    }

    #[test]
    fn head_counts_set_planned_places_against_positions_filled() {
        let mut ids = CountingIds::default();
        let content = Group {
            id: ids.item_id(),
            name: "Content".into(),
            planned: 5,
        };
        let mut team = Team {
            groups: vec![content.clone()],
            ..Team::default()
        };
        for holder in ["Li", "", "Zhao"] {
            let mut p = Position::new(ids.item_id(), "Writer");
            p.group = Some(content.id);
            p.holder = holder.into();
            team.positions.push(p);
        }
        team.positions.push(Position::new(ids.item_id(), "Intern"));
        let counts = head_counts(&team);
        let (_, c) = counts[0];
        assert_eq!(
            (c.planned, c.positions, c.filled, c.vacant(), c.unplanned_gap()),
            (5, 3, 2, 1, 2)
        );
        assert_eq!(counts[1].0, None);
        assert_eq!(counts[1].1.vacant(), 1);
    }

    #[test]
    fn the_hiring_plan_lists_vacancies_by_phase() {
        use crate::domain::implementation::schedule::When;
        let mut ids = CountingIds::default();
        let phase = |id, name: &str| Phase {
            id,
            name: name.into(),
            start: When::FromLaunch(-10),
            end: When::FromLaunch(0),
            unknown: Default::default(),
        };
        let (warm, gone) = (ids.item_id(), ids.item_id());
        let mut team = Team::default();
        for hire_by in [Some(warm), Some(gone), None, Some(warm)] {
            let mut p = Position::new(ids.item_id(), "Vacancy");
            p.hire_by = hire_by;
            team.positions.push(p);
        }
        let mut held = Position::new(ids.item_id(), "Held");
        held.holder = "Sun".into();
        held.hire_by = Some(warm);
        team.positions.push(held);
        let plan = hiring_plan(&team, &[phase(warm, "Warm-up")]);
        let shape: Vec<(HireBy, usize)> = plan.iter().map(|(h, l)| (*h, l.len())).collect();
        assert_eq!(
            shape,
            vec![
                (HireBy::Phase(warm), 2),
                (HireBy::PhaseMissing(gone), 1),
                (HireBy::Unscheduled, 1)
            ]
        );
    }
}
