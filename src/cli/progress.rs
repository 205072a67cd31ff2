//! `motivo progress` and recording plays (to be implemented with course progress, issue 5).

use std::process::ExitCode;

use motivo_engine::{Report, Session};

#[derive(clap::Args, Debug)]
pub struct Args {}

pub fn run(_args: Args) -> ExitCode {
    eprintln!("motivo progress: not available yet");
    ExitCode::from(2)
}

/// Called by `motivo play` when a play ends (unless `--no-record`). Returns a message for the learner on failure;
/// a failure to record never loses the play's output.
pub fn record_play(
    _session: &Session,
    _report: &Report,
    _started: std::time::SystemTime,
    _duration: std::time::Duration,
) -> Result<(), String> {
    Ok(())
}

/// Checks a course file (`course.ron`) for `motivo check`; returns its diagnostics.
pub fn check_course(_bytes: &[u8]) -> Vec<motivo_engine::Diagnostic> {
    Vec::new()
}
