//! `motivo train` (to be implemented with the coder, issue 3).

use std::process::ExitCode;

#[derive(clap::Args, Debug)]
pub struct Args {}

pub fn run(_args: Args) -> ExitCode {
    eprintln!("motivo train: not available yet (the coder is not built)");
    ExitCode::from(2)
}
