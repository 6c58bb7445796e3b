//! Work off the UI thread: file dialogs, loading files, reading texts, writing exports and
//! recovery files. Each job runs on a thread of its own and reports back over one channel, then
//! wakes the window with `request_repaint`; the app drains the answers at the start of a frame.
//! Recovery files go through one writer thread, so writes and removals happen in order.

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};

use super::picker::{PickRequest, Purpose};
use super::store::RecoveryWork;
use crate::library::LoadedFile;
use crate::library::recovery::RecoveryFolder;

/// What a finished job reports.
#[derive(Debug)]
pub enum Done {
    /// A file dialog was answered (no paths: cancelled).
    Picked {
        /// What the dialog was for.
        purpose: Purpose,
        /// The chosen paths.
        paths: Vec<PathBuf>,
    },
    /// Files the user opened were loaded (a batch of them).
    Opened {
        /// Which load.
        load: super::loading::LoadId,
        /// The files, loaded or failed.
        files: Vec<LoadedFile>,
    },
    /// Published texts, saved web pages or pasted text were read and imported.
    Imported(Vec<super::transfer::ReadImport>),
    /// The clipboard was read after a paste: the HTML it offers, if any.
    ClipboardHtml(Option<String>),
    /// A file was written (an export): what it was, and where, or why not.
    Written {
        /// What was written, for the notice ("Markdown report").
        what: String,
        /// The file written, or the error naming it.
        result: Result<PathBuf, String>,
    },
    /// A comparison file and its roles' files were read, or why not.
    ComparisonRead {
        /// The comparison file.
        path: PathBuf,
        /// What it holds.
        result: Result<Box<super::comparisons::ReadComparison>, String>,
    },
    /// A comparison file was written, or why not.
    ComparisonSaved {
        /// The comparison file.
        path: PathBuf,
        /// The comparison as written.
        result: Result<Box<crate::comparison::Comparison>, String>,
    },
    /// A save job ended.
    Saved {
        /// What it did.
        outcome: super::saving::SaveOutcome,
        /// What to do once every file was written.
        after: super::saving::AfterSave,
    },
    /// A document's file was read again (Revert, Reload from disk).
    Reloaded {
        /// The document.
        doc: super::store::DocId,
        /// What the file holds now, or why it could not be read.
        result: Result<Box<crate::library::Loaded>, String>,
    },
    /// The watcher of a library folder started, or why it could not.
    Watching {
        /// The load of the folder it watches.
        load: super::loading::LoadId,
        /// The watcher, or the error naming the folder.
        watcher: Result<Box<crate::library::watch::FolderWatcher>, String>,
    },
    /// Files changed in the watched folder.
    FolderChanged {
        /// The load of the folder they changed in.
        load: super::loading::LoadId,
        /// What changed.
        changes: Vec<crate::library::watch::Change>,
    },
    /// Files that changed outside the program, read again.
    ChangedFiles(Vec<LoadedFile>),
    /// The framework files of a library folder were read (before its assessments).
    FrameworksFound {
        /// Which load.
        load: super::loading::LoadId,
        /// The published framework and the folder's variants.
        frameworks: Box<crate::framework::Frameworks>,
        /// Framework files that could not be used, each naming the file and the field.
        errors: Vec<String>,
    },
    /// A framework file the user opened was read.
    FrameworkOpened(Result<Box<crate::framework::Framework>, String>),
    /// A library load walked its folder: this many files will come.
    LoadFound {
        /// Which load.
        load: super::loading::LoadId,
        /// How many files.
        total: usize,
    },
    /// Files of a library load, loaded or failed.
    LoadBatch {
        /// Which load.
        load: super::loading::LoadId,
        /// The files as documents, or their errors.
        docs: Vec<super::loading::LoadedDoc>,
    },
    /// A library load ended.
    LoadFinished {
        /// Which load.
        load: super::loading::LoadId,
        /// Whether it was cancelled before every file was read.
        cancelled: bool,
    },
    /// Writing or removing a recovery file failed.
    RecoveryFailed(String),
    /// Something the user should know that stopped nothing (a report template that could not be
    /// used, so the shipped one was).
    Warning(String),
}

/// Hands a repaint request to the window from any thread.
#[derive(Clone, Default)]
struct Waker(Arc<Mutex<Option<egui::Context>>>);

impl Waker {
    fn wake(&self) {
        if let Ok(ctx) = self.0.lock()
            && let Some(ctx) = ctx.as_ref()
        {
            ctx.request_repaint();
        }
    }

    fn wake_after(&self, delay: std::time::Duration) {
        if let Ok(ctx) = self.0.lock()
            && let Some(ctx) = ctx.as_ref()
        {
            ctx.request_repaint_after(delay);
        }
    }
}

/// Sends a running job's intermediate reports to the app and wakes the window.
#[derive(Clone)]
pub struct Reporter {
    tx: Sender<Done>,
    waker: Waker,
}

impl Reporter {
    /// Reports something now.
    pub fn send(&self, done: Done) {
        // The app may be gone: nothing to tell then.
        let _ = self.tx.send(done);
        self.waker.wake();
    }

    /// Reports something the window may show a little later: many reports in a row (the
    /// batches of a load) then cost a frame every `delay`, not a frame each.
    pub fn send_soon(&self, done: Done, delay: std::time::Duration) {
        let _ = self.tx.send(done);
        self.waker.wake_after(delay);
    }
}

/// The background work of the app.
pub struct Jobs {
    tx: Sender<Done>,
    rx: Receiver<Done>,
    running: Arc<AtomicUsize>,
    waker: Waker,
    recovery: Option<Sender<RecoveryWork>>,
}

impl std::fmt::Debug for Jobs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Jobs")
            .field("running", &self.running.load(Ordering::SeqCst))
            .finish_non_exhaustive()
    }
}

impl Jobs {
    /// No jobs yet; recovery files go to `recovery`, when given.
    #[must_use]
    pub fn new(recovery: Option<RecoveryFolder>) -> Self {
        let (tx, rx) = channel();
        let mut jobs = Self {
            tx,
            rx,
            running: Arc::new(AtomicUsize::new(0)),
            waker: Waker::default(),
            recovery: None,
        };
        if let Some(folder) = recovery {
            jobs.recovery = jobs.recovery_writer(folder);
        }
        jobs
    }

    /// The window's context, to wake it when a job ends.
    pub fn set_context(&mut self, ctx: &egui::Context) {
        if let Ok(mut slot) = self.waker.0.lock()
            && slot.is_none()
        {
            *slot = Some(ctx.clone());
        }
    }

    /// The window's context, once a frame has run.
    #[must_use]
    pub fn context(&self) -> Option<egui::Context> {
        self.waker.0.lock().ok().and_then(|ctx| ctx.clone())
    }

    /// Whether a job is still running.
    #[must_use]
    pub fn busy(&self) -> bool {
        self.running.load(Ordering::SeqCst) > 0
    }

    /// Waits at most `limit` for running jobs to end (at exit, so recovery files are removed
    /// before the process goes).
    pub fn wait(&self, limit: std::time::Duration) {
        let started = std::time::Instant::now();
        while self.busy() && started.elapsed() < limit {
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
    }

    /// The answers of jobs that ended since the last call.
    pub fn finished(&mut self) -> Vec<Done> {
        self.rx.try_iter().collect()
    }

    /// Runs `work` on a thread of its own; its result arrives through [`Jobs::finished`].
    pub fn spawn(&self, name: &str, work: impl FnOnce() -> Done + Send + 'static) {
        let reply = self.reply();
        let spawned = std::thread::Builder::new()
            .name(name.to_owned())
            .spawn(move || reply(work()));
        if let Err(error) = spawned {
            // No thread: say so rather than wait for an answer that never comes.
            self.running.fetch_sub(1, Ordering::SeqCst);
            let _ = self.tx.send(Done::Written {
                what: name.to_owned(),
                result: Err(format!("could not start the work: {error}")),
            });
        }
    }

    /// Runs `work` on a thread of its own; it may report as it goes through the [`Reporter`]
    /// (each report wakes the window), and its result arrives last.
    pub fn spawn_reporting(
        &self,
        name: &str,
        work: impl FnOnce(&Reporter) -> Done + Send + 'static,
    ) {
        let reporter = Reporter {
            tx: self.tx.clone(),
            waker: self.waker.clone(),
        };
        self.spawn(name, move || work(&reporter));
    }

    /// Opens a file dialog through `picker`; the answer arrives as [`Done::Picked`]. An open
    /// dialog is the user's, not background work: it does not make the app [`Jobs::busy`].
    pub fn pick(&self, picker: &dyn super::picker::FilePicker, request: PickRequest) {
        let tx = self.tx.clone();
        let waker = self.waker.clone();
        let purpose = request.purpose.clone();
        picker.pick(
            request,
            Box::new(move |paths| {
                // The app may be gone when the dialog closes: nothing to tell then.
                let _ = tx.send(Done::Picked { purpose, paths });
                waker.wake();
            }),
        );
    }

    /// Hands recovery work to the writer thread.
    pub fn recovery(&self, work: RecoveryWork) {
        if let Some(tx) = &self.recovery {
            self.running.fetch_add(1, Ordering::SeqCst);
            if tx.send(work).is_err() {
                self.running.fetch_sub(1, Ordering::SeqCst);
            }
        }
    }

    /// A one-shot reply: counts the job as running until it is called.
    fn reply(&self) -> impl FnOnce(Done) + Send + 'static {
        self.running.fetch_add(1, Ordering::SeqCst);
        let tx = self.tx.clone();
        let running = Arc::clone(&self.running);
        let waker = self.waker.clone();
        move |done| {
            // The app may be gone when the job ends: nothing to tell then.
            let _ = tx.send(done);
            running.fetch_sub(1, Ordering::SeqCst);
            waker.wake();
        }
    }

    fn recovery_writer(&self, folder: RecoveryFolder) -> Option<Sender<RecoveryWork>> {
        let (work_tx, work_rx) = channel::<RecoveryWork>();
        let tx = self.tx.clone();
        let running = Arc::clone(&self.running);
        let waker = self.waker.clone();
        std::thread::Builder::new()
            .name("recovery-writer".into())
            .spawn(move || {
                for work in work_rx {
                    let result = match &work {
                        RecoveryWork::Write(recovery) => folder.write(recovery),
                        RecoveryWork::Remove(document) => folder.remove(document),
                    };
                    if let Err(error) = result {
                        let _ = tx.send(Done::RecoveryFailed(format!(
                            "unsaved edits could not be kept for recovery: {error}"
                        )));
                        waker.wake();
                    }
                    running.fetch_sub(1, Ordering::SeqCst);
                }
            })
            .ok()
            .map(|_| work_tx)
    }
}
