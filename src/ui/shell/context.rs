//! One store for the whole app, passed by context. Components read the state
//! and dispatch actions; `AppState::apply` does the work.

use crate::app::{Action, AppState, Route};
use crate::domain::core::ids::PlanId;
use crate::domain::plan::{PlanEdit, Removal};
use crate::i18n::{t, Key, Lang, Text};
use crate::ui::shell::platform::now;
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

/// Edits to a plan in one line, with "now" read in one place: every
/// component that changes a plan goes through these.
pub trait PlanActions {
    /// Applies `edit` to plan `plan` (the reducer checks it and may refuse).
    fn edit(&self, plan: PlanId, edit: impl Into<PlanEdit>);
    /// A callback that turns its event into an edit, or into nothing.
    fn edit_cb<E: 'static, T: Into<PlanEdit>>(
        &self,
        plan: PlanId,
        make: impl Fn(E) -> Option<T> + 'static,
    ) -> Callback<E>;
    /// Removes items with an Undo in the notice.
    fn remove(&self, plan: PlanId, removal: Removal);
    /// The user left a field: the next edit in it is a new undo step.
    fn seal(&self, plan: PlanId);
}

impl PlanActions for AppHandle {
    fn edit(&self, plan: PlanId, edit: impl Into<PlanEdit>) {
        self.dispatch(Action::Edit {
            id: plan,
            edit: edit.into(),
            now: now(),
        });
    }

    fn edit_cb<E: 'static, T: Into<PlanEdit>>(
        &self,
        plan: PlanId,
        make: impl Fn(E) -> Option<T> + 'static,
    ) -> Callback<E> {
        let app = self.clone();
        Callback::from(move |e: E| {
            if let Some(edit) = make(e) {
                app.edit(plan, edit);
            }
        })
    }

    fn remove(&self, plan: PlanId, removal: Removal) {
        self.dispatch(Action::Remove {
            id: plan,
            removal,
            now: now(),
        });
    }

    fn seal(&self, plan: PlanId) {
        self.dispatch(Action::Seal(plan));
    }
}

/// The open plan's id with the app's store: what a chapter's components
/// need to edit it (`plan.edit(BudgetEdit::ShowWan(true))`).
#[derive(Clone, PartialEq)]
pub struct PlanHandle {
    pub app: AppHandle,
    pub id: PlanId,
}

impl PlanHandle {
    pub fn edit(&self, edit: impl Into<PlanEdit>) {
        self.app.edit(self.id, edit);
    }

    pub fn edit_cb<E: 'static, T: Into<PlanEdit>>(&self, make: impl Fn(E) -> Option<T> + 'static) -> Callback<E> {
        self.app.edit_cb(self.id, make)
    }

    pub fn remove(&self, removal: Removal) {
        self.app.remove(self.id, removal);
    }

    pub fn seal(&self) {
        self.app.seal(self.id);
    }
}

/// The plan the route shows, to edit; None outside the store or the plan.
#[hook]
pub fn use_plan() -> Option<PlanHandle> {
    let app = use_app()?;
    let id = app.route.plan()?;
    Some(PlanHandle { app, id })
}
