//! The implementation plan (执行方案, DOMAIN.md §5): phases and tasks with
//! dates that are either fixed or counted from the launch day T, and
//! finish-to-start dependencies between tasks.
//!
//! Dates relative to T are stored as offsets, never as dates, so moving T
//! moves them without touching the tasks; fixed dates stay where they are.

use crate::domain::core::ids::ItemId;
use crate::domain::core::order::{day, set_of, sort_by_rank, sort_by_text};
use crate::domain::plan::Unknown;
use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize};
use std::collections::{BTreeSet, HashMap, HashSet};

/// When a task or phase starts or ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum When {
    Date(NaiveDate),
    /// Days after the launch day T; negative before it (T-6w is -42).
    FromLaunch(i32),
}

impl When {
    /// The calendar date, or None for an offset when the plan has no T.
    pub fn resolve(self, launch: Option<NaiveDate>) -> Option<NaiveDate> {
        match self {
            When::Date(d) => Some(d),
            When::FromLaunch(days) => launch.and_then(|t| t.checked_add_signed(Duration::days(days.into()))),
        }
    }

    pub fn shifted(self, days: i32) -> When {
        match self {
            When::Date(d) => When::Date(d.checked_add_signed(Duration::days(days.into())).unwrap_or(d)),
            When::FromLaunch(n) => When::FromLaunch(n.saturating_add(days)),
        }
    }

    pub fn is_relative(self) -> bool {
        matches!(self, When::FromLaunch(_))
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TaskStatus {
    #[default]
    NotStarted,
    InProgress,
    Done,
    Blocked,
    Cancelled,
}

crate::coded!(TaskStatus { NotStarted = "not_started", InProgress = "in_progress", Done = "done", Blocked = "blocked", Cancelled = "cancelled" });

impl TaskStatus {
    /// Finished tasks need no reminder.
    pub fn is_closed(self) -> bool {
        matches!(self, Self::Done | Self::Cancelled)
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Priority {
    High,
    #[default]
    Medium,
    Low,
}

crate::coded!(Priority { High = "high", Medium = "medium", Low = "low" });

/// Progress of a task, 0 to 100 %; a file with another number is refused
/// with the path of the field.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Progress(u8);

impl Progress {
    pub const DONE: Progress = Progress(100);

    pub fn new(percent: u8) -> Option<Progress> {
        (percent <= 100).then_some(Progress(percent))
    }

    /// Reads what a user typed: a whole number 0-100, "%" allowed.
    pub fn parse(text: &str) -> Option<Progress> {
        text.trim()
            .trim_end_matches('%')
            .trim()
            .parse::<u8>()
            .ok()
            .and_then(Progress::new)
    }

    pub fn percent(self) -> u8 {
        self.0
    }
}

impl<'de> Deserialize<'de> for Progress {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let n = u8::deserialize(d)?;
        Progress::new(n).ok_or_else(|| serde::de::Error::custom(format!("progress must be 0-100, got {n}")))
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Phase {
    pub id: ItemId,
    pub name: String,
    pub start: When,
    pub end: When,
    #[serde(flatten)]
    pub unknown: Unknown,
}

/// Fields are skipped when empty so that a plan of 10,000 tasks still fits
/// the browser's storage quota.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Task {
    pub id: ItemId,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phase: Option<ItemId>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub department: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner: String,
    pub start: When,
    pub end: When,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub deliverable: String,
    /// The acceptance criterion (考核指标), free text.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub acceptance: String,
    /// A KPI of the Goals chapter the criterion refers to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kpi: Option<ItemId>,
    #[serde(default, skip_serializing_if = "is_default")]
    pub status: TaskStatus,
    #[serde(default, skip_serializing_if = "is_default")]
    pub progress: Progress,
    #[serde(default, skip_serializing_if = "is_default")]
    pub priority: Priority,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// A milestone is drawn as a diamond on its end date.
    #[serde(default, skip_serializing_if = "is_default")]
    pub milestone: bool,
    /// Finish-to-start: this task should start after each of these ends.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub depends_on: Vec<ItemId>,
    #[serde(flatten)]
    pub unknown: Unknown,
}

fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

impl Task {
    /// A task with only the fields every task needs.
    pub fn new(id: ItemId, title: &str, start: When, end: When) -> Task {
        Task {
            id,
            title: title.to_owned(),
            phase: None,
            department: String::new(),
            owner: String::new(),
            start,
            end,
            deliverable: String::new(),
            acceptance: String::new(),
            kpi: None,
            status: TaskStatus::NotStarted,
            progress: Progress::default(),
            priority: Priority::Medium,
            notes: String::new(),
            milestone: false,
            depends_on: Vec::new(),
            unknown: Unknown::new(),
        }
    }

    pub fn dates(&self, launch: Option<NaiveDate>) -> Option<(NaiveDate, NaiveDate)> {
        Some((self.start.resolve(launch)?, self.end.resolve(launch)?))
    }
}

/// Why a task cannot be saved as it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TaskError {
    TitleEmpty,
    EndBeforeStart,
    /// A date counted from T in a plan with no T.
    NoLaunchDay,
    DependsOnItself,
    /// The dependency names a task that is not in the plan (deleted).
    UnknownDependency,
    /// Adding the dependency would close a loop; the titles of the tasks in
    /// it, in order, the first repeated at the end.
    Cycle(Vec<String>),
    PhaseEndBeforeStart,
    PhaseNameEmpty,
}

/// Checks one task against the others (`tasks` may already contain it).
pub fn check_task(task: &Task, tasks: &[Task], launch: Option<NaiveDate>) -> Result<(), TaskError> {
    if task.title.trim().is_empty() {
        return Err(TaskError::TitleEmpty);
    }
    if launch.is_none() && (task.start.is_relative() || task.end.is_relative()) {
        return Err(TaskError::NoLaunchDay);
    }
    if let Some((start, end)) = task.dates(launch) {
        if end < start {
            return Err(TaskError::EndBeforeStart);
        }
    }
    if task.depends_on.contains(&task.id) {
        return Err(TaskError::DependsOnItself);
    }
    let known: HashSet<ItemId> = tasks.iter().map(|t| t.id).collect();
    if task.depends_on.iter().any(|d| !known.contains(d)) {
        return Err(TaskError::UnknownDependency);
    }
    let mut after: Vec<Task> = tasks.iter().filter(|t| t.id != task.id).cloned().collect();
    after.push(task.clone());
    match find_cycle(&after) {
        Some(cycle) => Err(TaskError::Cycle(titles(&after, &in_running_order(cycle, task.id)))),
        None => Ok(()),
    }
}

/// A loop as found (each task depends on the next) turned into the order the
/// tasks would run in, starting at `first` when it is in the loop: "Plan →
/// Design → Print → Plan" reads as the impossible schedule it is.
pub fn in_running_order(mut cycle: Vec<ItemId>, first: ItemId) -> Vec<ItemId> {
    cycle.reverse();
    if let Some(at) = cycle.iter().position(|id| *id == first) {
        cycle.rotate_left(at);
    }
    cycle
}

pub fn check_phase(phase: &Phase, launch: Option<NaiveDate>) -> Result<(), TaskError> {
    if phase.name.trim().is_empty() {
        return Err(TaskError::PhaseNameEmpty);
    }
    if launch.is_none() && (phase.start.is_relative() || phase.end.is_relative()) {
        return Err(TaskError::NoLaunchDay);
    }
    match (phase.start.resolve(launch), phase.end.resolve(launch)) {
        (Some(s), Some(e)) if e < s => Err(TaskError::PhaseEndBeforeStart),
        _ => Ok(()),
    }
}

/// The titles of `ids`, with the first repeated at the end ("A → B → A").
pub fn titles(tasks: &[Task], ids: &[ItemId]) -> Vec<String> {
    let by_id: HashMap<ItemId, &str> = tasks.iter().map(|t| (t.id, t.title.as_str())).collect();
    ids.iter()
        .chain(ids.first())
        .map(|id| by_id.get(id).map_or_else(|| id.to_string(), |t| (*t).to_owned()))
        .collect()
}

/// One loop of dependencies, if there is any: the tasks in order, each
/// depending on the next… and the last on the first. Iterative, so a long
/// chain cannot overflow the stack.
pub fn find_cycle(tasks: &[Task]) -> Option<Vec<ItemId>> {
    let index: HashMap<ItemId, usize> = tasks.iter().enumerate().map(|(i, t)| (t.id, i)).collect();
    let edges: Vec<Vec<usize>> = tasks
        .iter()
        .map(|t| t.depends_on.iter().filter_map(|d| index.get(d).copied()).collect())
        .collect();
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        OnPath,
        Done,
    }
    let mut mark = vec![Mark::New; tasks.len()];
    for root in 0..tasks.len() {
        if mark[root] != Mark::New {
            continue;
        }
        // The path from the root, with the next edge to follow for each node.
        let mut path: Vec<(usize, usize)> = vec![(root, 0)];
        mark[root] = Mark::OnPath;
        while let Some(&mut (node, ref mut next)) = path.last_mut() {
            if let Some(&to) = edges[node].get(*next) {
                *next += 1;
                match mark[to] {
                    Mark::New => {
                        mark[to] = Mark::OnPath;
                        path.push((to, 0));
                    }
                    Mark::OnPath => {
                        let from = path.iter().position(|(n, _)| *n == to).unwrap_or(0);
                        return Some(path[from..].iter().map(|(n, _)| tasks[*n].id).collect());
                    }
                    Mark::Done => {}
                }
            } else {
                mark[node] = Mark::Done;
                path.pop();
            }
        }
    }
    None
}

/// What is wrong with a task in a plan as it stands; a plan loaded from a
/// file can have any of these and still opens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TaskFlag {
    EndBeforeStart,
    NoLaunchDay,
    /// It depends on a task that is not in the plan.
    MissingDependency,
    /// It starts on or before the day a predecessor ends.
    StartsBeforePredecessorEnds(ItemId),
    InCycle,
}

/// The computed view of a task list: resolved dates, problems, the critical
/// path. Built once per render; every view reads from it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Analysis {
    pub dates: HashMap<ItemId, (NaiveDate, NaiveDate)>,
    pub flags: HashMap<ItemId, Vec<TaskFlag>>,
    /// One loop of dependencies, if the plan has any (only from a file).
    pub cycle: Option<Vec<ItemId>>,
    /// The chain of tasks that sets the end date, first to last.
    pub critical: Vec<ItemId>,
    pub first_day: Option<NaiveDate>,
    pub last_day: Option<NaiveDate>,
}

/// Whether two task lists give the same [`Analysis`]. It reads only ids,
/// dates, dependencies and status, so typing a title or an owner need not
/// run it again (in a 2,000-task plan it is the costly part of a keystroke).
pub fn same_schedule(a: &[Task], b: &[Task]) -> bool {
    a.len() == b.len()
        && a.iter().zip(b).all(|(x, y)| {
            x.id == y.id && x.start == y.start && x.end == y.end && x.status == y.status && x.depends_on == y.depends_on
        })
}

impl Analysis {
    pub fn of(tasks: &[Task], launch: Option<NaiveDate>) -> Analysis {
        let mut a = Analysis::default();
        for t in tasks {
            if let Some(dates) = t.dates(launch) {
                a.dates.insert(t.id, dates);
            }
        }
        a.first_day = a.dates.values().map(|d| d.0).min();
        a.last_day = a.dates.values().map(|d| d.1.max(d.0)).max();
        a.cycle = find_cycle(tasks);
        let in_cycle: HashSet<ItemId> = a.cycle.iter().flatten().copied().collect();
        let known: HashSet<ItemId> = tasks.iter().map(|t| t.id).collect();
        for t in tasks {
            let mut flags = Vec::new();
            match a.dates.get(&t.id) {
                Some((s, e)) if e < s => flags.push(TaskFlag::EndBeforeStart),
                Some(_) => {}
                None => flags.push(TaskFlag::NoLaunchDay),
            }
            for d in &t.depends_on {
                match (a.dates.get(d), a.dates.get(&t.id)) {
                    (None, _) if !known.contains(d) && !flags.contains(&TaskFlag::MissingDependency) => {
                        flags.push(TaskFlag::MissingDependency);
                    }
                    (None, _) => {}
                    (Some((_, pred_end)), Some((start, _))) if start <= pred_end => {
                        flags.push(TaskFlag::StartsBeforePredecessorEnds(*d));
                    }
                    _ => {}
                }
            }
            if in_cycle.contains(&t.id) {
                flags.push(TaskFlag::InCycle);
            }
            if !flags.is_empty() {
                a.flags.insert(t.id, flags);
            }
        }
        a.critical = critical_path(tasks, &a.dates, &in_cycle);
        a
    }

    pub fn is_critical(&self, id: ItemId) -> bool {
        self.critical.contains(&id)
    }
}

/// From the task that ends last, walk back through the predecessor that ends
/// latest: that chain is what would have to move for the end date to move.
fn critical_path(
    tasks: &[Task],
    dates: &HashMap<ItemId, (NaiveDate, NaiveDate)>,
    in_cycle: &HashSet<ItemId>,
) -> Vec<ItemId> {
    let by_id: HashMap<ItemId, &Task> = tasks.iter().map(|t| (t.id, t)).collect();
    let live = |t: &&Task| t.status != TaskStatus::Cancelled && !in_cycle.contains(&t.id);
    // Ties go to the task listed first, so the path is stable.
    let Some(mut current) = tasks
        .iter()
        .filter(live)
        .filter_map(|t| dates.get(&t.id).map(|d| (d.1, t)))
        .fold(None::<(NaiveDate, &Task)>, |best, (end, t)| match best {
            Some((b, _)) if b >= end => best,
            _ => Some((end, t)),
        })
        .map(|(_, t)| t)
    else {
        return Vec::new();
    };
    let mut path = vec![current.id];
    let mut seen: BTreeSet<ItemId> = BTreeSet::from([current.id]);
    loop {
        let next = current
            .depends_on
            .iter()
            .filter_map(|d| by_id.get(d).copied())
            .filter(live)
            .filter_map(|t| dates.get(&t.id).map(|d| (d.1, t)))
            .fold(None::<(NaiveDate, &Task)>, |best, (end, t)| match best {
                Some((b, _)) if b >= end => best,
                _ => Some((end, t)),
            });
        match next {
            Some((_, t)) if seen.insert(t.id) => {
                path.push(t.id);
                current = t;
            }
            _ => break,
        }
    }
    path.reverse();
    path
}

/// Tasks due soon and overdue on `today` (reminders, DOMAIN.md §5).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Reminders {
    /// (task, days until its end date), soonest first; 0 is due today.
    pub due_soon: Vec<(ItemId, i64)>,
    /// (task, days since its end date), most overdue first.
    pub overdue: Vec<(ItemId, i64)>,
}

impl Reminders {
    pub fn count(&self) -> usize {
        self.due_soon.len() + self.overdue.len()
    }
}

pub fn reminders(tasks: &[Task], launch: Option<NaiveDate>, today: NaiveDate, within_days: u32) -> Reminders {
    let mut r = Reminders::default();
    for t in tasks.iter().filter(|t| !t.status.is_closed()) {
        let Some(end) = t.end.resolve(launch) else { continue };
        let days = (end - today).num_days();
        if days < 0 {
            r.overdue.push((t.id, -days));
        } else if days <= i64::from(within_days) {
            r.due_soon.push((t.id, days));
        }
    }
    sort_by_rank(&mut r.due_soon, |(_, d)| (*d, 0));
    sort_by_rank(&mut r.overdue, |(_, d)| (-*d, 0));
    r
}

/// Which tasks the table shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TaskFilter {
    /// `Some(None)` means tasks without a phase.
    pub phase: Option<Option<ItemId>>,
    pub department: Option<String>,
    pub owner: Option<String>,
    pub status: Option<TaskStatus>,
    pub text: String,
}

impl TaskFilter {
    pub fn matches(&self, t: &Task) -> bool {
        self.phase.is_none_or(|p| t.phase == p)
            && self.department.as_ref().is_none_or(|d| &t.department == d)
            && self.owner.as_ref().is_none_or(|o| &t.owner == o)
            && self.status.is_none_or(|s| t.status == s)
            && (self.text.trim().is_empty() || t.title.to_lowercase().contains(&self.text.trim().to_lowercase()))
    }

    pub fn is_empty(&self) -> bool {
        *self == TaskFilter::default()
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum SortKey {
    /// The order the user arranged.
    #[default]
    Manual,
    Start,
    End,
    Status,
    Owner,
    Priority,
}

impl SortKey {
    pub const ALL: [SortKey; 6] = [
        Self::Manual,
        Self::Start,
        Self::End,
        Self::Status,
        Self::Owner,
        Self::Priority,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::Manual => "manual",
            Self::Start => "start",
            Self::End => "end",
            Self::Status => "status",
            Self::Owner => "owner",
            Self::Priority => "priority",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// The rows of the task table: filtered, then sorted stably (tasks without
/// dates last).
pub fn table_rows<'a>(tasks: &'a [Task], analysis: &Analysis, filter: &TaskFilter, sort: SortKey) -> Vec<&'a Task> {
    let mut rows: Vec<&Task> = tasks.iter().filter(|t| filter.matches(t)).collect();
    let date = |t: &Task, end: bool| {
        analysis
            .dates
            .get(&t.id)
            .map_or(NaiveDate::MAX, |d| if end { d.1 } else { d.0 })
    };
    match sort {
        SortKey::Manual => {}
        SortKey::Start => sort_by_rank(&mut rows, |t| (day(date(t, false)), 0)),
        SortKey::End => sort_by_rank(&mut rows, |t| (day(date(t, true)), 0)),
        SortKey::Status => sort_by_rank(&mut rows, |t| (t.status as i64, 0)),
        SortKey::Owner => sort_by_text(&mut rows, |t| t.owner.as_str()),
        SortKey::Priority => sort_by_rank(&mut rows, |t| (t.priority as i64, 0)),
    }
    rows
}

/// The distinct non-empty values of a text field, sorted, for filter lists.
pub fn distinct(tasks: &[Task], field: fn(&Task) -> &str) -> Vec<String> {
    let set: BTreeSet<&str> = set_of(tasks.iter().map(field).filter(|s| !s.trim().is_empty()));
    set.into_iter().map(str::to_owned).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::core::ids::{CountingIds, IdSource};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
    }

    /// Tasks named by letter, each a fixed date range, with dependencies.
    fn graph(spec: &[(&str, (u32, u32), &[&str])]) -> Vec<Task> {
        let mut ids = CountingIds::default();
        let named: Vec<(String, ItemId)> = spec.iter().map(|(n, _, _)| (n.to_string(), ids.item_id())).collect();
        let id = |n: &str| named.iter().find(|(x, _)| x == n).map(|(_, i)| *i).expect("known name");
        spec.iter()
            .map(|(name, (s, e), deps)| {
                let mut t = Task::new(id(name), name, When::Date(d(2027, 3, *s)), When::Date(d(2027, 3, *e)));
                t.depends_on = deps.iter().map(|n| id(n)).collect();
                t
            })
            .collect()
    }

    fn names(tasks: &[Task], ids: &[ItemId]) -> Vec<String> {
        ids.iter()
            .map(|i| {
                tasks
                    .iter()
                    .find(|t| t.id == *i)
                    .map(|t| t.title.clone())
                    .unwrap_or_default()
            })
            .collect()
    }

    #[test]
    fn offsets_follow_the_launch_day_and_dates_stay() {
        let t = d(2027, 1, 4);
        assert_eq!(When::FromLaunch(-42).resolve(Some(t)), Some(d(2026, 11, 23)));
        assert_eq!(When::FromLaunch(0).resolve(Some(t)), Some(t));
        assert_eq!(When::FromLaunch(-42).resolve(Some(d(2027, 3, 1))), Some(d(2027, 1, 18)));
        assert_eq!(
            When::Date(d(2026, 12, 1)).resolve(Some(d(2027, 3, 1))),
            Some(d(2026, 12, 1))
        );
        assert_eq!(When::FromLaunch(3).resolve(None), None);
        assert_eq!(When::FromLaunch(-1).shifted(7), When::FromLaunch(6));
        assert_eq!(When::Date(d(2026, 12, 30)).shifted(3), When::Date(d(2027, 1, 2)));
    }

    #[test]
    fn a_cycle_is_found_and_named_in_order() {
        let tasks = graph(&[("A", (1, 2), &["C"]), ("B", (3, 4), &["A"]), ("C", (5, 6), &["B"])]);
        let cycle = find_cycle(&tasks).expect("a cycle");
        assert_eq!(cycle.len(), 3);
        let t = titles(&tasks, &cycle);
        assert_eq!(t.first(), t.last());
        let acyclic = graph(&[("A", (1, 2), &[]), ("B", (3, 4), &["A"]), ("C", (5, 6), &["A", "B"])]);
        assert_eq!(find_cycle(&acyclic), None);
    }

    #[test]
    fn a_long_chain_does_not_overflow() {
        let mut ids = CountingIds::default();
        let mut tasks: Vec<Task> = (0..100_000)
            .map(|i| {
                Task::new(
                    ids.item_id(),
                    &format!("T{i}"),
                    When::FromLaunch(i),
                    When::FromLaunch(i),
                )
            })
            .collect();
        for i in 1..tasks.len() {
            let prev = tasks[i - 1].id;
            tasks[i].depends_on.push(prev);
        }
        assert_eq!(find_cycle(&tasks), None);
        let first = tasks[0].id;
        let last = tasks[tasks.len() - 1].id;
        tasks[0].depends_on.push(last);
        assert_eq!(find_cycle(&tasks).map(|c| c.len()), Some(100_000));
        let _ = first;
    }

    #[test]
    fn adding_a_dependency_that_closes_a_loop_is_refused_naming_the_tasks() {
        let tasks = graph(&[
            ("Plan", (1, 2), &[]),
            ("Design", (3, 4), &["Plan"]),
            ("Print", (5, 6), &["Design"]),
        ]);
        let mut plan_task = tasks[0].clone();
        plan_task.depends_on.push(tasks[2].id);
        let Err(TaskError::Cycle(names)) = check_task(&plan_task, &tasks, None) else {
            panic!("expected a cycle");
        };
        assert_eq!(names, ["Plan", "Design", "Print", "Plan"]);
        let mut itself = tasks[1].clone();
        itself.depends_on.push(itself.id);
        assert_eq!(check_task(&itself, &tasks, None), Err(TaskError::DependsOnItself));
        let mut ghost = tasks[1].clone();
        ghost.depends_on.push(CountingIds(999).item_id());
        assert_eq!(check_task(&ghost, &tasks, None), Err(TaskError::UnknownDependency));
    }

    #[test]
    fn bad_dates_are_refused() {
        let mut ids = CountingIds::default();
        let t = Task::new(ids.item_id(), "x", When::Date(d(2027, 1, 5)), When::Date(d(2027, 1, 4)));
        assert_eq!(check_task(&t, &[], None), Err(TaskError::EndBeforeStart));
        let rel = Task::new(ids.item_id(), "x", When::FromLaunch(-3), When::FromLaunch(0));
        assert_eq!(check_task(&rel, &[], None), Err(TaskError::NoLaunchDay));
        assert_eq!(check_task(&rel, &[], Some(d(2027, 1, 1))), Ok(()));
        // Mixed: a relative start after a fixed end once T is known.
        let mixed = Task::new(ids.item_id(), "x", When::FromLaunch(0), When::Date(d(2027, 1, 1)));
        assert_eq!(
            check_task(&mixed, &[], Some(d(2027, 2, 1))),
            Err(TaskError::EndBeforeStart)
        );
        let blank = Task::new(ids.item_id(), "  ", When::FromLaunch(0), When::FromLaunch(0));
        assert_eq!(check_task(&blank, &[], Some(d(2027, 2, 1))), Err(TaskError::TitleEmpty));
    }

    #[test]
    fn a_task_starting_before_its_predecessor_ends_is_flagged() {
        let tasks = graph(&[("A", (1, 5), &[]), ("B", (5, 8), &["A"]), ("C", (6, 9), &["A"])]);
        let a = Analysis::of(&tasks, None);
        assert_eq!(
            a.flags.get(&tasks[1].id),
            Some(&vec![TaskFlag::StartsBeforePredecessorEnds(tasks[0].id)])
        );
        assert_eq!(a.flags.get(&tasks[2].id), None);
        assert_eq!((a.first_day, a.last_day), (Some(d(2027, 3, 1)), Some(d(2027, 3, 9))));
    }

    #[test]
    fn critical_path_on_known_graphs() {
        // A diamond: A → (B short, C long) → D; the path goes through C.
        let tasks = graph(&[
            ("A", (1, 3), &[]),
            ("B", (4, 5), &["A"]),
            ("C", (4, 10), &["A"]),
            ("D", (11, 12), &["B", "C"]),
            ("E", (1, 2), &[]),
        ]);
        let a = Analysis::of(&tasks, None);
        assert_eq!(names(&tasks, &a.critical), ["A", "C", "D"]);
        // An unconnected task that ends last is its own critical path.
        let tasks = graph(&[("A", (1, 3), &[]), ("B", (4, 5), &["A"]), ("Z", (2, 20), &[])]);
        assert_eq!(names(&tasks, &Analysis::of(&tasks, None).critical), ["Z"]);
        assert!(Analysis::of(&[], None).critical.is_empty());
    }

    #[test]
    fn a_plan_with_a_cycle_still_analyses() {
        let tasks = graph(&[("A", (1, 2), &["B"]), ("B", (3, 4), &["A"]), ("C", (5, 6), &[])]);
        let a = Analysis::of(&tasks, None);
        assert!(a.cycle.is_some());
        assert!(a.flags[&tasks[0].id].contains(&TaskFlag::InCycle));
        assert_eq!(names(&tasks, &a.critical), ["C"]);
    }

    #[test]
    fn relative_tasks_without_t_and_missing_predecessors_are_flagged() {
        let mut ids = CountingIds::default();
        let mut t = Task::new(ids.item_id(), "x", When::FromLaunch(0), When::FromLaunch(1));
        t.depends_on.push(ids.item_id());
        let a = Analysis::of(std::slice::from_ref(&t), None);
        assert_eq!(a.flags[&t.id], [TaskFlag::NoLaunchDay, TaskFlag::MissingDependency]);
    }

    #[test]
    fn reminders_list_due_and_overdue_open_tasks() {
        let mut tasks = graph(&[
            ("A", (1, 9), &[]),
            ("B", (1, 12), &[]),
            ("C", (1, 13), &[]),
            ("D", (1, 5), &[]),
        ]);
        tasks[3].status = TaskStatus::Done;
        let mut late = tasks[0].clone();
        late.id = CountingIds(500).item_id();
        late.end = When::Date(d(2027, 3, 2));
        tasks.push(late);
        let r = reminders(&tasks, None, d(2027, 3, 10), 3);
        assert_eq!(r.due_soon, [(tasks[1].id, 2), (tasks[2].id, 3)]);
        assert_eq!(r.overdue, [(tasks[4].id, 8), (tasks[0].id, 1)]);
        assert_eq!(r.count(), 4);
    }

    #[test]
    fn the_table_filters_and_sorts_stably() {
        let mut tasks = graph(&[("A", (5, 9), &[]), ("B", (1, 12), &[]), ("C", (3, 4), &[])]);
        tasks[0].owner = "Wang".into();
        tasks[2].owner = "Wang".into();
        tasks[1].owner = "Li".into();
        let a = Analysis::of(&tasks, None);
        let titles = |rows: Vec<&Task>| rows.iter().map(|t| t.title.clone()).collect::<Vec<_>>();
        assert_eq!(
            titles(table_rows(&tasks, &a, &TaskFilter::default(), SortKey::Start)),
            ["B", "C", "A"]
        );
        assert_eq!(
            titles(table_rows(&tasks, &a, &TaskFilter::default(), SortKey::Owner)),
            ["B", "A", "C"]
        );
        let wang = TaskFilter {
            owner: Some("Wang".into()),
            ..TaskFilter::default()
        };
        assert_eq!(titles(table_rows(&tasks, &a, &wang, SortKey::Manual)), ["A", "C"]);
        assert_eq!(distinct(&tasks, |t| &t.owner), ["Li", "Wang"]);
    }

    #[test]
    fn progress_is_zero_to_a_hundred() {
        assert_eq!(Progress::parse(" 45 % "), Progress::new(45));
        assert_eq!(Progress::parse("101"), None);
        assert_eq!(Progress::parse("abc"), None);
        assert!(serde_json::from_str::<Progress>("150").is_err());
    }

    #[test]
    fn empty_fields_are_not_stored() {
        let t = Task::new(
            CountingIds::default().item_id(),
            "Go live",
            When::FromLaunch(0),
            When::FromLaunch(0),
        );
        let json = serde_json::to_string(&t).unwrap();
        assert_eq!(
            json,
            r#"{"id":"00000000-0000-4000-8000-000000000001","title":"Go live","start":{"from_launch":0},"end":{"from_launch":0}}"#
        );
        assert_eq!(serde_json::from_str::<Task>(&json).unwrap(), t);
    }
}
