//! `motivo code`: see [`motivo_train::cli::code`] (the coder's command-line tools live beside its training code).

pub use motivo_train::cli::code::{Args, run};
