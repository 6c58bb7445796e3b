//! What the user can do, as values: views emit [`Action`]s, which join the command queue and
//! are carried out by [`AijriApp::apply`] after the frame, asking first where work could be lost.
//! Actions name documents by [`DocId`]; one whose document is gone does nothing and says so.
//! Tests drive the app through the same door.

use std::path::{Path, PathBuf};

use super::notices::NoticeId;
use super::picker::{CsvScope, DialogKind, ExportFormat, PickRequest, Purpose};
use super::questions::{Answer, Then};
use super::store::{DocId, Document, Edit, Scoring, file_name};
use super::unsaved::WorkId;
use super::variant::PendingVariant;
use super::{AijriApp, Tab, View};
use crate::library::recovery::RecoveryKey;
use crate::model::Assessment;

/// One thing the user asked for.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Select a document.
    Select(DocId),
    /// Select nothing (the list shows no role).
    Deselect,
    /// Show an editor tab.
    SetTab(Tab),
    /// Show the editor (on this tab, or the one it shows) with keyboard focus on its first
    /// control.
    FocusEditor(Option<Tab>),
    /// Open Help on a page.
    ShowHelp(super::help::HelpPage),
    /// Open Preferences.
    ShowPreferences,
    /// A copy of a role as a new file with a new id (Ctrl+D).
    Duplicate(DocId),
    /// Ask the new name of a role's file.
    AskRename(DocId),
    /// Rename a role's file to this name, in its folder.
    RenameFile(DocId, String),
    /// Move a role's file to the desktop's trash (asks first when it has unsaved edits).
    AskTrash(DocId),
    /// Show a role's file in its folder (the desktop's file manager).
    ShowRoleInFolder(DocId),
    /// The assessor name new assessments and variants get.
    SetAssessor(String),
    /// The paper the client report is laid out on.
    SetPaper(crate::client_report::Paper),
    /// Copy the shipped report template into the data folder, to make it one's own.
    UseOwnTemplate,
    /// Move one's own report template to the trash: the shipped one is used again.
    UseShippedTemplate,
    /// Show a view of the central area.
    SetView(View),
    /// Open the tab of a field of the selected document and scroll to it.
    GoToField(crate::model::FieldPath),
    /// Put a document in the comparison set or take it out.
    SetCompared(DocId, bool),
    /// Compare exactly these roles and show Compare (the Pathways view's *Compare these*): one
    /// change of the comparison, so a saved comparison keeps them and Undo takes it back.
    CompareRoles(Vec<DocId>),
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
    /// Save the framework variant with this id to its file (asks where, the first time).
    SaveFramework(String),
    /// Ask where to save the framework variant with this id.
    SaveFrameworkAs(String),
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
    /// The theme: dark (`Some(true)`), light, or the system's (`None`).
    SetTheme(Option<bool>),
    /// Close the window (asks first when edits are unsaved).
    Quit,
    /// Remove a notice.
    DismissNotice(NoticeId),
    /// Show the log of every notice.
    ShowNoticeLog,
    /// Open a file with the desktop's program for it.
    OpenWithDesktop(PathBuf),
    /// Show a file in its folder (the desktop's file manager).
    ShowInFolder(PathBuf),
    /// Open the program's data folder (recovery files, settings, its own library).
    OpenDataFolder,
    /// Step back one edit of a piece of work.
    Undo(WorkId),
    /// Step forward one undone edit of a piece of work.
    Redo(WorkId),
    /// Save the comparison to its file (asks where, the first time).
    SaveComparison,
    /// Ask where to save the comparison.
    SaveComparisonAs,
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
    /// Ask where to save the Pathways chart as PNG.
    ExportPathwaysPng,
    /// Ask where to save a CSV of the library or the comparison.
    ExportCsv(CsvScope),
    /// Ask where to save the client report (PDF) of the comparison set.
    ExportClientReport,
    /// The answer to the open question.
    Answer(Answer),
    /// Bring back the unsaved work of a recovery file.
    Restore(RecoveryKey),
    /// Throw away the unsaved work of a recovery file.
    DiscardRecovery(RecoveryKey),
}

const ASSESSMENT_FILTER: (&str, &str) = ("AIJRI assessment", "json");

impl AijriApp {
    /// Carries out an action.
    pub fn apply(&mut self, action: Action) {
        let _ui_thread = crate::library::disk::UiThread::enter();
        match action {
            Action::Select(id) => self.select(id),
            Action::Deselect => self.state.selected = None,
            Action::SetTab(tab) => self.views.editor.tab = tab,
            Action::FocusEditor(tab) => {
                self.state.view = View::Editor;
                self.views.editor.focus_first(tab);
            }
            Action::ShowHelp(page) => self.views.help.show(page),
            Action::ShowPreferences => self.show_preferences(),
            Action::Duplicate(id) => self.duplicate(id),
            Action::AskRename(id) => self.ask_rename(id),
            Action::RenameFile(id, name) => self.rename_file(id, name),
            Action::AskTrash(id) => self.ask_trash(id),
            Action::ShowRoleInFolder(id) => {
                if let Some(path) = self.state.store.path(id).map(Path::to_path_buf) {
                    self.open_with_desktop(path, true);
                }
            }
            Action::SetAssessor(name) => self.state.settings.assessor = name,
            Action::SetPaper(paper) => self.state.settings.paper = paper,
            Action::UseOwnTemplate => self.use_own_template(),
            Action::UseShippedTemplate => self.use_shipped_template(),
            Action::SetView(view) => self.state.view = view,
            Action::GoToField(field) => {
                self.state.view = View::Editor;
                let shown = self
                    .state
                    .selected_doc()
                    .map(|(id, doc)| (id, doc.assessment().tasks.as_slice()));
                self.views.editor.go_to(field, shown);
            }
            Action::SetCompared(id, on) => self.set_compared(id, on),
            Action::CompareRoles(ids) => self.compare_roles(ids),
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
            Action::SaveFramework(id) => self.save_framework_to_file(id),
            Action::SaveFrameworkAs(id) => self.ask_save_framework(id),
            Action::CancelLoad => {
                let state = &self.state;
                for loading in [&state.loading, &state.opening].into_iter().flatten() {
                    loading.cancel();
                }
            }
            Action::Save(id) => self.save_asking_why(id),
            Action::SaveAfterReasons(id) => self.save(&[id]),
            Action::SaveAs(id) => self.ask_save_as(id, false),
            Action::SaveVariant(id) => self.ask_save_as(id, true),
            Action::SaveVariantWithReasons(pending) => {
                let PendingVariant {
                    doc,
                    path,
                    variant,
                    expect,
                } = *pending;
                self.save_variant(doc, path, variant, expect);
            }
            Action::Revert(id) => self.ask_revert(id),
            Action::CompareWithSource(id) => self.compare_with_source(id),
            Action::SetTheme(dark) => self.set_theme(dark),
            Action::Quit => self.guard(Then::Quit),
            Action::DismissNotice(id) => self.state.notices.dismiss(id),
            Action::ShowNoticeLog => self.views.notice_log = true,
            Action::OpenWithDesktop(path) => self.open_with_desktop(path, false),
            Action::ShowInFolder(path) => self.open_with_desktop(path, true),
            Action::OpenDataFolder => self.open_data_folder(),
            Action::Undo(work) => self.step(work, true),
            Action::Redo(work) => self.step(work, false),
            Action::SaveComparison => self.ask_save_comparison(false),
            Action::SaveComparisonAs => self.ask_save_comparison(true),
            Action::OpenComparison => self.ask_open_comparison(),
            Action::OpenComparisonFile(path) => self.open_comparison(path),
            Action::EditComparison { title, notes } => {
                let key = if title == self.state.comparison.title() {
                    "notes"
                } else {
                    "title"
                };
                self.change_comparison(Some(key), |content| {
                    content.title = title;
                    content.notes = notes;
                });
            }
            Action::ImportText => self.ask_import(),
            Action::PasteText => self.views.transfer.open_paste(),
            Action::ImportPasted(text) => self.import_texts(vec![(
                "pasted text".to_owned(),
                super::transfer::Source::Text(text),
            )]),
            Action::OpenDropped(paths) => self.open_dropped(paths),
            Action::ReadClipboardHtml => self.read_clipboard_html(),
            Action::ImportPastedHtml(html) => self.import_texts(vec![(
                "pasted web page".to_owned(),
                super::transfer::Source::Html(html),
            )]),
            Action::AcceptImports => self.accept_imports(),
            Action::DiscardImports => self.views.transfer.pending.clear(),
            Action::Export(id, format) => self.ask_role_export(id, format),
            Action::ExportChartPng => self.ask_export_chart(),
            Action::ExportPathwaysPng => self.ask_export_pathways_chart(),
            Action::ExportCsv(scope) => self.ask_export_csv(scope),
            Action::ExportClientReport => self.ask_export_client_report(),
            Action::Answer(answer) => self.answer(answer),
            Action::Restore(key) => self.restore(&key),
            Action::DiscardRecovery(key) => self.discard_recovery(&key),
        }
    }

    fn select(&mut self, id: DocId) {
        if self.state.store.entry(id).is_some() {
            self.state.selected = Some(id);
            self.views.editor.jump_to = None;
        }
    }

    /// Ticks a role for the comparison, or unticks it: a change of the comparison.
    fn set_compared(&mut self, id: DocId, on: bool) {
        if on && self.state.store.doc(id).is_none() {
            return;
        }
        self.change_comparison(None, |content| {
            content.roles.retain(|&r| r != id);
            if on {
                content.roles.push(id);
            }
        });
    }

    /// Makes these roles (those still open, each once, in order) the comparison and shows
    /// Compare.
    fn compare_roles(&mut self, ids: Vec<DocId>) {
        let mut roles: Vec<DocId> = Vec::with_capacity(ids.len());
        for id in ids {
            if self.state.store.doc(id).is_some() && !roles.contains(&id) {
                roles.push(id);
            }
        }
        self.change_comparison(None, |content| content.roles = roles);
        self.state.view = View::Compare;
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

    /// Undo (`back`) or redo of a piece of work: an assessment, a framework variant, the
    /// comparison.
    fn step(&mut self, work: WorkId, back: bool) {
        match work {
            WorkId::Assessment(id) => self.edit(id, if back { Edit::Undo } else { Edit::Redo }),
            WorkId::Framework(id) => self.step_framework(&id, back),
            WorkId::Comparison => self.undo_comparison(back),
        }
    }

    fn set_theme(&mut self, dark: Option<bool>) {
        self.state.settings.dark_mode = dark;
        if let Some(ctx) = self.io.context() {
            super::settings::apply_theme(&self.state.settings, &ctx);
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
        blank.meta.assessor = self.state.settings.assessor.trim().to_owned();
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
        self.io.pick(self.picker.as_ref(), request);
        self.run_commands();
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

    /// Handles the answer of a file dialog. A cancelled dialog does nothing (and whatever waited
    /// on the save it was for, such as quitting, does not go on).
    pub(super) fn picked(&mut self, purpose: Purpose, paths: Vec<PathBuf>, replace_asked: bool) {
        let Some(first) = paths.first().cloned() else {
            self.after_saving = None;
            return;
        };
        match purpose {
            Purpose::OpenFiles => self.load_paths(paths),
            Purpose::OpenFramework => self.load_framework(first),
            Purpose::OpenFolder => self.apply(Action::OpenLibrary(first)),
            Purpose::ImportText => self.read_texts(paths),
            Purpose::OpenComparison => self.open_comparison(first),
            purpose => self.resolve_target(purpose, first, replace_asked),
        }
    }

    /// Revert and File → Reload from disk: the file is read again; unsaved edits are discarded
    /// only once the user agreed.
    fn ask_revert(&mut self, id: DocId) {
        match self.state.store.doc(id) {
            Some(doc) if doc.stamp().is_none() => {}
            Some(doc) if doc.is_dirty() => {
                self.ask(super::Question::DiscardEdits { doc: id });
            }
            Some(_) => self.reload_from_disk(id),
            None => {}
        }
    }
}

fn filter((name, extension): (&str, &str)) -> (String, Vec<String>) {
    (name.to_owned(), vec![extension.to_owned()])
}
