//! "What it would take" is exact (method §5): for generated roles, the fewest one-step changes
//! What-if names for each target zone are the fewest a brute-force search over every set of
//! steps finds, as deep as brute force can go; every set it lists reaches the target with that
//! many steps, the one moving the score least past the threshold first.

// A test fails by panicking; its helpers unwrap what a passing test guarantees.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::HashSet;

use aijri_desk::framework::Framework;
use aijri_desk::model::{Assessment, Barrier, Dimension, Task, Zone};
use aijri_desk::scoring;
use aijri_desk::sensitivity::{self, Input, ZoneMove};
use proptest::prelude::*;

/// How deep brute force looks: every set of up to this many steps.
const DEPTH: usize = 3;

fn framework() -> &'static Framework {
    Framework::published()
}

/// Shares that make ties (12.5 %, 37.5 %) as well as plain ones.
const SHARES: [f64; 8] = [12.5, 37.5, 62.5, 87.5, 10.0, 25.0, 50.0, 15.0];

/// Roles with 1–4 tasks (shares from [`SHARES`], so equal shares come up) and every score in
/// range; the time need not add up to 100.
fn roles() -> impl Strategy<Value = Assessment> {
    (
        prop::collection::vec((0..SHARES.len(), 1i64..=5), 1..=4),
        prop::array::uniform5(-2i64..=2),
        prop::array::uniform5(0i64..=2),
        -2i64..=2,
    )
        .prop_map(|(tasks, evidence, barriers, growth)| {
            let mut role = Assessment::blank();
            role.tasks = tasks
                .into_iter()
                .enumerate()
                .map(|(i, (share, score))| Task {
                    name: format!("task {i}"),
                    time_pct: SHARES[share],
                    score,
                    ..Task::default()
                })
                .collect();
            for (&d, score) in Dimension::ALL.iter().zip(evidence) {
                role.evidence.get_mut(d).score = Some(score);
            }
            for (&b, score) in Barrier::ALL.iter().zip(barriers) {
                role.barriers.get_mut(b).score = Some(score);
            }
            role.growth.score = Some(growth);
            role
        })
}

/// Every input a step can move.
fn inputs(role: &Assessment) -> Vec<Input> {
    Input::all(role)
}

/// The zone of a role's computed score.
fn zone(role: &Assessment) -> Zone {
    scoring::score(role, framework()).composite.unwrap().zone
}

/// Whether `zone` is the target or beyond it, seen from `now`.
fn reaches(zone: Zone, target: Zone, now: Zone) -> bool {
    if target > now {
        zone >= target
    } else {
        zone <= target
    }
}

/// The fewest steps (each input ±1 within its range, either way) that bring the role into the
/// target or beyond, by breadth-first search over every set of steps; `None` beyond [`DEPTH`].
fn brute_force(role: &Assessment, target: Zone) -> Option<usize> {
    let now = zone(role);
    let inputs = inputs(role);
    let values =
        |r: &Assessment| -> Vec<i64> { inputs.iter().map(|i| i.value(r).unwrap()).collect() };
    let mut seen = HashSet::from([values(role)]);
    let mut layer = vec![role.clone()];
    for depth in 1..=DEPTH {
        let mut next = Vec::new();
        for r in &layer {
            for &input in &inputs {
                for direction in [-1, 1] {
                    let to = input.value(r).unwrap() + direction;
                    if !input.factor(framework()).in_range(to) {
                        continue;
                    }
                    let mut stepped = r.clone();
                    let change = sensitivity::Change {
                        input,
                        from: input.value(r).unwrap(),
                        to,
                    };
                    change.apply(&mut stepped);
                    if !seen.insert(values(&stepped)) {
                        continue;
                    }
                    if reaches(zone(&stepped), target, now) {
                        return Some(depth);
                    }
                    next.push(stepped);
                }
            }
        }
        layer = next;
    }
    None
}

/// Checks one target: the fewest steps agree with brute force, and each listed set reaches the
/// target with that many steps, scored as said, the smallest move first.
fn check(role: &Assessment, found: &ZoneMove, base: f64) -> Result<(), TestCaseError> {
    let Some(target) = found.target else {
        return Ok(());
    };
    match brute_force(role, target) {
        Some(depth) => prop_assert_eq!(found.steps, Some(depth), "target {:?}", target),
        None => prop_assert!(
            found.steps.is_none_or(|s| s > DEPTH),
            "target {:?}: {:?} steps, brute force finds none up to {}",
            target,
            found.steps,
            DEPTH
        ),
    }
    let now = zone(role);
    let mut last = 0.0;
    for option in &found.options {
        let mut changed = role.clone();
        option.changes.iter().for_each(|c| c.apply(&mut changed));
        let score = scoring::score(&changed, framework()).composite.unwrap();
        prop_assert_eq!(score.score.to_bits(), option.score.to_bits());
        prop_assert!(reaches(score.zone, target, now));
        prop_assert_eq!(
            Some(option.steps()),
            found.steps.map(|s| i64::try_from(s).unwrap())
        );
        let moved = (option.score - base).abs();
        prop_assert!(moved >= last, "the smallest move first");
        last = moved;
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn the_fewest_changes_into_each_zone_are_the_fewest_brute_force_finds(role in roles()) {
        let analysis = sensitivity::analyse(&role, framework());
        let base = analysis.score.unwrap();
        for found in [&analysis.zone_up, &analysis.zone_down, &analysis.to_green] {
            check(&role, found, base)?;
        }
    }
}

#[test]
fn roles_near_a_threshold_are_checked_too() {
    // The shipped roles and the published one one or two steps from each threshold.
    let mut role: Assessment = serde_json::from_str(include_str!(
        "../assessments/backend-api-developer.aijri.json"
    ))
    .unwrap();
    for (wage, posting) in [(-1, 0), (0, 0), (-1, -2), (1, 1), (2, 2)] {
        role.evidence.wage_trends.score = Some(wage);
        role.evidence.job_posting_trends.score = Some(posting);
        let analysis = sensitivity::analyse(&role, framework());
        let base = analysis.score.unwrap();
        for found in [&analysis.zone_up, &analysis.zone_down, &analysis.to_green] {
            check(&role, found, base).unwrap();
        }
    }
}
