//! The client that resists (`docs/client-model.md`): trust gates what the client discloses, a sustain reason
//! comes back until a reflection captures it, and readiness moves by stages, one step per reply at most.

use std::sync::Arc;

use motivo_engine::codes::Code;
use motivo_engine::coding::{CodeRequest, CodedReply, Primary, ReplyCoder};
use motivo_engine::model::{Lang, Side, Stage};
use motivo_engine::{Scenario, Session, ValidateOptions, load_scenario};

/// A small scenario: Raili says she has no time (sustain reason `aika`); the helper reflects it or not; at
/// `keski` she brings it back unless it was heard, and tells her real worry only at trust 4 or more.
const TEXT: &str = r#"Scenario(
    id: "resists",
    version: 1,
    title: (fi: "Ei aikaa", en: "No time"),
    summary: (fi: "Raili epäröi.", en: "Raili hesitates."),
    persona: Persona(name: "Raili", age: 71, situation: (fi: "Asuu yksin.", en: "Lives alone."),
        service: (fi: "OmaKanta", en: "OmaKanta")),
    goal: (fi: "Raili nimeää askeleen.", en: "Raili names a step."),
    start: "alku",
    client_model: (
        trust: 2,
        stage: Precontemplation,
        advance: (contemplation: "turn >= 1", preparation: "turn >= 1", action: "turn >= 1"),
        reasons: ["aika"],
    ),
    nodes: [
        Turn(
            id: "alku",
            lines: [(text: (fi: "Ei mulla oo aikaa tällaiseen.", en: "I've no time for this."), talk: Sustain(Ability),
                meanings: [(id: "aika", side: Sustain, fi: ["aika"], en: ["time"])])],
            options: [
                (id: "cr", text: (fi: "Päivät ovat jo täynnä.", en: "Your days are full already."), codes: [CR],
                 hears: ["aika"], feedback: (fi: "Heijastus.", en: "A reflection."), next: "keski"),
                (id: "oq", text: (fi: "Mitä ajattelet?", en: "What do you think?"), codes: [OQ],
                 feedback: (fi: "Kysymys.", en: "A question."), next: "keski"),
                (id: "cr-af", text: (fi: "Pidät huolta ajastasi, ja se on viisasta.", en: "You guard your time, wisely."),
                 codes: [CR, AF], hears: ["aika"], feedback: (fi: "Hyvä.", en: "Good."), next: "keski"),
            ],
            free_text: [(when: Otherwise, next: "keski")],
        ),
        Turn(
            id: "keski",
            lines: [
                (text: (fi: "Kyllä, mutta kun ei sitä aikaa oikeasti oo.", en: "Yes, but I really don't have the time."),
                 talk: Sustain(Ability), when: "unheard(aika)",
                 meanings: [(id: "aika", side: Sustain, fi: ["aika"], en: ["time"])]),
                (text: (fi: "Oikeastaan mä pelkään, että painan väärää nappia.", en: "Actually I'm afraid of pressing the wrong button."),
                 talk: Sustain(Ability), when: "trust >= 4 and not unheard(aika)"),
                (text: (fi: "No, mitä siinä sitten pitäisi tehdä?", en: "Well, what would I have to do?"), talk: Neutral),
            ],
            options: [
                (id: "oq", text: (fi: "Mikä siinä mietityttää?", en: "What's on your mind?"), codes: [OQ],
                 feedback: (fi: "Kysymys.", en: "A question."), next: "keski"),
                (id: "plan", text: (fi: "Mitä haluaisit kokeilla?", en: "What would you like to try?"), codes: [OQ],
                 when: "stage >= preparation", feedback: (fi: "Suunnitelma.", en: "A plan."), next: "loppu"),
            ],
            free_text: [(when: Otherwise, next: "keski")],
        ),
        Ending(id: "loppu", outcome: NextStep,
            lines: [(text: (fi: "Kokeillaan.", en: "Let's try."), talk: Change(Commitment))]),
    ],
)"#;

fn scenario(text: &str) -> Arc<Scenario> {
    let loaded = load_scenario(text.as_bytes(), &ValidateOptions::default());
    let errors: Vec<_> = loaded.diagnostics.iter().filter(|d| d.is_error()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    Arc::new(loaded.value.expect("the test scenario loads"))
}

fn line(s: &Session) -> String {
    s.view().line.text.get(Lang::En).to_owned()
}

#[test]
fn an_unheard_sustain_reason_comes_back_and_a_heard_one_does_not() {
    let sc = scenario(TEXT);
    // Not reflected: the reason is held and comes back at `keski`, and again on the next visit.
    let mut s = Session::start(sc.clone(), 1, Lang::Fi);
    assert!(s.state().current.mind.unheard.contains("aika"), "said at the start, so held");
    s.choose_id("oq").unwrap();
    assert_eq!(line(&s), "Yes, but I really don't have the time.");
    s.choose_id("oq").unwrap();
    assert_eq!(line(&s), "Yes, but I really don't have the time.", "still unheard: it comes back again");
    // Reflected (an option that hears it): cleared, and it does not come back.
    for seed in 1..=8 {
        let mut s = Session::start(sc.clone(), seed, Lang::Fi);
        s.choose_id("cr").unwrap();
        assert!(s.state().current.mind.heard.contains("aika"));
        assert!(s.state().current.mind.unheard.is_empty());
        assert_ne!(line(&s), "Yes, but I really don't have the time.", "seed {seed}");
    }
}

/// A coder that returns a reflection capturing the given meanings (or a question).
struct Fixed(Vec<Code>, Vec<&'static str>);

impl ReplyCoder for Fixed {
    fn code(&self, _: &CodeRequest<'_>) -> CodedReply {
        CodedReply {
            codes: self.0.clone(),
            primary: Primary::from_codes(&self.0),
            confidence: 0.9,
            evidence: vec![],
            reflected: Some(Side::Sustain),
            meanings: self.1.iter().map(|s| s.to_string()).collect(),
            ethics: vec![],
            unsure: false,
            notes: vec![],
        }
    }
}

#[test]
fn a_typed_reflection_of_the_reason_hears_it_and_a_question_naming_it_does_not() {
    let sc = scenario(TEXT);
    let mut s = Session::start(sc.clone(), 1, Lang::Fi);
    // A question that happens to carry the meaning is not a reflection: still unheard.
    s.reply_text(&Fixed(vec![Code::OQ], vec!["aika"]), "Onko aika ongelma?").unwrap();
    assert_eq!(line(&s), "Yes, but I really don't have the time.");
    // A reflection that captures it: heard; the next visit does not bring it back.
    s.reply_text(&Fixed(vec![Code::CR], vec!["aika"]), "Aikaa ei tunnu riittävän.").unwrap();
    assert!(s.state().current.mind.heard.contains("aika"));
    assert_ne!(line(&s), "Yes, but I really don't have the time.");
}

#[test]
fn a_trust_gated_line_is_said_only_at_the_threshold() {
    let sc = scenario(TEXT);
    let worry = "Actually I'm afraid of pressing the wrong button.";
    for seed in 1..=8 {
        // Trust 2 + CR 1.0 + heard 0.5 = 3.5: below 4, the worry stays untold.
        let mut s = Session::start(sc.clone(), seed, Lang::Fi);
        s.choose_id("cr").unwrap();
        assert_eq!(s.state().current.mind.trust, 3.5);
        assert_ne!(line(&s), worry, "seed {seed}");
        // Trust 2 + CR 1.0 + AF 0.5 + heard 0.5 = 4: the client tells it.
        let mut s = Session::start(sc.clone(), seed, Lang::Fi);
        s.choose_id("cr-af").unwrap();
        assert_eq!(s.state().current.mind.trust, 4.0);
        assert_eq!(line(&s), worry, "seed {seed}");
    }
}

#[test]
fn a_stage_moves_at_most_one_step_per_reply() {
    // Every stage's condition holds after the first reply; still one step per reply.
    let sc = scenario(TEXT);
    let mut s = Session::start(sc, 1, Lang::Fi);
    assert_eq!(s.state().current.mind.stage, Stage::Precontemplation);
    s.choose_id("cr").unwrap();
    assert_eq!(s.state().current.mind.stage, Stage::Contemplation);
    // The plan option needs `stage >= preparation`: not shown yet.
    assert_eq!(s.position_of("plan"), None);
    s.choose_id("oq").unwrap();
    assert_eq!(s.state().current.mind.stage, Stage::Preparation);
    assert!(s.position_of("plan").is_some());
    s.choose_id("oq").unwrap();
    assert_eq!(s.state().current.mind.stage, Stage::Action);
    s.choose_id("oq").unwrap();
    assert_eq!(s.state().current.mind.stage, Stage::Action);
    // A rewind restores the stage, trust and reasons of that moment.
    s.rewind(1).unwrap();
    assert_eq!(s.state().current.mind.stage, Stage::Contemplation);
}

#[test]
fn trust_falls_with_confrontation_and_the_stage_falls_back_on_discord() {
    let text2 =
        TEXT.replacen("reasons: [\"aika\"],", "reasons: [\"aika\"],\n        back: \"discord >= 2\",", 1).replacen(
            "(id: \"oq\", text: (fi: \"Mikä siinä mietityttää?\", en: \"What's on your mind?\"), codes: [OQ],",
            "(id: \"oq\", text: (fi: \"Sinä vain keksit syitä.\", en: \"You're just making excuses.\"), codes: [CON],",
            1,
        );
    let sc = scenario(&text2);
    let mut s = Session::start(sc, 1, Lang::Fi);
    s.choose_id("cr").unwrap();
    assert_eq!(s.state().current.mind.stage, Stage::Contemplation);
    let before = s.state().current.mind.trust;
    s.choose_id("oq").unwrap(); // a confrontation: discord +2.5, trust −2, one stage back
    assert_eq!(s.state().current.mind.trust, before - 2.0);
    assert_eq!(s.state().current.mind.stage, Stage::Precontemplation);
}
