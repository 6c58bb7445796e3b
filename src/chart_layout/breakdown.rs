//! How each score is built, one row per role: a small waterfall in score points — the task
//! resistance score alone (every modifier 1.0), then what the evidence, barrier and growth
//! modifiers each add or take away, in the method's order, and the resulting score — each step in
//! a lane of its own, with the same figures written in columns beside it. So the adviser can say
//! "evidence costs this role six points" for any of 20 roles without hovering.

use super::score::{NO_SCORE, Threshold};
use super::{
    MAX_NAME_SHARE, Measure, NAME_GAP, NameColumn, PlacedText, RIGHT_MARGIN, ROW_PADDING, Rect,
    SCALE_GAP, Scale, TextKind, axis_title, scale_marks, threshold_names,
};
use crate::fmt;
use crate::framework::Framework;
use crate::model::Zone;
use crate::scoring::{Breakdown, score_of_raw};

/// The height of a step's lane.
const LANE: f32 = 6.0;
/// Room between two lanes.
const LANE_GAP: f32 = 1.0;
/// Room around a column of figures.
const COLUMN_GAP: f32 = 14.0;
/// The side of the swatch before a column's heading.
pub const SWATCH: f32 = 10.0;
/// Room between a swatch and its heading.
const SWATCH_GAP: f32 = 4.0;
/// The least width of a step's bar, so a step of 0 still shows.
const MIN_STEP: f32 = 1.5;
/// What the scale measures.
const AXIS_TITLE: &str = "Score points";

/// A step of the waterfall.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepKind {
    /// The task resistance score alone, every modifier 1.0.
    TaskResistance,
    /// × the evidence modifier.
    Evidence,
    /// × the barrier modifier.
    Barriers,
    /// × the growth modifier.
    Growth,
    /// The score (clamped to the framework's range).
    Score,
}

impl StepKind {
    /// Every step, in the method's order.
    pub const ALL: [Self; 5] = [
        Self::TaskResistance,
        Self::Evidence,
        Self::Barriers,
        Self::Growth,
        Self::Score,
    ];

    /// The heading of the step's column of figures.
    #[must_use]
    pub fn heading(self) -> &'static str {
        match self {
            Self::TaskResistance => "TRS alone",
            Self::Evidence => "× EM",
            Self::Barriers => "× BM",
            Self::Growth => "× GM",
            Self::Score => "Score",
        }
    }

    /// The step in words, for the key.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::TaskResistance => "TRS alone: every modifier 1.0",
            Self::Evidence => "× EM: the evidence modifier's effect",
            Self::Barriers => "× BM: the barrier modifier's effect",
            Self::Growth => "× GM: the growth modifier's effect",
            Self::Score => "Score, in its zone's colour",
        }
    }
}

/// One step of a role's waterfall: the score (in points) before and after it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Step {
    /// Which step.
    pub kind: StepKind,
    /// The level before the step (0 for the first and the last bar).
    pub from: f64,
    /// The level after it.
    pub to: f64,
}

/// The waterfall of one breakdown: TRS alone, × EM, × BM, × GM, then the (clamped) score; `None`
/// when the breakdown has no score.
#[must_use]
pub fn waterfall(b: &Breakdown, framework: &Framework) -> Option<[Step; 5]> {
    let c = b.composite.as_ref()?;
    let trs = b.task_resistance?;
    let with_evidence = trs * b.evidence_modifier?;
    let with_barriers = with_evidence * b.barrier_modifier?;
    let levels = [
        score_of_raw(trs, framework),
        score_of_raw(with_evidence, framework),
        score_of_raw(with_barriers, framework),
        c.score_unclamped,
    ];
    let step = |kind, from, to| Step { kind, from, to };
    Some([
        step(StepKind::TaskResistance, 0.0, levels[0]),
        step(StepKind::Evidence, levels[0], levels[1]),
        step(StepKind::Barriers, levels[1], levels[2]),
        step(StepKind::Growth, levels[2], levels[3]),
        step(StepKind::Score, 0.0, c.score),
    ])
}

/// The figure of a step: the level for the first and last bar ("25.0"), the change between
/// ("−4.6").
#[must_use]
pub fn step_label(step: &Step) -> String {
    match step.kind {
        StepKind::TaskResistance | StepKind::Score => fmt::score(step.to),
        _ => fmt::score_delta(step.to - step.from),
    }
}

/// One role's row.
#[derive(Debug, Clone, PartialEq)]
pub struct BreakdownRow {
    /// The full title.
    pub title: String,
    /// The line under it: seniority and what tells the role apart.
    pub detail: String,
    /// The waterfall; `None` without a score.
    pub steps: Option<[Step; 5]>,
    /// The zone of the score.
    pub zone: Option<Zone>,
}

/// The breakdown chart of a set of roles under a framework.
#[derive(Debug, Clone, PartialEq)]
pub struct BreakdownChart {
    /// The rows, top to bottom.
    pub rows: Vec<BreakdownRow>,
    /// The framework's thresholds, named.
    pub thresholds: Vec<Threshold>,
    /// The lowest level of the scale.
    pub min: f64,
    /// The highest level of the scale.
    pub max: f64,
}

/// A step's bar placed on the canvas.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlacedStep {
    /// Where.
    pub rect: Rect,
    /// Which step.
    pub kind: StepKind,
    /// The row it belongs to.
    pub row: usize,
}

/// Where every part of the breakdown chart goes.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct BreakdownLayout {
    /// The canvas's width.
    pub width: f32,
    /// The canvas's height.
    pub height: f32,
    /// Where the steps are drawn.
    pub plot: Rect,
    /// Every text: names, thresholds, headings, figures, the scale.
    pub texts: Vec<PlacedText>,
    /// Every step's bar.
    pub steps: Vec<PlacedStep>,
    /// The swatch before each column's heading.
    pub swatches: Vec<(Rect, StepKind)>,
    /// The threshold lines, across.
    pub thresholds: Vec<f32>,
    /// The scale's marks, across.
    pub ticks: Vec<f32>,
    /// Each row, the canvas's width across.
    pub rows: Vec<Rect>,
}

impl BreakdownChart {
    /// The chart of `rows` under `framework`: the scale runs from the framework's lowest score
    /// to past its Green threshold, and takes in every level of every waterfall.
    #[must_use]
    pub fn new(framework: &Framework, rows: Vec<BreakdownRow>) -> Self {
        let levels = rows
            .iter()
            .flat_map(|r| r.steps.iter().flatten())
            .flat_map(|s| [s.from, s.to]);
        let start = (framework.clamp.min, framework.zones.green_min + 1.0);
        let (low, high) = levels.fold(start, |(l, h), v| (l.min(v), h.max(v)));
        Self {
            rows,
            thresholds: super::score::thresholds(framework, false),
            min: (low / 10.0).floor() * 10.0,
            max: (high / 10.0).ceil() * 10.0,
        }
    }

    /// Where everything goes on a canvas `width` wide.
    #[must_use]
    pub fn layout(&self, width: f32, measure: &dyn Measure) -> BreakdownLayout {
        let names: Vec<(&str, &str)> = self
            .rows
            .iter()
            .map(|r| (r.title.as_str(), r.detail.as_str()))
            .collect();
        let column = NameColumn::new(&names, width * MAX_NAME_SHARE, measure);
        let figures = self.figure_columns(measure);
        let figures_width: f32 = figures.iter().sum();
        let left = column.width + NAME_GAP;
        let scale = Scale {
            min: self.min,
            max: self.max,
            left,
            right: (width - RIGHT_MARGIN - figures_width).max(left + 1.0),
        };
        let mut layout = BreakdownLayout {
            width,
            ..BreakdownLayout::default()
        };
        let (names_above, strip_height) = threshold_names(&self.thresholds, &scale, measure);
        layout.texts.extend(names_above);
        let heading_height = layout.headings(&figures, scale.right, measure);
        let top = strip_height.max(heading_height) + 2.0;
        let mut y = top;
        for (i, row) in self.rows.iter().enumerate() {
            y += layout.row(i, row, &column.blocks[i], (&scale, &figures), y, measure);
        }
        layout.plot = Rect {
            left: scale.left,
            top,
            right: scale.right,
            bottom: y,
        };
        layout.thresholds = self.thresholds.iter().map(|t| scale.x(t.value)).collect();
        let (labels, ticks, below) = scale_marks(&scale, y + SCALE_GAP, measure);
        layout.texts.extend(labels);
        layout.ticks = ticks;
        let place = (y + SCALE_GAP, below, scale.left);
        layout
            .texts
            .push(axis_title(AXIS_TITLE, column.width, place, measure));
        layout.height = layout.texts.iter().map(|t| t.rect.bottom).fold(y, f32::max) + 2.0;
        layout
    }

    /// The width of each column of figures: its heading with its swatch, or its widest figure.
    fn figure_columns(&self, measure: &dyn Measure) -> [f32; 5] {
        StepKind::ALL.map(|kind| {
            let heading = measure.width(kind.heading(), TextKind::Heading) + SWATCH + SWATCH_GAP;
            let widest = self
                .rows
                .iter()
                .map(|r| measure.width(&figure(r, kind), TextKind::Label))
                .fold(heading, f32::max);
            widest + COLUMN_GAP
        })
    }
}

/// The figure of a step of a row, [`fmt::MISSING`] without a score.
fn figure(row: &BreakdownRow, kind: StepKind) -> String {
    row.steps
        .iter()
        .flatten()
        .find(|s| s.kind == kind)
        .map_or_else(|| fmt::MISSING.to_owned(), step_label)
}

impl BreakdownLayout {
    /// The columns' headings, each after its swatch, from `left`; returns their height.
    fn headings(&mut self, columns: &[f32; 5], left: f32, measure: &dyn Measure) -> f32 {
        let mut right = left;
        let mut height: f32 = 0.0;
        for (kind, width) in StepKind::ALL.iter().zip(columns) {
            right += width;
            let (w, h) = measure.size(kind.heading(), TextKind::Heading);
            let text = Rect::at(right - w, 0.0, w, h);
            self.swatches.push((
                Rect::at(
                    text.left - SWATCH_GAP - SWATCH,
                    (h - SWATCH) / 2.0,
                    SWATCH,
                    SWATCH,
                ),
                *kind,
            ));
            self.texts.push(PlacedText {
                text: kind.heading().to_owned(),
                kind: TextKind::Heading,
                rect: text,
                on_bar: None,
            });
            height = height.max(h);
        }
        height
    }

    /// Lays out row `index` from `top`: its name, its steps in their lanes and its figures in
    /// their columns; returns its height.
    fn row(
        &mut self,
        index: usize,
        row: &BreakdownRow,
        name: &super::NameBlock,
        (scale, columns): (&Scale, &[f32; 5]),
        top: f32,
        measure: &dyn Measure,
    ) -> f32 {
        let lanes = 5.0 * LANE + 4.0 * LANE_GAP;
        let figure_height = measure.size(fmt::MISSING, TextKind::Label).1;
        let height = name.height.max(lanes).max(figure_height) + 2.0 * ROW_PADDING;
        self.rows.push(Rect::at(0.0, top, self.width, height));
        self.texts
            .extend(name.place(scale.left - NAME_GAP, top, height));
        let middle = top + height / 2.0;
        match &row.steps {
            Some(steps) => {
                let mut lane = middle - lanes / 2.0;
                for step in steps {
                    let (a, b) = (scale.x(step.from), scale.x(step.to));
                    let left = a.min(b).min(a.max(b) - MIN_STEP).max(scale.left);
                    self.steps.push(PlacedStep {
                        rect: Rect::at(left, lane, (a - b).abs().max(MIN_STEP), LANE),
                        kind: step.kind,
                        row: index,
                    });
                    lane += LANE + LANE_GAP;
                }
            }
            None => {
                let (w, h) = measure.size(NO_SCORE, TextKind::Note);
                self.texts.push(PlacedText {
                    text: NO_SCORE.to_owned(),
                    kind: TextKind::Note,
                    rect: Rect::at(scale.left + 5.0, middle - h / 2.0, w, h),
                    on_bar: None,
                });
            }
        }
        let mut right = scale.right;
        for (kind, width) in StepKind::ALL.iter().zip(columns) {
            right += width;
            let text = figure(row, *kind);
            let (w, h) = measure.size(&text, TextKind::Label);
            self.texts.push(PlacedText {
                text,
                kind: TextKind::Label,
                rect: Rect::at(right - w, middle - h / 2.0, w, h),
                on_bar: None,
            });
        }
        height
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart_layout::testing::{measure, overlapping};
    use crate::model::Assessment;

    fn published() -> Assessment {
        serde_json::from_str(include_str!(
            "../../assessments/backend-api-developer.aijri.json"
        ))
        .unwrap()
    }

    #[test]
    fn the_published_example_falls_from_trs_to_its_score() {
        let framework = Framework::published();
        let b = crate::scoring::score(&published(), framework);
        let steps = waterfall(&b, framework).unwrap();
        let composite = b.composite.as_ref().unwrap();
        // TRS 3.05 alone: (3.05 − 0.54) / 7.93 × 100 = 31.65.
        assert!((steps[0].to - 31.652).abs() < 0.001, "{}", steps[0].to);
        // Each step starts where the last ended; the growth step ends at the score.
        assert!(
            steps
                .windows(2)
                .take(3)
                .all(|w| (w[0].to - w[1].from).abs() < 1e-12)
        );
        assert!((steps[3].to - composite.score_unclamped).abs() < 1e-12);
        assert!((steps[4].to - 24.497).abs() < 0.001);
        // Evidence −4 costs points, barriers +1 adds a little, growth −1 costs.
        assert!(
            steps[1].to < steps[1].from
                && steps[2].to > steps[2].from
                && steps[3].to < steps[3].from
        );
    }

    #[test]
    fn labels_come_from_the_shared_formats() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/score-24-95.aijri.json");
        let mut assessment = crate::library::load_file(&path).unwrap().assessment;
        let framework = Framework::published();
        let b = crate::scoring::score(&assessment, framework);
        let steps = waterfall(&b, framework).unwrap();
        assert_eq!(step_label(&steps[4]), "25.0", "24.9499… as a double");
        let fall = Step {
            kind: StepKind::Evidence,
            from: 31.65,
            to: 27.0,
        };
        assert_eq!(step_label(&fall), "−4.7");
        assessment.tasks.clear();
        let without_tasks = crate::scoring::score(&assessment, framework);
        assert_eq!(waterfall(&without_tasks, framework), None);
    }

    #[test]
    fn every_role_gets_its_row_of_steps_and_figures_without_overlaps() {
        let framework = Framework::published();
        let b = crate::scoring::score(&published(), framework);
        let row = |title: &str, steps| BreakdownRow {
            title: title.to_owned(),
            detail: "Mid-Level (3-5 years)".to_owned(),
            steps,
            zone: b.zone(),
        };
        let rows: Vec<BreakdownRow> = (0..20)
            .map(|i| {
                if i == 7 {
                    row("A role without tasks", None)
                } else {
                    row("Backend/API Developer", waterfall(&b, framework))
                }
            })
            .collect();
        let chart = BreakdownChart::new(framework, rows);
        assert_eq!((chart.min, chart.max), (0.0, 50.0), "past Green ≥ 48");
        let layout = chart.layout(900.0, &measure);
        assert_eq!(layout.rows.len(), 20);
        assert_eq!(layout.steps.len(), 19 * 5);
        let figures: Vec<&str> = layout
            .texts
            .iter()
            .filter(|t| t.kind == TextKind::Label)
            .take(5)
            .map(|t| t.text.as_str())
            .collect();
        assert_eq!(figures, ["31.7", "−6.2", "+0.6", "−1.6", "24.5"]);
        let overlapping = overlapping(&layout.texts);
        assert!(overlapping.is_empty(), "{overlapping:?}");
        assert!(
            layout.steps.iter().all(|s| layout.plot.contains(&s.rect)),
            "the steps stay in the plot"
        );
    }
}
