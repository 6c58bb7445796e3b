//! Where each role's working time goes, one row per role, as
//! [`crate::chart_layout::time_split`] lays it out: a 100 % bar by automation score and one by
//! impact, segments labelled where the label fits; every segment tells its share on hover, and
//! the key is shown once, under the chart.

use egui::{Color32, Sense, Stroke, Ui};

use super::Compared;
use crate::app::chart::{self, AUTOMATION, Canvas, GREY, PURPLE, SKY_BLUE};
use crate::chart_layout;
use crate::chart_layout::time_split::{
    Segment, TimeRow, TimeSplitLayout, layout, no_time_text, shares,
};
use crate::fmt;
use crate::model::Impact;

/// A segment kind's colour.
fn colour(segment: Segment) -> Color32 {
    match segment {
        Segment::Score(score) => usize::try_from(score - 1)
            .ok()
            .and_then(|i| AUTOMATION.get(i))
            .copied()
            .unwrap_or(GREY),
        Segment::Impact(Impact::Displacement) => PURPLE,
        Segment::Impact(Impact::Augmentation) => SKY_BLUE,
        Segment::Impact(Impact::NotInvolved) => GREY,
    }
}

/// Draws the bars of the comparison set, with the key under them.
pub fn ui(ui: &mut Ui, set: &[Compared<'_>]) {
    let rows: Vec<TimeRow> = set
        .iter()
        .map(|role| TimeRow {
            title: role.name.title.clone(),
            detail: role.name.detail.clone(),
            shares: shares(role.doc.assessment(), role.doc.breakdown()),
        })
        .collect();
    let width = ui.available_width();
    let laid_out = {
        let painter = ui.painter();
        layout(&rows, width, &|text: &str, kind| {
            chart::text_size(painter, text, kind)
        })
    };
    let (rect, response) =
        ui.allocate_exact_size(egui::vec2(width, laid_out.height), Sense::hover());
    if ui.is_rect_visible(rect) {
        let painter = ui.painter_at(rect.expand(2.0));
        paint(&Canvas::new(ui, &painter, rect.min), &laid_out);
    }
    response.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::Image, true, "Where the working time goes")
    });
    on_hover(ui, set, &rows, &laid_out, rect.min);
    let key: Vec<(Color32, String)> = Segment::ALL
        .iter()
        .map(|s| (colour(*s), s.key_name()))
        .collect();
    let key: Vec<(Color32, &str)> = key.iter().map(|(c, n)| (*c, n.as_str())).collect();
    chart::key_row(ui, &key);
}

/// Paints the laid-out bars, then every text (on a segment in black or white).
fn paint(canvas: &Canvas<'_>, layout: &TimeSplitLayout) {
    canvas.stripes(&layout.rows);
    for (plot, ticks) in layout.plots.iter().zip(&layout.ticks) {
        canvas.grid(ticks, plot);
    }
    for segment in &layout.segments {
        canvas.painter.rect(
            canvas.rect(&segment.rect),
            0.0,
            colour(segment.segment),
            Stroke::new(0.5, canvas.text),
            egui::StrokeKind::Inside,
        );
    }
    for text in &layout.texts {
        match text.on_bar.and_then(|i| layout.segments.get(i)) {
            Some(segment) => canvas.text_in(text, chart::text_on(colour(segment.segment))),
            None => canvas.text(text),
        }
    }
}

/// Each segment tells its share on hover; each role's name every share, and to a screen reader.
fn on_hover(
    ui: &Ui,
    set: &[Compared<'_>],
    rows: &[TimeRow],
    layout: &TimeSplitLayout,
    origin: egui::Pos2,
) {
    let canvas = Canvas::new(ui, ui.painter(), origin);
    let id = ui.scope_id().with("time split");
    let names_end = layout.plots[0].left - 4.0;
    for (i, ((role, row), rect)) in set.iter().zip(rows).zip(&layout.rows).enumerate() {
        let spoken = detail(role, row.shares.as_ref()).replace('\n', "; ");
        let name = chart_layout::Rect {
            right: names_end,
            ..*rect
        };
        ui.interact(canvas.rect(&name), id.with(("row", i)), Sense::hover())
            .on_hover_text(detail(role, row.shares.as_ref()))
            .widget_info(|| egui::WidgetInfo::labeled(egui::Role::ListItem, true, &spoken));
    }
    for (k, segment) in layout.segments.iter().enumerate() {
        let Some(role) = set.get(segment.row) else {
            continue;
        };
        let text = format!(
            "{}\n{}: {} of task time",
            role.heading(),
            segment.segment.name(),
            fmt::pct(segment.share)
        );
        ui.interact(
            canvas.rect(&segment.rect),
            id.with(("segment", k)),
            Sense::hover(),
        )
        .on_hover_text(text);
    }
}

/// The hover text of a role: every segment with its share, or why there is no task time.
fn detail(role: &Compared<'_>, shares: Option<&[f64; 8]>) -> String {
    let mut lines = vec![role.heading()];
    let Some(shares) = shares else {
        lines.push(no_time_text(role.doc.assessment()).to_owned());
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
