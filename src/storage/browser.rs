//! The browser side of storage: localStorage as a [`KeyValue`], downloads and
//! file reading. Only called in the browser; everything it decides is in the
//! pure modules beside it.

use super::quota::is_quota_exceeded;
use super::store::{KeyValue, StoreError};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// `window.localStorage`, looked up on each call so a blocked storage is an
/// error to show, not a failure at start-up.
#[derive(Clone, Copy, Default)]
pub struct LocalStorage;

impl LocalStorage {
    fn storage(&self) -> Result<web_sys::Storage, StoreError> {
        let window = web_sys::window().ok_or_else(|| StoreError::Unavailable("no window".into()))?;
        match window.local_storage() {
            Ok(Some(storage)) => Ok(storage),
            Ok(None) => Err(StoreError::Unavailable("localStorage is not available".into())),
            Err(e) => Err(classify(e)),
        }
    }
}

fn classify(error: JsValue) -> StoreError {
    match error.dyn_into::<web_sys::DomException>() {
        Ok(e) if is_quota_exceeded(&e.name(), e.code()) => StoreError::Full,
        Ok(e) => StoreError::Unavailable(format!("{}: {}", e.name(), e.message())),
        Err(other) => StoreError::Unavailable(other.as_string().unwrap_or_else(|| "unknown error".into())),
    }
}

impl KeyValue for LocalStorage {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.storage()?.get_item(key).map_err(classify)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.storage()?.set_item(key, value).map_err(classify)
    }

    fn remove(&self, key: &str) {
        if let Ok(storage) = self.storage() {
            let _ = storage.remove_item(key);
        }
    }

    fn keys(&self) -> Vec<String> {
        let Ok(storage) = self.storage() else { return Vec::new() };
        let count = storage.length().unwrap_or(0);
        (0..count).filter_map(|i| storage.key(i).ok().flatten()).collect()
    }
}

/// Offers `text` as a file download named `file_name`.
pub fn download(file_name: &str, mime: &str, text: &str) -> Result<(), String> {
    download_part(file_name, mime, &JsValue::from_str(text))
}

/// Offers `bytes` (a workbook, say) as a file download named `file_name`.
pub fn download_bytes(file_name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    download_part(file_name, mime, &js_sys::Uint8Array::from(bytes))
}

fn download_part(file_name: &str, mime: &str, part: &JsValue) -> Result<(), String> {
    let fail = |e: JsValue| format!("{e:?}");
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let parts = js_sys::Array::of1(part);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(fail)?
        .dyn_into()
        .map_err(|_| "not an anchor")?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    // Revoking at once can cancel the download in some browsers; wait a moment.
    gloo::timers::callback::Timeout::new(1_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

/// Reads a picked or dropped file as text.
pub async fn read_text(file: &web_sys::File) -> Result<String, String> {
    let text = JsFuture::from(file.text()).await.map_err(|e| format!("{e:?}"))?;
    text.as_string().ok_or_else(|| "not text".into())
}
