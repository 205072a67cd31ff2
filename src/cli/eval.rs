//! `motivo eval`: see [`motivo_train::cli::eval`] (the coder's command-line tools live beside its training code).

pub use motivo_train::cli::eval::{Args, run};
