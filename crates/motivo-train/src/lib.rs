//! Training and evaluation of Motivo's offline MI coder (`motivo train`, `motivo eval`, `motivo code --batch`).
//! Not part of the app or the wasm build: the engine only reads the weights this crate writes.

pub mod data;
#[cfg(feature = "train")]
pub mod ethics_train;
pub mod eval;
#[cfg(feature = "train")]
pub mod train;

/// Re-exported for the `motivo` command-line tools (progress bars).
pub use indicatif;
pub mod cli;
