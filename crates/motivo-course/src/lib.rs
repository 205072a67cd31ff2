//! The course layer: the course file (`course.ron`: modules tied to learning outcomes, their scenarios, order and
//! unlock rules, and the mastery rules), the learner's progress (every attempt, with a schema version and
//! migrations), mastery computed from the two, "why not passed yet" explanations, next-step suggestions, trends,
//! the CSV export and the printable certificate.
//!
//! Everything here is pure: no file system. The desktop store (`motivo-store`) and the browser store (the app,
//! over localStorage) both save the text made by [`progress::encode`] and read it with [`progress::decode`].
//! `docs/progress.md` documents the course format, the mastery rules and the storage format.

pub mod export;
pub mod load;
pub mod mastery;
pub mod progress;
pub mod scorm;
pub mod time;
pub mod uid;
pub mod xapi;

use serde::{Deserialize, Serialize};

use motivo_engine::model::Text;
use motivo_engine::scoring::Level;

pub use load::{KnownScenario, load_course};
pub use mastery::{
    ModuleStatus, NextStep, Overview, Reason, ScenarioStatus, Trend, TrendPoint, overview, scenario_passes, trend,
};
pub use progress::{Attempt, CURRENT_SCHEMA, DecodeError, Progress, ReportSummary};
pub use time::Timestamp;
pub use uid::Uid;

/// The bundled course file.
pub const COURSE: &str = include_str!("../../../scenarios/course.ron");

/// The bundled scenarios as the course sees them (id, module, version, title).
pub fn bundled_known() -> Vec<KnownScenario> {
    motivo_engine::bundled::scenarios().into_iter().filter_map(Result::ok).map(|s| KnownScenario::of(&s)).collect()
}

/// Why the bundled course did not load: the first error, located (`course.ron:LINE:COLUMN: message`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CourseError(pub String);

impl std::fmt::Display for CourseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for CourseError {}

/// The bundled course, loaded against the bundled scenarios. It is checked in CI (`motivo check scenarios/`);
/// errors are returned, never a panic.
pub fn bundled() -> Result<Course, CourseError> {
    let loaded = load_course(COURSE.as_bytes(), &bundled_known());
    let first_error = loaded
        .diagnostics
        .iter()
        .find(|d| d.is_error())
        .map(|d| format!("course.ron:{}:{}: {}", d.location.line, d.location.column, d.message));
    match (loaded.ok(), first_error) {
        (Some(c), _) => Ok(c),
        (None, e) => Err(CourseError(e.unwrap_or_else(|| "course.ron could not be loaded".into()))),
    }
}

/// A whole course file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Course {
    /// Stable identifier (lowercase letters, digits and `-`).
    pub id: String,
    /// Bumped when the course's content or rules change.
    pub version: u32,
    pub title: Text,
    #[serde(default)]
    pub summary: Text,
    /// When a scenario counts as passed (a module may override it).
    #[serde(default)]
    pub pass: PassRule,
    /// When the whole course counts as complete.
    #[serde(default)]
    pub complete: CompleteRule,
    /// The modules in the order the learner should take them; each is one learning outcome.
    pub modules: Vec<Module>,
}

/// One module of the course, tied to one learning outcome.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Module {
    /// Stable identifier; scenarios name it in their `module` field.
    pub id: String,
    /// Short name shown on the start screen.
    pub title: Text,
    /// The learning outcome, as a sentence ("Osaat …" / "You can …").
    pub outcome: Text,
    #[serde(default)]
    pub description: Text,
    /// The module has no scenarios yet: it is shown as coming, and `motivo check` says so in a gentler way.
    #[serde(default)]
    pub planned: bool,
    /// Scenario ids, in the order they are suggested. Scenarios whose own `module` field names this module are
    /// added after these (see [`Module::all_scenarios`]).
    #[serde(default)]
    pub scenarios: Vec<String>,
    /// When the module opens.
    #[serde(default)]
    pub unlock: Unlock,
    /// Overrides the course's pass rule for this module's scenarios.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pass: Option<PassRule>,
    /// When the outcome counts as mastered.
    #[serde(default)]
    pub mastery: MasteryRule,
    /// The difficulty at least one of the passes counted for mastery must be on (see
    /// [`Module::required_difficulty`]). 0 (the default): above the easiest of the module's scenarios; 1: any
    /// pass counts.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub min_difficulty: u8,
    /// The scenarios of the module once loaded: `scenarios`, then the known scenarios naming this module in
    /// their `module` field. Filled by [`load_course`].
    #[serde(skip)]
    pub resolved: Vec<String>,
}

impl Module {
    /// Every scenario of the module, in order (filled by [`load_course`]; falls back to `scenarios`).
    pub fn all_scenarios(&self) -> &[String] {
        if self.resolved.is_empty() { &self.scenarios } else { &self.resolved }
    }

    /// The difficulty one of the passes counted for mastery must at least have, given the difficulties of the
    /// module's scenarios; `None` when any pass counts. By default the module asks for more than its easiest
    /// level: a pass above the easiest difficulty among its scenarios (no requirement when they are all equally
    /// hard). `min_difficulty: n` asks for `n`, lowered to the module's hardest scenario so mastery stays
    /// reachable; `min_difficulty: 1` turns the requirement off.
    pub fn required_difficulty(&self, difficulties: &[u8]) -> Option<u8> {
        let (easiest, hardest) = (difficulties.iter().min()?, difficulties.iter().max()?);
        let wanted = match self.min_difficulty {
            0 if hardest > easiest => easiest + 1,
            0 => return None,
            n => n.min(*hardest),
        };
        (wanted > 1).then_some(wanted)
    }

    /// The pass rule for this module's scenarios.
    pub fn pass_rule<'a>(&'a self, course: &'a Course) -> &'a PassRule {
        self.pass.as_ref().unwrap_or(&course.pass)
    }
}

/// The lowest MITI level that passes (the level of a report is the lowest of its four thresholded measures).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, Default)]
pub enum MinLevel {
    BelowFair,
    #[default]
    Fair,
    Good,
}

impl MinLevel {
    pub fn level(self) -> Level {
        match self {
            MinLevel::BelowFair => Level::BelowFair,
            MinLevel::Fair => Level::Fair,
            MinLevel::Good => Level::Good,
        }
    }
}

/// When one attempt passes a scenario. Every condition must hold.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PassRule {
    /// The report's overall MITI level is at least this.
    #[serde(default)]
    pub min_level: MinLevel,
    /// The conversation reached a good ending (the client named a next step or was referred).
    #[serde(default = "yes")]
    pub require_good_ending: bool,
    /// Replies marked as digital-support ethics problems are allowed.
    #[serde(default)]
    pub allow_ethics_violations: bool,
    /// An attempt on an older version of the scenario still counts.
    #[serde(default = "yes")]
    pub accept_older_versions: bool,
    /// Only a pass in the learner's own typed words counts (free text, or written then picked); picking
    /// options is practice.
    #[serde(default = "yes")]
    pub require_own_words: bool,
}

fn yes() -> bool {
    true
}

fn is_zero(n: &u8) -> bool {
    *n == 0
}

impl Default for PassRule {
    fn default() -> Self {
        PassRule {
            min_level: MinLevel::Fair,
            require_good_ending: true,
            allow_ethics_violations: false,
            accept_older_versions: true,
            require_own_words: true,
        }
    }
}

/// When a module's outcome is mastered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum MasteryRule {
    /// Every scenario of the module is passed (a module with no scenarios is never mastered).
    #[default]
    AllPassed,
    /// At least this many of the module's scenarios are passed.
    AtLeast(u32),
}

/// When a module opens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Unlock {
    /// From the start.
    #[default]
    Open,
    /// When every listed module is mastered.
    AfterMastered(Vec<String>),
    /// When at least one scenario of every listed module is passed.
    AfterStarted(Vec<String>),
}

impl Unlock {
    pub fn modules(&self) -> &[String] {
        match self {
            Unlock::Open => &[],
            Unlock::AfterMastered(m) | Unlock::AfterStarted(m) => m,
        }
    }
}

/// When the whole course is complete.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum CompleteRule {
    /// Every module's outcome is mastered (modules with no scenarios yet keep the course open).
    #[default]
    AllModules,
    /// Every module that has scenarios is mastered (planned modules without scenarios do not count).
    AvailableModules,
}

impl Course {
    pub fn module(&self, id: &str) -> Option<&Module> {
        self.modules.iter().find(|m| m.id == id)
    }
}
