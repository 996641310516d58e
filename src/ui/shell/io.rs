//! What the app does with the outside world on the user's behalf: saving,
//! exporting, importing. Each result comes back to the reducer as an action.

use crate::app::messages::{file_error, too_large};
use crate::app::Action;
use crate::domain::core::ids::IdSource;
use crate::domain::plan::Plan;
use crate::i18n::{Key, Text};
use crate::lazy::Job;
use crate::storage::format::{backup_file_name, decode_import, encode_file, file_name_for, FileError, FileKind};
use crate::storage::{browser, Loaded, SaveError};
use crate::ui::shell::context::AppHandle;
use crate::ui::shell::lazy;
use crate::ui::shell::platform::{now, with_store, BrowserIds};

/// Saves the state the handle saw, if it has unsaved changes. Returns
/// whether everything is saved afterwards.
pub fn save_now(app: &AppHandle) -> bool {
    if !app.wants_save() {
        return !app.save.is_dirty();
    }
    let revision = app.save.revision;
    let tag = save_tag();
    let result = with_store(|store| store.save(&app.library, &app.save.version, &tag, now()));
    match result {
        Ok(version) => {
            app.dispatch(Action::Saved { revision, version });
            true
        }
        Err(SaveError::Stale) => {
            reload_from_store(app);
            false
        }
        Err(error) => {
            app.dispatch(Action::SaveFailed(error));
            false
        }
    }
}

/// Eight random hex digits that keep this save's copy apart from one another
/// tab writes at the same moment.
fn save_tag() -> String {
    BrowserIds.random_bytes()[..4]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Another tab saved: read what it saved and merge it in.
pub fn reload_from_store(app: &AppHandle) {
    match with_store(|store| store.load()) {
        Ok(Loaded::Library {
            library,
            version,
            replaces,
        }) => app.dispatch(Action::External {
            stored: library,
            version,
            replaces,
        }),
        Ok(Loaded::Unreadable { library, version, .. }) => app.dispatch(Action::External {
            stored: library,
            version,
            replaces: None,
        }),
        Ok(Loaded::Fresh) => {}
        Err(error) => app.dispatch(Action::SaveFailed(SaveError::Store(error))),
    }
}

pub fn offer_download(app: &AppHandle, file_name: &str, mime: &str, text: &str) {
    match browser::download(file_name, mime, text) {
        Ok(()) => app.dispatch(Action::Notify {
            text: Text::new(Key::NoticeExported).with("file", file_name),
            is_error: false,
        }),
        Err(detail) => app.dispatch(Action::Notify {
            text: Text::new(Key::ImportErrRead).with("detail", detail),
            is_error: true,
        }),
    }
}

pub fn offer_bytes(app: &AppHandle, file_name: &str, mime: &str, bytes: &[u8]) {
    match browser::download_bytes(file_name, mime, bytes) {
        Ok(()) => app.dispatch(Action::Notify {
            text: Text::new(Key::NoticeExported).with("file", file_name),
            is_error: false,
        }),
        Err(detail) => app.dispatch(Action::Notify {
            text: Text::new(Key::ImportErrRead).with("detail", detail),
            is_error: true,
        }),
    }
}

pub fn export_plan(app: &AppHandle, plan: &Plan) {
    let text = encode_file(FileKind::Plan, std::slice::from_ref(plan), now());
    offer_download(app, &file_name_for(&plan.name), "application/json", &text);
}

/// Every plan in one file; the Trash stays behind (it is this browser's).
pub fn export_all(app: &AppHandle) {
    let text = encode_file(FileKind::Backup, &app.library.plans, now());
    offer_download(app, &backup_file_name(now()), "application/json", &text);
}

pub fn download_raw(app: &AppHandle, raw: &str) {
    let name = format!(
        "marketplan-unreadable-{}.txt",
        crate::domain::core::calendar::date_text(now().date_naive())
    );
    offer_download(app, &name, "text/plain", raw);
    with_store(|store| store.release_protected());
}

/// Reads each file and hands the plans to the reducer, or says why not.
pub fn import_files(app: &AppHandle, files: Vec<web_sys::File>) {
    for file in files {
        let app = app.clone();
        wasm_bindgen_futures::spawn_local(async move {
            if let Some(text) = too_large(file.size() as u64) {
                app.dispatch(Action::ImportFailed(text));
                return;
            }
            let action = match browser::read_text(&file).await {
                Ok(text) => match decode_import(&text) {
                    Ok(plans) => Action::Import(plans),
                    Err(FileError::Invalid { path, detail }) => {
                        let path = exact_path(text).await.unwrap_or(path);
                        Action::ImportFailed(file_error(&FileError::Invalid { path, detail }))
                    }
                    Err(e) => Action::ImportFailed(file_error(&e)),
                },
                Err(detail) => Action::ImportFailed(Text::new(Key::ImportErrRead).with("detail", detail)),
            };
            app.dispatch(action);
        });
    }
}

/// The exact field where a refused file stops matching the model, from the
/// lazily loaded files module; `None` if it cannot be loaded (then the
/// message names the plan only).
async fn exact_path(text: String) -> Option<String> {
    let bytes = lazy::run(&Job::LocateFileError { text }).await.ok()?;
    String::from_utf8(bytes).ok().filter(|path| !path.is_empty())
}

pub fn file_list(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}
