//! The plan file as colleagues exchange it: real files of every schema
//! version, round trips of arbitrary plans, and hostile input.

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use marketplan::domain::budget::{Actual, Budget, BudgetFlag, BudgetLine};
use marketplan::domain::core::ids::ItemId;
use marketplan::domain::core::ids::PlanId;
use marketplan::domain::core::money::Money;
use marketplan::domain::core::period::{Period, PeriodKind};
use marketplan::domain::core::rate::Rate;
use marketplan::domain::core::value::Value;
use marketplan::domain::goals::goal::{Dimension, Goal};
use marketplan::domain::goals::kpi::{Aggregation, CheckIn, Direction, Kpi, Unit};
use marketplan::domain::goals::kpi::{KpiError, Thresholds};
use marketplan::domain::implementation::schedule::{Task, When};
use marketplan::domain::implementation::Implementation;
use marketplan::domain::plan::library::Library;
use marketplan::domain::plan::{Currency, ExecutiveSummary, Plan, Unknown};
use marketplan::domain::situation::{
    Competitor, DecisionFactor, Factor, Impact, Move, MoveKind, Persona, PestelItem, Score, Situation, SwotItem,
    SwotKind, TowsKind, TowsStrategy,
};
use marketplan::storage::format::{decode, decode_import, encode_file, encode_library, FileError, FileKind};
use proptest::prelude::*;
use std::collections::BTreeMap;
use std::rc::Rc;

const V1_BACKUP: &str = include_str!("fixtures/v1-backup.mplan.json");
const V2_SAMPLE: &str = include_str!("fixtures/v2-sample.mplan.json");
const V3_SAMPLE: &str = include_str!("fixtures/v3-sample.mplan.json");
const V4_SAMPLE: &str = include_str!("fixtures/v4-sample.mplan.json");
const V5_SAMPLE: &str = include_str!("fixtures/v5-sample.mplan.json");
const V6_SAMPLE: &str = include_str!("fixtures/v6-sample.mplan.json");
const V7_SAMPLE: &str = include_str!("fixtures/v7-sample.mplan.json");

/// The sample plan of 3 December 2026 as a file: how the newest fixture was
/// made (`cargo test --test file_format -- --ignored write_the_newest_fixture`),
/// kept so the next schema step can make its own the same way.
#[test]
#[ignore]
fn write_the_newest_fixture() {
    use marketplan::domain::core::ids::CountingIds;
    use marketplan::domain::plan::sample::sample_plan;
    use marketplan::i18n::Lang;
    let now = Utc.with_ymd_and_hms(2026, 12, 3, 9, 0, 0).unwrap();
    let plan = sample_plan(Lang::En, &mut CountingIds(0x8000), date(2026, 12, 3), now);
    let text = encode_file(FileKind::Plan, &[plan], now);
    std::fs::write("tests/fixtures/v7-sample.mplan.json", text).unwrap();
}

#[test]
fn a_version_5_file_reads_with_its_situation_analysis_and_writes_back_the_same() {
    let envelope = decode(V5_SAMPLE).expect("a v5 file reads");
    let s = &envelope.plans[0].situation;
    assert_eq!(s.pestel.len(), 7);
    assert_eq!(s.forces.len(), 5);
    assert_eq!(s.tows.len(), 4);
    assert_eq!(s.competitors.len(), 3);
    assert!(s.personas[0].is_complete(), "weights 40/25/20/15");
    assert!(s
        .tows
        .iter()
        .all(|t| s.tows_flags(t, |g| envelope.plans[0].goal(g).is_some()).is_empty()));
    let again = encode_file(envelope.kind, &envelope.plans, envelope.exported_at);
    assert_eq!(
        again,
        V5_SAMPLE.replacen("\"schema_version\": 5,", "\"schema_version\": 7,", 1)
    );
}

#[test]
fn a_version_6_file_reads_with_its_strategies_and_writes_back_the_same() {
    use marketplan::domain::strategy::{channels, coverage};
    let envelope = decode(V6_SAMPLE).expect("a v6 file reads");
    let plan = &envelope.plans[0];
    let c = &plan.strategies;
    assert_eq!(c.strategies.len(), 7);
    assert_eq!(c.products.len(), 3);
    assert_eq!(c.products[0].ladder_flags(), vec![]);
    assert_eq!(channels::share_sum(&c.channels), channels::ShareSum::Whole);
    assert_eq!(
        c.kols
            .iter()
            .filter(|k| !k.failures(&c.kol_criteria).is_empty())
            .count(),
        1
    );
    assert_eq!(c.tiers.len(), 3);
    let gaps = coverage(plan);
    assert!(gaps.dangling.is_empty());
    assert_eq!(gaps.without_budget.len(), 1);
    let again = encode_file(envelope.kind, &envelope.plans, envelope.exported_at);
    assert_eq!(
        again,
        V6_SAMPLE.replacen("\"schema_version\": 6,", "\"schema_version\": 7,", 1)
    );
}

#[test]
fn a_version_7_file_reads_with_its_team_and_risks_and_writes_back_the_same() {
    use marketplan::domain::team::raci::check;
    let envelope = decode(V7_SAMPLE).expect("a v7 file reads");
    let plan = &envelope.plans[0];
    assert_eq!(plan.team.positions.len(), 12);
    assert_eq!(plan.team.positions.iter().filter(|p| p.is_vacant()).count(), 2);
    assert_eq!(check(&plan.team, &plan.implementation.tasks).rows.len(), 2);
    assert_eq!(plan.risks.risks.len(), 8);
    assert_eq!(plan.risks.incidents.len(), 1);
    assert!(plan.implementation.meetings.training.internal.enabled);
    let again = encode_file(envelope.kind, &envelope.plans, envelope.exported_at);
    assert_eq!(again, V7_SAMPLE);
}

/// A colleague's team and register that break their rules load as they
/// are, flagged: a reporting loop, RACI rows of tasks that are not in the
/// file, a risk owned by a position that is not there.
#[test]
fn imported_reporting_loops_and_dangling_links_load_and_are_flagged() {
    use marketplan::domain::risk::{assess, Context, RiskFlag};
    use marketplan::domain::team::raci::check;
    use marketplan::domain::team::{org_chart, ChartFlag};
    let mut doc: serde_json::Value = serde_json::from_str(V7_SAMPLE).unwrap();
    let team = &mut doc["plans"][0]["team"];
    let top = team["positions"][0]["id"].clone();
    let second = team["positions"][1]["id"].clone();
    team["positions"][0]["reports_to"] = second;
    let gone = "00000000-0000-4000-8000-00000000dead";
    team["raci"][gone] = serde_json::json!({ top.as_str().unwrap(): "A" });
    doc["plans"][0]["risks"]["risks"][0]["owner"] = serde_json::json!(gone);
    let plans = decode_import(&serde_json::to_string(&doc).unwrap()).expect("loads, not dropped");
    let plan = &plans[0];
    let chart = org_chart(&plan.team.positions);
    assert_eq!(chart.len(), 12, "every position drawn once");
    assert!(chart.iter().any(|n| n.flag == Some(ChartFlag::InLoop)));
    let raci = check(&plan.team, &plan.implementation.tasks);
    assert_eq!(raci.missing_tasks.len(), 1);
    let kpi = |id| plan.kpi(id).map(|(_, k)| k);
    let has = |id| plan.team.position(id).is_some();
    let cx = Context {
        kpi: &kpi,
        has_position: &has,
        period: &plan.period,
        today: date(2026, 12, 3),
    };
    let a = assess(&plan.risks.risks[0], plan.risks.bands, &cx);
    assert!(a.flags.contains(&RiskFlag::OwnerMissing));
    // A likelihood outside 1-5 is refused with the reason.
    let bad = V7_SAMPLE.replacen("\"likelihood\": 2", "\"likelihood\": 9", 1);
    match decode_import(&bad) {
        Err(FileError::Invalid { detail, .. }) => assert!(detail.contains("1-5"), "{detail}"),
        other => panic!("{other:?}"),
    }
}

/// A colleague's chapter 4 that breaks its checks loads as it is, flagged:
/// a ladder under its floor, shares that do not make 100%, links to tasks
/// that are not in the file.
#[test]
fn imported_strategies_that_break_their_checks_load_and_are_flagged() {
    use marketplan::domain::strategy::{channels, coverage, pricing::LadderFlag, Dangling};
    let mut doc: serde_json::Value = serde_json::from_str(V6_SAMPLE).unwrap();
    let c = &mut doc["plans"][0]["strategies"];
    c["products"][0]["member"] = serde_json::json!(12_000);
    c["channels"][0]["share"] = serde_json::json!(5_000);
    let gone = "00000000-0000-4000-8000-00000000dead";
    c["strategies"][1]["tasks"] = serde_json::json!([gone]);
    let plans = decode_import(&serde_json::to_string(&doc).unwrap()).expect("loads, not dropped");
    let c = &plans[0].strategies;
    assert!(matches!(
        c.products[0].ladder_flags()[..],
        [LadderFlag::UnderFloor { .. }]
    ));
    assert_eq!(
        channels::share_sum(&c.channels),
        channels::ShareSum::Off(marketplan::domain::core::rate::Rate(13_000))
    );
    let gaps = coverage(&plans[0]);
    assert!(matches!(gaps.dangling[..], [(_, Dangling::Task(_))]));
    assert!(gaps.without_tasks.contains(&c.strategies[1].id));
}

#[test]
fn imported_analysis_with_dangling_links_and_bad_weights_loads_and_is_flagged() {
    let mut doc: serde_json::Value = serde_json::from_str(V5_SAMPLE).unwrap();
    let s = &mut doc["plans"][0]["situation"];
    s["tows"][0]["swot"][0] = serde_json::json!("00000000-0000-4000-8000-00000000dead");
    s["personas"][0]["factors"][0]["weight"] = serde_json::json!(3000);
    let text = serde_json::to_string(&doc).unwrap();
    let plans = decode_import(&text).expect("loads, not dropped");
    let s = &plans[0].situation;
    let flags = s.tows_flags(&s.tows[0], |_| true);
    assert_eq!(flags.len(), 1, "{flags:?}");
    assert_eq!(s.tows[0].swot.len(), 2, "the dangling link is kept");
    assert!(!s.personas[0].is_complete());
    assert_eq!(s.personas[0].weight_sum(), Rate(9_000));
    // A score outside 1-5 is refused with where it is.
    let bad = V5_SAMPLE.replacen("\"weight\": 5", "\"weight\": 9", 1);
    match decode_import(&bad) {
        // The plan's field map for unknown fields hides the path below it.
        Err(FileError::Invalid { path, detail }) => {
            assert_eq!(path, "plans[0]");
            assert!(detail.contains("a score is 1 to 5"), "{detail}");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_version_1_file_still_reads() {
    let envelope = decode(V1_BACKUP).expect("a v1 file reads");
    assert_eq!(envelope.kind, FileKind::Backup);
    let names: Vec<&str> = envelope.plans.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "2026年第4季度市场部工作计划（示例）",
            "Marketing department plan, Q1 2027 (sample)"
        ]
    );
    let q1 = &envelope.plans[1].period;
    assert_eq!(
        (q1.kind, q1.start, q1.end),
        (PeriodKind::Quarter, date(2027, 1, 1), date(2027, 3, 31))
    );
    assert_eq!(envelope.plans[0].id.to_string(), "00000000-0000-4000-8000-000000005eee");
}

#[test]
fn a_version_1_file_is_migrated_with_empty_goals_and_reviews() {
    let envelope = decode(V1_BACKUP).unwrap();
    for plan in &envelope.plans {
        assert!(plan.goals.is_empty() && plan.reviews.is_empty());
        assert_eq!(plan.thresholds, Thresholds::default());
    }
    let again = encode_file(envelope.kind, &envelope.plans, envelope.exported_at);
    assert!(again.contains("\"schema_version\": 7,"));
    assert!(again.contains("\"goals\": [],"));
}

#[test]
fn a_version_2_file_reads_and_exports_back_byte_for_byte() {
    let envelope = decode(V2_SAMPLE).expect("a v2 file reads");
    let plan = &envelope.plans[0];
    assert_eq!(plan.goals.len(), 4);
    let leads = plan.goals[1]
        .kpis
        .iter()
        .find(|k| k.name == "Qualified leads")
        .expect("a KPI");
    assert_eq!(
        (leads.baseline.grouped(), leads.target.grouped()),
        ("2,000".into(), "2,600".into())
    );
    assert_eq!(leads.check_ins.len(), 3);
    assert_eq!(plan.reviews[0].lessons.len(), 2);
    // Version 3 added the implementation plan: empty, with default meetings.
    assert_eq!(*plan.implementation, Implementation::default());
    let again = encode_file(envelope.kind, &envelope.plans, envelope.exported_at);
    let back = decode(&again).expect("the upgraded file reads");
    assert_eq!(back.plans, envelope.plans);
    assert!(again.contains("\"schema_version\": 7,"));
}

#[test]
fn a_version_3_file_reads_and_exports_back_byte_for_byte() {
    let envelope = decode(V3_SAMPLE).expect("a v3 file reads");
    let imp = &envelope.plans[0].implementation;
    assert!(imp.tasks.len() >= 10, "{}", imp.tasks.len());
    assert!(imp.tasks.iter().any(|t| !t.depends_on.is_empty()));
    assert!(!imp.content.is_empty() && !imp.events.is_empty());
    // Version 4 added the budget: empty, with the handbook's defaults.
    assert_eq!(*envelope.plans[0].budget, Budget::default());
    let again = encode_file(envelope.kind, &envelope.plans, envelope.exported_at);
    assert!(again.contains("\"schema_version\": 7,"));
    assert_eq!(decode(&again).expect("reads back").plans, envelope.plans);
}

#[test]
fn a_version_4_file_reads_and_exports_back_the_same_but_for_its_version() {
    let envelope = decode(V4_SAMPLE).expect("a v4 file reads");
    let budget = &envelope.plans[0].budget;
    assert_eq!(budget.total(), Money::from_yuan(1_000_000));
    assert_eq!(budget.lines.len(), 9);
    assert_eq!(budget.channels.len(), 5);
    assert_eq!(budget.approvals.len(), 2);
    assert!(budget.lines.iter().any(|l| !l.actuals.is_empty()));
    // Written back, it is the same file at the current version.
    let again = encode_file(envelope.kind, &envelope.plans, envelope.exported_at);
    assert_eq!(
        again,
        V4_SAMPLE.replacen("\"schema_version\": 4", "\"schema_version\": 7", 1)
    );
}

#[test]
fn imported_budgets_that_do_not_add_up_load_and_are_flagged() {
    // A negative line, a payment outside the period, a split of 110%.
    let mut doc: serde_json::Value = serde_json::from_str(V4_SAMPLE).unwrap();
    let budget = &mut doc["plans"][0]["budget"];
    budget["lines"][0]["amount"] = serde_json::json!(-20_000_000);
    budget["lines"][1]["actuals"][0]["date"] = serde_json::json!("2025-10-14");
    budget["splits"]["channel"]["online"] = serde_json::json!(7000);
    let text = serde_json::to_string(&doc).unwrap();
    let plans = decode_import(&text).expect("loads, not dropped");
    let plan = &plans[0];
    let flags = plan.budget.flags(&plan.period, date(2026, 11, 26));
    assert!(
        flags.iter().any(|f| matches!(f, BudgetFlag::NegativeAmount { .. })),
        "{flags:?}"
    );
    assert!(flags
        .iter()
        .any(|f| matches!(f, BudgetFlag::ActualOutsidePeriod { .. })));
    assert!(flags.iter().any(|f| matches!(f, BudgetFlag::SplitDoesNotAddUp { .. })));
    // An amount past the limit is refused with its path, not wrapped around.
    let huge = V4_SAMPLE.replacen("\"amount\": 100000000", "\"amount\": 99999999999999999999", 1);
    assert!(decode_import(&huge).is_err());
}

#[test]
fn imported_kpis_with_inconsistent_levels_load_and_are_flagged() {
    let text = V2_SAMPLE.replacen("\"target\": 2600,", "\"target\": 1500,", 1);
    let plans = decode_import(&text).expect("loads, not dropped");
    let leads = plans[0].goals[1]
        .kpis
        .iter()
        .find(|k| k.name == "Qualified leads")
        .unwrap();
    assert_eq!(leads.check_levels(), Err(KpiError::LevelsOutOfOrder));
}

#[test]
fn a_newer_compatible_file_keeps_what_it_added() {
    let text = V1_BACKUP.replacen(
        "\"currency\": \"CNY\",",
        "\"currency\": \"CNY\",\n      \"kpis\": [{\"name\": \"CAC\"}],",
        1,
    );
    let plans = decode_import(&text).unwrap();
    let out = encode_file(FileKind::Plan, &plans[..1], Utc::now());
    assert!(
        out.contains("\"kpis\": [\n        {\n          \"name\": \"CAC\""),
        "{out}"
    );
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn arb_text() -> impl Strategy<Value = String> {
    // Chinese, markup, quotes, control characters, emoji: what users and
    // hostile files put in text fields.
    prop::string::string_regex("[a-zA-Z0-9 市场计划目标渠道<>&\"'\\\\/\n\t\u{0}-\u{1f}😀]{0,40}").unwrap()
}

fn arb_time() -> impl Strategy<Value = DateTime<Utc>> {
    (0i64..2_000_000_000, 0u32..1_000)
        .prop_map(|(s, ms)| Utc.timestamp_opt(s, ms * 1_000_000).single().unwrap_or_default())
}

fn arb_id() -> impl Strategy<Value = ItemId> {
    any::<[u8; 16]>().prop_map(ItemId::from_random)
}

fn arb_day() -> impl Strategy<Value = NaiveDate> {
    (0i64..30_000).prop_map(|d| date(1990, 1, 1) + Duration::days(d))
}

/// Values as a KPI holds them: thousandths, negative ones included.
fn arb_value() -> impl Strategy<Value = Value> {
    (-1_000_000_000i64..1_000_000_000).prop_map(Value::from_thousandths)
}

fn arb_kpi() -> impl Strategy<Value = Kpi> {
    (
        arb_id(),
        arb_text(),
        prop::sample::select(vec![
            Unit::Percent,
            Unit::Count,
            Unit::Currency,
            Unit::Points,
            Unit::Ratio,
            Unit::Custom("人次".into()),
        ]),
        prop::bool::ANY,
        (arb_value(), arb_value(), arb_value()),
        prop::collection::vec((arb_id(), arb_day(), arb_value(), arb_text()), 0..4),
    )
        .prop_map(
            |(id, name, unit, lower, (baseline, target, challenge), check_ins)| Kpi {
                id,
                name,
                unit,
                direction: if lower {
                    Direction::LowerIsBetter
                } else {
                    Direction::HigherIsBetter
                },
                aggregation: if lower {
                    Aggregation::Level
                } else {
                    Aggregation::Additive
                },
                baseline,
                target,
                challenge,
                check_ins: check_ins
                    .into_iter()
                    .map(|(id, date, value, note)| CheckIn { id, date, value, note })
                    .collect(),
                decomposition: None,
                unknown: Unknown::new(),
            },
        )
}

fn arb_goal() -> impl Strategy<Value = Goal> {
    (
        arb_id(),
        prop::sample::select(Dimension::BUILT_IN.to_vec()),
        arb_text(),
        (arb_text(), arb_text(), prop::option::of(arb_day())),
        prop::collection::vec(arb_kpi(), 0..3),
    )
        .prop_map(|(id, dimension, title, (description, strategy, due), kpis)| Goal {
            id,
            dimension,
            title,
            description,
            strategy,
            due,
            owner: String::new(),
            smart: Default::default(),
            kpis,
            unknown: Unknown::new(),
        })
}

/// Tasks with fixed dates or dates counted from T, each depending on some
/// of the tasks before it.
fn arb_tasks() -> impl Strategy<Value = Vec<Task>> {
    prop::collection::vec(
        (
            arb_id(),
            arb_text(),
            arb_day(),
            0i64..60,
            -60i32..60,
            prop::bool::ANY,
            any::<u8>(),
            arb_text(),
        ),
        0..6,
    )
    .prop_map(|rows| {
        let mut tasks: Vec<Task> = Vec::new();
        for (id, title, start, days, offset, relative, picks, notes) in rows {
            let (s, e) = if relative {
                (When::FromLaunch(offset), When::FromLaunch(offset + days as i32))
            } else {
                (When::Date(start), When::Date(start + Duration::days(days)))
            };
            let mut task = Task::new(id, &title, s, e);
            task.notes = notes;
            task.milestone = picks % 5 == 0;
            task.depends_on = tasks
                .iter()
                .enumerate()
                .filter(|(i, _)| picks >> (i % 8) & 1 == 1)
                .map(|(_, t)| t.id)
                .collect();
            tasks.push(task);
        }
        tasks
    })
}

fn arb_lines() -> impl Strategy<Value = Vec<BudgetLine>> {
    prop::collection::vec(
        (
            arb_id(),
            arb_text(),
            0i64..10_000_000_000,
            prop::collection::vec((arb_id(), arb_day(), 0i64..100_000_000, arb_text()), 0..4),
        ),
        0..4,
    )
    .prop_map(|rows| {
        rows.into_iter()
            .map(|(id, name, fen, payments)| {
                let mut line = BudgetLine::new(id, &name, Money::from_fen(fen));
                line.actuals = payments
                    .into_iter()
                    .map(|(id, date, fen, note)| Actual {
                        id,
                        date,
                        amount: Money::from_fen(fen),
                        note,
                    })
                    .collect();
                line
            })
            .collect()
    })
}

/// Chapter 2 with links that may dangle (a file can hold any), prices,
/// marks and weights that need not add up.
fn arb_situation() -> impl Strategy<Value = Situation> {
    (
        prop::collection::vec(
            (
                arb_id(),
                0usize..6,
                0usize..3,
                1u8..=5,
                arb_text(),
                prop::option::of(arb_day()),
            ),
            0..4,
        ),
        prop::collection::vec((arb_id(), 0usize..4, arb_text(), prop::bool::ANY), 0..4),
        prop::collection::vec(
            (arb_id(), 0usize..4, arb_text(), any::<u8>(), prop::option::of(arb_id())),
            0..3,
        ),
        prop::collection::vec(
            (
                arb_id(),
                arb_text(),
                prop::option::of(0i64..=10_000),
                arb_day(),
                0i64..1_000_000,
                0i64..1_000_000,
            ),
            0..3,
        ),
        prop::collection::vec(
            (
                arb_id(),
                arb_text(),
                prop::collection::vec((arb_id(), arb_text(), 0i64..=10_000), 0..4),
            ),
            0..2,
        ),
        0i64..=10_000,
    )
        .prop_map(|(pestel, swot, tows, competitors, personas, threshold)| {
            let mut s = Situation {
                pestel: pestel
                    .into_iter()
                    .map(|(id, f, i, w, finding, date)| PestelItem {
                        id,
                        factor: Factor::ALL[f],
                        finding,
                        impact: Impact::ALL[i],
                        weight: Score::new(w).unwrap_or_default(),
                        source: String::new(),
                        date,
                    })
                    .collect(),
                price_threshold: Rate(threshold),
                ..Situation::default()
            };
            let from: Vec<ItemId> = s.pestel.iter().map(|p| p.id).collect();
            s.swot = swot
                .into_iter()
                .map(|(id, k, text, linked)| SwotItem {
                    id,
                    kind: SwotKind::ALL[k],
                    text,
                    weight: Score::MID,
                    from_pestel: from.first().copied().filter(|_| linked),
                })
                .collect();
            let swot_ids: Vec<ItemId> = s.swot.iter().map(|p| p.id).collect();
            s.tows = tows
                .into_iter()
                .map(|(id, k, action, picks, dangling)| TowsStrategy {
                    id,
                    kind: TowsKind::ALL[k],
                    action,
                    swot: swot_ids
                        .iter()
                        .enumerate()
                        .filter(|(i, _)| picks >> (i % 8) & 1 == 1)
                        .map(|(_, id)| *id)
                        .chain(dangling)
                        .collect(),
                    goals: dangling.into_iter().collect(),
                })
                .collect();
            s.personas = personas
                .into_iter()
                .map(|(id, name, factors)| {
                    let mut p = Persona::new(id, &name);
                    p.factors = factors
                        .into_iter()
                        .map(|(id, name, w)| DecisionFactor {
                            id,
                            name,
                            weight: Rate(w),
                        })
                        .collect();
                    p
                })
                .collect();
            let factor = s.personas.first().and_then(|p| p.factors.first()).map(|f| f.id);
            s.competitors = competitors
                .into_iter()
                .map(|(id, name, share, date, old, new)| {
                    let mut c = Competitor::new(id, &name);
                    c.share = share.map(Rate);
                    c.moves.push(Move {
                        id,
                        date,
                        kind: MoveKind::Price,
                        text: name.clone(),
                        old_price: Some(Money::from_fen(old)),
                        new_price: Some(Money::from_fen(new)),
                    });
                    if let Some(f) = factor {
                        c.scores
                            .insert(f, Score::new(((old % 5) + 1) as u8).unwrap_or_default());
                    }
                    c
                })
                .collect();
            s
        })
}

fn arb_chapter_two() -> impl Strategy<Value = Situation> {
    arb_situation()
}

/// Chapter 4 with hostile texts, any amounts, dates and links.
fn arb_chapter_four() -> impl Strategy<Value = marketplan::domain::strategy::Strategies> {
    use marketplan::domain::strategy::channels::{Channel, ChannelKind, Kol};
    use marketplan::domain::strategy::pricing::{BulkTier, Product, Promotion};
    use marketplan::domain::strategy::{Area, Strategies, Strategy as Choice};
    let strategy = (
        arb_id(),
        prop::sample::select(Area::ALL.to_vec()),
        arb_text(),
        arb_text(),
        prop::collection::vec(arb_id(), 0..3),
        prop::option::of(arb_id()),
    )
        .prop_map(|(id, area, title, direction, links, tows)| Choice {
            id,
            area,
            title,
            direction,
            goals: links.clone(),
            tows,
            tasks: links.clone(),
            lines: links,
        });
    let product = (
        arb_id(),
        arb_text(),
        prop::option::of(0i64..10_000_000_000),
        prop::collection::vec((arb_id(), 0i64..1_000_000, arb_day(), 0i64..40), 0..3),
        prop::collection::vec((arb_id(), 2u32..100, 0i64..=10_000), 0..3),
    )
        .prop_map(|(id, name, base, promos, bulk)| {
            let mut p = Product::new(id, &name);
            p.base = base.map(Money::from_fen);
            p.cost = base.map(|b| Money::from_fen(b / 2));
            p.promotions = promos
                .into_iter()
                .map(|(id, price, start, len)| Promotion {
                    id,
                    name: String::new(),
                    price: Money::from_fen(price),
                    start,
                    end: start + Duration::days(len),
                })
                .collect();
            p.bulk = bulk
                .into_iter()
                .map(|(id, min_quantity, d)| BulkTier {
                    id,
                    min_quantity,
                    discount: Rate(d),
                })
                .collect();
            p
        });
    let channel = (
        arb_id(),
        prop::sample::select(ChannelKind::ALL.to_vec()),
        arb_text(),
        prop::option::of(0i64..=10_000),
    )
        .prop_map(|(id, kind, name, share)| Channel {
            id,
            kind,
            name: name.clone(),
            role: name,
            share: share.map(Rate),
        });
    let kol = (arb_id(), arb_text(), prop::option::of(0i64..=10_000)).prop_map(|(id, name, r)| Kol {
        id,
        name: name.clone(),
        platform: name,
        follower_match: r.map(Rate),
        engagement: r.map(Rate),
        commission: r.map(Rate),
    });
    (
        prop::collection::vec(strategy, 0..3),
        prop::collection::vec(product, 0..2),
        prop::collection::vec(channel, 0..3),
        prop::collection::vec(kol, 0..2),
    )
        .prop_map(|(strategies, products, channels, kols)| Strategies {
            strategies,
            products,
            channels,
            kols,
            ..Strategies::default()
        })
}

/// The team and the register with hostile texts, any links (reporting
/// loops and RACI rows of unknown tasks included) and any clock settings.
fn arb_team_and_risks() -> impl Strategy<Value = (marketplan::domain::team::Team, marketplan::domain::risk::Risks)> {
    use marketplan::domain::risk::{Category, Clock, Incident, KpiTrigger, Risk, Risks, Scale, Step};
    use marketplan::domain::team::{Position, Raci, Team};
    let position =
        (arb_id(), arb_text(), prop::option::of(arb_id()), arb_text()).prop_map(|(id, title, boss, holder)| {
            let mut p = Position::new(id, &title);
            p.reports_to = boss;
            p.holder = holder;
            p
        });
    let raci = prop::collection::btree_map(
        arb_id(),
        prop::collection::btree_map(arb_id(), prop::sample::select(Raci::ALL.to_vec()), 0..3),
        0..3,
    );
    let risk = (
        arb_id(),
        prop::sample::select(Category::ALL.to_vec()),
        arb_text(),
        (1u8..=5, 1u8..=5),
        prop::option::of((arb_id(), -1_000_000i64..1_000_000)),
        prop::option::of(1u8..=5),
    )
        .prop_map(|(id, category, text, (l, i), trigger, residual)| {
            let mut r = Risk::new(id, category, &text);
            r.likelihood = Scale::new(l).unwrap();
            r.impact = Scale::new(i).unwrap();
            r.response = text;
            r.kpi_trigger = trigger.map(|(kpi, t)| KpiTrigger {
                kpi,
                threshold: Value::from_thousandths(t),
            });
            r.residual_likelihood = residual.and_then(Scale::new);
            r
        });
    let incident = (
        arb_id(),
        arb_text(),
        arb_time(),
        prop::collection::vec((arb_id(), 0u32..100_000, any::<bool>()), 0..3),
    )
        .prop_map(|(id, title, at, steps)| Incident {
            id,
            risk: None,
            title,
            started: at.naive_utc(),
            steps: steps
                .into_iter()
                .map(|(id, minutes, wall)| Step {
                    id,
                    name: "x".into(),
                    minutes,
                    clock: if wall { Clock::Wall } else { Clock::Working },
                    done: None,
                })
                .collect(),
        });
    (
        prop::collection::vec(position, 0..4),
        raci,
        prop::collection::vec(risk, 0..3),
        prop::collection::vec(incident, 0..2),
    )
        .prop_map(|(positions, raci, risks, incidents)| {
            (
                Team {
                    positions,
                    raci,
                    ..Team::default()
                },
                Risks {
                    risks,
                    incidents,
                    ..Risks::default()
                },
            )
        })
}

fn arb_plan() -> impl Strategy<Value = Plan> {
    (
        any::<[u8; 16]>(),
        arb_text().prop_filter("names are not blank", |s| !s.trim().is_empty()),
        arb_text(),
        prop::sample::select(PeriodKind::ALL.to_vec()),
        (0i64..30_000).prop_map(|d| date(1990, 1, 1) + Duration::days(d)),
        prop::sample::select(Currency::OFFERED.to_vec()),
        (arb_time(), arb_time()),
        (arb_text(), arb_text(), arb_text(), arb_text()),
        (
            prop::collection::vec(arb_goal(), 0..3),
            arb_tasks(),
            arb_lines(),
            arb_chapter_two(),
            arb_chapter_four(),
            arb_team_and_risks(),
        ),
    )
        .prop_map(
            |(
                id,
                name,
                org,
                kind,
                anchor,
                currency,
                (created, updated),
                (a, b, c, d),
                (goals, tasks, lines, _situation, strategies, (team, risks)),
            )| Plan {
                id: PlanId::from_random(id),
                name,
                organisation: org,
                period: Period::starting_from(kind, anchor),
                currency: Currency::parse(currency).unwrap_or_default(),
                created_at: created,
                updated_at: updated,
                summary: ExecutiveSummary {
                    purpose: a,
                    background: b,
                    headline_goals: c,
                    main_strategies: d,
                    unknown: Unknown::new(),
                },
                situation: Rc::new(_situation),
                goals: Rc::new(goals),
                strategies: Rc::new(strategies),
                custom_dimensions: Vec::new(),
                dimension_weights: BTreeMap::new(),
                thresholds: Thresholds::default(),
                reviews: Rc::default(),
                implementation: Rc::new(Implementation {
                    tasks,
                    ..Default::default()
                }),
                budget: Rc::new(Budget {
                    lines,
                    ..Default::default()
                }),
                team: Rc::new(team),
                risks: Rc::new(risks),
                unknown: Unknown::new(),
            },
        )
}

proptest! {
    #[test]
    fn export_then_import_gives_the_same_plans(plans in prop::collection::vec(arb_plan(), 1..4), now in arb_time()) {
        let mut plans = plans;
        plans.sort_by_key(|p| p.id);
        plans.dedup_by_key(|p| p.id);
        let text = encode_file(FileKind::Backup, &plans, now);
        prop_assert_eq!(decode_import(&text).unwrap(), plans.clone());
        prop_assert_eq!(encode_file(FileKind::Backup, &plans, now), text.clone());
        // Laid out exactly as serde_json's pretty printer would.
        let envelope = decode(&text).unwrap();
        prop_assert_eq!(serde_json::to_string_pretty(&envelope).unwrap() + "\n", text);
    }

    #[test]
    fn the_stored_library_round_trips(plans in prop::collection::vec(arb_plan(), 0..4)) {
        let mut plans = plans;
        plans.sort_by_key(|p| p.id);
        plans.dedup_by_key(|p| p.id);
        let library = Library { plans, trash: Vec::new() };
        prop_assert_eq!(decode(&encode_library(&library, Utc::now(), None)).unwrap().into_library(), library);
    }

    #[test]
    fn any_text_is_refused_cleanly_or_read(text in "\\PC{0,200}") {
        // Never a panic, whatever arrives.
        let _ = decode(&text);
    }

    #[test]
    fn a_damaged_file_is_refused_not_misread(cut in 1usize..2_000) {
        let cut = cut.min(V1_BACKUP.len() - 1);
        let Some(prefix) = V1_BACKUP.get(..cut) else { return Ok(()) };
        prop_assert!(decode(prefix).is_err());
    }

    #[test]
    fn every_field_of_the_wrong_type_is_named(field in prop::sample::select(vec!["id", "name", "period", "created_at", "updated_at", "currency", "summary"])) {
        let mut doc: serde_json::Value = serde_json::from_str(V1_BACKUP).unwrap();
        doc["plans"][1][field] = serde_json::json!([true]);
        doc["schema_version"] = serde_json::json!(2);
        match decode(&doc.to_string()) {
            Err(FileError::Invalid { path, .. }) => prop_assert!(path.starts_with("plans[1]"), "{}", path),
            other => prop_assert!(false, "{:?}", other),
        }
    }
}

/// The browser's stored copy: packed (storage/packed.rs) since schema 4's
/// second layout; copies stored as plain JSON by earlier builds still load.
mod stored {
    use super::*;
    use marketplan::storage::packed::{pack, unpack};
    use marketplan::storage::{KeyValue, Loaded, MemoryStore, PlanStore, Version};

    #[test]
    fn copies_stored_as_plain_json_by_earlier_builds_still_load_and_the_next_save_packs_them() {
        for fixture in [V1_BACKUP, V2_SAMPLE, V3_SAMPLE, V4_SAMPLE, V5_SAMPLE, V6_SAMPLE] {
            let kv = MemoryStore::default();
            kv.set("marketplan.library.g7-old", fixture).unwrap();
            kv.set("marketplan.library", "g7-old").unwrap();
            let store = PlanStore::new(kv);
            let Ok(Loaded::Library { library, version, .. }) = store.load() else {
                panic!("a plain copy loads")
            };
            assert_eq!(library.plans, decode(fixture).unwrap().plans);
            let saved = store.save(&library, &version, "new", now()).unwrap();
            assert_eq!(saved, Version::from_text("g8-new").unwrap());
            let stored = store.kv().get("marketplan.library.g8-new").unwrap().unwrap();
            assert!(stored.starts_with("mpz1:"), "saved packed");
            assert!(
                store.kv().get("marketplan.library.g7-old").unwrap().is_none(),
                "the old copy is dropped"
            );
            let Ok(Loaded::Library { library: again, .. }) = store.load() else {
                panic!("the packed copy loads")
            };
            assert_eq!(again, library);
        }
    }

    /// A year plan with `count` tasks, most depending on an earlier one, with
    /// random ids (as real plans have: they compress worst).
    fn task_plan(count: usize) -> String {
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        let mut random = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut id = || {
            let (a, b) = (random(), random());
            format!(
                "{:08x}-{:04x}-4{:03x}-8{:03x}-{:012x}",
                a >> 32,
                a & 0xffff,
                (b >> 52) & 0xfff,
                (b >> 40) & 0xfff,
                b & 0xffff_ffff_ffff
            )
        };
        let ids: Vec<String> = (0..count).map(|_| id()).collect();
        let tasks: Vec<String> = (0..count)
            .map(|i| {
                let start = -60 + (i % 120) as i64;
                let depends = if i % 4 != 0 && i > 0 {
                    format!(r#","depends_on":["{}"]"#, ids[i.saturating_sub(1 + i % 5)])
                } else {
                    String::new()
                };
                format!(
                    r#"{{"id":"{}","title":"Task {i}","department":"{}","owner":"Owner {}","start":{{"from_launch":{start}}},"end":{{"from_launch":{}}}{depends}}}"#,
                    ids[i],
                    ["Marketing", "Design", "Channel"][i % 3],
                    i % 17,
                    start + (i % 9) as i64
                )
            })
            .collect();
        format!(
            r#"{{"format":"marketplan.plan-file","schema_version":4,"app_version":"t","exported_at":"2026-12-02T00:00:00Z","kind":"library","plans":[{{"id":"{}","name":"Year","period":{{"kind":"year","start":"2027-01-01","end":"2027-12-31","launch_day":"2027-06-01"}},"created_at":"2026-12-02T00:00:00Z","updated_at":"2026-12-02T00:00:00Z","implementation":{{"tasks":[{}]}}}}]}}"#,
            id(),
            tasks.join(",")
        )
    }

    #[test]
    fn a_ten_thousand_task_plan_takes_under_a_third_of_the_quota() {
        let library = decode(&task_plan(10_000)).unwrap().into_library();
        let json = encode_library(&library, now(), None);
        let packed = pack(&json);
        let bytes = packed.encode_utf16().count() * 2;
        println!(
            "10,000 tasks: {} KB as JSON, {} KB packed (UTF-16)",
            json.len() * 2 / 1024,
            bytes / 1024
        );
        assert!(bytes <= 1_500_000, "{bytes} bytes");
        assert_eq!(unpack(&packed).unwrap(), json);
    }

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 2, 9, 0, 0).unwrap()
    }
}
