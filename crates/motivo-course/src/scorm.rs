//! SCORM 1.2: the values the web app reports to an LMS (`cmi.core.*`), and the compact `cmi.suspend_data`
//! encoding of the learner's progress. Pure functions; the app's JavaScript shim (`crates/motivo-app/web/lms.js`)
//! does the talking. `docs/scorm.md` documents the package, these rules and the format.
//!
//! # Score and status
//!
//! Both come from [`overview`] under the course's own rules (`docs/progress.md`):
//!
//! - **required** = the sum over the modules that count for completion (every module under `AllModules`; those
//!   with scenarios under `AvailableModules`) of the passed scenarios each needs (`needed`: all of its scenarios,
//!   or `n` for `AtLeast(n)`). **credited** = the same sum of `min(passed, needed)`. For a course whose modules
//!   all use `AllPassed` this is simply "passed scenarios ÷ scenarios of the course".
//! - `cmi.core.score.raw` = `round(100 × credited ÷ required)` (0 when nothing is required), on 0–100.
//! - `cmi.core.lesson_status`:
//!   - `passed` when the course is complete (`Overview::complete`);
//!   - `completed` when it is not, yet every counted module that has scenarios is mastered (score 100): the
//!     course stays open only because outcomes without scenarios yet (`planned`) keep it so. The learner has
//!     done everything the course offers now; a later content update may turn the status back to `incomplete`;
//!   - `failed` when some required passes are missing and every scenario of every counted, not yet mastered
//!     module has at least one attempt that reached an ending (the learner has tried everything still needed
//!     and can try again: a later pass turns it into `completed` or `passed`);
//!   - `incomplete` otherwise (something still needed has not been played to an ending).
//! - `cmi.core.exit` = `""` (normal exit) when passed, else `suspend`.
//!
//! # suspend_data
//!
//! SCORM 1.2 allows 4,096 characters. [`encode_suspend`] writes plain printable ASCII, never longer than
//! [`SUSPEND_MAX`]: a version tag, the scenario ids, one short record per kept attempt (uid, id, version, start,
//! duration, finished, good ending, levels, outcome, exact relational and technical scores, rounded R:Q, %CR and
//! change talk, reply counts, ethics kinds), counts of attempts left out, and a checksum. Replies, report texts,
//! titles, seeds and ending ids are never kept. When all attempts do not fit, the attempts that decide mastery
//! are kept first and the oldest of the others are left out (counted; [`decode_suspend`] puts back
//! [placeholders](is_placeholder) so attempt counts stay right). See `docs/scorm.md` for the grammar.

use std::collections::{BTreeMap, BTreeSet};

use super::load::KnownScenario;
use super::mastery::{Overview, overview, scenario_passes};
use super::progress::{Attempt, CURRENT_SCHEMA, Progress, ReportSummary, SummaryLevels};
use super::time::Timestamp;
use super::uid::Uid;
use super::{CompleteRule, Course, MinLevel, PassRule};
use motivo_engine::model::{Lang, Text};
use motivo_engine::scoring::Level;

/// The SCORM 1.2 limit of `cmi.suspend_data` (CMIString4096).
pub const SUSPEND_MAX: usize = 4096;

/// The limit of `cmi.core.lesson_location` (CMIString255).
pub const LOCATION_MAX: usize = 255;

/// The version tag that starts the suspend data.
const TAG: &str = "MS1";

/// The uid prefix of placeholder attempts (attempts the suspend data counted but could not keep).
pub const PLACEHOLDER_UID: &str = "scorm-omitted:";

/// `cmi.core.lesson_status`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LessonStatus {
    Passed,
    Completed,
    Failed,
    Incomplete,
}

impl LessonStatus {
    /// The SCORM 1.2 vocabulary word.
    pub fn as_str(self) -> &'static str {
        match self {
            LessonStatus::Passed => "passed",
            LessonStatus::Completed => "completed",
            LessonStatus::Failed => "failed",
            LessonStatus::Incomplete => "incomplete",
        }
    }
}

/// The SCORM values the app sets after each recorded attempt (`score.min` is always 0, `score.max` 100).
#[derive(Debug, Clone, PartialEq)]
pub struct Cmi {
    /// `cmi.core.lesson_location`, at most [`LOCATION_MAX`] characters.
    pub lesson_location: String,
    /// `cmi.core.score.raw`, 0–100.
    pub score_raw: u32,
    pub lesson_status: LessonStatus,
    /// `cmi.core.exit`: `suspend`, or `""` once passed.
    pub exit: &'static str,
    /// `cmi.suspend_data`, at most [`SUSPEND_MAX`] printable ASCII characters.
    pub suspend_data: String,
}

/// The SCORM values for this progress. `location` is where the learner is (a scenario id); it is cut to
/// [`LOCATION_MAX`] characters.
pub fn cmi(course: &Course, known: &[KnownScenario], progress: &Progress, location: &str) -> Cmi {
    let ov = overview(course, known, progress);
    let (credited, required) = credit(course, &ov);
    let score_raw = if required == 0 { 0 } else { ((200 * credited + required) / (2 * required)).min(100) };
    let lesson_status = status(course, &ov, progress, credited, required);
    Cmi {
        lesson_location: location.chars().take(LOCATION_MAX).collect(),
        score_raw,
        lesson_status,
        exit: if lesson_status == LessonStatus::Passed { "" } else { "suspend" },
        suspend_data: encode_with(progress, Some((course, known))),
    }
}

/// Whether a module counts for completion under the course's rule.
fn counted(course: &Course, m: &super::ModuleStatus) -> bool {
    match course.complete {
        CompleteRule::AllModules => true,
        CompleteRule::AvailableModules => !m.scenarios.is_empty(),
    }
}

/// (credited, required) passes, see the module docs.
fn credit(course: &Course, ov: &Overview) -> (u32, u32) {
    ov.modules
        .iter()
        .filter(|m| counted(course, m))
        .fold((0, 0), |(c, r), m| (c + m.passed.min(m.needed), r + m.needed))
}

fn status(course: &Course, ov: &Overview, progress: &Progress, credited: u32, required: u32) -> LessonStatus {
    if ov.complete {
        return LessonStatus::Passed;
    }
    if required > 0 && credited >= required {
        return LessonStatus::Completed;
    }
    let mut open = ov.modules.iter().filter(|m| counted(course, m) && m.needed > 0 && !m.mastered).peekable();
    if required > 0 && open.peek().is_some() {
        let all_tried = open.all(|m| {
            m.scenarios.iter().all(|s| progress.attempts_of(&s.id).any(|a| a.summary.finished && !is_placeholder(a)))
        });
        if all_tried {
            return LessonStatus::Failed;
        }
    }
    LessonStatus::Incomplete
}

/// Whether `attempt` is a placeholder made by [`decode_suspend`] for an attempt the suspend data only counted.
/// Placeholders never pass, never rank above a real attempt, and carry no data; screens may leave them out of
/// lists and trends.
pub fn is_placeholder(attempt: &Attempt) -> bool {
    attempt.uid.starts_with(PLACEHOLDER_UID)
}

/// Merges progress decoded from `cmi.suspend_data` into the local progress. Real attempts are added by `uid`
/// (as [`Progress::merge`]); placeholders only as far as the local progress has fewer attempts of their scenario
/// than `from_lms`, so merging the LMS copy of this same progress adds nothing, and merging twice is the same as
/// merging once. Returns how many attempts were added.
pub fn merge(local: &mut Progress, from_lms: &Progress) -> usize {
    let real = Progress {
        attempts: from_lms.attempts.iter().filter(|a| !is_placeholder(a)).cloned().collect(),
        ..from_lms.clone()
    };
    let mut added = local.merge(&real);
    let mut lms_counts: BTreeMap<&str, usize> = BTreeMap::new();
    for a in &from_lms.attempts {
        *lms_counts.entry(&a.scenario).or_default() += 1;
    }
    for a in from_lms.attempts.iter().filter(|a| is_placeholder(a)) {
        let have = local.attempts_of(&a.scenario).count();
        if have < lms_counts[a.scenario.as_str()] && !local.attempts.iter().any(|b| b.uid == a.uid) {
            local.add(a.clone());
            added += 1;
        }
    }
    added
}

/// Compact encoding of the learner's progress for `cmi.suspend_data`: always at most [`SUSPEND_MAX`] characters
/// of plain printable ASCII (SCORM CMIString4096). Keeps what mastery needs (per scenario the attempts that decide
/// pass or fail and their dates, and the counts), drops replies and full reports; if still too long, leaves out
/// the oldest attempts that decide nothing (counting them).
///
/// Without the course, the attempts that decide are chosen for every variant of the pass rule; [`cmi`] puts the
/// ones that decide under the course's actual rules first.
pub fn encode_suspend(progress: &Progress) -> String {
    encode_with(progress, None)
}

/// The inverse of [`encode_suspend`]: a progress whose [`overview`] gives the same mastery, passes, dates, best
/// attempts and attempt counts as the original's. Errors, never panics, on damaged text, text that is not
/// Motivo's, or an unknown version.
pub fn decode_suspend(text: &str) -> Result<Progress, SuspendError> {
    decode_suspend_text(text)
}

/// Why `cmi.suspend_data` could not be read (damaged, not Motivo's, or an unknown version); the text says which.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SuspendError(pub String);

impl std::fmt::Display for SuspendError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for SuspendError {}

/// A [`SuspendError`] from a format string.
macro_rules! bad {
    ($($t:tt)*) => {
        SuspendError(format!($($t)*))
    };
}

impl From<String> for SuspendError {
    fn from(s: String) -> Self {
        SuspendError(s)
    }
}

impl From<&str> for SuspendError {
    fn from(s: &str) -> Self {
        SuspendError(s.to_owned())
    }
}

fn decode_suspend_text(text: &str) -> Result<Progress, SuspendError> {
    let text = text.trim();
    if text.is_empty() {
        return Err("the suspend data is empty".into());
    }
    if !text.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        return Err("the suspend data is not printable ASCII".into());
    }
    let tag = text.split('|').next().unwrap_or("");
    if tag != TAG {
        return Err(if tag.starts_with("MS") && tag.len() <= 4 {
            bad!("unknown suspend data version `{tag}` (this Motivo reads {TAG})")
        } else {
            "the suspend data is not Motivo's".into()
        });
    }
    let (body, sum) = text.rsplit_once('|').ok_or("the suspend data has no checksum")?;
    if b62(u64::from(checksum(body))) != sum {
        return Err("the suspend data is damaged (checksum)".into());
    }
    let parts: Vec<&str> = body.split('|').collect();
    let [_, next_id, t0, learner, scenarios, records, omitted] = parts[..] else {
        return Err(bad!("the suspend data has {} sections, not 7", parts.len()));
    };
    let next_id = unb62(next_id)?;
    let t0 = unsb62(t0)?;
    let learner = if learner.is_empty() { None } else { Some(unesc(learner)?) };
    let mut table: Vec<(String, String)> = Vec::new();
    for entry in split_nonempty(scenarios, ';') {
        let (id, module) = entry.split_once('.').unwrap_or((entry, ""));
        let id = unesc(id)?;
        if id.is_empty() {
            return Err("empty scenario id".into());
        }
        table.push((id, unesc(module)?));
    }
    let scenario = |field: &str| -> Result<&(String, String), SuspendError> {
        let i = unb62(field)?;
        table.get(usize::try_from(i).map_err(|_| "scenario index")?).ok_or_else(|| bad!("no scenario #{i}"))
    };

    let mut attempts = Vec::new();
    let mut prev_id: i64 = 0;
    for record in split_nonempty(records, ';') {
        let f: Vec<&str> = record.split(',').collect();
        if f.len() < 7 || f.len() > 17 {
            return Err(bad!("an attempt record has {} fields", f.len()));
        }
        let field = |i: usize| f.get(i).copied().unwrap_or("");
        let id = prev_id.checked_add(unsb62(field(1))?).filter(|&id| id > 0).ok_or("bad attempt id")?;
        prev_id = id;
        let (scen, module) = scenario(field(2))?;
        let flags = unb62(field(6))?;
        if flags >= 1 << 6 {
            return Err("bad attempt flags".into());
        }
        let levels = match field(7) {
            "" => None,
            l if l.len() == 4 => {
                let v: Vec<Level> = l.chars().map(level_of_char).collect::<Result<_, _>>()?;
                Some(SummaryLevels { relational: v[0], technical: v[1], pct_cr: v[2], r_q: v[3] })
            }
            _ => return Err("bad MITI levels".into()),
        };
        let outcome = match field(8) {
            "" => None,
            "N" => Some("NextStep".to_owned()),
            "R" => Some("Referral".to_owned()),
            "P" => Some("Postpones".to_owned()),
            "D" => Some("Disengages".to_owned()),
            o => Some(unesc(o.strip_prefix('~').ok_or("bad outcome")?)?),
        };
        let ethics = split_nonempty(field(16), '.')
            .map(|t| match t.strip_prefix('~') {
                Some(name) => unesc(name),
                None => ETHICS
                    .iter()
                    .find(|(c, _)| *c == t)
                    .map(|(_, n)| (*n).to_owned())
                    .ok_or_else(|| bad!("unknown ethics code `{t}`")),
            })
            .collect::<Result<Vec<_>, _>>()?;
        let secs = unb62(field(5))?;
        attempts.push(Attempt {
            id: id as u64,
            uid: unpack_uid(field(0))?,
            scenario: scen.clone(),
            scenario_version: u32::try_from(unb62(field(3))?).map_err(|_| "bad version")?,
            title: Text::default(),
            module: module.clone(),
            lang: if flags & 16 != 0 { Lang::En } else { Lang::Fi },
            seed: 0,
            started: Timestamp(t0.checked_add(unsb62(field(4))?).ok_or("bad start time")?),
            duration_ms: secs.checked_mul(1000).ok_or("bad duration")?,
            replies: Vec::new(),
            summary: ReportSummary {
                finished: flags & 1 != 0,
                ending: None,
                outcome,
                good_ending: flags & 2 != 0,
                level: level_of_num((flags >> 2) & 3)?,
                levels,
                relational: float(field(9))?,
                technical: float(field(10))?,
                r_q: float(field(11))?,
                pct_cr: float(field(12))?,
                change_talk_pct: float(field(13))?,
                replies: count(field(14))?,
                mi_consistent_replies: count(field(15))?,
                ethics,
                own_words: flags & 32 != 0,
            },
            report: None,
            migrated_from: None,
        });
    }

    // Placeholders take the ids not in use, smallest first, given first to the scenarios whose last kept attempt
    // has the smallest id, so that each scenario's last attempt stays its last (as in the original, where every
    // left-out attempt came before it).
    let mut entries = Vec::new();
    for entry in split_nonempty(omitted, ';') {
        let f: Vec<&str> = entry.split('.').collect();
        let [idx, n, started] = f[..] else {
            return Err("bad omitted-attempts entry".into());
        };
        let (scen, module) = scenario(idx)?;
        let n = unb62(n)?;
        if n == 0 || n > super::progress::MAX_ATTEMPTS as u64 {
            return Err("bad omitted-attempts count".into());
        }
        let started = Timestamp(t0.checked_add(unsb62(started)?).ok_or("bad start time")?);
        let last = attempts.iter().filter(|a| a.scenario == *scen).map(|a| a.id).max().unwrap_or(u64::MAX);
        entries.push((last, scen, module, n, started));
    }
    entries.sort_by_key(|e| e.0);
    let used: BTreeSet<u64> = attempts.iter().map(|a| a.id).collect();
    let mut free = (1u64..).filter(|i| !used.contains(i));
    let mut placeholders = Vec::new();
    for (_, scen, module, n, started) in entries {
        for k in 0..n {
            placeholders.push(placeholder(free.next().unwrap_or(u64::MAX), scen, module, k, started));
        }
    }
    placeholders.append(&mut attempts);
    let attempts = placeholders;
    let max_id = attempts.iter().map(|a| a.id).max().unwrap_or(0);
    Ok(Progress {
        schema: CURRENT_SCHEMA,
        written_by: "scorm suspend_data".into(),
        next_id: next_id.max(max_id.saturating_add(1)).max(1),
        learner,
        attempts,
    })
}

fn placeholder(id: u64, scenario: &str, module: &str, k: u64, started: Timestamp) -> Attempt {
    Attempt {
        id,
        uid: format!("{PLACEHOLDER_UID}{scenario}:{k}"),
        scenario: scenario.to_owned(),
        // Version 0, unfinished, below fair and with an ethics problem: under every pass rule it has as many
        // reasons not to pass as any attempt can have, and the lowest rank, so it never decides anything.
        scenario_version: 0,
        title: Text::default(),
        module: module.to_owned(),
        lang: Lang::Fi,
        seed: 0,
        started,
        duration_ms: 0,
        replies: Vec::new(),
        summary: ReportSummary {
            finished: false,
            ending: None,
            outcome: None,
            good_ending: false,
            level: Level::BelowFair,
            levels: None,
            relational: None,
            technical: None,
            r_q: None,
            pct_cr: None,
            change_talk_pct: None,
            replies: 0,
            mi_consistent_replies: 0,
            ethics: vec!["Unknown".to_owned()],
            own_words: false,
        },
        report: None,
        migrated_from: None,
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Choosing what to keep.

/// Priorities: lower is kept longer.
const DECIDES_NOW: u8 = 0;
const LAST: u8 = 1;
const DECIDES_SOME_RULE: u8 = 2;
const OTHER: u8 = 3;

/// Every pass rule a course could use.
fn all_rules() -> Vec<PassRule> {
    let mut rules = Vec::new();
    for min_level in [MinLevel::BelowFair, MinLevel::Fair, MinLevel::Good] {
        for require_good_ending in [true, false] {
            for allow_ethics_violations in [false, true] {
                for accept_older_versions in [true, false] {
                    for require_own_words in [true, false] {
                        rules.push(PassRule {
                            min_level,
                            require_good_ending,
                            allow_ethics_violations,
                            accept_older_versions,
                            require_own_words,
                        });
                    }
                }
            }
        }
    }
    rules
}

/// Marks, among the attempts `list` (indices into `all`) of one scenario, the ones that decide the scenario's
/// status under `rule`: the first pass (dates it), the best, and the one closest to passing (gives the reasons).
fn mark_deciding(all: &[Attempt], list: &[usize], rule: &PassRule, current: Option<u32>, prio: &mut [u8], p: u8) {
    let judged: Vec<(usize, usize)> =
        list.iter().map(|&i| (i, scenario_passes(&all[i], rule, current).len())).collect();
    let a = |i: usize| &all[i];
    let first_pass = judged.iter().filter(|(_, n)| *n == 0).min_by_key(|(i, _)| (a(*i).ended(), a(*i).id));
    let best = judged.iter().max_by_key(|(i, n)| (*n == 0, std::cmp::Reverse(*n), a(*i).rank(), a(*i).id));
    let closest = judged.iter().min_by_key(|(i, n)| (*n, std::cmp::Reverse(a(*i).rank()), std::cmp::Reverse(a(*i).id)));
    for (i, _) in [first_pass, best, closest].into_iter().flatten() {
        prio[*i] = prio[*i].min(p);
    }
}

/// The attempt indices in the order they are kept (most important first).
fn keep_order(progress: &Progress, course: Option<(&Course, &[KnownScenario])>) -> Vec<usize> {
    let all = &progress.attempts;
    let mut by_scenario: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, a) in all.iter().enumerate() {
        by_scenario.entry(&a.scenario).or_default().push(i);
    }
    let mut prio = vec![OTHER; all.len()];
    let rules = all_rules();
    for (scenario, list) in &by_scenario {
        let seen = list.iter().map(|&i| all[i].scenario_version).max();
        match course {
            Some((course, known)) => {
                let current = known.iter().find(|k| k.id == *scenario).map(|k| k.version);
                for m in course.modules.iter().filter(|m| m.all_scenarios().iter().any(|s| s == scenario)) {
                    mark_deciding(all, list, m.pass_rule(course), current, &mut prio, DECIDES_NOW);
                }
                for rule in &rules {
                    mark_deciding(all, list, rule, current.or(seen), &mut prio, DECIDES_SOME_RULE);
                }
            }
            None => {
                mark_deciding(all, list, &PassRule::default(), seen, &mut prio, DECIDES_NOW);
                for rule in &rules {
                    mark_deciding(all, list, rule, seen, &mut prio, DECIDES_SOME_RULE);
                }
            }
        }
        if let Some(&last) = list.iter().max_by_key(|&&i| all[i].id) {
            prio[last] = prio[last].min(LAST);
        }
    }
    let mut order: Vec<usize> = (0..all.len()).collect();
    // Within a priority, newer attempts first: the oldest are left out first.
    order.sort_by_key(|&i| (prio[i], std::cmp::Reverse((all[i].started, all[i].id))));
    order
}

fn encode_with(progress: &Progress, course: Option<(&Course, &[KnownScenario])>) -> String {
    let n = progress.attempts.len();
    let order = keep_order(progress, course);
    let learner = progress.learner.as_deref().map(esc).filter(|l| l.len() <= 300).unwrap_or_default();
    let with = |k: usize, omit_limit: usize| {
        let mut keep = vec![false; n];
        for &i in &order[..k] {
            keep[i] = true;
        }
        write(progress, &keep, &learner, omit_limit)
    };
    let full = with(n, usize::MAX);
    if full.len() <= SUSPEND_MAX {
        return full;
    }
    // The largest k whose encoding fits (the length grows with k).
    let (mut lo, mut hi) = (0, n);
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if with(mid, usize::MAX).len() <= SUSPEND_MAX { lo = mid } else { hi = mid - 1 }
    }
    let mut k = lo;
    loop {
        let text = with(k, usize::MAX);
        if text.len() <= SUSPEND_MAX {
            return text;
        }
        if k == 0 {
            break;
        }
        k -= 1;
    }
    // Not even the counts fit (hundreds of scenarios): keep as many counts as fit.
    let mut limit = n;
    loop {
        let text = with(0, limit);
        if text.len() <= SUSPEND_MAX || limit == 0 {
            return text;
        }
        limit /= 2;
    }
}

// ---------------------------------------------------------------------------------------------------------------
// The text format.

/// Ethics kind names and their one-letter codes.
const ETHICS: [(&str, &str); 7] = [
    ("T", "TakesCredentials"),
    ("L", "LogsInAsClient"),
    ("A", "ActsWithoutAuthorisation"),
    ("D", "DoesItForClient"),
    ("P", "PrivacyBreach"),
    ("S", "IgnoresSafetySignal"),
    ("B", "BeyondCompetence"),
];

fn level_num(l: Level) -> u64 {
    match l {
        Level::BelowFair => 0,
        Level::Fair => 1,
        Level::Good => 2,
    }
}

fn level_of_num(n: u64) -> Result<Level, SuspendError> {
    match n {
        0 => Ok(Level::BelowFair),
        1 => Ok(Level::Fair),
        2 => Ok(Level::Good),
        _ => Err("bad MITI level".into()),
    }
}

fn level_of_char(c: char) -> Result<Level, SuspendError> {
    level_of_num(c.to_digit(10).map_or(9, u64::from))
}

/// Writes the suspend data with the attempts marked in `keep`; the others are counted per scenario (at most
/// `omit_limit` scenarios' counts).
fn write(progress: &Progress, keep: &[bool], learner: &str, omit_limit: usize) -> String {
    let all = &progress.attempts;
    let t0 = all.iter().map(|a| a.started.0).min().unwrap_or(0);
    // Omitted attempts per scenario: (count, earliest start), in order of first appearance.
    let mut omitted: Vec<(&str, u64, i64)> = Vec::new();
    for (a, _) in all.iter().zip(keep).filter(|(_, k)| !**k) {
        match omitted.iter_mut().find(|(s, _, _)| *s == a.scenario) {
            Some(e) => {
                e.1 += 1;
                e.2 = e.2.min(a.started.0);
            }
            None => omitted.push((&a.scenario, 1, a.started.0)),
        }
    }
    omitted.truncate(omit_limit);
    // The scenario table: the scenarios named by kept attempts or counts, with the latest module seen.
    let mut table: Vec<(&str, &str)> = Vec::new();
    let named: BTreeSet<&str> = all
        .iter()
        .zip(keep)
        .filter(|(_, k)| **k)
        .map(|(a, _)| a.scenario.as_str())
        .chain(omitted.iter().map(|o| o.0))
        .collect();
    for a in all {
        if !named.contains(a.scenario.as_str()) {
            continue;
        }
        match table.iter_mut().find(|(s, _)| *s == a.scenario) {
            Some(e) => e.1 = &a.module,
            None => table.push((&a.scenario, &a.module)),
        }
    }
    let index = |s: &str| b62(table.iter().position(|(t, _)| *t == s).unwrap_or(0) as u64);
    let scenarios: Vec<String> =
        table.iter().map(|(s, m)| if m.is_empty() { esc(s) } else { format!("{}.{}", esc(s), esc(m)) }).collect();

    let mut records = Vec::new();
    let mut prev_id: i64 = 0;
    for (a, _) in all.iter().zip(keep).filter(|(_, k)| **k) {
        let s = &a.summary;
        let id = i64::try_from(a.id).unwrap_or(i64::MAX);
        let flags = u64::from(s.finished)
            | (u64::from(s.good_ending) << 1)
            | (level_num(s.level) << 2)
            | (u64::from(a.lang == Lang::En) << 4)
            | (u64::from(s.own_words) << 5);
        let levels = s.levels.map_or(String::new(), |l| {
            [l.relational, l.technical, l.pct_cr, l.r_q].iter().map(|&v| level_num(v).to_string()).collect()
        });
        let outcome = match s.outcome.as_deref() {
            None => String::new(),
            Some("NextStep") => "N".into(),
            Some("Referral") => "R".into(),
            Some("Postpones") => "P".into(),
            Some("Disengages") => "D".into(),
            Some(o) => format!("~{}", esc(o)),
        };
        let ethics: Vec<String> = s
            .ethics
            .iter()
            .map(|k| ETHICS.iter().find(|(_, n)| n == k).map_or_else(|| format!("~{}", esc(k)), |(c, _)| (*c).into()))
            .collect();
        let mut fields = vec![
            pack_uid(&a.uid),
            sb62(id.saturating_sub(prev_id)),
            index(&a.scenario),
            b62(u64::from(a.scenario_version)),
            sb62(a.started.0.saturating_sub(t0)),
            b62(a.duration_ms / 1000),
            b62(flags),
            levels,
            outcome,
            exact(s.relational),
            exact(s.technical),
            rounded(s.r_q),
            rounded(s.pct_cr),
            rounded(s.change_talk_pct),
            b62(u64::from(s.replies)),
            b62(u64::from(s.mi_consistent_replies)),
            ethics.join("."),
        ];
        prev_id = id;
        while fields.len() > 7 && fields.last().is_some_and(String::is_empty) {
            fields.pop();
        }
        records.push(fields.join(","));
    }
    let omitted: Vec<String> =
        omitted.iter().map(|(s, n, t)| format!("{}.{}.{}", index(s), b62(*n), sb62(t.saturating_sub(t0)))).collect();
    let body = format!(
        "{TAG}|{}|{}|{learner}|{}|{}|{}",
        b62(progress.next_id),
        sb62(t0),
        scenarios.join(";"),
        records.join(";"),
        omitted.join(";")
    );
    let sum = b62(u64::from(checksum(&body)));
    format!("{body}|{sum}")
}

fn split_nonempty(s: &str, sep: char) -> impl Iterator<Item = &str> {
    s.split(sep).filter(|p| !p.is_empty())
}

/// FNV-1a, 32 bits.
fn checksum(s: &str) -> u32 {
    s.bytes().fold(0x811c_9dc5u32, |h, b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193))
}

const B62: &[u8; 62] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

fn b62(mut n: u64) -> String {
    let mut out = Vec::new();
    loop {
        out.push(B62[(n % 62) as usize]);
        n /= 62;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

fn unb62(s: &str) -> Result<u64, SuspendError> {
    if s.is_empty() {
        return Err("a number is missing".into());
    }
    s.bytes().try_fold(0u64, |n, c| {
        let d = B62.iter().position(|&x| x == c).ok_or_else(|| bad!("bad number `{s}`"))?;
        n.checked_mul(62).and_then(|n| n.checked_add(d as u64)).ok_or_else(|| bad!("number too large `{s}`"))
    })
}

fn sb62(n: i64) -> String {
    if n < 0 { format!("-{}", b62(n.unsigned_abs())) } else { b62(n as u64) }
}

fn unsb62(s: &str) -> Result<i64, SuspendError> {
    let (neg, digits) = s.strip_prefix('-').map_or((false, s), |d| (true, d));
    let n = unb62(digits)?;
    let n = i64::try_from(n).map_err(|_| bad!("number too large `{s}`"))?;
    Ok(if neg { -n } else { n })
}

fn count(s: &str) -> Result<u32, SuspendError> {
    if s.is_empty() {
        return Ok(0);
    }
    u32::try_from(unb62(s)?).map_err(|_| "count too large".into())
}

/// A score kept exactly (the shortest text that reads back as the same `f32`).
fn exact(v: Option<f32>) -> String {
    v.filter(|v| v.is_finite()).map_or(String::new(), |v| v.to_string())
}

/// A measure kept to two decimals (R:Q, %CR, % change talk: trends only, never mastery).
fn rounded(v: Option<f32>) -> String {
    v.filter(|v| v.is_finite()).map_or(String::new(), |v| {
        let t = format!("{v:.2}");
        let t = t.trim_end_matches('0').trim_end_matches('.');
        if t == "-0" { "0".into() } else { t.to_owned() }
    })
}

fn float(s: &str) -> Result<Option<f32>, SuspendError> {
    if s.is_empty() {
        return Ok(None);
    }
    if !s.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b'-') {
        return Err(bad!("bad number `{s}`"));
    }
    s.parse::<f32>().map(Some).map_err(|_| bad!("bad number `{s}`")).and_then(|v| match v {
        Some(v) if v.is_finite() => Ok(Some(v)),
        _ => Err(bad!("bad number `{s}`")),
    })
}

/// Percent-escapes everything but ASCII letters, digits, `-` and `_` (UTF-8 bytes as `%XX`).
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b == b'-' || b == b'_' {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn unesc(s: &str) -> Result<String, SuspendError> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = s.get(i + 1..i + 3).ok_or("cut-off escape")?;
                out.push(u8::from_str_radix(hex, 16).map_err(|_| bad!("bad escape `%{hex}`"))?);
                i += 3;
            }
            b if b.is_ascii_alphanumeric() || b == b'-' || b == b'_' => {
                out.push(b);
                i += 1;
            }
            b => return Err(bad!("unexpected `{}`", b as char)),
        }
    }
    String::from_utf8(out).map_err(|_| "escaped text is not UTF-8".into())
}

/// A store uid as `*` and its five numbers in base 62; any other uid escaped.
fn pack_uid(uid: &str) -> String {
    match Uid::parse(uid) {
        Some(u) => format!("*{}", u.parts().map(b62).join(".")),
        None => esc(uid),
    }
}

fn unpack_uid(s: &str) -> Result<String, SuspendError> {
    match s.strip_prefix('*') {
        Some(rest) => {
            let v: Vec<u64> = rest.split('.').map(unb62).collect::<Result<_, _>>()?;
            let v: [u64; 5] = v.try_into().map_err(|_| "bad uid")?;
            Ok(Uid::from_parts(v).ok_or("bad uid")?.to_string())
        }
        None => unesc(s),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load_course;
    use crate::progress::tests::attempt;

    const T: i64 = 1_800_000_000;

    fn course(complete: &str, extra_module: &str) -> (Course, Vec<KnownScenario>) {
        course_with(complete, extra_module, 0)
    }

    /// Modules `one` (a1, a2) and `two` (b1, and `extra-0` … `extra-{extras - 1}`), then `extra_module`.
    fn course_with(complete: &str, extra_module: &str, extras: usize) -> (Course, Vec<KnownScenario>) {
        let mut known =
            vec![KnownScenario::new("a1", "one"), KnownScenario::new("a2", "one"), KnownScenario::new("b1", "two")];
        known.extend((0..extras).map(|i| KnownScenario::new(&format!("extra-{i}"), "two")));
        // The app knows its scenarios' titles (the suspend data does not keep them).
        for k in &mut known {
            k.title = Text::new(&k.id, &k.id);
        }
        let text = format!(
            "Course(id: \"c\", version: 1, title: (fi: \"K\", en: \"C\"), complete: {complete}, modules: [
                (id: \"one\", title: (fi: \"Yksi\", en: \"One\"), outcome: (fi: \"O\", en: \"O\")),
                (id: \"two\", title: (fi: \"Kaksi\", en: \"Two\"), outcome: (fi: \"O\", en: \"O\"),
                 unlock: AfterStarted([\"one\"])),
                {extra_module}
            ])"
        );
        let loaded = load_course(text.as_bytes(), &known);
        assert!(!loaded.has_errors(), "{:#?}", loaded.diagnostics);
        (loaded.ok().unwrap(), known)
    }

    fn with_store_uid(mut a: Attempt, n: u64) -> Attempt {
        let uid =
            Uid { secs: a.started.0 as u64, nanos: 123_456_789, pid: 4242, n, seed: 0x9e37_79b9_7f4a_7c15u64 ^ n };
        a.uid = uid.to_string();
        a
    }

    fn progress(attempts: Vec<Attempt>) -> Progress {
        let mut p = Progress::default();
        for a in attempts {
            p.add(a);
        }
        p
    }

    fn varied() -> Progress {
        let mut fail_ethics = attempt("a1", T, Level::Good, true, 2);
        fail_ethics.summary.ethics = vec!["TakesCredentials".into(), "CustomKind ä".into()];
        let mut unfinished = attempt("a2", T + 50, Level::BelowFair, false, 0);
        unfinished.summary.finished = false;
        unfinished.summary.outcome = None;
        let mut odd = attempt("b1", T + 400, Level::Good, true, 0);
        odd.summary.outcome = Some("Something, else|;".into());
        odd.summary.levels = Some(SummaryLevels {
            relational: Level::Good,
            technical: Level::Fair,
            pct_cr: Level::Good,
            r_q: Level::BelowFair,
        });
        odd.summary.relational = Some(3.6666667);
        odd.summary.r_q = Some(1.3333334);
        odd.lang = Lang::En;
        odd.uid = "odd uid with spaces, commas; and ümlauts|*".into();
        let mut p = progress(vec![
            with_store_uid(fail_ethics, 1),
            with_store_uid(attempt("a1", T + 100, Level::Fair, true, 0), 2),
            with_store_uid(unfinished, 3),
            with_store_uid(attempt("a2", T + 200, Level::Fair, false, 0), 4),
            with_store_uid(attempt("b1", T + 300, Level::BelowFair, true, 0), 5),
            odd,
        ]);
        p.learner = Some("Äänekoski Öljy-Östen".into());
        p
    }

    #[test]
    fn round_trip_keeps_the_overview() {
        let (c, known) = course("AllModules", "");
        let p = varied();
        let text = encode_suspend(&p);
        assert!(text.len() <= SUSPEND_MAX);
        assert!(text.bytes().all(|b| (0x20..0x7f).contains(&b)), "{text}");
        let q = decode_suspend(&text).unwrap();
        assert_eq!(overview(&c, &known, &q), overview(&c, &known, &p));
        assert_eq!(q.learner, p.learner);
        assert_eq!(q.next_id, p.next_id);
        for (a, b) in p.attempts.iter().zip(&q.attempts) {
            assert_eq!((&a.uid, a.id, a.started, a.ended()), (&b.uid, b.id, b.started, b.ended()));
            assert_eq!(a.summary.ethics, b.summary.ethics);
            assert_eq!(a.summary.outcome, b.summary.outcome);
            assert_eq!(a.summary.levels, b.summary.levels);
            assert_eq!((a.summary.relational, a.summary.technical), (b.summary.relational, b.summary.technical));
            assert_eq!(a.lang, b.lang);
            let close = |x: Option<f32>, y: Option<f32>| match (x, y) {
                (Some(x), Some(y)) => (x - y).abs() <= 0.005,
                (x, y) => x == y,
            };
            assert!(close(a.summary.r_q, b.summary.r_q));
            assert!(close(a.summary.pct_cr, b.summary.pct_cr));
        }
        // Encoding the decoded progress gives the same text.
        assert_eq!(encode_suspend(&q), text);
        // Merging into the progress it came from adds nothing; into an empty one twice, once.
        let mut same = p.clone();
        assert_eq!(merge(&mut same, &q), 0);
        assert_eq!(same.merge(&q), 0);
        let mut fresh = Progress::default();
        assert_eq!(merge(&mut fresh, &q), q.attempts.len());
        assert_eq!(merge(&mut fresh, &q), 0);
        assert_eq!(mastery_view(&overview(&c, &known, &fresh)), mastery_view(&overview(&c, &known, &p)));
    }

    /// What mastery shows, without attempt ids (merging renumbers attempts by time).
    fn mastery_view(o: &Overview) -> Vec<String> {
        let mut v = vec![format!("{} {:?} {} {}", o.complete, o.completed_at, o.attempts, o.scenarios_passed)];
        for m in &o.modules {
            v.push(format!("{} {} {} {:?} {}/{}", m.id, m.unlocked, m.mastered, m.mastered_at, m.passed, m.needed));
            for s in &m.scenarios {
                let best = s.best.as_ref().map(|b| (b.started, b.level, b.good_ending, b.ethics, b.passed));
                v.push(format!("{} {} {:?} {} {:?} {:?}", s.id, s.passed, s.passed_at, s.attempts, best, s.why_not));
            }
        }
        v
    }

    fn many(n: usize, scenarios: usize) -> Progress {
        let mut p = Progress::default();
        for i in 0..n {
            let s = ["a1", "a2", "b1", "x-old-scenario"][i % 3 + usize::from(i % 17 == 0)];
            let s = if scenarios > 4 && i % 5 == 0 { format!("extra-{}", i % scenarios) } else { s.to_owned() };
            let level = [Level::BelowFair, Level::Fair, Level::Good][(i * 7) % 3];
            let ethics = u32::from(i % 11 == 0);
            let mut a = attempt(&s, T + i as i64 * 600, level, i % 4 != 0, ethics);
            a.summary.finished = i % 9 != 0;
            a.summary.relational = Some(2.0 + (i % 13) as f32 / 7.0);
            a.summary.technical = Some(1.5 + (i % 7) as f32 / 3.0);
            a.summary.r_q = Some((i % 5) as f32 / 3.0);
            a.summary.pct_cr = Some((i % 10) as f32 * 9.09);
            a.summary.change_talk_pct = Some(33.333);
            a.scenario_version = 1 + u32::from(i > n / 2);
            p.add(with_store_uid(a, i as u64));
        }
        p
    }

    #[test]
    fn many_attempts_fit_and_keep_mastery() {
        for (n, scenarios) in [(300, 4), (300, 40), (2000, 60)] {
            let p = many(n, scenarios);
            let full_len: usize = p.attempts.len();
            for (complete, extra) in [
                ("AllModules", ""),
                (
                    "AvailableModules",
                    "(id: \"empty\", title: (fi: \"T\", en: \"E\"), outcome: (fi: \"O\", en: \"O\"), planned: true),",
                ),
            ] {
                let (c, known) = course_with(complete, extra, scenarios);
                for text in [encode_suspend(&p), cmi(&c, &known, &p, "a1").suspend_data] {
                    assert!(text.len() <= SUSPEND_MAX, "{} chars", text.len());
                    let q = decode_suspend(&text).unwrap();
                    assert_eq!(q.attempts.len(), full_len);
                    let (o, oq) = (overview(&c, &known, &p), overview(&c, &known, &q));
                    if oq != o {
                        let (a, b) = (format!("{o:#?}"), format!("{oq:#?}"));
                        let diff: Vec<String> = a
                            .lines()
                            .zip(b.lines())
                            .enumerate()
                            .filter(|(_, (x, y))| x != y)
                            .take(6)
                            .map(|(i, (x, y))| format!("line {i}: {x} | {y}"))
                            .collect();
                        panic!("n={n} scenarios={scenarios} {complete} ({} chars): {diff:#?}", text.len());
                    }
                    assert_eq!(cmi(&c, &known, &q, "a1").score_raw, cmi(&c, &known, &p, "a1").score_raw);
                    assert!(q.attempts.iter().any(is_placeholder));
                    // The decoded progress merged into the original adds nothing.
                    let mut same = p.clone();
                    assert_eq!(merge(&mut same, &q), 0, "n={n}");
                    assert_eq!(same.attempts.len(), full_len);
                }
            }
        }
    }

    #[test]
    fn odd_learner_names_and_uids_still_fit() {
        let mut p = many(300, 4);
        p.learner = Some("ö".repeat(500));
        for a in p.attempts.iter_mut().step_by(3) {
            a.uid = "ü".repeat(400);
        }
        let text = encode_suspend(&p);
        assert!(text.len() <= SUSPEND_MAX);
        let q = decode_suspend(&text).unwrap();
        assert_eq!(q.learner, None);
        assert_eq!(q.attempts.len(), p.attempts.len());
        let mut lots = Progress::default();
        for i in 0..1500 {
            lots.add(attempt(&format!("scenario-with-a-rather-long-identifier-{i}"), T + i, Level::Good, true, 0));
        }
        let text = encode_suspend(&lots);
        assert!(text.len() <= SUSPEND_MAX);
        assert!(decode_suspend(&text).is_ok());
    }

    #[test]
    fn damaged_text_is_an_error() {
        let text = encode_suspend(&varied());
        assert!(decode_suspend("").is_err());
        assert!(decode_suspend("   ").is_err());
        assert!(decode_suspend("garbage").is_err());
        assert!(decode_suspend("{\"json\": true}").is_err());
        assert!(decode_suspend(&text.replacen("MS1", "MS2", 1)).unwrap_err().to_string().contains("version"));
        for cut in [1, 3, 4, 10, text.len() / 2, text.len() - 1] {
            assert!(decode_suspend(&text[..cut]).is_err(), "cut at {cut}");
        }
        let bytes = text.as_bytes();
        for i in (0..bytes.len()).step_by(7) {
            let mut b = bytes.to_vec();
            b[i] = if b[i] == b'x' { b'y' } else { b'x' };
            let damaged = String::from_utf8(b).unwrap();
            assert!(decode_suspend(&damaged).is_err(), "byte {i} changed");
        }
        // Well-formed but meaningless bodies with a valid checksum are errors too, never panics.
        for body in [
            "MS1|1|0||a|x|",
            "MS1|1|0|||0,1,0,1,0,0,1|",
            "MS1|1|0||a|0,1,5,1,0,0,1|",
            "MS1|1|0||a|0,1,0,1,0,0,zz|",
            "MS1|1|0||a|0,1,0,1,0,0,1,9999|",
            "MS1|1|0||a|*1.2.3,1,0,1,0,0,1|",
            "MS1|1|0||a|0,1,0,1,0,0,1,,,1e9|",
            "MS1|1|0||a||0.0.0",
            "MS1|1|0||a||0.zzzzzzzzzzzz.0",
            "MS1|1|0|%ZZ|a||",
            "MS1|1|0||a|0,-1,0,1,0,0,1|",
            "MS1|zzzzzzzzzzzzzzzzzzzz|0||a||",
            "MS1|1|0||a|0,1,0,1,0,0,1,,,,,,,,,,Q|",
        ] {
            let text = format!("{body}|{}", b62(u64::from(checksum(body))));
            assert!(decode_suspend(&text).is_err(), "{body}");
        }
    }

    #[test]
    fn status_and_score_rules() {
        let (c, known) = course("AllModules", "");
        let status = |p: &Progress| {
            let v = cmi(&c, &known, p, "a1");
            (v.lesson_status, v.score_raw, v.exit)
        };
        // Nothing yet.
        assert_eq!(status(&Progress::default()), (LessonStatus::Incomplete, 0, "suspend"));
        // One of three passed: 33; a2 and b1 untried.
        let mut p = progress(vec![attempt("a1", T, Level::Fair, true, 0)]);
        assert_eq!(status(&p), (LessonStatus::Incomplete, 33, "suspend"));
        // Every scenario finished once, two not passed: failed.
        p.add(attempt("a2", T + 10, Level::BelowFair, true, 0));
        p.add(attempt("b1", T + 20, Level::Good, true, 1));
        assert_eq!(status(&p), (LessonStatus::Failed, 33, "suspend"));
        // An unfinished attempt does not count as tried.
        let mut q = progress(vec![attempt("a1", T, Level::Fair, true, 0), attempt("a2", T + 10, Level::Good, true, 0)]);
        let mut left = attempt("b1", T + 20, Level::Good, true, 0);
        left.summary.finished = false;
        q.add(left);
        assert_eq!(status(&q), (LessonStatus::Incomplete, 67, "suspend"));
        // All passed: the course is complete.
        p.add(attempt("a2", T + 30, Level::Good, true, 0));
        p.add(attempt("b1", T + 40, Level::Good, true, 0));
        assert_eq!(status(&p), (LessonStatus::Passed, 100, ""));
        assert_eq!(cmi(&c, &known, &p, &"x".repeat(300)).lesson_location.len(), LOCATION_MAX);

        // A planned module with no scenarios keeps an AllModules course open: everything done is `completed`.
        let planned = "(id: \"later\", title: (fi: \"M\", en: \"L\"), outcome: (fi: \"O\", en: \"O\"), planned: true),";
        let (c2, _) = course("AllModules", planned);
        let v = cmi(&c2, &known, &p, "b1");
        assert_eq!((v.lesson_status, v.score_raw, v.exit), (LessonStatus::Completed, 100, "suspend"));
        // Under AvailableModules the planned module does not count: passed.
        let (c3, _) = course("AvailableModules", planned);
        assert_eq!(cmi(&c3, &known, &p, "b1").lesson_status, LessonStatus::Passed);

        // AtLeast(1): one pass of module one's two scenarios is enough; score counts needed passes only.
        let text = "Course(id: \"c\", version: 1, title: (fi: \"K\", en: \"C\"), modules: [
            (id: \"one\", title: (fi: \"Y\", en: \"O\"), outcome: (fi: \"O\", en: \"O\"), mastery: AtLeast(1)),
            (id: \"two\", title: (fi: \"K\", en: \"T\"), outcome: (fi: \"O\", en: \"O\")),
        ])";
        let c4 = load_course(text.as_bytes(), &known).ok().unwrap();
        let r = progress(vec![attempt("a1", T, Level::Fair, true, 0)]);
        assert_eq!(cmi(&c4, &known, &r, "a1").score_raw, 50);
        assert_eq!(cmi(&c4, &known, &r, "a1").lesson_status, LessonStatus::Incomplete);
        let mut r2 = r.clone();
        r2.add(attempt("a1", T + 5, Level::Good, true, 0));
        r2.add(attempt("b1", T + 9, Level::Fair, false, 0));
        // Module one is mastered, so a2 (untried) is no longer needed: b1 tried and failed → failed.
        assert_eq!(cmi(&c4, &known, &r2, "b1").lesson_status, LessonStatus::Failed);
        r2.add(attempt("b1", T + 99, Level::Fair, true, 0));
        assert_eq!(
            (cmi(&c4, &known, &r2, "b1").lesson_status, cmi(&c4, &known, &r2, "b1").score_raw),
            (LessonStatus::Passed, 100)
        );

        // Placeholders never count as tried, never pass.
        let dec = decode_suspend(&encode_suspend(&many(300, 4))).unwrap();
        let ph = dec.attempts.iter().find(|a| is_placeholder(a)).unwrap();
        for rule in all_rules() {
            assert!(!scenario_passes(ph, &rule, Some(1)).is_empty());
        }
        assert_eq!(LessonStatus::Completed.as_str(), "completed");
        assert_eq!(LessonStatus::Passed.as_str(), "passed");
        assert_eq!(LessonStatus::Failed.as_str(), "failed");
        assert_eq!(LessonStatus::Incomplete.as_str(), "incomplete");
    }

    #[test]
    fn bundled_course_reports() {
        let course = crate::bundled().unwrap();
        let known = crate::bundled_known();
        // Every module of the bundled course needs all of its scenarios, so required = its scenarios.
        assert!(course.modules.iter().all(|m| m.mastery == crate::MasteryRule::AllPassed));
        let total = overview(&course, &known, &Progress::default()).scenarios_total;
        assert!(total >= 2);
        let round = |passed: u32| (200 * passed + total) / (2 * total);
        let mut p = Progress::default();
        let mut a = attempt("omakanta-resepti", T, Level::Fair, true, 0);
        a.uid = "1800000000-000000001-0-0-1f".into();
        p.add(a);
        let v = cmi(&course, &known, &p, "omakanta-resepti");
        assert_eq!((v.lesson_status, v.score_raw, v.exit), (LessonStatus::Incomplete, round(1), "suspend"));
        p.add(attempt("etavastaanotto", T + 100, Level::Good, true, 0));
        let v = cmi(&course, &known, &p, "etavastaanotto");
        // Planned outcomes keep the bundled course open: with everything available passed, it is completed.
        let expected = if total == 2 { LessonStatus::Completed } else { LessonStatus::Incomplete };
        assert_eq!((v.lesson_status, v.score_raw), (expected, round(2)));
        assert!(v.suspend_data.len() < 300, "{}", v.suspend_data);
    }
}
