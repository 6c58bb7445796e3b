//! File → Export → Client report (PDF)…: the comparison set (or the selected role) as the client
//! report under the comparison's title, through the save dialog, typeset and written off the UI
//! thread.
//!
//! The layout is the shipped template, or `client-report.typ` in the data folder when there is
//! one (an organisation's own: name, logo, colours); a template with an error is named in a
//! notice with its line, and the shipped one is used.

use std::path::PathBuf;

use super::AijriApp;
use super::compare::comparison_set;
use super::io::{Content, Done};
use super::picker::{DialogKind, PickRequest, Purpose};
use super::store::{DocId, Store};
use crate::client_report::{
    self, ReportData, ReportDate, ReportRole, TEMPLATE_FILE_NAME, Template,
};
use crate::library::{Expect, disk};
use crate::pathways::{Library, LibraryRole};

/// The file name the save dialog suggests.
const SUGGESTED_FILE_NAME: &str = "aijri-client-report.pdf";

impl AijriApp {
    /// Asks where to save the client report of the comparison set (or the selected role).
    pub(super) fn ask_export_client_report(&mut self) {
        if comparison_set(&self.state).0.is_empty() {
            self.state.notify(
                true,
                "Select a role or tick roles to compare first: the report has none.",
            );
            return;
        }
        self.request_pick(PickRequest {
            purpose: Purpose::ExportClientReport,
            kind: DialogKind::SaveFile {
                file_name: SUGGESTED_FILE_NAME.to_owned(),
            },
            title: "Export the client report (PDF)".to_owned(),
            filters: vec![("PDF document".to_owned(), vec!["pdf".to_owned()])],
            start_dir: self.state.store.folder.clone(),
        });
    }

    /// Typesets the client report of the comparison set and writes it to `path` (final,
    /// canonical), off the UI thread; a notice names the file, or says what went wrong.
    pub(super) fn export_client_report(&mut self, path: PathBuf, expect: Expect) {
        let roles = self.report_roles();
        if roles.is_empty() {
            self.state.notify(
                true,
                "The roles to compare are no longer open: no report was written.",
            );
            return;
        }
        let template_override = self
            .state
            .data_dir
            .as_ref()
            .map(|dir| dir.join(TEMPLATE_FILE_NAME));
        // The comparison's title (the client's initials, say) heads the report.
        let title = self.state.comparison.title().to_owned();
        let paper = self.state.settings.paper;
        let what = format!(
            "the client report ({})",
            crate::fmt::count(roles.len(), "role", "roles")
        );
        let warnings = self.io.sender();
        let named = path.clone();
        let make = move || {
            let template = chosen_template(template_override);
            let data = ReportData::new(Some(&title), ReportDate::today(), &roles).on_paper(paper);
            let rendered = client_report::render_pdf(&data, &template)
                .map_err(|e| format!("{}: {e}", named.display()))?;
            if let Some(problem) = rendered.template_problem {
                warnings.done(Done::Warning(problem));
            }
            Ok(rendered.pdf)
        };
        self.write_export(what, path, expect, Content::Make(Box::new(make)));
    }

    /// The roles of the comparison set, each with the framework the window shows it under and
    /// its options under "where to look next" resolved in the open library.
    fn report_roles(&self) -> Vec<ReportRole> {
        let state = &self.state;
        let (ids, library_roles): (Vec<DocId>, Vec<LibraryRole<'_>>) =
            open_library(&state.store).unzip();
        let library = Library::new(&library_roles);
        comparison_set(state)
            .0
            .iter()
            .map(|compared| {
                let assessment = compared.doc.assessment();
                let missing = state
                    .view_under
                    .is_none()
                    .then(|| state.frameworks.resolve(assessment).missing)
                    .flatten();
                let source = ids.iter().position(|&id| id == compared.id);
                let result = compared.doc.breakdown().final_result();
                ReportRole {
                    assessment: assessment.clone(),
                    framework: state.framework_for(assessment).clone(),
                    missing_framework: missing,
                    options: library.pathway(assessment, result, source).figures(),
                }
            })
            .collect()
    }
}

/// The open library as `pathways` takes it: every document that loaded, with its id and its
/// final result as the window shows it.
pub(super) fn open_library(store: &Store) -> impl Iterator<Item = (DocId, LibraryRole<'_>)> {
    store.entries().iter().filter_map(|entry| {
        let doc = entry.doc()?;
        let role = LibraryRole {
            file: &entry.path,
            assessment: doc.assessment(),
            result: doc.breakdown().final_result(),
        };
        Some((entry.id, role))
    })
}

/// The organisation's template in the data folder when there is one, else the shipped one.
/// Looks at the disk: runs on a worker thread.
fn chosen_template(candidate: Option<PathBuf>) -> Template {
    candidate
        .filter(|path| disk::is_file(path))
        .map_or(Template::Shipped, Template::File)
}
