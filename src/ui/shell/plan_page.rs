//! One open plan: its dashboard and chapters on the left, the part being
//! worked on beside.

pub use crate::app::document::chapter_key;
use crate::app::messages::{period_kind, period_range};
use crate::app::route::{BudgetView, DocView, ImplView, RiskView, Section, SituationView, StrategyView, TeamView};
use crate::app::Route;
use crate::domain::core::ids::{ItemId, PlanId};
use crate::domain::implementation::schedule::reminders;
use crate::domain::plan::Chapter;
use crate::i18n::{format_date, Key, Text};
use crate::ui::evaluation::review_page::ReviewPage;
use crate::ui::evaluation::reviews::ReviewsChapter;
use crate::ui::goals::chapter::GoalsChapter;
use crate::ui::goals::dashboard::DashboardView;
use crate::ui::shell::context::{navigate, use_app, PlanRef, Tr};
use crate::ui::shell::io::export_plan;
use crate::ui::shell::lazy_screen::{LazyBudget, LazyImplementation};
use crate::ui::shell::lazy_screen::{LazyDocument, LazyRisk, LazySituation, LazyStrategy, LazyTeam};
use crate::ui::summary::chapter::SummaryChapter;
use crate::ui::summary::plan_details::PlanDetails;
use crate::ui::widgets::dom::focus_heading;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PlanPageProps {
    pub id: PlanId,
    pub section: Section,
}

/// Where a built chapter lives.
fn chapter_section(chapter: Chapter) -> Option<Section> {
    match chapter {
        Chapter::Summary => Some(Section::Summary),
        Chapter::Situation => Some(Section::Situation(SituationView::Overview)),
        Chapter::Strategies => Some(Section::Strategies(StrategyView::Strategies)),
        Chapter::Goals => Some(Section::Goals),
        Chapter::Implementation => Some(Section::Implementation(ImplView::Tasks)),
        Chapter::Budget => Some(Section::Budget(BudgetView::Lines)),
        Chapter::Risks => Some(Section::Risks(RiskView::Register)),
        Chapter::Evaluation => Some(Section::Reviews),
    }
}

/// The entry of the chapter list a section is under.
fn chapter_of(section: Section) -> Section {
    match section {
        Section::Review(_) => Section::Reviews,
        Section::Kpi(_) => Section::Goals,
        Section::Implementation(_) => Section::Implementation(ImplView::Tasks),
        Section::Budget(_) => Section::Budget(BudgetView::Lines),
        Section::Situation(_) => Section::Situation(SituationView::Overview),
        Section::Strategies(_) => Section::Strategies(StrategyView::Strategies),
        Section::Team(_) => Section::Team(TeamView::Positions),
        Section::Risks(_) => Section::Risks(RiskView::Register),
        Section::Document(_) => Section::Document(DocView::Plan),
        other => other,
    }
}

#[function_component(PlanPage)]
pub fn plan_page(props: &PlanPageProps) -> Html {
    let app = use_app();
    // Which chapter is open, by its place in the chapter list.
    let chapter = chapter_of(props.section);
    {
        // A chapter change (not the first view, not a view inside the
        // chapter, not a link to a task, which focuses the task) brings the
        // chapter's heading to the top and moves the focus to it.
        let seen = use_mut_ref(|| None::<Section>);
        let to_task = matches!(
            props.section,
            Section::Implementation(ImplView::Task(_)) | Section::Kpi(_)
        );
        use_effect_with(chapter, move |chapter| {
            let before = seen.borrow_mut().replace(*chapter);
            if before.is_some() && !to_task {
                focus_heading(".plan-content");
            }
        });
    }
    let Some(app) = app else {
        return html! {};
    };
    let id = props.id;
    let back = navigate(&app, Route::Library);
    let back_link =
        html! { <a class="back-link no-print" href="#/" onclick={back}>{ "← " }{ app.t(Key::PlanBack) }</a> };
    let Some(plan) = app.library.get(id) else {
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
    let current = chapter;
    let due = reminders(
        &plan.implementation.tasks,
        plan.period.launch_day,
        app.today,
        plan.implementation.reminder_days,
    )
    .count();
    let link = |section: Section, label: String| {
        let badge = (section == Section::Implementation(ImplView::Tasks) && due > 0).then(|| {
            let text = app.text(&Text::new(Key::NavReminderBadge).with("count", due));
            html! { <span class="badge" title={text.clone()} aria-label={text}>{ due }</span> }
        });
        let route = Route::Plan(id, section);
        let aria_current = (section == current).then_some("page");
        html! {
            <li>
                <a class={classes!("chapter-link", (section == current).then_some("current"))} href={route.to_hash()}
                    aria-current={aria_current} onclick={navigate(&app, route)}>{ label }{ for badge }</a>
            </li>
        }
    };
    let chapters = Chapter::ALL.iter().map(|&chapter| {
        let label = format!("{}. {}", chapter.number(), app.t(chapter_key(chapter)));
        match chapter_section(chapter) {
            // Chapter 6 is money and people: the team is its second entry.
            Some(section) if chapter == Chapter::Budget => html! {
                <>
                    { link(section, label) }
                    <li class="nav-sub-item">
                        <ol class="nav-sub">{ link(Section::Team(TeamView::Positions), app.t(Key::NavTeam).to_owned()) }</ol>
                    </li>
                </>
            },
            Some(section) => link(section, label),
            None => html! {
                <li class="chapter-unavailable" aria-disabled="true">
                    <span>{ label }</span>
                    <span class="tag tag-muted">{ app.t(Key::PlanNotBuilt) }</span>
                </li>
            },
        }
    });
    let launch = plan
        .period
        .launch_day
        .map(|t| Text::new(Key::PeriodLaunch).with("date", format_date(app.lang, t)));
    let shared = PlanRef(Rc::new(plan.clone()));
    let content = match props.section {
        Section::Dashboard => html! { <DashboardView plan={shared} /> },
        Section::Summary => html! {
            <>
                <PlanDetails plan={plan.clone()} />
                <SummaryChapter plan={plan.clone()} />
            </>
        },
        Section::Goals => html! { <GoalsChapter plan={shared} focus={None::<ItemId>} /> },
        Section::Kpi(kpi) => html! { <GoalsChapter plan={shared} focus={Some(kpi)} /> },
        Section::Reviews => html! { <ReviewsChapter plan={shared} /> },
        Section::Review(review) => html! { <ReviewPage plan={shared} {review} /> },
        Section::Implementation(view) => html! { <LazyImplementation plan={shared} {view} /> },
        Section::Budget(view) => html! { <LazyBudget plan={shared} {view} /> },
        Section::Situation(view) => html! { <LazySituation plan={shared} {view} /> },
        Section::Strategies(view) => html! { <LazyStrategy plan={shared} {view} /> },
        Section::Team(view) => html! { <LazyTeam plan={shared} {view} /> },
        Section::Risks(view) => html! { <LazyRisk plan={shared} {view} /> },
        Section::Document(view) => html! { <LazyDocument plan={shared} {view} /> },
    };
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
                    <ol class="nav-home">{ link(Section::Dashboard, app.t(Key::NavDashboard).to_owned()) }</ol>
                    <h2 class="nav-title">{ app.t(Key::PlanChapters) }</h2>
                    <ol>{ for chapters }</ol>
                    <ol class="nav-home nav-document">{ link(Section::Document(DocView::Plan), app.t(Key::DocNav).to_owned()) }</ol>
                </nav>
                <div class="plan-content">{ content }</div>
            </div>
        </div>
    }
}
