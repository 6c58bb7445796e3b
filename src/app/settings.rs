//! What the program remembers between runs (eframe persistence): the last library folder, recent
//! files, the theme and the comparison set. The window size is remembered by eframe itself.

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
    /// How the library folder is watched for changes by others.
    pub watch_mode: crate::library::watch::WatchMode,
}

impl Settings {
    /// Puts a file at the top of the recent files.
    pub fn add_recent(&mut self, path: &Path) {
        self.recent_files.retain(|p| p != path);
        self.recent_files.insert(0, path.to_owned());
        self.recent_files.truncate(RECENT_FILES);
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
