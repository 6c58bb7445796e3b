//! The text primitives of the published format: cleaning up what copy-paste does to a line,
//! name keys, escaping, table cells, bullets and numbers. Shared by the importer, the exporter and
//! the Markdown report.

/// One line of the text: its 1-based number and its cleaned-up content (see [`clean`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Line {
    /// 1-based line number in the original text.
    pub number: usize,
    /// The cleaned-up text: single spaces, trimmed, still escaped.
    pub text: String,
    /// The cells of a tab-separated table row (what a browser's copy makes of a table), as
    /// written: a copied page is plain text, so nothing in them is an escape or Markdown.
    pub tab_cells: Option<Vec<String>>,
}

impl Line {
    /// A line of text that is not a tab-separated row.
    pub(crate) fn plain(number: usize, text: String) -> Self {
        Self {
            number,
            text,
            tab_cells: None,
        }
    }

    /// The cells of the line as a table row: tab-separated or pipe-separated (see [`cells`]).
    pub(crate) fn row_cells(&self) -> Option<Vec<String>> {
        self.tab_cells.clone().or_else(|| cells(&self.text))
    }
}

/// Splits a text into cleaned-up, numbered lines; `\r\n`, `\n` and a lone `\r` all end a line.
pub(crate) fn split_lines(text: &str) -> Vec<Line> {
    let unified = text.replace("\r\n", "\n").replace('\r', "\n");
    unified
        .split('\n')
        .enumerate()
        .map(|(i, raw)| Line {
            number: i + 1,
            text: clean(raw),
            tab_cells: tab_cells(raw),
        })
        .collect()
}

/// The cells of a tab-separated row: tabs between at least two cells that hold text, the first
/// among them. A line whose tabs touch a `|` is a pipe row with tabs for spaces, as copy-paste
/// leaves them (`| Job Title⇥|⇥Backend |`); a `|` inside a cell is text.
fn tab_cells(raw: &str) -> Option<Vec<String>> {
    if !raw.contains('\t') {
        return None;
    }
    let row: Vec<String> = raw.trim_end_matches('\t').split('\t').map(clean).collect();
    let pipe_row = row
        .iter()
        .any(|cell| cell.starts_with('|') || cell.ends_with('|'));
    let filled = row.iter().filter(|cell| !cell.is_empty()).count();
    let first_filled = row.first().is_some_and(|first| !first.is_empty());
    (!pipe_row && filled >= 2 && first_filled).then_some(row)
}

/// Characters copy-paste leaves behind that carry nothing: byte-order mark, zero-width spaces and
/// joiners, soft hyphen.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{FEFF}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{00AD}'
    )
}

/// A line as the parser sees it: invisible characters dropped, every run of whitespace (tabs,
/// non-breaking and other Unicode spaces, control characters) turned into one space, trimmed.
pub(crate) fn clean(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut pending_space = false;
    for c in raw.chars().filter(|&c| !is_invisible(c)) {
        if c.is_whitespace() || c.is_control() {
            pending_space = true;
            continue;
        }
        if pending_space && !out.is_empty() {
            out.push(' ');
        }
        pending_space = false;
        out.push(c);
    }
    out
}

/// The key of a name: its words in lower case, letters and digits only, run together, with the
/// word "and" and `&` left out. "Goal-Setting & Moral Judgment", "goal setting and moral
/// judgment" and `goal_setting_moral_judgment` all give `goalsettingmoraljudgment`.
pub(crate) fn key(name: &str) -> String {
    name.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty() && !word.eq_ignore_ascii_case("and"))
        .flat_map(str::chars)
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether a line (as cleaned) is a table separator `|---|:--:|` or a horizontal rule `---`,
/// `***`, `___` (three marks or more).
pub(crate) fn is_rule(text: &str) -> bool {
    let marks = text
        .chars()
        .filter(|c| matches!(c, '-' | '=' | '_' | '*'))
        .count();
    let separator = text.contains('|')
        && text.contains('-')
        && text.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '));
    let rule = marks >= 3
        && text
            .chars()
            .all(|c| matches!(c, '-' | '=' | '_' | '*' | ' '));
    separator || rule
}

/// The bullet markers a list item may start with.
const BULLETS: [char; 3] = ['-', '*', '•'];

/// The item of a bullet line (`- text`, `* text`, `• text`), still escaped; `None` for other lines.
pub(crate) fn bullet_item(text: &str) -> Option<&str> {
    let mut chars = text.chars();
    let marker = chars.next().filter(|c| BULLETS.contains(c))?;
    let rest = &text[marker.len_utf8()..];
    if rest.is_empty() {
        Some("")
    } else if let Some(item) = rest.strip_prefix(' ') {
        // `**bold**` at the start of a line is not a bullet.
        Some(item)
    } else {
        None
    }
}

/// A list item line `- item` (the item already escaped); an item that would turn the line into a
/// rule (`- ---`) gets a leading `\`.
pub(crate) fn bullet_line(item: &str) -> String {
    let line = format!("- {item}");
    if is_rule(&line) {
        format!("- \\{item}")
    } else {
        line
    }
}

/// Whether a line starts like Markdown structure: a bullet, a table row, a heading or a quote.
pub(crate) fn starts_like_markup(text: &str) -> bool {
    bullet_item(text).is_some() || text.starts_with(['|', '#', '>'])
}

/// The content of a whole line of free text: a leading `\` before a letter only marks the line as
/// plain text (so "Timeline: soon" inside a paragraph is not read as a label) and is dropped.
pub(crate) fn line_content(text: &str) -> &str {
    match text.strip_prefix('\\') {
        Some(rest) if !rest.starts_with(|c: char| c.is_ascii_punctuation()) => rest,
        _ => text,
    }
}

/// Free text as written in the file: `\x` before ASCII punctuation gives `x`, Markdown bold `**`
/// is dropped, `<br>` is a line break; the result has single spaces and none at either end.
pub(crate) fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        rest = &rest[c.len_utf8()..];
        match c {
            '\\' => match rest.chars().next() {
                Some(next) if next.is_ascii_punctuation() => {
                    out.push(next);
                    rest = &rest[1..];
                }
                _ => out.push('\\'),
            },
            '*' if rest.starts_with('*') => rest = &rest[1..],
            // Dropped bold markers may leave spaces side by side.
            ' ' if out.is_empty() || out.ends_with(' ') => {}
            '<' => match line_break_len(rest) {
                Some(len) => {
                    out.push('\n');
                    rest = &rest[len..];
                }
                None => out.push('<'),
            },
            _ => out.push(c),
        }
    }
    out.truncate(out.trim_end_matches(' ').len());
    out
}

/// After a `<`: the length of `br>`, `br/>` or `br />` (any case) when the text goes on with one.
fn line_break_len(after_lt: &str) -> Option<usize> {
    let head: String = after_lt
        .chars()
        .take(5)
        .collect::<String>()
        .to_ascii_lowercase();
    ["br>", "br/>", "br />"]
        .into_iter()
        .find(|tag| head.starts_with(tag))
        .map(str::len)
}

/// Free text written for the file: `\`, `|` and `*` escaped with `\`, a `<br` escaped, line breaks
/// written as `<br>`. [`unescape`] gives the text back.
#[must_use]
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (i, c) in text.char_indices() {
        match c {
            '\\' | '|' | '*' => {
                out.push('\\');
                out.push(c);
            }
            '<' if line_break_len(&text[i + 1..]).is_some() => out.push_str("\\<"),
            '\n' => out.push_str("<br>"),
            _ => out.push(c),
        }
    }
    out
}

/// The cells of a table row, unescaped; leading and trailing pipes are optional. `None` when the
/// line holds no unescaped `|`.
pub(crate) fn cells(text: &str) -> Option<Vec<String>> {
    let mut raw: Vec<&str> = Vec::new();
    let mut start = 0;
    let mut escaped = false;
    for (i, c) in text.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '|' => {
                raw.push(&text[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    if raw.is_empty() {
        return None;
    }
    let last = &text[start..];
    if !last.trim().is_empty() {
        raw.push(last);
    }
    if text.starts_with('|') {
        raw.remove(0);
    }
    Some(raw.into_iter().map(unescape).collect())
}

/// A table row as written to the file: `| a | b |`, every cell escaped.
pub(crate) fn row(cells: &[&str]) -> String {
    let mut out = String::from("|");
    for cell in cells {
        if !cell.is_empty() {
            out.push(' ');
            out.push_str(&escape(cell));
        }
        out.push_str(" |");
    }
    out
}

/// Minus signs copy-paste produces: Unicode minus, hyphen, non-breaking hyphen, en and em dash,
/// small and full-width hyphen-minus.
const MINUS_SIGNS: [char; 8] = [
    '-', '\u{2212}', '\u{2010}', '\u{2011}', '\u{2013}', '\u{2014}', '\u{FE63}', '\u{FF0D}',
];

/// A signed decimal number at the start of `text` (after spaces and `**`), and the rest.
/// Accepts any of [`MINUS_SIGNS`] or `+` as the sign; no exponent, no thousands separators.
pub(crate) fn leading_number(text: &str) -> Option<(f64, &str)> {
    let text = text.trim_start_matches([' ', '*']);
    let (negative, unsigned) = match text.chars().next() {
        Some(c) if MINUS_SIGNS.contains(&c) => (true, &text[c.len_utf8()..]),
        Some('+') => (false, &text[1..]),
        _ => (false, text),
    };
    let unsigned = unsigned.trim_start_matches(' ');
    let int_len = unsigned
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(unsigned.len());
    let after_int = &unsigned[int_len..];
    let frac_len = match after_int.strip_prefix('.') {
        Some(frac) => {
            1 + frac
                .find(|c: char| !c.is_ascii_digit())
                .unwrap_or(frac.len())
        }
        None => 0,
    };
    let digits = &unsigned[..int_len + frac_len];
    if int_len == 0 && frac_len <= 1 {
        return None;
    }
    let value: f64 = digits.parse().ok()?;
    let value = if negative { -value } else { value };
    value
        .is_finite()
        .then_some((value, &unsigned[int_len + frac_len..]))
}

/// A whole cell that is one number, optionally followed by `%`, `/N` or a parenthesised note:
/// "15%", "3.05/5.0", "-1 (Weak Negative)". Bold markers around it are ignored.
pub(crate) fn number(text: &str) -> Option<f64> {
    let (value, rest) = leading_number(text)?;
    let rest = rest.trim_matches([' ', '*']);
    let tail_ok = rest.is_empty() || rest == "%" || rest.starts_with(['/', '(']);
    tail_ok.then_some(value)
}

/// Inputs (scores, time shares) beyond this size are damage, not assessments; refusing them keeps
/// every figure computed from them finite.
const MAX_INPUT_MAGNITUDE: f64 = 1_000_000.0;

/// A whole cell that is one input figure, as [`number`] reads it, of at most a million either way:
/// "15%", "12.5%".
pub(crate) fn input_number(text: &str) -> Option<f64> {
    number(text).filter(|value| value.abs() <= MAX_INPUT_MAGNITUDE)
}

/// A whole cell that is one integer score, as [`input_number`] reads it: "2", "−1", "+2", "2/9".
pub(crate) fn integer(text: &str) -> Option<i64> {
    let value = input_number(text)?;
    // Exact: an integral value of at most a million.
    #[allow(clippy::cast_possible_truncation)]
    (value.fract() == 0.0).then_some(value as i64)
}

/// The number after the last `=` of a worked line ("1.0 + (-4 × 0.04) = 0.84" → 0.84), or the
/// line's own number when it has no `=`.
pub(crate) fn result_number(text: &str) -> Option<f64> {
    let tail = text.rsplit_once('=').map_or(text, |(_, tail)| tail);
    number(tail)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_collapses_every_kind_of_space() {
        assert_eq!(clean("\u{FEFF} a\u{00A0}\u{00A0}b\t c \u{202F}"), "a b c");
    }

    #[test]
    fn tab_separated_lines_are_rows_unless_they_are_pipe_rows() {
        let lines =
            split_lines("Job Title\tBackend | API\nTotal\t-4\t\n| a\t|\tb |\n\tindented\nword\t");
        let cells: Vec<_> = lines.iter().map(Line::row_cells).collect();
        assert_eq!(
            cells[0].as_deref(),
            Some(&["Job Title".to_owned(), "Backend | API".to_owned()][..])
        );
        assert_eq!(
            lines[1].tab_cells.as_deref(),
            Some(&["Total".to_owned(), "-4".to_owned()][..])
        );
        assert_eq!(lines[2].tab_cells, None);
        assert_eq!(
            cells[2].as_deref(),
            Some(&["a".to_owned(), "b".to_owned()][..])
        );
        assert_eq!((&lines[3].tab_cells, &lines[4].tab_cells), (&None, &None));
        assert_eq!(lines[4].text, "word");
    }

    #[test]
    fn escape_and_unescape_are_inverse() {
        for text in [
            "a | b",
            "x ** y",
            "back\\slash",
            "<br> and <BR/>",
            "line\nbreak",
            "-1",
        ] {
            assert_eq!(unescape(&escape(text)), text, "{text}");
        }
    }

    #[test]
    fn cells_split_on_unescaped_pipes_only() {
        assert_eq!(cells("| a | b \\| c |").unwrap(), ["a", "b | c"]);
        assert_eq!(cells("a | b").unwrap(), ["a", "b"]);
        assert_eq!(cells("| a | |").unwrap(), ["a", ""]);
        assert!(cells("no pipes").is_none());
    }

    #[test]
    fn numbers_accept_unicode_minus_and_suffixes() {
        assert_eq!(number("\u{2212}1"), Some(-1.0));
        assert_eq!(number("– 2"), Some(-2.0));
        assert_eq!(number("15%"), Some(15.0));
        assert_eq!(number("3.05/5.0"), Some(3.05));
        assert_eq!(number("**0**"), Some(0.0));
        assert_eq!(number("2 apples"), None);
        assert_eq!(integer("2.5"), None);
        assert_eq!(result_number("1.0 + (−4 × 0.04) = 0.84"), Some(0.84));
    }
}
