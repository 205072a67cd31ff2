//! One module per subcommand: each has `Args` (clap) and `run(Args) -> ExitCode`.

pub mod app;
pub mod check;
pub mod code;
pub mod eval;
pub mod graph;
pub mod i18n;
pub mod input;
pub mod list;
pub mod locale;
pub mod new;
pub mod paths;
pub mod play;
pub mod progress;
pub mod safe;
pub mod strings;
pub mod sync;
pub mod test;
#[cfg(feature = "train")]
pub mod train;
pub mod wrap;
