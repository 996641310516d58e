//! A `<select>` of every value of a coded enum, labelled in the user's
//! language: the one way the app offers a choice among an enum's values.

use crate::app::labels::Labelled;
use crate::ui::shell::context::{AppHandle, Tr};
use crate::ui::widgets::dom::target_value;
use yew::prelude::*;

/// A function, not a component: a generic component is one more copy of
/// Yew's lifecycle code per enum (about 1.4 KB gzip each).
/// `label` names a select without a visible label (table cells).
pub fn enum_select<T: Labelled>(
    app: &AppHandle,
    id: Option<&str>,
    label: Option<&str>,
    value: T,
    onchange: Callback<T>,
) -> Html {
    let onchange = Callback::from(move |e: Event| {
        if let Some(v) = T::from_code(&target_value(&e)) {
            onchange.emit(v);
        }
    });
    html! {
        <select id={id.map(str::to_owned)} aria-label={label.map(str::to_owned)} {onchange}>
            { for T::all().iter().map(|v| html! {
                <option value={v.code()} selected={*v == value}>{ app.t(v.label()) }</option>
            }) }
        </select>
    }
}
