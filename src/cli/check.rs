//! `motivo check`: load and validate scenario files, report like rustc.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label, Severity as CsSeverity};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::{
    self,
    termcolor::{ColorChoice, StandardStream},
};
use motivo_engine::load::MAX_FILE_BYTES;
use motivo_engine::{Diagnostic, Kind, Severity, ValidateOptions, load_scenario};
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
}

/// One checked file.
#[derive(Serialize)]
pub struct FileReport {
    pub path: String,
    pub errors: usize,
    pub warnings: usize,
    pub diagnostics: Vec<Diagnostic>,
}

fn collect(path: &Path, out: &mut Vec<PathBuf>, problems: &mut Vec<(PathBuf, String)>) {
    match std::fs::metadata(path) {
        Ok(m) if m.is_dir() => match std::fs::read_dir(path) {
            Ok(entries) => {
                let mut children: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
                children.sort();
                for c in children {
                    if c.is_dir() || c.extension().is_some_and(|e| e == "ron") {
                        collect(&c, out, problems);
                    }
                }
            }
            Err(e) => problems.push((path.to_owned(), format!("cannot read the folder: {e}"))),
        },
        Ok(_) => out.push(path.to_owned()),
        Err(e) => problems.push((path.to_owned(), format!("cannot open: {e}"))),
    }
}

/// Reads at most the size limit (plus one byte, to detect oversized files without reading them whole).
fn read_limited(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut buf = Vec::new();
    std::fs::File::open(path)?.take(MAX_FILE_BYTES as u64 + 1).read_to_end(&mut buf)?;
    Ok(buf)
}

/// Checks one file's bytes; `course.ron` files are checked as course files.
pub fn check_bytes(path: &Path, bytes: &[u8], options: &ValidateOptions) -> Vec<Diagnostic> {
    if path.file_name().is_some_and(|n| n == "course.ron") {
        crate::cli::progress::check_course(bytes)
    } else {
        load_scenario(bytes, options).diagnostics
    }
}

fn render(path: &Path, bytes: &[u8], diags: &[Diagnostic]) {
    let text = String::from_utf8_lossy(bytes);
    let file = SimpleFile::new(path.display().to_string(), text.as_ref());
    let writer = StandardStream::stderr(ColorChoice::Auto);
    let config = term::Config::default();
    for d in diags {
        let severity = match d.severity {
            Severity::Error => CsSeverity::Error,
            Severity::Warning => CsSeverity::Warning,
        };
        let mut label = Label::primary((), d.start..d.end.max(d.start));
        if let Some(l) = &d.label {
            label = label.with_message(l.clone());
        }
        let cs = CsDiagnostic::new(severity)
            .with_message(&d.message)
            .with_code(d.code)
            .with_labels(vec![label])
            .with_notes(d.notes.clone());
        let mut lock = writer.lock();
        if term::emit_to_write_style(&mut lock, &config, &file, &cs).is_err() {
            eprintln!(
                "{}:{}:{}: {:?}[{}]: {}",
                path.display(),
                d.location.line,
                d.location.column,
                d.severity,
                d.code,
                d.message
            );
        }
    }
}

pub fn run(args: Args) -> ExitCode {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for p in &args.paths {
        collect(p, &mut files, &mut problems);
    }
    let options = ValidateOptions { strict: args.strict };
    let mut reports = Vec::new();
    for (path, msg) in &problems {
        if args.format == Format::Human {
            eprintln!("error: {}: {msg}", path.display());
        }
        reports.push(FileReport { path: path.display().to_string(), errors: 1, warnings: 0, diagnostics: vec![] });
    }
    for path in &files {
        let bytes = match read_limited(path) {
            Ok(b) => b,
            Err(e) => {
                if args.format == Format::Human {
                    eprintln!("error: {}: cannot read: {e}", path.display());
                }
                reports.push(FileReport {
                    path: path.display().to_string(),
                    errors: 1,
                    warnings: 0,
                    diagnostics: vec![],
                });
                continue;
            }
        };
        let mut diags = check_bytes(path, &bytes, &options);
        if options.strict {
            for d in &mut diags {
                if d.kind == Kind::MissingTranslation {
                    d.severity = Severity::Error;
                }
            }
        }
        if args.format == Format::Human {
            render(path, &bytes, &diags);
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
                    println!("ok: {} ({} warning{})", r.path, r.warnings, if r.warnings == 1 { "" } else { "s" });
                }
            }
            if reports.is_empty() {
                eprintln!("error: no .ron files found");
            }
            println!("checked {} file(s): {errors} error(s), {warnings} warning(s)", reports.len());
        }
    }
    if errors > 0 || reports.is_empty() { ExitCode::FAILURE } else { ExitCode::SUCCESS }
}
