//! Chapter 1, the executive summary, with the plan's own details.

pub mod chapter;
pub mod plan_details;
