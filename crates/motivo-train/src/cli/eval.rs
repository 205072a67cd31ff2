//! `motivo eval`: measures the coder on a coded CSV file (per-code precision, recall, F1, macro-F1, confusion
//! matrix) or on the held-out AnnoMI transcripts (4-way accuracy, macro-F1, Cohen's κ, confusion matrix).

use std::path::PathBuf;
use std::process::ExitCode;

use crate::data;
use crate::eval::{Timing, code_timed, confusion_table, prf_table, primary_index, score_codes, score_primary};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// CSV with columns id,lang,context,reply,codes (codes `;`-separated).
    #[arg(required_unless_present_any = ["annomi", "ethics"], conflicts_with_all = ["annomi", "ethics"])]
    file: Option<PathBuf>,
    /// Measure the ethics detector on a labelled set with columns id,lang,context,reply,kind (kind empty for an
    /// ethical counterpart; `A|B` when either kind is right): harmful replies with any finding, with the right
    /// kind, and counterparts with a finding (false alarms).
    #[arg(long, value_name = "FILE.csv", conflicts_with = "annomi")]
    ethics: Option<PathBuf>,
    /// With `--ethics`: which detector to measure: `both` (what the coder does: the rules, and the learned model
    /// when no rule fired), `rules` or `model`.
    #[arg(long, value_name = "SOURCE", default_value = "both", requires = "ethics", value_parser = ["both", "rules", "model"])]
    source: String,
    /// Evaluate on the held-out AnnoMI transcripts (transcript_id divisible by 5); PATH is the AnnoMI folder or
    /// `AnnoMI-full.csv`.
    #[arg(long, value_name = "PATH")]
    annomi: Option<PathBuf>,
    /// Print the results as JSON.
    #[arg(long)]
    json: bool,
    /// Also list the rows the coder got wrong.
    #[arg(long)]
    errors: bool,
    /// Use these weights instead of the bundled ones.
    #[arg(long)]
    weights: Option<PathBuf>,
    /// Override the weight of the code model in the 4-way label (tuning aid).
    #[arg(long, hide = true)]
    primary_mix: Option<f32>,
    /// Override the 4-way label's log-prior offsets: question,reflection,input,other (tuning aid).
    #[arg(long, hide = true, value_delimiter = ',', allow_negative_numbers = true)]
    primary_bias: Option<Vec<f32>>,
    /// Tuning aid: evaluate on the training transcripts with transcript_id % 5 == K (1–4) instead of the
    /// held-out ones (for weights trained with `--validation-fold K`).
    #[arg(long, value_name = "K", requires = "annomi", value_parser = clap::value_parser!(u32).range(1..5))]
    fold: Option<u32>,
}

fn bar(n: usize) -> indicatif::ProgressBar {
    let b = indicatif::ProgressBar::new(n as u64);
    if let Ok(s) = indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} replies ({per_sec})") {
        b.set_style(s);
    }
    b
}

pub fn run(args: Args) -> ExitCode {
    if args.primary_bias.as_ref().is_some_and(|b| b.len() != 4) {
        eprintln!("motivo eval: --primary-bias needs four numbers (question,reflection,input,other)");
        return ExitCode::from(2);
    }
    let coder = match super::load_coder(args.weights.as_deref()) {
        Ok(mut c) => {
            if let Some(m) = args.primary_mix {
                c.primary_mix = m;
            }
            if let Some(b) = &args.primary_bias {
                for (k, v) in b.iter().take(4).enumerate() {
                    c.primary_bias[k] = *v;
                }
            }
            c
        }
        Err(e) => {
            eprintln!("motivo eval: {e}");
            return ExitCode::FAILURE;
        }
    };
    if let Some(path) = &args.ethics {
        return ethics(path, &args, &coder);
    }
    if let Some(path) = &args.annomi {
        let utts = match data::read_annomi(path) {
            Ok(u) => u,
            Err(e) => {
                eprintln!("motivo eval: {e}");
                return ExitCode::FAILURE;
            }
        };
        let ex = match args.fold {
            Some(k) => data::annomi_select(&utts, |t| t % 5 == k),
            None => data::annomi_examples(&utts, true),
        };
        if ex.is_empty() {
            eprintln!("motivo eval: no held-out therapist utterances found in {}", path.display());
            return ExitCode::FAILURE;
        }
        let b = bar(ex.len());
        let mut gold = Vec::with_capacity(ex.len());
        let mut pred = Vec::with_capacity(ex.len());
        let mut micros = Vec::with_capacity(ex.len());
        for e in &ex {
            let (c, us) = code_timed(&coder, e);
            micros.push(us);
            let g = motivo_engine::coder::PRIMARY_CLASSES.iter().position(|x| Some(*x) == e.primary).unwrap_or(3);
            gold.push(g);
            pred.push(primary_index(c.primary));
            if args.errors && g != primary_index(c.primary) {
                b.suspend(|| say!("{}\tgold={}\tpred={:?}\t{}", e.id, e.primary.unwrap_or("?"), c.primary, e.reply));
            }
            b.inc(1);
        }
        b.finish_and_clear();
        let r = score_primary(&gold, &pred);
        if args.json {
            say!("{}", serde_json::to_string_pretty(&r).unwrap_or_default());
        } else {
            match args.fold {
                Some(k) => {
                    say!("AnnoMI validation fold (transcript_id % 5 == {k}): {} therapist utterances", r.rows)
                }
                None => {
                    say!("AnnoMI held-out transcripts (transcript_id % 5 == 0): {} therapist utterances", r.rows)
                }
            }
            say!("4-way accuracy {:.3}   macro-F1 {:.3}   Cohen's kappa {:.3}", r.accuracy, r.macro_f1, r.kappa);
            say_timing(Timing::of(micros));
            say_raw!("{}", prf_table(&r.per_class));
            say!("\nconfusion (rows gold, columns predicted):");
            say_raw!("{}", confusion_table(&r.labels, &r.confusion, "gold\\pred"));
        }
        return ExitCode::SUCCESS;
    }
    let Some(file) = &args.file else {
        eprintln!("motivo eval: give a CSV file or --annomi PATH");
        return ExitCode::from(2);
    };
    let ex = match data::read_replies(file, true) {
        Ok(e) => e,
        Err(e) => {
            eprintln!("motivo eval: {e}");
            return ExitCode::FAILURE;
        }
    };
    if ex.is_empty() {
        eprintln!("motivo eval: {} has no rows", file.display());
        return ExitCode::FAILURE;
    }
    let b = bar(ex.len());
    let mut gold = Vec::with_capacity(ex.len());
    let mut pred = Vec::with_capacity(ex.len());
    let mut micros = Vec::with_capacity(ex.len());
    for e in &ex {
        let (c, us) = code_timed(&coder, e);
        micros.push(us);
        let mut g = e.codes.clone();
        g.sort();
        if args.errors && g != c.codes {
            let gs: Vec<&str> = g.iter().map(|c| c.as_str()).collect();
            let ps: Vec<&str> = c.codes.iter().map(|c| c.as_str()).collect();
            b.suspend(|| say!("{}\tgold={}\tpred={}\t{}\t|| {}", e.id, gs.join(";"), ps.join(";"), e.reply, e.context));
        }
        gold.push(e.codes.clone());
        pred.push(c.codes);
        b.inc(1);
    }
    b.finish_and_clear();
    let r = score_codes(&gold, &pred);
    if args.json {
        say!("{}", serde_json::to_string_pretty(&r).unwrap_or_default());
    } else {
        say!("{}: {} replies, {} coded exactly right", file.display(), r.rows, r.exact);
        say!("per-code macro-F1 (codes present in the gold): {:.3}", r.macro_f1);
        if r.inconsistent > 0 {
            say!(
                "MI-inconsistent replies (gold PER/CON only) coded MI-consistent: {} of {} ({:.1} %)",
                r.inconsistent_praised,
                r.inconsistent,
                100.0 * r.inconsistent_praised as f64 / r.inconsistent as f64
            );
        }
        say_timing(Timing::of(micros));
        say_raw!("{}", prf_table(&r.per_code));
        say!("\nconfusion (rows gold code, columns predicted code; a miss with no other code counts under NONE):");
        say_raw!("{}", confusion_table(&r.labels, &r.confusion, "gold\\pred"));
    }
    ExitCode::SUCCESS
}

/// One line on the time per reply, then a blank line.
fn say_timing(t: Timing) {
    say!(
        "time per reply (each coded once, in file order): median {:.1} µs, 90th percentile {:.1} µs over {} replies\n",
        t.median_us,
        t.p90_us,
        t.replies
    );
}

fn ethics(path: &std::path::Path, args: &Args, coder: &motivo_engine::coder::Coder) -> ExitCode {
    use motivo_engine::coder::EthicsSource;
    let source = match args.source.as_str() {
        "rules" => EthicsSource::Rules,
        "model" => EthicsSource::Model,
        _ => EthicsSource::Both,
    };
    let rows = match data::read_ethics(path) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("motivo eval: {e}");
            return ExitCode::FAILURE;
        }
    };
    if rows.is_empty() {
        eprintln!("motivo eval: {} has no rows", path.display());
        return ExitCode::FAILURE;
    }
    let (r, found) = crate::eval::score_ethics(&rows, |r| coder.ethics(r.lang, &r.reply, &r.context, source));
    if args.errors {
        for (row, hits) in rows.iter().zip(&found) {
            let right =
                if row.kinds.is_empty() { hits.is_empty() } else { hits.iter().any(|h| row.kinds.contains(&h.kind)) };
            if !right {
                let gold: Vec<&str> = row.kinds.iter().map(|k| k.name()).collect();
                let got: Vec<String> = hits.iter().map(|h| format!("{}(\"{}\")", h.kind.name(), h.evidence)).collect();
                say!(
                    "{}\tgold={}\tgot={}\t{}\t|| {}",
                    row.id,
                    if gold.is_empty() { "none".to_owned() } else { gold.join("|") },
                    if got.is_empty() { "none".to_owned() } else { got.join(", ") },
                    row.reply,
                    row.context
                );
            }
        }
    }
    if args.json {
        say!("{}", serde_json::to_string_pretty(&r).unwrap_or_default());
        return ExitCode::SUCCESS;
    }
    say!("{}: {} harmful replies, {} ethical counterparts", path.display(), r.harmful, r.counterparts);
    say!("harmful with any finding:       {:5.1} %", r.harmful_any * 100.0);
    say!("harmful with the right kind:    {:5.1} %", r.harmful_right * 100.0);
    say!("counterparts with any finding:  {:5.1} %\n", r.counterpart_any * 100.0);
    say!("{:<26} {:>5} {:>5} {:>6} {:>9}", "kind", "rows", "any", "right", "predicted");
    for k in &r.per_kind {
        say!("{:<26} {:>5} {:>5} {:>6} {:>9}", k.kind, k.rows, k.any, k.right, k.predicted);
    }
    ExitCode::SUCCESS
}
