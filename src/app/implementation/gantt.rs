//! The timeline (甘特图) as one SVG document: bars grouped by phase with
//! their progress, milestones, dependency arrows, the today line, the T-day
//! marker and ISO week numbers. Built as text in plain Rust so that it is
//! tested natively and drawn by the browser in one go, whatever the number
//! of tasks.

use crate::app::svg::{Svg, SvgDoc};
use crate::domain::core::calendar::{iso_week, months_between, week_start};
use crate::domain::core::ids::ItemId;
use crate::domain::core::order::{day, sort_by_rank};
use crate::domain::implementation::schedule::{Analysis, Task, TaskStatus};
use crate::domain::plan::Plan;
use crate::i18n::{t, Key, Lang, Text};
use chrono::{Datelike, Duration, NaiveDate};
use std::collections::HashMap;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Zoom {
    #[default]
    Week,
    Month,
    Quarter,
}

crate::coded!(Zoom { Week = "week", Month = "month", Quarter = "quarter" });

impl Zoom {
    /// Width of one day in SVG units.
    pub fn day_width(self) -> f64 {
        match self {
            Self::Week => 24.0,
            Self::Month => 7.0,
            Self::Quarter => 2.5,
        }
    }
}

pub const LABEL_WIDTH: f64 = 220.0;
pub const ROW_HEIGHT: f64 = 22.0;
pub const HEADER_HEIGHT: f64 = 40.0;
const TITLE_CHARS: usize = 26;

/// One drawn row, kept for tests and for the caller's caption.
#[derive(Clone, Debug, PartialEq)]
pub enum Row {
    Phase { name: String },
    Task { id: ItemId, x: f64, width: f64, y: f64 },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Gantt {
    pub svg: SvgDoc,
    pub width: f64,
    pub height: f64,
    pub rows: Vec<Row>,
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
    /// Tasks that have no dates (counted from T in a plan without T).
    pub undated: usize,
}

pub struct GanttInput<'a> {
    pub plan: &'a Plan,
    pub analysis: &'a Analysis,
    pub zoom: Zoom,
    pub today: NaiveDate,
    pub show_critical: bool,
    pub lang: Lang,
}

fn shorten(text: &str) -> String {
    if text.chars().count() > TITLE_CHARS {
        text.chars().take(TITLE_CHARS - 1).chain(['…']).collect()
    } else {
        text.to_owned()
    }
}

/// None when no task has dates: there is nothing to draw.
pub fn gantt(input: &GanttInput) -> Option<Gantt> {
    let plan = input.plan;
    let imp = &plan.implementation;
    let a = input.analysis;
    let launch = plan.period.launch_day;
    let (Some(first), Some(last)) = (a.first_day, a.last_day) else {
        return None;
    };
    // The chart spans the plan period and every task (a task outside the
    // period widens it), from a Monday to a Sunday, a week wider on each
    // side so bars never touch the edge.
    let from = week_start(first.min(plan.period.start)) - Duration::days(7);
    let to = week_start(last.max(plan.period.end)) + Duration::days(13);
    let day_w = input.zoom.day_width();
    let x_of = |d: NaiveDate| LABEL_WIDTH + (d - from).num_days() as f64 * day_w;

    // Rows: each phase (in date order) with its tasks, then tasks without one.
    let mut phases: Vec<_> = imp.phases.iter().collect();
    sort_by_rank(&mut phases, |p| {
        (day(p.start.resolve(launch).unwrap_or(NaiveDate::MAX)), 0)
    });
    let mut groups: Vec<(Option<&str>, Vec<&Task>)> =
        phases.iter().map(|p| (Some(p.name.as_str()), Vec::new())).collect();
    let mut loose: Vec<&Task> = Vec::new();
    let mut undated = 0;
    for task in &imp.tasks {
        if !a.dates.contains_key(&task.id) {
            undated += 1;
            continue;
        }
        match task.phase.and_then(|id| phases.iter().position(|p| p.id == id)) {
            Some(i) => groups[i].1.push(task),
            None => loose.push(task),
        }
    }
    let no_phase = t(input.lang, Key::TimelineNoPhase);
    if !loose.is_empty() {
        groups.push((if phases.is_empty() { None } else { Some(no_phase) }, loose));
    }

    // Known before any row is drawn, so every row can use it.
    let width = x_of(to) + day_w;
    let mut rows = Vec::new();
    let mut body = Svg::part();
    let mut mid_y: HashMap<ItemId, (f64, f64, f64)> = HashMap::new();
    let mut y = HEADER_HEIGHT;
    for (name, tasks) in groups.iter().filter(|(_, tasks)| !tasks.is_empty()) {
        if let Some(name) = name {
            body.text(
                "text",
                &[("class", "g-phase".into()), ("x", 6.0.into()), ("y", (y + 15.0).into())],
                &shorten(name),
            );
            body.empty(
                "line",
                &[
                    ("class", "g-sep".into()),
                    ("x1", 0.0.into()),
                    ("x2", width.into()),
                    ("y1", y.into()),
                    ("y2", y.into()),
                ],
            );
            rows.push(Row::Phase {
                name: (*name).to_owned(),
            });
            y += ROW_HEIGHT;
        }
        for task in tasks {
            let Some(&(start, end)) = a.dates.get(&task.id) else {
                continue;
            };
            let end = end.max(start);
            let x = x_of(start);
            let bar = ((end - start).num_days() + 1) as f64 * day_w;
            let critical = input.show_critical && a.is_critical(task.id);
            let flagged = a.flags.contains_key(&task.id);
            let mut class = String::from("g-bar");
            if critical {
                class.push_str(" g-critical");
            }
            if flagged {
                class.push_str(" g-flagged");
            }
            if task.status == TaskStatus::Done {
                class.push_str(" g-done");
            }
            if task.status == TaskStatus::Cancelled {
                class.push_str(" g-cancelled");
            }
            body.open(
                "g",
                &[("class", class.into()), ("data-task", task.id.to_string().into())],
            );
            body.text("title", &[], &task.title);
            body.text(
                "text",
                &[
                    ("class", "g-label".into()),
                    ("x", 14.0.into()),
                    ("y", (y + 15.0).into()),
                ],
                &shorten(&task.title),
            );
            if task.milestone {
                let (cx, cy) = (x_of(end) + day_w / 2.0, y + ROW_HEIGHT / 2.0);
                let d = format!("M{cx:.1} {:.1}l7 7l-7 7l-7 -7z", cy - 7.0);
                body.empty("path", &[("class", "g-milestone".into()), ("d", d.into())]);
            } else {
                let fill = bar * f64::from(task.progress.percent()) / 100.0;
                for (class, w) in [("g-track", bar), ("g-progress", fill)] {
                    body.empty(
                        "rect",
                        &[
                            ("class", class.into()),
                            ("x", x.into()),
                            ("y", (y + 4.0).into()),
                            ("width", w.into()),
                            ("height", 14.0.into()),
                            ("rx", 3.0.into()),
                        ],
                    );
                }
            }
            body.close("g");
            mid_y.insert(task.id, (x, x + bar, y + ROW_HEIGHT / 2.0));
            rows.push(Row::Task {
                id: task.id,
                x,
                width: bar,
                y,
            });
            y += ROW_HEIGHT;
        }
    }
    let height = y + 8.0;

    // Dependency arrows: from the end of the predecessor to the start of the
    // task, with an elbow so they read in a dense chart.
    let mut arrows = Svg::part();
    for task in &imp.tasks {
        let Some(&(sx, _, sy)) = mid_y.get(&task.id) else {
            continue;
        };
        for pred in &task.depends_on {
            let Some(&(_, px, py)) = mid_y.get(pred) else { continue };
            let critical = input.show_critical && a.is_critical(task.id) && a.is_critical(*pred);
            let class = if critical { "g-arrow g-critical" } else { "g-arrow" };
            let elbow = px + 4.0;
            let d = format!("M{px:.1} {py:.1}H{elbow:.1}V{sy:.1}H{:.1}", sx - 1.0);
            arrows.empty(
                "path",
                &[
                    ("class", class.into()),
                    ("d", d.into()),
                    ("marker-end", "url(#g-head)".into()),
                ],
            );
        }
    }

    // Header: months (or quarters' months) on the first line, ISO weeks below.
    let mut head = Svg::part();
    let grid = |head: &mut Svg, class: &'static str, x: f64, y1: f64| {
        head.empty(
            "line",
            &[
                ("class", class.into()),
                ("x1", x.into()),
                ("x2", x.into()),
                ("y1", y1.into()),
                ("y2", height.into()),
            ],
        );
    };
    for month in months_between(from, to) {
        let x = x_of(month.max(from));
        grid(&mut head, "g-grid", x, 0.0);
        // A month cut short by the chart's start gets its line, not a label
        // that would run into the next one.
        let next = month.checked_add_months(chrono::Months::new(1)).unwrap_or(month);
        if x_of(next) - x < 60.0 {
            continue;
        }
        let label = match input.lang {
            Lang::ZhCn => format!("{}年{}月", month.year(), month.month()),
            Lang::En => format!("{} {}", crate::domain::core::calendar::month_abbr(month), month.year()),
        };
        head.text(
            "text",
            &[("class", "g-month".into()), ("x", (x + 3.0).into()), ("y", 14.0.into())],
            &label,
        );
    }
    let week_w = day_w * 7.0;
    let mut monday = from;
    while monday <= to {
        let x = x_of(monday);
        if week_w >= 16.0 {
            let (_, week) = iso_week(monday);
            let label = if week_w >= 40.0 {
                Text::new(Key::TimelineWeek).with("week", week).render(input.lang)
            } else {
                week.to_string()
            };
            head.text(
                "text",
                &[("class", "g-week".into()), ("x", (x + 2.0).into()), ("y", 32.0.into())],
                &label,
            );
        }
        if input.zoom == Zoom::Week {
            grid(&mut head, "g-grid-week", x, 20.0);
        }
        monday += Duration::days(7);
    }
    let mut marks = Svg::part();
    if (from..=to).contains(&input.today) {
        let x = x_of(input.today) + day_w / 2.0;
        grid(&mut marks, "g-today", x, 20.0);
        marks.text(
            "text",
            &[
                ("class", "g-today-label".into()),
                ("x", (x + 3.0).into()),
                ("y", (height - 2.0).into()),
            ],
            t(input.lang, Key::TimelineToday),
        );
    }
    if let Some(t_day) = launch.filter(|d| (from..=to).contains(d)) {
        let x = x_of(t_day) + day_w / 2.0;
        grid(&mut marks, "g-launch", x, 20.0);
        marks.text(
            "text",
            &[
                ("class", "g-launch-label".into()),
                ("x", (x + 3.0).into()),
                // At the foot, above "Today": the header row holds the weeks.
                ("y", (height - 14.0).into()),
            ],
            "T",
        );
    }
    let caption = Text::new(Key::TimelineCaption)
        .with("count", mid_y.len())
        .with("start", crate::i18n::format_date(input.lang, first))
        .with("end", crate::i18n::format_date(input.lang, last))
        .render(input.lang);
    let mut svg = Svg::new("gantt", width, height, &caption);
    svg.open("defs", &[]);
    svg.open(
        "marker",
        &[
            ("id", "g-head".into()),
            ("viewBox", "0 0 6 6".into()),
            ("refX", 5.0.into()),
            ("refY", 3.0.into()),
            ("markerWidth", 6.0.into()),
            ("markerHeight", 6.0.into()),
            ("orient", "auto".into()),
        ],
    );
    svg.empty("path", &[("d", "M0 0L6 3L0 6z".into()), ("class", "g-head".into())]);
    svg.close("marker");
    svg.close("defs");
    svg.empty(
        "rect",
        &[
            ("class", "g-label-bg".into()),
            ("x", 0.0.into()),
            ("y", 0.0.into()),
            ("width", LABEL_WIDTH.into()),
            ("height", height.into()),
        ],
    );
    svg.append(head);
    svg.append(body);
    svg.append(arrows);
    svg.append(marks);
    let svg = svg.finish();
    Some(Gantt {
        svg,
        width,
        height,
        rows,
        first_day: from,
        last_day: to,
        undated,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::core::ids::{CountingIds, IdSource};
    use crate::domain::core::period::{Period, PeriodKind};
    use crate::domain::implementation::schedule::{Phase, Progress, When};
    use crate::domain::plan::{Currency, Plan};
    use chrono::Utc;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
    }

    fn plan() -> Plan {
        let mut ids = CountingIds::default();
        let mut p = Plan::new(
            ids.plan_id(),
            "Launch",
            "",
            Period::starting_from(PeriodKind::Campaign, d(2026, 11, 2)),
            Currency::default(),
            Utc::now(),
        )
        .unwrap();
        // T is 14 Dec 2026, a Monday.
        let phase = Phase {
            id: ids.item_id(),
            name: "Warm-up".into(),
            start: When::FromLaunch(-42),
            end: When::FromLaunch(-1),
            unknown: Default::default(),
        };
        let mut a = Task::new(ids.item_id(), "Plan <b>", When::FromLaunch(-21), When::FromLaunch(-15));
        a.phase = Some(phase.id);
        a.progress = Progress::new(50).unwrap();
        let mut b = Task::new(ids.item_id(), "Go live", When::FromLaunch(0), When::FromLaunch(0));
        b.milestone = true;
        b.depends_on.push(a.id);
        let imp = std::rc::Rc::make_mut(&mut p.implementation);
        imp.phases.push(phase);
        imp.tasks = vec![a, b];
        p
    }

    /// The plan by week in English, on 1 Dec 2026, critical path shown.
    fn week_chart(p: &Plan) -> Gantt {
        let analysis = Analysis::of(&p.implementation.tasks, p.period.launch_day);
        let input = GanttInput {
            plan: p,
            analysis: &analysis,
            zoom: Zoom::Week,
            today: d(2026, 12, 1),
            show_critical: true,
            lang: Lang::En,
        };
        gantt(&input).expect("something to draw")
    }

    #[test]
    fn bars_sit_on_their_dates_grouped_by_phase() {
        let p = plan();
        let g = week_chart(&p);
        // Starts a week before the Monday the campaign starts (2 Nov 2026),
        // though its first task is on 23 Nov: the chart shows the period.
        assert_eq!(g.first_day, d(2026, 10, 26));
        assert_eq!(g.rows[0], Row::Phase { name: "Warm-up".into() });
        let Row::Task { x, width, y, .. } = g.rows[1] else {
            panic!("a task row")
        };
        // 23 Nov is 28 days in: 220 + 28 × 24.
        assert_eq!((x, width, y), (892.0, 168.0, HEADER_HEIGHT + ROW_HEIGHT));
        // The milestone has no phase: a "No phase" group follows.
        assert_eq!(
            g.rows[2],
            Row::Phase {
                name: "No phase".into()
            }
        );
        assert!(g.svg.contains("Plan &lt;b&gt;"), "titles are escaped");
        assert!(g.svg.contains("g-milestone"));
        assert!(g.svg.contains("g-critical"));
        assert!(g.svg.contains(r#"width="84.0""#), "half the 168 bar is progress");
        assert!(g.svg.contains("marker-end"));
        assert!(g.svg.contains(">W48<"), "ISO week of 23 Nov");
        assert!(g.svg.contains("g-today") && g.svg.contains("g-launch"));
        assert!(g.svg.contains("Nov 2026"));
    }

    #[test]
    fn zoom_changes_the_scale_and_an_empty_plan_draws_nothing() {
        let p = plan();
        let analysis = Analysis::of(&p.implementation.tasks, p.period.launch_day);
        let at = |zoom| {
            gantt(&GanttInput {
                plan: &p,
                analysis: &analysis,
                zoom,
                today: d(2026, 12, 1),
                show_critical: false,
                lang: Lang::ZhCn,
            })
            .unwrap()
        };
        assert!(at(Zoom::Quarter).width < at(Zoom::Month).width);
        assert!(at(Zoom::Month).width < at(Zoom::Week).width);
        assert!(!at(Zoom::Month).svg.contains("g-critical"));
        assert!(at(Zoom::Week).svg.contains("2026年11月"));
        let empty = Plan {
            implementation: Default::default(),
            ..p.clone()
        };
        let none = Analysis::of(&[], None);
        let input = GanttInput {
            plan: &empty,
            analysis: &none,
            zoom: Zoom::Week,
            today: d(2026, 12, 1),
            show_critical: false,
            lang: Lang::En,
        };
        assert!(gantt(&input).is_none());
    }

    #[test]
    fn a_phase_or_task_named_like_a_placeholder_stays_text() {
        let mut p = plan();
        let imp = std::rc::Rc::make_mut(&mut p.implementation);
        imp.phases[0].name = "{W}".into();
        imp.tasks[0].title = "{W} \"/><script>".into();
        let g = week_chart(&p);
        assert!(
            g.svg.contains(r#"y="55.0">{W}</text>"#),
            "the phase keeps its name: {}",
            &g.svg[..600]
        );
        assert!(g.svg.contains("<title>{W} &quot;/&gt;&lt;script&gt;</title>"));
        assert!(!g.svg.contains("<script"));
        let separator = format!(r#"class="g-sep" x1="0.0" x2="{:.1}""#, g.width);
        assert!(g.svg.contains(&separator), "the phase line spans the chart");
    }
}
