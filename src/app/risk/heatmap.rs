//! The 5 × 5 heat map as SVG: likelihood up the side, impact along the
//! bottom, each cell coloured by its band and holding the numbers of the
//! risks in it (R1, R4 …, then "+n" when a cell is crowded).

use super::{band_class, risk_number};
use crate::app::svg::{short, Svg, SvgDoc};
use crate::domain::risk::{score, Bands, HeatMap, Scale};
use crate::i18n::{t, Key, Lang};

pub const CELL: f64 = 64.0;
const LEFT: f64 = 44.0;
const TOP: f64 = 8.0;
/// How many risk numbers a cell lists before "+n".
const LISTED: usize = 4;

/// Where the cell of (likelihood, impact) sits: top-left corner.
pub fn cell_at(likelihood: Scale, impact: Scale) -> (f64, f64) {
    (
        LEFT + f64::from(impact.get() - 1) * CELL,
        TOP + f64::from(5 - likelihood.get()) * CELL,
    )
}

pub fn heat_map_svg(lang: Lang, map: &HeatMap, bands: Bands, label: &str) -> SvgDoc {
    let size = 5.0 * CELL;
    let mut svg = Svg::new("heat-map", LEFT + size + 8.0, TOP + size + 40.0, label);
    for l in Scale::ALL {
        for i in Scale::ALL {
            let (x, y) = cell_at(l, i);
            let s = score(l, i);
            let here = map.at(l, i);
            svg.open(
                "g",
                &[
                    ("class", format!("heat-cell {}", band_class(bands.band(s))).into()),
                    ("data-cell", format!("{}-{}", l.get(), i.get()).into()),
                ],
            );
            svg.empty(
                "rect",
                &[
                    ("x", x.into()),
                    ("y", y.into()),
                    ("width", CELL.into()),
                    ("height", CELL.into()),
                ],
            );
            svg.text(
                "text",
                &[
                    ("class", "heat-score".into()),
                    ("x", (x + 4.0).into()),
                    ("y", (y + 12.0).into()),
                ],
                &s.to_string(),
            );
            let mut names: Vec<String> = here.iter().take(LISTED).map(|i| risk_number(*i)).collect();
            if here.len() > LISTED {
                names.push(format!("+{}", here.len() - LISTED));
            }
            for (line, pair) in names.chunks(2).enumerate() {
                svg.text(
                    "text",
                    &[
                        ("class", "heat-risks".into()),
                        ("x", (x + CELL / 2.0).into()),
                        ("y", (y + 30.0 + line as f64 * 14.0).into()),
                        ("text-anchor", "middle".into()),
                    ],
                    &pair.join(" "),
                );
            }
            svg.close("g");
        }
    }
    // Axes: numbers and names.
    for n in Scale::ALL {
        let (x, y) = cell_at(n, n);
        svg.text(
            "text",
            &[
                ("class", "heat-axis".into()),
                ("x", (LEFT - 10.0).into()),
                ("y", (y + CELL / 2.0 + 4.0).into()),
                ("text-anchor", "end".into()),
            ],
            &n.get().to_string(),
        );
        svg.text(
            "text",
            &[
                ("class", "heat-axis".into()),
                ("x", (x + CELL / 2.0).into()),
                ("y", (TOP + size + 14.0).into()),
                ("text-anchor", "middle".into()),
            ],
            &n.get().to_string(),
        );
    }
    svg.text(
        "text",
        &[
            ("class", "heat-axis-name".into()),
            ("x", (LEFT + size / 2.0).into()),
            ("y", (TOP + size + 32.0).into()),
            ("text-anchor", "middle".into()),
        ],
        t(lang, Key::RiskImpact),
    );
    svg.text(
        "text",
        &[
            ("class", "heat-axis-name".into()),
            ("x", short(12.0)),
            ("y", (TOP + size / 2.0).into()),
            ("text-anchor", "middle".into()),
            ("transform", format!("rotate(-90 12 {:.1})", TOP + size / 2.0).into()),
        ],
        t(lang, Key::RiskLikelihood),
    );
    svg.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::core::ids::{CountingIds, IdSource};
    use crate::domain::risk::{Category, Risk};

    #[test]
    fn risks_sit_in_their_cells_and_a_crowded_cell_counts_the_rest() {
        let mut ids = CountingIds::default();
        let risks: Vec<Risk> = (0..6)
            .map(|_| {
                let mut r = Risk::new(ids.item_id(), Category::Other, "x");
                r.likelihood = Scale::new(5).unwrap();
                r.impact = Scale::new(4).unwrap();
                r
            })
            .collect();
        let svg = heat_map_svg(Lang::En, &HeatMap::of(&risks, false), Bands::default(), "Heat map");
        // Likelihood 5 is the top row; impact 4 the fourth column.
        assert_eq!(cell_at(Scale::new(5).unwrap(), Scale::new(4).unwrap()), (236.0, 8.0));
        assert!(svg.contains(r#"<g class="heat-cell band-high" data-cell="5-4"><rect x="236.0" y="8.0""#));
        assert!(svg.contains(">R1 R2</text>") && svg.contains(">R3 R4</text>") && svg.contains(">+2</text>"));
        assert!(svg.contains(r#"data-cell="1-1""#) && svg.contains("band-low"));
    }
}
