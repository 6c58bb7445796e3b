//! Where each role's working time goes: two stacked bars per role, one of task time by automation
//! score (1 = irreducibly human … 5 = fully automatable), one by impact (displacement,
//! augmentation, not involved). Shares are those the figures use (normalised to 100 % on a
//! provisional result); segments carry their value as text where they are tall enough. A role
//! without task time (no tasks, or tasks whose time adds up to 0%) has no bars, only a note at the
//! foot of its slot.

use egui::{Align2, Color32, RichText, Stroke, Ui};
use egui_plot::{AxisHints, Bar, BarChart, PlotPoint, PlotUi, Text};

use super::Compared;
use crate::app::chart::{self, AUTOMATION, GREY, PURPLE, SKY_BLUE};
use crate::app::store::Document;
use crate::fmt;
use crate::model::{Assessment, Impact, Split};
use crate::scoring::{Breakdown, NO_TASKS, NO_TIME, share_scale};

/// The chart's height in points.
const HEIGHT: f32 = 300.0;
/// Segments at least this share (percent) tall are labelled.
const LABELLED_PCT: f64 = 7.0;
/// Where the two bars sit in a role's slot, and how wide they are.
const BY_SCORE_X: f64 = -0.19;
const BY_IMPACT_X: f64 = 0.19;
const BAR_WIDTH: f64 = 0.34;

/// One segment kind of the stacks: an automation score or an impact.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Segment {
    Score(i64),
    Impact(Impact),
}

impl Segment {
    const ALL: [Self; 8] = [
        Self::Score(1),
        Self::Score(2),
        Self::Score(3),
        Self::Score(4),
        Self::Score(5),
        Self::Impact(Impact::Displacement),
        Self::Impact(Impact::Augmentation),
        Self::Impact(Impact::NotInvolved),
    ];

    fn name(self) -> String {
        match self {
            Self::Score(score) => format!("Automation score {score}"),
            Self::Impact(impact) => capitalised(impact.label()),
        }
    }

    /// The name in the key, with the tag written on the segments: "Automation score 4",
    /// "Displacement (D)".
    fn key_name(self) -> String {
        match self {
            Self::Score(_) => self.name(),
            Self::Impact(_) => format!("{} ({})", self.name(), self.tag()),
        }
    }

    /// The short text written on a segment: "4", "D", "A", "N".
    fn tag(self) -> String {
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

    fn colour(self) -> Color32 {
        match self {
            Self::Score(score) => usize::try_from(score - 1)
                .ok()
                .and_then(|i| AUTOMATION.get(i))
                .copied()
                .unwrap_or(GREY),
            Self::Impact(Impact::Displacement) => PURPLE,
            Self::Impact(Impact::Augmentation) => SKY_BLUE,
            Self::Impact(Impact::NotInvolved) => GREY,
        }
    }

    /// Which of the two bars the segment belongs to: 0 by score, 1 by impact.
    fn stack(self) -> usize {
        match self {
            Self::Score(_) => 0,
            Self::Impact(_) => 1,
        }
    }

    fn x(self) -> f64 {
        [BY_SCORE_X, BY_IMPACT_X][self.stack()]
    }

    /// The share of task time (percent) of this segment in a role whose split is `split`.
    fn share(self, assessment: &Assessment, b: &Breakdown, split: &Split) -> f64 {
        match self {
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
        }
    }
}

/// The share of every segment in a role, when it has task time.
fn shares_of(doc: &Document) -> Option<[f64; 8]> {
    let b = doc.breakdown();
    let split = b.split.as_ref()?;
    Some(Segment::ALL.map(|s| s.share(doc.assessment(), b, split)))
}

/// Why a role has no task time to split.
fn no_time_text(doc: &Document) -> String {
    if doc.assessment().tasks.is_empty() {
        NO_TASKS.to_owned()
    } else {
        NO_TIME.to_owned()
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Draws the stacked bars of the comparison set, with a key under them.
pub fn ui(ui: &mut Ui, set: &[Compared<'_>]) {
    let count = set.len();
    let shares: Vec<Option<[f64; 8]>> = set.iter().map(|r| shares_of(r.doc)).collect();
    let labels: Vec<String> = set.iter().map(|r| r.label().to_owned()).collect();
    let slots = chart::slots(ui.available_width(), count, 0.0, 0.0);
    let short = chart::fit_labels(ui, &labels, slots.width);
    let outline = ui.visuals().text_color();
    let response = chart::fixed_plot("compare time", HEIGHT)
        .custom_x_axes(vec![chart::category_axis(
            AxisHints::new_x(),
            "Roles compared (left bar: by automation score · right bar: by impact)",
            short,
        )])
        .show_grid([false, true])
        .y_axis_label("Share of task time (%)")
        .include_x(slots.left)
        .include_x(slots.right)
        .include_y(0.0)
        .include_y(106.0)
        .x_grid_spacer(chart::slot_marks(count))
        .y_grid_spacer(chart::tens_to_100)
        .show(ui, |plot| {
            stacks(plot, &shares, outline);
            plot.pointer_coordinate()
        });
    chart::hover_slot(&response, count, false, |slot| {
        match (set.get(slot), shares.get(slot)) {
            (Some(role), Some(shares)) => detail(role, shares.as_ref()),
            _ => String::new(),
        }
    });
    let key: Vec<(Color32, String)> = Segment::ALL
        .iter()
        .map(|s| (s.colour(), s.key_name()))
        .collect();
    let key: Vec<(Color32, &str)> = key.iter().map(|(c, n)| (*c, n.as_str())).collect();
    chart::key_row(ui, &key);
}

/// One bar chart per segment kind, each stacked on those before it in the same bar; roles without
/// task time have no bars.
fn stacks(plot: &mut PlotUi<'_>, shares: &[Option<[f64; 8]>], outline: Color32) {
    for (k, segment) in Segment::ALL.iter().enumerate() {
        let bars = shares
            .iter()
            .enumerate()
            .filter_map(|(i, role)| {
                let role = role.as_ref()?;
                let bar = Bar::new(chart::slot_value(i) + segment.x(), role[k])
                    .base_offset(base(role, k))
                    .width(BAR_WIDTH)
                    .fill(segment.colour())
                    .stroke(Stroke::new(0.5, outline));
                Some(bar)
            })
            .collect();
        plot.bar_chart(BarChart::new(segment.name(), bars).allow_hover(false));
    }
    segment_labels(plot, shares);
}

/// Where segment `k` of a role starts: the sum of the segments before it in the same bar.
fn base(role: &[f64; 8], k: usize) -> f64 {
    let stack = Segment::ALL.get(k).map(|s| s.stack());
    Segment::ALL
        .iter()
        .zip(role)
        .take(k)
        .filter(|(s, _)| Some(s.stack()) == stack)
        .fold(0.0, |sum, (_, share)| sum + share)
}

/// The tag and share written inside each segment tall enough, and what each bar shows under it;
/// "no task time" at the foot of a role without.
fn segment_labels(plot: &mut PlotUi<'_>, shares: &[Option<[f64; 8]>]) {
    for (i, role) in shares.iter().enumerate() {
        match role {
            Some(role) => role_labels(plot, i, role),
            None => {
                let note = RichText::new("no task time").size(12.0);
                let label = Text::new("", PlotPoint::new(chart::slot_value(i), 1.0), note)
                    .anchor(Align2::CENTER_BOTTOM);
                plot.text(label.id(("no time", i)));
            }
        }
    }
}

/// The labels of role `i`: its segments tall enough, and "score" and "impact" over its bars.
fn role_labels(plot: &mut PlotUi<'_>, i: usize, role: &[f64; 8]) {
    for (k, (segment, &share)) in Segment::ALL.iter().zip(role).enumerate() {
        if share >= LABELLED_PCT {
            let x = chart::slot_value(i) + segment.x();
            let text = RichText::new(segment_text(*segment, share))
                .size(12.0)
                .color(chart::text_on(segment.colour()));
            plot.text(
                Text::new("", PlotPoint::new(x, base(role, k) + share / 2.0), text)
                    .anchor(Align2::CENTER_CENTER)
                    .id(("segment", i, k)),
            );
        }
    }
    for (x, what) in [(BY_SCORE_X, "score"), (BY_IMPACT_X, "impact")] {
        let label = Text::new(
            "",
            PlotPoint::new(chart::slot_value(i) + x, 100.5),
            RichText::new(what).size(12.0),
        )
        .anchor(Align2::CENTER_BOTTOM);
        plot.text(label.id(("stack", i, what)));
    }
}

/// The text inside a segment: "4 48.1%", "D 30%".
fn segment_text(segment: Segment, share: f64) -> String {
    format!("{} {}", segment.tag(), fmt::pct(share))
}

/// The hover text of a role: every segment with its share, or why there is no task time.
fn detail(role: &Compared<'_>, shares: Option<&[f64; 8]>) -> String {
    let mut lines = vec![role.doc.assessment().display_title()];
    let Some(shares) = shares else {
        lines.push(no_time_text(role.doc));
        return lines.join("\n");
    };
    lines.extend(
        Segment::ALL
            .iter()
            .zip(shares)
            .map(|(s, share)| format!("{}: {}", s.name(), fmt::pct(*share))),
    );
    let b = role.doc.breakdown();
    if b.provisional {
        lines.push(format!(
            "⚠ Provisional: task time adds up to {}; shares are scaled to 100%",
            fmt::pct(b.time_total)
        ));
    }
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::framework::Framework;
    use crate::model::Assessment;

    #[test]
    fn shares_stack_per_bar_and_a_role_without_tasks_has_none() {
        let mut assessment = Assessment::blank();
        let doc = Document::new(assessment.clone(), None, Framework::published());
        let shares = shares_of(&doc).unwrap();
        // One task, 100% at score 3, augmentation by default.
        assert_eq!(base(&shares, 2), 0.0);
        assert_eq!(base(&shares, 3), 100.0, "score 4 sits on score 3");
        assert_eq!(base(&shares, 5), 0.0, "the impact bar starts at 0");
        assert_eq!(segment_text(Segment::Score(3), 12.5), "3 12.5%");
        assessment.tasks.clear();
        let empty = Document::new(assessment, None, Framework::published());
        assert_eq!(shares_of(&empty), None);
        assert_eq!(no_time_text(&empty), "no tasks: add tasks");
    }
}
