//! Chapter 3, goals (市场管理目标): goals by dimension, each with its KPIs.

use crate::app::goals::figures::dimension_name;
use crate::app::state::EditField;
use crate::domain::core::ids::{IdSource, ItemId};
use crate::domain::goals::edit::GoalsEdit;
use crate::domain::goals::goal::{CustomDimension, Dimension};
use crate::i18n::Key;
use crate::ui::goals::goal_card::GoalCard;
use crate::ui::goals::goal_form::GoalForm;
use crate::ui::shell::context::PlanActions;
use crate::ui::shell::context::{use_app, PlanRef, Tr};
use crate::ui::shell::platform::BrowserIds;
use crate::ui::widgets::dom::target_value;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct GoalsProps {
    pub plan: PlanRef,
    /// A KPI to open, with the cursor in its check-in form.
    pub focus: Option<ItemId>,
}

#[function_component(GoalsChapter)]
pub fn goals_chapter(props: &GoalsProps) -> Html {
    let Some(app) = use_app() else {
        return html! {};
    };
    let plan = &props.plan;
    let id = plan.id;
    // The dimension whose "new goal" form is open.
    let adding = use_state(|| None::<Dimension>);
    let new_dimension = use_state(String::new);

    let error = app
        .edit_error
        .as_ref()
        .filter(|e| e.plan == id && e.field == EditField::Items)
        .map(|e| app.text(&e.text));
    let sections = plan.dimensions().into_iter().map(|dimension| {
        let goals: Vec<_> = plan.goals.iter().filter(|g| g.dimension == dimension).collect();
        let open = {
            let adding = adding.clone();
            Callback::from(move |_| adding.set(Some(dimension)))
        };
        let close = {
            let adding = adding.clone();
            Callback::from(move |()| adding.set(None))
        };
        let heading_id = format!("dimension-{}", dimension.code());
        html! {
            <section class="dimension" aria-labelledby={heading_id.clone()} key={dimension.code()}>
                <div class="section-head">
                    <h3 id={heading_id}>{ dimension_name(app.lang, plan, dimension) }</h3>
                    <button type="button" class="btn btn-small" onclick={open}>{ app.t(Key::GoalsAdd) }</button>
                </div>
                if *adding == Some(dimension) {
                    <GoalForm plan={plan.clone()} {dimension} goal={None} onclose={close} />
                }
                if goals.is_empty() && *adding != Some(dimension) {
                    <p class="empty-note">{ app.t(Key::GoalsEmptyDimension) }</p>
                }
                { for goals.iter().map(|g| html! { <GoalCard key={g.id.to_string()} plan={plan.clone()} goal={g.id} focus={props.focus} /> }) }
            </section>
        }
    });
    let add_dimension = {
        let (app, new_dimension) = (app.clone(), new_dimension.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let dimension = CustomDimension {
                id: BrowserIds.item_id(),
                name: new_dimension.trim().to_owned(),
            };
            app.edit(id, GoalsEdit::AddDimension(dimension));
            if !new_dimension.trim().is_empty() {
                new_dimension.set(String::new());
            }
        })
    };
    let on_dimension_input = {
        let new_dimension = new_dimension.clone();
        Callback::from(move |e: InputEvent| new_dimension.set(target_value(&e)))
    };
    html! {
        <section class="card chapter" aria-labelledby="goals-title">
            <h2 id="goals-title">{ format!("3. {}", app.t(Key::ChapterGoals)) }</h2>
            <p class="chapter-intro">{ app.t(Key::GoalsIntro) }</p>
            if let Some(error) = error { <p class="field-error" role="alert">{ error }</p> }
            { for sections }
            <form class="add-dimension no-print" onsubmit={add_dimension}>
                <label for="new-dimension">{ app.t(Key::GoalsDimensionName) }</label>
                <input id="new-dimension" type="text" value={(*new_dimension).clone()} oninput={on_dimension_input} />
                <button type="submit" class="btn btn-small">{ app.t(Key::GoalsAddDimension) }</button>
            </form>
        </section>
    }
}
