//! Runs a [`Job`] in its lazily loaded module (see `crate::lazy`): the first
//! job starts the module's Web Worker through `static/lazy-worker.js`, which
//! fetches the module; later jobs reuse it. A module that cannot be fetched
//! (offline and not cached) gives [`LazyError::Unavailable`] and is tried
//! afresh next time; nothing else in the app depends on it.

use crate::lazy::{Job, Module};
use js_sys::{Function, Object, Promise, Reflect, Uint8Array};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Event, MessageEvent, Worker, WorkerOptions};

/// The one loader script of every lazy module (static/lazy-worker.js).
const LOADER: &str = "lazy-worker.js";

#[derive(Clone, Debug, PartialEq)]
pub enum LazyError {
    /// The module could not be fetched or started.
    Unavailable(String),
    /// The module ran and refused the job.
    Failed(String),
}

struct Running {
    worker: Worker,
    loaded: bool,
    // Kept alive as long as the worker is.
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(Event)>,
}

thread_local! {
    static RUNNING: RefCell<HashMap<Module, Running>> = RefCell::new(HashMap::new());
    /// Each request's promise resolver, by request id.
    static PENDING: RefCell<HashMap<u32, (Module, Function)>> = RefCell::new(HashMap::new());
    static NEXT_ID: Cell<u32> = const { Cell::new(1) };
}

/// Whether the module has been fetched and started in this page, so a job
/// runs without a download first.
pub fn is_loaded(module: Module) -> bool {
    RUNNING.with(|r| r.borrow().get(&module).is_some_and(|m| m.loaded))
}

/// Runs the job in its module and returns the bytes it made.
pub async fn run(job: &Job) -> Result<Vec<u8>, LazyError> {
    let module = job.module();
    let worker = worker(module).map_err(LazyError::Unavailable)?;
    let id = NEXT_ID.with(|n| {
        let id = n.get();
        n.set(id.wrapping_add(1));
        id
    });
    let answer = Promise::new(&mut |resolve, _reject| {
        PENDING.with(|p| p.borrow_mut().insert(id, (module, resolve)));
    });
    let message = Object::new();
    let _ = Reflect::set(&message, &"id".into(), &id.into());
    let _ = Reflect::set(&message, &"request".into(), &job.request().into());
    if let Err(error) = worker.post_message(&message) {
        PENDING.with(|p| p.borrow_mut().remove(&id));
        return Err(LazyError::Unavailable(describe(&error)));
    }
    let data = JsFuture::from(answer)
        .await
        .map_err(|e| LazyError::Unavailable(describe(&e)))?;
    read_answer(module, &data)
}

fn read_answer(module: Module, data: &JsValue) -> Result<Vec<u8>, LazyError> {
    let field = |name: &str| Reflect::get(data, &name.into()).unwrap_or(JsValue::UNDEFINED);
    if let Some(bytes) = field("bytes").dyn_ref::<Uint8Array>() {
        return Ok(bytes.to_vec());
    }
    let detail = field("detail").as_string().unwrap_or_default();
    if field("failed").as_string().as_deref() == Some("run") {
        Err(LazyError::Failed(detail))
    } else {
        // Not loaded: forget the worker so the next job fetches afresh, and
        // answer the jobs still waiting on it (it will not).
        stop(module);
        fail_pending(module, &detail);
        Err(LazyError::Unavailable(detail))
    }
}

fn worker(module: Module) -> Result<Worker, String> {
    if let Some(worker) = RUNNING.with(|r| r.borrow().get(&module).map(|m| m.worker.clone())) {
        return Ok(worker);
    }
    // Relative to the page, so the app works from a sub-path too; the name
    // tells the loader which module to fetch.
    let options = WorkerOptions::new();
    options.set_name(module.stem());
    let worker = Worker::new_with_options(LOADER, &options).map_err(|e| describe(&e))?;
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let data = event.data();
        if Reflect::get(&data, &"loaded".into()).is_ok_and(|v| v.is_truthy()) {
            RUNNING.with(|r| {
                if let Some(m) = r.borrow_mut().get_mut(&module) {
                    m.loaded = true;
                }
            });
            return;
        }
        let Some(id) = Reflect::get(&data, &"id".into()).ok().and_then(|v| v.as_f64()) else {
            return;
        };
        if let Some((_, resolve)) = PENDING.with(|p| p.borrow_mut().remove(&(id as u32))) {
            let _ = resolve.call1(&JsValue::NULL, &data);
        }
    });
    // The loader script itself could not be fetched or failed: every job
    // waiting on this module gets a load failure.
    let on_error = Closure::<dyn FnMut(Event)>::new(move |event: Event| {
        event.prevent_default();
        stop(module);
        // The detail names the file, as a browser error would; the
        // sentence around it comes from the catalogue.
        fail_pending(module, LOADER);
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    RUNNING.with(|r| {
        r.borrow_mut().insert(
            module,
            Running {
                worker: worker.clone(),
                loaded: false,
                _on_message: on_message,
                _on_error: on_error,
            },
        )
    });
    Ok(worker)
}

fn fail_pending(module: Module, detail: &str) {
    let waiting: Vec<Function> = PENDING.with(|p| {
        let mut p = p.borrow_mut();
        let ids: Vec<u32> = p.iter().filter(|(_, (m, _))| *m == module).map(|(id, _)| *id).collect();
        ids.into_iter().filter_map(|id| p.remove(&id)).map(|(_, f)| f).collect()
    });
    for resolve in waiting {
        let answer = Object::new();
        let _ = Reflect::set(&answer, &"failed".into(), &"load".into());
        let _ = Reflect::set(&answer, &"detail".into(), &detail.into());
        let _ = resolve.call1(&JsValue::NULL, &answer);
    }
}

fn stop(module: Module) {
    let running = RUNNING.with(|r| r.borrow_mut().remove(&module));
    if let Some(running) = running {
        running.worker.terminate();
        // We may be inside one of its callbacks now, and a closure must not
        // be dropped while it runs: leak them (a few bytes, only after a
        // failure).
        std::mem::forget(running);
    }
}

fn describe(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| LOADER.to_owned())
}
