//! The options of a role against the zone bands, drawn as Compare draws its score chart
//! ([`score_bars::draw`], laid out by [`crate::chart_layout::score`]): the role's bar first, then
//! one row per option — a bar to the library's live score where the library has the role, a ◇ at
//! the published score where it does not — each with an arrow from the role's score and the change
//! in points at its head; its reason on hover, and every row named for a screen reader
//! ("Senior Software Engineer: 51.0 Green, +26.5 from Backend/API Developer").

use egui::{RichText, Ui};

use super::Resolved;
use crate::app::compare::score_bars::{self, RowText};
use crate::chart_layout::score::{Arrow, Mark, NO_SCORE, Row, RowKind, ScoreChart, Shape};
use crate::fmt;
use crate::pathways::{MatchedBy, PathwayOption};
use crate::scoring::{displayed_score, zone_of};

/// Draws the chart and, under it, the key to its marks.
pub fn ui(ui: &mut Ui, resolved: &Resolved<'_>) {
    let (chart, rows, description) = chart_of(resolved);
    score_bars::draw(ui, &chart, &description, &rows);
    key(ui, &chart, &resolved.name.label);
}

/// The chart of a role's options, what each row says, and the chart in words.
#[must_use]
pub fn chart_of(resolved: &Resolved<'_>) -> (ScoreChart, Vec<RowText>, String) {
    let role = Row::role(&resolved.name, resolved.doc.breakdown());
    let role_words = format!("{}: {}", resolved.name.label, role.marks[0].label);
    let mut texts = vec![RowText {
        spoken: role_words.clone(),
        hover: format!(
            "{}\nThe role its options start from: {}",
            resolved.doc.assessment().display_title(),
            role.marks[0].label
        ),
    }];
    let mut rows = vec![role];
    for option in &resolved.pathway.options {
        let (row, text) = option_row(resolved, option);
        rows.push(row);
        texts.push(text);
    }
    let options: Vec<&str> = texts[1..].iter().map(|t| t.spoken.as_str()).collect();
    let description = format!("Pathways chart of {role_words}; {}", options.join("; "));
    (
        ScoreChart::new(resolved.framework, rows),
        texts,
        description,
    )
}

/// An option's row: its mark, the arrow from the role, and its words.
fn option_row(resolved: &Resolved<'_>, option: &PathwayOption<'_>) -> (Row, RowText) {
    let matched = resolved.matched(option);
    let live = matched.filter(|(_, role)| role.result.is_some());
    let mark = match (live, option.figures.published) {
        (Some((id, _)), _) => resolved
            .doc_breakdown(id)
            .map_or_else(no_score, |b| Mark::of(b, Shape::Bar)),
        (None, Some(published)) => {
            let zone = zone_of(published, resolved.framework);
            Mark {
                value: Some(displayed_score(published)),
                zone: Some(zone),
                label: format!("{} {}", fmt::score(published), zone.name()),
                shape: Shape::Published,
                provisional: false,
            }
        }
        (None, None) => no_score(),
    };
    let from = resolved.pathway.result.map(|r| displayed_score(r.score));
    let arrow = from
        .zip(option.change)
        .filter(|_| mark.value.is_some())
        .map(|(from, change)| Arrow {
            from,
            label: fmt::score_delta(change),
        });
    let title = option.related.title.clone();
    let standing = if mark.shape == Shape::Published {
        format!("{} (published)", mark.label)
    } else {
        mark.label.clone()
    };
    let change = option.change.map_or_else(String::new, |c| {
        format!(", {} from {}", fmt::score_delta(c), resolved.name.label)
    });
    let text = RowText {
        spoken: format!("{title}: {standing}{change}"),
        hover: hover(resolved, option),
    };
    let detail = match (&option.matched, matched) {
        (Some(m), Some((_, role))) => {
            let how = if m.by == MatchedBy::Id {
                "linked in the library"
            } else {
                "in the library"
            };
            let seniority = role.assessment.role.seniority.trim();
            if seniority.is_empty() {
                how.to_owned()
            } else {
                format!("{seniority} · {how}")
            }
        }
        _ => "not in the library: published score".to_owned(),
    };
    let row = Row {
        title,
        detail,
        kind: RowKind::Role,
        marks: vec![mark],
        computed: None,
        arrow,
    };
    (row, text)
}

/// A mark that says there is no score.
fn no_score() -> Mark {
    Mark {
        value: None,
        zone: None,
        label: NO_SCORE.to_owned(),
        shape: Shape::Bar,
        provisional: false,
    }
}

/// An option's hover text: its title, its figures, the library role it resolved to, the change
/// and the reason.
fn hover(resolved: &Resolved<'_>, option: &PathwayOption<'_>) -> String {
    let mut lines = vec![
        option.related.title.clone(),
        option.figures.text(resolved.framework),
    ];
    lines.push(match resolved.matched(option) {
        Some((_, role)) => format!(
            "In the library: {} ({})",
            role.assessment.display_title(),
            crate::app::store::file_name(role.file)
        ),
        None => "Not in the library".to_owned(),
    });
    if let Some(change) = option.change {
        lines.push(format!(
            "{} points from {}",
            fmt::score_delta(change),
            resolved.name.label
        ));
    }
    let note = option.related.note.trim();
    if !note.is_empty() {
        lines.push(format!("Why: {note}"));
    }
    lines.join("\n")
}

/// The key to the chart: what its marks and arrows mean, each only when it appears.
fn key(ui: &mut Ui, chart: &ScoreChart, role: &str) {
    let shapes = || chart.rows.iter().flat_map(|r| &r.marks).map(|m| m.shape);
    let mut parts = vec![format!(
        "Bars: {role} and the options found in the library, with their live scores"
    )];
    if shapes().any(|s| s == Shape::Published) {
        parts.push("◇ the published score of an option the library lacks".to_owned());
    }
    parts.push(format!("arrows: the change in points from {role}"));
    parts.push("dashed lines: the zone thresholds".to_owned());
    parts.push("hover a row for why it is an option".to_owned());
    ui.label(RichText::new(parts.join(" · ")).size(12.0));
}
