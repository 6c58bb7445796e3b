//! Which library the window opens on: the paths given on the command line, else the last library
//! folder (remembered as an absolute path), else the program's own library — a copy of the shipped
//! assessments, embedded in the binary, written to its data folder on first use. Never the folder
//! the program happens to be started from, never a folder of the machine it was built on.
//!
//! The window appears first: the settings file is read and the library found by a start-up job,
//! off the UI thread (a stale network share cannot hold the window up).

use std::path::{Path, PathBuf};

use super::io::Done;
use super::picker::FilePicker;
use super::store::Store;
use super::{AijriApp, Options, Settings};
use crate::comparison::is_comparison_file;
use crate::library::{self, disk};
use crate::settings::SETTINGS_FILE_NAME;

/// The shipped assessments, embedded so the program has a library wherever it runs.
const EMBEDDED: &[(&str, &str)] = &[
    (
        "backend-api-developer.aijri.json",
        include_str!("../../assessments/backend-api-developer.aijri.json"),
    ),
    (
        "junior-backend-developer.aijri.json",
        include_str!("../../assessments/junior-backend-developer.aijri.json"),
    ),
    (
        "senior-backend-engineer.aijri.json",
        include_str!("../../assessments/senior-backend-engineer.aijri.json"),
    ),
];

/// The folder of the program's own library inside its data folder.
pub const OWN_LIBRARY: &str = "assessments";

/// What the start-up job found: the settings file's settings, the library, files and comparisons
/// to open (all canonical), and what went wrong on the way.
#[derive(Debug, Default)]
pub struct Start {
    /// The settings read from the settings file (`None`: there is none; keep those given).
    pub settings: Option<Settings>,
    /// The library folder.
    pub folder: Option<PathBuf>,
    /// Assessment files to open beside it.
    pub files: Vec<PathBuf>,
    /// Comparison files to open.
    pub comparisons: Vec<PathBuf>,
    /// Messages naming what could not be read or made.
    pub problems: Vec<String>,
}

/// Builds the app and starts it on the library the command line, the settings or the program's
/// own library give. The window opens at once: the start-up job finds the library, the folder
/// streams in off the UI thread, and files named on the command line join it as they load.
#[must_use]
pub fn open_app(
    paths: &[PathBuf],
    settings: Settings,
    picker: Box<dyn FilePicker>,
    options: Options,
) -> AijriApp {
    let _ui_thread = disk::UiThread::enter();
    let app = AijriApp::new(Store::new(), settings.clone(), picker, options.clone());
    let paths = paths.to_vec();
    let data_dir = options.data_dir.clone();
    app.io.spawn("start", move || {
        Done::Started(Box::new(find_start(&paths, &settings, data_dir.as_deref())))
    });
    if let Some(folder) = options.recovery() {
        app.io.spawn("find-recovery", move || {
            Done::RecoveriesFound(super::recovery_dialog::offers(&folder))
        });
    }
    app
}

/// The start-up job: reads the settings file, then finds the library and the files to open.
/// Runs on a worker thread.
fn find_start(paths: &[PathBuf], given: &Settings, data_dir: Option<&Path>) -> Start {
    let mut problems = Vec::new();
    let settings =
        data_dir.and_then(|dir| read_settings(&dir.join(SETTINGS_FILE_NAME), &mut problems));
    if paths.is_empty() {
        let remembered = settings.as_ref().unwrap_or(given).last_folder.clone();
        let folder = remembered
            .filter(|folder| folder.is_absolute() && disk::is_dir(folder))
            .map(|folder| disk::canonical(&folder))
            .or_else(|| data_dir.and_then(|dir| own_library(dir, &mut problems)));
        return Start {
            settings,
            folder,
            problems,
            ..Start::default()
        };
    }
    let paths: Vec<PathBuf> = paths.iter().map(|p| disk::canonical(p)).collect();
    let folder = paths.iter().find(|p| disk::is_dir(p)).cloned();
    let (comparisons, files) = paths
        .into_iter()
        .filter(|p| Some(p) != folder.as_ref())
        .partition(|p| is_comparison_file(p));
    Start {
        settings,
        folder,
        files,
        comparisons,
        problems,
    }
}

/// The settings file's settings, if there is one; a damaged one gives the defaults and a problem.
fn read_settings(file: &Path, problems: &mut Vec<String>) -> Option<Settings> {
    if !disk::is_file(file) {
        return None;
    }
    let bytes = match disk::read_limited(file, library::FileKind::Settings) {
        Ok(bytes) => bytes,
        Err(error) => {
            problems.push(format!("{error}; the settings were reset"));
            return Some(Settings::default());
        }
    };
    let (settings, problem) = Settings::parse(&bytes, file);
    problems.extend(problem);
    Some(settings)
}

/// The program's own library in its data folder, made from the embedded assessments the first
/// time (a folder the user emptied stays as they left it).
fn own_library(data_dir: &Path, problems: &mut Vec<String>) -> Option<PathBuf> {
    let folder = data_dir.join(OWN_LIBRARY);
    if !disk::is_dir(&folder) {
        let made = disk::create_dir_all(&folder).and_then(|()| {
            EMBEDDED.iter().try_for_each(|(name, text)| {
                library::write_atomic(&folder.join(name), text.as_bytes())
            })
        });
        if let Err(error) = made {
            problems.push(format!(
                "The program's own library could not be made: {error}; open a folder with File → Open folder…"
            ));
            return None;
        }
    }
    Some(disk::canonical(&folder))
}

impl AijriApp {
    /// The start-up job's answer: the settings, then the library, files and comparisons.
    pub(super) fn started(&mut self, start: Start) {
        if let Some(settings) = start.settings {
            self.state.settings = settings.clone();
            self.settings_written = (settings, None);
            self.restore_comparison();
        }
        // A theme the user chose; otherwise the window keeps following the system's.
        if self.state.settings.dark_mode.is_some()
            && let Some(ctx) = self.io.context()
        {
            super::settings::apply_theme(&self.state.settings, &ctx);
        }
        self.state.started = true;
        for problem in start.problems {
            self.state.notify(true, problem);
        }
        match start.folder {
            Some(folder) => self.open_folder(folder),
            None if start.files.is_empty() && start.comparisons.is_empty() => self.state.notify(
                true,
                "No library folder could be found or made: open one with File → Open folder…",
            ),
            None => {}
        }
        for comparison in start.comparisons {
            self.read_comparison(comparison);
        }
        if !start.files.is_empty() {
            self.load_paths(start.files);
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn a_first_start_opens_the_programs_own_library_wherever_it_is_started() {
        let data = tempfile::tempdir().unwrap();
        let start = find_start(&[], &Settings::default(), Some(data.path()));
        let own = disk::canonical(&data.path().join(OWN_LIBRARY));
        assert_eq!(start.folder.as_deref(), Some(own.as_path()));
        let files = library::find_files(&own);
        assert_eq!(files.len(), EMBEDDED.len());
        for file in files {
            assert!(library::load_file(&file.unwrap()).is_ok());
        }
    }

    #[test]
    fn a_remembered_folder_that_is_relative_is_not_used() {
        let data = tempfile::tempdir().unwrap();
        let settings = Settings {
            last_folder: Some(PathBuf::from(".")),
            ..Settings::default()
        };
        let start = find_start(&[], &settings, Some(data.path()));
        assert_eq!(
            start.folder,
            Some(disk::canonical(&data.path().join(OWN_LIBRARY)))
        );
    }

    #[test]
    fn paths_given_are_made_absolute_and_canonical() {
        let library = tempfile::tempdir().unwrap();
        let dotted = library.path().join("sub").join("..");
        std::fs::create_dir(library.path().join("sub")).unwrap();
        let start = find_start(&[dotted], &Settings::default(), None);
        assert_eq!(start.folder, Some(disk::canonical(library.path())));
    }
}
