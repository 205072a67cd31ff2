//! `motivo list`: the bundled scenarios.

use std::process::ExitCode;

use motivo_engine::{Lang, bundled};
use serde::Serialize;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
}

#[derive(Serialize)]
struct Entry {
    id: String,
    version: u32,
    module: String,
    /// 1 willing, 2 ambivalent, 3 discordant or in crisis.
    difficulty: u8,
    /// The languages every text of the scenario is written in.
    languages: Vec<String>,
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
                languages: Lang::ALL
                    .iter()
                    .filter(|l| s.title.get_exact(**l).is_some() && s.summary.get_exact(**l).is_some())
                    .map(|l| l.code().to_owned())
                    .collect(),
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
    if args.json {
        println!("{}", serde_json::to_string_pretty(&entries).expect("plain data serialises"));
    } else {
        let w = entries.iter().map(|e| e.id.len()).max().unwrap_or(2).max(2);
        let m = entries.iter().map(|e| e.module.len()).max().unwrap_or(6).max(6);
        println!("{:w$}  {:m$}  LEVEL  TITLE (fi / en)", "ID", "MODULE");
        for e in &entries {
            println!("{:w$}  {:m$}  {:5}  {} / {}", e.id, e.module, e.difficulty, e.title_fi, e.title_en);
        }
    }
    if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS }
}
