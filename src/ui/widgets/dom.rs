//! Reading what the user typed or chose from a DOM event.

use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};

/// The value of the input, select or textarea an event came from.
pub fn target_value(event: &web_sys::Event) -> String {
    let Some(target) = event.target() else {
        return String::new();
    };
    if let Some(input) = target.dyn_ref::<HtmlInputElement>() {
        input.value()
    } else if let Some(select) = target.dyn_ref::<HtmlSelectElement>() {
        select.value()
    } else if let Some(area) = target.dyn_ref::<HtmlTextAreaElement>() {
        area.value()
    } else {
        String::new()
    }
}

/// Whether the checkbox an event came from is now ticked.
pub fn target_checked(event: &web_sys::Event) -> bool {
    event
        .target()
        .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
        .is_some_and(|i| i.checked())
}

/// Scrolls the element with `id` to the middle of the window and focuses
/// it; false if it is not in the page (yet).
pub fn focus_element(id: &str) -> bool {
    bring_by_id(id, web_sys::ScrollLogicalPosition::Center)
}

fn bring_by_id(id: &str, block: web_sys::ScrollLogicalPosition) -> bool {
    let Some(element) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return false;
    };
    bring_and_focus(&element, block);
    true
}

/// Brings the element with `id` to the top of the window and focuses it
/// (a heading needs `tabindex="-1"` to take the focus); false if absent.
pub fn bring_to_top(id: &str) -> bool {
    bring_by_id(id, web_sys::ScrollLogicalPosition::Start)
}

/// Scrolls `element` into view at `block` and focuses it where it is.
fn bring_and_focus(element: &web_sys::HtmlElement, block: web_sys::ScrollLogicalPosition) {
    let place = web_sys::ScrollIntoViewOptions::new();
    place.set_block(block);
    element.scroll_into_view_with_scroll_into_view_options(&place);
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    let _ = element.focus_with_options(&options);
}

/// A field to focus once a coming render has drawn it (a row just added, a
/// task opened from a link). It is tried after each render, a few at most:
/// a field that never shows (filtered out, deleted) must not take the focus
/// later.
#[derive(Clone)]
pub struct FocusLater(std::rc::Rc<std::cell::RefCell<Option<(String, u8)>>>);

impl FocusLater {
    pub fn request(&self, id: String) {
        *self.0.borrow_mut() = Some((id, 0));
    }
}

#[yew::hook]
pub fn use_focus_later() -> FocusLater {
    let pending = yew::use_mut_ref(|| None::<(String, u8)>);
    {
        let pending = pending.clone();
        yew::use_effect(move || {
            let waiting = pending.borrow_mut().take();
            if let Some((id, tries)) = waiting {
                if !focus_element(&id) && tries < 3 {
                    *pending.borrow_mut() = Some((id, tries + 1));
                }
            }
        });
    }
    FocusLater(pending)
}

/// Whether the focus is inside the first element that `container` selects.
pub fn focus_within(container: &str) -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let Some(box_) = document.query_selector(container).ok().flatten() else {
        return false;
    };
    let active = document.active_element();
    box_.contains(active.as_ref().map(|e| e.unchecked_ref::<web_sys::Node>()))
}

/// After a chapter change: the first heading under `container` comes to
/// the top of the window and takes focus, so that a screen reader starts
/// there and the keyboard goes on from there. The heading is made
/// focusable for this (`tabindex=-1`, out of the tab order).
pub fn focus_heading(container: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(heading) = document
        .query_selector(&format!("{container} h2, {container} h1"))
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    if !heading.has_attribute("tabindex") {
        let _ = heading.set_attribute("tabindex", "-1");
    }
    bring_and_focus(&heading, web_sys::ScrollLogicalPosition::Start);
}
