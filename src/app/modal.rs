//! The questions asked before edits could be lost, and the notices.

use egui::{Context, RichText};

use super::{Action, AijriApp, Confirm};

/// Shows the pending question, if any, as a modal dialog.
pub fn ui(ctx: &Context, app: &mut AijriApp) {
    let Some(question) = app.confirm.clone() else {
        return;
    };
    let (title, body, buttons) = wording(app, &question);
    let modal = egui::Modal::new(egui::Id::unique("confirm")).show(ctx, |ui| {
        ui.set_max_width(440.0);
        ui.heading(title);
        ui.label(body);
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            for (text, action) in buttons {
                if ui.button(RichText::new(text).strong()).clicked() {
                    app.emit(action);
                }
            }
        });
    });
    if modal.should_close() && app.confirm.is_some() {
        app.emit(Action::ConfirmCancel);
    }
}

fn wording(
    app: &AijriApp,
    question: &Confirm,
) -> (&'static str, String, Vec<(&'static str, Action)>) {
    match question {
        Confirm::UnsavedChanges { then } => {
            let names: Vec<String> = app
                .library
                .entries
                .iter()
                .filter(|e| e.doc().is_some_and(|d| d.dirty))
                .map(|e| format!("• {}", e.file_name()))
                .collect();
            if **then == Action::Revert {
                return (
                    "Revert to the saved file?",
                    "Your edits to this assessment will be discarded.".to_owned(),
                    vec![
                        ("Discard edits", Action::ConfirmDiscard),
                        ("Cancel", Action::ConfirmCancel),
                    ],
                );
            }
            (
                "Unsaved changes",
                format!(
                    "These assessments have unsaved edits:\n{}",
                    names.join("\n")
                ),
                vec![
                    ("Save", Action::ConfirmSave),
                    ("Discard", Action::ConfirmDiscard),
                    ("Cancel", Action::ConfirmCancel),
                ],
            )
        }
        Confirm::OverwriteChanged { index } => {
            let name = app
                .library
                .entries
                .get(*index)
                .map(super::state::Entry::file_name)
                .unwrap_or_default();
            (
                "The file changed on disk",
                format!(
                    "{name} was changed by someone else since you opened it. Overwrite it with your version?"
                ),
                vec![
                    ("Overwrite", Action::ConfirmSave),
                    ("Cancel", Action::ConfirmCancel),
                ],
            )
        }
    }
}

/// The notices, newest last, each with a close button.
pub fn notices_ui(ui: &mut egui::Ui, app: &mut AijriApp) {
    let mut dismiss = None;
    for (i, notice) in app.notices.iter().enumerate() {
        let colour = if notice.is_error {
            ui.visuals().error_fg_color
        } else {
            ui.visuals().text_color()
        };
        ui.horizontal(|ui| {
            if ui
                .small_button("✕")
                .on_hover_text("Dismiss this notice")
                .clicked()
            {
                dismiss = Some(i);
            }
            ui.label(RichText::new(&notice.text).color(colour));
        });
    }
    if let Some(i) = dismiss {
        app.emit(Action::DismissNotice(i));
    }
}
