//! `aijri-desk diff A B [--json]`: every input that differs between two assessments, with both
//! values and the reason B records, the effect of each single change on A's score, and the
//! score, zone and sub-label of both.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde_json::Value;

use super::Streams;
use crate::adjust::{self, InputPath, Outcome, RoleDiff, text};
use crate::framework::{Framework, Frameworks};
use crate::library;
use crate::model::Assessment;

/// Compares the assessment files `a` and `b`; whether both loaded (differences are no failure).
pub(super) fn run(a: &Path, b: &Path, json: bool, io: &mut Streams) -> std::io::Result<bool> {
    let paths = [a.to_owned(), b.to_owned()];
    let (frameworks, errors) = Frameworks::beside(&paths);
    for error in &errors {
        writeln!(io.err, "{error}")?;
    }
    let (first, second) = match (library::read_assessment(a), library::read_assessment(b)) {
        (Ok(first), Ok(second)) => (first, second),
        (first, second) => {
            for error in [first.err(), second.err()].into_iter().flatten() {
                writeln!(io.err, "{error}")?;
            }
            return Ok(false);
        }
    };
    let roles = Roles {
        a: Role::new(a, &first, &frameworks),
        b: Role::new(b, &second, &frameworks),
    };
    let diff = adjust::diff(&first, roles.a.framework, &second, roles.b.framework);
    if json {
        serde_json::to_writer(&mut *io.out, &json_report(&roles, &diff))?;
        writeln!(io.out)?;
    } else {
        write_text(&roles, &diff, io.out)?;
    }
    Ok(errors.is_empty())
}

/// One side of the comparison: its file, assessment and framework.
struct Role<'a> {
    file: PathBuf,
    assessment: &'a Assessment,
    framework: &'a Framework,
}

impl<'a> Role<'a> {
    fn new(file: &Path, assessment: &'a Assessment, frameworks: &'a Frameworks) -> Self {
        Self {
            file: file.to_owned(),
            assessment,
            framework: frameworks.resolve(assessment).framework,
        }
    }
}

/// A and B.
struct Roles<'a> {
    a: Role<'a>,
    b: Role<'a>,
}

fn write_text(roles: &Roles, diff: &RoleDiff, out: &mut dyn Write) -> std::io::Result<()> {
    for (label, role) in [("A", &roles.a), ("B", &roles.b)] {
        writeln!(
            out,
            "{label}: {} — {}",
            role.file.display(),
            role.assessment.display_title()
        )?;
    }
    match diff.differences.len() {
        0 => writeln!(out, "No differences: every input is the same.")?,
        n => writeln!(
            out,
            "{}; each change alone on A's score:",
            crate::fmt::count(n, "input differs", "inputs differ")
        )?,
    }
    let (a, b, framework) = (roles.a.assessment, roles.b.assessment, roles.a.framework);
    for entry in &diff.differences {
        writeln!(
            out,
            "  {}: {}",
            text::diff_change_text(entry, a, b, framework),
            text::diff_effect_text(entry, &diff.a)
        )?;
        if let Some(reason) = &entry.reason {
            writeln!(out, "    reason: {}", text::reason_text(reason))?;
        }
    }
    for line in text::outcome_lines(&diff.a, &diff.b) {
        writeln!(out, "{line}")?;
    }
    Ok(())
}

/// A role in the `--json` output.
#[derive(Serialize)]
struct JsonRole<'a> {
    file: String,
    title: &'a str,
    #[serde(flatten)]
    outcome: Outcome,
}

/// One difference in the `--json` output; numbers unrounded, as `score --json` gives them. For
/// the number of tasks, `tasks` names the tasks added, removed and moved.
#[derive(Serialize)]
struct JsonDifference {
    field: String,
    name: String,
    from: Value,
    to: Value,
    #[serde(skip_serializing_if = "Option::is_none")]
    tasks: Option<String>,
    reason: Option<String>,
    score_with_change: Option<f64>,
    effect: Option<f64>,
}

fn json_role<'a>(role: &Role<'a>, outcome: Outcome) -> JsonRole<'a> {
    JsonRole {
        file: role.file.display().to_string(),
        title: &role.assessment.role.title,
        outcome,
    }
}

/// The `--json` object: `a`, `b` and `differences`.
fn json_report(roles: &Roles, diff: &RoleDiff) -> Value {
    let differences: Vec<JsonDifference> = diff
        .differences
        .iter()
        .map(|entry| JsonDifference {
            field: entry.path.to_string(),
            name: entry.path.name(roles.a.assessment, roles.a.framework),
            from: entry.from.to_json(),
            to: entry.to.to_json(),
            tasks: (entry.path == InputPath::TaskCount).then(|| {
                let (a, b) = (&roles.a.assessment.tasks, &roles.b.assessment.tasks);
                text::task_changes_text(&entry.tasks, a, b)
            }),
            reason: entry.reason.clone(),
            score_with_change: entry.score_with_change,
            effect: diff
                .a
                .score
                .zip(entry.score_with_change)
                .map(|(a, with)| with - a),
        })
        .collect();
    serde_json::json!({
        "a": json_role(&roles.a, diff.a),
        "b": json_role(&roles.b, diff.b),
        "differences": differences,
    })
}
