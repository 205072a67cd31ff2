//! No subcommand: open the learner app.

use std::path::PathBuf;
use std::process::ExitCode;

use motivo_engine::Lang;

#[derive(clap::Args, Debug, Default)]
pub struct Args {
    /// Play `--script` in the app, save a screenshot to this PNG file and exit.
    #[arg(long, value_name = "OUT.png")]
    pub capture: Option<PathBuf>,
    /// Open this scenario (id) directly.
    #[arg(long, value_name = "ID")]
    pub scenario: Option<String>,
    /// Interface and scenario language.
    #[arg(long, value_parser = parse_lang)]
    pub lang: Option<Lang>,
    /// Learner replies to play, one per line (as in `motivo play --script`).
    #[arg(long, value_name = "FILE")]
    pub script: Option<PathBuf>,
}

pub fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::parse(s).ok_or_else(|| format!("unknown language `{s}`; use fi or en"))
}

#[cfg(feature = "app")]
pub fn run(args: Args) -> ExitCode {
    motivo_app::run(motivo_app::AppOptions {
        capture: args.capture,
        scenario: args.scenario,
        lang: args.lang,
        script: args.script,
        autoplay: None,
    })
}

#[cfg(not(feature = "app"))]
pub fn run(_args: Args) -> ExitCode {
    eprintln!("motivo: this build has no app (built with --no-default-features); see `motivo --help`");
    ExitCode::from(2)
}
