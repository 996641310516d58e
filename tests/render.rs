//! Components rendered natively with Yew's server renderer; the assertions
//! are on what a user would read.

mod common;

use common::{at, plan};
use marketplan::app::{Action, AppState, Route};
use marketplan::domain::ids::{CountingIds, IdSource};
use marketplan::domain::period::PeriodKind;
use marketplan::domain::plan::{PlanEdit, SummaryField};
use marketplan::i18n::Lang;
use marketplan::ui::{Root, RootProps};
use yew::LocalServerRenderer;

async fn render(state: AppState) -> String {
    LocalServerRenderer::<Root>::with_props(RootProps {
        initial: state,
        live: false,
    })
    .hydratable(false)
    .render()
    .await
}

fn library_state(lang: Lang) -> AppState {
    let mut ids = CountingIds::default();
    let mut state = AppState::new(lang);
    state.utc_offset_minutes = 8 * 60;
    state.apply(Action::Create(plan(
        &mut ids,
        "Spring launch <b>bold</b>",
        PeriodKind::Campaign,
        at(20, 1),
    )));
    state.apply(Action::Create(plan(
        &mut ids,
        "年度品牌计划",
        PeriodKind::Year,
        at(22, 1),
    )));
    state.apply(Action::Navigate(Route::Library));
    state
}

#[tokio::test]
async fn the_empty_library_says_what_to_do_next() {
    let html = render(AppState::new(Lang::ZhCn)).await;
    assert!(html.contains("还没有计划"), "{html}");
    assert!(html.contains("打开示例计划"));
    let html = render(AppState::new(Lang::En)).await;
    assert!(html.contains("No plans yet"));
    assert!(html.contains("Open the sample plan"));
    assert!(html.contains("Trash (0)"));
}

#[tokio::test]
async fn the_library_lists_plans_newest_first_with_their_periods() {
    let html = render(library_state(Lang::En)).await;
    let newer = html.find("年度品牌计划").expect("listed");
    let older = html.find("Spring launch").expect("listed");
    assert!(newer < older, "newest edit first");
    assert!(html.contains("2 plans"));
    assert!(html.contains("1 Jan 2027 – 31 Dec 2027"));
    assert!(html.contains("Campaign (e.g. a launch)"));
    // Edited 22 Nov 01:00 UTC, shown in UTC+8.
    assert!(html.contains("22 Nov 2026 09:00"), "{html}");
    // Names are text, never markup.
    assert!(html.contains("Spring launch &lt;b&gt;bold&lt;/b&gt;"));
    assert!(!html.contains("<b>bold</b>"));
}

#[tokio::test]
async fn the_library_in_chinese() {
    let html = render(library_state(Lang::ZhCn)).await;
    assert!(html.contains("共 2 个计划"));
    assert!(html.contains("2027年1月1日 至 2027年12月31日"));
    assert!(html.contains("2026年11月22日 09:00"));
    assert!(html.contains(r#"lang="zh-CN""#));
}

#[tokio::test]
async fn a_search_without_match_says_so() {
    let mut state = library_state(Lang::En);
    state.apply(Action::Search("zzz".into()));
    let html = render(state).await;
    assert!(html.contains("No plan has “zzz” in its name."));
}

#[tokio::test]
async fn the_plan_page_shows_the_summary_and_all_eight_chapters() {
    let mut state = library_state(Lang::En);
    let id = state.library.plans[0].id;
    state.apply(Action::Navigate(Route::Plan(id)));
    let text = "Grow qualified leads by 30%".to_owned();
    state.apply(Action::Edit {
        id,
        edit: PlanEdit::Summary(SummaryField::HeadlineGoals, text.clone()),
        now: at(23, 1),
    });
    let html = render(state).await;
    assert!(html.contains("1. Executive summary"));
    assert!(html.contains(&text));
    for chapter in [
        "2. Situation analysis",
        "3. Goals",
        "5. Implementation plan",
        "8. Performance evaluation",
    ] {
        assert!(html.contains(chapter), "{chapter}");
    }
    // Seven chapters are marked as not built, and are not links.
    assert_eq!(html.matches("not yet available").count(), 7);
    assert_eq!(html.matches("class=\"chapter-link\"").count(), 1);
    assert!(html.contains("Launch day T: "));
    // Undo is offered once there is something to undo.
    assert!(html.contains(">Undo<"));
}

#[tokio::test]
async fn an_unknown_plan_route_explains_itself() {
    let mut state = AppState::new(Lang::ZhCn);
    state.apply(Action::Navigate(Route::Plan(CountingIds(99).plan_id())));
    let html = render(state).await;
    assert!(html.contains("计划库中没有这个计划"));
}

#[tokio::test]
async fn the_trash_lists_deleted_plans_and_says_when_empty() {
    let mut state = library_state(Lang::En);
    let html = render({
        let mut s = state.clone();
        s.apply(Action::Navigate(Route::Trash));
        s
    })
    .await;
    assert!(html.contains("The Trash is empty."));
    let mut ids = CountingIds(1000);
    let id = state.library.plans[1].id;
    state.apply(Action::Delete {
        id,
        entry: ids.trash_id(),
        restore_id: ids.plan_id(),
        now: at(23, 2),
    });
    state.apply(Action::Navigate(Route::Trash));
    let html = render(state).await;
    assert!(html.contains("年度品牌计划"));
    assert!(html.contains("Removed 23 Nov 2026 10:00"));
    assert!(html.contains("Empty the Trash"));
    // The delete notice offers Undo.
    assert!(html.contains("Moved “年度品牌计划” to the Trash."));
    assert!(html.contains(">Undo<"));
}
