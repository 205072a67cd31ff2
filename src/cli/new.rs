//! `motivo new`: a minimal scenario (Finnish and English, commented) that checks clean with `--strict` and plays
//! to a good ending, with a test plan beside it.

use std::path::PathBuf;
use std::process::ExitCode;

use motivo_engine::Lang;

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
    let fi = lang == Lang::Fi;
    if !valid_id(&args.id) {
        eprintln!(
            "{}",
            if fi {
                format!(
                    "tunnus `{}` ei kelpaa: käytä pieniä kirjaimia a–z, numeroita ja väliviivaa (esim. `oma-resepti`)",
                    args.id
                )
            } else {
                format!(
                    "the id `{}` is not valid: use lowercase letters a–z, digits and `-` (e.g. `my-prescription`)",
                    args.id
                )
            }
        );
        return ExitCode::from(2);
    }
    if !valid_id(&args.module) {
        eprintln!(
            "{}",
            if fi {
                format!("moduulin tunnus `{}` ei kelpaa", args.module)
            } else {
                format!("the module id `{}` is not valid", args.module)
            }
        );
        return ExitCode::from(2);
    }
    let out = args.out.clone().unwrap_or_else(|| PathBuf::from(format!("{}.ron", args.id)));
    let stem = out.file_stem().and_then(|s| s.to_str()).unwrap_or(&args.id).to_owned();
    let plan_path = out.with_file_name(format!("{stem}.plan.ron"));
    let file_name = out.file_name().and_then(|s| s.to_str()).unwrap_or("scenario.ron").to_owned();
    for p in [&out, &plan_path] {
        if p.exists() && !args.force {
            eprintln!(
                "{}",
                if fi {
                    format!("{} on jo olemassa (korvaa se valitsimella --force)", p.display())
                } else {
                    format!("{} exists already (overwrite it with --force)", p.display())
                }
            );
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
    if fi {
        println!("Kirjoitettu {} ja sen testisuunnitelma {}.", out.display(), plan_path.display());
        println!(
            "Seuraavaksi: motivo check --strict {0}; motivo test {1}; motivo play {0}",
            out.display(),
            plan_path.display()
        );
    } else {
        println!("Wrote {} and its test plan {}.", out.display(), plan_path.display());
        println!(
            "Next: motivo check --strict {0}; motivo test {1}; motivo play {0}",
            out.display(),
            plan_path.display()
        );
    }
    ExitCode::SUCCESS
}
