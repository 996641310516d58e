//! Chapter 7, risk management: one component (`chapter`) holding the view
//! state, and one plain function per view, drawing from `app::risk` and
//! sending `RiskEdit`s.

pub mod chapter;
pub mod heatmap;
pub mod incidents;
pub mod register;

use crate::domain::risk::edit::{RiskEdit, RiskText};
use crate::domain::risk::Category;
use crate::ui::shell::context::{AppHandle, PlanHandle, PlanRef};
use crate::ui::widgets::dom::FocusLater;
use crate::ui::widgets::field::saved_text;
use crate::ui::widgets::pager::Pager;
use chrono::NaiveDateTime;
use yew::prelude::*;

/// A new incident being logged: its risk, title and start as typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct IncidentDraft {
    pub risk: String,
    pub title: String,
    pub start: String,
}

#[derive(Clone)]
pub struct Ui {
    pub app: AppHandle,
    pub handle: PlanHandle,
    pub plan: PlanRef,
    pub focus: FocusLater,
    pub category: UseStateHandle<Category>,
    pub description: UseStateHandle<String>,
    pub description_error: UseStateHandle<bool>,
    pub incident: UseStateHandle<IncidentDraft>,
    pub incident_error: UseStateHandle<Option<crate::i18n::Text>>,
    /// The time now, local: set by an effect and a timer (never read
    /// from the clock while drawing), None in the server renderer.
    pub now: Option<NaiveDateTime>,
    pub pager: Pager,
}

pub fn text_field(plan: &PlanHandle, id: String, label: &str, target: RiskText, value: &str, long: bool) -> Html {
    saved_text(plan, id, label, value, long, "field-grow", move |text| {
        RiskEdit::Text(target, text)
    })
}
