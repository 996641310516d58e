//! Stable identifiers. Every plan (and every item later chapters add) carries a
//! UUID v4 so that colleagues' files can be compared and merged.

use serde::{Deserialize, Serialize};
use std::fmt;
use uuid::Uuid;

/// Identifies one plan across exports, imports and tabs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PlanId(Uuid);

/// Identifies one entry of the Trash: the same plan id can be in the Trash more
/// than once (deleted, then replaced by an import, say).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct TrashId(Uuid);

/// Identifies an item inside a plan (a goal, a KPI, a check-in, a review…).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ItemId(Uuid);

impl ItemId {
    pub fn from_random(random: [u8; 16]) -> Self {
        Self(uuid_v4(random))
    }
    pub fn parse(text: &str) -> Option<Self> {
        Uuid::parse_str(text).ok().map(Self)
    }
}

impl fmt::Display for ItemId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// Turns 16 random bytes into a version-4 UUID. Randomness comes from the
/// caller (the browser's crypto in the app, a counter in tests), which keeps
/// the domain deterministic.
pub fn uuid_v4(random: [u8; 16]) -> Uuid {
    uuid::Builder::from_random_bytes(random).into_uuid()
}

impl PlanId {
    pub fn from_random(random: [u8; 16]) -> Self {
        Self(uuid_v4(random))
    }
    pub fn parse(text: &str) -> Option<Self> {
        Uuid::parse_str(text).ok().map(Self)
    }
}

impl TrashId {
    pub fn from_random(random: [u8; 16]) -> Self {
        Self(uuid_v4(random))
    }
}

impl fmt::Display for PlanId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl fmt::Display for TrashId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// A source of fresh random bytes for ids; tests use [`CountingIds`].
pub trait IdSource {
    fn random_bytes(&mut self) -> [u8; 16];
    fn plan_id(&mut self) -> PlanId {
        PlanId::from_random(self.random_bytes())
    }
    fn trash_id(&mut self) -> TrashId {
        TrashId::from_random(self.random_bytes())
    }
    fn item_id(&mut self) -> ItemId {
        ItemId::from_random(self.random_bytes())
    }
}

/// Deterministic ids for tests and benchmarks.
#[derive(Default)]
pub struct CountingIds(pub u128);

impl IdSource for CountingIds {
    fn random_bytes(&mut self) -> [u8; 16] {
        self.0 += 1;
        self.0.to_be_bytes()
    }
}

/// Ids drawn from a random seed, for a module with no random source of
/// its own (the files worker gets its seed from the page). SplitMix64 on
/// each half: well spread, and as unique as the seed is random.
pub struct SeededIds([u64; 2]);

impl SeededIds {
    pub fn new(seed: [u8; 16]) -> SeededIds {
        let n = u128::from_be_bytes(seed);
        SeededIds([(n >> 64) as u64, n as u64])
    }
}

fn splitmix(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

impl IdSource for SeededIds {
    fn random_bytes(&mut self) -> [u8; 16] {
        let (a, b) = (splitmix(&mut self.0[0]), splitmix(&mut self.0[1]));
        ((u128::from(a) << 64) | u128::from(b)).to_be_bytes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_version_4_and_round_trip_as_text() {
        let id = CountingIds::default().plan_id();
        let text = id.to_string();
        assert_eq!(text.len(), 36);
        assert_eq!(&text[14..15], "4", "version nibble");
        assert_eq!(PlanId::parse(&text), Some(id));
        assert_eq!(PlanId::parse("not-a-uuid"), None);
    }

    #[test]
    fn seeded_ids_do_not_repeat() {
        let mut ids = SeededIds::new([7; 16]);
        let all: std::collections::BTreeSet<String> = (0..10_000).map(|_| ids.item_id().to_string()).collect();
        assert_eq!(all.len(), 10_000);
    }
}
