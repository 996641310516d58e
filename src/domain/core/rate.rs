//! Shares and rates in basis points (10,000 is 100%), so that 60% and 0.6
//! are never confused and splits add up exactly.

use super::value::Value;
use serde::{Deserialize, Serialize};

/// A share in basis points: 10,000 is 100%.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Rate(pub i64);

impl Rate {
    pub const FULL: Rate = Rate(10_000);

    /// `a / b`, or None when `b` is not positive.
    pub fn of(a: Value, b: Value) -> Option<Rate> {
        if !b.is_positive() {
            return None;
        }
        let ratio = a.thousandths() as f64 / b.thousandths() as f64 * 10_000.0;
        Some(Rate(ratio.round().clamp(-1e9, 1e9) as i64))
    }

    /// As a percentage with one decimal: `90.0%`.
    pub fn percent_text(self) -> String {
        let tenths = (self.0 as f64 / 10.0).round() as i64;
        let sign = if tenths < 0 { "-" } else { "" };
        format!("{sign}{}.{}%", (tenths.abs() / 10), tenths.abs() % 10)
    }

    pub fn capped(self) -> Rate {
        Rate(self.0.clamp(0, Self::FULL.0))
    }
}
