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
