//! Sorting through one shared sort. Every `sort_by_key` with its own closure
//! is a new copy of the standard library's sort in the main module (33 of
//! them cost about 140 KB before this module); here each caller only turns
//! its items into a [`Rank`] and one sort of `(Rank, index)` pairs does the
//! rest. The index breaks ties, so the order is stable.

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use std::collections::{BTreeMap, BTreeSet};

/// Two whole numbers compared in turn; build one with [`rank`] helpers.
pub type Rank = (i64, i64);

/// A date as a number that sorts like the date.
pub fn day(date: NaiveDate) -> i64 {
    i64::from(date.num_days_from_ce())
}

/// A moment as a number of seconds that sorts like the moment.
pub fn moment(at: NaiveDateTime) -> i64 {
    at.and_utc().timestamp()
}

/// Sorts `items` by `rank`, ascending; equal ranks keep their order.
pub fn sort_by_rank<T>(items: &mut Vec<T>, rank: impl Fn(&T) -> Rank) {
    let mut keys: Vec<(Rank, u32)> = items
        .iter()
        .enumerate()
        .map(|(i, item)| (rank(item), i as u32))
        .collect();
    if keys.windows(2).all(|w| w[0] <= w[1]) {
        return;
    }
    sort_pairs(&mut keys);
    reorder(items, keys.into_iter().map(|(_, i)| i as usize));
}

/// Sorts `items` by a text key, ascending (by code point); equal keys keep
/// their order.
pub fn sort_by_text<T>(items: &mut Vec<T>, text: impl Fn(&T) -> &str) {
    let mut keys: Vec<(&str, u32)> = items
        .iter()
        .enumerate()
        .map(|(i, item)| (text(item), i as u32))
        .collect();
    sort_text_pairs(&mut keys);
    let order: Vec<usize> = keys.into_iter().map(|(_, i)| i as usize).collect();
    reorder(items, order.into_iter());
}

/// A map of the pairs, built by inserting them: `collect()` into a
/// `BTreeMap` sorts first, one more copy of the sort per key type.
pub fn map_of<K: Ord, V>(pairs: impl IntoIterator<Item = (K, V)>) -> BTreeMap<K, V> {
    let mut map = BTreeMap::new();
    map.extend(pairs);
    map
}

/// A set of the items, built by inserting them (see [`map_of`]).
pub fn set_of<K: Ord>(items: impl IntoIterator<Item = K>) -> BTreeSet<K> {
    let mut set = BTreeSet::new();
    set.extend(items);
    set
}

// Never inlined: every caller shares this one instantiation.
#[inline(never)]
fn sort_pairs(keys: &mut [(Rank, u32)]) {
    keys.sort_unstable();
}

// Likewise one instantiation for every text key.
#[inline(never)]
fn sort_text_pairs(keys: &mut [(&str, u32)]) {
    keys.sort_unstable();
}

/// Puts the items in the order of `order` (a permutation of their indices).
fn reorder<T>(items: &mut Vec<T>, order: impl Iterator<Item = usize>) {
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.filter_map(|i| slots.get_mut(i).and_then(Option::take)));
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn dates_and_moments_sort_like_themselves() {
        let a = NaiveDate::from_ymd_opt(2026, 12, 31).unwrap();
        let b = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
        assert!(day(a) < day(b));
        assert!(moment(a.and_hms_opt(23, 59, 59).unwrap()) < moment(b.and_hms_opt(0, 0, 0).unwrap()));
    }

    proptest! {
        #[test]
        fn the_same_order_as_the_standard_stable_sort(items in prop::collection::vec((0i64..5, -3i64..3, 0u8..255), 0..200)) {
            let mut ours = items.clone();
            sort_by_rank(&mut ours, |&(a, b, _)| (a, b));
            let mut theirs = items.clone();
            theirs.sort_by_key(|&(a, b, _)| (a, b));
            prop_assert_eq!(ours, theirs);
        }

        #[test]
        fn text_keys_sort_stably(items in prop::collection::vec(("[a-c]{0,3}", 0u8..255), 0..200)) {
            let mut ours = items.clone();
            sort_by_text(&mut ours, |(s, _)| s.as_str());
            let mut theirs = items.clone();
            theirs.sort_by(|a, b| a.0.cmp(&b.0));
            prop_assert_eq!(ours, theirs);
        }
    }
}
