//! Scores against the zone bands, one row per role, as [`crate::chart_layout::score`] lays them
//! out: the role's full title with its seniority beneath, a bar to its final score in its zone's
//! colour with the score and zone written after it, the framework's thresholds as dashed lines
//! named at the top. An override shows ◆ at the computed score; a second framework adds a
//! lighter bar under each role's; the published scores of the roles the compared ones name under
//! "where to look next" can follow as rows with a ◇. Each row tells its figures on hover and to a
//! screen reader.

use egui::{RichText, Sense, Stroke, Ui};

use super::Compared;
use crate::app::chart::{self, Canvas, GREY};
use crate::app::store::Document;
use crate::chart_layout::PlacedText;
use crate::chart_layout::score::{Row, RowKind, ScoreChart, ScoreLayout, Shape};
use crate::fmt;
use crate::framework::Framework;
use crate::scoring::{Breakdown, Composite, score, zone_of};

/// What the chart shows: the roles of the set, and how.
pub struct ChartInput<'a> {
    /// The comparison set.
    pub set: &'a [Compared<'a>],
    /// The framework the roles are shown under.
    pub framework: &'a Framework,
    /// Show the published scores of related roles as rows of their own.
    pub show_references: bool,
    /// A second framework every role is also shown under.
    pub second: Option<&'a Framework>,
}

/// A published score of a related role, named by a compared role.
#[derive(Debug, Clone, PartialEq)]
struct Reference {
    title: String,
    score: f64,
    named_by: String,
    note: String,
}

/// The score chart of a comparison set and what each of its rows says on hover.
#[must_use]
pub fn chart_of(input: &ChartInput<'_>) -> (ScoreChart, Vec<String>) {
    let mut rows = Vec::new();
    let mut details = Vec::new();
    for role in input.set {
        let b = role.doc.breakdown();
        let mut row = Row::role(&role.name, b);
        let mut detail = detail(role);
        if let Some(second) = input.second {
            let under = score(role.doc.assessment(), second);
            row = row.with_second(&under);
            detail.push_str(&format!("\n{}", second_line(&under, second)));
        }
        rows.push(row);
        details.push(detail);
    }
    let references = if input.show_references {
        references(input.set)
    } else {
        Vec::new()
    };
    for reference in references {
        let zone = zone_of(reference.score, input.framework);
        rows.push(Row::reference(
            &reference.title,
            &reference.named_by,
            reference.score,
            zone,
        ));
        details.push(reference_detail(&reference, input.framework));
    }
    let chart = ScoreChart::new(input.framework, rows);
    let chart = match input.second {
        Some(second) => chart.with_second_thresholds(second),
        None => chart,
    };
    (chart, details)
}

/// The chart laid out across `width` points, measured in the fonts `ui` draws it in.
#[must_use]
pub fn layout(ui: &Ui, chart: &ScoreChart, width: f32) -> ScoreLayout {
    let painter = ui.painter();
    chart.layout(width, &|text: &str, kind| {
        chart::text_size(painter, text, kind)
    })
}

/// Draws the score chart and, under it, the key to its marks.
pub fn ui(ui: &mut Ui, input: &ChartInput<'_>) {
    let (chart, details) = chart_of(input);
    let rows: Vec<RowText> = chart
        .rows
        .iter()
        .zip(details)
        .map(|(row, hover)| RowText {
            spoken: row_words(row),
            hover,
        })
        .collect();
    draw(ui, &chart, &describe(input.set, input.second), &rows);
    key(ui, &chart, input);
}

/// What a row of a score chart says: to a screen reader, and on hover.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowText {
    /// Its name and figures in words, for a screen reader.
    pub spoken: String,
    /// Its hover text.
    pub hover: String,
}

/// Lays out and paints a score chart across the width available, named `description` for a
/// screen reader, each row with its words (`rows`, in the chart's order): the one drawing of the
/// Compare and Pathways charts.
pub fn draw(ui: &mut Ui, chart: &ScoreChart, description: &str, rows: &[RowText]) {
    let width = ui.available_width();
    let layout = layout(ui, chart, width);
    let (rect, response) = ui.allocate_exact_size(egui::vec2(width, layout.height), Sense::hover());
    if ui.is_rect_visible(rect) {
        let painter = ui.painter_at(rect.expand(2.0));
        paint(&Canvas::new(ui, &painter, rect.min), &layout);
    }
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, description));
    rows_on_hover(ui, &layout, rect.min, rows);
}

/// Paints the laid-out chart: bands, grid, thresholds, bars, markers, then every text.
fn paint(canvas: &Canvas<'_>, layout: &ScoreLayout) {
    canvas.bands(&layout.bands);
    canvas.grid(&layout.ticks, &layout.plot);
    for &(x, second) in &layout.thresholds {
        let (colour, dash) = if second {
            (GREY, 4.0)
        } else {
            (canvas.text, 7.0)
        };
        for span in line_around_labels(layout, x) {
            canvas.dashed_down(x, span, Stroke::new(1.5, colour), dash);
        }
    }
    if let Some(y) = layout.reference_rule {
        let from = canvas.origin + egui::vec2(0.0, y);
        let to = from + egui::vec2(layout.width, 0.0);
        canvas
            .painter
            .extend(egui::Shape::dotted_line(&[from, to], GREY, 6.0, 1.0));
    }
    for bar in &layout.bars {
        canvas.bar(&bar.rect, bar.zone, bar.shape == Shape::SecondBar);
    }
    for d in &layout.diamonds {
        canvas.diamond((d.x, d.y), d.radius, d.filled);
    }
    for arrow in &layout.arrows {
        canvas.arrow((arrow.from, arrow.to), arrow.y);
    }
    for text in &layout.texts {
        paint_text(canvas, layout, text);
    }
}

/// The stretches of a threshold line at `x` down the plot that pass no bar label: the line
/// stops short of a label it would cross, so every label reads in full.
fn line_around_labels(layout: &ScoreLayout, x: f32) -> Vec<(f32, f32)> {
    const ROOM: f32 = 2.0;
    let mut crossed: Vec<(f32, f32)> = layout
        .texts
        .iter()
        .filter(|t| t.rect.left - ROOM <= x && x <= t.rect.right + ROOM)
        .map(|t| (t.rect.top, t.rect.bottom))
        .collect();
    crossed.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut spans = Vec::new();
    let mut from = layout.plot.top;
    for (top, bottom) in crossed {
        if top > from {
            spans.push((from, top.min(layout.plot.bottom)));
        }
        from = from.max(bottom);
    }
    if from < layout.plot.bottom {
        spans.push((from, layout.plot.bottom));
    }
    spans
}

/// A text in its kind's colour, or black or white on the bar it is written on.
fn paint_text(canvas: &Canvas<'_>, layout: &ScoreLayout, text: &PlacedText) {
    match text.on_bar.and_then(|i| layout.bars.get(i)) {
        Some(bar) => {
            let fill = canvas.bar_fill(bar.zone, bar.shape == Shape::SecondBar);
            canvas.text_in(text, chart::text_on(fill));
        }
        None => canvas.text(text),
    }
}

/// Each row tells its figures on hover, and its name and label to a screen reader.
fn rows_on_hover(ui: &Ui, layout: &ScoreLayout, origin: egui::Pos2, rows: &[RowText]) {
    let id = ui.scope_id().with("score chart rows");
    for (i, (rect, text)) in layout.rows.iter().zip(rows).enumerate() {
        let area = egui::Rect::from_min_size(
            origin + egui::vec2(rect.left, rect.top),
            egui::vec2(rect.width(), rect.height()),
        );
        ui.interact(area, id.with(i), Sense::hover())
            .on_hover_text(&text.hover)
            .widget_info(|| egui::WidgetInfo::labeled(egui::Role::ListItem, true, &text.spoken));
    }
}

/// A row in words: "Backend/API Developer, Mid-Level (3-5 years): 24.5 Red".
fn row_words(row: &Row) -> String {
    let labels: Vec<&str> = row.marks.iter().map(|m| m.label.as_str()).collect();
    let name = if row.detail.is_empty() {
        row.title.clone()
    } else {
        format!("{}, {}", row.title, row.detail)
    };
    format!("{name}: {}", labels.join("; "))
}

/// The score under a second framework, for the hover text: "Under “X”: 18.5 Red".
fn second_line(under: &Breakdown, second: &Framework) -> String {
    let figures = under.final_result().map_or_else(
        || under.no_score_text(),
        |r| format!("{} {}", fmt::score(r.score), r.zone.name()),
    );
    format!("Under “{}”: {figures}", second.name)
}

/// The hover text of a role: its final and computed score, or why it has none.
fn detail(role: &Compared<'_>) -> String {
    let b = role.doc.breakdown();
    let heading = role.heading();
    match &b.composite {
        Some(c) => scored_detail(&heading, c, role.doc),
        None => format!("{heading}\n{}", b.no_score_text()),
    }
}

/// The hover text of a scored role: final and computed score, override reason, provisional flag.
fn scored_detail(heading: &str, c: &Composite, doc: &Document) -> String {
    let result = c.final_result;
    let by = if result.overridden {
        " (assessor override)"
    } else {
        ""
    };
    let mut lines = vec![
        heading.to_owned(),
        format!(
            "Final score {} — {}{by}",
            fmt::score(result.score),
            result.zone.name()
        ),
        format!(
            "Computed {} — {} (raw {})",
            fmt::score(c.score),
            c.sub_label_text(),
            fmt::raw(c.raw)
        ),
    ];
    let reason = doc
        .assessment()
        .override_result
        .as_ref()
        .map(|o| o.reason.trim())
        .filter(|r| !r.is_empty());
    lines.extend(reason.map(|r| format!("Override: {r}")));
    if doc.breakdown().provisional {
        lines.push("⚠ Provisional: task time does not add up to 100%".to_owned());
    }
    lines.join("\n")
}

/// The published scores named under "where to look next", once per title, in the set's order.
fn references(set: &[Compared<'_>]) -> Vec<Reference> {
    let mut found: Vec<Reference> = Vec::new();
    for role in set {
        for related in &role.doc.assessment().commentary.where_to_look_next {
            let Some(score) = related.aijri.filter(|s| s.is_finite()) else {
                continue;
            };
            if found
                .iter()
                .any(|r| r.title.eq_ignore_ascii_case(&related.title))
            {
                continue;
            }
            found.push(Reference {
                title: related.title.clone(),
                score,
                named_by: role.label().to_owned(),
                note: related.note.clone(),
            });
        }
    }
    found
}

fn reference_detail(reference: &Reference, framework: &Framework) -> String {
    let zone = zone_of(reference.score, framework).name();
    let mut text = format!(
        "{} — published AIJRI {} ({zone})\nNamed under \"where to look next\" by {}",
        reference.title,
        fmt::score(reference.score),
        reference.named_by
    );
    if !reference.note.trim().is_empty() {
        text.push_str(&format!(":\n{}", reference.note.trim()));
    }
    text
}

/// The chart in words, for screen readers and tests: each role with its score and zone (and
/// under a second framework).
fn describe(set: &[Compared<'_>], second: Option<&Framework>) -> String {
    let parts: Vec<String> = set
        .iter()
        .map(|role| {
            let mut words = format!("{} {}", role.label(), result_words(role.doc.breakdown()));
            if let Some(second) = second {
                let under = score(role.doc.assessment(), second);
                words.push_str(&format!(", under {} {}", second.name, result_words(&under)));
            }
            words
        })
        .collect();
    format!("Score chart: {}", parts.join("; "))
}

/// "24.5 Red", with the computed score after an override; "no score".
fn result_words(b: &Breakdown) -> String {
    let Some(c) = &b.composite else {
        return crate::chart_layout::score::NO_SCORE.to_owned();
    };
    let result = c.final_result;
    let flag = if result.overridden {
        format!(
            " (override; computed {} {})",
            fmt::score(c.score),
            c.zone.name()
        )
    } else {
        String::new()
    };
    format!("{} {}{flag}", fmt::score(result.score), result.zone.name())
}

/// The key under the chart, in words: what the lines and marks mean, each only when it appears.
fn key(ui: &mut Ui, chart: &ScoreChart, input: &ChartInput<'_>) {
    let mut parts =
        vec!["Bars: final score and zone; dashed lines: the zone thresholds".to_owned()];
    let marks = || chart.rows.iter().flat_map(|r| &r.marks);
    if chart.rows.iter().any(|r| r.computed.is_some()) {
        parts.push("◆ the computed score under an assessor override".into());
    }
    if marks().any(|m| m.provisional) {
        parts.push("provisional: task time not 100%".into());
    }
    if marks().any(|m| m.value.is_none()) {
        parts.push("no score: a missing part or no tasks (hover for why)".into());
    }
    if chart.rows.iter().any(|r| r.kind == RowKind::Reference) {
        parts.push("◇ published score of a related role (\"where to look next\")".into());
    }
    if let Some(second) = input.second {
        parts.push(format!(
            "lighter bars: each role under “{}”, its thresholds grey",
            second.name
        ));
    }
    parts.push("hover a row for its figures".into());
    ui.label(RichText::new(parts.join(" · ")).size(12.0));
}
