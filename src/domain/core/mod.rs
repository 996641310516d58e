//! Units and calendars every chapter shares.

pub mod calendar;
pub mod coded;
pub mod history;
pub mod holidays;
pub mod ids;
pub mod money;
pub mod order;
pub mod period;
pub mod rate;
pub mod value;
