//! What the user can do, as values: panels emit [`Action`]s and [`AijriApp::apply`] carries them
//! out, asking first where edits could be lost. Tests drive the app through the same door.

use std::path::PathBuf;

use super::picker::{DialogKind, ExportFormat, PickRequest, PickResult, Purpose};
use super::state::{Doc, Entry};
use super::{AijriApp, Confirm, Tab, View};
use crate::library;
use crate::model::Assessment;

/// One thing the user asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Select the entry at this index.
    Select(usize),
    /// Show an editor tab.
    SetTab(Tab),
    /// Show a view of the central area.
    SetView(View),
    /// Open the tab of a field and scroll to it.
    GoToField(String),
    /// Put the entry in the comparison set or take it out.
    ToggleCompare(usize),
    /// A new assessment from the blank template.
    New,
    /// Ask for files to open.
    OpenFiles,
    /// Ask for a library folder to open.
    OpenFolder,
    /// Open these files into the library.
    OpenPaths(Vec<PathBuf>),
    /// Replace the library by this folder (asks first when edits are unsaved).
    OpenLibrary(PathBuf),
    /// Save the selected entry.
    Save,
    /// Save the selected entry under a new name.
    SaveAs,
    /// Save a copy of the selected entry with a new id.
    SaveVariant,
    /// Go back to the saved file (asks first).
    Revert,
    /// Undo the last edit of the selected entry.
    Undo,
    /// Redo the last undone edit.
    Redo,
    /// Switch between the dark and light themes.
    SetDarkMode(bool),
    /// Close the window (asks first when edits are unsaved).
    Quit,
    /// Remove a notice.
    DismissNotice(usize),
    /// Ask for published text files to import.
    ImportText,
    /// Open the window to paste published text into.
    PasteText,
    /// Import the text in the paste window.
    ImportPasted,
    /// Add the reviewed imports to the library.
    AcceptImports,
    /// Drop the reviewed imports.
    DiscardImports,
    /// Export the selected role in a format.
    Export(ExportFormat),
    /// Apply what-if changes to the selected role, as one undoable edit.
    ApplyWhatIf(Vec<crate::sensitivity::Change>),
    /// Ask where to save the comparison chart as PNG.
    ExportChartPng,
    /// Ask where to save a CSV of the library or of the comparison set.
    ExportCsv(super::compare::CsvScope),
    /// Answer to a question: save everything, then go on.
    ConfirmSave,
    /// Answer to a question: go on without saving.
    ConfirmDiscard,
    /// Answer to a question: do nothing.
    ConfirmCancel,
}

const ASSESSMENT_FILTER: (&str, &str) = ("AIJRI assessment", "json");

impl AijriApp {
    /// Carries out an action.
    pub fn apply(&mut self, action: Action) {
        match action {
            Action::Select(index) => self.select(index),
            Action::SetTab(tab) => self.tab = tab,
            Action::SetView(view) => self.view = view,
            Action::GoToField(field) => {
                self.view = View::Editor;
                self.tab = Tab::for_field(&field);
                self.jump_to = Some(field);
            }
            Action::ToggleCompare(index) => {
                if let Some(entry) = self.library.entries.get_mut(index) {
                    entry.compared = !entry.compared;
                }
            }
            Action::New => self.new_assessment(),
            Action::OpenFiles => self.ask_open(
                Purpose::OpenFiles,
                DialogKind::OpenFiles,
                "Open assessments",
            ),
            Action::OpenFolder => self.ask_open(
                Purpose::OpenFolder,
                DialogKind::OpenFolder,
                "Open library folder",
            ),
            Action::OpenPaths(paths) => self.open_paths(&paths),
            Action::OpenLibrary(folder) => {
                if self.library.any_dirty() {
                    self.confirm = Some(Confirm::UnsavedChanges {
                        then: Box::new(Action::OpenLibrary(folder)),
                    });
                } else {
                    self.open_library(folder);
                }
            }
            Action::Save => self.save_selected(false),
            Action::SaveAs => self.ask_save(false),
            Action::SaveVariant => self.ask_save(true),
            Action::Revert => self.ask_revert(),
            Action::Undo => self.with_selected_doc(|doc, fw| doc.undo(fw)),
            Action::Redo => self.with_selected_doc(|doc, fw| doc.redo(fw)),
            Action::SetDarkMode(dark) => {
                self.settings.dark_mode = Some(dark);
                if let Some(ctx) = &self.ctx {
                    self.settings.apply_theme(ctx);
                }
            }
            Action::Quit => {
                if self.library.any_dirty() && !self.close_allowed {
                    self.confirm = Some(Confirm::UnsavedChanges {
                        then: Box::new(Action::Quit),
                    });
                } else {
                    self.close_allowed = true;
                    self.close_now = true;
                }
            }
            Action::DismissNotice(index) => {
                if index < self.notices.len() {
                    self.notices.remove(index);
                }
            }
            Action::ImportText => self.ask_import(),
            Action::ApplyWhatIf(changes) => self.apply_what_if(&changes),
            Action::ExportChartPng => self.ask_export_chart(),
            Action::ExportCsv(scope) => self.ask_export_csv(scope),
            Action::PasteText => self.paste = Some(String::new()),
            Action::ImportPasted => {
                if let Some(text) = self.paste.take() {
                    self.import_text(&text, "pasted text");
                }
            }
            Action::AcceptImports => self.accept_imports(),
            Action::DiscardImports => self.pending_imports.clear(),
            Action::Export(format) => self.ask_role_export(format),
            Action::ConfirmSave => self.answer(true, true),
            Action::ConfirmDiscard => self.answer(true, false),
            Action::ConfirmCancel => self.answer(false, false),
        }
    }

    fn select(&mut self, index: usize) {
        if index < self.library.entries.len() {
            self.selected = Some(index);
            self.jump_to = None;
        }
    }

    fn with_selected_doc(
        &mut self,
        change: impl FnOnce(&mut Doc, &crate::framework::Framework) -> bool,
    ) {
        let Some(index) = self.selected else { return };
        let framework = &self.framework;
        if let Some(doc) = self.library.entries.get_mut(index).and_then(Entry::doc_mut)
            && change(doc, framework)
        {
            self.library.invalidate();
        }
    }

    /// Adds an assessment as a new, unsaved entry with a free file name in the library folder
    /// (or beside `near`), and selects it.
    pub(super) fn add_new(&mut self, assessment: Assessment, near: Option<&std::path::Path>) {
        let path = self.library.free_path(near, &assessment.role.title);
        let doc = Doc::new(assessment, None, &self.framework);
        let index = self.library.insert(Entry {
            path,
            content: Ok(doc),
            compared: false,
        });
        self.selected = Some(index);
    }

    fn new_assessment(&mut self) {
        let near = self.selected_path();
        self.add_new(Assessment::blank(), near.as_deref());
        self.view = View::Editor;
        self.tab = Tab::Overview;
        self.jump_to = Some("role.title".into());
    }

    fn selected_path(&self) -> Option<PathBuf> {
        self.selected
            .and_then(|i| self.library.entries.get(i))
            .map(|e| e.path.clone())
    }

    fn ask_open(&mut self, purpose: Purpose, kind: DialogKind, title: &str) {
        let filters = match kind {
            DialogKind::OpenFiles => vec![filter(ASSESSMENT_FILTER)],
            _ => Vec::new(),
        };
        let start_dir = self.library.folder.clone();
        self.request_pick(PickRequest {
            purpose,
            kind,
            title: title.into(),
            filters,
            start_dir,
        });
    }

    fn ask_save(&mut self, variant: bool) {
        let Some(index) = self.selected else { return };
        let Some(entry) = self.library.entries.get(index) else {
            return;
        };
        let Some(doc) = entry.doc() else { return };
        let title = if variant {
            format!("{} variant", doc.assessment.role.title)
        } else {
            doc.assessment.role.title.clone()
        };
        let suggested = self.library.free_path(Some(&entry.path), &title);
        let file_name = suggested
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let purpose = if variant {
            Purpose::SaveVariant(index)
        } else {
            Purpose::SaveAs(index)
        };
        let title = if variant {
            "Save as variant"
        } else {
            "Save as"
        };
        self.request_pick(PickRequest {
            purpose,
            kind: DialogKind::SaveFile { file_name },
            title: title.into(),
            filters: vec![filter(ASSESSMENT_FILTER)],
            start_dir: suggested.parent().map(std::path::Path::to_path_buf),
        });
    }

    /// Handles the answer of a file dialog.
    pub(super) fn picked(&mut self, result: PickResult) {
        let Some(first) = result.paths.first().cloned() else {
            return;
        };
        match result.purpose {
            Purpose::OpenFiles => self.open_paths(&result.paths),
            Purpose::OpenFolder => self.apply(Action::OpenLibrary(first)),
            Purpose::SaveAs(index) => self.save_as(index, with_extension(first), false),
            Purpose::SaveVariant(index) => self.save_as(index, with_extension(first), true),
            Purpose::ImportText => self.import_files(&result.paths),
            Purpose::Export(index, format) => self.export_to(index, format, &first),
            Purpose::ExportCsv(scope) => self.export_csv(scope, &first),
            Purpose::ExportChartPng => self.export_chart(&first),
        }
    }

    fn open_paths(&mut self, paths: &[PathBuf]) {
        let files = library::load_paths(paths);
        for file in &files {
            match &file.result {
                Ok(_) => self.settings.add_recent(&file.path),
                Err(error) => self.notify(true, error.to_string()),
            }
        }
        if let Some(index) = self.library.add_files(files, &self.framework) {
            self.selected = Some(index);
        }
    }

    /// Replaces the library by a folder, without asking.
    pub fn open_library(&mut self, folder: PathBuf) {
        let files = library::load_paths(std::slice::from_ref(&folder));
        let failed = files.iter().filter(|f| f.result.is_err()).count();
        if failed > 0 {
            self.notify(true, format!("{failed} files in {} could not be loaded: hover them in the list for the reason", folder.display()));
        }
        self.library =
            super::state::Library::from_files(Some(folder.clone()), files, &self.framework);
        self.settings.last_folder = Some(folder);
        self.selected = self.library.entries.iter().position(|e| e.doc().is_some());
        self.confirm = None;
    }

    fn save_selected(&mut self, overwrite_confirmed: bool) {
        let Some(index) = self.selected else { return };
        let Some(entry) = self.library.entries.get(index) else {
            return;
        };
        let Some(doc) = entry.doc() else { return };
        let changed = doc
            .stamp
            .is_some_and(|stamp| library::changed_on_disk(&entry.path, stamp));
        if changed && !overwrite_confirmed {
            self.confirm = Some(Confirm::OverwriteChanged { index });
            return;
        }
        self.save_entry(index);
    }

    /// Saves one entry to its path; false (and a notice) on failure.
    fn save_entry(&mut self, index: usize) -> bool {
        let Some(entry) = self.library.entries.get_mut(index) else {
            return false;
        };
        let path = entry.path.clone();
        let Some(doc) = entry.doc_mut() else {
            return false;
        };
        match library::save_atomic(&path, &doc.assessment) {
            Ok(stamp) => {
                doc.mark_saved(stamp);
                self.library.invalidate();
                self.settings.add_recent(&path);
                self.notify(false, format!("Saved {}", path.display()));
                true
            }
            Err(error) => {
                self.notify(true, error.to_string());
                false
            }
        }
    }

    fn save_as(&mut self, index: usize, path: PathBuf, variant: bool) {
        let Some(doc) = self.library.entries.get(index).and_then(Entry::doc) else {
            return;
        };
        let mut assessment = doc.assessment.clone();
        if variant {
            assessment.meta.id = variant_id(&path);
            assessment.published = None;
        }
        let doc = Doc::new(assessment, None, &self.framework);
        let new_index = if variant || self.library.position(&path).is_some() {
            self.library.insert(Entry {
                path,
                content: Ok(doc),
                compared: false,
            })
        } else {
            // Save as: the entry moves to its new file.
            self.library.entries[index] = Entry {
                path,
                content: Ok(doc),
                compared: self.library.entries[index].compared,
            };
            self.library.invalidate();
            index
        };
        if self.save_entry(new_index) {
            if variant {
                // The edits now live in the variant; the original goes back to its file.
                self.with_doc(index, |doc, fw| {
                    doc.revert(fw);
                    true
                });
            }
            self.selected = Some(new_index);
        }
    }

    fn with_doc(
        &mut self,
        index: usize,
        change: impl FnOnce(&mut Doc, &crate::framework::Framework) -> bool,
    ) {
        let previous = self.selected.replace(index);
        self.with_selected_doc(change);
        self.selected = previous;
    }

    fn ask_revert(&mut self) {
        if self
            .selected_doc()
            .is_some_and(|d| d.dirty && d.stamp.is_some())
        {
            self.confirm = Some(Confirm::UnsavedChanges {
                then: Box::new(Action::Revert),
            });
        }
    }

    fn answer(&mut self, go_on: bool, save_first: bool) {
        let Some(question) = self.confirm.take() else {
            return;
        };
        if !go_on {
            return;
        }
        match question {
            Confirm::OverwriteChanged { .. } => self.save_selected(true),
            Confirm::UnsavedChanges { then } => {
                if save_first && !self.save_all() {
                    return;
                }
                self.run_unguarded(*then);
            }
        }
    }

    /// Saves every unsaved entry; false when one failed (its notice says why).
    fn save_all(&mut self) -> bool {
        let dirty: Vec<usize> = (0..self.library.entries.len())
            .filter(|&i| self.library.entries[i].doc().is_some_and(|d| d.dirty))
            .collect();
        // Every file is tried, even after a failure, so as much as possible is saved.
        let saved = dirty.iter().filter(|&&i| self.save_entry(i)).count();
        saved == dirty.len()
    }

    /// Carries out an action the user confirmed, skipping the unsaved-edits question.
    fn run_unguarded(&mut self, action: Action) {
        match action {
            Action::Quit => {
                self.close_allowed = true;
                self.close_now = true;
            }
            Action::OpenLibrary(folder) => self.open_library(folder),
            Action::Revert => self.with_selected_doc(|doc, fw| {
                doc.revert(fw);
                true
            }),
            other => self.apply(other),
        }
    }

    /// Whether the window was allowed to close (the user answered the unsaved-edits question).
    #[must_use]
    pub fn close_allowed(&self) -> bool {
        self.close_allowed
    }
}

fn filter((name, extension): (&str, &str)) -> (String, Vec<String>) {
    (name.to_owned(), vec![extension.to_owned()])
}

/// Adds `.aijri.json` to a chosen path that lacks it, so the library finds the file.
fn with_extension(path: PathBuf) -> PathBuf {
    if library::is_assessment_file(&path) {
        return path;
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = name.strip_suffix(".json").unwrap_or(&name);
    path.with_file_name(format!("{stem}{}", library::EXTENSION))
}

/// The id of a variant: its file name without the extension.
fn variant_id(path: &std::path::Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    name.strip_suffix(library::EXTENSION)
        .unwrap_or(&name)
        .to_owned()
}
