//! Counted nouns read right: "1 warning", "0 errors", "3 roles". Every count the program writes
//! goes through `fmt::count`; this test reads every string in src/ and fails on one that writes
//! a number before a plural noun itself ("{} roles", "{n} more changes"), or makes a plural by
//! hand ("role{}", "role(s)"), naming the file and line.

use std::path::Path;

use aijri_desk::fmt;

/// Words ending in "s" that follow a number or a name without being counted nouns: verbs ("the
/// file is", "{name} was deleted") and units of measure, which are not counted ("{size} bytes"
/// of a file over 5 MB, "{elapsed} ms", score "points").
const NOT_COUNTED: &[&str] = &[
    "is", "was", "has", "does", "exceeds", "loads", "changes", "makes", "needs", "names", "gives",
    "reads", "says", "keeps", "lists", "goes", "comes", "stays", "holds", "seems", "means", "as",
    "takes", "leads", "bytes", "ms", "points",
];

/// Nouns this program counts, caught also one word after the number ("{n} ticked roles").
const COUNTED: &[&str] = &[
    "roles",
    "files",
    "errors",
    "warnings",
    "tasks",
    "inputs",
    "pages",
    "changes",
    "findings",
    "assessments",
    "frameworks",
    "comparisons",
    "steps",
    "options",
    "adjustments",
    "reasons",
    "items",
    "lines",
    "documents",
    "variants",
    "entries",
    "rows",
    "columns",
];

#[test]
fn a_count_takes_the_singular_for_one_and_the_plural_otherwise() {
    assert_eq!(fmt::count(1, "warning", "warnings"), "1 warning");
    assert_eq!(fmt::count(0, "error", "errors"), "0 errors");
    assert_eq!(fmt::count(2, "role", "roles"), "2 roles");
    assert_eq!(
        fmt::count(1, "more change", "more changes"),
        "1 more change"
    );
    assert_eq!(fmt::errors_and_warnings(0, 1), "0 errors, 1 warning");
    assert_eq!(fmt::errors_and_warnings(1, 0), "1 error, 0 warnings");
}

#[test]
fn no_string_in_src_writes_a_counted_noun_itself() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut found = Vec::new();
    for entry in walkdir::WalkDir::new(&src) {
        let entry = entry.unwrap();
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "rs") || path.ends_with("fmt.rs") {
            continue;
        }
        let text = std::fs::read_to_string(path).unwrap();
        for (number, line) in text.lines().enumerate() {
            for literal in literals(line) {
                if let Some(why) = counted_by_hand(literal) {
                    let file = path.strip_prefix(&src).unwrap().display();
                    found.push(format!("src/{file}:{}: {why} in {literal:?}", number + 1));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "write counts with fmt::count:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_scan_finds_what_it_looks_for() {
    assert!(counted_by_hand("Comparing {n} roles.").is_some());
    assert!(counted_by_hand("{} more errors").is_some());
    assert!(counted_by_hand("{} of {total} files read").is_some());
    assert!(counted_by_hand("{count} role{}").is_some());
    assert!(counted_by_hand("{count} {unit}{plural} ago").is_some());
    assert!(counted_by_hand("Opened the comparison {title}: {found} role(s)").is_some());
    assert!(counted_by_hand("{name} was deleted").is_none());
    assert!(counted_by_hand("{path}: the file is {size} bytes").is_none());
    assert!(counted_by_hand("Comparing {}.").is_none());
    assert!(counted_by_hand("{title}\\n{}").is_none());
    assert!(counted_by_hand("broken{}.aijri.json").is_none());
    assert_eq!(
        literals(r#"format!("{} roles", n), "x\"y""#),
        ["{} roles", "x\\\"y"]
    );
}

/// The string literals of a line of Rust (between unescaped double quotes; a literal that goes
/// on past the line counts up to the line's end).
fn literals(line: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut start = None;
    let mut escaped = false;
    for (i, c) in line.char_indices() {
        match (start, c) {
            (Some(_), '\\') if !escaped => {
                escaped = true;
                continue;
            }
            (Some(from), '"') if !escaped => {
                found.push(&line[from..i]);
                start = None;
            }
            (None, '"') => start = Some(i + 1),
            (None, '/') if line[i..].starts_with("//") => break,
            _ => {}
        }
        escaped = false;
    }
    if let Some(from) = start {
        found.push(&line[from..]);
    }
    found
}

/// Why a literal writes a counted noun itself: a placeholder before a plural noun (or before a
/// word and a counted noun), or a plural made with a placeholder ("role{}").
fn counted_by_hand(literal: &str) -> Option<String> {
    if literal.contains("}{plural}") || literal.contains("}{s}") {
        return Some("a plural made by hand: {…}{plural}".to_owned());
    }
    let hedged = literal
        .match_indices("(s)")
        .any(|(i, _)| literal[..i].chars().last().is_some_and(char::is_alphabetic));
    if hedged {
        return Some("a plural hedged with “(s)”".to_owned());
    }
    let mut rest = literal;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}').map(|c| open + c) else {
            break;
        };
        let word_before = rest[..open]
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or_default();
        if COUNTED.contains(&format!("{word_before}s").as_str()) {
            return Some(format!("a plural made by hand: {word_before}{{…}}"));
        }
        let words: Vec<&str> = rest[close + 1..]
            .split(|c: char| !c.is_alphanumeric() && c != ' ' && c != '-')
            .next()
            .unwrap_or_default()
            .split(' ')
            .skip(1)
            .take(2)
            .collect();
        let plural = |w: &str| w.len() > 2 && w.ends_with('s') && !NOT_COUNTED.contains(&w);
        let counted = match words.as_slice() {
            [first, ..] if plural(first) => Some(*first),
            [_, second] if COUNTED.contains(second) => Some(*second),
            _ => None,
        };
        if let Some(noun) = counted {
            return Some(format!("a number before “{noun}”"));
        }
        rest = &rest[close + 1..];
    }
    None
}
