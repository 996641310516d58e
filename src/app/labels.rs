//! What a coded enum's values are called in the user's language, for the
//! shared `<EnumSelect>`: one `impl` per enum instead of a hand-written
//! list of `<option>`s wherever the enum is chosen.

use super::implementation::gantt::Zoom;
use crate::domain::core::coded::Coded;
use crate::domain::core::period::PeriodKind;
use crate::domain::evaluation::review::Cadence;
use crate::domain::implementation::schedule::{Priority, TaskStatus};
use crate::i18n::Key;

/// `labels! { Enum { Variant => Key, … } … }`: the `Labelled` impls of a
/// chapter's coded enums, one line per value. (Used where `Labelled` and
/// `Key` are in scope.)
#[macro_export]
macro_rules! labels {
    ($($ty:ident { $($variant:ident => $key:ident),* $(,)? })*) => {
        $(impl Labelled for $ty {
            fn label(self) -> Key {
                match self {
                    $($ty::$variant => Key::$key,)*
                }
            }
        })*
    };
}

pub trait Labelled: Coded {
    fn label(self) -> Key;
}

impl Labelled for TaskStatus {
    fn label(self) -> Key {
        super::implementation::status_key(self)
    }
}

impl Labelled for Priority {
    fn label(self) -> Key {
        super::implementation::priority_key(self)
    }
}

impl Labelled for Zoom {
    fn label(self) -> Key {
        match self {
            Zoom::Week => Key::ZoomWeek,
            Zoom::Month => Key::ZoomMonth,
            Zoom::Quarter => Key::ZoomQuarter,
        }
    }
}

impl Labelled for Cadence {
    fn label(self) -> Key {
        super::goals::figures::cadence_key(self)
    }
}

impl Labelled for PeriodKind {
    fn label(self) -> Key {
        super::messages::period_kind(self)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::i18n::{t, Lang};

    /// Fails unless every value of `T` has a label of its own.
    pub(crate) fn distinct<T: Labelled>() {
        let labels: std::collections::BTreeSet<_> = T::all().iter().map(|v| t(Lang::En, v.label())).collect();
        assert_eq!(labels.len(), T::all().len());
    }

    #[test]
    fn every_value_has_its_own_label() {
        distinct::<TaskStatus>();
        distinct::<Priority>();
        distinct::<PeriodKind>();
        distinct::<Zoom>();
        distinct::<Cadence>();
    }
}
