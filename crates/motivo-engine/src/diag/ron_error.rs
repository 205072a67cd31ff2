//! The `ron` crate's errors as diagnostic messages (catalogue ids `ron-…`).
//!
//! Every error a trainer is likely to meet has its own message in every language; rare ones are worded as
//! "not valid RON" followed by `ron`'s own (English) detail.

use super::Kind;
use crate::i18n::{Arg, Msg, ToArg};
use crate::limits::MAX_NESTING;
use crate::msg;

/// The message of a too deeply nested file (from the bracket count or from `ron`'s recursion limit).
pub(crate) fn too_deep_message() -> Msg {
    msg!("ron-file-nests-deeper-than", MAX_NESTING)
}

pub(crate) fn too_deep_note() -> Msg {
    msg!("ron-scenario-files-flat-lists")
}

/// `` `a`, `b` and `c` `` from a list of names (the "and" in the reader's language).
fn list(names: &[&str]) -> Arg {
    let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    match quoted.as_slice() {
        [] => Arg::Str(String::new()),
        [one] => Arg::Str(one.clone()),
        [init @ .., last] => msg!("list-and", init = init.join(", "), last).to_arg(),
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

fn did_you_mean(found: &str, names: &[&str]) -> Option<Msg> {
    closest(found, names).map(|n| msg!("ron-did-you-mean", n))
}

/// ` (in type `X`)` and the like, or nothing.
fn outer_arg(outer: &Option<String>, make: fn(&str) -> Msg) -> Arg {
    outer.as_deref().map_or(Arg::Str(String::new()), |o| make(o).to_arg())
}

/// A serde "expected" text (`a string`, `u32`, `struct Text`, …) as a message; unknown ones quoted as they are.
fn expected(e: &str) -> Arg {
    let e = e.trim();
    let m = match e {
        "a string" | "a borrowed string" | "string" => msg!("ron-type-string"),
        "a boolean" | "bool" => msg!("ron-type-bool"),
        "a sequence" => msg!("ron-type-list"),
        "a map" => msg!("ron-type-map"),
        "a character" | "char" => msg!("ron-type-char"),
        "option" => msg!("ron-type-option"),
        "unit" => msg!("ron-type-unit"),
        "f32" | "f64" => msg!("ron-type-number"),
        _ => {
            if let Some(rest) = e.strip_prefix('u').or_else(|| e.strip_prefix('i'))
                && rest.parse::<u8>().is_ok()
            {
                if e.starts_with('u') { msg!("ron-type-uint") } else { msg!("ron-type-int") }
            } else if let Some(name) = e.strip_prefix("struct ").or_else(|| e.strip_prefix("tuple struct ")) {
                msg!("ron-type-struct", name)
            } else if let Some(name) = e.strip_prefix("enum ") {
                msg!("ron-type-enum", name)
            } else if let Some(n) = e.strip_prefix("a tuple of size ") {
                msg!("ron-type-tuple", n)
            } else {
                return Arg::Str(format!("`{e}`"));
            }
        }
    };
    m.to_arg()
}

/// Words a found value (its text after `ron`'s English prefix).
type Found = fn(&str) -> Msg;

/// A `ron` "found" text (`the string "x"`, `a sequence`, …) as a message; unknown ones as they are.
fn found(f: &str) -> Arg {
    let prefixed: [(&str, Found); 6] = [
        ("the string ", |v| msg!("ron-found-string", v)),
        ("the boolean ", |v| msg!("ron-found-bool", v)),
        ("the unsigned integer ", |v| msg!("ron-found-int", v)),
        ("the signed integer ", |v| msg!("ron-found-int", v)),
        ("the floating point number ", |v| msg!("ron-found-float", v)),
        ("the UTF-8 character ", |v| msg!("ron-found-char", v)),
    ];
    for (en, make) in prefixed {
        if let Some(rest) = f.strip_prefix(en) {
            return make(rest).to_arg();
        }
    }
    match f {
        "a unit value" => msg!("ron-type-unit").to_arg(),
        "an optional value" => msg!("ron-found-option").to_arg(),
        "a sequence" => msg!("ron-type-list").to_arg(),
        "a map" => msg!("ron-type-map").to_arg(),
        "an enum" | "a unit variant" | "a newtype variant" | "a tuple variant" | "a struct variant" => {
            msg!("ron-found-variant").to_arg()
        }
        other => Arg::Str(other.to_owned()),
    }
}

/// The kind, message and notes of a `ron` error.
pub fn ron_error(e: &ron::Error) -> (Kind, Msg, Vec<Msg>) {
    use ron::Error as E;
    let parse = |m: Msg| (Kind::Parse, m, Vec::new());
    match e {
        E::NoSuchEnumVariant { expected, found, .. } if expected.contains(&"PWP") => {
            let codes = expected.join(", ");
            let mut notes = vec![msg!("ron-codes", codes)];
            notes.extend(did_you_mean(found, expected));
            (Kind::UnknownCode, msg!("ron-unknown-mi-code", found), notes)
        }
        E::ExceededRecursionLimit => (Kind::TooDeep, too_deep_message(), vec![too_deep_note()]),
        E::Eof => (Kind::Parse, msg!("ron-file-ends-too-early"), vec![msg!("ron-check-every-closed")]),
        E::NoSuchEnumVariant { expected, found, outer } => {
            let at = outer_arg(outer, |o| msg!("ron-in-type", o));
            let message = if expected.is_empty() {
                msg!("ron-unknown-variant", found, at)
            } else {
                msg!("ron-unknown-variant-allowed", found, at, allowed = list(expected))
            };
            (Kind::Parse, message, Vec::from_iter(did_you_mean(found, expected)))
        }
        E::NoSuchStructField { expected, found, outer } => {
            let at = outer_arg(outer, |o| msg!("ron-in-struct", o));
            let message = msg!("ron-unknown-field", found, at, allowed = list(expected));
            (Kind::Parse, message, Vec::from_iter(did_you_mean(found, expected)))
        }
        E::MissingStructField { field, outer } => {
            parse(msg!("ron-missing-field", field, at = outer_arg(outer, |o| msg!("ron-from-struct", o))))
        }
        E::DuplicateStructField { field, outer } => {
            parse(msg!("ron-duplicate-field", field, at = outer_arg(outer, |o| msg!("ron-in-struct", o))))
        }
        E::InvalidValueForType { expected: e, found: f } => {
            parse(msg!("ron-wrong-type", expected = expected(e), found = found(f)))
        }
        E::ExpectedDifferentLength { expected: e, found } => {
            parse(msg!("ron-wrong-length", expected = expected(e), found = *found))
        }
        E::ExpectedDifferentStructName { expected, found } => {
            parse(msg!("ron-wrong-struct-name", expected = *expected, found = *found))
        }
        E::ExpectedStructLike | E::ExpectedNamedStructLike("") => parse(msg!("ron-expected-open-paren")),
        E::ExpectedNamedStructLike(name) => parse(msg!("ron-expected-named-paren", name = *name)),
        E::ExpectedStructLikeEnd | E::ExpectedOptionEnd => parse(msg!("ron-expected-close-paren")),
        E::ExpectedArray => parse(msg!("ron-expected-list")),
        E::ExpectedArrayEnd => parse(msg!("ron-expected-list-end")),
        E::ExpectedMap => parse(msg!("ron-expected-map")),
        E::ExpectedMapColon => parse(msg!("ron-expected-colon")),
        E::ExpectedMapEnd => parse(msg!("ron-expected-map-end")),
        E::ExpectedComma => parse(msg!("ron-expected-comma")),
        E::ExpectedString => parse(msg!("ron-expected-string")),
        E::ExpectedStringEnd => parse(msg!("ron-unclosed-string")),
        E::ExpectedIdentifier => parse(msg!("ron-expected-identifier")),
        E::ExpectedBoolean => parse(msg!("ron-expected-bool")),
        E::ExpectedInteger => parse(msg!("ron-expected-integer")),
        E::ExpectedFloat => parse(msg!("ron-expected-number")),
        E::ExpectedUnit => parse(msg!("ron-expected-unit")),
        E::ExpectedOption => parse(msg!("ron-expected-option")),
        E::ExpectedChar => parse(msg!("ron-expected-char")),
        E::InvalidEscape(detail) => parse(match *detail {
            "Unknown escape character" => msg!("ron-escape-unknown"),
            "Non-hex digit found" => msg!("ron-escape-hex"),
            "Missing { in Unicode escape" | "No } at the end of Unicode escape" => msg!("ron-escape-unicode"),
            other => msg!("ron-escape-other", detail = other),
        }),
        E::IntegerOutOfBounds => parse(msg!("ron-integer-out-of-bounds")),
        E::InvalidIntegerDigit { digit, .. } => parse(msg!("ron-integer-digit", digit = format!("{digit:?}"))),
        E::UnderscoreAtBeginning => parse(msg!("ron-number-underscore-start")),
        E::FloatUnderscore => parse(msg!("ron-float-underscore")),
        E::UnexpectedChar(c) => parse(msg!("ron-unexpected-char", c = format!("{c:?}"))),
        E::TrailingCharacters => {
            (Kind::Parse, msg!("ron-trailing-characters"), vec![msg!("ron-check-closes-too-early")])
        }
        E::InvalidIdentifier(id) | E::SuggestRawIdentifier(id) => parse(msg!("ron-invalid-identifier", id)),
        E::ExpectedStructName(name) => parse(msg!("ron-expected-struct-name", name)),
        E::UnclosedBlockComment => parse(msg!("ron-unclosed-comment")),
        E::Utf8Error(_) => parse(msg!("ron-not-utf8")),
        E::Message(m) => parse(msg!("ron-invalid-value", detail = m)),
        other => parse(msg!("ron-other", detail = other.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    #[test]
    fn lists_and_types_are_worded_per_language() {
        let Arg::Msg(m) = list(&["a", "b", "c"]) else { panic!("a list of three is a message") };
        assert_eq!(m.text(Lang::Fi), "`a`, `b` ja `c`");
        assert_eq!(m.text(Lang::En), "`a`, `b` and `c`");
        let Arg::Msg(m) = expected("u32") else { panic!("u32 is known") };
        assert_eq!(m.text(Lang::Fi), "ei-negatiivinen kokonaisluku");
        let Arg::Msg(m) = expected("struct Text") else { panic!("a struct is known") };
        assert_eq!(m.text(Lang::Fi), "rakenne `Text(…)`");
        let Arg::Msg(m) = found("the string \"x\"") else { panic!("a string is known") };
        assert_eq!(m.text(Lang::Fi), "merkkijono \"x\"");
        assert_eq!(closest("Chnage", &["Sustain", "Change"]), Some("Change"));
    }
}
