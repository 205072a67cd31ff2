//! Times loading a generated 5,000-node scenario, split into its phases (for profiling the bench target):
//! the `ron` crate's parse, the fast parser's parse (`fastron`, what the loader uses), and the whole
//! `load_scenario` (checks, fast parse, validation). Prints each run and the medians.
use std::time::{Duration, Instant};
include!("../benches/gen_scenario.rs");

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    let text = generated_scenario(5000);
    let runs: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(7);
    let (mut ron_t, mut fast_t, mut load_t) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..runs {
        let t = Instant::now();
        let s: motivo_engine::Scenario = motivo_engine::load::parse_ron(&text).unwrap();
        ron_t.push(t.elapsed());
        let t = Instant::now();
        let f: motivo_engine::Scenario = motivo_engine::fastron::from_str(&text).unwrap();
        fast_t.push(t.elapsed());
        assert_eq!(s, f);
        let t = Instant::now();
        let l = motivo_engine::load_scenario(text.as_bytes(), &motivo_engine::ValidateOptions::default());
        load_t.push(t.elapsed());
        println!(
            "{} bytes: ron parse {:?}, fast parse {:?}, load+validate {:?} ({} nodes, errors {})",
            text.len(),
            ron_t.last().unwrap(),
            fast_t.last().unwrap(),
            load_t.last().unwrap(),
            s.nodes.len(),
            l.has_errors()
        );
    }
    println!(
        "median of {runs}: ron parse {:?}, fast parse {:?}, load+validate {:?}",
        median(ron_t),
        median(fast_t),
        median(load_t)
    );
}
