//! The learner's progress: every attempt, in a text format (RON) with a schema version and migrations.
//!
//! Each attempt keeps its own copy of what mastery, trends, the CSV export and the certificate need (scenario id,
//! version, titles, module, a summary of the report), so later edits to a scenario or to the engine's report
//! cannot break old attempts. The full report is kept as opaque text for recent attempts only.

use serde::{Deserialize, Serialize};

use super::time::Timestamp;
use crate::model::{Lang, Text};
use crate::runtime::{ReplyKind, Session};
use crate::scoring::{Level, Report};

/// The schema this build writes. Files with a lower schema are migrated on load; files with a higher one are
/// refused (never overwritten).
pub const CURRENT_SCHEMA: u32 = 1;

/// Full report texts are kept for this many of the most recent attempts per scenario (and for each scenario's
/// best attempt); older attempts keep only their summary, so the file stays small enough for localStorage.
pub const FULL_REPORTS_KEPT: usize = 5;

/// Attempts beyond this many are dropped oldest first, except each scenario's best and first passing attempt.
pub const MAX_ATTEMPTS: usize = 2000;

/// The whole progress file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    /// The schema version; see [`CURRENT_SCHEMA`].
    pub schema: u32,
    /// The program that last wrote the file (`motivo 0.1.0`), for support.
    #[serde(default)]
    pub written_by: String,
    /// The id the next attempt gets.
    #[serde(default)]
    pub next_id: u64,
    /// The learner's name for the certificate, when they gave one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub learner: Option<String>,
    #[serde(default)]
    pub attempts: Vec<Attempt>,
}

impl Default for Progress {
    fn default() -> Self {
        Progress { schema: CURRENT_SCHEMA, written_by: String::new(), next_id: 1, learner: None, attempts: Vec::new() }
    }
}

/// One play of a scenario.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attempt {
    /// 1, 2, 3 … in the order attempts were recorded.
    pub id: u64,
    /// Unique across devices and files (used to merge attempts recorded while the file could not be written).
    pub uid: String,
    pub scenario: String,
    pub scenario_version: u32,
    /// The scenario's title when it was played (both languages).
    #[serde(default)]
    pub title: Text,
    /// The scenario's module when it was played.
    #[serde(default)]
    pub module: String,
    #[serde(default)]
    pub lang: Lang,
    pub seed: u64,
    pub started: Timestamp,
    pub duration_ms: u64,
    #[serde(default)]
    pub replies: Vec<Reply>,
    pub summary: ReportSummary,
    /// The full report (`motivo play --json` data) as RON text, for recent attempts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report: Option<String>,
    /// The schema the attempt was migrated from, if it was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub migrated_from: Option<u32>,
}

/// One learner reply, as recorded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Reply {
    /// The node the reply was given at.
    #[serde(default)]
    pub node: String,
    /// The picked option, 1-based.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub option: Option<u32>,
    /// The typed reply.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// MI codes as text (`CR`, `OQ`, …).
    #[serde(default)]
    pub codes: Vec<String>,
    #[serde(default)]
    pub mi_consistent: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ethics: Option<String>,
}

/// The levels of the four thresholded MITI measures.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct SummaryLevels {
    pub relational: Level,
    pub technical: Level,
    pub pct_cr: Level,
    pub r_q: Level,
}

/// What mastery and trends need from a report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportSummary {
    pub finished: bool,
    /// Ending node id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ending: Option<String>,
    /// `NextStep`, `Referral`, `Postpones` or `Disengages`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<String>,
    pub good_ending: bool,
    /// The overall MITI level (the lowest of the four measures).
    pub level: Level,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub levels: Option<SummaryLevels>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relational: Option<f32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub technical: Option<f32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r_q: Option<f32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pct_cr: Option<f32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change_talk_pct: Option<f32>,
    #[serde(default)]
    pub replies: u32,
    #[serde(default)]
    pub mi_consistent_replies: u32,
    /// Ethics problems, one per reply that had one (kind names, e.g. `TakesCredentials`).
    #[serde(default)]
    pub ethics: Vec<String>,
    /// Every reply was the learner's own typed words (free text, or written then picked). Mastery counts only
    /// such passes (`PassRule::require_own_words`).
    #[serde(default)]
    pub own_words: bool,
}

fn finite(x: Option<f32>) -> Option<f32> {
    x.filter(|v| v.is_finite())
}

impl ReportSummary {
    pub fn of(report: &Report) -> ReportSummary {
        let m = &report.miti;
        ReportSummary {
            finished: report.finished,
            ending: report.ending.as_ref().map(|e| e.id.clone()),
            outcome: report.ending.as_ref().map(|e| e.outcome.name().to_owned()),
            good_ending: report.ending.as_ref().is_some_and(|e| e.good),
            level: m.level,
            levels: Some(SummaryLevels {
                relational: m.levels.relational,
                technical: m.levels.technical,
                pct_cr: m.levels.pct_cr,
                r_q: m.levels.r_q,
            }),
            relational: finite(Some(m.relational)),
            technical: finite(Some(m.technical)),
            r_q: finite(m.r_q),
            pct_cr: finite(m.pct_cr),
            change_talk_pct: finite(report.client.change_talk_pct),
            replies: report.turns.len() as u32,
            mi_consistent_replies: report.turns.iter().filter(|t| t.mi_consistent).count() as u32,
            ethics: report.turns.iter().filter_map(|t| t.ethics.map(|k| k.name().to_owned())).collect(),
            own_words: report.own_words,
        }
    }
}

impl Attempt {
    /// The record of a play. `id` is set when it is added to a [`Progress`]; `uid` should be unique (the store
    /// makes one from the time, seed and a random or process number).
    pub fn of_play(session: &Session, report: &Report, started: Timestamp, duration_ms: u64, uid: String) -> Attempt {
        let scenario = session.scenario();
        let replies = session
            .history()
            .iter()
            .map(|t| {
                let (option, text) = match &t.reply {
                    ReplyKind::Option { index } => (Some(*index as u32 + 1), None),
                    ReplyKind::Text { text, .. } => (None, Some(text.clone())),
                    ReplyKind::TextThenOption { text, index } => (Some(*index as u32 + 1), Some(text.clone())),
                };
                Reply {
                    node: t.before.node.clone(),
                    option,
                    text,
                    codes: t.codes.iter().map(|c| format!("{c:?}")).collect(),
                    mi_consistent: t.mi_consistent,
                    ethics: t.ethics.map(|k| k.name().to_owned()),
                }
            })
            .collect();
        Attempt {
            id: 0,
            uid,
            scenario: scenario.id.clone(),
            scenario_version: scenario.version,
            title: scenario.title.clone(),
            module: scenario.module.clone(),
            lang: session.lang(),
            seed: session.state().seed,
            started,
            duration_ms,
            replies,
            summary: ReportSummary::of(report),
            report: ron::ser::to_string(report).ok(),
            migrated_from: None,
        }
    }

    /// When the attempt ended.
    pub fn ended(&self) -> Timestamp {
        Timestamp(self.started.0 + (self.duration_ms / 1000) as i64)
    }

    /// The title in `lang`, falling back to the scenario id.
    pub fn title(&self, lang: Lang) -> String {
        let t = self.title.get(lang);
        if t.is_empty() { self.scenario.clone() } else { t.to_owned() }
    }

    /// The full report, when it is kept and still readable by this build.
    pub fn full_report(&self) -> Option<Report> {
        self.report.as_deref().and_then(|t| ron::from_str(t).ok())
    }

    /// A number for ordering attempts of one scenario, best last: good ending, no ethics problem, level, then
    /// the relational and technical scores.
    pub fn rank(&self) -> (bool, bool, Level, bool, i64) {
        let s = &self.summary;
        let scores = s.relational.unwrap_or(0.0) + s.technical.unwrap_or(0.0);
        (s.finished, s.ethics.is_empty(), s.level, s.good_ending, (scores * 1000.0) as i64)
    }
}

/// Why a progress text could not be read.
#[derive(Debug, Clone, PartialEq)]
pub enum DecodeError {
    /// Not a progress file of any known schema (damaged, cut off, or not ours).
    Corrupt(String),
    /// Written by a newer Motivo with a schema this build does not know.
    Newer { schema: u32 },
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DecodeError::Corrupt(m) => write!(f, "the progress data is damaged: {m}"),
            DecodeError::Newer { schema } => write!(
                f,
                "the progress data was written by a newer Motivo (schema {schema}; this version reads up to \
                 {CURRENT_SCHEMA})"
            ),
        }
    }
}

impl std::error::Error for DecodeError {}

impl DecodeError {
    /// A message for the learner.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (DecodeError::Corrupt(_), Lang::Fi) => "Edistymistietosi ovat vioittuneet, eikä niitä voi lukea.".into(),
            (DecodeError::Corrupt(_), Lang::En | Lang::Sv) => {
                "Your progress data is damaged and cannot be read.".into()
            }
            (DecodeError::Newer { .. }, Lang::Fi) => "Edistymistietosi on tallentanut uudempi Motivon versio. \
                 Päivitä Motivo, niin tietosi säilyvät."
                .into(),
            (DecodeError::Newer { .. }, Lang::En | Lang::Sv) => {
                "Your progress data was saved by a newer version of Motivo. \
                 Update Motivo to keep it."
                    .into()
            }
        }
    }
}

#[derive(Deserialize)]
struct Header {
    /// Absent in schema 0.
    #[serde(default)]
    schema: u32,
}

fn ron_options() -> ron::Options {
    ron::Options::default().with_recursion_limit(64)
}

/// The text of a progress file (RON). Always succeeds for data made by this module.
pub fn encode(progress: &Progress) -> String {
    let mut p = progress.clone();
    p.schema = CURRENT_SCHEMA;
    let config = ron::ser::PrettyConfig::new().depth_limit(3).indentor(" ".to_owned());
    let mut text = ron_options().to_string_pretty(&p, config).unwrap_or_else(|e| {
        // Only non-finite floats could fail; summaries filter them, so this is a defect. Keep the data anyway.
        ron::to_string(&p).unwrap_or_else(|_| panic!("progress cannot be written: {e}"))
    });
    text.push('\n');
    text
}

/// Reads a progress text, migrating older schemas. A newer schema or damaged text is an error, never a guess.
pub fn decode(text: &str) -> Result<Progress, DecodeError> {
    let corrupt = |e: ron::error::SpannedError| {
        DecodeError::Corrupt(format!("line {}, column {}: {}", e.span.start.line, e.span.start.col, e.code))
    };
    if text.trim().is_empty() {
        return Err(DecodeError::Corrupt("the file is empty".into()));
    }
    let header: Header = ron_options().from_str(text).map_err(corrupt)?;
    match header.schema {
        s if s > CURRENT_SCHEMA => Err(DecodeError::Newer { schema: s }),
        CURRENT_SCHEMA => {
            let mut p: Progress = ron_options().from_str(text).map_err(corrupt)?;
            p.repair_ids();
            Ok(p)
        }
        0 => {
            let v0: v0::ProgressV0 = ron_options().from_str(text).map_err(corrupt)?;
            Ok(v0::migrate(v0))
        }
        s => Err(DecodeError::Corrupt(format!("unknown schema {s}"))),
    }
}

/// Recovers the complete attempts from damaged progress text written by [`encode`] (cut off, or with garbage
/// after or inside it): the longest prefix that ends after a whole attempt and reads, closed off. `None` when
/// nothing can be recovered. Attempts after the damage are not recovered; every complete attempt before it is
/// (a prefix reads exactly when the damage comes after it, so a binary search over the attempt ends finds the
/// longest in O(n log n), however many attempts the file has).
pub fn salvage(text: &str) -> Option<Progress> {
    const END: &str = "\n  ),";
    let ends: Vec<usize> = text.match_indices(END).map(|(i, _)| i + END.len()).collect();
    let read = |k: usize| decode(&format!("{}\n ],\n)\n", &text[..ends[k]])).ok();
    // The first end whose prefix does not read (ends before it read, ends after it do not).
    let (mut lo, mut hi) = (0, ends.len());
    let mut best = None;
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        match read(mid) {
            Some(p) => {
                best = Some(p);
                lo = mid + 1;
            }
            None => hi = mid,
        }
    }
    // In case a cut reads though an earlier one did not, try a few ends past the first failure.
    for k in (lo + 1..ends.len()).take(8).rev() {
        if let Some(p) = read(k) {
            return Some(p);
        }
    }
    if best.is_none() && lo > 0 { read(lo - 1) } else { best }
}

impl Progress {
    /// Makes ids unique and `next_id` larger than every id (ids are only local labels; repairing them loses
    /// nothing).
    fn repair_ids(&mut self) {
        let mut seen = std::collections::HashSet::new();
        let mut max = self.attempts.iter().map(|a| a.id).max().unwrap_or(0);
        for a in &mut self.attempts {
            if a.id == 0 || !seen.insert(a.id) {
                max += 1;
                a.id = max;
                seen.insert(a.id);
            }
        }
        self.next_id = self.next_id.max(max + 1).max(1);
    }

    /// Adds an attempt, giving it the next id, unless an attempt with the same `uid` is already there. Returns
    /// the attempt's id.
    pub fn add(&mut self, mut attempt: Attempt) -> u64 {
        if let Some(a) = self.attempts.iter().find(|a| a.uid == attempt.uid && !attempt.uid.is_empty()) {
            return a.id;
        }
        self.repair_ids();
        attempt.id = self.next_id;
        self.next_id += 1;
        let id = attempt.id;
        self.attempts.push(attempt);
        self.trim();
        id
    }

    /// Adds every attempt of `other` that is not already here (by `uid`), in time order.
    pub fn merge(&mut self, other: &Progress) -> usize {
        let mut added = 0;
        let mut new: Vec<&Attempt> = other.attempts.iter().collect();
        new.sort_by_key(|a| (a.started, a.id));
        for a in new {
            if !self.attempts.iter().any(|b| b.uid == a.uid) {
                self.add(a.clone());
                added += 1;
            }
        }
        if self.learner.is_none() {
            self.learner = other.learner.clone();
        }
        added
    }

    pub fn attempts_of<'a>(&'a self, scenario: &'a str) -> impl Iterator<Item = &'a Attempt> + 'a {
        self.attempts.iter().filter(move |a| a.scenario == scenario)
    }

    pub fn attempt(&self, id: u64) -> Option<&Attempt> {
        self.attempts.iter().find(|a| a.id == id)
    }

    /// Keeps the file small: full reports only for recent and best attempts, and at most [`MAX_ATTEMPTS`].
    fn trim(&mut self) {
        use std::collections::{HashMap, HashSet};
        let mut keep: HashSet<u64> = HashSet::new();
        let mut by_scenario: HashMap<&str, Vec<&Attempt>> = HashMap::new();
        for a in &self.attempts {
            by_scenario.entry(&a.scenario).or_default().push(a);
        }
        for list in by_scenario.values() {
            keep.extend(list.iter().rev().take(FULL_REPORTS_KEPT).map(|a| a.id));
            if let Some(best) = list.iter().max_by_key(|a| (a.rank(), a.id)) {
                keep.insert(best.id);
            }
        }
        let mut protected: HashSet<u64> = keep.clone();
        for list in by_scenario.values() {
            // The first attempt of each level with a good ending dates mastery; keep those.
            let mut seen = HashSet::new();
            for a in list {
                if seen.insert((a.summary.level, a.summary.good_ending, a.summary.ethics.is_empty())) {
                    protected.insert(a.id);
                }
            }
        }
        for a in &mut self.attempts {
            if !keep.contains(&a.id) {
                a.report = None;
            }
        }
        if self.attempts.len() > MAX_ATTEMPTS {
            let mut excess = self.attempts.len() - MAX_ATTEMPTS;
            self.attempts.retain(|a| {
                if excess > 0 && !protected.contains(&a.id) {
                    excess -= 1;
                    false
                } else {
                    true
                }
            });
        }
    }
}

/// Schema 0: the pre-release format (no `schema` field; one flat record per play).
pub mod v0 {
    use serde::Deserialize;

    use super::{Attempt, CURRENT_SCHEMA, Progress, ReportSummary};
    use crate::course::time::Timestamp;
    use crate::model::Text;
    use crate::scoring::Level;

    #[derive(Debug, Deserialize)]
    pub struct ProgressV0 {
        pub plays: Vec<PlayV0>,
    }

    #[derive(Debug, Deserialize)]
    pub struct PlayV0 {
        pub scenario: String,
        pub version: u32,
        pub seed: u64,
        /// Unix seconds.
        pub when: i64,
        pub seconds: u64,
        /// `below_fair`, `fair` or `good`.
        pub level: String,
        #[serde(default)]
        pub ending: Option<String>,
        /// How many replies had an ethics problem.
        #[serde(default)]
        pub ethics: u32,
        /// Picked options, 1-based.
        #[serde(default)]
        pub replies: Vec<u32>,
    }

    pub fn migrate(old: ProgressV0) -> Progress {
        let mut p = Progress { schema: CURRENT_SCHEMA, ..Progress::default() };
        for (i, play) in old.plays.into_iter().enumerate() {
            let level = match play.level.as_str() {
                "good" => Level::Good,
                "fair" => Level::Fair,
                _ => Level::BelowFair,
            };
            let good_ending = matches!(play.ending.as_deref(), Some("NextStep" | "Referral"));
            let attempt = Attempt {
                id: 0,
                uid: format!("v0-{}-{}-{}", play.when, play.seed, i),
                scenario: play.scenario,
                scenario_version: play.version,
                title: Text::default(),
                module: String::new(),
                lang: Default::default(),
                seed: play.seed,
                started: Timestamp(play.when),
                duration_ms: play.seconds.saturating_mul(1000),
                replies: play.replies.iter().map(|&o| super::Reply { option: Some(o), ..Default::default() }).collect(),
                summary: ReportSummary {
                    finished: play.ending.is_some(),
                    ending: None,
                    outcome: play.ending,
                    good_ending,
                    level,
                    levels: None,
                    relational: None,
                    technical: None,
                    r_q: None,
                    pct_cr: None,
                    change_talk_pct: None,
                    replies: play.replies.len() as u32,
                    mi_consistent_replies: 0,
                    own_words: false,
                    ethics: vec!["Unknown".to_owned(); play.ethics as usize],
                },
                report: None,
                migrated_from: Some(0),
            };
            p.add(attempt);
        }
        p
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn attempt(scenario: &str, t: i64, level: Level, good: bool, ethics: u32) -> Attempt {
        Attempt {
            id: 0,
            uid: format!("{scenario}-{t}"),
            scenario: scenario.into(),
            scenario_version: 1,
            title: Text::new("Otsikko", "Title"),
            module: String::new(),
            lang: Lang::Fi,
            seed: 1,
            started: Timestamp(t),
            duration_ms: 60_000,
            replies: vec![],
            summary: ReportSummary {
                finished: true,
                ending: Some("loppu".into()),
                outcome: Some(if good { "NextStep" } else { "Disengages" }.into()),
                good_ending: good,
                level,
                levels: None,
                relational: Some(4.0),
                technical: Some(3.5),
                r_q: Some(1.5),
                pct_cr: Some(50.0),
                change_talk_pct: None,
                replies: 3,
                mi_consistent_replies: 3,
                ethics: vec!["TakesCredentials".into(); ethics as usize],
                own_words: true,
            },
            report: Some("(x: 1)".into()),
            migrated_from: None,
        }
    }

    #[test]
    fn round_trip() {
        let mut p = Progress::default();
        p.add(attempt("a", 1_800_000_000, Level::Fair, true, 0));
        p.add(attempt("b", 1_800_000_100, Level::Good, false, 1));
        let text = encode(&p);
        let q = decode(&text).unwrap();
        assert_eq!(p, q);
        assert_eq!(q.attempts[1].id, 2);
        assert_eq!(q.next_id, 3);
    }

    #[test]
    fn uid_deduplicates() {
        let mut p = Progress::default();
        let a = attempt("a", 1, Level::Fair, true, 0);
        assert_eq!(p.add(a.clone()), 1);
        assert_eq!(p.add(a), 1);
        assert_eq!(p.attempts.len(), 1);
    }

    #[test]
    fn newer_and_corrupt_are_errors() {
        let mut text = encode(&Progress::default());
        text = text.replacen(&format!("schema: {CURRENT_SCHEMA}"), &format!("schema: {}", CURRENT_SCHEMA + 1), 1);
        assert_eq!(decode(&text), Err(DecodeError::Newer { schema: CURRENT_SCHEMA + 1 }));

        let mut p = Progress::default();
        p.add(attempt("a", 1, Level::Fair, true, 0));
        let good = encode(&p);
        for cut in [0, 1, good.len() / 3, good.len() / 2, good.len() - 5] {
            assert!(matches!(decode(&good[..cut]), Err(DecodeError::Corrupt(_))), "cut at {cut}");
        }
        assert!(matches!(decode("garbage"), Err(DecodeError::Corrupt(_))));
        assert!(matches!(decode("(schema: 1, attempts: 7)"), Err(DecodeError::Corrupt(_))));
    }

    #[test]
    fn salvages_complete_attempts_from_damaged_text() {
        let mut p = Progress::default();
        for t in 0..4 {
            p.add(attempt("a", t, Level::Fair, true, 0));
        }
        let text = encode(&p);
        // Cut inside the last attempt: the first three come back.
        let last = text.rfind("\n  (").unwrap();
        let cut = &text[..last + 40];
        assert!(decode(cut).is_err());
        assert_eq!(salvage(cut).unwrap().attempts.len(), 3);
        // Garbage after the end: everything comes back.
        let garbage = format!("{text}garbage(");
        assert!(decode(&garbage).is_err());
        assert_eq!(salvage(&garbage).unwrap(), p);
        // Damage inside the second attempt: the first comes back.
        let second = text.match_indices("\n  (").nth(1).unwrap().0;
        let mut bytes = text.clone().into_bytes();
        bytes[second + 20] = b'{';
        let damaged = String::from_utf8(bytes).unwrap();
        assert_eq!(salvage(&damaged).unwrap().attempts.len(), 1);
        assert!(salvage("garbage").is_none());
    }

    #[test]
    fn a_migrated_far_future_time_is_written_so_it_reads_back() {
        // Found by the `progress` fuzz target: a schema-0 file whose `when` is year 563645.
        let bytes = include_bytes!("fixtures/fuzz-progress-far-future.bin");
        let p = decode(&String::from_utf8_lossy(bytes)).expect("the fuzzed file reads");
        let again = decode(&encode(&p)).expect("what is written reads back");
        assert_eq!(again.attempts.len(), p.attempts.len());
    }

    #[test]
    fn salvage_keeps_every_attempt_before_damage_far_from_the_end() {
        // Regression (issue 16): only the last 64 attempt ends were tried, so damage more than 64 attempts before
        // the end lost every attempt.
        let mut p = Progress::default();
        for t in 0..170 {
            p.add(attempt("a", t, Level::Fair, true, 0));
        }
        let text = encode(&p);
        let at = text.match_indices("\n  (").nth(100).unwrap().0;
        let mut bytes = text.clone().into_bytes();
        bytes[at + 20] = b'{';
        let damaged = String::from_utf8(bytes).unwrap();
        assert_eq!(salvage(&damaged).unwrap().attempts.len(), 100);
        // Truncated anywhere: every complete attempt before the cut.
        for cut in [text.len() / 7, text.len() / 2, text.len() - 3] {
            let complete = text[..cut].matches("\n  ),").count();
            assert_eq!(salvage(&text[..cut]).map_or(0, |p| p.attempts.len()), complete, "cut at {cut}");
        }
    }

    #[test]
    fn migrates_schema_0_fixture() {
        let text = include_str!("fixtures/progress-v0.ron");
        let p = decode(text).expect("the v0 fixture reads");
        assert_eq!(p.schema, CURRENT_SCHEMA);
        assert_eq!(p.attempts.len(), 3);
        let a = &p.attempts[0];
        assert_eq!(a.scenario, "etavastaanotto");
        assert_eq!(a.started, Timestamp::parse("2026-03-01T10:00:00Z").unwrap());
        assert_eq!(a.summary.level, Level::BelowFair);
        assert!(!a.summary.good_ending);
        assert_eq!(p.attempts[1].summary.level, Level::Fair);
        assert!(p.attempts[1].summary.good_ending);
        assert_eq!(p.attempts[2].summary.ethics.len(), 1);
        assert_eq!(a.migrated_from, Some(0));
        assert_eq!(p.next_id, 4);
        // Written back, it is schema 1 and reads the same.
        let again = decode(&encode(&p)).unwrap();
        assert_eq!(again, p);
    }

    #[test]
    fn keeps_full_reports_only_for_recent_and_best() {
        let mut p = Progress::default();
        p.add(attempt("a", 0, Level::Good, true, 0));
        for t in 1..20 {
            p.add(attempt("a", t, Level::BelowFair, false, 0));
        }
        let with_report: Vec<u64> = p.attempts.iter().filter(|a| a.report.is_some()).map(|a| a.id).collect();
        assert_eq!(with_report, vec![1, 16, 17, 18, 19, 20]);
    }
}
