//! The plan library: the list of plans, the new-plan form, the Trash.

pub mod list;
pub mod plan_form;
pub mod plan_row;
pub mod templates;
pub mod trash;
