//! Which screen is open, mirrored in the URL hash so a reload stays there.

use crate::domain::core::ids::{ItemId, PlanId};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Route {
    Library,
    Trash,
    Plan(PlanId, Section),
}

/// The part of a plan on screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    /// The plan's home page: figures of every KPI.
    Dashboard,
    Summary,
    Goals,
    /// The goals chapter opened at one KPI, ready to record an actual.
    Kpi(ItemId),
    Reviews,
    Review(ItemId),
    Implementation(ImplView),
    Budget(BudgetView),
    Situation(SituationView),
    Strategies(StrategyView),
    /// Chapter 6's people by role.
    Team(TeamView),
    /// Chapter 7.
    Risks(RiskView),
    /// The whole plan as a document (and, later, its status reports).
    Document(DocView),
}

/// The views of the plan document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DocView {
    /// The eight chapters with the completeness check beside them.
    Plan,
    /// A week's status report.
    Weekly,
    /// A month's status report.
    Monthly,
}

impl DocView {
    pub const ALL: [DocView; 3] = [Self::Plan, Self::Weekly, Self::Monthly];

    fn code(self) -> &'static str {
        match self {
            Self::Plan => "",
            Self::Weekly => "weekly",
            Self::Monthly => "monthly",
        }
    }
}

/// The views of the team (chapter 6, people by role).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TeamView {
    Positions,
    Chart,
    Raci,
    Training,
    Incentives,
}

impl TeamView {
    pub const ALL: [TeamView; 5] = [
        Self::Positions,
        Self::Chart,
        Self::Raci,
        Self::Training,
        Self::Incentives,
    ];

    fn code(self) -> &'static str {
        match self {
            Self::Positions => "",
            Self::Chart => "chart",
            Self::Raci => "raci",
            Self::Training => "training",
            Self::Incentives => "incentives",
        }
    }
}

/// The views of chapter 7, risk management.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RiskView {
    Register,
    HeatMap,
    Incidents,
}

impl RiskView {
    pub const ALL: [RiskView; 3] = [Self::Register, Self::HeatMap, Self::Incidents];

    fn code(self) -> &'static str {
        match self {
            Self::Register => "",
            Self::HeatMap => "heatmap",
            Self::Incidents => "incidents",
        }
    }
}

/// The views of chapter 4, core strategies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StrategyView {
    Strategies,
    Coverage,
    Products,
    Channels,
    Communication,
    Media,
    Membership,
}

impl StrategyView {
    pub const ALL: [StrategyView; 7] = [
        Self::Strategies,
        Self::Coverage,
        Self::Products,
        Self::Channels,
        Self::Communication,
        Self::Media,
        Self::Membership,
    ];

    fn code(self) -> &'static str {
        match self {
            Self::Strategies => "",
            Self::Coverage => "coverage",
            Self::Products => "products",
            Self::Channels => "channels",
            Self::Communication => "communication",
            Self::Media => "media",
            Self::Membership => "membership",
        }
    }
}

/// The views of chapter 2, situation analysis.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SituationView {
    Overview,
    Pestel,
    Forces,
    Swot,
    Competitors,
    Brief,
    Personas,
    Resources,
}

impl SituationView {
    pub const ALL: [SituationView; 8] = [
        Self::Overview,
        Self::Pestel,
        Self::Forces,
        Self::Swot,
        Self::Competitors,
        Self::Brief,
        Self::Personas,
        Self::Resources,
    ];

    fn code(self) -> &'static str {
        match self {
            Self::Overview => "",
            Self::Pestel => "pestel",
            Self::Forces => "forces",
            Self::Swot => "swot",
            Self::Competitors => "competitors",
            Self::Brief => "brief",
            Self::Personas => "personas",
            Self::Resources => "resources",
        }
    }
}

/// The views of the budget chapter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BudgetView {
    Lines,
    Splits,
    Spending,
    Approvals,
    Channels,
    /// The printable sheet of one approval request.
    Sheet(ItemId),
}

impl BudgetView {
    pub const TABS: [BudgetView; 5] = [
        Self::Lines,
        Self::Splits,
        Self::Spending,
        Self::Approvals,
        Self::Channels,
    ];

    fn path(self) -> String {
        match self {
            Self::Lines => String::new(),
            Self::Splits => "/splits".into(),
            Self::Spending => "/spending".into(),
            Self::Approvals => "/approvals".into(),
            Self::Channels => "/channels".into(),
            Self::Sheet(id) => format!("/approvals/{id}"),
        }
    }

    fn from_path(path: &str) -> Option<BudgetView> {
        Some(match path {
            "" => Self::Lines,
            "splits" => Self::Splits,
            "spending" => Self::Spending,
            "approvals" => Self::Approvals,
            "channels" => Self::Channels,
            other => Self::Sheet(other.strip_prefix("approvals/").and_then(ItemId::parse)?),
        })
    }
}

/// The views of the implementation plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ImplView {
    Tasks,
    /// The task list opened at one task (a reminder's link).
    Task(ItemId),
    Timeline,
    Calendar,
    Meetings,
}

impl ImplView {
    pub const ALL: [ImplView; 4] = [Self::Tasks, Self::Timeline, Self::Calendar, Self::Meetings];

    fn path(self) -> String {
        match self {
            Self::Tasks => String::new(),
            Self::Task(id) => format!("/tasks/{id}"),
            Self::Timeline => "/timeline".into(),
            Self::Calendar => "/calendar".into(),
            Self::Meetings => "/meetings".into(),
        }
    }

    /// The tab the view is under.
    pub fn tab(self) -> ImplView {
        match self {
            Self::Task(_) => Self::Tasks,
            other => other,
        }
    }
}

impl Section {
    fn path(self) -> String {
        match self {
            Section::Dashboard => String::new(),
            Section::Summary => "/summary".into(),
            Section::Goals => "/goals".into(),
            Section::Kpi(id) => format!("/goals/kpi/{id}"),
            Section::Reviews => "/reviews".into(),
            Section::Review(id) => format!("/reviews/{id}"),
            Section::Implementation(view) => format!("/implementation{}", view.path()),
            Section::Budget(view) => format!("/budget{}", view.path()),
            Section::Situation(SituationView::Overview) => "/situation".into(),
            Section::Situation(view) => format!("/situation/{}", view.code()),
            Section::Strategies(StrategyView::Strategies) => "/strategies".into(),
            Section::Strategies(view) => format!("/strategies/{}", view.code()),
            Section::Team(TeamView::Positions) => "/team".into(),
            Section::Team(view) => format!("/team/{}", view.code()),
            Section::Risks(RiskView::Register) => "/risks".into(),
            Section::Risks(view) => format!("/risks/{}", view.code()),
            Section::Document(view) => match view.code() {
                "" => "/document".into(),
                code => format!("/document/{code}"),
            },
        }
    }

    fn from_path(path: &str) -> Section {
        match path.trim_matches('/') {
            "summary" => Section::Summary,
            "goals" => Section::Goals,
            "reviews" => Section::Reviews,
            "implementation" => Section::Implementation(ImplView::Tasks),
            "implementation/timeline" => Section::Implementation(ImplView::Timeline),
            "implementation/calendar" => Section::Implementation(ImplView::Calendar),
            "implementation/meetings" => Section::Implementation(ImplView::Meetings),
            "budget" => Section::Budget(BudgetView::Lines),
            "situation" => Section::Situation(SituationView::Overview),
            other if other.starts_with("situation/") => SituationView::ALL
                .into_iter()
                .find(|v| v.code() == &other["situation/".len()..])
                .map_or(Section::Situation(SituationView::Overview), Section::Situation),
            "strategies" => Section::Strategies(StrategyView::Strategies),
            other if other.starts_with("strategies/") => StrategyView::ALL
                .into_iter()
                .find(|v| v.code() == &other["strategies/".len()..])
                .map_or(Section::Strategies(StrategyView::Strategies), Section::Strategies),
            "team" => Section::Team(TeamView::Positions),
            other if other.starts_with("team/") => TeamView::ALL
                .into_iter()
                .find(|v| v.code() == &other["team/".len()..])
                .map_or(Section::Team(TeamView::Positions), Section::Team),
            "risks" => Section::Risks(RiskView::Register),
            "document" => Section::Document(DocView::Plan),
            other if other.starts_with("document/") => DocView::ALL
                .into_iter()
                .find(|v| v.code() == &other["document/".len()..])
                .map_or(Section::Document(DocView::Plan), Section::Document),
            other if other.starts_with("risks/") => RiskView::ALL
                .into_iter()
                .find(|v| v.code() == &other["risks/".len()..])
                .map_or(Section::Risks(RiskView::Register), Section::Risks),
            other if other.starts_with("goals/kpi/") => {
                ItemId::parse(&other["goals/kpi/".len()..]).map_or(Section::Goals, Section::Kpi)
            }
            other if other.starts_with("implementation/tasks/") => {
                ItemId::parse(&other["implementation/tasks/".len()..])
                    .map_or(Section::Implementation(ImplView::Tasks), |id| {
                        Section::Implementation(ImplView::Task(id))
                    })
            }
            other if other.starts_with("budget/") => {
                BudgetView::from_path(&other["budget/".len()..]).map_or(Section::Dashboard, Section::Budget)
            }
            other => other
                .strip_prefix("reviews/")
                .and_then(ItemId::parse)
                .map_or(Section::Dashboard, Section::Review),
        }
    }
}

impl Route {
    pub fn to_hash(self) -> String {
        match self {
            Route::Library => "#/".into(),
            Route::Trash => "#/trash".into(),
            Route::Plan(id, section) => format!("#/plan/{id}{}", section.path()),
        }
    }

    /// Anything unrecognised opens the library.
    pub fn from_hash(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        if path == "trash" {
            return Route::Trash;
        }
        let Some(rest) = path.strip_prefix("plan/") else {
            return Route::Library;
        };
        let (id, section) = rest.split_once('/').map_or((rest, ""), |(id, s)| (id, s));
        match PlanId::parse(id) {
            Some(id) => Route::Plan(id, Section::from_path(section)),
            None => Route::Library,
        }
    }

    pub fn plan(self) -> Option<PlanId> {
        match self {
            Route::Plan(id, _) => Some(id),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::core::ids::{CountingIds, IdSource};

    #[test]
    fn routes_round_trip_through_the_hash() {
        let mut ids = CountingIds::default();
        let (id, review) = (ids.plan_id(), ids.item_id());
        let sections: [Section; 17] = [
            Section::Budget(BudgetView::Lines),
            Section::Budget(BudgetView::Splits),
            Section::Budget(BudgetView::Spending),
            Section::Budget(BudgetView::Approvals),
            Section::Budget(BudgetView::Channels),
            Section::Budget(BudgetView::Sheet(review)),
            Section::Dashboard,
            Section::Summary,
            Section::Goals,
            Section::Kpi(review),
            Section::Reviews,
            Section::Review(review),
            Section::Implementation(ImplView::Tasks),
            Section::Implementation(ImplView::Task(review)),
            Section::Implementation(ImplView::Timeline),
            Section::Implementation(ImplView::Calendar),
            Section::Implementation(ImplView::Meetings),
        ];
        let routes = [Route::Library, Route::Trash]
            .into_iter()
            .chain(sections.map(|s| Route::Plan(id, s)))
            .chain(SituationView::ALL.map(|v| Route::Plan(id, Section::Situation(v))))
            .chain(StrategyView::ALL.map(|v| Route::Plan(id, Section::Strategies(v))))
            .chain(TeamView::ALL.map(|v| Route::Plan(id, Section::Team(v))))
            .chain(RiskView::ALL.map(|v| Route::Plan(id, Section::Risks(v))))
            .chain(DocView::ALL.map(|v| Route::Plan(id, Section::Document(v))));
        for route in routes {
            assert_eq!(Route::from_hash(&route.to_hash()), route, "{}", route.to_hash());
        }
        assert_eq!(Route::from_hash(""), Route::Library);
        assert_eq!(Route::from_hash("#/plan/<script>"), Route::Library);
        assert_eq!(
            Route::from_hash(&format!("#/plan/{id}/budget/approvals/x")),
            Route::Plan(id, Section::Dashboard)
        );
        assert_eq!(
            Route::from_hash(&format!("#/plan/{id}/nonsense")),
            Route::Plan(id, Section::Dashboard)
        );
    }
}
