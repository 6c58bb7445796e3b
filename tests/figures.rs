//! One way to show a figure (`spec/aijri-method.md` §5): every figure of generated assessments is
//! shown as the same string in the breakdown (what `score` prints), the published-text export and
//! the Markdown report, and that string is the `fmt` helper of the figure's unrounded value; the
//! rounding itself is half away from zero on the decimal value.

// A test fails by panicking; its helpers unwrap what a passing test guarantees.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use aijri_desk::export::markdown_report;
use aijri_desk::fmt;
use aijri_desk::framework::Framework;
use aijri_desk::model::{Assessment, Barrier, Dimension, Impact, Principle, Task};
use aijri_desk::report;
use aijri_desk::scoring::{self, Breakdown};
use aijri_desk::text_format;
use aijri_desk::validate;
use proptest::prelude::*;

fn framework() -> &'static Framework {
    Framework::published()
}

/// Time shares in thousandths of a percent, so that rounding ties (12.5 %, 0.125) come up.
fn task() -> impl Strategy<Value = (f64, i64, usize)> {
    (1u32..=100_000, 1i64..=5, 0usize..3)
        .prop_map(|(thousandths, score, impact)| (f64::from(thousandths) / 1000.0, score, impact))
}

/// In-range assessments with 1–8 tasks whose time need not add up to 100.
fn assessment() -> impl Strategy<Value = Assessment> {
    (
        prop::array::uniform3(0i64..=3),
        -2i64..=2,
        prop::array::uniform5(-2i64..=2),
        prop::array::uniform5(0i64..=2),
        prop::collection::vec(task(), 1..8),
    )
        .prop_map(|(protective, growth, evidence, barriers, tasks)| {
            let mut a = Assessment::blank();
            a.role.title = "Generated role".to_owned();
            for (&p, score) in Principle::ALL.iter().zip(protective) {
                a.protective.get_mut(p).score = Some(score);
            }
            a.growth.score = Some(growth);
            for (&d, score) in Dimension::ALL.iter().zip(evidence) {
                a.evidence.get_mut(d).score = Some(score);
            }
            for (&b, score) in Barrier::ALL.iter().zip(barriers) {
                a.barriers.get_mut(b).score = Some(score);
            }
            a.tasks = tasks
                .into_iter()
                .enumerate()
                .map(|(i, (time_pct, score, impact))| Task {
                    name: format!("task {}", i + 1),
                    time_pct,
                    score,
                    impact: Impact::ALL[impact],
                    rationale: "why".to_owned(),
                    ..Task::default()
                })
                .collect();
            a
        })
}

/// The three places a figure is shown: the breakdown `score` prints, the text export, the
/// Markdown report.
struct Outputs {
    breakdown: String,
    text: String,
    markdown: String,
}

fn outputs(a: &Assessment, b: &Breakdown) -> Outputs {
    let findings = validate::validate(a, framework(), b);
    Outputs {
        breakdown: report::breakdown_text(a, b, framework(), &findings),
        text: text_format::export(a, framework()),
        markdown: markdown_report(a, b, framework(), &findings),
    }
}

/// Asserts that each output contains its expected line (or part of a line).
fn shown_in(outputs: &Outputs, [breakdown, text, markdown]: [&str; 3]) {
    for (name, output, expected) in [
        ("breakdown", &outputs.breakdown, breakdown),
        ("text export", &outputs.text, text),
        ("Markdown", &outputs.markdown, markdown),
    ] {
        assert!(
            output.contains(expected),
            "{name} lacks {expected:?}:\n{output}"
        );
    }
}

/// Checks every figure of an assessment that has a score in all three outputs.
fn check_figures(a: &Assessment) {
    let b = scoring::score(a, framework());
    let c = b.composite.as_ref().expect("a generated role has a score");
    let o = outputs(a, &b);
    let (total, trs) = (
        fmt::task_figure(b.task_total.unwrap()),
        fmt::task_figure(b.task_resistance.unwrap()),
    );
    let trs_step = format!("6.00 - {total} = {trs}/5.0");
    shown_in(
        &o,
        [
            &format!("Task Resistance Score: {trs_step}\n"),
            &format!("Task Resistance Score: {trs_step}\n"),
            &format!("| Task Resistance Score | {trs_step} |"),
        ],
    );
    shown_in(
        &o,
        [
            &format!("           {total}  Total\n"),
            &format!("| {total} |\n"),
            &format!("| Task total | {total} |"),
        ],
    );
    let modifiers = [
        ("Evidence", b.evidence_total, 0.04, b.evidence_modifier),
        ("Barrier", b.barrier_total, 0.02, b.barrier_modifier),
        ("Growth", b.growth, 0.05, b.growth_modifier),
    ];
    for (name, points, weight, value) in modifiers {
        let step = format!(
            "1.0 + ({} × {weight}) = {}",
            points.unwrap(),
            fmt::modifier(value.unwrap())
        );
        shown_in(
            &o,
            [
                &format!("{name} Modifier: {step}\n"),
                &format!("| {name} Modifier | {step} |"),
                &format!(" modifier | {step} |"),
            ],
        );
    }
    let raw = format!(
        "{trs} × {} × {} × {} = {}",
        fmt::modifier(b.evidence_modifier.unwrap()),
        fmt::modifier(b.barrier_modifier.unwrap()),
        fmt::modifier(b.growth_modifier.unwrap()),
        fmt::raw(c.raw)
    );
    shown_in(
        &o,
        [
            &format!("Raw: {raw}\n"),
            &format!("Raw: {raw}\n"),
            &format!("| Raw | {raw} |"),
        ],
    );
    let score = format!(
        "({} - 0.54) / 7.93 × 100 = {}/100",
        fmt::raw(c.raw),
        fmt::score(c.score)
    );
    shown_in(
        &o,
        [
            &format!("JobZone Score: {score}\n"),
            &format!("JobZone Score: {score}\n"),
            &format!("| JobZone score | {score} |"),
        ],
    );
    assert!(
        o.markdown
            .contains(&format!("**AIJRI score: {}/100", fmt::score(c.score))),
        "{}",
        o.markdown
    );
    check_tasks(a, &b, &o);
    check_shares(&b, &o);
}

/// Each task's time and weighted figure.
fn check_tasks(a: &Assessment, b: &Breakdown, o: &Outputs) {
    for (task, &weighted) in a.tasks.iter().zip(&b.weighted) {
        let (time, w) = (fmt::time_share(task.time_pct), fmt::task_figure(weighted));
        let (name, score) = (&task.name, task.score);
        shown_in(
            o,
            [
                &format!("{time:>5}  score {score}  {w}  "),
                &format!("| {name} | {time} | {score} | {w} |"),
                &format!("| {name} | {time} | {score} | {w} |"),
            ],
        );
    }
}

/// The split and the share of time scoring 3+.
fn check_shares(b: &Breakdown, o: &Outputs) {
    let split = b.split.unwrap();
    let split = format!(
        "{} displacement, {} augmentation, {} not involved.",
        fmt::pct(split.displacement),
        fmt::pct(split.augmentation),
        fmt::pct(split.not_involved)
    );
    shown_in(
        o,
        [
            &format!("Displacement/Augmentation split: {split}\n"),
            &format!("Displacement/Augmentation split: {split}\n"),
            &format!("| Split | {split} |"),
        ],
    );
    let high = scoring::time_3plus_text(b.time_3plus_pct.unwrap(), framework());
    shown_in(
        o,
        [
            &format!("% of task time scoring 3+: {high}\n"),
            &format!("| % of task time scoring 3+ | {high} |"),
            &format!("| Share of time scoring 3+ | {high} |"),
        ],
    );
}

/// `n / 10^k` rounded half away from zero to `d` decimals, in decimal arithmetic, as text.
fn decimal_rounding(n: u64, k: u32, d: u32) -> String {
    let scaled = if k <= d {
        n * 10u64.pow(d - k)
    } else {
        let unit = 10u64.pow(k - d);
        let (q, r) = (n / unit, n % unit);
        if 2 * r >= unit { q + 1 } else { q }
    };
    if d == 0 {
        return scaled.to_string();
    }
    let factor = 10u64.pow(d);
    format!(
        "{}.{:0width$}",
        scaled / factor,
        scaled % factor,
        width = d as usize
    )
}

proptest! {
    #[test]
    fn every_figure_is_shown_the_same_way_everywhere(a in assessment()) {
        check_figures(&a);
    }

    #[test]
    fn rounding_is_half_away_from_zero_on_the_decimal_value(n in 0u64..2_000_000, k in 0u32..=6) {
        let value = n as f64 / 10f64.powi(k as i32);
        prop_assert_eq!(fmt::score(value), decimal_rounding(n, k, 1), "{}", value);
        prop_assert_eq!(fmt::task_figure(value), decimal_rounding(n, k, 2), "{}", value);
        prop_assert_eq!(fmt::raw(value), decimal_rounding(n, k, 4), "{}", value);
        if n > 0 {
            prop_assert_eq!(fmt::score(-value), format!("-{}", decimal_rounding(n, k, 1)).replace("-0.0", "0.0"));
        }
    }
}

#[test]
fn the_published_example_and_the_24_95_role_show_every_figure_one_way() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for file in [
        "assessments/backend-api-developer.aijri.json",
        "tests/fixtures/score-24-95.aijri.json",
    ] {
        let a = aijri_desk::library::load_file(&root.join(file))
            .unwrap()
            .assessment;
        check_figures(&a);
    }
}

#[test]
fn the_decimal_reference_rounds_as_the_spec_says() {
    assert_eq!(decimal_rounding(125, 3, 2), "0.13");
    assert_eq!(decimal_rounding(2495, 2, 1), "25.0");
    assert_eq!(decimal_rounding(1875, 3, 2), "1.88");
    assert_eq!(decimal_rounding(2_482_578, 6, 4), "2.4826");
}
