//! One store for the whole app, passed by context. Components read the state
//! and dispatch actions; `AppState::apply` does the work.

use crate::app::{Action, AppState, Route};
use crate::i18n::{t, Key, Lang, Text};
use std::rc::Rc;
use yew::prelude::*;

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        next.apply(action);
        next.into()
    }
}

pub type AppHandle = UseReducerHandle<AppState>;

/// The app's store, or None outside the provider (then a component renders nothing).
#[hook]
pub fn use_app() -> Option<AppHandle> {
    use_context::<AppHandle>()
}

/// Shorthands for reading the catalogue in the state's language.
pub trait Tr {
    fn lang(&self) -> Lang;
    fn t(&self, key: Key) -> &'static str {
        t(self.lang(), key)
    }
    fn text(&self, text: &Text) -> String {
        text.render(self.lang())
    }
}

impl Tr for AppState {
    fn lang(&self) -> Lang {
        self.lang
    }
}

/// Moves keyboard focus to `node` when the component appears or `key`
/// changes: the `autofocus` attribute only works when a page loads.
#[hook]
pub fn use_focus_on<K: PartialEq + 'static>(node: NodeRef, key: K) {
    use_effect_with(key, move |_| {
        if let Some(element) = node.cast::<web_sys::HtmlElement>() {
            let _ = element.focus();
        }
    });
}

/// A link's click handler that opens `route` inside the app.
pub fn navigate(app: &AppHandle, route: Route) -> Callback<MouseEvent> {
    let app = app.clone();
    Callback::from(move |e: MouseEvent| {
        e.prevent_default();
        app.dispatch(Action::Navigate(route));
    })
}

/// The open plan, shared by the components of one render: cloning the plan
/// for each KPI card cost more than drawing the cards.
#[derive(Clone)]
pub struct PlanRef(pub std::rc::Rc<crate::domain::plan::Plan>);

impl PartialEq for PlanRef {
    fn eq(&self, other: &Self) -> bool {
        std::rc::Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for PlanRef {
    type Target = crate::domain::plan::Plan;
    fn deref(&self) -> &Self::Target {
        &self.0
    }
}
