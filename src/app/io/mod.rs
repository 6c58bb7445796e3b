//! The document I/O service: every file-system touch of the window (loads, saves, exports,
//! imports, recovery files, settings) runs here on worker threads, and every answer comes back
//! through the one command queue the views use too ([`Command`]), waking the window.
//!
//! Writes go through one queue per document ([`QueueKey`]): its writes run one at a time, in
//! order, and a newer write replaces one still waiting. Each write states what the file should
//! hold ([`Expect`]); the service checks it, with the one stamp rule of [`crate::library::disk`],
//! and answers "a file is there" or "someone changed it" instead of writing — the window then
//! asks the user. A job that panics is caught: its work is released and the window is told.
//!
//! The pattern is rerun's: one `CommandSender` that views and background work use alike, drained
//! in one place; named background tasks; stores looked up by id on every answer.

mod done;
mod queue;

use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};

pub use done::{Done, WriteAnswer, WriteFailure, WriteOf};
pub use queue::{Content, QueueKey, WriteRequest};

use super::Action;
use super::picker::{FilePicker, PickRequest};
use crate::library::FileStamp;

/// One thing for the app to do: what a user asked for, or what background work reports.
#[derive(Debug)]
pub enum Command {
    /// A user's action (a view, a shortcut, a dialog).
    Action(Action),
    /// An answer of background work.
    Done(Box<Done>),
}

/// Hands a repaint request to the window from any thread.
#[derive(Clone, Default)]
struct Waker(Arc<Mutex<Option<egui::Context>>>);

impl Waker {
    fn wake(&self) {
        self.wake_after(std::time::Duration::ZERO);
    }

    fn wake_after(&self, delay: std::time::Duration) {
        if let Ok(ctx) = self.0.lock()
            && let Some(ctx) = ctx.as_ref()
        {
            ctx.request_repaint_after(delay);
        }
    }
}

/// Sends commands to the app from any thread and wakes the window: the one door, shared by the
/// views and the background work.
#[derive(Clone)]
pub struct CommandSender {
    tx: Sender<Command>,
    waker: Waker,
}

impl CommandSender {
    /// Sends a command now.
    pub fn send(&self, command: Command) {
        // The app may be gone: nothing to tell then.
        let _ = self.tx.send(command);
        self.waker.wake();
    }

    /// Sends an answer of background work now.
    pub fn done(&self, done: Done) {
        self.send(Command::Done(Box::new(done)));
    }

    /// Sends an answer the window may show a little later: many in a row (the batches of a load)
    /// then cost a frame every `delay`, not a frame each.
    pub fn done_soon(&self, done: Done, delay: std::time::Duration) {
        let _ = self.tx.send(Command::Done(Box::new(done)));
        self.waker.wake_after(delay);
    }
}

/// The stamps of what this program last wrote to each file (a few per file): a change the folder
/// watcher reports that holds one of them is the program's own write, not someone else's. A
/// stamp is recorded before its file is renamed into place, so the watcher can never read the
/// file before the program knows it wrote it.
#[derive(Debug, Clone, Default)]
pub struct OwnWrites(Arc<Mutex<std::collections::HashMap<PathBuf, Vec<FileStamp>>>>);

impl OwnWrites {
    /// How many stamps are kept per file.
    const KEPT: usize = 4;

    /// The program is about to write `stamp` to `path`.
    pub fn about_to_write(&self, path: &Path, stamp: FileStamp) {
        if let Ok(mut own) = self.0.lock() {
            let stamps = own.entry(path.to_owned()).or_default();
            stamps.push(stamp);
            if stamps.len() > Self::KEPT {
                stamps.remove(0);
            }
        }
    }

    /// Whether `stamp` is one this program wrote to `path`.
    #[must_use]
    pub fn wrote(&self, path: &Path, stamp: FileStamp) -> bool {
        self.0
            .lock()
            .is_ok_and(|own| own.get(path).is_some_and(|s| s.contains(&stamp)))
    }
}

/// The service: the command queue, the background jobs and the write queues.
pub struct IoService {
    sender: CommandSender,
    rx: Receiver<Command>,
    running: Arc<AtomicUsize>,
    queues: queue::Queues,
    own_writes: OwnWrites,
}

impl std::fmt::Debug for IoService {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("IoService")
            .field("running", &self.running.load(Ordering::SeqCst))
            .finish_non_exhaustive()
    }
}

impl Default for IoService {
    fn default() -> Self {
        Self::new()
    }
}

impl IoService {
    /// A service with no work yet.
    #[must_use]
    pub fn new() -> Self {
        let (tx, rx) = channel();
        Self {
            sender: CommandSender {
                tx,
                waker: Waker::default(),
            },
            rx,
            running: Arc::new(AtomicUsize::new(0)),
            queues: queue::Queues::default(),
            own_writes: OwnWrites::default(),
        }
    }

    /// The window's context, to wake it when an answer arrives.
    pub fn set_context(&self, ctx: &egui::Context) {
        if let Ok(mut slot) = self.sender.waker.0.lock()
            && slot.is_none()
        {
            *slot = Some(ctx.clone());
        }
    }

    /// The window's context, once a frame has run.
    #[must_use]
    pub fn context(&self) -> Option<egui::Context> {
        self.sender.waker.0.lock().ok().and_then(|ctx| ctx.clone())
    }

    /// A sender into the command queue (for views and dialogs outside the frame).
    #[must_use]
    pub fn sender(&self) -> CommandSender {
        self.sender.clone()
    }

    /// Whether background work is running or waiting (an open file dialog is the user's, not
    /// background work).
    #[must_use]
    pub fn busy(&self) -> bool {
        self.running.load(Ordering::SeqCst) > 0
    }

    /// The commands that arrived since the last call, in order.
    pub fn take_commands(&self) -> Vec<Command> {
        self.rx.try_iter().collect()
    }

    /// The registry of the program's own writes, for jobs that read changed files.
    #[must_use]
    pub fn own_writes(&self) -> OwnWrites {
        self.own_writes.clone()
    }

    /// Runs `work` on a thread of its own; its answer arrives as a command. Should it panic, the
    /// window is told what failed.
    pub fn spawn(&self, name: &str, work: impl FnOnce() -> Done + Send + 'static) {
        self.spawn_releasing(name, None, move |_| work());
    }

    /// Runs `work` on a thread of its own; it may report as it goes through the sender, and its
    /// answer arrives last.
    pub fn spawn_reporting(
        &self,
        name: &str,
        work: impl FnOnce(&CommandSender) -> Done + Send + 'static,
    ) {
        self.spawn_releasing(name, None, work);
    }

    /// [`IoService::spawn_reporting`], and should `work` panic, `release` is sent after the
    /// failure notice, so whatever waited on the work (a load's progress bar) is released.
    pub fn spawn_releasing(
        &self,
        name: &str,
        release: Option<Done>,
        work: impl FnOnce(&CommandSender) -> Done + Send + 'static,
    ) {
        self.running.fetch_add(1, Ordering::SeqCst);
        let job = Job {
            name: name.to_owned(),
            sender: self.sender.clone(),
            running: Arc::clone(&self.running),
        };
        let spawned = std::thread::Builder::new()
            .name(name.to_owned())
            .spawn(move || job.run(release, work));
        if let Err(error) = spawned {
            // No thread: say so rather than wait for an answer that never comes.
            self.running.fetch_sub(1, Ordering::SeqCst);
            self.sender.done(Done::Failed {
                what: format!("{name}: could not start the work: {error}"),
                release: None,
            });
        }
    }

    /// Queues a write (or a removal) on its document's queue: see [`WriteRequest`].
    pub fn write(&self, request: WriteRequest) {
        self.queues.submit(
            request,
            &self.sender,
            &self.running,
            self.own_writes.clone(),
        );
    }

    /// Sends `done` once every queued write has finished (quitting waits for this, off the UI
    /// thread, so recovery files and settings are written before the window closes).
    pub fn when_written(&self, done: Done) {
        let queues = self.queues.clone();
        self.spawn("flush", move || {
            queues.wait_idle();
            done
        });
    }

    /// Opens a file dialog through `picker`; the answer arrives as [`Done::Picked`].
    pub fn pick(&self, picker: &dyn FilePicker, request: PickRequest) {
        let sender = self.sender.clone();
        let purpose = request.purpose.clone();
        picker.pick(
            request,
            Box::new(move |answer| {
                sender.done(Done::Picked {
                    purpose,
                    paths: answer.paths,
                    replace_asked: answer.replace_asked,
                });
            }),
        );
    }
}

/// A running background job: its name, the way back, and the count it holds.
struct Job {
    name: String,
    sender: CommandSender,
    running: Arc<AtomicUsize>,
}

impl Job {
    /// Runs the work, catching a panic; the answer (or the failure, then `release`) goes back.
    fn run(self, release: Option<Done>, work: impl FnOnce(&CommandSender) -> Done) {
        let answer = std::panic::catch_unwind(AssertUnwindSafe(|| work(&self.sender)));
        match answer {
            Ok(done) => self.sender.done(done),
            Err(panic) => self.sender.done(Done::Failed {
                what: format!("{} stopped unexpectedly: {}", self.name, panic_text(&panic)),
                release: release.map(Box::new),
            }),
        }
        self.running.fetch_sub(1, Ordering::SeqCst);
        self.sender.waker.wake();
    }
}

/// What a panic said, for the notice.
pub(crate) fn panic_text(panic: &Box<dyn std::any::Any + Send>) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "an internal error".to_owned())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::panic)]
    use std::time::{Duration, Instant};

    use super::*;
    use crate::app::loading::LoadId;
    use crate::library::Expect;

    /// Waits until the service is idle, then takes every answer.
    fn answers(io: &IoService) -> Vec<Done> {
        let started = Instant::now();
        while io.busy() {
            assert!(
                started.elapsed() < Duration::from_secs(10),
                "the work did not end"
            );
            std::thread::sleep(Duration::from_millis(2));
        }
        io.take_commands()
            .into_iter()
            .filter_map(|c| match c {
                Command::Done(done) => Some(*done),
                Command::Action(_) => None,
            })
            .collect()
    }

    #[test]
    fn a_job_that_panics_is_reported_and_releases_what_waited_on_it() {
        let io = IoService::new();
        let release = Done::LoadFinished {
            load: LoadId(7),
            cancelled: true,
        };
        io.spawn_releasing("load-library", Some(release), |_| panic!("a bad file"));
        let answers = answers(&io);
        assert!(!io.busy(), "its running count dropped");
        match answers.as_slice() {
            [
                Done::Failed {
                    what,
                    release: Some(release),
                },
            ] => {
                assert!(
                    what.contains("load-library") && what.contains("a bad file"),
                    "{what}"
                );
                assert!(matches!(
                    **release,
                    Done::LoadFinished {
                        load: LoadId(7),
                        ..
                    }
                ));
            }
            other => panic!("{other:?}"),
        }
    }

    fn write(path: &std::path::Path, text: &str, expect: Expect) -> WriteRequest {
        WriteRequest {
            key: QueueKey::Settings,
            path: path.to_owned(),
            expect,
            content: Content::Bytes(text.as_bytes().to_vec()),
            make_folder: false,
            of: WriteOf::Recovery,
        }
    }

    #[test]
    fn writes_of_one_document_run_in_order_and_the_next_expects_what_the_last_wrote() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("role.aijri.json");
        std::fs::write(&path, "loaded").unwrap();
        let loaded = Expect::Stamp(FileStamp::of(b"loaded"));
        let io = IoService::new();
        // Both saves expect what the file held when loaded: the window has not heard of the
        // first when it sends the second.
        for text in ["first", "second", "third"] {
            io.write(write(&path, text, loaded));
        }
        let answers = answers(&io);
        assert!(
            answers
                .iter()
                .all(|a| matches!(a, Done::Wrote(w) if w.result.is_ok())),
            "no false conflict: {answers:?}"
        );
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "third",
            "the newest is on disk"
        );
        assert!(
            answers.len() <= 3,
            "a write still waiting may be replaced by a newer one"
        );
    }

    #[test]
    fn a_write_finds_someone_elses_change_and_gives_its_bytes_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("role.aijri.json");
        std::fs::write(&path, "theirs").unwrap();
        let io = IoService::new();
        io.write(write(&path, "mine", Expect::Absent));
        match answers(&io).as_slice() {
            [Done::Wrote(answer)] => assert!(matches!(
                &answer.result,
                Err(WriteFailure::Exists { bytes, .. }) if bytes == b"mine"
            )),
            other => panic!("{other:?}"),
        }
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "theirs",
            "untouched"
        );
    }
}
