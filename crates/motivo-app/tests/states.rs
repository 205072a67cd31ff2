//! Headless Bevy tests: actions move the `Screen` state, saving and resuming (MinimalPlugins, no window).

mod common;

use bevy::prelude::*;
use bevy::state::app::StatesPlugin;
use motivo_app::model::{Action, AppModel, Saved, Screen};
use motivo_app::persist::{self, FileStore, Store};
use motivo_app::{AppCorePlugin, Storage, UiAction};

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
    let saved = persist::load(&store);
    assert_eq!(saved.progress.values().map(|p| p.completed).sum::<u32>(), 1);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_bundled_course_loads_in_the_app() {
    let m = AppModel::bundled(saved("fi"), false);
    assert!(m.load_errors.is_empty(), "{:?}", m.load_errors);
    assert!(!m.scenarios.is_empty());
    assert!(m.modules().iter().all(|(_, list)| !list.is_empty()));
}
