//! The team's edits, applied by one exhaustive `match`. Whole items are
//! put and checked; typed texts go through `Text`, one undo step per field.

use super::raci::Raci;
use super::{check_reporting, Group, Incentive, JointProject, Position, ReportingLoop, Team};
use crate::domain::core::ids::ItemId;
use crate::domain::plan::edit::{positioned, put, reinsert, EditGroup};
use std::collections::BTreeMap;

/// Where a typed text goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TeamText {
    GroupName(ItemId),
    Title(ItemId),
    Holder(ItemId),
    Duties(ItemId),
    Reward(ItemId),
    JointName(ItemId),
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct TeamRestore {
    pub groups: Vec<(usize, Group)>,
    pub positions: Vec<(usize, Position)>,
    pub incentives: Vec<(usize, Incentive)>,
    pub joint: Vec<(usize, JointProject)>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum TeamEdit {
    Text(TeamText, String),
    PutGroup(Group),
    /// Adds the position or replaces the one with its id; a reporting line
    /// that would close a loop is refused.
    PutPosition(Position),
    /// One cell of the RACI matrix; None clears it.
    Raci {
        task: ItemId,
        position: ItemId,
        role: Option<Raci>,
    },
    WorkloadLimit(u32),
    PutIncentive(Incentive),
    PutJoint(JointProject),
    /// Groups, positions, incentives or joint projects with these ids.
    /// Lines pointing at them (reporting lines, RACI cells, risk owners)
    /// stay and are flagged, so Undo brings everything back as it was.
    Remove(Vec<ItemId>),
    Restore(Box<TeamRestore>),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TeamError {
    NameEmpty,
    ReportingLoop(Vec<String>),
    NegativeMoney,
    /// A workload limit of 0 flags every week with any work.
    LimitTooSmall,
}

impl From<ReportingLoop> for TeamError {
    fn from(l: ReportingLoop) -> Self {
        TeamError::ReportingLoop(l.0)
    }
}

impl TeamEdit {
    pub fn group(&self) -> Option<EditGroup> {
        match self {
            Self::Text(target, _) => Some(EditGroup::Team(*target)),
            Self::PutGroup(_)
            | Self::PutPosition(_)
            | Self::Raci { .. }
            | Self::WorkloadLimit(_)
            | Self::PutIncentive(_)
            | Self::PutJoint(_)
            | Self::Remove(_)
            | Self::Restore(_) => None,
        }
    }
}

fn named(name: &str) -> Result<(), TeamError> {
    if name.trim().is_empty() {
        Err(TeamError::NameEmpty)
    } else {
        Ok(())
    }
}

fn text(t: &mut Team, target: TeamText, value: String) -> Result<(), TeamError> {
    let slot: Option<&mut String> = match target {
        TeamText::GroupName(id) => t.groups.iter_mut().find(|g| g.id == id).map(|g| &mut g.name),
        TeamText::Title(id) => t.positions.iter_mut().find(|p| p.id == id).map(|p| &mut p.title),
        TeamText::Holder(id) => t.positions.iter_mut().find(|p| p.id == id).map(|p| &mut p.holder),
        TeamText::Duties(id) => t.positions.iter_mut().find(|p| p.id == id).map(|p| &mut p.duties),
        TeamText::Reward(id) => t.incentives.iter_mut().find(|i| i.id == id).map(|i| &mut i.reward),
        TeamText::JointName(id) => t.joint.iter_mut().find(|j| j.id == id).map(|j| &mut j.name),
    };
    if matches!(
        target,
        TeamText::GroupName(_) | TeamText::Title(_) | TeamText::JointName(_)
    ) {
        named(&value)?;
    }
    if let Some(slot) = slot {
        *slot = value;
    }
    Ok(())
}

pub fn apply(t: &mut Team, edit: TeamEdit) -> Result<(), TeamError> {
    match edit {
        TeamEdit::Text(target, value) => text(t, target, value)?,
        TeamEdit::PutGroup(g) => {
            named(&g.name)?;
            put(&mut t.groups, g, |g| g.id);
        }
        TeamEdit::PutPosition(p) => {
            named(&p.title)?;
            // Only a changed line is checked: a position already on an
            // imported loop can still have its title or holder edited.
            let before = t.position(p.id).and_then(|x| x.reports_to);
            if let Some(manager) = p.reports_to.filter(|m| Some(*m) != before) {
                check_reporting(&t.positions, p.id, manager)?;
            }
            put(&mut t.positions, p, |p| p.id);
        }
        TeamEdit::Raci { task, position, role } => match role {
            Some(role) => {
                t.raci.entry(task).or_default().insert(position, role);
            }
            None => {
                if let Some(row) = t.raci.get_mut(&task) {
                    row.remove(&position);
                    if row.is_empty() {
                        t.raci.remove(&task);
                    }
                }
            }
        },
        TeamEdit::WorkloadLimit(n) => {
            if n == 0 {
                return Err(TeamError::LimitTooSmall);
            }
            t.workload_limit = n;
        }
        TeamEdit::PutIncentive(i) => put(&mut t.incentives, i, |i| i.id),
        TeamEdit::PutJoint(j) => {
            named(&j.name)?;
            if j.cost.is_negative() {
                return Err(TeamError::NegativeMoney);
            }
            put(&mut t.joint, j, |j| j.id);
        }
        TeamEdit::Remove(ids) => {
            t.groups.retain(|g| !ids.contains(&g.id));
            t.positions.retain(|p| !ids.contains(&p.id));
            t.incentives.retain(|i| !ids.contains(&i.id));
            t.joint.retain(|j| !ids.contains(&j.id));
        }
        TeamEdit::Restore(r) => {
            let TeamRestore {
                groups,
                positions,
                incentives,
                joint,
            } = *r;
            reinsert(&mut t.groups, groups, |g| g.id);
            reinsert(&mut t.positions, positions, |p| p.id);
            reinsert(&mut t.incentives, incentives, |i| i.id);
            reinsert(&mut t.joint, joint, |j| j.id);
        }
    }
    Ok(())
}

/// The edit that undoes `Remove(ids)`.
pub fn removal_undo(t: &Team, ids: &[ItemId]) -> TeamEdit {
    TeamEdit::Restore(Box::new(TeamRestore {
        groups: positioned(&t.groups, ids, |g| g.id),
        positions: positioned(&t.positions, ids, |p| p.id),
        incentives: positioned(&t.incentives, ids, |i| i.id),
        joint: positioned(&t.joint, ids, |j| j.id),
    }))
}

/// The RACI row of a task, empty when nobody is assigned.
pub fn row(t: &Team, task: ItemId) -> BTreeMap<ItemId, Raci> {
    t.raci.get(&task).cloned().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::core::ids::{CountingIds, IdSource};

    #[test]
    fn a_loop_is_refused_and_changes_nothing() {
        let mut ids = CountingIds::default();
        let mut t = Team::default();
        let boss = Position::new(ids.item_id(), "Director");
        let mut lead = Position::new(ids.item_id(), "Lead");
        lead.reports_to = Some(boss.id);
        apply(&mut t, TeamEdit::PutPosition(boss.clone())).unwrap();
        apply(&mut t, TeamEdit::PutPosition(lead.clone())).unwrap();
        let before = t.clone();
        let looped = Position {
            reports_to: Some(lead.id),
            ..boss.clone()
        };
        assert_eq!(
            apply(&mut t, TeamEdit::PutPosition(looped)),
            Err(TeamError::ReportingLoop(vec![
                "Director".into(),
                "Lead".into(),
                "Director".into()
            ]))
        );
        assert_eq!(t, before);
    }

    #[test]
    fn removing_a_position_keeps_the_lines_to_it_and_undo_puts_it_back() {
        let mut ids = CountingIds::default();
        let mut t = Team::default();
        let boss = Position::new(ids.item_id(), "Director");
        let mut lead = Position::new(ids.item_id(), "Lead");
        lead.reports_to = Some(boss.id);
        let task = ids.item_id();
        apply(&mut t, TeamEdit::PutPosition(boss.clone())).unwrap();
        apply(&mut t, TeamEdit::PutPosition(lead.clone())).unwrap();
        apply(
            &mut t,
            TeamEdit::Raci {
                task,
                position: boss.id,
                role: Some(Raci::A),
            },
        )
        .unwrap();
        let before = t.clone();
        let undo = removal_undo(&t, &[boss.id]);
        apply(&mut t, TeamEdit::Remove(vec![boss.id])).unwrap();
        assert_eq!(t.positions.len(), 1);
        assert_eq!(t.positions[0].reports_to, Some(boss.id), "the line stays, flagged");
        assert_eq!(row(&t, task).get(&boss.id), Some(&Raci::A));
        apply(&mut t, undo).unwrap();
        assert_eq!(t, before);
    }

    #[test]
    fn clearing_the_last_cell_of_a_row_removes_the_row() {
        let mut ids = CountingIds::default();
        let mut t = Team::default();
        let (task, p) = (ids.item_id(), ids.item_id());
        apply(
            &mut t,
            TeamEdit::Raci {
                task,
                position: p,
                role: Some(Raci::R),
            },
        )
        .unwrap();
        apply(
            &mut t,
            TeamEdit::Raci {
                task,
                position: p,
                role: None,
            },
        )
        .unwrap();
        assert!(t.is_empty());
        assert_eq!(apply(&mut t, TeamEdit::WorkloadLimit(0)), Err(TeamError::LimitTooSmall));
    }
}
