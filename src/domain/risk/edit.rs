//! Chapter 7's edits, applied by one exhaustive `match`.

use super::clock::{Incident, WorkingHours};
use super::{Bands, Risk, Risks};
use crate::domain::core::ids::ItemId;
use crate::domain::plan::edit::{positioned, put, reinsert, EditGroup};

/// Where a typed text goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RiskText {
    Description(ItemId),
    Trigger(ItemId),
    Response(ItemId),
    IncidentTitle(ItemId),
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct RiskRestore {
    pub risks: Vec<(usize, Risk)>,
    pub incidents: Vec<(usize, Incident)>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum RiskEdit {
    Text(RiskText, String),
    /// Adds the risk or replaces the one with its id.
    PutRisk(Risk),
    Bands(Bands),
    Hours(WorkingHours),
    PutIncident(Incident),
    /// Risks or incidents with these ids. An incident of a removed risk
    /// stays (it happened) and names the risk as deleted.
    Remove(Vec<ItemId>),
    Restore(Box<RiskRestore>),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RiskError {
    DescriptionEmpty,
    /// Bands must each hold a score: 2 ≤ medium < high ≤ 25.
    BandsOutOfOrder,
    HoursOutOfOrder,
    NameEmpty,
    /// A step done before the incident started.
    DoneBeforeStart,
}

impl RiskEdit {
    pub fn group(&self) -> Option<EditGroup> {
        match self {
            Self::Text(target, _) => Some(EditGroup::Risk(*target)),
            Self::PutRisk(_)
            | Self::Bands(_)
            | Self::Hours(_)
            | Self::PutIncident(_)
            | Self::Remove(_)
            | Self::Restore(_) => None,
        }
    }
}

fn check_incident(i: &Incident) -> Result<(), RiskError> {
    if i.title.trim().is_empty() || i.steps.iter().any(|s| s.name.trim().is_empty()) {
        return Err(RiskError::NameEmpty);
    }
    if i.steps.iter().any(|s| s.done.is_some_and(|d| d < i.started)) {
        return Err(RiskError::DoneBeforeStart);
    }
    Ok(())
}

pub fn apply(r: &mut Risks, edit: RiskEdit) -> Result<(), RiskError> {
    match edit {
        RiskEdit::Text(target, value) => {
            let slot = match target {
                RiskText::Description(id) => r.risks.iter_mut().find(|x| x.id == id).map(|x| &mut x.description),
                RiskText::Trigger(id) => r.risks.iter_mut().find(|x| x.id == id).map(|x| &mut x.trigger),
                RiskText::Response(id) => r.risks.iter_mut().find(|x| x.id == id).map(|x| &mut x.response),
                RiskText::IncidentTitle(id) => r.incidents.iter_mut().find(|x| x.id == id).map(|x| &mut x.title),
            };
            // A description or title typed away to nothing is refused (the
            // old text stays); a trigger or response may be empty.
            let blank = match target {
                RiskText::Description(_) => Some(RiskError::DescriptionEmpty),
                RiskText::IncidentTitle(_) => Some(RiskError::NameEmpty),
                RiskText::Trigger(_) | RiskText::Response(_) => None,
            };
            if let Some(e) = blank.filter(|_| value.trim().is_empty()) {
                return Err(e);
            }
            if let Some(slot) = slot {
                *slot = value;
            }
        }
        RiskEdit::PutRisk(risk) => {
            if risk.description.trim().is_empty() {
                return Err(RiskError::DescriptionEmpty);
            }
            put(&mut r.risks, risk, |x| x.id);
        }
        RiskEdit::Bands(b) => {
            if !b.is_valid() {
                return Err(RiskError::BandsOutOfOrder);
            }
            r.bands = b;
        }
        RiskEdit::Hours(h) => {
            if !h.is_valid() {
                return Err(RiskError::HoursOutOfOrder);
            }
            r.hours = h;
        }
        RiskEdit::PutIncident(i) => {
            check_incident(&i)?;
            put(&mut r.incidents, i, |x| x.id);
        }
        RiskEdit::Remove(ids) => {
            r.risks.retain(|x| !ids.contains(&x.id));
            r.incidents.retain(|x| !ids.contains(&x.id));
        }
        RiskEdit::Restore(back) => {
            let RiskRestore { risks, incidents } = *back;
            reinsert(&mut r.risks, risks, |x| x.id);
            reinsert(&mut r.incidents, incidents, |x| x.id);
        }
    }
    Ok(())
}

/// The edit that undoes `Remove(ids)`.
pub fn removal_undo(r: &Risks, ids: &[ItemId]) -> RiskEdit {
    RiskEdit::Restore(Box::new(RiskRestore {
        risks: positioned(&r.risks, ids, |x| x.id),
        incidents: positioned(&r.incidents, ids, |x| x.id),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::core::ids::{CountingIds, IdSource};
    use crate::domain::risk::Category;

    #[test]
    fn bands_and_hours_out_of_order_are_refused_and_a_removal_undoes() {
        let mut r = Risks::default();
        assert_eq!(
            apply(
                &mut r,
                RiskEdit::Bands(Bands {
                    medium_from: 9,
                    high_from: 8
                })
            ),
            Err(RiskError::BandsOutOfOrder)
        );
        let h = WorkingHours {
            start: WorkingHours::default().end,
            end: WorkingHours::default().start,
        };
        assert_eq!(apply(&mut r, RiskEdit::Hours(h)), Err(RiskError::HoursOutOfOrder));
        let risk = Risk::new(CountingIds::default().item_id(), Category::CashFlow, "Late payments");
        apply(&mut r, RiskEdit::PutRisk(risk.clone())).unwrap();
        assert_eq!(
            apply(&mut r, RiskEdit::Text(RiskText::Description(risk.id), " ".into())),
            Err(RiskError::DescriptionEmpty)
        );
        let before = r.clone();
        let undo = removal_undo(&r, &[risk.id]);
        apply(&mut r, RiskEdit::Remove(vec![risk.id])).unwrap();
        assert!(r.is_empty());
        apply(&mut r, undo).unwrap();
        assert_eq!(r, before);
    }
}
