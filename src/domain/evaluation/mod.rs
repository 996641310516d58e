//! Chapter 8, performance evaluation (绩效评估与持续改进): periodic reviews.

pub mod edit;
pub mod report;
pub mod review;
