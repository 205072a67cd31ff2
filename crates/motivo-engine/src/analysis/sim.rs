//! A light replica of the runtime's option-picking step, for exploring many paths quickly: the visited set is a
//! bit set over node indices and conditions are parsed once. It must agree with [`crate::runtime::Session`] (the
//! tests check it against real sessions on every bundled scenario).

use std::collections::{BTreeSet, HashMap};
use std::hash::{Hash, Hasher};

use crate::codes::{Code, normalize_volley};
use crate::cond::{self, Cond, CondEnv, NumVar};
use crate::mind::{Mind, step_stage_with};
use crate::model::{ClientLine, ClientState, EthicsKind, Node, Scenario, Talk};
use crate::rules::default_effect;

/// The state between two replies, as the runtime keeps it, in a compact form.
#[derive(Debug, Clone, PartialEq)]
pub struct St {
    pub node: usize,
    pub line: usize,
    pub client: ClientState,
    pub flags: BTreeSet<String>,
    pub visited: Vec<u64>,
    pub used: BTreeSet<Code>,
    pub change_talk: u32,
    pub sustain_talk: u32,
    pub turn: u32,
    /// The lines said so far, as (node, line): a revisit prefers a variant not said yet (as the runtime does).
    pub said: BTreeSet<(usize, usize)>,
    /// Trust, stage and sustain reasons, moved as the runtime moves them.
    pub mind: Mind,
}

/// What picking one option did.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub option: usize,
    pub mi_consistent: bool,
    /// MI-consistent and with a reflection or an MI-adherent code (AF, SEEK, EMPH): what a skilled learner picks.
    pub mi_skilled: bool,
    pub ethics: Option<EthicsKind>,
    pub turn_limit: bool,
    /// The reply went to a node the conversation had already visited.
    pub revisits: bool,
}

pub struct Sim<'a> {
    pub scenario: &'a Scenario,
    pub seed: u64,
    conds: HashMap<&'a str, Option<Cond>>,
    on_limit: Option<usize>,
}

struct Env<'s, 'a> {
    sim: &'s Sim<'a>,
    st: &'s St,
}

impl CondEnv for Env<'_, '_> {
    fn num(&self, var: NumVar) -> f32 {
        let s = self.st;
        match var {
            NumVar::Importance => s.client.importance,
            NumVar::Confidence => s.client.confidence,
            NumVar::Discord => s.client.discord,
            NumVar::Momentum => s.client.momentum,
            NumVar::Turn => s.turn as f32,
            NumVar::ChangeTalk => s.change_talk as f32,
            NumVar::SustainTalk => s.sustain_talk as f32,
            NumVar::Trust => s.mind.trust,
            NumVar::Stage => f32::from(s.mind.stage.number()),
        }
    }
    fn unheard(&self, id: &str) -> bool {
        self.st.mind.unheard.contains(id)
    }
    fn heard(&self, id: &str) -> bool {
        self.st.mind.heard.contains(id)
    }
    fn flag(&self, name: &str) -> bool {
        self.st.flags.contains(name)
    }
    fn visited(&self, node: &str) -> bool {
        self.sim.scenario.node_index(node).is_some_and(|i| bit(&self.st.visited, i))
    }
    fn used(&self, code: Code) -> bool {
        self.st.used.contains(&code)
    }
}

fn bit(v: &[u64], i: usize) -> bool {
    v.get(i / 64).is_some_and(|w| w >> (i % 64) & 1 == 1)
}

impl<'a> Sim<'a> {
    pub fn new(scenario: &'a Scenario, seed: u64) -> Sim<'a> {
        let mut conds = HashMap::new();
        for n in &scenario.nodes {
            let mut add = |w: &'a Option<String>| {
                if let Some(w) = w.as_deref() {
                    conds.entry(w).or_insert_with(|| cond::parse(w).ok());
                }
            };
            for l in n.lines() {
                add(&l.when);
            }
            if let Node::Turn(t) = n {
                for o in &t.options {
                    add(&o.when);
                }
            }
        }
        let model = &scenario.client_model;
        let advance = &model.advance;
        for c in [&advance.contemplation, &advance.preparation, &advance.action].into_iter().chain(&model.back) {
            conds.entry(c.as_str()).or_insert_with(|| cond::parse(c).ok());
        }
        let on_limit = scenario
            .on_limit
            .as_deref()
            .and_then(|id| scenario.node_index(id))
            .filter(|&i| matches!(scenario.nodes[i], Node::Ending(_)));
        Sim { scenario, seed, conds, on_limit }
    }

    fn holds(&self, when: Option<&str>, st: &St) -> bool {
        match when {
            None => true,
            Some(w) => {
                let env = Env { sim: self, st };
                match self.conds.get(w) {
                    Some(Some(c)) => c.eval(&env),
                    Some(None) => false,
                    None => cond::parse(w).is_ok_and(|c| c.eval(&env)),
                }
            }
        }
    }

    fn pick_line(&self, lines: &[ClientLine], st: &St) -> usize {
        let node = self.scenario.nodes[st.node].id();
        let holds = |l: &ClientLine| self.holds(l.when.as_deref(), st);
        crate::runtime::pick_variant(lines, holds, |i| st.said.contains(&(st.node, i)), self.seed, st.turn, node)
    }

    fn enter(&self, st: &mut St, node: usize) {
        st.node = node;
        let words = self.scenario.nodes.len().div_ceil(64);
        if st.visited.len() < words {
            st.visited.resize(words, 0);
        }
        st.visited[node / 64] |= 1 << (node % 64);
        let lines = self.scenario.nodes[node].lines();
        st.line = self.pick_line(lines, st).min(lines.len().saturating_sub(1));
        st.said.insert((node, st.line));
        match lines.get(st.line).map(|l| l.talk) {
            Some(Talk::Change(_)) => st.change_talk += 1,
            Some(Talk::Sustain(_)) => st.sustain_talk += 1,
            _ => {}
        }
        st.mind.said(&self.scenario.client_model, lines.get(st.line));
    }

    /// The state at the start node.
    pub fn start(&self) -> St {
        let mut st = St {
            node: 0,
            line: 0,
            client: self.scenario.start_state,
            flags: BTreeSet::new(),
            visited: Vec::new(),
            used: BTreeSet::new(),
            change_talk: 0,
            sustain_talk: 0,
            turn: 0,
            said: BTreeSet::new(),
            mind: Mind::start(&self.scenario.client_model),
        };
        let start = self.scenario.node_index(&self.scenario.start).unwrap_or(0);
        self.enter(&mut st, start);
        st
    }

    pub fn is_ending(&self, st: &St) -> bool {
        matches!(self.scenario.nodes[st.node], Node::Ending(_))
    }

    /// The authored indices of the options shown in `st` (in authored order).
    pub fn shown(&self, st: &St) -> Vec<usize> {
        match &self.scenario.nodes[st.node] {
            Node::Turn(t) => (0..t.options.len()).filter(|&k| self.holds(t.options[k].when.as_deref(), st)).collect(),
            Node::Ending(_) => Vec::new(),
        }
    }

    /// Picks authored option `k` in `st` (which must be shown) and returns the next state.
    pub fn step(&self, st: &St, k: usize) -> Option<(St, Step)> {
        let Node::Turn(t) = &self.scenario.nodes[st.node] else { return None };
        let opt = t.options.get(k)?;
        let talk = self.scenario.nodes[st.node].lines().get(st.line).map_or(Talk::Neutral, |l| l.talk);
        let focus = opt.focus.unwrap_or(talk.side());
        let codes = normalize_volley(&opt.codes);
        let effect = opt.effect.unwrap_or_else(|| default_effect(&codes, focus));
        let mut next = st.clone();
        next.client.apply(&effect);
        next.used.extend(codes.iter().copied());
        next.flags.extend(opt.set.iter().cloned());
        next.turn += 1;
        let ethics = opt.ethics.as_ref().map(|e| e.kind);
        next.mind.after_reply(&codes, ethics.is_some(), &opt.hears);
        let stage = step_stage_with(&self.scenario.client_model, next.mind.stage, |c| self.holds(Some(c), &next));
        next.mind.stage = stage;
        let mi_consistent = !codes.iter().any(|c| c.is_mi_inconsistent()) && ethics.is_none();
        let mi_skilled = mi_consistent
            && codes
                .iter()
                .any(|c| matches!(c.class(), crate::codes::CodeClass::Reflection | crate::codes::CodeClass::Adherent));
        let mut target = self.scenario.node_index(&opt.next)?;
        let mut turn_limit = false;
        if let (Some(max), Some(lim)) = (self.scenario.max_turns, self.on_limit)
            && next.turn >= max
            && !matches!(self.scenario.nodes[target], Node::Ending(_))
        {
            target = lim;
            turn_limit = true;
        }
        let revisits = bit(&st.visited, target);
        self.enter(&mut next, target);
        Some((next, Step { option: k, mi_consistent, mi_skilled, ethics, turn_limit, revisits }))
    }

    /// A key that identifies the state for deduplication (client values rounded to 1/1000).
    pub fn key(&self, st: &St) -> u64 {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        st.node.hash(&mut h);
        st.line.hash(&mut h);
        for v in [st.client.importance, st.client.confidence, st.client.discord, st.client.momentum] {
            ((v * 1000.0).round() as i64).hash(&mut h);
        }
        st.flags.hash(&mut h);
        st.visited.hash(&mut h);
        st.used.hash(&mut h);
        st.change_talk.hash(&mut h);
        st.sustain_talk.hash(&mut h);
        st.turn.hash(&mut h);
        ((st.mind.trust * 1000.0).round() as i64).hash(&mut h);
        st.mind.stage.hash(&mut h);
        st.mind.unheard.hash(&mut h);
        st.mind.heard.hash(&mut h);
        h.finish()
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use rand::rngs::StdRng;
    use rand::{RngExt, SeedableRng};

    use super::*;
    use crate::model::Lang;
    use crate::runtime::Session;

    /// The light stepper agrees with the runtime on random option plays of every bundled scenario.
    #[test]
    fn agrees_with_the_runtime() {
        for sc in crate::bundled::scenarios() {
            let sc = Arc::new(sc.expect("bundled loads"));
            for seed in 1..=6u64 {
                let sim = Sim::new(&sc, seed);
                let mut rng = StdRng::seed_from_u64(seed * 31);
                let mut st = sim.start();
                let mut s = Session::start(sc.clone(), seed, Lang::Fi);
                for _ in 0..60 {
                    let cur = &s.state().current;
                    assert_eq!(sc.nodes[st.node].id(), cur.node, "{} seed {seed}", sc.id);
                    assert_eq!(st.line, cur.line, "{} seed {seed} at {}", sc.id, cur.node);
                    assert_eq!(st.client, cur.client, "{} seed {seed}", sc.id);
                    assert_eq!(st.mind, cur.mind, "{} seed {seed}", sc.id);
                    assert_eq!(
                        (st.change_talk, st.sustain_talk, st.turn),
                        (cur.change_talk, cur.sustain_talk, cur.turn)
                    );
                    if s.is_finished() {
                        assert!(sim.is_ending(&st));
                        break;
                    }
                    let mut shown = sim.shown(&st);
                    let mut runtime_shown = s.view().authored.clone();
                    runtime_shown.sort();
                    shown.sort();
                    assert_eq!(shown, runtime_shown, "{} seed {seed} at {}", sc.id, cur.node);
                    let k = shown[rng.random_range(0..shown.len())];
                    let (next, step) = sim.step(&st, k).expect("a shown option steps");
                    let rec = s.choose_authored(k).expect("a shown option").clone();
                    assert_eq!(step.mi_consistent, rec.mi_consistent);
                    assert_eq!(step.turn_limit, rec.turn_limit);
                    st = next;
                }
            }
        }
    }
}
