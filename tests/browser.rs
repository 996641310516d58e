//! Storage against the real localStorage of headless Chromium: what no
//! in-memory fake can show (the browser's own quota error, its own limits).
//! Run by `cargo test --target wasm32-unknown-unknown --test browser`.
#![cfg(target_arch = "wasm32")]

use chrono::{TimeZone, Utc};
use marketplan::domain::core::ids::CountingIds;
use marketplan::domain::plan::library::Library;
use marketplan::domain::plan::sample::sample_plan;
use marketplan::i18n::Lang;
use marketplan::storage::browser::LocalStorage;
use marketplan::storage::{KeyValue, Loaded, PlanStore, SaveError, StoreError, Version};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn clear() {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.clear().unwrap();
}

fn library(count: usize) -> Library {
    let mut ids = CountingIds::default();
    let now = Utc.with_ymd_and_hms(2026, 11, 23, 3, 0, 0).unwrap();
    let today = now.date_naive();
    let mut lib = Library::default();
    for i in 0..count {
        let lang = if i % 2 == 0 { Lang::ZhCn } else { Lang::En };
        // In the browser the catalogue is fetched by the app, which these
        // tests do not start: the sample's texts are empty, so it gets a name.
        let mut plan = sample_plan(lang, &mut ids, today, now);
        plan.name = format!("Plan {i} 计划");
        lib.add(plan);
    }
    lib
}

#[wasm_bindgen_test]
fn local_storage_round_trips_chinese_text() {
    clear();
    let kv = LocalStorage;
    kv.set("k", "市场计划台 ✓").unwrap();
    assert_eq!(kv.get("k").unwrap().as_deref(), Some("市场计划台 ✓"));
    kv.remove("k");
    assert_eq!(kv.get("k").unwrap(), None);
}

#[wasm_bindgen_test]
fn the_packed_copy_survives_local_storage_exactly() {
    clear();
    let store = PlanStore::new(LocalStorage);
    let v1 = store.save(&library(3), &Version::default(), "t", Utc::now()).unwrap();
    let stored = LocalStorage
        .get(&format!("marketplan.library.{}", v1.as_str()))
        .unwrap()
        .unwrap();
    assert!(stored.starts_with("mpz1:"), "stored packed");
    // Every one of the 32,768 characters the packing writes comes back as it went in.
    let every: String = (0x3000u32..=0xAFFF).filter_map(char::from_u32).collect();
    LocalStorage.set("packed-alphabet", &every).unwrap();
    assert_eq!(
        LocalStorage.get("packed-alphabet").unwrap().as_deref(),
        Some(every.as_str())
    );
    clear();
}

#[wasm_bindgen_test]
fn a_saved_library_is_written_verified_and_loaded_back() {
    clear();
    let store = PlanStore::new(LocalStorage);
    assert_eq!(store.load(), Ok(Loaded::Fresh));
    let lib = library(3);
    let now = Utc::now();
    let v1 = store.save(&lib, &Version::default(), "tab1", now).unwrap();
    let v2 = store.save(&lib, &v1, "tab1", now).unwrap();
    assert_eq!(
        store.load(),
        Ok(Loaded::Library {
            library: lib,
            version: v2.clone(),
            replaces: Some(v1.clone())
        })
    );
    assert_eq!(store.save(&library(1), &v1, "tab2", now), Err(SaveError::Stale));
    assert_eq!(
        LocalStorage
            .keys()
            .iter()
            .filter(|k| k.starts_with("marketplan.library."))
            .count(),
        1
    );
}

/// Fills localStorage until the browser refuses.
fn fill_storage() -> usize {
    let kv = LocalStorage;
    let mut chunk = "x".repeat(1 << 20);
    let mut n = 0;
    while chunk.len() >= 16 {
        match kv.set(&format!("filler.{n}"), &chunk) {
            Ok(()) => n += 1,
            Err(StoreError::Full) => chunk.truncate(chunk.len() / 2),
            Err(other) => panic!("expected a quota error, got {other:?}"),
        }
    }
    n
}

#[wasm_bindgen_test]
fn a_full_storage_is_recognised_and_the_last_good_copy_survives() {
    clear();
    let store = PlanStore::new(LocalStorage);
    let small = library(1);
    let v1 = store.save(&small, &Version::default(), "t", Utc::now()).unwrap();
    let fillers = fill_storage();
    assert!(fillers > 0);

    let big = library(40);
    assert_eq!(
        store.save(&big, &v1, "t", Utc::now()),
        Err(SaveError::Store(StoreError::Full))
    );
    // Nothing half-written: the stored copy is still the small library.
    assert_eq!(
        store.load(),
        Ok(Loaded::Library {
            library: small.clone(),
            version: v1.clone(),
            replaces: None
        })
    );

    // Once there is room again, the same save succeeds.
    for n in 0..fillers {
        LocalStorage.remove(&format!("filler.{n}"));
    }
    assert_eq!(store.save(&big, &v1, "t", Utc::now()).map(|v| v.generation()), Ok(2));
    clear();
}

#[wasm_bindgen_test]
fn corrupted_stored_data_is_kept_and_the_app_can_start() {
    clear();
    let store = PlanStore::new(LocalStorage);
    let v1 = store.save(&library(2), &Version::default(), "t", Utc::now()).unwrap();
    let kv = LocalStorage;
    let key = format!("marketplan.library.{}", v1.as_str());
    let text = kv.get(&key).unwrap().unwrap();
    let truncated: String = text.chars().take(text.chars().count() / 3).collect();
    kv.set(&key, &truncated).unwrap();

    let Ok(Loaded::Unreadable {
        library,
        raw,
        backup_key,
        ..
    }) = store.load()
    else {
        panic!("unreadable")
    };
    assert!(library.plans.is_empty());
    assert_eq!(raw, truncated);
    let backup = backup_key.expect("backed up");
    assert_eq!(kv.get(&backup).unwrap(), Some(truncated));
    clear();
}
