//! The planning domain: plain Rust, no browser, tested with `cargo test`.

pub mod approval;
pub mod budget;
pub mod calendar;
pub mod catalogue;
pub mod dashboard;
pub mod decompose;
pub mod goal;
pub mod history;
pub mod holidays;
pub mod ids;
pub mod implementation;
pub mod kpi;
pub mod library;
pub mod meetings;
pub mod money;
pub mod period;
pub mod plan;
pub mod review;
pub mod roi;
pub mod sample;
pub mod schedule;
pub mod templates;
pub mod value;
