//! The dialog shown at start when recovery files hold unsaved work from a run that ended without
//! saving it (a crash, a power loss, a kill): Restore or Discard, for each piece of work, naming
//! its file and warning when the file itself changed since. Everything that needs the disk — the
//! listing, whether a file changed, reading a file to restore into — runs off the UI thread.

use std::path::PathBuf;

use egui::{Context, RichText};

use super::io::Done;
use super::store::{Document, Edit, file_name};
use super::unsaved::WorkId;
use super::{Action, AijriApp};
use crate::framework::Framework;
use crate::library::recovery::{Recovery, RecoveryFolder, RecoveryKey, Unreadable, Work};
use crate::library::{self, disk};

/// Unsaved work found in a recovery file, as the dialog offers it.
#[derive(Debug, Clone)]
pub struct Offer {
    /// The recovery file's content.
    pub recovery: Recovery,
    /// Whether the document's file changed since the edits began.
    pub file_changed: bool,
}

/// What the recovery folder holds: the work to offer, and the files that could not be read.
pub fn offers(folder: &RecoveryFolder) -> Vec<Result<Offer, Unreadable>> {
    let (found, unreadable) = folder.list();
    found
        .into_iter()
        .map(|recovery| {
            Ok(Offer {
                file_changed: recovery.file_changed_since(),
                recovery,
            })
        })
        .chain(unreadable.into_iter().map(Err))
        .collect()
}

/// The recovery files found at start, until each is restored or discarded.
#[derive(Debug, Default)]
pub struct RecoveryDialog {
    found: Vec<Offer>,
    unreadable: Vec<Unreadable>,
}

impl RecoveryDialog {
    /// What the start-up found in the recovery folder.
    pub fn found(&mut self, offers: Vec<Result<Offer, Unreadable>>) {
        for offer in offers {
            match offer {
                Ok(offer) => self.found.push(offer),
                Err(unreadable) => self.unreadable.push(unreadable),
            }
        }
    }

    /// Whether the dialog is showing.
    #[must_use]
    pub fn is_open(&self) -> bool {
        !self.found.is_empty()
    }

    /// The work still offered.
    #[must_use]
    pub fn offered(&self) -> &[Offer] {
        &self.found
    }

    /// Takes the offer of a piece of work out of the dialog.
    pub fn take(&mut self, key: &RecoveryKey) -> Option<Offer> {
        let i = self.found.iter().position(|o| &o.recovery.key == key)?;
        Some(self.found.remove(i))
    }

    /// Shows the dialog while work is offered.
    pub fn ui(&mut self, ctx: &Context, actions: &mut Vec<Action>) {
        if !self.is_open() {
            return;
        }
        let mut later = false;
        let modal = egui::Modal::new(egui::Id::unique("recovery")).show(ctx, |ui| {
            ui.set_max_width(560.0);
            ui.heading("Unsaved work from last time");
            ui.label("The program ended without saving this work. Restore it (you can then save or undo it), or discard it.");
            ui.add_space(6.0);
            for offer in &self.found {
                offer_ui(ui, offer, actions);
            }
            for bad in &self.unreadable {
                ui.label(
                    RichText::new(format!("{}: could not be read ({})", bad.file.display(), bad.reason))
                        .color(ui.visuals().warn_fg_color),
                );
            }
            ui.add_space(6.0);
            later = ui
                .button("Decide later")
                .on_hover_text("Keep this work in its recovery files and offer it again next time (Escape)")
                .clicked();
        });
        // Escape (or "Decide later") closes the dialog as Cancel: nothing restored, nothing lost.
        if later || modal.should_close() {
            self.found.clear();
            self.unreadable.clear();
        }
    }
}

fn offer_ui(ui: &mut egui::Ui, offer: &Offer, actions: &mut Vec<Action>) {
    let recovery = &offer.recovery;
    let name = recovery
        .document
        .as_deref()
        .map_or_else(|| recovery.work.describe(), file_name);
    ui.group(|ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new(recovery.work.describe()).strong());
        let place = recovery.document.as_deref().map_or_else(
            || "never saved".to_owned(),
            |path| path.display().to_string(),
        );
        ui.label(
            RichText::new(format!("{place} · edited {}", ago(recovery.written_at)))
                .small()
                .weak(),
        );
        if offer.file_changed {
            ui.label(
                RichText::new("⚠ The file changed on disk since these edits began: restoring replaces that change once you save.")
                    .color(ui.visuals().warn_fg_color),
            );
        }
        ui.horizontal(|ui| {
            if ui
                .button(format!("Restore {name}"))
                .on_hover_text("Open it with your unsaved work")
                .clicked()
            {
                actions.push(Action::Restore(recovery.key.clone()));
            }
            if ui
                .button(format!("Discard {name}"))
                .on_hover_text("Throw this work away")
                .clicked()
            {
                actions.push(Action::DiscardRecovery(recovery.key.clone()));
            }
        });
    });
}

/// The file a piece of recovered work came from, read again (off the UI thread).
#[derive(Debug)]
pub enum SavedVersion {
    /// An assessment's file.
    Assessment(Box<library::Loaded>),
    /// A framework variant's file, its path and stamp.
    Framework(Box<Framework>, PathBuf, library::FileStamp),
    /// No file (never saved, gone, or unreadable).
    None,
}

impl AijriApp {
    /// Restore: the work comes back as unsaved edits to the version on disk, read off the UI
    /// thread first (a role open already takes the edits at once).
    pub(super) fn restore(&mut self, key: &RecoveryKey) {
        let Some(offer) = self.views.recovery.take(key) else {
            return;
        };
        let recovery = offer.recovery;
        if let (Work::Assessment(_), Some(path)) = (&recovery.work, &recovery.document)
            && self.state.store.by_path(path).is_some()
        {
            self.restored(recovery, SavedVersion::None);
            return;
        }
        if let Work::Comparison(comparison) = recovery.work {
            self.restore_comparison_from(*comparison, recovery.document);
            return;
        }
        self.io.spawn("restore", move || {
            let saved = recovery
                .document
                .as_deref()
                .map_or(SavedVersion::None, |path| {
                    saved_version(&recovery.work, path)
                });
            Done::Restored(Box::new((recovery, saved)))
        });
    }

    /// The file of recovered work was read: the work joins the window as unsaved edits to it.
    pub(super) fn restored(&mut self, recovery: Recovery, saved: SavedVersion) {
        let Recovery { document, work, .. } = recovery;
        match work {
            Work::Assessment(assessment) => {
                let path = document
                    .unwrap_or_else(|| self.state.store.free_path(None, &assessment.role.title));
                self.restore_assessment(path, *assessment, saved);
            }
            Work::Framework(framework) => {
                let id = framework.id.clone();
                let file = match saved {
                    SavedVersion::Framework(saved, path, stamp) => Some((*saved, path, stamp)),
                    _ => None,
                };
                self.state.framework_docs.restore(*framework, file);
                self.frameworks_changed();
                self.work_changed(WorkId::Framework(id));
            }
            Work::Comparison(comparison) => self.restore_comparison_from(*comparison, document),
        }
    }

    fn restore_assessment(
        &mut self,
        path: PathBuf,
        assessment: crate::model::Assessment,
        saved: SavedVersion,
    ) {
        let id = match self.state.store.by_path(&path) {
            Some(id) => id,
            None => {
                let content = match saved {
                    SavedVersion::Assessment(loaded) => self.state.scoring().document(*loaded),
                    _ => {
                        let framework = self.state.framework_for(&assessment);
                        Document::new(assessment.clone(), None, framework)
                    }
                };
                self.state.store.open(path.clone(), Ok(content))
            }
        };
        let scoring = super::store::Scoring::of(&self.state.frameworks, &self.state.view_under);
        self.state
            .store
            .edit(id, Edit::Restore(Box::new(assessment)), &scoring);
        self.state.selected = Some(id);
        self.state.notify(
            false,
            format!(
                "Restored your unsaved edits to {}: save them to keep them",
                file_name(&path)
            ),
        );
    }
}

/// What the file of recovered work holds now, if it can be read.
fn saved_version(work: &Work, path: &std::path::Path) -> SavedVersion {
    if !disk::is_file(path) {
        return SavedVersion::None;
    }
    match work {
        Work::Assessment(_) => library::load_file(path).map_or(SavedVersion::None, |loaded| {
            SavedVersion::Assessment(Box::new(loaded))
        }),
        Work::Framework(_) => match (Framework::load(path), disk::stamp_of(path)) {
            (Ok(framework), Ok(stamp)) => {
                SavedVersion::Framework(Box::new(framework), path.to_owned(), stamp)
            }
            _ => SavedVersion::None,
        },
        Work::Comparison(_) => SavedVersion::None,
    }
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
