//! Chapters' screens as modules of their own, fetched the first time the
//! chapter is opened (README "Lazily loaded screens").
//!
//! With the cargo feature `split`, each chapter's `screen()` is a split
//! point: the release build (scripts/split.sh) cuts everything only it
//! reaches (the chapter's components and views) out of the main wasm into
//! `split_<name>.wasm`, and the first call fetches that file. What it
//! returns is a plain function pointer into the fetched code, kept for the
//! rest of the visit, so every later redraw is an ordinary synchronous
//! call. Without the feature (native tests, the server renderer, `trunk
//! serve`) it is a direct call and the chapter draws at once.

use crate::i18n::Key;
use crate::ui::shell::context::{AppHandle, Tr};
use yew::prelude::*;

#[cfg(feature = "split")]
pub type LoadError = wasm_split_helpers::SplitLoaderError;
#[cfg(not(feature = "split"))]
pub type LoadError = std::convert::Infallible;

/// Where a lazily loaded screen is while it is not drawn.
#[derive(Clone, Copy, PartialEq)]
pub enum Loading {
    Fetching,
    Failed,
}

/// What stands in for a screen that is being fetched or could not be.
pub fn placeholder(app: &AppHandle, loading: Loading, retry: Callback<MouseEvent>) -> Html {
    match loading {
        Loading::Fetching => html! {
            <p class="lazy-screen" role="status">{ app.t(Key::LazyScreenLoading) }</p>
        },
        Loading::Failed => html! {
            <div class="lazy-screen" role="alert">
                <p>{ app.t(Key::LazyScreenFailed) }</p>
                <button type="button" onclick={retry}>{ app.t(Key::LazyScreenRetry) }</button>
            </div>
        },
    }
}

/// `lazy_screen!(Wrapper, module_name, Props, Chapter)` makes a component
/// `Wrapper` with `Chapter`'s props (`plan`, `view`) that draws `Chapter`
/// once its module is fetched.
macro_rules! lazy_screen {
    ($wrapper:ident, $module:ident, $props:ty, $chapter:ident) => {
        pub mod $module {
            use super::*;
            use crate::ui::shell::context::use_app;
            use crate::ui::shell::lazy_screen::{placeholder, LoadError, Loading};
            use crate::ui::widgets::dom::{focus_heading, focus_within};
            use std::cell::Cell;

            type Screen = fn(&$props) -> Html;

            #[cfg_attr(feature = "split", wasm_split_helpers::wasm_split($module, fallible))]
            fn screen() -> Result<Screen, LoadError> {
                fn draw(props: &$props) -> Html {
                    html! { <$chapter plan={props.plan.clone()} view={props.view} /> }
                }
                Ok(draw)
            }

            thread_local! {
                static LOADED: Cell<Option<Screen>> = const { Cell::new(None) };
            }

            /// The screen if it can be drawn now: always without `split`,
            /// and once fetched with it.
            fn ready() -> Option<Screen> {
                #[cfg(not(feature = "split"))]
                return screen().ok();
                #[cfg(feature = "split")]
                LOADED.with(Cell::get)
            }

            async fn load() -> Result<Screen, LoadError> {
                #[cfg(feature = "split")]
                let draw = screen().await?;
                #[cfg(not(feature = "split"))]
                let draw = screen()?;
                LOADED.with(|c| c.set(Some(draw)));
                Ok(draw)
            }

            #[function_component($wrapper)]
            pub fn lazy(props: &$props) -> Html {
                let Some(app) = use_app() else { return html! {} };
                let screen = use_state_eq(ready);
                let loading = use_state_eq(|| Loading::Fetching);
                let attempt = use_state_eq(|| 0u32);
                {
                    let screen = screen.clone();
                    let loading = loading.clone();
                    use_effect_with(*attempt, move |_| {
                        if screen.is_none() {
                            loading.set(Loading::Fetching);
                            wasm_bindgen_futures::spawn_local(async move {
                                match load().await {
                                    Ok(draw) => screen.set(Some(draw)),
                                    // Not remembered: Try again fetches anew.
                                    Err(_) => loading.set(Loading::Failed),
                                }
                            });
                        }
                    });
                }
                // The chapter's heading takes the focus when it appears, as
                // it would have on arrival had the screen been there
                // (plan_page's focus_heading), unless the chapter has put it
                // somewhere itself (a link to a task focuses the task).
                {
                    let drawn = screen.is_some();
                    let arrived_ready = use_mut_ref(|| drawn);
                    use_effect_with(drawn, move |drawn| {
                        if *drawn && !*arrived_ready.borrow() && !focus_within(".plan-content") {
                            focus_heading(".plan-content");
                        }
                    });
                }
                match *screen {
                    Some(draw) => draw(props),
                    None => {
                        let attempt = attempt.clone();
                        let retry = Callback::from(move |_| attempt.set(*attempt + 1));
                        placeholder(&app, *loading, retry)
                    }
                }
            }
        }
        pub use $module::$wrapper;
    };
}

use crate::ui::budget::chapter::{BudgetChapter, BudgetProps};
use crate::ui::implementation::chapter::{ImplementationChapter, ImplementationProps};
lazy_screen!(LazyBudget, budget, BudgetProps, BudgetChapter);
lazy_screen!(
    LazyImplementation,
    implementation,
    ImplementationProps,
    ImplementationChapter
);

use crate::ui::situation::chapter::{SituationChapter, SituationProps};
lazy_screen!(LazySituation, situation, SituationProps, SituationChapter);

use crate::ui::strategy::chapter::{StrategyChapter, StrategyProps};
lazy_screen!(LazyStrategy, strategy, StrategyProps, StrategyChapter);

use crate::ui::team::chapter::{TeamChapter, TeamProps};
lazy_screen!(LazyTeam, team, TeamProps, TeamChapter);

use crate::ui::risk::chapter::{RiskChapter, RiskProps};
lazy_screen!(LazyRisk, risk, RiskProps, RiskChapter);

use crate::ui::document::{DocumentProps, DocumentScreen};
lazy_screen!(LazyDocument, document, DocumentProps, DocumentScreen);
