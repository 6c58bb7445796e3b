//! One write queue per document: its writes run one at a time, in order, on a worker thread; a
//! newer write replaces one still waiting (the newest version is what counts). Each write checks
//! what the file holds against what the window expected ([`Expect`]) before writing.
//!
//! The window learns of a finished write a frame later, so a write queued meanwhile may still
//! expect what the file held before: the queue remembers what it wrote last, and a write that
//! expected what the last one replaced expects what the last one wrote instead. Someone else's
//! change in between is still found, since the check reads the disk.

use std::collections::HashMap;
use std::panic::AssertUnwindSafe;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, PoisonError};

use super::done::{Done, WriteAnswer, WriteFailure, WriteOf};
use super::{CommandSender, OwnWrites, panic_text};
use crate::library::disk::{self, Expect, Found};
use crate::library::{FileStamp, folder_of};

/// Which queue a write joins: one per document.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum QueueKey {
    /// An assessment document.
    Assessment(super::super::store::DocId),
    /// A framework variant, by its id.
    Framework(String),
    /// The comparison.
    Comparison,
    /// A recovery file, by its name.
    Recovery(String),
    /// The settings file.
    Settings,
    /// An export or another file written once, by its path.
    File(PathBuf),
}

/// What to write.
pub enum Content {
    /// These bytes.
    Bytes(Vec<u8>),
    /// The bytes this makes, on the worker (a PDF to typeset); an error is the answer.
    Make(Box<dyn FnOnce() -> Result<Vec<u8>, String> + Send>),
    /// Nothing: the file is removed.
    Remove,
    /// The file at this path, moved here (a role's file renamed): what it holds stays.
    MoveFrom(PathBuf),
    /// Nothing: the file is moved to the trash, where it can be restored from.
    Trash(crate::library::disk::TrashBin),
}

impl std::fmt::Debug for Content {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Bytes(bytes) => write!(f, "Bytes({} bytes)", bytes.len()),
            Self::Make(_) => f.write_str("Make(…)"),
            Self::Remove => f.write_str("Remove"),
            Self::MoveFrom(from) => write!(f, "MoveFrom({})", from.display()),
            Self::Trash(bin) => write!(f, "Trash({bin:?})"),
        }
    }
}

/// One write: where, what the file should hold now, what to write, and what it is for.
#[derive(Debug)]
pub struct WriteRequest {
    /// The document's queue.
    pub key: QueueKey,
    /// The file, final (extension added, canonical).
    pub path: PathBuf,
    /// What the file should hold before it is written over.
    pub expect: Expect,
    /// What to write.
    pub content: Content,
    /// Create the file's folder when it is missing (the program's data folder).
    pub make_folder: bool,
    /// What the write is for: how the window takes the answer.
    pub of: WriteOf,
}

/// What a queue wrote last: where, what that write expected, and what it wrote.
#[derive(Debug, Clone)]
struct LastWrite {
    path: PathBuf,
    expected: Expect,
    wrote: FileStamp,
}

/// The state of one queue.
#[derive(Debug, Default)]
struct Queue {
    running: bool,
    waiting: Option<WriteRequest>,
    last: Option<LastWrite>,
}

/// Every queue, shared with their worker threads.
#[derive(Debug, Clone, Default)]
pub struct Queues(Arc<(Mutex<HashMap<QueueKey, Queue>>, Condvar)>);

impl Queues {
    /// Runs `request` now on a thread of its own, or after the write running in its queue (in
    /// place of one waiting there).
    pub fn submit(
        &self,
        request: WriteRequest,
        sender: &CommandSender,
        running: &Arc<AtomicUsize>,
        own_writes: OwnWrites,
    ) {
        running.fetch_add(1, Ordering::SeqCst);
        let key = request.key.clone();
        {
            let mut queues = self.lock();
            let queue = queues.entry(key.clone()).or_default();
            if queue.running {
                if queue.waiting.replace(request).is_some() {
                    // The write it replaced never runs.
                    running.fetch_sub(1, Ordering::SeqCst);
                }
                return;
            }
            queue.running = true;
        }
        let worker = Worker {
            queues: self.clone(),
            key: key.clone(),
            sender: sender.clone(),
            running: Arc::clone(running),
            own_writes,
        };
        let spawned = std::thread::Builder::new()
            .name("write".into())
            .spawn(move || worker.run(request));
        if let Err(error) = spawned {
            if let Some(queue) = self.lock().get_mut(&key) {
                queue.running = false;
            }
            running.fetch_sub(1, Ordering::SeqCst);
            sender.done(Done::Failed {
                what: format!("a file could not be written: no thread: {error}"),
                release: None,
            });
        }
    }

    /// Waits until no queue runs or holds a write.
    pub fn wait_idle(&self) {
        let (lock, idle) = &*self.0;
        let mut queues = lock.lock().unwrap_or_else(PoisonError::into_inner);
        while queues.values().any(|q| q.running || q.waiting.is_some()) {
            queues = idle.wait(queues).unwrap_or_else(PoisonError::into_inner);
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<QueueKey, Queue>> {
        self.0.0.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// The thread of one queue while it has work.
struct Worker {
    queues: Queues,
    key: QueueKey,
    sender: CommandSender,
    running: Arc<AtomicUsize>,
    own_writes: OwnWrites,
}

impl Worker {
    /// Writes `first`, then each write that waited meanwhile, then stops.
    fn run(self, first: WriteRequest) {
        let mut next = Some(first);
        while let Some(request) = next.take() {
            let last = self
                .queues
                .lock()
                .get(&self.key)
                .and_then(|q| q.last.clone());
            let WriteRequest {
                path,
                expect,
                content,
                make_folder,
                of,
                ..
            } = request;
            let expected = chained(expect, &path, last.as_ref());
            let result = std::panic::catch_unwind(AssertUnwindSafe(|| {
                perform(&path, expected, content, make_folder, &self.own_writes)
            }))
            .unwrap_or_else(|panic| {
                Err(WriteFailure::Error(format!(
                    "{}: the write stopped unexpectedly: {}",
                    path.display(),
                    panic_text(&panic)
                )))
            });
            let wrote = result.as_ref().ok().copied().flatten();
            self.sender.done(Done::Wrote(Box::new(WriteAnswer {
                of,
                path: path.clone(),
                result,
            })));
            self.running.fetch_sub(1, Ordering::SeqCst);
            let (lock, idle) = &*self.queues.0;
            let mut queues = lock.lock().unwrap_or_else(PoisonError::into_inner);
            let queue = queues.entry(self.key.clone()).or_default();
            if let Some(wrote) = wrote {
                queue.last = Some(LastWrite {
                    path,
                    expected,
                    wrote,
                });
            }
            next = queue.waiting.take();
            if next.is_none() {
                queue.running = false;
                idle.notify_all();
            }
        }
    }
}

/// The expectation of a write after the queue's last write: one that still expects what the last
/// write replaced (the window had not heard of it yet) expects what it wrote instead.
fn chained(expect: Expect, path: &std::path::Path, last: Option<&LastWrite>) -> Expect {
    match last {
        Some(last) if last.path == path && last.expected == expect => Expect::Stamp(last.wrote),
        _ => expect,
    }
}

/// Moves `from` to `to` once `to` holds what was expected (nothing, or what the user agreed to
/// replace): the stamp of the file moved.
fn move_file(
    from: &std::path::Path,
    to: &std::path::Path,
    expect: Expect,
) -> Result<Option<FileStamp>, WriteFailure> {
    let failed = |e: std::io::Error| {
        WriteFailure::Error(format!(
            "{} could not be renamed to {}: {e}",
            from.display(),
            to.display()
        ))
    };
    let bytes = disk::read_limited(from, crate::library::FileKind::Assessment)
        .map_err(|e| WriteFailure::Error(e.to_string()))?;
    match expect.check(to).map_err(failed)? {
        Found::AsExpected => {}
        Found::Exists(stamp) => return Err(WriteFailure::Exists { stamp, bytes }),
        Found::Changed(stamp) => return Err(WriteFailure::Changed { stamp, bytes }),
    }
    disk::rename(from, to, expect == Expect::Anything).map_err(failed)?;
    Ok(Some(FileStamp::of(&bytes)))
}

/// Checks the file, then writes (or removes) it: the stamp written, `None` for a removal.
fn perform(
    path: &std::path::Path,
    expect: Expect,
    content: Content,
    make_folder: bool,
    own_writes: &OwnWrites,
) -> Result<Option<FileStamp>, WriteFailure> {
    let bytes = match content {
        Content::Remove => {
            return disk::remove_file(path)
                .map(|()| None)
                .map_err(|e| WriteFailure::Error(e.to_string()));
        }
        Content::Trash(bin) => {
            return disk::move_to_trash(path, &bin).map(|()| None).map_err(|e| {
                WriteFailure::Error(format!(
                    "{}: could not be moved to the trash: {e}",
                    path.display()
                ))
            });
        }
        Content::MoveFrom(from) => return move_file(&from, path, expect),
        Content::Bytes(bytes) => bytes,
        Content::Make(make) => make().map_err(WriteFailure::Error)?,
    };
    if make_folder {
        disk::create_dir_all(folder_of(path)).map_err(|e| WriteFailure::Error(e.to_string()))?;
    }
    match expect.check(path) {
        Ok(Found::AsExpected) => {}
        Ok(Found::Exists(stamp)) => return Err(WriteFailure::Exists { stamp, bytes }),
        Ok(Found::Changed(stamp)) => return Err(WriteFailure::Changed { stamp, bytes }),
        Err(error) => {
            return Err(WriteFailure::Error(format!(
                "{}: cannot check the file before writing it: {error}",
                path.display()
            )));
        }
    }
    let stamp = FileStamp::of(&bytes);
    own_writes.about_to_write(path, stamp);
    disk::write_atomic(path, &bytes).map_err(|e| WriteFailure::Error(e.to_string()))?;
    Ok(Some(stamp))
}
