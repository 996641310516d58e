//! Chapter 7's frame: heading, what it is for, its views as tabs, the
//! message of a refused edit; and the clock the response timers read.

use super::{heatmap, incidents, register, IncidentDraft, Ui};
use crate::app::route::{RiskView, Section};
use crate::app::state::EditField;
use crate::domain::risk::Category;
use crate::i18n::Key;
use crate::ui::shell::context::{use_app, use_plan, PlanRef};
use crate::ui::widgets::dom::use_focus_later;
use crate::ui::widgets::pager::use_pager;
use crate::ui::widgets::tabs::{chapter_tabs, TabbedChapter};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RiskProps {
    pub plan: PlanRef,
    pub view: RiskView,
}

pub fn view_key(view: RiskView) -> Key {
    match view {
        RiskView::Register => Key::RiskTabRegister,
        RiskView::HeatMap => Key::RiskTabHeatMap,
        RiskView::Incidents => Key::RiskTabIncidents,
    }
}

/// The local time now, from the browser.
fn local_now() -> chrono::NaiveDateTime {
    use crate::ui::shell::platform::{now, utc_offset_minutes};
    now().naive_utc() + chrono::Duration::minutes(i64::from(utc_offset_minutes()))
}

#[function_component(RiskChapter)]
pub fn risk_chapter(props: &RiskProps) -> Html {
    let focus = use_focus_later();
    let category = use_state_eq(|| Category::Execution);
    let description = use_state(String::new);
    let description_error = use_state_eq(|| false);
    let incident = use_state(IncidentDraft::default);
    let incident_error = use_state_eq(|| None);
    let pager = use_pager(50);
    let now = use_state_eq(|| None);
    {
        // The clocks move on by themselves: every 30 seconds.
        let now = now.clone();
        use_effect_with((), move |_| {
            now.set(Some(local_now()));
            let timer = gloo::timers::callback::Interval::new(30_000, move || now.set(Some(local_now())));
            move || drop(timer)
        });
    }
    let (Some(app), Some(handle)) = (use_app(), use_plan()) else {
        return html! {};
    };
    let plan = &props.plan;
    let id = plan.id;
    let ui = Ui {
        app: app.clone(),
        handle,
        plan: plan.clone(),
        focus,
        category,
        description,
        description_error,
        incident,
        incident_error,
        now: *now,
        pager,
    };
    let content = match props.view {
        RiskView::Register => register::register_view(&ui),
        RiskView::HeatMap => heatmap::heat_map_view(&ui),
        RiskView::Incidents => incidents::incidents_view(&ui),
    };
    let tabs = chapter_tabs(&app, id, &RiskView::ALL, props.view, Section::Risks, view_key);
    TabbedChapter {
        class: "risks",
        number: 7,
        title: Key::ChapterRisks,
        intro: Key::RiskIntro,
        views: Key::RiskViews,
        field: EditField::Risk,
    }
    .draw(&app, id, tabs, content)
}
