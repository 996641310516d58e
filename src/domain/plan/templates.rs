//! Templates for the kinds of plan the handbooks describe (DOMAIN.md §1):
//! each fills a new plan's structure — goal dimensions with their typical
//! KPIs, phases, task sets, the budget's kind and reserve, the meeting
//! cadence, typical risks — and never a figure: KPI levels are left at
//! zero for the user to set, risks unassessed at the middle of the scale
//! with no response written, so the completeness check asks for them.
//!
//! The words come from the template catalogue (`src/i18n/templates/`),
//! which only the files module carries; this module turns one template's
//! rows into plan data.

use crate::domain::budget::BudgetKind;
use crate::domain::core::calendar::{month_start, months_between};
use crate::domain::core::ids::IdSource;
use crate::domain::core::period::PeriodKind;
use crate::domain::core::rate::Rate;
use crate::domain::core::value::Value;
use crate::domain::goals::goal::{Dimension, Goal, Smart};
use crate::domain::goals::kpi::{Aggregation, Direction, Kpi, Unit};
use crate::domain::implementation::schedule::{Phase, Task, When};
use crate::domain::plan::{Plan, Unknown};
use crate::domain::risk::{Category, Risk, Scale};
use chrono::{Datelike, Duration, NaiveDate};
use serde::Deserialize;
use std::rc::Rc;

/// The eight kinds of plan (issue #16's list, DOMAIN.md §1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Template {
    /// Comprehensive annual plan: long-term competitive advantage.
    Annual,
    /// New-product launch around a launch day T.
    Launch,
    /// Data-driven marketing optimisation.
    DataDriven,
    /// Customer experience and loyalty.
    Experience,
    /// Innovation and new growth.
    Innovation,
    /// A marketing supervisor's annual plan.
    Supervisor,
    /// Strategy and execution in three phases.
    ThreePhase,
    /// A quarterly department plan, four dimensions, three-level targets.
    Quarterly,
}

impl Template {
    pub const ALL: [Template; 8] = [
        Self::Annual,
        Self::Launch,
        Self::DataDriven,
        Self::Experience,
        Self::Innovation,
        Self::Supervisor,
        Self::ThreePhase,
        Self::Quarterly,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::Annual => "annual",
            Self::Launch => "launch",
            Self::DataDriven => "data_driven",
            Self::Experience => "experience",
            Self::Innovation => "innovation",
            Self::Supervisor => "supervisor",
            Self::ThreePhase => "three_phase",
            Self::Quarterly => "quarterly",
        }
    }

    pub fn from_code(code: &str) -> Option<Template> {
        Self::ALL.into_iter().find(|t| t.code() == code)
    }

    /// The period a plan of this kind runs over.
    pub fn period_kind(self) -> PeriodKind {
        match self {
            Self::Launch => PeriodKind::Campaign,
            Self::Quarterly => PeriodKind::Quarter,
            _ => PeriodKind::Year,
        }
    }

    /// The reserve and the band it is checked against: 10-15% for a normal
    /// plan (a launch keeps 12%), 15-20% for innovation (DOMAIN.md §6).
    fn budget(self) -> (BudgetKind, Rate) {
        match self {
            Self::Innovation => (BudgetKind::Innovation, Rate(1_800)),
            Self::Launch => (BudgetKind::Normal, Rate(1_200)),
            _ => (BudgetKind::Normal, Rate(1_000)),
        }
    }

    /// Whether the weekly, monthly and quarterly meetings run.
    fn meetings(self) -> (bool, bool, bool) {
        match self {
            Self::Launch => (true, true, false),
            Self::Quarterly => (true, true, true),
            _ => (true, true, true),
        }
    }
}

/// One template's rows as the catalogue has them, `|`-separated:
/// - phases: `name|from|to`, each end a month of the period (`m1` is its
///   first) or a day from T (`T-42`, `T`, `T+28`);
/// - tasks: `phase number (1-based)|title|deliverable`;
/// - goals: `dimension|goal|KPI|unit|direction|aggregation`;
/// - risks: `category|description|warning sign`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct TemplateRows {
    #[serde(default)]
    pub phases: Vec<String>,
    #[serde(default)]
    pub tasks: Vec<String>,
    #[serde(default)]
    pub goals: Vec<String>,
    #[serde(default)]
    pub risks: Vec<String>,
}

/// A row that does not read; the catalogue is ours, so this is a bug, and
/// the tests read every row of every template in both languages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowError(pub String);

fn fields<const N: usize>(row: &str) -> Result<[&str; N], RowError> {
    let parts: Vec<&str> = row.split('|').map(str::trim).collect();
    parts
        .try_into()
        .map_err(|_| RowError(format!("expected {N} fields: {row}")))
}

/// How a template's months map onto the plan's: a year template on a
/// quarter plan puts its twelve months into the quarter's three, in
/// proportion, so no phase falls off the end of the period.
#[derive(Clone, Copy)]
struct Months {
    /// The template's months (the highest `mN` it names).
    template: u32,
    /// The plan period's months.
    plan: u32,
}

impl Months {
    fn map(self, month: u32, is_end: bool) -> u32 {
        if self.plan >= self.template || self.template == 0 {
            return month;
        }
        let (m, p, t) = (month, self.plan, self.template);
        if is_end {
            (m * p).div_ceil(t)
        } else {
            (m - 1) * p / t + 1
        }
    }
}

fn month_number(text: &str) -> Option<u32> {
    text.strip_prefix('m').and_then(|m| m.parse().ok()).filter(|m| *m >= 1)
}

/// A phase's end: `m3` is the third month of the period (its first day as
/// a start, its last as an end), `T-42` a day from T.
fn when(text: &str, plan: &Plan, is_end: bool, months: Months) -> Result<When, RowError> {
    if let Some(offset) = text.strip_prefix('T') {
        let days = if offset.is_empty() {
            0
        } else {
            offset
                .parse::<i32>()
                .map_err(|_| RowError(format!("bad offset {text}")))?
        };
        return Ok(When::FromLaunch(days));
    }
    let month = month_number(text).ok_or_else(|| RowError(format!("bad month {text}")))?;
    let month = months.map(month, is_end);
    let first = add_months(month_start(plan.period.start), month - 1);
    let day = if is_end {
        add_months(first, 1) - Duration::days(1)
    } else {
        first
    };
    Ok(When::Date(day.clamp(plan.period.start, plan.period.end)))
}

fn add_months(day: NaiveDate, months: u32) -> NaiveDate {
    let total = day.year() * 12 + day.month0() as i32 + months as i32;
    NaiveDate::from_ymd_opt(total.div_euclid(12), total.rem_euclid(12) as u32 + 1, 1).unwrap_or(day)
}

fn coded<T: for<'de> Deserialize<'de>>(code: &str) -> Result<T, RowError> {
    serde_json::from_value(serde_json::Value::String(code.to_owned()))
        .map_err(|_| RowError(format!("unknown code {code}")))
}

/// Fills `plan`, fresh from the new-plan form, with the template's structure.
pub fn fill(
    template: Template,
    rows: &TemplateRows,
    mut plan: Plan,
    ids: &mut impl IdSource,
) -> Result<Plan, RowError> {
    let months = Months {
        template: rows
            .phases
            .iter()
            .flat_map(|r| r.split('|').skip(1))
            .filter_map(|f| month_number(f.trim()))
            .max()
            .unwrap_or(0),
        plan: months_between(plan.period.start, plan.period.end).len() as u32,
    };
    let mut phases = Vec::new();
    for row in &rows.phases {
        let [name, from, to] = fields(row)?;
        phases.push(Phase {
            id: ids.item_id(),
            name: name.to_owned(),
            start: when(from, &plan, false, months)?,
            end: when(to, &plan, true, months)?,
            unknown: Unknown::new(),
        });
    }
    let mut tasks = Vec::new();
    for row in &rows.tasks {
        let [phase, title, deliverable] = fields(row)?;
        let phase = phase
            .parse::<usize>()
            .ok()
            .and_then(|n| phases.get(n.wrapping_sub(1)))
            .ok_or_else(|| RowError(format!("no such phase: {row}")))?;
        let mut task = Task::new(ids.item_id(), title, phase.start, phase.end);
        task.phase = Some(phase.id);
        task.deliverable = deliverable.to_owned();
        tasks.push(task);
    }
    let mut goals: Vec<Goal> = Vec::new();
    for row in &rows.goals {
        let [dimension, title, kpi, unit, direction, aggregation] = fields(row)?;
        let dimension = Dimension::from_code(dimension).ok_or_else(|| RowError(format!("dimension {dimension}")))?;
        let kpi = Kpi {
            id: ids.item_id(),
            name: kpi.to_owned(),
            unit: coded::<Unit>(unit)?,
            direction: coded::<Direction>(direction)?,
            aggregation: coded::<Aggregation>(aggregation)?,
            // Levels are the user's to set: a template has no figures.
            baseline: Value::ZERO,
            target: Value::ZERO,
            challenge: Value::ZERO,
            check_ins: Vec::new(),
            decomposition: None,
            unknown: Unknown::new(),
        };
        match goals.iter_mut().find(|g| g.title == title && g.dimension == dimension) {
            Some(goal) => goal.kpis.push(kpi),
            None => goals.push(Goal {
                id: ids.item_id(),
                dimension,
                title: title.to_owned(),
                description: String::new(),
                strategy: String::new(),
                due: Some(plan.period.end),
                owner: String::new(),
                smart: Smart::default(),
                kpis: vec![kpi],
                unknown: Unknown::new(),
            }),
        }
    }
    let mut risks = Vec::new();
    for row in &rows.risks {
        let [category, description, trigger] = fields(row)?;
        let category = Category::from_code(category).ok_or_else(|| RowError(format!("category {category}")))?;
        let mut risk = Risk::new(ids.item_id(), category, description);
        risk.trigger = trigger.to_owned();
        // Unassessed: the middle of the scale until the team rates it.
        if let Some(mid) = Scale::new(3) {
            risk.likelihood = mid;
            risk.impact = mid;
        }
        risks.push(risk);
    }

    let imp = Rc::make_mut(&mut plan.implementation);
    imp.phases = phases;
    imp.tasks = tasks;
    let (weekly, monthly, quarterly) = template.meetings();
    imp.meetings.weekly.enabled = weekly;
    imp.meetings.monthly.enabled = monthly;
    imp.meetings.quarterly.enabled = quarterly;
    plan.goals = Rc::new(goals);
    Rc::make_mut(&mut plan.risks).risks = risks;
    let b = Rc::make_mut(&mut plan.budget);
    let (kind, reserve) = template.budget();
    b.kind = kind;
    b.reserve = reserve;
    Ok(plan)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_longer_template_is_fitted_into_a_shorter_period_in_proportion() {
        let m = Months { template: 12, plan: 3 };
        // Months 1-3 of 12 start the quarter; 10-12 end it; a start is
        // never after its end (a phase may share a month with the next).
        assert_eq!((m.map(1, false), m.map(3, true)), (1, 1));
        assert_eq!((m.map(4, false), m.map(6, true)), (1, 2));
        assert_eq!((m.map(4, false), m.map(4, true)), (1, 1));
        assert_eq!((m.map(10, false), m.map(12, true)), (3, 3));
        // Three phases of months 1-2, 3-6, 7-12 in three months.
        assert_eq!((m.map(3, false), m.map(6, true), m.map(7, false)), (1, 2, 2));
        let same = Months { template: 3, plan: 3 };
        assert_eq!(same.map(2, true), 2);
    }
}
