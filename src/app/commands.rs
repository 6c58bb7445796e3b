//! The one place the command queue is drained: what the user asked for (views, shortcuts,
//! dialogs) and what background work reported, in the order they arrived.

use super::AijriApp;
use super::io::{Command, Done};

impl AijriApp {
    /// Carries out every command that arrived since the last call, and those they lead to.
    pub fn run_commands(&mut self) {
        let _ui_thread = crate::library::disk::UiThread::enter();
        loop {
            let commands = self.io.take_commands();
            if commands.is_empty() {
                break;
            }
            for command in commands {
                match command {
                    Command::Action(action) => self.apply(action),
                    Command::Done(done) => self.finished(*done),
                }
            }
        }
    }

    /// Handles what background work reports; an answer about something gone does nothing.
    pub(super) fn finished(&mut self, done: Done) {
        match done {
            Done::Picked {
                purpose,
                paths,
                replace_asked,
            } => self.picked(purpose, paths, replace_asked),
            Done::TargetResolved {
                purpose,
                path,
                existing,
                replace_asked,
            } => self.target_resolved(purpose, path, existing, replace_asked),
            Done::Started(start) => self.started(*start),
            Done::RecoveriesFound(offers) => self.views.recovery.found(offers),
            Done::Restored(restored) => {
                let (recovery, saved) = *restored;
                self.restored(recovery, saved);
            }
            Done::ComparisonRecovered {
                file,
                recovered,
                saved,
            } => self.comparison_recovered(file, *recovered, saved),
            Done::Opened { load, files } => {
                self.opened(load, files);
                self.source_opened();
            }
            Done::Reloaded { doc, result } => self.reloaded(doc, result),
            Done::FrameworksFound {
                load,
                folder,
                files,
                errors,
            } => self.frameworks_found(load, folder, files, errors),
            Done::FrameworkOpened(result) => self.framework_opened(result),
            Done::Watching { load, watcher } => self.watching(load, watcher),
            Done::FolderChanged { load, changes } => self.folder_changed(load, changes),
            Done::ChangedFiles(files) => self.changed_files(files),
            Done::LoadFound { load, total } => self.load_found(load, total),
            Done::LoadBatch { load, docs } => self.load_batch(load, docs),
            Done::LoadFinished { load, cancelled } => self.load_finished(load, cancelled),
            Done::Imported(imports) => self.imported(imports),
            Done::ClipboardHtml(html) => self.views.transfer.clipboard_html(html),
            Done::Wrote(answer) => self.wrote(*answer),
            Done::ComparisonRead { path, result } => self.comparison_read(path, result),
            Done::OwnTemplate(found) => self.views.preferences.own_template = Some(found),
            Done::ReadyToClose => self.close_now = true,
            Done::Nothing => {}
            Done::Warning(message) => self.state.notify(true, message),
            Done::Failed { what, release } => {
                self.state.notify(true, what);
                self.after_saving = None;
                if let Some(release) = release {
                    self.finished(*release);
                }
            }
        }
    }
}
