//! The assessment of one job role, as stored in an `.aijri.json` file (format v1).
//!
//! The types mirror `spec/file-format.md` field for field. Fields a reader does not know are kept in
//! the `extra` maps so that rewriting a file written by a newer program loses nothing. Computed
//! figures are never stored here (only `published`, the figures a published text stated).

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

pub mod diff;
mod field;
mod numbers;

pub use field::{FieldPath, FieldPathError, Segment};

pub(crate) use numbers::whole_as_integer;

/// The value of the `format` field of every assessment file.
pub const FORMAT_NAME: &str = "aijri-assessment";
/// The major version of the file format this program reads and writes.
pub const FORMAT_VERSION: u32 = 1;
/// Unknown fields of a JSON object, kept in the order they were read.
pub type Extra = Map<String, Value>;

/// One AIJRI assessment of one job role.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Assessment {
    /// Always [`FORMAT_NAME`].
    pub format: String,
    /// The format's major version; files with a newer one are refused.
    pub version: u32,
    /// The id of the framework definition the assessment was scored under.
    #[serde(default = "default_framework_id")]
    pub framework: String,
    /// Where the assessment came from and who made it.
    #[serde(default)]
    pub meta: Meta,
    /// What role is assessed.
    #[serde(default)]
    pub role: Role,
    /// The three protective principles.
    #[serde(default)]
    pub protective: Protective,
    /// The AI growth correlation.
    #[serde(default)]
    pub growth: Growth,
    /// Free text the assessor wrote under the quick screen.
    #[serde(default)]
    pub quick_screen_note: String,
    /// The task decomposition.
    #[serde(default)]
    pub tasks: Vec<Task>,
    /// The reinstatement check (new tasks emerging).
    #[serde(default)]
    pub reinstatement: Reinstatement,
    /// The five evidence dimensions.
    #[serde(default)]
    pub evidence: Evidence,
    /// The five barriers.
    #[serde(default)]
    pub barriers: Barriers,
    /// The assessor's override of the computed result, if any.
    #[serde(default, rename = "override")]
    pub override_result: Option<Override>,
    /// The assessor's commentary.
    #[serde(default)]
    pub commentary: Commentary,
    /// The inputs an adjusted variant changed from its source (`meta.derived_from`), each with
    /// the source's value, the value now and why; empty for an assessment that is no variant.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub adjustments: Vec<Adjustment>,
    /// The figures a published text stated, for assessments imported from one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<Published>,
    /// Fields this program does not know, kept on rewrite.
    #[serde(flatten)]
    pub extra: Extra,
}

/// The `meta.source` of an assessment the adviser wrote: changes to it are no adjustments.
pub const OWN_SOURCE: &str = "own assessment";

/// The id of the published framework: what an assessment that names none was written for.
/// (The framework's own definition lives in `framework`, which builds on this module.)
pub const PUBLISHED_FRAMEWORK_ID: &str = "aijri-published-v1";

fn default_framework_id() -> String {
    PUBLISHED_FRAMEWORK_ID.to_owned()
}

/// Provenance of an assessment.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Meta {
    /// A stable identifier, e.g. `backend-api-developer-mid`.
    pub id: String,
    /// A URL, a file name, or [`OWN_SOURCE`].
    pub source: String,
    /// The date of the assessment, ISO 8601.
    pub assessed_on: String,
    /// Who assessed the role.
    pub assessor: String,
    /// Free tags used by search.
    pub tags: Vec<String>,
    /// The assessment this one is an adjusted variant of; `None` for an original.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub derived_from: Option<DerivedFrom>,
    /// Fields this program does not know, kept on rewrite.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Where an adjusted variant came from: its original source (a variant of a variant names the
/// original, since its adjustments are relative to it).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DerivedFrom {
    /// The source's `meta.id`.
    pub id: String,
    /// The source's job title.
    pub title: String,
    /// The source's seniority, so a report can name the source without its file.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub seniority: String,
    /// The source's file, relative to the variant's folder, with `/` between folders.
    pub file: String,
    /// Fields this program does not know, kept on rewrite.
    #[serde(flatten)]
    pub extra: Extra,
}

/// One input an assessment changed from its source (the assessment it derives from, or the
/// inputs as its publisher printed them), and why.
///
/// `field` is an input's path (`evidence.wage_trends`, `tasks[2].score` with the task's place in
/// the source's list, `tasks` for tasks added, removed or moved; `crate::adjust::InputPath` reads
/// it). `from` and `to` are JSON values as the file holds them: an integer score, a time share,
/// an impact's key, a task count, or `null` for a score not picked. They are kept as written so a
/// field a newer program adds survives a rewrite.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Adjustment {
    /// The input's path.
    pub field: String,
    /// For an input of a task whose tasks carry ids: the task's `id` here, so the entry follows
    /// the task wherever it now stands.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub task: Option<String>,
    /// Its value in the source.
    pub from: Value,
    /// Its value now.
    pub to: Value,
    /// Why the adviser changed it (may be empty, but should not be).
    pub reason: String,
    /// For `tasks`: the ids of the source's tasks, in the source's order (its tasks that are still
    /// here carry the same ids).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub source_tasks: Vec<String>,
    /// For `tasks`: the source's tasks that were removed, as the source had them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub removed_tasks: Vec<Task>,
    /// Fields this program does not know, kept on rewrite.
    #[serde(flatten)]
    pub extra: Extra,
}

/// The role definition.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Role {
    /// Job title, e.g. "Backend/API Developer".
    pub title: String,
    /// Seniority level, e.g. "Mid-Level (3-5 years)".
    pub seniority: String,
    /// What the role does.
    pub primary_function: String,
    /// What the role is not, to tell it from neighbours.
    pub not_this_role: String,
    /// Typical experience.
    pub typical_experience: String,
    /// How other seniority levels of the role would score.
    pub seniority_note: String,
    /// Fields this program does not know, kept on rewrite.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A score with the assessor's rationale: a protective principle or a barrier.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Rated {
    /// The integer score; its range is given by the framework. `None`: no score picked (missing
    /// in the file), a finding until filled in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<i64>,
    /// Why this score.
    #[serde(default)]
    pub rationale: String,
    /// Fields this program does not know, kept on rewrite.
    #[serde(flatten)]
    pub extra: Extra,
}

/// An evidence dimension: a score and the evidence behind it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EvidenceItem {
    /// The integer score, −2…+2 under the published framework. `None`: no score picked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<i64>,
    /// The evidence behind the score.
    #[serde(default)]
    pub evidence: String,
    /// Fields this program does not know, kept on rewrite.
    #[serde(flatten)]
    pub extra: Extra,
}

/// The three protective principles, 0–3 each.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Protective {
    /// Embodied Physicality.
    #[serde(default)]
    pub embodied_physicality: Rated,
    /// Deep Interpersonal Connection.
    #[serde(default)]
    pub deep_interpersonal_connection: Rated,
    /// Goal-Setting & Moral Judgment.
    #[serde(default)]
    pub goal_setting_moral_judgment: Rated,
    /// Fields this program does not know, kept on rewrite.
    #[serde(flatten)]
    pub extra: Extra,
}

/// The AI growth correlation, −2…+2.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Growth {
    /// The integer score. `None`: no score picked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<i64>,
    /// Why this score.
    #[serde(default)]
    pub rationale: String,
    /// The "AI Growth Correlation Check" text.
    #[serde(default)]
    pub check: String,
    /// Fields this program does not know, kept on rewrite.
    #[serde(flatten)]
    pub extra: Extra,
}

/// How AI touches a task.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Impact {
    /// AI makes the human faster; the human stays.
    #[default]
    Augmentation,
    /// AI does the task instead of the human.
    Displacement,
    /// AI plays no part.
    NotInvolved,
}

impl Impact {
    /// Every impact, in the order the split lists them.
    pub const ALL: [Self; 3] = [Self::Displacement, Self::Augmentation, Self::NotInvolved];

    /// The lower-case label used in text ("displacement").
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Augmentation => "augmentation",
            Self::Displacement => "displacement",
            Self::NotInvolved => "not involved",
        }
    }
}

/// One task of the role's working time.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Task {
    /// A short id the program gives a task when a record must follow it through tasks added,
    /// removed or moved (`"t3"`); absent in most files, and never needed to read one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// What the task is.
    #[serde(default)]
    pub name: String,
    /// Share of working time, in percent (decimals allowed).
    #[serde(serialize_with = "whole_as_integer")]
    pub time_pct: f64,
    /// Automation score, 1 (irreducibly human) … 5 (fully automatable).
    pub score: i64,
    /// Augmentation, displacement or not involved.
    #[serde(default)]
    pub impact: Impact,
    /// Why this score.
    #[serde(default)]
    pub rationale: String,
    /// Fields this program does not know, kept on rewrite.
    #[serde(flatten)]
    pub extra: Extra,
}

/// The reinstatement check: new tasks emerging for the role.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Reinstatement {
    /// Low / Moderate / High.
    pub level: String,
    /// Which new tasks emerge.
    pub note: String,
    /// Fields this program does not know, kept on rewrite.
    #[serde(flatten)]
    pub extra: Extra,
}

/// The five evidence dimensions, −2…+2 each.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    /// Job Posting Trends.
    #[serde(default)]
    pub job_posting_trends: EvidenceItem,
    /// Company Actions.
    #[serde(default)]
    pub company_actions: EvidenceItem,
    /// Wage Trends.
    #[serde(default)]
    pub wage_trends: EvidenceItem,
    /// AI Tool Maturity.
    #[serde(default)]
    pub ai_tool_maturity: EvidenceItem,
    /// Expert Consensus.
    #[serde(default)]
    pub expert_consensus: EvidenceItem,
    /// Fields this program does not know, kept on rewrite.
    #[serde(flatten)]
    pub extra: Extra,
}

/// The five barriers, 0–2 each.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Barriers {
    /// Regulatory/Licensing.
    #[serde(default)]
    pub regulatory_licensing: Rated,
    /// Physical Presence.
    #[serde(default)]
    pub physical_presence: Rated,
    /// Union/Collective Bargaining.
    #[serde(default)]
    pub union_collective_bargaining: Rated,
    /// Liability/Accountability.
    #[serde(default)]
    pub liability_accountability: Rated,
    /// Cultural/Ethical.
    #[serde(default)]
    pub cultural_ethical: Rated,
    /// Fields this program does not know, kept on rewrite.
    #[serde(flatten)]
    pub extra: Extra,
}

/// The three zones of the AIJRI scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Zone {
    /// Below the yellow threshold: high displacement risk.
    Red,
    /// Between the thresholds.
    Yellow,
    /// At or above the green threshold: resistant.
    Green,
}

impl Zone {
    /// Every zone, lowest first.
    pub const ALL: [Self; 3] = [Self::Red, Self::Yellow, Self::Green];

    /// "Red", "Yellow" or "Green".
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Red => "Red",
            Self::Yellow => "Yellow",
            Self::Green => "Green",
        }
    }

    /// "red", "yellow" or "green", as in files and JSON output.
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Self::Red => "red",
            Self::Yellow => "yellow",
            Self::Green => "green",
        }
    }
}

/// The refinement of a zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SubLabel {
    /// Red, with most time highly automatable and negative growth.
    Imminent,
    /// Green, with much of the time automatable: the role changes shape.
    Transforming,
    /// Green, with little time automatable.
    Stable,
}

impl SubLabel {
    /// "Imminent", "Transforming" or "Stable".
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Imminent => "Imminent",
            Self::Transforming => "Transforming",
            Self::Stable => "Stable",
        }
    }

    /// "imminent", "transforming" or "stable", as in files and JSON output.
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Self::Imminent => "imminent",
            Self::Transforming => "transforming",
            Self::Stable => "stable",
        }
    }
}

/// The assessor's override of the computed result.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Override {
    /// The final score, when the override sets one.
    #[serde(default)]
    pub score: Option<f64>,
    /// The final zone, when the override sets one.
    #[serde(default)]
    pub zone: Option<Zone>,
    /// Why the computed result was overridden (required).
    #[serde(default)]
    pub reason: String,
    /// Fields this program does not know, kept on rewrite.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A related role under "where to look next".
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RelatedRole {
    /// The related role's title.
    pub title: String,
    /// Its published AIJRI score, when known.
    pub aijri: Option<f64>,
    /// Why it is worth a look.
    pub note: String,
    /// The `meta.id` of the library role this entry means, written when the adviser links it;
    /// without it the entry is matched by its title (see `crate::pathways`). Written only when
    /// set, so a file without links stays as format v1 readers know it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Fields this program does not know, kept on rewrite.
    #[serde(flatten)]
    pub extra: Extra,
}

/// The assessor's commentary.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Commentary {
    /// Score vs reality check.
    pub score_vs_reality: String,
    /// What the numbers don't capture.
    pub numbers_dont_capture: Vec<String>,
    /// Who should worry (and who shouldn't).
    pub who_should_worry: String,
    /// What this means: the role's outlook.
    pub role_outlook: String,
    /// Survival strategy.
    pub survival_strategy: Vec<String>,
    /// Where to look next: related roles.
    pub where_to_look_next: Vec<RelatedRole>,
    /// Timeline of the expected change.
    pub timeline: String,
    /// Fields this program does not know, kept on rewrite.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A displacement / augmentation / not-involved split, in percent of task time.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Split {
    /// Percent of task time displaced.
    pub displacement: f64,
    /// Percent of task time augmented.
    pub augmentation: f64,
    /// Percent of task time AI is not involved in.
    pub not_involved: f64,
}

/// The figures a published text stated, kept to show where the recomputation differs.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Published {
    /// Σ weighted task scores.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub task_total: Option<f64>,
    /// Task Resistance Score.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub task_resistance: Option<f64>,
    /// Evidence modifier.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evidence_modifier: Option<f64>,
    /// Barrier modifier.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub barrier_modifier: Option<f64>,
    /// Growth modifier.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub growth_modifier: Option<f64>,
    /// Raw composite.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub raw: Option<f64>,
    /// JobZone score.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
    /// Zone.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub zone: Option<Zone>,
    /// Sub-label (`null` for none).
    pub sub_label: Option<SubLabel>,
    /// Displacement / augmentation split.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub split: Option<Split>,
    /// Share of task time scoring 3+, percent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time_3plus_pct: Option<f64>,
    /// Fields this program does not know, kept on rewrite.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Assessment {
    /// A blank assessment: the template for "New", with every score at its neutral value
    /// and one task taking all the time.
    #[must_use]
    pub fn blank() -> Self {
        let mut blank = Self {
            format: FORMAT_NAME.to_owned(),
            version: FORMAT_VERSION,
            framework: default_framework_id(),
            meta: Meta {
                source: OWN_SOURCE.to_owned(),
                ..Meta::default()
            },
            role: Role {
                title: "New role".to_owned(),
                ..Role::default()
            },
            protective: Protective::default(),
            growth: Growth::default(),
            quick_screen_note: String::new(),
            tasks: vec![Task {
                name: "New task".to_owned(),
                time_pct: 100.0,
                score: 3,
                ..Task::default()
            }],
            reinstatement: Reinstatement::default(),
            evidence: Evidence::default(),
            barriers: Barriers::default(),
            override_result: None,
            commentary: Commentary::default(),
            adjustments: Vec::new(),
            published: None,
            extra: Extra::new(),
        };
        for part in ScoredPart::all() {
            blank.set_part_score(part, Some(NEUTRAL_SCORE));
        }
        blank
    }

    /// The score of a scored part; `None` when none is picked.
    #[must_use]
    pub fn part_score(&self, part: ScoredPart) -> Option<i64> {
        match part {
            ScoredPart::Principle(p) => self.protective.get(p).score,
            ScoredPart::Growth => self.growth.score,
            ScoredPart::Dimension(d) => self.evidence.get(d).score,
            ScoredPart::Barrier(b) => self.barriers.get(b).score,
        }
    }

    /// Sets (or, with `None`, clears) the score of a scored part.
    pub fn set_part_score(&mut self, part: ScoredPart, score: Option<i64>) {
        let slot = match part {
            ScoredPart::Principle(p) => &mut self.protective.get_mut(p).score,
            ScoredPart::Growth => &mut self.growth.score,
            ScoredPart::Dimension(d) => &mut self.evidence.get_mut(d).score,
            ScoredPart::Barrier(b) => &mut self.barriers.get_mut(b).score,
        };
        *slot = score;
    }

    /// The scored parts that have no score, in the published order.
    #[must_use]
    pub fn missing_parts(&self) -> Vec<ScoredPart> {
        ScoredPart::all()
            .filter(|&part| self.part_score(part).is_none())
            .collect()
    }

    /// The field paths of the scores that are missing: `protective.embodied_physicality.score`,
    /// `growth.score`, `evidence.wage_trends.score`, `barriers.cultural_ethical.score`.
    #[must_use]
    pub fn missing_scores(&self) -> Vec<FieldPath> {
        self.missing_parts()
            .into_iter()
            .map(ScoredPart::field)
            .collect()
    }

    /// The role's title with its seniority, for lists and window titles.
    #[must_use]
    pub fn display_title(&self) -> String {
        if self.role.seniority.is_empty() {
            self.role.title.clone()
        } else {
            format!("{} ({})", self.role.title, self.role.seniority)
        }
    }
}

/// The score a blank assessment starts with in every part: neutral under the published framework.
const NEUTRAL_SCORE: i64 = 0;

/// Any scored part of an assessment besides the tasks: a principle, the growth correlation, an
/// evidence dimension or a barrier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ScoredPart {
    /// A protective principle.
    Principle(Principle),
    /// The AI growth correlation.
    Growth,
    /// An evidence dimension.
    Dimension(Dimension),
    /// A barrier.
    Barrier(Barrier),
}

impl ScoredPart {
    /// Every scored part, in the published order: principles, growth, evidence, barriers.
    pub fn all() -> impl Iterator<Item = Self> {
        let principles = Principle::ALL.iter().copied().map(Self::Principle);
        let dimensions = Dimension::ALL.iter().copied().map(Self::Dimension);
        let barriers = Barrier::ALL.iter().copied().map(Self::Barrier);
        principles
            .chain(std::iter::once(Self::Growth))
            .chain(dimensions)
            .chain(barriers)
    }

    /// The path of the part in the file: `barriers.cultural_ethical`, `growth`.
    #[must_use]
    pub fn path(self) -> FieldPath {
        match self {
            Self::Principle(p) => FieldPath::new("protective").key(p.key()),
            Self::Growth => FieldPath::new("growth"),
            Self::Dimension(d) => FieldPath::new("evidence").key(d.key()),
            Self::Barrier(b) => FieldPath::new("barriers").key(b.key()),
        }
    }

    /// The path of the part's score in the file: `barriers.cultural_ethical.score`.
    #[must_use]
    pub fn field(self) -> FieldPath {
        self.path().key("score")
    }
}

/// Declares a closed set of the scored parts of an assessment (principles, dimensions, barriers),
/// with their file keys and accessors into the section struct that holds them.
macro_rules! scored_parts {
    ($(#[$doc:meta])* $name:ident in $section:ident as $item:ty { $($variant:ident => $field:ident),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $(
                #[doc = concat!("`", stringify!($field), "`")]
                $variant,
            )+
        }

        impl $name {
            /// Every part, in the published order.
            pub const ALL: &'static [Self] = &[$(Self::$variant),+];

            /// The part's key in files and in the framework definition.
            #[must_use]
            pub fn key(self) -> &'static str {
                match self { $(Self::$variant => stringify!($field)),+ }
            }
        }

        impl $section {
            /// The item of one part.
            #[must_use]
            pub fn get(&self, part: $name) -> &$item {
                match part { $($name::$variant => &self.$field),+ }
            }

            /// The item of one part, for editing.
            pub fn get_mut(&mut self, part: $name) -> &mut $item {
                match part { $($name::$variant => &mut self.$field),+ }
            }

            /// The sum of the parts' scores; saturating, as a file may hold absurd scores.
            /// `None` when any part has no score.
            #[must_use]
            pub fn total(&self) -> Option<i64> {
                $name::ALL
                    .iter()
                    .try_fold(0, |total: i64, &part| Some(total.saturating_add(self.get(part).score?)))
            }
        }
    };
}

scored_parts! {
    /// One of the three protective principles.
    Principle in Protective as Rated {
        EmbodiedPhysicality => embodied_physicality,
        DeepInterpersonalConnection => deep_interpersonal_connection,
        GoalSettingMoralJudgment => goal_setting_moral_judgment,
    }
}

scored_parts! {
    /// One of the five evidence dimensions.
    Dimension in Evidence as EvidenceItem {
        JobPostingTrends => job_posting_trends,
        CompanyActions => company_actions,
        WageTrends => wage_trends,
        AiToolMaturity => ai_tool_maturity,
        ExpertConsensus => expert_consensus,
    }
}

scored_parts! {
    /// One of the five barriers.
    Barrier in Barriers as Rated {
        RegulatoryLicensing => regulatory_licensing,
        PhysicalPresence => physical_presence,
        UnionCollectiveBargaining => union_collective_bargaining,
        LiabilityAccountability => liability_accountability,
        CulturalEthical => cultural_ethical,
    }
}
