//! `motivo`: with no subcommand it opens the learner app on the bundled course; the subcommands serve trainers
//! and automation.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod cli;

#[derive(Parser)]
#[command(
    name = "motivo",
    version,
    about = "Practice motivational interviewing in digital support",
    long_about = "Motivo is a practice simulator for motivational interviewing (MI) in digital support.\n\
                  With no subcommand it opens the app on the bundled course.\n\
                  Trainers write scenarios as RON files, check them with `motivo check` and play them with `motivo play`."
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    app: cli::app::Args,
}

#[derive(Subcommand)]
enum Command {
    /// List the bundled scenarios.
    List(cli::list::Args),
    /// Check scenario files (and course.ron) and report problems with their location.
    Check(cli::check::Args),
    /// Play a scenario in the terminal and get an MI report.
    Play(cli::play::Args),
    /// Code a typed reply with MI behaviour codes, with the evidence for each.
    Code(cli::code::Args),
    /// Measure the coder against coded replies (CSV) or the held-out AnnoMI transcripts.
    Eval(cli::eval::Args),
    /// Train the coder's weights from the corpora (reproducible; built with `--features train`).
    #[cfg(feature = "train")]
    Train(cli::train::Args),
    /// Show course progress: what is passed, mastered, and next.
    Progress(cli::progress::Args),
    /// Send queued xAPI statements to the configured learning record store.
    Sync(cli::sync::Args),
    /// Explore every option path of a scenario: endings, MITI levels, MI-aware warnings.
    Paths(cli::paths::Args),
    /// Draw a scenario as a graph: DOT, Mermaid or a self-contained HTML page.
    Graph(cli::graph::Args),
    /// Run test plans (expected plays) and report coverage; convert scripts into plans.
    Test(cli::test::Args),
    /// Write a minimal commented scenario (fi + en) and its test plan.
    New(cli::new::Args),
    /// Export a scenario's texts for translators (CSV, XLIFF) and import the translations back.
    Strings(cli::strings::Args),
}

fn main() -> ExitCode {
    cli::i18n::load_extra_from_env();
    let cli = Cli::parse();
    match cli.command {
        None => cli::app::run(cli.app),
        Some(Command::List(a)) => cli::list::run(a),
        Some(Command::Check(a)) => cli::check::run(a),
        Some(Command::Play(a)) => cli::play::run(a),
        Some(Command::Code(a)) => cli::code::run(a),
        Some(Command::Eval(a)) => cli::eval::run(a),
        #[cfg(feature = "train")]
        Some(Command::Train(a)) => cli::train::run(a),
        Some(Command::Progress(a)) => cli::progress::run(a),
        Some(Command::Sync(a)) => cli::sync::run(a),
        Some(Command::Paths(a)) => cli::paths::run(a),
        Some(Command::Graph(a)) => cli::graph::run(a),
        Some(Command::Test(a)) => cli::test::run(a),
        Some(Command::New(a)) => cli::new::run(a),
        Some(Command::Strings(a)) => cli::strings::run(a),
    }
}
