//! The sample plan a classroom opens with one click: a quarterly marketing
//! department plan written from DOMAIN.md, in the user's language, with
//! goals and KPIs in all four dimensions (§3's example figures), check-ins up
//! to today, a weighted split and one finished monthly review.

use crate::domain::budget::approval::{ApprovalRequest, ApprovalStatus};
use crate::domain::budget::roi::Channel;
use crate::domain::budget::{Actual, Budget, BudgetLine, Category, Function, PriorityClass, Reach, Region, TotalBasis};
use crate::domain::core::calendar;
use crate::domain::core::ids::IdSource;
use crate::domain::core::money::{apportion, Money};
use crate::domain::core::period::{Period, PeriodKind};
use crate::domain::core::rate::Rate;
use crate::domain::core::value::Value;
use crate::domain::evaluation::review::{Cadence, Lesson, LessonKind, Review};
use crate::domain::goals::catalogue::CATALOGUE;
use crate::domain::goals::decompose::{Decomposition, Granularity};
use crate::domain::goals::goal::{Dimension, Goal, Smart};
use crate::domain::goals::kpi::{Aggregation, CheckIn, Direction, Kpi, Thresholds, Unit};
use crate::domain::implementation::schedule::{Priority, Progress, TaskStatus, When};
use crate::domain::implementation::templates::{
    event_rhythm, launch_example, launch_phases, phase_for, Rhythm, Workflow,
};
use crate::domain::implementation::{ContentCadence, Implementation, KeyEvent, Per};
use crate::domain::plan::{Currency, ExecutiveSummary, Plan, Unknown};
use crate::i18n::{t, t_id, Key, Lang, Text};
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use std::collections::BTreeMap;
use std::rc::Rc;

/// One sample KPI: catalogue entry (or own name), levels, and how well it
/// is doing against its pace (1.0 is exactly on pace).
struct SampleKpi {
    name: Key,
    unit: Unit,
    levels: [i64; 3],
    performance: f64,
}

fn catalogue_kpi(name: Key, levels: [i64; 3], performance: f64) -> SampleKpi {
    let unit = CATALOGUE
        .iter()
        .find(|k| k.name == name)
        .map_or(Unit::Count, |k| k.unit.unit());
    SampleKpi {
        name,
        unit,
        levels,
        performance,
    }
}

/// A sample plan for the quarter containing `today`.
pub fn sample_plan(lang: Lang, ids: &mut impl IdSource, today: NaiveDate, now: DateTime<Utc>) -> Plan {
    let period = Period::starting_from(PeriodKind::Quarter, today);
    let quarter = period.start.month0() / 3 + 1;
    let name = Text::new(Key::SampleName)
        .with("year", period.start.year())
        .with("quarter", quarter)
        .render(lang);
    let text = |key| t(lang, key).to_owned();

    let goals_spec = [
        (
            Dimension::BrandVoice,
            Key::SampleGoalBrand,
            Key::SampleStrategyBrand,
            Key::SampleOwnerBrand,
            vec![
                catalogue_kpi(Key::KpiSearchVolume, [100_000, 115_000, 125_000], 1.04),
                SampleKpi {
                    name: Key::SampleKpiMedia,
                    unit: Unit::Count,
                    levels: [40, 50, 60],
                    performance: 0.9,
                },
            ],
        ),
        (
            Dimension::Acquisition,
            Key::SampleGoalLeads,
            Key::SampleStrategyLeads,
            Key::SampleOwnerLeads,
            vec![
                catalogue_kpi(Key::KpiQualifiedLeads, [2_000, 2_600, 3_000], 0.78),
                catalogue_kpi(Key::KpiLeadConversion, [9, 12, 14], 0.97),
                catalogue_kpi(Key::KpiCac, [130, 100, 85], 1.06),
            ],
        ),
        (
            Dimension::Retention,
            Key::SampleGoalRetention,
            Key::SampleStrategyRetention,
            Key::SampleOwnerRetention,
            vec![
                catalogue_kpi(Key::KpiRepurchase, [20, 23, 25], 1.0),
                catalogue_kpi(Key::KpiChurn, [8, 6, 5], 0.88),
            ],
        ),
        (
            Dimension::Revenue,
            Key::SampleGoalRevenue,
            Key::SampleStrategyRevenue,
            Key::SampleOwnerRevenue,
            vec![
                catalogue_kpi(Key::KpiRoi, [2, 3, 3], 1.0),
                catalogue_kpi(Key::KpiRevenue, [1_600_000, 2_000_000, 2_400_000], 0.96),
            ],
        ),
    ];

    let mut goals = Vec::new();
    for (dimension, title, strategy, owner, kpis) in goals_spec {
        let kpis = kpis
            .into_iter()
            .map(|spec| sample_kpi(lang, ids, &period, today, spec))
            .collect();
        goals.push(Goal {
            id: ids.item_id(),
            dimension,
            title: text(title),
            description: String::new(),
            strategy: text(strategy),
            due: Some(period.end),
            owner: text(owner),
            smart: Smart {
                specific: true,
                measurable: true,
                achievable: true,
                relevant: true,
                time_bound: true,
            },
            kpis,
            unknown: Unknown::new(),
        });
    }
    // ROI ≥ 2.5 (DOMAIN.md §3): the integer table above cannot say 2.5.
    if let Some(roi) = goals
        .iter_mut()
        .flat_map(|g| g.kpis.iter_mut())
        .find(|k| k.name == t(lang, Key::KpiRoi))
    {
        roi.target = Value::from_thousandths(2_500);
    }
    // Revenue loaded into the last month: a sprint (DOMAIN.md §3).
    if let Some(revenue) = goals
        .iter_mut()
        .flat_map(|g| g.kpis.iter_mut())
        .find(|k| k.name == t(lang, Key::KpiRevenue))
    {
        revenue.decomposition = Decomposition::weighted(revenue, &period, Granularity::Month, vec![1, 1, 2]);
    }

    let mut plan = Plan {
        id: ids.plan_id(),
        name,
        organisation: text(Key::SampleOrganisation),
        period,
        currency: Currency::default(),
        situation: Rc::default(),
        strategies: Rc::default(),
        team: Rc::default(),
        risks: Rc::default(),
        created_at: now,
        updated_at: now,
        summary: ExecutiveSummary {
            purpose: text(Key::SamplePurpose),
            background: text(Key::SampleBackground),
            headline_goals: text(Key::SampleHeadlineGoals),
            main_strategies: text(Key::SampleMainStrategies),
            unknown: Unknown::new(),
        },
        goals: Rc::new(goals),
        custom_dimensions: Vec::new(),
        dimension_weights: BTreeMap::new(),
        thresholds: Thresholds::default(),
        reviews: Rc::default(),
        implementation: Default::default(),
        budget: Default::default(),
        unknown: Unknown::new(),
    };
    plan.reviews = Rc::new(vec![sample_review(lang, ids, &plan)]);
    plan.period.launch_day = Some(plan.period.start + Duration::days(SAMPLE_LAUNCH_DAY));
    plan.implementation = Rc::new(sample_implementation(lang, ids, &plan.period, today));
    plan.budget = Rc::new(sample_budget(lang, ids, &plan.period, today));
    {
        plan.situation = Rc::new(super::sample_situation::situation(lang, ids, &plan, today));
    }
    plan.strategies = Rc::new(super::sample_strategy::strategies(lang, ids, &plan));
    plan.team = Rc::new(super::sample_team::team(lang, ids, &plan));
    plan.risks = Rc::new(super::sample_team::risks(lang, ids, &plan, today));
    // The training plan of DOMAIN.md §7: internal monthly, external quarterly.
    let training = &mut Rc::make_mut(&mut plan.implementation).meetings.training;
    training.internal.enabled = true;
    training.external.enabled = true;
    plan
}

/// A budget of 1,000,000 with a 12% reserve, lines close to DOMAIN.md §6's
/// splits (online a little over its 60%), payments up to today (one line
/// over budget) and channel results that fire every kind of advice: search
/// should lose money (ROI 0.8), Douyin is a cut candidate whose customers
/// cost too much, WeChat and Xiaohongshu should grow, WeChat converts well.
/// One approval is decided, one is waiting past its due date.
fn sample_budget(lang: Lang, ids: &mut impl IdSource, period: &Period, today: NaiveDate) -> Budget {
    use Category::*;
    use PriorityClass as P;
    let text = |key| text_of(lang, key);
    let mut b = Budget {
        total: TotalBasis::Amount {
            amount: Money::from_yuan(1_000_000),
        },
        reserve: Rate(1_200),
        ..Budget::default()
    };
    // (name, revenue, leads, customers, order value, repeat rate %)
    let channels = [
        (Key::SampleChanSearch, 120_000, 10_000, 1_200, None, None),
        (Key::SampleChanDouyin, 150_000, 4_000, 500, None, None),
        (Key::SampleChannelWechat, 300_000, 2_000, 440, Some(680), Some(35)),
        (Key::SampleChannelXhs, 90_000, 900, 150, None, None),
        (Key::SampleChanShows, 250_000, 600, 0, None, None),
    ];
    for (name, revenue, leads, customers, aov, repeat) in channels {
        let mut c = Channel::new(ids.item_id(), &text(name));
        c.revenue = Money::from_yuan(revenue);
        c.leads = leads;
        c.customers = customers;
        c.order_value = aov.map(Money::from_yuan);
        c.repeat_rate = repeat.map(|p: i64| Rate(p * 100));
        b.channels.push(c);
    }
    let months = calendar::months_between(period.start, period.end);
    let month = |i: usize| months.get(i).copied();
    // (name, planned, spent, category, channel index, online, function, key market, priority, month)
    let lines = [
        (
            Key::SampleLineSearch,
            200_000,
            150_000,
            Advertising,
            Some(0),
            true,
            Function::SalesPromotion,
            true,
            P::Acquisition,
            None,
        ),
        (
            Key::SampleLineFeed,
            160_000,
            100_000,
            Advertising,
            Some(1),
            true,
            Function::Brand,
            true,
            P::Acquisition,
            None,
        ),
        (
            Key::SampleLineWechat,
            120_000,
            60_000,
            Content,
            Some(2),
            true,
            Function::Brand,
            true,
            P::Brand,
            None,
        ),
        (
            Key::SampleLineXhs,
            60_000,
            20_000,
            Content,
            Some(3),
            true,
            Function::Brand,
            false,
            P::Conversion,
            None,
        ),
        (
            Key::SampleLineShow,
            150_000,
            100_000,
            Events,
            Some(4),
            false,
            Function::Brand,
            true,
            P::Brand,
            month(1),
        ),
        (
            Key::SampleLineSalon,
            40_000,
            0,
            Events,
            None,
            false,
            Function::SalesPromotion,
            false,
            P::Conversion,
            month(2),
        ),
        (
            Key::SampleLineResearch,
            30_000,
            34_000,
            Research,
            None,
            false,
            Function::Other,
            true,
            P::Brand,
            month(0),
        ),
        (
            Key::SampleLineCrm,
            50_000,
            15_000,
            Crm,
            None,
            true,
            Function::SalesPromotion,
            false,
            P::Conversion,
            None,
        ),
        (
            Key::SampleLinePos,
            40_000,
            0,
            Other,
            None,
            false,
            Function::SalesPromotion,
            false,
            P::Conversion,
            month(2),
        ),
    ];
    let owners = [Key::SampleOwnerLeads, Key::SampleOwnerBrand, Key::SampleOwnerRevenue];
    // Payments fall in thirds of the time gone so far, never after today.
    let elapsed = (today.min(period.end) - period.start).num_days().max(0);
    let paid_on = |k: i64| period.start + Duration::days(elapsed * k / 3);
    for (i, (name, planned, spent, category, channel, online, function, key_market, priority, month)) in
        lines.into_iter().enumerate()
    {
        let mut line = BudgetLine::new(ids.item_id(), &text(name), Money::from_yuan(planned));
        line.category = category;
        line.channel = channel.and_then(|c: usize| b.channels.get(c)).map(|c| c.id);
        line.reach = if online { Reach::Online } else { Reach::Offline };
        line.function = function;
        line.region = if key_market { Region::KeyMarkets } else { Region::Others };
        line.priority = priority;
        line.month = month;
        line.owner = text(owners[i % owners.len()]);
        for (k, part) in (1..=3).zip(apportion(Money::from_yuan(spent), &[1, 1, 1])) {
            if part.is_positive() {
                line.actuals.push(Actual {
                    id: ids.item_id(),
                    date: paid_on(k),
                    amount: part,
                    note: text(Key::SamplePayment),
                });
            }
        }
        b.lines.push(line);
    }
    let submitted = |days_ago: i64| (today - Duration::days(days_ago)).clamp(period.start, period.end);
    let show = &b.lines[4];
    b.approvals.push(ApprovalRequest {
        id: ids.item_id(),
        title: text(Key::SampleApprovalShow),
        amount: show.amount,
        line: Some(show.id),
        task: None,
        status: ApprovalStatus::Approved {
            submitted: submitted(30),
            on: submitted(27),
        },
        note: String::new(),
    });
    let search = &b.lines[0];
    b.approvals.push(ApprovalRequest {
        id: ids.item_id(),
        title: text(Key::SampleApprovalSearch),
        amount: Money::from_yuan(80_000),
        line: Some(search.id),
        task: None,
        status: ApprovalStatus::Submitted { on: submitted(6) },
        note: String::new(),
    });
    b
}

/// The sample's launch day T: week 8 of the quarter, so the launch example's
/// five weeks (T-3w .. T+2w) sit inside it.
const SAMPLE_LAUNCH_DAY: i64 = 49;

/// The launch around T with its phases, the event workflow at the start of
/// the quarter and a customer day's rhythm after T; statuses follow `today`
/// (finished before it, running on it), except one late task that shows
/// the overdue reminder. Content cadence as in DOMAIN.md §4, a theme per
/// month and two promotions that overlap, for the calendar's warning.
fn sample_implementation(lang: Lang, ids: &mut impl IdSource, period: &Period, today: NaiveDate) -> Implementation {
    let words = |key: &'static str| t_id(lang, key);
    let launch = period.launch_day;
    let mut imp = Implementation::default();
    let growth_weeks =
        u32::try_from((period.end - period.start).num_days() - SAMPLE_LAUNCH_DAY).map_or(4, |days| days / 7);
    imp.phases = launch_phases(growth_weeks, ids, &words);
    let mut tasks = Workflow::Event.tasks(When::Date(period.start + Duration::days(7)), ids, &words);
    tasks.extend(launch_example(ids, &words));
    let customer_day = When::FromLaunch(28);
    tasks.extend(event_rhythm(
        &words("sample.event_name"),
        customer_day,
        Rhythm::default(),
        ids,
        &words,
    ));
    let owners = [
        Key::SampleOwnerBrand,
        Key::SampleOwnerLeads,
        Key::SampleOwnerRetention,
        Key::SampleOwnerRevenue,
    ];
    let mut late_shown = false;
    for (i, task) in tasks.iter_mut().enumerate() {
        task.owner = t(lang, owners[i % owners.len()]).to_owned();
        task.phase = phase_for(task, &imp.phases, launch);
        let Some((start, end)) = task.dates(launch) else {
            continue;
        };
        (task.status, task.progress) = if end < today {
            // The last task that should have finished is still open.
            if !late_shown && end + Duration::days(7) >= today {
                late_shown = true;
                (TaskStatus::InProgress, Progress::new(80).unwrap_or_default())
            } else {
                (TaskStatus::Done, Progress::DONE)
            }
        } else if start <= today {
            (TaskStatus::InProgress, Progress::new(40).unwrap_or_default())
        } else {
            (TaskStatus::NotStarted, Progress::default())
        };
    }
    if let Some(go_live) = tasks.iter_mut().find(|t| t.start == When::FromLaunch(0)) {
        go_live.priority = Priority::High;
        go_live.milestone = true;
    }
    imp.tasks = tasks;
    for (month, key) in calendar::months_between(period.start, period.end).into_iter().zip([
        Key::SampleTheme1,
        Key::SampleTheme2,
        Key::SampleTheme3,
    ]) {
        imp.themes.insert(Implementation::month_key(month), text_of(lang, key));
    }
    if let Some(t) = launch {
        let event = |ids: &mut dyn IdSource, key, from: i64, to: i64, promotion| KeyEvent {
            id: ids.item_id(),
            title: text_of(lang, key),
            start: t + Duration::days(from),
            end: t + Duration::days(to),
            promotion,
        };
        imp.events = vec![
            event(ids, Key::SampleEventLaunch, 0, 0, false),
            event(ids, Key::SampleEventOffer, 0, 6, true),
            event(ids, Key::SampleEventMemberDays, 5, 10, true),
        ];
    }
    imp.content = [
        (Key::SampleChannelWechat, 2, Per::Week),
        (Key::SampleChannelVideo, 3, Per::Week),
        (Key::SampleChannelXhs, 5, Per::Week),
        (Key::SampleChannelMedia, 1, Per::Month),
    ]
    .into_iter()
    .map(|(key, count, per)| ContentCadence {
        id: ids.item_id(),
        channel: text_of(lang, key),
        count,
        per,
    })
    .collect();
    imp
}

fn text_of(lang: Lang, key: Key) -> String {
    t(lang, key).to_owned()
}

fn sample_kpi(lang: Lang, ids: &mut impl IdSource, period: &Period, today: NaiveDate, spec: SampleKpi) -> Kpi {
    let [baseline, target, challenge] = spec.levels.map(Value::from_units);
    let direction = if baseline > target {
        Direction::LowerIsBetter
    } else {
        Direction::HigherIsBetter
    };
    let aggregation = if matches!(spec.unit, Unit::Count | Unit::Currency)
        && direction == Direction::HigherIsBetter
        && spec.name != Key::KpiCac
    {
        Aggregation::Additive
    } else {
        Aggregation::Level
    };
    let mut kpi = Kpi {
        id: ids.item_id(),
        name: t(lang, spec.name).to_owned(),
        unit: spec.unit,
        direction,
        aggregation,
        baseline,
        target,
        challenge,
        check_ins: Vec::new(),
        decomposition: None,
        unknown: Unknown::new(),
    };
    // A check-in every two weeks up to today, at the KPI's performance.
    let mut day = period.start + Duration::days(13);
    while day <= today.min(period.end) {
        let expected = kpi.expected_on(period, day).unwrap_or(target).as_f64();
        let actual = match direction {
            Direction::HigherIsBetter => expected * spec.performance,
            Direction::LowerIsBetter => expected / spec.performance,
        };
        // Leads and yuan are whole numbers; rates keep a decimal.
        let scale = match kpi.unit {
            Unit::Count | Unit::Currency | Unit::Points => 1.0,
            _ => 10.0,
        };
        let value = Value::from_f64((actual * scale).round() / scale).unwrap_or(expected_or_zero(expected));
        kpi.check_ins.push(CheckIn {
            id: ids.item_id(),
            date: day,
            value,
            note: String::new(),
        });
        day += Duration::days(14);
    }
    kpi
}

fn expected_or_zero(x: f64) -> Value {
    Value::from_f64(x).unwrap_or(Value::ZERO)
}

/// A monthly review of the plan's first month, already written up.
fn sample_review(lang: Lang, ids: &mut impl IdSource, plan: &Plan) -> Review {
    let first_month = Cadence::Month.choices(&plan.period)[0];
    let mut causes = BTreeMap::new();
    if let Some(leads) = plan
        .goals
        .iter()
        .flat_map(|g| &g.kpis)
        .find(|k| k.name == t(lang, Key::KpiQualifiedLeads))
    {
        causes.insert(leads.id, t(lang, Key::SampleReviewCause).to_owned());
    }
    Review {
        id: ids.item_id(),
        cadence: Cadence::Month,
        start: first_month.start,
        end: first_month.end,
        highlights: t(lang, Key::SampleReviewHighlights).to_owned(),
        causes,
        adjustments: t(lang, Key::SampleReviewAdjustments).to_owned(),
        lessons: vec![
            Lesson {
                id: ids.item_id(),
                kind: LessonKind::Keep,
                text: t(lang, Key::SampleLessonKeep).to_owned(),
            },
            Lesson {
                id: ids.item_id(),
                kind: LessonKind::Avoid,
                text: t(lang, Key::SampleLessonAvoid).to_owned(),
            },
        ],
        unknown: Unknown::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::core::ids::CountingIds;
    use crate::domain::goals::dashboard::Dashboard;
    use crate::domain::goals::kpi::Status;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    #[test]
    fn the_sample_is_a_valid_plan_for_the_current_quarter_in_each_language() {
        let zh = sample_plan(Lang::ZhCn, &mut CountingIds::default(), today(), Utc::now());
        let en = sample_plan(Lang::En, &mut CountingIds::default(), today(), Utc::now());
        assert_eq!(zh.name, "2026年第4季度市场部工作计划（示例）");
        assert_eq!(en.name, "Marketing department plan, Q4 2026 (sample)");
        for plan in [&zh, &en] {
            assert_eq!(plan.validate(), Ok(()));
            assert_eq!(plan.period.start, NaiveDate::from_ymd_opt(2026, 10, 1).unwrap());
            assert_eq!(plan.summary.headline_goals.lines().count(), 4, "3-5 headline goals");
        }
        assert!(zh.summary.headline_goals.contains("CAC"));
    }

    #[test]
    fn the_sample_dashboard_is_alive() {
        let plan = sample_plan(Lang::En, &mut CountingIds::default(), today(), Utc::now());
        assert_eq!(plan.goals.len(), 4);
        for goal in plan.goals.iter() {
            assert!(!goal.kpis.is_empty());
            for kpi in &goal.kpis {
                assert_eq!(kpi.check_levels(), Ok(()), "{}", kpi.name);
                // Fortnightly from 14 Oct: 14 Oct, 28 Oct and 11 Nov.
                assert_eq!(
                    kpi.history(&plan.period).len(),
                    3,
                    "{}: check-ins up to 23 Nov",
                    kpi.name
                );
            }
        }
        let dashboard = Dashboard::new(&plan, today());
        for status in [Status::OnTrack, Status::AtRisk, Status::OffTrack] {
            assert!(dashboard.count(status) > 0, "some KPI is {status:?}");
        }
        assert!(dashboard.overall.is_some());
        let revenue = plan.goals[3].kpis.iter().find(|k| k.name == "Revenue").unwrap();
        let split = revenue.decomposition.as_ref().unwrap();
        assert!(split.check(revenue, &plan.period).is_valid());
        assert_eq!(plan.reviews.len(), 1);
        assert_eq!(plan.reviews[0].lessons.len(), 2);
    }

    #[test]
    fn the_sample_implementation_plan_runs_around_t() {
        use crate::domain::implementation::schedule::{reminders, Analysis};
        let plan = sample_plan(Lang::ZhCn, &mut CountingIds::default(), today(), Utc::now());
        let t = plan.period.launch_day.expect("a launch day");
        assert_eq!(t, NaiveDate::from_ymd_opt(2026, 11, 19).unwrap());
        let imp = &plan.implementation;
        assert_eq!(imp.phases.len(), 3);
        assert_eq!(imp.tasks.len(), 8 + 5 + 3);
        assert!(imp.tasks.iter().all(|t| t.phase.is_some() || !t.start.is_relative()));
        let analysis = Analysis::of(&imp.tasks, Some(t));
        assert!(analysis.cycle.is_none());
        assert!(analysis.flags.is_empty(), "{:?}", analysis.flags);
        let r = reminders(&imp.tasks, Some(t), today(), imp.reminder_days);
        assert_eq!(r.overdue.len(), 1, "one late task to show");
        assert!(!r.due_soon.is_empty());
        assert_eq!(imp.overlapping_promotions().len(), 1);
        assert_eq!(imp.themes.len(), 3);
        assert_eq!(imp.content.len(), 4);
        assert!(imp.tasks.iter().all(|t| !t.title.starts_with("tpl.")));
    }

    #[test]
    fn the_sample_budget_fires_every_kind_of_advice() {
        use crate::domain::budget::approval::is_overdue;
        use crate::domain::budget::roi::{advice, figures, Advice};
        use crate::domain::budget::BudgetFlag;
        let plan = sample_plan(Lang::En, &mut CountingIds::default(), today(), Utc::now());
        let b = &plan.budget;
        let all: Vec<Advice> = b
            .channels
            .iter()
            .flat_map(|c| advice(&figures(b, c), &b.rules))
            .collect();
        for kind in ["MoveAway", "Cut", "Grow", "Pause", "Add"] {
            assert!(
                all.iter().any(|a| format!("{a:?}").starts_with(kind)),
                "{kind}: {all:?}"
            );
        }
        assert!(b.planned() <= b.available());
        let flags = b.flags(&plan.period, today());
        assert!(flags.iter().any(|f| matches!(f, BudgetFlag::LineOverBudget { .. })));
        assert!(!flags
            .iter()
            .any(|f| matches!(f, BudgetFlag::ActualOutsidePeriod { .. })));
        let cal = plan.working_calendar();
        let overdue = b
            .approvals
            .iter()
            .filter(|a| is_overdue(&b.tiers, &cal, a, today()))
            .count();
        assert_eq!(overdue, 1);
        assert!(b.lines.iter().flat_map(|l| &l.actuals).all(|a| a.date <= today()));
    }
}
