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
use crate::model::{Lang, Text};
use crate::scoring::Level;

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

fn level_word(l: Level, lang: Lang) -> &'static str {
    l.name(lang)
}

fn measure_name(m: &str, lang: Lang) -> &str {
    match (m, lang) {
        ("relational", Lang::Fi) => "suhdetaidot (kumppanuus ja empatia)",
        ("relational", Lang::En | Lang::Sv) => "relational skills (partnership and empathy)",
        ("technical", Lang::Fi) => "tekniset taidot (muutospuheen vahvistaminen ja ylläpitopuheen pehmentäminen)",
        ("technical", Lang::En | Lang::Sv) => "technical skills (cultivating change talk, softening sustain talk)",
        ("pct_cr", Lang::Fi) => "kompleksisten heijastusten osuus",
        ("pct_cr", Lang::En | Lang::Sv) => "share of complex reflections",
        ("r_q", Lang::Fi) => "heijastusten ja kysymysten suhde",
        ("r_q", Lang::En | Lang::Sv) => "reflections to questions",
        (other, _) => other,
    }
}

fn ethics_name(k: &str, lang: Lang) -> &str {
    match (k, lang) {
        ("TakesCredentials", Lang::Fi) => "pyysit tai käsittelit asiakkaan tunnuksia",
        ("TakesCredentials", Lang::En | Lang::Sv) => "you asked for or handled the client's credentials",
        ("LogsInAsClient", Lang::Fi) => "kirjauduit asiakkaana",
        ("LogsInAsClient", Lang::En | Lang::Sv) => "you logged in as the client",
        ("ActsWithoutAuthorisation", Lang::Fi) => "toimit asiakkaan puolesta ilman valtuutta",
        ("ActsWithoutAuthorisation", Lang::En | Lang::Sv) => "you acted for the client without an authorisation",
        ("DoesItForClient", Lang::Fi) => "teit asian asiakkaan puolesta",
        ("DoesItForClient", Lang::En | Lang::Sv) => "you did the task for the client",
        ("PrivacyBreach", Lang::Fi) => "asiakkaan tiedot jäivät näkyville",
        ("PrivacyBreach", Lang::En | Lang::Sv) => "the client's data was left exposed",
        ("IgnoresSafetySignal", Lang::Fi) => "ohitit turvallisuuteen liittyvän merkin",
        ("IgnoresSafetySignal", Lang::En | Lang::Sv) => "you passed over a safety signal",
        ("BeyondCompetence", Lang::Fi) => "menit osaamisesi rajojen yli",
        ("BeyondCompetence", Lang::En | Lang::Sv) => "you went beyond your competence",
        (_, Lang::Fi) => "eettinen ongelma",
        (_, Lang::En | Lang::Sv) => "an ethics problem",
    }
}

fn outcome_name(o: &str, lang: Lang) -> &str {
    match (o, lang) {
        ("Postpones", Lang::Fi) => "asiakas lykkäsi päätöstä",
        ("Postpones", Lang::En | Lang::Sv) => "the client put the decision off",
        ("Disengages", Lang::Fi) => "asiakas vetäytyi keskustelusta",
        ("Disengages", Lang::En | Lang::Sv) => "the client withdrew from the conversation",
        (_, Lang::Fi) => "keskustelu ei päättynyt hyvin",
        (_, Lang::En | Lang::Sv) => "the conversation did not end well",
    }
}

impl Reason {
    /// One sentence for the learner.
    pub fn text(&self, lang: Lang) -> String {
        let fi = lang == Lang::Fi;
        match self {
            Reason::NotAttempted => {
                if fi { "Et ole vielä harjoitellut tätä." } else { "You have not practised this yet." }.into()
            }
            Reason::NotFinished => if fi {
                "Keskustelu jäi kesken: vie se loppuun asti."
            } else {
                "The conversation was left unfinished: take it to an ending."
            }
            .into(),
            Reason::LevelTooLow { level, needed, below } => {
                let list: Vec<&str> = below.iter().map(|m| measure_name(m, lang)).collect();
                let tail = if list.is_empty() { String::new() } else { format!(" ({})", list.join(", ")) };
                if fi {
                    format!(
                        "MITI-taso oli {}, läpäisyyn tarvitaan vähintään {}{tail}.",
                        level_word(*level, lang),
                        level_word(*needed, lang)
                    )
                } else {
                    format!(
                        "Your MITI level was {}; passing needs at least {}{tail}.",
                        level_word(*level, lang),
                        level_word(*needed, lang)
                    )
                }
            }
            Reason::NoGoodEnding { outcome } => {
                let how = outcome_name(outcome.as_deref().unwrap_or(""), lang);
                if fi {
                    format!(
                        "Keskustelu ei päättynyt hyvin ({how}): tavoitteena on, että asiakas nimeää oman seuraavan askeleensa tai ohjautuu sopivaan palveluun."
                    )
                } else {
                    format!(
                        "The conversation did not end well ({how}): the aim is that the client names their own next step or is referred to a fitting service."
                    )
                }
            }
            Reason::EthicsProblems { kinds } => {
                let mut names: Vec<&str> = kinds.iter().map(|k| ethics_name(k, lang)).collect();
                names.dedup();
                if fi {
                    format!("Digituen eettiset ohjeet eivät toteutuneet: {}.", names.join("; "))
                } else {
                    format!("The ethics of digital support were not followed: {}.", names.join("; "))
                }
            }
            Reason::NotOwnWords => if fi {
                "Vastasit valitsemalla vaihtoehtoja. Se on hyvää harjoittelua, mutta osaamistavoitteeseen lasketaan vain omin sanoin kirjoitetut vastaukset: valitse aloitusnäkymästä ”Kirjoitan itse” tai ”Kirjoitan ja valitsen”."
            } else {
                "You answered by picking options. That is good practice, but only replies written in your own words count toward the learning outcome: choose ”I write” or ”I write, then pick” before you start."
            }
            .into(),
            Reason::OlderVersion { played, current } => {
                if fi {
                    format!(
                        "Harjoittelit versiota {played}; harjoitus on päivitetty (versio {current}), joten pelaa se uudelleen."
                    )
                } else {
                    format!(
                        "You played version {played}; the scenario has been updated (version {current}), so play it again."
                    )
                }
            }
            Reason::ScenarioMissing { scenario } => {
                if fi {
                    format!("Harjoitusta `{scenario}` ei ole tässä versiossa.")
                } else {
                    format!("Scenario `{scenario}` is not in this version.")
                }
            }
            Reason::ScenariosLeft { needed, remaining, names } => {
                let list = plain_list(remaining, names, lang);
                if fi {
                    format!("Läpäise vielä {needed} harjoitus{}: {list}.", if *needed == 1 { "" } else { "ta" })
                } else {
                    format!("Pass {needed} more scenario{}: {list}.", if *needed == 1 { "" } else { "s" })
                }
            }
            Reason::NoScenariosYet => if fi {
                "Tähän osaamistavoitteeseen ei ole vielä harjoituksia."
            } else {
                "There are no scenarios for this outcome yet."
            }
            .into(),
            Reason::Locked { after, started, names } => {
                let list = plain_list(after, names, lang);
                match (fi, started) {
                    (true, false) => format!("Avautuu, kun hallitset ensin: {list}."),
                    (true, true) => format!("Avautuu, kun olet läpäissyt ensin yhden harjoituksen kustakin: {list}."),
                    (false, false) => format!("Opens when you have mastered: {list}."),
                    (false, true) => format!("Opens when you have passed a scenario in each of: {list}."),
                }
            }
            Reason::OutcomesLeft { modules, names } => {
                let list = plain_list(modules, names, lang);
                if fi {
                    format!("Osaamistavoitteita vielä saavuttamatta: {list}.")
                } else {
                    format!("Outcomes not yet mastered: {list}.")
                }
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
        let fi = lang == Lang::Fi;
        match self {
            NextStep::Play { title, scenario, retry, .. } => {
                let t = if title.is_blank() { scenario.as_str() } else { title.get(lang) };
                match (fi, retry) {
                    (true, false) => format!("Seuraavaksi: harjoittele \"{t}\"."),
                    (true, true) => format!("Seuraavaksi: yritä uudelleen harjoitusta \"{t}\"."),
                    (false, false) => format!("Next: practise \"{t}\"."),
                    (false, true) => format!("Next: try \"{t}\" again."),
                }
            }
            NextStep::Certificate => if fi {
                "Kurssi on suoritettu! Tulosta todistus."
            } else {
                "The course is complete! Print your certificate."
            }
            .into(),
            NextStep::WaitForContent { modules } => {
                if fi {
                    format!(
                        "Olet läpäissyt kaikki tarjolla olevat harjoitukset. Lisää harjoituksia on tulossa: {}.",
                        modules.join(", ")
                    )
                } else {
                    format!("You have passed every scenario available. More are coming for: {}.", modules.join(", "))
                }
            }
        }
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
            let mastered = total > 0 && needed > 0 && passed >= needed;
            let mastered_at = mastered.then(|| times[needed as usize - 1]);
            let mut why_not = Vec::new();
            if total == 0 {
                why_not.push(Reason::NoScenariosYet);
            } else if !mastered {
                let remaining: Vec<String> = scenarios.iter().filter(|s| !s.passed).map(|s| s.id.clone()).collect();
                let names = remaining
                    .iter()
                    .map(|id| scenarios.iter().find(|s| &s.id == id).map_or_else(Text::default, |s| s.title.clone()))
                    .collect();
                why_not.push(Reason::ScenariosLeft { needed: needed.saturating_sub(passed).max(1), remaining, names });
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
        let fi = lang == Lang::Fi;
        let n = self.points.len();
        let num = |x: f32| {
            let s = format!("{x:+.1}");
            if fi { s.replace('.', ",") } else { s }
        };
        let head = match (self.direction, fi) {
            (Direction::First, true) => return "Ensimmäinen yrityksesi tässä harjoituksessa.".into(),
            (Direction::First, false) => return "Your first attempt at this scenario.".into(),
            (Direction::Better, true) => format!("Parempi kuin edellisellä kerralla (yritys {n})."),
            (Direction::Better, false) => format!("Better than last time (attempt {n})."),
            (Direction::Same, true) => format!("Samaa tasoa kuin edellisellä kerralla (yritys {n})."),
            (Direction::Same, false) => format!("About the same as last time (attempt {n})."),
            (Direction::Worse, true) => format!("Heikompi kuin edellisellä kerralla (yritys {n})."),
            (Direction::Worse, false) => format!("Not as good as last time (attempt {n})."),
        };
        let mut parts = Vec::new();
        if let Some(d) = self.vs_previous {
            if let Some(r) = d.relational.filter(|v| v.abs() >= 0.05) {
                parts.push(format!("{} {}", if fi { "suhdetaidot" } else { "relational" }, num(r)));
            }
            if let Some(t) = d.technical.filter(|v| v.abs() >= 0.05) {
                parts.push(format!("{} {}", if fi { "tekniset taidot" } else { "technical" }, num(t)));
            }
        }
        if parts.is_empty() { head } else { format!("{head} {}.", capitalise(&parts.join(", "))) }
    }
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
    use crate::course::load::{KnownScenario, load_course};
    use crate::course::progress::tests::attempt;
    use crate::course::{MinLevel, progress::SummaryLevels};

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
            crate::course::load::resolve(&mut c2, &fewer);
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
        }
    }
}
