//! Protective principles and the AI growth correlation.

use egui::{RichText, Ui};

use super::TabContext;
use crate::app::widgets::{
    ScoredPart, figure, help_heading, range_text, score_picker, scored_part, text_block,
};
use crate::model::{Assessment, FieldPath, Principle};
use crate::report::{growth_text, total_of};

/// Draws the Protective & growth tab.
pub fn ui(ui: &mut Ui, a: &mut Assessment, cx: &TabContext<'_>) {
    let fw = cx.framework;
    ui.heading("Protective principles");
    let range = range_text(&fw.principles, false);
    ui.label(
        RichText::new(format!(
            "What keeps the work human: each scored {range}. Hover a score for its meaning."
        ))
        .weak(),
    );
    for &p in Principle::ALL {
        let item = a.protective.get_mut(p);
        let part = ScoredPart {
            factor: fw.principle(p),
            field: crate::model::ScoredPart::Principle(p).path(),
            score: &mut item.score,
            text: (&mut item.rationale, "rationale"),
            signed: false,
        };
        scored_part(ui, part, cx.jump);
    }
    ui.add_space(6.0);
    figure(
        ui,
        "Protective total:",
        total_of(cx.breakdown.protective_total, fw.protective_max()),
    );
    ui.separator();
    let growth = &fw.growth;
    help_heading(
        ui,
        &growth.name,
        &growth.help,
        cx.jump,
        &FieldPath::new("growth").key("score"),
    );
    score_picker(ui, &growth.name, growth, &mut a.growth.score, true);
    ui.label(growth_text(a.growth.score, fw));
    text_block(
        ui,
        "Rationale",
        &mut a.growth.rationale,
        cx.jump,
        &FieldPath::new("growth").key("rationale"),
    );
    text_block(
        ui,
        "AI growth correlation check",
        &mut a.growth.check,
        cx.jump,
        &FieldPath::new("growth").key("check"),
    );
}
