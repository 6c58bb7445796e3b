//! The little world typst compiles the report in: one template, the fonts shipped in
//! `assets/fonts`, the report's figures as the input `report`, a fixed date, and read access to
//! the template's own folder (for a logo) and nothing else: no system fonts, no packages, no
//! network, so the same figures always give the same PDF.

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Dict, IntoValue};
use typst::syntax::{FileId, PathError, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World, WorldExt};

/// The fonts every report can use: DejaVu Sans, regular, bold and oblique (license alongside).
static FONT_FILES: [&[u8]; 3] = [
    include_bytes!("../../assets/fonts/DejaVuSans.ttf"),
    include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf"),
    include_bytes!("../../assets/fonts/DejaVuSans-Oblique.ttf"),
];

/// The fonts, parsed once.
static FONTS: LazyLock<Vec<Font>> = LazyLock::new(|| {
    FONT_FILES
        .iter()
        .flat_map(|data| Font::iter(Bytes::new(*data)))
        .collect()
});

/// A template's text and where it came from.
#[derive(Debug, Clone)]
pub(super) struct TemplateSource {
    /// The markup.
    pub text: String,
    /// The folder whose files the template may read (its own), if it is a file on disk.
    pub folder: Option<PathBuf>,
    /// The file name messages give it.
    pub name: String,
}

/// One compilation of the report.
pub(super) struct ReportWorld {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    main: Source,
    folder: Option<PathBuf>,
    today: Datetime,
}

impl ReportWorld {
    /// A world that typesets `template` with the figures `report_json` (given to the template as
    /// `sys.inputs.report`) on the date `today`. The template is the file `/NAME` of its folder;
    /// fails only for a name typst cannot take as a path.
    pub fn new(
        template: &TemplateSource,
        report_json: &str,
        today: Datetime,
    ) -> Result<Self, PathError> {
        let mut inputs = Dict::new();
        inputs.insert("report".into(), report_json.into_value());
        let vpath = VirtualPath::new(format!("/{}", template.name))?;
        let id = FileId::new(RootedPath::new(VirtualRoot::Project, vpath));
        Ok(Self {
            library: LazyHash::new(Library::builder().with_inputs(inputs).build()),
            book: LazyHash::new(FontBook::from_fonts(FONTS.iter())),
            main: Source::new(id, template.text.clone()),
            folder: template.folder.clone(),
            today,
        })
    }

    /// Where a diagnostic points, as "line L, column C" (1-based) of the template, when it points
    /// into it.
    pub fn position(&self, diagnostic: &SourceDiagnostic) -> Option<(usize, usize)> {
        if diagnostic.span.id() != Some(self.main.id()) {
            return None;
        }
        let range = self.range(diagnostic.span)?;
        let (line, column) = self.main.lines().byte_to_line_column(range.start)?;
        Some((line + 1, column + 1))
    }

    /// The path of a file the template names, inside its folder.
    fn path_of(&self, id: FileId) -> FileResult<PathBuf> {
        let rooted = id.get();
        if !matches!(rooted.root(), VirtualRoot::Project) {
            return Err(FileError::Other(Some(
                "the client report uses no typst packages: put what the template needs beside it"
                    .into(),
            )));
        }
        let Some(folder) = &self.folder else {
            return Err(FileError::NotFound(PathBuf::from(
                rooted.vpath().get_without_slash(),
            )));
        };
        rooted.vpath().realize(folder).map_err(FileError::Realize)
    }
}

/// Reads a file of the template's folder.
fn read(path: &Path) -> FileResult<Vec<u8>> {
    if path.is_dir() {
        return Err(FileError::IsDirectory);
    }
    std::fs::read(path).map_err(|e| FileError::from_io(e, path))
}

impl World for ReportWorld {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            return Ok(self.main.clone());
        }
        let bytes = read(&self.path_of(id)?)?;
        let text = String::from_utf8(bytes).map_err(|_| FileError::InvalidUtf8)?;
        Ok(Source::new(id, text))
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.main.id() {
            return Ok(Bytes::from_string(self.main.clone()));
        }
        Ok(Bytes::new(read(&self.path_of(id)?)?))
    }

    fn font(&self, index: usize) -> Option<Font> {
        FONTS.get(index).cloned()
    }

    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}
