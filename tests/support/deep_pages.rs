//! Pages nested the way a broken or hostile page nests them (issue 23), generated where they are
//! used and never stored: unclosed wrappers, nested tables, divs and lists, thousands of levels
//! deep, and formatting elements the HTML standard re-opens in every new block. Each overflowed
//! the stack or took time growing with the square of its depth before the reader capped the depth
//! of the tree it builds.
//!
//! Shared by the import tests, the window's drop and paste tests and the import benchmark.

#![allow(dead_code)] // Each user takes its own subset.

/// One way of nesting a page: what opens a level, what closes it, and how many levels.
#[derive(Debug, Clone, Copy)]
pub struct Shape {
    /// A short name for messages and file names.
    pub name: &'static str,
    /// The markup that opens one level; `#` in it stands for the level's number.
    open: &'static str,
    /// The markup that closes one level; empty when the levels are never closed.
    close: &'static str,
    /// How many levels.
    pub depth: usize,
    /// Whether what follows the levels lies outside them (each level is closed, or closes
    /// itself), rather than at their bottom.
    pub closed: bool,
}

/// The shapes, at the depths that broke the reader (280 KB to 2.2 MB each).
pub const SHAPES: [Shape; 5] = [
    Shape {
        name: "unclosed-wrappers",
        open: "<div><span><b>",
        close: "",
        depth: 20_000,
        closed: false,
    },
    Shape {
        name: "nested-tables",
        open: "<table><tr><td>",
        close: "</td></tr></table>",
        depth: 30_000,
        closed: true,
    },
    Shape {
        name: "nested-divs",
        open: "<div>",
        close: "</div>",
        depth: 200_000,
        closed: true,
    },
    Shape {
        name: "nested-lists",
        open: "<ul><li>",
        close: "</li></ul>",
        depth: 100_000,
        closed: true,
    },
    // Each block re-opens every formatting element left open when the previous one closed (the
    // standard keeps three alike; these differ): level n builds n elements, nested.
    Shape {
        name: "reopened-formatting",
        open: "<div><b id=#>.</div>",
        close: "",
        depth: 20_000,
        closed: true,
    },
];

impl Shape {
    /// `inside` at the bottom of the nesting.
    #[must_use]
    pub fn around(&self, inside: &str) -> String {
        let mut page =
            String::with_capacity((self.open.len() + self.close.len()) * self.depth + inside.len());
        for level in 0..self.depth {
            match self.open.split_once('#') {
                Some((start, end)) => {
                    page.push_str(start);
                    page.push_str(&level.to_string());
                    page.push_str(end);
                }
                None => page.push_str(self.open),
            }
        }
        page.push_str(inside);
        for _ in 0..self.depth {
            page.push_str(self.close);
        }
        page
    }

    /// The nesting opened and closed, then `after`.
    #[must_use]
    pub fn before(&self, after: &str) -> String {
        self.around("") + after
    }
}
