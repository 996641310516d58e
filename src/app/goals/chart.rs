//! The view model of a KPI's chart: check-ins over the plan period against
//! its baseline, target, challenge and pace lines, with a value axis, a date
//! axis, labelled levels and a legend. Pure numbers and texts; the SVG
//! writer below and the component only draw them.

use crate::app::svg::{short, Svg, SvgDoc};
use crate::domain::core::calendar;
use crate::domain::core::period::Period;
use crate::domain::core::value::Value;
use crate::domain::goals::kpi::{Kpi, Unit};
use crate::i18n::{format_compact, Lang};
use chrono::{Datelike, Duration, NaiveDate};

pub const WIDTH: f64 = 360.0;
pub const HEIGHT: f64 = 190.0;
/// The plot area inside the box: value ticks on the left, level names on
/// the right, dates and the legend below.
const LEFT: f64 = 46.0;
const RIGHT: f64 = WIDTH - 70.0;
const TOP: f64 = 10.0;
const BOTTOM: f64 = HEIGHT - 42.0;
/// A level name's line height: names closer than this would overlap.
pub const LABEL_GAP: f64 = 11.0;

/// One tick of an axis: where, and what it reads.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    pub at: f64,
    pub label: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LevelKind {
    Baseline,
    Target,
    Challenge,
}

/// A level's line across the plot and where its name is written.
#[derive(Clone, Debug, PartialEq)]
pub struct LevelLine {
    pub kind: LevelKind,
    pub y: f64,
    /// The name's baseline, moved off its neighbours when levels are close.
    pub label_y: f64,
}

/// A check-in on the chart, with what its tooltip says.
#[derive(Clone, Debug, PartialEq)]
pub struct Point {
    pub x: f64,
    pub y: f64,
    pub date: NaiveDate,
    pub value: Value,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ChartGeometry {
    pub y_ticks: Vec<Tick>,
    pub x_ticks: Vec<Tick>,
    pub levels: Vec<LevelLine>,
    /// The pace line, from the period's start to its end.
    pub pace: Vec<(f64, f64)>,
    pub actual: Vec<Point>,
    /// Where today falls, if inside the period.
    pub today_x: Option<f64>,
}

impl ChartGeometry {
    pub fn level(&self, kind: LevelKind) -> Option<&LevelLine> {
        self.levels.iter().find(|l| l.kind == kind)
    }
}

/// A step of 1, 2, 2.5 or 5 × 10ⁿ that cuts `span` into about four parts.
fn nice_step(span: f64) -> f64 {
    let rough = span / 4.0;
    if !(rough.is_finite() && rough > 0.0) {
        return 1.0;
    }
    // The power of ten at or below `rough`, by steps rather than log10 and
    // powf, which would bring a maths library into the download.
    let mut power = 1.0;
    while power > rough {
        power /= 10.0;
    }
    while power * 10.0 <= rough {
        power *= 10.0;
    }
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .map(|m| m * power)
        .find(|s| *s >= rough)
        .unwrap_or(10.0 * power);
    if step > 0.0 && step.is_finite() {
        step
    } else {
        1.0
    }
}

/// The value axis: from a round number at or below the smallest value to
/// one at or above the largest. It does not start at zero on purpose: a
/// cost per lead that falls from 120 to 80 would use a third of the box.
pub fn value_scale(values: impl IntoIterator<Item = f64>) -> (f64, f64, f64) {
    let (mut lo, mut hi) = values
        .into_iter()
        .filter(|v| v.is_finite())
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| (lo.min(v), hi.max(v)));
    if !lo.is_finite() {
        (lo, hi) = (0.0, 1.0);
    }
    if hi - lo < 1e-9 {
        let pad = if lo.abs() > 1.0 { lo.abs() * 0.1 } else { 1.0 };
        (lo, hi) = (lo - pad, hi + pad);
    }
    let step = nice_step(hi - lo);
    let lo = (lo / step).floor() * step;
    let hi = (hi / step).ceil() * step;
    (lo, hi, step)
}

/// Moves labels wanted at `wanted` (any order) so that no two are closer
/// than `gap`, each as near its wish as the others allow, all inside
/// `top..=bottom` when they fit there.
pub fn spread(wanted: &[f64], gap: f64, top: f64, bottom: f64) -> Vec<f64> {
    // A chart has three labels: an insertion sort, not another copy of
    // the standard library's sort in the download.
    let mut order: Vec<usize> = Vec::with_capacity(wanted.len());
    for i in 0..wanted.len() {
        let at = order.iter().position(|j| wanted[*j] > wanted[i]).unwrap_or(order.len());
        order.insert(at, i);
    }
    let mut placed: Vec<f64> = order.iter().map(|i| wanted[*i]).collect();
    // Down from the top: each at least a gap below the one above.
    for i in 0..placed.len() {
        let floor = if i == 0 { top } else { placed[i - 1] + gap };
        placed[i] = placed[i].max(floor);
    }
    // Up from the bottom if the last went past it, keeping the gaps.
    if let Some(last) = placed.last().copied() {
        if last > bottom {
            let n = placed.len();
            placed[n - 1] = bottom;
            for i in (0..n - 1).rev() {
                placed[i] = placed[i].min(placed[i + 1] - gap);
            }
        }
    }
    let mut out = vec![0.0; wanted.len()];
    for (slot, i) in order.into_iter().enumerate() {
        out[i] = round(placed[slot]);
    }
    out
}

/// Dates along the period: weeks for a month or less, else months (every
/// second or third month for long periods).
fn date_ticks(period: &Period, lang: Lang, x: impl Fn(NaiveDate) -> f64) -> Vec<Tick> {
    let days = period.days();
    let mut out = Vec::new();
    if days <= 45 {
        let mut day = period.start;
        while day <= period.end {
            let label = match lang {
                Lang::En => format!("{} {}", calendar::month_abbr(day), day.day()),
                Lang::ZhCn => format!("{}/{}", day.month(), day.day()),
            };
            out.push(Tick {
                at: round(x(day)),
                label,
            });
            day += Duration::days(7);
        }
        return out;
    }
    let every = match days {
        0..=200 => 1,
        201..=400 => 2,
        _ => 3,
    };
    for (n, month) in calendar::months_between(period.start, period.end)
        .into_iter()
        .enumerate()
    {
        if month >= period.start && n % every == 0 {
            let label = match lang {
                Lang::En => calendar::month_abbr(month).to_owned(),
                Lang::ZhCn => format!("{}月", month.month()),
            };
            out.push(Tick {
                at: round(x(month)),
                label,
            });
        }
    }
    out
}

pub fn geometry(kpi: &Kpi, period: &Period, today: NaiveDate, lang: Lang) -> ChartGeometry {
    let history = kpi.history(period);
    // About thirty points make any pace line, even a stepped one, smooth enough.
    let step = (period.days() / 30).max(1);
    let mut expected = Vec::new();
    let mut day = period.start;
    while day <= period.end {
        if let Some(v) = kpi.expected_on(period, day) {
            expected.push((day, v));
        }
        day += Duration::days(step);
    }
    if let Some(end) = kpi.expected_on(period, period.end) {
        expected.push((period.end, end));
    }
    let (lo, hi, tick) = value_scale(
        [kpi.baseline, kpi.target, kpi.challenge]
            .into_iter()
            .chain(history.iter().map(|c| c.value))
            .chain(expected.iter().map(|(_, v)| *v))
            .map(Value::as_f64),
    );
    let days = (period.days() - 1).max(1) as f64;
    let x = |day: NaiveDate| LEFT + (day - period.start).num_days() as f64 / days * (RIGHT - LEFT);
    let y_of = |v: f64| BOTTOM - (v - lo) / (hi - lo) * (BOTTOM - TOP);
    let y = |v: Value| y_of(v.as_f64());
    let percent = matches!(kpi.unit, Unit::Percent);
    let mut y_ticks = Vec::new();
    let mut v = lo;
    while v <= hi + tick / 2.0 {
        let mut label = format_compact(lang, v);
        if percent {
            label.push('%');
        }
        y_ticks.push(Tick {
            at: round(y_of(v)),
            label,
        });
        v += tick;
    }
    let kinds = [
        (LevelKind::Baseline, kpi.baseline),
        (LevelKind::Target, kpi.target),
        (LevelKind::Challenge, kpi.challenge),
    ];
    // A name sits on its line (3 units below it reads as centred on it).
    let wanted: Vec<f64> = kinds.iter().map(|(_, v)| y(*v) + 3.0).collect();
    let label_y = spread(&wanted, LABEL_GAP, TOP + 3.0, BOTTOM + 3.0);
    ChartGeometry {
        y_ticks,
        x_ticks: date_ticks(period, lang, x),
        levels: kinds
            .iter()
            .zip(label_y)
            .map(|((kind, v), label_y)| LevelLine {
                kind: *kind,
                y: round(y(*v)),
                label_y,
            })
            .collect(),
        pace: expected.iter().map(|(d, v)| (round(x(*d)), round(y(*v)))).collect(),
        actual: history
            .iter()
            .map(|c| Point {
                x: round(x(c.date)),
                y: round(y(c.value)),
                date: c.date,
                value: c.value,
            })
            .collect(),
        today_x: period.contains(today).then(|| round(x(today))),
    }
}

fn round(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

/// Texts drawn inside a chart, in the user's language.
pub struct ChartLabels<'a> {
    pub baseline: &'a str,
    pub target: &'a str,
    pub challenge: &'a str,
    pub actual: &'a str,
    pub pace: &'a str,
}

/// How each level line is drawn: colour and a dash pattern of its own, so
/// lines differ in grey print and for colour-blind readers too.
fn level_style(kind: LevelKind) -> (&'static str, &'static str) {
    match kind {
        LevelKind::Challenge => ("#6941c6", "1 3"),
        LevelKind::Target => ("#1b7f4b", "6 3"),
        LevelKind::Baseline => ("#667085", "2 2"),
    }
}

const INK: &str = "#475467";
const ACTUAL: &str = "#1f4e79";
const PACE: &str = "#b54708";
const PACE_DASH: &str = "8 3 2 3";

/// The chart as a standalone SVG document. `tips` gives each check-in a
/// focusable mark with its date and value (the chart drawn inline, in a
/// KPI's detail); without them the chart is one `<img>`, which costs the
/// page one element instead of dozens per KPI: on a 300-KPI dashboard that
/// is most of the rendering time.
pub fn svg(g: &ChartGeometry, labels: &ChartLabels, tips: Option<&[String]>) -> SvgDoc {
    let mut out = Svg::plain(
        WIDTH,
        HEIGHT,
        &[("font-family", "sans-serif".into()), ("font-size", "10".into())],
    );
    // Value axis: grid lines and their values.
    for t in &g.y_ticks {
        out.empty(
            "line",
            &[
                ("x1", short(LEFT)),
                ("x2", short(RIGHT)),
                ("y1", short(t.at)),
                ("y2", short(t.at)),
                ("stroke", "#eaecf0".into()),
            ],
        );
        out.text(
            "text",
            &[
                ("x", short(LEFT - 4.0)),
                ("y", short(t.at + 3.0)),
                ("fill", INK.into()),
                ("text-anchor", "end".into()),
            ],
            &t.label,
        );
    }
    // Date axis.
    out.empty(
        "line",
        &[
            ("x1", short(LEFT)),
            ("x2", short(RIGHT)),
            ("y1", short(BOTTOM)),
            ("y2", short(BOTTOM)),
            ("stroke", "#98a2b3".into()),
        ],
    );
    for t in &g.x_ticks {
        out.empty(
            "line",
            &[
                ("x1", short(t.at)),
                ("x2", short(t.at)),
                ("y1", short(BOTTOM)),
                ("y2", short(BOTTOM + 3.0)),
                ("stroke", "#98a2b3".into()),
            ],
        );
        out.text(
            "text",
            &[
                ("x", short(t.at)),
                ("y", short(BOTTOM + 13.0)),
                ("fill", INK.into()),
                ("text-anchor", "middle".into()),
            ],
            &t.label,
        );
    }
    if let Some(x) = g.today_x {
        out.empty(
            "line",
            &[
                ("x1", short(x)),
                ("x2", short(x)),
                ("y1", short(TOP)),
                ("y2", short(BOTTOM)),
                ("stroke", "#d0d5dd".into()),
            ],
        );
    }
    for level in &g.levels {
        let (colour, dash) = level_style(level.kind);
        out.empty(
            "line",
            &[
                ("x1", short(LEFT)),
                ("x2", short(RIGHT)),
                ("y1", short(level.y)),
                ("y2", short(level.y)),
                ("stroke", colour.into()),
                ("stroke-width", "1.5".into()),
                ("stroke-dasharray", dash.into()),
            ],
        );
        let name = match level.kind {
            LevelKind::Baseline => labels.baseline,
            LevelKind::Target => labels.target,
            LevelKind::Challenge => labels.challenge,
        };
        out.text(
            "text",
            &[
                ("x", short(RIGHT + 4.0)),
                ("y", short(level.label_y)),
                ("fill", colour.into()),
            ],
            name,
        );
    }
    out.empty(
        "polyline",
        &[
            ("points", points(&g.pace).into()),
            ("fill", "none".into()),
            ("stroke", PACE.into()),
            ("stroke-width", "1.5".into()),
            ("stroke-dasharray", PACE_DASH.into()),
        ],
    );
    let actual: Vec<(f64, f64)> = g.actual.iter().map(|p| (p.x, p.y)).collect();
    out.empty(
        "polyline",
        &[
            ("points", points(&actual).into()),
            ("fill", "none".into()),
            ("stroke", ACTUAL.into()),
            ("stroke-width", "2".into()),
            ("stroke-linejoin", "round".into()),
        ],
    );
    for (i, p) in g.actual.iter().enumerate() {
        let tip = tips.and_then(|t| t.get(i));
        if let Some(tip) = tip {
            out.open(
                "g",
                &[
                    ("class", "chart-point".into()),
                    ("tabindex", "0".into()),
                    ("role", "img".into()),
                    ("aria-label", tip.as_str().into()),
                ],
            );
            out.text("title", &[], tip);
        }
        out.empty(
            "circle",
            &[
                ("cx", short(p.x)),
                ("cy", short(p.y)),
                ("r", "3".into()),
                ("fill", ACTUAL.into()),
                ("stroke", "#fff".into()),
            ],
        );
        if let Some(tip) = tip {
            // Shown on hover and focus (static/app.css, `.chart-point`).
            let anchor = if p.x > (LEFT + RIGHT) / 2.0 { "end" } else { "start" };
            out.text(
                "text",
                &[
                    ("class", "chart-tip".into()),
                    ("x", short(p.x)),
                    ("y", short((p.y - 7.0).max(TOP + 2.0))),
                    ("text-anchor", anchor.into()),
                    ("fill", "#101828".into()),
                ],
                tip,
            );
            out.close("g");
        }
    }
    // Legend: the two lines that are not labelled where they are drawn.
    let legend_y = HEIGHT - 8.0;
    for (x, colour, dash, width, text) in [
        (LEFT, ACTUAL, "", "2", labels.actual),
        (LEFT + 120.0, PACE, PACE_DASH, "1.5", labels.pace),
    ] {
        let mut attrs = vec![
            ("x1", short(x)),
            ("x2", short(x + 22.0)),
            ("y1", short(legend_y - 3.0)),
            ("y2", short(legend_y - 3.0)),
            ("stroke", colour.into()),
            ("stroke-width", width.into()),
        ];
        if !dash.is_empty() {
            attrs.push(("stroke-dasharray", dash.into()));
        }
        out.empty("line", &attrs);
        out.text(
            "text",
            &[("x", short(x + 26.0)), ("y", short(legend_y)), ("fill", INK.into())],
            text,
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
    use proptest::prelude::*;

    fn kpi(direction: Direction, levels: [i64; 3]) -> Kpi {
        Kpi {
            id: CountingIds::default().item_id(),
            name: "Leads".into(),
            unit: Unit::Count,
            direction,
            aggregation: Aggregation::Additive,
            baseline: Value::from_units(levels[0]),
            target: Value::from_units(levels[1]),
            challenge: Value::from_units(levels[2]),
            check_ins: Vec::new(),
            decomposition: None,
            unknown: Default::default(),
        }
    }

    fn quarter() -> Period {
        Period::starting_from(PeriodKind::Quarter, NaiveDate::from_ymd_opt(2027, 1, 1).unwrap())
    }

    #[test]
    fn lines_sit_where_their_values_are_on_a_labelled_scale() {
        let period = quarter();
        let mut k = kpi(Direction::HigherIsBetter, [0, 100, 200]);
        let mid = period.start + Duration::days(44);
        k.check_ins.push(CheckIn {
            id: CountingIds(9).item_id(),
            date: mid,
            value: Value::from_units(100),
            note: String::new(),
        });
        let g = geometry(&k, &period, mid, Lang::En);
        // 0..200 in steps of 50 over y 148..10.
        let ticks: Vec<&str> = g.y_ticks.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(ticks, ["0", "50", "100", "150", "200"]);
        assert_eq!(g.level(LevelKind::Baseline).unwrap().y, BOTTOM);
        assert_eq!(g.level(LevelKind::Challenge).unwrap().y, TOP);
        assert_eq!(g.level(LevelKind::Target).unwrap().y, 79.0);
        // Day 44 of a 90-day quarter: 46 + 44/89 × 244.
        assert_eq!((g.actual[0].x, g.actual[0].y), (166.6, 79.0));
        assert_eq!(g.today_x, Some(166.6));
        assert_eq!(
            *g.pace.last().unwrap(),
            (RIGHT, 79.0),
            "the pace line ends at the target"
        );
        let months: Vec<&str> = g.x_ticks.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(months, ["Jan", "Feb", "Mar"], "the date axis spans the KPI's period");
        let zh = geometry(&k, &period, mid, Lang::ZhCn);
        assert_eq!(zh.x_ticks[1].label, "2月");

        let labels = ChartLabels {
            baseline: "基准",
            target: "<Target>",
            challenge: "Challenge & more",
            actual: "Actual",
            pace: "Pace",
        };
        let doc = svg(&g, &labels, None);
        assert!(doc.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(doc.contains(">&lt;Target&gt;</text>") && doc.contains("Challenge &amp; more"));
        assert!(doc.contains(r#"<circle cx="166.6" cy="79""#));
        assert!(
            doc.contains(">Pace</text>") && doc.contains(">Actual</text>"),
            "a legend"
        );
        assert!(!doc.contains("tabindex"), "the image has no focusable marks");
        let live = svg(&g, &labels, Some(&["15 Feb 2027: <100>".to_owned()]));
        assert!(live.contains(r#"tabindex="0""#) && live.contains("<title>15 Feb 2027: &lt;100&gt;</title>"));
        let url = data_url(&doc);
        assert!(url.starts_with("data:image/svg+xml;charset=utf-8,%3Csvg"));
        assert!(
            url.contains("%E5%9F%BA%E5%87%86"),
            "Chinese labels are percent-encoded UTF-8"
        );
        assert!(!url.contains('#') && !url.contains('<') && !url.contains('"'));
    }

    #[test]
    fn a_lower_is_better_kpi_fills_the_box() {
        // Cost per lead from 120 down to 80, challenge 70: the scale is
        // 60..120 in steps of 20, not 0..120.
        let mut k = kpi(Direction::LowerIsBetter, [120, 80, 70]);
        k.aggregation = Aggregation::Level;
        let g = geometry(&k, &quarter(), quarter().start, Lang::En);
        let ticks: Vec<&str> = g.y_ticks.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(ticks, ["60", "80", "100", "120"]);
        assert_eq!(g.level(LevelKind::Baseline).unwrap().y, TOP);
        let challenge = g.level(LevelKind::Challenge).unwrap().y;
        assert!(
            challenge > BOTTOM - (BOTTOM - TOP) / 5.0,
            "near the bottom: {challenge}"
        );
    }

    #[test]
    fn close_levels_get_names_that_do_not_overlap() {
        let k = kpi(Direction::HigherIsBetter, [0, 1000, 1010]);
        let g = geometry(&k, &quarter(), quarter().start, Lang::ZhCn);
        let target = g.level(LevelKind::Target).unwrap();
        let challenge = g.level(LevelKind::Challenge).unwrap();
        assert!(
            target.label_y - challenge.label_y >= LABEL_GAP - 0.05,
            "{target:?} {challenge:?}"
        );
        assert!(challenge.label_y >= TOP, "inside the box");
        let big = geometry(
            &kpi(Direction::HigherIsBetter, [0, 2_000_000, 3_000_000]),
            &quarter(),
            quarter().start,
            Lang::ZhCn,
        );
        let ticks: Vec<&str> = big.y_ticks.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(ticks, ["0", "100万", "200万", "300万"]);
    }

    proptest! {
        #[test]
        fn spread_labels_never_overlap_and_stay_in_the_box(
            wanted in proptest::collection::vec(0.0f64..200.0, 0..6),
        ) {
            let (top, bottom) = (10.0, 151.0);
            let placed = spread(&wanted, LABEL_GAP, top, bottom);
            prop_assert_eq!(placed.len(), wanted.len());
            let mut sorted = placed.clone();
            sorted.sort_by(f64::total_cmp);
            for pair in sorted.windows(2) {
                prop_assert!(pair[1] - pair[0] >= LABEL_GAP - 0.05, "{:?} from {:?}", placed, wanted);
            }
            for y in &placed {
                prop_assert!(*y >= top - 0.05 && *y <= bottom + 0.05, "{:?} from {:?}", placed, wanted);
            }
        }

        #[test]
        fn the_scale_covers_every_value_with_round_ticks(
            values in proptest::collection::vec(-1e7f64..1e7, 1..8),
        ) {
            let (lo, hi, step) = value_scale(values.iter().copied());
            prop_assert!(step > 0.0 && lo < hi);
            for v in &values {
                prop_assert!(*v >= lo - 1e-6 && *v <= hi + 1e-6);
            }
            prop_assert!((hi - lo) / step <= 9.0, "few ticks: {} {} {}", lo, hi, step);
        }
    }
}
