//! The frameworks available to a library: the published one plus the variants found beside the
//! assessments, and which of them each assessment is scored under.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use super::{DEFAULT_FRAMEWORK_ID, Framework, FrameworkError, is_framework_file};
use crate::library::{self, FileStamp, LoadError, disk};
use crate::model::Assessment;

/// The published framework plus the variants loaded, by id. A later variant with the id of an
/// earlier one replaces it; the published framework cannot be replaced.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Frameworks {
    /// The variants, in the order they were first added.
    variants: Vec<Framework>,
}

/// The framework an assessment is scored under.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved<'a> {
    /// The framework the assessment names, or the published one when that is not available.
    pub framework: &'a Framework,
    /// The id the assessment names when that framework is not available.
    pub missing: Option<String>,
}

impl Frameworks {
    /// Only the published framework.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a variant, replacing one with the same id. Returns `false`, and adds nothing, for a
    /// variant that takes the published framework's id.
    pub fn add(&mut self, framework: Framework) -> bool {
        if framework.id == DEFAULT_FRAMEWORK_ID {
            return false;
        }
        match self.variants.iter_mut().find(|f| f.id == framework.id) {
            Some(earlier) => *earlier = framework,
            None => self.variants.push(framework),
        }
        true
    }

    /// The framework with this id.
    #[must_use]
    pub fn get(&self, id: &str) -> Option<&Framework> {
        self.iter().find(|f| f.id == id)
    }

    /// Every framework: the published one first, then the variants in the order they were added.
    pub fn iter(&self) -> impl Iterator<Item = &Framework> {
        std::iter::once(Framework::published()).chain(&self.variants)
    }

    /// The framework the assessment names, or the published one with the missing id when that
    /// framework is not available.
    #[must_use]
    pub fn resolve(&self, assessment: &Assessment) -> Resolved<'_> {
        match self.get(&assessment.framework) {
            Some(framework) => Resolved {
                framework,
                missing: None,
            },
            None => Resolved {
                framework: Framework::published(),
                missing: Some(assessment.framework.clone()),
            },
        }
    }

    /// Loads a framework file and adds it (see [`Frameworks::add`]).
    ///
    /// # Errors
    /// The file cannot be read or used, or it takes the published framework's id.
    pub fn load_file(&mut self, path: &Path) -> Result<(), FrameworkError> {
        if self.add(Framework::load(path)?) {
            Ok(())
        } else {
            Err(published_id_taken(path))
        }
    }

    /// The frameworks of a library folder: every framework file below it, in path order, and
    /// the errors of those that could not be loaded.
    #[must_use]
    pub fn load_folder(folder: &Path) -> (Self, Vec<FrameworkError>) {
        let mut frameworks = Self::new();
        let errors = frameworks.add_files(library::find_matching(folder, is_framework_file));
        (frameworks, errors)
    }

    /// The framework files below a library folder, read: each variant with its file and what the
    /// file held (to save it back without overwriting someone else's change), and the errors of
    /// those that could not be used. A variant taking the published framework's id is an error.
    #[must_use]
    pub fn read_folder(
        folder: &Path,
    ) -> (Vec<(Framework, PathBuf, FileStamp)>, Vec<FrameworkError>) {
        let mut read = Vec::new();
        let mut errors = Vec::new();
        for found in library::find_matching(folder, is_framework_file) {
            let path = match found {
                Ok(path) => path,
                Err(error) => {
                    errors.push(error.into());
                    continue;
                }
            };
            let parsed = library::read_limited(&path, library::FileKind::Framework)
                .map_err(FrameworkError::from)
                .and_then(|bytes| Ok((Framework::parse(&bytes, &path)?, FileStamp::of(&bytes))));
            match parsed {
                Ok((framework, _)) if framework.id == DEFAULT_FRAMEWORK_ID => {
                    errors.push(published_id_taken(&path));
                }
                Ok((framework, stamp)) => {
                    read.retain(|(f, _, _): &(Framework, PathBuf, FileStamp)| f.id != framework.id);
                    read.push((framework, path, stamp));
                }
                Err(error) => errors.push(error),
            }
        }
        (read, errors)
    }

    /// The frameworks beside assessment files and folders, as the command line finds them: every
    /// framework file below each folder, and the framework files in the folder of each file given
    /// on its own (not below it). Errors of the files that could not be loaded come back too.
    #[must_use]
    pub fn beside(paths: &[PathBuf]) -> (Self, Vec<FrameworkError>) {
        let mut frameworks = Self::new();
        let mut errors = Vec::new();
        let mut seen = BTreeSet::new();
        for path in paths {
            let found = if disk::is_dir(path) {
                library::find_matching(path, is_framework_file)
            } else {
                framework_files_in(library::folder_of(path))
            };
            let new = found.into_iter().filter(|f| seen.insert(found_key(f)));
            errors.extend(frameworks.add_files(new.collect()));
        }
        (frameworks, errors)
    }

    /// Loads and adds every found file; the errors of those that could not be.
    fn add_files(&mut self, found: Vec<Result<PathBuf, LoadError>>) -> Vec<FrameworkError> {
        found
            .into_iter()
            .filter_map(|found| match found {
                Ok(path) => self.load_file(&path).err(),
                Err(error) => Some(error.into()),
            })
            .collect()
    }
}

/// The error of a variant file that takes the published framework's id.
fn published_id_taken(path: &Path) -> FrameworkError {
    FrameworkError::Invalid {
        path: path.to_owned(),
        field: "id".into(),
        message: format!(
            "`{DEFAULT_FRAMEWORK_ID}` is the published framework's; a variant needs an id of its own"
        ),
    }
}

/// The framework files directly in a folder, in path order. A folder that cannot be read gives
/// none: the file given in it is reported on its own when it cannot be read either.
fn framework_files_in(folder: &Path) -> Vec<Result<PathBuf, LoadError>> {
    let Ok(entries) = disk::list(folder) else {
        return Vec::new();
    };
    let files: Vec<PathBuf> = entries
        .into_iter()
        .filter(|entry| !entry.is_dir && is_framework_file(&entry.path))
        .map(|entry| entry.path)
        .collect();
    files.into_iter().map(Ok).collect()
}

/// What identifies a found entry, so a file found twice is loaded once.
fn found_key(found: &Result<PathBuf, LoadError>) -> PathBuf {
    match found {
        Ok(path) => disk::canonical(path),
        Err(error) => error.path().to_owned(),
    }
}
