//! The timeline view: the Gantt chart with its zoom and critical path
//! switch, printable on A4 landscape.

use crate::app::implementation::gantt::{gantt, GanttInput, Zoom};
use crate::i18n::{Key, Text};
use crate::ui::implementation::chapter::AnalysisRef;
use crate::ui::shell::context::{use_app, PlanRef, Tr};
use crate::ui::widgets::chart::inline_svg;
use crate::ui::widgets::enum_select::enum_select;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    pub plan: PlanRef,
    pub analysis: AnalysisRef,
}

#[function_component(Timeline)]
pub fn timeline(props: &TimelineProps) -> Html {
    let Some(app) = use_app() else { return html! {} };
    let zoom = use_state(|| Zoom::Month);
    let critical = use_state(|| true);
    let chart = gantt(&GanttInput {
        plan: &props.plan,
        analysis: &props.analysis.0,
        zoom: *zoom,
        today: app.today,
        show_critical: *critical,
        lang: app.lang,
    });
    let on_zoom = {
        let zoom = zoom.clone();
        Callback::from(move |z: Zoom| zoom.set(z))
    };
    let on_critical = {
        let critical = critical.clone();
        Callback::from(move |e: Event| {
            let on = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                .is_some_and(|i| i.checked());
            critical.set(on);
        })
    };
    let print = Callback::from(|_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    let undated = props
        .plan
        .implementation
        .tasks
        .iter()
        .filter(|t| !props.analysis.0.dates.contains_key(&t.id))
        .count();
    html! {
        <div class="timeline-view">
            <div class="table-toolbar no-print">
                <label>{ app.t(Key::TimelineZoom) }
                    { enum_select(&app, Some("timeline-zoom"), None, *zoom, on_zoom) }
                </label>
                <label><input type="checkbox" checked={*critical} onchange={on_critical} />{ " " }{ app.t(Key::TimelineShowCritical) }</label>
                <button type="button" class="btn btn-small" onclick={print}>{ app.t(Key::TimelinePrint) }</button>
            </div>
            if undated > 0 {
                <p class="banner banner-warning">{ app.text(&Text::new(Key::TimelineUndated).with("count", undated)) }</p>
            }
            { match chart {
                Some(chart) => html! {
                    <div class="gantt-scroll timeline-sheet" tabindex="0">{ inline_svg(chart.svg) }</div>
                },
                None => html! { <p class="empty-note">{ app.t(Key::TimelineEmpty) }</p> },
            } }
        </div>
    }
}
