//! Chapter 7's words and the register as the views draw it: every risk
//! assessed against the plan's KPIs and positions today, durations in the
//! user's language.

pub mod heatmap;

use super::labels::Labelled;
use crate::domain::goals::kpi::{CheckIn, Kpi};
use crate::domain::plan::Plan;
use crate::domain::risk::clock::Clock;
use crate::domain::risk::{assess, Assessment, Band, Category, Context, Risk, RiskFlag, RiskStatus};
use crate::i18n::{format_date, Key, Lang, Text};
use chrono::NaiveDate;

crate::labels! {
    Category {
        PrCrisis => RiskCatPrCrisis,
        Execution => RiskCatExecution,
        Compliance => RiskCatCompliance,
        Competition => RiskCatCompetition,
        DemandShift => RiskCatDemandShift,
        BrandDamage => RiskCatBrandDamage,
        ChannelConflict => RiskCatChannelConflict,
        BudgetOverrun => RiskCatBudgetOverrun,
        ProductQuality => RiskCatProductQuality,
        SupplyChain => RiskCatSupplyChain,
        DataAccuracy => RiskCatDataAccuracy,
        DataPrivacy => RiskCatDataPrivacy,
        SystemIntegration => RiskCatSystemIntegration,
        TeamResistance => RiskCatTeamResistance,
        InnovationFailure => RiskCatInnovationFailure,
        PolicyChange => RiskCatPolicyChange,
        CashFlow => RiskCatCashFlow,
        TalentLoss => RiskCatTalentLoss,
        Other => RiskCatOther,
    }
    RiskStatus { Open => RiskStatusOpen, Watching => RiskStatusWatching, Triggered => RiskStatusTriggered, Closed => RiskStatusClosed }
    Clock { Wall => RiskClockWall, Working => RiskClockWorking }
}

/// The response the catalogue suggests for a category (DOMAIN.md §8).
pub fn suggested_response(c: Category) -> Key {
    match c {
        Category::PrCrisis => Key::RiskSuggestPrCrisis,
        Category::Execution => Key::RiskSuggestExecution,
        Category::Compliance => Key::RiskSuggestCompliance,
        Category::Competition => Key::RiskSuggestCompetition,
        Category::DemandShift => Key::RiskSuggestDemandShift,
        Category::BrandDamage => Key::RiskSuggestBrandDamage,
        Category::ChannelConflict => Key::RiskSuggestChannelConflict,
        Category::BudgetOverrun => Key::RiskSuggestBudgetOverrun,
        Category::ProductQuality => Key::RiskSuggestProductQuality,
        Category::SupplyChain => Key::RiskSuggestSupplyChain,
        Category::DataAccuracy => Key::RiskSuggestDataAccuracy,
        Category::DataPrivacy => Key::RiskSuggestDataPrivacy,
        Category::SystemIntegration => Key::RiskSuggestSystemIntegration,
        Category::TeamResistance => Key::RiskSuggestTeamResistance,
        Category::InnovationFailure => Key::RiskSuggestInnovationFailure,
        Category::PolicyChange => Key::RiskSuggestPolicyChange,
        Category::CashFlow => Key::RiskSuggestCashFlow,
        Category::TalentLoss => Key::RiskSuggestTalentLoss,
        Category::Other => Key::RiskSuggestOther,
    }
}

pub fn band_key(b: Band) -> Key {
    match b {
        Band::Low => Key::RiskBandLow,
        Band::Medium => Key::RiskBandMedium,
        Band::High => Key::RiskBandHigh,
    }
}

pub fn band_class(b: Band) -> &'static str {
    match b {
        Band::Low => "band-low",
        Band::Medium => "band-medium",
        Band::High => "band-high",
    }
}

/// Every risk of the plan with its assessment today, in register order.
pub fn assessed(plan: &Plan, today: NaiveDate) -> Vec<(&Risk, Assessment<'_>)> {
    let kpi = |id| plan.kpi(id).map(|(_, k)| k);
    let has = |id| plan.team.position(id).is_some();
    let cx = Context {
        kpi: &kpi,
        has_position: &has,
        period: &plan.period,
        today,
    };
    plan.risks
        .risks
        .iter()
        .map(|r| (r, assess(r, plan.risks.bands, &cx)))
        .collect()
}

/// The register's headline: open risks by band, how many are triggered
/// and how many carry a flag.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub high: usize,
    pub medium: usize,
    pub low: usize,
    pub triggered: usize,
    pub flagged: usize,
}

pub fn summary(all: &[(&Risk, Assessment<'_>)]) -> Summary {
    let mut s = Summary::default();
    for (r, a) in all {
        if r.status != RiskStatus::Closed {
            match a.band {
                Band::High => s.high += 1,
                Band::Medium => s.medium += 1,
                Band::Low => s.low += 1,
            }
        }
        s.triggered += usize::from(a.status == RiskStatus::Triggered);
        s.flagged += usize::from(!a.flags.is_empty());
    }
    s
}

/// The risks a KPI check-in has triggered, for the dashboard: the risk,
/// the KPI and the check-in that crossed the threshold.
pub fn triggered(plan: &Plan, today: NaiveDate) -> Vec<(&Risk, &Kpi, &CheckIn)> {
    assessed(plan, today)
        .into_iter()
        .filter_map(|(r, a)| {
            let c = a.crossing?;
            let kpi = plan.kpi(r.kpi_trigger?.kpi)?.1;
            Some((r, kpi, c))
        })
        .collect()
}

pub fn flag_text(lang: Lang, flag: RiskFlag) -> Text {
    match flag {
        RiskFlag::HighWithoutResponse => Text::new(Key::RiskFlagNoResponse),
        RiskFlag::ReviewOverdue(d) => Text::new(Key::RiskFlagReviewOverdue).with("date", format_date(lang, d)),
        RiskFlag::OwnerMissing => Text::new(Key::RiskFlagOwnerGone),
        RiskFlag::KpiMissing => Text::new(Key::RiskFlagKpiGone),
    }
}

/// "R3": how the heat map and the lists refer to the third risk.
pub fn risk_number(index: usize) -> String {
    format!("R{}", index + 1)
}

/// Minutes as hours and minutes: "1 h 40 min", "1小时40分钟"; days when
/// long ("2 d 3 h").
pub fn duration(minutes: i64) -> Text {
    let m = minutes.abs();
    let (d, h, min) = (m / (24 * 60), (m / 60) % 24, m % 60);
    if d > 0 {
        Text::new(Key::RiskDurationDays).with("d", d).with("h", h)
    } else if h > 0 {
        Text::new(Key::RiskDurationHours).with("h", h).with("m", min)
    } else {
        Text::new(Key::RiskDurationMinutes).with("m", min)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_samples_register_counts_open_risks_by_band() {
        use crate::domain::core::ids::CountingIds;
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let now = chrono::Utc::now();
        let plan = crate::domain::plan::sample::sample_plan(Lang::En, &mut CountingIds(7), today, now);
        let s = summary(&assessed(&plan, today));
        assert_eq!((s.high, s.medium, s.low, s.triggered), (1, 6, 1, 1));
        assert!(s.flagged >= 2);
    }

    #[test]
    fn durations_read_in_days_hours_and_minutes() {
        assert_eq!(duration(100).render(Lang::En), "1 h 40 min");
        assert_eq!(duration(45).render(Lang::ZhCn), "45分钟");
        assert_eq!(duration(-(27 * 60)).render(Lang::En), "1 d 3 h");
    }
}
