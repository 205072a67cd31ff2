//! The learner's and the trainer's language from the environment, shared by the subcommands.

use motivo_engine::Lang;

/// The default language of the messages from the environment: `MOTIVO_LANG` if set, else the first set of
/// `LC_ALL`, `LC_MESSAGES`, `LANG` (as the C library picks the message locale); Finnish if it starts with `fi`.
pub fn lang_from_env(var: impl Fn(&str) -> Option<String>) -> Lang {
    let set = |name: &str| var(name).filter(|v| !v.trim().is_empty());
    let value = set("MOTIVO_LANG").or_else(|| set("LC_ALL")).or_else(|| set("LC_MESSAGES")).or_else(|| set("LANG"));
    match value {
        Some(v) if v.trim().to_ascii_lowercase().starts_with("fi") => Lang::Fi,
        _ => Lang::En,
    }
}
