//! Messages for the user, each with an id: what was saved or exported (with the file, to open or
//! show in its folder), and what went wrong. An error stays until the user dismisses it —
//! successes never push one out — and every notice is kept in a log that can be read again.

use std::path::PathBuf;

use egui::RichText;

use super::{Action, AppState};

/// How many successes are shown at once (older ones stay in the log).
const SUCCESSES_SHOWN: usize = 3;
/// How many notices the log keeps.
const LOG_LENGTH: usize = 500;

/// The identity of a notice: dismissing one never dismisses another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct NoticeId(u64);

/// A message shown in the window until dismissed (or, for a success, until newer ones come).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// Its identity.
    pub id: NoticeId,
    /// Whether it reports a failure.
    pub is_error: bool,
    /// The text, naming the file and what happened.
    pub text: String,
    /// The file it is about (one written), to open or show in its folder.
    pub file: Option<PathBuf>,
}

/// The notices shown, and the log of every notice.
#[derive(Debug, Default)]
pub struct Notices {
    shown: Vec<Notice>,
    log: std::collections::VecDeque<Notice>,
    next: u64,
}

impl Notices {
    /// Shows a notice (one with the same text already shown moves to the end).
    pub fn push(&mut self, is_error: bool, text: String, file: Option<PathBuf>) -> NoticeId {
        let id = NoticeId(self.next);
        self.next += 1;
        self.shown.retain(|n| n.text != text);
        let notice = Notice {
            id,
            is_error,
            text,
            file,
        };
        self.log.push_back(notice.clone());
        if self.log.len() > LOG_LENGTH {
            self.log.pop_front();
        }
        self.shown.push(notice);
        self.drop_old_successes();
        id
    }

    /// Keeps the newest few successes; errors stay whatever comes after them.
    fn drop_old_successes(&mut self) {
        let successes = self.shown.iter().filter(|n| !n.is_error).count();
        let mut surplus = successes.saturating_sub(SUCCESSES_SHOWN);
        self.shown.retain(|n| {
            if n.is_error || surplus == 0 {
                return true;
            }
            surplus -= 1;
            false
        });
    }

    /// Dismisses one notice (it stays in the log).
    pub fn dismiss(&mut self, id: NoticeId) {
        self.shown.retain(|n| n.id != id);
    }

    /// The notices shown, oldest first.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = &Notice> {
        self.shown.iter()
    }

    /// The newest notice shown.
    #[must_use]
    pub fn last(&self) -> Option<&Notice> {
        self.shown.last()
    }

    /// How many notices are shown.
    #[must_use]
    pub fn len(&self) -> usize {
        self.shown.len()
    }

    /// Whether no notice is shown.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.shown.is_empty()
    }

    /// Every notice of this run, oldest first (at most the last 500).
    pub fn log(&self) -> impl DoubleEndedIterator<Item = &Notice> {
        self.log.iter()
    }
}

/// The notices shown, each with a button to dismiss it, and Open / Show in folder for a file.
pub fn ui(ui: &mut egui::Ui, state: &AppState, actions: &mut Vec<Action>) {
    for notice in state.notices.iter() {
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
                actions.push(Action::DismissNotice(notice.id));
            }
            ui.label(RichText::new(&notice.text).color(colour));
            if let Some(file) = &notice.file {
                file_buttons(ui, file, actions);
            }
        });
    }
}

/// Open and Show in folder, for a file a notice names.
pub fn file_buttons(ui: &mut egui::Ui, file: &std::path::Path, actions: &mut Vec<Action>) {
    let name = super::store::file_name(file);
    if ui
        .small_button("Open")
        .on_hover_text(format!("Open {name} with the desktop's program for it"))
        .clicked()
    {
        actions.push(Action::OpenWithDesktop(file.to_owned()));
    }
    if ui
        .small_button("Show in folder")
        .on_hover_text(format!("Show {name} in its folder"))
        .clicked()
    {
        actions.push(Action::ShowInFolder(file.to_owned()));
    }
}

/// The log of every notice of this run, newest first, in a window of its own.
pub fn log_ui(ctx: &egui::Context, state: &AppState, open: &mut bool, actions: &mut Vec<Action>) {
    egui::Window::new("Notices")
        .open(open)
        .default_width(560.0)
        .show(ctx, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                if state.notices.log().next().is_none() {
                    ui.label("No notices yet.");
                }
                for notice in state.notices.log().rev() {
                    ui.horizontal_wrapped(|ui| {
                        let mark = if notice.is_error { "⚠" } else { "✓" };
                        ui.label(format!("{mark} {}", notice.text));
                        if let Some(file) = &notice.file {
                            file_buttons(ui, file, actions);
                        }
                    });
                }
            });
        });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn successes_never_push_an_error_out() {
        let mut notices = Notices::default();
        notices.push(true, "a.aijri.json: could not save".into(), None);
        for i in 0..6 {
            notices.push(false, format!("Saved {i}.aijri.json"), None);
        }
        assert!(notices.iter().any(|n| n.is_error), "the error stays");
        assert_eq!(
            notices.iter().filter(|n| !n.is_error).count(),
            SUCCESSES_SHOWN
        );
        assert_eq!(notices.log().count(), 7, "every notice is in the log");
    }

    #[test]
    fn dismissing_by_id_removes_that_notice_only() {
        let mut notices = Notices::default();
        let first = notices.push(true, "first".into(), None);
        notices.push(true, "second".into(), None);
        notices.dismiss(first);
        let texts: Vec<&str> = notices.iter().map(|n| n.text.as_str()).collect();
        assert_eq!(texts, ["second"]);
        notices.dismiss(first);
        assert_eq!(
            notices.len(),
            1,
            "a notice already gone dismisses nothing else"
        );
    }
}
