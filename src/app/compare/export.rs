//! The Compare view's exports, through the file picker (never blocking): the library or the
//! comparison set as CSV (written by [`crate::export::csv_rows`]), and the score chart as PNG
//! (see [`super::png`]).

use super::png::{with_extension, with_png_extension};
use crate::app::picker::{DialogKind, PickRequest, Purpose};
use crate::app::state::Entry;
use crate::app::{AijriApp, View};
use crate::export::{CsvRow, csv_rows};
use crate::library;

/// Which roles a CSV export holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CsvScope {
    /// Every role of the library that loaded.
    Library,
    /// The comparison set (the ticked roles, or the selected one).
    Comparison,
}

impl CsvScope {
    fn file_name(self) -> &'static str {
        match self {
            Self::Library => "aijri-library.csv",
            Self::Comparison => "aijri-comparison.csv",
        }
    }
}

impl AijriApp {
    /// Asks where to save a CSV of the library or of the comparison set.
    pub(in crate::app) fn ask_export_csv(&mut self, scope: CsvScope) {
        let title = match scope {
            CsvScope::Library => "Export the library as CSV",
            CsvScope::Comparison => "Export the comparison as CSV",
        };
        self.ask_save_export(
            Purpose::ExportCsv(scope),
            title,
            scope.file_name(),
            ("CSV table", "csv"),
        );
    }

    /// Asks where to save the score chart as PNG.
    pub(in crate::app) fn ask_export_chart(&mut self) {
        self.ask_save_export(
            Purpose::ExportChartPng,
            "Export the score chart as PNG",
            "aijri-comparison.png",
            ("PNG image", "png"),
        );
    }

    fn ask_save_export(
        &mut self,
        purpose: Purpose,
        title: &str,
        file_name: &str,
        (kind, extension): (&str, &str),
    ) {
        self.request_pick(PickRequest {
            purpose,
            kind: DialogKind::SaveFile {
                file_name: file_name.to_owned(),
            },
            title: title.to_owned(),
            filters: vec![(kind.to_owned(), vec![extension.to_owned()])],
            start_dir: self.library.folder.clone(),
        });
    }

    /// Writes the CSV of `scope` to the chosen path and says how it went.
    pub(in crate::app) fn export_csv(&mut self, scope: CsvScope, path: &std::path::Path) {
        let path = with_extension(path, "csv");
        let indices: Vec<usize> = match scope {
            CsvScope::Library => (0..self.library.entries.len()).collect(),
            CsvScope::Comparison => super::comparison_set(&self.library, self.selected)
                .0
                .iter()
                .map(|r| r.index)
                .collect(),
        };
        let rows: Vec<CsvRow<'_>> = indices
            .iter()
            .filter_map(|&i| self.library.entries.get(i))
            .filter_map(csv_row)
            .collect();
        let count = rows.len();
        let text = csv_rows(&rows);
        match library::write_atomic(&path, text.as_bytes()) {
            Ok(()) => self.notify(
                false,
                format!("Exported {count} roles to {}", path.display()),
            ),
            Err(error) => self.notify(true, error.to_string()),
        }
    }

    /// Shows the Compare view and exports its chart to the chosen path once it is drawn.
    pub(in crate::app) fn export_chart(&mut self, path: &std::path::Path) {
        self.view = View::Compare;
        self.compare.chart_export.start(with_png_extension(path));
    }

    /// Reports chart exports that finished since the last frame.
    pub(in crate::app) fn poll_exports(&mut self, ctx: &egui::Context) {
        for outcome in self.compare.chart_export.poll(ctx) {
            match outcome {
                Ok(path) => self.notify(false, format!("Exported the chart to {}", path.display())),
                Err(message) => self.notify(true, message),
            }
        }
    }
}

/// A CSV row of an entry that loaded; the file is named only once it exists on disk.
fn csv_row(entry: &Entry) -> Option<CsvRow<'_>> {
    let doc = entry.doc()?;
    let file = doc.stamp.map(|_| entry.path.as_path());
    Some(CsvRow {
        file,
        assessment: &doc.assessment,
        breakdown: &doc.breakdown,
        findings: &doc.findings,
    })
}
