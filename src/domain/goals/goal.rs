//! Goals (市场管理目标, DOMAIN.md §3): grouped in four dimensions plus the
//! user's own, each with a SMART checklist and its KPIs.

use crate::domain::core::ids::ItemId;
use crate::domain::goals::kpi::Kpi;
use crate::domain::plan::Unknown;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The four dimensions every plan has, or one the user added.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    BrandVoice,
    Acquisition,
    Retention,
    Revenue,
    Custom(ItemId),
}

impl Dimension {
    pub const BUILT_IN: [Dimension; 4] = [Self::BrandVoice, Self::Acquisition, Self::Retention, Self::Revenue];

    /// A stable text key, for weights and form values.
    pub fn code(self) -> String {
        match self {
            Self::BrandVoice => "brand_voice".into(),
            Self::Acquisition => "acquisition".into(),
            Self::Retention => "retention".into(),
            Self::Revenue => "revenue".into(),
            Self::Custom(id) => id.to_string(),
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::BUILT_IN
            .into_iter()
            .find(|d| d.code() == code)
            .or_else(|| ItemId::parse(code).map(Self::Custom))
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CustomDimension {
    pub id: ItemId,
    pub name: String,
}

/// The SMART rule: specific, measurable, achievable, relevant, time-bound.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Smart {
    #[serde(default)]
    pub specific: bool,
    #[serde(default)]
    pub measurable: bool,
    #[serde(default)]
    pub achievable: bool,
    #[serde(default)]
    pub relevant: bool,
    #[serde(default)]
    pub time_bound: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SmartPoint {
    Specific,
    Measurable,
    Achievable,
    Relevant,
    TimeBound,
}

impl SmartPoint {
    pub const ALL: [SmartPoint; 5] = [
        Self::Specific,
        Self::Measurable,
        Self::Achievable,
        Self::Relevant,
        Self::TimeBound,
    ];
}

impl Smart {
    pub fn get(&self, point: SmartPoint) -> bool {
        match point {
            SmartPoint::Specific => self.specific,
            SmartPoint::Measurable => self.measurable,
            SmartPoint::Achievable => self.achievable,
            SmartPoint::Relevant => self.relevant,
            SmartPoint::TimeBound => self.time_bound,
        }
    }

    pub fn set(&mut self, point: SmartPoint, on: bool) {
        let slot = match point {
            SmartPoint::Specific => &mut self.specific,
            SmartPoint::Measurable => &mut self.measurable,
            SmartPoint::Achievable => &mut self.achievable,
            SmartPoint::Relevant => &mut self.relevant,
            SmartPoint::TimeBound => &mut self.time_bound,
        };
        *slot = on;
    }

    pub fn count(&self) -> usize {
        SmartPoint::ALL.iter().filter(|p| self.get(**p)).count()
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Goal {
    pub id: ItemId,
    pub dimension: Dimension,
    pub title: String,
    #[serde(default)]
    pub description: String,
    /// 策略方向: how the goal will be reached.
    #[serde(default)]
    pub strategy: String,
    /// 时间节点: when it is due.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<NaiveDate>,
    #[serde(default)]
    pub owner: String,
    #[serde(default)]
    pub smart: Smart,
    #[serde(default)]
    pub kpis: Vec<Kpi>,
    #[serde(flatten)]
    pub unknown: Unknown,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::core::ids::{CountingIds, IdSource};

    #[test]
    fn dimension_codes_round_trip() {
        let custom = Dimension::Custom(CountingIds::default().item_id());
        for d in Dimension::BUILT_IN.into_iter().chain([custom]) {
            assert_eq!(Dimension::from_code(&d.code()), Some(d));
        }
        assert_eq!(Dimension::from_code("nope"), None);
        assert_eq!(
            serde_json::to_string(&Dimension::BrandVoice).unwrap(),
            "\"brand_voice\""
        );
    }

    #[test]
    fn smart_points_count() {
        let mut s = Smart::default();
        s.set(SmartPoint::Measurable, true);
        s.set(SmartPoint::TimeBound, true);
        assert_eq!(s.count(), 2);
        assert!(s.get(SmartPoint::TimeBound));
    }
}
