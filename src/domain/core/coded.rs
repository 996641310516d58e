//! Enums that travel as codes: in files, in URLs and in `<select>` values.
//! [`coded!`](crate::coded) writes the code table once per enum (`ALL`,
//! `code`, `from_code` and the [`Coded`] trait), so a value and its code
//! cannot drift apart and shared widgets can list any such enum.

/// An enum whose values each have a stable code.
pub trait Coded: Copy + PartialEq + 'static {
    /// Every value, in the order a list shows them.
    fn all() -> &'static [Self];
    fn code(self) -> &'static str;
    fn from_code(code: &str) -> Option<Self> {
        Self::all().iter().copied().find(|v| v.code() == code)
    }
}

/// `coded!(Priority { High = "high", Medium = "medium", Low = "low" });`
#[macro_export]
macro_rules! coded {
    ($ty:ident { $($variant:ident = $code:literal),* $(,)? }) => {
        impl $ty {
            pub const ALL: [$ty; [$($code),*].len()] = [$($ty::$variant),*];

            pub fn code(self) -> &'static str {
                match self {
                    $($ty::$variant => $code,)*
                }
            }

            pub fn from_code(code: &str) -> Option<Self> {
                match code {
                    $($code => Some($ty::$variant),)*
                    _ => None,
                }
            }
        }

        impl $crate::domain::core::coded::Coded for $ty {
            fn all() -> &'static [Self] {
                &$ty::ALL
            }

            fn code(self) -> &'static str {
                $ty::code(self)
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::Coded;

    #[derive(Clone, Copy, Debug, PartialEq)]
    enum Size {
        Small,
        Large,
    }
    crate::coded!(Size { Small = "s", Large = "l" });

    #[test]
    fn codes_round_trip_and_unknown_codes_are_none() {
        for size in Size::ALL {
            assert_eq!(Size::from_code(size.code()), Some(size));
            assert_eq!(<Size as Coded>::from_code(size.code()), Some(size));
        }
        assert_eq!(Size::from_code("m"), None);
        assert_eq!(<Size as Coded>::all(), &[Size::Small, Size::Large]);
    }
}
