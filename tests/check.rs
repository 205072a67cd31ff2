//! `motivo check` as a trainer meets it: the course's modules (M037, `--course`), root causes before their
//! consequences, unclosed strings, and M012/M015 at the offending text, in English and Finnish.

use std::path::PathBuf;
use std::process::Output;

mod common;
use common::{motivo, root, stderr, stdout};

fn minimal() -> String {
    std::fs::read_to_string(root().join("tests/fixtures/minimal.ron")).unwrap()
}

/// The 1-based line and column (in characters) of the first `needle` in `text`.
fn line_col(text: &str, needle: &str) -> (usize, usize) {
    let at = text.find(needle).unwrap_or_else(|| panic!("no `{needle}`"));
    let start = text[..at].rfind('\n').map_or(0, |k| k + 1);
    (text[..at].matches('\n').count() + 1, text[start..at].chars().count() + 1)
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", stdout(o)))
}

/// A folder with the bundled course and a scenario whose `module` is not in it.
fn folder_with_course(module: &str) -> (tempfile::TempDir, PathBuf, String) {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::copy(root().join("scenarios/course.ron"), tmp.path().join("course.ron")).unwrap();
    let text = minimal().replacen("module: \"counselling\"", &format!("module: \"{module}\""), 1);
    let path = tmp.path().join("oma.ron");
    std::fs::write(&path, &text).unwrap();
    (tmp, path, text)
}

#[test]
fn a_module_not_in_the_course_beside_the_scenario_is_reported() {
    let (tmp, path, text) = folder_with_course("challenges");
    let p = path.to_str().unwrap();
    let (line, column) = line_col(&text, "\"challenges\"");

    let o = motivo(&["check", "--lang", "en", p], tmp.path());
    let err = stderr(&o);
    assert!(o.status.success(), "a warning: {err}");
    assert!(
        err.contains("warning[M037]: `module: \"challenges\"` is not a module of the course `motivoiva-digineuvonta`"),
        "{err}"
    );
    assert!(err.contains(&format!("oma.ron:{line}:{column}")), "{err}");
    assert!(err.contains("the course's modules: e-services, ethics, vulnerable, security, counselling, independence"));

    let o = motivo(&["check", "--lang", "fi", p], tmp.path());
    let err = stderr(&o);
    assert!(
        err.contains("varoitus[M037]: `module: \"challenges\"` ei ole kurssin `motivoiva-digineuvonta` moduuli"),
        "{err}"
    );
    assert!(err.contains("kurssin moduulit: e-services"), "{err}");

    // An error with --strict; the whole folder (the course checks clean itself).
    let o = motivo(&["check", "--strict", "--format", "json", tmp.path().to_str().unwrap()], tmp.path());
    assert_eq!(o.status.code(), Some(1));
    let v = json(&o);
    let scenario = v.as_array().unwrap().iter().find(|r| r["path"].as_str().unwrap().ends_with("oma.ron")).unwrap();
    let d = &scenario["diagnostics"][0];
    assert_eq!((d["code"].as_str(), d["severity"].as_str()), (Some("M037"), Some("error")));
    assert_eq!(
        (d["location"]["line"].as_u64(), d["location"]["column"].as_u64()),
        (Some(line as u64), Some(column as u64))
    );
}

#[test]
fn a_misspelt_module_gets_a_did_you_mean_in_both_languages() {
    let (tmp, path, _) = folder_with_course("counseling");
    let p = path.to_str().unwrap();
    assert!(stderr(&motivo(&["check", "--lang", "en", p], tmp.path())).contains("did you mean `counselling`?"));
    assert!(stderr(&motivo(&["check", "--lang", "fi", p], tmp.path())).contains("tarkoititko `counselling`?"));
}

#[test]
fn the_course_option_names_the_course_and_without_a_course_module_is_not_checked() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("oma.ron");
    std::fs::write(&path, minimal().replacen("module: \"counselling\"", "module: \"challenges\"", 1)).unwrap();
    let p = path.to_str().unwrap();
    // No course.ron beside it: not checked.
    let o = motivo(&["check", "--strict", p], tmp.path());
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!stderr(&o).contains("M037"), "{}", stderr(&o));
    // --course names one.
    let o = motivo(&["check", "--strict", "--lang", "en", "--course", "scenarios/course.ron", p], tmp.path());
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("error[M037]"), "{}", stderr(&o));
    // A module of the course passes.
    let good = tmp.path().join("hyva.ron");
    std::fs::write(&good, minimal()).unwrap();
    let o = motivo(&["check", "--strict", "--course", "scenarios/course.ron", good.to_str().unwrap()], tmp.path());
    assert!(o.status.success(), "{}", stderr(&o));
    // A --course that does not load is an error that says so.
    let o = motivo(&["check", "--lang", "en", "--course", p, good.to_str().unwrap()], tmp.path());
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("the course file does not load, so `module` is not checked"), "{}", stderr(&o));
    // A course.ron beside the scenario that does not load: one note, and the scenario is still checked.
    std::fs::write(tmp.path().join("course.ron"), "Course(").unwrap();
    let o = motivo(&["check", "--lang", "fi", p], tmp.path());
    assert!(stderr(&o).contains("course.ron: kurssitiedosto ei lataudu"), "{}", stderr(&o));
}

#[test]
fn a_typo_in_next_comes_first_and_its_consequences_say_so() {
    let tmp = tempfile::tempdir().unwrap();
    let text = minimal().replacen("set: [\"heard\"], next: \"loppu\"", "set: [\"heard\"], next: \"lopu\"", 1).replacen(
        "Reflected(\"ei_osaa\"), next: \"loppu\"",
        "Reflected(\"ei_osaa\"), next: \"lopu\"",
        1,
    );
    let path = tmp.path().join("typo.ron");
    std::fs::write(&path, &text).unwrap();
    let p = path.to_str().unwrap();
    let (line, column) = line_col(&text, "\"lopu\"");

    let o = motivo(&["check", "--format", "json", "--lang", "en", p], tmp.path());
    let v = json(&o);
    let codes: Vec<&str> =
        v[0]["diagnostics"].as_array().unwrap().iter().map(|d| d["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["M008", "M008", "M018", "M009"]);
    let m018 = &v[0]["diagnostics"][2];
    assert_eq!(m018["caused_by"]["line"].as_u64(), Some(line as u64));
    assert_eq!(m018["caused_by"]["column"].as_u64(), Some(column as u64));

    // In the terminal, the M008 is shown before the M018 although `start:` is earlier in the file.
    let o = motivo(&["check", "--lang", "en", p], tmp.path());
    let err = stderr(&o);
    let m008 = err.find("error[M008]").expect("M008");
    let m018 = err.find("error[M018]").expect("M018");
    assert!(m008 < m018, "{err}");
    assert!(
        err.contains(&format!("this follows from `next: \"lopu\"` at {line}:{column}, which names no node")),
        "{err}"
    );
    let o = motivo(&["check", "--lang", "fi", p], tmp.path());
    let err = stderr(&o);
    assert!(err.find("virhe[M008]").unwrap() < err.find("virhe[M018]").unwrap(), "{err}");
    assert!(err.contains(&format!("tämä johtuu kohdan {line}:{column} viittauksesta `next: \"lopu\"`")), "{err}");
}

#[test]
fn an_unclosed_string_is_named_in_both_languages() {
    let tmp = tempfile::tempdir().unwrap();
    for (name, from, to, needle) in [
        ("middle.ron", "name: \"Aune\",", "name: \"Aune,", "\"Aune,"),
        ("end.ron", "en: \"I can't be bothered.\"", "en: \"I can't be bothered.", "\"I can't be bothered."),
    ] {
        let text = minimal().replacen(from, to, 1);
        let path = tmp.path().join(name);
        std::fs::write(&path, &text).unwrap();
        let p = path.to_str().unwrap();
        let (line, column) = line_col(&text, needle);
        let err = stderr(&motivo(&["check", "--lang", "en", p], tmp.path()));
        assert!(
            err.contains(&format!(
                "error[M001]: unclosed string: the string starting at {line}:{column} has no closing quote `\"`"
            )),
            "{name}: {err}"
        );
        assert!(err.contains(&format!("{name}:{line}:{column}")), "{name}: {err}");
        assert!(!err.contains("comma"), "{name}: {err}");
        let err = stderr(&motivo(&["check", "--lang", "fi", p], tmp.path()));
        assert!(
            err.contains(&format!("virhe[M001]: merkkijono jää auki: kohdassa {line}:{column} alkavalta")),
            "{name}: {err}"
        );
    }
}

#[test]
fn missing_languages_and_meanings_point_at_the_text_with_the_fix() {
    let tmp = tempfile::tempdir().unwrap();
    let text = minimal()
        .replacen(
            "(when: Otherwise, next: \"pois\"),",
            "(when: Otherwise, next: \"pois\",\n                 feedback: (fi: \"Kuuntele ensin.\")),",
            1,
        )
        .replacen("Reflected(\"ei_osaa\")", "Reflected(\"heard\")", 1);
    let path = tmp.path().join("deep.ron");
    std::fs::write(&path, &text).unwrap();
    let p = path.to_str().unwrap();
    let (fl, fc) = line_col(&text, "(fi: \"Kuuntele ensin.\")");
    let (ml, mc) = line_col(&text, "\"heard\")");
    let err = stderr(&motivo(&["check", "--lang", "en", p], tmp.path()));
    assert!(err.contains(&format!("deep.ron:{fl}:{fc}")), "{err}");
    assert!(err.contains("add `en: \"…\"` to this text, translating the `fi` text “Kuuntele ensin.”"), "{err}");
    assert!(err.contains(&format!("deep.ron:{ml}:{mc}")), "{err}");
    assert!(err.contains("this turn's meanings: ei_osaa"), "{err}");
    let err = stderr(&motivo(&["check", "--lang", "fi", p], tmp.path()));
    assert!(err.contains("lisää tähän `en: \"…\"`, käännös `fi`-tekstistä ”Kuuntele ensin.”"), "{err}");
    assert!(err.contains("tämän vuoron merkitykset: ei_osaa"), "{err}");
}
