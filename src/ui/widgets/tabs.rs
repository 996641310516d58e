//! Pieces every chapter's screens share: the row of view tabs, and the
//! "showing N of M" line of a long table.

use crate::app::Route;
use crate::i18n::{Key, Text};
use crate::ui::shell::context::{navigate, AppHandle, Tr};
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

/// "Showing 50 of 1,000", and a button for the next `page` rows if any are left.
pub fn show_more(app: &AppHandle, shown: usize, total: usize, page: usize, more: Callback<MouseEvent>) -> Html {
    html! {
        <p class="table-count">{ app.text(&Text::new(Key::TasksShowing).with("shown", shown).with("total", total)) }
            if shown < total {
                { " " }
                <button type="button" class="btn btn-small" onclick={more}>
                    { app.text(&Text::new(Key::TasksShowMore).with("count", (total - shown).min(page))) }
                </button>
            }
        </p>
    }
}
