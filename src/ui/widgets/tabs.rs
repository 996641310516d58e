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
