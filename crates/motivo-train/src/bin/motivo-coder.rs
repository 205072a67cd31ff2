//! `motivo-coder`: the coder's tools without the rest of `motivo` (same subcommands as `motivo code|eval|train`).

use std::process::ExitCode;

use clap::{Parser, Subcommand};
use motivo_train::cli;

#[derive(Parser)]
#[command(name = "motivo-coder", about = "Motivo's offline MI coder: code, evaluate, train")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Code a typed reply with MI behaviour codes, with the evidence for each.
    Code(cli::code::Args),
    /// Measure the coder against coded replies (CSV) or the held-out AnnoMI transcripts.
    Eval(cli::eval::Args),
    /// Train the coder's weights from the corpora (reproducible).
    Train(cli::train::Args),
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Code(a) => cli::code::run(a),
        Command::Eval(a) => cli::eval::run(a),
        Command::Train(a) => cli::train::run(a),
    }
}
