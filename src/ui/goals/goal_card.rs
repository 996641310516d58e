//! One goal with its KPIs: their levels, latest figures and status, and the
//! way into each KPI's check-ins and decomposition.

use crate::app::goals::figures::{rate_text, status_class, status_key, value_text};
use crate::domain::core::ids::ItemId;
use crate::domain::goals::dashboard::kpi_figures;
use crate::domain::goals::edit::GoalsEdit;
use crate::i18n::{format_date, Key, Text};
use crate::ui::goals::goal_form::GoalForm;
use crate::ui::goals::kpi_detail::KpiDetail;
use crate::ui::goals::kpi_form::KpiForm;
use crate::ui::shell::context::PlanActions;
use crate::ui::shell::context::{navigate, use_app, PlanRef, Tr};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct GoalCardProps {
    pub plan: PlanRef,
    pub goal: ItemId,
    /// A KPI to open at its check-in form (from "Record actual").
    #[prop_or_default]
    pub focus: Option<ItemId>,
}

/// What part of the card is open.
#[derive(Clone, Copy, PartialEq)]
enum Open {
    Nothing,
    EditGoal,
    NewKpi,
    EditKpi(ItemId),
    Detail(ItemId),
}

#[function_component(GoalCard)]
pub fn goal_card(props: &GoalCardProps) -> Html {
    let Some(app) = use_app() else {
        return html! {};
    };
    let open = use_state(|| Open::Nothing);
    // The KPI whose check-in form should take the cursor once drawn.
    let record = use_state(|| None::<ItemId>);
    {
        let (open, record) = (open.clone(), record.clone());
        let mine = props.focus.filter(|k| {
            props
                .plan
                .goal(props.goal)
                .is_some_and(|g| g.kpis.iter().any(|x| x.id == *k))
        });
        use_effect_with(mine, move |mine| {
            if let Some(kpi) = *mine {
                open.set(Open::Detail(kpi));
                record.set(Some(kpi));
            }
        });
    }
    let plan = &props.plan;
    let Some(goal) = plan.goal(props.goal) else {
        return html! {};
    };
    let (plan_id, goal_id) = (plan.id, goal.id);
    let set = |to: Open| {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(to))
    };
    let close = {
        let open = open.clone();
        Callback::from(move |()| open.set(Open::Nothing))
    };
    let delete_goal = {
        let app = app.clone();
        Callback::from(move |_| app.edit(plan_id, GoalsEdit::RemoveGoal(goal_id)))
    };
    if *open == Open::EditGoal {
        return html! { <GoalForm plan={plan.clone()} dimension={goal.dimension} goal={Some(goal.clone())} onclose={close} /> };
    }
    let meta = [
        goal.due
            .map(|d| Text::new(Key::GoalDueOn).with("date", format_date(app.lang, d))),
        (!goal.owner.is_empty()).then(|| Text::new(Key::GoalOwnedBy).with("owner", &goal.owner)),
        Some(Text::new(Key::GoalSmartCount).with("count", goal.smart.count())),
    ];
    let kpis = goal.kpis.iter().map(|kpi| {
        let f = kpi_figures(plan, goal, kpi, app.today);
        let kpi_id = kpi.id;
        let value = |v| value_text(app.lang, &kpi.unit, &plan.currency, v);
        let levels = Text::new(Key::KpiLevelsLine)
            .with("baseline", value(kpi.baseline))
            .with("target", value(kpi.target))
            .with("challenge", value(kpi.challenge));
        let remove = {
            let app = app.clone();
            Callback::from(move |_| {
                app.edit(plan_id, GoalsEdit::RemoveKpi { goal: goal_id, kpi: kpi_id })
            })
        };
        let detail_open = *open == Open::Detail(kpi_id);
        let toggle = set(if detail_open { Open::Nothing } else { Open::Detail(kpi_id) });
        let record_actual = {
            let (open, record) = (open.clone(), record.clone());
            Callback::from(move |_: MouseEvent| {
                open.set(Open::Detail(kpi_id));
                record.set(Some(kpi_id));
            })
        };
        let row = html! {
            <li class="kpi-row" key={kpi_id.to_string()}>
                <div class="kpi-row-main">
                    <button type="button" class="kpi-toggle" aria-expanded={detail_open.to_string()} onclick={toggle}>
                        <span class="kpi-name">{ &kpi.name }</span>
                    </button>
                    <span class="kpi-levels">{ app.text(&levels) }</span>
                    if f.levels.is_err() { <span class="flag">{ app.t(Key::KpiLevelsFlag) }</span> }
                </div>
                <div class="kpi-row-figures">
                    <span>{ app.t(Key::FigLatest) }{ ": " }{ f.latest.map_or_else(|| "—".to_owned(), |c| value(c.value)) }</span>
                    <span>{ app.t(Key::FigCompletion) }{ ": " }{ rate_text(f.completion) }</span>
                    <span class={status_class(f.status)}>{ app.t(status_key(f.status)) }</span>
                    <button type="button" class="btn btn-small no-print" onclick={record_actual}
                        aria-label={app.text(&Text::new(Key::KpiRecordActualOf).with("name", &kpi.name))}>{ app.t(Key::KpiRecordActual) }</button>
                    <button type="button" class="btn btn-small btn-quiet" onclick={set(Open::EditKpi(kpi_id))}>{ app.t(Key::KpiEdit) }</button>
                    <button type="button" class="btn btn-small btn-danger" onclick={remove}>{ app.t(Key::KpiDelete) }</button>
                </div>
                if *open == Open::EditKpi(kpi_id) {
                    <KpiForm plan={plan.clone()} goal={goal_id} kpi={Some(kpi.clone())} onclose={close.clone()} />
                }
                if detail_open {
                    <KpiDetail plan={plan.clone()} goal={goal_id} kpi={kpi_id} record={*record == Some(kpi_id)} />
                }
            </li>
        };
        row
    });
    // The analysis behind the goal: the TOWS strategies that name it.
    let why = plan.situation.justifying(goal_id);
    let why_link = crate::app::Route::Plan(
        plan.id,
        crate::app::route::Section::Situation(crate::app::route::SituationView::Swot),
    );
    // The strategies of chapter 4 that move the goal or one of its KPIs.
    let served: Vec<&str> = plan.strategies.serving(goal).map(|s| s.title.as_str()).collect();
    let served_link = crate::app::Route::Plan(
        plan.id,
        crate::app::route::Section::Strategies(crate::app::route::StrategyView::Strategies),
    );
    html! {
        <article class="goal-card">
            <header class="goal-head">
                <div>
                    <h4 class="goal-title">{ &goal.title }</h4>
                    if !goal.strategy.is_empty() { <p class="goal-strategy">{ &goal.strategy }</p> }
                    <p class="goal-meta">{ for meta.iter().flatten().map(|t| html! { <span>{ app.text(t) }</span> }) }</p>
                    if !why.is_empty() {
                        <div class="goal-why">
                            <p class="goal-why-title">
                                <a href={why_link.to_hash()} onclick={navigate(&app, why_link)}>{ app.t(Key::SitJustifiedBy) }</a>
                            </p>
                            <ul>{ for why.iter().map(|t| html! {
                                <li><span class="tag tag-muted">{ app.t(crate::app::labels::Labelled::label(t.kind)) }</span>{ " " }{ t.action.clone() }</li>
                            }) }</ul>
                        </div>
                    }
                    if !served.is_empty() {
                        <div class="goal-why goal-served">
                            <p class="goal-why-title">
                                <a href={served_link.to_hash()} onclick={navigate(&app, served_link)}>{ app.t(Key::StratServedBy) }</a>
                            </p>
                            <ul>{ for served.iter().map(|t| html! { <li>{ (*t).to_owned() }</li> }) }</ul>
                        </div>
                    }
                </div>
                <div class="row-actions no-print">
                    <button type="button" class="btn btn-small btn-quiet" onclick={set(Open::EditGoal)}>{ app.t(Key::GoalEdit) }</button>
                    <button type="button" class="btn btn-small btn-danger" onclick={delete_goal}>{ app.t(Key::GoalDelete) }</button>
                </div>
            </header>
            if goal.kpis.is_empty() {
                <p class="empty-note">{ app.t(Key::GoalNoKpis) }</p>
            } else {
                <ul class="kpi-list">{ for kpis }</ul>
            }
            if *open == Open::NewKpi {
                <KpiForm plan={plan.clone()} goal={goal_id} kpi={None} onclose={close} />
            } else {
                <button type="button" class="btn btn-small no-print" onclick={set(Open::NewKpi)}>{ app.t(Key::KpiAdd) }</button>
            }
        </article>
    }
}
