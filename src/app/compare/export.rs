//! The Compare view's exports, through the file picker (never blocking): the library or the
//! comparison set as CSV (written by [`crate::export::csv_rows`]), and the score chart as PNG
//! (see [`super::png`]) — as the Pathways chart is too.

use std::path::PathBuf;

use crate::app::io::Content;
use crate::app::picker::{CsvScope, DialogKind, PickRequest, Purpose};
use crate::app::store::Entry;
use crate::app::{AijriApp, View};
use crate::export::{CsvRow, csv_rows};
use crate::library::Expect;

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

    /// Asks where to save the Pathways chart as PNG.
    pub(in crate::app) fn ask_export_pathways_chart(&mut self) {
        self.ask_save_export(
            Purpose::ExportPathwaysPng,
            "Export the pathways chart as PNG",
            "aijri-pathways.png",
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

    /// Writes the CSV of `scope` to `path` (final, canonical): the rows are taken from the
    /// documents now, the table is built and written off the UI thread.
    pub(in crate::app) fn export_csv(&mut self, scope: CsvScope, path: PathBuf, expect: Expect) {
        let store = &self.state.store;
        let ids: Vec<_> = match scope {
            CsvScope::Library => store.entries().iter().map(|e| e.id).collect(),
            CsvScope::Comparison => super::comparison_set(&self.state)
                .0
                .iter()
                .map(|r| r.id)
                .collect(),
        };
        let rows: Vec<OwnedRow> = ids
            .iter()
            .filter_map(|&id| store.entry(id))
            .filter_map(OwnedRow::of)
            .collect();
        let what = format!("{} as CSV", crate::fmt::count(rows.len(), "role", "roles"));
        let make = move || {
            let rows: Vec<CsvRow<'_>> = rows.iter().map(OwnedRow::row).collect();
            Ok(csv_rows(&rows).into_bytes())
        };
        self.write_export(what, path, expect, Content::Make(Box::new(make)));
    }

    /// Shows the Compare view and exports its chart to `path` (final, canonical) once it is drawn.
    pub(in crate::app) fn export_chart(&mut self, path: PathBuf, expect: Expect) {
        self.state.view = View::Compare;
        self.views.compare.chart_export.start(path, expect);
    }

    /// Shows the Pathways view and exports its chart to `path` (final, canonical) once it is
    /// drawn.
    pub(in crate::app) fn export_pathways_chart(&mut self, path: PathBuf, expect: Expect) {
        self.state.view = View::Pathways;
        self.views.pathways.chart_export.start(path, expect);
    }

    /// Writes the chart screenshots (Compare's and Pathways') that arrived since the last frame:
    /// cropped, encoded and written off the UI thread.
    pub(in crate::app) fn write_chart_shots(&mut self) {
        let mut shots = self.views.compare.chart_export.take_shots();
        shots.extend(self.views.pathways.chart_export.take_shots());
        for shot in shots {
            let (path, expect) = (shot.path.clone(), shot.expect);
            let make = move || shot.encode();
            self.write_export(
                "the chart".to_owned(),
                path,
                expect,
                Content::Make(Box::new(make)),
            );
        }
    }
}

/// A CSV row's data, owned, to build the table on a worker thread.
struct OwnedRow {
    file: Option<PathBuf>,
    assessment: crate::model::Assessment,
    breakdown: crate::scoring::Breakdown,
    findings: Vec<crate::validate::Finding>,
}

impl OwnedRow {
    /// The row of an entry that loaded; the file is named only once it exists on disk.
    fn of(entry: &Entry) -> Option<Self> {
        let doc = entry.doc()?;
        Some(Self {
            file: doc.stamp().map(|_| entry.path.clone()),
            assessment: doc.assessment().clone(),
            breakdown: doc.breakdown().clone(),
            findings: doc.findings().to_vec(),
        })
    }

    fn row(&self) -> CsvRow<'_> {
        CsvRow {
            file: self.file.as_deref(),
            assessment: &self.assessment,
            breakdown: &self.breakdown,
            findings: &self.findings,
        }
    }
}
