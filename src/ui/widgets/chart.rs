//! A KPI's check-ins drawn as SVG against its levels and pace line.

use crate::app::goals::chart::{data_url, geometry, svg, ChartLabels, HEIGHT, WIDTH};
use crate::app::svg::SvgDoc;
use crate::domain::core::period::Period;
use crate::domain::goals::kpi::Kpi;
use crate::i18n::{t, Key, Lang, Text};
use chrono::NaiveDate;
use yew::prelude::*;

/// The chart of `kpi` as one image with a text alternative.
pub fn kpi_chart(kpi: &Kpi, period: &Period, today: NaiveDate, lang: Lang) -> Html {
    let g = geometry(kpi, period, today);
    let labels = ChartLabels {
        baseline: t(lang, Key::ChartBaseline),
        target: t(lang, Key::ChartTarget),
        challenge: t(lang, Key::ChartChallenge),
    };
    let alt = Text::new(Key::ChartLabel).with("name", &kpi.name).render(lang);
    html! { <img class="kpi-chart" src={data_url(&svg(&g, &labels))} alt={alt}
    width={WIDTH.to_string()} height={HEIGHT.to_string()} decoding="async" /> }
}

/// An SVG the app drew, inline in the page. The only place markup enters
/// the DOM as markup: an [`SvgDoc`] can only come from the escaping writer
/// in `app/svg.rs`, so user text in it is text.
pub fn inline_svg(doc: SvgDoc) -> Html {
    Html::from_html_unchecked(doc.into_string().into())
}
