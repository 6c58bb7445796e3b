//! Web pages built from structure rather than bytes: a list of steps (open elements, close them,
//! misnest them, write text, repeat a level thousands of times deep or side by side) makes pages
//! of up to 5 MB that nest the way broken and hostile pages do, from a few bytes of input. The
//! import answers with an assessment or an error naming a line of the page's text, never a panic,
//! and says where it read the page flattened only when it did.
//!
//! The steps are read into a flat list and written out by a loop, so neither `arbitrary` nor the
//! target recurses on the page's depth.

#![no_main]

use aijri_desk::text_format::{html, import_html};
use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;

/// The largest page a step list writes: the import limit.
const MAX_PAGE: usize = 5 * 1024 * 1024;

/// Element names: blocks, tables, lists, formatting, raw text, foreign content, left-out parts.
#[derive(Arbitrary, Debug, Clone, Copy)]
enum Name {
    Div,
    Span,
    P,
    B,
    I,
    A,
    Font,
    Nobr,
    Table,
    Tbody,
    Tr,
    Td,
    Th,
    Caption,
    Ul,
    Ol,
    Li,
    Dl,
    Dt,
    Dd,
    Pre,
    Br,
    Hr,
    Img,
    H2,
    Script,
    Style,
    Textarea,
    Title,
    Template,
    Select,
    Option,
    Object,
    Svg,
    Math,
    ForeignObject,
    Desc,
    Mi,
    Nav,
    Header,
    Footer,
    Aside,
    Form,
    Button,
    Body,
    Html,
    Custom(u8),
}

impl Name {
    fn write(self, page: &mut String) {
        let name = match self {
            Self::Div => "div",
            Self::Span => "span",
            Self::P => "p",
            Self::B => "b",
            Self::I => "i",
            Self::A => "a",
            Self::Font => "font",
            Self::Nobr => "nobr",
            Self::Table => "table",
            Self::Tbody => "tbody",
            Self::Tr => "tr",
            Self::Td => "td",
            Self::Th => "th",
            Self::Caption => "caption",
            Self::Ul => "ul",
            Self::Ol => "ol",
            Self::Li => "li",
            Self::Dl => "dl",
            Self::Dt => "dt",
            Self::Dd => "dd",
            Self::Pre => "pre",
            Self::Br => "br",
            Self::Hr => "hr",
            Self::Img => "img",
            Self::H2 => "h2",
            Self::Script => "script",
            Self::Style => "style",
            Self::Textarea => "textarea",
            Self::Title => "title",
            Self::Template => "template",
            Self::Select => "select",
            Self::Option => "option",
            Self::Object => "object",
            Self::Svg => "svg",
            Self::Math => "math",
            Self::ForeignObject => "foreignObject",
            Self::Desc => "desc",
            Self::Mi => "mi",
            Self::Nav => "nav",
            Self::Header => "header",
            Self::Footer => "footer",
            Self::Aside => "aside",
            Self::Form => "form",
            Self::Button => "button",
            Self::Body => "body",
            Self::Html => "html",
            Self::Custom(n) => {
                page.push_str("x-");
                page.push_str(&n.to_string());
                return;
            }
        };
        page.push_str(name);
    }
}

/// An attribute: the ones the reader looks at, and numbered ones that make elements differ.
#[derive(Arbitrary, Debug, Clone, Copy)]
enum Attribute {
    Hidden,
    AriaHidden,
    RoleNavigation,
    Id(u16),
    Class(u8),
    Color,
}

impl Attribute {
    fn write(self, page: &mut String) {
        match self {
            Self::Hidden => page.push_str(" hidden"),
            Self::AriaHidden => page.push_str(" aria-hidden=true"),
            Self::RoleNavigation => page.push_str(" role=navigation"),
            Self::Id(n) => page.push_str(&format!(" id={n}")),
            Self::Class(n) => page.push_str(&format!(" class=c{n}")),
            Self::Color => page.push_str(" color=red"),
        }
    }
}

/// A start tag.
#[derive(Arbitrary, Debug, Clone)]
struct Start {
    name: Name,
    attributes: Vec<Attribute>,
    /// Written `<name/>`.
    self_closing: bool,
}

impl Start {
    fn write(&self, page: &mut String, number: usize) {
        page.push('<');
        self.name.write(page);
        for attribute in &self.attributes {
            attribute.write(page);
        }
        if number > 0 {
            // Elements opened by a repeat differ, so the parser keeps every one of them.
            page.push_str(&format!(" data-n={number}"));
        }
        page.push_str(if self.self_closing { "/>" } else { ">" });
    }
}

/// One step of writing a page.
#[derive(Arbitrary, Debug, Clone)]
enum Step {
    /// Opens an element (remembered, to be closed by `Close`).
    Open(Start),
    /// Closes the innermost element opened and not yet closed.
    Close,
    /// An end tag of any name: stray or misnested.
    End(Name),
    /// Text, possibly with markup characters in it.
    Text(String),
    /// A line of a published assessment, as the importer looks for them.
    Line(Line),
    /// Opens the same elements `times` over, each level inside the last: deep pages.
    Nest {
        /// The elements of one level.
        level: Vec<Start>,
        /// How many levels (up to 65,535).
        times: u16,
        /// Whether each opened element differs from the others (by a numbered attribute).
        numbered: bool,
    },
    /// Writes what the previous step wrote `times` more times, side by side: wide pages.
    Repeat(u16),
    /// Closes every element opened and not yet closed.
    CloseAll,
}

/// Lines of the published text, so that some pages get past the first section.
#[derive(Arbitrary, Debug, Clone, Copy)]
enum Line {
    RoleDefinition,
    FieldRow,
    Protective,
    Tasks,
    Evidence,
    Barriers,
}

impl Line {
    fn text(self) -> &'static str {
        match self {
            Self::RoleDefinition => "<h2>Role Definition</h2>",
            Self::FieldRow => "<tr><td>Job Title</td><td>Deep Page Tester</td></tr>",
            Self::Protective => "<h2>Protective Principles</h2>",
            Self::Tasks => "<h2>Task Decomposition</h2>",
            Self::Evidence => "<h2>Evidence</h2>",
            Self::Barriers => "<h2>Barriers</h2>",
        }
    }
}

/// Writes the steps as a page of at most [`MAX_PAGE`] bytes.
fn write(steps: &[Step]) -> String {
    let mut page = String::new();
    let mut open: Vec<Name> = Vec::new();
    let mut last = String::new();
    for step in steps {
        let start = page.len();
        match step {
            Step::Open(tag) => {
                tag.write(&mut page, 0);
                open.push(tag.name);
            }
            Step::Close => {
                if let Some(name) = open.pop() {
                    end_tag(&mut page, name);
                }
            }
            Step::End(name) => end_tag(&mut page, *name),
            Step::Text(text) => page.push_str(text),
            Step::Line(line) => page.push_str(line.text()),
            Step::Nest {
                level,
                times,
                numbered,
            } => {
                for n in 0..usize::from(*times) {
                    for tag in level {
                        tag.write(&mut page, if *numbered { n + 1 } else { 0 });
                        open.push(tag.name);
                    }
                    if page.len() > MAX_PAGE {
                        break;
                    }
                }
            }
            Step::Repeat(times) => {
                for _ in 0..*times {
                    if page.len() + last.len() > MAX_PAGE {
                        break;
                    }
                    page.push_str(&last);
                }
            }
            Step::CloseAll => {
                while let Some(name) = open.pop() {
                    end_tag(&mut page, name);
                    if page.len() > MAX_PAGE {
                        break;
                    }
                }
            }
        }
        if page.len() > MAX_PAGE {
            break;
        }
        last = page[start..].to_owned();
    }
    page.truncate(page.floor_char_boundary(MAX_PAGE));
    page
}

fn end_tag(page: &mut String, name: Name) {
    page.push_str("</");
    name.write(page);
    page.push('>');
}

fuzz_target!(|steps: Vec<Step>| {
    let page = write(&steps);
    let read = html::read_page(&page);
    let lines = read.text.split('\n').count();
    if let Some(line) = read.flattened_from {
        let file_lines = page.split('\n').count();
        assert!(
            (1..=file_lines as u64).contains(&line),
            "flattened from line {line} of {file_lines}"
        );
    }
    if let Err(error) = import_html(&page) {
        assert!(error.in_page_text, "{error}");
        assert!(
            (1..=lines.max(1)).contains(&error.line),
            "{error} (of {lines} lines of the page's text)"
        );
        assert_eq!(error.flattened_from, read.flattened_from, "{error}");
    }
});
