//! Saved web pages and pasted HTML: the page's text, laid out as a browser's copy lays it out, for
//! the text importer to read.
//!
//! The page is parsed by a real HTML5 parser (html5ever, through `scraper`'s tree), which decodes
//! entities and mends broken markup. Its text is then written one block per line: a table row is
//! its cells separated by tabs, a list item is a line of its own (no bullet mark), headings,
//! paragraphs and the bold labels in them ("**Timeline:** …") are lines of text, a `<br>` ends a
//! line and a `<pre>` keeps its lines (and tabs) as they are. What is not the assessment is left
//! out: the head, scripts, styles and templates, forms, hidden elements, and the page's
//! navigation, header, footer and asides (`<nav>`, `<header>`, `<footer>`, `<aside>` and the ARIA
//! roles `navigation`, `banner`, `contentinfo`, `complementary`).
//!
//! ## Bounded work, whatever the page
//!
//! A saved page or a clipboard may hold anything, so the work of reading one is bounded by its
//! size, as browsers bound theirs. The tokens pass from html5ever's tokenizer to its tree builder
//! through a filter ([`bounds`]), in one stream (no tree is built first and walked again):
//!
//! - **At most [`MAX_DEPTH`] (512) levels**, as in Chromium's HTML parser: a start tag that would
//!   open an element below the 512th level of open elements is read as if it were not there, and
//!   so is its end tag; its content joins the element at the 512th level. The page is *read
//!   flattened* rather than refused, as a browser shows it: an assessment page never comes near
//!   that depth, so it reads as it always did, and a broken wrapper around it (a page that never
//!   closes its `<div>`s) costs nothing. When the flattened text does not import, the error says
//!   from which line of the file the page was too deep ([`Page::flattened_from`]). Without the
//!   cap, each new level makes the parser's scope checks walk every open element (time growing
//!   with the square of the depth), and a walk of the tree by recursion overflows the stack.
//! - **Formatting elements are spans.** The standard re-opens every formatting element (`<b>`,
//!   `<i>`, `<font>` …) left open at the end of a block in each new block, and keeps up to three
//!   alike but any number that differ in their attributes: a page of `<div><b id=n>…</div>`
//!   builds n elements for its n-th block, a tree growing with the square of the page. Their
//!   names change nothing in the text, so they are read as `<span>`s, which are never re-opened.
//!   `<a>` keeps its name (it is one of SVG's elements too): the standard never re-opens more than
//!   one link.
//! - **A repeated `<html>` or `<body>` tag loses its attributes**, which the standard would add to
//!   the first one by one.
//! - **Every walk is a loop.** The text is written in one pass over the tree's open and close
//!   edges; the tree lives in one vector (`ego_tree`), so dropping it is a loop too.
//!
//! Left as it is: html5ever's tokenizer checks each attribute of a tag against the tag's earlier
//! ones, so a single tag with hundreds of thousands of attributes takes time growing with the
//! square of their number (about a second for 40,000 in a debug build).

mod bounds;

use std::path::Path;

use ego_tree::NodeId;
use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node};

use super::lines::clean;

/// The deepest the tree of a page goes, in open elements (`<html>` and `<body>` included):
/// Chromium's HTML parser stops nesting at 512 levels, far below any assessment page.
pub const MAX_DEPTH: usize = 512;

/// Elements whose content is never the assessment.
const LEFT_OUT: [&str; 17] = [
    "head", "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
    "button", "select", "textarea", "svg", "iframe", "object", "canvas",
];

/// ARIA landmark roles of a page's navigation, header, footer and side bars.
const LEFT_OUT_ROLES: [&str; 4] = ["navigation", "banner", "contentinfo", "complementary"];

/// Elements that start and end a line of text (block boxes in a browser).
const BLOCKS: [&str; 33] = [
    "address",
    "article",
    "blockquote",
    "body",
    "caption",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "html",
    "li",
    "main",
    "ol",
    "p",
    "section",
    "summary",
    "table",
    "tbody",
    "tfoot",
    "thead",
    "ul",
    "center",
];

/// Whether a file is a web page: its name ends in `.html`, `.htm` or `.xhtml`, or its content
/// starts (after a byte-order mark and blank space) with `<!doctype` or `<html`.
#[must_use]
pub fn is_html(name: Option<&Path>, content: &str) -> bool {
    let by_name = name
        .and_then(Path::extension)
        .and_then(|e| e.to_str())
        .is_some_and(|e| {
            ["html", "htm", "xhtml"]
                .iter()
                .any(|x| e.eq_ignore_ascii_case(x))
        });
    let start: String = content
        .trim_start_matches(|c: char| c == '\u{FEFF}' || c.is_whitespace())
        .chars()
        .take(9)
        .collect::<String>()
        .to_ascii_lowercase();
    by_name || start.starts_with("<!doctype") || start.starts_with("<html")
}

/// A web page read for its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// The page's text, as [`page_text`] gives it.
    pub text: String,
    /// The line of the file from which the page nests its elements more than [`MAX_DEPTH`]
    /// levels deep, if it does: the deeper elements were read as if they were not there, their
    /// text kept at the deepest level.
    pub flattened_from: Option<u64>,
}

/// The text of a web page (a whole document or a fragment, such as the clipboard's HTML) as the
/// text importer reads it: one block per line, table cells separated by tabs, no bullet marks,
/// navigation, header, footer, scripts and styles left out.
#[must_use]
pub fn page_text(html: &str) -> String {
    read_page(html).text
}

/// Reads a web page for its text ([`page_text`]), saying whether its nesting was capped.
#[must_use]
pub fn read_page(html: &str) -> Page {
    let parsed = bounds::parse(html);
    Page {
        text: text_of(&parsed.document),
        flattened_from: parsed.flattened_from,
    }
}

/// The text of a parsed page, in one pass over the open and close edges of its tree.
fn text_of(document: &Html) -> String {
    let mut text = PageText::default();
    // The element whose content is being skipped, until it closes.
    let mut skipping: Option<NodeId> = None;
    for edge in document.root_element().traverse() {
        match edge {
            Edge::Open(node) if skipping.is_none() => {
                if !text.open(node) {
                    skipping = Some(node.id());
                }
            }
            Edge::Open(_) => {}
            Edge::Close(node) if skipping == Some(node.id()) => skipping = None,
            Edge::Close(node) if skipping.is_none() => text.close(node),
            Edge::Close(_) => {}
        }
    }
    text.page.end_line();
    text.page.lines.join("\n")
}

/// A node of a page's tree.
type NodeRef<'a> = ego_tree::NodeRef<'a, Node>;

/// The page's text as it is written: the page's lines, and those of the table cells being
/// written (innermost last), which become one line of their row each.
#[derive(Default)]
struct PageText {
    /// The page's lines.
    page: Lines,
    /// The cells being written, innermost last.
    cells: Vec<Lines>,
}

/// Lines of text as they are written, and the cells of the table row being written.
#[derive(Default)]
struct Lines {
    /// The finished lines.
    lines: Vec<String>,
    /// The line being written.
    current: String,
    /// The cells of the row being written: its line once it ends.
    row: Option<Vec<String>>,
}

impl Lines {
    /// Ends the line being written, if it holds any text.
    fn end_line(&mut self) {
        let line = clean(&std::mem::take(&mut self.current));
        if !line.is_empty() {
            self.lines.push(line);
        }
    }

    /// The text of a table cell on one line: its blocks and lines joined by spaces.
    fn into_cell(mut self) -> String {
        self.end_line();
        self.lines.join(" ").replace('\t', " ")
    }
}

impl PageText {
    /// Where text goes: the innermost cell being written, else the page.
    fn lines(&mut self) -> &mut Lines {
        self.cells.last_mut().unwrap_or(&mut self.page)
    }

    /// Writes what a node opens with; whether to go on into what it holds.
    fn open(&mut self, node: NodeRef<'_>) -> bool {
        match node.value() {
            // Text directly in a row is not in a cell: a browser moves it out of the table.
            Node::Text(text) if !is_row(node.parent()) => {
                // Line breaks and tabs in the source are spaces on the page.
                let lines = self.lines();
                lines.current.extend(
                    text.chars()
                        .map(|c| if c.is_whitespace() { ' ' } else { c }),
                );
                true
            }
            Node::Element(_) => ElementRef::wrap(node).is_some_and(|e| self.open_element(e)),
            _ => true,
        }
    }

    /// Writes what an element opens with; whether to go on into what it holds.
    fn open_element(&mut self, element: ElementRef<'_>) -> bool {
        let name = element.value().name();
        if is_row(element.parent()) {
            // A row holds its cells and nothing else.
            if is_cell(name) {
                self.cells.push(Lines::default());
            }
            return is_cell(name);
        }
        if is_left_out(element) {
            return false;
        }
        let lines = self.lines();
        match name {
            "br" => lines.end_line(),
            "tr" => {
                lines.end_line();
                lines.row = Some(Vec::new());
            }
            "pre" => {
                lines.end_line();
                let text: String = element.text().collect();
                lines
                    .lines
                    .extend(text.lines().map(|l| l.trim_end().to_owned()));
                return false;
            }
            _ if BLOCKS.contains(&name) => lines.end_line(),
            _ => {}
        }
        true
    }

    /// Writes what an element whose content was written closes with.
    fn close(&mut self, node: NodeRef<'_>) {
        let Some(element) = ElementRef::wrap(node) else {
            return;
        };
        let name = element.value().name();
        if is_row(element.parent()) {
            if let Some(cell) = self.cells.pop() {
                let cell = cell.into_cell();
                self.lines().row.get_or_insert_default().push(cell);
            }
            return;
        }
        let lines = self.lines();
        if name == "tr" {
            if let Some(cells) = lines.row.take() {
                lines.lines.push(cells.join("\t"));
            }
        } else if BLOCKS.contains(&name) {
            lines.end_line();
        }
    }
}

/// Whether a node is a table row.
fn is_row(node: Option<NodeRef<'_>>) -> bool {
    node.and_then(ElementRef::wrap)
        .is_some_and(|e| e.value().name() == "tr")
}

/// Whether an element name is a table cell's.
fn is_cell(name: &str) -> bool {
    matches!(name, "td" | "th")
}

/// Whether an element is not part of the assessment: a page's navigation, header, footer or side
/// bar, a script or style, a form, or hidden.
fn is_left_out(element: ElementRef<'_>) -> bool {
    let value = element.value();
    let role = value.attr("role").unwrap_or_default();
    LEFT_OUT.contains(&value.name())
        || LEFT_OUT_ROLES.iter().any(|r| role.eq_ignore_ascii_case(r))
        || value.attr("hidden").is_some()
        || value.attr("aria-hidden") == Some("true")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_lists_and_labels_become_lines_without_the_page_around_them() {
        let html = "<!DOCTYPE html><html><head><title>t</title><style>p{}</style></head><body>\
            <nav><a href=/>Home</a></nav><header><h1>Site</h1></header><main>\
            <h2>Role&nbsp;Definition</h2><table><tr><th>Field</th><th>Value</th></tr>\
            <tr><td>Job Title</td><td>Backend/API <b>Developer</b> &amp; more</td></tr></table>\
            <p><strong>Survival strategy:</strong></p><ul><li>One\n  item</li><li>Two<br>lines</li></ul>\
            <script>var x = '<p>no</p>';</script><pre>a\tb\n c</pre></main>\
            <footer>© 2026</footer><div role=\"contentinfo\">Legal</div><p hidden>secret</p></body></html>";
        assert_eq!(
            page_text(html),
            "Role Definition\nField\tValue\nJob Title\tBackend/API Developer & more\n\
             Survival strategy:\nOne item\nTwo\nlines\na\tb\n c"
        );
    }

    #[test]
    fn nesting_deeper_than_512_levels_is_read_flattened_losing_no_text() {
        let levels = 600;
        let page: String = (0..levels).map(|i| format!("<div>level {i}\n")).collect();
        let text = page_text(&page);
        // Every level's text is there, in order…
        let words: Vec<String> = (0..levels).map(|i| format!("level {i}")).collect();
        assert_eq!(text.replace('\n', " "), words.join(" "));
        // …the levels down to the cap on lines of their own, the deeper ones on the last.
        let lines: Vec<&str> = text.lines().collect();
        assert!(
            (500..=512).contains(&lines.len()),
            "line count {}",
            lines.len()
        );
        let last = lines.len() - 1;
        assert!(lines[last].starts_with(&format!("level {last} level {}", last + 1)));
        assert!(lines[last].ends_with(&format!("level {}", levels - 1)));
    }

    #[test]
    fn a_page_too_deep_to_import_says_from_which_line_it_was_read_flattened() {
        let shallow = "<p>intro</p>\n<p>Role Definition";
        let error = crate::text_format::import_html(shallow).unwrap_err();
        assert!(!error.to_string().contains("levels deep"), "{error}");
        let deep = format!("<p>intro</p>\n{}\n<p>Role Definition", "<div>".repeat(600));
        let error = crate::text_format::import_html(&deep)
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("more than 512 levels deep from line 2"),
            "{error}"
        );
    }

    #[test]
    fn pages_are_known_by_name_or_by_their_start() {
        assert!(is_html(Some(Path::new("page.HTM")), "text"));
        assert!(is_html(None, "\u{FEFF}\n  <!DOCTYPE html><p>"));
        assert!(is_html(None, "<HTML lang=en>"));
        assert!(!is_html(Some(Path::new("copied.txt")), "Role Definition"));
    }
}
