//! The app's behaviour as a user meets it, through `AppState::apply` alone.

mod common;

use common::{at, date, plan};
use marketplan::app::route::Section;
use marketplan::app::state::StorageProblem;
use marketplan::app::{Action, AppState, ImportChoice, Route};
use marketplan::domain::budget::edit::BudgetEdit;
use marketplan::domain::core::ids::{CountingIds, IdSource};
use marketplan::domain::core::period::PeriodKind;
use marketplan::domain::implementation::edit::ImplementationEdit;
use marketplan::domain::plan::{DetailsEdit, PlanEdit, Removal, SummaryField};
use marketplan::i18n::Lang;
use marketplan::storage::{KeyValue, Loaded, MemoryStore, PlanStore, SaveError, StoreError, Version};

fn with_plan(ids: &mut CountingIds) -> (AppState, marketplan::domain::core::ids::PlanId) {
    let mut state = AppState::new(Lang::En);
    let p = plan(ids, "Q1 plan", PeriodKind::Quarter, at(20, 1));
    let id = p.id;
    state.apply(Action::Create(p));
    (state, id)
}

fn type_into(state: &mut AppState, id: marketplan::domain::core::ids::PlanId, field: SummaryField, text: &str) {
    for end in 1..=text.chars().count() {
        let partial: String = text.chars().take(end).collect();
        state.apply(Action::Edit {
            id,
            edit: PlanEdit::Details(DetailsEdit::Summary(field, partial)),
            now: at(21, 1),
        });
    }
}

#[test]
fn creating_opens_the_plan_and_marks_it_unsaved() {
    let mut ids = CountingIds::default();
    let (state, id) = with_plan(&mut ids);
    assert_eq!(state.route, Route::Plan(id, Section::Summary));
    assert!(state.wants_save());
    assert_eq!(state.notices.len(), 1);
}

#[test]
fn typing_is_one_undo_step_per_field_visit_and_redo_brings_it_back() {
    let mut ids = CountingIds::default();
    let (mut state, id) = with_plan(&mut ids);
    type_into(&mut state, id, SummaryField::Purpose, "Grow leads");
    state.apply(Action::Seal(id));
    type_into(&mut state, id, SummaryField::Background, "Flat Q4");
    let summary = |s: &AppState| s.library.get(id).unwrap().summary.clone();

    state.apply(Action::Undo { now: at(21, 2) });
    assert_eq!(summary(&state).background, "");
    assert_eq!(summary(&state).purpose, "Grow leads");
    state.apply(Action::Undo { now: at(21, 2) });
    assert_eq!(summary(&state).purpose, "");
    assert!(!state.can_undo());
    state.apply(Action::Redo { now: at(21, 3) });
    state.apply(Action::Redo { now: at(21, 3) });
    assert_eq!(summary(&state).background, "Flat Q4");
    assert!(!state.can_redo());
}

#[test]
fn at_least_a_hundred_steps_can_be_undone() {
    let mut ids = CountingIds::default();
    let (mut state, id) = with_plan(&mut ids);
    for i in 0..150 {
        state.apply(Action::Edit {
            id,
            edit: PlanEdit::Details(DetailsEdit::Organisation(format!("Org {i}"))),
            now: at(21, 1),
        });
        state.apply(Action::Seal(id));
    }
    let mut undone = 0;
    while state.can_undo() {
        state.apply(Action::Undo { now: at(21, 2) });
        undone += 1;
    }
    assert_eq!(undone, 150);
    assert_eq!(state.library.get(id).unwrap().organisation, "Marketing Centre");
}

#[test]
fn a_refused_edit_is_explained_and_changes_nothing() {
    let mut ids = CountingIds::default();
    let (mut state, id) = with_plan(&mut ids);
    state.apply(Action::Edit {
        id,
        edit: PlanEdit::Details(DetailsEdit::Name("   ".into())),
        now: at(21, 1),
    });
    assert_eq!(state.library.get(id).unwrap().name, "Q1 plan");
    let error = state.edit_error.clone().expect("explained");
    assert_eq!(error.text.render(Lang::En), "Please give the plan a name.");
    state.apply(Action::Edit {
        id,
        edit: PlanEdit::Details(DetailsEdit::Name("Q1 plan v2".into())),
        now: at(21, 1),
    });
    assert!(state.edit_error.is_none());
}

#[test]
fn delete_can_be_undone_from_its_notice() {
    let mut ids = CountingIds::default();
    let (mut state, id) = with_plan(&mut ids);
    let before = state.library.get(id).cloned();
    state.apply(Action::Delete {
        id,
        entry: ids.trash_id(),
        restore_id: ids.plan_id(),
        now: at(21, 1),
    });
    assert_eq!(state.route, Route::Library, "the deleted plan's page closes");
    assert!(state.library.get(id).is_none());
    let undo = state.notices.last().and_then(|n| n.undo.clone()).expect("an undo");
    state.apply(undo);
    assert_eq!(state.library.get(id).cloned(), before);
    assert!(state.library.trash.is_empty());
}

#[test]
fn duplicate_names_the_copy_in_the_users_language() {
    let mut ids = CountingIds::default();
    let (mut state, id) = with_plan(&mut ids);
    state.apply(Action::SetLang(Lang::ZhCn));
    state.apply(Action::Duplicate {
        id,
        new_id: ids.plan_id(),
        now: at(21, 1),
    });
    assert!(state.library.plans.iter().any(|p| p.name == "Q1 plan（副本）"));
}

#[test]
fn importing_a_plan_already_here_asks_and_each_answer_does_what_it_says() {
    let mut ids = CountingIds::default();
    let (mut state, id) = with_plan(&mut ids);
    let mut incoming = state.library.get(id).unwrap().clone();
    incoming.name = "Q1 plan (from Li)".into();
    let fresh = plan(&mut ids, "Brand new", PeriodKind::Month, at(19, 1));

    state.apply(Action::Import(vec![incoming.clone(), fresh.clone()]));
    assert!(state.library.get(fresh.id).is_some(), "a new plan comes straight in");
    assert_eq!(
        state.import_queue.front().map(|p| p.id),
        Some(id),
        "the clash waits for an answer"
    );

    // Keep both: the import gets a new id and says it was imported.
    let copy_id = ids.plan_id();
    state.apply(Action::ResolveImport(ImportChoice::KeepBoth {
        new_id: copy_id,
        now: at(21, 1),
    }));
    assert_eq!(state.library.get(copy_id).unwrap().name, "Q1 plan (from Li) (imported)");
    assert_eq!(state.library.get(id).unwrap().name, "Q1 plan");

    // Replace: the old version goes to the Trash.
    state.apply(Action::Import(vec![incoming.clone()]));
    state.apply(Action::ResolveImport(ImportChoice::Replace {
        entry: ids.trash_id(),
        now: at(21, 2),
    }));
    assert_eq!(state.library.get(id).unwrap().name, "Q1 plan (from Li)");
    assert_eq!(state.library.trash[0].plan.name, "Q1 plan");

    // Skip: nothing changes.
    let snapshot = state.library.clone();
    state.apply(Action::Import(vec![incoming]));
    state.apply(Action::ResolveImport(ImportChoice::Skip));
    assert_eq!(state.library, snapshot);
    assert!(state.import_queue.is_empty());
}

#[test]
fn a_failed_import_says_why_and_that_nothing_changed() {
    let mut state = AppState::new(Lang::ZhCn);
    let error = marketplan::app::messages::file_error(&marketplan::storage::format::FileError::NotAPlanFile);
    state.apply(Action::ImportFailed(error));
    let notice = state.notices.last().unwrap();
    assert!(notice.is_error);
    let texts: Vec<String> = notice.texts.iter().map(|t| t.render(Lang::ZhCn)).collect();
    assert_eq!(texts, ["这个文件不是市场计划台的计划文件。", "计划库没有任何改动。"]);
    assert!(state.library.plans.is_empty());
}

/// Drives two tabs over one store the way the browser does.
fn save(state: &mut AppState, store: &PlanStore<MemoryStore>) -> Result<(), SaveError> {
    save_tagged(state, store, "t")
}

fn save_tagged(state: &mut AppState, store: &PlanStore<MemoryStore>, tag: &str) -> Result<(), SaveError> {
    let revision = state.save.revision;
    let version = store.save(&state.library, &state.save.version, tag, at(23, 0))?;
    state.apply(Action::Saved { revision, version });
    Ok(())
}

fn sync(state: &mut AppState, store: &PlanStore<MemoryStore>) {
    if let Ok(Loaded::Library {
        library,
        version,
        replaces,
    }) = store.load()
    {
        state.apply(Action::External {
            stored: library,
            version,
            replaces,
        });
    }
}

fn start(store: &PlanStore<MemoryStore>) -> AppState {
    let mut state = AppState::new(Lang::En);
    state.apply(Action::Start {
        loaded: store.load(),
        route: Route::Library,
    });
    state
}

#[test]
fn a_change_saved_in_one_tab_shows_up_in_the_other() {
    let store = PlanStore::new(MemoryStore::default());
    let mut ids = CountingIds::default();
    let (mut one, id) = with_plan(&mut ids);
    save(&mut one, &store).unwrap();
    let mut two = start(&store);
    assert!(two.library.get(id).is_some());

    one.apply(Action::Edit {
        id,
        edit: PlanEdit::Details(DetailsEdit::Name("Renamed in tab one".into())),
        now: at(23, 3),
    });
    save(&mut one, &store).unwrap();
    sync(&mut two, &store);
    assert_eq!(two.library.get(id).unwrap().name, "Renamed in tab one");
    assert!(!two.save.is_dirty());
}

#[test]
fn both_tabs_editing_one_plan_ask_instead_of_overwriting() {
    let store = PlanStore::new(MemoryStore::default());
    let mut ids = CountingIds::default();
    let (mut one, id) = with_plan(&mut ids);
    save(&mut one, &store).unwrap();
    let mut two = start(&store);

    one.apply(Action::Edit {
        id,
        edit: PlanEdit::Details(DetailsEdit::Name("One's name".into())),
        now: at(23, 3),
    });
    two.apply(Action::Edit {
        id,
        edit: PlanEdit::Details(DetailsEdit::Name("Two's name".into())),
        now: at(23, 4),
    });
    save(&mut one, &store).unwrap();
    // Tab two's save is refused as stale, so it loads and merges first.
    assert!(matches!(save(&mut two, &store), Err(SaveError::Stale)));
    sync(&mut two, &store);
    let conflict = two.conflict.clone().expect("asked");
    assert_eq!(conflict.plans, vec![id]);
    assert!(!two.wants_save(), "nothing is written while the user decides");
    assert_eq!(two.library.get(id).unwrap().name, "Two's name");

    two.apply(Action::ResolveConflict { keep_mine: true });
    save(&mut two, &store).unwrap();
    sync(&mut one, &store);
    assert_eq!(one.library.get(id).unwrap().name, "Two's name");

    // And the other answer takes the other tab's version.
    one.apply(Action::Edit {
        id,
        edit: PlanEdit::Details(DetailsEdit::Name("One again".into())),
        now: at(23, 5),
    });
    two.apply(Action::Edit {
        id,
        edit: PlanEdit::Details(DetailsEdit::Name("Two again".into())),
        now: at(23, 6),
    });
    save(&mut one, &store).unwrap();
    sync(&mut two, &store);
    two.apply(Action::ResolveConflict { keep_mine: false });
    assert_eq!(two.library.get(id).unwrap().name, "One again");
    save(&mut two, &store).unwrap();
}

#[test]
fn edits_to_different_plans_in_two_tabs_both_survive() {
    let store = PlanStore::new(MemoryStore::default());
    let mut ids = CountingIds::default();
    let (mut one, a) = with_plan(&mut ids);
    let b_plan = plan(&mut ids, "Other plan", PeriodKind::Month, at(20, 2));
    let b = b_plan.id;
    one.apply(Action::Create(b_plan));
    save(&mut one, &store).unwrap();
    let mut two = start(&store);

    one.apply(Action::Edit {
        id: a,
        edit: PlanEdit::Details(DetailsEdit::Organisation("Edited by one".into())),
        now: at(23, 3),
    });
    two.apply(Action::Edit {
        id: b,
        edit: PlanEdit::Details(DetailsEdit::Organisation("Edited by two".into())),
        now: at(23, 4),
    });
    save(&mut one, &store).unwrap();
    assert!(save(&mut two, &store).is_err());
    sync(&mut two, &store);
    assert!(two.conflict.is_none());
    save(&mut two, &store).unwrap();
    let Ok(Loaded::Library { library, .. }) = store.load() else {
        panic!("stored")
    };
    assert_eq!(library.get(a).unwrap().organisation, "Edited by one");
    assert_eq!(library.get(b).unwrap().organisation, "Edited by two");
}

#[test]
fn a_full_storage_keeps_working_from_memory_until_a_save_succeeds() {
    let mut ids = CountingIds::default();
    let (mut state, id) = with_plan(&mut ids);
    state.apply(Action::SaveFailed(SaveError::Store(StoreError::Full)));
    assert_eq!(state.save.problem, Some(StorageProblem::Full));
    state.apply(Action::Edit {
        id,
        edit: PlanEdit::Details(DetailsEdit::Organisation("Still editable".into())),
        now: at(23, 1),
    });
    assert!(state.wants_save());
    let revision = state.save.revision;
    state.apply(Action::Saved {
        revision,
        version: Version::from_text("g1-t").unwrap(),
    });
    assert_eq!(state.save.problem, None);
    assert!(!state.save.is_dirty());
}

#[test]
fn unreadable_storage_opens_with_a_recovery_offer() {
    let store = PlanStore::new(MemoryStore::default());
    store
        .kv()
        .map
        .borrow_mut()
        .insert("marketplan.library".into(), "a:4".into());
    store
        .kv()
        .map
        .borrow_mut()
        .insert("marketplan.library.a".into(), "{\"format\": \"marketplan.pl".into());
    let state = start(&store);
    let recovery = state.recovery.clone().expect("offered");
    assert_eq!(recovery.raw, "{\"format\": \"marketplan.pl");
    assert_eq!(recovery.backup_key.as_deref(), Some("marketplan.unreadable.4"));
    assert!(recovery.error.render(Lang::En).contains("line 1"));
    assert_eq!(state.save.version.generation(), 4);
}

#[test]
fn storage_that_cannot_be_used_at_all_is_reported() {
    let mut state = AppState::new(Lang::En);
    state.apply(Action::Start {
        loaded: Err(StoreError::Unavailable("SecurityError".into())),
        route: Route::Trash,
    });
    assert_eq!(state.save.problem, Some(StorageProblem::Unavailable));
    assert_eq!(state.route, Route::Trash);
}

#[test]
fn a_campaign_keeps_its_shape_when_its_start_moves() {
    let mut ids = CountingIds::default();
    let mut state = AppState::new(Lang::En);
    let p = plan(&mut ids, "Launch", PeriodKind::Campaign, at(20, 1));
    let id = p.id;
    state.apply(Action::Create(p));
    state.apply(Action::Edit {
        id,
        edit: PlanEdit::Details(DetailsEdit::Start(date(2027, 3, 1))),
        now: at(21, 1),
    });
    let period = &state.library.get(id).unwrap().period;
    assert_eq!(period.launch_day, Some(date(2027, 4, 12)));
    assert_eq!(period.end, date(2027, 5, 10));
}

#[test]
fn notices_count_plans_in_good_english() {
    let mut ids = CountingIds::default();
    let mut state = AppState::new(Lang::En);
    state.apply(Action::Import(vec![plan(&mut ids, "A", PeriodKind::Month, at(20, 1))]));
    state.apply(Action::Import(vec![
        plan(&mut ids, "B", PeriodKind::Month, at(20, 1)),
        plan(&mut ids, "C", PeriodKind::Month, at(20, 1)),
    ]));
    let texts: Vec<String> = state.notices.iter().map(|n| n.texts[0].render(Lang::En)).collect();
    assert_eq!(texts, ["Imported 1 plan.", "Imported 2 plans."]);
}

#[test]
fn two_tabs_saving_at_the_same_moment_do_not_lose_a_change_silently() {
    let store = PlanStore::new(MemoryStore::default());
    let mut ids = CountingIds::default();
    let (mut one, id) = with_plan(&mut ids);
    save(&mut one, &store).unwrap();
    let mut two = start(&store);
    let base = one.save.version.clone();

    one.apply(Action::Edit {
        id,
        edit: PlanEdit::Details(DetailsEdit::Organisation("One's org".into())),
        now: at(23, 3),
    });
    two.apply(Action::Edit {
        id,
        edit: PlanEdit::Details(DetailsEdit::Organisation("Two's org".into())),
        now: at(23, 4),
    });
    // Both read the same pointer before either wrote: localStorage cannot
    // stop that. Tab one's save lands, then tab two's lands over it.
    let revision = one.save.revision;
    let v_one = store.save(&one.library, &base, "one", at(23, 5)).unwrap();
    let two_text = marketplan::storage::format::encode_library(&two.library, at(23, 5), Some(base.as_str()));
    store.kv().set("marketplan.library.g2-two", &two_text).unwrap();
    store.kv().set("marketplan.library", "g2-two").unwrap();
    one.apply(Action::Saved {
        revision,
        version: v_one,
    });
    two.apply(Action::Saved {
        revision: two.save.revision,
        version: Version::from_text("g2-two").unwrap(),
    });

    // Tab one hears of tab two's save: its own was replaced, so it asks.
    sync(&mut one, &store);
    let conflict = one.conflict.clone().expect("tab one is asked, not overwritten");
    assert_eq!(conflict.plans, vec![id]);
    assert!(one.save.is_dirty());
    one.apply(Action::ResolveConflict { keep_mine: true });
    save(&mut one, &store).unwrap();
    let Ok(Loaded::Library { library, .. }) = store.load() else {
        panic!("stored")
    };
    assert_eq!(library.get(id).unwrap().organisation, "One's org");
}

#[test]
fn a_replaced_save_of_another_plan_is_merged_back_without_asking() {
    let store = PlanStore::new(MemoryStore::default());
    let mut ids = CountingIds::default();
    let (mut one, a) = with_plan(&mut ids);
    let other = plan(&mut ids, "Other", PeriodKind::Month, at(20, 2));
    let b = other.id;
    one.apply(Action::Create(other));
    save(&mut one, &store).unwrap();
    let mut two = start(&store);
    let base = one.save.version.clone();
    one.apply(Action::Edit {
        id: a,
        edit: PlanEdit::Details(DetailsEdit::Organisation("One's org".into())),
        now: at(23, 3),
    });
    two.apply(Action::Edit {
        id: b,
        edit: PlanEdit::Details(DetailsEdit::Organisation("Two's org".into())),
        now: at(23, 4),
    });
    let revision = one.save.revision;
    let v_one = store.save(&one.library, &base, "one", at(23, 5)).unwrap();
    let two_text = marketplan::storage::format::encode_library(&two.library, at(23, 5), Some(base.as_str()));
    store.kv().set("marketplan.library.g2-two", &two_text).unwrap();
    store.kv().set("marketplan.library", "g2-two").unwrap();
    one.apply(Action::Saved {
        revision,
        version: v_one,
    });

    sync(&mut one, &store);
    assert!(one.conflict.is_none());
    assert!(one.wants_save(), "its replaced change is saved again");
    save(&mut one, &store).unwrap();
    let Ok(Loaded::Library { library, .. }) = store.load() else {
        panic!("stored")
    };
    assert_eq!(library.get(a).unwrap().organisation, "One's org");
    assert_eq!(library.get(b).unwrap().organisation, "Two's org");
}

#[test]
fn deleted_tasks_come_back_in_place_with_their_links_from_the_notice() {
    use marketplan::domain::implementation::schedule::{Task, When};
    let mut ids = CountingIds::default();
    let (mut state, id) = with_plan(&mut ids);
    let day = |d| When::Date(date(2027, 1, d));
    let a = Task::new(ids.item_id(), "Plan", day(4), day(8));
    let mut b = Task::new(ids.item_id(), "Design", day(11), day(15));
    b.depends_on.push(a.id);
    let mut c = Task::new(ids.item_id(), "Print", day(18), day(20));
    c.depends_on.push(b.id);
    let (b_id, c_id) = (b.id, c.id);
    let edit = PlanEdit::Implementation(ImplementationEdit::AddTasks {
        phases: vec![],
        tasks: vec![a, b, c],
    });
    state.apply(Action::Edit {
        id,
        edit,
        now: at(21, 1),
    });
    let before = state.library.get(id).unwrap().implementation.tasks.clone();

    state.apply(Action::Remove {
        id,
        removal: Removal::Tasks(vec![b_id]),
        now: at(21, 2),
    });
    let tasks = &state.library.get(id).unwrap().implementation.tasks;
    assert_eq!(tasks.len(), 2);
    assert!(tasks[1].depends_on.is_empty(), "no dependency on a deleted task");
    let notice = state.notices.last().expect("a notice");
    assert_eq!(notice.texts[0].render(Lang::En), "Deleted “Design”.");
    let undo = notice.undo.clone().expect("with Undo");
    state.apply(undo);
    assert_eq!(state.library.get(id).unwrap().implementation.tasks, before);

    // A loop is refused and changes nothing.
    let mut looped = before[0].clone();
    looped.depends_on.push(c_id);
    state.apply(Action::Edit {
        id,
        edit: PlanEdit::Implementation(ImplementationEdit::PutTask(looped)),
        now: at(21, 3),
    });
    assert_eq!(state.library.get(id).unwrap().implementation.tasks, before);
    let error = state.edit_error.as_ref().expect("an error shown").text.render(Lang::En);
    assert_eq!(
        error,
        "Refused: the dependencies would go round in a loop (Plan → Design → Print → Plan)."
    );
}

#[test]
fn a_budget_line_deleted_comes_back_from_the_notice_and_bad_input_changes_nothing() {
    use marketplan::domain::budget::{Actual, BudgetLine};
    use marketplan::domain::core::money::Money;
    let mut ids = CountingIds::default();
    let (mut state, id) = with_plan(&mut ids);
    let names = ["Search ads", "Trade show", "Survey"];
    for name in names {
        let line = BudgetLine::new(ids.item_id(), name, Money::from_yuan(10_000));
        state.apply(Action::Edit {
            id,
            edit: PlanEdit::Budget(BudgetEdit::PutLine(line)),
            now: at(21, 1),
        });
    }
    let line = state.library.get(id).unwrap().budget.lines[1].id;
    // A payment dated outside the quarter is refused, with the reason, and nothing lands.
    let outside = Actual {
        id: ids.item_id(),
        date: date(2026, 12, 31),
        amount: Money::from_yuan(5),
        note: String::new(),
    };
    state.apply(Action::Edit {
        id,
        edit: PlanEdit::Budget(BudgetEdit::AddActual { line, actual: outside }),
        now: at(21, 2),
    });
    assert!(state.library.get(id).unwrap().budget.lines[1].actuals.is_empty());
    let error = state.edit_error.as_ref().expect("an error").text.render(Lang::En);
    assert_eq!(
        error,
        "That date is outside the plan period: payments must fall within it."
    );
    let inside = Actual {
        id: ids.item_id(),
        date: date(2027, 1, 15),
        amount: Money::from_yuan(5),
        note: String::new(),
    };
    state.apply(Action::Edit {
        id,
        edit: PlanEdit::Budget(BudgetEdit::AddActual { line, actual: inside }),
        now: at(21, 3),
    });
    assert!(state.edit_error.is_none(), "a good edit clears the message");
    let before = state.library.get(id).unwrap().budget.lines.clone();

    state.apply(Action::Remove {
        id,
        removal: Removal::Lines(vec![line]),
        now: at(21, 4),
    });
    assert_eq!(state.library.get(id).unwrap().budget.lines.len(), 2);
    let notice = state.notices.last().expect("a notice");
    assert_eq!(notice.texts[0].render(Lang::En), "Budget line “Trade show” deleted.");
    state.apply(notice.undo.clone().expect("with Undo"));
    assert_eq!(
        state.library.get(id).unwrap().budget.lines,
        before,
        "back in place, with its payment"
    );

    // Ctrl+Z undoes an accepted reallocation in one step.
    state.apply(Action::Navigate(Route::Plan(id, Section::Dashboard)));
    let amounts = before.iter().map(|l| (l.id, Money::from_yuan(1))).collect();
    state.apply(Action::Edit {
        id,
        edit: PlanEdit::Budget(BudgetEdit::PlannedAmounts(amounts)),
        now: at(21, 5),
    });
    assert_eq!(state.library.get(id).unwrap().budget.planned(), Money::from_yuan(3));
    state.apply(Action::Undo { now: at(21, 6) });
    assert_eq!(state.library.get(id).unwrap().budget.lines, before);
}

#[test]
fn an_edit_copies_only_the_chapter_it_changes_and_undo_shares_the_rest() {
    use marketplan::domain::implementation::schedule::{Task, When};
    use std::rc::Rc;
    let mut ids = CountingIds::default();
    let (mut state, id) = with_plan(&mut ids);
    let task = Task::new(
        ids.item_id(),
        "Brief the agency",
        When::FromLaunch(-5),
        When::FromLaunch(-3),
    );
    state.apply(Action::Edit {
        id,
        edit: ImplementationEdit::PutTask(task).into(),
        now: at(21, 1),
    });
    let before = state.library.get(id).unwrap().clone();
    type_into(&mut state, id, SummaryField::Purpose, "Launch");
    let after = state.library.get(id).unwrap();
    assert_eq!(after.summary.purpose, "Launch");
    assert!(
        Rc::ptr_eq(&before.implementation, &after.implementation),
        "the tasks were not copied"
    );
    assert!(Rc::ptr_eq(&before.budget, &after.budget));
    // Undoing gives back the very chapters the plan had.
    state.apply(Action::Undo { now: at(21, 2) });
    let undone = state.library.get(id).unwrap();
    assert_eq!(undone.summary.purpose, "");
    assert!(Rc::ptr_eq(&before.implementation, &undone.implementation));
}

#[test]
fn the_sample_opens_once_and_after_that_is_reopened() {
    use marketplan::domain::plan::sample::sample_plan;
    let mut ids = CountingIds::default();
    let mut state = AppState::new(Lang::En);
    let first = sample_plan(Lang::En, &mut ids, date(2026, 11, 23), at(23, 11));
    let first_id = first.id;
    state.apply(Action::OpenSample(first));
    state.apply(Action::Navigate(Route::Library));
    let again = sample_plan(Lang::En, &mut ids, date(2026, 11, 23), at(23, 12));
    state.apply(Action::OpenSample(again));
    assert_eq!(state.library.listing("").len(), 1, "one sample, not two");
    assert_eq!(state.route, Route::Plan(first_id, Section::Summary));
    // In the other language the sample has another name: a second plan.
    let chinese = sample_plan(Lang::ZhCn, &mut ids, date(2026, 11, 23), at(23, 13));
    state.apply(Action::OpenSample(chinese));
    assert_eq!(state.library.listing("").len(), 2);
}
