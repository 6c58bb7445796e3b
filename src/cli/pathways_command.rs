//! `aijri-desk pathways`: each role's options under "where to look next", resolved in a library
//! (the folders of the inputs, or `--library DIR`); and the library the client report resolves
//! its roles' options in ([`Resolving`]).

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::{Streams, Under, comparisons, nothing_found, parallel, show_paths, with_frameworks};
use crate::fmt;
use crate::library::{self, LoadError};
use crate::model::{Assessment, Zone};
use crate::pathways::{self, Library, LibraryRole, MatchedBy, Pathway, PathwayOption};
use crate::scoring::{self, FinalResult};

/// What `pathways` was asked for.
pub(super) struct PathwaysRequest<'a> {
    /// Assessment files, folders and saved comparisons, as given.
    pub paths: &'a [PathBuf],
    /// The assessment files they hold, in order, or the error that stands in for one.
    pub found: Vec<Result<PathBuf, LoadError>>,
    /// The folders of the library.
    pub folders: &'a [PathBuf],
    /// One JSON object per role and line instead of text.
    pub json: bool,
}

/// Runs `command` on the roles `paths` name (the files found, a saved comparison's roles in its
/// place) and the folders of the library their options are found in ([`library_folders`]),
/// under the framework `choice` names or each role's own, among those beside the roles and the
/// library. Fails without running it when `--library` names no folder.
pub(super) fn with_library(
    paths: &[PathBuf],
    library: Option<&Path>,
    choice: Option<&str>,
    err: &mut dyn Write,
    command: impl FnOnce(
        Vec<Result<PathBuf, LoadError>>,
        &[PathBuf],
        &Under,
        &mut dyn Write,
    ) -> std::io::Result<bool>,
) -> std::io::Result<bool> {
    let mut targets = comparisons::expand(paths);
    let folders = match library_folders(library, paths, &targets.found) {
        Ok(folders) => folders,
        Err(message) => {
            writeln!(err, "{message}")?;
            return Ok(false);
        }
    };
    targets.beside.extend(folders.iter().cloned());
    let found = std::mem::take(&mut targets.found);
    with_frameworks(&targets, choice, err, |under, err| {
        command(found, &folders, under, err)
    })
}

/// The folders a library is read from: `--library DIR`, else the folders of the inputs (each
/// folder given, and the folder of each file found, a comparison's roles included), leaving out
/// those below another, so no file is read twice.
///
/// # Errors
/// `--library` names no folder: the message says so.
fn library_folders(
    library: Option<&Path>,
    paths: &[PathBuf],
    found: &[Result<PathBuf, LoadError>],
) -> Result<Vec<PathBuf>, String> {
    if let Some(library) = library {
        return if library.is_dir() {
            Ok(vec![library.to_owned()])
        } else {
            Err(format!("--library {}: no such folder", library.display()))
        };
    }
    let given = paths.iter().filter(|p| p.is_dir()).cloned();
    let of_files = found
        .iter()
        .flatten()
        .map(|file| library::folder_of(file).to_owned());
    let candidates: Vec<PathBuf> = given.chain(of_files).collect();
    let keys: Vec<PathBuf> = candidates.iter().map(|p| same_file_key(p)).collect();
    Ok(candidates
        .iter()
        .zip(&keys)
        .enumerate()
        .filter(|&(i, (_, key))| {
            !keys
                .iter()
                .enumerate()
                .any(|(j, other)| j != i && key.starts_with(other) && (key != other || j < i))
        })
        .map(|(_, (folder, _))| folder.clone())
        .collect())
}

/// What tells two paths of one file apart from two files: the path with links and `..` resolved,
/// where it exists.
fn same_file_key(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned())
}

/// One assessment file of the library, loaded and scored.
pub(super) struct LibraryFile {
    /// The file.
    pub path: PathBuf,
    /// The assessment.
    pub assessment: Assessment,
    /// Its final result under the framework it is scored under.
    pub result: Option<FinalResult>,
}

impl LibraryFile {
    /// The file at `path`, loaded and scored, or why it did not load.
    fn load(found: Result<PathBuf, LoadError>, under: &Under) -> Result<Self, LoadError> {
        let (path, assessment) = library::read_found(found);
        let assessment = assessment?;
        let framework = under.resolve(&path, &assessment).framework;
        let result = scoring::score(&assessment, framework).final_result();
        Ok(Self {
            path,
            assessment,
            result,
        })
    }
}

/// Where a role given is.
pub(super) enum RoleAt {
    /// In the library, at this index.
    Library(usize),
    /// Outside the library (`--library` elsewhere).
    Outside(Box<LibraryFile>),
}

/// The roles given and the library their options are resolved in, every file loaded once.
pub(super) struct Resolving {
    /// The library's files that loaded, in the order of [`library::files_in`].
    pub library: Vec<LibraryFile>,
    /// The library's files that did not load and are none of the roles given (whose errors come
    /// with them).
    pub library_errors: Vec<LoadError>,
    /// The roles given, in order, or the error that stands in for one.
    pub roles: Vec<Result<RoleAt, LoadError>>,
}

impl Resolving {
    /// Loads the library below `folders` (on every core, unless [`super::THREADS_VAR`] is 1)
    /// and the roles `found`, each scored under `under`.
    pub(super) fn load(
        found: Vec<Result<PathBuf, LoadError>>,
        folders: &[PathBuf],
        under: &Under,
    ) -> Self {
        let loaded = library::map_in_order(library::files_in(folders), parallel(), |f| {
            LibraryFile::load(f, under)
        });
        let mut library = Vec::new();
        let mut failed: Vec<Option<LoadError>> = Vec::new();
        let mut places: HashMap<PathBuf, Result<usize, usize>> = HashMap::new();
        for file in loaded {
            match file {
                Ok(file) => {
                    places.insert(same_file_key(&file.path), Ok(library.len()));
                    library.push(file);
                }
                Err(error) => {
                    places.insert(same_file_key(error.path()), Err(failed.len()));
                    failed.push(Some(error));
                }
            }
        }
        let roles = found
            .into_iter()
            .map(|role| {
                let path = role?;
                match places.get(&same_file_key(&path)) {
                    Some(&Ok(index)) => Ok(RoleAt::Library(index)),
                    Some(&Err(slot)) => match failed[slot].take() {
                        Some(error) => Err(error),
                        None => LibraryFile::load(Ok(path), under)
                            .map(|file| RoleAt::Outside(Box::new(file))),
                    },
                    None => LibraryFile::load(Ok(path), under)
                        .map(|file| RoleAt::Outside(Box::new(file))),
                }
            })
            .collect();
        Self {
            library,
            library_errors: failed.into_iter().flatten().collect(),
            roles,
        }
    }

    /// The library as [`pathways`] takes it.
    pub(super) fn library_roles(&self) -> Vec<LibraryRole<'_>> {
        self.library
            .iter()
            .map(|file| LibraryRole {
                file: &file.path,
                assessment: &file.assessment,
                result: file.result,
            })
            .collect()
    }

    /// A role given: its file, and its index in the library when it is there.
    pub(super) fn file<'s>(&'s self, at: &'s RoleAt) -> (&'s LibraryFile, Option<usize>) {
        match at {
            RoleAt::Library(index) => (&self.library[*index], Some(*index)),
            RoleAt::Outside(file) => (file.as_ref(), None),
        }
    }
}

/// Writes each role's options resolved in the library, then (as text) how the library's links
/// resolve. Whether every file, roles and library, loaded.
pub(super) fn run(
    request: PathwaysRequest,
    under: &Under,
    io: &mut Streams,
) -> std::io::Result<bool> {
    if request.found.is_empty() {
        writeln!(io.err, "{}", nothing_found(request.paths))?;
        return Ok(false);
    }
    let resolving = Resolving::load(request.found, request.folders, under);
    let mut all_loaded = report_library_errors(&resolving, io.err)?;
    let roles = resolving.library_roles();
    let library = Library::new(&roles);
    // One write per buffer, not one per line: standard output is line-buffered.
    let mut out = std::io::BufWriter::new(&mut *io.out);
    for role in &resolving.roles {
        let at = match role {
            Ok(at) => at,
            Err(error) => {
                writeln!(io.err, "{error}")?;
                all_loaded = false;
                continue;
            }
        };
        let (file, source) = resolving.file(at);
        let pathway = library.pathway(&file.assessment, file.result, source);
        if request.json {
            serde_json::to_writer(&mut out, &json_line(file, &pathway, &library))?;
            writeln!(out)?;
        } else {
            write_text(file, &pathway, &library, under, &mut out)?;
        }
    }
    if !request.json {
        write_summary(&library, request.folders, &mut out)?;
    }
    out.flush()?;
    Ok(all_loaded)
}

/// Names each library file that did not load, on `err`; whether there was none.
pub(super) fn report_library_errors(
    resolving: &Resolving,
    err: &mut dyn Write,
) -> std::io::Result<bool> {
    for error in &resolving.library_errors {
        writeln!(err, "{error} (left out of the library)")?;
    }
    Ok(resolving.library_errors.is_empty())
}

/// The `--json` line of one role, with exactly the documented keys in their order. Scores are
/// as displayed (one decimal), so `change` is the difference of the figures given.
#[derive(Serialize)]
struct PathwaysLine<'a> {
    file: String,
    title: &'a str,
    score: Option<f64>,
    zone: Option<Zone>,
    options: Vec<OptionLine<'a>>,
}

/// One option of a `--json` line.
#[derive(Serialize)]
struct OptionLine<'a> {
    title: &'a str,
    published: Option<f64>,
    note: &'a str,
    #[serde(rename = "match")]
    matched: Option<MatchLine<'a>>,
    change: Option<f64>,
}

/// The library role an option resolved to, in a `--json` line.
#[derive(Serialize)]
struct MatchLine<'a> {
    file: String,
    id: &'a str,
    title: &'a str,
    seniority: &'a str,
    score: Option<f64>,
    zone: Option<Zone>,
}

/// The `--json` line of one role.
fn json_line<'a>(
    file: &'a LibraryFile,
    pathway: &'a Pathway<'a>,
    library: &Library<'a>,
) -> PathwaysLine<'a> {
    let displayed = |result: Option<FinalResult>| result.map(|r| scoring::displayed_score(r.score));
    let options = pathway
        .options
        .iter()
        .map(|option| OptionLine {
            title: &option.related.title,
            published: option.figures.published,
            note: &option.related.note,
            matched: option.matched.as_ref().map(|m| {
                let role = &library.roles()[m.index];
                MatchLine {
                    file: role.file.display().to_string(),
                    id: &role.assessment.meta.id,
                    title: &role.assessment.role.title,
                    seniority: &role.assessment.role.seniority,
                    score: displayed(m.result),
                    zone: m.result.map(|r| r.zone),
                }
            }),
            change: option.change,
        })
        .collect();
    PathwaysLine {
        file: file.path.display().to_string(),
        title: &file.assessment.role.title,
        score: displayed(file.result),
        zone: file.result.map(|r| r.zone),
        options,
    }
}

/// One role and its options as text.
fn write_text(
    file: &LibraryFile,
    pathway: &Pathway<'_>,
    library: &Library<'_>,
    under: &Under,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let assessment = &file.assessment;
    writeln!(out, "== {}", file.path.display())?;
    let standing = file.result.map_or_else(
        || "no score".to_owned(),
        |r| format!("{} {}", fmt::score(r.score), r.zone.name()),
    );
    writeln!(out, "{}: {standing}", assessment.display_title())?;
    if pathway.options.is_empty() {
        writeln!(out, "Where to look next: no roles named")?;
    } else {
        writeln!(out, "Where to look next:")?;
    }
    // A published figure's zone is read under the role's own framework, as the report does.
    let framework = under.resolve(&file.path, assessment).framework;
    for option in &pathway.options {
        let change = option
            .change
            .map_or_else(String::new, |c| format!(", {}", fmt::score_delta(c)));
        writeln!(
            out,
            "  {} — {}{change}",
            option.related.title,
            option.figures.text(framework)
        )?;
        writeln!(out, "    {}", where_found(option, library))?;
        if !option.related.note.trim().is_empty() {
            writeln!(out, "    {}", option.related.note)?;
        }
    }
    writeln!(out)
}

/// Where the option was found: "in the library: Senior Software Engineer, lib/sse.aijri.json",
/// "not in the library".
fn where_found(option: &PathwayOption<'_>, library: &Library<'_>) -> String {
    let stale = match (&option.related.id, option.stale_link) {
        (Some(id), true) => format!("; its link {id} names no role of the library"),
        _ => String::new(),
    };
    if option.names_itself {
        return format!("this role itself, no pathway{stale}");
    }
    let Some(matched) = &option.matched else {
        return format!("not in the library{stale}");
    };
    let role = &library.roles()[matched.index];
    let how = match matched.by {
        MatchedBy::Id => " (linked)",
        MatchedBy::Title => "",
    };
    let others = match matched.alternatives.len() {
        0 => String::new(),
        n => format!(
            "; {}",
            crate::fmt::count(n, "other role matches too", "other roles match too")
        ),
    };
    format!(
        "in the library{how}: {}, {}{others}{stale}",
        role.assessment.display_title(),
        role.file.display()
    )
}

/// How the library's links resolve, and the titles it lacks.
fn write_summary(
    library: &Library<'_>,
    folders: &[PathBuf],
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let summary = pathways::summary(&library.pathways());
    let roles = crate::fmt::count(library.roles().len(), "role", "roles");
    writeln!(
        out,
        "Library: {roles} in {}; {} of {}",
        show_paths(folders),
        summary.resolved,
        crate::fmt::count(summary.links, "link resolves", "links resolve")
    )?;
    if !summary.missing.is_empty() {
        let missing: Vec<String> = summary
            .missing
            .iter()
            .map(|m| {
                let by = crate::fmt::count(m.named_by.len(), "role", "roles");
                format!("{} (named by {by})", m.title)
            })
            .collect();
        writeln!(out, "Not in the library: {}", missing.join(", "))?;
    }
    Ok(())
}
