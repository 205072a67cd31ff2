//! `motivo train`: trains the coder's weights from AnnoMI (training transcripts only) and Motivo's own labelled
//! examples, and the learned ethics model from the ethics development sets, and writes `assets/coder/coder.bin`.
//! Deterministic: the same data give the same file.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use crate::data;
use crate::ethics_train::{EthicsOptions, train_ethics};
use crate::train::{Options, prune, read_own, train};
use motivo_engine::coder::Weights;

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
    /// Folder of the ethics sets: the learned ethics model trains on its `*-dev.csv` files (never `*-heldout`).
    #[arg(long, default_value = "crates/motivo-train/ethics")]
    ethics: PathBuf,
    /// Retrain only the learned ethics model and put it into the weights file `--out` already holds.
    #[arg(long)]
    ethics_only: bool,
    /// The ethics model's hash buckets are 2^BITS.
    #[arg(long, default_value_t = 14, value_parser = clap::value_parser!(u8).range(8..=20))]
    ethics_bits: u8,
    /// Inverse L2 penalty of the ethics model (as scikit-learn's C).
    #[arg(long, default_value_t = 4.0)]
    ethics_c: f64,
    /// A learned ethics finding needs a probability of a problem at or above this.
    #[arg(long, default_value_t = 0.6)]
    ethics_threshold: f32,
    /// L-BFGS iterations of the ethics model (at most; it stops when the loss no longer falls).
    #[arg(long, default_value_t = 500)]
    ethics_iterations: usize,
    /// Leave out ethics rows whose id starts with this (repeatable; cross-validation by probe).
    #[arg(long, value_name = "ID_PREFIX")]
    ethics_exclude: Vec<String>,
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
    let eopts = EthicsOptions {
        ethics: args.ethics.clone(),
        bits: args.ethics_bits,
        c: args.ethics_c,
        threshold: args.ethics_threshold,
        iterations: args.ethics_iterations,
        exclude: args.ethics_exclude.clone(),
        ..EthicsOptions::default()
    };
    let bar = indicatif::ProgressBar::new_spinner();
    bar.enable_steady_tick(std::time::Duration::from_millis(120));
    let start = Instant::now();
    let result = if args.ethics_only {
        std::fs::read(&args.out)
            .map_err(|e| format!("{}: {e}", args.out.display()))
            .and_then(|b| Weights::from_bytes(&b).map_err(|e| format!("{}: {e}", args.out.display())))
            .map(|w| (w, None))
    } else {
        train(&opts, &mut |m| bar.set_message(m.to_owned())).map(|(mut w, s)| {
            prune(&mut w, 1e-3);
            (w, Some(s))
        })
    };
    let result = result.and_then(|(mut w, s)| {
        bar.set_message("training the ethics model");
        let own = read_own(&opts.own).map_err(|e| e.to_string())?;
        let utts = data::read_annomi(&opts.data.join("annomi")).map_err(|e| e.to_string())?;
        let annomi = data::annomi_select(&utts, |t| !data::is_held_out(t));
        let (table, n) = train_ethics(&eopts, &own, &annomi)?;
        w.ethics = Some(table);
        Ok((w, s, n, own.len(), annomi.len()))
    });
    bar.finish_and_clear();
    let (weights, summary, ethics_rows, own_rows, annomi_rows) = match result {
        Ok(r) => r,
        Err(e) => {
            eprintln!("motivo train: {e}");
            return ExitCode::FAILURE;
        }
    };
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
    if let Some(summary) = summary {
        println!(
            "trained on {} AnnoMI therapist utterances (held-out transcripts excluded) and {} own examples",
            summary.annomi_rows, summary.own_rows
        );
        println!("primary model: {} rows; code model: {} rows", summary.primary_rows, summary.code_rows);
        let counts: Vec<String> = summary.code_counts.iter().map(|(c, n)| format!("{c} {n}")).collect();
        println!("code rows by code: {}", counts.join(", "));
    }
    println!(
        "ethics model: {ethics_rows} rows of the ethics development sets, {own_rows} own replies and {annomi_rows} \
         AnnoMI turns as replies without a problem; 2^{} buckets, threshold {}",
        eopts.bits, eopts.threshold
    );
    println!(
        "{} features kept; wrote {} ({} bytes) in {:.1} s",
        weights.features.len(),
        args.out.display(),
        bytes.len(),
        start.elapsed().as_secs_f64()
    );
    ExitCode::SUCCESS
}
