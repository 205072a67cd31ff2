//! Checks of the client model (`docs/client-model.md`): `client_model:` (trust, stages, sustain reasons), the
//! options' `hears:`, `heard(…)`/`unheard(…)` in conditions, and `min_consistent:` (M032–M036).

use std::collections::{HashMap, HashSet};

use super::{At, Checker, Locator, Suggest, ValidateOptions, valid_id};
use crate::cond::{self, NameRef};
use crate::diag::{Diagnostic, Kind, Severity};
use crate::i18n::dec;
use crate::model::{Node, Scenario, Side};
use crate::msg;

/// Paths with more states than this per seed are not searched for the `min_consistent` check.
const MAX_SHORTEST_STATES: usize = 50_000;
/// Seeds the `min_consistent` check tries (client-line variants, and so stages, depend on the seed).
const SHORTEST_SEEDS: u64 = 4;

impl Checker<'_> {
    /// Every check of the client model. `flags` are the declared flags.
    pub(super) fn client_model(&mut self, flags: &HashSet<&str>) {
        let s = self.scenario;
        let m = &s.client_model;
        if !(0.0..=10.0).contains(&m.trust) {
            let trust = m.trust;
            self.error(
                Kind::ClientModel,
                msg!("client-trust-range", trust = dec(f64::from(trust), 1)),
                At::Top("trust"),
            );
        }
        if s.min_consistent == Some(0) {
            self.error(Kind::OutOfRange, msg!("client-min-consistent-zero"), At::Top("min_consistent"));
        }
        // The sustain meanings of every line: a reason must be one of them.
        let mut meanings: HashMap<&str, Side> = HashMap::new();
        for n in &s.nodes {
            let clarify = match n {
                Node::Turn(t) => t.free_text.iter().filter_map(|r| r.clarify.as_ref()).collect(),
                Node::Ending(_) => Vec::new(),
            };
            for l in n.lines().iter().chain(clarify) {
                for x in &l.meanings {
                    let side = meanings.entry(&x.id).or_insert(x.side);
                    if x.side == Side::Sustain {
                        *side = Side::Sustain;
                    }
                }
            }
        }
        let reasons: HashSet<&str> = m.reasons.iter().map(String::as_str).collect();
        for r in &m.reasons {
            if !valid_id(r) || meanings.get(r.as_str()) != Some(&Side::Sustain) {
                self.error(Kind::UnknownReason, msg!("client-reason-not-meaning", r), At::Top("reasons"))
                    .note(msg!("client-reason-not-meaning-note", r));
            }
        }
        // The stage conditions.
        let advance = &m.advance;
        let stage_conds = [
            ("contemplation", Some(&advance.contemplation)),
            ("preparation", Some(&advance.preparation)),
            ("action", Some(&advance.action)),
            ("back", m.back.as_ref()),
        ];
        for (field, c) in stage_conds {
            let Some(c) = c else { continue };
            let problem = match cond::parse(c) {
                Err(e) => Some(e.message),
                Ok(parsed) => parsed
                    .names()
                    .into_iter()
                    .find_map(|n| match n {
                        NameRef::Flag(f) if !flags.contains(f) => Some(f.to_owned()),
                        NameRef::Node(x) if s.node(x).is_none() => Some(x.to_owned()),
                        _ => None,
                    })
                    .map(|x| msg!("client-cond-unknown-name", x))
                    .or_else(|| {
                        let r = parsed.reasons().into_iter().find(|r| !reasons.contains(r))?;
                        Some(msg!("client-cond-unknown-reason", r))
                    }),
            };
            if let Some(problem) = problem {
                self.error(Kind::ClientModel, msg!("client-cond-problem", field, problem), At::Top(field));
            }
        }
        // `hears:` on options, and `heard(…)`/`unheard(…)` in conditions.
        let mut returns: HashSet<String> = HashSet::new();
        for (i, n) in s.nodes.iter().enumerate() {
            let mut conds: Vec<&str> = n.lines().iter().filter_map(|l| l.when.as_deref()).collect();
            if let Node::Turn(t) = n {
                conds.extend(t.options.iter().filter_map(|o| o.when.as_deref()));
                conds.extend(t.free_text.iter().filter_map(|r| r.cond.as_deref()));
                for o in &t.options {
                    for h in &o.hears {
                        if !reasons.contains(h.as_str()) {
                            self.error(Kind::UnknownReason, msg!("client-hears-unknown", h), At::Str(i, h));
                        }
                    }
                    if !o.hears.is_empty() && !o.codes.iter().any(|c| c.is_reflection()) {
                        self.error(
                            Kind::HearsWithoutReflection,
                            msg!("client-hears-not-reflection"),
                            At::Key(i, "hears"),
                        );
                    }
                }
            }
            for l in n.lines() {
                if let Some(c) = l.when.as_deref().and_then(|w| cond::parse(w).ok()) {
                    returns.extend(c.unheard_reasons().into_iter().map(str::to_owned));
                }
            }
            for w in conds {
                let Ok(c) = cond::parse(w) else { continue };
                for r in c.reasons() {
                    if reasons.contains(r) {
                        continue;
                    }
                    let at = self.reason_span(i, w, r);
                    self.error(Kind::UnknownReason, msg!("client-cond-reason-undeclared", r), at);
                }
            }
        }
        for r in &m.reasons {
            if meanings.get(r.as_str()) == Some(&Side::Sustain) && !returns.contains(r) {
                let severity = if self.options.strict { Severity::Error } else { Severity::Warning };
                self.push(
                    severity,
                    Kind::ReasonNeverReturns,
                    msg!("client-reason-never-returns", r),
                    At::Top("reasons"),
                )
                .note(msg!("client-reason-never-returns-note", r));
            }
        }
    }

    /// The span of `(reason)` in condition `when` of node `i`, else the node's id.
    fn reason_span(&self, i: usize, when: &str, reason: &str) -> At<'static> {
        let inner = format!("({reason})");
        let lit = self.loc.literal_in_node(i, when);
        match (lit, when.find(&inner)) {
            (Some(l), Some(at)) => {
                let text = self.loc.text;
                At::Span(l.source_offset(text, at + 1), l.source_offset(text, at + 1 + reason.len()))
            }
            _ => At::Node(i),
        }
    }

    /// M036: no good ending may be reached by fewer MI-consistent option replies than `min_consistent` (by
    /// default by difficulty). Run only on a scenario with no errors (it plays the scenario).
    fn min_consistent(&mut self) {
        let s = self.scenario;
        let min = s.min_consistent();
        let Some((n, path)) = crate::analysis::paths::shortest_consistent(s, SHORTEST_SEEDS, MAX_SHORTEST_STATES)
        else {
            return;
        };
        if n >= min {
            return;
        }
        let at = if s.min_consistent.is_some() { At::Top("min_consistent") } else { At::Top("difficulty") };
        let severity = if self.options.strict { Severity::Error } else { Severity::Warning };
        let steps: Vec<String> = path.iter().map(|p| format!("{}/@{}", p.node, p.option)).collect();
        let steps = steps.join(" ");
        let d = s.difficulty;
        self.push(severity, Kind::TooFewConsistent, msg!("client-too-few-consistent", n, min, d), at)
            .note(msg!("client-too-few-path", steps))
            .note(msg!("client-too-few-note"));
    }
}

/// The `min_consistent` check (M036) of a scenario that loaded with no errors: a good ending reached by fewer
/// MI-consistent option replies than the scenario's minimum is a warning (an error with `--strict`). Not part of
/// [`validate`](super::validate), which every load runs: it plays the scenario (breadth first over its
/// states), so `motivo check` and `motivo paths` run it.
pub fn min_consistent(scenario: &Scenario, text: &str, options: &ValidateOptions) -> Vec<Diagnostic> {
    let mut c = Checker {
        scenario,
        loc: Locator::new(text, scenario),
        options: *options,
        out: Vec::new(),
        suggest: Suggest::default(),
        langs: scenario.languages(),
        broken: Vec::new(),
        meaning_homes: None,
    };
    c.min_consistent();
    c.out
}
