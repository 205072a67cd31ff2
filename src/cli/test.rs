//! `motivo test`: run test plans (expected plays) against scenarios and report what they covered; convert
//! `tests/scripts/` into plans.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use motivo_engine::analysis::plan::{Covered, PlanResult, coverage, parse_plans, plan_from_script, run_plan};
use motivo_engine::coder::Coder;
use motivo_engine::{Lang, Scenario, bundled, msg};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Plan files or folders of plans (`*.ron`, searched recursively). Default: tests/plans.
    #[arg(value_name = "FILE-OR-DIR")]
    pub paths: Vec<PathBuf>,
    /// Print the results and the coverage as JSON.
    #[arg(long)]
    pub json: bool,
    /// Convert the scripts in this folder (`<scenario>-<ending>[--label].txt`) into plans in `--out`.
    #[arg(long, value_name = "DIR")]
    pub from_scripts: Option<PathBuf>,
    /// Where converted plans are written (with --from-scripts).
    #[arg(long, value_name = "DIR", default_value = "tests/plans")]
    pub out: PathBuf,
    /// Language of the messages and texts: any code or name (fi, en, sv…; default: MOTIVO_LANG, then the locale).
    #[arg(long, value_parser = crate::cli::app::parse_lang)]
    pub lang: Option<Lang>,
}

fn collect(path: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(path)?.filter_map(|e| e.ok().map(|e| e.path())).collect();
        entries.sort();
        for p in entries {
            if p.is_dir() || p.extension().is_some_and(|x| x == "ron") {
                collect(&p, out)?;
            }
        }
    } else {
        std::fs::metadata(path)?;
        out.push(path.to_owned());
    }
    Ok(())
}

fn convert(dir: &Path, out: &Path, lang: Lang) -> ExitCode {
    let ids: Vec<String> = bundled::scenarios().into_iter().filter_map(Result::ok).map(|s| s.id).collect();
    let mut files: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(r) => {
            r.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|x| x == "txt")).collect()
        }
        Err(e) => {
            eprintln!("{}: {e}", dir.display());
            return ExitCode::from(2);
        }
    };
    files.sort();
    if let Err(e) = std::fs::create_dir_all(out) {
        eprintln!("{}: {e}", out.display());
        return ExitCode::from(2);
    }
    let mut n = 0;
    for f in &files {
        let stem = f.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
        let base = stem.split("--").next().unwrap_or(stem);
        // The longest bundled id that prefixes the name.
        let Some(id) = ids.iter().filter(|id| base.starts_with(&format!("{id}-"))).max_by_key(|id| id.len()) else {
            eprintln!("{}: {}", f.display(), msg!("cli-test-not-bundled-name").text(lang));
            return ExitCode::from(2);
        };
        let ending = &base[id.len() + 1..];
        let text = match std::fs::read_to_string(f) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("{}: {e}", f.display());
                return ExitCode::from(2);
            }
        };
        let target = out.join(format!("{stem}.ron"));
        if let Err(e) = std::fs::write(
            &target,
            plan_from_script(id, ending, &text, &motivo_engine::analysis::plan::script_langs(stem)),
        ) {
            eprintln!("{}: {e}", target.display());
            return ExitCode::from(2);
        }
        n += 1;
    }
    println!("{}", msg!("cli-test-wrote-plans", n, dir = out.display().to_string()).text(lang));
    ExitCode::SUCCESS
}

fn load_scenario(
    spec: &str,
    plan_file: &Path,
    lang: Lang,
    cache: &mut BTreeMap<String, Arc<Scenario>>,
) -> Result<Arc<Scenario>, String> {
    let candidate = plan_file.parent().unwrap_or(Path::new(".")).join(spec);
    let key =
        if spec.ends_with(".ron") && candidate.is_file() { candidate.display().to_string() } else { spec.to_owned() };
    if let Some(s) = cache.get(&key) {
        return Ok(s.clone());
    }
    let s = Arc::new(crate::cli::play::resolve(&key, lang)?);
    cache.insert(key, s.clone());
    Ok(s)
}

pub fn run(args: Args) -> ExitCode {
    let lang = args.lang.unwrap_or_else(|| crate::cli::check::lang_from_env(|n| std::env::var(n).ok()));
    if let Some(dir) = &args.from_scripts {
        return convert(dir, &args.out, lang);
    }
    let roots = if args.paths.is_empty() { vec![PathBuf::from("tests/plans")] } else { args.paths.clone() };
    let mut files = Vec::new();
    for r in &roots {
        if let Err(e) = collect(r, &mut files) {
            eprintln!("{}: {e}", r.display());
            return ExitCode::from(2);
        }
    }
    let coder = match Coder::bundled() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("coder: {e:?}");
            return ExitCode::from(2);
        }
    };
    let mut cache: BTreeMap<String, Arc<Scenario>> = BTreeMap::new();
    let mut results: Vec<PlanResult> = Vec::new();
    let mut errors: Vec<String> = Vec::new();
    let mut covered: BTreeMap<String, (Arc<Scenario>, Covered)> = BTreeMap::new();
    for f in &files {
        let text = match std::fs::read_to_string(f) {
            Ok(t) => t,
            Err(e) => {
                errors.push(format!("{}: {e}", f.display()));
                continue;
            }
        };
        let plans = match parse_plans(&text) {
            Ok(p) => p,
            Err(e) => {
                errors.push(format!("{}:{e}", f.display()));
                continue;
            }
        };
        for (i, plan) in plans.iter().enumerate() {
            let name = plan.name.clone().unwrap_or_else(|| {
                if plans.len() == 1 {
                    f.display().to_string()
                } else {
                    format!("{} #{} ({})", f.display(), i + 1, plan.lang)
                }
            });
            let sc = match load_scenario(&plan.scenario, f, lang, &mut cache) {
                Ok(s) => s,
                Err(e) => {
                    errors.push(format!("{name}: {e}"));
                    continue;
                }
            };
            crate::cli::play::notice_fallback("motivo test", &sc, plan.lang);
            let r = run_plan(&sc, plan, &name, &coder);
            covered.entry(sc.id.clone()).or_insert_with(|| (sc.clone(), Covered::default())).1.extend(&r.covered);
            results.push(r);
        }
    }
    let cov: Vec<_> = covered.values().map(|(sc, c)| coverage(sc, c)).collect();
    let failed = results.iter().filter(|r| !r.ok).count();
    if args.json {
        let v = serde_json::json!({ "plans": results, "errors": errors, "coverage": cov, "failed": failed });
        println!("{}", serde_json::to_string_pretty(&v).unwrap_or_default());
    } else {
        for r in &results {
            if r.ok {
                println!("ok    {}", r.name);
            } else {
                println!("FAIL  {}", r.name);
                for f in &r.failures {
                    match f.turn {
                        Some(t) => {
                            println!("      {}", msg!("cli-test-reply-failure", t, failure = f.text(lang)).text(lang))
                        }
                        None => println!("      {}", f.text(lang)),
                    }
                }
            }
        }
        for e in &errors {
            println!("ERROR {e}");
        }
        println!();
        println!("{}", msg!("cli-test-coverage").text(lang));
        for c in &cov {
            println!(
                "  {}: {} {}/{}, {} {}/{}, {} {}/{}, {} {}/{}",
                c.scenario,
                msg!("cli-test-nodes").text(lang),
                c.nodes.0,
                c.nodes.1,
                msg!("cli-test-options").text(lang),
                c.options.0,
                c.options.1,
                msg!("cli-test-typed-routes").text(lang),
                c.routes.0,
                c.routes.1,
                msg!("cli-test-endings").text(lang),
                c.endings.0,
                c.endings.1
            );
            if !c.missed_endings.is_empty() {
                println!("    {}: {}", msg!("cli-test-endings-not-tested").text(lang), c.missed_endings.join(", "));
            }
        }
        println!();
        println!("{}", msg!("cli-test-summary", plans = results.len(), failed, errors = errors.len()).text(lang));
    }
    if failed > 0 || !errors.is_empty() || results.is_empty() { ExitCode::from(1) } else { ExitCode::SUCCESS }
}
