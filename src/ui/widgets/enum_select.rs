//! A `<select>` of every value of a coded enum, labelled in the user's
//! language: the one way the app offers a choice among an enum's values.

use crate::app::labels::Labelled;
use crate::ui::shell::context::{use_app, Tr};
use crate::ui::widgets::dom::target_value;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EnumSelectProps<T: Labelled> {
    pub value: T,
    pub onchange: Callback<T>,
    #[prop_or_default]
    pub id: Option<AttrValue>,
    /// For selects without a visible label (table cells).
    #[prop_or_default]
    pub label: Option<AttrValue>,
}

#[function_component(EnumSelect)]
pub fn enum_select<T: Labelled>(props: &EnumSelectProps<T>) -> Html {
    let Some(app) = use_app() else { return html! {} };
    let onchange = {
        let cb = props.onchange.clone();
        Callback::from(move |e: Event| {
            if let Some(v) = T::from_code(&target_value(&e)) {
                cb.emit(v);
            }
        })
    };
    html! {
        <select id={props.id.clone()} aria-label={props.label.clone()} {onchange}>
            { for T::all().iter().map(|v| html! {
                <option value={v.code()} selected={*v == props.value}>{ app.t(v.label()) }</option>
            }) }
        </select>
    }
}
