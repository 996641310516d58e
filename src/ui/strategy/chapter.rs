//! Chapter 4's frame: heading, what the chapter is for, its views as tabs,
//! the message of a refused edit.

use super::{channels, communication, coverage, media, membership, pricing, strategies, RowDraft, Ui};
use crate::app::route::{Section, StrategyView};
use crate::app::state::EditField;
use crate::i18n::Key;
use crate::ui::shell::context::{use_app, use_plan, PlanRef};
use crate::ui::widgets::dom::use_focus_later;
use crate::ui::widgets::tabs::{chapter_tabs, TabbedChapter};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StrategyProps {
    pub plan: PlanRef,
    pub view: StrategyView,
}

pub fn view_key(view: StrategyView) -> Key {
    match view {
        StrategyView::Strategies => Key::StratTabStrategies,
        StrategyView::Coverage => Key::StratTabCoverage,
        StrategyView::Products => Key::StratTabProducts,
        StrategyView::Channels => Key::StratTabChannels,
        StrategyView::Communication => Key::StratTabCommunication,
        StrategyView::Media => Key::StratTabMedia,
        StrategyView::Membership => Key::StratTabMembership,
    }
}

#[function_component(StrategyChapter)]
pub fn strategy_chapter(props: &StrategyProps) -> Html {
    let focus = use_focus_later();
    let product = use_state_eq(|| None);
    let quantity = use_state_eq(|| 5u32);
    let promo = use_state_eq(RowDraft::default);
    let promo_error = use_state_eq(|| None);
    let tier = use_state_eq(RowDraft::default);
    let tier_error = use_state_eq(|| None);
    let season = use_state_eq(RowDraft::default);
    let season_error = use_state_eq(|| None);
    let product_name = use_state(String::new);
    let product_error = use_state_eq(|| false);
    let kol_name = use_state(String::new);
    let kol_error = use_state_eq(|| false);
    let picking = use_state_eq(|| None);
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
        product,
        quantity,
        promo,
        promo_error,
        tier,
        tier_error,
        season,
        season_error,
        product_name,
        product_error,
        kol_name,
        kol_error,
        picking,
    };
    let content = match props.view {
        StrategyView::Strategies => strategies::strategies_view(&ui),
        StrategyView::Coverage => coverage::coverage_view(&ui),
        StrategyView::Products => pricing::products_view(&ui),
        StrategyView::Channels => channels::channels_view(&ui),
        StrategyView::Communication => communication::communication_view(&ui),
        StrategyView::Media => media::media_view(&ui),
        StrategyView::Membership => membership::membership_view(&ui),
    };
    let tabs = chapter_tabs(&app, id, &StrategyView::ALL, props.view, Section::Strategies, view_key);
    TabbedChapter {
        class: "strategy",
        number: 4,
        title: Key::ChapterStrategies,
        intro: Key::StratIntro,
        views: Key::StratViews,
        field: EditField::Strategy,
    }
    .draw(&app, id, tabs, content)
}
