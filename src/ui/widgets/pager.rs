//! Long lists drawn a page at a time: how many rows are on screen, the
//! "Showing 50 of 1,000" line and its "show more" button, the same in every
//! table.

use crate::i18n::{Key, Text};
use crate::ui::shell::context::{AppHandle, Tr};
use yew::prelude::*;

/// How far down a list the user has asked to see.
#[derive(Clone, PartialEq)]
pub struct Pager {
    limit: UseStateHandle<usize>,
    page: usize,
}

#[hook]
pub fn use_pager(page: usize) -> Pager {
    Pager {
        limit: use_state_eq(|| page),
        page,
    }
}

impl Pager {
    /// Rows to draw of a list of `total`.
    pub fn shown(&self, total: usize) -> usize {
        total.min(*self.limit)
    }

    /// Back to the first page (a new filter).
    pub fn reset(&self) {
        self.limit.set(self.page);
    }

    /// Keeps row `count - 1` on screen (a row just added at the end).
    pub fn show_at_least(&self, count: usize) {
        if count > *self.limit {
            self.limit.set(count);
        }
    }

    /// The same, or nothing for a list that fits on one page.
    pub fn view_if_long(&self, app: &AppHandle, total: usize) -> Html {
        if total <= self.page {
            return html! {};
        }
        self.view(app, total)
    }

    /// "Showing 50 of 1,000", and a button for the next page if any is left.
    pub fn view(&self, app: &AppHandle, total: usize) -> Html {
        let shown = self.shown(total);
        let more = {
            let (limit, page) = (self.limit.clone(), self.page);
            Callback::from(move |_: MouseEvent| limit.set(*limit + page))
        };
        html! {
            <p class="table-count">{ app.text(&Text::new(Key::TasksShowing).with("shown", shown).with("total", total)) }
                if shown < total {
                    { " " }
                    <button type="button" class="btn btn-small" onclick={more}>
                        { app.text(&Text::new(Key::TasksShowMore).with("count", (total - shown).min(self.page))) }
                    </button>
                }
            </p>
        }
    }
}
