//! CSV of a library or a comparison set: one row per role, every computed figure of the method,
//! for spreadsheets. UTF-8 with a byte-order mark (so Excel reads the accents right), CRLF line
//! ends, fields quoted where needed. Numbers use a full stop as decimal separator and up to six
//! decimals; text that a spreadsheet would take for a formula (`=`, `+`, `-`, `@` first) is
//! written with a leading `'`.

use std::path::Path;

use crate::model::Assessment;
use crate::report::plain_number;
use crate::scoring::Breakdown;
use crate::validate::{Finding, Severity};

/// One role of the table: its file (if saved), the assessment, its figures and its findings.
#[derive(Debug, Clone, Copy)]
pub struct CsvRow<'a> {
    /// The file the assessment was loaded from; `None` for an unsaved one.
    pub file: Option<&'a Path>,
    /// The assessment.
    pub assessment: &'a Assessment,
    /// Its computed figures.
    pub breakdown: &'a Breakdown,
    /// Its validation findings.
    pub findings: &'a [Finding],
}

/// The byte-order mark that opens the CSV text.
const BOM: &str = "\u{FEFF}";

type Cell = fn(&CsvRow<'_>) -> String;

/// Every column: its header and how a row fills it.
const COLUMNS: [(&str, Cell); 33] = [
    ("file", |r| {
        text(&r.file.map(|p| p.display().to_string()).unwrap_or_default())
    }),
    ("title", |r| text(&r.assessment.role.title)),
    ("seniority", |r| text(&r.assessment.role.seniority)),
    ("protective_total", |r| {
        r.breakdown.protective_total.to_string()
    }),
    ("growth", |r| r.breakdown.growth.to_string()),
    ("quick_screen_red", |r| {
        r.breakdown.quick_screen_red.to_string()
    }),
    ("task_count", |r| r.assessment.tasks.len().to_string()),
    ("time_total_pct", |r| number(r.breakdown.time_total)),
    ("task_total", |r| number(r.breakdown.task_total)),
    ("task_resistance", |r| number(r.breakdown.task_resistance)),
    ("time_3plus_pct", |r| number(r.breakdown.time_3plus_pct)),
    ("displacement_pct", |r| {
        number(r.breakdown.split.displacement)
    }),
    ("augmentation_pct", |r| {
        number(r.breakdown.split.augmentation)
    }),
    ("not_involved_pct", |r| {
        number(r.breakdown.split.not_involved)
    }),
    ("evidence_total", |r| r.breakdown.evidence_total.to_string()),
    ("barrier_total", |r| r.breakdown.barrier_total.to_string()),
    ("evidence_modifier", |r| {
        number(r.breakdown.evidence_modifier)
    }),
    ("barrier_modifier", |r| number(r.breakdown.barrier_modifier)),
    ("growth_modifier", |r| number(r.breakdown.growth_modifier)),
    ("raw", |r| number(r.breakdown.raw)),
    ("score_unclamped", |r| number(r.breakdown.score_unclamped)),
    ("score", |r| number(r.breakdown.score)),
    ("displayed_score", |r| {
        format!("{:.1}", r.breakdown.displayed())
    }),
    ("clamped", |r| r.breakdown.clamped.to_string()),
    ("zone", |r| r.breakdown.zone.name().to_owned()),
    ("sub_label", |r| {
        r.breakdown
            .sub_label
            .map(|l| l.name().to_owned())
            .unwrap_or_default()
    }),
    ("provisional", |r| r.breakdown.provisional.to_string()),
    ("final_score", |r| {
        format!(
            "{:.1}",
            crate::scoring::displayed_score(r.breakdown.final_result.score)
        )
    }),
    ("final_zone", |r| {
        r.breakdown.final_result.zone.name().to_owned()
    }),
    ("overridden", |r| {
        r.breakdown.final_result.overridden.to_string()
    }),
    ("override_reason", |r| {
        text(
            r.assessment
                .override_result
                .as_ref()
                .map_or("", |o| o.reason.as_str()),
        )
    }),
    ("errors", |r| count(r.findings, Severity::Error)),
    ("warnings", |r| count(r.findings, Severity::Warning)),
];

/// The header of the table, in column order.
#[must_use]
pub fn csv_header() -> Vec<&'static str> {
    COLUMNS.iter().map(|(name, _)| *name).collect()
}

/// The CSV text of some roles: the byte-order mark, the header, one line per row.
#[must_use]
pub fn csv_rows(rows: &[CsvRow<'_>]) -> String {
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(BOM.as_bytes().to_vec());
    let records = std::iter::once(
        csv_header()
            .into_iter()
            .map(str::to_owned)
            .collect::<Vec<_>>(),
    )
    .chain(
        rows.iter()
            .map(|row| COLUMNS.iter().map(|(_, cell)| cell(row)).collect()),
    );
    for record in records {
        // Writing to memory fails only on a short record, and every record has every column.
        if writer.write_record(&record).is_err() {
            break;
        }
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

/// A figure with up to six decimals, trailing zeros dropped.
fn number(value: f64) -> String {
    plain_number(value, 6)
}

/// Free text, with a leading `'` where a spreadsheet would read a formula.
fn text(value: &str) -> String {
    if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_owned()
    }
}

fn count(findings: &[Finding], severity: Severity) -> String {
    findings
        .iter()
        .filter(|f| f.severity == severity)
        .count()
        .to_string()
}
