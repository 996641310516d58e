//! One KPI at a glance: latest actual, completion, level, status, chart.

use crate::app::goals::figures::{level_key, rate_text, status_class, status_key, value_text};
use crate::app::route::Section;
use crate::app::{AppState, Route};
use crate::domain::core::ids::ItemId;
use crate::domain::goals::dashboard::{kpi_figures, KpiFigures};
use crate::domain::plan::Plan;
use crate::i18n::{format_date, Key, Text};
use crate::ui::shell::context::{use_app, PlanRef, Tr};
use crate::ui::widgets::chart::kpi_chart;
use yew::prelude::*;

/// The card for figures already computed (the dashboard draws hundreds of
/// these, so they are a function, not a component each).
pub fn kpi_card(app: &AppState, plan: &Plan, f: &KpiFigures, live: bool) -> Html {
    let kpi = f.kpi;
    let value = |v| value_text(app.lang, &kpi.unit, &plan.currency, v);
    let latest = f
        .latest
        .map(|c| format!("{} ({})", value(c.value), format_date(app.lang, c.date)));
    let levels = Text::new(Key::KpiLevelsLine)
        .with("baseline", value(kpi.baseline))
        .with("target", value(kpi.target))
        .with("challenge", value(kpi.challenge));
    // The level of an additive KPI is judged on the period's total.
    let level = match f.level {
        Some(l) => app.t(level_key(l)),
        None if f.latest.is_some() => app.t(Key::FigLevelLater),
        None => "—",
    };
    let record = Route::Plan(plan.id, Section::Kpi(kpi.id));
    html! {
        <article class="kpi-card" key={kpi.id.to_string()}>
            <header class="kpi-card-head">
                <h3>{ &kpi.name }</h3>
                <span class={status_class(f.status)}>{ app.t(status_key(f.status)) }</span>
            </header>
            <p class="kpi-goal">{ &f.goal.title }</p>
            <dl class="figures">
                <dt>{ app.t(Key::FigPace) }</dt><dd class="figure-headline">{ rate_text(f.pace) }</dd>
                <dt>{ app.t(Key::FigLatest) }</dt><dd>{ latest.unwrap_or_else(|| "—".into()) }</dd>
                <dt>{ app.t(Key::FigCompletion) }</dt><dd>{ rate_text(f.completion) }</dd>
                <dt>{ app.t(Key::FigLevel) }</dt><dd>{ level }</dd>
            </dl>
            if f.future > 0 {
                <p class="field-hint">{ app.text(&Text::new(Key::FigFutureNote).with("count", f.future)) }</p>
            }
            <p class="kpi-levels">{ app.text(&levels) }</p>
            if f.levels.is_err() {
                <p class="flag" role="note">{ app.t(Key::KpiLevelsFlag) }</p>
            }
            { kpi_chart(kpi, &plan.period, app.today, app.lang, &plan.currency, live) }
            if !live {
                <a class="btn btn-small no-print kpi-record" href={record.to_hash()}
                    aria-label={app.text(&Text::new(Key::KpiRecordActualOf).with("name", &kpi.name))}>{ app.t(Key::KpiRecordActual) }</a>
            }
        </article>
    }
}

#[derive(Properties, PartialEq)]
pub struct KpiCardProps {
    pub plan: PlanRef,
    pub goal: ItemId,
    pub kpi: ItemId,
}

/// A single card, looked up by ids (in a KPI's detail).
#[function_component(KpiCard)]
pub fn kpi_card_component(props: &KpiCardProps) -> Html {
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
    kpi_card(&app, plan, &kpi_figures(plan, goal, kpi, app.today), true)
}
