//! A span tree of RON text: every struct, field, list, tuple and string literal with its byte range, so that
//! `motivo strings import` rewrites exactly the literal of a changed text and keeps everything else (comments,
//! layout, order) byte for byte. Only run on text the loader has accepted; it still never panics on other text
//! (it returns `None`).

/// A parsed value and its byte range in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Val {
    pub start: usize,
    pub end: usize,
    pub kind: ValKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ValKind {
    /// A string literal (`"…"` or `r#"…"#`); the range includes the quotes.
    Str,
    /// `Name(key: value, …)` or `(key: value, …)`; `()` is a struct with no fields.
    Struct { fields: Vec<Field> },
    /// `Name(a, b)` or `(a, b)` (`tuple`), or `[a, b]`.
    Seq { items: Vec<Val>, tuple: bool },
    /// Anything else: numbers, identifiers, characters, maps.
    Other,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    /// The key's byte range.
    pub key: (usize, usize),
    pub value: Val,
}

/// Deeper than this is refused (the loader's own limit is lower).
const MAX_DEPTH: usize = 128;

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    i: usize,
}

fn is_ident_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_'
}

fn is_ident_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

impl<'a> Parser<'a> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.i).copied()
    }

    /// Skips whitespace and comments (`//`, nested `/* */`).
    fn trivia(&mut self) {
        let b = self.bytes;
        loop {
            while self.i < b.len() && b[self.i].is_ascii_whitespace() {
                self.i += 1;
            }
            if b.get(self.i) == Some(&b'/') && b.get(self.i + 1) == Some(&b'/') {
                while self.i < b.len() && b[self.i] != b'\n' {
                    self.i += 1;
                }
            } else if b.get(self.i) == Some(&b'/') && b.get(self.i + 1) == Some(&b'*') {
                let mut level = 0usize;
                while self.i < b.len() {
                    if b[self.i] == b'/' && b.get(self.i + 1) == Some(&b'*') {
                        level += 1;
                        self.i += 2;
                    } else if b[self.i] == b'*' && b.get(self.i + 1) == Some(&b'/') {
                        level -= 1;
                        self.i += 2;
                        if level == 0 {
                            break;
                        }
                    } else {
                        self.i += 1;
                    }
                }
            } else {
                return;
            }
        }
    }

    fn ident(&mut self) -> Option<(usize, usize)> {
        let start = self.i;
        if !self.peek().is_some_and(is_ident_start) {
            return None;
        }
        while self.peek().is_some_and(is_ident_byte) {
            self.i += 1;
        }
        Some((start, self.i))
    }

    /// A `"…"` string from the opening quote; `None` when it is not closed.
    fn string(&mut self) -> Option<()> {
        self.i += 1;
        loop {
            match self.peek()? {
                b'"' => {
                    self.i += 1;
                    return Some(());
                }
                b'\\' => self.i += 2,
                _ => self.i += 1,
            }
        }
    }

    /// A raw string `r#"…"#` from the `r`.
    fn raw_string(&mut self) -> Option<()> {
        self.i += 1;
        let hashes = self.bytes[self.i..].iter().take_while(|&&b| b == b'#').count();
        self.i += hashes;
        if self.peek() != Some(b'"') {
            return None;
        }
        self.i += 1;
        let closing: Vec<u8> = std::iter::once(b'"').chain(std::iter::repeat_n(b'#', hashes)).collect();
        let k = self.bytes[self.i..].windows(closing.len()).position(|w| w == closing.as_slice())?;
        self.i += k + closing.len();
        Some(())
    }

    fn value(&mut self, depth: usize) -> Option<Val> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.trivia();
        let start = self.i;
        let kind = match self.peek()? {
            b'"' => {
                self.string()?;
                ValKind::Str
            }
            b'r' if matches!(self.bytes.get(self.i + 1), Some(b'"') | Some(b'#')) => {
                self.raw_string()?;
                ValKind::Str
            }
            b'\'' => {
                self.i += 1;
                if self.peek() == Some(b'\\') {
                    self.i += 2;
                }
                let k = self.bytes.get(self.i..)?.iter().take(12).position(|&b| b == b'\'')?;
                self.i += k + 1;
                ValKind::Other
            }
            b'[' => {
                self.i += 1;
                ValKind::Seq { items: self.items(b']', depth)?, tuple: false }
            }
            b'{' => {
                self.i += 1;
                self.map(depth)?;
                ValKind::Other
            }
            b'(' => self.parens(depth)?,
            b if is_ident_start(b) => {
                self.ident()?;
                let after_name = self.i;
                self.trivia();
                if self.peek() == Some(b'(') {
                    self.parens(depth)?
                } else {
                    self.i = after_name;
                    ValKind::Other
                }
            }
            _ => {
                // A number or another bare token: up to the next delimiter.
                let from = self.i;
                while self.peek().is_some_and(|b| {
                    !b.is_ascii_whitespace() && !matches!(b, b',' | b')' | b']' | b'}' | b':' | b'/' | b'(' | b'"')
                }) {
                    self.i += 1;
                }
                if self.i == from {
                    return None;
                }
                ValKind::Other
            }
        };
        Some(Val { start, end: self.i, kind })
    }

    /// Comma-separated values up to `close` (the opening bracket is consumed).
    fn items(&mut self, close: u8, depth: usize) -> Option<Vec<Val>> {
        let mut items = Vec::new();
        loop {
            self.trivia();
            if self.peek()? == close {
                self.i += 1;
                return Some(items);
            }
            items.push(self.value(depth + 1)?);
            self.trivia();
            match self.peek()? {
                b',' => self.i += 1,
                b if b == close => {}
                _ => return None,
            }
        }
    }

    fn map(&mut self, depth: usize) -> Option<()> {
        loop {
            self.trivia();
            if self.peek()? == b'}' {
                self.i += 1;
                return Some(());
            }
            self.value(depth + 1)?;
            self.trivia();
            if self.peek()? != b':' {
                return None;
            }
            self.i += 1;
            self.value(depth + 1)?;
            self.trivia();
            match self.peek()? {
                b',' => self.i += 1,
                b'}' => {}
                _ => return None,
            }
        }
    }

    /// From `(`: a struct when the first thing inside is `ident:`, else a tuple.
    fn parens(&mut self, depth: usize) -> Option<ValKind> {
        self.i += 1;
        self.trivia();
        let save = self.i;
        let is_struct = self.ident().is_some() && {
            self.trivia();
            self.peek() == Some(b':')
        };
        self.i = save;
        if !is_struct {
            if self.peek()? == b')' {
                self.i += 1;
                return Some(ValKind::Struct { fields: Vec::new() });
            }
            return Some(ValKind::Seq { items: self.items(b')', depth)?, tuple: true });
        }
        let mut fields = Vec::new();
        loop {
            self.trivia();
            if self.peek()? == b')' {
                self.i += 1;
                return Some(ValKind::Struct { fields });
            }
            let key = self.ident()?;
            self.trivia();
            if self.peek()? != b':' {
                return None;
            }
            self.i += 1;
            let value = self.value(depth + 1)?;
            fields.push(Field { key, value });
            self.trivia();
            match self.peek()? {
                b',' => self.i += 1,
                b')' => {}
                _ => return None,
            }
        }
    }
}

/// Parses the whole text (after any `#![enable(…)]` attributes) into its top value.
pub fn parse(text: &str) -> Option<Val> {
    let mut p = Parser { text, bytes: text.as_bytes(), i: 0 };
    loop {
        p.trivia();
        if p.text[p.i..].starts_with("#!") {
            let k = p.text[p.i..].find(']')?;
            p.i += k + 1;
        } else {
            break;
        }
    }
    let v = p.value(0)?;
    p.trivia();
    (p.i == text.len()).then_some(v)
}

impl Val {
    /// Through `Some(x)`, `Variant(x)` and `(x)`: the single value inside a one-item tuple.
    pub fn unwrapped(&self) -> &Val {
        let mut v = self;
        while let ValKind::Seq { items, tuple: true } = &v.kind {
            match items.as_slice() {
                [one] => v = one,
                _ => break,
            }
        }
        v
    }

    /// The value of field `name` of this struct.
    pub fn field<'v>(&'v self, text: &str, name: &str) -> Option<&'v Field> {
        match &self.unwrapped().kind {
            ValKind::Struct { fields } => fields.iter().find(|f| &text[f.key.0..f.key.1] == name),
            _ => None,
        }
    }

    /// Item `i` of this list.
    pub fn item(&self, i: usize) -> Option<&Val> {
        match &self.unwrapped().kind {
            ValKind::Seq { items, .. } => items.get(i),
            _ => None,
        }
    }

    pub fn fields(&self) -> &[Field] {
        match &self.unwrapped().kind {
            ValKind::Struct { fields } => fields,
            _ => &[],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_fields_items_and_strings_with_their_spans() {
        let text = r##"#![enable(implicit_some)]
// a comment with "quotes" and (brackets
Scenario(
    id: "x", /* (not: "a field") */ n: -1.5e3,
    t: (fi: "a \"b\" )", en: r#"raw "(" "#),
    nodes: [Turn(id: "t", o: Some((fi: "c")), c: 'x', m: {"k": [1, 2]}), Ending((id: "e")), ()],
)"##;
        let root = parse(text).expect("parses");
        let t = &root.field(text, "t").unwrap().value;
        let fi = &t.field(text, "fi").unwrap().value;
        assert_eq!(&text[fi.start..fi.end], r#""a \"b\" )""#);
        let en = &t.field(text, "en").unwrap().value;
        assert_eq!(&text[en.start..en.end], r##"r#"raw "(" "#"##);
        let nodes = &root.field(text, "nodes").unwrap().value;
        let o = &nodes.item(0).unwrap().field(text, "o").unwrap().value;
        let c = &o.field(text, "fi").unwrap().value;
        assert_eq!(&text[c.start..c.end], r#""c""#);
        let e = &nodes.item(1).unwrap().field(text, "id").unwrap().value;
        assert_eq!(&text[e.start..e.end], r#""e""#);
        assert!(nodes.item(2).unwrap().fields().is_empty());
        assert!(nodes.item(3).is_none());
        assert!(root.field(text, "not").is_none(), "commented-out fields are not fields");
    }

    #[test]
    fn refuses_broken_text_without_panicking() {
        for text in ["", "(", "(a: ", "(a: \"x", "[1, 2", "(a: 1 b: 2)", "r#\"x", "'", "(a: {1: }", "x)", "#!["] {
            assert_eq!(parse(text), None, "{text:?}");
        }
        let deep = "[".repeat(500) + &"]".repeat(500);
        assert_eq!(parse(&deep), None);
    }
}
