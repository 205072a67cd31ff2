//! One pass over RON text that records every string literal (with its decoded value and the field it is the
//! value of) and every field key, so the validator finds positions by lookup instead of searching the text
//! again for each diagnostic. Linear in the text; it never fails (text it does not understand is skipped).

/// A string literal: the span with its quotes, the decoded value, the field it belongs to and its depth.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lit {
    pub start: usize,
    pub end: usize,
    /// Where the content starts (after `"` or `r#"`).
    pub content: usize,
    /// Whether escapes are decoded (a `"…"` string, not a raw one).
    pub escaped: bool,
    pub value: String,
    /// The key before it (`next: "…"`), as a span.
    pub key: Option<(usize, usize)>,
    /// Bracket depth at the literal.
    pub depth: u32,
    /// Where the innermost bracket around it opens (`(` of a text `(fi: "…", en: "…")`).
    pub open: Option<usize>,
}

/// A field key (`name:`): its span and bracket depth.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub start: usize,
    pub end: usize,
    pub depth: u32,
}

#[derive(Debug, Default)]
pub struct Scan {
    pub lits: Vec<Lit>,
    pub keys: Vec<Key>,
}

fn is_ident_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_'
}

fn is_ident_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Skips whitespace and comments from `i`; returns the new position.
fn skip_trivia(bytes: &[u8], mut i: usize) -> usize {
    loop {
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        if bytes.get(i) == Some(&b'/') && bytes.get(i + 1) == Some(&b'/') {
            while i < bytes.len() && bytes[i] != b'\n' {
                i += 1;
            }
        } else if bytes.get(i) == Some(&b'/') && bytes.get(i + 1) == Some(&b'*') {
            i = skip_block_comment(bytes, i);
        } else {
            return i;
        }
    }
}

/// Skips a RON block comment that starts at `i` (`/*`), nested ones included; returns the position after it (the
/// end of `bytes` when it is not closed). Shared by the `Locator` and the loader's
/// nesting pre-scan (`load.rs`).
pub(crate) fn skip_block_comment(bytes: &[u8], mut i: usize) -> usize {
    let mut level = 0usize;
    while i < bytes.len() {
        if bytes[i] == b'/' && bytes.get(i + 1) == Some(&b'*') {
            level += 1;
            i += 2;
        } else if bytes[i] == b'*' && bytes.get(i + 1) == Some(&b'/') {
            level -= 1;
            i += 2;
            if level == 0 {
                break;
            }
        } else {
            i += 1;
        }
    }
    i
}

/// Decodes an escaped string's content starting at `from` (after the opening quote) up to the closing quote.
/// Returns the value and the position of the closing quote (or the end of the text). When `map_to` is given,
/// stops as soon as the value is that long and returns the source position reached instead.
fn decode(text: &str, from: usize, map_to: Option<usize>) -> (String, usize) {
    let bytes = text.as_bytes();
    let mut out = String::new();
    let mut pending: Vec<u8> = Vec::new();
    let mut i = from;
    let flush = |pending: &mut Vec<u8>, out: &mut String| {
        if !pending.is_empty() {
            out.push_str(&String::from_utf8_lossy(pending));
            pending.clear();
        }
    };
    while i < bytes.len() {
        if pending.is_empty() && map_to.is_some_and(|m| out.len() >= m) {
            return (out, i);
        }
        match bytes[i] {
            b'"' => break,
            b'\\' => {
                let e = bytes.get(i + 1).copied();
                i += 2;
                match e {
                    Some(b'x') => {
                        let hex = text.get(i..i + 2).and_then(|h| u8::from_str_radix(h, 16).ok());
                        if let Some(b) = hex {
                            pending.push(b);
                            i += 2;
                        }
                        continue;
                    }
                    Some(b'u') => {
                        flush(&mut pending, &mut out);
                        let close = bytes[i..].iter().take(9).position(|&b| b == b'}');
                        if let (Some(b'{'), Some(k)) = (bytes.get(i).copied(), close) {
                            let value = text.get(i + 1..i + k).and_then(|h| u32::from_str_radix(h, 16).ok());
                            out.push(value.and_then(char::from_u32).unwrap_or('\u{fffd}'));
                            i += k + 1;
                        }
                        continue;
                    }
                    Some(b'\n') | Some(b'\r') => {
                        // A line continuation: the newline and the next line's indentation are dropped.
                        flush(&mut pending, &mut out);
                        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                            i += 1;
                        }
                        continue;
                    }
                    _ => {}
                }
                flush(&mut pending, &mut out);
                match e {
                    Some(b'n') => out.push('\n'),
                    Some(b'r') => out.push('\r'),
                    Some(b't') => out.push('\t'),
                    Some(b'0') => out.push('\0'),
                    Some(b) if b.is_ascii() => out.push(b as char),
                    Some(_) => {
                        // A backslash before a multi-byte character: keep the character.
                        i -= 1;
                    }
                    None => {}
                }
            }
            _ => {
                flush(&mut pending, &mut out);
                let k = bytes[i..].iter().position(|&b| b == b'"' || b == b'\\').unwrap_or(bytes.len() - i);
                let mut stop = i + k;
                if let Some(m) = map_to {
                    // Copy only up to the requested length (at a character boundary of the text).
                    let want = m.saturating_sub(out.len());
                    if want < k {
                        stop = i + want;
                        while !text.is_char_boundary(stop) {
                            stop += 1;
                        }
                    }
                }
                out.push_str(&text[i..stop]);
                i = stop;
            }
        }
    }
    flush(&mut pending, &mut out);
    (out, i.min(bytes.len()))
}

impl Lit {
    /// The position in the text of byte `offset` of the decoded value (clamped to the literal).
    pub fn source_offset(&self, text: &str, offset: usize) -> usize {
        let inner_end = self.end.saturating_sub(if self.escaped { 1 } else { 1 + self.hashes() }).max(self.content);
        let at = if self.escaped { decode(text, self.content, Some(offset)).1 } else { self.content + offset };
        let mut at = at.clamp(self.content, inner_end.max(self.content));
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        at
    }

    fn hashes(&self) -> usize {
        self.content - self.start - 2
    }
}

/// Scans the text once.
pub fn scan(text: &str) -> Scan {
    let bytes = text.as_bytes();
    let mut out = Scan::default();
    let mut depth: u32 = 0;
    // Where the brackets around the current position open, innermost last.
    let mut opens: Vec<usize> = Vec::new();
    // The last identifier and whether a `:` followed it: the key of the next value.
    let mut key: Option<(usize, usize)> = None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b'"' => {
                let (value, close) = decode(text, i + 1, None);
                let end = (close + 1).min(bytes.len());
                let open = opens.last().copied();
                out.lits.push(Lit {
                    start: i,
                    end,
                    content: i + 1,
                    escaped: true,
                    value,
                    key: key.take(),
                    depth,
                    open,
                });
                i = end;
            }
            b'r' if !(i > 0 && is_ident_byte(bytes[i - 1]))
                && matches!(bytes.get(i + 1), Some(b'"') | Some(b'#'))
                && bytes[i + 1..].iter().position(|&c| c != b'#').is_some_and(|k| bytes[i + 1 + k] == b'"') =>
            {
                let hashes = bytes[i + 1..].iter().position(|&c| c != b'#').unwrap_or(0);
                let content = i + 1 + hashes + 1;
                let closing: Vec<u8> = std::iter::once(b'"').chain(std::iter::repeat_n(b'#', hashes)).collect();
                let close = bytes[content..].windows(closing.len()).position(|w| w == closing.as_slice());
                let (inner_end, end) = match close {
                    Some(k) => (content + k, content + k + closing.len()),
                    None => (bytes.len(), bytes.len()),
                };
                let value = text.get(content..inner_end).unwrap_or_default().to_owned();
                let open = opens.last().copied();
                out.lits.push(Lit { start: i, end, content, escaped: false, value, key: key.take(), depth, open });
                i = end;
            }
            b'\'' => {
                // A character literal: `'x'` or `'\…'`.
                key = None;
                let mut j = i + 1;
                if bytes.get(j) == Some(&b'\\') {
                    j += 2;
                }
                let k = bytes.get(j..).and_then(|r| r.iter().take(12).position(|&c| c == b'\''));
                i = k.map_or(i + 1, |k| j + k + 1);
            }
            b'/' if matches!(bytes.get(i + 1), Some(b'/') | Some(b'*')) => {
                i = skip_trivia(bytes, i);
            }
            _ if is_ident_start(b) => {
                let start = i;
                while i < bytes.len() && is_ident_byte(bytes[i]) {
                    i += 1;
                }
                let after = skip_trivia(bytes, i);
                if bytes.get(after) == Some(&b':') {
                    out.keys.push(Key { start, end: i, depth });
                    key = Some((start, i));
                    i = after + 1;
                } else {
                    key = None;
                }
            }
            _ => {
                match b {
                    b'(' | b'[' | b'{' => {
                        depth = depth.saturating_add(1);
                        opens.push(i);
                    }
                    b')' | b']' | b'}' => {
                        depth = depth.saturating_sub(1);
                        opens.pop();
                    }
                    _ => {}
                }
                if !b.is_ascii_whitespace() {
                    key = None;
                }
                i += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_literals_keys_and_decodes_escapes() {
        let text = r##"S(id: "a\u{62}c", /* x: "no" */ t: (fi: "\"q\" \x41", en: r#"raw "x""#), n: ["ä", 'x'], k: 1)"##;
        let s = scan(text);
        let vals: Vec<&str> = s.lits.iter().map(|l| l.value.as_str()).collect();
        assert_eq!(vals, ["abc", "\"q\" A", "raw \"x\"", "ä"]);
        let keys: Vec<&str> = s.keys.iter().map(|k| &text[k.start..k.end]).collect();
        assert_eq!(keys, ["id", "t", "fi", "en", "n", "k"]);
        let key_of = |l: &Lit| l.key.map(|(a, b)| &text[a..b]);
        assert_eq!(key_of(&s.lits[0]), Some("id"));
        assert_eq!(key_of(&s.lits[3]), None, "a list element has no key");
        assert_eq!((s.lits[0].depth, s.lits[1].depth), (1, 2));
        // The bracket each literal is in: the text's `(` for both of its languages.
        let t_open = text.find("(fi").unwrap();
        assert_eq!([s.lits[0].open, s.lits[1].open, s.lits[2].open], [Some(1), Some(t_open), Some(t_open)]);
        // Offsets in the decoded value map back into the text.
        let l = &s.lits[0];
        assert_eq!(&text[l.source_offset(text, 1)..l.source_offset(text, 2)], r"\u{62}");
        let l = &s.lits[1];
        assert_eq!(&text[l.source_offset(text, 1)..l.source_offset(text, 2)], "q");
        assert_eq!(&text[l.source_offset(text, 4)..], r##"\x41", en: r#"raw "x""#), n: ["ä", 'x'], k: 1)"##);
    }

    #[test]
    fn never_panics_on_broken_text() {
        for text in ["\"", "\"\\", "\"\\u{", "r#\"", "'", "/*", "a:", "\"\\x4", "\u{200e}\"\\\u{e4}\"", "\"\\\n"] {
            let s = scan(text);
            for l in &s.lits {
                for k in 0..8 {
                    let _ = l.source_offset(text, k);
                }
            }
        }
    }
}
