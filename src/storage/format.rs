//! The plan file (`*.mplan.json`) and the stored library share one tagged
//! envelope: format name, schema version, app version, time, and the plans.
//! Reading checks the tag first, then the version, migrates older files step
//! by step, and only then maps the JSON onto the model.

use super::migrate;
use crate::domain::plan::library::{Library, TrashedPlan};
use crate::domain::plan::{Plan, PlanError, Unknown};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeSet;

/// The tag every MarketPlan file starts with; anything else is a foreign file.
pub const FORMAT: &str = "marketplan.plan-file";
/// The schema this build writes. Bump it with a migration step in `migrate.rs`.
pub const SCHEMA_VERSION: u32 = 7;
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");
/// Files above this are refused before they are parsed.
pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FileKind {
    /// One plan exported to share with a colleague.
    Plan,
    /// Every plan, exported as a backup.
    Backup,
    /// The browser's own stored copy, Trash included.
    Library,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Envelope {
    pub format: String,
    pub schema_version: u32,
    pub app_version: String,
    /// When the file was written.
    pub exported_at: DateTime<Utc>,
    pub kind: FileKind,
    pub plans: Vec<Plan>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub trash: Vec<TrashedPlan>,
    /// In the browser's stored copy: the version this copy was saved over,
    /// so a tab can tell when another tab's save replaced its own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replaces: Option<String>,
    #[serde(flatten)]
    pub unknown: Unknown,
}

/// Why a file was refused. Nothing in the library changes when one is.
#[derive(Clone, Debug, PartialEq)]
pub enum FileError {
    TooLarge {
        bytes: usize,
    },
    Json {
        line: usize,
        column: usize,
    },
    NotAPlanFile,
    BadVersion,
    TooNew {
        found: u64,
    },
    /// A field is missing or has the wrong type; `path` is like `plans[0].period.start`.
    Invalid {
        path: String,
        detail: String,
    },
    InvalidPlan {
        name: String,
        problem: PlanError,
    },
    DuplicateIds,
    Empty,
    /// A stored copy that does not unpack (see `packed.rs`).
    Damaged,
}

impl Envelope {
    fn new(kind: FileKind, plans: Vec<Plan>, trash: Vec<TrashedPlan>, now: DateTime<Utc>) -> Self {
        Envelope {
            format: FORMAT.to_owned(),
            schema_version: SCHEMA_VERSION,
            app_version: APP_VERSION.to_owned(),
            exported_at: now,
            kind,
            plans,
            trash,
            replaces: None,
            unknown: Unknown::new(),
        }
    }

    pub fn into_library(self) -> Library {
        Library {
            plans: self.plans,
            trash: self.trash,
        }
    }
}

/// A file for people: pretty-printed, keys in a fixed order (struct order,
/// then unknown keys sorted), so the same plan exported at the same moment
/// gives the same bytes and two versions diff line by line.
pub fn encode_file(kind: FileKind, plans: &[Plan], now: DateTime<Utc>) -> String {
    let envelope = Envelope::new(kind, plans.to_vec(), Vec::new(), now);
    // Serialising plain structs, strings and maps to a String cannot fail.
    // One serializer (compact) for files and storage: a second, pretty one
    // would be another copy of every Serialize impl in the main module.
    pretty(&serde_json::to_string(&envelope).unwrap_or_default()) + "\n"
}

/// Compact JSON laid out exactly as `serde_json::to_string_pretty` lays it
/// out (two-space indent, `": "`, empty `[]` and `{}` kept on one line).
/// The input must be serde_json's compact output: no blanks outside strings.
fn pretty(compact: &str) -> String {
    let mut out = String::with_capacity(compact.len() * 3 / 2);
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        for _ in 0..depth {
            out.push_str("  ");
        }
    };
    let mut chars = compact.chars().peekable();
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            '[' | '{' => {
                out.push(c);
                if matches!(chars.peek(), Some(']' | '}')) {
                    out.extend(chars.next());
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            ']' | '}' => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(c);
            }
            ',' => {
                out.push(c);
                newline(&mut out, depth);
            }
            ':' => out.push_str(": "),
            _ => out.push(c),
        }
    }
    out
}

/// The browser's stored copy: the same envelope, compact, with the Trash
/// and the version it replaces.
pub fn encode_library(library: &Library, now: DateTime<Utc>, replaces: Option<&str>) -> String {
    let mut envelope = Envelope::new(FileKind::Library, library.plans.clone(), library.trash.clone(), now);
    envelope.replaces = replaces.map(str::to_owned);
    serde_json::to_string(&envelope).unwrap_or_default()
}

/// Reads a plan file or a stored library, whatever its schema version.
pub fn decode(text: &str) -> Result<Envelope, FileError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(FileError::TooLarge { bytes: text.len() });
    }
    decode_stored(text)
}

/// Reads the browser's stored copy (unpacked, see `packed.rs`): like
/// [`decode`] without the file size limit, since packing lets the library
/// hold more than one file may.
pub fn decode_stored(text: &str) -> Result<Envelope, FileError> {
    let doc: Value = serde_json::from_str(text.trim_start_matches('\u{feff}')).map_err(|e| FileError::Json {
        line: e.line(),
        column: e.column(),
    })?;
    let version = check_tag(&doc)?;
    let doc = migrate::to_current(doc, version)?;
    // Plain serde: a deserialiser that tracks the path is a second copy of
    // every Deserialize impl (about 88 KB gzip), so the exact field is found
    // only when a file is refused, by `locate_error` in the lazily loaded
    // files module. Here the path names the plan.
    let envelope = Envelope::deserialize(&doc).map_err(|e| FileError::Invalid {
        path: failing_plan(&doc),
        detail: e.to_string(),
    })?;
    validate(&envelope)?;
    Ok(envelope)
}

/// `plans[i]` for the first plan that does not map onto the model, or
/// nothing when the fault is in the envelope itself.
fn failing_plan(doc: &Value) -> String {
    let plans = doc
        .get("plans")
        .and_then(Value::as_array)
        .map_or(&[][..], Vec::as_slice);
    plans
        .iter()
        .position(|plan| Plan::deserialize(plan).is_err())
        .map_or_else(String::new, |i| format!("plans[{i}]"))
}

/// The exact place, like `plans[0].period.start`, where a file that
/// [`decode`] refused as [`FileError::Invalid`] stops matching the model;
/// `None` when it is refused for another reason or not at all. Runs in the
/// lazily loaded files module (`crate::lazy`), never in the main one.
pub fn locate_error(text: &str) -> Option<String> {
    let doc: Value = serde_json::from_str(text.trim_start_matches('\u{feff}')).ok()?;
    let version = check_tag(&doc).ok()?;
    let doc = migrate::to_current(doc, version).ok()?;
    match serde_path_to_error::deserialize::<_, Envelope>(doc) {
        Ok(_) => None,
        Err(e) => Some(e.path().to_string()),
    }
}

/// Reads a file a user imports: like [`decode`], and it must hold a plan.
pub fn decode_import(text: &str) -> Result<Vec<Plan>, FileError> {
    let envelope = decode(text)?;
    if envelope.plans.is_empty() {
        return Err(FileError::Empty);
    }
    Ok(envelope.plans)
}

fn check_tag(doc: &Value) -> Result<u32, FileError> {
    let object = doc.as_object().ok_or(FileError::NotAPlanFile)?;
    if object.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(FileError::NotAPlanFile);
    }
    let version = object
        .get("schema_version")
        .and_then(Value::as_u64)
        .ok_or(FileError::BadVersion)?;
    if version == 0 {
        return Err(FileError::BadVersion);
    }
    if version > u64::from(SCHEMA_VERSION) {
        return Err(FileError::TooNew { found: version });
    }
    u32::try_from(version).map_err(|_| FileError::BadVersion)
}

fn validate(envelope: &Envelope) -> Result<(), FileError> {
    let mut seen = BTreeSet::new();
    for plan in &envelope.plans {
        plan.validate().map_err(|problem| FileError::InvalidPlan {
            name: plan.name.clone(),
            problem,
        })?;
        if !seen.insert(plan.id) {
            return Err(FileError::DuplicateIds);
        }
    }
    Ok(())
}

/// A file name for an exported plan: the plan's name with characters that no
/// file system accepts replaced, then `.mplan.json`.
pub fn file_name_for(plan_name: &str) -> String {
    let cleaned: String = plan_name
        .chars()
        .map(|c| {
            if c.is_control() || "/\\:*?\"<>|".contains(c) {
                '_'
            } else {
                c
            }
        })
        .take(80)
        .collect();
    let cleaned = cleaned.trim().trim_matches('.');
    let stem = if cleaned.is_empty() { "plan" } else { cleaned };
    format!("{stem}.mplan.json")
}

/// The name of an export of every plan, dated so backups sort by day.
pub fn backup_file_name(now: DateTime<Utc>) -> String {
    format!(
        "marketplan-backup-{}.mplan.json",
        crate::domain::core::calendar::date_text(now.date_naive())
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::core::ids::{CountingIds, IdSource};
    use crate::domain::core::period::{Period, PeriodKind};
    use crate::domain::plan::Currency;
    use chrono::{NaiveDate, TimeZone};

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 23, 10, 0, 0).unwrap()
    }

    fn plan(name: &str) -> Plan {
        let start = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
        Plan::new(
            CountingIds::default().plan_id(),
            name,
            "ACME",
            Period::starting_from(PeriodKind::Quarter, start),
            Currency::default(),
            now(),
        )
        .unwrap()
    }

    #[test]
    fn a_file_round_trips_and_is_byte_stable() {
        let p = plan("Q1 <script>alert(1)</script> “计划”");
        let text = encode_file(FileKind::Plan, std::slice::from_ref(&p), now());
        assert_eq!(text, encode_file(FileKind::Plan, std::slice::from_ref(&p), now()));
        let back = decode_import(&text).unwrap();
        assert_eq!(back, vec![p]);
        assert!(text.starts_with("{\n  \"format\": \"marketplan.plan-file\",\n  \"schema_version\": 7,"));
    }

    #[test]
    fn the_stored_library_keeps_the_trash() {
        let mut ids = CountingIds::default();
        let mut lib = Library::default();
        lib.add(plan("A"));
        lib.delete(lib.plans[0].id, ids.trash_id(), now());
        let back = decode(&encode_library(&lib, now(), None)).unwrap();
        assert_eq!(back.kind, FileKind::Library);
        assert_eq!(back.into_library(), lib);
    }

    #[test]
    fn unknown_fields_survive_a_round_trip() {
        let text = encode_file(FileKind::Plan, &[plan("A")], now());
        let mut doc: Value = serde_json::from_str(&text).unwrap();
        doc["plans"][0]["future_chapter"] = serde_json::json!({"x": [1, 2]});
        doc["plans"][0]["summary"]["tone"] = serde_json::json!("bold");
        let plans = decode_import(&doc.to_string()).unwrap();
        let again: Value = serde_json::from_str(&encode_file(FileKind::Plan, &plans, now())).unwrap();
        assert_eq!(again["plans"][0]["future_chapter"], doc["plans"][0]["future_chapter"]);
        assert_eq!(again["plans"][0]["summary"]["tone"], "bold");
    }

    #[test]
    fn invalid_json_says_where() {
        assert_eq!(
            decode("{\n  \"format\": ,\n}"),
            Err(FileError::Json { line: 2, column: 13 })
        );
        let deep = "[".repeat(10_000);
        assert!(
            matches!(decode(&deep), Err(FileError::Json { .. })),
            "deep nesting is refused, not a crash"
        );
    }

    #[test]
    fn foreign_files_are_not_plan_files() {
        for text in [
            "[]",
            "42",
            "\"x\"",
            "{}",
            r#"{"format":"excalidraw","schema_version":1}"#,
            r#"{"plans":[]}"#,
        ] {
            assert_eq!(decode(text), Err(FileError::NotAPlanFile), "{text}");
        }
    }

    #[test]
    fn versions_are_checked_before_fields() {
        let newer = r#"{"format":"marketplan.plan-file","schema_version":8,"whatever":true}"#;
        assert_eq!(decode(newer), Err(FileError::TooNew { found: 8 }));
        for v in ["0", "\"1\"", "1.5", "-1", "null"] {
            let text = format!(r#"{{"format":"marketplan.plan-file","schema_version":{v}}}"#);
            assert_eq!(decode(&text), Err(FileError::BadVersion), "{v}");
        }
    }

    #[test]
    fn the_layout_is_serde_jsons_pretty_one() {
        let doc = serde_json::json!({
            "a": [], "b": {}, "c": [1, [2, []], {"d": "x\\\"y]}[{,:"}],
            "e": "line\nbreak \u{1}", "f": -1.5e-7, "g": null, "h": [true, false], "中文": "“引号”",
            "i": [{}], "j": {"k": {"l": []}}
        });
        assert_eq!(
            pretty(&serde_json::to_string(&doc).unwrap()),
            serde_json::to_string_pretty(&doc).unwrap()
        );
        assert_eq!(pretty("[]"), "[]");
        assert_eq!(pretty("\"\\\\\""), "\"\\\\\"");
    }

    #[test]
    fn missing_and_wrong_typed_fields_name_their_path() {
        let text = encode_file(FileKind::Plan, &[plan("A")], now());
        let mut doc: Value = serde_json::from_str(&text).unwrap();
        doc["plans"][0]["period"]["start"] = serde_json::json!("2027-02-30");
        let Err(FileError::Invalid { path, .. }) = decode(&doc.to_string()) else {
            panic!("refused")
        };
        assert_eq!(path, "plans[0]");
        assert_eq!(locate_error(&doc.to_string()).as_deref(), Some("plans[0].period.start"));
        assert_eq!(locate_error(&text), None, "a good file has no error to locate");

        let mut doc: Value = serde_json::from_str(&text).unwrap();
        doc["exported_at"] = serde_json::json!("yesterday");
        let Err(FileError::Invalid { path, .. }) = decode(&doc.to_string()) else {
            panic!("refused")
        };
        assert_eq!(path, "", "no plan is at fault");
        assert_eq!(locate_error(&doc.to_string()).as_deref(), Some("exported_at"));

        let mut doc: Value = serde_json::from_str(&text).unwrap();
        doc["plans"][0].as_object_mut().unwrap().remove("name");
        let Err(FileError::Invalid { path, detail }) = decode(&doc.to_string()) else {
            panic!("refused")
        };
        assert_eq!(path, "plans[0]");
        assert!(detail.contains("name"), "{detail}");

        let mut doc: Value = serde_json::from_str(&text).unwrap();
        doc["plans"][0]["name"] = serde_json::json!(12);
        assert!(matches!(decode(&doc.to_string()), Err(FileError::Invalid { .. })));
    }

    #[test]
    fn semantically_invalid_plans_are_refused() {
        let mut bad = plan("A");
        bad.period.end = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap();
        let text = encode_file(FileKind::Plan, &[bad], now());
        assert!(matches!(decode(&text), Err(FileError::InvalidPlan { .. })));
        let p = plan("A");
        let text = encode_file(FileKind::Backup, &[p.clone(), p], now());
        assert_eq!(decode(&text), Err(FileError::DuplicateIds));
        let text = encode_file(FileKind::Backup, &[], now());
        assert_eq!(decode_import(&text), Err(FileError::Empty));
    }

    #[test]
    fn oversized_files_are_refused_unread() {
        let text = " ".repeat(MAX_FILE_BYTES + 1);
        assert_eq!(
            decode(&text),
            Err(FileError::TooLarge {
                bytes: MAX_FILE_BYTES + 1
            })
        );
    }

    #[test]
    fn a_byte_order_mark_is_tolerated() {
        let text = format!("\u{feff}{}", encode_file(FileKind::Plan, &[plan("A")], now()));
        assert!(decode(&text).is_ok());
    }

    #[test]
    fn file_names_are_safe() {
        assert_eq!(file_name_for("Q1 plan"), "Q1 plan.mplan.json");
        assert_eq!(file_name_for("a/b:c*?<>|\"\n"), "a_b_c_______.mplan.json");
        assert_eq!(file_name_for("  ..  "), "plan.mplan.json");
        assert_eq!(file_name_for("市场计划"), "市场计划.mplan.json");
        assert_eq!(backup_file_name(now()), "marketplan-backup-2026-11-23.mplan.json");
    }
}
