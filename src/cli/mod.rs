//! One module per subcommand: each has `Args` (clap) and `run(Args) -> ExitCode`.

pub mod app;
pub mod check;
pub mod code;
pub mod eval;
pub mod graph;
pub mod list;
pub mod new;
pub mod paths;
pub mod play;
pub mod progress;
pub mod sync;
pub mod test;
pub mod train;
pub mod wrap;
