//! Chapter 8, performance evaluation (绩效评估与持续改进): reviews, and the
//! SOP and pitfalls lists gathered from their lessons.

use crate::app::goals::figures::{cadence_key, sub_label};
use crate::app::route::Section;
use crate::app::{Action, Route};
use crate::domain::core::ids::IdSource;
use crate::domain::core::order::{day, sort_by_rank};
use crate::domain::evaluation::edit::EvaluationEdit;
use crate::domain::evaluation::review::{lessons, Cadence, LessonKind, Review};
use crate::domain::plan::{Plan, Unknown};
use crate::i18n::{Key, Lang, Text};
use crate::ui::shell::context::PlanActions;
use crate::ui::shell::context::{navigate, use_app, PlanRef, Tr};
use crate::ui::shell::platform::BrowserIds;
use crate::ui::widgets::dom::target_value;
use crate::ui::widgets::enum_select::enum_select;
use crate::ui::widgets::field::field;
use std::collections::BTreeMap;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ReviewsProps {
    pub plan: PlanRef,
}

/// "Monthly review · 2027年3月" — the review's name wherever it is listed.
pub fn review_title(lang: Lang, plan: &Plan, review: &Review) -> String {
    let period = review
        .cadence
        .choices(&plan.period)
        .into_iter()
        .find(|s| s.start == review.start)
        .map(|s| sub_label(lang, s.label))
        .unwrap_or_else(|| format!("{} – {}", review.start, review.end));
    Text::new(Key::RevHeading)
        .with_text("cadence", cadence_key(review.cadence).into())
        .with("period", period)
        .render(lang)
}

#[function_component(ReviewsChapter)]
pub fn reviews_chapter(props: &ReviewsProps) -> Html {
    let Some(app) = use_app() else {
        return html! {};
    };
    let plan = &props.plan;
    let plan_id = plan.id;
    let cadence = use_state(|| Cadence::Month);
    let choices = cadence.choices(&plan.period);
    // By default, the latest period already over (else the first).
    let default_choice = cadence.default_choice(&plan.period, app.today);
    let chosen = use_state(|| None::<usize>);
    let choice = chosen.unwrap_or(default_choice).min(choices.len().saturating_sub(1));

    let on_cadence = {
        let (cadence, chosen) = (cadence.clone(), chosen.clone());
        Callback::from(move |c: Cadence| {
            cadence.set(c);
            chosen.set(None);
        })
    };
    let on_period = {
        let chosen = chosen.clone();
        Callback::from(move |e: Event| chosen.set(target_value(&e).parse().ok()))
    };
    let create = {
        let (app, cadence, sub) = (app.clone(), *cadence, choices.get(choice).copied());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(sub) = sub else { return };
            let review = Review {
                id: BrowserIds.item_id(),
                cadence,
                start: sub.start,
                end: sub.end,
                highlights: String::new(),
                causes: BTreeMap::new(),
                adjustments: String::new(),
                lessons: Vec::new(),
                unknown: Unknown::new(),
            };
            let id = review.id;
            app.edit(plan_id, EvaluationEdit::PutReview(review));
            app.dispatch(Action::Navigate(Route::Plan(plan_id, Section::Review(id))));
        })
    };
    let mut reviews: Vec<&Review> = plan.reviews.iter().collect();
    sort_by_rank(&mut reviews, |r| (-day(r.end), -day(r.start)));
    let list = reviews.iter().map(|r| {
        let route = Route::Plan(plan_id, Section::Review(r.id));
        let remove = {
            let (app, id) = (app.clone(), r.id);
            Callback::from(move |_| app.edit(plan_id, EvaluationEdit::RemoveReview(id)))
        };
        html! {
            <li class="review-item" key={r.id.to_string()}>
                <a class="plan-name" href={route.to_hash()} onclick={navigate(&app, route)}>{ review_title(app.lang, plan, r) }</a>
                <button type="button" class="btn btn-small btn-danger no-print" onclick={remove}>{ app.t(Key::RevDelete) }</button>
            </li>
        }
    });
    let lesson_list = |kind: LessonKind, empty: Key| {
        let found = lessons(plan, kind);
        if found.is_empty() {
            return html! { <p class="empty-note">{ app.t(empty) }</p> };
        }
        html! {
            <ul class="lesson-list">
                { for found.iter().map(|(review, lesson)| html! {
                    <li key={lesson.id.to_string()}>
                        { &lesson.text }
                        <span class="lesson-from">{ app.text(&Text::new(Key::LessonFrom).with("review", review_title(app.lang, plan, review))) }</span>
                    </li>
                }) }
            </ul>
        }
    };
    html! {
        <section class="card chapter" aria-labelledby="reviews-title">
            <h2 id="reviews-title">{ format!("8. {}", app.t(Key::ChapterEvaluation)) }</h2>
            <p class="chapter-intro">{ app.t(Key::RevIntro) }</p>
            <form class="new-review no-print" onsubmit={create} aria-label={app.t(Key::RevNew)}>
                <div class="form-grid">
                    { field("review-cadence", app.t(Key::RevCadence), html! {
                        { enum_select(&app, Some("review-cadence"), None, *cadence, on_cadence) }
                    }, None, None) }
                    { field("review-period", app.t(Key::RevPeriod), html! {
                        <select id="review-period" onchange={on_period}>
                            { for choices.iter().enumerate().map(|(i, s)| html! { <option value={i.to_string()} selected={i == choice}>{ sub_label(app.lang, s.label) }</option> }) }
                        </select>
                    }, None, None) }
                </div>
                <button type="submit" class="btn btn-primary">{ app.t(Key::RevCreate) }</button>
            </form>
            <h3>{ app.t(Key::RevTitle) }</h3>
            if reviews.is_empty() {
                <p class="empty-note">{ app.t(Key::RevEmpty) }</p>
            } else {
                <ul class="review-list">{ for list }</ul>
            }
            <div class="lessons-columns">
                <section aria-labelledby="sop-title">
                    <h3 id="sop-title">{ app.t(Key::SopTitle) }</h3>
                    { lesson_list(LessonKind::Keep, Key::SopEmpty) }
                </section>
                <section aria-labelledby="pitfalls-title">
                    <h3 id="pitfalls-title">{ app.t(Key::PitfallsTitle) }</h3>
                    { lesson_list(LessonKind::Avoid, Key::PitfallsEmpty) }
                </section>
            </div>
        </section>
    }
}
