//! The five evidence dimensions and the evidence modifier.

use egui::{RichText, Ui};

use super::TabContext;
use crate::app::widgets::{ScoredPart, figure, range_text, scored_part};
use crate::fmt;
use crate::model::{Assessment, Dimension};
use crate::report::composite_steps;

/// Draws the Evidence tab.
pub fn ui(ui: &mut Ui, a: &mut Assessment, cx: &TabContext<'_>) {
    let fw = cx.framework;
    ui.heading("Evidence");
    let range = range_text(&fw.evidence, true);
    ui.label(
        RichText::new(format!(
            "What the market shows today: each dimension scored {range}, negative against the role."
        ))
        .weak(),
    );
    for &d in Dimension::ALL {
        let item = a.evidence.get_mut(d);
        let part = ScoredPart {
            factor: fw.dimension(d),
            field: crate::model::ScoredPart::Dimension(d).path(),
            score: &mut item.score,
            text: (&mut item.evidence, "evidence"),
            signed: true,
        };
        scored_part(ui, part, cx.jump);
    }
    ui.add_space(6.0);
    figure(
        ui,
        "Evidence total:",
        fmt::or_missing(cx.breakdown.evidence_total, fmt::signed),
    );
    figure(
        ui,
        "Evidence modifier:",
        composite_steps(cx.breakdown, fw).evidence_modifier,
    );
}
