//! Chapter 6, the budget: lines, splits, spending, approvals, channel ROI.

pub mod approval_sheet;
pub mod approvals;
pub mod channels;
pub mod chapter;
pub mod line_row;
pub mod lines;
pub mod spending;
pub mod splits;
