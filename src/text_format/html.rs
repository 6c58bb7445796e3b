//! Saved web pages and pasted HTML: the page's text, laid out as a browser's copy lays it out, for
//! the text importer to read.
//!
//! The page is parsed by a real HTML5 parser (`scraper`, i.e. html5ever), which decodes entities
//! and mends broken markup. Its text is then written one block per line: a table row is its cells
//! separated by tabs, a list item is a line of its own (no bullet mark), headings, paragraphs and
//! the bold labels in them ("**Timeline:** …") are lines of text, a `<br>` ends a line and a
//! `<pre>` keeps its lines (and tabs) as they are. What is not the assessment is left out: the
//! head, scripts, styles and templates, forms, hidden elements, and the page's navigation, header,
//! footer and asides (`<nav>`, `<header>`, `<footer>`, `<aside>` and the ARIA roles `navigation`,
//! `banner`, `contentinfo`, `complementary`).

use std::path::Path;

use scraper::{ElementRef, Html, Node};

use super::lines::clean;

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

/// The text of a web page (a whole document or a fragment, such as the clipboard's HTML) as the
/// text importer reads it: one block per line, table cells separated by tabs, no bullet marks,
/// navigation, header, footer, scripts and styles left out.
#[must_use]
pub fn page_text(html: &str) -> String {
    let document = Html::parse_document(html);
    let mut text = PageText::default();
    text.element(document.root_element());
    text.end_line();
    text.lines.join("\n")
}

/// The page's text as it is written out.
#[derive(Default)]
struct PageText {
    /// The finished lines.
    lines: Vec<String>,
    /// The line being written.
    current: String,
}

impl PageText {
    /// Ends the line being written, if it holds any text.
    fn end_line(&mut self) {
        let line = clean(&std::mem::take(&mut self.current));
        if !line.is_empty() {
            self.lines.push(line);
        }
    }

    /// Writes an element and what it holds.
    fn element(&mut self, element: ElementRef<'_>) {
        let name = element.value().name();
        if is_left_out(element) {
            return;
        }
        match name {
            "br" => self.end_line(),
            "tr" => {
                self.end_line();
                let cells: Vec<String> = element
                    .child_elements()
                    .filter(|cell| matches!(cell.value().name(), "td" | "th"))
                    .map(cell_text)
                    .collect();
                self.lines.push(cells.join("\t"));
            }
            "pre" => {
                self.end_line();
                let text: String = element.text().collect();
                self.lines
                    .extend(text.lines().map(|l| l.trim_end().to_owned()));
            }
            _ if BLOCKS.contains(&name) => {
                self.end_line();
                self.children(element);
                self.end_line();
            }
            _ => self.children(element),
        }
    }

    /// Writes the text and elements an element holds.
    fn children(&mut self, element: ElementRef<'_>) {
        for child in element.children() {
            match child.value() {
                Node::Text(text) => {
                    // Line breaks and tabs in the source are spaces on the page.
                    self.current.extend(
                        text.chars()
                            .map(|c| if c.is_whitespace() { ' ' } else { c }),
                    );
                }
                Node::Element(_) => {
                    if let Some(inner) = ElementRef::wrap(child) {
                        self.element(inner);
                    }
                }
                _ => {}
            }
        }
    }
}

/// The text of a table cell on one line: its blocks and lines joined by spaces.
fn cell_text(cell: ElementRef<'_>) -> String {
    let mut text = PageText::default();
    text.children(cell);
    text.end_line();
    text.lines.join(" ").replace('\t', " ")
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
    fn pages_are_known_by_name_or_by_their_start() {
        assert!(is_html(Some(Path::new("page.HTM")), "text"));
        assert!(is_html(None, "\u{FEFF}\n  <!DOCTYPE html><p>"));
        assert!(is_html(None, "<HTML lang=en>"));
        assert!(!is_html(Some(Path::new("copied.txt")), "Role Definition"));
    }
}
