//! The goals chapter's edits (goals, KPIs, check-ins, decomposition,
//! dimensions and pace thresholds), applied by one exhaustive `match`.

use super::decompose::Decomposition;
use super::goal::{CustomDimension, Dimension, Goal};
use super::kpi::{CheckIn, Kpi, Thresholds};
use crate::domain::core::ids::ItemId;
use crate::domain::plan::edit::{put, EditGroup};
use crate::domain::plan::{Plan, PlanError};
use std::rc::Rc;

/// One change to the goals chapter.
#[derive(Clone, Debug, PartialEq)]
pub enum GoalsEdit {
    /// Adds the goal, or replaces the one with its id.
    PutGoal(Goal),
    RemoveGoal(ItemId),
    /// Adds the KPI to goal `goal`, or replaces the one with its id.
    PutKpi {
        goal: ItemId,
        kpi: Kpi,
    },
    RemoveKpi {
        goal: ItemId,
        kpi: ItemId,
    },
    AddCheckIn {
        kpi: ItemId,
        check_in: CheckIn,
    },
    RemoveCheckIn {
        kpi: ItemId,
        check_in: ItemId,
    },
    Decompose {
        kpi: ItemId,
        decomposition: Option<Decomposition>,
    },
    AddDimension(CustomDimension),
    DimensionWeight(Dimension, u32),
    Thresholds(Thresholds),
}

impl GoalsEdit {
    /// Goal and KPI forms are sent whole, so each edit is its own undo step.
    pub fn group(&self) -> Option<EditGroup> {
        None
    }
}

/// Applies `edit`. Goals live at the plan's top level (the file format
/// predates chapters), and removing a KPI also drops its causes in reviews,
/// so this takes the whole plan.
pub fn apply(plan: &mut Plan, edit: GoalsEdit) -> Result<(), PlanError> {
    match edit {
        GoalsEdit::PutGoal(goal) => {
            if goal.title.trim().is_empty() {
                return Err(PlanError::GoalTitleEmpty);
            }
            put(Rc::make_mut(&mut plan.goals), goal, |g| g.id);
        }
        GoalsEdit::RemoveGoal(id) => Rc::make_mut(&mut plan.goals).retain(|g| g.id != id),
        GoalsEdit::PutKpi { goal, kpi } => {
            kpi.validate().map_err(PlanError::Kpi)?;
            if let Some(goal) = Rc::make_mut(&mut plan.goals).iter_mut().find(|g| g.id == goal) {
                put(&mut goal.kpis, kpi, |k| k.id);
            }
        }
        GoalsEdit::RemoveKpi { goal, kpi } => {
            if let Some(goal) = Rc::make_mut(&mut plan.goals).iter_mut().find(|g| g.id == goal) {
                goal.kpis.retain(|k| k.id != kpi);
            }
            for review in Rc::make_mut(&mut plan.reviews) {
                review.causes.remove(&kpi);
            }
        }
        GoalsEdit::AddCheckIn { kpi, check_in } => {
            if let Some(kpi) = kpi_mut(plan, kpi) {
                kpi.check_ins.push(check_in);
            }
        }
        GoalsEdit::RemoveCheckIn { kpi, check_in } => {
            if let Some(kpi) = kpi_mut(plan, kpi) {
                kpi.check_ins.retain(|c| c.id != check_in);
            }
        }
        GoalsEdit::Decompose { kpi, decomposition } => {
            if let Some(kpi) = kpi_mut(plan, kpi) {
                kpi.decomposition = decomposition;
            }
        }
        GoalsEdit::AddDimension(dimension) => {
            if dimension.name.trim().is_empty() {
                return Err(PlanError::DimensionNameEmpty);
            }
            put(&mut plan.custom_dimensions, dimension, |d| d.id);
        }
        GoalsEdit::DimensionWeight(dimension, weight) => {
            plan.dimension_weights.insert(dimension.code(), weight);
        }
        GoalsEdit::Thresholds(t) => {
            if t.at_risk.0 <= 0 || t.at_risk > t.on_track {
                return Err(PlanError::Thresholds);
            }
            plan.thresholds = t;
        }
    }
    Ok(())
}

fn kpi_mut(plan: &mut Plan, id: ItemId) -> Option<&mut Kpi> {
    Rc::make_mut(&mut plan.goals)
        .iter_mut()
        .flat_map(|g| g.kpis.iter_mut())
        .find(|k| k.id == id)
}
