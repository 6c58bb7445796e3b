//! The undo history every kind of unsaved work shares (an assessment, a framework variant, a
//! comparison): the version as edited, the version on disk, the steps back and forward, and
//! whether the two versions differ (the unsaved marker). Typing in one text field moments apart
//! merges into one step.

use std::time::{Duration, Instant};

/// How many undo steps each document keeps.
const UNDO_DEPTH: usize = 200;
/// Edits of one text field closer together than this are one undo step.
const MERGE_WINDOW: Duration = Duration::from_secs(2);

/// One undo step: the version before it, and the one text field it changed, if it changed just
/// one (later typing in that field merges into the step).
#[derive(Debug, Clone)]
struct Step<T> {
    before: T,
    merge_key: Option<String>,
    at: Instant,
}

/// A version being edited, the version saved, and the way back and forth between edits.
#[derive(Debug, Clone)]
pub struct History<T> {
    current: T,
    /// The saved version, kept only while it differs from `current`: a clean document holds one
    /// copy, not two (10,000 roles, half the memory).
    saved: Option<T>,
    /// Whether a saved version exists at all (a new document has none and is unsaved).
    ever_saved: bool,
    undo: Vec<Step<T>>,
    redo: Vec<T>,
}

impl<T: Clone + PartialEq> History<T> {
    /// The history of a version that is saved (`true`) or new (`false`, and so unsaved).
    #[must_use]
    pub fn new(current: T, saved: bool) -> Self {
        Self {
            current,
            saved: None,
            ever_saved: saved,
            undo: Vec::new(),
            redo: Vec::new(),
        }
    }

    /// The version as edited.
    #[must_use]
    pub fn current(&self) -> &T {
        &self.current
    }

    /// The version saved (as loaded, for one never changed; the current one for a new document).
    #[must_use]
    pub fn saved(&self) -> &T {
        self.saved.as_ref().unwrap_or(&self.current)
    }

    /// Whether the version as edited differs from the saved one (a new document always does).
    #[must_use]
    pub fn is_dirty(&self) -> bool {
        !self.ever_saved || self.saved.is_some()
    }

    /// Whether there is an edit to undo.
    #[must_use]
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is an undone edit to redo.
    #[must_use]
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Makes `next` the current version as one undo step, or merged into the last one when both
    /// changed the same single text field (`merge_key`) moments apart. False when nothing changed.
    pub fn record(&mut self, next: T, merge_key: Option<String>, now: Instant) -> bool {
        if next == self.current {
            return false;
        }
        let merges = self.undo.last().is_some_and(|last| {
            merge_key.is_some()
                && last.merge_key == merge_key
                && now.duration_since(last.at) < MERGE_WINDOW
        });
        let before = self.replace(next);
        if let (true, Some(last)) = (merges, self.undo.last_mut()) {
            last.at = now;
        } else {
            self.undo.push(Step {
                before,
                merge_key,
                at: now,
            });
            if self.undo.len() > UNDO_DEPTH {
                self.undo.remove(0);
            }
        }
        self.redo.clear();
        self.settle();
        true
    }

    /// Steps back one edit; false when there is none.
    pub fn undo(&mut self) -> bool {
        let Some(step) = self.undo.pop() else {
            return false;
        };
        let undone = self.replace(step.before);
        self.redo.push(undone);
        self.settle();
        true
    }

    /// Steps forward one undone edit; false when there is none.
    pub fn redo(&mut self) -> bool {
        let Some(next) = self.redo.pop() else {
            return false;
        };
        let before = self.replace(next);
        self.undo.push(Step {
            before,
            merge_key: None,
            at: Instant::now(),
        });
        self.settle();
        true
    }

    /// Changes the current version (and the saved one with it) without an undo step: what was
    /// part of it from the start and arrived late (the roles of a comparison, loaded after it).
    pub fn amend(&mut self, change: impl Fn(&mut T)) {
        change(&mut self.current);
        if let Some(saved) = &mut self.saved {
            change(saved);
        }
    }

    /// Back to the saved version, as an undoable step; false when there are no edits.
    pub fn revert(&mut self, now: Instant) -> bool {
        match self.saved.clone() {
            Some(saved) => self.record(saved, None, now),
            None => false,
        }
    }

    /// The version on disk is now `version` (loaded again, or someone else's taken over): it
    /// becomes the saved one and the current one, as an undoable step.
    pub fn reload(&mut self, version: T, now: Instant) {
        self.record(version, None, now);
        self.ever_saved = true;
        self.saved = None;
    }

    /// `version` was written to disk (it may be older than the current one, if editing went on
    /// while the write ran).
    pub fn mark_saved(&mut self, version: T) {
        self.ever_saved = true;
        self.saved = (self.current != version).then_some(version);
    }

    /// Makes `next` the current version and returns the one it replaced; the first change of a
    /// clean document keeps what it replaced as the saved version.
    fn replace(&mut self, next: T) -> T {
        let before = std::mem::replace(&mut self.current, next);
        if self.saved.is_none() && self.ever_saved {
            self.saved = Some(before.clone());
        }
        before
    }

    /// Drops the saved copy once the current version is the saved one again.
    fn settle(&mut self) {
        if self.saved.as_ref() == Some(&self.current) {
            self.saved = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(history: &mut History<String>, text: &str, at: Instant) {
        history.record(text.to_owned(), Some("title".into()), at);
    }

    #[test]
    fn typing_merges_into_one_step_that_undo_takes_back_to_the_saved_version() {
        let mut history = History::new(String::new(), true);
        let start = Instant::now();
        typed(&mut history, "N", start);
        typed(&mut history, "Nu", start + Duration::from_millis(300));
        assert!(history.is_dirty());
        assert!(history.undo());
        assert_eq!(history.current(), "");
        assert!(!history.is_dirty());
        assert!(history.redo());
        assert_eq!(history.current(), "Nu");
        assert!(history.is_dirty());
    }

    #[test]
    fn typing_after_a_pause_is_a_step_of_its_own() {
        let mut history = History::new(String::new(), true);
        let start = Instant::now();
        typed(&mut history, "N", start);
        typed(&mut history, "Nu", start + MERGE_WINDOW * 2);
        history.undo();
        assert_eq!(history.current(), "N");
    }

    #[test]
    fn a_new_document_is_unsaved_until_written() {
        let mut history = History::new("draft".to_owned(), false);
        assert!(history.is_dirty());
        history.mark_saved("draft".to_owned());
        assert!(!history.is_dirty());
    }

    #[test]
    fn a_write_of_an_older_version_leaves_later_edits_unsaved() {
        let mut history = History::new("a".to_owned(), true);
        let now = Instant::now();
        history.record("b".into(), None, now);
        history.record("c".into(), None, now);
        history.mark_saved("b".into());
        assert!(history.is_dirty());
        assert_eq!(history.saved(), "b");
        history.revert(now);
        assert_eq!(history.current(), "b");
        assert!(!history.is_dirty());
    }

    #[test]
    fn a_reload_becomes_the_saved_version_and_can_be_undone() {
        let mut history = History::new("mine".to_owned(), true);
        let now = Instant::now();
        history.record("edited".into(), None, now);
        history.reload("theirs".into(), now);
        assert_eq!(history.current(), "theirs");
        assert!(!history.is_dirty());
        history.undo();
        assert_eq!(history.current(), "edited");
        assert!(history.is_dirty());
        assert_eq!(history.saved(), "theirs");
    }
}
