//! The menu bar and the keyboard shortcuts.

use egui::{Key, KeyboardShortcut, Modifiers, Ui};

use super::help::HelpPage;
use super::picker::ExportFormat;
use super::store::DocId;
use super::{Action, AppState, Tab, View};
use crate::library::watch::WatchMode;

const NEW: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::N);
const OPEN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
const SAVE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
const SAVE_AS: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::S);
const UNDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
const REDO: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
const FIND: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::F);
const HELP: KeyboardShortcut = KeyboardShortcut::new(Modifiers::NONE, Key::F1);
const PREFERENCES: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Comma);
const DUPLICATE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::D);

/// The digit keys, for Ctrl+1 … (the editor's tabs) and Alt+1 … (the views).
const DIGITS: [Key; 9] = [
    Key::Num1,
    Key::Num2,
    Key::Num3,
    Key::Num4,
    Key::Num5,
    Key::Num6,
    Key::Num7,
    Key::Num8,
    Key::Num9,
];

/// The actions of the shortcuts pressed this frame. Shortcuts with Shift are consumed first so
/// Ctrl+Shift+S is not also read as Ctrl+S. Ctrl+F is handled by [`find_pressed`].
pub fn shortcuts(ctx: &egui::Context, state: &AppState) -> Vec<Action> {
    let selected = state.selected_doc().map(|(id, _)| id);
    let on_selected = |make: fn(_) -> Action| selected.map(make);
    let focused = state.focused_work();
    // Longer shortcuts first: Ctrl+Shift+S is not also Ctrl+S.
    let mut table = vec![
        (SAVE_AS, on_selected(Action::SaveAs)),
        (REDO, focused.clone().map(Action::Redo)),
        (NEW, Some(Action::New)),
        (OPEN, Some(Action::OpenFiles)),
        (SAVE, on_selected(Action::Save)),
        (UNDO, focused.map(Action::Undo)),
        (HELP, Some(Action::ShowHelp(HelpPage::Method))),
        (PREFERENCES, Some(Action::ShowPreferences)),
        (DUPLICATE, on_selected(Action::Duplicate)),
    ];
    table.extend(tab_and_view_shortcuts());
    let actions = ctx.input_mut(|input| {
        table
            .into_iter()
            .filter(|(shortcut, _)| input.consume_shortcut(shortcut))
            .filter_map(|(_, action)| action)
            .collect()
    });
    drop_alt_digit_text(ctx);
    actions
}

/// Ctrl+1 … open the editor's tabs in order (focus on their first control), Alt+1 … the views
/// in menu order.
fn tab_and_view_shortcuts() -> Vec<(KeyboardShortcut, Option<Action>)> {
    let tabs = Tab::ALL.into_iter().zip(DIGITS).map(|(tab, key)| {
        let shortcut = KeyboardShortcut::new(Modifiers::COMMAND, key);
        (shortcut, Some(Action::FocusEditor(Some(tab))))
    });
    let views = View::ALL.into_iter().zip(DIGITS).map(|(view, key)| {
        let shortcut = KeyboardShortcut::new(Modifiers::ALT, key);
        (shortcut, Some(Action::SetView(view)))
    });
    tabs.chain(views).collect()
}

/// Alt+1 … also arrives as the digit typed where the desktop sends text with Alt held: it is
/// a shortcut, not text for the focused field.
fn drop_alt_digit_text(ctx: &egui::Context) {
    ctx.input_mut(|input| {
        if input.modifiers.alt && !input.modifiers.command {
            input.events.retain(
                |e| !matches!(e, egui::Event::Text(t) if t.chars().all(|c| c.is_ascii_digit())),
            );
        }
    });
}

/// Whether Ctrl+F was pressed this frame (the role list then focuses its search box).
pub fn find_pressed(ctx: &egui::Context) -> bool {
    ctx.input_mut(|input| input.consume_shortcut(&FIND))
}

/// The menu bar: File, Edit, View, Framework, Help, and the view switcher.
pub fn ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| file_menu(ui, state, actions));
        ui.menu_button("Edit", |ui| edit_menu(ui, state, actions));
        ui.menu_button("View", |ui| view_menu(ui, state, actions));
        ui.menu_button("Framework", |ui| framework_menu(ui, state, actions));
        ui.menu_button("Help", |ui| help_menu(ui, actions));
        ui.separator();
        view_switcher(ui, state, actions);
    });
}

/// One button per view of the central area, the current one selected.
fn view_switcher(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    for view in super::View::ALL {
        if ui
            .selectable_label(state.view == view, view.label())
            .clicked()
        {
            actions.push(Action::SetView(view));
        }
    }
}

/// A menu entry; `action` is `None` when it cannot run now (it is then disabled).
fn item(
    ui: &mut Ui,
    actions: &mut Vec<Action>,
    text: &str,
    shortcut: Option<KeyboardShortcut>,
    action: Option<Action>,
) {
    let mut button = egui::Button::new(text);
    if let Some(shortcut) = shortcut {
        button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
    }
    let enabled = action.is_some();
    if ui.add_enabled(enabled, button).clicked()
        && let Some(action) = action
    {
        actions.push(action);
        ui.close();
    }
}

fn file_menu(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let selected: Option<DocId> = state.selected_doc().map(|(id, _)| id);
    let revertible = state
        .selected_doc()
        .filter(|(_, d)| d.is_dirty() && d.stamp().is_some())
        .map(|(id, _)| Action::Revert(id));
    item(ui, actions, "New assessment", Some(NEW), Some(Action::New));
    item(
        ui,
        actions,
        "Open files…",
        Some(OPEN),
        Some(Action::OpenFiles),
    );
    item(ui, actions, "Open folder…", None, Some(Action::OpenFolder));
    let recent = &state.settings.recent_files;
    ui.add_enabled_ui(!recent.is_empty(), |ui| {
        ui.menu_button("Recent files", |ui| {
            for path in recent {
                let open = Action::OpenPaths(vec![path.clone()]);
                item(ui, actions, &path.display().to_string(), None, Some(open));
            }
        });
    });
    ui.separator();
    item(ui, actions, "Save", Some(SAVE), selected.map(Action::Save));
    item(
        ui,
        actions,
        "Save as…",
        Some(SAVE_AS),
        selected.map(Action::SaveAs),
    );
    item(
        ui,
        actions,
        "Save as variant…",
        None,
        selected.map(Action::SaveVariant),
    );
    role_file_items(ui, selected, actions);
    ui.separator();
    item(ui, actions, "Revert to saved", None, revertible);
    let on_disk = state
        .selected_doc()
        .filter(|(_, d)| d.stamp().is_some())
        .map(|(id, _)| Action::Revert(id));
    item(ui, actions, "Reload from disk", None, on_disk);
    ui.separator();
    comparison_items(ui, state, actions);
    ui.separator();
    item(
        ui,
        actions,
        "Import published text…",
        None,
        Some(Action::ImportText),
    );
    let reportable = selected.is_some() || !state.store.compared().is_empty();
    ui.add_enabled_ui(reportable, |ui| {
        ui.menu_button("Export", |ui| {
            for format in [ExportFormat::Text, ExportFormat::Markdown] {
                let export = selected.map(|id| Action::Export(id, format));
                item(ui, actions, &format!("{}…", format.label()), None, export);
            }
            item(
                ui,
                actions,
                "Client report (PDF)…",
                None,
                Some(Action::ExportClientReport),
            );
        });
    });
    ui.separator();
    item(ui, actions, "Quit", None, Some(Action::Quit));
}

/// Duplicate, Rename file…, Show in folder, Move to trash: for the selected role (also the
/// role list's menu on a row).
pub fn role_file_items(ui: &mut Ui, role: Option<DocId>, actions: &mut Vec<Action>) {
    item(
        ui,
        actions,
        "Duplicate role",
        Some(DUPLICATE),
        role.map(Action::Duplicate),
    );
    item(
        ui,
        actions,
        "Rename file…",
        None,
        role.map(Action::AskRename),
    );
    item(
        ui,
        actions,
        "Show file in folder",
        None,
        role.map(Action::ShowRoleInFolder),
    );
    item(
        ui,
        actions,
        "Move to trash",
        None,
        role.map(Action::AskTrash),
    );
}

/// Save comparison…, Open comparison…, and the recent comparisons.
fn comparison_items(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let has_set = !super::compare::comparison_set(state).0.is_empty();
    let saved = state.comparison.file.is_some();
    let save = if saved {
        "Save comparison"
    } else {
        "Save comparison…"
    };
    item(
        ui,
        actions,
        save,
        None,
        has_set.then_some(Action::SaveComparison),
    );
    item(
        ui,
        actions,
        "Save comparison as…",
        None,
        (has_set && saved).then_some(Action::SaveComparisonAs),
    );
    item(
        ui,
        actions,
        "Open comparison…",
        None,
        Some(Action::OpenComparison),
    );
    let recent = &state.settings.recent_comparisons;
    ui.add_enabled_ui(!recent.is_empty(), |ui| {
        ui.menu_button("Recent comparisons", |ui| {
            for path in recent {
                let open = Action::OpenComparisonFile(path.clone());
                item(ui, actions, &path.display().to_string(), None, Some(open));
            }
        });
    });
}

fn edit_menu(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let focused = state.focused_work();
    let (can_undo, can_redo) = focused
        .as_ref()
        .map_or((false, false), |w| state.can_undo_redo(w));
    let undo = focused.clone().filter(|_| can_undo).map(Action::Undo);
    let redo = focused.filter(|_| can_redo).map(Action::Redo);
    item(ui, actions, "Undo", Some(UNDO), undo);
    item(ui, actions, "Redo", Some(REDO), redo);
    ui.separator();
    item(
        ui,
        actions,
        "Paste assessment text…",
        None,
        Some(Action::PasteText),
    );
    ui.separator();
    item(
        ui,
        actions,
        "Preferences…",
        Some(PREFERENCES),
        Some(Action::ShowPreferences),
    );
}

/// How AIJRI scores a role, the keyboard shortcuts, About.
fn help_menu(ui: &mut Ui, actions: &mut Vec<Action>) {
    for page in HelpPage::ALL {
        let shortcut = (page == HelpPage::Method).then_some(HELP);
        item(
            ui,
            actions,
            page.title(),
            shortcut,
            Some(Action::ShowHelp(page)),
        );
    }
}

/// The frameworks available: each role under its own, or every role under one; open a file.
fn framework_menu(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let mark = |on: bool, text: String| if on { format!("✓ {text}") } else { text };
    let own = state.view_under.is_none();
    let each = mark(own, "Each role under the framework it names".to_owned());
    item(
        ui,
        actions,
        &each,
        None,
        (!own).then_some(Action::ViewUnder(None)),
    );
    ui.separator();
    ui.label("View every role under:");
    for framework in state.frameworks.iter() {
        let chosen = state.view_under.as_deref() == Some(framework.id.as_str());
        let text = mark(chosen, format!("{} ({})", framework.name, framework.id));
        let choose = (!chosen).then(|| Action::ViewUnder(Some(framework.id.clone())));
        item(ui, actions, &text, None, choose);
    }
    ui.separator();
    item(
        ui,
        actions,
        "Open framework file…",
        None,
        Some(Action::OpenFramework),
    );
    item(
        ui,
        actions,
        "New variant of the framework in use",
        None,
        Some(Action::NewFrameworkVariant),
    );
    let variant = state
        .view_under
        .as_ref()
        .and_then(|id| state.framework_docs.get(id));
    let save = variant.map(|d| Action::SaveFramework(d.current().id.clone()));
    let text = match variant.and_then(|d| d.file()) {
        Some(_) => "Save the framework variant",
        None => "Save the framework variant…",
    };
    item(ui, actions, text, None, save);
    let save_as = variant.map(|d| Action::SaveFrameworkAs(d.current().id.clone()));
    item(ui, actions, "Save the framework variant as…", None, save_as);
}

/// How the library folder is watched: automatic (polling on network shares), change events, or
/// polling every two seconds.
fn watch_menu(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let current = state.settings.watch_mode;
    let polling = match state.watch_polling {
        Some(true) => " (polling now)",
        Some(false) => " (change events now)",
        None => "",
    };
    ui.label(format!("Watch the library folder{polling}"));
    for (mode, text) in [
        (WatchMode::Auto, "Automatically (poll network shares)"),
        (WatchMode::Events, "With change events"),
        (WatchMode::Polling, "By polling every 2 s"),
    ] {
        let choose = (current != mode).then_some(Action::SetWatchMode(mode));
        let text = if current == mode {
            format!("✓ {text}")
        } else {
            text.to_owned()
        };
        item(ui, actions, &text, None, choose);
    }
}

fn view_menu(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    for view in super::View::ALL {
        let text = format!("{} view", view.label());
        let show = (state.view != view).then_some(Action::SetView(view));
        item(ui, actions, &text, None, show);
    }
    ui.separator();
    item(ui, actions, "Notices…", None, Some(Action::ShowNoticeLog));
    item(
        ui,
        actions,
        "Open data folder",
        None,
        state.data_dir.is_some().then_some(Action::OpenDataFolder),
    );
    ui.separator();
    watch_menu(ui, state, actions);
    ui.separator();
    let dark = ui.visuals().dark_mode;
    item(
        ui,
        actions,
        "Dark theme",
        None,
        (!dark).then_some(Action::SetTheme(Some(true))),
    );
    item(
        ui,
        actions,
        "Light theme",
        None,
        dark.then_some(Action::SetTheme(Some(false))),
    );
}
