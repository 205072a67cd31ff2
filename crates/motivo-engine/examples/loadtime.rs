//! Times loading a generated 5,000-node scenario, split into its phases (for profiling the bench target).
use std::time::Instant;
include!("../benches/gen_scenario.rs");
fn main() {
    let text = generated_scenario(5000);
    for _ in 0..5 {
        let t = Instant::now();
        let s: motivo_engine::Scenario = motivo_engine::load::parse_ron(&text).unwrap();
        let p = t.elapsed();
        let t = Instant::now();
        let l = motivo_engine::load_scenario(text.as_bytes(), &motivo_engine::ValidateOptions::default());
        println!(
            "{} bytes: parse {p:?}, load+validate {:?} ({} nodes, errors {})",
            text.len(),
            t.elapsed(),
            s.nodes.len(),
            l.has_errors()
        );
    }
}
