//! Thin Yew components: they render the state and send actions to the one
//! reducer. Anything the browser must do happens in effects and callbacks,
//! so every component also renders natively (see tests/render.rs).

mod budget;
mod evaluation;
mod goals;
mod implementation;
mod library;
pub mod shell;
mod summary;
mod widgets;

pub use shell::root::{initial_state, Root, RootProps};
pub use shell::{context, io, platform};

/// Starts the app in the page's `<body>`.
pub fn start() {
    yew::Renderer::<Root>::with_props(RootProps {
        initial: initial_state(),
        live: true,
    })
    .render();
}
