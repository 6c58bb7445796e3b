//! What background work reports: each answer names what it is about (a document by id, a load by
//! id, a file dialog by purpose), so it acts on that or on nothing.

use std::path::PathBuf;

use crate::app::comparisons::{ComparisonContent, ReadComparison};
use crate::app::loading::{LoadId, LoadedDoc};
use crate::app::picker::Purpose;
use crate::app::recovery_dialog::{Offer, SavedVersion};
use crate::app::saving::AfterSave;
use crate::app::settings::Settings;
use crate::app::startup::Start;
use crate::app::store::DocId;
use crate::comparison::Comparison;
use crate::framework::Framework;
use crate::library::recovery::{Recovery, Unreadable};
use crate::library::watch::{Change, FolderWatcher};
use crate::library::{FileStamp, Loaded, LoadedFile};
use crate::model::Assessment;
use crate::text_format::Imported;

/// What a finished job reports.
#[derive(Debug)]
pub enum Done {
    /// A file dialog was answered (no paths: cancelled).
    Picked {
        /// What the dialog was for.
        purpose: Purpose,
        /// The chosen paths.
        paths: Vec<PathBuf>,
        /// Whether the dialog itself asked before replacing an existing file.
        replace_asked: bool,
    },
    /// The file a save dialog chose, made final: its extension added, canonical, and whether a
    /// file is there (its stamp).
    TargetResolved {
        /// What the dialog was for.
        purpose: Purpose,
        /// The final path.
        path: PathBuf,
        /// What is there now, if anything.
        existing: Option<FileStamp>,
        /// Whether the dialog asked about replacing this very file already.
        replace_asked: bool,
    },
    /// The program's start: the library, files and comparisons to open, the settings.
    Started(Box<Start>),
    /// Unsaved work found in recovery files (at start), and those that could not be read.
    RecoveriesFound(Vec<Result<Offer, Unreadable>>),
    /// Unsaved work to restore, with its file's version read again.
    Restored(Box<(Recovery, SavedVersion)>),
    /// Files the user opened were loaded (a batch of them).
    Opened {
        /// Which load.
        load: LoadId,
        /// The files, loaded or failed.
        files: Vec<LoadedFile>,
    },
    /// Texts and pages were read and imported (or not), each named by where it came from.
    Imported(Vec<(String, Result<Box<Imported>, String>)>),
    /// The clipboard was read after a paste: the HTML it offers, if any.
    ClipboardHtml(Option<String>),
    /// A write (or a removal) ended.
    Wrote(Box<WriteAnswer>),
    /// A comparison recovered from a recovery file: its roles read, and its file's version.
    ComparisonRecovered {
        /// Its file, if it has one.
        file: Option<PathBuf>,
        /// The recovered comparison and its roles.
        recovered: Box<ReadComparison>,
        /// Its file as read now, if it has one that reads.
        saved: Option<Box<ReadComparison>>,
    },
    /// A comparison file and its roles' files were read, or why not.
    ComparisonRead {
        /// The comparison file.
        path: PathBuf,
        /// What it holds.
        result: Result<Box<ReadComparison>, String>,
    },
    /// A document's file was read again (Revert, Reload from disk, Restore).
    Reloaded {
        /// The document.
        doc: DocId,
        /// What the file holds now, or why it could not be read.
        result: Result<Box<Loaded>, String>,
    },
    /// The watcher of a library folder started, or why it could not.
    Watching {
        /// The load of the folder it watches.
        load: LoadId,
        /// The watcher, or the error naming the folder.
        watcher: Result<Box<FolderWatcher>, String>,
    },
    /// Files changed in the watched folder.
    FolderChanged {
        /// The load of the folder they changed in.
        load: LoadId,
        /// What changed.
        changes: Vec<Change>,
    },
    /// Files that changed outside the program, read again (the program's own writes left out).
    ChangedFiles(Vec<LoadedFile>),
    /// The library folder of a load, made canonical, and its framework files (read before its
    /// assessments, which are scored under them).
    FrameworksFound {
        /// Which load.
        load: LoadId,
        /// The folder, canonical.
        folder: PathBuf,
        /// The folder's framework variants, each with its file and what the file held.
        files: Vec<(Framework, PathBuf, FileStamp)>,
        /// Framework files that could not be used, each naming the file and the field.
        errors: Vec<String>,
    },
    /// A framework file the user opened was read: the framework, its file and stamp.
    FrameworkOpened(Result<Box<(Framework, PathBuf, FileStamp)>, String>),
    /// A library load walked its folder: this many files will come.
    LoadFound {
        /// Which load.
        load: LoadId,
        /// How many files.
        total: usize,
    },
    /// Files of a library load, loaded or failed.
    LoadBatch {
        /// Which load.
        load: LoadId,
        /// The files as documents, or their errors.
        docs: Vec<LoadedDoc>,
    },
    /// A library load ended.
    LoadFinished {
        /// Which load.
        load: LoadId,
        /// Whether it was cancelled before every file was read.
        cancelled: bool,
    },
    /// Whether one's own report template is in the data folder (Preferences asked).
    OwnTemplate(bool),
    /// Every queued write finished: the window may close now.
    ReadyToClose,
    /// Background work that has nothing to report (it did what it was asked).
    Nothing,
    /// Something the user should know that stopped nothing (a report template that could not be
    /// used, so the shipped one was).
    Warning(String),
    /// A job failed unexpectedly (it panicked): the notice, and what releases what waited on it.
    Failed {
        /// What failed, for the user.
        what: String,
        /// The answer that releases what waited on the job (a load's end), if any.
        release: Option<Box<Done>>,
    },
}

/// What a write was for: how the window takes its answer.
#[derive(Debug)]
pub enum WriteOf {
    /// An assessment saved to its file: the document, the version written, what to do after.
    Assessment {
        /// The document.
        doc: DocId,
        /// The version written.
        saved: Box<Assessment>,
        /// What to do once it is written.
        after: AfterSave,
    },
    /// A framework variant saved to its file: its id and the version written.
    Framework {
        /// The variant's id.
        id: String,
        /// The version written.
        saved: Box<Framework>,
    },
    /// The comparison saved: the file as written and the comparison it was made from.
    Comparison {
        /// The file's content.
        file: Box<Comparison>,
        /// What the comparison held when it was written.
        content: Box<ComparisonContent>,
    },
    /// An export: what it was, for the notice ("the Markdown report").
    Export {
        /// What was written.
        what: String,
    },
    /// A role's file renamed: the role, and where its file was.
    Renamed {
        /// The role.
        doc: DocId,
        /// Its file before.
        from: PathBuf,
    },
    /// A file moved to the trash: a role's, or (`None`) one's own report template.
    Trashed {
        /// The role, when it was a role's file.
        doc: Option<DocId>,
    },
    /// The shipped report template, copied into the data folder to be made one's own.
    Template,
    /// A recovery file written or removed.
    Recovery,
    /// The settings file.
    Settings(Box<Settings>),
}

/// Why a write did not happen.
#[derive(Debug)]
pub enum WriteFailure {
    /// A file is there that was expected absent: its stamp, and the bytes, to write once the user
    /// agrees to replace it.
    Exists {
        /// What the file there holds.
        stamp: FileStamp,
        /// What was to be written.
        bytes: Vec<u8>,
    },
    /// Someone else changed the file since it was loaded: its stamp now, and the bytes.
    Changed {
        /// What the file holds now.
        stamp: FileStamp,
        /// What was to be written.
        bytes: Vec<u8>,
    },
    /// It could not be written: the message names the file and the reason.
    Error(String),
}

/// The answer of a write.
#[derive(Debug)]
pub struct WriteAnswer {
    /// What it was for.
    pub of: WriteOf,
    /// The file.
    pub path: PathBuf,
    /// The stamp written (`None` for a removal), or why not.
    pub result: Result<Option<FileStamp>, WriteFailure>,
}
