//! Migrations of older plan files, one pure step per schema version, on the
//! raw JSON so that an old file never has to fit today's types.
//!
//! Schema history:
//! - 1: the first version (plans with the executive summary, Trash).
//!
//! To change the schema: bump `SCHEMA_VERSION`, add a step `vN_to_vN+1` to
//! `STEPS`, and keep a real file of version N under `tests/fixtures/`.

use super::format::{FileError, SCHEMA_VERSION};
use serde_json::Value;

/// A step turns a document of version N into one of version N + 1.
pub type Step = fn(Value) -> Result<Value, String>;

/// `STEPS[i]` migrates version `i + 1` to `i + 2`.
const STEPS: &[Step] = &[];

/// Brings a document of `version` up to the current schema.
pub fn to_current(doc: Value, version: u32) -> Result<Value, FileError> {
    run(STEPS, doc, version, SCHEMA_VERSION)
}

fn run(steps: &[Step], mut doc: Value, from: u32, to: u32) -> Result<Value, FileError> {
    for version in from..to {
        let step = usize::try_from(version - 1)
            .ok()
            .and_then(|i| steps.get(i))
            .ok_or(FileError::BadVersion)?;
        doc = step(doc).map_err(|detail| FileError::Invalid {
            path: format!("(schema {version})"),
            detail,
        })?;
        if let Some(object) = doc.as_object_mut() {
            object.insert("schema_version".into(), Value::from(version + 1));
        }
    }
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn every_past_version_has_a_step() {
        assert_eq!(STEPS.len() as u32, SCHEMA_VERSION - 1);
    }

    #[test]
    fn the_current_version_passes_unchanged() {
        let doc = json!({"format": "marketplan.plan-file", "schema_version": SCHEMA_VERSION});
        assert_eq!(to_current(doc.clone(), SCHEMA_VERSION), Ok(doc));
    }

    #[test]
    fn steps_run_in_order_and_stamp_each_version() {
        fn rename(mut doc: Value) -> Result<Value, String> {
            let title = doc["title"].take();
            doc["name"] = title;
            Ok(doc)
        }
        fn nest(mut doc: Value) -> Result<Value, String> {
            let name = doc["name"].take();
            doc["plan"] = json!({ "name": name });
            Ok(doc)
        }
        let steps: &[Step] = &[rename, nest];
        let out = run(steps, json!({"schema_version": 1, "title": "Q1"}), 1, 3).unwrap();
        assert_eq!(out["plan"]["name"], "Q1");
        assert_eq!(out["schema_version"], 3);
        // A failing step is reported, not panicked on.
        fn fail(_: Value) -> Result<Value, String> {
            Err("no".into())
        }
        assert!(matches!(
            run(&[fail], json!({}), 1, 2),
            Err(FileError::Invalid { .. })
        ));
        assert_eq!(run(&[], json!({}), 1, 2), Err(FileError::BadVersion));
    }
}
