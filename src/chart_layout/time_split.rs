//! Where each role's working time goes, one row per role: a 100 % bar of its task time by
//! automation score (1 = irreducibly human … 5 = fully automatable) and one by impact
//! (displacement, augmentation, not involved), side by side in two columns. A segment carries
//! its tag and share where they fit inside it; the others are told on hover and in the table.
//! Shares are those the figures use (scaled to 100 % on a provisional result).

use super::{
    MAX_NAME_SHARE, Measure, NAME_GAP, NameColumn, PlacedText, RIGHT_MARGIN, ROW_PADDING, Rect,
    SCALE_GAP, Scale, TextKind, axis_title, scale_marks,
};
use crate::fmt;
use crate::model::{Assessment, Impact};
use crate::scoring::{Breakdown, NO_TASKS, NO_TIME, share_scale};

/// The height of a bar.
const BAR: f32 = 18.0;
/// Room between the two columns of bars.
const COLUMN_GAP: f32 = 24.0;
/// Room a segment keeps around its text.
const TEXT_ROOM: f32 = 6.0;
/// What a role without task time says where its bars would be.
pub const NO_TASK_TIME: &str = "no task time";
/// The headings of the two columns of bars.
pub const HEADINGS: [&str; 2] = ["By automation score", "By impact"];
/// What the scale measures.
const AXIS_TITLE: &str = "Share of task time (%)";

/// One segment kind of the bars: an automation score or an impact.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Segment {
    /// The time of tasks scored this (1…5).
    Score(i64),
    /// The time of tasks with this impact.
    Impact(Impact),
}

impl Segment {
    /// Every segment kind: the five scores (the first bar), then the three impacts (the second).
    pub const ALL: [Self; 8] = [
        Self::Score(1),
        Self::Score(2),
        Self::Score(3),
        Self::Score(4),
        Self::Score(5),
        Self::Impact(Impact::Displacement),
        Self::Impact(Impact::Augmentation),
        Self::Impact(Impact::NotInvolved),
    ];

    /// Its name: "Automation score 4", "Displacement".
    #[must_use]
    pub fn name(self) -> String {
        match self {
            Self::Score(score) => format!("Automation score {score}"),
            Self::Impact(impact) => capitalised(impact.label()),
        }
    }

    /// The name in the key, with the tag written on the segments: "Automation score 4",
    /// "Displacement (D)".
    #[must_use]
    pub fn key_name(self) -> String {
        match self {
            Self::Score(_) => self.name(),
            Self::Impact(_) => format!("{} ({})", self.name(), self.tag()),
        }
    }

    /// The short text written on a segment: "4", "D", "A", "N".
    #[must_use]
    pub fn tag(self) -> String {
        match self {
            Self::Score(score) => score.to_string(),
            Self::Impact(impact) => impact
                .label()
                .chars()
                .next()
                .map(|c| c.to_ascii_uppercase().to_string())
                .unwrap_or_default(),
        }
    }

    /// Which of the two bars the segment belongs to: 0 by score, 1 by impact.
    #[must_use]
    pub fn stack(self) -> usize {
        match self {
            Self::Score(_) => 0,
            Self::Impact(_) => 1,
        }
    }

    /// The share of task time (percent) of this segment in an assessment with this breakdown;
    /// `None` without task time.
    fn share(self, assessment: &Assessment, b: &Breakdown) -> Option<f64> {
        let split = b.split.as_ref()?;
        Some(match self {
            Self::Score(score) => {
                let scale = share_scale(b.time_total, b.provisional);
                assessment
                    .tasks
                    .iter()
                    .filter(|t| t.score == score)
                    .map(|t| t.time_pct * scale)
                    .fold(0.0, |a, s| a + s)
            }
            Self::Impact(Impact::Displacement) => split.displacement,
            Self::Impact(Impact::Augmentation) => split.augmentation,
            Self::Impact(Impact::NotInvolved) => split.not_involved,
        })
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The share of every segment kind (in [`Segment::ALL`]'s order), when there is task time.
#[must_use]
pub fn shares(assessment: &Assessment, b: &Breakdown) -> Option<[f64; 8]> {
    let mut shares = [0.0; 8];
    for (share, segment) in shares.iter_mut().zip(Segment::ALL) {
        *share = segment.share(assessment, b)?;
    }
    Some(shares)
}

/// Why an assessment has no task time to split.
#[must_use]
pub fn no_time_text(assessment: &Assessment) -> &'static str {
    if assessment.tasks.is_empty() {
        NO_TASKS
    } else {
        NO_TIME
    }
}

/// The text inside a segment: "4 48.1%", "D 30%".
#[must_use]
pub fn segment_text(segment: Segment, share: f64) -> String {
    format!("{} {}", segment.tag(), fmt::pct(share))
}

/// One role's row.
#[derive(Debug, Clone, PartialEq)]
pub struct TimeRow {
    /// The full title.
    pub title: String,
    /// The line under it: seniority and what tells the role apart.
    pub detail: String,
    /// The share of each segment kind; `None` without task time.
    pub shares: Option<[f64; 8]>,
}

/// A segment placed on the canvas.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlacedSegment {
    /// Where.
    pub rect: Rect,
    /// Which kind.
    pub segment: Segment,
    /// Its share of task time (percent).
    pub share: f64,
    /// The row it belongs to.
    pub row: usize,
}

/// Where every part of the time split goes.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TimeSplitLayout {
    /// The canvas's width.
    pub width: f32,
    /// The canvas's height.
    pub height: f32,
    /// Where the two columns of bars are drawn.
    pub plots: [Rect; 2],
    /// Every text: headings, names, segment texts, the scales.
    pub texts: Vec<PlacedText>,
    /// Every segment.
    pub segments: Vec<PlacedSegment>,
    /// The marks of each column's scale, across.
    pub ticks: [Vec<f32>; 2],
    /// Each row, the canvas's width across.
    pub rows: Vec<Rect>,
}

/// Lays out the rows on a canvas `width` wide.
#[must_use]
pub fn layout(rows: &[TimeRow], width: f32, measure: &dyn Measure) -> TimeSplitLayout {
    let names: Vec<(&str, &str)> = rows
        .iter()
        .map(|r| (r.title.as_str(), r.detail.as_str()))
        .collect();
    let column = NameColumn::new(&names, width * MAX_NAME_SHARE, measure);
    let left = column.width + NAME_GAP;
    let plot_width = ((width - RIGHT_MARGIN - left - COLUMN_GAP) / 2.0).max(1.0);
    let scales = [0.0, plot_width + COLUMN_GAP].map(|offset| Scale {
        min: 0.0,
        max: 100.0,
        left: left + offset,
        right: left + offset + plot_width,
    });
    let mut layout = TimeSplitLayout {
        width,
        ..TimeSplitLayout::default()
    };
    let mut top: f32 = 0.0;
    for (heading, scale) in HEADINGS.iter().zip(&scales) {
        let (w, h) = measure.size(heading, TextKind::Heading);
        layout.texts.push(PlacedText {
            text: (*heading).to_owned(),
            kind: TextKind::Heading,
            rect: Rect::at(scale.left, 0.0, w, h),
            on_bar: None,
        });
        top = top.max(h + 4.0);
    }
    let mut y = top;
    for (i, row) in rows.iter().enumerate() {
        y += layout.row(i, row, &column.blocks[i], &scales, y, measure);
    }
    layout.plots = scales.map(|s| Rect {
        left: s.left,
        top,
        right: s.right,
        bottom: y,
    });
    let mut below = y + SCALE_GAP;
    for (scale, marks) in scales.iter().zip(&mut layout.ticks) {
        let (labels, ticks, bottom) = scale_marks(scale, y + SCALE_GAP, measure);
        layout.texts.extend(labels);
        *marks = ticks;
        below = below.max(bottom);
    }
    let place = (y + SCALE_GAP, below, left);
    layout
        .texts
        .push(axis_title(AXIS_TITLE, column.width, place, measure));
    layout.height = layout.texts.iter().map(|t| t.rect.bottom).fold(y, f32::max) + 2.0;
    layout
}

impl TimeSplitLayout {
    /// Lays out row `index` from `top`: its name and its two bars; returns its height.
    fn row(
        &mut self,
        index: usize,
        row: &TimeRow,
        name: &super::NameBlock,
        scales: &[Scale; 2],
        top: f32,
        measure: &dyn Measure,
    ) -> f32 {
        let height = name.height.max(BAR) + 2.0 * ROW_PADDING;
        self.rows.push(Rect::at(0.0, top, self.width, height));
        self.texts
            .extend(name.place(scales[0].left - NAME_GAP, top, height));
        let middle = top + height / 2.0;
        let Some(shares) = &row.shares else {
            let (w, h) = measure.size(NO_TASK_TIME, TextKind::Note);
            self.texts.push(PlacedText {
                text: NO_TASK_TIME.to_owned(),
                kind: TextKind::Note,
                rect: Rect::at(scales[0].left + 5.0, middle - h / 2.0, w, h),
                on_bar: None,
            });
            return height;
        };
        let mut base = [0.0; 2];
        for (segment, &share) in Segment::ALL.iter().zip(shares) {
            let stack = segment.stack();
            let scale = &scales[stack];
            let (from, to) = (scale.x(base[stack]), scale.x(base[stack] + share));
            base[stack] += share;
            if share <= 0.0 {
                continue;
            }
            let rect = Rect::at(from, middle - BAR / 2.0, to - from, BAR);
            let text = segment_text(*segment, share);
            let (w, h) = measure.size(&text, TextKind::Note);
            if w + TEXT_ROOM <= rect.width() && h <= BAR + 2.0 {
                self.texts.push(PlacedText {
                    text,
                    kind: TextKind::Note,
                    rect: Rect::at((from + to - w) / 2.0, middle - h / 2.0, w, h),
                    on_bar: Some(self.segments.len()),
                });
            }
            self.segments.push(PlacedSegment {
                rect,
                segment: *segment,
                share,
                row: index,
            });
        }
        height
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart_layout::testing::{measure, overlapping};
    use crate::framework::Framework;

    #[test]
    fn shares_add_up_per_bar_and_a_role_without_tasks_has_none() {
        let mut assessment = Assessment::blank();
        let b = crate::scoring::score(&assessment, Framework::published());
        // One task, 100% at score 3, augmentation by default.
        let all = shares(&assessment, &b).unwrap();
        assert_eq!(all, [0.0, 0.0, 100.0, 0.0, 0.0, 0.0, 100.0, 0.0]);
        assert_eq!(segment_text(Segment::Score(3), 12.5), "3 12.5%");
        assessment.tasks.clear();
        let b = crate::scoring::score(&assessment, Framework::published());
        assert_eq!(shares(&assessment, &b), None);
        assert_eq!(no_time_text(&assessment), "no tasks: add tasks");
    }

    #[test]
    fn segments_are_labelled_only_where_the_label_fits() {
        let row = |shares| TimeRow {
            title: "Court Clerk".to_owned(),
            detail: "Senior".to_owned(),
            shares,
        };
        let split = [2.0, 8.0, 50.0, 40.0, 0.0, 30.0, 60.0, 10.0];
        let rows = [row(Some(split)), row(None)];
        let layout = layout(&rows, 700.0, &measure);
        assert_eq!(layout.segments.len(), 7, "no segment for a share of 0");
        let labelled: Vec<&str> = layout
            .texts
            .iter()
            .filter(|t| t.on_bar.is_some())
            .map(|t| t.text.as_str())
            .collect();
        assert_eq!(labelled, ["3 50%", "4 40%", "D 30%", "A 60%"]);
        assert!(layout.texts.iter().any(|t| t.text == NO_TASK_TIME));
        let plot = layout.plots[0];
        let ends: Vec<f32> = layout
            .segments
            .iter()
            .filter(|s| s.segment.stack() == 0)
            .map(|s| s.rect.right)
            .collect();
        assert!(
            (ends[ends.len() - 1] - plot.right).abs() < 0.01,
            "100% fills the bar"
        );
        let overlapping = overlapping(&layout.texts);
        assert!(overlapping.is_empty(), "{overlapping:?}");
    }
}
