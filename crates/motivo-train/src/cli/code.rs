//! `motivo code`: codes a typed reply (or a CSV of replies) with MI behaviour codes and the evidence for each.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use motivo_engine::ReplyCoder;
use motivo_engine::coder::Coder;
use motivo_engine::coding::{CodeRequest, CodedReply, check_reply_text};
use motivo_engine::model::Lang;
use serde::Serialize;

use crate::data;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The reply to code.
    #[arg(required_unless_present = "batch", conflicts_with = "batch")]
    text: Option<String>,
    /// Language of the reply: fi or en.
    #[arg(long, default_value = "fi", value_parser = ["fi", "en"])]
    lang: String,
    /// The client's line the reply answers.
    #[arg(long, default_value = "")]
    context: String,
    /// Code every row of a CSV file with columns id,lang,context,reply (extra columns ignored); prints one JSON
    /// object per row.
    #[arg(long, value_name = "FILE.csv")]
    batch: Option<PathBuf>,
    /// Print JSON (always so with --batch).
    #[arg(long)]
    json: bool,
    /// Use these weights instead of the bundled ones.
    #[arg(long)]
    weights: Option<PathBuf>,
}

#[derive(Serialize)]
struct RowError<'a> {
    id: &'a str,
    error: String,
}

fn lang_of(s: &str) -> Lang {
    if s == "en" { Lang::En } else { Lang::Fi }
}

/// Human-readable account of a coded reply.
pub fn describe(coded: &CodedReply, lang: Lang) -> String {
    let mut s = String::new();
    let codes: Vec<String> = coded.codes.iter().map(|c| format!("{c} ({})", c.name(lang))).collect();
    s += &format!("codes:      {}\n", codes.join(", "));
    s += &format!("primary:    {:?}\n", coded.primary).to_lowercase();
    s += &format!("confidence: {:.2}\n", coded.confidence);
    if let Some(side) = coded.reflected {
        s += &format!("reflected:  {side:?} talk\n");
    }
    if !coded.meanings.is_empty() {
        s += &format!("meanings:   {}\n", coded.meanings.join(", "));
    }
    s += "evidence:\n";
    for e in &coded.evidence {
        s += &format!("  {:<5} {:<40} {:+.2}\n", e.code.as_str(), format!("\"{}\"", e.cue), e.weight);
    }
    if coded.ethics.is_empty() {
        s += "ethics:     -\n";
    } else {
        s += "ethics:\n";
        for h in &coded.ethics {
            s += &format!("  {:<26} \"{}\"\n", h.kind.name(), h.evidence);
        }
    }
    s
}

/// The JSON of a coded reply, with `ethics` always present (an empty list when nothing was found).
pub fn to_json(id: Option<&str>, coded: &CodedReply) -> serde_json::Value {
    let mut v = serde_json::to_value(coded).unwrap_or(serde_json::Value::Null);
    if let serde_json::Value::Object(m) = &mut v {
        m.entry("ethics").or_insert_with(|| serde_json::Value::Array(Vec::new()));
        if let Some(id) = id {
            let mut o = serde_json::Map::new();
            o.insert("id".into(), serde_json::Value::String(id.to_owned()));
            o.extend(std::mem::take(m));
            return serde_json::Value::Object(o);
        }
    }
    v
}

pub fn run(args: Args) -> ExitCode {
    let coder: Coder = match super::load_coder(args.weights.as_deref()) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("motivo code: {e}");
            return ExitCode::FAILURE;
        }
    };
    if let Some(path) = &args.batch {
        let rows = match data::read_replies(path, false) {
            Ok(r) => r,
            Err(e) => {
                eprintln!("motivo code: {e}");
                return ExitCode::FAILURE;
            }
        };
        let bar = indicatif::ProgressBar::new(rows.len() as u64);
        if let Ok(s) = indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} replies") {
            bar.set_style(s);
        }
        let stdout = std::io::stdout();
        let mut out = std::io::BufWriter::new(stdout.lock());
        let mut bad = 0usize;
        for r in &rows {
            let line = match check_reply_text(&r.reply) {
                Err(e) => {
                    bad += 1;
                    serde_json::to_string(&RowError { id: &r.id, error: e.message(Lang::En) })
                }
                Ok(text) => {
                    let coded = coder.code(&CodeRequest {
                        lang: r.lang,
                        text,
                        context: &r.context,
                        context_talk: None,
                        meanings: &[],
                    });
                    serde_json::to_string(&to_json(Some(&r.id), &coded))
                }
            };
            match line {
                Ok(l) => {
                    if writeln!(out, "{l}").is_err() {
                        return ExitCode::FAILURE;
                    }
                }
                Err(e) => eprintln!("motivo code: row {}: {e}", r.id),
            }
            bar.inc(1);
        }
        bar.finish_and_clear();
        if out.flush().is_err() {
            return ExitCode::FAILURE;
        }
        if bad > 0 {
            eprintln!("motivo code: {bad} row(s) had an empty, too long or non-text reply (see their \"error\")");
        }
        return ExitCode::SUCCESS;
    }
    let lang = lang_of(&args.lang);
    let Some(raw) = args.text.as_deref() else {
        eprintln!("motivo code: give a reply to code, or --batch FILE.csv");
        return ExitCode::from(2);
    };
    let text = match check_reply_text(raw) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("motivo code: {}", e.message(lang));
            return ExitCode::FAILURE;
        }
    };
    let coded = coder.code(&CodeRequest { lang, text, context: &args.context, context_talk: None, meanings: &[] });
    if args.json {
        match serde_json::to_string_pretty(&to_json(None, &coded)) {
            Ok(s) => say!("{s}"),
            Err(e) => {
                eprintln!("motivo code: {e}");
                return ExitCode::FAILURE;
            }
        }
    } else {
        say_raw!("{}", describe(&coded, lang));
    }
    ExitCode::SUCCESS
}
