//! The Compare view's exports, through the file picker (never blocking): the library or the
//! comparison set as CSV (written by [`crate::export::csv_rows`]), and the score chart as PNG
//! (see [`super::png`]).

use super::png::{with_extension, with_png_extension};
use crate::app::jobs::Done;
use crate::app::picker::{CsvScope, DialogKind, PickRequest, Purpose};
use crate::app::store::Entry;
use crate::app::{AijriApp, View};
use crate::export::{CsvRow, csv_rows};
use crate::library;

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
            start_dir: self.state.store.folder.clone(),
        });
    }

    /// Writes the CSV of `scope` to the chosen path, off the UI thread, and says how it went.
    pub(in crate::app) fn export_csv(&mut self, scope: CsvScope, path: &std::path::Path) {
        let path = with_extension(path, "csv");
        let store = &self.state.store;
        let ids = match scope {
            CsvScope::Library => store.entries().iter().map(|e| e.id).collect(),
            CsvScope::Comparison => super::comparison_set(&self.state)
                .0
                .iter()
                .map(|r| r.id)
                .collect::<Vec<_>>(),
        };
        let rows: Vec<CsvRow<'_>> = ids
            .iter()
            .filter_map(|&id| store.entry(id))
            .filter_map(csv_row)
            .collect();
        let what = format!("{} as CSV", crate::fmt::count(rows.len(), "role", "roles"));
        let text = csv_rows(&rows);
        self.jobs.spawn("export-csv", move || Done::Written {
            what,
            result: library::write_atomic(&path, text.as_bytes())
                .map(|()| path)
                .map_err(|e| e.to_string()),
        });
    }

    /// Shows the Compare view and exports its chart to the chosen path once it is drawn.
    pub(in crate::app) fn export_chart(&mut self, path: &std::path::Path) {
        self.state.view = View::Compare;
        self.views
            .compare
            .chart_export
            .start(with_png_extension(path));
    }

    /// Reports chart exports that finished since the last frame.
    pub(in crate::app) fn poll_exports(&mut self, ctx: &egui::Context) {
        for outcome in self.views.compare.chart_export.poll(ctx) {
            match outcome {
                Ok(path) => self
                    .state
                    .notify(false, format!("Exported the chart to {}", path.display())),
                Err(message) => self.state.notify(true, message),
            }
        }
    }
}

/// A CSV row of an entry that loaded; the file is named only once it exists on disk.
fn csv_row(entry: &Entry) -> Option<CsvRow<'_>> {
    let doc = entry.doc()?;
    let file = doc.stamp().map(|_| entry.path.as_path());
    Some(CsvRow {
        file,
        assessment: doc.assessment(),
        breakdown: doc.breakdown(),
        findings: doc.findings(),
    })
}
