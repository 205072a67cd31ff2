//! MI scoring: per-reply feedback and the session report (MITI 4.2.1 summary scores, estimated global scores,
//! client outcome, ethics findings). Every rule is documented in `docs/scoring.md`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::codes::{Code, CodeClass};
use crate::i18n::{Arg, Msg, ToArg};
use crate::model::{ClientState, EthicsKind, Lang, Node, Outcome, ReplyOption, Scenario, Side, Talk};
use crate::msg;
use crate::rules::{default_effect, reply_score};
use crate::runtime::{ReplyKind, Session, TurnRecord};

/// MITI competency thresholds (manual section I).
pub mod thresholds {
    pub const RELATIONAL_FAIR: f32 = 3.5;
    pub const RELATIONAL_GOOD: f32 = 4.0;
    pub const TECHNICAL_FAIR: f32 = 3.0;
    pub const TECHNICAL_GOOD: f32 = 4.0;
    pub const PCT_CR_FAIR: f32 = 40.0;
    pub const PCT_CR_GOOD: f32 = 50.0;
    pub const R_Q_FAIR: f32 = 1.0;
    pub const R_Q_GOOD: f32 = 2.0;
}

/// A competency level against the manual's thresholds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    BelowFair,
    Fair,
    Good,
}

impl Level {
    fn of(value: f32, fair: f32, good: f32) -> Level {
        if value >= good - 1e-4 {
            Level::Good
        } else if value >= fair - 1e-4 {
            Level::Fair
        } else {
            Level::BelowFair
        }
    }

    pub fn name(self, lang: Lang) -> String {
        self.name_msg().text(lang)
    }

    pub fn name_msg(self) -> Msg {
        match self {
            Level::BelowFair => msg!("level-below-fair"),
            Level::Fair => msg!("level-fair"),
            Level::Good => msg!("level-good"),
        }
    }
}

/// The four MITI global scores (1–5), estimated from the coded replies.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Globals {
    /// Cultivating change talk.
    pub cct: f32,
    /// Softening sustain talk.
    pub sst: f32,
    pub partnership: f32,
    pub empathy: f32,
}

/// Levels per thresholded measure, and the overall level (the lowest of the four).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Levels {
    pub relational: Level,
    pub technical: Level,
    pub pct_cr: Level,
    pub r_q: Level,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Miti {
    /// Behaviour counts by code (every code present, zero or not).
    pub counts: BTreeMap<Code, u32>,
    pub questions: u32,
    pub reflections: u32,
    /// (SR + CR) / questions; `null` when there were no questions.
    pub r_q: Option<f32>,
    /// CR / (SR + CR) × 100; `null` when there were no reflections.
    pub pct_cr: Option<f32>,
    /// Total MI-adherent: SEEK + AF + EMPH.
    pub mia: u32,
    /// Total MI non-adherent: CON + PER.
    pub mina: u32,
    pub globals: Globals,
    pub technical: f32,
    pub relational: f32,
    pub levels: Levels,
    pub level: Level,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct StartEnd {
    pub start: f32,
    pub end: f32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClientOutcome {
    pub change_talk: u32,
    pub sustain_talk: u32,
    /// CT / (CT + ST) × 100; `null` when the client said neither.
    pub change_talk_pct: Option<f32>,
    /// %change talk in the first and second half of the conversation (`null` where a half has neither).
    pub change_talk_pct_first_half: Option<f32>,
    pub change_talk_pct_second_half: Option<f32>,
    /// Commitment, activation or taking-steps lines.
    pub mobilising_talk: u32,
    pub importance: StartEnd,
    pub confidence: StartEnd,
    pub discord: StartEnd,
    /// Replies after which discord rose by 1 or more or the client answered with discord (once per reply), plus
    /// a discord line at the start.
    pub discord_events: u32,
    /// Client state after each reply (index 0 = the start).
    pub trajectory: Vec<ClientState>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EthicsFinding {
    pub turn: usize,
    pub kind: EthicsKind,
    pub explain: String,
    /// For a typed reply: the learner's words that show the problem.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
}

/// Why an attempt did not pass. The sentence is a catalogue message; `fi` and `en` keep it rendered in the report
/// JSON (a report read back from JSON has no message and shows those). Equal when the stored fields are.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct FailReason {
    /// `unfinished`, `ending`, `level` or `ethics`.
    pub reason: String,
    pub fi: String,
    pub en: String,
    #[serde(skip)]
    pub message: Option<Msg>,
}

impl PartialEq for FailReason {
    fn eq(&self, other: &Self) -> bool {
        (&self.reason, &self.fi, &self.en) == (&other.reason, &other.fi, &other.en)
    }
}

impl FailReason {
    fn new(reason: &str, message: Msg) -> FailReason {
        FailReason {
            reason: reason.into(),
            fi: message.text(Lang::Fi),
            en: message.text(Lang::En),
            message: Some(message),
        }
    }

    pub fn text(&self, lang: Lang) -> String {
        match &self.message {
            Some(m) => m.text(lang),
            None if lang == Lang::Fi => self.fi.clone(),
            None => self.en.clone(),
        }
    }
}

/// The pass rule of an attempt (`docs/scoring.md`): finished, a good ending, MITI level fair or better, and no
/// ethics finding. Returns the reasons it did not pass, most important first (empty = passed).
pub fn fail_reasons(
    finished: bool,
    ending: Option<&EndingReport>,
    level: Level,
    levels: &Levels,
    ethics: &[EthicsFinding],
) -> Vec<FailReason> {
    let mut why = Vec::new();
    if !ethics.is_empty() {
        let mut kinds: Vec<EthicsKind> = ethics.iter().map(|e| e.kind).collect();
        kinds.sort_by_key(|k| k.name());
        kinds.dedup();
        let mut list = Arg::Str(String::new());
        for k in kinds {
            list = match list {
                Arg::Str(s) if s.is_empty() => ethics_msg(k).to_arg(),
                first => msg!("list-semicolon", first, next = ethics_msg(k)).to_arg(),
            };
        }
        let turns: Vec<String> = ethics.iter().map(|e| e.turn.to_string()).collect();
        let turns = turns.join(", ");
        why.push(FailReason::new("ethics", msg!("why-not-ethics", list, turns)));
    }
    if !finished {
        why.push(FailReason::new("unfinished", msg!("why-not-unfinished")));
    } else if let Some(e) = ending.filter(|e| !e.good) {
        let outcome = match e.outcome {
            Outcome::Postpones => msg!("outcome-postpones"),
            _ => msg!("outcome-disengages"),
        };
        let message =
            if e.turn_limit { msg!("why-not-ending-limit", outcome) } else { msg!("why-not-ending", outcome) };
        why.push(FailReason::new("ending", message));
    }
    if level < Level::Fair {
        let below: Vec<Msg> = [
            (levels.relational, msg!("skill-relational")),
            (levels.technical, msg!("skill-technical")),
            (levels.pct_cr, msg!("skill-pct-cr")),
            (levels.r_q, msg!("skill-r-q")),
        ]
        .into_iter()
        .filter(|(l, _)| *l < Level::Fair)
        .map(|(_, m)| m)
        .collect();
        let mut list = Arg::Str(String::new());
        for m in below {
            list = match list {
                Arg::Str(s) if s.is_empty() => m.to_arg(),
                first => msg!("list-semicolon", first, next = m).to_arg(),
            };
        }
        why.push(FailReason::new("level", msg!("why-not-level", list)));
    }
    why
}

/// An ethics problem in a few plain words.
pub fn ethics_words(kind: EthicsKind, lang: Lang) -> String {
    ethics_msg(kind).text(lang)
}

/// An ethics problem in a few plain words, as a message.
pub fn ethics_msg(kind: EthicsKind) -> Msg {
    match kind {
        EthicsKind::TakesCredentials => msg!("ethics-takes-credentials"),
        EthicsKind::LogsInAsClient => msg!("ethics-logs-in-as-client"),
        EthicsKind::ActsWithoutAuthorisation => msg!("ethics-acts-without-authorisation"),
        EthicsKind::DoesItForClient => msg!("ethics-does-it-for-client"),
        EthicsKind::PrivacyBreach => msg!("ethics-privacy-breach"),
        EthicsKind::IgnoresSafetySignal => msg!("ethics-ignores-safety-signal"),
        EthicsKind::BeyondCompetence => msg!("ethics-beyond-competence"),
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EndingReport {
    pub id: String,
    pub outcome: Outcome,
    pub good: bool,
    pub debrief: String,
    /// The scenario's turn limit (`max_turns`) ended the conversation at its `on_limit` ending.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub turn_limit: bool,
}

/// The best authored alternative at a turn.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Alternative {
    /// 1-based, as displayed.
    pub option: usize,
    pub text: String,
    pub codes: Vec<Code>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TurnReport {
    /// 1-based.
    pub turn: usize,
    pub node: String,
    pub client: String,
    pub client_talk: Talk,
    /// "option", "text" or "text_then_option".
    pub reply_kind: String,
    /// 1-based option number as the learner saw it (its position among the options shown at that turn), for
    /// picked options.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub option: Option<usize>,
    pub reply: String,
    pub codes: Vec<Code>,
    pub focus: Side,
    pub mi_consistent: bool,
    pub score: f32,
    pub feedback: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub better: Option<Alternative>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ethics: Option<EthicsKind>,
    pub state_after: ClientState,
}

/// The whole session report. `motivo play --json` prints this; `docs/report-json.md` documents it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub scenario: String,
    pub scenario_version: u32,
    pub title: String,
    pub lang: Lang,
    pub seed: u64,
    pub finished: bool,
    pub ending: Option<EndingReport>,
    pub turns: Vec<TurnReport>,
    pub miti: Miti,
    pub client: ClientOutcome,
    pub ethics: Vec<EthicsFinding>,
    /// The attempt passed: finished, a good ending, MITI fair or better, no ethics finding.
    pub passed: bool,
    /// Why not, most important first (empty when passed), in Finnish and English.
    pub why_not: Vec<FailReason>,
    /// Every reply was the learner's own typed words (free text, or written then picked). Only such a pass
    /// counts toward mastery and the certificate; picked options are practice.
    pub own_words: bool,
}

fn pct(a: u32, b: u32) -> Option<f32> {
    (a + b > 0).then(|| 100.0 * a as f32 / (a + b) as f32)
}

/// The score of authored option `opt` at a node whose line has talk `talk`.
pub fn option_score(opt: &ReplyOption, talk: Talk) -> f32 {
    let codes = crate::codes::normalize_volley(&opt.codes);
    let focus = opt.focus.unwrap_or(talk.side());
    let effect = opt.effect.unwrap_or_else(|| default_effect(&codes, focus));
    reply_score(&codes, &effect, opt.ethics.is_some())
}

/// A list of codes' plain names, separated by commas.
fn code_list(codes: &[Code]) -> Arg {
    let mut list = Arg::Str(String::new());
    for c in codes {
        list = match list {
            Arg::Str(s) if s.is_empty() => c.name_msg().to_arg(),
            first => msg!("list-comma", first, next = c.name_msg()).to_arg(),
        };
    }
    list
}

/// The plain-words feedback for a reply that has no authored feedback (a typed reply).
pub fn code_feedback(codes: &[Code], mi_consistent: bool, lang: Lang) -> String {
    let list = code_list(codes);
    if mi_consistent {
        msg!("feedback-coded-consistent", list).text(lang)
    } else {
        msg!("feedback-coded-inconsistent", list).text(lang)
    }
}

/// "Why" for a coded typed reply: the strongest quoted cue of each code, e.g. `«pitää»: suostuttelu ilman lupaa`.
pub fn evidence_feedback(coded: &crate::coding::CodedReply, lang: Lang) -> Option<String> {
    let parts: Vec<String> = coded
        .codes
        .iter()
        .filter_map(|code| {
            // Only the learner's own words, not the coder's named features.
            coded
                .evidence
                .iter()
                .filter(|e| e.code == *code && e.span.is_some())
                .max_by(|a, b| a.weight.total_cmp(&b.weight))
                .map(|e| format!("«{}»: {}", e.cue, code.name(lang)))
        })
        .collect();
    (!parts.is_empty()).then(|| msg!("feedback-evidence", parts = parts.join("; ")).text(lang))
}

/// The feedback on a typed reply: its codes in plain words and, when the coder gave evidence, why.
fn typed_feedback(t: &TurnRecord, lang: Lang) -> String {
    let mut fb = code_feedback(&t.codes, t.mi_consistent, lang);
    let Some(coded) = t.coded.as_ref() else { return fb };
    if coded.unsure {
        fb = format!("{} {fb}", msg!("feedback-coder-unsure").text(lang));
    }
    for note in &coded.notes {
        fb = format!("{fb} {}", note.message(lang));
    }
    if let Some(why) = evidence_feedback(coded, lang) {
        fb = format!("{fb} {why}");
    }
    for hit in &coded.ethics {
        fb = format!("{fb} «{}»: {}.", hit.evidence, ethics_words(hit.kind, lang));
    }
    fb
}

/// Estimates the four MITI global scores from the coded turns (rules in `docs/scoring.md`).
pub fn estimate_globals(turns: &[(Talk, &TurnRecord)]) -> Globals {
    let n = turns.len() as f32;
    let count = |code: Code| turns.iter().filter(|(_, t)| t.codes.contains(&code)).count() as f32;
    let clamp = |x: f32| x.clamp(1.0, 5.0);
    if turns.is_empty() {
        return Globals { cct: 3.0, sst: 3.0, partnership: 3.0, empathy: 3.0 };
    }

    // Cultivating change talk.
    let evokes = |t: &TurnRecord| {
        t.focus == Side::Change && t.codes.iter().any(|c| matches!(c, Code::OQ | Code::SR | Code::CR | Code::AF))
    };
    let evoke = turns.iter().filter(|(_, t)| evokes(t)).count() as f32;
    let deep = turns.iter().any(|(_, t)| t.focus == Side::Change && t.codes.contains(&Code::CR));
    // Missing change talk: answering it by persuading or confronting, turning to the sustain side, or only with
    // facts and closed questions. Supporting autonomy or collaboration after change talk is not a miss.
    let misses = |t: &TurnRecord| {
        !t.mi_consistent
            || t.focus == Side::Sustain
            || t.codes.iter().all(|c| matches!(c, Code::GI | Code::CQ | Code::NONE))
    };
    let missed = turns.iter().filter(|(talk, t)| matches!(talk, Talk::Change(_)) && misses(t)).count() as f32;
    let ratio = evoke / n;
    let mut cct: f32 = 3.0;
    if ratio >= 0.5 {
        cct += 1.0;
        if deep && missed == 0.0 {
            cct += 1.0;
        }
    } else if evoke == 0.0 {
        cct -= 2.0;
    } else if ratio < 0.25 {
        cct -= 1.0;
    }
    if missed >= 2.0 {
        cct -= 1.0;
    }

    // Softening sustain talk, judged on the replies to sustain talk and discord.
    let feeds = |t: &TurnRecord| {
        t.codes.iter().any(|c| c.is_mi_inconsistent())
            || (t.focus == Side::Sustain && t.codes.iter().any(|c| matches!(c, Code::OQ | Code::SR)))
    };
    let softens = |t: &TurnRecord| {
        !feeds(t)
            && (t.codes.iter().any(|c| matches!(c, Code::CR | Code::EMPH | Code::AF | Code::SEEK))
                || t.focus == Side::Change)
    };
    let st_turns: Vec<&TurnRecord> =
        turns.iter().filter(|(talk, _)| matches!(talk, Talk::Sustain(_) | Talk::Discord)).map(|(_, t)| *t).collect();
    let sst = if st_turns.is_empty() {
        // No sustain talk to soften: high, less one for each argument, which invites the client to defend.
        let arguing = turns.iter().filter(|(_, t)| t.codes.iter().any(|c| c.is_mi_inconsistent())).count();
        5.0 - (arguing as f32).min(3.0)
    } else {
        let soften = st_turns.iter().filter(|t| softens(t)).count() as f32;
        let feed = st_turns.iter().filter(|t| feeds(t)).count() as f32;
        let s = (soften - feed) / st_turns.len() as f32;
        if s >= 0.75 {
            5.0
        } else if s >= 0.4 {
            4.0
        } else if s >= 0.0 {
            3.0
        } else if s >= -0.4 {
            2.0
        } else {
            1.0
        }
    };

    // Partnership.
    let share = count(Code::SEEK) + count(Code::EMPH) + count(Code::PWP) + 0.5 * count(Code::AF);
    // The expert role, counted once per reply: persuading, confronting, or doing the client's part for them.
    let expert = turns
        .iter()
        .filter(|(_, t)| {
            t.codes.iter().any(|c| c.is_mi_inconsistent())
                || matches!(
                    t.ethics,
                    Some(
                        EthicsKind::DoesItForClient
                            | EthicsKind::LogsInAsClient
                            | EthicsKind::TakesCredentials
                            | EthicsKind::ActsWithoutAuthorisation
                    )
                )
        })
        .count() as f32;
    let mut partnership: f32 = 3.0;
    if share >= 2.0 {
        partnership += 1.0;
        if share >= 3.0 && expert == 0.0 {
            partnership += 1.0;
        }
    } else if share == 0.0 {
        partnership -= 1.0;
    }
    partnership -= expert.min(2.0);

    // Empathy.
    let refl = count(Code::SR) + count(Code::CR);
    let q = count(Code::OQ) + count(Code::CQ);
    let cr = count(Code::CR);
    let mut empathy: f32 = 3.0;
    if refl == 0.0 {
        empathy = if q >= n / 2.0 { 1.0 } else { 2.0 };
    } else {
        if refl >= q && refl >= 2.0 {
            empathy += 1.0;
        }
        if cr >= 2.0 && cr / refl >= 0.5 {
            empathy += 1.0;
        }
    }
    if count(Code::CON) >= 1.0 {
        empathy -= 1.0;
    }

    Globals { cct: clamp(cct), sst: clamp(sst), partnership: clamp(partnership), empathy: clamp(empathy) }
}

impl Report {
    /// Builds the report of a session (finished or not) in the session's language.
    pub fn of(session: &Session) -> Report {
        let scenario: &Scenario = session.scenario();
        let state = session.state();
        let lang = state.lang;

        let talk_at =
            |snap: &crate::runtime::Snapshot| crate::runtime::line_at(scenario, snap).map_or(Talk::Neutral, |l| l.talk);
        let paired: Vec<(Talk, &TurnRecord)> = state.history.iter().map(|t| (talk_at(&t.before), t)).collect();

        let mut counts: BTreeMap<Code, u32> = Code::ALL.iter().map(|c| (*c, 0)).collect();
        for t in &state.history {
            for c in &t.codes {
                *counts.entry(*c).or_default() += 1;
            }
        }
        let get = |c: Code| counts[&c];
        let questions = get(Code::OQ) + get(Code::CQ);
        let reflections = get(Code::SR) + get(Code::CR);
        let r_q = (questions > 0).then(|| reflections as f32 / questions as f32);
        let pct_cr = (reflections > 0).then(|| 100.0 * get(Code::CR) as f32 / reflections as f32);
        let mia = Code::ALL.iter().filter(|c| c.class() == CodeClass::Adherent).map(|c| get(*c)).sum();
        let mina = Code::ALL.iter().filter(|c| c.class() == CodeClass::NonAdherent).map(|c| get(*c)).sum();
        let globals = estimate_globals(&paired);
        let technical = (globals.cct + globals.sst) / 2.0;
        let relational = (globals.partnership + globals.empathy) / 2.0;
        // R:Q with reflections but no questions meets every threshold; with neither it meets none.
        let r_q_value = r_q.unwrap_or(if reflections > 0 { f32::INFINITY } else { 0.0 });
        let levels = Levels {
            relational: Level::of(relational, thresholds::RELATIONAL_FAIR, thresholds::RELATIONAL_GOOD),
            technical: Level::of(technical, thresholds::TECHNICAL_FAIR, thresholds::TECHNICAL_GOOD),
            pct_cr: Level::of(pct_cr.unwrap_or(0.0), thresholds::PCT_CR_FAIR, thresholds::PCT_CR_GOOD),
            r_q: Level::of(r_q_value, thresholds::R_Q_FAIR, thresholds::R_Q_GOOD),
        };
        let level = levels.relational.min(levels.technical).min(levels.pct_cr).min(levels.r_q);

        // Client talk: every line said, including the current (or ending) one.
        let mut talks: Vec<Talk> = state.history.iter().map(|t| talk_at(&t.before)).collect();
        talks.push(talk_at(&state.current));
        let ct = |ts: &[Talk]| ts.iter().filter(|t| matches!(t, Talk::Change(_))).count() as u32;
        let st = |ts: &[Talk]| ts.iter().filter(|t| matches!(t, Talk::Sustain(_))).count() as u32;
        let half = talks.len() / 2;
        let (first, second) = talks.split_at(half);
        let mobilising = talks.iter().filter(|t| matches!(t, Talk::Change(d) if d.is_mobilising())).count() as u32;
        // A discord event: a reply after which discord rose by 1 or more or the client answered with discord
        // (counted once per reply), or a discord line at the start.
        let line_talk = |i: usize| talks.get(i).copied();
        let discord_events = state
            .history
            .iter()
            .enumerate()
            .filter(|(i, t)| {
                t.after.discord - t.before.client.discord >= 1.0 || line_talk(i + 1) == Some(Talk::Discord)
            })
            .count() as u32
            + u32::from(line_talk(0) == Some(Talk::Discord));
        let start = scenario.start_state;
        let end = state.current.client;
        let mut trajectory = vec![start];
        trajectory.extend(state.history.iter().map(|t| t.after));

        let mut ethics = Vec::new();
        let mut turns = Vec::new();
        for (i, (talk, t)) in paired.iter().enumerate() {
            let node = scenario.node(&t.before.node);
            let options: &[ReplyOption] = match node {
                Some(Node::Turn(turn)) => &turn.options,
                _ => &[],
            };
            // The options the learner saw at this turn (authored indices); numbers in the report are positions
            // in this list, as displayed.
            let shown: Vec<usize> = match node {
                Some(Node::Turn(turn)) => crate::runtime::shown_options(turn, &t.before, state.seed),
                _ => Vec::new(),
            };
            let displayed = |k: usize| shown.iter().position(|&s| s == k).map_or(k + 1, |p| p + 1);
            let client = crate::runtime::line_at(scenario, &t.before).map_or("", |l| l.text.get(lang)).to_owned();
            let (kind, option, reply, feedback, explain) = match &t.reply {
                ReplyKind::Option { index } => {
                    let o = &options[*index];
                    (
                        "option",
                        Some(displayed(*index)),
                        o.text.get(lang).to_owned(),
                        o.feedback.get(lang).to_owned(),
                        o.ethics.as_ref().map(|e| e.explain.get(lang).to_owned()),
                    )
                }
                ReplyKind::Text { text, route } => {
                    let authored = match node {
                        Some(Node::Turn(turn)) => turn.free_text.get(*route).and_then(|r| r.feedback.as_ref()),
                        _ => None,
                    };
                    let mut fb = typed_feedback(t, lang);
                    if let Some(f) = authored {
                        fb = format!("{fb} {}", f.get(lang));
                    }
                    let explain = match node {
                        Some(Node::Turn(turn)) => turn.free_text.get(*route).and_then(|r| r.ethics.as_ref()),
                        _ => None,
                    }
                    .map(|e| e.explain.get(lang).to_owned());
                    ("text", None, text.clone(), fb, explain)
                }
                ReplyKind::TextThenOption { text, index } => {
                    let o = &options[*index];
                    (
                        "text_then_option",
                        Some(displayed(*index)),
                        text.clone(),
                        format!("{} {}", typed_feedback(t, lang), o.feedback.get(lang)),
                        o.ethics.as_ref().map(|e| e.explain.get(lang).to_owned()),
                    )
                }
            };
            let score = reply_score(&t.codes, &t.effect, t.ethics.is_some());
            let better = shown
                .iter()
                .enumerate()
                .map(|(p, &k)| (p, k, option_score(&options[k], *talk)))
                .max_by(|a, b| a.2.total_cmp(&b.2).then(b.0.cmp(&a.0)))
                .filter(|(p, _, s)| *s > score + 1e-3 && option != Some(p + 1))
                .map(|(p, k, _)| Alternative {
                    option: p + 1,
                    text: options[k].text.get(lang).to_owned(),
                    codes: crate::codes::normalize_volley(&options[k].codes),
                });
            if let Some(kind) = t.ethics {
                // A typed reply's finding quotes the words; its explanation is the rule's, or the kind's own.
                let evidence =
                    t.coded.as_ref().and_then(|c| c.ethics.iter().find(|h| h.kind == kind)).map(|h| h.evidence.clone());
                let explain = explain.unwrap_or_else(|| kind.explain(lang).to_owned());
                ethics.push(EthicsFinding { turn: i + 1, kind, explain, evidence });
            }
            turns.push(TurnReport {
                turn: i + 1,
                node: t.before.node.clone(),
                client,
                client_talk: *talk,
                reply_kind: kind.to_owned(),
                option,
                reply,
                codes: t.codes.clone(),
                focus: t.focus,
                mi_consistent: t.mi_consistent,
                score,
                feedback,
                better,
                ethics: t.ethics,
                state_after: t.after,
            });
        }

        let ending = session.ending().map(|e| EndingReport {
            id: e.id.clone(),
            outcome: e.outcome,
            good: e.outcome.is_good(),
            debrief: e.debrief.get(lang).to_owned(),
            turn_limit: state.history.last().is_some_and(|t| t.turn_limit),
        });

        let finished = session.is_finished();
        let why_not = fail_reasons(finished, ending.as_ref(), level, &levels, &ethics);
        Report {
            passed: why_not.is_empty(),
            why_not,
            own_words: session.own_words(),
            scenario: scenario.id.clone(),
            scenario_version: scenario.version,
            title: scenario.title.get(lang).to_owned(),
            lang,
            seed: state.seed,
            finished,
            ending,
            turns,
            miti: Miti {
                counts,
                questions,
                reflections,
                r_q,
                pct_cr,
                mia,
                mina,
                globals,
                technical,
                relational,
                levels,
                level,
            },
            client: ClientOutcome {
                change_talk: ct(&talks),
                sustain_talk: st(&talks),
                change_talk_pct: pct(ct(&talks), st(&talks)),
                change_talk_pct_first_half: pct(ct(first), st(first)),
                change_talk_pct_second_half: pct(ct(second), st(second)),
                mobilising_talk: mobilising,
                importance: StartEnd { start: start.importance, end: end.importance },
                confidence: StartEnd { start: start.confidence, end: end.confidence },
                discord: StartEnd { start: start.discord, end: end.discord },
                discord_events,
                trajectory,
            },
            ethics,
        }
    }
}
