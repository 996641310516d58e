//! Migrations of older plan files, one pure step per schema version, on the
//! raw JSON so that an old file never has to fit today's types.
//!
//! Schema history:
//! - 1: the first version (plans with the executive summary, Trash).
//! - 2: goals with KPIs, check-ins and decompositions; custom dimensions and
//!   their weights; pace thresholds; reviews.
//! - 3: the implementation plan: phases, tasks with dependencies, meeting
//!   cadence, the marketing calendar's themes, events and content cadence.
//! - 4: the budget: total, reserve, splits, lines with payments, channels,
//!   approval tiers and requests, ROI rules.
//! - 5: situation analysis (chapter 2): PESTEL, five forces and tiers, SWOT
//!   and TOWS, competitors and their moves, personas and journeys, own
//!   resources, positioning. Stored only when the plan has any of it.
//! - 6: core strategies (chapter 4): strategies with their links to goals,
//!   TOWS strategies, tasks and budget lines; products with their pricing;
//!   channels; KOLs and community groups; membership tiers and referral.
//!   Stored only when the plan has any of it.
//! - 7: the team (chapter 6's people: groups, positions, RACI, incentives,
//!   joint projects) and risks (chapter 7: register, bands, incidents,
//!   working hours); the training plan in the meeting settings. Each is
//!   stored only when the plan has any of it.
//!
//! To change the schema: bump `SCHEMA_VERSION`, add a step `vN_to_vN+1` to
//! `STEPS`, and keep a real file of version N under `tests/fixtures/`.

use super::format::{FileError, SCHEMA_VERSION};
use serde_json::Value;

/// A step turns a document of version N into one of version N + 1.
pub type Step = fn(Value) -> Result<Value, String>;

/// `STEPS[i]` migrates version `i + 1` to `i + 2`.
const STEPS: &[Step] = &[v1_to_v2, v2_to_v3, v3_to_v4, v4_to_v5, v5_to_v6, v6_to_v7];

/// Version 2 adds the Goals and Evaluation chapters: every plan, in the
/// library and in the Trash, gets them empty, with the default thresholds.
fn v1_to_v2(doc: Value) -> Result<Value, String> {
    for_each_plan(doc, |plan| {
        let plan = plan.as_object_mut().ok_or("a plan is not an object")?;
        for key in ["goals", "custom_dimensions", "reviews"] {
            plan.entry(key).or_insert_with(|| Value::Array(Vec::new()));
        }
        plan.entry("dimension_weights")
            .or_insert_with(|| Value::Object(Default::default()));
        plan.entry("thresholds")
            .or_insert_with(|| serde_json::json!({ "on_track": 10000, "at_risk": 8500 }));
        Ok(())
    })
}

/// Version 3 adds the Implementation chapter: every plan gets it empty, with
/// the default meeting cadence and reminders.
fn v2_to_v3(doc: Value) -> Result<Value, String> {
    for_each_plan(doc, |plan| {
        let plan = plan.as_object_mut().ok_or("a plan is not an object")?;
        let defaults = serde_json::to_value(crate::domain::implementation::Implementation::default())
            .map_err(|e| e.to_string())?;
        plan.entry("implementation").or_insert(defaults);
        Ok(())
    })
}

/// Version 4 adds the Budget chapter: every plan gets it empty, with
/// DOMAIN.md §6's splits, approval tiers and ROI rules.
fn v3_to_v4(doc: Value) -> Result<Value, String> {
    for_each_plan(doc, |plan| {
        let plan = plan.as_object_mut().ok_or("a plan is not an object")?;
        let defaults = serde_json::to_value(crate::domain::budget::Budget::default()).map_err(|e| e.to_string())?;
        plan.entry("budget").or_insert(defaults);
        Ok(())
    })
}

/// Version 5 adds chapter 2, situation analysis. A plan without it has it
/// empty, which is how an empty chapter is stored, so a version 4 plan is
/// already a valid version 5 plan; the step checks that plans are objects.
fn v4_to_v5(doc: Value) -> Result<Value, String> {
    for_each_plan(doc, |plan| {
        plan.as_object()
            .map(|_| ())
            .ok_or_else(|| "a plan is not an object".to_owned())
    })
}

/// Version 6 adds chapter 4, core strategies, stored only when it is not
/// empty: as with version 5, an older plan is already a valid one.
fn v5_to_v6(doc: Value) -> Result<Value, String> {
    for_each_plan(doc, |plan| {
        plan.as_object()
            .map(|_| ())
            .ok_or_else(|| "a plan is not an object".to_owned())
    })
}

/// Version 7 adds the team and the risk register, and training to the
/// meeting settings, each absent when empty or off: an older plan reads as
/// one without them.
fn v6_to_v7(doc: Value) -> Result<Value, String> {
    for_each_plan(doc, |plan| {
        plan.as_object()
            .map(|_| ())
            .ok_or_else(|| "a plan is not an object".to_owned())
    })
}

/// Runs `upgrade` on every plan of the document, in the library and in the Trash.
fn for_each_plan(mut doc: Value, upgrade: fn(&mut Value) -> Result<(), String>) -> Result<Value, String> {
    if let Some(plans) = doc.get_mut("plans").and_then(Value::as_array_mut) {
        plans.iter_mut().try_for_each(upgrade)?;
    }
    if let Some(trash) = doc.get_mut("trash").and_then(Value::as_array_mut) {
        for entry in trash.iter_mut() {
            if let Some(plan) = entry.get_mut("plan") {
                upgrade(plan)?;
            }
        }
    }
    Ok(doc)
}

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
    fn version_1_plans_gain_empty_goals_and_reviews() {
        let doc = json!({"schema_version": 1, "plans": [{"name": "A"}], "trash": [{"plan": {"name": "B"}}]});
        let out = to_current(doc, 1).unwrap();
        assert_eq!(out["schema_version"], SCHEMA_VERSION);
        for plan in [&out["plans"][0], &out["trash"][0]["plan"]] {
            assert_eq!(plan["goals"], json!([]));
            assert_eq!(plan["reviews"], json!([]));
            assert_eq!(plan["thresholds"]["at_risk"], 8500);
        }
        assert_eq!(v1_to_v2(json!({"plans": [3]})), Err("a plan is not an object".into()));
    }

    #[test]
    fn version_2_plans_gain_an_empty_implementation_chapter() {
        let doc = json!({"schema_version": 2, "plans": [{"name": "A"}], "trash": [{"plan": {"name": "B"}}]});
        let out = to_current(doc, 2).unwrap();
        for plan in [&out["plans"][0], &out["trash"][0]["plan"]] {
            assert_eq!(plan["implementation"]["reminder_days"], 3);
            assert_eq!(plan["implementation"]["time_zone"], "Asia/Shanghai");
            assert_eq!(plan["implementation"]["meetings"]["weekday"], "Mon");
        }
        assert_eq!(v2_to_v3(json!({"plans": ["x"]})), Err("a plan is not an object".into()));
    }

    #[test]
    fn version_3_plans_gain_a_budget_with_the_handbook_defaults() {
        let doc = json!({"schema_version": 3, "plans": [{"name": "A"}], "trash": [{"plan": {"name": "B"}}]});
        let out = to_current(doc, 3).unwrap();
        for plan in [&out["plans"][0], &out["trash"][0]["plan"]] {
            assert_eq!(plan["budget"]["reserve"], 1000);
            assert_eq!(plan["budget"]["splits"]["channel"]["online"], 6000);
            assert_eq!(plan["budget"]["tiers"][0]["up_to"], 10_000_000);
            assert_eq!(plan["budget"]["tiers"][2]["approver"], "office_meeting");
        }
        assert_eq!(v3_to_v4(json!({"plans": [1]})), Err("a plan is not an object".into()));
    }

    #[test]
    fn version_4_plans_read_as_version_5_with_no_situation_analysis() {
        let doc = json!({"schema_version": 4, "plans": [{"name": "A", "budget": {}}], "trash": []});
        let out = to_current(doc.clone(), 4).unwrap();
        assert_eq!(out["schema_version"], SCHEMA_VERSION);
        assert_eq!(out["plans"], doc["plans"], "nothing else changes");
        assert_eq!(v4_to_v5(json!({"plans": [1]})), Err("a plan is not an object".into()));
    }

    #[test]
    fn version_5_plans_read_as_version_6_with_no_strategies() {
        let doc = json!({"schema_version": 5, "plans": [{"name": "A", "situation": {}}], "trash": []});
        let out = to_current(doc, 5).unwrap();
        assert_eq!(out["schema_version"], SCHEMA_VERSION);
        assert_eq!(out["plans"][0], json!({"name": "A", "situation": {}}));
        let bad = json!({"schema_version": 5, "plans": [7], "trash": []});
        assert!(to_current(bad, 5).is_err());
    }

    #[test]
    fn version_6_plans_read_as_version_7_with_no_team_or_risks() {
        let doc = json!({"schema_version": 6, "plans": [{"name": "A", "strategies": {}}], "trash": []});
        let out = to_current(doc, 6).unwrap();
        assert_eq!(out["schema_version"], 7);
        assert_eq!(out["plans"][0], json!({"name": "A", "strategies": {}}));
        let bad = json!({"schema_version": 6, "plans": ["x"], "trash": []});
        assert!(to_current(bad, 6).is_err());
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
        assert!(matches!(run(&[fail], json!({}), 1, 2), Err(FileError::Invalid { .. })));
        assert_eq!(run(&[], json!({}), 1, 2), Err(FileError::BadVersion));
    }
}
