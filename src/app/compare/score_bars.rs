//! Scores as bars against the zone bands: one bar per compared role (its final score, coloured and
//! labelled with its zone), the framework's Yellow and Green thresholds as labelled lines,
//! overridden scores marked with ⚑ and a ◆ at the computed score, and — when asked — ◇ markers for
//! the published scores of the roles the compared ones name under "where to look next". A role
//! without a score gets no bar, only "no score" at the foot of its slot (the reason on hover).

use egui::{Align2, RichText, Stroke, Ui};
use egui_plot::{
    AxisHints, Bar, BarChart, LineStyle, MarkerShape, PlotPoint, PlotUi, Points, Span, Text, VLine,
};

use super::Compared;
use crate::app::chart::{self, GREY};
use crate::app::store::Document;
use crate::app::widgets::{zone_band, zone_colour};
use crate::fmt;
use crate::framework::Framework;
use crate::model::Zone;
use crate::scoring::{Composite, zone_of};

/// The chart's height in points.
const HEIGHT: f32 = 380.0;
/// Slots at least this wide (points) name the zone in the bar label.
const WIDE_SLOT: f32 = 80.0;
/// Room above 100 for the bar labels.
const TOP: f64 = 112.0;
/// The label of a role without a score, at the foot of its slot.
const NO_SCORE: &str = "no score";
/// Paired bars (a second framework): how far each sits from the middle of its slot, and how wide.
const PAIR_OFFSET: f64 = 0.17;
const PAIR_WIDTH: f64 = 0.32;

/// A role's bar: what is drawn and what its hover text says. A role without a score has no bar.
#[derive(Debug, Clone, PartialEq)]
struct ScoreBar {
    label: String,
    scored: Option<Scored>,
    detail: String,
}

/// The figures of a role that has a score.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Scored {
    score: f64,
    zone: Zone,
    overridden: bool,
    computed: f64,
    computed_zone: Zone,
    provisional: bool,
}

/// A role's final score and zone under a second framework; `None` without a score there.
type SecondScore = Option<(f64, Zone)>;

/// A published score of a related role, named by a compared role.
#[derive(Debug, Clone, PartialEq)]
struct Reference {
    title: String,
    score: f64,
    named_by: String,
    note: String,
}

/// Draws the score chart and, under it, the key to its markers.
pub fn ui(
    ui: &mut Ui,
    set: &[Compared<'_>],
    framework: &Framework,
    show_references: bool,
    second: Option<&Framework>,
) {
    let bars: Vec<ScoreBar> = set.iter().map(score_bar).collect();
    let paired: Option<(&Framework, Vec<SecondScore>)> = second.map(|second| {
        let scores = set
            .iter()
            .map(|role| {
                let b = crate::scoring::score(role.doc.assessment(), second);
                b.final_result().map(|r| (r.score, r.zone))
            })
            .collect();
        (second, scores)
    });
    let references = if show_references {
        references(set)
    } else {
        Vec::new()
    };
    let labels: Vec<String> = bars
        .iter()
        .map(|b| b.label.clone())
        .chain(references.iter().map(|r| r.title.clone()))
        .collect();
    let count = labels.len();
    // Room on the left for the band names, on the right for the threshold labels.
    let slots = chart::slots(
        ui.available_width(),
        count,
        20.0,
        chart::THRESHOLD_LABEL_ROOM,
    );
    let short = chart::fit_labels(ui, &labels, slots.width);
    let dark = ui.visuals().dark_mode;
    // Room for "YELLOW" under the score in each slot.
    let wide = slots.width >= WIDE_SLOT;
    let outline = ui.visuals().text_color();
    let x_axis = chart::category_axis(AxisHints::new_x(), chart::ROLES_AXIS, short);
    let response = chart::fixed_plot("compare scores", HEIGHT)
        .custom_x_axes(vec![x_axis])
        .show_grid([false, true])
        .y_axis_label(axis_label(framework))
        .include_x(slots.left)
        .include_x(slots.right)
        .include_y(0.0)
        .include_y(TOP)
        .x_grid_spacer(chart::slot_marks(count))
        .y_grid_spacer(chart::tens_to_100)
        .show(ui, |plot| {
            zone_bands(plot, framework, dark);
            chart::threshold_lines(
                plot,
                framework,
                (slots.right, Align2::RIGHT_BOTTOM),
                outline,
            );
            match &paired {
                None => score_bars(plot, &bars, outline, wide),
                Some((second, scores)) => {
                    paired_bars(plot, &bars, scores, outline);
                    second_thresholds(plot, second, slots.left);
                }
            }
            reference_markers(plot, &references, bars.len(), framework, outline);
            plot.pointer_coordinate()
        });
    chart::hover_slot(&response, count, false, |slot| match bars.get(slot) {
        Some(bar) => bar.detail.clone(),
        None => references
            .get(slot - bars.len())
            .map(|r| reference_detail(r, framework))
            .unwrap_or_default(),
    });
    let description = describe(&bars);
    response
        .response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &description));
    key(ui, &bars, &references, wide && paired.is_none());
    if let Some((second, _)) = &paired {
        ui.label(
            RichText::new(format!(
                "Paired bars: left under each role's framework, right (lighter) under “{}”; grey dashed lines on the left: its thresholds",
                second.name
            ))
            .size(12.0),
        );
    }
}

/// Each role's bar under its own framework (left) and under a second one (right, lighter), each
/// labelled with its score.
fn paired_bars(
    plot: &mut PlotUi<'_>,
    bars: &[ScoreBar],
    second: &[SecondScore],
    outline: egui::Color32,
) {
    let mut drawn = Vec::new();
    for (i, (bar, other)) in bars.iter().zip(second).enumerate() {
        let x = chart::slot_value(i);
        let pair = [
            (x - PAIR_OFFSET, bar.scored.map(|s| (s.score, s.zone)), 1.0),
            (x + PAIR_OFFSET, *other, 0.55),
        ];
        for (j, (at, score, strength)) in pair.into_iter().enumerate() {
            let label = score.map_or_else(|| NO_SCORE.to_owned(), |(s, _)| fmt::score(s));
            let y = score.map_or(1.0, |(s, _)| s + 1.0);
            plot.text(
                Text::new(
                    "",
                    PlotPoint::new(at, y),
                    RichText::new(label).size(12.0).strong(),
                )
                .anchor(Align2::CENTER_BOTTOM)
                .id(("paired label", i, j)),
            );
            if let Some((score, zone)) = score {
                drawn.push(
                    Bar::new(at, score)
                        .width(PAIR_WIDTH)
                        .fill(zone_colour(zone).gamma_multiply(strength))
                        .stroke(Stroke::new(1.0, outline)),
                );
            }
        }
    }
    plot.bar_chart(BarChart::new("Final scores", drawn).allow_hover(false));
}

/// The second framework's zone thresholds: grey dashed lines labelled on the left.
fn second_thresholds(plot: &mut PlotUi<'_>, second: &Framework, left: f64) {
    for (zone, value) in [
        (Zone::Yellow, second.zones.yellow_min),
        (Zone::Green, second.zones.green_min),
    ] {
        let label = chart::threshold_label(zone, value);
        plot.hline(
            egui_plot::HLine::new(format!("{label} ({})", second.name), value)
                .style(egui_plot::LineStyle::dashed_dense())
                .color(egui::Color32::GRAY)
                .width(1.5),
        );
        plot.text(
            Text::new(
                "",
                PlotPoint::new(left, value),
                RichText::new(label).size(11.0),
            )
            .anchor(Align2::LEFT_BOTTOM)
            .id(("second threshold", zone.key())),
        );
    }
}

/// The score axis's title with the framework's range: "AIJRI score (0–100)".
fn axis_label(framework: &Framework) -> String {
    let clamp = framework.clamp;
    format!(
        "AIJRI score ({}–{})",
        fmt::weight(clamp.min),
        fmt::weight(clamp.max)
    )
}

/// The bar of a compared role.
fn score_bar(role: &Compared<'_>) -> ScoreBar {
    bar_of(&role.label, role.doc)
}

/// The bar of a document labelled `label`: its final score, or none with the reason on hover.
fn bar_of(label: &str, doc: &Document) -> ScoreBar {
    let b = doc.breakdown();
    let title = doc.assessment().display_title();
    let scored = b.composite.as_ref().map(|c| Scored {
        score: c.final_result.score,
        zone: c.final_result.zone,
        overridden: c.final_result.overridden,
        computed: c.score,
        computed_zone: c.zone,
        provisional: b.provisional,
    });
    let detail = match &b.composite {
        Some(c) => scored_detail(&title, c, doc),
        None => format!("{title}\n{}", b.no_score_text()),
    };
    ScoreBar {
        label: label.to_owned(),
        scored,
        detail,
    }
}

/// The text a document's bar is labelled with: "25.0\nYELLOW" in a `wide` slot, "no score"
/// without a score.
#[cfg(test)]
#[must_use]
pub(super) fn label_text(doc: &Document, wide: bool) -> String {
    bar_label(&bar_of("", doc), wide)
}

/// The hover text of a scored role: final and computed score, override reason, provisional flag.
fn scored_detail(title: &str, c: &Composite, doc: &Document) -> String {
    let result = c.final_result;
    let by = if result.overridden {
        " (assessor override)"
    } else {
        ""
    };
    let mut lines = vec![
        title.to_owned(),
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
                named_by: role.label.clone(),
                note: related.note.clone(),
            });
        }
    }
    found
}

fn zone_bands(plot: &mut PlotUi<'_>, framework: &Framework, dark: bool) {
    let zones = framework.zones;
    let bands = [
        (Zone::Red, framework.clamp.min, zones.yellow_min),
        (Zone::Yellow, zones.yellow_min, zones.green_min),
        (Zone::Green, zones.green_min, framework.clamp.max),
    ];
    for (zone, low, high) in bands {
        let name = zone.name().to_uppercase();
        plot.span(
            Span::new(name, low..=high)
                .axis(egui_plot::Axis::Y)
                .fill(zone_band(zone, dark)),
        );
    }
}

/// Draws the bars and their labels; `wide` slots also name the zone in the label. A role without
/// a score gets no bar, only "no score" at the foot of its slot.
fn score_bars(plot: &mut PlotUi<'_>, bars: &[ScoreBar], outline: egui::Color32, wide: bool) {
    let chart_bars = bars
        .iter()
        .enumerate()
        .filter_map(|(i, bar)| {
            let scored = bar.scored?;
            let drawn = Bar::new(chart::slot_value(i), scored.score)
                .width(0.6)
                .fill(zone_colour(scored.zone))
                .stroke(Stroke::new(1.0, outline))
                .name(&bar.label);
            Some(drawn)
        })
        .collect();
    plot.bar_chart(BarChart::new("Final score", chart_bars).allow_hover(false));
    for (i, bar) in bars.iter().enumerate() {
        let x = chart::slot_value(i);
        // Above the bar; at the foot of the slot when there is no bar.
        let y = bar.scored.map_or(1.0, |s| s.score + 1.0);
        plot.text(
            Text::new(
                "",
                PlotPoint::new(x, y),
                RichText::new(bar_label(bar, wide)).size(13.0).strong(),
            )
            .anchor(Align2::CENTER_BOTTOM)
            .id(("score label", i)),
        );
        if let Some(scored) = bar.scored.filter(|s| s.overridden) {
            let marker = Points::new("", vec![[x + 0.38, scored.computed]])
                .shape(MarkerShape::Diamond)
                .radius(6.0)
                .filled(true)
                .color(outline);
            plot.points(marker.id(("computed", i)));
        }
    }
}

/// "24.5\nRED" (with ⚑ for an override and ⚠ when provisional); where slots are narrow, only the
/// score and the markers: the band the bar ends in names the zone. "no score" without a score.
fn bar_label(bar: &ScoreBar, wide: bool) -> String {
    let Some(scored) = bar.scored else {
        return NO_SCORE.to_owned();
    };
    let flag = if scored.overridden { "⚑ " } else { "" };
    let warning = if scored.provisional { " ⚠" } else { "" };
    let score = fmt::score(scored.score);
    if wide {
        format!(
            "{flag}{score}{warning}\n{}",
            scored.zone.name().to_uppercase()
        )
    } else if scored.overridden || scored.provisional {
        format!("{score}\n{flag}{warning}")
    } else {
        score
    }
}

fn reference_markers(
    plot: &mut PlotUi<'_>,
    references: &[Reference],
    first: usize,
    framework: &Framework,
    outline: egui::Color32,
) {
    if references.is_empty() {
        return;
    }
    plot.vline(
        VLine::new("", chart::slot_value(first) - 0.5)
            .style(LineStyle::dotted_dense())
            .color(GREY)
            .id("references"),
    );
    for (i, reference) in references.iter().enumerate() {
        let x = chart::slot_value(first + i);
        let marker = Points::new("", vec![[x, reference.score]])
            .shape(MarkerShape::Diamond)
            .radius(7.0)
            .filled(false)
            .color(outline);
        plot.points(marker.id(("reference", i)));
        let zone = zone_of(reference.score, framework).name().to_uppercase();
        let text = format!("◇ {}\n{zone}", fmt::score(reference.score));
        plot.text(
            Text::new(
                "",
                PlotPoint::new(x, reference.score + 2.5),
                RichText::new(text).size(12.0),
            )
            .anchor(Align2::CENTER_BOTTOM)
            .id(("reference label", i)),
        );
    }
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

/// The chart in words, for screen readers and tests: each role with its score and zone.
fn describe(bars: &[ScoreBar]) -> String {
    let parts: Vec<String> = bars
        .iter()
        .map(|b| match b.scored {
            Some(s) => format!("{} {}", b.label, scored_words(s)),
            None => format!("{} {NO_SCORE}", b.label),
        })
        .collect();
    format!("Score chart: {}", parts.join("; "))
}

/// "24.5 Red", with the computed score after an override.
fn scored_words(s: Scored) -> String {
    let flag = if s.overridden {
        format!(
            " (override; computed {} {})",
            fmt::score(s.computed),
            s.computed_zone.name()
        )
    } else {
        String::new()
    };
    format!("{} {}{flag}", fmt::score(s.score), s.zone.name())
}

/// The key under the chart, in words: what ⚑, ◆, ◇ and ⚠ mean, shown only when they appear.
fn key(ui: &mut Ui, bars: &[ScoreBar], references: &[Reference], wide: bool) {
    let bars_are = if wide {
        "Bars: final score, labelled with its zone"
    } else {
        "Bars: final score; its zone is the band the bar ends in (hover a bar for its figures)"
    };
    let mut parts = vec![format!("{bars_are}; dashed lines: zone thresholds")];
    let scored = || bars.iter().filter_map(|b| b.scored);
    if scored().any(|s| s.overridden) {
        parts.push("⚑ assessor override, ◆ the computed score".into());
    }
    if scored().any(|s| s.provisional) {
        parts.push("⚠ provisional (task time not 100%)".into());
    }
    if bars.iter().any(|b| b.scored.is_none()) {
        parts.push(format!(
            "{NO_SCORE}: a missing part or no tasks (hover for why)"
        ));
    }
    if !references.is_empty() {
        parts.push("◇ published score of a related role (\"where to look next\")".into());
    }
    ui.label(RichText::new(parts.join(" · ")).size(12.0));
}
