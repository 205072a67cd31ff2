//! Coder benchmarks: loading the bundled weights (target ≤ 50 ms) and coding one reply (target ≤ 50 µs median).
//!
//! `cargo bench -p motivo-engine --bench coder`

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use motivo_engine::coder::Coder;
use motivo_engine::model::{Lang, Meaning, Side};
use motivo_engine::{CodeRequest, ReplyCoder};

fn bench(c: &mut Criterion) {
    c.bench_function("coder_load_bundled", |b| b.iter(|| black_box(Coder::bundled().expect("bundled weights"))));
    let coder = Coder::bundled().expect("bundled weights");
    let meanings = vec![
        Meaning::new(
            "pelko",
            Side::Sustain,
            [(Lang::Fi, vec!["pelkää".into(), "rikki".into()]), (Lang::En, vec!["afraid".into()])],
        ),
        Meaning::new("halu", Side::Change, [(Lang::Fi, vec!["oppia".into()]), (Lang::En, vec!["learn".into()])]),
    ];
    let fi = CodeRequest {
        lang: Lang::Fi,
        text: "Sä pelkäät, että tabletti menee rikki, mutta samalla sä haluaisit oppia. Mikä auttais sua kokeilemaan?",
        context: "Mua hirvittää, että jos mä kosken väärään kohtaan, koko tabletti menee rikki, vaikka haluisin oppia.",
        context_talk: None,
        meanings: &meanings,
    };
    c.bench_function("coder_code_fi_two_sentences", |b| b.iter(|| black_box(coder.code(black_box(&fi)))));
    let en = CodeRequest {
        lang: Lang::En,
        text: "It sounds like you're worried about breaking it.",
        context: "I'm afraid I'll press the wrong button and break the tablet.",
        context_talk: None,
        meanings: &meanings,
    };
    c.bench_function("coder_code_en_one_sentence", |b| b.iter(|| black_box(coder.code(black_box(&en)))));
    let sv = CodeRequest {
        lang: Lang::Sv,
        text: "Du är rädd att plattan går sönder, men samtidigt skulle du vilja lära dig. Vad skulle hjälpa dig att pröva?",
        context: "Jag är rädd att jag trycker fel och att hela plattan går sönder, fast jag vill lära mig.",
        context_talk: None,
        meanings: &meanings,
    };
    c.bench_function("coder_code_sv_two_sentences", |b| b.iter(|| black_box(coder.code(black_box(&sv)))));
    // The ethics detector alone (part of every `code` call above).
    let _ = motivo_engine::coder::ethics::detect(Lang::Fi, "x", "y");
    c.bench_function("ethics_detect_fi_two_sentences", |b| {
        b.iter(|| black_box(motivo_engine::coder::ethics::detect(Lang::Fi, black_box(fi.text), black_box(fi.context))))
    });
    // The learned ethics model alone (consulted when no rule fired, as for this reply).
    let table = coder.weights().ethics.as_ref().expect("the bundled weights have an ethics model");
    c.bench_function("ethics_model_fi_two_sentences", |b| {
        b.iter(|| black_box(table.find(black_box(fi.text), black_box(fi.context))))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
