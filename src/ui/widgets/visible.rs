//! Windowing for long card grids: which parts are near the viewport. A grid
//! draws its first parts at once and the others as placeholders; each
//! placeholder that comes within a screen of the viewport asks for its part
//! (an `IntersectionObserver`), and before printing every part is drawn.

use gloo::events::EventListener;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit};
use yew::prelude::*;

/// The parts of a grid drawn so far; a part once drawn stays drawn.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Drawn {
    /// By part number: a grid has a few dozen parts at most.
    parts: Vec<bool>,
    all: bool,
}

pub enum Reveal {
    Parts(Vec<usize>),
    All,
}

impl Reducible for Drawn {
    type Action = Reveal;

    fn reduce(self: Rc<Self>, action: Reveal) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Reveal::Parts(parts) => {
                for part in parts {
                    if next.parts.len() <= part {
                        next.parts.resize(part + 1, false);
                    }
                    next.parts[part] = true;
                }
            }
            Reveal::All => next.all = true,
        }
        if next == *self {
            self
        } else {
            next.into()
        }
    }
}

impl Drawn {
    /// Whether part `i` is drawn; the first `eager` parts always are.
    pub fn contains(&self, i: usize, eager: usize) -> bool {
        self.all || i < eager || self.parts.get(i).copied().unwrap_or(false)
    }
}

/// More parts than any grid has; a larger number is ignored.
const MAX_PARTS: usize = 10_000;

/// The attribute each placeholder carries: its part number.
pub const PART_ATTRIBUTE: &str = "data-part";

/// Draws the parts of the grid in `container_selector` as their
/// placeholders come near the viewport. Call once per render of the grid.
#[hook]
pub fn use_windowed(container_selector: &'static str) -> UseReducerHandle<Drawn> {
    let drawn = use_reducer(Drawn::default);
    {
        let drawn = drawn.clone();
        // After every render: placeholders change as parts are drawn.
        use_effect(move || {
            let watch = watch(container_selector, drawn.dispatcher());
            let reveal = drawn.dispatcher();
            let print =
                web_sys::window().map(|w| EventListener::new(&w, "beforeprint", move |_| reveal.dispatch(Reveal::All)));
            move || {
                if let Some((observer, _callback)) = watch {
                    observer.disconnect();
                }
                drop(print);
            }
        });
    }
    drawn
}

type Watch = (IntersectionObserver, Closure<dyn FnMut(js_sys::Array)>);

fn watch(container_selector: &str, reveal: UseReducerDispatcher<Drawn>) -> Option<Watch> {
    let document = web_sys::window()?.document()?;
    let pending = document
        .query_selector_all(&format!("{container_selector} [{PART_ATTRIBUTE}]"))
        .ok()?;
    if pending.length() == 0 {
        return None;
    }
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        let parts: Vec<usize> = entries
            .iter()
            .filter_map(|e| e.dyn_into::<IntersectionObserverEntry>().ok())
            .filter(IntersectionObserverEntry::is_intersecting)
            .filter_map(|e| e.target().get_attribute(PART_ATTRIBUTE)?.parse().ok())
            .filter(|part| *part < MAX_PARTS)
            .collect();
        if !parts.is_empty() {
            reveal.dispatch(Reveal::Parts(parts));
        }
    });
    let init = IntersectionObserverInit::new();
    // A screen ahead, so a card is drawn before it scrolls into view.
    init.set_root_margin("100% 0px");
    let observer = IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &init).ok()?;
    for i in 0..pending.length() {
        if let Some(element) = pending.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
            observer.observe(&element);
        }
    }
    Some((observer, callback))
}
