//! The ethics detector on the labelled sets in `crates/motivo-train/ethics/` (`motivo eval --ethics FILE`):
//! of the harmful replies ≥ 80 % get a finding and ≥ 60 % the right kind; of the ethical counterparts ≤ 15 % get
//! any finding. The held-out file was written before the detector and is not used to tune it.
//!
//! The rules alone are held to the targets on every set; the coder as shipped (rules, then the learned model,
//! which trains on the `*-dev.csv` sets) on the held-out ones.

use std::path::Path;

use motivo_engine::coder::{Coder, EthicsSource};
use motivo_engine::model::Lang;
use motivo_train::data::read_ethics;
use motivo_train::eval::score_ethics;

fn check(file: &str) {
    check_with(file, EthicsSource::Rules);
}

fn check_with(file: &str, source: EthicsSource) {
    let coder = Coder::bundled().unwrap();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("ethics").join(file);
    let rows = read_ethics(&path).unwrap_or_else(|e| panic!("{e}"));
    for lang in [Lang::Fi, Lang::En] {
        let part: Vec<_> = rows.iter().filter(|r| r.lang == lang).cloned().collect();
        assert!(part.len() >= 80, "{file} {lang:?}: only {} rows", part.len());
        let (r, _) = score_ethics(&part, |r| coder.ethics(r.lang, &r.reply, &r.context, source));
        assert!(r.harmful >= 50 && r.counterparts >= 30, "{file} {lang:?}: {r:?}");
        assert!(r.harmful_any >= 0.80, "{file} {lang:?}: harmful with a finding {:.3}", r.harmful_any);
        assert!(r.harmful_right >= 0.60, "{file} {lang:?}: harmful with the right kind {:.3}", r.harmful_right);
        assert!(r.counterpart_any <= 0.15, "{file} {lang:?}: counterparts with a finding {:.3}", r.counterpart_any);
        for k in &r.per_kind {
            assert!(k.rows >= 5, "{file} {lang:?}: kind {} has only {} rows", k.kind, k.rows);
        }
    }
}

#[test]
fn ethics_development_set_meets_the_targets() {
    check("ethics-dev.csv");
}

#[test]
fn ethics_fresh_probes_by_a_second_annotator_meet_the_targets() {
    // Six probes, each measured once before it was tuned on (docs/coder.md, "Fresh sets"): now a regression guard.
    check("ethics-fresh-dev.csv");
}

#[test]
fn ethics_held_out_set_meets_the_targets() {
    check("ethics-heldout.csv");
}

#[test]
fn the_shipped_coder_meets_the_targets_on_the_held_out_set() {
    check_with("ethics-heldout.csv", EthicsSource::Both);
}

#[test]
fn the_learned_model_finds_what_rules_miss_without_false_alarms_on_counterparts() {
    // The fresh held-out probe (never tuned on): the learned model alone must add findings the rules miss, and
    // the two together must not raise false alarms on the ethical counterparts above the target.
    let coder = Coder::bundled().unwrap();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("ethics").join("ethics-fresh-heldout.csv");
    let rows = read_ethics(&path).unwrap_or_else(|e| panic!("{e}"));
    let score = |s| score_ethics(&rows, |r| coder.ethics(r.lang, &r.reply, &r.context, s)).0;
    let (rules, both) = (score(EthicsSource::Rules), score(EthicsSource::Both));
    assert!(both.harmful_any > rules.harmful_any, "rules {rules:?}\nboth {both:?}");
    assert!(both.counterpart_any <= 0.15, "{both:?}");
}

#[test]
fn a_bad_kind_is_reported_with_its_line() {
    let dir = std::env::temp_dir().join(format!("motivo-ethics-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("bad.csv");
    std::fs::write(&f, "id,lang,context,reply,kind\na,fi,,Moi,\nb,fi,,Anna tunnukset,TakesCredential\n").unwrap();
    let e = read_ethics(&f).unwrap_err().to_string();
    assert!(e.contains(":3:") && e.contains("TakesCredential"), "{e}");
    let _ = std::fs::remove_dir_all(&dir);
}
