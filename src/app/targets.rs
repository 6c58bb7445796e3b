//! Where a save dialog's answer leads: the one place that adds a file's extension, and the one
//! question before replacing a file. Every dialog that chooses a file to write (Save as, Save as
//! variant, Save framework as, Save comparison, every export) comes here: the chosen path is made
//! final (extension added, canonical) off the UI thread, and when a file is there that is not the
//! document's own — or a role open in the window lives there — the user is asked Replace / Cancel,
//! naming the file, before anything is written.

use std::path::{Path, PathBuf};

use super::AijriApp;
use super::io::Done;
use super::picker::{CsvScope, ExportFormat, Purpose};
use super::questions::{Question, Replacement};
use crate::comparison::COMPARISON_EXTENSION;
use crate::framework::FRAMEWORK_EXTENSION;
use crate::library::{self, Expect, FileStamp, disk};

/// The kinds of file the program writes, each with its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// `*.aijri.json`.
    Assessment,
    /// `*.aijri-compare.json`.
    Comparison,
    /// `*.aijri-framework.json`.
    Framework,
    /// `*.pdf`.
    Pdf,
    /// `*.png`.
    Png,
    /// `*.csv`.
    Csv,
    /// `*.txt`.
    Text,
    /// `*.md`.
    Markdown,
}

impl FileKind {
    /// The extension, with its dot.
    #[must_use]
    pub fn extension(self) -> &'static str {
        match self {
            Self::Assessment => library::EXTENSION,
            Self::Comparison => COMPARISON_EXTENSION,
            Self::Framework => FRAMEWORK_EXTENSION,
            Self::Pdf => ".pdf",
            Self::Png => ".png",
            Self::Csv => ".csv",
            Self::Text => ".txt",
            Self::Markdown => ".md",
        }
    }

    /// The file a chosen path means: the path itself when its name ends with the extension (in any
    /// case), else the name with the extension added — a name ending in `.json` becomes the
    /// program's own kind of JSON file (`role.json` → `role.aijri.json`).
    #[must_use]
    pub fn final_path(self, chosen: &Path) -> PathBuf {
        let extension = self.extension();
        if library::has_extension(chosen, extension) {
            return chosen.to_owned();
        }
        let name = super::store::file_name(chosen);
        let stem = if extension.ends_with(".json") {
            strip_suffix_ignoring_case(&name, ".json")
        } else {
            &name
        };
        chosen.with_file_name(format!("{stem}{extension}"))
    }

    /// The kind of file a dialog chooses to write, if it chooses one to write.
    #[must_use]
    pub fn written_for(purpose: &Purpose) -> Option<Self> {
        Some(match purpose {
            Purpose::SaveAs(_) | Purpose::SaveVariant(_) => Self::Assessment,
            Purpose::SaveFramework(_) => Self::Framework,
            Purpose::SaveComparison => Self::Comparison,
            Purpose::Export(_, ExportFormat::Text) => Self::Text,
            Purpose::Export(_, ExportFormat::Markdown) => Self::Markdown,
            Purpose::ExportCsv(CsvScope::Library | CsvScope::Comparison) => Self::Csv,
            Purpose::ExportChartPng | Purpose::ExportPathwaysPng => Self::Png,
            Purpose::ExportClientReport => Self::Pdf,
            Purpose::OpenFiles
            | Purpose::OpenFolder
            | Purpose::OpenFramework
            | Purpose::ImportText
            | Purpose::OpenComparison => return None,
        })
    }
}

/// `name` without `suffix` at its end (compared ignoring ASCII case).
fn strip_suffix_ignoring_case<'a>(name: &'a str, suffix: &str) -> &'a str {
    let cut = name.len().saturating_sub(suffix.len());
    match name.get(cut..) {
        Some(tail) if cut > 0 && tail.eq_ignore_ascii_case(suffix) => &name[..cut],
        _ => name,
    }
}

impl AijriApp {
    /// A save dialog chose `chosen` for `purpose`: its final path is found off the UI thread, then
    /// [`AijriApp::target_resolved`] asks or goes ahead.
    pub(super) fn resolve_target(
        &mut self,
        purpose: Purpose,
        chosen: PathBuf,
        replace_asked: bool,
    ) {
        let Some(kind) = FileKind::written_for(&purpose) else {
            return;
        };
        self.io.spawn("resolve-target", move || {
            let path = disk::canonical(&kind.final_path(&chosen));
            let existing = disk::stamp_of(&path).ok();
            // A dialog's own question covers the file it showed, not one the extension led to.
            let replace_asked = replace_asked && disk::canonical(&chosen) == path;
            Done::TargetResolved {
                purpose,
                path,
                existing,
                replace_asked,
            }
        });
    }

    /// The final path of a save dialog's answer: written to at once when nothing is there (or it
    /// is the document's own file), otherwise only once the user agreed to replace it.
    pub(super) fn target_resolved(
        &mut self,
        purpose: Purpose,
        path: PathBuf,
        existing: Option<FileStamp>,
        replace_asked: bool,
    ) {
        if self.own_file(&purpose).as_deref() == Some(path.as_path()) {
            let expect = self.own_expectation(&purpose);
            self.write_target(purpose, path, expect);
            return;
        }
        let open = self.state.store.by_path(&path);
        if open.is_some() || (existing.is_some() && !replace_asked) {
            self.ask(Question::Replace {
                path,
                open,
                then: Replacement::Target { purpose, existing },
            });
            return;
        }
        let expect = match (existing, replace_asked) {
            (Some(stamp), true) => Expect::Stamp(stamp),
            _ => Expect::Absent,
        };
        self.write_target(purpose, path, expect);
    }

    /// The file a dialog's document already lives in, when the dialog saves a document.
    fn own_file(&self, purpose: &Purpose) -> Option<PathBuf> {
        match purpose {
            Purpose::SaveAs(id) => self.state.store.path(*id).map(Path::to_path_buf),
            Purpose::SaveFramework(id) => self.state.framework_docs.file(id).map(Path::to_path_buf),
            Purpose::SaveComparison => self.state.comparison.file.clone(),
            _ => None,
        }
    }

    /// What a document's own file should hold before it is saved over.
    fn own_expectation(&self, purpose: &Purpose) -> Expect {
        match purpose {
            Purpose::SaveAs(id) => self
                .state
                .store
                .doc(*id)
                .map_or(Expect::Absent, super::store::Document::expected),
            Purpose::SaveFramework(id) => self.state.framework_docs.expected(id),
            Purpose::SaveComparison => self.state.comparison.expected(),
            _ => Expect::Absent,
        }
    }

    /// Writes what `purpose` asked for to its final path, expecting `expect` there.
    pub(super) fn write_target(&mut self, purpose: Purpose, path: PathBuf, expect: Expect) {
        match purpose {
            Purpose::SaveAs(id) => self.save_as(id, path, expect),
            Purpose::SaveVariant(id) => self.prepare_variant(id, path, expect),
            Purpose::SaveFramework(id) => self.save_framework(&id, path, expect),
            Purpose::SaveComparison => self.save_comparison(path, expect),
            Purpose::Export(id, format) => self.export_to(id, format, path, expect),
            Purpose::ExportCsv(scope) => self.export_csv(scope, path, expect),
            Purpose::ExportChartPng => self.export_chart(path, expect),
            Purpose::ExportPathwaysPng => self.export_pathways_chart(path, expect),
            Purpose::ExportClientReport => self.export_client_report(path, expect),
            Purpose::OpenFiles
            | Purpose::OpenFolder
            | Purpose::OpenFramework
            | Purpose::ImportText
            | Purpose::OpenComparison => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_extension_is_added_once_and_json_names_become_the_programs_kind() {
        let cases = [
            (
                FileKind::Assessment,
                "/lib/junior",
                "/lib/junior.aijri.json",
            ),
            (
                FileKind::Assessment,
                "/lib/junior.json",
                "/lib/junior.aijri.json",
            ),
            (
                FileKind::Assessment,
                "/lib/junior.JSON",
                "/lib/junior.aijri.json",
            ),
            (
                FileKind::Assessment,
                "/lib/a.aijri.json",
                "/lib/a.aijri.json",
            ),
            (
                FileKind::Assessment,
                "/lib/a.AIJRI.JSON",
                "/lib/a.AIJRI.JSON",
            ),
            (FileKind::Comparison, "/c/js", "/c/js.aijri-compare.json"),
            (
                FileKind::Framework,
                "/f/x.json",
                "/f/x.aijri-framework.json",
            ),
            (FileKind::Pdf, "/out/report", "/out/report.pdf"),
            (FileKind::Pdf, "/out/report.PDF", "/out/report.PDF"),
            (FileKind::Png, "/out/chart.jpeg", "/out/chart.jpeg.png"),
            (FileKind::Markdown, "/out/r", "/out/r.md"),
        ];
        for (kind, chosen, expected) in cases {
            assert_eq!(
                kind.final_path(Path::new(chosen)),
                PathBuf::from(expected),
                "{kind:?} {chosen}"
            );
        }
    }
}
