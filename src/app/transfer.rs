//! Import of published text (from files or pasted) and export of the selected role as published
//! text or a Markdown report. Imports are reviewed first: the differences between the figures the
//! text states and the recomputation are shown before the assessment joins the library.

use std::path::{Path, PathBuf};

use egui::{RichText, Ui};

use super::picker::{DialogKind, ExportFormat, PickRequest, Purpose};
use super::state::Entry;
use super::{Action, AijriApp, Tab, View};
use crate::export::markdown_report;
use crate::library;
use crate::model::Assessment;
use crate::text_format;
use crate::validate::Difference;

/// An imported assessment waiting for the user to accept it.
#[derive(Debug, Clone, PartialEq)]
pub struct PendingImport {
    /// Where the text came from: a file name, or "pasted text".
    pub source: String,
    /// The assessment read from the text.
    pub assessment: Assessment,
    /// The stated figures that differ from the recomputation.
    pub differences: Vec<Difference>,
}

impl ExportFormat {
    /// The format's name in menus and dialog titles.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Text => "Published text",
            Self::Markdown => "Markdown report",
        }
    }

    fn extension(self) -> &'static str {
        match self {
            Self::Text => "txt",
            Self::Markdown => "md",
        }
    }
}

impl AijriApp {
    /// Asks for published text files to import.
    pub(super) fn ask_import(&mut self) {
        self.request_pick(PickRequest {
            purpose: Purpose::ImportText,
            kind: DialogKind::OpenFiles,
            title: "Import published text".into(),
            filters: vec![(
                "Published assessment text".into(),
                vec!["txt".into(), "md".into()],
            )],
            start_dir: self.library.folder.clone(),
        });
    }

    /// Reads published text files; each one that imports waits for review, each one that fails
    /// becomes a notice naming the file and the line.
    pub(super) fn import_files(&mut self, paths: &[PathBuf]) {
        for path in paths {
            match read_text(path) {
                Ok(text) => self.import_text(&text, &path.display().to_string()),
                Err(message) => self.notify(true, message),
            }
        }
    }

    /// Imports one text; `source` names it in messages.
    pub fn import_text(&mut self, text: &str, source: &str) {
        match text_format::import(text) {
            Ok(imported) => self.pending_imports.push(PendingImport {
                source: source.to_owned(),
                assessment: imported.assessment,
                differences: imported.differences,
            }),
            Err(error) => self.notify(true, format!("{source}: {error}")),
        }
    }

    /// Adds the reviewed imports to the library as new, unsaved assessments and selects the last.
    pub(super) fn accept_imports(&mut self) {
        for pending in std::mem::take(&mut self.pending_imports) {
            let mut assessment = pending.assessment;
            if assessment.meta.source.is_empty()
                || assessment.meta.source == text_format::IMPORTED_SOURCE
            {
                assessment.meta.source = format!("imported from {}", pending.source);
            }
            self.add_new(assessment, None);
        }
        self.view = View::Editor;
        self.tab = Tab::Score;
    }

    /// Asks where to export the selected role.
    pub(super) fn ask_role_export(&mut self, format: ExportFormat) {
        let Some(index) = self.selected else { return };
        let Some(doc) = self.library.entries.get(index).and_then(Entry::doc) else {
            return;
        };
        let stem = library::file_name_for(&doc.assessment.role.title);
        let stem = stem.trim_end_matches(library::EXTENSION);
        self.request_pick(PickRequest {
            purpose: Purpose::Export(index, format),
            kind: DialogKind::SaveFile {
                file_name: format!("{stem}.{}", format.extension()),
            },
            title: format!("Export {}", format.label().to_lowercase()),
            filters: vec![(format.label().into(), vec![format.extension().into()])],
            start_dir: self.library.folder.clone(),
        });
    }

    /// Writes the entry at `index` in a format to `path`.
    pub(super) fn export_to(&mut self, index: usize, format: ExportFormat, path: &Path) {
        let Some(doc) = self.library.entries.get(index).and_then(Entry::doc) else {
            return;
        };
        let text = match format {
            ExportFormat::Text => text_format::export(&doc.assessment, &self.framework),
            ExportFormat::Markdown => markdown_report(
                &doc.assessment,
                &doc.breakdown,
                &self.framework,
                &doc.findings,
            ),
        };
        match library::write_atomic(path, text.as_bytes()) {
            Ok(()) => self.notify(false, format!("Exported {}", path.display())),
            Err(error) => self.notify(true, error.to_string()),
        }
    }
}

/// Reads a text file of at most the library's size limit, as UTF-8 (invalid bytes replaced).
fn read_text(path: &Path) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
    if bytes.len() as u64 > library::MAX_FILE_BYTES {
        return Err(format!(
            "{}: the file is {} bytes; a text to import may be at most 5 MB",
            path.display(),
            bytes.len()
        ));
    }
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// The paste window: a text area for an assessment copied from a web page.
pub fn paste_ui(ctx: &egui::Context, app: &mut AijriApp) {
    let Some(text) = &mut app.paste else { return };
    let mut import = false;
    let mut cancel = false;
    egui::Modal::new(egui::Id::unique("paste")).show(ctx, |ui| {
        ui.set_width(720.0);
        ui.heading("Paste assessment text");
        ui.label("Paste (Ctrl+V) a published AIJRI assessment, as copied from a web page, then import it.");
        egui::ScrollArea::vertical().max_height(420.0).show(ui, |ui| {
            ui.add(
                egui::TextEdit::multiline(text)
                    .hint_text("Role Definition\n| Field | Value |\n…")
                    .desired_rows(18)
                    .desired_width(f32::INFINITY),
            );
        });
        ui.horizontal(|ui| {
            import = ui.add_enabled(!text.trim().is_empty(), egui::Button::new("Import pasted text")).clicked();
            cancel = ui.button("Cancel").clicked();
        });
    });
    if import {
        app.emit(Action::ImportPasted);
    } else if cancel {
        app.paste = None;
    }
}

/// The review window: what was imported and which published figures differ from ours.
pub fn review_ui(ctx: &egui::Context, app: &mut AijriApp) {
    if app.pending_imports.is_empty() {
        return;
    }
    let mut answer = None;
    egui::Modal::new(egui::Id::unique("import review")).show(ctx, |ui| {
        ui.set_width(640.0);
        ui.heading("Review the import");
        for pending in &app.pending_imports {
            review_one(ui, pending);
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Add to library").clicked() {
                answer = Some(Action::AcceptImports);
            }
            if ui.button("Discard import").clicked() {
                answer = Some(Action::DiscardImports);
            }
        });
    });
    if let Some(action) = answer {
        app.emit(action);
    }
}

fn review_one(ui: &mut Ui, pending: &PendingImport) {
    let a = &pending.assessment;
    ui.label(RichText::new(format!("{} — from {}", a.display_title(), pending.source)).strong());
    if pending.differences.is_empty() {
        ui.label("✓ Every figure the text states matches the recomputation.");
    }
    for d in &pending.differences {
        ui.label(
            RichText::new(format!(
                "≠ {}: the text states {}, recomputed {}",
                d.label, d.published, d.computed
            ))
            .color(ui.visuals().warn_fg_color),
        );
    }
}
