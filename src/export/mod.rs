//! Reports for clients and spreadsheets: a Markdown report of one assessment ([`markdown`]) and a
//! CSV table of many ([`csv`]). The published text format lives in [`crate::text_format`].

pub mod csv;
pub mod markdown;

pub use self::csv::{CsvRow, csv_rows};
pub use self::markdown::markdown_report;
