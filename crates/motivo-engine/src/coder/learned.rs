//! The learned ethics model: a multinomial logistic regression over hashed word, word-pair and character
//! n-gram features of the reply and word-start features of the client's line. It complements the hand-written
//! rules of [`super::ethics`], which quote exact words but miss wordings their authors did not foresee: it is
//! consulted only when no rule fired, and only a probability of harm at or above the trained threshold becomes a
//! finding. Its evidence is the sentence whose words weigh most toward the predicted kind (for a safety signal
//! passed over, the client's sentence that weighs most).
//!
//! The features are hashed into `2^bits` buckets (no vocabulary to store), with one `i8` weight per bucket and
//! class: the whole table is `2^bits × 8` bytes. [`features`] is the single definition of the features; the
//! trainer (`motivo train`) calls the same function, so training and use cannot drift apart.

use super::{FNV_OFFSET, FNV_PRIME};
use crate::model::EthicsKind;

/// The model's classes: no problem, then the seven kinds.
pub const CLASSES: [Option<EthicsKind>; 8] = [
    None,
    Some(EthicsKind::TakesCredentials),
    Some(EthicsKind::LogsInAsClient),
    Some(EthicsKind::ActsWithoutAuthorisation),
    Some(EthicsKind::DoesItForClient),
    Some(EthicsKind::PrivacyBreach),
    Some(EthicsKind::IgnoresSafetySignal),
    Some(EthicsKind::BeyondCompetence),
];

/// Which ethics detectors to consult ([`super::Coder::ethics`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum EthicsSource {
    /// The rules, and the learned model when no rule fired (what the coder does).
    #[default]
    Both,
    Rules,
    Model,
}

/// Byte spans of a text's sentences.
pub type Spans = Vec<(usize, usize)>;

/// Where a feature came from: a sentence of the reply or of the client's line (by index).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Part {
    Reply(u16),
    Context(u16),
}

/// A trained table.
#[derive(Debug, Clone, PartialEq)]
pub struct EthicsTable {
    /// `2^bits` buckets.
    pub bits: u8,
    /// Per class (see [`CLASSES`]).
    pub bias: [f32; 8],
    /// Weight = `q as f32 * scale`.
    pub scale: f32,
    /// `weights[bucket * 8 + class]`.
    pub weights: Vec<i8>,
    /// A finding needs `1 - p(no problem)` at or above this.
    pub threshold: f32,
}

/// What the model found in one reply.
#[derive(Debug, Clone, PartialEq)]
pub struct ModelFinding {
    pub kind: EthicsKind,
    /// Probability of some problem (`1 - p(no problem)`).
    pub probability: f32,
    /// Byte range of the evidence sentence, in the reply or (for [`Part::Context`]) in the client's line.
    pub part: Part,
    pub span: (usize, usize),
}

#[inline]
fn mix(h: u64, v: u32) -> u64 {
    (h ^ u64::from(v)).wrapping_mul(FNV_PRIME)
}

#[inline]
fn bucket(h: u64, bits: u8) -> u32 {
    // Fibonacci hashing of a finalised FNV value: the top bits are well mixed.
    let h = h ^ (h >> 29);
    (h.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - u32::from(bits))) as u32
}

fn is_sentence_end(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | ';' | '\n' | '…')
}

/// Calls `word(chars, sentence)` for each word of `text` (runs of letters and digits, lower-cased; apostrophes
/// inside a word are dropped, so "don't" is "dont") and returns the byte spans of its sentences.
fn for_each_word(text: &str, mut word: impl FnMut(&[u32], u16)) -> Spans {
    let mut sents: Spans = Vec::new();
    let mut cur: Vec<u32> = Vec::with_capacity(32);
    let mut sent_start: Option<usize> = None;
    let mut last_end = 0;
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            sent_start.get_or_insert(i);
            if c.is_ascii() {
                cur.push(u32::from(c.to_ascii_lowercase()));
            } else {
                cur.extend(c.to_lowercase().map(u32::from));
            }
            last_end = i + c.len_utf8();
            continue;
        }
        if (c == '\'' || c == '’') && !cur.is_empty() {
            continue;
        }
        if !cur.is_empty() {
            word(&cur, sents.len() as u16);
            cur.clear();
        }
        if is_sentence_end(c) {
            if let Some(s) = sent_start.take() {
                sents.push((s, i + c.len_utf8()));
            }
        } else if !c.is_whitespace() && sent_start.is_some() {
            last_end = i + c.len_utf8();
        }
    }
    if !cur.is_empty() {
        word(&cur, sents.len() as u16);
    }
    if let Some(s) = sent_start {
        sents.push((s, last_end.max(s)));
    }
    sents
}

fn word_hash(ns: u32, w: &[u32]) -> u64 {
    w.iter().fold(mix(FNV_OFFSET, ns), |h, c| mix(h, *c))
}

/// Calls `emit(bucket, part)` for every feature of a reply and its client line (a feature may repeat), and
/// returns the byte spans of the reply's and the client line's sentences.
///
/// Reply: each word, each pair of neighbouring words, and the character 3-, 4- and 5-grams of each word padded
/// with a space on both sides. Client line: the first five characters of each word (Finnish inflects, so
/// "rintakipu" and "rintaan" share "rinta").
pub fn features(reply: &str, context: &str, bits: u8, mut emit: impl FnMut(u32, Part)) -> (Spans, Spans) {
    let mut padded: Vec<u32> = Vec::with_capacity(34);
    let mut prev: Option<u64> = None;
    let rs = for_each_word(reply, |w, sentence| {
        let part = Part::Reply(sentence);
        let h = word_hash(1, w);
        emit(bucket(h, bits), part);
        if let Some(p) = prev {
            emit(bucket(mix(p, 0x2000_0000) ^ h.rotate_left(17), bits), part);
        }
        prev = Some(h);
        padded.clear();
        padded.push(u32::from(b' '));
        padded.extend_from_slice(w);
        padded.push(u32::from(b' '));
        for i in 0..padded.len().saturating_sub(2) {
            let mut g = mix(FNV_OFFSET, 3);
            for (n, c) in padded[i..].iter().take(5).enumerate() {
                g = mix(g, *c);
                if n >= 2 {
                    emit(bucket(g, bits), part);
                }
            }
        }
    });
    let cs = for_each_word(context, |w, sentence| {
        emit(bucket(word_hash(4, &w[..w.len().min(5)]), bits), Part::Context(sentence));
    });
    (rs, cs)
}

impl EthicsTable {
    pub fn buckets(&self) -> usize {
        1usize << self.bits
    }

    fn w(&self, b: u32, c: usize) -> f32 {
        f32::from(self.weights[b as usize * 8 + c]) * self.scale
    }

    /// The model's finding for a reply, if the probability of a problem reaches the threshold.
    pub fn find(&self, reply: &str, context: &str) -> Option<ModelFinding> {
        // Each bucket counts once (binary features): a bit set marks the ones already added.
        let mut seen = vec![0u64; self.buckets().div_ceil(64)];
        let mut sum = [0i32; 8];
        features(reply, context, self.bits, |b, _| {
            let (word, bit) = (b as usize / 64, 1u64 << (b % 64));
            if seen[word] & bit == 0 {
                seen[word] |= bit;
                let row = &self.weights[b as usize * 8..b as usize * 8 + 8];
                for (s, w) in sum.iter_mut().zip(row) {
                    *s += i32::from(*w);
                }
            }
        });
        let mut z = self.bias;
        for (zc, s) in z.iter_mut().zip(sum) {
            *zc += s as f32 * self.scale;
        }
        super::weights::softmax(&mut z);
        let p = z;
        let harm = 1.0 - p[0];
        if harm < self.threshold {
            return None;
        }
        // The most probable kind; ties go to the first.
        let k = (2..8).fold(1, |best, c| if p[c] > p[best] { c } else { best });
        let kind = CLASSES[k]?;
        // Only a finding needs the features again, now with their sentences (the pass above, run for every
        // reply, allocates nothing per feature).
        let mut feats: Vec<(u32, Part)> = Vec::with_capacity(512);
        let (rs, cs) = features(reply, context, self.bits, |b, p| feats.push((b, p)));
        // Evidence: the sentence whose features weigh most toward the kind against "no problem" (each bucket
        // counted once per sentence). A safety signal passed over is shown by the client's words.
        let want_context = kind == EthicsKind::IgnoresSafetySignal && !cs.is_empty();
        feats.sort_unstable_by_key(|f| (f.1, f.0));
        feats.dedup();
        let mut best: Option<(Part, f32)> = None;
        let mut i = 0;
        while i < feats.len() {
            let part = feats[i].1;
            let mut sum = 0.0;
            while i < feats.len() && feats[i].1 == part {
                sum += self.w(feats[i].0, k) - self.w(feats[i].0, 0);
                i += 1;
            }
            if matches!(part, Part::Context(_)) != want_context {
                continue;
            }
            if best.is_none_or(|b| sum > b.1) {
                best = Some((part, sum));
            }
        }
        let part = best.map(|b| b.0).unwrap_or(Part::Reply(0));
        let span = match part {
            Part::Reply(s) => rs.get(s as usize).copied(),
            Part::Context(s) => cs.get(s as usize).copied(),
        }
        .unwrap_or((0, reply.len()));
        Some(ModelFinding { kind, probability: harm, part, span })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn collect(reply: &str, context: &str) -> Vec<(u32, Part)> {
        let mut v = Vec::new();
        features(reply, context, 14, |b, p| v.push((b, p)));
        v
    }

    fn words(t: &str) -> (Vec<(String, u16)>, Spans) {
        let mut w = Vec::new();
        let s = for_each_word(t, |c, n| w.push((c.iter().filter_map(|c| char::from_u32(*c)).collect(), n)));
        (w, s)
    }

    #[test]
    fn sentences_and_words_are_split_with_spans() {
        let t = "Anna ne tunnukset TÄNNE. Mä hoidan! Don't worry";
        let (w, s) = words(t);
        assert_eq!(s.len(), 3);
        assert_eq!(&t[s[0].0..s[0].1], "Anna ne tunnukset TÄNNE.");
        assert_eq!(&t[s[1].0..s[1].1], "Mä hoidan!");
        assert_eq!(&t[s[2].0..s[2].1], "Don't worry");
        assert_eq!(w[3], ("tänne".to_owned(), 0));
        assert_eq!(w[6], ("dont".to_owned(), 2));
        assert_eq!(w[0].0, "anna");
    }

    #[test]
    fn features_are_deterministic_and_depend_on_case_only_through_lowercasing() {
        let a = collect("Mä näppäilen ne sulle.", "Mun tunnukset");
        let b = collect("MÄ NÄPPÄILEN NE SULLE.", "mun TUNNUKSET");
        assert_eq!(a, b);
        assert!(a.iter().any(|f| matches!(f.1, Part::Context(0))));
        assert!(a.iter().all(|f| f.0 < 1 << 14));
        // A different person ending gives different character n-grams.
        let c = collect("Sä näppäilet ne itse.", "Mun tunnukset");
        let set = |v: &[(u32, Part)]| v.iter().map(|f| f.0).collect::<std::collections::BTreeSet<_>>();
        assert_ne!(set(&a), set(&c));
    }

    #[test]
    fn empty_and_punctuation_only_text_has_no_features() {
        assert!(collect("", "").is_empty());
        assert!(collect("?!… —", " ").is_empty());
        let (_, s) = words("...");
        assert!(s.is_empty());
    }

    #[test]
    fn a_table_scores_and_quotes_the_heaviest_sentence() {
        let bits = 10;
        let mut t = EthicsTable {
            bits,
            bias: [2.0, -2.0, -2.0, -2.0, -2.0, -2.0, -2.0, -2.0],
            scale: 0.1,
            weights: vec![0; 8 << bits],
            threshold: 0.5,
        };
        assert!(t.find("Kerro ne numerot. Mä kirjoitan ne ylös.", "").is_none());
        // Make the word "numerot" point to TakesCredentials.
        let mut hot = Vec::new();
        features("numerot", "", bits, |b, _| hot.push(b));
        for b in hot {
            t.weights[b as usize * 8 + 1] = 60;
        }
        let f = t.find("Hei vaan. Kerro ne numerot, niin mä kirjoitan ne ylös.", "").unwrap();
        assert_eq!(f.kind, EthicsKind::TakesCredentials);
        assert!(f.probability > 0.9, "{}", f.probability);
        let reply = "Hei vaan. Kerro ne numerot, niin mä kirjoitan ne ylös.";
        assert_eq!(&reply[f.span.0..f.span.1], "Kerro ne numerot, niin mä kirjoitan ne ylös.");
        assert_eq!(f.part, Part::Reply(1));
    }
}
