//! Engine benchmarks: load + validate a generated 5,000-node scenario (target ≤ 100 ms), one runtime step, and
//! the session report.
//!
//! `cargo bench -p motivo-engine --bench engine`

use std::hint::black_box;
use std::sync::Arc;

use criterion::{Criterion, criterion_group, criterion_main};
use motivo_engine::{Lang, Report, Session, ValidateOptions, load_scenario};

include!("gen_scenario.rs");

fn benches(c: &mut Criterion) {
    let text = generated_scenario(5000);
    let loaded = load_scenario(text.as_bytes(), &ValidateOptions::default());
    assert!(
        !loaded.has_errors(),
        "generated scenario is valid: {:?}",
        &loaded.diagnostics[..loaded.diagnostics.len().min(3)]
    );
    let scenario = Arc::new(loaded.value.expect("parsed"));
    assert_eq!(scenario.nodes.len(), 5003);

    let mut group = c.benchmark_group("load");
    group.sample_size(20);
    group.bench_function("load_validate_5000_nodes", |b| {
        b.iter(|| load_scenario(black_box(text.as_bytes()), &ValidateOptions::default()))
    });
    group.finish();

    let mut session = Session::start(scenario.clone(), 1, Lang::Fi);
    for _ in 0..20 {
        session.choose(0).expect("option");
    }
    c.bench_function("runtime_step", |b| {
        b.iter_batched(
            || session.clone(),
            |mut s| {
                s.choose(black_box(1)).expect("option");
                s
            },
            criterion::BatchSize::SmallInput,
        )
    });
    c.bench_function("report_after_20_turns", |b| b.iter(|| Report::of(black_box(&session))));
}

criterion_group!(engine, benches);
criterion_main!(engine);
