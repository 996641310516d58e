//! One review (复盘), printable on one page: target vs actual per KPI with
//! causes, highlights, adjustments and lessons.

use crate::app::goals::figures::{approx_text, rate_text, status_class, status_key, value_text};
use crate::app::route::Section;
use crate::app::{Action, Route};
use crate::domain::core::ids::{IdSource, ItemId};
use crate::domain::evaluation::edit::EvaluationEdit;
use crate::domain::evaluation::review::{Lesson, LessonKind, ReviewField};
use crate::i18n::{format_date, Key};
use crate::ui::evaluation::reviews::review_title;
use crate::ui::shell::context::PlanActions;
use crate::ui::shell::context::{navigate, use_app, PlanRef, Tr};
use crate::ui::shell::platform::BrowserIds;
use crate::ui::widgets::dom::target_value;
use crate::ui::widgets::draft_input::{DraftInput, DraftTextarea};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ReviewPageProps {
    pub plan: PlanRef,
    pub review: ItemId,
}

#[function_component(ReviewPage)]
pub fn review_page(props: &ReviewPageProps) -> Html {
    let Some(app) = use_app() else {
        return html! {};
    };
    let lesson_kind = use_state(|| LessonKind::Keep);
    let lesson_text = use_state(String::new);
    let plan = &props.plan;
    let plan_id = plan.id;
    let back_route = Route::Plan(plan_id, Section::Reviews);
    let back = html! {
        <a class="back-link no-print" href={back_route.to_hash()} onclick={navigate(&app, back_route)}>{ "← " }{ app.t(Key::RevBack) }</a>
    };
    let Some(review) = plan.review(props.review) else {
        return html! { <section class="card">{ back }<p class="empty-note">{ app.t(Key::PlanNotFound) }</p></section> };
    };
    let review_id = review.id;
    let edit = |field: ReviewField| {
        app.edit_cb(plan_id, move |text: String| {
            Some(EvaluationEdit::ReviewText {
                review: review_id,
                field,
                text,
            })
        })
    };
    let seal = {
        let app = app.clone();
        Callback::from(move |_: FocusEvent| app.dispatch(Action::Seal(plan_id)))
    };
    let print = Callback::from(|_| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    });
    let rows = review.rows(plan, plan.thresholds);
    let table_rows = rows.iter().map(|row| {
        let value = |v| value_text(app.lang, &row.kpi.unit, &plan.currency, v);
        let approx = |v| approx_text(app.lang, &row.kpi.unit, &plan.currency, v);
        let kpi = row.kpi.id;
        let on_cause = {
            app.edit_cb(plan_id, move |text: String| {
                Some(EvaluationEdit::ReviewCause {
                    review: review_id,
                    kpi,
                    text,
                })
            })
        };
        let cause_id = format!("cause-{kpi}");
        let cause = review.causes.get(&kpi).cloned().unwrap_or_default();
        html! {
            <tr key={kpi.to_string()}>
                <th scope="row">{ &row.kpi.name }<span class="kpi-goal">{ &row.goal.title }</span></th>
                <td class="num">{ approx(row.target) }</td>
                <td class="num">{ row.actual.map_or_else(|| "—".to_owned(), value) }</td>
                <td class="num">{ rate_text(row.completion) }</td>
                <td><span class={status_class(row.status)}>{ app.t(status_key(row.status)) }</span></td>
                <td>
                    <label for={cause_id.clone()} class="visually-hidden">{ format!("{} · {}", app.t(Key::RevCause), row.kpi.name) }</label>
                    <DraftInput id={cause_id} class="no-print" value={cause.clone()}
                        oninput={on_cause} onblur={seal.clone()} />
                    // A field prints cut to its width; on paper the text is
                    // written out in full.
                    <p class="print-only">{ cause }</p>
                </td>
            </tr>
        }
    });
    let lessons = review.lessons.iter().map(|lesson| {
        let remove = {
            let (app, review, id) = (app.clone(), review.clone(), lesson.id);
            Callback::from(move |_| {
                let mut next = review.clone();
                next.lessons.retain(|l| l.id != id);
                app.edit(plan_id, EvaluationEdit::PutReview(next.clone()));
            })
        };
        let tag = match lesson.kind {
            LessonKind::Keep => Key::RevLessonKeep,
            LessonKind::Avoid => Key::RevLessonAvoid,
        };
        html! {
            <li key={lesson.id.to_string()}>
                <span class={classes!("tag", (lesson.kind == LessonKind::Avoid).then_some("tag-warn"))}>{ app.t(tag) }</span>
                { &lesson.text }
                <button type="button" class="btn btn-small btn-quiet no-print" onclick={remove}>{ app.t(Key::RevDeleteLesson) }</button>
            </li>
        }
    });
    let add_lesson = {
        let (app, review, kind, text) = (app.clone(), review.clone(), lesson_kind.clone(), lesson_text.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if text.trim().is_empty() {
                return;
            }
            let mut next = review.clone();
            next.lessons.push(Lesson {
                id: BrowserIds.item_id(),
                kind: *kind,
                text: text.trim().to_owned(),
            });
            app.edit(plan_id, EvaluationEdit::PutReview(next.clone()));
            text.set(String::new());
        })
    };
    let on_kind = {
        let kind = lesson_kind.clone();
        Callback::from(move |e: Event| {
            kind.set(if target_value(&e) == "avoid" {
                LessonKind::Avoid
            } else {
                LessonKind::Keep
            })
        })
    };
    let on_lesson_text = {
        let text = lesson_text.clone();
        Callback::from(move |e: InputEvent| text.set(target_value(&e)))
    };
    html! {
        <section class="card review-page print-page" aria-labelledby="review-title">
            { back }
            <div class="section-head">
                <div>
                    <h2 id="review-title">{ review_title(app.lang, plan, review) }</h2>
                    <p class="page-sub">{ format!("{} – {} · {}", format_date(app.lang, review.start), format_date(app.lang, review.end), plan.name) }</p>
                </div>
                <button type="button" class="btn no-print" onclick={print}>{ app.t(Key::RevPrint) }</button>
            </div>
            if rows.is_empty() {
                <p class="empty-note">{ app.t(Key::RevNoKpis) }</p>
            } else {
                <table class="data-table review-table">
                    <thead><tr>
                        <th scope="col">{ app.t(Key::RevKpi) }</th>
                        <th scope="col">{ app.t(Key::RevTarget) }</th>
                        <th scope="col">{ app.t(Key::RevActual) }</th>
                        <th scope="col">{ app.t(Key::RevCompletion) }</th>
                        <th scope="col">{ app.t(Key::RevStatus) }</th>
                        <th scope="col">{ app.t(Key::RevCause) }</th>
                    </tr></thead>
                    <tbody>{ for table_rows }</tbody>
                </table>
            }
            <div class="review-texts">
                <div class="field">
                    <label for="review-highlights">{ app.t(Key::RevHighlights) }</label>
                    <DraftTextarea id="review-highlights" class="no-print" value={review.highlights.clone()} onblur={seal.clone()}
                        oninput={edit(ReviewField::Highlights)} />
                    <p class="print-only">{ &review.highlights }</p>
                </div>
                <div class="field">
                    <label for="review-adjustments">{ app.t(Key::RevAdjustments) }</label>
                    <DraftTextarea id="review-adjustments" class="no-print" value={review.adjustments.clone()} onblur={seal}
                        oninput={edit(ReviewField::Adjustments)} />
                    <p class="print-only">{ &review.adjustments }</p>
                </div>
            </div>
            <h3>{ app.t(Key::RevLessons) }</h3>
            <ul class="lesson-list">{ for lessons }</ul>
            <form class="add-lesson no-print" onsubmit={add_lesson}>
                <label for="lesson-kind" class="visually-hidden">{ app.t(Key::RevLessons) }</label>
                <select id="lesson-kind" onchange={on_kind}>
                    <option value="keep" selected={*lesson_kind == LessonKind::Keep}>{ app.t(Key::RevLessonKeep) }</option>
                    <option value="avoid" selected={*lesson_kind == LessonKind::Avoid}>{ app.t(Key::RevLessonAvoid) }</option>
                </select>
                <label for="lesson-text" class="visually-hidden">{ app.t(Key::RevLessonText) }</label>
                <input id="lesson-text" type="text" value={(*lesson_text).clone()} oninput={on_lesson_text} placeholder={app.t(Key::RevLessonText)} />
                <button type="submit" class="btn btn-small">{ app.t(Key::RevAddLesson) }</button>
            </form>
        </section>
    }
}
