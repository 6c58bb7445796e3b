//! Every figure of a role reads the same in every view of the window as in the exports and the
//! command line: the header, the role list, the Score and Tasks tabs and the Compare table, for
//! generated assessments (property test) — one rounding rule, one formatter per figure.
#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly on purpose.

mod common;

use aijri_desk::app::picker::ScriptedPicker;
use aijri_desk::framework::Framework;
use aijri_desk::model::{Assessment, ScoredPart, Task};
use aijri_desk::report::composite_steps;
use aijri_desk::{fmt, library, scoring, text_format};
use common::{click, harness, shows};
use egui_kittest::kittest::Queryable as _;
use proptest::prelude::*;

/// Shares that make exact half-cent ties in the weighted column (12.5 % at score 1 is 0.125).
const TIES: [f64; 4] = [12.5, 37.5, 62.5, 87.5];

/// An assessment with 1–4 tasks whose shares add up to 100 and every score within the
/// framework's range. The shares before the last are ties ([`TIES`], 0.125 at score 1) or any
/// share with up to four decimals; the last takes what is left.
fn assessments() -> impl Strategy<Value = Assessment> {
    let fw = Framework::published();
    let parts: Vec<ScoredPart> = ScoredPart::all().collect();
    let ranges: Vec<_> = parts
        .iter()
        .map(|&p| fw.part(p).min..=fw.part(p).max)
        .collect();
    let share = prop_oneof![
        prop::sample::select(TIES.to_vec()),
        (1u32..=250_000).prop_map(|w| f64::from(w) / 10_000.0),
    ];
    let tasks = prop::collection::vec((share, 1i64..=5), 1..=4);
    (tasks, ranges).prop_map(move |(tasks, scores)| {
        let mut a = Assessment::blank();
        a.role.title = "Generated role".into();
        let mut left = 100.0;
        a.tasks = tasks
            .iter()
            .enumerate()
            .map(|(i, &(share, score))| {
                let share = if i + 1 == tasks.len() {
                    (left * 10_000.0_f64).round() / 10_000.0
                } else if share < left {
                    share
                } else {
                    // What is left is shared out: half to this task.
                    (left / 2.0 * 10_000.0_f64).round() / 10_000.0
                };
                left -= share;
                Task {
                    name: format!("Task {i}"),
                    time_pct: share,
                    score,
                    ..Task::default()
                }
            })
            .collect();
        for (&part, score) in parts.iter().zip(scores) {
            a.set_part_score(part, Some(score));
        }
        a
    })
}

#[test]
fn the_tasks_tab_writes_a_half_cent_tie_as_every_export_does() {
    let mut a = Assessment::blank();
    a.role.title = "Tie".into();
    a.tasks = [(12.5, 1), (87.5, 3)]
        .into_iter()
        .enumerate()
        .map(|(i, (time_pct, score))| Task {
            name: format!("Task {i}"),
            time_pct,
            score,
            ..Task::default()
        })
        .collect();
    let folder = tempfile::tempdir().unwrap();
    library::save_atomic(&folder.path().join("tie.aijri.json"), &a).unwrap();
    let mut harness = harness(folder.path(), &ScriptedPicker::default());
    click(&mut harness, "Tasks");
    assert!(
        shows(&harness, "0.13"),
        "0.125 reads 0.13, as fmt::task_figure writes it"
    );
    assert!(!shows(&harness, "0.12"));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    #[test]
    fn each_figure_reads_the_same_in_every_view(a in assessments()) {
        let fw = Framework::published();
        let b = scoring::score(&a, fw);
        let Some(result) = b.final_result() else {
            return Err(TestCaseError::reject("no score"));
        };
        let score = fmt::score(result.score);
        let steps = composite_steps(&b, fw);
        let folder = tempfile::tempdir().unwrap();
        library::save_atomic(&folder.path().join("generated.aijri.json"), &a).unwrap();
        // The only role of the library is selected when it opens.
        let mut harness = harness(folder.path(), &ScriptedPicker::default());

        prop_assert!(shows(&harness, &format!("Current score {score}")), "header {score}");
        prop_assert!(shows(&harness, &score), "role list {score}");
        click(&mut harness, "Score");
        let jobzone = format!("JobZone Score: {}", steps.score);
        prop_assert!(shows(&harness, &jobzone), "Score tab: {jobzone}");
        let raw = format!("Raw: {}", steps.raw);
        prop_assert!(shows(&harness, &raw), "Score tab: {raw}");
        click(&mut harness, "Tasks");
        for w in &b.weighted {
            prop_assert!(shows(&harness, &fmt::task_figure(*w)), "weighted {w}");
        }
        let total = b.task_total.map(fmt::task_figure).unwrap();
        prop_assert!(shows(&harness, &total), "task total {total}");
        click(&mut harness, "Compare");
        harness.get_by_label("Every figure side by side").scroll_to_me();
        harness.run();
        let cell = format!("Final score, Generated role: {score}");
        prop_assert!(shows(&harness, &cell), "Compare table: {cell}");
        let export = text_format::export(&a, fw);
        prop_assert!(export.contains(&steps.score), "text export: {}", steps.score);
    }
}
