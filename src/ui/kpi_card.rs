//! One KPI at a glance: latest actual, completion, level, status, chart.

use super::chart::KpiChart;
use super::context::{use_app, Tr};
use crate::app::figures::{level_key, rate_text, status_class, status_key, value_text};
use crate::domain::dashboard::kpi_figures;
use crate::domain::ids::ItemId;
use crate::domain::plan::Plan;
use crate::i18n::{format_date, Key, Text};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct KpiCardProps {
    pub plan: Plan,
    pub goal: ItemId,
    pub kpi: ItemId,
}

#[function_component(KpiCard)]
pub fn kpi_card(props: &KpiCardProps) -> Html {
    let Some(app) = use_app() else {
        return html! {};
    };
    let plan = &props.plan;
    let Some(goal) = plan.goal(props.goal) else {
        return html! {};
    };
    let Some(kpi) = goal.kpis.iter().find(|k| k.id == props.kpi) else {
        return html! {};
    };
    let f = kpi_figures(plan, goal, kpi, app.today);
    let value = |v| value_text(app.lang, &kpi.unit, &plan.currency, v);
    let latest = f
        .latest
        .map(|c| format!("{} ({})", value(c.value), format_date(app.lang, c.date)));
    let levels = Text::new(Key::KpiLevelsLine)
        .with("baseline", value(kpi.baseline))
        .with("target", value(kpi.target))
        .with("challenge", value(kpi.challenge));
    html! {
        <article class="kpi-card">
            <header class="kpi-card-head">
                <h3>{ &kpi.name }</h3>
                <span class={status_class(f.status)}>{ app.t(status_key(f.status)) }</span>
            </header>
            <p class="kpi-goal">{ &goal.title }</p>
            <dl class="figures">
                <div><dt>{ app.t(Key::FigLatest) }</dt><dd>{ latest.unwrap_or_else(|| "—".into()) }</dd></div>
                <div><dt>{ app.t(Key::FigCompletion) }</dt><dd>{ rate_text(f.completion) }</dd></div>
                <div><dt>{ app.t(Key::FigLevel) }</dt><dd>{ f.level.map_or("—", |l| app.t(level_key(l))) }</dd></div>
                <div><dt>{ app.t(Key::FigPace) }</dt><dd>{ rate_text(f.pace) }</dd></div>
            </dl>
            <p class="kpi-levels">{ app.text(&levels) }</p>
            if f.levels.is_err() {
                <p class="flag" role="note">{ app.t(Key::KpiLevelsFlag) }</p>
            }
            <KpiChart kpi={kpi.clone()} period={plan.period.clone()} today={app.today} lang={app.lang} />
        </article>
    }
}
