//! Every touch of the file system the program makes, in one place: reading (with the one size
//! limit), writing atomically, the stamp of what a file holds, the one rule for "the file still
//! holds what we expect", canonical paths, folder listings and walks.
//!
//! The window's thread must never wait on a disk (a stale network share would freeze it): its
//! frames mark the thread with [`UiThread::enter`], and in debug builds every function here
//! refuses to run on a thread so marked. The tests run the real window, so a file-system call
//! that slips onto the UI thread fails them.

use std::cell::Cell;
use std::io::{Read as _, Write as _};
use std::path::{Path, PathBuf};

use super::{FileError, FileKind, FileStamp, LoadError, SaveError};

/// Files larger than this are refused rather than read: assessments, frameworks, comparisons,
/// recovery and settings files, texts and pages to import.
pub const MAX_FILE_BYTES: u64 = 5 * 1024 * 1024;

thread_local! {
    /// How many frames (or UI-thread sections) are running on this thread.
    static UI_DEPTH: Cell<u32> = const { Cell::new(0) };
}

/// A section of the window's thread (a frame, an action, the start-up): while one is alive, the
/// functions of this module refuse to run on this thread in debug builds.
#[derive(Debug)]
pub struct UiThread(());

impl UiThread {
    /// Marks this thread as the window's until the returned value is dropped (sections nest).
    #[must_use]
    pub fn enter() -> Self {
        UI_DEPTH.with(|depth| depth.set(depth.get() + 1));
        Self(())
    }

    /// Whether this thread is inside a section of the window's thread now.
    #[must_use]
    pub fn is_current() -> bool {
        UI_DEPTH.with(Cell::get) > 0
    }
}

impl Drop for UiThread {
    fn drop(&mut self) {
        UI_DEPTH.with(|depth| depth.set(depth.get().saturating_sub(1)));
    }
}

/// The rule of this module: no file-system call on the window's thread (checked in debug builds).
fn off_ui_thread(what: &str, path: &Path) {
    debug_assert!(
        !UiThread::is_current(),
        "file-system call on the UI thread: {what} {}",
        path.display()
    );
}

/// Reads a file of a kind, refusing one over [`MAX_FILE_BYTES`] before reading it.
///
/// # Errors
/// The file cannot be read, or it is too large (the message names the kind of file).
pub fn read_limited(path: &Path, kind: FileKind) -> Result<Vec<u8>, FileError> {
    read_limited_dated(path, kind).map(|(bytes, _)| bytes)
}

/// [`read_limited`], with the time the file was last changed (when the file system keeps it).
///
/// # Errors
/// As [`read_limited`].
pub fn read_limited_dated(
    path: &Path,
    kind: FileKind,
) -> Result<(Vec<u8>, Option<std::time::SystemTime>), FileError> {
    off_ui_thread("read", path);
    let io = |source| FileError::Io {
        path: path.to_owned(),
        source,
    };
    let too_large = |size| FileError::TooLarge {
        path: path.to_owned(),
        size,
        kind,
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let metadata = file.metadata().map_err(io)?;
    let (size, modified) = (metadata.len(), metadata.modified().ok());
    if size > MAX_FILE_BYTES {
        return Err(too_large(size));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    // Read one byte past the limit, in case the file grew after its size was read.
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    Ok((bytes, modified))
}

/// Reads a text to import (at most [`MAX_FILE_BYTES`]) as UTF-8, invalid bytes replaced.
///
/// # Errors
/// As [`read_limited`].
pub fn read_text(path: &Path) -> Result<String, FileError> {
    read_limited(path, FileKind::Text).map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
}

/// Writes bytes to a file atomically: a temporary file in the same folder is written, flushed to
/// disk and renamed over the target, so a crash mid-write leaves the old file intact. The new file
/// keeps the permissions of the one it replaces.
///
/// # Errors
/// The folder is not writable, the disk is full, or the rename fails.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    off_ui_thread("write", path);
    let io = |source| SaveError::Io {
        path: path.to_owned(),
        source,
    };
    let folder = super::folder_of(path);
    let mut temp = tempfile::Builder::new()
        .prefix(".aijri-save-")
        .tempfile_in(folder)
        .map_err(io)?;
    temp.write_all(bytes).map_err(io)?;
    temp.flush().map_err(io)?;
    set_permissions_for(temp.as_file(), path).map_err(io)?;
    temp.as_file().sync_all().map_err(io)?;
    temp.persist(path).map_err(|e| io(e.error))?;
    // Make the rename itself durable; a folder that cannot be opened or synced is no reason to fail.
    if let Ok(dir) = std::fs::File::open(folder) {
        let _ = dir.sync_all();
    }
    Ok(())
}

/// Gives the temporary file the permissions of the file it replaces, so a shared folder stays
/// shared; a new file becomes readable by others (a temporary file is created private).
fn set_permissions_for(temp: &std::fs::File, path: &Path) -> std::io::Result<()> {
    match std::fs::metadata(path) {
        Ok(metadata) => temp.set_permissions(metadata.permissions()),
        Err(_) => set_new_file_permissions(temp),
    }
}

#[cfg(unix)]
fn set_new_file_permissions(temp: &std::fs::File) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt as _;
    temp.set_permissions(std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn set_new_file_permissions(_temp: &std::fs::File) -> std::io::Result<()> {
    Ok(())
}

/// The stamp of what a file holds now, to compare with the one recorded when it was loaded or
/// saved (so the program's own writes can be told from someone else's).
///
/// # Errors
/// The file cannot be read (a file that is gone gives [`std::io::ErrorKind::NotFound`]).
pub fn stamp_of(path: &Path) -> std::io::Result<FileStamp> {
    off_ui_thread("stamp", path);
    std::fs::read(path).map(|bytes| FileStamp::of(&bytes))
}

/// What a file should hold before it is written over: the one rule every save, export and
/// recovery check applies ("the file still holds what we loaded, or ask").
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Expect {
    /// What it held when loaded or last written (a file that is gone has nothing to lose).
    Stamp(FileStamp),
    /// Nothing: a file there is someone else's.
    Absent,
    /// Anything: the user agreed to replace whatever is there.
    Anything,
}

/// What a file holds now, measured against what was expected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    /// As expected: writing loses nothing.
    AsExpected,
    /// A file is there that was expected absent; its stamp (to replace it once the user agrees,
    /// and only if it is still the same).
    Exists(FileStamp),
    /// The file no longer holds what was loaded: someone else changed it; its stamp now.
    Changed(FileStamp),
}

impl Expect {
    /// Checks the file at `path` against the expectation.
    ///
    /// # Errors
    /// The file exists but cannot be read (then it cannot be known to be safe to replace).
    pub fn check(self, path: &Path) -> std::io::Result<Found> {
        if self == Self::Anything {
            return Ok(Found::AsExpected);
        }
        let now = match stamp_of(path) {
            Ok(stamp) => Some(stamp),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => return Err(e),
        };
        Ok(match (self, now) {
            (_, None) | (Self::Anything, _) => Found::AsExpected,
            (Self::Absent, Some(stamp)) => Found::Exists(stamp),
            (Self::Stamp(expected), Some(stamp)) if stamp == expected => Found::AsExpected,
            (Self::Stamp(_), Some(stamp)) => Found::Changed(stamp),
        })
    }

    /// Whether the file at `path` no longer holds what was expected (one that cannot be read
    /// counts as changed).
    #[must_use]
    pub fn violated(self, path: &Path) -> bool {
        !matches!(self.check(path), Ok(Found::AsExpected))
    }
}

/// Whether something exists at `path`.
#[must_use]
pub fn exists(path: &Path) -> bool {
    off_ui_thread("exists", path);
    path.exists()
}

/// Whether `path` is a folder.
#[must_use]
pub fn is_dir(path: &Path) -> bool {
    off_ui_thread("is_dir", path);
    path.is_dir()
}

/// Whether `path` is a file.
#[must_use]
pub fn is_file(path: &Path) -> bool {
    off_ui_thread("is_file", path);
    path.is_file()
}

/// The one spelling of a path: absolute, with links and `.`/`..` resolved, so one file is one
/// document however it was named. A path that does not exist yet (a file about to be written)
/// gets its folder's canonical form; where even that is missing, it is made absolute.
#[must_use]
pub fn canonical(path: &Path) -> PathBuf {
    off_ui_thread("canonicalize", path);
    if let Ok(canonical) = std::fs::canonicalize(path) {
        return canonical;
    }
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
    match (absolute.parent(), absolute.file_name()) {
        (Some(folder), Some(name)) => std::fs::canonicalize(folder)
            .map_or_else(|_| absolute.clone(), |folder| folder.join(name)),
        _ => absolute,
    }
}

/// Creates a folder and its parents.
///
/// # Errors
/// The folder cannot be created.
pub fn create_dir_all(path: &Path) -> Result<(), SaveError> {
    off_ui_thread("create folder", path);
    std::fs::create_dir_all(path).map_err(|source| SaveError::Io {
        path: path.to_owned(),
        source,
    })
}

/// Removes a file; one that is not there is fine.
///
/// # Errors
/// The file exists and cannot be removed.
pub fn remove_file(path: &Path) -> Result<(), SaveError> {
    off_ui_thread("remove", path);
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(SaveError::Io {
            path: path.to_owned(),
            source: e,
        }),
        _ => Ok(()),
    }
}

/// Renames a file, refusing to replace one unless `replace` (the user was asked first).
///
/// # Errors
/// A file is there and `replace` is false, or the file cannot be moved there (across file
/// systems it is copied atomically, then removed).
pub fn rename(from: &Path, to: &Path, replace: bool) -> std::io::Result<()> {
    off_ui_thread("rename", from);
    if !replace && to.exists() {
        return Err(std::io::Error::from(std::io::ErrorKind::AlreadyExists));
    }
    if std::fs::rename(from, to).is_ok() {
        return Ok(());
    }
    let bytes = std::fs::read(from)?;
    write_atomic(to, &bytes).map_err(|SaveError::Io { source, .. }| source)?;
    std::fs::remove_file(from)
}

/// Where files moved to the trash go: the desktop's trash (restorable from the file manager), or
/// a folder of one's own (tests, and machines without a desktop).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum TrashBin {
    /// The desktop's trash (freedesktop.org trash, the Recycle Bin, the macOS Trash).
    #[default]
    Desktop,
    /// This folder: the file keeps its name (a number before it when one is there already).
    Folder(PathBuf),
}

/// Moves a file to the trash.
///
/// # Errors
/// The trash refused it (a file system without one, no permission).
#[cfg(feature = "gui")]
pub fn move_to_trash(path: &Path, bin: &TrashBin) -> std::io::Result<()> {
    off_ui_thread("trash", path);
    match bin {
        TrashBin::Desktop => trash::delete(path).map_err(|e| std::io::Error::other(e.to_string())),
        TrashBin::Folder(folder) => {
            std::fs::create_dir_all(folder)?;
            let file = path.file_name().map(PathBuf::from).unwrap_or_default();
            let target = (1..)
                .map(|n: u32| match n {
                    1 => folder.join(&file),
                    n => folder.join(format!("{n}-{}", file.display())),
                })
                .find(|p| !p.exists())
                .unwrap_or_else(|| folder.join(&file));
            rename(path, &target, false)
        }
    }
}

/// One entry of a folder listing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    /// The entry's path.
    pub path: PathBuf,
    /// Whether it is a folder (links followed).
    pub is_dir: bool,
}

/// The entries directly in a folder, sorted by path.
///
/// # Errors
/// The folder cannot be read.
pub fn list(folder: &Path) -> std::io::Result<Vec<Listed>> {
    off_ui_thread("list", folder);
    let mut entries: Vec<Listed> = std::fs::read_dir(folder)?
        .filter_map(Result::ok)
        .map(|entry| {
            let path = entry.path();
            let is_dir = path.is_dir();
            Listed { path, is_dir }
        })
        .collect();
    entries.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(entries)
}

/// Every file below a folder whose path `matches`, sorted by path; unreadable entries come back
/// as errors. Paths are `folder` joined with the path inside it.
pub fn walk(folder: &Path, matches: impl Fn(&Path) -> bool) -> Vec<Result<PathBuf, LoadError>> {
    off_ui_thread("walk", folder);
    let mut found: Vec<Result<PathBuf, LoadError>> = walkdir::WalkDir::new(folder)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_map(|entry| match entry {
            Ok(entry) => (entry.file_type().is_file() && matches(entry.path()))
                .then(|| Ok(entry.into_path())),
            Err(error) => {
                let path = error.path().unwrap_or(folder).to_owned();
                let source = error
                    .into_io_error()
                    .unwrap_or_else(|| std::io::Error::other("a symbolic link loops"));
                Some(Err(FileError::Io { path, source }.into()))
            }
        })
        .collect();
    found.sort_by(|a, b| found_path(a).cmp(found_path(b)));
    found
}

fn found_path(found: &Result<PathBuf, LoadError>) -> &Path {
    match found {
        Ok(path) => path,
        Err(error) => error.path(),
    }
}

/// Opens a file for reading (to hand its descriptor to another process, such as the desktop
/// portal).
///
/// # Errors
/// The file cannot be opened.
pub fn open_file(path: &Path) -> std::io::Result<std::fs::File> {
    off_ui_thread("open", path);
    std::fs::File::open(path)
}

/// The metadata of a path (links followed).
///
/// # Errors
/// The path cannot be read.
pub fn metadata(path: &Path) -> std::io::Result<std::fs::Metadata> {
    off_ui_thread("metadata", path);
    std::fs::metadata(path)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn the_expectation_of_a_file_decides_whether_writing_loses_anything() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("role.aijri.json");
        assert_eq!(Expect::Absent.check(&path).unwrap(), Found::AsExpected);
        write_atomic(&path, b"ours").unwrap();
        let ours = FileStamp::of(b"ours");
        assert_eq!(Expect::Absent.check(&path).unwrap(), Found::Exists(ours));
        assert_eq!(Expect::Stamp(ours).check(&path).unwrap(), Found::AsExpected);
        write_atomic(&path, b"theirs").unwrap();
        let theirs = FileStamp::of(b"theirs");
        assert_eq!(
            Expect::Stamp(ours).check(&path).unwrap(),
            Found::Changed(theirs)
        );
        assert_eq!(Expect::Anything.check(&path).unwrap(), Found::AsExpected);
        remove_file(&path).unwrap();
        assert_eq!(Expect::Stamp(ours).check(&path).unwrap(), Found::AsExpected);
    }

    #[test]
    fn one_file_has_one_canonical_path_however_it_is_spelt() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.aijri.json");
        write_atomic(&file, b"x").unwrap();
        let dotted = dir
            .path()
            .join(".")
            .join("sub")
            .join("..")
            .join("a.aijri.json");
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        assert_eq!(canonical(&dotted), canonical(&file));
        let new = dir.path().join("sub").join("..").join("new.aijri.json");
        assert_eq!(
            canonical(&new),
            canonical(dir.path()).join("new.aijri.json"),
            "a file about to be written gets its folder's canonical path"
        );
    }

    #[test]
    #[cfg(debug_assertions)]
    fn the_window_thread_may_not_touch_the_disk() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().to_owned();
        let result = std::thread::spawn(move || {
            let _frame = UiThread::enter();
            std::panic::catch_unwind(|| exists(&path))
        })
        .join()
        .unwrap();
        assert!(result.is_err(), "a file-system call inside a frame panics");
        assert!(exists(dir.path()), "outside a frame it runs");
    }

    #[test]
    fn an_oversized_file_is_refused_before_it_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.json");
        let file = std::fs::File::create(&path).unwrap();
        file.set_len(MAX_FILE_BYTES + 1).unwrap();
        assert!(matches!(
            read_limited(&path, FileKind::Assessment),
            Err(FileError::TooLarge { size, .. }) if size == MAX_FILE_BYTES + 1
        ));
    }
}
