//! UI strings from Fluent files. Every `assets/i18n/*.ftl` is embedded at build time (see `build.rs`), so a new
//! language is a new file: the language list, its name (`language-name`), the scenario content language it uses
//! (`content-lang`) and its decimal separator (`decimal-separator`) all come from the file itself.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use motivo_engine::Lang;

include!(concat!(env!("OUT_DIR"), "/locales.rs"));

/// The language used when none is asked for, and for messages a file lacks.
pub const DEFAULT_LOCALE: &str = "fi";
const FALLBACK_LOCALE: &str = "en";

type Bundle = FluentBundle<FluentResource>;

fn bundle(code: &str) -> Option<Bundle> {
    let (_, src) = LOCALES.iter().find(|(c, _)| *c == code)?;
    let res = match FluentResource::try_new((*src).to_owned()) {
        Ok(r) => r,
        Err((r, errors)) => {
            // A broken entry is skipped, the rest of the file still works; tests check every file parses cleanly.
            eprintln!("motivo: {code}.ftl has {} syntax error(s)", errors.len());
            r
        }
    };
    let langid = code.parse().unwrap_or_default();
    let mut b = FluentBundle::new_concurrent(vec![langid]);
    // LTR-only languages: no Unicode isolation marks around placeables (they break exact-text matching).
    b.set_use_isolating(false);
    let _ = b.add_resource(res);
    Some(b)
}

/// The UI strings of one language (with the fallback language behind it).
pub struct Strings {
    code: String,
    main: Bundle,
    fallback: Option<Bundle>,
}

impl std::fmt::Debug for Strings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Strings").field("code", &self.code).finish()
    }
}

impl Strings {
    /// The strings for `code`; an unknown code gives the default language.
    pub fn new(code: &str) -> Strings {
        let code = if LOCALES.iter().any(|(c, _)| *c == code) { code } else { DEFAULT_LOCALE };
        let main = bundle(code).or_else(|| bundle(FALLBACK_LOCALE)).expect("the default languages are embedded");
        let fallback = (code != FALLBACK_LOCALE).then(|| bundle(FALLBACK_LOCALE)).flatten();
        Strings { code: code.to_owned(), main, fallback }
    }

    /// Every embedded language: (code, its own name for itself).
    pub fn available() -> Vec<(String, String)> {
        LOCALES.iter().map(|(c, _)| ((*c).to_owned(), Strings::new(c).get("language-name"))).collect()
    }

    pub fn is_available(code: &str) -> bool {
        LOCALES.iter().any(|(c, _)| *c == code)
    }

    pub fn code(&self) -> &str {
        &self.code
    }

    fn format(&self, id: &str, args: Option<&FluentArgs>) -> Option<String> {
        for b in std::iter::once(&self.main).chain(self.fallback.as_ref()) {
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
                    assert!(s.main.has_message(id), "fi.ftl lacks `{id}`");
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
}
