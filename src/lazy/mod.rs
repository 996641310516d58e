//! Work that is heavy and rarely used runs in modules built separately and
//! fetched the first time it is needed, so the main module stays small.
//!
//! The pattern (README, "Lazily loaded modules"):
//! - a [`Job`] is plain data; the main module only ever *encodes* one
//!   ([`Job::request`]) and gets bytes back;
//! - [`run`] decodes and does the work. Only the module's own binary
//!   (`src/bin/<stem>.rs`) calls it, so link-time optimisation leaves the
//!   heavy code out of the main module;
//! - `ui::shell::lazy` starts the module's Web Worker through
//!   `static/lazy-worker.js` and matches answers to requests.
//!
//! Everything here is plain Rust and tested natively.

use crate::storage::format;
use crate::storage::xlsx::{self, Sheet};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// A separately built module. Its stem names the files Trunk writes:
/// `<stem>.js` and `<stem>_bg.wasm` (worker modules are not hashed).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Module {
    /// File writers and file diagnosis: the XLSX writer, the exact place of
    /// a refused file's error.
    Files,
}

impl Module {
    pub const ALL: [Module; 1] = [Module::Files];

    pub fn stem(self) -> &'static str {
        match self {
            Module::Files => "files_worker",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "job", rename_all = "snake_case")]
pub enum Job {
    /// An Excel workbook of these sheets; `created` is stamped in it so the
    /// same data gives the same bytes.
    Workbook {
        sheets: Vec<Sheet>,
        currency_symbol: String,
        created: DateTime<Utc>,
    },
    /// Where a refused plan file stops matching the model, as UTF-8 text
    /// (empty when it cannot be told).
    LocateFileError { text: String },
}

impl Job {
    pub fn module(&self) -> Module {
        match self {
            Job::Workbook { .. } | Job::LocateFileError { .. } => Module::Files,
        }
    }

    /// The request as the worker receives it.
    pub fn request(&self) -> String {
        // Plain structs, strings and numbers: serialising cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// The module's side: a request in, the bytes out, or why not.
pub fn run(request: &str) -> Result<Vec<u8>, String> {
    let job: Job = serde_json::from_str(request).map_err(|e| format!("unreadable request: {e}"))?;
    match job {
        Job::Workbook {
            sheets,
            currency_symbol,
            created,
        } => xlsx::write(&sheets, &currency_symbol, created),
        Job::LocateFileError { text } => Ok(format::locate_error(&text).unwrap_or_default().into_bytes()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::xlsx::Cell;
    use calamine::{Data, Reader, Xlsx};
    use chrono::TimeZone;
    use std::io::Cursor;

    #[test]
    fn a_workbook_request_round_trips_to_a_readable_workbook() {
        let job = Job::Workbook {
            sheets: vec![Sheet {
                name: "Lines".into(),
                header: vec!["Name".into(), "Amount".into()],
                rows: vec![vec![Cell::Text("<b>=1+1</b>".into()), Cell::Money(12_345)]],
            }],
            currency_symbol: "¥".into(),
            created: Utc.with_ymd_and_hms(2026, 12, 2, 8, 0, 0).unwrap(),
        };
        let request = job.request();
        assert_eq!(serde_json::from_str::<Job>(&request).unwrap(), job);
        let bytes = run(&request).unwrap();
        let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
        let range = book.worksheet_range("Lines").unwrap();
        assert_eq!(range.get_value((1, 0)), Some(&Data::String("<b>=1+1</b>".into())));
        assert_eq!(range.get_value((1, 1)), Some(&Data::Float(123.45)));
    }

    #[test]
    fn a_refused_file_is_located_and_bad_requests_are_refused() {
        let text = r#"{"format":"marketplan.plan-file","schema_version":4,"app_version":"x",
            "exported_at":"2026-12-02T00:00:00Z","kind":"plan","plans":[{"id":7}]}"#;
        let job = Job::LocateFileError { text: text.into() };
        assert_eq!(run(&job.request()).unwrap(), b"plans[0].id".to_vec());
        assert!(run("{\"job\":\"nope\"}").unwrap_err().contains("unreadable request"));
        assert!(run("not json").is_err());
    }

    #[test]
    fn every_job_names_a_module_with_a_plain_file_stem() {
        for module in Module::ALL {
            assert!(module.stem().chars().all(|c| c.is_ascii_lowercase() || c == '_'));
        }
    }
}
