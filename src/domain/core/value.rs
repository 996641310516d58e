//! KPI figures as exact decimals: an integer count of thousandths, so that
//! decompositions add back up to the whole exactly and 0.1 + 0.2 is 0.3.
//! In files they are plain JSON numbers (12.5, 2000000).

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// Why typed text is not a decimal number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TypedError {
    Empty,
    NotANumber,
}

/// A number as people type it, tidied: full-width digits and signs made
/// ASCII, spaces and commas between digit groups dropped.
pub(crate) fn tidy(text: &str) -> String {
    text.chars()
        .filter(|c| !matches!(c, ',' | '，' | ' ' | '\u{a0}' | '_'))
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '．' => '.',
            '－' | '−' => '-',
            other => other,
        })
        .collect()
}

/// A tidied number's sign, whole digits and fraction digits.
pub(crate) fn split_decimal(cleaned: &str) -> Result<(bool, &str, &str), TypedError> {
    if cleaned.is_empty() {
        return Err(TypedError::Empty);
    }
    let (negative, digits) = match cleaned.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, cleaned.strip_prefix('+').unwrap_or(cleaned)),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if (whole.is_empty() && fraction.is_empty()) || !all_digits(whole) || !all_digits(fraction) {
        return Err(TypedError::NotANumber);
    }
    Ok((negative, whole, fraction))
}

/// Thousandths in one unit.
const SCALE: i64 = 1_000;
/// Largest magnitude accepted: a thousand trillion, far beyond any KPI.
const LIMIT: i64 = 1_000_000_000_000_000;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Value(i64);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueError {
    Empty,
    NotANumber,
    /// More than three decimals.
    TooPrecise,
    TooLarge,
}

impl Value {
    pub const ZERO: Value = Value(0);

    pub fn from_units(units: i64) -> Value {
        Value(units.saturating_mul(SCALE).clamp(-LIMIT, LIMIT))
    }

    pub fn from_thousandths(thousandths: i64) -> Value {
        Value(thousandths.clamp(-LIMIT, LIMIT))
    }

    pub fn thousandths(self) -> i64 {
        self.0
    }

    pub fn as_f64(self) -> f64 {
        self.0 as f64 / SCALE as f64
    }

    /// The nearest value to `x`; None for NaN, infinities and out-of-range numbers.
    pub fn from_f64(x: f64) -> Option<Value> {
        let scaled = (x * SCALE as f64).round();
        (scaled.is_finite() && scaled.abs() <= LIMIT as f64).then_some(Value(scaled as i64))
    }

    pub fn is_positive(self) -> bool {
        self.0 > 0
    }

    /// Reads what a user typed: `1,234.5`, `-3`, `12.5%`, `２０`, with spaces
    /// or commas between digit groups.
    pub fn parse(text: &str) -> Result<Value, ValueError> {
        let cleaned = tidy(text.trim().trim_end_matches(['%', '％']));
        let (negative, whole, fraction) = split_decimal(&cleaned).map_err(|e| match e {
            TypedError::Empty => ValueError::Empty,
            TypedError::NotANumber => ValueError::NotANumber,
        })?;
        if fraction.len() > 3 {
            return Err(ValueError::TooPrecise);
        }
        let whole: i64 = if whole.is_empty() {
            0
        } else {
            whole.parse().map_err(|_| ValueError::TooLarge)?
        };
        let fraction: i64 = format!("{fraction:0<3}").parse().map_err(|_| ValueError::NotANumber)?;
        let magnitude = whole
            .checked_mul(SCALE)
            .and_then(|w| w.checked_add(fraction))
            .ok_or(ValueError::TooLarge)?;
        if magnitude > LIMIT {
            return Err(ValueError::TooLarge);
        }
        Ok(Value(if negative { -magnitude } else { magnitude }))
    }

    /// Digits with thousands separators and no trailing zeros: `1,234.5`.
    pub fn grouped(self) -> String {
        let magnitude = self.0.unsigned_abs();
        let whole = (magnitude / SCALE as u64).to_string();
        let mut out = String::new();
        for (i, c) in whole.chars().enumerate() {
            if i > 0 && (whole.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
        let fraction = magnitude % SCALE as u64;
        if fraction > 0 {
            let digits = format!("{fraction:03}");
            out.push('.');
            out.push_str(digits.trim_end_matches('0'));
        }
        if self.0 < 0 {
            out.insert(0, '-');
        }
        out
    }

    /// Rounded to `decimals` (0 to 3) places, half away from zero.
    pub fn rounded(self, decimals: u32) -> Value {
        let step = 10i64.pow(3 - decimals.min(3));
        let half = step / 2 * self.0.signum();
        Value((self.0 + half) / step * step)
    }

    pub fn checked_add(self, other: Value) -> Option<Value> {
        self.0.checked_add(other.0).filter(|v| v.abs() <= LIMIT).map(Value)
    }

    pub fn saturating_sub(self, other: Value) -> Value {
        Value(self.0.saturating_sub(other.0).clamp(-LIMIT, LIMIT))
    }

    /// The sum, saturating at the limit.
    pub fn sum<I: IntoIterator<Item = Value>>(values: I) -> Value {
        Value(
            values
                .into_iter()
                .fold(0i64, |acc, v| acc.saturating_add(v.0))
                .clamp(-LIMIT, LIMIT),
        )
    }
}

impl fmt::Display for Value {
    /// The plain decimal, as typed back into a field: `1234.5`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.grouped().replace(',', ""))
    }
}

impl Serialize for Value {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.0 % SCALE == 0 {
            s.serialize_i64(self.0 / SCALE)
        } else {
            s.serialize_f64(self.as_f64())
        }
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let x = f64::deserialize(d)?;
        Value::from_f64(x).ok_or_else(|| serde::de::Error::custom(format!("{x} is not a usable number")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(text: &str) -> Value {
        Value::parse(text).unwrap()
    }

    #[test]
    fn parses_what_people_type() {
        assert_eq!(v("1,234.5").thousandths(), 1_234_500);
        assert_eq!(v(" 12.5% ").thousandths(), 12_500);
        assert_eq!(v("-3").thousandths(), -3_000);
        assert_eq!(v("+.25").thousandths(), 250);
        assert_eq!(v("２，０００").thousandths(), 2_000_000);
        assert_eq!(v("5 000 000"), Value::from_units(5_000_000));
    }

    #[test]
    fn refuses_what_is_not_a_number() {
        assert_eq!(Value::parse(""), Err(ValueError::Empty));
        assert_eq!(Value::parse("abc"), Err(ValueError::NotANumber));
        assert_eq!(Value::parse("1.2.3"), Err(ValueError::NotANumber));
        assert_eq!(Value::parse("-"), Err(ValueError::NotANumber));
        assert_eq!(Value::parse("1e5"), Err(ValueError::NotANumber));
        assert_eq!(Value::parse("0.0001"), Err(ValueError::TooPrecise));
        assert_eq!(Value::parse("99999999999999999999"), Err(ValueError::TooLarge));
        assert_eq!(Value::parse("1000000000000001"), Err(ValueError::TooLarge));
    }

    #[test]
    fn shows_grouped_digits_without_trailing_zeros() {
        assert_eq!(v("2000000").grouped(), "2,000,000");
        assert_eq!(v("-1234.50").grouped(), "-1,234.5");
        assert_eq!(v("0.125").grouped(), "0.125");
        assert_eq!(v("1234.5").to_string(), "1234.5");
    }

    #[test]
    fn rounding_for_display() {
        assert_eq!(v("876.087").rounded(1), v("876.1"));
        assert_eq!(v("-16.85").rounded(1), v("-16.9"));
        assert_eq!(v("2.5").rounded(0), v("3"));
        assert_eq!(v("0.125").rounded(3), v("0.125"));
    }

    #[test]
    fn decimals_add_exactly() {
        assert_eq!(Value::sum([v("0.1"), v("0.2")]), v("0.3"));
    }

    #[test]
    fn json_numbers_round_trip() {
        for text in ["0", "12.5", "0.1", "-7.125", "2000000", "999999999999.999"] {
            let value = v(text);
            let json = serde_json::to_string(&value).unwrap();
            assert_eq!(serde_json::from_str::<Value>(&json).unwrap(), value, "{text} as {json}");
        }
        assert_eq!(serde_json::to_string(&v("2000000")).unwrap(), "2000000");
        assert!(serde_json::from_str::<Value>("1e300").is_err());
        assert!(serde_json::from_str::<Value>("\"12\"").is_err());
    }
}
