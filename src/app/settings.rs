//! What the program remembers between runs (eframe persistence): the last library folder, recent
//! files and comparisons, the theme and the comparison set. The window size is remembered by eframe itself.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// How many recent files the File menu lists.
const RECENT_FILES: usize = 10;

/// The remembered settings; every field has a default, so older or damaged storage still loads.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The library folder open last.
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
    pub watch_mode: crate::library::watch::WatchMode,
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
    /// Puts a file at the top of the recent files.
    pub fn add_recent(&mut self, path: &Path) {
        push_recent(&mut self.recent_files, path);
    }

    /// Puts a comparison file at the top of the recent comparisons.
    pub fn add_recent_comparison(&mut self, path: &Path) {
        push_recent(&mut self.recent_comparisons, path);
    }

    /// Applies the remembered theme.
    pub fn apply_theme(&self, ctx: &egui::Context) {
        let preference = match self.dark_mode {
            Some(true) => egui::ThemePreference::Dark,
            Some(false) => egui::ThemePreference::Light,
            None => egui::ThemePreference::System,
        };
        ctx.set_theme(preference);
    }
}

/// Puts a path at the top of a list of recent paths, once, keeping the newest few.
fn push_recent(list: &mut Vec<PathBuf>, path: &Path) {
    list.retain(|p| p != path);
    list.insert(0, path.to_owned());
    list.truncate(RECENT_FILES);
}
