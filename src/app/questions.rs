//! The questions asked before edits could be lost, as plain data, and the modal that asks them.
//! Each question names the documents it is about by id; while one is open nothing else happens
//! (shortcuts are off, the modal blocks the window).

use std::path::PathBuf;

use egui::{Context, RichText};

use super::store::{DocId, file_name};
use super::{Action, AppState};

/// What to do once the user answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Then {
    /// Close the window.
    Quit,
    /// Replace the library by this folder.
    OpenLibrary(PathBuf),
    /// Go back to a document's saved file.
    Revert(DocId),
}

/// A question the user must answer before an action goes ahead.
#[derive(Debug, Clone, PartialEq)]
pub enum Question {
    /// These documents have unsaved edits: Save / Discard / Cancel, then `then`.
    Unsaved {
        /// The documents with unsaved edits.
        docs: Vec<DocId>,
        /// What to do once answered.
        then: Then,
    },
    /// Revert would discard a document's edits: Discard / Cancel.
    DiscardEdits {
        /// The document.
        doc: DocId,
    },
    /// Files changed on disk since they were loaded: overwrite them with these documents?
    Overwrite {
        /// Every document to save.
        docs: Vec<DocId>,
        /// Those whose files someone else changed.
        changed: Vec<DocId>,
        /// What to do once saved.
        then: Option<Then>,
    },
    /// A document with unsaved edits changed on disk: Keep mine / Take theirs / Save mine as a
    /// copy.
    ChangedOutside {
        /// The document.
        doc: DocId,
        /// What the file holds now.
        theirs: Box<crate::library::Loaded>,
    },
    /// "Save as" onto a file that is open in another document with unsaved edits.
    ReplaceOpen {
        /// The document being saved.
        doc: DocId,
        /// The chosen file.
        path: PathBuf,
        /// The variant written there, when it is saved as a variant.
        variant: Option<Box<crate::model::Assessment>>,
        /// The other document open at that path.
        other: Option<DocId>,
    },
}

/// The user's answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    /// Save the edits first.
    Save,
    /// Go on without the edits.
    Discard,
    /// Replace what is on disk (or open) with this version.
    Overwrite,
    /// Do nothing.
    Cancel,
    /// Keep my unsaved version (saving it later asks before overwriting theirs).
    KeepMine,
    /// Take the version on disk.
    TakeTheirs,
    /// Save my version as a copy beside it, and take theirs.
    SaveMineAsCopy,
}

/// Asks the open question, if any.
pub fn ui(ctx: &Context, state: &AppState, actions: &mut Vec<Action>) {
    let Some(question) = &state.question else {
        return;
    };
    let (title, body, buttons) = wording(state, question);
    let modal = egui::Modal::new(egui::Id::unique("question")).show(ctx, |ui| {
        ui.set_max_width(480.0);
        ui.heading(title);
        ui.label(body);
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            for (text, answer) in buttons {
                if ui.button(RichText::new(text).strong()).clicked() {
                    actions.push(Action::Answer(answer));
                }
            }
        });
    });
    if modal.should_close() {
        actions.push(Action::Answer(Answer::Cancel));
    }
}

/// The files of some documents, one per line.
fn names(state: &AppState, docs: &[DocId]) -> String {
    docs.iter()
        .filter_map(|&id| state.store.path(id))
        .map(|path| format!("• {}", file_name(path)))
        .collect::<Vec<_>>()
        .join("\n")
}

fn wording(
    state: &AppState,
    question: &Question,
) -> (&'static str, String, Vec<(&'static str, Answer)>) {
    match question {
        Question::Unsaved { docs, .. } => (
            "Unsaved changes",
            format!(
                "These assessments have unsaved edits:\n{}",
                names(state, docs)
            ),
            vec![
                ("Save", Answer::Save),
                ("Discard", Answer::Discard),
                ("Cancel", Answer::Cancel),
            ],
        ),
        Question::DiscardEdits { doc } => (
            "Revert to the saved file?",
            format!(
                "Your edits to {} will be discarded.",
                names(state, &[*doc]).trim_start_matches("• ")
            ),
            vec![
                ("Discard edits", Answer::Discard),
                ("Cancel", Answer::Cancel),
            ],
        ),
        Question::Overwrite { changed, .. } => (
            "Files changed on disk",
            format!(
                "Someone else changed these files since you opened them:\n{}\nOverwrite them with your version?",
                names(state, changed)
            ),
            vec![("Overwrite", Answer::Overwrite), ("Cancel", Answer::Cancel)],
        ),
        Question::ChangedOutside { doc, .. } => (
            "Changed on disk while you edit",
            format!(
                "{} was changed on disk by someone else while you have unsaved edits in it.",
                names(state, &[*doc]).trim_start_matches("• ")
            ),
            vec![
                ("Keep mine", Answer::KeepMine),
                ("Take theirs", Answer::TakeTheirs),
                ("Save mine as a copy", Answer::SaveMineAsCopy),
            ],
        ),
        Question::ReplaceOpen { path, .. } => (
            "Replace an open assessment?",
            format!(
                "{} is open with unsaved edits. Saving here replaces the file and closes it, discarding those edits.",
                file_name(path)
            ),
            vec![("Replace", Answer::Overwrite), ("Cancel", Answer::Cancel)],
        ),
    }
}

/// The notices, each with a button to dismiss it.
pub fn notices_ui(ui: &mut egui::Ui, state: &AppState, actions: &mut Vec<Action>) {
    for (i, notice) in state.notices.iter().enumerate() {
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
                actions.push(Action::DismissNotice(i));
            }
            ui.label(RichText::new(&notice.text).color(colour));
        });
    }
}
