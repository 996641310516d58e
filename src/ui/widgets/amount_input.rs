//! Inputs for money and percentages that keep what the user typed until it
//! reads as a number: text in an amount field stays in the field, is named
//! in a message beside it, and nothing is saved.

use crate::app::budget::{parse_percent, percent_input};
use crate::app::messages::money_error;
use crate::domain::core::money::Money;
use crate::domain::core::rate::Rate;
use crate::i18n::{Key, Text};
use crate::ui::shell::context::{use_app, Tr};
use crate::ui::widgets::draft_input::DraftInput;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MoneyInputProps {
    pub id: AttrValue,
    pub value: Money,
    pub onchange: Callback<Money>,
    /// For inputs without a visible label (table cells).
    #[prop_or_default]
    pub label: Option<AttrValue>,
}

#[function_component(MoneyInput)]
pub fn money_input(props: &MoneyInputProps) -> Html {
    let (cb, current) = (props.onchange.clone(), props.value);
    let read = Callback::from(move |typed: String| match Money::parse(&typed) {
        Ok(m) => {
            if m != current {
                cb.emit(m);
            }
            None
        }
        Err(err) => Some(money_error(err, &typed)),
    });
    html! {
        <CheckedInput id={props.id.clone()} text={props.value.input_text()} class="input-money"
            label={props.label.clone()} {read} />
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
pub fn percent_field(props: &PercentInputProps) -> Html {
    let (cb, current) = (props.onchange.clone(), props.value);
    let read = Callback::from(move |typed: String| match parse_percent(&typed) {
        Some(r) if (0..=Rate::FULL.0).contains(&r.0) => {
            if r != current {
                cb.emit(r);
            }
            None
        }
        Some(_) => Some(Text::new(Key::ErrorShareRange)),
        None => Some(Text::new(Key::ErrorNumberInvalid).with("text", typed.trim())),
    });
    html! {
        <CheckedInput id={props.id.clone()} text={percent_input(props.value)} class="input-narrow"
            label={props.label.clone()} {read} />
    }
}

#[derive(Properties, PartialEq)]
pub struct WholeInputProps {
    pub id: AttrValue,
    pub value: u32,
    pub min: u32,
    pub max: u32,
    pub onchange: Callback<u32>,
    #[prop_or_default]
    pub label: Option<AttrValue>,
}

/// A whole number within `min..=max` (days, minutes, counts, weights). What
/// was typed stays in the field until it reads as such a number; otherwise
/// the field says why and nothing is saved.
#[function_component(WholeInput)]
pub fn whole_input(props: &WholeInputProps) -> Html {
    let (cb, current, min, max) = (props.onchange.clone(), props.value, props.min, props.max);
    let read = Callback::from(move |typed: String| match typed.trim().parse::<u32>() {
        Ok(n) if (min..=max).contains(&n) => {
            if n != current {
                cb.emit(n);
            }
            None
        }
        _ => Some(Text::new(Key::ErrorWholeRange).with("min", min).with("max", max)),
    });
    html! {
        <CheckedInput id={props.id.clone()} text={AttrValue::from(props.value.to_string())} class="input-narrow"
            label={props.label.clone()} inputmode="numeric" {read} />
    }
}

#[derive(Properties, PartialEq)]
struct CheckedProps {
    id: AttrValue,
    /// The saved value as text.
    text: AttrValue,
    class: Classes,
    label: Option<AttrValue>,
    #[prop_or(AttrValue::Static("decimal"))]
    inputmode: AttrValue,
    /// Reads what was typed: saves it and gives None, or says why not.
    read: Callback<String, Option<Text>>,
}

/// A field with the message of its last refused entry beside it.
#[function_component(CheckedInput)]
fn checked_input(props: &CheckedProps) -> Html {
    let Some(app) = use_app() else { return html! {} };
    let error = use_state_eq(|| None::<Text>);
    // A new saved value (undo, another field) clears a stale message.
    {
        let error = error.clone();
        use_effect_with(props.text.clone(), move |_| error.set(None));
    }
    let onchange = {
        let (error, read) = (error.clone(), props.read.clone());
        Callback::from(move |typed: String| error.set(read.emit(typed)))
    };
    let error_id = format!("{}-error", props.id);
    html! {
        <span class="amount-input">
            <DraftInput id={props.id.clone()} inputmode={props.inputmode.clone()} class={props.class.clone()}
                value={props.text.clone()} {onchange} label={props.label.clone()}
                error_id={error.is_some().then(|| AttrValue::from(error_id.clone()))} />
            if let Some(text) = &*error {
                <span id={error_id} class="field-error" role="alert">{ app.text(text) }</span>
            }
        </span>
    }
}

/// The largest markup a field takes, in basis points (1,000%).
const MAX_MARKUP: i64 = 100_000;

/// What an [`OptionalNumber`] holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberKind {
    /// A share in basis points, typed as a percentage (0-100).
    Share,
    /// Money in fen, typed in yuan.
    Money,
    /// A whole count.
    Count,
    /// A rate that may pass 100% (a markup on cost: 200% triples it),
    /// typed as a percentage, 0 to 1,000.
    Markup,
    /// A KPI figure or a result (a `Value`, in thousandths), any sign.
    Decimal,
}

#[derive(Properties, PartialEq)]
pub struct OptionalNumberProps {
    pub id: AttrValue,
    pub kind: NumberKind,
    /// Basis points, fen or a count; None when not given.
    pub value: Option<i64>,
    pub onchange: Callback<Option<i64>>,
    #[prop_or_default]
    pub label: Option<AttrValue>,
}

/// A number that may be left empty ("not known"): an empty field clears
/// it; text that is not such a number stays in the field with a message.
#[function_component(OptionalNumber)]
pub fn optional_number(props: &OptionalNumberProps) -> Html {
    let (cb, current, kind) = (props.onchange.clone(), props.value, props.kind);
    let read = Callback::from(move |typed: String| {
        let read: Result<Option<i64>, Text> = if typed.trim().is_empty() {
            Ok(None)
        } else {
            match kind {
                NumberKind::Share => match parse_percent(&typed) {
                    Some(r) if (0..=Rate::FULL.0).contains(&r.0) => Ok(Some(r.0)),
                    Some(_) => Err(Text::new(Key::ErrorShareRange)),
                    None => Err(Text::new(Key::ErrorNumberInvalid).with("text", typed.trim())),
                },
                NumberKind::Money => Money::parse(&typed)
                    .map(|m| Some(m.fen()))
                    .map_err(|e| money_error(e, &typed)),
                NumberKind::Markup => match parse_percent(&typed) {
                    Some(r) if (0..=MAX_MARKUP).contains(&r.0) => Ok(Some(r.0)),
                    Some(_) => Err(Text::new(Key::ErrorPercentRange).with("min", 0).with("max", "1,000")),
                    None => Err(Text::new(Key::ErrorNumberInvalid).with("text", typed.trim())),
                },
                NumberKind::Decimal => crate::domain::core::value::Value::parse(&typed)
                    .map(|v| Some(v.thousandths()))
                    .map_err(|e| crate::app::messages::value_error(e, &typed)),
                NumberKind::Count => typed
                    .trim()
                    .parse::<u32>()
                    .map(|n| Some(i64::from(n)))
                    .map_err(|_| Text::new(Key::ErrorWholeRange).with("min", 0).with("max", u32::MAX)),
            }
        };
        match read {
            Ok(value) => {
                if value != current {
                    cb.emit(value);
                }
                None
            }
            Err(text) => Some(text),
        }
    });
    let text = props.value.map_or_else(String::new, |v| match kind {
        NumberKind::Share | NumberKind::Markup => percent_input(Rate(v)),
        NumberKind::Money => Money::from_fen(v).input_text(),
        NumberKind::Count => v.to_string(),
        NumberKind::Decimal => crate::domain::core::value::Value::from_thousandths(v).to_string(),
    });
    let (class, inputmode) = match kind {
        NumberKind::Money => ("input-money", "decimal"),
        NumberKind::Share | NumberKind::Markup => ("input-narrow", "decimal"),
        NumberKind::Count => ("input-narrow", "numeric"),
        NumberKind::Decimal => ("input-narrow", "decimal"),
    };
    html! {
        <CheckedInput id={props.id.clone()} text={AttrValue::from(text)} class={class}
            label={props.label.clone()} inputmode={inputmode} {read} />
    }
}
