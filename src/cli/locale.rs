//! The learner's and the trainer's language from the environment, shared by the subcommands.

use motivo_engine::Lang;

/// The default language of the messages from the environment: `MOTIVO_LANG` if set, else the first set of
/// `LC_ALL`, `LC_MESSAGES`, `LANG` (as the C library picks the message locale); Finnish if it starts with `fi`.
pub fn lang_from_env(var: impl Fn(&str) -> Option<String>) -> Lang {
    let set = |name: &str| var(name).filter(|v| !v.trim().is_empty());
    let value = set("MOTIVO_LANG").or_else(|| set("LC_ALL")).or_else(|| set("LC_MESSAGES")).or_else(|| set("LANG"));
    // The locale's language when the catalogue has it (`sv_FI.UTF-8` → Swedish), else English (`C`, `POSIX`…).
    value
        .and_then(|v| Lang::parse(&v))
        .filter(|l| motivo_engine::i18n::languages().iter().any(|c| c == l.code()))
        .unwrap_or(Lang::En)
}

/// The scenario's languages as `fi, en, sv`.
pub fn lang_list(langs: &[Lang]) -> String {
    langs.iter().map(|l| l.code()).collect::<Vec<_>>().join(", ")
}

/// The one-line notice for a scenario that is not written in the language asked for, worded in `words`; `None`
/// when it is. `shown` is the language it is shown in instead ([`motivo_engine::Scenario::play_lang`]).
pub fn fallback_notice(id: &str, langs: &[Lang], asked: Lang, shown: Lang, words: Lang) -> Option<String> {
    if langs.contains(&asked) {
        return None;
    }
    let list = lang_list(langs);
    Some(match words.code() {
        "fi" => format!("huom: {id}: kieltä `{asked}` ei ole (kielet: {list}); näytetään kielellä `{shown}`"),
        "sv" => format!("obs: {id}: finns inte på `{asked}` (språk: {list}); visas på `{shown}`"),
        _ => format!("note: {id}: no `{asked}` texts (languages: {list}); shown in `{shown}`"),
    })
}
