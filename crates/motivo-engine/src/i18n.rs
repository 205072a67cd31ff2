//! The message catalogue: every text the engine and the `motivo` program show (diagnostics, the report's words,
//! feedback, the command line's own messages) is a [`Msg`] — a message id and its arguments — rendered on demand
//! from Fluent files, in any language the catalogue has.
//!
//! Every `crates/motivo-engine/i18n/*.ftl` is embedded at build time (`build.rs` lists them), so adding a language
//! is adding a file named by its code (`sv.ftl`); a program may add more sources at run time
//! ([`add_source`], e.g. files from a folder). A message missing in a language falls back to English, then
//! Finnish. A test checks that every id used in the code exists in every file, that every file has the same ids
//! with the same variables, and that no file has a syntax error; [`Msg`] is the only way to word a message, so a
//! one-language message cannot be written.

use std::collections::BTreeMap;
use std::fmt;
use std::sync::{OnceLock, RwLock};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use crate::lang::Lang;

include!(concat!(env!("OUT_DIR"), "/i18n_sources.rs"));

/// The languages tried, in order, after the asked one.
pub const FALLBACK: [&str; 2] = ["en", "fi"];

/// One argument of a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    /// Text shown as is (an id, a name, a quoted value).
    Str(String),
    /// A whole number: Fluent can choose a plural form by it (`{ $n -> [one] … *[other] … }`).
    Int(i64),
    /// A decimal number with a fixed number of decimals, shown with the language's `decimal-separator`.
    Dec { hundredths: i64, places: u8 },
    /// Another message, rendered in the same language first.
    Msg(Box<Msg>),
}

/// A message: an id in the catalogue and named arguments. Make one with [`msg!`](crate::msg); render it with
/// [`Msg::text`] (the built-in catalogue plus what [`add_source`] added) or [`Catalogue::render`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Msg {
    pub id: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

impl Msg {
    pub fn new(id: &'static str, args: Vec<(&'static str, Arg)>) -> Msg {
        Msg { id, args }
    }

    /// The message in `lang` (through the fallback chain).
    pub fn text(&self, lang: Lang) -> String {
        self.in_code(lang.code())
    }

    /// The message in the language with code `code` (through the fallback chain).
    pub fn in_code(&self, code: &str) -> String {
        global().render(code, self)
    }

    /// This message and every message nested in its arguments.
    pub fn walk(&self, f: &mut impl FnMut(&Msg)) {
        f(self);
        for (_, a) in &self.args {
            if let Arg::Msg(m) = a {
                m.walk(f);
            }
        }
    }
}

/// English, for logs and `Display`-only contexts (programs render in the user's language).
impl fmt::Display for Msg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.in_code("en"))
    }
}

/// A value that can be a message argument (used by [`msg!`](crate::msg)).
pub trait ToArg {
    fn to_arg(&self) -> Arg;
}

impl ToArg for str {
    fn to_arg(&self) -> Arg {
        Arg::Str(self.to_owned())
    }
}
impl ToArg for String {
    fn to_arg(&self) -> Arg {
        Arg::Str(self.clone())
    }
}
impl ToArg for std::borrow::Cow<'_, str> {
    fn to_arg(&self) -> Arg {
        Arg::Str(self.to_string())
    }
}
impl ToArg for char {
    fn to_arg(&self) -> Arg {
        Arg::Str(self.to_string())
    }
}
impl ToArg for Msg {
    fn to_arg(&self) -> Arg {
        Arg::Msg(Box::new(self.clone()))
    }
}
impl ToArg for Arg {
    fn to_arg(&self) -> Arg {
        self.clone()
    }
}
impl<T: ToArg + ?Sized> ToArg for &T {
    fn to_arg(&self) -> Arg {
        (**self).to_arg()
    }
}
macro_rules! int_arg {
    ($($t:ty),*) => {$(
        impl ToArg for $t {
            fn to_arg(&self) -> Arg {
                Arg::Int(i64::try_from(*self).unwrap_or(i64::MAX))
            }
        }
    )*};
}
int_arg!(u8, u16, u32, u64, usize, i8, i16, i32, i64);

/// A decimal argument: `x` rounded to `places` decimals (0–2), shown with the language's decimal separator.
pub fn dec(x: f64, places: u8) -> Arg {
    let places = places.min(2);
    let scaled = (x * 10f64.powi(i32::from(places))).round();
    let hundredths = if scaled.is_finite() { scaled as i64 * 10i64.pow(u32::from(2 - places)) } else { 0 };
    Arg::Dec { hundredths, places }
}

/// A [`Msg`]: `msg!("diag-dup-node", id = node.id, line)` (a bare name is `name = name`). Values are anything
/// [`ToArg`]: text, whole numbers, another `Msg`, or an [`Arg`] such as [`dec`].
#[macro_export]
macro_rules! msg {
    (@value $name:ident) => { $name };
    (@value $name:ident $value:expr) => { $value };
    ($id:literal $(, $name:ident $(= $value:expr)?)* $(,)?) => {
        $crate::i18n::Msg::new(
            $id,
            vec![$((stringify!($name), $crate::i18n::ToArg::to_arg(&($crate::msg!(@value $name $($value)?))))),*],
        )
    };
}

type Bundle = FluentBundle<FluentResource>;

fn new_bundle(code: &str) -> Bundle {
    let langid = code.parse().unwrap_or_default();
    let mut b = FluentBundle::new_concurrent(vec![langid]);
    // No Unicode isolation marks around placeables: they would end up in terminals, JSON and exact-text tests.
    b.set_use_isolating(false);
    b
}

/// A syntax error in a catalogue source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceError {
    pub code: String,
    /// Byte offset of the error in the source.
    pub at: usize,
    pub problem: String,
}

impl fmt::Display for SourceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.ftl, byte {}: {}", self.code, self.at, self.problem)
    }
}

impl std::error::Error for SourceError {}

/// Fluent bundles per language code.
pub struct Catalogue {
    bundles: BTreeMap<String, Bundle>,
}

impl fmt::Debug for Catalogue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Catalogue").field("languages", &self.bundles.keys().collect::<Vec<_>>()).finish()
    }
}

impl Catalogue {
    /// An empty catalogue.
    pub fn empty() -> Catalogue {
        Catalogue { bundles: BTreeMap::new() }
    }

    /// Every embedded file. A broken entry in an embedded file is skipped (the test on the files keeps them clean).
    pub fn builtin() -> Catalogue {
        let mut c = Catalogue::empty();
        for (code, src) in SOURCES {
            let _ = c.add_source(code, src);
        }
        c
    }

    /// Adds a Fluent source for language `code` (a new language, or more or replacing messages for one the
    /// catalogue has). The entries that parse are added even when others do not; the errors are returned.
    pub fn add_source(&mut self, code: &str, source: &str) -> Result<(), Vec<SourceError>> {
        let code = code.trim();
        let (res, errors) = match FluentResource::try_new(source.to_owned()) {
            Ok(r) => (r, Vec::new()),
            Err((r, errors)) => (r, errors),
        };
        let errors: Vec<SourceError> = errors
            .into_iter()
            .map(|e| SourceError { code: code.to_owned(), at: e.pos.start, problem: e.kind.to_string() })
            .collect();
        self.bundles.entry(code.to_owned()).or_insert_with(|| new_bundle(code)).add_resource_overriding(res);
        if errors.is_empty() { Ok(()) } else { Err(errors) }
    }

    /// The language codes the catalogue has, sorted.
    pub fn languages(&self) -> Vec<&str> {
        self.bundles.keys().map(String::as_str).collect()
    }

    /// Whether language `code` has message `id` itself (no fallback).
    pub fn has(&self, code: &str, id: &str) -> bool {
        self.bundles.get(code).is_some_and(|b| b.has_message(id))
    }

    /// `msg` in language `code`, else English, else Finnish; the id itself when no language has it (so a
    /// missing message is visible, not empty).
    pub fn render(&self, code: &str, msg: &Msg) -> String {
        for c in std::iter::once(code).chain(FALLBACK) {
            if let Some(s) = self.render_exact(c, msg) {
                return s;
            }
        }
        msg.id.to_owned()
    }

    /// `msg` in language `code` only, or `None` if that language lacks it. Nested messages still fall back.
    pub fn render_exact(&self, code: &str, msg: &Msg) -> Option<String> {
        let bundle = self.bundles.get(code)?;
        let pattern = bundle.get_message(msg.id)?.value()?;
        let mut args = FluentArgs::new();
        for (name, a) in &msg.args {
            let v: FluentValue<'_> = match a {
                Arg::Str(s) => FluentValue::from(s.as_str()),
                Arg::Int(n) => FluentValue::from(*n),
                Arg::Dec { hundredths, places } => FluentValue::from(self.decimal(code, *hundredths, *places)),
                Arg::Msg(m) => FluentValue::from(self.render(code, m)),
            };
            args.set(*name, v);
        }
        let mut errors = Vec::new();
        Some(bundle.format_pattern(pattern, Some(&args), &mut errors).into_owned())
    }

    fn decimal(&self, code: &str, hundredths: i64, places: u8) -> String {
        let sign = if hundredths < 0 { "-" } else { "" };
        let h = hundredths.unsigned_abs();
        let int = h / 100;
        let frac = format!("{:02}", h % 100);
        if places == 0 {
            return format!("{sign}{int}");
        }
        let sep = self.render_simple(code, "decimal-separator").unwrap_or_else(|| ".".to_owned());
        format!("{sign}{int}{sep}{}", &frac[..usize::from(places)])
    }

    fn render_simple(&self, code: &str, id: &str) -> Option<String> {
        let b = self.bundles.get(code)?;
        let pattern = b.get_message(id)?.value()?;
        Some(b.format_pattern(pattern, None, &mut Vec::new()).into_owned())
    }
}

static GLOBAL: OnceLock<RwLock<Catalogue>> = OnceLock::new();

fn global_lock() -> &'static RwLock<Catalogue> {
    GLOBAL.get_or_init(|| RwLock::new(Catalogue::builtin()))
}

/// The program's catalogue: the embedded files plus whatever [`add_source`] added.
pub fn global() -> std::sync::RwLockReadGuard<'static, Catalogue> {
    global_lock().read().unwrap_or_else(|e| e.into_inner())
}

/// Adds a Fluent source to the program's catalogue (a new language, or overrides for one it has).
pub fn add_source(code: &str, source: &str) -> Result<(), Vec<SourceError>> {
    global_lock().write().unwrap_or_else(|e| e.into_inner()).add_source(code, source)
}

/// The language codes of the program's catalogue.
pub fn languages() -> Vec<String> {
    global().languages().into_iter().map(str::to_owned).collect()
}

#[cfg(test)]
mod tests;
