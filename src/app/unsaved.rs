//! Every kind of unsaved work, named alike: an assessment, a framework variant, the comparison.
//! The close question, the open-another-library question and recovery files all speak of
//! [`WorkId`]s; [`RecoverySchedule`] writes each piece's recovery file a little after its last
//! edit and removes it once the work is saved or discarded.

use std::collections::HashMap;
use std::hash::Hash;
use std::time::{Duration, Instant};

use super::store::DocId;
use crate::library::recovery::{Recovery, RecoveryKey};

/// A piece of work that can be unsaved.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum WorkId {
    /// An assessment document.
    Assessment(DocId),
    /// A framework variant, by its id.
    Framework(String),
    /// The comparison (title, notes, roles).
    Comparison,
}

/// Work for the recovery files: what to write or remove.
#[derive(Debug, Clone, PartialEq)]
pub enum RecoveryWork {
    /// Write the unsaved work of a document.
    Write(Box<Recovery>),
    /// The work was saved or discarded: remove its file.
    Remove(RecoveryKey),
}

/// When each piece of unsaved work is due to be written to its recovery file, and which
/// recovery files are to go.
#[derive(Debug, Clone)]
pub struct RecoverySchedule<K> {
    due: HashMap<K, Instant>,
    removals: Vec<RecoveryKey>,
}

impl<K> Default for RecoverySchedule<K> {
    fn default() -> Self {
        Self {
            due: HashMap::new(),
            removals: Vec::new(),
        }
    }
}

impl<K: Eq + Hash + Clone> RecoverySchedule<K> {
    /// The work changed and is unsaved: its recovery file is due once it has been quiet a while.
    pub fn edited(&mut self, work: K, now: Instant) {
        self.due.insert(work, now);
    }

    /// The work is saved or discarded: nothing is due, and its recovery file goes.
    pub fn clean(&mut self, work: &K, key: RecoveryKey) {
        self.due.remove(work);
        self.removals.push(key);
    }

    /// The work is gone (closed): nothing is due.
    pub fn forget(&mut self, work: &K) {
        self.due.remove(work);
    }

    /// Forgets everything due (every document closed).
    pub fn clear(&mut self) {
        self.due.clear();
    }

    /// The work quiet for `delay` (to be written now), and the recovery files to remove.
    pub fn take(&mut self, delay: Duration) -> (Vec<K>, Vec<RecoveryKey>) {
        let now = Instant::now();
        let due: Vec<K> = self
            .due
            .iter()
            .filter(|(_, at)| now.duration_since(**at) >= delay)
            .map(|(work, _)| work.clone())
            .collect();
        for work in &due {
            self.due.remove(work);
        }
        (due, std::mem::take(&mut self.removals))
    }

    /// Whether work waits to be written or removed.
    #[must_use]
    pub fn pending(&self) -> bool {
        !self.due.is_empty() || !self.removals.is_empty()
    }
}
