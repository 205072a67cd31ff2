//! `motivo train`: see [`motivo_train::cli::train`] (the coder's command-line tools live beside its training code).

pub use motivo_train::cli::train::{Args, run};
