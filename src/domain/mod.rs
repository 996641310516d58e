//! The planning domain: plain Rust, no browser, tested with `cargo test`.
//!
//! - [`core`]: units and calendars every chapter shares (ids, money, rates,
//!   decimal values, periods, working days, holidays, undo history).
//! - [`plan`]: the plan itself, its edits and errors, the library, the sample.
//! - one folder per chapter: [`situation`] (chapter 2), [`goals`] (chapter 3 and the dashboard), [`strategy`] (chapter 4),
//!   [`implementation`] (chapter 5), [`budget`] (chapter 6),
//!   [`team`] (chapter 6, people by role), [`risk`] (chapter 7),
//!   [`evaluation`] (chapter 8, reviews). Each owns its edit type and
//!   applies it with an exhaustive `match`.

pub mod budget;
pub mod core;
pub mod evaluation;
pub mod goals;
pub mod implementation;
pub mod plan;
pub mod risk;
pub mod situation;
pub mod strategy;
pub mod team;
