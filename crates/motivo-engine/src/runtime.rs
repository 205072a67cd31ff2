//! The conversation runtime: a state machine over a scenario's nodes with a client model.
//!
//! A [`Session`] is the scenario plus a serialisable [`SessionState`]. Every learner reply appends a
//! [`TurnRecord`] holding the [`Snapshot`] from before the reply, so any turn can be rewound and replayed.
//! Everything random (which client line variant is said) is drawn from a generator seeded by the session seed,
//! the turn number and the node id, so the same scenario, seed and replies always give the same conversation,
//! and a rewound turn replays exactly as a fresh one.

use std::collections::BTreeSet;
use std::sync::Arc;

use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};
use serde::{Deserialize, Serialize};

use crate::codes::{Code, normalize_volley};
use crate::coding::{CodeRequest, CodedReply, ReplyCoder, TextError, check_reply_text};
use crate::cond::{self, CondEnv, NumVar};
use crate::mind::{Mind, step_stage};
use crate::model::{
    ClientLine, ClientState, Effect, Ending, EthicsKind, InputMode, Lang, Node, ReplyOption, Route, RouteWhen,
    Scenario, Side, Talk, Turn, holds,
};
use crate::rules::default_effect;

/// The state between two learner replies.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    /// The node the conversation is at.
    pub node: String,
    /// Index of the client line said at this node.
    pub line: usize,
    pub client: ClientState,
    pub flags: BTreeSet<String>,
    pub visited: BTreeSet<String>,
    pub used: BTreeSet<Code>,
    /// Client change-talk and sustain-talk lines so far, including this node's line.
    pub change_talk: u32,
    pub sustain_talk: u32,
    /// Learner replies so far.
    pub turn: u32,
    /// The client is answering a reply the scenario could not follow: the line said now is the `clarify` line of
    /// this free-text rule of the current turn (not one of the turn's own lines), and the turn stays open.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clarify: Option<usize>,
    /// The lines said so far, as `node#index`: a revisited node says a variant it has not said yet, when it has
    /// one, so the client does not repeat herself word for word.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub said: BTreeSet<String>,
    /// Trust, stage of change and sustain reasons (`crate::mind`).
    #[serde(default)]
    pub mind: Mind,
}

impl CondEnv for Snapshot {
    fn num(&self, var: NumVar) -> f32 {
        match var {
            NumVar::Importance => self.client.importance,
            NumVar::Confidence => self.client.confidence,
            NumVar::Discord => self.client.discord,
            NumVar::Momentum => self.client.momentum,
            NumVar::Turn => self.turn as f32,
            NumVar::ChangeTalk => self.change_talk as f32,
            NumVar::SustainTalk => self.sustain_talk as f32,
            NumVar::Trust => self.mind.trust,
            NumVar::Stage => f32::from(self.mind.stage.number()),
        }
    }
    fn flag(&self, name: &str) -> bool {
        self.flags.contains(name)
    }
    fn visited(&self, node: &str) -> bool {
        self.visited.contains(node)
    }
    fn used(&self, code: Code) -> bool {
        self.used.contains(&code)
    }
    fn unheard(&self, id: &str) -> bool {
        self.mind.unheard.contains(id)
    }
    fn heard(&self, id: &str) -> bool {
        self.mind.heard.contains(id)
    }
}

/// What the learner did at a turn. Option indices are **authored** indices (positions in the turn's
/// `options` in the file), not the displayed positions: with conditional options the two differ.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReplyKind {
    /// Picked authored option `index` (0-based).
    Option { index: usize },
    /// Typed a reply, routed by the turn's free-text rules (`route` is the rule's index).
    Text { text: String, route: usize },
    /// Typed a reply, then picked the closest authored option.
    TextThenOption { text: String, index: usize },
}

/// One learner reply and what it did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TurnRecord {
    /// The state before the reply (rewinding to this turn restores it).
    pub before: Snapshot,
    pub reply: ReplyKind,
    /// The coder's answer for a typed reply.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coded: Option<CodedReply>,
    /// The reply's MI codes after MITI's per-volley rules.
    pub codes: Vec<Code>,
    /// The side of the client's ambivalence the reply attended to.
    pub focus: Side,
    pub effect: Effect,
    pub mi_consistent: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ethics: Option<EthicsKind>,
    pub next: String,
    /// The scenario's turn limit (`max_turns`) was reached: `next` is its `on_limit` ending, not the node the
    /// reply leads to.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub turn_limit: bool,
    /// The client's state after the reply.
    pub after: ClientState,
}

/// Everything needed to resume or replay a conversation (serde).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SessionState {
    pub scenario_id: String,
    pub scenario_version: u32,
    pub seed: u64,
    pub lang: Lang,
    /// How the learner chose to answer (pick, write then pick, or write). The turn's authored `input` is the
    /// minimum: the effective way is whichever asks more of the learner's own words ([`effective_input`]).
    #[serde(default)]
    pub answer: InputMode,
    pub history: Vec<TurnRecord>,
    pub current: Snapshot,
}

/// Why a reply or rewind could not be taken.
#[derive(Debug, Clone, PartialEq)]
pub enum RuntimeError {
    Finished,
    NoSuchOption {
        index: usize,
        count: usize,
    },
    /// No option with this authored id is shown at this turn.
    NoSuchOptionId {
        id: String,
        count: usize,
    },
    /// The turn takes no typed replies (or no picked options).
    WrongInput {
        expected: InputMode,
    },
    Text(TextError),
    NoRoute,
    NoSuchTurn {
        turn: usize,
        turns: usize,
    },
    /// A saved session does not fit the scenario.
    Mismatch(String),
}

impl RuntimeError {
    /// The message for the learner, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        use crate::msg;
        let m = match self {
            RuntimeError::Finished => msg!("runtime-finished"),
            RuntimeError::NoSuchOption { index, count } => {
                msg!("runtime-no-such-option", n = index.saturating_add(1), count = *count)
            }
            RuntimeError::NoSuchOptionId { id, count } => msg!("runtime-no-such-option-id", id, count = *count),
            RuntimeError::WrongInput { expected } => match expected {
                InputMode::Choice => msg!("runtime-wrong-input-choice"),
                InputMode::FreeText => msg!("runtime-wrong-input-free-text"),
                InputMode::WriteThenPick => msg!("runtime-wrong-input-write-then-pick"),
            },
            RuntimeError::Text(e) => return e.message(lang),
            RuntimeError::NoRoute => msg!("runtime-no-route"),
            RuntimeError::NoSuchTurn { turn, turns } => {
                msg!("runtime-no-such-turn", n = turn.saturating_add(1), turns = *turns)
            }
            RuntimeError::Mismatch(m) => msg!("runtime-mismatch", detail = m),
        };
        m.text(lang)
    }
}

impl std::fmt::Display for RuntimeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for RuntimeError {}

/// A conversation in progress.
#[derive(Debug, Clone)]
pub struct Session {
    scenario: Arc<Scenario>,
    state: SessionState,
}

/// One learner move, as [`Session::apply`] takes it.
struct Move<'a> {
    reply: ReplyKind,
    /// Stay at the turn and let the client say this free-text rule's `clarify` line.
    stay: Option<usize>,
    coded: Option<CodedReply>,
    codes: Vec<Code>,
    focus: Side,
    /// Replaces the rule table's effect.
    effect: Option<Effect>,
    ethics: Option<EthicsKind>,
    set: &'a [String],
    /// Sustain reasons the reply reflected (heard if it is a reflection).
    hears: Vec<String>,
    next: String,
}

/// What the learner sees at the current node.
#[derive(Debug, Clone)]
pub struct View<'a> {
    pub node: &'a Node,
    pub line: &'a ClientLine,
    /// The options shown now: the turn's options whose `when` holds, in the displayed (shuffled) order (empty at
    /// an ending). [`Session::choose`]`(i)` picks `options[i]`.
    pub options: Vec<&'a ReplyOption>,
    /// For each shown option, its authored index in the turn's `options` (what [`ReplyKind::Option`] records).
    pub authored: Vec<usize>,
    /// The effective way of answering this turn: the learner's choice, but at least the turn's authored `input`.
    pub input: InputMode,
    /// Picking an option alone is accepted now ([`Session::choose`]).
    pub can_pick: bool,
    /// A typed reply routed by the turn's free-text rules is accepted now ([`Session::reply_text`]).
    pub can_type: bool,
    /// Typing, then picking the closest option, is accepted now ([`Session::reply_text_then_choose`]).
    pub can_write_then_pick: bool,
    pub ending: Option<&'a Ending>,
}

fn fnv1a(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3))
}

fn line_rng(seed: u64, turn: u32, node: &str) -> StdRng {
    let mixed = seed ^ fnv1a(node).rotate_left(17) ^ (turn as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    StdRng::seed_from_u64(mixed)
}

/// The generator for the displayed order of options: its own stream, so adding options never changes which
/// client line is said.
fn order_rng(seed: u64, turn: u32, node: &str) -> StdRng {
    let mixed = (seed ^ 0x5DEE_CE66_D1CE_4E5B).rotate_left(29)
        ^ fnv1a(node).rotate_left(7)
        ^ (turn as u64).wrapping_mul(0xD6E8_FEB8_6659_FD93);
    StdRng::seed_from_u64(mixed)
}

/// How much of the learner's own words a way of answering asks for.
fn own_words_rank(mode: InputMode) -> u8 {
    match mode {
        InputMode::Choice => 0,
        InputMode::WriteThenPick => 1,
        InputMode::FreeText => 2,
    }
}

/// The way of answering `turn` when the learner chose `answer`: the more demanding of the learner's choice and
/// the turn's authored `input`, limited to what the turn offers (no options → write; no free-text rules → at most
/// write then pick).
pub fn effective_input(turn: &Turn, scenario: &Scenario, answer: InputMode) -> InputMode {
    let authored = turn.input_mode(scenario);
    let wanted = if own_words_rank(answer) > own_words_rank(authored) { answer } else { authored };
    if turn.options.is_empty() {
        return InputMode::FreeText;
    }
    match wanted {
        InputMode::FreeText if turn.free_text.is_empty() => InputMode::WriteThenPick,
        m => m,
    }
}

/// The client line said in state `snap` (a turn's own line, or the `clarify` line of the free-text rule that
/// kept the turn open).
pub fn line_at<'a>(scenario: &'a Scenario, snap: &Snapshot) -> Option<&'a ClientLine> {
    let node = scenario.node(&snap.node)?;
    match (node, snap.clarify) {
        (Node::Turn(t), Some(r)) => t.free_text.get(r).and_then(|r| r.clarify.as_ref()),
        _ => node.lines().get(snap.line),
    }
}

/// Counts a client line said in the snapshot's change- and sustain-talk totals.
fn count_talk(cur: &mut Snapshot, talk: Option<Talk>) {
    match talk {
        Some(Talk::Change(_)) => cur.change_talk += 1,
        Some(Talk::Sustain(_)) => cur.sustain_talk += 1,
        _ => {}
    }
}

fn said_key(node: &str, line: usize) -> String {
    format!("{node}#{line}")
}

/// Picks the client line at `node` for `snap` (see [`ClientLine`] for the rule; a variant already said at this
/// node is passed over while another candidate is left).
pub fn pick_line(lines: &[ClientLine], snap: &Snapshot, seed: u64) -> usize {
    let holds = |l: &ClientLine| cond::parse(l.when.as_deref().unwrap_or("")).is_ok_and(|c| c.eval(snap));
    pick_variant(lines, holds, |i| snap.said.contains(&said_key(&snap.node, i)), seed, snap.turn, &snap.node)
}

/// The rule of [`pick_line`], for any state: `holds` tells whether a line's `when` holds (it is asked only for
/// lines that have one), `said` whether the line was said at this node before. The path explorer
/// (`analysis::sim`) uses it too, so both pick the same line.
pub(crate) fn pick_variant(
    lines: &[ClientLine],
    holds: impl Fn(&ClientLine) -> bool,
    said: impl Fn(usize) -> bool,
    seed: u64,
    turn: u32,
    node: &str,
) -> usize {
    let mut candidates: Vec<usize> =
        (0..lines.len()).filter(|&i| lines[i].when.is_some() && holds(&lines[i])).collect();
    if candidates.is_empty() {
        candidates = (0..lines.len()).filter(|&i| lines[i].when.is_none()).collect();
    }
    // A revisit prefers a variant not said yet at this node.
    let fresh: Vec<usize> = candidates.iter().copied().filter(|&i| !said(i)).collect();
    if !fresh.is_empty() {
        candidates = fresh;
    }
    match candidates.len() {
        0 => 0,
        1 => candidates[0],
        _ => {
            let total: u64 = candidates.iter().map(|&i| lines[i].weight.max(1) as u64).sum();
            let mut r = line_rng(seed, turn, node).random_range(0..total);
            for &i in &candidates {
                let w = lines[i].weight.max(1) as u64;
                if r < w {
                    return i;
                }
                r -= w;
            }
            candidates[candidates.len() - 1]
        }
    }
}

/// The authored indices of the options of `turn` shown in state `snap` (those whose `when` holds), in the
/// displayed order: shuffled by a generator seeded by (`seed`, turn number, node), so the same session shows the
/// same order again (after a rewind too), and no position marks the MI-consistent reply.
pub fn shown_options(turn: &Turn, snap: &Snapshot, seed: u64) -> Vec<usize> {
    let mut shown: Vec<usize> =
        turn.options.iter().enumerate().filter(|(_, o)| o.shown(snap)).map(|(k, _)| k).collect();
    let mut rng = order_rng(seed, snap.turn, &snap.node);
    // Fisher–Yates, written out so the order never depends on a library's shuffle algorithm.
    for i in (1..shown.len()).rev() {
        let j = rng.random_range(0..=i);
        shown.swap(i, j);
    }
    shown
}

/// The position (0-based, as displayed) of the option of `turn` whose authored `id` is `id`, in state `snap`.
pub fn shown_position_of(turn: &Turn, snap: &Snapshot, seed: u64, id: &str) -> Option<usize> {
    shown_options(turn, snap, seed).iter().position(|&k| turn.options[k].id.as_deref() == Some(id))
}

impl Session {
    /// Starts a conversation at the scenario's start node.
    pub fn start(scenario: Arc<Scenario>, seed: u64, lang: Lang) -> Session {
        let start = scenario.start.clone();
        let client = scenario.start_state;
        let mut session = Session::before(scenario, seed, lang, client, BTreeSet::new());
        session.enter(&start);
        session
    }

    /// Starts a conversation at `node` with the client in state `client` and `flags` set, as if it had got there:
    /// a trainer's "play from here". No replies come before it. `None` if the scenario has no node `node`.
    pub fn start_at(
        scenario: Arc<Scenario>,
        seed: u64,
        lang: Lang,
        node: &str,
        client: ClientState,
        flags: BTreeSet<String>,
    ) -> Option<Session> {
        scenario.node(node)?;
        let mut session = Session::before(scenario, seed, lang, client, flags);
        session.enter(node);
        Some(session)
    }

    /// A session about to enter its first node.
    fn before(scenario: Arc<Scenario>, seed: u64, lang: Lang, client: ClientState, flags: BTreeSet<String>) -> Session {
        let current = Snapshot {
            node: String::new(),
            line: 0,
            client,
            flags,
            visited: BTreeSet::new(),
            used: BTreeSet::new(),
            change_talk: 0,
            sustain_talk: 0,
            turn: 0,
            clarify: None,
            said: BTreeSet::new(),
            mind: Mind::start(&scenario.client_model),
        };
        let state = SessionState {
            scenario_id: scenario.id.clone(),
            scenario_version: scenario.version,
            seed,
            lang,
            answer: InputMode::Choice,
            history: Vec::new(),
            current,
        };
        Session { scenario, state }
    }

    /// Resumes a saved conversation. The scenario must be the one it was played on and still have its nodes.
    pub fn resume(scenario: Arc<Scenario>, state: SessionState) -> Result<Session, RuntimeError> {
        if state.scenario_id != scenario.id {
            return Err(RuntimeError::Mismatch(format!(
                "it was played on `{}`, not `{}`",
                state.scenario_id, scenario.id
            )));
        }
        let fits = |s: &Snapshot| {
            scenario.node(&s.node).is_some_and(|n| s.line < n.lines().len()) && line_at(&scenario, s).is_some()
        };
        // Every recorded reply must still name an option or rule of its turn (the report reads them), and that
        // option or rule must have been available in the state it was picked in (its `when` / `if` held).
        let reply_fits = |t: &TurnRecord| match (scenario.node(&t.before.node), &t.reply) {
            (Some(Node::Turn(turn)), ReplyKind::Option { index } | ReplyKind::TextThenOption { index, .. }) => {
                turn.options.get(*index).is_some_and(|o| o.shown(&t.before))
            }
            (Some(Node::Turn(turn)), ReplyKind::Text { route, .. }) => {
                turn.free_text.get(*route).is_some_and(|r| holds(r.cond.as_deref(), &t.before))
            }
            _ => false,
        };
        if !fits(&state.current) || !state.history.iter().all(|t| fits(&t.before) && reply_fits(t)) {
            return Err(RuntimeError::Mismatch(format!(
                "version {} of `{}` no longer has the nodes or options it was played with",
                scenario.version, scenario.id
            )));
        }
        Ok(Session { scenario, state })
    }

    pub fn scenario(&self) -> &Arc<Scenario> {
        &self.scenario
    }

    pub fn state(&self) -> &SessionState {
        &self.state
    }

    pub fn lang(&self) -> Lang {
        self.state.lang
    }

    pub fn set_lang(&mut self, lang: Lang) {
        self.state.lang = lang;
    }

    /// The language the scenario's texts are shown in: the learner's language if the scenario is written in it,
    /// else its fallback ([`Scenario::play_lang`]). Typed replies are coded in this language, since the learner
    /// answers the client in the language the client speaks.
    pub fn content_lang(&self) -> Lang {
        self.scenario.play_lang(self.state.lang)
    }

    /// How the learner answers from now on (the turn's authored `input` stays the minimum).
    pub fn set_answer(&mut self, answer: InputMode) {
        self.state.answer = answer;
    }

    pub fn answer(&self) -> InputMode {
        self.state.answer
    }

    /// Whether every reply so far was the learner's own typed words (free text, or written then picked).
    pub fn own_words(&self) -> bool {
        !self.state.history.is_empty()
            && self.state.history.iter().all(|t| !matches!(t.reply, ReplyKind::Option { .. }))
    }

    pub fn history(&self) -> &[TurnRecord] {
        &self.state.history
    }

    fn node(&self) -> &Node {
        self.scenario.node(&self.state.current.node).expect("the current node exists (checked on entry)")
    }

    /// What the learner sees now.
    pub fn view(&self) -> View<'_> {
        let node = self.node();
        let line = line_at(&self.scenario, &self.state.current).unwrap_or(&node.lines()[self.state.current.line]);
        match node {
            Node::Turn(t) => {
                let authored = shown_options(t, &self.state.current, self.state.seed);
                let options: Vec<&ReplyOption> = authored.iter().map(|&k| &t.options[k]).collect();
                let input = effective_input(t, &self.scenario, self.state.answer);
                View {
                    node,
                    line,
                    can_pick: input == InputMode::Choice && !options.is_empty(),
                    can_type: !t.free_text.is_empty(),
                    can_write_then_pick: input != InputMode::FreeText && !options.is_empty(),
                    options,
                    authored,
                    input,
                    ending: None,
                }
            }
            Node::Ending(e) => View {
                node,
                line,
                options: Vec::new(),
                authored: Vec::new(),
                input: InputMode::Choice,
                can_pick: false,
                can_type: false,
                can_write_then_pick: false,
                ending: Some(e),
            },
        }
    }

    pub fn is_finished(&self) -> bool {
        matches!(self.node(), Node::Ending(_))
    }

    pub fn ending(&self) -> Option<&Ending> {
        match self.node() {
            Node::Ending(e) => Some(e),
            Node::Turn(_) => None,
        }
    }

    fn enter(&mut self, id: &str) {
        // A validated scenario has every target; otherwise fall back to the start node rather than panic.
        let scenario = &self.scenario;
        let node = scenario
            .node(id)
            .or_else(|| scenario.node(&scenario.start))
            .or_else(|| scenario.nodes.first())
            .expect("a validated scenario has nodes");
        let cur = &mut self.state.current;
        cur.node = node.id().to_owned();
        cur.clarify = None;
        cur.visited.insert(cur.node.clone());
        cur.line = pick_line(node.lines(), cur, self.state.seed).min(node.lines().len().saturating_sub(1));
        cur.said.insert(said_key(&cur.node, cur.line));
        count_talk(cur, node.lines().get(cur.line).map(|l| l.talk));
        cur.mind.said(&scenario.client_model, node.lines().get(cur.line));
    }

    fn turn(&self) -> Result<&Turn, RuntimeError> {
        match self.node() {
            Node::Turn(t) => Ok(t),
            Node::Ending(_) => Err(RuntimeError::Finished),
        }
    }

    fn line_talk(&self) -> Talk {
        self.view().line.talk
    }

    fn apply(&mut self, m: Move<'_>) -> &TurnRecord {
        let codes = normalize_volley(&m.codes);
        let effect = m.effect.unwrap_or_else(|| default_effect(&codes, m.focus));
        let before = self.state.current.clone();
        let model = &self.scenario.client_model;
        let cur = &mut self.state.current;
        cur.client.apply(&effect);
        cur.used.extend(codes.iter().copied());
        cur.flags.extend(m.set.iter().cloned());
        cur.turn += 1;
        cur.mind.after_reply(&codes, m.ethics.is_some(), &m.hears);
        cur.mind.stage = step_stage(model, cur.mind.stage, &*cur);
        let after = cur.client;
        let mi_consistent = !codes.iter().any(|c| c.is_mi_inconsistent()) && m.ethics.is_none();
        // The turn limit: the reply that reaches `max_turns` ends the conversation unless it already does.
        let mut next = if m.stay.is_some() { cur.node.clone() } else { m.next };
        let mut turn_limit = false;
        if let (Some(max), Some(on_limit)) = (self.scenario.max_turns, &self.scenario.on_limit)
            && cur.turn >= max
            && !matches!(self.scenario.node(&next), Some(Node::Ending(_)))
            && matches!(self.scenario.node(on_limit), Some(Node::Ending(_)))
        {
            next = on_limit.clone();
            turn_limit = true;
        }
        match m.stay {
            Some(route) if !turn_limit => self.stay(route),
            _ => self.enter(&next),
        }
        self.state.history.push(TurnRecord {
            before,
            reply: m.reply,
            coded: m.coded,
            codes,
            focus: m.focus,
            effect,
            mi_consistent,
            ethics: m.ethics,
            next,
            turn_limit,
            after,
        });
        self.state.history.last().expect("just pushed")
    }

    /// Stays at the current turn; the client says the `clarify` line of free-text rule `route`.
    fn stay(&mut self, route: usize) {
        let cur = &mut self.state.current;
        cur.clarify = Some(route);
        let line = line_at(&self.scenario, cur);
        count_talk(cur, line.map(|l| l.talk));
        cur.mind.said(&self.scenario.client_model, line);
    }

    /// The shown option at displayed position `shown` (0-based), with its authored index.
    fn shown_option(&self, shown: usize) -> Result<(usize, ReplyOption), RuntimeError> {
        let turn = self.turn()?;
        let authored = shown_options(turn, &self.state.current, self.state.seed);
        let count = authored.len();
        let k = *authored.get(shown).ok_or(RuntimeError::NoSuchOption { index: shown, count })?;
        Ok((k, turn.options[k].clone()))
    }

    /// Picks the `index`-th **shown** option (0-based, as in [`View::options`]). The record holds its authored
    /// index ([`ReplyKind::Option`]).
    pub fn choose(&mut self, index: usize) -> Result<&TurnRecord, RuntimeError> {
        let turn = self.turn()?;
        let input = effective_input(turn, &self.scenario, self.state.answer);
        if input != InputMode::Choice {
            return Err(RuntimeError::WrongInput { expected: input });
        }
        let (authored, opt) = self.shown_option(index)?;
        let focus = opt.focus.unwrap_or_else(|| self.line_talk().side());
        Ok(self.apply(Move {
            reply: ReplyKind::Option { index: authored },
            stay: None,
            coded: None,
            codes: opt.codes.clone(),
            focus,
            effect: opt.effect,
            ethics: opt.ethics.as_ref().map(|e| e.kind),
            set: &opt.set,
            hears: opt.hears.clone(),
            next: opt.next.clone(),
        }))
    }

    /// Picks the option at authored index `authored` (its position in the file), if it is shown now. For tests,
    /// plans and path exploration, which must not depend on the shuffled display order.
    pub fn choose_authored(&mut self, authored: usize) -> Result<&TurnRecord, RuntimeError> {
        let turn = self.turn()?;
        let shown = shown_options(turn, &self.state.current, self.state.seed);
        let count = shown.len();
        let pos =
            shown.iter().position(|&k| k == authored).ok_or(RuntimeError::NoSuchOption { index: authored, count })?;
        self.choose(pos)
    }

    /// Picks the shown option whose authored `id` is `id`.
    pub fn choose_id(&mut self, id: &str) -> Result<&TurnRecord, RuntimeError> {
        let count = self.view().options.len();
        let pos = self.position_of(id).ok_or_else(|| RuntimeError::NoSuchOptionId { id: id.to_owned(), count })?;
        self.choose(pos)
    }

    /// The position (0-based, as displayed now) of the shown option whose authored id is `id`.
    pub fn position_of(&self, id: &str) -> Option<usize> {
        let turn = self.turn().ok()?;
        shown_position_of(turn, &self.state.current, self.state.seed, id)
    }

    fn code_text(&self, coder: &dyn ReplyCoder, text: &str) -> CodedReply {
        let view = self.view();
        let lang = self.content_lang();
        coder.code(&CodeRequest {
            lang,
            text,
            context: view.line.text.get(lang),
            context_talk: Some(view.line.talk),
            meanings: &view.line.meanings,
        })
    }

    /// Codes a typed reply and routes it by the turn's free-text rules.
    pub fn reply_text(&mut self, coder: &dyn ReplyCoder, text: &str) -> Result<&TurnRecord, RuntimeError> {
        let turn = self.turn()?;
        if turn.free_text.is_empty() {
            return Err(RuntimeError::WrongInput { expected: turn.input_mode(&self.scenario) });
        }
        let text = check_reply_text(text).map_err(RuntimeError::Text)?;
        let coded = self.code_text(coder, text);
        let (index, route) = route_for(&turn.free_text, &coded, &self.state.current).ok_or(RuntimeError::NoRoute)?;
        let route = route.clone();
        let focus = coded.reflected.unwrap_or_else(|| self.line_talk().side());
        let codes = coded.codes.clone();
        // A problem found in the typed words counts like an ethics-marked option, whatever rule routed the reply.
        let ethics = route.ethics.as_ref().map(|e| e.kind).or_else(|| coded.ethics.first().map(|h| h.kind));
        let effect = typed_effect(route.effect, &codes, focus, &coded, &route.when);
        let hears = coded.meanings.clone();
        Ok(self.apply(Move {
            reply: ReplyKind::Text { text: text.to_owned(), route: index },
            stay: route.clarify.is_some().then_some(index),
            coded: Some(coded),
            codes,
            focus,
            effect: Some(effect),
            ethics,
            set: &route.set,
            hears,
            next: route.next,
        }))
    }

    /// Codes a typed reply, then moves on by the picked option ("write first, then pick the closest"). The
    /// typed reply's codes are what is scored: they are the learner's own words. `index` is the shown position,
    /// as in [`Session::choose`].
    pub fn reply_text_then_choose(
        &mut self,
        coder: &dyn ReplyCoder,
        text: &str,
        index: usize,
    ) -> Result<&TurnRecord, RuntimeError> {
        let turn = self.turn()?;
        let input = effective_input(turn, &self.scenario, self.state.answer);
        if input == InputMode::FreeText {
            return Err(RuntimeError::WrongInput { expected: input });
        }
        let (authored, opt) = self.shown_option(index)?;
        let text = check_reply_text(text).map_err(RuntimeError::Text)?;
        let coded = self.code_text(coder, text);
        // When the coder is unsure, the learner's pick says what they meant: the picked option's codes count.
        let unsure = coded.unsure;
        let codes = if unsure { opt.codes.clone() } else { coded.codes.clone() };
        let focus =
            if unsure { opt.focus } else { coded.reflected.or(opt.focus) }.unwrap_or_else(|| self.line_talk().side());
        let ethics = opt.ethics.as_ref().map(|e| e.kind).or_else(|| coded.ethics.first().map(|h| h.kind));
        let effect = if opt.ethics.is_none() && !coded.ethics.is_empty() {
            Some(with_ethics_reaction(opt.effect.unwrap_or_else(|| default_effect(&normalize_volley(&codes), focus))))
        } else {
            opt.effect
        };
        // The typed reflection's captured meanings, and the pick's `hears` when the typed reply is a reflection
        // too (or the coder is unsure): the learner picked the reflection they meant.
        let mut hears = coded.meanings.clone();
        if unsure || coded.codes.iter().any(|c| c.is_reflection()) {
            hears.extend(opt.hears.iter().cloned());
        }
        Ok(self.apply(Move {
            reply: ReplyKind::TextThenOption { text: text.to_owned(), index: authored },
            stay: None,
            coded: Some(coded),
            codes,
            focus,
            effect,
            ethics,
            set: &opt.set,
            hears,
            next: opt.next.clone(),
        }))
    }

    /// Goes back to just before learner reply `turn` (0-based), dropping it and every later reply.
    pub fn rewind(&mut self, turn: usize) -> Result<(), RuntimeError> {
        let turns = self.state.history.len();
        if turn >= turns {
            return Err(RuntimeError::NoSuchTurn { turn, turns });
        }
        self.state.current = self.state.history[turn].before.clone();
        self.state.history.truncate(turn);
        Ok(())
    }
}

/// How the client reacts to an ethics problem the scenario did not write a rule for: friction rises and the
/// conversation loses momentum (documented in `docs/scoring.md`).
pub const ETHICS_REACTION: Effect = Effect::new(0.0, -1.0, 3.0, -1.0);

fn with_ethics_reaction(e: Effect) -> Effect {
    Effect::new(
        e.importance + ETHICS_REACTION.importance,
        e.confidence + ETHICS_REACTION.confidence,
        e.discord.max(0.0) + ETHICS_REACTION.discord,
        e.momentum.min(0.0) + ETHICS_REACTION.momentum,
    )
}

/// The effect of a typed reply: the rule's own, or the rule table's; plus the client's reaction to an ethics
/// problem found in the words when the rule is not itself an ethics rule (which carries its authored reaction).
fn typed_effect(authored: Option<Effect>, codes: &[Code], focus: Side, coded: &CodedReply, when: &RouteWhen) -> Effect {
    let base = authored.unwrap_or_else(|| default_effect(&normalize_volley(codes), focus));
    let ethics_rule = matches!(when, RouteWhen::Ethics(_) | RouteWhen::AnyEthics);
    if coded.ethics.is_empty() || ethics_rule { base } else { with_ethics_reaction(base) }
}

/// The first free-text rule that matches a coded reply in state `env` (rules whose `if` does not hold are
/// skipped), with its index.
pub fn route_for<'r>(routes: &'r [Route], coded: &CodedReply, env: &dyn CondEnv) -> Option<(usize, &'r Route)> {
    let is_reflection = coded.codes.iter().any(|c| c.is_reflection());
    routes.iter().enumerate().filter(|(_, r)| holds(r.cond.as_deref(), env)).find(|(_, r)| match &r.when {
        RouteWhen::Code(c) => coded.codes.contains(c),
        RouteWhen::AnyCode(cs) => cs.iter().any(|c| coded.codes.contains(c)),
        RouteWhen::Reflected(m) => is_reflection && coded.meanings.iter().any(|x| x == m),
        RouteWhen::ReflectedChange => is_reflection && coded.reflected == Some(Side::Change),
        RouteWhen::ReflectedSustain => is_reflection && coded.reflected == Some(Side::Sustain),
        RouteWhen::Ethics(k) => coded.ethics.iter().any(|h| h.kind == *k),
        RouteWhen::AnyEthics => !coded.ethics.is_empty(),
        RouteWhen::Otherwise => true,
    })
}
