//! The app's frame: the root component and its state, the header, banners,
//! notices, the import dialog, the plan page with its chapter list, and the
//! browser edge (platform, files).

pub mod banners;
pub mod context;
pub mod header;
pub mod import_dialog;
pub mod io;
pub mod lazy;
pub mod lazy_screen;
pub mod notices;
pub mod plan_page;
pub mod platform;
pub mod root;
pub mod screens;
