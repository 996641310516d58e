//! Shared builders for the integration tests.
#![allow(dead_code)]

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use marketplan::domain::core::ids::{CountingIds, IdSource};
use marketplan::domain::core::period::{Period, PeriodKind};
use marketplan::domain::plan::{Currency, Plan};

pub fn at(day: u32, hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, day, hour, 0, 0).unwrap()
}

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

pub fn plan(ids: &mut CountingIds, name: &str, kind: PeriodKind, edited: DateTime<Utc>) -> Plan {
    let period = Period::starting_from(kind, date(2027, 1, 15));
    Plan::new(
        ids.plan_id(),
        name,
        "Marketing Centre",
        period,
        Currency::default(),
        edited,
    )
    .unwrap()
}
