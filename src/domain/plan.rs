//! A marketing work plan (市场管理工作计划) and the edits a user makes to it.

use super::ids::PlanId;
use super::period::{Period, PeriodError, PeriodKind};
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
        (code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase()))
            .then(|| Self(code.to_owned()))
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
        Currency::parse(&text).ok_or_else(|| {
            serde::de::Error::custom(format!("currency must be a 3-letter code, got {text:?}"))
        })
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
        matches!(self, Self::Summary)
    }

    pub fn number(self) -> usize {
        Self::ALL
            .iter()
            .position(|c| *c == self)
            .map_or(0, |i| i + 1)
    }
}

/// What is wrong with a plan's own fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlanError {
    NameEmpty,
    NameTooLong,
    Period(PeriodError),
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
}

/// Which consecutive edits belong to one undo step: typing into one field is
/// one step, not one step per character.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EditGroup {
    Name,
    Organisation,
    Summary(SummaryField),
}

impl PlanEdit {
    pub fn group(&self) -> Option<EditGroup> {
        match self {
            Self::Name(_) => Some(EditGroup::Name),
            Self::Organisation(_) => Some(EditGroup::Organisation),
            Self::Summary(field, _) => Some(EditGroup::Summary(*field)),
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
        }
        if next == *self {
            return Ok(false);
        }
        next.period.validate().map_err(PlanError::Period)?;
        *self = next;
        Ok(true)
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
    use crate::domain::ids::{CountingIds, IdSource};
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
        let err = Plan::new(
            CountingIds::default().plan_id(),
            "   ",
            "",
            p,
            Currency::default(),
            now,
        );
        assert_eq!(err, Err(PlanError::NameEmpty));
    }

    #[test]
    fn moving_a_quarter_start_snaps_to_its_quarter() {
        let mut p = plan(PeriodKind::Quarter);
        assert_eq!(p.apply(PlanEdit::Start(d(2027, 2, 14))), Ok(true));
        assert_eq!(
            (p.period.start, p.period.end),
            (d(2027, 1, 1), d(2027, 3, 31))
        );
        // The end of a calendar period follows from its start.
        assert_eq!(p.apply(PlanEdit::End(d(2027, 5, 1))), Ok(false));
    }

    #[test]
    fn moving_a_campaign_start_keeps_its_length_and_launch_offset() {
        let mut p = plan(PeriodKind::Campaign);
        let (len, to_t) = (
            p.period.days(),
            p.period.launch_day.unwrap() - p.period.start,
        );
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
        assert_eq!(
            p.apply(PlanEdit::Name(" ".into())),
            Err(PlanError::NameEmpty)
        );
        assert_eq!(
            p.apply(PlanEdit::Name("x".repeat(201))),
            Err(PlanError::NameTooLong)
        );
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
    fn chapters_are_numbered_one_to_eight_and_only_the_summary_is_built() {
        let numbers: Vec<_> = Chapter::ALL.iter().map(|c| c.number()).collect();
        assert_eq!(numbers, (1..=8).collect::<Vec<_>>());
        assert_eq!(Chapter::ALL.iter().filter(|c| c.is_available()).count(), 1);
    }
}
