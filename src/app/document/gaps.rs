//! The completeness check in words, and where each gap is fixed.

use crate::app::route::{BudgetView, ImplView, RiskView, Section, SituationView, StrategyView, TeamView};
use crate::domain::plan::completeness::Gap;
use crate::i18n::{Key, Text};

pub fn gap_text(gap: Gap) -> Text {
    use Gap::*;
    let plain = |key| Text::new(key);
    let counted = |key, n| Text::counted(key, n);
    match gap {
        NoPurpose => plain(Key::DocGapNoPurpose),
        NoBackground => plain(Key::DocGapNoBackground),
        NoHeadlineGoals => plain(Key::DocGapNoHeadlineGoals),
        NoMainStrategies => plain(Key::DocGapNoMainStrategies),
        NoPestel => plain(Key::DocGapNoPestel),
        NoSwot => plain(Key::DocGapNoSwot),
        NoTows => plain(Key::DocGapNoTows),
        NoCompetitors => plain(Key::DocGapNoCompetitors),
        NoPersonas => plain(Key::DocGapNoPersonas),
        IncompletePersonas(n) => counted(Key::DocGapIncompletePersonas, n),
        NoPositioning => plain(Key::DocGapNoPositioning),
        NoGoals => plain(Key::DocGapNoGoals),
        DimensionsWithoutGoals(n) => counted(Key::DocGapDimensionsWithoutGoals, n),
        GoalsWithoutKpi(n) => counted(Key::DocGapGoalsWithoutKpi, n),
        GoalsWithoutOwner(n) => counted(Key::DocGapGoalsWithoutOwner, n),
        GoalsWithoutDue(n) => counted(Key::DocGapGoalsWithoutDue, n),
        KpiLevelsOutOfOrder(n) => counted(Key::DocGapKpiLevels, n),
        KpisWithoutChallenge(n) => counted(Key::DocGapKpisWithoutChallenge, n),
        NoStrategies => plain(Key::DocGapNoStrategies),
        UnservedGoals(n) => counted(Key::DocGapUnservedGoals, n),
        StrategiesWithoutTasks(n) => counted(Key::DocGapStrategiesWithoutTasks, n),
        StrategiesWithoutBudget(n) => counted(Key::DocGapStrategiesWithoutBudget, n),
        NoPhases => plain(Key::DocGapNoPhases),
        NoTasks => plain(Key::DocGapNoTasks),
        TasksWithoutOwner(n) => counted(Key::DocGapTasksWithoutOwner, n),
        TasksWithoutDeliverable(n) => counted(Key::DocGapTasksWithoutDeliverable, n),
        NoBudgetTotal => plain(Key::DocGapNoBudgetTotal),
        NoBudgetLines => plain(Key::DocGapNoBudgetLines),
        NoReserve => plain(Key::DocGapNoReserve),
        ReserveOutsideBand => plain(Key::DocGapReserveOutsideBand),
        SplitsNotAddingUp(n) => counted(Key::DocGapSplitsNotAddingUp, n),
        LinesExceedAvailable => plain(Key::DocGapLinesExceedAvailable),
        NoPositions => plain(Key::DocGapNoPositions),
        TasksWithoutRaci(n) => counted(Key::DocGapTasksWithoutRaci, n),
        RaciRowsWithIssues(n) => counted(Key::DocGapRaciRows, n),
        NoRisks => plain(Key::DocGapNoRisks),
        RisksWithoutResponse(n) => counted(Key::DocGapRisksWithoutResponse, n),
        RisksWithoutOwner(n) => counted(Key::DocGapRisksWithoutOwner, n),
        RisksWithoutTrigger(n) => counted(Key::DocGapRisksWithoutTrigger, n),
        NoReviewMeetings => plain(Key::DocGapNoReviewMeetings),
        NoReviews => plain(Key::DocGapNoReviews),
    }
}

/// The view where the gap is filled in.
pub fn gap_place(gap: Gap) -> Section {
    use Gap::*;
    match gap {
        NoPurpose | NoBackground | NoHeadlineGoals | NoMainStrategies => Section::Summary,
        NoPestel => Section::Situation(SituationView::Pestel),
        NoSwot | NoTows => Section::Situation(SituationView::Swot),
        NoCompetitors => Section::Situation(SituationView::Competitors),
        NoPersonas | IncompletePersonas(_) => Section::Situation(SituationView::Personas),
        NoPositioning => Section::Situation(SituationView::Overview),
        NoGoals
        | DimensionsWithoutGoals(_)
        | GoalsWithoutKpi(_)
        | GoalsWithoutOwner(_)
        | GoalsWithoutDue(_)
        | KpiLevelsOutOfOrder(_)
        | KpisWithoutChallenge(_) => Section::Goals,
        NoStrategies => Section::Strategies(StrategyView::Strategies),
        UnservedGoals(_) | StrategiesWithoutTasks(_) | StrategiesWithoutBudget(_) => {
            Section::Strategies(StrategyView::Coverage)
        }
        NoPhases | NoTasks | TasksWithoutOwner(_) | TasksWithoutDeliverable(_) => {
            Section::Implementation(ImplView::Tasks)
        }
        NoBudgetTotal | NoBudgetLines | NoReserve | ReserveOutsideBand | LinesExceedAvailable => {
            Section::Budget(BudgetView::Lines)
        }
        SplitsNotAddingUp(_) => Section::Budget(BudgetView::Splits),
        NoPositions => Section::Team(TeamView::Positions),
        TasksWithoutRaci(_) | RaciRowsWithIssues(_) => Section::Team(TeamView::Raci),
        NoRisks | RisksWithoutResponse(_) | RisksWithoutOwner(_) | RisksWithoutTrigger(_) => {
            Section::Risks(RiskView::Register)
        }
        NoReviewMeetings => Section::Implementation(ImplView::Meetings),
        NoReviews => Section::Reviews,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn counted_gaps_read_well_in_both_languages() {
        assert_eq!(
            gap_text(Gap::KpisWithoutChallenge(3)).render(Lang::En),
            "3 KPIs have no challenge value above the target."
        );
        assert_eq!(
            gap_text(Gap::KpisWithoutChallenge(1)).render(Lang::En),
            "1 KPI has no challenge value above the target."
        );
        assert_eq!(
            gap_text(Gap::RisksWithoutResponse(2)).render(Lang::ZhCn),
            "2 项风险没有应对方案。"
        );
        assert_eq!(
            gap_place(Gap::SplitsNotAddingUp(1)),
            Section::Budget(BudgetView::Splits)
        );
    }
}
