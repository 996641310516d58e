//! One open plan: its chapters on the left, the chapter being edited beside.

use super::context::{navigate, use_app, Tr};
use super::io::export_plan;
use super::plan_details::PlanDetails;
use super::summary::SummaryChapter;
use crate::app::messages::{period_kind, period_range};
use crate::app::Route;
use crate::domain::ids::PlanId;
use crate::domain::plan::Chapter;
use crate::i18n::{format_date, Key, Text};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PlanPageProps {
    pub id: PlanId,
}

pub fn chapter_key(chapter: Chapter) -> Key {
    match chapter {
        Chapter::Summary => Key::ChapterSummary,
        Chapter::Situation => Key::ChapterSituation,
        Chapter::Goals => Key::ChapterGoals,
        Chapter::Strategies => Key::ChapterStrategies,
        Chapter::Implementation => Key::ChapterImplementation,
        Chapter::Budget => Key::ChapterBudget,
        Chapter::Risks => Key::ChapterRisks,
        Chapter::Evaluation => Key::ChapterEvaluation,
    }
}

#[function_component(PlanPage)]
pub fn plan_page(props: &PlanPageProps) -> Html {
    let Some(app) = use_app() else {
        return html! {};
    };
    let back = navigate(&app, Route::Library);
    let back_link = html! { <a class="back-link no-print" href="#/" onclick={back}>{ "← " }{ app.t(Key::PlanBack) }</a> };
    let Some(plan) = app.library.get(props.id) else {
        return html! {
            <div class="plan-missing">
                { back_link }
                <p class="empty-note">{ app.t(Key::PlanNotFound) }</p>
            </div>
        };
    };
    let export = {
        let (app, plan) = (app.clone(), plan.clone());
        Callback::from(move |_| export_plan(&app, &plan))
    };
    let chapters = Chapter::ALL.iter().map(|&chapter| {
        let label = format!("{}. {}", chapter.number(), app.t(chapter_key(chapter)));
        if chapter.is_available() {
            html! { <li><a class="chapter-link" aria-current="page" href="#chapter-summary">{ label }</a></li> }
        } else {
            html! {
                <li class="chapter-unavailable" aria-disabled="true">
                    <span>{ label }</span>
                    <span class="tag tag-muted">{ app.t(Key::PlanNotBuilt) }</span>
                </li>
            }
        }
    });
    let launch = plan
        .period
        .launch_day
        .map(|t| Text::new(Key::PeriodLaunch).with("date", format_date(app.lang, t)));
    html! {
        <div class="plan-page">
            { back_link }
            <div class="page-head">
                <div>
                    <h1 class="plan-title">{ &plan.name }</h1>
                    <p class="page-sub">
                        <span class="tag">{ app.t(period_kind(plan.period.kind)) }</span>
                        { period_range(app.lang, &plan.period) }
                        if let Some(launch) = launch { { " · " }{ app.text(&launch) } }
                        if !plan.organisation.is_empty() { { " · " }{ &plan.organisation } }
                    </p>
                </div>
                <div class="toolbar no-print">
                    <button type="button" class="btn" onclick={export}>{ app.t(Key::PlanExport) }</button>
                </div>
            </div>
            <div class="plan-layout">
                <nav class="chapter-nav no-print" aria-label={app.t(Key::PlanChapters)}>
                    <h2 class="nav-title">{ app.t(Key::PlanChapters) }</h2>
                    <ol>{ for chapters }</ol>
                </nav>
                <div class="plan-content">
                    <PlanDetails plan={plan.clone()} />
                    <SummaryChapter plan={plan.clone()} />
                </div>
            </div>
        </div>
    }
}
