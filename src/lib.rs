//! MarketPlan (市场计划台): a marketing department's work planner that runs
//! entirely in the browser.
//!
//! - [`domain`]: the plan and everything computed from it; plain Rust.
//! - [`storage`]: the plan file format, migrations, localStorage, files.
//! - [`app`]: the app's state and its one reducer; plain Rust.
//! - [`i18n`]: every user-visible text, zh-CN and English.
//! - [`lazy`]: jobs for the modules loaded on first use (file writers).
//! - [`ui`]: thin Yew components that render the state and send actions.

pub mod app;
pub mod domain;
pub mod i18n;
pub mod lazy;
pub mod storage;
pub mod ui;
