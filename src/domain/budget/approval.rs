//! Approval routing (审批权限): who decides a spending request, by amount,
//! and by when, counted in working days (DOMAIN.md §6).

use crate::domain::core::calendar::WorkCalendar;
use crate::domain::core::ids::ItemId;
use crate::domain::core::money::Money;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Longest decision time a tier may promise, in working days.
pub const MAX_TIER_DAYS: u32 = 60;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Approver {
    MarketingDirector,
    GeneralManager,
    /// The general manager's office meeting (总经理办公会).
    OfficeMeeting,
    /// Anyone else a plan names.
    Named(String),
}

/// Requests up to `up_to` (inclusive) go to `approver`, who decides within
/// `days` working days. The last tier has no ceiling.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tier {
    pub up_to: Option<Money>,
    pub approver: Approver,
    pub days: u32,
}

pub fn default_tiers() -> Vec<Tier> {
    vec![
        Tier {
            up_to: Some(Money::from_yuan(100_000)),
            approver: Approver::MarketingDirector,
            days: 1,
        },
        Tier {
            up_to: Some(Money::from_yuan(500_000)),
            approver: Approver::GeneralManager,
            days: 3,
        },
        Tier {
            up_to: None,
            approver: Approver::OfficeMeeting,
            days: 5,
        },
    ]
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TierError {
    Empty,
    /// Tier `index`'s ceiling is not above the one before: the two overlap.
    Overlap {
        index: usize,
    },
    /// Only the last tier may be open-ended, and it must be.
    OpenEnded,
    TooManyDays,
    ApproverEmpty,
    NegativeCeiling,
}

pub fn check_tiers(tiers: &[Tier]) -> Result<(), TierError> {
    let Some(last) = tiers.last() else {
        return Err(TierError::Empty);
    };
    if last.up_to.is_some() || tiers[..tiers.len() - 1].iter().any(|t| t.up_to.is_none()) {
        return Err(TierError::OpenEnded);
    }
    let mut floor: Option<Money> = None;
    for (index, tier) in tiers.iter().enumerate() {
        if tier.days > MAX_TIER_DAYS {
            return Err(TierError::TooManyDays);
        }
        if matches!(&tier.approver, Approver::Named(n) if n.trim().is_empty()) {
            return Err(TierError::ApproverEmpty);
        }
        if let Some(ceiling) = tier.up_to {
            if ceiling.is_negative() {
                return Err(TierError::NegativeCeiling);
            }
            if floor.is_some_and(|f| ceiling <= f) {
                return Err(TierError::Overlap { index });
            }
            floor = Some(ceiling);
        }
    }
    Ok(())
}

/// The tiers with one more, before the open-ended one: its ceiling is twice
/// the highest so far (or the first default's), decided by the general
/// manager in 3 working days, for the user to adjust.
pub fn with_new_tier(tiers: &[Tier]) -> Vec<Tier> {
    let mut next = tiers.to_vec();
    let top = next.iter().filter_map(|t| t.up_to).max().unwrap_or(Money::ZERO);
    let ceiling = if top.is_positive() {
        top + top
    } else {
        Money::from_yuan(100_000)
    };
    next.insert(
        next.len().saturating_sub(1),
        Tier {
            up_to: Some(ceiling),
            approver: Approver::GeneralManager,
            days: 3,
        },
    );
    next
}

/// The tiers without tier `index`; the tier left last becomes open-ended.
pub fn without_tier(tiers: &[Tier], index: usize) -> Vec<Tier> {
    let mut next = tiers.to_vec();
    if index < next.len() {
        next.remove(index);
    }
    if let Some(last) = next.last_mut() {
        last.up_to = None;
    }
    next
}

/// The tier that decides `amount`: the first whose ceiling it does not exceed.
pub fn route(tiers: &[Tier], amount: Money) -> Option<&Tier> {
    tiers.iter().find(|t| t.up_to.is_none_or(|ceiling| amount <= ceiling))
}

/// A spending request: for a budget line, for an activity (a task), or both.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApprovalRequest {
    pub id: ItemId,
    pub title: String,
    pub amount: Money,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<ItemId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub task: Option<ItemId>,
    #[serde(default)]
    pub status: ApprovalStatus,
    #[serde(default)]
    pub note: String,
}

/// Where a request stands. A decision always has its submission date, so a
/// request cannot be approved without having been submitted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case", try_from = "StatusRecord")]
pub enum ApprovalStatus {
    #[default]
    Draft,
    Submitted {
        on: NaiveDate,
    },
    Approved {
        submitted: NaiveDate,
        on: NaiveDate,
    },
    Rejected {
        submitted: NaiveDate,
        on: NaiveDate,
    },
}

/// The stored form of an [`ApprovalStatus`], read through a plain struct: a
/// derived internally tagged enum buffers its input and costs the main
/// module 8 KB; this reads the same JSON.
#[derive(Deserialize)]
struct StatusRecord {
    state: StatusTag,
    on: Option<NaiveDate>,
    submitted: Option<NaiveDate>,
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum StatusTag {
    Draft,
    Submitted,
    Approved,
    Rejected,
}

impl TryFrom<StatusRecord> for ApprovalStatus {
    type Error = &'static str;

    fn try_from(r: StatusRecord) -> Result<Self, Self::Error> {
        let on = || r.on.ok_or("missing field `on`");
        let submitted = || r.submitted.ok_or("missing field `submitted`");
        Ok(match r.state {
            StatusTag::Draft => ApprovalStatus::Draft,
            StatusTag::Submitted => ApprovalStatus::Submitted { on: on()? },
            StatusTag::Approved => ApprovalStatus::Approved {
                submitted: submitted()?,
                on: on()?,
            },
            StatusTag::Rejected => ApprovalStatus::Rejected {
                submitted: submitted()?,
                on: on()?,
            },
        })
    }
}

/// What can happen to a request next (DOMAIN.md §6): a draft is submitted;
/// a submitted request is approved or rejected; a decided one can go back
/// to draft to be changed and submitted again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ApprovalStep {
    Submit,
    Approve,
    Reject,
    BackToDraft,
}

impl ApprovalStatus {
    /// The steps open from this status, in the order they are offered.
    pub fn steps(self) -> &'static [ApprovalStep] {
        match self {
            Self::Draft => &[ApprovalStep::Submit],
            Self::Submitted { .. } => &[ApprovalStep::Approve, ApprovalStep::Reject],
            Self::Approved { .. } | Self::Rejected { .. } => &[ApprovalStep::BackToDraft],
        }
    }

    /// The status after `step` taken on `day`; None when the step is not
    /// open. A decision is never dated before its submission.
    pub fn after(self, step: ApprovalStep, day: NaiveDate) -> Option<ApprovalStatus> {
        match (self, step) {
            (Self::Draft, ApprovalStep::Submit) => Some(Self::Submitted { on: day }),
            (Self::Submitted { on }, ApprovalStep::Approve) => Some(Self::Approved {
                submitted: on,
                on: day.max(on),
            }),
            (Self::Submitted { on }, ApprovalStep::Reject) => Some(Self::Rejected {
                submitted: on,
                on: day.max(on),
            }),
            (Self::Approved { .. } | Self::Rejected { .. }, ApprovalStep::BackToDraft) => Some(Self::Draft),
            (Self::Draft | Self::Submitted { .. } | Self::Approved { .. } | Self::Rejected { .. }, _) => None,
        }
    }

    pub fn submitted_on(self) -> Option<NaiveDate> {
        match self {
            Self::Draft => None,
            Self::Submitted { on } => Some(on),
            Self::Approved { submitted, .. } | Self::Rejected { submitted, .. } => Some(submitted),
        }
    }

    pub fn decided_on(self) -> Option<NaiveDate> {
        match self {
            Self::Approved { on, .. } | Self::Rejected { on, .. } => Some(on),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::Submitted { .. } => "submitted",
            Self::Approved { .. } => "approved",
            Self::Rejected { .. } => "rejected",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ApprovalError {
    TitleEmpty,
    NegativeAmount,
    DecidedBeforeSubmitted,
}

impl ApprovalRequest {
    pub fn check(&self) -> Result<(), ApprovalError> {
        if self.title.trim().is_empty() {
            return Err(ApprovalError::TitleEmpty);
        }
        if self.amount.is_negative() {
            return Err(ApprovalError::NegativeAmount);
        }
        if let (Some(s), Some(d)) = (self.status.submitted_on(), self.status.decided_on()) {
            if d < s {
                return Err(ApprovalError::DecidedBeforeSubmitted);
            }
        }
        Ok(())
    }
}

/// Who decides a request and by when.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Routing<'a> {
    pub tier: &'a Tier,
    /// None while the request is a draft.
    pub due: Option<NaiveDate>,
}

pub fn routing<'a>(tiers: &'a [Tier], cal: &WorkCalendar, request: &ApprovalRequest) -> Option<Routing<'a>> {
    let tier = route(tiers, request.amount)?;
    let due = request
        .status
        .submitted_on()
        .map(|on| cal.working_days_after(on, tier.days));
    Some(Routing { tier, due })
}

/// A submitted request still undecided after its due date.
pub fn is_overdue(tiers: &[Tier], cal: &WorkCalendar, request: &ApprovalRequest, today: NaiveDate) -> bool {
    matches!(request.status, ApprovalStatus::Submitted { .. })
        && routing(tiers, cal, request)
            .and_then(|r| r.due)
            .is_some_and(|due| today > due)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::core::holidays::china_mainland;
    use crate::domain::core::ids::{CountingIds, IdSource};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn approver(fen: i64) -> Approver {
        route(&default_tiers(), Money::from_fen(fen)).unwrap().approver.clone()
    }

    #[test]
    fn tier_boundaries_are_inclusive() {
        assert_eq!(approver(10_000_000), Approver::MarketingDirector);
        assert_eq!(approver(10_000_001), Approver::GeneralManager);
        assert_eq!(approver(50_000_000), Approver::GeneralManager);
        assert_eq!(approver(50_000_001), Approver::OfficeMeeting);
        assert_eq!(approver(0), Approver::MarketingDirector);
    }

    #[test]
    fn overlapping_or_open_tiers_are_refused() {
        assert_eq!(check_tiers(&default_tiers()), Ok(()));
        let mut t = default_tiers();
        t[1].up_to = Some(Money::from_yuan(100_000));
        assert_eq!(check_tiers(&t), Err(TierError::Overlap { index: 1 }));
        let mut t = default_tiers();
        t[2].up_to = Some(Money::from_yuan(900_000));
        assert_eq!(check_tiers(&t), Err(TierError::OpenEnded));
        let mut t = default_tiers();
        t[0].up_to = None;
        assert_eq!(check_tiers(&t), Err(TierError::OpenEnded));
        assert_eq!(check_tiers(&[]), Err(TierError::Empty));
        let mut t = default_tiers();
        t[0].approver = Approver::Named(" ".into());
        assert_eq!(check_tiers(&t), Err(TierError::ApproverEmpty));
        t[0].approver = Approver::Named("CFO".into());
        t[0].days = 61;
        assert_eq!(check_tiers(&t), Err(TierError::TooManyDays));
    }

    #[test]
    fn adding_and_removing_tiers_keeps_them_valid() {
        let added = with_new_tier(&default_tiers());
        assert_eq!(added.len(), 4);
        assert_eq!(added[2].up_to, Some(Money::from_yuan(1_000_000)));
        assert_eq!(check_tiers(&added), Ok(()));
        let removed = without_tier(&default_tiers(), 2);
        assert_eq!(removed.len(), 2);
        assert_eq!(removed[1].up_to, None);
        assert_eq!(check_tiers(&removed), Ok(()));
        assert_eq!(check_tiers(&with_new_tier(&[])), Err(TierError::OpenEnded));
    }

    #[test]
    fn working_days_skip_weekends_holidays_and_count_make_up_days() {
        let plain = WorkCalendar::default();
        // Friday 2027-01-08 + 1 working day: Monday.
        assert_eq!(plain.working_days_after(d(2027, 1, 8), 1), d(2027, 1, 11));
        // Saturday + 1: Monday.
        assert_eq!(plain.working_days_after(d(2027, 1, 9), 1), d(2027, 1, 11));
        // Wednesday + 5: next Wednesday.
        assert_eq!(plain.working_days_after(d(2027, 1, 6), 5), d(2027, 1, 13));
        let cn = china_mainland();
        // Wednesday 30 September 2026 with 3 days: the National Day week is
        // off, so 8, 9 and Saturday 10 October, a make-up working day.
        assert_eq!(cn.working_days_after(d(2026, 9, 30), 3), d(2026, 10, 10));
        // Friday 13 Feb 2026 + 1: Saturday 14 Feb is a make-up working day.
        assert_eq!(cn.working_days_after(d(2026, 2, 13), 1), d(2026, 2, 14));
        // ... + 2: the Spring Festival runs to the 23rd, so the 24th.
        assert_eq!(cn.working_days_after(d(2026, 2, 13), 2), d(2026, 2, 24));
        // A user's own holiday counts too.
        let mut mine = WorkCalendar::default();
        mine.holidays.insert(d(2027, 1, 11));
        assert_eq!(
            mine.merged_with(&cn).working_days_after(d(2027, 1, 8), 1),
            d(2027, 1, 12)
        );
    }

    #[test]
    fn due_dates_and_overdue_requests() {
        let mut ids = CountingIds::default();
        let tiers = default_tiers();
        let cal = WorkCalendar::default();
        let mut req = ApprovalRequest {
            id: ids.item_id(),
            title: "Trade show booth".into(),
            amount: Money::from_yuan(250_000),
            line: None,
            task: None,
            status: ApprovalStatus::Draft,
            note: String::new(),
        };
        let r = routing(&tiers, &cal, &req).unwrap();
        assert_eq!((r.tier.approver.clone(), r.due), (Approver::GeneralManager, None));
        req.status = ApprovalStatus::Submitted { on: d(2027, 1, 8) };
        assert_eq!(routing(&tiers, &cal, &req).unwrap().due, Some(d(2027, 1, 13)));
        assert!(!is_overdue(&tiers, &cal, &req, d(2027, 1, 13)));
        assert!(is_overdue(&tiers, &cal, &req, d(2027, 1, 14)));
        req.status = ApprovalStatus::Approved {
            submitted: d(2027, 1, 8),
            on: d(2027, 1, 20),
        };
        assert!(!is_overdue(&tiers, &cal, &req, d(2027, 2, 1)));
        req.status = ApprovalStatus::Rejected {
            submitted: d(2027, 1, 8),
            on: d(2027, 1, 7),
        };
        assert_eq!(req.check(), Err(ApprovalError::DecidedBeforeSubmitted));
    }

    #[test]
    fn a_request_goes_draft_submitted_decided_and_back() {
        let (mon, tue) = (d(2026, 11, 23), d(2026, 11, 24));
        let draft = ApprovalStatus::Draft;
        assert_eq!(draft.steps(), &[ApprovalStep::Submit]);
        assert_eq!(draft.after(ApprovalStep::Approve, mon), None, "a draft is not decided");
        let submitted = draft.after(ApprovalStep::Submit, tue).unwrap();
        assert_eq!(submitted, ApprovalStatus::Submitted { on: tue });
        // Decided "on Monday" for a Tuesday submission: dated Tuesday.
        assert_eq!(
            submitted.after(ApprovalStep::Approve, mon),
            Some(ApprovalStatus::Approved {
                submitted: tue,
                on: tue
            })
        );
        let rejected = submitted.after(ApprovalStep::Reject, d(2026, 11, 27)).unwrap();
        assert_eq!(rejected.decided_on(), Some(d(2026, 11, 27)));
        assert_eq!(rejected.steps(), &[ApprovalStep::BackToDraft]);
        assert_eq!(
            rejected.after(ApprovalStep::BackToDraft, mon),
            Some(ApprovalStatus::Draft)
        );
    }

    #[test]
    fn every_status_reads_back_as_written_and_a_missing_date_is_refused() {
        let d = |day| NaiveDate::from_ymd_opt(2027, 1, day).unwrap();
        for status in [
            ApprovalStatus::Draft,
            ApprovalStatus::Submitted { on: d(4) },
            ApprovalStatus::Approved {
                submitted: d(4),
                on: d(6),
            },
            ApprovalStatus::Rejected {
                submitted: d(4),
                on: d(7),
            },
        ] {
            let json = serde_json::to_string(&status).unwrap();
            assert_eq!(serde_json::from_str::<ApprovalStatus>(&json).unwrap(), status, "{json}");
        }
        assert_eq!(
            serde_json::to_string(&ApprovalStatus::Submitted { on: d(4) }).unwrap(),
            r#"{"state":"submitted","on":"2027-01-04"}"#
        );
        let missing = serde_json::from_str::<ApprovalStatus>(r#"{"state":"approved","on":"2027-01-06"}"#);
        assert!(missing.unwrap_err().to_string().contains("submitted"));
        assert!(serde_json::from_str::<ApprovalStatus>(r#"{"state":"lost"}"#).is_err());
        assert_eq!(
            serde_json::from_str::<ApprovalStatus>(r#"{"state":"draft","extra":1}"#).unwrap(),
            ApprovalStatus::Draft
        );
    }
}
