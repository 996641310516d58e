//! Which screen is open, mirrored in the URL hash so a reload stays there.

use crate::domain::ids::PlanId;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Route {
    Library,
    Trash,
    Plan(PlanId),
}

impl Route {
    pub fn to_hash(self) -> String {
        match self {
            Route::Library => "#/".into(),
            Route::Trash => "#/trash".into(),
            Route::Plan(id) => format!("#/plan/{id}"),
        }
    }

    /// Anything unrecognised opens the library.
    pub fn from_hash(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        if path == "trash" {
            Route::Trash
        } else if let Some(id) = path.strip_prefix("plan/").and_then(PlanId::parse) {
            Route::Plan(id)
        } else {
            Route::Library
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::{CountingIds, IdSource};

    #[test]
    fn routes_round_trip_through_the_hash() {
        let id = CountingIds::default().plan_id();
        for route in [Route::Library, Route::Trash, Route::Plan(id)] {
            assert_eq!(Route::from_hash(&route.to_hash()), route);
        }
        assert_eq!(Route::from_hash(""), Route::Library);
        assert_eq!(Route::from_hash("#/plan/<script>"), Route::Library);
    }
}
