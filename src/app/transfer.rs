//! Import of published text (from files or pasted) and export of the selected role as published
//! text or a Markdown report. Imports are reviewed first: the differences between the figures the
//! text states and the recomputation are shown before the assessment joins the library.

use std::path::{Path, PathBuf};

use egui::{RichText, Ui};

use super::jobs::Done;
use super::picker::{DialogKind, ExportFormat, PickRequest, Purpose};
use super::store::DocId;
use super::{Action, AijriApp, Tab, View};
use crate::export::markdown_report;
use crate::library;
use crate::model::Assessment;
use crate::text_format;
use crate::validate::Difference;

/// The import dialogs' state: the paste window's text while it is open, and the imports waiting
/// for review.
#[derive(Debug, Default)]
pub struct TransferView {
    /// The paste window's text, while the window is open.
    pub paste: Option<String>,
    /// Imported assessments the user has yet to review.
    pub pending: Vec<PendingImport>,
}

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
            start_dir: self.state.store.folder.clone(),
        });
    }

    /// Reads published text files off the UI thread; [`Done::TextsRead`] brings them to
    /// [`AijriApp::import_text`].
    pub(super) fn read_texts(&mut self, paths: Vec<PathBuf>) {
        self.jobs.spawn("read-texts", move || {
            Done::TextsRead(
                paths
                    .into_iter()
                    .map(|path| {
                        let text = read_text(&path);
                        (path, text)
                    })
                    .collect(),
            )
        });
    }

    /// Imports one text; `source` names it in messages.
    pub fn import_text(&mut self, text: &str, source: &str) {
        match text_format::import(text) {
            Ok(imported) => self.views.transfer.pending.push(PendingImport {
                source: source.to_owned(),
                assessment: imported.assessment,
                differences: imported.differences,
            }),
            Err(error) => self.state.notify(true, format!("{source}: {error}")),
        }
    }

    /// Adds the reviewed imports to the library as new, unsaved assessments and selects the last.
    pub(super) fn accept_imports(&mut self) {
        for pending in std::mem::take(&mut self.views.transfer.pending) {
            let mut assessment = pending.assessment;
            if assessment.meta.source.is_empty()
                || assessment.meta.source == text_format::IMPORTED_SOURCE
            {
                assessment.meta.source = format!("imported from {}", pending.source);
            }
            self.add_new(assessment, None);
        }
        self.state.view = View::Editor;
        self.views.editor.tab = Tab::Score;
    }

    /// Asks where to export a document.
    pub(super) fn ask_role_export(&mut self, id: DocId, format: ExportFormat) {
        let Some(doc) = self.state.store.doc(id) else {
            return;
        };
        let stem = library::file_name_for(&doc.assessment().role.title);
        let stem = stem.trim_end_matches(library::EXTENSION);
        self.request_pick(PickRequest {
            purpose: Purpose::Export(id, format),
            kind: DialogKind::SaveFile {
                file_name: format!("{stem}.{}", format.extension()),
            },
            title: format!("Export {}", format.label().to_lowercase()),
            filters: vec![(format.label().into(), vec![format.extension().into()])],
            start_dir: self.state.store.folder.clone(),
        });
    }

    /// Writes a document in a format to `path`, off the UI thread. A document closed meanwhile
    /// is not exported, and the user is told.
    pub(super) fn export_to(&mut self, id: DocId, format: ExportFormat, path: PathBuf) {
        let Some(doc) = self.state.store.doc(id) else {
            self.state
                .notify(true, "That role is no longer open: nothing was exported.");
            return;
        };
        let framework = self.state.framework_for(doc.assessment());
        let text = match format {
            ExportFormat::Text => text_format::export(doc.assessment(), framework),
            ExportFormat::Markdown => {
                markdown_report(doc.assessment(), doc.breakdown(), framework, doc.findings())
            }
        };
        let what = format.label().to_lowercase();
        self.jobs.spawn("export", move || Done::Written {
            what,
            result: library::write_atomic(&path, text.as_bytes())
                .map(|()| path)
                .map_err(|e| e.to_string()),
        });
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

impl TransferView {
    /// Opens the paste window, empty.
    pub fn open_paste(&mut self) {
        self.paste = Some(String::new());
    }

    /// Shows the paste window and the import review, when open.
    pub fn ui(&mut self, ctx: &egui::Context, actions: &mut Vec<Action>) {
        self.paste_ui(ctx, actions);
        review_ui(ctx, &self.pending, actions);
    }

    /// The paste window: a text area for an assessment copied from a web page.
    fn paste_ui(&mut self, ctx: &egui::Context, actions: &mut Vec<Action>) {
        let Some(text) = &mut self.paste else { return };
        let mut import = false;
        let mut cancel = false;
        egui::Modal::new(egui::Id::unique("paste")).show(ctx, |ui| {
            ui.set_width(720.0);
            ui.heading("Paste assessment text");
            let intro = ui.label("Paste (Ctrl+V) a published AIJRI assessment, as copied from a web page, then import it.");
            egui::ScrollArea::vertical().max_height(420.0).show(ui, |ui| {
                ui.add(
                    egui::TextEdit::multiline(text)
                        .hint_text("Role Definition\n| Field | Value |\n…")
                        .desired_rows(18)
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(intro.id);
            });
            ui.horizontal(|ui| {
                import = ui.add_enabled(!text.trim().is_empty(), egui::Button::new("Import pasted text")).clicked();
                cancel = ui.button("Cancel").clicked();
            });
        });
        if import {
            if let Some(text) = self.paste.take() {
                actions.push(Action::ImportPasted(text));
            }
        } else if cancel {
            self.paste = None;
        }
    }
}

/// The review window: what was imported and which published figures differ from ours.
fn review_ui(ctx: &egui::Context, pending: &[PendingImport], actions: &mut Vec<Action>) {
    if pending.is_empty() {
        return;
    }
    egui::Modal::new(egui::Id::unique("import review")).show(ctx, |ui| {
        ui.set_width(640.0);
        ui.heading("Review the import");
        for one in pending {
            review_one(ui, one);
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Add to library").clicked() {
                actions.push(Action::AcceptImports);
            }
            if ui.button("Discard import").clicked() {
                actions.push(Action::DiscardImports);
            }
        });
    });
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
