//! Chapter 3, goals (市场管理目标): goals in four dimensions, KPIs with
//! three-level targets and check-ins, decomposition over sub-periods, the
//! common KPI catalogue and the dashboard's figures (DOMAIN.md §3).

pub mod catalogue;
pub mod dashboard;
pub mod decompose;
pub mod edit;
pub mod goal;
pub mod kpi;
