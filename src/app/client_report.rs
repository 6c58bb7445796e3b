//! File → Export → Client report (PDF)…: the comparison set (or the selected role) as the client
//! report under the comparison's title, through the save dialog, typeset and written off the UI
//! thread.
//!
//! The layout is the shipped template, or `client-report.typ` in the data folder when there is
//! one (an organisation's own: name, logo, colours); a template with an error is named in a
//! notice with its line, and the shipped one is used.

use std::path::{Path, PathBuf};

use super::compare::comparison_set;
use super::compare::png::with_extension;
use super::jobs::Done;
use super::picker::{DialogKind, PickRequest, Purpose};
use super::{AijriApp, data_dir};
use crate::client_report::{
    self, ReportData, ReportDate, ReportRole, TEMPLATE_FILE_NAME, Template,
};
use crate::library;

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

    /// Typesets the client report of the comparison set and writes it to `path`, off the UI
    /// thread; a notice names the file, or says what went wrong.
    pub(super) fn export_client_report(&mut self, path: &Path) {
        let path = with_extension(path, "pdf");
        let roles = self.report_roles();
        if roles.is_empty() {
            self.state.notify(
                true,
                "The roles to compare are no longer open: no report was written.",
            );
            return;
        }
        let template_override = data_dir().map(|dir| dir.join(TEMPLATE_FILE_NAME));
        // The comparison's title (the client's initials, say) heads the report.
        let title = self.state.comparison.title.clone();
        self.jobs.spawn_reporting("client-report", move |reporter| {
            let template = chosen_template(template_override);
            let data = ReportData::new(Some(&title), ReportDate::today(), &roles);
            match write_report(&data, &template, path) {
                Ok((written, problem)) => {
                    if let Some(problem) = problem {
                        reporter.send(Done::Warning(problem));
                    }
                    Done::Written {
                        what: format!(
                            "the client report ({})",
                            crate::fmt::count(roles.len(), "role", "roles")
                        ),
                        result: Ok(written),
                    }
                }
                Err(message) => Done::Written {
                    what: "the client report".to_owned(),
                    result: Err(message),
                },
            }
        });
    }

    /// The roles of the comparison set, each with the framework the window shows it under.
    fn report_roles(&self) -> Vec<ReportRole> {
        let state = &self.state;
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
                ReportRole {
                    assessment: assessment.clone(),
                    framework: state.framework_for(assessment).clone(),
                    missing_framework: missing,
                }
            })
            .collect()
    }
}

/// The organisation's template in the data folder when there is one, else the shipped one.
fn chosen_template(candidate: Option<PathBuf>) -> Template {
    candidate
        .filter(|path| path.is_file())
        .map_or(Template::Shipped, Template::File)
}

/// Renders the PDF and writes it atomically: the file written and the template's problem, if it
/// had one; or the error naming the file.
fn write_report(
    data: &ReportData,
    template: &Template,
    path: PathBuf,
) -> Result<(PathBuf, Option<String>), String> {
    let rendered = client_report::render_pdf(data, template)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    library::write_atomic(&path, &rendered.pdf).map_err(|e| e.to_string())?;
    Ok((path, rendered.template_problem))
}
