//! The languages texts are given in. A module of its own so that everything that words a message (codes, diagnostics,
//! the model) can name a language without importing the scenario model.
//!
//! A language is an open tag, not a closed list: any well-formed BCP-47 primary language subtag (two or three
//! lowercase ASCII letters, `fi`, `en`, `sv`, `se`, `smn`…) is a [`Lang`], so adding a language to a scenario or
//! to the app is adding texts and files, never adding a variant here. [`Lang::KNOWN`] lists the languages the
//! program ships messages for; it is for help texts, not a limit.

use std::cmp::Ordering;
use std::fmt;

use serde::de::{self, Deserializer, EnumAccess, VariantAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};

/// A language, as its BCP-47 primary language subtag: two or three lowercase ASCII letters (zero-padded).
/// `Copy`, compared and hashed by its code; ordered with the shipped languages first (Finnish, English,
/// Swedish: the order texts are written in), then the others alphabetically.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Lang([u8; 3]);

/// Names and alternative codes a learner or a trainer may type for a language (lowercase), beside its code.
const NAMES: &[(Lang, &[&str])] = &[
    (Lang::Fi, &["fin", "suomi", "finnish", "finska", "suomeksi"]),
    (Lang::En, &["eng", "english", "englanti", "engelska", "englanniksi"]),
    (Lang::Sv, &["swe", "svenska", "swedish", "ruotsi", "ruotsiksi", "på svenska"]),
    (Lang(*b"se\0"), &["sme", "sámegiella", "davvisámegiella", "northern sami", "saame", "pohjoissaame"]),
    (Lang(*b"et\0"), &["est", "eesti", "estonian", "viro"]),
    (Lang(*b"ru\0"), &["rus", "русский", "russian", "venäjä"]),
    (Lang(*b"de\0"), &["deu", "ger", "deutsch", "german", "saksa"]),
];

/// The codes of the languages above as `'static` strings, so `code()` needs no allocation for them.
const STATIC_CODES: &[(Lang, &str)] = &[
    (Lang::Fi, "fi"),
    (Lang::En, "en"),
    (Lang::Sv, "sv"),
    (Lang(*b"se\0"), "se"),
    (Lang(*b"et\0"), "et"),
    (Lang(*b"ru\0"), "ru"),
    (Lang(*b"de\0"), "de"),
];

#[allow(non_upper_case_globals)]
impl Lang {
    /// Finnish, the primary language: texts fall back to it.
    pub const Fi: Lang = Lang(*b"fi\0");
    /// English, the second fallback.
    pub const En: Lang = Lang(*b"en\0");
    /// Swedish (Finland-Swedish in the bundled content).
    pub const Sv: Lang = Lang(*b"sv\0");

    /// The languages the program ships its own messages and bundled content in, in display order. For help texts
    /// and menus; any other well-formed tag is still a language.
    pub const KNOWN: [Lang; 3] = [Lang::Fi, Lang::En, Lang::Sv];

    /// The language whose code is `code`: two or three ASCII letters (any case). `None` for anything else.
    pub fn from_code(code: &str) -> Option<Lang> {
        let b = code.as_bytes();
        if !(2..=3).contains(&b.len()) || !b.iter().all(u8::is_ascii_alphabetic) {
            return None;
        }
        let mut tag = [0u8; 3];
        for (t, c) in tag.iter_mut().zip(b) {
            *t = c.to_ascii_lowercase();
        }
        Some(Lang(tag))
    }

    /// The language of a tag as files write it: two or three lowercase ASCII letters, and not the three-letter
    /// form of a language that has a two-letter tag (`fin` is written `fi`, as BCP-47 asks). Text keys and
    /// `languages:` lists are read with this.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        if !tag.bytes().all(|b| b.is_ascii_lowercase()) || NAMES.iter().any(|(_, names)| names.contains(&tag)) {
            return None;
        }
        Lang::from_code(tag)
    }

    /// A language from what a person types: a code (`fi`, `SV`), a three-letter code of a known language
    /// (`fin`, `swe`), a name in the language itself, in Finnish or in English (`suomi`, `svenska`, `ruotsi`,
    /// `english`), or a locale (`sv-FI`, `fi_FI.UTF-8`: the primary tag counts). `None` if it is none of these.
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim().to_lowercase();
        if let Some((lang, _)) = NAMES.iter().find(|(_, names)| names.contains(&s.as_str())) {
            return Some(*lang);
        }
        let primary = s.split(['-', '_', '.', '@']).next().unwrap_or("");
        NAMES.iter().find(|(_, names)| names.contains(&primary)).map(|(l, _)| *l).or_else(|| Lang::from_code(primary))
    }

    /// The code, e.g. `"fi"`.
    pub fn code(self) -> &'static str {
        if let Some((_, code)) = STATIC_CODES.iter().find(|(l, _)| *l == self) {
            return code;
        }
        intern(self)
    }

    /// The language's name in the language itself, for menus (`suomi`, `English`, `svenska`); the code for a
    /// language the program has no name for.
    pub fn native_name(self) -> &'static str {
        match self.code() {
            "fi" => "suomi",
            "en" => "English",
            "sv" => "svenska",
            "se" => "davvisámegiella",
            "et" => "eesti",
            "ru" => "русский",
            "de" => "Deutsch",
            code => code,
        }
    }

    /// Position in the display order: the known languages first.
    fn rank(self) -> usize {
        Lang::KNOWN.iter().position(|l| *l == self).unwrap_or(Lang::KNOWN.len())
    }
}

/// `'static` codes for languages outside `STATIC_CODES`, made once each. There are at most 26² + 26³ codes of
/// three bytes, so this is bounded however many files are read.
fn intern(lang: Lang) -> &'static str {
    use std::sync::{Mutex, OnceLock};
    static CODES: OnceLock<Mutex<Vec<(Lang, &'static str)>>> = OnceLock::new();
    let codes = CODES.get_or_init(|| Mutex::new(Vec::new()));
    let mut codes = codes.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some((_, code)) = codes.iter().find(|(l, _)| *l == lang) {
        return code;
    }
    let len = lang.0.iter().position(|b| *b == 0).unwrap_or(3);
    let code: &'static str = Box::leak(String::from_utf8_lossy(&lang.0[..len]).into_owned().into_boxed_str());
    codes.push((lang, code));
    code
}

impl Default for Lang {
    fn default() -> Self {
        Lang::Fi
    }
}

impl Ord for Lang {
    fn cmp(&self, other: &Self) -> Ordering {
        self.rank().cmp(&other.rank()).then(self.0.cmp(&other.0))
    }
}

impl PartialOrd for Lang {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl fmt::Debug for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Lang({})", self.code())
    }
}

impl std::str::FromStr for Lang {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Lang::parse(s).ok_or_else(|| format!("`{s}` is not a language (a code such as fi, en, sv, or a name)"))
    }
}

/// Written as a bare identifier in RON (`lang: fi`, `languages: [fi, sv]`) and as a string in JSON (`"fi"`), as
/// the old closed enum was, so files and saved sessions read the same.
impl Serialize for Lang {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_unit_variant("Lang", 0, self.code())
    }
}

impl<'de> Deserialize<'de> for Lang {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_enum("Lang", &[], LangVisitor)
    }
}

struct LangVisitor;

impl<'de> Visitor<'de> for LangVisitor {
    type Value = Lang;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a language code (two or three letters, e.g. fi, en, sv)")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Lang, E> {
        Lang::from_tag(v).ok_or_else(|| {
            E::custom(format_args!("`{v}` is not a language code (two or three letters, e.g. fi, en, sv)"))
        })
    }

    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<Lang, A::Error> {
        let (lang, variant) = data.variant_seed(LangSeed)?;
        variant.unit_variant()?;
        Ok(lang)
    }
}

struct LangSeed;

impl<'de> de::DeserializeSeed<'de> for LangSeed {
    type Value = Lang;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Lang, D::Error> {
        deserializer.deserialize_identifier(LangVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_names_parse() {
        for (s, want) in [
            ("fi", Lang::Fi),
            ("FI", Lang::Fi),
            ("suomi", Lang::Fi),
            ("Finnish", Lang::Fi),
            ("en", Lang::En),
            ("english", Lang::En),
            ("sv", Lang::Sv),
            ("svenska", Lang::Sv),
            ("swedish", Lang::Sv),
            ("ruotsi", Lang::Sv),
            ("swe", Lang::Sv),
            ("sv-FI", Lang::Sv),
            ("fi_FI.UTF-8", Lang::Fi),
        ] {
            assert_eq!(Lang::parse(s), Some(want), "{s}");
        }
        assert_eq!(Lang::parse("se").map(Lang::code), Some("se"));
        assert_eq!(Lang::parse("smn").map(Lang::code), Some("smn"));
        for bad in ["", "x", "abcd", "f1", "C", "C.UTF-8", "POSIX", "klingonish"] {
            assert_eq!(Lang::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn order_puts_the_shipped_languages_first() {
        let mut v = [Lang::parse("de").unwrap(), Lang::Sv, Lang::parse("ab").unwrap(), Lang::En, Lang::Fi];
        v.sort();
        let codes: Vec<&str> = v.iter().map(|l| l.code()).collect();
        assert_eq!(codes, ["fi", "en", "sv", "ab", "de"]);
        assert_eq!(Lang::default(), Lang::Fi);
    }

    #[test]
    fn serde_reads_and_writes_the_old_forms() {
        assert_eq!(serde_json::to_string(&Lang::Sv).unwrap(), "\"sv\"");
        assert_eq!(serde_json::from_str::<Lang>("\"smn\"").unwrap().code(), "smn");
        assert!(serde_json::from_str::<Lang>("\"finnish\"").is_err());
        assert_eq!(ron::to_string(&vec![Lang::Fi, Lang::Sv]).unwrap(), "[fi,sv]");
        let v: Vec<Lang> = ron::from_str("[fi, en, sv, se]").unwrap();
        assert_eq!(v.iter().map(|l| l.code()).collect::<Vec<_>>(), ["fi", "en", "sv", "se"]);
        assert!(ron::from_str::<Vec<Lang>>("[fi, x]").is_err());
        assert!(ron::from_str::<Vec<Lang>>("[fin]").is_err(), "the two-letter tag is the tag");
        // An unusual code gets a 'static code too, the same one every time.
        let xyz = Lang::parse("xyz").unwrap();
        assert!(std::ptr::eq(xyz.code(), xyz.code()));
        assert_eq!(xyz.to_string(), "xyz");
    }
}
