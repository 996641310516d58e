//! Ready-made phases and task sets from DOMAIN.md §4-5: the default phases,
//! the five-week launch example, the handbook's workflows as checklists and
//! the event rhythm. Texts are catalogue keys (`tpl.*`); the caller turns
//! them into words in the user's language.

use crate::domain::core::ids::{IdSource, ItemId};
use crate::domain::core::order::sort_by_text;
use crate::domain::core::period::Period;
use crate::domain::implementation::schedule::{Phase, Task, When};
use crate::domain::plan::Unknown;
use chrono::{Duration, NaiveDate};

/// Turns a catalogue key into text in the user's language.
pub type Words<'a> = &'a dyn Fn(&'static str) -> String;

fn phase(ids: &mut dyn IdSource, name: String, start: When, end: When) -> Phase {
    Phase {
        id: ids.item_id(),
        name,
        start,
        end,
        unknown: Unknown::new(),
    }
}

/// Preparation months 1-2, launch months 3-6, deepening months 7-12 of the
/// plan, cut at the plan's end; a phase that would start after it is left out.
pub fn month_phases(period: &Period, ids: &mut dyn IdSource, words: Words) -> Vec<Phase> {
    let month = |n: u32| period.start.checked_add_months(chrono::Months::new(n));
    [
        ("tpl.phase.preparation", 0, 2),
        ("tpl.phase.launch", 2, 6),
        ("tpl.phase.deepening", 6, 12),
    ]
    .into_iter()
    .filter_map(|(key, from, to)| {
        let start = month(from)?;
        let end = month(to).and_then(|d| d.pred_opt())?.min(period.end);
        (start <= period.end).then(|| phase(ids, words(key), When::Date(start), When::Date(end)))
    })
    .collect()
}

/// Warm-up T-6 weeks to the day before T, the launch day, growth from T+1 to
/// T+`growth_weeks` weeks: all counted from T, so they move with it.
pub fn launch_phases(growth_weeks: u32, ids: &mut dyn IdSource, words: Words) -> Vec<Phase> {
    let growth_end = i32::try_from(growth_weeks.max(1) * 7).unwrap_or(i32::MAX);
    vec![
        phase(
            ids,
            words("tpl.phase.warm_up"),
            When::FromLaunch(-42),
            When::FromLaunch(-1),
        ),
        phase(
            ids,
            words("tpl.phase.launch_day"),
            When::FromLaunch(0),
            When::FromLaunch(0),
        ),
        phase(
            ids,
            words("tpl.phase.growth"),
            When::FromLaunch(1),
            When::FromLaunch(growth_end),
        ),
    ]
}

/// The phase whose dates contain the task's start, if any.
pub fn phase_for(task: &Task, phases: &[Phase], launch: Option<NaiveDate>) -> Option<ItemId> {
    let start = task.start.resolve(launch)?;
    phases
        .iter()
        .find(|p| matches!((p.start.resolve(launch), p.end.resolve(launch)), (Some(s), Some(e)) if s <= start && start <= e))
        .map(|p| p.id)
}

/// Builds tasks in a chain: each step depends on the one before.
struct Chain<'a> {
    ids: &'a mut dyn IdSource,
    words: Words<'a>,
    tasks: Vec<Task>,
}

impl<'a> Chain<'a> {
    fn add(&mut self, key: &'static str, dept: &'static str, start: When, end: When, after: &[usize]) -> usize {
        let mut t = Task::new(self.ids.item_id(), &(self.words)(key), start, end);
        t.department = (self.words)(dept);
        t.depends_on = after.iter().filter_map(|&i| self.tasks.get(i).map(|p| p.id)).collect();
        self.tasks.push(t);
        self.tasks.len() - 1
    }
}

/// The five-week launch of DOMAIN.md §5, week 4 being the launch week:
/// each task with its department, deliverable and acceptance criterion.
pub fn launch_example(ids: &mut dyn IdSource, words: Words) -> Vec<Task> {
    let steps: [(&str, &str, i32); 5] = [
        ("tpl.launch.plan", "tpl.dept.marketing", -21),
        ("tpl.launch.materials", "tpl.dept.design", -14),
        ("tpl.launch.warm_up", "tpl.dept.channel", -7),
        ("tpl.launch.go_live", "tpl.dept.marketing_sales", 0),
        ("tpl.launch.review", "tpl.dept.data", 7),
    ];
    let mut chain = Chain {
        ids,
        words,
        tasks: Vec::new(),
    };
    for (i, (key, dept, from)) in steps.into_iter().enumerate() {
        let after: Vec<usize> = i.checked_sub(1).into_iter().collect();
        let at = chain.add(key, dept, When::FromLaunch(from), When::FromLaunch(from + 6), &after);
        let task = &mut chain.tasks[at];
        task.deliverable = words(deliverable_key(key));
        task.acceptance = words(acceptance_key(key));
    }
    chain.tasks
}

fn deliverable_key(key: &str) -> &'static str {
    match key {
        "tpl.launch.plan" => "tpl.launch.plan.deliverable",
        "tpl.launch.materials" => "tpl.launch.materials.deliverable",
        "tpl.launch.warm_up" => "tpl.launch.warm_up.deliverable",
        "tpl.launch.go_live" => "tpl.launch.go_live.deliverable",
        _ => "tpl.launch.review.deliverable",
    }
}

fn acceptance_key(key: &str) -> &'static str {
    match key {
        "tpl.launch.plan" => "tpl.launch.plan.acceptance",
        "tpl.launch.materials" => "tpl.launch.materials.acceptance",
        "tpl.launch.warm_up" => "tpl.launch.warm_up.acceptance",
        "tpl.launch.go_live" => "tpl.launch.go_live.acceptance",
        _ => "tpl.launch.review.acceptance",
    }
}

/// The department handbook's standard workflows (DOMAIN.md §5).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Workflow {
    MarketResearch,
    Event,
    Conference,
    ChannelDevelopment,
}

impl Workflow {
    pub const ALL: [Workflow; 4] = [
        Self::MarketResearch,
        Self::Event,
        Self::Conference,
        Self::ChannelDevelopment,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::MarketResearch => "research",
            Self::Event => "event",
            Self::Conference => "conference",
            Self::ChannelDevelopment => "channel",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|w| w.code() == code)
    }

    /// Steps with their department and default length in days.
    fn steps(self) -> &'static [(&'static str, &'static str, i32)] {
        match self {
            Self::MarketResearch => &[
                ("tpl.research.purpose", "tpl.dept.marketing", 2),
                ("tpl.research.plan", "tpl.dept.marketing", 3),
                ("tpl.research.staff", "tpl.dept.marketing", 2),
                ("tpl.research.subjects", "tpl.dept.marketing", 2),
                ("tpl.research.budget", "tpl.dept.marketing", 2),
                ("tpl.research.approval", "tpl.dept.management", 1),
                ("tpl.research.questionnaire", "tpl.dept.marketing", 5),
                ("tpl.research.questionnaire_approval", "tpl.dept.management", 1),
                ("tpl.research.fieldwork", "tpl.dept.marketing", 10),
                ("tpl.research.data", "tpl.dept.data", 5),
                ("tpl.research.report", "tpl.dept.data", 5),
                ("tpl.research.report_approval", "tpl.dept.management", 1),
                ("tpl.research.close", "tpl.dept.marketing", 1),
            ],
            Self::Event => &[
                ("tpl.event.theme", "tpl.dept.marketing", 2),
                ("tpl.event.plan", "tpl.dept.marketing", 5),
                ("tpl.event.approval", "tpl.dept.management", 1),
                ("tpl.event.rules", "tpl.dept.marketing", 3),
                ("tpl.event.schedule", "tpl.dept.marketing", 2),
                ("tpl.event.rehearsal", "tpl.dept.marketing", 2),
                ("tpl.event.communication", "tpl.dept.marketing", 7),
                ("tpl.event.evaluation", "tpl.dept.data", 3),
            ],
            // Preparation runs in parallel after the plan; see `tasks`.
            Self::Conference => &[
                ("tpl.conference.plan", "tpl.dept.marketing", 5),
                ("tpl.conference.budget", "tpl.dept.marketing", 3),
                ("tpl.conference.schedule", "tpl.dept.marketing", 3),
                ("tpl.conference.venue", "tpl.dept.marketing", 5),
                ("tpl.conference.team", "tpl.dept.marketing", 3),
                ("tpl.conference.media", "tpl.dept.marketing", 7),
                ("tpl.conference.logistics", "tpl.dept.marketing", 5),
                ("tpl.conference.report", "tpl.dept.data", 3),
            ],
            Self::ChannelDevelopment => &[
                ("tpl.channel.research", "tpl.dept.channel", 10),
                ("tpl.channel.criteria", "tpl.dept.channel", 3),
                ("tpl.channel.data", "tpl.dept.data", 5),
                ("tpl.channel.coverage", "tpl.dept.channel", 5),
                ("tpl.channel.visits", "tpl.dept.channel", 15),
                ("tpl.channel.comparison", "tpl.dept.channel", 3),
                ("tpl.channel.negotiation", "tpl.dept.channel", 10),
                ("tpl.channel.agreement", "tpl.dept.management", 3),
            ],
        }
    }

    /// The workflow as tasks from `start`, each starting the day after the
    /// one it depends on ends. Dates are counted from T when `start` is.
    pub fn tasks(self, start: When, ids: &mut dyn IdSource, words: Words) -> Vec<Task> {
        let mut chain = Chain {
            ids,
            words,
            tasks: Vec::new(),
        };
        let steps = self.steps();
        let mut at = start;
        if self == Self::Conference {
            let (first, prep, last) = (&steps[0], &steps[1..steps.len() - 1], &steps[steps.len() - 1]);
            let plan = chain.add(first.0, first.1, at, at.shifted(first.2 - 1), &[]);
            let prep_start = at.shifted(first.2);
            let longest = prep.iter().map(|s| s.2).max().unwrap_or(1);
            let prep_ids: Vec<usize> = prep
                .iter()
                .map(|s| chain.add(s.0, s.1, prep_start, prep_start.shifted(s.2 - 1), &[plan]))
                .collect();
            at = prep_start.shifted(longest);
            chain.add(last.0, last.1, at, at.shifted(last.2 - 1), &prep_ids);
            return chain.tasks;
        }
        for (i, (key, dept, days)) in steps.iter().enumerate() {
            let after: Vec<usize> = i.checked_sub(1).into_iter().collect();
            chain.add(key, dept, at, at.shifted(days - 1), &after);
            at = at.shifted(*days);
        }
        chain.tasks
    }
}

/// Lengths of an event's three waves (传播节奏) in days: warm-up 1 week,
/// burst 3 days, continuation 1 week by default (DOMAIN.md §4).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rhythm {
    pub warm_up: u32,
    pub burst: u32,
    pub continuation: u32,
}

impl Default for Rhythm {
    fn default() -> Self {
        Rhythm {
            warm_up: 7,
            burst: 3,
            continuation: 7,
        }
    }
}

/// Warm-up before the event day, the burst from it, the continuation after;
/// a wave of 0 days is left out. The event name prefixes each title.
pub fn event_rhythm(event: &str, day: When, rhythm: Rhythm, ids: &mut dyn IdSource, words: Words) -> Vec<Task> {
    let days = |n: u32| i32::try_from(n.min(366)).unwrap_or(366);
    let name = |key| format!("{} · {}", event.trim(), words(key));
    let mut tasks: Vec<Task> = Vec::new();
    let mut push = |title: String, start: When, end: When, tasks: &mut Vec<Task>| {
        let mut t = Task::new(ids.item_id(), &title, start, end);
        t.department = words("tpl.dept.marketing");
        t.depends_on = tasks.last().map(|p: &Task| p.id).into_iter().collect();
        tasks.push(t);
    };
    if rhythm.warm_up > 0 {
        push(
            name("tpl.rhythm.warm_up"),
            day.shifted(-days(rhythm.warm_up)),
            day.shifted(-1),
            &mut tasks,
        );
    }
    let burst = days(rhythm.burst.max(1));
    push(name("tpl.rhythm.burst"), day, day.shifted(burst - 1), &mut tasks);
    if rhythm.continuation > 0 {
        push(
            name("tpl.rhythm.continuation"),
            day.shifted(burst),
            day.shifted(burst + days(rhythm.continuation) - 1),
            &mut tasks,
        );
    }
    tasks
}

/// Every key the templates use, for the catalogue test.
pub fn all_keys() -> Vec<&'static str> {
    let mut keys: Vec<&'static str> = vec![
        "tpl.phase.preparation",
        "tpl.phase.launch",
        "tpl.phase.deepening",
        "tpl.phase.warm_up",
        "tpl.phase.launch_day",
        "tpl.phase.growth",
        "tpl.rhythm.warm_up",
        "tpl.rhythm.burst",
        "tpl.rhythm.continuation",
    ];
    for key in ["plan", "materials", "warm_up", "go_live", "review"] {
        let full = match key {
            "plan" => "tpl.launch.plan",
            "materials" => "tpl.launch.materials",
            "warm_up" => "tpl.launch.warm_up",
            "go_live" => "tpl.launch.go_live",
            _ => "tpl.launch.review",
        };
        keys.extend([full, deliverable_key(full), acceptance_key(full)]);
    }
    for w in Workflow::ALL {
        for (k, dept, _) in w.steps() {
            keys.extend([*k, *dept]);
        }
    }
    keys.extend([
        "tpl.dept.marketing",
        "tpl.dept.design",
        "tpl.dept.channel",
        "tpl.dept.marketing_sales",
        "tpl.dept.data",
    ]);
    sort_by_text(&mut keys, |k| k);
    keys.dedup();
    keys
}

/// Days from `from` to `to`, for turning a picked date into an offset from T.
pub fn offset(from: NaiveDate, to: NaiveDate) -> i32 {
    i32::try_from((to - from).num_days()).unwrap_or(0)
}

/// A date `days` after `day`, saturating at the calendar's ends.
pub fn plus_days(day: NaiveDate, days: i64) -> NaiveDate {
    day.checked_add_signed(Duration::days(days)).unwrap_or(day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::core::ids::CountingIds;
    use crate::domain::core::period::PeriodKind;
    use crate::domain::implementation::schedule::{find_cycle, Analysis};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
    }

    fn words(key: &'static str) -> String {
        key.to_owned()
    }

    #[test]
    fn month_phases_of_a_year_and_of_a_quarter() {
        let year = Period::starting_from(PeriodKind::Year, d(2027, 1, 1));
        let phases = month_phases(&year, &mut CountingIds::default(), &words);
        let spans: Vec<_> = phases.iter().map(|p| (p.start, p.end)).collect();
        assert_eq!(
            spans,
            [
                (When::Date(d(2027, 1, 1)), When::Date(d(2027, 2, 28))),
                (When::Date(d(2027, 3, 1)), When::Date(d(2027, 6, 30))),
                (When::Date(d(2027, 7, 1)), When::Date(d(2027, 12, 31))),
            ]
        );
        let quarter = Period::starting_from(PeriodKind::Quarter, d(2027, 4, 1));
        let phases = month_phases(&quarter, &mut CountingIds::default(), &words);
        assert_eq!(phases.len(), 2);
        assert_eq!(phases[1].end, When::Date(d(2027, 6, 30)));
    }

    #[test]
    fn the_launch_example_is_five_chained_weeks_around_t() {
        let tasks = launch_example(&mut CountingIds::default(), &words);
        assert_eq!(tasks.len(), 5);
        assert_eq!(tasks[3].start, When::FromLaunch(0));
        assert_eq!(tasks[0].start, When::FromLaunch(-21));
        assert_eq!(tasks[4].end, When::FromLaunch(13));
        assert_eq!(tasks[4].depends_on, [tasks[3].id]);
        assert_eq!(tasks[2].acceptance, "tpl.launch.warm_up.acceptance");
        let t = d(2027, 3, 1);
        let a = Analysis::of(&tasks, Some(t));
        assert!(a.flags.is_empty(), "{:?}", a.flags);
        assert_eq!(a.critical.len(), 5);
        let phases = launch_phases(4, &mut CountingIds(100), &words);
        assert_eq!(phase_for(&tasks[0], &phases, Some(t)), Some(phases[0].id));
        assert_eq!(phase_for(&tasks[3], &phases, Some(t)), Some(phases[1].id));
        assert_eq!(phase_for(&tasks[4], &phases, Some(t)), Some(phases[2].id));
    }

    #[test]
    fn workflows_chain_without_overlaps() {
        for w in Workflow::ALL {
            let tasks = w.tasks(When::Date(d(2027, 1, 4)), &mut CountingIds::default(), &words);
            assert!(find_cycle(&tasks).is_none());
            let a = Analysis::of(&tasks, None);
            assert!(a.flags.is_empty(), "{w:?}: {:?}", a.flags);
            assert_eq!(Workflow::from_code(w.code()), Some(w));
        }
        let research = Workflow::MarketResearch.tasks(When::FromLaunch(-60), &mut CountingIds::default(), &words);
        assert_eq!(research.len(), 13);
        assert_eq!(research[12].end, When::FromLaunch(-60 + 40 - 1));
        let conf = Workflow::Conference.tasks(When::Date(d(2027, 1, 4)), &mut CountingIds::default(), &words);
        assert_eq!(conf[7].depends_on.len(), 6);
        assert_eq!(conf[7].start, When::Date(d(2027, 1, 16)));
    }

    #[test]
    fn the_event_rhythm_surrounds_the_event_day() {
        let day = When::Date(d(2027, 6, 18));
        let tasks = event_rhythm("618", day, Rhythm::default(), &mut CountingIds::default(), &words);
        let spans: Vec<_> = tasks.iter().map(|t| (t.start, t.end)).collect();
        assert_eq!(
            spans,
            [
                (When::Date(d(2027, 6, 11)), When::Date(d(2027, 6, 17))),
                (When::Date(d(2027, 6, 18)), When::Date(d(2027, 6, 20))),
                (When::Date(d(2027, 6, 21)), When::Date(d(2027, 6, 27))),
            ]
        );
        assert_eq!(tasks[0].title, "618 · tpl.rhythm.warm_up");
        let short = Rhythm {
            warm_up: 0,
            burst: 1,
            continuation: 0,
        };
        assert_eq!(
            event_rhythm("x", day, short, &mut CountingIds::default(), &words).len(),
            1
        );
    }
}
