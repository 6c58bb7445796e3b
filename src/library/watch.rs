//! Watching an open library folder, so that files a colleague adds, changes or removes are seen
//! within seconds.
//!
//! The file system's change events (inotify, FSEvents, ReadDirectoryChangesW through `notify`)
//! say *which* paths were touched; `notify-debouncer-mini` holds each path back until it has been
//! quiet for the debounce time, so a burst of writes (an editor's save, a sync client writing in
//! pieces, a temporary file renamed over the target) is one report. What happened to a path is
//! then read from the disk, against the files the watcher knows: a file it did not know is
//! [`Change::Added`], one it knew is [`Change::Modified`], one that is gone is
//! [`Change::Removed`]. Reading the disk rather than the events keeps renames, atomic saves and
//! events the system dropped simple: the answer is what is there now. A file still being written
//! when the debounce time has passed is reported once it is quiet. Reads are no change, so loading
//! a file the watcher reported does not report it again.
//!
//! Network file systems (NFS, SMB/CIFS, sshfs and other FUSE mounts, …) send no events for
//! changes made on other machines; there the folder is polled (see [`WatchMode`]).
//!
//! The watcher does not tell the program's own saves from other people's: the caller compares
//! the file's [`stamp_of`] with the stamp it last wrote.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock, PoisonError};
use std::time::{Duration, SystemTime};

use notify::event::{MetadataKind, ModifyKind};
use notify::{Event, EventKind, PollWatcher, RecommendedWatcher, RecursiveMode, Watcher};
use notify_debouncer_mini::{DebounceEventResult, DebouncedEventKind, Debouncer};
use thiserror::Error;

pub use super::stamp_of;
use super::{EXTENSION, find_matching, has_extension};

pub use crate::framework::FRAMEWORK_EXTENSION;
/// How long a path must be quiet before its change is reported.
pub const DEBOUNCE: Duration = Duration::from_millis(500);
/// How often a polled folder is walked.
pub const POLL_INTERVAL: Duration = Duration::from_secs(2);

/// How a folder is watched; a setting, so it is serialisable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum WatchMode {
    /// Polling on a network share (or where events cannot be had), events elsewhere.
    #[default]
    Auto,
    /// The file system's change events only.
    Events,
    /// Walk the folder every [`POLL_INTERVAL`] and compare.
    Polling,
}

/// Which files of the folder are watched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum WatchedFiles {
    /// `*.aijri.json`.
    #[default]
    Assessments,
    /// `*.aijri-framework.json`.
    Frameworks,
}

impl WatchedFiles {
    /// Whether a path names a watched file.
    #[must_use]
    pub fn matches(self, path: &Path) -> bool {
        match self {
            Self::Assessments => has_extension(path, EXTENSION),
            Self::Frameworks => has_extension(path, FRAMEWORK_EXTENSION),
        }
    }
}

/// What happened to one file. Paths have the form [`super::find_files`] gives for the watched
/// folder: the folder as passed to [`FolderWatcher::start`], joined with the path inside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// A file the watcher did not know is there (new, renamed or moved in).
    Added(PathBuf),
    /// A known file was written, or replaced (for example by an atomic save).
    Modified(PathBuf),
    /// A known file is gone (deleted, renamed or moved away).
    Removed(PathBuf),
}

impl Change {
    /// The file the change is about.
    #[must_use]
    pub fn path(&self) -> &Path {
        match self {
            Self::Added(path) | Self::Modified(path) | Self::Removed(path) => path,
        }
    }
}

/// Everything [`FolderWatcher::start_with`] can be told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WatchOptions {
    /// Events, polling, or the choice made from the file system.
    pub mode: WatchMode,
    /// Which files count.
    pub files: WatchedFiles,
    /// How long a path must be quiet before its change is reported.
    pub debounce: Duration,
    /// How often a polled folder is walked.
    pub poll_interval: Duration,
}

impl Default for WatchOptions {
    fn default() -> Self {
        Self {
            mode: WatchMode::Auto,
            files: WatchedFiles::Assessments,
            debounce: DEBOUNCE,
            poll_interval: POLL_INTERVAL,
        }
    }
}

/// Why a folder cannot be watched. Every variant names the folder.
#[derive(Debug, Error)]
pub enum WatchError {
    /// The folder does not exist or is not a folder.
    #[error("{folder}: cannot watch: not a folder")]
    NotAFolder {
        /// The folder.
        folder: PathBuf,
    },
    /// The file system refused the watch (for example, the system's limit of watches is reached
    /// in [`WatchMode::Events`]).
    #[error("{folder}: cannot watch: {source}")]
    Watch {
        /// The folder.
        folder: PathBuf,
        /// The underlying error.
        source: notify::Error,
    },
}

impl WatchError {
    /// The folder the error is about.
    #[must_use]
    pub fn folder(&self) -> &Path {
        match self {
            Self::NotAFolder { folder } | Self::Watch { folder, .. } => folder,
        }
    }
}

/// The callback that receives each batch of changes.
type OnChanges = Box<dyn Fn(Vec<Change>) + Send>;
/// The tracker, shared by the starting thread (for the first walk) and the debouncer's thread.
type Shared = Arc<Mutex<Tracker>>;

/// The running watch of one folder. Dropping it stops watching (a batch being delivered at that
/// moment may still arrive).
#[derive(Debug)]
pub struct FolderWatcher {
    _debouncer: Active,
    polling: bool,
}

/// The debouncer, over the kind of watcher in use; kept only to be dropped.
#[derive(Debug)]
enum Active {
    Events {
        _debouncer: Debouncer<Filtered<RecommendedWatcher>>,
    },
    Polling {
        _debouncer: Debouncer<Filtered<PollWatcher>>,
    },
}

impl FolderWatcher {
    /// Watches `folder` and everything below it with the default options (assessment files,
    /// [`DEBOUNCE`], [`POLL_INTERVAL`]). `on_changes` is called on the watcher's own thread with
    /// each batch of changes, one per file, never empty.
    ///
    /// Starting walks the folder (to know its files, and for the watch of each subfolder or the
    /// poller's first picture), which takes a while on a large network share: call it from a
    /// worker thread there.
    ///
    /// # Errors
    /// The folder is not a folder, or the watch cannot be set up.
    pub fn start(
        folder: &Path,
        mode: WatchMode,
        on_changes: impl Fn(Vec<Change>) + Send + 'static,
    ) -> Result<Self, WatchError> {
        let options = WatchOptions {
            mode,
            ..WatchOptions::default()
        };
        Self::start_with(folder, &options, on_changes)
    }

    /// As [`FolderWatcher::start`], with every option.
    ///
    /// # Errors
    /// As [`FolderWatcher::start`].
    pub fn start_with(
        folder: &Path,
        options: &WatchOptions,
        on_changes: impl Fn(Vec<Change>) + Send + 'static,
    ) -> Result<Self, WatchError> {
        if !folder.is_dir() {
            return Err(WatchError::NotAFolder {
                folder: folder.to_owned(),
            });
        }
        let tracker = Arc::new(Mutex::new(Tracker::new(
            folder,
            options.files,
            Box::new(on_changes),
        )));
        // Held until the first walk is done: changes seen meanwhile wait for it, none is lost.
        let mut first_walk = lock(&tracker);
        let debouncer = start_debouncer(folder, options, &tracker)?;
        let polling = matches!(debouncer, Active::Polling { .. });
        first_walk.rescan_on_error = !polling;
        first_walk.reconcile(folder);
        drop(first_walk);
        Ok(Self {
            _debouncer: debouncer,
            polling,
        })
    }

    /// Whether the folder is polled (rather than watched through the file system's events).
    #[must_use]
    pub fn polling(&self) -> bool {
        self.polling
    }
}

/// Starts the watch the mode asks for; in [`WatchMode::Auto`], polling where events cannot be
/// had (a network share, or a file system that refuses the watch).
fn start_debouncer(
    folder: &Path,
    options: &WatchOptions,
    tracker: &Shared,
) -> Result<Active, WatchError> {
    let polled = || {
        watch::<PollWatcher>(folder, options, tracker).map(|d| Active::Polling { _debouncer: d })
    };
    let evented = || {
        watch::<RecommendedWatcher>(folder, options, tracker)
            .map(|d| Active::Events { _debouncer: d })
    };
    let result = match options.mode {
        WatchMode::Polling => polled(),
        WatchMode::Events => evented(),
        WatchMode::Auto if is_network_share(folder) => polled(),
        WatchMode::Auto => evented().or_else(|_| polled()),
    };
    result.map_err(|source| WatchError::Watch {
        folder: folder.to_owned(),
        source,
    })
}

/// A debounced, recursive watch of `folder` by a `W`, reporting to the tracker.
fn watch<W: Watcher + std::fmt::Debug>(
    folder: &Path,
    options: &WatchOptions,
    tracker: &Shared,
) -> notify::Result<Debouncer<Filtered<W>>> {
    let config = notify_debouncer_mini::Config::default()
        .with_timeout(options.debounce)
        .with_notify_config(notify::Config::default().with_poll_interval(options.poll_interval));
    let tracker = Arc::clone(tracker);
    let mut debouncer = notify_debouncer_mini::new_debouncer_opt::<_, Filtered<W>>(
        config,
        move |result: DebounceEventResult| deliver(&tracker, result),
    )?;
    debouncer
        .watcher()
        .watch(folder, RecursiveMode::Recursive)?;
    Ok(debouncer)
}

/// Turns one debounced batch into changes and hands them on.
fn deliver(tracker: &Mutex<Tracker>, result: DebounceEventResult) {
    let mut tracker = lock(tracker);
    let changes = match result {
        // A path still being written (`AnyContinuous`) is reported once it is quiet.
        Ok(events) => tracker.look_at_all(
            events
                .iter()
                .filter(|e| e.kind == DebouncedEventKind::Any)
                .map(|e| e.path.as_path()),
        ),
        // Events may have been lost: the folder itself says what is there. A poller walks the
        // whole folder anyway, and reports the same error again on every walk.
        Err(_) if tracker.rescan_on_error => {
            let folder = tracker.folder.clone();
            tracker.reconcile(&folder)
        }
        Err(_) => Vec::new(),
    };
    if !changes.is_empty() {
        (tracker.on_changes)(changes);
    }
}

fn lock(tracker: &Mutex<Tracker>) -> std::sync::MutexGuard<'_, Tracker> {
    // A panic in the caller's callback leaves the tracker's data whole: go on with it.
    tracker.lock().unwrap_or_else(PoisonError::into_inner)
}

/// What the watcher knew of a file when it last looked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Seen {
    len: u64,
    modified: Option<SystemTime>,
    /// Found by walking a folder rather than through the file's own event: the file's event
    /// may still come, and then says nothing new unless the file differs.
    by_walk: bool,
}

impl Seen {
    fn of(metadata: &std::fs::Metadata, by_walk: bool) -> Self {
        Self {
            len: metadata.len(),
            modified: metadata.modified().ok(),
            by_walk,
        }
    }

    fn same_file_as(self, other: Self) -> bool {
        self.len == other.len && self.modified == other.modified
    }
}

/// The files of the watched folder as last seen, and what to do with changes.
struct Tracker {
    folder: PathBuf,
    /// The forms of the folder's path that event paths may start with.
    prefixes: Vec<PathBuf>,
    files: WatchedFiles,
    known: HashMap<PathBuf, Seen>,
    rescan_on_error: bool,
    on_changes: OnChanges,
}

impl Tracker {
    fn new(folder: &Path, files: WatchedFiles, on_changes: OnChanges) -> Self {
        let mut prefixes = vec![folder.to_owned()];
        prefixes.extend(std::path::absolute(folder).ok());
        prefixes.extend(std::fs::canonicalize(folder).ok());
        Self {
            folder: folder.to_owned(),
            prefixes,
            files,
            known: HashMap::new(),
            rescan_on_error: true,
            on_changes,
        }
    }

    /// The changes at some paths, at most one per file.
    fn look_at_all<'a>(&mut self, paths: impl Iterator<Item = &'a Path>) -> Vec<Change> {
        let mut changes = Vec::new();
        for path in paths {
            if let Some(path) = self.in_folder(path) {
                changes.extend(self.look_at(&path));
            }
        }
        coalesce(changes)
    }

    /// An event's path in the form the folder was given in; `None` outside the folder.
    fn in_folder(&self, path: &Path) -> Option<PathBuf> {
        let inside = self
            .prefixes
            .iter()
            .find_map(|prefix| path.strip_prefix(prefix).ok())?;
        Some(if inside.as_os_str().is_empty() {
            self.folder.clone()
        } else {
            self.folder.join(inside)
        })
    }

    /// What happened at one path: a file, a folder (everything below it), or nothing any more.
    fn look_at(&mut self, path: &Path) -> Vec<Change> {
        match std::fs::metadata(path) {
            Ok(metadata) if metadata.is_dir() => self.reconcile(path),
            Ok(metadata) if metadata.is_file() && self.files.matches(path) => self
                .touched(path, Seen::of(&metadata, false))
                .into_iter()
                .collect(),
            _ => self.forget(path),
        }
    }

    /// A watched file that an event touched.
    fn touched(&mut self, path: &Path, now: Seen) -> Option<Change> {
        match self.known.insert(path.to_owned(), now) {
            None => Some(Change::Added(path.to_owned())),
            Some(before) if before.by_walk && before.same_file_as(now) => None,
            Some(_) => Some(Change::Modified(path.to_owned())),
        }
    }

    /// Known files at or below a path that is gone (or is no watched file any more).
    fn forget(&mut self, path: &Path) -> Vec<Change> {
        self.known
            .extract_if(|known, _| known.starts_with(path))
            .map(|(known, _)| Change::Removed(known))
            .collect()
    }

    /// Walks a folder and compares: new files, changed ones, and known ones that are gone.
    fn reconcile(&mut self, folder: &Path) -> Vec<Change> {
        let found = self.walk(folder);
        let mut changes: Vec<Change> = self
            .known
            .extract_if(|known, _| known.starts_with(folder) && !found.contains_key(known))
            .map(|(known, _)| Change::Removed(known))
            .collect();
        for (path, now) in found {
            changes.extend(self.walked(path, now));
        }
        changes
    }

    /// The watched files below a folder as they are now.
    fn walk(&self, folder: &Path) -> HashMap<PathBuf, Seen> {
        let files = self.files;
        find_matching(folder, |path| files.matches(path))
            .into_iter()
            .filter_map(Result::ok)
            .filter_map(|path| {
                let metadata = std::fs::metadata(&path).ok()?;
                Some((path, Seen::of(&metadata, true)))
            })
            .collect()
    }

    /// A watched file found by a walk: new, changed, or as it was.
    fn walked(&mut self, path: PathBuf, now: Seen) -> Option<Change> {
        let change = match self.known.get(&path) {
            None => Change::Added(path.clone()),
            Some(before) if before.same_file_as(now) => return None,
            Some(_) => Change::Modified(path.clone()),
        };
        self.known.insert(path, now);
        Some(change)
    }
}

/// One change per path, in path order, merged as they happened: added then modified is added,
/// added then removed is nothing, removed then added is modified.
#[must_use]
pub fn coalesce(changes: impl IntoIterator<Item = Change>) -> Vec<Change> {
    let mut merged: BTreeMap<PathBuf, Change> = BTreeMap::new();
    for change in changes {
        let path = change.path().to_owned();
        let next = match merged.remove(&path) {
            Some(before) => merge(before, change),
            None => Some(change),
        };
        if let Some(next) = next {
            merged.insert(path, next);
        }
    }
    merged.into_values().collect()
}

/// Two changes to one path, one after the other, as one (or none).
fn merge(before: Change, after: Change) -> Option<Change> {
    use Change::{Added, Modified, Removed};
    match (before, after) {
        (Added(_), Removed(_)) => None,
        (Added(path), _) => Some(Added(path)),
        (Removed(path), Added(_) | Modified(_)) => Some(Modified(path)),
        (_, after) => Some(after),
    }
}

/// A watcher that passes on only what may change a file: no reads (the program's own loading
/// must not look like a change), and an "events were lost" notice as an event on the folder.
#[derive(Debug)]
struct Filtered<W> {
    inner: W,
    root: Arc<OnceLock<PathBuf>>,
}

impl<W: Watcher> Watcher for Filtered<W> {
    fn new<F: notify::EventHandler>(
        mut handler: F,
        config: notify::Config,
    ) -> notify::Result<Self> {
        let root = Arc::new(OnceLock::new());
        let seen_root = Arc::clone(&root);
        let inner = W::new(
            move |event: notify::Result<Event>| {
                if let Some(event) = relevant(event, &seen_root) {
                    handler.handle_event(event);
                }
            },
            config,
        )?;
        Ok(Self { inner, root })
    }

    fn watch(&mut self, path: &Path, recursive_mode: RecursiveMode) -> notify::Result<()> {
        let _ = self.root.set(path.to_owned());
        self.inner.watch(path, recursive_mode)
    }

    fn unwatch(&mut self, path: &Path) -> notify::Result<()> {
        self.inner.unwatch(path)
    }

    fn configure(&mut self, option: notify::Config) -> notify::Result<bool> {
        self.inner.configure(option)
    }

    fn kind() -> notify::WatcherKind {
        W::kind()
    }
}

/// The event to pass on, if any.
fn relevant(
    event: notify::Result<Event>,
    root: &OnceLock<PathBuf>,
) -> Option<notify::Result<Event>> {
    let Ok(mut event) = event else {
        return Some(event);
    };
    if event.need_rescan() {
        event.paths = root.get().cloned().into_iter().collect();
        return Some(Ok(event));
    }
    match event.kind {
        EventKind::Access(_)
        | EventKind::Other
        | EventKind::Modify(ModifyKind::Metadata(MetadataKind::AccessTime)) => None,
        _ => Some(Ok(event)),
    }
}

/// File systems whose changes made elsewhere send no events here: network file systems, and
/// folders shared into a virtual machine or WSL. (Every FUSE mount but `fuseblk`, a local disk,
/// is treated so too: sshfs, rclone, GNOME's gvfs and the like.)
const NETWORK_FILE_SYSTEMS: &[&str] = &[
    "nfs",
    "nfs4",
    "cifs",
    "smb3",
    "smbfs",
    "ncpfs",
    "afs",
    "coda",
    "9p",
    "ceph",
    "glusterfs",
    "lustre",
    "gpfs",
    "ocfs2",
    "davfs",
    "drvfs",
    "virtiofs",
    "vboxsf",
    "vmhgfs",
    "fuse",
];

/// Whether `folder` is on a network share (see [`WatchMode::Auto`]); `false` where that cannot
/// be told (only Linux says, through `/proc/self/mountinfo`).
#[must_use]
pub fn is_network_share(folder: &Path) -> bool {
    file_system_of(folder).is_some_and(|fs| is_network_file_system(&fs))
}

/// The type of the file system that holds `folder` (`ext4`, `nfs4`, `fuse.sshfs`, …).
#[must_use]
pub fn file_system_of(folder: &Path) -> Option<String> {
    let folder = std::fs::canonicalize(folder).ok()?;
    let mountinfo = read_mountinfo()?;
    mount_type(&mountinfo, &folder).map(str::to_owned)
}

#[cfg(target_os = "linux")]
fn read_mountinfo() -> Option<String> {
    std::fs::read_to_string("/proc/self/mountinfo").ok()
}

#[cfg(not(target_os = "linux"))]
fn read_mountinfo() -> Option<String> {
    None
}

fn is_network_file_system(fs: &str) -> bool {
    let base = fs.split('.').next().unwrap_or(fs);
    NETWORK_FILE_SYSTEMS.contains(&fs) || NETWORK_FILE_SYSTEMS.contains(&base)
}

/// The file system type of the mount that holds `path` (absolute, symbolic links resolved), from
/// the text of `/proc/self/mountinfo`: the longest mount point above it, the last one mounted
/// where several share a place.
fn mount_type<'a>(mountinfo: &'a str, path: &Path) -> Option<&'a str> {
    mountinfo
        .lines()
        .filter_map(parse_mount)
        .filter(|(mount_point, _)| path.starts_with(mount_point))
        .max_by_key(|(mount_point, _)| mount_point.components().count())
        .map(|(_, fs)| fs)
}

/// The mount point and file system type of one mountinfo line:
/// `36 35 98:0 /root /mount/point options [optional fields] - type source super-options`.
fn parse_mount(line: &str) -> Option<(PathBuf, &str)> {
    let mut fields = line.split_ascii_whitespace();
    let mount_point = fields.nth(4)?;
    let fs = fields.skip_while(|f| *f != "-").nth(1)?;
    Some((PathBuf::from(unescape_mount(mount_point)), fs))
}

/// Undoes mountinfo's octal escapes (`\040` for a space, `\011` tab, `\012` newline, `\134` `\`).
fn unescape_mount(text: &str) -> String {
    text.replace("\\040", " ")
        .replace("\\011", "\t")
        .replace("\\012", "\n")
        .replace("\\134", "\\")
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    const MOUNTINFO: &str = "\
22 1 8:2 / / rw,relatime shared:1 - ext4 /dev/sda2 rw
23 22 0:21 / /proc rw,nosuid - proc proc rw
40 22 0:35 / /mnt/team rw,relatime shared:20 - nfs4 server:/export rw,vers=4.2
41 40 0:36 / /mnt/team/local rw - tmpfs tmpfs rw
42 22 0:37 / /home/ann/Shared\\040Drive rw,nosuid master:3 - fuse.sshfs ann@host: rw
43 22 0:38 / /media/usb rw - fuseblk /dev/sdb1 rw
44 22 0:39 / /mnt/office rw - cifs //office/advisers rw
45 44 0:40 / /mnt/office rw - ext4 /dev/sdc1 rw
";

    fn fs_of(path: &str) -> Option<&'static str> {
        mount_type(MOUNTINFO, Path::new(path))
    }

    #[test]
    fn the_longest_mount_point_above_a_folder_names_its_file_system() {
        assert_eq!(fs_of("/home/ann/library"), Some("ext4"));
        assert_eq!(fs_of("/mnt/team/roles"), Some("nfs4"));
        assert_eq!(fs_of("/mnt/team/local/roles"), Some("tmpfs"));
        assert_eq!(fs_of("/mnt/teamwork"), Some("ext4"));
        assert_eq!(fs_of("/home/ann/Shared Drive/roles"), Some("fuse.sshfs"));
        // The later of two mounts at one place hides the earlier.
        assert_eq!(fs_of("/mnt/office/x"), Some("ext4"));
    }

    #[test]
    fn network_and_fuse_file_systems_are_polled_local_ones_are_not() {
        for fs in [
            "nfs",
            "nfs4",
            "cifs",
            "smb3",
            "fuse.sshfs",
            "fuse.rclone",
            "9p",
            "fuse",
        ] {
            assert!(is_network_file_system(fs), "{fs}");
        }
        for fs in [
            "ext4", "btrfs", "xfs", "tmpfs", "fuseblk", "overlay", "apfs",
        ] {
            assert!(!is_network_file_system(fs), "{fs}");
        }
    }

    #[test]
    fn a_malformed_mountinfo_line_is_skipped() {
        assert_eq!(parse_mount("22 1 8:2"), None);
        assert_eq!(parse_mount("22 1 8:2 / /x rw no-separator ext4"), None);
        assert_eq!(mount_type("garbage\n", Path::new("/x")), None);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn the_file_system_of_a_real_folder_is_known() {
        let dir = tempfile::tempdir().unwrap();
        assert!(file_system_of(dir.path()).is_some_and(|fs| !fs.is_empty()));
        assert_eq!(file_system_of(&dir.path().join("missing")), None);
    }

    #[test]
    fn event_paths_take_the_form_the_folder_was_given_in() {
        let dir = tempfile::tempdir().unwrap();
        let canonical = std::fs::canonicalize(dir.path()).unwrap();
        let tracker = Tracker::new(dir.path(), WatchedFiles::Assessments, Box::new(|_| {}));
        assert_eq!(
            tracker.in_folder(&canonical.join("a/b.aijri.json")),
            Some(dir.path().join("a/b.aijri.json"))
        );
        assert_eq!(tracker.in_folder(&canonical), Some(dir.path().to_owned()));
        assert_eq!(
            tracker.in_folder(Path::new("/elsewhere/b.aijri.json")),
            None
        );
    }

    #[test]
    fn a_watcher_can_be_handed_to_another_thread() {
        fn is_send<T: Send>() {}
        is_send::<FolderWatcher>();
        is_send::<WatchError>();
    }

    #[test]
    fn changes_to_one_path_in_a_batch_merge() {
        let p = || PathBuf::from("a.aijri.json");
        let q = || PathBuf::from("b.aijri.json");
        use Change::{Added, Modified, Removed};
        assert_eq!(coalesce([Added(p()), Modified(p())]), [Added(p())]);
        assert_eq!(coalesce([Added(p()), Removed(p())]), []);
        assert_eq!(coalesce([Removed(p()), Added(p())]), [Modified(p())]);
        assert_eq!(coalesce([Modified(p()), Removed(p())]), [Removed(p())]);
        assert_eq!(coalesce([Modified(p()), Modified(p())]), [Modified(p())]);
        assert_eq!(
            coalesce([Modified(q()), Added(p()), Removed(p()), Added(p())]),
            [Added(p()), Modified(q())]
        );
    }

    #[test]
    fn only_watched_files_match() {
        let assessments = WatchedFiles::Assessments;
        assert!(assessments.matches(Path::new("x/role.aijri.json")));
        assert!(assessments.matches(Path::new("ROLE.AIJRI.JSON")));
        assert!(!assessments.matches(Path::new(".aijri-save-x1y2")));
        assert!(!assessments.matches(Path::new("role.aijri.json.tmp")));
        assert!(!assessments.matches(Path::new("fw.aijri-framework.json")));
        assert!(WatchedFiles::Frameworks.matches(Path::new("fw.aijri-framework.json")));
        assert!(!WatchedFiles::Frameworks.matches(Path::new("role.aijri.json")));
    }
}
