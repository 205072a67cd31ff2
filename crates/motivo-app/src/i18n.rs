//! UI strings from Fluent files. Every `assets/i18n/*.ftl` is embedded at build time (see `build.rs`), and more
//! files can be added at run time from a directory ([`Locales::add_dir`]: `--i18n DIR`, `MOTIVO_I18N_DIR`, and on
//! the desktop `<data dir>/i18n/`), so a new language is a new file: the language list, its name
//! (`language-name`), the scenario content language it uses (`content-lang`), its decimal separator
//! (`decimal-separator`) and its date format (`date`) all come from the file itself. A file from a directory
//! comes before the embedded file of the same language, so a translator can also correct single messages.

use std::sync::Arc;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use motivo_engine::Lang;

include!(concat!(env!("OUT_DIR"), "/locales.rs"));

/// The language used when none is asked for.
pub const DEFAULT_LOCALE: &str = "fi";
/// The language of messages a file lacks.
const FALLBACK_LOCALE: &str = "en";

type Bundle = FluentBundle<FluentResource>;

/// Whether `code` can name a language file: a BCP 47-like tag (`sv`, `se`, `pt-BR`), lowercase primary subtag.
pub fn is_language_code(code: &str) -> bool {
    let mut parts = code.split('-');
    let primary = parts.next().unwrap_or_default();
    (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_lowercase())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// One source of a language's messages: its Fluent text.
#[derive(Debug, Clone)]
struct Source {
    text: Arc<str>,
}

/// Every UI language the app knows: the embedded files and any added at run time.
#[derive(Debug, Clone)]
pub struct Locales {
    /// (code, sources: run-time files first, then the embedded file), in the order the languages were added.
    langs: Vec<(String, Vec<Source>)>,
}

impl Default for Locales {
    fn default() -> Self {
        Locales::embedded()
    }
}

impl Locales {
    /// The languages embedded at build time.
    pub fn embedded() -> Locales {
        let langs = LOCALES.iter().map(|(c, src)| ((*c).to_owned(), vec![Source { text: Arc::from(*src) }])).collect();
        Locales { langs }
    }

    /// Adds the Fluent text of language `code` from `origin` (a file name, for messages), before any source the
    /// language already has. Refuses a code that is not a language tag and text with syntax errors, with the
    /// place of the first error as `origin:line:column`.
    pub fn add(&mut self, code: &str, origin: &str, text: &str) -> Result<(), LocaleError> {
        if !is_language_code(code) {
            return Err(LocaleError::NotALanguage { origin: origin.to_owned(), code: code.to_owned() });
        }
        if let Err((_, errors)) = FluentResource::try_new(text.to_owned()) {
            let first = errors.iter().map(|e| e.pos.start).min().unwrap_or(0);
            let (line, column) = line_col(text, first);
            return Err(LocaleError::Syntax { origin: origin.to_owned(), line, column, count: errors.len() });
        }
        let source = Source { text: Arc::from(text) };
        match self.langs.iter_mut().find(|(c, _)| c == code) {
            Some((_, sources)) => sources.insert(0, source),
            None => self.langs.push((code.to_owned(), vec![source])),
        }
        Ok(())
    }

    /// Adds every `<code>.ftl` in `dir`. A missing directory adds nothing; each file that cannot be used is an
    /// error (the others are still added).
    #[cfg(not(target_family = "wasm"))]
    pub fn add_dir(&mut self, dir: &std::path::Path) -> Vec<LocaleError> {
        let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
        let mut files: Vec<std::path::PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "ftl"))
            .collect();
        files.sort();
        let mut errors = Vec::new();
        for f in files {
            let origin = f.display().to_string();
            let code = f.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
            // The same bound as a scenario file: a language file is small text.
            const MAX_BYTES: u64 = 1 << 20;
            let text = match std::fs::metadata(&f) {
                Ok(m) if m.len() > MAX_BYTES => {
                    errors.push(LocaleError::TooLarge { origin, bytes: m.len(), max: MAX_BYTES });
                    continue;
                }
                _ => std::fs::read(&f).map_err(|e| e.to_string()).and_then(|b| {
                    String::from_utf8(b).map_err(|e| format!("not UTF-8 (byte {})", e.utf8_error().valid_up_to()))
                }),
            };
            match text {
                Ok(text) => {
                    if let Err(e) = self.add(&code, &origin, &text) {
                        errors.push(e);
                    }
                }
                Err(error) => errors.push(LocaleError::Unreadable { origin, error }),
            }
        }
        errors
    }

    /// Whether language `code` is known.
    pub fn has(&self, code: &str) -> bool {
        self.langs.iter().any(|(c, _)| c == code)
    }

    /// Every language: (code, its own name for itself; the code when its files give none).
    pub fn available(&self) -> Vec<(String, String)> {
        self.langs
            .iter()
            .map(|(c, _)| {
                let name = self.strings(c).try_get("language-name").unwrap_or_else(|| c.clone());
                (c.clone(), name)
            })
            .collect()
    }

    /// The strings of language `code` (the default language when it is not known), with the fallback language's
    /// messages behind them.
    pub fn strings(&self, code: &str) -> Strings {
        let code = if self.has(code) { code } else { DEFAULT_LOCALE };
        let bundles = |c: &str| -> Vec<Bundle> {
            self.langs.iter().filter(|(l, _)| l == c).flat_map(|(_, srcs)| srcs.iter().map(|s| bundle(c, s))).collect()
        };
        let mut chain = bundles(code);
        if code != FALLBACK_LOCALE {
            chain.extend(bundles(FALLBACK_LOCALE));
        }
        Strings { code: code.to_owned(), chain }
    }
}

/// Why a language file could not be used.
#[derive(Debug, Clone, PartialEq)]
pub enum LocaleError {
    NotALanguage { origin: String, code: String },
    Syntax { origin: String, line: usize, column: usize, count: usize },
    TooLarge { origin: String, bytes: u64, max: u64 },
    Unreadable { origin: String, error: String },
}

impl LocaleError {
    /// The message in the language of `s` (located: the file, and the line and column of a syntax error).
    pub fn message(&self, s: &Strings) -> String {
        let v = |x: &str| FluentValue::from(x.to_owned());
        match self {
            LocaleError::NotALanguage { origin, code } => {
                s.fmt("i18n-not-a-language", &[("file", v(origin)), ("code", v(code))])
            }
            LocaleError::Syntax { origin, line, column, count } => s.fmt(
                "i18n-syntax",
                &[
                    ("file", v(origin)),
                    ("line", FluentValue::from(*line)),
                    ("column", FluentValue::from(*column)),
                    ("count", FluentValue::from(*count)),
                ],
            ),
            LocaleError::TooLarge { origin, bytes, max } => s.fmt(
                "i18n-too-large",
                &[("file", v(origin)), ("bytes", FluentValue::from(*bytes)), ("max", FluentValue::from(*max))],
            ),
            LocaleError::Unreadable { origin, error } => {
                s.fmt("i18n-unreadable", &[("file", v(origin)), ("error", v(error))])
            }
        }
    }
}

/// 1-based line and column (in characters) of byte `at` in `text`.
fn line_col(text: &str, at: usize) -> (usize, usize) {
    let at = at.min(text.len());
    let before = text.get(..at).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, column)
}

fn bundle(code: &str, source: &Source) -> Bundle {
    // Checked when added (embedded files: by the tests); a broken entry would be skipped, the rest still works.
    let res = FluentResource::try_new(source.text.to_string()).unwrap_or_else(|(r, _)| r);
    let langid = code.parse().unwrap_or_default();
    let mut b = FluentBundle::new_concurrent(vec![langid]);
    // LTR-only languages: no Unicode isolation marks around placeables (they break exact-text matching).
    b.set_use_isolating(false);
    let _ = b.add_resource(res);
    b
}

/// The UI strings of one language (with the fallback language behind it).
pub struct Strings {
    code: String,
    /// The language's bundles (run-time files first), then the fallback language's.
    chain: Vec<Bundle>,
}

impl std::fmt::Debug for Strings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Strings").field("code", &self.code).finish()
    }
}

impl Strings {
    /// The strings for `code` among the embedded languages; an unknown code gives the default language.
    pub fn new(code: &str) -> Strings {
        Locales::embedded().strings(code)
    }

    /// Every embedded language: (code, its own name for itself).
    pub fn available() -> Vec<(String, String)> {
        Locales::embedded().available()
    }

    /// Whether `code` is an embedded language.
    pub fn is_available(code: &str) -> bool {
        LOCALES.iter().any(|(c, _)| *c == code)
    }

    pub fn code(&self) -> &str {
        &self.code
    }

    fn format(&self, id: &str, args: Option<&FluentArgs>) -> Option<String> {
        for b in &self.chain {
            if let Some(pattern) = b.get_message(id).and_then(|m| m.value()) {
                let mut errors = vec![];
                return Some(b.format_pattern(pattern, args, &mut errors).into_owned());
            }
        }
        None
    }

    /// The message `id`; the id itself if no file has it (visible, so a missing string is noticed).
    pub fn get(&self, id: &str) -> String {
        self.format(id, None).unwrap_or_else(|| id.to_owned())
    }

    /// The message `id`, or `None` if no file has it.
    pub fn try_get(&self, id: &str) -> Option<String> {
        self.format(id, None)
    }

    /// The message `id` with arguments.
    pub fn fmt(&self, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        let mut fa = FluentArgs::new();
        for (k, v) in args {
            fa.set(*k, v.clone());
        }
        self.format(id, Some(&fa)).unwrap_or_else(|| id.to_owned())
    }

    /// The language scenario texts are shown in (`content-lang` in the file; Finnish if it names none we have).
    pub fn content_lang(&self) -> Lang {
        self.try_get("content-lang").and_then(|s| Lang::parse(&s)).unwrap_or_default()
    }

    /// A number with `decimals` decimals and this language's decimal separator.
    pub fn num(&self, x: f32, decimals: usize) -> String {
        let s = format!("{x:.decimals$}");
        match self.try_get("decimal-separator") {
            Some(sep) if sep != "." => s.replace('.', &sep),
            _ => s,
        }
    }

    /// A date given as `YYYY-MM-DD`, written the way this language's file says (`date`, with `$year`, `$month`,
    /// `$day` and the two-digit `$month2`, `$day2`); as given when the file says nothing.
    pub fn date(&self, iso: &str) -> String {
        let mut parts = iso.splitn(3, '-');
        let (Some(y), Some(m), Some(d)) = (parts.next(), parts.next(), parts.next()) else { return iso.to_owned() };
        let unpadded = |x: &str| x.trim_start_matches('0').to_owned();
        let v = |x: String| FluentValue::from(x);
        let args = [
            ("year", v(y.to_owned())),
            ("month", v(unpadded(m))),
            ("day", v(unpadded(d))),
            ("month2", v(m.to_owned())),
            ("day2", v(d.to_owned())),
        ];
        let mut fa = FluentArgs::new();
        for (k, x) in args {
            fa.set(k, x);
        }
        self.format("date", Some(&fa)).unwrap_or_else(|| iso.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_parses_and_has_every_english_message() {
        let en = FluentResource::try_new(LOCALES.iter().find(|(c, _)| *c == FALLBACK_LOCALE).unwrap().1.to_owned())
            .expect("en.ftl parses");
        let ids: Vec<String> = en
            .entries()
            .filter_map(|e| match e {
                fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
                _ => None,
            })
            .collect();
        for (code, src) in LOCALES {
            let res = FluentResource::try_new((*src).to_owned());
            assert!(res.is_ok(), "{code}.ftl has syntax errors");
            if *code == "fi" {
                let s = Strings::new(code);
                for id in &ids {
                    assert!(s.chain[0].has_message(id), "fi.ftl lacks `{id}`");
                }
            }
        }
    }

    #[test]
    fn finnish_is_default_and_numbers_use_its_separator() {
        let s = Strings::new("xx");
        assert_eq!(s.code(), "fi");
        assert_eq!(s.content_lang(), Lang::Fi);
        assert_eq!(s.num(4.24, 1), "4,2");
        assert_eq!(Strings::new("en").num(4.24, 1), "4.2");
        assert_eq!(Strings::new("en").content_lang(), Lang::En);
    }

    #[test]
    fn a_language_added_at_run_time_is_listed_named_and_falls_back() {
        let mut l = Locales::embedded();
        l.add("xx", "xx.ftl", "language-name = Xish\ncontent-lang = en\nopen-settings = Xettings\n").unwrap();
        assert!(l.has("xx") && !Strings::is_available("xx"));
        assert!(l.available().contains(&("xx".to_owned(), "Xish".to_owned())));
        let s = l.strings("xx");
        assert_eq!(s.code(), "xx");
        assert_eq!(s.get("open-settings"), "Xettings");
        assert_eq!(s.get("back-to-start"), Strings::new("en").get("back-to-start"), "missing messages fall back");
        assert_eq!(s.content_lang(), Lang::En);
        // A run-time file of an embedded language comes first, for the messages it has.
        l.add("fi", "fi.ftl", "open-settings = Säädöt\n").unwrap();
        assert_eq!(l.strings("fi").get("open-settings"), "Säädöt");
        assert_eq!(l.strings("fi").get("back-to-start"), "Alkuun");
    }

    #[test]
    fn a_bad_language_file_is_refused_with_its_place() {
        let mut l = Locales::embedded();
        let e = l.add("yy", "dir/yy.ftl", "language-name = Y\nbroken = { $x\nok = fine\n").unwrap_err();
        // The unclosed placeable on line 2 is noticed where line 3 starts.
        assert_eq!(e, LocaleError::Syntax { origin: "dir/yy.ftl".into(), line: 3, column: 1, count: 1 });
        let text = e.message(&Strings::new("en"));
        assert!(text.starts_with("dir/yy.ftl:3:1:"), "{text}");
        assert!(!l.has("yy"));
        let e = l.add("README", "README.ftl", "a = b\n").unwrap_err();
        assert!(matches!(e, LocaleError::NotALanguage { .. }), "{e:?}");
        assert!(
            is_language_code("sv") && is_language_code("pt-BR") && !is_language_code("Sv") && !is_language_code("x")
        );
    }

    #[test]
    fn dates_follow_the_language_file() {
        assert_eq!(Strings::new("fi").date("2026-03-07"), "7.3.2026");
        assert_eq!(Strings::new("en").date("2026-03-07"), "2026-03-07");
        let mut l = Locales::embedded();
        l.add("xx", "xx.ftl", "date = { $day2 }/{ $month2 }/{ $year }\n").unwrap();
        assert_eq!(l.strings("xx").date("2026-03-07"), "07/03/2026");
        assert_eq!(Strings::new("fi").date("not a date"), "not a date");
    }
}
