//! The default rule table: how a learner's reply moves the client's state, and how many points it is worth.
//!
//! Documented in `docs/client-model.md`; any option or route can replace the effect with its own `effect`.
//! Each code in a reply adds its row (after [`crate::codes::normalize_volley`]); the row depends on the side of
//! the ambivalence the reply attends to (its `focus`, by default the side of the client's line).

use crate::codes::Code;
use crate::model::{Effect, Side};

/// One row of the rule table: the effect of `code` when the reply attends to `focus`.
pub fn code_effect(code: Code, focus: Side) -> Effect {
    use Side::*;
    match (code, focus) {
        // Reflecting change talk strengthens it; reflecting sustain talk makes the client feel heard (less
        // discord) but keeps the status-quo side in the air.
        (Code::SR, Change) => Effect::new(0.5, 0.0, -0.25, 1.0),
        (Code::SR, Sustain) => Effect::new(0.0, 0.0, -0.5, -0.25),
        (Code::SR, Neutral) => Effect::new(0.0, 0.0, -0.25, 0.0),
        (Code::CR, Change) => Effect::new(1.0, 0.25, -0.5, 1.5),
        (Code::CR, Sustain) => Effect::new(0.0, 0.0, -1.0, 0.0),
        (Code::CR, Neutral) => Effect::new(0.25, 0.0, -0.5, 0.25),
        // Open questions that evoke change talk feed it; exploring sustain talk feeds the status quo.
        (Code::OQ, Change) => Effect::new(0.5, 0.0, 0.0, 0.75),
        (Code::OQ, Sustain) => Effect::new(0.0, 0.0, 0.0, -1.0),
        (Code::OQ, Neutral) => Effect::new(0.0, 0.0, 0.0, 0.25),
        (Code::CQ, Sustain) => Effect::new(0.0, 0.0, 0.0, -0.25),
        (Code::CQ, _) => Effect::new(0.0, 0.0, 0.0, 0.0),
        // Affirming raises confidence.
        (Code::AF, _) => Effect::new(0.0, 1.0, -0.5, 0.25),
        (Code::SEEK, _) => Effect::new(0.0, 0.25, -0.5, 0.25),
        // Emphasising autonomy lowers discord.
        (Code::EMPH, _) => Effect::new(0.25, 0.25, -1.0, 0.25),
        (Code::GI, _) => Effect::new(0.0, 0.25, 0.0, 0.0),
        (Code::PWP, _) => Effect::new(0.25, 0.5, 0.0, 0.25),
        // Persuading or confronting raises discord and sustain talk.
        (Code::PER, _) => Effect::new(-0.25, 0.0, 1.5, -1.0),
        (Code::CON, _) => Effect::new(-0.5, -0.5, 2.5, -1.5),
        (Code::NONE, _) => Effect::new(0.0, 0.0, 0.0, 0.0),
    }
}

/// The default effect of a whole reply: the sum of its codes' rows.
pub fn default_effect(codes: &[Code], focus: Side) -> Effect {
    codes.iter().fold(Effect::default(), |acc, &c| {
        let e = code_effect(c, focus);
        Effect::new(
            acc.importance + e.importance,
            acc.confidence + e.confidence,
            acc.discord + e.discord,
            acc.momentum + e.momentum,
        )
    })
}

/// Points a code is worth for the reply score (documented in `docs/scoring.md`).
pub fn code_points(code: Code) -> f32 {
    match code {
        Code::CR => 2.0,
        Code::AF | Code::SEEK | Code::EMPH => 2.0,
        Code::SR | Code::OQ => 1.0,
        Code::PWP => 0.5,
        Code::CQ | Code::GI | Code::NONE => 0.0,
        Code::PER => -2.0,
        Code::CON => -3.0,
    }
}

/// Points taken off a reply with a digital-support ethics problem.
pub const ETHICS_PENALTY: f32 = 3.0;

/// The score of a reply: its codes' points, plus how much better off the client is, minus the ethics penalty.
/// The validator uses it to check that no MI-inconsistent option outscores a consistent one.
pub fn reply_score(codes: &[Code], effect: &Effect, ethics_problem: bool) -> f32 {
    let points: f32 = codes.iter().map(|c| code_points(*c)).sum();
    points + effect.value() - if ethics_problem { ETHICS_PENALTY } else { 0.0 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_from_the_brief_hold() {
        // Reflecting change talk strengthens it.
        assert!(code_effect(Code::CR, Side::Change).momentum > 0.0);
        assert!(code_effect(Code::SR, Side::Change).momentum > 0.0);
        // Persuading or confronting raises discord and sustain talk (negative momentum).
        for c in [Code::PER, Code::CON] {
            let e = code_effect(c, Side::Change);
            assert!(e.discord > 0.0 && e.momentum < 0.0, "{c}");
        }
        // Affirming raises confidence; emphasising autonomy lowers discord.
        assert!(code_effect(Code::AF, Side::Neutral).confidence > 0.0);
        assert!(code_effect(Code::EMPH, Side::Neutral).discord < 0.0);
        // Exploring sustain talk feeds it.
        assert!(code_effect(Code::OQ, Side::Sustain).momentum < 0.0);
    }

    #[test]
    fn consistent_codes_outscore_inconsistent_ones_by_default() {
        for good in [Code::OQ, Code::SR, Code::CR, Code::AF, Code::SEEK, Code::EMPH] {
            for bad in [Code::PER, Code::CON] {
                for side in [Side::Change, Side::Sustain, Side::Neutral] {
                    let g = reply_score(&[good], &default_effect(&[good], side), false);
                    let b = reply_score(&[bad], &default_effect(&[bad], side), false);
                    assert!(g > b, "{good} {g} vs {bad} {b} on {side:?}");
                }
            }
        }
    }

    #[test]
    fn effects_add_up_per_code() {
        let e = default_effect(&[Code::AF, Code::EMPH], Side::Neutral);
        assert_eq!(e.discord, -1.5);
        assert_eq!(e.confidence, 1.25);
    }
}
