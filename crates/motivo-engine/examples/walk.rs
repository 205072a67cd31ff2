//! Plays scripted conversations and checks which ending each reaches.
//!
//! ```text
//! cargo run -p motivo-engine --example walk -- [--seed N] [--lang fi|en] [-v] SCENARIO.ron... SCRIPT.txt...
//! ```
//!
//! A script is named `<scenario-id>-<ending-id>.txt`; it is played on the scenario whose id its name starts
//! with, and passes when the conversation ends at `<ending-id>`. Script lines: a number picks that option
//! (1-based), `#` starts a comment, blank lines are ignored. `-v` prints the conversation, `-r` a summary of the
//! MI report (MITI summary scores, client outcome, ethics findings).
use std::sync::Arc;

use motivo_engine::model::Node;
use motivo_engine::{Lang, Report, Scenario, Session, ValidateOptions, load_scenario};

fn main() {
    let mut seed = 1u64;
    let mut lang = Lang::Fi;
    let mut verbose = false;
    let mut report = false;
    let mut scenarios: Vec<Arc<Scenario>> = Vec::new();
    let mut scripts: Vec<String> = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--seed" => seed = args.next().and_then(|s| s.parse().ok()).expect("--seed N"),
            "--lang" => lang = args.next().and_then(|s| Lang::parse(&s)).expect("--lang fi|en"),
            "-v" => verbose = true,
            "-r" => report = true,
            p if p.ends_with(".ron") => {
                let bytes = std::fs::read(p).unwrap_or_else(|e| panic!("{p}: {e}"));
                let loaded = load_scenario(&bytes, &ValidateOptions::default());
                match loaded.ok() {
                    Some(s) => scenarios.push(Arc::new(s)),
                    None => eprintln!("{p}: skipped: not a scenario that loads without errors"),
                }
            }
            p => scripts.push(p.to_owned()),
        }
    }
    let mut failed = 0;
    for path in &scripts {
        let stem = std::path::Path::new(path).file_stem().and_then(|s| s.to_str()).unwrap_or("").to_owned();
        let Some(scenario) =
            scenarios.iter().filter(|s| stem.starts_with(&format!("{}-", s.id))).max_by_key(|s| s.id.len())
        else {
            println!("{path}: FAIL no scenario id is a prefix of the file name");
            failed += 1;
            continue;
        };
        let expected = &stem[scenario.id.len() + 1..];
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let mut session = Session::start(scenario.clone(), seed, lang);
        let mut problem = None;
        for (no, line) in text.lines().enumerate() {
            let t = line.trim();
            if t.is_empty() || t.starts_with('#') || session.is_finished() {
                continue;
            }
            let Ok(n) = t.parse::<usize>() else {
                problem = Some(format!("line {}: `{t}` is not an option number", no + 1));
                break;
            };
            if verbose {
                let v = session.view();
                println!("  [{}] {:?}: {}", v.node.id(), v.line.talk, v.line.text.get(lang));
                if let Some(o) = v.options.get(n.wrapping_sub(1)) {
                    println!("      > {n}. {} {:?}", o.text.get(lang), o.codes);
                }
            }
            match session.choose(n.wrapping_sub(1)) {
                Ok(r) => {
                    if verbose {
                        let a = r.after;
                        println!(
                            "      imp {:.2} conf {:.2} disc {:.2} mom {:.2}",
                            a.importance, a.confidence, a.discord, a.momentum
                        );
                    }
                }
                Err(e) => {
                    problem = Some(format!("line {}: {e}", no + 1));
                    break;
                }
            }
        }
        if verbose && let Some(e) = session.ending() {
            let line = session.view().line;
            println!("  [{}] {:?}: {}", e.id, line.talk, line.text.get(lang));
        }
        if report {
            let r = Report::of(&session);
            let m = &r.miti;
            let g = m.globals;
            let c = &r.client;
            let scores: Vec<String> = r.turns.iter().map(|t| format!("{:.2}", t.score)).collect();
            println!(
                "  scores [{}]\n  R:Q {:?} %CR {:?} MIA {} MINA {} | CCT {} SST {} P {} E {} | tech {} rel {} | level {:?}",
                scores.join(" "),
                m.r_q,
                m.pct_cr,
                m.mia,
                m.mina,
                g.cct,
                g.sst,
                g.partnership,
                g.empathy,
                m.technical,
                m.relational,
                m.level
            );
            println!(
                "  CT {} ST {} %CT {:?} (halves {:?} / {:?}) mobilising {} discord events {} | ethics {:?}",
                c.change_talk,
                c.sustain_talk,
                c.change_talk_pct,
                c.change_talk_pct_first_half,
                c.change_talk_pct_second_half,
                c.mobilising_talk,
                c.discord_events,
                r.ethics.iter().map(|e| e.kind).collect::<Vec<_>>()
            );
        }
        let reached = match session.scenario().node(&session.state().current.node) {
            Some(Node::Ending(e)) => Some(e.id.clone()),
            _ => None,
        };
        match (problem, reached) {
            (Some(p), _) => {
                println!("{path}: FAIL {p}");
                failed += 1;
            }
            (None, Some(id)) if id == expected => println!("{path}: ok ({id})"),
            (None, got) => {
                println!("{path}: FAIL expected ending `{expected}`, got {got:?}");
                failed += 1;
            }
        }
    }
    std::process::exit(i32::from(failed > 0));
}
