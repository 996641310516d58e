//! The planning domain: plain Rust, no browser, tested with `cargo test`.

pub mod calendar;
pub mod catalogue;
pub mod dashboard;
pub mod decompose;
pub mod goal;
pub mod history;
pub mod ids;
pub mod implementation;
pub mod kpi;
pub mod library;
pub mod meetings;
pub mod period;
pub mod plan;
pub mod review;
pub mod sample;
pub mod schedule;
pub mod templates;
pub mod value;
