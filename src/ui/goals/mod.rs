//! Chapter 3, goals and KPIs, and the dashboard built on them.

pub mod chapter;
pub mod dashboard;
pub mod goal_card;
pub mod goal_form;
pub mod kpi_card;
pub mod kpi_detail;
pub mod kpi_form;
