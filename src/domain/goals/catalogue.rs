//! The common KPIs of DOMAIN.md §3, to start a KPI from. Names and formulas
//! are texts in the i18n catalogue; this table holds what is not language.

use crate::domain::goals::kpi::{Aggregation, Direction, Unit};
use crate::i18n::Key;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CatalogueKpi {
    pub name: Key,
    pub formula: Key,
    pub unit: CatalogueUnit,
    pub direction: Direction,
    pub aggregation: Aggregation,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CatalogueUnit {
    Percent,
    Count,
    Currency,
    Points,
    Ratio,
}

impl CatalogueUnit {
    pub fn unit(self) -> Unit {
        match self {
            Self::Percent => Unit::Percent,
            Self::Count => Unit::Count,
            Self::Currency => Unit::Currency,
            Self::Points => Unit::Points,
            Self::Ratio => Unit::Ratio,
        }
    }
}

const fn entry(
    name: Key,
    formula: Key,
    unit: CatalogueUnit,
    direction: Direction,
    aggregation: Aggregation,
) -> CatalogueKpi {
    CatalogueKpi {
        name,
        formula,
        unit,
        direction,
        aggregation,
    }
}

use Aggregation::{Additive, Level};
use CatalogueUnit::*;
use Direction::{HigherIsBetter as Up, LowerIsBetter as Down};

pub const CATALOGUE: [CatalogueKpi; 24] = [
    entry(Key::KpiMarketShare, Key::KpiFormulaMarketShare, Percent, Up, Level),
    entry(Key::KpiAwareness, Key::KpiFormulaAwareness, Percent, Up, Level),
    entry(Key::KpiMentionRate, Key::KpiFormulaMentionRate, Percent, Up, Level),
    entry(Key::KpiSearchVolume, Key::KpiFormulaSearchVolume, Count, Up, Additive),
    entry(Key::KpiExposure, Key::KpiFormulaExposure, Count, Up, Additive),
    entry(
        Key::KpiQualifiedLeads,
        Key::KpiFormulaQualifiedLeads,
        Count,
        Up,
        Additive,
    ),
    entry(
        Key::KpiLeadConversion,
        Key::KpiFormulaLeadConversion,
        Percent,
        Up,
        Level,
    ),
    entry(Key::KpiCac, Key::KpiFormulaCac, Currency, Down, Level),
    entry(Key::KpiLtv, Key::KpiFormulaLtv, Currency, Up, Level),
    entry(Key::KpiLtvCac, Key::KpiFormulaLtvCac, Ratio, Up, Level),
    entry(Key::KpiRoi, Key::KpiFormulaRoi, Ratio, Up, Level),
    entry(
        Key::KpiConversionRate,
        Key::KpiFormulaConversionRate,
        Percent,
        Up,
        Level,
    ),
    entry(Key::KpiCtr, Key::KpiFormulaCtr, Percent, Up, Level),
    entry(Key::KpiCpm, Key::KpiFormulaCpm, Currency, Down, Level),
    entry(Key::KpiCpc, Key::KpiFormulaCpc, Currency, Down, Level),
    entry(Key::KpiNps, Key::KpiFormulaNps, Points, Up, Level),
    entry(Key::KpiCsat, Key::KpiFormulaCsat, Percent, Up, Level),
    entry(Key::KpiRepurchase, Key::KpiFormulaRepurchase, Percent, Up, Level),
    entry(Key::KpiChurn, Key::KpiFormulaChurn, Percent, Down, Level),
    entry(Key::KpiMau, Key::KpiFormulaMau, Count, Up, Level),
    entry(Key::KpiResponseTime, Key::KpiFormulaResponseTime, Count, Down, Level),
    entry(Key::KpiRevenue, Key::KpiFormulaRevenue, Currency, Up, Additive),
    entry(Key::KpiNewUsers, Key::KpiFormulaNewUsers, Count, Up, Additive),
    entry(Key::KpiUgc, Key::KpiFormulaUgc, Count, Up, Additive),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_catalogue_names_are_distinct_and_lower_is_better_where_the_domain_says() {
        let names: std::collections::BTreeSet<&str> = CATALOGUE.iter().map(|k| k.name.id()).collect();
        assert_eq!(names.len(), CATALOGUE.len());
        let lower: Vec<&str> = CATALOGUE
            .iter()
            .filter(|k| k.direction == Down)
            .map(|k| k.name.id())
            .collect();
        assert!(lower.contains(&Key::KpiCac.id()) && lower.contains(&Key::KpiChurn.id()));
        assert!(lower.contains(&Key::KpiResponseTime.id()));
    }
}
