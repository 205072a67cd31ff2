//! `motivo paths`: explore every option path of a scenario (bounded) and warn about MI problems in its design.

use std::process::ExitCode;
use std::sync::Arc;

use motivo_engine::analysis::paths::{PathStep, PathsOptions, PathsReport, explore};
use motivo_engine::{Lang, msg};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// A bundled scenario id (see `motivo list`) or a scenario file.
    #[arg(value_name = "ID-OR-FILE")]
    pub scenario: String,
    /// Print the report as JSON (both languages).
    #[arg(long)]
    pub json: bool,
    /// Score at most this many complete paths (beyond it a uniform sample of this size is scored).
    #[arg(long, default_value_t = 2000)]
    pub max_paths: usize,
    /// Explore at most this many distinct conversation states (fewer for very large scenarios, to stay under
    /// about 256 MB).
    #[arg(long, default_value_t = 300_000)]
    pub max_states: usize,
    /// Warn about a passing path, or an MI-consistent path to a good ending, with fewer MI-consistent replies
    /// than this (default: the scenario's `min_consistent`, else by difficulty: 3, 4, 5).
    #[arg(long)]
    pub min_consistent: Option<u32>,
    /// The session seed (client-line variants depend on it).
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Skip the validity numbers (constant and random pickers).
    #[arg(long)]
    pub no_validity: bool,
    /// Language of the messages and texts: any code or name (fi, en, sv…; default: MOTIVO_LANG, then the locale).
    #[arg(long, value_parser = crate::cli::app::parse_lang)]
    pub lang: Option<Lang>,
}

pub fn run(args: Args) -> ExitCode {
    let lang = args.lang.unwrap_or_else(|| crate::cli::check::lang_from_env(|n| std::env::var(n).ok()));
    let scenario = match crate::cli::play::resolve(&args.scenario, lang) {
        Ok(s) => Arc::new(s),
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    crate::cli::play::notice_fallback("motivo paths", &scenario, lang);
    let opts = PathsOptions {
        seed: args.seed,
        max_paths: args.max_paths.max(1),
        max_states: args.max_states.max(1),
        min_consistent: args.min_consistent,
        validity: !args.no_validity,
    };
    let report = explore(&scenario, &opts);
    if args.json {
        match serde_json::to_string_pretty(&report) {
            Ok(s) => println!("{s}"),
            Err(e) => {
                eprintln!("{e}");
                return ExitCode::from(2);
            }
        }
    } else {
        print!("{}", human(&report, lang));
    }
    ExitCode::SUCCESS
}

pub fn path_text(p: &[PathStep]) -> String {
    p.iter().map(|s| format!("@{}", s.option)).collect::<Vec<_>>().join(" ")
}

fn count(n: u64) -> String {
    if n == u64::MAX { "≥ 1.8e19".into() } else { n.to_string() }
}

pub fn human(r: &PathsReport, lang: Lang) -> String {
    use std::fmt::Write;
    let t = |m: motivo_engine::i18n::Msg| m.text(lang);
    let mut o = String::new();
    let (scenario, states, depth) = (&r.scenario, r.states, r.depth_bound);
    let head = if r.truncated {
        msg!("cli-paths-explored-truncated", scenario, states, depth)
    } else {
        msg!("cli-paths-explored", scenario, states, depth)
    };
    let _ = writeln!(o, "{}", t(head));
    let scored = r.scored_paths;
    let _ = writeln!(
        o,
        "{}",
        t(if r.exhaustive { msg!("cli-paths-scored-all", scored) } else { msg!("cli-paths-scored-sample", scored) })
    );
    let _ = writeln!(o);
    let _ = writeln!(o, "{}", t(msg!("cli-paths-endings")));
    for e in &r.endings {
        let lvl = |l: Option<motivo_engine::scoring::Level>| l.map_or("–".to_owned(), |l| l.name(lang));
        let sc = |s: Option<f32>| s.map_or("–".to_owned(), |s| format!("{s:.1}"));
        let _ = writeln!(
            o,
            "  {} ({}{}): {} {}; {} {} / {}; {} {} / {}; {} {}/{}",
            e.id,
            e.outcome.name(),
            if e.good { t(msg!("cli-paths-good")) } else { String::new() },
            count(e.paths),
            t(msg!("cli-paths-paths")),
            t(msg!("cli-paths-miti-best-worst")),
            lvl(e.best_level),
            lvl(e.worst_level),
            t(msg!("cli-paths-reply-score")),
            sc(e.best_score),
            sc(e.worst_score),
            t(msg!("cli-paths-passed")),
            e.passed,
            e.scored
        );
        if e.paths == 0 && r.truncated && e.option_chain {
            let _ = writeln!(o, "    {}", t(msg!("cli-paths-not-reached")));
        }
        if let Some(p) = &e.shortest_mi_consistent {
            let _ = writeln!(o, "    {}: {}", t(msg!("cli-paths-shortest-mi")), path_text(p));
        } else if e.good && e.paths > 0 {
            let _ = writeln!(o, "    {}", t(msg!("cli-paths-no-mi-path")));
        }
    }
    if !r.dead_ends.is_empty() {
        let _ = writeln!(o, "{} {}", t(msg!("cli-paths-dead-ends")), r.dead_ends.join(", "));
    }
    if r.depth_cut > 0 {
        let _ = writeln!(o, "{} {}", t(msg!("cli-paths-depth-cut")), r.depth_cut);
    }
    if !r.loops.is_empty() {
        let _ = writeln!(o, "{}", t(msg!("cli-paths-loops")));
        for l in &r.loops {
            let _ = writeln!(o, "  {} @{} → {}", l.from, l.option, l.to);
        }
    }
    let _ = writeln!(o);
    if r.warnings.is_empty() {
        let _ = writeln!(o, "{}", t(msg!("cli-paths-no-warnings")));
    } else {
        let _ = writeln!(o, "{} ({}):", t(msg!("cli-paths-warnings")), r.warnings.len());
        for w in &r.warnings {
            let _ = writeln!(o, "  - {}", w.text(lang));
            if !w.path.is_empty() {
                let _ = writeln!(o, "    {}: {}", t(msg!("cli-paths-path")), path_text(&w.path));
            }
        }
    }
    if let Some(v) = &r.validity {
        let passes: u32 = v.constant.iter().sum();
        let _ = writeln!(o);
        let message = msg!(
            "cli-paths-validity",
            passes,
            plays = v.constant_plays,
            per_k = format!("{:?}", v.constant),
            random_passes = v.random_passes,
            random_plays = v.random_plays,
        );
        let _ = writeln!(o, "{}", t(message));
    }
    o
}
