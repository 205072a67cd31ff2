//! MI behaviour codes (MITI 4.2.1, with open and closed questions split).

use serde::{Deserialize, Serialize};

use crate::lang::Lang;

/// A counsellor behaviour code. See `../shared/brief/mi-coding.md` and `docs/scoring.md`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Code {
    /// Open question.
    OQ,
    /// Closed question.
    CQ,
    /// Simple reflection.
    SR,
    /// Complex reflection.
    CR,
    /// Affirm.
    AF,
    /// Seeking collaboration.
    SEEK,
    /// Emphasizing autonomy.
    EMPH,
    /// Giving information.
    GI,
    /// Persuade (without permission).
    PER,
    /// Persuade with permission.
    PWP,
    /// Confront.
    CON,
    /// No code: greetings, back-channels, structuring statements.
    NONE,
}

/// Where a code stands in MITI's summary scores.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CodeClass {
    Question,
    Reflection,
    /// Counts toward "Total MI-adherent".
    Adherent,
    /// Counts toward "Total MI non-adherent".
    NonAdherent,
    Neutral,
    Uncoded,
}

impl Code {
    pub const ALL: [Code; 12] = [
        Code::OQ,
        Code::CQ,
        Code::SR,
        Code::CR,
        Code::AF,
        Code::SEEK,
        Code::EMPH,
        Code::GI,
        Code::PER,
        Code::PWP,
        Code::CON,
        Code::NONE,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Code::OQ => "OQ",
            Code::CQ => "CQ",
            Code::SR => "SR",
            Code::CR => "CR",
            Code::AF => "AF",
            Code::SEEK => "SEEK",
            Code::EMPH => "EMPH",
            Code::GI => "GI",
            Code::PER => "PER",
            Code::PWP => "PWP",
            Code::CON => "CON",
            Code::NONE => "NONE",
        }
    }

    pub fn parse(s: &str) -> Option<Code> {
        let s = s.trim();
        Code::ALL.into_iter().find(|c| c.as_str().eq_ignore_ascii_case(s))
    }

    pub fn class(self) -> CodeClass {
        match self {
            Code::OQ | Code::CQ => CodeClass::Question,
            Code::SR | Code::CR => CodeClass::Reflection,
            Code::AF | Code::SEEK | Code::EMPH => CodeClass::Adherent,
            Code::PER | Code::CON => CodeClass::NonAdherent,
            Code::GI | Code::PWP => CodeClass::Neutral,
            Code::NONE => CodeClass::Uncoded,
        }
    }

    pub fn is_question(self) -> bool {
        self.class() == CodeClass::Question
    }

    pub fn is_reflection(self) -> bool {
        self.class() == CodeClass::Reflection
    }

    /// Persuading without permission and confronting are MI-inconsistent.
    pub fn is_mi_inconsistent(self) -> bool {
        self.class() == CodeClass::NonAdherent
    }

    /// The code's name in plain words, for learners.
    pub fn name(self, lang: Lang) -> String {
        self.name_msg().text(lang)
    }

    /// The code's name in plain words, as a message.
    pub fn name_msg(self) -> crate::i18n::Msg {
        match self {
            Code::OQ => crate::msg!("code-name-oq"),
            Code::CQ => crate::msg!("code-name-cq"),
            Code::SR => crate::msg!("code-name-sr"),
            Code::CR => crate::msg!("code-name-cr"),
            Code::AF => crate::msg!("code-name-af"),
            Code::SEEK => crate::msg!("code-name-seek"),
            Code::EMPH => crate::msg!("code-name-emph"),
            Code::GI => crate::msg!("code-name-gi"),
            Code::PER => crate::msg!("code-name-per"),
            Code::PWP => crate::msg!("code-name-pwp"),
            Code::CON => crate::msg!("code-name-con"),
            Code::NONE => crate::msg!("code-name-none"),
        }
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Applies MITI's per-volley rules to a reply's codes: each code at most once, one reflection code per volley
/// (complex if any reflection is complex), persuade-with-permission wins over persuade, and `NONE` only when
/// nothing else is coded. The result is sorted in [`Code::ALL`] order.
pub fn normalize_volley(codes: &[Code]) -> Vec<Code> {
    let mut out: Vec<Code> = Vec::with_capacity(codes.len());
    for &c in codes {
        if !out.contains(&c) {
            out.push(c);
        }
    }
    if out.contains(&Code::CR) {
        out.retain(|c| *c != Code::SR);
    }
    if out.contains(&Code::PWP) {
        out.retain(|c| *c != Code::PER);
    }
    if out.len() > 1 {
        out.retain(|c| *c != Code::NONE);
    }
    if out.is_empty() {
        out.push(Code::NONE);
    }
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_round_trips_every_code() {
        for c in Code::ALL {
            assert_eq!(Code::parse(c.as_str()), Some(c));
            assert_eq!(Code::parse(&c.as_str().to_lowercase()), Some(c));
        }
        assert_eq!(Code::parse("XX"), None);
    }

    #[test]
    fn volley_keeps_one_reflection_and_prefers_complex() {
        assert_eq!(normalize_volley(&[Code::SR, Code::CR, Code::SR]), vec![Code::CR]);
        assert_eq!(normalize_volley(&[Code::SR, Code::OQ]), vec![Code::OQ, Code::SR]);
    }

    #[test]
    fn volley_pwp_beats_per_and_none_only_alone() {
        assert_eq!(normalize_volley(&[Code::PER, Code::PWP]), vec![Code::PWP]);
        assert_eq!(normalize_volley(&[Code::NONE, Code::GI]), vec![Code::GI]);
        assert_eq!(normalize_volley(&[]), vec![Code::NONE]);
    }

    #[test]
    fn classes_match_the_manual() {
        let adherent: Vec<Code> = Code::ALL.into_iter().filter(|c| c.class() == CodeClass::Adherent).collect();
        assert_eq!(adherent, vec![Code::AF, Code::SEEK, Code::EMPH]);
        let non: Vec<Code> = Code::ALL.into_iter().filter(|c| c.is_mi_inconsistent()).collect();
        assert_eq!(non, vec![Code::PER, Code::CON]);
    }
}
