//! Writes the generated scenario the benches use to stdout: `cargo run -p motivo-engine --example
//! gen_scenario_file -- 5000 > /tmp/generated-5000.ron` (for timing `motivo paths` and `motivo graph`).
include!("../benches/gen_scenario.rs");

fn main() {
    let turns: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(5000);
    print!("{}", generated_scenario(turns));
}
