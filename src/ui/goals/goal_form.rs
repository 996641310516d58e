//! Adding or editing a goal: title, description, strategy direction, due
//! date, owner and the SMART checklist.

use crate::app::goals::figures::dimension_name;
use crate::app::goals::forms::{GoalDraft, GoalField};
use crate::domain::core::ids::IdSource;
use crate::domain::goals::edit::GoalsEdit;
use crate::domain::goals::goal::{Dimension, Goal, SmartPoint};
use crate::i18n::Key;
use crate::ui::shell::context::PlanActions;
use crate::ui::shell::context::{use_app, use_focus_on, PlanRef, Tr};
use crate::ui::shell::platform::BrowserIds;
use crate::ui::widgets::dom::target_value;
use crate::ui::widgets::field::{edit_draft, field, on_typing};
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct GoalFormProps {
    pub plan: PlanRef,
    pub dimension: Dimension,
    /// The goal being edited; None for a new one.
    pub goal: Option<Goal>,
    pub onclose: Callback<()>,
}

fn smart_keys(point: SmartPoint) -> (Key, Key, &'static str) {
    match point {
        SmartPoint::Specific => (Key::SmartSpecific, Key::SmartSpecificHint, "specific"),
        SmartPoint::Measurable => (Key::SmartMeasurable, Key::SmartMeasurableHint, "measurable"),
        SmartPoint::Achievable => (Key::SmartAchievable, Key::SmartAchievableHint, "achievable"),
        SmartPoint::Relevant => (Key::SmartRelevant, Key::SmartRelevantHint, "relevant"),
        SmartPoint::TimeBound => (Key::SmartTimeBound, Key::SmartTimeBoundHint, "time-bound"),
    }
}

#[function_component(GoalForm)]
pub fn goal_form(props: &GoalFormProps) -> Html {
    let Some(app) = use_app() else {
        return html! {};
    };
    let initial = props
        .goal
        .as_ref()
        .map_or_else(|| GoalDraft::new(props.dimension), GoalDraft::of);
    let draft = use_state(|| initial);
    let tried = use_state(|| false);
    let title_input = use_node_ref();
    use_focus_on(title_input.clone(), ());
    let plan_id = props.plan.id;

    let update = |change: fn(&mut GoalDraft, String)| edit_draft(&draft, change);
    let typed = on_typing;
    let problems = if *tried { draft.problems() } else { Vec::new() };
    let problem = |f: GoalField| problems.iter().find(|(g, _)| *g == f).map(|(_, t)| app.text(t));
    let onsubmit = {
        let (app, draft, tried, onclose, existing) = (
            app.clone(),
            draft.clone(),
            tried.clone(),
            props.onclose.clone(),
            props.goal.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let id = existing.as_ref().map_or_else(|| BrowserIds.item_id(), |g| g.id);
            match draft.build(id, existing.as_ref()) {
                Ok(goal) => {
                    app.edit(plan_id, GoalsEdit::PutGoal(goal));
                    onclose.emit(());
                }
                Err(_) => tried.set(true),
            }
        })
    };
    let cancel = props.onclose.reform(|_: MouseEvent| ());
    let smart = SmartPoint::ALL.iter().map(|&point| {
        let (label, hint, code) = smart_keys(point);
        let onchange = {
            let draft = draft.clone();
            Callback::from(move |e: Event| {
                let on = e
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                    .is_some_and(|i| i.checked());
                let mut next = (*draft).clone();
                next.smart.set(point, on);
                draft.set(next);
            })
        };
        let id = format!("smart-{code}");
        html! {
            <li>
                <input id={id.clone()} type="checkbox" checked={draft.smart.get(point)} {onchange} />
                <label for={id}><strong>{ app.t(label) }</strong>{ " — " }{ app.t(hint) }</label>
            </li>
        }
    });
    let dimension_options = props.plan.dimensions().into_iter().map(|d| {
        html! { <option value={d.code()} selected={d == draft.dimension}>{ dimension_name(app.lang, &props.plan, d) }</option> }
    });
    let on_dimension = {
        let draft = draft.clone();
        Callback::from(move |e: Event| {
            if let Some(d) = Dimension::from_code(&target_value(&e)) {
                let mut next = (*draft).clone();
                next.dimension = d;
                draft.set(next);
            }
        })
    };
    html! {
        <form class="card goal-form" {onsubmit} novalidate=true aria-label={app.t(Key::GoalFormTitle)}>
            <div class="form-grid">
                { field("goal-title", app.t(Key::GoalTitle), html! {
                    <input id="goal-title" ref={title_input} type="text" value={draft.title.clone()} oninput={typed(update(|d, v| d.title = v))}
                        placeholder={app.t(Key::GoalTitlePlaceholder)} aria-invalid={problem(GoalField::Title).is_some().to_string()}
                        aria-describedby="goal-title-error" />
                }, None, problem(GoalField::Title)) }
                { field("goal-dimension", app.t(Key::GoalDimension), html! {
                    <select id="goal-dimension" onchange={on_dimension}>{ for dimension_options }</select>
                }, None, None) }
                { field("goal-strategy", app.t(Key::GoalStrategy), html! {
                    <input id="goal-strategy" type="text" value={draft.strategy.clone()} oninput={typed(update(|d, v| d.strategy = v))} />
                }, None, None) }
                { field("goal-due", app.t(Key::GoalDue), html! {
                    <input id="goal-due" type="date" value={draft.due.clone()} oninput={typed(update(|d, v| d.due = v))}
                        aria-describedby="goal-due-error" />
                }, None, problem(GoalField::Due)) }
                { field("goal-owner", app.t(Key::GoalOwner), html! {
                    <input id="goal-owner" type="text" value={draft.owner.clone()} oninput={typed(update(|d, v| d.owner = v))} />
                }, None, None) }
            </div>
            { field("goal-description", app.t(Key::GoalDescription), html! {
                <textarea id="goal-description" rows="2" value={draft.description.clone()} oninput={typed(update(|d, v| d.description = v))} />
            }, None, None) }
            <fieldset class="smart">
                <legend>{ app.t(Key::GoalSmart) }</legend>
                <ul>{ for smart }</ul>
            </fieldset>
            <div class="form-actions">
                <button type="submit" class="btn btn-primary">{ app.t(Key::GoalSave) }</button>
                <button type="button" class="btn btn-quiet" onclick={cancel}>{ app.t(Key::FormCancel) }</button>
            </div>
        </form>
    }
}
