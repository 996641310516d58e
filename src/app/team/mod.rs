//! The team's words: labels of its coded enums and the texts of what its
//! checks find, with the names of the positions and tasks they are about.

pub mod chart;

use super::labels::Labelled;
use crate::domain::core::ids::ItemId;
use crate::domain::plan::Plan;
use crate::domain::team::incentive::IncentiveState;
use crate::domain::team::raci::{Raci, RaciIssue};
use crate::domain::team::{ChartFlag, HireBy, Incentive};
use crate::i18n::{format_date, Key, Lang, Text};
use chrono::NaiveDate;

crate::labels! {
    Raci { R => TeamRaciR, A => TeamRaciA, C => TeamRaciC, I => TeamRaciI }
}

/// A position's title, or "a deleted position".
pub fn position_name(plan: &Plan, id: ItemId) -> Text {
    match plan.team.position(id) {
        Some(p) => Text::new(Key::TeamPositionNamed).with("title", &p.title),
        None => Text::new(Key::TeamPositionGone),
    }
}

pub fn raci_issue(plan: &Plan, issue: RaciIssue) -> Text {
    match issue {
        RaciIssue::NoAccountable => Text::new(Key::TeamRaciNoA),
        RaciIssue::ManyAccountable(n) => Text::new(Key::TeamRaciManyA).with("count", n),
        RaciIssue::NoResponsible => Text::new(Key::TeamRaciNoR),
        RaciIssue::Vacant(p, role) => {
            let title = plan.team.position(p).map(|x| x.title.clone()).unwrap_or_default();
            Text::new(Key::TeamRaciVacant)
                .with("title", title)
                .with("role", role.code())
        }
        RaciIssue::PositionMissing(_) => Text::new(Key::TeamRaciPositionGone),
    }
}

pub fn chart_flag(flag: ChartFlag) -> Key {
    match flag {
        ChartFlag::ManagerMissing => Key::TeamChartManagerGone,
        ChartFlag::InLoop => Key::TeamChartLoop,
    }
}

/// The heading of a group of the hiring plan.
pub fn hire_by(plan: &Plan, h: HireBy) -> Text {
    match h {
        HireBy::Phase(id) => {
            let name = plan
                .implementation
                .phases
                .iter()
                .find(|p| p.id == id)
                .map(|p| p.name.clone())
                .unwrap_or_default();
            Text::new(Key::TeamHireByPhase).with("phase", name)
        }
        HireBy::PhaseMissing(_) => Text::new(Key::TeamHirePhaseGone),
        HireBy::Unscheduled => Text::new(Key::TeamHireUnscheduled),
    }
}

/// Where an incentive rule stands today, in words.
pub fn incentive_state(lang: Lang, plan: &Plan, rule: &Incentive, today: NaiveDate) -> (Text, bool) {
    let kpi = rule.kpi.and_then(|k| plan.kpi(k)).map(|(_, k)| k);
    match rule.evaluate(kpi, &plan.period, today) {
        IncentiveState::Met(c) => (
            Text::new(Key::TeamIncentiveMet)
                .with("value", c.value.grouped())
                .with("date", format_date(lang, c.date)),
            true,
        ),
        IncentiveState::NotMet(c) => (
            Text::new(Key::TeamIncentiveNotMet)
                .with("value", c.value.grouped())
                .with("date", format_date(lang, c.date)),
            false,
        ),
        IncentiveState::NoData => (Text::new(Key::TeamIncentiveNoData), false),
        IncentiveState::KpiMissing => (Text::new(Key::TeamIncentiveKpiGone), false),
    }
}

/// "Reaches" in the KPI's own direction: "at least" or "at most".
pub fn reaches_key(plan: &Plan, kpi: Option<ItemId>) -> Key {
    use crate::domain::goals::kpi::Direction;
    match kpi.and_then(|k| plan.kpi(k)).map(|(_, k)| k.direction) {
        Some(Direction::LowerIsBetter) => Key::TeamReachesAtMost,
        _ => Key::TeamReachesAtLeast,
    }
}
