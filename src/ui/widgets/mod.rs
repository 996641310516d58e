//! Shared form fields and pieces every chapter uses: inputs bound to their
//! own draft, checked number fields, labelled fields, tabs, charts.

pub mod amount_input;
pub mod chart;
pub mod dom;
pub mod draft_input;
pub mod enum_select;
pub mod field;
pub mod lazy_export;
pub mod pager;
pub mod table;
pub mod tabs;
pub mod visible;
