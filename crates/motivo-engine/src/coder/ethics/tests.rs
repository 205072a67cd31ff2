use super::*;

fn kinds(lang: Lang, context: &str, reply: &str) -> Vec<EthicsKind> {
    detect(lang, reply, context).into_iter().map(|h| h.kind).collect()
}

#[test]
fn takeover_of_codes_is_found_with_its_words() {
    let hits = detect(Lang::Fi, "Selvä, minä laitan sen tunnusluvun tähän sinun puolestasi.", "");
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(hits[0].kind, EthicsKind::TakesCredentials);
    let (a, b) = hits[0].span.expect("a span");
    assert_eq!(&"Selvä, minä laitan sen tunnusluvun tähän sinun puolestasi."[a..b], hits[0].evidence);
    assert!(hits[0].evidence.contains("laitan"), "{}", hits[0].evidence);
    assert_eq!(
        kinds(Lang::Fi, "", "Annahan ne tunnukset, minä näppäilen ne puolestasi."),
        vec![EthicsKind::TakesCredentials]
    );
    assert_eq!(
        kinds(Lang::En, "", "Give me your codes and I'll type them in for you."),
        vec![EthicsKind::TakesCredentials]
    );
}

#[test]
fn ethical_counterparts_give_nothing() {
    for (lang, reply) in [
        (Lang::Fi, "Sinä näppäilet, minä neuvon vieressä."),
        (Lang::Fi, "Tunnuksesi ovat vain sinun."),
        (Lang::Fi, "Voit antaa valtuutuksen Suomi.fi:ssä."),
        (Lang::Fi, "En ota tunnuksiasi, mutta voin neuvoa."),
        (Lang::Fi, "Älä anna tunnuksiasi kenellekään, edes minulle."),
        (Lang::Fi, "Soitetaan nyt 112."),
        (Lang::En, "You type, and I'll guide you."),
        (Lang::En, "Your codes are yours alone."),
        (Lang::En, "I won't take your codes, but I can advise you at every step."),
        (Lang::En, "Never give your PIN to anyone, not even to me."),
    ] {
        assert_eq!(kinds(lang, "Voitko sä näppäillä mun tunnukset?", reply), vec![], "{reply}");
    }
}

#[test]
fn pronouns_refer_to_codes_the_client_named() {
    let ctx = "En muista sitä tunnuslukua.";
    assert_eq!(kinds(Lang::Fi, ctx, "Minä näppäilen ne."), vec![EthicsKind::TakesCredentials]);
    // Without codes in the client's line, "ne" is not codes: doing it for the client at most.
    assert_eq!(kinds(Lang::Fi, "Tää lomake on pitkä.", "Minä täytän sen."), vec![EthicsKind::DoesItForClient]);
}

#[test]
fn a_safety_signal_needs_attention() {
    let ctx = "Joku soitti pankista ja mä annoin sille jo tunnusluvut.";
    let hits = detect(Lang::Fi, "Katsotaan sitten se OmaKanta-kirjautuminen.", ctx);
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(hits[0].kind, EthicsKind::IgnoresSafetySignal);
    assert_eq!(hits[0].span, None);
    assert!(ctx.contains(&hits[0].evidence), "{}", hits[0].evidence);
    assert_eq!(kinds(Lang::Fi, ctx, "Soita heti pankin sulkupalveluun."), vec![]);
    let ctx = "I've had this crushing pain in my chest today.";
    assert_eq!(kinds(Lang::En, ctx, "Okay, let's open the symptom checker."), vec![EthicsKind::IgnoresSafetySignal]);
    assert_eq!(kinds(Lang::En, ctx, "That matters more than this: let's call 112 now."), vec![]);
    // Spoken past forms of chest pressure are a signal too.
    for ctx in [
        "Mul on vähän puristanu rinnassa koko aamun, mut tehään nyt tää Kelan juttu.",
        "Rintaa on painanu eilisestä asti.",
    ] {
        let reply = "Sä näppäilet ne ite, mä katon vaikka ikkunasta ulos sillä aikaa.";
        assert_eq!(kinds(Lang::Fi, ctx, reply), vec![EthicsKind::IgnoresSafetySignal], "{ctx}");
        assert_eq!(
            kinds(Lang::Fi, ctx, "Soitetaan yhdessä 116117:ään, se rintakipu on tärkeempi ku tää lomake."),
            vec![]
        );
    }
    // No signal, no finding.
    assert_eq!(kinds(Lang::En, "I want to learn the bank app.", "Okay, let's open it."), vec![]);
    assert_eq!(kinds(Lang::Fi, "Tää rintamerkki painaa ihan liikaa.", "Okei, jatketaan."), vec![]);
}

#[test]
fn other_kinds() {
    assert_eq!(kinds(Lang::Fi, "", "Kirjaudun sinun tunnuksillasi OmaKantaan."), vec![EthicsKind::LogsInAsClient]);
    assert_eq!(
        kinds(Lang::Fi, "", "Lähetän hakemuksen miehesi nimissä, ei siihen valtakirjaa tarvita."),
        vec![EthicsKind::ActsWithoutAuthorisation]
    );
    assert_eq!(
        kinds(Lang::En, "I used the library computer.", "No need to log out, they shut down soon."),
        vec![EthicsKind::PrivacyBreach]
    );
    assert_eq!(
        kinds(Lang::En, "What does my cholesterol value mean?", "It's not dangerous, a normal value."),
        vec![EthicsKind::BeyondCompetence]
    );
    assert_eq!(kinds(Lang::En, "", "Give me the tablet, I'll sort this out."), vec![EthicsKind::DoesItForClient]);
}

#[test]
fn swedish_harm_is_found_and_its_ethical_counterparts_are_not() {
    use EthicsKind::*;
    for (ctx, reply, kind) in [
        ("Jag kan inte knappa in koderna.", "Ge mig koderna, så knappar jag in dem åt dig.", TakesCredentials),
        ("Jag vill se mina recept.", "Jag loggar in som dig så ser vi dem.", LogsInAsClient),
        ("Min dotter kan hjälpa mig.", "Ge din dotter dina bankkoder så kan hon sköta allt.", ActsWithoutAuthorisation),
        ("Jag vet inte hur man fyller i blanketten.", "Jag fyller i den åt dig.", DoesItForClient),
        ("Det är bibliotekets dator.", "Du behöver inte logga ut, det gör ingenting.", PrivacyBreach),
        ("Jag har ont i huvudet av medicinen.", "Halvera dosen så blir det bättre.", BeyondCompetence),
        ("Jag orkar inte leva längre.", "Nå, ska vi fortsätta med appen?", IgnoresSafetySignal),
    ] {
        assert_eq!(kinds(Lang::Sv, ctx, reply), vec![kind], "{reply}");
    }
    for reply in [
        "Du trycker själv, jag visar bredvid.",
        "Dina koder är bara dina.",
        "Du kan ge en fullmakt på Suomi.fi.",
        "Jag tar inte dina koder, men jag kan visa hur du gör.",
        "Ge aldrig dina koder till någon, inte ens till mig.",
        "Kom ihåg att logga ut när du är klar.",
        "Läkaren kan berätta vad resultatet betyder.",
    ] {
        assert_eq!(kinds(Lang::Sv, "Kan du knappa in mina koder?", reply), vec![], "{reply}");
    }
    // "en" is an article in Swedish, not a negation: "Jag tar en bild…" is still found.
    assert_eq!(
        kinds(Lang::Sv, "Här är mitt recept.", "Jag tar en bild på receptet med min telefon."),
        vec![PrivacyBreach]
    );
    assert_eq!(
        kinds(Lang::Sv, "Jag orkar inte leva längre.", "Det låter tungt. Har du tankar på att skada dig?"),
        vec![]
    );
}

#[test]
fn treatment_advice_and_permanent_log_ins_are_found_and_the_referrals_are_not() {
    let itch = "Iho kutiaa ihan hirveesti.";
    assert_eq!(
        kinds(Lang::Fi, itch, "Laita siihen hydrokortisonivoidetta kaksi kertaa päivässä."),
        vec![EthicsKind::BeyondCompetence]
    );
    assert_eq!(kinds(Lang::Fi, itch, "Kysy apteekista, mikä voide siihen sopisi."), vec![]);
    assert_eq!(
        kinds(Lang::En, "My skin is itching.", "Put some hydrocortisone cream on it twice a day."),
        vec![EthicsKind::BeyondCompetence]
    );
    assert_eq!(kinds(Lang::En, "My skin is itching.", "A pharmacist can tell you which cream to use."), vec![]);
    assert_eq!(
        kinds(Lang::Sv, "Huden kliar.", "Smörj in lite hydrokortisonkräm två gånger om dagen."),
        vec![EthicsKind::BeyondCompetence]
    );
    assert_eq!(
        kinds(Lang::Fi, "Kolesteroli on 7.", "Ei se ole paha, ei tarvitse lääkitystä."),
        vec![EthicsKind::BeyondCompetence]
    );
    assert_eq!(kinds(Lang::Fi, "Kolesteroli on 7.", "Ei se ole paha."), vec![EthicsKind::BeyondCompetence]);
    assert_eq!(kinds(Lang::Fi, "Kolesteroli on 7.", "Ei ole mikään juttu."), vec![EthicsKind::BeyondCompetence]);
    assert_eq!(kinds(Lang::Fi, "Kolesteroli on 7.", "En osaa sanoa, onko se paha. Kysytään hoitajalta."), vec![]);
    let laptop = "It's my own laptop at home.";
    assert_eq!(
        kinds(Lang::En, laptop, "You can just leave it logged in all the time."),
        vec![EthicsKind::PrivacyBreach]
    );
    assert_eq!(kinds(Lang::En, laptop, "Never leave it logged in, log out every time."), vec![]);
    assert_eq!(
        kinds(Lang::Fi, "Tää on mun oma kone.", "Voit pitää OmaKannan auki koko ajan."),
        vec![EthicsKind::PrivacyBreach]
    );
}

#[test]
fn a_negation_in_a_condition_does_not_excuse_the_act() {
    // "if you don't mind" negates the condition, not the take-over.
    assert_eq!(
        kinds(Lang::En, "", "I'll type your codes in for you if you don't mind."),
        vec![EthicsKind::TakesCredentials]
    );
    // The client's threat is a signal even when the condition is negated.
    let scam = "Mulle tuli viesti, että pankkitili suljetaan jos en vahvista tunnuksia heti.";
    assert_eq!(
        kinds(Lang::Fi, scam, "Selvä, mennään sitten OmaKantaan katsomaan reseptejä."),
        vec![EthicsKind::IgnoresSafetySignal]
    );
    assert_eq!(kinds(Lang::Fi, scam, "Odota, tuo kuulostaa huijaukselta. Älä vahvista mitään."), vec![]);
    // Self-harm talk in its common forms.
    for (lang, ctx) in [
        (Lang::Fi, "Välillä tuntuu, että kaikille ois parempi ilman minua."),
        (Lang::En, "Sometimes I think everyone would be better off without me."),
        (Lang::Sv, "Ibland tänker jag att alla hade det bättre utan mig."),
    ] {
        assert_eq!(kinds(lang, ctx, "Okay, next the appointment."), vec![EthicsKind::IgnoresSafetySignal], "{ctx}");
    }
}

#[test]
fn acute_symptoms_and_despair_in_everyday_words_are_signals() {
    for (lang, ctx) in [
        (Lang::Fi, "Rintaa puristaa ja vasen käsi on jotenkin outo."),
        (Lang::En, "My chest feels tight and my left arm is odd."),
        (Lang::Sv, "Det trycker i bröstet och vänster arm känns konstig."),
        (Lang::En, "There's no point in anything any more, I just want it all to end."),
        (Lang::Fi, "Mä vaan haluun että kaikki loppuis."),
    ] {
        assert_eq!(kinds(lang, ctx, "Jatketaan, seuraava kenttä."), vec![EthicsKind::IgnoresSafetySignal], "{ctx}");
    }
    assert_eq!(
        kinds(Lang::En, "I'm on the library computer.", "Don't bother logging out, it's fine."),
        vec![EthicsKind::PrivacyBreach]
    );
    assert_eq!(kinds(Lang::En, "I'm on the library computer.", "Log out when you're done."), vec![]);
}

#[test]
fn a_third_persons_codes_by_name_are_found_and_services_are_not_names() {
    for (lang, reply) in [
        (Lang::Fi, "Mennään Elsan tunnuksilla sisään, ei hän pahastu."),
        (Lang::Fi, "Käytä vaan Sirkka-tädin koodeja."),
        (Lang::Fi, "Otetaan Eskon tunnusluvut siitä lapusta."),
        (Lang::En, "Let's log in with Doris's bank codes and have a look."),
        (Lang::En, "Sign in as Mikko, it's quicker than an authorisation."),
        (Lang::Sv, "Vi loggar in med Gunnels bankkoder och kollar."),
        // A common first name also counts as the first word of a sentence.
        (Lang::Fi, "Elsan tunnuksilla mennään sisään, ei hän pahastu."),
        (Lang::Fi, "Pekan pankkitunnuksilla kirjaudutaan, se on nopeinta."),
        (Lang::Fi, "Henrikin tunnusluvuilla kirjaudutaan, niin päästään eteenpäin."),
        (Lang::En, "Doris's bank codes will do, let's log in with them."),
        (Lang::Sv, "Görans koder funkar, vi loggar in med dem."),
    ] {
        assert_eq!(kinds(lang, "", reply), vec![EthicsKind::ActsWithoutAuthorisation], "{reply}");
    }
    for (lang, reply) in [
        // At the start of a sentence a capitalised genitive is a name only when it is a known first name.
        (Lang::Fi, "Railin tunnukset ovat vain Railin omat."),
        (Lang::Fi, "Pankin tunnuksilla kirjaudut sinä itse."),
        (Lang::Fi, "Toivon, että näppäilet tunnusluvut itse."),
        (Lang::Fi, "Kirjautumisen tunnuksilla pääset sisään itse."),
        (Lang::En, "Mark's own codes stay with him; he signs in himself."),
        (Lang::Sv, "Bankens koder knappar du in själv."),
        (Lang::Fi, "Kirjaudu Nordean tunnuksilla, sinä itse."),
        (Lang::Fi, "Kirjaudu POP Pankin tunnuksillasi ja näppäile ne itse."),
        (Lang::Fi, "Kirjaudu Microsoft-tilin salasanallasi."),
        (Lang::Fi, "Mene Kelan sivuille ja kirjaudu omilla pankkitunnuksillasi."),
        (Lang::Fi, "Äitisi pankkitunnukset kuuluvat vain hänelle."),
        (Lang::Fi, "Elsa voi valtuuttaa sinut, silloin et tarvitse Elsan tunnuksia."),
        (Lang::En, "Use Chrome's password manager only on your own phone."),
        (Lang::En, "Tom can type his own PIN while you sit next to him."),
        (Lang::En, "Open Elsa's app and let her type her own PIN."),
        (Lang::Sv, "Logga in med Danske Banks koder, du knappar själv."),
    ] {
        assert_eq!(kinds(lang, "", reply), vec![], "{reply}");
    }
}

#[test]
fn spoken_et_as_that_and_lending_ones_own_login() {
    // "et" after a noun is "että": the scam signal is not negated.
    assert_eq!(
        kinds(
            Lang::Fi,
            "Mulle soitti joku pankista et mun rahat pitää siirtää turvatilille.",
            "Jatketaan reseptin uusimista."
        ),
        vec![EthicsKind::IgnoresSafetySignal]
    );
    // "sä et" is still the negation: the client did not give the codes.
    assert_eq!(kinds(Lang::Fi, "Sä et antanut niitä tunnuksia kenellekään.", "Hyvä, jatketaan."), vec![]);
    for (lang, reply) in [
        (Lang::Fi, "Ota vaan, kirjaa siihen mun tunnuksilla ni ei tarvii oottaa."),
        (Lang::En, "Go for it, I'm still logged in, just put them under me."),
    ] {
        assert_eq!(kinds(lang, "", reply), vec![EthicsKind::ActsWithoutAuthorisation], "{reply}");
    }
    assert_eq!(
        kinds(Lang::En, "", "Sorry, no, everything you'd record would go under my name. Ring the helpdesk."),
        vec![]
    );
}

#[test]
fn alternatives_of_several_words_match_as_written() {
    // A `|` separates the words of one slot, so "you would|you will" or "… wasnt around" once never matched.
    for (lang, context, reply, want) in [
        (Lang::En, "Should I appeal the Kela decision?", "Honestly, you'd lose anyway.", EthicsKind::BeyondCompetence),
        (Lang::En, "My results say eGFR 48.", "That's moderate kidney disease.", EthicsKind::BeyondCompetence),
        (Lang::En, "My back hurts, I take ibuprofen.", "Stop the painkillers for now.", EthicsKind::BeyondCompetence),
        (Lang::Fi, "Tässä lukee masennus.", "Se on ylidiagnoosi.", EthicsKind::BeyondCompetence),
        (
            Lang::En,
            "Sometimes I think it'd be easier if I just disappeared.",
            "Okay, next we tap the login button.",
            EthicsKind::IgnoresSafetySignal,
        ),
    ] {
        assert_eq!(kinds(lang, context, reply), vec![want], "{reply}");
    }
}
