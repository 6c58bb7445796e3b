//! The scored parts of an assessment as table rows (name, score, text) under the framework's
//! names: shared by the text export and the Markdown report.

use crate::framework::Framework;
use crate::model::{Assessment, Barrier, Dimension, Principle};

/// One row of a table of scored parts.
pub(crate) struct PartRow<'a> {
    /// The part's name in the framework.
    pub name: &'a str,
    /// Its score; `None` when none is picked.
    pub score: Option<i64>,
    /// Its rationale or evidence.
    pub text: &'a str,
}

impl PartRow<'_> {
    /// The score as a table cell: "2", or "missing" when none is picked.
    pub fn score_text(&self) -> String {
        self.score
            .map_or_else(|| "missing".to_owned(), |score| score.to_string())
    }
}

/// The three protective principles.
pub(crate) fn principles<'a>(
    a: &'a Assessment,
    f: &'a Framework,
) -> impl Iterator<Item = PartRow<'a>> {
    Principle::ALL.iter().map(move |&p| {
        let rated = a.protective.get(p);
        PartRow {
            name: &f.principle(p).name,
            score: rated.score,
            text: &rated.rationale,
        }
    })
}

/// The AI growth correlation, as the row under the principles.
pub(crate) fn growth<'a>(a: &'a Assessment, f: &'a Framework) -> PartRow<'a> {
    PartRow {
        name: &f.growth.name,
        score: a.growth.score,
        text: &a.growth.rationale,
    }
}

/// The five evidence dimensions.
pub(crate) fn dimensions<'a>(
    a: &'a Assessment,
    f: &'a Framework,
) -> impl Iterator<Item = PartRow<'a>> {
    Dimension::ALL.iter().map(move |&d| {
        let item = a.evidence.get(d);
        PartRow {
            name: &f.dimension(d).name,
            score: item.score,
            text: &item.evidence,
        }
    })
}

/// The five barriers.
pub(crate) fn barriers<'a>(
    a: &'a Assessment,
    f: &'a Framework,
) -> impl Iterator<Item = PartRow<'a>> {
    Barrier::ALL.iter().map(move |&b| {
        let rated = a.barriers.get(b);
        PartRow {
            name: &f.barrier(b).name,
            score: rated.score,
            text: &rated.rationale,
        }
    })
}
