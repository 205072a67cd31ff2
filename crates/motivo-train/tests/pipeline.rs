#![cfg(feature = "train")]
//! End-to-end: train on a tiny made-up corpus, load the weights into the engine's coder, code and evaluate.

use std::path::PathBuf;

use motivo_engine::Code;
use motivo_engine::coder::Coder;
use motivo_train::data::{self, read_replies};
use motivo_train::eval::{code_example, score_codes};
use motivo_train::train::{Options, train};

fn temp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("motivo-train-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

const ANNOMI_HEADER: &str = "mi_quality,transcript_id,video_title,video_url,topic,utterance_id,interlocutor,timestamp,utterance_text,annotator_id,therapist_input_exists,therapist_input_subtype,reflection_exists,reflection_subtype,question_exists,question_subtype,main_therapist_behaviour,client_talk_type\n";

fn annomi_row(t: u32, u: u32, who: &str, text: &str, label: &str, qsub: &str, rsub: &str) -> String {
    format!("high,{t},v,u,topic,{u},{who},00:00:00,\"{text}\",1,n/a,n/a,n/a,{rsub},n/a,{qsub},{label},n/a\n")
}

fn write_corpus(dir: &std::path::Path) {
    let annomi = dir.join("annomi");
    std::fs::create_dir_all(&annomi).unwrap();
    let mut s = String::from(ANNOMI_HEADER);
    let mut u = 0;
    for t in 1..5u32 {
        for (text, label, q, r) in [
            ("What brings you here today?", "question", "open", "n/a"),
            ("How do you feel about that?", "question", "open", "n/a"),
            ("Do you drink every day?", "question", "closed", "n/a"),
            ("So you feel stuck right now.", "reflection", "n/a", "complex"),
            ("You drink most nights.", "reflection", "n/a", "simple"),
            ("Okay. Thanks for coming.", "other", "n/a", "n/a"),
        ] {
            s += &annomi_row(t, u, "client", "I drink most nights and I feel stuck.", "n/a", "n/a", "n/a");
            s += &annomi_row(t, u + 1, "therapist", text, label, q, r);
            u += 2;
        }
    }
    std::fs::write(annomi.join("AnnoMI-full.csv"), s).unwrap();
    let own = dir.join("own");
    std::fs::create_dir_all(&own).unwrap();
    let mut o = String::from("id,lang,context,reply,codes\n");
    for i in 0..4 {
        o += &format!("a{i},fi,Mä en tiiä.,Mitä sä ajattelet tästä?,OQ\n");
        o += &format!("b{i},fi,Mä en tiiä.,Sä päätät itse.,EMPH\n");
        o += &format!("c{i},fi,Mä en tiiä.,Saanko kertoa yhden asian?,SEEK\n");
        o += &format!("d{i},fi,Moi.,Hei!,NONE\n");
    }
    std::fs::write(own.join("own.csv"), o).unwrap();
}

#[test]
fn trains_loads_codes_and_evaluates() {
    let dir = temp_dir("pipeline");
    write_corpus(&dir);
    let opts =
        Options { data: dir.clone(), own: dir.join("own"), min_df: 1, max_iterations: 100, ..Options::default() };
    let (weights, summary) = train(&opts, &mut |_| {}).expect("training works");
    assert_eq!(summary.own_rows, 16);
    assert_eq!(summary.annomi_rows, 24);
    let bytes = weights.to_bytes();
    let coder = Coder::from_bytes(&bytes).expect("weights load");
    // Deterministic: training again gives the same bytes.
    let (again, _) = train(&opts, &mut |_| {}).unwrap();
    assert_eq!(again.to_bytes(), bytes);

    let csv = dir.join("gold.csv");
    std::fs::write(
        &csv,
        "id,lang,context,reply,codes,extra\nx,fi,Mä en tiiä.,Sä päätät itse.,EMPH,ignored\ny,fi,Moi.,Hei!,NONE,\n",
    )
    .unwrap();
    let rows = read_replies(&csv, true).unwrap();
    let pred: Vec<Vec<Code>> = rows.iter().map(|e| code_example(&coder, e).codes).collect();
    assert_eq!(pred, vec![vec![Code::EMPH], vec![Code::NONE]]);
    let gold: Vec<Vec<Code>> = rows.iter().map(|e| e.codes.clone()).collect();
    assert_eq!(score_codes(&gold, &pred).macro_f1, 1.0);
}

#[test]
fn annomi_split_keeps_held_out_transcripts_apart() {
    let dir = temp_dir("split");
    let mut s = String::from(ANNOMI_HEADER);
    for t in [4u32, 5, 10, 11] {
        s += &annomi_row(t, 0, "client", "hello", "n/a", "n/a", "n/a");
        s += &annomi_row(t, 1, "therapist", "What now?", "question", "open", "n/a");
    }
    std::fs::write(dir.join("AnnoMI-full.csv"), s).unwrap();
    let utts = data::read_annomi(&dir).unwrap();
    let test: Vec<String> = data::annomi_examples(&utts, true).into_iter().map(|e| e.id).collect();
    let train: Vec<String> = data::annomi_examples(&utts, false).into_iter().map(|e| e.id).collect();
    assert_eq!(test, vec!["annomi-5-1", "annomi-10-1"]);
    assert_eq!(train, vec!["annomi-4-1", "annomi-11-1"]);
    assert_eq!(data::annomi_examples(&utts, true)[0].context, "hello");
}

#[test]
fn bad_csv_files_are_clear_errors() {
    let dir = temp_dir("bad");
    let missing = read_replies(&dir.join("nope.csv"), false).unwrap_err().to_string();
    assert!(missing.contains("nope.csv"), "{missing}");
    let f = dir.join("cols.csv");
    std::fs::write(&f, "a,b\n1,2\n").unwrap();
    assert!(read_replies(&f, false).unwrap_err().to_string().contains("id, lang, context, reply"));
    std::fs::write(&f, "id,lang,context,reply\n1,de,x,y\n").unwrap();
    assert!(read_replies(&f, false).unwrap_err().to_string().contains("'de'"));
    // Swedish is a language of its own now.
    std::fs::write(&f, "id,lang,context,reply\n1,sv,x,y\n").unwrap();
    assert_eq!(read_replies(&f, false).expect("Swedish rows are read")[0].lang, motivo_engine::model::Lang::Sv);
    std::fs::write(&f, "id,lang,context,reply,codes\n1,fi,x,y,ZZ\n").unwrap();
    assert!(read_replies(&f, true).unwrap_err().to_string().contains("ZZ"));
    std::fs::write(&f, "id,lang,context,reply\n1,fi,x,y\n").unwrap();
    assert!(read_replies(&f, true).unwrap_err().to_string().contains("codes"));
    std::fs::write(&f, "id,lang,context,reply\n1,fi,x\n").unwrap();
    assert!(read_replies(&f, false).is_err(), "a short row is an error");
}
