//! One module per subcommand: each has `Args` (clap) and `run(Args) -> ExitCode`.

pub mod app;
pub mod check;
pub mod code;
pub mod eval;
pub mod list;
pub mod locale;
pub mod play;
pub mod progress;
pub mod safe;
pub mod sync;
#[cfg(feature = "train")]
pub mod train;
pub mod wrap;
