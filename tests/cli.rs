//! The `motivo` program as a trainer and CI use it: check, list, play.

use std::path::{Path, PathBuf};
use std::process::Command;

mod common;
use common::{motivo, motivo_in, root, stderr, stdout};

fn bundled_ids() -> Vec<String> {
    motivo_engine::bundled::scenarios().into_iter().map(|s| s.expect("bundled loads").id).collect()
}

#[test]
fn bundled_scenarios_check_clean() {
    let tmp = tempfile::tempdir().unwrap();
    let o = motivo(&["check", "--strict", "scenarios/"], tmp.path());
    assert!(o.status.success(), "{}{}", stdout(&o), stderr(&o));
    assert!(stdout(&o).contains(" 0 error(s)"), "{}", stdout(&o));
    // The scenarios themselves are complete in both languages, with no warnings at all.
    for id in bundled_ids() {
        let o = motivo(&["check", "--strict", "--format", "json", &format!("scenarios/{id}.ron")], tmp.path());
        assert!(o.status.success(), "{id}");
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        assert_eq!(v[0]["warnings"], 0, "{id}: {}", stdout(&o));
    }
}

#[test]
fn list_shows_the_bundled_scenarios() {
    let tmp = tempfile::tempdir().unwrap();
    let o = motivo(&["list", "--json"], tmp.path());
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let ids: Vec<&str> = v.as_array().unwrap().iter().map(|e| e["id"].as_str().unwrap()).collect();
    assert!(ids.contains(&"omakanta-resepti") && ids.contains(&"etavastaanotto"), "{ids:?}");
    for e in v.as_array().unwrap() {
        assert!(!e["title_fi"].as_str().unwrap().is_empty() && !e["module"].as_str().unwrap().is_empty());
    }
}

/// Bad files: a located error and exit 1, never a panic (exit 101).
#[test]
fn truncated_binary_and_oversized_files_fail_cleanly() {
    let tmp = tempfile::tempdir().unwrap();
    let good = std::fs::read_to_string(root().join("tests/fixtures/minimal.ron")).unwrap();
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("truncated.ron", good.as_bytes()[..good.len() * 2 / 3].to_vec(), "M001"),
        ("binary.ron", (0..=255u8).cycle().take(4096).collect(), "M002"),
        ("oversized.ron", vec![b' '; motivo_engine::load::MAX_FILE_BYTES + 10], "M003"),
        ("empty.ron", vec![], "M001"),
    ];
    for (name, bytes, code) in cases {
        let path = tmp.path().join(name);
        std::fs::write(&path, &bytes).unwrap();
        let p = path.to_str().unwrap();
        let o = motivo(&["check", p], tmp.path());
        assert_eq!(o.status.code(), Some(1), "{name}: {}", stderr(&o));
        let err = stderr(&o);
        assert!(err.contains(code), "{name}: {err}");
        // rustc-style location: path:line:column.
        let located = err.lines().any(|l| {
            l.split_once(&format!("{name}:"))
                .is_some_and(|(_, rest)| rest.split(':').take(2).all(|n| n.trim().parse::<usize>().is_ok()))
        });
        assert!(located, "{name}: no file:line:column in {err}");

        let o = motivo(&["check", "--format", "json", p], tmp.path());
        assert_eq!(o.status.code(), Some(1));
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        let d = &v[0]["diagnostics"][0];
        assert_eq!(d["code"], code, "{name}");
        assert!(d["location"]["line"].as_u64().unwrap() >= 1);

        // play refuses the file with the same location, also without panicking.
        let o = motivo(&["play", p, "--no-record"], tmp.path());
        assert_eq!(o.status.code(), Some(1), "{name}");
        assert!(stderr(&o).contains(name), "{}", stderr(&o));
    }
}

#[test]
fn check_reports_missing_paths_and_broken_folders() {
    let tmp = tempfile::tempdir().unwrap();
    let o = motivo(&["check", "no/such/dir"], tmp.path());
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no/such/dir"));

    let good = std::fs::read_to_string(root().join("tests/fixtures/minimal.ron")).unwrap();
    std::fs::write(tmp.path().join("a.ron"), &good).unwrap();
    std::fs::write(tmp.path().join("b.ron"), good.replacen("next: \"loppu\"", "next: \"lopu\"", 1)).unwrap();
    std::fs::write(tmp.path().join("notes.txt"), "not a scenario").unwrap();
    let o = motivo(&["check", "--format", "json", tmp.path().to_str().unwrap()], tmp.path());
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 2, "only .ron files are checked");
    assert_eq!(v[0]["errors"], 0);
    assert_eq!(v[1]["diagnostics"][0]["kind"], "UnknownNode");
}

/// `tests/scripts/<scenario>-<ending>.txt` reaches `<ending>`.
fn scripts() -> Vec<(PathBuf, String, String)> {
    let ids = bundled_ids();
    let mut out = Vec::new();
    for entry in std::fs::read_dir(root().join("tests/scripts")).unwrap() {
        let path = entry.unwrap().path();
        let stem = path.file_stem().unwrap().to_str().unwrap().to_owned();
        let id = ids.iter().find(|id| stem.starts_with(&format!("{id}-"))).cloned();
        let id = id.unwrap_or_else(|| panic!("{stem}: no bundled scenario id prefix"));
        // `<scenario>-<ending>--<label>.txt` is a further script for the same ending (e.g. `--typed`: typed replies).
        let ending = stem[id.len() + 1..].split("--").next().unwrap_or_default().to_owned();
        out.push((path, id, ending));
    }
    out.sort();
    out
}

fn play_json(id: &str, script: &Path, seed: &str, lang: &str, data: &Path) -> (serde_json::Value, String) {
    let o = motivo(
        &["play", id, "--script", script.to_str().unwrap(), "--json", "--seed", seed, "--lang", lang, "--no-record"],
        data,
    );
    assert!(o.status.success(), "{}: {}", script.display(), stderr(&o));
    (serde_json::from_slice(&o.stdout).expect("json report"), stdout(&o))
}

#[test]
fn scripted_plays_reach_every_ending_of_every_bundled_scenario() {
    let tmp = tempfile::tempdir().unwrap();
    let scripts = scripts();
    for scenario in motivo_engine::bundled::scenarios() {
        let scenario = scenario.unwrap();
        for node in &scenario.nodes {
            if let motivo_engine::model::Node::Ending(e) = node {
                assert!(
                    scripts.iter().any(|(_, id, ending)| *id == scenario.id && *ending == e.id),
                    "no script reaches {}/{}",
                    scenario.id,
                    e.id
                );
            }
        }
    }
    for (path, id, ending) in &scripts {
        // A script with typed replies in one language is labelled `--…-fi`, `--…-sv`… and runs in that language.
        let stem = path.file_stem().unwrap().to_str().unwrap();
        let langs = motivo_engine::analysis::plan::script_langs(stem);
        for lang in langs {
            let (v, _) = play_json(id, path, "1", lang, tmp.path());
            assert_eq!(v["ending"]["id"], ending.as_str(), "{}", path.display());
            assert_eq!(v["lang"], lang);
        }
    }
}

#[test]
fn the_json_report_has_the_documented_fields_and_is_deterministic() {
    let tmp = tempfile::tempdir().unwrap();
    let (path, id, _) = scripts().into_iter().next().expect("a script");
    let (v, first) = play_json(&id, &path, "42", "fi", tmp.path());
    for ptr in [
        "/scenario",
        "/lang",
        "/seed",
        "/ending",
        "/turns/0/codes",
        "/miti/counts/CR",
        "/miti/counts/PER",
        "/miti/r_q",
        "/miti/pct_cr",
        "/miti/mia",
        "/miti/mina",
        "/miti/globals/cct",
        "/miti/globals/sst",
        "/miti/globals/partnership",
        "/miti/globals/empathy",
        "/miti/technical",
        "/miti/relational",
        "/miti/level",
        "/client/change_talk_pct",
        "/ethics",
    ] {
        assert!(v.pointer(ptr).is_some(), "{ptr} missing");
    }
    assert_eq!(v["seed"], 42);
    assert_eq!(v["scenario"], id.as_str());
    assert!(v["ethics"].is_array());
    let (_, second) = play_json(&id, &path, "42", "fi", tmp.path());
    assert_eq!(first, second, "same seed and script, same JSON");
}

#[test]
fn human_report_shows_transcript_and_miti_table() {
    let tmp = tempfile::tempdir().unwrap();
    let (path, id, _) = scripts().into_iter().next().expect("a script");
    let o = motivo(&["play", &id, "--script", path.to_str().unwrap(), "--seed", "1", "--no-record"], tmp.path());
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    for want in ["MI-raportti", "MITI 4.2.1", "R:Q", "%CR", "Palaute", "seed 1"] {
        assert!(out.contains(want), "missing `{want}` in\n{out}");
    }
}

#[test]
fn script_errors_name_the_line() {
    let tmp = tempfile::tempdir().unwrap();
    let script = tmp.path().join("bad.txt");
    std::fs::write(&script, "# comment\n\n99\n").unwrap();
    let o = motivo(&["play", "omakanta-resepti", "--script", script.to_str().unwrap(), "--no-record"], tmp.path());
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("bad.txt:3:"), "{}", stderr(&o));
    assert!(stderr(&o).contains("Vaihtoehtoa 99 ei ole"), "{}", stderr(&o));
    let o = motivo(
        &["play", "omakanta-resepti", "--lang", "en", "--script", script.to_str().unwrap(), "--no-record"],
        tmp.path(),
    );
    assert!(stderr(&o).contains("There is no option 99"), "{}", stderr(&o));

    let o = motivo(&["play", "no-such-scenario"], tmp.path());
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("motivo list"));
}

#[test]
fn lines_after_the_ending_are_ignored() {
    let tmp = tempfile::tempdir().unwrap();
    let (path, id, ending) = scripts().into_iter().next().expect("a script");
    let mut text = std::fs::read_to_string(&path).unwrap();
    text.push_str("\n1\n2\nthis is ignored\n");
    let longer = tmp.path().join("longer.txt");
    std::fs::write(&longer, text).unwrap();
    let (v, _) = play_json(&id, &longer, "1", "fi", tmp.path());
    assert_eq!(v["ending"]["id"], ending.as_str());
}

#[test]
fn every_subcommand_has_help() {
    let tmp = tempfile::tempdir().unwrap();
    let mut subs = vec!["list", "check", "play", "code", "eval", "progress", "sync"];
    // The trainer is built only with `--features train`; the learner's binary has no `train`.
    if cfg!(feature = "train") {
        subs.push("train");
    } else {
        assert!(!motivo(&["train", "--help"], tmp.path()).status.success(), "no trainer in the default build");
    }
    for sub in subs {
        let o = motivo(&[sub, "--help"], tmp.path());
        assert!(o.status.success(), "{sub} --help");
        assert!(stdout(&o).contains("Usage"), "{sub}");
    }
}

#[test]
fn typed_replies_in_a_script_are_coded_scored_and_routed() {
    let tmp = tempfile::tempdir().unwrap();
    let script = tmp.path().join("typed.txt");
    std::fs::write(
        &script,
        "Mikä sinulle itsellesi on tässä tärkeintä?\nSinun pitää vaan opetella, ei se ole vaikeaa.\n",
    )
    .unwrap();
    let (v, _) = play_json("omakanta-resepti", &script, "1", "fi", tmp.path());
    let turns = v["turns"].as_array().unwrap();
    assert_eq!(turns.len(), 2);
    for t in turns {
        assert_eq!(t["reply_kind"], "text");
        assert!(!t["codes"].as_array().unwrap().is_empty());
    }
    assert_eq!(turns[0]["codes"][0], "OQ", "{}", turns[0]);
    assert_eq!(turns[1]["codes"][0], "PER", "{}", turns[1]);
    assert_eq!(turns[1]["mi_consistent"], false);
    assert!(turns[1]["feedback"].as_str().unwrap().contains("«"), "the feedback quotes the evidence");
    assert_eq!(v["miti"]["counts"]["PER"], 1);

    // Over-long replies get a clear message with the script line, never a panic.
    std::fs::write(&script, format!("# long\n{}\n", "sana ".repeat(500))).unwrap();
    let o = motivo(&["play", "omakanta-resepti", "--script", script.to_str().unwrap(), "--no-record"], tmp.path());
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("typed.txt:2:") && stderr(&o).contains("liian pitkä"), "{}", stderr(&o));
}

#[test]
fn code_command_explains_its_codes() {
    let tmp = tempfile::tempdir().unwrap();
    let o = motivo(
        &["code", "--lang", "fi", "--context", "En mie osaa näitä koneita.", "--json", "Sinun pitäisi vain kokeilla."],
        tmp.path(),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["codes"][0], "PER", "{v}");
    assert!(!v["evidence"].as_array().unwrap().is_empty());
    let o = motivo(&["code", "--lang", "fi", "   "], tmp.path());
    assert_ne!(o.status.code(), Some(0));
    assert_ne!(o.status.code(), Some(101), "no panic on empty input");
}

/// omakanta-resepti: type Aune's key code, repair it, type it again. This used to loop
/// (`kirjautuminen → puolesta → kokeilu → kirjautuminen`); the repeat is now a conditional option that ends the
/// conversation. The script picks by option id.
#[test]
fn taking_over_twice_reaches_an_ending() {
    let tmp = tempfile::tempdir().unwrap();
    let script = tmp.path().join("take-over-twice.txt");
    std::fs::write(
        &script,
        "# alku, toive, osaaminen\n@cr\n@cr\n@af\n# tunnukset: declines the codes\n@af-gi-cq\n\
         # kokeilu, and the scam fear that comes back (epailys)\n@cr-mutta\n@cr\n\
         # kirjautuminen: types the key code for her\n@kirjautuu\n# puolesta: repairs\n@cr-gi-cq\n# kokeilu\n@cr\n\
         # kirjautuminen again: the same take-over, now ends the conversation\n@kirjautuu-2\n",
    )
    .unwrap();
    for lang in ["fi", "en"] {
        let (v, _) = play_json("omakanta-resepti", &script, "1", lang, tmp.path());
        assert_eq!(v["ending"]["id"], "puolesta-tehty", "{lang}");
        let turns = v["turns"].as_array().unwrap();
        assert!(turns.len() <= 12, "{} turns", turns.len());
        assert_eq!(turns[6]["node"], "kirjautuminen");
        assert_eq!(turns[9]["node"], "kirjautuminen");
        let shown = turns[9]["option"].as_u64().expect("the number the learner saw");
        assert!((1..=5).contains(&shown), "one of the options shown at the second visit: {shown}");
        assert_eq!(turns[9]["ethics"], "LogsInAsClient");
        assert!(v["ending"].get("turn_limit").is_none());
    }
}

/// `motivo check --lang fi`, and the default from `MOTIVO_LANG` and the locale.
#[test]
fn check_speaks_finnish() {
    let tmp = tempfile::tempdir().unwrap();
    let good = std::fs::read_to_string(root().join("tests/fixtures/minimal.ron")).unwrap();
    let broken = tmp.path().join("b.ron");
    std::fs::write(&broken, good.replacen("next: \"loppu\"", "next: \"lopu\"", 1)).unwrap();
    let p = broken.to_str().unwrap();
    let line = good.lines().position(|l| l.contains("next: \"loppu\"")).unwrap() + 1;
    let line_text = good.lines().nth(line - 1).unwrap();
    // Columns count characters.
    let column = line_text[..line_text.find("\"loppu\"").unwrap()].chars().count() + 1;
    let fi_message = "`next` vie solmuun `lopu`, jota ei ole olemassa";

    let o = motivo(&["check", "--lang", "fi", p], tmp.path());
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains(&format!("virhe[M008]: {fi_message}")), "{err}");
    assert!(err.contains(&format!("b.ron:{line}:{column}")), "file:line:col in {err}");
    assert!(err.contains("tarkoititko `loppu`?"), "{err}");
    assert!(!err.contains("does not exist"), "{err}");
    assert!(stdout(&o).contains("tarkistettiin 1 tiedosto: "), "{}", stdout(&o));

    let ok = tmp.path().join("ok.ron");
    std::fs::write(&ok, &good).unwrap();
    let o = motivo(&["check", "--lang", "fi", ok.to_str().unwrap()], tmp.path());
    assert!(o.status.success());
    assert!(stdout(&o).contains("ok.ron (0 varoitusta)"), "{}", stdout(&o));
    assert!(stdout(&o).contains("tarkistettiin 1 tiedosto: 0 virhettä, 0 varoitusta"), "{}", stdout(&o));

    // The default: Finnish when MOTIVO_LANG, or else the locale, starts with `fi`; English otherwise.
    for (env, fi) in [
        (vec![("LANG", "fi_FI.UTF-8")], true),
        (vec![("LC_ALL", "fi_FI.UTF-8"), ("LANG", "C")], true),
        (vec![("MOTIVO_LANG", "fi")], true),
        (vec![("LANG", "fi_FI.UTF-8"), ("MOTIVO_LANG", "en")], false),
        (vec![("LANG", "fi_FI.UTF-8"), ("LC_ALL", "C")], false),
        (vec![("LANG", "en_US.UTF-8")], false),
        (vec![], false),
    ] {
        let o = motivo_in(&["check", p], tmp.path(), &env);
        let err = stderr(&o);
        assert_eq!(err.contains(fi_message), fi, "{env:?}: {err}");
        assert_eq!(err.contains("which does not exist"), !fi, "{env:?}: {err}");
    }
    // --lang wins over the environment.
    let o = motivo_in(&["check", "--lang", "en", p], tmp.path(), &[("LANG", "fi_FI.UTF-8")]);
    assert!(stderr(&o).contains("error[M008]: `next` goes to node `lopu`"), "{}", stderr(&o));

    // JSON has the texts in the language asked for, with the message id.
    let o = motivo_in(&["check", "--format", "json", p], tmp.path(), &[("LANG", "fi_FI.UTF-8")]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let d = &v[0]["diagnostics"][0];
    assert_eq!(d["code"], "M008");
    assert_eq!(d["lang"], "fi");
    assert_eq!(d["message"], fi_message);
    assert_eq!(d["message_id"], "val-next-goes-node-exist");
    assert_eq!(d["notes"][0], "tarkoititko `loppu`?");
    assert_eq!(d["location"]["line"], line);
    let o = motivo_in(&["check", "--format", "json", "--lang", "en", p], tmp.path(), &[]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let d = &v[0]["diagnostics"][0];
    assert_eq!(d["message"], "`next` goes to node `lopu`, which does not exist");
    assert_eq!(d["notes"][0], "did you mean `loppu`?");
}

/// The terminal report opens with whether the attempt passed and why not, in plain words, wrapped to the
/// terminal's width without breaking words; the JSON carries `passed` and the reasons in both languages.
#[test]
fn the_report_says_first_whether_it_passed_and_why_not() {
    let tmp = tempfile::tempdir().unwrap();
    let script = root().join("tests/scripts/omakanta-resepti-lahtee.txt");
    for (lang, columns, fail, ending) in [
        ("fi", "80", "Et vielä läpäissyt", "Keskustelu ei päättynyt hyvin"),
        ("en", "120", "not passed", "did not end well"),
    ] {
        let out = motivo_in(
            &[
                "play",
                "omakanta-resepti",
                "--seed",
                "1",
                "--lang",
                lang,
                "--no-record",
                "--script",
                script.to_str().unwrap(),
            ],
            tmp.path(),
            &[("COLUMNS", columns)],
        );
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let text = String::from_utf8(out.stdout).unwrap();
        let head: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).take(3).collect();
        assert!(head[1].starts_with('✗') && head[1].contains(fail), "{lang}: {head:?}");
        assert!(head[2].contains(ending), "{lang}: the first reason is the ending: {head:?}");
        let width: usize = columns.parse().unwrap();
        for line in text.lines() {
            assert!(line.chars().count() <= width, "{lang}: wider than {width}: {line:?}");
        }
        assert!(!text.contains("(Disengages)") && !text.contains("(Postpones)"), "plain words, not outcome ids");
    }
    let (v, _) = play_json("omakanta-resepti", &script, "1", "fi", tmp.path());
    assert_eq!(v["passed"], false);
    let reasons = v["why_not"].as_array().unwrap();
    assert!(reasons.iter().any(|r| r["reason"] == "ending"));
    assert!(reasons.iter().all(|r| r["fi"].as_str().is_some_and(|t| !t.is_empty()) && r["en"].as_str().is_some()));
    assert_eq!(v["own_words"], false);
}

/// Hostile inputs (issue 16): no crash, no hang, every refusal located, output terminal-safe.
mod hostile {
    use super::*;
    use std::time::{Duration, Instant};

    fn minimal() -> String {
        std::fs::read_to_string(root().join("tests/fixtures/minimal.ron")).unwrap()
    }

    #[test]
    fn a_folder_with_a_once_crashing_file_is_checked_whole_and_json_lists_every_file() {
        let tmp = tempfile::tempdir().unwrap();
        let deep = format!("{}true{}", "(".repeat(10_000), ")".repeat(10_000));
        std::fs::write(tmp.path().join("a-deep.ron"), minimal().replacen("discord >= 5", &deep, 1)).unwrap();
        let nots = format!("{}true", "!".repeat(1_000));
        std::fs::write(tmp.path().join("b-nots.ron"), minimal().replacen("discord >= 5", &nots, 1)).unwrap();
        std::fs::write(tmp.path().join("c-good.ron"), minimal()).unwrap();
        let o = motivo(&["check", "--format", "json", tmp.path().to_str().unwrap()], tmp.path());
        assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        let files = v.as_array().unwrap();
        assert_eq!(files.len(), 3);
        assert_eq!(files[0]["diagnostics"][0]["code"], "M013");
        assert_eq!(files[1]["diagnostics"][0]["code"], "M013");
        assert_eq!(files[2]["errors"], 0);
        let o = motivo(&["play", tmp.path().join("b-nots.ron").to_str().unwrap(), "--no-record"], tmp.path());
        assert_eq!(o.status.code(), Some(1), "refused, not a stack overflow: {}", stderr(&o));
        assert!(stderr(&o).contains("b-nots.ron:24:"), "{}", stderr(&o));
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_refused_without_blocking() {
        let tmp = tempfile::tempdir().unwrap();
        let fifo = tmp.path().join("x.ron");
        let made = Command::new("mkfifo").arg(&fifo).status().map(|s| s.success()).unwrap_or(false);
        if !made {
            eprintln!("no mkfifo here; skipped");
            return;
        }
        let t = Instant::now();
        let o = motivo(&["check", "--format", "json", fifo.to_str().unwrap()], tmp.path());
        assert!(t.elapsed() < Duration::from_secs(10));
        assert_eq!(o.status.code(), Some(1));
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        assert!(v[0]["diagnostics"][0]["message"].as_str().unwrap().contains("not a regular file"));
        assert_eq!(v[0]["diagnostics"][0]["location"]["line"], 1);
        let o = motivo(&["check", tmp.path().to_str().unwrap()], tmp.path());
        assert_eq!(o.status.code(), Some(1), "a FIFO inside a folder too: {}", stderr(&o));
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_loop_checks_each_file_once() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("d");
        std::fs::create_dir(&dir).unwrap();
        std::fs::write(dir.join("a.ron"), minimal()).unwrap();
        std::os::unix::fs::symlink("..", dir.join("up")).unwrap();
        std::os::unix::fs::symlink("a.ron", dir.join("b.ron")).unwrap();
        let o = motivo(&["check", "--format", "json", dir.to_str().unwrap()], tmp.path());
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        assert_eq!(v.as_array().unwrap().len(), 1, "{v:#}");
        assert!(o.status.success());
    }

    #[test]
    fn a_huge_file_reports_its_real_size() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("huge.ron");
        let f = std::fs::File::create(&path).unwrap();
        f.set_len(50 * 1024 * 1024).unwrap();
        let o = motivo(&["check", path.to_str().unwrap()], tmp.path());
        assert_eq!(o.status.code(), Some(1));
        assert!(stderr(&o).contains("50 MB (52428800 bytes)"), "{}", stderr(&o));
        assert!(stderr(&o).contains("huge.ron:1:1"), "{}", stderr(&o));
        let o = motivo(&["play", path.to_str().unwrap(), "--no-record"], tmp.path());
        assert_eq!(o.status.code(), Some(1));
        assert!(stderr(&o).contains("(52428800 "), "{}", stderr(&o));
    }

    #[test]
    fn escape_sequences_from_files_never_reach_the_terminal_raw() {
        let tmp = tempfile::tempdir().unwrap();
        let evil = minimal().replacen("id: \"minimal\"", "id: \"x\\u{1b}[2J\\u{1b}]0;pwned\\u{7}\"", 1).replacen(
            "name: \"Aune\"",
            "name: \"Aune\\u{1b}[2J\\u{9b}31m\"",
            1,
        );
        let path = tmp.path().join("evil.ron");
        std::fs::write(&path, &evil).unwrap();
        let o = motivo(&["check", path.to_str().unwrap()], tmp.path());
        let all = format!("{}{}", stdout(&o), stderr(&o));
        assert!(all.contains("M006"), "the bad id is reported: {all}");
        assert!(!all.contains('\u{1b}') && !all.contains('\u{9b}') && !all.contains('\u{7}'), "{all:?}");
        // Raw control characters in the file itself (not escapes) are shown harmlessly under the diagnostic.
        let raw = minimal().replacen("id: \"minimal\"", "id: \"x\u{1b}[2J\"", 1);
        std::fs::write(&path, &raw).unwrap();
        let o = motivo(&["check", path.to_str().unwrap()], tmp.path());
        assert!(!stderr(&o).contains('\u{1b}'), "{:?}", stderr(&o));
        // A play of a scenario whose persona name and texts carry escapes.
        // Both endings carry escapes: the options are shown in a shuffled order, so `1` may lead to either.
        let named = minimal()
            .replacen("name: \"Aune\"", "name: \"Aune\\u{1b}[2J\"", 1)
            .replacen("Ehkä kokeilen.", "Ehkä\\u{1b}]0;x\\u{7} kokeilen.", 1)
            .replacen("En jaksa.", "En\\u{1b}]0;x\\u{7} jaksa kokeilen.", 1);
        std::fs::write(&path, &named).unwrap();
        let script = tmp.path().join("s.txt");
        std::fs::write(&script, "1\n").unwrap();
        let o =
            motivo(&["play", path.to_str().unwrap(), "--script", script.to_str().unwrap(), "--no-record"], tmp.path());
        assert!(o.status.success(), "{}", stderr(&o));
        let all = format!("{}{}", stdout(&o), stderr(&o));
        assert!(all.contains("kokeilen") || all.contains("try"), "{all}");
        assert!(!all.contains('\u{1b}') && !all.contains('\u{7}'), "{all:?}");
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_script_from_dev_zero_ends_quickly() {
        let tmp = tempfile::tempdir().unwrap();
        let t = Instant::now();
        let o = motivo(&["play", "tests/fixtures/minimal.ron", "--script", "/dev/zero", "--no-record"], tmp.path());
        assert!(t.elapsed() < Duration::from_secs(10));
        assert_eq!(o.status.code(), Some(1));
        assert!(stderr(&o).contains("over the script limit"), "{}", stderr(&o));
        let long = tmp.path().join("long.txt");
        std::fs::write(&long, format!("{}\n", "a".repeat(20_000))).unwrap();
        let o = motivo(
            &["play", "tests/fixtures/minimal.ron", "--script", long.to_str().unwrap(), "--no-record"],
            tmp.path(),
        );
        assert_eq!(o.status.code(), Some(1));
        assert!(stderr(&o).contains("long.txt:1:"), "{}", stderr(&o));
    }

    #[test]
    fn an_endless_chain_of_turns_stops_at_the_reply_limit() {
        // Each reply keeps a snapshot with the visited nodes: a 30,000-turn chain grew memory quadratically.
        let tmp = tempfile::tempdir().unwrap();
        let n = 1_200;
        let turns: String = (0..n)
            .map(|i| {
                let next = if i + 1 < n { format!("t{}", i + 1) } else { "loppu".into() };
                format!(
                    "Turn(id: \"t{i}\", lines: [(text: (fi: \"a\", en: \"a\"), talk: Neutral)], options: [(text: (fi: \"a\", \
                     en: \"a\"), codes: [CR], feedback: (fi: \"a\", en: \"a\"), next: \"{next}\")]),\n"
                )
            })
            .collect();
        // The first turn's options are shuffled: the way into the chain is picked by its id.
        let chain = minimal()
            .replacen("(text: (fi: \"Koneet", "(id: \"in\", text: (fi: \"Koneet", 1)
            .replacen("next: \"loppu\"),", "next: \"t0\"),", 1)
            .replacen(
                "        Ending(\n            id: \"loppu\"",
                &format!("{turns}        Ending(\n            id: \"loppu\""),
                1,
            );
        let path = tmp.path().join("chain.ron");
        std::fs::write(&path, chain).unwrap();
        let script = tmp.path().join("s.txt");
        std::fs::write(&script, format!("@in\n{}", "1\n".repeat(n + 5))).unwrap();
        let o =
            motivo(&["play", path.to_str().unwrap(), "--script", script.to_str().unwrap(), "--no-record"], tmp.path());
        assert!(o.status.success(), "{}", stderr(&o));
        assert!(stderr(&o).contains("limit of 1000 replies"), "{}", stderr(&o));
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn standard_input_from_dev_zero_ends_quickly() {
        let tmp = tempfile::tempdir().unwrap();
        let t = Instant::now();
        let o = Command::new(env!("CARGO_BIN_EXE_motivo"))
            .args(["play", "tests/fixtures/minimal.ron", "--no-record", "--lang", "en"])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env("MOTIVO_DATA_DIR", tmp.path())
            .stdin(std::fs::File::open("/dev/zero").unwrap())
            .output()
            .unwrap();
        assert!(t.elapsed() < Duration::from_secs(10));
        assert!(stderr(&o).contains("over 10000 bytes"), "{}", stderr(&o));
    }

    #[test]
    fn a_script_number_too_large_is_an_error_not_a_typed_reply() {
        let tmp = tempfile::tempdir().unwrap();
        let script = tmp.path().join("s.txt");
        std::fs::write(&script, "99999999999999999999999\n").unwrap();
        let o = motivo(
            &["play", "tests/fixtures/minimal.ron", "--script", script.to_str().unwrap(), "--no-record"],
            tmp.path(),
        );
        assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
        assert!(stderr(&o).contains("s.txt:1:"), "{}", stderr(&o));
    }
}

/// xAPI only with reporting configured (issue 12 item 8), and an outbox rebuildable from the progress (issue 16:
/// a kill between "record" and "queue" loses no statements).
mod reporting {
    use super::*;

    const LRS: &[(&str, &str)] = &[
        ("LANG", "C"),
        ("MOTIVO_LRS_ENDPOINT", "http://127.0.0.1:9/xAPI"),
        ("MOTIVO_LRS_USER", "u"),
        ("MOTIVO_LRS_PASSWORD", "p"),
    ];

    fn play(data: &Path, env: &[(&str, &str)]) {
        let script = root().join("tests/scripts").join(
            std::fs::read_dir(root().join("tests/scripts"))
                .unwrap()
                .map(|e| e.unwrap().file_name().into_string().unwrap())
                .filter(|n| n.starts_with("omakanta-resepti-"))
                .min()
                .unwrap(),
        );
        let o =
            motivo_in(&["play", "omakanta-resepti", "--script", script.to_str().unwrap(), "--seed", "3"], data, env);
        assert!(o.status.success(), "{}", stderr(&o));
    }

    fn outbox(data: &Path) -> serde_json::Value {
        serde_json::from_slice(&std::fs::read(data.join("outbox.json")).unwrap()).unwrap()
    }

    fn attempts_in_statements(v: &serde_json::Value) -> std::collections::BTreeSet<String> {
        v["statements"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|s| {
                let ext = s["context"]["extensions"].as_object()?;
                ext.iter().find(|(k, _)| k.ends_with("/attempt")).map(|(_, v)| v.as_str().unwrap().to_owned())
            })
            .collect()
    }

    #[test]
    fn without_an_lrs_a_play_writes_no_outbox() {
        let tmp = tempfile::tempdir().unwrap();
        play(tmp.path(), &[("LANG", "C")]);
        assert!(tmp.path().join("progress.ron").exists());
        assert!(!tmp.path().join("outbox.json").exists(), "no xAPI without reporting configured");
    }

    #[test]
    fn a_play_with_an_unreadable_progress_file_is_kept_and_progress_shows_the_good_copy() {
        let tmp = tempfile::tempdir().unwrap();
        play(tmp.path(), &[("LANG", "C")]);
        play(tmp.path(), &[("LANG", "C")]);
        std::fs::remove_file(tmp.path().join("progress.ron")).unwrap();
        std::fs::create_dir(tmp.path().join("progress.ron")).unwrap();
        let o = motivo_in(&["progress", "--json"], tmp.path(), &[("LANG", "C")]);
        assert!(o.status.success(), "{}", stderr(&o));
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        assert!(v.to_string().contains("progress.prev.ron"), "the problem names the copy shown: {v}");
        let script = root().join("tests/scripts").join(
            std::fs::read_dir(root().join("tests/scripts"))
                .unwrap()
                .map(|e| e.unwrap().file_name().into_string().unwrap())
                .filter(|n| n.starts_with("omakanta-resepti-"))
                .min()
                .unwrap(),
        );
        let o = motivo_in(
            &["play", "omakanta-resepti", "--script", script.to_str().unwrap(), "--lang", "en"],
            tmp.path(),
            &[("LANG", "C")],
        );
        assert!(o.status.success());
        let pending: Vec<String> = std::fs::read_dir(tmp.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .filter(|n| n.starts_with("pending-"))
            .collect();
        assert_eq!(pending.len(), 1, "the play is kept in a pending file");
        assert!(stderr(&o).contains(&pending[0]), "the learner is told where: {}", stderr(&o));
    }

    #[test]
    fn attempts_recorded_but_never_queued_are_queued_from_the_progress() {
        let tmp = tempfile::tempdir().unwrap();
        // Two plays recorded with no LRS (as if killed between recording and queuing, or before configuring).
        play(tmp.path(), &[("LANG", "C")]);
        play(tmp.path(), &[("LANG", "C")]);
        // The next play with an LRS configured queues its own statements and the two earlier attempts'.
        play(tmp.path(), LRS);
        let v = outbox(tmp.path());
        assert_eq!(attempts_in_statements(&v).len(), 3, "{v:#}");
        assert_eq!(v["attempts"].as_array().unwrap().len(), 3);
        let n = v["statements"].as_array().unwrap().len();
        // Queuing again never duplicates: ids derive from the attempts' uids.
        let o = motivo_in(&["sync", "--json"], tmp.path(), LRS);
        assert_ne!(o.status.code(), Some(2), "{}", stderr(&o));
        assert_eq!(outbox(tmp.path())["statements"].as_array().unwrap().len(), n);
        // A kill after recording: the attempt is in the progress, its statements are not; `motivo sync` (or the
        // next play) queues them.
        play(tmp.path(), &[("LANG", "C")]);
        let o = motivo_in(&["sync", "--json"], tmp.path(), LRS);
        assert!(stderr(&o).contains("1 earlier attempt(s) queued"), "{}", stderr(&o));
        assert_eq!(attempts_in_statements(&outbox(tmp.path())).len(), 4);
    }

    #[cfg(unix)]
    #[test]
    fn kill_9_during_plays_leaves_every_recorded_attempt_with_its_statements_queued() {
        let tmp = tempfile::tempdir().unwrap();
        let script = root().join("tests/scripts").join(
            std::fs::read_dir(root().join("tests/scripts"))
                .unwrap()
                .map(|e| e.unwrap().file_name().into_string().unwrap())
                .filter(|n| n.starts_with("omakanta-resepti-"))
                .min()
                .unwrap(),
        );
        // Time one play, then kill plays at spread-out moments within that time.
        let t = std::time::Instant::now();
        play(tmp.path(), LRS);
        let full = t.elapsed().as_millis() as u64;
        for k in 0..30u64 {
            let mut cmd = Command::new(env!("CARGO_BIN_EXE_motivo"));
            cmd.args(["play", "omakanta-resepti", "--script", script.to_str().unwrap(), "--seed", &k.to_string()])
                .current_dir(env!("CARGO_MANIFEST_DIR"))
                .env("MOTIVO_DATA_DIR", tmp.path())
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null());
            for var in ["MOTIVO_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
                cmd.env_remove(var);
            }
            let mut child = cmd.envs(LRS.iter().copied()).spawn().unwrap();
            std::thread::sleep(std::time::Duration::from_millis(full * (k * 7 % 30) / 25));
            let _ = child.kill();
            let _ = child.wait();
        }
        let text = std::fs::read_to_string(tmp.path().join("progress.ron")).unwrap();
        let progress = motivo_course::progress::decode(&text).expect("progress stays readable");
        let queued = attempts_in_statements(&outbox(tmp.path()));
        for a in &progress.attempts {
            let id = motivo_report::attempt_uuid(&a.uid).to_string();
            assert!(queued.contains(&id), "attempt {} ({}) has no statements queued", a.id, a.uid);
        }
        // Some plays were killed before recording, some finished: both kinds happened.
        eprintln!("{} of 31 plays recorded", progress.attempts.len());
        assert!(!progress.attempts.is_empty());
    }
}
