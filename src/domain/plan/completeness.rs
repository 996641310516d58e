//! What a complete plan still lacks, chapter by chapter (the plan
//! document's completeness check). Each gap is a fact about the plan's
//! data with a count where there are several; the words and the place to
//! fix it are the UI's. Nothing here judges the content itself.

use crate::domain::budget::{Axis, BudgetFlag};
use crate::domain::core::money::Money;
use crate::domain::core::rate::Rate;
use crate::domain::goals::goal::Dimension;
use crate::domain::plan::{Chapter, Plan};
use crate::domain::strategy;
use crate::domain::team::raci;
use chrono::NaiveDate;

/// One thing a complete plan has and this one does not. Counts are never 0.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gap {
    // 1. Executive summary
    NoPurpose,
    NoBackground,
    NoHeadlineGoals,
    NoMainStrategies,
    // 2. Situation analysis
    NoPestel,
    NoSwot,
    NoTows,
    NoCompetitors,
    NoPersonas,
    /// Personas whose decision weights do not add up to 100%.
    IncompletePersonas(usize),
    NoPositioning,
    // 3. Goals
    NoGoals,
    /// Built-in dimensions (of the four) with no goal.
    DimensionsWithoutGoals(usize),
    GoalsWithoutKpi(usize),
    GoalsWithoutOwner(usize),
    GoalsWithoutDue(usize),
    /// Baseline, target and challenge not in the KPI's direction.
    KpiLevelsOutOfOrder(usize),
    /// A challenge equal to the target: no stretch level set.
    KpisWithoutChallenge(usize),
    // 4. Strategies
    NoStrategies,
    UnservedGoals(usize),
    StrategiesWithoutTasks(usize),
    StrategiesWithoutBudget(usize),
    // 5. Implementation
    NoPhases,
    NoTasks,
    TasksWithoutOwner(usize),
    TasksWithoutDeliverable(usize),
    // 6. Budget and team
    NoBudgetTotal,
    NoBudgetLines,
    NoReserve,
    ReserveOutsideBand,
    /// Axes with an intended split whose shares do not add up to 100%.
    SplitsNotAddingUp(usize),
    LinesExceedAvailable,
    NoPositions,
    /// Tasks nobody is assigned to in the RACI matrix.
    TasksWithoutRaci(usize),
    /// RACI rows that break a rule (no A, several A, no R).
    RaciRowsWithIssues(usize),
    // 7. Risks
    NoRisks,
    RisksWithoutResponse(usize),
    RisksWithoutOwner(usize),
    RisksWithoutTrigger(usize),
    // 8. Evaluation
    NoReviewMeetings,
    NoReviews,
}

impl Gap {
    pub fn chapter(self) -> Chapter {
        use Gap::*;
        match self {
            NoPurpose | NoBackground | NoHeadlineGoals | NoMainStrategies => Chapter::Summary,
            NoPestel | NoSwot | NoTows | NoCompetitors | NoPersonas | IncompletePersonas(_) | NoPositioning => {
                Chapter::Situation
            }
            NoGoals
            | DimensionsWithoutGoals(_)
            | GoalsWithoutKpi(_)
            | GoalsWithoutOwner(_)
            | GoalsWithoutDue(_)
            | KpiLevelsOutOfOrder(_)
            | KpisWithoutChallenge(_) => Chapter::Goals,
            NoStrategies | UnservedGoals(_) | StrategiesWithoutTasks(_) | StrategiesWithoutBudget(_) => {
                Chapter::Strategies
            }
            NoPhases | NoTasks | TasksWithoutOwner(_) | TasksWithoutDeliverable(_) => Chapter::Implementation,
            NoBudgetTotal
            | NoBudgetLines
            | NoReserve
            | ReserveOutsideBand
            | SplitsNotAddingUp(_)
            | LinesExceedAvailable
            | NoPositions
            | TasksWithoutRaci(_)
            | RaciRowsWithIssues(_) => Chapter::Budget,
            NoRisks | RisksWithoutResponse(_) | RisksWithoutOwner(_) | RisksWithoutTrigger(_) => Chapter::Risks,
            NoReviewMeetings | NoReviews => Chapter::Evaluation,
        }
    }

    /// How many items it is about (1 for a plain gap).
    pub fn count(self) -> usize {
        use Gap::*;
        match self {
            IncompletePersonas(n)
            | DimensionsWithoutGoals(n)
            | GoalsWithoutKpi(n)
            | GoalsWithoutOwner(n)
            | GoalsWithoutDue(n)
            | KpiLevelsOutOfOrder(n)
            | KpisWithoutChallenge(n)
            | UnservedGoals(n)
            | StrategiesWithoutTasks(n)
            | StrategiesWithoutBudget(n)
            | TasksWithoutOwner(n)
            | TasksWithoutDeliverable(n)
            | SplitsNotAddingUp(n)
            | TasksWithoutRaci(n)
            | RaciRowsWithIssues(n)
            | RisksWithoutResponse(n)
            | RisksWithoutOwner(n)
            | RisksWithoutTrigger(n) => n,
            _ => 1,
        }
    }
}

/// Pushes `gap(n)` when `n` is not 0.
fn counted(out: &mut Vec<Gap>, n: usize, gap: fn(usize) -> Gap) {
    if n > 0 {
        out.push(gap(n));
    }
}

fn blank(text: &str) -> bool {
    text.trim().is_empty()
}

/// Every gap of the plan, in chapter order. A gap that follows from an
/// earlier one is left out (no "goals without KPIs" when there are no
/// goals), so the list says what to do next, not the same thing twice.
pub fn completeness(plan: &Plan, today: NaiveDate) -> Vec<Gap> {
    let mut out = Vec::new();
    summary(plan, &mut out);
    situation(plan, &mut out);
    goals(plan, &mut out);
    strategies(plan, &mut out);
    implementation(plan, &mut out);
    budget(plan, today, &mut out);
    team(plan, &mut out);
    risks(plan, &mut out);
    evaluation(plan, &mut out);
    out
}

fn summary(plan: &Plan, out: &mut Vec<Gap>) {
    let s = &plan.summary;
    for (text, gap) in [
        (&s.purpose, Gap::NoPurpose),
        (&s.background, Gap::NoBackground),
        (&s.headline_goals, Gap::NoHeadlineGoals),
        (&s.main_strategies, Gap::NoMainStrategies),
    ] {
        if blank(text) {
            out.push(gap);
        }
    }
}

fn situation(plan: &Plan, out: &mut Vec<Gap>) {
    let s = &plan.situation;
    if s.pestel.is_empty() {
        out.push(Gap::NoPestel);
    }
    if s.swot.is_empty() {
        out.push(Gap::NoSwot);
    }
    if s.tows.is_empty() {
        out.push(Gap::NoTows);
    }
    if s.competitors.is_empty() {
        out.push(Gap::NoCompetitors);
    }
    if s.personas.is_empty() {
        out.push(Gap::NoPersonas);
    }
    counted(
        out,
        s.personas.iter().filter(|p| !p.is_complete()).count(),
        Gap::IncompletePersonas,
    );
    if s.positioning.kind.is_none() && blank(&s.positioning.statement) {
        out.push(Gap::NoPositioning);
    }
}

fn goals(plan: &Plan, out: &mut Vec<Gap>) {
    let goals = &plan.goals;
    if goals.is_empty() {
        out.push(Gap::NoGoals);
        return;
    }
    let missing = Dimension::BUILT_IN
        .iter()
        .filter(|d| !goals.iter().any(|g| g.dimension == **d))
        .count();
    counted(out, missing, Gap::DimensionsWithoutGoals);
    counted(
        out,
        goals.iter().filter(|g| g.kpis.is_empty()).count(),
        Gap::GoalsWithoutKpi,
    );
    counted(
        out,
        goals.iter().filter(|g| blank(&g.owner)).count(),
        Gap::GoalsWithoutOwner,
    );
    counted(
        out,
        goals.iter().filter(|g| g.due.is_none()).count(),
        Gap::GoalsWithoutDue,
    );
    let kpis = || goals.iter().flat_map(|g| &g.kpis);
    counted(
        out,
        kpis().filter(|k| k.check_levels().is_err()).count(),
        Gap::KpiLevelsOutOfOrder,
    );
    counted(
        out,
        kpis()
            .filter(|k| k.check_levels().is_ok() && k.challenge == k.target)
            .count(),
        Gap::KpisWithoutChallenge,
    );
}

fn strategies(plan: &Plan, out: &mut Vec<Gap>) {
    if plan.strategies.strategies.is_empty() {
        out.push(Gap::NoStrategies);
        return;
    }
    let c = strategy::coverage(plan);
    counted(out, c.unserved_goals.len(), Gap::UnservedGoals);
    counted(out, c.without_tasks.len(), Gap::StrategiesWithoutTasks);
    counted(out, c.without_budget.len(), Gap::StrategiesWithoutBudget);
}

fn implementation(plan: &Plan, out: &mut Vec<Gap>) {
    let imp = &plan.implementation;
    if imp.phases.is_empty() {
        out.push(Gap::NoPhases);
    }
    if imp.tasks.is_empty() {
        out.push(Gap::NoTasks);
        return;
    }
    counted(
        out,
        imp.tasks.iter().filter(|t| blank(&t.owner)).count(),
        Gap::TasksWithoutOwner,
    );
    counted(
        out,
        imp.tasks.iter().filter(|t| blank(&t.deliverable)).count(),
        Gap::TasksWithoutDeliverable,
    );
}

fn budget(plan: &Plan, today: NaiveDate, out: &mut Vec<Gap>) {
    let b = &plan.budget;
    if !b.total().is_positive() {
        out.push(Gap::NoBudgetTotal);
    }
    if b.lines.is_empty() {
        out.push(Gap::NoBudgetLines);
    }
    if !b.total().is_positive() {
        // Reserve and splits are shares of a total that is not there yet.
        return;
    }
    if b.reserve == Rate(0) {
        out.push(Gap::NoReserve);
    }
    let flags = b.flags(&plan.period, today);
    if b.reserve != Rate(0) && flags.iter().any(|f| matches!(f, BudgetFlag::ReserveOutsideBand { .. })) {
        out.push(Gap::ReserveOutsideBand);
    }
    let uneven = Axis::ALL
        .iter()
        .filter(|a| b.splits.get(a.code()).is_some_and(|m| !m.is_empty()) && !b.split(**a).adds_up())
        .count();
    counted(out, uneven, Gap::SplitsNotAddingUp);
    if flags
        .iter()
        .any(|f| matches!(f, BudgetFlag::LinesExceedAvailable { .. }))
        && b.planned() > Money::ZERO
    {
        out.push(Gap::LinesExceedAvailable);
    }
}

fn team(plan: &Plan, out: &mut Vec<Gap>) {
    if plan.team.positions.is_empty() {
        out.push(Gap::NoPositions);
        return;
    }
    let check = raci::check(&plan.team, &plan.implementation.tasks);
    counted(out, check.unassigned, Gap::TasksWithoutRaci);
    counted(out, check.rows.len(), Gap::RaciRowsWithIssues);
}

fn risks(plan: &Plan, out: &mut Vec<Gap>) {
    let risks = &plan.risks.risks;
    if risks.is_empty() {
        out.push(Gap::NoRisks);
        return;
    }
    counted(
        out,
        risks.iter().filter(|r| blank(&r.response)).count(),
        Gap::RisksWithoutResponse,
    );
    counted(
        out,
        risks.iter().filter(|r| r.owner.is_none()).count(),
        Gap::RisksWithoutOwner,
    );
    counted(
        out,
        risks
            .iter()
            .filter(|r| blank(&r.trigger) && r.kpi_trigger.is_none())
            .count(),
        Gap::RisksWithoutTrigger,
    );
}

fn evaluation(plan: &Plan, out: &mut Vec<Gap>) {
    let m = &plan.implementation.meetings;
    if !(m.weekly.enabled || m.monthly.enabled || m.quarterly.enabled) {
        out.push(Gap::NoReviewMeetings);
    }
    if plan.reviews.is_empty() {
        out.push(Gap::NoReviews);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::core::ids::CountingIds;
    use crate::domain::core::ids::IdSource;
    use crate::domain::core::period::{Period, PeriodKind};
    use crate::domain::plan::sample::sample_plan;
    use crate::domain::plan::Currency;
    use crate::domain::risk::{Category, Risk};
    use crate::i18n::Lang;
    use chrono::{TimeZone, Utc};
    use std::rc::Rc;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 4).unwrap()
    }

    fn empty_plan() -> Plan {
        let mut ids = CountingIds::default();
        let period = Period::starting_from(PeriodKind::Quarter, NaiveDate::from_ymd_opt(2027, 1, 1).unwrap());
        Plan::new(
            ids.plan_id(),
            "Q1",
            "",
            period,
            Currency::default(),
            Utc.with_ymd_and_hms(2026, 12, 4, 8, 0, 0).unwrap(),
        )
        .unwrap()
    }

    #[test]
    fn an_empty_plan_lacks_one_thing_per_missing_part_and_nothing_that_follows_from_it() {
        let gaps = completeness(&empty_plan(), today());
        use Gap::*;
        for expected in [
            NoPurpose,
            NoPestel,
            NoPositioning,
            NoGoals,
            NoStrategies,
            NoPhases,
            NoTasks,
            NoBudgetTotal,
            NoBudgetLines,
            NoPositions,
            NoRisks,
            NoReviews,
        ] {
            assert!(gaps.contains(&expected), "{expected:?} missing from {gaps:?}");
        }
        // Follows from "no goals" / "no total" / "no risks".
        assert!(!gaps
            .iter()
            .any(|g| matches!(g, GoalsWithoutKpi(_) | NoReserve | RisksWithoutResponse(_))));
        // In chapter order.
        let chapters: Vec<usize> = gaps.iter().map(|g| g.chapter().number()).collect();
        assert!(chapters.windows(2).all(|w| w[0] <= w[1]), "{chapters:?}");
    }

    #[test]
    fn counts_name_how_many_items_lack_something() {
        let mut ids = CountingIds::default();
        let mut plan = sample_plan(
            Lang::En,
            &mut ids,
            today(),
            Utc.with_ymd_and_hms(2026, 12, 4, 8, 0, 0).unwrap(),
        );
        let before = completeness(&plan, today());
        assert!(!before.contains(&Gap::NoGoals));
        // Three KPIs lose their stretch level, one gets its levels reversed.
        let goals = Rc::make_mut(&mut plan.goals);
        let mut kpis = goals.iter_mut().flat_map(|g| g.kpis.iter_mut());
        for k in kpis.by_ref().take(3) {
            k.challenge = k.target;
        }
        let k = kpis.next().unwrap();
        std::mem::swap(&mut k.baseline, &mut k.challenge);
        let risks = Rc::make_mut(&mut plan.risks);
        risks.risks.push(Risk::new(ids.item_id(), Category::Execution, "new"));
        let after = completeness(&plan, today());
        let count = |f: fn(&Gap) -> bool| after.iter().find(|g| f(g)).map(|g| g.count());
        let before_challenge = before
            .iter()
            .find_map(|g| {
                if let Gap::KpisWithoutChallenge(n) = g {
                    Some(*n)
                } else {
                    None
                }
            })
            .unwrap_or(0);
        assert_eq!(
            count(|g| matches!(g, Gap::KpisWithoutChallenge(_))),
            Some(before_challenge + 3)
        );
        assert!(count(|g| matches!(g, Gap::KpiLevelsOutOfOrder(_))).is_some_and(|n| n >= 1));
        assert!(count(|g| matches!(g, Gap::RisksWithoutResponse(_))).is_some_and(|n| n >= 1));
        assert_eq!(Gap::RisksWithoutOwner(4).count(), 4);
        assert_eq!(Gap::NoRisks.count(), 1);
    }

    #[test]
    fn a_budget_with_a_total_and_no_reserve_says_so_and_uneven_splits_are_counted() {
        use crate::domain::budget::TotalBasis;
        let mut plan = empty_plan();
        let b = Rc::make_mut(&mut plan.budget);
        b.total = TotalBasis::Amount {
            // ¥100,000.00
            amount: Money::from_fen(10_000_000),
        };
        b.reserve = Rate(0);
        let reach = b.splits.entry(Axis::ALL[0].code().to_owned()).or_default();
        reach.clear();
        reach.insert(Axis::ALL[0].values()[0].to_owned(), Rate(6_000));
        let gaps = completeness(&plan, today());
        assert!(gaps.contains(&Gap::NoReserve));
        assert!(!gaps.contains(&Gap::NoBudgetTotal));
        assert!(gaps.contains(&Gap::SplitsNotAddingUp(1)), "{gaps:?}");
        Rc::make_mut(&mut plan.budget).reserve = Rate(1_200);
        let gaps = completeness(&plan, today());
        assert!(!gaps.contains(&Gap::NoReserve) && !gaps.contains(&Gap::ReserveOutsideBand));
    }
}
