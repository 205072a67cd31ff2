//! The interface between the conversation runtime and a coder of typed replies.
//!
//! The runtime does not know how a reply is coded: anything that implements [`ReplyCoder`] will do (the
//! built-in offline coder, or a fake one in tests).

use serde::{Deserialize, Serialize};

use crate::codes::Code;
use crate::model::{EthicsKind, Lang, Meaning, Side, Talk};

/// The longest typed reply accepted, in characters.
pub const MAX_REPLY_CHARS: usize = 2000;

/// What a coder gets: the reply and what it answers.
#[derive(Debug, Clone, Copy)]
pub struct CodeRequest<'a> {
    pub lang: Lang,
    pub text: &'a str,
    /// The client's line the reply answers (empty if none).
    pub context: &'a str,
    /// The talk type of that line, when known.
    pub context_talk: Option<Talk>,
    /// The authored key meanings of that line.
    pub meanings: &'a [Meaning],
}

/// The AnnoMI-style 4-way label of a reply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Primary {
    Question,
    Reflection,
    Input,
    Other,
}

impl Primary {
    /// The primary label that a set of codes implies (reflection over question over input).
    pub fn from_codes(codes: &[Code]) -> Primary {
        if codes.iter().any(|c| c.is_reflection()) {
            Primary::Reflection
        } else if codes.iter().any(|c| c.is_question()) {
            Primary::Question
        } else if codes.iter().any(|c| matches!(c, Code::GI | Code::PER | Code::PWP)) {
            Primary::Input
        } else {
            Primary::Other
        }
    }
}

/// Why a code was given: the words or feature that support it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    pub code: Code,
    /// The words of the reply (or a named feature) behind the code.
    pub cue: String,
    /// Byte range of the cue in the reply, when it is a span of the reply.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<(usize, usize)>,
    pub weight: f32,
}

/// A coder's answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CodedReply {
    pub codes: Vec<Code>,
    pub primary: Primary,
    /// 0–1.
    pub confidence: f32,
    pub evidence: Vec<Evidence>,
    /// For a reflection: which side of the client's ambivalence it gave back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reflected: Option<Side>,
    /// For a reflection: the ids of the client line's key meanings it captured.
    #[serde(default)]
    pub meanings: Vec<String>,
    /// Digital-support ethics problems found in the typed words (zero or more), each with its evidence.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ethics: Vec<EthicsHit>,
    /// The coder is not sure of its codes (confidence below [`UNSURE_BELOW`], or one of the `notes`): feedback
    /// should say so instead of asserting a code, and write-then-pick should follow the learner's pick.
    #[serde(default)]
    pub unsure: bool,
    /// Why the codes should be taken with care (empty when there is nothing to say); each has a message for the
    /// learner ([`CoderNote::message`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<CoderNote>,
}

/// Below this confidence a coded reply is `unsure`. Chosen so that about one reply in five of the coder's own
/// held-out English set is unsure, where its accuracy is markedly lower (see docs/coder.md).
pub const UNSURE_BELOW: f32 = 0.45;

/// Something the learner should know about how a typed reply was coded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "note", rename_all = "snake_case")]
pub enum CoderNote {
    /// The codes are uncertain (low confidence).
    LowConfidence,
    /// The reply is in another language than the play; it was not credited with MI codes.
    LanguageMismatch { reply: Lang },
    /// Only a filler or back-channel ("ok", "joo", "mm"): neutral, not credited.
    Filler,
    /// Worded as a reflection, but shares no word with the client's line: the coder cannot tell whether it
    /// reflects the client in other words or talks about something else (without a feeling or reflection cue it is
    /// not credited as a complex reflection).
    OffTopic,
}

impl CoderNote {
    /// The note as a sentence for the learner.
    pub fn message(self, lang: Lang) -> String {
        let m = match self {
            CoderNote::LowConfidence => crate::msg!("coder-note-low-confidence"),
            CoderNote::LanguageMismatch { reply } => {
                crate::msg!("coder-note-language-mismatch", reply = reply.code())
            }
            CoderNote::Filler => crate::msg!("coder-note-filler"),
            CoderNote::OffTopic => crate::msg!("coder-note-off-topic"),
        };
        m.text(lang)
    }
}

/// A digital-support ethics problem found in a typed reply, with the words that show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EthicsHit {
    pub kind: EthicsKind,
    /// The words of the reply (or, for a safety signal passed over, of the client's line) that show it.
    pub evidence: String,
    /// Byte range of the evidence in the reply, when it is a span of the reply.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<(usize, usize)>,
    /// Found by the learned model (with this probability of a problem) rather than by a rule that quotes the
    /// exact words: feedback says it is likely, not certain.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub probability: Option<f32>,
}

/// Codes typed replies.
pub trait ReplyCoder {
    fn code(&self, request: &CodeRequest<'_>) -> CodedReply;
}

/// Why a typed reply was not accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextError {
    Empty,
    TooLong { chars: usize },
    NotText,
}

impl TextError {
    pub fn message(&self, lang: Lang) -> String {
        let m = match self {
            TextError::Empty => crate::msg!("reply-empty"),
            TextError::TooLong { chars } => crate::msg!("reply-too-long", chars, max = MAX_REPLY_CHARS),
            TextError::NotText => crate::msg!("reply-not-text"),
        };
        m.text(lang)
    }
}

impl std::fmt::Display for TextError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

/// Checks a typed reply and returns it trimmed.
pub fn check_reply_text(text: &str) -> Result<&str, TextError> {
    let t = text.trim();
    if t.is_empty() {
        return Err(TextError::Empty);
    }
    let chars = t.chars().count();
    if chars > MAX_REPLY_CHARS {
        return Err(TextError::TooLong { chars });
    }
    if t.chars().any(|c| c.is_control() && !matches!(c, '\n' | '\t' | '\r') || c == '\u{FFFD}') {
        return Err(TextError::NotText);
    }
    Ok(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reply_text_is_checked() {
        assert_eq!(check_reply_text("  Kerro lisää.  "), Ok("Kerro lisää."));
        assert_eq!(check_reply_text(" \n\t "), Err(TextError::Empty));
        assert_eq!(check_reply_text(&"ä".repeat(2001)), Err(TextError::TooLong { chars: 2001 }));
        assert!(check_reply_text(&"ä".repeat(2000)).is_ok());
        assert_eq!(check_reply_text("abc\u{0}def"), Err(TextError::NotText));
        assert_eq!(check_reply_text("abc\u{FFFD}"), Err(TextError::NotText));
    }

    #[test]
    fn primary_follows_codes() {
        assert_eq!(Primary::from_codes(&[Code::OQ, Code::SR]), Primary::Reflection);
        assert_eq!(Primary::from_codes(&[Code::CQ]), Primary::Question);
        assert_eq!(Primary::from_codes(&[Code::PER]), Primary::Input);
        assert_eq!(Primary::from_codes(&[Code::AF]), Primary::Other);
    }
}
