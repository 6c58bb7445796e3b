//! The client report: a PDF of one to a few roles that the adviser hands over or e-mails
//! (`spec/product.md`, "Client sessions"). The figures and sentences are written here (see
//! [`content`], through [`crate::fmt`] and [`crate::report`], so they read as in the window and
//! on the command line); the layout is a typst template, `assets/report/client-report.typ`, that an
//! organisation can replace with its own ([`Template::File`]). typst typesets it in a small world
//! of our own ([`world`]): the shipped fonts, no packages, a fixed date, so the same figures give
//! the same PDF.

mod content;
mod world;

use std::path::{Path, PathBuf};

use typst::diag::SourceDiagnostic;
use typst::foundations::{Datetime, Smart};
use typst_layout::PagedDocument;

pub use content::{ReportData, ReportRole};

use crate::fmt;
use world::{ReportWorld, TemplateSource};

/// The template shipped with the program.
pub const SHIPPED_TEMPLATE: &str = include_str!("../../assets/report/client-report.typ");

/// The file name of the shipped template, and of a template override in the data folder.
pub const TEMPLATE_FILE_NAME: &str = "client-report.typ";

/// The paper a report is laid out on.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Paper {
    /// ISO A4, 210 × 297 mm.
    #[default]
    A4,
    /// US Letter, 8.5 × 11 in.
    Letter,
}

impl Paper {
    /// Every paper size, as Preferences lists them.
    pub const ALL: [Self; 2] = [Self::A4, Self::Letter];

    /// The paper's name as typst knows it: the template's `paper` (`report.paper`).
    #[must_use]
    pub fn typst_name(self) -> &'static str {
        match self {
            Self::A4 => "a4",
            Self::Letter => "us-letter",
        }
    }

    /// The paper's name for people: "A4", "US Letter".
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::A4 => "A4",
            Self::Letter => "US Letter",
        }
    }
}

impl std::str::FromStr for Paper {
    type Err = String;

    /// `a4` or `letter` (any case), as `report --paper` takes them.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text.trim().to_ascii_lowercase().as_str() {
            "a4" => Ok(Self::A4),
            "letter" | "us-letter" => Ok(Self::Letter),
            other => Err(format!("{other}: the paper is a4 or letter")),
        }
    }
}

/// Which template lays the report out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Template {
    /// The one shipped with the program.
    Shipped,
    /// An organisation's own; files it names (a logo) are read from its folder. Should it not
    /// load or compile, the shipped one is used and [`Typeset::template_problem`] says why.
    File(PathBuf),
}

/// The day a report is dated: today, or a fixed day for reproducible output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReportDate {
    /// The year, e.g. 2026.
    pub year: i32,
    /// The month, 1–12.
    pub month: u8,
    /// The day of the month, 1–31.
    pub day: u8,
}

impl ReportDate {
    /// Today, in UTC.
    #[must_use]
    pub fn today() -> Self {
        let now = time::OffsetDateTime::now_utc();
        Self {
            year: now.year(),
            month: u8::from(now.month()),
            day: now.day(),
        }
    }

    /// Whether it is a day of the calendar (not 31 April).
    #[must_use]
    pub fn is_valid(self) -> bool {
        time::Month::try_from(self.month)
            .ok()
            .and_then(|month| time::Date::from_calendar_date(self.year, month, self.day).ok())
            .is_some()
    }

    /// The date as the report writes it: "1 December 2026".
    #[must_use]
    pub fn text(self) -> String {
        fmt::date(self.year, self.month, self.day)
    }

    /// The date for typst (the `today` of the world and the PDF's creation date), midnight UTC.
    fn datetime(self) -> Result<Datetime, ReportError> {
        Datetime::from_ymd_hms(self.year, self.month, self.day, 0, 0, 0)
            .ok_or_else(|| ReportError::Date(self.text()))
    }
}

/// What stops a report from being made.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    /// Nothing to report on.
    #[error("no roles to put in the report")]
    NoRoles,
    /// The date is not a calendar date.
    #[error("the report date {0} is not a calendar date")]
    Date(String),
    /// The shipped template failed (a bug in the program, not in the user's data).
    #[error("the shipped report template failed: {0}")]
    Shipped(String),
    /// typst could not write the PDF.
    #[error("writing the PDF failed: {0}")]
    Pdf(String),
}

/// A report laid out: its pages, and why the chosen template was not used, if it was not.
pub struct Typeset {
    /// The pages.
    pub document: PagedDocument,
    /// Why the shipped template was used instead of the chosen one: the template file, the line
    /// and column, and what typst found wrong there.
    pub template_problem: Option<String>,
}

/// A report as PDF.
#[derive(Debug, Clone)]
pub struct Rendered {
    /// The PDF file's bytes.
    pub pdf: Vec<u8>,
    /// How many pages it has.
    pub pages: usize,
    /// Why the shipped template was used instead of the chosen one (see [`Typeset`]).
    pub template_problem: Option<String>,
}

/// Lays out the report of `data` with `template`, falling back to the shipped template when the
/// chosen one cannot be read or has an error.
///
/// # Errors
/// When the shipped template itself fails, or the date is not a date.
pub fn typeset(data: &ReportData, template: &Template) -> Result<Typeset, ReportError> {
    if data.roles.is_empty() {
        return Err(ReportError::NoRoles);
    }
    let json = serde_json::to_string(data).map_err(|e| ReportError::Shipped(e.to_string()))?;
    let today = data.date.datetime()?;
    let shipped = || TemplateSource {
        text: SHIPPED_TEMPLATE.to_owned(),
        folder: None,
        name: TEMPLATE_FILE_NAME.to_owned(),
    };
    let template_problem = match template {
        Template::Shipped => None,
        Template::File(path) => match read_template(path) {
            Ok(source) => match compile(&source, &json, today) {
                Ok(document) => {
                    return Ok(Typeset {
                        document,
                        template_problem: None,
                    });
                }
                Err(problem) => Some(format!("{}: {problem}", path.display())),
            },
            Err(problem) => Some(problem),
        },
    };
    let document = compile(&shipped(), &json, today).map_err(ReportError::Shipped)?;
    Ok(Typeset {
        document,
        template_problem: template_problem
            .map(|problem| format!("{problem}; the shipped template was used instead")),
    })
}

/// Makes the PDF of the report of `data` with `template` (see [`typeset`]). The PDF is dated
/// `data.date`, so the same figures on the same day give the same bytes.
///
/// # Errors
/// As [`typeset`], and when typst cannot write the PDF.
pub fn render_pdf(data: &ReportData, template: &Template) -> Result<Rendered, ReportError> {
    let typeset = typeset(data, template)?;
    let timestamp = typst_pdf::Timestamp::new_utc(data.date.datetime()?);
    let options = typst_pdf::PdfOptions {
        ident: Smart::Custom(data.document_title.clone()),
        timestamp: Some(timestamp),
        ..typst_pdf::PdfOptions::default()
    };
    let pdf = typst_pdf::pdf(&typeset.document, &options)
        .map_err(|errors| ReportError::Pdf(messages(&errors)))?;
    Ok(Rendered {
        pdf,
        pages: typeset.document.pages().len(),
        template_problem: typeset.template_problem,
    })
}

/// A template file's text, or what is wrong with reading it.
fn read_template(path: &Path) -> Result<TemplateSource, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("{}: cannot read the report template: {e}", path.display()))?;
    let name = path
        .file_name()
        .map_or_else(|| TEMPLATE_FILE_NAME.into(), |n| n.to_string_lossy());
    Ok(TemplateSource {
        text,
        folder: path.parent().map(Path::to_owned),
        name: name.into_owned(),
    })
}

/// Compiles a template with the figures; the error names the line and column of the first error.
fn compile(
    template: &TemplateSource,
    json: &str,
    today: Datetime,
) -> Result<PagedDocument, String> {
    let world = ReportWorld::new(template, json, today)
        .map_err(|e| format!("the template's name {} is not usable: {e}", template.name))?;
    typst::compile::<PagedDocument>(&world)
        .output
        .map_err(|errors| {
            let first = errors.first().map_or_else(String::new, |error| {
                let place = world
                    .position(error)
                    .map_or_else(String::new, |(line, column)| {
                        format!("line {line}, column {column}: ")
                    });
                format!("{place}{}", error.message)
            });
            match errors.len() {
                0 | 1 => first,
                n => format!(
                    "{first} (and {} more)",
                    fmt::count(n - 1, "error", "errors")
                ),
            }
        })
}

/// typst's messages on one line.
fn messages(errors: &[SourceDiagnostic]) -> String {
    errors
        .iter()
        .map(|e| e.message.as_str())
        .collect::<Vec<_>>()
        .join("; ")
}
