//! Code fills exactly the placeholders each text has. A misnamed
//! `.with("nmae", …)` would ship a literal `{name}`, and a forgotten one the
//! same; the build already checks that both languages agree, and this reads
//! every `Text::new(Key::…)` and `Text::counted(…)` chain in the source and
//! compares the names it fills with the key's placeholders.

use marketplan::i18n::Key;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src is readable").flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The placeholder names of the `.with("…")` / `.with_text("…")` calls that
/// follow position `at` directly (whitespace and line breaks allowed), and
/// whether the chain ends there (a chain stored and extended later cannot be
/// judged).
fn chain(code: &str, mut at: usize) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    loop {
        let rest = code[at..].trim_start();
        let skipped = code.len() - at - rest.len();
        let call = [".with(\"", ".with_text(\""].into_iter().find(|c| rest.starts_with(c));
        let Some(call) = call else { break };
        let after = &rest[call.len()..];
        let Some(end) = after.find('"') else { break };
        names.insert(after[..end].to_owned());
        // Skip the call's arguments, brackets balanced.
        let mut depth = 0;
        let mut i = at + skipped + call.len() - 2;
        for (j, ch) in code[i..].char_indices() {
            match ch {
                '(' => depth += 1,
                ')' => {
                    depth -= 1;
                    if depth == 0 {
                        i += j + 1;
                        break;
                    }
                }
                _ => {}
            }
        }
        at = i;
    }
    names
}

include!("../src/i18n/variant_name.rs");

#[test]
fn code_fills_exactly_the_placeholders_each_text_has() {
    // A key's name in code is made from its id as build.rs makes it.
    let by_variant: BTreeMap<String, Key> = Key::ALL.iter().map(|k| (variant(k.id()), *k)).collect();
    let mut files = Vec::new();
    rust_files(Path::new(env!("CARGO_MANIFEST_DIR")).join("src").as_path(), &mut files);
    let mut checked = 0;
    let mut problems = Vec::new();
    for file in files {
        let code = std::fs::read_to_string(&file).expect("source is readable");
        // Tests build texts with deliberately hostile values; only app code is read.
        let code = code.split("#[cfg(test)]").next().unwrap_or_default();
        let mut uses: Vec<(String, usize, BTreeSet<String>)> = Vec::new();
        for (at, _) in code.match_indices("Text::new(Key::") {
            let start = at + "Text::new(Key::".len();
            let name: String = code[start..].chars().take_while(|c| c.is_alphanumeric()).collect();
            if code[start + name.len()..].starts_with(')') {
                uses.push((name.clone(), start + name.len() + 1, BTreeSet::new()));
            }
        }
        // `Text::counted(one, other, n)`: `other` gets the count filled in.
        for (at, _) in code.match_indices("Text::counted(Key::") {
            let args = &code[at + "Text::counted(".len()..];
            let Some(close) = args.find(')') else { continue };
            let keys: Vec<&str> = args[..close].split(',').map(str::trim).collect();
            if let [one, other, _] = keys.as_slice() {
                let end = at + "Text::counted(".len() + close + 1;
                for (key, extra) in [(one, false), (other, true)] {
                    if let Some(name) = key.strip_prefix("Key::") {
                        let filled = if extra {
                            BTreeSet::from(["count".to_owned()])
                        } else {
                            BTreeSet::new()
                        };
                        uses.push((name.to_owned(), end, filled));
                    }
                }
            }
        }
        for (name, end, mut filled) in uses {
            let Some(key) = by_variant.get(&name) else {
                problems.push(format!("{}: Key::{name} is not in the catalogue", file.display()));
                continue;
            };
            filled.extend(chain(code, end));
            let wanted: BTreeSet<String> = key.placeholders().iter().map(|s| s.to_string()).collect();
            // A text built now and filled later (`let mut text = Text::new(…)`)
            // is judged only on names it fills that the text does not have.
            let stored = code[..end]
                .trim_end_matches(|c: char| c != '\n')
                .lines()
                .last()
                .is_some_and(|l| {
                    let l = l.trim_start();
                    l.starts_with("let mut ") || l.contains("= Text::new(") && !l.contains(".with")
                })
                && filled.is_empty();
            let extra: Vec<_> = filled.difference(&wanted).collect();
            let missing: Vec<_> = wanted.difference(&filled).collect();
            if !extra.is_empty() || (!missing.is_empty() && !stored) {
                problems.push(format!(
                    "{}: {} fills {extra:?} it does not have and leaves {missing:?} empty",
                    file.display(),
                    key.id()
                ));
            }
            checked += 1;
        }
    }
    assert!(checked > 120, "only {checked} texts found: the scan is broken");
    assert!(
        problems.is_empty(),
        "placeholders out of step:\n{}",
        problems.join("\n")
    );
}
