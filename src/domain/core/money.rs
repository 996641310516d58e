//! Money as an integer number of fen (分, hundredths of the currency unit),
//! so that splits, reallocations and sums are exact: a budget that adds up
//! on screen adds up in the file. In files an amount is a JSON integer of fen.

use super::order::sort_by_rank;
use crate::domain::core::rate::Rate;
use crate::domain::core::value::{split_decimal, tidy, TypedError};
use serde::{Deserialize, Deserializer, Serialize};
use std::fmt;
use std::iter::Sum;
use std::ops::{Add, Sub};

/// Fen in one yuan (or cent in one dollar).
const FEN_PER_UNIT: i64 = 100;
/// Largest magnitude accepted: a hundred trillion yuan, beyond any budget,
/// and far enough from `i64::MAX` that sums of a million lines cannot overflow.
const LIMIT: i64 = 10_000_000_000_000_000;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Money(i64);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MoneyError {
    Empty,
    NotANumber,
    /// More than two decimals: there is nothing smaller than a fen.
    TooPrecise,
    TooLarge,
    Negative,
}

impl Money {
    pub const ZERO: Money = Money(0);

    pub fn from_fen(fen: i64) -> Money {
        Money(fen.clamp(-LIMIT, LIMIT))
    }

    pub fn from_yuan(yuan: i64) -> Money {
        Money::from_fen(yuan.saturating_mul(FEN_PER_UNIT))
    }

    pub fn fen(self) -> i64 {
        self.0
    }

    pub fn as_yuan_f64(self) -> f64 {
        self.0 as f64 / FEN_PER_UNIT as f64
    }

    pub fn is_negative(self) -> bool {
        self.0 < 0
    }

    pub fn is_positive(self) -> bool {
        self.0 > 0
    }

    pub fn max(self, other: Money) -> Money {
        Money(self.0.max(other.0))
    }

    pub fn min(self, other: Money) -> Money {
        Money(self.0.min(other.0))
    }

    /// `self × share`, rounded half away from zero to the fen.
    pub fn share(self, share: Rate) -> Money {
        Money::from_fen(div_round(i128::from(self.0) * i128::from(share.0), 10_000))
    }

    /// `self ÷ whole` as a share, or None when `whole` is not positive.
    pub fn rate_of(self, whole: Money) -> Option<Rate> {
        (whole.0 > 0).then(|| Rate(div_round(i128::from(self.0) * 10_000, i128::from(whole.0))))
    }

    /// `self × part ÷ whole`, rounded to the fen; zero when `whole` is 0.
    pub fn pro_rata(self, part: i64, whole: i64) -> Money {
        if whole == 0 {
            return Money::ZERO;
        }
        Money::from_fen(div_round(i128::from(self.0) * i128::from(part), i128::from(whole)))
    }

    /// Reads what a user typed: `1,234.5`, `¥ 20000`, `２０`, `12.5万`.
    /// Negative amounts are refused: spending is entered as a positive sum.
    pub fn parse(text: &str) -> Result<Money, MoneyError> {
        let mut cleaned = tidy(text.trim().trim_start_matches(['¥', '￥', '$', '€', '£']));
        for suffix in ["元", "yuan", "CNY"] {
            if let Some(rest) = cleaned.strip_suffix(suffix) {
                cleaned = rest.to_owned();
            }
        }
        let (cleaned, scale) = match cleaned.strip_suffix('万') {
            Some(rest) => (rest.to_owned(), 10_000),
            None => (cleaned, 1),
        };
        let (negative, whole, fraction) = split_decimal(&cleaned).map_err(|e| match e {
            TypedError::Empty => MoneyError::Empty,
            TypedError::NotANumber => MoneyError::NotANumber,
        })?;
        // With 万 the amount is in ten-thousands, so four more decimals are fine.
        let decimals = if scale == 1 { 2 } else { 6 };
        if fraction.len() > decimals {
            return Err(MoneyError::TooPrecise);
        }
        let whole: i128 = if whole.is_empty() {
            0
        } else {
            whole.parse().map_err(|_| MoneyError::TooLarge)?
        };
        let fraction_scaled: i128 = format!("{fraction:0<width$}", width = decimals)
            .parse()
            .map_err(|_| MoneyError::NotANumber)?;
        let fen = if scale == 1 {
            whole * 100 + fraction_scaled
        } else {
            whole * 1_000_000 + fraction_scaled
        };
        if fen > i128::from(LIMIT) {
            return Err(MoneyError::TooLarge);
        }
        if negative && fen > 0 {
            return Err(MoneyError::Negative);
        }
        Ok(Money(fen as i64))
    }

    /// Digits with thousands separators and always two decimals: `1,234.50`.
    pub fn grouped(self) -> String {
        let magnitude = self.0.unsigned_abs();
        let mut out = group(magnitude / FEN_PER_UNIT as u64);
        out.push_str(&format!(".{:02}", magnitude % FEN_PER_UNIT as u64));
        if self.0 < 0 {
            out.insert(0, '-');
        }
        out
    }

    /// In ten-thousands (万) with up to two decimals: `12.35` for ¥123,456.
    pub fn wan(self) -> String {
        let hundredths_of_wan = div_round(i128::from(self.0), 10_000);
        let magnitude = hundredths_of_wan.unsigned_abs();
        let mut out = group(magnitude / 100);
        let decimals = magnitude % 100;
        if decimals > 0 {
            out.push_str(format!(".{decimals:02}").trim_end_matches('0'));
        }
        if hundredths_of_wan < 0 {
            out.insert(0, '-');
        }
        out
    }

    /// What to put in a form field: `1234.5` style, no separators, so that
    /// the field reads back to the same amount.
    pub fn input_text(self) -> String {
        let magnitude = self.0.unsigned_abs();
        let (whole, fen) = (magnitude / 100, magnitude % 100);
        let sign = if self.0 < 0 { "-" } else { "" };
        if fen == 0 {
            format!("{sign}{whole}")
        } else {
            format!("{sign}{whole}.{}", format!("{fen:02}").trim_end_matches('0'))
        }
    }
}

fn group(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `a ÷ b` rounded half away from zero, clamped into an i64.
fn div_round(a: i128, b: i128) -> i64 {
    if b == 0 {
        return 0;
    }
    let (q, r) = (a / b, a % b);
    let q = if 2 * r.abs() >= b.abs() {
        q + a.signum() * b.signum()
    } else {
        q
    };
    q.clamp(i128::from(i64::MIN), i128::from(i64::MAX)) as i64
}

impl Add for Money {
    type Output = Money;
    fn add(self, other: Money) -> Money {
        Money::from_fen(self.0.saturating_add(other.0))
    }
}

impl Sub for Money {
    type Output = Money;
    fn sub(self, other: Money) -> Money {
        Money::from_fen(self.0.saturating_sub(other.0))
    }
}

impl Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        iter.fold(Money::ZERO, Add::add)
    }
}

impl<'a> Sum<&'a Money> for Money {
    fn sum<I: Iterator<Item = &'a Money>>(iter: I) -> Money {
        iter.copied().sum()
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.grouped())
    }
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let fen = i64::deserialize(d)?;
        if fen.abs() > LIMIT {
            return Err(serde::de::Error::custom(format!("amount out of range: {fen} fen")));
        }
        Ok(Money(fen))
    }
}

/// Splits `total` into parts proportional to `weights`, exactly: the parts
/// add up to `total` to the fen (largest remainders get the odd fen).
/// All-zero or empty weights give nothing to anyone.
pub fn apportion(total: Money, weights: &[u64]) -> Vec<Money> {
    let sum: u128 = weights.iter().map(|w| u128::from(*w)).sum();
    if sum == 0 || total.0 <= 0 {
        return vec![Money::ZERO; weights.len()];
    }
    let t = total.0 as u128;
    let mut parts: Vec<(usize, i64, u128)> = weights
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let exact = t * u128::from(*w);
            (i, (exact / sum) as i64, exact % sum)
        })
        .collect();
    let given: i64 = parts.iter().map(|p| p.1).sum();
    let mut left = total.0 - given;
    let mut by_remainder: Vec<usize> = (0..parts.len()).collect();
    // Largest remainder first; a remainder is below the sum of the weights.
    sort_by_rank(&mut by_remainder, |&i| {
        (-i64::try_from(parts[i].2).unwrap_or(i64::MAX), 0)
    });
    for i in by_remainder {
        if left == 0 {
            break;
        }
        parts[i].1 += 1;
        left -= 1;
    }
    parts.into_iter().map(|p| Money(p.1)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn parses_what_people_type() {
        assert_eq!(Money::parse("1,234.5"), Ok(Money(123_450)));
        assert_eq!(Money::parse(" ¥20000 "), Ok(Money(2_000_000)));
        assert_eq!(Money::parse("２０元"), Ok(Money(2_000)));
        assert_eq!(Money::parse("12.5万"), Ok(Money(12_500_000)));
        assert_eq!(Money::parse("0.01"), Ok(Money(1)));
        assert_eq!(Money::parse(""), Err(MoneyError::Empty));
        assert_eq!(Money::parse("abc"), Err(MoneyError::NotANumber));
        assert_eq!(Money::parse("1.2.3"), Err(MoneyError::NotANumber));
        assert_eq!(Money::parse("1.234"), Err(MoneyError::TooPrecise));
        assert_eq!(Money::parse("-5"), Err(MoneyError::Negative));
        assert_eq!(Money::parse("-0"), Ok(Money::ZERO));
        assert_eq!(Money::parse("99999999999999999999"), Err(MoneyError::TooLarge));
    }

    #[test]
    fn formats_with_separators_and_in_wan() {
        assert_eq!(Money(123_450).grouped(), "1,234.50");
        assert_eq!(Money(-5).grouped(), "-0.05");
        assert_eq!(Money::from_yuan(123_456).wan(), "12.35");
        assert_eq!(Money::from_yuan(1_000_000).wan(), "100");
        assert_eq!(Money::from_yuan(15_000).wan(), "1.5");
        assert_eq!(Money(123_450).input_text(), "1234.5");
        assert_eq!(Money::parse(&Money(123_456).input_text()), Ok(Money(123_456)));
    }

    #[test]
    fn shares_and_rates_round_to_the_fen() {
        assert_eq!(Money::from_yuan(1_000).share(Rate(1_250)), Money::from_yuan(125));
        assert_eq!(Money(1).share(Rate(5_000)), Money(1));
        assert_eq!(Money::from_yuan(60).rate_of(Money::from_yuan(100)), Some(Rate(6_000)));
        assert_eq!(Money::from_yuan(60).rate_of(Money::ZERO), None);
        assert_eq!(Money(100).pro_rata(1, 3), Money(33));
        assert_eq!(Money(100).pro_rata(1, 0), Money::ZERO);
    }

    #[test]
    fn apportion_gives_the_odd_fen_to_the_largest_remainders() {
        assert_eq!(apportion(Money(100), &[1, 1, 1]), vec![Money(34), Money(33), Money(33)]);
        assert_eq!(apportion(Money(100), &[0, 0]), vec![Money::ZERO, Money::ZERO]);
        assert_eq!(apportion(Money(10), &[3, 1]), vec![Money(8), Money(2)]);
    }

    proptest! {
        #[test]
        fn apportion_is_exact(total in 0i64..1_000_000_000_000, weights in prop::collection::vec(0u64..1_000_000, 1..20)) {
            let parts = apportion(Money(total), &weights);
            let sum: Money = parts.iter().sum();
            if weights.iter().any(|w| *w > 0) {
                prop_assert_eq!(sum, Money(total));
            }
            prop_assert!(parts.iter().all(|p| p.0 >= 0));
        }

        #[test]
        fn parse_never_panics(text in ".{0,40}") {
            let _ = Money::parse(&text);
        }

        #[test]
        fn input_text_reads_back(fen in 0i64..LIMIT) {
            prop_assert_eq!(Money::parse(&Money(fen).input_text()), Ok(Money(fen)));
        }
    }
}
