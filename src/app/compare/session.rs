//! The comparison's own fields in Compare: its title (e.g. the client's initials) and notes,
//! editable, the file it is saved in, and the roles it lists that could not be found.

use egui::{RichText, Ui};

use crate::app::store::file_name;
use crate::app::{Action, AppState};
use crate::comparison::ComparedRole;

/// Draws the title and notes fields, the file, and the missing roles.
pub fn ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let session = &state.comparison;
    let mut title = session.title().to_owned();
    let mut notes = session.notes().to_owned();
    let mut changed = false;
    ui.horizontal(|ui| {
        let label = ui.label("Title");
        let field = egui::TextEdit::singleline(&mut title)
            .hint_text("e.g. Options for J.S.")
            .desired_width(220.0);
        changed |= ui.add(field).labelled_by(label.id).changed();
        let label = ui.label("Notes");
        // One line that grows with the text: the charts stay in view.
        let field = egui::TextEdit::multiline(&mut notes)
            .hint_text("what was discussed, what to look at next")
            .desired_rows(1)
            .desired_width(f32::INFINITY);
        changed |= ui.add(field).labelled_by(label.id).changed();
    });
    if changed {
        actions.push(Action::EditComparison { title, notes });
    }
    let saved_in = session.file.as_deref().map_or_else(
        || "Not saved yet: File → Save comparison… keeps it for the next session.".to_owned(),
        |file| format!("Saved in {}", file_name(file)),
    );
    let hover = session
        .file
        .as_deref()
        .map_or(String::new(), |f| f.display().to_string());
    ui.label(RichText::new(saved_in).weak().small())
        .on_hover_text(hover);
    missing_ui(ui, &session.missing);
}

/// The roles of the comparison file found neither at their file nor by id.
fn missing_ui(ui: &mut Ui, missing: &[ComparedRole]) {
    for role in missing {
        ui.label(
            RichText::new(format!(
                "⚠ Missing: {} — not found at its file nor in the library by its id",
                role.describe()
            ))
            .color(ui.visuals().warn_fg_color),
        );
    }
}
