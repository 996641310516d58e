//! Chapter 4, core strategies: one component (`chapter`) holding the view
//! state, and one plain function per view, drawing from `app::strategy`
//! and sending `StrategyEdit`s.

pub mod channels;
pub mod chapter;
pub mod communication;
pub mod coverage;
pub mod media;
pub mod membership;
pub mod pricing;
pub mod strategies;

use crate::domain::core::ids::ItemId;
use crate::domain::strategy::edit::{StrategyEdit, TextTarget};
use crate::i18n::{Key, Text};
use crate::ui::shell::context::{AppHandle, PlanHandle, PlanRef, Tr};
use crate::ui::widgets::dom::FocusLater;
use crate::ui::widgets::field::saved_text;
use yew::prelude::*;

/// A dated entry being typed (a promotion, a season, a bulk tier): its
/// fields as text until the form is sent.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RowDraft {
    pub name: String,
    pub amount: String,
    pub start: String,
    pub end: String,
    pub kind: String,
}

/// What the views draw from and the view state kept between redraws.
#[derive(Clone)]
pub struct Ui {
    pub app: AppHandle,
    pub handle: PlanHandle,
    pub plan: PlanRef,
    pub focus: FocusLater,
    /// The product whose pricing is open.
    pub product: UseStateHandle<Option<ItemId>>,
    /// The quantity the bulk calculator prices.
    pub quantity: UseStateHandle<u32>,
    pub promo: UseStateHandle<RowDraft>,
    pub promo_error: UseStateHandle<Option<Text>>,
    pub tier: UseStateHandle<RowDraft>,
    pub tier_error: UseStateHandle<Option<Text>>,
    pub season: UseStateHandle<RowDraft>,
    pub season_error: UseStateHandle<Option<Text>>,
    pub product_name: UseStateHandle<String>,
    pub product_error: UseStateHandle<bool>,
    pub kol_name: UseStateHandle<String>,
    pub kol_error: UseStateHandle<bool>,
    /// The strategy whose task or line picker is open: one at a time, so a
    /// plan of 300 strategies and 2,000 tasks does not draw 600,000 options.
    pub picking: UseStateHandle<Option<(ItemId, Pick)>>,
}

/// Which of a strategy's link pickers is open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pick {
    Task,
    Line,
}

/// A text of chapter 4, saved as it is typed (one undo step per field).
pub fn text_field(plan: &PlanHandle, id: String, label: &str, target: TextTarget, value: &str, long: bool) -> Html {
    saved_text(plan, id, label, value, long, "field-grow", move |text| {
        StrategyEdit::Text(target, text)
    })
}

/// A delete button named after what it deletes.
pub fn delete_button(app: &AppHandle, name: &str, onclick: Callback<MouseEvent>) -> Html {
    html! {
        <button type="button" class="btn btn-quiet" {onclick}
            aria-label={app.text(&Text::new(Key::StratDeleteNamed).with("name", name))}>{ app.t(Key::StratDelete) }</button>
    }
}

/// The message of a refused form, beside it.
pub fn form_error(app: &AppHandle, id: &str, error: &Option<Text>) -> Html {
    match error {
        Some(text) => html! { <p class="field-error" id={id.to_owned()} role="alert">{ app.text(text) }</p> },
        None => html! {},
    }
}
