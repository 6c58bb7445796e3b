//! What the user can do, as values: views emit [`Action`]s and [`AijriApp::apply`] carries them
//! out after the frame, asking first where edits could be lost. Actions name documents by
//! [`DocId`]; one whose document is gone does nothing and says so. Tests drive the app through
//! the same door.

use std::path::{Path, PathBuf};
use std::time::Duration;

use super::jobs::Done;
use super::picker::{CsvScope, DialogKind, ExportFormat, PickRequest, Purpose};
use super::questions::{Answer, Question, Then};
use super::saving::{self, AfterSave, SaveItem};
use super::store::{DocId, Document, Edit, Scoring, file_name};
use super::variant::PendingVariant;
use super::{AijriApp, Tab, View};
use crate::library;
use crate::model::Assessment;

/// One thing the user asked for.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Select a document.
    Select(DocId),
    /// Show an editor tab.
    SetTab(Tab),
    /// Show a view of the central area.
    SetView(View),
    /// Open the tab of a field of the selected document and scroll to it.
    GoToField(crate::model::FieldPath),
    /// Put a document in the comparison set or take it out.
    SetCompared(DocId, bool),
    /// Change a document (the one door: see [`super::store::Store::edit`]).
    Edit(DocId, Edit),
    /// A new assessment from the blank template.
    New,
    /// Ask for files to open.
    OpenFiles,
    /// Ask for a library folder to open.
    OpenFolder,
    /// Open these files (a file already open is switched to, never reloaded over edits).
    OpenPaths(Vec<PathBuf>),
    /// Replace the library by this folder (asks first when edits are unsaved).
    OpenLibrary(PathBuf),
    /// Stop loading the library folder.
    CancelLoad,
    /// Score every role under this framework (`Some(id)`), or each under its own (`None`).
    ViewUnder(Option<String>),
    /// Ask for a framework file to open.
    OpenFramework,
    /// A variant of the framework changed (it replaces the one of the same id).
    EditFramework(Box<crate::framework::Framework>),
    /// An editable copy of the framework in use; every role is viewed under it.
    NewFrameworkVariant,
    /// Ask where to save the framework with this id.
    SaveFramework(String),
    /// Watch the library folder this way (events, polling, or automatic).
    SetWatchMode(crate::library::watch::WatchMode),
    /// Save a document (asks first if its file changed on disk; one that keeps its publisher's
    /// record asks first why each new adjustment was made).
    Save(DocId),
    /// Save a document whose new adjustments were just asked about (no second question).
    SaveAfterReasons(DocId),
    /// Save a document under a new name.
    SaveAs(DocId),
    /// Save a copy of a document with a new id.
    SaveVariant(DocId),
    /// Write a variant whose reasons were asked for.
    SaveVariantWithReasons(Box<super::variant::PendingVariant>),
    /// Open an adjusted variant's source beside it in Compare.
    CompareWithSource(DocId),
    /// Go back to the file as it is on disk (asks first when edits would be lost).
    Revert(DocId),
    /// Switch between the dark and light themes.
    SetDarkMode(bool),
    /// Close the window (asks first when edits are unsaved).
    Quit,
    /// Remove a notice.
    DismissNotice(usize),
    /// Ask where to save the comparison set as a comparison file.
    SaveComparison,
    /// Ask for a comparison file to open.
    OpenComparison,
    /// Open this comparison file.
    OpenComparisonFile(PathBuf),
    /// The comparison's title and notes as edited.
    EditComparison {
        /// The title.
        title: String,
        /// The notes.
        notes: String,
    },
    /// Ask for published text files to import.
    ImportText,
    /// Open the paste window.
    PasteText,
    /// Import a pasted text.
    ImportPasted(String),
    /// Read the HTML the clipboard offers (after a paste), off the UI thread.
    ReadClipboardHtml,
    /// Import a web page pasted as HTML.
    ImportPastedHtml(String),
    /// Open or import files dropped onto the window.
    OpenDropped(Vec<PathBuf>),
    /// Add the reviewed imports to the library.
    AcceptImports,
    /// Drop the reviewed imports.
    DiscardImports,
    /// Ask where to export a document in a format.
    Export(DocId, ExportFormat),
    /// Ask where to save the comparison chart as PNG.
    ExportChartPng,
    /// Ask where to save a CSV of the library or the comparison.
    ExportCsv(CsvScope),
    /// Ask where to save the client report (PDF) of the comparison set.
    ExportClientReport,
    /// The answer to the open question.
    Answer(Answer),
    /// Bring back the unsaved edits of a recovery file (by the document's path).
    Restore(PathBuf),
    /// Throw away the unsaved edits of a recovery file (by the document's path).
    DiscardRecovery(PathBuf),
}

const ASSESSMENT_FILTER: (&str, &str) = ("AIJRI assessment", "json");

impl AijriApp {
    /// Carries out an action.
    pub fn apply(&mut self, action: Action) {
        match action {
            Action::Select(id) => self.select(id),
            Action::SetTab(tab) => self.views.editor.tab = tab,
            Action::SetView(view) => self.state.view = view,
            Action::GoToField(field) => {
                self.state.view = View::Editor;
                let shown = self
                    .state
                    .selected_doc()
                    .map(|(id, doc)| (id, doc.assessment().tasks.as_slice()));
                self.views.editor.go_to(field, shown);
            }
            Action::SetCompared(id, on) => self.state.store.set_compared(id, on),
            Action::Edit(id, edit) => self.edit(id, edit),
            Action::New => self.new_assessment(),
            Action::OpenFiles => self.ask_open(Purpose::OpenFiles, DialogKind::OpenFiles),
            Action::OpenFolder => self.ask_open(Purpose::OpenFolder, DialogKind::OpenFolder),
            Action::OpenPaths(paths) => self.load_paths(paths),
            Action::OpenLibrary(folder) => self.guard(Then::OpenLibrary(folder)),
            Action::SetWatchMode(mode) => self.set_watch_mode(mode),
            Action::ViewUnder(id) => self.view_under(id),
            Action::OpenFramework => self.ask_open_framework(),
            Action::EditFramework(framework) => self.framework_edited(*framework),
            Action::NewFrameworkVariant => self.new_framework_variant(),
            Action::SaveFramework(id) => self.ask_save_framework(id),
            Action::CancelLoad => {
                let state = &self.state;
                for loading in [&state.loading, &state.opening].into_iter().flatten() {
                    loading.cancel();
                }
            }
            Action::Save(id) => self.save_asking_why(id),
            Action::SaveAfterReasons(id) => self.save(vec![id], false, None),
            Action::SaveAs(id) => self.ask_save_as(id, false),
            Action::SaveVariant(id) => self.ask_save_as(id, true),
            Action::SaveVariantWithReasons(pending) => {
                let PendingVariant { doc, path, variant } = *pending;
                self.save_as(doc, path, Some(Box::new(variant)), false);
            }
            Action::Revert(id) => self.ask_revert(id),
            Action::CompareWithSource(id) => self.compare_with_source(id),
            Action::SetDarkMode(dark) => self.set_dark_mode(dark),
            Action::Quit => self.guard(Then::Quit),
            Action::DismissNotice(index) => {
                if index < self.state.notices.len() {
                    self.state.notices.remove(index);
                }
            }
            Action::SaveComparison => self.ask_save_comparison(),
            Action::OpenComparison => self.ask_open_comparison(),
            Action::OpenComparisonFile(path) => self.open_comparison(path),
            Action::EditComparison { title, notes } => {
                self.state.comparison.title = title;
                self.state.comparison.notes = notes;
            }
            Action::ImportText => self.ask_import(),
            Action::PasteText => self.views.transfer.open_paste(),
            Action::ImportPasted(text) => self.import_text(&text, "pasted text"),
            Action::OpenDropped(paths) => self.open_dropped(paths),
            Action::ReadClipboardHtml => self.read_clipboard_html(),
            Action::ImportPastedHtml(html) => self.import_pasted_html(&html),
            Action::AcceptImports => self.accept_imports(),
            Action::DiscardImports => self.views.transfer.pending.clear(),
            Action::Export(id, format) => self.ask_role_export(id, format),
            Action::ExportChartPng => self.ask_export_chart(),
            Action::ExportCsv(scope) => self.ask_export_csv(scope),
            Action::ExportClientReport => self.ask_export_client_report(),
            Action::Answer(answer) => self.answer(answer),
            Action::Restore(path) => self.restore(&path),
            Action::DiscardRecovery(path) => self.discard_recovery(&path),
        }
    }

    fn select(&mut self, id: DocId) {
        if self.state.store.entry(id).is_some() {
            self.state.selected = Some(id);
            self.views.editor.jump_to = None;
        }
    }

    /// The one door for changes, from the app's side: a change to a document that is gone is
    /// reported, not applied elsewhere.
    fn edit(&mut self, id: DocId, edit: Edit) {
        if self.state.store.doc(id).is_none() {
            self.state.notify(
                true,
                "That role is no longer open: the change was not applied.",
            );
            return;
        }
        self.state.store.edit(
            id,
            edit,
            &Scoring::of(&self.state.frameworks, &self.state.view_under),
        );
    }

    fn set_dark_mode(&mut self, dark: bool) {
        self.state.settings.dark_mode = Some(dark);
        if let Some(ctx) = self.jobs.context() {
            self.state.settings.apply_theme(&ctx);
        }
    }

    /// Runs `then` now, or asks Save / Discard / Cancel first when edits are unsaved.
    fn guard(&mut self, then: Then) {
        let dirty = self.state.store.dirty();
        if dirty.is_empty() || self.close_allowed {
            self.run(then);
        } else {
            self.state.question = Some(Question::Unsaved { docs: dirty, then });
        }
    }

    /// Carries out what the user confirmed.
    pub(super) fn run(&mut self, then: Then) {
        match then {
            Then::Quit => {
                self.close_allowed = true;
                self.close_now = true;
                // Saved or discarded edits leave no recovery file behind to offer next time.
                for work in self.state.store.take_recovery_work(Duration::MAX) {
                    self.jobs.recovery(work);
                }
                self.jobs.wait(Duration::from_secs(2));
            }
            Then::OpenLibrary(folder) => self.open_folder(folder),
            Then::Revert(id) => self.reload_from_disk(id),
        }
    }

    /// Adds an assessment as a new, unsaved document with a free file name in the library folder
    /// (or beside `near`), and selects it.
    pub(super) fn add_new(&mut self, assessment: Assessment, near: Option<&Path>) -> DocId {
        let path = self.state.store.free_path(near, &assessment.role.title);
        let doc = Document::new(
            assessment.clone(),
            None,
            self.state.framework_for(&assessment),
        );
        let id = self.state.store.open(path, Ok(doc));
        self.state.selected = Some(id);
        id
    }

    fn new_assessment(&mut self) {
        let near = self.selected_path();
        let mut blank = Assessment::blank();
        if let Some(id) = &self.state.view_under {
            // A new assessment records the framework it was made under.
            blank.framework.clone_from(id);
        }
        self.add_new(blank, near.as_deref());
        self.state.view = View::Editor;
        self.views.editor.tab = Tab::Overview;
        self.views.editor.jump_to = Some(crate::model::FieldPath::new("role").key("title"));
    }

    fn selected_path(&self) -> Option<PathBuf> {
        let id = self.state.selected?;
        self.state.store.path(id).map(Path::to_path_buf)
    }

    /// Opens a file dialog without blocking the UI; a scripted picker answers at once, so its
    /// answer is handled now rather than a frame later.
    pub(super) fn request_pick(&mut self, request: PickRequest) {
        self.jobs.pick(self.picker.as_ref(), request);
        for done in self.jobs.finished() {
            self.finished(done);
        }
    }

    fn ask_open(&mut self, purpose: Purpose, kind: DialogKind) {
        let (title, filters) = match kind {
            DialogKind::OpenFiles => ("Open assessments", vec![filter(ASSESSMENT_FILTER)]),
            _ => ("Open library folder", Vec::new()),
        };
        let start_dir = self.state.store.folder.clone();
        self.request_pick(PickRequest {
            purpose,
            kind,
            title: title.into(),
            filters,
            start_dir,
        });
    }

    fn ask_save_as(&mut self, id: DocId, variant: bool) {
        let Some(entry) = self.state.store.entry(id) else {
            return;
        };
        let Some(doc) = entry.doc() else { return };
        let title = &doc.assessment().role.title;
        let title = if variant {
            format!("{title} variant")
        } else {
            title.clone()
        };
        let suggested = self.state.store.free_path(Some(&entry.path), &title);
        let (purpose, dialog_title) = if variant {
            (Purpose::SaveVariant(id), "Save as variant")
        } else {
            (Purpose::SaveAs(id), "Save as")
        };
        self.request_pick(PickRequest {
            purpose,
            kind: DialogKind::SaveFile {
                file_name: file_name(&suggested),
            },
            title: dialog_title.into(),
            filters: vec![filter(ASSESSMENT_FILTER)],
            start_dir: suggested.parent().map(Path::to_path_buf),
        });
    }

    /// Saves on a worker thread; [`Done::Saved`] brings the outcome to [`AijriApp::saved`].
    pub(super) fn spawn_save(&mut self, items: Vec<SaveItem>, after: AfterSave) {
        self.jobs.spawn("save", move || Done::Saved {
            outcome: saving::run(items),
            after,
        });
    }

    /// Handles what a background job reports.
    pub(super) fn finished(&mut self, done: Done) {
        match done {
            Done::Picked { purpose, paths } => self.picked(purpose, paths),
            Done::Opened { load, files } => {
                self.opened(load, files);
                self.source_opened();
            }
            Done::Reloaded { doc, result } => self.reloaded(doc, result),
            Done::FrameworksFound {
                load,
                frameworks,
                errors,
            } => self.frameworks_found(load, *frameworks, errors),
            Done::FrameworkOpened(result) => self.framework_opened(result),
            Done::Watching { load, watcher } => self.watching(load, watcher),
            Done::FolderChanged { load, changes } => self.folder_changed(load, changes),
            Done::ChangedFiles(files) => self.changed_files(files),
            Done::LoadFound { load, total } => self.load_found(load, total),
            Done::LoadBatch { load, docs } => self.load_batch(load, docs),
            Done::LoadFinished { load, cancelled } => self.load_finished(load, cancelled),
            Done::TextsRead(texts) => {
                for (path, text) in texts {
                    match text {
                        Ok(text) => self.import_file(&path, &text),
                        Err(message) => self.state.notify(true, message),
                    }
                }
            }
            Done::ClipboardHtml(html) => self.views.transfer.clipboard_html(html),
            Done::Written { what, result } => match result {
                Ok(path) => self
                    .state
                    .notify(false, format!("Exported {what} to {}", path.display())),
                Err(message) => self.state.notify(true, message),
            },
            Done::RecoveryFailed(message) | Done::Warning(message) => {
                self.state.notify(true, message);
            }
            Done::Saved { outcome, after } => self.saved(outcome, after),
            Done::ComparisonRead { path, result } => self.comparison_read(path, result),
            Done::ComparisonSaved { path, result } => self.comparison_saved(path, result),
        }
    }

    /// Handles the answer of a file dialog; a cancelled dialog does nothing.
    fn picked(&mut self, purpose: Purpose, paths: Vec<PathBuf>) {
        let Some(first) = paths.first().cloned() else {
            return;
        };
        match purpose {
            Purpose::OpenFiles => self.load_paths(paths),
            Purpose::OpenFramework => self.load_framework(first),
            Purpose::SaveFramework(id) => self.save_framework(&id, first),
            Purpose::OpenFolder => self.apply(Action::OpenLibrary(first)),
            Purpose::SaveAs(id) => self.save_as(id, with_extension(first), None, false),
            Purpose::SaveVariant(id) => self.prepare_variant(id, with_extension(first)),
            Purpose::ImportText => self.read_texts(paths),
            Purpose::Export(id, format) => self.export_to(id, format, first),
            Purpose::ExportCsv(scope) => self.export_csv(scope, &first),
            Purpose::ExportChartPng => self.export_chart(&first),
            Purpose::SaveComparison => self.save_comparison(first),
            Purpose::OpenComparison => self.open_comparison(first),
            Purpose::ExportClientReport => self.export_client_report(&first),
        }
    }

    /// Revert and File → Reload from disk: the file is read again; unsaved edits are discarded
    /// only once the user agreed.
    fn ask_revert(&mut self, id: DocId) {
        match self.state.store.doc(id) {
            Some(doc) if doc.stamp().is_none() => {}
            Some(doc) if doc.is_dirty() => {
                self.state.question = Some(Question::DiscardEdits { doc: id });
            }
            Some(_) => self.reload_from_disk(id),
            None => {}
        }
    }

    fn answer(&mut self, answer: Answer) {
        let Some(question) = self.state.question.take() else {
            return;
        };
        match (question, answer) {
            (_, Answer::Cancel) | (Question::ChangedOutside { .. }, Answer::KeepMine) => {}
            (Question::ChangedOutside { doc, theirs }, Answer::TakeTheirs) => {
                self.take_theirs(doc, theirs);
            }
            (Question::ChangedOutside { doc, theirs }, Answer::SaveMineAsCopy) => {
                self.save_mine_as_copy(doc, theirs);
            }
            (Question::Unsaved { docs, then }, Answer::Save) => self.save(docs, false, Some(then)),
            (Question::Unsaved { docs, then }, Answer::Discard) => {
                self.state.store.discard_recovery(&docs);
                self.run(then);
            }
            (Question::Overwrite { docs, then, .. }, Answer::Overwrite) => {
                self.save(docs, true, then);
            }
            (Question::DiscardEdits { doc }, Answer::Discard) => {
                self.state.store.discard_recovery(&[doc]);
                self.run(Then::Revert(doc));
            }
            (
                Question::ReplaceOpen {
                    doc, path, variant, ..
                },
                Answer::Overwrite,
            ) => self.save_as(doc, path, variant, true),
            (question, _) => self.state.question = Some(question),
        }
    }

    fn restore(&mut self, path: &Path) {
        let Some(recovery) = self.views.recovery.take(path) else {
            return;
        };
        let id = match self.state.store.by_path(path) {
            Some(id) => id,
            None => {
                let content = match library::load_file(path) {
                    Ok(loaded) => self.state.scoring().document(loaded),
                    Err(_) => {
                        let framework = self.state.framework_for(&recovery.assessment);
                        Document::new(recovery.assessment.clone(), None, framework)
                    }
                };
                self.state.store.open(path.to_owned(), Ok(content))
            }
        };
        self.edit(id, Edit::Restore(Box::new(recovery.assessment)));
        self.state.selected = Some(id);
        self.state.notify(
            false,
            format!(
                "Restored your unsaved edits to {}: save them to keep them",
                file_name(path)
            ),
        );
    }

    fn discard_recovery(&mut self, path: &Path) {
        if self.views.recovery.take(path).is_some() {
            self.jobs
                .recovery(super::store::RecoveryWork::Remove(path.to_owned()));
        }
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
    let name = file_name(&path);
    let stem = name.strip_suffix(".json").unwrap_or(&name);
    path.with_file_name(format!("{stem}{}", library::EXTENSION))
}
