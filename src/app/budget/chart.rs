//! The budget's charts as SVG text: a split's intended and actual shares as
//! paired bars, and planned against actual spending month by month. Labels
//! are escaped; sizes are fixed so the charts print the same as on screen.

use crate::app::goals::chart::escape;
use crate::domain::budget::SplitView;

/// One bar pair's label and the two values.
pub struct Pair {
    pub label: String,
    pub first: f64,
    pub second: f64,
}

/// Horizontal bars: for each value, intended (outlined) above actual
/// (filled), on a 0-100% scale. `title` is the chart's accessible name.
pub fn split_bars(view: &SplitView, labels: &[String], legend: (&str, &str), title: &str) -> String {
    const WIDTH: f64 = 360.0;
    const LABEL: f64 = 110.0;
    const ROW: f64 = 30.0;
    let bar = WIDTH - LABEL - 50.0;
    let height = 28.0 + ROW * view.rows.len() as f64;
    let mut out = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="split-chart" width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" role="img" aria-label="{}">"#,
        escape(title)
    );
    out.push_str(&format!(
        r#"<rect x="{LABEL}" y="4" width="10" height="8" class="bar-intended"/><text x="{}" y="12" class="legend">{}</text><rect x="{}" y="4" width="10" height="8" class="bar-actual"/><text x="{}" y="12" class="legend">{}</text>"#,
        LABEL + 14.0,
        escape(legend.0),
        LABEL + 90.0,
        LABEL + 104.0,
        escape(legend.1)
    ));
    for (i, (row, label)) in view.rows.iter().zip(labels).enumerate() {
        let y = 24.0 + ROW * i as f64;
        let intended = (row.intended.0 as f64 / 10_000.0).clamp(0.0, 1.0) * bar;
        let actual = row
            .actual
            .map_or(0.0, |a| (a.0 as f64 / 10_000.0).clamp(0.0, 1.0) * bar);
        let actual_text = row.actual.map_or_else(|| "—".to_owned(), |a| a.percent_text());
        out.push_str(&format!(
            r#"<text x="{}" y="{}" class="axis-label" text-anchor="end">{}</text><rect x="{LABEL}" y="{y}" width="{intended:.1}" height="9" class="bar-intended"/><rect x="{LABEL}" y="{}" width="{actual:.1}" height="9" class="bar-actual"/><text x="{}" y="{}" class="value-label">{}</text>"#,
            LABEL - 6.0,
            y + 14.0,
            escape(label),
            y + 11.0,
            LABEL + bar + 4.0,
            y + 19.0,
            escape(&actual_text)
        ));
    }
    out.push_str("</svg>");
    out
}

/// Vertical bar pairs per month: planned (outlined) and actual (filled,
/// marked when over the plan).
pub fn monthly_bars(months: &[Pair], legend: (&str, &str), title: &str) -> String {
    const HEIGHT: f64 = 180.0;
    const BASE: f64 = 150.0;
    let slot = 64.0;
    let width = 40.0 + slot * months.len().max(1) as f64;
    let top = months
        .iter()
        .map(|m| m.first.max(m.second))
        .fold(0.0_f64, f64::max)
        .max(1.0);
    let scale = (BASE - 24.0) / top;
    let mut out = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="month-chart" width="{width}" height="{HEIGHT}" viewBox="0 0 {width} {HEIGHT}" role="img" aria-label="{}">"#,
        escape(title)
    );
    out.push_str(&format!(
        r#"<rect x="40" y="4" width="10" height="8" class="bar-intended"/><text x="54" y="12" class="legend">{}</text><rect x="130" y="4" width="10" height="8" class="bar-actual"/><text x="144" y="12" class="legend">{}</text><line x1="30" y1="{BASE}" x2="{}" y2="{BASE}" class="axis"/>"#,
        escape(legend.0),
        escape(legend.1),
        width - 4.0
    ));
    for (i, m) in months.iter().enumerate() {
        let x = 40.0 + slot * i as f64;
        let (hp, ha) = (m.first * scale, m.second * scale);
        let over = if m.second > m.first { " over" } else { "" };
        out.push_str(&format!(
            r#"<rect x="{x}" y="{:.1}" width="20" height="{hp:.1}" class="bar-intended"/><rect x="{}" y="{:.1}" width="20" height="{ha:.1}" class="bar-actual{over}"/><text x="{}" y="{}" class="axis-label" text-anchor="middle">{}</text>"#,
            BASE - hp,
            x + 22.0,
            BASE - ha,
            x + 21.0,
            BASE + 16.0,
            escape(&m.label)
        ));
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::budget::{Axis, Budget};

    #[test]
    fn split_bars_are_scaled_to_the_share_and_escape_labels() {
        let view = Budget::default().split(Axis::Reach);
        let svg = split_bars(
            &view,
            &["<b>".into(), "Offline".into()],
            ("Intended", "Actual"),
            "Split",
        );
        // 60% of the 200-unit bar.
        assert!(
            svg.contains(r#"width="120.0" height="9" class="bar-intended""#),
            "{svg}"
        );
        assert!(svg.contains("&lt;b&gt;") && !svg.contains("<b>"));
        assert!(svg.contains(">—<"), "no lines: no actual share");
    }

    #[test]
    fn monthly_bars_mark_overspending() {
        let months = [
            Pair {
                label: "10".into(),
                first: 100.0,
                second: 50.0,
            },
            Pair {
                label: "11".into(),
                first: 100.0,
                second: 120.0,
            },
        ];
        let svg = monthly_bars(&months, ("Planned", "Actual"), "By month");
        assert_eq!(svg.matches("bar-actual over").count(), 1);
        assert_eq!(svg.matches("class=\"bar-intended\"").count(), 3, "legend + two months");
    }
}
