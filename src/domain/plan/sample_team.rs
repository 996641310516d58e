//! The sample plan's team (chapter 6's people) and risk register (chapter
//! 7), written from DOMAIN.md §7-8. Words are rows in the catalogue
//! (`sample.team.*`, `sample.risk.*`, fields split by `|`); numbers and
//! links are here so both languages come out alike. What the sample is
//! meant to show: two vacancies, a launch task with two A's, one incentive
//! met, a risk triggered by the churn KPI, a high risk without a response
//! plan, and one closed incident.

use super::sample_situation::{field, rows};
use crate::domain::core::ids::{IdSource, ItemId};
use crate::domain::core::money::Money;
use crate::domain::core::value::Value;
use crate::domain::plan::Plan;
use crate::domain::risk::clock::{DefaultStep, Incident};
use crate::domain::risk::{Category, KpiTrigger, Risk, Risks, Scale};
use crate::domain::team::{Group, Incentive, JointProject, Party, Position, Raci, Team};
use crate::i18n::{t, t_id, Key, Lang};
use chrono::{Duration, NaiveDate, NaiveTime};
use std::collections::BTreeMap;

/// Each position's group (by the groups' order), superior (by the
/// positions' order), whether it is held, and the phase by which a vacancy
/// is to be filled.
const POSITIONS: [(usize, Option<usize>, bool, Option<usize>); 12] = [
    (0, None, true, None),        // market manager
    (0, Some(0), true, None),     // planning specialist
    (0, Some(0), true, None),     // conference specialist
    (1, Some(0), true, None),     // content lead
    (1, Some(3), true, None),     // content planner
    (1, Some(3), false, Some(0)), // designer: vacant
    (1, Some(3), true, None),     // web / news
    (2, Some(0), true, None),     // media buying lead
    (2, Some(7), false, Some(1)), // media specialist: vacant
    (3, Some(0), true, None),     // data analyst
    (4, Some(0), true, None),     // channel lead
    (4, Some(10), true, None),    // channel specialist
];

/// The launch tasks' RACI, by task order: (position, role). The second
/// task has two A's, the rule the matrix shows broken; the fourth gives
/// its R to the vacant media specialist (a warning).
const RACI: [&[(usize, Raci)]; 6] = [
    &[(0, Raci::A), (1, Raci::R), (9, Raci::C)],
    &[(0, Raci::A), (3, Raci::A), (4, Raci::R), (6, Raci::I)],
    &[(3, Raci::A), (4, Raci::R), (5, Raci::C)],
    &[(7, Raci::A), (8, Raci::R), (9, Raci::C)],
    &[(10, Raci::A), (11, Raci::R), (0, Raci::I)],
    &[(0, Raci::A), (2, Raci::R), (1, Raci::R)],
];

fn scale(row: &[String], at: usize) -> Scale {
    row.get(at)
        .and_then(|f| f.parse::<u8>().ok())
        .and_then(Scale::new)
        .unwrap_or(Scale::ALL[2])
}

pub(super) fn team(lang: Lang, ids: &mut impl IdSource, plan: &Plan) -> Team {
    let mut team = Team::default();
    for row in rows(lang, "sample.team.groups") {
        let planned = row.get(1).and_then(|n| n.parse().ok()).unwrap_or(0);
        team.groups.push(Group {
            id: ids.item_id(),
            name: field(&row, 0),
            planned,
        });
    }
    let phases: Vec<ItemId> = plan.implementation.phases.iter().map(|p| p.id).collect();
    let position_rows = rows(lang, "sample.team.positions");
    let position_ids: Vec<ItemId> = position_rows.iter().map(|_| ids.item_id()).collect();
    for ((row, id), (group, boss, held, hire_by)) in position_rows.iter().zip(&position_ids).zip(POSITIONS) {
        let mut p = Position::new(*id, &field(row, 0));
        p.group = team.groups.get(group).map(|g| g.id);
        p.reports_to = boss.and_then(|b| position_ids.get(b).copied());
        p.duties = field(row, 1);
        if held {
            p.holder = field(row, 2);
        }
        p.hire_by = hire_by.and_then(|i| phases.get(i).copied());
        team.positions.push(p);
    }
    for (task, cells) in plan.implementation.tasks.iter().zip(RACI) {
        let row: BTreeMap<ItemId, Raci> = cells
            .iter()
            .filter_map(|(p, r)| position_ids.get(*p).map(|id| (*id, *r)))
            .collect();
        team.raci.insert(task.id, row);
    }
    // Incentives: one set at the lead conversion's latest figure (met),
    // one at the qualified leads' challenge (not met by this sample).
    let kpi_named = |key: Key| {
        plan.goals
            .iter()
            .flat_map(|g| g.kpis.iter())
            .find(|k| k.name == t(lang, key))
    };
    let rewards = rows(lang, "sample.team.incentives");
    if let Some(k) = kpi_named(Key::KpiLeadConversion) {
        let latest = k.latest_on(&plan.period, NaiveDate::MAX).map(|c| c.value);
        let threshold = latest.map_or(k.target, |v| Value::from_units(v.thousandths() / 1000));
        team.incentives.push(Incentive {
            id: ids.item_id(),
            kpi: Some(k.id),
            threshold,
            reward: rewards.first().map(|r| field(r, 0)).unwrap_or_default(),
        });
    }
    if let Some(k) = kpi_named(Key::KpiQualifiedLeads) {
        team.incentives.push(Incentive {
            id: ids.item_id(),
            kpi: Some(k.id),
            threshold: k.challenge,
            reward: rewards.get(1).map(|r| field(r, 0)).unwrap_or_default(),
        });
    }
    let words = rows(lang, "sample.team.joint");
    let party = |at: usize, result: i64| Party {
        name: words.get(1).map(|r| field(r, at)).unwrap_or_default(),
        result: Value::from_units(result),
    };
    team.joint.push(JointProject {
        id: ids.item_id(),
        name: words.first().map(|r| field(r, 0)).unwrap_or_default(),
        cost: Money::from_yuan(80_000),
        lines: plan.budget.lines.get(4).map(|l| vec![l.id]).unwrap_or_default(),
        parties: vec![party(0, 120), party(1, 280)],
    });
    team
}

/// Eight risks across categories: (category, owner position, KPI trigger
/// on churn, review days). Likelihood, impact and texts are catalogue rows.
const RISKS: [(Category, usize, bool, u32); 8] = [
    (Category::PrCrisis, 3, false, 14),
    (Category::Compliance, 0, false, 30),
    (Category::BudgetOverrun, 7, false, 30),
    (Category::DemandShift, 9, true, 14),
    (Category::ChannelConflict, 10, false, 30),
    (Category::SupplyChain, 0, false, 30),
    (Category::DataPrivacy, 9, false, 60),
    (Category::TalentLoss, 0, false, 90),
];

pub(super) fn risks(lang: Lang, ids: &mut impl IdSource, plan: &Plan, today: NaiveDate) -> Risks {
    let mut out = Risks::default();
    let churn = plan
        .goals
        .iter()
        .flat_map(|g| g.kpis.iter())
        .find(|k| k.name == t(lang, Key::KpiChurn));
    for (row, (category, owner, on_churn, review)) in rows(lang, "sample.risk.risks").iter().zip(RISKS) {
        let mut r = Risk::new(ids.item_id(), category, &field(row, 0));
        r.likelihood = scale(row, 1);
        r.impact = scale(row, 2);
        r.trigger = field(row, 3);
        r.response = field(row, 4);
        r.residual_likelihood = row.get(5).and_then(|f| f.parse().ok()).and_then(Scale::new);
        r.residual_impact = row.get(6).and_then(|f| f.parse().ok()).and_then(Scale::new);
        r.owner = plan.team.positions.get(owner).map(|p| p.id);
        r.review_days = Some(review);
        r.reviewed_on = Some(plan.period.start.max(today - Duration::days(7)));
        if on_churn {
            // Half a point under the latest churn figure: the sample's
            // churn runs above plan, so its check-ins are across the line.
            if let Some(k) = churn {
                let latest = k.latest_on(&plan.period, today).map_or(k.target, |c| c.value);
                r.kpi_trigger = Some(KpiTrigger {
                    kpi: k.id,
                    threshold: Value::from_thousandths(latest.thousandths() - 500),
                });
            }
        }
        out.risks.push(r);
    }
    // The second risk was last reviewed long ago: its review is overdue.
    if let Some(r) = out.risks.get_mut(1) {
        r.reviewed_on = Some(plan.period.start);
        r.review_days = Some(7);
    }
    // A PR incident at the start of the period, handled in time: closed.
    if let Some(pr) = out.risks.first() {
        let started = plan
            .period
            .start
            .and_time(NaiveTime::from_hms_opt(21, 15, 0).unwrap_or(NaiveTime::MIN));
        let title = t_id(lang, "sample.risk.incident");
        let mut incident = Incident::new(ids, Some(pr.id), pr.category, &title, started, |step| {
            t(lang, step_key(step)).to_owned()
        });
        for (step, after) in incident.steps.iter_mut().zip([95, 20 * 60]) {
            step.done = Some(started + Duration::minutes(after));
        }
        out.incidents.push(incident);
    }
    out
}

pub fn step_key(step: DefaultStep) -> Key {
    match step {
        DefaultStep::Respond => Key::RiskStepRespond,
        DefaultStep::Statement => Key::RiskStepStatement,
        DefaultStep::Contain => Key::RiskStepContain,
        DefaultStep::Resolve => Key::RiskStepResolve,
    }
}

#[cfg(test)]
mod tests {
    use crate::domain::core::ids::CountingIds;
    use crate::domain::plan::sample::sample_plan;
    use crate::domain::risk::{assess, Context, RiskFlag, RiskStatus};
    use crate::domain::team::incentive::IncentiveState;
    use crate::domain::team::raci::{check, RaciIssue};
    use crate::domain::team::{head_counts, hiring_plan, org_chart};
    use crate::i18n::Lang;
    use chrono::{NaiveDate, TimeZone, Utc};

    #[test]
    fn the_sample_team_and_register_show_what_they_are_meant_to_in_both_languages() {
        for lang in [Lang::En, Lang::ZhCn] {
            let today = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
            let now = Utc.with_ymd_and_hms(2026, 12, 3, 9, 0, 0).unwrap();
            let plan = sample_plan(lang, &mut CountingIds(1), today, now);
            let team = &plan.team;
            assert_eq!(team.groups.len(), 5);
            assert_eq!(team.groups.iter().map(|g| g.planned).sum::<u32>(), 21);
            assert_eq!(team.positions.iter().filter(|p| p.is_vacant()).count(), 2);
            assert_eq!(org_chart(&team.positions)[0].under, 11);
            assert_eq!(head_counts(team).len(), 5);
            assert_eq!(hiring_plan(team, &plan.implementation.phases).len(), 2);
            let raci = check(team, &plan.implementation.tasks);
            assert!(raci.missing_tasks.is_empty());
            assert!(raci
                .rows
                .iter()
                .any(|(_, issues)| issues.contains(&RaciIssue::ManyAccountable(2))));
            let met = team
                .incentives
                .iter()
                .filter(|i| {
                    let kpi = i.kpi.and_then(|k| plan.kpi(k)).map(|(_, k)| k);
                    matches!(i.evaluate(kpi, &plan.period, today), IncentiveState::Met(_))
                })
                .count();
            assert_eq!((team.incentives.len(), met), (2, 1));
            assert_eq!(team.joint[0].split().len(), 2);

            let r = &plan.risks;
            assert_eq!(r.risks.len(), 8);
            let kpi = |id| plan.kpi(id).map(|(_, k)| k);
            let has = |id| plan.team.position(id).is_some();
            let cx = Context {
                kpi: &kpi,
                has_position: &has,
                period: &plan.period,
                today,
            };
            let all: Vec<_> = r.risks.iter().map(|x| assess(x, r.bands, &cx)).collect();
            assert_eq!(
                all.iter().filter(|a| a.status == RiskStatus::Triggered).count(),
                1,
                "{lang:?}"
            );
            assert_eq!(
                all.iter()
                    .filter(|a| a.flags.contains(&RiskFlag::HighWithoutResponse))
                    .count(),
                1
            );
            assert!(all
                .iter()
                .any(|a| a.flags.iter().any(|f| matches!(f, RiskFlag::ReviewOverdue(_)))));
            assert!(all.iter().all(|a| !a.flags.contains(&RiskFlag::OwnerMissing)));
            assert_eq!(r.incidents.len(), 1);
            assert!(r.incidents[0].is_closed());
            let m = &plan.implementation.meetings;
            let meetings = crate::domain::implementation::meetings::meetings(
                m,
                &plan.working_calendar(),
                plan.period.start,
                plan.period.end,
            );
            assert!(meetings.iter().any(|m| m.kind.is_training()));
        }
    }
}
