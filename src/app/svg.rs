//! One writer for every SVG the app draws (timeline, KPI and budget charts).
//! Element and attribute names are `&'static str`, chosen in code; every
//! value and every text node goes through [`escape`]. So user text can only
//! ever enter an SVG as text: it cannot open an element, close an attribute
//! or be mistaken for a placeholder.

use std::fmt::Write;

/// An attribute's value: a number (written with one decimal) or text.
#[derive(Clone, Debug, PartialEq)]
pub enum AttrValue<'a> {
    /// Written with one decimal: `84.0`.
    Num(f64),
    /// Written as short as it reads: `60`, `158.3`.
    Short(f64),
    Text(&'a str),
    Owned(String),
}

impl From<f64> for AttrValue<'_> {
    fn from(n: f64) -> Self {
        AttrValue::Num(n)
    }
}

impl<'a> From<&'a str> for AttrValue<'a> {
    fn from(s: &'a str) -> Self {
        AttrValue::Text(s)
    }
}

impl From<String> for AttrValue<'_> {
    fn from(s: String) -> Self {
        AttrValue::Owned(s)
    }
}

pub type Attrs<'a> = [(&'static str, AttrValue<'a>)];

/// A number written as short as it reads (`60`, `158.3`).
pub fn short(n: f64) -> AttrValue<'static> {
    AttrValue::Short(n)
}

/// An SVG document being written.
#[derive(Default)]
pub struct Svg {
    out: String,
}

impl Svg {
    /// A document that only declares its coordinate system (a chart drawn
    /// as an `<img>`, whose size is set by the page).
    pub fn plain(width: f64, height: f64, extra: &Attrs) -> Self {
        let mut svg = Svg {
            out: String::with_capacity(2048),
        };
        svg.out.push_str(r#"<svg xmlns="http://www.w3.org/2000/svg""#);
        svg.attrs(&[("viewBox", format!("0 0 {width} {height}").into())]);
        svg.attrs(extra);
        svg.out.push('>');
        svg
    }

    /// A document of `width` × `height` units; `label` is its accessible name.
    pub fn new(class: &str, width: f64, height: f64, label: &str) -> Self {
        let mut svg = Svg {
            out: String::with_capacity(4096),
        };
        svg.out.push_str(r#"<svg xmlns="http://www.w3.org/2000/svg""#);
        let view_box = format!("0 0 {width:.1} {height:.1}");
        svg.attrs(&[
            ("class", class.into()),
            ("viewBox", view_box.into()),
            ("width", width.into()),
            ("height", height.into()),
            ("role", "img".into()),
            ("aria-label", label.into()),
        ]);
        svg.out.push('>');
        svg
    }

    fn attrs(&mut self, attrs: &Attrs) {
        for (name, value) in attrs {
            let _ = match value {
                AttrValue::Num(n) => write!(self.out, r#" {name}="{n:.1}""#),
                AttrValue::Short(n) => write!(self.out, r#" {name}="{}""#, (n * 10.0).round() / 10.0),
                AttrValue::Text(s) => write!(self.out, r#" {name}="{}""#, escape(s)),
                AttrValue::Owned(s) => write!(self.out, r#" {name}="{}""#, escape(s)),
            };
        }
    }

    /// An element with no content: `<rect …/>`.
    pub fn empty(&mut self, tag: &'static str, attrs: &Attrs) {
        self.out.push('<');
        self.out.push_str(tag);
        self.attrs(attrs);
        self.out.push_str("/>");
    }

    /// Opens an element that other elements go inside; [`Svg::close`] ends it.
    pub fn open(&mut self, tag: &'static str, attrs: &Attrs) {
        self.out.push('<');
        self.out.push_str(tag);
        self.attrs(attrs);
        self.out.push('>');
    }

    pub fn close(&mut self, tag: &'static str) {
        self.out.push_str("</");
        self.out.push_str(tag);
        self.out.push('>');
    }

    /// An element holding `text` as a text node: `<text …>text</text>`.
    pub fn text(&mut self, tag: &'static str, attrs: &Attrs, text: &str) {
        self.open(tag, attrs);
        self.out.push_str(&escape(text));
        self.close(tag);
    }

    /// Another document's elements, drawn inside this one.
    pub fn append(&mut self, part: Svg) {
        self.out.push_str(&part.out);
    }

    /// A part to be placed later (e.g. arrows drawn over the bars).
    pub fn part() -> Self {
        Svg::default()
    }

    pub fn finish(mut self) -> SvgDoc {
        if self.out.starts_with("<svg") {
            self.out.push_str("</svg>");
        }
        SvgDoc(self.out)
    }
}

/// A finished SVG document. Only [`Svg`] makes one, so its text is markup
/// the app wrote, with every value escaped: the one kind of markup the UI
/// may put into the page as it is.
#[derive(Clone, Debug, PartialEq)]
pub struct SvgDoc(String);

impl std::ops::Deref for SvgDoc {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for SvgDoc {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl SvgDoc {
    pub fn into_string(self) -> String {
        self.0
    }
}

pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_text_only_ever_becomes_text() {
        let mut svg = Svg::new("c", 10.0, 5.0, "a \"label\" <b>");
        svg.text(
            "text",
            &[("x", 1.0.into()), ("data-name", "\"/><script>".into())],
            "</text><script>{W}</script>",
        );
        let doc = svg.finish();
        assert_eq!(
            &*doc,
            r#"<svg xmlns="http://www.w3.org/2000/svg" class="c" viewBox="0 0 10.0 5.0" width="10.0" height="5.0" role="img" aria-label="a &quot;label&quot; &lt;b&gt;"><text x="1.0" data-name="&quot;/&gt;&lt;script&gt;">&lt;/text&gt;&lt;script&gt;{W}&lt;/script&gt;</text></svg>"#
        );
    }
}
