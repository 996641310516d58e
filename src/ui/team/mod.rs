//! Chapter 6's people by role: one component (`chapter`) holding the view
//! state, and one plain function per view, drawing from `app::team` and
//! sending `TeamEdit`s.

pub mod chapter;
pub mod chart;
pub mod incentives;
pub mod positions;
pub mod raci;
pub mod training;

use crate::domain::team::edit::{TeamEdit, TeamText};
use crate::ui::shell::context::{AppHandle, PlanHandle, PlanRef};
use crate::ui::widgets::dom::FocusLater;
use crate::ui::widgets::field::saved_text;
use crate::ui::widgets::pager::Pager;
use yew::prelude::*;

/// What the views draw from and the view state kept between redraws.
#[derive(Clone)]
pub struct Ui {
    pub app: AppHandle,
    pub handle: PlanHandle,
    pub plan: PlanRef,
    pub focus: FocusLater,
    pub new_group: UseStateHandle<String>,
    pub new_position: UseStateHandle<String>,
    pub name_error: UseStateHandle<bool>,
    /// Which positions are the RACI's columns.
    pub columns: UseStateHandle<raci::Columns>,
    pub pager: Pager,
}

/// A text of the team, saved as it is typed (one undo step per field).
pub fn text_field(plan: &PlanHandle, id: String, label: &str, target: TeamText, value: &str, long: bool) -> Html {
    saved_text(plan, id, label, value, long, "field-grow", move |text| {
        TeamEdit::Text(target, text)
    })
}
