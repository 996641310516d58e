//! A language's texts in the browser. Both catalogues in the main module
//! would cost every user about 21 KB of download for one language they
//! read, so the build writes each as a file (`catalogue-<lang>-<hash>.json`,
//! by build.rs beside the build, copied into `dist/` by the post-build
//! hook) and the app fetches the one it needs before it draws anything
//! (`ui::start`), and the other on a language switch. A file's name changes
//! with its content, so no cache can mix two builds; the service worker
//! keeps both for offline use. Natively the texts are built in.

use super::keys::{built_in, TEXT_COUNT};
use super::Lang;
use std::sync::OnceLock;

static CHINESE: OnceLock<Box<[&'static str]>> = OnceLock::new();
static ENGLISH: OnceLock<Box<[&'static str]>> = OnceLock::new();

fn slot(lang: Lang) -> &'static OnceLock<Box<[&'static str]>> {
    match lang {
        Lang::ZhCn => &CHINESE,
        Lang::En => &ENGLISH,
    }
}

/// A language's texts, if built in or fetched.
pub fn texts(lang: Lang) -> Option<&'static [&'static str]> {
    built_in(lang).or_else(|| slot(lang).get().map(|t| &t[..]))
}

/// Whether `lang` can be drawn now.
pub fn is_ready(lang: Lang) -> bool {
    texts(lang).is_some()
}

/// Why a fetched file was not taken.
#[derive(Debug, PartialEq, Eq)]
pub enum InstallError {
    NotJson,
    WrongCount { found: usize },
}

/// Takes a fetched catalogue (a JSON array, one text per key in key order).
/// A file of another build has another count and is refused; a second call
/// keeps the first texts.
pub fn install(lang: Lang, json: &str) -> Result<(), InstallError> {
    let texts: Vec<String> = serde_json::from_str(json).map_err(|_| InstallError::NotJson)?;
    if texts.len() != TEXT_COUNT {
        return Err(InstallError::WrongCount { found: texts.len() });
    }
    // Kept for the life of the page, like built-in texts would be.
    let leaked: Box<[&'static str]> = texts.into_iter().map(|t| &*Box::leak(t.into_boxed_str())).collect();
    let _ = slot(lang).set(leaked);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_of_another_build_is_refused() {
        assert_eq!(install(Lang::En, "not json"), Err(InstallError::NotJson));
        assert_eq!(
            install(Lang::En, r#"["one", "two"]"#),
            Err(InstallError::WrongCount { found: 2 })
        );
        assert!(
            is_ready(Lang::En) && is_ready(Lang::ZhCn),
            "natively the texts are built in"
        );
    }
}
