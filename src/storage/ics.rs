//! The plan's tasks and meetings as an iCalendar file (RFC 5545), to put the
//! plan into Outlook, Apple Calendar or a phone.
//!
//! UIDs come from the items' ids, so importing a newer export updates the
//! events instead of duplicating them; a skipped meeting is written as
//! cancelled for the same reason.

use crate::domain::core::ids::PlanId;
use crate::domain::implementation::meetings::{Meeting, MeetingKind};
use crate::domain::implementation::schedule::{Task, TaskStatus};
use crate::domain::implementation::TimeZone;
use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, Utc};

/// The words the file carries, in the user's language.
pub struct IcsWords {
    pub calendar_name: String,
    pub weekly: String,
    pub monthly: String,
    pub quarterly: String,
    pub internal_training: String,
    pub external_training: String,
    pub owner: String,
    pub deliverable: String,
    pub acceptance: String,
}

pub struct IcsInput<'a> {
    pub plan: PlanId,
    pub launch: Option<NaiveDate>,
    pub tasks: &'a [Task],
    pub meetings: &'a [Meeting],
    pub zone: TimeZone,
    pub now: DateTime<Utc>,
}

/// Escapes a TEXT value (RFC 5545 §3.3.11).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            // Other control characters are not allowed in TEXT.
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line at 75 octets, never inside a UTF-8 character
/// (RFC 5545 §3.1); continuation lines start with one space.
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3);
    let mut width = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if width + n > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out.push_str("\r\n");
    out
}

fn date(d: NaiveDate) -> String {
    crate::domain::core::calendar::compact_date(d)
}

fn local(t: NaiveDateTime) -> String {
    crate::domain::core::calendar::compact_datetime(t)
}

fn offset(minutes: i32) -> String {
    let sign = if minutes < 0 { '-' } else { '+' };
    let m = minutes.abs();
    format!("{sign}{:02}{:02}", m / 60, m % 60)
}

pub fn write(input: &IcsInput, words: &IcsWords) -> String {
    let mut out = String::new();
    let mut line = |text: String| out.push_str(&fold(&text));
    let stamp = format!(
        "{}Z",
        crate::domain::core::calendar::compact_datetime(input.now.naive_utc())
    );
    let zone = input.zone.name();
    line("BEGIN:VCALENDAR".into());
    line("VERSION:2.0".into());
    line("PRODID:-//MarketPlan//MarketPlan//EN".into());
    line("CALSCALE:GREGORIAN".into());
    line("METHOD:PUBLISH".into());
    line(format!("X-WR-CALNAME:{}", escape(&words.calendar_name)));
    line(format!("X-WR-TIMEZONE:{zone}"));
    // The offered zones keep one offset all year: one STANDARD rule is the
    // whole definition.
    line("BEGIN:VTIMEZONE".into());
    line(format!("TZID:{zone}"));
    line("BEGIN:STANDARD".into());
    line("DTSTART:19700101T000000".into());
    let off = offset(input.zone.offset_minutes());
    line(format!("TZOFFSETFROM:{off}"));
    line(format!("TZOFFSETTO:{off}"));
    line("END:STANDARD".into());
    line("END:VTIMEZONE".into());
    for task in input.tasks {
        let Some((start, end)) = task.dates(input.launch) else {
            continue;
        };
        let end = end.max(start);
        line("BEGIN:VEVENT".into());
        line(format!("UID:task-{}@marketplan", task.id));
        line(format!("DTSTAMP:{stamp}"));
        line(format!("DTSTART;VALUE=DATE:{}", date(start)));
        // All-day events end on the day after (DTEND is exclusive).
        line(format!("DTEND;VALUE=DATE:{}", date(end + Duration::days(1))));
        line(format!("SUMMARY:{}", escape(&task.title)));
        let mut details = Vec::new();
        for (label, value) in [
            (&words.owner, &task.owner),
            (&words.deliverable, &task.deliverable),
            (&words.acceptance, &task.acceptance),
        ] {
            if !value.trim().is_empty() {
                details.push(format!("{label}: {value}"));
            }
        }
        if !task.notes.trim().is_empty() {
            details.push(task.notes.clone());
        }
        if !details.is_empty() {
            line(format!("DESCRIPTION:{}", escape(&details.join("\n"))));
        }
        line("TRANSP:TRANSPARENT".into());
        if task.status == TaskStatus::Cancelled {
            line("STATUS:CANCELLED".into());
        }
        line("END:VEVENT".into());
    }
    for m in input.meetings {
        let title = match m.kind {
            MeetingKind::Weekly => &words.weekly,
            MeetingKind::Monthly => &words.monthly,
            MeetingKind::Quarterly => &words.quarterly,
            MeetingKind::InternalTraining => &words.internal_training,
            MeetingKind::ExternalTraining => &words.external_training,
        };
        line("BEGIN:VEVENT".into());
        line(format!(
            "UID:meeting-{}-{}-{}@marketplan",
            input.plan,
            m.kind.code(),
            date(m.planned)
        ));
        line(format!("DTSTAMP:{stamp}"));
        line(format!("DTSTART;TZID={zone}:{}", local(m.start)));
        let end = m.start + Duration::minutes(m.minutes.into());
        line(format!("DTEND;TZID={zone}:{}", local(end)));
        line(format!("SUMMARY:{}", escape(title)));
        line(format!("STATUS:{}", if m.skipped { "CANCELLED" } else { "CONFIRMED" }));
        line("END:VEVENT".into());
    }
    line("END:VCALENDAR".into());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::core::calendar::WorkCalendar;
    use crate::domain::core::ids::{CountingIds, IdSource};
    use crate::domain::implementation::meetings::{meetings, MeetingSettings};
    use crate::domain::implementation::schedule::When;
    use chrono::TimeZone as _;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
    }

    fn words() -> IcsWords {
        IcsWords {
            calendar_name: "Launch, 2027".into(),
            weekly: "周会".into(),
            monthly: "Monthly review".into(),
            quarterly: "Strategy; quarterly".into(),
            internal_training: "Internal training".into(),
            external_training: "External training".into(),
            owner: "Owner".into(),
            deliverable: "Deliverable".into(),
            acceptance: "Acceptance".into(),
        }
    }

    /// Unfolds and splits a file into its content lines, checking the
    /// folding rules on the way.
    fn content_lines(ics: &str) -> Vec<String> {
        assert!(ics.ends_with("\r\n"));
        let mut lines: Vec<String> = Vec::new();
        for raw in ics.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(raw.len() <= 75, "line over 75 octets: {raw:?}");
            assert!(!raw.contains('\n') && !raw.contains('\r'));
            match raw.strip_prefix(' ') {
                Some(rest) => lines.last_mut().expect("a first line").push_str(rest),
                None => lines.push(raw.to_owned()),
            }
        }
        lines
    }

    #[test]
    fn escaping_of_hostile_text() {
        assert_eq!(escape("a,b;c\\d\ne\r\nf\u{7}"), "a\\,b\\;c\\\\d\\ne\\nf");
    }

    #[test]
    fn long_lines_fold_on_character_boundaries() {
        let text = format!("SUMMARY:{}", "市场".repeat(60));
        let folded = fold(&text);
        for l in folded.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= 75);
            assert!(std::str::from_utf8(l.as_bytes()).is_ok());
        }
        assert_eq!(folded.replace("\r\n ", "").trim_end(), text);
    }

    #[test]
    fn tasks_are_all_day_and_meetings_timed_in_the_plan_zone() {
        let mut ids = CountingIds::default();
        let plan = ids.plan_id();
        let mut t = Task::new(
            ids.item_id(),
            "Go live, day one; \"big\"",
            When::FromLaunch(0),
            When::FromLaunch(2),
        );
        t.owner = "王芳".into();
        t.notes = "line1\nline2".into();
        let relative_without_t = Task::new(ids.item_id(), "x", When::FromLaunch(0), When::FromLaunch(0));
        let mut settings = MeetingSettings::default();
        settings.changes.insert(
            (MeetingKind::Monthly, d(2027, 3, 26)),
            crate::domain::implementation::meetings::MeetingChange::Skip,
        );
        let ms = meetings(&settings, &WorkCalendar::default(), d(2027, 3, 1), d(2027, 3, 31));
        let input = IcsInput {
            plan,
            launch: Some(d(2027, 3, 1)),
            tasks: &[t.clone()],
            meetings: &ms,
            zone: TimeZone::Shanghai,
            now: Utc.with_ymd_and_hms(2026, 11, 25, 8, 0, 0).unwrap(),
        };
        let lines = content_lines(&write(&input, &words()));
        assert_eq!(lines.first().map(String::as_str), Some("BEGIN:VCALENDAR"));
        assert!(lines.contains(&"DTSTART;VALUE=DATE:20270301".to_owned()));
        assert!(lines.contains(&"DTEND;VALUE=DATE:20270304".to_owned()));
        assert!(lines.contains(&"SUMMARY:Go live\\, day one\\; \"big\"".to_owned()));
        assert!(lines.contains(&"DESCRIPTION:Owner: 王芳\\nline1\\nline2".to_owned()));
        assert!(lines.contains(&format!("UID:task-{}@marketplan", t.id)));
        assert!(lines.contains(&"DTSTART;TZID=Asia/Shanghai:20270301T090000".to_owned()));
        assert!(lines.contains(&"DTEND;TZID=Asia/Shanghai:20270301T100000".to_owned()));
        assert!(lines.contains(&"SUMMARY:Strategy\\; quarterly".to_owned()));
        assert!(lines.contains(&format!("UID:meeting-{plan}-monthly-20270326@marketplan")));
        assert_eq!(lines.iter().filter(|l| *l == "STATUS:CANCELLED").count(), 1);
        let events = lines.iter().filter(|l| *l == "BEGIN:VEVENT").count();
        // One task, 5 Mondays, a monthly review and the quarter's meeting.
        assert_eq!(events, 1 + 5 + 1 + 1);
        // Without T, the relative task has no date and is left out.
        let input = IcsInput {
            launch: None,
            tasks: &[relative_without_t],
            meetings: &[],
            ..input
        };
        assert!(!write(&input, &words()).contains("BEGIN:VEVENT"));
    }

    #[test]
    fn the_same_plan_exports_the_same_uids() {
        let mut ids = CountingIds::default();
        let plan = ids.plan_id();
        let t = Task::new(ids.item_id(), "x", When::Date(d(2027, 1, 1)), When::Date(d(2027, 1, 1)));
        let at = |h| IcsInput {
            plan,
            launch: None,
            tasks: std::slice::from_ref(&t),
            meetings: &[],
            zone: TimeZone::Tokyo,
            now: Utc.with_ymd_and_hms(2026, 11, 25, h, 0, 0).unwrap(),
        };
        let uids = |s: String| {
            s.lines()
                .filter(|l| l.starts_with("UID"))
                .map(str::to_owned)
                .collect::<Vec<_>>()
        };
        assert_eq!(uids(write(&at(1), &words())), uids(write(&at(9), &words())));
        assert!(write(&at(1), &words()).contains("TZOFFSETTO:+0900"));
    }
}
