//! How KPI figures read: values with their unit, statuses, levels,
//! dimension names and sub-period labels, in the user's language.

use crate::domain::core::rate::Rate;
use crate::domain::core::value::Value;
use crate::domain::evaluation::review::Cadence;
use crate::domain::goals::decompose::{Granularity, SubLabel};
use crate::domain::goals::goal::Dimension;
use crate::domain::goals::kpi::{Aggregation, Direction, Level, Status, Unit};
use crate::domain::plan::{Currency, Plan};
use crate::i18n::{t, Key, Lang, Text};

/// `12.5%`, `¥2,000,000`, `85 分`, `2.5`, `120 篇`.
pub fn value_text(lang: Lang, unit: &Unit, currency: &Currency, value: Value) -> String {
    let digits = value.grouped();
    match unit {
        Unit::Percent => format!("{digits}%"),
        Unit::Count | Unit::Ratio => digits,
        Unit::Currency => match currency.code() {
            "CNY" => format!("¥{digits}"),
            code => format!("{digits} {code}"),
        },
        Unit::Points => format!("{digits} {}", t(lang, Key::UnitPointsSuffix)),
        Unit::Custom(name) if name.is_empty() => digits,
        Unit::Custom(name) => format!("{digits} {name}"),
    }
}

/// A computed figure (a pro-rata target, an expected value), rounded to one
/// decimal: what a user typed is shown exactly, what the app worked out is not
/// shown to the thousandth.
pub fn approx_text(lang: Lang, unit: &Unit, currency: &Currency, value: Value) -> String {
    value_text(lang, unit, currency, value.rounded(1))
}

pub fn rate_text(rate: Option<Rate>) -> String {
    rate.map_or_else(|| "—".to_owned(), Rate::percent_text)
}

pub fn status_key(status: Status) -> Key {
    match status {
        Status::OnTrack => Key::StatusOnTrack,
        Status::AtRisk => Key::StatusAtRisk,
        Status::OffTrack => Key::StatusOffTrack,
        Status::NoData => Key::StatusNoData,
        Status::NotStarted => Key::StatusNotStarted,
    }
}

/// A CSS class per status, so colour is never the only signal (the text is always shown).
pub fn status_class(status: Status) -> &'static str {
    match status {
        Status::OnTrack => "status status-on",
        Status::AtRisk => "status status-risk",
        Status::OffTrack => "status status-off",
        Status::NoData | Status::NotStarted => "status status-none",
    }
}

pub fn level_key(level: Level) -> Key {
    match level {
        Level::BelowBaseline => Key::LevelBelow,
        Level::Baseline => Key::LevelBaseline,
        Level::Target => Key::LevelTarget,
        Level::Challenge => Key::LevelChallenge,
    }
}

pub fn direction_key(direction: Direction) -> Key {
    match direction {
        Direction::HigherIsBetter => Key::DirHigher,
        Direction::LowerIsBetter => Key::DirLower,
    }
}

pub fn aggregation_key(aggregation: Aggregation) -> Key {
    match aggregation {
        Aggregation::Additive => Key::AggAdditive,
        Aggregation::Level => Key::AggLevel,
    }
}

pub fn unit_key(code: &str) -> Key {
    match code {
        "percent" => Key::UnitPercent,
        "currency" => Key::UnitCurrency,
        "points" => Key::UnitPoints,
        "ratio" => Key::UnitRatio,
        "custom" => Key::UnitCustom,
        _ => Key::UnitCount,
    }
}

pub fn dimension_name(lang: Lang, plan: &Plan, dimension: Dimension) -> String {
    match dimension {
        Dimension::BrandVoice => t(lang, Key::DimBrandVoice).to_owned(),
        Dimension::Acquisition => t(lang, Key::DimAcquisition).to_owned(),
        Dimension::Retention => t(lang, Key::DimRetention).to_owned(),
        Dimension::Revenue => t(lang, Key::DimRevenue).to_owned(),
        Dimension::Custom(id) => plan.custom_dimension_name(id).unwrap_or("?").to_owned(),
    }
}

pub fn granularity_key(g: Granularity) -> Key {
    match g {
        Granularity::Year => Key::GranYear,
        Granularity::Quarter => Key::GranQuarter,
        Granularity::Month => Key::GranMonth,
        Granularity::IsoWeek => Key::GranIsoWeek,
    }
}

pub fn cadence_key(c: Cadence) -> Key {
    match c {
        Cadence::Week => Key::CadWeek,
        Cadence::Month => Key::CadMonth,
        Cadence::Quarter => Key::CadQuarter,
        Cadence::Year => Key::CadYear,
    }
}

/// `2027年第1季度` / `Q1 2027`, `2027年3月` / `3/2027`, `2027年第9周` / `Week 9, 2027`.
pub fn sub_label(lang: Lang, label: SubLabel) -> String {
    match label {
        SubLabel::Year(year) => Text::new(Key::LabelYear).with("year", year),
        SubLabel::Quarter { year, quarter } => Text::new(Key::LabelQuarter).with("year", year).with("quarter", quarter),
        SubLabel::Month { year, month } => Text::new(Key::LabelMonth).with("year", year).with("month", month),
        SubLabel::Week { year, week } => Text::new(Key::LabelWeek).with("year", year).with("week", week),
    }
    .render(lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_read_with_their_units() {
        let cny = Currency::default();
        let v = |x: &str| Value::parse(x).unwrap();
        assert_eq!(value_text(Lang::En, &Unit::Currency, &cny, v("2000000")), "¥2,000,000");
        assert_eq!(
            value_text(Lang::En, &Unit::Currency, &Currency::parse("USD").unwrap(), v("5")),
            "5 USD"
        );
        assert_eq!(value_text(Lang::ZhCn, &Unit::Percent, &cny, v("12.5")), "12.5%");
        assert_eq!(value_text(Lang::ZhCn, &Unit::Points, &cny, v("85")), "85 分");
        assert_eq!(
            value_text(Lang::En, &Unit::Custom("posts".into()), &cny, v("120")),
            "120 posts"
        );
        assert_eq!(rate_text(None), "—");
    }

    #[test]
    fn sub_periods_are_labelled_per_language() {
        assert_eq!(
            sub_label(Lang::ZhCn, SubLabel::Quarter { year: 2027, quarter: 1 }),
            "2027年第1季度"
        );
        assert_eq!(
            sub_label(Lang::En, SubLabel::Week { year: 2026, week: 53 }),
            "Week 53, 2026"
        );
    }
}
