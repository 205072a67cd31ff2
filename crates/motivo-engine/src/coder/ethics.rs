//! Digital-support ethics in typed words: finds the seven [`EthicsKind`]s in a reply, with the words that show
//! them.
//!
//! Explainable rules over a small pattern language, in Finnish (incl. spoken forms) and English. A *pattern* is a
//! sequence of word slots matched in order inside one sentence; a slot is a list of alternatives separated by `|`:
//! `word` (the normalised word exactly), `stem*` (a word starting with it), `*part*` (a word containing it),
//! `^end` (a person's name ending so: a capitalised word that is not a service or bank, or a common first name at
//! the start of a sentence; e.g. `^n` for the Finnish genitive "Elsan", `^s` for "Elsa's" and "Elsas") or
//! `@class` (a named word list). Consecutive slots may be at most 3 words apart (`~N` at the start of a pattern
//! changes that to N); a slot `..` lets the next slot be anywhere later in the sentence.
//!
//! A rule fires when one of its patterns matches, one of its `with` patterns (if it has any) matches in the same
//! sentence (or, for `ctx` patterns, the sentence has "them"/"ne" and the client's line named codes), one of its
//! `need` patterns matches in the reply or the client's line (the topic, e.g. medical), none of its
//! `unless` patterns does, and — unless the pattern itself contains a negation word ("ei tarvitse kirjautua
//! ulos", "no need to log out") — no negation word (*en, ei, älä, don't, never, won't…*) stands before the match in
//! its clause. Clauses end at commas, colons, dashes and *mutta / vaikka / but / while*. So "En ota tunnuksiasi,
//! mutta voin neuvoa" and "Älä anna tunnuksia kenellekään" give nothing, while "Anna ne tunnukset mulle" does.
//!
//! Who acts matters: the helper's first-person verbs (*näppäilen, kirjaudun, täytän; I'll type, let me log in*)
//! and requests to hand things over (*anna, kerro, sano; give me, tell me*) are harmful, the client's own action
//! (*sinä näppäilet, näppäile itse; you type*) is not. `IgnoresSafetySignal` looks at the client's line: a scam in
//! progress, self-harm talk, acute symptoms or financial abuse by someone close, and a reply that attends to none
//! of it (no safety action, no acknowledgement, no word about it) gets the finding, quoting the client's words.
//!
//! Known limits: sarcasm, long-range reference ("do it" three sentences later), a rarer name at the very start of
//! a sentence ("Venlan tunnuksilla mennään"), and harm described without any of the listed words are missed.
//! Measured with `motivo eval --ethics` (see docs/coder.md).

use std::collections::HashMap;
use std::sync::OnceLock;

use super::FastMap;
use super::text::normalise_word;
use crate::coding::EthicsHit;
use crate::model::{EthicsKind, Lang};

/// A word of a text, normalised.
#[derive(Debug, Clone)]
struct Tok {
    w: String,
    span: (usize, usize),
    sent: u16,
    clause: u16,
    /// Written like a person's name: capitalised and not a known service, or, as the first word of its sentence,
    /// a common first name.
    name: bool,
}

/// Capitalised words that are services, banks or organisations, not people (normalised; English and Swedish
/// possessives end in -s, Finnish genitives in -n).
const NOT_NAMES: &str = "kela kelan kelas kanta kannan omakanta omakannan omakantas omaolo omaolon omaolos omakela \
    omakelan suomi suomen suomi.fi suomi.fi:n suomi.fis nordea nordean nordeas op op:n ops osuuspankin danske \
    danskes aktia aktian aktias s-pankin s-pankki s-bankens säästöpankin handelsbankenin handelsbankens \
    ålandsbankenin ålandsbankens pop posti postin postis dvv dvv:n traficom traficomin verohallinnon vero hus husin \
    google googlen googles apple applen apples microsoft microsoftin microsofts facebook facebookin facebooks teams \
    teamsin whatsapp whatsappin whatsapps wilma wilman wilmas gmail gmailin gmails bankid fpa fpas mobiilivarmenne \
    mobiilivarmenteen pankki pankin bankin bank banks bankens chrome chromen chromes firefox firefoxin firefoxs edge \
    edgen edges safari safarin safaris android androidin androids iphone iphonen iphones samsung samsungin samsungs \
    windows windowsin outlook outlookin outlooks digi väestötietoviraston";

/// The words of a space-separated list, as a set built once.
fn word_set(
    cell: &'static OnceLock<FastMap<&'static str, ()>>,
    list: &'static str,
) -> &'static FastMap<&'static str, ()> {
    cell.get_or_init(|| list.split_whitespace().map(|w| (w, ())).collect())
}

fn is_not_name(w: &str) -> bool {
    static SET: OnceLock<FastMap<&'static str, ()>> = OnceLock::new();
    word_set(&SET, NOT_NAMES).contains_key(w)
}

/// Common first names of people in Finland (Finnish and Swedish, all generations) and of English speakers,
/// lower-case nominative. At the start of a sentence every word is capitalised, so there a word is taken for a
/// name only when it is one of these ("Elsan tunnuksilla mennään" but not "Pankin tunnuksilla").
const FIRST_NAMES: &str = "aila aili aino aira alli anja anna anne anneli anni annikki anu arja aune eeva eija eila \
    eliisa elina elisa elli elma elsa elvi emma enni erja hanna hannele heidi helena heli helka hellin helmi helvi \
    hilkka hillevi ilona inkeri irja irma irmeli jaana johanna jenni kaarina kaija kaisa kari karoliina \
    katja katri kerttu kirsi kirsti kristiina laila laura lea leena leila liisa lilja lotta lyyli maija maire \
    marja marjatta marketta marjut marita martta meeri merja mervi mia milla minna mirja mirjami nelli niina \
    noora oili outi paula pauliina pirjo pirkko päivi raija raili riikka riitta ritva saara sanna sari satu \
    seija senja siiri silja sirkka sirpa sofia suvi taina tarja terhi terttu tiina tuija tuula tuulikki \
    tyyne ulla veera vieno viivi virpi aapo aarne ahti aimo aki aleksi antero antti ari arto \
    eemeli eero eetu eino elias erik erkki esa esko hannu harri heikki heikko henrik ilkka ismo jaakko jani jari \
    jarmo jorma jouko jouni juha juhani juho jukka jussi kaarlo kalervo kalevi kalle kauko keijo kimmo \
    kristian kyösti lasse lauri leo markku markus marko martti matias matti mauno mika mikael mikko niilo \
    niko olavi oliver olli onni oskari paavo pasi pekka pentti pertti petri petteri raimo rauno reijo reino risto \
    sakari sami samuli seppo simo tapani tapio tauno teemu timo tommi tuomas tuomo unto uuno \
    vesa viljo ville väinö yrjö anders bengt birgitta britt britta börje dan ebba elsie eva gunilla gunnel \
    gunnar göran inger ingrid johan karin kerstin lars magnus margareta mats nils ragnar rolf stig sture sven \
    ulf åsa barbara betty brian carol david doris dorothy edith edward elizabeth george harry \
    helen jack james jane janet jean john joan joyce linda margaret mary michael nancy patricia paul peter \
    richard robert ruth sarah susan thomas tom william";

/// `w` (normalised) is one of [`FIRST_NAMES`] or its genitive or possessive: Finnish *Elsan, Eskon, Pekan
/// (Pekka), Heikin (Heikki)*, English *Doris's* (apostrophes are dropped) and Swedish *Görans*.
fn is_first_name(lang: Lang, w: &str) -> bool {
    static SET: OnceLock<FastMap<&'static str, ()>> = OnceLock::new();
    let set = word_set(&SET, FIRST_NAMES);
    let known = |n: &str| set.contains_key(n);
    if known(w) {
        return true;
    }
    if lang == Lang::Fi {
        w.strip_suffix('n').is_some_and(|stem| {
            // Names ending in a consonant take -in: Henrikin, Göranin, Dorisin.
            if known(stem) || stem.strip_suffix('i').is_some_and(known) {
                return true;
            }
            // Consonant gradation: the genitive has one k, p or t where the name has two (Pekka → Pekan).
            let mut cs: Vec<char> = stem.chars().collect();
            let n = cs.len();
            n >= 3 && matches!(cs[n - 2], 'k' | 'p' | 't') && !matches!(cs[n - 3], 'k' | 'p' | 't') && {
                cs.insert(n - 2, cs[n - 2]);
                known(&cs.iter().collect::<String>())
            }
        })
    } else {
        // English and Swedish possessives: Doris's (apostrophes are dropped), Görans.
        w.strip_suffix('s').is_some_and(known)
    }
}

/// Words after which a Finnish "et" is the negation verb ("sinä et", "jos et", "no et kyllä"), normalised as the
/// tokenizer leaves them ("sä" is "sinä", "ku" is "kun", the particle "no" is "noh").
fn is_neg_lead(w: &str) -> bool {
    matches!(
        w,
        "sinä"
            | "sinäkin"
            | "jos"
            | "kun"
            | "mutta"
            | "ja"
            | "vai"
            | "noh"
            | "miksi"
            | "nyt"
            | "sit"
            | "sitten"
            | "että"
            | "vielä"
            | "enää"
            | "kyllä"
            | "ethän"
            | "joo"
    )
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-' || c == '\'' || c == '’'
}

/// Extra spoken forms the detector's patterns rely on (beyond the coder's own mapping).
fn fi_extra(w: &str) -> Option<&'static str> {
    Some(match w {
        "meen" => "menen",
        "itteni" => "itseni",
        "itteensä" | "itteesi" => "itsesi",
        "haluun" => "haluan",
        "annan" => "annan",
        "kirjotan" => "kirjoitan",
        "kirjota" => "kirjoita",
        "kirjotin" => "kirjoitin",
        "nää" => "nämä",
        "tiiän" => "tiedän",
        "pistän" => "laitan",
        "hoian" => "hoidan",
        "teen" => "teen",
        "sanoo" => "sanoo",
        "olis" => "olisi",
        "sano" => "sano",
        "ni" | "nii" => "niin",
        // The particle "No, …" ("well"), not the English negation.
        "no" => "noh",
        "ku" => "kun",
        _ => return None,
    })
}

/// Swedish spoken and Finland-Swedish forms the patterns rely on.
fn sv_extra(w: &str) -> Option<&'static str> {
    Some(match w {
        "int" | "inte" => "inte",
        "mej" => "mig",
        "dej" => "dig",
        "nån" => "någon",
        "nåt" => "något",
        "dom" => "de",
        _ => return None,
    })
}

fn tokenize(lang: Lang, text: &str) -> Vec<Tok> {
    let mut out: Vec<Tok> = Vec::new();
    let mut sent: u16 = 0;
    let mut clause: u16 = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (b, c) = chars[i];
        if c.is_alphanumeric() {
            let start = b;
            let mut j = i;
            let mut end = b + c.len_utf8();
            while j + 1 < chars.len() {
                let (bj, d) = chars[j + 1];
                // "Suomi.fi:ssä", "7.2", "165/100" stay one word.
                let inner = matches!(d, '.' | ':' | '/')
                    && chars.get(j + 2).is_some_and(|(_, e)| e.is_alphanumeric())
                    && chars[j].1.is_alphanumeric();
                if is_word_char(d) || inner {
                    end = bj + d.len_utf8();
                    j += 1;
                } else {
                    break;
                }
            }
            let raw = text[start..end].trim_end_matches(['-', '\'', '’']);
            let end = start + raw.len();
            let mut w = normalise_word(lang, raw);
            if lang == Lang::Fi
                && let Some(s) = fi_extra(&w)
            {
                w = s.to_owned();
            }
            // Spoken "et" is often "että" ("soitti pankista et rahat pitää siirtää"), not the negation "you don't":
            // after a word of the same clause that is not "sinä" or a conjunction, it is "että".
            if lang == Lang::Fi
                && w == "et"
                && out.last().is_some_and(|t| t.sent == sent && t.clause == clause && !is_neg_lead(&t.w))
            {
                w = "että".to_owned();
            }
            let boundary =
                matches!(w.as_str(), "mutta" | "vaikka" | "but" | "while" | "although" | "though" | "men" | "fast");
            if boundary {
                clause += 1;
            }
            let mut letters = raw.chars().filter(|c| c.is_alphabetic());
            let first = w.split('-').next().unwrap_or_default();
            let name = letters.next().is_some_and(char::is_uppercase)
                && letters.next().is_some_and(char::is_lowercase)
                && if out.last().is_some_and(|t| t.sent == sent) {
                    !is_not_name(first)
                } else {
                    is_first_name(lang, first)
                };
            out.push(Tok { w, span: (start, end), sent, clause, name });
            i = j + 1;
            continue;
        }
        match c {
            '.' | '!' | '?' | '…' | ';' | '\n' if out.last().is_some_and(|t| t.sent == sent) => {
                sent += 1;
                clause += 1;
            }
            ',' | ':' | '–' | '—' | '(' | ')' | '"' | '”' | '“' => {
                clause += 1;
            }
            '-' if chars.get(i + 1).is_some_and(|(_, d)| d.is_whitespace()) => clause += 1,
            _ => {}
        }
        i += 1;
    }
    if lang == Lang::Sv {
        merge(
            &mut out,
            &[
                (&["låt", "mig"], "låtmig"),
                (&["låt", "mej"], "låtmig"),
                (&["jag", "kan"], "jagkan"),
                (&["jag", "ska"], "jag"),
                (&["jag", "tänker"], "jag"),
                (&["jag", "kommer", "att"], "jag"),
            ],
        );
        for t in &mut out {
            if let Some(s) = sv_extra(&t.w) {
                t.w = s.to_owned();
            }
        }
    } else if lang == Lang::En {
        merge(
            &mut out,
            &[
                (&["i", "will"], "ill"),
                (&["i", "shall"], "ill"),
                (&["i", "am", "going", "to"], "ill"),
                (&["im", "going", "to"], "ill"),
                (&["im", "gonna"], "ill"),
                (&["i", "can"], "ican"),
                (&["i", "could"], "ican"),
                (&["let", "me"], "letme"),
                (&["here", "let", "me"], "letme"),
                (&["i", "would"], "id"),
                (&["we", "will"], "well"),
                (&["i", "am"], "im"),
            ],
        );
    } else {
        merge(
            &mut out,
            &[
                (&["anna", "kun"], "annakun"),
                (&["annas", "kun"], "annakun"),
                (&["annapa", "kun"], "annakun"),
                (&["anna", "minun"], "annakun"),
                (&["annas", "minun"], "annakun"),
            ],
        );
    }
    out
}

/// Replaces word sequences by one word (keeps the span of the whole).
fn merge(toks: &mut Vec<Tok>, rules: &[(&[&str], &str)]) {
    let mut i = 0;
    while i < toks.len() {
        for (seq, to) in rules {
            let n = seq.len();
            if i + n <= toks.len()
                && toks[i..i + n].iter().zip(seq.iter()).all(|(t, s)| t.w == *s)
                && toks[i..i + n].iter().all(|t| t.sent == toks[i].sent)
            {
                let end = toks[i + n - 1].span.1;
                toks[i].w = (*to).to_owned();
                toks[i].span.1 = end;
                toks.drain(i + 1..i + n);
                break;
            }
        }
        i += 1;
    }
}

// ---------------------------------------------------------------------------------------------------------------
// The pattern language

#[derive(Debug, Clone)]
enum Alt {
    Exact(String),
    Prefix(String),
    Contains(String),
    /// A person's name ending with this (see [`Tok::name`]).
    Name(String),
}

#[derive(Debug, Clone)]
struct Pattern {
    /// Slot ids, in order; `None` = `..` (next slot anywhere later).
    slots: Vec<Option<usize>>,
    gap: usize,
    /// The pattern contains a negation word itself (then a negation does not cancel it).
    explicit_neg: bool,
}

#[derive(Debug, Default)]
struct TrieNode {
    next: Vec<(char, u32)>,
    ids: Vec<usize>,
}

#[derive(Debug, Default)]
struct Slots {
    exact: FastMap<String, Vec<usize>>,
    /// The prefixes as a trie: node 0 is the root; a node's slot ids are those of the prefix ending there.
    trie: Vec<TrieNode>,
    contains: Vec<(String, Vec<usize>)>,
    /// `contains` entries by their first two characters (one hash probe per position of a word instead of a
    /// substring search per entry); entries shorter than two characters are in `contains_short`.
    contains_by_start: FastMap<(char, char), Vec<usize>>,
    contains_short: Vec<usize>,
    names: Vec<(String, Vec<usize>)>,
    n: usize,
    /// Slot ids per slot text (so equal slots are shared).
    ids: HashMap<String, usize>,
    /// The rules are Swedish (negation words differ).
    swedish: bool,
}

impl Slots {
    fn slot(&mut self, text: &str, classes: &HashMap<&'static str, &'static str>) -> (usize, bool) {
        let mut neg = false;
        let mut alts: Vec<Alt> = Vec::new();
        expand(text, classes, &mut alts, 0);
        for a in &alts {
            if let Alt::Exact(w) = a
                && negates(self.swedish, w)
            {
                neg = true;
            }
        }
        if let Some(id) = self.ids.get(text) {
            return (*id, neg);
        }
        let id = self.n;
        self.n += 1;
        self.ids.insert(text.to_owned(), id);
        for a in alts {
            match a {
                Alt::Exact(w) => self.exact.entry(w).or_default().push(id),
                Alt::Prefix(p) => {
                    if self.trie.is_empty() {
                        self.trie.push(TrieNode::default());
                    }
                    let mut node = 0usize;
                    for c in p.chars() {
                        node = match self.trie[node].next.iter().find(|(d, _)| *d == c) {
                            Some(&(_, n)) => n as usize,
                            None => {
                                self.trie.push(TrieNode::default());
                                let n = self.trie.len() - 1;
                                self.trie[node].next.push((c, n as u32));
                                n
                            }
                        };
                    }
                    self.trie[node].ids.push(id);
                }
                Alt::Contains(s) => match self.contains.iter_mut().find(|c| c.0 == s) {
                    Some(c) => c.1.push(id),
                    None => {
                        let k = self.contains.len();
                        let mut cs = s.chars();
                        match (cs.next(), cs.next()) {
                            (Some(a), Some(b)) => self.contains_by_start.entry((a, b)).or_default().push(k),
                            _ => self.contains_short.push(k),
                        }
                        self.contains.push((s, vec![id]));
                    }
                },
                Alt::Name(s) => match self.names.iter_mut().find(|c| c.0 == s) {
                    Some(c) => c.1.push(id),
                    None => self.names.push((s, vec![id])),
                },
            }
        }
        (id, neg)
    }

    /// Sets the bits of the slots a word matches in `bits` (one bit per slot id); `name`: the word is written
    /// like a person's name.
    fn matches(&self, w: &str, name: bool, bits: &mut [u64]) {
        let mut set = |id: usize| bits[id / 64] |= 1 << (id % 64);
        if let Some(ids) = self.exact.get(w) {
            ids.iter().for_each(|&i| set(i));
        }
        // Every prefix of the word that a pattern names: one walk down the trie.
        if !self.trie.is_empty() {
            let mut node = 0usize;
            for c in w.chars() {
                match self.trie[node].next.iter().find(|(d, _)| *d == c) {
                    Some(&(_, n)) => node = n as usize,
                    None => break,
                }
                self.trie[node].ids.iter().for_each(|&i| set(i));
            }
        }
        if !self.contains_by_start.is_empty() {
            let mut cs = w.char_indices().peekable();
            while let Some((i, a)) = cs.next() {
                let Some(&(_, b)) = cs.peek() else { break };
                for &k in self.contains_by_start.get(&(a, b)).into_iter().flatten() {
                    let (s, ids) = &self.contains[k];
                    if w[i..].starts_with(s.as_str()) {
                        ids.iter().for_each(|&i| set(i));
                    }
                }
            }
        }
        for &k in &self.contains_short {
            let (s, ids) = &self.contains[k];
            if w.contains(s.as_str()) {
                ids.iter().for_each(|&i| set(i));
            }
        }
        if name {
            for (s, ids) in &self.names {
                if w.ends_with(s.as_str()) {
                    ids.iter().for_each(|&i| set(i));
                }
            }
        }
    }
}

fn expand(text: &str, classes: &HashMap<&'static str, &'static str>, out: &mut Vec<Alt>, depth: usize) {
    for a in text.split('|').filter(|a| !a.is_empty()) {
        if let Some(name) = a.strip_prefix('@') {
            match classes.get(name) {
                Some(body) if depth < 4 => {
                    for part in body.split_whitespace() {
                        expand(part, classes, out, depth + 1);
                    }
                }
                _ => debug_assert!(false, "unknown word class @{name}"),
            }
        } else if let Some(end) = a.strip_prefix('^') {
            out.push(Alt::Name(end.to_owned()));
        } else if a.len() > 2 && a.starts_with('*') && a.ends_with('*') {
            out.push(Alt::Contains(a[1..a.len() - 1].to_owned()));
        } else if let Some(p) = a.strip_suffix('*') {
            out.push(Alt::Prefix(p.to_owned()));
        } else {
            debug_assert!(!a.starts_with('*'), "`{a}`: a leading `*` needs a trailing one (`*part*`)");
            out.push(Alt::Exact(a.to_owned()));
        }
    }
}

/// Words that start a consequence or a condition: a negation after them belongs to that part, not to the act
/// before it ("näppäilen koodit, jos et itse jaksa"; "I'll type them for you if you don't mind").
const CLAUSE_BREAKS: &[&str] = &[
    "so", "niin", "jotta", "then", "ja", "and", "koska", "because", "så", "och", "eftersom", "jos", "if", "om", "kun",
    "when", "när",
];

fn is_negation(w: &str) -> bool {
    matches!(
        w,
        "en" | "et"
            | "ei"
            | "emme"
            | "ette"
            | "eivät"
            | "älä"
            | "älkää"
            | "enkä"
            | "etkä"
            | "eikä"
            | "kenellekään"
            | "koskaan"
            | "not"
            | "dont"
            | "doesnt"
            | "didnt"
            | "wont"
            | "cant"
            | "cannot"
            | "never"
            | "shouldnt"
            | "mustnt"
            | "nobody"
            | "isnt"
            | "arent"
            | "no"
            | "ettei"
            | "jottei"
    )
}

/// Negation words of Swedish ("en" is an article there, not "I don't").
fn is_negation_sv(w: &str) -> bool {
    matches!(w, "inte" | "int" | "aldrig" | "ingen" | "inget" | "inga" | "ej" | "ingenting" | "varken" | "icke")
}

fn negates(swedish: bool, w: &str) -> bool {
    if swedish { is_negation_sv(w) } else { is_negation(w) }
}

/// One detection rule.
struct RuleDef {
    kind: EthicsKind,
    pats: &'static [&'static str],
    with: &'static [&'static str],
    /// Like `with`, but only when the client's line names codes or passwords ("Minä näppäilen ne").
    ctx: &'static [&'static str],
    /// Patterns of which one must match somewhere in the reply or the client's line (the topic: "medical").
    need: &'static [&'static str],
    unless: &'static [&'static str],
}

struct Rule {
    kind: EthicsKind,
    pats: Vec<Pattern>,
    with: Vec<Pattern>,
    ctx: Vec<Pattern>,
    need: Vec<Pattern>,
    unless: Vec<Pattern>,
}

/// The compiled rules of one language.
struct Rules {
    slots: Slots,
    rules: Vec<Rule>,
    signals: Vec<(&'static str, Pattern)>,
    attend: Vec<Pattern>,
    /// Codes or passwords named (`@CRED`).
    codes: Pattern,
}

fn compile(slots: &mut Slots, classes: &HashMap<&'static str, &'static str>, p: &str) -> Pattern {
    let mut gap = 3;
    let mut out = Vec::new();
    let mut neg = false;
    for part in p.split_whitespace() {
        if let Some(n) = part.strip_prefix('~').and_then(|n| n.parse().ok()) {
            gap = n;
        } else if part == ".." {
            out.push(None);
        } else {
            let (id, ng) = slots.slot(part, classes);
            neg |= ng;
            out.push(Some(id));
        }
    }
    Pattern { slots: out, gap, explicit_neg: neg }
}

/// A pattern that matches whatever the negation around it (conditions, exceptions, topics).
fn plain(mut p: Pattern) -> Pattern {
    p.explicit_neg = true;
    p
}

fn build(lang: Lang) -> Rules {
    let (classes, defs, signals, attend) = match lang {
        Lang::Fi => (fi::CLASSES, fi::RULES, fi::SIGNALS, fi::ATTEND),
        Lang::Sv => (sv::CLASSES, sv::RULES, sv::SIGNALS, sv::ATTEND),
        _ => (en::CLASSES, en::RULES, en::SIGNALS, en::ATTEND),
    };
    let classes: HashMap<&'static str, &'static str> = classes.iter().copied().collect();
    let mut slots = Slots { swedish: lang == Lang::Sv, ..Slots::default() };
    let rules = defs
        .iter()
        .map(|d| Rule {
            kind: d.kind,
            pats: d.pats.iter().map(|p| compile(&mut slots, &classes, p)).collect(),
            with: d.with.iter().map(|p| plain(compile(&mut slots, &classes, p))).collect(),
            ctx: d.ctx.iter().map(|p| plain(compile(&mut slots, &classes, p))).collect(),
            need: d.need.iter().map(|p| plain(compile(&mut slots, &classes, p))).collect(),
            unless: d.unless.iter().map(|p| plain(compile(&mut slots, &classes, p))).collect(),
        })
        .collect();
    let signals = signals.iter().map(|(cat, p)| (*cat, compile(&mut slots, &classes, p))).collect();
    let attend = attend.iter().map(|p| plain(compile(&mut slots, &classes, p))).collect();
    // Codes named in the client's line count even in a negated clause ("En muista tunnuslukua").
    let mut codes = compile(&mut slots, &classes, "@CRED");
    codes.explicit_neg = true;
    Rules { slots, rules, signals, attend, codes }
}

fn rules(lang: Lang) -> &'static Rules {
    static FI: OnceLock<Rules> = OnceLock::new();
    static EN: OnceLock<Rules> = OnceLock::new();
    static SV: OnceLock<Rules> = OnceLock::new();
    match lang {
        Lang::Fi => FI.get_or_init(|| build(Lang::Fi)),
        Lang::Sv => SV.get_or_init(|| build(Lang::Sv)),
        _ => EN.get_or_init(|| build(Lang::En)),
    }
}

/// A text prepared for matching: its words and the slots each word matches.
struct Prepared {
    toks: Vec<Tok>,
    /// `words` bit sets of `stride` u64 each: the slots each word matches.
    bits: Vec<u64>,
    stride: usize,
    sents: Vec<(usize, usize)>,
    /// Per sentence, the union of its words' bit sets (a pattern whose slots are not all there is skipped).
    sent_bits: Vec<Vec<u64>>,
    swedish: bool,
}

impl Prepared {
    fn new(r: &Rules, lang: Lang, text: &str) -> Prepared {
        let toks = tokenize(lang, text);
        let stride = r.slots.n.div_ceil(64).max(1);
        let mut bits = vec![0u64; stride * toks.len()];
        for (i, t) in toks.iter().enumerate() {
            r.slots.matches(&t.w, t.name, &mut bits[i * stride..(i + 1) * stride]);
        }
        let mut sents: Vec<(usize, usize)> = Vec::new();
        for (i, t) in toks.iter().enumerate() {
            match sents.last_mut() {
                Some(s) if toks[s.0].sent == t.sent => s.1 = i + 1,
                _ => sents.push((i, i + 1)),
            }
        }
        let sent_bits = sents
            .iter()
            .map(|&(a, b)| {
                let mut u = vec![0u64; stride];
                for i in a..b {
                    for (k, x) in u.iter_mut().enumerate() {
                        *x |= bits[i * stride + k];
                    }
                }
                u
            })
            .collect();
        Prepared { toks, bits, stride, sents, sent_bits, swedish: r.slots.swedish }
    }

    fn has(&self, i: usize, slot: usize) -> bool {
        self.bits[i * self.stride + slot / 64] & (1 << (slot % 64)) != 0
    }

    /// Could `p` match in sentence `s` (all its slots occur there)?
    fn possible(&self, p: &Pattern, s: (usize, usize)) -> bool {
        let k = self.toks.get(s.0).map_or(0, |t| t.sent as usize);
        let Some(u) = self.sent_bits.get(k) else { return true };
        p.slots.iter().flatten().all(|&id| u[id / 64] & (1 << (id % 64)) != 0)
    }

    /// The first match of `p` in sentence `s`: token range.
    fn find(&self, p: &Pattern, s: (usize, usize)) -> Option<(usize, usize)> {
        if !self.possible(p, s) {
            return None;
        }
        let first = p.slots.iter().position(|x| x.is_some())?;
        let slot0 = p.slots[first]?;
        for i in s.0..s.1 {
            if !self.has(i, slot0) {
                continue;
            }
            if let Some(end) = self.rest(p, first + 1, i, s, false) {
                if !p.explicit_neg && self.negated(i, end, s) {
                    continue;
                }
                return Some((i, end));
            }
        }
        None
    }

    fn rest(&self, p: &Pattern, k: usize, prev: usize, s: (usize, usize), free: bool) -> Option<usize> {
        if k >= p.slots.len() {
            return Some(prev);
        }
        let Some(slot) = p.slots[k] else {
            return self.rest(p, k + 1, prev, s, true);
        };
        let hi = if free { s.1 } else { (prev + p.gap + 1).min(s.1) };
        for j in prev + 1..hi {
            if self.has(j, slot)
                && let Some(e) = self.rest(p, k + 1, j, s, false)
            {
                return Some(e);
            }
        }
        None
    }

    /// A negation word in the clause of the match `a..=b`: from the clause's start, through the match, up to the
    /// clause's end or one of [`CLAUSE_BREAKS`].
    fn negated(&self, a: usize, b: usize, s: (usize, usize)) -> bool {
        let mut j = a;
        while j > s.0 && self.toks[j - 1].clause == self.toks[a].clause {
            j -= 1;
        }
        let mut end = b + 1;
        while end < s.1
            && self.toks[end].clause == self.toks[b].clause
            && !CLAUSE_BREAKS.contains(&self.toks[end].w.as_str())
        {
            end += 1;
        }
        (j..end).any(|k| negates(self.swedish, &self.toks[k].w))
    }

    fn any(&self, pats: &[Pattern], s: (usize, usize)) -> bool {
        pats.iter().any(|p| self.find(p, s).is_some())
    }

    /// Does one of `pats` match in some sentence?
    fn anywhere(&self, pats: &[Pattern]) -> bool {
        self.sents.iter().any(|&s| self.any(pats, s))
    }
}

/// Finds digital-support ethics problems in a typed reply. `context` is the client's line the reply answers (may
/// be empty); it decides `IgnoresSafetySignal` and resolves "them"/"ne" to codes the client mentioned.
///
/// At most one finding per kind; each quotes the reply's words (with their byte span in `reply`), except
/// `IgnoresSafetySignal`, which quotes the client's words.
pub fn detect(lang: Lang, reply: &str, context: &str) -> Vec<EthicsHit> {
    let r = rules(lang);
    let p = Prepared::new(r, lang, reply);
    let ctx = if context.trim().is_empty() { None } else { Some(Prepared::new(r, lang, context)) };
    let ctx_codes = ctx.as_ref().is_some_and(|c| c.sents.iter().any(|&s| c.find(&r.codes, s).is_some()));
    let mut hits: Vec<EthicsHit> = Vec::new();
    for &s in &p.sents {
        let mut in_sentence = false;
        for rule in &r.rules {
            if hits.iter().any(|h| h.kind == rule.kind) {
                continue;
            }
            // Doing it for the client is reported only when nothing more specific was found in the sentence.
            if rule.kind == EthicsKind::DoesItForClient && in_sentence {
                continue;
            }
            let Some((a, b)) = rule.pats.iter().find_map(|pat| p.find(pat, s)) else { continue };
            // The `with` match (if any) widens the quoted evidence: "laitan sen tunnusluvun", not "laitan".
            let with_match = if rule.with.is_empty() && rule.ctx.is_empty() {
                Some(None)
            } else {
                rule.with
                    .iter()
                    .find_map(|w| p.find(w, s))
                    .or_else(|| if ctx_codes { rule.ctx.iter().find_map(|w| p.find(w, s)) } else { None })
                    .map(Some)
            };
            let Some(with_match) = with_match else { continue };
            if p.any(&rule.unless, s) {
                continue;
            }
            let (a, b) = match with_match {
                Some((c, d)) => (a.min(c), b.max(d)),
                None => (a, b),
            };
            if !rule.need.is_empty() && !p.anywhere(&rule.need) && !ctx.as_ref().is_some_and(|c| c.anywhere(&rule.need))
            {
                continue;
            }
            let (start, end) = (p.toks[a].span.0, p.toks[b].span.1);
            hits.push(EthicsHit {
                kind: rule.kind,
                evidence: reply[start..end].to_owned(),
                span: Some((start, end)),
                probability: None,
            });
            in_sentence = true;
        }
    }
    if let Some(c) = &ctx
        && let Some(ev) = signal(r, c, context)
        && !p.sents.iter().any(|&s| p.any(&r.attend, s))
    {
        hits.push(EthicsHit { kind: EthicsKind::IgnoresSafetySignal, evidence: ev, span: None, probability: None });
    }
    hits
}

/// The client's words that signal a safety problem, if any.
fn signal(r: &Rules, c: &Prepared, text: &str) -> Option<String> {
    for &s in &c.sents {
        for (_, pat) in &r.signals {
            if let Some((a, b)) = c.find(pat, s) {
                return Some(text[c.toks[a].span.0..c.toks[b].span.1].to_owned());
            }
        }
    }
    None
}

mod en;
mod fi;
mod sv;

#[cfg(test)]
mod tests;
