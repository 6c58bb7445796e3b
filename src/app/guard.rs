//! Never lose work: before quitting, opening another library or another comparison, every piece
//! of unsaved work — assessments, framework variants, the comparison — is named in one question
//! (Save / Discard / Cancel); "Save" goes on only once every piece is written. Unsaved work goes
//! to recovery files a little after each change, and the settings to their file; quitting waits
//! for the last of these writes, off the UI thread.

use std::time::{Duration, Instant};

use super::AijriApp;
use super::io::{Content, Done, QueueKey, WriteOf, WriteRequest};
use super::questions::{Answer, Question, Replacement, Then};
use super::unsaved::{RecoveryWork, WorkId};
use crate::library::Expect;
use crate::library::recovery::{Recovery, RecoveryKey, Work};
use crate::settings::SETTINGS_FILE_NAME;

/// How long settings stay unchanged before they are written (typing a comparison's title writes
/// them once, not at every key).
const SETTINGS_DELAY: Duration = Duration::from_secs(1);

impl AijriApp {
    /// Asks a question now, or once the one open is answered.
    pub(super) fn ask(&mut self, question: Question) {
        if self.state.question.is_none() {
            self.state.question = Some(question);
        } else {
            self.state.questions_waiting.push_back(question);
        }
    }

    /// Runs `then` now, or asks Save / Discard / Cancel first when work is unsaved.
    pub(super) fn guard(&mut self, then: Then) {
        let work = self.state.unsaved();
        if work.is_empty() || self.close_allowed {
            self.run(then);
        } else {
            self.ask(Question::Unsaved { work, then });
        }
    }

    /// Carries out what the user confirmed.
    pub(super) fn run(&mut self, then: Then) {
        match then {
            Then::Quit => self.quit(),
            Then::OpenLibrary(folder) => self.open_folder(folder),
            Then::Revert(id) => self.reload_from_disk(id),
            Then::OpenComparison(path) => self.read_comparison(path),
        }
    }

    /// Closes the window once the last recovery files and settings are written (saved or
    /// discarded work leaves no recovery file behind to offer next time).
    fn quit(&mut self) {
        self.close_allowed = true;
        if let Some(ctx) = self.io.context() {
            self.write_recovery_files_now(&ctx);
            self.write_settings(&ctx, true);
        }
        self.io.when_written(Done::ReadyToClose);
    }

    /// Carries out the user's answer to the open question, then asks the next one.
    pub(super) fn answer(&mut self, answer: Answer) {
        let Some(question) = self.state.question.take() else {
            return;
        };
        self.state.question = self.state.questions_waiting.pop_front();
        match (question, answer) {
            (_, Answer::Cancel) | (Question::ChangedOutside { .. }, Answer::KeepMine) => {
                self.after_saving = None;
            }
            (Question::ChangedOutside { doc, theirs }, Answer::TakeTheirs) => {
                self.take_theirs(doc, theirs);
            }
            (Question::ChangedOutside { doc, theirs }, Answer::SaveMineAsCopy) => {
                self.save_mine_as_copy(doc, theirs);
            }
            (Question::Unsaved { work, then }, Answer::Save) => self.save_then(work, then),
            (Question::Unsaved { work, then }, Answer::Discard) => {
                self.discard(&work);
                self.run(then);
            }
            (Question::Overwrite { retry, .. }, Answer::Overwrite) => {
                let mut retry = *retry;
                retry.expect = Expect::Anything;
                self.io.write(retry);
            }
            (Question::Trash { doc }, Answer::Discard) => self.trash(doc),
            (Question::DiscardEdits { doc }, Answer::Discard) => {
                self.state.store.discard_recovery(&[doc]);
                self.run(Then::Revert(doc));
            }
            (Question::Replace { path, open, then }, Answer::Overwrite) => {
                self.replace(path, open, then);
            }
            (question, _) => self.state.question = Some(question),
        }
    }

    /// Replaces the file at `path` as the user agreed: a role open there closes (its edits
    /// discarded), then the write goes ahead over what the file held when asked.
    fn replace(
        &mut self,
        path: std::path::PathBuf,
        open: Option<super::store::DocId>,
        then: Replacement,
    ) {
        if let Some(other) = open {
            self.state.store.discard_recovery(&[other]);
            self.state.store.forget(other);
            if self.state.selected == Some(other) {
                self.state.selected = None;
            }
        }
        match then {
            Replacement::Target { purpose, existing } => {
                let expect = existing.map_or(Expect::Absent, Expect::Stamp);
                self.write_target(purpose, path, expect);
            }
            Replacement::Retry(retry) => {
                let mut retry = *retry;
                retry.expect = Expect::Anything;
                self.io.write(retry);
            }
        }
    }

    /// Saves every piece of `work`, then runs `then` once all of it is written.
    fn save_then(&mut self, work: Vec<WorkId>, then: Then) {
        self.after_saving = Some((work.clone(), then));
        let docs: Vec<_> = work
            .iter()
            .filter_map(|w| match w {
                WorkId::Assessment(id) => Some(*id),
                _ => None,
            })
            .collect();
        self.save(&docs);
        for piece in work {
            match piece {
                WorkId::Assessment(_) => {}
                WorkId::Framework(id) => self.save_framework_to_file(id),
                WorkId::Comparison => self.ask_save_comparison(false),
            }
        }
        self.go_on_when_saved();
    }

    /// Runs what waited on a save once every piece of its work is saved.
    pub(super) fn go_on_when_saved(&mut self) {
        let saved = self.after_saving.as_ref().is_some_and(|(work, _)| {
            let unsaved = self.state.unsaved();
            work.iter().all(|w| !unsaved.contains(w))
        });
        if saved && let Some((_, then)) = self.after_saving.take() {
            self.run(then);
        }
    }

    /// Drops the unsaved changes of `work` (the user said Discard): their recovery files go.
    fn discard(&mut self, work: &[WorkId]) {
        for piece in work {
            match piece {
                WorkId::Assessment(id) => self.state.store.discard_recovery(&[*id]),
                WorkId::Framework(id) => {
                    if let Some(doc) = self.state.framework_docs.get(id) {
                        let key = doc.recovery_key();
                        self.work_recovery.clean(piece, key);
                    }
                }
                WorkId::Comparison => {
                    let key = self.state.comparison.recovery_key();
                    self.work_recovery.clean(piece, key);
                }
            }
        }
    }

    /// A framework variant or the comparison changed (or was saved): its recovery file is due
    /// while it is unsaved, and goes once it is not.
    pub(super) fn work_changed(&mut self, work: WorkId) {
        let (dirty, key) = match &work {
            WorkId::Framework(id) => match self.state.framework_docs.get(id) {
                Some(doc) => (doc.is_dirty(), doc.recovery_key()),
                None => return,
            },
            WorkId::Comparison => (
                self.state.comparison.is_dirty(),
                self.state.comparison.recovery_key(),
            ),
            WorkId::Assessment(_) => return,
        };
        if dirty {
            self.work_recovery.edited(work, Instant::now());
        } else {
            self.work_recovery.clean(&work, key);
        }
    }

    /// Writes the recovery files that are due (and removes those of work saved or discarded).
    pub(super) fn write_recovery_files(&mut self, ctx: &egui::Context) {
        self.write_recovery_work(self.options.recovery_delay);
        if self.state.store.recovery_pending() || self.work_recovery.pending() {
            ctx.request_repaint_after(Duration::from_millis(500));
        }
    }

    /// Writes every recovery file that is pending, without waiting for the delay (quitting).
    fn write_recovery_files_now(&mut self, _ctx: &egui::Context) {
        self.write_recovery_work(Duration::ZERO);
    }

    fn write_recovery_work(&mut self, delay: Duration) {
        let mut work = self.state.store.take_recovery_work(delay);
        let (due, removals) = self.work_recovery.take(delay);
        work.extend(removals.into_iter().map(RecoveryWork::Remove));
        work.extend(due.iter().filter_map(|w| self.recovery_of(w)));
        let Some(folder) = self.options.recovery() else {
            return;
        };
        for piece in work {
            let (key, content) = match piece {
                RecoveryWork::Write(recovery) => {
                    let bytes = recovery.to_json();
                    (recovery.key, Content::Bytes(bytes))
                }
                RecoveryWork::Remove(key) => (key, Content::Remove),
            };
            self.io.write(WriteRequest {
                key: QueueKey::Recovery(key.file_name()),
                path: folder.file_for(&key),
                expect: Expect::Anything,
                content,
                make_folder: true,
                of: WriteOf::Recovery,
            });
        }
    }

    /// The recovery file of a framework variant or the comparison, when it is unsaved.
    fn recovery_of(&self, work: &WorkId) -> Option<RecoveryWork> {
        let recovery = match work {
            WorkId::Framework(id) => {
                let doc = self.state.framework_docs.get(id).filter(|d| d.is_dirty())?;
                Recovery::new(
                    doc.recovery_key(),
                    doc.file().map(std::path::Path::to_path_buf),
                    doc.stamp(),
                    Work::Framework(Box::new(doc.current().clone())),
                )
            }
            WorkId::Comparison => {
                let session = &self.state.comparison;
                if !session.is_dirty() {
                    return None;
                }
                Recovery::new(
                    session.recovery_key(),
                    session.file.clone(),
                    session.stamp,
                    Work::Comparison(Box::new(self.comparison_to_save())),
                )
            }
            WorkId::Assessment(_) => return None,
        };
        Some(RecoveryWork::Write(Box::new(recovery)))
    }

    /// Writes the settings file once they have been unchanged a moment (at once when `now`).
    pub(super) fn write_settings(&mut self, ctx: &egui::Context, now: bool) {
        if !self.state.started || self.options.data_dir.is_none() {
            return;
        }
        self.snapshot_settings();
        let (written, changed_at) = &mut self.settings_written;
        if self.state.settings != *written {
            *written = self.state.settings.clone();
            changed_at.get_or_insert_with(Instant::now);
        }
        let Some(at) = *changed_at else { return };
        if !now && at.elapsed() < SETTINGS_DELAY {
            ctx.request_repaint_after(SETTINGS_DELAY);
            return;
        }
        *changed_at = None;
        let Some(dir) = &self.options.data_dir else {
            return;
        };
        let settings = self.state.settings.clone();
        self.io.write(WriteRequest {
            key: QueueKey::Settings,
            path: dir.join(SETTINGS_FILE_NAME),
            expect: Expect::Anything,
            content: Content::Bytes(settings.to_json().into_bytes()),
            make_folder: true,
            of: WriteOf::Settings(Box::new(settings)),
        });
    }

    /// Throws away the unsaved work of a recovery file the user declined.
    pub(super) fn discard_recovery(&mut self, key: &RecoveryKey) {
        if self.views.recovery.take(key).is_some()
            && let Some(folder) = self.options.recovery()
        {
            self.io.write(WriteRequest {
                key: QueueKey::Recovery(key.file_name()),
                path: folder.file_for(key),
                expect: Expect::Anything,
                content: Content::Remove,
                make_folder: false,
                of: WriteOf::Recovery,
            });
        }
    }
}
