//! Which library the window opens on: the paths given on the command line, else the last library
//! folder, else the shipped `assessments/` folder, else a copy of the shipped
//! assessments embedded in the binary, written to the program's data folder on first use.

use std::path::{Path, PathBuf};

use super::picker::FilePicker;
use super::store::Store;
use super::{AijriApp, Options, Settings};
use crate::comparison::is_comparison_file;
use crate::library;

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

/// Builds the app on the library the command line, the settings or the shipped files give. The
/// window opens at once: the library folder streams in off the UI thread, and files named on the
/// command line join it as they load.
#[must_use]
pub fn open_app(
    paths: &[PathBuf],
    settings: Settings,
    picker: Box<dyn FilePicker>,
    options: Options,
) -> AijriApp {
    let (folder, files): (Option<PathBuf>, Vec<PathBuf>) = if paths.is_empty() {
        let folder = remembered_folder(&settings)
            .or_else(shipped_folder)
            .or_else(embedded_copy);
        (folder, Vec::new())
    } else {
        let folder = paths.iter().find(|p| p.is_dir()).cloned();
        let rest = paths
            .iter()
            .filter(|p| Some(*p) != folder.as_ref())
            .cloned()
            .collect();
        (folder, rest)
    };
    let mut app = AijriApp::new(Store::new(), settings, picker, options);
    match folder {
        Some(folder) => app.open_folder(folder),
        None if files.is_empty() => app.state.notify(
            true,
            "No library folder could be found or created: open one with File → Open folder…",
        ),
        None => {}
    }
    let (comparisons, files): (Vec<PathBuf>, Vec<PathBuf>) =
        files.into_iter().partition(|f| is_comparison_file(f));
    for comparison in comparisons {
        app.open_comparison(comparison);
    }
    if !files.is_empty() {
        app.load_paths(files);
    }
    app
}

fn remembered_folder(settings: &Settings) -> Option<PathBuf> {
    settings.last_folder.clone().filter(|f| f.is_dir())
}

/// The `assessments/` folder of the source tree: beside the working directory, above the
/// executable (`target/release/..`), or where the crate was built.
fn shipped_folder() -> Option<PathBuf> {
    let mut candidates = vec![PathBuf::from("assessments")];
    if let Ok(exe) = std::env::current_exe() {
        candidates.extend(
            exe.ancestors()
                .skip(1)
                .take(4)
                .map(|dir| dir.join("assessments")),
        );
    }
    candidates.push(Path::new(env!("CARGO_MANIFEST_DIR")).join("assessments"));
    candidates
        .into_iter()
        .find(|dir| dir.is_dir())
        .map(|dir| dir.canonicalize().unwrap_or(dir))
}

/// Writes the embedded assessments to the data folder (once) and returns that folder.
fn embedded_copy() -> Option<PathBuf> {
    let folder = super::data_dir()?.join("assessments");
    if !folder.is_dir() {
        std::fs::create_dir_all(&folder).ok()?;
        for (name, text) in EMBEDDED {
            library::write_atomic(&folder.join(name), text.as_bytes()).ok()?;
        }
    }
    Some(folder)
}
