//! Loading a library folder off the UI thread. The folder is walked, then its files are read,
//! parsed and scored on worker threads (rayon) and stream into the store in batches, with a
//! progress bar (n of N) and Cancel; the list is usable while it runs. Opening another folder
//! cancels a load in progress: batches of an old load are dropped on arrival.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use rayon::prelude::*;

use super::store::Document;
use crate::framework::Framework;
use crate::library::{self, LoadedFile};

/// How many files a batch brings to the UI thread at once.
const BATCH: usize = 64;

/// The identity of one load, so that answers of a cancelled one are recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoadId(pub u64);

/// A load in progress, as the role list shows it.
#[derive(Debug, Clone)]
pub struct Loading {
    /// Which load.
    pub id: LoadId,
    /// The folder being loaded.
    pub folder: PathBuf,
    /// How many files the folder holds, once walked.
    pub total: Option<usize>,
    /// How many have arrived.
    pub done: usize,
    /// How many of those failed to load.
    pub failed: usize,
    /// When the load began.
    pub started: Instant,
    cancel: Arc<AtomicBool>,
}

impl Loading {
    /// A load of `folder` just begun.
    #[must_use]
    pub fn new(id: LoadId, folder: PathBuf) -> Self {
        Self {
            id,
            folder,
            total: None,
            done: 0,
            failed: 0,
            started: Instant::now(),
            cancel: Arc::new(AtomicBool::new(false)),
        }
    }

    /// Asks the workers to stop; files already read still arrive.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::SeqCst);
    }

    /// The flag the workers watch.
    #[must_use]
    pub fn cancel_flag(&self) -> Arc<AtomicBool> {
        Arc::clone(&self.cancel)
    }
}

/// One file as the store takes it: the path and the document, or the error as the user reads it.
pub type LoadedDoc = (PathBuf, Result<Document, String>);

/// Walks `folder` and loads its files in parallel: `found` hears how many there are, `batch`
/// receives them as they are loaded. Returns whether the load was cancelled. Runs on a worker
/// thread.
pub fn run(
    folder: &std::path::Path,
    framework: &Framework,
    cancel: &AtomicBool,
    found: impl FnOnce(usize),
    batch: impl Fn(Vec<LoadedDoc>) + Sync,
) -> bool {
    let files = library::find_files(folder);
    found(files.len());
    files.par_chunks(BATCH).for_each(|chunk| {
        if cancel.load(Ordering::SeqCst) {
            return;
        }
        let docs: Vec<LoadedDoc> = chunk
            .iter()
            .map(|found| match found {
                Ok(path) => document(load(path.clone()), framework),
                Err(error) => (error.path().to_owned(), Err(error.to_string())),
            })
            .collect();
        batch(docs);
    });
    cancel.load(Ordering::SeqCst)
}

fn load(path: PathBuf) -> LoadedFile {
    let result = library::load_file(&path);
    LoadedFile { path, result }
}

/// A loaded file as a document with its figures computed (on the worker, not the UI thread).
fn document(file: LoadedFile, framework: &Framework) -> LoadedDoc {
    let content = file
        .result
        .map(|loaded| Document::new(loaded.assessment, Some(loaded.stamp), framework))
        .map_err(|e| e.to_string());
    (file.path, content)
}
