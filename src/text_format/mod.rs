//! The published text format of an AIJRI assessment (`reference/backend-api-developer.txt` is one
//! instance): pipe tables, labelled lines and free-text sections.
//!
//! [`import`] reads such a text into an [`Assessment`], keeping the figures the text states under
//! `published` and listing every one that differs from the recomputation. It is tolerant of what
//! copy-paste does: Windows line endings, non-breaking and repeated spaces, Unicode minus and dashes
//! in numbers, Markdown bold and headings, blank lines anywhere, table rows with or without outer
//! pipes, separator rows, sections in another order, and missing optional sections (seniority
//! note, quick screen, reinstatement, growth check, composite, sub-label, override, commentary).
//! Section, principle, dimension and barrier names are matched ignoring case, spacing, punctuation
//! and "and"/"&". A text it cannot read gives an [`ImportError`] naming the line and what was
//! expected.
//!
//! It also reads what a browser gives: the text of Select All + Copy (table cells separated by
//! tabs, list items without bullet marks, the page's navigation and title before the assessment
//! and its footer after it) and, through [`import_html`], a saved page or pasted HTML (see
//! [`html`]).
//!
//! [`export`] writes the same layout; exporting the shipped Backend/API Developer file reproduces
//! the reference text line for line (but for the final newline). `import(export(a))` gives back
//! `a` apart from `meta`, `framework`, unknown (`extra`) fields and `published`, which the text does
//! not carry (the import fills `published` with the figures the export wrote), within these limits:
//!
//! - whitespace: leading and trailing spaces of a field and runs of spaces inside it are not kept;
//!   tabs and other control characters become spaces; empty paragraphs are dropped;
//! - line breaks: paragraphs of a free-text section are separated by `"\n\n"`; any other line
//!   break is written `<br>` and read back as `"\n"`;
//! - escapes: `\`, `|` and `*` are written `\\`, `\|`, `\*` (Markdown style) and a line of free
//!   text that would read as structure is written with a leading `\`; unescaped `**` is read as
//!   Markdown bold and dropped;
//! - a reinstatement level cannot contain a full stop; a related role's title cannot contain an em
//!   dash or "(AIJRI", and one without a score cannot contain " - " or " – ";
//! - principle, dimension and barrier names are those of the published framework: a text exported
//!   under a framework with other names does not import.

mod export;
pub mod html;
mod import;
pub(crate) mod lines;
pub(crate) mod parts;
mod sections;

use std::path::Path;

use thiserror::Error;

use crate::framework::Framework;
use crate::model::{Assessment, Role};
use crate::scoring;
use crate::validate::{self, Difference};

pub use export::export;
pub use lines::escape;

/// What `meta.source` says of an imported assessment (the command line sets the file name).
pub const IMPORTED_SOURCE: &str = "imported published text";

/// One row of the role definition table: its name and the field it holds.
pub(crate) struct RoleField {
    /// The row's name in the published text.
    pub name: &'static str,
    /// The field, to write it.
    pub get: fn(&Role) -> &String,
    /// The field, to read it.
    pub get_mut: fn(&mut Role) -> &mut String,
}

/// A [`RoleField`] for a field of [`Role`].
macro_rules! role_field {
    ($name:literal, $field:ident) => {
        RoleField {
            name: $name,
            get: |r| &r.$field,
            get_mut: |r| &mut r.$field,
        }
    };
}

/// The rows of the role definition table, in the published order.
pub(crate) const ROLE_FIELDS: [RoleField; 5] = [
    role_field!("Job Title", title),
    role_field!("Seniority Level", seniority),
    role_field!("Primary Function", primary_function),
    role_field!("What This Role Is NOT", not_this_role),
    role_field!("Typical Experience", typical_experience),
];

/// An assessment read from published text, with the published figures that differ from the
/// recomputation.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    /// The assessment; the figures the text stated are under `published`.
    pub assessment: Assessment,
    /// Every stated figure that differs from the recomputation under the published framework.
    pub differences: Vec<Difference>,
    /// The lines after the assessment that were left out as a copied page's footer.
    pub footer: Option<LeftOut>,
}

/// Lines of a text that an import left out, the first and the last (1-based).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LeftOut {
    /// The first line left out.
    pub first: usize,
    /// The last line left out.
    pub last: usize,
}

impl std::fmt::Display for LeftOut {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.first == self.last {
            write!(f, "line {} was left out as the page's footer", self.first)
        } else {
            write!(
                f,
                "lines {}–{} were left out as the page's footer",
                self.first, self.last
            )
        }
    }
}

/// Why a text could not be imported: the line and what was expected there.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error(
    "line {line}{}: expected {expected}{}{}",
    if *.in_page_text { " of the page's text" } else { "" },
    found_note(.found.as_deref()),
    flattened_note(*.flattened_from)
)]
pub struct ImportError {
    /// 1-based line number.
    pub line: usize,
    /// Whether `line` counts lines of a web page's text ([`html::page_text`]) rather than of the
    /// file: an HTML page is read as its text.
    pub in_page_text: bool,
    /// What the line should have held, e.g. "an evidence row `| Dimension | score | evidence |`".
    pub expected: String,
    /// The start of what the line held, when that helps.
    pub found: Option<String>,
    /// For a web page nested deeper than [`html::MAX_DEPTH`] levels: the line of the file from
    /// which it was read flattened ([`html::Page::flattened_from`]), which may be why its text
    /// does not read.
    pub flattened_from: Option<u64>,
}

/// How much of a damaged line an error quotes.
const FOUND_CHARS: usize = 60;

fn found_note(found: Option<&str>) -> String {
    found.map(|f| format!(", found “{f}”")).unwrap_or_default()
}

fn flattened_note(flattened_from: Option<u64>) -> String {
    flattened_from
        .map(|line| {
            format!(
                " (the page nests its elements more than {} deep from line {line} of the file: what lies deeper was read without its nesting)",
                crate::fmt::count(html::MAX_DEPTH, "level", "levels")
            )
        })
        .unwrap_or_default()
}

impl ImportError {
    /// An error at a line.
    pub(crate) fn new(line: usize, expected: impl Into<String>) -> Self {
        Self {
            line,
            in_page_text: false,
            expected: expected.into(),
            found: None,
            flattened_from: None,
        }
    }

    /// The same error, quoting the start of what the line held.
    pub(crate) fn found(mut self, text: &str) -> Self {
        let mut quoted: String = text.chars().take(FOUND_CHARS).collect();
        if quoted.len() < text.len() {
            quoted.push('…');
        }
        self.found = Some(quoted);
        self
    }
}

/// Reads a published text into an assessment and compares its stated figures with the
/// recomputation under the published framework. `meta.source` is [`IMPORTED_SOURCE`] and
/// `meta.id` is made from the job title.
///
/// # Errors
/// A required section (role definition, protective principles, tasks, evidence, barriers) is
/// missing, a required row is missing or appears twice, or a line cannot be read; the error names
/// the line and what was expected.
pub fn import(text: &str) -> Result<Imported, ImportError> {
    let (assessment, footer) = import::assessment(text, Framework::published())?;
    let breakdown = scoring::score(&assessment, Framework::published());
    let differences =
        validate::published_differences(&assessment, &breakdown, Framework::published());
    Ok(Imported {
        assessment,
        differences,
        footer: footer.map(|(first, last)| LeftOut { first, last }),
    })
}

/// Reads a web page (a saved page or the clipboard's HTML) as [`import`] reads text: its text
/// laid out as [`html::page_text`] does.
///
/// # Errors
/// As [`import`]; the line is a line of the page's text and the error says so, and says from
/// which line of the file the page was read flattened, when it nests deeper than
/// [`html::MAX_DEPTH`] levels.
pub fn import_html(html: &str) -> Result<Imported, ImportError> {
    let page = html::read_page(html);
    import(&page.text).map_err(|error| ImportError {
        in_page_text: true,
        flattened_from: page.flattened_from,
        ..error
    })
}

/// Reads a file's content as a web page when [`html::is_html`] says it is one (by its name or its
/// start), as published text otherwise.
///
/// # Errors
/// As [`import`] and [`import_html`].
pub fn import_file_content(name: Option<&Path>, content: &str) -> Result<Imported, ImportError> {
    if html::is_html(name, content) {
        import_html(content)
    } else {
        import(content)
    }
}
