//! Keeping the library in a key-value store (the browser's localStorage) so
//! that no failed or partial write can cost the last good copy.
//!
//! Two slots hold the library; a pointer names the current one and its
//! generation (`"a:17"`). A save writes the other slot, reads it back, moves
//! the pointer, and only then drops the old slot. The generation lets a tab
//! notice that another tab saved since it last looked.

use super::format::{decode, encode_library, FileError};
use crate::domain::library::Library;
use chrono::{DateTime, Utc};
use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;

pub const KEY_POINTER: &str = "marketplan.library";
pub const KEY_LANG: &str = "marketplan.lang";
const KEY_SLOT_A: &str = "marketplan.library.a";
const KEY_SLOT_B: &str = "marketplan.library.b";
const KEY_UNREADABLE: &str = "marketplan.unreadable";

/// What can go wrong with the store itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// The quota is used up (see `quota.rs`).
    Full,
    /// Storage is switched off, blocked, or failed otherwise.
    Unavailable(String),
}

/// The small interface the rest of the app stores through.
pub trait KeyValue {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError>;
    fn remove(&self, key: &str);
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Slot {
    A,
    B,
}

impl Slot {
    fn key(self) -> &'static str {
        match self {
            Slot::A => KEY_SLOT_A,
            Slot::B => KEY_SLOT_B,
        }
    }
    fn other(self) -> Slot {
        match self {
            Slot::A => Slot::B,
            Slot::B => Slot::A,
        }
    }
    fn code(self) -> &'static str {
        match self {
            Slot::A => "a",
            Slot::B => "b",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Pointer {
    slot: Slot,
    generation: u64,
}

impl Pointer {
    fn parse(text: &str) -> Option<Pointer> {
        let (slot, generation) = text.split_once(':')?;
        let slot = match slot {
            "a" => Slot::A,
            "b" => Slot::B,
            _ => return None,
        };
        Some(Pointer {
            slot,
            generation: generation.parse().ok()?,
        })
    }
    fn encode(self) -> String {
        format!("{}:{}", self.slot.code(), self.generation)
    }
}

/// What was found in the store at start-up or after another tab saved.
#[derive(Clone, Debug, PartialEq)]
pub enum Loaded {
    /// Nothing stored yet: a first visit.
    Fresh,
    Library {
        library: Library,
        generation: u64,
    },
    /// The stored text could not be read. `library` is what could be
    /// recovered (possibly empty); `raw` is the unreadable text, also copied
    /// under `backup_key` when there was room for it.
    Unreadable {
        library: Library,
        generation: u64,
        raw: String,
        backup_key: Option<String>,
        error: FileError,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveError {
    Store(StoreError),
    /// Another tab saved generation `generation` since we last loaded.
    Stale {
        generation: u64,
    },
    /// The copy read back differed from what was written.
    VerifyFailed,
}

pub struct PlanStore<K> {
    kv: K,
    /// A slot holding unreadable data that could not be backed up: it must
    /// survive until the user has downloaded it.
    protected: Cell<Option<Slot>>,
}

impl<K: KeyValue> PlanStore<K> {
    pub fn new(kv: K) -> Self {
        Self {
            kv,
            protected: Cell::new(None),
        }
    }

    pub fn kv(&self) -> &K {
        &self.kv
    }

    /// The generation last saved by any tab (0 before the first save).
    pub fn generation(&self) -> Result<u64, StoreError> {
        Ok(self
            .kv
            .get(KEY_POINTER)?
            .as_deref()
            .and_then(Pointer::parse)
            .map_or(0, |p| p.generation))
    }

    pub fn load(&self) -> Result<Loaded, StoreError> {
        let pointer_text = self.kv.get(KEY_POINTER)?;
        let Some(pointer_text) = pointer_text else {
            // A first save that stopped before writing the pointer leaves a slot behind.
            for slot in [Slot::A, Slot::B] {
                if let Some(Ok(env)) = self.kv.get(slot.key())?.map(|t| decode(&t)) {
                    return Ok(Loaded::Library {
                        library: env.into_library(),
                        generation: 0,
                    });
                }
            }
            return Ok(Loaded::Fresh);
        };
        let Some(pointer) = Pointer::parse(&pointer_text) else {
            let recovered = self.first_readable()?;
            return Ok(self.unreadable(None, pointer_text, FileError::NotAPlanFile, recovered, 0));
        };
        let raw = self.kv.get(pointer.slot.key())?.unwrap_or_default();
        match decode(&raw) {
            Ok(env) => Ok(Loaded::Library {
                library: env.into_library(),
                generation: pointer.generation,
            }),
            Err(error) => {
                let other = self
                    .kv
                    .get(pointer.slot.other().key())?
                    .and_then(|t| decode(&t).ok());
                let recovered = other.map(|env| env.into_library()).unwrap_or_default();
                Ok(self.unreadable(
                    Some(pointer.slot),
                    raw,
                    error,
                    recovered,
                    pointer.generation,
                ))
            }
        }
    }

    fn first_readable(&self) -> Result<Library, StoreError> {
        for slot in [Slot::A, Slot::B] {
            if let Some(Ok(env)) = self.kv.get(slot.key())?.map(|t| decode(&t)) {
                return Ok(env.into_library());
            }
        }
        Ok(Library::default())
    }

    fn unreadable(
        &self,
        slot: Option<Slot>,
        raw: String,
        error: FileError,
        library: Library,
        generation: u64,
    ) -> Loaded {
        let key = format!("{KEY_UNREADABLE}.{generation}");
        let backup_key = self.kv.set(&key, &raw).ok().map(|()| key);
        if backup_key.is_none() {
            self.protected.set(slot);
        }
        Loaded::Unreadable {
            library,
            generation,
            raw,
            backup_key,
            error,
        }
    }

    /// Saves `library` if the store is still at `expected` generation;
    /// returns the new generation.
    pub fn save(
        &self,
        library: &Library,
        expected: u64,
        now: DateTime<Utc>,
    ) -> Result<u64, SaveError> {
        let current = self.kv.get(KEY_POINTER).map_err(SaveError::Store)?;
        let current = current.as_deref().and_then(Pointer::parse);
        let generation = current.map_or(0, |p| p.generation);
        if generation != expected {
            return Err(SaveError::Stale { generation });
        }
        let old = current.map_or(Slot::B, |p| p.slot);
        let new = Pointer {
            slot: old.other(),
            generation: generation + 1,
        };
        if self.protected.get() == Some(new.slot) {
            return Err(SaveError::Store(StoreError::Full));
        }
        let text = encode_library(library, now);
        let written = self
            .kv
            .set(new.slot.key(), &text)
            .map_err(SaveError::Store)
            .and_then(|()| match self.kv.get(new.slot.key()) {
                Ok(Some(back)) if back == text => Ok(()),
                _ => Err(SaveError::VerifyFailed),
            });
        let pointed = written.and_then(|()| {
            self.kv
                .set(KEY_POINTER, &new.encode())
                .map_err(SaveError::Store)
        });
        if let Err(e) = pointed {
            // The pointer still names the old, good copy; drop the half-done one.
            self.kv.remove(new.slot.key());
            return Err(e);
        }
        if self.protected.get() != Some(old) {
            self.kv.remove(old.key());
        }
        Ok(new.generation)
    }

    /// The user has the unreadable data (downloaded it): it need not be kept.
    pub fn release_protected(&self) {
        self.protected.set(None);
    }

    pub fn language(&self) -> Option<String> {
        self.kv.get(KEY_LANG).ok().flatten()
    }

    pub fn set_language(&self, tag: &str) -> Result<(), StoreError> {
        self.kv.set(KEY_LANG, tag)
    }
}

/// An in-memory store with a quota, for tests and benchmarks. The quota counts
/// UTF-16 code units of keys and values, as browsers do.
#[derive(Default)]
pub struct MemoryStore {
    pub map: RefCell<BTreeMap<String, String>>,
    pub quota_units: Option<usize>,
    /// Makes every read of this key return something else (a flaky disk).
    pub garble_reads_of: Option<String>,
}

impl MemoryStore {
    pub fn with_quota(units: usize) -> Self {
        Self {
            quota_units: Some(units),
            ..Self::default()
        }
    }

    fn used_without(&self, key: &str) -> usize {
        self.map
            .borrow()
            .iter()
            .filter(|(k, _)| *k != key)
            .map(|(k, v)| units(k) + units(v))
            .sum()
    }
}

fn units(s: &str) -> usize {
    s.encode_utf16().count()
}

impl KeyValue for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        if self.garble_reads_of.as_deref() == Some(key) {
            return Ok(Some("garbled".into()));
        }
        Ok(self.map.borrow().get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        if let Some(quota) = self.quota_units {
            if self.used_without(key) + units(key) + units(value) > quota {
                return Err(StoreError::Full);
            }
        }
        self.map
            .borrow_mut()
            .insert(key.to_owned(), value.to_owned());
        Ok(())
    }

    fn remove(&self, key: &str) {
        self.map.borrow_mut().remove(key);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::{CountingIds, IdSource};
    use crate::domain::period::{Period, PeriodKind};
    use crate::domain::plan::{Currency, Plan};
    use chrono::{NaiveDate, TimeZone};

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 23, 10, 0, 0).unwrap()
    }

    fn library(names: &[&str]) -> Library {
        let mut ids = CountingIds::default();
        let start = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
        let mut lib = Library::default();
        for name in names {
            let period = Period::starting_from(PeriodKind::Year, start);
            lib.add(
                Plan::new(ids.plan_id(), name, "", period, Currency::default(), now()).unwrap(),
            );
        }
        lib
    }

    #[test]
    fn a_fresh_store_loads_as_fresh_and_saves_round_trip() {
        let store = PlanStore::new(MemoryStore::default());
        assert_eq!(store.load(), Ok(Loaded::Fresh));
        let lib = library(&["A", "B"]);
        assert_eq!(store.save(&lib, 0, now()), Ok(1));
        assert_eq!(store.save(&lib, 1, now()), Ok(2));
        assert_eq!(
            store.load(),
            Ok(Loaded::Library {
                library: lib,
                generation: 2
            })
        );
        // Only the current slot is left behind.
        let keys: Vec<String> = store.kv().map.borrow().keys().cloned().collect();
        assert_eq!(keys, [KEY_POINTER, KEY_SLOT_B]);
    }

    #[test]
    fn a_save_against_an_old_generation_is_refused() {
        let store = PlanStore::new(MemoryStore::default());
        store.save(&library(&["A"]), 0, now()).unwrap();
        assert_eq!(
            store.save(&library(&["B"]), 0, now()),
            Err(SaveError::Stale { generation: 1 })
        );
        let Ok(Loaded::Library {
            library: stored, ..
        }) = store.load()
        else {
            panic!("loads")
        };
        assert_eq!(stored.plans[0].name, "A");
    }

    #[test]
    fn a_full_store_keeps_the_last_good_copy() {
        let small = library(&["A"]);
        let big = library(&["A", &"x".repeat(150), &"y".repeat(150), "D", "E", "F"]);
        let quota = 2 * encode_library(&small, now()).len() + 200;
        let store = PlanStore::new(MemoryStore::with_quota(quota));
        store.save(&small, 0, now()).unwrap();
        assert_eq!(
            store.save(&big, 1, now()),
            Err(SaveError::Store(StoreError::Full))
        );
        assert_eq!(
            store.load(),
            Ok(Loaded::Library {
                library: small.clone(),
                generation: 1
            })
        );
        // Once there is room again, saving works and the generation moves on.
        assert_eq!(store.save(&small, 1, now()), Ok(2));
    }

    #[test]
    fn a_write_that_does_not_read_back_is_undone() {
        let kv = MemoryStore {
            garble_reads_of: Some(KEY_SLOT_A.into()),
            ..MemoryStore::default()
        };
        let store = PlanStore::new(kv);
        assert_eq!(
            store.save(&library(&["A"]), 0, now()),
            Err(SaveError::VerifyFailed)
        );
        assert!(store.kv().map.borrow().is_empty());
    }

    #[test]
    fn unreadable_data_is_backed_up_and_the_app_still_opens() {
        let store = PlanStore::new(MemoryStore::default());
        store.save(&library(&["A"]), 0, now()).unwrap();
        // Truncate the stored copy, as a crash or a hand edit might.
        let text = store.kv().map.borrow()[KEY_SLOT_A].clone();
        store.kv().set(KEY_SLOT_A, &text[..text.len() / 2]).unwrap();
        let Ok(Loaded::Unreadable {
            library,
            generation,
            raw,
            backup_key,
            error,
        }) = store.load()
        else {
            panic!("unreadable")
        };
        assert!(library.plans.is_empty());
        assert_eq!(generation, 1);
        assert_eq!(raw, &text[..text.len() / 2]);
        assert!(matches!(error, FileError::Json { .. }));
        let key = backup_key.expect("backed up");
        assert_eq!(store.kv().get(&key), Ok(Some(raw.clone())));
        // Saving again replaces the unreadable slot; the backup stays.
        assert_eq!(store.save(&library, generation, now()), Ok(2));
        assert_eq!(store.kv().get(&key), Ok(Some(raw)));
    }

    #[test]
    fn unreadable_data_without_room_for_a_backup_is_never_deleted() {
        let lib = library(&["A"]);
        let text = encode_library(&lib, now());
        let kv = MemoryStore::with_quota(text.len() + 60);
        kv.set(KEY_POINTER, "a:3").unwrap();
        kv.set(KEY_SLOT_A, &text[..text.len() - 5]).unwrap();
        let store = PlanStore::new(kv);
        let Ok(Loaded::Unreadable {
            backup_key: None,
            raw,
            ..
        }) = store.load()
        else {
            panic!("no room")
        };
        let _ = store.save(&lib, 3, now());
        assert_eq!(
            store.kv().get(KEY_SLOT_A),
            Ok(Some(raw)),
            "the only copy of the raw text survives"
        );
    }

    #[test]
    fn a_garbled_pointer_falls_back_to_a_readable_slot() {
        let store = PlanStore::new(MemoryStore::default());
        let lib = library(&["A"]);
        store.save(&lib, 0, now()).unwrap();
        store.kv().set(KEY_POINTER, "zzz").unwrap();
        let Ok(Loaded::Unreadable { library, raw, .. }) = store.load() else {
            panic!("unreadable")
        };
        assert_eq!(library, lib);
        assert_eq!(raw, "zzz");
    }

    #[test]
    fn a_first_save_cut_short_before_the_pointer_is_still_found() {
        let kv = MemoryStore::default();
        let lib = library(&["A"]);
        kv.set(KEY_SLOT_A, &encode_library(&lib, now())).unwrap();
        let store = PlanStore::new(kv);
        assert_eq!(
            store.load(),
            Ok(Loaded::Library {
                library: lib,
                generation: 0
            })
        );
    }

    #[test]
    fn the_language_preference_is_kept() {
        let store = PlanStore::new(MemoryStore::default());
        assert_eq!(store.language(), None);
        store.set_language("zh-CN").unwrap();
        assert_eq!(store.language().as_deref(), Some("zh-CN"));
    }
}
