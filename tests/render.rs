//! Components rendered natively with Yew's server renderer; the assertions
//! are on what a user would read.

mod common;

use common::{at, plan};
use marketplan::app::route::SituationView;
use marketplan::app::route::{BudgetView, ImplView, Section};
use marketplan::app::{Action, AppState, Route};
use marketplan::domain::budget::edit::BudgetEdit;
use marketplan::domain::core::ids::{CountingIds, IdSource};
use marketplan::domain::core::period::PeriodKind;
use marketplan::domain::plan::DetailsEdit;
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
    // Every template opens in one click from the empty library.
    assert!(html.contains("Start from a template"));
    assert_eq!(html.matches("class=\"btn template-button\"").count(), 8);
    assert!(html.contains(">New-product launch</button>"));
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
    state.apply(Action::Navigate(Route::Plan(id, Section::Summary)));
    let text = "Grow qualified leads by 30%".to_owned();
    state.apply(Action::Edit {
        id,
        edit: PlanEdit::Details(DetailsEdit::Summary(SummaryField::HeadlineGoals, text.clone())),
        now: at(23, 1),
    });
    let html = render(state).await;
    assert!(html.contains("1. Executive summary"));
    assert!(html.contains(&text));
    for chapter in [
        "2. Situation analysis",
        "3. Goals",
        "5. Implementation plan",
        "6. Budget and resources",
        "Team and roles",
        "7. Risk management",
        "8. Performance evaluation",
    ] {
        assert!(html.contains(chapter), "{chapter}");
    }
    // Every chapter is built: the dashboard, eight chapters, the team
    // under chapter 6 and the plan document are links.
    assert_eq!(html.matches("not yet available").count(), 0);
    assert_eq!(html.matches("class=\"chapter-link").count(), 11);
    assert!(html.contains(">Plan document</a>"));
    assert!(html.contains("aria-current=\"page\""));
    assert!(html.contains("Launch day T: "));
    // Undo is offered once there is something to undo.
    assert!(html.contains(">Undo<"));
}

#[tokio::test]
async fn an_unknown_plan_route_explains_itself() {
    let mut state = AppState::new(Lang::ZhCn);
    state.apply(Action::Navigate(Route::Plan(
        CountingIds(99).plan_id(),
        Section::Summary,
    )));
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

fn sample_state(lang: Lang, section: Section) -> AppState {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let plan = marketplan::domain::plan::sample::sample_plan(lang, &mut CountingIds(7), today, at(23, 1));
    let id = plan.id;
    let mut state = AppState::new(lang);
    state.today = today;
    state.apply(Action::Create(plan));
    state.apply(Action::Navigate(Route::Plan(id, section)));
    state
}

#[tokio::test]
async fn the_dashboard_shows_scores_statuses_and_what_needs_attention() {
    let html = render(sample_state(Lang::En, Section::Dashboard)).await;
    assert!(html.contains("As of 23 Nov 2026"), "{html}");
    for dimension in [
        "Brand voice",
        "Acquisition efficiency",
        "Customer retention",
        "Revenue conversion",
    ] {
        assert!(html.contains(dimension), "{dimension}");
    }
    assert!(html.contains("Plan score"));
    // Qualified leads run at 78% of pace: off track, first in the attention list.
    let attention = &html[html.find("Needs attention first").unwrap()..html.find("All KPIs").unwrap()];
    assert!(attention.find("Qualified leads").unwrap() < attention.find("Churn rate").unwrap_or(usize::MAX));
    assert!(attention.contains("Off track"));
    // A KPI card with its figures and its chart.
    assert!(html.contains("Baseline ¥1,600,000 · Target ¥2,000,000 · Challenge ¥2,400,000"));
    assert!(html.contains("class=\"kpi-chart\""));
    assert!(html.contains("alt=\"Revenue: check-ins against baseline, target, challenge and pace\""));
    assert_eq!(html.matches("class=\"kpi-card\"").count(), 9);
}

#[tokio::test]
async fn the_dashboard_in_chinese_and_its_empty_state() {
    let html = render(sample_state(Lang::ZhCn, Section::Dashboard)).await;
    assert!(html.contains("截至 2026年11月23日"));
    assert!(html.contains("品牌声量") && html.contains("需要优先关注"));
    let mut state = library_state(Lang::ZhCn);
    let id = state.library.plans[0].id;
    state.apply(Action::Navigate(Route::Plan(id, Section::Dashboard)));
    let html = render(state).await;
    assert!(html.contains("还没有 KPI。"));
    assert!(html.contains("去添加目标"));
}

#[tokio::test]
async fn the_goals_chapter_lists_goals_by_dimension_with_their_kpis() {
    let html = render(sample_state(Lang::En, Section::Goals)).await;
    assert!(html.contains("3. Goals"));
    assert!(html.contains("Qualified leads +30% with CAC at most 100 yuan"));
    assert!(html.contains("SMART 5/5"));
    assert!(html.contains("Due 31 Dec 2026"));
    assert!(
        html.contains("Baseline 130 · Target 100 · Challenge 85")
            || html.contains("Baseline ¥130 · Target ¥100 · Challenge ¥85")
    );
    assert_eq!(html.matches("class=\"kpi-row\"").count(), 9);
}

#[tokio::test]
async fn a_review_shows_target_and_actual_per_kpi_with_causes_and_lessons() {
    let state = sample_state(Lang::En, Section::Reviews);
    let plan = state.open_plan().unwrap().clone();
    let review = plan.reviews[0].id;
    let html = render(state.clone()).await;
    assert!(html.contains("Monthly review · 10/2026"), "{html}");
    assert!(html.contains("Seed launch topics through KOLs before the brand account posts."));
    assert!(html.contains("Standard practices (SOP)") && html.contains("Pitfalls to avoid"));
    let mut state = state;
    state.apply(Action::Navigate(Route::Plan(plan.id, Section::Review(review))));
    let html = render(state).await;
    assert!(html.contains("1 Oct 2026 – 31 Oct 2026"));
    // Revenue's October target is a quarter of 2,000,000 (weights 1, 1, 2).
    assert!(html.contains("¥500,000"), "{html}");
    assert!(html.contains("Feed-ad click costs rose and lead quality was low."));
    assert!(html.contains("Print review"));
}

fn chapter_five(lang: Lang, view: ImplView) -> AppState {
    sample_state(lang, Section::Implementation(view))
}

#[tokio::test]
async fn the_task_table_shows_the_sample_launch_with_offsets_flags_and_reminders() {
    let state = chapter_five(Lang::En, ImplView::Tasks);
    let tasks = state.open_plan().unwrap().implementation.tasks.len();
    let html = render(state).await;
    assert!(html.contains("5. Implementation plan"));
    assert!(
        html.contains(r#"value="Campaign plan""#),
        "task titles are editable in place"
    );
    assert!(html.contains(">T-21<") && html.contains(">T+7<"));
    assert!(html.contains(r#"value="2026-10-29""#), "T-21 from T = 19 Nov");
    assert!(html.contains("Critical path"));
    assert!(html.contains(&format!("Showing {tasks} of {tasks} tasks")));
    assert_eq!(html.matches("class=\"task-row").count(), tasks);
    // The navigation badge counts due and overdue tasks.
    assert!(html.contains("reminders\""), "{}", &html[..200]);
    assert!(html.contains("Start from a ready-made set"));
    assert!(html.contains("5-week launch example"));
}

#[tokio::test]
async fn the_timeline_draws_a_bar_per_dated_task_with_weeks_today_and_t() {
    let state = chapter_five(Lang::En, ImplView::Timeline);
    let tasks = state.open_plan().unwrap().implementation.tasks.len();
    let html = render(state).await;
    assert!(html.contains("<svg"), "an inline chart");
    assert_eq!(html.matches("data-task=").count(), tasks);
    assert!(html.contains("g-today") && html.contains("g-launch"));
    assert!(html.contains(">W48<"), "ISO week numbers");
    assert!(html.contains("g-milestone"), "go-live is a milestone");
    assert!(html.contains("marker-end"), "dependency arrows");
    assert!(
        html.contains(">Warm-up<") && html.contains(">Growth<"),
        "grouped by phase"
    );
}

#[tokio::test]
async fn the_marketing_calendar_in_chinese_shows_dates_meetings_and_overlaps() {
    let html = render(chapter_five(Lang::ZhCn, ImplView::Calendar)).await;
    assert!(html.contains("2026年11月"));
    assert!(html.contains("双十一"), "China's marketing dates");
    assert!(html.contains("09:00 周会"));
    assert!(html.contains("促销重叠"), "the sample's two promotions overlap");
    assert!(html.contains("新品上市"), "the month's theme");
    assert!(html.contains("公众号文章 ×1"));
}

#[tokio::test]
async fn the_meetings_view_lists_the_period_and_the_reminders() {
    let html = render(chapter_five(Lang::En, ImplView::Meetings)).await;
    // Q4 2026 has 13 Mondays (5 Oct-28 Dec), 3 last Fridays, 1 quarter end,
    // and the sample's training plan: 3 internal sessions, 1 external.
    assert!(html.contains("Meetings in the plan period (21)"), "{html}");
    assert!(html.contains("Internal training (monthly)") && html.contains("External training (quarterly)"));
    assert!(html.contains("Quarterly strategy meeting"));
    assert!(html.contains("Overdue") && html.contains("Due soon"));
    assert!(html.contains("Asia/Shanghai"));
}

fn chapter_six(lang: Lang, view: BudgetView) -> AppState {
    sample_state(lang, Section::Budget(view))
}

/// The text of the table row that starts with `name`, tags stripped.
fn row_text(html: &str, name: &str) -> String {
    let at = html.find(name).unwrap_or_else(|| panic!("{name} not found"));
    let start = html[..at].rfind("<tr").unwrap_or(0);
    let end = at + html[at..].find("</tr>").unwrap_or(0);
    let mut out = String::new();
    let mut in_tag = false;
    for c in html[start..end].chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[tokio::test]
async fn the_budget_table_shows_lines_spending_and_approvals_with_known_figures() {
    let html = render(chapter_six(Lang::En, BudgetView::Lines)).await;
    assert!(html.contains("6. Budget and resources"), "{html}");
    // Total 1,000,000 with a 12% reserve; 850,000 in nine lines.
    assert!(html.contains("¥1,000,000.00"));
    assert!(html.contains("Reserve (12.0%)"));
    assert!(html.contains("¥120,000.00"));
    assert!(
        html.contains(r#"id="lines-total" data-label="Planned" class="num">¥850,000.00<"#),
        "{html}"
    );
    assert_eq!(html.matches("id=\"line-name-").count(), 9);
    // The survey spent 34,000 of 30,000: over budget, flagged in the row and above.
    assert!(html.contains(r#"value="30000""#));
    assert!(html.contains("¥34,000.00"));
    assert!(html.contains("“Customer survey” is over budget: ¥34,000.00 spent of ¥30,000.00."));
    // The trade show's request was approved; the search top-up is overdue.
    assert!(html.contains("General manager"));
    assert!(
        html.contains("went to Marketing director on 17 Nov 2026; a decision was due by 18 Nov 2026"),
        "{html}"
    );
    assert!(html.contains("Within the band"));
}

#[tokio::test]
async fn the_budget_in_chinese_and_in_wan() {
    let mut state = chapter_six(Lang::ZhCn, BudgetView::Lines);
    let id = state.library.plans[0].id;
    state.apply(Action::Edit {
        id,
        edit: PlanEdit::Budget(BudgetEdit::ShowWan(true)),
        now: at(23, 2),
    });
    let html = render(state).await;
    assert!(html.contains("6. 预算与资源配置"));
    assert!(html.contains("100万元"), "{html}");
    assert!(html.contains("85万元"));
    assert!(html.contains("搜索广告"));
    assert!(html.contains("按周期平均"));
}

#[tokio::test]
async fn the_channel_table_computes_roi_cac_and_advice() {
    let html = render(chapter_six(Lang::En, BudgetView::Channels)).await;
    // Search: 120,000 revenue on 150,000 spent.
    let search = row_text(&html, "id=\"channel-name-1\"");
    assert!(
        search.contains("¥150,000.00") && search.contains("0.8") && search.contains("¥125.00"),
        "{search}"
    );
    // WeChat: ROI 5, CAC 136.36, conversion 22%, LTV 680 / 0.65.
    let wechat = row_text(&html, "id=\"channel-name-3\"");
    assert!(
        wechat.contains(" 5 ")
            && wechat.contains("¥136.36")
            && wechat.contains("22.0%")
            && wechat.contains("¥1,046.15"),
        "{wechat}"
    );
    assert!(html.contains("Search: ROI 0.8 is below 1: move budget away."));
    assert!(html.contains("Douyin: ROI 1.5 is below 2: a candidate to cut."));
    assert!(
        html.contains("WeChat articles: conversion 22.0% is above 18.0%: add budget."),
        "{html}"
    );
    assert!(
        html.contains("Trade shows") && !html.contains("Trade shows: "),
        "ROI 2.5 fires nothing"
    );
}

#[tokio::test]
async fn the_splits_and_spending_views() {
    let html = render(chapter_six(Lang::En, BudgetView::Splits)).await;
    // Online lines: 200 + 160 + 120 + 60 + 50 thousand of 850: 69.4% against 60%.
    assert!(html.contains("69.4%"), "{html}");
    assert!(html.contains("+9.4 pp"));
    assert_eq!(html.matches("Adds up to 100%").count(), 5);
    assert!(html.contains("<svg"));
    let html = render(chapter_six(Lang::En, BudgetView::Spending)).await;
    assert!(html.contains("Record a payment"));
    assert!(html.contains("Monthly invoice"));
    assert!(html.contains("Planned and actual spending by month"));
    let html = render(chapter_six(Lang::ZhCn, BudgetView::Approvals)).await;
    assert!(html.contains("总经理办公会"));
    assert!(html.contains("计入中国大陆法定节假日及调休（2024–2026）"));
    assert!(html.contains("已逾期"));
}

fn chapter_two(lang: Lang, view: SituationView) -> AppState {
    sample_state(lang, Section::Situation(view))
}

#[tokio::test]
async fn the_swot_lists_items_by_kind_and_tows_strategies_with_their_pairs() {
    let html = render(chapter_two(Lang::En, SituationView::Swot)).await;
    for heading in ["Strengths", "Weaknesses", "Opportunities", "Threats", "TOWS strategies"] {
        assert!(html.contains(&format!(">{heading}</h3>")), "{heading}");
    }
    assert!(html.contains("Own factory: quality control and 3-day delivery"));
    // The opportunity sent on from the PESTEL says where it came from.
    assert!(
        html.contains("From PESTEL: Consumption upgrades in tier-2 and tier-3 cities"),
        "{html}"
    );
    assert!(html.contains("Paired in 1 TOWS strategy"));
    assert!(html.contains("SO: use strengths to take opportunities"));
    // Each strategy offers the two kinds it pairs, the SO one strengths and opportunities.
    assert!(html.contains("Launch a premium line for tier-2 cities"));
    assert!(html.contains("Justifies the goals"));
    let html = render(chapter_two(Lang::ZhCn, SituationView::Swot)).await;
    assert!(html.contains(">优势</h3>") && html.contains(">威胁</h3>"));
    assert!(html.contains("SO：发挥优势，抓住机会"));
}

#[tokio::test]
async fn the_brief_shows_the_months_moves_flags_prices_and_scores_competitors() {
    // 23 Nov 2026: the sample's second month, with three moves.
    let html = render(chapter_two(Lang::En, SituationView::Brief)).await;
    assert!(html.contains("Competitor brief · November 2026"), "{html}");
    assert!(html.contains("Opened community group buying"));
    assert!(html.contains("Year-end flash sale"));
    assert!(!html.contains("New organic line launched"), "an October move");
    // 259 → 269 is +3.9%: under the 5% threshold, so not flagged.
    assert!(html.contains("No price change reached the threshold."));
    assert!(html.contains("Comparison on the decision factors of Young urban parents"));
    // Brand A: 4×.40 + 2×.25 + 3×.20 + 5×.15 = 3.45; B: 5, 2, 3, 4 = 3.70; C: 2, 5, 2, 2 = 2.75.
    let a = html.find(">3.45<").expect("Brand A's score");
    let b = html.find(">3.70<").expect("Brand B's score");
    let c = html.find(">2.75<").expect("Brand C's score");
    assert!(b < a && a < c, "best first");
}

#[tokio::test]
async fn the_brief_of_the_first_month_flags_price_changes_both_ways() {
    let mut state = chapter_two(Lang::ZhCn, SituationView::Brief);
    state.today = chrono::NaiveDate::from_ymd_opt(2026, 10, 15).unwrap();
    let html = render(state).await;
    assert!(html.contains("竞品分析简报 · 2026年10月"), "{html}");
    // 189 → 199 is +5.3%, 129 → 119 is −7.8%.
    assert!(html.contains("上调 5.3%"), "{html}");
    assert!(html.contains("下调 7.8%"));
}

#[tokio::test]
async fn a_persona_shows_its_weights_journey_and_says_when_weights_do_not_add_up() {
    let mut state = chapter_two(Lang::En, SituationView::Personas);
    let html = render(state.clone()).await;
    assert!(html.contains("Young urban parents"));
    assert!(html.contains("Weights add up to 100%."));
    assert!(!html.contains("Incomplete:"));
    assert!(
        html.contains("aria-label=\"Emotion across the journey · Young urban parents\""),
        "the curve"
    );
    assert_eq!(html.matches("<circle").count(), 6);
    let id = state.library.plans[0].id;
    let persona = &state.library.plans[0].situation.personas[0];
    let mut factor = persona.factors[0].clone();
    factor.weight = marketplan::domain::core::rate::Rate(3_000);
    let pid = persona.id;
    state.apply(Action::Edit {
        id,
        edit: PlanEdit::Situation(marketplan::domain::situation::edit::SituationEdit::PutFactor {
            persona: pid,
            factor,
        }),
        now: at(23, 2),
    });
    let html = render(state).await;
    assert!(
        html.contains("Weights add up to 90.0%; they must add up to 100%."),
        "{html}"
    );
    assert!(html.contains("Incomplete: its decision weights do not add up to 100%"));
}

#[tokio::test]
async fn the_overview_shows_positioning_top_findings_and_strategies() {
    let html = render(chapter_two(Lang::En, SituationView::Overview)).await;
    assert!(html.contains("2. Situation analysis"));
    assert!(html.contains("Top opportunities") && html.contains("Top threats"));
    // Weight 5 first.
    let first = html.find("Consumption upgrades").expect("the weight-5 opportunity");
    let later = html.find("New policies encourage").expect("a weight-4 one");
    assert!(first < later);
    assert!(
        html.contains("value_for_money\" selected"),
        "the positioning type is chosen"
    );
    assert!(html.contains("Justifies the goals: "));
}

#[tokio::test]
async fn a_goal_shows_the_analysis_that_justifies_it() {
    let html = render(sample_state(Lang::En, Section::Goals)).await;
    assert!(html.contains("Why: the analysis behind this goal"), "{html}");
    assert!(html.contains("Grow awareness with Xiaohongshu and Video Account content for young parents"));
}

fn chapter_four(lang: Lang, view: marketplan::app::route::StrategyView) -> AppState {
    sample_state(lang, Section::Strategies(view))
}

#[tokio::test]
async fn the_coverage_view_shows_the_samples_one_gap_and_a_deleted_task() {
    use marketplan::app::route::StrategyView;
    use marketplan::domain::implementation::edit::ImplementationEdit;
    let mut state = chapter_four(Lang::En, StrategyView::Coverage);
    let html = render(state.clone()).await;
    assert!(html.contains("4. Core strategies"));
    assert!(
        html.contains("1 gap in the chain goal → strategy → work and money."),
        "{html}"
    );
    assert!(html.contains("Strategies with no budget (1)"));
    assert!(html.contains("Member referral: 50 yuan for both sides"));
    assert!(html.contains("Goals no strategy serves (0)"));
    // Deleting the task the referral scheme rests on: the link stays, flagged.
    let plan = &state.library.plans[0];
    let (id, referral) = (plan.id, plan.strategies.strategies[5].clone());
    state.apply(Action::Edit {
        id,
        edit: PlanEdit::Implementation(ImplementationEdit::RemoveTasks(referral.tasks.clone())),
        now: at(23, 2),
    });
    let html = render(state.clone()).await;
    assert!(html.contains("3 gaps in the chain"), "{html}");
    assert!(html.contains("Strategies with no tasks (1)"));
    assert!(html.contains("Member referral: 50 yuan for both sides: A linked task is no longer in the plan."));
    let html = render(chapter_four(Lang::ZhCn, StrategyView::Coverage)).await;
    assert!(html.contains("“目标 → 策略 → 执行与预算”链条中有 1 处缺口。"), "{html}");
    assert!(html.contains("会员推荐：双方各得 50 元"));
}

#[tokio::test]
async fn the_price_ladder_shows_known_figures_and_flags_a_price_under_the_floor() {
    use marketplan::app::route::StrategyView;
    use marketplan::domain::core::money::Money;
    use marketplan::domain::strategy::edit::StrategyEdit;
    let mut state = chapter_four(Lang::En, StrategyView::Products);
    let html = render(state.clone()).await;
    assert!(html.contains("Pricing of Water purifier P1"));
    // Cost 100 at a 100% markup: 200, a 50% margin.
    assert!(
        html.contains("Price ¥200.00 · margin 50.0% of the price · markup 100.0% of the cost"),
        "{html}"
    );
    assert!(html.contains("Band ¥192.28 – ¥225.72"));
    assert!(html.contains("Our base price ¥199.00 is within the band."));
    assert!(html.contains("Floor: no price under ¥150.00."));
    assert!(html.contains("From 5 items: 20.0% off, ¥159.20 each"));
    // 5 items, units inside each tier: 2 × 199 + 2 × 179.10 + 159.20.
    assert!(html.contains("Total for 5 items: ¥915.40"), "{html}");
    assert!(html.contains("The ladder passes its checks."));
    assert!(
        html.contains("17 days of the plan period push a price under the floor."),
        "{html}"
    );
    let plan = &state.library.plans[0];
    let (id, mut product) = (plan.id, plan.strategies.products[0].clone());
    product.member = Some(Money::from_yuan(140));
    state.apply(Action::Edit {
        id,
        edit: PlanEdit::Strategy(StrategyEdit::PutProduct(product)),
        now: at(23, 2),
    });
    let html = render(state).await;
    assert!(html.contains("The member price (¥140.00) is under the floor of ¥150.00."));
    assert!(!html.contains("The ladder passes its checks."));
}

#[tokio::test]
async fn channels_kols_and_membership_read_in_chinese() {
    use marketplan::app::route::StrategyView;
    let html = render(chapter_four(Lang::ZhCn, StrategyView::Channels)).await;
    assert!(html.contains("各渠道占比合计 100%。"));
    assert!(html.contains("库存共享"));
    let html = render(chapter_four(Lang::ZhCn, StrategyView::Communication)).await;
    assert!(html.contains("粉丝匹配度低于 80.0%"), "one KOL fails");
    assert_eq!(html.matches("符合全部标准").count(), 2, "the one on the limits passes");
    assert!(html.contains("低于 60.0% 的目标"));
    assert!(
        html.contains("微信公众号") || html.contains("每周"),
        "themes name chapter 5's cadence"
    );
    let html = render(chapter_four(Lang::En, StrategyView::Membership)).await;
    assert!(html.contains("The scheme costs ¥20,000.00 in the period."));
    assert!(html.contains("Add it as a budget line"));
}

#[tokio::test]
async fn a_tows_strategy_names_the_chapter_four_strategies_that_carry_it_out() {
    let html = render(chapter_two(Lang::En, SituationView::Swot)).await;
    assert!(html.contains("Carried out by the strategies (chapter 4): Service you can feel at every touchpoint"));
    let html = render(sample_state(Lang::En, Section::Goals)).await;
    assert!(html.contains("How: the strategies that move this goal"));
}

#[tokio::test]
async fn media_and_partners_rank_by_weighted_marks_and_pr_says_what_it_asks() {
    use marketplan::app::route::StrategyView;
    let html = render(chapter_four(Lang::En, StrategyView::Media)).await;
    assert!(html.contains("Media selection") && html.contains("Distributors and partners"));
    let (wechat, magazine, radio) = (html.find(">4.13<"), html.find(">3.63<"), html.find(">3.00<"));
    assert!(wechat.is_some() && magazine.is_some() && radio.is_some(), "{html}");
    assert!(wechat < magazine && magazine < radio, "ranked best first");
    assert!(html.contains(">4.17<") && html.contains(">3.67<"));
    assert!(html.contains("Asks the plan for news and stories"));
    let html = render(chapter_four(Lang::ZhCn, StrategyView::Media)).await;
    assert!(html.contains("加权得分") && html.contains("防御型"));
}

fn team_state(lang: Lang, view: marketplan::app::route::TeamView) -> AppState {
    sample_state(lang, Section::Team(view))
}

fn risk_state(lang: Lang, view: marketplan::app::route::RiskView) -> AppState {
    sample_state(lang, Section::Risks(view))
}

#[tokio::test]
async fn the_org_chart_places_each_position_under_its_superior_with_head_counts() {
    use marketplan::app::route::TeamView;
    let html = render(team_state(Lang::En, TeamView::Chart)).await;
    assert!(html.contains("6. Budget and resources: the team"), "{html}");
    assert!(html.contains(r#"aria-label="Org chart: 12 positions""#));
    // The market manager heads the chart: 11 under, 2 of them vacant.
    assert!(html.contains("Wang Min · 11 under (2 vacant)"));
    // Row 0 at the top-left; the planning specialist one level in, row 1.
    assert!(html.contains(r#"<g class="org-box" data-row="0"><rect x="4.0" y="4.0""#));
    assert!(html.contains(r#"<g class="org-box" data-row="1"><rect x="32.0" y="50.0""#));
    // The content lead's designer is vacant, two levels in.
    assert!(html.contains(r#"<g class="org-box is-vacant""#));
    assert!(html.contains(">Designer</text>"));
    let zh = render(team_state(Lang::ZhCn, TeamView::Chart)).await;
    assert!(zh.contains("王敏 · 下属 11 人（空缺 2）"));
}

#[tokio::test]
async fn the_raci_shows_the_broken_rule_and_the_workload() {
    use marketplan::app::route::TeamView;
    let html = render(team_state(Lang::En, TeamView::Raci)).await;
    assert!(
        html.contains("2 positions are accountable (A): exactly one should be."),
        "{html}"
    );
    assert!(html.contains("2 tasks break a rule;"));
    assert!(html.contains("Designer is vacant but holds the") || html.contains("Media specialist is vacant"));
    assert!(html.contains("Workload: tasks in flight per position per week"));
    let positions = render(team_state(Lang::En, TeamView::Positions)).await;
    assert!(positions.contains("Planned head count against positions filled"));
    assert!(positions.contains("Hiring plan: vacancies by phase"));
}

#[tokio::test]
async fn training_and_incentives_are_judged_from_the_plan() {
    use marketplan::app::route::TeamView;
    let html = render(team_state(Lang::En, TeamView::Training)).await;
    assert!(html.contains("Training sessions in the plan period (4)"), "{html}");
    let html = render(team_state(Lang::En, TeamView::Incentives)).await;
    assert!(html.contains("Met today: latest figure"), "{html}");
    assert!(html.contains("Not met yet: latest figure"));
    assert!(html.contains("Spring trade fair with Sales"));
}

#[tokio::test]
async fn the_heat_map_places_each_risk_before_and_after_its_response() {
    use marketplan::app::route::RiskView;
    let html = render(risk_state(Lang::En, RiskView::HeatMap)).await;
    assert!(html.contains("Heat map: likelihood × impact"), "{html}");
    // R1 (PR crisis) is likelihood 2 × impact 5 before, 1 × 4 after.
    assert!(html.contains(r#"data-cell="2-5"><rect x="300.0" y="200.0""#));
    let before = &html[..html.find("After the response</figcaption>").unwrap()];
    let cell = &before[before.find(r#"data-cell="2-5""#).unwrap()..];
    assert!(
        cell[..cell.find("</g>").unwrap()].contains(">R1 R7</text>"),
        "{}",
        &cell[..400]
    );
    let after = &html[html.find("After the response</figcaption>").unwrap()..];
    let cell = &after[after.find(r#"data-cell="1-4""#).unwrap()..];
    assert!(cell[..cell.find("</g>").unwrap()].contains("R1"));
}

#[tokio::test]
async fn the_register_flags_the_triggered_and_the_unanswered_risk() {
    use marketplan::app::route::RiskView;
    let html = render(risk_state(Lang::En, RiskView::Register)).await;
    assert!(html.contains("7. Risk management"), "{html}");
    assert!(html.contains("Risk register (8)"));
    assert!(html.contains("1 triggered;"));
    assert!(html.contains("Triggered by the check-in of"));
    assert!(html.contains("High risk without a response plan"));
    let zh = render(risk_state(Lang::ZhCn, RiskView::Register)).await;
    assert!(zh.contains("高风险但没有应对预案"));
    let dash = render(sample_state(Lang::En, Section::Dashboard)).await;
    assert!(dash.contains("Risks triggered by a KPI"));
    let incidents = render(risk_state(Lang::En, RiskView::Incidents)).await;
    assert!(incidents.contains("Incidents (1)"));
    assert!(incidents.contains("All steps done"));
    assert!(incidents.contains("took 1 h 35 min"), "{incidents}");
}

#[tokio::test]
async fn the_plan_document_shows_the_chapters_the_contents_and_what_is_missing() {
    use marketplan::app::route::DocView;
    let state = sample_state(Lang::En, Section::Document(DocView::Plan));
    let plan = state.library.plans[0].clone();
    let html = render(state).await;
    assert!(html.contains(">Plan document</h2>"), "{html}");
    // Contents and numbered headings, in order.
    let toc = html.find(r##"href="#doc-3-2""##).expect("contents link to 3.2");
    let heading = html
        .find(r#"<h4 id="doc-3-2" tabindex="-1" class="doc-section">3.2 Goals and KPIs</h4>"#)
        .unwrap();
    assert!(toc < heading);
    assert!(html.contains(r#"<h3 id="doc-7" tabindex="-1">7 "#));
    // The KPI table: levels as columns, right-aligned figures.
    assert!(html.contains(r#"<th scope="col" class="num">Challenge</th>"#));
    let kpi = &plan.goals.iter().find_map(|g| g.kpis.first()).unwrap().name;
    assert!(html.contains(&format!("<td>{kpi}</td>")));
    // The heat map and the org chart are drawn.
    assert!(html.contains("class=\"heat-map\""));
    // The completeness check links to the place to fix each gap.
    assert!(html.contains("What the plan still lacks"));
    assert!(html.contains(">Go to fix</a>"));
    // The plan's name is in the print margin, escaped character by character.
    assert!(html.contains("@top-center"));
    let zh = render(sample_state(Lang::ZhCn, Section::Document(DocView::Plan))).await;
    assert!(zh.contains(">计划文档</h2>"));
    assert!(zh.contains("3.2 目标与关键指标"));
    assert!(zh.contains("计划还缺什么"));
}

#[tokio::test]
async fn an_empty_plans_document_says_what_is_not_there_and_where_to_add_it() {
    use marketplan::app::route::DocView;
    let mut state = library_state(Lang::En);
    let id = state.library.plans[0].id;
    state.apply(Action::Navigate(Route::Plan(id, Section::Document(DocView::Plan))));
    let html = render(state).await;
    assert!(html.contains("Not recorded in the plan yet."));
    assert!(html.contains("The plan has no goals."));
    assert!(html.contains(&format!(r##"href="#/plan/{id}/goals""##)));
    assert!(html.contains("The risk register is empty."));
}

#[tokio::test]
async fn a_weekly_report_of_the_sample_lists_the_weeks_of_the_plan_and_what_happened() {
    use marketplan::app::route::DocView;
    let html = render(sample_state(Lang::En, Section::Document(DocView::Weekly))).await;
    assert!(html.contains(">Weekly report</h2>"), "{html}");
    // 23 November 2026 is the week of the sample's "today".
    assert!(html.contains("Weekly report: 23 Nov 2026 – 29 Nov 2026"));
    assert!(html.contains(r#"<option value="2026-11-23" selected="selected">"#));
    assert!(html.contains(">5 KPIs that moved</h3>"));
    assert!(html.contains(">9 Meetings held</h3>"));
    assert!(!html.contains("What the plan still lacks"));
    let zh = render(sample_state(Lang::ZhCn, Section::Document(DocView::Monthly))).await;
    assert!(zh.contains("月报：2026年11月"));
}
