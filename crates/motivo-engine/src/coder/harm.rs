//! Word cues for the decision rules that keep MI-inconsistent replies from being credited because of their
//! surface form (a warning ending in "ymmärrätkö?", advice typed as "you feel you should…", a dismissal that
//! sounds like a reflection), and for the honesty checks (fillers, the reply's language).
//!
//! Phrases are written in normalised words (lower case, apostrophes dropped, Finnish spoken forms mapped: "sun"
//! is "sinun", "vaan" is "vain"); a word ending in `*` matches as a prefix, `^` ties a phrase to the start of a
//! sentence.

use super::text::{Analysed, Token};
use crate::model::Lang;

/// Checking questions that make a warning a lecture.
const LECTURE_FI: &[&str] = &[
    "ymmärrätkö",
    "ymmärräthän",
    "tajuatko",
    "tajuathan",
    "käsitätkö",
    "onko selvä",
    "onko se selvä",
    "onko tämä selvä",
    "muistathan",
    "etkö tajua",
    "etkö ymmärrä",
];
const LECTURE_EN: &[&str] = &[
    "do you understand",
    "understand",
    "got it",
    "is that clear",
    "are we clear",
    "you hear me",
    "dont you realise",
    "dont you realize",
    "dont you get it",
];

/// Questions that talk down to the client ("Do you realise how dangerous that is?"): confrontation on their own.
const TALK_DOWN_FI: &[&str] = &["^tajuatko", "^etkö tajua", "^etkö ymmärrä", "^käsitätkö", "^tajuutko"];
const TALK_DOWN_EN: &[&str] =
    &["^do you realise", "^do you realize", "^dont you realise", "^dont you realize", "^dont you know"];

const LECTURE_SV: &[&str] = &[
    "förstår du",
    "fattar du",
    "begriper du",
    "är det klart",
    "är det förstått",
    "hör du",
    "inser du inte",
    "förstår du inte",
    "kom ihåg det nu",
];
const TALK_DOWN_SV: &[&str] =
    &["^inser du", "^förstår du inte", "^fattar du inte", "^begriper du", "^fattar du", "^inser du inte"];

/// The word list of one language: Finnish, Swedish, or English for any other.
fn pick<'a>(lang: Lang, fi: &'a [&'a str], sv: &'a [&'a str], en: &'a [&'a str]) -> &'a [&'a str] {
    match lang {
        Lang::Fi => fi,
        Lang::Sv => sv,
        _ => en,
    }
}

pub fn talk_down(lang: Lang, a: &Analysed) -> Option<Found> {
    find(a, pick(lang, TALK_DOWN_FI, TALK_DOWN_SV, TALK_DOWN_EN))
}

/// Prohibitions and warnings.
const PROHIBIT_FI: &[&str] =
    &["^et saa", "^ette saa", "^ei saa", "^älä", "^älkää", "älä ikinä", "älä koskaan", "et saa enää", "kielletty*"];
const PROHIBIT_EN: &[&str] = &[
    "^dont",
    "^never",
    "^do not",
    "^you must not",
    "^you mustnt",
    "^you cant",
    "^you cannot",
    "must never",
    "dont ever",
    "not allowed",
];

const PROHIBIT_SV: &[&str] = &[
    "^du får inte",
    "^ni får inte",
    "^man får inte",
    "^det är förbjudet",
    "^gör inte",
    "^tryck inte",
    "^klicka inte",
    "^aldrig",
    "^ge aldrig",
    "^tryck aldrig",
    "^klicka aldrig",
    "får aldrig",
    "får inte längre",
    "förbjud*",
];

/// Advice pushed as a statement (modal + you, or "just").
const PUSH_FI: &[&str] = &[
    "sinun kannattaa",
    "sinun kannattaisi",
    "sinun pitäisi",
    "sinun pitää",
    "sinun täytyy",
    "sinun on pakko",
    "kannattaa nyt",
    "kannattaa vain",
    "pitää vain",
    "täytyy vain",
    "^kokeile vain",
    "^kokeile nyt",
    "^kokeile",
    "vain kokeilla",
    "nyt vain",
    "ihan pakko",
    "usko pois",
    "usko minua",
    "näet vielä",
];
const PUSH_EN: &[&str] = &[
    "you should",
    "you really should",
    "you must",
    "you have to",
    "you need to",
    "you ought",
    "youd better",
    "you better",
    "just try",
    "^try",
    "just do",
    "you just need",
    "you just have",
    "youll see",
    "trust me",
    "believe me",
];

const PUSH_SV: &[&str] = &[
    "du borde",
    "du måste",
    "du ska",
    "du behöver",
    "du bör",
    "du borde verkligen",
    "det lönar sig att",
    "det är bäst att du",
    "^försök bara",
    "^testa bara",
    "^testa nu",
    "^testa",
    "^prova",
    "^pröva",
    "bara testa",
    "bara prova",
    "bara göra",
    "tro mig",
    "lita på mig",
    "du får se",
    "du kommer att se",
];

/// Reassurance that dismisses the client's concern instead of exploring it.
const DISMISS_FI: &[&str] = &[
    "turha* pelätä",
    "turha* huolehtia",
    "turha* murehtia",
    "turha* jännittää",
    "turha* stressata",
    "^turha",
    "ei tarvitse pelätä",
    "ei tarvitse huolehtia",
    "ei tarvitse jännittää",
    "ei ole mitään pelättävää",
    "ei ole mitään syytä",
    "ei mitään hätää",
    "^älä huoli",
    "^älä pelkää",
    "^älä murehdi",
    "^älä stressaa",
    "^älä jännitä",
    "helppo*",
    "ei siinä ole mitään vaikeaa",
    "ei se ole vaikeaa",
    "ei se ole vaikea",
    "mitään huijareita",
    "ei ole huijareita",
];
const DISMISS_EN: &[&str] = &[
    "no need to worry",
    "no need to be afraid",
    "^dont worry",
    "dont be afraid",
    "dont be scared",
    "dont be silly",
    "nothing to worry about",
    "nothing to be afraid of",
    "theres nothing to",
    "its easy",
    "its really easy",
    "its so easy",
    "its very easy",
    "really easy",
    "so easy",
    "super easy",
    "nothing difficult",
    "no scammers",
    "not hard",
    "its simple",
];

const DISMISS_SV: &[&str] = &[
    "ingen idé att oroa",
    "ingen idé att vara rädd",
    "ingen fara",
    "^oroa dig inte",
    "^var inte rädd",
    "^var inte orolig",
    "^ta det lugnt",
    "inget att oroa",
    "inget att vara rädd för",
    "ingenting att vara rädd för",
    "ingenting att oroa",
    "behöver inte vara rädd",
    "behöver inte oroa",
    "det är lätt",
    "det är jättelätt",
    "det är superlätt",
    "det är så lätt",
    "jättelätt",
    "superlätt",
    "busenkelt",
    "det är enkelt",
    "inget svårt",
    "inte svårt",
    "inga bedragare",
    "inga bluffar",
];

/// Fillers and back-channels: a reply of only these is neutral, never praised.
const FILLER_FI: &[&str] = &[
    "okei", "ok", "joo", "juu", "jep", "mm", "mmm", "mhm", "hmm", "aha", "ahaa", "jaa", "niin", "nii", "selvä", "no",
    "kiitos", "kiva", "hyvä", "hienoa", "ymm", "jes", "juuri", "just", "totta", "öö", "ai", "vai", "noni", "hm",
];
const FILLER_EN: &[&str] = &[
    "ok", "okay", "okei", "yes", "yeah", "yep", "mm", "mmm", "mhm", "hmm", "uh", "um", "right", "sure", "fine", "cool",
    "great", "good", "nice", "thanks", "alright", "i", "see", "oh", "ah", "aha", "well", "so", "hm", "huh",
];

const FILLER_SV: &[&str] = &[
    "okej", "ok", "ja", "jaa", "jo", "joo", "mm", "mmm", "mhm", "hmm", "hm", "aha", "jaha", "nå", "nåå", "så", "bra",
    "fint", "tack", "precis", "visst", "jäpp", "japp", "jaså", "oj", "ah", "nåja", "alltså", "just", "det", "och",
    "sen", "va",
];

/// A cue phrase found in a reply: token range.
pub type Found = (usize, usize);

fn word_matches(pat: &str, t: &Token) -> bool {
    match pat.strip_suffix('*') {
        Some(p) => t.norm.starts_with(p),
        None => t.norm == pat,
    }
}

/// The first occurrence of one of `phrases` within one sentence.
pub fn find(a: &Analysed, phrases: &[&str]) -> Option<Found> {
    // The first bytes of the reply's words: a phrase whose first word starts with none of them cannot match, and
    // most phrases are skipped by this test alone.
    let mut starts = [0u64; 4];
    for t in &a.tokens {
        if let Some(&b) = t.norm.as_bytes().first() {
            starts[usize::from(b / 64)] |= 1 << (b % 64);
        }
    }
    for ph in phrases {
        let (anchored, body) = match ph.strip_prefix('^') {
            Some(b) => (true, b),
            None => (false, *ph),
        };
        let first = body.split(' ').next().unwrap_or("");
        if let Some(&b) = first.as_bytes().first()
            && b != b'*'
            && starts[usize::from(b / 64)] & (1 << (b % 64)) == 0
        {
            continue;
        }
        for (i, t) in a.tokens.iter().enumerate() {
            if (anchored && !t.first) || !word_matches(first, t) {
                continue;
            }
            let mut end = i + 1;
            let rest_ok = body.split(' ').skip(1).all(|w| {
                let ok = a.tokens.get(end).is_some_and(|u| u.sent == t.sent && word_matches(w, u));
                end += 1;
                ok
            });
            if rest_ok {
                return Some((i, end));
            }
        }
    }
    None
}

pub fn lecture(lang: Lang, a: &Analysed) -> Option<Found> {
    find(a, pick(lang, LECTURE_FI, LECTURE_SV, LECTURE_EN))
}

pub fn prohibition(lang: Lang, a: &Analysed) -> Option<Found> {
    find(a, pick(lang, PROHIBIT_FI, PROHIBIT_SV, PROHIBIT_EN))
}

pub fn push(lang: Lang, a: &Analysed) -> Option<Found> {
    find(a, pick(lang, PUSH_FI, PUSH_SV, PUSH_EN))
}

pub fn dismiss(lang: Lang, a: &Analysed) -> Option<Found> {
    find(a, pick(lang, DISMISS_FI, DISMISS_SV, DISMISS_EN))
}

/// Verbs whose bare form opening a sentence is a directive ("Change it now.", "Vaihda se heti.", "Byt den nu."):
/// the helper telling the client what to do. "Tell me more" / "Kerro lisää" (an open question) and "Take your
/// time" are not listed.
const IMPERATIVE_FI: &[&str] = &[
    "vaihda",
    "päätä",
    "soita",
    "klikkaa",
    "klikkaat",
    "paina",
    "painakaa",
    "mene",
    "menkää",
    "tee",
    "tehkää",
    "lataa",
    "asenna",
    "kirjaudu",
    "käytä",
    "käyttäkää",
    "lopeta",
    "päivitä",
    "poista",
    "laita",
    "kirjoita",
    "avaa",
    "varaa",
    "rekisteröidy",
    "näppäile",
    "täytä",
    "muista",
    "tarkista",
    "tarkistakaa",
    "lähetä",
    "valitse",
    "hoida",
    "hoitakaa",
    "pyydä",
    "ilmoita",
    "unohda",
    "lue",
    "sulje",
    "tallenna",
    "uskalla",
    "yritä",
    "aloita",
    "luota",
    "vaihtakaa",
    "soittakaa",
    "ottakaa",
    "ota",
    "tilaa",
    "hanki",
    "opettele",
    "harjoittele",
    "jatka",
    "jätä",
    "vastaa",
    "hyväksy",
    "kuittaa",
    "ala",
    "revi",
    "heitä",
    "piilota",
    "lukitse",
    "peru",
    "estä",
    "käy",
    "tule",
    "maksa",
    "tulosta",
    "skannaa",
    "kopioi",
    "siirrä",
    "seuraa",
    "aktivoi",
    "anna",
    "säilytä",
    "hävitä",
    "kirjota",
    "pistä",
    "vie",
];
const IMPERATIVE_EN: &[&str] = &[
    "change", "decide", "call", "click", "press", "tap", "go", "download", "install", "log", "sign", "use", "stop",
    "update", "delete", "turn", "set", "put", "type", "enter", "open", "contact", "book", "register", "switch", "get",
    "give", "write", "read", "check", "send", "ask", "apply", "fill", "accept", "reset", "choose", "pick", "buy",
    "order", "hurry", "leave", "close", "save", "bring", "promise", "quit", "learn", "practise", "practice", "start",
    "begin", "forget", "ignore", "make", "do", "tear", "throw", "memorise", "memorize", "remove", "hide", "lock",
    "cancel", "report", "block", "visit", "find", "come", "sit", "pay", "print", "scan", "share", "copy", "paste",
    "move", "follow", "renew", "activate", "enable", "disable", "store", "destroy", "shred",
];
const IMPERATIVE_SV: &[&str] = &[
    "byt",
    "bestäm",
    "ring",
    "klicka",
    "tryck",
    "gå",
    "ladda",
    "installera",
    "logga",
    "använd",
    "sluta",
    "uppdatera",
    "radera",
    "sätt",
    "skriv",
    "öppna",
    "boka",
    "registrera",
    "gör",
    "ge",
    "kolla",
    "kontrollera",
    "skicka",
    "välj",
    "fyll",
    "ansök",
    "glöm",
    "lär",
    "öva",
    "börja",
    "beställ",
    "spara",
    "stäng",
    "ändra",
    "acceptera",
    "godkänn",
    "avsluta",
    "lämna",
    "skaffa",
    "riv",
    "kasta",
    "memorera",
    "göm",
    "lås",
    "avbryt",
    "anmäl",
    "blockera",
    "besök",
    "kom",
    "betala",
    "dela",
    "kopiera",
    "flytta",
    "följ",
    "svara",
    "aktivera",
    "förnya",
    "förvara",
    "förstör",
];
/// Words that may open a directive before its verb ("So just change it", "Nyt vaan vaihda se").
const LEAD_IN: &[&str] = &[
    "so", "now", "well", "okay", "ok", "please", "just", "then", "and", "no", "nyt", "sitten", "eli", "joten", "vain",
    "ja", "ihan", "nu", "så", "men", "snälla", "bara", "och", "sen",
];
/// A word after the verb that shows the first word is a noun or a question's auxiliary ("Change is hard",
/// "Do you…", "Use of…", "Tee on…").
const NOT_IMPERATIVE_AFTER: &[&str] = &[
    "is",
    "was",
    "feels",
    "seems",
    "sounds",
    "can",
    "could",
    "would",
    "will",
    "has",
    "have",
    "had",
    "might",
    "may",
    "means",
    "matters",
    "makes",
    "takes",
    "of",
    "you",
    "we",
    "they",
    "i",
    "he",
    "she",
    "it's",
    "its",
    "isnt",
    "doesnt",
    "on",
    "oli",
    "ei",
    "tuntuu",
    "kuulostaa",
    "vaikuttaa",
    "voi",
    "olisi",
    "är",
    "var",
    "känns",
    "verkar",
    "kan",
    "du",
    "ni",
    "vi",
    "jag",
    "sinä",
    "te",
    "me",
    "minä",
    "sä",
    "mä",
    "on",
    "else",
    "ahead",
    "rauhassa",
    "aikaa",
    "aikasi",
    "me",
    "järkeen",
];

/// A directive: a sentence that opens (after at most two lead-in words) with the bare form of a verb of action
/// — advice as an instruction, whatever the rest of the sentence looks like.
pub fn imperative(lang: Lang, a: &Analysed) -> Option<Found> {
    let verbs = pick(lang, IMPERATIVE_FI, IMPERATIVE_SV, IMPERATIVE_EN);
    for (i, t) in a.tokens.iter().enumerate() {
        if !t.first {
            continue;
        }
        let mut k = i;
        while k < i + 2
            && a.tokens.get(k).is_some_and(|u| u.sent == t.sent && LEAD_IN.contains(&u.norm.as_str()))
            && a.tokens.get(k + 1).is_some_and(|u| u.sent == t.sent)
        {
            k += 1;
        }
        let Some(v) = a.tokens.get(k).filter(|v| v.sent == t.sent) else { continue };
        if !verbs.contains(&v.norm.as_str()) {
            continue;
        }
        let next = a.tokens.get(k + 1).filter(|n| n.sent == t.sent);
        if next.is_some_and(|n| NOT_IMPERATIVE_AFTER.contains(&n.norm.as_str())) {
            continue;
        }
        return Some((k, if next.is_some() { k + 2 } else { k + 1 }));
    }
    None
}

/// Blame, sarcasm and put-downs: confrontation whatever the sentence's form ("How hard can it be?", "Sähän et
/// edes yritä", "Du får skylla dig själv").
const CONFRONT_FI: &[&str] = &[
    "miksi ihmeessä",
    "miks ihmeessä",
    "mitä ihmettä sinä",
    "miksi et vieläkään",
    "mikset vieläkään",
    "miksi sinä et vieläkään",
    "kuinka vaikeaa se",
    "kuinka vaikeeta se",
    "kuinka vaikea se",
    "miten vaikeaa se",
    "miten vaikeeta se",
    "et edes yritä",
    "et ees yritä",
    "edes yritä",
    "oma vika",
    "oma vikas",
    "oma vikasi",
    "omaa syytäsi",
    "itse olet syypää",
    "saat syyttää itseäsi",
    "lopeta valit*",
    "lopeta tuo valit*",
    "lopeta se valit*",
    "ryhdistäydy",
    "^taasko",
    "mitä sinä oikein ajattelit",
    "mitä sä oikein ajattelit",
    "kaikki muutkin osaa",
    "kaikki muut osaa",
    "lapsikin osaa",
    "rakettitiedettä",
    "turha valittaa",
    "älä viitsi",
    "ja sit ihmetellään",
    "ja sitten ihmetellään",
    "vanhanaikai* asenne",
    "nykypäivänä ei pärjää",
    "ei nykypäivänä pärjää",
    "^no ku et",
    "^no kun et",
    "sanot noin joka kerta",
    "sanot aina noin",
    "kaikki muut on",
    "kaikki muutkin on",
    "mitäs minä sanoin",
    "mitä minä sanoin",
    "ei pidä paikkaansa",
    "oletko edes",
    "etkö edes",
    "vai oletko vain",
    "vai luovutitko",
];
const CONFRONT_EN: &[&str] = &[
    "why on earth",
    "why havent you",
    "why didnt you",
    "why cant you just",
    "why dont you just",
    "how hard can",
    "how difficult can",
    "how can you even",
    "how could you",
    "not even trying",
    "dont even try",
    "your own fault",
    "only have yourself to blame",
    "stop complaining",
    "stop whining",
    "stop making excuses",
    "what were you thinking",
    "grow up",
    "pull yourself together",
    "rocket science",
    "everyone else manages",
    "everyone else can",
    "a child could",
    "^seriously",
    "^come on",
    "thats not true",
    "thats just not true",
    "thats not how it works",
    "you say that every time",
    "you always say that",
    "do you actually want",
    "do you even want",
    "i dont see why you",
    "everyone else has",
    "everybody else has",
    "no excuse",
    "told you so",
    "have you even",
    "did you even",
    "are you even",
    "or did you just give up",
    "or are you just",
    "your excuse",
    "knows better than",
    "like you were told",
    "just procrastinating",
];
const CONFRONT_SV: &[&str] = &[
    "varför i all världen",
    "varför i herrans namn",
    "varför har du inte",
    "varför kan du inte bara",
    "hur svårt kan",
    "hur kan du ens",
    "hur kunde du",
    "försöker inte ens",
    "inte ens försöker",
    "skylla dig själv",
    "ditt eget fel",
    "sluta gnälla",
    "sluta klaga",
    "sluta tjata",
    "skärp dig",
    "ta dig i kragen",
    "vad tänkte du på",
    "alla andra klarar",
    "ett barn klarar",
    "^allvarligt",
    "^igen",
];

pub fn confront(lang: Lang, a: &Analysed) -> Option<Found> {
    find(a, pick(lang, CONFRONT_FI, CONFRONT_SV, CONFRONT_EN))
}

/// Finnish first-person conditionals that are wishes or offers, not what the helper would do in the client's place.
const NOT_WOULD_DO: &[&str] =
    &["haluaisin", "voisin", "toivoisin", "olisin", "saisin", "tarvitsisin", "osaisin", "jaksaisin", "uskaltaisin"];

/// What the helper would do in the client's place: a Finnish first-person conditional ("Mää ottaisin",
/// "kirjautuisin lopuksi ulos"), a recommendation however it is worded.
pub fn would_do(lang: Lang, a: &Analysed) -> Option<Found> {
    if lang != Lang::Fi {
        return None;
    }
    a.tokens
        .iter()
        .position(|t| {
            t.norm.chars().count() >= 7 && t.norm.ends_with("isin") && !NOT_WOULD_DO.contains(&t.norm.as_str())
        })
        .map(|i| (i, i + 1))
}

/// A reply of at most three words, all fillers ("ok", "joo", "mm", "okay sure").
pub fn filler(lang: Lang, a: &Analysed) -> bool {
    let list = pick(lang, FILLER_FI, FILLER_SV, FILLER_EN);
    // "Mm-hm", "uh-huh": a hyphenated word of fillers is a filler.
    let is_filler = |w: &str| list.contains(&w) || (w.contains('-') && w.split('-').all(|p| list.contains(&p)));
    !a.tokens.is_empty() && a.tokens.len() <= 3 && a.tokens.iter().all(|t| is_filler(t.norm.as_str()))
}

/// Common function words that only one of the languages has.
const ONLY_FI: &[&str] = &[
    "ja",
    "on",
    "että",
    "sinä",
    "minä",
    "sinun",
    "minun",
    "ei",
    "en",
    "et",
    "mitä",
    "miten",
    "kun",
    "mutta",
    "olet",
    "olen",
    "se",
    "ne",
    "tämä",
    "jos",
    "niin",
    "vai",
    "siis",
    "kuulostaa",
    "sinulla",
    "minulla",
    "sinulle",
    "myös",
    "vielä",
    "nyt",
    "kanssa",
    "joo",
    "eli",
    "ole",
    "oli",
    "ovat",
    "sitä",
    "tuntuu",
    "haluat",
    "voit",
    "onko",
    "sinua",
    "vain",
    "jo",
    "sitten",
    "kyllä",
    "mikä",
    "miksi",
    "tässä",
    "siitä",
];
const ONLY_EN: &[&str] = &[
    "the", "you", "and", "is", "to", "it", "that", "what", "i", "your", "are", "do", "how", "this", "of", "for",
    "with", "have", "can", "would", "about", "be", "so", "like", "me", "my", "its", "was", "not", "youre", "dont",
    "feel", "want", "sounds", "if", "but", "or", "why", "we", "there", "at", "just", "really", "think",
];

const ONLY_SV: &[&str] = &[
    "och", "är", "att", "det", "du", "jag", "inte", "som", "för", "med", "har", "vad", "hur", "kan", "vill", "din",
    "ditt", "dina", "mig", "dig", "låter", "känner", "känns", "eller", "men", "om", "till", "av", "också", "nu", "här",
    "där", "att", "ska", "skulle", "hade", "var", "när", "varför", "tycker", "tror", "vet", "bara", "lite", "något",
    "någon", "ett", "mycket", "själv", "sedan", "redan", "alltså", "okej", "jaa", "också", "dem", "dom", "blir", "får",
    "gör", "ingen", "inget", "aldrig", "verkar", "berätta", "hjälpa", "kanske",
];

/// The language a text is most likely written in, when its function words say so clearly (at least two of one
/// language and at most a third as many of any other). "å" counts for Swedish; "ä"/"ö" count for Finnish unless
/// the text has Swedish function words (Swedish has them too: "är", "för", "känner").
pub fn language_of(a: &Analysed) -> Option<Lang> {
    let (mut fi, mut fi_letters, mut en, mut sv) = (0usize, 0usize, 0usize, 0usize);
    for t in &a.tokens {
        let w = t.norm.as_str();
        if ONLY_SV.contains(&w) || w.contains('å') {
            sv += 1;
        } else if ONLY_FI.contains(&w) {
            fi += 1;
        } else if w.contains(['ä', 'ö']) {
            fi_letters += 1;
        } else if ONLY_EN.contains(&w) {
            en += 1;
        }
    }
    // "ä"/"ö" words are Finnish evidence only in a text with no Swedish function word.
    if sv == 0 {
        fi += fi_letters;
    }
    let clear = |x: usize, others: [usize; 2]| x >= 2 && others.iter().all(|o| o * 3 <= x);
    if clear(fi, [en, sv]) {
        Some(Lang::Fi)
    } else if clear(en, [fi, sv]) {
        Some(Lang::En)
    } else if clear(sv, [fi, en]) {
        Some(Lang::Sv)
    } else {
        None
    }
}

/// Does a cue word (4+ letters, by stem) also occur in the client's line (`context_lower`, lower-cased)? Then the
/// reply may be echoing the client ("You feel you should…" after "I should…") and the cue proves nothing.
pub fn echoes(a: &Analysed, f: Found, context_lower: &str) -> bool {
    a.tokens[f.0..f.1].iter().any(|t| {
        let s = if t.stem.chars().count() >= 4 { &t.stem } else { &t.norm };
        s.chars().count() >= 4 && context_lower.contains(s.as_str())
    })
}

/// Words that make a sentence about the client's own view ("Sinusta tuntuu, että sinun pitäisi…", "Do you think
/// you should…"): a modal there is not the helper's advice.
const VIEW: &[&str] = &[
    "tuntuu",
    "sinusta",
    "mielestäsi",
    "ajattelet",
    "ajatteletko",
    "kuulostaa",
    "luuletko",
    "koet",
    "koetko",
    "uskotko",
    "feel",
    "feels",
    "think",
    "sounds",
    "seems",
    "believe",
    "wonder",
    "wondering",
    "what",
    "how",
    "why",
    "mitä",
    "miten",
    "miksi",
    "millainen",
    "mikä",
    "känner",
    "känns",
    "tycker",
    "tror",
    "låter",
    "verkar",
    "vad",
    "hur",
    "varför",
    "undrar",
];

/// Is the sentence of `f` about the client's own view (or an open question)?
pub fn about_view(a: &Analysed, f: Found) -> bool {
    let s = a.tokens[f.0].sent;
    a.tokens.iter().filter(|t| t.sent == s).any(|t| VIEW.contains(&t.norm.as_str()))
}

/// The client's own words given back: the found phrase, word for word, is in the client's line ("You're not even
/// trying, you say" after "I'm not even trying").
pub fn echoes_phrase(a: &Analysed, f: Found, context_lower: &str) -> bool {
    let phrase: Vec<&str> = a.tokens[f.0..f.1].iter().map(|t| t.norm.as_str()).collect();
    let context: String = context_lower.chars().filter(|c| *c != '\'' && *c != '’').collect();
    context.contains(&phrase.join(" "))
}

/// Question words in [`VIEW`]: they make a modal part of a question, but a put-down stays one in a question.
const QUESTION_WORDS: &[&str] =
    &["what", "how", "why", "mitä", "miten", "miksi", "millainen", "mikä", "vad", "hur", "varför"];

/// Like [`about_view`], but only for words that report a view ("You feel it's your own fault"), not for question
/// words ("Why on earth…?").
pub fn reports_view(a: &Analysed, f: Found) -> bool {
    let s = a.tokens[f.0].sent;
    a.tokens
        .iter()
        .filter(|t| t.sent == s)
        .any(|t| VIEW.contains(&t.norm.as_str()) && !QUESTION_WORDS.contains(&t.norm.as_str()))
}

/// Words too common to show a shared topic.
const TOPIC_STOP: &[&str] = &[
    "että",
    "mutta",
    "kuin",
    "niin",
    "sitten",
    "vaikka",
    "koska",
    "jotta",
    "tämä",
    "tämän",
    "tätä",
    "joka",
    "mikä",
    "olla",
    "olet",
    "olen",
    "ovat",
    "olisi",
    "sinä",
    "minä",
    "sinun",
    "minun",
    "sinua",
    "minua",
    "sinulla",
    "minulla",
    "sinulle",
    "minulle",
    "sinusta",
    "minusta",
    "vain",
    "myös",
    "vielä",
    "kyllä",
    "jotenkin",
    "jotakin",
    "mitä",
    "miten",
    "tuntuu",
    "kuulostaa",
    "that",
    "this",
    "with",
    "have",
    "what",
    "just",
    "really",
    "about",
    "like",
    "they",
    "them",
    "there",
    "your",
    "youre",
    "would",
    "could",
    "feel",
    "feels",
    "sounds",
    "when",
    "then",
    "some",
    "something",
    "because",
    "from",
    "been",
    "were",
    "want",
    "know",
    "think",
    "inte",
    "eller",
    "också",
    "något",
    "någon",
    "redan",
    "bara",
    "känner",
    "känns",
    "låter",
    "tycker",
    "skulle",
    "hade",
    "eftersom",
    "sedan",
    "dina",
    "ditt",
    "mycket",
    "verkar",
    "själv",
];

/// Does the reply share a topic word with the client's line? Words of 4+ letters outside a short stop list are
/// compared by their first four letters (so inflected and compound forms meet: "tunnusluku" ~ "tunnuslukua",
/// "pankkiin" ~ "pankista"). Synonyms do not meet, so this is used only to flag a reflection that shares nothing
/// with the client's line, never to give credit.
pub fn shares_topic(a: &Analysed, context_lower: &str) -> bool {
    let key = |w: &str| -> Option<String> {
        if w.chars().count() < 4 || TOPIC_STOP.contains(&w) {
            return None;
        }
        Some(w.chars().take(4).collect())
    };
    let ctx: Vec<String> = context_lower.split(|c: char| !c.is_alphanumeric()).filter_map(key).collect();
    a.tokens.iter().filter_map(|t| key(&t.norm)).any(|k| ctx.contains(&k))
}

/// How many words of 4+ letters outside the stop list the reply has.
pub fn topic_words(a: &Analysed) -> usize {
    a.tokens.iter().filter(|t| t.norm.chars().count() >= 4 && !TOPIC_STOP.contains(&t.norm.as_str())).count()
}

/// How many words of 4+ letters outside the stop list a (lower-cased) text has.
pub fn topic_words_in(text_lower: &str) -> usize {
    text_lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4 && !TOPIC_STOP.contains(w))
        .count()
}
