//! Checks of the client model (`docs/client-model.md`): `client_model:` (trust, stages, sustain reasons), the
//! options' `hears:`, `heard(…)`/`unheard(…)` in conditions, and `min_consistent:` (M032–M036).

use std::collections::{HashMap, HashSet};

use super::{At, Checker, Locator, Suggest, ValidateOptions, valid_id};
use crate::cond::{self, NameRef};
use crate::diag::{Diagnostic, Kind, Severity, Tr};
use crate::model::{Node, Scenario, Side};
use crate::tr;

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
                tr!("`trust: {trust}` is out of range: trust is 0–10", "`trust: {trust}` ei kelpaa: luottamus on 0–10"),
                At::Top("trust"),
            );
        }
        if s.min_consistent == Some(0) {
            self.error(
                Kind::OutOfRange,
                tr!("`min_consistent` must be 1 or more", "`min_consistent` pitää olla vähintään 1"),
                At::Top("min_consistent"),
            );
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
                self.error(
                    Kind::UnknownReason,
                    tr!(
                        "sustain reason `{r}` is not the id of a `Sustain` meaning of any client line",
                        "muutospuheen vastainen syy `{r}` ei ole minkään asiakkaan repliikin `Sustain`-merkityksen \
                         tunnus"
                    ),
                    At::Top("reasons"),
                )
                .note(tr!(
                    "a reason is a meaning the client says: `meanings: [(id: \"{r}\", side: Sustain, …)]`",
                    "syy on merkitys, jonka asiakas sanoo: `meanings: [(id: \"{r}\", side: Sustain, …)]`"
                ));
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
                Err(e) => Some(Tr { en: e.message, fi: e.message_fi }),
                Ok(parsed) => parsed
                    .names()
                    .into_iter()
                    .find_map(|n| match n {
                        NameRef::Flag(f) if !flags.contains(f) => Some(f.to_owned()),
                        NameRef::Node(x) if s.node(x).is_none() => Some(x.to_owned()),
                        _ => None,
                    })
                    .map(|x| {
                        tr!(
                            "`{x}` is not a variable, declared flag or node",
                            "`{x}` ei ole muuttuja, esitelty lippu eikä solmu"
                        )
                    })
                    .or_else(|| {
                        let r = parsed.reasons().into_iter().find(|r| !reasons.contains(r))?;
                        Some(tr!("`{r}` is not a declared sustain reason", "`{r}` ei ole esitelty syy"))
                    }),
            };
            if let Some(Tr { en, fi }) = problem {
                self.error(
                    Kind::ClientModel,
                    tr!(
                        "the `{field}` condition of `client_model`: {en}",
                        "`client_model`-kentän ehto `{field}`: {fi}"
                    ),
                    At::Top(field),
                );
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
                            self.error(
                                Kind::UnknownReason,
                                tr!(
                                    "`hears` names `{h}`, which is not a sustain reason in `client_model.reasons`",
                                    "`hears` nimeää syyn `{h}`, jota ei ole `client_model.reasons`-listassa"
                                ),
                                At::Str(i, h),
                            );
                        }
                    }
                    if !o.hears.is_empty() && !o.codes.iter().any(|c| c.is_reflection()) {
                        self.error(
                            Kind::HearsWithoutReflection,
                            tr!(
                                "an option that `hears` a sustain reason must be a reflection (`SR` or `CR`)",
                                "vaihtoehdon, joka kuulee (`hears`) syyn, pitää olla heijastus (`SR` tai `CR`)"
                            ),
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
                    self.error(
                        Kind::UnknownReason,
                        tr!(
                            "condition names sustain reason `{r}`, which is not in `client_model.reasons`",
                            "ehdossa on syy `{r}`, jota ei ole `client_model.reasons`-listassa"
                        ),
                        at,
                    );
                }
            }
        }
        for r in &m.reasons {
            if meanings.get(r.as_str()) == Some(&Side::Sustain) && !returns.contains(r) {
                let severity = if self.options.strict { Severity::Error } else { Severity::Warning };
                self.push(
                    severity,
                    Kind::ReasonNeverReturns,
                    tr!(
                        "sustain reason `{r}` never comes back: no client line has `unheard({r})` in its `when`",
                        "syy `{r}` ei palaa koskaan: yhdenkään asiakkaan repliikin `when`-ehdossa ei ole `unheard({r})`"
                    ),
                    At::Top("reasons"),
                )
                .note(tr!(
                    "write a later line that brings it back (\"yes, but…\") with `when: \"unheard({r})\"`",
                    "kirjoita myöhempi repliikki, joka palaa siihen (\"kyllä, mutta…\"), ehdolla `when: \"unheard({r})\"`"
                ));
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
        self.push(
            severity,
            Kind::TooFewConsistent,
            tr!(
                "a good ending is reached after only {n} MI-consistent replies; this scenario asks for at least {min} \
                 (`min_consistent`, by default by `difficulty: {d}`)",
                "hyvään loppuun pääsee jo {n} MI:n mukaisella vastauksella; tässä skenaariossa niitä pitää olla \
                 vähintään {min} (`min_consistent`, oletuksena `difficulty: {d}` mukaan)"
            ),
            at,
        )
        .note(tr!("the path: {steps}", "polku: {steps}"))
        .note(tr!(
            "let the client resist longer: gate the step by `stage` or `trust`, or bring a sustain reason back",
            "anna asiakkaan vastustaa pidempään: ehdollista askel `stage`- tai `trust`-ehdolla tai palauta \
             syy puheeseen"
        ));
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
    };
    c.min_consistent();
    c.out
}
