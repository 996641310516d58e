//! The marketing calendar (营销日历): a month grid with the month's theme,
//! tasks spanning their days, key events, meetings, content pieces and
//! China's marketing dates; the key events and content cadence beside it.

use crate::app::implementation::month_grid::{month_grid, Chip};
use crate::app::implementation::{marketing_key, meeting_key, weekday_key, WEEKDAYS};
use crate::domain::core::calendar::parse_date;
use crate::domain::core::calendar::{month_end, month_start};
use crate::domain::core::ids::IdSource;
use crate::domain::implementation::edit::ImplementationEdit;
use crate::domain::implementation::{ContentCadence, KeyEvent, Per};
use crate::i18n::{format_date, format_month, Key, Text};
use crate::ui::implementation::chapter::AnalysisRef;
use crate::ui::shell::context::PlanActions;
use crate::ui::shell::context::{use_app, PlanRef, Tr};
use crate::ui::shell::platform::BrowserIds;
use crate::ui::widgets::dom::{target_checked, target_value};
use crate::ui::widgets::draft_input::DraftInput;
use crate::ui::widgets::field::on_typing;
use chrono::Datelike;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CalendarProps {
    pub plan: PlanRef,
    pub analysis: AnalysisRef,
}

#[function_component(MarketingCalendar)]
pub fn marketing_calendar(props: &CalendarProps) -> Html {
    let Some(app) = use_app() else { return html! {} };
    let plan = &props.plan;
    let (id, period) = (plan.id, &plan.period);
    let imp = &plan.implementation;
    let first = {
        let today = app.today;
        let anchor = if period.contains(today) { today } else { period.start };
        month_start(anchor)
    };
    let month = use_state(|| first);
    let overlay = use_state(|| true);
    let m = *month;
    let _last = month_end(m);
    let step = |months: i32| {
        let month = month.clone();
        Callback::from(move |_| {
            let next = if months > 0 {
                m.checked_add_months(chrono::Months::new(1))
            } else {
                m.checked_sub_months(chrono::Months::new(1))
            };
            if let Some(next) = next {
                month.set(next);
            }
        })
    };
    let on_theme = {
        let app = app.clone();
        Callback::from(move |text: String| app.edit(id, ImplementationEdit::MonthTheme { month: m, text }))
    };
    let on_overlay = {
        let overlay = overlay.clone();
        Callback::from(move |e: Event| overlay.set(target_checked(&e)))
    };

    let chip = |c: &Chip| match c {
        Chip::Marketing(day) => html! { <span class="chip chip-marketing">{ app.t(marketing_key(*day)) }</span> },
        Chip::Event { title, promotion } => {
            let class = if *promotion {
                "chip chip-promotion"
            } else {
                "chip chip-event"
            };
            html! { <span class={class}>{ title }</span> }
        }
        Chip::Meeting { time, kind } => html! {
            <span class="chip chip-meeting">{ format!("{} {}", crate::domain::core::calendar::time_text(*time), app.t(meeting_key(*kind))) }</span>
        },
        Chip::Content { channel, pieces } => {
            html! { <span class="chip chip-content">{ format!("{channel} ×{pieces}") }</span> }
        }
    };
    let weeks = month_grid(plan, &props.analysis.0, m, app.today, *overlay).into_iter().map(|week| {
        let days = week.days.iter().map(|day| html! {
            <td class={classes!("day", day.outside.then_some("day-outside"), day.today.then_some("day-today"))}
                aria-label={format_date(app.lang, day.date)}>
                <span class="day-number">{ day.date.day() }</span>
                { for day.chips.iter().map(chip) }
            </td>
        });
        let bars = week.spans.iter().map(|s| html! {
            <div class="cal-task" style={format!("grid-column: {} / {}", s.from, s.to)} title={s.title.clone()}>{ &s.title }</div>
        });
        html! {
            <>
                <tr>
                    <th scope="row" class="week-no">{ week.iso_week }</th>
                    { for days }
                </tr>
                if !week.spans.is_empty() {
                    <tr class="week-tasks">
                        <td></td>
                        <td colspan="7">
                            <div class="cal-lanes">{ for bars }</div>
                            if week.hidden > 0 { <span class="muted">{ app.text(&Text::new(Key::CalendarMore).with("count", week.hidden)) }</span> }
                        </td>
                    </tr>
                }
            </>
        }
    });
    let label = format_month(app.lang, m);
    let theme = imp.theme(m).unwrap_or_default().to_owned();
    html! {
        <div class="calendar-view">
            <div class="calendar-head">
                <button type="button" class="btn btn-small" onclick={step(-1)} aria-label={app.t(Key::CalendarPrev)}>{ "‹" }</button>
                <h3 class="calendar-month" aria-live="polite">{ label }</h3>
                <button type="button" class="btn btn-small" onclick={step(1)} aria-label={app.t(Key::CalendarNext)}>{ "›" }</button>
                <label class="calendar-theme">{ app.t(Key::CalendarTheme) }
                    <DraftInput id="month-theme" value={theme} oninput={on_theme} placeholder={app.t(Key::CalendarThemePlaceholder)} />
                </label>
                <label class="no-print"><input type="checkbox" checked={*overlay} onchange={on_overlay} />{ " " }{ app.t(Key::CalendarShowMarketingDates) }</label>
            </div>
            <div class="table-scroll">
                <table class="month-grid">
                    <thead>
                        <tr>
                            <th scope="col" class="week-no">{ app.t(Key::CalendarWeekNo) }</th>
                            { for WEEKDAYS.iter().map(|d| html! { <th scope="col">{ app.t(weekday_key(*d, true)) }</th> }) }
                        </tr>
                    </thead>
                    <tbody>{ for weeks }</tbody>
                </table>
            </div>
            <div class="calendar-side">
                <KeyEvents plan={plan.clone()} />
                <ContentPlan plan={plan.clone()} />
            </div>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct SideProps {
    pub plan: PlanRef,
}

#[derive(Clone, PartialEq, Default)]
struct EventDraft {
    title: String,
    start: String,
    end: String,
    promotion: bool,
}

#[function_component(KeyEvents)]
fn key_events(props: &SideProps) -> Html {
    let Some(app) = use_app() else { return html! {} };
    let plan = &props.plan;
    let id = plan.id;
    let draft = use_state(EventDraft::default);
    let problem = use_state(|| None::<Key>);
    let set = |change: fn(&mut EventDraft, String)| {
        let draft = draft.clone();
        Callback::from(move |e: Event| {
            let mut next = (*draft).clone();
            change(&mut next, target_value(&e));
            draft.set(next);
        })
    };
    let on_promotion = {
        let draft = draft.clone();
        Callback::from(move |e: Event| {
            let mut next = (*draft).clone();
            next.promotion = target_checked(&e);
            draft.set(next);
        })
    };
    let onsubmit = {
        let (app, draft, problem) = (app.clone(), draft.clone(), problem.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let parse = |s: &str| parse_date(s);
            let Some(start) = parse(&draft.start) else {
                problem.set(Some(Key::ErrorDateInvalid));
                return;
            };
            let end = parse(&draft.end).unwrap_or(start);
            if draft.title.trim().is_empty() {
                problem.set(Some(Key::ErrorEventTitleEmpty));
                return;
            }
            if end < start {
                problem.set(Some(Key::ErrorEventEndBeforeStart));
                return;
            }
            let event = KeyEvent {
                id: BrowserIds.item_id(),
                title: draft.title.trim().to_owned(),
                start,
                end,
                promotion: draft.promotion,
            };
            app.edit(id, ImplementationEdit::PutEvent(event));
            problem.set(None);
            draft.set(EventDraft::default());
        })
    };
    let imp = &plan.implementation;
    let overlaps = imp.overlapping_promotions();
    let events = imp.events.iter().map(|e| {
        let remove = {
            let (app, eid) = (app.clone(), e.id);
            Callback::from(move |_| app.edit(id, ImplementationEdit::RemoveEvent(eid)))
        };
        let dates = if e.start == e.end {
            format_date(app.lang, e.start)
        } else {
            format!("{} – {}", format_date(app.lang, e.start), format_date(app.lang, e.end))
        };
        html! {
            <li key={e.id.to_string()}>
                <strong>{ &e.title }</strong>{ " · " }{ dates }
                if e.promotion { { " " }<span class="tag">{ app.t(Key::CalendarEventPromotion) }</span> }
                <button type="button" class="btn btn-small btn-quiet" onclick={remove}
                    aria-label={app.text(&Text::new(Key::CalendarEventRemove).with("title", &e.title))}>{ "×" }</button>
            </li>
        }
    });
    html! {
        <section class="card key-events" aria-labelledby="events-title">
            <h3 id="events-title">{ app.t(Key::CalendarEvents) }</h3>
            if imp.events.is_empty() {
                <p class="empty-note">{ app.t(Key::CalendarEventsEmpty) }</p>
            } else {
                <ul class="event-list">{ for events }</ul>
            }
            { for overlaps.iter().map(|(a, b)| html! {
                <p class="banner banner-warning overlap-warning">{ app.text(&Text::new(Key::CalendarOverlap)
                    .with("a", &a.title).with("b", &b.title).with("date", format_date(app.lang, a.start.max(b.start)))) }</p>
            }) }
            <form class="form-row no-print" {onsubmit}>
                <label>{ app.t(Key::CalendarEventTitle) }<input id="event-title" type="text" value={draft.title.clone()} oninput={on_typing(set(|d, v| d.title = v))} /></label>
                <label>{ app.t(Key::CalendarEventStart) }<input id="event-start" type="date" value={draft.start.clone()} oninput={on_typing(set(|d, v| d.start = v))} /></label>
                <label>{ app.t(Key::CalendarEventEnd) }<input id="event-end" type="date" value={draft.end.clone()} oninput={on_typing(set(|d, v| d.end = v))} /></label>
                <label><input id="event-promotion" type="checkbox" checked={draft.promotion} onchange={on_promotion} />{ " " }{ app.t(Key::CalendarEventPromotion) }</label>
                <button type="submit" class="btn btn-small">{ app.t(Key::CalendarEventAdd) }</button>
            </form>
            if let Some(key) = *problem { <p class="field-error" role="alert">{ app.t(key) }</p> }
        </section>
    }
}

#[derive(Clone, PartialEq)]
struct CadenceDraft {
    channel: String,
    count: String,
    per: Per,
}

#[function_component(ContentPlan)]
fn content_plan(props: &SideProps) -> Html {
    let Some(app) = use_app() else { return html! {} };
    let plan = &props.plan;
    let id = plan.id;
    let draft = use_state(|| CadenceDraft {
        channel: String::new(),
        count: "2".into(),
        per: Per::Week,
    });
    let problem = use_state(|| None::<Key>);
    let onsubmit = {
        let (app, draft, problem) = (app.clone(), draft.clone(), problem.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Ok(count) = draft.count.trim().parse::<u32>() else {
                problem.set(Some(Key::ErrorCadenceCount));
                return;
            };
            if draft.channel.trim().is_empty() {
                problem.set(Some(Key::ErrorChannelEmpty));
                return;
            }
            if !(1..=100).contains(&count) {
                problem.set(Some(Key::ErrorCadenceCount));
                return;
            }
            let cadence = ContentCadence {
                id: BrowserIds.item_id(),
                channel: draft.channel.trim().to_owned(),
                count,
                per: draft.per,
            };
            app.edit(id, ImplementationEdit::PutCadence(cadence));
            problem.set(None);
            draft.set(CadenceDraft {
                channel: String::new(),
                count: draft.count.clone(),
                per: draft.per,
            });
        })
    };
    let (start, end) = (plan.period.start, plan.period.end);
    let mut grand = 0;
    let rows = plan.implementation.content.iter().map(|c| {
        let total = c.placements(start, end).len();
        grand += total;
        let remove = {
            let (app, cid) = (app.clone(), c.id);
            Callback::from(move |_| app.edit(id, ImplementationEdit::RemoveCadence(cid)))
        };
        let per = app.t(if c.per == Per::Week { Key::ContentPerWeek } else { Key::ContentPerMonth });
        html! {
            <tr key={c.id.to_string()}>
                <th scope="row">{ &c.channel }</th>
                <td>{ format!("{} / {per}", c.count) }</td>
                <td class="num">{ app.text(&Text::new(Key::ContentTotal).with("count", total)) }</td>
                <td><button type="button" class="btn btn-small btn-quiet" onclick={remove}
                    aria-label={app.text(&Text::new(Key::ContentRemove).with("channel", &c.channel))}>{ "×" }</button></td>
            </tr>
        }
    }).collect::<Vec<_>>();
    let text = |change: fn(&mut CadenceDraft, String)| {
        let draft = draft.clone();
        Callback::from(move |e: Event| {
            let mut next = (*draft).clone();
            change(&mut next, target_value(&e));
            draft.set(next);
        })
    };
    html! {
        <section class="card content-plan" aria-labelledby="content-title">
            <h3 id="content-title">{ app.t(Key::ContentTitle) }</h3>
            <p class="muted">{ app.t(Key::ContentIntro) }</p>
            if rows.is_empty() {
                <p class="empty-note">{ app.t(Key::ContentEmpty) }</p>
            } else {
                <table class="content-table">
                    <tbody>{ for rows }</tbody>
                </table>
                <p><strong>{ app.text(&Text::new(Key::ContentGrandTotal).with("count", grand)) }</strong></p>
            }
            <form class="form-row no-print" {onsubmit}>
                <label>{ app.t(Key::ContentChannel) }<input id="content-channel" type="text" value={draft.channel.clone()} oninput={on_typing(text(|d, v| d.channel = v))} /></label>
                <label>{ app.t(Key::ContentCount) }<input id="content-count" type="number" min="1" max="100" class="input-narrow" value={draft.count.clone()} oninput={on_typing(text(|d, v| d.count = v))} /></label>
                <label>{ app.t(Key::ContentPer) }
                    <select id="content-per" onchange={text(|d, v| d.per = if v == "month" { Per::Month } else { Per::Week })}>
                        <option value="week" selected={draft.per == Per::Week}>{ app.t(Key::ContentPerWeek) }</option>
                        <option value="month" selected={draft.per == Per::Month}>{ app.t(Key::ContentPerMonth) }</option>
                    </select>
                </label>
                <button type="submit" class="btn btn-small">{ app.t(Key::ContentAdd) }</button>
            </form>
            if let Some(key) = *problem { <p class="field-error" role="alert">{ app.t(key) }</p> }
        </section>
    }
}
