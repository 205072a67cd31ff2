//! `motivo check`: load and validate scenario files, report like rustc, in Finnish or English.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label, Severity as CsSeverity};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::{
    self,
    termcolor::{BufferWriter, ColorChoice},
};
use motivo_engine::load::MAX_FILE_BYTES;
use motivo_engine::{Diagnostic, Kind, Lang, Severity, ValidateOptions, load_scenario};
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
    /// Language of the messages: fi or en. Default: Finnish when `MOTIVO_LANG` is set and starts with `fi`, or
    /// (when `MOTIVO_LANG` is not set) when the locale (`LC_ALL`, then `LC_MESSAGES`, then `LANG`) does; else
    /// English. JSON output always has both languages.
    #[arg(long, value_parser = crate::cli::app::parse_lang)]
    pub lang: Option<Lang>,
}

pub use crate::cli::locale::lang_from_env;

/// The program's own words (the engine's diagnostics carry both languages themselves).
struct Words {
    error: &'static str,
    not_a_file: &'static str,
    internal: &'static str,
    cannot_read_folder: &'static str,
    cannot_open: &'static str,
    cannot_read: &'static str,
    no_files: &'static str,
}

const FI: Words = Words {
    error: "virhe",
    not_a_file: "ei ole tavallinen tiedosto (esim. putki tai laite); sitä ei lueta",
    internal: "sisäinen virhe tämän tiedoston tarkistuksessa (ohjelmavirhe; ilmoitathan siitä)",
    cannot_read_folder: "kansiota ei voi lukea",
    cannot_open: "ei voi avata",
    cannot_read: "ei voi lukea",
    no_files: ".ron-tiedostoja ei löytynyt",
};

const EN: Words = Words {
    error: "error",
    not_a_file: "not a regular file (e.g. a pipe or a device); it is not read",
    internal: "internal error while checking this file (a bug; please report it)",
    cannot_read_folder: "cannot read the folder",
    cannot_open: "cannot open",
    cannot_read: "cannot read",
    no_files: "no .ron files found",
};

fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Fi => &FI,
        Lang::En | Lang::Sv => &EN,
    }
}

/// `n` and a Finnish noun: the nominative after 1, the partitive after any other number ("1 virhe", "2 virhettä").
fn count_fi(n: usize, one: &str, other: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { other })
}

/// `ok: PATH (N warnings)`.
fn ok_line(path: &str, warnings: usize, lang: Lang) -> String {
    match lang {
        Lang::Fi => format!("ok: {path} ({})", count_fi(warnings, "varoitus", "varoitusta")),
        Lang::En | Lang::Sv => format!("ok: {path} ({warnings} warning{})", if warnings == 1 { "" } else { "s" }),
    }
}

/// The last line: how many files, errors and warnings.
fn summary_line(files: usize, errors: usize, warnings: usize, lang: Lang) -> String {
    match lang {
        Lang::Fi => format!(
            "tarkistettiin {}: {}, {}",
            count_fi(files, "tiedosto", "tiedostoa"),
            count_fi(errors, "virhe", "virhettä"),
            count_fi(warnings, "varoitus", "varoitusta")
        ),
        Lang::En | Lang::Sv => format!("checked {files} file(s): {errors} error(s), {warnings} warning(s)"),
    }
}

/// The severity in the header line `error[M008]: …` in the language of the messages.
fn severity_word(severity: Severity, lang: Lang) -> &'static str {
    match (severity, lang) {
        (Severity::Error, Lang::En | Lang::Sv) => "error",
        (Severity::Warning, Lang::En | Lang::Sv) => "warning",
        (Severity::Error, Lang::Fi) => "virhe",
        (Severity::Warning, Lang::Fi) => "varoitus",
    }
}

/// One checked file.
#[derive(Serialize)]
pub struct FileReport {
    pub path: String,
    pub errors: usize,
    pub warnings: usize,
    pub diagnostics: Vec<Diagnostic>,
}

/// The files to check, each once: folders are searched recursively, every file and folder is taken by its
/// canonical path (so a symlink loop or two names for one file check it once), and anything that is not a regular
/// file (a FIFO, a device, a socket) is refused without opening it.
struct Collect<'w> {
    files: Vec<PathBuf>,
    /// A path that could not be checked: what went wrong (a field of [`Words`]) and the system's error.
    problems: Vec<(PathBuf, What, String)>,
    seen: std::collections::HashSet<PathBuf>,
    w: &'w Words,
}

/// Which of the [`Words`] describes a problem.
type What = fn(&Words) -> &'static str;

/// A problem with a path as a diagnostic at 1:1, in both languages, so JSON output carries it too.
fn problem_diagnostic(what: What, err: &str) -> Diagnostic {
    let with = |w: &Words| if err.is_empty() { what(w).to_owned() } else { format!("{}: {err}", what(w)) };
    let message = motivo_engine::diag::Tr::new(with(&EN), with(&FI));
    motivo_engine::diag::Source::new("").diagnostic(Severity::Error, Kind::NotText, message, 0, 0)
}

impl Collect<'_> {
    fn add(&mut self, path: &Path) {
        let _ = self.w;
        let meta = match std::fs::metadata(path) {
            Ok(m) => m,
            Err(e) => return self.problems.push((path.to_owned(), |w| w.cannot_open, e.to_string())),
        };
        let canonical = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
        if !self.seen.insert(canonical) {
            return;
        }
        if meta.is_dir() {
            match std::fs::read_dir(path) {
                Ok(entries) => {
                    let mut children: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
                    children.sort();
                    for c in children {
                        if c.is_dir() || c.extension().is_some_and(|e| e == "ron") {
                            self.add(&c);
                        }
                    }
                }
                Err(e) => self.problems.push((path.to_owned(), |w| w.cannot_read_folder, e.to_string())),
            }
        } else if meta.is_file() {
            self.files.push(path.to_owned());
        } else {
            self.problems.push((path.to_owned(), |w| w.not_a_file, String::new()));
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

/// Checks one file's bytes; `course.ron` files are checked as course files.
pub fn check_bytes(path: &Path, bytes: &[u8], options: &ValidateOptions) -> Vec<Diagnostic> {
    if path.file_name().is_some_and(|n| n == "course.ron") {
        crate::cli::progress::check_course(bytes)
    } else {
        load_scenario(bytes, options).diagnostics
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
        crate::cli::safe::line(d.message_in(lang))
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
            label = label.with_message(crate::cli::safe::line(l));
        }
        let notes = d.notes_in(lang).iter().map(|n| crate::cli::safe::text(n).into_owned()).collect();
        let cs = CsDiagnostic::new(severity)
            .with_message(crate::cli::safe::line(d.message_in(lang)))
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
            Some(match lang {
                Lang::En | Lang::Sv => out,
                Lang::Fi => {
                    let (head, rest) = out.split_once('\n').unwrap_or((&out, ""));
                    let en = format!("{}[", severity_word(d.severity, Lang::En));
                    let fi = format!("{}[", severity_word(d.severity, Lang::Fi));
                    format!("{}\n{rest}", head.replacen(&en, &fi, 1))
                }
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
    let w = words(lang);
    let mut collected = Collect { files: Vec::new(), problems: Vec::new(), seen: Default::default(), w };
    for p in &args.paths {
        collected.add(p);
    }
    let Collect { files, problems, .. } = collected;
    let options = ValidateOptions { strict: args.strict };
    let mut reports = Vec::new();
    for (path, what, err) in &problems {
        let d = problem_diagnostic(*what, err);
        if args.format == Format::Human {
            let shown = crate::cli::safe::line(&path.display().to_string()).into_owned();
            eprintln!("{}: {shown}: {}", w.error, crate::cli::safe::line(d.message_in(lang)));
        }
        reports.push(FileReport { path: path.display().to_string(), errors: 1, warnings: 0, diagnostics: vec![d] });
    }
    for path in &files {
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
                });
                continue;
            }
            Err(e) => {
                let d = problem_diagnostic(|w| w.cannot_read, &e.to_string());
                if args.format == Format::Human {
                    eprintln!("{}: {shown}: {}", w.error, crate::cli::safe::line(d.message_in(lang)));
                }
                reports.push(FileReport {
                    path: path.display().to_string(),
                    errors: 1,
                    warnings: 0,
                    diagnostics: vec![d],
                });
                continue;
            }
        };
        // A bug in the checker must not stop the other files (nor the JSON for all of them).
        let checked = std::panic::catch_unwind(|| check_bytes(path, &bytes, &options));
        let Ok(mut diags) = checked else {
            let d = problem_diagnostic(|w| w.internal, "");
            if args.format == Format::Human {
                eprintln!("{}: {shown}: {}", w.error, d.message_in(lang));
            }
            reports.push(FileReport { path: path.display().to_string(), errors: 1, warnings: 0, diagnostics: vec![d] });
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
        let errors = diags.iter().filter(|d| d.is_error()).count();
        let warnings = diags.len() - errors;
        reports.push(FileReport { path: path.display().to_string(), errors, warnings, diagnostics: diags });
    }
    let errors: usize = reports.iter().map(|r| r.errors).sum();
    let warnings: usize = reports.iter().map(|r| r.warnings).sum();
    match args.format {
        Format::Json => {
            println!("{}", serde_json::to_string_pretty(&reports).expect("plain data serialises"));
        }
        Format::Human => {
            for r in &reports {
                if r.errors == 0 {
                    println!("{}", ok_line(&crate::cli::safe::line(&r.path), r.warnings, lang));
                }
            }
            if reports.is_empty() {
                eprintln!("{}: {}", w.error, w.no_files);
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
