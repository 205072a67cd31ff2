//! The offline MI coder: labels a typed reply with MI behaviour codes (MITI 4.2.1, open and closed questions
//! split), an AnnoMI-style 4-way primary label, a confidence, and the evidence behind each code.
//!
//! Two linear models (multinomial logistic regression, trained by `motivo train`) share one feature vocabulary:
//! word and bigram stems, sentence openers, and named hand-built features (see [`features`]). The `primary` head
//! gives the 4-way label of the whole reply; the `code` head codes the whole reply and, when it has several
//! sentences, each sentence, so that "reflection, then a question" gets both codes. MITI's per-volley rules are
//! applied last ([`crate::codes::normalize_volley`]). Reflections also get their content: which side of the
//! ambivalence they gave back and which authored key meanings of the client's line they captured.
//!
//! Everything is pure Rust and the weights are embedded, so the coder runs in the browser (wasm) as well.

pub mod ethics;
pub mod features;
pub mod harm;
pub mod learned;
pub mod lexicon;
pub mod text;
pub mod weights;

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::codes::{Code, normalize_volley};
use crate::coding::{
    CodeRequest, CodedReply, CoderNote, Evidence, Primary, ReplyCoder, UNSURE_BELOW, check_reply_text,
};
use crate::model::{Lang, Meaning, Side};
use features::{Context, Extractor, Feature, describe};
pub use learned::EthicsSource;
use text::Analysed;
pub use weights::{Head, Weights, WeightsError};

/// The FNV-1a offset basis and prime (the word tables' hasher and the learned ethics model's feature hashing).
pub(crate) const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
pub(crate) const FNV_PRIME: u64 = 0x0100_0000_01b3;

/// FNV-1a: the word tables are hashed for every word of every reply, and SipHash is slow for short keys.
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { FNV_OFFSET } else { self.0 };
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(FNV_PRIME);
        }
        self.0 = h;
    }
}

pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// The shipped weights.
pub const BUNDLED_WEIGHTS: &[u8] = include_bytes!("../../../../assets/coder/coder.bin");

/// The classes of the `primary` head, in this order.
pub const PRIMARY_CLASSES: [&str; 4] = ["question", "reflection", "input", "other"];

/// Why a coder could not be built.
#[derive(Debug, Clone, PartialEq)]
pub enum CoderError {
    Weights(WeightsError),
    MissingHead(&'static str),
    BadClass { head: &'static str, class: String },
}

impl std::fmt::Display for CoderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CoderError::Weights(e) => write!(f, "{e}"),
            CoderError::MissingHead(h) => write!(f, "the coder weights have no '{h}' model (run `motivo train`)"),
            CoderError::BadClass { head, class } => {
                write!(f, "the coder's '{head}' model has an unknown class '{class}'")
            }
        }
    }
}

impl std::error::Error for CoderError {}

impl From<WeightsError> for CoderError {
    fn from(e: WeightsError) -> Self {
        CoderError::Weights(e)
    }
}

/// The offline coder.
#[derive(Debug)]
pub struct Coder {
    ex: Extractor,
    weights: Weights,
    index: FastMap<String, usize>,
    primary_head: usize,
    code_head: usize,
    /// Maps the code head's classes to codes.
    code_of: Vec<Code>,
    primary_of: Vec<Primary>,
    /// A sentence's code is added to the reply's codes when its probability reaches this.
    sentence_threshold: f32,
    /// How much the code model's grouped probabilities count in the 4-way label (0 = the primary model alone).
    pub primary_mix: f32,
    /// Log-prior offsets added to the 4-way label's classes (in the order of [`PRIMARY_CLASSES`]) after the mix:
    /// calibration chosen on a validation fold of the training transcripts (params `primary_bias_<class>`).
    pub primary_bias: [f32; 4],
}

/// What the models say about one stretch of a reply.
#[derive(Debug, Clone)]
pub struct Scored {
    pub features: Vec<Feature>,
    pub active: Vec<usize>,
    pub code_probs: Vec<f32>,
    pub primary_probs: Vec<f32>,
}

fn argmax(p: &[f32]) -> usize {
    let mut best = 0;
    for (i, v) in p.iter().enumerate() {
        if *v > p[best] {
            best = i;
        }
    }
    best
}

impl Coder {
    /// The coder with the weights shipped in the binary (`assets/coder/coder.bin`).
    pub fn bundled() -> Result<Coder, CoderError> {
        Coder::from_bytes(BUNDLED_WEIGHTS)
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Coder, CoderError> {
        Coder::from_weights(Weights::from_bytes(bytes)?)
    }

    pub fn from_weights(weights: Weights) -> Result<Coder, CoderError> {
        let primary_head =
            weights.heads.iter().position(|h| h.name == "primary").ok_or(CoderError::MissingHead("primary"))?;
        let code_head = weights.heads.iter().position(|h| h.name == "code").ok_or(CoderError::MissingHead("code"))?;
        let code_of = weights.heads[code_head]
            .classes
            .iter()
            .map(|c| Code::parse(c).ok_or_else(|| CoderError::BadClass { head: "code", class: c.clone() }))
            .collect::<Result<Vec<_>, _>>()?;
        let primary_of = weights.heads[primary_head]
            .classes
            .iter()
            .map(|c| primary_from_str(c).ok_or_else(|| CoderError::BadClass { head: "primary", class: c.clone() }))
            .collect::<Result<Vec<_>, _>>()?;
        let sentence_threshold = weights.param("sentence_threshold").unwrap_or(0.5);
        let index: FastMap<String, usize> = weights.features.iter().enumerate().map(|(i, f)| (f.clone(), i)).collect();
        let primary_mix = weights.param("primary_mix").unwrap_or(0.0);
        let primary_bias = PRIMARY_CLASSES.map(|c| weights.param(&format!("primary_bias_{c}")).unwrap_or(0.0));
        Ok(Coder {
            primary_mix,
            primary_bias,
            ex: Extractor::new(),
            weights,
            index,
            primary_head,
            code_head,
            code_of,
            primary_of,
            sentence_threshold,
        })
    }

    pub fn weights(&self) -> &Weights {
        &self.weights
    }

    pub fn extractor(&self) -> &Extractor {
        &self.ex
    }

    /// Scores sentences `sents` of an analysed reply.
    pub fn score(&self, lang: Lang, a: &Analysed, sents: (usize, usize), ctx: &Context) -> Scored {
        let features = self.ex.features(lang, a, sents, ctx);
        let mut active: Vec<usize> = features.iter().filter_map(|f| self.index.get(&f.name).copied()).collect();
        active.sort_unstable();
        active.dedup();
        let code_probs = self.weights.heads[self.code_head].probabilities(&active);
        let primary_probs = self.weights.heads[self.primary_head].probabilities(&active);
        Scored { features, active, code_probs, primary_probs }
    }

    /// The features and weights that support `class` of `head` most, as evidence.
    fn evidence(&self, text: &str, lang: Lang, s: &Scored, class: usize, code: Code, out: &mut Vec<Evidence>) {
        let h = &self.weights.heads[self.code_head];
        let k = h.n_classes() as f32;
        let mut contrib: Vec<(f32, &Feature)> = s
            .features
            .iter()
            .filter(|f| !f.name.starts_with("l:"))
            .filter_map(|f| {
                let i = *self.index.get(&f.name)?;
                let mean = (0..h.n_classes()).map(|c| h.weight(i, c)).sum::<f32>() / k;
                Some((h.weight(i, class) - mean, f))
            })
            .filter(|(w, _)| *w > 0.05)
            .collect();
        contrib.sort_by(|a, b| b.0.total_cmp(&a.0));
        let mut cues: Vec<String> = Vec::new();
        for (w, f) in contrib {
            if cues.len() >= 5 {
                break;
            }
            let words = matches!(f.name.get(..2), Some("w:" | "b:" | "s:" | "e:")) || f.name.starts_with("s2:");
            let (cue, span) = match f.span {
                Some(sp) if words || f.name.starts_with("f:") && text.get(sp.0..sp.1).is_some() => {
                    let t = &text[sp.0..sp.1];
                    if words {
                        (t.to_owned(), Some(sp))
                    } else {
                        (format!("{t} ({})", describe(&f.name, lang)), Some(sp))
                    }
                }
                _ => (describe(&f.name, lang), None),
            };
            if cues.iter().any(|c| c.to_lowercase() == cue.to_lowercase()) {
                continue;
            }
            cues.push(cue.clone());
            out.push(Evidence { code, cue, span, weight: (w * 100.0).round() / 100.0 });
        }
    }

    /// Codes a reply; the full answer, including the per-sentence scores used.
    /// Digital-support ethics problems in a typed reply to the client's line `context`: the rules' findings
    /// ([`ethics::detect`]), or, when no rule fired, the learned model's (at most one, marked with its
    /// probability). `source` restricts to one of them (for measuring what each contributes).
    pub fn ethics(&self, lang: Lang, reply: &str, context: &str, source: EthicsSource) -> Vec<crate::EthicsHit> {
        let mut hits = if source == EthicsSource::Model { Vec::new() } else { ethics::detect(lang, reply, context) };
        if hits.is_empty()
            && source != EthicsSource::Rules
            && let Some(f) = self.weights.ethics.as_ref().and_then(|t| t.find(reply, context))
        {
            let text = if matches!(f.part, learned::Part::Context(_)) { context } else { reply };
            hits.push(crate::EthicsHit {
                kind: f.kind,
                evidence: text[f.span.0..f.span.1].to_owned(),
                span: matches!(f.part, learned::Part::Reply(_)).then_some(f.span),
                probability: Some(f.probability),
            });
        }
        hits
    }

    pub fn code_reply(&self, req: &CodeRequest<'_>) -> CodedReply {
        let Ok(text) = check_reply_text(req.text) else {
            return CodedReply {
                codes: vec![Code::NONE],
                primary: Primary::Other,
                confidence: 0.0,
                evidence: Vec::new(),
                reflected: None,
                meanings: Vec::new(),
                ethics: Vec::new(),
                unsure: true,
                notes: Vec::new(),
            };
        };
        // Spans are relative to the trimmed text; shift them back to the request's text.
        let offset = text.as_ptr() as usize - req.text.as_ptr() as usize;
        let lang = req.lang;
        let a = self.ex.analyse(lang, text);
        let ctx = self.ex.context(lang, req.context, req.context_talk);
        let n = a.sentences.len();
        let whole = self.score(lang, &a, (0, n), &ctx);
        let top = argmax(&whole.code_probs);
        let mut picked: Vec<(Code, f32, usize, Option<Scored>)> =
            vec![(self.code_of[top], whole.code_probs[top], top, None)];
        // The top code of each sentence (empty when the reply is scored only as a whole).
        let mut sent_top: Vec<Code> = Vec::new();
        if (2..=8).contains(&n) {
            for i in 0..n {
                let s = self.score(lang, &a, (i, i + 1), &ctx);
                let c = argmax(&s.code_probs);
                let code = self.code_of[c];
                sent_top.push(code);
                // Information or advice before a closing question ("Pankkitunnuksilla mennään vain pankkiin. Mitkä
                // näistä sopivat sinulle?") is a second act even when the statement alone is less sure.
                let threshold = if self.code_of[top].is_question() && !a.sentences[i].qmark {
                    self.sentence_threshold - 0.1
                } else {
                    self.sentence_threshold
                };
                if code != Code::NONE && s.code_probs[c] >= threshold {
                    if let Some(p) = picked.iter_mut().find(|p| p.0 == code) {
                        if p.3.is_none() && s.code_probs[c] > p.1 {
                            // keep the whole-reply evidence
                        }
                    } else {
                        let p = s.code_probs[c];
                        picked.push((code, p, c, Some(s)));
                    }
                }
            }
        }
        let mut codes: Vec<Code> = picked.iter().map(|p| p.0).collect();
        let has = |name: &str| whole.features.iter().find(|f| f.name == name);
        let mut rule_evidence: Vec<Evidence> = Vec::new();
        // Advice dressed as a question ("Mitä jos…", "Have you thought about…") is persuasion, not a question.
        if let Some(f) = has("f:disguised_advice")
            && codes.iter().any(|c| c.is_question())
        {
            codes.retain(|c| !c.is_question());
            codes.push(Code::PER);
            rule_evidence.push(rule(text, f, Code::PER, lang, "advice as a question", "neuvo kysymyksen muodossa"));
        }
        // Advice after the client's permission, or wrapped in autonomy language, is persuasion with permission.
        if codes.contains(&Code::PER) {
            let wrap = has("f:autonomy_wrap").or(has("f:autonomy"));
            if ctx.permission || wrap.is_some() || codes.contains(&Code::EMPH) {
                codes.retain(|c| *c != Code::PER);
                codes.push(Code::PWP);
                let cue = match wrap {
                    Some(f) => rule(
                        text,
                        f,
                        Code::PWP,
                        lang,
                        "autonomy language with the advice",
                        "itsemääräämistä tukeva muotoilu",
                    ),
                    None => Evidence {
                        code: Code::PWP,
                        cue: say(lang, "the client gave permission for advice", "asiakas antoi luvan neuvoa").into(),
                        span: None,
                        weight: 1.0,
                    },
                };
                rule_evidence.push(cue);
            }
        }
        // A recommendation the client asked for ("Mitä sä neuvoisit?" → "Mun mielestä kannattaa…"), or one after
        // the reply's own permission question ("Saanko ehdottaa? Mä kokeilisin…"), is persuasion with permission,
        // not plain information.
        let recommend = has("f:recommend").or(has("f:pwp_cue")).cloned().or_else(|| {
            harm::would_do(lang, &a).map(|(i, j)| Feature {
                name: "f:recommend".into(),
                value: 1.0,
                span: Some((a.tokens[i].span.0, a.tokens[j - 1].span.1)),
            })
        });
        if let Some(f) = &recommend
            && (ctx.permission || has("f:permission").is_some() || codes.contains(&Code::EMPH))
            && !codes.contains(&Code::PWP)
        {
            // Advice wrapped in autonomy language keeps its EMPH ("Ihan sun valinta, mut ite kirjautuisin ulos").
            // After the reply's own permission question the advice must come in a later sentence: "Saanko kertoa,
            // mitä vaihtoehtoja on?" only asks.
            let sent_of = |sp: Option<(usize, usize)>| {
                sp.and_then(|(b, _)| a.tokens.iter().find(|t| t.span.0 >= b)).map_or(0, |t| t.sent)
            };
            let advice_after_ask = has("f:permission").is_some_and(|p| sent_of(f.span) > sent_of(p.span));
            let before = codes.len();
            codes.retain(|c| !matches!(c, Code::GI | Code::PER));
            if codes.len() < before || (codes.contains(&Code::SEEK) && advice_after_ask) || codes.contains(&Code::EMPH)
            {
                codes.push(Code::PWP);
                rule_evidence.push(rule(
                    text,
                    f,
                    Code::PWP,
                    lang,
                    "advice the client asked for, or after asking permission",
                    "neuvo, jota asiakas pyysi tai johon kysyttiin lupa",
                ));
            }
        }
        codes = apply_rules(codes);

        // Harm is never praised: warnings, lectures, pushed advice and dismissals are not credited as questions or
        // reflections because of their form, and persuasion needs permission that is actually there.
        let ctx_lower = req.context.to_lowercase();
        let span_of = |f: harm::Found| (a.tokens[f.0].span.0, a.tokens[f.1 - 1].span.1);
        let cue = |f: harm::Found, code: Code, en: &str, fi: &str| {
            let sp = span_of(f);
            let why = say(lang, en, fi);
            Evidence { code, cue: format!("{} ({why})", &text[sp.0..sp.1]), span: Some(sp), weight: 1.0 }
        };
        let prohibit = harm::prohibition(lang, &a);
        let raw_push = harm::push(lang, &a);
        let push = raw_push.filter(|f| !harm::echoes(&a, *f, &ctx_lower) && !harm::about_view(&a, *f));
        let dismiss = harm::dismiss(lang, &a).filter(|f| !harm::echoes(&a, *f, &ctx_lower));
        let asks = |c: &Code| c.is_question() || *c == Code::SEEK;
        let lecture = if prohibit.is_some() || push.is_some() { harm::lecture(lang, &a) } else { None }
            .or_else(|| if codes.iter().any(asks) { harm::talk_down(lang, &a) } else { None });
        if let Some(l) = lecture {
            if codes.iter().any(|c| !c.is_mi_inconsistent() && *c != Code::GI && *c != Code::NONE) {
                codes.retain(|c| c.is_mi_inconsistent());
                codes.push(Code::CON);
                rule_evidence.push(cue(
                    l,
                    Code::CON,
                    "a warning with a lecturing check",
                    "varoitus ja läksyttävä tarkistus",
                ));
            }
        } else if codes.iter().any(asks)
            && let Some(p) = push.or(prohibit.filter(|f| !harm::about_view(&a, *f)))
        {
            {
                codes.retain(|c| !asks(c));
                codes.push(Code::PER);
                rule_evidence.push(cue(
                    p,
                    Code::PER,
                    "advice or a warning, not a question",
                    "neuvo tai varoitus, ei kysymys",
                ));
            }
        }
        if codes.iter().any(|c| c.is_reflection())
            && let Some(p) = push.or(dismiss)
        {
            codes.retain(|c| !c.is_reflection());
            codes.push(Code::PER);
            rule_evidence.push(cue(
                p,
                Code::PER,
                "advice or reassurance, not a reflection",
                "neuvo tai rauhoittelu, ei heijastus",
            ));
        }
        // A directive ("Change it now.", "Vaihda se heti.") is advice whatever its form: not a reflection or a
        // question. With permission or autonomy language it is advice with permission; as the answer to the
        // client's question, information.
        let mut directive = false;
        if let Some(d) = harm::imperative(lang, &a).filter(|f| !harm::about_view(&a, *f))
            && !codes.iter().any(|c| matches!(c, Code::PER | Code::CON | Code::PWP | Code::EMPH))
            && has("f:autonomy").is_none()
        {
            let (code, en, fi) = if ctx.permission || has("f:permission").is_some() || has("f:autonomy_wrap").is_some()
            {
                (Code::PWP, "an instruction, with permission", "ohje, luvan kanssa")
            } else if ctx.qmark {
                (Code::GI, "an instruction the client asked for", "ohje, jota asiakas kysyi")
            } else {
                (Code::PER, "an instruction, not a reflection or a question", "käsky, ei heijastus eikä kysymys")
            };
            if overrule(&mut codes, &sent_top, self.code_of[top], a.tokens[d.0].sent, code) {
                rule_evidence.push(cue(d, code, en, fi));
            }
            directive = sent_top.is_empty();
        }
        // Blame, sarcasm and put-downs are confrontation, whatever their form ("How hard can it be?").
        if let Some(f) =
            harm::confront(lang, &a).filter(|f| !harm::echoes_phrase(&a, *f, &ctx_lower) && !harm::reports_view(&a, *f))
            && overrule(&mut codes, &sent_top, self.code_of[top], a.tokens[f.0].sent, Code::CON)
        {
            rule_evidence.push(cue(
                f,
                Code::CON,
                "blame, sarcasm or a put-down",
                "syyllistämistä, piikittelyä tai vähättelyä",
            ));
        }
        if codes.contains(&Code::PWP) {
            let allowed = ctx.permission
                || has("f:permission").is_some()
                || has("f:autonomy").is_some()
                || has("f:autonomy_wrap").is_some()
                || codes.contains(&Code::EMPH);
            if !allowed {
                codes.retain(|c| *c != Code::PWP);
                codes.push(Code::PER);
                rule_evidence.push(Evidence {
                    code: Code::PER,
                    cue: say(
                        lang,
                        "no permission to advise, in the client's line or the reply",
                        "ei lupaa neuvoa asiakkaalta eikä vastauksessa",
                    )
                    .into(),
                    span: None,
                    weight: 1.0,
                });
            }
        }
        codes = apply_rules(codes);
        // At most two codes: the whole reply's code and the most confident other one.
        if codes.len() > 2 {
            let main = self.code_of[top];
            let mut rest: Vec<&(Code, f32, usize, Option<Scored>)> =
                picked.iter().filter(|p| p.0 != main && codes.contains(&p.0)).collect();
            rest.sort_by(|x, y| y.1.total_cmp(&x.1));
            let keep: Vec<Code> = std::iter::once(main).chain(rest.first().map(|p| p.0)).collect();
            codes.retain(|c| keep.contains(c));
            if codes.is_empty() {
                codes.push(main);
            }
        }
        let mut codes = normalize_volley(&codes);

        let mut pp = whole.primary_probs.clone();
        if self.primary_mix > 0.0 {
            for (k, prob) in whole.code_probs.iter().enumerate() {
                let g = match self.code_of[k] {
                    Code::OQ | Code::CQ => Primary::Question,
                    Code::SR | Code::CR => Primary::Reflection,
                    Code::GI | Code::PER | Code::PWP => Primary::Input,
                    _ => Primary::Other,
                };
                if let Some(i) = self.primary_of.iter().position(|p| *p == g) {
                    pp[i] = pp[i] * (1.0 - self.primary_mix) + prob * self.primary_mix;
                }
            }
        }
        if self.primary_bias.iter().any(|b| *b != 0.0) {
            for (i, prob) in pp.iter_mut().enumerate() {
                let class = self.weights.heads[self.primary_head].classes.get(i).map(String::as_str);
                if let Some(k) = PRIMARY_CLASSES.iter().position(|c| Some(*c) == class) {
                    *prob *= self.primary_bias[k].exp();
                }
            }
            let total: f32 = pp.iter().sum();
            if total > 0.0 {
                pp.iter_mut().for_each(|x| *x /= total);
            }
        }
        let p = argmax(&pp);
        let mut primary = self.primary_of[p];
        if directive && matches!(primary, Primary::Reflection | Primary::Question) {
            primary = Primary::Input;
        }
        let mut evidence_pre: Vec<Evidence> = Vec::new();
        // The client's own "should" given back ("You feel you should call them") is a reflection, not advice.
        if primary == Primary::Reflection
            && codes == [Code::PER]
            && let Some(f) = raw_push.filter(|_| push.is_none() && dismiss.is_none())
        {
            codes = vec![Code::SR];
            let sp = (a.tokens[f.0].span.0, a.tokens[f.1 - 1].span.1);
            let why = say(lang, "the client's own \"should\" given back", "asiakkaan oma \"pitäisi\" heijastettuna");
            evidence_pre.push(Evidence {
                code: Code::SR,
                cue: format!("{} ({why})", &text[sp.0..sp.1]),
                span: Some(sp),
                weight: 1.0,
            });
        }
        let confidence = (whole.code_probs[top] * 0.5 + pp[p] * 0.5).clamp(0.0, 1.0);

        let mut evidence = Vec::new();
        for &code in &codes {
            let (scored, class) = match picked.iter().find(|x| x.0 == code) {
                Some((_, _, c, Some(s))) => (s, *c),
                Some((_, _, c, None)) => (&whole, *c),
                None => match self.code_of.iter().position(|c| *c == code) {
                    Some(c) => (&whole, c),
                    None => continue,
                },
            };
            self.evidence(text, lang, scored, class, code, &mut evidence);
        }
        let ruled = rule_evidence.iter().chain(&evidence_pre).any(|e| codes.contains(&e.code));
        for e in evidence_pre {
            evidence.insert(0, e);
        }
        for e in rule_evidence {
            if codes.contains(&e.code) {
                evidence.insert(0, e);
            }
        }
        for e in &mut evidence {
            if let Some((s, t)) = e.span {
                e.span = Some((s + offset, t + offset));
            }
        }

        // A decision rule that changed the codes is explainable and fairly certain.
        let confidence = if ruled { confidence.max(0.6) } else { confidence };
        let (reflected, meanings) = self.reflection_content(lang, &a, req, &codes);
        let mut reply = CodedReply {
            codes,
            primary,
            confidence,
            evidence,
            reflected,
            meanings,
            ethics: Vec::new(),
            unsure: false,
            notes: Vec::new(),
        };
        // Honest when unsure.
        let other_lang = harm::language_of(&a).filter(|l| *l != lang);
        reply.ethics = self.ethics(other_lang.unwrap_or(lang), req.text, req.context, EthicsSource::Both);
        if let Some(l) = other_lang {
            reply.notes.push(CoderNote::LanguageMismatch { reply: l });
            reply.codes = vec![Code::NONE];
            reply.primary = Primary::Other;
            reply.confidence = 0.0;
            reply.reflected = None;
            reply.evidence.clear();
        } else if harm::filler(lang, &a) {
            reply.notes.push(CoderNote::Filler);
            reply.codes = vec![Code::NONE];
            reply.primary = Primary::Other;
            reply.reflected = None;
            reply.evidence.retain(|e| e.code == Code::NONE);
        } else if reply.codes.contains(&Code::CR)
            && !ctx.empty
            && ctx.n_content >= 2
            && reply.meanings.is_empty()
            && has("x:overlap_none").is_some()
            && harm::topic_words(&a) >= 3
            && harm::topic_words_in(&ctx_lower) >= 3
            && !harm::shares_topic(&a, &ctx_lower)
        {
            // No word in common: flagged and unsure. Without a feeling or reflection cue either, it is not
            // credited as complex (a paraphrase of a feeling often shares no word with the client's line).
            reply.notes.push(CoderNote::OffTopic);
            reply.confidence = reply.confidence.min(0.35);
        }
        if reply.notes.contains(&CoderNote::OffTopic) && has("f:feeling").is_none() && has("f:refl_stem").is_none() {
            reply.codes = normalize_volley(
                &reply.codes.iter().map(|c| if *c == Code::CR { Code::SR } else { *c }).collect::<Vec<_>>(),
            );
            for e in &mut reply.evidence {
                if e.code == Code::CR {
                    e.code = Code::SR;
                }
            }
        }
        if reply.confidence < UNSURE_BELOW && reply.notes.is_empty() {
            reply.notes.push(CoderNote::LowConfidence);
        }
        reply.unsure = !reply.notes.is_empty();
        reply
    }

    /// Which key meanings of the client's line the reply captured (cue stems found among the reply's stems), and
    /// for a reflection, which side it gave back: the side of the matched meaning that comes last in the reply
    /// (a double-sided reflection counts for the side it ends on), else the client line's talk side.
    fn reflection_content(
        &self,
        lang: Lang,
        a: &Analysed,
        req: &CodeRequest<'_>,
        codes: &[Code],
    ) -> (Option<Side>, Vec<String>) {
        let matched = match_meanings(&self.ex, lang, a, req.meanings);
        if !codes.iter().any(|c| c.is_reflection()) {
            return (None, matched.iter().map(|(m, _)| m.id.clone()).collect());
        }
        let last = matched.iter().filter(|(m, _)| m.side != Side::Neutral).max_by_key(|(_, pos)| *pos);
        let side = match last {
            Some((m, _)) => Some(m.side),
            None => req.context_talk.map(|t| t.side()).or(matched.first().map(|(m, _)| m.side)),
        };
        (side, matched.iter().map(|(m, _)| m.id.clone()).collect())
    }
}

/// The meanings whose cue words (stemmed) occur in the reply, with the token position of the last cue found.
pub fn match_meanings<'m>(
    ex: &Extractor,
    lang: Lang,
    a: &Analysed,
    meanings: &'m [Meaning],
) -> Vec<(&'m Meaning, usize)> {
    let mut out = Vec::new();
    for m in meanings {
        let cues = m.cues(lang);
        let mut pos: Option<usize> = None;
        for cue in cues {
            // A cue may be several words: all must occur.
            let words: Vec<String> = cue
                .split_whitespace()
                .map(|w| {
                    let w = w.trim_end_matches('*');
                    ex.stemmers.stem(lang, &text::normalise_word(lang, w))
                })
                .filter(|w| !w.is_empty())
                .collect();
            if words.is_empty() {
                continue;
            }
            let mut last = 0;
            let all = words.iter().all(|w| {
                let found = a.tokens.iter().rposition(|t| {
                    t.stem == *w
                        || (w.chars().count() >= 4
                            && (t.stem.starts_with(w.as_str()) || t.norm.starts_with(w.as_str())))
                });
                if let Some(i) = found {
                    last = last.max(i);
                }
                found.is_some()
            });
            if all {
                pos = Some(pos.map_or(last, |p: usize| p.max(last)));
            }
        }
        if let Some(p) = pos {
            out.push((m, p));
        }
    }
    out
}

/// Evidence for a decision rule, quoting the phrase that triggered it.
fn rule(text: &str, f: &Feature, code: Code, lang: Lang, en: &str, fi: &str) -> Evidence {
    let why = say(lang, en, fi);
    let (cue, span) = match f.span.and_then(|(s, t)| text.get(s..t).map(|q| (q, (s, t)))) {
        Some((q, sp)) => (format!("{q} ({why})"), Some(sp)),
        None => (why.to_owned(), None),
    };
    Evidence { code, cue, span, weight: 1.0 }
}

/// A short explanation in the reply's language: Finnish, Swedish (from [`SV`], by the English text), else English.
pub(crate) fn say<'a>(lang: Lang, en: &'a str, fi: &'a str) -> &'a str {
    match lang {
        Lang::Fi => fi,
        Lang::Sv => SV.iter().find(|(e, _)| *e == en).map_or(en, |(_, s)| s),
        _ => en,
    }
}

/// Swedish wordings of the coder's explanations, keyed by the English text.
const SV: &[(&str, &str)] = &[
    ("advice as a question", "råd i frågeform"),
    ("autonomy language with the advice", "formulering som stöder självbestämmandet"),
    ("the client gave permission for advice", "klienten gav lov till råd"),
    ("advice the client asked for, or after asking permission", "råd som klienten bad om eller fick frågan om"),
    ("a warning with a lecturing check", "varning med en tillrättavisande kontrollfråga"),
    ("advice or a warning, not a question", "råd eller varning, inte en fråga"),
    ("advice or reassurance, not a reflection", "råd eller lugnande, inte en reflektion"),
    (
        "no permission to advise, in the client's line or the reply",
        "inget lov att ge råd, varken i klientens replik eller i svaret",
    ),
    ("the client's own \"should\" given back", "klientens eget \"borde\" återspeglat"),
    ("question mark", "frågetecken"),
    ("question form", "frågeform"),
    ("ends with a question", "slutar med en fråga"),
    ("open question word", "öppet frågeord"),
    ("asks for one fact", "frågar efter ett faktum"),
    ("yes/no question form", "ja/nej-frågans form"),
    ("question without a question mark", "fråga utan frågetecken"),
    ("statement with a question mark", "påstående med frågetecken"),
    ("second-person statement", "påstående i du-form"),
    ("impersonal statement", "allmänt påstående"),
    ("the client's own words", "klientens egna ord"),
    ("few of the client's words", "få av klientens ord"),
    ("answers the client's question", "svarar på klientens fråga"),
    ("the client gave permission", "klienten gav lov"),
    ("double-sided: 'but/on the other hand'", "dubbelsidig: 'men/å andra sidan'"),
    ("a feeling or value", "en känsla eller ett värde"),
    ("very short reply", "mycket kort svar"),
    ("generic praise only", "bara allmänt beröm"),
    ("length of the client's line", "längden på klientens replik"),
];

/// MITI decision rules that apply between the codes of one reply (beyond [`normalize_volley`]).
pub fn apply_rules(mut codes: Vec<Code>) -> Vec<Code> {
    // Confront wins over question; a reply that both confronts and reflects is a confrontation.
    if codes.contains(&Code::CON) {
        codes.retain(|c| !c.is_question() && !c.is_reflection());
    }
    // A question that seeks collaboration is coded SEEK, not OQ/CQ, when they come from the same sentence
    // (the sentence-level model already decides this; a whole-reply SEEK and a sentence OQ are kept).
    // Persuade with permission wins over persuade.
    if codes.contains(&Code::PWP) {
        codes.retain(|c| *c != Code::PER);
    }
    codes
}

fn primary_from_str(s: &str) -> Option<Primary> {
    Some(match s {
        "question" => Primary::Question,
        "reflection" => Primary::Reflection,
        "input" | "therapist_input" => Primary::Input,
        "other" => Primary::Other,
        _ => return None,
    })
}

impl ReplyCoder for Coder {
    fn code(&self, request: &CodeRequest<'_>) -> CodedReply {
        self.code_reply(request)
    }
}

/// A decision rule found `code` in sentence `sent` of a reply: that sentence's own code goes when it is one the
/// reply would be credited for (a reflection, a question, an affirmation, information or nothing) and no other
/// sentence carries it; a reply scored only as a whole (`sent_top` empty) loses every such code. Returns whether
/// `code` was added.
fn overrule(codes: &mut Vec<Code>, sent_top: &[Code], whole: Code, sent: usize, code: Code) -> bool {
    let credited = |c: &Code| {
        *c != code
            && (c.is_reflection() || c.is_question() || matches!(c, Code::SEEK | Code::NONE | Code::AF | Code::GI))
    };
    let here = sent_top.get(sent).copied().unwrap_or(whole);
    let elsewhere = sent_top.iter().enumerate().any(|(j, c)| j != sent && *c == here);
    if credited(&here) && !elsewhere {
        codes.retain(|c| *c != here);
    }
    if sent_top.is_empty() {
        codes.retain(|c| !credited(c));
    }
    if codes.contains(&code) {
        return false;
    }
    codes.push(code);
    true
}

#[cfg(test)]
mod tests;
