//! The desktop window (eframe/egui): the only part of the program that uses egui.
//!
//! [`AijriApp`] holds plain state ([`state`]); each panel lives in a file of its own and returns
//! [`Action`]s, applied after the frame by [`AijriApp::apply`], which tests call directly too.

pub mod actions;
pub mod chart;
pub mod compare;
pub mod editor;
pub mod fonts;
pub mod header;
pub mod menu;
pub mod modal;
pub mod picker;
pub mod role_list;
pub mod settings;
pub mod startup;
pub mod state;
pub mod tabs;
pub mod transfer;
pub mod validation_panel;
pub mod whatif;
pub mod widgets;

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::mpsc::{Receiver, Sender, channel};

pub use actions::Action;
use picker::{FilePicker, PickResult};
pub use settings::Settings;
use state::{Library, ListFilter};

use crate::framework::Framework;

/// The window title.
pub const WINDOW_TITLE: &str = "AIJRI Desk";

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
    pub fn for_field(field: &str) -> Self {
        let head = field.split(['.', '[']).next().unwrap_or_default();
        match head {
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
}

impl View {
    /// Every view, in the order the switcher shows them.
    pub const ALL: [Self; 3] = [Self::Editor, Self::Compare, Self::WhatIf];

    /// The view's name in the menu and the switcher.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Editor => "Editor",
            Self::Compare => "Compare",
            Self::WhatIf => "What-if",
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

/// A question the user must answer before an action goes ahead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Confirm {
    /// Unsaved edits exist and the user asked for `then`: Save all / Discard / Cancel.
    UnsavedChanges {
        /// What to do once answered.
        then: Box<Action>,
    },
    /// The file changed on disk since it was loaded: overwrite it?
    OverwriteChanged {
        /// The entry to save.
        index: usize,
    },
}

/// The application: state, settings and the channel file dialogs answer on.
pub struct AijriApp {
    /// The framework every figure is computed under.
    pub framework: Framework,
    /// The open library.
    pub library: Library,
    /// The role list's search, filter and order.
    pub filter: ListFilter,
    /// The selected entry.
    pub selected: Option<usize>,
    /// The editor tab shown.
    pub tab: Tab,
    /// What the central area shows.
    pub view: View,
    /// Messages for the user.
    pub notices: Vec<Notice>,
    /// A pending question.
    pub confirm: Option<Confirm>,
    /// What is remembered between runs.
    pub settings: Settings,
    /// A field the editor should scroll to and focus on the next frame.
    pub jump_to: Option<String>,
    /// The user agreed to close although edits are unsaved (or saved them).
    close_allowed: bool,
    /// Set by the editor on a frame that changed the assessment: the widget that did it.
    last_edit: Option<(egui::Id, f64)>,
    picker: Box<dyn FilePicker>,
    picks_tx: Sender<PickResult>,
    picks_rx: Receiver<PickResult>,
    /// Actions panels emitted this frame.
    pending: Vec<Action>,
    /// Set when the search box should take the keyboard focus (Ctrl+F).
    pub focus_search: bool,
    /// The window should close at the end of this frame.
    close_now: bool,
    /// The egui context, once a frame has run, to wake the UI from dialog threads.
    ctx: Option<egui::Context>,
    /// The paste window's text, while the window is open.
    pub paste: Option<String>,
    /// Imported assessments the user has yet to review.
    pub pending_imports: Vec<transfer::PendingImport>,
    /// The Compare view's options and its chart export.
    pub compare: compare::CompareState,
    /// The What-if view's cached analysis.
    pub whatif: whatif::WhatIfState,
    /// When set (by [`STARTUP_PROBE_VAR`]), the first frame reports the time since this
    /// instant and closes the window: how cold start to first frame is measured.
    pub startup_probe: Option<std::time::Instant>,
}

/// Environment variable that makes the program print the time from start to the first drawn frame
/// and exit (see the README's benchmarks).
pub const STARTUP_PROBE_VAR: &str = "AIJRI_DESK_EXIT_AFTER_FIRST_FRAME";

impl AijriApp {
    /// An app on a library, with a file picker (native, or scripted in tests).
    #[must_use]
    pub fn new(library: Library, settings: Settings, picker: Box<dyn FilePicker>) -> Self {
        let (picks_tx, picks_rx) = channel();
        let mut app = Self {
            framework: Framework::published().clone(),
            library,
            filter: ListFilter::default(),
            selected: None,
            tab: Tab::default(),
            view: View::default(),
            notices: Vec::new(),
            confirm: None,
            settings,
            jump_to: None,
            close_allowed: false,
            last_edit: None,
            picker,
            picks_tx,
            picks_rx,
            pending: Vec::new(),
            focus_search: false,
            close_now: false,
            ctx: None,
            paste: None,
            pending_imports: Vec::new(),
            compare: compare::CompareState::default(),
            whatif: whatif::WhatIfState::default(),
            startup_probe: None,
        };
        app.restore_comparison();
        app.selected = app.library.entries.iter().position(|e| e.doc().is_some());
        app
    }

    /// Queues an action from a panel; it runs after the frame.
    pub fn emit(&mut self, action: Action) {
        self.pending.push(action);
    }

    /// The selected document, when one is selected and loaded.
    #[must_use]
    pub fn selected_doc(&self) -> Option<&state::Doc> {
        self.selected
            .and_then(|i| self.library.entries.get(i))
            .and_then(state::Entry::doc)
    }

    /// Adds a notice for the user.
    pub fn notify(&mut self, is_error: bool, text: impl Into<String>) {
        let text = text.into();
        self.notices.retain(|n| n.text != text);
        self.notices.push(Notice { is_error, text });
        if self.notices.len() > 5 {
            self.notices.remove(0);
        }
    }

    fn restore_comparison(&mut self) {
        for entry in &mut self.library.entries {
            entry.compared = self.settings.comparison.contains(&entry.path);
        }
    }

    /// Answers that arrived from file dialogs.
    fn drain_picks(&mut self) {
        while let Ok(result) = self.picks_rx.try_recv() {
            self.picked(result);
        }
    }

    /// Opens a file dialog without blocking the UI.
    fn request_pick(&mut self, request: picker::PickRequest) {
        let ctx = self.ctx.clone();
        let wake = Box::new(move || {
            if let Some(ctx) = &ctx {
                ctx.request_repaint();
            }
        });
        self.picker.pick(request, self.picks_tx.clone(), wake);
        // A scripted picker answers at once: handle it now rather than a frame later.
        self.drain_picks();
    }

    /// One frame's logic outside the UI: dialog answers, close requests, keyboard shortcuts.
    pub fn logic(&mut self, ctx: &egui::Context) {
        if self.ctx.is_none() {
            self.ctx = Some(ctx.clone());
        }
        self.drain_picks();
        self.poll_exports(ctx);
        if ctx.input(|i| i.viewport().close_requested())
            && !self.close_allowed
            && self.library.any_dirty()
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.confirm = Some(Confirm::UnsavedChanges {
                then: Box::new(Action::Quit),
            });
        }
        for action in menu::shortcuts(ctx) {
            self.apply(action);
        }
    }

    /// Draws the whole window and applies what the user did.
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        if self.ctx.is_none() {
            self.ctx = Some(ui.ctx().clone());
        }
        egui::Panel::top("menu").show(ui, |ui| menu::ui(ui, self));
        egui::Panel::top("header").show(ui, |ui| header::ui(ui, self));
        egui::Panel::left("roles")
            .resizable(true)
            .default_size(330.0)
            .min_size(240.0)
            .show(ui, |ui| {
                role_list::ui(ui, self);
            });
        if self.selected_doc().is_some() {
            egui::Panel::bottom("findings")
                .resizable(true)
                .default_size(130.0)
                .show(ui, |ui| {
                    validation_panel::ui(ui, self);
                });
        }
        egui::CentralPanel::default().show(ui, |ui| match self.view {
            View::Editor => editor::ui(ui, self),
            View::Compare => compare::ui(ui, self),
            View::WhatIf => whatif::ui(ui, self),
        });
        modal::ui(ui.ctx(), self);
        transfer::paste_ui(ui.ctx(), self);
        transfer::review_ui(ui.ctx(), self);
        for action in std::mem::take(&mut self.pending) {
            self.apply(action);
        }
        if let Some(started) = self.startup_probe.take() {
            eprintln!(
                "first frame drawn {:.1} ms after start",
                started.elapsed().as_secs_f64() * 1000.0
            );
            self.close_now = true;
        }
        if self.close_now {
            self.close_now = false;
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    /// Records an edit of the selected document made through widgets this frame. Consecutive
    /// changes through the same focused or dragged widget merge into one undo step.
    pub fn record_widget_edit(&mut self, before: crate::model::Assessment, ctx: &egui::Context) {
        let now = ctx.input(|i| i.time);
        let widget = ctx
            .memory(egui::Memory::focused)
            .or_else(|| ctx.dragged_id());
        let merge = match (widget, self.last_edit) {
            (Some(id), Some((last, at))) => id == last && now - at < 3.0,
            _ => false,
        };
        self.last_edit = widget.map(|id| (id, now));
        let Some(index) = self.selected else { return };
        let framework = &self.framework;
        if let Some(doc) = self
            .library
            .entries
            .get_mut(index)
            .and_then(state::Entry::doc_mut)
        {
            doc.record_edit(before, merge, framework);
            self.library.invalidate();
        }
    }

    /// Remembers what is persisted between runs.
    pub fn snapshot_settings(&mut self) {
        self.settings.comparison = self.library.compared_paths().into_iter().collect();
        if let Some(folder) = &self.library.folder {
            self.settings.last_folder = Some(folder.clone());
        }
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
        eframe::set_value(storage, eframe::APP_KEY, &self.settings);
    }
}

/// Opens the window on the given folders and files (or the last library, or the shipped one).
#[must_use]
pub fn run(paths: Vec<PathBuf>) -> ExitCode {
    let started = std::time::Instant::now();
    let probe = std::env::var_os(STARTUP_PROBE_VAR)
        .is_some()
        .then_some(started);
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(WINDOW_TITLE)
            .with_app_id("aijri-desk")
            .with_inner_size([1320.0, 860.0])
            .with_min_inner_size([900.0, 560.0]),
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
            let mut app = startup::open_app(&paths, settings, Box::new(picker::NativePicker));
            app.startup_probe = probe;
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
