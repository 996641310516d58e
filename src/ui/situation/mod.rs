//! Chapter 2, situation analysis: one view per tool, all drawing from
//! `app::situation` and sending `SituationEdit`s.

pub mod brief;
pub mod chapter;
pub mod competitors;
pub mod forces;
pub mod overview;
pub mod personas;
pub mod pestel;
pub mod resources;
pub mod swot;

use crate::app::labels::Labelled;
use crate::domain::core::ids::ItemId;
use crate::domain::plan::Plan;
use crate::domain::situation::brief::Month;
use crate::domain::situation::edit::{SituationEdit, TextTarget};
use crate::domain::situation::Score;
use crate::i18n::Key;
use crate::ui::shell::context::{AppHandle, PlanHandle, PlanRef, Tr};
use crate::ui::widgets::dom::target_value;
use crate::ui::widgets::dom::FocusLater;
use crate::ui::widgets::field::saved_text;
use crate::ui::widgets::pager::Pager;
use yew::prelude::*;

/// What the chapter's views draw from: the store, the plan, and the view
/// state they keep between redraws. The chapter is one Yew component that
/// holds all of it, and the views are plain functions: every component
/// costs several KB of generic lifecycle code in the wasm.
#[derive(Clone)]
pub struct Ui {
    pub app: AppHandle,
    pub handle: PlanHandle,
    pub plan: PlanRef,
    pub focus: FocusLater,
    /// The SWOT item whose deletion waits for a yes.
    pub confirming: UseStateHandle<Option<ItemId>>,
    /// The competitor whose card is open.
    pub open: UseStateHandle<Option<ItemId>>,
    pub competitor_name: UseStateHandle<String>,
    pub competitor_error: UseStateHandle<bool>,
    pub pager: Pager,
    pub month: UseStateHandle<Option<Month>>,
    pub persona: UseStateHandle<Option<ItemId>>,
    pub persona_name: UseStateHandle<String>,
    pub persona_error: UseStateHandle<bool>,
}

/// A text of chapter 2, saved as it is typed (one undo step per field), with
/// its label above it.
pub fn text_field(plan: &PlanHandle, id: String, label: &str, target: TextTarget, value: &str, long: bool) -> Html {
    saved_text(plan, id, label, value, long, "", move |text| {
        SituationEdit::Text(target, text)
    })
}

/// A `<select>` of a coded enum's values, with a first "not set" entry when
/// `blank` names it. `aria` labels a select that has no visible label.
pub fn choice<T: Labelled>(
    app: &AppHandle,
    id: String,
    value: Option<T>,
    blank: Option<Key>,
    aria: Option<&str>,
    onchange: Callback<Option<T>>,
) -> Html {
    let onchange = Callback::from(move |e: Event| onchange.emit(T::from_code(&target_value(&e))));
    html! {
        <select {id} aria-label={aria.map(str::to_owned)} {onchange}>
            if let Some(blank) = blank {
                <option value="" selected={value.is_none()}>{ app.t(blank) }</option>
            }
            { for T::all().iter().map(|v| html! {
                <option value={v.code()} selected={Some(*v) == value}>{ app.t(v.label()) }</option>
            }) }
        </select>
    }
}

/// A 1-5 select; with `blank`, a first empty entry (a mark not given yet).
pub fn score_select(
    id: String,
    value: Option<Score>,
    blank: bool,
    aria: Option<String>,
    onchange: Callback<Option<Score>>,
) -> Html {
    let onchange = Callback::from(move |e: Event| {
        onchange.emit(target_value(&e).parse::<u8>().ok().and_then(Score::new));
    });
    html! {
        <select {id} class="input-narrow" aria-label={aria} {onchange}>
            if blank { <option value="" selected={value.is_none()}>{ "–" }</option> }
            { for Score::ALL.iter().map(|s| html! {
                <option value={s.get().to_string()} selected={Some(*s) == value}>{ s.get().to_string() }</option>
            }) }
        </select>
    }
}

/// Checkboxes for the plan's goals; `picked` are checked. A picked goal
/// that is gone is not listed here: the caller flags it.
pub fn goal_checks(plan: &Plan, id: &str, picked: &[ItemId], onchange: Callback<Vec<ItemId>>) -> Html {
    let items = plan.goals.iter().map(|goal| {
        let checked = picked.contains(&goal.id);
        let gid = goal.id;
        let (picked, onchange) = (picked.to_vec(), onchange.clone());
        let toggle = Callback::from(move |_: Event| {
            let mut next = picked.clone();
            if checked {
                next.retain(|g| *g != gid);
            } else {
                next.push(gid);
            }
            onchange.emit(next);
        });
        let box_id = format!("{id}-{gid}");
        html! {
            <li>
                <input type="checkbox" id={box_id.clone()} {checked} onchange={toggle} />
                <label for={box_id}>{ goal.title.clone() }</label>
            </li>
        }
    });
    html! { <ul class="check-list">{ for items }</ul> }
}

/// The one-field form that adds a named item (a competitor, a persona): a
/// blank name is refused beside the field; `add` gets the trimmed name.
pub fn name_form(
    app: &AppHandle,
    id: &'static str,
    label: Key,
    button: Key,
    name: &UseStateHandle<String>,
    error: &UseStateHandle<bool>,
    add: Callback<String>,
) -> Html {
    let onsubmit = {
        let (name, error) = (name.clone(), error.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let typed = name.trim().to_owned();
            error.set(typed.is_empty());
            if !typed.is_empty() {
                name.set(String::new());
                add.emit(typed);
            }
        })
    };
    let oninput = {
        let name = name.clone();
        Callback::from(move |e: InputEvent| name.set(target_value(&e)))
    };
    let error_id = format!("{id}-error");
    html! {
        <form class="inline-form card" {onsubmit}>
            <div class={classes!("field", error.then_some("has-error"))}>
                <label for={id}>{ app.t(label) }</label>
                <input {id} type="text" value={(**name).clone()} {oninput}
                    aria-describedby={error.then_some(error_id.clone())} />
                if **error {
                    <p class="field-error" id={error_id} role="alert">{ app.t(Key::ErrorNameRequired) }</p>
                }
            </div>
            <button type="submit" class="btn btn-primary">{ app.t(button) }</button>
        </form>
    }
}
