//! The plan's home page: scores, statuses, what needs attention, every KPI.

use crate::app::goals::figures::{dimension_name, rate_text, status_class, status_key};
use crate::app::goals::forms::{parse_threshold, threshold_text};
use crate::app::route::Section;
use crate::app::state::EditField;
use crate::app::Route;
use crate::domain::goals::dashboard::{kpi_figures, Dashboard};
use crate::domain::goals::edit::GoalsEdit;
use crate::domain::goals::kpi::{Status, Thresholds};
use crate::domain::plan::PlanEdit;
use crate::i18n::{format_date, Key, Text};
use crate::ui::goals::kpi_card::kpi_card;
use crate::ui::shell::context::PlanActions;
use crate::ui::shell::context::{navigate, use_app, PlanRef, Tr};
use crate::ui::widgets::amount_input::WholeInput;
use crate::ui::widgets::dom::target_value;
use crate::ui::widgets::field::field;
use crate::ui::widgets::visible::use_windowed;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DashboardProps {
    pub plan: PlanRef,
}

/// KPI cards per batch. A batch is its own component: once drawn, it is not
/// rebuilt when others are. The first `EAGER` batches are drawn at once (a
/// plan of up to 48 KPIs is drawn whole); the others as they come within a
/// screen of the viewport, and all of them before printing.
const BATCH: usize = 24;
const EAGER: usize = 2;

#[derive(Properties, PartialEq)]
struct CardBatchProps {
    plan: PlanRef,
    part: usize,
    drawn: bool,
}

#[function_component(CardBatch)]
fn card_batch(props: &CardBatchProps) -> Html {
    let Some(app) = use_app() else { return html! {} };
    let plan = &props.plan;
    let kpis = plan
        .goals
        .iter()
        .flat_map(|g| g.kpis.iter().map(move |k| (g, k)))
        .skip(props.part * BATCH)
        .take(BATCH);
    html! {
        { for kpis.map(|(goal, kpi)| if props.drawn {
            kpi_card(&app, plan, &kpi_figures(plan, goal, kpi, app.today), false)
        } else {
            // Each placeholder tells the window which batch it belongs to.
            html! { <article class="kpi-card kpi-card-pending" key={kpi.id.to_string()} data-part={props.part.to_string()} aria-hidden="true" /> }
        }) }
    }
}

#[function_component(DashboardView)]
pub fn dashboard_view(props: &DashboardProps) -> Html {
    let Some(app) = use_app() else {
        return html! {};
    };
    let plan = &props.plan;
    let id = plan.id;
    let thresholds = use_state(|| {
        (
            threshold_text(plan.thresholds.on_track),
            threshold_text(plan.thresholds.at_risk),
        )
    });
    let threshold_error = use_state(|| None::<Text>);
    let board = Dashboard::new(plan, app.today);
    let batches = board.kpis.len().div_ceil(BATCH);
    let drawn = use_windowed(".kpi-grid");
    let as_of = Text::new(Key::DashAsOf).with("date", format_date(app.lang, app.today));

    if board.kpis.is_empty() {
        return html! {
            <>
            <section class="card" aria-labelledby="dash-title">
                <h2 id="dash-title">{ app.t(Key::DashTitle) }</h2>
                <div class="empty-state">
                    <p>{ app.t(Key::DashEmpty) }</p>
                    <a class="btn btn-primary" href={Route::Plan(id, Section::Goals).to_hash()}
                        onclick={navigate(&app, Route::Plan(id, Section::Goals))}>{ app.t(Key::DashGoGoals) }</a>
                </div>
            </section>
            if !plan.implementation.tasks.is_empty() { { crate::ui::implementation::reminders::reminders_panel(&app, plan) } }
            { budget_panel(&app, plan) }
            { risk_panel(&app, plan) }
            </>
        };
    }

    let dimensions = board.dimensions.iter().filter(|d| d.kpis > 0).map(|d| {
        let dimension = d.dimension;
        let onchange = app.edit_cb(id, move |weight: u32| {
            Some(GoalsEdit::DimensionWeight(dimension, weight))
        });
        let input_id = format!("weight-{}", dimension.code());
        html! {
            <div class="score-card">
                <h3>{ dimension_name(app.lang, plan, dimension) }</h3>
                <p class="score">{ rate_text(d.score) }</p>
                <p class="score-meta">{ app.text(&Text::new(Key::DashKpiCount).with("count", d.kpis)) }</p>
                <label class="weight" for={input_id.clone()}>
                    { app.t(Key::DashWeight) }
                    <WholeInput id={input_id} min={0} max={100} value={d.weight} {onchange} />
                </label>
            </div>
        }
    });
    let counts = [Status::OnTrack, Status::AtRisk, Status::OffTrack, Status::NoData].map(|s| {
        html! { <li><span class={status_class(s)}>{ app.t(status_key(s)) }</span><strong>{ board.count(s) }</strong></li> }
    });
    let attention = board.attention(5);
    let attention_list = attention.iter().map(|f| {
        html! {
            <li>
                <span class={status_class(f.status)}>{ app.t(status_key(f.status)) }</span>
                <span class="attention-name">{ &f.kpi.name }</span>
                <span class="attention-goal">{ &f.goal.title }</span>
                <span class="attention-pace">{ app.t(Key::FigPace) }{ " " }{ rate_text(f.pace) }</span>
            </li>
        }
    });

    let save_thresholds = {
        let (app, thresholds, threshold_error) = (app.clone(), thresholds.clone(), threshold_error.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match (parse_threshold(&thresholds.0), parse_threshold(&thresholds.1)) {
                (Ok(on_track), Ok(at_risk)) => {
                    threshold_error.set(None);
                    let edit = PlanEdit::Goals(GoalsEdit::Thresholds(Thresholds { on_track, at_risk }));
                    app.edit(id, edit);
                }
                (Err(text), _) | (_, Err(text)) => threshold_error.set(Some(text)),
            }
        })
    };
    let on_track_input = {
        let thresholds = thresholds.clone();
        Callback::from(move |e: InputEvent| thresholds.set((target_value(&e), thresholds.1.clone())))
    };
    let at_risk_input = {
        let thresholds = thresholds.clone();
        Callback::from(move |e: InputEvent| thresholds.set((thresholds.0.clone(), target_value(&e))))
    };
    let refused = app
        .edit_error
        .as_ref()
        .filter(|e| e.plan == id && e.field == EditField::Thresholds)
        .map(|e| app.text(&e.text))
        .or_else(|| threshold_error.as_ref().map(|t| app.text(t)));

    html! {
        <div class="dashboard">
            <section class="card" aria-labelledby="dash-title">
                <div class="section-head">
                    <h2 id="dash-title">{ app.t(Key::DashTitle) }</h2>
                    <span class="page-sub">{ app.text(&as_of) }</span>
                </div>
                <div class="scores">
                    <div class="score-card score-overall">
                        <h3>{ app.t(Key::DashOverall) }</h3>
                        <p class="score">{ rate_text(board.overall) }</p>
                        <p class="score-meta">{ app.t(Key::DashScoreHint) }</p>
                    </div>
                    { for dimensions }
                </div>
                <ul class="status-counts">{ for counts }</ul>
            </section>
            if !plan.implementation.tasks.is_empty() { { crate::ui::implementation::reminders::reminders_panel(&app, plan) } }
            { budget_panel(&app, plan) }
            { risk_panel(&app, plan) }
            <section class="card" aria-labelledby="attention-title">
                <h2 id="attention-title">{ app.t(Key::DashAttention) }</h2>
                if attention.is_empty() {
                    <p class="empty-note">{ app.t(Key::DashAttentionNone) }</p>
                } else {
                    <ol class="attention">{ for attention_list }</ol>
                }
            </section>
            <section aria-labelledby="all-kpis-title">
                <h2 id="all-kpis-title">{ app.t(Key::DashAllKpis) }</h2>
                <div class="kpi-grid">
                    { for (0..batches).map(|b| html! {
                        <CardBatch key={b} plan={plan.clone()} part={b} drawn={drawn.contains(b, EAGER)} />
                    }) }
                </div>
            </section>
            <form class="card thresholds no-print" onsubmit={save_thresholds} aria-labelledby="thresholds-title">
                <h2 id="thresholds-title">{ app.t(Key::DashThresholds) }</h2>
                <div class="form-grid">
                    { field("th-on-track", app.t(Key::DashOnTrackAt), html! {
                        <input id="th-on-track" type="text" inputmode="decimal" value={thresholds.0.clone()} oninput={on_track_input} />
                    }, None, None) }
                    { field("th-at-risk", app.t(Key::DashAtRiskAt), html! {
                        <input id="th-at-risk" type="text" inputmode="decimal" value={thresholds.1.clone()} oninput={at_risk_input} />
                    }, None, None) }
                </div>
                if let Some(error) = refused { <p class="field-error" role="alert">{ error }</p> }
                <button type="submit" class="btn">{ app.t(Key::DashSaveThresholds) }</button>
            </form>
        </div>
    }
}

/// Lines over budget, a projected overrun and overdue approvals, with a
/// link to the budget; nothing when the budget is in order.
fn budget_panel(app: &crate::ui::shell::context::AppHandle, plan: &crate::domain::plan::Plan) -> Html {
    let texts = crate::app::budget::dashboard_texts(app.lang, plan, app.today);
    if texts.is_empty() {
        return html! {};
    }
    let route = Route::Plan(plan.id, Section::Budget(crate::app::route::BudgetView::Lines));
    html! {
        <section class="card budget-alerts" aria-labelledby="budget-alerts-title">
            <h2 id="budget-alerts-title">
                <a href={route.to_hash()} onclick={navigate(app, route)}>{ app.t(Key::DashboardBudget) }</a>
            </h2>
            <ul class="budget-alert-list">{ for texts.into_iter().map(|t| html! { <li>{ t }</li> }) }</ul>
        </section>
    }
}

/// Risks whose KPI trigger a check-in has crossed, each with the check-in
/// that crossed it and a link to the register; nothing when none is.
fn risk_panel(app: &crate::ui::shell::context::AppHandle, plan: &crate::domain::plan::Plan) -> Html {
    let triggered = crate::app::risk::triggered(plan, app.today);
    if triggered.is_empty() {
        return html! {};
    }
    let route = Route::Plan(plan.id, Section::Risks(crate::app::route::RiskView::Register));
    let items = triggered.into_iter().map(|(risk, kpi, check_in)| {
        let (date, value) = (format_date(app.lang, check_in.date), check_in.value.grouped());
        let text = Text::new(Key::DashRiskTriggered)
            .with("risk", &risk.description)
            .with("kpi", &kpi.name);
        let by = Text::new(Key::RiskCrossedBy).with("date", date).with("value", value);
        html! { <li><strong>{ app.text(&text) }</strong>{ " " }{ app.text(&by) }</li> }
    });
    html! {
        <section class="card risk-alerts" aria-labelledby="risk-alerts-title">
            <h2 id="risk-alerts-title">
                <a href={route.to_hash()} onclick={navigate(app, route)}>{ app.t(Key::DashRisks) }</a>
            </h2>
            <ul class="budget-alert-list">{ for items }</ul>
        </section>
    }
}
