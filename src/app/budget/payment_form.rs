//! The "record a payment" form as typed: the line, date, amount and note as
//! text, checked when sent, turned into an [`Actual`] only when all is well.

use crate::app::messages::{budget_error, money_error};
use crate::domain::budget::{Actual, Budget};
use crate::domain::core::calendar::{date_text, parse_date};
use crate::domain::core::ids::ItemId;
use crate::domain::core::money::Money;
use crate::domain::core::period::Period;
use crate::i18n::{Key, Text};
use chrono::NaiveDate;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct PaymentDraft {
    /// The line's id; empty means the first line.
    pub line: String,
    pub date: String,
    pub amount: String,
    pub note: String,
}

impl PaymentDraft {
    /// A blank payment dated `day`.
    pub fn on(day: NaiveDate) -> Self {
        PaymentDraft {
            date: date_text(day),
            ..Default::default()
        }
    }

    /// The line and the payment, or what to tell the user. `first_line` is
    /// the line the form shows first, taken when none was picked.
    pub fn build(&self, id: ItemId, first_line: Option<ItemId>, period: &Period) -> Result<(ItemId, Actual), Text> {
        let line = match self.line.as_str() {
            "" => first_line,
            picked => ItemId::parse(picked),
        }
        .ok_or_else(|| Text::new(Key::SpendingNoLines))?;
        let amount = Money::parse(&self.amount).map_err(|e| money_error(e, &self.amount))?;
        let date = parse_date(&self.date).ok_or_else(|| Text::new(Key::ErrorDateInvalid))?;
        let actual = Actual {
            id,
            date,
            amount,
            note: self.note.trim().to_owned(),
        };
        Budget::check_actual(&actual, period).map_err(budget_error)?;
        Ok((line, actual))
    }

    /// What stays after a payment is recorded: the line and the date, for
    /// the next payment of the same kind.
    pub fn next(&self) -> Self {
        PaymentDraft {
            amount: String::new(),
            note: String::new(),
            ..self.clone()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::core::ids::{CountingIds, IdSource};
    use crate::domain::core::period::PeriodKind;
    use crate::i18n::Lang;

    #[test]
    fn a_payment_is_built_only_from_a_good_amount_and_a_date_in_the_period() {
        let mut ids = CountingIds::default();
        let (line, id) = (ids.item_id(), ids.item_id());
        let period = Period::starting_from(PeriodKind::Quarter, NaiveDate::from_ymd_opt(2026, 10, 1).unwrap());
        let mut draft = PaymentDraft::on(NaiveDate::from_ymd_opt(2026, 11, 2).unwrap());
        draft.amount = "1,200.50".into();
        draft.note = "  Expo hall  ".into();
        let (to, actual) = draft.build(id, Some(line), &period).expect("a good payment");
        assert_eq!(
            (to, actual.amount, actual.note.as_str()),
            (line, Money::from_fen(120_050), "Expo hall")
        );
        draft.amount = "twelve".into();
        let err = draft.build(id, Some(line), &period).unwrap_err();
        assert!(
            err.render(Lang::En).contains("“twelve” is not an amount"),
            "{}",
            err.render(Lang::En)
        );
        draft.amount = "5".into();
        draft.date = "2027-02-30".into();
        assert_eq!(
            draft.build(id, Some(line), &period).unwrap_err(),
            Text::new(Key::ErrorDateInvalid)
        );
        draft.date = "2027-01-05".into();
        assert_eq!(
            draft.build(id, Some(line), &period).unwrap_err().key,
            Key::ErrorActualOutside,
            "outside the plan period"
        );
        assert_eq!(draft.next().date, "2027-01-05");
        assert!(draft.next().amount.is_empty());
    }
}
