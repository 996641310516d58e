//! Keeping the library in a key-value store (the browser's localStorage) so
//! that no failed or partial write can cost the last good copy, and no tab
//! overwrites another's save unnoticed.
//!
//! Each save writes a new copy under its own key, reads it back, then points
//! `marketplan.library` at it (the copy's [`Version`], `g17-9c1e…`: the
//! generation and a random tag), and only then drops the copy it replaced.
//! localStorage has no compare-and-swap, so two tabs can still save at the
//! same moment; every copy therefore records the version it replaced, and a
//! tab whose save was replaced by a sibling learns of it (see
//! `AppState::external`) instead of believing it was kept.

use super::format::{decode_stored, encode_library, FileError};
use super::packed::{pack, unpack};
use crate::domain::core::order::sort_by_rank;
use crate::domain::plan::library::Library;
use chrono::{DateTime, Utc};
use std::cell::{RefCell, RefMut};
use std::collections::BTreeMap;

pub const KEY_POINTER: &str = "marketplan.library";
pub const KEY_LANG: &str = "marketplan.lang";
const KEY_COPY_PREFIX: &str = "marketplan.library.";
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
    fn keys(&self) -> Vec<String>;
}

/// One stored copy of the library. The empty version is "nothing stored".
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Version(String);

impl Version {
    /// A new version after `self`; `tag` tells apart two tabs saving at once.
    fn next(&self, tag: &str) -> Version {
        Version(format!("g{}-{tag}", self.generation() + 1))
    }

    pub fn is_none(&self) -> bool {
        self.0.is_empty()
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// How many saves led to this copy. Pointers of the first builds
    /// (`a:17`, `b:18`, alternating two slots) still read.
    pub fn generation(&self) -> u64 {
        let digits = match self.0.split_once(':') {
            Some((_, n)) => n,
            None => self.0.trim_start_matches('g').split('-').next().unwrap_or(""),
        };
        digits.parse().unwrap_or(0)
    }

    fn key(&self) -> String {
        match self.0.split_once(':') {
            Some((slot, _)) => format!("{KEY_COPY_PREFIX}{slot}"),
            None => format!("{KEY_COPY_PREFIX}{}", self.0),
        }
    }

    fn is_valid(&self) -> bool {
        let legacy = self
            .0
            .split_once(':')
            .is_some_and(|(slot, n)| matches!(slot, "a" | "b") && n.parse::<u64>().is_ok());
        let current = self
            .0
            .strip_prefix('g')
            .and_then(|rest| rest.split_once('-'))
            .is_some_and(|(n, tag)| {
                n.parse::<u64>().is_ok() && !tag.is_empty() && tag.bytes().all(|b| b.is_ascii_alphanumeric())
            });
        legacy || current
    }

    pub fn from_text(text: &str) -> Option<Version> {
        let v = Version(text.to_owned());
        v.is_valid().then_some(v)
    }
}

/// What was found in the store at start-up or after another tab saved.
#[derive(Clone, Debug, PartialEq)]
pub enum Loaded {
    /// Nothing stored yet: a first visit.
    Fresh,
    /// `replaces` is the version this copy was saved over.
    Library {
        library: Library,
        version: Version,
        replaces: Option<Version>,
    },
    /// The stored text could not be read. `library` is what could be
    /// recovered (possibly empty); `raw` is the unreadable text, also copied
    /// under `backup_key` when there was room for it.
    Unreadable {
        library: Library,
        version: Version,
        raw: String,
        backup_key: Option<String>,
        error: FileError,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveError {
    Store(StoreError),
    /// Another tab saved since we last loaded: load, merge, save again.
    Stale,
    /// The copy read back differed from what was written.
    VerifyFailed,
}

pub struct PlanStore<K> {
    kv: K,
    /// A copy holding unreadable data that could not be backed up: it must
    /// survive until the user has downloaded it.
    protected: RefCell<Option<String>>,
}

impl<K: KeyValue> PlanStore<K> {
    pub fn new(kv: K) -> Self {
        Self {
            kv,
            protected: RefCell::new(None),
        }
    }

    pub fn kv(&self) -> &K {
        &self.kv
    }

    fn protected(&self) -> RefMut<'_, Option<String>> {
        self.protected.borrow_mut()
    }

    pub fn load(&self) -> Result<Loaded, StoreError> {
        let Some(pointer) = self.kv.get(KEY_POINTER)? else {
            // A first save that stopped before writing the pointer leaves a copy behind.
            return Ok(match self.first_readable()? {
                Some(library) => Loaded::Library {
                    library,
                    version: Version::default(),
                    replaces: None,
                },
                None => Loaded::Fresh,
            });
        };
        let Some(version) = Version::from_text(&pointer) else {
            let recovered = self.first_readable()?.unwrap_or_default();
            return Ok(self.unreadable(None, pointer, FileError::NotAPlanFile, recovered, Version::default()));
        };
        let stored = self.kv.get(&version.key())?.unwrap_or_default();
        // The unreadable text kept for the user is the JSON when it unpacks.
        let (raw, decoded) = match unpack(&stored) {
            Ok(json) => {
                let decoded = decode_stored(&json);
                (json.into_owned(), decoded)
            }
            Err(_) => (stored, Err(FileError::Damaged)),
        };
        match decoded {
            Ok(env) => {
                self.drop_orphans(&version);
                let replaces = env.replaces.as_deref().and_then(Version::from_text);
                Ok(Loaded::Library {
                    library: env.into_library(),
                    version,
                    replaces,
                })
            }
            Err(error) => {
                let recovered = self.first_readable()?.unwrap_or_default();
                let key = version.key();
                Ok(self.unreadable(Some(key), raw, error, recovered, version))
            }
        }
    }

    /// The newest readable copy under any key, for recovery.
    fn first_readable(&self) -> Result<Option<Library>, StoreError> {
        let mut copies: Vec<String> = self
            .kv
            .keys()
            .into_iter()
            .filter(|k| k.starts_with(KEY_COPY_PREFIX))
            .collect();
        sort_by_rank(&mut copies, |k| {
            let generation = Version(k[KEY_COPY_PREFIX.len()..].to_owned()).generation();
            (-i64::try_from(generation).unwrap_or(i64::MAX), 0)
        });
        for key in copies {
            let readable = self.kv.get(&key)?.and_then(|t| decode_stored(&unpack(&t).ok()?).ok());
            if let Some(env) = readable {
                return Ok(Some(env.into_library()));
            }
        }
        Ok(None)
    }

    /// Copies older than the current one that a lost race left behind.
    fn drop_orphans(&self, current: &Version) {
        let protected = self.protected().clone();
        for key in self.kv.keys() {
            let Some(name) = key.strip_prefix(KEY_COPY_PREFIX) else {
                continue;
            };
            let v = Version(name.to_owned());
            if v.generation() < current.generation() && Some(&key) != protected.as_ref() {
                self.kv.remove(&key);
            }
        }
    }

    fn unreadable(
        &self,
        key: Option<String>,
        raw: String,
        error: FileError,
        library: Library,
        version: Version,
    ) -> Loaded {
        let backup = format!("{KEY_UNREADABLE}.{}", version.generation());
        let backup_key = self.kv.set(&backup, &raw).ok().map(|()| backup);
        if backup_key.is_none() {
            *self.protected() = key;
        }
        Loaded::Unreadable {
            library,
            version,
            raw,
            backup_key,
            error,
        }
    }

    /// Saves `library` if the store still holds `expected`; `tag` is a
    /// random word that keeps this tab's copy apart from another's. Returns
    /// the new version.
    pub fn save(
        &self,
        library: &Library,
        expected: &Version,
        tag: &str,
        now: DateTime<Utc>,
    ) -> Result<Version, SaveError> {
        let current = self.kv.get(KEY_POINTER).map_err(SaveError::Store)?;
        let current = current.and_then(|t| Version::from_text(&t)).unwrap_or_default();
        if current != *expected {
            return Err(SaveError::Stale);
        }
        let new = current.next(tag);
        let replaces = (!current.is_none()).then(|| current.as_str());
        let text = pack(&encode_library(library, now, replaces));
        let written =
            self.kv
                .set(&new.key(), &text)
                .map_err(SaveError::Store)
                .and_then(|()| match self.kv.get(&new.key()) {
                    Ok(Some(back)) if back == text => Ok(()),
                    _ => Err(SaveError::VerifyFailed),
                });
        let pointed = written.and_then(|()| self.kv.set(KEY_POINTER, new.as_str()).map_err(SaveError::Store));
        if let Err(e) = pointed {
            // The pointer still names the old, good copy; drop the half-done one.
            self.kv.remove(&new.key());
            return Err(e);
        }
        // Another tab may have moved the pointer between our check and our write.
        if self.kv.get(KEY_POINTER).ok().flatten().as_deref() != Some(new.as_str()) {
            self.kv.remove(&new.key());
            return Err(SaveError::Stale);
        }
        let old = current.key();
        if !current.is_none() && self.protected().as_deref() != Some(old.as_str()) {
            self.kv.remove(&old);
        }
        Ok(new)
    }

    /// The user has the unreadable data (downloaded it): it need not be kept.
    pub fn release_protected(&self) {
        *self.protected() = None;
    }

    pub fn language(&self) -> Option<String> {
        self.kv.get(KEY_LANG).ok().flatten()
    }

    pub fn set_language(&self, tag: &str) -> Result<(), StoreError> {
        self.kv.set(KEY_LANG, tag)
    }
}

impl<K: KeyValue + ?Sized> KeyValue for &K {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        (**self).get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        (**self).set(key, value)
    }
    fn remove(&self, key: &str) {
        (**self).remove(key)
    }
    fn keys(&self) -> Vec<String> {
        (**self).keys()
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
    /// When a key starting with `.0` is set, also set `.1` to `.2` right
    /// after: another tab writing at the same moment.
    pub after_set: RefCell<Option<(String, String, String)>>,
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
        self.map.borrow_mut().insert(key.to_owned(), value.to_owned());
        let race = self
            .after_set
            .borrow()
            .as_ref()
            .filter(|(prefix, _, _)| key.starts_with(prefix.as_str()))
            .cloned();
        if let Some((_, other_key, other_value)) = race {
            *self.after_set.borrow_mut() = None;
            self.map.borrow_mut().insert(other_key, other_value);
        }
        Ok(())
    }

    fn remove(&self, key: &str) {
        self.map.borrow_mut().remove(key);
    }

    fn keys(&self) -> Vec<String> {
        self.map.borrow().keys().cloned().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::core::ids::{CountingIds, IdSource};
    use crate::domain::core::period::{Period, PeriodKind};
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
            lib.add(Plan::new(ids.plan_id(), name, "", period, Currency::default(), now()).unwrap());
        }
        lib
    }

    fn copies(store: &PlanStore<MemoryStore>) -> Vec<String> {
        store
            .kv()
            .keys()
            .into_iter()
            .filter(|k| k.starts_with(KEY_COPY_PREFIX))
            .collect()
    }

    #[test]
    fn versions_read_their_generation_and_refuse_garbage() {
        assert_eq!(Version::from_text("g17-ab12").map(|v| v.generation()), Some(17));
        assert_eq!(
            Version::from_text("b:9").map(|v| v.generation()),
            Some(9),
            "first builds' pointers"
        );
        for bad in ["", "zzz", "g-ab", "g3-", "g3-a.b", "c:1", "a:x"] {
            assert_eq!(Version::from_text(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_fresh_store_loads_as_fresh_and_saves_round_trip() {
        let store = PlanStore::new(MemoryStore::default());
        assert_eq!(store.load(), Ok(Loaded::Fresh));
        let lib = library(&["A", "B"]);
        let v1 = store.save(&lib, &Version::default(), "t1", now()).unwrap();
        let v2 = store.save(&lib, &v1, "t1", now()).unwrap();
        assert_eq!((v1.as_str(), v2.as_str()), ("g1-t1", "g2-t1"));
        assert_eq!(
            store.load(),
            Ok(Loaded::Library {
                library: lib,
                version: v2.clone(),
                replaces: Some(v1)
            })
        );
        assert_eq!(
            copies(&store),
            ["marketplan.library.g2-t1"],
            "only the current copy is left"
        );
    }

    #[test]
    fn a_save_against_an_old_version_is_refused() {
        let store = PlanStore::new(MemoryStore::default());
        store.save(&library(&["A"]), &Version::default(), "t1", now()).unwrap();
        assert_eq!(
            store.save(&library(&["B"]), &Version::default(), "t2", now()),
            Err(SaveError::Stale)
        );
        let Ok(Loaded::Library { library: stored, .. }) = store.load() else {
            panic!("loads")
        };
        assert_eq!(stored.plans[0].name, "A");
    }

    #[test]
    fn a_tab_that_writes_the_pointer_just_after_ours_makes_our_save_stale() {
        let store = PlanStore::new(MemoryStore::default());
        let v1 = store.save(&library(&["A"]), &Version::default(), "t1", now()).unwrap();
        // Tab two read v1 too, and its pointer write lands right after ours.
        *store.kv().after_set.borrow_mut() = Some((KEY_POINTER.into(), KEY_POINTER.into(), "g2-t2".into()));
        store
            .kv()
            .set(
                "marketplan.library.g2-t2",
                &encode_library(&library(&["B"]), now(), Some(v1.as_str())),
            )
            .unwrap();
        assert_eq!(store.save(&library(&["C"]), &v1, "t1", now()), Err(SaveError::Stale));
        let Ok(Loaded::Library {
            library,
            version,
            replaces,
        }) = store.load()
        else {
            panic!("loads")
        };
        assert_eq!((library.plans[0].name.as_str(), version.as_str()), ("B", "g2-t2"));
        assert_eq!(replaces, Some(v1));
        assert!(
            !copies(&store).contains(&"marketplan.library.g2-t1".to_owned()),
            "our orphan copy is dropped"
        );
    }

    #[test]
    fn a_full_store_keeps_the_last_good_copy() {
        let small = library(&["A"]);
        // Names that do not pack away: the big library needs real room.
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        let mut letter = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            char::from(b'a' + (seed % 26) as u8)
        };
        let noisy: Vec<String> = (0..8).map(|_| (0..60).map(|_| letter()).collect()).collect();
        let big = library(&noisy.iter().map(String::as_str).collect::<Vec<_>>());
        let quota = 2 * pack(&encode_library(&small, now(), None)).encode_utf16().count() + 200;
        let store = PlanStore::new(MemoryStore::with_quota(quota));
        let v1 = store.save(&small, &Version::default(), "t", now()).unwrap();
        assert_eq!(
            store.save(&big, &v1, "t", now()),
            Err(SaveError::Store(StoreError::Full))
        );
        assert_eq!(
            store.load(),
            Ok(Loaded::Library {
                library: small.clone(),
                version: v1.clone(),
                replaces: None
            })
        );
        // Once there is room again, saving works and the generation moves on.
        assert_eq!(store.save(&small, &v1, "t", now()).map(|v| v.generation()), Ok(2));
    }

    #[test]
    fn a_write_that_does_not_read_back_is_undone() {
        let kv = MemoryStore {
            garble_reads_of: Some("marketplan.library.g1-t".into()),
            ..MemoryStore::default()
        };
        let store = PlanStore::new(kv);
        assert_eq!(
            store.save(&library(&["A"]), &Version::default(), "t", now()),
            Err(SaveError::VerifyFailed)
        );
        assert!(store.kv().keys().is_empty());
    }

    #[test]
    fn unreadable_data_is_backed_up_and_the_app_still_opens() {
        let store = PlanStore::new(MemoryStore::default());
        let v1 = store.save(&library(&["A"]), &Version::default(), "t", now()).unwrap();
        // Truncate the stored copy, as a crash or a hand edit might.
        let key = "marketplan.library.g1-t";
        let text = store.kv().get(key).unwrap().unwrap();
        let half: String = text.chars().take(text.chars().count() / 2).collect();
        store.kv().set(key, &half).unwrap();
        let Ok(Loaded::Unreadable {
            library,
            version,
            raw,
            backup_key,
            error,
        }) = store.load()
        else {
            panic!("unreadable")
        };
        assert!(library.plans.is_empty());
        assert_eq!(version, v1);
        assert_eq!(raw, half);
        assert_eq!(error, FileError::Damaged);
        let backup = backup_key.expect("backed up");
        assert_eq!(store.kv().get(&backup), Ok(Some(raw.clone())));
        // Saving again replaces the unreadable copy; the backup stays.
        assert_eq!(
            store.save(&library, &version, "t", now()).map(|v| v.generation()),
            Ok(2)
        );
        assert_eq!(store.kv().get(&backup), Ok(Some(raw)));
        assert_eq!(store.kv().get(key), Ok(None));
    }

    #[test]
    fn unreadable_data_without_room_for_a_backup_is_never_deleted() {
        let lib = library(&["A"]);
        let text = encode_library(&lib, now(), None);
        let kv = MemoryStore::with_quota(text.len() + 80);
        kv.set(KEY_POINTER, "g3-x").unwrap();
        kv.set("marketplan.library.g3-x", &text[..text.len() - 5]).unwrap();
        let store = PlanStore::new(kv);
        let Ok(Loaded::Unreadable {
            backup_key: None,
            raw,
            version,
            ..
        }) = store.load()
        else {
            panic!("no room")
        };
        let _ = store.save(&lib, &version, "t", now());
        assert_eq!(
            store.kv().get("marketplan.library.g3-x"),
            Ok(Some(raw)),
            "the only copy of the raw text survives"
        );
    }

    #[test]
    fn a_garbled_pointer_falls_back_to_a_readable_copy() {
        let store = PlanStore::new(MemoryStore::default());
        let lib = library(&["A"]);
        store.save(&lib, &Version::default(), "t", now()).unwrap();
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
        kv.set("marketplan.library.g1-t", &encode_library(&lib, now(), None))
            .unwrap();
        let store = PlanStore::new(kv);
        assert_eq!(
            store.load(),
            Ok(Loaded::Library {
                library: lib,
                version: Version::default(),
                replaces: None
            })
        );
    }

    #[test]
    fn the_first_builds_two_slot_layout_still_loads() {
        let kv = MemoryStore::default();
        let lib = library(&["A"]);
        kv.set(KEY_POINTER, "b:4").unwrap();
        kv.set("marketplan.library.b", &encode_library(&lib, now(), None))
            .unwrap();
        let store = PlanStore::new(kv);
        let Ok(Loaded::Library { library, version, .. }) = store.load() else {
            panic!("loads")
        };
        assert_eq!(library, lib);
        let v = store.save(&library, &version, "t", now()).unwrap();
        assert_eq!(v.as_str(), "g5-t");
        assert_eq!(store.kv().get("marketplan.library.b"), Ok(None));
    }

    #[test]
    fn the_language_preference_is_kept() {
        let store = PlanStore::new(MemoryStore::default());
        assert_eq!(store.language(), None);
        store.set_language("zh-CN").unwrap();
        assert_eq!(store.language().as_deref(), Some("zh-CN"));
    }
}
