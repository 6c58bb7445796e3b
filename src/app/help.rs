//! Help, in a window of its own: how AIJRI scores a role (each formula with the numbers of the
//! framework in use, and the selected role's figures worked through), the keyboard shortcuts, and
//! About AIJRI Desk. Every figure is written by `src/fmt.rs`, and every step of the composite by
//! `src/report.rs`, as the Score tab and the command line write them.

use egui::{Context, RichText, Ui};

use super::{Action, AppState, about, keyboard};
use crate::fmt;
use crate::framework::Framework;
use crate::model::Assessment;
use crate::report;
use crate::scoring::Breakdown;

/// The pages of Help, in menu order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HelpPage {
    /// How AIJRI scores a role.
    Method,
    /// The keyboard shortcuts.
    Keyboard,
    /// About AIJRI Desk.
    About,
}

impl HelpPage {
    /// Every page, in menu order.
    pub const ALL: [Self; 3] = [Self::Method, Self::Keyboard, Self::About];

    /// The page's title, in the Help menu and as its heading.
    #[must_use]
    pub fn title(self) -> &'static str {
        match self {
            Self::Method => "How AIJRI scores a role",
            Self::Keyboard => "Keyboard shortcuts",
            Self::About => "About AIJRI Desk",
        }
    }
}

/// The Help window's state: the page shown while it is open, and About's own.
#[derive(Debug, Default)]
pub struct HelpView {
    page: Option<HelpPage>,
    /// About: the crate list's search and the crate whose licence is shown.
    about: about::AboutView,
}

impl HelpView {
    /// The page shown, when Help is open.
    #[must_use]
    pub fn page(&self) -> Option<HelpPage> {
        self.page
    }

    /// Opens Help on a page.
    pub fn show(&mut self, page: HelpPage) {
        self.page = Some(page);
    }

    /// Closes Help.
    pub fn close(&mut self) {
        self.page = None;
    }

    /// Draws the window while it is open: a switch between the pages, then the page.
    pub fn ui(&mut self, ctx: &Context, state: &AppState, actions: &mut Vec<Action>) {
        let Some(page) = self.page else { return };
        let mut open = true;
        egui::Window::new("Help")
            .open(&mut open)
            .default_size([780.0, 640.0])
            .show(ctx, |ui| {
                ui.horizontal(|ui| {
                    for choice in HelpPage::ALL {
                        if ui
                            .selectable_label(page == choice, choice.title())
                            .clicked()
                        {
                            self.page = Some(choice);
                        }
                    }
                });
                ui.separator();
                egui::ScrollArea::vertical()
                    .id_salt(("help page", page.title()))
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        ui.heading(RichText::new(page.title()).strong());
                        ui.add_space(4.0);
                        match page {
                            HelpPage::Method => method_ui(ui, state),
                            HelpPage::Keyboard => keyboard_ui(ui),
                            HelpPage::About => self.about.ui(ui, state, actions),
                        }
                    });
            });
        if !open {
            self.page = None;
        }
    }
}

/// One step of the method: what it is, its formula with the framework's numbers, and the
/// selected role's figures through it.
struct Step {
    title: &'static str,
    formula: String,
    worked: Option<String>,
}

/// How AIJRI scores a role: each step of `spec/aijri-method.md` §2, its formula with the numbers
/// of the framework the selected role is scored under (or the framework in use), and the role's
/// figures worked through.
fn method_ui(ui: &mut Ui, state: &AppState) {
    let selected = state.selected_doc().map(|(_, doc)| doc);
    let framework = selected.map_or(&state.framework, |d| state.framework_for(d.assessment()));
    let role = selected.map(|d| (d.assessment(), d.breakdown()));
    let worked = match role {
        Some((a, _)) => format!(
            "Each formula below is worked through with the figures of {}.",
            a.display_title()
        ),
        None => "Select a role to see each formula worked through with its figures.".to_owned(),
    };
    ui.label(format!(
        "AIJRI (AI Job Resistance Index) rates how well a job role resists displacement by \
         agentic AI, on a scale of {}–{} with three zones. The numbers below are those of the \
         framework “{}” ({}, version {}). {worked}",
        fmt::weight(framework.clamp.min),
        fmt::weight(framework.clamp.max),
        framework.name,
        framework.id,
        framework.version,
    ));
    ui.label(
        RichText::new(
            "A score is a judgement on today's evidence, not a prediction: every input is the \
             assessor's, with its rationale beside it.",
        )
        .weak(),
    );
    ui.add_space(6.0);
    let title = role.map(|(a, _)| match a.role.title.trim() {
        "" => "(untitled)".to_owned(),
        title => title.to_owned(),
    });
    for step in steps(framework, role) {
        step_ui(ui, &step, title.as_deref());
    }
}

fn step_ui(ui: &mut Ui, step: &Step, title: Option<&str>) {
    ui.add_space(6.0);
    ui.label(RichText::new(step.title).strong());
    ui.label(RichText::new(&step.formula).monospace());
    if let (Some(worked), Some(title)) = (&step.worked, title) {
        ui.label(
            RichText::new(format!("{title}: {worked}"))
                .monospace()
                .strong(),
        );
    }
}

/// The steps, in the order the method computes them.
fn steps(fw: &Framework, role: Option<(&Assessment, &Breakdown)>) -> Vec<Step> {
    let b = role.map(|(_, b)| b);
    let composite = b.map(|b| report::composite_steps(b, fw));
    let names = |factors: &[crate::framework::Factor]| {
        factors
            .iter()
            .map(|f| f.name.as_str())
            .collect::<Vec<_>>()
            .join(" + ")
    };
    let weights = fw.modifiers;
    let sub = fw.sub_labels;
    let high = sub.high_automation_min_score;
    vec![
        Step {
            title: "1. Protective principles",
            formula: format!(
                "Protective total = {}, each {}, out of {}",
                names(&fw.principles),
                range(&fw.principles),
                fw.protective_max()
            ),
            worked: b.map(|b| report::total_of(b.protective_total, fw.protective_max())),
        },
        Step {
            title: "2. Quick screen",
            formula: format!(
                "{} → almost certainly Red; otherwise the full assessment decides",
                report::quick_screen_rule(fw)
            ),
            worked: b.map(|b| report::quick_screen_text(b, fw)),
        },
        Step {
            title: "3. Tasks",
            formula: format!(
                "Weighted = time share / 100 × automation score ({}); task total = Σ weighted",
                fw.task_score.range_text()
            ),
            worked: role.map(|(a, b)| tasks_worked(a, b)),
        },
        Step {
            title: "4. Task Resistance Score (TRS)",
            formula: format!(
                "TRS = {} − task total",
                fmt::task_figure(fw.task_resistance_base)
            ),
            worked: composite.as_ref().map(|c| c.task_resistance.clone()),
        },
        Step {
            title: "5. Evidence modifier (EM)",
            formula: format!(
                "EM = 1.0 + evidence total × {}   (evidence total = {}, each {})",
                fmt::weight(weights.evidence_per_point),
                names(&fw.evidence),
                range(&fw.evidence)
            ),
            worked: composite.as_ref().map(|c| c.evidence_modifier.clone()),
        },
        Step {
            title: "6. Barrier modifier (BM)",
            formula: format!(
                "BM = 1.0 + barrier total × {}   (barrier total = {}, each {})",
                fmt::weight(weights.barrier_per_point),
                names(&fw.barriers),
                range(&fw.barriers)
            ),
            worked: composite.as_ref().map(|c| c.barrier_modifier.clone()),
        },
        Step {
            title: "7. Growth modifier (GM)",
            formula: format!(
                "GM = 1.0 + AI growth correlation × {}   (the correlation {})",
                fmt::weight(weights.growth_per_point),
                fw.growth.range_text()
            ),
            worked: composite.as_ref().map(|c| c.growth_modifier.clone()),
        },
        Step {
            title: "8. Raw composite",
            formula: "Raw = TRS × EM × BM × GM".to_owned(),
            worked: composite.as_ref().map(|c| c.raw.clone()),
        },
        Step {
            title: "9. Score",
            formula: format!(
                "Score = (raw − {}) / {} × 100, kept within {}–{}",
                fmt::weight(fw.normalisation.offset),
                fmt::weight(fw.normalisation.scale),
                fmt::weight(fw.clamp.min),
                fmt::weight(fw.clamp.max)
            ),
            worked: composite.as_ref().map(|c| match &c.clamp_note {
                Some(note) => format!("{} ({note})", c.score),
                None => c.score.clone(),
            }),
        },
        Step {
            title: "10. Zone",
            formula: format!(
                "{}, on the score as shown (one decimal)",
                report::zone_bands_text(fw)
            ),
            worked: composite.as_ref().map(|c| c.zone.clone()),
        },
        Step {
            title: "11. Sub-label",
            formula: format!(
                "Red (Imminent) when Red, time scoring {high}+ ≥ {}% and growth ≤ {}; \
                 Green (Transforming) when time scoring {high}+ ≥ {}%, else Green (Stable)",
                fmt::weight(sub.imminent_min_time_pct),
                fmt::signed(sub.imminent_max_growth),
                fmt::weight(sub.transforming_min_time_pct)
            ),
            worked: b.map(|b| match (b.sub_label_text(), b.conditions_text()) {
                (Some(label), Some(conditions)) => format!("{label} — {conditions}"),
                _ => b.no_score_text(),
            }),
        },
        Step {
            title: "12. Final result",
            formula: "The assessor's override, with its reason, where one is set; otherwise \
                      the computed result"
                .to_owned(),
            worked: role.map(|(a, b)| report::override_text(a, b)),
        },
    ]
}

/// The range of a group of parts from the framework: "0 to 3" (several when they differ).
fn range(factors: &[crate::framework::Factor]) -> String {
    let signed = factors.iter().any(|f| f.min < 0);
    super::widgets::range_text(factors, signed)
}

/// The tasks through the weighting: "15% × 2 = 0.30; 20% × 4 = 0.80; … total 2.95", then the
/// split and the time at the high automation scores.
fn tasks_worked(a: &Assessment, b: &Breakdown) -> String {
    let each: Vec<String> = a
        .tasks
        .iter()
        .zip(&b.weighted)
        .map(|(task, weighted)| {
            format!(
                "{} × {} = {}",
                fmt::time_share(task.time_pct),
                task.score,
                fmt::task_figure(*weighted)
            )
        })
        .collect();
    let total = fmt::or_missing(b.task_total, fmt::task_figure);
    let provisional = if b.provisional {
        format!(
            " (time adds up to {}: shares scaled to 100%)",
            fmt::pct(b.time_total)
        )
    } else {
        String::new()
    };
    format!(
        "{}; total {total}{provisional}. Split: {}",
        each.join("; "),
        report::split_text(b)
    )
}

/// The keyboard scheme, a table per group.
fn keyboard_ui(ui: &mut Ui) {
    ui.label("Everything in the window can be done from the keyboard. On macOS, Ctrl is ⌘.");
    for group in keyboard::scheme() {
        ui.add_space(8.0);
        ui.label(RichText::new(group.title).strong());
        egui::Grid::new(("shortcuts", group.title))
            .num_columns(2)
            .spacing([16.0, 4.0])
            .striped(true)
            .show(ui, |ui| {
                for binding in &group.bindings {
                    ui.label(RichText::new(&binding.keys).monospace().strong());
                    ui.label(&binding.does);
                    ui.end_row();
                }
            });
    }
}
