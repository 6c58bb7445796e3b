//! A one-page Markdown report of one assessment for a client: the result, how it is built step by
//! step, the tasks, evidence and barriers, the findings and the commentary.

use crate::adjust;
use crate::fmt;
use crate::framework::Framework;
use crate::model::{Assessment, RelatedRole};
use crate::report::{self, composite_steps};
use crate::scoring::{self, Breakdown};
use crate::text_format::escape;
use crate::text_format::lines::{bullet_line, starts_like_markup};
use crate::text_format::parts::{self, PartRow};
use crate::validate::Finding;

/// The Markdown report of an assessment with its figures and findings. An override is shown
/// beside the computed result with its reason; a provisional result (task time not 100%) is
/// marked as such.
#[must_use]
pub fn markdown_report(
    assessment: &Assessment,
    breakdown: &Breakdown,
    framework: &Framework,
    findings: &[Finding],
) -> String {
    let mut md = Markdown::default();
    md.line(&format!("# {}", escape(&assessment.display_title())));
    md.blank();
    result(&mut md, assessment, breakdown, framework);
    role(&mut md, assessment);
    steps(&mut md, assessment, breakdown, framework);
    adjustments(&mut md, assessment, framework);
    tasks(&mut md, assessment, breakdown);
    scored_parts(&mut md, assessment, framework);
    if !findings.is_empty() {
        md.heading(2, "Findings");
        for finding in findings {
            md.line(&format!("- {}", escape(&finding.to_string())));
        }
        md.blank();
    }
    commentary(&mut md, assessment);
    md.out
}

/// The report being written.
#[derive(Default)]
struct Markdown {
    out: String,
}

impl Markdown {
    fn line(&mut self, text: &str) {
        self.out.push_str(text);
        self.out.push('\n');
    }

    fn blank(&mut self) {
        self.out.push('\n');
    }

    fn heading(&mut self, level: usize, text: &str) {
        self.line(&format!("{} {text}", "#".repeat(level)));
        self.blank();
    }

    /// A table: header, separator and rows, every cell escaped; then a blank line.
    fn table(&mut self, header: &[&str], rows: &[Vec<String>]) {
        let row = |cells: &mut dyn Iterator<Item = String>| {
            cells
                .map(|c| format!(" {} |", escape(&c)))
                .collect::<String>()
        };
        self.line(&format!(
            "|{}",
            row(&mut header.iter().map(|h| (*h).to_owned()))
        ));
        self.line(&format!("|{}", "---|".repeat(header.len())));
        for cells in rows {
            self.line(&format!("|{}", row(&mut cells.iter().cloned())));
        }
        self.blank();
    }

    /// A table of scored parts: name, score, text.
    fn part_table<'a>(&mut self, [name, text]: [&str; 2], rows: impl Iterator<Item = PartRow<'a>>) {
        let rows: Vec<Vec<String>> = rows
            .map(|r| vec![r.name.to_owned(), r.score_text(), r.text.to_owned()])
            .collect();
        self.table(&[name, "Score", text], &rows);
    }

    /// Free text as Markdown paragraphs.
    fn paragraphs(&mut self, text: &str) {
        for paragraph in text.split("\n\n").filter(|p| !p.trim().is_empty()) {
            self.line(&paragraph_line(paragraph));
            self.blank();
        }
    }

    fn bullets<'a>(&mut self, items: impl Iterator<Item = &'a str>) {
        let mut any = false;
        for item in items {
            self.line(&bullet_line(&escape(item)));
            any = true;
        }
        if any {
            self.blank();
        }
    }
}

/// A paragraph escaped so that Markdown does not read it as a heading, list, quote or rule.
fn paragraph_line(paragraph: &str) -> String {
    let escaped = escape(paragraph);
    let numbered = escaped
        .split_once(['.', ')'])
        .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
    if starts_like_markup(&escaped) || escaped.starts_with(['+', '=', '_']) || numbered {
        format!("\\{escaped}")
    } else {
        escaped
    }
}

fn result(md: &mut Markdown, a: &Assessment, b: &Breakdown, framework: &Framework) {
    let top = fmt::weight(framework.clamp.max);
    match &b.composite {
        None => md.line(&format!("**AIJRI score: {}**", escape(&b.no_score_text()))),
        Some(c) if c.final_result.overridden => {
            md.line(&format!(
                "**AIJRI score: {}/{top} — {} (assessor override)**",
                fmt::score(c.final_result.score),
                c.final_result.zone.name()
            ));
            md.blank();
            md.line(&format!(
                "Computed: {}/{top} — {}.",
                fmt::score(c.score),
                escape(&c.sub_label_text())
            ));
            if let Some(o) = &a.override_result {
                md.line(&format!("Reason: {}", escape(&o.reason)));
            }
        }
        Some(c) => md.line(&format!(
            "**AIJRI score: {}/{top} — {}**",
            fmt::score(c.score),
            escape(&c.sub_label_text())
        )),
    }
    md.blank();
    if b.provisional && b.task_total.is_some() {
        md.line(&format!(
            "> **Provisional:** task time adds up to {}, not 100%; every figure uses shares scaled to 100%.",
            fmt::pct(b.time_total)
        ));
        md.blank();
    }
}

fn role(md: &mut Markdown, a: &Assessment) {
    md.heading(2, "Role");
    let r = &a.role;
    let rows = [
        ("Job title", &r.title),
        ("Seniority", &r.seniority),
        ("Primary function", &r.primary_function),
        ("What this role is not", &r.not_this_role),
        ("Typical experience", &r.typical_experience),
    ];
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|(name, value)| vec![(*name).to_owned(), (*value).clone()])
        .collect();
    md.table(&["Field", "Value"], &rows);
    md.paragraphs(&r.seniority_note);
}

fn steps(md: &mut Markdown, a: &Assessment, b: &Breakdown, framework: &Framework) {
    md.heading(2, "How the score is built");
    let s = composite_steps(b, framework);
    let high_automation = format!(
        "Share of time scoring {}+",
        framework.sub_labels.high_automation_min_score
    );
    let mut rows = vec![
        (
            "Protective total",
            report::total_of(b.protective_total, framework.protective_max()),
        ),
        (
            "AI growth correlation",
            report::growth_text(b.growth, framework),
        ),
        ("Quick screen", report::quick_screen_text(b, framework)),
        (
            "Task total",
            fmt::or_missing(b.task_total, fmt::task_figure),
        ),
        ("Task Resistance Score", s.task_resistance),
        ("Evidence modifier", s.evidence_modifier),
        ("Barrier modifier", s.barrier_modifier),
        ("Growth modifier", s.growth_modifier),
        ("Raw", s.raw),
        ("JobZone score", s.score),
    ];
    if let Some(note) = s.clamp_note {
        rows.push(("Note", note));
    }
    rows.extend([
        ("Zone", s.zone),
        (
            "Sub-label",
            fmt::or_missing(b.composite.as_ref(), |c| {
                format!("{} ({})", c.sub_label_text(), c.conditions_text())
            }),
        ),
        ("Split", s.split),
        (
            high_automation.as_str(),
            fmt::or_missing(b.time_3plus_pct, |share| {
                scoring::time_3plus_text(share, framework)
            }),
        ),
        ("Assessor override", report::override_text(a, b)),
    ]);
    let rows: Vec<Vec<String>> = rows
        .into_iter()
        .map(|(step, value)| vec![step.to_owned(), value])
        .collect();
    md.table(&["Step", "Working"], &rows);
}

/// Where an adjusted assessment came from (by title, seniority and id, never by file) and each
/// adjustment with its effect and reason.
fn adjustments(md: &mut Markdown, a: &Assessment, framework: &Framework) {
    let Some(from) = adjust::text::derived_from_text(a) else {
        return;
    };
    md.heading(2, "Adjustments");
    md.line(&format!("{}.", escape(&from)));
    md.blank();
    if a.adjustments.is_empty() {
        md.line("None: every input is as in the source.");
        md.blank();
        return;
    }
    let effects = adjust::adjustment_effects(a, framework);
    let rows: Vec<Vec<String>> = a
        .adjustments
        .iter()
        .zip(&effects)
        .map(|(entry, effect)| {
            vec![
                adjust::text::entry_name(entry, a, framework),
                adjust::text::values_text(entry, framework),
                adjust::text::effect_text(effect),
                adjust::text::reason_text(&entry.reason).to_owned(),
            ]
        })
        .collect();
    md.table(
        &["Input", "Source → now", "Effect on the score", "Reason"],
        &rows,
    );
}

fn tasks(md: &mut Markdown, a: &Assessment, b: &Breakdown) {
    md.heading(2, "Tasks");
    let mut rows: Vec<Vec<String>> = a
        .tasks
        .iter()
        .zip(&b.weighted)
        .map(|(t, weighted)| {
            vec![
                t.name.clone(),
                fmt::time_share(t.time_pct),
                t.score.to_string(),
                fmt::task_figure(*weighted),
                t.impact.label().to_owned(),
                t.rationale.clone(),
            ]
        })
        .collect();
    let total = fmt::or_missing(b.task_total, fmt::task_figure);
    rows.push(vec![
        "Total".into(),
        fmt::pct(b.time_total),
        String::new(),
        total,
        String::new(),
        String::new(),
    ]);
    md.table(
        &["Task", "Time", "Score", "Weighted", "Impact", "Rationale"],
        &rows,
    );
    let r = &a.reinstatement;
    if !(r.level.is_empty() && r.note.is_empty()) {
        md.line(&format!("**Reinstatement check:** {}", escape(&r.level)));
        md.blank();
        md.paragraphs(&r.note);
    }
}

fn scored_parts(md: &mut Markdown, a: &Assessment, framework: &Framework) {
    md.heading(2, "Protective principles and AI growth");
    let principles = parts::principles(a, framework).chain([parts::growth(a, framework)]);
    md.part_table(["Principle", "Rationale"], principles);
    md.paragraphs(&a.growth.check);
    md.heading(2, "Evidence");
    md.part_table(["Dimension", "Evidence"], parts::dimensions(a, framework));
    md.heading(2, "Barriers");
    md.part_table(["Barrier", "Rationale"], parts::barriers(a, framework));
}

/// One part of the commentary.
enum Part<'a> {
    /// Paragraphs.
    Text(&'a str),
    /// A bulleted list.
    Bullets(&'a [String]),
    /// Lines already written as Markdown.
    Lines(&'a [String]),
}

impl Part<'_> {
    fn is_empty(&self) -> bool {
        match self {
            Self::Text(text) => text.split("\n\n").all(|p| p.trim().is_empty()),
            Self::Bullets(items) | Self::Lines(items) => items.is_empty(),
        }
    }

    fn write(&self, md: &mut Markdown) {
        match self {
            Self::Text(text) => md.paragraphs(text),
            Self::Bullets(items) => md.bullets(items.iter().map(String::as_str)),
            Self::Lines(lines) => {
                for line in *lines {
                    md.line(line);
                }
                md.blank();
            }
        }
    }
}

fn commentary(md: &mut Markdown, a: &Assessment) {
    let c = &a.commentary;
    let related: Vec<String> = c.where_to_look_next.iter().map(related_role).collect();
    let parts = [
        ("Score vs reality", Part::Text(&c.score_vs_reality)),
        (
            "What the numbers don't capture",
            Part::Bullets(&c.numbers_dont_capture),
        ),
        (
            "Who should worry (and who shouldn't)",
            Part::Text(&c.who_should_worry),
        ),
        ("What this means", Part::Text(&c.role_outlook)),
        ("Survival strategy", Part::Bullets(&c.survival_strategy)),
        ("Where to look next", Part::Lines(&related)),
        ("Timeline", Part::Text(&c.timeline)),
    ];
    md.heading(2, "Commentary");
    for (title, part) in parts.iter().filter(|(_, part)| !part.is_empty()) {
        md.heading(3, title);
        part.write(md);
    }
}

/// "- **Senior Software Engineer** (AIJRI 55.4) — why".
fn related_role(related: &RelatedRole) -> String {
    let mut line = format!("- **{}**", escape(&related.title));
    if let Some(aijri) = related.aijri {
        line.push_str(&format!(" (AIJRI {})", fmt::exact(aijri)));
    }
    if !related.note.is_empty() {
        line.push_str(&format!(" — {}", escape(&related.note)));
    }
    line
}
