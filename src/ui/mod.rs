//! Thin Yew components: they render the state and send actions to the one
//! reducer. Anything the browser must do happens in effects and callbacks,
//! so every component also renders natively (see tests/render.rs).

mod banners;
pub mod context;
mod dom;
mod header;
mod import_dialog;
pub mod io;
mod library;
mod notices;
mod plan_details;
mod plan_form;
mod plan_page;
mod plan_row;
pub mod platform;
mod root;
mod screens;
mod summary;
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
