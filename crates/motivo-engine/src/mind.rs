//! The resisting part of the client model: trust that gates disclosure, readiness by stages of change, and
//! sustain reasons that come back unless heard (`docs/client-model.md`).
//!
//! [`Mind`] is kept in every runtime [`Snapshot`](crate::runtime::Snapshot) (and in the path explorer's state),
//! and moved by the same functions in both, so they cannot disagree:
//! 1. [`Mind::after_reply`] — after a reply's effect is applied: reasons the reply reflected are heard and trust
//!    moves by [`trust_delta`]; then the stage moves at most one step ([`step_stage`]);
//! 2. [`Mind::said`] — when the client says a line: the sustain reasons it carries are held from then on.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::codes::Code;
use crate::cond::CondEnv;
use crate::model::{ClientLine, ClientModel, Side, Stage, holds};

/// Trust is kept within 0–10.
pub const TRUST_MAX: f32 = 10.0;
/// Trust lost when a reply has a digital-support ethics problem.
pub const TRUST_ETHICS: f32 = -3.0;
/// Trust gained for each held sustain reason a reply reflects (being heard).
pub const TRUST_HEARD: f32 = 0.5;

/// The client's trust, stage and sustain reasons between two replies.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mind {
    pub trust: f32,
    pub stage: Stage,
    /// Sustain reasons the client has said and no reflection has captured yet.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub unheard: BTreeSet<String>,
    /// Sustain reasons a reflection has captured (they stay heard).
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub heard: BTreeSet<String>,
}

impl Default for Mind {
    fn default() -> Self {
        Mind::start(&ClientModel::default())
    }
}

/// How one MI code moves trust (after MITI's per-volley rules, so each code counts once).
pub fn code_trust(code: Code) -> f32 {
    match code {
        Code::CR => 1.0,
        Code::SR | Code::AF | Code::EMPH | Code::SEEK => 0.5,
        Code::OQ | Code::PWP => 0.25,
        Code::CQ | Code::GI | Code::NONE => 0.0,
        Code::PER => -1.0,
        Code::CON => -2.0,
    }
}

/// How a reply with these (normalised) codes moves trust; an ethics problem costs [`TRUST_ETHICS`] more.
pub fn trust_delta(codes: &[Code], ethics: bool) -> f32 {
    codes.iter().map(|c| code_trust(*c)).sum::<f32>() + if ethics { TRUST_ETHICS } else { 0.0 }
}

impl Mind {
    /// The mind at the start of a conversation.
    pub fn start(model: &ClientModel) -> Mind {
        Mind {
            trust: model.trust.clamp(0.0, TRUST_MAX),
            stage: model.stage,
            unheard: BTreeSet::new(),
            heard: BTreeSet::new(),
        }
    }

    /// The client said `line`: every sustain reason of the model that the line carries (as a `Sustain`
    /// meaning) and that was not heard yet is held from now on.
    pub fn said(&mut self, model: &ClientModel, line: Option<&ClientLine>) {
        let Some(line) = line else { return };
        for m in &line.meanings {
            if m.side == Side::Sustain && model.reasons.contains(&m.id) && !self.heard.contains(&m.id) {
                self.unheard.insert(m.id.clone());
            }
        }
    }

    /// After a reply: the held reasons in `reflected` are heard (only when the reply is a reflection) and trust
    /// moves. The caller then moves the stage with [`step_stage`] on the new state.
    pub fn after_reply(&mut self, codes: &[Code], ethics: bool, reflected: &[String]) {
        let mut heard = 0;
        if codes.iter().any(|c| c.is_reflection()) {
            for r in reflected {
                if self.unheard.remove(r) {
                    self.heard.insert(r.clone());
                    heard += 1;
                }
            }
        }
        let delta = trust_delta(codes, ethics) + heard as f32 * TRUST_HEARD;
        self.trust = (self.trust + delta).clamp(0.0, TRUST_MAX);
    }
}

/// The stage after one reply, judged on `env` (the state after the reply): one step back when the model's
/// `back` condition holds (no step at the first stage), else one step forward when the condition for the next
/// stage holds, else the same. Never more than one step.
pub fn step_stage(model: &ClientModel, stage: Stage, env: &dyn CondEnv) -> Stage {
    step_stage_with(model, stage, |c| holds(Some(c), env))
}

/// [`step_stage`] with the conditions judged by `holds` (the path explorer's cache of parsed conditions).
pub fn step_stage_with(model: &ClientModel, stage: Stage, holds: impl Fn(&str) -> bool) -> Stage {
    if model.back.as_deref().is_some_and(&holds) {
        return stage.prev().unwrap_or(stage);
    }
    match stage.next() {
        Some(next) if model.advance.into_stage(next).is_none_or(&holds) => next,
        _ => stage,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cond::NumVar;

    struct Env {
        change_talk: f32,
        trust: f32,
        discord: f32,
    }

    impl CondEnv for Env {
        fn num(&self, var: NumVar) -> f32 {
            match var {
                NumVar::ChangeTalk => self.change_talk,
                NumVar::Trust => self.trust,
                NumVar::Discord => self.discord,
                _ => 0.0,
            }
        }
        fn flag(&self, _: &str) -> bool {
            false
        }
        fn visited(&self, _: &str) -> bool {
            false
        }
        fn used(&self, _: Code) -> bool {
            false
        }
    }

    #[test]
    fn a_stage_moves_one_step_even_when_every_condition_holds() {
        let model = ClientModel { stage: Stage::Precontemplation, ..ClientModel::default() };
        let all = Env { change_talk: 10.0, trust: 10.0, discord: 0.0 };
        let mut stage = model.stage;
        let mut seen = vec![stage];
        for _ in 0..4 {
            stage = step_stage(&model, stage, &all);
            seen.push(stage);
        }
        assert_eq!(
            seen,
            [Stage::Precontemplation, Stage::Contemplation, Stage::Preparation, Stage::Action, Stage::Action]
        );
    }

    #[test]
    fn a_stage_waits_for_change_talk_and_trust_and_falls_back_on_discord() {
        let model = ClientModel { back: Some("discord >= 6".into()), ..ClientModel::default() };
        // Preparation needs change_talk >= 3 and trust >= 5 (the defaults).
        let low_trust = Env { change_talk: 4.0, trust: 4.0, discord: 0.0 };
        assert_eq!(step_stage(&model, Stage::Contemplation, &low_trust), Stage::Contemplation);
        let enough = Env { change_talk: 3.0, trust: 5.0, discord: 0.0 };
        assert_eq!(step_stage(&model, Stage::Contemplation, &enough), Stage::Preparation);
        let angry = Env { change_talk: 9.0, trust: 9.0, discord: 7.0 };
        assert_eq!(step_stage(&model, Stage::Preparation, &angry), Stage::Contemplation);
        assert_eq!(step_stage(&model, Stage::Precontemplation, &angry), Stage::Precontemplation);
    }

    #[test]
    fn trust_follows_the_codes() {
        assert_eq!(trust_delta(&[Code::CR, Code::AF], false), 1.5);
        assert_eq!(trust_delta(&[Code::CON], false), -2.0);
        assert_eq!(trust_delta(&[Code::SR], true), 0.5 + TRUST_ETHICS);
    }
}
