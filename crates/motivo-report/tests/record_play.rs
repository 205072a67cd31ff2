//! `record_play`, the one way a finished play is recorded (the app and `motivo play`): the attempt goes into the
//! progress store under a store uid, and, with an LRS configured, its statements are built from that record and
//! queued under ids from the same uid, equal to the ones `catch_up` rebuilds later from the progress.

use std::path::PathBuf;
use std::sync::Arc;

use motivo_course::xapi::Timing;
use motivo_engine::{Lang, Report, Session};
use motivo_report::{Outbox, Settings, attempt_uuid, catch_up, record_play};
use motivo_store::{FileBackend, Store, Uid};

fn temp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("motivo-record-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// A bundled scenario played to its end, always the first shown option.
fn played() -> (Session, Report) {
    let scenario = motivo_engine::bundled::scenarios()
        .into_iter()
        .filter_map(Result::ok)
        .find(|s| s.id == "omakanta-resepti")
        .expect("bundled scenario");
    let mut s = Session::start(Arc::new(scenario), 5, Lang::Fi);
    while !s.is_finished() && !s.view().options.is_empty() {
        s.choose(0).unwrap();
    }
    let r = Report::of(&s);
    (s, r)
}

fn attempt_ids(statements: &[serde_json::Value]) -> Vec<String> {
    statements
        .iter()
        .map(|s| {
            let ext = s["context"]["extensions"].as_object().unwrap();
            ext.iter().find(|(k, _)| k.ends_with("/attempt")).unwrap().1.as_str().unwrap().to_owned()
        })
        .collect()
}

#[test]
fn a_play_is_recorded_and_its_statements_come_from_the_record() {
    let dir = temp_dir("lrs");
    let backend = FileBackend::new(&dir);
    Settings { endpoint: Some("http://127.0.0.1:9/xAPI".into()), ..Settings::default() }.save(&backend).unwrap();
    let store = Store::new(backend.clone());
    let (s, r) = played();
    let timing = Timing { started_ms: 1_800_000_000_789, duration_ms: 95_000 };

    let rec = record_play(&store, &s, &r, timing, true).unwrap();
    assert_eq!(rec.id, 1);
    let a = &rec.progress.attempts[0];
    let uid: Uid = a.uid.parse().expect("a store uid");
    assert_eq!(uid.seed, 5);
    assert_eq!((a.started.0, a.duration_ms, a.replies.len()), (1_800_000_000, 95_000, s.history().len()));
    let queued = rec.queued.expect("queuing was asked for");
    assert!(queued.lrs_configured);
    let outbox = Outbox::new(backend.clone());
    let live = outbox.load().unwrap();
    assert_eq!(queued.added, live.len());
    assert!(live.len() >= s.history().len() + 2, "initialized, one responded per reply, the end");
    let want = attempt_uuid(&a.uid).to_string();
    assert!(attempt_ids(&live).iter().all(|id| *id == want), "every statement is of the recorded attempt");
    assert_eq!(live[0]["timestamp"], "2027-01-15T08:00:00.000Z", "the start as recorded");

    // Rebuilt from the progress alone (a lost outbox): the very same statements.
    std::fs::remove_file(dir.join("outbox.json")).unwrap();
    let settings = Settings::load(&backend).unwrap();
    let progress = store.load().unwrap().progress;
    let caught = catch_up(&outbox, &settings, &progress).unwrap();
    assert_eq!((caught.attempts, caught.not_rebuilt), (1, 0));
    assert_eq!(outbox.load().unwrap(), live);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn without_an_lrs_or_queuing_only_the_progress_is_written() {
    for queue in [true, false] {
        let dir = temp_dir(if queue { "no-lrs" } else { "no-queue" });
        let store = Store::new(FileBackend::new(&dir));
        let (s, r) = played();
        let rec = record_play(&store, &s, &r, Timing { started_ms: 0, duration_ms: 1 }, queue).unwrap();
        assert_eq!(rec.progress.attempts.len(), 1);
        assert_eq!(rec.queued.is_some(), queue);
        assert!(rec.queued.is_none_or(|q| !q.lrs_configured && q.added == 0));
        assert!(rec.notices.is_empty(), "{:?}", rec.notices);
        assert!(dir.join("progress.ron").exists());
        assert!(!dir.join("outbox.json").exists(), "no xAPI without an LRS");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
