//! What the plots of the Compare and What-if views share: a plot that does not pan or zoom, a
//! category axis (one labelled slot per role or input), the zone threshold lines with their labels,
//! hover text that names the slot under the pointer, and the series colours.
//!
//! Zone colours come from [`super::widgets::zone_colour`]; the series colours here are other
//! Okabe–Ito colours, and every series also has a name in the legend or a text label.

use egui::{Align2, Color32, RichText, Ui};
use egui_plot::{GridMark, HLine, LineStyle, Plot, PlotPoint, PlotResponse, PlotUi, Text};

use crate::framework::Framework;
use crate::model::Zone;
use crate::report::plain_number;

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

/// Category labels shortened so that `labels.len()` of them fit side by side in `width` points.
#[must_use]
pub fn fit_labels(labels: &[String], width: f32) -> Vec<String> {
    let slot_width = width / labels.len().max(1) as f32;
    labels
        .iter()
        .map(|l| shorten(l, chars_for_width(slot_width - 10.0)))
        .collect()
}

/// How many characters of a category label fit in a slot `width` points wide.
#[must_use]
pub fn chars_for_width(width: f32) -> usize {
    // About 7 points per character of the body font; never fewer than 4.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let chars = (width / 7.5).floor().max(4.0) as usize;
    chars
}

/// The Yellow and Green threshold lines, dashed, each labelled at the right edge of the plot.
pub fn threshold_lines(plot: &mut PlotUi<'_>, framework: &Framework, right_edge: f64) {
    for (zone, value) in [
        (Zone::Yellow, framework.zones.yellow_min),
        (Zone::Green, framework.zones.green_min),
    ] {
        let label = format!("{} ≥ {}", zone.name(), plain_number(value, 1));
        plot.hline(
            HLine::new(label.clone(), value)
                .style(LineStyle::dashed_loose())
                .color(GREY)
                .width(1.5),
        );
        let text = RichText::new(label).small().strong();
        plot.text(
            Text::new("", PlotPoint::new(right_edge, value), text)
                .anchor(Align2::RIGHT_BOTTOM)
                .id(("threshold", zone.key())),
        );
    }
}

/// A key to a chart's series: a swatch of each colour with its name, in a wrapping row.
pub fn key_row(ui: &mut Ui, items: &[(Color32, &str)]) {
    ui.horizontal_wrapped(|ui| {
        for (colour, name) in items {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
            ui.painter().rect(
                rect,
                2.0,
                *colour,
                egui::Stroke::new(1.0, ui.visuals().text_color()),
                egui::StrokeKind::Inside,
            );
            ui.label(RichText::new(*name).small());
            ui.add_space(8.0);
        }
    });
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
