//! Where the texts and marks of a chart go, without a GUI: the charts of the Compare view are
//! laid out here on a canvas of a given width, given how large a text is ([`Measure`]), and only
//! painted by the window. One row per role, the role's full name in a column on the left; labels
//! that would run into each other are moved to another line or left out, never drawn over each
//! other, so a chart reads the same with 2 roles as with 20.
//!
//! [`score`] is the score chart (the window draws it, the PNG export is a picture of it, and the
//! client report's template lays out the same rows, labels and named thresholds); [`names`] tells
//! roles with the same title apart everywhere a role is named.

pub mod breakdown;
pub mod names;
pub mod score;
pub mod time_split;

use crate::fmt;
use crate::model::Zone;

/// A rectangle on a chart's canvas, in the canvas's units (points in the window), y downwards.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Rect {
    /// The left edge.
    pub left: f32,
    /// The top edge.
    pub top: f32,
    /// The right edge.
    pub right: f32,
    /// The bottom edge.
    pub bottom: f32,
}

impl Rect {
    /// The rectangle at `(left, top)` of this size.
    #[must_use]
    pub fn at(left: f32, top: f32, width: f32, height: f32) -> Self {
        Self {
            left,
            top,
            right: left + width,
            bottom: top + height,
        }
    }

    /// Its width.
    #[must_use]
    pub fn width(&self) -> f32 {
        self.right - self.left
    }

    /// Its height.
    #[must_use]
    pub fn height(&self) -> f32 {
        self.bottom - self.top
    }

    /// The height of its middle.
    #[must_use]
    pub fn centre_y(&self) -> f32 {
        (self.top + self.bottom) / 2.0
    }

    /// Whether the two share any area (touching edges do not count).
    #[must_use]
    pub fn overlaps(&self, other: &Self) -> bool {
        self.left < other.right
            && other.left < self.right
            && self.top < other.bottom
            && other.top < self.bottom
    }

    /// Whether `other` lies wholly inside this one.
    #[must_use]
    pub fn contains(&self, other: &Self) -> bool {
        other.left >= self.left
            && other.right <= self.right
            && other.top >= self.top
            && other.bottom <= self.bottom
    }

    /// The rectangle made wider by `by` on the left and on the right.
    #[must_use]
    pub fn widened(&self, by: f32) -> Self {
        Self {
            left: self.left - by,
            right: self.right + by,
            ..*self
        }
    }
}

/// The kinds of text on a chart; a painter gives each its size and colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TextKind {
    /// A role's title, in the name column.
    Name,
    /// Under the title: the seniority and what else tells the role apart.
    Detail,
    /// The value written at a bar or marker: "24.5 Red".
    Label,
    /// Written where a bar would be: "no score".
    Note,
    /// The name of a threshold line of the framework in use: "Yellow ≥ 25".
    Threshold,
    /// The name of a threshold line of a second framework shown beside the first.
    SecondThreshold,
    /// A value on the scale under the chart: "50".
    Tick,
    /// A zone's name under its band: "Green".
    Band,
    /// What the scale measures: "AIJRI score (0–100)".
    Axis,
    /// The heading of a column of figures.
    Heading,
}

/// How large a text is when drawn as a kind: `(width, height)` in the canvas's units.
pub trait Measure {
    /// The size of `text` drawn as `kind`.
    fn size(&self, text: &str, kind: TextKind) -> (f32, f32);

    /// The width of `text` drawn as `kind`.
    fn width(&self, text: &str, kind: TextKind) -> f32 {
        self.size(text, kind).0
    }
}

impl<F: Fn(&str, TextKind) -> (f32, f32)> Measure for F {
    fn size(&self, text: &str, kind: TextKind) -> (f32, f32) {
        self(text, kind)
    }
}

/// A text placed on the canvas.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedText {
    /// What it says.
    pub text: String,
    /// How it is drawn.
    pub kind: TextKind,
    /// Where: the box the text fills.
    pub rect: Rect,
    /// Drawn on a bar (by index into the layout's bars): the painter picks a colour that reads
    /// on the bar's fill.
    pub on_bar: Option<usize>,
}

/// Room kept between two labels side by side.
pub const LABEL_SPACING: f32 = 8.0;
/// Room between the name column and a chart's plot.
pub const NAME_GAP: f32 = 12.0;
/// Room above and below a row's contents.
pub const ROW_PADDING: f32 = 3.0;
/// Room between a chart's rows and the scale under them.
pub const SCALE_GAP: f32 = 3.0;
/// The name column takes at most this share of a chart's width (then names wrap).
pub const MAX_NAME_SHARE: f32 = 0.3;
/// Room kept at a chart's right edge.
pub const RIGHT_MARGIN: f32 = 6.0;
/// The least room between two values marked on a scale, so the marks do not crowd.
const MIN_TICK_SPACING: f32 = 45.0;
/// Room between the lines of a strip of labels.
const LINE_GAP: f32 = 2.0;

/// `text` broken into lines no wider than `width` at spaces; a word wider than a line is broken
/// between its characters. Always at least one line.
#[must_use]
pub fn wrap(text: &str, width: f32, kind: TextKind, measure: &dyn Measure) -> Vec<String> {
    let fits = |line: &str| measure.width(line, kind) <= width;
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let joined = if line.is_empty() {
            word.to_owned()
        } else {
            format!("{line} {word}")
        };
        if fits(&joined) {
            line = joined;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if fits(word) {
            line = word.to_owned();
            continue;
        }
        for c in word.chars() {
            let mut longer = line.clone();
            longer.push(c);
            if !line.is_empty() && !fits(&longer) {
                lines.push(std::mem::replace(&mut line, c.to_string()));
            } else {
                line = longer;
            }
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// A role's name as the name column shows it: its title's lines, then its detail's.
#[derive(Debug, Clone, PartialEq)]
pub struct NameBlock {
    /// Each line with its kind and size.
    pub lines: Vec<(String, TextKind, f32, f32)>,
    /// The height of all its lines.
    pub height: f32,
}

impl NameBlock {
    /// The block's lines right-aligned at `right`, centred in the row from `top`, `row_height`
    /// high.
    #[must_use]
    pub fn place(&self, right: f32, top: f32, row_height: f32) -> Vec<PlacedText> {
        let mut y = top + (row_height - self.height) / 2.0;
        self.lines
            .iter()
            .map(|(text, kind, width, height)| {
                let rect = Rect::at(right - width, y, *width, *height);
                y += height;
                PlacedText {
                    text: text.clone(),
                    kind: *kind,
                    rect,
                    on_bar: None,
                }
            })
            .collect()
    }
}

/// The name column of a chart: as wide as its longest line, at most `max_width`; a longer title
/// or detail wraps onto more lines, so every name is shown in full.
#[derive(Debug, Clone, PartialEq)]
pub struct NameColumn {
    /// Its width.
    pub width: f32,
    /// Each row's name, in order.
    pub blocks: Vec<NameBlock>,
}

impl NameColumn {
    /// The column of these `(title, detail)` names; a blank detail takes no line.
    #[must_use]
    pub fn new(names: &[(&str, &str)], max_width: f32, measure: &dyn Measure) -> Self {
        let widest = names
            .iter()
            .flat_map(|(title, detail)| {
                [
                    measure.width(title, TextKind::Name),
                    measure.width(detail, TextKind::Detail),
                ]
            })
            .fold(0.0, f32::max);
        let width = widest.min(max_width);
        let blocks = names
            .iter()
            .map(|(title, detail)| {
                let parts = [(*title, TextKind::Name), (*detail, TextKind::Detail)];
                let lines: Vec<(String, TextKind, f32, f32)> = parts
                    .into_iter()
                    .filter(|(text, _)| !text.trim().is_empty())
                    .flat_map(|(text, kind)| {
                        wrap(text, width, kind, measure).into_iter().map(move |l| {
                            let (w, h) = measure.size(&l, kind);
                            (l, kind, w, h)
                        })
                    })
                    .collect();
                let height = lines.iter().map(|l| l.3).sum();
                NameBlock { lines, height }
            })
            .collect();
        Self { width, blocks }
    }
}

/// A value scale drawn across `left..right`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scale {
    /// The value at the left edge.
    pub min: f64,
    /// The value at the right edge.
    pub max: f64,
    /// The left edge on the canvas.
    pub left: f32,
    /// The right edge on the canvas.
    pub right: f32,
}

impl Scale {
    /// Where `value` lies on the canvas, clamped to the scale.
    #[must_use]
    pub fn x(&self, value: f64) -> f32 {
        let span = self.max - self.min;
        let share = if span > 0.0 {
            ((value - self.min) / span).clamp(0.0, 1.0)
        } else {
            0.0
        };
        // A share of a few hundred points: well within f32.
        #[allow(clippy::cast_possible_truncation)]
        let share = share as f32;
        self.left + share * (self.right - self.left)
    }
}

/// A label of a strip: centred on `centre` where it can be, on line `first_line` or below.
#[derive(Debug, Clone, PartialEq)]
pub struct StripLabel {
    /// What it says.
    pub text: String,
    /// How it is drawn.
    pub kind: TextKind,
    /// Where its middle should be.
    pub centre: f32,
    /// The first line it may go on.
    pub first_line: usize,
}

/// Labels on lines from `top` within `left..right`: each centred where asked (moved inside the
/// edges), on the first line where it runs into no other. Returns the placed labels and the
/// strip's height.
#[must_use]
pub fn strip(
    labels: &[StripLabel],
    (left, right): (f32, f32),
    top: f32,
    measure: &dyn Measure,
) -> (Vec<PlacedText>, f32) {
    let sizes: Vec<(f32, f32)> = labels
        .iter()
        .map(|l| measure.size(&l.text, l.kind))
        .collect();
    let line_height = sizes.iter().map(|s| s.1).fold(0.0, f32::max) + LINE_GAP;
    let mut placed: Vec<(usize, PlacedText)> = Vec::new();
    for (label, &(width, height)) in labels.iter().zip(&sizes) {
        let x = (label.centre - width / 2.0).min(right - width).max(left);
        let line = (label.first_line..)
            .find(|&line| {
                let rect = Rect::at(x, 0.0, width, 1.0).widened(LABEL_SPACING / 2.0);
                placed.iter().all(|(l, p)| {
                    *l != line
                        || !Rect {
                            top: 0.0,
                            bottom: 1.0,
                            ..p.rect
                        }
                        .overlaps(&rect)
                })
            })
            .unwrap_or(label.first_line);
        // Line numbers are small; the cast is exact.
        #[allow(clippy::cast_precision_loss)]
        let y = top + line as f32 * line_height;
        placed.push((
            line,
            PlacedText {
                text: label.text.clone(),
                kind: label.kind,
                rect: Rect::at(x, y, width, height),
                on_bar: None,
            },
        ));
    }
    let lines = placed.iter().map(|(l, _)| l + 1).max().unwrap_or(0);
    #[allow(clippy::cast_precision_loss)]
    let height = lines as f32 * line_height;
    (placed.into_iter().map(|(_, p)| p).collect(), height)
}

/// The values marked on a scale: a round step (1, 2 or 5 times a power of ten) wide enough
/// for the labels not to touch, from the first multiple of it at or above the scale's start.
#[must_use]
pub fn tick_values(scale: &Scale, measure: &dyn Measure) -> Vec<f64> {
    let span = scale.max - scale.min;
    if !(span > 0.0 && span.is_finite()) {
        return vec![scale.min];
    }
    let widest = [scale.min, scale.max]
        .iter()
        .map(|v| measure.width(&fmt::weight(*v), TextKind::Tick))
        .fold(0.0, f32::max);
    let room = f64::from((widest + LABEL_SPACING * 2.0).max(MIN_TICK_SPACING));
    let per_value = f64::from(scale.right - scale.left) / span;
    let start = 10f64.powf((span / 20.0).log10().floor());
    let step = (0..12)
        .flat_map(|power| [1.0, 2.0, 5.0].map(|m| m * start * 10f64.powi(power)))
        .find(|step| step * per_value >= room && *step >= span / 20.0)
        .unwrap_or(span);
    let first = (scale.min / step).ceil() * step;
    (0..)
        .map(|i| first + f64::from(i) * step)
        .take_while(|v| *v <= scale.max + step * 1e-9)
        .take(100)
        .collect()
}

/// The tick labels of `values` on a line at `top`, each centred on its value (moved inside the
/// scale's ends); a label that would run into the one before is left out.
#[must_use]
pub fn tick_labels(
    scale: &Scale,
    values: &[f64],
    top: f32,
    measure: &dyn Measure,
) -> Vec<PlacedText> {
    let mut placed: Vec<PlacedText> = Vec::new();
    for value in values {
        let text = fmt::weight(*value);
        let (width, height) = measure.size(&text, TextKind::Tick);
        let x = (scale.x(*value) - width / 2.0)
            .min(scale.right - width)
            .max(scale.left);
        let rect = Rect::at(x, top, width, height);
        if placed
            .last()
            .is_some_and(|p| p.rect.widened(LABEL_SPACING / 2.0).overlaps(&rect))
        {
            continue;
        }
        placed.push(PlacedText {
            text,
            kind: TextKind::Tick,
            rect,
            on_bar: None,
        });
    }
    placed
}

/// The names of threshold lines on a strip above a chart's rows, each centred on its line (a
/// second framework's from the second line). Returns them and the strip's height.
#[must_use]
pub fn threshold_names(
    thresholds: &[score::Threshold],
    scale: &Scale,
    measure: &dyn Measure,
) -> (Vec<PlacedText>, f32) {
    let labels: Vec<StripLabel> = thresholds
        .iter()
        .map(|t| StripLabel {
            text: t.label.clone(),
            kind: if t.second {
                TextKind::SecondThreshold
            } else {
                TextKind::Threshold
            },
            centre: scale.x(t.value),
            first_line: usize::from(t.second),
        })
        .collect();
    strip(&labels, (scale.left, scale.right), 0.0, measure)
}

/// The scale under a chart's rows, from `top`: its values' labels, where its marks go across,
/// and where the line under the labels starts.
#[must_use]
pub fn scale_marks(
    scale: &Scale,
    top: f32,
    measure: &dyn Measure,
) -> (Vec<PlacedText>, Vec<f32>, f32) {
    let values = tick_values(scale, measure);
    let labels = tick_labels(scale, &values, top, measure);
    let below = labels.iter().map(|t| t.rect.bottom).fold(top, f32::max);
    let ticks = values.iter().map(|v| scale.x(*v)).collect();
    (labels, ticks, below)
}

/// What a scale measures, right-aligned in the name column (`column` wide) on the line of its
/// values at `top`; where it is wider than the column, on a line of its own at `below`, from
/// `left`.
#[must_use]
pub fn axis_title(
    text: &str,
    column: f32,
    (top, below, left): (f32, f32, f32),
    measure: &dyn Measure,
) -> PlacedText {
    let (width, height) = measure.size(text, TextKind::Axis);
    let rect = if width <= column {
        Rect::at(column - width, top, width, height)
    } else {
        Rect::at(left, below, width, height)
    };
    PlacedText {
        text: text.to_owned(),
        kind: TextKind::Axis,
        rect,
        on_bar: None,
    }
}

/// The name of a zone threshold with its value from the framework: "Yellow ≥ 25", "Green ≥ 48".
#[must_use]
pub fn threshold_label(zone: Zone, value: f64) -> String {
    format!("{} ≥ {}", zone.name(), fmt::weight(value))
}

/// What the layouts' tests share: a measure that needs no fonts, and the check that no two
/// texts overlap.
#[cfg(test)]
pub(crate) mod testing {
    use super::{PlacedText, TextKind};

    /// Every character 7 units wide; lines 16 high, a detail's 13.
    pub(crate) fn measure(text: &str, kind: TextKind) -> (f32, f32) {
        #[allow(clippy::cast_precision_loss)]
        let width = text.chars().count() as f32 * 7.0;
        (width, if kind == TextKind::Detail { 13.0 } else { 16.0 })
    }

    /// The pairs of texts whose boxes overlap.
    pub(crate) fn overlapping(texts: &[PlacedText]) -> Vec<(String, String)> {
        let mut pairs = Vec::new();
        for (i, a) in texts.iter().enumerate() {
            for b in &texts[i + 1..] {
                if a.rect.overlaps(&b.rect) {
                    pairs.push((a.text.clone(), b.text.clone()));
                }
            }
        }
        pairs
    }
}

#[cfg(test)]
mod tests {
    use super::testing::measure;
    use super::*;
    use crate::framework::Framework;

    #[test]
    fn long_names_wrap_at_spaces_and_long_words_between_characters() {
        assert_eq!(
            wrap("Senior Backend Engineer", 100.0, TextKind::Name, &measure),
            ["Senior Backend", "Engineer"]
        );
        assert_eq!(
            wrap("Supercalifragilistic", 70.0, TextKind::Name, &measure),
            ["Supercalif", "ragilistic"]
        );
        assert_eq!(wrap("", 70.0, TextKind::Name, &measure), [""]);
    }

    #[test]
    fn labels_of_a_strip_that_would_touch_go_on_another_line() {
        let label = |text: &str, centre| StripLabel {
            text: text.to_owned(),
            kind: TextKind::Threshold,
            centre,
            first_line: 0,
        };
        let labels = [
            label("Yellow ≥ 25", 100.0),
            label("Green ≥ 28", 110.0),
            label("far", 315.0),
        ];
        let (placed, height) = strip(&labels, (0.0, 320.0), 10.0, &measure);
        assert_eq!(placed[0].rect.top, 10.0);
        assert!(placed[1].rect.top > placed[0].rect.bottom, "second line");
        assert_eq!(placed[2].rect.top, 10.0, "room on the first line");
        assert!(placed[2].rect.right <= 320.0, "moved inside the edge");
        assert_eq!(height, 36.0);
    }

    #[test]
    fn ticks_are_round_and_spaced_for_their_labels() {
        let scale = |width| Scale {
            min: 0.0,
            max: 100.0,
            left: 0.0,
            right: width,
        };
        assert_eq!(
            tick_values(&scale(600.0), &measure),
            [
                0.0, 10.0, 20.0, 30.0, 40.0, 50.0, 60.0, 70.0, 80.0, 90.0, 100.0
            ]
        );
        assert_eq!(
            tick_values(&scale(300.0), &measure),
            [0.0, 20.0, 40.0, 60.0, 80.0, 100.0]
        );
        assert_eq!(tick_values(&scale(200.0), &measure), [0.0, 50.0, 100.0]);
        let labels = tick_labels(&scale(200.0), &[0.0, 1.0, 50.0], 0.0, &measure);
        let texts: Vec<&str> = labels.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["0", "50"], "a label that would touch is left out");
    }

    #[test]
    fn threshold_labels_read_the_framework() {
        let zones = Framework::published().zones;
        assert_eq!(
            threshold_label(Zone::Yellow, zones.yellow_min),
            "Yellow ≥ 25"
        );
        assert_eq!(threshold_label(Zone::Green, zones.green_min), "Green ≥ 48");
        assert_eq!(threshold_label(Zone::Green, 47.5), "Green ≥ 47.5");
    }
}
