//! The lazily loaded files module (see `marketplan::lazy`): Trunk builds it
//! as a worker (`data-type="worker"` in index.html) and
//! `static/lazy-worker.js` calls [`run`] with each request.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen::prelude::*;

/// One job: its JSON request in, the bytes out; a failure becomes a thrown
/// string the loader hands back to the app.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen]
pub fn run(request: &str) -> Result<Vec<u8>, JsValue> {
    marketplan::lazy::run(request).map_err(|e| JsValue::from_str(&e))
}

fn main() {}
