//! The whole app's state and the one function that changes it. Plain Rust:
//! the Yew reducer only calls [`AppState::apply`], and every behaviour here
//! is tested with `cargo test`. Ids and times arrive inside actions, made by
//! the browser edge, so tests can pin them.

use super::messages::{plan_error, removal_notice};
use super::route::{Route, Section};
use crate::domain::core::history::History;
use crate::domain::core::ids::{ItemId, PlanId, TrashId};
use crate::domain::core::order::{map_of, set_of};
use crate::domain::goals::edit::GoalsEdit;
use crate::domain::implementation::edit::ImplementationEdit;
use crate::domain::plan::library::{Changes, Library};
use crate::domain::plan::{DetailsEdit, EditGroup, Plan, PlanEdit, Removal};
use crate::i18n::{Key, Lang, Text};
use crate::storage::{Loaded, SaveError, StoreError, Version};
use chrono::{DateTime, NaiveDate, Utc};
use std::collections::{BTreeMap, HashMap, VecDeque};
use std::rc::Rc;

/// Notices shown at once; older ones make room.
const MAX_NOTICES: usize = 4;

#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    pub lang: Lang,
    pub library: Library,
    pub route: Route,
    pub search: String,
    pub notices: Vec<Notice>,
    /// Imported plans whose id is already in the library, waiting for the
    /// user's choice (the first one is asked about).
    pub import_queue: VecDeque<Plan>,
    pub conflict: Option<TabConflict>,
    pub recovery: Option<Recovery>,
    /// A new version of the app is installed and waits for a reload.
    pub update_ready: bool,
    /// The last refused edit, shown beside its field.
    pub edit_error: Option<EditError>,
    pub save: SaveState,
    /// The user's time zone, minutes east of UTC, for showing times.
    pub utc_offset_minutes: i32,
    /// Today in the user's time zone: pace and reminders are computed for it.
    pub today: NaiveDate,
    /// Snapshots share their chapters with the plan (see `Plan`), and are
    /// kept behind `Rc` so copying the state for the next one is cheap.
    histories: HashMap<PlanId, History<Rc<Plan>, EditGroup>>,
    next_notice: u64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub id: u64,
    pub texts: Vec<Text>,
    pub is_error: bool,
    /// What the notice's Undo button does.
    pub undo: Option<Action>,
}

/// Another tab saved changes to plans this tab also changed.
#[derive(Clone, Debug, PartialEq)]
pub struct TabConflict {
    pub stored: Library,
    pub version: Version,
    pub plans: Vec<PlanId>,
}

/// Stored data that could not be read at start-up.
#[derive(Clone, Debug, PartialEq)]
pub struct Recovery {
    pub raw: String,
    pub backup_key: Option<String>,
    pub error: Text,
}

#[derive(Clone, Debug, PartialEq)]
pub struct EditError {
    pub plan: PlanId,
    pub field: EditField,
    pub text: Text,
}

/// The field of the plan form an edit targets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EditField {
    Name,
    Period,
    Thresholds,
    /// Goals, KPIs, check-ins, dimensions, reviews.
    Items,
    /// The budget chapter.
    Budget,
    /// Chapter 2, situation analysis.
    Situation,
    /// Chapter 4, core strategies.
    Strategy,
    /// Chapter 6's team.
    Team,
    /// Chapter 7, risks.
    Risk,
    /// One task: its row shows the message (a refused dependency loop is
    /// explained where the dependency was picked).
    Task(ItemId),
}

impl EditField {
    /// Where a refused `edit`'s message is shown.
    fn of(edit: &PlanEdit) -> Self {
        use DetailsEdit as D;
        match edit {
            PlanEdit::Details(D::Name(_)) => Self::Name,
            PlanEdit::Details(D::PeriodKind(_) | D::Start(_) | D::End(_) | D::LaunchDay(_)) => Self::Period,
            PlanEdit::Details(D::Organisation(_) | D::Currency(_) | D::ClearLaunchDay | D::Summary(..)) => Self::Items,
            PlanEdit::Goals(GoalsEdit::Thresholds(_)) => Self::Thresholds,
            PlanEdit::Implementation(ImplementationEdit::TaskField { task, .. }) => Self::Task(*task),
            PlanEdit::Goals(_) | PlanEdit::Implementation(_) | PlanEdit::Evaluation(_) => Self::Items,
            PlanEdit::Budget(_) => Self::Budget,
            PlanEdit::Strategy(_) => Self::Strategy,
            PlanEdit::Team(_) => Self::Team,
            PlanEdit::Risk(_) => Self::Risk,
            PlanEdit::Situation(_) => Self::Situation,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StorageProblem {
    Full,
    Unavailable,
}

/// Where saving stands: `revision` counts changes, `saved_revision` the last
/// one stored; `version` is the stored copy this tab last saw or wrote.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SaveState {
    pub revision: u64,
    pub saved_revision: u64,
    pub version: Version,
    /// What this tab's last save held, in case another tab's save at the
    /// same moment replaced it.
    last: Option<LastSave>,
    pub problem: Option<StorageProblem>,
    /// Changed plans: the revision of the last change, and the plan's
    /// `updated_at` in the stored copy this tab last saw (see `Changes`).
    changed_plans: BTreeMap<PlanId, (u64, Option<DateTime<Utc>>)>,
    removed_trash: BTreeMap<TrashId, u64>,
}

#[derive(Clone, Debug, PartialEq)]
struct LastSave {
    version: Version,
    replaced: Version,
    plans: BTreeMap<PlanId, Option<DateTime<Utc>>>,
    trash_removed: Vec<TrashId>,
}

impl SaveState {
    pub fn is_dirty(&self) -> bool {
        self.revision != self.saved_revision
    }

    pub fn changes(&self) -> Changes {
        Changes {
            plans: map_of(self.changed_plans.iter().map(|(id, (_, base))| (*id, *base))),
            trash_removed: set_of(self.removed_trash.keys().copied()),
        }
    }

    fn has_changes(&self) -> bool {
        !self.changed_plans.is_empty() || !self.removed_trash.is_empty()
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum ImportChoice {
    Replace { entry: TrashId, now: DateTime<Utc> },
    KeepBoth { new_id: PlanId, now: DateTime<Utc> },
    Skip,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// What storage held at start-up, or why it could not be read.
    Start {
        loaded: Result<Loaded, StoreError>,
        route: Route,
    },
    SetLang(Lang),
    SetToday(NaiveDate),
    Navigate(Route),
    Search(String),
    Create(Plan),
    /// The sample plan: opened if the library has it already (a class
    /// clicking twice should not get two), else created.
    OpenSample(Plan),
    Edit {
        id: PlanId,
        edit: PlanEdit,
        now: DateTime<Utc>,
    },
    /// The user left a field: the next edit in it is a new undo step.
    Seal(PlanId),
    /// Deletes items with a notice whose Undo puts them back where they
    /// were, with their links.
    Remove {
        id: PlanId,
        removal: Removal,
        now: DateTime<Utc>,
    },
    Undo {
        now: DateTime<Utc>,
    },
    Redo {
        now: DateTime<Utc>,
    },
    Duplicate {
        id: PlanId,
        new_id: PlanId,
        now: DateTime<Utc>,
    },
    /// `restore_id` is used if the plan's id is taken by the time it is restored.
    Delete {
        id: PlanId,
        entry: TrashId,
        restore_id: PlanId,
        now: DateTime<Utc>,
    },
    Restore {
        entry: TrashId,
        fresh_id: PlanId,
    },
    Purge(TrashId),
    EmptyTrash,
    Import(Vec<Plan>),
    ImportFailed(Text),
    ResolveImport(ImportChoice),
    Notify {
        text: Text,
        is_error: bool,
    },
    Dismiss(u64),
    Saved {
        revision: u64,
        version: Version,
    },
    SaveFailed(SaveError),
    /// The stored copy is `version` (saved over `replaces`), not the one this
    /// tab knew: another tab saved `stored`.
    External {
        stored: Library,
        version: Version,
        replaces: Option<Version>,
    },
    ResolveConflict {
        keep_mine: bool,
    },
    DismissRecovery,
    /// The service worker has a new version ready (see index.html).
    UpdateReady,
}

impl AppState {
    pub fn new(lang: Lang) -> Self {
        AppState {
            lang,
            library: Library::default(),
            route: Route::Library,
            search: String::new(),
            notices: Vec::new(),
            import_queue: VecDeque::new(),
            conflict: None,
            recovery: None,
            update_ready: false,
            edit_error: None,
            save: SaveState::default(),
            utc_offset_minutes: 0,
            today: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default(),
            histories: HashMap::new(),
            next_notice: 1,
        }
    }

    /// The plan the current route shows, if it exists.
    pub fn open_plan(&self) -> Option<&Plan> {
        self.route.plan().and_then(|id| self.library.get(id))
    }

    pub fn can_undo(&self) -> bool {
        self.open_history().is_some_and(History::can_undo)
    }

    pub fn can_redo(&self) -> bool {
        self.open_history().is_some_and(History::can_redo)
    }

    fn open_history(&self) -> Option<&History<Rc<Plan>, EditGroup>> {
        self.open_plan().and_then(|p| self.histories.get(&p.id))
    }

    /// Saving waits while the user settles a conflict with another tab.
    pub fn wants_save(&self) -> bool {
        self.save.is_dirty() && self.conflict.is_none()
    }

    pub fn apply(&mut self, action: Action) {
        match action {
            Action::Start { loaded, route } => self.start(loaded, route),
            Action::SetLang(lang) => self.lang = lang,
            Action::SetToday(today) => self.today = today,
            Action::Navigate(route) => {
                if let Some(id) = self.route.plan() {
                    self.seal(id);
                }
                self.route = route;
                self.edit_error = None;
            }
            Action::Search(query) => self.search = query,
            Action::Create(plan) => {
                let (id, name) = (plan.id, plan.name.clone());
                self.library.add(plan);
                self.touch_plan(id, None);
                self.route = Route::Plan(id, Section::Summary);
                self.notify(Text::new(Key::NoticeCreated).with("name", name), false, None);
            }
            Action::OpenSample(plan) => match self.library.named(&plan.name).map(|p| p.id) {
                Some(id) => {
                    self.route = Route::Plan(id, Section::Summary);
                    self.notify(Text::new(Key::NoticeSampleOpened), false, None);
                }
                None => self.apply(Action::Create(plan)),
            },
            Action::Edit { id, edit, now } => self.edit(id, edit, now),
            Action::Seal(id) => self.seal(id),
            Action::Remove { id, removal, now } => self.remove(id, removal, now),
            Action::Undo { now } => self.step_history(now, true),
            Action::Redo { now } => self.step_history(now, false),
            Action::Duplicate { id, new_id, now } => {
                let Some(name) = self.library.get(id).map(|p| p.name.clone()) else {
                    return;
                };
                let copy_name = Text::new(Key::NameCopy).with("name", name).render(self.lang);
                if self.library.duplicate(id, new_id, copy_name.clone(), now) {
                    self.touch_plan(new_id, None);
                    self.notify(Text::new(Key::NoticeDuplicated).with("name", copy_name), false, None);
                }
            }
            Action::Delete {
                id,
                entry,
                restore_id,
                now,
            } => {
                let Some((name, base)) = self.library.get(id).map(|p| (p.name.clone(), p.updated_at)) else {
                    return;
                };
                self.library.delete(id, entry, now);
                self.touch_plan(id, Some(base));
                if self.route.plan() == Some(id) {
                    self.route = Route::Library;
                }
                let undo = Action::Restore {
                    entry,
                    fresh_id: restore_id,
                };
                self.notify(Text::new(Key::NoticeDeleted).with("name", name), false, Some(undo));
            }
            Action::Restore { entry, fresh_id } => {
                // The notice that offered this undo has done its job.
                self.notices
                    .retain(|n| n.undo != Some(Action::Restore { entry, fresh_id }));
                let Some(id) = self.library.restore(entry, fresh_id) else {
                    return;
                };
                let base = self.library.get(id).map(|p| p.updated_at).filter(|_| id != fresh_id);
                self.touch_plan(id, base);
                self.touch_trash(entry);
                let name = self.library.get(id).map(|p| p.name.clone()).unwrap_or_default();
                self.notify(Text::new(Key::NoticeRestored).with("name", name), false, None);
            }
            Action::Purge(entry) => {
                if self.library.purge(entry) {
                    self.touch_trash(entry);
                }
            }
            Action::EmptyTrash => {
                let entries: Vec<TrashId> = self.library.trash.iter().map(|t| t.entry).collect();
                let count = self.library.empty_trash();
                for entry in entries {
                    self.touch_trash(entry);
                }
                if count > 0 {
                    self.notify(Text::counted(Key::NoticeTrashEmptied, count), false, None);
                }
            }
            Action::Import(plans) => self.import(plans),
            Action::ImportFailed(text) => {
                self.notify_all(vec![text, Text::new(Key::ImportNothingChanged)], true, None);
            }
            Action::ResolveImport(choice) => self.resolve_import(choice),
            Action::Notify { text, is_error } => self.notify(text, is_error, None),
            Action::Dismiss(id) => self.notices.retain(|n| n.id != id),
            Action::Saved { revision, version } => {
                let plans = self.save.changed_plans.iter().filter(|(_, (r, _))| *r <= revision);
                let trash = self.save.removed_trash.iter().filter(|(_, r)| **r <= revision);
                self.save.last = Some(LastSave {
                    version: version.clone(),
                    replaced: std::mem::replace(&mut self.save.version, version),
                    plans: map_of(plans.map(|(id, (_, base))| (*id, *base))),
                    trash_removed: trash.map(|(entry, _)| *entry).collect(),
                });
                self.save.saved_revision = self.save.saved_revision.max(revision);
                self.save.problem = None;
                self.save.changed_plans.retain(|_, (r, _)| *r > revision);
                self.save.removed_trash.retain(|_, r| *r > revision);
            }
            Action::SaveFailed(error) => {
                self.save.problem = Some(match error {
                    SaveError::Store(StoreError::Full) => StorageProblem::Full,
                    _ => StorageProblem::Unavailable,
                });
            }
            Action::External {
                stored,
                version,
                replaces,
            } => self.external(stored, version, replaces),
            Action::ResolveConflict { keep_mine } => self.resolve_conflict(keep_mine),
            Action::DismissRecovery => self.recovery = None,
            Action::UpdateReady => self.update_ready = true,
        }
    }

    fn start(&mut self, loaded: Result<Loaded, StoreError>, route: Route) {
        self.route = route;
        match loaded {
            Ok(Loaded::Fresh) => {}
            Ok(Loaded::Library { library, version, .. }) => {
                self.library = library;
                self.save.version = version;
            }
            Ok(Loaded::Unreadable {
                library,
                version,
                raw,
                backup_key,
                error,
            }) => {
                self.library = library;
                self.save.version = version;
                let error = super::messages::file_error(&error);
                self.recovery = Some(Recovery { raw, backup_key, error });
            }
            Err(_) => self.save.problem = Some(StorageProblem::Unavailable),
        }
    }

    fn edit(&mut self, id: PlanId, edit: PlanEdit, now: DateTime<Utc>) {
        let field = EditField::of(&edit);
        let group = edit.group();
        let Some(plan) = self.library.get_mut(id) else {
            return;
        };
        let before = plan.clone();
        let before_time = before.updated_at;
        match plan.apply(edit) {
            Ok(false) => {}
            Ok(true) => {
                plan.updated_at = now;
                self.histories.entry(id).or_default().record(Rc::new(before), group);
                if self
                    .edit_error
                    .as_ref()
                    .is_some_and(|e| e.plan == id && e.field == field)
                {
                    self.edit_error = None;
                }
                self.touch_plan(id, Some(before_time));
            }
            Err(e) => {
                self.edit_error = Some(EditError {
                    plan: id,
                    field,
                    text: plan_error(e),
                })
            }
        }
    }

    fn remove(&mut self, id: PlanId, removal: Removal, now: DateTime<Utc>) {
        let Some(plan) = self.library.get(id) else { return };
        let Some(text) = removal_notice(plan, &removal) else {
            return;
        };
        let (remove, undo) = plan.removal(removal);
        let before = self.save.revision;
        self.edit(id, remove, now);
        self.seal(id);
        if self.save.revision != before {
            let undo = Action::Edit { id, edit: undo, now };
            self.notify(text, false, Some(undo));
        }
    }

    fn seal(&mut self, id: PlanId) {
        if let Some(history) = self.histories.get_mut(&id) {
            history.seal();
        }
    }

    fn step_history(&mut self, now: DateTime<Utc>, back: bool) {
        let Some(id) = self.route.plan() else { return };
        let Some(current) = self.library.get(id).cloned().map(Rc::new) else {
            return;
        };
        let history = self.histories.entry(id).or_default();
        let step = if back {
            history.undo(current)
        } else {
            history.redo(current)
        };
        let Some(plan) = step else { return };
        let mut plan = Rc::unwrap_or_clone(plan);
        let base = self.library.get(id).map(|p| p.updated_at);
        plan.updated_at = now;
        if let Some(slot) = self.library.get_mut(id) {
            *slot = plan;
        }
        self.edit_error = None;
        self.touch_plan(id, base);
    }

    fn import(&mut self, plans: Vec<Plan>) {
        let mut added = 0;
        for plan in plans {
            if self.library.contains(plan.id) || self.import_queue.iter().any(|q| q.id == plan.id) {
                self.import_queue.push_back(plan);
            } else {
                self.touch_plan(plan.id, None);
                self.library.add(plan);
                added += 1;
            }
        }
        if added > 0 {
            self.notify(Text::counted(Key::NoticeImported, added), false, None);
        }
    }

    fn resolve_import(&mut self, choice: ImportChoice) {
        let Some(mut plan) = self.import_queue.pop_front() else {
            return;
        };
        match choice {
            ImportChoice::Skip => return,
            ImportChoice::Replace { entry, now } => {
                let id = plan.id;
                let base = self.library.get(id).map(|p| p.updated_at);
                self.library.replace_with(plan, entry, now);
                self.histories.remove(&id);
                self.touch_plan(id, base);
            }
            ImportChoice::KeepBoth { new_id, now } => {
                plan.name = Text::new(Key::NameImported).with("name", &plan.name).render(self.lang);
                plan.id = new_id;
                plan.created_at = now;
                self.touch_plan(new_id, None);
                self.library.add(plan);
            }
        }
        self.notify(Text::counted(Key::NoticeImported, 1), false, None);
    }

    fn external(&mut self, stored: Library, version: Version, replaces: Option<Version>) {
        if version == self.save.version && self.conflict.is_none() {
            return;
        }
        // Our last save and this one were both saved over the same copy, and
        // theirs came last: ours is gone from storage, so what it held counts
        // as unsaved again.
        if let Some(last) = self.save.last.take() {
            if last.version == self.save.version && replaces.as_ref() == Some(&last.replaced) && version != last.version
            {
                self.save.revision += 1;
                let revision = self.save.revision;
                for (id, base) in last.plans {
                    self.save.changed_plans.entry(id).or_insert((revision, base));
                }
                for entry in last.trash_removed {
                    self.save.removed_trash.entry(entry).or_insert(revision);
                }
            }
        }
        let merge = self.library.merge_stored(&stored, &self.save.changes());
        for id in &merge.taken {
            self.histories.remove(id);
        }
        self.library = merge.library;
        if merge.conflicts.is_empty() {
            self.conflict = None;
            self.save.version = version;
            self.rebase_changes(&stored);
            if self.save.has_changes() {
                // Our own changes, merged onto theirs, still need saving.
                self.save.revision += 1;
            }
            if !merge.taken.is_empty() {
                self.notify(Text::new(Key::NoticeExternalUpdate), false, None);
            }
        } else {
            self.conflict = Some(TabConflict {
                stored,
                version,
                plans: merge.conflicts,
            });
        }
    }

    fn resolve_conflict(&mut self, keep_mine: bool) {
        let Some(conflict) = self.conflict.take() else {
            return;
        };
        self.save.version = conflict.version.clone();
        self.rebase_changes(&conflict.stored);
        if !keep_mine {
            for id in &conflict.plans {
                if let (Some(slot), Some(theirs)) = (self.library.get_mut(*id), conflict.stored.get(*id)) {
                    *slot = theirs.clone();
                }
                self.save.changed_plans.remove(id);
                self.histories.remove(id);
            }
        }
        self.save.revision += 1;
    }

    /// Records a change to plan `id`, which had `base` as its `updated_at`
    /// before this tab's first unsaved change to it (None: new here).
    fn touch_plan(&mut self, id: PlanId, base: Option<DateTime<Utc>>) {
        self.save.revision += 1;
        let revision = self.save.revision;
        self.save
            .changed_plans
            .entry(id)
            .and_modify(|(r, _)| *r = revision)
            .or_insert((revision, base));
    }

    /// Having merged with `stored`, our unsaved changes now build on it.
    fn rebase_changes(&mut self, stored: &Library) {
        for (id, (_, base)) in self.save.changed_plans.iter_mut() {
            *base = stored.get(*id).map(|p| p.updated_at);
        }
    }

    fn touch_trash(&mut self, entry: TrashId) {
        self.save.revision += 1;
        self.save.removed_trash.insert(entry, self.save.revision);
    }

    fn notify(&mut self, text: Text, is_error: bool, undo: Option<Action>) {
        self.notify_all(vec![text], is_error, undo);
    }

    fn notify_all(&mut self, texts: Vec<Text>, is_error: bool, undo: Option<Action>) {
        let id = self.next_notice;
        self.next_notice += 1;
        self.notices.push(Notice {
            id,
            texts,
            is_error,
            undo,
        });
        if self.notices.len() > MAX_NOTICES {
            self.notices.remove(0);
        }
    }
}
