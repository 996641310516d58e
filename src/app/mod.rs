//! The app's state machine, between the domain and the Yew components:
//! routes, notices, saving status, import choices, tab conflicts. Pure Rust.

pub mod budget;
pub mod document;
pub mod draft;
pub mod goals;
pub mod implementation;
pub mod labels;
pub mod messages;
pub mod risk;
pub mod route;
pub mod situation;
pub mod state;
pub mod strategy;
pub mod svg;
pub mod team;
pub mod templates;

pub use route::Route;
pub use state::{Action, AppState, ImportChoice};
