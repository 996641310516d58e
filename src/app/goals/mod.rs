//! The goals chapter's view models: forms as typed, figures as words, the
//! KPI chart's geometry.

pub mod chart;
pub mod figures;
pub mod forms;
