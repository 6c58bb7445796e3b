//! The parse of a page with its work bounded (see the [parent module](super) for why): html5ever's
//! tokenizer feeds its tree builder through a [`DepthCap`], which reads formatting elements as
//! spans, leaves out start tags below [`MAX_DEPTH`] levels (and their end tags), and drops the
//! attributes of repeated `<html>` and `<body>` tags.
//!
//! The open elements are counted with the tree builder's own [`TreeBuilder::trace_handles`],
//! which shows every handle it holds (the open elements, the formatting elements, the document,
//! the head and the form): a count never below the real depth, taken again only after a tag went
//! through, as only tags open and close elements past the body.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use ego_tree::NodeId;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use html5ever::tree_builder::{Tracer, TreeBuilder, TreeBuilderOpts, TreeSink};
use html5ever::{LocalName, TokenizerResult};
use scraper::{Html, HtmlTreeSink};

use super::MAX_DEPTH;

/// Formatting elements (the standard's list, but `<a>`): read as `<span>`s.
const FORMATTING: [&str; 13] = [
    "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
];

/// Elements that never hold others in HTML content: void elements, and those whose content the
/// tokenizer reads as text up to their end tag. They open at most one level, and are never left
/// out by the depth cap (their content would otherwise be read as markup).
const NEVER_NEST: [&str; 29] = [
    "area",
    "base",
    "basefont",
    "bgsound",
    "br",
    "col",
    "embed",
    "frame",
    "hr",
    "image",
    "img",
    "input",
    "keygen",
    "link",
    "meta",
    "param",
    "source",
    "track",
    "wbr",
    "iframe",
    "noembed",
    "noframes",
    "noscript",
    "plaintext",
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
];

/// Elements the standard merges into the first of their name: a repeated start tag adds its
/// attributes to it, one at a time (work growing with the square of their number).
const MERGED: [&str; 2] = ["html", "body"];

/// A page's tree, built with its depth capped.
pub(super) struct Parsed {
    /// The tree.
    pub document: Html,
    /// The line from which elements were left out for depth.
    pub flattened_from: Option<u64>,
}

/// Parses a page as `Html::parse_document` does, through a [`DepthCap`].
pub(super) fn parse(html: &str) -> Parsed {
    let builder = TreeBuilder::new(
        HtmlTreeSink::new(Html::new_document()),
        TreeBuilderOpts::default(),
    );
    let tokenizer = Tokenizer::new(DepthCap::new(builder), TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    // The tokenizer pauses after each `</script>` (where a browser would run it): go on.
    while !matches!(tokenizer.feed(&input), TokenizerResult::Done) {}
    tokenizer.end();
    let cap = tokenizer.sink;
    Parsed {
        flattened_from: cap.flattened_from.get(),
        document: cap.builder.sink.finish(),
    }
}

/// Sits between the tokenizer and the tree builder: formatting tags become `<span>`s, start tags
/// that would open an element below [`MAX_DEPTH`] levels are left out with their end tags, and
/// repeated `<html>` and `<body>` tags lose their attributes.
struct DepthCap {
    /// The tree builder the tokens go on to.
    builder: TreeBuilder<NodeId, HtmlTreeSink>,
    /// The handles the tree builder holds, when last counted; `None` once a tag went through.
    held: Cell<Option<usize>>,
    /// Start tags left out, by name: as many end tags of each name are left out next.
    left_out: RefCell<HashMap<LocalName, usize>>,
    /// The line of the first start tag left out.
    flattened_from: Cell<Option<u64>>,
    /// The `<html>` and `<body>` start tags seen, by name.
    merged_seen: RefCell<Vec<LocalName>>,
}

impl DepthCap {
    fn new(builder: TreeBuilder<NodeId, HtmlTreeSink>) -> Self {
        Self {
            builder,
            held: Cell::new(None),
            left_out: RefCell::new(HashMap::new()),
            flattened_from: Cell::new(None),
            merged_seen: RefCell::new(Vec::new()),
        }
    }

    /// Reads a tag as the tree builder is to see it: a formatting element as a `<span>`, a
    /// repeated `<html>` or `<body>` without its attributes.
    fn rename(&self, tag: &mut Tag) {
        if FORMATTING.contains(&&*tag.name) {
            tag.name = LocalName::from("span");
        }
        if tag.kind == TagKind::StartTag && MERGED.contains(&&*tag.name) {
            let mut seen = self.merged_seen.borrow_mut();
            if seen.contains(&tag.name) {
                tag.attrs.clear();
            } else {
                seen.push(tag.name.clone());
            }
        }
    }

    /// Whether a tag goes on to the tree builder. A start tag does while fewer than
    /// [`MAX_DEPTH`] handles are held (or when it cannot nest); an end tag does unless a start
    /// tag of its name was left out and not yet matched.
    fn admits(&self, tag: &Tag, line: u64) -> bool {
        match tag.kind {
            TagKind::StartTag => {
                if self.held() < MAX_DEPTH || self.never_nests(tag) {
                    return true;
                }
                *self
                    .left_out
                    .borrow_mut()
                    .entry(tag.name.clone())
                    .or_default() += 1;
                if self.flattened_from.get().is_none() {
                    self.flattened_from.set(Some(line));
                }
                false
            }
            TagKind::EndTag => match self.left_out.borrow_mut().get_mut(&tag.name) {
                Some(unmatched) if *unmatched > 0 => {
                    *unmatched -= 1;
                    false
                }
                _ => true,
            },
        }
    }

    /// Whether a start tag opens at most one level: one of [`NEVER_NEST`] in HTML content (in
    /// SVG or MathML the same names may nest).
    fn never_nests(&self, tag: &Tag) -> bool {
        NEVER_NEST.contains(&&*tag.name)
            && !self
                .builder
                .adjusted_current_node_present_but_not_in_html_namespace()
    }

    /// How many handles the tree builder holds: its open elements and a few more (counted again
    /// only after a tag went through, as only tags open and close elements past the body).
    fn held(&self) -> usize {
        if let Some(held) = self.held.get() {
            return held;
        }
        let count = Count::default();
        self.builder.trace_handles(&count);
        self.held.set(Some(count.0.get()));
        count.0.get()
    }
}

impl TokenSink for DepthCap {
    type Handle = NodeId;

    fn process_token(&self, token: Token, line: u64) -> TokenSinkResult<NodeId> {
        let Token::TagToken(mut tag) = token else {
            return self.builder.process_token(token, line);
        };
        self.rename(&mut tag);
        if !self.admits(&tag, line) {
            return TokenSinkResult::Continue;
        }
        self.held.set(None);
        self.builder.process_token(Token::TagToken(tag), line)
    }

    fn end(&self) {
        self.builder.end();
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.builder
            .adjusted_current_node_present_but_not_in_html_namespace()
    }
}

/// Counts the handles [`TreeBuilder::trace_handles`] shows it.
#[derive(Default)]
struct Count(Cell<usize>);

impl Tracer for Count {
    type Handle = NodeId;

    fn trace_handle(&self, _: &NodeId) {
        self.0.set(self.0.get() + 1);
    }
}

#[cfg(test)]
#[path = "../../../tests/support/deep_pages.rs"]
mod deep_pages;

#[cfg(test)]
mod tests {
    use ego_tree::iter::Edge;

    use super::*;

    /// The depth of the deepest node of a tree, counted in one pass over its edges.
    fn deepest(document: &Html) -> usize {
        let (mut depth, mut deepest) = (0_usize, 0);
        for edge in document.tree.root().traverse() {
            match edge {
                Edge::Open(_) => {
                    depth += 1;
                    deepest = deepest.max(depth);
                }
                Edge::Close(_) => depth -= 1,
            }
        }
        deepest
    }

    #[test]
    fn every_deep_shape_builds_a_tree_at_most_512_deep_and_no_larger_than_its_tags() {
        for shape in deep_pages::SHAPES {
            let page = shape.around("<p>end</p>");
            let parsed = parse(&page);
            // The document node and a text node may lie below the 512 open elements.
            let depth = deepest(&parsed.document);
            assert!(depth <= MAX_DEPTH + 2, "{}: {depth} deep", shape.name);
            let tags = page.matches('<').count();
            let nodes = parsed.document.tree.nodes().count();
            assert!(
                nodes <= 2 * tags,
                "{}: node count {nodes} against tag count {tags}",
                shape.name
            );
            assert_eq!(
                parsed.flattened_from.is_some(),
                shape.name != "reopened-formatting",
                "{}",
                shape.name
            );
        }
    }
}
