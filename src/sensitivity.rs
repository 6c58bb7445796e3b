//! What-if analysis of one assessment, without egui: how far each single scored input moved by one
//! step (±1 within its range) moves the score, and the fewest such steps, over any number of
//! inputs, that move the role into the next zone up or down, and from Red into Green ([`search`]).
//!
//! Everything is measured on the computed score (clamped, unrounded), not on an assessor's override:
//! the override fixes the final result whatever the inputs say. An assessment without a score (no
//! tasks, a part without a score) has nothing to analyse; an input without a score is not varied.

use crate::fmt;
use crate::framework::{Factor, Framework};
use crate::model::{Assessment, Barrier, Dimension, FieldPath, ScoredPart, Zone};
use crate::scoring;

mod search;

pub use search::MAX_OPTIONS;

/// One scored input of an assessment that a what-if can move.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Input {
    /// The automation score of the task at this index.
    Task(usize),
    /// One evidence dimension.
    Evidence(Dimension),
    /// One barrier.
    Barrier(Barrier),
    /// The AI growth correlation.
    Growth,
}

impl Input {
    /// Every input of an assessment: each task score, each evidence dimension, each barrier, growth.
    #[must_use]
    pub fn all(assessment: &Assessment) -> Vec<Self> {
        let tasks = (0..assessment.tasks.len()).map(Self::Task);
        let evidence = Dimension::ALL.iter().copied().map(Self::Evidence);
        let barriers = Barrier::ALL.iter().copied().map(Self::Barrier);
        tasks
            .chain(evidence)
            .chain(barriers)
            .chain(std::iter::once(Self::Growth))
            .collect()
    }

    /// The input's current score; `None` for a task index the assessment does not have or a
    /// part without a score.
    #[must_use]
    pub fn value(self, assessment: &Assessment) -> Option<i64> {
        match self {
            Self::Task(index) => assessment.tasks.get(index).map(|t| t.score),
            Self::Evidence(dimension) => assessment.evidence.get(dimension).score,
            Self::Barrier(barrier) => assessment.barriers.get(barrier).score,
            Self::Growth => assessment.growth.score,
        }
    }

    /// Sets the input's score; does nothing for a task index the assessment does not have.
    fn set(self, assessment: &mut Assessment, value: i64) {
        match self {
            Self::Task(index) => {
                if let Some(task) = assessment.tasks.get_mut(index) {
                    task.score = value;
                }
            }
            Self::Evidence(dimension) => assessment.evidence.get_mut(dimension).score = Some(value),
            Self::Barrier(barrier) => assessment.barriers.get_mut(barrier).score = Some(value),
            Self::Growth => assessment.growth.score = Some(value),
        }
    }

    /// The framework's definition of the input: its name, range and levels.
    #[must_use]
    pub fn factor(self, framework: &Framework) -> &Factor {
        match self {
            Self::Task(_) => &framework.task_score,
            Self::Evidence(dimension) => framework.dimension(dimension),
            Self::Barrier(barrier) => framework.barrier(barrier),
            Self::Growth => &framework.growth,
        }
    }

    /// The input's name as the user reads it: "Task: Writing unit & integration tests",
    /// "Evidence: Wage Trends", "Barrier: Physical Presence", "AI Growth Correlation".
    #[must_use]
    pub fn name(self, assessment: &Assessment, framework: &Framework) -> String {
        let factor = &self.factor(framework).name;
        match self {
            Self::Task(index) => {
                let task = assessment.tasks.get(index).map_or("", |t| t.name.as_str());
                if task.trim().is_empty() {
                    format!("Task {}", index + 1)
                } else {
                    format!("Task: {task}")
                }
            }
            Self::Evidence(_) => format!("Evidence: {factor}"),
            Self::Barrier(_) => format!("Barrier: {factor}"),
            Self::Growth => factor.clone(),
        }
    }

    /// A score of the input as the user reads it: signed ("−1", "+2") where the scale has
    /// negative scores, plain ("3") otherwise.
    #[must_use]
    pub fn show_value(self, value: i64, framework: &Framework) -> String {
        self.factor(framework).show_score(value)
    }

    /// The path of the input's field, as validation findings name fields: `tasks[1].score`.
    #[must_use]
    pub fn field(self) -> FieldPath {
        match self {
            Self::Task(index) => FieldPath::task(index).key("score"),
            Self::Evidence(dimension) => ScoredPart::Dimension(dimension).field(),
            Self::Barrier(barrier) => ScoredPart::Barrier(barrier).field(),
            Self::Growth => ScoredPart::Growth.field(),
        }
    }
}

/// One input moved from one score to another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Change {
    /// The input.
    pub input: Input,
    /// Its score before.
    pub from: i64,
    /// Its score after.
    pub to: i64,
}

impl Change {
    /// Sets the input to the changed score.
    pub fn apply(&self, assessment: &mut Assessment) {
        self.input.set(assessment, self.to);
    }

    /// The change as the user reads it: "Evidence: Wage Trends −1 → 0".
    #[must_use]
    pub fn describe(&self, assessment: &Assessment, framework: &Framework) -> String {
        let show = |value| self.input.show_value(value, framework);
        format!(
            "{} {} → {}",
            self.input.name(assessment, framework),
            show(self.from),
            show(self.to)
        )
    }
}

/// What a set of changes does to the computed score.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    /// The changes, at most one per input.
    pub changes: Vec<Change>,
    /// The computed score after the changes (clamped, unrounded).
    pub score: f64,
    /// The zone after the changes.
    pub zone: Zone,
    /// The score after minus the score before (unrounded).
    pub delta: f64,
}

impl Outcome {
    /// The change as the user reads it, on the displayed scores: 24.5 → 26.0 is "+1.5".
    #[must_use]
    pub fn shown_delta(&self, base_score: f64) -> f64 {
        scoring::displayed_change(base_score, self.score)
    }

    /// The change as the user reads it, as text: "+1.5", "−0.3".
    #[must_use]
    pub fn shown_delta_text(&self, base_score: f64) -> String {
        fmt::score_delta(self.shown_delta(base_score))
    }

    /// How many one-step moves the outcome takes.
    #[must_use]
    pub fn steps(&self) -> i64 {
        self.changes.iter().map(|c| (c.to - c.from).abs()).sum()
    }
}

/// One input's sensitivity: the outcome of one step down and of one step up, where in range.
#[derive(Debug, Clone, PartialEq)]
pub struct InputEffect {
    /// The input.
    pub input: Input,
    /// Its current score.
    pub value: i64,
    /// One step down (score − 1), when still in range.
    pub down: Option<Outcome>,
    /// One step up (score + 1), when still in range.
    pub up: Option<Outcome>,
}

impl InputEffect {
    /// The larger of the two score changes, in absolute value: what the inputs are ranked by.
    #[must_use]
    pub fn swing(&self) -> f64 {
        [&self.down, &self.up]
            .into_iter()
            .flatten()
            .map(|o| o.delta.abs())
            .fold(0.0, f64::max)
    }
}

/// The fewest one-step changes that move the role into a target zone (or beyond it).
#[derive(Debug, Clone, PartialEq)]
pub struct ZoneMove {
    /// The zone aimed at; `None` when there is none (no zone above Green, none below Red; Green
    /// from Red only for a Red role).
    pub target: Option<Zone>,
    /// How many one-step changes it takes at the least; `None` when no set of changes reaches the
    /// target (every input that could move the score that way is at its end).
    pub steps: Option<usize>,
    /// The cheapest sets of that many steps (at most [`MAX_OPTIONS`]), the one moving the score
    /// least past the threshold first.
    pub options: Vec<Outcome>,
}

impl ZoneMove {
    /// No target: nothing to move to.
    fn nowhere() -> Self {
        Self {
            target: None,
            steps: None,
            options: Vec::new(),
        }
    }
}

/// The whole what-if analysis of one assessment.
#[derive(Debug, Clone, PartialEq)]
pub struct Analysis {
    /// The computed score now (clamped, unrounded); `None` when the assessment has no score, and
    /// then there are no effects and no zone moves.
    pub score: Option<f64>,
    /// The computed zone now, when there is a score.
    pub zone: Option<Zone>,
    /// Every input's sensitivity, the largest swing first.
    pub inputs: Vec<InputEffect>,
    /// The fewest changes into the next zone up.
    pub zone_up: ZoneMove,
    /// The fewest changes into the next zone down.
    pub zone_down: ZoneMove,
    /// For a Red role, the fewest changes into Green (what advisers ask: "what would it take to
    /// make this role Green?"); no target otherwise.
    pub to_green: ZoneMove,
}

/// Analyses an assessment under a framework.
#[must_use]
pub fn analyse(assessment: &Assessment, framework: &Framework) -> Analysis {
    let Some(mut scorer) = Scorer::new(assessment, framework) else {
        return Analysis {
            score: None,
            zone: None,
            inputs: Vec::new(),
            zone_up: ZoneMove::nowhere(),
            zone_down: ZoneMove::nowhere(),
            to_green: ZoneMove::nowhere(),
        };
    };
    let base = scorer.base;
    let zone = scoring::zone_of(base, framework);
    let mut inputs: Vec<InputEffect> = Input::all(assessment)
        .into_iter()
        .filter_map(|input| {
            let value = input.value(assessment)?;
            let down = step(input, value, -1, framework).and_then(|c| scorer.outcome(vec![c]));
            let up = step(input, value, 1, framework).and_then(|c| scorer.outcome(vec![c]));
            Some(InputEffect {
                input,
                value,
                down,
                up,
            })
        })
        .collect();
    // A stable sort keeps the published order among equal swings.
    inputs.sort_by(|a, b| b.swing().total_cmp(&a.swing()));
    let zone_up = zone_move(&mut scorer, neighbour(zone, 1), zone);
    let zone_down = zone_move(&mut scorer, neighbour(zone, -1), zone);
    let green_from_red = (zone == Zone::Red).then_some(Zone::Green);
    let to_green = zone_move(&mut scorer, green_from_red, zone);
    Analysis {
        score: Some(base),
        zone: Some(zone),
        inputs,
        zone_up,
        zone_down,
        to_green,
    }
}

/// One step of an input in a direction, when the result stays within the input's range.
fn step(input: Input, value: i64, direction: i64, framework: &Framework) -> Option<Change> {
    let to = value.checked_add(direction)?;
    input.factor(framework).in_range(to).then_some(Change {
        input,
        from: value,
        to,
    })
}

/// The zone above (`direction` 1) or below (−1) a zone.
fn neighbour(zone: Zone, direction: isize) -> Option<Zone> {
    let index = Zone::ALL.iter().position(|&z| z == zone)?;
    Zone::ALL.get(index.checked_add_signed(direction)?).copied()
}

/// The fewest changes from `now` into `target` (see [`search`]).
fn zone_move(scorer: &mut Scorer<'_>, target: Option<Zone>, now: Zone) -> ZoneMove {
    let Some(target) = target else {
        return ZoneMove::nowhere();
    };
    let found = search::fewest_steps(scorer, target, target > now);
    ZoneMove {
        target: Some(target),
        steps: found.as_ref().map(|(steps, _)| *steps),
        options: found.map(|(_, options)| options).unwrap_or_default(),
    }
}

/// Scores changed copies of one assessment without cloning it for each.
struct Scorer<'a> {
    work: Assessment,
    framework: &'a Framework,
    base: f64,
}

impl<'a> Scorer<'a> {
    /// A scorer of an assessment that has a score; `None` for one without.
    fn new(assessment: &Assessment, framework: &'a Framework) -> Option<Self> {
        let base = scoring::score(assessment, framework).composite?.score;
        Some(Self {
            work: assessment.clone(),
            framework,
            base,
        })
    }

    /// The assessment analysed (a working copy, always put back as it was).
    fn assessment(&self) -> &Assessment {
        &self.work
    }

    /// The outcome of some changes (`None` should they leave no score); the working copy is put
    /// back afterwards.
    fn outcome(&mut self, changes: Vec<Change>) -> Option<Outcome> {
        for change in &changes {
            change.apply(&mut self.work);
        }
        let composite = scoring::score(&self.work, self.framework).composite;
        for change in &changes {
            change.input.set(&mut self.work, change.from);
        }
        let composite = composite?;
        Some(Outcome {
            changes,
            score: composite.score,
            zone: composite.zone,
            delta: composite.score - self.base,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn backend() -> Assessment {
        serde_json::from_str(include_str!(
            "../assessments/backend-api-developer.aijri.json"
        ))
        .unwrap()
    }

    fn analysis() -> Analysis {
        analyse(&backend(), Framework::published())
    }

    fn effect(analysis: &Analysis, input: Input) -> &InputEffect {
        analysis.inputs.iter().find(|e| e.input == input).unwrap()
    }

    #[test]
    fn every_input_is_analysed_once() {
        let a = analysis();
        // 8 tasks, 5 evidence dimensions, 5 barriers, growth.
        assert_eq!(a.inputs.len(), 19);
        assert_eq!(a.score.map(fmt::score).as_deref(), Some("24.5"));
        assert_eq!(a.zone, Some(Zone::Red));
    }

    #[test]
    fn inputs_are_sorted_by_swing_largest_first() {
        let a = analysis();
        let swings: Vec<f64> = a.inputs.iter().map(InputEffect::swing).collect();
        assert!(swings.windows(2).all(|w| w[0] >= w[1]), "{swings:?}");
        // The 20 % task at score 4 moves TRS by 0.20: the largest swing (about 2.05 points).
        assert_eq!(a.inputs[0].input, Input::Task(1));
        assert!(
            (a.inputs[0].swing() - 2.05).abs() < 0.01,
            "{}",
            a.inputs[0].swing()
        );
    }

    #[test]
    fn wage_trends_up_one_gives_26_and_yellow() {
        let a = analysis();
        let wage = effect(&a, Input::Evidence(Dimension::WageTrends));
        let up = wage.up.as_ref().unwrap();
        assert_eq!(
            up.changes,
            vec![Change {
                input: Input::Evidence(Dimension::WageTrends),
                from: -1,
                to: 0
            }]
        );
        assert_eq!(fmt::score(up.score), "26.0");
        assert_eq!(up.zone, Zone::Yellow);
        assert_eq!(up.shown_delta_text(a.score.unwrap()), "+1.5");
    }

    #[test]
    fn steps_stay_within_each_range() {
        let a = analysis();
        // Barriers are 0–2: Regulatory/Licensing at 0 has no step down.
        let regulatory = effect(&a, Input::Barrier(Barrier::RegulatoryLicensing));
        assert!(regulatory.down.is_none());
        assert!(regulatory.up.is_some());
        // Raising an automation score lowers the score; raising evidence raises it (monotonicity).
        let task = effect(&a, Input::Task(1));
        assert!(task.up.as_ref().unwrap().delta < 0.0 && task.down.as_ref().unwrap().delta > 0.0);
    }

    /// Whether an option's changes, applied to the assessment, give its score.
    fn scores_as_said(assessment: &Assessment, option: &Outcome) -> bool {
        let mut changed = assessment.clone();
        option.changes.iter().for_each(|c| c.apply(&mut changed));
        let b = scoring::score(&changed, Framework::published());
        b.composite
            .is_some_and(|c| c.score.to_bits() == option.score.to_bits())
    }

    #[test]
    fn one_step_reaches_yellow_and_the_smallest_move_comes_first() {
        let a = analysis();
        assert_eq!(a.zone_up.target, Some(Zone::Yellow));
        assert_eq!(a.zone_up.steps, Some(1));
        let options = &a.zone_up.options;
        assert!(!options.is_empty() && options.len() <= MAX_OPTIONS);
        assert!(
            options
                .iter()
                .all(|o| o.steps() == 1 && o.zone >= Zone::Yellow)
        );
        let deltas: Vec<f64> = options.iter().map(|o| o.delta.abs()).collect();
        assert!(
            deltas.windows(2).all(|w| w[0] <= w[1]),
            "smallest change first: {deltas:?}"
        );
        // One point of any evidence dimension weighs the same: one of them stands for all.
        let evidence = options
            .iter()
            .filter(|o| matches!(o.changes[0].input, Input::Evidence(_)))
            .count();
        assert_eq!(evidence, 1);
        assert!(options.iter().all(|o| scores_as_said(&backend(), o)));
    }

    #[test]
    fn red_has_no_zone_below() {
        let a = analysis();
        assert_eq!(
            a.zone_down,
            ZoneMove {
                target: None,
                steps: None,
                options: Vec::new()
            }
        );
    }

    #[test]
    fn the_fewest_steps_are_found_over_several_inputs() {
        // Evidence −6 puts the role at 21.5: no single step reaches 25, two do.
        let mut assessment = backend();
        assessment.evidence.job_posting_trends.score = Some(-2);
        let a = analyse(&assessment, Framework::published());
        assert_eq!(a.score.map(fmt::score).as_deref(), Some("21.5"));
        assert_eq!(a.zone_up.steps, Some(2));
        let options = &a.zone_up.options;
        assert!(!options.is_empty());
        assert!(
            options
                .iter()
                .all(|o| o.steps() == 2 && o.zone >= Zone::Yellow)
        );
        assert!(options.iter().all(|o| scores_as_said(&assessment, o)));
    }

    #[test]
    fn green_from_red_is_asked_for_a_red_role_and_takes_many_changes() {
        let a = analysis();
        assert_eq!(a.to_green.target, Some(Zone::Green));
        let steps = a.to_green.steps.expect("some set reaches Green");
        assert!(steps > 2, "{steps}");
        let options = &a.to_green.options;
        assert!(!options.is_empty());
        assert!(
            options
                .iter()
                .all(|o| o.zone == Zone::Green && o.steps() == i64::try_from(steps).unwrap())
        );
        assert!(options.iter().all(|o| scores_as_said(&backend(), o)));
        // A Yellow role has no "Green from Red".
        let mut yellow = backend();
        yellow.evidence.wage_trends.score = Some(0);
        assert_eq!(
            analyse(&yellow, Framework::published()).to_green.target,
            None
        );
    }

    #[test]
    fn no_set_reaches_a_zone_beyond_every_inputs_end() {
        // With a scale this wide even every input at its best stays below Green.
        let mut framework = Framework::published().clone();
        framework.normalisation.scale = 20.0;
        let a = analyse(&backend(), &framework);
        assert_eq!(a.zone, Some(Zone::Red));
        assert_eq!(a.to_green.target, Some(Zone::Green));
        assert_eq!(a.to_green.steps, None);
        assert!(a.to_green.options.is_empty());
    }

    #[test]
    fn a_role_just_above_a_threshold_can_move_down() {
        let mut assessment = backend();
        assessment.evidence.wage_trends.score = Some(0);
        let a = analyse(&assessment, Framework::published());
        assert_eq!(a.zone, Some(Zone::Yellow));
        assert_eq!(a.zone_down.target, Some(Zone::Red));
        assert_eq!(a.zone_down.steps, Some(1));
        assert!(a.zone_down.options.iter().any(|o| matches!(
            o.changes.as_slice(),
            [Change {
                input: Input::Evidence(_),
                to,
                from,
            }] if to - from == -1
        )));
        assert_eq!(a.zone_up.target, Some(Zone::Green));
    }

    #[test]
    fn a_change_describes_itself_with_signed_scores_where_the_scale_is_signed() {
        let assessment = backend();
        let fw = Framework::published();
        let wage = Change {
            input: Input::Evidence(Dimension::WageTrends),
            from: -1,
            to: 0,
        };
        assert_eq!(
            wage.describe(&assessment, fw),
            "Evidence: Wage Trends −1 → 0"
        );
        let task = Change {
            input: Input::Task(1),
            from: 4,
            to: 3,
        };
        assert_eq!(
            task.describe(&assessment, fw),
            "Task: Implementing API endpoints & business logic 4 → 3"
        );
        assert_eq!(Input::Task(1).field(), "tasks[1].score");
        assert_eq!(
            Input::Evidence(Dimension::WageTrends).field(),
            "evidence.wage_trends.score"
        );
    }

    #[test]
    fn applying_a_change_and_scoring_matches_the_outcome() {
        let mut assessment = backend();
        let a = analyse(&assessment, Framework::published());
        let top = a.inputs[0].down.clone().unwrap();
        top.changes.iter().for_each(|c| c.apply(&mut assessment));
        let b = scoring::score(&assessment, Framework::published());
        assert!((b.composite.unwrap().score - top.score).abs() < 1e-12);
    }

    #[test]
    fn a_role_without_a_score_has_nothing_to_analyse() {
        let mut assessment = backend();
        assessment.tasks.clear();
        let a = analyse(&assessment, Framework::published());
        assert_eq!((a.score, a.zone), (None, None));
        assert!(a.inputs.is_empty());
        assert_eq!(a.zone_up.target, None);
        assert!(a.zone_up.options.is_empty() && a.zone_down.options.is_empty());
    }

    #[test]
    fn an_input_without_a_score_has_no_value_to_vary() {
        let mut assessment = backend();
        assessment.barriers.cultural_ethical.score = None;
        let input = Input::Barrier(Barrier::CulturalEthical);
        assert_eq!(input.value(&assessment), None);
        let a = analyse(&assessment, Framework::published());
        assert_eq!(a.score, None, "a missing part leaves no score");
        assert!(a.inputs.iter().all(|e| e.input != input));
    }
}
