//! Chapter 5, the implementation plan: the launch day T, the four views
//! (task table, timeline, marketing calendar, meetings and reminders) and
//! the calendar and spreadsheet exports.

use crate::app::draft::{date_text, parse_date};
use crate::app::implementation::{export_name, plan_ics, tasks_csv, AnalysisCache};
use crate::app::route::{ImplView, Section};
use crate::app::state::EditField;
use crate::app::Route;
use crate::domain::core::ids::ItemId;
use crate::domain::core::period::PeriodKind;
use crate::domain::implementation::schedule::{in_running_order, titles, Analysis, TaskFlag};
use crate::domain::plan::DetailsEdit;
use crate::i18n::{Key, Text};
use crate::ui::implementation::marketing_calendar::MarketingCalendar;
use crate::ui::implementation::task_table::TaskTable;
use crate::ui::implementation::timeline::Timeline;
use crate::ui::shell::context::PlanActions;
use crate::ui::shell::context::{use_app, PlanRef, Tr};
use crate::ui::shell::io::offer_download;
use crate::ui::shell::platform::now;
use crate::ui::widgets::draft_input::DraftInput;
use crate::ui::widgets::tabs::view_tabs;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ImplementationProps {
    pub plan: PlanRef,
    pub view: ImplView,
}

fn view_key(view: ImplView) -> Key {
    match view {
        ImplView::Tasks | ImplView::Task(_) => Key::ImplTabTasks,
        ImplView::Timeline => Key::ImplTabTimeline,
        ImplView::Calendar => Key::ImplTabCalendar,
        ImplView::Meetings => Key::ImplTabMeetings,
    }
}

/// The analysis of the plan's tasks, shared by the views of one render.
#[derive(Clone)]
pub struct AnalysisRef(pub Rc<Analysis>);

impl PartialEq for AnalysisRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[function_component(ImplementationChapter)]
pub fn implementation_chapter(props: &ImplementationProps) -> Html {
    let Some(app) = use_app() else { return html! {} };
    let plan = &props.plan;
    let id = plan.id;
    // Reused while only texts change: typing a title re-analyses nothing.
    let cache = use_mut_ref(AnalysisCache::default);
    let analysis = AnalysisRef(cache.borrow_mut().get(&plan.implementation, plan.period.launch_day));

    let tabs = view_tabs(
        &app,
        app.t(Key::ImplViews),
        ImplView::ALL.iter().map(|&view| {
            let current = view == props.view.tab();
            (
                Route::Plan(id, Section::Implementation(view)),
                app.t(view_key(view)),
                current,
            )
        }),
    );
    let on_launch = {
        let app = app.clone();
        Callback::from(move |typed: String| {
            if let Some(day) = parse_date(&typed) {
                app.edit(id, DetailsEdit::LaunchDay(day));
            }
        })
    };
    let clear_launch = {
        let app = app.clone();
        Callback::from(move |_| app.edit(id, DetailsEdit::ClearLaunchDay))
    };
    let export_ics = {
        let (app, plan) = (app.clone(), plan.clone());
        Callback::from(move |_| {
            let text = plan_ics(&plan, app.lang, now());
            offer_download(&app, &export_name(&plan, "ics"), "text/calendar;charset=utf-8", &text);
        })
    };
    let export_csv = {
        let (app, plan) = (app.clone(), plan.clone());
        Callback::from(move |_| {
            let text = tasks_csv(&plan, app.lang);
            offer_download(&app, &export_name(&plan, "csv"), "text/csv;charset=utf-8", &text);
        })
    };
    let error = app
        .edit_error
        .as_ref()
        .filter(|e| e.plan == id && matches!(e.field, EditField::Items | EditField::Period))
        .map(|e| app.text(&e.text));
    let tasks = &plan.implementation.tasks;
    let cycle = analysis.0.cycle.as_ref().map(|cycle| {
        let first = cycle.first().copied();
        let ordered = first.map_or_else(Vec::new, |f| in_running_order(cycle.clone(), f));
        Text::new(Key::ImplCycleBanner).with("tasks", titles(tasks, &ordered).join(" → "))
    });
    let missing = analysis
        .0
        .flags
        .values()
        .filter(|f| f.contains(&TaskFlag::MissingDependency))
        .count();
    let launch_value = plan.period.launch_day.map(date_text).unwrap_or_default();
    let content = match props.view {
        ImplView::Tasks => {
            html! { <TaskTable plan={plan.clone()} analysis={analysis.clone()} focus={None::<ItemId>} /> }
        }
        ImplView::Task(task) => {
            html! { <TaskTable plan={plan.clone()} analysis={analysis.clone()} focus={Some(task)} /> }
        }
        ImplView::Timeline => html! { <Timeline plan={plan.clone()} analysis={analysis.clone()} /> },
        ImplView::Calendar => html! { <MarketingCalendar plan={plan.clone()} analysis={analysis.clone()} /> },
        ImplView::Meetings => crate::ui::implementation::meetings::meetings_view(&app, plan),
    };
    html! {
        <section class="chapter implementation" aria-labelledby="impl-title">
            <div class="section-head">
                <h2 id="impl-title">{ format!("5. {}", app.t(Key::ImplTitle)) }</h2>
                <div class="toolbar no-print">
                    <button type="button" class="btn" onclick={export_ics}>{ app.t(Key::ImplExportIcs) }</button>
                    <button type="button" class="btn" onclick={export_csv}>{ app.t(Key::ImplExportCsv) }</button>
                </div>
            </div>
            <p class="chapter-intro no-print">{ app.t(Key::ImplIntro) }</p>
            <div class="launch-day no-print">
                <label for="launch-day">{ app.t(Key::ImplLaunchDay) }</label>
                <DraftInput id="launch-day" kind="date" value={launch_value} onchange={on_launch}
                    min={date_text(plan.period.start)} max={date_text(plan.period.end)} />
                if plan.period.launch_day.is_some() && plan.period.kind != PeriodKind::Campaign {
                    <button type="button" class="btn btn-small btn-quiet" onclick={clear_launch}>{ app.t(Key::ImplClearLaunchDay) }</button>
                }
                <span class="field-hint">{ app.t(if plan.period.launch_day.is_some() { Key::ImplLaunchDayHint } else { Key::ImplLaunchDayNone }) }</span>
            </div>
            if let Some(error) = error {
                <p class="field-error" role="alert">{ error }</p>
            }
            if let Some(cycle) = cycle {
                <p class="banner banner-warning" role="alert">{ app.text(&cycle) }</p>
            }
            if missing > 0 {
                <p class="banner banner-warning">{ app.text(&Text::new(Key::ImplMissingBanner).with("count", missing)) }</p>
            }
            { tabs }
            { content }
        </section>
    }
}
