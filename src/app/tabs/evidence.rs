//! The five evidence dimensions and the evidence modifier.

use egui::{RichText, Ui};

use super::TabContext;
use crate::app::widgets::{figure, help_heading, score_picker, text_block};
use crate::model::{Assessment, Dimension};
use crate::report::composite_steps;
use crate::scoring::signed;

/// Draws the Evidence tab.
pub fn ui(ui: &mut Ui, a: &mut Assessment, cx: &TabContext<'_>) {
    let fw = cx.framework;
    ui.heading("Evidence");
    ui.label(RichText::new("What the market shows today: each dimension from −2 (strongly against the role) to +2.").weak());
    for &d in Dimension::ALL {
        let factor = fw.dimension(d);
        let item = a.evidence.get_mut(d);
        ui.add_space(6.0);
        help_heading(
            ui,
            &factor.name,
            &factor.help,
            cx.jump,
            &format!("evidence.{}.score", d.key()),
        );
        score_picker(ui, &factor.name, factor, &mut item.score, true);
        text_block(
            ui,
            "Evidence",
            &mut item.evidence,
            cx.jump,
            &format!("evidence.{}.evidence", d.key()),
        );
    }
    ui.add_space(6.0);
    figure(ui, "Evidence total:", signed(cx.breakdown.evidence_total));
    figure(
        ui,
        "Evidence modifier:",
        composite_steps(cx.breakdown, fw).evidence_modifier,
    );
}
