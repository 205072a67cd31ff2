//! The languages texts are given in. A module of its own so that everything that words a message (codes, diagnostics,
//! the model) can name a language without importing the scenario model.

use serde::{Deserialize, Serialize};

/// A language a text can be given in. Finnish is the primary language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Fi,
    En,
    Sv,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Fi, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Fi => "fi",
            Lang::En => "en",
            Lang::Sv => "sv",
        }
    }

    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "fi" | "fin" | "suomi" | "finnish" => Some(Lang::Fi),
            "en" | "eng" | "english" => Some(Lang::En),
            "sv" | "swe" | "svenska" | "swedish" => Some(Lang::Sv),
            _ => None,
        }
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}
