//! The implementation chapter's edits, applied by one exhaustive `match`.
//! Every task edit is checked against the whole task list, so the plan never
//! gains a loop or a dangling dependency from the app.

use super::meetings::MeetingSettings;
use super::schedule::{check_phase, check_task, Phase, Priority, Progress, Task, TaskError, TaskStatus, When};
use super::{ContentCadence, Implementation, KeyEvent, TimeZone};
use crate::domain::core::calendar::OwnDay;
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
    /// One other field of a task, applied to the task as it is now (a row's
    /// copy of the whole task could be a change behind) and checked against
    /// the others.
    TaskField {
        task: ItemId,
        field: TaskField,
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
    /// One of the plan's own holidays or make-up working days (meetings and
    /// approvals are dated by them) set or cleared, on the calendar as it is now.
    CalendarDay {
        day: NaiveDate,
        own: Option<OwnDay>,
    },
}

impl ImplementationEdit {
    /// Typing into one field is one undo step, not one per character.
    pub fn group(&self) -> Option<EditGroup> {
        match self {
            Self::TaskText { task, field, .. } => Some(EditGroup::Task(*task, *field)),
            Self::MonthTheme { month, .. } => Some(EditGroup::Theme(*month)),
            Self::PutTask(..)
            | Self::TaskField { .. }
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
            | Self::CalendarDay { .. } => None,
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
    /// A name for the field in element ids.
    pub fn code(self) -> &'static str {
        match self {
            Self::Title => "title",
            Self::Department => "department",
            Self::Owner => "owner",
            Self::Deliverable => "deliverable",
            Self::Acceptance => "acceptance",
            Self::Notes => "notes",
        }
    }

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

/// A task's fields other than its texts, edited one at a time.
#[derive(Clone, Debug, PartialEq)]
pub enum TaskField {
    Phase(Option<ItemId>),
    Start(When),
    End(When),
    /// Both dates at once (switching between fixed and counted from T).
    Dates(When, When),
    /// Marking a task done also makes it 100% done.
    Status(TaskStatus),
    /// Reaching 100% finishes a task that is in progress.
    Progress(Progress),
    Priority(Priority),
    Kpi(Option<ItemId>),
    Milestone(bool),
    AddDependency(ItemId),
    RemoveDependency(ItemId),
}

impl TaskField {
    fn set(self, t: &mut Task) {
        match self {
            Self::Phase(p) => t.phase = p,
            Self::Start(w) => t.start = w,
            Self::End(w) => t.end = w,
            Self::Dates(start, end) => (t.start, t.end) = (start, end),
            Self::Status(s) => {
                t.status = s;
                if s == TaskStatus::Done {
                    t.progress = Progress::DONE;
                }
            }
            Self::Progress(p) => {
                t.progress = p;
                if p == Progress::DONE && t.status == TaskStatus::InProgress {
                    t.status = TaskStatus::Done;
                }
            }
            Self::Priority(p) => t.priority = p,
            Self::Kpi(k) => t.kpi = k,
            Self::Milestone(m) => t.milestone = m,
            Self::AddDependency(d) => {
                if !t.depends_on.contains(&d) {
                    t.depends_on.push(d);
                }
            }
            Self::RemoveDependency(d) => t.depends_on.retain(|x| *x != d),
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
        ImplementationEdit::TaskField { task, field } => {
            let Some(mut next) = imp.tasks.iter().find(|t| t.id == task).cloned() else {
                return Ok(());
            };
            field.set(&mut next);
            check_task(&next, &imp.tasks, launch).map_err(PlanError::Task)?;
            put(&mut imp.tasks, next, |t| t.id);
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
        ImplementationEdit::CalendarDay { day, own } => imp.work_calendar.set_day(day, own),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::core::ids::{CountingIds, IdSource};

    #[test]
    fn task_fields_change_one_field_of_the_task_as_it_is_now() {
        let mut ids = CountingIds::default();
        let d = |day| When::Date(NaiveDate::from_ymd_opt(2026, 12, day).unwrap());
        let a = Task::new(ids.item_id(), "A", d(1), d(3));
        let b = Task::new(ids.item_id(), "B", d(4), d(5));
        let (a_id, b_id) = (a.id, b.id);
        let mut imp = Implementation {
            tasks: vec![a, b],
            ..Implementation::default()
        };
        let set =
            |imp: &mut Implementation, task, field| apply(imp, None, ImplementationEdit::TaskField { task, field });
        set(&mut imp, a_id, TaskField::Progress(Progress::new(40).unwrap())).unwrap();
        set(&mut imp, a_id, TaskField::Status(TaskStatus::Done)).unwrap();
        assert_eq!(imp.tasks[0].progress, Progress::DONE, "done means 100%");
        assert_eq!(imp.tasks[0].title, "A");
        set(&mut imp, b_id, TaskField::AddDependency(a_id)).unwrap();
        let before = imp.clone();
        assert!(matches!(
            set(&mut imp, a_id, TaskField::AddDependency(b_id)),
            Err(PlanError::Task(TaskError::Cycle(_)))
        ));
        assert_eq!(imp, before, "a refused loop changes nothing");
        set(&mut imp, b_id, TaskField::RemoveDependency(a_id)).unwrap();
        assert!(imp.tasks[1].depends_on.is_empty());
    }
}
