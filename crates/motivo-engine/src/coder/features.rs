//! Feature extraction: word and bigram stems, sentence openers, and named hand-built features (question form,
//! reflection stems, second-person statements, overlap with the client's words, directives, permission and
//! autonomy phrases…). The same code runs in training (`motivo-train`) and at run time, so the two cannot drift.

use std::collections::HashSet;

use super::lexicon::{Hit, Lexicon, is_sentence_start};
use super::text::{Analysed, Stemmers, Token, analyse};
use crate::model::{Lang, Talk};

/// One active feature.
#[derive(Debug, Clone, PartialEq)]
pub struct Feature {
    pub name: String,
    pub value: f32,
    /// Byte range in the reply, when the feature is a span of it.
    pub span: Option<(usize, usize)>,
}

/// `prefix + a + sep + b`, without the formatting machinery (this runs ~100 times per reply).
fn cat(prefix: &str, a: &str, sep: &str, b: &str) -> String {
    let mut s = String::with_capacity(prefix.len() + a.len() + sep.len() + b.len());
    s.push_str(prefix);
    s.push_str(a);
    s.push_str(sep);
    s.push_str(b);
    s
}

/// The analysed client line (the context of a reply).
#[derive(Debug, Clone, Default)]
pub struct Context {
    pub stems: HashSet<String>,
    /// Number of words in the client's line.
    pub n_tokens: usize,
    /// Stem of its first word.
    pub first: Option<String>,
    pub n_content: usize,
    pub qmark: bool,
    pub permission: bool,
    /// The client's line voices a worry or a feeling ("Mitä jos mä jäädyn?", "pelottaa"): a question there is
    /// often reflected, not answered.
    pub worry: bool,
    pub empty: bool,
    pub talk: Option<Talk>,
}

/// The extractor: stemmers and phrase lists.
#[derive(Debug, Default)]
pub struct Extractor {
    pub stemmers: Stemmers,
    pub lexicon: Lexicon,
}

/// Function words left out of the overlap measure.
fn is_stop(lang: Lang, w: &str) -> bool {
    match lang {
        Lang::Fi => {
            w.chars().count() < 3
                || matches!(
                    w,
                    "minä"
                        | "sinä"
                        | "hän"
                        | "että"
                        | "kun"
                        | "jos"
                        | "niin"
                        | "mutta"
                        | "vain"
                        | "ole"
                        | "olen"
                        | "olet"
                        | "oli"
                        | "ollut"
                        | "sen"
                        | "sitä"
                        | "tämä"
                        | "tätä"
                        | "mitä"
                        | "mikä"
                        | "kyllä"
                        | "ihan"
                        | "nyt"
                        | "sitten"
                        | "siis"
                        | "eli"
                        | "joo"
                        | "aina"
                        | "myös"
                        | "vielä"
                        | "minun"
                        | "sinun"
                        | "minulla"
                        | "sinulla"
                        | "minua"
                        | "sinua"
                        | "minulle"
                        | "sinulle"
                        | "tai"
                        | "kuin"
                        | "mitään"
                        | "jotakin"
                        | "jo"
                        | "enää"
                        | "tää"
                        | "nämä"
                        | "niitä"
                        | "ne"
                        | "nuo"
                        | "tosi"
                        | "vähän"
                        | "jotenkin"
                        | "koska"
                        | "ettei"
                        | "etten"
                        | "ettet"
                        | "kanssa"
                        | "onko"
                        | "oletko"
                )
        }
        Lang::Sv => {
            w.chars().count() < 3
                || matches!(
                    w,
                    "och"
                        | "att"
                        | "det"
                        | "den"
                        | "som"
                        | "för"
                        | "med"
                        | "har"
                        | "hade"
                        | "inte"
                        | "jag"
                        | "dig"
                        | "mig"
                        | "din"
                        | "ditt"
                        | "dina"
                        | "min"
                        | "mitt"
                        | "mina"
                        | "vad"
                        | "hur"
                        | "men"
                        | "när"
                        | "kan"
                        | "ska"
                        | "skulle"
                        | "vill"
                        | "var"
                        | "nog"
                        | "bara"
                        | "lite"
                        | "också"
                        | "sen"
                        | "sedan"
                        | "här"
                        | "där"
                        | "eller"
                        | "till"
                        | "från"
                        | "dom"
                        | "de"
                        | "dem"
                        | "något"
                        | "nåt"
                        | "man"
                        | "ett"
                        | "ja"
                        | "jaa"
                        | "nej"
                        | "okej"
                        | "väl"
                        | "ju"
                        | "nu"
                        | "redan"
                        | "ännu"
                        | "alltså"
                        | "eftersom"
                        | "om"
                        | "får"
                        | "blir"
                        | "vara"
                        | "sig"
                        | "sin"
                        | "sitt"
                        | "sina"
                        | "liksom"
                        | "verkligen"
                        | "tycker"
                        | "låter"
                        | "känns"
                )
        }
        _ => {
            w.len() < 3
                || matches!(
                    w,
                    "the"
                        | "and"
                        | "you"
                        | "your"
                        | "that"
                        | "this"
                        | "for"
                        | "with"
                        | "are"
                        | "was"
                        | "but"
                        | "not"
                        | "have"
                        | "has"
                        | "had"
                        | "its"
                        | "it's"
                        | "just"
                        | "like"
                        | "what"
                        | "really"
                        | "about"
                        | "they"
                        | "them"
                        | "then"
                        | "there"
                        | "youre"
                        | "yeah"
                        | "well"
                        | "know"
                        | "dont"
                        | "some"
                        | "been"
                        | "can"
                        | "would"
                        | "could"
                        | "because"
                        | "when"
                        | "all"
                        | "get"
                        | "got"
                        | "one"
                        | "very"
                        | "much"
                        | "more"
                        | "from"
                        | "into"
                        | "out"
                        | "she"
                        | "him"
                        | "her"
                        | "his"
                        | "our"
                        | "how"
                        | "why"
                        | "who"
                        | "think"
                        | "thing"
                        | "things"
                        | "kind"
                        | "yes"
                )
        }
    }
}

fn ends_like_ko_question(w: &str) -> bool {
    let n = w.chars().count();
    n >= 4
        && (w.ends_with("ko")
            || w.ends_with("kö")
            || w.ends_with("kos")
            || w.ends_with("kös")
            || w.ends_with("kohan")
            || w.ends_with("köhän")
            || (w.ends_with("ks") && n >= 4)
            || w.ends_with("kse")
            || w.ends_with("ksä"))
}

fn is_en_aux(w: &str) -> bool {
    matches!(
        w,
        "do" | "does"
            | "did"
            | "is"
            | "are"
            | "was"
            | "were"
            | "have"
            | "has"
            | "had"
            | "can"
            | "could"
            | "would"
            | "will"
            | "should"
            | "may"
            | "might"
            | "shall"
            | "am"
            | "isnt"
            | "arent"
            | "dont"
            | "doesnt"
            | "didnt"
            | "wont"
            | "wouldnt"
            | "cant"
            | "couldnt"
            | "havent"
            | "hasnt"
            | "wasnt"
            | "werent"
            | "any"
            | "anything"
    )
}

/// Swedish subjects that follow the verb in a yes/no question ("Har du…", "Finns det…", "Går det…").
fn is_sv_subject(w: &str) -> bool {
    matches!(w, "du" | "ni" | "det" | "vi" | "jag" | "han" | "hon" | "man" | "dom" | "de" | "den" | "någon" | "nån")
}

/// A Swedish yes/no question starts with the finite verb, then the subject: "Har du…", "Skulle det passa…",
/// "Stämmer det?". Conjunctions, adverbs and question words before a subject ("Om du vill", "Nu har du…") do not
/// count, nor does a subject at the start ("Du har…").
fn is_sv_question_verb(w: &str, next: Option<&str>) -> bool {
    const VERBS: &[&str] = &[
        "är",
        "var",
        "har",
        "hade",
        "kan",
        "kunde",
        "vill",
        "ville",
        "ska",
        "skall",
        "skulle",
        "måste",
        "får",
        "fick",
        "brukar",
        "tycker",
        "tror",
        "känner",
        "vet",
        "visste",
        "går",
        "gick",
        "blir",
        "blev",
        "finns",
        "fanns",
        "gör",
        "gjorde",
        "behöver",
        "orkar",
        "hinner",
        "vågar",
        "minns",
        "kommer",
        "använder",
        "mår",
        "menar",
        "förstår",
        "borde",
        "passar",
        "fungerar",
        "funkar",
        "stämmer",
        "hjälper",
        "märker",
        "hör",
        "ser",
        "tänker",
        "önskar",
        "hoppas",
        "skulle",
        "äger",
        "läser",
        "sparar",
        "betalar",
        "ringer",
        "klarar",
        "lyckades",
    ];
    const NOT_VERB: &[&str] = &[
        "om", "när", "eftersom", "att", "men", "och", "så", "då", "nu", "här", "där", "ifall", "fast", "medan",
        "innan", "sen", "sedan", "också", "kanske", "ju", "bara", "därför", "i", "på", "med", "för", "till", "av",
        "vad", "hur", "varför", "vem", "vilken", "vilket", "vilka", "var", "när", "hurdan", "ändå", "redan", "även",
        "som", "visst", "jo", "ja", "nej", "idag", "igår", "nog", "alltså", "först", "efter", "utan", "mot",
    ];
    if VERBS.contains(&w) {
        return next.is_some_and(|n| is_sv_subject(n) || n == "inte" || n == "ni");
    }
    !NOT_VERB.contains(&w)
        && !is_sv_subject(w)
        && w.chars().count() >= 3
        && next.is_some_and(is_sv_subject)
        && (w.ends_with('r') || w.ends_with("de") || w.ends_with("te"))
}

/// Finnish second-person singular verb forms ("mietit", "haluat", "pelkäät").
fn is_fi_2sg_verb(w: &str) -> bool {
    let n = w.chars().count();
    n >= 4
        && ["at", "ät", "et", "it", "ut", "yt", "ot", "öt"].iter().any(|s| w.ends_with(s))
        && !matches!(
            w,
            "mutta"
                | "vaikeat"
                | "uudet"
                | "kaikki"
                | "asiat"
                | "tiedot"
                | "lapset"
                | "ihmiset"
                | "muut"
                | "omat"
                | "palvelut"
                | "tunnukset"
                | "koneet"
                | "laitteet"
                | "viestit"
                | "reseptit"
                | "kaverit"
                | "sovellukset"
        )
}

impl Extractor {
    pub fn new() -> Extractor {
        Extractor::default()
    }

    pub fn analyse(&self, lang: Lang, text: &str) -> Analysed {
        analyse(lang, text, &self.stemmers)
    }

    /// Analyses the client's line.
    pub fn context(&self, lang: Lang, text: &str, talk: Option<Talk>) -> Context {
        let a = self.analyse(lang, text);
        let mut hits = Vec::new();
        self.lexicon.hits(lang, &a.tokens, (0, a.tokens.len()), &mut hits);
        let perm = self.lexicon.group("client_permission");
        let worry = [self.lexicon.group("worry_q"), self.lexicon.group("feeling")];
        let content: Vec<&Token> = a.tokens.iter().filter(|t| !is_stop(lang, &t.norm)).collect();
        Context {
            stems: content.iter().map(|t| t.stem.clone()).collect(),
            n_content: content.len(),
            n_tokens: a.tokens.len(),
            first: a.tokens.first().map(|t| t.stem.clone()),
            qmark: a.sentences.last().is_some_and(|s| s.qmark),
            permission: hits.iter().any(|h| Some(h.group) == perm),
            worry: hits.iter().any(|h| worry.contains(&Some(h.group))),
            empty: a.tokens.is_empty(),
            talk,
        }
    }

    /// The features of the reply's sentences `sents` (a range of `a.sentences`).
    pub fn features(&self, lang: Lang, a: &Analysed, sents: (usize, usize), ctx: &Context) -> Vec<Feature> {
        let mut out: Vec<Feature> = Vec::with_capacity(96);
        // Features are binary: a name may be pushed twice (a repeated word), and users of the list count it once
        // (the coder deduplicates the active indices; training sets a 1).
        let push = |out: &mut Vec<Feature>, name: String, span: Option<(usize, usize)>| {
            out.push(Feature { name, value: 1.0, span });
        };
        if a.sentences.is_empty() || sents.0 >= sents.1 {
            push(&mut out, "f:empty".into(), None);
            return out;
        }
        let range = (a.sentences[sents.0].tokens.0, a.sentences[sents.1 - 1].tokens.1);
        let toks = &a.tokens[range.0..range.1];
        let sentences = &a.sentences[sents.0..sents.1];
        push(&mut out, format!("l:{}", lang.code()), None);

        // Words, bigrams and the opening words.
        for (k, t) in toks.iter().enumerate() {
            push(&mut out, cat("w:", &t.stem, "", ""), Some(t.span));
            if let Some(n) = toks.get(k + 1)
                && n.sent == t.sent
            {
                push(&mut out, cat("b:", &t.stem, "_", &n.stem), Some((t.span.0, n.span.1)));
            }
            if t.first {
                push(&mut out, cat("s:", &t.stem, "", ""), Some(t.span));
                if let Some(n) = toks.get(k + 1)
                    && n.sent == t.sent
                {
                    push(&mut out, cat("s2:", &t.stem, "_", &n.stem), Some((t.span.0, n.span.1)));
                }
            }
        }
        if let Some(t) = toks.last() {
            push(&mut out, cat("e:", &t.stem, "", ""), Some(t.span));
        }

        // Phrase lists.
        let mut hits: Vec<Hit> = Vec::new();
        self.lexicon.hits(lang, &a.tokens, range, &mut hits);
        let mut groups: HashSet<&str> = HashSet::new();
        for h in &hits {
            let name = self.lexicon.names[h.group as usize];
            groups.insert(name);
            let span = (a.tokens[h.tokens.0].span.0, a.tokens[h.tokens.1 - 1].span.1);
            push(&mut out, cat("f:", name, "", ""), Some(span));
        }
        let has = |g: &str| groups.contains(g);

        // Question form, sentence by sentence.
        let mut q_sents = 0usize;
        let mut q_marks = 0usize;
        let mut open_form = false;
        let mut fact_form = false;
        let mut closed_form = false;
        let mut last_q = false;
        let mut first_q = false;
        for (si, s) in sentences.iter().enumerate() {
            let st = &a.tokens[s.tokens.0..s.tokens.1];
            // The first word after discourse particles.
            let lead = (s.tokens.0..s.tokens.1).find(|&i| {
                is_sentence_start(lang, &a.tokens, i) && !super::lexicon::is_particle(lang, &a.tokens[i].norm)
            });
            let mut form = false;
            if let Some(i) = lead {
                let w = &a.tokens[i].norm;
                match lang {
                    Lang::Fi => {
                        if ends_like_ko_question(w) && !w.starts_with("eikö") && !w.starts_with("etkö") {
                            push(&mut out, "f:ko_start".into(), Some(a.tokens[i].span));
                            closed_form = true;
                            form = true;
                        }
                    }
                    Lang::Sv => {
                        let next = a.tokens.get(i + 1).filter(|t| t.sent == a.tokens[i].sent).map(|t| t.norm.as_str());
                        if is_sv_question_verb(w, next) {
                            push(&mut out, "f:aux_start".into(), Some(a.tokens[i].span));
                            closed_form = true;
                            form = true;
                        }
                    }
                    _ => {
                        if is_en_aux(w) && st.len() > 1 {
                            push(&mut out, "f:aux_start".into(), Some(a.tokens[i].span));
                            closed_form = true;
                            form = true;
                        }
                    }
                }
            }
            // A -ko/-kö word later in a Finnish sentence ("Sä siis haluut, onko se niin?").
            if lang == Lang::Fi
                && st.iter().skip(1).any(|t| ends_like_ko_question(&t.norm) && !t.norm.starts_with("eikö"))
            {
                push(&mut out, "f:ko_inside".into(), None);
            }
            let sent_hits = hits.iter().filter(|h| h.tokens.0 >= s.tokens.0 && h.tokens.0 < s.tokens.1);
            for h in sent_hits {
                match self.lexicon.names[h.group as usize] {
                    "qword_open" | "tell_request" => {
                        open_form = true;
                        form = true
                    }
                    "qword_fact" => {
                        fact_form = true;
                        form = true
                    }
                    "eiko" => form = true,
                    _ => {}
                }
            }
            if s.qmark {
                q_marks += 1;
            }
            if s.qmark || form {
                q_sents += 1;
                if si + 1 == sentences.len() {
                    last_q = true;
                }
                if si == 0 {
                    first_q = true;
                }
            }
            if form && !s.qmark {
                push(&mut out, "f:qform_no_mark".into(), None);
            }
            if s.qmark && !form {
                push(&mut out, "f:qmark_no_form".into(), None);
            }
        }
        if q_marks > 0 {
            push(&mut out, "f:qmark".into(), None);
        }
        if sentences.last().is_some_and(|s| s.qmark) {
            push(&mut out, "f:qmark_last".into(), None);
        }
        if q_marks >= 2 {
            push(&mut out, "f:qmark_many".into(), None);
        }
        if sentences.iter().any(|s| s.exclaim) {
            push(&mut out, "f:exclaim".into(), None);
        }
        let qform = q_sents > 0;
        if qform {
            push(&mut out, "f:qform".into(), None);
        }
        if last_q {
            push(&mut out, "f:q_last_sentence".into(), None);
        }
        if first_q && !last_q {
            push(&mut out, "f:q_then_statement".into(), None);
        }
        if !first_q && last_q && sentences.len() > 1 {
            push(&mut out, "f:statement_then_q".into(), None);
        }
        if open_form {
            push(&mut out, "f:open_form".into(), None);
        }
        if fact_form {
            push(&mut out, "f:fact_form".into(), None);
        }
        if closed_form {
            push(&mut out, "f:closed_form".into(), None);
        }

        // Second person, first person, Finnish 2sg verbs.
        let second = has("second_person");
        let v2sg = lang == Lang::Fi && toks.iter().any(|t| is_fi_2sg_verb(&t.norm));
        if v2sg {
            push(&mut out, "f:v2sg".into(), None);
        }
        let you = second || v2sg;
        if you && !qform {
            push(&mut out, "f:you_statement".into(), None);
        }
        if !you && !qform && !has("first_person") {
            push(&mut out, "f:impersonal_statement".into(), None);
        }

        // Overlap with the client's words.
        let content: Vec<&Token> = toks.iter().filter(|t| !is_stop(lang, &t.norm)).collect();
        if ctx.empty {
            push(&mut out, "x:empty".into(), None);
        } else if !content.is_empty() {
            let shared: Vec<&&Token> = content.iter().filter(|t| ctx.stems.contains(&t.stem)).collect();
            let frac = shared.len() as f32 / content.len() as f32;
            let cover = shared.len() as f32 / ctx.n_content.max(1) as f32;
            let bucket = if frac >= 0.5 {
                "hi"
            } else if frac >= 0.25 {
                "mid"
            } else if frac > 0.0 {
                "lo"
            } else {
                "none"
            };
            let span = shared.first().map(|t| t.span);
            push(&mut out, format!("x:overlap_{bucket}"), span);
            if cover >= 0.3 {
                push(&mut out, "x:covers_client".into(), span);
            }
            if !qform && frac >= 0.25 {
                push(&mut out, "f:statement&overlap".into(), span);
            }
            if qform && frac >= 0.25 {
                push(&mut out, "f:question&overlap".into(), span);
            }
        }
        if !ctx.empty {
            let len = match ctx.n_tokens {
                0..=2 => "1-2",
                3..=6 => "3-6",
                7..=15 => "7-15",
                16..=35 => "16-35",
                _ => "36+",
            };
            push(&mut out, format!("x:len_{len}"), None);
            if let Some(f) = &ctx.first {
                push(&mut out, format!("xs:{f}"), None);
            }
        }
        if ctx.qmark {
            push(&mut out, "x:client_asked".into(), None);
        }
        if ctx.permission {
            push(&mut out, "x:client_permission".into(), None);
        }
        match ctx.talk {
            Some(Talk::Change(_)) => push(&mut out, "x:talk_change".into(), None),
            Some(Talk::Sustain(_)) => push(&mut out, "x:talk_sustain".into(), None),
            Some(Talk::Neutral) => push(&mut out, "x:talk_neutral".into(), None),
            Some(Talk::Discord) => push(&mut out, "x:talk_discord".into(), None),
            None => {}
        }

        // Conjunctions a linear model cannot form by itself.
        let pairs: [(&str, bool, &str); 16] = [
            ("f:question&permission", qform, "permission"),
            ("f:question&directive", qform, "directive"),
            ("f:question&collab", qform, "collab"),
            ("f:question&confront", qform, "confront"),
            ("f:question&refl_stem", qform, "refl_stem"),
            ("f:question&autonomy", qform, "autonomy"),
            ("f:question&feeling", qform, "feeling"),
            ("f:statement&refl_stem", !qform, "refl_stem"),
            ("f:statement&feeling", !qform, "feeling"),
            ("f:statement&contrast", !qform, "contrast"),
            ("f:statement&directive", !qform, "directive"),
            ("f:statement&affirm", !qform, "affirm"),
            ("f:statement&info", !qform, "info"),
            ("f:you&affirm", you, "affirm"),
            ("f:you&autonomy", you, "autonomy"),
            ("f:statement&pwp_cue", !qform, "pwp_cue"),
        ];
        for (name, cond, g) in pairs {
            if cond && has(g) {
                push(&mut out, name.into(), None);
            }
        }
        if ctx.permission && (has("directive") || has("pwp_cue")) {
            push(&mut out, "f:advice_after_permission".into(), None);
        }
        // A statement after the client's question answers it, unless it opens like a reflection ("Haluat, että…",
        // "Pelkäät, että…") or the question voices a worry ("Mitä jos mä jäädyn?"): those are often reflected.
        if ctx.qmark && !ctx.worry && !qform && !has("refl_stem") {
            push(&mut out, "f:answer_to_client_question".into(), None);
        }
        if has("generic_praise") && toks.len() <= 3 {
            push(&mut out, "f:bare_praise".into(), None);
        }

        // Length.
        let n = toks.len();
        let len = match n {
            0..=1 => "1",
            2..=3 => "2-3",
            4..=7 => "4-7",
            8..=15 => "8-15",
            16..=30 => "16-30",
            _ => "31+",
        };
        push(&mut out, format!("f:len_{len}"), None);
        let ns = match sentences.len() {
            1 => "1",
            2 => "2",
            _ => "3+",
        };
        push(&mut out, format!("f:sentences_{ns}"), None);
        out
    }
}

/// A readable name of a feature for feedback ("the question mark at the end", "words shared with the client").
pub fn describe(name: &str, lang: Lang) -> String {
    let (fi, en) = match name {
        "f:qmark" | "f:qmark_last" => ("kysymysmerkki", "question mark"),
        "f:qform" => ("kysymysmuoto", "question form"),
        "f:q_last_sentence" => ("päättyy kysymykseen", "ends with a question"),
        "f:open_form" => ("avoin kysymyssana", "open question word"),
        "f:fact_form" => ("yhtä tietoa kysyvä sana", "asks for one fact"),
        "f:closed_form" => ("kyllä/ei-kysymyksen muoto", "yes/no question form"),
        "f:qform_no_mark" => ("kysymys ilman kysymysmerkkiä", "question without a question mark"),
        "f:qmark_no_form" => ("väite, jonka perässä kysymysmerkki", "statement with a question mark"),
        "f:you_statement" => ("sinä-muotoinen toteamus", "second-person statement"),
        "f:impersonal_statement" => ("yleinen toteamus", "impersonal statement"),
        "f:statement&overlap" | "x:overlap_hi" | "x:overlap_mid" | "x:covers_client" => {
            ("asiakkaan omat sanat", "the client's own words")
        }
        "x:overlap_none" | "x:overlap_lo" => ("vähän asiakkaan sanoja", "few of the client's words"),
        "x:client_asked" | "f:answer_to_client_question" => {
            ("vastaa asiakkaan kysymykseen", "answers the client's question")
        }
        "x:client_permission" | "f:advice_after_permission" => ("asiakas antoi luvan", "the client gave permission"),
        "f:statement&contrast" => ("kaksipuolinen: 'mutta/toisaalta'", "double-sided: 'but/on the other hand'"),
        "f:statement&feeling" => ("tunne tai arvo", "a feeling or value"),
        "f:len_1" | "f:len_2-3" => ("hyvin lyhyt vastaus", "very short reply"),
        "f:bare_praise" => ("pelkkä yleinen kehu", "generic praise only"),
        _ => ("", ""),
    };
    let s = super::say(lang, en, fi);
    if !s.is_empty() {
        return s.to_owned();
    }
    if name.starts_with("x:len_") {
        return super::say(lang, "length of the client's line", "asiakkaan repliikin pituus").to_owned();
    }
    if let Some(w) = name.strip_prefix("xs:") {
        return match lang {
            Lang::Fi => format!("asiakkaan repliikin alku '{w}'"),
            Lang::Sv => format!("klientens replik börjar '{w}'"),
            _ => format!("the client's line starts '{w}'"),
        };
    }
    if let Some(rest) = name.strip_prefix("f:") {
        return rest.replace('&', " + ").replace('_', " ");
    }
    name.to_owned()
}
