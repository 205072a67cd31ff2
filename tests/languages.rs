//! Languages on the command line: any language can be asked for; a scenario not written in it is shown in
//! Finnish with one notice, and `check --lang L` checks a file as it would be played in L.

use std::path::Path;
use std::process::Output;

mod common;
use common::{motivo, out};

#[test]
fn check_in_swedish_gives_one_note_for_a_scenario_without_swedish() {
    let tmp = tempfile::tempdir().unwrap();
    let o = motivo(&["check", "--strict", "--lang", "sv", "scenarios/etavastaanotto.ron"], tmp.path());
    assert!(o.status.success(), "{}", out(&o));
    let err = String::from_utf8_lossy(&o.stderr);
    let notes: Vec<&str> = err.lines().filter(|l| l.contains("`sv`")).collect();
    assert_eq!(notes.len(), 1, "{err}");
    assert!(notes[0].contains("etavastaanotto.ron") && notes[0].contains("`fi`"), "{}", notes[0]);
    assert!(!err.contains("M012"), "no warning per text: {err}");
    // The same in JSON: the scenario's languages and the language it is shown in.
    let o = motivo(&["check", "--lang", "svenska", "--format", "json", "scenarios/etavastaanotto.ron"], tmp.path());
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v[0]["languages"], serde_json::json!(["fi", "en"]));
    assert_eq!(v[0]["shown_in"], "fi");
    assert_eq!(v[0]["warnings"], 0);
    // A language it is written in: no note.
    let o = motivo(&["check", "--lang", "en", "scenarios/etavastaanotto.ron"], tmp.path());
    assert!(o.status.success() && !out(&o).contains("shown in"), "{}", out(&o));
}

#[test]
fn check_in_swedish_checks_a_swedish_scenario_for_complete_swedish() {
    let tmp = tempfile::tempdir().unwrap();
    let o = motivo(&["check", "--strict", "--lang", "sv", "tests/fixtures/trilingual.ron"], tmp.path());
    assert!(o.status.success(), "{}", out(&o));
    assert!(!out(&o).contains("visas på"), "{}", out(&o));
    let broken = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/trilingual.ron"))
        .unwrap()
        .replacen(r#", sv: "Bor ensam.""#, "", 1);
    let file = tmp.path().join("broken.ron");
    std::fs::write(&file, broken).unwrap();
    let path = file.to_str().unwrap();
    let o = motivo(&["check", "--lang", "sv", "--format", "json", path], tmp.path());
    assert!(o.status.success(), "a warning only: {}", out(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v[0]["warnings"], 1, "{v:#}");
    assert_eq!(v[0]["diagnostics"][0]["code"], "M012");
    let text = std::fs::read_to_string(&file).unwrap();
    let line = text.lines().position(|l| l.contains("Bor ensam") || l.contains("Lives alone")).unwrap() + 1;
    assert_eq!(v[0]["diagnostics"][0]["location"]["line"], line, "{v:#}");
    let o = motivo(&["check", "--strict", "--lang", "sv", path], tmp.path());
    assert!(!o.status.success(), "--strict makes it an error: {}", out(&o));
}

#[test]
fn play_in_swedish_falls_back_to_finnish_with_a_notice() {
    let tmp = tempfile::tempdir().unwrap();
    let script = "tests/scripts/etavastaanotto-oma-aika.txt";
    let args = ["play", "etavastaanotto", "--lang", "sv", "--seed", "1", "--script", script, "--no-record"];
    let o = motivo(&args, tmp.path());
    assert!(o.status.success(), "{}", out(&o));
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(err.lines().filter(|l| l.contains("`sv`")).count(), 1, "{err}");
    // The client speaks Finnish: the transcript's first client line is the Finnish play's.
    let fi = motivo(
        &["play", "etavastaanotto", "--lang", "fi", "--seed", "1", "--script", script, "--no-record"],
        tmp.path(),
    );
    let first =
        |o: &Output| String::from_utf8_lossy(&o.stdout).lines().find(|l| l.starts_with("1. ")).map(str::to_owned);
    assert!(first(&fi).is_some(), "{}", out(&fi));
    assert_eq!(first(&o), first(&fi));
}

/// The bundled scenarios written in Swedish pass the strict check in Swedish and are played in Swedish.
#[test]
fn the_swedish_scenarios_are_complete_and_play_in_swedish() {
    let tmp = tempfile::tempdir().unwrap();
    let files = ["scenarios/omakanta-resepti.ron", "scenarios/huijausviesti.ron"];
    let o = motivo(&["check", "--strict", "--lang", "sv", files[0], files[1]], tmp.path());
    assert!(o.status.success(), "{}", out(&o));
    assert!(!out(&o).contains("`sv`"), "no fallback note: {}", out(&o));
    for (id, script, line) in [
        (
            "omakanta-resepti",
            "tests/scripts/omakanta-resepti-oma-askel.txt",
            "Runar skötte ju allt sånt där med datorer",
        ),
        ("huijausviesti", "tests/scripts/huijausviesti-omat-saannot.txt", "Titta på he här."),
    ] {
        let args = ["play", id, "--lang", "sv", "--seed", "1", "--script", script, "--no-record"];
        let o = motivo(&args, tmp.path());
        assert!(o.status.success(), "{}", out(&o));
        let text = String::from_utf8_lossy(&o.stdout).split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(text.contains(line), "{id}: the client speaks Swedish: {text}");
        assert!(!String::from_utf8_lossy(&o.stderr).contains("`sv`"), "{id}: no fallback notice: {}", out(&o));
    }
}

#[test]
fn a_language_that_is_no_language_is_refused_clearly() {
    let tmp = tempfile::tempdir().unwrap();
    let o = motivo(&["play", "omakanta-resepti", "--lang", "klingonish"], tmp.path());
    assert_eq!(o.status.code(), Some(2), "{}", out(&o));
    assert!(out(&o).contains("klingonish"), "{}", out(&o));
}

#[test]
fn list_json_names_each_scenarios_languages() {
    let tmp = tempfile::tempdir().unwrap();
    let o = motivo(&["list", "--json"], tmp.path());
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    for e in v.as_array().unwrap() {
        let langs: Vec<&str> = e["languages"].as_array().unwrap().iter().map(|l| l.as_str().unwrap()).collect();
        assert!(langs.contains(&"fi"), "{e}");
        for l in &langs {
            assert!(!e["title"][l].as_str().unwrap().is_empty(), "{e}");
        }
    }
    let o = motivo(&["list", "--lang", "sv"], tmp.path());
    assert!(o.status.success(), "{}", out(&o));
}
