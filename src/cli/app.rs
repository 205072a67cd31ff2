//! No subcommand: open the learner app.

use std::path::PathBuf;
use std::process::ExitCode;

use motivo_engine::Lang;

#[derive(clap::Args, Debug, Default)]
pub struct Args {
    /// Play `--script` in the app, save a screenshot to this PNG file and exit.
    #[arg(long, value_name = "OUT.png")]
    pub capture: Option<PathBuf>,
    /// Open this scenario: a bundled scenario's id, or a scenario file (FILE.ron) to open in trainer mode, where
    /// the app loads the file again whenever it is saved and records nothing.
    #[arg(long, value_name = "ID|FILE.ron")]
    pub scenario: Option<String>,
    /// Interface language (the code of an embedded language file or of one in an --i18n directory); it also
    /// sets the scenario language (the file's `content-lang`).
    #[arg(long, value_name = "CODE")]
    pub lang: Option<String>,
    /// A directory of extra interface language files (CODE.ftl); MOTIVO_I18N_DIR and <data dir>/i18n/ are read too.
    #[arg(long, value_name = "DIR")]
    pub i18n: Option<PathBuf>,
    /// Learner replies to play, one per line (as in `motivo play --script`).
    #[arg(long, value_name = "FILE")]
    pub script: Option<PathBuf>,
    /// Text size in percent (75–200), overriding the saved setting (capture mode shows large text with this).
    #[arg(long, value_name = "PERCENT", value_parser = parse_text_size)]
    pub text_size: Option<u32>,
    /// Turn high contrast on (overrides the saved setting).
    #[arg(long)]
    pub high_contrast: bool,
    /// Window size in logical pixels, e.g. 1024x768 (default 1280x800).
    #[arg(long, value_name = "WxH", value_parser = parse_window)]
    pub window: Option<(u32, u32)>,
}

fn parse_text_size(s: &str) -> Result<u32, String> {
    let pct = s.trim().trim_end_matches('%').trim().parse::<u32>().map_err(|_| format!("`{s}` is not a percentage"))?;
    if !(75..=200).contains(&pct) {
        return Err(format!("text size {pct} % is out of range (75–200 %)"));
    }
    Ok(pct)
}

fn parse_window(s: &str) -> Result<(u32, u32), String> {
    let bad = || format!("`{s}` is not a window size; use WIDTHxHEIGHT, e.g. 1024x768");
    let (w, h) = s.split_once(['x', 'X', '×']).ok_or_else(bad)?;
    let (w, h) = (w.trim().parse::<u32>().map_err(|_| bad())?, h.trim().parse::<u32>().map_err(|_| bad())?);
    if !(320..=8192).contains(&w) || !(240..=8192).contains(&h) {
        return Err(format!("window size {w}x{h} is out of range (320x240 to 8192x8192)"));
    }
    Ok((w, h))
}

pub fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::parse(s).ok_or_else(|| format!("unknown language `{s}`; use a language code such as fi, en or sv, or a name"))
}

#[cfg(feature = "app")]
pub fn run(args: Args) -> ExitCode {
    motivo_app::run(motivo_app::AppOptions {
        capture: args.capture,
        scenario: args.scenario,
        lang: args.lang,
        i18n: args.i18n,
        script: args.script,
        autoplay: None,
        text_size: args.text_size,
        high_contrast: args.high_contrast,
        window: args.window,
    })
}

#[cfg(not(feature = "app"))]
pub fn run(_args: Args) -> ExitCode {
    eprintln!("motivo: this build has no app (built with --no-default-features); see `motivo --help`");
    ExitCode::from(2)
}
