//! The geometry of a KPI's chart: check-ins over the plan period against its
//! baseline, target, challenge and pace lines. Pure numbers; the component
//! only draws them as SVG.

use crate::app::svg::{short, Svg, SvgDoc};
use crate::domain::core::period::Period;
use crate::domain::core::value::Value;
use crate::domain::goals::dashboard::value_range;
use crate::domain::goals::kpi::Kpi;
use chrono::{Duration, NaiveDate};

pub const WIDTH: f64 = 320.0;
pub const HEIGHT: f64 = 120.0;
const PAD: f64 = 8.0;

#[derive(Clone, Debug, PartialEq)]
pub struct ChartGeometry {
    pub baseline_y: f64,
    pub target_y: f64,
    pub challenge_y: f64,
    /// The pace line, from the period's start to its end.
    pub pace: Vec<(f64, f64)>,
    pub actual: Vec<(f64, f64)>,
    /// Where today falls, if inside the period.
    pub today_x: Option<f64>,
}

pub fn geometry(kpi: &Kpi, period: &Period, today: NaiveDate) -> ChartGeometry {
    let history = kpi.history(period);
    let (lo, hi) = value_range(kpi, &history);
    let (lo, hi) = (lo.as_f64(), hi.as_f64());
    let span = if hi > lo { hi - lo } else { 1.0 };
    let days = (period.days() - 1).max(1) as f64;
    let x = |day: NaiveDate| PAD + (day - period.start).num_days() as f64 / days * (WIDTH - 2.0 * PAD);
    let y = |v: Value| HEIGHT - PAD - (v.as_f64() - lo) / span * (HEIGHT - 2.0 * PAD);
    // About thirty points make any pace line, even a stepped one, smooth enough.
    let step = (period.days() / 30).max(1);
    let mut pace = Vec::new();
    let mut day = period.start;
    while day <= period.end {
        if let Some(expected) = kpi.expected_on(period, day) {
            pace.push((round(x(day)), round(y(expected))));
        }
        day += Duration::days(step);
    }
    if let Some(end) = kpi.expected_on(period, period.end) {
        pace.push((round(x(period.end)), round(y(end))));
    }
    ChartGeometry {
        baseline_y: round(y(kpi.baseline)),
        target_y: round(y(kpi.target)),
        challenge_y: round(y(kpi.challenge)),
        pace,
        actual: history.iter().map(|c| (round(x(c.date)), round(y(c.value)))).collect(),
        today_x: period.contains(today).then(|| round(x(today))),
    }
}

fn round(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

/// Labels drawn inside a chart, in the user's language.
pub struct ChartLabels<'a> {
    pub baseline: &'a str,
    pub target: &'a str,
    pub challenge: &'a str,
}

/// The chart as a standalone SVG document. Drawn as one `<img>`, it costs the
/// page one element instead of a dozen per KPI: on a 300-KPI dashboard that
/// is most of the rendering time.
pub fn svg(g: &ChartGeometry, labels: &ChartLabels) -> SvgDoc {
    let mut out = Svg::plain(WIDTH, HEIGHT, &[("font-family", "sans-serif".into())]);
    let right = WIDTH - PAD;
    for (y, colour, dash, label) in [
        (g.challenge_y, "#7a5af8", "2 4", labels.challenge),
        (g.target_y, "#1b7f4b", "5 3", labels.target),
        (g.baseline_y, "#98a2b3", "3 3", labels.baseline),
    ] {
        out.empty(
            "line",
            &[
                ("x1", short(PAD)),
                ("x2", short(right)),
                ("y1", short(y)),
                ("y2", short(y)),
                ("stroke", colour.into()),
                ("stroke-dasharray", dash.into()),
            ],
        );
        out.text(
            "text",
            &[
                ("x", short(right - 2.0)),
                ("y", short(y - 2.0)),
                ("font-size", "9".into()),
                ("fill", "#5a6572".into()),
                ("text-anchor", "end".into()),
            ],
            label,
        );
    }
    if let Some(x) = g.today_x {
        out.empty(
            "line",
            &[
                ("x1", short(x)),
                ("x2", short(x)),
                ("y1", "4".into()),
                ("y2", short(HEIGHT - 4.0)),
                ("stroke", "#d0d5dd".into()),
            ],
        );
    }
    out.empty(
        "polyline",
        &[
            ("points", points(&g.pace).into()),
            ("fill", "none".into()),
            ("stroke", "#f79009".into()),
            ("stroke-width", "1.5".into()),
        ],
    );
    out.empty(
        "polyline",
        &[
            ("points", points(&g.actual).into()),
            ("fill", "none".into()),
            ("stroke", "#1f4e79".into()),
            ("stroke-width", "2".into()),
            ("stroke-linejoin", "round".into()),
        ],
    );
    if let Some(&(x, y)) = g.actual.last() {
        out.empty(
            "circle",
            &[
                ("cx", short(x)),
                ("cy", short(y)),
                ("r", "3".into()),
                ("fill", "#1f4e79".into()),
            ],
        );
    }
    out.finish()
}

/// An SVG document as a `data:` URL for an `<img src>`.
pub fn data_url(svg: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(svg.len() * 3 / 2 + 40);
    out.push_str("data:image/svg+xml;charset=utf-8,");
    for byte in svg.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b' ' | b'=' | b':' | b'/' | b',' => {
                out.push(byte as char)
            }
            _ => {
                out.push('%');
                out.push(HEX[usize::from(byte >> 4)] as char);
                out.push(HEX[usize::from(byte & 0xF)] as char);
            }
        }
    }
    out
}

/// `x,y x,y …` for an SVG polyline.
pub fn points(list: &[(f64, f64)]) -> String {
    list.iter()
        .map(|(x, y)| format!("{x},{y}"))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::core::ids::{CountingIds, IdSource};
    use crate::domain::core::period::PeriodKind;
    use crate::domain::goals::kpi::{Aggregation, CheckIn, Direction, Unit};

    #[test]
    fn lines_sit_where_their_values_are() {
        let start = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
        let period = Period::starting_from(PeriodKind::Quarter, start);
        let mut kpi = Kpi {
            id: CountingIds::default().item_id(),
            name: "Leads".into(),
            unit: Unit::Count,
            direction: Direction::HigherIsBetter,
            aggregation: Aggregation::Additive,
            baseline: Value::from_units(0),
            target: Value::from_units(100),
            challenge: Value::from_units(200),
            check_ins: Vec::new(),
            decomposition: None,
            unknown: Default::default(),
        };
        let mid = start + Duration::days(44);
        kpi.check_ins.push(CheckIn {
            id: CountingIds(9).item_id(),
            date: mid,
            value: Value::from_units(100),
            note: String::new(),
        });
        let g = geometry(&kpi, &period, mid);
        // Values 0..200 map to y 112..8.
        assert_eq!((g.baseline_y, g.target_y, g.challenge_y), (112.0, 60.0, 8.0));
        // Day 44 of a 90-day quarter: 8 + 44/89 × 304.
        assert_eq!(g.actual, vec![(158.3, 60.0)]);
        assert_eq!(g.today_x, Some(158.3));
        assert_eq!(
            *g.pace.last().unwrap(),
            (312.0, 60.0),
            "the pace line ends at the target"
        );
        assert_eq!(points(&g.actual), "158.3,60");

        let labels = ChartLabels {
            baseline: "基准",
            target: "<Target>",
            challenge: "Challenge & more",
        };
        let doc = svg(&g, &labels);
        assert!(doc.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(doc.contains(">&lt;Target&gt;</text>") && doc.contains("Challenge &amp; more"));
        assert!(doc.contains(r#"<circle cx="158.3" cy="60""#));
        let url = data_url(&doc);
        assert!(url.starts_with("data:image/svg+xml;charset=utf-8,%3Csvg"));
        assert!(
            url.contains("%E5%9F%BA%E5%87%86"),
            "Chinese labels are percent-encoded UTF-8"
        );
        assert!(!url.contains('#') && !url.contains('<') && !url.contains('"'));
    }
}
