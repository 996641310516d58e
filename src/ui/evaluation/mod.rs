//! Chapter 8, performance evaluation: reviews (复盘).

pub mod review_page;
pub mod reviews;
