//! Every text the user sees, in zh-CN and English. The texts live in one
//! JSON file per chapter and language (`catalogue/<lang>/<chapter>.json`);
//! `build.rs` turns them into the [`Key`] enum, so a call site cannot name a
//! text that does not exist, and refuses a catalogue whose languages differ
//! in keys or placeholders. `tests/i18n.rs` checks that code fills exactly
//! the placeholders each text has.

mod format;
mod keys;
pub mod texts;

pub use format::{
    currency_symbol, format_bytes, format_compact, format_count, format_date, format_datetime, format_money,
    format_month,
};
pub use keys::{catalogue_file, Key};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    ZhCn,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::ZhCn, Lang::En];

    /// The BCP 47 tag, used for `<html lang>` and stored as the preference.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::ZhCn => "zh-CN",
            Lang::En => "en",
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::ZhCn => Lang::En,
            Lang::En => Lang::ZhCn,
        }
    }

    pub fn from_tag(tag: &str) -> Option<Lang> {
        let tag = tag.trim().to_ascii_lowercase();
        if tag == "zh" || tag.starts_with("zh-") {
            Some(Lang::ZhCn)
        } else if tag == "en" || tag.starts_with("en-") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// The language for a first visit: the first of the browser's preferred
    /// languages that we have, else English.
    pub fn preferred<S: AsRef<str>>(browser_languages: &[S]) -> Lang {
        browser_languages
            .iter()
            .find_map(|l| Lang::from_tag(l.as_ref()))
            .unwrap_or(Lang::En)
    }

    /// The name of the language in itself, as shown in the switch.
    pub fn own_name(self) -> &'static str {
        match self {
            Lang::ZhCn => "中文",
            Lang::En => "English",
        }
    }
}

/// The text for `key` in `lang`. In the browser the app draws a language
/// only once its texts are in (`texts.rs`); the other language stands in
/// for a text missing meanwhile, and nothing if neither is in.
pub fn t(lang: Lang, key: Key) -> &'static str {
    let i = key as usize;
    texts::texts(lang)
        .or_else(|| texts::texts(lang.other()))
        .map_or("", |texts| texts[i])
}

/// The text of a catalogue id that is not a [`Key`]: the ready-made task
/// sets name their texts by id (`tpl.*`), see `domain::templates`.
pub fn t_id(lang: Lang, id: &str) -> String {
    Key::from_id(id).map_or_else(|| id.to_owned(), |key| t(lang, key).to_owned())
}

/// A text with named `{placeholders}`, kept unrendered so it follows a
/// language switch (notices and messages are stored this way).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Text {
    pub key: Key,
    pub args: Vec<(&'static str, Arg)>,
}

/// A placeholder value: plain text, or a text that itself needs translating.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Arg {
    Plain(String),
    Translated(Box<Text>),
}

impl Text {
    pub fn new(key: Key) -> Self {
        Self { key, args: Vec::new() }
    }

    pub fn with(mut self, name: &'static str, value: impl ToString) -> Self {
        debug_assert!(
            self.key.placeholders().contains(&name),
            "{:?} has no placeholder {{{name}}}",
            self.key
        );
        self.args.push((name, Arg::Plain(value.to_string())));
        self
    }

    pub fn with_text(mut self, name: &'static str, value: Text) -> Self {
        debug_assert!(
            self.key.placeholders().contains(&name),
            "{:?} has no placeholder {{{name}}}",
            self.key
        );
        self.args.push((name, Arg::Translated(Box::new(value))));
        self
    }

    pub fn render(&self, lang: Lang) -> String {
        let mut out = t(lang, self.key).to_owned();
        if out.contains('[') {
            out = self.plurals(&out);
        }
        for (name, value) in &self.args {
            let value = match value {
                Arg::Plain(text) => text.clone(),
                Arg::Translated(text) => text.render(lang),
            };
            out = out.replace(&format!("{{{name}}}"), &value);
        }
        out
    }

    /// Plurals in a text: `[count:task|tasks]` reads `task` when the
    /// `count` placeholder is 1 and `tasks` otherwise (English needs them;
    /// Chinese rarely does). Anything else in brackets is left as it is.
    fn plurals(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(open) = rest.find('[') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let chosen = after.find(']').and_then(|close| {
                let (name, forms) = after[..close].split_once(':')?;
                let (one, other) = forms.split_once('|')?;
                let count = self.args.iter().find_map(|(n, v)| match v {
                    Arg::Plain(text) if *n == name => Some(text.as_str()),
                    _ => None,
                })?;
                Some((if count == "1" { one } else { other }, close))
            });
            match chosen {
                Some((form, close)) => {
                    out.push_str(form);
                    rest = &after[close + 1..];
                }
                None => {
                    out.push('[');
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        out
    }

    /// `key` with `{count}` filled in, thousands grouped (the same in both
    /// languages); its `[count:one|other]` picks the words.
    pub fn counted(key: Key, count: usize) -> Self {
        Text::new(key).with("count", format_count(Lang::En, count as i64))
    }
}

impl From<Key> for Text {
    fn from(key: Key) -> Self {
        Text::new(key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn english_plurals_follow_the_count() {
        let one = Text::new(Key::TasksShifted)
            .with("count", 1)
            .with("days", 1)
            .render(Lang::En);
        assert_eq!(one, "Moved 1 task by 1 day.");
        let many = Text::new(Key::TasksShifted)
            .with("count", "1,200")
            .with("days", -3)
            .render(Lang::En);
        assert_eq!(many, "Moved 1,200 tasks by -3 days.");
        assert_eq!(Text::new(Key::DashKpiCount).with("count", 1).render(Lang::En), "1 KPI");
        assert_eq!(
            Text::new(Key::DashKpiCount).with("count", 1).render(Lang::ZhCn),
            "1 个 KPI"
        );
        // Every bracket in the catalogue names one of its text's
        // placeholders, so none is shown to a user as it is written.
        for &key in Key::ALL.iter() {
            for lang in Lang::ALL {
                for part in t(lang, key).split('[').skip(1) {
                    let name = part.split(':').next().unwrap_or_default();
                    assert!(key.placeholders().contains(&name), "{}: [{part}", key.id());
                }
            }
        }
        let one = Text::counted(Key::TrashConfirmEmpty, 1);
        assert!(one.render(Lang::ZhCn).contains("这个计划") && one.render(Lang::En).starts_with("Delete the plan "));
        let many = Text::counted(Key::TrashConfirmEmpty, 1200).render(Lang::En);
        assert!(many.starts_with("Delete the 1,200 plans "), "{many}");
    }

    #[test]
    fn every_key_has_a_text_in_both_languages() {
        for lang in Lang::ALL {
            let empty: Vec<_> = Key::ALL
                .iter()
                .filter(|k| t(lang, **k).trim().is_empty())
                .map(|k| k.id())
                .collect();
            assert!(empty.is_empty(), "{} lacks {empty:?}", lang.tag());
        }
    }

    #[test]
    fn every_template_text_is_in_the_catalogue() {
        let missing: Vec<_> = crate::domain::implementation::templates::all_keys()
            .into_iter()
            .filter(|k| Key::from_id(k).is_none())
            .collect();
        assert!(missing.is_empty(), "the catalogue lacks {missing:?}");
        assert_eq!(t_id(Lang::En, "no.such.text"), "no.such.text");
    }

    #[test]
    fn placeholders_are_the_same_in_both_languages() {
        fn names(text: &str) -> BTreeSet<String> {
            text.split('{')
                .skip(1)
                .filter_map(|s| s.split_once('}'))
                .map(|(n, _)| n.to_owned())
                .collect()
        }
        for key in Key::ALL {
            let declared: BTreeSet<String> = key.placeholders().iter().map(|s| s.to_string()).collect();
            assert_eq!(names(t(Lang::ZhCn, *key)), declared, "placeholders of {}", key.id());
            assert_eq!(names(t(Lang::En, *key)), declared, "placeholders of {}", key.id());
        }
        assert_eq!(Key::LibraryNoMatch.placeholders(), &["query"]);
    }

    #[test]
    fn key_ids_are_unique() {
        let ids: BTreeSet<&str> = Key::ALL.iter().map(|k| k.id()).collect();
        assert_eq!(ids.len(), Key::ALL.len());
    }

    #[test]
    fn browser_preference_picks_chinese_only_when_preferred() {
        assert_eq!(Lang::preferred(&["zh-CN", "en"]), Lang::ZhCn);
        assert_eq!(Lang::preferred(&["zh-TW"]), Lang::ZhCn);
        assert_eq!(Lang::preferred(&["fr-FR", "en-GB", "zh"]), Lang::En);
        assert_eq!(Lang::preferred(&["de"]), Lang::En);
        assert_eq!(Lang::preferred::<&str>(&[]), Lang::En);
    }

    #[test]
    fn counts_pick_the_singular_in_english() {
        let one = Text::counted(Key::LibraryCount, 1);
        let many = Text::counted(Key::LibraryCount, 3);
        assert_eq!(
            (one.render(Lang::En), many.render(Lang::En)),
            ("1 plan".into(), "3 plans".into())
        );
        assert_eq!(one.render(Lang::ZhCn), "共 1 个计划");
    }

    #[test]
    fn texts_fill_placeholders_and_nested_texts_follow_the_language() {
        let text = Text::new(Key::NoticeDeleted).with("name", "<b>Q1</b>");
        assert_eq!(text.render(Lang::En), "Moved “<b>Q1</b>” to the Trash.");
        assert_eq!(text.render(Lang::ZhCn), "已将“<b>Q1</b>”移到回收站。");
        let nested = Text::new(Key::ImportErrInvalidPlan)
            .with("name", "X")
            .with_text("reason", Key::ErrorNameEmpty.into());
        assert!(nested.render(Lang::ZhCn).contains(t(Lang::ZhCn, Key::ErrorNameEmpty)));
    }
}
