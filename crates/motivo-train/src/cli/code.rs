//! `motivo code`: codes a typed reply (or a CSV of replies) with MI behaviour codes and the evidence for each.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use motivo_engine::ReplyCoder;
use motivo_engine::coder::Coder;
use motivo_engine::coding::{CodeRequest, CodedReply, check_reply_text};
use motivo_engine::model::Lang;

use crate::data;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The reply to code.
    #[arg(required_unless_present = "batch", conflicts_with = "batch")]
    text: Option<String>,
    /// Language of the reply: any code or name (fi, en, sv, svenska…). A language the coder has no rules for is
    /// coded with its language-neutral (English) rules.
    #[arg(long, default_value = "fi", value_parser = parse_lang)]
    lang: Lang,
    /// The client's line the reply answers (at most 4,000 characters). Give it: the same words can be a different
    /// code after a different line ("Mitä sä ajattelet?" is an open question after a client's worry, but seeking
    /// collaboration after "Mä en tiiä mistä aloittaa"), permission for advice (PWP) is read from it, reflections
    /// are compared with it, and it decides the IgnoresSafetySignal ethics finding.
    #[arg(long, default_value = "")]
    context: String,
    /// Code every row of a CSV file with columns id,lang,context,reply (extra columns ignored), row by row; prints
    /// one JSON object per row (a bad row gives {"id","line","error"} and the run goes on).
    #[arg(long, value_name = "FILE.csv")]
    batch: Option<PathBuf>,
    /// Print JSON (always so with --batch).
    #[arg(long)]
    json: bool,
    /// Use these weights instead of the bundled ones.
    #[arg(long)]
    weights: Option<PathBuf>,
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::parse(s).ok_or_else(|| format!("unknown language `{s}`; use a language code such as fi, en or sv, or a name"))
}

/// Human-readable account of a coded reply.
pub fn describe(coded: &CodedReply, lang: Lang) -> String {
    let mut s = String::new();
    let codes: Vec<String> = coded.codes.iter().map(|c| format!("{c} ({})", c.name(lang))).collect();
    s += &format!("codes:      {}\n", codes.join(", "));
    s += &format!("primary:    {:?}\n", coded.primary).to_lowercase();
    s += &format!("confidence: {:.2}{}\n", coded.confidence, if coded.unsure { "  (unsure)" } else { "" });
    for n in &coded.notes {
        s += &format!("note:       {}\n", n.message(lang));
    }
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
            match h.probability {
                None => s += &format!("  {:<26} \"{}\"\n", h.kind.name(), h.evidence),
                Some(p) => s += &format!("  {:<26} \"{}\"  (learned model, p {p:.2})\n", h.kind.name(), h.evidence),
            }
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

/// The longest client line (`--context`, or a batch row's `context`) accepted, in characters.
pub const MAX_CONTEXT_CHARS: usize = 4000;

/// The longest stretch of a batch file without a line break, in bytes (a row is read whole before it is checked;
/// this bounds the memory one row can take).
pub const MAX_LINE_BYTES: usize = 64 * 1024;

/// A reader that fails when more than [`MAX_LINE_BYTES`] bytes pass without a line break.
struct LineLimit<R> {
    inner: R,
    run: usize,
}

impl<R: std::io::Read> std::io::Read for LineLimit<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        for b in &buf[..n] {
            if *b == b'\n' {
                self.run = 0;
            } else {
                self.run += 1;
                if self.run > MAX_LINE_BYTES {
                    return Err(std::io::Error::new(
                        std::io::ErrorKind::InvalidData,
                        format!("a line is longer than {MAX_LINE_BYTES} bytes"),
                    ));
                }
            }
        }
        Ok(n)
    }
}

fn context_error(chars: usize) -> String {
    format!("the client's line (context) is too long: {chars} characters, at most {MAX_CONTEXT_CHARS}")
}

/// Codes a CSV file row by row (never all rows in memory): one JSON line per row; a bad row gives
/// `{"id","line","error"}` and the run goes on. Returns the exit code.
fn batch(coder: &Coder, path: &std::path::Path) -> ExitCode {
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("motivo code: {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    };
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    let mut rdr = csv::ReaderBuilder::new().flexible(true).from_reader(LineLimit { inner: file, run: 0 });
    let headers = match rdr.headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            eprintln!("motivo code: {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    };
    let col = |name: &str| headers.iter().position(|h| h.trim().eq_ignore_ascii_case(name));
    let (Some(ci), Some(cl), Some(cr)) = (col("id"), col("lang"), col("reply")) else {
        eprintln!("motivo code: {}: the header must have the columns id, lang, context, reply", path.display());
        return ExitCode::FAILURE;
    };
    let cc = col("context");
    let bar = indicatif::ProgressBar::new(size);
    if let Ok(s) = indicatif::ProgressStyle::with_template("{bar:40} {bytes}/{total_bytes}") {
        bar.set_style(s);
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let (mut bad, mut rows) = (0usize, 0usize);
    let mut rec = csv::StringRecord::new();
    let mut status = ExitCode::SUCCESS;
    loop {
        let value = match rdr.read_record(&mut rec) {
            Ok(false) => break,
            Ok(true) => {
                rows += 1;
                let line_no = rec.position().map_or(0, |p| p.line());
                let get = |i: usize| rec.get(i).unwrap_or("");
                let id = get(ci);
                let failed = |msg: String| serde_json::json!({ "id": id, "line": line_no, "error": msg });
                match (data::parse_lang(get(cl)), cc.map(get).unwrap_or("")) {
                    (None, _) => failed(format!("language '{}' is not fi or en", get(cl))),
                    (Some(_), c) if c.chars().count() > MAX_CONTEXT_CHARS => failed(context_error(c.chars().count())),
                    (Some(lang), context) => match check_reply_text(get(cr)) {
                        Err(e) => failed(e.message(Lang::En)),
                        Ok(text) => {
                            let coded =
                                coder.code(&CodeRequest { lang, text, context, context_talk: None, meanings: &[] });
                            to_json(Some(id), &coded)
                        }
                    },
                }
            }
            Err(e) => {
                rows += 1;
                let line_no = e.position().map_or(rdr.position().line() + 1, |p| p.line());
                let fatal = matches!(e.kind(), csv::ErrorKind::Io(_));
                let v = serde_json::json!({ "line": line_no, "error": e.to_string() });
                if fatal {
                    // The reader cannot find the next row after an I/O error (e.g. an overlong line): stop here.
                    let _ = writeln!(out, "{v}");
                    eprintln!("motivo code: {}:{line_no}: {e}; stopped", path.display());
                    status = ExitCode::FAILURE;
                    bad += 1;
                    break;
                }
                v
            }
        };
        if value.get("error").is_some() {
            bad += 1;
        }
        if writeln!(out, "{value}").is_err() {
            return ExitCode::FAILURE;
        }
        bar.set_position(rdr.position().byte());
    }
    bar.finish_and_clear();
    if out.flush().is_err() {
        return ExitCode::FAILURE;
    }
    if bad > 0 {
        eprintln!("motivo code: {bad} of {rows} row(s) could not be coded (see their \"error\")");
    }
    status
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
        return batch(&coder, path);
    }
    let n = args.context.chars().count();
    if n > MAX_CONTEXT_CHARS {
        eprintln!("motivo code: {}", context_error(n));
        return ExitCode::from(2);
    }
    let lang = args.lang;
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
