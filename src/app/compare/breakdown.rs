//! How each score is built, one row per role, as [`crate::chart_layout::breakdown`] lays it out:
//! a small waterfall in score points (task resistance alone, then what each modifier adds or takes
//! away, then the score) with the same figures in columns beside it. Each row tells every step
//! with its modifier on hover.

use egui::{Color32, Sense, Stroke, Ui};

use super::Compared;
use crate::app::chart::{self, BLUE, Canvas, GREY, PURPLE, SKY_BLUE};
use crate::app::widgets::zone_colour;
use crate::chart_layout::breakdown::{
    BreakdownChart, BreakdownLayout, BreakdownRow, Step, StepKind, step_label, waterfall,
};
use crate::fmt;
use crate::framework::Framework;
use crate::model::Zone;
use crate::scoring::Breakdown;

/// The colour of a step; the score takes its zone's.
fn colour(kind: StepKind, zone: Option<Zone>) -> Color32 {
    match kind {
        StepKind::TaskResistance => BLUE,
        StepKind::Evidence => SKY_BLUE,
        StepKind::Barriers => PURPLE,
        StepKind::Growth => GREY,
        StepKind::Score => zone.map_or(GREY, zone_colour),
    }
}

/// Draws the breakdown of the comparison set, with a key under it.
pub fn ui(ui: &mut Ui, set: &[Compared<'_>], framework: &Framework) {
    let rows = set
        .iter()
        .map(|role| {
            let b = role.doc.breakdown();
            BreakdownRow {
                title: role.name.title.clone(),
                detail: role.name.detail.clone(),
                steps: waterfall(b, framework),
                zone: b.zone(),
            }
        })
        .collect();
    let chart = BreakdownChart::new(framework, rows);
    let width = ui.available_width();
    let layout = {
        let painter = ui.painter();
        chart.layout(width, &|text: &str, kind| {
            chart::text_size(painter, text, kind)
        })
    };
    let (rect, response) = ui.allocate_exact_size(egui::vec2(width, layout.height), Sense::hover());
    if ui.is_rect_visible(rect) {
        let painter = ui.painter_at(rect.expand(2.0));
        paint(&Canvas::new(ui, &painter, rect.min), &chart, &layout);
    }
    response.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::Image, true, "How each score is built")
    });
    let id = ui.scope_id().with("breakdown rows");
    for (i, (role, row)) in set.iter().zip(&layout.rows).enumerate() {
        let area = Canvas::new(ui, ui.painter(), rect.min).rect(row);
        let spoken = row_words(role, chart.rows.get(i));
        ui.interact(area, id.with(i), Sense::hover())
            .on_hover_text(detail(role, framework))
            .widget_info(|| egui::WidgetInfo::labeled(egui::Role::ListItem, true, &spoken));
    }
    let key: Vec<(Color32, &str)> = StepKind::ALL
        .iter()
        .map(|&kind| (colour(kind, None), kind.name()))
        .collect();
    chart::key_row(ui, &key);
}

/// Paints the laid-out breakdown: thresholds and grid, the steps, the swatches, every text.
fn paint(canvas: &Canvas<'_>, chart: &BreakdownChart, layout: &BreakdownLayout) {
    canvas.stripes(&layout.rows);
    canvas.grid(&layout.ticks, &layout.plot);
    for &x in &layout.thresholds {
        let span = (layout.plot.top, layout.plot.bottom);
        canvas.dashed_down(x, span, Stroke::new(1.0, canvas.weak), 6.0);
    }
    for step in &layout.steps {
        let zone = chart.rows.get(step.row).and_then(|r| r.zone);
        canvas
            .painter
            .rect_filled(canvas.rect(&step.rect), 0.0, colour(step.kind, zone));
    }
    for (rect, kind) in &layout.swatches {
        canvas.painter.rect(
            canvas.rect(rect),
            2.0,
            colour(*kind, None),
            Stroke::new(1.0, canvas.text),
            egui::StrokeKind::Inside,
        );
    }
    for text in &layout.texts {
        canvas.text(text);
    }
}

/// A row in words: "Backend/API Developer: TRS alone 31.7, × EM −6.2, … Score 24.5".
fn row_words(role: &Compared<'_>, row: Option<&BreakdownRow>) -> String {
    let steps = row.and_then(|r| r.steps.as_ref());
    let figures = steps.map_or_else(
        || role.doc.breakdown().no_score_text(),
        |steps| {
            let parts: Vec<String> = steps
                .iter()
                .map(|s| format!("{} {}", s.kind.heading(), step_label(s)))
                .collect();
            parts.join(", ")
        },
    );
    format!("{}: {figures}", role.label())
}

/// The hover text of a role: every step with its modifier and its effect in points, or why there
/// is no score.
fn detail(role: &Compared<'_>, framework: &Framework) -> String {
    let b = role.doc.breakdown();
    let heading = role.heading();
    match detail_lines(b, framework) {
        Some(lines) => format!("{heading}\n{}", lines.join("\n")),
        None => format!("{heading}\n{}", b.no_score_text()),
    }
}

/// The steps of a scored breakdown in words; `None` without a score.
fn detail_lines(b: &Breakdown, framework: &Framework) -> Option<Vec<String>> {
    let c = b.composite.as_ref()?;
    let steps = waterfall(b, framework)?;
    let step = |s: &Step| format!("{} ({})", fmt::score(s.to), step_label(s));
    let mut lines = vec![
        format!(
            "Task resistance {}/{} alone: {}",
            fmt::task_figure(b.task_resistance?),
            fmt::scale_top(framework.task_resistance_max()),
            fmt::score(steps[0].to)
        ),
        format!(
            "× evidence modifier {} (evidence {}): {}",
            fmt::modifier(b.evidence_modifier?),
            fmt::signed_typographic(b.evidence_total?),
            step(&steps[1])
        ),
        format!(
            "× barrier modifier {} (barriers {}): {}",
            fmt::modifier(b.barrier_modifier?),
            b.barrier_total?,
            step(&steps[2])
        ),
        format!(
            "× growth modifier {} (growth {}): {}",
            fmt::modifier(b.growth_modifier?),
            fmt::signed_typographic(b.growth?),
            step(&steps[3])
        ),
        format!("Score {} (raw {})", fmt::score(c.score), fmt::raw(c.raw)),
    ];
    if c.clamped {
        lines.push(format!(
            "The formula gives {}; the score is clamped",
            fmt::score(c.score_unclamped)
        ));
    }
    Some(lines)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_role_without_tasks_has_no_steps_to_tell() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/score-24-95.aijri.json");
        let mut assessment = crate::library::load_file(&path).unwrap().assessment;
        let framework = Framework::published();
        let b = crate::scoring::score(&assessment, framework);
        let lines = detail_lines(&b, framework).unwrap();
        assert_eq!(
            lines.last().map(String::as_str),
            Some("Score 25.0 (raw 2.5185)")
        );
        assessment.tasks.clear();
        let without_tasks = crate::scoring::score(&assessment, framework);
        assert_eq!(detail_lines(&without_tasks, framework), None);
    }
}
