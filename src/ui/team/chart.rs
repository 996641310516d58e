//! The org chart drawn by the app, and what is wrong with its lines.

use super::Ui;
use crate::app::team::chart::chart_svg;
use crate::app::team::chart_flag;
use crate::domain::team::org_chart;
use crate::i18n::Key;
use crate::ui::shell::context::Tr;
use crate::ui::widgets::chart::inline_svg;
use yew::prelude::*;

pub fn chart_view(ui: &Ui) -> Html {
    let (app, plan) = (&ui.app, &ui.plan);
    let team = &plan.team;
    let flagged: Vec<Html> = org_chart(&team.positions)
        .into_iter()
        .filter_map(|n| {
            let flag = n.flag?;
            let title = team.position(n.id)?.title.clone();
            Some(html! { <li class="flag-text">{ title }{ ": " }{ app.t(chart_flag(flag)) }</li> })
        })
        .collect();
    html! {
        <section class="card org-chart-card" aria-labelledby="chart-title">
            <h3 id="chart-title">{ app.t(Key::TeamChartTitle) }</h3>
            <p class="muted">{ app.t(Key::TeamChartIntro) }</p>
            if !flagged.is_empty() {
                <ul class="plain-list" role="note">{ for flagged }</ul>
            }
            { match chart_svg(app.lang, team) {
                Some(doc) => html! { <div class="chart-scroll">{ inline_svg(doc) }</div> },
                None => html! { <p class="empty-note">{ app.t(Key::TeamChartEmpty) }</p> },
            } }
        </section>
    }
}
