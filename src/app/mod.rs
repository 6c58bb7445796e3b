//! The desktop window (eframe/egui): the only part of the program that uses egui.
//!
//! [`AijriApp`] holds the plain-data [`AppState`] (documents by id in the [`store::Store`],
//! selection, settings, notices, the pending question), the views (each owns its view state, draws
//! from the state and returns [`Action`]s) and the background work ([`jobs`]). Actions are applied
//! after the frame by [`AijriApp::apply`], which tests call too; every change to an assessment goes
//! through [`store::Store::edit`].

pub mod actions;
pub mod chart;
pub mod client_report;
pub mod compare;
pub mod comparisons;
pub mod editor;
pub mod file_dialog;
pub mod fonts;
pub mod framework_editor;
pub mod frameworks;
pub mod header;
pub mod jobs;
pub mod loading;
pub mod menu;
pub mod opening;
pub mod picker;
pub mod questions;
pub mod recovery_dialog;
pub mod role_list;
pub mod saving;
pub mod settings;
pub mod startup;
pub mod store;
pub mod tabs;
pub mod transfer;
pub mod validation_panel;
pub mod variant;
pub mod watching;
pub mod whatif;
pub mod widgets;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

pub use actions::Action;
use jobs::Jobs;
use picker::FilePicker;
pub use questions::Question;
pub use settings::Settings;
use store::{DocId, Document, Store};

use crate::framework::Framework;
use crate::library::recovery::RecoveryFolder;

/// The window title.
pub const WINDOW_TITLE: &str = "AIJRI Desk";

/// Environment variable that makes the program print the time from start to the first drawn frame
/// and exit (see the README's benchmarks).
pub const STARTUP_PROBE_VAR: &str = "AIJRI_DESK_EXIT_AFTER_FIRST_FRAME";

/// Environment variable that makes the program print how long the library took to load (from
/// start until every file was read, parsed and scored) and exit.
pub const LIBRARY_PROBE_VAR: &str = "AIJRI_DESK_EXIT_AFTER_LIBRARY_LOADED";

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
    /// The framework in use: its weights, thresholds and texts.
    Framework,
}

impl View {
    /// Every view, in the order the switcher shows them.
    pub const ALL: [Self; 4] = [Self::Editor, Self::Compare, Self::WhatIf, Self::Framework];

    /// The view's name in the menu and the switcher.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Editor => "Editor",
            Self::Compare => "Compare",
            Self::WhatIf => "What-if",
            Self::Framework => "Framework editor",
        }
    }
}

/// A message shown in the window until dismissed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// Whether it reports a failure.
    pub is_error: bool,
    /// The text, naming the file and what happened.
    pub text: String,
}

/// The program's state as plain data: what views draw and actions change.
#[derive(Debug)]
pub struct AppState {
    /// The framework shared views (the comparison chart's zone bands) are drawn under: the one
    /// every role is viewed under, or the published one.
    pub framework: Framework,
    /// The frameworks available: the published one, the library folder's, those opened.
    pub frameworks: crate::framework::Frameworks,
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
    /// Messages for the user, newest last.
    pub notices: Vec<Notice>,
    /// A question the user must answer before anything else happens.
    pub question: Option<Question>,
    /// The library folder's load, while it runs.
    pub loading: Option<loading::Loading>,
    /// Files being opened beside the library, while they load.
    pub opening: Option<loading::Loading>,
    /// Whether the library folder is polled (no change events there), once its watch started.
    pub watch_polling: Option<bool>,
    /// The comparison's title, notes and file (saved comparisons).
    pub comparison: comparisons::ComparisonSession,
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

    /// Adds a notice for the user (at most five are kept).
    pub fn notify(&mut self, is_error: bool, text: impl Into<String>) {
        let text = text.into();
        self.notices.retain(|n| n.text != text);
        self.notices.push(Notice { is_error, text });
        if self.notices.len() > 5 {
            self.notices.remove(0);
        }
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
    /// The framework editor: the draft being edited.
    pub framework_editor: framework_editor::FrameworkEditorView,
    /// Import: the paste window and imports waiting for review.
    pub transfer: transfer::TransferView,
    /// Unsaved edits found in recovery files at start.
    pub recovery: recovery_dialog::RecoveryDialog,
    /// Save as variant, and Save of a publisher's record: the reasons for its changes.
    pub reasons: variant::ReasonsDialog,
}

/// Where the app keeps what must survive a crash, and how soon.
#[derive(Debug, Clone)]
pub struct Options {
    /// The folder of recovery files; `None` keeps none (then edits are lost in a crash).
    pub recovery: Option<RecoveryFolder>,
    /// How long after the last edit recovery files are written.
    pub recovery_delay: Duration,
}

impl Options {
    /// The program's own: recovery files in the data folder, written [`RECOVERY_DELAY`] after
    /// the last edit. `AIJRI_DESK_DATA_DIR` moves the data folder (for trying the program out
    /// without touching one's own).
    #[must_use]
    pub fn standard() -> Self {
        Self {
            recovery: data_dir().map(|dir| RecoveryFolder::new(dir.join("recovery"))),
            recovery_delay: RECOVERY_DELAY,
        }
    }
}

/// The program's data folder: `AIJRI_DESK_DATA_DIR`, else the platform's (eframe's) one.
#[must_use]
pub fn data_dir() -> Option<PathBuf> {
    std::env::var_os(DATA_DIR_VAR)
        .map(PathBuf::from)
        .or_else(|| eframe::storage_dir("aijri-desk"))
}

/// Environment variable naming the data folder (recovery files, the shipped library's copy).
pub const DATA_DIR_VAR: &str = "AIJRI_DESK_DATA_DIR";

/// The application: state, views, background work and the file picker.
pub struct AijriApp {
    /// The plain-data state.
    pub state: AppState,
    /// The views and their state.
    pub views: Views,
    /// Background work and its answers (file dialogs, loads, exports, recovery files).
    pub jobs: Jobs,
    picker: Box<dyn FilePicker>,
    options: Options,
    /// Actions views emitted this frame, applied after it.
    pending: Vec<Action>,
    /// The user agreed to close although edits are unsaved (or saved them).
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
    outside_changes: std::collections::VecDeque<(DocId, Box<crate::library::Loaded>)>,
    /// "Compare with source" waits for this source file to open beside this variant.
    source_to_compare: Option<(DocId, PathBuf)>,
    /// Comparison files to open once the library folder has loaded.
    comparisons_after_load: Vec<PathBuf>,
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
                view_under: None,
                store,
                selected: None,
                view: View::default(),
                settings,
                notices: Vec::new(),
                question: None,
                loading: None,
                opening: None,
                watch_polling: None,
                comparison: comparisons::ComparisonSession::default(),
            },
            views: Views::default(),
            jobs: Jobs::new(options.recovery.clone()),
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
            outside_changes: std::collections::VecDeque::new(),
            source_to_compare: None,
            comparisons_after_load: Vec::new(),
        };
        app.restore_comparison();
        app.state.selected = app.first_loaded();
        if let Some(folder) = &app.options.recovery {
            app.views.recovery = recovery_dialog::RecoveryDialog::found(folder);
        }
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

    fn restore_comparison(&mut self) {
        let fields = &self.state.settings.comparison_fields;
        self.state.comparison = comparisons::ComparisonSession {
            title: fields.title.clone(),
            notes: fields.notes.clone(),
            file: fields.file.clone(),
            ..comparisons::ComparisonSession::default()
        };
        let ids: Vec<DocId> = self
            .state
            .settings
            .comparison
            .iter()
            .filter_map(|path| self.state.store.by_path(path))
            .collect();
        for id in ids {
            self.state.store.set_compared(id, true);
        }
    }

    /// Queues an action; it runs after the frame.
    pub fn emit(&mut self, action: Action) {
        self.pending.push(action);
    }

    /// Whether background work (a load, a dialog, an export, a recovery write) is running.
    #[must_use]
    pub fn busy(&self) -> bool {
        self.jobs.busy()
    }

    /// One frame's logic outside the UI: background answers, recovery files, close requests and
    /// keyboard shortcuts (not while a question is open).
    pub fn logic(&mut self, ctx: &egui::Context) {
        self.jobs.set_context(ctx);
        for done in self.jobs.finished() {
            self.finished(done);
        }
        self.poll_exports(ctx);
        self.ask_about_outside_changes();
        for work in self
            .state
            .store
            .take_recovery_work(self.options.recovery_delay)
        {
            self.jobs.recovery(work);
        }
        if self.state.store.recovery_pending() {
            ctx.request_repaint_after(Duration::from_millis(500));
        }
        if ctx.input(|i| i.viewport().close_requested()) && !self.close_allowed {
            let dirty = self.state.store.dirty();
            if !dirty.is_empty() {
                ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
                self.state.question = Some(Question::Unsaved {
                    docs: dirty,
                    then: questions::Then::Quit,
                });
            }
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
        let dialog_open = self.views.recovery.is_open() || self.views.reasons.is_open();
        if self.state.question.is_none() && !dialog_open {
            for action in menu::shortcuts(ctx, &self.state) {
                self.apply(action);
            }
        }
    }

    /// Draws the whole window and applies what the user did.
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        self.jobs.set_context(ui.ctx());
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
        if state.selected_doc().is_some() {
            egui::Panel::bottom("findings")
                .resizable(true)
                .default_size(130.0)
                .show(ui, |ui| validation_panel::ui(ui, state, &mut actions));
        }
        egui::CentralPanel::default().show(ui, |ui| match state.view {
            View::Editor => views.editor.ui(ui, state, &mut actions),
            View::Compare => views.compare.ui(ui, state, &mut actions),
            View::WhatIf => views.whatif.ui(ui, state, &mut actions),
            View::Framework => views.framework_editor.ui(ui, state, &mut actions),
        });
        questions::ui(ui.ctx(), state, &mut actions);
        views.transfer.ui(ui.ctx(), &mut actions);
        views.recovery.ui(ui.ctx(), &mut actions);
        views.reasons.ui(ui.ctx(), &mut actions);
        self.picker.show(ui.ctx());
        for action in actions {
            self.apply(action);
        }
        self.finish_frame(ui.ctx());
    }

    fn finish_frame(&mut self, ctx: &egui::Context) {
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

    /// Remembers what is persisted between runs.
    pub fn snapshot_settings(&mut self) {
        let store = &self.state.store;
        self.state.settings.comparison = store
            .compared()
            .into_iter()
            .filter_map(|id| store.path(id).map(std::path::Path::to_path_buf))
            .collect();
        if let Some(folder) = &store.folder {
            self.state.settings.last_folder = Some(folder.clone());
        }
        let session = &self.state.comparison;
        self.state.settings.comparison_fields = settings::ComparisonFields {
            title: session.title.clone(),
            notes: session.notes.clone(),
            file: session.file.clone(),
        };
    }

    /// Whether the window was allowed to close (the user answered the unsaved-edits question).
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

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.snapshot_settings();
        eframe::set_value(storage, eframe::APP_KEY, &self.state.settings);
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
            let settings: Settings = cc
                .storage
                .and_then(|s| eframe::get_value(s, eframe::APP_KEY))
                .unwrap_or_default();
            fonts::install(&cc.egui_ctx);
            settings.apply_theme(&cc.egui_ctx);
            let mut app = startup::open_app(
                &paths,
                settings,
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
