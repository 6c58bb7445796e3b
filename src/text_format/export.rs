//! Writing an assessment in the published text layout, section by section, with every figure
//! recomputed under the framework.

use super::ROLE_FIELDS;
use super::lines::{bullet_line, escape, row};
use super::parts::{self, PartRow};
use super::sections::{SectionKind as K, looks_structural};
use crate::fmt;
use crate::framework::{Factor, Framework};
use crate::model::{Assessment, Barrier, Dimension, Principle, RelatedRole};
use crate::report::{self, CompositeSteps};
use crate::scoring::{self, Breakdown};

/// The barrier section's fixed second line.
const REFRAMED_QUESTION: &str =
    "Reframed question: What prevents AI execution even when programmatically possible?";
/// The fixed line that opens the related roles.
const WHERE_TO_LOOK_INTRO: &str = "Where to look next. If you're considering a career shift, these Green Zone roles share transferable skills with this role:";
/// The fixed line that closes the related roles.
const BROWSE_LINE: &str = "Browse all scored roles at jobzonerisk.com to find the right fit for your skills and interests.";

/// The assessment as published text: the layout of `reference/backend-api-developer.txt`, every
/// figure recomputed under `framework`. Empty optional sections are left out. See the module
/// documentation for what the text cannot carry.
#[must_use]
pub fn export(assessment: &Assessment, framework: &Framework) -> String {
    let b = scoring::score(assessment, framework);
    let steps = report::composite_steps(&b, framework);
    let mut w = Writer::default();
    role(&mut w, assessment);
    protective(&mut w, assessment, &b, framework);
    tasks(&mut w, assessment, &b, &steps, framework);
    reinstatement(&mut w, assessment);
    evidence(&mut w, assessment, &b, framework);
    barriers(&mut w, assessment, &b, framework);
    w.paragraph_section(K::GrowthCheck, &assessment.growth.check);
    composite(&mut w, &b, &steps);
    sub_label(&mut w, &b, framework);
    override_line(&mut w, assessment, &b);
    commentary(&mut w, assessment);
    w.out
}

/// The text being written.
#[derive(Default)]
struct Writer {
    out: String,
}

impl Writer {
    fn line(&mut self, text: &str) {
        self.out.push_str(text);
        self.out.push('\n');
    }

    fn heading(&mut self, kind: K) {
        self.line(kind.def().title);
    }

    fn row(&mut self, cells: &[&str]) {
        self.line(&row(cells));
    }

    /// A header row and its separator.
    fn table_header(&mut self, cells: &[&str]) {
        self.row(cells);
        self.line(&format!("|{}", "---|".repeat(cells.len())));
    }

    /// A table of scored parts: `| name | Score (min-max) | text |`, then one row per part.
    fn scored_table<'a>(
        &mut self,
        [name, text]: [&str; 2],
        range: &Factor,
        rows: impl Iterator<Item = PartRow<'a>>,
    ) {
        self.table_header(&[name, &score_header(range), text]);
        for row in rows {
            self.part_row(&row);
        }
    }

    fn part_row(&mut self, part: &PartRow) {
        self.row(&[part.name, &part.score_text(), part.text]);
    }

    /// Whole lines of free text, one per paragraph.
    fn paragraph_lines<'a>(&mut self, paragraphs: impl Iterator<Item = &'a str>) {
        for paragraph in paragraphs {
            self.line(&free_line(paragraph));
        }
    }

    /// A heading and its paragraphs; nothing when the text is empty.
    fn paragraph_section(&mut self, kind: K, text: &str) {
        if paragraphs(text).next().is_some() {
            self.heading(kind);
            self.paragraph_lines(paragraphs(text));
        }
    }

    /// "Label: first paragraph" and the others below; nothing when the text is empty.
    fn labelled(&mut self, kind: K, text: &str) {
        let mut paragraphs = paragraphs(text);
        if let Some(first) = paragraphs.next() {
            self.line(&format!("{}: {}", kind.def().title, escape(first)));
            self.paragraph_lines(paragraphs);
        }
    }

    /// "Label: line. first paragraph" (the line always written) and the other paragraphs below.
    fn labelled_after(&mut self, kind: K, head: &str, text: &str) {
        let mut paragraphs = paragraphs(text);
        let first = paragraphs
            .next()
            .map(|p| format!(" {}", escape(p)))
            .unwrap_or_default();
        self.line(&format!("{}: {head}{first}", kind.def().title));
        self.paragraph_lines(paragraphs);
    }

    fn bullets(&mut self, items: &[String]) {
        for item in items {
            self.line(&bullet_line(&escape(item)));
        }
    }
}

/// The paragraphs of a free-text field (separated by a blank line), empty ones left out.
fn paragraphs(text: &str) -> impl Iterator<Item = &str> {
    text.split("\n\n")
        .filter(|p| !p.trim_matches(' ').is_empty())
}

/// A paragraph as a whole line: escaped, with a leading `\` where it would read as structure.
fn free_line(paragraph: &str) -> String {
    let escaped = escape(paragraph);
    if looks_structural(&escaped) {
        format!("\\{escaped}")
    } else {
        escaped
    }
}

/// "Score (0-3)", "Score (-2 to 2)".
fn score_header(factor: &Factor) -> String {
    if factor.min < 0 {
        format!("Score ({} to {})", factor.min, factor.max)
    } else {
        format!("Score ({}-{})", factor.min, factor.max)
    }
}

fn role(w: &mut Writer, a: &Assessment) {
    w.heading(K::Role);
    w.table_header(&["Field", "Value"]);
    for field in &ROLE_FIELDS {
        w.row(&[field.name, (field.get)(&a.role)]);
    }
    w.labelled(K::SeniorityNote, &a.role.seniority_note);
}

fn protective(w: &mut Writer, a: &Assessment, b: &Breakdown, framework: &Framework) {
    w.heading(K::Protective);
    let range = framework.principle(Principle::ALL[0]);
    w.scored_table(
        ["Principle", "Rationale"],
        range,
        parts::principles(a, framework),
    );
    let total = report::total_of(b.protective_total, framework.protective_max());
    w.row(&["Protective Total", &total, ""]);
    w.part_row(&parts::growth(a, framework));
    let rule = format!("{}.", report::quick_screen_text(b, framework));
    w.labelled_after(K::QuickScreen, &rule, &a.quick_screen_note);
}

fn tasks(
    w: &mut Writer,
    a: &Assessment,
    b: &Breakdown,
    steps: &CompositeSteps,
    framework: &Framework,
) {
    w.heading(K::Tasks);
    let header = score_header(&framework.task_score);
    w.table_header(&[
        "Task",
        "Time %",
        &header,
        "Weighted",
        "Aug/Disp",
        "Rationale",
    ]);
    for (task, weighted) in a.tasks.iter().zip(&b.weighted) {
        w.row(&[
            &task.name,
            &fmt::time_share(task.time_pct),
            &task.score.to_string(),
            &fmt::task_figure(*weighted),
            &task.impact.label().to_uppercase(),
            &task.rationale,
        ]);
    }
    w.row(&[
        "Total",
        &fmt::pct(b.time_total),
        &fmt::or_missing(b.task_total, fmt::task_figure),
    ]);
    if b.provisional && b.task_total.is_some() {
        w.line(&format!(
            "Provisional: task time adds up to {}, not 100%; every figure uses shares scaled to 100%.",
            fmt::pct(b.time_total)
        ));
    }
    // A figure that cannot be computed is left out: the text carries only figures.
    if b.task_resistance.is_some() {
        w.line(&format!("Task Resistance Score: {}", steps.task_resistance));
    }
    if b.split.is_some() {
        w.line(&format!("Displacement/Augmentation split: {}", steps.split));
    }
}

fn reinstatement(w: &mut Writer, a: &Assessment) {
    let r = &a.reinstatement;
    if !(r.level.is_empty() && r.note.is_empty()) {
        w.labelled_after(K::Reinstatement, &format!("{}.", escape(&r.level)), &r.note);
    }
}

fn evidence(w: &mut Writer, a: &Assessment, b: &Breakdown, framework: &Framework) {
    w.heading(K::Evidence);
    let range = framework.dimension(Dimension::ALL[0]);
    w.scored_table(
        ["Dimension", "Evidence"],
        range,
        parts::dimensions(a, framework),
    );
    w.row(&[
        "Total",
        &fmt::or_missing(b.evidence_total, |t| t.to_string()),
    ]);
}

fn barriers(w: &mut Writer, a: &Assessment, b: &Breakdown, framework: &Framework) {
    w.heading(K::Barriers);
    w.line(REFRAMED_QUESTION);
    let range = framework.barrier(Barrier::ALL[0]);
    w.scored_table(
        ["Barrier", "Rationale"],
        range,
        parts::barriers(a, framework),
    );
    w.row(&[
        "Total",
        &report::total_of(b.barrier_total, framework.barrier_max()),
    ]);
}

/// The composite table and lines; the inputs that cannot be computed are left out, and without a
/// score a note says why instead of the score and zone.
fn composite(w: &mut Writer, b: &Breakdown, steps: &CompositeSteps) {
    w.heading(K::Composite);
    w.table_header(&["Input", "Value"]);
    let rows = [
        (
            "Task Resistance Score",
            b.task_resistance,
            &steps.task_resistance_value,
        ),
        (
            "Evidence Modifier",
            b.evidence_modifier,
            &steps.evidence_modifier,
        ),
        (
            "Barrier Modifier",
            b.barrier_modifier,
            &steps.barrier_modifier,
        ),
        ("Growth Modifier", b.growth_modifier, &steps.growth_modifier),
    ];
    for (name, figure, text) in rows {
        if figure.is_some() {
            w.row(&[name, text]);
        }
    }
    if b.composite.is_none() {
        w.line(&format!("Note: {}", b.no_score_text()));
        return;
    }
    w.line(&format!("Raw: {}", steps.raw));
    w.line(&format!("JobZone Score: {}", steps.score));
    if let Some(note) = &steps.clamp_note {
        w.line(&format!("Note: {note}"));
    }
    w.line(&format!("Zone: {}", steps.zone));
}

fn sub_label(w: &mut Writer, b: &Breakdown, framework: &Framework) {
    w.heading(K::SubLabel);
    w.table_header(&["Metric", "Value"]);
    let high = framework.sub_labels.high_automation_min_score;
    if let Some(share) = b.time_3plus_pct {
        let share = scoring::time_3plus_text(share, framework);
        w.row(&[&format!("% of task time scoring {high}+"), &share]);
    }
    w.row(&[
        &framework.growth.name,
        &fmt::or_missing(b.growth, |g| g.to_string()),
    ]);
    w.row(&[
        "Sub-label",
        &b.sub_label_text().unwrap_or_else(|| "no score".to_owned()),
    ]);
}

/// The override as set: only the parts it sets, then the computed result for reference and the
/// reason ("31.0 YELLOW (computed 24.5 RED) — reason"). `report::override_text` shows the final
/// result instead, which would turn an unset part into a set one on import.
fn override_line(w: &mut Writer, a: &Assessment, b: &Breakdown) {
    let Some(o) = &a.override_result else {
        w.line(&format!(
            "{}: {}",
            K::Override.def().title,
            report::override_text(a, b)
        ));
        return;
    };
    let set: Vec<String> = o
        .score
        .map(fmt::exact)
        .into_iter()
        .chain(o.zone.map(|z| z.name().to_uppercase()))
        .collect();
    let computed = b.composite.as_ref().map_or_else(
        || "no score".to_owned(),
        |c| {
            format!(
                "computed {} {}",
                fmt::score(c.score),
                c.zone.name().to_uppercase()
            )
        },
    );
    let head = format!(
        "{}({computed}) —",
        set.iter().map(|s| format!("{s} ")).collect::<String>(),
    );
    w.labelled_after(K::Override, &head, &o.reason);
}

fn commentary(w: &mut Writer, a: &Assessment) {
    let c = &a.commentary;
    let texts = [
        &c.score_vs_reality,
        &c.who_should_worry,
        &c.role_outlook,
        &c.timeline,
    ];
    let lists = [&c.numbers_dont_capture, &c.survival_strategy];
    if texts.iter().all(|t| paragraphs(t).next().is_none())
        && lists.iter().all(|l| l.is_empty())
        && c.where_to_look_next.is_empty()
    {
        return;
    }
    w.heading(K::Commentary);
    w.paragraph_section(K::ScoreVsReality, &c.score_vs_reality);
    if !c.numbers_dont_capture.is_empty() {
        w.heading(K::NumbersDontCapture);
        w.bullets(&c.numbers_dont_capture);
    }
    w.paragraph_section(K::WhoShouldWorry, &c.who_should_worry);
    w.paragraph_section(K::WhatThisMeans, &c.role_outlook);
    if !c.survival_strategy.is_empty() {
        w.line(&format!("{}:", K::SurvivalStrategy.def().title));
        w.bullets(&c.survival_strategy);
    }
    if !c.where_to_look_next.is_empty() {
        w.line(WHERE_TO_LOOK_INTRO);
        for related in &c.where_to_look_next {
            w.line(&related_line(related));
        }
        w.line(BROWSE_LINE);
    }
    w.labelled(K::Timeline, &c.timeline);
}

/// "- Senior Software Engineer (AIJRI 55.4) — why".
fn related_line(related: &RelatedRole) -> String {
    let mut line = escape(&related.title);
    if let Some(aijri) = related.aijri {
        line.push_str(&format!(" (AIJRI {})", fmt::exact(aijri)));
    }
    if !related.note.is_empty() {
        line.push_str(" — ");
        line.push_str(&escape(&related.note));
    }
    bullet_line(&line)
}
