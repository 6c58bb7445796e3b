//! Saved comparisons on the command line: `score COMPARISON` (and `validate`, `export`,
//! `report`) work on the roles a comparison lists, found at their files (relative to the
//! comparison file), else by their `meta.id` among the assessments below the comparison file's
//! folder; a role found neither way is reported in its place, and the command fails. The roles
//! are scored under the comparison's framework, as the window shows them.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::comparison::{Comparison, Location, is_comparison_file};
use crate::library::{self, LoadError};
use crate::model::PUBLISHED_FRAMEWORK_ID;

/// What a command works on once comparisons are replaced by their roles.
#[derive(Debug, Default)]
pub(super) struct Targets {
    /// The files in order, a role that cannot be found as an error in its place.
    pub found: Vec<Result<PathBuf, LoadError>>,
    /// The files and folders to look for frameworks beside (a comparison file among them, for
    /// the framework files beside it).
    pub beside: Vec<PathBuf>,
    /// The framework each role of a comparison is scored under: the comparison's, by id, when it
    /// is not the published one (under which every role is scored under its own, as in the
    /// window).
    pub frameworks: BTreeMap<PathBuf, String>,
    /// Each comparison with a framework of its own: its file and the framework's id.
    pub comparisons: Vec<(PathBuf, String)>,
}

/// The paths as given, each saved comparison (`*.aijri-compare.json`) replaced by its roles.
pub(super) fn expand(paths: &[PathBuf]) -> Targets {
    let mut targets = Targets::default();
    for path in paths {
        if is_comparison_file(path) && path.is_file() {
            add_roles(path, &mut targets);
        } else {
            targets
                .found
                .extend(library::files_in(std::slice::from_ref(path)));
            targets.beside.push(path.clone());
        }
    }
    targets
}

/// Adds the roles of the comparison file at `path`, or the error that it cannot be read.
fn add_roles(path: &Path, targets: &mut Targets) {
    let comparison = match Comparison::load(path) {
        Ok(comparison) => comparison,
        Err(error) => {
            targets.found.push(Err(LoadError::Comparison {
                path: path.to_owned(),
                message: error.to_string(),
            }));
            return;
        }
    };
    targets.beside.push(path.to_owned());
    let framework = comparison.framework.trim();
    let own_framework = !(framework.is_empty() || framework == PUBLISHED_FRAMEWORK_ID);
    if own_framework {
        targets
            .comparisons
            .push((path.to_owned(), framework.to_owned()));
    }
    let folder = library::folder_of(path);
    let mut ids: Option<Vec<(String, PathBuf)>> = None;
    let locations = comparison.locate(path, |id| {
        let ids = ids.get_or_insert_with(|| ids_below(folder));
        ids.iter().find(|(i, _)| i == id).map(|(_, p)| p.clone())
    });
    let files = comparison.role_files(path);
    for (i, (location, file)) in locations.into_iter().zip(files).enumerate() {
        match location {
            Location::File(file) | Location::ById(file) => {
                if own_framework {
                    targets
                        .frameworks
                        .insert(file.clone(), framework.to_owned());
                }
                targets.beside.push(file.clone());
                targets.found.push(Ok(file));
            }
            Location::Missing => {
                let role = &comparison.roles[i];
                targets.found.push(Err(LoadError::Comparison {
                    path: file.unwrap_or_else(|| path.to_owned()),
                    message: format!(
                        "{}: roles[{i}]: {} is missing: not at that path, and no assessment below {} has its id",
                        path.display(),
                        role.describe(),
                        folder.display()
                    ),
                }));
            }
        }
    }
}

/// The `meta.id` of every assessment below a folder that loads, with its file.
fn ids_below(folder: &Path) -> Vec<(String, PathBuf)> {
    library::map_in_order(library::find_files(folder), true, |found| {
        let (path, assessment) = library::read_found(found);
        assessment.ok().map(|a| (a.meta.id, path))
    })
    .into_iter()
    .flatten()
    .collect()
}
