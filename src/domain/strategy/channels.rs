//! Channel strategy, the KOL shortlist and community groups (渠道策略,
//! 传播, DOMAIN.md §4): numbers a plan is checked against, with the
//! handbook's defaults.

use crate::domain::core::ids::ItemId;
use crate::domain::core::rate::Rate;
use serde::{Deserialize, Serialize};

/// The kinds of channel (线上自有平台, 电商平台, 社交, 旗舰店, 经销商, 快闪店).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChannelKind {
    OwnPlatform,
    Marketplace,
    Social,
    Flagship,
    Distributor,
    PopUp,
}

crate::coded!(ChannelKind {
    OwnPlatform = "own_platform",
    Marketplace = "marketplace",
    Social = "social",
    Flagship = "flagship",
    Distributor = "distributor",
    PopUp = "pop_up",
});

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Channel {
    pub id: ItemId,
    pub kind: ChannelKind,
    #[serde(default)]
    pub name: String,
    /// What the channel is for: reach, conversion, service…
    #[serde(default)]
    pub role: String,
    /// The intended share of revenue.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub share: Option<Rate>,
}

/// The omni-channel (OMO) choices.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Omo {
    SharedInventory,
    SharedMembership,
    JoinedService,
}

crate::coded!(Omo {
    SharedInventory = "shared_inventory",
    SharedMembership = "shared_membership",
    JoinedService = "joined_service",
});

/// How the channels' intended shares add up: they must make 100% once any
/// is set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShareSum {
    NoneSet,
    Whole,
    Off(Rate),
}

pub fn share_sum(channels: &[Channel]) -> ShareSum {
    let shares: Vec<Rate> = channels.iter().filter_map(|c| c.share).collect();
    if shares.is_empty() {
        return ShareSum::NoneSet;
    }
    let total = Rate(shares.iter().map(|r| r.0).sum());
    if total == Rate::FULL {
        ShareSum::Whole
    } else {
        ShareSum::Off(total)
    }
}

/// A KOL on the shortlist.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Kol {
    pub id: ItemId,
    pub name: String,
    #[serde(default)]
    pub platform: String,
    /// How much of the KOL's following matches our persona.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follower_match: Option<Rate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub engagement: Option<Rate>,
    /// Live-commerce commission.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commission: Option<Rate>,
}

/// What a KOL must meet; the handbook's defaults: match ≥ 80%, engagement
/// ≥ 3%, commission 10-20%.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KolCriteria {
    pub min_match: Rate,
    pub min_engagement: Rate,
    pub min_commission: Rate,
    pub max_commission: Rate,
}

impl Default for KolCriteria {
    fn default() -> Self {
        KolCriteria {
            min_match: Rate(8_000),
            min_engagement: Rate(300),
            min_commission: Rate(1_000),
            max_commission: Rate(2_000),
        }
    }
}

/// A criterion a KOL fails, or cannot be checked against yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KolFailure {
    MatchLow,
    EngagementLow,
    CommissionLow,
    CommissionHigh,
    /// A figure not entered yet.
    Unknown(KolFigure),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum KolFigure {
    Match,
    Engagement,
    Commission,
}

impl Kol {
    pub fn figure(&self, figure: KolFigure) -> Option<Rate> {
        match figure {
            KolFigure::Match => self.follower_match,
            KolFigure::Engagement => self.engagement,
            KolFigure::Commission => self.commission,
        }
    }

    /// The KOL with one figure changed (or cleared).
    pub fn with_figure(mut self, figure: KolFigure, value: Option<Rate>) -> Kol {
        match figure {
            KolFigure::Match => self.follower_match = value,
            KolFigure::Engagement => self.engagement = value,
            KolFigure::Commission => self.commission = value,
        }
        self
    }

    /// Every criterion the KOL does not meet; the thresholds themselves
    /// pass (80% match meets "≥ 80%", 20% commission meets "10-20%").
    pub fn failures(&self, c: &KolCriteria) -> Vec<KolFailure> {
        let mut out = Vec::new();
        match self.follower_match {
            None => out.push(KolFailure::Unknown(KolFigure::Match)),
            Some(m) if m < c.min_match => out.push(KolFailure::MatchLow),
            Some(_) => {}
        }
        match self.engagement {
            None => out.push(KolFailure::Unknown(KolFigure::Engagement)),
            Some(e) if e < c.min_engagement => out.push(KolFailure::EngagementLow),
            Some(_) => {}
        }
        match self.commission {
            None => out.push(KolFailure::Unknown(KolFigure::Commission)),
            Some(k) if k < c.min_commission => out.push(KolFailure::CommissionLow),
            Some(k) if k > c.max_commission => out.push(KolFailure::CommissionHigh),
            Some(_) => {}
        }
        out
    }
}

/// Content formats of the communication plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    Article,
    ShortVideo,
    Live,
    ImagePost,
    Case,
    Event,
}

crate::coded!(Format {
    Article = "article",
    ShortVideo = "short_video",
    Live = "live",
    ImagePost = "image_post",
    Case = "case",
    Event = "event",
});

/// One line of the communication plan: a theme in a format on a channel.
/// The channel is chapter 5's publishing cadence, linked by id (one source
/// of truth for how often the channel publishes).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Theme {
    pub id: ItemId,
    pub theme: String,
    pub format: Format,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cadence: Option<ItemId>,
}

/// A community group (社群) and how lively it is.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Group {
    pub id: ItemId,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub members: Option<u32>,
    /// Members active in the last month.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<u32>,
}

/// The community's targets: 500 members a group, 60% of them active in a
/// month.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommunityTargets {
    pub group_size: u32,
    pub monthly_activity: Rate,
}

impl Default for CommunityTargets {
    fn default() -> Self {
        CommunityTargets {
            group_size: 500,
            monthly_activity: Rate(6_000),
        }
    }
}

impl Group {
    /// Active members as a share of members.
    pub fn activity(&self) -> Option<Rate> {
        let members = self.members.filter(|m| *m > 0)?;
        let active = i64::from(self.active?);
        let members = i64::from(members);
        Some(Rate((active * 10_000 + members / 2) / members))
    }

    pub fn below_target(&self, t: &CommunityTargets) -> bool {
        self.activity().is_some_and(|a| a < t.monthly_activity)
    }

    pub fn over_size(&self, t: &CommunityTargets) -> bool {
        self.members.is_some_and(|m| m > t.group_size)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::core::ids::{CountingIds, IdSource};

    fn kol(m: i64, e: i64, c: i64) -> Kol {
        Kol {
            id: CountingIds::default().item_id(),
            name: "K".into(),
            platform: String::new(),
            follower_match: Some(Rate(m)),
            engagement: Some(Rate(e)),
            commission: Some(Rate(c)),
        }
    }

    #[test]
    fn kol_criteria_at_exactly_the_thresholds_pass() {
        let c = KolCriteria::default();
        assert_eq!(kol(8_000, 300, 1_000).failures(&c), vec![]);
        assert_eq!(kol(8_000, 300, 2_000).failures(&c), vec![]);
        assert_eq!(
            kol(7_999, 299, 999).failures(&c),
            vec![
                KolFailure::MatchLow,
                KolFailure::EngagementLow,
                KolFailure::CommissionLow
            ]
        );
        assert_eq!(kol(9_000, 500, 2_001).failures(&c), vec![KolFailure::CommissionHigh]);
        let mut blank = kol(9_000, 500, 1_500);
        blank.engagement = None;
        assert_eq!(blank.failures(&c), vec![KolFailure::Unknown(KolFigure::Engagement)]);
    }

    #[test]
    fn channel_shares_must_make_the_whole() {
        let mut ids = CountingIds::default();
        let mut ch = |share: Option<i64>| Channel {
            id: ids.item_id(),
            kind: ChannelKind::Marketplace,
            name: String::new(),
            role: String::new(),
            share: share.map(Rate),
        };
        assert_eq!(share_sum(&[ch(None)]), ShareSum::NoneSet);
        assert_eq!(
            share_sum(&[ch(Some(6_000)), ch(Some(4_000)), ch(None)]),
            ShareSum::Whole
        );
        assert_eq!(
            share_sum(&[ch(Some(6_000)), ch(Some(3_000))]),
            ShareSum::Off(Rate(9_000))
        );
        assert_eq!(
            share_sum(&[ch(Some(6_000)), ch(Some(5_000))]),
            ShareSum::Off(Rate(11_000))
        );
    }

    #[test]
    fn a_groups_activity_against_its_target() {
        let t = CommunityTargets::default();
        let g = |m, a| Group {
            id: CountingIds::default().item_id(),
            name: "G".into(),
            members: m,
            active: a,
        };
        assert_eq!(g(Some(500), Some(300)).activity(), Some(Rate(6_000)));
        assert!(!g(Some(500), Some(300)).below_target(&t));
        assert!(g(Some(500), Some(299)).below_target(&t));
        assert_eq!(g(Some(0), Some(0)).activity(), None);
        assert!(g(Some(501), None).over_size(&t));
    }
}
