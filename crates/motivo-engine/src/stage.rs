//! The stages of change a client moves through (`client_model:`), named in conditions (`stage >= preparation`).
//! A module of its own so that the condition language can name stages without importing the scenario model.

use serde::{Deserialize, Serialize};

/// A stage of change (the transtheoretical model): readiness moves by stages, at most one step per reply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize)]
pub enum Stage {
    /// Not considering the change.
    Precontemplation,
    /// Weighing it: ambivalent.
    #[default]
    Contemplation,
    /// Intending to act soon, planning.
    Preparation,
    /// Doing it.
    Action,
}

impl Stage {
    pub const ALL: [Stage; 4] = [Stage::Precontemplation, Stage::Contemplation, Stage::Preparation, Stage::Action];

    /// The stage's number in conditions (`stage >= 2`): 0 precontemplation … 3 action.
    pub fn number(self) -> u8 {
        self as u8
    }

    /// The lowercase name conditions use (`stage >= preparation`).
    pub fn name(self) -> &'static str {
        match self {
            Stage::Precontemplation => "precontemplation",
            Stage::Contemplation => "contemplation",
            Stage::Preparation => "preparation",
            Stage::Action => "action",
        }
    }

    pub fn from_name(s: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|x| x.name() == s)
    }

    pub fn next(self) -> Option<Stage> {
        Stage::ALL.get(self as usize + 1).copied()
    }

    pub fn prev(self) -> Option<Stage> {
        (self as usize).checked_sub(1).map(|i| Stage::ALL[i])
    }
}
