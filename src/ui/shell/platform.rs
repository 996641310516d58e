//! The browser's clock, randomness, languages and address bar. Only called
//! from effects and callbacks, never while rendering, so components also
//! render natively in tests.

use crate::domain::core::ids::IdSource;
use crate::storage::browser::LocalStorage;
use crate::storage::PlanStore;
use chrono::{DateTime, NaiveDate, Utc};

pub fn now() -> DateTime<Utc> {
    Utc::now()
}

/// Today in the user's time zone.
pub fn today() -> NaiveDate {
    let d = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
        .unwrap_or_else(|| now().date_naive())
}

/// Minutes east of UTC (JavaScript counts them the other way).
pub fn utc_offset_minutes() -> i32 {
    -(js_sys::Date::new_0().get_timezone_offset() as i32)
}

/// Ids from the browser's cryptographic random source.
pub struct BrowserIds;

impl IdSource for BrowserIds {
    fn random_bytes(&mut self) -> [u8; 16] {
        let mut bytes = [0u8; 16];
        let filled = web_sys::window()
            .and_then(|w| w.crypto().ok())
            .is_some_and(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok());
        if !filled {
            for b in bytes.iter_mut() {
                *b = (js_sys::Math::random() * 256.0) as u8;
            }
        }
        bytes
    }
}

pub fn browser_languages() -> Vec<String> {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return Vec::new();
    };
    let list: Vec<String> = navigator.languages().iter().filter_map(|v| v.as_string()).collect();
    if list.is_empty() {
        navigator.language().into_iter().collect()
    } else {
        list
    }
}

pub fn location_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

pub fn set_location_hash(hash: &str) {
    if location_hash() != hash {
        if let Some(w) = web_sys::window() {
            let _ = w.location().set_hash(hash);
        }
    }
}

pub fn set_document_lang(tag: &str, title: &str) {
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        if let Some(root) = doc.document_element() {
            let _ = root.set_attribute("lang", tag);
        }
        doc.set_title(title);
    }
}

thread_local! {
    static STORE: PlanStore<LocalStorage> = PlanStore::new(LocalStorage);
}

/// The one store of this tab (it remembers which slot must not be dropped).
pub fn with_store<R>(f: impl FnOnce(&PlanStore<LocalStorage>) -> R) -> R {
    STORE.with(f)
}

/// The text of a file next to the page, or None if it cannot be had
/// (offline and not cached, not found).
pub async fn fetch_text(path: &str) -> Option<String> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let window = web_sys::window()?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(path))
        .await
        .ok()?
        .dyn_into()
        .ok()?;
    if !response.ok() {
        return None;
    }
    JsFuture::from(response.text().ok()?).await.ok()?.as_string()
}

/// Fetches and installs a language's texts (`i18n/texts.rs`); true once
/// it can be drawn.
pub async fn load_language(lang: crate::i18n::Lang) -> bool {
    use crate::i18n::texts;
    if texts::is_ready(lang) {
        return true;
    }
    match fetch_text(&format!("./{}", crate::i18n::catalogue_file(lang))).await {
        Some(json) => texts::install(lang, &json).is_ok(),
        None => false,
    }
}
