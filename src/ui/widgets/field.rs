//! A labelled form field with its hint and error, the same everywhere.

use yew::prelude::*;

/// `control` must carry `id={id}` and, when there is an error,
/// `aria-describedby={format!("{id}-error")}`.
pub fn field(id: &str, label: &str, control: Html, hint: Option<&str>, error: Option<String>) -> Html {
    let error_id = format!("{id}-error");
    html! {
        <div class={classes!("field", error.is_some().then_some("has-error"))}>
            <label for={id.to_owned()}>{ label.to_owned() }</label>
            { control }
            if let Some(hint) = hint { <p class="field-hint">{ hint.to_owned() }</p> }
            if let Some(error) = error { <p id={error_id} class="field-error">{ error }</p> }
        </div>
    }
}

/// A change handler that puts the field's new value into a form draft.
pub fn edit_draft<D: Clone + 'static>(draft: &UseStateHandle<D>, change: fn(&mut D, String)) -> Callback<Event> {
    let draft = draft.clone();
    Callback::from(move |e: Event| {
        let mut next = (*draft).clone();
        change(&mut next, crate::ui::widgets::dom::target_value(&e));
        draft.set(next);
    })
}

/// The same handler for `oninput`, which delivers an `InputEvent`.
pub fn on_typing(change: Callback<Event>) -> Callback<InputEvent> {
    change.reform(|e: InputEvent| e.into())
}

/// A text of the plan saved as it is typed (one undo step per field, sealed
/// when the field is left), with its label above it: `edit` turns the text
/// into the chapter's edit.
pub fn saved_text<E: Into<crate::domain::plan::PlanEdit>>(
    plan: &crate::ui::shell::context::PlanHandle,
    id: String,
    label: &str,
    value: &str,
    long: bool,
    class: &'static str,
    edit: impl Fn(String) -> E + 'static,
) -> Html {
    use crate::ui::widgets::draft_input::{DraftInput, DraftTextarea};
    let oninput = {
        let plan = plan.clone();
        Callback::from(move |text: String| plan.edit(edit(text)))
    };
    let onblur = {
        let plan = plan.clone();
        Callback::from(move |_| plan.seal())
    };
    let control = if long {
        html! { <DraftTextarea id={id.clone()} value={AttrValue::from(value.to_owned())} {oninput} {onblur} rows={2} /> }
    } else {
        html! { <DraftInput id={id.clone()} value={AttrValue::from(value.to_owned())} {oninput} {onblur} /> }
    };
    html! {
        <div class={classes!("field", class)}>
            <label for={id}>{ label.to_owned() }</label>
            { control }
        </div>
    }
}
