//! A text field that is saved when the user leaves it, and keeps what the
//! user typed until then. Yew puts a field's `value` back whenever the page
//! redraws (an autosave, another field's edit), so a field bound straight to
//! the saved value would lose half-typed text; this one binds to its own
//! draft, which follows the saved value whenever that changes.

use crate::ui::widgets::dom::target_value;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DraftInputProps {
    pub id: AttrValue,
    /// The saved value, as text.
    pub value: AttrValue,
    /// The text when the user leaves the field (or presses Enter).
    #[prop_or_default]
    pub onchange: Option<Callback<String>>,
    /// The text at every keystroke, for fields saved as they are typed.
    #[prop_or_default]
    pub oninput: Option<Callback<String>>,
    /// Leaving the field (e.g. to end one undo step).
    #[prop_or_default]
    pub onblur: Option<Callback<FocusEvent>>,
    #[prop_or_default]
    pub disabled: bool,
    #[prop_or_default]
    pub class: Classes,
    #[prop_or(AttrValue::Static("text"))]
    pub kind: AttrValue,
    #[prop_or_default]
    pub inputmode: Option<AttrValue>,
    /// For fields without a visible label.
    #[prop_or_default]
    pub label: Option<AttrValue>,
    /// The id of the message explaining why the text was refused.
    #[prop_or_default]
    pub error_id: Option<AttrValue>,
    #[prop_or_default]
    pub min: Option<AttrValue>,
    #[prop_or_default]
    pub max: Option<AttrValue>,
    #[prop_or_default]
    pub step: Option<AttrValue>,
    #[prop_or_default]
    pub placeholder: Option<AttrValue>,
}

/// The field's own draft of `saved`, replaced whenever `saved` changes,
/// and the handler that keeps it up with the typing. (`_eq`: putting the
/// same text back, as the effect does on mount, must not redraw the field.)
#[hook]
fn use_draft(saved: AttrValue, live: Option<Callback<String>>) -> (UseStateHandle<AttrValue>, Callback<InputEvent>) {
    let draft = use_state_eq(|| saved.clone());
    {
        let draft = draft.clone();
        use_effect_with(saved, move |value| draft.set(value.clone()));
    }
    let oninput = {
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| {
            let text = target_value(&e);
            draft.set(AttrValue::from(text.clone()));
            if let Some(live) = &live {
                live.emit(text);
            }
        })
    };
    (draft, oninput)
}

fn change_handler(cb: &Option<Callback<String>>) -> Callback<Event> {
    let cb = cb.clone();
    Callback::from(move |e: Event| {
        if let Some(cb) = &cb {
            cb.emit(target_value(&e));
        }
    })
}

#[function_component(DraftInput)]
pub fn draft_input(props: &DraftInputProps) -> Html {
    let (draft, oninput) = use_draft(props.value.clone(), props.oninput.clone());
    let onchange = change_handler(&props.onchange);
    html! {
        <input id={props.id.clone()} type={props.kind.clone()} class={props.class.clone()}
            inputmode={props.inputmode.clone()} value={(*draft).clone()} {oninput} {onchange}
            onblur={props.onblur.clone()} disabled={props.disabled}
            aria-label={props.label.clone()} min={props.min.clone()} max={props.max.clone()} step={props.step.clone()}
            placeholder={props.placeholder.clone()}
            aria-invalid={props.error_id.is_some().then_some("true")}
            aria-describedby={props.error_id.clone()} />
    }
}

#[derive(Properties, PartialEq)]
pub struct DraftTextareaProps {
    pub id: AttrValue,
    pub value: AttrValue,
    #[prop_or_default]
    pub onchange: Option<Callback<String>>,
    #[prop_or_default]
    pub oninput: Option<Callback<String>>,
    #[prop_or_default]
    pub onblur: Option<Callback<FocusEvent>>,
    #[prop_or_default]
    pub label: Option<AttrValue>,
    /// The id of a hint that describes the field.
    #[prop_or_default]
    pub describedby: Option<AttrValue>,
    #[prop_or_default]
    pub class: Classes,
    #[prop_or(3)]
    pub rows: u32,
}

/// The same for a multi-line text.
#[function_component(DraftTextarea)]
pub fn draft_textarea(props: &DraftTextareaProps) -> Html {
    let (draft, oninput) = use_draft(props.value.clone(), props.oninput.clone());
    let onchange = change_handler(&props.onchange);
    html! {
        <textarea id={props.id.clone()} class={props.class.clone()} rows={props.rows.to_string()}
            value={(*draft).clone()} {oninput} {onchange} onblur={props.onblur.clone()}
            aria-label={props.label.clone()} aria-describedby={props.describedby.clone()} />
    }
}
