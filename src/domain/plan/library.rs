//! The plan library: every plan a user has, plus a Trash that keeps deleted
//! and replaced plans until it is emptied.

use crate::domain::core::ids::{PlanId, TrashId};
use crate::domain::core::order::{set_of, sort_by_rank, sort_by_text};
use crate::domain::plan::Plan;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Library {
    pub plans: Vec<Plan>,
    #[serde(default)]
    pub trash: Vec<TrashedPlan>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TrashedPlan {
    pub entry: TrashId,
    pub deleted_at: DateTime<Utc>,
    #[serde(default)]
    pub reason: TrashReason,
    pub plan: Plan,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TrashReason {
    #[default]
    Deleted,
    /// An import replaced this version of the plan.
    Replaced,
}

/// What merging another tab's saved library into ours found.
#[derive(Clone, Debug, PartialEq)]
pub struct Merge {
    pub library: Library,
    /// Plans both tabs changed: the user must choose whose version stays.
    pub conflicts: Vec<PlanId>,
    /// Plans whose stored version was taken over ours.
    pub taken: Vec<PlanId>,
}

impl Library {
    pub fn get(&self, id: PlanId) -> Option<&Plan> {
        self.plans.iter().find(|p| p.id == id)
    }

    pub fn get_mut(&mut self, id: PlanId) -> Option<&mut Plan> {
        self.plans.iter_mut().find(|p| p.id == id)
    }

    pub fn contains(&self, id: PlanId) -> bool {
        self.get(id).is_some()
    }

    /// Plans whose name contains `query` (case-insensitive), newest edit first.
    pub fn listing(&self, query: &str) -> Vec<&Plan> {
        let needle = query.trim().to_lowercase();
        let mut found: Vec<&Plan> = self
            .plans
            .iter()
            .filter(|p| needle.is_empty() || p.name.to_lowercase().contains(&needle))
            .collect();
        // By name, then (stably) newest first: newest first, ties by name.
        sort_by_text(&mut found, |p| p.name.as_str());
        sort_by_rank(&mut found, |p| {
            (
                -p.updated_at.timestamp(),
                -i64::from(p.updated_at.timestamp_subsec_nanos()),
            )
        });
        found
    }

    /// Trash entries, most recently deleted first.
    pub fn trash_listing(&self) -> Vec<&TrashedPlan> {
        let mut entries: Vec<&TrashedPlan> = self.trash.iter().collect();
        sort_by_rank(&mut entries, |t| {
            (
                -t.deleted_at.timestamp(),
                -i64::from(t.deleted_at.timestamp_subsec_nanos()),
            )
        });
        entries
    }

    /// The plan named `name` edited most recently, if any.
    pub fn named(&self, name: &str) -> Option<&Plan> {
        self.plans
            .iter()
            .filter(|p| p.name == name)
            .max_by_key(|p| p.updated_at)
    }

    pub fn add(&mut self, plan: Plan) {
        self.plans.push(plan);
    }

    /// A copy of plan `id` under a new id, named with `copy_name`.
    pub fn duplicate(&mut self, id: PlanId, new_id: PlanId, copy_name: String, now: DateTime<Utc>) -> bool {
        let Some(original) = self.get(id) else {
            return false;
        };
        let mut copy = original.clone();
        copy.id = new_id;
        copy.name = copy_name;
        copy.created_at = now;
        copy.updated_at = now;
        self.plans.push(copy);
        true
    }

    /// Moves plan `id` to the Trash; returns the Trash entry so it can be undone.
    pub fn delete(&mut self, id: PlanId, entry: TrashId, now: DateTime<Utc>) -> Option<TrashId> {
        self.move_to_trash(id, entry, now, TrashReason::Deleted)
    }

    fn move_to_trash(
        &mut self,
        id: PlanId,
        entry: TrashId,
        now: DateTime<Utc>,
        reason: TrashReason,
    ) -> Option<TrashId> {
        let index = self.plans.iter().position(|p| p.id == id)?;
        let plan = self.plans.remove(index);
        self.trash.push(TrashedPlan {
            entry,
            deleted_at: now,
            reason,
            plan,
        });
        Some(entry)
    }

    /// Brings a Trash entry back. If a plan with the same id is in the library
    /// meanwhile (an import replaced it), the restored plan gets `fresh_id` so
    /// that neither version is lost.
    pub fn restore(&mut self, entry: TrashId, fresh_id: PlanId) -> Option<PlanId> {
        let index = self.trash.iter().position(|t| t.entry == entry)?;
        let mut plan = self.trash.remove(index).plan;
        if self.contains(plan.id) {
            plan.id = fresh_id;
        }
        let id = plan.id;
        self.plans.push(plan);
        Some(id)
    }

    pub fn purge(&mut self, entry: TrashId) -> bool {
        let before = self.trash.len();
        self.trash.retain(|t| t.entry != entry);
        self.trash.len() != before
    }

    pub fn empty_trash(&mut self) -> usize {
        std::mem::take(&mut self.trash).len()
    }

    /// An imported plan takes the place of the plan with its id; the replaced
    /// version goes to the Trash.
    pub fn replace_with(&mut self, plan: Plan, entry: TrashId, now: DateTime<Utc>) {
        self.move_to_trash(plan.id, entry, now, TrashReason::Replaced);
        self.plans.push(plan);
    }

    /// Merges the library another tab saved (`stored`) into ours, given what
    /// we changed since our last save. Plans we did not touch follow the
    /// stored library; plans we changed, added or deleted keep our version,
    /// unless the other tab changed them too: those are conflicts, left at our
    /// version until the user decides. The Trash is the union of both, less
    /// what we emptied from it.
    pub fn merge_stored(&self, stored: &Library, ours: &Changes) -> Merge {
        let mut library = stored.clone();
        let mut conflicts = Vec::new();
        for (&id, &base) in &ours.plans {
            let theirs = stored.get(id);
            let they_changed = theirs.is_some_and(|t| Some(t.updated_at) != base);
            match (self.get(id), theirs) {
                (Some(mine), Some(theirs)) if mine != theirs => {
                    if they_changed {
                        conflicts.push(id);
                    }
                    if let Some(slot) = library.get_mut(id) {
                        *slot = mine.clone();
                    }
                }
                (Some(_), Some(_)) | (None, None) => {}
                // Our new plan, or one the other tab deleted while we edited it.
                (Some(mine), None) => library.plans.push(mine.clone()),
                // We deleted it: follow our delete unless they changed it since,
                // in which case their newer version stays (ours is in the Trash).
                (None, Some(_)) => {
                    if !they_changed {
                        library.plans.retain(|p| p.id != id);
                    }
                }
            }
        }
        let known: BTreeSet<TrashId> = set_of(library.trash.iter().map(|t| t.entry));
        library
            .trash
            .extend(self.trash.iter().filter(|t| !known.contains(&t.entry)).cloned());
        library.trash.retain(|t| !ours.trash_removed.contains(&t.entry));
        let taken = stored
            .plans
            .iter()
            .filter(|p| !ours.plans.contains_key(&p.id) && self.get(p.id) != Some(*p))
            .map(|p| p.id)
            .collect();
        Merge {
            library,
            conflicts,
            taken,
        }
    }
}

/// What one tab changed since its last save: the plans it edited, added or
/// deleted, each with the `updated_at` it had when this tab last saw the
/// stored copy (None for a plan new to it), and the Trash entries it
/// restored or purged.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Changes {
    pub plans: BTreeMap<PlanId, Option<DateTime<Utc>>>,
    pub trash_removed: BTreeSet<TrashId>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::core::ids::{CountingIds, IdSource};
    use crate::domain::core::period::{Period, PeriodKind};
    use crate::domain::plan::{Currency, DetailsEdit, PlanEdit};
    use chrono::{Duration, NaiveDate, TimeZone};

    fn t0() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap()
    }

    fn plan(ids: &mut CountingIds, name: &str, minutes: i64) -> Plan {
        let start = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
        let now = t0() + Duration::minutes(minutes);
        Plan::new(
            ids.plan_id(),
            name,
            "",
            Period::starting_from(PeriodKind::Quarter, start),
            Currency::default(),
            now,
        )
        .unwrap()
    }

    /// Changes to plans as they were in `base`.
    fn changed(base: &Library, ids: &[PlanId]) -> Changes {
        let plans = ids
            .iter()
            .map(|id| (*id, base.get(*id).map(|p| p.updated_at)))
            .collect();
        Changes {
            plans,
            trash_removed: BTreeSet::new(),
        }
    }

    fn library(ids: &mut CountingIds) -> Library {
        let mut lib = Library::default();
        lib.add(plan(ids, "Spring launch", 1));
        lib.add(plan(ids, "年度品牌计划", 3));
        lib.add(plan(ids, "Autumn push", 2));
        lib
    }

    #[test]
    fn listing_is_newest_first_and_searches_names() {
        let lib = library(&mut CountingIds::default());
        let names: Vec<_> = lib.listing("").iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["年度品牌计划", "Autumn push", "Spring launch"]);
        let names: Vec<_> = lib.listing(" SPRING ").iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Spring launch"]);
        assert_eq!(lib.listing("品牌").len(), 1);
        assert!(lib.listing("nothing").is_empty());
    }

    #[test]
    fn delete_then_restore_gives_back_the_same_plan() {
        let mut ids = CountingIds::default();
        let mut lib = library(&mut ids);
        let victim = lib.plans[0].clone();
        let entry = lib.delete(victim.id, ids.trash_id(), t0()).unwrap();
        assert!(!lib.contains(victim.id));
        assert_eq!(lib.trash.len(), 1);
        assert_eq!(lib.restore(entry, ids.plan_id()), Some(victim.id));
        assert_eq!(lib.get(victim.id), Some(&victim));
        assert!(lib.trash.is_empty());
    }

    #[test]
    fn replacing_keeps_the_old_version_in_the_trash() {
        let mut ids = CountingIds::default();
        let mut lib = library(&mut ids);
        let old = lib.plans[1].clone();
        let mut newer = old.clone();
        newer
            .apply(PlanEdit::Details(DetailsEdit::Name("Imported".into())))
            .unwrap();
        lib.replace_with(newer.clone(), ids.trash_id(), t0());
        assert_eq!(lib.get(old.id), Some(&newer));
        assert_eq!(lib.trash[0].plan, old);
        assert_eq!(lib.trash[0].reason, TrashReason::Replaced);
        // Restoring the replaced version while the import holds its id keeps both.
        let fresh = ids.plan_id();
        assert_eq!(lib.restore(lib.trash[0].entry, fresh), Some(fresh));
        assert_eq!(lib.plans.len(), 4);
    }

    #[test]
    fn duplicate_and_purge() {
        let mut ids = CountingIds::default();
        let mut lib = library(&mut ids);
        let id = lib.plans[0].id;
        let copy = ids.plan_id();
        assert!(lib.duplicate(id, copy, "Spring launch (copy)".into(), t0()));
        assert_eq!(lib.get(copy).unwrap().summary, lib.get(id).unwrap().summary);
        assert!(!lib.duplicate(ids.plan_id(), ids.plan_id(), "x".into(), t0()));
        let e1 = lib.delete(id, ids.trash_id(), t0()).unwrap();
        lib.delete(copy, ids.trash_id(), t0()).unwrap();
        assert!(lib.purge(e1));
        assert!(!lib.purge(e1));
        assert_eq!(lib.empty_trash(), 1);
    }

    #[test]
    fn merge_takes_their_untouched_changes_and_keeps_ours() {
        let mut ids = CountingIds::default();
        let ours = library(&mut ids);
        let mut theirs = ours.clone();
        let (a, b, c) = (ours.plans[0].id, ours.plans[1].id, ours.plans[2].id);
        theirs.get_mut(a).unwrap().name = "Renamed in tab 2".into();
        theirs.delete(c, ids.trash_id(), t0());

        let mut mine = ours.clone();
        mine.get_mut(b).unwrap().name = "Edited here".into();
        let merge = mine.merge_stored(&theirs, &changed(&ours, &[b]));
        assert!(merge.conflicts.is_empty());
        assert_eq!(merge.library.get(a).unwrap().name, "Renamed in tab 2");
        assert_eq!(merge.library.get(b).unwrap().name, "Edited here");
        assert!(!merge.library.contains(c), "their delete is followed");
        assert_eq!(merge.taken, vec![a]);
    }

    #[test]
    fn merge_reports_a_conflict_when_both_changed_a_plan() {
        let mut ids = CountingIds::default();
        let ours = library(&mut ids);
        let a = ours.plans[0].id;
        let mut theirs = ours.clone();
        theirs.get_mut(a).unwrap().name = "Theirs".into();
        theirs.get_mut(a).unwrap().updated_at += Duration::seconds(5);
        let mut mine = ours.clone();
        mine.get_mut(a).unwrap().name = "Mine".into();
        let merge = mine.merge_stored(&theirs, &changed(&ours, &[a]));
        assert_eq!(merge.conflicts, vec![a]);
        assert_eq!(
            merge.library.get(a).unwrap().name,
            "Mine",
            "nothing is overwritten silently"
        );
    }

    #[test]
    fn merge_keeps_our_new_plan_that_the_other_tab_never_saw() {
        let mut ids = CountingIds::default();
        let theirs = library(&mut ids);
        let mut mine = theirs.clone();
        let new_plan = plan(&mut ids, "Brand new", 9);
        let id = new_plan.id;
        mine.add(new_plan);
        let merge = mine.merge_stored(&theirs, &changed(&theirs, &[id]));
        assert!(merge.library.contains(id));
        assert!(merge.conflicts.is_empty());
    }

    #[test]
    fn merge_follows_our_unsaved_delete_and_keeps_both_trashes() {
        let mut ids = CountingIds::default();
        let base = library(&mut ids);
        let (a, b) = (base.plans[0].id, base.plans[1].id);
        let mut theirs = base.clone();
        theirs.delete(b, ids.trash_id(), t0());
        let mut mine = base.clone();
        mine.delete(a, ids.trash_id(), t0());
        let merge = mine.merge_stored(&theirs, &changed(&base, &[a]));
        assert!(!merge.library.contains(a) && !merge.library.contains(b));
        assert_eq!(merge.library.trash.len(), 2);

        // They edited the plan we deleted: their version stays, ours is in the Trash.
        theirs.get_mut(a).unwrap().name = "Still wanted".into();
        theirs.get_mut(a).unwrap().updated_at += Duration::seconds(5);
        let merge = mine.merge_stored(&theirs, &changed(&base, &[a]));
        assert_eq!(merge.library.get(a).unwrap().name, "Still wanted");
    }

    #[test]
    fn merge_respects_what_we_purged_from_the_trash() {
        let mut ids = CountingIds::default();
        let mut base = library(&mut ids);
        let entry = base.delete(base.plans[0].id, ids.trash_id(), t0()).unwrap();
        let theirs = base.clone();
        let mut mine = base.clone();
        mine.purge(entry);
        let ours = Changes {
            plans: BTreeMap::new(),
            trash_removed: BTreeSet::from([entry]),
        };
        assert!(mine.merge_stored(&theirs, &ours).library.trash.is_empty());
    }
}
