//! The sample plan a classroom opens with one click: a quarterly marketing
//! department plan written from DOMAIN.md, in the user's language.

use super::ids::PlanId;
use super::period::{Period, PeriodKind};
use super::plan::{Currency, ExecutiveSummary, Plan, Unknown};
use crate::i18n::{t, Key, Lang, Text};
use chrono::{DateTime, Datelike, NaiveDate, Utc};

/// A sample plan for the quarter containing `today`.
pub fn sample_plan(lang: Lang, id: PlanId, today: NaiveDate, now: DateTime<Utc>) -> Plan {
    let period = Period::starting_from(PeriodKind::Quarter, today);
    let quarter = period.start.month0() / 3 + 1;
    let name = Text::new(Key::SampleName)
        .with("year", period.start.year())
        .with("quarter", quarter)
        .render(lang);
    Plan {
        id,
        name,
        organisation: t(lang, Key::SampleOrganisation).to_owned(),
        period,
        currency: Currency::default(),
        created_at: now,
        updated_at: now,
        summary: ExecutiveSummary {
            purpose: t(lang, Key::SamplePurpose).to_owned(),
            background: t(lang, Key::SampleBackground).to_owned(),
            headline_goals: t(lang, Key::SampleHeadlineGoals).to_owned(),
            main_strategies: t(lang, Key::SampleMainStrategies).to_owned(),
            unknown: Unknown::new(),
        },
        unknown: Unknown::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::{CountingIds, IdSource};

    #[test]
    fn the_sample_is_a_valid_plan_for_the_current_quarter_in_each_language() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let zh = sample_plan(
            Lang::ZhCn,
            CountingIds::default().plan_id(),
            today,
            Utc::now(),
        );
        let en = sample_plan(
            Lang::En,
            CountingIds::default().plan_id(),
            today,
            Utc::now(),
        );
        assert_eq!(zh.name, "2026年第4季度市场部工作计划（示例）");
        assert_eq!(en.name, "Marketing department plan, Q4 2026 (sample)");
        for plan in [&zh, &en] {
            assert_eq!(plan.validate(), Ok(()));
            assert_eq!(
                plan.period.start,
                NaiveDate::from_ymd_opt(2026, 10, 1).unwrap()
            );
            assert_eq!(
                plan.summary.headline_goals.lines().count(),
                4,
                "3-5 headline goals"
            );
        }
        assert!(zh.summary.headline_goals.contains("CAC"));
    }
}
