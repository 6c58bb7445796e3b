//! The desktop window (eframe/egui): the only part of the program that uses egui.
//!
//! [`AijriApp`] holds the plain-data [`AppState`] (documents by id in the [`store::Store`],
//! framework variants, the comparison, selection, settings, notices, the pending question), the
//! views (each owns its view state, draws from the state and returns [`Action`]s) and the document
//! I/O service ([`io`]), which does every file-system touch off the UI thread. The views' actions
//! and the service's answers come through one command queue, drained in one place
//! ([`AijriApp::run_commands`]); every change to an assessment goes through
//! [`store::Store::edit`], to a framework variant through [`framework_docs::FrameworkDocs::edit`],
//! to the comparison through one door too.

pub mod about;
pub mod actions;
pub mod chart;
pub mod client_report;
pub mod commands;
pub mod compare;
pub mod comparisons;
pub mod desktop;
pub mod editor;
pub mod file_dialog;
pub mod fonts;
pub mod framework_docs;
pub mod framework_editor;
pub mod frameworks;
pub mod guard;
pub mod header;
pub mod help;
pub mod history;
pub mod io;
pub mod keyboard;
pub mod loading;
pub mod menu;
pub mod notices;
pub mod opening;
pub mod pathways;
pub mod picker;
pub mod preferences;
pub mod questions;
pub mod recovery_dialog;
pub mod role_files;
pub mod role_list;
pub mod saving;
pub mod settings;
pub mod startup;
pub mod store;
pub mod tabs;
pub mod targets;
pub mod transfer;
pub mod unsaved;
pub mod validation_panel;
pub mod variant;
pub mod watching;
pub mod whatif;
pub mod widgets;

use std::collections::VecDeque;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

pub use actions::Action;
use io::IoService;
use picker::FilePicker;
pub use questions::Question;
pub use settings::Settings;
use store::{DocId, Document, Store};
use unsaved::WorkId;

use crate::framework::Framework;
use crate::library::disk;
use crate::library::recovery::RecoveryFolder;

/// The window title.
pub const WINDOW_TITLE: &str = "AIJRI Desk";

/// Environment variable that makes the program print the time from start to the first drawn frame
/// and exit (see the README's benchmarks).
pub const STARTUP_PROBE_VAR: &str = "AIJRI_DESK_EXIT_AFTER_FIRST_FRAME";

/// Environment variable that makes the program print how long the library took to load (from
/// start until every file was read, parsed and scored) and exit.
pub const LIBRARY_PROBE_VAR: &str = "AIJRI_DESK_EXIT_AFTER_LIBRARY_LOADED";

/// The findings panel's height until the findings were drawn once.
const FINDINGS_HEIGHT: f32 = 130.0;

/// How much less room the findings must take before their panel shrinks.
const FINDINGS_SHRINK: f32 = 12.0;

/// How long after the last edit the unsaved edits are written to a recovery file.
pub const RECOVERY_DELAY: Duration = Duration::from_secs(3);

/// The parts of the editor, one tab each.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Tab {
    /// Role definition, meta, quick screen.
    #[default]
    Overview,
    /// The three protective principles and the growth correlation.
    Protective,
    /// The task decomposition and reinstatement check.
    Tasks,
    /// The five evidence dimensions.
    Evidence,
    /// The five barriers.
    Barriers,
    /// The composite step by step, the sub-label and the override.
    Score,
    /// The assessor's commentary.
    Commentary,
}

impl Tab {
    /// Every tab, in order.
    pub const ALL: [Self; 7] = [
        Self::Overview,
        Self::Protective,
        Self::Tasks,
        Self::Evidence,
        Self::Barriers,
        Self::Score,
        Self::Commentary,
    ];

    /// The tab's name.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Overview => "Overview",
            Self::Protective => "Protective & growth",
            Self::Tasks => "Tasks",
            Self::Evidence => "Evidence",
            Self::Barriers => "Barriers",
            Self::Score => "Score",
            Self::Commentary => "Commentary",
        }
    }

    /// The tab that shows a field path (`evidence.wage_trends.score` → Evidence).
    #[must_use]
    pub fn for_field(field: &crate::model::FieldPath) -> Self {
        match field.head().unwrap_or_default() {
            "protective" | "growth" => Self::Protective,
            "tasks" | "reinstatement" => Self::Tasks,
            "evidence" => Self::Evidence,
            "barriers" => Self::Barriers,
            "override" | "published" => Self::Score,
            "commentary" => Self::Commentary,
            _ => Self::Overview,
        }
    }
}

/// What the central area shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum View {
    /// The editor of the selected role.
    #[default]
    Editor,
    /// The comparison set side by side.
    Compare,
    /// What-if analysis of the selected role.
    WhatIf,
    /// Where the selected role leads: its options under "where to look next", live from the
    /// library.
    Pathways,
    /// The framework in use: its weights, thresholds and texts.
    Framework,
}

impl View {
    /// Every view, in the order the switcher shows them.
    pub const ALL: [Self; 5] = [
        Self::Editor,
        Self::Compare,
        Self::WhatIf,
        Self::Pathways,
        Self::Framework,
    ];

    /// The view's name in the menu and the switcher.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Editor => "Editor",
            Self::Compare => "Compare",
            Self::WhatIf => "What-if",
            Self::Pathways => "Pathways",
            Self::Framework => "Framework editor",
        }
    }
}

/// The program's state as plain data: what views draw and actions change.
#[derive(Debug)]
pub struct AppState {
    /// The framework shared views (the comparison chart's zone bands) are drawn under: the one
    /// every role is viewed under, or the published one.
    pub framework: Framework,
    /// The frameworks available: the published one and the current version of each variant.
    pub frameworks: crate::framework::Frameworks,
    /// The framework variants as documents: their files, undo and unsaved changes.
    pub framework_docs: framework_docs::FrameworkDocs,
    /// The framework every role is viewed under, when the user chose one; otherwise each role is
    /// scored under the framework it names.
    pub view_under: Option<String>,
    /// The open documents.
    pub store: Store,
    /// The selected document.
    pub selected: Option<DocId>,
    /// What the central area shows.
    pub view: View,
    /// What is remembered between runs.
    pub settings: Settings,
    /// Messages for the user, and the log of them.
    pub notices: notices::Notices,
    /// A question the user must answer before anything else happens.
    pub question: Option<Question>,
    /// Questions waiting for the one open to be answered.
    pub questions_waiting: VecDeque<Question>,
    /// The library folder's load, while it runs.
    pub loading: Option<loading::Loading>,
    /// Files being opened beside the library, while they load.
    pub opening: Option<loading::Loading>,
    /// Whether the library folder is polled (no change events there), once its watch started.
    pub watch_polling: Option<bool>,
    /// The comparison: its title, notes, roles, file and undo.
    pub comparison: comparisons::ComparisonSession,
    /// The program's data folder (recovery files, settings, its own library), if it has one.
    pub data_dir: Option<PathBuf>,
    /// Whether the start-up (finding the library, reading the settings) has finished.
    pub started: bool,
}

impl AppState {
    /// The selected document, when one is selected and loaded.
    #[must_use]
    pub fn selected_doc(&self) -> Option<(DocId, &Document)> {
        let id = self.selected?;
        self.store.doc(id).map(|doc| (id, doc))
    }

    /// Which framework each document is scored under.
    #[must_use]
    pub fn scoring(&self) -> store::Scoring<'_> {
        store::Scoring::of(&self.frameworks, &self.view_under)
    }

    /// The framework an assessment is shown under: its names, ranges and thresholds.
    #[must_use]
    pub fn framework_for(&self, assessment: &crate::model::Assessment) -> &Framework {
        self.scoring().framework_for(assessment)
    }

    /// Adds a notice for the user: an error stays until dismissed.
    pub fn notify(&mut self, is_error: bool, text: impl Into<String>) {
        self.notices.push(is_error, text.into(), None);
    }

    /// Adds a notice about a file written, with Open and Show in folder.
    pub fn notify_file(&mut self, text: impl Into<String>, file: PathBuf) {
        self.notices.push(false, text.into(), Some(file));
    }

    /// The work Undo and Redo act on: the framework variant in the framework editor, the
    /// comparison in Compare, else the selected role.
    #[must_use]
    pub fn focused_work(&self) -> Option<WorkId> {
        match self.view {
            View::Framework => self
                .view_under
                .as_ref()
                .filter(|id| self.framework_docs.get(id).is_some())
                .map(|id| WorkId::Framework(id.clone())),
            View::Compare => Some(WorkId::Comparison),
            View::Editor | View::WhatIf | View::Pathways => {
                self.selected_doc().map(|(id, _)| WorkId::Assessment(id))
            }
        }
    }

    /// Whether a piece of work has an edit to undo, and one to redo.
    #[must_use]
    pub fn can_undo_redo(&self, work: &WorkId) -> (bool, bool) {
        match work {
            WorkId::Assessment(id) => self
                .store
                .doc(*id)
                .map_or((false, false), |d| (d.can_undo(), d.can_redo())),
            WorkId::Framework(id) => self.framework_docs.can_undo_redo(id),
            WorkId::Comparison => self.comparison.can_undo_redo(),
        }
    }

    /// Every piece of unsaved work: assessments, framework variants, the comparison.
    #[must_use]
    pub fn unsaved(&self) -> Vec<WorkId> {
        let assessments = self.store.dirty().into_iter().map(WorkId::Assessment);
        let frameworks = self
            .framework_docs
            .dirty()
            .into_iter()
            .map(WorkId::Framework);
        let comparison = self.comparison.is_dirty().then_some(WorkId::Comparison);
        assessments.chain(frameworks).chain(comparison).collect()
    }
}

/// Each view with the state it owns.
#[derive(Debug, Default)]
pub struct Views {
    /// The role list: search, filter, order.
    pub role_list: role_list::RoleListView,
    /// The editor: tab, field to jump to, expanded task rationales.
    pub editor: editor::EditorView,
    /// Compare: options and the chart export.
    pub compare: compare::CompareView,
    /// What-if: the cached analysis.
    pub whatif: whatif::WhatIfView,
    /// Pathways: the options of the selected role.
    pub pathways: pathways::PathwaysView,
    /// The framework editor: the draft being edited.
    pub framework_editor: framework_editor::FrameworkEditorView,
    /// Import: the paste window and imports waiting for review.
    pub transfer: transfer::TransferView,
    /// Unsaved work found in recovery files at start.
    pub recovery: recovery_dialog::RecoveryDialog,
    /// Save as variant, and Save of a publisher's record: the reasons for its changes.
    pub reasons: variant::ReasonsDialog,
    /// Whether the log of notices is open.
    pub notice_log: bool,
    /// Help: the method, the keyboard shortcuts, About.
    pub help: help::HelpView,
    /// Preferences.
    pub preferences: preferences::PreferencesView,
    /// The rename dialog, while a role's file is being renamed.
    pub rename: Option<role_files::RenameDialog>,
}

/// Where the app keeps what must survive a crash, and how soon.
#[derive(Debug, Clone)]
pub struct Options {
    /// The program's data folder: recovery files, settings, its own library; `None` keeps none
    /// (then work is lost in a crash and nothing is remembered).
    pub data_dir: Option<PathBuf>,
    /// How long after the last edit recovery files are written.
    pub recovery_delay: Duration,
}

impl Options {
    /// The program's own: everything in the data folder, recovery files written
    /// [`RECOVERY_DELAY`] after the last edit. `AIJRI_DESK_DATA_DIR` moves the data folder (for
    /// trying the program out without touching one's own).
    #[must_use]
    pub fn standard() -> Self {
        Self {
            data_dir: data_dir(),
            recovery_delay: RECOVERY_DELAY,
        }
    }

    /// The folder of recovery files.
    #[must_use]
    pub fn recovery(&self) -> Option<RecoveryFolder> {
        self.data_dir
            .as_ref()
            .map(|dir| RecoveryFolder::new(dir.join("recovery")))
    }
}

/// The program's data folder: `AIJRI_DESK_DATA_DIR`, else the platform's (eframe's) one. Found
/// from the environment alone: no file-system call.
#[must_use]
pub fn data_dir() -> Option<PathBuf> {
    std::env::var_os(DATA_DIR_VAR)
        .map(PathBuf::from)
        .or_else(|| eframe::storage_dir("aijri-desk"))
}

/// Environment variable naming the data folder (recovery files, settings, the program's own
/// library, the report template).
pub const DATA_DIR_VAR: &str = "AIJRI_DESK_DATA_DIR";

/// The application: state, views, background work and the file picker.
pub struct AijriApp {
    /// The plain-data state.
    pub state: AppState,
    /// The views and their state.
    pub views: Views,
    /// The document I/O service: background work, writes, and the command queue.
    pub io: IoService,
    picker: Box<dyn FilePicker>,
    options: Options,
    /// Actions views emitted this frame, sent into the command queue after it.
    pending: Vec<Action>,
    /// The user agreed to close although work is unsaved (or saved it).
    close_allowed: bool,
    /// The window should close at the end of this frame.
    close_now: bool,
    /// When set (by [`STARTUP_PROBE_VAR`]), the first frame reports the time since this
    /// instant and closes the window: how cold start to first frame is measured.
    pub startup_probe: Option<std::time::Instant>,
    /// When set (by [`LIBRARY_PROBE_VAR`]), the end of the library load reports the time since
    /// this instant and closes the window.
    pub library_probe: Option<std::time::Instant>,
    /// How many library loads were started (each has its own id).
    loads: u64,
    /// The load of the library folder open now.
    folder_load: Option<loading::LoadId>,
    /// The watcher of the library folder.
    watcher: Option<Box<crate::library::watch::FolderWatcher>>,
    /// Outside changes to documents with unsaved edits, waiting to be asked about.
    outside_changes: VecDeque<(DocId, Box<crate::library::Loaded>)>,
    /// "Compare with source" waits for this source file to open beside this variant.
    source_to_compare: Option<(DocId, PathBuf)>,
    /// Comparison files to open once the library folder has loaded.
    comparisons_after_load: Vec<PathBuf>,
    /// What to do once this work is saved (the close question's Save), if it all is.
    after_saving: Option<(Vec<WorkId>, questions::Then)>,
    /// Recovery files of framework variants and the comparison (assessments' are the store's).
    work_recovery: unsaved::RecoverySchedule<WorkId>,
    /// The settings as last written to the settings file, and when they changed since.
    settings_written: (Settings, Option<std::time::Instant>),
    /// A menu or another popup was open when this frame began (Escape then closes it, not a
    /// window).
    popup_at_start: bool,
    /// The height the findings took last frame: their panel keeps that place.
    findings_height: Option<f32>,
    /// Where files moved to the trash go.
    trash_bin: crate::library::disk::TrashBin,
    /// Who opens files and shows them in their folders.
    opener: desktop::Opener,
}

impl AijriApp {
    /// An app on a store of documents, with a file picker (native, or scripted in tests).
    #[must_use]
    pub fn new(
        store: Store,
        settings: Settings,
        picker: Box<dyn FilePicker>,
        options: Options,
    ) -> Self {
        let mut app = Self {
            state: AppState {
                framework: Framework::published().clone(),
                frameworks: crate::framework::Frameworks::new(),
                framework_docs: framework_docs::FrameworkDocs::default(),
                view_under: None,
                store,
                selected: None,
                view: View::default(),
                settings: settings.clone(),
                notices: notices::Notices::default(),
                question: None,
                questions_waiting: VecDeque::new(),
                loading: None,
                opening: None,
                watch_polling: None,
                comparison: comparisons::ComparisonSession::default(),
                data_dir: options.data_dir.clone(),
                started: false,
            },
            views: Views::default(),
            io: IoService::new(),
            picker,
            options,
            pending: Vec::new(),
            close_allowed: false,
            close_now: false,
            startup_probe: None,
            library_probe: None,
            loads: 0,
            folder_load: None,
            watcher: None,
            outside_changes: VecDeque::new(),
            source_to_compare: None,
            comparisons_after_load: Vec::new(),
            after_saving: None,
            work_recovery: unsaved::RecoverySchedule::default(),
            settings_written: (settings, None),
            popup_at_start: false,
            findings_height: None,
            trash_bin: crate::library::disk::TrashBin::default(),
            opener: desktop::Opener::default(),
        };
        app.restore_comparison();
        app.state.selected = app.first_loaded();
        app
    }

    fn first_loaded(&self) -> Option<DocId> {
        self.state
            .store
            .entries()
            .iter()
            .find(|e| e.doc().is_some())
            .map(|e| e.id)
    }

    /// The comparison as Compare showed it last run: its title, notes, file and roles.
    pub(super) fn restore_comparison(&mut self) {
        let fields = &self.state.settings.comparison_fields;
        let ids: Vec<DocId> = self
            .state
            .settings
            .comparison
            .iter()
            .filter_map(|path| self.state.store.by_path(path))
            .collect();
        let content = comparisons::ComparisonContent {
            title: fields.title.clone(),
            notes: fields.notes.clone(),
            roles: ids,
        };
        self.state.store.replace_compared(&content.roles);
        let mut session = comparisons::ComparisonSession::new(content);
        session.file.clone_from(&fields.file);
        self.state.comparison = session;
    }

    /// Queues an action; it runs after the frame.
    pub fn emit(&mut self, action: Action) {
        self.pending.push(action);
    }

    /// Whether background work (a load, a dialog's answer, a write) is running.
    #[must_use]
    pub fn busy(&self) -> bool {
        self.io.busy()
    }

    /// One frame's logic outside the UI: the commands that arrived (background answers),
    /// recovery files and settings, close requests and keyboard shortcuts (not while a question
    /// is open).
    pub fn logic(&mut self, ctx: &egui::Context) {
        let _ui_thread = disk::UiThread::enter();
        self.io.set_context(ctx);
        keyboard::track_input(ctx);
        self.popup_at_start = egui::Popup::is_any_open(ctx);
        self.run_commands();
        self.write_chart_shots();
        self.ask_about_outside_changes();
        self.write_recovery_files(ctx);
        self.write_settings(ctx, false);
        if ctx.input(|i| i.viewport().close_requested()) && !self.close_allowed {
            // Closing waits for the questions and for the last writes (recovery files, settings).
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.apply(Action::Quit);
        }
        // Files dropped onto the window are read by path, on job threads.
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_owned())
                .collect()
        });
        if !dropped.is_empty() {
            self.apply(Action::OpenDropped(dropped));
        }
        let dialog_open = self.views.recovery.is_open()
            || self.views.reasons.is_open()
            || self.views.rename.is_some();
        if self.state.question.is_none() && !dialog_open {
            for action in menu::shortcuts(ctx, &self.state) {
                self.apply(action);
            }
        }
    }

    /// Draws the whole window; what the user did goes into the command queue and is carried out
    /// after the frame, with whatever background work reported meanwhile.
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        let _ui_thread = disk::UiThread::enter();
        self.io.set_context(ui.ctx());
        let mut actions = std::mem::take(&mut self.pending);
        let state = &self.state;
        let views = &mut self.views;
        egui::Panel::top("menu").show(ui, |ui| menu::ui(ui, state, &mut actions));
        egui::Panel::top("header").show(ui, |ui| header::ui(ui, state, &mut actions));
        // A narrow window keeps more room for the editor's task table.
        let list_width = (ui.ctx().content_rect().width() * 0.3).clamp(260.0, 390.0);
        egui::Panel::left("roles")
            .resizable(true)
            .default_size(list_width)
            .min_size(220.0)
            .show(ui, |ui| views.role_list.ui(ui, state, &mut actions));
        // The findings sit below the central view but are drawn after it, so Tab reaches them
        // after the view's controls, in reading order: their panel only keeps their place.
        let findings_height = self.findings_height;
        let findings = state.selected_doc().is_some().then(|| {
            egui::Panel::bottom("findings")
                .resizable(true)
                .default_size(FINDINGS_HEIGHT)
                .show(ui, |ui| {
                    let max = ui.max_rect();
                    let height = findings_height.unwrap_or(FINDINGS_HEIGHT);
                    ui.expand_to_include_rect(egui::Rect::from_min_size(
                        max.min,
                        egui::vec2(max.width(), height),
                    ));
                    max
                })
                .inner
        });
        egui::CentralPanel::default().show(ui, |ui| match state.view {
            View::Editor => views.editor.ui(ui, state, &mut actions),
            View::Compare => views.compare.ui(ui, state, &mut actions),
            View::WhatIf => views.whatif.ui(ui, state, &mut actions),
            View::Pathways => views.pathways.ui(ui, state, &mut actions),
            View::Framework => views.framework_editor.ui(ui, state, &mut actions),
        });
        if let Some(place) = findings {
            let drawn = ui.scope_builder(egui::UiBuilder::new().max_rect(place), |ui| {
                validation_panel::ui(ui, state, &mut actions);
            });
            // The panel keeps the findings' height of the last frame; a change shows next frame.
            // It grows at once and shrinks only by more than a line, so the findings' scroll
            // area and the panel cannot take turns resizing each other.
            let height = drawn.response.rect.height();
            let moved = self
                .findings_height
                .is_none_or(|h| height > h + 1.0 || height < h - FINDINGS_SHRINK);
            if moved {
                self.findings_height = Some(height);
                ui.ctx().request_repaint();
            }
        }
        questions::ui(ui.ctx(), state, &mut actions);
        views.transfer.ui(ui.ctx(), &mut actions);
        views.recovery.ui(ui.ctx(), &mut actions);
        views.reasons.ui(ui.ctx(), &mut actions);
        notices::log_ui(ui.ctx(), state, &mut views.notice_log, &mut actions);
        views.help.ui(ui.ctx(), state, &mut actions);
        views.preferences.ui(ui.ctx(), state, &mut actions);
        if let Some(rename) = &mut views.rename
            && !rename.ui(ui.ctx(), &mut actions)
        {
            views.rename = None;
        }
        self.picker.show(ui.ctx());
        self.escape_closes_a_window(ui.ctx());
        let sender = self.io.sender();
        for action in actions {
            sender.send(io::Command::Action(action));
        }
        self.run_commands();
        self.finish_frame(ui.ctx());
    }

    /// Escape closes the window on top (Preferences, Help, the notices' log) when no menu, dialog
    /// or question took it first: those close themselves, as Cancel.
    fn escape_closes_a_window(&mut self, ctx: &egui::Context) {
        if self.popup_at_start
            || !ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape))
        {
            return;
        }
        let views = &mut self.views;
        if views.preferences.is_open() {
            views.preferences.close();
        } else if views.help.page().is_some() {
            views.help.close();
        } else {
            views.notice_log = false;
        }
    }

    fn finish_frame(&mut self, ctx: &egui::Context) {
        keyboard::draw_focus_ring(ctx);
        // Screen readers name the window by its root node: give it the program's name.
        ctx.accesskit_node_builder(egui::accesskit_root_id(), |node| {
            node.set_label(WINDOW_TITLE);
        });
        if let Some(started) = self.startup_probe.take() {
            eprintln!(
                "first frame drawn {:.1} ms after start",
                started.elapsed().as_secs_f64() * 1000.0
            );
            // With both probes, the window stays until the library has loaded.
            self.close_now |= self.library_probe.is_none();
        }
        if self.close_now {
            self.close_now = false;
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    /// Remembers what is persisted between runs: the comparison set (once the library has loaded:
    /// until then its roles are still arriving), the library folder, the comparison's fields.
    pub fn snapshot_settings(&mut self) {
        let store = &self.state.store;
        if self.state.loading.is_none() {
            self.state.settings.comparison = store
                .compared()
                .into_iter()
                .filter_map(|id| store.path(id).map(std::path::Path::to_path_buf))
                .collect();
        }
        if let Some(folder) = &store.folder {
            self.state.settings.last_folder = Some(folder.clone());
        }
        let session = &self.state.comparison;
        self.state.settings.comparison_fields = settings::ComparisonFields {
            title: session.title().to_owned(),
            notes: session.notes().to_owned(),
            file: session.file.clone(),
        };
    }

    /// Whether the window was allowed to close (the user answered the unsaved-work question).
    #[must_use]
    pub fn close_allowed(&self) -> bool {
        self.close_allowed
    }
}

impl eframe::App for AijriApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        AijriApp::logic(self, ctx);
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        AijriApp::ui(self, ui);
    }
}

/// The window's app id: the desktop entry's name (`aijri-desk.desktop`) and its `StartupWMClass`,
/// so desktops match the window to its menu entry and icon.
pub const APP_ID: &str = "aijri-desk";

/// The program's icon, rendered from `assets/icons/aijri-desk.svg`: the window shows it.
const WINDOW_ICON_PNG: &[u8] = include_bytes!("../../assets/icons/aijri-desk-128.png");

/// The window icon, decoded from the embedded PNG.
///
/// # Errors
/// When the embedded PNG cannot be decoded (the window then keeps the default icon).
pub fn window_icon() -> Result<egui::IconData, image::ImageError> {
    eframe::icon_data::from_png_bytes(WINDOW_ICON_PNG)
}

/// Opens the window on the given folders and files (or the last library, or the shipped one).
#[must_use]
pub fn run(paths: Vec<PathBuf>) -> ExitCode {
    let started = std::time::Instant::now();
    let probe = |var| std::env::var_os(var).is_some().then_some(started);
    let (startup_probe, library_probe) = (probe(STARTUP_PROBE_VAR), probe(LIBRARY_PROBE_VAR));
    let mut viewport = egui::ViewportBuilder::default()
        .with_title(WINDOW_TITLE)
        .with_app_id(APP_ID)
        .with_inner_size([1320.0, 860.0])
        .with_min_inner_size([900.0, 560.0]);
    match window_icon() {
        Ok(icon) => viewport = viewport.with_icon(icon),
        Err(error) => eprintln!("aijri-desk: the window icon could not be decoded: {error}"),
    }
    let options = eframe::NativeOptions {
        viewport,
        ..Default::default()
    };
    let result = eframe::run_native(
        WINDOW_TITLE,
        options,
        Box::new(move |cc| {
            // No file is read here: the window appears first, and the start-up job reads the
            // settings file and finds the library (a stale network share cannot hold it up).
            fonts::install(&cc.egui_ctx);
            let mut app = startup::open_app(
                &paths,
                Settings::default(),
                Box::new(picker::NativePicker::new()),
                Options::standard(),
            );
            app.startup_probe = startup_probe;
            app.library_probe = library_probe;
            Ok(Box::new(app))
        }),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("aijri-desk: could not open the window: {error}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod icon_tests {
    #[test]
    fn the_window_icon_decodes_to_a_square_128_pixel_image() {
        let icon = super::window_icon();
        assert!(
            matches!(&icon, Ok(i) if (i.width, i.height, i.rgba.len()) == (128, 128, 128 * 128 * 4)),
            "{icon:?}"
        );
    }
}
