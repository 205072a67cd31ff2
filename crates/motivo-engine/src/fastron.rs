//! A fast, strict parser for the subset of RON that scenario files use, as a `serde::Deserializer`.
//!
//! The loader tries it first and falls back to the `ron` crate on *any* error, so every diagnostic still comes
//! from `ron` with its location. The one rule this module keeps: **whatever it accepts, `ron` (0.12, with
//! `IMPLICIT_SOME` and `UNWRAP_VARIANT_NEWTYPES`, as in [`crate::load::parse_ron`]) accepts too and gives the
//! same value.** So when in doubt it refuses, and `ron` decides.
//!
//! Accepted: named and anonymous structs `Name(field: v, ...)` / `(field: v, ...)`; lists `[...]`; strings with
//! the escapes `\" \\ \' \n \r \t \0 \xNN` (ASCII) `\u{...}` and line continuations, and raw strings `r#"..."#`;
//! unsigned decimal integers; decimal floats (`-1`, `0.5`, `1e3`); `true`/`false`; unit variants; newtype
//! variants (with the newtype unwrapped: `Turn(id: ...)`, `Change(Desire)`); `None` and implicit `Some`;
//! `//` and nested `/* */` comments; trailing commas. Refused (so `ron` handles them): `Some(...)`,
//! attributes `#![...]`, raw identifiers, non-ASCII identifiers and whitespace other than space, tab, CR and
//! LF, number suffixes, signs on integers, hex/octal/binary, `_` in numbers, `inf`/`NaN`, maps, tuples, chars,
//! bytes, and any type that asks for `deserialize_any`.
//!
//! It recurses only as deep as the target type does (no `deserialize_any`), and it also stops at
//! [`MAX_DEPTH`], so no input makes it overflow the stack; no input makes it panic.

use std::fmt;

use serde::de::{self, DeserializeSeed, Visitor};

/// Nesting (structs, lists, enums) deeper than this is refused. Scenario files nest at most ~10 levels.
pub const MAX_DEPTH: usize = 64;

/// Why the fast parser refused the input (only for tests and debugging: the loader asks `ron` instead).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    pub message: String,
    /// Byte offset where the parser stopped.
    pub offset: usize,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (at byte {})", self.message, self.offset)
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error { message: msg.to_string(), offset: usize::MAX }
    }
}

type Result<T> = std::result::Result<T, Error>;

/// Parses `text` into `T`, or refuses it.
pub fn from_str<T: de::DeserializeOwned>(text: &str) -> Result<T> {
    let mut de = Deserializer { src: text.as_bytes(), text, pos: 0, newtype_variant: false, depth: 0 };
    let run = |de: &mut Deserializer<'_>| -> Result<T> {
        de.skip_ws()?;
        let value = T::deserialize(&mut *de)?;
        de.skip_ws()?;
        if de.pos != de.src.len() {
            return Err(de.err("trailing characters"));
        }
        Ok(value)
    };
    run(&mut de).map_err(|mut e| {
        if e.offset == usize::MAX {
            e.offset = de.pos;
        }
        e
    })
}

struct Deserializer<'de> {
    src: &'de [u8],
    text: &'de str,
    pos: usize,
    /// Set inside a newtype variant's parentheses: a struct there has no parentheses of its own
    /// (`UNWRAP_VARIANT_NEWTYPES`), exactly as `ron` does it.
    newtype_variant: bool,
    depth: usize,
}

/// Bytes that may follow an identifier or a number. Anything else (letters, `.`, `#`, `"`, non-ASCII, …) is
/// refused, so a token never ends where `ron` would read on.
fn is_token_end(b: Option<&u8>) -> bool {
    matches!(
        b,
        None | Some(b' ' | b'\t' | b'\n' | b'\r' | b':' | b',' | b'(' | b')' | b'[' | b']' | b'{' | b'}' | b'/')
    )
}

fn is_ident_continue(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

impl<'de> Deserializer<'de> {
    fn err(&self, message: &str) -> Error {
        Error { message: message.to_owned(), offset: self.pos }
    }

    fn peek(&self) -> Option<u8> {
        self.src.get(self.pos).copied()
    }

    fn expect(&mut self, b: u8, what: &str) -> Result<()> {
        if self.peek() == Some(b) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.err(what))
        }
    }

    fn enter(&mut self) -> Result<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH { Err(self.err("nested too deep")) } else { Ok(()) }
    }

    fn leave(&mut self) {
        self.depth -= 1;
    }

    /// Skips whitespace and comments (as `ron` does: `//` to the end of the line, `/* */` nested).
    fn skip_ws(&mut self) -> Result<()> {
        let src = self.src;
        loop {
            match src.get(self.pos) {
                Some(b' ' | b'\t' | b'\n' | b'\r') => self.pos += 1,
                Some(b'/') => match src.get(self.pos + 1) {
                    Some(b'/') => {
                        self.pos += 2;
                        match src[self.pos..].iter().position(|&b| b == b'\n') {
                            Some(i) => self.pos += i + 1,
                            None => self.pos = src.len(),
                        }
                    }
                    Some(b'*') => {
                        self.pos += 2;
                        let mut level = 1usize;
                        while level > 0 {
                            let Some(i) = src[self.pos..].iter().position(|&b| b == b'/' || b == b'*') else {
                                self.pos = src.len();
                                return Err(self.err("unclosed block comment"));
                            };
                            self.pos += i;
                            if src[self.pos..].starts_with(b"/*") {
                                level += 1;
                                self.pos += 2;
                            } else if src[self.pos..].starts_with(b"*/") {
                                level -= 1;
                                self.pos += 2;
                            } else {
                                self.pos += 1;
                            }
                        }
                    }
                    _ => return Err(self.err("unexpected `/`")),
                },
                _ => return Ok(()),
            }
        }
    }

    /// After a value: skips whitespace, a comma and whitespace; whether there was a comma.
    fn comma(&mut self) -> Result<bool> {
        self.skip_ws()?;
        if self.peek() == Some(b',') {
            self.pos += 1;
            self.skip_ws()?;
            Ok(true)
        } else {
            Ok(false)
        }
    }

    /// An ASCII identifier followed by a token end.
    fn ident(&mut self) -> Result<&'de str> {
        let start = self.pos;
        match self.peek() {
            Some(b) if b.is_ascii_alphabetic() || b == b'_' => {}
            _ => return Err(self.err("expected an identifier")),
        }
        let mut end = start + 1;
        while end < self.src.len() && is_ident_continue(self.src[end]) {
            end += 1;
        }
        if !is_token_end(self.src.get(end)) {
            self.pos = end;
            return Err(self.err("unexpected character after identifier"));
        }
        self.pos = end;
        Ok(&self.text[start..end])
    }

    /// Whether the input continues with the identifier `word` (not followed by an identifier character).
    /// Refuses a following non-ASCII byte, where `ron` would look at Unicode identifier classes.
    fn at_word(&self, word: &str) -> Result<bool> {
        let rest = &self.src[self.pos..];
        if !rest.starts_with(word.as_bytes()) {
            return Ok(false);
        }
        match rest.get(word.len()) {
            Some(&b) if is_ident_continue(b) => Ok(false),
            Some(&b) if b >= 0x80 => Err(self.err("non-ASCII character after identifier")),
            _ => Ok(true),
        }
    }

    /// A string: `"..."` with escapes, or a raw string `r"..."` / `r#"..."#`.
    fn string(&mut self) -> Result<StrValue<'de>> {
        match self.peek() {
            Some(b'"') => {
                self.pos += 1;
                self.escaped_string()
            }
            Some(b'r') => {
                self.pos += 1;
                let hashes = self.src[self.pos..].iter().take_while(|&&b| b == b'#').count();
                self.pos += hashes;
                self.expect(b'"', "expected a string")?;
                let start = self.pos;
                let mut i = start;
                loop {
                    let Some(k) = self.src[i..].iter().position(|&b| b == b'"') else {
                        self.pos = self.src.len();
                        return Err(self.err("unclosed raw string"));
                    };
                    let q = i + k;
                    let after = &self.src[q + 1..];
                    if after.len() >= hashes && after[..hashes].iter().all(|&b| b == b'#') {
                        self.pos = q + 1 + hashes;
                        return Ok(StrValue::Borrowed(&self.text[start..q]));
                    }
                    i = q + 1;
                }
            }
            _ => Err(self.err("expected a string")),
        }
    }

    fn escaped_string(&mut self) -> Result<StrValue<'de>> {
        let start = self.pos;
        let src = self.src;
        let find = |from: usize| src[from..].iter().position(|&b| b == b'"' || b == b'\\').map(|k| from + k);
        let Some(mut at) = find(start) else {
            self.pos = src.len();
            return Err(self.err("unclosed string"));
        };
        if src[at] == b'"' {
            self.pos = at + 1;
            return Ok(StrValue::Borrowed(&self.text[start..at]));
        }
        let mut out = String::with_capacity(at - start + 16);
        out.push_str(&self.text[start..at]);
        loop {
            // `at` is a backslash.
            self.pos = at + 1;
            self.escape(&mut out)?;
            let Some(next) = find(self.pos) else {
                self.pos = src.len();
                return Err(self.err("unclosed string"));
            };
            out.push_str(&self.text[self.pos..next]);
            if src[next] == b'"' {
                self.pos = next + 1;
                return Ok(StrValue::Owned(out));
            }
            at = next;
        }
    }

    /// One escape after its backslash (or a line continuation), appended to `out`.
    fn escape(&mut self, out: &mut String) -> Result<()> {
        let Some(c) = self.peek() else { return Err(self.err("unclosed string")) };
        self.pos += 1;
        match c {
            b'\n' | b'\r' => {
                if c == b'\r' {
                    if self.peek() != Some(b'\n') {
                        return Err(self.err("unknown escape"));
                    }
                    self.pos += 1;
                }
                while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
                    self.pos += 1;
                }
            }
            b'\'' => out.push('\''),
            b'"' => out.push('"'),
            b'\\' => out.push('\\'),
            b'n' => out.push('\n'),
            b'r' => out.push('\r'),
            b't' => out.push('\t'),
            b'0' => out.push('\0'),
            b'x' => {
                let hi = self.hex_digit()?;
                let lo = self.hex_digit()?;
                let b = hi * 16 + lo;
                if b >= 0x80 {
                    return Err(self.err("non-ASCII byte escape"));
                }
                out.push(char::from(b));
            }
            b'u' => {
                self.expect(b'{', "expected `{` in a Unicode escape")?;
                let mut value = 0u32;
                let mut digits = 0;
                while digits < 6 && self.peek() != Some(b'}') {
                    value = value * 16 + u32::from(self.hex_digit()?);
                    digits += 1;
                }
                if digits == 0 {
                    return Err(self.err("empty Unicode escape"));
                }
                self.expect(b'}', "expected `}` in a Unicode escape")?;
                out.push(char::from_u32(value).ok_or_else(|| self.err("invalid Unicode escape"))?);
            }
            _ => return Err(self.err("unknown escape")),
        }
        Ok(())
    }

    fn hex_digit(&mut self) -> Result<u8> {
        let d = match self.peek() {
            Some(b @ b'0'..=b'9') => b - b'0',
            Some(b @ b'a'..=b'f') => b - b'a' + 10,
            Some(b @ b'A'..=b'F') => b - b'A' + 10,
            _ => return Err(self.err("expected a hex digit")),
        };
        self.pos += 1;
        Ok(d)
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.pos += 1;
        }
        self.pos - start
    }

    /// An unsigned decimal integer.
    fn unsigned(&mut self) -> Result<u64> {
        let start = self.pos;
        if self.digits() == 0 {
            return Err(self.err("expected an integer"));
        }
        if !is_token_end(self.src.get(self.pos)) {
            return Err(self.err("unexpected character in an integer"));
        }
        let mut v: u64 = 0;
        for &b in &self.src[start..self.pos] {
            v = v
                .checked_mul(10)
                .and_then(|v| v.checked_add(u64::from(b - b'0')))
                .ok_or_else(|| Error { message: "integer out of range".into(), offset: start })?;
        }
        Ok(v)
    }

    /// The text of a decimal float: `-?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?`, followed by a token end.
    fn float_text(&mut self) -> Result<&'de str> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        if self.digits() == 0 {
            return Err(self.err("expected a number"));
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if self.digits() == 0 {
                return Err(self.err("expected digits after `.`"));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if self.digits() == 0 {
                return Err(self.err("expected digits in an exponent"));
            }
        }
        if !is_token_end(self.src.get(self.pos)) {
            return Err(self.err("unexpected character in a number"));
        }
        Ok(&self.text[start..self.pos])
    }

    fn integer<T: TryFrom<u64>>(&mut self) -> Result<T> {
        let at = self.pos;
        let v = self.unsigned()?;
        T::try_from(v).map_err(|_| Error { message: "integer out of range".into(), offset: at })
    }

    /// The fields of a struct up to (not including) its `)`.
    fn fields<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value> {
        self.enter()?;
        let value = visitor.visit_map(CommaSeparated { de: self, close: b')', had_comma: true })?;
        self.leave();
        self.skip_ws()?;
        Ok(value)
    }
}

enum StrValue<'de> {
    Borrowed(&'de str),
    Owned(String),
}

impl<'de> StrValue<'de> {
    fn visit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self {
            StrValue::Borrowed(s) => visitor.visit_borrowed_str(s),
            StrValue::Owned(s) => visitor.visit_string(s),
        }
    }
}

fn refuse<T>(what: &str) -> Result<T> {
    Err(Error { message: format!("{what} is not in the fast subset"), offset: usize::MAX })
}

macro_rules! refused {
    ($($method:ident($($arg:ty),*)),* $(,)?) => {
        $(
            fn $method<V: Visitor<'de>>(self, $(_: $arg,)* _visitor: V) -> Result<V::Value> {
                refuse(stringify!($method))
            }
        )*
    };
}

macro_rules! integers {
    ($($method:ident => $visit:ident: $ty:ty),* $(,)?) => {
        $(
            fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
                let v: $ty = self.integer()?;
                visitor.$visit(v)
            }
        )*
    };
}

impl<'de> de::Deserializer<'de> for &mut Deserializer<'de> {
    type Error = Error;

    refused! {
        deserialize_any(),
        deserialize_char(),
        deserialize_bytes(),
        deserialize_byte_buf(),
        deserialize_unit(),
        deserialize_unit_struct(&'static str),
        deserialize_newtype_struct(&'static str),
        deserialize_tuple(usize),
        deserialize_tuple_struct(&'static str, usize),
        deserialize_map(),
        deserialize_ignored_any(),
        deserialize_i128(),
        deserialize_u128(),
    }

    integers! {
        deserialize_u8 => visit_u8: u8,
        deserialize_u16 => visit_u16: u16,
        deserialize_u32 => visit_u32: u32,
        deserialize_u64 => visit_u64: u64,
        deserialize_i8 => visit_i8: i8,
        deserialize_i16 => visit_i16: i16,
        deserialize_i32 => visit_i32: i32,
        deserialize_i64 => visit_i64: i64,
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.ident()? {
            "true" => visitor.visit_bool(true),
            "false" => visitor.visit_bool(false),
            _ => Err(self.err("expected a boolean")),
        }
    }

    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        // `ron` parses the literal text with `f32::from_str` directly, so this rounds identically.
        let t = self.float_text()?;
        visitor.visit_f32(t.parse().map_err(|_| self.err("invalid float"))?)
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let t = self.float_text()?;
        visitor.visit_f64(t.parse().map_err(|_| self.err("invalid float"))?)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.string()?.visit(visitor)
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.string()?.visit(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        if self.at_word("None")? {
            self.pos += 4;
            visitor.visit_none()
        } else if self.at_word("Some")? {
            // `ron`'s `Some(...)` has quirks with unwrapped newtypes; let it decide.
            refuse("Some(...)")
        } else {
            // IMPLICIT_SOME
            self.enter()?;
            let v = visitor.visit_some(&mut *self)?;
            self.leave();
            Ok(v)
        }
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.newtype_variant = false;
        self.expect(b'[', "expected `[`")?;
        self.enter()?;
        let value = visitor.visit_seq(CommaSeparated { de: &mut *self, close: b']', had_comma: true })?;
        self.leave();
        self.skip_ws()?;
        self.expect(b']', "expected `]`")?;
        Ok(value)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        if matches!(name, "Range" | "RangeInclusive" | "RangeFrom" | "RangeTo" | "RangeToInclusive") {
            return refuse("a range");
        }
        if self.newtype_variant {
            // Inside `Variant(...)`: the fields follow directly, the variant's `)` closes them.
            self.newtype_variant = false;
            return self.fields(visitor);
        }
        match self.peek() {
            Some(b) if b.is_ascii_alphabetic() || b == b'_' => {
                let found = self.ident()?;
                if found != name {
                    return Err(self.err("a different struct name"));
                }
                self.skip_ws()?;
            }
            Some(b) if b.is_ascii_digit() || b >= 0x80 => return Err(self.err("expected a struct")),
            _ => {}
        }
        self.expect(b'(', "expected `(`")?;
        let value = self.fields(visitor)?;
        self.expect(b')', "expected `)`")?;
        Ok(value)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        self.newtype_variant = false;
        self.enter()?;
        let value = visitor.visit_enum(Enum { de: &mut *self })?;
        self.leave();
        Ok(value)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_borrowed_str(self.ident()?)
    }
}

/// The elements of a list or the fields of a struct, separated by commas (a trailing comma is fine).
struct CommaSeparated<'a, 'de> {
    de: &'a mut Deserializer<'de>,
    close: u8,
    had_comma: bool,
}

impl CommaSeparated<'_, '_> {
    fn has_element(&mut self) -> Result<bool> {
        self.de.skip_ws()?;
        let at_close = self.de.peek() == Some(self.close);
        match (self.had_comma, at_close) {
            (true, at_close) => Ok(!at_close),
            (false, true) => Ok(false),
            (false, false) => Err(self.de.err("expected a comma")),
        }
    }
}

impl<'de> de::SeqAccess<'de> for CommaSeparated<'_, 'de> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>> {
        if !self.has_element()? {
            return Ok(None);
        }
        let value = seed.deserialize(&mut *self.de)?;
        self.had_comma = self.de.comma()?;
        Ok(Some(value))
    }
}

impl<'de> de::MapAccess<'de> for CommaSeparated<'_, 'de> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        if !self.has_element()? {
            return Ok(None);
        }
        let key = self.de.ident()?;
        seed.deserialize(de::value::BorrowedStrDeserializer::new(key)).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value> {
        self.de.skip_ws()?;
        self.de.expect(b':', "expected `:`")?;
        self.de.skip_ws()?;
        let value = seed.deserialize(&mut *self.de)?;
        self.had_comma = self.de.comma()?;
        Ok(value)
    }
}

struct Enum<'a, 'de> {
    de: &'a mut Deserializer<'de>,
}

impl<'de> de::EnumAccess<'de> for Enum<'_, 'de> {
    type Error = Error;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self)> {
        self.de.skip_ws()?;
        let name = self.de.ident()?;
        let value = seed.deserialize(de::value::BorrowedStrDeserializer::new(name))?;
        Ok((value, self))
    }
}

impl<'de> de::VariantAccess<'de> for Enum<'_, 'de> {
    type Error = Error;

    fn unit_variant(self) -> Result<()> {
        Ok(())
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value> {
        self.de.skip_ws()?;
        self.de.expect(b'(', "expected `(`")?;
        self.de.skip_ws()?;
        self.de.newtype_variant = true; // UNWRAP_VARIANT_NEWTYPES
        self.de.enter()?;
        let value = seed.deserialize(&mut *self.de)?;
        self.de.leave();
        self.de.newtype_variant = false;
        self.de.comma()?;
        self.de.expect(b')', "expected `)`")?;
        Ok(value)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, _visitor: V) -> Result<V::Value> {
        refuse("a tuple variant")
    }

    fn struct_variant<V: Visitor<'de>>(self, _fields: &'static [&'static str], _visitor: V) -> Result<V::Value> {
        refuse("a struct variant")
    }
}
