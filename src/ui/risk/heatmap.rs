//! The 5 × 5 heat map before and after the responses, with the key to the
//! risk numbers.

use super::Ui;
use crate::app::risk::heatmap::heat_map_svg;
use crate::app::risk::{band_class, band_key, risk_number};
use crate::domain::risk::{Band, HeatMap, RiskStatus};
use crate::i18n::{Key, Text};
use crate::ui::shell::context::Tr;
use crate::ui::widgets::chart::inline_svg;
use yew::prelude::*;

pub fn heat_map_view(ui: &Ui) -> Html {
    let (app, plan) = (&ui.app, &ui.plan);
    let r = &plan.risks;
    if r.risks.is_empty() {
        return html! { <section class="card"><p class="empty-note">{ app.t(Key::RiskEmpty) }</p></section> };
    }
    let before = heat_map_svg(
        app.lang,
        &HeatMap::of(&r.risks, false),
        r.bands,
        app.t(Key::RiskBeforeResponse),
    );
    let after = heat_map_svg(
        app.lang,
        &HeatMap::of(&r.risks, true),
        r.bands,
        app.t(Key::RiskAfterResponse),
    );
    let legend = [Band::Low, Band::Medium, Band::High].map(|b| {
        html! {
            <li><span class={classes!("swatch", band_class(b))}></span>{ app.t(band_key(b)) }</li>
        }
    });
    let closed = r.risks.iter().filter(|x| x.status == RiskStatus::Closed).count();
    // The key is long for a large register: only its first 200 lines.
    let key = r
        .risks
        .iter()
        .enumerate()
        .filter(|(_, x)| x.status != RiskStatus::Closed)
        .take(200)
        .map(|(i, x)| {
            let text = Text::new(Key::RiskKeyLine)
                .with("number", risk_number(i))
                .with("description", &x.description);
            html! { <li>{ app.text(&text) }</li> }
        });
    html! {
        <div class="risk-heat">
            <section class="card" aria-labelledby="heat-title">
                <h3 id="heat-title">{ app.t(Key::RiskHeatTitle) }</h3>
                <p class="muted">{ app.t(Key::RiskHeatIntro) }</p>
                if closed > 0 {
                    <p class="field-hint">{ app.text(&Text::new(Key::RiskHeatClosed).with("count", closed)) }</p>
                }
                <ul class="heat-legend">{ for legend }</ul>
                <div class="heat-maps">
                    <figure>
                        <figcaption>{ app.t(Key::RiskBeforeResponse) }</figcaption>
                        { inline_svg(before) }
                    </figure>
                    <figure>
                        <figcaption>{ app.t(Key::RiskAfterResponse) }</figcaption>
                        { inline_svg(after) }
                    </figure>
                </div>
                <h4>{ app.t(Key::RiskKeyTitle) }</h4>
                <ul class="plain-list heat-key">{ for key }</ul>
            </section>
        </div>
    }
}
