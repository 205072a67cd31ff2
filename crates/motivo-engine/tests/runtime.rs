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

/// Replays options by authored index (independent of the shuffled display order).
fn replay_authored(scenario: &Arc<Scenario>, seed: u64, picks: &[usize]) -> Session {
    let mut s = Session::start(scenario.clone(), seed, Lang::Fi);
    for &k in picks {
        s.choose_authored(k).expect("replayed option is shown");
    }
    s
}

/// The authored indices shown now, in authored order (the display order is shuffled).
fn shown_set(s: &Session) -> Vec<usize> {
    let mut v = s.view().authored.clone();
    v.sort_unstable();
    v
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
            ethics: vec![],
            unsure: false,
            notes: vec![],
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
    let s = replay_authored(&scenario, 3, &[0]);
    let r = Report::of(&s);
    assert!(r.finished);
    // A good ending and no ethics finding: only the level can hold this one-reply conversation back.
    assert_eq!(r.passed, r.miti.level >= Level::Fair, "{:?}", r.why_not);
    assert!(r.why_not.iter().all(|w| w.reason == "level"), "{:?}", r.why_not);
    assert!(!r.own_words, "a picked option is not the learner's own words");
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
    let s = replay_authored(&scenario, 3, &[1]);
    let r = Report::of(&s);
    assert_eq!(r.ending.as_ref().map(|e| e.good), Some(false));
    assert!(!r.passed);
    let reasons: Vec<&str> = r.why_not.iter().map(|w| w.reason.as_str()).collect();
    assert!(reasons.contains(&"ending") && reasons.contains(&"level"), "{reasons:?}");
    assert!(r.why_not.iter().all(|w| !w.fi.is_empty() && !w.en.is_empty()));
    assert_eq!((r.miti.mina, r.miti.mia), (1, 0));
    assert!(!r.turns[0].mi_consistent);
    // The better alternative is named by its number as shown (the CR option, wherever the shuffle put it).
    let better = r.turns[0].better.as_ref().expect("a better option");
    assert_ne!(Some(better.option), r.turns[0].option);
    assert_eq!(better.codes, vec![Code::CR]);
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
    // A search over the options by authored index (random walks rarely reach the good endings, by design: see
    // tests/validity.rs). States are told apart by what conditions can see; the search is bounded.
    for scenario in all_scenarios() {
        let endings: Vec<&str> =
            scenario.nodes.iter().filter(|n| matches!(n, Node::Ending(_))).map(|n| n.id()).collect();
        let mut reached = std::collections::HashSet::new();
        let mut seen = std::collections::HashSet::new();
        let mut stack = vec![Session::start(scenario.clone(), 1, Lang::Fi)];
        let mut expanded = 0;
        while let Some(s) = stack.pop() {
            if let Some(e) = s.ending() {
                reached.insert(e.id.clone());
                continue;
            }
            let c = &s.state().current;
            // What conditions read, coarsely: the node, flags, visits and the client state to the whole point.
            let key = format!(
                "{}|{:?}|{:?}|{:?}|{:.0}|{:.0}|{:.0}|{:.0}",
                c.node,
                c.clarify,
                c.flags,
                c.visited,
                c.client.importance,
                c.client.confidence,
                c.client.discord,
                c.client.momentum
            );
            if !seen.insert(key) || expanded > 30_000 {
                continue;
            }
            expanded += 1;
            for k in s.view().authored.clone() {
                let mut next = s.clone();
                next.choose_authored(k).expect("a shown option");
                stack.push(next);
            }
        }
        for e in endings {
            assert!(reached.contains(e), "{}: ending `{e}` never reached ({expanded} states)", scenario.id);
        }
    }
}

fn load_ok(text: &str) -> Arc<Scenario> {
    let loaded = load_scenario(text.as_bytes(), &ValidateOptions::default());
    let diags = loaded.diagnostics.clone();
    Arc::new(loaded.ok().unwrap_or_else(|| panic!("loads: {diags:#?}")))
}

fn bundled_scenario(id: &str) -> Arc<Scenario> {
    all_scenarios().into_iter().find(|s| s.id == id).expect("bundled scenario")
}

/// Picks the shown option whose authored index is `authored`.
fn choose_authored(s: &mut Session, authored: usize) {
    let view = s.view();
    let shown = view.authored.iter().position(|&k| k == authored).unwrap_or_else(|| {
        panic!("option {authored} not shown at `{}` (shown: {:?})", s.state().current.node, view.authored)
    });
    s.choose(shown).expect("shown option");
}

#[test]
fn hidden_options_are_not_shown_and_cannot_be_chosen() {
    // The persuading option is shown only at high discord.
    let text = MINIMAL.replacen("(text: (fi: \"Kyllä", "(when: \"discord >= 5\", text: (fi: \"Kyllä", 1);
    let scenario = load_ok(&text);
    let mut s = Session::start(scenario.clone(), 1, Lang::Fi);
    let view = s.view();
    assert_eq!(view.authored, vec![0]);
    assert_eq!(view.options.len(), 1);
    assert_eq!(view.options[0].text.get(Lang::En), "Computers feel foreign to you.");
    assert_eq!(s.choose(1).unwrap_err(), RuntimeError::NoSuchOption { index: 1, count: 1 });
    assert_eq!(s.history().len(), 0, "a refused pick changes nothing");

    let high = load_ok(&text.replace("discord: 1", "discord: 6"));
    let mut s = Session::start(high, 1, Lang::Fi);
    assert_eq!(s.view().authored, vec![0, 1]);
    assert_eq!(s.choose(1).unwrap().reply, ReplyKind::Option { index: 1 });
}

#[test]
fn a_conditional_route_is_skipped_when_its_condition_does_not_hold() {
    let text = MINIMAL.replacen(
        "(when: Reflected(\"ei_osaa\"), next",
        "(when: Reflected(\"ei_osaa\"), if: \"discord >= 5\", next",
        1,
    );
    let reflection = Fixed(vec![Code::SR], Some(Side::Sustain), vec!["ei_osaa"]);
    let mut s = Session::start(load_ok(&text), 1, Lang::Fi);
    let t = s.reply_text(&reflection, "Et osaa.").unwrap();
    assert_eq!((t.next.as_str(), &t.reply), ("pois", &ReplyKind::Text { text: "Et osaa.".into(), route: 1 }));
    let mut s = Session::start(load_ok(&text.replace("discord: 1", "discord: 6")), 1, Lang::Fi);
    assert_eq!(s.reply_text(&reflection, "Et osaa.").unwrap().next, "loppu");
}

/// omakanta-resepti: take over at the key code, repair, take over again. Authored option indices per turn.
const TAKE_OVER_TWICE: [(&str, usize); 10] = [
    ("alku", 0),
    ("toive", 0),
    ("osaaminen", 0),
    ("tunnukset", 1),     // declines the codes → kokeilu
    ("kokeilu", 5),       // her scam fear was not heard yet: the same reflection leads to `epailys`
    ("epailys", 0),       // reflects the fear → kirjautuminen
    ("kirjautuminen", 0), // types the key code for her (first time) → puolesta
    ("puolesta", 0),      // repairs: log out, she types → kokeilu
    ("kokeilu", 0),       // → kirjautuminen again
    ("kirjautuminen", 4), // types the key code again: the repeat option → puolesta-tehty
];

#[test]
fn taking_over_twice_at_the_key_code_ends_the_conversation() {
    let scenario = bundled_scenario("omakanta-resepti");
    let mut s = Session::start(scenario.clone(), 1, Lang::Fi);
    for (k, &(node, authored)) in TAKE_OVER_TWICE.iter().enumerate() {
        assert_eq!(s.state().current.node, node, "step {k}");
        if k == 6 {
            // First visit: the first-time take-over is shown, the repeat is hidden.
            assert_eq!(shown_set(&s), vec![0, 1, 2, 3]);
        }
        if k == 9 {
            // Second visit: the first-time take-over is hidden (it led to `puolesta`, the loop); the same words
            // now lead to the ending, shown last.
            assert_eq!(shown_set(&s), vec![1, 2, 3, 4]);
            let repeat = scenario_option(&scenario, "kirjautuminen", 4);
            assert_eq!(repeat.text, scenario_option(&scenario, "kirjautuminen", 0).text);
            assert_eq!(s.clone().choose_authored(1).unwrap().next, "omakanta");
        }
        choose_authored(&mut s, authored);
    }
    assert!(s.is_finished());
    assert_eq!(s.ending().map(|e| e.id.as_str()), Some("puolesta-tehty"));
    assert!(s.history().len() <= 12);
    assert_eq!(s.history()[9].reply, ReplyKind::Option { index: 4 }, "the record holds the authored index");
    assert!(!s.history()[9].turn_limit);

    // The report numbers options as the learner saw them, and offers only alternatives that were shown.
    let r = Report::of(&s);
    let displayed = |k: usize, authored: usize| {
        let Some(Node::Turn(t)) = scenario.node(&s.history()[k].before.node) else { panic!("a turn") };
        let shown = motivo_engine::runtime::shown_options(t, &s.history()[k].before, s.state().seed);
        shown.iter().position(|&x| x == authored).map(|p| p + 1)
    };
    assert_eq!(r.turns[6].option, displayed(6, 0));
    assert_eq!(r.turns[9].option, displayed(9, 4), "authored 5th, numbered as shown");
    assert_eq!(r.turns[9].ethics, Some(motivo_engine::model::EthicsKind::LogsInAsClient));
    let better = r.turns[9].better.as_ref().expect("a better option was shown");
    let Some(Node::Turn(turn8)) = scenario.node("kirjautuminen") else { panic!("a turn") };
    let view_texts: Vec<String> = motivo_engine::runtime::shown_options(turn8, &s.history()[9].before, s.state().seed)
        .iter()
        .map(|&k| turn8.options[k].text.get(Lang::Fi).to_owned())
        .collect();
    assert_eq!(view_texts[better.option - 1], better.text, "`better.option` is the shown number");
    assert_eq!(r.ethics.len(), 2, "both take-overs are findings");
    assert!(r.ending.as_ref().is_some_and(|e| !e.turn_limit));
}

fn scenario_option<'a>(scenario: &'a Scenario, node: &str, k: usize) -> &'a motivo_engine::model::ReplyOption {
    match scenario.node(node) {
        Some(Node::Turn(t)) => &t.options[k],
        _ => panic!("no turn {node}"),
    }
}

#[test]
fn rewind_and_resume_across_a_conditional_option() {
    let scenario = bundled_scenario("omakanta-resepti");
    let mut s = Session::start(scenario.clone(), 3, Lang::Fi);
    for &(_, authored) in &TAKE_OVER_TWICE {
        choose_authored(&mut s, authored);
    }
    let finished = json(s.state());
    // Rewind to the second visit of `kirjautuminen`: the same options are shown again.
    s.rewind(9).unwrap();
    assert_eq!(shown_set(&s), vec![1, 2, 3, 4]);
    choose_authored(&mut s, 4);
    assert_eq!(json(s.state()), finished, "rewound and replayed = played fresh");
    // Rewind before the first take-over: the condition is false again, so the first-time option is back.
    s.rewind(6).unwrap();
    assert_eq!(shown_set(&s), vec![0, 1, 2, 3]);

    // Resume: the finished state and a mid-conversation state both resume and continue identically.
    let state: SessionState = serde_json::from_str(&finished).unwrap();
    let resumed = Session::resume(scenario.clone(), state.clone()).expect("fits");
    assert_eq!(json(resumed.state()), finished);
    let mut mid = state.clone();
    mid.current = mid.history[9].before.clone();
    mid.history.truncate(9);
    let mut resumed = Session::resume(scenario.clone(), mid).expect("fits");
    assert_eq!(shown_set(&resumed), vec![1, 2, 3, 4]);
    choose_authored(&mut resumed, 4);
    assert_eq!(json(resumed.state()), finished);

    // A recorded option that was hidden in the state it was picked in is refused: the first-time take-over at
    // the second visit, or the repeat at the first visit.
    let mut bad = state.clone();
    bad.history[9].reply = ReplyKind::Option { index: 0 };
    assert!(matches!(Session::resume(scenario.clone(), bad), Err(RuntimeError::Mismatch(_))));
    let mut bad = state.clone();
    bad.history[6].reply = ReplyKind::Option { index: 4 };
    assert!(matches!(Session::resume(scenario.clone(), bad), Err(RuntimeError::Mismatch(_))));
    let mut bad = state;
    bad.history[9].reply = ReplyKind::TextThenOption { text: "Minä teen.".into(), index: 0 };
    assert!(matches!(Session::resume(scenario, bad), Err(RuntimeError::Mismatch(_))));
}

/// `MINIMAL` with a turn that loops on itself and a turn limit of `max` replies.
fn looping(max: u32) -> Arc<Scenario> {
    let turn = "        Turn(\n            id: \"kehä\",\n            lines: [(text: (fi: \"No?\", en: \"Well?\"), talk: Neutral)],\n            options: [\n                (text: (fi: \"Kerro lisää.\", en: \"Tell me more.\"), codes: [OQ], feedback: (fi: \"Ok.\", en: \"Ok.\"), next: \"kehä\"),\n                (text: (fi: \"Mitä haluat?\", en: \"What do you want?\"), codes: [OQ], feedback: (fi: \"Ok.\", en: \"Ok.\"), next: \"loppu\"),\n            ],\n        ),\n    ],\n)";
    let text = MINIMAL.replacen("    ],\n)", turn, 1).replacen("next: \"pois\"", "next: \"kehä\"", 1).replacen(
        "start: \"alku\",",
        &format!("start: \"alku\",\n    max_turns: {max},\n    on_limit: \"pois\","),
        1,
    );
    load_ok(&text)
}

#[test]
fn the_turn_limit_ends_the_conversation_at_on_limit() {
    let scenario = looping(4);
    let mut s = Session::start(scenario.clone(), 1, Lang::Fi);
    s.choose(1).unwrap(); // → kehä
    for _ in 0..2 {
        let t = s.choose(0).unwrap(); // kehä → kehä
        assert!(!t.turn_limit);
    }
    assert_eq!(s.state().current.node, "kehä");
    let t = s.choose(0).unwrap(); // the 4th reply: the limit
    assert!(t.turn_limit);
    assert_eq!(t.next, "pois");
    assert!(s.is_finished());
    assert_eq!(s.ending().map(|e| e.id.as_str()), Some("pois"));
    let r = Report::of(&s);
    assert!(r.ending.as_ref().is_some_and(|e| e.turn_limit && e.id == "pois"));
    let v = serde_json::to_value(&r).unwrap();
    assert_eq!(v["ending"]["turn_limit"], true);
    // Rewinding the limited reply undoes the limit.
    s.rewind(3).unwrap();
    assert_eq!(s.state().current.node, "kehä");

    // A reply that reaches an ending at the limit ends there, not at `on_limit`.
    let mut s = Session::start(scenario, 1, Lang::Fi);
    for _ in 0..3 {
        let i = if s.state().current.node == "alku" { 1 } else { 0 };
        s.choose(i).unwrap();
    }
    let t = s.choose(1).unwrap();
    assert!(!t.turn_limit);
    assert_eq!(s.ending().map(|e| e.id.as_str()), Some("loppu"));
    assert!(serde_json::to_value(Report::of(&s)).unwrap()["ending"].get("turn_limit").is_none());
}

#[test]
fn random_plays_of_every_bundled_scenario_finish_within_the_turn_limit() {
    let mut checked = Vec::new();
    for scenario in bundled::scenarios().into_iter().map(|s| Arc::new(s.expect("loads"))) {
        // Scenarios still being written may not have a limit yet; the ones below must.
        let Some(max) = scenario.max_turns.map(|m| m as usize) else {
            eprintln!("note: bundled scenario `{}` has no `max_turns`; not checked", scenario.id);
            continue;
        };
        checked.push(scenario.id.clone());
        let mut rng = StdRng::seed_from_u64(2024);
        let mut limited = 0;
        for seed in 0..200u64 {
            let mut s = Session::start(scenario.clone(), seed, Lang::Fi);
            // No cap from the test: only the scenario's own limit may stop a loop.
            let picks = random_play(&mut s, &mut rng, usize::MAX);
            assert!(s.is_finished(), "{} seed {seed}", scenario.id);
            assert!(picks.len() <= max, "{} seed {seed}: {} replies", scenario.id, picks.len());
            limited += usize::from(s.history().last().is_some_and(|t| t.turn_limit));
        }
        // The limit is a safety net, not the usual way to end.
        assert!(limited < 20, "{}: {limited} of 200 random plays hit the turn limit", scenario.id);
    }
    for id in ["omakanta-resepti", "etavastaanotto"] {
        assert!(checked.iter().any(|c| c == id), "`{id}` must have a turn limit");
    }
}

#[test]
fn a_repeat_take_over_never_loops_in_omakanta() {
    // Every random play that takes over at the key code twice ends right after the second time.
    let scenario = bundled_scenario("omakanta-resepti");
    let mut rng = StdRng::seed_from_u64(99);
    for seed in 0..300u64 {
        let mut s = Session::start(scenario.clone(), seed, Lang::Fi);
        random_play(&mut s, &mut rng, usize::MAX);
        let visits = s.history().iter().filter(|t| t.next == "puolesta").count();
        assert!(visits <= 1, "seed {seed}: `puolesta` entered {visits} times");
    }
}

/// "Play from here": starting at a node with a preset client state and flags is that node, state and flags;
/// at the start node with the start state it is the ordinary start; an unknown node is refused.
#[test]
fn a_session_starts_at_any_node_with_a_preset_state() {
    let mut rng = StdRng::seed_from_u64(11);
    for sc in all_scenarios() {
        let fresh = Session::start(sc.clone(), 3, Lang::Fi);
        let at_start = Session::start_at(sc.clone(), 3, Lang::Fi, &sc.start, sc.start_state, Default::default())
            .expect("the start node exists");
        assert_eq!(json(fresh.state()), json(at_start.state()), "{}", sc.id);
        assert!(
            Session::start_at(sc.clone(), 3, Lang::Fi, "no-such-node", sc.start_state, Default::default()).is_none()
        );
        for node in sc.nodes.iter().map(|n| n.id().to_owned()) {
            let client = motivo_engine::model::ClientState {
                importance: rng.random_range(0..=10) as f32,
                confidence: rng.random_range(0..=10) as f32,
                discord: rng.random_range(0..=10) as f32,
                ..sc.start_state
            };
            let flags: std::collections::BTreeSet<String> = sc.flags.iter().take(1).cloned().collect();
            let s = Session::start_at(sc.clone(), 5, Lang::En, &node, client, flags.clone()).expect("node exists");
            let cur = &s.state().current;
            assert_eq!((cur.node.as_str(), cur.client, &cur.flags), (node.as_str(), client, &flags), "{}", sc.id);
            assert!(s.history().is_empty() && cur.visited.contains(&node));
            // It plays on like any session.
            if !s.is_finished() {
                let mut s = s;
                let n = s.view().options.len();
                if n > 0 {
                    s.choose(0).expect("a shown option");
                }
            }
        }
    }
}
