//! The path of a field of an assessment file: `evidence.wage_trends`, `tasks[2].score`,
//! `role.title`. One type names a field wherever a field is named — validation findings, undo,
//! adjustments, `adjust --set`, the editor's jump to a field — and its text is read in one place,
//! [`FieldPath::from_str`]. The text is the one files and messages have always used: keys joined
//! by `.`, list positions in brackets (counting from 0).

use std::fmt::{self, Display};
use std::str::FromStr;

use serde::{Serialize, Serializer};
use thiserror::Error;

/// One step of a field path: a key of an object or a position in a list.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Segment {
    /// A key: `evidence`, `wage_trends`.
    Key(String),
    /// A position in a list, counting from 0: the `2` of `tasks[2]`.
    Index(usize),
}

/// The path of a field: `evidence.wage_trends.score`, `tasks[2].time_pct`, `tasks`. The empty
/// path names the whole assessment.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FieldPath(Vec<Segment>);

/// Why a text is not a field path. The message quotes the text and says what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error(
    "`{text}` is not a field path ({problem}); a path is keys joined by `.`, with list positions in brackets, e.g. `tasks[2].score`"
)]
pub struct FieldPathError {
    /// The text as given.
    pub text: String,
    /// What is wrong with it.
    pub problem: &'static str,
}

impl FieldPath {
    /// The path of a top-level field: `role`, `tasks`, `growth`.
    #[must_use]
    pub fn new(key: &str) -> Self {
        Self(vec![Segment::Key(key.to_owned())])
    }

    /// The path of one task: `tasks[2]`.
    #[must_use]
    pub fn task(index: usize) -> Self {
        Self::new("tasks").index(index)
    }

    /// This path with a key added: `role` → `role.title`.
    #[must_use]
    pub fn key(mut self, key: &str) -> Self {
        self.0.push(Segment::Key(key.to_owned()));
        self
    }

    /// This path with a list position added: `tasks` → `tasks[2]`.
    #[must_use]
    pub fn index(mut self, index: usize) -> Self {
        self.0.push(Segment::Index(index));
        self
    }

    /// The steps of the path, outermost first.
    #[must_use]
    pub fn segments(&self) -> &[Segment] {
        &self.0
    }

    /// The top-level key: `evidence` for `evidence.wage_trends.score`; `None` for the empty path.
    #[must_use]
    pub fn head(&self) -> Option<&str> {
        match self.0.first() {
            Some(Segment::Key(key)) => Some(key),
            _ => None,
        }
    }

    /// The task a path lies in: 2 for `tasks[2].rationale`.
    #[must_use]
    pub fn task_index(&self) -> Option<usize> {
        match self.0.as_slice() {
            [Segment::Key(key), Segment::Index(index), ..] if key == "tasks" => Some(*index),
            _ => None,
        }
    }

    /// Whether `prefix` is this path or leads to it: `tasks[2]` leads to `tasks[2].score`.
    #[must_use]
    pub fn starts_with(&self, prefix: &Self) -> bool {
        self.0.starts_with(&prefix.0)
    }

    /// This path followed by `rest`: `tasks[2]` and `score` make `tasks[2].score`.
    #[must_use]
    pub fn join(mut self, rest: &Self) -> Self {
        self.0.extend(rest.0.iter().cloned());
        self
    }

    /// Whether this is the empty path (the whole assessment).
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl FromStr for FieldPath {
    type Err = FieldPathError;

    /// Reads a path as [`Display`] writes it: `evidence.wage_trends`, `tasks[2].score`; the
    /// empty text is the empty path. Spaces around the text are ignored.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let error = |problem| FieldPathError {
            text: text.to_owned(),
            problem,
        };
        let trimmed = text.trim();
        if trimmed.is_empty() {
            return Ok(Self::default());
        }
        let mut segments = Vec::new();
        for part in trimmed.split('.') {
            let (key, mut rest) = part.split_at(part.find('[').unwrap_or(part.len()));
            if key.is_empty() || key.contains(']') {
                return Err(error("a key is empty or holds a bracket"));
            }
            segments.push(Segment::Key(key.to_owned()));
            while let Some(inner) = rest.strip_prefix('[') {
                let (number, after) = inner
                    .split_once(']')
                    .ok_or_else(|| error("a `[` is not closed"))?;
                let index = number
                    .parse()
                    .map_err(|_| error("a list position is not a whole number"))?;
                segments.push(Segment::Index(index));
                rest = after;
            }
            if !rest.is_empty() {
                return Err(error("text follows a `]`"));
            }
        }
        Ok(Self(segments))
    }
}

impl Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, segment) in self.0.iter().enumerate() {
            match segment {
                Segment::Key(key) if i == 0 => f.write_str(key)?,
                Segment::Key(key) => write!(f, ".{key}")?,
                Segment::Index(index) => write!(f, "[{index}]")?,
            }
        }
        Ok(())
    }
}

/// Written as its text (`"tasks[2].score"`), as JSON output has always named fields.
impl Serialize for FieldPath {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// A path equals the text that names it: `path == "tasks[2].score"`.
impl PartialEq<str> for FieldPath {
    fn eq(&self, other: &str) -> bool {
        other.parse::<Self>().is_ok_and(|path| path == *self)
    }
}

/// A path equals the text that names it: `path == "tasks[2].score"`.
impl PartialEq<&str> for FieldPath {
    fn eq(&self, other: &&str) -> bool {
        self == *other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(text: &str) -> FieldPath {
        text.parse().unwrap()
    }

    #[test]
    fn a_path_reads_back_as_it_is_written() {
        for text in [
            "evidence.wage_trends",
            "evidence.wage_trends.evidence",
            "tasks[2].score",
            "tasks",
            "role.title",
            "adjustments[0].field",
            "commentary.where_to_look_next[1].title",
            "grid[1][2]",
        ] {
            assert_eq!(path(text).to_string(), text);
        }
        assert_eq!(path("tasks[2].score"), FieldPath::task(2).key("score"));
        assert_eq!(path(" role.title "), FieldPath::new("role").key("title"));
        assert!(path("").is_empty());
    }

    #[test]
    fn a_path_knows_its_top_key_and_its_task() {
        let score = path("tasks[2].score");
        assert_eq!(score.head(), Some("tasks"));
        assert_eq!(score.task_index(), Some(2));
        assert!(score.starts_with(&FieldPath::task(2)));
        assert!(!score.starts_with(&FieldPath::task(20)));
        assert_eq!(path("tasks").task_index(), None);
        assert_eq!(path("evidence.wage_trends").head(), Some("evidence"));
        assert_eq!(
            FieldPath::task(1).join(&path("score")),
            path("tasks[1].score")
        );
    }

    #[test]
    fn a_text_that_is_no_path_is_refused_with_what_is_wrong() {
        for (text, problem) in [
            ("tasks[2", "a `[` is not closed"),
            ("tasks[x].score", "a list position is not a whole number"),
            ("evidence..score", "a key is empty or holds a bracket"),
            ("tasks[2]x", "text follows a `]`"),
            ("[2]", "a key is empty or holds a bracket"),
            ("a]b", "a key is empty or holds a bracket"),
        ] {
            let error = text.parse::<FieldPath>().unwrap_err();
            assert_eq!(error.problem, problem, "{text}");
            assert!(error.to_string().contains(text), "{error}");
        }
    }
}
