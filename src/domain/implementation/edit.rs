//! The implementation chapter's edits, applied by one exhaustive `match`.
//! Every task edit is checked against the whole task list, so the plan never
//! gains a loop or a dangling dependency from the app.

use super::meetings::MeetingSettings;
use super::schedule::{check_phase, check_task, Phase, Task, TaskError};
use super::{ContentCadence, Implementation, KeyEvent, TimeZone};
use crate::domain::core::calendar::WorkCalendar;
use crate::domain::core::ids::ItemId;
use crate::domain::plan::edit::{put, EditGroup};
use crate::domain::plan::PlanError;
use chrono::NaiveDate;

/// One change to the implementation chapter.
#[derive(Clone, Debug, PartialEq)]
pub enum ImplementationEdit {
    /// Adds the task, or replaces the one with its id.
    PutTask(Task),
    /// Typing into one text field of a task.
    TaskText {
        task: ItemId,
        field: TaskText,
        text: String,
    },
    /// Removes tasks and every dependency on them.
    RemoveTasks(Vec<ItemId>),
    /// Undoes a removal: puts the tasks back at their positions and restores
    /// the links (successor, predecessor) that pointed at them.
    ReinsertTasks {
        tasks: Vec<(usize, Task)>,
        links: Vec<(ItemId, ItemId)>,
    },
    /// Moves a task to position `to` in the manual order.
    MoveTask {
        task: ItemId,
        to: usize,
    },
    /// Moves the dates of several tasks by the same number of days.
    ShiftTasks {
        tasks: Vec<ItemId>,
        days: i32,
    },
    /// A ready-made set (template): phases and tasks added together.
    AddTasks {
        phases: Vec<Phase>,
        tasks: Vec<Task>,
    },
    PutPhase(Phase),
    /// Removes a phase; its tasks stay, without a phase.
    RemovePhase(ItemId),
    ReminderDays(u32),
    TimeZone(TimeZone),
    Meetings(MeetingSettings),
    /// The theme of the month starting on `month`; empty removes it.
    MonthTheme {
        month: NaiveDate,
        text: String,
    },
    PutEvent(KeyEvent),
    RemoveEvent(ItemId),
    PutCadence(ContentCadence),
    RemoveCadence(ItemId),
    /// The plan's own holidays and make-up working days (meetings and
    /// approvals are dated by them).
    WorkCalendar(WorkCalendar),
}

impl ImplementationEdit {
    /// Typing into one field is one undo step, not one per character.
    pub fn group(&self) -> Option<EditGroup> {
        match self {
            Self::TaskText { task, field, .. } => Some(EditGroup::Task(*task, *field)),
            Self::MonthTheme { month, .. } => Some(EditGroup::Theme(*month)),
            Self::PutTask(..)
            | Self::RemoveTasks(..)
            | Self::ReinsertTasks { .. }
            | Self::MoveTask { .. }
            | Self::ShiftTasks { .. }
            | Self::AddTasks { .. }
            | Self::PutPhase(..)
            | Self::RemovePhase(..)
            | Self::ReminderDays(..)
            | Self::TimeZone(..)
            | Self::Meetings(..)
            | Self::PutEvent(..)
            | Self::RemoveEvent(..)
            | Self::PutCadence(..)
            | Self::RemoveCadence(..)
            | Self::WorkCalendar(..) => None,
        }
    }
}

/// The free-text fields of a task that are edited by typing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TaskText {
    Title,
    Department,
    Owner,
    Deliverable,
    Acceptance,
    Notes,
}

impl TaskText {
    pub fn get(self, t: &Task) -> &str {
        match self {
            Self::Title => &t.title,
            Self::Department => &t.department,
            Self::Owner => &t.owner,
            Self::Deliverable => &t.deliverable,
            Self::Acceptance => &t.acceptance,
            Self::Notes => &t.notes,
        }
    }

    fn get_mut(self, t: &mut Task) -> &mut String {
        match self {
            Self::Title => &mut t.title,
            Self::Department => &mut t.department,
            Self::Owner => &mut t.owner,
            Self::Deliverable => &mut t.deliverable,
            Self::Acceptance => &mut t.acceptance,
            Self::Notes => &mut t.notes,
        }
    }
}

/// Applies `edit` to the chapter of a plan whose launch day is `launch`.
pub fn apply(imp: &mut Implementation, launch: Option<NaiveDate>, edit: ImplementationEdit) -> Result<(), PlanError> {
    match edit {
        ImplementationEdit::PutTask(task) => {
            check_task(&task, &imp.tasks, launch).map_err(PlanError::Task)?;
            put(&mut imp.tasks, task, |t| t.id);
        }
        ImplementationEdit::TaskText { task, field, text } => {
            let Some(t) = imp.tasks.iter_mut().find(|t| t.id == task) else {
                return Ok(());
            };
            if field == TaskText::Title && text.trim().is_empty() {
                return Err(PlanError::Task(TaskError::TitleEmpty));
            }
            *field.get_mut(t) = text;
        }
        ImplementationEdit::RemoveTasks(ids) => {
            imp.tasks.retain(|t| !ids.contains(&t.id));
            for t in &mut imp.tasks {
                t.depends_on.retain(|d| !ids.contains(d));
            }
        }
        ImplementationEdit::ReinsertTasks { tasks, links } => {
            for (at, task) in tasks {
                if imp.tasks.iter().all(|t| t.id != task.id) {
                    let at = at.min(imp.tasks.len());
                    imp.tasks.insert(at, task);
                }
            }
            for (succ, pred) in links {
                if let Some(t) = imp.tasks.iter_mut().find(|t| t.id == succ) {
                    if !t.depends_on.contains(&pred) {
                        t.depends_on.push(pred);
                    }
                }
            }
        }
        ImplementationEdit::MoveTask { task, to } => {
            if let Some(from) = imp.tasks.iter().position(|t| t.id == task) {
                let t = imp.tasks.remove(from);
                let to = to.min(imp.tasks.len());
                imp.tasks.insert(to, t);
            }
        }
        ImplementationEdit::ShiftTasks { tasks, days } => {
            for t in imp.tasks.iter_mut().filter(|t| tasks.contains(&t.id)) {
                t.start = t.start.shifted(days);
                t.end = t.end.shifted(days);
            }
        }
        ImplementationEdit::AddTasks { phases, tasks } => {
            for p in &phases {
                check_phase(p, launch).map_err(PlanError::Task)?;
            }
            imp.phases.extend(phases);
            let mut all = imp.tasks.clone();
            for t in tasks {
                check_task(&t, &all, launch).map_err(PlanError::Task)?;
                all.push(t);
            }
            imp.tasks = all;
        }
        ImplementationEdit::PutPhase(phase) => {
            check_phase(&phase, launch).map_err(PlanError::Task)?;
            put(&mut imp.phases, phase, |p| p.id);
        }
        ImplementationEdit::RemovePhase(id) => {
            imp.phases.retain(|p| p.id != id);
            for t in imp.tasks.iter_mut().filter(|t| t.phase == Some(id)) {
                t.phase = None;
            }
        }
        ImplementationEdit::ReminderDays(days) => imp.reminder_days = days.min(365),
        ImplementationEdit::TimeZone(zone) => imp.time_zone = zone,
        ImplementationEdit::Meetings(settings) => imp.meetings = settings,
        ImplementationEdit::MonthTheme { month, text } => {
            let key = Implementation::month_key(month);
            if text.is_empty() {
                imp.themes.remove(&key);
            } else {
                imp.themes.insert(key, text);
            }
        }
        ImplementationEdit::PutEvent(event) => {
            if event.title.trim().is_empty() {
                return Err(PlanError::EventTitleEmpty);
            }
            if event.end < event.start {
                return Err(PlanError::EventEndBeforeStart);
            }
            put(&mut imp.events, event, |e| e.id);
        }
        ImplementationEdit::RemoveEvent(id) => imp.events.retain(|e| e.id != id),
        ImplementationEdit::PutCadence(cadence) => {
            if cadence.channel.trim().is_empty() {
                return Err(PlanError::ChannelEmpty);
            }
            if !(1..=crate::domain::implementation::MAX_PIECES_PER_SPAN).contains(&cadence.count) {
                return Err(PlanError::CadenceCount);
            }
            put(&mut imp.content, cadence, |c| c.id);
        }
        ImplementationEdit::RemoveCadence(id) => imp.content.retain(|c| c.id != id),
        ImplementationEdit::WorkCalendar(cal) => imp.work_calendar = cal,
    }
    Ok(())
}

/// The edit that undoes removing `ids`: the tasks with their positions
/// (ascending, so reinserting in order restores them) and the links from
/// other tasks to them.
pub fn removal_undo(imp: &Implementation, ids: &[ItemId]) -> ImplementationEdit {
    let tasks = &imp.tasks;
    ImplementationEdit::ReinsertTasks {
        tasks: tasks
            .iter()
            .enumerate()
            .filter(|(_, t)| ids.contains(&t.id))
            .map(|(i, t)| (i, t.clone()))
            .collect(),
        links: tasks
            .iter()
            .filter(|t| !ids.contains(&t.id))
            .flat_map(|t| t.depends_on.iter().filter(|d| ids.contains(d)).map(|d| (t.id, *d)))
            .collect(),
    }
}
