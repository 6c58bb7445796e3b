//! Saved comparisons (`*.aijri-compare.json`, `spec/file-format.md`, "Additions"): a title, the
//! roles compared (each by file, relative to the comparison file's folder, and by `meta.id`), notes
//! and the framework. An adviser keeps one per client; the role files stay where they are, and a
//! role whose file moved is found again by its id.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::library::{
    self, FileError, FileKind, SaveError, UTF8_BOM, folder_of, relative_path, resolve_relative,
};
use crate::model::{Extra, PUBLISHED_FRAMEWORK_ID};

/// The value of the `format` field of every comparison file.
pub const COMPARISON_FORMAT: &str = "aijri-comparison";
/// The major version of the comparison format this program reads and writes.
pub const COMPARISON_VERSION: u32 = 1;
/// The extension of comparison files.
pub const COMPARISON_EXTENSION: &str = ".aijri-compare.json";

/// The most roles a saved comparison lists (`spec/file-format.md`): far more than an adviser
/// compares for a client, few enough that every view of them stays quick.
pub const MAX_ROLES: usize = 1_000;

/// Whether a path names a comparison file (`*.aijri-compare.json`).
#[must_use]
pub fn is_comparison_file(path: &Path) -> bool {
    library::has_extension(path, COMPARISON_EXTENSION)
}

/// A saved comparison: the roles an adviser compares for one client.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    /// Always [`COMPARISON_FORMAT`].
    pub format: String,
    /// The format's major version; files with a newer one are refused.
    pub version: u32,
    /// The title, e.g. the client's initials: "Options for J.S.".
    #[serde(default)]
    pub title: String,
    /// The date the comparison was made, ISO 8601.
    #[serde(default)]
    pub created: String,
    /// The id of the framework the roles are compared under.
    #[serde(default = "published_framework_id")]
    pub framework: String,
    /// Free text.
    #[serde(default)]
    pub notes: String,
    /// The roles, in the order they are compared.
    #[serde(default)]
    pub roles: Vec<ComparedRole>,
    /// Fields this program does not know, kept on rewrite.
    #[serde(flatten)]
    pub extra: Extra,
}

fn published_framework_id() -> String {
    PUBLISHED_FRAMEWORK_ID.to_owned()
}

/// One role of a comparison: its file and its `meta.id`, to find it again should the file move.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ComparedRole {
    /// The assessment file: relative to the comparison file's folder in the file (absolute paths
    /// are accepted when reading); absolute in a comparison being built, made relative on saving.
    pub file: String,
    /// The assessment's `meta.id`.
    pub id: String,
    /// Fields this program does not know, kept on rewrite.
    #[serde(flatten)]
    pub extra: Extra,
}

impl ComparedRole {
    /// A role by its file (made absolute, so the comparison can be saved anywhere) and id.
    #[must_use]
    pub fn new(file: &Path, id: &str) -> Self {
        let absolute = std::path::absolute(file).unwrap_or_else(|_| file.to_owned());
        Self {
            file: absolute.to_string_lossy().into_owned(),
            id: id.to_owned(),
            extra: Extra::new(),
        }
    }

    /// The role as the user reads it in messages: its file and its id.
    #[must_use]
    pub fn describe(&self) -> String {
        match (self.file.is_empty(), self.id.is_empty()) {
            (false, false) => format!("{} (id `{}`)", self.file, self.id),
            (false, true) => self.file.clone(),
            (true, _) => format!("id `{}`", self.id),
        }
    }
}

/// Where a role of a comparison was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location<T> {
    /// Its file is where the comparison says.
    File(PathBuf),
    /// Its file is not there, but an assessment with its id is: whatever the caller's look-up
    /// gave (a path, a document).
    ById(T),
    /// Neither: the role is listed as missing.
    Missing,
}

/// Why a comparison file could not be read. Every variant names the file.
#[derive(Debug, Error)]
pub enum ComparisonError {
    /// The file could not be read, is over [`library::MAX_FILE_BYTES`], or is not JSON of the
    /// comparison format (the field named where known).
    #[error(transparent)]
    File(#[from] FileError),
    /// A field holds what a comparison cannot have.
    #[error("{path}: {field}: {message}")]
    Invalid {
        /// The file.
        path: PathBuf,
        /// The field at fault: `format`, `version`, `roles[2]`.
        field: String,
        /// What is wrong.
        message: String,
    },
}

impl Comparison {
    /// A comparison of no roles yet, under `framework`, made on `created` (ISO 8601).
    #[must_use]
    pub fn new(title: &str, created: &str, framework: &str) -> Self {
        Self {
            format: COMPARISON_FORMAT.to_owned(),
            version: COMPARISON_VERSION,
            title: title.to_owned(),
            created: created.to_owned(),
            framework: framework.to_owned(),
            notes: String::new(),
            roles: Vec::new(),
            extra: Extra::new(),
        }
    }

    /// Reads and checks the bytes of a comparison file; `path` only names the file in errors.
    ///
    /// # Errors
    /// Malformed JSON or a field of the wrong type (with line, column and field); a `format` other
    /// than `aijri-comparison`, a newer `version`, more than [`MAX_ROLES`] roles, a role with
    /// neither file nor id.
    pub fn parse(bytes: &[u8], path: &Path) -> Result<Self, ComparisonError> {
        let bytes = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
        let comparison: Self = serde_json::from_slice(bytes)
            .map_err(|error| FileError::json::<Self>(bytes, path, &error))?;
        comparison.check(path)?;
        Ok(comparison)
    }

    /// Reads and checks a comparison file. The roles' files come back taken from the comparison
    /// file's folder (absolute when `path` is), so the comparison can be saved anywhere and still
    /// name the same files.
    ///
    /// # Errors
    /// As [`Comparison::parse`], or the file cannot be read or is over 5 MB.
    pub fn load(path: &Path) -> Result<Self, ComparisonError> {
        let mut comparison =
            Self::parse(&library::read_limited(path, FileKind::Comparison)?, path)?;
        let files = comparison.role_files(path);
        for (role, file) in comparison.roles.iter_mut().zip(files) {
            if let Some(file) = file {
                role.file = file.to_string_lossy().into_owned();
            }
        }
        Ok(comparison)
    }

    fn check(&self, path: &Path) -> Result<(), ComparisonError> {
        let invalid = |field: String, message: String| ComparisonError::Invalid {
            path: path.to_owned(),
            field,
            message,
        };
        if self.format != COMPARISON_FORMAT {
            return Err(invalid(
                "format".into(),
                format!(
                    "is \"{}\", expected \"{COMPARISON_FORMAT}\": not an AIJRI comparison",
                    self.format
                ),
            ));
        }
        if self.version > COMPARISON_VERSION {
            return Err(invalid(
                "version".into(),
                format!(
                    "the file uses comparison format version {}, but this program reads version {COMPARISON_VERSION}; open it with a newer AIJRI Desk",
                    self.version
                ),
            ));
        }
        if self.roles.len() > MAX_ROLES {
            return Err(invalid(
                "roles".into(),
                format!(
                    "lists {}; a comparison may list at most {MAX_ROLES}",
                    crate::fmt::count(self.roles.len(), "role", "roles")
                ),
            ));
        }
        match self
            .roles
            .iter()
            .position(|r| r.file.trim().is_empty() && r.id.trim().is_empty())
        {
            Some(i) => Err(invalid(
                format!("roles[{i}]"),
                "names neither a file nor an id".into(),
            )),
            None => Ok(()),
        }
    }

    /// The comparison as saved to `path`: pretty JSON, keys in the format's order, each role's
    /// file relative to `path`'s folder, ending in a newline.
    #[must_use]
    pub fn to_json(&self, path: &Path) -> String {
        let folder = folder_of(path);
        let mut saved = self.clone();
        for role in saved.roles.iter_mut().filter(|r| !r.file.is_empty()) {
            let file = resolve_relative(folder, &role.file);
            role.file = relative_path(&file, folder);
        }
        // Strings, numbers and lists always serialise.
        let mut text = serde_json::to_string_pretty(&saved).unwrap_or_default();
        text.push('\n');
        text
    }

    /// Saves the comparison to `path`, atomically (see [`library::write_atomic`]). The roles'
    /// files are held absolute ([`ComparedRole::new`], [`Comparison::load`]); one held relative is
    /// taken from `path`'s folder.
    ///
    /// # Errors
    /// The folder is not writable, the disk is full, or the rename fails.
    pub fn save(&self, path: &Path) -> Result<(), SaveError> {
        library::write_atomic(path, self.to_json(path).as_bytes())
    }

    /// The file each role names, taken from the folder of the comparison file at `path`; `None`
    /// for a role given by id only.
    #[must_use]
    pub fn role_files(&self, path: &Path) -> Vec<Option<PathBuf>> {
        let folder = folder_of(path);
        self.roles
            .iter()
            .map(|r| (!r.file.is_empty()).then(|| resolve_relative(folder, &r.file)))
            .collect()
    }

    /// Where each role is, in the comparison's order: at its file (relative to the comparison file
    /// at `path`) when that exists, else what `find_id` finds for its `meta.id` (a look-up in the
    /// library), else missing.
    pub fn locate<T>(
        &self,
        path: &Path,
        mut find_id: impl FnMut(&str) -> Option<T>,
    ) -> Vec<Location<T>> {
        self.role_files(path)
            .into_iter()
            .zip(&self.roles)
            .map(|(file, role)| {
                if let Some(file) = file.filter(|f| f.is_file()) {
                    Location::File(file)
                } else if role.id.is_empty() {
                    Location::Missing
                } else {
                    find_id(&role.id).map_or(Location::Missing, Location::ById)
                }
            })
            .collect()
    }
}
