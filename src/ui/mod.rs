//! Thin Yew components: they render the state and send actions to the one
//! reducer. Anything the browser must do happens in effects and callbacks,
//! so every component also renders natively (see tests/render.rs).

mod amount_input;
mod approval_sheet;
mod approvals;
mod banners;
mod budget;
mod budget_line_row;
mod budget_lines;
mod budget_spending;
mod budget_splits;
mod channels;
mod chart;
pub mod context;
mod dashboard;
mod dom;
mod draft_input;
mod field;
mod goal_card;
mod goal_form;
mod goals;
mod header;
mod implementation;
mod import_dialog;
pub mod io;
mod kpi_card;
mod kpi_detail;
mod kpi_form;
mod library;
mod marketing_calendar;
mod meetings;
mod notices;
mod plan_details;
mod plan_form;
mod plan_page;
mod plan_row;
pub mod platform;
mod reminders;
mod review_page;
mod reviews;
mod root;
mod screens;
mod summary;
mod tabs;
mod task_row;
mod task_table;
mod task_templates;
mod timeline;
mod trash;

pub use root::{initial_state, Root, RootProps};

/// Starts the app in the page's `<body>`.
pub fn start() {
    yew::Renderer::<Root>::with_props(RootProps {
        initial: initial_state(),
        live: true,
    })
    .render();
}
