//! One figure, one string (method §5): no text in `src/` writes a number with a precision of its
//! own (`{:.2}`, `{score:.1}`, `{:>8.2}`, `{:.places$}`, `{:.*}`) — every figure becomes text
//! through `src/fmt.rs`, the one place that rounds. Log lines of timings may opt out, each named
//! in [`ALLOWED`].

// A test fails by panicking; its helpers unwrap what a passing test guarantees.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};

/// Precision formats allowed outside `src/fmt.rs`: (file, a piece of the string literal), each
/// a log line that times the program for its benchmarks, never a figure a user reads.
const ALLOWED: &[(&str, &str)] = &[
    ("src/app/mod.rs", "first frame drawn"),
    ("src/app/opening.rs", "library loaded:"),
];

/// The one place figures become text.
const FORMATTER: &str = "src/fmt.rs";

/// Every `.rs` file below a folder, in path order.
fn rust_files(folder: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut entries: Vec<PathBuf> = std::fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files
}

/// The string literals of Rust source, each with the line it starts on; comments and character
/// literals are skipped, raw strings read to their closing quote and hashes.
fn string_literals(source: &str) -> Vec<(usize, String)> {
    let chars: Vec<char> = source.chars().collect();
    let mut found = Vec::new();
    let (mut i, mut line) = (0, 1);
    let count_lines = |text: &[char]| text.iter().filter(|&&c| c == '\n').count();
    while i < chars.len() {
        let rest = &chars[i..];
        match rest {
            ['/', '/', ..] => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
            }
            ['/', '*', ..] => {
                let end = (i + 2..chars.len().saturating_sub(1))
                    .find(|&j| chars[j] == '*' && chars[j + 1] == '/')
                    .map_or(chars.len(), |j| j + 2);
                line += count_lines(&chars[i..end]);
                i = end;
            }
            ['\'', '\\', ..] => {
                let end = (i + 2..chars.len())
                    .find(|&j| chars[j] == '\'')
                    .unwrap_or(i);
                i = end + 1;
            }
            ['\'', _, '\'', ..] => i += 3,
            ['r', '#', ..] | ['r', '"', ..] if i == 0 || !is_ident(chars[i - 1]) => {
                let hashes = rest[1..].iter().take_while(|&&c| c == '#').count();
                let start = i + 2 + hashes;
                let closing: Vec<char> = std::iter::once('"')
                    .chain(std::iter::repeat_n('#', hashes))
                    .collect();
                let end = (start..chars.len())
                    .find(|&j| chars[j..].starts_with(&closing))
                    .unwrap_or(chars.len());
                found.push((line, chars[start..end].iter().collect()));
                line += count_lines(&chars[i..end]);
                i = end + closing.len();
            }
            ['"', ..] => {
                let mut j = i + 1;
                while j < chars.len() && chars[j] != '"' {
                    j += if chars[j] == '\\' { 2 } else { 1 };
                }
                found.push((line, chars[i + 1..j.min(chars.len())].iter().collect()));
                line += count_lines(&chars[i..j.min(chars.len())]);
                i = j + 1;
            }
            ['\n', ..] => {
                line += 1;
                i += 1;
            }
            _ => i += 1,
        }
    }
    found
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The format arguments in a literal that set a precision: `{:.2}`, `{x:>8.1}`, `{:.n$}`.
fn precision_formats(literal: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = literal;
    while let Some(open) = rest.find('{') {
        rest = &rest[open + 1..];
        if let Some(after) = rest.strip_prefix('{') {
            rest = after;
            continue;
        }
        let Some(close) = rest.find('}') else { break };
        let inside = &rest[..close];
        if let Some((_, spec)) = inside.split_once(':') {
            let precise = spec.split_once('.').is_some_and(|(_, p)| {
                p.starts_with(|c: char| c.is_ascii_digit() || c == '*')
                    || p.trim_end_matches(['?', 'e', 'E']).ends_with('$')
            });
            if precise {
                found.push(format!("{{{inside}}}"));
            }
        }
        rest = &rest[close + 1..];
    }
    found
}

#[test]
fn the_scanner_finds_every_kind_of_precision_format_and_nothing_else() {
    let source = r##"
        // A comment with "{:.2}" is no code.
        let a = format!("{:.2}", x);
        let b = format!("{score:>8.1} and {{not:.3}}", score = s);
        let c = format!(r#"{:.places$} {:.*}"#, 2, y);
        let d = format!("{:?} {x:>5} {}.{}", v, w);
        let e = '"';
        let f = "escaped \" {:.0} quote";
    "##;
    let found: Vec<(usize, Vec<String>)> = string_literals(source)
        .into_iter()
        .map(|(line, literal)| (line, precision_formats(&literal)))
        .filter(|(_, formats)| !formats.is_empty())
        .collect();
    assert_eq!(
        found,
        [
            (3, vec!["{:.2}".to_owned()]),
            (4, vec!["{score:>8.1}".to_owned()]),
            (5, vec!["{:.places$}".to_owned(), "{:.*}".to_owned()]),
            (8, vec!["{:.0}".to_owned()]),
        ]
    );
}

#[test]
fn no_text_in_src_writes_a_number_with_a_precision_of_its_own() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut offending = Vec::new();
    let mut allowed_used = Vec::new();
    for file in rust_files(&root.join("src")) {
        let name = file
            .strip_prefix(root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if name == FORMATTER {
            continue;
        }
        let source = std::fs::read_to_string(&file).unwrap();
        for (line, literal) in string_literals(&source) {
            let formats = precision_formats(&literal);
            if formats.is_empty() {
                continue;
            }
            match ALLOWED
                .iter()
                .find(|(f, piece)| *f == name && literal.contains(piece))
            {
                Some(allowed) => allowed_used.push(*allowed),
                None => offending.push(format!("{name}:{line}: {formats:?} in {literal:?}")),
            }
        }
    }
    assert!(
        offending.is_empty(),
        "figures must become text through src/fmt.rs:\n{}",
        offending.join("\n")
    );
    for allowed in ALLOWED {
        assert!(
            allowed_used.contains(allowed),
            "{allowed:?} is allowed but no longer there: take it off the list"
        );
    }
}
