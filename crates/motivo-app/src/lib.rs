//! Motivo's learner app: Bevy + bevy_egui, desktop and web.
//!
//! Layout (bevy_new_2d style): [`model`] holds the app's state and carries out [`model::Action`]s with no Bevy
//! systems and no drawing; [`ui`] draws each screen as a pure egui function `fn(&mut Ui, &AppModel) ->
//! Option<Action>`; [`screens`] has one Bevy plugin per screen that runs its view function while the
//! [`model::Screen`] state is active; [`AppCorePlugin`] turns actions into model changes, state transitions and
//! saves. [`i18n`] embeds every `assets/i18n/*.ftl`; [`persist`] saves settings and the open conversation to
//! files or `localStorage`; [`record`] records finished plays in the progress store shared with the command
//! line (and queues their xAPI statements); [`lms`] reports to an LMS when the web build runs as a SCORM package;
//! [`trainer`] watches a scenario file opened in trainer mode (`--scenario FILE.ron`) and loads it again when saved.

pub mod capture;
pub mod certificate;
pub mod i18n;
pub mod lms;
pub mod model;
pub mod persist;
pub mod record;
pub mod redraw;
pub mod screens;
#[cfg(not(target_family = "wasm"))]
pub mod trainer;
pub mod ui;

use std::path::PathBuf;
use std::process::ExitCode;

use bevy::prelude::*;
use motivo_engine::ReplyCoder;

pub use model::{Action, AppModel, Screen, Settings};

/// How `motivo` (with no subcommand) opens the app.
#[derive(Debug, Clone, Default)]
pub struct AppOptions {
    /// Play `script` (if any), save a screenshot here and exit.
    pub capture: Option<PathBuf>,
    /// A bundled scenario's id, or (on the desktop) a scenario file to open in trainer mode: a path ending in
    /// `.ron` or naming an existing file.
    pub scenario: Option<String>,
    /// The UI language: the code of an embedded language file or of one found in an i18n directory.
    pub lang: Option<String>,
    /// A directory of extra UI language files (`<code>.ftl`), before `MOTIVO_I18N_DIR` and `<data dir>/i18n/`.
    pub i18n: Option<PathBuf>,
    pub script: Option<PathBuf>,
    /// Start `scenario` and play this script (the `motivo play --script` format) as soon as the app opens,
    /// recording the play like any other. The web build takes it from the page address (`?scenario=ID&script=…`),
    /// which is how the SCORM test drives the app.
    pub autoplay: Option<String>,
    /// Text size in percent (75–200), overriding the saved setting.
    pub text_size: Option<u32>,
    /// High contrast on, overriding the saved setting.
    pub high_contrast: bool,
    /// The window's size in logical pixels (default 1280×800).
    pub window: Option<(u32, u32)>,
}

impl AppOptions {
    /// The scenario file `scenario` names, when it names a file rather than a bundled scenario (desktop only).
    pub fn scenario_file(&self) -> Option<PathBuf> {
        let s = self.scenario.as_deref()?;
        let p = PathBuf::from(s);
        let file = cfg!(not(target_family = "wasm")) && (p.extension().is_some_and(|e| e == "ron") || p.is_file());
        file.then_some(p)
    }

    /// The directories UI language files are read from, first first: `--i18n`, `MOTIVO_I18N_DIR`, and on the
    /// desktop `<data dir>/i18n/`.
    pub fn i18n_dirs(&self) -> Vec<PathBuf> {
        let mut dirs: Vec<PathBuf> = self.i18n.iter().cloned().collect();
        if let Some(d) = std::env::var_os("MOTIVO_I18N_DIR").filter(|d| !d.is_empty()) {
            dirs.push(d.into());
        }
        #[cfg(not(target_family = "wasm"))]
        if let Ok(d) = motivo_store::default_dir() {
            dirs.push(d.join("i18n"));
        }
        dirs
    }

    /// Parses `--window WxH`.
    pub fn parse_window(s: &str) -> Result<(u32, u32), String> {
        let bad = || format!("`{s}` is not a window size; use WIDTHxHEIGHT, e.g. 1024x768");
        let (w, h) = s.split_once(['x', 'X', '×']).ok_or_else(bad)?;
        let (w, h) = (w.trim().parse::<u32>().map_err(|_| bad())?, h.trim().parse::<u32>().map_err(|_| bad())?);
        if !(320..=8192).contains(&w) || !(240..=8192).contains(&h) {
            return Err(format!("window size {w}x{h} is out of range (320x240 to 8192x8192)"));
        }
        Ok((w, h))
    }

    /// Parses `--text-size PERCENT` (the sizes the settings offer, 75–200).
    pub fn parse_text_size(s: &str) -> Result<u32, String> {
        let pct =
            s.trim().trim_end_matches('%').trim().parse::<u32>().map_err(|_| format!("`{s}` is not a percentage"))?;
        let (lo, hi) = ((Settings::MIN_SCALE * 100.0) as u32, (Settings::MAX_SCALE * 100.0) as u32);
        if !(lo..=hi).contains(&pct) {
            return Err(format!("text size {pct} % is out of range ({lo}–{hi} %)"));
        }
        Ok(pct)
    }
}

/// The coder of typed replies (none: typed replies are off and every turn is answered by picking an option).
#[derive(Resource, Default)]
pub struct Coder(pub Option<Box<dyn ReplyCoder + Send + Sync>>);

/// Where the app saves.
#[derive(Resource)]
pub struct Storage(pub Box<dyn persist::Store>);

/// An action from a screen, to be carried out by [`AppCorePlugin`].
#[derive(Message, Debug, Clone, PartialEq)]
pub struct UiAction(pub Action);

/// Frames still to draw after a change, so the new state shows even with reactive (on-input) updates.
#[derive(Resource, Default)]
pub struct RepaintFrames(pub u32);

/// The app's logic without windows or drawing: the screen state, actions, saving. Headless tests use this with
/// `MinimalPlugins` and `StatesPlugin`; the app needs an [`AppModel`] resource inserted first.
pub struct AppCorePlugin;

impl Plugin for AppCorePlugin {
    fn build(&self, app: &mut App) {
        let initial = app.world().get_resource::<AppModel>().map(|m| m.screen).unwrap_or_default();
        app.insert_state(initial);
        app.add_message::<UiAction>();
        app.init_resource::<Coder>();
        app.init_resource::<RepaintFrames>();
        if !app.world().contains_resource::<Storage>() {
            app.insert_resource(Storage(Box::new(persist::NoStore)));
        }
        app.init_resource::<record::Recording>();
        if !app.world().contains_resource::<lms::Lms>() {
            app.insert_resource(lms::Lms::none());
        }
        app.add_systems(Update, handle_actions);
    }
}

/// Carries out the screens' actions, follows the model's screen with the Bevy state, and saves.
// A Bevy system: each parameter is a resource it needs.
#[allow(clippy::too_many_arguments)]
pub fn handle_actions(
    mut actions: MessageReader<UiAction>,
    mut model: ResMut<AppModel>,
    coder: Res<Coder>,
    storage: Res<Storage>,
    recording: Res<record::Recording>,
    lms: Res<lms::Lms>,
    state: Res<State<Screen>>,
    mut next: ResMut<NextState<Screen>>,
    mut repaint: ResMut<RepaintFrames>,
) {
    let mut any = false;
    for UiAction(a) in actions.read() {
        let coder = coder.0.as_deref().map(|c| c as &dyn ReplyCoder);
        model.apply(a.clone(), coder);
        any = true;
    }
    if !any {
        return;
    }
    repaint.0 = 3;
    // Record a finished play before the session is saved, so closing the app right after never loses it.
    record::flush(&mut model, recording.0.as_ref(), &lms);
    if model.certificate_request.is_some() {
        certificate::write(&mut model, recording.0.as_ref());
    }
    if model.screen != *state.get() {
        info!("screen: {:?}", model.screen);
        next.set(model.screen);
    }
    if model.dirty {
        model.dirty = false;
        if let Err(e) = persist::save(storage.0.as_ref(), &model) {
            warn!("could not save: {e}");
        }
    }
}

/// The whole app: window, egui, screens.
pub struct MotivoPlugin;

impl Plugin for MotivoPlugin {
    fn build(&self, app: &mut App) {
        app.add_plugins(AppCorePlugin);
        app.add_plugins(bevy_egui::EguiPlugin::default());
        app.add_systems(Startup, |mut commands: Commands| {
            commands.spawn(Camera2d);
        });
        app.add_plugins(screens::plugin);
        app.add_plugins(redraw::RedrawPlugin);
    }
}

/// The coder the app uses for typed replies (`None`, which turns the free-text box off, only if the embedded
/// weights fail to load).
pub fn default_coder() -> Option<Box<dyn ReplyCoder + Send + Sync>> {
    // The weights are compiled in; a failure is a build defect, and the app then offers options only.
    match motivo_engine::coder::Coder::bundled() {
        Ok(c) => Some(Box::new(c)),
        Err(e) => {
            bevy::log::error!("the reply coder could not be loaded: {e:?}");
            None
        }
    }
}

/// Opens the app (or, with `capture`, plays the script, saves a screenshot and exits).
pub fn run(options: AppOptions) -> ExitCode {
    let capture = options.capture.is_some();
    // UI languages: the embedded files, then those found in the i18n directories (earlier directories win).
    #[cfg_attr(target_family = "wasm", allow(unused_mut))]
    let mut locales = i18n::Locales::embedded();
    #[cfg_attr(target_family = "wasm", allow(unused_mut))]
    let mut locale_errors: Vec<i18n::LocaleError> = Vec::new();
    #[cfg(not(target_family = "wasm"))]
    for dir in options.i18n_dirs().iter().rev() {
        locale_errors.extend(locales.add_dir(dir));
    }
    if let Some(code) = &options.lang
        && !locales.has(code)
    {
        let known: Vec<String> = locales.available().into_iter().map(|(c, _)| c).collect();
        eprintln!("motivo: there is no UI language `{code}` (there are: {})", known.join(", "));
        return ExitCode::from(2);
    }
    let trainer_file = options.scenario_file();
    let trainer_bytes = match &trainer_file {
        Some(p) => match std::fs::read(p) {
            Ok(b) => Some(b),
            Err(e) => {
                eprintln!("motivo: cannot read {}: {e}", p.display());
                return ExitCode::from(2);
            }
        },
        None => None,
    };
    // Trainer mode records nothing and reports nothing: its plays are tests of a scenario being written.
    let trainer = trainer_bytes.is_some();
    // Capture mode reads the saved settings (text size, contrast, feedback mode) but no session or progress, and
    // saves nothing.
    let mut saved = persist::load(persist::platform_store().as_ref());
    let store: Box<dyn persist::Store> = if capture { Box::new(persist::NoStore) } else { persist::platform_store() };
    if capture || trainer {
        saved.session = None;
    }
    if let Some(lang) = &options.lang {
        saved.settings.lang = lang.clone();
    }
    if let Some(pct) = options.text_size {
        saved.settings.text_scale = pct as f32 / 100.0;
    }
    if options.high_contrast {
        saved.settings.high_contrast = true;
    }
    let ui_lang = locales.strings(&saved.settings.lang).content_lang();
    let (recorder, lms) = match motivo_store::platform_backend() {
        Ok(b) => (Some(record::Recorder::new(b)), if capture { lms::Lms::none() } else { lms::Lms::connect() }),
        Err(e) => {
            saved.notices.push(e.to_string());
            (None, lms::Lms::none())
        }
    };
    // Loading never writes (capture mode shows the progress too, and records nothing).
    if let Some(r) = &recorder {
        let (progress, notices) = r.load(ui_lang);
        saved.progress = progress;
        saved.notices.extend(notices);
    }
    let recorder = recorder.filter(|_| !capture && !trainer);
    let lms = if trainer { lms::Lms::none() } else { lms };
    // In an LMS, the progress it kept (another browser, a cleared cache) joins the local progress.
    match lms.resumed_progress() {
        Some(Ok(kept)) => {
            let merge = |p: &mut motivo_course::Progress| motivo_course::scorm::merge(p, &kept);
            // Saved locally only when the LMS had something new, and merged into the file as it is now.
            if merge(&mut saved.progress) > 0
                && let Some(r) = &recorder
            {
                match r.store.update(merge) {
                    Ok((_, progress)) => saved.progress = progress,
                    Err(e) => warn!("the progress kept by the LMS was not saved locally: {e}"),
                }
            }
        }
        Some(Err(e)) => warn!("the progress kept by the LMS could not be read: {e}"),
        None => {}
    }
    let coder = default_coder();
    let mut model = AppModel::bundled_in(std::sync::Arc::new(locales), saved, coder.is_some());
    model.load_errors.extend(locale_errors.iter().map(|e| e.message(&model.strings)));
    if let (Some(path), Some(bytes)) = (&trainer_file, &trainer_bytes) {
        let c = coder.as_deref().map(|c| c as &dyn ReplyCoder);
        model.open_trainer_file(&path.display().to_string(), bytes, c);
        if capture && model.trainer.as_ref().is_some_and(|t| t.has_errors()) {
            // A capture of a file with errors shows them on the start screen.
            model.screen = Screen::Start;
        }
    } else if let Some(id) = &options.scenario {
        if model.scenario(id).is_none() {
            eprintln!("motivo: there is no bundled scenario `{id}`; `motivo list` shows them");
            return ExitCode::from(2);
        }
        if !model.resumable() || model.selected.as_deref() != Some(id) {
            model.apply(Action::OpenScenario(id.clone()), None);
        }
    }
    if capture {
        let script = match &options.script {
            Some(p) => match std::fs::read_to_string(p) {
                Ok(t) => t,
                Err(e) => {
                    eprintln!("motivo: cannot read {}: {e}", p.display());
                    return ExitCode::from(2);
                }
            },
            None => String::new(),
        };
        if let Err(e) = capture::prepare(&mut model, &script, coder.as_deref().map(|c| c as &dyn ReplyCoder)) {
            eprintln!("motivo: {e}");
            return ExitCode::from(2);
        }
    }
    if let (Some(script), false) = (&options.autoplay, capture) {
        let c = coder.as_deref().map(|c| c as &dyn ReplyCoder);
        if let Err(e) = capture::prepare(&mut model, script, c) {
            warn!("the start-up script was not played: {e}");
        }
        record::flush(&mut model, recorder.as_ref(), &lms);
    }
    if let Some(course) = model.course.clone() {
        let location = model.selected.clone().unwrap_or_default();
        lms.report(&course, &model.known, &model.progress, &location);
    }
    model.dirty = false;
    if !capture {
        // Write back at once: a fresh install gets its files (or localStorage keys) and old ones are normalised.
        if let Err(e) = persist::save(store.as_ref(), &model) {
            eprintln!("motivo: cannot save in the data directory: {e}");
        }
    }

    let title = model.strings.get("window-title");
    let mut app = App::new();
    app.add_plugins(
        DefaultPlugins
            .set(WindowPlugin {
                primary_window: Some(Window {
                    title,
                    resolution: options.window.unwrap_or((1280, 800)).into(),
                    canvas: Some("#motivo-canvas".into()),
                    fit_canvas_to_parent: true,
                    ..default()
                }),
                ..default()
            })
            .set(bevy::asset::AssetPlugin { meta_check: bevy::asset::AssetMetaCheck::Never, ..default() }),
    );
    app.insert_resource(model);
    app.insert_resource(Storage(store));
    app.insert_resource(Coder(coder));
    app.insert_resource(record::Recording(recorder));
    app.insert_resource(lms);
    app.insert_resource(ClearColor(Color::srgb(0.97, 0.97, 0.98)));
    app.insert_resource(if capture { bevy::winit::WinitSettings::continuous() } else { redraw::settings() });
    app.add_plugins(MotivoPlugin);
    #[cfg(not(target_family = "wasm"))]
    if let (Some(path), false) = (trainer_file, capture) {
        app.add_plugins(trainer::TrainerPlugin { path, poll: trainer::POLL });
    }
    if let Some(out) = options.capture {
        app.add_plugins(capture::CapturePlugin { out });
    }
    match app.run() {
        AppExit::Success => ExitCode::SUCCESS,
        AppExit::Error(code) => ExitCode::from(code.get()),
    }
}
