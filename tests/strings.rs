//! `motivo strings export/import` as a trainer runs it: files in, files out, exit codes and located messages.

use std::path::Path;
use std::process::Output;

mod common;

/// Runs `motivo` in `dir`, with `dir` as its data folder, in an English locale.
fn motivo(args: &[&str], dir: &Path) -> Output {
    common::motivo_at(dir, args, dir, &[("LANG", "C")])
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn export_edit_import_dry_run_then_write() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal.ron");
    std::fs::copy(&fixture, dir.join("s.ron")).unwrap();
    let original = std::fs::read_to_string(dir.join("s.ron")).unwrap();

    let o = motivo(&["strings", "export", "s.ron", "--to", "csv", "-o", "s.csv"], dir);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let csv = std::fs::read_to_string(dir.join("s.csv")).unwrap();
    assert!(csv.starts_with("id,speaker,context,fi,en,notes,check\r\n"), "{csv}");
    assert!(csv.contains("alku/option/#2/text,learner,En mä osaa näitä koneita.,Kyllä sinun pitää oppia."), "{csv}");

    std::fs::write(dir.join("e.csv"), csv.replace("A good reflection.", "\"A good, \"\"complex\"\" reflection.\""))
        .unwrap();
    let o = motivo(&["strings", "import", "s.ron", "e.csv"], dir);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    assert!(out.contains("s.ron:28: alku/option/#1/feedback [en]"), "{out}");
    assert!(out.contains("  + A good, \"complex\" reflection."), "{out}");
    assert!(out.contains("add --write"), "{out}");
    assert_eq!(std::fs::read_to_string(dir.join("s.ron")).unwrap(), original, "a dry run writes nothing");

    let o = motivo(&["strings", "import", "s.ron", "e.csv", "--write"], dir);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let written = std::fs::read_to_string(dir.join("s.ron")).unwrap();
    assert_eq!(written, original.replace(r#"en: "A good reflection.""#, r#"en: "A good, \"complex\" reflection.""#));
    let o = motivo(&["check", "--strict", "s.ron"], dir);
    assert!(o.status.success(), "{}", text(&o.stdout));
    let leftovers: Vec<_> = std::fs::read_dir(dir).unwrap().filter_map(|e| e.ok()).collect();
    assert_eq!(leftovers.len(), 3, "no temporary file is left: {leftovers:?}");

    // XLIFF too: export, and an import of the unchanged file changes nothing.
    let o = motivo(&["strings", "export", "s.ron", "--to", "xliff", "-o", "s.en.xlf"], dir);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let o = motivo(&["strings", "import", "s.ron", "s.en.xlf", "--write"], dir);
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert!(text(&o.stdout).contains("no text changes"), "{}", text(&o.stdout));
    assert_eq!(std::fs::read_to_string(dir.join("s.ron")).unwrap(), written);
}

#[test]
fn a_stale_id_fails_with_its_place_in_the_translation_file() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal.ron");
    std::fs::copy(&fixture, dir.join("s.ron")).unwrap();
    let o = motivo(&["strings", "export", "s.ron"], dir);
    assert!(o.status.success());
    let csv = text(&o.stdout);
    let line = csv.lines().position(|l| l.starts_with("pois/line/1,")).unwrap() + 1;
    std::fs::write(dir.join("t.csv"), csv.replace("pois/line/1,", "pois/line/7,")).unwrap();
    let o = motivo(&["strings", "import", "s.ron", "t.csv", "--write"], dir);
    assert_eq!(o.status.code(), Some(1));
    let err = text(&o.stderr);
    assert!(err.contains(&format!("t.csv:{line}:1: error: unknown id `pois/line/7`")), "{err}");
    let o = motivo(&["strings", "import", "s.ron", "missing.csv"], dir);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stderr).contains("cannot read missing.csv"), "{}", text(&o.stderr));
}
