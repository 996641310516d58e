//! The budget's charts as SVG text: a split's intended and actual shares as
//! paired bars, and planned against actual spending month by month. Labels
//! are escaped; sizes are fixed so the charts print the same as on screen.

use crate::app::svg::{short, Svg, SvgDoc};
use crate::domain::budget::SplitView;

/// One bar pair's label and the two values.
pub struct Pair {
    pub label: String,
    pub first: f64,
    pub second: f64,
}

/// Horizontal bars: for each value, intended (outlined) above actual
/// (filled), on a 0-100% scale. `title` is the chart's accessible name.
pub fn split_bars(view: &SplitView, labels: &[String], legend: (&str, &str), title: &str) -> SvgDoc {
    const WIDTH: f64 = 360.0;
    const LABEL: f64 = 110.0;
    const ROW: f64 = 30.0;
    let bar = WIDTH - LABEL - 50.0;
    let height = 28.0 + ROW * view.rows.len() as f64;
    let mut out = chart_svg("split-chart", WIDTH, height, title);
    legend_keys(&mut out, LABEL, LABEL + 90.0, legend);
    for (i, (row, label)) in view.rows.iter().zip(labels).enumerate() {
        let y = 24.0 + ROW * i as f64;
        let intended = (row.intended.0 as f64 / 10_000.0).clamp(0.0, 1.0) * bar;
        let actual = row
            .actual
            .map_or(0.0, |a| (a.0 as f64 / 10_000.0).clamp(0.0, 1.0) * bar);
        let actual_text = row.actual.map_or_else(|| "—".to_owned(), |a| a.percent_text());
        out.text(
            "text",
            &[
                ("x", short(LABEL - 6.0)),
                ("y", short(y + 14.0)),
                ("class", "axis-label".into()),
                ("text-anchor", "end".into()),
            ],
            label,
        );
        for (y, w, class) in [(y, intended, "bar-intended"), (y + 11.0, actual, "bar-actual")] {
            out.empty(
                "rect",
                &[
                    ("x", short(LABEL)),
                    ("y", short(y)),
                    ("width", w.into()),
                    ("height", "9".into()),
                    ("class", class.into()),
                ],
            );
        }
        out.text(
            "text",
            &[
                ("x", short(LABEL + bar + 4.0)),
                ("y", short(y + 19.0)),
                ("class", "value-label".into()),
            ],
            &actual_text,
        );
    }
    out.finish()
}

/// Vertical bar pairs per month: planned (outlined) and actual (filled,
/// marked when over the plan).
pub fn monthly_bars(months: &[Pair], legend: (&str, &str), title: &str) -> SvgDoc {
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
    let mut out = chart_svg("month-chart", width, HEIGHT, title);
    legend_keys(&mut out, 40.0, 130.0, legend);
    out.empty(
        "line",
        &[
            ("x1", "30".into()),
            ("y1", short(BASE)),
            ("x2", short(width - 4.0)),
            ("y2", short(BASE)),
            ("class", "axis".into()),
        ],
    );
    for (i, m) in months.iter().enumerate() {
        let x = 40.0 + slot * i as f64;
        let (hp, ha) = (m.first * scale, m.second * scale);
        let over = if m.second > m.first {
            "bar-actual over"
        } else {
            "bar-actual"
        };
        for (x, h, class) in [(x, hp, "bar-intended"), (x + 22.0, ha, over)] {
            out.empty(
                "rect",
                &[
                    ("x", short(x)),
                    ("y", (BASE - h).into()),
                    ("width", "20".into()),
                    ("height", h.into()),
                    ("class", class.into()),
                ],
            );
        }
        out.text(
            "text",
            &[
                ("x", short(x + 21.0)),
                ("y", short(BASE + 16.0)),
                ("class", "axis-label".into()),
                ("text-anchor", "middle".into()),
            ],
            &m.label,
        );
    }
    out.finish()
}

/// A chart drawn inline at its own size, named for screen readers.
fn chart_svg(class: &str, width: f64, height: f64, title: &str) -> Svg {
    Svg::plain(
        width,
        height,
        &[
            ("class", class.into()),
            ("width", short(width)),
            ("height", short(height)),
            ("role", "img".into()),
            ("aria-label", title.into()),
        ],
    )
}

/// The two colour keys of a paired bar chart, at `first_x` and `second_x`.
fn legend_keys(out: &mut Svg, first_x: f64, second_x: f64, (first, second): (&str, &str)) {
    for (x, class, text) in [(first_x, "bar-intended", first), (second_x, "bar-actual", second)] {
        out.empty(
            "rect",
            &[
                ("x", short(x)),
                ("y", "4".into()),
                ("width", "10".into()),
                ("height", "8".into()),
                ("class", class.into()),
            ],
        );
        out.text(
            "text",
            &[("x", short(x + 14.0)), ("y", "12".into()), ("class", "legend".into())],
            text,
        );
    }
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
