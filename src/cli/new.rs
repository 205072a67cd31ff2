//! `motivo new`: a minimal scenario (Finnish and English, commented) that checks clean with `--strict` and plays
//! to a good ending, with a test plan beside it.

use std::path::PathBuf;
use std::process::ExitCode;

use motivo_engine::{Lang, msg};

const TEMPLATE: &str = include_str!("templates/new.ron");
const PLAN: &str = include_str!("templates/new-plan.ron");

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The new scenario's id: lowercase letters, digits and `-`.
    pub id: String,
    /// The course module it belongs to (see scenarios/course.ron).
    #[arg(long, default_value = "counselling")]
    pub module: String,
    /// The scenario file to write (default: ID.ron). Its test plan goes beside it as ID.plan.ron.
    #[arg(short, long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Overwrite existing files.
    #[arg(long)]
    pub force: bool,
    /// Language of the messages: any code or name (fi, en, sv…; default: MOTIVO_LANG, then the locale).
    #[arg(long, value_parser = crate::cli::app::parse_lang)]
    pub lang: Option<Lang>,
}

fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !id.starts_with('-')
        && !id.ends_with('-')
}

/// The scenario text and its plan text for `id` in `module`, the scenario written to `file` and the plan to `plan`.
pub fn render(id: &str, module: &str, file: &str, plan: &str, scenario_for_plan: &str) -> (String, String) {
    let s = TEMPLATE
        .replace("__ID__", id)
        .replace("__MODULE__", module)
        .replace("__FILE__", file)
        .replace("__PLAN__", plan);
    let p = PLAN.replace("__ID__", id).replace("__SCENARIO_FILE__", scenario_for_plan).replace("__PLAN__", plan);
    (s, p)
}

pub fn run(args: Args) -> ExitCode {
    let lang = args.lang.unwrap_or_else(|| crate::cli::check::lang_from_env(|n| std::env::var(n).ok()));
    if !valid_id(&args.id) {
        eprintln!("{}", msg!("cli-new-bad-id", id = &args.id).text(lang));
        return ExitCode::from(2);
    }
    if !valid_id(&args.module) {
        eprintln!("{}", msg!("cli-new-bad-module", id = &args.module).text(lang));
        return ExitCode::from(2);
    }
    let out = args.out.clone().unwrap_or_else(|| PathBuf::from(format!("{}.ron", args.id)));
    let stem = out.file_stem().and_then(|s| s.to_str()).unwrap_or(&args.id).to_owned();
    let plan_path = out.with_file_name(format!("{stem}.plan.ron"));
    let file_name = out.file_name().and_then(|s| s.to_str()).unwrap_or("scenario.ron").to_owned();
    for p in [&out, &plan_path] {
        if p.exists() && !args.force {
            eprintln!("{}", msg!("cli-new-exists", path = p.display().to_string()).text(lang));
            return ExitCode::from(2);
        }
    }
    let (scenario, plan) =
        render(&args.id, &args.module, &out.display().to_string(), &plan_path.display().to_string(), &file_name);
    for (p, text) in [(&out, scenario), (&plan_path, plan)] {
        if let Err(e) = std::fs::write(p, text) {
            eprintln!("{}: {e}", p.display());
            return ExitCode::from(2);
        }
    }
    let (file, plan) = (out.display().to_string(), plan_path.display().to_string());
    println!("{}", msg!("cli-new-wrote", file, plan).text(lang));
    println!("{}", msg!("cli-new-next", file, plan).text(lang));
    ExitCode::SUCCESS
}
