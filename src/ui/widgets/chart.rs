//! A KPI's check-ins drawn as SVG against its levels and pace line.

use crate::app::goals::chart::{data_url, geometry, svg, ChartLabels, HEIGHT, WIDTH};
use crate::app::goals::figures::value_text;
use crate::app::svg::SvgDoc;
use crate::domain::core::period::Period;
use crate::domain::goals::kpi::Kpi;
use crate::domain::plan::Currency;
use crate::i18n::{format_date, t, Key, Lang, Text};
use chrono::NaiveDate;
use yew::prelude::*;

/// The chart of `kpi`. On the dashboard it is one image with a text
/// alternative (hundreds of cards); `live` draws it inline instead, each
/// check-in a mark that shows its date and value on hover and focus.
pub fn kpi_chart(kpi: &Kpi, period: &Period, today: NaiveDate, lang: Lang, currency: &Currency, live: bool) -> Html {
    let g = geometry(kpi, period, today, lang);
    let labels = ChartLabels {
        baseline: t(lang, Key::ChartBaseline),
        target: t(lang, Key::ChartTarget),
        challenge: t(lang, Key::ChartChallenge),
        actual: t(lang, Key::ChartActual),
        pace: t(lang, Key::ChartPace),
    };
    let alt = Text::new(Key::ChartLabel).with("name", &kpi.name).render(lang);
    if live {
        let tips: Vec<String> = g
            .actual
            .iter()
            .map(|p| {
                format!(
                    "{}: {}",
                    format_date(lang, p.date),
                    value_text(lang, &kpi.unit, currency, p.value)
                )
            })
            .collect();
        return html! {
            <figure class="kpi-chart kpi-chart-live" aria-label={alt}>{ inline_svg(svg(&g, &labels, Some(&tips))) }</figure>
        };
    }
    html! { <img class="kpi-chart" src={data_url(&svg(&g, &labels, None))} alt={alt}
    width={WIDTH.to_string()} height={HEIGHT.to_string()} decoding="async" /> }
}

/// An SVG the app drew, inline in the page. The only place markup enters
/// the DOM as markup: an [`SvgDoc`] can only come from the escaping writer
/// in `app/svg.rs`, so user text in it is text.
pub fn inline_svg(doc: SvgDoc) -> Html {
    Html::from_html_unchecked(doc.into_string().into())
}
