//! Chapter 5, the implementation plan: tasks, timeline, marketing calendar,
//! meetings and reminders.

pub mod chapter;
pub mod marketing_calendar;
pub mod meetings;
pub mod reminders;
pub mod task_row;
pub mod task_table;
pub mod task_templates;
pub mod timeline;
