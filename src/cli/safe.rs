//! Terminal-safe output: text from files (ids, names, scenario texts, paths) never reaches a terminal with its
//! control characters raw, so a file cannot clear the screen, set the window title or hide text (`ESC[2J`, OSC).
//! Control characters are shown escaped (`\u{1b}`); newlines and tabs are kept where text may span lines.

use std::borrow::Cow;
use std::io::{self, Write};

fn needs_escape(c: char, keep_newlines: bool) -> bool {
    c.is_control() && !(keep_newlines && (c == '\n' || c == '\t'))
}

fn escape(s: &str, keep_newlines: bool) -> Cow<'_, str> {
    if !s.chars().any(|c| needs_escape(c, keep_newlines)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if needs_escape(c, keep_newlines) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// One line of output: every control character escaped, newlines too.
pub fn line(s: &str) -> Cow<'_, str> {
    escape(s, false)
}

/// Text that may span lines: control characters escaped, newlines and tabs kept.
pub fn text(s: &str) -> Cow<'_, str> {
    escape(s, true)
}

/// The same text with every control character (but newline and tab) replaced by characters of the same length in
/// bytes (`?` for one byte, `¿` for the two-byte C1 controls), so byte offsets into it stay valid: for source
/// snippets shown under diagnostics.
pub fn same_offsets(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| needs_escape(c, true)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' && chars.peek() == Some(&'\n') {
            out.push(c);
        } else if needs_escape(c, true) {
            out.push(if c.len_utf8() == 1 { '?' } else { '¿' });
        } else {
            out.push(c);
        }
    }
    debug_assert_eq!(out.len(), s.len());
    Cow::Owned(out)
}

/// A writer that escapes control characters (but newline and tab) in everything written through it, for output
/// made of file texts (`motivo play`). C0 controls and DEL are single bytes; C1 controls are `0xC2 0x80..=0x9F` in
/// UTF-8, which may be split across two writes.
pub struct Writer<W: Write> {
    inner: W,
    /// The last write ended with `0xC2` (held back).
    pending_c2: bool,
}

impl<W: Write> Writer<W> {
    pub fn new(inner: W) -> Self {
        Writer { inner, pending_c2: false }
    }
}

impl<W: Write> Write for Writer<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut out = Vec::with_capacity(buf.len());
        let mut bytes = buf.iter().copied().peekable();
        if self.pending_c2 {
            self.pending_c2 = false;
            match bytes.peek() {
                Some(&b) if (0x80..=0x9f).contains(&b) => {
                    bytes.next();
                    out.extend_from_slice(format!("\\u{{{b:x}}}").as_bytes());
                }
                _ => out.push(0xc2),
            }
        }
        while let Some(b) = bytes.next() {
            match b {
                b'\n' | b'\t' => out.push(b),
                0x00..=0x1f | 0x7f => out.extend_from_slice(format!("\\u{{{b:x}}}").as_bytes()),
                0xc2 => match bytes.peek() {
                    Some(&n) if (0x80..=0x9f).contains(&n) => {
                        bytes.next();
                        out.extend_from_slice(format!("\\u{{{n:x}}}").as_bytes());
                    }
                    Some(_) => out.push(b),
                    None => self.pending_c2 = true,
                },
                _ => out.push(b),
            }
        }
        self.inner.write_all(&out)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.pending_c2 {
            self.pending_c2 = false;
            self.inner.write_all(&[0xc2])?;
        }
        self.inner.flush()
    }
}

impl<W: Write> Drop for Writer<W> {
    fn drop(&mut self) {
        let _ = self.flush();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_escaped() {
        assert_eq!(line("a\u{1b}[2Jb\nc"), "a\\u{1b}[2Jb\\u{a}c");
        assert_eq!(text("a\u{1b}]0;title\u{7}b\nc\t"), "a\\u{1b}]0;title\\u{7}b\nc\t");
        assert_eq!(text("\u{9b}2J ok äö"), "\\u{9b}2J ok äö");
        assert!(matches!(text("plain äö\n"), Cow::Borrowed(_)));
    }

    #[test]
    fn same_offsets_keeps_byte_positions() {
        let s = "x\u{1b}[2J\u{9b}y\r\nz\rw";
        let t = same_offsets(s);
        assert_eq!(t.len(), s.len());
        assert_eq!(t, "x?[2J¿y\r\nz?w");
    }

    #[test]
    fn the_writer_escapes_across_writes() {
        let mut w = Writer::new(Vec::new());
        w.write_all(b"a\x1b[2Jb\xc2").unwrap();
        w.write_all(b"\x9bc \xc3\xa4\n").unwrap();
        w.flush().unwrap();
        assert_eq!(String::from_utf8(w.inner.clone()).unwrap(), "a\\u{1b}[2Jb\\u{9b}c ä\n");
    }
}
