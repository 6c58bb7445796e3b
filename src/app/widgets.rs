//! Small widgets shared by the panels: zone colours and chips, bounded score pickers with the
//! meaning of each level on hover, labelled text fields, and jump-to-field support.

use egui::{Color32, RichText, Ui};

use crate::fmt::signed;
use crate::framework::Factor;
use crate::model::{FieldPath, SubLabel, Zone};

/// The zone colours, the same everywhere in the program: the Okabe–Ito palette, which stays
/// distinguishable with the common colour-vision deficiencies. Text is always shown beside them.
#[must_use]
pub fn zone_colour(zone: Zone) -> Color32 {
    match zone {
        Zone::Red => Color32::from_rgb(0xD5, 0x5E, 0x00),
        Zone::Yellow => Color32::from_rgb(0xE6, 0x9F, 0x00),
        Zone::Green => Color32::from_rgb(0x00, 0x9E, 0x73),
    }
}

/// A zone colour made translucent, for bands behind plots.
#[must_use]
pub fn zone_band(zone: Zone, dark_mode: bool) -> Color32 {
    let alpha = if dark_mode { 60 } else { 45 };
    let c = zone_colour(zone);
    Color32::from_rgba_unmultiplied(c.r(), c.g(), c.b(), alpha)
}

/// The text of a zone chip: "RED", "GREEN · Transforming".
#[must_use]
pub fn zone_chip_text(zone: Zone, sub_label: Option<SubLabel>) -> String {
    match sub_label {
        Some(label) => format!("{} · {}", zone.name().to_uppercase(), label.name()),
        None => zone.name().to_uppercase(),
    }
}

/// The zone as a chip: its colour with its name in black, readable in both themes.
pub fn zone_chip(ui: &mut Ui, zone: Zone, sub_label: Option<SubLabel>) -> egui::Response {
    let text = zone_chip_text(zone, sub_label);
    egui::Frame::new()
        .fill(zone_colour(zone))
        .corner_radius(4)
        .inner_margin(egui::Margin::symmetric(6, 1))
        .show(ui, |ui| {
            ui.label(RichText::new(text).color(Color32::BLACK).strong())
        })
        .inner
}

/// A field the validation panel asked to show: the editor scrolls to it and focuses it.
#[derive(Debug, Clone, Copy)]
pub struct Jump<'a> {
    /// The field path to show, e.g. `evidence.wage_trends.score`.
    pub field: Option<&'a FieldPath>,
}

impl Jump<'_> {
    /// Whether this jump targets `field` (the field itself, or a field inside it).
    #[must_use]
    pub fn targets(&self, field: &FieldPath) -> bool {
        self.field.is_some_and(|f| f.starts_with(field))
    }

    /// Scrolls to and focuses a widget when the jump targets its field.
    pub fn apply(&self, field: &FieldPath, response: &egui::Response) {
        if self.targets(field) {
            response.scroll_to_me(Some(egui::Align::Center));
            response.request_focus();
        }
    }
}

/// A row of buttons, one per allowed score of `factor`: bounded by construction, each level's
/// meaning on hover, accessible as "<name>: <score>". A missing score (`None`) selects no button
/// and says so. Returns true when a button changed `score`.
///
/// From the keyboard the row is one stop, as a group of radio buttons is: Tab reaches the
/// selected level (the lowest while none is picked), ← and → step the score by one within its
/// range, and focus follows the score.
pub fn score_picker(
    ui: &mut Ui,
    name: &str,
    factor: &Factor,
    score: &mut Option<i64>,
    signed_labels: bool,
) -> bool {
    let mut changed = false;
    ui.horizontal(|ui| {
        ui.spacing_mut().item_spacing.x = 2.0;
        let stop = score
            .filter(|s| (factor.min..=factor.max).contains(s))
            .unwrap_or(factor.min);
        let mut ids = Vec::new();
        let mut focus_to = None;
        for value in factor.min..=factor.max {
            let text = if signed_labels {
                signed(value)
            } else {
                value.to_string()
            };
            let selected = *score == Some(value);
            let sense = if value == stop {
                egui::Sense::click()
            } else {
                egui::Sense::CLICK
            };
            let button = egui::Button::new(RichText::new(&text).monospace())
                .selected(selected)
                .frame(true)
                .sense(sense);
            let response = ui.add(button.min_size(egui::vec2(30.0, 0.0)));
            ids.push(response.id);
            let label = format!("{name}: {text}");
            response.widget_info(|| {
                egui::WidgetInfo::selected(egui::Role::Button, true, selected, &label)
            });
            if response.has_focus()
                && let Some(step) = arrow_step(ui.ctx())
            {
                let next = (value + step).clamp(factor.min, factor.max);
                changed |= *score != Some(next);
                *score = Some(next);
                focus_to = Some(next);
            }
            let hover = match factor.level(value) {
                Some(meaning) => format!("{text} — {meaning}"),
                None => text.clone(),
            };
            if response.on_hover_text(hover).clicked() && !selected {
                *score = Some(value);
                changed = true;
            }
        }
        let focus_id = focus_to
            .and_then(|next| usize::try_from(next - factor.min).ok())
            .and_then(|i| ids.get(i).copied());
        if let Some(id) = focus_id {
            ui.memory_mut(|m| m.request_focus(id));
        }
        ui.add_space(8.0);
        let error = ui.visuals().error_fg_color;
        match score.map(|s| (s, factor.level(s))) {
            Some((_, Some(meaning))) => ui.label(RichText::new(meaning).italics()),
            Some((value, None)) => ui.colored_label(
                error,
                format!("{value} is out of range {}…{}", factor.min, factor.max),
            ),
            None => ui.colored_label(error, "missing: pick a score"),
        };
    });
    changed
}

/// ← or → pressed for a focused score: one step down or up (the key is taken, so egui does
/// not also move focus with it).
#[must_use]
pub fn arrow_step(ctx: &egui::Context) -> Option<i64> {
    use super::keyboard::take_key;
    let none = egui::Modifiers::NONE;
    if take_key(ctx, none, egui::Key::ArrowLeft) {
        Some(-1)
    } else if take_key(ctx, none, egui::Key::ArrowRight) {
        Some(1)
    } else {
        None
    }
}

/// The automation scale from the framework: "1 = irreducibly human … 5 = fully automatable".
#[must_use]
pub fn score_scale(factor: &Factor) -> String {
    let end = |score| match factor.level(score) {
        Some(meaning) => format!("{score} = {}", first_words(meaning)),
        None => score.to_string(),
    };
    format!("{} … {}", end(factor.min), end(factor.max))
}

/// A level's meaning up to its first punctuation: "Irreducibly human — …" → "irreducibly human".
fn first_words(meaning: &str) -> String {
    let words = meaning
        .split(['—', ':', '.', ',', '(', ';'])
        .next()
        .unwrap_or(meaning)
        .trim();
    let mut chars = words.chars();
    chars
        .next()
        .map(|c| c.to_lowercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The range the parts of a section are scored in, from the framework: "0 to 3" (or
/// "−2 to +2" when `signed`); several ranges when the parts differ.
#[must_use]
pub fn range_text(factors: &[Factor], signed_labels: bool) -> String {
    let show = |v: i64| {
        if signed_labels {
            crate::fmt::signed_typographic(v)
        } else {
            v.to_string()
        }
    };
    let mut ranges: Vec<String> = factors
        .iter()
        .map(|f| format!("{} to {}", show(f.min), show(f.max)))
        .collect();
    ranges.dedup();
    ranges.join(" or ")
}

/// A labelled single-line text field, accessible by its label.
pub fn text_line(
    ui: &mut Ui,
    label: &str,
    text: &mut String,
    jump: Jump<'_>,
    field: &FieldPath,
) -> egui::Response {
    ui.horizontal(|ui| {
        let label = ui.label(label);
        let response = ui
            .add(egui::TextEdit::singleline(text).desired_width(f32::INFINITY))
            .labelled_by(label.id);
        jump.apply(field, &response);
        response
    })
    .inner
}

/// The reason of an adjustment: a one-line field, accessible by the input's name (`input`, a
/// label drawn before it), marked while empty — a reason may be left out, but not unnoticed.
pub fn reason_field(ui: &mut Ui, input: egui::Id, reason: &mut String) -> egui::Response {
    ui.vertical(|ui| {
        let field = egui::TextEdit::singleline(reason)
            .hint_text("why this input was changed")
            .desired_width(280.0);
        let response = ui.add(field).labelled_by(input);
        if reason.trim().is_empty() {
            ui.label(
                RichText::new(format!("⚠ {}", crate::adjust::text::NO_REASON))
                    .small()
                    .color(ui.visuals().warn_fg_color),
            );
        }
        response
    })
    .inner
}

/// A labelled multi-line text field, accessible by its label, as wide as the panel.
pub fn text_block(
    ui: &mut Ui,
    label: &str,
    text: &mut String,
    jump: Jump<'_>,
    field: &FieldPath,
) -> egui::Response {
    let label = ui.label(RichText::new(label).strong());
    let response = ui
        .add(
            egui::TextEdit::multiline(text)
                .desired_rows(2)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    jump.apply(field, &response);
    response
}

/// A heading with the part's help text on hover; the view scrolls to it when the jump targets
/// `field` (the part's score, say).
pub fn help_heading(ui: &mut Ui, title: &str, help: &str, jump: Jump<'_>, field: &FieldPath) {
    let response = ui.label(RichText::new(title).strong().size(15.0));
    if jump.targets(field) {
        response.scroll_to_me(Some(egui::Align::Min));
    }
    response.on_hover_text(help);
}

/// A strong "figure" label, e.g. a total.
pub fn figure(ui: &mut Ui, label: &str, value: impl Into<String>) {
    ui.horizontal(|ui| {
        ui.label(label);
        ui.label(RichText::new(value.into()).strong().monospace());
    });
}

/// One scored part of an assessment as the Protective, Evidence and Barriers tabs show it.
pub struct ScoredPart<'a> {
    /// The part's definition: name, help, range, levels.
    pub factor: &'a Factor,
    /// The field path of the part, e.g. `evidence.wage_trends`.
    pub field: FieldPath,
    /// The score being edited (`None`: missing in the file).
    pub score: &'a mut Option<i64>,
    /// The text behind the score (rationale or evidence) and its key under `field`.
    pub text: (&'a mut String, &'a str),
    /// Whether scores are shown with a sign (−2…+2).
    pub signed: bool,
}

/// A scored part: its heading (help on hover), the score buttons and the text behind the score.
pub fn scored_part(ui: &mut Ui, part: ScoredPart<'_>, jump: Jump<'_>) {
    let ScoredPart {
        factor,
        field,
        score,
        text: (text, key),
        signed,
    } = part;
    ui.add_space(6.0);
    help_heading(
        ui,
        &factor.name,
        &factor.help,
        jump,
        &field.clone().key("score"),
    );
    score_picker(ui, &factor.name, factor, score, signed);
    let label = if key == "evidence" {
        "Evidence"
    } else {
        "Rationale"
    };
    text_block(ui, label, text, jump, &field.key(key));
}
