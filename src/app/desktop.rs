//! Files one click away: open a written file with the desktop's program for it, or show it in
//! its folder. Through the desktop portal where there is one (`org.freedesktop.portal.OpenURI`,
//! which sandboxed and Wayland desktops expect), else the desktop's own opener (`opener`: xdg-open,
//! the file manager's ShowItems). Both talk to other processes, so they run off the UI thread; a
//! failure becomes a notice naming the file.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use super::AijriApp;
use super::io::Done;

/// Who opens files and shows them in their folders: the desktop, or (tests) a list that notes
/// each request — `(path, shown in its folder)` — instead of starting the desktop's programs.
#[derive(Debug, Clone, Default)]
pub enum Opener {
    /// The desktop portal, else the desktop's opener.
    #[default]
    Desktop,
    /// Nothing is started: each request is noted here.
    Noted(Arc<Mutex<Vec<(PathBuf, bool)>>>),
}

impl AijriApp {
    /// Files are opened by `opener` from now on (tests note the requests instead).
    pub fn open_files_with(&mut self, opener: Opener) {
        self.opener = opener;
    }

    /// Opens `path` with the desktop (or, when `reveal`, shows it in its folder), off the UI
    /// thread.
    pub(super) fn open_with_desktop(&mut self, path: PathBuf, reveal: bool) {
        if let Opener::Noted(requests) = &self.opener {
            if let Ok(mut requests) = requests.lock() {
                requests.push((path, reveal));
            }
            return;
        }
        self.io
            .spawn("open-with-desktop", move || match open(&path, reveal) {
                Ok(()) => Done::Nothing,
                Err(message) => Done::Warning(message),
            });
    }

    /// View → Open data folder: the program's data folder (recovery files, settings, its own
    /// library, a report template of one's own).
    pub(super) fn open_data_folder(&mut self) {
        match self.state.data_dir.clone() {
            Some(dir) => self.open_with_desktop(dir, false),
            None => self.state.notify(
                true,
                "This program has no data folder (no home folder was found).",
            ),
        }
    }
}

/// Opens `path`, or shows it in its folder: the portal first, then the desktop's opener.
///
/// # Errors
/// Neither could do it: the message names the file.
fn open(path: &Path, reveal: bool) -> Result<(), String> {
    if portal::open(path, reveal) {
        return Ok(());
    }
    let result = if reveal {
        opener::reveal(path)
    } else {
        opener::open(path)
    };
    result.map_err(|e| {
        let what = if reveal {
            "shown in its folder"
        } else {
            "opened"
        };
        format!("{} could not be {what}: {e}", path.display())
    })
}

/// The desktop portal's OpenURI interface, where the session has one.
#[cfg(all(unix, not(target_os = "macos")))]
mod portal {
    use std::collections::HashMap;
    use std::path::Path;

    /// Asks the portal to open `path` (or its folder, when `reveal`); false when there is no
    /// portal or it refused.
    pub fn open(path: &Path, reveal: bool) -> bool {
        let Ok(file) = crate::library::disk::open_file(path) else {
            return false;
        };
        let method = if reveal { "OpenDirectory" } else { "OpenFile" };
        pollster::block_on(async {
            let Ok(connection) = zbus::Connection::session().await else {
                return false;
            };
            let options: HashMap<&str, zbus::zvariant::Value<'_>> = HashMap::new();
            let fd = zbus::zvariant::Fd::from(&file);
            connection
                .call_method(
                    Some("org.freedesktop.portal.Desktop"),
                    "/org/freedesktop/portal/desktop",
                    Some("org.freedesktop.portal.OpenURI"),
                    method,
                    &("", fd, options),
                )
                .await
                .is_ok()
        })
    }
}

/// Elsewhere there is no portal: the desktop's opener does it.
#[cfg(not(all(unix, not(target_os = "macos"))))]
mod portal {
    /// No portal here.
    pub fn open(_path: &std::path::Path, _reveal: bool) -> bool {
        false
    }
}
