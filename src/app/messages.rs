//! Turning domain and file errors into texts from the catalogue.

use crate::domain::budget::approval::{ApprovalError, TierError};
use crate::domain::budget::BudgetError;
use crate::domain::core::money::MoneyError;
use crate::domain::core::period::PeriodError;
use crate::domain::core::value::ValueError;
use crate::domain::goals::kpi::{Direction, KpiError};
use crate::domain::implementation::schedule::TaskError;
use crate::domain::plan::{Plan, PlanError, Removal};
use crate::domain::risk::edit::RiskError;
use crate::domain::situation::edit::SituationError;
use crate::domain::strategy::edit::StrategyError;
use crate::domain::team::edit::TeamError;
use crate::i18n::{format_bytes, Key, Lang, Text};
use crate::storage::format::{FileError, MAX_FILE_BYTES, SCHEMA_VERSION};

pub fn plan_error(e: PlanError) -> Text {
    Text::new(match e {
        PlanError::NameEmpty => Key::ErrorNameEmpty,
        PlanError::NameTooLong => Key::ErrorNameTooLong,
        PlanError::Period(PeriodError::EndBeforeStart) => Key::ErrorEndBeforeStart,
        PlanError::Period(PeriodError::LaunchDayMissing) => Key::ErrorLaunchMissing,
        PlanError::Period(PeriodError::LaunchDayOutside) => Key::ErrorLaunchOutside,
        PlanError::GoalTitleEmpty => Key::ErrorGoalTitleEmpty,
        PlanError::Kpi(KpiError::NameEmpty) => Key::ErrorKpiNameEmpty,
        PlanError::Kpi(KpiError::LevelsOutOfOrder) => Key::KpiLevelsFlag,
        PlanError::Thresholds => Key::ErrorThresholds,
        PlanError::DimensionNameEmpty => Key::ErrorDimensionNameEmpty,
        PlanError::Task(e) => return task_error(e),
        PlanError::LaunchDayInUse => Key::ErrorLaunchDayInUse,
        PlanError::CadenceCount => Key::ErrorCadenceCount,
        PlanError::ChannelEmpty => Key::ErrorChannelEmpty,
        PlanError::EventTitleEmpty => Key::ErrorEventTitleEmpty,
        PlanError::EventEndBeforeStart => Key::ErrorEventEndBeforeStart,
        PlanError::Budget(e) => return budget_error(e),
        PlanError::Situation(SituationError::NameEmpty) => Key::ErrorNameRequired,
        PlanError::Situation(SituationError::ShareOutOfRange) => Key::ErrorShareRange,
        PlanError::Situation(SituationError::NegativePrice) => Key::ErrorMoneyNegative,
        PlanError::Situation(SituationError::NotOpportunityOrThreat) => Key::ErrorNotOpportunityOrThreat,
        PlanError::Strategy(e) => match e {
            StrategyError::NameEmpty => Key::ErrorNameRequired,
            StrategyError::ShareOutOfRange => Key::ErrorShareRange,
            StrategyError::NegativeMoney => Key::ErrorMoneyNegative,
            StrategyError::EndBeforeStart => Key::ErrorEndBeforeStart,
            StrategyError::TierTooSmall => Key::ErrorTierTooSmall,
            StrategyError::ChangeOutOfRange => Key::ErrorChangeRange,
            StrategyError::MoreActiveThanMembers => Key::ErrorMoreActive,
        },
        PlanError::Team(e) => match e {
            TeamError::NameEmpty => Key::ErrorNameRequired,
            TeamError::NegativeMoney => Key::ErrorMoneyNegative,
            TeamError::LimitTooSmall => Key::ErrorWorkloadLimit,
            TeamError::ReportingLoop(chain) => {
                let title = chain.first().cloned().unwrap_or_default();
                let chain = chain.join(" → ");
                return Text::new(Key::ErrorReportingLoop)
                    .with("title", title)
                    .with("chain", chain);
            }
        },
        PlanError::Risk(e) => match e {
            RiskError::DescriptionEmpty => Key::ErrorDescriptionRequired,
            RiskError::BandsOutOfOrder => Key::ErrorBands,
            RiskError::HoursOutOfOrder => Key::ErrorHours,
            RiskError::NameEmpty => Key::ErrorNameRequired,
            RiskError::DoneBeforeStart => Key::ErrorDoneBeforeStart,
        },
    })
}

/// Why a budget edit was refused. The period is named when a date is outside it.
pub fn budget_error(e: BudgetError) -> Text {
    Text::new(match e {
        BudgetError::LineNameEmpty => Key::ErrorBudgetLineName,
        BudgetError::NegativeAmount => Key::ErrorMoneyNegative,
        BudgetError::ActualOutsidePeriod => Key::ErrorActualOutside,
        BudgetError::ShareOutOfRange => Key::ErrorShareRange,
        BudgetError::ChannelNameEmpty => Key::ErrorChannelEmpty,
        BudgetError::ReserveBand => Key::ErrorReserveBand,
        BudgetError::Tiers(TierError::Empty) => Key::ErrorTiersEmpty,
        BudgetError::Tiers(TierError::Overlap { index }) => {
            return Text::new(Key::ErrorTiersOverlap).with("n", index + 1)
        }
        BudgetError::Tiers(TierError::OpenEnded) => Key::ErrorTiersOpen,
        BudgetError::Tiers(TierError::TooManyDays) => Key::ErrorTiersDays,
        BudgetError::Tiers(TierError::ApproverEmpty) => Key::ErrorTiersApprover,
        BudgetError::Tiers(TierError::NegativeCeiling) => Key::ErrorMoneyNegative,
        BudgetError::Approval(ApprovalError::TitleEmpty) => Key::ErrorApprovalTitle,
        BudgetError::Approval(ApprovalError::NegativeAmount) => Key::ErrorMoneyNegative,
        BudgetError::Approval(ApprovalError::DecidedBeforeSubmitted) => Key::ErrorApprovalDecided,
        BudgetError::Rules => Key::ErrorRoiRules,
    })
}

/// Why a typed amount was refused.
pub fn money_error(e: MoneyError, typed: &str) -> Text {
    match e {
        MoneyError::Empty => Text::new(Key::ErrorMoneyEmpty),
        MoneyError::NotANumber => Text::new(Key::ErrorMoneyInvalid).with("text", typed.trim()),
        MoneyError::TooPrecise => Text::new(Key::ErrorMoneyPrecise),
        MoneyError::TooLarge => Text::new(Key::ErrorMoneyLarge),
        MoneyError::Negative => Text::new(Key::ErrorMoneyNegative),
    }
}

pub fn task_error(e: TaskError) -> Text {
    Text::new(match e {
        TaskError::TitleEmpty => Key::ErrorTaskTitleEmpty,
        TaskError::EndBeforeStart => Key::ErrorTaskEndBeforeStart,
        TaskError::NoLaunchDay => Key::ErrorTaskNoLaunchDay,
        TaskError::DependsOnItself => Key::ErrorTaskSelf,
        TaskError::UnknownDependency => Key::ErrorTaskUnknownDependency,
        TaskError::Cycle(names) => return Text::new(Key::ErrorTaskCycle).with("tasks", names.join(" → ")),
        TaskError::PhaseEndBeforeStart => Key::ErrorPhaseEndBeforeStart,
        TaskError::PhaseNameEmpty => Key::ErrorPhaseNameEmpty,
    })
}

/// Why the three levels of a KPI going `direction` are out of order.
pub fn levels_error(direction: Direction) -> Text {
    Text::new(match direction {
        Direction::HigherIsBetter => Key::ErrorKpiLevelsHigher,
        Direction::LowerIsBetter => Key::ErrorKpiLevelsLower,
    })
}

/// Why a typed number was refused.
pub fn value_error(e: ValueError, typed: &str) -> Text {
    match e {
        ValueError::Empty => Text::new(Key::ErrorNumberEmpty),
        ValueError::NotANumber => Text::new(Key::ErrorNumberInvalid).with("text", typed.trim()),
        ValueError::TooPrecise => Text::new(Key::ErrorNumberPrecise),
        ValueError::TooLarge => Text::new(Key::ErrorNumberLarge),
    }
}

/// The message for a refused file; sizes are written in the English style in
/// both languages (MB is the unit users see in their file manager).
pub fn file_error(e: &FileError) -> Text {
    match e {
        FileError::TooLarge { bytes } => {
            Text::new(Key::ImportErrTooLarge).with("size", format_bytes(Lang::En, *bytes as u64))
        }
        FileError::Json { line, column } => Text::new(Key::ImportErrJson).with("line", line).with("column", column),
        FileError::NotAPlanFile => Text::new(Key::ImportErrNotPlan),
        FileError::BadVersion => Text::new(Key::ImportErrBadVersion),
        FileError::TooNew { found } => Text::new(Key::ImportErrTooNew)
            .with("found", found)
            .with("supported", SCHEMA_VERSION),
        FileError::Invalid { path, detail } if path.is_empty() => {
            Text::new(Key::ImportErrInvalidHeader).with("detail", detail)
        }
        FileError::Invalid { path, detail } => Text::new(Key::ImportErrInvalid)
            .with("path", path)
            .with("detail", detail),
        FileError::InvalidPlan { name, problem } => Text::new(Key::ImportErrInvalidPlan)
            .with("name", name)
            .with_text("reason", plan_error(problem.clone())),
        FileError::DuplicateIds => Text::new(Key::ImportErrDuplicateIds),
        FileError::Empty => Text::new(Key::ImportErrEmpty),
        FileError::Damaged => Text::new(Key::ImportErrDamaged),
    }
}

/// A file larger than this is refused before it is read into memory.
pub fn too_large(bytes: u64) -> Option<Text> {
    (bytes > MAX_FILE_BYTES as u64).then(|| file_error(&FileError::TooLarge { bytes: bytes as usize }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_carry_the_figures() {
        let text = file_error(&FileError::Json { line: 3, column: 14 });
        assert_eq!(
            text.render(Lang::En),
            "This file could not be opened as a plan: it is damaged or not a MarketPlan file. \
             For whoever sent it: the file is not valid JSON, the error is at line 3, column 14."
        );
        assert_eq!(
            text.render(Lang::ZhCn),
            "无法作为计划打开此文件：文件已损坏，或不是 MarketPlan 计划文件。\
             供发送者排查：这不是有效的 JSON，错误位于第 3 行第 14 列。"
        );
        let text = file_error(&FileError::TooNew { found: 9 }).render(Lang::En);
        assert!(text.contains("version 9") && text.contains("up to version 7"), "{text}");
        assert_eq!(too_large(5 * 1024 * 1024), None);
        let text = too_large(6 * 1024 * 1024).unwrap().render(Lang::ZhCn);
        assert!(text.contains("6.0 MiB"), "{text}");
    }
}

/// The label of a period type.
pub fn period_kind(kind: crate::domain::core::period::PeriodKind) -> Key {
    use crate::domain::core::period::PeriodKind;
    match kind {
        PeriodKind::Year => Key::PeriodYear,
        PeriodKind::Quarter => Key::PeriodQuarter,
        PeriodKind::Month => Key::PeriodMonth,
        PeriodKind::Campaign => Key::PeriodCampaign,
    }
}

/// "2026年10月1日 至 2026年12月31日" / "1 Oct 2026 – 31 Dec 2026".
pub fn period_range(lang: Lang, period: &crate::domain::core::period::Period) -> String {
    use crate::i18n::format_date;
    Text::new(Key::PeriodRange)
        .with("start", format_date(lang, period.start))
        .with("end", format_date(lang, period.end))
        .render(lang)
}

#[cfg(test)]
mod period_tests {
    use super::*;
    use crate::domain::core::period::{Period, PeriodKind};
    use chrono::NaiveDate;

    #[test]
    fn period_ranges_read_naturally() {
        let p = Period::starting_from(PeriodKind::Quarter, NaiveDate::from_ymd_opt(2026, 11, 2).unwrap());
        assert_eq!(period_range(Lang::ZhCn, &p), "2026年10月1日 至 2026年12月31日");
        assert_eq!(period_range(Lang::En, &p), "1 Oct 2026 – 31 Dec 2026");
    }
}

/// The notice for removing `removal` from `plan`, naming a single item;
/// None when there is nothing to remove.
pub fn removal_notice(plan: &Plan, removal: &Removal) -> Option<Text> {
    match removal {
        Removal::Tasks(ids) => match ids.as_slice() {
            [] => None,
            [one] => plan
                .task(*one)
                .map(|task| Text::new(Key::TaskDeletedOne).with("title", &task.title)),
            _ => Some(Text::new(Key::TasksDeleted).with("count", ids.len())),
        },
        Removal::Lines(ids) => match ids.as_slice() {
            [] => None,
            [one] => plan
                .budget
                .line(*one)
                .map(|l| Text::new(Key::BudgetLineRemoved).with("name", &l.name)),
            _ => Some(Text::new(Key::BudgetLinesRemoved).with("count", ids.len())),
        },
        Removal::Strategies(ids) => match ids.as_slice() {
            [] => None,
            [one] => {
                Some(Text::new(Key::SituationRemovedOne).with("what", strategy_item_name(&plan.strategies, *one)?))
            }
            _ => Some(Text::new(Key::SituationRemoved).with("count", ids.len())),
        },
        Removal::Team(ids) => match ids.as_slice() {
            [] => None,
            [one] => Some(Text::new(Key::SituationRemovedOne).with("what", team_item_name(&plan.team, *one)?)),
            _ => Some(Text::new(Key::SituationRemoved).with("count", ids.len())),
        },
        Removal::Risks(ids) => match ids.as_slice() {
            [] => None,
            [one] => {
                let r = &plan.risks;
                let what = r
                    .risk(*one)
                    .map(|x| x.description.clone())
                    .or_else(|| r.incidents.iter().find(|i| i.id == *one).map(|i| i.title.clone()))?;
                Some(Text::new(Key::SituationRemovedOne).with("what", what))
            }
            _ => Some(Text::new(Key::SituationRemoved).with("count", ids.len())),
        },
        Removal::Situation(ids) => match ids.as_slice() {
            [] => None,
            [one] => {
                Some(Text::new(Key::SituationRemovedOne).with("what", situation_item_name(&plan.situation, *one)?))
            }
            _ => Some(Text::new(Key::SituationRemoved).with("count", ids.len())),
        },
    }
}

/// The words a removal notice names a team item by.
fn team_item_name(t: &crate::domain::team::Team, id: crate::domain::core::ids::ItemId) -> Option<String> {
    t.position(id)
        .map(|p| p.title.clone())
        .or_else(|| t.group(id).map(|g| g.name.clone()))
        .or_else(|| t.joint.iter().find(|j| j.id == id).map(|j| j.name.clone()))
        .or_else(|| t.incentives.iter().find(|i| i.id == id).map(|i| i.reward.clone()))
}

/// The words a removal notice names a chapter-4 item by.
fn strategy_item_name(c: &crate::domain::strategy::Strategies, id: crate::domain::core::ids::ItemId) -> Option<String> {
    c.strategy(id)
        .map(|s| s.title.clone())
        .or_else(|| c.product(id).map(|p| p.name.clone()))
        .or_else(|| c.channels.iter().find(|x| x.id == id).map(|x| x.name.clone()))
        .or_else(|| c.kols.iter().find(|k| k.id == id).map(|k| k.name.clone()))
        .or_else(|| c.groups.iter().find(|g| g.id == id).map(|g| g.name.clone()))
}

/// The words a removal notice names a chapter-2 item by.
fn situation_item_name(
    s: &crate::domain::situation::Situation,
    id: crate::domain::core::ids::ItemId,
) -> Option<String> {
    s.pestel_item(id)
        .map(|p| p.finding.clone())
        .or_else(|| s.swot_item(id).map(|i| i.text.clone()))
        .or_else(|| s.tows.iter().find(|t| t.id == id).map(|t| t.action.clone()))
        .or_else(|| s.competitor(id).map(|c| c.name.clone()))
        .or_else(|| s.persona(id).map(|p| p.name.clone()))
}
