//! The RACI matrix (谁负责、谁批准、咨询谁、告知谁): chapter 5's tasks ×
//! positions, with the rules every row is checked against, and the
//! workload it puts on each position week by week.

use super::Team;
use crate::domain::core::calendar::week_start;
use crate::domain::core::ids::ItemId;
use crate::domain::core::order::sort_by_rank;
use crate::domain::implementation::schedule::Task;
use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Raci {
    /// Does the work.
    R,
    /// Answers for it; exactly one per task.
    A,
    /// Is consulted.
    C,
    /// Is kept informed.
    I,
}

crate::coded!(Raci { R = "R", A = "A", C = "C", I = "I" });

impl Raci {
    /// R and A carry the work: they count towards a position's workload.
    pub fn carries_work(self) -> bool {
        matches!(self, Raci::R | Raci::A)
    }
}

/// A broken rule of one task's row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RaciIssue {
    NoAccountable,
    /// More than one A: nobody is accountable when everybody is.
    ManyAccountable(usize),
    NoResponsible,
    /// An R or A on a vacant position: nobody is there to do it yet.
    Vacant(ItemId, Raci),
    /// A position that has been deleted.
    PositionMissing(ItemId),
}

/// The rules of one row: exactly one A, at least one R, no R or A on a
/// vacant position (a warning), no position that is gone.
pub fn row_issues(team: &Team, row: &BTreeMap<ItemId, Raci>) -> Vec<RaciIssue> {
    let mut out = Vec::new();
    let a = row.values().filter(|r| **r == Raci::A).count();
    match a {
        0 => out.push(RaciIssue::NoAccountable),
        1 => {}
        n => out.push(RaciIssue::ManyAccountable(n)),
    }
    if !row.values().any(|r| *r == Raci::R) {
        out.push(RaciIssue::NoResponsible);
    }
    for (&position, &role) in row {
        match team.position(position) {
            None => out.push(RaciIssue::PositionMissing(position)),
            Some(p) if p.is_vacant() && role.carries_work() => out.push(RaciIssue::Vacant(position, role)),
            Some(_) => {}
        }
    }
    out
}

/// The check of the whole matrix.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RaciCheck {
    /// Tasks whose row breaks a rule, in the task list's order, with what
    /// it breaks.
    pub rows: Vec<(ItemId, Vec<RaciIssue>)>,
    /// Rows of tasks that have been deleted.
    pub missing_tasks: Vec<ItemId>,
    /// Tasks that nobody is assigned to at all.
    pub unassigned: usize,
}

pub fn check(team: &Team, tasks: &[Task]) -> RaciCheck {
    let mut out = RaciCheck::default();
    for t in tasks {
        match team.raci.get(&t.id) {
            Some(row) if !row.is_empty() => {
                let issues = row_issues(team, row);
                if !issues.is_empty() {
                    out.rows.push((t.id, issues));
                }
            }
            _ => out.unassigned += 1,
        }
    }
    let known: std::collections::HashSet<ItemId> = tasks.iter().map(|t| t.id).collect();
    out.missing_tasks = team
        .raci
        .iter()
        .filter(|(task, row)| !row.is_empty() && !known.contains(task))
        .map(|(task, _)| *task)
        .collect();
    out
}

/// Tasks in flight per position per week.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Workload {
    /// Monday of every week from the first task's to the last's.
    pub weeks: Vec<NaiveDate>,
    /// Per position with any work: its count in each of `weeks`.
    pub rows: Vec<(ItemId, Vec<u32>)>,
}

impl Workload {
    /// The weeks where a position carries more than `limit` tasks, by
    /// position: (position, Monday, count).
    pub fn over(&self, limit: u32) -> Vec<(ItemId, NaiveDate, u32)> {
        self.rows
            .iter()
            .flat_map(|(p, counts)| {
                counts
                    .iter()
                    .zip(&self.weeks)
                    .filter(move |(n, _)| **n > limit)
                    .map(move |(n, w)| (*p, *w, *n))
            })
            .collect()
    }

    /// How many positions are over `limit` in at least one week.
    pub fn positions_over(&self, limit: u32) -> usize {
        self.rows
            .iter()
            .filter(|(_, counts)| counts.iter().any(|n| *n > limit))
            .count()
    }

    /// A position's busiest week: (count, Monday).
    pub fn peak(&self, position: ItemId) -> Option<(u32, NaiveDate)> {
        let (_, counts) = self.rows.iter().find(|(p, _)| *p == position)?;
        let mut best: Option<(u32, NaiveDate)> = None;
        for (n, w) in counts.iter().zip(&self.weeks) {
            if best.is_none_or(|(b, _)| *n > b) {
                best = Some((*n, *w));
            }
        }
        best
    }
}

/// A task is in flight in every week its dates touch, unless it is done
/// or cancelled; it counts for each position that is R or A on it (once,
/// even if both). Tasks without dates (relative to a T the plan lacks)
/// count nowhere.
pub fn workload(team: &Team, tasks: &[Task], launch: Option<NaiveDate>) -> Workload {
    let mut spans: Vec<(NaiveDate, NaiveDate, Vec<ItemId>)> = Vec::new();
    for t in tasks.iter().filter(|t| !t.status.is_closed()) {
        let Some(row) = team.raci.get(&t.id) else { continue };
        let Some((start, end)) = t.dates(launch) else { continue };
        let who: Vec<ItemId> = row.iter().filter(|(_, r)| r.carries_work()).map(|(p, _)| *p).collect();
        if !who.is_empty() && end >= start {
            spans.push((week_start(start), week_start(end), who));
        }
    }
    let (Some(first), Some(last)) = (spans.iter().map(|s| s.0).min(), spans.iter().map(|s| s.1).max()) else {
        return Workload::default();
    };
    let n = ((last - first).num_days() / 7 + 1) as usize;
    let weeks: Vec<NaiveDate> = (0..n).map(|i| first + Duration::days(7 * i as i64)).collect();
    // By id, so positions that are gone come last in a fixed order.
    let mut by_position: BTreeMap<ItemId, Vec<u32>> = BTreeMap::new();
    for (from, to, who) in spans {
        let (a, b) = (
            ((from - first).num_days() / 7) as usize,
            ((to - first).num_days() / 7) as usize,
        );
        for p in who {
            let counts = by_position.entry(p).or_insert_with(|| vec![0; n]);
            for c in &mut counts[a..=b] {
                *c += 1;
            }
        }
    }
    // In the positions' order, then any that are gone.
    let order: HashMap<ItemId, usize> = team.positions.iter().enumerate().map(|(i, p)| (p.id, i)).collect();
    let mut rows: Vec<(ItemId, Vec<u32>)> = by_position.into_iter().collect();
    sort_by_rank(&mut rows, |(p, _)| (order.get(p).map_or(i64::MAX, |i| *i as i64), 0));
    Workload { weeks, rows }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::core::ids::{CountingIds, IdSource};
    use crate::domain::implementation::schedule::{TaskStatus, When};
    use crate::domain::team::Position;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    struct Fixture {
        team: Team,
        lead: ItemId,
        writer: ItemId,
        vacant: ItemId,
        tasks: Vec<Task>,
    }

    fn fixture() -> Fixture {
        let mut ids = CountingIds::default();
        let lead = Position {
            holder: "Wang".into(),
            ..Position::new(ids.item_id(), "Lead")
        };
        let writer = Position {
            holder: "Li".into(),
            ..Position::new(ids.item_id(), "Writer")
        };
        let vacant = Position::new(ids.item_id(), "Designer");
        let tasks = vec![
            Task::new(
                ids.item_id(),
                "Brief",
                When::Date(d(2027, 3, 1)),
                When::Date(d(2027, 3, 3)),
            ),
            Task::new(
                ids.item_id(),
                "Copy",
                When::Date(d(2027, 3, 3)),
                When::Date(d(2027, 3, 10)),
            ),
            Task::new(
                ids.item_id(),
                "Art",
                When::Date(d(2027, 3, 8)),
                When::Date(d(2027, 3, 9)),
            ),
        ];
        Fixture {
            lead: lead.id,
            writer: writer.id,
            vacant: vacant.id,
            team: Team {
                positions: vec![lead, writer, vacant],
                ..Team::default()
            },
            tasks,
        }
    }

    fn row(cells: &[(ItemId, Raci)]) -> BTreeMap<ItemId, Raci> {
        cells.iter().copied().collect()
    }

    #[test]
    fn each_row_has_exactly_one_a_and_at_least_one_r() {
        let f = fixture();
        let ok = row(&[(f.lead, Raci::A), (f.writer, Raci::R)]);
        assert_eq!(row_issues(&f.team, &ok), vec![]);
        let two_a = row(&[(f.lead, Raci::A), (f.writer, Raci::A)]);
        assert_eq!(
            row_issues(&f.team, &two_a),
            vec![RaciIssue::ManyAccountable(2), RaciIssue::NoResponsible]
        );
        let only_r = row(&[(f.writer, Raci::R), (f.lead, Raci::C)]);
        assert_eq!(row_issues(&f.team, &only_r), vec![RaciIssue::NoAccountable]);
    }

    #[test]
    fn a_vacant_position_holding_r_or_a_is_warned_about_but_c_and_i_are_fine() {
        let f = fixture();
        let r = row(&[(f.lead, Raci::A), (f.vacant, Raci::R)]);
        assert_eq!(row_issues(&f.team, &r), vec![RaciIssue::Vacant(f.vacant, Raci::R)]);
        let i = row(&[(f.lead, Raci::A), (f.writer, Raci::R), (f.vacant, Raci::I)]);
        assert_eq!(row_issues(&f.team, &i), vec![]);
    }

    #[test]
    fn rows_of_deleted_tasks_and_positions_are_flagged_not_dropped() {
        let mut f = fixture();
        let gone = CountingIds(900).item_id();
        f.team
            .raci
            .insert(f.tasks[0].id, row(&[(f.lead, Raci::A), (gone, Raci::R)]));
        f.team.raci.insert(gone, row(&[(f.lead, Raci::A)]));
        let c = check(&f.team, &f.tasks);
        assert_eq!(c.rows, vec![(f.tasks[0].id, vec![RaciIssue::PositionMissing(gone)])]);
        assert_eq!(c.missing_tasks, vec![gone]);
        assert_eq!(c.unassigned, 2);
    }

    #[test]
    fn workload_counts_r_and_a_tasks_in_every_week_they_touch() {
        let mut f = fixture();
        // Brief 1-3 Mar (week of 1 Mar), Copy 3-10 Mar (two weeks), Art 8-9.
        f.team
            .raci
            .insert(f.tasks[0].id, row(&[(f.lead, Raci::A), (f.writer, Raci::R)]));
        f.team
            .raci
            .insert(f.tasks[1].id, row(&[(f.lead, Raci::A), (f.writer, Raci::R)]));
        f.team
            .raci
            .insert(f.tasks[2].id, row(&[(f.lead, Raci::R), (f.writer, Raci::I)]));
        let w = workload(&f.team, &f.tasks, None);
        assert_eq!(w.weeks, vec![d(2027, 3, 1), d(2027, 3, 8)]);
        assert_eq!(w.rows, vec![(f.lead, vec![2, 2]), (f.writer, vec![2, 1])]);
        assert_eq!(
            w.over(1),
            vec![
                (f.lead, d(2027, 3, 1), 2),
                (f.lead, d(2027, 3, 8), 2),
                (f.writer, d(2027, 3, 1), 2)
            ]
        );
        assert_eq!(w.peak(f.writer), Some((2, d(2027, 3, 1))));
        assert_eq!((w.positions_over(1), w.positions_over(2)), (2, 0));
        // Done tasks are not in flight.
        f.tasks[1].status = TaskStatus::Done;
        let w = workload(&f.team, &f.tasks, None);
        assert_eq!(w.rows, vec![(f.lead, vec![1, 1]), (f.writer, vec![1, 0])]);
    }
}
