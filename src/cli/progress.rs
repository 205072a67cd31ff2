//! `motivo progress` (what is passed, mastered and next; CSV export; certificate) and recording plays.

use std::path::PathBuf;
use std::process::ExitCode;

use motivo_engine::course::progress::{Attempt, Progress};
use motivo_engine::course::{self, Course, KnownScenario, Overview, Timestamp};
use motivo_engine::model::Lang;
use motivo_engine::{Diagnostic, Report, Session};
use motivo_store::{Backend, FileBackend, Store};

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Export {
    /// Every attempt as CSV (UTF-8, comma-separated) on standard output.
    Csv,
}

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Print everything as JSON: the overview (modules, outcomes, scenarios, mastery, next step), every
    /// attempt and the trend of each scenario.
    #[arg(long)]
    pub json: bool,
    /// Export the attempts instead of the overview.
    #[arg(long, value_enum)]
    pub export: Option<Export>,
    /// Write the course certificate (HTML, printable) to this file; only when the course is complete.
    #[arg(long, value_name = "OUT.html")]
    pub certificate: Option<PathBuf>,
    /// The learner's name on the certificate (remembered for later certificates).
    #[arg(long)]
    pub name: Option<String>,
    /// Language of texts: fi or en.
    #[arg(long, default_value = "fi", value_parser = parse_lang)]
    pub lang: Lang,
}

/// Writes to standard output; a closed pipe (`| head`) is not an error.
fn emit(text: &str) -> ExitCode {
    use std::io::Write;
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            eprintln!("motivo progress: cannot write: {e}");
            ExitCode::FAILURE
        }
        _ => ExitCode::SUCCESS,
    }
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::parse(s).ok_or_else(|| format!("unknown language `{s}` (use fi or en)"))
}

fn known_scenarios() -> Vec<KnownScenario> {
    motivo_engine::bundled::scenarios().into_iter().filter_map(Result::ok).map(|s| KnownScenario::of(&s)).collect()
}

fn store() -> Result<Store<FileBackend>, String> {
    FileBackend::default_location().map(Store::new).map_err(|e| e.to_string())
}

fn secs(t: std::time::SystemTime) -> i64 {
    match t.duration_since(std::time::UNIX_EPOCH) {
        Ok(d) => d.as_secs() as i64,
        Err(e) => -(e.duration().as_secs() as i64),
    }
}

/// The JSON of `motivo progress --json`.
#[derive(serde::Serialize)]
struct ProgressJson<'a> {
    /// The progress file.
    file: String,
    schema: u32,
    /// A message about a damaged or newer progress file, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    problem: Option<String>,
    overview: &'a Overview,
    attempts: Vec<Attempt>,
    trends: Vec<course::Trend>,
}

fn print_text(o: &Overview, lang: Lang, out: &mut String) {
    use std::fmt::Write;
    let fi = lang == Lang::Fi;
    let _ = writeln!(out, "{}", o.title.get(lang));
    let _ = writeln!(
        out,
        "{}",
        if fi {
            format!("Läpäisty {}/{} harjoitusta, {} yritystä.", o.scenarios_passed, o.scenarios_total, o.attempts)
        } else {
            format!("Passed {}/{} scenarios, {} attempts.", o.scenarios_passed, o.scenarios_total, o.attempts)
        }
    );
    for m in &o.modules {
        let mark = if m.mastered {
            "✓"
        } else if !m.unlocked {
            "🔒"
        } else if m.scenarios.is_empty() {
            "…"
        } else {
            "○"
        };
        let when = m.mastered_at.map(|t| format!(" ({})", if fi { t.date_fi() } else { t.date() })).unwrap_or_default();
        let _ = writeln!(out, "\n{mark} {} [{}/{}]{when}", m.title.get(lang), m.passed, m.needed);
        let _ = writeln!(out, "  {}", m.outcome.get(lang));
        for s in &m.scenarios {
            let status = if s.passed {
                if fi { "läpäisty" } else { "passed" }
            } else if s.attempts == 0 {
                if fi { "ei yritetty" } else { "not tried" }
            } else if fi {
                "ei vielä läpäisty"
            } else {
                "not passed yet"
            };
            let best =
                s.best.as_ref().map(|b| format!(", {} {}", if fi { "paras" } else { "best" }, b.level.name(lang)));
            let _ = writeln!(
                out,
                "  - {} ({}): {status}, {} {}{}",
                s.title.get(lang),
                s.id,
                s.attempts,
                if fi { "yritystä" } else { "attempts" },
                best.unwrap_or_default()
            );
            if s.attempts > 0 {
                for r in &s.why_not {
                    let _ = writeln!(out, "      {}", r.text(lang));
                }
            }
        }
        for r in
            m.why_not.iter().filter(|r| matches!(r, course::Reason::Locked { .. } | course::Reason::NoScenariosYet))
        {
            let _ = writeln!(out, "  {}", r.text(lang));
        }
    }
    if let Some(next) = &o.next {
        let _ = writeln!(out, "\n{}", next.text(lang));
    }
}

pub fn run(args: Args) -> ExitCode {
    let course: Course = match course::bundled() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("motivo progress: the bundled course does not load: {e}");
            return ExitCode::from(2);
        }
    };
    let known = known_scenarios();
    let store = match store() {
        Ok(s) => s,
        Err(e) => {
            eprintln!("motivo progress: {e}");
            return ExitCode::FAILURE;
        }
    };
    let loaded = match store.load() {
        Ok(l) => l,
        Err(e) => {
            eprintln!("motivo progress: {e}");
            return ExitCode::FAILURE;
        }
    };
    let problem = loaded.problem.as_ref().map(|p| p.message(args.lang));
    if let Some(p) = &problem {
        eprintln!("motivo progress: {p}");
    }
    let mut progress: Progress = loaded.progress.clone();
    let overview = course::overview(&course, &known, &progress);

    if let Some(Export::Csv) = args.export {
        return emit(&course::export::csv(&progress, &course, &known, args.lang));
    }

    if let Some(out) = &args.certificate {
        if let Some(name) = args.name.as_deref().map(str::trim).filter(|n| !n.is_empty())
            && progress.learner.as_deref() != Some(name)
            && loaded.problem.is_none()
        {
            progress.learner = Some(name.to_owned());
            if let Err(e) = store.save(&progress) {
                eprintln!("motivo progress: the name was not saved: {e}");
            }
        }
        let name = args.name.as_deref().or(progress.learner.as_deref());
        let issued = Timestamp(secs(std::time::SystemTime::now()));
        return match course::export::certificate_html(&overview, name, args.lang, issued) {
            Ok(html) => match std::fs::write(out, html) {
                Ok(()) => {
                    eprintln!(
                        "motivo progress: {} {}",
                        if args.lang == Lang::Fi { "todistus kirjoitettu:" } else { "certificate written to" },
                        out.display()
                    );
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("motivo progress: cannot write {}: {e}", out.display());
                    ExitCode::FAILURE
                }
            },
            Err(msg) => {
                eprintln!("motivo progress: {msg}");
                ExitCode::FAILURE
            }
        };
    }

    if args.json {
        let mut scenarios: Vec<&str> = progress.attempts.iter().map(|a| a.scenario.as_str()).collect();
        scenarios.sort();
        scenarios.dedup();
        let trends = scenarios.iter().filter_map(|s| course::trend(&progress, s, None)).collect();
        let attempts = progress.attempts.iter().map(|a| Attempt { report: None, ..a.clone() }).collect();
        let json = ProgressJson {
            file: store.backend.describe(motivo_store::MAIN),
            schema: progress.schema,
            problem,
            overview: &overview,
            attempts,
            trends,
        };
        return emit(&(serde_json::to_string_pretty(&json).expect("plain data serialises") + "\n"));
    }

    let mut out = String::new();
    print_text(&overview, args.lang, &mut out);
    out.push_str(&format!(
        "\n{} {}\n",
        if args.lang == Lang::Fi { "Tiedosto:" } else { "File:" },
        store.backend.describe(motivo_store::MAIN)
    ));
    emit(&out)
}

/// Called by `motivo play` when a play ends (unless `--no-record`). Returns a message for the learner on failure;
/// a failure to record never loses the play's output.
pub fn record_play(
    session: &Session,
    report: &Report,
    started: std::time::SystemTime,
    duration: std::time::Duration,
) -> Result<(), String> {
    let lang = session.lang();
    let fi = lang == Lang::Fi;
    let not_recorded = |e: String| {
        if fi {
            format!("harjoitusta ei tallennettu edistymiseesi: {e}. Yllä oleva palaute on silti kokonainen.")
        } else {
            format!("this play was not recorded in your progress: {e}. The report above is still complete.")
        }
    };
    let store = store().map_err(not_recorded)?;
    let uid = store.new_uid(session.state().seed);
    let attempt = Attempt::of_play(session, report, Timestamp(secs(started)), duration.as_millis() as u64, uid);
    let recorded = store.record(attempt, lang).map_err(|e| not_recorded(e.to_string()))?;
    for n in &recorded.notices {
        eprintln!("motivo play: {n}");
    }
    let scenario = &session.scenario().id;
    if let Some(t) = course::trend(&recorded.progress, scenario, Some(recorded.id)) {
        eprintln!("{}", t.text(lang));
    }
    if let Ok(c) = course::bundled() {
        let known = known_scenarios();
        let o = course::overview(&c, &known, &recorded.progress);
        if let Some(s) = o.scenario(scenario) {
            if s.passed {
                eprintln!("{}", if fi { "Harjoitus on läpäisty." } else { "Scenario passed." });
            } else {
                for r in &s.why_not {
                    eprintln!("{}", r.text(lang));
                }
            }
        }
    }
    eprintln!(
        "{} {} ({})",
        if fi { "Tallennettu yrityksenä" } else { "Recorded as attempt" },
        recorded.id,
        recorded.slot
    );
    Ok(())
}

/// Checks a course file (`course.ron`) for `motivo check` against the bundled scenarios; returns its
/// diagnostics.
pub fn check_course(bytes: &[u8]) -> Vec<Diagnostic> {
    course::load_course(bytes, &known_scenarios()).diagnostics
}
