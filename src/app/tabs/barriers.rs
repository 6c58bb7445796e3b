//! The five barriers and the barrier modifier.

use egui::{RichText, Ui};

use super::TabContext;
use crate::app::widgets::{ScoredPart, figure, scored_part};
use crate::model::{Assessment, Barrier};
use crate::report::composite_steps;

/// Draws the Barriers tab.
pub fn ui(ui: &mut Ui, a: &mut Assessment, cx: &TabContext<'_>) {
    let fw = cx.framework;
    ui.heading("Barriers");
    ui.label(RichText::new("Reframed question: what prevents AI execution even when programmatically possible? Each 0–2.").weak());
    for &b in Barrier::ALL {
        let item = a.barriers.get_mut(b);
        let part = ScoredPart {
            factor: fw.barrier(b),
            field: format!("barriers.{}", b.key()),
            score: &mut item.score,
            text: (&mut item.rationale, "rationale"),
            signed: false,
        };
        scored_part(ui, part, cx.jump);
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
