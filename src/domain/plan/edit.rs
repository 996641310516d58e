//! The edits a user makes to a plan, one type per chapter, nested as Elm
//! nests messages: `PlanEdit::Budget(BudgetEdit::…)`. [`Plan::apply`] hands
//! each to its chapter's `apply`, and every `match` on the way is exhaustive,
//! so an edit that nobody handles does not compile.

use super::{Currency, Plan, PlanError, SummaryField, MAX_NAME_CHARS};
use crate::domain::budget::edit::{self as budget, BudgetEdit};
use crate::domain::core::ids::ItemId;
use crate::domain::core::period::{Period, PeriodKind};
use crate::domain::evaluation::edit::{self as evaluation, EvaluationEdit};
use crate::domain::evaluation::review::ReviewField;
use crate::domain::goals::edit::{self as goals, GoalsEdit};
use crate::domain::implementation::edit::{self as implementation, ImplementationEdit, TaskText};
use crate::domain::risk::edit::{self as risk, RiskEdit, RiskText};
use crate::domain::situation::edit::TextTarget;
use crate::domain::situation::edit::{self as situation, SituationEdit};
use crate::domain::strategy::edit::{self as strategy, StrategyEdit, TextTarget as StrategyText};
use crate::domain::team::edit::{self as team, TeamEdit, TeamText};
use chrono::NaiveDate;
use std::rc::Rc;

/// One change a user makes to a plan. Applying it is the only way the app
/// changes a plan, so every change can be undone.
#[derive(Clone, Debug, PartialEq)]
pub enum PlanEdit {
    /// The plan's own fields and chapter 1, the executive summary.
    Details(DetailsEdit),
    Situation(SituationEdit),
    Goals(GoalsEdit),
    Strategy(StrategyEdit),
    Implementation(ImplementationEdit),
    Budget(BudgetEdit),
    Team(TeamEdit),
    Risk(RiskEdit),
    Evaluation(EvaluationEdit),
}

/// The plan's name, organisation, currency and period, and the summary.
#[derive(Clone, Debug, PartialEq)]
pub enum DetailsEdit {
    Name(String),
    Organisation(String),
    Currency(Currency),
    /// Switch the period type; dates are re-derived from the current start.
    PeriodKind(PeriodKind),
    Start(NaiveDate),
    End(NaiveDate),
    LaunchDay(NaiveDate),
    /// Removes T from a plan that is not a campaign.
    ClearLaunchDay,
    Summary(SummaryField, String),
}

macro_rules! into_plan_edit {
    ($($edit:ident => $variant:ident,)*) => {
        $(impl From<$edit> for PlanEdit {
            fn from(edit: $edit) -> Self {
                PlanEdit::$variant(edit)
            }
        })*
    };
}

into_plan_edit! {
    DetailsEdit => Details,
    GoalsEdit => Goals,
    StrategyEdit => Strategy,
    ImplementationEdit => Implementation,
    BudgetEdit => Budget,
    TeamEdit => Team,
    RiskEdit => Risk,
    EvaluationEdit => Evaluation,
}

impl From<SituationEdit> for PlanEdit {
    fn from(edit: SituationEdit) -> Self {
        PlanEdit::Situation(edit)
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
    Situation(TextTarget),
    Strategy(StrategyText),
    Team(TeamText),
    Risk(RiskText),
}

impl PlanEdit {
    pub fn group(&self) -> Option<EditGroup> {
        match self {
            Self::Details(e) => e.group(),
            Self::Situation(e) => e.group(),
            Self::Goals(e) => e.group(),
            Self::Strategy(e) => e.group(),
            Self::Implementation(e) => e.group(),
            Self::Budget(e) => e.group(),
            Self::Team(e) => e.group(),
            Self::Risk(e) => e.group(),
            Self::Evaluation(e) => e.group(),
        }
    }
}

impl DetailsEdit {
    pub fn group(&self) -> Option<EditGroup> {
        match self {
            Self::Name(_) => Some(EditGroup::Name),
            Self::Organisation(_) => Some(EditGroup::Organisation),
            Self::Summary(field, _) => Some(EditGroup::Summary(*field)),
            Self::Currency(_)
            | Self::PeriodKind(_)
            | Self::Start(_)
            | Self::End(_)
            | Self::LaunchDay(_)
            | Self::ClearLaunchDay => None,
        }
    }
}

/// Items that are removed with an Undo in the notice: the edit that removes
/// them and the one that puts them back where they were, with their links.
#[derive(Clone, Debug, PartialEq)]
pub enum Removal {
    Tasks(Vec<ItemId>),
    Lines(Vec<ItemId>),
    /// Chapter 4's strategies, products, channels, KOLs, groups.
    Strategies(Vec<ItemId>),
    /// Chapter 2's findings, SWOT items, strategies, competitors, personas.
    Situation(Vec<ItemId>),
    /// Groups, positions, incentives, joint projects.
    Team(Vec<ItemId>),
    /// Risks and incidents.
    Risks(Vec<ItemId>),
}

impl Plan {
    /// Applies `edit`; returns whether anything changed. An edit that would
    /// leave the plan invalid is refused and changes nothing.
    pub fn apply(&mut self, edit: PlanEdit) -> Result<bool, PlanError> {
        let mut next = self.clone();
        match edit {
            PlanEdit::Details(e) => apply_details(&mut next, e)?,
            PlanEdit::Situation(e) => {
                situation::apply(Rc::make_mut(&mut next.situation), e).map_err(PlanError::Situation)?
            }
            PlanEdit::Goals(e) => goals::apply(&mut next, e)?,
            PlanEdit::Strategy(e) => {
                strategy::apply(Rc::make_mut(&mut next.strategies), e).map_err(PlanError::Strategy)?
            }
            PlanEdit::Implementation(e) => {
                implementation::apply(Rc::make_mut(&mut next.implementation), next.period.launch_day, e)?
            }
            PlanEdit::Budget(e) => {
                budget::apply(Rc::make_mut(&mut next.budget), &next.period, e).map_err(PlanError::Budget)?
            }
            PlanEdit::Team(e) => team::apply(Rc::make_mut(&mut next.team), e).map_err(PlanError::Team)?,
            PlanEdit::Risk(e) => risk::apply(Rc::make_mut(&mut next.risks), e).map_err(PlanError::Risk)?,
            PlanEdit::Evaluation(e) => evaluation::apply(Rc::make_mut(&mut next.reviews), e),
        }
        if next == *self {
            return Ok(false);
        }
        next.period.validate().map_err(PlanError::Period)?;
        *self = next;
        Ok(true)
    }

    /// The edits that remove `what` and that undo the removal.
    pub fn removal(&self, what: Removal) -> (PlanEdit, PlanEdit) {
        match what {
            Removal::Tasks(ids) => (
                ImplementationEdit::RemoveTasks(ids.clone()).into(),
                implementation::removal_undo(&self.implementation, &ids).into(),
            ),
            Removal::Lines(ids) => (
                BudgetEdit::RemoveLines(ids.clone()).into(),
                budget::removal_undo(&self.budget, &ids).into(),
            ),
            Removal::Strategies(ids) => (
                StrategyEdit::Remove(ids.clone()).into(),
                strategy::removal_undo(&self.strategies, &ids).into(),
            ),
            Removal::Situation(ids) => (
                SituationEdit::Remove(ids.clone()).into(),
                situation::removal_undo(&self.situation, &ids).into(),
            ),
            Removal::Team(ids) => (
                TeamEdit::Remove(ids.clone()).into(),
                team::removal_undo(&self.team, &ids).into(),
            ),
            Removal::Risks(ids) => (
                RiskEdit::Remove(ids.clone()).into(),
                risk::removal_undo(&self.risks, &ids).into(),
            ),
        }
    }
}

fn apply_details(next: &mut Plan, edit: DetailsEdit) -> Result<(), PlanError> {
    match edit {
        DetailsEdit::Name(name) => {
            // The name is kept as typed (trimming would fight the cursor);
            // only an all-blank name is refused.
            validate_name(&name)?;
            next.name = name;
        }
        DetailsEdit::Organisation(org) => next.organisation = org,
        DetailsEdit::Currency(c) => next.currency = c,
        DetailsEdit::PeriodKind(kind) => {
            next.period = Period::starting_from(kind, next.period.start);
        }
        DetailsEdit::Start(start) => {
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
        // The end of a calendar period follows from its start.
        DetailsEdit::End(end) => {
            if next.period.end_is_free() {
                next.period.end = end;
            }
        }
        DetailsEdit::LaunchDay(t) => next.period.launch_day = Some(t),
        DetailsEdit::ClearLaunchDay => {
            let imp = &next.implementation;
            let relative = imp.tasks.iter().any(|t| t.start.is_relative() || t.end.is_relative())
                || imp.phases.iter().any(|p| p.start.is_relative() || p.end.is_relative());
            if relative {
                return Err(PlanError::LaunchDayInUse);
            }
            next.period.launch_day = None;
        }
        DetailsEdit::Summary(field, text) => *field.get_mut(&mut next.summary) = text,
    }
    Ok(())
}

/// Replaces the item with the same id, or appends it.
pub(crate) fn put<T>(items: &mut Vec<T>, item: T, id: impl Fn(&T) -> ItemId) {
    match items.iter_mut().find(|existing| id(existing) == id(&item)) {
        Some(slot) => *slot = item,
        None => items.push(item),
    }
}

/// Puts removed items back at their places (an item already there stays).
pub(crate) fn reinsert<T>(items: &mut Vec<T>, back: Vec<(usize, T)>, id: impl Fn(&T) -> ItemId) {
    for (at, item) in back {
        if items.iter().any(|i| id(i) == id(&item)) {
            continue;
        }
        items.insert(at.min(items.len()), item);
    }
}

/// The items with these ids, with their places, to put back later.
pub(crate) fn positioned<T: Clone>(items: &[T], ids: &[ItemId], id: impl Fn(&T) -> ItemId) -> Vec<(usize, T)> {
    items
        .iter()
        .enumerate()
        .filter(|(_, i)| ids.contains(&id(i)))
        .map(|(at, i)| (at, i.clone()))
        .collect()
}

/// The one rule for a plan's name, wherever it is typed (new plan, rename,
/// details): not blank, and at most [`MAX_NAME_CHARS`] characters once the
/// blanks around it are dropped, as they are when it is saved.
pub fn validate_name(name: &str) -> Result<(), PlanError> {
    let name = name.trim();
    if name.is_empty() {
        Err(PlanError::NameEmpty)
    } else if name.chars().count() > MAX_NAME_CHARS {
        Err(PlanError::NameTooLong)
    } else {
        Ok(())
    }
}
