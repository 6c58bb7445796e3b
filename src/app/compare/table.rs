//! Every computed figure side by side: one row per figure, one column per compared role. Where
//! higher (or lower) is clearly better, the best value of the row is marked with ★ and bold text,
//! so the highlight does not rest on colour. Each cell reads "<figure>, <role>: <value>" to a
//! screen reader. Every figure is written by [`crate::fmt`]; a figure that cannot be computed (no
//! tasks, a part without a score) reads [`fmt::MISSING`] and is never the best.

use egui::{RichText, Ui};

use super::Compared;
use super::pinned::{CellView, Head, PinnedTable};
use crate::app::store::Document as Doc;
use crate::fmt;
use crate::framework::Framework;
use crate::model::Split;
use crate::scoring::{Breakdown, Composite, time_3plus_text};
use crate::validate::Severity;

/// Which way a row improves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Better {
    Higher,
    Lower,
    Neither,
}

/// A cell: the text shown and, for rows with a best value, the number compared (as displayed, so
/// values that read the same tie). An absent figure has no number.
#[derive(Debug, Clone, PartialEq)]
struct Cell {
    text: String,
    value: Option<f64>,
}

type Figure = fn(&Doc, &Framework) -> Cell;

/// The width of a role's column, in points; longer values are elided (in full on hover).
const COLUMN_WIDTH: f32 = 170.0;
/// The widest a column of figure names may be; longer names wrap.
const FIGURE_COLUMN_MAX: f32 = 220.0;
/// The widest the column of role names may be (roles as rows); longer names wrap.
const ROLE_COLUMN_MAX: f32 = 260.0;
/// Room a column keeps beside its widest text.
const CELL_ROOM: f32 = 8.0;

/// Every row: its name, which way is better, and how a role fills it.
const ROWS: [(&str, Better, Figure); 23] = [
    ("Final score", Better::Higher, |d, _| {
        final_score(d.breakdown())
    }),
    ("Final zone", Better::Higher, |d, _| {
        zone_cell(d.breakdown())
    }),
    ("Computed score", Better::Higher, |d, _| {
        number(composite(d).map(|c| c.score), 1, fmt::score)
    }),
    ("Score before clamping", Better::Neither, |d, _| {
        number(composite(d).map(|c| c.score_unclamped), 1, fmt::score)
    }),
    ("Sub-label", Better::Neither, |d, _| {
        text(fmt::or_missing(d.breakdown().sub_label_text(), |t| t))
    }),
    ("Override", Better::Neither, |d, _| override_cell(d)),
    ("Protective total", Better::Higher, |d, f| {
        out_of(d.breakdown().protective_total, f.protective_max())
    }),
    ("AI growth correlation", Better::Higher, |d, f| {
        growth_cell(d.breakdown().growth, f)
    }),
    ("Quick screen", Better::Neither, |d, _| {
        quick_screen_cell(d.breakdown().quick_screen_red)
    }),
    ("Task total", Better::Lower, |d, _| {
        number(d.breakdown().task_total, 2, fmt::task_figure)
    }),
    ("Task resistance (TRS)", Better::Higher, |d, _| {
        number(d.breakdown().task_resistance, 2, fmt::task_figure)
    }),
    ("Task time scoring 3+", Better::Lower, |d, f| {
        time_3plus_cell(d.breakdown().time_3plus_pct, f)
    }),
    ("Displacement", Better::Lower, |d, _| {
        split_cell(d.breakdown().split, |s| s.displacement)
    }),
    ("Augmentation", Better::Neither, |d, _| {
        split_cell(d.breakdown().split, |s| s.augmentation)
    }),
    ("Not involved", Better::Higher, |d, _| {
        split_cell(d.breakdown().split, |s| s.not_involved)
    }),
    ("Evidence total", Better::Higher, |d, _| {
        signed_cell(d.breakdown().evidence_total)
    }),
    ("Evidence modifier (EM)", Better::Higher, |d, _| {
        number(d.breakdown().evidence_modifier, 2, fmt::modifier)
    }),
    ("Barrier total", Better::Higher, |d, f| {
        out_of(d.breakdown().barrier_total, f.barrier_max())
    }),
    ("Barrier modifier (BM)", Better::Higher, |d, _| {
        number(d.breakdown().barrier_modifier, 2, fmt::modifier)
    }),
    ("Growth modifier (GM)", Better::Higher, |d, _| {
        number(d.breakdown().growth_modifier, 2, fmt::modifier)
    }),
    ("Raw composite", Better::Higher, |d, _| {
        number(composite(d).map(|c| c.raw), 4, fmt::raw)
    }),
    ("Task time total", Better::Neither, |d, _| {
        provisional_cell(d.breakdown())
    }),
    ("Findings", Better::Neither, |d, _| findings_cell(d)),
];

/// A row of the table as shown: the figure's name and, per role, its cell.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Row {
    /// The figure's name.
    pub(super) name: String,
    /// One cell per role, in the set's order.
    pub(super) cells: Vec<Shown>,
}

/// A cell as shown: its text and whether it holds the row's best value.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Shown {
    /// The figure as text, [`fmt::MISSING`] when it cannot be computed.
    pub(super) text: String,
    /// Whether this is the row's best value (marked ★).
    pub(super) best: bool,
}

impl Shown {
    /// The text on screen: "★ 52.3" for the best value, the figure alone otherwise.
    #[must_use]
    pub(super) fn on_screen(&self) -> String {
        if self.best {
            format!("★ {}", self.text)
        } else {
            self.text.clone()
        }
    }
}

/// Every row of the table for `docs`, each cell with its text and best mark.
#[must_use]
pub(super) fn rows(docs: &[&Doc], framework: &Framework) -> Vec<Row> {
    ROWS.iter()
        .map(|&(name, better, figure)| {
            let cells: Vec<Cell> = docs.iter().map(|d| figure(d, framework)).collect();
            Row {
                name: row_name(name, framework),
                cells: marked(better, cells),
            }
        })
        .collect()
}

/// A row's name, with the framework's high-automation score where the name counts from it.
fn row_name(name: &str, framework: &Framework) -> String {
    let high = framework.sub_labels.high_automation_min_score;
    name.replace("scoring 3+", &format!("scoring {high}+"))
}

/// The cells of a row with the best value marked: only a value that is there can be the best.
fn marked(better: Better, cells: Vec<Cell>) -> Vec<Shown> {
    let best = best_value(better, &cells);
    cells
        .into_iter()
        .map(|cell| Shown {
            best: best.is_some() && cell.value == best,
            text: cell.text,
        })
        .collect()
}

/// The rows of the final score and zone of each role under a second framework.
fn second_rows(docs: &[&Doc], second: &Framework) -> Vec<Row> {
    let under: Vec<Breakdown> = docs
        .iter()
        .map(|d| crate::scoring::score(d.assessment(), second))
        .collect();
    let row = |name: String, better: Better, figure: fn(&Breakdown) -> Cell| Row {
        name,
        cells: marked(better, under.iter().map(figure).collect()),
    };
    vec![
        row(
            format!("Final score under {}", second.name),
            Better::Higher,
            final_score,
        ),
        row(
            format!("Final zone under {}", second.name),
            Better::Higher,
            zone_cell,
        ),
    ]
}

/// Draws the table of the comparison set, figures as rows or, turned, roles as rows; with a
/// `second` framework, the final score and zone under it follow those under the roles' own.
pub fn ui(
    ui: &mut Ui,
    set: &[Compared<'_>],
    (framework, second): (&Framework, Option<&Framework>),
    roles_as_rows: &mut bool,
) {
    let docs: Vec<&Doc> = set.iter().map(|r| r.doc).collect();
    let mut rows = rows(&docs, framework);
    if let Some(second) = second {
        let extra = second_rows(&docs, second);
        rows.splice(2..2, extra);
    }
    ui.checkbox(roles_as_rows, "Roles as rows")
        .on_hover_text("Turn the table: one row per role, one column per figure");
    let figures: Vec<Head> = rows.iter().map(|r| Head::plain(&r.name)).collect();
    let roles: Vec<Head> = set.iter().map(role_head).collect();
    let strong = ui.visuals().strong_text_color();
    // The cell of figure `f` for role `r`.
    let cell = |f: usize, r: usize| {
        let (Some(row), Some(role)) = (rows.get(f), set.get(r)) else {
            return CellView {
                text: RichText::new(fmt::MISSING),
                spoken: String::new(),
            };
        };
        let shown = &row.cells[r];
        let text = RichText::new(shown.on_screen());
        CellView {
            text: if shown.best {
                text.strong().color(strong)
            } else {
                text
            },
            spoken: format!(
                "{}, {}: {}{}",
                row.name,
                role.label(),
                shown.text,
                if shown.best { " (best)" } else { "" }
            ),
        }
    };
    if *roles_as_rows {
        let widths: Vec<f32> = rows
            .iter()
            .map(|row| figure_column_width(ui, row))
            .collect();
        PinnedTable {
            corner: "Role",
            columns: &figures,
            rows: &roles,
            first_width: name_width(ui, &roles, ROLE_COLUMN_MAX),
            widths: &widths,
        }
        .show(ui, "compare table, roles as rows", &|r, f| cell(f, r));
    } else {
        let widths = vec![COLUMN_WIDTH; roles.len()];
        PinnedTable {
            corner: "Figure",
            columns: &roles,
            rows: &figures,
            first_width: name_width(ui, &figures, FIGURE_COLUMN_MAX),
            widths: &widths,
        }
        .show(ui, "compare table", &cell);
    }
}

/// A role's name at the head of its column or row: its title, its seniority and what else tells
/// it apart under it; to a screen reader, its name in the set.
fn role_head(role: &Compared<'_>) -> Head {
    Head {
        title: role.name.title.clone(),
        detail: role.name.detail.clone(),
        spoken: role.label().to_owned(),
    }
}

/// The width of a column of names: its longest name, at most `max`.
fn name_width(ui: &Ui, heads: &[Head], max: f32) -> f32 {
    heads
        .iter()
        .flat_map(|h| [text_width(ui, &h.title), text_width(ui, &h.detail)])
        .fold(80.0, f32::max)
        .min(max)
        + 2.0 * CELL_ROOM
}

/// The width of a figure's column when roles are rows: its widest value, or its name's longest
/// word, within bounds.
fn figure_column_width(ui: &Ui, row: &Row) -> f32 {
    let widest_value = row
        .cells
        .iter()
        .map(|c| text_width(ui, &c.on_screen()))
        .fold(0.0, f32::max);
    let longest_word = row
        .name
        .split_whitespace()
        .map(|w| text_width(ui, w))
        .fold(0.0, f32::max);
    widest_value
        .max(longest_word)
        .clamp(60.0, FIGURE_COLUMN_MAX)
        + 2.0 * CELL_ROOM
}

/// How wide a text is in the body font.
fn text_width(ui: &Ui, text: &str) -> f32 {
    let font = egui::TextStyle::Body.resolve(ui.style());
    ui.painter()
        .layout_no_wrap(text.to_owned(), font, egui::Color32::WHITE)
        .size()
        .x
}

/// The best value of a row, when the row has a direction, two or more values, and they differ.
/// Absent figures take no part.
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

/// The composite of a document, when it has a score.
fn composite(doc: &Doc) -> Option<&Composite> {
    doc.breakdown().composite.as_ref()
}

/// An absent figure: [`fmt::MISSING`], nothing to compare.
fn missing() -> Cell {
    text(fmt::MISSING.to_owned())
}

/// A figure written by `show`, compared as rounded to the `decimals` it is shown with.
fn number(value: Option<f64>, decimals: i32, show: fn(f64) -> String) -> Cell {
    value.map_or_else(missing, |v| Cell {
        text: show(v),
        value: Some(fmt::round(v, decimals)),
    })
}

fn text(text: String) -> Cell {
    Cell { text, value: None }
}

/// An integer figure as a number to compare.
fn integer(value: i64) -> f64 {
    // Totals are small integers; the cast is exact.
    #[allow(clippy::cast_precision_loss)]
    let value = value as f64;
    value
}

fn signed_cell(value: Option<i64>) -> Cell {
    value.map_or_else(missing, |v| Cell {
        text: fmt::signed_typographic(v),
        value: Some(integer(v)),
    })
}

/// "2/9"; [`fmt::MISSING`] when a part has no score.
fn out_of(value: Option<i64>, max: i64) -> Cell {
    value.map_or_else(missing, |v| Cell {
        text: format!("{v}/{max}"),
        value: Some(integer(v)),
    })
}

fn growth_cell(growth: Option<i64>, framework: &Framework) -> Cell {
    growth.map_or_else(missing, |g| Cell {
        text: format!(
            "{} ({})",
            fmt::signed_typographic(g),
            framework.growth_label(g)
        ),
        value: Some(integer(g)),
    })
}

fn quick_screen_cell(red: Option<bool>) -> Cell {
    match red {
        Some(true) => text("Almost certainly Red".to_owned()),
        Some(false) => text("No signal".to_owned()),
        None => missing(),
    }
}

/// A share of the split, when there is task time.
fn split_cell(split: Option<Split>, share: fn(&Split) -> f64) -> Cell {
    number(split.as_ref().map(share), 1, fmt::pct)
}

/// The share of time at 3+, written as everywhere else ("69.96%" below a 70% threshold) and
/// compared as written.
fn time_3plus_cell(share: Option<f64>, framework: &Framework) -> Cell {
    share.map_or_else(missing, |s| {
        let text = time_3plus_text(s, framework);
        Cell {
            value: text.strip_suffix('%').and_then(|t| t.parse().ok()),
            text,
        }
    })
}

fn final_score(b: &Breakdown) -> Cell {
    b.final_result().map_or_else(missing, |result| {
        let flag = if result.overridden { " ⚑" } else { "" };
        Cell {
            text: format!("{}{flag}", fmt::score(result.score)),
            value: Some(fmt::round(result.score, 1)),
        }
    })
}

fn zone_cell(b: &Breakdown) -> Cell {
    b.zone_shown().map_or_else(missing, |zone| {
        let rank = crate::model::Zone::ALL
            .iter()
            .position(|&z| z == zone)
            .and_then(|i| i64::try_from(i).ok())
            .map(integer);
        Cell {
            text: zone.name().to_uppercase(),
            value: rank,
        }
    })
}

/// "none", the override's result, or — without a score — that it is not applied.
fn override_cell(doc: &Doc) -> Cell {
    let has_override = doc.assessment().override_result.is_some();
    text(match doc.breakdown().final_result() {
        _ if !has_override => "none".to_owned(),
        Some(result) => format!(
            "⚑ {} {}",
            fmt::score(result.score),
            result.zone.name().to_uppercase()
        ),
        None => "⚑ not applied (no score)".to_owned(),
    })
}

/// The task time total, flagged when the figures use shares scaled to 100%.
fn provisional_cell(b: &Breakdown) -> Cell {
    let total = fmt::pct(b.time_total);
    text(if b.provisional && b.task_total.is_some() {
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
    text(fmt::errors_and_warnings(errors, warnings))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart_layout::score::{Mark, Shape};
    use crate::model::Assessment;

    fn cells(values: &[f64]) -> Vec<Cell> {
        values
            .iter()
            .map(|&v| Cell {
                text: v.to_string(),
                value: Some(v),
            })
            .collect()
    }

    /// The rounding test role: its score is 24.95 in decimals, 24.9499… as a double.
    fn role_at_24_95() -> Assessment {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/score-24-95.aijri.json");
        crate::library::load_file(&path).unwrap().assessment
    }

    fn doc(assessment: Assessment) -> Doc {
        Doc::new(assessment, None, Framework::published())
    }

    /// The label of a document's bar in the score chart.
    fn bar_label(doc: &Doc) -> String {
        Mark::of(doc.breakdown(), Shape::Bar).label
    }

    fn row<'a>(rows: &'a [Row], name: &str) -> &'a Row {
        rows.iter().find(|r| r.name == name).unwrap()
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
        let a = number(Some(3.049), 2, fmt::task_figure);
        let b = number(Some(3.051), 2, fmt::task_figure);
        assert_eq!(a.text, "3.05");
        assert_eq!(a.value, b.value, "values that read the same tie");
        assert_eq!(number(Some(0.125), 2, fmt::task_figure).text, "0.13");
    }

    #[test]
    fn a_score_of_24_95_reads_25_0_in_the_table_and_on_its_bar() {
        let role = doc(role_at_24_95());
        let rows = rows(&[&role], Framework::published());
        for name in ["Final score", "Computed score"] {
            assert_eq!(row(&rows, name).cells[0].text, "25.0", "{name}");
        }
        assert_eq!(row(&rows, "Final zone").cells[0].text, "YELLOW");
        assert_eq!(bar_label(&role), "25.0 Yellow");
    }

    #[test]
    fn a_role_without_tasks_shows_missing_figures_never_marked_best() {
        let scored = doc(role_at_24_95());
        let mut higher = role_at_24_95();
        higher.tasks[0].score = 2;
        let higher = doc(higher);
        let mut empty = role_at_24_95();
        empty.tasks.clear();
        let empty = doc(empty);
        let rows = rows(&[&scored, &higher, &empty], Framework::published());
        for name in [
            "Final score",
            "Final zone",
            "Computed score",
            "Score before clamping",
            "Sub-label",
            "Task total",
            "Task resistance (TRS)",
            "Task time scoring 3+",
            "Displacement",
            "Not involved",
            "Raw composite",
        ] {
            let cell = &row(&rows, name).cells[2];
            assert_eq!(cell.on_screen(), fmt::MISSING, "{name}");
            assert!(!cell.best, "{name}");
        }
        let final_score = &row(&rows, "Final score").cells;
        assert!(final_score[1].best && !final_score[0].best);
        assert_eq!(row(&rows, "Task time total").cells[2].text, "0%");
        assert_eq!(bar_label(&empty), "no score");
    }
}
