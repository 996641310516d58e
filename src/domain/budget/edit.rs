//! The budget chapter's edits, applied by one exhaustive `match`: an edit
//! that nobody handles does not compile. Each is checked before it lands, so
//! a refused amount, date or share leaves the budget as it was.

use super::approval::{check_tiers, ApprovalRequest, ApprovalStep, Tier};
use super::roi::{Channel, RoiRules};
use super::{
    Actual, Axis, Band, Budget, BudgetError, BudgetKind, BudgetLine, Category, Function, PriorityClass, Reach, Region,
    TotalBasis,
};
use crate::domain::core::ids::ItemId;
use crate::domain::core::money::Money;
use crate::domain::core::order::{day, sort_by_rank};
use crate::domain::core::period::Period;
use crate::domain::core::rate::Rate;
use crate::domain::plan::edit::{put, EditGroup};
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// One change to the budget chapter.
#[derive(Clone, Debug, PartialEq)]
pub enum BudgetEdit {
    /// How the budget's total is set.
    Total(TotalBasis),
    /// The reserve share, the plan kind it is judged by, and an own band.
    Reserve {
        share: Rate,
        kind: BudgetKind,
        band: Option<Band>,
    },
    ShowWan(bool),
    OfficialHolidays(bool),
    /// Adds the line, or replaces the one with its id.
    PutLine(BudgetLine),
    /// One field of a line, applied to the line as it is now (a form's copy
    /// of the whole line could be a change behind).
    LineField {
        line: ItemId,
        field: LineField,
    },
    /// One field of a channel's results.
    ChannelField {
        channel: ItemId,
        field: ChannelField,
    },
    /// Typing into a line's name.
    LineName {
        line: ItemId,
        text: String,
    },
    RemoveLines(Vec<ItemId>),
    /// Undoes a removal: the lines back at their positions.
    ReinsertLines(Vec<(usize, BudgetLine)>),
    AddActual {
        line: ItemId,
        actual: Actual,
    },
    RemoveActual {
        line: ItemId,
        actual: ItemId,
    },
    Split {
        axis: Axis,
        shares: BTreeMap<String, Rate>,
    },
    /// Every axis at once (back to the handbook's split): one step to undo.
    AllSplits(BTreeMap<String, BTreeMap<String, Rate>>),
    PutChannel(Channel),
    /// Removes a channel; its lines stay, without a channel.
    RemoveChannel(ItemId),
    Tiers(Vec<Tier>),
    PutApproval(ApprovalRequest),
    /// The next step of a request's life, on `day`, applied to the request
    /// as it is now; a step that is not open changes nothing.
    ApprovalStep {
        request: ItemId,
        step: ApprovalStep,
        day: NaiveDate,
    },
    RemoveApproval(ItemId),
    RoiRules(RoiRules),
    /// New planned amounts for several lines at once (an accepted
    /// reallocation): one step to undo.
    PlannedAmounts(Vec<(ItemId, Money)>),
}

impl BudgetEdit {
    /// Typing into a line's name is one undo step.
    pub fn group(&self) -> Option<EditGroup> {
        match self {
            Self::LineName { line, .. } => Some(EditGroup::LineName(*line)),
            Self::Total(..)
            | Self::Reserve { .. }
            | Self::ShowWan(..)
            | Self::OfficialHolidays(..)
            | Self::PutLine(..)
            | Self::LineField { .. }
            | Self::ChannelField { .. }
            | Self::RemoveLines(..)
            | Self::ReinsertLines(..)
            | Self::AddActual { .. }
            | Self::RemoveActual { .. }
            | Self::Split { .. }
            | Self::AllSplits(..)
            | Self::PutChannel(..)
            | Self::RemoveChannel(..)
            | Self::Tiers(..)
            | Self::PutApproval(..)
            | Self::ApprovalStep { .. }
            | Self::RemoveApproval(..)
            | Self::RoiRules(..)
            | Self::PlannedAmounts(..) => None,
        }
    }
}

/// A budget line's fields, edited one at a time.
#[derive(Clone, Debug, PartialEq)]
pub enum LineField {
    Amount(Money),
    Category(Category),
    Channel(Option<ItemId>),
    Reach(Reach),
    Function(Function),
    Region(Region),
    Priority(PriorityClass),
    Month(Option<NaiveDate>),
    Owner(String),
    Phase(Option<ItemId>),
    Tasks(Vec<ItemId>),
}

impl LineField {
    fn set(self, l: &mut BudgetLine) -> Result<(), BudgetError> {
        match self {
            Self::Amount(m) if m.is_negative() => return Err(BudgetError::NegativeAmount),
            Self::Amount(m) => l.amount = m,
            Self::Category(c) => l.category = c,
            Self::Channel(c) => l.channel = c,
            Self::Reach(r) => l.reach = r,
            Self::Function(f) => l.function = f,
            Self::Region(r) => l.region = r,
            Self::Priority(p) => l.priority = p,
            Self::Month(m) => l.month = m,
            Self::Owner(o) => l.owner = o,
            Self::Phase(p) => l.phase = p,
            Self::Tasks(t) => l.tasks = t,
        }
        Ok(())
    }
}

/// A channel's fields, edited one at a time.
#[derive(Clone, Debug, PartialEq)]
pub enum ChannelField {
    Name(String),
    Revenue(Money),
    Leads(u64),
    Customers(u64),
    OrderValue(Option<Money>),
    RepeatRate(Option<Rate>),
}

impl ChannelField {
    fn set(self, c: &mut Channel) -> Result<(), BudgetError> {
        match self {
            Self::Name(n) if n.trim().is_empty() => return Err(BudgetError::ChannelNameEmpty),
            Self::Name(n) => c.name = n,
            Self::Revenue(m) | Self::OrderValue(Some(m)) if m.is_negative() => return Err(BudgetError::NegativeAmount),
            Self::Revenue(m) => c.revenue = m,
            Self::Leads(n) => c.leads = n,
            Self::Customers(n) => c.customers = n,
            Self::OrderValue(m) => c.order_value = m,
            Self::RepeatRate(Some(r)) if r.0 < 0 || r >= Rate::FULL => return Err(BudgetError::ShareOutOfRange),
            Self::RepeatRate(r) => c.repeat_rate = r,
        }
        Ok(())
    }
}

/// Applies `edit` to the budget of a plan covering `period`.
pub fn apply(b: &mut Budget, period: &Period, edit: BudgetEdit) -> Result<(), BudgetError> {
    match edit {
        BudgetEdit::Total(total) => {
            let negative = match total {
                TotalBasis::Amount { amount } => amount.is_negative(),
                TotalBasis::ShareOfRevenue { revenue, share } => {
                    if share.0 < 0 || share > Rate::FULL {
                        return Err(BudgetError::ShareOutOfRange);
                    }
                    revenue.is_negative()
                }
            };
            if negative {
                return Err(BudgetError::NegativeAmount);
            }
            b.total = total;
        }
        BudgetEdit::Reserve { share, kind, band } => {
            if share.0 < 0 || share > Rate::FULL {
                return Err(BudgetError::ShareOutOfRange);
            }
            if let Some(band) = band {
                Budget::check_band(band)?;
            }
            (b.reserve, b.kind, b.reserve_band) = (share, kind, band);
        }
        BudgetEdit::ShowWan(on) => b.show_wan = on,
        BudgetEdit::OfficialHolidays(on) => b.official_holidays = on,
        BudgetEdit::PutLine(line) => {
            Budget::check_line(&line)?;
            put(&mut b.lines, line, |l| l.id);
        }
        BudgetEdit::LineField { line, field } => {
            if let Some(l) = b.lines.iter_mut().find(|l| l.id == line) {
                field.set(l)?;
            }
        }
        BudgetEdit::ChannelField { channel, field } => {
            if let Some(c) = b.channels.iter_mut().find(|c| c.id == channel) {
                field.set(c)?;
            }
        }
        BudgetEdit::LineName { line, text } => {
            if text.trim().is_empty() {
                return Err(BudgetError::LineNameEmpty);
            }
            if let Some(l) = b.lines.iter_mut().find(|l| l.id == line) {
                l.name = text;
            }
        }
        BudgetEdit::RemoveLines(ids) => {
            b.lines.retain(|l| !ids.contains(&l.id));
            for a in &mut b.approvals {
                if a.line.is_some_and(|l| ids.contains(&l)) {
                    a.line = None;
                }
            }
        }
        BudgetEdit::ReinsertLines(lines) => {
            for (at, line) in lines {
                if b.lines.iter().all(|l| l.id != line.id) {
                    let at = at.min(b.lines.len());
                    b.lines.insert(at, line);
                }
            }
        }
        BudgetEdit::AddActual { line, actual } => {
            Budget::check_actual(&actual, period)?;
            if let Some(l) = b.lines.iter_mut().find(|l| l.id == line) {
                l.actuals.push(actual);
                sort_by_rank(&mut l.actuals, |a| (day(a.date), 0));
            }
        }
        BudgetEdit::RemoveActual { line, actual } => {
            if let Some(l) = b.lines.iter_mut().find(|l| l.id == line) {
                l.actuals.retain(|a| a.id != actual);
            }
        }
        BudgetEdit::Split { axis, shares } => {
            Budget::check_split(&shares)?;
            b.splits.insert(axis.code().to_owned(), shares);
        }
        BudgetEdit::AllSplits(splits) => {
            splits.values().try_for_each(Budget::check_split)?;
            b.splits = splits;
        }
        BudgetEdit::PutChannel(channel) => {
            if channel.name.trim().is_empty() {
                return Err(BudgetError::ChannelNameEmpty);
            }
            if channel.revenue.is_negative() || channel.order_value.is_some_and(Money::is_negative) {
                return Err(BudgetError::NegativeAmount);
            }
            if channel.repeat_rate.is_some_and(|r| r.0 < 0 || r >= Rate::FULL) {
                return Err(BudgetError::ShareOutOfRange);
            }
            put(&mut b.channels, channel, |c| c.id);
        }
        BudgetEdit::RemoveChannel(id) => {
            b.channels.retain(|c| c.id != id);
            for l in b.lines.iter_mut().filter(|l| l.channel == Some(id)) {
                l.channel = None;
            }
        }
        BudgetEdit::Tiers(tiers) => {
            check_tiers(&tiers).map_err(BudgetError::Tiers)?;
            b.tiers = tiers;
        }
        BudgetEdit::PutApproval(request) => {
            request.check().map_err(BudgetError::Approval)?;
            put(&mut b.approvals, request, |a| a.id);
        }
        BudgetEdit::ApprovalStep { request, step, day } => {
            if let Some(r) = b.approvals.iter_mut().find(|r| r.id == request) {
                if let Some(next) = r.status.after(step, day) {
                    r.status = next;
                }
            }
        }
        BudgetEdit::RemoveApproval(id) => b.approvals.retain(|a| a.id != id),
        BudgetEdit::RoiRules(rules) => {
            if !rules.is_consistent() {
                return Err(BudgetError::Rules);
            }
            b.rules = rules;
        }
        BudgetEdit::PlannedAmounts(amounts) => {
            if amounts.iter().any(|(_, m)| m.is_negative()) {
                return Err(BudgetError::NegativeAmount);
            }
            for (id, amount) in amounts {
                if let Some(l) = b.lines.iter_mut().find(|l| l.id == id) {
                    l.amount = amount;
                }
            }
        }
    }
    Ok(())
}

/// The edit that undoes removing lines `ids`: each line with its position.
pub fn removal_undo(b: &Budget, ids: &[ItemId]) -> BudgetEdit {
    BudgetEdit::ReinsertLines(
        b.lines
            .iter()
            .enumerate()
            .filter(|(_, l)| ids.contains(&l.id))
            .map(|(i, l)| (i, l.clone()))
            .collect(),
    )
}
