//! `motivo play`: play a scenario in the terminal, interactively or from a script, and print the MI report.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::SystemTime;

use motivo_engine::model::InputMode;
use motivo_engine::scoring::{Level, thresholds};
use motivo_engine::{Lang, ReplyCoder, Report, Scenario, Session, ValidateOptions, bundled, msg};

use crate::cli::app::parse_lang;
use crate::cli::wrap::{safe, width, wrap};
use motivo_engine::script::{LineError, ScriptLine, parse_line};

fn line_message(e: LineError, lang: Lang) -> String {
    match e {
        LineError::Zero => words(lang).numbered_from_one.to_owned(),
        LineError::Runtime(e) => e.message(lang),
    }
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Mode {
    /// Feedback after every reply.
    #[default]
    Coach,
    /// Feedback only in the report at the end.
    Exam,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Answer {
    /// Pick one of the options.
    #[default]
    Pick,
    /// Write your reply, then pick the closest option (your words are scored).
    WriteThenPick,
    /// Write your reply (it is coded and the client answers it).
    Write,
}

impl Answer {
    pub fn mode(self) -> InputMode {
        match self {
            Answer::Pick => InputMode::Choice,
            Answer::WriteThenPick => InputMode::WriteThenPick,
            Answer::Write => InputMode::FreeText,
        }
    }
}

#[derive(clap::Args, Debug)]
pub struct Args {
    /// A bundled scenario id (see `motivo list`) or a scenario file.
    #[arg(value_name = "ID-OR-FILE")]
    pub scenario: String,
    /// Language of the conversation and the report: any code or name (fi, en, sv, svenska…). A scenario not
    /// written in it is shown in Finnish (else its first language), with a one-line notice.
    #[arg(long, value_parser = parse_lang, default_value = "fi")]
    pub lang: Lang,
    /// Seed for the client's line variants (default: from the clock; the report shows it).
    #[arg(long)]
    pub seed: Option<u64>,
    /// Learner replies, one per line: `@id` picks the option with that authored id, a number picks that option
    /// as displayed (1-based; options are shown in a shuffled order), `TEXT >> @id` (or `>> N`) writes a reply
    /// and then picks the closest option, `#` starts a comment, anything else is a typed reply. Lines after the
    /// ending are ignored.
    #[arg(long, value_name = "FILE")]
    pub script: Option<PathBuf>,
    /// How you answer: pick an option, write then pick the closest option, or write freely. A turn the trainer
    /// made typed-only stays typed.
    #[arg(long, value_enum, default_value_t = Answer::Pick)]
    pub answer: Answer,
    /// Print only the report, as JSON (see docs/report-json.md).
    #[arg(long)]
    pub json: bool,
    /// Feedback after every reply (coach) or only at the end (exam).
    #[arg(long, value_enum, default_value_t = Mode::Coach)]
    pub mode: Mode,
    /// Do not record this play in the course progress.
    #[arg(long)]
    pub no_record: bool,
}

/// The terminal's words, per language.
struct Words {
    you: String,
    options: String,
    prompt_choice: String,
    prompt_text: String,
    prompt_pick: String,
    prompt_pick_only: String,
    prompt_write_then_pick: String,
    help: String,
    feedback: String,
    better: String,
    even_better: String,
    numbered_from_one: String,
    fair: String,
    good: String,
    codes: String,
    ending: String,
    not_finished: String,
    goal: String,
    report: String,
    ethics: String,
    no_coder: String,
    state: String,
    passed: String,
    not_passed: String,
    picked_is_practice: String,
}

/// How a conversation ended, in plain words.
fn outcome_words(o: motivo_engine::model::Outcome, lang: Lang) -> String {
    use motivo_engine::model::Outcome;
    let m = match o {
        Outcome::NextStep => msg!("outcome-next-step"),
        Outcome::Referral => msg!("outcome-referral"),
        Outcome::Postpones => msg!("outcome-postpones"),
        Outcome::Disengages => msg!("outcome-disengages"),
    };
    m.text(lang)
}

fn words(lang: Lang) -> Words {
    Words {
        you: msg!("cli-play-you").text(lang),
        options: msg!("cli-play-options").text(lang),
        prompt_choice: msg!("cli-play-prompt-choice").text(lang),
        prompt_text: msg!("cli-play-prompt-text").text(lang),
        prompt_pick: msg!("cli-play-prompt-pick").text(lang),
        prompt_pick_only: msg!("cli-play-prompt-pick-only").text(lang),
        prompt_write_then_pick: msg!("cli-play-prompt-write-then-pick").text(lang),
        help: msg!("cli-play-help").text(lang),
        feedback: msg!("cli-play-feedback").text(lang),
        better: msg!("cli-play-better").text(lang),
        even_better: msg!("cli-play-even-better").text(lang),
        numbered_from_one: msg!("cli-play-numbered-from-one").text(lang),
        fair: msg!("cli-play-fair").text(lang),
        good: msg!("cli-play-good").text(lang),
        codes: msg!("cli-play-codes").text(lang),
        ending: msg!("cli-play-ending").text(lang),
        not_finished: msg!("cli-play-not-finished").text(lang),
        goal: msg!("cli-play-goal").text(lang),
        report: msg!("cli-play-report").text(lang),
        ethics: msg!("cli-play-ethics").text(lang),
        no_coder: msg!("cli-play-no-coder").text(lang),
        passed: msg!("cli-play-passed").text(lang),
        not_passed: msg!("cli-play-not-passed").text(lang),
        picked_is_practice: msg!("cli-play-picked-is-practice").text(lang),
        state: msg!("cli-play-state").text(lang),
    }
}

/// The bundled coder for typed replies. Its weights are compiled in, so failing to load them is a build
/// defect; it is reported and typed replies are then refused with a clear message.
fn coder() -> Option<Box<dyn ReplyCoder>> {
    match motivo_engine::coder::Coder::bundled() {
        Ok(c) => Some(Box::new(c)),
        Err(e) => {
            eprintln!("motivo play: the reply coder could not be loaded ({e:?}); typed replies are not available");
            None
        }
    }
}

/// Prints (to stderr, one line) that `scenario` is not written in `lang` and which language it is shown in
/// instead; nothing when it is written in `lang`. Worded in `lang` where the program has the words.
pub fn notice_fallback(command: &str, scenario: &Scenario, lang: Lang) {
    let (langs, shown) = (scenario.languages(), scenario.play_lang(lang));
    if let Some(note) = crate::cli::locale::fallback_notice(&scenario.id, &langs, lang, shown, lang) {
        eprintln!("{command}: {}", crate::cli::safe::line(&note));
    }
}

/// Finds a scenario by bundled id or file path. Errors are already rendered for the user, in `lang`.
pub fn resolve(id_or_file: &str, lang: Lang) -> Result<Scenario, String> {
    let path = Path::new(id_or_file);
    if path.is_file() {
        // At most the size limit is read; a larger file is refused with its real size.
        let bytes = match crate::cli::check::read_limited(path) {
            Ok(crate::cli::check::Read::Bytes(b)) => b,
            Ok(crate::cli::check::Read::TooLarge(len)) => {
                let d = motivo_engine::load::too_large(len);
                return Err(format!("{}:1:1: {}", path.display(), d.message_in(lang)));
            }
            Err(e) => {
                let path = path.display().to_string();
                return Err(msg!("cli-cannot-read-file", path, err = e.to_string()).text(lang));
            }
        };
        let loaded = motivo_engine::load_scenario(&bytes, &ValidateOptions::default());
        if loaded.has_errors() {
            let first = loaded.diagnostics.iter().find(|d| d.is_error()).expect("has errors");
            let (line, column) = (first.location.line, first.location.column);
            let message = first.message_in(lang);
            let path = path.display().to_string();
            return Err(format!("{path}:{line}:{column}: {}", msg!("cli-play-first-error", message, path).text(lang)));
        }
        return loaded.value.ok_or_else(|| format!("{}: could not be loaded", path.display()));
    }
    for s in bundled::scenarios() {
        match s {
            Ok(s) if s.id == id_or_file => return Ok(s),
            Ok(_) => {}
            Err(e) => eprintln!("warning: a bundled scenario does not load: {e}"),
        }
    }
    Err(msg!("cli-play-no-scenario", id = id_or_file).text(lang))
}

/// One learner turn in a script or typed at the prompt.
#[derive(Debug, PartialEq)]
enum Input {
    /// A reply, written as in a script (`@id`, `N`, `TEXT >> @id`, or typed text).
    Reply(ScriptLine),
    Rewind(usize),
    Quit,
    Help,
}

/// A play stops after this many replies (each reply keeps a snapshot for rewinding, so an endless chain of turns
/// would otherwise grow without bound). No bundled scenario comes near it.
pub const MAX_PLAY_REPLIES: usize = 1000;

/// Whether the play has reached [`MAX_PLAY_REPLIES`] (and says so, once).
fn at_reply_limit(session: &Session) -> bool {
    let at = session.history().len() >= MAX_PLAY_REPLIES;
    if at {
        eprintln!("motivo play: the play stops at the limit of {MAX_PLAY_REPLIES} replies");
    }
    at
}

/// Scripts may be at most this many bytes, and each line at most [`MAX_SCRIPT_LINE`] bytes.
pub const MAX_SCRIPT_BYTES: u64 = 1024 * 1024;
pub const MAX_SCRIPT_LINE: usize = 10_000;

/// Reads a script: UTF-8 text of at most [`MAX_SCRIPT_BYTES`] with lines of at most [`MAX_SCRIPT_LINE`] bytes
/// (`--script /dev/zero` stops at the limit instead of filling the memory). The error names the file.
fn read_script(path: &std::path::Path) -> Result<String, String> {
    use std::io::Read;
    let shown = crate::cli::safe::line(&path.display().to_string()).into_owned();
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_SCRIPT_BYTES + 1).read_to_end(&mut bytes))
        .map_err(|e| format!("cannot read {shown}: {e}"))?;
    if bytes.len() as u64 > MAX_SCRIPT_BYTES {
        return Err(format!("{shown} is over the script limit of {} MB", MAX_SCRIPT_BYTES / (1024 * 1024)));
    }
    let text = String::from_utf8(bytes).map_err(|_| format!("{shown} is not UTF-8 text"))?;
    if let Some((no, _)) = text.lines().enumerate().find(|(_, l)| l.len() > MAX_SCRIPT_LINE) {
        return Err(format!("{shown}:{}: the line is over {MAX_SCRIPT_LINE} bytes", no + 1));
    }
    Ok(text)
}

fn parse_input(line: &str, interactive: bool) -> Option<Input> {
    let t = line.trim();
    if t.is_empty() || t.starts_with('#') {
        return None;
    }
    if interactive {
        let lower = t.to_lowercase();
        let mut parts = lower.split_whitespace();
        match parts.next() {
            Some(":quit" | ":q" | ":lopeta" | ":avsluta") => return Some(Input::Quit),
            Some(":help" | ":h" | ":apua" | "?") => return Some(Input::Help),
            Some(":back" | ":rewind" | ":takaisin" | ":tillbaka") => {
                return Some(parts.next().and_then(|n| n.parse().ok()).map_or(Input::Help, Input::Rewind));
            }
            _ => {}
        }
    }
    parse_line(t).map(Input::Reply)
}

fn client_name(session: &Session) -> String {
    session.scenario().persona.name.split_whitespace().next().unwrap_or("").to_owned()
}

fn print_turn(session: &Session, out: &mut impl Write) -> std::io::Result<()> {
    let lang = session.lang();
    let w = words(lang);
    let view = session.view();
    let cols = width();
    let name = format!("{}: ", safe(&client_name(session)));
    let indent = " ".repeat(name.chars().count());
    writeln!(out, "\n{}", wrap(view.line.text.get(lang), cols, &name, &indent))?;
    if view.ending.is_none() && !view.options.is_empty() && view.input != InputMode::FreeText {
        writeln!(out, "  {}:", w.options)?;
        for (i, o) in view.options.iter().enumerate() {
            let n = format!("  {}. ", i + 1);
            writeln!(out, "{}", wrap(o.text.get(lang), cols, &n, &" ".repeat(n.len())))?;
        }
    }
    Ok(())
}

/// The prompt: it offers only what the turn accepts now.
fn prompt(session: &Session, pending: bool) -> String {
    let w = words(session.lang());
    let view = session.view();
    if pending {
        w.prompt_pick
    } else if view.can_pick && view.can_type {
        w.prompt_choice
    } else if view.can_pick {
        w.prompt_pick_only
    } else if view.input == InputMode::WriteThenPick {
        w.prompt_write_then_pick
    } else {
        w.prompt_text
    }
}

fn print_feedback(session: &Session, out: &mut impl Write) -> std::io::Result<()> {
    let report = Report::of(session);
    let Some(t) = report.turns.last() else { return Ok(()) };
    let w = words(session.lang());
    let lang = session.lang();
    let cols = width();
    let codes: Vec<String> = t.codes.iter().map(|c| format!("{} ({})", c.name(lang), c)).collect();
    writeln!(out, "{}", wrap(&format!("[{}: {}]", w.codes, codes.join(", ")), cols, "  ", "   "))?;
    writeln!(out, "{}", wrap(&t.feedback, cols, &format!("  {}: ", w.feedback), "    "))?;
    if let Some(b) = &t.better {
        let head = format!("  {} {}: ", if t.mi_consistent { w.even_better } else { w.better }, b.option);
        writeln!(out, "{}", wrap(&b.text, cols, &head, "    "))?;
    }
    if let Some(e) = report.ethics.iter().find(|e| e.turn == t.turn) {
        writeln!(out, "{}", wrap(&e.explain, cols, &format!("  {}: ", w.ethics), "    "))?;
    }
    Ok(())
}

fn fmt_opt(x: Option<f32>, pct: bool) -> String {
    match x {
        Some(v) if v.is_finite() => {
            if pct {
                format!("{v:.0} %")
            } else {
                format!("{v:.2}")
            }
        }
        _ => "–".into(),
    }
}

fn level_mark(level: Level, lang: Lang) -> String {
    format!("[{}]", level.name(lang))
}

/// The human-readable transcript and report.
pub fn print_report(report: &Report, session: &Session, out: &mut impl Write) -> std::io::Result<()> {
    let lang = report.lang;
    let w = words(lang);
    let name = safe(&client_name(session));
    let cols = width();
    writeln!(out, "\n=== {} — {} ===", safe(&report.title), w.report)?;
    // Pass or not, first, in plain words.
    if report.passed {
        writeln!(out, "\n{}", wrap(&w.passed, cols, "✓ ", "  "))?;
        if !report.own_words {
            writeln!(out, "{}", wrap(&w.picked_is_practice, cols, "  ", "  "))?;
        }
    } else {
        writeln!(out, "\n✗ {}", w.not_passed)?;
        for r in &report.why_not {
            writeln!(out, "{}", wrap(&r.text(lang), cols, "  – ", "    "))?;
        }
    }
    for t in &report.turns {
        let head = format!("{}. {name}: ", t.turn);
        writeln!(out, "\n{}", wrap(&t.client, cols, &head, &" ".repeat(head.chars().count())))?;
        let mark = if t.mi_consistent { "" } else { " ✗" };
        let codes: Vec<String> = t.codes.iter().map(|c| c.to_string()).collect();
        let you = format!("   {}: ", w.you);
        writeln!(out, "{}", wrap(&format!("{}  [{}]{mark}", t.reply, codes.join(" ")), cols, &you, "     "))?;
        writeln!(out, "{}", wrap(&t.feedback, cols, &format!("   {}: ", w.feedback), "     "))?;
        if let Some(b) = &t.better {
            let label = if t.mi_consistent { &w.even_better } else { &w.better };
            writeln!(out, "{}", wrap(&b.text, cols, &format!("   {label} {}: ", b.option), "     "))?;
        }
    }
    let final_line = session.view().line.text.get(lang);
    match &report.ending {
        Some(e) => {
            writeln!(out, "\n{}", wrap(final_line, cols, &format!("{name}: "), "   "))?;
            writeln!(out, "\n{}: {}", w.ending, outcome_words(e.outcome, lang))?;
            if !e.debrief.is_empty() {
                writeln!(out, "{}", wrap(&e.debrief, cols, "", ""))?;
            }
        }
        None => writeln!(out, "\n{}", w.not_finished)?,
    }
    let m = &report.miti;
    writeln!(out, "\nMITI 4.2.1")?;
    let counts: Vec<String> = m.counts.iter().filter(|(_, n)| **n > 0).map(|(c, n)| format!("{c} {n}")).collect();
    writeln!(out, "  {}: {}", msg!("cli-play-codes").text(lang), counts.join(", "))?;
    writeln!(
        out,
        "  R:Q {}  {} ({} {:.0}:1, {} {:.0}:1)",
        fmt_opt(m.r_q, false),
        level_mark(m.levels.r_q, lang),
        w.fair,
        thresholds::R_Q_FAIR,
        w.good,
        thresholds::R_Q_GOOD
    )?;
    writeln!(
        out,
        "  %CR {}  {} ({} {:.0} %, {} {:.0} %)",
        fmt_opt(m.pct_cr, true),
        level_mark(m.levels.pct_cr, lang),
        w.fair,
        thresholds::PCT_CR_FAIR,
        w.good,
        thresholds::PCT_CR_GOOD
    )?;
    writeln!(
        out,
        "  {} {}, {} {}",
        msg!("cli-report-mi-adherent").text(lang),
        m.mia,
        msg!("cli-report-mi-non-adherent").text(lang),
        m.mina
    )?;
    let g = &m.globals;
    writeln!(out, "  {}:", msg!("cli-report-globals").text(lang))?;
    for (label, value) in [
        (msg!("cli-report-cct").text(lang), g.cct),
        (msg!("cli-report-sst").text(lang), g.sst),
        (msg!("cli-report-partnership").text(lang), g.partnership),
        (msg!("cli-report-empathy").text(lang), g.empathy),
    ] {
        writeln!(out, "    {label} {value:.0}")?;
    }
    writeln!(
        out,
        "  {} {:.1} {} ({} {}, {} {})\n  {} {:.1} {} ({} {}, {} {})",
        msg!("cli-report-technical").text(lang),
        m.technical,
        level_mark(m.levels.technical, lang),
        w.fair,
        thresholds::TECHNICAL_FAIR,
        w.good,
        thresholds::TECHNICAL_GOOD,
        msg!("cli-report-relational").text(lang),
        m.relational,
        level_mark(m.levels.relational, lang),
        w.fair,
        thresholds::RELATIONAL_FAIR,
        w.good,
        thresholds::RELATIONAL_GOOD
    )?;
    writeln!(out, "  {}: {}", msg!("cli-report-level").text(lang), m.level.name(lang))?;
    let c = &report.client;
    writeln!(out, "\n{}", w.state)?;
    writeln!(
        out,
        "  {}: {} ({} / {})",
        msg!("cli-report-change-talk").text(lang),
        fmt_opt(c.change_talk_pct, true),
        c.change_talk,
        c.change_talk + c.sustain_talk
    )?;
    writeln!(
        out,
        "  {} {:.1} → {:.1}, {} {:.1} → {:.1}, {} {:.1} → {:.1}",
        msg!("cli-report-importance").text(lang),
        c.importance.start,
        c.importance.end,
        msg!("cli-report-confidence").text(lang),
        c.confidence.start,
        c.confidence.end,
        msg!("cli-report-discord").text(lang),
        c.discord.start,
        c.discord.end
    )?;
    if !report.ethics.is_empty() {
        writeln!(out, "\n{}", w.ethics)?;
        for e in &report.ethics {
            let what = motivo_engine::scoring::ethics_words(e.kind, lang);
            let quote = e.evidence.as_deref().map(|q| format!(" «{q}»")).unwrap_or_default();
            let head = format!("  {}. ", e.turn);
            writeln!(out, "{}", wrap(&format!("{what}{quote}: {}", e.explain), cols, &head, "     "))?;
        }
    }
    writeln!(out, "\nseed {}", report.seed)
}

enum Step {
    Done,
    Continue,
}

/// Applies one input; prints feedback in coach mode. Errors are messages for the learner.
fn apply(
    session: &mut Session,
    input: Input,
    coder: Option<&dyn ReplyCoder>,
    pending_text: &mut Option<String>,
    mode: Mode,
    out: &mut impl Write,
) -> Result<Step, String> {
    let lang = session.lang();
    let w = words(lang);
    let result = match input {
        Input::Quit => return Ok(Step::Done),
        Input::Help => {
            let _ = writeln!(out, "{}", w.help);
            return Ok(Step::Continue);
        }
        Input::Rewind(n) => {
            session.rewind(n.saturating_sub(1)).map_err(|e| e.message(lang))?;
            let _ = print_turn(session, out);
            return Ok(Step::Continue);
        }
        Input::Reply(pick @ (ScriptLine::Pick(_) | ScriptLine::PickId(_))) => {
            let pos = session.pick_position(&pick).map_err(|e| line_message(e, lang))?;
            match pending_text.take() {
                Some(text) => {
                    let coder = coder.ok_or_else(|| w.no_coder.to_owned())?;
                    session.reply_text_then_choose(coder, &text, pos).map(|_| ())
                }
                None => session.choose(pos).map(|_| ()),
            }
        }
        Input::Reply(ScriptLine::TextThenPick(text, pick)) => {
            motivo_engine::coding::check_reply_text(&text).map_err(|e| e.message(lang))?;
            *pending_text = Some(text);
            return apply(session, Input::Reply(*pick), coder, pending_text, mode, out);
        }
        Input::Reply(ScriptLine::Text(text)) => {
            let coder = coder.ok_or_else(|| w.no_coder.to_owned())?;
            if session.view().input == InputMode::WriteThenPick {
                motivo_engine::coding::check_reply_text(&text).map_err(|e| e.message(lang))?;
                *pending_text = Some(text);
                let _ = writeln!(out, "  {}:", w.prompt_pick);
                return Ok(Step::Continue);
            }
            session.reply_text(coder, &text).map(|_| ())
        }
    };
    result.map_err(|e| e.message(lang))?;
    if mode == Mode::Coach {
        let _ = print_feedback(session, out);
    }
    let _ = print_turn(session, out);
    Ok(if session.is_finished() { Step::Done } else { Step::Continue })
}

fn finish(session: &Session, args: &Args, started_ms: i64) -> ExitCode {
    let report = Report::of(session);
    let stdout = std::io::stdout();
    let mut out = crate::cli::safe::Writer::new(stdout.lock());
    let written = if args.json {
        writeln!(out, "{}", serde_json::to_string_pretty(&report).expect("plain data serialises"))
    } else {
        print_report(&report, session, &mut out)
    };
    if let Err(e) = written
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        eprintln!("motivo play: cannot write the report: {e}");
        return ExitCode::FAILURE;
    }
    if !args.no_record && !session.history().is_empty() {
        let duration_ms = motivo_store::now_ms().saturating_sub(started_ms).max(0) as u64;
        let timing = motivo_course::xapi::Timing { started_ms, duration_ms };
        if let Err(msg) = crate::cli::progress::record_play(session, &report, timing) {
            eprintln!("motivo play: {msg}");
        }
    }
    ExitCode::SUCCESS
}

pub fn run(args: Args) -> ExitCode {
    let scenario = match resolve(&args.scenario, args.lang) {
        Ok(s) => Arc::new(s),
        Err(e) => {
            eprintln!("motivo play: {}", crate::cli::safe::line(&e));
            return ExitCode::FAILURE;
        }
    };
    let seed = args.seed.unwrap_or_else(|| {
        SystemTime::now().duration_since(SystemTime::UNIX_EPOCH).map_or(1, |d| d.as_nanos() as u64 % 1_000_000)
    });
    let started_ms = motivo_store::now_ms();
    notice_fallback("motivo play", &scenario, args.lang);
    let mut session = Session::start(scenario.clone(), seed, args.lang);
    session.set_answer(args.answer.mode());
    let coder = coder();
    let coder_ref = coder.as_deref();
    let mut pending = None;

    if let Some(script) = &args.script {
        let text = match read_script(script) {
            Ok(t) => t,
            Err(msg) => {
                eprintln!("motivo play: {msg}");
                return ExitCode::FAILURE;
            }
        };
        // The report that follows holds the whole transcript, so nothing is echoed per turn.
        let mut sink = std::io::sink();
        for (no, line) in text.lines().enumerate() {
            if session.is_finished() || at_reply_limit(&session) {
                break;
            }
            let Some(input) = parse_input(line, false) else { continue };
            if let Err(msg) = apply(&mut session, input, coder_ref, &mut pending, Mode::Exam, &mut sink) {
                eprintln!("motivo play: {}:{}: {msg}", script.display(), no + 1);
                return ExitCode::FAILURE;
            }
        }
        return finish(&session, &args, started_ms);
    }

    // Interactive.
    let lang = args.lang;
    let w = words(lang);
    let stdout = std::io::stdout();
    let mut out = crate::cli::safe::Writer::new(stdout.lock());
    let s = &scenario;
    let _ = writeln!(out, "{}\n{}", s.title.get(lang), s.summary.get(lang));
    let _ = writeln!(out, "\n{}, {}: {}", s.persona.name, s.persona.age, s.persona.situation.get(lang));
    let _ = writeln!(out, "{}: {}", w.goal, s.goal.get(lang));
    let _ = writeln!(out, "{}", w.help);
    let _ = print_turn(&session, &mut out);
    let stdin = std::io::stdin();
    let interactive = stdin.is_terminal();
    let mut lines = crate::cli::input::BoundedLines::new(stdin.lock(), MAX_SCRIPT_LINE);
    while !session.is_finished() && !at_reply_limit(&session) {
        let _ = write!(out, "{} > ", prompt(&session, pending.is_some()));
        let _ = out.flush();
        let Some(Ok(line)) = lines.next() else { break };
        if !interactive {
            let _ = writeln!(out, "{line}");
        }
        let Some(input) = parse_input(&line, true) else { continue };
        match apply(&mut session, input, coder_ref, &mut pending, args.mode, &mut out) {
            Ok(Step::Done) => break,
            Ok(Step::Continue) => {}
            Err(msg) => {
                let _ = writeln!(out, "  ! {msg}");
            }
        }
    }
    drop(out);
    finish(&session, &args, started_ms)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_lines_parse() {
        assert_eq!(parse_input("  2 ", false), Some(Input::Reply(ScriptLine::Pick(2))));
        assert_eq!(parse_input("@cr", false), Some(Input::Reply(ScriptLine::PickId("cr".into()))));
        assert_eq!(parse_input("# comment", false), None);
        assert_eq!(parse_input("Kerro lisää", false), Some(Input::Reply(ScriptLine::Text("Kerro lisää".into()))));
        // Commands are only for the interactive prompt; in a script they are typed replies.
        assert_eq!(parse_input(":quit", false), Some(Input::Reply(ScriptLine::Text(":quit".into()))));
        assert_eq!(parse_input(":takaisin 2", true), Some(Input::Rewind(2)));
        assert_eq!(parse_input(":q", true), Some(Input::Quit));
        // Regression (issue 16): a number too large to parse was a typed reply scored "consistent with MI".
        assert_eq!(parse_input("99999999999999999999999", false), Some(Input::Reply(ScriptLine::Pick(usize::MAX))));
    }
}
