//! What the program remembers between runs, in `settings.json` in its data folder: the last
//! library folder (absolute), recent files and comparisons, the theme, the comparison set, how
//! the library folder is watched, and the preferences (the assessor name, the report's paper).
//! The window's size is remembered by eframe itself.
//!
//! The file is the program's own, but it is read like any file from outside: every field has a
//! default (an older or damaged file still gives settings), lists are bounded, and paths are kept
//! only when absolute — a relative one would mean another folder from every other working folder.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::client_report::Paper;
use crate::library::watch::WatchMode;

/// The name of the settings file in the data folder.
pub const SETTINGS_FILE_NAME: &str = "settings.json";
/// How many recent files (and recent comparisons) are remembered.
pub const RECENT_FILES: usize = 10;
/// How many roles of the comparison set are remembered (a saved comparison lists at most as many).
pub const MAX_COMPARED: usize = 1_000;
/// The longest text kept (a title, notes, a path), in characters.
pub const MAX_TEXT_CHARS: usize = 100_000;
/// The longest assessor name kept, in characters.
pub const MAX_ASSESSOR_CHARS: usize = 200;

/// The remembered settings; every field has a default, so older or damaged files still load.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The library folder open last (absolute).
    pub last_folder: Option<PathBuf>,
    /// Files opened or saved recently, newest first.
    pub recent_files: Vec<PathBuf>,
    /// The theme: dark, light, or the system's when unset.
    pub dark_mode: Option<bool>,
    /// The paths in the comparison set.
    pub comparison: Vec<PathBuf>,
    /// The comparison's title, notes and file, as Compare showed them last.
    pub comparison_fields: ComparisonFields,
    /// Comparison files opened or saved recently, newest first.
    pub recent_comparisons: Vec<PathBuf>,
    /// How the library folder is watched for changes by others.
    pub watch_mode: WatchMode,
    /// The assessor name new assessments and variants get (empty: none).
    pub assessor: String,
    /// The paper the client report is laid out on.
    pub paper: Paper,
}

/// What Compare shows of the comparison besides its roles, remembered between runs.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ComparisonFields {
    /// The title.
    pub title: String,
    /// The notes.
    pub notes: String,
    /// The comparison file it was opened from or saved to.
    pub file: Option<PathBuf>,
}

impl Settings {
    /// Reads a settings file's bytes: the settings, within their bounds. A damaged file gives the
    /// defaults and a message naming the file, the line and what is wrong (the program starts
    /// either way).
    #[must_use]
    pub fn parse(bytes: &[u8], path: &Path) -> (Self, Option<String>) {
        let bytes = bytes
            .strip_prefix(crate::library::UTF8_BOM)
            .unwrap_or(bytes);
        match serde_json::from_slice::<Self>(bytes) {
            Ok(settings) => (settings.bounded(), None),
            Err(error) => (
                Self::default(),
                Some(format!(
                    "{}: line {}, column {}: {error}; the settings were reset",
                    path.display(),
                    error.line(),
                    error.column()
                )),
            ),
        }
    }

    /// The settings as the file holds them: pretty JSON ending in a newline.
    #[must_use]
    pub fn to_json(&self) -> String {
        // Paths, strings, numbers and lists always serialise.
        let mut text = serde_json::to_string_pretty(self).unwrap_or_default();
        text.push('\n');
        text
    }

    /// Puts a file at the top of the recent files.
    pub fn add_recent(&mut self, path: &Path) {
        push_recent(&mut self.recent_files, path);
    }

    /// Puts a comparison file at the top of the recent comparisons.
    pub fn add_recent_comparison(&mut self, path: &Path) {
        push_recent(&mut self.recent_comparisons, path);
    }

    /// The settings within their bounds: relative paths dropped, lists and texts cut.
    #[must_use]
    pub fn bounded(mut self) -> Self {
        self.last_folder = self.last_folder.filter(|p| usable(p));
        for list in [&mut self.recent_files, &mut self.recent_comparisons] {
            list.retain(|p| usable(p));
            list.truncate(RECENT_FILES);
        }
        self.comparison.retain(|p| usable(p));
        self.comparison.truncate(MAX_COMPARED);
        let fields = &mut self.comparison_fields;
        fields.file = fields.file.take().filter(|p| usable(p));
        for text in [&mut fields.title, &mut fields.notes] {
            cut_to(text, MAX_TEXT_CHARS);
        }
        cut_to(&mut self.assessor, MAX_ASSESSOR_CHARS);
        self
    }
}

/// Cuts a text to at most `chars` characters.
fn cut_to(text: &mut String, chars: usize) {
    if let Some((cut, _)) = text.char_indices().nth(chars) {
        text.truncate(cut);
    }
}

/// Whether a remembered path can be used: absolute, and of a sane length.
fn usable(path: &Path) -> bool {
    path.is_absolute() && path.as_os_str().len() <= MAX_TEXT_CHARS
}

/// Puts a path at the top of a list of recent paths, once, keeping the newest few.
fn push_recent(list: &mut Vec<PathBuf>, path: &Path) {
    list.retain(|p| p != path);
    list.insert(0, path.to_owned());
    list.truncate(RECENT_FILES);
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn a_relative_folder_is_never_remembered() {
        let text =
            br#"{"last_folder": ".", "recent_files": ["a.aijri.json", "/lib/b.aijri.json"]}"#;
        let (settings, problem) = Settings::parse(text, Path::new("settings.json"));
        assert_eq!(problem, None);
        assert_eq!(
            settings.last_folder, None,
            "`.` would be another folder next time"
        );
        assert_eq!(
            settings.recent_files,
            vec![PathBuf::from("/lib/b.aijri.json")]
        );
    }

    #[test]
    fn a_damaged_file_gives_the_defaults_and_names_the_file_and_line() {
        let (settings, message) =
            Settings::parse(b"{\n \"dark_mode\": 3\n}", Path::new("/data/settings.json"));
        let message = message.unwrap();
        assert_eq!(settings, Settings::default());
        assert!(
            message.starts_with("/data/settings.json: line 2"),
            "{message}"
        );
    }

    #[test]
    fn settings_round_trip_through_their_file() {
        let mut settings = Settings {
            last_folder: Some(PathBuf::from("/lib")),
            dark_mode: Some(true),
            ..Settings::default()
        };
        settings.add_recent(Path::new("/lib/a.aijri.json"));
        let text = settings.to_json();
        assert_eq!(
            Settings::parse(text.as_bytes(), Path::new("s.json")),
            (settings, None)
        );
    }

    #[test]
    fn preferences_round_trip_and_a_long_or_wrong_one_is_bounded() {
        let settings = Settings {
            assessor: "A. Adviser".into(),
            paper: Paper::Letter,
            ..Settings::default()
        };
        let (read, problem) = Settings::parse(settings.to_json().as_bytes(), Path::new("s.json"));
        assert_eq!((read, problem), (settings, None));
        let long = format!("{{\"assessor\": \"{}\"}}", "x".repeat(5_000));
        let (read, _) = Settings::parse(long.as_bytes(), Path::new("s.json"));
        assert_eq!(read.assessor.chars().count(), MAX_ASSESSOR_CHARS);
        let (read, problem) = Settings::parse(br#"{"paper": "a3"}"#, Path::new("/d/s.json"));
        assert_eq!(read, Settings::default());
        assert!(problem.is_some_and(|p| p.contains("/d/s.json: line 1")));
    }

    #[test]
    fn long_lists_are_cut_to_their_bounds() {
        let paths: Vec<String> = (0..5_000)
            .map(|i| format!("\"/lib/{i}.aijri.json\""))
            .collect();
        let text = format!(
            "{{\"recent_files\": [{0}], \"comparison\": [{0}]}}",
            paths.join(",")
        );
        let (settings, _) = Settings::parse(text.as_bytes(), Path::new("s.json"));
        assert_eq!(settings.recent_files.len(), RECENT_FILES);
        assert_eq!(settings.comparison.len(), MAX_COMPARED);
    }
}
