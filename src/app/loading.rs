//! Loading a library folder off the UI thread. The folder is walked, then its files are read,
//! parsed and scored on worker threads (rayon) and stream into the store in batches, with a
//! progress bar (n of N) and Cancel; the list is usable while it runs. Opening another folder
//! cancels a load in progress: batches of an old load are dropped on arrival.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use rayon::prelude::*;

use super::store::{Document, Scoring};
use crate::library::{self, LoadedFile};

/// How many files a batch brings to the UI thread at once.
const BATCH: usize = 256;

/// The identity of one load, so that answers of a cancelled one are recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoadId(pub u64);

/// A load in progress, as the role list shows it.
#[derive(Debug, Clone)]
pub struct Loading {
    /// Which load.
    pub id: LoadId,
    /// The folder being loaded (the library), or the first of the files being opened.
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
    /// A load of `folder` (or of files, the first named) just begun.
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

/// Finds the files of `paths` (a folder: every assessment below it) and loads them in
/// parallel: `found` hears how many there are, `each` turns a loaded file into what `batch`
/// receives as they are loaded. Returns whether the load was cancelled. Runs on a worker thread.
pub fn run<T: Send>(
    paths: &[PathBuf],
    cancel: &AtomicBool,
    found: impl FnOnce(usize),
    each: impl Fn(LoadedFile) -> T + Sync,
    batch: impl Fn(Vec<T>) + Sync,
) -> bool {
    // One spelling of each path: a file opened twice under two names is one document.
    let paths: Vec<PathBuf> = paths.iter().map(|p| library::disk::canonical(p)).collect();
    let files = library::files_in(&paths);
    found(files.len());
    files.into_par_iter().chunks(BATCH).for_each(|chunk| {
        if cancel.load(Ordering::SeqCst) {
            return;
        }
        batch(
            chunk
                .into_iter()
                .map(|f| each(library::load_found(f)))
                .collect(),
        );
    });
    cancel.load(Ordering::SeqCst)
}

/// A loaded file as a document with its figures computed under its framework (on the worker,
/// not the UI thread).
pub fn document(file: LoadedFile, scoring: &Scoring<'_>) -> LoadedDoc {
    let content = file
        .result
        .map(|loaded| scoring.document(loaded))
        .map_err(|e| e.to_string());
    (file.path, content)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use std::sync::Mutex;

    use super::*;
    use crate::model::Assessment;

    /// A folder of `count` roles (in two subfolders) and one broken file.
    fn folder(count: usize) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for i in 0..count {
            let sub = dir.path().join(if i % 2 == 0 { "a" } else { "b" });
            std::fs::create_dir_all(&sub).unwrap();
            let mut role = Assessment::blank();
            role.role.title = format!("Role {i:03}");
            let path = sub.join(format!("role-{i:03}{}", library::EXTENSION));
            library::save_atomic(&path, &role).unwrap();
        }
        std::fs::write(
            dir.path().join(format!("broken{}", library::EXTENSION)),
            "{",
        )
        .unwrap();
        dir
    }

    fn load(dir: &std::path::Path, cancel: &AtomicBool) -> (usize, Vec<LoadedDoc>, bool) {
        let frameworks = crate::framework::Frameworks::new();
        let found = Mutex::new(0);
        let docs = Mutex::new(Vec::new());
        let cancelled = run(
            &[dir.to_owned()],
            cancel,
            |n| *found.lock().unwrap() = n,
            |file| document(file, &Scoring::of(&frameworks, &None)),
            |batch| docs.lock().unwrap().extend(batch),
        );
        (
            found.into_inner().unwrap(),
            docs.into_inner().unwrap(),
            cancelled,
        )
    }

    #[test]
    fn every_file_arrives_as_the_sequential_load_reads_it() {
        let dir = folder(150);
        let (found, mut docs, cancelled) = load(dir.path(), &AtomicBool::new(false));
        assert!(!cancelled);
        assert_eq!(found, 151, "the count the progress bar shows");
        assert_eq!(docs.len(), 151, "the progress reaches N");
        docs.sort_by(|a, b| a.0.cmp(&b.0));
        let sequential = library::load_paths(&[dir.path().to_owned()]);
        for ((path, doc), file) in docs.iter().zip(&sequential) {
            assert_eq!(path, &file.path);
            match (doc, &file.result) {
                (Ok(doc), Ok(loaded)) => assert_eq!(doc.assessment(), &loaded.assessment),
                (Err(error), Err(expected)) => assert_eq!(error, &expected.to_string()),
                _ => panic!("{} loads differently", path.display()),
            }
        }
        assert_eq!(docs.iter().filter(|(_, d)| d.is_err()).count(), 1);
    }

    #[test]
    fn a_cancelled_load_stops_reading() {
        let dir = folder(150);
        let (found, docs, cancelled) = load(dir.path(), &AtomicBool::new(true));
        assert!(cancelled);
        assert_eq!(found, 151);
        assert!(docs.is_empty(), "no file is read once cancelled");
    }
}
