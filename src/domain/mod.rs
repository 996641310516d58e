//! The planning domain: plain Rust, no browser, tested with `cargo test`.

pub mod history;
pub mod ids;
pub mod library;
pub mod period;
pub mod plan;
pub mod sample;
