//! Numbers and dates written the way each language's readers expect.

use super::Lang;
use crate::domain::core::calendar;
use crate::domain::core::money::Money;
use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, Offset, Utc};

/// 2026年11月23日 / 23 Nov 2026.
pub fn format_date(lang: Lang, date: NaiveDate) -> String {
    match lang {
        Lang::ZhCn => format!("{}年{}月{}日", date.year(), date.month(), date.day()),
        Lang::En => format!("{} {} {}", date.day(), calendar::month_abbr(date), date.year()),
    }
}

/// 2026年11月 / November 2026: a month's heading.
pub fn format_month(lang: Lang, date: NaiveDate) -> String {
    match lang {
        Lang::ZhCn => format!("{}年{}月", date.year(), date.month()),
        Lang::En => format!("{} {}", calendar::month_name(date), date.year()),
    }
}

/// A moment in the user's local time; `offset_minutes` east of UTC comes from
/// the browser, so the domain never asks the clock.
pub fn format_datetime(lang: Lang, at: DateTime<Utc>, offset_minutes: i32) -> String {
    let offset = FixedOffset::east_opt(offset_minutes * 60).unwrap_or(Utc.fix());
    let local = at.with_timezone(&offset);
    let time = calendar::time_text(local.time());
    format!("{} {time}", format_date(lang, local.date_naive()))
}

/// Whole numbers with thousands separators (both languages group by three).
pub fn format_count(_lang: Lang, n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 {
        out.insert(0, '-');
    }
    out
}

/// An axis value, short: `1.2k`, `35M` in English, `1.2万`, `3.5亿` in
/// Chinese, which counts in ten-thousands; at most one decimal.
pub fn format_compact(lang: Lang, v: f64) -> String {
    let units: &[(f64, &str)] = match lang {
        Lang::En => &[(1e9, "B"), (1e6, "M"), (1e3, "k")],
        Lang::ZhCn => &[(1e8, "亿"), (1e4, "万")],
    };
    let (scaled, suffix) = units
        .iter()
        .find(|(size, _)| v.abs() >= *size)
        .map_or((v, ""), |(size, suffix)| (v / size, *suffix));
    let tenths = (scaled * 10.0).round() as i64;
    let whole = format_count(lang, tenths / 10);
    let sign = if tenths < 0 && tenths / 10 == 0 { "-" } else { "" };
    match (tenths % 10).abs() {
        0 => format!("{sign}{whole}{suffix}"),
        d => format!("{sign}{whole}.{d}{suffix}"),
    }
}

/// The sign written before an amount in `currency` (an ISO code).
pub fn currency_symbol(currency: &str) -> &str {
    match currency {
        "CNY" | "JPY" => "¥",
        "USD" => "$",
        "EUR" => "€",
        "GBP" => "£",
        "HKD" => "HK$",
        other => other,
    }
}

/// ¥1,234.50; with `wan`, in ten-thousands: 12.35万元 / ¥12.35 wan.
pub fn format_money(lang: Lang, currency: &str, amount: Money, wan: bool) -> String {
    let symbol = currency_symbol(currency);
    let sign = if amount.is_negative() { "-" } else { "" };
    let magnitude = Money::from_fen(amount.fen().saturating_abs());
    if !wan {
        // An unknown code stands as the symbol and needs a space: CHF 5.00.
        let sep = if symbol == currency { " " } else { "" };
        return format!("{sign}{symbol}{sep}{}", magnitude.grouped());
    }
    match (lang, currency) {
        (Lang::ZhCn, "CNY") => format!("{sign}{}万元", magnitude.wan()),
        (Lang::ZhCn, _) => format!("{sign}{symbol}{}万", magnitude.wan()),
        (Lang::En, _) => format!("{sign}{symbol}{} wan", magnitude.wan()),
    }
}

/// File sizes in KiB / MiB with one decimal: they are counted in 1,024s,
/// so they are named that way.
pub fn format_bytes(lang: Lang, bytes: u64) -> String {
    const KB: f64 = 1024.0;
    let b = bytes as f64;
    if b < KB {
        format!("{} B", format_count(lang, bytes as i64))
    } else if b < KB * KB {
        format!("{:.1} KiB", b / KB)
    } else {
        format!("{:.1} MiB", b / KB / KB)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn dates_in_both_languages() {
        let d = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
        assert_eq!(format_date(Lang::ZhCn, d), "2026年1月5日");
        assert_eq!(format_date(Lang::En, d), "5 Jan 2026");
    }

    #[test]
    fn datetimes_use_the_local_offset() {
        let at = Utc.with_ymd_and_hms(2026, 12, 31, 20, 30, 0).unwrap();
        assert_eq!(format_datetime(Lang::ZhCn, at, 8 * 60), "2027年1月1日 04:30");
        assert_eq!(format_datetime(Lang::En, at, -5 * 60), "31 Dec 2026 15:30");
    }

    #[test]
    fn counts_group_thousands() {
        assert_eq!(format_count(Lang::En, 0), "0");
        assert_eq!(format_count(Lang::En, 999), "999");
        assert_eq!(format_count(Lang::ZhCn, 5_000_000), "5,000,000");
        assert_eq!(format_count(Lang::En, -1234), "-1,234");
        assert_eq!(format_count(Lang::En, i64::MIN), "-9,223,372,036,854,775,808");
    }

    #[test]
    fn money_for_each_language_and_in_wan() {
        let m = Money::from_fen(12_345_650);
        assert_eq!(format_money(Lang::ZhCn, "CNY", m, false), "¥123,456.50");
        assert_eq!(format_money(Lang::En, "USD", m, false), "$123,456.50");
        assert_eq!(format_money(Lang::ZhCn, "CNY", m, true), "12.35万元");
        assert_eq!(format_money(Lang::En, "CNY", m, true), "¥12.35 wan");
        assert_eq!(format_money(Lang::En, "CNY", Money::from_fen(-150), false), "-¥1.50");
        assert_eq!(format_money(Lang::En, "CHF", Money::from_yuan(5), false), "CHF 5.00");
    }

    #[test]
    fn sizes() {
        assert_eq!(format_bytes(Lang::En, 512), "512 B");
        assert_eq!(format_bytes(Lang::En, 6 * 1024 * 1024 + 100), "6.0 MiB");
    }
}
