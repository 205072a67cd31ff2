//! The trainer studio as a trainer uses it: `motivo new`, `paths`, `graph`, `test` (tests/plans).

use std::path::{Path, PathBuf};
use std::process::Command;

mod common;
use common::{motivo, out, root};

/// Writes `motivo new` output into `dir` and returns the scenario's path.
fn new_scenario(dir: &Path, id: &str) -> PathBuf {
    let file = dir.join(format!("{id}.ron"));
    let o = motivo(&["new", id, "-o", file.to_str().unwrap()], dir);
    assert!(o.status.success(), "{}", out(&o));
    file
}

/// The `motivo new` scenario with `from` replaced by `to` once (a deliberately broken fixture).
fn broken(dir: &Path, name: &str, edits: &[(&str, &str)]) -> PathBuf {
    let file = new_scenario(dir, name);
    let mut text = std::fs::read_to_string(&file).unwrap();
    for (from, to) in edits {
        assert!(text.contains(from), "the template has `{from}`");
        text = text.replacen(from, to, 1);
    }
    std::fs::write(&file, text).unwrap();
    file
}

fn paths_json(file: &Path, extra: &[&str], dir: &Path) -> serde_json::Value {
    let mut args = vec!["paths", file.to_str().unwrap(), "--json"];
    args.extend_from_slice(extra);
    let o = motivo(&args, dir);
    assert!(o.status.success(), "{}", out(&o));
    serde_json::from_slice(&o.stdout).expect("paths json")
}

fn warning_kinds(v: &serde_json::Value) -> Vec<String> {
    v["warnings"].as_array().unwrap().iter().map(|w| w["kind"].as_str().unwrap().to_owned()).collect()
}

#[test]
fn new_checks_clean_plays_and_its_plan_passes() {
    let tmp = tempfile::tempdir().unwrap();
    let file = new_scenario(tmp.path(), "oma-harjoitus");
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(
        text.contains("id: \"oma-harjoitus\"") && text.contains("Ethics(DoesItForClient)") && text.contains("clarify:")
    );
    let o = motivo(&["check", "--strict", file.to_str().unwrap()], tmp.path());
    assert!(o.status.success(), "{}", out(&o));
    let plan = tmp.path().join("oma-harjoitus.plan.ron");
    let o = motivo(&["test", plan.to_str().unwrap()], tmp.path());
    assert!(o.status.success(), "{}", out(&o));
    assert!(out(&o).contains("2 plans, 0 failed"), "{}", out(&o));
    // A second `new` to the same file refuses to overwrite.
    let o = motivo(&["new", "oma-harjoitus", "-o", file.to_str().unwrap()], tmp.path());
    assert!(!o.status.success());
    let o = motivo(&["new", "Bad Id", "-o", tmp.path().join("x.ron").to_str().unwrap()], tmp.path());
    assert!(!o.status.success() && out(&o).contains("not valid"), "{}", out(&o));
}

#[test]
fn paths_lists_every_ending_with_levels_and_a_clean_template_has_no_warnings() {
    let tmp = tempfile::tempdir().unwrap();
    let file = new_scenario(tmp.path(), "puhdas");
    let v = paths_json(&file, &[], tmp.path());
    assert_eq!(v["truncated"], false);
    assert_eq!(v["exhaustive"], true);
    let endings = v["endings"].as_array().unwrap();
    assert_eq!(endings.len(), 2);
    let good = endings.iter().find(|e| e["id"] == "oma-askel").unwrap();
    assert_eq!(good["paths"], 1);
    assert_eq!(good["best_level"], "good");
    let ids: Vec<&str> =
        good["shortest_mi_consistent"].as_array().unwrap().iter().map(|s| s["option"].as_str().unwrap()).collect();
    assert_eq!(ids, ["cr", "cr", "af-emph"]);
    let bad = endings.iter().find(|e| e["id"] == "myohemmin").unwrap();
    assert_eq!(bad["paths"], 4);
    assert!(bad["worst_level"].is_string());
    assert!(warning_kinds(&v).is_empty(), "{v}");
    assert!(v["validity"]["constant"].as_array().unwrap().len() == 5);
}

#[test]
fn paths_warnings_fire_on_broken_fixtures() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    // The reflection at `toive` leads to the bad ending.
    let f = broken(d, "ends-badly", &[("next: \"askel\",", "next: \"myohemmin\",")]);
    let v = paths_json(&f, &[], d);
    let w = v["warnings"].as_array().unwrap();
    assert!(
        w.iter().any(|w| w["kind"] == "consistent_option_ends_badly" && w["node"] == "toive" && w["option"] == "cr"),
        "{v}"
    );
    // The good ending only by typing: the last option goes elsewhere.
    let f = broken(d, "typing-only", &[("next: \"oma-askel\",", "next: \"myohemmin\",")]);
    let v = paths_json(&f, &[], d);
    assert!(warning_kinds(&v).contains(&"good_ending_only_by_typing".to_owned()), "{v}");
    // The ethics option leads on toward the good ending (and so does its typed rule).
    let f = broken(
        d,
        "ethics-good",
        &[
            (
                "ethics: (kind: DoesItForClient, explain: (fi: \"Asiakas ei opi eikä päätä itse, kun teet sen hänen puolestaan.\", en: \"The client neither learns nor decides when you do it for her.\")),\n                    next: \"myohemmin\",",
                "ethics: (kind: DoesItForClient, explain: (fi: \"Asiakas ei opi eikä päätä itse, kun teet sen hänen puolestaan.\", en: \"The client neither learns nor decides when you do it for her.\")),\n                    next: \"toive\",",
            ),
            (
                "(when: Ethics(DoesItForClient), next: \"myohemmin\")",
                "(when: Ethics(DoesItForClient), next: \"toive\")",
            ),
        ],
    );
    let v = paths_json(&f, &[], d);
    let w = v["warnings"].as_array().unwrap();
    let eth = w.iter().find(|w| w["kind"] == "good_ending_with_ethics").unwrap_or_else(|| panic!("{v}"));
    assert_eq!(eth["path"][0]["option"], "puolesta");
    // A pass with fewer MI-consistent replies than asked: the template passes with 3.
    let f = new_scenario(d, "few");
    let v = paths_json(&f, &["--min-consistent", "4"], d);
    assert!(warning_kinds(&v).contains(&"passes_with_few_consistent".to_owned()), "{v}");
    let v = paths_json(&f, &["--min-consistent", "3"], d);
    assert!(!warning_kinds(&v).contains(&"passes_with_few_consistent".to_owned()), "{v}");
    // Human output names the warning in Finnish too.
    let o = motivo(&["paths", f.to_str().unwrap(), "--min-consistent", "4", "--lang", "fi"], d);
    assert!(out(&o).contains("vain 3 MI:n mukaista vastausta"), "{}", out(&o));
}

#[test]
fn paths_runs_on_every_bundled_scenario_within_its_bounds() {
    let tmp = tempfile::tempdir().unwrap();
    for s in motivo_engine::bundled::scenarios() {
        let s = s.unwrap();
        let v = paths_json(
            Path::new(&s.id),
            &["--no-validity", "--max-paths", "200", "--max-states", "100000"],
            tmp.path(),
        );
        let endings = v["endings"].as_array().unwrap();
        let count = s.nodes.iter().filter(|n| matches!(n, motivo_engine::model::Node::Ending(_))).count();
        assert_eq!(endings.len(), count, "{}", s.id);
        // Some good ending is reached by options and scored with a level.
        assert!(
            endings
                .iter()
                .any(|e| e["good"] == true && e["paths"].as_u64().unwrap() > 0 && e["best_level"].is_string()),
            "{}: {v}",
            s.id
        );
    }
}

#[test]
fn graph_formats() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let f = broken(d, "g", &[]);
    let o = motivo(&["graph", f.to_str().unwrap(), "--format", "dot"], d);
    let dot = out(&o);
    assert!(o.status.success() && dot.starts_with("digraph"), "{dot}");
    assert!(dot.contains("color=red") && dot.contains("@puolesta GI") && dot.contains("arrowtail=odot"), "{dot}");
    let o = motivo(&["graph", f.to_str().unwrap(), "--format", "mermaid"], d);
    assert!(out(&o).starts_with("flowchart LR") && out(&o).contains("linkStyle"), "{}", out(&o));
    let html = d.join("g.html");
    let o = motivo(&["graph", f.to_str().unwrap(), "--format", "html", "-o", html.to_str().unwrap()], d);
    assert!(o.status.success(), "{}", out(&o));
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>") && page.contains("<svg") && page.contains("@puolesta GI"), "{page}");
    assert!(
        !page.contains("<script") && !page.contains("src=\"http") && !page.contains("href=\"http"),
        "self-contained"
    );
    // Graphviz parses the DOT of every bundled scenario, when it is installed.
    if Command::new("dot").arg("-V").output().is_ok() {
        for s in motivo_engine::bundled::scenarios() {
            let id = s.unwrap().id;
            let dotf = d.join(format!("{id}.dot"));
            let o = motivo(&["graph", &id, "-o", dotf.to_str().unwrap()], d);
            assert!(o.status.success());
            let r = Command::new("dot")
                .args(["-Tsvg", dotf.to_str().unwrap(), "-o"])
                .arg(d.join(format!("{id}.svg")))
                .output()
                .unwrap();
            assert!(r.status.success(), "{id}: {}", String::from_utf8_lossy(&r.stderr));
        }
    } else {
        eprintln!("graphviz `dot` is not installed: the DOT parse check is skipped");
    }
}

#[test]
fn plans_pass_and_a_wrong_plan_fails_clearly() {
    let tmp = tempfile::tempdir().unwrap();
    let o = motivo(&["test", "tests/plans"], tmp.path());
    assert!(o.status.success(), "{}", out(&o));
    let o = motivo(&["test", "tests/plans-fixtures/wrong.ron", "--lang", "en"], tmp.path());
    assert_eq!(o.status.code(), Some(1));
    let text = out(&o);
    for want in [
        "FAIL  wrong expectations",
        "expected ending `lahtee`, got `oma-askel`",
        "expected no pass, but it passed",
        "expected ethics findings",
        "discord = 0, expected ≥ 9",
    ] {
        assert!(text.contains(want), "missing `{want}` in:\n{text}");
    }
    let o = motivo(&["test", "tests/plans-fixtures/bad-reply.ron", "--lang", "fi", "--json"], tmp.path());
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["plans"][0]["failures"][0]["turn"], 3);
    assert!(v["plans"][0]["failures"][0]["fi"].as_str().unwrap().contains("@no-such-option"));
    // A plan file that does not parse is an error with its location.
    let bad = tmp.path().join("bad.ron");
    std::fs::write(&bad, "TestPlan(scenario: \"omakanta-resepti\", replies: [\"@cr\",)\n").unwrap();
    let o = motivo(&["test", bad.to_str().unwrap()], tmp.path());
    assert_eq!(o.status.code(), Some(1));
    assert!(out(&o).contains("bad.ron:1:"), "{}", out(&o));
}

#[test]
fn scripts_convert_into_plans_that_pass() {
    let tmp = tempfile::tempdir().unwrap();
    let plans = tmp.path().join("plans");
    let o = motivo(&["test", "--from-scripts", "tests/scripts", "--out", plans.to_str().unwrap()], tmp.path());
    assert!(o.status.success(), "{}", out(&o));
    let scripts = std::fs::read_dir(root().join("tests/scripts")).unwrap().count();
    assert_eq!(std::fs::read_dir(&plans).unwrap().count(), scripts);
    let o = motivo(&["test", plans.to_str().unwrap(), "--json"], tmp.path());
    assert!(o.status.success(), "{}", out(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    // One plan per language the script is played in (a `--…-fi` or `--…-en` script in that language only).
    let langs: usize = std::fs::read_dir(root().join("tests/scripts"))
        .unwrap()
        .map(|e| {
            let stem = e.unwrap().path().file_stem().unwrap().to_str().unwrap().to_owned();
            motivo_engine::analysis::plan::script_langs(&stem).len()
        })
        .sum();
    assert_eq!(v["plans"].as_array().unwrap().len(), langs);
    // Every ending of every bundled scenario is covered by the converted plans.
    for c in v["coverage"].as_array().unwrap() {
        assert_eq!(c["endings"][0], c["endings"][1], "{c}");
    }
}
