//! Preferences (Edit → Preferences…, Ctrl+,): the assessor name new assessments and variants
//! get, the client report's paper size and template, the theme, and how the library folder is
//! watched. Each is a setting (`crate::settings`), written to `settings.json` a moment after it
//! changes and read at the next start.
//!
//! The report template: "Use my own template…" copies the shipped one into the data folder
//! (through the I/O service, never over a file that is there without asking), says where, and
//! opens the folder; every export then uses it. "Use the shipped template" moves it to the
//! desktop's trash, from where it can be restored.

use std::path::PathBuf;

use egui::{Context, RichText, Ui};

use super::io::{Content, Done, QueueKey, WriteOf, WriteRequest};
use super::{Action, AijriApp, AppState};
use crate::client_report::{Paper, SHIPPED_TEMPLATE, TEMPLATE_FILE_NAME};
use crate::library::watch::WatchMode;
use crate::library::{Expect, disk};

/// The Preferences window's state.
#[derive(Debug, Default)]
pub struct PreferencesView {
    open: bool,
    /// Whether one's own report template is in the data folder, once looked up.
    pub own_template: Option<bool>,
    /// The assessor name as typed (sent as it changes).
    assessor: Option<String>,
}

impl PreferencesView {
    /// Whether the window is open.
    #[must_use]
    pub fn is_open(&self) -> bool {
        self.open
    }

    /// Closes the window.
    pub fn close(&mut self) {
        self.open = false;
    }

    /// Draws the window while it is open.
    pub fn ui(&mut self, ctx: &Context, state: &AppState, actions: &mut Vec<Action>) {
        if !self.open {
            return;
        }
        let mut open = true;
        egui::Window::new("Preferences")
            .open(&mut open)
            .default_width(600.0)
            .resizable(false)
            .show(ctx, |ui| {
                egui::Grid::new("preferences")
                    .num_columns(2)
                    .spacing([16.0, 12.0])
                    .show(ui, |ui| {
                        self.assessor_ui(ui, state, actions);
                        paper_ui(ui, state, actions);
                        self.template_ui(ui, state, actions);
                        theme_ui(ui, state, actions);
                        watching_ui(ui, state, actions);
                    });
                ui.add_space(8.0);
                ui.label(
                    RichText::new("Each preference is kept at once, and remembered between runs.")
                        .weak(),
                );
            });
        if !open {
            self.open = false;
        }
    }

    fn assessor_ui(&mut self, ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
        let label = ui.label("Assessor name");
        let typed = self
            .assessor
            .get_or_insert_with(|| state.settings.assessor.clone());
        ui.vertical(|ui| {
            let field = ui
                .add(
                    egui::TextEdit::singleline(typed)
                        .hint_text("e.g. A. Adviser")
                        .desired_width(300.0),
                )
                .labelled_by(label.id);
            if field.changed() {
                actions.push(Action::SetAssessor(typed.clone()));
            }
            ui.label(RichText::new("New assessments and variants are signed with it.").weak());
        });
        ui.end_row();
    }

    fn template_ui(&mut self, ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
        ui.label("Report template");
        ui.vertical(|ui| {
            let Some(dir) = &state.data_dir else {
                ui.label("The shipped one (there is no data folder to keep one's own in).");
                return;
            };
            let own = dir.join(TEMPLATE_FILE_NAME);
            match self.own_template {
                None => {
                    ui.label("Looking for your own template…");
                }
                Some(true) => {
                    ui.label(format!("Your own: {}", own.display()));
                    ui.horizontal(|ui| {
                        super::notices::file_buttons(ui, &own, actions);
                        if ui
                            .button("Use the shipped template")
                            .on_hover_text(
                                "Move your template to the desktop's trash (it can be restored \
                                 from there): reports use the shipped one again",
                            )
                            .clicked()
                        {
                            actions.push(Action::UseShippedTemplate);
                        }
                    });
                }
                Some(false) => {
                    ui.label("The shipped one.");
                    if ui
                        .button("Use my own template…")
                        .on_hover_text(format!(
                            "Copy the shipped template to {}, to edit there: your organisation's \
                             name, logo and colours",
                            own.display()
                        ))
                        .clicked()
                    {
                        actions.push(Action::UseOwnTemplate);
                    }
                }
            }
        });
        ui.end_row();
    }
}

fn paper_ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    ui.label("Report paper size");
    ui.horizontal(|ui| {
        for paper in Paper::ALL {
            let chosen = state.settings.paper == paper;
            if ui.radio(chosen, paper.label()).clicked() && !chosen {
                actions.push(Action::SetPaper(paper));
            }
        }
    });
    ui.end_row();
}

fn theme_ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    ui.label("Theme");
    ui.horizontal(|ui| {
        for (dark, text) in [
            (None, "The system's"),
            (Some(false), "Light"),
            (Some(true), "Dark"),
        ] {
            let chosen = state.settings.dark_mode == dark;
            if ui.radio(chosen, text).clicked() && !chosen {
                actions.push(Action::SetTheme(dark));
            }
        }
    });
    ui.end_row();
}

fn watching_ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    ui.label("Folder watching");
    ui.vertical(|ui| {
        for (mode, text) in [
            (WatchMode::Auto, "Automatically (poll network shares)"),
            (WatchMode::Events, "With change events"),
            (WatchMode::Polling, "By polling every 2 s"),
        ] {
            let chosen = state.settings.watch_mode == mode;
            if ui.radio(chosen, text).clicked() && !chosen {
                actions.push(Action::SetWatchMode(mode));
            }
        }
        let now = match state.watch_polling {
            Some(true) => "The library folder is polled now.",
            Some(false) => "The library folder sends change events now.",
            None => "No library folder is watched yet.",
        };
        ui.label(RichText::new(now).weak());
    });
    ui.end_row();
}

impl AijriApp {
    /// Opens Preferences, and looks (off the UI thread) for one's own report template.
    pub(super) fn show_preferences(&mut self) {
        self.views.preferences.open = true;
        self.views.preferences.assessor = None;
        self.look_for_own_template();
    }

    fn look_for_own_template(&mut self) {
        let Some(file) = self.own_template_file() else {
            return;
        };
        self.io.spawn("find-template", move || {
            Done::OwnTemplate(disk::is_file(&file))
        });
    }

    /// Where one's own report template lives: `client-report.typ` in the data folder.
    fn own_template_file(&self) -> Option<PathBuf> {
        self.state
            .data_dir
            .as_ref()
            .map(|dir| dir.join(TEMPLATE_FILE_NAME))
    }

    /// Copies the shipped template into the data folder (asking first should a file be there).
    pub(super) fn use_own_template(&mut self) {
        let Some(path) = self.own_template_file() else {
            self.state.notify(
                true,
                "This program has no data folder (no home folder was found) to keep a template in.",
            );
            return;
        };
        self.io.write(WriteRequest {
            key: QueueKey::File(path.clone()),
            path,
            expect: Expect::Absent,
            content: Content::Bytes(SHIPPED_TEMPLATE.as_bytes().to_vec()),
            make_folder: true,
            of: WriteOf::Template,
        });
    }

    /// The template was copied: a notice says where, and its folder opens.
    pub(super) fn template_copied(&mut self, path: PathBuf) {
        self.views.preferences.own_template = Some(true);
        self.state.notify_file(
            format!(
                "Copied the report template to {}: edit it there (name, logo, colours); every \
                 client report uses it",
                path.display()
            ),
            path.clone(),
        );
        self.open_with_desktop(path, true);
    }

    /// Moves one's own template to the trash: reports use the shipped one again.
    pub(super) fn use_shipped_template(&mut self) {
        let Some(path) = self.own_template_file() else {
            return;
        };
        self.io.write(WriteRequest {
            key: QueueKey::File(path.clone()),
            path,
            expect: Expect::Anything,
            content: Content::Trash(self.trash_bin.clone()),
            make_folder: false,
            of: WriteOf::Trashed { doc: None },
        });
    }

    /// One's own template went to the trash.
    pub(super) fn template_trashed(&mut self, path: &std::path::Path) {
        self.views.preferences.own_template = Some(false);
        self.state.notify(
            false,
            format!(
                "Moved {} to the trash: client reports use the shipped template again",
                path.display()
            ),
        );
    }
}
