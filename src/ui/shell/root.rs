//! The root: the store, its context, and (in the browser) the listeners that
//! connect it to storage, other tabs, the keyboard and the address bar.

use crate::app::{Action, AppState, Route};
use crate::i18n::{t, Key, Lang};
use crate::storage::store::KEY_POINTER;
use crate::ui::shell::context::{use_app, AppHandle};
use crate::ui::shell::io::{file_list, import_files, reload_from_store, save_now};
use crate::ui::shell::platform;
use crate::ui::shell::screens::Screens;
use gloo::events::{EventListener, EventListenerOptions};
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Changes are saved this long after the last one (the brief allows 1 s).
const SAVE_DELAY_MS: u32 = 400;

#[derive(Properties, PartialEq)]
pub struct RootProps {
    pub initial: AppState,
    /// Whether to connect to the browser (false when rendering in tests).
    #[prop_or(true)]
    pub live: bool,
}

#[function_component(Root)]
pub fn root(props: &RootProps) -> Html {
    let initial = props.initial.clone();
    let app = use_reducer(move || initial);
    html! {
        <ContextProvider<AppHandle> context={app}>
            if props.live { <Live /> }
            <Screens />
        </ContextProvider<AppHandle>>
    }
}

/// The state a browser tab starts with: the stored plans, the remembered or
/// preferred language, the screen named in the address bar.
pub fn initial_state() -> AppState {
    let stored_lang = platform::with_store(|s| s.language()).and_then(|tag| Lang::from_tag(&tag));
    let lang = stored_lang.unwrap_or_else(|| Lang::preferred(&platform::browser_languages()));
    let mut state = AppState::new(lang);
    state.utc_offset_minutes = platform::utc_offset_minutes();
    state.today = platform::today();
    let loaded = platform::with_store(|s| s.load());
    state.apply(Action::Start {
        loaded,
        route: Route::from_hash(&platform::location_hash()),
    });
    state
}

#[function_component(Live)]
fn live() -> Html {
    let Some(app) = use_app() else {
        return html! {};
    };
    // The newest handle, for listeners registered once.
    let latest: Rc<RefCell<AppHandle>> = use_mut_ref(|| app.clone());
    *latest.borrow_mut() = app.clone();

    // Save a moment after the last change.
    {
        let app = app.clone();
        use_effect_with((app.save.revision, app.conflict.is_some()), move |_| {
            let timer = app.wants_save().then(|| {
                let app = app.clone();
                Timeout::new(SAVE_DELAY_MS, move || {
                    save_now(&app);
                })
            });
            move || drop(timer)
        });
    }

    // The language: on <html lang>, in the title, and remembered.
    use_effect_with(app.lang, |lang| {
        platform::set_document_lang(lang.tag(), t(*lang, Key::AppName));
        let _ = platform::with_store(|s| s.set_language(lang.tag()));
    });

    // The address bar follows the screen.
    use_effect_with(app.route, |route| platform::set_location_hash(&route.to_hash()));

    {
        let latest = latest.clone();
        use_effect_with((), move |_| {
            let listeners = window_listeners(latest);
            move || drop(listeners)
        });
    }

    let dragging = use_state(|| false);
    {
        let dragging = dragging.clone();
        let latest = latest.clone();
        use_effect_with((), move |_| {
            let listeners = drop_listeners(dragging, latest);
            move || drop(listeners)
        });
    }
    html! {
        if *dragging {
            <div class="drop-overlay" aria-hidden="true">
                <p>{ t(app.lang, Key::LibraryDropHint) }</p>
            </div>
        }
    }
}

fn window_listeners(latest: Rc<RefCell<AppHandle>>) -> Vec<EventListener> {
    let Some(window) = web_sys::window() else {
        return Vec::new();
    };
    let current = move || latest.borrow().clone();
    let mut listeners = Vec::new();

    // Another tab saved.
    let app = current.clone();
    listeners.push(EventListener::new(&window, "storage", move |event| {
        let key = event.dyn_ref::<web_sys::StorageEvent>().and_then(|e| e.key());
        if key.as_deref() == Some(KEY_POINTER) {
            reload_from_store(&app());
        }
    }));

    // A new version is installed (index.html's service worker glue); it may
    // have been found before the app started.
    if js_sys::Reflect::get(&window, &"marketplanUpdate".into()).is_ok_and(|w| w.is_truthy()) {
        current().dispatch(Action::UpdateReady);
    }
    let app = current.clone();
    listeners.push(EventListener::new(&window, "marketplan-update", move |_| {
        app().dispatch(Action::UpdateReady);
    }));

    // Back and forward buttons.
    let app = current.clone();
    listeners.push(EventListener::new(&window, "hashchange", move |_| {
        let route = Route::from_hash(&platform::location_hash());
        let app = app();
        if app.route != route {
            app.dispatch(Action::Navigate(route));
        }
    }));

    // Undo and redo from the keyboard, everywhere in a plan.
    let app = current.clone();
    let options = EventListenerOptions::enable_prevent_default();
    listeners.push(EventListener::new_with_options(
        &window,
        "keydown",
        options,
        move |event| {
            let Some(key) = event.dyn_ref::<web_sys::KeyboardEvent>() else {
                return;
            };
            if !(key.ctrl_key() || key.meta_key()) || key.alt_key() {
                return;
            }
            let letter = key.key().to_lowercase();
            let app = app();
            let action = match (letter.as_str(), key.shift_key()) {
                ("z", false) => Action::Undo { now: platform::now() },
                ("z", true) | ("y", false) => Action::Redo { now: platform::now() },
                _ => return,
            };
            if matches!(app.route, Route::Plan(..)) {
                event.prevent_default();
                app.dispatch(action);
            }
        },
    ));

    // Save at once when the tab is hidden or closed; ask before leaving
    // if that did not work.
    let app = current.clone();
    listeners.push(EventListener::new(&window, "visibilitychange", move |_| {
        let app = app();
        save_now(&app);
        // A tab left open overnight: pace is for the new day.
        let today = platform::today();
        if app.today != today {
            app.dispatch(Action::SetToday(today));
        }
    }));
    let app = current;
    let options = EventListenerOptions::enable_prevent_default();
    listeners.push(EventListener::new_with_options(
        &window,
        "beforeunload",
        options,
        move |event| {
            if !save_now(&app()) {
                event.prevent_default();
                if let Some(e) = event.dyn_ref::<web_sys::BeforeUnloadEvent>() {
                    e.set_return_value("unsaved");
                }
            }
        },
    ));
    listeners
}

/// Plan files dropped anywhere on the window are imported.
fn drop_listeners(dragging: UseStateHandle<bool>, latest: Rc<RefCell<AppHandle>>) -> Vec<EventListener> {
    let Some(window) = web_sys::window() else {
        return Vec::new();
    };
    let carries_files = |event: &web_sys::Event| {
        event
            .dyn_ref::<web_sys::DragEvent>()
            .and_then(|e| e.data_transfer())
            .is_some_and(|dt| dt.types().iter().any(|t| t.as_string().as_deref() == Some("Files")))
    };
    let options = || EventListenerOptions::enable_prevent_default();
    let mut listeners = Vec::new();
    let d = dragging.clone();
    listeners.push(EventListener::new_with_options(
        &window,
        "dragover",
        options(),
        move |event| {
            if carries_files(event) {
                event.prevent_default();
                if !*d {
                    d.set(true);
                }
            }
        },
    ));
    let d = dragging.clone();
    listeners.push(EventListener::new_with_options(
        &window,
        "dragleave",
        options(),
        move |event| {
            // Leaving the window, not just moving between elements.
            let left = event
                .dyn_ref::<web_sys::DragEvent>()
                .is_some_and(|e| e.related_target().is_none());
            if left {
                d.set(false);
            }
        },
    ));
    listeners.push(EventListener::new_with_options(
        &window,
        "drop",
        options(),
        move |event| {
            event.prevent_default();
            dragging.set(false);
            let files = event
                .dyn_ref::<web_sys::DragEvent>()
                .and_then(|e| e.data_transfer())
                .and_then(|dt| dt.files());
            import_files(&latest.borrow(), file_list(files));
        },
    ));
    listeners
}
