//! Mastery: which scenarios are passed, which outcomes are mastered, whether the course is complete, why
//! something is not passed yet, what to do next, and trends across attempts. Every rule is data from the course
//! file ([`PassRule`], [`MasteryRule`], [`Unlock`], [`CompleteRule`]) and documented in `docs/progress.md`.
//!
//! Mastery is always computed from the attempts, never stored: nothing can get out of step, and a changed rule
//! applies to old attempts too.

use serde::Serialize;

use super::load::KnownScenario;
use super::progress::{Attempt, Progress};
use super::time::Timestamp;
use super::{CompleteRule, Course, MasteryRule, Module, PassRule, Unlock};
use motivo_engine::i18n::{Arg, Msg, ToArg, dec};
use motivo_engine::model::{Lang, Text};
use motivo_engine::msg;
use motivo_engine::scoring::Level;

/// Why an attempt (or a scenario, module or course) is not passed yet.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum Reason {
    /// The scenario has not been played yet.
    NotAttempted,
    /// The conversation was left before an ending.
    NotFinished,
    /// The overall MITI level is below the rule's; `below` lists the measures that held it down.
    LevelTooLow { level: Level, needed: Level, below: Vec<String> },
    /// The conversation did not reach a good ending.
    NoGoodEnding { outcome: Option<String> },
    /// Replies had digital-support ethics problems.
    EthicsProblems { kinds: Vec<String> },
    /// The replies were picked options, not the learner's own typed words.
    NotOwnWords,
    /// The attempt was on an older version of the scenario and the rule wants the current one.
    OlderVersion { played: u32, current: u32 },
    /// The scenario is no longer available in this build.
    ScenarioMissing { scenario: String },
    /// Scenarios of a module still to pass (`needed` more of `remaining`).
    ScenariosLeft {
        needed: u32,
        remaining: Vec<String>,
        /// The titles of `remaining`, in order, for the learner (ids are for programs).
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        names: Vec<Text>,
    },
    /// No pass counted for the module is on a scenario of at least `min_difficulty` (the module asks for more
    /// than its easiest level); `scenarios` are the ones that would do.
    HarderScenarioNeeded {
        min_difficulty: u8,
        scenarios: Vec<String>,
        /// The titles of `scenarios`, in order.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        names: Vec<Text>,
    },
    /// The module has no scenarios yet.
    NoScenariosYet,
    /// The module opens after these modules are mastered (or started, with `started`).
    Locked {
        after: Vec<String>,
        started: bool,
        /// The titles of the modules in `after`, in order.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        names: Vec<Text>,
    },
    /// Modules whose outcomes are not mastered yet (for the course).
    OutcomesLeft {
        modules: Vec<String>,
        /// The titles of `modules`, in order.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        names: Vec<Text>,
    },
}

/// Titles in quotes when known (ids only as a fallback), joined for a sentence.
fn plain_list(ids: &[String], names: &[Text], lang: Lang) -> String {
    let named: Vec<String> = ids
        .iter()
        .enumerate()
        .map(|(i, id)| {
            names.get(i).map(|t| t.get(lang)).filter(|t| !t.is_empty()).map_or_else(|| id.clone(), |t| format!("”{t}”"))
        })
        .collect();
    named.join(", ")
}

fn measure_name(m: &str) -> Arg {
    match m {
        "relational" => msg!("mastery-measure-relational").to_arg(),
        "technical" => msg!("mastery-measure-technical").to_arg(),
        "pct_cr" => msg!("mastery-measure-pct-cr").to_arg(),
        "r_q" => msg!("mastery-measure-r-q").to_arg(),
        other => Arg::Str(other.to_owned()),
    }
}

fn ethics_name(k: &str) -> Msg {
    match k {
        "TakesCredentials" => msg!("ethics-takes-credentials"),
        "LogsInAsClient" => msg!("ethics-logs-in-as-client"),
        "ActsWithoutAuthorisation" => msg!("ethics-acts-without-authorisation"),
        "DoesItForClient" => msg!("ethics-does-it-for-client"),
        "PrivacyBreach" => msg!("ethics-privacy-breach"),
        "IgnoresSafetySignal" => msg!("ethics-ignores-safety-signal"),
        "BeyondCompetence" => msg!("ethics-beyond-competence"),
        _ => msg!("mastery-ethics-other"),
    }
}

fn outcome_name(o: &str) -> Msg {
    match o {
        "Postpones" => msg!("outcome-postpones"),
        "Disengages" => msg!("outcome-disengages"),
        _ => msg!("mastery-outcome-other"),
    }
}

/// `items` joined with `join` (a `list-…` message with `first` and `next`), or an empty text.
fn joined(items: impl IntoIterator<Item = Arg>, join: fn(Arg, Arg) -> Msg) -> Arg {
    let mut list: Option<Arg> = None;
    for item in items {
        list = Some(match list {
            None => item,
            Some(first) => join(first, item).to_arg(),
        });
    }
    list.unwrap_or(Arg::Str(String::new()))
}

impl Reason {
    /// One sentence for the learner.
    pub fn text(&self, lang: Lang) -> String {
        self.message(lang).text(lang)
    }

    /// The sentence as a message (`lang` picks the scenario titles named in it).
    pub fn message(&self, lang: Lang) -> Msg {
        match self {
            Reason::NotAttempted => msg!("mastery-not-attempted"),
            Reason::NotFinished => msg!("why-not-unfinished"),
            Reason::LevelTooLow { level, needed, below } => {
                let list = joined(below.iter().map(|m| measure_name(m)), |first, next| msg!("list-comma", first, next));
                let (level, needed) = (level.name_msg(), needed.name_msg());
                if below.is_empty() {
                    msg!("mastery-level-too-low", level, needed)
                } else {
                    msg!("mastery-level-too-low-below", level, needed, list)
                }
            }
            Reason::NoGoodEnding { outcome } => {
                msg!("mastery-no-good-ending", outcome = outcome_name(outcome.as_deref().unwrap_or("")))
            }
            Reason::EthicsProblems { kinds } => {
                let mut names: Vec<Msg> = kinds.iter().map(|k| ethics_name(k)).collect();
                names.dedup();
                let list =
                    joined(names.into_iter().map(|m| m.to_arg()), |first, next| msg!("list-semicolon", first, next));
                msg!("mastery-ethics-problems", list)
            }
            Reason::NotOwnWords => msg!("mastery-not-own-words"),
            Reason::OlderVersion { played, current } => {
                msg!("mastery-older-version", played = *played, current = *current)
            }
            Reason::ScenarioMissing { scenario } => msg!("mastery-scenario-missing", scenario),
            Reason::ScenariosLeft { needed, remaining, names } => {
                msg!("mastery-scenarios-left", needed = *needed, list = plain_list(remaining, names, lang))
            }
            Reason::HarderScenarioNeeded { min_difficulty, scenarios, names } => msg!(
                "mastery-harder-needed",
                min_difficulty = *min_difficulty,
                list = plain_list(scenarios, names, lang)
            ),
            Reason::NoScenariosYet => msg!("mastery-no-scenarios-yet"),
            Reason::Locked { after, started, names } => {
                let list = plain_list(after, names, lang);
                if *started { msg!("mastery-locked-started", list) } else { msg!("mastery-locked-mastered", list) }
            }
            Reason::OutcomesLeft { modules, names } => {
                msg!("mastery-outcomes-left", list = plain_list(modules, names, lang))
            }
        }
    }
}

/// Why `attempt` does not pass under `rule`; empty when it passes. `current_version` is the scenario's version
/// now (`None` when it is not available).
pub fn scenario_passes(attempt: &Attempt, rule: &PassRule, current_version: Option<u32>) -> Vec<Reason> {
    let s = &attempt.summary;
    let mut why = Vec::new();
    if !rule.accept_older_versions
        && let Some(current) = current_version
        && attempt.scenario_version < current
    {
        why.push(Reason::OlderVersion { played: attempt.scenario_version, current });
    }
    if !s.finished {
        why.push(Reason::NotFinished);
    }
    let needed = rule.min_level.level();
    if s.level < needed {
        let below = s.levels.map_or_else(Vec::new, |l| {
            [("relational", l.relational), ("technical", l.technical), ("pct_cr", l.pct_cr), ("r_q", l.r_q)]
                .into_iter()
                .filter(|(_, v)| *v < needed)
                .map(|(n, _)| n.to_owned())
                .collect()
        });
        why.push(Reason::LevelTooLow { level: s.level, needed, below });
    }
    if rule.require_good_ending && s.finished && !s.good_ending {
        why.push(Reason::NoGoodEnding { outcome: s.outcome.clone() });
    }
    if !rule.allow_ethics_violations && !s.ethics.is_empty() {
        why.push(Reason::EthicsProblems { kinds: s.ethics.clone() });
    }
    if rule.require_own_words && !s.own_words {
        why.push(Reason::NotOwnWords);
    }
    why
}

/// A short view of one attempt.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AttemptBrief {
    pub id: u64,
    pub started: Timestamp,
    pub scenario_version: u32,
    pub level: Level,
    pub good_ending: bool,
    pub ethics: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub relational: Option<f32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub technical: Option<f32>,
    pub passed: bool,
}

impl AttemptBrief {
    fn of(a: &Attempt, passed: bool) -> Self {
        AttemptBrief {
            id: a.id,
            started: a.started,
            scenario_version: a.scenario_version,
            level: a.summary.level,
            good_ending: a.summary.good_ending,
            ethics: a.summary.ethics.len() as u32,
            relational: a.summary.relational,
            technical: a.summary.technical,
            passed,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScenarioStatus {
    pub id: String,
    pub title: Text,
    /// The scenario exists in this build (it can be played).
    pub available: bool,
    /// The current version, when available.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<u32>,
    /// How hard the client is (1 willing, 2 ambivalent, 3 discordant or in crisis), when available.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub difficulty: Option<u8>,
    pub attempts: u32,
    pub passed: bool,
    /// When the first passing attempt ended.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub passed_at: Option<Timestamp>,
    /// The best attempt (passing ones first, then by level, ending and scores).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub best: Option<AttemptBrief>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last: Option<AttemptBrief>,
    /// Why it is not passed yet (from the attempt closest to passing); empty when passed.
    pub why_not: Vec<Reason>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ModuleStatus {
    pub id: String,
    pub title: Text,
    pub outcome: Text,
    pub description: Text,
    pub planned: bool,
    pub unlocked: bool,
    pub mastered: bool,
    /// When the outcome became mastered (the end of the attempt that completed it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mastered_at: Option<Timestamp>,
    pub passed: u32,
    /// How many passed scenarios mastery needs.
    pub needed: u32,
    pub scenarios: Vec<ScenarioStatus>,
    /// Why the outcome is not mastered (and why the module is locked); empty when mastered.
    pub why_not: Vec<Reason>,
}

/// What the learner should do next.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum NextStep {
    /// Play this scenario (`retry` when it was played but not passed).
    Play { module: String, scenario: String, title: Text, retry: bool },
    /// The course is complete: print the certificate.
    Certificate,
    /// Everything available is passed; the remaining outcomes have no scenarios yet.
    WaitForContent { modules: Vec<String> },
}

impl NextStep {
    pub fn text(&self, lang: Lang) -> String {
        let m = match self {
            NextStep::Play { title, scenario, retry, .. } => {
                let title = if title.is_blank() { scenario.as_str() } else { title.get(lang) };
                if *retry { msg!("next-step-retry", title) } else { msg!("next-step-play", title) }
            }
            NextStep::Certificate => msg!("next-step-certificate"),
            NextStep::WaitForContent { modules } => msg!("next-step-wait", modules = modules.join(", ")),
        };
        m.text(lang)
    }
}

/// Everything the start screen and `motivo progress` show.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Overview {
    pub course: String,
    pub course_version: u32,
    pub title: Text,
    pub complete: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub completed_at: Option<Timestamp>,
    pub modules: Vec<ModuleStatus>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next: Option<NextStep>,
    /// Why the course is not complete; empty when it is.
    pub why_not: Vec<Reason>,
    pub attempts: u32,
    pub scenarios_passed: u32,
    pub scenarios_total: u32,
}

impl Overview {
    pub fn module(&self, id: &str) -> Option<&ModuleStatus> {
        self.modules.iter().find(|m| m.id == id)
    }

    pub fn scenario(&self, id: &str) -> Option<&ScenarioStatus> {
        self.modules.iter().flat_map(|m| &m.scenarios).find(|s| s.id == id)
    }
}

fn scenario_status(
    module: &Module,
    course: &Course,
    id: &str,
    known: &[KnownScenario],
    progress: &Progress,
) -> ScenarioStatus {
    let k = known.iter().find(|k| k.id == id);
    let rule = module.pass_rule(course);
    let current = k.map(|k| k.version);
    let attempts: Vec<&Attempt> = progress.attempts_of(id).collect();
    let judged: Vec<(&Attempt, Vec<Reason>)> =
        attempts.iter().map(|a| (*a, scenario_passes(a, rule, current))).collect();
    let first_pass = judged.iter().filter(|(_, why)| why.is_empty()).min_by_key(|(a, _)| (a.ended(), a.id));
    let passed = first_pass.is_some();
    let best = judged
        .iter()
        .max_by_key(|(a, why)| (why.is_empty(), std::cmp::Reverse(why.len()), a.rank(), a.id))
        .map(|(a, why)| AttemptBrief::of(a, why.is_empty()));
    let last = judged.iter().max_by_key(|(a, _)| a.id).map(|(a, why)| AttemptBrief::of(a, why.is_empty()));
    let why_not = if passed {
        Vec::new()
    } else if attempts.is_empty() {
        if k.is_some() { vec![Reason::NotAttempted] } else { vec![Reason::ScenarioMissing { scenario: id.into() }] }
    } else {
        // The attempt closest to passing: fewest reasons, then the best, then the latest.
        let mut why = judged
            .iter()
            .min_by_key(|(a, why)| (why.len(), std::cmp::Reverse(a.rank()), std::cmp::Reverse(a.id)))
            .map(|(_, why)| why.clone())
            .unwrap_or_default();
        if k.is_none() {
            why.push(Reason::ScenarioMissing { scenario: id.into() });
        }
        why
    };
    let title = k
        .map(|k| k.title.clone())
        .filter(|t| !t.is_blank())
        .unwrap_or_else(|| attempts.last().map_or_else(|| Text::new(id, id), |a| a.title.clone()));
    ScenarioStatus {
        id: id.into(),
        title,
        available: k.is_some(),
        version: current,
        difficulty: k.map(|k| k.difficulty),
        attempts: attempts.len() as u32,
        passed,
        passed_at: first_pass.map(|(a, _)| a.ended()),
        best,
        last,
        why_not,
    }
}

/// The full picture: per scenario, module and the course. `known` are the scenarios available now.
pub fn overview(course: &Course, known: &[KnownScenario], progress: &Progress) -> Overview {
    let mut modules: Vec<ModuleStatus> = course
        .modules
        .iter()
        .map(|m| {
            let scenarios: Vec<ScenarioStatus> =
                m.all_scenarios().iter().map(|id| scenario_status(m, course, id, known, progress)).collect();
            let total = scenarios.len() as u32;
            let needed = match m.mastery {
                MasteryRule::AllPassed => total,
                MasteryRule::AtLeast(n) => n.min(total),
            };
            let mut times: Vec<Timestamp> = scenarios.iter().filter_map(|s| s.passed_at).collect();
            times.sort();
            let passed = times.len() as u32;
            // At least one counted pass above the module's easiest level (issue 15): the first such pass.
            let difficulties: Vec<u8> = scenarios.iter().filter_map(|s| s.difficulty).collect();
            let required = m.required_difficulty(&difficulties);
            let hard = |s: &ScenarioStatus| required.is_none_or(|d| s.difficulty.is_some_and(|x| x >= d));
            let hard_pass = scenarios.iter().filter(|s| hard(s)).filter_map(|s| s.passed_at).min();
            let count_ok = needed > 0 && passed >= needed;
            let hard_ok = required.is_none() || hard_pass.is_some();
            let mastered = total > 0 && count_ok && hard_ok;
            let mastered_at =
                mastered.then(|| times[needed as usize - 1].max(hard_pass.unwrap_or(Timestamp(i64::MIN))));
            let mut why_not = Vec::new();
            let titled = |ids: &[String]| -> Vec<Text> {
                ids.iter()
                    .map(|id| scenarios.iter().find(|s| &s.id == id).map_or_else(Text::default, |s| s.title.clone()))
                    .collect()
            };
            if total == 0 {
                why_not.push(Reason::NoScenariosYet);
            } else {
                if !count_ok {
                    let remaining: Vec<String> = scenarios.iter().filter(|s| !s.passed).map(|s| s.id.clone()).collect();
                    let names = titled(&remaining);
                    why_not.push(Reason::ScenariosLeft {
                        needed: needed.saturating_sub(passed).max(1),
                        remaining,
                        names,
                    });
                }
                if let (Some(min_difficulty), false) = (required, hard_ok) {
                    let harder: Vec<String> =
                        scenarios.iter().filter(|s| hard(s) && s.available).map(|s| s.id.clone()).collect();
                    let names = titled(&harder);
                    why_not.push(Reason::HarderScenarioNeeded { min_difficulty, scenarios: harder, names });
                }
            }
            ModuleStatus {
                id: m.id.clone(),
                title: m.title.clone(),
                outcome: m.outcome.clone(),
                description: m.description.clone(),
                planned: m.planned,
                unlocked: true,
                mastered,
                mastered_at,
                passed,
                needed,
                scenarios,
                why_not,
            }
        })
        .collect();

    // One rule for locks, in the app and the command line alike: practice is always allowed and every play is
    // kept, but a module is mastered only while it is open. A pass made before the module opened counts as soon
    // as it opens. Unlocking depends on other modules' mastery, so this is iterated to a fixed point (the
    // course's unlock rules have no cycles: `M023`), at most once per module.
    let passed_mastery: Vec<(bool, Option<Timestamp>)> = modules.iter().map(|m| (m.mastered, m.mastered_at)).collect();
    for _ in 0..=modules.len() {
        let before: Vec<bool> = modules.iter().map(|m| m.mastered).collect();
        unlock(&mut modules, course);
        for (m, (mastered, at)) in modules.iter_mut().zip(&passed_mastery) {
            m.mastered = *mastered && m.unlocked;
            m.mastered_at = if m.mastered { *at } else { None };
        }
        if modules.iter().map(|m| m.mastered).eq(before) {
            break;
        }
    }

    let counted: Vec<&ModuleStatus> = modules
        .iter()
        .filter(|m| match course.complete {
            CompleteRule::AllModules => true,
            CompleteRule::AvailableModules => !m.scenarios.is_empty(),
        })
        .collect();
    let complete = !counted.is_empty() && counted.iter().all(|m| m.mastered);
    let completed_at = if complete { counted.iter().filter_map(|m| m.mastered_at).max() } else { None };
    let why_not = if complete {
        Vec::new()
    } else {
        vec![Reason::OutcomesLeft {
            modules: counted.iter().filter(|m| !m.mastered).map(|m| m.id.clone()).collect(),
            names: counted.iter().filter(|m| !m.mastered).map(|m| m.title.clone()).collect(),
        }]
    };

    let next = if complete {
        Some(NextStep::Certificate)
    } else {
        let play = modules.iter().filter(|m| m.unlocked && !m.mastered).find_map(|m| {
            m.scenarios.iter().find(|s| s.available && !s.passed).map(|s| NextStep::Play {
                module: m.id.clone(),
                scenario: s.id.clone(),
                title: s.title.clone(),
                retry: s.attempts > 0,
            })
        });
        play.or_else(|| {
            let waiting: Vec<String> = modules.iter().filter(|m| !m.mastered).map(|m| m.id.clone()).collect();
            (!waiting.is_empty()).then_some(NextStep::WaitForContent { modules: waiting })
        })
    };

    let all: Vec<&ScenarioStatus> = modules.iter().flat_map(|m| &m.scenarios).collect();
    let mut ids: Vec<&str> = all.iter().map(|s| s.id.as_str()).collect();
    ids.sort();
    ids.dedup();
    let passed_ids = ids.iter().filter(|id| all.iter().any(|s| s.id == **id && s.passed)).count();
    let total_ids = ids.len();
    Overview {
        course: course.id.clone(),
        course_version: course.version,
        title: course.title.clone(),
        complete,
        completed_at,
        modules,
        next,
        why_not,
        attempts: progress.attempts.len() as u32,
        scenarios_passed: passed_ids as u32,
        scenarios_total: total_ids as u32,
    }
}

/// One attempt in a trend.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrendPoint {
    pub attempt: u64,
    pub started: Timestamp,
    pub scenario_version: u32,
    pub level: Level,
    pub good_ending: bool,
    pub ethics: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub relational: Option<f32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub technical: Option<f32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub r_q: Option<f32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pct_cr: Option<f32>,
}

/// Differences of the latest attempt from an earlier one (latest minus earlier).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Delta {
    /// −2 … 2 steps of MITI level.
    pub level: i8,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub relational: Option<f32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub technical: Option<f32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub r_q: Option<f32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pct_cr: Option<f32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// No earlier attempt.
    First,
    Better,
    Same,
    Worse,
}

/// The attempts of one scenario up to a given attempt, with the latest compared to the previous and the best.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Trend {
    pub scenario: String,
    /// Oldest first; the last one is the attempt the trend is for.
    pub points: Vec<TrendPoint>,
    pub direction: Direction,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vs_previous: Option<Delta>,
    /// Against the best earlier attempt.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vs_best: Option<Delta>,
}

fn level_rank(l: Level) -> i8 {
    match l {
        Level::BelowFair => 0,
        Level::Fair => 1,
        Level::Good => 2,
    }
}

fn delta(a: &TrendPoint, b: &TrendPoint) -> Delta {
    let d = |x: Option<f32>, y: Option<f32>| Some(x? - y?);
    Delta {
        level: level_rank(a.level) - level_rank(b.level),
        relational: d(a.relational, b.relational),
        technical: d(a.technical, b.technical),
        r_q: d(a.r_q, b.r_q),
        pct_cr: d(a.pct_cr, b.pct_cr),
    }
}

fn point(a: &Attempt) -> TrendPoint {
    let s = &a.summary;
    TrendPoint {
        attempt: a.id,
        started: a.started,
        scenario_version: a.scenario_version,
        level: s.level,
        good_ending: s.good_ending,
        ethics: s.ethics.len() as u32,
        relational: s.relational,
        technical: s.technical,
        r_q: s.r_q,
        pct_cr: s.pct_cr,
    }
}

/// The trend of `scenario` up to attempt `upto` (the latest attempt when `None`). `None` when the scenario has
/// no attempts (or `upto` is not one of its attempts).
pub fn trend(progress: &Progress, scenario: &str, upto: Option<u64>) -> Option<Trend> {
    let mut attempts: Vec<&Attempt> = progress.attempts_of(scenario).collect();
    attempts.sort_by_key(|a| a.id);
    let end = match upto {
        Some(id) => attempts.iter().position(|a| a.id == id)? + 1,
        None => attempts.len(),
    };
    if end == 0 {
        return None;
    }
    let chosen = &attempts[..end];
    let points: Vec<TrendPoint> = chosen.iter().map(|a| point(a)).collect();
    let latest = points.last().expect("at least one");
    let earlier = &chosen[..end - 1];
    let vs_previous = points.len().checked_sub(2).map(|i| delta(latest, &points[i]));
    let vs_best = earlier.iter().max_by_key(|a| (a.rank(), a.id)).map(|a| delta(latest, &point(a)));
    let direction = match earlier.last() {
        None => Direction::First,
        Some(prev) => {
            let now = chosen[end - 1];
            match now.rank().cmp(&prev.rank()) {
                std::cmp::Ordering::Greater => Direction::Better,
                std::cmp::Ordering::Equal => Direction::Same,
                std::cmp::Ordering::Less => Direction::Worse,
            }
        }
    };
    Some(Trend { scenario: scenario.into(), points, direction, vs_previous, vs_best })
}

impl Trend {
    /// One or two sentences for the report screen.
    pub fn text(&self, lang: Lang) -> String {
        let n = self.points.len();
        let head = match self.direction {
            Direction::First => return msg!("trend-first").text(lang),
            Direction::Better => msg!("trend-better", n),
            Direction::Same => msg!("trend-same", n),
            Direction::Worse => msg!("trend-worse", n),
        };
        let mut parts = Vec::new();
        if let Some(d) = self.vs_previous {
            if let Some(r) = d.relational.filter(|v| v.abs() >= 0.05) {
                parts.push(msg!("trend-relational", sign = sign(r), change = dec(f64::from(r.abs()), 1)).to_arg());
            }
            if let Some(t) = d.technical.filter(|v| v.abs() >= 0.05) {
                parts.push(msg!("trend-technical", sign = sign(t), change = dec(f64::from(t.abs()), 1)).to_arg());
            }
        }
        if parts.is_empty() {
            return head.text(lang);
        }
        let changes = match joined(parts, |first, next| msg!("list-comma", first, next)) {
            Arg::Msg(m) => capitalise(&m.text(lang)),
            Arg::Str(s) => capitalise(&s),
            _ => String::new(),
        };
        msg!("trend-with-changes", head, changes).text(lang)
    }
}

/// `+` or `-` for a change.
fn sign(x: f32) -> &'static str {
    if x < 0.0 { "-" } else { "+" }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next().map_or_else(String::new, |f| f.to_uppercase().collect::<String>() + c.as_str())
}

/// Marks the modules whose unlock rule does not hold now as locked, with the reason first.
fn unlock(modules: &mut [ModuleStatus], course: &Course) {
    let snapshot: Vec<(String, bool, u32)> = modules.iter().map(|m| (m.id.clone(), m.mastered, m.passed)).collect();
    for (m, def) in modules.iter_mut().zip(&course.modules) {
        m.unlocked = true;
        m.why_not.retain(|r| !matches!(r, Reason::Locked { .. }));

        let (after, started) = match &def.unlock {
            Unlock::Open => continue,
            Unlock::AfterMastered(after) => (after, false),
            Unlock::AfterStarted(after) => (after, true),
        };
        let missing: Vec<String> = after
            .iter()
            .filter(|dep| {
                let s = snapshot.iter().find(|(id, _, _)| id == *dep);
                match s {
                    None => false,
                    Some((_, mastered, passed)) => {
                        if started {
                            *passed == 0
                        } else {
                            !mastered
                        }
                    }
                }
            })
            .cloned()
            .collect();
        if !missing.is_empty() {
            m.unlocked = false;
            let names = missing
                .iter()
                .map(|id| course.modules.iter().find(|d| &d.id == id).map_or_else(Text::default, |d| d.title.clone()))
                .collect();
            m.why_not.insert(0, Reason::Locked { after: missing, started, names });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{KnownScenario, load_course};
    use crate::progress::tests::attempt;
    use crate::{MinLevel, progress::SummaryLevels};

    fn known() -> Vec<KnownScenario> {
        vec![KnownScenario::new("a1", "one"), KnownScenario::new("a2", "one"), KnownScenario::new("b1", "two")]
    }

    fn course(extra: &str) -> Course {
        let text = format!(
            "Course(id: \"c\", version: 1, title: (fi: \"K\", en: \"C\"), {extra} modules: [
                (id: \"one\", title: (fi: \"Yksi\", en: \"One\"), outcome: (fi: \"O\", en: \"O\")),
                (id: \"two\", title: (fi: \"Kaksi\", en: \"Two\"), outcome: (fi: \"O\", en: \"O\"),
                 unlock: AfterMastered([\"one\"])),
            ])"
        );
        let loaded = load_course(text.as_bytes(), &known());
        assert!(!loaded.has_errors(), "{:#?}", loaded.diagnostics);
        loaded.ok().unwrap()
    }

    fn progress(attempts: Vec<Attempt>) -> Progress {
        let mut p = Progress::default();
        for a in attempts {
            p.add(a);
        }
        p
    }

    const T: i64 = 1_800_000_000;

    #[test]
    fn pass_rule_each_condition() {
        let rule = PassRule::default();
        assert!(scenario_passes(&attempt("a1", T, Level::Fair, true, 0), &rule, Some(1)).is_empty());
        assert!(scenario_passes(&attempt("a1", T, Level::Good, true, 0), &rule, Some(1)).is_empty());
        // Below fair fails.
        let why = scenario_passes(&attempt("a1", T, Level::BelowFair, true, 0), &rule, Some(1));
        assert!(matches!(why[..], [Reason::LevelTooLow { needed: Level::Fair, .. }]), "{why:?}");
        // A poor ending fails.
        let why = scenario_passes(&attempt("a1", T, Level::Good, false, 0), &rule, Some(1));
        assert!(matches!(why[..], [Reason::NoGoodEnding { .. }]), "{why:?}");
        // An ethics problem fails.
        let why = scenario_passes(&attempt("a1", T, Level::Good, true, 1), &rule, Some(1));
        assert!(matches!(why[..], [Reason::EthicsProblems { .. }]), "{why:?}");
        // Unfinished fails.
        let mut a = attempt("a1", T, Level::Good, true, 0);
        a.summary.finished = false;
        a.summary.good_ending = false;
        assert_eq!(scenario_passes(&a, &rule, Some(1)), vec![Reason::NotFinished]);
        // Older versions count by default …
        assert!(scenario_passes(&attempt("a1", T, Level::Fair, true, 0), &rule, Some(2)).is_empty());
        // … and not when the rule says so.
        let strict = PassRule { accept_older_versions: false, ..PassRule::default() };
        assert_eq!(
            scenario_passes(&attempt("a1", T, Level::Fair, true, 0), &strict, Some(2)),
            vec![Reason::OlderVersion { played: 1, current: 2 }]
        );
        // The rule's fields relax each condition.
        let lax = PassRule {
            min_level: MinLevel::BelowFair,
            require_good_ending: false,
            allow_ethics_violations: true,
            accept_older_versions: true,
            require_own_words: false,
        };
        assert!(scenario_passes(&attempt("a1", T, Level::BelowFair, false, 2), &lax, Some(1)).is_empty());
        // Picked options are practice: the same attempt does not count toward mastery unless typed.
        let mut picked = attempt("a1", T, Level::Good, true, 0);
        picked.summary.own_words = false;
        assert_eq!(scenario_passes(&picked, &PassRule::default(), Some(1)), vec![Reason::NotOwnWords]);
        assert!(Reason::NotOwnWords.text(Lang::Fi).contains("omin sanoin"));
        assert!(scenario_passes(&picked, &lax, Some(1)).is_empty(), "a rule may allow picked options");
        let good = PassRule { min_level: MinLevel::Good, ..PassRule::default() };
        assert!(!scenario_passes(&attempt("a1", T, Level::Fair, true, 0), &good, Some(1)).is_empty());
    }

    #[test]
    fn level_reason_names_the_low_measures() {
        let mut a = attempt("a1", T, Level::BelowFair, true, 0);
        a.summary.levels = Some(SummaryLevels {
            relational: Level::Good,
            technical: Level::Fair,
            pct_cr: Level::BelowFair,
            r_q: Level::Fair,
        });
        let why = scenario_passes(&a, &PassRule::default(), Some(1));
        assert_eq!(
            why,
            vec![Reason::LevelTooLow { level: Level::BelowFair, needed: Level::Fair, below: vec!["pct_cr".into()] }]
        );
        assert!(why[0].text(Lang::Fi).contains("kompleksisten heijastusten"));
        assert!(why[0].text(Lang::En).contains("complex reflections"));
    }

    #[test]
    fn mastery_follows_the_rules_step_by_step() {
        let c = course("");
        let mut p = Progress::default();
        let o = overview(&c, &known(), &p);
        assert!(!o.module("one").unwrap().mastered);
        assert!(!o.module("two").unwrap().unlocked, "two opens after one");
        assert_eq!(
            o.next,
            Some(NextStep::Play {
                module: "one".into(),
                scenario: "a1".into(),
                title: Text::new("a1", "a1"),
                retry: false
            })
        );
        assert_eq!(o.scenario("a1").unwrap().why_not, vec![Reason::NotAttempted]);

        // A failing attempt: not passed, the reason is shown, the next step is a retry.
        p.add(attempt("a1", T, Level::BelowFair, true, 0));
        let o = overview(&c, &known(), &p);
        assert!(!o.scenario("a1").unwrap().passed);
        assert!(matches!(o.scenario("a1").unwrap().why_not[..], [Reason::LevelTooLow { .. }]));
        assert!(matches!(o.next, Some(NextStep::Play { retry: true, .. })));

        // Passing a1 is not enough for `one` (AllPassed).
        p.add(attempt("a1", T + 100, Level::Fair, true, 0));
        let o = overview(&c, &known(), &p);
        assert!(o.scenario("a1").unwrap().passed);
        assert_eq!(o.scenario("a1").unwrap().passed_at, Some(Timestamp(T + 160)));
        assert!(!o.module("one").unwrap().mastered);
        assert_eq!(
            o.module("one").unwrap().why_not,
            vec![Reason::ScenariosLeft { needed: 1, remaining: vec!["a2".into()], names: vec![Text::new("a2", "a2")] }]
        );

        // A later poor attempt does not take a pass away.
        p.add(attempt("a1", T + 200, Level::BelowFair, false, 1));
        assert!(overview(&c, &known(), &p).scenario("a1").unwrap().passed);

        // Passing a2 masters `one`, which opens `two`.
        p.add(attempt("a2", T + 300, Level::Good, true, 0));
        let o = overview(&c, &known(), &p);
        let one = o.module("one").unwrap();
        assert!(one.mastered);
        assert_eq!(one.mastered_at, Some(Timestamp(T + 360)));
        assert!(one.why_not.is_empty());
        assert!(o.module("two").unwrap().unlocked);
        assert!(!o.complete);
        assert_eq!(
            o.why_not,
            vec![Reason::OutcomesLeft { modules: vec!["two".into()], names: vec![Text::new("Kaksi", "Two")] }]
        );
        // The learner reads titles, never ids.
        assert_eq!(o.why_not[0].text(Lang::Fi), "Osaamistavoitteita vielä saavuttamatta: ”Kaksi”.");

        // Passing b1 completes the course, dated by the last mastery.
        p.add(attempt("b1", T + 400, Level::Fair, true, 0));
        let o = overview(&c, &known(), &p);
        assert!(o.complete);
        assert_eq!(o.completed_at, Some(Timestamp(T + 460)));
        assert_eq!(o.next, Some(NextStep::Certificate));
        assert_eq!((o.scenarios_passed, o.scenarios_total, o.attempts), (3, 3, 5));
    }

    #[test]
    fn at_least_and_module_pass_override() {
        let text = "Course(id: \"c\", version: 1, title: (fi: \"K\", en: \"C\"), modules: [
            (id: \"one\", title: (fi: \"Y\", en: \"O\"), outcome: (fi: \"O\", en: \"O\"), mastery: AtLeast(1),
             pass: (min_level: Good)),
        ])";
        let c = load_course(text.as_bytes(), &known()).ok().unwrap();
        let p = progress(vec![attempt("a1", T, Level::Fair, true, 0)]);
        assert!(!overview(&c, &known(), &p).module("one").unwrap().mastered, "the module wants Good");
        let p = progress(vec![attempt("a2", T, Level::Good, true, 0)]);
        let o = overview(&c, &known(), &p);
        assert!(o.module("one").unwrap().mastered, "one of two is enough");
        assert!(o.complete);
    }

    /// Issue 15: a module asks for more than its easiest level. With `AtLeast(1)`, a pass on the easiest scenario
    /// alone does not master it; a pass on a harder one does, and the reason names the harder scenarios.
    #[test]
    fn mastery_needs_a_pass_above_the_easiest_difficulty() {
        let known = vec![
            KnownScenario { difficulty: 1, ..KnownScenario::new("a1", "one") },
            KnownScenario { difficulty: 3, ..KnownScenario::new("a2", "one") },
            KnownScenario { difficulty: 2, ..KnownScenario::new("a3", "one") },
        ];
        let text = |extra: &str| {
            format!(
                "Course(id: \"c\", version: 1, title: (fi: \"K\", en: \"C\"), modules: [
                (id: \"one\", title: (fi: \"Y\", en: \"O\"), outcome: (fi: \"O\", en: \"O\"), mastery: AtLeast(1),
                 scenarios: [\"a1\", \"a2\", \"a3\"] {extra}),
            ])"
            )
        };
        let c = load_course(text("").as_bytes(), &known).ok().unwrap();
        let easy = progress(vec![attempt("a1", T, Level::Good, true, 0)]);
        let o = overview(&c, &known, &easy);
        let one = o.module("one").unwrap();
        assert_eq!(one.scenarios[1].difficulty, Some(3));
        assert!(one.scenarios[0].passed);
        assert!(!one.mastered, "only the easiest level passed");
        assert_eq!(one.mastered_at, None);
        assert_eq!(
            one.why_not,
            vec![Reason::HarderScenarioNeeded {
                min_difficulty: 2,
                scenarios: vec!["a2".into(), "a3".into()],
                names: vec![Text::new("a2", "a2"), Text::new("a3", "a3")],
            }],
            "the count is met, only the level is missing"
        );
        assert_eq!(
            one.why_not[0].text(Lang::Fi),
            "Osaamistavoitteeseen tarvitaan myös läpäisty harjoitus vaativammalla tasolla (vähintään vaikeustaso 2): \
             ”a2”, ”a3”."
        );
        assert_eq!(
            one.why_not[0].text(Lang::En),
            "Mastery also needs a pass on a harder level (difficulty 2 or more): ”a2”, ”a3”."
        );
        assert!(!o.complete);

        // A later pass on difficulty 2 masters it, dated by that pass.
        let mut p = easy.clone();
        p.add(attempt("a3", T + 500, Level::Fair, true, 0));
        let one = overview(&c, &known, &p).module("one").unwrap().clone();
        assert!(one.mastered);
        assert_eq!(one.mastered_at, Some(Timestamp(T + 560)));
        assert!(one.why_not.is_empty());

        // `min_difficulty: 3` wants the hardest; a pass at 2 is not enough.
        let c3 = load_course(text(", min_difficulty: 3").as_bytes(), &known).ok().unwrap();
        let one = overview(&c3, &known, &p).module("one").unwrap().clone();
        assert!(!one.mastered);
        assert!(matches!(&one.why_not[..], [Reason::HarderScenarioNeeded { min_difficulty: 3, scenarios, .. }]
            if scenarios == &["a2".to_owned()]));
        // `min_difficulty: 1` turns the requirement off.
        let c1 = load_course(text(", min_difficulty: 1").as_bytes(), &known).ok().unwrap();
        assert!(overview(&c1, &known, &easy).module("one").unwrap().mastered);
        // Too high a minimum is lowered to the module's hardest scenario, so mastery stays reachable.
        let c9 = load_course(text(", min_difficulty: 9").as_bytes(), &known).ok().unwrap();
        let mut hard = easy.clone();
        hard.add(attempt("a2", T + 900, Level::Fair, true, 0));
        assert!(overview(&c9, &known, &hard).module("one").unwrap().mastered);
    }

    #[test]
    fn required_difficulty_rule() {
        let c = course("");
        let m = c.module("one").unwrap().clone();
        assert_eq!(m.required_difficulty(&[]), None, "no scenarios");
        assert_eq!(m.required_difficulty(&[2, 2]), None, "all equally hard: nothing harder to ask for");
        assert_eq!(m.required_difficulty(&[1, 2, 3]), Some(2));
        assert_eq!(m.required_difficulty(&[2, 3]), Some(3));
        let m3 = Module { min_difficulty: 3, ..m.clone() };
        assert_eq!(m3.required_difficulty(&[1, 2]), Some(2), "lowered to the hardest");
        assert_eq!(m3.required_difficulty(&[1, 3]), Some(3));
        let m1 = Module { min_difficulty: 1, ..m };
        assert_eq!(m1.required_difficulty(&[1, 3]), None, "1: any pass counts");
    }

    #[test]
    fn empty_modules_and_complete_rules() {
        let text = |rule: &str| {
            format!(
                "Course(id: \"c\", version: 1, title: (fi: \"K\", en: \"C\"), complete: {rule}, modules: [
                (id: \"one\", title: (fi: \"Y\", en: \"O\"), outcome: (fi: \"O\", en: \"O\")),
                (id: \"later\", title: (fi: \"Y\", en: \"O\"), outcome: (fi: \"O\", en: \"O\"), planned: true),
            ])"
            )
        };
        let p = progress(vec![attempt("a1", T, Level::Fair, true, 0), attempt("a2", T, Level::Fair, true, 0)]);
        let all = load_course(text("AllModules").as_bytes(), &known()).ok().unwrap();
        let o = overview(&all, &known(), &p);
        assert!(o.module("one").unwrap().mastered);
        assert!(!o.module("later").unwrap().mastered);
        assert_eq!(o.module("later").unwrap().why_not, vec![Reason::NoScenariosYet]);
        assert!(!o.complete);
        assert_eq!(o.next, Some(NextStep::WaitForContent { modules: vec!["later".into()] }));
        let avail = load_course(text("AvailableModules").as_bytes(), &known()).ok().unwrap();
        assert!(overview(&avail, &known(), &p).complete);
    }

    /// Practice is allowed in a locked module and kept, but it is mastered only once it opens; then the earlier
    /// pass counts.
    #[test]
    fn a_locked_module_is_not_mastered_until_it_opens() {
        let c = course("");
        let p = progress(vec![attempt("b1", T, Level::Good, true, 0)]);
        let o = overview(&c, &known(), &p);
        let two = o.module("two").unwrap();
        assert!(!two.unlocked);
        assert!(o.scenario("b1").unwrap().passed, "the play is kept and judged");
        assert!(!two.mastered && two.mastered_at.is_none(), "but a locked module is not mastered");
        let p = progress(vec![
            attempt("b1", T, Level::Good, true, 0),
            attempt("a1", T + 10, Level::Good, true, 0),
            attempt("a2", T + 20, Level::Good, true, 0),
        ]);
        let o = overview(&c, &known(), &p);
        assert!(o.module("two").unwrap().unlocked && o.module("two").unwrap().mastered, "counts once open");
        assert!(o.complete);
    }

    #[test]
    fn unlock_after_started() {
        let text = "Course(id: \"c\", version: 1, title: (fi: \"K\", en: \"C\"), modules: [
            (id: \"one\", title: (fi: \"Y\", en: \"O\"), outcome: (fi: \"O\", en: \"O\")),
            (id: \"two\", title: (fi: \"Y\", en: \"O\"), outcome: (fi: \"O\", en: \"O\"), unlock: AfterStarted([\"one\"])),
        ])";
        let c = load_course(text.as_bytes(), &known()).ok().unwrap();
        let o = overview(&c, &known(), &Progress::default());
        assert_eq!(
            o.module("two").unwrap().why_not[0],
            Reason::Locked { after: vec!["one".into()], started: true, names: vec![Text::new("Y", "O")] }
        );
        assert!(o.module("two").unwrap().why_not[0].text(Lang::Fi).ends_with(": ”Y”."));
        let p = progress(vec![attempt("a1", T, Level::Fair, true, 0)]);
        let o = overview(&c, &known(), &p);
        assert!(o.module("two").unwrap().unlocked);
        assert!(!o.module("one").unwrap().mastered);
    }

    #[test]
    fn missing_scenarios_keep_old_attempts() {
        let c = course("");
        let p = progress(vec![attempt("a1", T, Level::Fair, true, 0)]);
        let fewer = vec![KnownScenario::new("a2", "one"), KnownScenario::new("b1", "two")];
        let c2 = {
            let mut c2 = c.clone();
            crate::load::resolve(&mut c2, &fewer);
            c2
        };
        let o = overview(&c2, &fewer, &p);
        // a1 is no longer in the course's resolved list (it came from its module field): nothing breaks.
        assert!(o.scenario("a1").is_none());
        assert_eq!(o.attempts, 1);
        // Listed explicitly, a missing scenario is shown with its old title and a reason.
        let text = "Course(id: \"c\", version: 1, title: (fi: \"K\", en: \"C\"), modules: [
            (id: \"one\", title: (fi: \"Y\", en: \"O\"), outcome: (fi: \"O\", en: \"O\"), scenarios: [\"gone\"]),
        ])";
        let c3 = load_course(text.as_bytes(), &[]).value.unwrap();
        let p = progress(vec![attempt("gone", T, Level::BelowFair, true, 0)]);
        let s = overview(&c3, &[], &p).scenario("gone").unwrap().clone();
        assert!(!s.available);
        assert_eq!(s.title.get(Lang::En), "Title");
        assert!(s.why_not.contains(&Reason::ScenarioMissing { scenario: "gone".into() }));
    }

    #[test]
    fn trends() {
        let mut p = Progress::default();
        assert!(trend(&p, "a1", None).is_none());
        let mut first = attempt("a1", T, Level::BelowFair, false, 0);
        first.summary.relational = Some(3.0);
        let id1 = p.add(first);
        let t = trend(&p, "a1", Some(id1)).unwrap();
        assert_eq!(t.direction, Direction::First);
        assert!(t.text(Lang::Fi).contains("Ensimmäinen"));
        p.add(attempt("b1", T + 1, Level::Good, true, 0));
        let id2 = p.add(attempt("a1", T + 2, Level::Fair, true, 0));
        let t = trend(&p, "a1", None).unwrap();
        assert_eq!(t.points.len(), 2);
        assert_eq!(t.direction, Direction::Better);
        assert_eq!(t.vs_previous.unwrap().level, 1);
        assert_eq!(t.vs_previous.unwrap().relational, Some(1.0));
        assert!(t.text(Lang::En).contains("Relational +1.0"), "{}", t.text(Lang::En));
        assert!(t.text(Lang::Fi).contains("+1,0"));
        p.add(attempt("a1", T + 3, Level::BelowFair, false, 0));
        let t = trend(&p, "a1", None).unwrap();
        assert_eq!(t.direction, Direction::Worse);
        assert_eq!(t.vs_best.unwrap().level, -1);
        // Up to an earlier attempt.
        assert_eq!(trend(&p, "a1", Some(id2)).unwrap().points.len(), 2);
        assert!(trend(&p, "a1", Some(999)).is_none());
    }

    #[test]
    fn reasons_have_both_languages() {
        let reasons = [
            Reason::NotAttempted,
            Reason::NotFinished,
            Reason::NoGoodEnding { outcome: Some("Disengages".into()) },
            Reason::EthicsProblems { kinds: vec!["TakesCredentials".into()] },
            Reason::OlderVersion { played: 1, current: 2 },
            Reason::ScenarioMissing { scenario: "x".into() },
            Reason::ScenariosLeft { needed: 2, remaining: vec!["x".into(), "y".into()], names: vec![] },
            Reason::NoScenariosYet,
            Reason::Locked { after: vec!["x".into()], started: false, names: vec![] },
            Reason::OutcomesLeft { modules: vec!["x".into()], names: vec![] },
        ];
        for r in reasons {
            let (fi, en) = (r.text(Lang::Fi), r.text(Lang::En));
            assert!(!fi.is_empty() && !en.is_empty() && fi != en, "{r:?}");
            let sv = r.message(Lang::En).in_code("sv");
            assert!(!sv.is_empty() && sv != en && sv != fi, "{r:?}: {sv}");
        }
    }
}
