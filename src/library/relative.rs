//! File paths that one file writes about another (a variant about its source, a saved comparison
//! about its roles): relative to the writing file's folder, with `/` between folders, so a folder
//! of files can be moved or shared as a whole and read on any system.

use std::path::{Component, Path, PathBuf};

/// The folder a file lies in (`.` for a bare file name).
#[must_use]
pub fn folder_of(file: &Path) -> &Path {
    match file.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => folder,
        _ => Path::new("."),
    }
}

/// `target` written relative to `folder`, with `/` between folders: `roles/nurse.aijri.json`,
/// `../assessments/nurse.aijri.json`. Both are made absolute first (links resolved where they
/// exist). Only when no relative path leads there (another drive on Windows) is the absolute path
/// written.
#[must_use]
pub fn relative_path(target: &Path, folder: &Path) -> String {
    let (target, folder) = (absolute(target), absolute(folder));
    let relative = pathdiff::diff_paths(&target, &folder).unwrap_or(target);
    relative
        .components()
        .map(|c| match c {
            Component::RootDir => String::new(),
            other => other.as_os_str().to_string_lossy().into_owned(),
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// The file a path written in a file in `folder` names: relative paths are taken from `folder`,
/// absolute ones as they are.
#[must_use]
pub fn resolve_relative(folder: &Path, written: &str) -> PathBuf {
    let path = Path::new(written);
    if path.is_absolute() {
        path.to_owned()
    } else {
        folder.join(path)
    }
}

/// A path made absolute, with links resolved as far as it exists on disk (a variant's folder may
/// not exist yet while its source's does; both must be resolved alike to be compared).
fn absolute(path: &Path) -> PathBuf {
    let path = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
    path.ancestors()
        .find_map(|ancestor| {
            let rest = path.strip_prefix(ancestor).ok()?;
            Some(ancestor.canonicalize().ok()?.join(rest))
        })
        .unwrap_or(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_written_relative_with_slashes() {
        let root = Path::new("/clients/js");
        assert_eq!(
            relative_path(&root.join("roles/nurse.aijri.json"), root),
            "roles/nurse.aijri.json"
        );
        assert_eq!(
            relative_path(Path::new("/clients/lib/nurse.aijri.json"), root),
            "../lib/nurse.aijri.json"
        );
        assert_eq!(
            resolve_relative(root, "roles/nurse.aijri.json"),
            root.join("roles/nurse.aijri.json")
        );
        assert_eq!(
            resolve_relative(root, "/elsewhere/nurse.aijri.json"),
            Path::new("/elsewhere/nurse.aijri.json")
        );
    }
}
