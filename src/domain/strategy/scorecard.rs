//! Weighted comparison of candidates (媒体选择, 经销商选择, DOMAIN.md §4):
//! criteria with weights the user sets, each candidate marked 1-5 on each
//! criterion, ranked by the weighted mean. Media and distributors use the
//! same scorecard with their own default criteria.

use crate::domain::core::ids::{IdSource, ItemId};
use crate::domain::core::rate::Rate;
use crate::domain::situation::Score;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Criterion {
    pub id: ItemId,
    pub name: String,
    /// Any whole weight; what counts is each criterion's share of the sum.
    pub weight: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Candidate {
    pub id: ItemId,
    pub name: String,
    /// Marks by criterion id; a criterion not marked yet is missing.
    #[serde(default)]
    pub scores: BTreeMap<ItemId, Score>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Scorecard {
    #[serde(default)]
    pub criteria: Vec<Criterion>,
    #[serde(default)]
    pub candidates: Vec<Candidate>,
}

/// A candidate's place in the ranking.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ranked {
    pub candidate: ItemId,
    /// The weighted mean in hundredths of a point (1.00 to 5.00 is 100-500);
    /// None while a weighted criterion is not marked.
    pub score: Option<u32>,
}

impl Scorecard {
    pub fn with_criteria(ids: &mut impl IdSource, names: &[String]) -> Scorecard {
        Scorecard {
            criteria: names
                .iter()
                .map(|name| Criterion {
                    id: ids.item_id(),
                    name: name.clone(),
                    weight: 1,
                })
                .collect(),
            candidates: Vec::new(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.criteria.is_empty() && self.candidates.is_empty()
    }

    /// A criterion's share of the weights.
    pub fn share(&self, criterion: &Criterion) -> Option<Rate> {
        let total: u64 = self.criteria.iter().map(|c| u64::from(c.weight)).sum();
        (total > 0).then(|| Rate(((u64::from(criterion.weight) * 10_000 + total / 2) / total) as i64))
    }

    pub fn score(&self, candidate: &Candidate) -> Option<u32> {
        let weighted: Vec<(u64, u64)> = self
            .criteria
            .iter()
            .filter(|c| c.weight > 0)
            .map(|c| {
                candidate
                    .scores
                    .get(&c.id)
                    .map(|s| (u64::from(c.weight), u64::from(s.get())))
            })
            .collect::<Option<Vec<_>>>()?;
        let total: u64 = weighted.iter().map(|(w, _)| w).sum();
        if total == 0 {
            return None;
        }
        let sum: u64 = weighted.iter().map(|(w, s)| w * s * 100).sum();
        Some(((sum + total / 2) / total) as u32)
    }

    /// Every candidate, the best first; those not fully marked come last in
    /// their order; ties keep their order.
    pub fn ranked(&self) -> Vec<Ranked> {
        let mut out: Vec<Ranked> = self
            .candidates
            .iter()
            .map(|c| Ranked {
                candidate: c.id,
                score: self.score(c),
            })
            .collect();
        crate::domain::core::order::sort_by_rank(&mut out, |r| (r.score.map_or(1, |s| -i64::from(s)), 0));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::core::ids::CountingIds;

    fn card() -> (Scorecard, CountingIds) {
        let mut ids = CountingIds::default();
        let mut card = Scorecard::with_criteria(&mut ids, &["Cost".into(), "Fit".into(), "Reach".into()]);
        card.criteria[0].weight = 2;
        for (name, marks) in [("A", [5, 3, 1]), ("B", [4, 4, 4]), ("C", [5, 3, 1])] {
            let scores = card
                .criteria
                .iter()
                .zip(marks)
                .filter_map(|(k, m)| Some((k.id, Score::new(m)?)))
                .collect();
            card.candidates.push(Candidate {
                id: ids.item_id(),
                name: name.into(),
                scores,
            });
        }
        (card, ids)
    }

    #[test]
    fn candidates_rank_by_the_weighted_mean_and_ties_keep_their_order() {
        let (card, _) = card();
        // A: (2×5 + 3 + 1) ÷ 4 = 3.50; B: 4.00.
        assert_eq!(card.score(&card.candidates[0]), Some(350));
        assert_eq!(card.score(&card.candidates[1]), Some(400));
        let order: Vec<ItemId> = card.ranked().iter().map(|r| r.candidate).collect();
        assert_eq!(
            order,
            vec![card.candidates[1].id, card.candidates[0].id, card.candidates[2].id]
        );
        assert_eq!(card.share(&card.criteria[0]), Some(Rate(5_000)));
    }

    #[test]
    fn a_missing_mark_leaves_a_candidate_unranked_unless_its_weight_is_zero() {
        let (mut card, _) = card();
        let reach = card.criteria[2].id;
        card.candidates[1].scores.remove(&reach);
        assert_eq!(card.score(&card.candidates[1]), None);
        assert_eq!(card.ranked().last().map(|r| r.candidate), Some(card.candidates[1].id));
        card.criteria[2].weight = 0;
        assert_eq!(card.score(&card.candidates[1]), Some(400));
        for k in &mut card.criteria {
            k.weight = 0;
        }
        assert_eq!(card.score(&card.candidates[0]), None, "no weight, no score");
        assert_eq!(card.share(&card.criteria[0]), None);
    }
}
