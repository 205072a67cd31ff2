//! `motivo train`: trains the coder's weights from AnnoMI (training transcripts only) and Motivo's own labelled
//! examples, and writes `assets/coder/coder.bin`. Deterministic: the same data give the same file.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use crate::train::{Options, prune, train};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The shared data folder (holds `annomi/`). `mi-dev-fi.csv` there is never used for training.
    #[arg(long, default_value = "../shared/data")]
    data: PathBuf,
    /// Folder of Motivo's own labelled examples (`*.csv`: id,lang,context,reply,codes).
    #[arg(long, default_value = "crates/motivo-train/data")]
    own: PathBuf,
    /// Where to write the weights.
    #[arg(long, default_value = "assets/coder/coder.bin")]
    out: PathBuf,
    /// L2 penalty of the logistic regressions.
    #[arg(long, default_value_t = 3.0)]
    alpha: f64,
    /// L2 penalty of the 4-way head alone (default: `--alpha`).
    #[arg(long)]
    primary_alpha: Option<f64>,
    /// How many times each own example is repeated next to AnnoMI.
    #[arg(long, default_value_t = 3)]
    own_repeat: usize,
    /// How many of those repeats also train the primary (4-way) head (0: AnnoMI alone, see docs/coder.md).
    #[arg(long, default_value_t = 0)]
    own_primary_repeat: usize,
    /// Minimum number of training replies a feature must occur in.
    #[arg(long, default_value_t = 2)]
    min_df: usize,
    /// At most this many features are kept (most frequent first).
    #[arg(long, default_value_t = 8000)]
    max_features: usize,
    /// L-BFGS iterations.
    #[arg(long, default_value_t = 400)]
    iterations: u64,
    /// Weight of the code model in the 4-way label.
    #[arg(long, default_value_t = 0.2)]
    primary_mix: f32,
    /// Tuning aid: also leave out the training transcripts with transcript_id % 5 == K (1–4), to evaluate on
    /// them with `motivo eval --annomi PATH --fold K`.
    #[arg(long, value_name = "K", value_parser = clap::value_parser!(u32).range(1..5))]
    validation_fold: Option<u32>,
    /// Log-prior offsets of the 4-way label: question,reflection,input,other (calibration chosen on a validation
    /// fold; see docs/coder.md).
    #[arg(long, value_delimiter = ',', allow_negative_numbers = true, default_values_t = [0.0f32, 0.0, 0.6, 0.0])]
    primary_bias: Vec<f32>,
}

pub fn run(args: Args) -> ExitCode {
    if args.primary_bias.len() != 4 {
        eprintln!(
            "motivo train: --primary-bias needs four numbers (question,reflection,input,other), got {}",
            args.primary_bias.len()
        );
        return ExitCode::from(2);
    }
    let opts = Options {
        data: args.data,
        own: args.own,
        own_repeat: args.own_repeat,
        own_primary_repeat: args.own_primary_repeat,
        min_df: args.min_df,
        max_features: args.max_features,
        alpha: args.alpha,
        primary_alpha: args.primary_alpha,
        max_iterations: args.iterations,
        primary_mix: args.primary_mix,
        validation_fold: args.validation_fold,
        primary_bias: [0, 1, 2, 3].map(|k| args.primary_bias.get(k).copied().unwrap_or(0.0)),
        ..Options::default()
    };
    let bar = indicatif::ProgressBar::new_spinner();
    bar.enable_steady_tick(std::time::Duration::from_millis(120));
    let start = Instant::now();
    let result = train(&opts, &mut |m| bar.set_message(m.to_owned()));
    bar.finish_and_clear();
    let (mut weights, summary) = match result {
        Ok(r) => r,
        Err(e) => {
            eprintln!("motivo train: {e}");
            return ExitCode::FAILURE;
        }
    };
    prune(&mut weights, 1e-3);
    let bytes = weights.to_bytes();
    if let Some(dir) = args.out.parent()
        && !dir.as_os_str().is_empty()
        && let Err(e) = std::fs::create_dir_all(dir)
    {
        eprintln!("motivo train: cannot create {}: {e}", dir.display());
        return ExitCode::FAILURE;
    }
    if let Err(e) = std::fs::write(&args.out, &bytes) {
        eprintln!("motivo train: cannot write {}: {e}", args.out.display());
        return ExitCode::FAILURE;
    }
    println!(
        "trained on {} AnnoMI therapist utterances (held-out transcripts excluded) and {} own examples",
        summary.annomi_rows, summary.own_rows
    );
    println!("primary model: {} rows; code model: {} rows", summary.primary_rows, summary.code_rows);
    let counts: Vec<String> = summary.code_counts.iter().map(|(c, n)| format!("{c} {n}")).collect();
    println!("code rows by code: {}", counts.join(", "));
    println!(
        "{} features kept; wrote {} ({} bytes) in {:.1} s",
        weights.features.len(),
        args.out.display(),
        bytes.len(),
        start.elapsed().as_secs_f64()
    );
    ExitCode::SUCCESS
}
