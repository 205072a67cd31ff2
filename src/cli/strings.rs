//! `motivo strings`: the translator's round trip. `export` writes every text of a scenario (one row per text,
//! with a stable id, the speaker, the context, notes and one column per language) as CSV or XLIFF 2.0;
//! `import` maps an edited file back onto the scenario, rewriting only the string literals of changed texts
//! (comments and layout stay), refusing stale or unknown rows with their position in the translation file, and
//! refusing a result that would not load. `docs/trainer-workflow.md` §7 documents it.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use motivo_engine::{Lang, Scenario, Text};

mod import;
mod ron_tree;
mod table;
mod walk;

use table::{Located, OutRow, fingerprint};

/// The source language of translation files: Finnish.
pub const SOURCE: Lang = Lang::Fi;

// ---------------------------------------------------------------- `Text` access
// Every access to `Text` and `Lang` goes through these few functions.

/// The text in exactly `lang`, if given.
pub fn text_get(t: &Text, lang: Lang) -> Option<&str> {
    t.get_exact(lang)
}

/// Sets the text in `lang`.
pub fn text_set(t: &mut Text, lang: Lang, value: String) {
    t.set(lang, value)
}

/// The languages the text is given in (a key present, even if empty).
pub fn text_langs(t: &Text) -> Vec<Lang> {
    t.langs().collect()
}

/// The language of a column header or a RON key: exactly its code (`fi`, `en`, `sv`).
pub fn lang_from_code(code: &str) -> Option<Lang> {
    let code = code.trim().to_ascii_lowercase();
    Lang::parse(&code).filter(|l| lang_code(*l) == code)
}

pub fn lang_code(l: Lang) -> String {
    l.to_string()
}

// ---------------------------------------------------------------- messages
/// Every user-facing message of `motivo strings`, one function each.
pub mod msg {
    use motivo_engine::Lang;

    fn pick(lang: Lang, en: String, fi: String) -> String {
        if lang == Lang::Fi { fi } else { en }
    }

    pub fn error_word(lang: Lang) -> &'static str {
        if lang == Lang::Fi { "virhe" } else { "error" }
    }
    pub fn csv_error(lang: Lang, e: &str) -> String {
        pick(lang, format!("this is not readable CSV: {e}"), format!("CSV-tiedostoa ei voi lukea: {e}"))
    }
    pub fn duplicate_column(lang: Lang, h: &str) -> String {
        pick(lang, format!("the column `{h}` is there twice"), format!("sarake `{h}` on kahdesti"))
    }
    pub fn unknown_column(lang: Lang, h: &str) -> String {
        pick(
            lang,
            format!(
                "unknown column or language `{h}`: the columns are id, speaker, context, notes, check and one per language code (fi, en, …)"
            ),
            format!(
                "tuntematon sarake tai kieli `{h}`: sarakkeet ovat id, speaker, context, notes, check ja yksi kutakin kielikoodia kohden (fi, en, …)"
            ),
        )
    }
    pub fn missing_column(lang: Lang, name: &str) -> String {
        pick(
            lang,
            format!("the column `{name}` is missing (keep the columns `motivo strings export` wrote)"),
            format!("sarake `{name}` puuttuu (säilytä sarakkeet, jotka `motivo strings export` kirjoitti)"),
        )
    }
    pub fn no_language_column(lang: Lang) -> String {
        pick(lang, "there is no language column (fi, en, …)".into(), "kielisarake (fi, en, …) puuttuu".into())
    }
    pub fn not_xml(lang: Lang, id: &str) -> String {
        pick(
            lang,
            format!("the text `{id}` has a control character that XML cannot carry; export it as CSV"),
            format!("tekstissä `{id}` on ohjausmerkki, jota XML ei salli; vie se CSV-muodossa"),
        )
    }
    pub fn xml_error(lang: Lang, m: &str) -> String {
        pick(lang, format!("this is not well-formed XML: {m}"), format!("XML ei ole hyvin muodostettua: {m}"))
    }
    pub fn inline_markup(lang: Lang, name: &str) -> String {
        pick(
            lang,
            format!("inline markup <{name}> is not supported in a text; write the text plainly"),
            format!("tekstin sisäistä merkintää <{name}> ei tueta; kirjoita teksti ilman merkintöjä"),
        )
    }
    pub fn xliff_version(lang: Lang) -> String {
        pick(
            lang,
            "this is not an XLIFF 2.0 file (`<xliff version=\"2.0\" xmlns=\"urn:oasis:names:tc:xliff:document:2.0\">`)"
                .into(),
            "tämä ei ole XLIFF 2.0 -tiedosto (`<xliff version=\"2.0\" xmlns=\"urn:oasis:names:tc:xliff:document:2.0\">`)"
                .into(),
        )
    }
    pub fn xliff_source_lang(lang: Lang) -> String {
        pick(lang, "the source language (srcLang) must be fi".into(), "lähdekielen (srcLang) pitää olla fi".into())
    }
    pub fn xliff_no_target(lang: Lang) -> String {
        pick(
            lang,
            "the file names no target language (trgLang)".into(),
            "tiedostossa ei ole kohdekieltä (trgLang)".into(),
        )
    }
    pub fn unit_without_name(lang: Lang) -> String {
        pick(
            lang,
            "a <unit> without `name`: the name is the text's id".into(),
            "<unit> ilman `name`-määritettä: nimi on tekstin tunniste".into(),
        )
    }
    pub fn several_segments(lang: Lang) -> String {
        pick(
            lang,
            "a unit has more than one <segment>; keep each text in one segment".into(),
            "yksikössä on useampi <segment>; pidä kukin teksti yhdessä segmentissä".into(),
        )
    }
    pub fn row_without_id(lang: Lang) -> String {
        pick(lang, "a row without an id".into(), "rivi ilman tunnistetta (id)".into())
    }
    pub fn unknown_id(lang: Lang, id: &str) -> String {
        pick(
            lang,
            format!(
                "unknown id `{id}`: the scenario has no such text (it changed since the export, or the id was edited); export again"
            ),
            format!(
                "tuntematon tunniste `{id}`: skenaariossa ei ole tällaista tekstiä (se on muuttunut viennin jälkeen, tai tunnistetta on muokattu); vie tekstit uudelleen"
            ),
        )
    }
    pub fn duplicate_id(lang: Lang, id: &str, first: usize) -> String {
        pick(
            lang,
            format!("the id `{id}` is there twice (first on line {first})"),
            format!("tunniste `{id}` on kahdesti (ensin rivillä {first})"),
        )
    }
    pub fn speaker_changed(lang: Lang, id: &str, file: &str, now: &str) -> String {
        pick(
            lang,
            format!(
                "`{id}` is a {file} text in the file but a {now} text in the scenario: the structure changed since the export; export again"
            ),
            format!(
                "`{id}` on tiedostossa puhujan {file} teksti mutta skenaariossa puhujan {now}: rakenne on muuttunut viennin jälkeen; vie tekstit uudelleen"
            ),
        )
    }
    pub fn notes_changed(lang: Lang, id: &str, file: &str, now: &str) -> String {
        pick(
            lang,
            format!(
                "`{id}`: the file's notes say `{file}`, the scenario now `{now}`: the structure changed since the export; export again"
            ),
            format!(
                "`{id}`: tiedoston huomautus on `{file}`, skenaariossa nyt `{now}`: rakenne on muuttunut viennin jälkeen; vie tekstit uudelleen"
            ),
        )
    }
    pub fn stale_check(lang: Lang, id: &str) -> String {
        pick(
            lang,
            format!(
                "`{id}`: the Finnish text changed in the scenario since the export (the `check` does not match); export again and translate the new text"
            ),
            format!(
                "`{id}`: suomenkielinen teksti on muuttunut skenaariossa viennin jälkeen (`check` ei täsmää); vie tekstit uudelleen ja käännä uusi teksti"
            ),
        )
    }
    pub fn stale_source(lang: Lang, id: &str) -> String {
        pick(
            lang,
            format!(
                "`{id}`: the <source> is not the scenario's Finnish text any more (it changed since the export, or the source was edited); export again"
            ),
            format!(
                "`{id}`: <source> ei ole enää skenaarion suomenkielinen teksti (se on muuttunut viennin jälkeen, tai lähdettä on muokattu); vie tekstit uudelleen"
            ),
        )
    }
    pub fn source_not_parsed(lang: Lang) -> String {
        pick(
            lang,
            "the scenario's source could not be followed".into(),
            "skenaarion lähdetekstiä ei voitu seurata".into(),
        )
    }
    pub fn not_equal(lang: Lang) -> String {
        pick(
            lang,
            "the rewritten file does not load to the intended scenario; nothing was written (please report this)"
                .into(),
            "muokattu tiedosto ei lataudu aiotuksi skenaarioksi; mitään ei kirjoitettu (ilmoita tästä)".into(),
        )
    }
    pub fn internal(lang: Lang, m: &str) -> String {
        pick(
            lang,
            format!("internal error, nothing written: {m}"),
            format!("sisäinen virhe, mitään ei kirjoitettu: {m}"),
        )
    }
    pub fn would_not_load(lang: Lang, path: &str) -> String {
        pick(
            lang,
            format!("the import would make {path} fail to load; nothing was written. Its errors after the import:"),
            format!("tuonnin jälkeen {path} ei latautuisi; mitään ei kirjoitettu. Virheet tuonnin jälkeen:"),
        )
    }
    pub fn unknown_lang(code: &str) -> String {
        format!("unknown language `{code}`: give a language code this program knows (fi, en, …)")
    }
    pub fn xliff_target_needed(lang: Lang, langs: &str) -> String {
        pick(
            lang,
            format!("an XLIFF file holds one target language: choose it with `--lang` (the scenario has {langs})"),
            format!(
                "XLIFF-tiedostossa on yksi kohdekieli: valitse se valitsimella `--lang` (skenaarion kielet: {langs})"
            ),
        )
    }
    pub fn cannot_read(lang: Lang, path: &str, e: &str) -> String {
        pick(lang, format!("cannot read {path}: {e}"), format!("tiedostoa {path} ei voi lukea: {e}"))
    }
    pub fn not_utf8(lang: Lang, path: &str) -> String {
        pick(
            lang,
            format!("{path} is not UTF-8 text (save it as UTF-8 CSV)"),
            format!("{path} ei ole UTF-8-tekstiä (tallenna se UTF-8-CSV:nä)"),
        )
    }
    pub fn scenario_has_errors(lang: Lang, path: &str) -> String {
        pick(
            lang,
            format!("{path} has errors; fix them first (`motivo check {path}`)"),
            format!("tiedostossa {path} on virheitä; korjaa ne ensin (`motivo check {path}`)"),
        )
    }
    pub fn cannot_write(lang: Lang, path: &str, e: &str) -> String {
        pick(lang, format!("cannot write {path}: {e}"), format!("tiedostoa {path} ei voi kirjoittaa: {e}"))
    }
    pub fn new_lang(lang: Lang) -> &'static str {
        if lang == Lang::Fi { "(ei ollut)" } else { "(none)" }
    }
    pub fn summary(lang: Lang, changes: usize, texts: usize, rows: usize, not_in_file: usize) -> String {
        pick(
            lang,
            format!(
                "{changes} change(s) in {texts} text(s), from {rows} row(s); {not_in_file} text(s) of the scenario not in the file (left as they are)"
            ),
            format!(
                "{changes} muutos(ta) {texts} tekstissä, {rows} riviltä; {not_in_file} skenaarion tekstiä ei ollut tiedostossa (ennallaan)"
            ),
        )
    }
    pub fn written(lang: Lang, path: &str) -> String {
        pick(lang, format!("written: {path}"), format!("kirjoitettu: {path}"))
    }
    pub fn dry_run(lang: Lang, path: &str) -> String {
        pick(
            lang,
            format!("nothing written (a dry run): add --write to change {path}"),
            format!("mitään ei kirjoitettu (kokeilu): lisää --write, niin {path} muuttuu"),
        )
    }
    pub fn nothing_to_do(lang: Lang) -> String {
        pick(
            lang,
            "no text changes; the scenario is left as it is".into(),
            "tekstit eivät muutu; skenaario jää ennalleen".into(),
        )
    }
}

// ---------------------------------------------------------------- command line

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Format {
    /// One row per text, one column per language (UTF-8, RFC 4180 quoting).
    #[default]
    Csv,
    /// XLIFF 2.0: Finnish source, one target language per file.
    Xliff,
}

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(clap::Subcommand, Debug)]
pub enum Command {
    /// Write every text of a scenario as CSV or XLIFF for a translator or reviewer.
    Export(ExportArgs),
    /// Map an edited CSV or XLIFF file back onto the scenario (a dry run unless --write).
    Import(ImportArgs),
}

fn parse_code(s: &str) -> Result<Lang, String> {
    lang_from_code(s).ok_or_else(|| msg::unknown_lang(s))
}

#[derive(clap::Args, Debug)]
pub struct ExportArgs {
    /// A bundled scenario id (see `motivo list`) or a scenario file.
    #[arg(value_name = "ID-OR-FILE")]
    pub scenario: String,
    #[arg(long = "to", value_enum, default_value_t = Format::Csv)]
    pub to: Format,
    /// Write to this file instead of standard output.
    #[arg(short, long, value_name = "OUT")]
    pub out: Option<PathBuf>,
    /// CSV: add an (empty) column for this language too, e.g. `--lang sv`. XLIFF: the target language.
    #[arg(long = "lang", value_name = "CODE", value_parser = parse_code)]
    pub langs: Vec<Lang>,
}

#[derive(clap::Args, Debug)]
pub struct ImportArgs {
    /// The scenario file to change.
    #[arg(value_name = "FILE")]
    pub scenario: PathBuf,
    /// The edited CSV or XLIFF file.
    #[arg(value_name = "TRANSLATIONS")]
    pub translations: PathBuf,
    /// The translation file's format (default: XLIFF for `.xlf`/`.xliff`, else CSV).
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Write the changed scenario (atomically); without it, only show what would change.
    #[arg(long)]
    pub write: bool,
}

fn shown(p: &Path) -> String {
    crate::cli::safe::line(&p.display().to_string()).into_owned()
}

/// The rows of an export: every text with its id, speaker, context, notes, check and one text per language.
pub fn export_rows(scenario: &Scenario, langs: &[Lang]) -> Vec<OutRow> {
    walk::entries(scenario)
        .into_iter()
        .map(|e| OutRow {
            speaker: e.speaker.name(),
            check: fingerprint(walk::source_text(e.text)),
            texts: langs.iter().map(|l| text_get(e.text, *l).map(str::to_owned)).collect(),
            id: e.id,
            context: e.context,
            notes: e.notes,
        })
        .collect()
}

/// The export as text, or a message.
pub fn export(scenario: &Scenario, format: Format, extra: &[Lang], lang: Lang) -> Result<String, String> {
    let mut langs = import::scenario_langs(scenario);
    match format {
        Format::Csv => {
            for l in extra {
                if !langs.contains(l) {
                    langs.push(*l);
                }
            }
            table::write_csv(&langs, &export_rows(scenario, &langs))
        }
        Format::Xliff => {
            let targets: Vec<Lang> = langs.iter().copied().filter(|l| *l != SOURCE).collect();
            let target = match (extra, targets.as_slice()) {
                ([t], _) if *t != SOURCE => *t,
                ([], [t]) => *t,
                _ => {
                    let all = langs.iter().map(|l| lang_code(*l)).collect::<Vec<_>>().join(", ");
                    return Err(msg::xliff_target_needed(lang, &all));
                }
            };
            if !langs.contains(&target) {
                langs.push(target);
            }
            table::write_xliff(&scenario.id, target, &langs, &export_rows(scenario, &langs), lang)
        }
    }
}

/// Writes `text` to `path` atomically: a temporary file beside it, flushed to disk, renamed over it.
fn write_atomic(path: &Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp = dir.join(format!(".{name}.motivo-{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(text.as_bytes())?;
        f.sync_all()?;
        if let Ok(meta) = std::fs::metadata(path) {
            std::fs::set_permissions(&tmp, meta.permissions())?;
        }
        std::fs::rename(&tmp, path)?;
        if let Ok(d) = std::fs::File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

fn read_text(path: &Path, lang: Lang) -> Result<String, String> {
    let bytes = match crate::cli::check::read_limited(path) {
        Ok(crate::cli::check::Read::Bytes(b)) => b,
        Ok(crate::cli::check::Read::TooLarge(len)) => {
            let d = motivo_engine::load::too_large(len);
            return Err(format!("{}:1:1: {}", shown(path), d.message_in(lang)));
        }
        Err(e) => return Err(msg::cannot_read(lang, &shown(path), &e.to_string())),
    };
    String::from_utf8(bytes).map_err(|_| msg::not_utf8(lang, &shown(path)))
}

fn print_located(path: &Path, errors: &[Located], lang: Lang) {
    for e in errors {
        let id = e.id.as_deref().map(|i| format!(" [{}]", crate::cli::safe::line(i))).unwrap_or_default();
        eprintln!(
            "{}:{}:{}: {}: {}{id}",
            shown(path),
            e.at.line,
            e.at.column,
            msg::error_word(lang),
            crate::cli::safe::line(&e.message)
        );
    }
}

fn run_export(a: ExportArgs, lang: Lang) -> ExitCode {
    let scenario = match crate::cli::play::resolve(&a.scenario, lang) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{}", crate::cli::safe::line(&e));
            return ExitCode::FAILURE;
        }
    };
    let text = match export(&scenario, a.to, &a.langs, lang) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{}: {}", msg::error_word(lang), crate::cli::safe::line(&e));
            return ExitCode::FAILURE;
        }
    };
    match &a.out {
        Some(out) => {
            if let Err(e) = write_atomic(out, &text) {
                eprintln!("{}", msg::cannot_write(lang, &shown(out), &e.to_string()));
                return ExitCode::FAILURE;
            }
        }
        None => {
            use std::io::Write;
            // On a terminal, control characters from the scenario are shown escaped.
            let text = if std::io::IsTerminal::is_terminal(&std::io::stdout()) {
                crate::cli::safe::text(&text).into_owned()
            } else {
                text
            };
            if std::io::stdout().write_all(text.as_bytes()).is_err() {
                return ExitCode::FAILURE;
            }
        }
    }
    ExitCode::SUCCESS
}

fn run_import(a: ImportArgs, lang: Lang) -> ExitCode {
    let source = match read_text(&a.scenario, lang) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let loaded = motivo_engine::load_scenario(source.as_bytes(), &motivo_engine::ValidateOptions::default());
    let Some(scenario) = loaded.ok() else {
        eprintln!("{}", msg::scenario_has_errors(lang, &shown(&a.scenario)));
        return ExitCode::FAILURE;
    };
    let translations = match read_text(&a.translations, lang) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let xliff_ext = a.translations.extension().is_some_and(|e| e == "xlf" || e == "xliff");
    let format = a.format.unwrap_or(if xliff_ext { Format::Xliff } else { Format::Csv });
    let rows = match format {
        Format::Csv => table::read_csv(&translations, lang),
        Format::Xliff => table::read_xliff(&translations, lang).map(|(_, rows)| rows),
    };
    let rows = match rows {
        Ok(r) => r,
        Err(errors) => {
            print_located(&a.translations, &errors, lang);
            return ExitCode::FAILURE;
        }
    };
    let planned = match import::plan(&source, &scenario, &rows, lang) {
        Ok(p) => p,
        Err(import::Refused::File(errors)) => {
            print_located(&a.translations, &errors, lang);
            return ExitCode::FAILURE;
        }
        Err(import::Refused::Scenario { diagnostics }) => {
            eprintln!("{}", msg::would_not_load(lang, &shown(&a.scenario)));
            for d in &diagnostics {
                eprintln!(
                    "{}:{}:{}: {}[{}]: {}",
                    shown(&a.scenario),
                    d.location.line,
                    d.location.column,
                    msg::error_word(lang),
                    d.code,
                    crate::cli::safe::line(&d.message_in(lang))
                );
            }
            return ExitCode::FAILURE;
        }
        Err(import::Refused::Internal(m)) => {
            eprintln!("{}", msg::internal(lang, &crate::cli::safe::line(&m)));
            return ExitCode::FAILURE;
        }
    };
    let path = shown(&a.scenario);
    for c in &planned.changes {
        println!("{path}:{}: {} [{}]", c.line, crate::cli::safe::line(&c.id), lang_code(c.lang));
        match &c.old {
            Some(old) => println!("  - {}", crate::cli::safe::line(old)),
            None => println!("  - {}", msg::new_lang(lang)),
        }
        println!("  + {}", crate::cli::safe::line(&c.new));
    }
    let mut texts: Vec<&str> = planned.changes.iter().map(|c| c.id.as_str()).collect();
    texts.dedup();
    println!("{}", msg::summary(lang, planned.changes.len(), texts.len(), planned.rows, planned.not_in_file));
    if planned.changes.is_empty() {
        println!("{}", msg::nothing_to_do(lang));
    } else if a.write {
        if let Err(e) = write_atomic(&a.scenario, &planned.text) {
            eprintln!("{}", msg::cannot_write(lang, &path, &e.to_string()));
            return ExitCode::FAILURE;
        }
        println!("{}", msg::written(lang, &path));
    } else {
        println!("{}", msg::dry_run(lang, &path));
    }
    ExitCode::SUCCESS
}

pub fn run(args: Args) -> ExitCode {
    // `--lang` names the texts' languages here, so the messages follow MOTIVO_LANG and the locale.
    let lang = crate::cli::locale::lang_from_env(|name| std::env::var(name).ok());
    match args.command {
        Command::Export(a) => run_export(a, lang),
        Command::Import(a) => run_import(a, lang),
    }
}

#[cfg(test)]
mod tests;
