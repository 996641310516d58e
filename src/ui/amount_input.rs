//! Inputs for money and percentages that keep what the user typed until it
//! reads as a number: text in an amount field stays in the field, is named
//! in a message beside it, and nothing is saved.

use super::context::{use_app, Tr};
use super::draft_input::DraftInput;
use crate::app::budget::{parse_percent, percent_input};
use crate::app::messages::money_error;
use crate::domain::kpi::Rate;
use crate::domain::money::Money;
use crate::i18n::{Key, Text};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MoneyInputProps {
    pub id: AttrValue,
    pub value: Money,
    pub onchange: Callback<Money>,
    /// For inputs without a visible label (table cells).
    #[prop_or_default]
    pub label: Option<AttrValue>,
    #[prop_or_default]
    pub class: Classes,
}

#[function_component(MoneyInput)]
pub fn money_input(props: &MoneyInputProps) -> Html {
    let Some(app) = use_app() else { return html! {} };
    let error = use_state(|| None::<Text>);
    // A new value from outside (undo, another field) clears a stale message.
    {
        let error = error.clone();
        use_effect_with(props.value, move |_| error.set(None));
    }
    let onchange = {
        let (error, cb, current) = (error.clone(), props.onchange.clone(), props.value);
        Callback::from(move |typed: String| match Money::parse(&typed) {
            Ok(m) => {
                error.set(None);
                if m != current {
                    cb.emit(m);
                }
            }
            Err(err) => error.set(Some(money_error(err, &typed))),
        })
    };
    let error_id = format!("{}-error", props.id);
    html! {
        <span class={classes!("amount-input", props.class.clone())}>
            <DraftInput id={props.id.clone()} inputmode={AttrValue::Static("decimal")} class="input-money"
                value={props.value.input_text()} {onchange} label={props.label.clone()}
                error_id={error.is_some().then(|| AttrValue::from(error_id.clone()))} />
            if let Some(text) = &*error {
                <span id={error_id} class="field-error" role="alert">{ app.text(text) }</span>
            }
        </span>
    }
}

#[derive(Properties, PartialEq)]
pub struct PercentInputProps {
    pub id: AttrValue,
    pub value: Rate,
    pub onchange: Callback<Rate>,
    #[prop_or_default]
    pub label: Option<AttrValue>,
}

#[function_component(PercentInput)]
pub fn percent_input_field(props: &PercentInputProps) -> Html {
    let Some(app) = use_app() else { return html! {} };
    let error = use_state(|| None::<Text>);
    {
        let error = error.clone();
        use_effect_with(props.value, move |_| error.set(None));
    }
    let onchange = {
        let (error, cb, current) = (error.clone(), props.onchange.clone(), props.value);
        Callback::from(move |typed: String| match parse_percent(&typed) {
            Some(r) if (0..=Rate::FULL.0).contains(&r.0) => {
                error.set(None);
                if r != current {
                    cb.emit(r);
                }
            }
            Some(_) => error.set(Some(Text::new(Key::ErrorShareRange))),
            None => error.set(Some(Text::new(Key::ErrorNumberInvalid).with("text", typed.trim()))),
        })
    };
    let error_id = format!("{}-error", props.id);
    html! {
        <span class="amount-input">
            <DraftInput id={props.id.clone()} inputmode={AttrValue::Static("decimal")} class="input-narrow"
                value={percent_input(props.value)} {onchange} label={props.label.clone()}
                error_id={error.is_some().then(|| AttrValue::from(error_id.clone()))} />
            if let Some(text) = &*error {
                <span id={error_id} class="field-error" role="alert">{ app.text(text) }</span>
            }
        </span>
    }
}
