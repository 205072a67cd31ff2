//! `motivo-coder code`: ethics in the JSON, the --context limit, and a batch that reports bad rows and goes on.

use std::process::Command;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_motivo-coder"))
}

fn temp(name: &str, body: &str) -> std::path::PathBuf {
    let p = std::env::temp_dir().join(format!("motivo-code-cli-{}-{name}", std::process::id()));
    std::fs::write(&p, body).unwrap();
    p
}

#[test]
fn json_has_ethics_with_kind_and_evidence() {
    let out = bin()
        .args(["code", "--json", "--context", "En muista tunnuslukua.", "Anna ne tunnukset, minä näppäilen ne."])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let e = &v["ethics"][0];
    assert_eq!(e["kind"], "TakesCredentials", "{v}");
    assert!(e["evidence"].as_str().unwrap().contains("näppäilen"), "{v}");
    let out = bin().args(["code", "--json", "--lang", "en", "You type, I'll guide you."]).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["ethics"], serde_json::json!([]), "{v}");
}

#[test]
fn an_overlong_context_is_a_clear_error() {
    let ctx = "x".repeat(4001);
    let out = bin().args(["code", "--context", &ctx, "Moi"]).output().unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("4001") && err.contains("4000"), "{err}");
}

#[test]
fn batch_reports_bad_rows_and_goes_on() {
    let long = "x".repeat(5000);
    let f = temp(
        "batch.csv",
        &format!(
            "id,lang,context,reply\na,fi,En muista tunnuslukua.,\"Anna ne tunnukset, minä näppäilen ne.\"\nb,xx,c,moi\nc,en,{long},Hi\nd,en,c,\ne,en,I am scared.,You are scared.\n"
        ),
    );
    let out = bin().args(["code", "--batch"]).arg(&f).output().unwrap();
    assert!(out.status.success());
    let rows: Vec<serde_json::Value> =
        String::from_utf8_lossy(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(rows.len(), 5);
    assert_eq!(rows[0]["ethics"][0]["kind"], "TakesCredentials");
    assert!(rows[1]["error"].as_str().unwrap().contains("xx"));
    assert_eq!(rows[1]["line"], 3);
    assert!(rows[2]["error"].as_str().unwrap().contains("too long"));
    assert!(rows[3]["error"].as_str().unwrap().contains("empty"));
    assert_eq!(rows[4]["id"], "e");
    assert!(rows[4]["codes"].is_array());
    let big = temp("big.csv", &format!("id,lang,context,reply\na,fi,{},moi\nb,fi,,moi\n", "y".repeat(70_000)));
    let out = bin().args(["code", "--batch"]).arg(&big).output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("longer than"), "{}", String::from_utf8_lossy(&out.stderr));
    let _ = std::fs::remove_file(f);
    let _ = std::fs::remove_file(big);
}
