//! The evaluation chapter's edits (reviews, 复盘), applied by one exhaustive
//! `match`.

use super::review::{Review, ReviewField};
use crate::domain::core::ids::ItemId;
use crate::domain::plan::edit::{put, EditGroup};

/// One change to the evaluation chapter.
#[derive(Clone, Debug, PartialEq)]
pub enum EvaluationEdit {
    PutReview(Review),
    RemoveReview(ItemId),
    ReviewText {
        review: ItemId,
        field: ReviewField,
        text: String,
    },
    /// The cause written for one KPI in a review; empty removes it.
    ReviewCause {
        review: ItemId,
        kpi: ItemId,
        text: String,
    },
}

impl EvaluationEdit {
    /// Typing into one field is one undo step.
    pub fn group(&self) -> Option<EditGroup> {
        match self {
            Self::ReviewText { review, field, .. } => Some(EditGroup::Review(*review, *field)),
            Self::ReviewCause { review, kpi, .. } => Some(EditGroup::Cause(*review, *kpi)),
            Self::PutReview(_) | Self::RemoveReview(_) => None,
        }
    }
}

pub fn apply(reviews: &mut Vec<Review>, edit: EvaluationEdit) {
    match edit {
        EvaluationEdit::PutReview(review) => put(reviews, review, |r| r.id),
        EvaluationEdit::RemoveReview(id) => reviews.retain(|r| r.id != id),
        EvaluationEdit::ReviewText { review, field, text } => {
            if let Some(review) = reviews.iter_mut().find(|r| r.id == review) {
                match field {
                    ReviewField::Highlights => review.highlights = text,
                    ReviewField::Adjustments => review.adjustments = text,
                }
            }
        }
        EvaluationEdit::ReviewCause { review, kpi, text } => {
            if let Some(review) = reviews.iter_mut().find(|r| r.id == review) {
                if text.is_empty() {
                    review.causes.remove(&kpi);
                } else {
                    review.causes.insert(kpi, text);
                }
            }
        }
    }
}
