//! The org chart as SVG: one box per position, top to bottom, indented by
//! level, with elbow lines from each superior. Vertical so that a team of
//! 500 scrolls like a list and prints on A4 portrait; every text is a text
//! node written by the escaping [`Svg`] writer.

use crate::app::svg::{short, Svg, SvgDoc};
use crate::domain::team::{org_chart, ChartNode, Team};
use crate::i18n::{t, Key, Lang, Text};

pub const ROW: f64 = 46.0;
pub const INDENT: f64 = 28.0;
pub const BOX_W: f64 = 300.0;
const BOX_H: f64 = 38.0;
const MAX_CHARS: usize = 34;

fn shorten(text: &str) -> String {
    if text.chars().count() <= MAX_CHARS {
        text.to_owned()
    } else {
        let mut s: String = text.chars().take(MAX_CHARS - 1).collect();
        s.push('…');
        s
    }
}

/// Where the box of a chart node sits: (x, y) of its top-left corner.
pub fn place(node: &ChartNode) -> (f64, f64) {
    (4.0 + node.depth as f64 * INDENT, 4.0 + node.row as f64 * ROW)
}

/// The chart of the team; None when there is no position.
pub fn chart_svg(lang: Lang, team: &Team) -> Option<SvgDoc> {
    let nodes = org_chart(&team.positions);
    if nodes.is_empty() {
        return None;
    }
    let depth = nodes.iter().map(|n| n.depth).max().unwrap_or(0);
    let width = 8.0 + depth as f64 * INDENT + BOX_W;
    let height = 8.0 + nodes.len() as f64 * ROW;
    let label = Text::new(Key::TeamChartLabel).with("count", nodes.len()).render(lang);
    let mut svg = Svg::new("org-chart", width, height, &label);
    // Lines first, so the boxes sit over them.
    for n in &nodes {
        if let Some(parent) = n.parent_row.and_then(|r| nodes.get(r)) {
            let (px, py) = place(parent);
            let (x, y) = place(n);
            let stem = px + 12.0;
            svg.empty(
                "path",
                &[
                    ("class", "org-line".into()),
                    (
                        "d",
                        format!("M{stem:.1} {:.1} V{:.1} H{x:.1}", py + BOX_H, y + BOX_H / 2.0).into(),
                    ),
                ],
            );
        }
    }
    for n in &nodes {
        let Some(p) = team.position(n.id) else { continue };
        let (x, y) = place(n);
        let vacant = p.is_vacant();
        let class = match (vacant, n.flag.is_some()) {
            (_, true) => "org-box is-flagged",
            (true, false) => "org-box is-vacant",
            (false, false) => "org-box",
        };
        svg.open("g", &[("class", class.into()), ("data-row", short(n.row as f64))]);
        svg.empty(
            "rect",
            &[
                ("x", x.into()),
                ("y", y.into()),
                ("width", BOX_W.into()),
                ("height", BOX_H.into()),
                ("rx", 4.0.into()),
            ],
        );
        svg.text(
            "text",
            &[
                ("class", "org-title".into()),
                ("x", (x + 8.0).into()),
                ("y", (y + 15.0).into()),
            ],
            &shorten(&p.title),
        );
        let holder = if vacant {
            t(lang, Key::TeamVacant).to_owned()
        } else {
            shorten(&p.holder)
        };
        let mut second = holder;
        if n.under > 0 {
            let under = Text::new(Key::TeamChartUnder)
                .with("count", n.under)
                .with("vacant", n.vacant_under)
                .render(lang);
            second = format!("{second} · {under}");
        }
        svg.text(
            "text",
            &[
                ("class", "org-holder".into()),
                ("x", (x + 8.0).into()),
                ("y", (y + 31.0).into()),
            ],
            &second,
        );
        svg.close("g");
    }
    Some(svg.finish())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::core::ids::{CountingIds, IdSource};
    use crate::domain::team::Position;

    #[test]
    fn boxes_sit_under_their_superior_and_hostile_titles_stay_text() {
        let mut ids = CountingIds::default();
        let boss = Position {
            holder: "Wang".into(),
            ..Position::new(ids.item_id(), "<b>Director</b>")
        };
        let mut lead = Position::new(ids.item_id(), "Lead");
        lead.reports_to = Some(boss.id);
        let team = Team {
            positions: vec![boss, lead],
            ..Team::default()
        };
        let svg = chart_svg(Lang::En, &team).unwrap();
        assert!(svg.contains("&lt;b&gt;Director&lt;/b&gt;"));
        assert!(svg.contains("Wang · 1 under (1 vacant)"));
        assert!(svg.contains(r#"<rect x="32.0" y="50.0""#), "{}", &*svg);
        assert!(svg.contains(r#"d="M16.0 42.0 V69.0 H32.0""#));
        assert_eq!(chart_svg(Lang::En, &Team::default()), None);
    }
}
