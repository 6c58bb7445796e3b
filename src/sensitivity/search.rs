//! What it would take (method §5, "What it would take (exact)"): the fewest one-step input
//! changes that bring a role into a target zone, over any number of inputs.
//!
//! The score falls with each task's automation score and rises with each evidence, barrier and
//! growth score, so every step of a smallest set goes the same way for its input; within evidence
//! and within barriers every point weighs the same, and a task's step weighs its share of the
//! time. So the search is over how many steps each group takes — evidence, barriers, growth, and
//! the tasks of each time share — not over every combination of inputs. A set of counts is turned
//! into concrete changes the same way every time (within a group, the input with the most room
//! first), and that very set is what is scored, so what is listed is what was found.

use super::{Change, Input, Outcome, Scorer};
use crate::framework::Framework;
use crate::model::{Assessment, Barrier, Dimension, Zone};
use crate::scoring::{self, CompositeInputs};

/// At most this many sets are listed for one target.
pub const MAX_OPTIONS: usize = 8;
/// At most this many sets of the smallest size are looked at when listing (the smallest size
/// itself is always found exactly).
const MAX_CANDIDATES: usize = 20_000;

/// The inputs of one group: their steps weigh the same.
#[derive(Debug, Clone)]
struct Group {
    /// Each input with its score now and the steps it can take towards the target.
    members: Vec<(Input, i64, i64)>,
    /// Which way a step moves each member's score: +1 or −1.
    step: i64,
    /// The steps the whole group can take.
    room: usize,
}

impl Group {
    fn new(members: Vec<(Input, i64, i64)>, step: i64) -> Self {
        let room = members
            .iter()
            .map(|&(_, _, room)| usize::try_from(room).unwrap_or(0))
            .sum();
        Self {
            members,
            step,
            room,
        }
    }

    /// `count` steps of the group as changes: the member with the most room first (the
    /// published order among equals), each taking as many steps as it can.
    fn changes(&self, count: usize) -> Vec<Change> {
        let mut order: Vec<&(Input, i64, i64)> = self.members.iter().collect();
        order.sort_by_key(|&&(_, _, room)| std::cmp::Reverse(room));
        let mut left = i64::try_from(count).unwrap_or(i64::MAX);
        let mut changes = Vec::new();
        for &&(input, from, room) in &order {
            if left == 0 {
                break;
            }
            let steps = room.min(left);
            if steps > 0 {
                changes.push(Change {
                    input,
                    from,
                    to: from + steps * self.step,
                });
                left -= steps;
            }
        }
        changes
    }
}

/// The groups of a role's inputs for a move up (the score rising) or down: evidence, barriers,
/// growth, then the tasks of each time share, the largest share first. Groups with no room are
/// left out.
fn groups(assessment: &Assessment, framework: &Framework, up: bool) -> Vec<Group> {
    let toward = if up { 1 } else { -1 };
    let member = |input: Input| {
        let value = input.value(assessment)?;
        let factor = input.factor(framework);
        // Tasks count against the score: a move up lowers them.
        let step = if matches!(input, Input::Task(_)) {
            -toward
        } else {
            toward
        };
        let room = if step > 0 {
            factor.max - value
        } else {
            value - factor.min
        };
        Some((input, value, room.max(0)))
    };
    let group = |inputs: Vec<Input>, step: i64| {
        Group::new(inputs.into_iter().filter_map(member).collect(), step)
    };
    let mut groups = vec![
        group(
            Dimension::ALL.iter().map(|&d| Input::Evidence(d)).collect(),
            toward,
        ),
        group(
            Barrier::ALL.iter().map(|&b| Input::Barrier(b)).collect(),
            toward,
        ),
        group(vec![Input::Growth], toward),
    ];
    let mut shares: Vec<f64> = assessment.tasks.iter().map(|t| t.time_pct).collect();
    shares.sort_by(|a, b| b.total_cmp(a));
    shares.dedup();
    for share in shares {
        let tasks = (0..assessment.tasks.len())
            .filter(|&i| assessment.tasks[i].time_pct.total_cmp(&share).is_eq())
            .map(Input::Task)
            .collect();
        groups.push(group(tasks, -toward));
    }
    groups.retain(|g| g.room > 0);
    groups
}

/// Scores sets of counts (one per group) without touching an assessment: the same arithmetic as
/// [`scoring::score`], on the figures the groups change.
struct Evaluator<'a> {
    assessment: &'a Assessment,
    framework: &'a Framework,
    groups: &'a [Group],
    inputs: CompositeInputs,
    scale: f64,
}

impl Evaluator<'_> {
    /// The computed score after `counts[g]` steps of each group `g`.
    fn score(&self, counts: &[usize]) -> f64 {
        let mut inputs = self.inputs;
        let mut task_scores: Vec<i64> = self.assessment.tasks.iter().map(|t| t.score).collect();
        for (group, &count) in self.groups.iter().zip(counts) {
            for change in group.changes(count) {
                let delta = change.to - change.from;
                match change.input {
                    Input::Task(i) => task_scores[i] = change.to,
                    Input::Evidence(_) => inputs.evidence_total += delta,
                    Input::Barrier(_) => inputs.barrier_total += delta,
                    Input::Growth => inputs.growth += delta,
                }
            }
        }
        inputs.task_total = scoring::task_total(
            self.assessment
                .tasks
                .iter()
                .zip(task_scores)
                .map(|(task, score)| (task.time_pct, score)),
            self.scale,
        );
        scoring::composite_score(inputs, self.framework)
    }
}

/// Whether a score lands in the target zone or beyond it, going `up` or down.
fn reaches(score: f64, target: Zone, up: bool, framework: &Framework) -> bool {
    let zone = scoring::zone_of(score, framework);
    if up { zone >= target } else { zone <= target }
}

/// The fewest steps into `target` and the cheapest sets of that many steps, the one moving the
/// score least past the threshold first; `None` when no set reaches it.
pub(super) fn fewest_steps(
    scorer: &mut Scorer<'_>,
    target: Zone,
    up: bool,
) -> Option<(usize, Vec<Outcome>)> {
    let (assessment, framework) = (scorer.assessment(), scorer.framework);
    let groups = groups(assessment, framework, up);
    let breakdown = scoring::score(assessment, framework);
    let evaluator = Evaluator {
        assessment,
        framework,
        groups: &groups,
        inputs: CompositeInputs {
            task_total: breakdown.task_total?,
            evidence_total: breakdown.evidence_total?,
            barrier_total: breakdown.barrier_total?,
            growth: breakdown.growth?,
        },
        scale: scoring::share_scale(breakdown.time_total, breakdown.provisional),
    };
    let fewest = fewest_count(&evaluator, target, up)?;
    let mut found = Vec::new();
    let mut counts = vec![0; groups.len()];
    let mut budget = MAX_CANDIDATES;
    sets_of(
        &evaluator,
        (target, up),
        0,
        fewest,
        &mut counts,
        &mut found,
        &mut budget,
    );
    let base = scorer.base;
    found.sort_by(|a, b| (a.1 - base).abs().total_cmp(&(b.1 - base).abs()));
    let options = found
        .into_iter()
        .take(MAX_OPTIONS)
        .filter_map(|(counts, _)| {
            let changes: Vec<Change> = groups
                .iter()
                .zip(&counts)
                .flat_map(|(group, &count)| group.changes(count))
                .collect();
            scorer.outcome(changes)
        })
        .collect();
    Some((fewest, options))
}

/// The smallest number of steps into the target: for every count of the groups besides the
/// tasks', the fewest task steps (the largest shares first) that reach it.
fn fewest_count(evaluator: &Evaluator<'_>, target: Zone, up: bool) -> Option<usize> {
    let groups = evaluator.groups;
    let fixed = groups
        .iter()
        .take_while(|g| !matches!(g.members[0].0, Input::Task(_)))
        .count();
    let task_room: usize = groups[fixed..].iter().map(|g| g.room).sum();
    let mut best: Option<usize> = None;
    let mut counts = vec![0; groups.len()];
    for_each_count(
        &groups[..fixed],
        &mut counts[..fixed],
        &mut |counts_fixed| {
            let spent: usize = counts_fixed.iter().sum();
            if best.is_some_and(|b| spent >= b) {
                return;
            }
            let with_tasks = |k: usize| {
                let mut all = counts_fixed.to_vec();
                all.extend(greedy(&groups[fixed..], k));
                reaches(evaluator.score(&all), target, up, evaluator.framework)
            };
            if !with_tasks(task_room) {
                return;
            }
            // Reaching is monotone in the number of task steps: the fewest by bisection.
            let (mut low, mut high) = (0, task_room);
            while low < high {
                let middle = (low + high) / 2;
                if with_tasks(middle) {
                    high = middle;
                } else {
                    low = middle + 1;
                }
            }
            let total = spent + low;
            if best.is_none_or(|b| total < b) {
                best = Some(total);
            }
        },
    );
    best
}

/// Every set of counts of `groups`, each from 0 to the group's room.
fn for_each_count(groups: &[Group], counts: &mut [usize], each: &mut dyn FnMut(&[usize])) {
    fn walk(groups: &[Group], counts: &mut [usize], at: usize, each: &mut dyn FnMut(&[usize])) {
        if at == groups.len() {
            each(counts);
            return;
        }
        for count in 0..=groups[at].room {
            counts[at] = count;
            walk(groups, counts, at + 1, each);
        }
        counts[at] = 0;
    }
    walk(groups, counts, 0, each);
}

/// `steps` steps over the task groups (largest share first), each group as far as it can.
fn greedy(task_groups: &[Group], steps: usize) -> Vec<usize> {
    let mut left = steps;
    task_groups
        .iter()
        .map(|group| {
            let take = group.room.min(left);
            left -= take;
            take
        })
        .collect()
}

/// Collects every set of exactly `left` more steps over the groups from `at` on that reaches the
/// target (with its score), leaving out branches that cannot reach it even with their steps
/// spent where they weigh most; stops when `budget` sets have been looked at.
fn sets_of(
    evaluator: &Evaluator<'_>,
    (target, up): (Zone, bool),
    at: usize,
    left: usize,
    counts: &mut [usize],
    found: &mut Vec<(Vec<usize>, f64)>,
    budget: &mut usize,
) {
    if *budget == 0 {
        return;
    }
    let groups = evaluator.groups;
    if at == groups.len() {
        if left == 0 {
            *budget -= 1;
            let score = evaluator.score(counts);
            if reaches(score, target, up, evaluator.framework) {
                found.push((counts.to_vec(), score));
            }
        }
        return;
    }
    let room_after: usize = groups[at + 1..].iter().map(|g| g.room).sum();
    let most = groups[at].room.min(left);
    let least = left.saturating_sub(room_after);
    for count in (least..=most).rev() {
        counts[at] = count;
        if !can_reach(evaluator, (target, up), at + 1, left - count, counts) {
            continue;
        }
        sets_of(
            evaluator,
            (target, up),
            at + 1,
            left - count,
            counts,
            found,
            budget,
        );
    }
    counts[at] = 0;
}

/// Whether the counts fixed so far can still reach the target with `left` more steps over the
/// groups from `at` on: each of those groups given as many steps as it could take alone, which no
/// split of `left` steps between them can beat (each step moves the score the same way).
fn can_reach(
    evaluator: &Evaluator<'_>,
    (target, up): (Zone, bool),
    at: usize,
    left: usize,
    counts: &[usize],
) -> bool {
    let mut bound = counts.to_vec();
    for (g, group) in evaluator.groups.iter().enumerate().skip(at) {
        bound[g] = group.room.min(left);
    }
    reaches(evaluator.score(&bound), target, up, evaluator.framework)
}
