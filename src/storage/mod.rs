//! Where plans are kept and how they travel: the plan file format with its
//! migrations, the browser's localStorage behind the small [`KeyValue`]
//! interface, and file download and upload.

pub mod browser;
pub mod csv;
pub mod docx;
pub mod format;
pub mod ics;
pub mod migrate;
pub mod packed;
pub mod quota;
pub mod store;
pub mod xlsx;

pub use store::{KeyValue, Loaded, MemoryStore, PlanStore, SaveError, StoreError, Version};
