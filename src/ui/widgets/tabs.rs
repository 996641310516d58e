//! Pieces every chapter's screens share: the row of view tabs, and the
//! "showing N of M" line of a long table.

use crate::app::Route;
use crate::ui::shell::context::{navigate, AppHandle};
use yew::prelude::*;

/// The views of a chapter as tabs: (where it goes, its name, whether it is open).
pub fn view_tabs(app: &AppHandle, label: &str, tabs: impl IntoIterator<Item = (Route, &'static str, bool)>) -> Html {
    let items = tabs.into_iter().map(|(route, name, current)| {
        html! {
            <li>
                <a class={classes!("tab", current.then_some("current"))} href={route.to_hash()}
                    aria-current={current.then_some("page")} onclick={navigate(app, route)}>{ name }</a>
            </li>
        }
    });
    html! { <nav class="tabs no-print" aria-label={label.to_owned()}><ul>{ for items }</ul></nav> }
}

/// The tabs of a chapter's views: each view's route, name and whether it
/// is the one open.
pub fn chapter_tabs<'a, V: Copy + PartialEq + 'static>(
    app: &'a AppHandle,
    plan: crate::domain::core::ids::PlanId,
    all: &'static [V],
    open: V,
    section: fn(V) -> crate::app::route::Section,
    name: fn(V) -> crate::i18n::Key,
) -> impl Iterator<Item = (Route, &'static str, bool)> + 'a {
    use crate::ui::shell::context::Tr;
    all.iter()
        .map(move |&view| (Route::Plan(plan, section(view)), app.t(name(view)), view == open))
}

/// The frame of a chapter whose views are tabs (chapters 2 and 4): the
/// numbered heading, what the chapter is for, the message of a refused
/// edit of the chapter, the tabs and the open view.
pub struct TabbedChapter {
    pub class: &'static str,
    pub number: usize,
    pub title: crate::i18n::Key,
    pub intro: crate::i18n::Key,
    pub views: crate::i18n::Key,
    pub field: crate::app::state::EditField,
}

impl TabbedChapter {
    pub fn draw(
        &self,
        app: &AppHandle,
        plan: crate::domain::core::ids::PlanId,
        tabs: impl IntoIterator<Item = (Route, &'static str, bool)>,
        content: Html,
    ) -> Html {
        use crate::ui::shell::context::Tr;
        let error = app
            .edit_error
            .as_ref()
            .filter(|e| e.plan == plan && e.field == self.field)
            .map(|e| app.text(&e.text));
        let title_id = format!("{}-title", self.class);
        html! {
            <section class={classes!("chapter", self.class)} aria-labelledby={title_id.clone()}>
                <div class="section-head">
                    <h2 id={title_id}>{ format!("{}. {}", self.number, app.t(self.title)) }</h2>
                </div>
                <p class="chapter-intro no-print">{ app.t(self.intro) }</p>
                if let Some(error) = error {
                    <p class="field-error" role="alert" id={format!("{}-error", self.class)}>{ error }</p>
                }
                { view_tabs(app, app.t(self.views), tabs) }
                { content }
            </section>
        }
    }
}
