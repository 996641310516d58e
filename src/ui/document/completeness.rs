//! The completeness check beside the document: per chapter, what a
//! complete plan still lacks, each with a link to where it is fixed.

use crate::app::document::chapter_key;
use crate::app::document::gaps::{gap_place, gap_text};
use crate::app::Route;
use crate::domain::plan::completeness::completeness;
use crate::domain::plan::{Chapter, Plan};
use crate::i18n::{Key, Text};
use crate::ui::shell::context::{navigate, AppHandle, Tr};
use yew::prelude::*;

pub fn panel(app: &AppHandle, plan: &Plan) -> Html {
    let gaps = completeness(plan, app.today);
    let body = if gaps.is_empty() {
        html! { <p class="status status-on">{ app.t(Key::DocCompletenessDone) }</p> }
    } else {
        let chapters = Chapter::ALL.iter().filter_map(|&chapter| {
            let items: Vec<Html> = gaps
                .iter()
                .filter(|g| g.chapter() == chapter)
                .map(|&gap| {
                    let route = Route::Plan(plan.id, gap_place(gap));
                    html! {
                        <li>
                            <span>{ app.text(&gap_text(gap)) }</span>
                            { " " }
                            <a href={route.to_hash()} onclick={navigate(app, route)}>{ app.t(Key::DocFix) }</a>
                        </li>
                    }
                })
                .collect();
            (!items.is_empty()).then(|| {
                html! {
                    <li class="gap-chapter">
                        <h4>{ format!("{}. {}", chapter.number(), app.t(chapter_key(chapter))) }</h4>
                        <ul>{ for items }</ul>
                    </li>
                }
            })
        });
        html! {
            <>
                <p>{ app.text(&Text::counted(Key::DocCompletenessIntro, gaps.len())) }</p>
                <ul class="gap-list">{ for chapters }</ul>
            </>
        }
    };
    html! {
        <aside class="doc-check card no-print" aria-labelledby="doc-check-title">
            <h3 id="doc-check-title">{ app.t(Key::DocCompleteness) }</h3>
            { body }
        </aside>
    }
}
