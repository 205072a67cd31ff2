//! `motivo sync` (to be implemented with reporting, issue 6).

use std::process::ExitCode;

#[derive(clap::Args, Debug)]
pub struct Args {}

pub fn run(_args: Args) -> ExitCode {
    eprintln!("motivo sync: not available yet");
    ExitCode::from(2)
}

/// Called by `motivo play` after a play is recorded (unless `--no-record`): queues the attempt's xAPI
/// statements. Never blocks on the network and never loses the play; errors are a message for the learner.
pub fn queue_play(
    _session: &motivo_engine::Session,
    _report: &motivo_engine::Report,
    _started: std::time::SystemTime,
    _duration: std::time::Duration,
) -> Result<(), String> {
    Ok(())
}
