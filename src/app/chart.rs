//! What the charts of the Compare and What-if views share. The Compare charts are laid out by
//! [`crate::chart_layout`] and painted here on a [`Canvas`]: the font and colour of each kind of
//! text, bars, bands, dashed lines and markers. The What-if tornado is an egui_plot plot: one
//! that does not pan or zoom, a category axis (one labelled slot per input), hover text that
//! names the slot under the pointer.
//!
//! Zone colours come from [`super::widgets::zone_colour`]; the series colours here are other
//! Okabe–Ito colours, and every series also has a name in the legend or a text label.

use egui::{Color32, FontId, Painter, Pos2, RichText, Stroke, Ui, pos2, vec2};
use egui_plot::{AxisHints, GridMark, Plot, PlotPoint, PlotResponse};

use super::widgets::{zone_band, zone_colour};
use crate::chart_layout::{self, PlacedText, TextKind};
use crate::model::Zone;

/// Okabe–Ito blue.
pub const BLUE: Color32 = Color32::from_rgb(0x00, 0x72, 0xB2);
/// Okabe–Ito sky blue.
pub const SKY_BLUE: Color32 = Color32::from_rgb(0x56, 0xB4, 0xE9);
/// Okabe–Ito reddish purple.
pub const PURPLE: Color32 = Color32::from_rgb(0xCC, 0x79, 0xA7);
/// A neutral grey, readable on light and dark backgrounds.
pub const GREY: Color32 = Color32::from_rgb(0x99, 0x99, 0x99);
/// Automation scores 1…5: the viridis scale, light for "human" to dark for "automatable" would
/// lose contrast in dark mode, so it runs dark blue (1) to yellow (5) and every segment is labelled.
pub const AUTOMATION: [Color32; 5] = [
    Color32::from_rgb(0x44, 0x01, 0x54),
    Color32::from_rgb(0x3B, 0x52, 0x8B),
    Color32::from_rgb(0x21, 0x90, 0x8C),
    Color32::from_rgb(0x5D, 0xC8, 0x63),
    Color32::from_rgb(0xFD, 0xE7, 0x25),
];

/// A plot that keeps its bounds: no panning, zooming or box zoom, no coordinate read-out (hover
/// text comes from [`hover_slot`] instead).
#[must_use]
pub fn fixed_plot(id: &str, height: f32) -> Plot<'static> {
    Plot::new(id)
        .height(height)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_x(false)
        .show_y(false)
        .set_margin_fraction(egui::vec2(0.02, 0.06))
        .grid_spacing(20.0..=160.0)
}

/// One grid mark per slot `0..count`, so each category gets a tick and a label.
pub fn slot_marks(count: usize) -> impl Fn(egui_plot::GridInput) -> Vec<GridMark> {
    move |_| {
        (0..count)
            .map(|i| GridMark {
                value: slot_value(i),
                step_size: 1.0,
            })
            .collect()
    }
}

/// The label of the slot a grid mark falls on, empty between slots.
#[must_use]
pub fn slot_label(labels: &[String], mark: f64) -> String {
    slot_at(mark, labels.len())
        .and_then(|i| labels.get(i))
        .cloned()
        .unwrap_or_default()
}

/// The slot index nearest to a coordinate, when it is one of `0..count`.
#[must_use]
pub fn slot_at(value: f64, count: usize) -> Option<usize> {
    let rounded = value.round();
    // A slot index is small and non-negative here; the cast is exact.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let index = rounded as usize;
    (rounded >= 0.0 && (value - rounded).abs() <= 0.5 && index < count).then_some(index)
}

/// The plot coordinate of a slot.
#[must_use]
pub fn slot_value(index: usize) -> f64 {
    // Slot counts are far below 2⁵³.
    #[allow(clippy::cast_precision_loss)]
    let value = index as f64;
    value
}

/// Shortens a label to about `max_chars` characters, with an ellipsis.
#[must_use]
pub fn shorten(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_owned();
    }
    let kept: String = text.chars().take(max_chars.saturating_sub(1)).collect();
    format!("{}…", kept.trim_end())
}

/// A category axis: one label per slot, shown whenever it fits (egui_plot's default hides tick
/// labels closer than 60 points, which would hide them for many roles).
#[must_use]
pub fn category_axis(
    hints: AxisHints<'static>,
    title: &str,
    labels: Vec<String>,
) -> AxisHints<'static> {
    hints
        .label(title)
        .formatter(move |mark, _| slot_label(&labels, mark.value))
        .label_spacing(8.0..=12.0)
}

/// A key to a chart's series: a swatch of each colour with its name, in a wrapping row.
pub fn key_row(ui: &mut Ui, items: &[(Color32, &str)]) {
    const SWATCH: f32 = 12.0;
    let font = FontId::proportional(12.0);
    ui.horizontal_wrapped(|ui| {
        let row_start = ui.cursor().left();
        for (colour, name) in items {
            // Swatch and name as one group, so a wrapped row never parts them; a group that
            // does not fit the rest of the row starts the next one.
            let text_width = text_width(ui, name, &font);
            let width = SWATCH + ui.spacing().item_spacing.x + text_width;
            if ui.cursor().left() > row_start && ui.available_size_before_wrap().x < width {
                ui.end_row();
            }
            ui.horizontal(|ui| {
                let (rect, _) =
                    ui.allocate_exact_size(egui::vec2(SWATCH, SWATCH), egui::Sense::hover());
                let outline = egui::Stroke::new(1.0, ui.visuals().text_color());
                ui.painter()
                    .rect(rect, 2.0, *colour, outline, egui::StrokeKind::Inside);
                ui.label(RichText::new(*name).font(font.clone()));
            });
            ui.add_space(8.0);
        }
    });
}

/// How wide `text` is in `font`.
fn text_width(ui: &Ui, text: &str, font: &FontId) -> f32 {
    ui.painter()
        .layout_no_wrap(text.to_owned(), font.clone(), Color32::WHITE)
        .size()
        .x
}

/// The font each kind of chart text is drawn in.
#[must_use]
pub fn font(kind: TextKind) -> FontId {
    let size = match kind {
        TextKind::Name => 13.5,
        TextKind::Label | TextKind::Band => 13.0,
        TextKind::Threshold | TextKind::Note | TextKind::Heading => 12.0,
        TextKind::Detail | TextKind::SecondThreshold | TextKind::Axis => 11.5,
        TextKind::Tick => 11.0,
    };
    FontId::proportional(size)
}

/// The size of a text as the charts draw it: how [`crate::chart_layout`] measures here.
#[must_use]
pub fn text_size(painter: &Painter, text: &str, kind: TextKind) -> (f32, f32) {
    let size = painter
        .layout_no_wrap(text.to_owned(), font(kind), Color32::WHITE)
        .size();
    (size.x, size.y)
}

/// Black or white, whichever reads better on `fill`.
#[must_use]
pub fn text_on(fill: Color32) -> Color32 {
    let luminance =
        0.299 * f32::from(fill.r()) + 0.587 * f32::from(fill.g()) + 0.114 * f32::from(fill.b());
    if luminance > 140.0 {
        Color32::BLACK
    } else {
        Color32::WHITE
    }
}

/// Where a laid-out chart is painted: its top-left corner on screen, with the theme's colours.
pub struct Canvas<'a> {
    /// The painter of the chart's area.
    pub painter: &'a Painter,
    /// Where the layout's (0, 0) is on screen.
    pub origin: Pos2,
    /// Whether the theme is dark.
    pub dark: bool,
    /// The theme's text colour.
    pub text: Color32,
    /// The theme's colour for strong text.
    pub strong: Color32,
    /// The theme's colour for weak text.
    pub weak: Color32,
    /// The colour behind the chart.
    pub background: Color32,
}

impl<'a> Canvas<'a> {
    /// A canvas with its origin at `origin`, in the colours of `ui`'s theme.
    #[must_use]
    pub fn new(ui: &'a Ui, painter: &'a Painter, origin: Pos2) -> Self {
        let visuals = ui.visuals();
        Self {
            painter,
            origin,
            dark: visuals.dark_mode,
            text: visuals.text_color(),
            strong: visuals.strong_text_color(),
            weak: visuals.weak_text_color(),
            background: visuals.panel_fill,
        }
    }

    /// A layout's rectangle on screen.
    #[must_use]
    pub fn rect(&self, rect: &chart_layout::Rect) -> egui::Rect {
        egui::Rect::from_min_max(
            self.origin + vec2(rect.left, rect.top),
            self.origin + vec2(rect.right, rect.bottom),
        )
    }

    /// The colour a kind of text is drawn in where it is not on a bar.
    #[must_use]
    pub fn colour(&self, kind: TextKind) -> Color32 {
        match kind {
            TextKind::Name | TextKind::Label | TextKind::Heading => self.strong,
            TextKind::Threshold | TextKind::Band | TextKind::Tick => self.text,
            TextKind::Detail | TextKind::Note | TextKind::Axis => self.weak,
            TextKind::SecondThreshold => GREY,
        }
    }

    /// Paints a text in its kind's colour.
    pub fn text(&self, text: &PlacedText) {
        self.text_in(text, self.colour(text.kind));
    }

    /// Paints a text in `colour`.
    pub fn text_in(&self, text: &PlacedText, colour: Color32) {
        let galley = self
            .painter
            .layout_no_wrap(text.text.clone(), font(text.kind), colour);
        let at = self.rect(&text.rect).min;
        self.painter.galley(at, galley, colour);
    }

    /// Paints the zone bands, translucent.
    pub fn bands(&self, bands: &[(Zone, chart_layout::Rect)]) {
        for (zone, rect) in bands {
            self.painter
                .rect_filled(self.rect(rect), 0.0, zone_band(*zone, self.dark));
        }
    }

    /// Every other row on a faint background, so a row can be followed across the chart.
    pub fn stripes(&self, rows: &[chart_layout::Rect]) {
        let fill = self.text.gamma_multiply(0.05);
        for row in rows.iter().skip(1).step_by(2) {
            self.painter.rect_filled(self.rect(row), 0.0, fill);
        }
    }

    /// A faint line down the plot at each of `ticks` (layout x), with a short mark under it.
    pub fn grid(&self, ticks: &[f32], plot: &chart_layout::Rect) {
        let faint = Stroke::new(1.0, self.text.gamma_multiply(0.12));
        let mark = Stroke::new(1.0, self.weak);
        let area = self.rect(plot);
        for x in ticks {
            let x = self.origin.x + x;
            self.painter
                .line_segment([pos2(x, area.top()), pos2(x, area.bottom())], faint);
            self.painter
                .line_segment([pos2(x, area.bottom()), pos2(x, area.bottom() + 3.0)], mark);
        }
        self.painter.rect_stroke(
            area,
            0.0,
            Stroke::new(1.0, self.text.gamma_multiply(0.3)),
            egui::StrokeKind::Inside,
        );
    }

    /// A dashed line down at layout x from `top` to `bottom`.
    pub fn dashed_down(&self, x: f32, (top, bottom): (f32, f32), stroke: Stroke, dash: f32) {
        let x = self.origin.x + x;
        let points = [
            pos2(x, self.origin.y + top),
            pos2(x, self.origin.y + bottom),
        ];
        self.painter
            .extend(egui::Shape::dashed_line(&points, stroke, dash, dash * 0.8));
    }

    /// A bar in a zone's colour (lighter when `lighter`), outlined.
    pub fn bar(&self, rect: &chart_layout::Rect, zone: Zone, lighter: bool) {
        let fill = self.bar_fill(zone, lighter);
        self.painter.rect(
            self.rect(rect),
            1.0,
            fill,
            Stroke::new(1.0, self.text),
            egui::StrokeKind::Inside,
        );
    }

    /// A bar's fill: the zone's colour; for a second framework's bar, lighter (mixed with the
    /// background).
    #[must_use]
    pub fn bar_fill(&self, zone: Zone, lighter: bool) -> Color32 {
        let colour = zone_colour(zone);
        if lighter {
            colour.lerp_to_gamma(self.background, 0.45)
        } else {
            colour
        }
    }

    /// An arrow at layout height `y` from layout x `from` to `to`, its head at `to`; a move of
    /// no distance is a short upright stroke.
    pub fn arrow(&self, (from, to): (f32, f32), y: f32) {
        let stroke = Stroke::new(1.5, self.strong);
        let start = self.origin + vec2(from, y);
        if (to - from).abs() < 1.0 {
            self.painter
                .line_segment([start - vec2(0.0, 4.0), start + vec2(0.0, 4.0)], stroke);
            return;
        }
        // egui's own arrow scales its head with its length; this one keeps a fixed head.
        const HEAD: f32 = 7.0;
        let tip = self.origin + vec2(to, y);
        let back = if to > from { -HEAD } else { HEAD };
        self.painter.line_segment([start, tip], stroke);
        for side in [-1.0, 1.0] {
            let barb = tip + vec2(back, side * HEAD * 0.6);
            self.painter.line_segment([tip, barb], stroke);
        }
    }

    /// A ◆ (filled) or ◇ marker centred at layout `(x, y)`.
    pub fn diamond(&self, (x, y): (f32, f32), radius: f32, filled: bool) {
        let c = self.origin + vec2(x, y);
        let points = vec![
            pos2(c.x, c.y - radius),
            pos2(c.x + radius, c.y),
            pos2(c.x, c.y + radius),
            pos2(c.x - radius, c.y),
        ];
        let fill = if filled {
            self.strong
        } else {
            Color32::TRANSPARENT
        };
        self.painter.add(egui::Shape::convex_polygon(
            points,
            fill,
            Stroke::new(1.5, self.strong),
        ));
    }
}

/// Shows `text(slot)` as a tooltip when the pointer is over a slot of the plot.
pub fn hover_slot(
    response: &PlotResponse<Option<PlotPoint>>,
    count: usize,
    horizontal: bool,
    text: impl Fn(usize) -> String,
) {
    let Some(point) = response.inner else { return };
    if !response.response.hovered() {
        return;
    }
    let along = if horizontal { point.y } else { point.x };
    if let Some(slot) = slot_at(along, count) {
        response
            .response
            .clone()
            .on_hover_text_at_pointer(text(slot));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slots_round_to_the_nearest_category() {
        assert_eq!(slot_at(0.3, 3), Some(0));
        assert_eq!(slot_at(1.6, 3), Some(2));
        assert_eq!(slot_at(2.6, 3), None);
        assert_eq!(slot_at(-0.6, 3), None);
    }

    #[test]
    fn labels_are_shortened_with_an_ellipsis() {
        assert_eq!(
            shorten("Backend/API Developer", 40),
            "Backend/API Developer"
        );
        assert_eq!(shorten("Backend/API Developer", 8), "Backend…");
        assert_eq!(slot_label(&["a".into(), "b".into()], 1.0), "b");
        assert_eq!(slot_label(&["a".into()], 1.0), "");
    }
}
