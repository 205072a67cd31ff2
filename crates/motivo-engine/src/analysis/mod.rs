//! Authoring analysis for trainers: path exploration over a scenario's options (`motivo paths`), test plans
//! (`motivo test`). Pure: no I/O, builds for wasm.

pub mod paths;
pub mod plan;
pub mod sim;

pub use paths::{PathsOptions, PathsReport, explore};
