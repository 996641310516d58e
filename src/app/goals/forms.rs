//! The goal, KPI and check-in forms as typed: every field checked, with a
//! message for each problem, turned into domain items only when all is well.

use crate::app::draft::{date_text, parse_date};
use crate::app::messages::{levels_error, value_error};
use crate::domain::core::ids::ItemId;
use crate::domain::core::rate::Rate;
use crate::domain::core::value::Value;
use crate::domain::goals::catalogue::CatalogueKpi;
use crate::domain::goals::goal::{Dimension, Goal, Smart};
use crate::domain::goals::kpi::{Aggregation, CheckIn, Direction, Kpi, Unit};
use crate::i18n::{t, Key, Lang, Text};

pub type Problems<F> = Vec<(F, Text)>;

fn number(text: &str) -> Result<Value, Text> {
    Value::parse(text).map_err(|e| value_error(e, text))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GoalField {
    Title,
    Due,
}

#[derive(Clone, Debug, PartialEq)]
pub struct GoalDraft {
    pub dimension: Dimension,
    pub title: String,
    pub description: String,
    pub strategy: String,
    pub due: String,
    pub owner: String,
    pub smart: Smart,
}

impl GoalDraft {
    pub fn new(dimension: Dimension) -> Self {
        GoalDraft {
            dimension,
            title: String::new(),
            description: String::new(),
            strategy: String::new(),
            due: String::new(),
            owner: String::new(),
            smart: Smart::default(),
        }
    }

    pub fn of(goal: &Goal) -> Self {
        GoalDraft {
            dimension: goal.dimension,
            title: goal.title.clone(),
            description: goal.description.clone(),
            strategy: goal.strategy.clone(),
            due: goal.due.map(date_text).unwrap_or_default(),
            owner: goal.owner.clone(),
            smart: goal.smart,
        }
    }

    pub fn problems(&self) -> Problems<GoalField> {
        let mut out = Vec::new();
        if self.title.trim().is_empty() {
            out.push((GoalField::Title, Text::new(Key::ErrorGoalTitleEmpty)));
        }
        if !self.due.trim().is_empty() && parse_date(&self.due).is_none() {
            out.push((GoalField::Due, Text::new(Key::ErrorDateInvalid)));
        }
        out
    }

    /// The goal, keeping the KPIs (and unknown fields) of `existing`.
    pub fn build(&self, id: ItemId, existing: Option<&Goal>) -> Result<Goal, Problems<GoalField>> {
        let problems = self.problems();
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(Goal {
            id,
            dimension: self.dimension,
            title: self.title.trim().to_owned(),
            description: self.description.trim().to_owned(),
            strategy: self.strategy.trim().to_owned(),
            due: parse_date(&self.due),
            owner: self.owner.trim().to_owned(),
            smart: self.smart,
            kpis: existing.map(|g| g.kpis.clone()).unwrap_or_default(),
            unknown: existing.map(|g| g.unknown.clone()).unwrap_or_default(),
        })
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KpiField {
    Name,
    CustomUnit,
    Baseline,
    Target,
    Challenge,
    /// The three levels together.
    Levels,
}

/// Unit choices in the form; `Custom` takes its name from a text field.
pub const UNIT_CODES: [&str; 6] = ["percent", "count", "currency", "points", "ratio", "custom"];

pub fn unit_code(unit: &Unit) -> &'static str {
    match unit {
        Unit::Percent => "percent",
        Unit::Count => "count",
        Unit::Currency => "currency",
        Unit::Points => "points",
        Unit::Ratio => "ratio",
        Unit::Custom(_) => "custom",
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct KpiDraft {
    pub name: String,
    pub unit: &'static str,
    pub custom_unit: String,
    pub direction: Direction,
    pub aggregation: Aggregation,
    pub baseline: String,
    pub target: String,
    pub challenge: String,
}

impl Default for KpiDraft {
    fn default() -> Self {
        KpiDraft {
            name: String::new(),
            unit: "count",
            custom_unit: String::new(),
            direction: Direction::HigherIsBetter,
            aggregation: Aggregation::Additive,
            baseline: String::new(),
            target: String::new(),
            challenge: String::new(),
        }
    }
}

impl KpiDraft {
    /// A draft named and typed like a catalogue KPI, levels left to fill.
    pub fn from_catalogue(entry: &CatalogueKpi, lang: Lang) -> Self {
        KpiDraft {
            name: t(lang, entry.name).to_owned(),
            unit: unit_code(&entry.unit.unit()),
            direction: entry.direction,
            aggregation: entry.aggregation,
            ..KpiDraft::default()
        }
    }

    pub fn of(kpi: &Kpi) -> Self {
        KpiDraft {
            name: kpi.name.clone(),
            unit: unit_code(&kpi.unit),
            custom_unit: match &kpi.unit {
                Unit::Custom(name) => name.clone(),
                _ => String::new(),
            },
            direction: kpi.direction,
            aggregation: kpi.aggregation,
            baseline: kpi.baseline.to_string(),
            target: kpi.target.to_string(),
            challenge: kpi.challenge.to_string(),
        }
    }

    fn unit(&self) -> Unit {
        match self.unit {
            "percent" => Unit::Percent,
            "currency" => Unit::Currency,
            "points" => Unit::Points,
            "ratio" => Unit::Ratio,
            "custom" => Unit::Custom(self.custom_unit.trim().to_owned()),
            _ => Unit::Count,
        }
    }

    fn levels(&self) -> (Result<Value, Text>, Result<Value, Text>, Result<Value, Text>) {
        (number(&self.baseline), number(&self.target), number(&self.challenge))
    }

    pub fn problems(&self) -> Problems<KpiField> {
        let mut out = Vec::new();
        if self.name.trim().is_empty() {
            out.push((KpiField::Name, Text::new(Key::ErrorKpiNameEmpty)));
        }
        if self.unit == "custom" && self.custom_unit.trim().is_empty() {
            out.push((KpiField::CustomUnit, Text::new(Key::ErrorNumberEmpty)));
        }
        let (b, t, c) = self.levels();
        for (field, result) in [
            (KpiField::Baseline, &b),
            (KpiField::Target, &t),
            (KpiField::Challenge, &c),
        ] {
            if let Err(text) = result {
                out.push((field, text.clone()));
            }
        }
        if let (Ok(b), Ok(t), Ok(c)) = (b, t, c) {
            if !(self.direction.at_least(t, b) && self.direction.at_least(c, t)) {
                out.push((KpiField::Levels, levels_error(self.direction)));
            }
        }
        out
    }

    /// The KPI, keeping check-ins, decomposition and unknown fields of `existing`.
    pub fn build(&self, id: ItemId, existing: Option<&Kpi>) -> Result<Kpi, Problems<KpiField>> {
        let problems = self.problems();
        let (Ok(baseline), Ok(target), Ok(challenge)) = self.levels() else {
            return Err(problems);
        };
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(Kpi {
            id,
            name: self.name.trim().to_owned(),
            unit: self.unit(),
            direction: self.direction,
            aggregation: self.aggregation,
            baseline,
            target,
            challenge,
            check_ins: existing.map(|k| k.check_ins.clone()).unwrap_or_default(),
            decomposition: existing.and_then(|k| k.decomposition.clone()),
            unknown: existing.map(|k| k.unknown.clone()).unwrap_or_default(),
        })
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CheckInField {
    Date,
    Value,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct CheckInDraft {
    pub date: String,
    pub value: String,
    pub note: String,
}

impl CheckInDraft {
    pub fn build(&self, id: ItemId) -> Result<CheckIn, Problems<CheckInField>> {
        let date = parse_date(&self.date);
        let value = number(&self.value);
        let mut problems = Vec::new();
        if date.is_none() {
            problems.push((CheckInField::Date, Text::new(Key::ErrorDateInvalid)));
        }
        if let Err(text) = &value {
            problems.push((CheckInField::Value, text.clone()));
        }
        match (date, value) {
            (Some(date), Ok(value)) => Ok(CheckIn {
                id,
                date,
                value,
                note: self.note.trim().to_owned(),
            }),
            _ => Err(problems),
        }
    }
}

/// A pace threshold as the user reads it: a percentage of the expected value ("85").
pub fn threshold_text(rate: Rate) -> String {
    // One basis point is a hundredth of a percent: ten thousandths of a unit.
    Value::from_thousandths(rate.0 * 10).grouped()
}

/// A threshold typed as a percentage ("85", "85%", "92.5").
pub fn parse_threshold(text: &str) -> Result<Rate, Text> {
    Value::parse(text)
        .map(|v| Rate(v.thousandths() / 10))
        .map_err(|e| value_error(e, text))
}

/// The parts of a manual split as typed, one per sub-period; the first
/// field that is not a number is named.
pub fn parse_parts(typed: &[String], parts: usize) -> Result<Vec<Value>, Text> {
    (0..parts)
        .map(|i| {
            let text = typed.get(i).map_or("", String::as_str);
            number(text)
        })
        .collect()
}

/// Weights as typed, "1, 1, 2", one per part.
pub fn parse_weights(text: &str, parts: usize) -> Option<Vec<u32>> {
    let weights: Vec<u32> = text
        .split([',', '，', ' ', '/'])
        .filter(|s| !s.is_empty())
        .map(|s| s.trim().parse().ok())
        .collect::<Option<_>>()?;
    (weights.len() == parts && weights.iter().any(|w| *w > 0)).then_some(weights)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::core::ids::{CountingIds, IdSource};
    use crate::domain::goals::catalogue::CATALOGUE;

    fn fields<F: Copy>(p: &Problems<F>) -> Vec<F> {
        p.iter().map(|(f, _)| *f).collect()
    }

    #[test]
    fn a_kpi_from_the_catalogue_needs_only_its_levels() {
        let cac = CATALOGUE.iter().find(|k| k.name == Key::KpiCac).unwrap();
        let mut d = KpiDraft::from_catalogue(cac, Lang::ZhCn);
        assert_eq!(d.name, "获客成本（CAC）");
        assert_eq!(d.direction, Direction::LowerIsBetter);
        assert_eq!(
            fields(&d.problems()),
            [KpiField::Baseline, KpiField::Target, KpiField::Challenge]
        );
        (d.baseline, d.target, d.challenge) = ("130".into(), "100".into(), "85".into());
        let kpi = d.build(CountingIds::default().item_id(), None).unwrap();
        assert_eq!(kpi.target, Value::from_units(100));
        assert_eq!(kpi.unit, Unit::Currency);
    }

    #[test]
    fn text_in_a_number_field_is_named_and_levels_are_explained() {
        let mut d = KpiDraft {
            name: "Leads".into(),
            ..KpiDraft::default()
        };
        (d.baseline, d.target, d.challenge) = ("2000".into(), "lots".into(), "3000".into());
        let problems = d.problems();
        assert_eq!(fields(&problems), [KpiField::Target]);
        assert_eq!(
            problems[0].1.render(Lang::En),
            "“lots” is not a number. Enter digits only, e.g. 1,200 or 12.5."
        );
        d.target = "1,500".into();
        let problems = d.problems();
        assert_eq!(fields(&problems), [KpiField::Levels]);
        assert_eq!(
            problems[0].1.render(Lang::En),
            "For higher-is-better, baseline ≤ target ≤ challenge."
        );
        d.direction = Direction::LowerIsBetter;
        assert_eq!(
            d.problems()[0].1.render(Lang::ZhCn),
            "“越低越好”的指标需要 基准值 ≥ 目标值 ≥ 挑战值。"
        );
    }

    #[test]
    fn editing_a_kpi_keeps_its_check_ins() {
        let mut ids = CountingIds::default();
        let mut d = KpiDraft {
            name: "Leads".into(),
            ..KpiDraft::default()
        };
        (d.baseline, d.target, d.challenge) = ("1".into(), "2".into(), "3".into());
        let mut kpi = d.build(ids.item_id(), None).unwrap();
        kpi.check_ins.push(
            CheckInDraft {
                date: "2027-01-05".into(),
                value: "1.5".into(),
                note: String::new(),
            }
            .build(ids.item_id())
            .unwrap(),
        );
        let mut edit = KpiDraft::of(&kpi);
        edit.name = "Qualified leads".into();
        let edited = edit.build(kpi.id, Some(&kpi)).unwrap();
        assert_eq!(edited.check_ins, kpi.check_ins);
        assert_eq!(edited.name, "Qualified leads");
    }

    #[test]
    fn check_ins_need_a_date_and_a_number() {
        let d = CheckInDraft {
            date: "".into(),
            value: "12 leads".into(),
            note: String::new(),
        };
        let Err(problems) = d.build(CountingIds::default().item_id()) else {
            panic!("refused")
        };
        assert_eq!(fields(&problems), [CheckInField::Date, CheckInField::Value]);
    }

    #[test]
    fn goals_need_a_title() {
        let mut d = GoalDraft::new(Dimension::Revenue);
        assert_eq!(fields(&d.problems()), [GoalField::Title]);
        d.title = "Revenue 2,000,000".into();
        d.due = "soon".into();
        assert_eq!(fields(&d.problems()), [GoalField::Due]);
        d.due = "2027-03-31".into();
        assert!(d.build(CountingIds::default().item_id(), None).is_ok());
    }

    #[test]
    fn thresholds_read_and_parse_as_percentages() {
        assert_eq!(threshold_text(Rate(10_000)), "100");
        assert_eq!(threshold_text(Rate(8_500)), "85");
        assert_eq!(threshold_text(Rate(9_250)), "92.5");
        assert_eq!(parse_threshold("85%"), Ok(Rate(8_500)));
        assert_eq!(parse_threshold("92.5"), Ok(Rate(9_250)));
        assert!(parse_threshold("most").is_err());
    }

    #[test]
    fn manual_parts_are_numbers_one_per_part() {
        let typed = vec!["1,000".to_owned(), "1000.5".to_owned()];
        assert_eq!(
            parse_parts(&typed, 2),
            Ok(vec![Value::from_units(1000), Value::from_thousandths(1_000_500)])
        );
        assert_eq!(
            parse_parts(&typed, 3).map_err(|t| t.render(Lang::En)),
            Err("Please enter a number.".into())
        );
        let bad = vec!["12".to_owned(), "twelve".to_owned()];
        assert!(parse_parts(&bad, 2)
            .unwrap_err()
            .render(Lang::En)
            .contains("“twelve” is not a number"));
    }

    #[test]
    fn weights_are_whole_numbers_one_per_part() {
        assert_eq!(parse_weights("1, 1, 2", 3), Some(vec![1, 1, 2]));
        assert_eq!(parse_weights("1，1，2", 3), Some(vec![1, 1, 2]));
        assert_eq!(parse_weights("1, 2", 3), None);
        assert_eq!(parse_weights("0,0,0", 3), None);
        assert_eq!(parse_weights("1,x,2", 3), None);
    }
}
