//! The "new plan" form as typed: text fields checked field by field, turned
//! into a [`Plan`] only when every field is valid.

use super::messages::plan_error;
pub use crate::domain::core::calendar::{date_text, parse_date};
use crate::domain::core::ids::PlanId;
use crate::domain::core::period::{Period, PeriodError, PeriodKind};
use crate::domain::plan::{Currency, Plan, PlanError};
use crate::i18n::{Key, Text};
use chrono::{DateTime, NaiveDate, Utc};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DraftField {
    Name,
    Start,
    End,
    LaunchDay,
    Currency,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PlanDraft {
    pub name: String,
    pub organisation: String,
    pub kind: PeriodKind,
    /// Dates as `<input type="date">` gives them: `YYYY-MM-DD`, or empty.
    pub start: String,
    pub end: String,
    pub launch_day: String,
    pub currency: String,
}

impl PlanDraft {
    /// A blank form with dates for the quarter containing `today`.
    pub fn new(today: NaiveDate) -> Self {
        let mut draft = PlanDraft {
            name: String::new(),
            organisation: String::new(),
            kind: PeriodKind::Quarter,
            start: String::new(),
            end: String::new(),
            launch_day: String::new(),
            currency: Currency::default().code().to_owned(),
        };
        draft.set_period(Period::starting_from(PeriodKind::Quarter, today));
        draft
    }

    fn set_period(&mut self, period: Period) {
        self.kind = period.kind;
        self.start = date_text(period.start);
        self.end = date_text(period.end);
        self.launch_day = period.launch_day.map(date_text).unwrap_or_default();
    }

    /// Changing the type re-derives the dates from the start (or `today`).
    pub fn set_kind(&mut self, kind: PeriodKind, today: NaiveDate) {
        let anchor = parse_date(&self.start).unwrap_or(today);
        self.set_period(Period::starting_from(kind, anchor));
    }

    /// A new start moves a calendar period to the one containing it, and a
    /// campaign with its launch day and end.
    pub fn set_start(&mut self, text: String) {
        match parse_date(&text) {
            Some(start) if self.kind != PeriodKind::Campaign => {
                self.set_period(Period::starting_from(self.kind, start));
            }
            Some(start) => {
                let old = parse_date(&self.start);
                if let Some(shift) = old.map(|old| start - old) {
                    let moved = |t: &str| parse_date(t).map(|d| date_text(d + shift));
                    self.end = moved(&self.end).unwrap_or_default();
                    self.launch_day = moved(&self.launch_day).unwrap_or_default();
                }
                self.start = text;
            }
            None => self.start = text,
        }
    }

    /// Every problem, per field, in the user's words.
    pub fn problems(&self) -> Vec<(DraftField, Text)> {
        let mut out = Vec::new();
        let date = |field: DraftField, text: &str, out: &mut Vec<(DraftField, Text)>| {
            let parsed = parse_date(text);
            if parsed.is_none() {
                out.push((field, Text::new(Key::ErrorDateInvalid)));
            }
            parsed
        };
        if let Some(e) = self.name_problem() {
            out.push((DraftField::Name, plan_error(e)));
        }
        let start = date(DraftField::Start, &self.start, &mut out);
        let end = date(DraftField::End, &self.end, &mut out);
        let launch = if self.kind == PeriodKind::Campaign {
            if self.launch_day.trim().is_empty() {
                out.push((
                    DraftField::LaunchDay,
                    plan_error(PlanError::Period(PeriodError::LaunchDayMissing)),
                ));
                None
            } else {
                date(DraftField::LaunchDay, &self.launch_day, &mut out)
            }
        } else {
            None
        };
        if Currency::parse(&self.currency).is_none() {
            out.push((DraftField::Currency, Text::new(Key::FormCurrency)));
        }
        if let (Some(start), Some(end)) = (start, end) {
            let period = Period {
                kind: self.kind,
                start,
                end,
                launch_day: launch,
            };
            match period.validate() {
                Err(PeriodError::EndBeforeStart) => out.push((
                    DraftField::End,
                    plan_error(PlanError::Period(PeriodError::EndBeforeStart)),
                )),
                Err(PeriodError::LaunchDayOutside) => out.push((
                    DraftField::LaunchDay,
                    plan_error(PlanError::Period(PeriodError::LaunchDayOutside)),
                )),
                _ => {}
            }
        }
        out
    }

    fn name_problem(&self) -> Option<PlanError> {
        crate::domain::plan::validate_name(&self.name).err()
    }

    pub fn build(&self, id: PlanId, now: DateTime<Utc>) -> Result<Plan, Vec<(DraftField, Text)>> {
        let problems = self.problems();
        let parsed = (
            parse_date(&self.start),
            parse_date(&self.end),
            Currency::parse(&self.currency),
        );
        let (Some(start), Some(end), Some(currency)) = parsed else {
            return Err(problems);
        };
        if !problems.is_empty() {
            return Err(problems);
        }
        let launch_day = if self.kind == PeriodKind::Campaign {
            parse_date(&self.launch_day)
        } else {
            None
        };
        let period = Period {
            kind: self.kind,
            start,
            end,
            launch_day,
        };
        Plan::new(id, &self.name, &self.organisation, period, currency, now)
            .map_err(|e| vec![(DraftField::Name, plan_error(e))])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::core::ids::{CountingIds, IdSource};
    use chrono::TimeZone;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    fn fields(problems: &[(DraftField, Text)]) -> Vec<DraftField> {
        problems.iter().map(|(f, _)| *f).collect()
    }

    #[test]
    fn a_fresh_draft_proposes_this_quarter_and_needs_only_a_name() {
        let mut d = PlanDraft::new(today());
        assert_eq!((d.start.as_str(), d.end.as_str()), ("2026-10-01", "2026-12-31"));
        assert_eq!(fields(&d.problems()), [DraftField::Name]);
        d.name = "Q4 plan".into();
        let now = Utc.with_ymd_and_hms(2026, 11, 23, 1, 0, 0).unwrap();
        let plan = d.build(CountingIds::default().plan_id(), now).unwrap();
        assert_eq!(plan.name, "Q4 plan");
        assert_eq!(plan.currency.code(), "CNY");
    }

    #[test]
    fn text_where_a_date_belongs_is_a_field_error() {
        let mut d = PlanDraft::new(today());
        d.name = "x".into();
        d.kind = PeriodKind::Campaign;
        d.start = "next tuesday".into();
        d.launch_day = "2026-13-01".into();
        let problems = d.problems();
        assert_eq!(fields(&problems), [DraftField::Start, DraftField::LaunchDay]);
        assert!(d.build(CountingIds::default().plan_id(), Utc::now()).is_err());
    }

    #[test]
    fn campaign_dates_are_checked_together() {
        let mut d = PlanDraft::new(today());
        d.name = "Launch".into();
        d.set_kind(PeriodKind::Campaign, today());
        assert_eq!(d.start, "2026-10-01");
        assert_eq!(d.launch_day, "2026-11-12");
        d.set_start("2026-12-01".into());
        assert_eq!((d.launch_day.as_str(), d.end.as_str()), ("2027-01-12", "2027-02-09"));
        assert!(d.problems().is_empty());
        d.end = "2026-11-01".into();
        assert_eq!(fields(&d.problems()), [DraftField::End]);
        d.end = "2027-02-09".into();
        d.launch_day = String::new();
        assert_eq!(fields(&d.problems()), [DraftField::LaunchDay]);
    }

    #[test]
    fn a_calendar_start_snaps_to_its_period() {
        let mut d = PlanDraft::new(today());
        d.set_kind(PeriodKind::Month, today());
        d.set_start("2027-02-17".into());
        assert_eq!((d.start.as_str(), d.end.as_str()), ("2027-02-01", "2027-02-28"));
    }
}
