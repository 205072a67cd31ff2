use motivo_engine::bundled::SCENARIOS;
use motivo_engine::{Lang, Scenario, ValidateOptions};

use super::import::{Refused, plan};
use super::table::{Pos, read_csv, read_xliff};
use super::walk::entries;
use super::*;

fn load(text: &str) -> Scenario {
    let loaded = motivo_engine::load_scenario(text.as_bytes(), &ValidateOptions::default());
    assert!(!loaded.has_errors(), "{:?}", loaded.diagnostics.iter().find(|d| d.is_error()));
    loaded.value.unwrap()
}

fn import_csv(source: &str, csv: &str) -> Result<import::Planned, Refused> {
    let rows = read_csv(csv, Lang::En).map_err(Refused::File)?;
    plan(source, &load(source), &rows, Lang::En)
}

/// Replaces the cell of `column` in the row of `id` (a CSV written by the export, read back and rewritten).
fn edit_csv(csv: &str, id: &str, column: &str, value: &str) -> String {
    let mut r = csv::Reader::from_reader(csv.as_bytes());
    let header = r.headers().unwrap().clone();
    let col = header.iter().position(|h| h == column).unwrap();
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(&header).unwrap();
    let mut found = false;
    for rec in r.records() {
        let rec = rec.unwrap();
        let mut fields: Vec<String> = rec.iter().map(str::to_owned).collect();
        if fields[0] == id {
            fields[col] = value.to_owned();
            found = true;
        }
        w.write_record(&fields).unwrap();
    }
    assert!(found, "no row {id}");
    String::from_utf8(w.into_inner().unwrap()).unwrap()
}

#[test]
fn every_bundled_scenario_round_trips_unchanged_in_csv_and_xliff() {
    for (name, source) in SCENARIOS {
        let scenario = load(source);
        let csv = export(&scenario, Format::Csv, &[], Lang::En).unwrap();
        let p = import_csv(source, &csv).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        assert!(p.changes.is_empty(), "{name}: {:?}", p.changes.first());
        assert_eq!(p.text, *source, "{name}: an import without edits changes nothing");
        assert_eq!(load(&p.text), scenario, "{name}");
        assert_eq!(p.not_in_file, 0, "{name}");
        assert_eq!(p.rows, entries(&scenario).len(), "{name}");

        // XLIFF holds one target language: one file per language other than Finnish.
        for lang in scenario.languages().into_iter().filter(|l| *l != Lang::Fi) {
            let xliff = export(&scenario, Format::Xliff, &[lang], Lang::En).unwrap();
            let (target, rows) = read_xliff(&xliff, Lang::En).unwrap_or_else(|e| panic!("{name}: {e:?}"));
            assert_eq!(target, lang);
            let p = plan(source, &scenario, &rows, Lang::En).unwrap_or_else(|e| panic!("{name}: {e:?}"));
            assert!(p.changes.is_empty() && p.text == *source, "{name} ({lang})");
        }
    }
}

#[test]
fn every_text_of_every_bundled_scenario_is_rewritten_and_restored() {
    for (name, source) in SCENARIOS {
        let scenario = load(source);
        let csv = export(&scenario, Format::Csv, &[], Lang::En).unwrap();
        // Every English cell gets a mark (quotes and a backslash, to exercise escaping); then the original file
        // brings every text back.
        let mut r = csv::Reader::from_reader(csv.as_bytes());
        let header = r.headers().unwrap().clone();
        let en = header.iter().position(|h| h == "en").unwrap();
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(&header).unwrap();
        let mut marked = 0;
        for rec in r.records() {
            let mut f: Vec<String> = rec.unwrap().iter().map(str::to_owned).collect();
            if !f[en].is_empty() {
                f[en].push_str(" «\"x\\»");
                marked += 1;
            }
            w.write_record(&f).unwrap();
        }
        let edited = String::from_utf8(w.into_inner().unwrap()).unwrap();
        let p = import_csv(source, &edited).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        assert_eq!(p.changes.len(), marked, "{name}");
        let changed = load(&p.text);
        for (a, b) in entries(&scenario).iter().zip(entries(&changed)) {
            assert_eq!(a.id, b.id);
            assert_eq!(text_get(a.text, Lang::Fi), text_get(b.text, Lang::Fi), "{name} {}", a.id);
            if let Some(old) = text_get(a.text, Lang::En) {
                assert_eq!(text_get(b.text, Lang::En), Some(format!("{old} «\"x\\»").as_str()), "{name} {}", a.id);
            }
        }
        let back = import_csv(&p.text, &csv).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        assert_eq!(back.text, *source, "{name}: restoring every text gives the original file byte for byte");
    }
}

#[test]
fn an_edited_cell_changes_exactly_that_text() {
    let (_, source) = SCENARIOS.iter().find(|(n, _)| *n == "omakanta-resepti.ron").unwrap();
    let scenario = load(source);
    let csv = export(&scenario, Format::Csv, &[], Lang::En).unwrap();
    let edited = edit_csv(&csv, "alku/option/cr/text", "en", "Eino did it all,\nand now it's you.");
    let p = import_csv(source, &edited).unwrap();
    assert_eq!(p.changes.len(), 1, "{:?}", p.changes);
    assert_eq!(p.changes[0].id, "alku/option/cr/text");
    assert_eq!(p.changes[0].lang, Lang::En);
    assert!(p.changes[0].old.as_deref().unwrap().starts_with("Eino took care"));
    // The model: only that text differs.
    let mut expected = scenario.clone();
    let path = entries(&scenario).into_iter().find(|e| e.id == "alku/option/cr/text").unwrap().path;
    text_set(walk::text_mut(&mut expected, &path).unwrap(), Lang::En, "Eino did it all,\nand now it's you.".into());
    assert_eq!(load(&p.text), expected);
    // The file: only that literal differs (same prefix and suffix around it, on the line the change names).
    let prefix = source.bytes().zip(p.text.bytes()).take_while(|(a, b)| a == b).count();
    let suffix = source.bytes().rev().zip(p.text.bytes().rev()).take_while(|(a, b)| a == b).count();
    let lit = source.find(r#"en: "Eino took care"#).unwrap() + 4;
    let lit_end = lit + source[lit..].find("\",\n").unwrap() + 1;
    assert!(prefix > lit && source.len() - suffix <= lit_end, "{}", &source[prefix..source.len() - suffix]);
    assert_eq!(source[..prefix].lines().count(), p.changes[0].line);
    assert!(p.text.contains(r#"en: "Eino did it all,\nand now it's you.","#));

    // A reviewer's edit of the Finnish applies, and the same file imported again is not stale.
    let fi_edit = edit_csv(&csv, "alku/option/oq/text", "fi", "Mikä sinua eniten mietityttää?");
    let p = import_csv(source, &fi_edit).unwrap();
    assert_eq!(p.changes.len(), 1);
    assert_eq!(p.changes[0].lang, Lang::Fi);
    let again = import_csv(&p.text, &fi_edit).unwrap();
    assert!(again.changes.is_empty() && again.text == p.text);
}

#[test]
fn a_stale_or_unknown_id_is_refused_where_it_is() {
    let (_, source) = SCENARIOS.iter().find(|(n, _)| *n == "omakanta-resepti.ron").unwrap();
    let csv = export(&load(source), Format::Csv, &[], Lang::En).unwrap();
    let line = csv.lines().position(|l| l.starts_with("alku/option/oq/text,")).unwrap() + 1;
    let stale = csv.replace("alku/option/oq/text,", "alku/option/oq-old/text,");
    let Err(Refused::File(errors)) = import_csv(source, &stale) else { panic!("a stale id must be refused") };
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].at, Pos { line, column: 1 });
    assert_eq!(errors[0].id.as_deref(), Some("alku/option/oq-old/text"));
    assert!(errors[0].message.contains("unknown id `alku/option/oq-old/text`"), "{}", errors[0].message);

    // The scenario's Finnish changed after the export: the row is stale.
    let changed = source.replacen("Mikä tässä tabletilla uusimisessa", "Mikä tabletilla uusimisessa", 1);
    let Err(Refused::File(errors)) = import_csv(&changed, &csv) else { panic!("a stale row must be refused") };
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].id.as_deref(), Some("alku/option/oq/text"));
    assert_eq!(errors[0].at.line, line);
    assert!(errors[0].message.contains("changed"), "{}", errors[0].message);

    // The structure changed: the option's codes are not what the row was translated for.
    let recoded = edit_csv(&csv, "alku/option/oq/text", "notes", "codes: PER");
    let Err(Refused::File(errors)) = import_csv(source, &recoded) else { panic!("changed notes must be refused") };
    assert!(errors[0].message.contains("structure"), "{}", errors[0].message);
    let respoken = edit_csv(&csv, "alku/line/1", "speaker", "learner");
    let Err(Refused::File(errors)) = import_csv(source, &respoken) else { panic!("a changed speaker must be refused") };
    assert!(errors[0].message.contains("structure"), "{}", errors[0].message);
}

#[test]
fn an_import_that_would_not_load_is_refused() {
    let (_, source) = SCENARIOS.iter().find(|(n, _)| *n == "omakanta-resepti.ron").unwrap();
    let scenario = load(source);
    let csv = export(&scenario, Format::Csv, &[], Lang::En).unwrap();
    // The title blank in every language of the scenario.
    let blank = scenario.languages().into_iter().fold(csv, |csv, l| edit_csv(&csv, "title", l.code(), " "));
    match import_csv(source, &blank) {
        Err(Refused::Scenario { diagnostics, .. }) => {
            assert!(diagnostics.iter().any(|d| d.kind == motivo_engine::Kind::EmptyText), "{diagnostics:?}");
        }
        other => panic!("a blank title must be refused: {other:?}"),
    }
}

const PARTIAL: &str = r#"// A scenario where some texts have no English yet.
Scenario(
    id: "osittain",
    version: 1,
    title: (fi: "Otsikko"),   // one line
    summary: (
        fi: "Tiivistelmä",
        // a comment inside
    ),
    module: "counselling",
    persona: Persona(name: "Aune", age: 82, situation: (fi: "Yksin.", en: "Alone."), service: (fi: "OmaKanta", en: "OmaKanta")),
    goal: (fi: "Askel.", en: "A step."),
    start: "alku",
    nodes: [
        Turn(
            id: "alku",
            lines: [(text: (fi: "En osaa.", en: "I can't."), talk: Sustain(Ability))],
            options: [
                (text: (fi: "Tuntuu vieraalta.", en: "Feels foreign."), codes: [CR], feedback: (fi: "Hyvä."), next: "loppu"),
            ],
            free_text: [(when: Otherwise, next: "loppu", feedback: (fi: "Jatka.", en: "Go on."))],
        ),
        Ending(id: "loppu", outcome: NextStep, lines: [(text: (fi: "Kokeilen.", en: "I'll try."), talk: Change(Commitment))]),
    ],
)
"#;

#[test]
fn a_new_language_cell_is_inserted_in_the_texts_parentheses() {
    let scenario = load(PARTIAL);
    let csv = export(&scenario, Format::Csv, &[], Lang::En).unwrap();
    let edited = edit_csv(&edit_csv(&csv, "title", "en", "Title"), "summary", "en", "Summary \"quoted\"");
    let edited = edit_csv(&edited, "alku/option/#1/feedback", "en", "Good.");
    let edited = edit_csv(&edited, "alku/route/1/feedback", "en", "Go on, please.");
    let p = import_csv(PARTIAL, &edited).unwrap();
    assert_eq!(p.changes.len(), 4, "{:?}", p.changes);
    assert!(p.text.contains(r#"title: (fi: "Otsikko", en: "Title"),   // one line"#), "{}", p.text);
    assert!(
        p.text.contains("summary: (\n        fi: \"Tiivistelmä\",\n        en: \"Summary \\\"quoted\\\"\",\n        // a comment inside\n    ),"),
        "{}",
        p.text
    );
    assert!(p.text.contains(r#"feedback: (fi: "Hyvä.", en: "Good."), next"#), "{}", p.text);
    assert!(p.text.contains(r#"feedback: (fi: "Jatka.", en: "Go on, please."))]"#), "{}", p.text);
    let changed = load(&p.text);
    assert_eq!(text_get(&changed.title, Lang::En), Some("Title"));
    assert_eq!(text_get(&changed.summary, Lang::En), Some("Summary \"quoted\""));
    // A file with CRLF line ends gets CRLF in the inserted line too.
    let crlf = PARTIAL.replace('\n', "\r\n");
    let p = import_csv(&crlf, &edited).unwrap();
    assert!(p.text.contains("fi: \"Tiivistelmä\",\r\n        en: \"Summary"), "{:?}", p.text);
    assert!(!p.text.replace("\r\n", "").contains('\n'));
    // Empty cells never remove a text.
    let cleared = edit_csv(&csv, "goal", "en", "");
    assert!(import_csv(PARTIAL, &cleared).unwrap().changes.is_empty());
}

#[test]
fn a_csv_with_a_new_swedish_column_adds_swedish_that_loads() {
    let scenario = load(PARTIAL);
    match lang_from_code("sv") {
        Some(sv) => {
            let csv = export(&scenario, Format::Csv, &[sv], Lang::En).unwrap();
            assert!(csv.lines().next().unwrap().contains(",sv,"), "{csv}");
            let edited = edit_csv(&edit_csv(&csv, "title", "sv", "Rubrik"), "alku/line/1", "sv", "Jag kan inte.");
            let p = import_csv(PARTIAL, &edited).unwrap();
            assert_eq!(p.changes.len(), 2);
            let changed = load(&p.text);
            assert_eq!(text_get(&changed.title, sv), Some("Rubrik"));
            assert!(p.text.contains(r#"(fi: "En osaa.", en: "I can't.", sv: "Jag kan inte.")"#), "{}", p.text);
        }
        None => {
            // This build's `Lang` has no Swedish yet: a `sv` column is refused where it is, not ignored.
            let csv = export(&scenario, Format::Csv, &[], Lang::En).unwrap().replacen("\r\n", ",sv\r\n", 1);
            let Err(errors) = read_csv(&csv, Lang::En) else { panic!("an unknown language column must be refused") };
            assert!(errors[0].message.contains("`sv`"), "{errors:?}");
            assert_eq!(errors[0].at.line, 1);
            assert!(parse_code("sv").is_err());
        }
    }
}

#[test]
fn xliff_imports_a_translated_target_and_refuses_an_edited_source() {
    let scenario = load(PARTIAL);
    let xliff = export(&scenario, Format::Xliff, &[], Lang::En).unwrap();
    assert!(xliff.contains("srcLang=\"fi\" trgLang=\"en\""));
    let translated = xliff.replacen(
        "<source xml:space=\"preserve\">Hyvä.</source>\n        <target xml:space=\"preserve\"></target>",
        "<source xml:space=\"preserve\">Hyvä.</source>\n        <target xml:space=\"preserve\">Good &amp; right.</target>",
        1,
    );
    assert_ne!(translated, xliff);
    let (_, rows) = read_xliff(&translated, Lang::En).unwrap();
    let p = plan(PARTIAL, &scenario, &rows, Lang::En).unwrap();
    assert_eq!(p.changes.len(), 1);
    assert_eq!(p.changes[0].id, "alku/option/#1/feedback");
    assert_eq!(p.changes[0].new, "Good & right.");
    load(&p.text);

    let edited_source = xliff.replacen(">Hyvä.</source>", ">Hyvä!</source>", 1);
    let (_, rows) = read_xliff(&edited_source, Lang::En).unwrap();
    let Err(Refused::File(errors)) = plan(PARTIAL, &scenario, &rows, Lang::En) else { panic!("must be refused") };
    let line = edited_source.lines().position(|l| l.contains(">Hyvä!</source>")).unwrap() + 1;
    assert_eq!((errors[0].at.line, errors[0].id.as_deref()), (line, Some("alku/option/#1/feedback")));
    // Two target languages do not fit one XLIFF file.
    assert!(export(&scenario, Format::Xliff, &[Lang::Fi], Lang::En).is_err());
}

#[test]
fn ids_are_unique_and_every_entry_has_a_path_to_its_text() {
    for (name, source) in SCENARIOS {
        let mut scenario = load(source);
        let es: Vec<(String, Vec<walk::Seg>)> = entries(&scenario).into_iter().map(|e| (e.id, e.path)).collect();
        let mut ids: Vec<&str> = es.iter().map(|e| e.0.as_str()).collect();
        ids.sort();
        let n = ids.len();
        ids.dedup();
        assert_eq!(ids.len(), n, "{name}: duplicate ids");
        for (id, path) in &es {
            assert!(walk::text_mut(&mut scenario, path).is_some(), "{name}: {id}");
        }
    }
}

#[test]
fn damaged_translation_files_are_refused_with_a_place_never_a_panic() {
    let scenario = load(PARTIAL);
    let csv = export(&scenario, Format::Csv, &[], Lang::En).unwrap();
    let xliff = export(&scenario, Format::Xliff, &[], Lang::En).unwrap();
    let mut refused = 0;
    let mut check = |result: Result<Vec<table::Row>, Vec<table::Located>>| match result {
        Ok(rows) => match plan(PARTIAL, &scenario, &rows, Lang::En) {
            Ok(p) => {
                assert!(motivo_engine::load_scenario(p.text.as_bytes(), &ValidateOptions::default()).ok().is_some())
            }
            Err(Refused::File(errors)) => {
                assert!(!errors.is_empty() && errors.iter().all(|e| e.at.line >= 1 && e.at.column >= 1), "{errors:?}");
                refused += 1;
            }
            Err(Refused::Scenario { diagnostics }) => assert!(!diagnostics.is_empty()),
            Err(Refused::Internal(m)) => panic!("internal: {m}"),
        },
        Err(errors) => {
            assert!(!errors.is_empty() && errors.iter().all(|e| e.at.line >= 1), "{errors:?}");
            refused += 1;
        }
    };
    // Every prefix (a file cut short), and every byte replaced by a quote, a comma, `<` or a newline.
    for cut in (0..csv.len()).filter(|k| csv.is_char_boundary(*k)) {
        check(read_csv(&csv[..cut], Lang::En));
    }
    for (k, _) in csv.char_indices().step_by(3) {
        for c in ["\"", ",", "\n"] {
            let mut t = csv.clone();
            t.replace_range(k..k + csv[k..].chars().next().unwrap().len_utf8(), c);
            check(read_csv(&t, Lang::En));
        }
    }
    for cut in (0..xliff.len()).step_by(7).filter(|k| xliff.is_char_boundary(*k)) {
        check(read_xliff(&xliff[..cut], Lang::En).map(|(_, rows)| rows));
    }
    for (k, _) in xliff.char_indices().step_by(11) {
        let mut t = xliff.clone();
        t.replace_range(k..k + xliff[k..].chars().next().unwrap().len_utf8(), "<");
        check(read_xliff(&t, Lang::En).map(|(_, rows)| rows));
    }
    assert!(refused > 100, "damaged files are refused ({refused})");
}
