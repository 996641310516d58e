//! CSV for spreadsheets: UTF-8 with a byte-order mark so Excel reads Chinese
//! correctly, CRLF line ends, and cells that a spreadsheet would run as a
//! formula neutralised.

/// A cell starting with one of these would be read as a formula (CSV
/// injection); a leading apostrophe makes it text.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

pub fn cell(text: &str) -> String {
    let safe = if text.starts_with(FORMULA_STARTS) && !is_plain_number(text) {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if safe.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", safe.replace('"', "\"\""))
    } else {
        safe
    }
}

/// `-50000` or `-12.5%` is a negative number to a spreadsheet, not a
/// formula, and must stay one; `-2+3` is a formula.
fn is_plain_number(text: &str) -> bool {
    let Some(body) = text.strip_prefix('-') else {
        return false;
    };
    let body = body.strip_suffix('%').unwrap_or(body);
    let (whole, fraction) = body.split_once('.').unwrap_or((body, "0"));
    !whole.is_empty()
        && !fraction.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && fraction.bytes().all(|b| b.is_ascii_digit())
}

pub fn write(rows: &[Vec<String>]) -> String {
    let mut out = String::from("\u{FEFF}");
    for row in rows {
        let cells: Vec<String> = row.iter().map(|c| cell(c)).collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised() {
        assert_eq!(cell("=HYPERLINK(\"http://x\")"), "\"'=HYPERLINK(\"\"http://x\"\")\"");
        assert_eq!(cell("+1"), "'+1");
        assert_eq!(cell("-2+3"), "'-2+3");
        assert_eq!(cell("-50000"), "-50000");
        assert_eq!(cell("-12.5%"), "-12.5%");
        assert_eq!(cell("-"), "'-");
        assert_eq!(cell("-1e5"), "'-1e5");
        assert_eq!(cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(cell("\tcmd"), "'\tcmd");
        assert_eq!(cell("\rcmd"), "\"'\rcmd\"");
        assert_eq!(cell("a=b"), "a=b");
    }

    #[test]
    fn quoting_and_the_byte_order_mark() {
        let text = write(&[
            vec!["任务".into(), "a,b".into()],
            vec!["line\nbreak".into(), "say \"hi\"".into()],
        ]);
        assert_eq!(text, "\u{FEFF}任务,\"a,b\"\r\n\"line\nbreak\",\"say \"\"hi\"\"\"\r\n");
        assert!(text.as_bytes().starts_with(&[0xEF, 0xBB, 0xBF]));
    }
}
