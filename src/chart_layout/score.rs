//! The score chart: one row per role, in the comparison's order — its full title with the
//! seniority beneath, a bar to its final score over the framework's zone bands, the score and
//! zone written after the bar (inside it when there is no room after) — the thresholds as
//! dashed lines named at the top ("Yellow ≥ 25", from the framework in use), the scale under the
//! rows. With a second framework each row has a second, lighter bar; an override shows a ◆ at the
//! computed score; the published scores of related roles ("where to look next") can follow the
//! roles as rows of their own with a ◇ at the score.
//!
//! [`ScoreChart`] is what the chart says; [`ScoreChart::layout`] is where each part goes. The
//! window paints the layout, and the client report's template draws the same rows, labels and
//! threshold names.

use super::names::RoleName;
use super::{
    LABEL_SPACING, MAX_NAME_SHARE, Measure, NAME_GAP, NameColumn, PlacedText, RIGHT_MARGIN,
    ROW_PADDING, Rect, SCALE_GAP, Scale, TextKind, axis_title, scale_marks, threshold_label,
    threshold_names,
};
use crate::fmt;
use crate::framework::Framework;
use crate::model::Zone;
use crate::scoring::{Breakdown, displayed_score};

/// What a bar of a role without a score says.
pub const NO_SCORE: &str = "no score";

/// Room between the two bars of a row.
const LANE_GAP: f32 = 2.0;
/// The least height of a bar's lane.
const MIN_LANE: f32 = 18.0;
/// Room between a bar's end and its label.
const LABEL_GAP: f32 = 5.0;
/// The half-width of a ◆ or ◇ marker.
const DIAMOND: f32 = 6.0;
/// Room between the roles and the related roles' published scores.
const REFERENCE_GAP: f32 = 10.0;

/// The score chart of a set of roles under a framework.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoreChart {
    /// The lowest score of the scale.
    pub min: f64,
    /// The highest score of the scale.
    pub max: f64,
    /// The zone bands, lowest first.
    pub bands: Vec<Band>,
    /// The threshold lines: the framework's, then a second framework's.
    pub thresholds: Vec<Threshold>,
    /// What the scale measures: "AIJRI score (0–100)".
    pub axis_title: String,
    /// The rows, top to bottom.
    pub rows: Vec<Row>,
}

/// A zone's stretch of the scale.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Band {
    /// The zone.
    pub zone: Zone,
    /// Where the band starts.
    pub from: f64,
    /// Where it ends.
    pub to: f64,
}

/// A threshold line with its name.
#[derive(Debug, Clone, PartialEq)]
pub struct Threshold {
    /// The zone it starts.
    pub zone: Zone,
    /// Its score.
    pub value: f64,
    /// Its name: "Yellow ≥ 25".
    pub label: String,
    /// Whether it is a second framework's.
    pub second: bool,
}

/// Whose row it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// A role of the set.
    Role,
    /// A related role's published score.
    Reference,
}

/// One row of the chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The first line of its name: the full title.
    pub title: String,
    /// The line under the title: the seniority and what tells the role apart.
    pub detail: String,
    /// A role or a related role's published score.
    pub kind: RowKind,
    /// Its bars or markers, one per lane, top to bottom.
    pub marks: Vec<Mark>,
    /// The computed score under an override, marked ◆ on the first bar.
    pub computed: Option<f64>,
    /// An arrow to the first mark's score from another (a pathway's move from a role to one of
    /// its options), in a lane of its own under the marks.
    pub arrow: Option<Arrow>,
}

/// An arrow from a score to a row's own, with the change written at its head.
#[derive(Debug, Clone, PartialEq)]
pub struct Arrow {
    /// The score it starts at, as displayed.
    pub from: f64,
    /// What is written at it: "+26.5".
    pub label: String,
}

/// How a mark is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// A bar in the zone's colour.
    Bar,
    /// A lighter bar: the score under a second framework.
    SecondBar,
    /// A ◇ at a related role's published score.
    Published,
}

/// A bar or a marker and its label.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    /// The score as displayed; `None` without one.
    pub value: Option<f64>,
    /// The zone of the score.
    pub zone: Option<Zone>,
    /// What is written at it: "24.5 Red", "30.0 Yellow (override)", "no score".
    pub label: String,
    /// How it is drawn.
    pub shape: Shape,
    /// The score is provisional: task time does not add up to 100%.
    pub provisional: bool,
}

impl Mark {
    /// The bar of a breakdown's final result (the override where one is set), or "no score".
    #[must_use]
    pub fn of(b: &Breakdown, shape: Shape) -> Self {
        match b.final_result() {
            Some(result) => Self {
                value: Some(displayed_score(result.score)),
                zone: Some(result.zone),
                label: bar_label(result.score, result.zone, result.overridden, b.provisional),
                shape,
                provisional: b.provisional,
            },
            None => Self {
                value: None,
                zone: None,
                label: NO_SCORE.to_owned(),
                shape,
                provisional: false,
            },
        }
    }
}

/// The label of a bar: "24.5 Red", "30.0 Yellow (override)", "24.5 Red (provisional)".
#[must_use]
pub fn bar_label(score: f64, zone: Zone, overridden: bool, provisional: bool) -> String {
    let notes: Vec<&str> = [
        overridden.then_some("override"),
        provisional.then_some("provisional"),
    ]
    .into_iter()
    .flatten()
    .collect();
    let text = format!("{} {}", fmt::score(score), zone.name());
    if notes.is_empty() {
        text
    } else {
        format!("{text} ({})", notes.join(", "))
    }
}

impl Row {
    /// A role's row: its name, and a bar to its final score, with the computed score marked
    /// under an override.
    #[must_use]
    pub fn role(name: &RoleName, b: &Breakdown) -> Self {
        let computed = b
            .composite
            .as_ref()
            .filter(|c| c.final_result.overridden)
            .map(|c| displayed_score(c.score));
        Self {
            title: name.title.clone(),
            detail: name.detail.clone(),
            kind: RowKind::Role,
            marks: vec![Mark::of(b, Shape::Bar)],
            computed,
            arrow: None,
        }
    }

    /// The row with a second bar: the role's final score under a second framework.
    #[must_use]
    pub fn with_second(mut self, under_second: &Breakdown) -> Self {
        self.marks.push(Mark::of(under_second, Shape::SecondBar));
        self
    }

    /// A related role's published score, named by the role `named_by`.
    #[must_use]
    pub fn reference(title: &str, named_by: &str, score: f64, zone: Zone) -> Self {
        Self {
            title: title.to_owned(),
            detail: format!("published · named by {named_by}"),
            kind: RowKind::Reference,
            marks: vec![Mark {
                value: Some(displayed_score(score)),
                zone: Some(zone),
                label: format!("{} {}", fmt::score(score), zone.name()),
                shape: Shape::Published,
                provisional: false,
            }],
            computed: None,
            arrow: None,
        }
    }
}

impl ScoreChart {
    /// The chart of `rows` on the scale, bands and thresholds of `framework`.
    #[must_use]
    pub fn new(framework: &Framework, rows: Vec<Row>) -> Self {
        let (min, max) = (framework.clamp.min, framework.clamp.max);
        let zones = framework.zones;
        Self {
            min,
            max,
            bands: vec![
                band(Zone::Red, min, zones.yellow_min),
                band(Zone::Yellow, zones.yellow_min, zones.green_min),
                band(Zone::Green, zones.green_min, max),
            ],
            thresholds: thresholds(framework, false),
            axis_title: format!("AIJRI score ({}–{})", fmt::weight(min), fmt::weight(max)),
            rows,
        }
    }

    /// The chart with a second framework's thresholds beside the first's.
    #[must_use]
    pub fn with_second_thresholds(mut self, second: &Framework) -> Self {
        self.thresholds.extend(thresholds(second, true));
        self
    }

    /// Where everything goes on a canvas `width` wide.
    #[must_use]
    pub fn layout(&self, width: f32, measure: &dyn Measure) -> ScoreLayout {
        let names: Vec<(&str, &str)> = self
            .rows
            .iter()
            .map(|r| (r.title.as_str(), r.detail.as_str()))
            .collect();
        let column = NameColumn::new(&names, (width * MAX_NAME_SHARE).max(60.0), measure);
        let left = column.width + NAME_GAP;
        let scale = Scale {
            min: self.min,
            max: self.max,
            left,
            right: (width - RIGHT_MARGIN).max(left + 1.0),
        };
        let mut layout = ScoreLayout {
            width,
            ..ScoreLayout::default()
        };
        let (names, strip_height) = threshold_names(&self.thresholds, &scale, measure);
        layout.texts.extend(names);
        let top = strip_height + 2.0;
        let mut y = top;
        for (i, row) in self.rows.iter().enumerate() {
            let after_roles = i > 0 && self.rows[i - 1].kind == RowKind::Role;
            if row.kind == RowKind::Reference && after_roles {
                layout.reference_rule = Some(y + REFERENCE_GAP / 2.0);
                y += REFERENCE_GAP;
            }
            let height = layout.row(row, &column.blocks[i], &scale, y, measure);
            y += height;
        }
        layout.plot = Rect {
            left: scale.left,
            top,
            right: scale.right,
            bottom: y,
        };
        self.bands_and_lines(&scale, &mut layout);
        layout.scale(self, &scale, column.width, measure);
        layout.height = layout.texts.iter().map(|t| t.rect.bottom).fold(y, f32::max) + 2.0;
        layout
    }

    /// The zone bands behind the rows and the threshold lines across them.
    fn bands_and_lines(&self, scale: &Scale, layout: &mut ScoreLayout) {
        let plot = layout.plot;
        layout.bands = self
            .bands
            .iter()
            .map(|b| {
                let rect = Rect {
                    left: scale.x(b.from),
                    right: scale.x(b.to),
                    ..plot
                };
                (b.zone, rect)
            })
            .collect();
        layout.thresholds = self
            .thresholds
            .iter()
            .map(|t| (scale.x(t.value), t.second))
            .collect();
    }
}

fn band(zone: Zone, from: f64, to: f64) -> Band {
    Band { zone, from, to }
}

/// A framework's Yellow and Green thresholds, named; `second` for a framework shown beside the
/// one in use.
#[must_use]
pub fn thresholds(framework: &Framework, second: bool) -> Vec<Threshold> {
    [
        (Zone::Yellow, framework.zones.yellow_min),
        (Zone::Green, framework.zones.green_min),
    ]
    .into_iter()
    .map(|(zone, value)| Threshold {
        zone,
        value,
        label: threshold_label(zone, value),
        second,
    })
    .collect()
}

/// A bar placed on the canvas.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlacedBar {
    /// Where.
    pub rect: Rect,
    /// The zone it is coloured with.
    pub zone: Zone,
    /// How it is drawn (a bar or a second framework's lighter bar).
    pub shape: Shape,
    /// The row it belongs to.
    pub row: usize,
}

/// A ◆ (filled: a computed score under an override) or ◇ (a published score) on the canvas.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlacedDiamond {
    /// Its middle, across.
    pub x: f32,
    /// Its middle, down.
    pub y: f32,
    /// Its half-width.
    pub radius: f32,
    /// Filled (◆) or outlined (◇).
    pub filled: bool,
}

/// Where every part of the score chart goes.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ScoreLayout {
    /// The canvas's width.
    pub width: f32,
    /// The canvas's height.
    pub height: f32,
    /// Where the bars are drawn: the scale's width, the rows' height.
    pub plot: Rect,
    /// Every text.
    pub texts: Vec<PlacedText>,
    /// Every bar.
    pub bars: Vec<PlacedBar>,
    /// Every ◆ and ◇.
    pub diamonds: Vec<PlacedDiamond>,
    /// The zone bands, behind the rows.
    pub bands: Vec<(Zone, Rect)>,
    /// The threshold lines: where across, and whether a second framework's.
    pub thresholds: Vec<(f32, bool)>,
    /// The scale's marks, across.
    pub ticks: Vec<f32>,
    /// Each row, the canvas's width across.
    pub rows: Vec<Rect>,
    /// The rule between the roles and the related roles' published scores, down.
    pub reference_rule: Option<f32>,
    /// Every arrow.
    pub arrows: Vec<PlacedArrow>,
}

/// An arrow placed on the canvas, across at the height `y`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlacedArrow {
    /// Where it starts, across.
    pub from: f32,
    /// Where its head is, across.
    pub to: f32,
    /// Its height.
    pub y: f32,
}

impl ScoreLayout {
    /// Lays out one row from `top`: its name, its bars and their labels; returns its height.
    fn row(
        &mut self,
        row: &Row,
        name: &super::NameBlock,
        scale: &Scale,
        top: f32,
        measure: &dyn Measure,
    ) -> f32 {
        let labels = row.marks.iter().map(|m| m.label.as_str());
        let lane = labels
            .chain(row.arrow.iter().map(|a| a.label.as_str()))
            .map(|label| measure.size(label, TextKind::Label).1)
            .fold(MIN_LANE, f32::max);
        // A row has one or two marks, and perhaps an arrow.
        #[allow(clippy::cast_precision_loss)]
        let lanes = (row.marks.len().max(1) + usize::from(row.arrow.is_some())) as f32;
        let lanes_height = lanes * lane + (lanes - 1.0) * LANE_GAP;
        let height = name.height.max(lanes_height) + 2.0 * ROW_PADDING;
        let index = self.rows.len();
        self.rows.push(Rect::at(0.0, top, self.width, height));
        self.texts
            .extend(name.place(scale.left - NAME_GAP, top, height));
        let mut lane_top = top + (height - lanes_height) / 2.0;
        for (i, mark) in row.marks.iter().enumerate() {
            let rect = Rect {
                left: scale.left,
                right: scale.right,
                top: lane_top,
                bottom: lane_top + lane,
            };
            let computed = row.computed.filter(|_| i == 0);
            self.mark(mark, (index, rect), computed, scale, measure);
            lane_top += lane + LANE_GAP;
        }
        let to = row.marks.first().and_then(|m| m.value);
        if let (Some(arrow), Some(to)) = (&row.arrow, to) {
            let y = lane_top + lane / 2.0;
            self.arrow(arrow, to, y, scale, measure);
        }
        height
    }

    /// Lays out an arrow at the height `y` from its score to `to`, its change written after its
    /// head where there is room, else before its tail: in a lane of its own, it crosses no label.
    fn arrow(&mut self, arrow: &Arrow, to: f64, y: f32, scale: &Scale, measure: &dyn Measure) {
        let (from_x, to_x) = (scale.x(arrow.from), scale.x(to));
        self.arrows.push(PlacedArrow {
            from: from_x,
            to: to_x,
            y,
        });
        let (width, height) = measure.size(&arrow.label, TextKind::Label);
        let after = from_x.max(to_x) + LABEL_GAP;
        let before = from_x.min(to_x) - LABEL_GAP - width;
        let fits_after = after + width <= scale.right;
        let fits_before = before >= scale.left;
        let left = match (to_x >= from_x, fits_after, fits_before) {
            (true, true, _) | (false, true, false) => after,
            (_, _, true) => before,
            (_, false, false) => (scale.right - width).max(scale.left),
        };
        self.texts.push(PlacedText {
            text: arrow.label.clone(),
            kind: TextKind::Label,
            rect: Rect::at(left, y - height / 2.0, width, height),
            on_bar: None,
        });
    }

    /// Lays out a mark in its lane of row `index`, with its label where it is not covered: after
    /// the bar or marker; inside the bar where there is no room after it.
    fn mark(
        &mut self,
        mark: &Mark,
        (index, lane): (usize, Rect),
        computed: Option<f64>,
        scale: &Scale,
        measure: &dyn Measure,
    ) {
        let (width, height) = measure.size(&mark.label, TextKind::Label);
        let y = lane.centre_y();
        let text = |left: f32, kind, on_bar| PlacedText {
            text: mark.label.clone(),
            kind,
            rect: Rect::at(left, y - height / 2.0, width, height),
            on_bar,
        };
        let (Some(value), Some(zone)) = (mark.value, mark.zone) else {
            self.texts
                .push(text(scale.left + LABEL_GAP, TextKind::Note, None));
            return;
        };
        let end = scale.x(value);
        if mark.shape == Shape::Published {
            self.diamonds.push(PlacedDiamond {
                x: end,
                y,
                radius: DIAMOND,
                filled: false,
            });
            let before = end - DIAMOND - LABEL_GAP - width;
            let after = end + DIAMOND + LABEL_GAP;
            let left = if after + width <= scale.right || before < scale.left {
                after.min(scale.right - width).max(scale.left)
            } else {
                before
            };
            self.texts.push(text(left, TextKind::Label, None));
            return;
        }
        let inset = if mark.shape == Shape::SecondBar {
            2.0
        } else {
            1.0
        };
        let bar = self.bars.len();
        self.bars.push(PlacedBar {
            rect: Rect {
                left: scale.left,
                right: end,
                top: lane.top + inset,
                bottom: lane.bottom - inset,
            },
            zone,
            shape: mark.shape,
            row: index,
        });
        let mut reach = end;
        if let Some(computed) = computed {
            let x = scale.x(computed);
            self.diamonds.push(PlacedDiamond {
                x,
                y,
                radius: DIAMOND,
                filled: true,
            });
            reach = reach.max(x + DIAMOND);
        }
        let after = reach + LABEL_GAP;
        let placed = if after + width <= scale.right {
            text(after, TextKind::Label, None)
        } else {
            // Inside the bar, clear of the ◆ when it sits there.
            let mut right = end - LABEL_GAP;
            if let Some(x) = computed
                .map(|c| scale.x(c))
                .filter(|x| *x - DIAMOND < right)
            {
                right = right.min(x - DIAMOND - LABEL_GAP);
            }
            text((right - width).max(scale.left), TextKind::Label, Some(bar))
        };
        self.texts.push(placed);
    }

    /// The scale under the rows: its marks and values, then the zones' names under their bands
    /// and, in the name column, what the scale measures.
    fn scale(&mut self, chart: &ScoreChart, scale: &Scale, column: f32, measure: &dyn Measure) {
        let top = self.plot.bottom + SCALE_GAP;
        let (labels, ticks, second_line) = scale_marks(scale, top, measure);
        self.texts.extend(labels);
        self.ticks = ticks;
        let mut third_line = second_line;
        for band in &chart.bands {
            let name = band.zone.name();
            let (width, height) = measure.size(name, TextKind::Band);
            let (from, to) = (scale.x(band.from), scale.x(band.to));
            if width + LABEL_SPACING <= to - from {
                self.texts.push(PlacedText {
                    text: name.to_owned(),
                    kind: TextKind::Band,
                    rect: Rect::at((from + to - width) / 2.0, second_line, width, height),
                    on_bar: None,
                });
                third_line = third_line.max(second_line + height);
            }
        }
        let place = (top, third_line, scale.left);
        self.texts
            .push(axis_title(&chart.axis_title, column, place, measure));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart_layout::names::{NameSource, role_names};
    use crate::chart_layout::testing::{self, measure};
    use crate::model::Assessment;

    fn published() -> Assessment {
        serde_json::from_str(include_str!(
            "../../assessments/backend-api-developer.aijri.json"
        ))
        .unwrap()
    }

    fn chart_of(assessments: &[Assessment]) -> ScoreChart {
        let framework = Framework::published();
        let sources: Vec<NameSource<'_>> = assessments
            .iter()
            .map(|a| NameSource {
                title: &a.role.title,
                seniority: &a.role.seniority,
                adjusted: false,
                origin: &a.meta.id,
            })
            .collect();
        let rows = role_names(&sources)
            .iter()
            .zip(assessments)
            .map(|(name, a)| Row::role(name, &crate::scoring::score(a, framework)))
            .collect();
        ScoreChart::new(framework, rows)
    }

    fn overlapping(layout: &ScoreLayout) -> Vec<(String, String)> {
        testing::overlapping(&layout.texts)
    }

    #[test]
    fn the_thresholds_are_named_from_the_framework() {
        let mut framework = Framework::published().clone();
        framework.zones.yellow_min = 30.0;
        let chart = ScoreChart::new(&framework, Vec::new());
        let names: Vec<&str> = chart.thresholds.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(names, ["Yellow ≥ 30", "Green ≥ 48"]);
        assert_eq!(chart.bands[0].to, 30.0);
        let layout = chart.layout(600.0, &measure);
        assert!(layout.texts.iter().any(|t| t.text == "Yellow ≥ 30"));
    }

    #[test]
    fn each_row_names_its_role_in_full_and_labels_its_bar() {
        let mut long = published();
        long.role.title = "Principal Distributed Systems Reliability Engineer".to_owned();
        let chart = chart_of(&[published(), long]);
        assert_eq!(chart.rows[0].marks[0].label, "24.5 Red");
        let layout = chart.layout(500.0, &measure);
        let lines: Vec<&str> = layout
            .texts
            .iter()
            .filter(|t| t.kind == TextKind::Name)
            .map(|t| t.text.as_str())
            .collect();
        assert_eq!(
            lines.concat().replace(' ', ""),
            "Backend/API DeveloperPrincipal Distributed Systems Reliability Engineer"
                .replace(' ', ""),
            "wrapped, never cut: {lines:?}"
        );
        assert!(
            overlapping(&layout).is_empty(),
            "{:?}",
            overlapping(&layout)
        );
        let canvas = Rect::at(0.0, 0.0, layout.width, layout.height);
        assert!(layout.texts.iter().all(|t| canvas.contains(&t.rect)));
    }

    #[test]
    fn a_label_with_no_room_after_its_bar_goes_inside_it() {
        let mut high = published();
        high.override_result = Some(crate::model::Override {
            score: Some(97.0),
            zone: None,
            reason: "test".to_owned(),
            extra: serde_json::Map::new(),
        });
        let chart = chart_of(&[published(), high]);
        assert_eq!(chart.rows[1].marks[0].label, "97.0 Green (override)");
        assert_eq!(chart.rows[1].computed, Some(24.5));
        let layout = chart.layout(600.0, &measure);
        let label = |text: &str| layout.texts.iter().find(|t| t.text == text).unwrap();
        assert_eq!(label("24.5 Red").on_bar, None, "after the bar");
        let inside = label("97.0 Green (override)");
        let bar = layout.bars[inside.on_bar.unwrap()];
        assert!(bar.rect.contains(&Rect {
            top: bar.rect.top,
            bottom: bar.rect.bottom,
            ..inside.rect
        }));
        assert_eq!(layout.diamonds.len(), 1, "◆ at the computed score");
        assert!(
            overlapping(&layout).is_empty(),
            "{:?}",
            overlapping(&layout)
        );
    }

    #[test]
    fn twenty_roles_and_their_references_never_overlap_even_narrow() {
        let roles: Vec<Assessment> = (0..20)
            .map(|i| {
                let mut a = published();
                a.role.title = ["Nurse", "Court Clerk", "Graphic Designer"][i % 3].to_owned();
                a.role.seniority = ["Junior", "Senior (7+ years)"][i % 2].to_owned();
                a.meta.id = format!("role-{i}");
                a.tasks[0].score = i64::try_from(1 + i % 5).unwrap();
                a
            })
            .collect();
        let mut chart = chart_of(&roles);
        chart.rows.push(Row::reference(
            "Senior Software Engineer",
            "Nurse",
            55.4,
            Zone::Green,
        ));
        for width in [320.0, 640.0, 1400.0] {
            let layout = chart.layout(width, &measure);
            assert_eq!(layout.rows.len(), 21);
            assert!(
                overlapping(&layout).is_empty(),
                "{width}: {:?}",
                overlapping(&layout)
            );
            assert!(layout.reference_rule.is_some());
        }
    }

    #[test]
    fn an_arrow_runs_from_the_role_to_the_option_with_its_change_clear_of_every_label() {
        let mut chart = chart_of(&[published(), published()]);
        chart.rows[1].title = "Senior Software Engineer".to_owned();
        chart.rows[1].marks[0].value = Some(51.0);
        chart.rows[1].marks[0].label = "51.0 Green".to_owned();
        chart.rows[1].arrow = Some(Arrow {
            from: 24.5,
            label: "+26.5".to_owned(),
        });
        for width in [320.0, 640.0, 1400.0] {
            let layout = chart.layout(width, &measure);
            assert_eq!(layout.arrows.len(), 1);
            let arrow = layout.arrows[0];
            let scale_width = layout.plot.width();
            let at = |score: f32| layout.plot.left + scale_width * score / 100.0;
            assert!((arrow.from - at(24.5)).abs() < 0.5, "{arrow:?}");
            assert!((arrow.to - at(51.0)).abs() < 0.5, "{arrow:?}");
            let row = layout.rows[1];
            assert!(row.top < arrow.y && arrow.y < row.bottom, "in its row");
            let change = layout.texts.iter().find(|t| t.text == "+26.5").unwrap();
            assert!(change.rect.left >= arrow.to, "after its head: {change:?}");
            assert!(
                overlapping(&layout).is_empty(),
                "{width}: {:?}",
                overlapping(&layout)
            );
        }
    }
}
