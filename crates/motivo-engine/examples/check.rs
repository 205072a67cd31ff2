//! A bare checker for engine development: `cargo run -p motivo-engine --example check -- FILE...`.
//! Trainers use `motivo check`, which renders the same diagnostics with source snippets.
use motivo_engine::{ValidateOptions, load_scenario};

fn main() {
    let mut failed = false;
    for path in std::env::args().skip(1) {
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("{path}: {e}");
                failed = true;
                continue;
            }
        };
        let loaded = load_scenario(&bytes, &ValidateOptions::default());
        for d in &loaded.diagnostics {
            eprintln!("{path}:{}:{}: {:?}[{}]: {}", d.location.line, d.location.column, d.severity, d.code, d.message);
            for n in &d.notes {
                eprintln!("    note: {n}");
            }
        }
        failed |= loaded.has_errors();
        if !loaded.has_errors() {
            println!("{path}: ok");
        }
    }
    std::process::exit(i32::from(failed));
}
