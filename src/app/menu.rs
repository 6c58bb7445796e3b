//! The menu bar and the keyboard shortcuts.

use egui::{Key, KeyboardShortcut, Modifiers, Ui};

use super::picker::ExportFormat;
use super::{Action, AijriApp};

const NEW: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::N);
const OPEN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
const SAVE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
const SAVE_AS: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::S);
const UNDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
const REDO: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
const FIND: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::F);

/// The actions of the shortcuts pressed this frame. Shortcuts with Shift are consumed first so
/// Ctrl+Shift+S is not also read as Ctrl+S. Ctrl+F is handled by [`find_pressed`].
pub fn shortcuts(ctx: &egui::Context) -> Vec<Action> {
    let table = [
        (SAVE_AS, Action::SaveAs),
        (REDO, Action::Redo),
        (NEW, Action::New),
        (OPEN, Action::OpenFiles),
        (SAVE, Action::Save),
        (UNDO, Action::Undo),
    ];
    ctx.input_mut(|input| {
        table
            .into_iter()
            .filter(|(shortcut, _)| input.consume_shortcut(shortcut))
            .map(|(_, action)| action)
            .collect()
    })
}

/// Whether Ctrl+F was pressed this frame (the role list then focuses its search box).
pub fn find_pressed(ctx: &egui::Context) -> bool {
    ctx.input_mut(|input| input.consume_shortcut(&FIND))
}

/// The menu bar: File, Edit, View.
pub fn ui(ui: &mut Ui, app: &mut AijriApp) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| file_menu(ui, app));
        ui.menu_button("Edit", |ui| edit_menu(ui, app));
        ui.menu_button("View", |ui| view_menu(ui, app));
        ui.separator();
        view_switcher(ui, app);
    });
}

/// One button per view of the central area, the current one selected.
fn view_switcher(ui: &mut Ui, app: &mut AijriApp) {
    for view in super::View::ALL {
        if ui
            .selectable_label(app.view == view, view.label())
            .clicked()
        {
            app.emit(Action::SetView(view));
        }
    }
}

fn item(
    ui: &mut Ui,
    app: &mut AijriApp,
    text: &str,
    shortcut: Option<KeyboardShortcut>,
    enabled: bool,
    action: Action,
) {
    let mut button = egui::Button::new(text);
    if let Some(shortcut) = shortcut {
        button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
    }
    if ui.add_enabled(enabled, button).clicked() {
        app.emit(action);
        ui.close();
    }
}

fn file_menu(ui: &mut Ui, app: &mut AijriApp) {
    let doc = app.selected_doc().map(|d| (d.dirty, d.stamp.is_some()));
    let has_doc = doc.is_some();
    item(ui, app, "New assessment", Some(NEW), true, Action::New);
    item(ui, app, "Open files…", Some(OPEN), true, Action::OpenFiles);
    item(ui, app, "Open folder…", None, true, Action::OpenFolder);
    let recent = app.settings.recent_files.clone();
    ui.add_enabled_ui(!recent.is_empty(), |ui| {
        ui.menu_button("Recent files", |ui| {
            for path in recent {
                item(
                    ui,
                    app,
                    &path.display().to_string(),
                    None,
                    true,
                    Action::OpenPaths(vec![path.clone()]),
                );
            }
        });
    });
    ui.separator();
    item(ui, app, "Save", Some(SAVE), has_doc, Action::Save);
    item(ui, app, "Save as…", Some(SAVE_AS), has_doc, Action::SaveAs);
    item(
        ui,
        app,
        "Save as variant…",
        None,
        has_doc,
        Action::SaveVariant,
    );
    item(
        ui,
        app,
        "Revert to saved",
        None,
        doc.is_some_and(|(dirty, on_disk)| dirty && on_disk),
        Action::Revert,
    );
    ui.separator();
    item(
        ui,
        app,
        "Import published text…",
        None,
        true,
        Action::ImportText,
    );
    ui.add_enabled_ui(has_doc, |ui| {
        ui.menu_button("Export", |ui| {
            for format in [ExportFormat::Text, ExportFormat::Markdown] {
                item(
                    ui,
                    app,
                    &format!("{}…", format.label()),
                    None,
                    true,
                    Action::Export(format),
                );
            }
        });
    });
    ui.separator();
    item(ui, app, "Quit", None, true, Action::Quit);
}

fn edit_menu(ui: &mut Ui, app: &mut AijriApp) {
    let (can_undo, can_redo) = app
        .selected_doc()
        .map_or((false, false), |d| (d.can_undo(), d.can_redo()));
    item(ui, app, "Undo", Some(UNDO), can_undo, Action::Undo);
    item(ui, app, "Redo", Some(REDO), can_redo, Action::Redo);
    ui.separator();
    item(
        ui,
        app,
        "Paste assessment text…",
        None,
        true,
        Action::PasteText,
    );
}

fn view_menu(ui: &mut Ui, app: &mut AijriApp) {
    for view in super::View::ALL {
        let text = format!("{} view", view.label());
        item(
            ui,
            app,
            &text,
            None,
            app.view != view,
            Action::SetView(view),
        );
    }
    ui.separator();
    let dark = ui.visuals().dark_mode;
    item(
        ui,
        app,
        "Dark theme",
        None,
        !dark,
        Action::SetDarkMode(true),
    );
    item(
        ui,
        app,
        "Light theme",
        None,
        dark,
        Action::SetDarkMode(false),
    );
}
