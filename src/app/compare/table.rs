//! Every computed figure side by side: one row per figure, one column per compared role. Where
//! higher (or lower) is clearly better, the best value of the row is marked with ★ and bold text,
//! so the highlight does not rest on colour. Each cell reads "<figure>, <role>: <value>" to a
//! screen reader.

use egui::{RichText, Ui};

use super::Compared;
use crate::app::store::Document as Doc;
use crate::framework::Framework;
use crate::scoring::{Breakdown, displayed_score, format_pct, round_to, signed};
use crate::validate::Severity;

/// Which way a row improves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Better {
    Higher,
    Lower,
    Neither,
}

/// A cell: the text shown and, for rows with a best value, the number compared (as displayed, so
/// values that read the same tie).
struct Cell {
    text: String,
    value: Option<f64>,
}

type Figure = fn(&Doc, &Framework) -> Cell;

/// The width of a role's column, in points; longer values are elided (in full on hover).
const COLUMN_WIDTH: f32 = 170.0;

/// Every row: its name, which way is better, and how a role fills it.
const ROWS: [(&str, Better, Figure); 23] = [
    ("Final score", Better::Higher, |d, _| {
        final_score(&d.breakdown())
    }),
    ("Final zone", Better::Higher, |d, _| {
        zone_cell(&d.breakdown())
    }),
    ("Computed score", Better::Higher, |d, _| {
        number(d.breakdown().score, 1)
    }),
    ("Score before clamping", Better::Neither, |d, _| {
        number(d.breakdown().score_unclamped, 1)
    }),
    ("Sub-label", Better::Neither, |d, _| {
        sub_label_cell(&d.breakdown())
    }),
    ("Override", Better::Neither, |d, _| {
        override_cell(&d.breakdown())
    }),
    ("Protective total", Better::Higher, |d, f| {
        out_of(d.breakdown().protective_total, f.protective_max())
    }),
    ("AI growth correlation", Better::Higher, |d, f| {
        growth_cell(d.breakdown().growth, f)
    }),
    ("Quick screen", Better::Neither, |d, _| {
        text(
            if d.breakdown().quick_screen_red {
                "Almost certainly Red"
            } else {
                "No signal"
            }
            .to_owned(),
        )
    }),
    ("Task total", Better::Lower, |d, _| {
        number(d.breakdown().task_total, 2)
    }),
    ("Task resistance (TRS)", Better::Higher, |d, _| {
        number(d.breakdown().task_resistance, 2)
    }),
    ("Task time scoring 3+", Better::Lower, |d, _| {
        pct(d.breakdown().time_3plus_pct)
    }),
    ("Displacement", Better::Lower, |d, _| {
        pct(d.breakdown().split.displacement)
    }),
    ("Augmentation", Better::Neither, |d, _| {
        pct(d.breakdown().split.augmentation)
    }),
    ("Not involved", Better::Higher, |d, _| {
        pct(d.breakdown().split.not_involved)
    }),
    ("Evidence total", Better::Higher, |d, _| {
        signed_cell(d.breakdown().evidence_total)
    }),
    ("Evidence modifier (EM)", Better::Higher, |d, _| {
        number(d.breakdown().evidence_modifier, 2)
    }),
    ("Barrier total", Better::Higher, |d, f| {
        out_of(d.breakdown().barrier_total, f.barrier_max())
    }),
    ("Barrier modifier (BM)", Better::Higher, |d, _| {
        number(d.breakdown().barrier_modifier, 2)
    }),
    ("Growth modifier (GM)", Better::Higher, |d, _| {
        number(d.breakdown().growth_modifier, 2)
    }),
    ("Raw composite", Better::Higher, |d, _| {
        number(d.breakdown().raw, 4)
    }),
    ("Task time total", Better::Neither, |d, _| {
        provisional_cell(&d.breakdown())
    }),
    ("Findings", Better::Neither, |d, _| findings_cell(d)),
];

/// Draws the table of the comparison set.
pub fn ui(ui: &mut Ui, set: &[Compared<'_>], framework: &Framework) {
    let cell = egui::vec2(COLUMN_WIDTH, ui.spacing().interact_size.y);
    egui::ScrollArea::horizontal()
        .id_salt("compare table")
        .show(ui, |ui| {
            egui::Grid::new("compare table grid")
                .striped(true)
                .spacing([18.0, 5.0])
                .show(ui, |ui| {
                    header(ui, set, cell);
                    for (name, better, figure) in ROWS {
                        let cells: Vec<Cell> =
                            set.iter().map(|r| figure(r.doc, framework)).collect();
                        row(ui, name, better, &cells, set, cell);
                    }
                });
        });
}

/// Adds a cell of a fixed size: the widget when the cell is in view, empty space otherwise, so a
/// wide table costs only the columns on screen.
fn fixed_cell(
    ui: &mut Ui,
    size: egui::Vec2,
    label: impl FnOnce() -> egui::Label,
) -> Option<egui::Response> {
    let rect = egui::Rect::from_min_size(ui.cursor().min, size);
    if ui.is_rect_visible(rect) {
        Some(ui.add_sized(size, label().truncate()))
    } else {
        ui.allocate_space(size);
        None
    }
}

fn header(ui: &mut Ui, set: &[Compared<'_>], cell: egui::Vec2) {
    ui.label(RichText::new("Figure").strong());
    for role in set {
        let text = RichText::new(&role.label).strong();
        if let Some(response) = fixed_cell(ui, cell, || egui::Label::new(text)) {
            response.on_hover_text(role.doc.assessment().display_title());
        }
    }
    ui.end_row();
}

fn row(
    ui: &mut Ui,
    name: &str,
    better: Better,
    cells: &[Cell],
    set: &[Compared<'_>],
    size: egui::Vec2,
) {
    ui.label(name);
    let best = best_value(better, cells);
    let strong = ui.visuals().strong_text_color();
    for (cell, role) in cells.iter().zip(set) {
        let is_best = best.is_some() && cell.value == best;
        let label = || {
            let rich = if is_best {
                RichText::new(format!("★ {}", cell.text))
                    .strong()
                    .color(strong)
            } else {
                RichText::new(&cell.text)
            };
            egui::Label::new(rich)
        };
        if let Some(response) = fixed_cell(ui, size, label) {
            let spoken = format!(
                "{name}, {}: {}{}",
                role.label,
                cell.text,
                if is_best { " (best)" } else { "" }
            );
            response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &spoken));
        }
    }
    ui.end_row();
}

/// The best value of a row, when the row has a direction, two or more values, and they differ.
fn best_value(better: Better, cells: &[Cell]) -> Option<f64> {
    let values: Vec<f64> = cells
        .iter()
        .filter_map(|c| c.value)
        .filter(|v| v.is_finite())
        .collect();
    let max = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let min = values.iter().copied().fold(f64::INFINITY, f64::min);
    if values.len() < 2 || max <= min {
        return None;
    }
    match better {
        Better::Higher => Some(max),
        Better::Lower => Some(min),
        Better::Neither => None,
    }
}

fn number(value: f64, decimals: usize) -> Cell {
    // At most four decimals are shown; the cast is exact.
    #[allow(clippy::cast_possible_truncation, clippy::cast_possible_wrap)]
    let rounded = round_to(value, decimals as i32);
    Cell {
        text: format!("{rounded:.decimals$}"),
        value: Some(rounded),
    }
}

fn pct(value: f64) -> Cell {
    Cell {
        text: format_pct(value),
        value: Some(round_to(value, 1)),
    }
}

fn text(text: String) -> Cell {
    Cell { text, value: None }
}

fn integer(value: i64) -> Option<f64> {
    // Totals are small integers; the cast is exact.
    #[allow(clippy::cast_precision_loss)]
    let value = value as f64;
    Some(value)
}

fn signed_cell(value: i64) -> Cell {
    Cell {
        text: signed(value).replace('-', "−"),
        value: integer(value),
    }
}

fn out_of(value: i64, max: i64) -> Cell {
    Cell {
        text: format!("{value}/{max}"),
        value: integer(value),
    }
}

fn growth_cell(growth: i64, framework: &Framework) -> Cell {
    Cell {
        text: format!(
            "{} ({})",
            signed(growth).replace('-', "−"),
            framework.growth_label(growth)
        ),
        value: integer(growth),
    }
}

fn final_score(b: &Breakdown) -> Cell {
    let result = b.final_result;
    let flag = if result.overridden { " ⚑" } else { "" };
    Cell {
        text: format!("{:.1}{flag}", displayed_score(result.score)),
        value: Some(displayed_score(result.score)),
    }
}

fn zone_cell(b: &Breakdown) -> Cell {
    let zone = b.final_result.zone;
    let rank = crate::model::Zone::ALL
        .iter()
        .position(|&z| z == zone)
        .and_then(|i| i64::try_from(i).ok())
        .and_then(integer);
    Cell {
        text: zone.name().to_uppercase(),
        value: rank,
    }
}

fn sub_label_cell(b: &Breakdown) -> Cell {
    let zone = b.zone.name();
    text(b.sub_label.map_or_else(
        || zone.to_owned(),
        |label| format!("{zone} ({})", label.name()),
    ))
}

fn override_cell(b: &Breakdown) -> Cell {
    let result = b.final_result;
    if result.overridden {
        text(format!(
            "⚑ {:.1} {}",
            displayed_score(result.score),
            result.zone.name().to_uppercase()
        ))
    } else {
        text("none".to_owned())
    }
}

fn provisional_cell(b: &Breakdown) -> Cell {
    let total = format_pct(b.time_total);
    text(if b.provisional {
        format!("⚠ {total} (provisional)")
    } else {
        total
    })
}

fn findings_cell(doc: &Doc) -> Cell {
    let count = |severity| {
        doc.findings()
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    };
    let (errors, warnings) = (count(Severity::Error), count(Severity::Warning));
    text(format!("{errors} errors, {warnings} warnings"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(values: &[f64]) -> Vec<Cell> {
        values
            .iter()
            .map(|&v| Cell {
                text: v.to_string(),
                value: Some(v),
            })
            .collect()
    }

    #[test]
    fn the_best_value_follows_the_row_direction() {
        assert_eq!(
            best_value(Better::Higher, &cells(&[24.5, 52.3, 14.1])),
            Some(52.3)
        );
        assert_eq!(
            best_value(Better::Lower, &cells(&[2.95, 2.2, 3.9])),
            Some(2.2)
        );
        assert_eq!(best_value(Better::Neither, &cells(&[1.0, 2.0])), None);
    }

    #[test]
    fn no_best_value_for_one_role_or_a_tie() {
        assert_eq!(best_value(Better::Higher, &cells(&[24.5])), None);
        assert_eq!(best_value(Better::Higher, &cells(&[3.0, 3.0])), None);
    }

    #[test]
    fn numbers_compare_as_displayed() {
        let a = number(3.049, 2);
        let b = number(3.051, 2);
        assert_eq!(a.text, "3.05");
        assert_eq!(a.value, b.value, "values that read the same tie");
    }
}
