//! The five barriers and the barrier modifier.

use egui::{RichText, Ui};

use super::TabContext;
use crate::app::widgets::{figure, help_heading, score_picker, text_block};
use crate::model::{Assessment, Barrier};
use crate::report::composite_steps;

/// Draws the Barriers tab.
pub fn ui(ui: &mut Ui, a: &mut Assessment, cx: &TabContext<'_>) {
    let fw = cx.framework;
    ui.heading("Barriers");
    ui.label(RichText::new("Reframed question: what prevents AI execution even when programmatically possible? Each 0–2.").weak());
    for &b in Barrier::ALL {
        let factor = fw.barrier(b);
        let item = a.barriers.get_mut(b);
        ui.add_space(6.0);
        help_heading(
            ui,
            &factor.name,
            &factor.help,
            cx.jump,
            &format!("barriers.{}.score", b.key()),
        );
        score_picker(ui, &factor.name, factor, &mut item.score, false);
        text_block(
            ui,
            "Rationale",
            &mut item.rationale,
            cx.jump,
            &format!("barriers.{}.rationale", b.key()),
        );
    }
    ui.add_space(6.0);
    figure(
        ui,
        "Barrier total:",
        format!("{}/{}", cx.breakdown.barrier_total, fw.barrier_max()),
    );
    figure(
        ui,
        "Barrier modifier:",
        composite_steps(cx.breakdown, fw).barrier_modifier,
    );
}
