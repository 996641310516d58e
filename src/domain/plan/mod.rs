//! A marketing work plan (市场管理工作计划) and the edits a user makes to it.

pub mod completeness;
pub mod edit;
pub mod error;
pub mod library;
pub mod sample;
mod sample_situation;
mod sample_strategy;
pub mod sample_team;
pub mod templates;

pub use edit::{validate_name, DetailsEdit, EditGroup, PlanEdit, Removal};
pub use error::PlanError;

use crate::domain::budget::Budget;
use crate::domain::core::calendar::WorkCalendar;
use crate::domain::core::ids::{ItemId, PlanId};
use crate::domain::core::period::Period;
use crate::domain::evaluation::review::Review;
use crate::domain::goals::goal::{CustomDimension, Dimension, Goal};
use crate::domain::goals::kpi::{Kpi, Thresholds};
use crate::domain::implementation::schedule::Task;
use crate::domain::implementation::Implementation;
use crate::domain::risk::Risks;
use crate::domain::situation::Situation;
use crate::domain::strategy::Strategies;
use crate::domain::team::Team;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;
use std::rc::Rc;

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
    // The chapters that grow large are shared (`Rc`): a copy of the plan,
    // for undo or for the next state, copies none of them, and an edit
    // copies only the chapter it changes (`Rc::make_mut`).
    /// Chapter 2, stored only when the plan has any of it.
    #[serde(default, skip_serializing_if = "is_empty_situation")]
    pub situation: Rc<Situation>,
    #[serde(default)]
    pub goals: Rc<Vec<Goal>>,
    /// Chapter 4, stored only when the plan has any of it.
    #[serde(default, skip_serializing_if = "is_empty_strategies")]
    pub strategies: Rc<Strategies>,
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
    pub reviews: Rc<Vec<Review>>,
    #[serde(default)]
    pub implementation: Rc<Implementation>,
    #[serde(default)]
    pub budget: Rc<Budget>,
    /// Chapter 6's people by role, stored only when the plan has any.
    #[serde(default, skip_serializing_if = "is_empty_team")]
    pub team: Rc<Team>,
    /// Chapter 7, stored only when the plan has any of it.
    #[serde(default, skip_serializing_if = "is_empty_risks")]
    pub risks: Rc<Risks>,
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

/// A plan without chapter 2 is stored without it: smaller, and the files of
/// plans that never used it read as before.
fn is_empty_strategies(s: &Rc<Strategies>) -> bool {
    s.is_empty()
}

fn is_empty_situation(s: &Rc<Situation>) -> bool {
    s.is_empty()
}

fn is_empty_team(t: &Rc<Team>) -> bool {
    t.is_empty()
}

fn is_empty_risks(r: &Rc<Risks>) -> bool {
    r.is_empty()
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
            Self::Summary
                | Self::Situation
                | Self::Goals
                | Self::Strategies
                | Self::Implementation
                | Self::Budget
                | Self::Risks
                | Self::Evaluation
        )
    }

    pub fn number(self) -> usize {
        Self::ALL.iter().position(|c| *c == self).map_or(0, |i| i + 1)
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
            situation: Rc::default(),
            goals: Rc::default(),
            custom_dimensions: Vec::new(),
            dimension_weights: BTreeMap::new(),
            thresholds: Thresholds::default(),
            reviews: Rc::default(),
            strategies: Rc::default(),
            implementation: Rc::default(),
            budget: Rc::default(),
            team: Rc::default(),
            risks: Rc::default(),
            unknown: Unknown::new(),
        };
        plan.validate()?;
        Ok(plan)
    }

    pub fn validate(&self) -> Result<(), PlanError> {
        validate_name(&self.name)?;
        self.period.validate().map_err(PlanError::Period)
    }

    /// The working days approvals and meetings are dated by: the official
    /// calendar (if the plan uses it) with the plan's own days over it.
    pub fn working_calendar(&self) -> WorkCalendar {
        let own = &self.implementation.work_calendar;
        if self.budget.official_holidays {
            own.merged_with(&crate::domain::core::holidays::china_mainland())
        } else {
            own.clone()
        }
    }

    pub fn task(&self, id: ItemId) -> Option<&Task> {
        self.implementation.task(id)
    }

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

    pub fn review(&self, id: ItemId) -> Option<&Review> {
        self.reviews.iter().find(|r| r.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::budget::edit::{BudgetEdit, ChannelField, LineField};
    use crate::domain::budget::roi::Channel;
    use crate::domain::budget::{BudgetError, Reach};
    use crate::domain::core::ids::{CountingIds, IdSource};
    use crate::domain::core::money::Money;
    use crate::domain::core::period::{PeriodError, PeriodKind};
    use crate::domain::core::rate::Rate;
    use chrono::NaiveDate;
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
        assert_eq!(p.apply(PlanEdit::Details(DetailsEdit::Start(d(2027, 2, 14)))), Ok(true));
        assert_eq!((p.period.start, p.period.end), (d(2027, 1, 1), d(2027, 3, 31)));
        // The end of a calendar period follows from its start.
        assert_eq!(p.apply(PlanEdit::Details(DetailsEdit::End(d(2027, 5, 1)))), Ok(false));
    }

    #[test]
    fn moving_a_campaign_start_keeps_its_length_and_launch_offset() {
        let mut p = plan(PeriodKind::Campaign);
        let (len, to_t) = (p.period.days(), p.period.launch_day.unwrap() - p.period.start);
        p.apply(PlanEdit::Details(DetailsEdit::Start(d(2027, 3, 1)))).unwrap();
        assert_eq!(p.period.days(), len);
        assert_eq!(p.period.launch_day.unwrap() - p.period.start, to_t);
    }

    #[test]
    fn an_edit_that_breaks_the_period_is_refused_and_changes_nothing() {
        let mut p = plan(PeriodKind::Campaign);
        let before = p.clone();
        let err = p.apply(PlanEdit::Details(DetailsEdit::End(d(2020, 1, 1))));
        assert_eq!(err, Err(PlanError::Period(PeriodError::EndBeforeStart)));
        assert_eq!(p, before);
        assert_eq!(
            p.apply(PlanEdit::Details(DetailsEdit::Name(" ".into()))),
            Err(PlanError::NameEmpty)
        );
        assert_eq!(
            p.apply(PlanEdit::Details(DetailsEdit::Name("x".repeat(201)))),
            Err(PlanError::NameTooLong)
        );
        assert_eq!(p, before);
    }

    #[test]
    fn switching_kind_rederives_dates_from_the_start() {
        let mut p = plan(PeriodKind::Quarter);
        p.apply(PlanEdit::Details(DetailsEdit::PeriodKind(PeriodKind::Campaign)))
            .unwrap();
        assert_eq!(p.period.start, d(2026, 10, 1));
        assert_eq!(p.period.launch_day, Some(d(2026, 11, 12)));
        p.apply(PlanEdit::Details(DetailsEdit::PeriodKind(PeriodKind::Year)))
            .unwrap();
        assert_eq!(
            (p.period.start, p.period.end, p.period.launch_day),
            (d(2026, 1, 1), d(2026, 12, 31), None)
        );
    }

    #[test]
    fn unchanged_edits_report_no_change() {
        let mut p = plan(PeriodKind::Month);
        assert_eq!(
            p.apply(PlanEdit::Details(DetailsEdit::Organisation("ACME".into()))),
            Ok(false)
        );
        assert_eq!(
            p.apply(PlanEdit::Details(DetailsEdit::Summary(
                SummaryField::Purpose,
                "Grow".into()
            ))),
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
    fn chapters_are_numbered_one_to_eight_and_all_are_built() {
        let numbers: Vec<_> = Chapter::ALL.iter().map(|c| c.number()).collect();
        assert_eq!(numbers, (1..=8).collect::<Vec<_>>());
        assert_eq!(Chapter::ALL.iter().filter(|c| c.is_available()).count(), 8);
    }

    #[test]
    fn budget_fields_are_set_one_at_a_time_and_bad_values_change_nothing() {
        use crate::domain::budget::BudgetLine;
        let mut ids = CountingIds::default();
        let mut p = plan(PeriodKind::Quarter);
        let line = BudgetLine::new(ids.item_id(), "Search ads", Money::from_yuan(100));
        let id = line.id;
        p.apply(PlanEdit::Budget(BudgetEdit::PutLine(line))).unwrap();
        let set = |p: &mut Plan, field| p.apply(PlanEdit::Budget(BudgetEdit::LineField { line: id, field }));
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
        p.apply(PlanEdit::Budget(BudgetEdit::PutChannel(channel))).unwrap();
        let set = |p: &mut Plan, field| p.apply(PlanEdit::Budget(BudgetEdit::ChannelField { channel: cid, field }));
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
