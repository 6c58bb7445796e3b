//! Protective principles and the AI growth correlation.

use egui::{RichText, Ui};

use super::TabContext;
use crate::app::widgets::{figure, help_heading, score_picker, text_block};
use crate::model::{Assessment, Principle};
use crate::scoring::signed;

/// Draws the Protective & growth tab.
pub fn ui(ui: &mut Ui, a: &mut Assessment, cx: &TabContext<'_>) {
    let fw = cx.framework;
    ui.heading("Protective principles");
    ui.label(RichText::new("What keeps the work human: each scored 0 (none) to 3 (strong). Hover a score for its meaning.").weak());
    for &p in Principle::ALL {
        let factor = fw.principle(p);
        let item = a.protective.get_mut(p);
        ui.add_space(6.0);
        help_heading(
            ui,
            &factor.name,
            &factor.help,
            cx.jump,
            &format!("protective.{}.score", p.key()),
        );
        let field = format!("protective.{}", p.key());
        score_picker(ui, &factor.name, factor, &mut item.score, false);
        text_block(
            ui,
            &format!("Why {}?", item.score),
            &mut item.rationale,
            cx.jump,
            &format!("{field}.rationale"),
        );
    }
    ui.add_space(6.0);
    figure(
        ui,
        "Protective total:",
        format!("{}/{}", cx.breakdown.protective_total, fw.protective_max()),
    );
    ui.separator();
    let growth = &fw.growth;
    help_heading(ui, &growth.name, &growth.help, cx.jump, "growth.score");
    score_picker(ui, &growth.name, growth, &mut a.growth.score, true);
    ui.label(format!(
        "{} ({})",
        signed(a.growth.score),
        fw.growth_label(a.growth.score)
    ));
    text_block(
        ui,
        "Rationale",
        &mut a.growth.rationale,
        cx.jump,
        "growth.rationale",
    );
    text_block(
        ui,
        "AI growth correlation check",
        &mut a.growth.check,
        cx.jump,
        "growth.check",
    );
}
