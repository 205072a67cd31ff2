use super::*;
use crate::model::{Darn, Talk};

fn coder() -> Coder {
    Coder::bundled().expect("the bundled weights load")
}

fn code(c: &Coder, lang: Lang, context: &str, text: &str) -> CodedReply {
    c.code(&CodeRequest { lang, text, context, context_talk: None, meanings: &[] })
}

#[test]
fn bundled_weights_have_both_heads_and_fit_the_size_budget() {
    assert!(BUNDLED_WEIGHTS.len() <= 2 * 1024 * 1024, "{} bytes", BUNDLED_WEIGHTS.len());
    let c = coder();
    assert_eq!(c.weights().head("primary").map(|h| h.n_classes()), Some(4));
    assert_eq!(c.weights().head("code").map(|h| h.n_classes()), Some(12));
    assert!(c.weights().features.len() > 1000);
}

#[test]
fn clear_finnish_replies_get_their_codes() {
    let c = coder();
    let cases: &[(&str, &str, Code)] = &[
        ("Mulla on tabletti, mut en käytä sitä.", "Millaisia kokemuksia sulla on tabletin kanssa ollut?", Code::OQ),
        ("Mulla on tabletti.", "Onko se tabletti sulla nyt mukana?", Code::CQ),
        ("Mä en tiiä mitä tehdä.", "Saanko kertoa, mitä muut on kokeillut?", Code::SEEK),
        ("Tytär haluaa että mä opettelen.", "Se on kokonaan sun oma päätös, kukaan ei voi pakottaa sua.", Code::EMPH),
        ("En mä tiiä tarviinko mä tätä.", "Sun pitäis ottaa se heti käyttöön, muuten et pärjää.", Code::PER),
        ("Moi.", "Hei ja tervetuloa!", Code::NONE),
    ];
    for (ctx, reply, want) in cases {
        let got = code(&c, Lang::Fi, ctx, reply);
        assert!(got.codes.contains(want), "{reply}: got {:?}, want {want}", got.codes);
        assert!((0.0..=1.0).contains(&got.confidence));
    }
}

#[test]
fn clear_english_replies_get_their_codes_and_primary() {
    let c = coder();
    let got = code(&c, Lang::En, "I drink most nights.", "What do you enjoy about drinking?");
    assert_eq!(got.codes, vec![Code::OQ]);
    assert_eq!(got.primary, Primary::Question);
    let got = code(&c, Lang::En, "I can't be bothered with new apps.", "You're just lazy, that's all it is.");
    assert!(got.codes.contains(&Code::CON), "{:?}", got.codes);
    let got = code(&c, Lang::En, "I'm afraid I'll break the tablet.", "You're worried that you might break it.");
    assert!(got.codes.iter().any(|c| c.is_reflection()), "{:?}", got.codes);
    assert_eq!(got.primary, Primary::Reflection);
}

#[test]
fn a_reflection_then_a_question_gets_both_codes() {
    let c = coder();
    let got = code(
        &c,
        Lang::Fi,
        "Tää kirjautuminen ei vaan onnistu.",
        "Kirjautuminen ei onnistu, vaikka olet yrittänyt. Mitä sä oot jo kokeillut?",
    );
    assert!(got.codes.iter().any(|c| c.is_reflection() || *c == Code::AF), "{:?}", got.codes);
    assert!(got.codes.contains(&Code::OQ), "{:?}", got.codes);
    assert_eq!(got.codes, normalize_volley(&got.codes), "codes are normalised");
}

#[test]
fn evidence_quotes_the_reply_at_its_spans() {
    let c = coder();
    let text = "  Saanko kertoa, miten muut ovat tämän ratkaisseet?";
    let got = code(&c, Lang::Fi, "", text);
    assert!(!got.evidence.is_empty());
    for e in &got.evidence {
        assert!(got.codes.contains(&e.code), "evidence for a code not given: {e:?}");
        if let Some((s, t)) = e.span {
            let quoted = &text[s..t];
            assert!(e.cue.starts_with(quoted), "cue {:?} vs span text {quoted:?}", e.cue);
        }
        assert!(e.weight > 0.0);
    }
    assert!(got.evidence.iter().any(|e| e.cue.to_lowercase().contains("saanko")), "{:?}", got.evidence);
}

#[test]
fn empty_and_garbage_input_are_not_panics() {
    let c = coder();
    let got = code(&c, Lang::Fi, "", "   ");
    assert_eq!(got.codes, vec![Code::NONE]);
    assert_eq!(got.confidence, 0.0);
    assert!(matches!(Coder::from_bytes(b"garbage"), Err(CoderError::Weights(WeightsError::BadMagic))));
    let empty = Weights { features: vec![], heads: vec![], params: vec![], ethics: None };
    assert_eq!(Coder::from_weights(empty).err(), Some(CoderError::MissingHead("primary")));
    // Punctuation only, emoji, very long.
    for t in ["?!?", "🙂", &"sana ".repeat(390)] {
        let got = code(&c, Lang::Fi, "", t);
        assert!(!got.codes.is_empty());
    }
}

fn meanings() -> Vec<Meaning> {
    vec![
        Meaning::new(
            "pelko_rikki",
            Side::Sustain,
            [(Lang::Fi, vec!["rikki".into()]), (Lang::En, vec!["break".into()])],
        ),
        Meaning::new("halu_oppia", Side::Change, [(Lang::Fi, vec!["oppia".into()]), (Lang::En, vec!["learn".into()])]),
    ]
}

#[test]
fn reflections_report_meanings_and_the_side_they_end_on() {
    let c = coder();
    let m = meanings();
    let ctx = "Mua pelottaa että tabletti menee rikki, vaikka haluisin oppia käyttämään sitä.";
    let req = |text| CodeRequest {
        lang: Lang::Fi,
        text,
        context: ctx,
        context_talk: Some(Talk::Sustain(Darn::Ability)),
        meanings: &m,
    };
    // Double-sided, ending on change talk.
    let got = c.code(&req("Pelkäät, että tabletti menee rikki, mutta samalla haluaisit oppia käyttämään sitä."));
    assert!(got.codes.iter().any(|c| c.is_reflection()), "{:?}", got.codes);
    assert_eq!(got.meanings, vec!["pelko_rikki".to_string(), "halu_oppia".to_string()]);
    assert_eq!(got.reflected, Some(Side::Change));
    // Only the sustain side.
    let got = c.code(&req("Sua pelottaa, että tabletti menee rikki."));
    assert!(got.codes.iter().any(|c| c.is_reflection()), "{:?}", got.codes);
    assert_eq!(got.meanings, vec!["pelko_rikki".to_string()]);
    assert_eq!(got.reflected, Some(Side::Sustain));
    // No meaning matched: the client line's side.
    let got = c.code(&req("Tää tuntuu tosi pelottavalta."));
    if got.codes.iter().any(|c| c.is_reflection()) {
        assert_eq!(got.reflected, Some(Side::Sustain));
    }
    // Not a reflection: no side.
    let got = c.code(&req("Saanko näyttää, miten sen saa auki?"));
    assert!(!got.codes.iter().any(|c| c.is_reflection()), "{:?}", got.codes);
    assert_eq!(got.reflected, None);
}

#[test]
fn meaning_cues_match_by_stem_across_inflection() {
    let ex = Extractor::new();
    let m = meanings();
    let a = ex.analyse(Lang::Fi, "Sä haluat oppia ja opettelet jo");
    let got: Vec<&str> = match_meanings(&ex, Lang::Fi, &a, &m).iter().map(|(m, _)| m.id.as_str()).collect();
    assert_eq!(got, vec!["halu_oppia"]);
    let a = ex.analyse(Lang::En, "You're afraid it might break, and you'd like to learn.");
    let got: Vec<&str> = match_meanings(&ex, Lang::En, &a, &m).iter().map(|(m, _)| m.id.as_str()).collect();
    assert_eq!(got, vec!["pelko_rikki", "halu_oppia"]);
    let a = ex.analyse(Lang::En, "Tell me more.");
    assert!(match_meanings(&ex, Lang::En, &a, &m).is_empty());
}

#[test]
fn miti_rules_between_codes() {
    assert_eq!(apply_rules(vec![Code::CON, Code::CQ]), vec![Code::CON]);
    assert_eq!(apply_rules(vec![Code::PER, Code::PWP]), vec![Code::PWP]);
    assert_eq!(apply_rules(vec![Code::SR, Code::OQ]), vec![Code::SR, Code::OQ]);
}

/// MI-consistent codes: the ones a reply is praised for.
fn praised(r: &CodedReply) -> bool {
    r.codes.iter().any(|c| !c.is_mi_inconsistent() && !matches!(c, Code::GI | Code::NONE))
}

#[test]
fn harm_is_never_praised_for_its_form() {
    let c = coder();
    let cases: &[(Lang, &str, &str, &[Code])] = &[
        (
            Lang::Fi,
            "Mua pelottaa, että OmaKannassa on huijareita.",
            "Turha sinun on pelätä, ei OmaKannassa mitään huijareita ole.",
            &[Code::PER, Code::CON],
        ),
        (
            Lang::Fi,
            "En tiedä uskallanko.",
            "Sinun kannattaa nyt vaan kokeilla, se on oikeasti tosi helppoa.",
            &[Code::PER],
        ),
        (
            Lang::Fi,
            "Mä painoin sitä linkkiä.",
            "Et saa enää ikinä painaa mitään linkkejä, ymmärrätkö?",
            &[Code::CON, Code::PER],
        ),
        (Lang::En, "I'm not sure I can do this.", "You really should just try it, it's easy.", &[Code::PER]),
        (Lang::En, "I clicked the link.", "Never click links again, do you understand?", &[Code::CON, Code::PER]),
        (Lang::En, "I keep my password in my wallet.", "Do you realise how dangerous that is?", &[Code::CON]),
        (Lang::Fi, "Mä pidän PIN-koodia lompakossa.", "Tajuatko sä, miten vaarallista se on?", &[Code::CON]),
        (Lang::En, "I'd rather call the health centre.", "The e-service is much faster, you'll see.", &[Code::PER]),
    ];
    for (lang, ctx, reply, want) in cases {
        let r = code(&c, *lang, ctx, reply);
        assert!(!praised(&r), "{reply}: {:?}", r.codes);
        assert!(r.codes.iter().any(|x| want.contains(x)), "{reply}: {:?}", r.codes);
        assert!(r.evidence.iter().any(|e| want.contains(&e.code)), "{reply}: evidence for the code: {:?}", r.evidence);
    }
    // Permission actually given keeps advice PWP.
    let r = code(
        &c,
        Lang::Fi,
        "Kerro vaan, mitä sä ehdotat.",
        "Monet aloittavat siitä, että kokeilevat ensin kirjautumista.",
    );
    assert!(
        !r.codes.contains(&Code::PER) || r.codes.contains(&Code::PWP) || r.codes.contains(&Code::GI),
        "{:?}",
        r.codes
    );
}

#[test]
fn a_directive_is_advice_whatever_its_form() {
    let c = coder();
    // Instructions nobody asked for: never a reflection or a question.
    let pushed: &[(Lang, &str, &str)] = &[
        (Lang::En, "My grandson set up the app, I never open it.", "Open the app tonight and look around."),
        (Lang::En, "I write my codes on a note by the phone.", "So tear up that note and memorise them."),
        (Lang::En, "I'm not sure about video appointments.", "Book one for next week, it saves you the bus."),
        (Lang::Fi, "Mä en oo vielä kokeillu sitä Omaoloa.", "Lataa se tänään ja tee se oirearvio."),
        (Lang::Fi, "Mulla on sama salasana joka paikassa.", "No vaihda ne kaikki tänä iltana."),
        (Lang::Sv, "Jag har samma lösenord överallt.", "Byt alla lösenord i kväll."),
    ];
    for (lang, ctx, reply) in pushed {
        let r = code(&c, *lang, ctx, reply);
        assert!(!praised(&r), "{reply}: {:?}", r.codes);
        assert!(r.codes.contains(&Code::PER), "{reply}: {:?}", r.codes);
        assert!(r.evidence.iter().any(|e| e.code == Code::PER && e.span.is_some()), "{reply}: {:?}", r.evidence);
    }
    // An instruction next to a real question: both are coded.
    let r = code(
        &c,
        Lang::Fi,
        "Mä annoin yhen koodin puhelimessa, ja sit mä tajusin, että se oli huijari.",
        "Soita heti pankkiin ja pyydä sulkemaan tunnukset. Ehditkö jo soittaa sinne?",
    );
    assert!(r.codes.contains(&Code::PER) && r.codes.contains(&Code::CQ), "{:?}", r.codes);
    // Asked how: the instruction is information.
    let r = code(&c, Lang::En, "How do I get to my messages?", "Click the envelope at the top of the page.");
    assert!(r.codes.contains(&Code::GI), "{:?}", r.codes);
    // Not directives: a noun that looks like a verb, a question's auxiliary, an invitation to tell more.
    let not: &[(Lang, &str, &str)] = &[
        (Lang::En, "Everything keeps changing on these sites.", "Change is tiring when it keeps coming."),
        (Lang::En, "I don't know if I want this.", "Do you want to talk about what makes it hard?"),
        (Lang::Fi, "En mä tiedä haluanko.", "Kerro lisää siitä, mikä tässä mietityttää."),
    ];
    for (lang, ctx, reply) in not {
        let r = code(&c, *lang, ctx, reply);
        assert!(!r.codes.contains(&Code::PER), "{reply}: {:?}", r.codes);
    }
}

#[test]
fn blame_and_sarcasm_are_confrontation_in_any_form() {
    let c = coder();
    let put_downs: &[(Lang, &str, &str)] = &[
        (Lang::En, "I haven't opened the letter yet.", "Why on earth haven't you opened it yet?"),
        (Lang::En, "This login thing is too hard for me.", "How hard can it be? Everyone else manages."),
        (Lang::En, "I clicked the link in that text.", "Well, that's your own fault then."),
        (Lang::Fi, "Mä en oo vieläkään avannu sitä kirjettä.", "Miksi ihmeessä sä et oo vieläkään avannu sitä?"),
        (Lang::Fi, "Mä unohdan aina sen salasanan.", "Sähän et edes yritä muistaa sitä."),
        (Lang::Fi, "Mä hukkasin sen koodin taas.", "Taasko? Oikeesti?"),
        (Lang::Sv, "Den här inloggningen är för svår för mig.", "Hur svårt kan det vara? Alla andra klarar det."),
        (Lang::Sv, "Jag klickade på länken i meddelandet.", "Ja då får du skylla dig själv."),
    ];
    for (lang, ctx, reply) in put_downs {
        let r = code(&c, *lang, ctx, reply);
        assert!(r.codes.contains(&Code::CON), "{reply}: {:?}", r.codes);
        assert!(!praised(&r), "{reply}: {:?}", r.codes);
    }
    // The client's own words given back, and real questions with the same words, are not put-downs.
    let r = code(&c, Lang::En, "I'm not even trying anymore, to be honest.", "You're not even trying anymore.");
    assert!(!r.codes.contains(&Code::CON), "{:?}", r.codes);
    let r = code(&c, Lang::En, "I never get it right.", "How can you make it a little easier for yourself?");
    assert!(!r.codes.contains(&Code::CON), "{:?}", r.codes);
    let r = code(&c, Lang::Fi, "Mä en haluu.", "Mikä siinä tuntuu vaikealta?");
    assert!(!r.codes.contains(&Code::CON), "{:?}", r.codes);
}

#[test]
fn honest_when_unsure() {
    let c = coder();
    for (lang, filler) in
        [(Lang::Fi, "ok"), (Lang::Fi, "joo"), (Lang::Fi, "Mm."), (Lang::En, "okay"), (Lang::En, "Sure.")]
    {
        let r = code(&c, lang, "En tiedä.", filler);
        assert_eq!(r.codes, vec![Code::NONE], "{filler}");
        assert!(r.unsure && r.notes.contains(&CoderNote::Filler), "{filler}: {r:?}");
    }
    // A Finnish reply in an English play: flagged, not credited.
    let r =
        code(&c, Lang::En, "I'm scared of the bank app.", "Sinua pelottaa, että jotain menee pieleen pankin kanssa.");
    assert_eq!(r.codes, vec![Code::NONE]);
    assert!(r.notes.contains(&CoderNote::LanguageMismatch { reply: Lang::Fi }), "{:?}", r.notes);
    assert!(r.unsure);
    let r = code(&c, Lang::Fi, "Pelkään pankkisovellusta.", "It sounds like the bank app scares you.");
    assert!(r.notes.contains(&CoderNote::LanguageMismatch { reply: Lang::En }), "{:?}", r.notes);
    // A reflection about something else than the client's line is flagged and not credited as complex.
    let r = code(
        &c,
        Lang::En,
        "I'm worried about the bank codes and the app on my phone.",
        "The garden has been growing nicely this summer and the weather was lovely.",
    );
    assert!(!r.codes.contains(&Code::CR), "{:?}", r.codes);
    // Ordinary replies are not flagged; the threshold is documented.
    let r = code(&c, Lang::Fi, "Mä pelkään, että tabletti menee rikki.", "Pelkäät, että tabletti menee rikki.");
    assert!(r.notes.is_empty() || r.confidence < UNSURE_BELOW, "{r:?}");
    assert_eq!(r.unsure, !r.notes.is_empty());
    for n in [
        CoderNote::LowConfidence,
        CoderNote::Filler,
        CoderNote::OffTopic,
        CoderNote::LanguageMismatch { reply: Lang::Fi },
    ] {
        assert!(!n.message(Lang::Fi).is_empty() && !n.message(Lang::En).is_empty());
    }
}

#[test]
fn typed_takeover_gets_an_ethics_finding_in_both_languages() {
    let c = coder();
    let r = code(&c, Lang::Fi, "Mä en osaa näppäillä noita.", "Annahan ne tunnukset, minä näppäilen ne puolestasi.");
    assert!(r.ethics.iter().any(|h| h.kind == crate::model::EthicsKind::TakesCredentials), "{:?}", r.ethics);
    let r = code(&c, Lang::En, "I can't type those.", "Give me the codes, I'll type them in for you.");
    assert!(r.ethics.iter().any(|h| h.kind == crate::model::EthicsKind::TakesCredentials), "{:?}", r.ethics);
    let r = code(&c, Lang::Fi, "Voitko näppäillä ne?", "Sinä näppäilet, minä neuvon vieressä.");
    assert!(r.ethics.is_empty(), "{:?}", r.ethics);
}

#[test]
fn swedish_replies_get_their_codes_and_rules() {
    let c = coder();
    let cases: &[(&str, &str, Code)] = &[
        ("Jag vet inte om jag vill ha nätbanken.", "Det är helt ditt beslut.", Code::EMPH),
        ("Jag har en ny telefon.", "Har du redan installerat bankappen?", Code::CQ),
        ("Jag klarar mig nog utan datorn.", "Vad skulle vara annorlunda om du använde den?", Code::OQ),
        ("Jag lade på när de frågade efter koderna.", "Du reagerade snabbt och skyddade dina pengar.", Code::AF),
        ("Hej.", "Hej och välkommen!", Code::NONE),
    ];
    for (ctx, reply, want) in cases {
        let got = code(&c, Lang::Sv, ctx, reply);
        assert!(got.codes.contains(want), "{reply}: {:?}", got.codes);
    }
    // Harm is not praised in Swedish either: a warning with a lecturing check is CON, pushed advice is not a
    // reflection or a question, and persuasion needs permission.
    let r = code(&c, Lang::Sv, "Jag klickade på länken.", "Du får aldrig mer klicka på länkar, förstår du?");
    assert_eq!(r.codes, vec![Code::CON], "{r:?}");
    let r = code(&c, Lang::Sv, "Jag vet inte om jag klarar det.", "Du borde bara prova, det är jättelätt.");
    assert!(r.codes.iter().all(|c| c.is_mi_inconsistent()), "{:?}", r.codes);
    // Fillers are neutral; a reply in another language than the play is flagged, not credited.
    for filler in ["ok", "jaa", "nå", "Mm."] {
        let r = code(&c, Lang::Sv, "Jag vet inte.", filler);
        assert_eq!(r.codes, vec![Code::NONE], "{filler}");
        assert!(r.notes.contains(&CoderNote::Filler), "{filler}: {:?}", r.notes);
    }
    let r =
        code(&c, Lang::Sv, "Jag är rädd för bankappen.", "Sinua pelottaa, että jotain menee pieleen pankin kanssa.");
    assert!(r.notes.contains(&CoderNote::LanguageMismatch { reply: Lang::Fi }), "{:?}", r.notes);
    assert_eq!(r.codes, vec![Code::NONE]);
    let r = code(&c, Lang::Fi, "Pelkään pankkisovellusta.", "Det låter som om bankappen känns skrämmande för dig.");
    assert!(r.notes.contains(&CoderNote::LanguageMismatch { reply: Lang::Sv }), "{:?}", r.notes);
    let r = code(&c, Lang::Sv, "Jag är rädd för bankappen.", "It sounds like the bank app scares you.");
    assert!(r.notes.contains(&CoderNote::LanguageMismatch { reply: Lang::En }), "{:?}", r.notes);
    // Swedish with "ä"/"ö" in it is not taken for Finnish.
    let r = code(&c, Lang::Sv, "Jag är rädd.", "Du känner dig rädd för att göra fel och det är förståeligt.");
    assert!(!r.notes.iter().any(|n| matches!(n, CoderNote::LanguageMismatch { .. })), "{:?}", r.notes);
    for n in [
        CoderNote::LowConfidence,
        CoderNote::Filler,
        CoderNote::OffTopic,
        CoderNote::LanguageMismatch { reply: Lang::Fi },
    ] {
        assert!(!n.message(Lang::Sv).is_empty() && n.message(Lang::Sv) != n.message(Lang::En), "{n:?}");
    }
}

#[test]
fn swedish_question_form_is_verb_first() {
    let ex = Extractor::new();
    let ctx = ex.context(Lang::Sv, "", None);
    let has = |text: &str, name: &str| {
        let a = ex.analyse(Lang::Sv, text);
        ex.features(Lang::Sv, &a, (0, a.sentences.len()), &ctx).iter().any(|f| f.name == name)
    };
    assert!(has("Har du bankkoderna med dig", "f:closed_form"));
    assert!(has("Stämmer det?", "f:closed_form"));
    assert!(has("Brukar du använda glasögon?", "f:closed_form"));
    assert!(!has("Du har bankkoderna med dig.", "f:closed_form"));
    assert!(!has("Om du vill kan vi öva.", "f:closed_form"));
    assert!(has("Vad tänker du om det?", "f:open_form"));
    assert!(has("Det låter som om det är jobbigt.", "f:refl_stem"));
    assert!(has("Det är ditt beslut.", "f:autonomy"));
    assert!(has("Får jag berätta vad andra har gjort?", "f:permission"));
}

#[test]
fn primary_bias_calibrates_the_four_way_label() {
    let mut c = coder();
    let (ctx, reply) = ("I'm afraid I'll break the tablet.", "It sounds like you're worried that you might break it.");
    assert_eq!(code(&c, Lang::En, ctx, reply).primary, Primary::Reflection);
    c.primary_bias = [0.0, 0.0, 20.0, 0.0];
    let r = code(&c, Lang::En, ctx, reply);
    assert_eq!(r.primary, Primary::Input);
    assert!(r.confidence.is_finite() && (0.0..=1.0).contains(&r.confidence), "{}", r.confidence);
    // The shipped weights carry the calibration chosen on the validation fold.
    let shipped = coder().primary_bias;
    assert!(shipped.iter().all(|b| b.is_finite() && b.abs() < 3.0), "{shipped:?}");
}

#[test]
fn advice_the_client_asked_for_is_persuasion_with_permission() {
    let c = coder();
    for (lang, ctx, reply) in [
        (
            Lang::Fi,
            "Mitä sä neuvoisit, kannattaako mun ottaa se mobiilivarmenne?",
            "Mun mielestä kannattaa, sillä pääset kaikkiin palveluihin.",
        ),
        (
            Lang::Fi,
            "Mitä sää tekisit mun sijassa?",
            "Mää ottaisin mobiilivarmenteen ja pitäisin pankkitunnukset pankkia varten.",
        ),
        (
            Lang::Fi,
            "Mä en tiiä mitä tehdä.",
            "Saanko ehdottaa yhtä juttua? Mä kokeilisin ensin uusimispyyntöä OmaKannassa.",
        ),
        (
            Lang::Fi,
            "Mä meen kirjastoon tekemään sen hakemuksen.",
            "Ihan sun valinta, mut ite kirjautuisin lopuks ulos ja tyhjentäisin historian.",
        ),
        (Lang::En, "Can you just give me your honest advice?", "I'd get the mobile certificate set up first."),
        (
            Lang::En,
            "Go on then, what's your trick for this?",
            "What works for me is using the templates, but you might find another way.",
        ),
    ] {
        let r = code(&c, lang, ctx, reply);
        assert!(r.codes.contains(&Code::PWP), "{reply}: {:?}", r.codes);
        assert!(!r.codes.contains(&Code::PER), "{reply}: {:?}", r.codes);
    }
    // Asking permission is not yet advice; advice nobody asked for is persuasion.
    let r = code(
        &c,
        Lang::Fi,
        "Naapuri sanoi, että pitää ostaa uusi puhelin.",
        "Saanko kertoa, mitä muita vaihtoehtoja olisi?",
    );
    assert!(!r.codes.contains(&Code::PWP), "{:?}", r.codes);
    let r = code(&c, Lang::Fi, "Mä en tykkää siitä sovelluksesta.", "Sun kannattaa ottaa se mobiilivarmenne heti.");
    assert!(!r.codes.contains(&Code::PWP), "{:?}", r.codes);
}

#[test]
fn hyphenated_backchannels_are_fillers_and_sarcastic_questions_are_confrontation() {
    let c = coder();
    for (lang, filler) in [(Lang::En, "Mm-hm."), (Lang::En, "Uh-huh."), (Lang::Fi, "Mm-m.")] {
        let r = code(&c, lang, "So I went to the pharmacy.", filler);
        assert_eq!(r.codes, vec![Code::NONE], "{filler}");
    }
    for (lang, ctx, reply) in [
        (Lang::Fi, "En mä saa sitä Omaoloa toimimaan.", "Ootko ees lukenu ohjeita, vai luovutitko saman tien?"),
        (Lang::En, "I forgot the video appointment again.", "Did you even look at the reminder?"),
        (
            Lang::En,
            "The old system worked for years.",
            "Well, the rest of the ward managed it, so I'm not sure what your excuse is.",
        ),
    ] {
        let r = code(&c, lang, ctx, reply);
        assert!(r.codes.contains(&Code::CON), "{reply}: {:?}", r.codes);
    }
}

#[test]
fn a_worried_question_is_reflected_not_answered_and_information_before_a_question_counts() {
    let c = coder();
    let ctx = "Okei. Jos mä kokeilisin sitä yhen kerran. Mut mitä jos mä jäädyn siinä enkä tiiä mitä sanoo?";
    let r = code(&c, Lang::Fi, ctx, "Olisit valmis kokeilemaan kerran, vaikka jännittää.");
    assert!(r.codes.iter().any(|c| c.is_reflection()), "{:?}", r.codes);
    assert!(!r.codes.contains(&Code::GI), "{:?}", r.codes);
    let r = code(
        &c,
        Lang::Fi,
        "Kerro vaan. Mitä muuta siinä pitäis kattoo?",
        "Pankkitunnuksilla mennään vain pankkiin, pankin omaan sovellukseen tai osoitteeseen, jonka kirjoitat itse. \
         Muualle suositellaan mobiilivarmennetta. Mitkä näistä sopivat sinulle?",
    );
    assert!(r.codes.contains(&Code::OQ), "{:?}", r.codes);
    assert!(r.codes.iter().any(|c| matches!(c, Code::GI | Code::PWP)), "{:?}", r.codes);
}
