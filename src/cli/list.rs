//! `motivo list`: the bundled scenarios.

use std::io::Write;
use std::process::ExitCode;

use motivo_engine::model::Text;
use motivo_engine::{Lang, bundled};
use serde::Serialize;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
    /// Language of the titles in the table (any code or name: fi, en, sv, svenska…). A scenario not written in
    /// it shows its Finnish title. Default: from the environment, as for `motivo check`.
    #[arg(long, value_parser = crate::cli::app::parse_lang)]
    pub lang: Option<Lang>,
}

#[derive(Serialize)]
struct Entry {
    id: String,
    version: u32,
    module: String,
    /// 1 willing, 2 ambivalent, 3 discordant or in crisis.
    difficulty: u8,
    /// The languages the scenario is written in (`languages:` in the file, else those its texts use).
    languages: Vec<String>,
    /// The title in every language it is written in.
    title: Text,
    title_fi: String,
    title_en: String,
    persona: String,
}

pub fn run(args: Args) -> ExitCode {
    let mut entries = Vec::new();
    let mut failed = false;
    for s in bundled::scenarios() {
        match s {
            Ok(s) => entries.push(Entry {
                id: s.id.clone(),
                version: s.version,
                module: s.module.clone(),
                difficulty: s.difficulty,
                languages: s.languages().iter().map(|l| l.code().to_owned()).collect(),
                title: s.title.clone(),
                title_fi: s.title.get(Lang::Fi).to_owned(),
                title_en: s.title.get(Lang::En).to_owned(),
                persona: format!("{}, {}", s.persona.name, s.persona.age),
            }),
            Err(e) => {
                eprintln!("motivo list: a bundled scenario does not load: {e}");
                failed = true;
            }
        }
    }
    // A closed pipe (`motivo list | head`) ends the output quietly.
    let mut out = std::io::stdout().lock();
    if args.json {
        let _ = writeln!(out, "{}", serde_json::to_string_pretty(&entries).expect("plain data serialises"));
    } else {
        let w = entries.iter().map(|e| e.id.len()).max().unwrap_or(2).max(2);
        let m = entries.iter().map(|e| e.module.len()).max().unwrap_or(6).max(6);
        let lang = args.lang.unwrap_or_else(|| crate::cli::locale::lang_from_env(|n| std::env::var(n).ok()));
        let l = entries.iter().map(|e| e.languages.join(",").len()).max().unwrap_or(9).max(9);
        let _ = writeln!(out, "{:w$}  {:m$}  LEVEL  {:l$}  TITLE ({lang})", "ID", "MODULE", "LANGUAGES");
        for e in &entries {
            let (langs, title) = (e.languages.join(","), crate::cli::safe::line(e.title.get(lang)));
            if writeln!(out, "{:w$}  {:m$}  {:5}  {langs:l$}  {title}", e.id, e.module, e.difficulty).is_err() {
                break;
            }
        }
    }
    if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS }
}
