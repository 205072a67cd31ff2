//! Headless Bevy tests: actions move the `Screen` state, saving and resuming (MinimalPlugins, no window).

mod common;

use bevy::prelude::*;
use bevy::state::app::StatesPlugin;
use motivo_app::model::{Action, AppModel, Saved, Screen};
use motivo_app::persist::{self, FileStore, Store};
use motivo_app::record::{Recorder, Recording};
use motivo_app::{AppCorePlugin, Storage, UiAction};
use motivo_store::FileBackend;

use common::*;

fn app(model: AppModel, store: Option<FileStore>) -> App {
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin));
    app.insert_resource(model);
    if let Some(s) = store {
        app.insert_resource(Storage(Box::new(s)));
    }
    app.add_plugins(AppCorePlugin);
    app.update();
    app
}

fn act(app: &mut App, a: Action) {
    app.world_mut().write_message(UiAction(a));
    app.update(); // the action is carried out, NextState queued
    app.update(); // the state transition applies
}

fn screen(app: &App) -> Screen {
    *app.world().resource::<State<Screen>>().get()
}

#[test]
fn actions_walk_through_the_screens() {
    let m = model("fi");
    let id = first_id(&m);
    let mut app = app(m, None);
    assert_eq!(screen(&app), Screen::Start);
    act(&mut app, Action::OpenScenario(id));
    assert_eq!(screen(&app), Screen::Intro);
    act(&mut app, Action::StartScenario);
    assert_eq!(screen(&app), Screen::Conversation);
    act(&mut app, Action::OpenSettings);
    assert_eq!(screen(&app), Screen::Settings);
    act(&mut app, Action::CloseSettings);
    assert_eq!(screen(&app), Screen::Conversation);
    act(&mut app, Action::Choose(0));
    assert_eq!(screen(&app), Screen::Conversation);
    act(&mut app, Action::OpenReport);
    assert_eq!(screen(&app), Screen::Report);
    act(&mut app, Action::TryAgain);
    assert_eq!(screen(&app), Screen::Conversation);
    act(&mut app, Action::ToStart);
    assert_eq!(screen(&app), Screen::Start);
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("motivo-app-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    d
}

#[test]
fn closing_mid_conversation_and_reopening_resumes_it() {
    let dir = temp_dir("resume");
    let store = FileStore { dir: dir.clone() };
    let m = model("en");
    let id = first_id(&m);
    let mut a = app(m, Some(store.clone()));
    act(&mut a, Action::SetHighContrast(true));
    act(&mut a, Action::OpenScenario(id.clone()));
    act(&mut a, Action::StartScenario);
    // The test scenario ends after one reply, so the save is checked before replying.
    drop(a);
    assert!(dir.join("session.json").exists());
    assert!(!dir.join(".session.json.tmp").exists(), "written atomically");

    let saved: Saved = persist::load(&store);
    assert!(saved.settings.high_contrast);
    assert_eq!(saved.settings.lang, "en");
    let reopened = AppModel::new(vec![small_scenario()], saved, false);
    assert_eq!(reopened.screen, Screen::Conversation);
    assert_eq!(reopened.session.as_ref().unwrap().scenario().id, id);
    let a = app(reopened, Some(store.clone()));
    assert_eq!(screen(&a), Screen::Conversation);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_finished_conversation_is_forgotten_after_the_report() {
    let dir = temp_dir("finished");
    let store = FileStore { dir: dir.clone() };
    let m = in_conversation("fi");
    let mut a = app(m, Some(store.clone()));
    act(&mut a, Action::OpenScenario(String::new())); // unknown id: nothing happens
    act(&mut a, Action::Choose(0));
    act(&mut a, Action::OpenReport);
    act(&mut a, Action::ToStart);
    assert_eq!(screen(&a), Screen::Start);
    assert!(store.load("session").is_none());
    let _ = std::fs::remove_dir_all(&dir);
}

fn recording_app(model: AppModel, dir: &std::path::Path) -> App {
    let mut a = app(model, None);
    a.insert_resource(Recording(Some(Recorder::new(FileBackend::new(dir)))));
    a
}

fn model_of(a: &App) -> &AppModel {
    a.world().resource::<AppModel>()
}

#[test]
fn a_finished_play_is_recorded_in_the_progress_store_the_cli_reads() {
    let dir = temp_dir("record");
    let mut m = course_model("fi");
    m.apply(Action::OpenScenario("pieni".into()), None);
    m.apply(Action::StartScenario, None);
    let mut a = recording_app(m, &dir);
    act(&mut a, Action::Choose(0));
    // The same store `motivo progress` reads, in its format.
    let store = motivo_store::Store::new(FileBackend::new(&dir));
    let loaded = store.load().unwrap();
    assert!(loaded.problem.is_none());
    assert_eq!(loaded.progress.attempts.len(), 1);
    let attempt = &loaded.progress.attempts[0];
    assert_eq!((attempt.scenario.as_str(), attempt.replies.len()), ("pieni", 1));
    assert_eq!(attempt.replies[0].option, Some(1));
    assert!(attempt.summary.finished);
    let m = model_of(&a);
    assert_eq!(m.recorded_attempt, Some(attempt.id));
    assert!(m.to_record.is_none());
    let status = m.overview.as_ref().unwrap().scenario("pieni").unwrap();
    assert_eq!(status.attempts, 1);
    // No LRS is configured, so no xAPI statements are queued.
    assert!(!dir.join("outbox.json").exists(), "no outbox without an LRS");
    // Opening the report records nothing more; another play is a second attempt with a trend of two.
    act(&mut a, Action::OpenReport);
    assert_eq!(store.load().unwrap().progress.attempts.len(), 1);
    act(&mut a, Action::TryAgain);
    act(&mut a, Action::Choose(1));
    assert_eq!(store.load().unwrap().progress.attempts.len(), 2);
    let trend = model_of(&a).trend().expect("a trend");
    assert_eq!(trend.points.len(), 2);
    assert_eq!(model_of(&a).overview.as_ref().unwrap().scenario("pieni").unwrap().attempts, 2);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_damaged_progress_file_is_reported_kept_and_set_aside_before_the_next_play() {
    let dir = temp_dir("damaged");
    std::fs::create_dir_all(&dir).unwrap();
    let damaged = b"(schema: 1, attempts: [(id: 1, uid: \"a\"".to_vec();
    std::fs::write(dir.join(motivo_store::MAIN), &damaged).unwrap();
    let recorder = Recorder::new(FileBackend::new(&dir));
    let (progress, notices) = recorder.load(motivo_engine::Lang::Fi);
    assert!(progress.attempts.is_empty());
    assert_eq!(notices.len(), 1);
    assert!(notices[0].contains("vioittunut"), "{}", notices[0]);
    let mut saved = saved("fi");
    saved.notices = notices;
    let mut m = AppModel::new(vec![small_scenario()], saved, false);
    m.set_course(test_course());
    assert_eq!(m.store_notices.len(), 1, "the start screen shows it");
    // Loading wrote nothing.
    assert_eq!(std::fs::read(dir.join(motivo_store::MAIN)).unwrap(), damaged);
    m.apply(Action::OpenScenario("pieni".into()), None);
    m.apply(Action::StartScenario, None);
    let mut a = recording_app(m, &dir);
    act(&mut a, Action::Choose(0));
    let aside: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.starts_with(motivo_store::CORRUPT_PREFIX))
        .collect();
    assert_eq!(aside.len(), 1);
    assert_eq!(std::fs::read(dir.join(&aside[0])).unwrap(), damaged, "kept byte for byte");
    let m = model_of(&a);
    assert_eq!(m.progress.attempts.len(), 1);
    assert!(m.store_notices.iter().any(|n| n.contains(motivo_store::CORRUPT_PREFIX)), "{:?}", m.store_notices);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_bundled_course_loads_in_the_app() {
    let m = AppModel::bundled(saved("fi"), false);
    assert!(m.load_errors.is_empty(), "{:?}", m.load_errors);
    assert!(!m.scenarios.is_empty());
    assert!(m.modules().iter().all(|(_, list)| !list.is_empty()));
}

#[test]
fn a_complete_course_gives_a_printable_certificate_with_the_name() {
    let dir = temp_dir("certificate");
    let mut m = course_model("fi");
    // Not complete yet: no certificate.
    assert!(!m.apply(Action::SaveCertificate("Maija".into()), None));
    // Mastery needs the learner's own words: write, then pick.
    m.has_coder = true;
    m.apply(Action::OpenScenario("pieni".into()), None);
    m.apply(Action::StartScenario, None);
    let mut a = recording_app(m, &dir);
    a.insert_resource(motivo_app::Coder(Some(Box::new(FakeCoder))));
    act(&mut a, Action::SendTextThenChoose("Koneet tuntuvat sinusta vierailta.".into(), 0));
    assert!(model_of(&a).overview.as_ref().unwrap().complete, "the test course has one module with one scenario");
    act(&mut a, Action::SaveCertificate("  Maija Meikäläinen ".into()));
    let html = std::fs::read_to_string(dir.join("todistus.html")).unwrap();
    assert!(html.contains("Maija Meikäläinen") && html.contains("Todistus") && html.contains("Testikurssi"));
    let notice = model_of(&a).certificate_notice.clone().unwrap();
    assert!(notice.contains("todistus.html"), "{notice}");
    // The name is remembered in the progress file, for the next certificate and for `motivo progress`.
    let store = motivo_store::Store::new(FileBackend::new(&dir));
    assert_eq!(store.load().unwrap().progress.learner.as_deref(), Some("Maija Meikäläinen"));
    let _ = std::fs::remove_dir_all(&dir);
}

// ---- Trainer mode -------------------------------------------------------------------------------------------

const SMALL: &str = include_str!("fixtures/small.ron");

/// The model in trainer mode on `file` (written with `text`), with the file watch polling every 20 ms.
fn trainer_app(dir: &std::path::Path, text: &str, record_to: Option<&std::path::Path>) -> (App, std::path::PathBuf) {
    std::fs::create_dir_all(dir).unwrap();
    let file = dir.join("draft.ron");
    std::fs::write(&file, text).unwrap();
    let mut m = model("fi");
    m.open_trainer_file(&file.display().to_string(), text.as_bytes(), None);
    let mut a = match record_to {
        Some(d) => recording_app(m, d),
        None => app(m, None),
    };
    a.add_plugins(motivo_app::trainer::TrainerPlugin {
        path: file.clone(),
        poll: std::time::Duration::from_millis(20),
    });
    a.update();
    (a, file)
}

/// Updates the app until `done` holds (at most 5 s).
fn wait_for(a: &mut App, done: impl Fn(&AppModel) -> bool) -> bool {
    for _ in 0..250 {
        a.update();
        if done(model_of(a)) {
            return true;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    false
}

/// The newest client line in the model's conversation.
fn newest_line(m: &AppModel) -> String {
    motivo_app::model::transcript(m.session.as_ref().unwrap(), 0).last().unwrap().text.clone()
}

/// A test edits the open scenario file and the app shows the new text without a restart, keeping the
/// conversation (the same reply played again); a broken save keeps the last good version with located
/// diagnostics; a save that removes the reply's option restarts at the same node.
#[test]
fn trainer_mode_loads_the_file_again_when_it_is_saved() {
    let dir = temp_dir("trainer-reload");
    let (mut a, file) = trainer_app(&dir, SMALL, None);
    assert_eq!(model_of(&a).screen, Screen::Intro);
    act(&mut a, Action::StartScenario);
    assert_eq!(newest_line(model_of(&a)), "En mä osaa näitä koneita.");
    act(&mut a, Action::Choose(0));
    let replied = model_of(&a).session.as_ref().unwrap().history()[0].reply.clone();
    let ending = newest_line(model_of(&a));

    // A new wording of both endings' lines: the conversation is replayed and shows it.
    let edited = SMALL.replace("Ehkä kokeilen.", "No, ehkä minä kokeilen.").replace("En jaksa.", "Ei jaksa nyt.");
    std::fs::write(&file, &edited).unwrap();
    assert!(wait_for(&mut a, |m| m.trainer.as_ref().unwrap().loads == 2), "the saved file was loaded again");
    let m = model_of(&a);
    let s = m.session.as_ref().unwrap();
    assert_eq!(s.history().len(), 1, "the conversation is kept");
    assert_eq!(s.history()[0].reply, replied);
    assert_ne!(newest_line(m), ending);
    assert!(["No, ehkä minä kokeilen.", "Ei jaksa nyt."].contains(&newest_line(m).as_str()), "{}", newest_line(m));
    assert_eq!(m.trainer.as_ref().unwrap().reload, Some(motivo_app::model::Reload::Kept { replies: 1 }));

    // A broken save: located errors, and the last good version stays in play.
    std::fs::write(&file, edited.replace("start: \"alku\"", "start: \"alku")).unwrap();
    assert!(wait_for(&mut a, |m| m.trainer.as_ref().unwrap().loads == 3));
    let t = model_of(&a).trainer.clone().unwrap();
    assert!(t.has_errors());
    let d = t.diagnostics.iter().find(|d| d.is_error()).unwrap();
    assert!(d.location.line > 1, "located: {d:?}");
    assert_eq!(model_of(&a).session.as_ref().unwrap().history().len(), 1);

    // The option the reply took is gone: restarted at the node the conversation was at.
    act(&mut a, Action::TryAgain);
    act(&mut a, Action::Choose(0));
    let taken = match &model_of(&a).session.as_ref().unwrap().history()[0].reply {
        motivo_engine::runtime::ReplyKind::Option { index } => *index,
        other => panic!("{other:?}"),
    };
    let gone = if taken == 0 { "Koneet tuntuvat vierailta." } else { "Kyllä sinun pitää oppia." };
    let without = drop_option(&edited, gone);
    std::fs::write(&file, without).unwrap();
    assert!(wait_for(&mut a, |m| m.trainer.as_ref().unwrap().loads == 4));
    let m = model_of(&a);
    let t = m.trainer.as_ref().unwrap();
    assert!(!t.has_errors(), "{:?}", t.diagnostics);
    assert!(
        matches!(&t.reload, Some(motivo_app::model::Reload::RestartedAt { node, failed: 0 }) if node == "loppu" || node == "pois"),
        "{:?}",
        t.reload
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// The fixture without the option whose Finnish text is `fi` (its whole `( … ),` entry).
fn drop_option(text: &str, fi: &str) -> String {
    let at = text.find(fi).expect("the option is in the fixture");
    let start = text[..at].rfind("(text:").expect("the option starts");
    let end = at + text[at..].find("),\n").expect("the option ends") + 3;
    format!("{}{}", &text[..start], &text[end..])
}

/// Plays in trainer mode are never recorded as course progress, also with a recorder installed, and a jump to a
/// node with a preset state plays from there with that state.
#[test]
fn trainer_plays_are_never_recorded() {
    let dir = temp_dir("trainer-record");
    let data = dir.join("data");
    let (mut a, _) = trainer_app(&dir, SMALL, Some(&data));
    act(&mut a, Action::StartScenario);
    act(&mut a, Action::Choose(0));
    assert!(model_of(&a).session.as_ref().unwrap().is_finished());
    act(&mut a, Action::OpenReport);
    let mut client = model_of(&a).scenario("pieni").unwrap().start_state;
    client.discord = 6.0;
    let flags: std::collections::BTreeSet<String> = ["heard".to_owned()].into();
    act(&mut a, Action::TrainerJump { node: "alku".into(), client, flags: flags.clone() });
    let m = model_of(&a);
    assert_eq!(m.screen, Screen::Conversation);
    let cur = &m.session.as_ref().unwrap().state().current;
    assert_eq!((cur.node.as_str(), cur.client.discord, &cur.flags), ("alku", 6.0, &flags));
    assert_eq!(newest_line(m), "Taas tätä.", "the line for discord >= 5");
    act(&mut a, Action::Choose(0));
    let m = model_of(&a);
    assert!(m.to_record.is_none() && m.recorded_attempt.is_none());
    let loaded = motivo_store::Store::new(FileBackend::new(&data)).load().unwrap();
    assert!(loaded.progress.attempts.is_empty(), "nothing recorded: {:?}", loaded.progress.attempts);
    // The same play outside trainer mode is recorded (the test would notice a recorder that never records).
    let mut m = in_conversation("fi");
    m.apply(Action::Choose(0), None);
    assert!(m.to_record.is_some());
    let _ = std::fs::remove_dir_all(&dir);
}
