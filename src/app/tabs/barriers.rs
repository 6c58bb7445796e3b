//! The five barriers and the barrier modifier.

use egui::{RichText, Ui};

use super::TabContext;
use crate::app::widgets::{ScoredPart, figure, range_text, scored_part};
use crate::model::{Assessment, Barrier};
use crate::report::{composite_steps, total_of};

/// Draws the Barriers tab.
pub fn ui(ui: &mut Ui, a: &mut Assessment, cx: &TabContext<'_>) {
    let fw = cx.framework;
    ui.heading("Barriers");
    let range = range_text(&fw.barriers, false);
    ui.label(
        RichText::new(format!(
            "Reframed question: what prevents AI execution even when programmatically possible? Each {range}."
        ))
        .weak(),
    );
    for &b in Barrier::ALL {
        let item = a.barriers.get_mut(b);
        let part = ScoredPart {
            factor: fw.barrier(b),
            field: crate::model::ScoredPart::Barrier(b).path(),
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
        total_of(cx.breakdown.barrier_total, fw.barrier_max()),
    );
    figure(
        ui,
        "Barrier modifier:",
        composite_steps(cx.breakdown, fw).barrier_modifier,
    );
}
