//! Runtime properties: determinism, rewind = fresh replay, resume from a snapshot, free-text routing, and the
//! report's numbers on a hand-checked conversation.

use std::sync::Arc;

use motivo_engine::codes::Code;
use motivo_engine::coding::{CodeRequest, CodedReply, Primary, ReplyCoder};
use motivo_engine::model::{Lang, Node, Outcome, Side, Talk};
use motivo_engine::runtime::ReplyKind;
use motivo_engine::scoring::Level;
use motivo_engine::{Report, RuntimeError, Scenario, Session, SessionState, ValidateOptions, bundled, load_scenario};
use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};

const MINIMAL: &str = include_str!("../../../tests/fixtures/minimal.ron");

fn minimal() -> Arc<Scenario> {
    Arc::new(load_scenario(MINIMAL.as_bytes(), &ValidateOptions::default()).ok().expect("minimal loads"))
}

fn all_scenarios() -> Vec<Arc<Scenario>> {
    let mut v: Vec<Arc<Scenario>> =
        bundled::scenarios().into_iter().map(|s| Arc::new(s.expect("bundled scenario loads"))).collect();
    v.push(minimal());
    v
}

/// Plays random options (from `rng`) until the end or `max` turns; returns the option indices picked.
fn random_play(session: &mut Session, rng: &mut StdRng, max: usize) -> Vec<usize> {
    let mut picks = Vec::new();
    while !session.is_finished() && picks.len() < max {
        let n = session.view().options.len();
        assert!(n > 0, "a validated scenario offers options at `{}`", session.state().current.node);
        let i = rng.random_range(0..n);
        session.choose(i).expect("option exists");
        picks.push(i);
    }
    picks
}

fn replay(scenario: &Arc<Scenario>, seed: u64, picks: &[usize]) -> Session {
    let mut s = Session::start(scenario.clone(), seed, Lang::Fi);
    for &i in picks {
        s.choose(i).expect("replayed option exists");
    }
    s
}

fn json(state: &SessionState) -> String {
    serde_json::to_string(state).expect("state serialises")
}

#[test]
fn same_seed_and_replies_give_the_same_conversation_and_report() {
    for scenario in all_scenarios() {
        let mut rng = StdRng::seed_from_u64(7);
        for seed in 0..20u64 {
            let mut a = Session::start(scenario.clone(), seed, Lang::Fi);
            let picks = random_play(&mut a, &mut rng, 60);
            let b = replay(&scenario, seed, &picks);
            assert_eq!(json(a.state()), json(b.state()), "{} seed {seed}", scenario.id);
            assert_eq!(
                serde_json::to_string(&Report::of(&a)).unwrap(),
                serde_json::to_string(&Report::of(&b)).unwrap()
            );
        }
    }
}

#[test]
fn rewinding_and_replaying_equals_playing_fresh() {
    for scenario in all_scenarios() {
        let mut rng = StdRng::seed_from_u64(11);
        for seed in 0..20u64 {
            let mut s = Session::start(scenario.clone(), seed, Lang::Fi);
            let picks = random_play(&mut s, &mut rng, 60);
            if picks.is_empty() {
                continue;
            }
            let back = rng.random_range(0..picks.len());
            s.rewind(back).expect("turn exists");
            assert_eq!(s.history().len(), back);
            // Take a (possibly) different path from the rewound turn.
            let mut alt = picks[..back].to_vec();
            alt.extend(random_play(&mut s, &mut rng, 60));
            let fresh = replay(&scenario, seed, &alt);
            assert_eq!(json(s.state()), json(fresh.state()), "{} seed {seed} back {back}", scenario.id);
        }
    }
}

#[test]
fn a_saved_state_resumes_where_it_left_off() {
    let scenario = minimal();
    let s = Session::start(scenario.clone(), 5, Lang::En);
    let saved = json(s.state());
    let state: SessionState = serde_json::from_str(&saved).unwrap();
    let mut resumed = Session::resume(scenario.clone(), state).expect("fits");
    resumed.choose(0).unwrap();
    assert_eq!(json(resumed.state()), json(replay(&scenario, 5, &[0]).state()).replace("\"fi\"", "\"en\""));
    assert_eq!(resumed.ending().map(|e| e.outcome), Some(Outcome::NextStep));
}

#[test]
fn resume_refuses_a_state_from_another_scenario_or_a_removed_node() {
    let scenario = minimal();
    let mut state = Session::start(scenario.clone(), 1, Lang::Fi).state().clone();
    state.scenario_id = "other".into();
    assert!(matches!(Session::resume(scenario.clone(), state.clone()), Err(RuntimeError::Mismatch(_))));
    state.scenario_id = "minimal".into();
    state.current.node = "gone".into();
    assert!(matches!(Session::resume(scenario.clone(), state), Err(RuntimeError::Mismatch(_))));
    // A recorded option that the edited scenario no longer has.
    let mut played = replay(&scenario, 1, &[0]).state().clone();
    played.history[0].reply = ReplyKind::Option { index: 7 };
    assert!(matches!(Session::resume(scenario, played), Err(RuntimeError::Mismatch(_))));
}

#[test]
fn errors_for_bad_moves() {
    let scenario = minimal();
    let mut s = Session::start(scenario, 1, Lang::Fi);
    assert_eq!(s.choose(5).unwrap_err(), RuntimeError::NoSuchOption { index: 5, count: 2 });
    assert_eq!(s.rewind(0).unwrap_err(), RuntimeError::NoSuchTurn { turn: 0, turns: 0 });
    s.choose(1).unwrap();
    assert!(s.is_finished());
    assert_eq!(s.choose(0).unwrap_err(), RuntimeError::Finished);
}

/// A coder that returns fixed codes, to test routing without the real coder.
struct Fixed(Vec<Code>, Option<Side>, Vec<&'static str>);

impl ReplyCoder for Fixed {
    fn code(&self, r: &CodeRequest<'_>) -> CodedReply {
        assert!(!r.context.is_empty(), "the coder gets the client's line");
        CodedReply {
            codes: self.0.clone(),
            primary: Primary::from_codes(&self.0),
            confidence: 0.9,
            evidence: vec![],
            reflected: self.1,
            meanings: self.2.iter().map(|s| s.to_string()).collect(),
        }
    }
}

#[test]
fn typed_replies_are_routed_by_the_free_text_rules() {
    let scenario = minimal();
    let mut s = Session::start(scenario.clone(), 1, Lang::Fi);
    let t = s.reply_text(&Fixed(vec![Code::SR], Some(Side::Sustain), vec!["ei_osaa"]), "  Et osaa.  ").unwrap();
    assert_eq!(t.reply, ReplyKind::Text { text: "Et osaa.".into(), route: 0 });
    assert_eq!(t.next, "loppu");

    let mut s = Session::start(scenario.clone(), 1, Lang::Fi);
    let t = s.reply_text(&Fixed(vec![Code::PER], None, vec![]), "Sinun pitää.").unwrap();
    assert_eq!((t.next.as_str(), t.mi_consistent), ("pois", false));
    // A reflection that captured no authored meaning falls through to `Otherwise`.
    let mut s = Session::start(scenario.clone(), 1, Lang::Fi);
    assert_eq!(s.reply_text(&Fixed(vec![Code::SR], None, vec![]), "Niin.").unwrap().next, "pois");
    // Meanings only count for reflections.
    let mut s = Session::start(scenario.clone(), 1, Lang::Fi);
    assert_eq!(s.reply_text(&Fixed(vec![Code::OQ], None, vec!["ei_osaa"]), "Mitä?").unwrap().next, "pois");

    let mut s = Session::start(scenario, 1, Lang::Fi);
    let err = s.reply_text(&Fixed(vec![Code::SR], None, vec![]), "   ").unwrap_err();
    assert!(matches!(err, RuntimeError::Text(_)));
    assert_eq!(s.history().len(), 0, "a refused reply changes nothing");
}

#[test]
fn the_report_counts_and_scores_a_known_conversation() {
    let scenario = minimal();
    // Reflection (CR) on sustain talk → the good ending.
    let s = replay(&scenario, 3, &[0]);
    let r = Report::of(&s);
    assert!(r.finished);
    assert_eq!(r.ending.as_ref().map(|e| (e.id.as_str(), e.good)), Some(("loppu", true)));
    assert_eq!(r.miti.counts[&Code::CR], 1);
    assert_eq!(r.miti.counts[&Code::PER], 0);
    assert_eq!((r.miti.reflections, r.miti.questions), (1, 0));
    assert_eq!(r.miti.r_q, None);
    assert_eq!(r.miti.pct_cr, Some(100.0));
    assert_eq!(r.turns[0].codes, vec![Code::CR]);
    assert_eq!(r.turns[0].client_talk, Talk::Sustain(motivo_engine::model::Darn::Ability));
    // One sustain line then one change (commitment) line.
    assert_eq!((r.client.change_talk, r.client.sustain_talk), (1, 1));
    assert_eq!(r.client.change_talk_pct, Some(50.0));
    assert_eq!(r.client.mobilising_talk, 1);
    // CR on sustain talk: discord −1 from the default table (start 1 → 0).
    assert_eq!((r.client.discord.start, r.client.discord.end), (1.0, 0.0));
    assert!(r.ethics.is_empty());
    assert!(r.turns[0].better.is_none(), "the best option was picked");

    // Persuasion → the poor ending, with the better alternative named.
    let s = replay(&scenario, 3, &[1]);
    let r = Report::of(&s);
    assert_eq!(r.ending.as_ref().map(|e| e.good), Some(false));
    assert_eq!((r.miti.mina, r.miti.mia), (1, 0));
    assert!(!r.turns[0].mi_consistent);
    assert_eq!(r.turns[0].better.as_ref().map(|b| b.option), Some(1));
    assert_eq!(r.client.discord.end, 2.5, "PER adds 1.5 discord");
    assert_eq!(r.miti.level, Level::BelowFair);
}

#[test]
fn conditional_lines_follow_the_client_state() {
    // Start with high discord: the conditional discord line wins over the default line.
    let text = MINIMAL.replace("discord: 1", "discord: 6");
    let scenario = Arc::new(load_scenario(text.as_bytes(), &ValidateOptions::default()).ok().unwrap());
    let s = Session::start(scenario, 1, Lang::Fi);
    assert_eq!(s.view().line.talk, Talk::Discord);
    let s = Session::start(minimal(), 1, Lang::Fi);
    assert_ne!(s.view().line.talk, Talk::Discord);
}

#[test]
fn every_ending_of_every_bundled_scenario_is_reachable_by_options() {
    for scenario in all_scenarios() {
        // Random walks with many seeds; the scripted plays in tests/scripts cover the same in the CLI tests.
        let endings: Vec<&str> =
            scenario.nodes.iter().filter(|n| matches!(n, Node::Ending(_))).map(|n| n.id()).collect();
        let mut reached = std::collections::HashSet::new();
        let mut rng = StdRng::seed_from_u64(1);
        for seed in 0..400u64 {
            let mut s = Session::start(scenario.clone(), seed, Lang::Fi);
            random_play(&mut s, &mut rng, 80);
            if let Some(e) = s.ending() {
                reached.insert(e.id.clone());
            }
        }
        for e in endings {
            assert!(reached.contains(e), "{}: ending `{e}` never reached", scenario.id);
        }
    }
}
