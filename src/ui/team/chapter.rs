//! The team's frame: heading, what it is for, its views as tabs, the
//! message of a refused edit (a reporting loop names its positions).

use super::{chart, incentives, positions, raci, training, Ui};
use crate::app::route::{Section, TeamView};
use crate::app::state::EditField;
use crate::i18n::Key;
use crate::ui::shell::context::{use_app, use_plan, PlanRef};
use crate::ui::widgets::dom::use_focus_later;
use crate::ui::widgets::pager::use_pager;
use crate::ui::widgets::tabs::{chapter_tabs, TabbedChapter};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TeamProps {
    pub plan: PlanRef,
    pub view: TeamView,
}

pub fn view_key(view: TeamView) -> Key {
    match view {
        TeamView::Positions => Key::TeamTabPositions,
        TeamView::Chart => Key::TeamTabChart,
        TeamView::Raci => Key::TeamTabRaci,
        TeamView::Training => Key::TeamTabTraining,
        TeamView::Incentives => Key::TeamTabIncentives,
    }
}

#[function_component(TeamChapter)]
pub fn team_chapter(props: &TeamProps) -> Html {
    let focus = use_focus_later();
    let new_group = use_state(String::new);
    let new_position = use_state(String::new);
    let name_error = use_state_eq(|| false);
    let columns = use_state_eq(|| raci::Columns::Default);
    let pager = use_pager(50);
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
        new_group,
        new_position,
        name_error,
        columns,
        pager,
    };
    let content = match props.view {
        TeamView::Positions => positions::positions_view(&ui),
        TeamView::Chart => chart::chart_view(&ui),
        TeamView::Raci => raci::raci_view(&ui),
        TeamView::Training => training::training_view(&ui),
        TeamView::Incentives => incentives::incentives_view(&ui),
    };
    let tabs = chapter_tabs(&app, id, &TeamView::ALL, props.view, Section::Team, view_key);
    TabbedChapter {
        class: "team",
        number: 6,
        title: Key::TeamTitle,
        intro: Key::TeamIntro,
        views: Key::TeamViews,
        field: EditField::Team,
    }
    .draw(&app, id, tabs, content)
}
