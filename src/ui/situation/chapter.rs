//! Chapter 2's frame: heading, what the chapter is for, its views as tabs,
//! the message of a refused edit.

use super::{brief, competitors, forces, overview, personas, pestel, resources, swot, Ui};
use crate::app::route::{Section, SituationView};
use crate::app::state::EditField;
use crate::i18n::Key;
use crate::ui::shell::context::{use_app, use_plan, PlanRef};
use crate::ui::widgets::dom::use_focus_later;
use crate::ui::widgets::pager::use_pager;
use crate::ui::widgets::tabs::{chapter_tabs, TabbedChapter};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SituationProps {
    pub plan: PlanRef,
    pub view: SituationView,
}

pub fn view_key(view: SituationView) -> Key {
    match view {
        SituationView::Overview => Key::SitTabOverview,
        SituationView::Pestel => Key::SitTabPestel,
        SituationView::Forces => Key::SitTabForces,
        SituationView::Swot => Key::SitTabSwot,
        SituationView::Competitors => Key::SitTabCompetitors,
        SituationView::Brief => Key::SitTabBrief,
        SituationView::Personas => Key::SitTabPersonas,
        SituationView::Resources => Key::SitTabResources,
    }
}

#[function_component(SituationChapter)]
pub fn situation_chapter(props: &SituationProps) -> Html {
    let focus = use_focus_later();
    let confirming = use_state_eq(|| None);
    let open = use_state_eq(|| None);
    let competitor_name = use_state(String::new);
    let competitor_error = use_state_eq(|| false);
    let pager = use_pager(50);
    let month = use_state_eq(|| None);
    let persona = use_state_eq(|| None);
    let persona_name = use_state(String::new);
    let persona_error = use_state_eq(|| false);
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
        confirming,
        open,
        competitor_name,
        competitor_error,
        pager,
        month,
        persona,
        persona_name,
        persona_error,
    };
    let content = match props.view {
        SituationView::Overview => overview::overview_view(&ui),
        SituationView::Pestel => pestel::pestel_view(&ui),
        SituationView::Forces => forces::forces_view(&ui),
        SituationView::Swot => swot::swot_view(&ui),
        SituationView::Competitors => competitors::competitors_view(&ui),
        SituationView::Brief => brief::brief_view(&ui),
        SituationView::Personas => personas::personas_view(&ui),
        SituationView::Resources => resources::resources_view(&ui),
    };
    let tabs = chapter_tabs(&app, id, &SituationView::ALL, props.view, Section::Situation, view_key);
    TabbedChapter {
        class: "situation",
        number: 2,
        title: Key::ChapterSituation,
        intro: Key::SitIntro,
        views: Key::SitViews,
        field: EditField::Situation,
    }
    .draw(&app, id, tabs, content)
}
