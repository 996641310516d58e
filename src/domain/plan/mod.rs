//! A marketing work plan (市场管理工作计划) and the edits a user makes to it.

pub mod library;
pub mod sample;

use crate::domain::budget::approval::{check_tiers, ApprovalRequest, Tier};
use crate::domain::budget::roi::{Channel, RoiRules};
use crate::domain::budget::{
    Actual, Axis, Band, Budget, BudgetError, BudgetKind, BudgetLine, Category, Function, PriorityClass, Reach, Region,
    TotalBasis,
};
use crate::domain::core::calendar::WorkCalendar;
use crate::domain::core::ids::{ItemId, PlanId};
use crate::domain::core::money::Money;
use crate::domain::core::period::{Period, PeriodError, PeriodKind};
use crate::domain::core::rate::Rate;
use crate::domain::evaluation::review::{Review, ReviewField};
use crate::domain::goals::decompose::Decomposition;
use crate::domain::goals::goal::{CustomDimension, Dimension, Goal};
use crate::domain::goals::kpi::{CheckIn, Kpi, KpiError, Thresholds};
use crate::domain::implementation::meetings::MeetingSettings;
use crate::domain::implementation::schedule::{check_phase, check_task, Phase, Task, TaskError};
use crate::domain::implementation::{ContentCadence, Implementation, KeyEvent, TimeZone};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// Fields a newer, compatible version of MarketPlan wrote and this one does not
/// know. They are kept and written back, never dropped (forward compatibility).
pub type Unknown = BTreeMap<String, Value>;

/// Longest name accepted for a plan: long enough for any real title, short
/// enough that a hostile file cannot break the layout.
pub const MAX_NAME_CHARS: usize = 200;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    pub id: PlanId,
    pub name: String,
    #[serde(default)]
    pub organisation: String,
    pub period: Period,
    #[serde(default)]
    pub currency: Currency,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    #[serde(default)]
    pub summary: ExecutiveSummary,
    #[serde(default)]
    pub goals: Vec<Goal>,
    /// Dimensions the user added to the four built-in ones.
    #[serde(default)]
    pub custom_dimensions: Vec<CustomDimension>,
    /// Weight of each dimension in the plan's score, by dimension code;
    /// a dimension not listed weighs 1.
    #[serde(default)]
    pub dimension_weights: BTreeMap<String, u32>,
    #[serde(default)]
    pub thresholds: Thresholds,
    #[serde(default)]
    pub reviews: Vec<Review>,
    #[serde(default)]
    pub implementation: Implementation,
    #[serde(default)]
    pub budget: Budget,
    #[serde(flatten)]
    pub unknown: Unknown,
}

/// Chapter 1, the executive summary (执行摘要).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ExecutiveSummary {
    #[serde(default)]
    pub purpose: String,
    #[serde(default)]
    pub background: String,
    /// Free text for now; the Goals chapter will replace it with real goals.
    #[serde(default)]
    pub headline_goals: String,
    #[serde(default)]
    pub main_strategies: String,
    #[serde(flatten)]
    pub unknown: Unknown,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SummaryField {
    Purpose,
    Background,
    HeadlineGoals,
    MainStrategies,
}

impl SummaryField {
    pub const ALL: [SummaryField; 4] = [
        Self::Purpose,
        Self::Background,
        Self::HeadlineGoals,
        Self::MainStrategies,
    ];

    pub fn get(self, s: &ExecutiveSummary) -> &str {
        match self {
            Self::Purpose => &s.purpose,
            Self::Background => &s.background,
            Self::HeadlineGoals => &s.headline_goals,
            Self::MainStrategies => &s.main_strategies,
        }
    }

    fn get_mut(self, s: &mut ExecutiveSummary) -> &mut String {
        match self {
            Self::Purpose => &mut s.purpose,
            Self::Background => &mut s.background,
            Self::HeadlineGoals => &mut s.headline_goals,
            Self::MainStrategies => &mut s.main_strategies,
        }
    }
}

/// An ISO 4217 currency code such as CNY; three capital letters.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Currency(String);

impl Currency {
    /// The codes offered in the plan form; a file may carry any other valid code.
    pub const OFFERED: [&'static str; 6] = ["CNY", "USD", "EUR", "HKD", "JPY", "GBP"];

    pub fn parse(code: &str) -> Option<Self> {
        let code = code.trim();
        (code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase())).then(|| Self(code.to_owned()))
    }

    pub fn code(&self) -> &str {
        &self.0
    }
}

impl Default for Currency {
    fn default() -> Self {
        Self("CNY".to_owned())
    }
}

impl<'de> Deserialize<'de> for Currency {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Currency::parse(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("currency must be a 3-letter code, got {text:?}")))
    }
}

/// The eight chapters of a complete plan, in order (DOMAIN.md §1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Chapter {
    Summary,
    Situation,
    Goals,
    Strategies,
    Implementation,
    Budget,
    Risks,
    Evaluation,
}

impl Chapter {
    pub const ALL: [Chapter; 8] = [
        Self::Summary,
        Self::Situation,
        Self::Goals,
        Self::Strategies,
        Self::Implementation,
        Self::Budget,
        Self::Risks,
        Self::Evaluation,
    ];

    /// Whether this version of MarketPlan can edit the chapter yet; the others
    /// are listed so a user sees the whole structure, but marked as not built.
    pub fn is_available(self) -> bool {
        matches!(
            self,
            Self::Summary | Self::Goals | Self::Implementation | Self::Budget | Self::Evaluation
        )
    }

    pub fn number(self) -> usize {
        Self::ALL.iter().position(|c| *c == self).map_or(0, |i| i + 1)
    }
}

/// What is wrong with a plan's own fields.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PlanError {
    NameEmpty,
    NameTooLong,
    Period(PeriodError),
    GoalTitleEmpty,
    Kpi(KpiError),
    /// The at-risk threshold must be below the on-track one, both above zero.
    Thresholds,
    DimensionNameEmpty,
    Task(TaskError),
    /// The launch day cannot be cleared while tasks or phases count from it.
    LaunchDayInUse,
    /// Pieces per week or month must be 1 to 100.
    CadenceCount,
    ChannelEmpty,
    EventTitleEmpty,
    EventEndBeforeStart,
    Budget(BudgetError),
}

/// One change a user makes to a plan. Applying it is the only way the app
/// changes a plan, so every change can be undone.
#[derive(Clone, Debug, PartialEq)]
pub enum PlanEdit {
    Name(String),
    Organisation(String),
    Currency(Currency),
    /// Switch the period type; dates are re-derived from the current start.
    PeriodKind(PeriodKind),
    Start(NaiveDate),
    End(NaiveDate),
    LaunchDay(NaiveDate),
    Summary(SummaryField, String),
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
    PutReview(Review),
    RemoveReview(ItemId),
    ReviewText {
        review: ItemId,
        field: ReviewField,
        text: String,
    },
    ReviewCause {
        review: ItemId,
        kpi: ItemId,
        text: String,
    },
    /// Removes T from a plan that is not a campaign.
    ClearLaunchDay,
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
    /// How the budget's total is set.
    BudgetTotal(TotalBasis),
    /// The reserve share, the plan kind it is judged by, and an own band.
    Reserve {
        share: Rate,
        kind: BudgetKind,
        band: Option<Band>,
    },
    ShowWan(bool),
    OfficialHolidays(bool),
    /// The plan's own holidays and make-up working days.
    WorkCalendar(WorkCalendar),
    /// Adds the line, or replaces the one with its id.
    PutLine(BudgetLine),
    /// One field of a line, applied to the line as it is now (a form's copy
    /// of the whole line could be a change behind).
    LineField {
        line: ItemId,
        field: LineField,
    },
    /// One field of a channel's results.
    ChannelField {
        channel: ItemId,
        field: ChannelField,
    },
    /// Typing into a line's name.
    LineName {
        line: ItemId,
        text: String,
    },
    RemoveLines(Vec<ItemId>),
    /// Undoes a removal: the lines back at their positions.
    ReinsertLines(Vec<(usize, BudgetLine)>),
    AddActual {
        line: ItemId,
        actual: Actual,
    },
    RemoveActual {
        line: ItemId,
        actual: ItemId,
    },
    Split {
        axis: Axis,
        shares: BTreeMap<String, Rate>,
    },
    /// Every axis at once (back to the handbook's split): one step to undo.
    AllSplits(BTreeMap<String, BTreeMap<String, Rate>>),
    PutChannel(Channel),
    /// Removes a channel; its lines stay, without a channel.
    RemoveChannel(ItemId),
    Tiers(Vec<Tier>),
    PutApproval(ApprovalRequest),
    RemoveApproval(ItemId),
    RoiRules(RoiRules),
    /// New planned amounts for several lines at once (an accepted
    /// reallocation): one step to undo.
    PlannedAmounts(Vec<(ItemId, Money)>),
}

/// A budget line's fields, edited one at a time.
#[derive(Clone, Debug, PartialEq)]
pub enum LineField {
    Amount(Money),
    Category(Category),
    Channel(Option<ItemId>),
    Reach(Reach),
    Function(Function),
    Region(Region),
    Priority(PriorityClass),
    Month(Option<NaiveDate>),
    Owner(String),
    Phase(Option<ItemId>),
    Tasks(Vec<ItemId>),
}

impl LineField {
    fn set(self, l: &mut BudgetLine) -> Result<(), BudgetError> {
        match self {
            Self::Amount(m) if m.is_negative() => return Err(BudgetError::NegativeAmount),
            Self::Amount(m) => l.amount = m,
            Self::Category(c) => l.category = c,
            Self::Channel(c) => l.channel = c,
            Self::Reach(r) => l.reach = r,
            Self::Function(f) => l.function = f,
            Self::Region(r) => l.region = r,
            Self::Priority(p) => l.priority = p,
            Self::Month(m) => l.month = m,
            Self::Owner(o) => l.owner = o,
            Self::Phase(p) => l.phase = p,
            Self::Tasks(t) => l.tasks = t,
        }
        Ok(())
    }
}

/// A channel's fields, edited one at a time.
#[derive(Clone, Debug, PartialEq)]
pub enum ChannelField {
    Name(String),
    Revenue(Money),
    Leads(u64),
    Customers(u64),
    OrderValue(Option<Money>),
    RepeatRate(Option<Rate>),
}

impl ChannelField {
    fn set(self, c: &mut Channel) -> Result<(), BudgetError> {
        match self {
            Self::Name(n) if n.trim().is_empty() => return Err(BudgetError::ChannelNameEmpty),
            Self::Name(n) => c.name = n,
            Self::Revenue(m) | Self::OrderValue(Some(m)) if m.is_negative() => return Err(BudgetError::NegativeAmount),
            Self::Revenue(m) => c.revenue = m,
            Self::Leads(n) => c.leads = n,
            Self::Customers(n) => c.customers = n,
            Self::OrderValue(m) => c.order_value = m,
            Self::RepeatRate(Some(r)) if r.0 < 0 || r >= Rate::FULL => return Err(BudgetError::ShareOutOfRange),
            Self::RepeatRate(r) => c.repeat_rate = r,
        }
        Ok(())
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

/// Which consecutive edits belong to one undo step: typing into one field is
/// one step, not one step per character.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EditGroup {
    Name,
    Organisation,
    Summary(SummaryField),
    Review(ItemId, ReviewField),
    Cause(ItemId, ItemId),
    Task(ItemId, TaskText),
    Theme(NaiveDate),
    LineName(ItemId),
}

impl PlanEdit {
    /// Whether the edit belongs to the budget chapter (its errors show there).
    pub fn is_budget(&self) -> bool {
        matches!(
            self,
            Self::BudgetTotal(_)
                | Self::Reserve { .. }
                | Self::ShowWan(_)
                | Self::OfficialHolidays(_)
                | Self::WorkCalendar(_)
                | Self::PutLine(_)
                | Self::LineName { .. }
                | Self::LineField { .. }
                | Self::ChannelField { .. }
                | Self::RemoveLines(_)
                | Self::ReinsertLines(_)
                | Self::AddActual { .. }
                | Self::RemoveActual { .. }
                | Self::Split { .. }
                | Self::AllSplits(_)
                | Self::PutChannel(_)
                | Self::RemoveChannel(_)
                | Self::Tiers(_)
                | Self::PutApproval(_)
                | Self::RemoveApproval(_)
                | Self::RoiRules(_)
                | Self::PlannedAmounts(_)
        )
    }

    pub fn group(&self) -> Option<EditGroup> {
        match self {
            Self::Name(_) => Some(EditGroup::Name),
            Self::Organisation(_) => Some(EditGroup::Organisation),
            Self::Summary(field, _) => Some(EditGroup::Summary(*field)),
            Self::ReviewText { review, field, .. } => Some(EditGroup::Review(*review, *field)),
            Self::ReviewCause { review, kpi, .. } => Some(EditGroup::Cause(*review, *kpi)),
            Self::TaskText { task, field, .. } => Some(EditGroup::Task(*task, *field)),
            Self::MonthTheme { month, .. } => Some(EditGroup::Theme(*month)),
            Self::LineName { line, .. } => Some(EditGroup::LineName(*line)),
            _ => None,
        }
    }
}

impl Plan {
    /// A new, empty plan; `name` is trimmed and must not be empty.
    pub fn new(
        id: PlanId,
        name: &str,
        organisation: &str,
        period: Period,
        currency: Currency,
        now: DateTime<Utc>,
    ) -> Result<Plan, PlanError> {
        let plan = Plan {
            id,
            name: name.trim().to_owned(),
            organisation: organisation.trim().to_owned(),
            period,
            currency,
            created_at: now,
            updated_at: now,
            summary: ExecutiveSummary::default(),
            goals: Vec::new(),
            custom_dimensions: Vec::new(),
            dimension_weights: BTreeMap::new(),
            thresholds: Thresholds::default(),
            reviews: Vec::new(),
            implementation: Implementation::default(),
            budget: Budget::default(),
            unknown: Unknown::new(),
        };
        plan.validate()?;
        Ok(plan)
    }

    pub fn validate(&self) -> Result<(), PlanError> {
        validate_name(&self.name)?;
        self.period.validate().map_err(PlanError::Period)
    }

    /// Applies `edit`; returns whether anything changed. An edit that would
    /// leave the plan invalid is refused and changes nothing.
    pub fn apply(&mut self, edit: PlanEdit) -> Result<bool, PlanError> {
        let mut next = self.clone();
        match edit {
            PlanEdit::Name(name) => {
                // The name is kept as typed (trimming would fight the cursor);
                // only an all-blank name is refused.
                validate_name(&name)?;
                next.name = name;
            }
            PlanEdit::Organisation(org) => next.organisation = org,
            PlanEdit::Currency(c) => next.currency = c,
            PlanEdit::PeriodKind(kind) => {
                next.period = Period::starting_from(kind, self.period.start);
            }
            PlanEdit::Start(start) => {
                if next.period.end_is_free() {
                    // A campaign keeps its length and the distance to T.
                    let shift = start - next.period.start;
                    next.period.start = start;
                    next.period.end += shift;
                    next.period.launch_day = next.period.launch_day.map(|t| t + shift);
                } else {
                    next.period = Period::starting_from(next.period.kind, start);
                }
            }
            PlanEdit::End(end) => {
                if !next.period.end_is_free() {
                    return Ok(false);
                }
                next.period.end = end;
            }
            PlanEdit::LaunchDay(t) => next.period.launch_day = Some(t),
            PlanEdit::Summary(field, text) => *field.get_mut(&mut next.summary) = text,
            PlanEdit::PutGoal(goal) => {
                if goal.title.trim().is_empty() {
                    return Err(PlanError::GoalTitleEmpty);
                }
                put(&mut next.goals, goal, |g| g.id);
            }
            PlanEdit::RemoveGoal(id) => next.goals.retain(|g| g.id != id),
            PlanEdit::PutKpi { goal, kpi } => {
                kpi.validate().map_err(PlanError::Kpi)?;
                let Some(goal) = next.goals.iter_mut().find(|g| g.id == goal) else {
                    return Ok(false);
                };
                put(&mut goal.kpis, kpi, |k| k.id);
            }
            PlanEdit::RemoveKpi { goal, kpi } => {
                if let Some(goal) = next.goals.iter_mut().find(|g| g.id == goal) {
                    goal.kpis.retain(|k| k.id != kpi);
                }
                for review in &mut next.reviews {
                    review.causes.remove(&kpi);
                }
            }
            PlanEdit::AddCheckIn { kpi, check_in } => {
                let Some(kpi) = next.kpi_mut(kpi) else {
                    return Ok(false);
                };
                kpi.check_ins.push(check_in);
            }
            PlanEdit::RemoveCheckIn { kpi, check_in } => {
                let Some(kpi) = next.kpi_mut(kpi) else {
                    return Ok(false);
                };
                kpi.check_ins.retain(|c| c.id != check_in);
            }
            PlanEdit::Decompose { kpi, decomposition } => {
                let Some(kpi) = next.kpi_mut(kpi) else {
                    return Ok(false);
                };
                kpi.decomposition = decomposition;
            }
            PlanEdit::AddDimension(dimension) => {
                if dimension.name.trim().is_empty() {
                    return Err(PlanError::DimensionNameEmpty);
                }
                put(&mut next.custom_dimensions, dimension, |d| d.id);
            }
            PlanEdit::DimensionWeight(dimension, weight) => {
                next.dimension_weights.insert(dimension.code(), weight);
            }
            PlanEdit::Thresholds(t) => {
                if t.at_risk.0 <= 0 || t.at_risk > t.on_track {
                    return Err(PlanError::Thresholds);
                }
                next.thresholds = t;
            }
            PlanEdit::PutReview(review) => put(&mut next.reviews, review, |r| r.id),
            PlanEdit::RemoveReview(id) => next.reviews.retain(|r| r.id != id),
            PlanEdit::ReviewText { review, field, text } => {
                let Some(review) = next.reviews.iter_mut().find(|r| r.id == review) else {
                    return Ok(false);
                };
                match field {
                    ReviewField::Highlights => review.highlights = text,
                    ReviewField::Adjustments => review.adjustments = text,
                }
            }
            PlanEdit::ReviewCause { review, kpi, text } => {
                let Some(review) = next.reviews.iter_mut().find(|r| r.id == review) else {
                    return Ok(false);
                };
                if text.is_empty() {
                    review.causes.remove(&kpi);
                } else {
                    review.causes.insert(kpi, text);
                }
            }
            PlanEdit::ClearLaunchDay => {
                let imp = &next.implementation;
                let relative = imp.tasks.iter().any(|t| t.start.is_relative() || t.end.is_relative())
                    || imp.phases.iter().any(|p| p.start.is_relative() || p.end.is_relative());
                if relative {
                    return Err(PlanError::LaunchDayInUse);
                }
                next.period.launch_day = None;
            }
            edit => next.apply_implementation(edit)?,
        }
        if next == *self {
            return Ok(false);
        }
        next.period.validate().map_err(PlanError::Period)?;
        *self = next;
        Ok(true)
    }
}

impl Plan {
    /// The Implementation chapter's edits; every task edit is checked against
    /// the whole task list, so the plan never gains a loop or a dangling
    /// dependency from the app.
    fn apply_implementation(&mut self, edit: PlanEdit) -> Result<(), PlanError> {
        let launch = self.period.launch_day;
        let imp = &mut self.implementation;
        match edit {
            PlanEdit::PutTask(task) => {
                check_task(&task, &imp.tasks, launch).map_err(PlanError::Task)?;
                put(&mut imp.tasks, task, |t| t.id);
            }
            PlanEdit::TaskText { task, field, text } => {
                let Some(t) = imp.tasks.iter_mut().find(|t| t.id == task) else {
                    return Ok(());
                };
                if field == TaskText::Title && text.trim().is_empty() {
                    return Err(PlanError::Task(TaskError::TitleEmpty));
                }
                *field.get_mut(t) = text;
            }
            PlanEdit::RemoveTasks(ids) => {
                imp.tasks.retain(|t| !ids.contains(&t.id));
                for t in &mut imp.tasks {
                    t.depends_on.retain(|d| !ids.contains(d));
                }
            }
            PlanEdit::ReinsertTasks { tasks, links } => {
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
            PlanEdit::MoveTask { task, to } => {
                if let Some(from) = imp.tasks.iter().position(|t| t.id == task) {
                    let t = imp.tasks.remove(from);
                    let to = to.min(imp.tasks.len());
                    imp.tasks.insert(to, t);
                }
            }
            PlanEdit::ShiftTasks { tasks, days } => {
                for t in imp.tasks.iter_mut().filter(|t| tasks.contains(&t.id)) {
                    t.start = t.start.shifted(days);
                    t.end = t.end.shifted(days);
                }
            }
            PlanEdit::AddTasks { phases, tasks } => {
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
            PlanEdit::PutPhase(phase) => {
                check_phase(&phase, launch).map_err(PlanError::Task)?;
                put(&mut imp.phases, phase, |p| p.id);
            }
            PlanEdit::RemovePhase(id) => {
                imp.phases.retain(|p| p.id != id);
                for t in imp.tasks.iter_mut().filter(|t| t.phase == Some(id)) {
                    t.phase = None;
                }
            }
            PlanEdit::ReminderDays(days) => imp.reminder_days = days.min(365),
            PlanEdit::TimeZone(zone) => imp.time_zone = zone,
            PlanEdit::Meetings(settings) => imp.meetings = settings,
            PlanEdit::MonthTheme { month, text } => {
                let key = Implementation::month_key(month);
                if text.is_empty() {
                    imp.themes.remove(&key);
                } else {
                    imp.themes.insert(key, text);
                }
            }
            PlanEdit::PutEvent(event) => {
                if event.title.trim().is_empty() {
                    return Err(PlanError::EventTitleEmpty);
                }
                if event.end < event.start {
                    return Err(PlanError::EventEndBeforeStart);
                }
                put(&mut imp.events, event, |e| e.id);
            }
            PlanEdit::RemoveEvent(id) => imp.events.retain(|e| e.id != id),
            PlanEdit::PutCadence(cadence) => {
                if cadence.channel.trim().is_empty() {
                    return Err(PlanError::ChannelEmpty);
                }
                if !(1..=crate::domain::implementation::MAX_PIECES_PER_SPAN).contains(&cadence.count) {
                    return Err(PlanError::CadenceCount);
                }
                put(&mut imp.content, cadence, |c| c.id);
            }
            PlanEdit::RemoveCadence(id) => imp.content.retain(|c| c.id != id),
            edit => self.apply_budget(edit).map_err(PlanError::Budget)?,
        }
        Ok(())
    }

    /// The Budget chapter's edits. Each is checked before it lands, so a
    /// refused amount, date or share leaves the plan as it was.
    fn apply_budget(&mut self, edit: PlanEdit) -> Result<(), BudgetError> {
        let period = self.period.clone();
        let b = &mut self.budget;
        match edit {
            PlanEdit::BudgetTotal(total) => {
                let negative = match total {
                    TotalBasis::Amount { amount } => amount.is_negative(),
                    TotalBasis::ShareOfRevenue { revenue, share } => {
                        if share.0 < 0 || share > Rate::FULL {
                            return Err(BudgetError::ShareOutOfRange);
                        }
                        revenue.is_negative()
                    }
                };
                if negative {
                    return Err(BudgetError::NegativeAmount);
                }
                b.total = total;
            }
            PlanEdit::Reserve { share, kind, band } => {
                if share.0 < 0 || share > Rate::FULL {
                    return Err(BudgetError::ShareOutOfRange);
                }
                if let Some(band) = band {
                    Budget::check_band(band)?;
                }
                (b.reserve, b.kind, b.reserve_band) = (share, kind, band);
            }
            PlanEdit::ShowWan(on) => b.show_wan = on,
            PlanEdit::OfficialHolidays(on) => b.official_holidays = on,
            PlanEdit::WorkCalendar(cal) => self.implementation.work_calendar = cal,
            PlanEdit::PutLine(line) => {
                Budget::check_line(&line)?;
                put(&mut b.lines, line, |l| l.id);
            }
            PlanEdit::LineField { line, field } => {
                if let Some(l) = b.lines.iter_mut().find(|l| l.id == line) {
                    field.set(l)?;
                }
            }
            PlanEdit::ChannelField { channel, field } => {
                if let Some(c) = b.channels.iter_mut().find(|c| c.id == channel) {
                    field.set(c)?;
                }
            }
            PlanEdit::LineName { line, text } => {
                if text.trim().is_empty() {
                    return Err(BudgetError::LineNameEmpty);
                }
                if let Some(l) = b.lines.iter_mut().find(|l| l.id == line) {
                    l.name = text;
                }
            }
            PlanEdit::RemoveLines(ids) => {
                b.lines.retain(|l| !ids.contains(&l.id));
                for a in &mut b.approvals {
                    if a.line.is_some_and(|l| ids.contains(&l)) {
                        a.line = None;
                    }
                }
            }
            PlanEdit::ReinsertLines(lines) => {
                for (at, line) in lines {
                    if b.lines.iter().all(|l| l.id != line.id) {
                        let at = at.min(b.lines.len());
                        b.lines.insert(at, line);
                    }
                }
            }
            PlanEdit::AddActual { line, actual } => {
                Budget::check_actual(&actual, &period)?;
                if let Some(l) = b.lines.iter_mut().find(|l| l.id == line) {
                    l.actuals.push(actual);
                    l.actuals.sort_by_key(|a| a.date);
                }
            }
            PlanEdit::RemoveActual { line, actual } => {
                if let Some(l) = b.lines.iter_mut().find(|l| l.id == line) {
                    l.actuals.retain(|a| a.id != actual);
                }
            }
            PlanEdit::Split { axis, shares } => {
                Budget::check_split(&shares)?;
                b.splits.insert(axis.code().to_owned(), shares);
            }
            PlanEdit::AllSplits(splits) => {
                splits.values().try_for_each(Budget::check_split)?;
                b.splits = splits;
            }
            PlanEdit::PutChannel(channel) => {
                if channel.name.trim().is_empty() {
                    return Err(BudgetError::ChannelNameEmpty);
                }
                if channel.revenue.is_negative() || channel.order_value.is_some_and(Money::is_negative) {
                    return Err(BudgetError::NegativeAmount);
                }
                if channel.repeat_rate.is_some_and(|r| r.0 < 0 || r >= Rate::FULL) {
                    return Err(BudgetError::ShareOutOfRange);
                }
                put(&mut b.channels, channel, |c| c.id);
            }
            PlanEdit::RemoveChannel(id) => {
                b.channels.retain(|c| c.id != id);
                for l in b.lines.iter_mut().filter(|l| l.channel == Some(id)) {
                    l.channel = None;
                }
            }
            PlanEdit::Tiers(tiers) => {
                check_tiers(&tiers).map_err(BudgetError::Tiers)?;
                b.tiers = tiers;
            }
            PlanEdit::PutApproval(request) => {
                request.check().map_err(BudgetError::Approval)?;
                put(&mut b.approvals, request, |a| a.id);
            }
            PlanEdit::RemoveApproval(id) => b.approvals.retain(|a| a.id != id),
            PlanEdit::RoiRules(rules) => {
                if !rules.is_consistent() {
                    return Err(BudgetError::Rules);
                }
                b.rules = rules;
            }
            PlanEdit::PlannedAmounts(amounts) => {
                if amounts.iter().any(|(_, m)| m.is_negative()) {
                    return Err(BudgetError::NegativeAmount);
                }
                for (id, amount) in amounts {
                    if let Some(l) = b.lines.iter_mut().find(|l| l.id == id) {
                        l.amount = amount;
                    }
                }
            }
            // Every other edit is applied in `apply` or `apply_implementation`.
            _ => {}
        }
        Ok(())
    }

    /// The calendar approvals are dated by: the official one (if the plan
    /// uses it) with the plan's own days over it.
    pub fn approval_calendar(&self) -> WorkCalendar {
        let own = &self.implementation.work_calendar;
        if self.budget.official_holidays {
            own.merged_with(&crate::domain::core::holidays::china_mainland())
        } else {
            own.clone()
        }
    }

    /// The edit that undoes removing budget lines `ids`.
    pub fn line_removal_undo(&self, ids: &[ItemId]) -> PlanEdit {
        PlanEdit::ReinsertLines(
            self.budget
                .lines
                .iter()
                .enumerate()
                .filter(|(_, l)| ids.contains(&l.id))
                .map(|(i, l)| (i, l.clone()))
                .collect(),
        )
    }

    pub fn task(&self, id: ItemId) -> Option<&Task> {
        self.implementation.task(id)
    }

    /// The edit that undoes removing `ids`: the tasks with their positions
    /// (ascending, so reinserting in order restores them) and the links
    /// from other tasks to them.
    pub fn removal_undo(&self, ids: &[ItemId]) -> PlanEdit {
        let tasks = &self.implementation.tasks;
        PlanEdit::ReinsertTasks {
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
}

/// Replaces the item with the same id, or appends it.
fn put<T>(items: &mut Vec<T>, item: T, id: impl Fn(&T) -> ItemId) {
    match items.iter_mut().find(|existing| id(existing) == id(&item)) {
        Some(slot) => *slot = item,
        None => items.push(item),
    }
}

impl Plan {
    /// The built-in dimensions, then the user's, in the order added.
    pub fn dimensions(&self) -> Vec<Dimension> {
        Dimension::BUILT_IN
            .into_iter()
            .chain(self.custom_dimensions.iter().map(|d| Dimension::Custom(d.id)))
            .collect()
    }

    pub fn weight_of(&self, dimension: Dimension) -> u32 {
        self.dimension_weights.get(&dimension.code()).copied().unwrap_or(1)
    }

    pub fn custom_dimension_name(&self, id: ItemId) -> Option<&str> {
        self.custom_dimensions
            .iter()
            .find(|d| d.id == id)
            .map(|d| d.name.as_str())
    }

    pub fn goal(&self, id: ItemId) -> Option<&Goal> {
        self.goals.iter().find(|g| g.id == id)
    }

    /// A KPI and the goal it belongs to.
    pub fn kpi(&self, id: ItemId) -> Option<(&Goal, &Kpi)> {
        self.goals
            .iter()
            .find_map(|g| g.kpis.iter().find(|k| k.id == id).map(|k| (g, k)))
    }

    fn kpi_mut(&mut self, id: ItemId) -> Option<&mut Kpi> {
        self.goals
            .iter_mut()
            .flat_map(|g| g.kpis.iter_mut())
            .find(|k| k.id == id)
    }

    pub fn review(&self, id: ItemId) -> Option<&Review> {
        self.reviews.iter().find(|r| r.id == id)
    }
}

fn validate_name(name: &str) -> Result<(), PlanError> {
    if name.trim().is_empty() {
        Err(PlanError::NameEmpty)
    } else if name.chars().count() > MAX_NAME_CHARS {
        Err(PlanError::NameTooLong)
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::core::ids::{CountingIds, IdSource};
    use chrono::TimeZone;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
    }

    fn plan(kind: PeriodKind) -> Plan {
        let now = Utc.with_ymd_and_hms(2026, 11, 23, 8, 0, 0).unwrap();
        Plan::new(
            CountingIds::default().plan_id(),
            "  Q4 plan ",
            "ACME",
            Period::starting_from(kind, d(2026, 11, 23)),
            Currency::default(),
            now,
        )
        .expect("valid plan")
    }

    #[test]
    fn new_plans_are_trimmed_and_refuse_blank_names() {
        assert_eq!(plan(PeriodKind::Quarter).name, "Q4 plan");
        let now = Utc::now();
        let p = Period::starting_from(PeriodKind::Year, d(2026, 1, 1));
        let err = Plan::new(CountingIds::default().plan_id(), "   ", "", p, Currency::default(), now);
        assert_eq!(err, Err(PlanError::NameEmpty));
    }

    #[test]
    fn moving_a_quarter_start_snaps_to_its_quarter() {
        let mut p = plan(PeriodKind::Quarter);
        assert_eq!(p.apply(PlanEdit::Start(d(2027, 2, 14))), Ok(true));
        assert_eq!((p.period.start, p.period.end), (d(2027, 1, 1), d(2027, 3, 31)));
        // The end of a calendar period follows from its start.
        assert_eq!(p.apply(PlanEdit::End(d(2027, 5, 1))), Ok(false));
    }

    #[test]
    fn moving_a_campaign_start_keeps_its_length_and_launch_offset() {
        let mut p = plan(PeriodKind::Campaign);
        let (len, to_t) = (p.period.days(), p.period.launch_day.unwrap() - p.period.start);
        p.apply(PlanEdit::Start(d(2027, 3, 1))).unwrap();
        assert_eq!(p.period.days(), len);
        assert_eq!(p.period.launch_day.unwrap() - p.period.start, to_t);
    }

    #[test]
    fn an_edit_that_breaks_the_period_is_refused_and_changes_nothing() {
        let mut p = plan(PeriodKind::Campaign);
        let before = p.clone();
        let err = p.apply(PlanEdit::End(d(2020, 1, 1)));
        assert_eq!(err, Err(PlanError::Period(PeriodError::EndBeforeStart)));
        assert_eq!(p, before);
        assert_eq!(p.apply(PlanEdit::Name(" ".into())), Err(PlanError::NameEmpty));
        assert_eq!(p.apply(PlanEdit::Name("x".repeat(201))), Err(PlanError::NameTooLong));
        assert_eq!(p, before);
    }

    #[test]
    fn switching_kind_rederives_dates_from_the_start() {
        let mut p = plan(PeriodKind::Quarter);
        p.apply(PlanEdit::PeriodKind(PeriodKind::Campaign)).unwrap();
        assert_eq!(p.period.start, d(2026, 10, 1));
        assert_eq!(p.period.launch_day, Some(d(2026, 11, 12)));
        p.apply(PlanEdit::PeriodKind(PeriodKind::Year)).unwrap();
        assert_eq!(
            (p.period.start, p.period.end, p.period.launch_day),
            (d(2026, 1, 1), d(2026, 12, 31), None)
        );
    }

    #[test]
    fn unchanged_edits_report_no_change() {
        let mut p = plan(PeriodKind::Month);
        assert_eq!(p.apply(PlanEdit::Organisation("ACME".into())), Ok(false));
        assert_eq!(
            p.apply(PlanEdit::Summary(SummaryField::Purpose, "Grow".into())),
            Ok(true)
        );
        assert_eq!(SummaryField::Purpose.get(&p.summary), "Grow");
    }

    #[test]
    fn currencies_are_three_capital_letters() {
        assert_eq!(Currency::parse("usd"), None);
        assert_eq!(Currency::parse("EURO"), None);
        assert_eq!(
            Currency::parse(" HKD ").map(|c| c.code().to_owned()),
            Some("HKD".into())
        );
        assert!(serde_json::from_str::<Currency>("\"<b>\"").is_err());
    }

    #[test]
    fn chapters_are_numbered_one_to_eight_and_five_are_built() {
        let numbers: Vec<_> = Chapter::ALL.iter().map(|c| c.number()).collect();
        assert_eq!(numbers, (1..=8).collect::<Vec<_>>());
        assert_eq!(Chapter::ALL.iter().filter(|c| c.is_available()).count(), 5);
    }

    #[test]
    fn budget_fields_are_set_one_at_a_time_and_bad_values_change_nothing() {
        use crate::domain::budget::BudgetLine;
        let mut ids = CountingIds::default();
        let mut p = plan(PeriodKind::Quarter);
        let line = BudgetLine::new(ids.item_id(), "Search ads", Money::from_yuan(100));
        let id = line.id;
        p.apply(PlanEdit::PutLine(line)).unwrap();
        let set = |p: &mut Plan, field| p.apply(PlanEdit::LineField { line: id, field });
        assert_eq!(set(&mut p, LineField::Amount(Money::from_yuan(300))), Ok(true));
        assert_eq!(set(&mut p, LineField::Reach(Reach::Offline)), Ok(true));
        let before = p.clone();
        assert_eq!(
            set(&mut p, LineField::Amount(Money::from_fen(-1))),
            Err(PlanError::Budget(BudgetError::NegativeAmount))
        );
        assert_eq!(p, before);
        assert_eq!(
            p.budget.lines[0].amount,
            Money::from_yuan(300),
            "the reach edit kept the amount"
        );
        let channel = Channel::new(ids.item_id(), "WeChat");
        let cid = channel.id;
        p.apply(PlanEdit::PutChannel(channel)).unwrap();
        let set = |p: &mut Plan, field| p.apply(PlanEdit::ChannelField { channel: cid, field });
        assert_eq!(set(&mut p, ChannelField::Customers(40)), Ok(true));
        assert_eq!(
            set(&mut p, ChannelField::Name(" ".into())),
            Err(PlanError::Budget(BudgetError::ChannelNameEmpty))
        );
        assert_eq!(
            set(&mut p, ChannelField::RepeatRate(Some(Rate::FULL))),
            Err(PlanError::Budget(BudgetError::ShareOutOfRange))
        );
        assert_eq!(p.budget.channels[0].customers, 40);
    }
}
