//! The engine as users rely on it: the published example to the digit, hand-checked cases of every
//! rule of the method, validation findings, properties of the score, the file format's round trip,
//! and broken files that must give errors, never panics.

// A test fails by panicking; its helpers unwrap what a passing test guarantees.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::ops::Deref;
use std::path::{Path, PathBuf};

use aijri_desk::fmt;
use aijri_desk::framework::Framework;
use aijri_desk::library::{self, FileError, LoadError};
use aijri_desk::model::{
    Assessment, Barrier, Dimension, Impact, Override, Principle, Split, SubLabel, Task, Zone,
};
use aijri_desk::report;
use aijri_desk::scoring::{self, Breakdown, Condition, FinalResult};
use aijri_desk::validate::{self, Finding, Severity};

/// The published assessment shipped with the program.
fn shipped_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assessments/backend-api-developer.aijri.json")
}

fn shipped_text() -> String {
    std::fs::read_to_string(shipped_path()).expect("the shipped assessment is readable")
}

fn shipped() -> Assessment {
    library::load_file(&shipped_path())
        .expect("the shipped assessment loads")
        .assessment
}

fn framework() -> &'static Framework {
    Framework::published()
}

/// Every figure of a breakdown that has a score, unwrapped (the cases checked by hand all have
/// one); it dereferences to the breakdown for what takes one.
struct Full {
    breakdown: Breakdown,
    protective_total: i64,
    quick_screen_red: bool,
    task_total: f64,
    task_resistance: f64,
    split: Split,
    time_3plus_pct: f64,
    evidence_total: i64,
    barrier_total: i64,
    growth: i64,
    evidence_modifier: f64,
    barrier_modifier: f64,
    growth_modifier: f64,
    raw: f64,
    score_unclamped: f64,
    score: f64,
    clamped: bool,
    zone: Zone,
    sub_label: Option<SubLabel>,
    conditions: Vec<Condition>,
    final_result: FinalResult,
}

impl Full {
    fn of(breakdown: Breakdown) -> Self {
        let c = breakdown
            .composite
            .clone()
            .expect("the assessment has a score");
        Self {
            protective_total: breakdown.protective_total.unwrap(),
            quick_screen_red: breakdown.quick_screen_red.unwrap(),
            task_total: breakdown.task_total.unwrap(),
            task_resistance: breakdown.task_resistance.unwrap(),
            split: breakdown.split.unwrap(),
            time_3plus_pct: breakdown.time_3plus_pct.unwrap(),
            evidence_total: breakdown.evidence_total.unwrap(),
            barrier_total: breakdown.barrier_total.unwrap(),
            growth: breakdown.growth.unwrap(),
            evidence_modifier: breakdown.evidence_modifier.unwrap(),
            barrier_modifier: breakdown.barrier_modifier.unwrap(),
            growth_modifier: breakdown.growth_modifier.unwrap(),
            raw: c.raw,
            score_unclamped: c.score_unclamped,
            score: c.score,
            clamped: c.clamped,
            zone: c.zone,
            sub_label: c.sub_label,
            conditions: c.conditions.clone(),
            final_result: c.final_result,
            breakdown,
        }
    }

    fn displayed(&self) -> f64 {
        self.breakdown.displayed().unwrap()
    }

    fn sub_label_text(&self) -> String {
        self.breakdown.sub_label_text().unwrap()
    }

    fn conditions_text(&self) -> String {
        self.breakdown.conditions_text().unwrap()
    }
}

impl Deref for Full {
    type Target = Breakdown;

    fn deref(&self) -> &Breakdown {
        &self.breakdown
    }
}

/// The figures of an assessment that has a score.
fn score(assessment: &Assessment) -> Full {
    Full::of(scoring::score(assessment, framework()))
}

fn findings(assessment: &Assessment) -> Vec<Finding> {
    validate::validate(
        assessment,
        framework(),
        &scoring::score(assessment, framework()),
    )
}

/// `value` rounded to `decimals` places, as displayed.
fn shown(value: f64, decimals: i32) -> f64 {
    fmt::round(value, decimals)
}

fn assert_close(actual: f64, expected: f64) {
    assert!(
        (actual - expected).abs() < 1e-9,
        "expected {expected}, got {actual}"
    );
}

/// A complete, valid assessment with the given tasks (time %, automation score, impact) and scores;
/// every rationale filled so that only what a test changes produces findings.
fn assessment(
    tasks: &[(f64, i64, Impact)],
    evidence: [i64; 5],
    barriers: [i64; 5],
    growth: i64,
) -> Assessment {
    let mut a = Assessment::blank();
    a.role.title = "Test role".to_owned();
    a.growth.score = Some(growth);
    a.growth.rationale = "why".to_owned();
    for &p in Principle::ALL {
        a.protective.get_mut(p).rationale = "why".to_owned();
    }
    for (&d, score) in Dimension::ALL.iter().zip(evidence) {
        let item = a.evidence.get_mut(d);
        item.score = Some(score);
        item.evidence = "evidence".to_owned();
    }
    for (&b, score) in Barrier::ALL.iter().zip(barriers) {
        let item = a.barriers.get_mut(b);
        item.score = Some(score);
        item.rationale = "why".to_owned();
    }
    a.tasks = tasks
        .iter()
        .enumerate()
        .map(|(i, &(time_pct, score, impact))| Task {
            name: format!("task {}", i + 1),
            time_pct,
            score,
            impact,
            rationale: "why".to_owned(),
            ..Task::default()
        })
        .collect();
    a
}

/// Tasks taking all the time at one automation score, with neutral modifiers.
fn neutral(tasks: &[(f64, i64, Impact)]) -> Assessment {
    assessment(tasks, [0; 5], [0; 5], 0)
}

const AUG: Impact = Impact::Augmentation;
const DISP: Impact = Impact::Displacement;

mod published_example {
    use super::*;

    #[test]
    fn every_figure_reproduces_to_the_digit() {
        let b = score(&shipped());
        assert_eq!(shown(b.task_total, 2), 2.95);
        assert_eq!(shown(b.task_resistance, 2), 3.05);
        assert_eq!(b.evidence_total, -4);
        assert_eq!(b.barrier_total, 1);
        assert_eq!(b.growth, -1);
        assert_eq!(shown(b.evidence_modifier, 2), 0.84);
        assert_eq!(shown(b.barrier_modifier, 2), 1.02);
        assert_eq!(shown(b.growth_modifier, 2), 0.95);
        assert_eq!(shown(b.raw, 4), 2.4826);
        assert_eq!(b.displayed(), 24.5);
        assert!(
            b.score > 24.49 && b.score < 24.5,
            "unrounded score {}",
            b.score
        );
        assert_eq!(b.zone, Zone::Red);
    }

    #[test]
    fn sub_label_is_red_not_imminent_with_its_conditions() {
        let b = score(&shipped());
        assert_eq!(b.sub_label, None);
        assert_eq!(
            b.sub_label_text(),
            "Red — Does not meet all three Imminent conditions"
        );
        assert_eq!(
            b.conditions_text(),
            "Imminent: Red ✓ · time 3+ 65% < 70% ✗ · growth −1 ≤ −1 ✓"
        );
        let outcomes: Vec<bool> = b.conditions.iter().map(|c| c.holds).collect();
        assert_eq!(outcomes, [true, false, true]);
    }

    #[test]
    fn split_time_protective_and_quick_screen() {
        let b = score(&shipped());
        assert_close(b.split.displacement, 30.0);
        assert_close(b.split.augmentation, 70.0);
        assert_close(b.split.not_involved, 0.0);
        assert_close(b.time_3plus_pct, 65.0);
        assert_eq!(b.protective_total, 2);
        assert_eq!(framework().protective_max(), 9);
        assert!(b.quick_screen_red);
        assert_eq!(
            report::quick_screen_text(&b, framework()),
            "Protective 0-2 AND Correlation negative → Almost certainly Red Zone"
        );
        assert!(!b.provisional && !b.clamped);
        assert_eq!(
            (
                b.final_result.score,
                b.final_result.zone,
                b.final_result.overridden
            ),
            (b.score, Zone::Red, false)
        );
    }

    #[test]
    fn composite_steps_read_like_the_published_text() {
        let b = score(&shipped());
        let steps = report::composite_steps(&b, framework());
        assert_eq!(steps.task_resistance, "6.00 - 2.95 = 3.05/5.0");
        assert_eq!(steps.evidence_modifier, "1.0 + (-4 × 0.04) = 0.84");
        assert_eq!(steps.barrier_modifier, "1.0 + (1 × 0.02) = 1.02");
        assert_eq!(steps.growth_modifier, "1.0 + (-1 × 0.05) = 0.95");
        assert_eq!(steps.raw, "3.05 × 0.84 × 1.02 × 0.95 = 2.4826");
        assert_eq!(steps.score, "(2.4826 - 0.54) / 7.93 × 100 = 24.5/100");
        assert_eq!(steps.zone, "RED (Green ≥48, Yellow 25-47, Red <25)");
        assert_eq!(
            steps.split,
            "30% displacement, 70% augmentation, 0% not involved."
        );
        assert_eq!(steps.clamp_note, None);
    }

    #[test]
    fn has_no_findings_and_no_published_differences() {
        let a = shipped();
        assert!(
            a.published.is_some(),
            "the shipped file keeps the published figures"
        );
        assert_eq!(
            validate::published_differences(&a, &score(&a), framework()),
            []
        );
        assert_eq!(findings(&a), []);
    }

    #[test]
    fn a_changed_input_shows_as_a_published_difference() {
        let mut a = shipped();
        a.evidence.wage_trends.score = Some(-2);
        let differences = validate::published_differences(&a, &score(&a), framework());
        let figures: Vec<&str> = differences.iter().map(|d| d.figure).collect();
        assert_eq!(figures, ["evidence_modifier", "raw", "score"]);
        assert_eq!(
            (
                differences[1].published.as_str(),
                differences[1].computed.as_str()
            ),
            ("2.4826", "2.3644")
        );
    }

    #[test]
    fn a_changed_published_zone_sub_label_or_split_shows_as_a_difference() {
        let mut a = shipped();
        let published = a.published.as_mut().unwrap();
        published.zone = Some(Zone::Yellow);
        published.sub_label = Some(SubLabel::Imminent);
        published.split.as_mut().unwrap().displacement = 40.0;
        let differences = validate::published_differences(&a, &score(&a), framework());
        let shown: Vec<(&str, &str, &str)> = differences
            .iter()
            .map(|d| (d.figure, d.published.as_str(), d.computed.as_str()))
            .collect();
        assert_eq!(
            shown,
            [
                ("zone", "Yellow", "Red"),
                ("sub_label", "Imminent", "none"),
                ("split", "40% / 70% / 0%", "30% / 70% / 0%")
            ]
        );
        let warnings: Vec<String> = findings(&a)
            .into_iter()
            .map(|f| f.field.to_string())
            .collect();
        assert_eq!(
            warnings,
            ["published.zone", "published.sub_label", "published.split"]
        );
    }

    #[test]
    fn transcription_is_complete() {
        let a = shipped();
        assert_eq!(a.tasks.len(), 8);
        assert!(a.tasks.iter().all(|t| !t.rationale.is_empty()));
        assert_eq!(a.commentary.numbers_dont_capture.len(), 4);
        assert_eq!(a.commentary.survival_strategy.len(), 3);
        let related: Vec<(&str, Option<f64>)> = a
            .commentary
            .where_to_look_next
            .iter()
            .map(|r| (r.title.as_str(), r.aijri))
            .collect();
        assert_eq!(
            related,
            [
                ("Senior Software Engineer", Some(55.4)),
                ("DevSecOps Engineer", Some(58.2)),
                ("Security Software Developer", Some(51.5))
            ]
        );
        assert!(
            a.growth
                .check
                .starts_with("Confirmed at -1 (Weak Negative).")
        );
        assert_eq!(a.reinstatement.level, "Moderate");
        assert!(a.quick_screen_note.starts_with("But proceed"));
        assert!(a.commentary.timeline.starts_with("2-3 years"));
    }
}

mod hand_checked {
    use super::*;

    /// Scores an assessment whose tasks' shares at automation 3+, summed in task order as the
    /// scoring does, fall just below `threshold` in floating point (so the test exercises the edge).
    fn score_at_float_edge(tasks: &[(f64, i64, Impact)], threshold: f64, a: Assessment) -> Full {
        let share = tasks
            .iter()
            .filter(|t| t.1 >= 3)
            .fold(0.0, |total, t| total + t.0);
        assert!(
            share < threshold && threshold - share < 1e-9,
            "not at the edge: {share}"
        );
        score(&a)
    }

    #[test]
    fn barriers_at_ten_clamp_the_score_to_100_with_a_note() {
        // TRS 5 × EM 1.4 × BM 1.2 × GM 1.1 = 9.24 → (9.24 − 0.54) / 7.93 × 100 = 109.71
        let b = score(&assessment(&[(100.0, 1, AUG)], [2; 5], [2; 5], 2));
        assert_close(b.raw, 9.24);
        assert!(
            b.score_unclamped > 109.70 && b.score_unclamped < 109.72,
            "{}",
            b.score_unclamped
        );
        assert_eq!(b.score, 100.0);
        assert!(b.clamped);
        assert_eq!(b.zone, Zone::Green);
        let note = report::composite_steps(&b, framework())
            .clamp_note
            .expect("a clamp note");
        assert_eq!(
            note,
            "the formula gives 109.7; the score is clamped to 0–100"
        );
    }

    #[test]
    fn the_published_maximum_is_exactly_100_and_not_clamped() {
        // 5 × 1.4 × 1.1 × 1.1 = 8.47 = 0.54 + 7.93: floating point gives 100.00000000000003.
        let b = score(&assessment(&[(100.0, 1, AUG)], [2; 5], [1; 5], 2));
        assert_eq!(b.displayed(), 100.0);
        assert!(!b.clamped, "a rounding error is not a clamp");
        assert_eq!(report::composite_steps(&b, framework()).clamp_note, None);
    }

    #[test]
    fn the_published_minimum_is_0_and_out_of_range_inputs_clamp_at_0() {
        let lowest = score(&assessment(&[(100.0, 5, DISP)], [-2; 5], [0; 5], -2));
        assert_close(lowest.raw, 0.54);
        assert_eq!(lowest.displayed(), 0.0);
        let below = score(&assessment(&[(100.0, 5, DISP)], [-5; 5], [0; 5], -2));
        assert!(below.score_unclamped < 0.0);
        assert_eq!(
            (below.score, below.clamped, below.zone),
            (0.0, true, Zone::Red)
        );
    }

    #[test]
    fn decimal_time_shares_add_up_and_weigh_exactly() {
        let a = neutral(&[(33.3, 1, AUG), (33.3, 3, AUG), (33.4, 5, DISP)]);
        let b = score(&a);
        assert!(!b.provisional);
        assert_close(b.weighted[0], 0.333);
        assert_close(b.weighted[1], 0.999);
        assert_close(b.weighted[2], 1.67);
        assert_close(b.task_total, 3.002);
        assert_close(b.task_resistance, 2.998);
        assert_close(b.time_3plus_pct, 66.7);
        assert_close(b.split.displacement, 33.4);
        assert_close(b.split.augmentation, 66.6);
        // (2.998 − 0.54) / 7.93 × 100 = 30.996…
        assert_eq!((b.displayed(), b.zone), (31.0, Zone::Yellow));
        assert_eq!(
            report::split_text(&b),
            "33.4% displacement, 66.6% augmentation, 0% not involved."
        );
        assert_eq!(findings(&a), []);
    }

    #[test]
    fn zones_are_decided_on_the_displayed_score() {
        let zone = |score| scoring::zone_of(score, framework());
        assert_eq!(zone(47.96), Zone::Green, "47.96 is shown 48.0");
        assert_eq!(zone(47.94), Zone::Yellow, "47.94 is shown 47.9");
        assert_eq!(zone(48.0), Zone::Green);
        assert_eq!(zone(24.97), Zone::Yellow, "24.97 is shown 25.0");
        assert_eq!(
            zone(24.95),
            Zone::Yellow,
            "24.95 is shown 25.0 although stored as 24.9499…"
        );
        assert_eq!(zone(24.94), Zone::Red);
        assert_eq!(zone(25.0), Zone::Yellow);
        assert_eq!(zone(0.0), Zone::Red);
        assert_eq!(zone(100.0), Zone::Green);
    }

    /// Scores neutral-modifier tasks chosen to land on `expected` (to 6 decimals).
    fn scored_at(tasks: &[(f64, i64, Impact)], expected: f64) -> Full {
        let b = score(&neutral(tasks));
        assert!((b.score - expected).abs() < 1e-6, "{}", b.score);
        b
    }

    #[test]
    fn a_full_assessment_at_24_97_is_yellow() {
        // Task total 4 − 0.520121 = 3.479879 → TRS 2.520121 → (2.520121 − 0.54) / 7.93 × 100 = 24.97
        let b = scored_at(&[(52.0121, 3, AUG), (47.9879, 4, DISP)], 24.97);
        assert_eq!(
            (b.displayed(), b.zone, b.sub_label),
            (25.0, Zone::Yellow, None)
        );
        assert_eq!(b.sub_label_text(), "Yellow");
        let steps = report::composite_steps(&b, framework());
        assert!(steps.score.ends_with("= 25.0/100") && steps.zone.starts_with("YELLOW"));
    }

    #[test]
    fn a_full_assessment_at_47_96_is_green() {
        // Task total 1 + 0.656772 → TRS 4.343228 → (4.343228 − 0.54) / 7.93 × 100 = 47.96
        let b = scored_at(&[(34.3228, 1, AUG), (65.6772, 2, AUG)], 47.96);
        assert_eq!(
            (b.displayed(), b.zone, b.sub_label),
            (48.0, Zone::Green, Some(SubLabel::Stable))
        );
        let steps = report::composite_steps(&b, framework());
        assert!(steps.score.ends_with("= 48.0/100") && steps.zone.starts_with("GREEN"));
    }

    #[test]
    fn imminent_needs_red_70_percent_at_3_plus_and_negative_growth() {
        // TRS 2 × EM 0.8 × GM 0.95 = 1.52 → 12.4, Red
        let b = score(&assessment(&[(100.0, 4, DISP)], [-1; 5], [0; 5], -1));
        assert_eq!((b.zone, b.sub_label), (Zone::Red, Some(SubLabel::Imminent)));
        assert_eq!(b.sub_label_text(), "Red (Imminent)");
        assert_eq!(
            b.conditions_text(),
            "Imminent: Red ✓ · time 3+ 100% ≥ 70% ✓ · growth −1 ≤ −1 ✓"
        );
    }

    #[test]
    fn imminent_at_exactly_70_percent_even_when_the_sum_is_69_99999() {
        let tasks = [
            (0.1, 4, DISP),
            (64.1, 4, DISP),
            (5.8, 3, AUG),
            (30.0, 2, AUG),
        ];
        let b = score_at_float_edge(&tasks, 70.0, assessment(&tasks, [-1; 5], [0; 5], -1));
        assert_eq!((b.zone, b.sub_label), (Zone::Red, Some(SubLabel::Imminent)));
        assert!(
            b.conditions_text().contains("time 3+ 70% ≥ 70% ✓"),
            "{}",
            b.conditions_text()
        );
    }

    #[test]
    fn not_imminent_below_70_percent_or_with_growth_above_minus_1() {
        let below = score(&assessment(
            &[(69.9, 4, DISP), (30.1, 2, AUG)],
            [-1; 5],
            [0; 5],
            -1,
        ));
        assert_eq!((below.zone, below.sub_label), (Zone::Red, None));
        assert!(below.conditions_text().contains("time 3+ 69.9% < 70% ✗"));
        let neutral_growth = score(&assessment(&[(100.0, 4, DISP)], [-2; 5], [0; 5], 0));
        assert_eq!(
            (neutral_growth.zone, neutral_growth.sub_label),
            (Zone::Red, None)
        );
        assert!(
            neutral_growth
                .conditions_text()
                .ends_with("growth 0 > −1 ✗")
        );
    }

    #[test]
    fn green_is_transforming_from_50_percent_at_3_plus_otherwise_stable() {
        // Half the time at `score`, half at 1; TRS 4 (or 4.5) × EM 1.16 × BM 1.1 → 57.6 (65.6), Green
        let half_at = |score_of_half| {
            let tasks = [(50.0, score_of_half, AUG), (50.0, 1, AUG)];
            score(&assessment(&tasks, [2, 2, 0, 0, 0], [1; 5], 0))
        };
        let transforming = half_at(3);
        assert_eq!(
            (transforming.zone, transforming.sub_label),
            (Zone::Green, Some(SubLabel::Transforming))
        );
        assert_eq!(transforming.sub_label_text(), "Green (Transforming)");
        assert_eq!(
            transforming.conditions_text(),
            "Transforming: time 3+ 50% ≥ 50% ✓"
        );
        let stable = half_at(2);
        assert_eq!(
            (stable.zone, stable.sub_label),
            (Zone::Green, Some(SubLabel::Stable))
        );
        assert_eq!(stable.sub_label_text(), "Green (Stable)");
    }

    #[test]
    fn transforming_at_50_percent_even_when_the_sum_is_49_99999() {
        let tasks = [
            (0.3, 3, AUG),
            (32.3, 3, AUG),
            (17.4, 3, AUG),
            (50.0, 1, AUG),
        ];
        let b = score_at_float_edge(&tasks, 50.0, assessment(&tasks, [2, 2, 0, 0, 0], [1; 5], 0));
        assert_eq!(
            (b.zone, b.sub_label),
            (Zone::Green, Some(SubLabel::Transforming))
        );
    }

    #[test]
    fn yellow_has_no_sub_label() {
        let b = score(&neutral(&[(100.0, 3, AUG)]));
        assert_eq!((b.zone, b.sub_label), (Zone::Yellow, None));
        assert_eq!(b.conditions_text(), "no sub-label for Yellow");
    }

    #[test]
    fn quick_screen_needs_low_protective_and_negative_growth() {
        let mut a = neutral(&[(100.0, 3, AUG)]);
        a.growth.score = Some(-1);
        assert!(score(&a).quick_screen_red);
        a.protective.embodied_physicality.score = Some(3);
        assert!(!score(&a).quick_screen_red, "protective 3 is above 0-2");
        a.protective.embodied_physicality.score = Some(2);
        a.growth.score = Some(0);
        assert!(!score(&a).quick_screen_red, "growth 0 is not negative");
    }

    #[test]
    fn time_not_100_is_provisional_on_normalised_shares_with_an_error() {
        let a = neutral(&[(30.0, 2, AUG), (30.0, 4, DISP)]);
        let b = score(&a);
        assert!(b.provisional);
        assert_close(b.time_total, 60.0);
        assert_close(b.task_total, 3.0);
        assert_close(b.split.displacement, 50.0);
        assert_close(b.time_3plus_pct, 50.0);
        let all = findings(&a);
        let errors = errors_of(&all);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(errors[0].field, "tasks");
        assert!(errors[0].message.contains("60%") && errors[0].message.contains("provisional"));
        let text = report::breakdown_text(&a, &b, framework(), &findings(&a));
        assert!(text.contains("PROVISIONAL"), "{text}");
    }

    #[test]
    fn time_within_five_hundredths_of_100_is_not_provisional() {
        assert!(!score(&neutral(&[(100.04, 3, AUG)])).provisional);
        assert!(!score(&neutral(&[(99.96, 3, AUG)])).provisional);
        assert!(score(&neutral(&[(100.06, 3, AUG)])).provisional);
    }

    /// The shipped assessment with an override, and its breakdown.
    fn overridden(score: Option<f64>, zone: Option<Zone>, reason: &str) -> (Assessment, Full) {
        let mut a = shipped();
        a.override_result = Some(Override {
            score,
            zone,
            reason: reason.to_owned(),
            ..Override::default()
        });
        let b = super::score(&a);
        (a, b)
    }

    fn final_of(b: &Full) -> (f64, Zone, bool) {
        (
            b.final_result.score,
            b.final_result.zone,
            b.final_result.overridden,
        )
    }

    #[test]
    fn an_override_of_the_score_alone_zones_that_score() {
        let (a, b) = overridden(Some(31.0), None, "local market");
        assert_eq!(final_of(&b), (31.0, Zone::Yellow, true));
        assert_eq!(
            (b.displayed(), b.zone),
            (24.5, Zone::Red),
            "the computed result stays"
        );
        assert_eq!(
            report::override_text(&a, &b),
            "31.0 YELLOW (computed 24.5 RED) — local market"
        );
        assert_eq!(findings(&a), []);
    }

    #[test]
    fn an_override_of_the_zone_alone_keeps_the_computed_score() {
        let (_, b) = overridden(None, Some(Zone::Yellow), "regional demand");
        assert_eq!(final_of(&b), (b.score, Zone::Yellow, true));
    }

    #[test]
    fn an_override_zone_wins_over_the_zone_of_its_score() {
        let (_, b) = overridden(Some(40.0), Some(Zone::Green), "r");
        assert_eq!(final_of(&b), (40.0, Zone::Green, true));
    }

    fn errors_of(findings: &[Finding]) -> Vec<&Finding> {
        findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .collect()
    }
}

mod validation {
    use super::*;

    /// The fields with findings of one severity.
    fn fields(assessment: &Assessment, severity: Severity) -> Vec<String> {
        findings(assessment)
            .into_iter()
            .filter(|f| f.severity == severity)
            .map(|f| f.field.to_string())
            .collect()
    }

    #[test]
    fn scores_outside_their_range_are_errors() {
        let mut a = neutral(&[(50.0, 0, AUG), (50.0, 6, DISP)]);
        a.protective.deep_interpersonal_connection.score = Some(4);
        a.growth.score = Some(-3);
        a.evidence.wage_trends.score = Some(3);
        a.barriers.cultural_ethical.score = Some(-1);
        assert_eq!(
            fields(&a, Severity::Error),
            [
                "protective.deep_interpersonal_connection.score",
                "growth.score",
                "evidence.wage_trends.score",
                "barriers.cultural_ethical.score",
                "tasks[0].score",
                "tasks[1].score",
            ]
        );
        let message = &findings(&a)[0].message;
        assert_eq!(
            message,
            "Deep Interpersonal Connection score 4 is outside its range 0…3"
        );
        assert!(validate::has_errors(&findings(&a)));
    }

    #[test]
    fn no_tasks_is_an_error() {
        let a = neutral(&[]);
        assert_eq!(fields(&a, Severity::Error), ["tasks"]);
        assert!(findings(&a)[0].message.contains("no tasks"));
    }

    #[test]
    fn a_time_share_of_zero_or_less_is_an_error() {
        let a = neutral(&[(0.0, 3, AUG), (-10.0, 3, AUG), (110.0, 3, AUG)]);
        assert_eq!(
            fields(&a, Severity::Error),
            [
                "tasks[0].time_pct",
                "tasks[1].time_pct",
                "tasks[2].time_pct"
            ]
        );
        assert!(
            findings(&a)
                .iter()
                .any(|f| f.message == "“task 1”: the time share must be more than 0%")
        );
    }

    #[test]
    fn an_impact_that_disagrees_with_its_score_is_a_warning() {
        let a = neutral(&[
            (25.0, 4, AUG),
            (25.0, 2, DISP),
            (25.0, 5, DISP),
            (25.0, 1, Impact::NotInvolved),
        ]);
        assert_eq!(
            fields(&a, Severity::Warning),
            ["tasks[0].impact", "tasks[1].impact"]
        );
        assert_eq!(fields(&a, Severity::Error), Vec::<String>::new());
    }

    #[test]
    fn empty_rationales_and_title_are_warnings() {
        let mut a = neutral(&[(100.0, 3, AUG)]);
        a.role.title = "  ".to_owned();
        a.protective.goal_setting_moral_judgment.rationale.clear();
        a.growth.rationale.clear();
        a.evidence.expert_consensus.evidence.clear();
        a.barriers.physical_presence.rationale.clear();
        a.tasks[0].rationale.clear();
        assert_eq!(
            fields(&a, Severity::Warning),
            [
                "role.title",
                "protective.goal_setting_moral_judgment.rationale",
                "growth.rationale",
                "evidence.expert_consensus.evidence",
                "barriers.physical_presence.rationale",
                "tasks[0].rationale",
            ]
        );
        assert_eq!(fields(&a, Severity::Error), Vec::<String>::new());
    }

    #[test]
    fn an_override_without_a_reason_is_an_error() {
        let mut a = neutral(&[(100.0, 3, AUG)]);
        a.override_result = Some(Override {
            score: Some(30.0),
            ..Override::default()
        });
        assert_eq!(fields(&a, Severity::Error), ["override.reason"]);
        a.override_result = Some(Override {
            score: Some(130.0),
            reason: "r".to_owned(),
            ..Override::default()
        });
        assert_eq!(fields(&a, Severity::Error), ["override.score"]);
        a.override_result = Some(Override {
            reason: "r".to_owned(),
            ..Override::default()
        });
        assert_eq!(fields(&a, Severity::Warning), ["override"]);
    }

    #[test]
    fn errors_come_before_warnings() {
        let mut a = neutral(&[(100.0, 9, AUG)]);
        a.role.title.clear();
        let severities: Vec<Severity> = findings(&a).iter().map(|f| f.severity).collect();
        assert_eq!(
            severities,
            [Severity::Error, Severity::Warning, Severity::Warning]
        );
        assert_eq!(findings(&a)[0].field, "tasks[0].score");
        assert_eq!(
            findings(&a)[1].to_string(),
            "warning: role.title: the job title is empty"
        );
    }
}

mod properties {
    use proptest::prelude::*;

    use super::*;

    /// In-range inputs: principles 0–3, growth −2…2, evidence −2…2, barriers 0–2, 1–10 tasks with
    /// scores 1–5 and positive time shares that need not add up to 100.
    fn in_range() -> impl Strategy<Value = Assessment> {
        let tasks = prop::collection::vec((0.1f64..100.0, 1i64..=5, 0usize..3), 1..10);
        (
            prop::array::uniform3(0i64..=3),
            -2i64..=2,
            prop::array::uniform5(-2i64..=2),
            prop::array::uniform5(0i64..=2),
            tasks,
        )
            .prop_map(|(protective, growth, evidence, barriers, tasks)| {
                let tasks: Vec<(f64, i64, Impact)> = tasks
                    .into_iter()
                    .map(|(time, score, impact)| (time, score, Impact::ALL[impact]))
                    .collect();
                let mut a = assessment(&tasks, evidence, barriers, growth);
                for (&p, score) in Principle::ALL.iter().zip(protective) {
                    a.protective.get_mut(p).score = Some(score);
                }
                a
            })
    }

    /// Which single input to raise by one.
    #[derive(Debug, Clone, Copy)]
    enum Raise {
        Evidence(usize),
        Barrier(usize),
        Growth,
    }

    fn raise() -> impl Strategy<Value = Raise> {
        prop_oneof![
            (0usize..5).prop_map(Raise::Evidence),
            (0usize..5).prop_map(Raise::Barrier),
            Just(Raise::Growth)
        ]
    }

    /// Raises one input by one, if that stays in range (all three top out at 2).
    fn raised(a: &Assessment, which: Raise) -> Option<Assessment> {
        let mut a = a.clone();
        let score = match which {
            Raise::Evidence(i) => &mut a.evidence.get_mut(Dimension::ALL[i]).score,
            Raise::Barrier(i) => &mut a.barriers.get_mut(Barrier::ALL[i]).score,
            Raise::Growth => &mut a.growth.score,
        };
        match score {
            Some(value) if *value < 2 => *value += 1,
            _ => return None,
        }
        Some(a)
    }

    proptest! {
        #[test]
        fn the_score_stays_within_0_to_100(a in in_range()) {
            let b = score(&a);
            prop_assert!((0.0..=100.0).contains(&b.score), "score {}", b.score);
            prop_assert!((0.0..=100.0).contains(&b.final_result.score));
            prop_assert!(b.score_unclamped > -1e-9, "the formula never goes below 0 in range: {}", b.score_unclamped);
        }

        #[test]
        fn raising_evidence_barrier_or_growth_never_lowers_the_score(a in in_range(), which in raise()) {
            if let Some(higher) = raised(&a, which) {
                let (before, after) = (score(&a), score(&higher));
                prop_assert!(after.score >= before.score, "{which:?}: {} → {}", before.score, after.score);
                prop_assert!(after.zone >= before.zone);
            }
        }

        #[test]
        fn raising_a_task_automation_score_never_raises_the_score(a in in_range(), index in any::<prop::sample::Index>()) {
            let i = index.index(a.tasks.len());
            if a.tasks[i].score < 5 {
                let mut higher = a.clone();
                higher.tasks[i].score += 1;
                let (before, after) = (score(&a), score(&higher));
                prop_assert!(after.score <= before.score, "task {i}: {} → {}", before.score, after.score);
                prop_assert!(after.zone <= before.zone);
            }
        }

        #[test]
        fn any_assessment_survives_a_round_trip(a in in_range()) {
            let text = library::to_json(&a);
            let back = library::parse(text.as_bytes(), Path::new("generated.aijri.json")).unwrap();
            prop_assert_eq!(back, a);
        }
    }
}

mod file_format {
    use serde_json::{Value, json};

    use super::*;

    fn parse(text: &str) -> Result<Assessment, LoadError> {
        library::parse(text.as_bytes(), Path::new("test.aijri.json"))
    }

    #[test]
    fn the_shipped_file_rewrites_byte_identically() {
        let text = shipped_text();
        assert_eq!(library::to_json(&parse(&text).unwrap()), text);
    }

    #[test]
    fn load_write_load_gives_the_same_assessment() {
        let first = shipped();
        let second = parse(&library::to_json(&first)).unwrap();
        assert_eq!(first, second);
    }

    #[test]
    fn unknown_fields_are_kept_at_every_level() {
        let mut value: Value = serde_json::from_str(&shipped_text()).unwrap();
        let unknown = json!({"nested": [1, 2.5, "x", null, {"deep": true}]});
        for pointer in [
            "",
            "/meta",
            "/role",
            "/protective",
            "/protective/embodied_physicality",
            "/growth",
            "/tasks/3",
            "/reinstatement",
            "/evidence",
            "/evidence/wage_trends",
            "/barriers",
            "/barriers/cultural_ethical",
            "/commentary",
            "/commentary/where_to_look_next/1",
            "/published",
        ] {
            let object = value
                .pointer_mut(pointer)
                .and_then(Value::as_object_mut)
                .unwrap();
            object.insert("x_future_field".to_owned(), unknown.clone());
        }
        value["override"] =
            json!({"score": 30.5, "zone": null, "reason": "r", "x_future_field": unknown});
        let assessment = parse(&value.to_string()).unwrap();
        assert_eq!(assessment.extra["x_future_field"], unknown);
        assert_eq!(assessment.tasks[3].extra["x_future_field"], unknown);
        let rewritten: Value = serde_json::from_str(&library::to_json(&assessment)).unwrap();
        assert_eq!(rewritten, value, "every unknown field survives the rewrite");
    }

    #[test]
    fn unknown_fields_keep_their_order_after_the_known_ones() {
        let text = shipped_text().replacen("{\n", "{\n  \"zz\": 1,\n  \"aa\": 2,\n", 1);
        let rewritten = library::to_json(&parse(&text).unwrap());
        let (published, zz, aa) = (
            rewritten.find("\"published\"").unwrap(),
            rewritten.find("\"zz\"").unwrap(),
            rewritten.find("\"aa\"").unwrap(),
        );
        assert!(published < zz && zz < aa, "{rewritten}");
    }

    #[test]
    fn keys_are_written_in_the_format_order() {
        let text = library::to_json(&Assessment::blank());
        let order = [
            "\"format\"",
            "\"version\"",
            "\"framework\"",
            "\"meta\"",
            "\"role\"",
            "\"protective\"",
            "\"growth\"",
            "\"quick_screen_note\"",
            "\"tasks\"",
            "\"reinstatement\"",
            "\"evidence\"",
            "\"barriers\"",
            "\"override\"",
            "\"commentary\"",
        ];
        let positions: Vec<usize> = order.iter().map(|key| text.find(key).unwrap()).collect();
        assert!(positions.windows(2).all(|w| w[0] < w[1]), "{text}");
        assert!(
            text.ends_with("}\n") && text.contains("\n  \"version\": 1,\n"),
            "pretty-printed with a final newline"
        );
        assert!(
            !text.contains("\"published\""),
            "published is only written when present"
        );
    }

    #[test]
    fn time_shares_are_written_as_typed_other_numbers_as_serde_json_does() {
        let mut a = neutral(&[(15.0, 3, AUG), (85.5, 3, AUG)]);
        a.override_result = Some(Override {
            score: Some(31.0),
            reason: "r".to_owned(),
            ..Override::default()
        });
        let text = library::to_json(&a);
        assert!(
            text.contains("\"time_pct\": 15,") && text.contains("\"time_pct\": 85.5,"),
            "{text}"
        );
        assert!(
            text.contains("\"score\": 31.0,"),
            "as in the format's example: {text}"
        );
    }

    #[test]
    fn optional_parts_may_be_missing() {
        let mut value: Value = serde_json::from_str(&shipped_text()).unwrap();
        let object = value.as_object_mut().unwrap();
        for key in [
            "framework",
            "meta",
            "role",
            "quick_screen_note",
            "reinstatement",
            "override",
            "commentary",
            "published",
        ] {
            object.remove(key);
        }
        value["tasks"][0].as_object_mut().unwrap().remove("impact");
        let a = parse(&value.to_string()).unwrap();
        assert_eq!(a.framework, "aijri-published-v1");
        assert_eq!(a.tasks[0].impact, Impact::Augmentation);
        assert!(a.meta.tags.is_empty() && a.override_result.is_none() && a.published.is_none());
    }

    #[test]
    fn a_newer_version_is_refused_with_a_clear_message() {
        let text = shipped_text().replacen("\"version\": 1", "\"version\": 2", 1);
        let error = parse(&text).unwrap_err();
        assert!(
            matches!(error, LoadError::NewerVersion { found: 2, .. }),
            "{error:?}"
        );
        assert_eq!(
            error.to_string(),
            "test.aijri.json: the file uses assessment format version 2, but this program reads version 1; \
             open it with a newer AIJRI Desk"
        );
    }

    #[test]
    fn a_newer_version_is_named_even_when_its_content_is_unknown() {
        let error =
            parse(r#"{"format": "aijri-assessment", "version": 7, "tasks": "a new shape"}"#)
                .unwrap_err();
        assert!(
            matches!(error, LoadError::NewerVersion { found: 7, .. }),
            "{error:?}"
        );
    }

    #[test]
    fn a_byte_order_mark_is_accepted() {
        let text = format!("\u{feff}{}", shipped_text());
        assert_eq!(parse(&text).unwrap(), shipped());
    }
}

mod broken_files {
    use super::*;

    const NAME: &str = "broken.aijri.json";

    /// The error of parsing some bytes; its message must name the file.
    fn error_of(bytes: &[u8]) -> LoadError {
        let error =
            library::parse(bytes, Path::new(NAME)).expect_err("a broken file must not load");
        let message = error.to_string();
        assert!(
            message.starts_with(NAME),
            "the message names the file: {message}"
        );
        error
    }

    /// The line, column and message of a JSON error.
    fn json_error(bytes: &[u8]) -> (usize, usize, String) {
        match error_of(bytes) {
            LoadError::File(FileError::Json {
                line,
                column,
                message,
                ..
            }) => {
                assert!(line >= 1, "a JSON error has a line: {message}");
                (line, column, message)
            }
            other => panic!("expected a JSON error, got {other:?}"),
        }
    }

    /// The shipped file with the first occurrence of `from` replaced.
    fn shipped_with(from: &str, to: &str) -> String {
        let text = shipped_text();
        assert!(text.contains(from), "the shipped file contains {from}");
        text.replacen(from, to, 1)
    }

    fn line_of(text: &str, needle: &str) -> usize {
        text[..text.find(needle).unwrap()].matches('\n').count() + 1
    }

    #[test]
    fn truncated() {
        let text = shipped_text();
        let (line, _, message) = json_error(&text.as_bytes()[..text.len() / 2]);
        assert!(message.contains("EOF"), "{message}");
        assert!(line > 50, "the error is where the file ends: line {line}");
        let in_a_key = &text[..text.find("\"name\"").unwrap() + 3];
        let (_, _, message) = json_error(in_a_key.as_bytes());
        assert_eq!(message, "tasks[0]: EOF while parsing a string");
    }

    #[test]
    fn empty() {
        let (_, _, message) = json_error(b"");
        assert!(message.contains("EOF"), "{message}");
        json_error(b"   \n\n");
    }

    #[test]
    fn binary_garbage() {
        let garbage: Vec<u8> = (0..4096u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
            .collect();
        json_error(&garbage);
        json_error(b"\x00\xff\xfe{");
        json_error(&[0xEF, 0xBB, 0xBF]);
    }

    #[test]
    fn invalid_utf8_inside_a_string() {
        let mut bytes = shipped_text().into_bytes();
        let at = bytes.windows(7).position(|w| w == b"Backend").unwrap();
        bytes[at] = 0xFF;
        let (_, _, message) = json_error(&bytes);
        assert!(message.contains("unicode"), "{message}");
    }

    #[test]
    fn a_wrong_type_names_the_field_and_its_line() {
        let text = shipped_with("\"score\": 4,", "\"score\": \"high\",");
        let (line, column, message) = json_error(text.as_bytes());
        assert_eq!(
            message,
            "tasks[1].score: invalid type: string \"high\", expected i64"
        );
        assert_eq!(line, line_of(&text, "\"high\""));
        assert!(column > 10);
    }

    #[test]
    fn wrong_types_anywhere() {
        for (from, to, field) in [
            ("\"tasks\": [", "\"tasks\": 3, \"x\": [", "tasks"),
            (
                "\"time_pct\": 15,",
                "\"time_pct\": \"15\",",
                "tasks[0].time_pct",
            ),
            (
                "\"impact\": \"augmentation\"",
                "\"impact\": \"sideways\"",
                "tasks[0].impact",
            ),
            (
                "\"title\": \"Backend/API Developer\"",
                "\"title\": 5",
                "role.title",
            ),
            ("\"override\": null", "\"override\": []", "override"),
            (
                "\"aijri\": 55.4",
                "\"aijri\": \"55.4\"",
                "commentary.where_to_look_next[0].aijri",
            ),
            (
                "\"zone\": \"red\"",
                "\"zone\": \"purple\"",
                "published.zone",
            ),
            ("\"version\": 1", "\"version\": \"1\"", "version"),
        ] {
            let (_, _, message) = json_error(shipped_with(from, to).as_bytes());
            assert!(
                message.starts_with(&format!("{field}: ")),
                "{field}: {message}"
            );
        }
    }

    #[test]
    fn out_of_range_numbers() {
        for (from, to) in [
            ("\"score\": 4,", "\"score\": 1e30,"),
            ("\"score\": 4,", "\"score\": 99999999999999999999,"),
            ("\"score\": 4,", "\"score\": 4.5,"),
            ("\"score\": 4,", "\"score\": -99999999999999999999,"),
            ("\"time_pct\": 15,", "\"time_pct\": 1e400,"),
            ("\"version\": 1", "\"version\": -1"),
        ] {
            let (_, _, message) = json_error(shipped_with(from, to).as_bytes());
            assert!(
                message.contains("invalid") || message.contains("out of range"),
                "{to}: {message}"
            );
        }
    }

    #[test]
    fn a_huge_version_is_refused_as_newer() {
        for huge in ["4294967296", "99999999999999999999"] {
            let error = error_of(
                shipped_with("\"version\": 1", &format!("\"version\": {huge}")).as_bytes(),
            );
            let message = error.to_string();
            assert!(message.contains("version"), "{message}");
        }
    }

    #[test]
    fn absurd_but_well_typed_scores_still_score_without_panic() {
        let text = shipped_with("\"score\": 4,", &format!("\"score\": {},", i64::MAX))
            .replacen("\"score\": 0,", &format!("\"score\": {},", i64::MAX), 3)
            .replacen("\"time_pct\": 15,", "\"time_pct\": 1e308,", 2);
        let a = library::parse(text.as_bytes(), Path::new(NAME)).unwrap();
        let b = score(&a);
        // Saturated totals make the modifiers huge; the score clamps at 100, never NaN.
        assert_eq!((b.score, b.clamped, b.zone), (100.0, true, Zone::Green));
        assert!(validate::has_errors(&findings(&a)));
        let text = report::breakdown_text(&a, &b, framework(), &findings(&a));
        assert!(text.contains("Zone: GREEN"), "{text}");
    }

    #[test]
    fn nan_like_tokens() {
        for token in [
            "NaN",
            "Infinity",
            "-Infinity",
            "nan",
            "inf",
            "0x10",
            "+5",
            ".5",
            "5.",
        ] {
            let (_, _, message) = json_error(
                shipped_with("\"time_pct\": 15,", &format!("\"time_pct\": {token},")).as_bytes(),
            );
            assert!(!message.is_empty(), "{token}");
        }
    }

    #[test]
    fn deeply_nested_arrays() {
        let depth = 100_000;
        let nested = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        let (_, _, message) = json_error(nested.as_bytes());
        assert!(message.contains("invalid type: sequence"), "{message}");
        let inside = shipped_with("\"format\"", &format!("\"deep\": {nested}, \"format\""));
        let (_, _, message) = json_error(inside.as_bytes());
        assert!(message.contains("recursion limit"), "{message}");
        let unclosed = "[".repeat(depth);
        json_error(unclosed.as_bytes());
        let objects = "{\"a\":".repeat(depth);
        json_error(objects.as_bytes());
    }

    #[test]
    fn a_task_without_its_score_is_still_a_load_error() {
        let without_score = shipped_with("\"score\": 4,", "");
        let (_, _, message) = json_error(without_score.as_bytes());
        assert_eq!(message, "tasks[1]: missing field `score`");
    }

    #[test]
    fn a_field_given_twice_is_an_error() {
        let (_, _, message) =
            json_error(shipped_with("\"score\": 4,", "\"score\": 4, \"score\": 5,").as_bytes());
        assert_eq!(message, "tasks[1]: duplicate field `score`");
    }

    #[test]
    fn a_file_that_is_not_an_assessment() {
        for (text, found) in [
            (
                shipped_with("\"aijri-assessment\"", "\"aijri-framework\""),
                "\"aijri-framework\"",
            ),
            (
                shipped_with("\"format\": \"aijri-assessment\",", ""),
                "missing",
            ),
            ("{}".to_owned(), "missing"),
            (r#"{"format": 1, "version": 1}"#.to_owned(), "1"),
        ] {
            let error = error_of(text.as_bytes());
            let expected = format!(
                "{NAME}: not an AIJRI assessment (the `format` field is {found}, expected \"aijri-assessment\")"
            );
            assert_eq!(error.to_string(), expected);
        }
    }

    #[test]
    fn json_that_is_not_an_object() {
        for text in ["[]", "null", "42", "\"text\"", "[1, 2, 3]"] {
            let (_, _, message) = json_error(text.as_bytes());
            assert!(message.contains("invalid type"), "{text}: {message}");
        }
    }

    #[test]
    fn trailing_content() {
        let (_, _, message) = json_error(format!("{}{{}}", shipped_text()).as_bytes());
        assert!(message.contains("trailing"), "{message}");
    }

    #[test]
    fn a_file_over_5_mb_is_refused_before_reading() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("huge.aijri.json");
        std::fs::write(&path, vec![b' '; 6 * 1024 * 1024]).unwrap();
        let error = library::load_file(&path).unwrap_err();
        assert!(
            matches!(
                error,
                LoadError::File(FileError::TooLarge {
                    size: 6_291_456,
                    ..
                })
            ),
            "{error:?}"
        );
        let message = error.to_string();
        assert!(
            message.starts_with(&path.display().to_string()) && message.contains("at most 5 MB"),
            "{message}"
        );
    }

    #[test]
    fn a_file_of_exactly_5_mb_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.aijri.json");
        let text = shipped_text();
        let padding = usize::try_from(library::MAX_FILE_BYTES).unwrap() - text.len();
        std::fs::write(&path, format!("{text}{}", " ".repeat(padding))).unwrap();
        assert!(library::load_file(&path).is_ok());
    }
}

mod library_folder {
    use super::*;

    fn write(path: &Path, text: &str) {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    #[test]
    fn loads_every_assessment_below_a_folder_in_path_order() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write(&root.join("b.aijri.json"), &shipped_text());
        write(&root.join("a/z.AIJRI.JSON"), &shipped_text());
        write(&root.join("a/broken.aijri.json"), "{");
        write(&root.join("notes.json"), "{}");
        write(&root.join("readme.txt"), "");
        let files = library::load_paths(&[root.to_owned()]);
        let names: Vec<PathBuf> = files
            .iter()
            .map(|f| f.path.strip_prefix(root).unwrap().to_owned())
            .collect();
        assert_eq!(
            names,
            [
                Path::new("a/broken.aijri.json"),
                Path::new("a/z.AIJRI.JSON"),
                Path::new("b.aijri.json")
            ]
        );
        let loaded: Vec<bool> = files.iter().map(|f| f.result.is_ok()).collect();
        assert_eq!(loaded, [false, true, true]);
    }

    #[test]
    fn a_missing_file_is_an_error_naming_it() {
        let files = library::load_paths(&[PathBuf::from("no/such/file.aijri.json")]);
        let error = files[0].result.as_ref().unwrap_err();
        assert!(
            error
                .to_string()
                .starts_with("no/such/file.aijri.json: cannot read"),
            "{error}"
        );
    }

    #[test]
    fn save_is_atomic_and_notices_changes_on_disk() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("role.aijri.json");
        let stamp = library::save_atomic(&path, &shipped()).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), shipped_text());
        assert!(!library::changed_on_disk(&path, stamp));
        std::fs::write(&path, "changed by someone else").unwrap();
        assert!(library::changed_on_disk(&path, stamp));
        let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(leftovers, 1, "no temporary file is left behind");
    }

    #[cfg(unix)]
    #[test]
    fn save_keeps_the_permissions_of_the_file_it_replaces() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("shared.aijri.json");
        library::save_atomic(&path, &shipped()).unwrap();
        assert_eq!(
            std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o644
        );
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o664)).unwrap();
        library::save_atomic(&path, &shipped()).unwrap();
        assert_eq!(
            std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o664
        );
    }

    #[test]
    fn a_save_that_fails_leaves_no_file() {
        let error = library::save_atomic(Path::new("/nonexistent-folder/x.aijri.json"), &shipped())
            .unwrap_err();
        assert!(
            error
                .to_string()
                .starts_with("/nonexistent-folder/x.aijri.json: could not save"),
            "{error}"
        );
    }

    #[test]
    fn new_file_names_come_from_the_title() {
        assert_eq!(
            library::file_name_for("Backend/API Developer"),
            "backend-api-developer.aijri.json"
        );
        assert_eq!(library::file_name_for("  ///  "), "assessment.aijri.json");
    }
}

/// `spec/aijri-method.md` §5: missing parts are findings, and there is no score without tasks.
mod edge_cases {
    use serde_json::Value;

    use super::*;

    fn no_score_figures(b: &Breakdown) {
        assert_eq!(b.composite, None);
        assert_eq!(
            (b.displayed(), b.zone(), b.final_result()),
            (None, None, None)
        );
        assert_eq!((b.sub_label_text(), b.conditions_text()), (None, None));
        assert!(!b.no_score.is_empty());
    }

    #[test]
    fn a_role_without_tasks_has_no_score_zone_or_sub_label() {
        let mut a = shipped();
        a.tasks.clear();
        let b = scoring::score(&a, framework());
        no_score_figures(&b);
        assert_eq!(
            (b.task_total, b.task_resistance, b.split, b.time_3plus_pct),
            (None, None, None, None)
        );
        assert_eq!(b.no_score, ["no tasks: add tasks"]);
        assert_eq!(b.no_score_text(), "no score: add tasks");
        assert_eq!(
            b.evidence_modifier.map(fmt::modifier).as_deref(),
            Some("0.84")
        );
        let all = findings(&a);
        let tasks = all
            .iter()
            .find(|f| f.field == "tasks")
            .expect("a finding on tasks");
        assert_eq!(tasks.severity, Severity::Error);
        assert!(
            tasks.message.contains("no score until tasks are added"),
            "{}",
            tasks.message
        );
        let text = report::breakdown_text(&a, &b, framework(), &all);
        assert!(
            text.contains("JobZone Score: no score: add tasks\n"),
            "{text}"
        );
        assert!(text.contains("Task Resistance Score: —\n"), "{text}");
        assert!(text.contains("Zone: —\nSub-label: —\n"), "{text}");
    }

    #[test]
    fn an_override_without_a_computed_score_gives_no_final_result() {
        let mut a = shipped();
        a.tasks.clear();
        a.override_result = Some(Override {
            score: Some(31.0),
            zone: Some(Zone::Yellow),
            reason: "r".to_owned(),
            ..Override::default()
        });
        let b = scoring::score(&a, framework());
        assert_eq!(b.final_result(), None);
        assert_eq!(
            report::override_text(&a, &b),
            "not applied while there is no score — r"
        );
    }

    #[test]
    fn a_time_total_of_zero_has_no_score() {
        let a = neutral(&[(0.0, 3, AUG), (0.0, 4, DISP)]);
        let b = scoring::score(&a, framework());
        no_score_figures(&b);
        assert_eq!((b.task_total, b.split), (None, None));
        assert_eq!(b.weighted, [0.0, 0.0]);
        let errors: Vec<Finding> = findings(&a)
            .into_iter()
            .filter(|f| f.field == "tasks")
            .collect();
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(errors[0].message.contains("0%, so there is no score"));
    }

    /// The shipped file as JSON with one change, loaded.
    fn shipped_changed(change: impl FnOnce(&mut Value)) -> (String, Result<Assessment, LoadError>) {
        let mut value: Value = serde_json::from_str(&shipped_text()).unwrap();
        change(&mut value);
        let text = serde_json::to_string_pretty(&value).unwrap();
        let loaded = library::parse(text.as_bytes(), Path::new("changed.aijri.json"));
        (text, loaded)
    }

    fn barriers(value: &mut Value) -> &mut serde_json::Map<String, Value> {
        value["barriers"].as_object_mut().unwrap()
    }

    #[test]
    fn a_file_lacking_a_barrier_or_its_score_loads_with_an_error_and_no_score() {
        let lacking_barrier = shipped_changed(|v| {
            barriers(v).remove("liability_accountability");
        });
        let lacking_score = shipped_changed(|v| {
            v["barriers"]["liability_accountability"]
                .as_object_mut()
                .unwrap()
                .remove("score");
        });
        for (_, loaded) in [&lacking_barrier, &lacking_score] {
            let a = loaded.as_ref().expect("the file loads");
            assert_eq!(a.barriers.liability_accountability.score, None);
            assert_eq!(
                a.missing_scores(),
                ["barriers.liability_accountability.score"]
            );
            let b = scoring::score(a, framework());
            no_score_figures(&b);
            assert_eq!((b.barrier_total, b.barrier_modifier), (None, None));
            assert_eq!(b.evidence_total, Some(-4), "the other figures stay");
            assert_eq!(b.no_score, ["Liability/Accountability has no score"]);
            let all = findings(a);
            let finding = all
                .iter()
                .find(|f| f.field == "barriers.liability_accountability.score")
                .expect("a finding names the part");
            assert_eq!(finding.severity, Severity::Error);
            assert_eq!(
                finding.message,
                "Liability/Accountability has no score: pick one (0…2)"
            );
            let rewritten = library::to_json(a);
            let back: Value = serde_json::from_str(&rewritten).unwrap();
            assert_eq!(
                back["barriers"]["liability_accountability"].get("score"),
                None,
                "a missing score stays missing: {rewritten}"
            );
        }
        let rewritten = library::to_json(lacking_score.1.as_ref().unwrap());
        assert_eq!(rewritten, lacking_score.0 + "\n", "nothing else changes");
    }

    #[test]
    fn a_file_lacking_whole_sections_loads_with_every_part_missing() {
        let (_, loaded) = shipped_changed(|v| {
            let object = v.as_object_mut().unwrap();
            for key in ["protective", "growth", "evidence", "barriers"] {
                object.remove(key);
            }
        });
        let a = loaded.expect("the file loads");
        let missing = a.missing_scores();
        assert_eq!(missing.len(), 3 + 1 + 5 + 5);
        assert_eq!(
            (
                missing[0].to_string(),
                missing[3].to_string(),
                missing[13].to_string()
            ),
            (
                "protective.embodied_physicality.score".to_owned(),
                "growth.score".to_owned(),
                "barriers.cultural_ethical.score".to_owned()
            )
        );
        let b = scoring::score(&a, framework());
        no_score_figures(&b);
        assert_eq!((b.protective_total, b.quick_screen_red), (None, None));
        let errors: Vec<_> = findings(&a)
            .into_iter()
            .filter(|f| f.severity == Severity::Error)
            .map(|f| f.field)
            .collect();
        assert_eq!(errors, missing);
    }

    #[test]
    fn only_not_json_not_an_assessment_or_a_newer_version_fails_to_load() {
        let (_, newer) = shipped_changed(|v| v["version"] = Value::from(2));
        assert!(matches!(
            newer,
            Err(LoadError::NewerVersion { found: 2, .. })
        ));
        let (_, wrong_format) = shipped_changed(|v| v["format"] = Value::from("aijri-framework"));
        assert!(
            wrong_format
                .unwrap_err()
                .to_string()
                .contains("not an AIJRI assessment")
        );
        let (_, no_format) = shipped_changed(|v| {
            v.as_object_mut().unwrap().remove("format");
        });
        assert!(
            no_format
                .unwrap_err()
                .to_string()
                .contains("not an AIJRI assessment")
        );
        let not_json = library::parse(b"score: 24.5", Path::new("x.aijri.json"));
        assert!(not_json.is_err());
    }

    #[test]
    fn a_blank_assessment_has_every_score_at_its_neutral_value() {
        let blank = Assessment::blank();
        assert!(blank.missing_scores().is_empty());
        assert_eq!(blank.growth.score, Some(0));
        assert_eq!(blank.barriers.cultural_ethical.score, Some(0));
        assert!(scoring::score(&blank, framework()).composite.is_some());
    }

    /// The rounding test role of `tests/fixtures/score-24-95.aijri.json`: 48.1465 % at score 4,
    /// 51.8535 % at score 3, everything else neutral.
    fn role_at_24_95() -> Assessment {
        let path =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/score-24-95.aijri.json");
        library::load_file(&path).unwrap().assessment
    }

    #[test]
    fn a_score_of_24_95_stored_as_24_9499_shows_25_0_yellow_everywhere() {
        let a = role_at_24_95();
        let built = neutral(&[(48.1465, 4, DISP), (51.8535, 3, AUG)]);
        let b = score(&a);
        assert_eq!(
            b.score,
            score(&built).score,
            "the fixture is the neutral role"
        );
        assert_eq!(format!("{:.1}", b.score), "24.9", "the double is 24.9499…");
        assert_eq!(
            (fmt::score(b.score).as_str(), b.zone),
            ("25.0", Zone::Yellow)
        );
        let steps = report::composite_steps(&b, framework());
        assert_eq!(steps.score, "(2.5185 - 0.54) / 7.93 × 100 = 25.0/100");
        let all = findings(&a);
        let text = report::breakdown_text(&a, &b, framework(), &all);
        let exported = aijri_desk::text_format::export(&a, framework());
        let md = aijri_desk::export::markdown_report(&a, &b, framework(), &all);
        let lines = "JobZone Score: (2.5185 - 0.54) / 7.93 × 100 = 25.0/100\n\
                     Zone: YELLOW (Green ≥48, Yellow 25-47, Red <25)\n";
        for output in [&text, &exported] {
            assert!(output.contains(lines), "{output}");
            assert!(!output.contains("24.9"), "{output}");
        }
        for row in [
            "**AIJRI score: 25.0/100 — Yellow**\n",
            "| JobZone score | (2.5185 - 0.54) / 7.93 × 100 = 25.0/100 |\n",
            "| Zone | YELLOW (Green ≥48, Yellow 25-47, Red <25) |\n",
            "| Sub-label | Yellow (no sub-label for Yellow) |\n",
        ] {
            assert!(md.contains(row), "{row:?} in {md}");
        }
        assert!(!md.contains("24.9"), "{md}");
    }

    #[test]
    fn a_task_of_12_5_percent_at_score_1_weighs_0_13_everywhere() {
        let a = neutral(&[(12.5, 1, AUG), (87.5, 2, AUG)]);
        let b = score(&a);
        assert_eq!(b.weighted[0], 0.125);
        let text = report::breakdown_text(&a, &b, framework(), &[]);
        assert!(
            text.contains("  12.5%  score 1  0.13  AUGMENTATION  task 1\n"),
            "{text}"
        );
        let exported = aijri_desk::text_format::export(&a, framework());
        assert!(
            exported.contains("| task 1 | 12.5% | 1 | 0.13 | AUGMENTATION | why |"),
            "{exported}"
        );
        let md = aijri_desk::export::markdown_report(&a, &b, framework(), &[]);
        assert!(
            md.contains("| task 1 | 12.5% | 1 | 0.13 | augmentation | why |"),
            "{md}"
        );
    }

    #[test]
    fn a_task_total_of_1_875_exports_each_figure_from_its_own_value() {
        let a = neutral(&[(12.5, 1, AUG), (87.5, 2, AUG)]);
        let b = score(&a);
        assert_eq!((b.task_total, b.task_resistance), (1.875, 4.125));
        let exported = aijri_desk::text_format::export(&a, framework());
        assert!(
            exported.contains("Task Resistance Score: 6.00 - 1.88 = 4.13/5.0\n"),
            "{exported}"
        );
        assert!(exported.contains("| Total | 100% | 1.88 |"), "{exported}");
    }
}

/// `spec/aijri-method.md` §5: the share of time at 3+ is printed so that it never looks equal to a
/// threshold it misses, and the same way in every place.
mod sub_label_conditions {
    use super::*;

    /// A Red role (evidence −2 everywhere, growth −1) with `share` % of its time at score 4.
    fn red_with_share_at_4(share: f64) -> Full {
        score(&assessment(
            &[(share, 4, DISP), (100.0 - share, 1, AUG)],
            [-2; 5],
            [0; 5],
            -1,
        ))
    }

    #[test]
    fn a_share_of_69_96_reads_69_96_below_70() {
        let b = red_with_share_at_4(69.96);
        assert_eq!((b.zone, b.sub_label), (Zone::Red, None));
        assert_eq!(
            b.conditions_text(),
            "Imminent: Red ✓ · time 3+ 69.96% < 70% ✗ · growth −1 ≤ −1 ✓"
        );
        let text = report::breakdown_text(&shipped(), &b, framework(), &[]);
        assert!(
            text.contains("% of task time scoring 3+: 69.96%\n"),
            "{text}"
        );
    }

    #[test]
    fn a_share_of_69_999_reads_69_99_never_70_00() {
        let b = red_with_share_at_4(69.999);
        assert!(
            b.conditions_text().contains("time 3+ 69.99% < 70% ✗"),
            "{}",
            b.conditions_text()
        );
    }

    #[test]
    fn a_share_of_exactly_70_reads_70_and_holds() {
        let b = red_with_share_at_4(70.0);
        assert_eq!(b.sub_label, Some(SubLabel::Imminent));
        assert!(
            b.conditions_text().contains("time 3+ 70% ≥ 70% ✓"),
            "{}",
            b.conditions_text()
        );
    }

    #[test]
    fn the_tick_always_agrees_with_the_figures_beside_it() {
        for thousandths in 69_900..=70_100 {
            let share = f64::from(thousandths) / 1000.0;
            let b = red_with_share_at_4(share);
            let time = &b.conditions[1];
            let shown: f64 = time.text["time 3+ ".len()..]
                .split('%')
                .next()
                .unwrap()
                .parse()
                .unwrap();
            assert_eq!(shown >= 70.0, time.holds, "{share}: {}", time.text);
            let relation = if time.holds { "≥ 70%" } else { "< 70%" };
            assert!(time.text.ends_with(relation), "{share}: {}", time.text);
        }
    }
}
