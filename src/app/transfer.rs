//! Import of published text (from files or pasted) and export of the selected role as published
//! text or a Markdown report. Imports are reviewed first: the differences between the figures the
//! text states and the recomputation are shown before the assessment joins the library.
//!
//! Every import — a file, a drop, a paste of text or of a web page — is read on a job thread: a
//! page of any size or shape costs the window nothing, and one that cannot be imported becomes a
//! notice naming it.

use std::path::{Path, PathBuf};

use egui::{RichText, Ui};

use super::io::{Content, Done, QueueKey, WriteOf, WriteRequest};
use super::picker::{DialogKind, ExportFormat, PickRequest, Purpose};
use super::store::DocId;
use super::{Action, AijriApp, Tab, View};
use crate::export::markdown_report;
use crate::library;
use crate::library::Expect;
use crate::model::Assessment;
use crate::text_format::{self, Imported, LeftOut};
use crate::validate::Difference;

/// The import dialogs' state: the paste window's text while it is open, and the imports waiting
/// for review.
#[derive(Debug, Default)]
pub struct TransferView {
    /// The paste window's text, while the window is open.
    pub paste: Option<String>,
    /// The HTML the clipboard offered with the last paste into the window: imported instead of
    /// the text, until the text is edited.
    pub pasted_html: Option<String>,
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
    /// The lines left out as a copied page's footer.
    pub footer: Option<LeftOut>,
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

/// Where a text to import comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum Source {
    /// Text pasted into the window.
    Text(String),
    /// A web page the clipboard held as HTML.
    Html(String),
    /// A file: published text or a saved web page.
    File(PathBuf),
}

/// Reads (a file, at most the size limit) and imports one source. Runs on a worker thread: a
/// page of any shape is read there, with the reader's own bounds.
fn import_source(source: Source) -> Result<Box<Imported>, String> {
    let imported = match source {
        Source::Text(text) => text_format::import(&text),
        Source::Html(html) => text_format::import_html(&html),
        Source::File(path) => {
            let content = library::disk::read_text(&path).map_err(|e| e.to_string())?;
            text_format::import_file_content(Some(&path), &content)
        }
    };
    imported.map(Box::new).map_err(|e| e.to_string())
}

impl AijriApp {
    /// Asks for published text files or saved web pages to import.
    pub(super) fn ask_import(&mut self) {
        self.request_pick(PickRequest {
            purpose: Purpose::ImportText,
            kind: DialogKind::OpenFiles,
            title: "Import published text".into(),
            filters: vec![(
                "Published assessment text or web page".into(),
                IMPORTED_EXTENSIONS.iter().map(|&e| e.into()).collect(),
            )],
            start_dir: self.state.store.folder.clone(),
        });
    }

    /// Opens or imports files dropped onto the window: saved comparisons open in Compare,
    /// assessment files join the library (see [`AijriApp::load_paths`]), published texts and
    /// saved web pages are imported (see [`AijriApp::read_texts`]); anything else is refused with
    /// a notice naming it.
    pub(super) fn open_dropped(&mut self, paths: Vec<PathBuf>) {
        let (comparisons, paths): (Vec<PathBuf>, Vec<PathBuf>) = paths
            .into_iter()
            .partition(|p| crate::comparison::is_comparison_file(p));
        for comparison in comparisons {
            self.open_comparison(comparison);
        }
        let (assessments, others): (Vec<PathBuf>, Vec<PathBuf>) = paths
            .into_iter()
            .partition(|p| library::is_assessment_file(p));
        let (texts, refused): (Vec<PathBuf>, Vec<PathBuf>) =
            others.into_iter().partition(|p| is_importable(p));
        for path in refused {
            self.state.notify(
                true,
                format!(
                    "{}: not opened: drop assessment files ({}), saved comparisons, published texts (.txt) or saved web pages (.html)",
                    path.display(),
                    library::EXTENSION
                ),
            );
        }
        if !assessments.is_empty() {
            self.load_paths(assessments);
        }
        if !texts.is_empty() {
            self.read_texts(texts);
        }
    }

    /// Imports published text files and saved web pages, read off the UI thread.
    pub(super) fn read_texts(&mut self, paths: Vec<PathBuf>) {
        let sources = paths
            .into_iter()
            .map(|path| (path.display().to_string(), Source::File(path)))
            .collect();
        self.import_texts(sources);
    }

    /// Imports texts, pages and files on a worker thread; [`Done::Imported`] brings each one up
    /// for review, or a notice naming it and what is wrong.
    pub(super) fn import_texts(&mut self, sources: Vec<(String, Source)>) {
        self.io.spawn("import", move || {
            Done::Imported(
                sources
                    .into_iter()
                    .map(|(name, source)| (name, import_source(source)))
                    .collect(),
            )
        });
    }

    /// Reads the HTML the clipboard offers on a job thread ([`Done::ClipboardHtml`]): egui hands a
    /// paste over as text only.
    pub(super) fn read_clipboard_html(&mut self) {
        self.io.spawn("clipboard", || {
            let html = arboard::Clipboard::new().and_then(|mut c| c.get().html());
            Done::ClipboardHtml(html.ok().filter(|h| !h.trim().is_empty()))
        });
    }

    /// Imports arrived: each is put up for review, or its failure becomes a notice naming it.
    pub(super) fn imported(&mut self, imports: Vec<(String, Result<Box<Imported>, String>)>) {
        for (source, result) in imports {
            match result {
                Ok(imported) => {
                    let imported = *imported;
                    self.views.transfer.pending.push(PendingImport {
                        source,
                        assessment: imported.assessment,
                        differences: imported.differences,
                        footer: imported.footer,
                    });
                }
                Err(error) => self.state.notify(true, format!("{source}: {error}")),
            }
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

    /// Writes a document in a format to `path` (final, canonical), expecting `expect` there. A
    /// document closed meanwhile is not exported, and the user is told.
    pub(super) fn export_to(
        &mut self,
        id: DocId,
        format: ExportFormat,
        path: PathBuf,
        expect: Expect,
    ) {
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
        self.write_export(
            format!("the {}", format.label().to_lowercase()),
            path,
            expect,
            Content::Bytes(text.into_bytes()),
        );
    }

    /// Queues the write of an export (a file written once) to `path`, expecting `expect` there.
    pub(super) fn write_export(
        &mut self,
        what: String,
        path: PathBuf,
        expect: Expect,
        content: Content,
    ) {
        self.io.write(WriteRequest {
            key: QueueKey::File(path.clone()),
            path,
            expect,
            content,
            make_folder: false,
            of: WriteOf::Export { what },
        });
    }
}

/// The file name extensions File → Import and drag and drop import: published text and web pages.
const IMPORTED_EXTENSIONS: [&str; 4] = ["txt", "md", "html", "htm"];

/// Whether a file is one to import (see [`IMPORTED_EXTENSIONS`]).
fn is_importable(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        IMPORTED_EXTENSIONS
            .iter()
            .any(|x| e.eq_ignore_ascii_case(x))
    })
}

impl TransferView {
    /// Opens the paste window, empty.
    pub fn open_paste(&mut self) {
        self.paste = Some(String::new());
        self.pasted_html = None;
    }

    /// The clipboard's HTML after a paste arrived: kept while the paste window is open.
    pub fn clipboard_html(&mut self, html: Option<String>) {
        if self.paste.is_some() {
            self.pasted_html = html;
        }
    }

    /// Shows the paste window and the import review, when open.
    pub fn ui(&mut self, ctx: &egui::Context, actions: &mut Vec<Action>) {
        self.paste_ui(ctx, actions);
        review_ui(ctx, &self.pending, actions);
    }

    /// The paste window: a text area for an assessment copied from a web page. A paste also
    /// asks for the clipboard's HTML, which is imported instead of the text when offered.
    fn paste_ui(&mut self, ctx: &egui::Context, actions: &mut Vec<Action>) {
        let Some(text) = &mut self.paste else { return };
        let mut import = false;
        let mut cancel = false;
        let mut edited = false;
        let pasted = ctx.input(|i| i.events.iter().any(|e| matches!(e, egui::Event::Paste(_))));
        let has_html = self.pasted_html.is_some();
        let modal = egui::Modal::new(egui::Id::unique("paste")).show(ctx, |ui| {
            ui.set_width(720.0);
            ui.heading("Paste assessment text");
            let intro = ui.label("Paste (Ctrl+V) a published AIJRI assessment, as copied from a web page, then import it.");
            egui::ScrollArea::vertical().max_height(420.0).show(ui, |ui| {
                edited = ui
                    .add(
                        egui::TextEdit::multiline(text)
                            .hint_text("Role Definition\n| Field | Value |\n…")
                            .desired_rows(18)
                            .desired_width(f32::INFINITY),
                    )
                    .labelled_by(intro.id)
                    .changed();
            });
            if has_html {
                ui.label("The clipboard also held the page as HTML: the page is imported (edit the text to import the text instead).");
            }
            ui.horizontal(|ui| {
                import = ui.add_enabled(!text.trim().is_empty() || has_html, egui::Button::new("Import pasted text")).clicked();
                cancel = ui.button("Cancel").clicked();
            });
        });
        // Escape (or a click outside) cancels.
        cancel |= modal.should_close();
        if pasted {
            actions.push(Action::ReadClipboardHtml);
        } else if edited {
            self.pasted_html = None;
        }
        if import {
            let html = self.pasted_html.take();
            if let Some(text) = self.paste.take() {
                actions.push(html.map_or(Action::ImportPasted(text), Action::ImportPastedHtml));
            }
        } else if cancel {
            self.paste = None;
            self.pasted_html = None;
        }
    }
}

/// The review window: what was imported and which published figures differ from ours.
fn review_ui(ctx: &egui::Context, pending: &[PendingImport], actions: &mut Vec<Action>) {
    if pending.is_empty() {
        return;
    }
    let modal = egui::Modal::new(egui::Id::unique("import review")).show(ctx, |ui| {
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
    // Escape cancels the import.
    if modal.should_close() {
        actions.push(Action::DiscardImports);
    }
}

fn review_one(ui: &mut Ui, pending: &PendingImport) {
    let a = &pending.assessment;
    ui.label(RichText::new(format!("{} — from {}", a.display_title(), pending.source)).strong());
    if let Some(footer) = pending.footer {
        ui.label(format!("The text's {footer}."));
    }
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
