//! Score: the composite step by step exactly as the published text lays it out, the sub-label
//! conditions with ✓/✗, the published figures where they differ, and the assessor's override.

use egui::{RichText, Ui};

use super::TabContext;
use crate::adjust;
use crate::app::widgets::{reason_field, text_block, zone_colour};
use crate::fmt;
use crate::model::{Assessment, FieldPath, Override, Zone};
use crate::report::growth_text;
use crate::report::{composite_steps, override_text};
use crate::validate::published_differences_of_source;

/// Draws the Score tab.
pub fn ui(ui: &mut Ui, a: &mut Assessment, cx: &TabContext<'_>) {
    composite_ui(ui, cx);
    ui.separator();
    adjustments_ui(ui, a, cx);
    sub_label_ui(ui, cx);
    ui.separator();
    published_ui(ui, a, cx);
    override_ui(ui, a, cx);
}

fn table(ui: &mut Ui, id: &str, rows: &[(&str, String)]) {
    egui::Grid::new(id)
        .num_columns(2)
        .striped(true)
        .spacing([24.0, 6.0])
        .show(ui, |ui| {
            ui.label(RichText::new("Input").strong());
            ui.label(RichText::new("Value").strong());
            ui.end_row();
            for (name, value) in rows {
                ui.label(*name);
                ui.label(RichText::new(value).monospace());
                ui.end_row();
            }
        });
}

fn composite_ui(ui: &mut Ui, cx: &TabContext<'_>) {
    let b = cx.breakdown;
    let steps = composite_steps(b, cx.framework);
    ui.heading("JobZone Composite Score (AIJRI)");
    table(
        ui,
        "composite",
        &[
            ("Task Resistance Score", steps.task_resistance_value.clone()),
            ("Evidence Modifier", steps.evidence_modifier.clone()),
            ("Barrier Modifier", steps.barrier_modifier.clone()),
            ("Growth Modifier", steps.growth_modifier.clone()),
        ],
    );
    ui.add_space(6.0);
    ui.label(RichText::new(format!("Raw: {}", steps.raw)).monospace());
    ui.label(
        RichText::new(format!("JobZone Score: {}", steps.score))
            .monospace()
            .strong(),
    );
    if let Some(note) = &steps.clamp_note {
        ui.label(RichText::new(format!("Note: {note}")).italics());
    }
    ui.horizontal(|ui| {
        ui.label(RichText::new("Zone:").monospace());
        ui.label(
            RichText::new(&steps.zone)
                .monospace()
                .strong()
                .color(b.zone().map_or(ui.visuals().text_color(), zone_colour)),
        );
    });
    if b.provisional {
        ui.label(
            RichText::new(format!(
                "Provisional: task time adds up to {}; shares are scaled to 100%.",
                fmt::pct(b.time_total)
            ))
            .color(ui.visuals().error_fg_color),
        );
    }
}

/// The adjustments of a variant, or of a publisher's record changed in place: each changed
/// input, source → now, its effect on the score (the score with only that change undone) and its
/// reason, editable here.
fn adjustments_ui(ui: &mut Ui, a: &mut Assessment, cx: &TabContext<'_>) {
    let count = adjusted_count_text(a.adjustments.len());
    match &a.meta.derived_from {
        Some(source) => {
            ui.heading("Adjustments from the source");
            ui.label(format!(
                "A variant of “{}” ({}): {count}.",
                source.title, source.file
            ));
        }
        None if !a.adjustments.is_empty() => {
            ui.heading("Adjustments to the source's record");
            let published = if a.published.is_some() {
                " Its published figures stay as they were printed."
            } else {
                ""
            };
            ui.label(format!(
                "Changed from the inputs as its source gave them: {count}.{published}"
            ));
        }
        None => return,
    }
    let effects = adjust::adjustment_effects(a, cx.framework);
    let rows: Vec<(String, String, String)> = a
        .adjustments
        .iter()
        .zip(&effects)
        .map(|(entry, effect)| {
            let name = adjust::text::entry_name(entry, a, cx.framework);
            let change = adjust::text::values_text(entry, cx.framework);
            (name, change, adjust::text::effect_text(effect))
        })
        .collect();
    egui::Grid::new("adjustments")
        .num_columns(4)
        .striped(true)
        .spacing([16.0, 6.0])
        .show(ui, |ui| {
            for header in ["Input", "Source → now", "Effect on the score", "Reason"] {
                ui.label(RichText::new(header).strong());
            }
            ui.end_row();
            for ((name, change, effect), entry) in rows.iter().zip(&mut a.adjustments) {
                let name = ui.label(name);
                ui.label(RichText::new(change).monospace());
                ui.label(RichText::new(effect).monospace());
                reason_field(ui, name.id, &mut entry.reason);
                ui.end_row();
            }
        });
    ui.separator();
}

/// "no input changed", "1 input changed", "3 inputs changed".
fn adjusted_count_text(count: usize) -> String {
    match count {
        0 => "no input changed".to_owned(),
        n => format!("{} changed", crate::fmt::count(n, "input", "inputs")),
    }
}

fn sub_label_ui(ui: &mut Ui, cx: &TabContext<'_>) {
    let b = cx.breakdown;
    let fw = cx.framework;
    ui.heading("Sub-label determination");
    let high_automation = format!(
        "% of task time scoring {}+",
        fw.sub_labels.high_automation_min_score
    );
    let share = b.time_3plus_pct.map_or_else(
        || fmt::MISSING.to_owned(),
        |p| crate::scoring::time_3plus_text(p, fw),
    );
    table(
        ui,
        "sub-label",
        &[
            (high_automation.as_str(), share),
            ("AI Growth Correlation", growth_text(b.growth, fw)),
            (
                "Sub-label",
                b.sub_label_text().unwrap_or_else(|| b.no_score_text()),
            ),
        ],
    );
    ui.add_space(4.0);
    let Some(composite) = &b.composite else {
        return;
    };
    if composite.conditions.is_empty() {
        ui.label(format!("{} has no sub-label.", composite.zone.name()));
    }
    for condition in &composite.conditions {
        let (mark, colour) = if condition.holds {
            ("✓", ui.visuals().text_color())
        } else {
            ("✗", ui.visuals().error_fg_color)
        };
        ui.label(RichText::new(format!("{mark} {}", condition.text)).color(colour));
    }
}

fn published_ui(ui: &mut Ui, a: &Assessment, cx: &TabContext<'_>) {
    if a.published.is_none() {
        return;
    }
    ui.heading("Published figures");
    let differences = published_differences_of_source(a, cx.framework, cx.breakdown);
    match (differences.is_empty(), a.adjustments.is_empty()) {
        (true, true) => {
            ui.label("✓ Every published figure matches the recomputation.");
        }
        (true, false) => {
            ui.label(
                "✓ Every published figure matches the recomputation of the inputs as published; \
                 the adjustments above make the difference.",
            );
        }
        (false, _) => {}
    }
    for d in differences {
        ui.label(
            RichText::new(format!(
                "≠ {}: published {}, recomputed {}",
                d.label, d.published, d.computed
            ))
            .color(ui.visuals().warn_fg_color),
        );
    }
    ui.separator();
}

fn override_ui(ui: &mut Ui, a: &mut Assessment, cx: &TabContext<'_>) {
    ui.heading("Assessor override");
    ui.label(format!(
        "Assessor override: {}",
        override_text(a, cx.breakdown)
    ));
    let mut enabled = a.override_result.is_some();
    if ui
        .checkbox(&mut enabled, "Override the computed result")
        .changed()
    {
        a.override_result = enabled.then(|| Override {
            score: cx.breakdown.displayed(),
            ..Override::default()
        });
    }
    let Some(o) = &mut a.override_result else {
        return;
    };
    ui.horizontal(|ui| {
        let mut has_score = o.score.is_some();
        if ui.checkbox(&mut has_score, "Final score").changed() {
            o.score = if has_score {
                cx.breakdown.displayed().or(Some(0.0))
            } else {
                None
            };
        }
        let clamp = cx.framework.clamp;
        if let Some(score) = &mut o.score {
            ui.add(
                egui::DragValue::new(score)
                    .range(clamp.min..=clamp.max)
                    .speed(0.1)
                    .custom_formatter(|v, _| fmt::score(v)),
            )
            .accessible_name("Override score")
            .on_hover_text(format!(
                "The final score, {}–{}",
                fmt::weight(clamp.min),
                fmt::weight(clamp.max)
            ));
        }
        ui.separator();
        let label = ui.label("Final zone");
        egui::ComboBox::from_id_salt("override zone")
            .selected_text(o.zone.map_or("from the score", Zone::name))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut o.zone, None, "from the score");
                for zone in Zone::ALL {
                    ui.selectable_value(&mut o.zone, Some(zone), zone.name());
                }
            })
            .response
            .labelled_by(label.id);
    });
    text_block(
        ui,
        "Reason (required)",
        &mut o.reason,
        cx.jump,
        &FieldPath::new("override").key("reason"),
    );
}
