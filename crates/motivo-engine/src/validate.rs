//! The scenario validator: structure, references, texts, conditions and MI pedagogy checks.
//!
//! Every diagnostic is located in the source. RON gives no positions for parsed values, so [`Locator`] finds
//! them again in the text: each node by its `id: "…"`, and values inside a node by searching its region.

use std::collections::{HashMap, HashSet, VecDeque};

use crate::cond::{self, Coverage, NameRef, NumVar};
use crate::diag::{Diagnostic, Kind, LineCol, Severity, Source};
use crate::i18n::Msg;
use crate::model::{InputMode, Lang, Node, RouteWhen, Scenario, Talk, Text};
use crate::msg;
use crate::scoring::option_score;

mod client;
mod typed;

pub use client::min_consistent;

#[derive(Debug, Clone, Copy, Default)]
pub struct ValidateOptions {
    /// Missing translations are errors, not warnings.
    pub strict: bool,
}

mod locate;
pub(crate) use locate::{scan as scan_literals, skip_block_comment};

/// Finds where things are in the source text. One scan of the text ([`locate::scan`]) records every string
/// literal and field key; lookups go through indexes built on first use, so locating any number of diagnostics
/// stays linear in the file size. The k-th diagnostic about the same value in a node points at the k-th
/// occurrence (two `next`s to the same missing node are each shown on their own line).
pub struct Locator<'a> {
    text: &'a str,
    /// Line starts, computed on the first diagnostic.
    src: std::cell::OnceCell<Source<'a>>,
    scan: locate::Scan,
    /// Per node: the byte range of its region (from its id to the next node's id).
    regions: Vec<(usize, usize)>,
    /// Per node: the span of its id value.
    ids: Vec<(usize, usize)>,
    nodes_start: usize,
    /// Literal indexes by (key, value) and by value; key indexes by name.
    by_field: std::cell::OnceCell<HashMap<(&'a str, String), Vec<usize>>>,
    by_value: std::cell::OnceCell<HashMap<String, Vec<usize>>>,
    keys_by_name: std::cell::OnceCell<HashMap<&'a str, Vec<usize>>>,
    /// How many times each (node, field, value) has been located: the next one goes to the next occurrence.
    uses: std::cell::RefCell<HashMap<(usize, &'static str, String), usize>>,
    /// Found places of texts and variant arguments, by what was looked for: computed once each, so thousands of
    /// diagnostics about the same text stay linear.
    found: std::cell::RefCell<HashMap<(usize, &'static str, String), Spans>>,
}

/// Spans found for one lookup, shared between the cache and its callers.
type Spans = std::rc::Rc<Vec<(usize, usize)>>;

fn is_ident_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// The largest char boundary of `text` at or before `at`.
fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Finds `field: "value"` in `text[from..to]` and returns the span of `"value"`.
pub fn find_field(text: &str, from: usize, to: usize, field: &str, value: &str) -> Option<(usize, usize)> {
    let quoted = format!("\"{value}\"");
    let (from, to) = (floor_boundary(text, from), floor_boundary(text, to));
    let hay = text.get(from..to)?;
    for (i, _) in hay.match_indices(&quoted) {
        let at = from + i;
        if key_before(text, at) == Some(field) {
            return Some((at, at + quoted.len()));
        }
    }
    None
}

/// The field name of a value that starts at `at` (`feedback` in `feedback: (`, `id` in `id: "x"`), if the value is
/// a field's.
fn key_before(text: &str, at: usize) -> Option<&str> {
    let bytes = text.as_bytes();
    let mut j = at;
    while j > 0 && bytes[j - 1].is_ascii_whitespace() {
        j -= 1;
    }
    if j == 0 || bytes[j - 1] != b':' {
        return None;
    }
    j -= 1;
    while j > 0 && bytes[j - 1].is_ascii_whitespace() {
        j -= 1;
    }
    let end = j;
    while j > 0 && is_ident_byte(bytes[j - 1]) {
        j -= 1;
    }
    Some(&text[j..end])
}

/// Finds `field:` (the field name) in `text[from..to]`.
pub fn find_key(text: &str, from: usize, to: usize, field: &str) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let (from, to) = (floor_boundary(text, from), floor_boundary(text, to));
    let hay = text.get(from..to)?;
    for (i, _) in hay.match_indices(field) {
        let at = from + i;
        if at > 0 && is_ident_byte(bytes[at - 1]) {
            continue;
        }
        let mut j = at + field.len();
        while j < text.len() && bytes[j].is_ascii_whitespace() {
            j += 1;
        }
        if j < text.len() && bytes[j] == b':' {
            return Some((at, at + field.len()));
        }
    }
    None
}

impl<'a> Locator<'a> {
    pub fn new(text: &'a str, scenario: &Scenario) -> Self {
        let scan = locate::scan(text);
        let name = |k: &locate::Key| &text[k.start..k.end];
        // The top-level `nodes:` key (the shallowest one), else the first.
        let nodes_key = scan.keys.iter().filter(|k| name(k) == "nodes").min_by_key(|k| k.depth);
        let nodes_start = nodes_key.map_or(0, |k| k.start);
        // Node ids: the `id:` values after `nodes:` at the shallowest depth there (meanings' ids are deeper).
        let key_is = |l: &locate::Lit, f: &str| l.key.is_some_and(|(s, e)| &text[s..e] == f);
        let id_lits: Vec<&locate::Lit> =
            scan.lits.iter().filter(|l| l.start >= nodes_start && key_is(l, "id")).collect();
        let node_depth = id_lits.iter().map(|l| l.depth).min().unwrap_or(0);
        let id_lits: Vec<&locate::Lit> = id_lits.into_iter().filter(|l| l.depth == node_depth).collect();
        let mut ids = Vec::with_capacity(scenario.nodes.len());
        let mut next = 0;
        let mut pos = nodes_start;
        for n in &scenario.nodes {
            // Normally the very next one; a few steps of slack, so a surprise cannot make this quadratic.
            let found = id_lits[next.min(id_lits.len())..].iter().take(64).position(|l| l.value == n.id());
            match found {
                Some(k) => {
                    let l = id_lits[next + k];
                    ids.push((l.start, l.end));
                    pos = l.end;
                    next += k + 1;
                }
                None => ids.push((pos, pos)),
            }
        }
        let mut regions = Vec::with_capacity(ids.len());
        for (i, &(s, _)) in ids.iter().enumerate() {
            let end = ids.get(i + 1).map_or(text.len(), |n| n.0);
            regions.push((s, end.max(s)));
        }
        Locator {
            text,
            src: std::cell::OnceCell::new(),
            scan,
            regions,
            ids,
            nodes_start,
            by_field: std::cell::OnceCell::new(),
            by_value: std::cell::OnceCell::new(),
            keys_by_name: std::cell::OnceCell::new(),
            uses: std::cell::RefCell::new(HashMap::new()),
            found: std::cell::RefCell::new(HashMap::new()),
        }
    }

    pub fn src(&self) -> &Source<'a> {
        self.src.get_or_init(|| Source::new(self.text))
    }

    /// The span of node `i`'s id.
    pub fn node(&self, i: usize) -> (usize, usize) {
        self.ids.get(i).copied().unwrap_or((0, 0))
    }

    fn region(&self, i: usize) -> (usize, usize) {
        self.regions.get(i).copied().unwrap_or((0, 0))
    }

    /// The next use of (node `i`, `what`, `value`): 0 the first time, then 1, …
    fn next_use(&self, i: usize, what: &'static str, value: &str) -> usize {
        let mut uses = self.uses.borrow_mut();
        let n = uses.entry((i, what, value.to_owned())).or_insert(0);
        *n += 1;
        *n - 1
    }

    /// Of the literals `candidates` (indexes, in text order), the `nth` inside node `i`'s region (wrapping).
    fn nth_in_region(&self, candidates: Option<&Vec<usize>>, i: usize, nth: usize) -> Option<&locate::Lit> {
        let (s, e) = self.region(i);
        let c = candidates?;
        let lo = c.partition_point(|&k| self.scan.lits[k].start < s);
        let hi = c.partition_point(|&k| self.scan.lits[k].start < e);
        if lo >= hi {
            return None;
        }
        Some(&self.scan.lits[c[lo + nth % (hi - lo)]])
    }

    fn field_literal(&self, i: usize, field: &'static str, value: &str) -> Option<&locate::Lit> {
        let index = self.by_field.get_or_init(|| {
            let mut m: HashMap<(&'a str, String), Vec<usize>> = HashMap::new();
            for (k, l) in self.scan.lits.iter().enumerate() {
                if let Some((s, e)) = l.key {
                    m.entry((&self.text[s..e], l.value.clone())).or_default().push(k);
                }
            }
            m
        });
        let nth = self.next_use(i, field, value);
        self.nth_in_region(index.get(&(field, value.to_owned())), i, nth)
    }

    /// The string literal with this value inside node `i` (the next occurrence on each call).
    pub fn literal_in_node(&self, i: usize, value: &str) -> Option<&locate::Lit> {
        let nth = self.next_use(i, "", value);
        self.nth_in_region(self.by_value().get(value), i, nth)
    }

    /// `field: "value"` inside node `i`, or the node's id.
    pub fn in_node(&self, i: usize, field: &'static str, value: &str) -> (usize, usize) {
        self.field_literal(i, field, value).map_or_else(|| self.node(i), |l| (l.start, l.end))
    }

    /// A quoted string inside node `i`, or the node's id.
    pub fn string_in_node(&self, i: usize, value: &str) -> (usize, usize) {
        self.literal_in_node(i, value).map_or_else(|| self.node(i), |l| (l.start, l.end))
    }

    fn keys_named(&self, field: &str) -> Option<&Vec<usize>> {
        let index = self.keys_by_name.get_or_init(|| {
            let mut m: HashMap<&'a str, Vec<usize>> = HashMap::new();
            for (k, key) in self.scan.keys.iter().enumerate() {
                m.entry(&self.text[key.start..key.end]).or_default().push(k);
            }
            m
        });
        index.get(field)
    }

    /// `field:` (the key) inside node `i`, or the node's id.
    pub fn key_in_node(&self, i: usize, field: &str) -> (usize, usize) {
        let (s, e) = self.region(i);
        let found = self.keys_named(field).and_then(|c| {
            let lo = c.partition_point(|&k| self.scan.keys[k].start < s);
            c.get(lo).map(|&k| self.scan.keys[k]).filter(|k| k.start < e)
        });
        found.map_or_else(|| self.node(i), |k| (k.start, k.end))
    }

    /// The key `field:` after the `k`-th `effect:` key in node `i` (else that `effect:`, else the node's id).
    pub fn effect_field(&self, i: usize, k: usize, field: &str) -> (usize, usize) {
        let (s, e) = self.region(i);
        let in_region = |c: Option<&Vec<usize>>, from: usize| {
            let c = c?;
            let lo = c.partition_point(|&k| self.scan.keys[k].start < from);
            Some(c[lo..].iter().map(|&k| self.scan.keys[k]).take_while(|key| key.start < e).collect::<Vec<_>>())
        };
        let Some(effect) = in_region(self.keys_named("effect"), s).and_then(|v| v.get(k).copied()) else {
            return self.node(i);
        };
        let found = in_region(self.keys_named(field), effect.end).and_then(|v| v.first().copied());
        found.map_or((effect.start, effect.end), |f| (f.start, f.end))
    }

    /// The index of literals by value, built on first use.
    fn by_value(&self) -> &HashMap<String, Vec<usize>> {
        self.by_value.get_or_init(|| {
            let mut m: HashMap<String, Vec<usize>> = HashMap::new();
            for (k, l) in self.scan.lits.iter().enumerate() {
                m.entry(l.value.clone()).or_default().push(k);
            }
            m
        })
    }

    /// The text `t` as written in node `node` (the scenario's own fields for `None`): the span of its
    /// `(fi: "…", en: "…")`, brackets included. It must be the value of `field` (any list item for `""`) and have
    /// exactly `t`'s languages and texts. Identical texts are found in turn (the k-th call for the same text gives
    /// the k-th). `None` when it is not found (e.g. a language key spelt in capitals).
    pub fn text_group(&self, node: Option<usize>, field: &'static str, t: &Text) -> Option<(usize, usize)> {
        let (_, v0) = t.iter().next()?;
        let scope = node.unwrap_or(usize::MAX);
        let what: String = t.iter().map(|(l, v)| format!("{}\u{1f}{v}\u{1f}", l.code())).collect();
        let key = (scope, field, what);
        let cached = self.found.borrow().get(&key).cloned();
        let groups = match cached {
            Some(g) => g,
            None => {
                let g = std::rc::Rc::new(self.text_groups(node, field, t));
                self.found.borrow_mut().insert(key.clone(), g.clone());
                g
            }
        };
        if groups.is_empty() {
            return None;
        }
        let nth = self.next_use(scope, field, &format!("text\u{1f}{v0}\u{1f}{}", key.2));
        Some(groups[nth % groups.len()])
    }

    /// Every place of the text `t` (see [`Locator::text_group`]), in order.
    fn text_groups(&self, node: Option<usize>, field: &'static str, t: &Text) -> Vec<(usize, usize)> {
        let Some((lang0, v0)) = t.iter().next() else { return Vec::new() };
        let (s, e) = match node {
            Some(i) => self.region(i),
            None if self.nodes_start > 0 => (0, self.nodes_start),
            None => (0, self.text.len()),
        };
        let lits = &self.scan.lits;
        let Some(c) = self.by_value().get(v0) else { return Vec::new() };
        let lo = c.partition_point(|&k| lits[k].start < s);
        let hi = c.partition_point(|&k| lits[k].start < e);
        let key_name = |l: &locate::Lit| l.key.map(|(a, b)| &self.text[a..b]);
        let count = t.iter().count();
        let mut groups: Vec<(usize, usize)> = Vec::new();
        for &k in &c[lo..hi] {
            let l = &lits[k];
            let Some(open) = l.open else { continue };
            if key_name(l) != Some(lang0.code()) {
                continue;
            }
            // The literals of the group: the neighbours in the same bracket (a text has only a few).
            let (mut a, mut b) = (k, k);
            while a > 0 && k - a < count && lits[a - 1].open == Some(open) {
                a -= 1;
            }
            while b + 1 < lits.len() && b - k < count && lits[b + 1].open == Some(open) {
                b += 1;
            }
            let members = &lits[a..=b];
            let same = members.len() == count
                && members.iter().all(|m| t.iter().any(|(lang, v)| key_name(m) == Some(lang.code()) && m.value == v));
            let key = key_before(self.text, open);
            let field_ok = if field.is_empty() { key.is_none() } else { key == Some(field) };
            if !(same && field_ok) || groups.last().is_some_and(|g| g.0 == open) {
                continue;
            }
            // To the closing bracket when only spaces and commas come before it.
            let last = members[members.len() - 1].end;
            let rest = &self.text[last..];
            let gap = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == ',').len();
            let end = if rest[gap..].starts_with(')') { last + gap + 1 } else { last };
            groups.push((open, end));
        }
        groups
    }

    /// The string argument of `variant("value")` inside node `i` (`Reflected("pelko")`), the next occurrence on
    /// each call.
    pub fn variant_arg(&self, i: usize, variant: &'static str, value: &str) -> Option<(usize, usize)> {
        let key = (i, variant, value.to_owned());
        let cached = self.found.borrow().get(&key).cloned();
        let found = match cached {
            Some(f) => f,
            None => {
                let (s, e) = self.region(i);
                let lits = &self.scan.lits;
                let c = self.by_value().get(value).map(Vec::as_slice).unwrap_or_default();
                let lo = c.partition_point(|&k| lits[k].start < s);
                let hi = c.partition_point(|&k| lits[k].start < e);
                let f: Vec<(usize, usize)> = c[lo..hi]
                    .iter()
                    .map(|&k| &lits[k])
                    .filter(|l| {
                        let before = self.text[..l.start].trim_end();
                        before.strip_suffix('(').is_some_and(|b| b.trim_end().ends_with(variant))
                    })
                    .map(|l| (l.start, l.end))
                    .collect();
                let f = std::rc::Rc::new(f);
                self.found.borrow_mut().insert(key, f.clone());
                f
            }
        };
        if found.is_empty() {
            return None;
        }
        let nth = self.next_use(i, variant, value);
        Some(found[nth % found.len()])
    }

    /// A top-level `field:` (before the nodes), or the start of the file.
    pub fn top(&self, field: &str) -> (usize, usize) {
        let limit = if self.nodes_start == 0 { self.text.len() } else { self.nodes_start };
        let found = self.keys_named(field).and_then(|c| c.first()).map(|&k| self.scan.keys[k]);
        found.filter(|k| k.start < limit).map_or((0, 0), |k| (k.start, k.end))
    }
}

/// Where a diagnostic points, resolved to a span only when a diagnostic is made (clean files pay nothing).
#[derive(Clone, Copy)]
enum At<'s> {
    Node(usize),
    Top(&'static str),
    Str(usize, &'s str),
    Field(usize, &'static str, &'s str),
    Key(usize, &'static str),
    /// Field `.2` of the `.1`-th `effect:` (counting from 0) in node `.0`.
    EffectField(usize, usize, &'static str),
    Span(usize, usize),
    /// The text `.2`, the value of field `.1` (`""`: a list item) in node `.0` (the scenario's own fields for
    /// `None`): its `(fi: "…", …)` ([`Locator::text_group`]); else its first string in the node, the field's key
    /// at the top, or the node's id.
    Text(Option<usize>, &'static str, &'s Text),
    /// The string argument of `Reflected("…")` in node `.0`, else the first such string in the node.
    Reflected(usize, &'s str),
}

struct Checker<'a> {
    scenario: &'a Scenario,
    loc: Locator<'a>,
    options: ValidateOptions,
    /// The languages every text should have: the scenario's (`Scenario::languages`).
    langs: Vec<Lang>,
    out: Vec<Diagnostic>,
    suggest: Suggest<'a>,
    /// Every unknown `next` found, in the order found.
    broken: Vec<BrokenNext<'a>>,
    /// Per meaning id, the first two nodes whose lines have it (for M015's notes; built on first use).
    meaning_homes: Option<HashMap<&'a str, Vec<usize>>>,
}

/// An unknown `next` (`M008`): the node it is in, where it is, and the closest node id. The graph checks name it
/// as the cause of the problems it makes (an unreachable node, no good path), and those are listed after it.
struct BrokenNext<'a> {
    from: usize,
    next: String,
    at: LineCol,
    close: Option<&'a str>,
}

/// From the nodes marked in `seed` (reached without repairs; closed under `edges`), the nodes reached when the
/// `repairs` `(from, to, consistent, k)` (unknown `next`s set to their closest id) are taken too, each with the
/// first repair on its way there (`None` for the seed and for nodes never reached).
fn first_repair_forward(
    edges: &[Vec<(usize, bool)>],
    repairs: &[(usize, usize, bool, usize)],
    seed: &[bool],
    only_consistent: bool,
) -> Vec<Option<usize>> {
    let n = edges.len();
    let mut fixed: Vec<Vec<(usize, bool, usize)>> = vec![Vec::new(); n];
    for &(u, v, ok, k) in repairs {
        fixed[u].push((v, ok, k));
    }
    let mut seen = seed.to_vec();
    let mut cause = vec![None; n];
    let mut queue: VecDeque<usize> = (0..n).filter(|&i| seed[i]).collect();
    while let Some(u) = queue.pop_front() {
        let via = cause[u];
        let plain = edges[u].iter().map(|&(v, ok)| (v, ok, None));
        for (v, ok, k) in plain.chain(fixed[u].iter().map(|&(v, ok, k)| (v, ok, Some(k)))) {
            if (ok || !only_consistent) && !seen[v] {
                seen[v] = true;
                cause[v] = via.or(k);
                queue.push_back(v);
            }
        }
    }
    cause
}

/// From the nodes marked in `seed` (those that reach an ending; closed backwards under `edges`), the nodes that
/// reach one when the `repairs` are taken too, each with the first repair on its way forward.
fn first_repair_backward(
    edges: &[Vec<(usize, bool)>],
    repairs: &[(usize, usize, bool, usize)],
    seed: &[bool],
) -> Vec<Option<usize>> {
    let n = edges.len();
    let mut rev: Vec<Vec<(usize, Option<usize>)>> = vec![Vec::new(); n];
    for (u, es) in edges.iter().enumerate() {
        for &(v, _) in es {
            rev[v].push((u, None));
        }
    }
    for &(u, v, _, k) in repairs {
        rev[v].push((u, Some(k)));
    }
    let mut seen = seed.to_vec();
    let mut cause = vec![None; n];
    let mut queue: VecDeque<usize> = (0..n).filter(|&i| seed[i]).collect();
    while let Some(v) = queue.pop_front() {
        for &(u, k) in &rev[v] {
            if !seen[u] {
                seen[u] = true;
                cause[u] = k.or(cause[v]);
                queue.push_back(u);
            }
        }
    }
    cause
}

/// The largest change an `effect` may make to one variable (the scales are 0–10).
pub const MAX_EFFECT: f32 = 10.0;

/// Ids longer than this (in characters) get no "did you mean".
const MAX_SUGGEST_CHARS: usize = 64;
/// At most this many edit-distance cells are computed per file for "did you mean" notes; after that, no more
/// notes. (Each comparison is banded and only among ids within 2 characters of the same length.)
const SUGGEST_BUDGET: usize = 20_000_000;

/// "Did you mean" for unknown node ids: candidates grouped by length, answers remembered, work capped.
#[derive(Default)]
struct Suggest<'a> {
    by_len: Option<HashMap<usize, Vec<&'a str>>>,
    answers: HashMap<String, Option<&'a str>>,
    spent: usize,
}

fn valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    chars.next().is_some_and(|c| c.is_alphanumeric()) && id.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '_')
}

impl<'a> Checker<'a> {
    fn resolve(&self, at: At<'_>) -> (usize, usize) {
        match at {
            At::Node(i) => self.loc.node(i),
            At::Top(f) => self.loc.top(f),
            At::Str(i, v) => self.loc.string_in_node(i, v),
            At::Field(i, f, v) => self.loc.in_node(i, f, v),
            At::Key(i, f) => self.loc.key_in_node(i, f),
            At::EffectField(i, k, f) => self.loc.effect_field(i, k, f),
            At::Span(s, e) => (s, e),
            At::Text(node, field, t) => self.loc.text_group(node, field, t).unwrap_or_else(|| match node {
                Some(i) => t.any().map_or_else(|| self.loc.node(i), |v| self.loc.string_in_node(i, v)),
                None => self.loc.top(if field.is_empty() { "outcomes" } else { field }),
            }),
            At::Reflected(i, m) => {
                self.loc.variant_arg(i, "Reflected", m).unwrap_or_else(|| self.loc.string_in_node(i, m))
            }
        }
    }

    fn push(&mut self, severity: Severity, kind: Kind, message: Msg, at: At<'_>) -> &mut Diagnostic {
        let span = self.resolve(at);
        let d = self.loc.src().diagnostic(severity, kind, message, span.0, span.1);
        self.out.push(d);
        self.out.last_mut().expect("just pushed")
    }

    fn error(&mut self, kind: Kind, message: Msg, at: At<'_>) -> &mut Diagnostic {
        self.push(Severity::Error, kind, message, at)
    }

    /// Checks a text; `what` names it (a noun phrase: "the title", "otsikko").
    fn text(&mut self, t: &Text, what: Msg, span: At<'_>, required: bool) {
        if t.is_blank() {
            if required {
                self.error(Kind::EmptyText, msg!("diag-text-empty", what), span);
            }
            return;
        }
        for i in 0..self.langs.len() {
            let lang = self.langs[i];
            if !t.has(lang) {
                let severity = if self.options.strict { Severity::Error } else { Severity::Warning };
                let message = msg!("diag-text-missing-lang", what = &what, lang = lang.code());
                // The fix, with the text to translate: the one learners see meanwhile.
                let shown = t.shown_lang(lang).unwrap_or(Lang::Fi);
                let note = msg!(
                    "val-add-lang-text",
                    lang = lang.code(),
                    shown = shown.code(),
                    text = excerpt(t.get(shown), 48)
                );
                self.push(severity, Kind::MissingTranslation, message, span)
                    .set_label(msg!("val-no-lang-text-here", lang = lang.code()))
                    .note(note);
            }
        }
    }

    fn run(&mut self) {
        let s = self.scenario;
        self.header();
        if s.nodes.is_empty() {
            self.error(Kind::DeadEnd, msg!("val-scenario-nodes"), At::Top("nodes"));
            return;
        }
        let flags = self.flags();
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for (i, node) in s.nodes.iter().enumerate() {
            let id = node.id();
            if !valid_id(id) {
                self.error(Kind::BadId, msg!("val-node-id-must-letters", id), At::Node(i));
            }
            if let Some(&first) = seen.get(id) {
                let line = self.loc.src().line_col(self.loc.node(first).0).line;
                self.error(Kind::DuplicateId, msg!("val-node-id-used-twice", id), At::Node(i))
                    .note(msg!("val-first-used-line", line));
            } else {
                seen.insert(id, i);
            }
            self.node(i, node, &flags);
        }
        if s.node(&s.start).is_none() {
            let start = s.start.clone();
            self.error(Kind::UnknownNode, msg!("val-start-node-exist", start), At::Top("start"));
            return;
        }
        let (shortest_good, dist) = self.graph();
        self.turn_limit(shortest_good, &dist);
        self.typed_graph();
        self.client_model(&flags);
    }

    /// `max_turns` and `on_limit`: both or neither, a limit of at least 1 that leaves room for a good ending, and
    /// an ending to go to.
    /// `dist`: the fewest replies from the start to each node (`u32::MAX` when unreachable).
    fn turn_limit(&mut self, shortest_good: Option<u32>, dist: &[u32]) {
        let s = self.scenario;
        match (s.max_turns, &s.on_limit) {
            (None, None) => {}
            (Some(_), None) => {
                self.error(Kind::TurnLimit, msg!("val-max-turns-given-without"), At::Top("max_turns"))
                    .note(msg!("val-add-limit-ending-id"));
            }
            (None, Some(_)) => {
                self.error(Kind::TurnLimit, msg!("val-limit-given-without-max"), At::Top("on_limit"));
            }
            (Some(max), Some(end)) => {
                match s.node(end) {
                    None => {
                        let note = self.closest_node(end).map(did_you_mean);
                        let d =
                            self.error(Kind::UnknownNode, msg!("val-limit-goes-node-exist", end), At::Top("on_limit"));
                        if let Some(note) = note {
                            d.note(note);
                        }
                    }
                    Some(Node::Turn(_)) => {
                        self.error(Kind::TurnLimit, msg!("val-limit-names-turn-must", end), At::Top("on_limit"));
                    }
                    Some(Node::Ending(_)) => {}
                }
                if max == 0 {
                    self.error(Kind::TurnLimit, msg!("val-max-turns-must-more"), At::Top("max_turns"));
                } else if let Some(need) = shortest_good.filter(|n| *n > max) {
                    self.error(Kind::TurnLimit, msg!("val-max-turns-less-than", max, need), At::Top("max_turns"))
                        .note(msg!("val-every-conversation-would-end"));
                    // An unknown `next` within the limit may be the shorter route the author meant.
                    if let Some(k) = self.broken.iter().position(|b| dist.get(b.from).is_some_and(|&d| d < max)) {
                        self.mark_consequence(k, false);
                    }
                }
            }
        }
    }

    fn header(&mut self) {
        let s = self.scenario;
        if !valid_id(&s.id) || s.id.chars().any(|c| c.is_uppercase()) {
            self.error(Kind::BadId, msg!("val-scenario-id-must-lowercase", id = &s.id), At::Top("id"));
        }
        if s.version == 0 {
            self.error(Kind::OutOfRange, msg!("val-version-must-more"), At::Top("version"));
        }
        if !(1..=3).contains(&s.difficulty) {
            let d = s.difficulty;
            self.error(Kind::OutOfRange, msg!("val-difficulty-out-range-willing", d), At::Top("difficulty"));
        }
        let st = s.start_state;
        let in_scale = |x: f32| (0.0..=10.0).contains(&x);
        if !in_scale(st.importance)
            || !in_scale(st.confidence)
            || !in_scale(st.discord)
            || !(-5.0..=5.0).contains(&st.momentum)
        {
            self.error(Kind::OutOfRange, msg!("val-start-state-importance-confidence"), At::Top("start_state"));
        }
        if s.persona.age > 120 {
            let message = msg!("val-persona-age-plausible", age = s.persona.age);
            self.error(Kind::OutOfRange, message, At::Top("age"));
        }
        self.text(&s.title, msg!("val-title"), At::Text(None, "title", &s.title), true);
        self.text(&s.summary, msg!("val-summary"), At::Text(None, "summary", &s.summary), true);
        self.text(&s.goal, msg!("val-goal"), At::Text(None, "goal", &s.goal), true);
        let situation = msg!("val-persona-s-situation");
        self.text(&s.persona.situation, situation, At::Text(None, "situation", &s.persona.situation), true);
        let service = msg!("val-persona-s-service");
        self.text(&s.persona.service, service, At::Text(None, "service", &s.persona.service), true);
        if s.persona.name.trim().is_empty() {
            let message = msg!("val-persona-s-name-empty");
            self.error(Kind::EmptyText, message, At::Top("name"));
        }
        for (k, o) in s.outcomes.iter().enumerate() {
            let what = msg!("val-learning-outcome", n = k + 1);
            self.text(o, what, At::Text(None, "", o), true);
        }
    }

    fn flags(&mut self) -> HashSet<&'a str> {
        let mut flags = HashSet::new();
        let scenario: &'a Scenario = self.scenario;
        for f in &scenario.flags {
            let span = At::Top("flags");
            if !valid_id(f)
                || NumVar::ALL.iter().any(|(n, _)| n == f)
                || ["and", "or", "not", "true", "false", "visited", "used"].contains(&f.as_str())
            {
                self.error(Kind::BadId, msg!("val-cannot-flag-name", f), span);
            }
            if !flags.insert(f.as_str()) {
                self.error(Kind::DuplicateId, msg!("val-flag-declared-twice", f), span);
            }
        }
        flags
    }

    fn condition(&mut self, i: usize, when: &str, flags: &HashSet<&str>) {
        let parsed = cond::parse_spanned(when);
        if matches!(&parsed, Ok((c, _)) if c.names().iter().all(|n| match n {
            NameRef::Flag(f) => flags.contains(f),
            NameRef::Node(n) => self.scenario.node(n).is_some(),
        })) {
            return;
        }
        // Offsets in the condition map back into its literal in the file (escapes included); without the literal,
        // the node's id.
        let lit = self.loc.literal_in_node(i, when).map(|l| (l.clone(), self.loc.text));
        let node = self.loc.node(i);
        let span = |s: usize, e: usize| match &lit {
            Some((l, text)) => At::Span(l.source_offset(text, s), l.source_offset(text, e)),
            None => At::Span(node.0, node.1),
        };
        match parsed {
            Err(e) => {
                self.error(Kind::BadCondition, msg!("val-condition-error", error = &e.message), span(e.start, e.end));
            }
            Ok((c, spans)) => {
                for (name, (s, e)) in c.names().into_iter().zip(spans) {
                    match name {
                        NameRef::Flag(f) if !flags.contains(f) => {
                            self.error(
                                Kind::UnknownVariable,
                                msg!("val-condition-uses-variable-declared", f),
                                span(s, e),
                            )
                            .note(msg!("val-declare-flags-scenario-s"));
                        }
                        NameRef::Node(n) if self.scenario.node(n).is_none() => {
                            self.error(Kind::UnknownNode, msg!("val-condition-refers-node-exist", n), span(s, e));
                        }
                        _ => {}
                    }
                }
            }
        }
    }

    fn sets(&mut self, i: usize, set: &[String], flags: &HashSet<&str>) {
        for f in set {
            if !flags.contains(f.as_str()) {
                let span = At::Str(i, f);
                let message = msg!("val-set-names-flag-declared", f);
                self.error(Kind::UnknownVariable, message, span);
            }
        }
    }

    fn target(&mut self, i: usize, next: &str) {
        if self.scenario.node(next).is_none() {
            let span = At::Field(i, "next", next);
            let close = self.closest_node(next);
            let message = msg!("val-next-goes-node-exist", next);
            let d = self.error(Kind::UnknownNode, message, span);
            if let Some(close) = close {
                d.note(did_you_mean(close));
            }
            let at = d.location;
            self.broken.push(BrokenNext { from: i, next: next.to_owned(), at, close });
        }
    }

    /// The label and first note of a graph problem that follows from the unknown `next` `k` (for sure: with its
    /// closest id there, the problem goes away; else perhaps), and that `next`'s place.
    fn consequence(&self, k: usize, sure: bool) -> (LineCol, Msg, Msg) {
        let b = &self.broken[k];
        let (next, line, column) = (b.next.as_str(), b.at.line, b.at.column);
        match b.close.filter(|_| sure) {
            Some(close) => (
                b.at,
                msg!("val-because-unknown-next", next),
                msg!("val-follows-from-unknown-next", next, line, column, close),
            ),
            None => (
                b.at,
                msg!("val-perhaps-because-unknown-next", next),
                msg!("val-may-follow-from-unknown-next", next, line, column),
            ),
        }
    }

    /// Marks the last diagnostic as following from the unknown `next` `k`.
    fn mark_consequence(&mut self, k: usize, sure: bool) {
        let (at, label, note) = self.consequence(k, sure);
        if let Some(d) = self.out.last_mut() {
            d.caused_by = Some(at);
            d.label = Some(label);
            d.notes.insert(0, note);
        }
    }

    /// The existing node id closest to `id` (at most 2 edits away), if any.
    fn closest_node(&mut self, id: &str) -> Option<&'a str> {
        if let Some(a) = self.suggest.answers.get(id) {
            return *a;
        }
        let scenario: &'a Scenario = self.scenario;
        let len = id.chars().count();
        let mut best: Option<(usize, &'a str)> = None;
        if len <= MAX_SUGGEST_CHARS {
            let by_len = self.suggest.by_len.get_or_insert_with(|| {
                let mut m: HashMap<usize, Vec<&'a str>> = HashMap::new();
                for n in &scenario.nodes {
                    let l = n.id().chars().count();
                    if l <= MAX_SUGGEST_CHARS + 2 {
                        m.entry(l).or_default().push(n.id());
                    }
                }
                m
            });
            'outer: for l in len.saturating_sub(2)..=len + 2 {
                for &n in by_len.get(&l).map(Vec::as_slice).unwrap_or_default() {
                    let cost = (len + 1) * 5;
                    if self.suggest.spent + cost > SUGGEST_BUDGET {
                        break 'outer;
                    }
                    self.suggest.spent += cost;
                    if let Some(d) = edit_distance_within(n, id, 2)
                        && best.is_none_or(|b| (d, n) < b)
                    {
                        best = Some((d, n));
                    }
                }
            }
        }
        let answer = best.map(|(_, n)| n);
        self.suggest.answers.insert(id.to_owned(), answer);
        answer
    }

    /// An `effect` override: every value a finite number within ±[`MAX_EFFECT`].
    fn effect(&mut self, i: usize, k: usize, e: &crate::model::Effect) {
        let fields = [
            ("importance", e.importance),
            ("confidence", e.confidence),
            ("discord", e.discord),
            ("momentum", e.momentum),
        ];
        for (field, x) in fields {
            if !(x.is_finite() && x.abs() <= MAX_EFFECT) {
                let shown = if x.is_nan() { "NaN".to_owned() } else { format!("{x}") };
                self.error(
                    Kind::OutOfRange,
                    msg!("val-effect-out-range-effects", field, shown, MAX_EFFECT = MAX_EFFECT as i64),
                    At::EffectField(i, k, field),
                );
            }
        }
    }

    fn node(&mut self, i: usize, node: &Node, flags: &HashSet<&str>) {
        let id = node.id().to_owned();
        let lines = node.lines();
        if lines.is_empty() {
            let message = msg!("val-node-client-lines", id);
            self.error(Kind::NoLine, message, At::Node(i));
        } else if lines.iter().all(|l| l.when.is_some()) {
            self.push(Severity::Warning, Kind::NoLine, msg!("val-every-line-node-condition", id), At::Node(i));
        }
        let mut meaning_ids: HashSet<&str> = HashSet::new();
        for (k, line) in lines.iter().enumerate() {
            let span = line.text.any().map_or(At::Node(i), |t| At::Str(i, t));
            let what = msg!("val-line-node", n = k + 1, id);
            self.text(&line.text, what, At::Text(Some(i), "text", &line.text), true);
            if let Some(w) = &line.when {
                self.condition(i, w, flags);
            }
            if line.weight == 0 {
                self.push(
                    Severity::Warning,
                    Kind::OutOfRange,
                    msg!("val-line-node-weight-counts", n = k + 1, id),
                    span,
                );
            }
            let mut here = HashSet::new();
            for m in &line.meanings {
                if !here.insert(m.id.as_str()) {
                    let span = At::Field(i, "id", &m.id);
                    let message = msg!("val-meaning-listed-twice-line", m = &m.id);
                    self.error(Kind::DuplicateId, message, span);
                }
                meaning_ids.insert(m.id.as_str());
                if !m.has_cues() {
                    let span = At::Field(i, "id", &m.id);
                    let message = msg!("val-meaning-cue-words", m = &m.id);
                    self.push(Severity::Warning, Kind::EmptyText, message, span);
                }
            }
        }
        let Node::Turn(turn) = node else {
            if let Node::Ending(e) = node {
                let what = msg!("val-debrief-ending", id);
                self.text(&e.debrief, what, At::Text(Some(i), "debrief", &e.debrief), false);
            }
            return;
        };
        let mode = turn.input_mode(self.scenario);
        if turn.options.is_empty() && turn.free_text.is_empty() {
            self.error(Kind::DeadEnd, msg!("val-turn-options-free-text", id), At::Node(i))
                .note(msg!("val-add-options-free-text"));
        } else if matches!(mode, InputMode::Choice | InputMode::WriteThenPick) && turn.options.is_empty() {
            self.error(Kind::DeadEnd, msg!("val-turn-asks-learner-pick", id), At::Node(i));
        }
        if mode == InputMode::FreeText && turn.free_text.is_empty() {
            self.error(Kind::FreeTextRouting, msg!("val-turn-takes-typed-replies", id), At::Node(i));
        }
        for (k, opt) in turn.options.iter().enumerate() {
            let first = opt.text.any();
            let span = first.map_or(At::Node(i), |t| At::Str(i, t));
            let n = k + 1;
            self.text(&opt.text, msg!("val-option-turn", n, id), At::Text(Some(i), "text", &opt.text), true);
            let what = msg!("val-feedback-option-turn", n, id);
            self.text(&opt.feedback, what, At::Text(Some(i), "feedback", &opt.feedback), true);
            if opt.codes.is_empty() {
                let message = msg!("val-option-turn-mi-codes", n, id);
                self.error(Kind::UnknownCode, message, span).note(msg!("val-give-least-code-e"));
            }
            if let Some(e) = &opt.ethics {
                let what = msg!("val-ethics-explanation-option-turn", n, id);
                self.text(&e.explain, what, At::Text(Some(i), "explain", &e.explain), true);
            }
            if let Some(w) = &opt.when {
                self.condition(i, w, flags);
            }
            self.sets(i, &opt.set, flags);
            self.target(i, &opt.next);
        }
        let effects = turn.options.iter().filter_map(|o| o.effect.as_ref());
        let effects = effects.chain(turn.free_text.iter().filter_map(|r| r.effect.as_ref()));
        for (k, e) in effects.enumerate() {
            self.effect(i, k, e);
        }
        if mode != InputMode::FreeText {
            self.hidden_options(i, turn);
        }
        // A rule's `clarify` line is said at this turn too: its meanings can be reflected.
        for m in turn.free_text.iter().filter_map(|r| r.clarify.as_ref()).flat_map(|l| &l.meanings) {
            meaning_ids.insert(m.id.as_str());
        }
        let mut otherwise_at = None;
        for (k, r) in turn.free_text.iter().enumerate() {
            if !self.clarify_route(i, k, r, flags) {
                self.target(i, &r.next);
            }
            self.sets(i, &r.set, flags);
            if let Some(c) = &r.cond {
                self.condition(i, c, flags);
            }
            let n = k + 1;
            if let Some(e) = &r.ethics {
                let what = msg!("val-ethics-explanation-free-text", n, id);
                self.text(&e.explain, what, At::Text(Some(i), "explain", &e.explain), true);
            }
            if let Some(f) = &r.feedback {
                let what = msg!("val-feedback-free-text-rule", n, id);
                self.text(f, what, At::Text(Some(i), "feedback", f), true);
            }
            if let RouteWhen::Reflected(m) = &r.when
                && !meaning_ids.contains(m.as_str())
            {
                let notes = self.meaning_notes(i, m, &meaning_ids);
                let d = self.error(
                    Kind::UnknownMeaning,
                    msg!("val-rule-turn-needs-meaning", n, id, m),
                    At::Reflected(i, m),
                );
                d.set_label(msg!("val-meaning-not-at-turn"));
                for note in notes {
                    d.note(note);
                }
            }
            if r.when == RouteWhen::Otherwise && r.cond.is_none() && otherwise_at.is_none() {
                otherwise_at = Some(k);
            } else if let Some(o) = otherwise_at {
                self.push(
                    Severity::Warning,
                    Kind::FreeTextRouting,
                    msg!("val-free-text-rule-turn", o = o + 1, n, id),
                    At::Node(i),
                );
            }
        }
        if !turn.free_text.is_empty() && otherwise_at.is_none() {
            let conditional = turn.free_text.iter().any(|r| r.when == RouteWhen::Otherwise);
            self.error(
                Kind::FreeTextRouting,
                if conditional { msg!("val-free-text-rules-turn", id) } else { msg!("val-free-text-rules-turn-2", id) },
                At::Node(i),
            )
            .note(msg!("val-end-rules-when-otherwise"));
        }
        self.pedagogy(i, turn);
        self.typed_turn(i, turn);
    }

    /// What to do about a `Reflected("m")` rule at node `i` whose turn has no meaning `m`: the closest meaning of
    /// the turn, else the node whose line has `m`, else the turn's meanings; and how to add it.
    fn meaning_notes(&mut self, i: usize, m: &str, here: &HashSet<&str>) -> Vec<Msg> {
        let mut sorted: Vec<&str> = here.iter().copied().collect();
        sorted.sort_unstable();
        // The closest meaning of the turn, within the "did you mean" budget.
        let mut close: Option<(usize, &str)> = None;
        if m.chars().count() <= MAX_SUGGEST_CHARS {
            for &c in &sorted {
                let cost = (m.len() + 1) * 5;
                if self.suggest.spent + cost > SUGGEST_BUDGET {
                    break;
                }
                self.suggest.spent += cost;
                if let Some(d) = edit_distance_within(c, m, 2)
                    && close.is_none_or(|b| (d, c) < b)
                {
                    close = Some((d, c));
                }
            }
        }
        if let Some((_, close)) = close {
            return vec![did_you_mean(close)];
        }
        let mut notes = Vec::new();
        let scenario: &'a Scenario = self.scenario;
        let homes = self.meaning_homes.get_or_insert_with(|| {
            // Per meaning id: the first two nodes whose lines (or clarify lines) have it.
            let mut homes: HashMap<&'a str, Vec<usize>> = HashMap::new();
            for (j, n) in scenario.nodes.iter().enumerate() {
                let clarify = match n {
                    Node::Turn(t) => t.free_text.iter().filter_map(|r| r.clarify.as_ref()).collect(),
                    Node::Ending(_) => Vec::new(),
                };
                for l in n.lines().iter().chain(clarify) {
                    for x in &l.meanings {
                        let h = homes.entry(x.id.as_str()).or_default();
                        if h.len() < 2 && h.last() != Some(&j) {
                            h.push(j);
                        }
                    }
                }
            }
            homes
        });
        let elsewhere = homes.get(m).and_then(|h| h.iter().find(|&&j| j != i).copied());
        if let Some(j) = elsewhere {
            notes.push(msg!("val-meaning-on-other-node", m, node = scenario.nodes[j].id()));
        } else if !sorted.is_empty() {
            const SHOWN: usize = 12;
            let mut list = sorted.iter().take(SHOWN).copied().collect::<Vec<_>>().join(", ");
            if sorted.len() > SHOWN {
                list.push_str(", …");
            }
            notes.push(msg!("val-turn-meanings", list));
        }
        notes.push(msg!("val-add-meaning-to-line", m));
        notes
    }

    /// A turn where the learner must pick an option needs one shown in every state: if every option has a `when`
    /// and they can all be false at once, warn (an error when no option can ever be shown).
    fn hidden_options(&mut self, i: usize, turn: &crate::model::Turn) {
        if turn.options.is_empty() || turn.options.iter().any(|o| o.when.is_none()) {
            return;
        }
        // Unparsable conditions are reported by `condition`.
        let Ok(conds) =
            turn.options.iter().map(|o| cond::parse(o.when.as_deref().unwrap_or(""))).collect::<Result<Vec<_>, _>>()
        else {
            return;
        };
        let id = turn.id.clone();
        // At a turn, the turn itself and the start node have always been visited.
        let always = [id.as_str(), self.scenario.start.as_str()];
        let note = || msg!("val-give-option-when-make");
        match cond::coverage(&conds, &always) {
            Coverage::Always => {}
            Coverage::Never => {
                self.error(Kind::HiddenOptions, msg!("val-option-turn-can-ever", id), At::Key(i, "options"))
                    .note(note());
            }
            Coverage::Gap(state) => {
                let d = self.push(
                    Severity::Warning,
                    Kind::HiddenOptions,
                    msg!("val-every-option-turn-when", id),
                    At::Key(i, "options"),
                );
                d.note(msg!("val-e-g-when-learner", state)).note(note());
            }
            Coverage::Unknown => {
                self.push(
                    Severity::Warning,
                    Kind::HiddenOptions,
                    msg!("val-every-option-turn-when-2", id),
                    At::Key(i, "options"),
                )
                .note(note());
            }
        }
    }

    /// No MI-inconsistent option may outscore a consistent one at the same turn.
    fn pedagogy(&mut self, i: usize, turn: &crate::model::Turn) {
        let consistent =
            |o: &crate::model::ReplyOption| !o.codes.iter().any(|c| c.is_mi_inconsistent()) && o.ethics.is_none();
        // Each distinct talk once, and per talk the lowest-scoring consistent option (linear, not options²).
        let mut talks: Vec<Talk> = Vec::new();
        for l in &turn.lines {
            if !talks.contains(&l.talk) {
                talks.push(l.talk);
            }
        }
        let lowest_good: Vec<Option<(usize, f32)>> = talks
            .iter()
            .map(|&talk| {
                turn.options
                    .iter()
                    .enumerate()
                    .filter(|(_, o)| consistent(o))
                    .map(|(g, o)| (g, option_score(o, talk)))
                    .min_by(|a, b| a.1.total_cmp(&b.1))
            })
            .collect();
        for (k, bad) in turn.options.iter().enumerate().filter(|(_, o)| !consistent(o)) {
            for (t, &talk) in talks.iter().enumerate() {
                let b = option_score(bad, talk);
                if let Some((g, good)) = lowest_good[t].filter(|(_, s)| *s < b) {
                    let first = bad.text.any().unwrap_or("");
                    let span = At::Str(i, first);
                    let id = turn.id.clone();
                    self.error(
                        Kind::InconsistentOutscores,
                        msg!(
                            "val-inconsistent-outscores",
                            n = k + 1,
                            id,
                            score = crate::i18n::dec(f64::from(b), 1),
                            m = g + 1,
                            good = crate::i18n::dec(f64::from(good), 1),
                        ),
                        span,
                    )
                    .note(msg!("val-check-effect-override-codes"));
                    break;
                }
            }
        }
    }

    /// Reachability checks; returns the fewest replies from the start to a good ending (ignoring conditions) and
    /// to each node.
    fn graph(&mut self) -> (Option<u32>, Vec<u32>) {
        let s = self.scenario;
        let n = s.nodes.len();
        let idx = |id: &str| s.node_index(id);
        // Edges: (target, consistent).
        let mut edges: Vec<Vec<(usize, bool)>> = vec![Vec::new(); n];
        // The unknown `next`s by (node, id), in the order found; and the edges they were probably meant to be
        // (to their closest id): (from, to, consistent, index in `self.broken`).
        let mut unknown: HashMap<(usize, String), VecDeque<usize>> = HashMap::new();
        for (k, b) in self.broken.iter().enumerate() {
            unknown.entry((b.from, b.next.clone())).or_default().push_back(k);
        }
        let closes: Vec<Option<usize>> = self.broken.iter().map(|b| b.close.and_then(idx)).collect();
        let broken_from: Vec<usize> = self.broken.iter().map(|b| b.from).collect();
        let mut repairs: Vec<(usize, usize, bool, usize)> = Vec::new();
        let mut edge = |i: usize, next: &str, consistent: bool, edges: &mut Vec<Vec<(usize, bool)>>| match idx(next) {
            Some(j) => edges[i].push((j, consistent)),
            None => {
                if let Some(k) = unknown.get_mut(&(i, next.to_owned())).and_then(VecDeque::pop_front)
                    && let Some(j) = closes[k]
                {
                    repairs.push((i, j, consistent, k));
                }
            }
        };
        for (i, node) in s.nodes.iter().enumerate() {
            if let Node::Turn(t) = node {
                for o in &t.options {
                    let consistent = !o.codes.iter().any(|c| c.is_mi_inconsistent()) && o.ethics.is_none();
                    edge(i, &o.next, consistent, &mut edges);
                }
                for r in &t.free_text {
                    let consistent = match &r.when {
                        RouteWhen::Code(c) => !c.is_mi_inconsistent(),
                        RouteWhen::AnyCode(cs) => cs.iter().all(|c| !c.is_mi_inconsistent()),
                        _ => true,
                    } && r.ethics.is_none();
                    edge(i, &r.next, consistent, &mut edges);
                }
            }
        }
        // The first unknown `next` from a node marked in `from`, for problems that may follow from it.
        let maybe = |from: &[bool]| broken_from.iter().position(|&f| from[f]);
        let start = idx(&s.start).expect("checked by the caller");
        let reach = |only_consistent: bool| {
            let mut seen = vec![false; n];
            let mut queue = VecDeque::from([start]);
            seen[start] = true;
            while let Some(u) = queue.pop_front() {
                for &(v, ok) in &edges[u] {
                    if (ok || !only_consistent) && !seen[v] {
                        seen[v] = true;
                        queue.push_back(v);
                    }
                }
            }
            seen
        };
        let reachable = reach(false);
        let reach_cause = first_repair_forward(&edges, &repairs, &reachable, false);
        let maybe_unreachable = maybe(&reachable);
        for (i, node) in s.nodes.iter().enumerate() {
            if !reachable[i] {
                let id = node.id().to_owned();
                self.error(Kind::UnreachableNode, msg!("val-node-cannot-reached-from", id), At::Node(i))
                    .note(msg!("val-option-free-text-rule"));
                match (reach_cause[i], maybe_unreachable) {
                    (Some(k), _) => self.mark_consequence(k, true),
                    (None, Some(k)) => self.mark_consequence(k, false),
                    (None, None) => {}
                }
            }
        }
        // Nodes from which an ending can be reached (reverse search).
        let mut rev: Vec<Vec<usize>> = vec![Vec::new(); n];
        for (u, es) in edges.iter().enumerate() {
            for &(v, _) in es {
                rev[v].push(u);
            }
        }
        let mut can_end = vec![false; n];
        let mut queue: VecDeque<usize> = (0..n).filter(|&i| matches!(s.nodes[i], Node::Ending(_))).collect();
        for &i in &queue {
            can_end[i] = true;
        }
        while let Some(v) = queue.pop_front() {
            for &u in &rev[v] {
                if !can_end[u] {
                    can_end[u] = true;
                    queue.push_back(u);
                }
            }
        }
        let end_cause = first_repair_backward(&edges, &repairs, &can_end);
        for i in 0..n {
            if reachable[i] && !can_end[i] && !edges[i].is_empty() {
                let id = s.nodes[i].id().to_owned();
                self.error(Kind::DeadEnd, msg!("val-ending-can-reached-from", id), At::Node(i));
                let here = broken_from.iter().position(|&f| f == i);
                match (end_cause[i], here) {
                    (Some(k), _) => self.mark_consequence(k, true),
                    (None, Some(k)) => self.mark_consequence(k, false),
                    (None, None) => {}
                }
            }
        }
        // Fewest replies from the start to a good ending, over every edge.
        let mut dist = vec![u32::MAX; n];
        dist[start] = 0;
        let mut queue = VecDeque::from([start]);
        while let Some(u) = queue.pop_front() {
            for &(v, _) in &edges[u] {
                if dist[v] == u32::MAX {
                    dist[v] = dist[u] + 1;
                    queue.push_back(v);
                }
            }
        }
        let shortest_good = (0..n)
            .filter(|&i| matches!(&s.nodes[i], Node::Ending(e) if e.outcome.is_good()) && dist[i] != u32::MAX)
            .map(|i| dist[i])
            .min();
        let good = reach(true);
        let any_good = s.nodes.iter().any(|n| matches!(n, Node::Ending(e) if e.outcome.is_good()));
        let is_good = |i: usize| matches!(&s.nodes[i], Node::Ending(e) if e.outcome.is_good());
        if !(0..n).any(|i| good[i] && is_good(i)) {
            let d = self.error(Kind::NoGoodPath, msg!("val-path-mi-consistent-replies"), At::Top("start"));
            d.note(if any_good {
                msg!("val-every-route-nextstep-referral")
            } else {
                msg!("val-scenario-nextstep-referral-ending")
            });
            let good_cause = first_repair_forward(&edges, &repairs, &good, true);
            match ((0..n).find_map(|i| good_cause[i].filter(|_| is_good(i))), maybe(&good)) {
                (Some(k), _) => self.mark_consequence(k, true),
                (None, Some(k)) if any_good => self.mark_consequence(k, false),
                _ => {}
            }
        }
        (shortest_good, dist)
    }
}

/// `text` cut to at most `max` characters (with `…`), on one line, for quoting in a note.
fn excerpt(text: &str, max: usize) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= max {
        one_line
    } else {
        let cut: String = one_line.chars().take(max.saturating_sub(1)).collect();
        format!("{}…", cut.trim_end())
    }
}

fn did_you_mean(close: &str) -> Msg {
    msg!("val-did-you-mean", close)
}

/// A score with one decimal and a decimal comma, as Finnish writes it.
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != *cb)).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// The edit distance between `a` and `b` if it is at most `max` (a band of width `2·max + 1`: linear time).
pub fn edit_distance_within(a: &str, b: &str, max: usize) -> Option<usize> {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let big = max + 1;
    // prev[j] for j in the band around i; stored densely by j, cells outside the band count as `big`.
    let mut prev: Vec<usize> = (0..=b.len()).map(|j| if j <= max { j } else { big }).collect();
    let mut cur = vec![big; b.len() + 1];
    for i in 1..=a.len() {
        let lo = i.saturating_sub(max);
        let hi = (i + max).min(b.len());
        cur.iter_mut().for_each(|c| *c = big);
        if lo == 0 {
            cur[0] = i.min(big);
        }
        let mut row_min = cur[0];
        for j in lo.max(1)..=hi {
            let v = (prev[j - 1] + usize::from(a[i - 1] != b[j - 1])).min(prev[j] + 1).min(cur[j - 1] + 1).min(big);
            cur[j] = v;
            row_min = row_min.min(v);
        }
        if row_min > max {
            return None;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    let d = prev[b.len()];
    (d <= max).then_some(d)
}

/// Validates a parsed scenario against its source text. Diagnostics come in reading order ([`crate::diag::sort`]):
/// root causes by position, then the problems that follow from them.
pub fn validate(scenario: &Scenario, text: &str, options: &ValidateOptions) -> Vec<Diagnostic> {
    let mut c = Checker {
        scenario,
        loc: Locator::new(text, scenario),
        options: *options,
        langs: scenario.languages(),
        out: Vec::new(),
        suggest: Suggest::default(),
        broken: Vec::new(),
        meaning_homes: None,
    };
    c.run();
    let mut out = c.out;
    crate::diag::sort(&mut out);
    out
}

/// The course check of a scenario's `module` (`M037`), for a program that has read the course (the engine reads
/// no files): a `module` that is none of `modules` (the ids of course `course`'s modules) is a warning (an error
/// with `--strict`), at the module's string, with the closest id ("did you mean") or the list of modules. An
/// empty `module` is not checked. Not part of [`validate`]: a scenario is valid without a course, and `motivo
/// check` runs this when it finds one (`course.ron` beside the scenario, or `--course FILE`).
pub fn course_module(
    scenario: &Scenario,
    text: &str,
    course: &str,
    modules: &[String],
    options: &ValidateOptions,
) -> Vec<Diagnostic> {
    let module = scenario.module.as_str();
    if module.is_empty() || modules.iter().any(|m| m == module) {
        return Vec::new();
    }
    let loc = Locator::new(text, scenario);
    let limit = if loc.nodes_start == 0 { text.len() } else { loc.nodes_start };
    let key_is = |l: &locate::Lit| l.key.is_some_and(|(s, e)| &text[s..e] == "module");
    let lit =
        loc.scan.lits.iter().filter(|l| l.start < limit && key_is(l) && l.value == module).min_by_key(|l| l.depth);
    let (start, end) = lit.map_or_else(|| loc.top("module"), |l| (l.start, l.end));
    let severity = if options.strict { Severity::Error } else { Severity::Warning };
    let message = msg!("val-module-not-in-course", module, course);
    let mut d = loc.src().diagnostic(severity, Kind::NotInCourse, message, start, end);
    d.set_label(msg!("val-module-not-in-course-label"));
    let max = if module.chars().count() >= 8 { 3 } else { 2 };
    let close = modules
        .iter()
        .filter(|_| module.len() <= 4 * MAX_SUGGEST_CHARS)
        .filter_map(|m| Some((edit_distance_within(m, module, max)?, m.as_str())))
        .min();
    match close {
        Some((_, close)) => {
            d.note(did_you_mean(close));
        }
        None if !modules.is_empty() => {
            d.note(msg!("val-course-modules", list = modules.join(", ")));
        }
        None => {}
    }
    d.note(msg!("val-module-counts-nowhere"));
    vec![d]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn banded_edit_distance_agrees_with_the_full_one() {
        let words =
            ["", "a", "ab", "ba", "abc", "acb", "alku", "aluk", "loppu", "lopu", "loppuu", "äiti", "aiti", "xyzw"];
        for a in words {
            for b in words {
                let full = edit_distance(a, b);
                for max in 0..4 {
                    let want = (full <= max).then_some(full);
                    assert_eq!(edit_distance_within(a, b, max), want, "{a:?} {b:?} within {max}");
                }
            }
        }
    }

    #[test]
    fn locator_does_not_split_a_multibyte_first_character() {
        // Regression (issue 16): a file starting with U+200E whose `nodes:` key is not found sliced `text[..1]`.
        let text = "\u{200e}Scenario(id: \"X\", nodes/**/: [])";
        let mut scenario = crate::bundled::scenarios().remove(0).expect("bundled");
        scenario.nodes.clear();
        let loc = Locator::new(text, &scenario);
        assert_eq!(loc.top("id"), (text.find("id").unwrap(), text.find("id").unwrap() + 2));
        assert_eq!(loc.top("version"), (0, 0));
    }
}
