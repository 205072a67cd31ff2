//! Motivo's engine: the scenario model, RON loading and validation, the conversation runtime with its client
//! model, and MI scoring.
//!
//! Invariants (see `ARCHITECTURE.md`): no Bevy, egui or file-system dependency; builds for
//! `wasm32-unknown-unknown`; deterministic for a given scenario, seed and replies.

pub mod analysis;
pub mod bundled;
pub mod coder;
pub mod codes;
pub mod coding;
pub mod cond;
pub mod diag;
#[cfg(not(target_arch = "wasm32"))]
pub mod fastron;
pub mod i18n;
pub mod lang;
pub mod limits;
pub mod load;
pub mod mind;
pub mod model;
pub mod rules;
pub mod runtime;
pub mod scoring;
pub mod script;
pub mod stage;
pub mod validate;

pub use codes::Code;
pub use coding::{CodeRequest, CodedReply, EthicsHit, Evidence, Primary, ReplyCoder};
pub use diag::{Diagnostic, Kind, Severity};
pub use load::{Loaded, load_scenario};
pub use model::{Lang, Scenario, Text};
pub use runtime::{RuntimeError, Session, SessionState};
pub use scoring::Report;
pub use validate::ValidateOptions;
