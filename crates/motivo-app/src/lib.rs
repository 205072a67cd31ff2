//! Motivo's learner app. (Placeholder until the app lands: see issue 4.)
use std::path::PathBuf;
use std::process::ExitCode;

use motivo_engine::Lang;

/// How `motivo` (with no subcommand) opens the app.
#[derive(Debug, Clone, Default)]
pub struct AppOptions {
    /// Play `script` (if any), save a screenshot here and exit.
    pub capture: Option<PathBuf>,
    pub scenario: Option<String>,
    pub lang: Option<Lang>,
    pub script: Option<PathBuf>,
}

pub fn run(_options: AppOptions) -> ExitCode {
    eprintln!("motivo: the app is not part of this build yet; see `motivo --help` for the commands");
    ExitCode::from(2)
}
