//! `motivo paths`: bounded exploration of every option path of a scenario.
//!
//! Phase 1 walks the graph of conversation *states* (node, line, client state, flags, visited nodes, used codes,
//! talk counts, turn), deduplicated, so paths that meet again are explored once; it counts the paths to every
//! ending, finds dead ends and loops, and the shortest paths. Every reply raises the turn number, so the state
//! graph has no cycles and the depth is bounded by the scenario's `max_turns` (or its node count).
//! Phase 2 plays chosen paths through the real runtime and scores them with [`Report::of`]: every path when
//! there are few, else a uniform sample plus the extreme paths (shortest, fewest MI-consistent replies).

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};
use serde::{Deserialize, Serialize};

use super::sim::{Sim, St};
use crate::i18n::Msg;
use crate::model::{EthicsKind, Lang, Node, Outcome, Scenario};
use crate::msg;
use crate::runtime::Session;
use crate::scoring::{Level, Report};

/// Limits and choices for an exploration.
#[derive(Debug, Clone)]
pub struct PathsOptions {
    /// The session seed (client-line variants depend on it).
    pub seed: u64,
    /// How many complete paths phase 2 scores at most (besides the extreme ones).
    pub max_paths: usize,
    /// How many distinct states phase 1 explores at most.
    pub max_states: usize,
    /// A passing path, or an MI-consistent path to a good ending, with fewer MI-consistent replies than this is
    /// warned about (default: the scenario's `min_consistent`, else by difficulty).
    pub min_consistent: Option<u32>,
    /// Measure the validity numbers (constant and random pickers).
    pub validity: bool,
}

impl Default for PathsOptions {
    fn default() -> Self {
        PathsOptions { seed: 1, max_paths: 2000, max_states: 300_000, min_consistent: None, validity: true }
    }
}

/// One reply of a path: the node and the option's authored id (or `#N`, its 1-based authored position).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PathStep {
    pub node: String,
    pub option: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EndingPaths {
    pub id: String,
    pub outcome: Outcome,
    pub good: bool,
    /// Option paths to this ending (saturating at `u64::MAX`; paths through deduplicated states counted each).
    pub paths: u64,
    /// Typed routes of some turn lead here.
    pub typed_route: bool,
    /// Some chain of options leads here when every option's `when` is ignored (a check that needs no state,
    /// for when the exploration was cut before reaching this ending).
    pub option_chain: bool,
    /// Paths played and scored in phase 2.
    pub scored: u64,
    pub passed: u64,
    pub best_level: Option<Level>,
    pub worst_level: Option<Level>,
    /// The mean reply score of a path (best and worst over the scored paths).
    pub best_score: Option<f32>,
    pub worst_score: Option<f32>,
    pub shortest: Option<Vec<PathStep>>,
    /// The shortest path of MI-consistent replies only (good endings).
    pub shortest_mi_consistent: Option<Vec<PathStep>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WarningKind {
    /// An MI-consistent option (a reflection or an MI-adherent code, no MI-inconsistent code, no ethics
    /// problem) after which no continuation reaches a good ending.
    ConsistentOptionEndsBadly,
    /// A good ending no option path reaches, only typed routes.
    GoodEndingOnlyByTyping,
    /// A good ending reachable by a path with an ethics problem.
    GoodEndingWithEthics,
    /// A path passes with fewer MI-consistent replies than the minimum.
    PassesWithFewConsistent,
    /// A good ending is reached by a path of MI-consistent replies shorter than the scenario's
    /// `min_consistent`: the client gives in too soon.
    GoodEndingTooSoon,
    /// A turn where no option is shown (option picking is stuck).
    DeadEnd,
    /// A good ending no path reaches at all.
    UnreachableGoodEnding,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Warning {
    pub kind: WarningKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub node: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub option: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ending: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub path: Vec<PathStep>,
    /// The message rendered in Finnish and English for the JSON output.
    pub fi: String,
    pub en: String,
    /// The message itself (absent in a report read back from JSON).
    #[serde(skip)]
    pub message: Option<Msg>,
}

impl Warning {
    fn new(kind: WarningKind, message: Msg) -> Warning {
        Warning {
            kind,
            node: None,
            option: None,
            ending: None,
            path: Vec::new(),
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

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LoopEdge {
    pub from: String,
    pub option: String,
    pub to: String,
}

/// Pass counts of strategies that need no MI skill (see `crates/motivo-engine/tests/validity.rs`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Validity {
    /// Always the k-th shown option (k = 1…5, clamped), seeds 1–8: passes of 8 per k.
    pub constant: Vec<u32>,
    pub constant_plays: u32,
    pub random_passes: u32,
    pub random_plays: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PathsReport {
    pub scenario: String,
    pub seed: u64,
    pub difficulty: u8,
    pub min_consistent: u32,
    /// Distinct states explored in phase 1.
    pub states: usize,
    pub depth_bound: u32,
    /// Some part was not explored (state limit, depth bound without `max_turns`): counts are lower bounds.
    pub truncated: bool,
    /// Phase 2 scored every path (not a sample).
    pub exhaustive: bool,
    pub scored_paths: u64,
    pub endings: Vec<EndingPaths>,
    /// Turns where no option is shown in some state.
    pub dead_ends: Vec<String>,
    /// States cut at the depth bound (no `max_turns`).
    pub depth_cut: u64,
    /// Options that lead back to a node the conversation already visited.
    pub loops: Vec<LoopEdge>,
    pub warnings: Vec<Warning>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub validity: Option<Validity>,
}

/// The default minimum of MI-consistent replies in a passing path, by difficulty (1 → 3, 2 → 4, 3 → 5).
pub fn default_min_consistent(difficulty: u8) -> u32 {
    crate::model::ClientModel::default_min_consistent(difficulty)
}

/// The shortest path of MI-consistent option replies to a good ending over seeds `1..=seeds` (client-line
/// variants, and so talk counts and stages, depend on the seed): its length and its steps. Breadth first over
/// deduplicated states, at most `max_states` of them per seed; `None` when no such path was found.
pub fn shortest_consistent(scenario: &Scenario, seeds: u64, max_states: usize) -> Option<(u32, Vec<PathStep>)> {
    let mut best: Option<(u32, Vec<PathStep>)> = None;
    for seed in 1..=seeds.max(1) {
        let sim = Sim::new(scenario, seed);
        let mut states: Vec<(St, Option<(usize, usize)>)> = vec![(sim.start(), None)];
        let mut seen: std::collections::HashSet<u64> = std::iter::once(sim.key(&states[0].0)).collect();
        let mut next = 0;
        let mut found = None;
        while next < states.len() && found.is_none() {
            let s = next;
            next += 1;
            let st = states[s].0.clone();
            if best.as_ref().is_some_and(|(n, _)| st.turn + 1 >= *n) {
                break;
            }
            for k in sim.shown(&st) {
                let Some((child, step)) = sim.step(&st, k) else { continue };
                if !step.mi_consistent || !seen.insert(sim.key(&child)) {
                    continue;
                }
                let good = matches!(&scenario.nodes[child.node], Node::Ending(e) if e.outcome.is_good());
                if states.len() >= max_states {
                    break;
                }
                states.push((child, Some((s, k))));
                if good {
                    found = Some(states.len() - 1);
                    break;
                }
            }
        }
        let Some(mut at) = found else { continue };
        let mut path = Vec::new();
        while let Some((parent, k)) = states[at].1 {
            let node = states[parent].0.node;
            path.push(PathStep { node: scenario.nodes[node].id().to_owned(), option: opt_name(scenario, node, k) });
            at = parent;
        }
        path.reverse();
        let n = path.len() as u32;
        if best.as_ref().is_none_or(|(b, _)| n < *b) {
            best = Some((n, path));
        }
    }
    best
}

struct Edge {
    option: usize,
    child: usize,
    mi: bool,
    /// MI-consistent with a reflection or an MI-adherent code.
    skilled: bool,
    ethics: Option<EthicsKind>,
}

const NONE: u32 = u32::MAX;

struct Graph<'a> {
    sim: Sim<'a>,
    states: Vec<St>,
    edges: Vec<Vec<Edge>>,
    /// Ending index (position in `endings`) per ending node index.
    ending_of: HashMap<usize, usize>,
    endings: Vec<usize>,
    // DP per state, per ending.
    count: Vec<Vec<f64>>,
    len: Vec<Vec<u32>>,
    len_mi: Vec<Vec<u32>>,
    /// Good endings (bit per ending index < 128) reachable by a path with an ethics problem.
    eth: Vec<u128>,
    /// Fewest MI-consistent replies to any good ending.
    min_mi: Vec<u32>,
}

fn opt_name(sc: &Scenario, node: usize, k: usize) -> String {
    match &sc.nodes[node] {
        Node::Turn(t) => t.options.get(k).and_then(|o| o.id.clone()).unwrap_or_else(|| format!("#{}", k + 1)),
        Node::Ending(_) => format!("#{}", k + 1),
    }
}

impl Graph<'_> {
    fn good(&self, e: usize) -> bool {
        matches!(&self.sim.scenario.nodes[self.endings[e]], Node::Ending(x) if x.outcome.is_good())
    }

    fn reaches_good(&self, s: usize) -> bool {
        (0..self.endings.len()).any(|e| self.good(e) && self.count[s][e] > 0.0)
    }

    fn steps(&self, path: &[(usize, usize)]) -> Vec<PathStep> {
        path.iter()
            .map(|&(s, k)| {
                let node = self.states[s].node;
                PathStep {
                    node: self.sim.scenario.nodes[node].id().to_owned(),
                    option: opt_name(self.sim.scenario, node, k),
                }
            })
            .collect()
    }

    /// Follows the edges that keep `metric(child) + cost(edge)` minimal, from state 0 until an ending.
    fn follow(
        &self,
        metric: impl Fn(usize) -> u32,
        allowed: impl Fn(&Edge) -> bool,
        cost: impl Fn(&Edge) -> u32,
    ) -> Option<Vec<(usize, usize)>> {
        if metric(0) == NONE {
            return None;
        }
        let mut s = 0;
        let mut path = Vec::new();
        while !self.sim.is_ending(&self.states[s]) {
            let want = metric(s);
            let e = self.edges[s]
                .iter()
                .find(|e| allowed(e) && metric(e.child) != NONE && metric(e.child) + cost(e) == want)?;
            path.push((s, e.option));
            s = e.child;
        }
        Some(path)
    }
}

/// Explores `scenario` (which must have passed validation).
pub fn explore(scenario: &Arc<Scenario>, opts: &PathsOptions) -> PathsReport {
    let sc: &Scenario = scenario;
    let sim = Sim::new(sc, opts.seed);
    let endings: Vec<usize> =
        sc.nodes.iter().enumerate().filter(|(_, n)| matches!(n, Node::Ending(_))).map(|(i, _)| i).collect();
    let ending_of: HashMap<usize, usize> = endings.iter().enumerate().map(|(e, &i)| (i, e)).collect();
    let ne = endings.len();
    let depth_bound = sc.max_turns.unwrap_or(sc.nodes.len() as u32 + 1).max(1);
    let mut g = Graph {
        sim,
        states: Vec::new(),
        edges: Vec::new(),
        ending_of,
        endings,
        count: Vec::new(),
        len: Vec::new(),
        len_mi: Vec::new(),
        eth: Vec::new(),
        min_mi: Vec::new(),
    };
    // About 800 bytes a state (state, edges, numbers, index) plus its visited-node bit set twice: keep phase 1
    // under roughly 256 MB.
    let per_state = 800 + sc.nodes.len().div_ceil(64) * 16;
    let max_states = opts.max_states.min((256 << 20) / per_state).max(1);
    let mut keys: HashMap<u64, usize> = HashMap::new();
    let start = g.sim.start();
    keys.insert(g.sim.key(&start), 0);
    g.states.push(start);
    g.edges.push(Vec::new());
    let mut truncated = false;
    let mut depth_cut = 0u64;
    let mut dead_ends: BTreeSet<String> = BTreeSet::new();
    let mut loops: BTreeMap<(String, String, String), ()> = BTreeMap::new();
    // Breadth first: every reply raises the turn by one, so states are discovered layer by layer and every
    // child has a larger index than its parent (the numbers are then filled in reverse order).
    let mut expanded: Vec<bool> = Vec::new();
    let mut next = 0usize;
    while next < g.states.len() {
        let s = next;
        next += 1;
        expanded.push(true);
        let st = &g.states[s];
        if g.sim.is_ending(st) {
            continue;
        }
        if st.turn >= depth_bound {
            depth_cut += 1;
            truncated = true;
            expanded[s] = false;
            continue;
        }
        let shown = g.sim.shown(st);
        if shown.is_empty() {
            dead_ends.insert(sc.nodes[st.node].id().to_owned());
        }
        let st = st.clone();
        for k in shown {
            let Some((child, step)) = g.sim.step(&st, k) else { continue };
            if step.revisits {
                loops.insert(
                    (sc.nodes[st.node].id().to_owned(), opt_name(sc, st.node, k), sc.nodes[child.node].id().to_owned()),
                    (),
                );
            }
            let key = g.sim.key(&child);
            let id = match keys.get(&key) {
                Some(&id) => id,
                None => {
                    if g.states.len() >= max_states {
                        truncated = true;
                        expanded[s] = false;
                        continue;
                    }
                    let id = g.states.len();
                    keys.insert(key, id);
                    g.states.push(child);
                    g.edges.push(Vec::new());
                    id
                }
            };
            g.edges[s].push(Edge {
                option: k,
                child: id,
                mi: step.mi_consistent,
                skilled: step.mi_skilled,
                ethics: step.ethics,
            });
        }
    }
    let n = g.states.len();
    // States discovered but never expanded (the state limit) are incomplete.
    expanded.resize(n, false);
    g.count = vec![Vec::new(); n];
    g.len = vec![Vec::new(); n];
    g.len_mi = vec![Vec::new(); n];
    g.eth = vec![0; n];
    g.min_mi = vec![NONE; n];
    // A state is complete when everything after it was explored.
    let mut complete = vec![false; n];
    // Per (node, option) of MI-consistent options: some continuation (explored completely or not) reaches a good
    // ending. Only options seen with a completely explored continuation are judged.
    let mut consistent_good: BTreeMap<(usize, usize), bool> = BTreeMap::new();
    for s in (0..n).rev() {
        let mut count = vec![0.0f64; ne];
        let mut len = vec![NONE; ne];
        let mut len_mi = vec![NONE; ne];
        let mut eth = 0u128;
        let mut min_mi = NONE;
        if let Some(&e) = g.ending_of.get(&g.states[s].node) {
            count[e] = 1.0;
            len[e] = 0;
            len_mi[e] = 0;
            if g.good(e) {
                min_mi = 0;
            }
        }
        let mut all_complete = expanded[s];
        for e in &g.edges[s] {
            let c = e.child;
            all_complete &= complete[c];
            for x in 0..ne {
                count[x] += g.count[c][x];
                if g.len[c][x] != NONE {
                    len[x] = len[x].min(g.len[c][x] + 1);
                }
                if e.mi && g.len_mi[c][x] != NONE {
                    len_mi[x] = len_mi[x].min(g.len_mi[c][x] + 1);
                }
                if x < 128 && g.good(x) && g.count[c][x] > 0.0 && e.ethics.is_some() {
                    eth |= 1 << x;
                }
            }
            eth |= g.eth[c];
            if g.min_mi[c] != NONE {
                min_mi = min_mi.min(g.min_mi[c] + u32::from(e.mi));
            }
        }
        complete[s] = all_complete;
        g.count[s] = count;
        g.len[s] = len;
        g.len_mi[s] = len_mi;
        g.eth[s] = eth;
        g.min_mi[s] = min_mi;
        let node = g.states[s].node;
        for e in &g.edges[s] {
            if e.skilled {
                let good = g.reaches_good(e.child);
                if good || complete[e.child] {
                    *consistent_good.entry((node, e.option)).or_insert(false) |= good;
                }
            }
        }
    }

    // Phase 2: the paths to score.
    let total: f64 = g.count[0].iter().sum();
    let mut to_score: Vec<Vec<(usize, usize)>> = Vec::new();
    let exhaustive = !truncated && total <= opts.max_paths as f64;
    if exhaustive {
        enumerate(&g, 0, &mut Vec::new(), &mut to_score, opts.max_paths);
    } else if total > 0.0 {
        let mut rng = StdRng::seed_from_u64(opts.seed ^ 0x5eed);
        for _ in 0..opts.max_paths {
            if let Some(p) = sample(&g, &mut rng) {
                to_score.push(p);
            }
        }
    }
    let mut extremes: Vec<Vec<(usize, usize)>> = Vec::new();
    for e in 0..ne {
        extremes.extend(g.follow(|s| g.len[s][e], |_| true, |_| 1));
        extremes.extend(g.follow(|s| g.len_mi[s][e], |x| x.mi, |_| 1));
    }
    extremes.extend(g.follow(|s| g.min_mi[s], |_| true, |x| u32::from(x.mi)));
    to_score.extend(extremes);
    to_score.sort();
    to_score.dedup();

    // Node-level reachability by options, conditions ignored.
    let mut static_reach = vec![false; sc.nodes.len()];
    let mut todo: Vec<usize> = sc.node_index(&sc.start).into_iter().collect();
    while let Some(i) = todo.pop() {
        if std::mem::replace(&mut static_reach[i], true) {
            continue;
        }
        if let Node::Turn(t) = &sc.nodes[i] {
            todo.extend(t.options.iter().filter_map(|o| sc.node_index(&o.next)).filter(|&j| !static_reach[j]));
        }
    }
    let min_consistent = opts.min_consistent.unwrap_or_else(|| sc.min_consistent());
    let mut stats: Vec<EndingPaths> = g
        .endings
        .iter()
        .enumerate()
        .map(|(e, &i)| {
            let Node::Ending(end) = &sc.nodes[i] else { unreachable!("endings are endings") };
            let typed_route = sc.nodes.iter().any(|n| match n {
                Node::Turn(t) => t.free_text.iter().any(|r| r.next == end.id),
                Node::Ending(_) => false,
            }) || sc.on_limit.as_deref() == Some(end.id.as_str());
            EndingPaths {
                id: end.id.clone(),
                outcome: end.outcome,
                good: end.outcome.is_good(),
                paths: sat(g.count[0][e]),
                typed_route,
                option_chain: static_reach[i],
                scored: 0,
                passed: 0,
                best_level: None,
                worst_level: None,
                best_score: None,
                worst_score: None,
                shortest: g.follow(|s| g.len[s][e], |_| true, |_| 1).map(|p| g.steps(&p)),
                shortest_mi_consistent: if end.outcome.is_good() {
                    g.follow(|s| g.len_mi[s][e], |x| x.mi, |_| 1).map(|p| g.steps(&p))
                } else {
                    None
                },
            }
        })
        .collect();

    let mut warnings = Vec::new();
    let mut few: Option<(u32, Vec<(usize, usize)>)> = None;
    let mut budget: u64 = 60_000_000;
    let mut scored = 0u64;
    for p in &to_score {
        let cost = (p.len() as u64) * (p.len() as u64 + 20) / 2;
        if cost > budget {
            truncated = true;
            continue;
        }
        budget -= cost;
        let Some(r) = replay(scenario, opts.seed, &g, p) else { continue };
        scored += 1;
        let Some(end) = r.ending.as_ref() else { continue };
        let Some(st) = stats.iter_mut().find(|x| x.id == end.id) else { continue };
        st.scored += 1;
        st.passed += u64::from(r.passed);
        let level = r.miti.level;
        st.best_level = Some(st.best_level.map_or(level, |l| l.max(level)));
        st.worst_level = Some(st.worst_level.map_or(level, |l| l.min(level)));
        let score =
            if r.turns.is_empty() { 0.0 } else { r.turns.iter().map(|t| t.score).sum::<f32>() / r.turns.len() as f32 };
        st.best_score = Some(st.best_score.map_or(score, |x| x.max(score)));
        st.worst_score = Some(st.worst_score.map_or(score, |x| x.min(score)));
        let mi = r.turns.iter().filter(|t| t.mi_consistent).count() as u32;
        if r.passed && mi < min_consistent && few.as_ref().is_none_or(|(m, _)| mi < *m) {
            few = Some((mi, p.clone()));
        }
    }

    // Warnings.
    for ((node, k), good) in &consistent_good {
        if !good {
            let n = sc.nodes[*node].id().to_owned();
            let o = opt_name(sc, *node, *k);
            let message = msg!("paths-consistent-option-ends-badly", n, o);
            warnings.push(Warning {
                node: Some(n),
                option: Some(o),
                ..Warning::new(WarningKind::ConsistentOptionEndsBadly, message)
            });
        }
    }
    for (e, st) in stats.iter().enumerate() {
        if !st.good {
            continue;
        }
        if st.paths == 0 && !truncated {
            let ending = &st.id;
            let w = if st.typed_route {
                Warning::new(WarningKind::GoodEndingOnlyByTyping, msg!("paths-good-ending-only-by-typing", ending))
            } else {
                Warning::new(WarningKind::UnreachableGoodEnding, msg!("paths-good-ending-unreachable", ending))
            };
            warnings.push(Warning { ending: Some(st.id.clone()), ..w });
        }
        if e < 128 && g.eth[0] >> e & 1 == 1 {
            let path = ethics_path(&g, e).map(|p| g.steps(&p)).unwrap_or_default();
            let at = path
                .iter()
                .zip(ethics_path(&g, e).unwrap_or_default())
                .find(|(_, (s, k))| g.edges[*s].iter().any(|x| x.option == *k && x.ethics.is_some()))
                .map(|(step, _)| format!("{}/@{}", step.node, step.option))
                .unwrap_or_default();
            let message = msg!("paths-good-ending-with-ethics", ending = &st.id, at);
            warnings.push(Warning {
                ending: Some(st.id.clone()),
                path,
                ..Warning::new(WarningKind::GoodEndingWithEthics, message)
            });
        }
    }
    if let Some((mi, p)) = few {
        let message = msg!("paths-passes-with-few-consistent", mi, min = min_consistent, difficulty = sc.difficulty);
        warnings.push(Warning {
            ending: Some(sc.nodes[g.states[replay_end(&g, &p)].node].id().to_owned()),
            path: g.steps(&p),
            ..Warning::new(WarningKind::PassesWithFewConsistent, message)
        });
    }
    // The client must not give in to fewer MI-consistent replies than the scenario's minimum.
    let too_soon = (0..ne)
        .filter(|&e| g.good(e) && g.len_mi[0][e] != NONE && g.len_mi[0][e] < min_consistent)
        .min_by_key(|&e| g.len_mi[0][e]);
    if let Some(e) = too_soon {
        let n = g.len_mi[0][e];
        let id = sc.nodes[g.endings[e]].id().to_owned();
        let path = g.follow(|s| g.len_mi[s][e], |x| x.mi, |_| 1).map(|p| g.steps(&p)).unwrap_or_default();
        let message = msg!("paths-good-ending-too-soon", id = &id, n, min = min_consistent);
        warnings.push(Warning { path, ending: Some(id), ..Warning::new(WarningKind::GoodEndingTooSoon, message) });
    }
    for d in &dead_ends {
        let message = msg!("paths-dead-end", d);
        warnings.push(Warning { node: Some(d.clone()), ..Warning::new(WarningKind::DeadEnd, message) });
    }

    let validity = (opts.validity && sc.nodes.len() <= 1000).then(|| validity(scenario));
    PathsReport {
        scenario: sc.id.clone(),
        seed: opts.seed,
        difficulty: sc.difficulty,
        min_consistent,
        states: g.states.len(),
        depth_bound,
        truncated,
        exhaustive,
        scored_paths: scored,
        endings: stats,
        dead_ends: dead_ends.into_iter().collect(),
        depth_cut,
        loops: loops.into_keys().map(|(from, option, to)| LoopEdge { from, option, to }).collect(),
        warnings,
        validity,
    }
}

fn sat(x: f64) -> u64 {
    if x >= u64::MAX as f64 { u64::MAX } else { x as u64 }
}

fn enumerate(g: &Graph<'_>, s: usize, path: &mut Vec<(usize, usize)>, out: &mut Vec<Vec<(usize, usize)>>, max: usize) {
    if out.len() >= max {
        return;
    }
    if g.sim.is_ending(&g.states[s]) {
        out.push(path.clone());
        return;
    }
    for e in &g.edges[s] {
        if g.count[e.child].iter().sum::<f64>() > 0.0 {
            path.push((s, e.option));
            enumerate(g, e.child, path, out, max);
            path.pop();
        }
    }
}

/// A path drawn uniformly among all paths to endings (each edge weighted by its number of paths).
fn sample(g: &Graph<'_>, rng: &mut StdRng) -> Option<Vec<(usize, usize)>> {
    let mut s = 0;
    let mut path = Vec::new();
    while !g.sim.is_ending(&g.states[s]) {
        let w: Vec<f64> = g.edges[s].iter().map(|e| g.count[e.child].iter().sum::<f64>()).collect();
        let total: f64 = w.iter().sum();
        if total <= 0.0 || !total.is_finite() {
            // Saturated counts: fall back to a uniform pick among edges that reach an ending.
            let ok: Vec<&Edge> = g.edges[s].iter().filter(|e| g.count[e.child].iter().sum::<f64>() > 0.0).collect();
            let e = ok.get(rng.random_range(0..ok.len().max(1)))?;
            path.push((s, e.option));
            s = e.child;
            continue;
        }
        let mut r = rng.random::<f64>() * total;
        let mut pick = g.edges[s].len() - 1;
        for (i, x) in w.iter().enumerate() {
            if r < *x {
                pick = i;
                break;
            }
            r -= x;
        }
        path.push((s, g.edges[s][pick].option));
        s = g.edges[s][pick].child;
    }
    Some(path)
}

fn replay_end(g: &Graph<'_>, p: &[(usize, usize)]) -> usize {
    let Some(&(s, k)) = p.last() else { return 0 };
    g.edges[s].iter().find(|e| e.option == k).map_or(0, |e| e.child)
}

/// A path to good ending `e` with an ethics problem on it.
fn ethics_path(g: &Graph<'_>, e: usize) -> Option<Vec<(usize, usize)>> {
    let mut s = 0;
    let mut path = Vec::new();
    let mut found = false;
    while !g.sim.is_ending(&g.states[s]) {
        let next = if found {
            g.edges[s].iter().filter(|x| g.len[x.child][e] != NONE).min_by_key(|x| g.len[x.child][e])?
        } else {
            g.edges[s]
                .iter()
                .find(|x| x.ethics.is_some() && g.count[x.child][e] > 0.0)
                .or_else(|| g.edges[s].iter().find(|x| g.eth[x.child] >> e & 1 == 1))?
        };
        found |= next.ethics.is_some();
        path.push((s, next.option));
        s = next.child;
    }
    Some(path)
}

/// Plays a path through the real runtime and scores it.
fn replay(scenario: &Arc<Scenario>, seed: u64, g: &Graph<'_>, p: &[(usize, usize)]) -> Option<Report> {
    let mut s = Session::start(scenario.clone(), seed, Lang::Fi);
    for &(_, k) in p {
        s.choose_authored(k).ok()?;
    }
    let _ = g;
    Some(Report::of(&s))
}

/// Plays with strategies that need no MI skill, as `tests/validity.rs` does.
pub fn validity(scenario: &Arc<Scenario>) -> Validity {
    let play = |seed: u64, pick: &mut dyn FnMut(usize) -> usize| -> bool {
        let mut s = Session::start(scenario.clone(), seed, Lang::Fi);
        for _ in 0..200 {
            if s.is_finished() {
                break;
            }
            let n = s.view().options.len();
            if n == 0 || s.choose(pick(n).min(n - 1)).is_err() {
                break;
            }
        }
        Report::of(&s).passed
    };
    let mut constant = Vec::new();
    for k in 0..5 {
        constant.push((1..=8u64).filter(|&seed| play(seed, &mut |_| k)).count() as u32);
    }
    let plays = 200u32;
    let mut rng = StdRng::seed_from_u64(7);
    let random_passes = (0..plays as u64)
        .filter(|&seed| {
            let mut r = StdRng::seed_from_u64(rng.random());
            play(seed, &mut |n| r.random_range(0..n))
        })
        .count() as u32;
    Validity { constant, constant_plays: 40, random_passes, random_plays: plays }
}
