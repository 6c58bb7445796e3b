//! `aijri-desk report`: the client report (PDF) of assessments, written atomically.

use std::path::{Path, PathBuf};

use super::pathways_command::{Resolving, report_library_errors};
use super::{Streams, Under, nothing_found};
use crate::client_report::{self, Paper, ReportData, ReportDate, ReportRole, Template};
use crate::comparison::{Comparison, is_comparison_file};
use crate::framework::Resolved;
use crate::library::{self, LoadError};
use crate::pathways::Library;

/// What `report` was asked for.
pub(super) struct ReportRequest<'a> {
    /// Assessment files, library folders and saved comparisons, as given.
    pub paths: &'a [PathBuf],
    /// The assessment files they hold, in order (a comparison's roles in its place), or the error
    /// that stands in for one.
    pub found: Vec<Result<PathBuf, LoadError>>,
    /// The folders of the library the roles' options under "where to look next" are found in.
    pub library: &'a [PathBuf],
    /// The report's title.
    pub title: Option<&'a str>,
    /// The PDF to write.
    pub out: &'a Path,
    /// The template, when not the shipped one.
    pub template: Option<&'a Path>,
    /// The date, when not today.
    pub date: Option<ReportDate>,
    /// The paper.
    pub paper: Paper,
}

/// Writes the report of every file found. Nothing is written when a file does not load. The
/// title is `--title`, else the first saved comparison's. Returns whether everything went as
/// asked: a template that could not be used (the shipped one stood in), or a library file that
/// did not load (left out of the library), makes it `false` although the PDF is written.
pub(super) fn write_report(
    request: ReportRequest,
    under: &Under,
    io: &mut Streams,
) -> std::io::Result<bool> {
    let Some((roles, library_complete)) =
        load_roles(request.paths, request.found, request.library, under, io)?
    else {
        return Ok(false);
    };
    let title = request
        .title
        .map(str::to_owned)
        .or_else(|| comparison_title(request.paths));
    let data = ReportData::new(
        title.as_deref(),
        request.date.unwrap_or_else(ReportDate::today),
        &roles,
    )
    .on_paper(request.paper);
    let template = request
        .template
        .map_or(Template::Shipped, |path| Template::File(path.to_owned()));
    let rendered = match client_report::render_pdf(&data, &template) {
        Ok(rendered) => rendered,
        Err(e) => {
            writeln!(io.err, "{}: {e}", request.out.display())?;
            return Ok(false);
        }
    };
    if let Some(problem) = &rendered.template_problem {
        writeln!(io.err, "{problem}")?;
    }
    if let Err(e) = library::write_atomic(request.out, &rendered.pdf) {
        writeln!(io.err, "{e}")?;
        return Ok(false);
    }
    writeln!(
        io.out,
        "wrote {} ({}, {})",
        request.out.display(),
        crate::fmt::count(roles.len(), "role", "roles"),
        crate::fmt::count(rendered.pages, "page", "pages")
    )?;
    Ok(rendered.template_problem.is_none() && library_complete)
}

/// The roles of the files in `paths`, each with the framework it is scored under and its options
/// resolved in the library below `library`, and whether every library file loaded; `None` (with
/// each problem on `io.err`) when a role does not load or there is none.
fn load_roles(
    paths: &[PathBuf],
    found: Vec<Result<PathBuf, LoadError>>,
    library: &[PathBuf],
    under: &Under,
    io: &mut Streams,
) -> std::io::Result<Option<(Vec<ReportRole>, bool)>> {
    if found.is_empty() {
        writeln!(io.err, "{}", nothing_found(paths))?;
        return Ok(None);
    }
    let resolving = Resolving::load(found, library, under);
    let library_complete = report_library_errors(&resolving, io.err)?;
    let library_roles = resolving.library_roles();
    let library = Library::new(&library_roles);
    let mut roles = Vec::new();
    let mut complete = true;
    for role in &resolving.roles {
        match role {
            Ok(at) => {
                let (file, source) = resolving.file(at);
                let assessment = &file.assessment;
                let Resolved { framework, missing } = under.resolve(&file.path, assessment);
                roles.push(ReportRole {
                    framework: framework.clone(),
                    missing_framework: missing,
                    options: library.pathway(assessment, file.result, source).figures(),
                    assessment: assessment.clone(),
                });
            }
            Err(e) => {
                writeln!(io.err, "{e}")?;
                complete = false;
            }
        }
    }
    if !complete {
        writeln!(io.err, "no report written: every file must load")?;
    }
    Ok(complete.then_some((roles, library_complete)))
}

/// The title of the first saved comparison among `paths` that has one.
fn comparison_title(paths: &[PathBuf]) -> Option<String> {
    paths
        .iter()
        .filter(|path| is_comparison_file(path))
        .filter_map(|path| Comparison::load(path).ok())
        .map(|comparison| comparison.title)
        .find(|title| !title.trim().is_empty())
}

/// Reads `--paper a4|letter`.
///
/// # Errors
/// A message naming the option and the sizes it takes.
pub(super) fn parse_paper(text: &str) -> Result<Paper, String> {
    text.parse().map_err(|e| format!("--paper {e}"))
}

/// Reads `--date YYYY-MM-DD`.
///
/// # Errors
/// A message naming the option and what is wrong.
pub(super) fn parse_date(text: &str) -> Result<ReportDate, String> {
    let wrong = || format!("--date {text}: expected a date as YYYY-MM-DD, e.g. 2026-12-01");
    let mut parts = text.trim().splitn(3, '-');
    let mut next = || parts.next().ok_or_else(wrong);
    let (year, month, day) = (next()?, next()?, next()?);
    let date = ReportDate {
        year: year.parse().map_err(|_| wrong())?,
        month: month.parse().map_err(|_| wrong())?,
        day: day.parse().map_err(|_| wrong())?,
    };
    date.is_valid().then_some(date).ok_or_else(wrong)
}
