//! Watching a library folder: what a colleague's additions, saves and removals look like.
//! Every wait is bounded: a test that sees nothing fails after a few seconds, never hangs.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use aijri_desk::library::watch::{
    Change, FolderWatcher, WatchError, WatchMode, WatchOptions, is_network_share, stamp_of,
};
use aijri_desk::library::{save_atomic, write_atomic};
use aijri_desk::model::Assessment;

/// Short, so the tests are quick; the program uses 500 ms.
const DEBOUNCE: Duration = Duration::from_millis(300);
/// How long to wait for the first batch.
const FIRST: Duration = Duration::from_secs(5);
/// How long nothing more must arrive before the changes count as complete.
const QUIET: Duration = Duration::from_millis(900);

struct Watched {
    dir: tempfile::TempDir,
    watcher: FolderWatcher,
    batches: Receiver<Vec<Change>>,
}

impl Watched {
    /// A watched temporary folder that already holds `files` (with some text each).
    fn new(mode: WatchMode, files: &[&str]) -> Self {
        let dir = tempfile::tempdir().unwrap();
        for file in files {
            std::fs::write(dir.path().join(file), "{}").unwrap();
        }
        let (sender, batches) = channel();
        let options = WatchOptions {
            mode,
            debounce: DEBOUNCE,
            poll_interval: Duration::from_millis(250),
            ..WatchOptions::default()
        };
        let watcher = FolderWatcher::start_with(dir.path(), &options, move |changes| {
            let _ = sender.send(changes);
        })
        .unwrap();
        Self {
            dir,
            watcher,
            batches,
        }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Every change reported until the folder has been quiet for a while (or none within
    /// [`FIRST`]), in the order they came.
    fn changes(&self) -> Vec<Change> {
        let mut changes = Vec::new();
        let give_up = Instant::now() + Duration::from_secs(10);
        let mut wait = FIRST;
        while let Ok(batch) = self.batches.recv_timeout(wait) {
            assert!(!batch.is_empty(), "an empty batch was delivered");
            changes.extend(batch);
            wait = QUIET;
            if Instant::now() > give_up {
                break;
            }
        }
        changes
    }
}

fn write(path: &Path, text: &str) {
    std::fs::write(path, text).unwrap();
}

#[test]
fn an_added_file_is_one_added() {
    let w = Watched::new(WatchMode::Events, &[]);
    assert!(!w.watcher.polling());
    write(&w.path("new.aijri.json"), "{\"new\": true}");
    assert_eq!(w.changes(), [Change::Added(w.path("new.aijri.json"))]);
}

#[test]
fn a_written_file_is_one_modified() {
    let w = Watched::new(WatchMode::Events, &["role.aijri.json"]);
    write(&w.path("role.aijri.json"), "{\"edited\": 1}");
    assert_eq!(w.changes(), [Change::Modified(w.path("role.aijri.json"))]);
}

#[test]
fn a_deleted_file_is_removed() {
    let w = Watched::new(WatchMode::Events, &["role.aijri.json"]);
    std::fs::remove_file(w.path("role.aijri.json")).unwrap();
    assert_eq!(w.changes(), [Change::Removed(w.path("role.aijri.json"))]);
}

#[test]
fn an_atomic_save_is_one_modified_and_the_temporary_file_is_not_seen() {
    let w = Watched::new(WatchMode::Events, &["role.aijri.json"]);
    let temp = w.path(".role.aijri.json.tmp");
    write(&temp, "{\"saved\": \"by someone\"}");
    std::fs::rename(&temp, w.path("role.aijri.json")).unwrap();
    assert_eq!(w.changes(), [Change::Modified(w.path("role.aijri.json"))]);
}

#[test]
fn our_own_save_is_one_modified_that_its_stamp_recognises() {
    let w = Watched::new(WatchMode::Events, &["role.aijri.json"]);
    let file = w.path("role.aijri.json");
    let saved = save_atomic(&file, &Assessment::blank()).unwrap();
    assert_eq!(w.changes(), [Change::Modified(file.clone())]);
    // The caller's test for "this change is my own save".
    assert_eq!(stamp_of(&file).unwrap(), saved);
}

#[test]
fn a_burst_of_writes_is_one_modified() {
    let w = Watched::new(WatchMode::Events, &["role.aijri.json"]);
    let file = w.path("role.aijri.json");
    for i in 0..20 {
        write(&file, &format!("{{\"part\": {i}}}"));
        std::thread::sleep(Duration::from_millis(10));
    }
    assert_eq!(w.changes(), [Change::Modified(file)]);
}

#[test]
fn a_file_in_a_new_subfolder_is_seen() {
    let w = Watched::new(WatchMode::Events, &[]);
    std::fs::create_dir_all(w.path("team/2026")).unwrap();
    write(&w.path("team/2026/role.aijri.json"), "{}");
    assert_eq!(
        w.changes(),
        [Change::Added(w.path("team/2026/role.aijri.json"))]
    );
}

#[test]
fn a_folder_filled_after_it_appeared_is_one_added_per_file() {
    let w = Watched::new(WatchMode::Events, &[]);
    std::fs::create_dir(w.path("team")).unwrap();
    // The folder's own report comes first and already finds the file; the file's report, later,
    // must not add a Modified.
    std::thread::sleep(DEBOUNCE / 2);
    write(&w.path("team/role.aijri.json"), "{}");
    assert_eq!(w.changes(), [Change::Added(w.path("team/role.aijri.json"))]);
}

#[test]
fn reading_a_file_is_no_change() {
    let w = Watched::new(WatchMode::Events, &[]);
    write(&w.path("role.aijri.json"), "{}");
    assert_eq!(w.changes(), [Change::Added(w.path("role.aijri.json"))]);
    // What the program does on that news.
    let loaded = aijri_desk::library::load_paths(&[w.path("role.aijri.json")]);
    assert_eq!(loaded.len(), 1);
    write(&w.path("other.aijri.json"), "{}");
    assert_eq!(w.changes(), [Change::Added(w.path("other.aijri.json"))]);
}

#[test]
fn other_files_are_ignored() {
    let w = Watched::new(WatchMode::Events, &[]);
    write(&w.path("notes.txt"), "not an assessment");
    write_atomic(&w.path("report.json"), b"{}").unwrap();
    // Something that is reported, so the test knows the watcher saw the folder.
    write(&w.path("role.aijri.json"), "{}");
    assert_eq!(w.changes(), [Change::Added(w.path("role.aijri.json"))]);
}

#[test]
fn renames_and_moves_are_removed_and_added() {
    let w = Watched::new(WatchMode::Events, &["old.aijri.json", "gone.aijri.json"]);
    let elsewhere = tempfile::tempdir().unwrap();
    std::fs::create_dir(elsewhere.path().join("batch")).unwrap();
    write(&elsewhere.path().join("batch/in.aijri.json"), "{}");
    std::fs::rename(w.path("old.aijri.json"), w.path("new.aijri.json")).unwrap();
    std::fs::rename(
        w.path("gone.aijri.json"),
        elsewhere.path().join("gone.aijri.json"),
    )
    .unwrap();
    std::fs::rename(elsewhere.path().join("batch"), w.path("batch")).unwrap();
    let mut changes = w.changes();
    changes.sort_by(|a, b| a.path().cmp(b.path()));
    assert_eq!(
        changes,
        [
            Change::Added(w.path("batch/in.aijri.json")),
            Change::Removed(w.path("gone.aijri.json")),
            Change::Added(w.path("new.aijri.json")),
            Change::Removed(w.path("old.aijri.json")),
        ]
    );
}

#[test]
fn polling_sees_an_added_and_a_removed_file() {
    let w = Watched::new(WatchMode::Polling, &["role.aijri.json"]);
    assert!(w.watcher.polling());
    write(&w.path("new.aijri.json"), "{}");
    assert_eq!(w.changes(), [Change::Added(w.path("new.aijri.json"))]);
    std::fs::remove_file(w.path("role.aijri.json")).unwrap();
    assert_eq!(w.changes(), [Change::Removed(w.path("role.aijri.json"))]);
}

#[test]
fn a_missing_folder_is_an_error_that_names_it() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing");
    let error = FolderWatcher::start(&missing, WatchMode::Auto, |_| {}).unwrap_err();
    assert!(matches!(error, WatchError::NotAFolder { .. }));
    assert_eq!(error.folder(), missing);
    assert!(error.to_string().contains("missing"));
}

#[test]
fn auto_mode_polls_only_on_a_network_share() {
    let dir = tempfile::tempdir().unwrap();
    let watcher = FolderWatcher::start(dir.path(), WatchMode::Auto, |_| {}).unwrap();
    assert_eq!(watcher.polling(), is_network_share(dir.path()));
}
