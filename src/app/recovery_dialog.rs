//! The dialog shown at start when recovery files hold unsaved edits from a run that ended
//! without saving them (a crash, a power loss, a kill): Restore or Discard, for each document,
//! naming its file and warning when the file itself changed since.

use std::path::Path;

use egui::{Context, RichText};

use super::Action;
use super::store::file_name;
use crate::library::recovery::{Recovery, RecoveryFolder, Unreadable};

/// The recovery files found at start, until each is restored or discarded.
#[derive(Debug, Default)]
pub struct RecoveryDialog {
    found: Vec<Recovery>,
    unreadable: Vec<Unreadable>,
}

impl RecoveryDialog {
    /// What the recovery folder holds now.
    #[must_use]
    pub fn found(folder: &RecoveryFolder) -> Self {
        let (found, unreadable) = folder.list();
        Self { found, unreadable }
    }

    /// Whether the dialog is showing.
    #[must_use]
    pub fn is_open(&self) -> bool {
        !self.found.is_empty()
    }

    /// The recoveries still offered.
    #[must_use]
    pub fn offered(&self) -> &[Recovery] {
        &self.found
    }

    /// Takes the recovery of a document out of the dialog.
    pub fn take(&mut self, document: &Path) -> Option<Recovery> {
        let i = self.found.iter().position(|r| r.document == document)?;
        Some(self.found.remove(i))
    }

    /// Shows the dialog while recoveries are offered.
    pub fn ui(&mut self, ctx: &Context, actions: &mut Vec<Action>) {
        if !self.is_open() {
            return;
        }
        egui::Modal::new(egui::Id::unique("recovery")).show(ctx, |ui| {
            ui.set_max_width(560.0);
            ui.heading("Unsaved edits from last time");
            ui.label("The program ended without saving these edits. Restore them (you can then save or undo them), or discard them.");
            ui.add_space(6.0);
            for recovery in &self.found {
                offer_ui(ui, recovery, actions);
            }
            for bad in &self.unreadable {
                ui.label(
                    RichText::new(format!("{}: could not be read ({})", bad.file.display(), bad.reason))
                        .color(ui.visuals().warn_fg_color),
                );
            }
        });
    }
}

fn offer_ui(ui: &mut egui::Ui, recovery: &Recovery, actions: &mut Vec<Action>) {
    let name = file_name(&recovery.document);
    ui.group(|ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new(recovery.assessment.display_title()).strong());
        ui.label(
            RichText::new(format!(
                "{} · edited {}",
                recovery.document.display(),
                ago(recovery.written_at)
            ))
            .small()
            .weak(),
        );
        if recovery.file_changed_since() {
            ui.label(
                RichText::new("⚠ The file changed on disk since these edits began: restoring replaces that change once you save.")
                    .color(ui.visuals().warn_fg_color),
            );
        }
        ui.horizontal(|ui| {
            if ui
                .button(format!("Restore {name}"))
                .on_hover_text("Open the role with your unsaved edits")
                .clicked()
            {
                actions.push(Action::Restore(recovery.document.clone()));
            }
            if ui
                .button(format!("Discard {name}"))
                .on_hover_text("Throw these edits away")
                .clicked()
            {
                actions.push(Action::DiscardRecovery(recovery.document.clone()));
            }
        });
    });
}

/// How long ago a time (seconds since 1970) was, in words: "2 minutes ago", "3 days ago".
fn ago(written_at: u64) -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(written_at, |d| d.as_secs());
    let seconds = now.saturating_sub(written_at);
    let (count, one, many) = match seconds {
        0..60 => return "moments ago".to_owned(),
        60..3_600 => (seconds / 60, "minute", "minutes"),
        3_600..86_400 => (seconds / 3_600, "hour", "hours"),
        _ => (seconds / 86_400, "day", "days"),
    };
    let count = usize::try_from(count).unwrap_or(usize::MAX);
    format!("{} ago", crate::fmt::count(count, one, many))
}

#[cfg(test)]
mod tests {
    use super::ago;

    #[test]
    fn tells_how_long_ago_in_words() {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        assert_eq!(ago(now), "moments ago");
        assert_eq!(ago(now - 120), "2 minutes ago");
        assert_eq!(ago(now - 3_600), "1 hour ago");
        assert_eq!(ago(now - 3 * 86_400), "3 days ago");
    }
}
