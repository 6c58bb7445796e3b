//! CSV of a library or a comparison set: one row per role, every computed figure of the method,
//! for spreadsheets. UTF-8 with a byte-order mark (so Excel reads the accents right), CRLF line
//! ends, fields quoted where needed. Numbers use a full stop as decimal separator and up to six
//! decimals; a figure that cannot be computed is an empty cell; text that a spreadsheet would take for a formula (`=`, `+`, `-`, `@` first) is
//! written with a leading `'`.

use std::path::Path;

use crate::adjust;
use crate::fmt;
use crate::model::Assessment;
use crate::scoring::{Breakdown, Composite, FinalResult};
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
const COLUMNS: [(&str, Cell); 35] = [
    ("file", |r| {
        text(&r.file.map(|p| p.display().to_string()).unwrap_or_default())
    }),
    ("title", |r| text(&r.assessment.role.title)),
    ("seniority", |r| text(&r.assessment.role.seniority)),
    ("protective_total", |r| {
        integer(r.breakdown.protective_total)
    }),
    ("growth", |r| integer(r.breakdown.growth)),
    ("quick_screen_red", |r| flag(r.breakdown.quick_screen_red)),
    ("task_count", |r| r.assessment.tasks.len().to_string()),
    ("time_total_pct", |r| number(Some(r.breakdown.time_total))),
    ("task_total", |r| number(r.breakdown.task_total)),
    ("task_resistance", |r| number(r.breakdown.task_resistance)),
    ("time_3plus_pct", |r| number(r.breakdown.time_3plus_pct)),
    ("displacement_pct", |r| {
        number(r.breakdown.split.map(|s| s.displacement))
    }),
    ("augmentation_pct", |r| {
        number(r.breakdown.split.map(|s| s.augmentation))
    }),
    ("not_involved_pct", |r| {
        number(r.breakdown.split.map(|s| s.not_involved))
    }),
    ("evidence_total", |r| integer(r.breakdown.evidence_total)),
    ("barrier_total", |r| integer(r.breakdown.barrier_total)),
    ("evidence_modifier", |r| {
        number(r.breakdown.evidence_modifier)
    }),
    ("barrier_modifier", |r| number(r.breakdown.barrier_modifier)),
    ("growth_modifier", |r| number(r.breakdown.growth_modifier)),
    ("raw", |r| number(composite(r).map(|c| c.raw))),
    ("score_unclamped", |r| {
        number(composite(r).map(|c| c.score_unclamped))
    }),
    ("score", |r| number(composite(r).map(|c| c.score))),
    ("displayed_score", |r| {
        composite(r).map_or_else(String::new, |c| fmt::score(c.score))
    }),
    ("clamped", |r| flag(composite(r).map(|c| c.clamped))),
    ("zone", |r| {
        composite(r).map_or_else(String::new, |c| c.zone.name().to_owned())
    }),
    ("sub_label", |r| {
        composite(r)
            .and_then(|c| c.sub_label)
            .map(|l| l.name().to_owned())
            .unwrap_or_default()
    }),
    ("provisional", |r| r.breakdown.provisional.to_string()),
    ("final_score", |r| {
        final_result(r).map_or_else(String::new, |f| fmt::score(f.score))
    }),
    ("final_zone", |r| {
        final_result(r).map_or_else(String::new, |f| f.zone.name().to_owned())
    }),
    ("overridden", |r| {
        flag(final_result(r).map(|f| f.overridden))
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
    // Where an adjusted role came from, by title, seniority and id (never by file).
    ("adjusted_from", |r| {
        text(&adjust::text::derived_from_text(r.assessment).unwrap_or_default())
    }),
    ("adjustments", |r| {
        r.assessment.adjustments.len().to_string()
    }),
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

/// A figure with up to six decimals, trailing zeros dropped; empty when it cannot be computed.
fn number(value: Option<f64>) -> String {
    value.map_or_else(String::new, fmt::unrounded)
}

/// An integer figure; empty when it cannot be computed.
fn integer(value: Option<i64>) -> String {
    value.map_or_else(String::new, |v| v.to_string())
}

/// `true` / `false`; empty when it cannot be decided.
fn flag(value: Option<bool>) -> String {
    value.map_or_else(String::new, |v| v.to_string())
}

fn composite<'a>(row: &CsvRow<'a>) -> Option<&'a Composite> {
    row.breakdown.composite.as_ref()
}

fn final_result(row: &CsvRow<'_>) -> Option<FinalResult> {
    row.breakdown.final_result()
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
