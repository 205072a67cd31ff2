//! `motivo progress` (what is passed, mastered and next; CSV export; certificate) and recording plays.

use std::path::PathBuf;
use std::process::ExitCode;

use motivo_course::progress::{Attempt, Progress};
use motivo_course::xapi::Timing;
use motivo_course::{self as course, Course, KnownScenario, Overview, Timestamp};
use motivo_engine::model::Lang;
use motivo_engine::{Diagnostic, Report, Session};
use motivo_report::PlayRecorded;
use motivo_store::{Backend, FileBackend, Store, StoreError};

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
    /// Language of texts: any code or name (fi, en, sv…). Default: the language chosen in the app, else the locale
    /// (`MOTIVO_LANG`, `LC_ALL`, `LC_MESSAGES`, `LANG`).
    #[arg(long, value_parser = parse_lang)]
    pub lang: Option<Lang>,
}

/// Writes to standard output; a closed pipe (`| head`) is not an error.
fn emit(text: &str) -> ExitCode {
    use std::io::Write;
    // Titles and names come from the progress file: on a terminal, control characters are escaped
    // (`cli/safe.rs`); redirected output (a CSV file) is written as it is.
    let text =
        if std::io::IsTerminal::is_terminal(&std::io::stdout()) { crate::cli::safe::text(text) } else { text.into() };
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            eprintln!("motivo progress: cannot write: {e}");
            ExitCode::FAILURE
        }
        _ => ExitCode::SUCCESS,
    }
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    crate::cli::app::parse_lang(s)
}

fn known_scenarios() -> Vec<KnownScenario> {
    course::bundled_known()
}

fn store() -> Result<Store<FileBackend>, String> {
    FileBackend::default_location().map(Store::new).map_err(|e| e.to_string())
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
            format!(
                "Läpäisty {}/{} harjoitusta, {}.",
                o.scenarios_passed,
                o.scenarios_total,
                attempts(o.attempts, lang)
            )
        } else {
            format!("Passed {}/{} scenarios, {}.", o.scenarios_passed, o.scenarios_total, attempts(o.attempts, lang))
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
                "  - {} ({}): {status}, {}{}",
                s.title.get(lang),
                s.id,
                attempts(s.attempts, lang),
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

/// The learner's language: `--lang`, else the app's setting in the data folder, else the locale.
pub fn learner_lang(flag: Option<Lang>) -> Lang {
    flag.or_else(|| {
        let dir = motivo_store::default_dir().ok()?;
        let text = std::fs::read_to_string(dir.join("settings.json")).ok()?;
        let v: serde_json::Value = serde_json::from_str(&text).ok()?;
        Lang::parse(v.get("lang")?.as_str()?)
    })
    .unwrap_or_else(|| crate::cli::locale::lang_from_env(|name| std::env::var(name).ok()))
}

pub fn run(mut args: Args) -> ExitCode {
    let lang = learner_lang(args.lang);
    args.lang = Some(lang);
    run_in(args, lang)
}

fn run_in(args: Args, lang: Lang) -> ExitCode {
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
    let problem = loaded.problem.as_ref().map(|p| p.message(lang));
    if let Some(p) = &problem {
        eprintln!("motivo progress: {}", crate::cli::safe::text(p));
    }
    let mut progress: Progress = loaded.progress.clone();
    let overview = course::overview(&course, &known, &progress);

    if let Some(Export::Csv) = args.export {
        return emit(&course::export::csv(&progress, &course, &known, lang));
    }

    if let Some(out) = &args.certificate {
        if let Some(name) = args.name.as_deref().map(str::trim).filter(|n| !n.is_empty())
            && progress.learner.as_deref() != Some(name)
            && loaded.problem.is_none()
        {
            progress.learner = Some(name.to_owned());
            match store.update(|p| p.learner = Some(name.to_owned())) {
                Ok(((), saved)) => progress = saved,
                Err(e) => eprintln!("motivo progress: the name was not saved: {e}"),
            }
        }
        let name = args.name.as_deref().or(progress.learner.as_deref());
        let issued = Timestamp(motivo_store::now_ms().div_euclid(1000));
        return match course::export::certificate_html(&overview, name, lang, issued) {
            Ok(html) => match std::fs::write(out, html) {
                Ok(()) => {
                    eprintln!(
                        "motivo progress: {} {}",
                        if lang == Lang::Fi { "todistus kirjoitettu:" } else { "certificate written to" },
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
    print_text(&overview, lang, &mut out);
    out.push_str(&format!(
        "\n{} {}\n",
        if lang == Lang::Fi { "Tiedosto:" } else { "File:" },
        store.backend.describe(motivo_store::MAIN)
    ));
    emit(&out)
}

/// Called by `motivo play` when a play ends (unless `--no-record`): records it with
/// `motivo_report::record_play` (the same function as the app: its xAPI statements queued first when an LRS is
/// configured, then the attempt recorded under the same uid; docs/xapi.md). Returns a message for the learner on
/// failure; a failure to record never loses the play's output.
pub fn record_play(session: &Session, report: &Report, timing: Timing) -> Result<(), String> {
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
    let (recorded, lines) = record_in(&store, session, report, timing).map_err(|e| not_recorded(e.to_string()))?;
    // Only mention the queue to learners whose organisation configured an LRS.
    if let Some(q) = recorded.queued.as_ref().filter(|q| q.lrs_configured) {
        let added = q.added;
        if fi {
            eprintln!("{added} xAPI-raporttia jonossa; `motivo sync` lähettää ne.");
        } else {
            eprintln!("{added} xAPI statements queued; `motivo sync` sends them.");
        }
    }
    for line in lines {
        eprintln!("{}", crate::cli::safe::text(&line));
    }
    let (id, slot) = (recorded.id, recorded.slot);
    eprintln!("{} {id} ({slot})", if fi { "Tallennettu yrityksenä" } else { "Recorded as attempt" });
    Ok(())
}

/// Records a play in `store` (and queues its statements, with an LRS configured); returns what was recorded and
/// what to tell the learner (notices about the progress file and the queue, the trend, and whether the scenario
/// is passed or why not).
fn record_in<B: Backend + Clone>(
    store: &Store<B>,
    session: &Session,
    report: &Report,
    timing: Timing,
) -> Result<(PlayRecorded, Vec<String>), StoreError> {
    let lang = session.lang();
    let recorded = motivo_report::record_play(store, session, report, timing, true)?;
    let mut lines: Vec<String> = recorded.notices.iter().map(|n| format!("motivo play: {n}")).collect();
    let scenario = &session.scenario().id;
    if let Some(t) = course::trend(&recorded.progress, scenario, Some(recorded.id)) {
        lines.push(t.text(lang));
    }
    if let Ok(c) = course::bundled() {
        let o = course::overview(&c, &known_scenarios(), &recorded.progress);
        if let Some(s) = o.scenario(scenario) {
            if s.passed {
                lines.push(if lang == Lang::Fi { "Harjoitus on läpäisty." } else { "Scenario passed." }.into());
            } else {
                lines.extend(s.why_not.iter().map(|r| r.text(lang)));
            }
        }
    }
    Ok((recorded, lines))
}

/// Checks a course file (`course.ron`) for `motivo check` against the bundled scenarios; returns its
/// diagnostics.
pub fn check_course(bytes: &[u8]) -> Vec<Diagnostic> {
    course::load_course(bytes, &known_scenarios()).diagnostics
}

/// A course file's id and its modules' ids, for checking scenarios' `module` against it (`motivo check`, M037);
/// `None` when it does not load.
pub fn course_modules(bytes: &[u8]) -> Option<(String, Vec<String>)> {
    let c = course::load_course(bytes, &known_scenarios()).value?;
    Some((c.id.clone(), c.modules.iter().map(|m| m.id.clone()).collect()))
}

/// "1 yritys", "2 yritystä" / "1 attempt", "2 attempts".
fn attempts(n: u32, lang: Lang) -> String {
    match (lang, n) {
        (Lang::Fi, 1) => "1 yritys".into(),
        (Lang::Fi, n) => format!("{n} yritystä"),
        (_, 1) => "1 attempt".into(),
        (_, n) => format!("{n} attempts"),
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;

    /// Plays a bundled scenario with a fixed choice per turn until it ends.
    fn play(id: &str, pick: usize, seed: u64) -> (Session, Report) {
        let scenario = motivo_engine::bundled::scenarios()
            .into_iter()
            .filter_map(Result::ok)
            .find(|s| s.id == id)
            .expect("bundled scenario");
        let mut session = Session::start(Arc::new(scenario), seed, Lang::Fi);
        for _ in 0..50 {
            if session.is_finished() {
                break;
            }
            let n = session.view().options.len();
            if n == 0 {
                break;
            }
            session.choose(pick.min(n - 1)).expect("a valid option");
        }
        let report = Report::of(&session);
        (session, report)
    }

    #[test]
    fn plays_are_recorded_and_show_in_the_overview() {
        let dir = std::env::temp_dir().join(format!("motivo-cli-progress-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let store = Store::new(FileBackend::new(&dir));
        let t = |duration_ms| Timing { started_ms: 1_800_000_000_000, duration_ms };
        let (s1, r1) = play("omakanta-resepti", 1, 7);
        let (rec1, lines) = record_in(&store, &s1, &r1, t(95_000)).unwrap();
        assert_eq!(rec1.id, 1);
        assert!(rec1.queued.is_some_and(|q| !q.lrs_configured && q.added == 0), "no LRS: nothing queued");
        assert!(lines.iter().any(|l| l.contains("Ensimmäinen")), "{lines:?}");
        let (s2, r2) = play("omakanta-resepti", 0, 8);
        let (rec2, _) = record_in(&store, &s2, &r2, t(60_000)).unwrap();
        assert_eq!(rec2.id, 2);

        let loaded = store.load().unwrap();
        assert!(loaded.problem.is_none());
        let p = &loaded.progress;
        assert_eq!(p.attempts.len(), 2);
        let a = &p.attempts[0];
        assert_eq!((a.scenario.as_str(), a.seed, a.duration_ms), ("omakanta-resepti", 7, 95_000));
        assert_eq!(a.replies.len(), s1.history().len());
        assert_eq!(a.summary.level, r1.miti.level);
        assert!(a.full_report().is_some_and(|r| r == r1), "the full report is kept and reads back");
        assert!(p.written_by.starts_with("motivo "));

        let course = course::bundled().unwrap();
        let o = course::overview(&course, &known_scenarios(), p);
        let s = o.scenario("omakanta-resepti").expect("in the course");
        assert_eq!(s.attempts, 2);
        let judged = [&r1, &r2].iter().any(|r| {
            r.finished
                && r.miti.level >= motivo_engine::scoring::Level::Fair
                && r.ending.as_ref().is_some_and(|e| e.good)
                && r.ethics.is_empty()
        });
        assert_eq!(s.passed, judged, "passed exactly when one report meets the seed course's rule");
        let json = serde_json::to_value(&o).unwrap();
        assert_eq!(json["modules"][1]["id"], "ethics");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn bundled_course_checks_without_errors() {
        let d = check_course(course::COURSE.as_bytes());
        assert!(!d.iter().any(Diagnostic::is_error), "{d:#?}");
        let broken = course::COURSE.replace("\"omakanta-resepti\"", "\"omakanta-reseptti\"");
        let d = check_course(broken.as_bytes());
        assert!(d.iter().any(|d| d.is_error() && d.code == "M021"), "{d:#?}");
    }
}
