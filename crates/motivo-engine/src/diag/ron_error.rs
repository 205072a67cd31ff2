//! The `ron` crate's errors as diagnostic texts in English and Finnish.
//!
//! The English message is `ron`'s own (as before), except for the few errors the loader has always explained
//! itself (an unknown MI code, a cut-off file, too deep nesting). The Finnish message is a template for every
//! error a trainer is likely to meet; rare ones get a Finnish prefix and `ron`'s English detail.

use super::{Kind, Tr};
use crate::limits::MAX_NESTING;
use crate::tr;

/// The message of a too deeply nested file (from the bracket count or from `ron`'s recursion limit).
pub(crate) fn too_deep_message() -> Tr {
    tr!("the file nests deeper than {MAX_NESTING} levels", "tiedostossa on sisäkkäisiä sulkuja yli {MAX_NESTING} tasoa")
}

pub(crate) fn too_deep_note() -> Tr {
    tr!(
        "scenario files are flat lists of nodes; check for runaway brackets",
        "skenaario on tasainen luettelo solmuja; etsi ylimääräisiä tai sulkematta jääneitä sulkuja"
    )
}

/// `a`, `b` and `c` (Finnish) from a list of names.
fn list_fi(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    match quoted.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} ja {last}", init.join(", ")),
    }
}

/// The closest name within two edits (and fewer than the found name's length), for "did you mean".
fn closest<'n>(found: &str, names: &[&'n str]) -> Option<&'n str> {
    let found = found.to_lowercase();
    let len = found.chars().count();
    names
        .iter()
        .map(|n| (crate::validate::edit_distance(&n.to_lowercase(), &found), *n))
        .filter(|(d, _)| *d <= 2 && *d < len)
        .min()
        .map(|(_, n)| n)
}

fn did_you_mean(found: &str, names: &[&str]) -> Option<Tr> {
    closest(found, names).map(|n| tr!("did you mean `{n}`?", "tarkoititko `{n}`?"))
}

/// ` (tyypissä `X`)` or nothing.
fn in_outer_fi(outer: &Option<String>, word: &str) -> String {
    outer.as_ref().map_or_else(String::new, |o| format!(" ({word} `{o}`)"))
}

/// A serde "expected" text (`a string`, `u32`, `struct Text`, …) in Finnish; unknown ones as they are.
fn expected_fi(e: &str) -> String {
    let e = e.trim();
    match e {
        "a string" | "a borrowed string" | "string" => return "merkkijono lainausmerkeissä (\"…\")".into(),
        "a boolean" | "bool" => return "totuusarvo `true` tai `false`".into(),
        "a sequence" => return "lista `[…]`".into(),
        "a map" => return "hakemisto `{…}`".into(),
        "a character" | "char" => return "yksi merkki".into(),
        "option" => return "`Some(…)` tai `None`".into(),
        "unit" => return "`()`".into(),
        "f32" | "f64" => return "luku".into(),
        _ => {}
    }
    if let Some(rest) = e.strip_prefix('u').or_else(|| e.strip_prefix('i'))
        && rest.parse::<u8>().is_ok()
    {
        return if e.starts_with('u') { "ei-negatiivinen kokonaisluku".into() } else { "kokonaisluku".into() };
    }
    if let Some(name) = e.strip_prefix("struct ").or_else(|| e.strip_prefix("tuple struct ")) {
        return format!("rakenne `{name}(…)`");
    }
    if let Some(name) = e.strip_prefix("enum ") {
        return format!("jokin tyypin `{name}` vaihtoehdoista");
    }
    if let Some(n) = e.strip_prefix("a tuple of size ") {
        return format!("{n} alkion monikko `(…)`");
    }
    format!("`{e}`")
}

/// A `ron` "found" text (`the string "x"`, `a sequence`, …) in Finnish; unknown ones as they are.
fn found_fi(f: &str) -> String {
    let pairs = [
        ("the string ", "merkkijono "),
        ("the boolean ", "totuusarvo "),
        ("the unsigned integer ", "kokonaisluku "),
        ("the signed integer ", "kokonaisluku "),
        ("the floating point number ", "desimaaliluku "),
        ("the UTF-8 character ", "merkki "),
    ];
    for (en, fi) in pairs {
        if let Some(rest) = f.strip_prefix(en) {
            return format!("{fi}{rest}");
        }
    }
    match f {
        "a unit value" => "`()`".into(),
        "an optional value" => "valinnainen arvo".into(),
        "a sequence" => "lista `[…]`".into(),
        "a map" => "hakemisto `{…}`".into(),
        "an enum" | "a unit variant" | "a newtype variant" | "a tuple variant" | "a struct variant" => {
            "vaihtoehdon nimi".into()
        }
        other => other.to_owned(),
    }
}

/// The kind, message and notes of a `ron` error. The English message is `ron`'s own unless noted.
pub fn ron_error(e: &ron::Error) -> (Kind, Tr, Vec<Tr>) {
    use ron::Error as E;
    let en = e.to_string();
    let parse = |fi: String| (Kind::Parse, Tr { en: en.clone(), fi }, Vec::new());
    match e {
        E::NoSuchEnumVariant { expected, found, .. } if expected.contains(&"PWP") => {
            let codes = expected.join(", ");
            let mut notes = vec![tr!("the codes are {codes}", "koodit ovat {codes}")];
            notes.extend(did_you_mean(found, expected));
            (Kind::UnknownCode, tr!("unknown MI code `{found}`", "MI-koodia `{found}` ei ole olemassa"), notes)
        }
        E::ExceededRecursionLimit => (Kind::TooDeep, too_deep_message(), vec![too_deep_note()]),
        E::Eof => (
            Kind::Parse,
            tr!("the file ends too early (is it cut off?)", "tiedosto loppuu kesken (onko se katkennut?)"),
            vec![tr!(
                "check that every `(`, `[` and `\"` is closed",
                "tarkista, että jokainen `(`, `[` ja `\"` on myös suljettu"
            )],
        ),
        E::NoSuchEnumVariant { expected, found, outer } => {
            let at = in_outer_fi(outer, "tyypissä");
            let fi = if expected.is_empty() {
                format!("tuntematon vaihtoehto `{found}`{at}")
            } else {
                format!("tuntematon vaihtoehto `{found}`{at}; sallitut ovat {}", list_fi(expected))
            };
            let (kind, message, _) = parse(fi);
            (kind, message, Vec::from_iter(did_you_mean(found, expected)))
        }
        E::NoSuchStructField { expected, found, outer } => {
            let at = in_outer_fi(outer, "rakenteessa");
            let fi = format!("tuntematon kenttä `{found}`{at}; sallitut kentät ovat {}", list_fi(expected));
            let (kind, message, _) = parse(fi);
            (kind, message, Vec::from_iter(did_you_mean(found, expected)))
        }
        E::MissingStructField { field, outer } => {
            parse(format!("pakollinen kenttä `{field}` puuttuu{}", in_outer_fi(outer, "rakenteesta")))
        }
        E::DuplicateStructField { field, outer } => {
            parse(format!("kenttä `{field}` on annettu kahdesti{}", in_outer_fi(outer, "rakenteessa")))
        }
        E::InvalidValueForType { expected, found } => {
            parse(format!("tässä pitäisi olla {}, ei {}", expected_fi(expected), found_fi(found)))
        }
        E::ExpectedDifferentLength { expected, found } => {
            parse(format!("tässä pitäisi olla {}, mutta alkioita on {found}", expected_fi(expected)))
        }
        E::ExpectedDifferentStructName { expected, found } => {
            parse(format!("tässä pitäisi olla `{expected}`, ei `{found}`"))
        }
        E::ExpectedStructLike | E::ExpectedNamedStructLike("") => parse("tässä pitäisi olla avaava sulku `(`".into()),
        E::ExpectedNamedStructLike(name) => parse(format!("tässä pitäisi olla `{name}(` tai `(`")),
        E::ExpectedStructLikeEnd | E::ExpectedOptionEnd => {
            parse("tässä pitäisi olla sulkeva sulku `)` (tai pilkku ennen seuraavaa kenttää)".into())
        }
        E::ExpectedArray => parse("tässä pitäisi alkaa lista: avaava `[` puuttuu".into()),
        E::ExpectedArrayEnd => {
            parse("tässä pitäisi olla listan sulkeva `]` (tai pilkku ennen seuraavaa alkiota)".into())
        }
        E::ExpectedMap => parse("tässä pitäisi olla avaava `{`".into()),
        E::ExpectedMapColon => parse("tästä puuttuu kaksoispiste `:`".into()),
        E::ExpectedMapEnd => parse("tässä pitäisi olla sulkeva `}`".into()),
        E::ExpectedComma => parse("tästä puuttuu pilkku `,`".into()),
        E::ExpectedString => parse("tässä pitäisi olla merkkijono lainausmerkeissä (\"…\")".into()),
        E::ExpectedStringEnd => parse("merkkijono jää auki: loppulainausmerkki `\"` puuttuu".into()),
        E::ExpectedIdentifier => parse("tässä pitäisi olla nimi (kentän tai vaihtoehdon nimi)".into()),
        E::ExpectedBoolean => parse("tässä pitäisi olla totuusarvo `true` tai `false`".into()),
        E::ExpectedInteger => parse("tässä pitäisi olla kokonaisluku".into()),
        E::ExpectedFloat => parse("tässä pitäisi olla luku".into()),
        E::ExpectedUnit => parse("tässä pitäisi olla `()`".into()),
        E::ExpectedOption => parse("tässä pitäisi olla `Some(…)` tai `None`".into()),
        E::ExpectedChar => parse("tässä pitäisi olla yksi merkki heittomerkeissä ('x')".into()),
        E::InvalidEscape(detail) => parse(match *detail {
            "Unknown escape character" => {
                "merkkijonossa on tuntematon kenoviivamerkintä: kenoviivan jälkeen voi olla `\"`, `\\`, `n`, `t` \
                 tai `u{…}` (kenoviiva itse kirjoitetaan `\\\\`)"
                    .into()
            }
            "Non-hex digit found" => "merkkijonon merkkikoodissa on muu kuin heksadesimaalinumero".into(),
            "Missing { in Unicode escape" | "No } at the end of Unicode escape" => {
                "merkkijonon Unicode-merkintä on virheellinen: kirjoita se muodossa `\\u{00e4}`".into()
            }
            other => format!("merkkijonossa on virheellinen kenoviivamerkintä ({other})"),
        }),
        E::IntegerOutOfBounds => parse("luku on liian suuri tai pieni tähän kenttään".into()),
        E::InvalidIntegerDigit { digit, .. } => parse(format!("merkki {digit:?} ei kelpaa kokonaislukuun")),
        E::UnderscoreAtBeginning => parse("luku ei voi alkaa alaviivalla".into()),
        E::FloatUnderscore => parse("desimaaliluvussa ei voi olla alaviivaa".into()),
        E::UnexpectedChar(c) => parse(format!("odottamaton merkki {c:?}")),
        E::TrailingCharacters => (
            Kind::Parse,
            Tr { en: en.clone(), fi: "skenaarion jälkeen tiedostossa on vielä tekstiä".into() },
            vec![tr!(
                "check that no `)` or `]` closes too early",
                "tarkista, ettei jokin `)` tai `]` sulje liian aikaisin"
            )],
        ),
        E::InvalidIdentifier(id) | E::SuggestRawIdentifier(id) => {
            parse(format!("`{id}` ei kelpaa nimeksi: kentän tai vaihtoehdon nimi alkaa kirjaimella"))
        }
        E::ExpectedStructName(name) => parse(format!("tässä pitäisi olla nimi `{name}` ennen sulkua `(`")),
        E::UnclosedBlockComment => parse("kommentti `/* … */` jää sulkematta".into()),
        E::Utf8Error(_) => parse("merkkijono ei ole kelvollista UTF-8-tekstiä".into()),
        E::Message(m) => parse(format!("virheellinen arvo: {m}")),
        _ => parse(format!("tiedosto ei ole kelvollista RON-muotoa: {en}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finnish_lists_and_types() {
        assert_eq!(list_fi(&["a", "b", "c"]), "`a`, `b` ja `c`");
        assert_eq!(expected_fi("u32"), "ei-negatiivinen kokonaisluku");
        assert_eq!(expected_fi("struct Text"), "rakenne `Text(…)`");
        assert_eq!(found_fi("the string \"x\""), "merkkijono \"x\"");
        assert_eq!(closest("Chnage", &["Sustain", "Change"]), Some("Change"));
    }
}
