//! Checks for typed replies and fallbacks (M028–M031): a scenario must catch the typed version of every
//! mistake its options catch, its fallbacks must not assume what the learner did not say, and a good repair
//! must never be sent to a bad ending.

use std::collections::{HashSet, VecDeque};

use super::{At, Checker, find_key, valid_id};
use crate::codes::Code;
use crate::diag::{Kind, Severity};
use crate::model::{Node, Route, RouteWhen, Turn};
use crate::msg;

/// Whether a typed-reply rule catches a good repair: a reflection, seeking collaboration, affirming, emphasising
/// autonomy, or information with permission.
fn is_repair(when: &RouteWhen) -> bool {
    let good = |c: &Code| matches!(c, Code::SEEK | Code::AF | Code::EMPH | Code::PWP | Code::SR | Code::CR);
    match when {
        RouteWhen::Code(c) => good(c),
        RouteWhen::AnyCode(cs) => !cs.is_empty() && cs.iter().all(good),
        RouteWhen::Reflected(_) | RouteWhen::ReflectedChange | RouteWhen::ReflectedSustain => true,
        RouteWhen::Ethics(_) | RouteWhen::AnyEthics | RouteWhen::Otherwise => false,
    }
}

/// Whether replies routed by this rule are MI-consistent as far as the rule can tell.
fn route_consistent(r: &Route) -> bool {
    r.ethics.is_none()
        && match &r.when {
            RouteWhen::Code(c) => !c.is_mi_inconsistent(),
            RouteWhen::AnyCode(cs) => cs.iter().all(|c| !c.is_mi_inconsistent()),
            RouteWhen::Ethics(_) | RouteWhen::AnyEthics | RouteWhen::Otherwise => false,
            _ => true,
        }
}

impl<'a> Checker<'a> {
    /// The `k`-th item (0-based) of the list `field: [...]` inside node `i`, as the span of its first line; the
    /// node's id when it cannot be found. Strings and comments are skipped, so a `(` inside a text never counts.
    fn list_item(&self, i: usize, field: &str, k: usize) -> At<'static> {
        let text = self.loc.text;
        let (s, e) = self.loc.regions.get(i).copied().unwrap_or((0, 0));
        let Some((_, key_end)) = find_key(text, s, e, field) else { return At::Node(i) };
        let bytes = text.as_bytes();
        let (mut depth, mut seen, mut j) = (0usize, 0usize, key_end);
        while j < e {
            match bytes[j] {
                b'"' => {
                    j += 1;
                    while j < e && bytes[j] != b'"' {
                        j += if bytes[j] == b'\\' { 2 } else { 1 };
                    }
                }
                b'/' if bytes.get(j + 1) == Some(&b'/') => {
                    while j < e && bytes[j] != b'\n' {
                        j += 1;
                    }
                }
                b'[' | b'(' => {
                    if depth == 1 && bytes[j] == b'(' {
                        if seen == k {
                            let line_end = text[j..e].find('\n').map_or(e, |n| j + n);
                            return At::Span(j, line_end.max(j + 1));
                        }
                        seen += 1;
                    }
                    depth += 1;
                }
                b']' | b')' => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        break;
                    }
                }
                _ => {}
            }
            j += 1;
        }
        At::Node(i)
    }

    /// A rule with a `clarify` line: checks it and returns true (then `next` must be left out).
    pub(super) fn clarify_route(&mut self, i: usize, k: usize, r: &Route, flags: &HashSet<&str>) -> bool {
        let id = self.scenario.nodes[i].id().to_owned();
        let n = k + 1;
        let Some(line) = &r.clarify else {
            if r.next.is_empty() {
                self.error(
                    Kind::FreeTextRouting,
                    msg!("typed-free-text-rule-turn", n, id),
                    self.list_item(i, "free_text", k),
                )
                .note(msg!("typed-give-next-move-clarify"));
                return true;
            }
            return false;
        };
        if !r.next.is_empty() {
            let next = r.next.clone();
            self.error(
                Kind::FreeTextRouting,
                msg!("typed-free-text-rule-turn-2", n, id, next),
                self.list_item(i, "free_text", k),
            )
            .note(msg!("typed-clarify-line-keeps-turn"));
        }
        let what = msg!("typed-clarify-line-free-text", n, id);
        self.text(&line.text, what, At::Text(Some(i), "text", &line.text), true);
        if let Some(w) = &line.when {
            self.condition(i, w, flags);
        }
        true
    }

    /// Per turn: typed replies accepted (M031), option ids, and an ethics rule for every ethics-marked option
    /// (M028).
    pub(super) fn typed_turn(&mut self, i: usize, turn: &Turn) {
        let id = turn.id.clone();
        if turn.free_text.is_empty() && !turn.options.is_empty() {
            let severity = if self.options.strict { Severity::Error } else { Severity::Warning };
            self.push(severity, Kind::NoTypedReply, msg!("typed-turn-accepts-typed-reply", id), At::Node(i))
                .note(msg!("typed-add-free-text-rules"));
        }
        let mut ids: HashSet<&str> = HashSet::new();
        for (k, opt) in turn.options.iter().enumerate() {
            let n = k + 1;
            let span = opt.text.any().map_or(At::Node(i), |t| At::Str(i, t));
            if let Some(oid) = opt.id.as_deref() {
                if !valid_id(oid) {
                    self.error(
                        Kind::BadId,
                        msg!("typed-option-turn-id-use", n, id, oid),
                        self.list_item(i, "options", k),
                    );
                } else if !ids.insert(oid) {
                    self.error(
                        Kind::DuplicateId,
                        msg!("typed-option-id-used-twice", oid, id),
                        self.list_item(i, "options", k),
                    );
                }
            }
            let Some(mark) = &opt.ethics else { continue };
            if turn.free_text.is_empty() {
                continue;
            }
            let kind = mark.kind;
            let caught = turn.free_text.iter().any(|r| match &r.when {
                RouteWhen::Ethics(k) => *k == kind,
                RouteWhen::AnyEthics => true,
                _ => false,
            });
            if !caught {
                let name = kind.name();
                let severity = if self.options.strict { Severity::Error } else { Severity::Warning };
                self.push(severity, Kind::EthicsRouteMissing, msg!("typed-option-turn-marked-but", n, id, name), span)
                    .note(msg!("typed-add-when-ethics-next", name));
            }
        }
    }

    /// Graph checks on typed-reply rules: fallbacks that assume (M029) and repairs sent to bad endings (M030).
    pub(super) fn typed_graph(&mut self) {
        let s = self.scenario;
        let n = s.nodes.len();
        // Fewest replies from each node to a good ending, and whether any ending is reachable, over every edge.
        let mut rev: Vec<Vec<usize>> = vec![Vec::new(); n];
        for (u, node) in s.nodes.iter().enumerate() {
            if let Node::Turn(t) = node {
                let targets =
                    t.options.iter().map(|o| o.next.as_str()).chain(t.free_text.iter().map(|r| r.next.as_str()));
                for v in targets.filter_map(|id| s.node_index(id)) {
                    rev[v].push(u);
                }
            }
        }
        let from_endings = |good_only: bool| {
            let mut dist = vec![u32::MAX; n];
            let mut queue = VecDeque::new();
            for (i, node) in s.nodes.iter().enumerate() {
                if matches!(node, Node::Ending(e) if !good_only || e.outcome.is_good()) {
                    dist[i] = 0;
                    queue.push_back(i);
                }
            }
            while let Some(v) = queue.pop_front() {
                for &u in &rev[v] {
                    if dist[u] == u32::MAX {
                        dist[u] = dist[v] + 1;
                        queue.push_back(u);
                    }
                }
            }
            dist
        };
        let to_good = from_endings(true);
        let to_any = from_endings(false);
        let via = |next: &str, dist: &[u32]| s.node_index(next).map_or(u32::MAX, |j| dist[j].saturating_add(1));
        for (i, node) in s.nodes.iter().enumerate() {
            let Node::Turn(t) = node else { continue };
            let id = t.id.clone();
            let consistent = t
                .options
                .iter()
                .filter(|o| o.ethics.is_none() && !o.codes.iter().any(|c| c.is_mi_inconsistent()))
                .map(|o| via(&o.next, &to_good))
                .chain(t.free_text.iter().filter(|r| route_consistent(r)).map(|r| via(&r.next, &to_good)))
                .min()
                .unwrap_or(u32::MAX);
            for (k, r) in t.free_text.iter().enumerate() {
                let rn = k + 1;
                if r.next.is_empty() {
                    continue;
                }
                if r.when == RouteWhen::Otherwise {
                    if !r.set.is_empty() {
                        let flags = r.set.join(", ");
                        self.push(
                            Severity::Warning,
                            Kind::FallbackAssumes,
                            msg!("typed-otherwise-rule-turn-sets", id, flags),
                            self.list_item(i, "free_text", k),
                        )
                        .note(msg!("typed-fallback-should-move-conversation"));
                    }
                    let d = via(&r.next, &to_good);
                    if d < consistent {
                        self.push(
                            Severity::Warning,
                            Kind::FallbackAssumes,
                            msg!("typed-otherwise-rule-turn-reaches", rn, id, d),
                            self.list_item(i, "free_text", k),
                        )
                        .note(msg!("typed-unrecognised-reply-must-shortcut"));
                    }
                } else if is_repair(&r.when) && r.ethics.is_none() {
                    let j = s.node_index(&r.next);
                    if j.is_some_and(|j| to_good[j] == u32::MAX && to_any[j] != u32::MAX) {
                        let next = r.next.clone();
                        self.push(
                            Severity::Warning,
                            Kind::RepairPunished,
                            msg!("typed-free-text-rule-turn-3", rn, id, next),
                            self.list_item(i, "free_text", k),
                        )
                        .note(msg!("typed-reflection-asking-client-s"));
                    }
                }
            }
        }
    }
}
