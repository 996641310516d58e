//! What can be wrong with an edit to a plan, named so that the app can say
//! it in the user's language.

use crate::domain::budget::BudgetError;
use crate::domain::core::period::PeriodError;
use crate::domain::goals::kpi::KpiError;
use crate::domain::implementation::schedule::TaskError;
use crate::domain::risk::edit::RiskError;
use crate::domain::situation::edit::SituationError;
use crate::domain::strategy::edit::StrategyError;
use crate::domain::team::edit::TeamError;

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
    Situation(SituationError),
    Strategy(StrategyError),
    Team(TeamError),
    Risk(RiskError),
}
