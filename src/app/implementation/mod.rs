//! Words and files of the implementation chapter: labels for statuses,
//! flags and marketing dates, the "T-21" offsets, and the ICS and CSV
//! exports in the user's language.

pub mod gantt;
pub mod month_grid;

use crate::domain::core::calendar::date_text;
use crate::domain::core::calendar::MarketingDay;
use crate::domain::implementation::meetings::{meetings, Meeting, MeetingKind};
use crate::domain::implementation::schedule::{same_schedule, Analysis, Priority, Task, TaskFlag, TaskStatus, When};
use crate::domain::implementation::Implementation;
use crate::domain::plan::Plan;
use crate::i18n::{format_date, t, Key, Lang, Text};
use crate::storage::{csv, ics};
use chrono::{DateTime, NaiveDate, Utc, Weekday};
use std::rc::Rc;

pub fn status_key(s: TaskStatus) -> Key {
    match s {
        TaskStatus::NotStarted => Key::TaskStatusNotStarted,
        TaskStatus::InProgress => Key::TaskStatusInProgress,
        TaskStatus::Done => Key::TaskStatusDone,
        TaskStatus::Blocked => Key::TaskStatusBlocked,
        TaskStatus::Cancelled => Key::TaskStatusCancelled,
    }
}

pub fn priority_key(p: Priority) -> Key {
    match p {
        Priority::High => Key::PriorityHigh,
        Priority::Medium => Key::PriorityMedium,
        Priority::Low => Key::PriorityLow,
    }
}

pub fn meeting_key(kind: MeetingKind) -> Key {
    match kind {
        MeetingKind::Weekly => Key::MeetingWeekly,
        MeetingKind::Monthly => Key::MeetingMonthly,
        MeetingKind::Quarterly => Key::MeetingQuarterly,
        MeetingKind::InternalTraining => Key::MeetingInternalTraining,
        MeetingKind::ExternalTraining => Key::MeetingExternalTraining,
    }
}

pub fn marketing_key(day: MarketingDay) -> Key {
    match day {
        MarketingDay::NewYear => Key::MarketingNewYear,
        MarketingDay::SpringFestival => Key::MarketingSpringFestival,
        MarketingDay::WomensDay => Key::MarketingWomensDay,
        MarketingDay::ConsumerRightsDay => Key::MarketingConsumerRights,
        MarketingDay::Day520 => Key::Marketing520,
        MarketingDay::Sale618 => Key::Marketing618,
        MarketingDay::Qixi => Key::MarketingQixi,
        MarketingDay::BackToSchool => Key::MarketingBackToSchool,
        MarketingDay::MidAutumn => Key::MarketingMidAutumn,
        MarketingDay::NationalDay => Key::MarketingNationalDay,
        MarketingDay::Double11 => Key::MarketingDouble11,
        MarketingDay::Double12 => Key::MarketingDouble12,
    }
}

pub const WEEKDAYS: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

pub fn weekday_key(day: Weekday, short: bool) -> Key {
    let long = [
        Key::Weekday1,
        Key::Weekday2,
        Key::Weekday3,
        Key::Weekday4,
        Key::Weekday5,
        Key::Weekday6,
        Key::Weekday7,
    ];
    let brief = [
        Key::WeekdayShort1,
        Key::WeekdayShort2,
        Key::WeekdayShort3,
        Key::WeekdayShort4,
        Key::WeekdayShort5,
        Key::WeekdayShort6,
        Key::WeekdayShort7,
    ];
    let i = day.num_days_from_monday() as usize;
    if short {
        brief[i]
    } else {
        long[i]
    }
}

/// "T-21", "T", "T+7" for a date counted from T; None for a fixed date.
pub fn offset_label(when: When) -> Option<String> {
    match when {
        When::FromLaunch(0) => Some("T".into()),
        When::FromLaunch(n) if n > 0 => Some(format!("T+{n}")),
        When::FromLaunch(n) => Some(format!("T{n}")),
        When::Date(_) => None,
    }
}

/// What is wrong with a task, in words.
pub fn flag_text(flag: &TaskFlag, plan: &Plan) -> Text {
    match flag {
        TaskFlag::EndBeforeStart => Text::new(Key::FlagEndBeforeStart),
        TaskFlag::NoLaunchDay => Text::new(Key::FlagNoLaunchDay),
        TaskFlag::MissingDependency => Text::new(Key::FlagMissingDependency),
        TaskFlag::StartsBeforePredecessorEnds(pred) => {
            Text::new(Key::FlagStartsEarly).with("title", plan.task(*pred).map_or("?", |t| t.title.as_str()))
        }
        TaskFlag::InCycle => Text::new(Key::FlagInCycle),
    }
}

/// A date for a cell: the day, or the offset when there is no T.
fn date_cell(when: When, launch: Option<NaiveDate>) -> String {
    match when.resolve(launch) {
        Some(d) => date_text(d),
        None => offset_label(when).unwrap_or_default(),
    }
}

/// The task table as CSV, in the table's manual order.
pub fn tasks_csv(plan: &Plan, lang: Lang) -> String {
    let imp = &plan.implementation;
    let launch = plan.period.launch_day;
    let header = [
        Key::CsvNo,
        Key::ColTitle,
        Key::ColPhase,
        Key::ColDepartment,
        Key::ColOwner,
        Key::ColStart,
        Key::ColEnd,
        Key::ColStatus,
        Key::ColProgress,
        Key::ColPriority,
        Key::ColDeliverable,
        Key::ColAcceptance,
        Key::ColKpi,
        Key::ColDependsOn,
        Key::ColNotes,
    ];
    let mut rows = vec![header.iter().map(|k| t(lang, *k).to_owned()).collect::<Vec<_>>()];
    for (i, task) in imp.tasks.iter().enumerate() {
        let phase = task.phase.and_then(|id| imp.phase(id)).map_or("", |p| p.name.as_str());
        let kpi = task
            .kpi
            .and_then(|id| plan.kpi(id))
            .map_or("", |(_, k)| k.name.as_str());
        let deps: Vec<&str> = task
            .depends_on
            .iter()
            .filter_map(|d| imp.task(*d))
            .map(|d| d.title.as_str())
            .collect();
        rows.push(vec![
            (i + 1).to_string(),
            task.title.clone(),
            phase.to_owned(),
            task.department.clone(),
            task.owner.clone(),
            date_cell(task.start, launch),
            date_cell(task.end, launch),
            t(lang, status_key(task.status)).to_owned(),
            task.progress.percent().to_string(),
            t(lang, priority_key(task.priority)).to_owned(),
            task.deliverable.clone(),
            task.acceptance.clone(),
            kpi.to_owned(),
            deps.join("; "),
            task.notes.clone(),
        ]);
    }
    csv::write(&rows)
}

/// Every meeting of the plan's period, as the calendar and the ICS file show them.
pub fn plan_meetings(plan: &Plan) -> Vec<Meeting> {
    let imp = &plan.implementation;
    meetings(
        &imp.meetings,
        &plan.working_calendar(),
        plan.period.start,
        plan.period.end,
    )
}

pub fn plan_ics(plan: &Plan, lang: Lang, now: DateTime<Utc>) -> String {
    let imp = &plan.implementation;
    let all = plan_meetings(plan);
    let words = ics::IcsWords {
        calendar_name: plan.name.clone(),
        weekly: t(lang, Key::MeetingWeekly).to_owned(),
        monthly: t(lang, Key::MeetingMonthly).to_owned(),
        quarterly: t(lang, Key::MeetingQuarterly).to_owned(),
        internal_training: t(lang, Key::MeetingInternalTraining).to_owned(),
        external_training: t(lang, Key::MeetingExternalTraining).to_owned(),
        owner: t(lang, Key::ColOwner).to_owned(),
        deliverable: t(lang, Key::ColDeliverable).to_owned(),
        acceptance: t(lang, Key::ColAcceptance).to_owned(),
    };
    ics::write(
        &ics::IcsInput {
            plan: plan.id,
            launch: plan.period.launch_day,
            tasks: &imp.tasks,
            meetings: &all,
            zone: imp.time_zone,
            now,
        },
        &words,
    )
}

/// "Q1 launch.ics" from the plan's name, like the plan file's own name.
pub fn export_name(plan: &Plan, extension: &str) -> String {
    let base = crate::storage::format::file_name_for(&plan.name);
    let stem = base.strip_suffix(".mplan.json").unwrap_or(&base);
    format!("{stem}.{extension}")
}

/// The texts of a task's flags, for the row and the timeline's tooltips.
pub fn task_flags(task: &Task, analysis: &Analysis, plan: &Plan, lang: Lang) -> Vec<String> {
    let mut out: Vec<String> = analysis
        .flags
        .get(&task.id)
        .map(|flags| flags.iter().map(|f| flag_text(f, plan).render(lang)).collect())
        .unwrap_or_default();
    if let Some((start, end)) = analysis.dates.get(&task.id) {
        if !plan.period.covers(*start, *end) {
            let text = Text::new(Key::FlagOutsidePeriod)
                .with("start", format_date(lang, plan.period.start))
                .with("end", format_date(lang, plan.period.end));
            out.push(text.render(lang));
        }
    }
    out
}

/// "due in 2 days (27 Nov 2026)" and the like.
pub fn due_text(lang: Lang, days: i64, date: NaiveDate, overdue: bool) -> String {
    let date = format_date(lang, date);
    let text = if overdue {
        Text::new(Key::RemindersOverdue).with("days", days).with("date", date)
    } else if days == 0 {
        Text::new(Key::RemindersDueToday)
    } else {
        Text::new(Key::RemindersDueIn).with("days", days).with("date", date)
    };
    text.render(lang)
}

/// The last analysis and what it was made from: a render whose tasks have
/// the same schedule (only a title, owner or note changed) reuses it.
#[derive(Default)]
pub struct AnalysisCache {
    last: Option<(Rc<Implementation>, Option<NaiveDate>, Rc<Analysis>)>,
}

impl AnalysisCache {
    pub fn get(&mut self, imp: &Rc<Implementation>, launch: Option<NaiveDate>) -> Rc<Analysis> {
        let analysis = match &self.last {
            Some((seen, l, analysis))
                if *l == launch && (Rc::ptr_eq(seen, imp) || same_schedule(&seen.tasks, &imp.tasks)) =>
            {
                analysis.clone()
            }
            _ => Rc::new(Analysis::of(&imp.tasks, launch)),
        };
        self.last = Some((imp.clone(), launch, analysis.clone()));
        analysis
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::core::ids::{CountingIds, IdSource};
    use crate::domain::plan::sample::sample_plan;
    use chrono::TimeZone;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
    }

    #[test]
    fn offsets_read_as_t_plus_or_minus() {
        assert_eq!(offset_label(When::FromLaunch(-21)).as_deref(), Some("T-21"));
        assert_eq!(offset_label(When::FromLaunch(0)).as_deref(), Some("T"));
        assert_eq!(offset_label(When::FromLaunch(7)).as_deref(), Some("T+7"));
        assert_eq!(offset_label(When::Date(today())), None);
    }

    #[test]
    fn the_csv_has_a_header_and_a_row_per_task_in_the_language() {
        let plan = sample_plan(Lang::ZhCn, &mut CountingIds::default(), today(), Utc::now());
        let text = tasks_csv(&plan, Lang::ZhCn);
        assert!(text.starts_with("\u{FEFF}序号,任务,阶段,责任部门,负责人,开始,结束"));
        assert_eq!(text.matches("\r\n").count(), plan.implementation.tasks.len() + 1);
        assert!(text.contains("正式上线"));
        assert!(text.contains("2026-11-19"), "go-live on T");
    }

    #[test]
    fn a_hostile_title_is_neutralised_in_the_csv() {
        let mut plan = sample_plan(Lang::En, &mut CountingIds::default(), today(), Utc::now());
        std::rc::Rc::make_mut(&mut plan.implementation).tasks[0].title = "=cmd|' /C calc'!A0".into();
        let text = tasks_csv(&plan, Lang::En);
        assert!(text.contains("\r\n1,'=cmd|' /C calc'!A0,"), "{}", &text[..300]);
    }

    #[test]
    fn the_ics_names_meetings_in_the_language() {
        let plan = sample_plan(Lang::En, &mut CountingIds::default(), today(), Utc::now());
        let now = Utc.with_ymd_and_hms(2026, 11, 25, 8, 0, 0).unwrap();
        let text = plan_ics(&plan, Lang::ZhCn, now);
        assert!(text.contains("SUMMARY:周会"));
        let events = text.matches("BEGIN:VEVENT").count();
        assert_eq!(events, plan.implementation.tasks.len() + plan_meetings(&plan).len());
        assert_eq!(
            export_name(&plan, "ics"),
            "Marketing department plan, Q4 2026 (sample).ics"
        );
    }

    #[test]
    fn the_analysis_is_reused_while_only_texts_change() {
        let mut ids = CountingIds::default();
        let mut imp = Implementation::default();
        let a = Task::new(ids.item_id(), "A", When::FromLaunch(-5), When::FromLaunch(-3));
        let mut b = Task::new(ids.item_id(), "B", When::FromLaunch(-2), When::FromLaunch(0));
        b.depends_on = vec![a.id];
        imp.tasks = vec![a, b];
        let launch = NaiveDate::from_ymd_opt(2027, 3, 1);
        let mut cache = AnalysisCache::default();
        let first = cache.get(&Rc::new(imp.clone()), launch);

        let mut retitled = imp.clone();
        retitled.tasks[0].title = "A, renamed".into();
        retitled.tasks[1].owner = "Li".into();
        let second = cache.get(&Rc::new(retitled.clone()), launch);
        assert!(Rc::ptr_eq(&first, &second), "a title change keeps the analysis");
        assert_eq!(*second, Analysis::of(&retitled.tasks, launch));

        let mut moved = retitled.clone();
        moved.tasks[0].end = When::FromLaunch(-1);
        let third = cache.get(&Rc::new(moved.clone()), launch);
        assert!(!Rc::ptr_eq(&second, &third));
        assert_eq!(*third, Analysis::of(&moved.tasks, launch));
        assert!(
            third.flags.contains_key(&moved.tasks[1].id),
            "B now starts before A ends"
        );

        let later = launch.map(|d| d + chrono::Duration::days(7));
        assert_eq!(
            *cache.get(&Rc::new(moved.clone()), later),
            Analysis::of(&moved.tasks, later)
        );
    }
}
