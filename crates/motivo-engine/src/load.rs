//! Loading a scenario from bytes: limits, UTF-8, RON parsing with located errors, then validation.

use crate::diag::{Diagnostic, Kind, Severity, Source};
use crate::model::Scenario;
use crate::validate::{ValidateOptions, validate};

pub use crate::limits::{MAX_FILE_BYTES, MAX_NESTING};

/// The result of loading one file: the scenario (when it parsed) and every diagnostic.
#[derive(Debug, Clone)]
pub struct Loaded<T> {
    pub value: Option<T>,
    pub diagnostics: Vec<Diagnostic>,
}

impl<T> Loaded<T> {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// The value, if it parsed and has no errors.
    pub fn ok(self) -> Option<T> {
        if self.has_errors() { None } else { self.value }
    }
}

/// A size in bytes for people: "50 MB (52428800 bytes)", "800 bytes".
pub fn human_size(len: u64) -> crate::i18n::Msg {
    const MB: u64 = 1024 * 1024;
    if len >= MB {
        let places = if len.is_multiple_of(MB) { 0 } else { 1 };
        crate::msg!("size-mb", mb = crate::i18n::dec(len as f64 / MB as f64, places), bytes = len)
    } else {
        crate::msg!("size-bytes", bytes = len)
    }
}

/// The diagnostic for a file of `len` bytes, over [`MAX_FILE_BYTES`] (the program passes the size on disk, so the
/// message shows the real size, not how much was read).
pub fn too_large(len: u64) -> Diagnostic {
    let size = human_size(len);
    let max = MAX_FILE_BYTES / (1024 * 1024);
    Source::new("").diagnostic(Severity::Error, Kind::TooLarge, crate::msg!("load-too-large", size, max), 0, 0)
}

/// Checks size and encoding and returns the text, or a located diagnostic (offsets into `bytes`).
pub fn check_text(bytes: &[u8]) -> Result<&str, Box<Diagnostic>> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(Box::new(too_large(bytes.len() as u64)));
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let good = &bytes[..e.valid_up_to()];
            let src_text = std::str::from_utf8(good).unwrap_or("");
            let mut d = Source::new(src_text).diagnostic(
                Severity::Error,
                Kind::NotText,
                crate::msg!("load-file-utf-text-invalid", at = e.valid_up_to()),
                src_text.len(),
                src_text.len(),
            );
            d.note(not_text_note());
            return Err(Box::new(d));
        }
    };
    if let Some(at) = text.find('\0') {
        let message = crate::msg!("load-file-contains-nul-byte");
        let mut d = Source::new(text).diagnostic(Severity::Error, Kind::NotText, message, at, at + 1);
        d.note(not_text_note());
        return Err(Box::new(d));
    }
    Ok(text)
}

fn not_text_note() -> crate::i18n::Msg {
    crate::msg!("load-scenario-files-utf-text")
}

/// Refuses text that nests brackets deeper than [`MAX_NESTING`], before parsing. Strings and comments are
/// skipped. (RON's own recursion limit only counts levels the parser descends into, which a type mismatch can
/// stop earlier; this check gives the same clear message for any file.)
pub fn check_nesting(text: &str) -> Result<(), Box<Diagnostic>> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                // To the closing quote, stepping over escaped characters.
                i += 1;
                loop {
                    match bytes.get(i..).and_then(|rest| rest.iter().position(|&b| b == b'"' || b == b'\\')) {
                        Some(k) if bytes[i + k] == b'\\' => i += k + 2,
                        Some(k) => {
                            i += k;
                            break;
                        }
                        None => {
                            i = bytes.len();
                            break;
                        }
                    }
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i = crate::validate::skip_block_comment(bytes, i);
                continue;
            }
            b'(' | b'[' | b'{' => {
                depth += 1;
                if depth > MAX_NESTING {
                    let mut d = Source::new(text).diagnostic(
                        Severity::Error,
                        Kind::TooDeep,
                        crate::diag::too_deep_message(),
                        i,
                        i + 1,
                    );
                    d.note(crate::diag::too_deep_note());
                    return Err(Box::new(d));
                }
            }
            b')' | b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {
                // Straight to the next byte that can matter (a lone `/` lands here too).
                i += 1;
                let rest = bytes.get(i..).unwrap_or_default();
                i += rest
                    .iter()
                    .position(|b| matches!(b, b'"' | b'/' | b'(' | b'[' | b'{' | b')' | b']' | b'}'))
                    .unwrap_or(rest.len());
                continue;
            }
        }
        i += 1;
    }
    Ok(())
}

/// Parses RON text into `T`, turning RON's error into a located diagnostic.
pub fn parse_ron<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, Box<Diagnostic>> {
    let options = ron::Options::default()
        .with_recursion_limit(MAX_NESTING)
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .with_default_extension(ron::extensions::Extensions::UNWRAP_VARIANT_NEWTYPES);
    options.from_str::<T>(text).map_err(|e| Box::new(ron_diagnostic(text, &e)))
}

/// Parses scenario text: the fast RON-subset parser ([`crate::fastron`]) first, and on any refusal the `ron`
/// crate ([`parse_ron`]), whose errors become the located diagnostics. The fast parser only accepts text that
/// `ron` parses to the same value, so the result never depends on which parser ran.
///
/// In the browser only `ron` is used: the web app loads only the small bundled scenarios, and a second
/// deserializer of the scenario types would cost ≈ 200 KB of gzipped wasm for no visible gain.
pub fn parse_scenario(text: &str) -> Result<Scenario, Box<Diagnostic>> {
    #[cfg(not(target_arch = "wasm32"))]
    if let Ok(s) = crate::fastron::from_str::<Scenario>(text) {
        return Ok(s);
    }
    parse_ron(text)
}

/// A string whose closing quote is missing, when a RON error follows from it: its opening quote, and the quote
/// that was read as its end (`None` when it runs to the end of the file).
///
/// RON reads such a string on to the next `"`, which really opens the next string, so what follows is out of
/// place and RON's error ("a comma is missing") is a consequence, lines later. The string taken there is the
/// last one that ends before the error (with only a word between it and the error), and it was swallowed when
/// it runs over a line break or ends the way text before an opening quote does (`key: `, `(`, `[`, `,`), and the
/// string that quote would open is followed like a value (by `,`, `)`, `]` or the end).
pub(crate) fn unclosed_string(text: &str, error_at: usize, runs_to_end: bool) -> Option<(usize, Option<usize>)> {
    let lits = crate::validate::scan_literals(text).lits;
    if runs_to_end {
        let l = lits.iter().find(|l| l.start == error_at && l.escaped)?;
        return Some((l.start, None));
    }
    let l = lits.iter().rev().find(|l| l.end <= error_at)?;
    if !l.escaped || l.end <= l.content || text.as_bytes().get(l.end - 1) != Some(&b'"') {
        return None;
    }
    let between = &text[l.end..error_at];
    if between.contains(['\n', '"']) {
        return None;
    }
    let inner = &text[l.content..l.end - 1];
    let before_quote = inner.trim_end();
    let opens_next = before_quote.ends_with(['(', '[', ',']) || {
        // `key:` right before the quote.
        before_quote.strip_suffix(':').is_some_and(|k| {
            let k = k.trim_end();
            k.len() > k.trim_end_matches(|c: char| c.is_ascii_alphanumeric() || c == '_').len()
        })
    };
    if !(opens_next || inner.contains('\n')) {
        return None;
    }
    // Read the other way, the quote taken as the end opens a string, which must then be followed like a value.
    let bytes = text.as_bytes();
    let mut j = l.end;
    while j < bytes.len() && bytes[j] != b'"' {
        j += if bytes[j] == b'\\' { 2 } else { 1 };
    }
    let after = text.get(j + 1..).unwrap_or("").trim_start();
    (after.is_empty() || after.starts_with([',', ')', ']'])).then_some((l.start, Some(l.end - 1)))
}

fn ron_diagnostic(text: &str, e: &ron::error::SpannedError) -> Diagnostic {
    let src = Source::new(text);
    let start = src.offset(e.span.start.line, e.span.start.col);
    let end = src.offset(e.span.end.line, e.span.end.col).max(start);
    let runs_to_end = matches!(e.code, ron::Error::ExpectedStringEnd);
    if let Some((open, closed_at)) = unclosed_string(text, start, runs_to_end) {
        let at = src.line_col(open);
        let message = crate::msg!("load-unclosed-string", line = at.line, column = at.column);
        let mut d = src.diagnostic(Severity::Error, Kind::Parse, message, open, open + 1);
        d.set_label(crate::msg!("load-unclosed-string-label"));
        d.note(match closed_at {
            Some(q) => {
                let q = src.line_col(q);
                crate::msg!("load-unclosed-string-taken-end", line = q.line, column = q.column)
            }
            None => crate::msg!("load-unclosed-string-to-end"),
        });
        return d;
    }
    // The messages of `ron`'s errors, in English and Finnish: `diag/ron_error.rs`.
    let (kind, message, notes) = crate::diag::ron_error(&e.code);
    let mut d = src.diagnostic(Severity::Error, kind, message, start, end);
    for note in notes {
        d.note(note);
    }
    d
}

/// Loads and validates a scenario file's bytes.
pub fn load_scenario(bytes: &[u8], options: &ValidateOptions) -> Loaded<Scenario> {
    let text = match check_text(bytes) {
        Ok(t) => t,
        Err(d) => return Loaded { value: None, diagnostics: vec![*d] },
    };
    if let Err(d) = check_nesting(text) {
        return Loaded { value: None, diagnostics: vec![*d] };
    }
    let mut scenario: Scenario = match parse_scenario(text) {
        Ok(s) => s,
        Err(d) => return Loaded { value: None, diagnostics: vec![*d] },
    };
    scenario.build_index();
    let diagnostics = validate(&scenario, text, options);
    Loaded { value: Some(scenario), diagnostics }
}
