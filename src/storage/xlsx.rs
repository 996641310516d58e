//! Excel workbooks (XLSX), written by rust_xlsxwriter: numbers stay numbers,
//! money carries a currency format, dates are real dates, text is stored as
//! text (so `=` at the start of a name is never a formula).
//!
//! The writer is big and rarely used, so it is not in the main module: the
//! app hands [`Sheet`]s to the lazily loaded files module (`crate::lazy`).

use chrono::{DateTime, Datelike, NaiveDate, Timelike, Utc};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, XlsxError};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    /// An amount in fen, shown in the workbook's currency.
    Money(i64),
    /// A fraction (0.25 is 25%).
    Percent(f64),
    Date(NaiveDate),
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Sheet {
    /// At most 31 characters, none of `[]:*?/\`.
    pub name: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

/// The workbook as bytes. `currency_symbol` goes in the money format;
/// `created` is stamped in the document properties so the same data gives
/// the same file.
pub fn write(sheets: &[Sheet], currency_symbol: &str, created: DateTime<Utc>) -> Result<Vec<u8>, String> {
    build(sheets, currency_symbol, created).map_err(|e| e.to_string())
}

fn build(sheets: &[Sheet], currency_symbol: &str, created: DateTime<Utc>) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let quoted = currency_symbol.replace('"', "");
    let money = Format::new().set_num_format(format!("\"{quoted}\"#,##0.00;-\"{quoted}\"#,##0.00"));
    let percent = Format::new().set_num_format("0.0%");
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let bold = Format::new().set_bold();
    for sheet in sheets {
        let ws = workbook.add_worksheet();
        ws.set_name(sheet.name.as_str())?;
        let mut widths: Vec<usize> = sheet.header.iter().map(|h| display_width(h)).collect();
        for (col, title) in sheet.header.iter().enumerate() {
            ws.write_string_with_format(0, col_index(col), title.as_str(), &bold)?;
        }
        for (r, row) in sheet.rows.iter().enumerate() {
            let r = u32::try_from(r + 1).map_err(|_| XlsxError::RowColumnLimitError)?;
            for (c, cell) in row.iter().enumerate() {
                let col = col_index(c);
                let width = match cell {
                    Cell::Empty => 0,
                    Cell::Text(text) => {
                        ws.write_string(r, col, text.as_str())?;
                        display_width(text)
                    }
                    Cell::Number(n) => {
                        ws.write_number(r, col, *n)?;
                        n.to_string().len()
                    }
                    Cell::Money(fen) => {
                        ws.write_number_with_format(r, col, *fen as f64 / 100.0, &money)?;
                        (fen.unsigned_abs() / 100).to_string().len() * 4 / 3 + 5
                    }
                    Cell::Percent(p) => {
                        ws.write_number_with_format(r, col, *p, &percent)?;
                        7
                    }
                    Cell::Date(d) => {
                        ws.write_datetime_with_format(r, col, excel_date(*d)?, &date)?;
                        10
                    }
                };
                if let Some(w) = widths.get_mut(c) {
                    *w = (*w).max(width);
                }
            }
        }
        for (c, w) in widths.iter().enumerate() {
            ws.set_column_width(col_index(c), (*w).clamp(6, 50) as f64 + 1.0)?;
        }
        ws.set_freeze_panes(1, 0)?;
    }
    let stamp = excel_date(created.date_naive())?.and_hms(
        created.hour() as u16,
        created.minute() as u8,
        f64::from(created.second()),
    )?;
    workbook.set_properties(&DocProperties::new().set_creation_datetime(&stamp));
    workbook.save_to_buffer()
}

fn col_index(c: usize) -> u16 {
    u16::try_from(c).unwrap_or(u16::MAX)
}

fn excel_date(d: NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    let year = u16::try_from(d.year()).map_err(|_| XlsxError::DateTimeRangeError(d.to_string()))?;
    ExcelDateTime::from_ymd(year, d.month() as u8, d.day() as u8)
}

/// Columns fit their text: a Chinese character takes two widths.
fn display_width(text: &str) -> usize {
    text.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{Data, Reader, Xlsx};
    use chrono::TimeZone;
    use std::io::Cursor;

    #[test]
    fn cells_keep_their_types_and_chinese_text() {
        let sheets = vec![Sheet {
            name: "预算明细".into(),
            header: vec!["名称".into(), "金额".into(), "占比".into(), "日期".into()],
            rows: vec![vec![
                Cell::Text("=HYPERLINK(\"x\")".into()),
                Cell::Money(123_456),
                Cell::Percent(0.6),
                Cell::Date(NaiveDate::from_ymd_opt(2027, 1, 5).unwrap()),
            ]],
        }];
        let at = Utc.with_ymd_and_hms(2026, 11, 26, 9, 0, 0).unwrap();
        let bytes = write(&sheets, "¥", at).unwrap();
        assert_eq!(bytes, write(&sheets, "¥", at).unwrap(), "same data, same bytes");
        let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
        assert_eq!(book.sheet_names(), vec!["预算明细".to_owned()]);
        let range = book.worksheet_range("预算明细").unwrap();
        assert_eq!(range.get_value((0, 0)), Some(&Data::String("名称".into())));
        assert_eq!(range.get_value((1, 0)), Some(&Data::String("=HYPERLINK(\"x\")".into())));
        assert_eq!(range.get_value((1, 1)), Some(&Data::Float(1234.56)));
        assert_eq!(range.get_value((1, 2)), Some(&Data::Float(0.6)));
        assert!(matches!(range.get_value((1, 3)), Some(Data::DateTime(_))));
    }
}
