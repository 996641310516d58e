//! The one table frame every chapter uses for tables wider than the page.
//!
//! The table scrolls sideways inside its own box (the page never does); the
//! cells marked `pin` (the row's actions and its title) stay at the left
//! edge while the rest scrolls; a shadow and a line of text say that there
//! are more columns to the side. On a phone the same table is drawn as one
//! card per row, each cell under its column's name (`data-label`), so every
//! field stays in reach without sideways scrolling (the rules are in
//! `static/app.css`, "Wide tables").

use crate::i18n::Key;
use crate::ui::shell::context::{use_app, Tr};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, ResizeObserver};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct WideTableProps {
    /// What the table is, for the scrolling region (screen readers, and the
    /// keyboard: the region takes focus so arrow keys scroll it).
    pub label: AttrValue,
    #[prop_or_default]
    pub id: Option<AttrValue>,
    pub children: Html,
}

/// Which sides have columns out of sight.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Overflow {
    pub left: bool,
    pub right: bool,
}

impl Overflow {
    /// From the scroll box's measures; a pixel of rounding is not overflow.
    pub fn measure(scroll_left: f64, scroll_width: f64, client_width: f64) -> Self {
        Overflow {
            left: scroll_left > 1.0,
            right: scroll_left + client_width < scroll_width - 1.0,
        }
    }
}

fn measured(element: &Element) -> Overflow {
    Overflow::measure(
        f64::from(element.scroll_left()),
        f64::from(element.scroll_width()),
        f64::from(element.client_width()),
    )
}

#[function_component(WideTable)]
pub fn wide_table(props: &WideTableProps) -> Html {
    let scroller = use_node_ref();
    let overflow = use_state_eq(Overflow::default);
    {
        // The box and the table change size with the window, with a row's
        // details opening, with a language switch: a ResizeObserver hears
        // them all, without a measure on every render.
        let (scroller, overflow) = (scroller.clone(), overflow.clone());
        use_effect_with((), move |_| {
            let watch = scroller.cast::<Element>().and_then(|element| {
                let seen = element.clone();
                let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |_: js_sys::Array| {
                    overflow.set(measured(&seen));
                });
                let observer = ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
                observer.observe(&element);
                if let Some(table) = element.first_element_child() {
                    observer.observe(&table);
                }
                Some((observer, callback))
            });
            move || {
                if let Some((observer, _callback)) = watch {
                    observer.disconnect();
                }
            }
        });
    }
    let onscroll = {
        let (scroller, overflow) = (scroller.clone(), overflow.clone());
        Callback::from(move |_: Event| {
            if let Some(element) = scroller.cast::<Element>() {
                overflow.set(measured(&element));
            }
        })
    };
    // The hint keeps its line while the table overflows at all: were it to
    // vanish when the table is scrolled to its end, everything under it
    // would jump up a line under the pointer (a click aimed at a row's
    // button would land on the row below).
    let hint = use_app().filter(|_| overflow.left || overflow.right).map(|app| {
        let text = if overflow.right {
            Key::TableScrollHint
        } else {
            Key::TableScrollHintLeft
        };
        html! { <p class="scroll-hint no-print" aria-hidden="true">{ app.t(text) }</p> }
    });
    let class = classes!(
        "wide-table",
        overflow.left.then_some("more-left"),
        overflow.right.then_some("more-right")
    );
    html! {
        <div {class}>
            { for hint }
            <div class="wide-table-frame">
                <div class="wide-table-scroll" ref={scroller} id={props.id.clone()} role="region" tabindex="0"
                    aria-label={props.label.clone()} {onscroll}>
                    { props.children.clone() }
                </div>
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::Overflow;

    #[test]
    fn overflow_is_read_from_the_scroll_box() {
        assert_eq!(Overflow::measure(0.0, 800.0, 800.0), Overflow::default());
        assert_eq!(
            Overflow::measure(0.0, 1300.0, 800.0),
            Overflow {
                left: false,
                right: true
            }
        );
        assert_eq!(
            Overflow::measure(250.0, 1300.0, 800.0),
            Overflow {
                left: true,
                right: true
            }
        );
        assert_eq!(
            Overflow::measure(499.5, 1300.0, 800.0),
            Overflow {
                left: true,
                right: false
            },
            "half a pixel short of the end is the end"
        );
    }
}
