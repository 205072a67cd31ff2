//! `motivo check`: load and validate scenario files, report like rustc, in Finnish or English.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label, Severity as CsSeverity};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::{
    self,
    termcolor::{BufferWriter, ColorChoice},
};
use motivo_engine::diag::Rendered;
use motivo_engine::i18n::Msg;
use motivo_engine::load::MAX_FILE_BYTES;
use motivo_engine::{Diagnostic, Kind, Lang, Severity, ValidateOptions, load_scenario, msg};
use serde::Serialize;

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Format {
    #[default]
    Human,
    Json,
}

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Scenario files or folders (folders are searched for `*.ron`, recursively).
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Treat missing translations as errors.
    #[arg(long)]
    pub strict: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Language of the messages, and the language to check the files as played in (any code or name: fi, en,
    /// sv, svenska…). A scenario not written in it gets one note saying which language is shown instead.
    /// Default: Finnish when `MOTIVO_LANG` is set and starts with `fi`, or (when `MOTIVO_LANG` is not set) when
    /// the locale (`LC_ALL`, then `LC_MESSAGES`, then `LANG`) does; else English. JSON output has the texts in this
    /// language too, with each message's id.
    #[arg(long, value_parser = crate::cli::app::parse_lang)]
    pub lang: Option<Lang>,
    /// The course file to check each scenario's `module` against (M037). Default: `course.ron` in the scenario's
    /// folder, else in the folder given on the command line; with no course found, `module` is not checked.
    #[arg(long, value_name = "FILE")]
    pub course: Option<PathBuf>,
}

pub use crate::cli::locale::lang_from_env;

/// `ok: PATH (N warnings)`.
fn ok_line(path: &str, warnings: usize, lang: Lang) -> String {
    msg!("cli-check-ok", path, warnings).text(lang)
}

/// The last line: how many files, errors and warnings.
fn summary_line(files: usize, errors: usize, warnings: usize, lang: Lang) -> String {
    msg!("cli-check-summary", files, errors, warnings).text(lang)
}

/// The severity in the header line `error[M008]: …` in the language of the messages.
fn severity_word(severity: Severity, lang: Lang) -> String {
    match severity {
        Severity::Error => msg!("cli-error").text(lang),
        Severity::Warning => msg!("cli-warning").text(lang),
    }
}

/// One checked file.
pub struct FileReport {
    pub path: String,
    pub errors: usize,
    pub warnings: usize,
    pub diagnostics: Vec<Diagnostic>,
    /// The languages of a scenario that loaded (`Scenario::languages`).
    pub languages: Vec<String>,
    /// With `--lang L` for a scenario not written in `L`: the language it is shown in instead.
    pub shown_in: Option<String>,
}

/// A checked file in JSON: the diagnostics rendered in the language asked for, with their message ids.
#[derive(Serialize)]
struct JsonReport<'a> {
    path: &'a str,
    errors: usize,
    warnings: usize,
    diagnostics: Vec<Rendered>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    languages: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    shown_in: Option<&'a str>,
}

/// The files to check, each once: folders are searched recursively, every file and folder is taken by its
/// canonical path (so a symlink loop or two names for one file check it once), and anything that is not a regular
/// file (a FIFO, a device, a socket) is refused without opening it.
struct Collect {
    /// Each file with the folder given on the command line that it was found in (`None` for a file given).
    files: Vec<(PathBuf, Option<PathBuf>)>,
    /// A path that could not be checked: what went wrong and the system's error.
    problems: Vec<(PathBuf, Msg, String)>,
    seen: std::collections::HashSet<PathBuf>,
}

/// A problem with a path as a diagnostic at 1:1, so JSON output carries it too.
fn problem_diagnostic(what: Msg, err: &str) -> Diagnostic {
    let message = if err.is_empty() { what } else { msg!("cli-check-problem-detail", what, err) };
    motivo_engine::diag::Source::new("").diagnostic(Severity::Error, Kind::NotText, message, 0, 0)
}

impl Collect {
    fn add(&mut self, path: &Path, root: Option<&Path>) {
        let meta = match std::fs::metadata(path) {
            Ok(m) => m,
            Err(e) => return self.problems.push((path.to_owned(), msg!("cli-check-cannot-open"), e.to_string())),
        };
        let canonical = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
        if !self.seen.insert(canonical) {
            return;
        }
        if meta.is_dir() {
            let root = root.unwrap_or(path);
            match std::fs::read_dir(path) {
                Ok(entries) => {
                    let mut children: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
                    children.sort();
                    for c in children {
                        if c.is_dir() || c.extension().is_some_and(|e| e == "ron") {
                            self.add(&c, Some(root));
                        }
                    }
                }
                Err(e) => self.problems.push((path.to_owned(), msg!("cli-check-cannot-read-folder"), e.to_string())),
            }
        } else if meta.is_file() {
            self.files.push((path.to_owned(), root.map(Path::to_owned)));
        } else {
            self.problems.push((path.to_owned(), msg!("cli-check-not-a-file"), String::new()));
        }
    }
}

/// What reading a file gave: its bytes, or its size when it is over the limit (not read).
pub enum Read {
    Bytes(Vec<u8>),
    TooLarge(u64),
}

/// Reads a regular file of at most the size limit. It is opened without blocking (a FIFO swapped in after the
/// check above cannot hang), checked again to be a regular file, and read to at most the limit plus one byte.
pub fn read_limited(path: &Path) -> std::io::Result<Read> {
    use std::io::Read as _;
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        #[cfg(any(target_os = "linux", target_os = "android"))]
        const O_NONBLOCK: i32 = 0o4000;
        #[cfg(not(any(target_os = "linux", target_os = "android")))]
        const O_NONBLOCK: i32 = 0x0004;
        options.custom_flags(O_NONBLOCK);
    }
    let file = options.open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(std::io::Error::new(std::io::ErrorKind::InvalidInput, "not a regular file"));
    }
    if meta.len() > MAX_FILE_BYTES as u64 {
        return Ok(Read::TooLarge(meta.len()));
    }
    let mut buf = Vec::new();
    file.take(MAX_FILE_BYTES as u64 + 1).read_to_end(&mut buf)?;
    Ok(Read::Bytes(buf))
}

/// A course's id and its modules' ids, for checking scenarios' `module` (M037).
type CourseModules = (String, Vec<String>);

/// The courses scenarios are checked against: `--course FILE`, or `course.ron` found beside a scenario or in the
/// folder given, each read once.
struct Courses {
    given: Option<CourseModules>,
    /// By path: the course, or `None` when it does not load.
    found: std::collections::HashMap<PathBuf, Option<CourseModules>>,
    /// Found course files that do not load (said once each).
    broken: Vec<PathBuf>,
}

impl Courses {
    /// Reads a course file; `None` when it cannot be read or does not load.
    fn read(path: &Path) -> Option<CourseModules> {
        match read_limited(path) {
            Ok(Read::Bytes(bytes)) => crate::cli::progress::course_modules(&bytes),
            _ => None,
        }
    }

    /// The course for the scenario at `path`, found in the folder `root` given on the command line.
    fn for_scenario(&mut self, path: &Path, root: Option<&Path>) -> Option<&CourseModules> {
        if self.given.is_some() {
            return self.given.as_ref();
        }
        let beside = path.parent().map(|p| p.join("course.ron"));
        let candidates = beside.into_iter().chain(root.map(|r| r.join("course.ron")));
        let file = candidates.into_iter().find(|c| c.is_file())?;
        if !self.found.contains_key(&file) {
            let course = Self::read(&file);
            if course.is_none() {
                self.broken.push(file.clone());
            }
            self.found.insert(file.clone(), course);
        }
        self.found.get(&file).and_then(Option::as_ref)
    }
}

/// Checks one file's bytes (`course.ron` files as course files): the diagnostics and, for a scenario that
/// loaded, its languages. A scenario's `module` is checked against `course` when there is one.
fn check_file(
    path: &Path,
    bytes: &[u8],
    options: &ValidateOptions,
    course: Option<&CourseModules>,
) -> (Vec<Diagnostic>, Vec<Lang>) {
    if path.file_name().is_some_and(|n| n == "course.ron") {
        (crate::cli::progress::check_course(bytes), Vec::new())
    } else {
        let loaded = load_scenario(bytes, options);
        let mut diagnostics = loaded.diagnostics;
        // The client must not give in too soon (M036): only for a scenario with no errors, as it plays it.
        if let (Some(scenario), Ok(text)) = (&loaded.value, std::str::from_utf8(bytes))
            && !diagnostics.iter().any(|d| d.is_error())
        {
            diagnostics.extend(motivo_engine::validate::min_consistent(scenario, text, options));
        }
        if let (Some(scenario), Ok(text), Some((id, modules))) = (&loaded.value, std::str::from_utf8(bytes), course) {
            diagnostics.extend(motivo_engine::validate::course_module(scenario, text, id, modules, options));
        }
        motivo_engine::diag::sort(&mut diagnostics);
        let langs = loaded.value.as_ref().map(|s| s.languages()).unwrap_or_default();
        (diagnostics, langs)
    }
}

/// Diagnostics whose line is longer than this (in bytes) are shown as one line, without the source snippet.
const MAX_SNIPPET_LINE: usize = 1000;
/// After this many diagnostics in one file, the rest are shown as one line each.
const MAX_SNIPPETS: usize = 200;

/// `path:line:col: error[M008]: message`, terminal-safe.
fn one_line(path: &str, d: &Diagnostic, lang: Lang) -> String {
    format!(
        "{path}:{}:{}: {}[{}]: {}\n",
        d.location.line,
        d.location.column,
        severity_word(d.severity, lang),
        d.code,
        crate::cli::safe::line(&d.message_in(lang))
    )
}

fn render(path: &Path, bytes: &[u8], diags: &[Diagnostic], lang: Lang) {
    use std::io::Write;
    let lossy = String::from_utf8_lossy(bytes);
    // Control characters in the file are shown as `?` under the diagnostics (same byte offsets).
    let text = crate::cli::safe::same_offsets(&lossy);
    let shown_path = crate::cli::safe::line(&path.display().to_string()).into_owned();
    let file = SimpleFile::new(shown_path.clone(), text.as_ref());
    let line_len = |at: usize| {
        let at = at.min(text.len());
        let start = text[..at].rfind('\n').map_or(0, |k| k + 1);
        let end = text[at..].find('\n').map_or(text.len(), |k| at + k);
        end - start
    };
    // Colour only on a terminal (and not with `NO_COLOR` or `TERM=dumb`), so redirected output is plain text.
    let colour =
        if std::io::IsTerminal::is_terminal(&std::io::stderr()) { ColorChoice::Auto } else { ColorChoice::Never };
    let writer = BufferWriter::stderr(colour);
    let config = term::Config::default();
    for (k, d) in diags.iter().enumerate() {
        if k >= MAX_SNIPPETS || line_len(d.start) > MAX_SNIPPET_LINE {
            let _ = std::io::stderr().write_all(one_line(&shown_path, d, lang).as_bytes());
            continue;
        }
        let severity = match d.severity {
            Severity::Error => CsSeverity::Error,
            Severity::Warning => CsSeverity::Warning,
        };
        // The span on character boundaries of the text shown (which is lossy for non-UTF-8 files).
        let floor = |mut at: usize| {
            at = at.min(text.len());
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            at
        };
        let (start, end) = (floor(d.start), floor(d.end.max(d.start)));
        let mut label = Label::primary((), start..end);
        if let Some(l) = d.label_in(lang) {
            label = label.with_message(crate::cli::safe::line(&l));
        }
        let notes = d.notes_in(lang).iter().map(|n| crate::cli::safe::text(n).into_owned()).collect();
        let cs = CsDiagnostic::new(severity)
            .with_message(crate::cli::safe::line(&d.message_in(lang)))
            .with_code(d.code)
            .with_labels(vec![label])
            .with_notes(notes);
        let mut buffer = writer.buffer();
        // A rendering bug must not lose the diagnostic: it is then shown as one line.
        let emitted = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            term::emit_to_write_style(&mut buffer, &config, &file, &cs)
        }));
        let rendered = emitted.ok().and_then(Result::ok).and_then(|()| {
            // codespan-reporting writes the severity in English; the header is the first line, where the
            // severity word comes first (after any colour codes).
            let out = String::from_utf8(buffer.into_inner()).ok()?;
            Some(if lang == Lang::En {
                out
            } else {
                let (head, rest) = out.split_once('\n').unwrap_or((&out, ""));
                let en = format!("{}[", severity_word(d.severity, Lang::En));
                let local = format!("{}[", severity_word(d.severity, lang));
                format!("{}\n{rest}", head.replacen(&en, &local, 1))
            })
        });
        match rendered {
            Some(out) => {
                let _ = std::io::stderr().write_all(out.as_bytes());
            }
            None => {
                let _ = std::io::stderr().write_all(one_line(&shown_path, d, lang).as_bytes());
            }
        }
    }
}

pub fn run(args: Args) -> ExitCode {
    let lang = args.lang.unwrap_or_else(|| lang_from_env(|name| std::env::var(name).ok()));
    let error = severity_word(Severity::Error, lang);
    let mut collected = Collect { files: Vec::new(), problems: Vec::new(), seen: Default::default() };
    for p in &args.paths {
        collected.add(p, None);
    }
    let Collect { files, mut problems, .. } = collected;
    let options = ValidateOptions { strict: args.strict };
    let mut courses = Courses { given: None, found: Default::default(), broken: Vec::new() };
    if let Some(path) = &args.course {
        courses.given = Courses::read(path);
        if courses.given.is_none() {
            problems.push((path.clone(), msg!("cli-check-course-not-loaded"), String::new()));
        }
    }
    let mut reports = Vec::new();
    for (path, what, err) in &problems {
        let d = problem_diagnostic(what.clone(), err);
        if args.format == Format::Human {
            let shown = crate::cli::safe::line(&path.display().to_string()).into_owned();
            eprintln!("{}: {shown}: {}", error, crate::cli::safe::line(&d.message_in(lang)));
        }
        reports.push(FileReport {
            path: path.display().to_string(),
            errors: 1,
            warnings: 0,
            diagnostics: vec![d],
            languages: Vec::new(),
            shown_in: None,
        });
    }
    for (path, root) in &files {
        let shown = crate::cli::safe::line(&path.display().to_string()).into_owned();
        let bytes = match read_limited(path) {
            Ok(Read::Bytes(b)) => b,
            Ok(Read::TooLarge(len)) => {
                let d = motivo_engine::load::too_large(len);
                if args.format == Format::Human {
                    render(path, &[], std::slice::from_ref(&d), lang);
                }
                reports.push(FileReport {
                    path: path.display().to_string(),
                    errors: 1,
                    warnings: 0,
                    diagnostics: vec![d],
                    languages: Vec::new(),
                    shown_in: None,
                });
                continue;
            }
            Err(e) => {
                let d = problem_diagnostic(msg!("cli-check-cannot-read"), &e.to_string());
                if args.format == Format::Human {
                    eprintln!("{}: {shown}: {}", error, crate::cli::safe::line(&d.message_in(lang)));
                }
                reports.push(FileReport {
                    path: path.display().to_string(),
                    errors: 1,
                    warnings: 0,
                    diagnostics: vec![d],
                    languages: Vec::new(),
                    shown_in: None,
                });
                continue;
            }
        };
        // A bug in the checker must not stop the other files (nor the JSON for all of them).
        let course = courses.for_scenario(path, root.as_deref()).cloned();
        let checked = std::panic::catch_unwind(|| check_file(path, &bytes, &options, course.as_ref()));
        let Ok((mut diags, langs)) = checked else {
            let d = problem_diagnostic(msg!("cli-check-internal"), "");
            if args.format == Format::Human {
                eprintln!("{}: {shown}: {}", error, d.message_in(lang));
            }
            reports.push(FileReport {
                path: path.display().to_string(),
                errors: 1,
                warnings: 0,
                diagnostics: vec![d],
                languages: Vec::new(),
                shown_in: None,
            });
            continue;
        };
        if options.strict {
            for d in &mut diags {
                if d.kind == Kind::MissingTranslation {
                    d.severity = Severity::Error;
                }
            }
        }
        if args.format == Format::Human {
            render(path, &bytes, &diags, lang);
        }
        // `--lang L`: checked as played in L. A scenario written in L was checked for complete L texts with its
        // other languages; one that is not gets this one note instead of a warning per text.
        let shown_in = args.lang.filter(|asked| !langs.is_empty() && !langs.contains(asked)).map(|asked| {
            let fallback = if langs.contains(&Lang::Fi) { Lang::Fi } else { langs[0] };
            if args.format == Format::Human
                && let Some(note) = crate::cli::locale::fallback_notice(&shown, &langs, asked, fallback, lang)
            {
                eprintln!("{}", crate::cli::safe::line(&note));
            }
            fallback.code().to_owned()
        });
        let errors = diags.iter().filter(|d| d.is_error()).count();
        let warnings = diags.len() - errors;
        reports.push(FileReport {
            path: path.display().to_string(),
            errors,
            warnings,
            diagnostics: diags,
            languages: langs.iter().map(|l| l.code().to_owned()).collect(),
            shown_in,
        });
    }
    if args.format == Format::Human {
        for path in &courses.broken {
            let shown = crate::cli::safe::line(&path.display().to_string()).into_owned();
            eprintln!("{}: {shown}: {}", msg!("cli-note").text(lang), msg!("cli-check-course-not-loaded").text(lang));
        }
    }
    let errors: usize = reports.iter().map(|r| r.errors).sum();
    let warnings: usize = reports.iter().map(|r| r.warnings).sum();
    match args.format {
        Format::Json => {
            let json: Vec<JsonReport<'_>> = reports
                .iter()
                .map(|r| JsonReport {
                    path: &r.path,
                    errors: r.errors,
                    warnings: r.warnings,
                    diagnostics: r.diagnostics.iter().map(|d| d.rendered(lang)).collect(),
                    languages: &r.languages,
                    shown_in: r.shown_in.as_deref(),
                })
                .collect();
            println!("{}", serde_json::to_string_pretty(&json).expect("plain data serialises"));
        }
        Format::Human => {
            for r in &reports {
                if r.errors == 0 {
                    println!("{}", ok_line(&crate::cli::safe::line(&r.path), r.warnings, lang));
                }
            }
            if reports.is_empty() {
                eprintln!("{error}: {}", msg!("cli-check-no-files").text(lang));
            }
            println!("{}", summary_line(reports.len(), errors, warnings, lang));
        }
    }
    if errors > 0 || reports.is_empty() { ExitCode::FAILURE } else { ExitCode::SUCCESS }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| vars.iter().find(|(k, _)| *k == name).map(|(_, v)| (*v).to_owned())
    }

    #[test]
    fn language_follows_motivo_lang_then_the_locale() {
        assert_eq!(lang_from_env(env(&[])), Lang::En);
        assert_eq!(lang_from_env(env(&[("LANG", "fi_FI.UTF-8")])), Lang::Fi);
        assert_eq!(lang_from_env(env(&[("LANG", "C.UTF-8")])), Lang::En);
        assert_eq!(lang_from_env(env(&[("LANG", "fi_FI.UTF-8"), ("LC_ALL", "C")])), Lang::En);
        assert_eq!(lang_from_env(env(&[("LANG", "en_GB.UTF-8"), ("LC_MESSAGES", "fi_FI")])), Lang::Fi);
        assert_eq!(lang_from_env(env(&[("LANG", "fi_FI.UTF-8"), ("MOTIVO_LANG", "en")])), Lang::En);
        assert_eq!(lang_from_env(env(&[("LANG", "C"), ("MOTIVO_LANG", "fi")])), Lang::Fi);
        assert_eq!(lang_from_env(env(&[("LANG", "fi_FI.UTF-8"), ("MOTIVO_LANG", "")])), Lang::Fi);
        assert_eq!(lang_from_env(env(&[("LANG", "sv_FI.UTF-8")])), Lang::Sv);
        assert_eq!(lang_from_env(env(&[("LANG", "fi_FI.UTF-8"), ("MOTIVO_LANG", "sv")])), Lang::Sv);
        // A language the catalogue does not have: English.
        assert_eq!(lang_from_env(env(&[("LANG", "de_DE.UTF-8")])), Lang::En);
    }

    #[test]
    fn finnish_counts_agree_with_the_number() {
        assert_eq!(summary_line(1, 0, 1, Lang::Fi), "tarkistettiin 1 tiedosto: 0 virhettä, 1 varoitus");
        assert_eq!(summary_line(3, 2, 0, Lang::Fi), "tarkistettiin 3 tiedostoa: 2 virhettä, 0 varoitusta");
        assert_eq!(summary_line(3, 1, 2, Lang::En), "checked 3 file(s): 1 error(s), 2 warning(s)");
        assert_eq!(ok_line("a.ron", 2, Lang::Fi), "ok: a.ron (2 varoitusta)");
        assert_eq!(ok_line("a.ron", 1, Lang::En), "ok: a.ron (1 warning)");
    }
}
