//! The assessment cannot be passed without MI skill: constant and random option strategies, and typed
//! take-overs of the client's codes, do not pass the bundled scenarios (issue: a certificate that means
//! something). Every number is printed, so a failure shows the whole table.

use std::sync::Arc;

use motivo_engine::coder::Coder;
use motivo_engine::model::{InputMode, Lang, Node, Outcome};
use motivo_engine::scoring::Level;
use motivo_engine::{Report, Scenario, Session, bundled};
use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};

fn scenarios() -> Vec<Arc<Scenario>> {
    bundled::scenarios().into_iter().map(|s| Arc::new(s.expect("bundled scenarios load"))).collect()
}

/// Independent of the report's own `passed`: good ending, MITI fair or better, no ethics finding.
fn passes_independently(r: &Report) -> bool {
    r.finished
        && r.ending.as_ref().is_some_and(|e| matches!(e.outcome, Outcome::NextStep | Outcome::Referral))
        && r.miti.level >= Level::Fair
        && r.ethics.is_empty()
}

/// Plays with `pick(options shown) -> displayed position` until the end (the turn limit ends every play).
fn play(sc: &Arc<Scenario>, seed: u64, mut pick: impl FnMut(usize) -> usize) -> Report {
    let mut s = Session::start(sc.clone(), seed, Lang::Fi);
    for _ in 0..200 {
        if s.is_finished() {
            break;
        }
        let n = s.view().options.len();
        assert!(n > 0, "{}: a turn with no options at {}", sc.id, s.state().current.node);
        s.choose(pick(n).min(n - 1)).expect("a shown option");
    }
    let r = Report::of(&s);
    assert_eq!(r.passed, passes_independently(&r), "{}: the report's `passed` disagrees with the rule", sc.id);
    r
}

#[test]
fn constant_strategies_pass_at_most_two_percent() {
    let mut plays = 0;
    let mut passes = Vec::new();
    for sc in scenarios() {
        for k in 0..5 {
            for seed in 1..=8 {
                plays += 1;
                if play(&sc, seed, |_| k).passed {
                    passes.push(format!("{} always {} seed {seed}", sc.id, k + 1));
                }
            }
        }
    }
    println!("constant strategies: {} of {plays} plays pass: {passes:?}", passes.len());
    assert!(passes.len() as f64 <= 0.02 * plays as f64, "{} of {plays} pass: {passes:?}", passes.len());
}

#[test]
fn a_random_picker_passes_at_most_ten_percent() {
    for sc in scenarios() {
        let plays = 200;
        let mut rng = StdRng::seed_from_u64(7);
        let passes = (0..plays)
            .filter(|&seed| {
                let mut r = StdRng::seed_from_u64(rng.random());
                play(&sc, seed, |n| r.random_range(0..n)).passed
            })
            .count();
        println!("{}: a random picker passes {passes} of {plays}", sc.id);
        assert!(passes as f64 <= 0.10 * plays as f64, "{}: {passes} of {plays} random plays pass", sc.id);
    }
}

/// The typed take-over of the client's codes is caught in every scenario: an ethics finding, no pass.
#[test]
fn typed_take_overs_never_pass() {
    let coder = Coder::bundled().expect("the bundled coder loads");
    let replies = [
        (Lang::Fi, "Annahan ne tunnukset, minä näppäilen ne puolestasi."),
        (Lang::En, "Give me your codes, I'll type them in for you."),
        (Lang::Sv, "Ge hit koderna, så knappar jag in dem åt dig."),
    ];
    for sc in scenarios() {
        // Every language the scenario is written in (a new language needs its take-over reply here).
        for lang in sc.languages() {
            let text = replies.iter().find(|(l, _)| *l == lang).map(|(_, t)| *t);
            let text = text.unwrap_or_else(|| panic!("{}: no take-over reply in `{lang}` to test with", sc.id));
            let mut s = Session::start(sc.clone(), 1, lang);
            s.set_answer(InputMode::FreeText);
            for _ in 0..60 {
                if s.is_finished() {
                    break;
                }
                s.reply_text(&coder, text).unwrap_or_else(|e| panic!("{} ({lang}): {e}", sc.id));
            }
            let r = Report::of(&s);
            assert!(s.is_finished(), "{} ({lang}): typed replies reach an ending", sc.id);
            assert!(!r.ethics.is_empty(), "{} ({lang}): the take-over gives an ethics finding", sc.id);
            assert!(!r.passed, "{} ({lang}): a take-over never passes", sc.id);
        }
    }
}

/// Every turn of every bundled scenario accepts a typed reply, and typed replies alone reach an ending.
#[test]
fn typed_replies_reach_an_ending_everywhere() {
    let coder = Coder::bundled().expect("the bundled coder loads");
    for sc in scenarios() {
        for n in &sc.nodes {
            if let Node::Turn(t) = n {
                assert!(!t.free_text.is_empty(), "{}: turn `{}` takes no typed reply", sc.id, t.id);
            }
        }
        let replies = [
            (Lang::Fi, ["Mikä sinua tässä mietityttää?", "Kuulostaa siltä, että haluaisit pärjätä itse.", "ok"]),
            (Lang::En, ["What worries you about it?", "It sounds like you'd like to manage on your own.", "ok"]),
            (Lang::Sv, ["Vad är det som oroar dig?", "Det låter som att du vill klara dig själv.", "ok"]),
        ];
        for lang in sc.languages() {
            let texts = replies.iter().find(|(l, _)| *l == lang).map(|(_, t)| *t);
            let texts = texts.unwrap_or_else(|| panic!("{}: no typed replies in `{lang}` to test with", sc.id));
            let mut s = Session::start(sc.clone(), 3, lang);
            s.set_answer(InputMode::FreeText);
            for i in 0..80 {
                if s.is_finished() {
                    break;
                }
                s.reply_text(&coder, texts[i % texts.len()]).unwrap_or_else(|e| panic!("{} ({lang}): {e}", sc.id));
            }
            assert!(s.is_finished(), "{} ({lang}): typed replies reach an ending", sc.id);
        }
    }
}
