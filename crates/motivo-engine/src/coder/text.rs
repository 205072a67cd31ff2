//! Text handling for the coder: tokens with their byte spans, Finnish colloquial forms, sentences, stems.

use rust_stemmers::{Algorithm, Stemmer};

use crate::model::Lang;

/// One word of a reply.
#[derive(Debug, Clone)]
pub struct Token {
    /// Lower-cased, apostrophes removed, Finnish colloquial forms mapped to the standard form.
    pub norm: String,
    /// Stem of `norm` (Snowball stemmer of the reply's language).
    pub stem: String,
    /// Byte range in the original text.
    pub span: (usize, usize),
    /// Index of the sentence the token is in.
    pub sent: usize,
    /// True for the first token of its sentence.
    pub first: bool,
}

/// A sentence of a reply: its token range and whether it ends in a question mark.
#[derive(Debug, Clone)]
pub struct Sentence {
    pub tokens: (usize, usize),
    pub span: (usize, usize),
    pub qmark: bool,
    pub exclaim: bool,
}

/// A tokenised text.
#[derive(Debug, Clone, Default)]
pub struct Analysed {
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
}

/// Stemmers for both languages.
pub struct Stemmers {
    fi: Stemmer,
    en: Stemmer,
    sv: Stemmer,
}

impl Default for Stemmers {
    fn default() -> Self {
        Stemmers {
            fi: Stemmer::create(Algorithm::Finnish),
            en: Stemmer::create(Algorithm::English),
            sv: Stemmer::create(Algorithm::Swedish),
        }
    }
}

impl std::fmt::Debug for Stemmers {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Stemmers")
    }
}

impl Stemmers {
    pub fn stem(&self, lang: Lang, word: &str) -> String {
        match lang {
            Lang::Fi => self.fi.stem(word).into_owned(),
            Lang::Sv => self.sv.stem(word).into_owned(),
            _ => self.en.stem(word).into_owned(),
        }
    }
}

/// Finnish spoken-language (puhekieli) forms and common typing shortcuts, mapped to the written form so that
/// "sä oot" and "sinä olet" give the same features.
fn fi_standard(w: &str) -> Option<&'static str> {
    Some(match w {
        "mä" | "mie" | "ma" | "mää" | "mnää" => "minä",
        "sä" | "sie" | "sää" => "sinä",
        "ite" | "itte" => "itse",
        "ees" => "edes",
        "eiks" | "eiksä" | "eiksää" => "eikö",
        "mun" | "miun" => "minun",
        "sun" | "siun" => "sinun",
        "mulla" => "minulla",
        "sulla" => "sinulla",
        "mulle" => "minulle",
        "sulle" => "sinulle",
        "mua" => "minua",
        "sua" => "sinua",
        "musta" => "minusta",
        "susta" => "sinusta",
        "oot" => "olet",
        "ootko" | "ootsä" | "ootsa" => "oletko",
        "oon" => "olen",
        "oo" => "ole",
        "onks" | "onksa" | "onkse" => "onko",
        "tää" | "tä" => "tämä",
        "tän" => "tämän",
        "tätä" => "tätä",
        "nää" => "nämä",
        "noi" => "nuo",
        "se" => "se",
        "ne" => "ne",
        "pitäis" => "pitäisi",
        "vois" => "voisi",
        "voisit" => "voisit",
        "ois" => "olisi",
        "oisit" => "olisit",
        "oisko" | "oiskohan" => "olisiko",
        "kannattais" => "kannattaisi",
        "tarttis" | "tarvis" => "tarvitsisi",
        "mut" => "mutta",
        "kans" => "kanssa",
        "tiiä" | "tiedä" => "tiedä",
        "tiiätkö" | "tiiäksä" => "tiedätkö",
        "jotain" => "jotakin",
        "miks" => "miksi",
        "mitäs" => "mitä",
        "mites" => "miten",
        "mikäs" => "mikä",
        "okei" | "ok" | "okay" | "oki" => "okei",
        "niinku" | "niinkun" => "niinkuin",
        "vaan" => "vain",
        "semmonen" | "sellanen" => "sellainen",
        "tollanen" | "tällanen" => "tällainen",
        "haluut" => "haluat",
        "haluisin" => "haluaisin",
        "haluisit" => "haluaisit",
        "haluis" => "haluaisi",
        "olis" => "olisi",
        "tuntuis" => "tuntuisi",
        "sopis" => "sopisi",
        "auttais" => "auttaisi",
        "haluutko" | "haluuksä" | "haluutsä" => "haluatko",
        "meet" => "menet",
        "teet" => "teet",
        "kokeilla" => "kokeilla",
        _ => return None,
    })
}

/// Swedish spoken forms (Finland-Swedish "int", "mej", "nån"…) mapped to the written form.
fn sv_standard(w: &str) -> Option<&'static str> {
    Some(match w {
        "int" => "inte",
        "mej" => "mig",
        "dej" => "dig",
        "sej" => "sig",
        "nån" => "någon",
        "nåt" => "något",
        "nånting" => "någonting",
        "nånsin" => "någonsin",
        "ok" | "okay" | "okei" | "oki" => "okej",
        "ä" | "e" => "är",
        "ba" => "bara",
        "å" => "och",
        _ => return None,
    })
}

/// Lower-cases a word and maps its colloquial form.
pub fn normalise_word(lang: Lang, raw: &str) -> String {
    // Fast path: most words are already lower-case ASCII or Finnish letters without apostrophes.
    let plain = raw.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, 'ä' | 'ö' | 'å' | '-'));
    let mut w: String = if plain {
        raw.to_owned()
    } else {
        raw.chars().filter(|c| *c != '\'' && *c != '’').flat_map(char::to_lowercase).collect()
    };
    if lang == Lang::Fi
        && let Some(s) = fi_standard(&w)
    {
        w = s.to_owned();
    } else if lang == Lang::Sv
        && let Some(s) = sv_standard(&w)
    {
        w = s.to_owned();
    }
    w
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'
}

/// Splits a text into sentences and tokens. Sentences end at `.`, `!`, `?`, `…` or a line break.
pub fn analyse(lang: Lang, text: &str, stemmers: &Stemmers) -> Analysed {
    let mut out = Analysed::default();
    let mut sent_start_tok = 0usize;
    let mut sent_start_byte: Option<usize> = None;
    let mut chars = text.char_indices().peekable();
    let mut first = true;
    while let Some((i, c)) = chars.next() {
        if is_word_char(c) && c != '-' && c != '\'' && c != '’' {
            let start = i;
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if is_word_char(d) {
                    end = j + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            let raw = text[start..end].trim_end_matches(['-', '\'', '’']);
            let end = start + raw.len();
            if sent_start_byte.is_none() {
                sent_start_byte = Some(start);
            }
            let norm = normalise_word(lang, raw);
            let stem = stemmers.stem(lang, &norm);
            out.tokens.push(Token { norm, stem, span: (start, end), sent: out.sentences.len(), first });
            first = false;
        } else if matches!(c, '.' | '!' | '?' | '…' | '\n' | ';') {
            // Ellipsis "..." and "?!" runs end one sentence.
            let mut qmark = c == '?';
            let mut exclaim = c == '!';
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if matches!(d, '.' | '!' | '?' | '…') {
                    qmark |= d == '?';
                    exclaim |= d == '!';
                    end = j + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            // "esim.", "klo." and numbers like 1.5 do not end a sentence.
            let next_is_lower_or_digit =
                chars.peek().is_some_and(|&(_, d)| d.is_ascii_digit() || d.is_lowercase()) && c == '.';
            if out.tokens.len() > sent_start_tok && !next_is_lower_or_digit {
                out.sentences.push(Sentence {
                    tokens: (sent_start_tok, out.tokens.len()),
                    span: (sent_start_byte.unwrap_or(i), end),
                    qmark,
                    exclaim,
                });
                sent_start_tok = out.tokens.len();
                sent_start_byte = None;
                first = true;
            }
        }
    }
    if out.tokens.len() > sent_start_tok {
        out.sentences.push(Sentence {
            tokens: (sent_start_tok, out.tokens.len()),
            span: (sent_start_byte.unwrap_or(0), text.len()),
            qmark: false,
            exclaim: false,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_and_colloquial_forms() {
        let s = Stemmers::default();
        let a = analyse(Lang::Fi, "Sä oot yrittäny tosi paljon. Ootko kokeillu uudestaan?", &s);
        assert_eq!(a.sentences.len(), 2);
        assert!(!a.sentences[0].qmark);
        assert!(a.sentences[1].qmark);
        assert_eq!(a.tokens[0].norm, "sinä");
        assert_eq!(a.tokens[1].norm, "olet");
        assert!(a.tokens[5].first);
        assert_eq!(a.tokens[5].norm, "oletko");
        let t = &a.tokens[2];
        assert_eq!(&"Sä oot yrittäny tosi paljon. Ootko kokeillu uudestaan?"[t.span.0..t.span.1], "yrittäny");
    }

    #[test]
    fn english_apostrophes_and_no_final_punctuation() {
        let s = Stemmers::default();
        let a = analyse(Lang::En, "You don't want that. so what now", &s);
        assert_eq!(a.sentences.len(), 2);
        assert_eq!(a.tokens[1].norm, "dont");
        assert!(!a.sentences[1].qmark);
    }
}
