//! The app's state and everything it does, with no Bevy systems and no egui: screens show an [`AppModel`] and
//! return [`Action`]s, and [`AppModel::apply`] carries them out. Tests drive this directly.

use std::collections::BTreeSet;
use std::sync::Arc;

use bevy::prelude::{Resource, States};
use motivo_course::progress::Progress;
use motivo_course::{self as course, Course, KnownScenario, Overview, Trend};
use motivo_engine::coding::TextError;
use motivo_engine::diag::Diagnostic;
use motivo_engine::model::{ClientState, InputMode, Node};
use motivo_engine::runtime::{ReplyKind, Snapshot, shown_options};
use motivo_engine::script::ScriptLine;
use motivo_engine::{Lang, ReplyCoder, Report, RuntimeError, Scenario, Session, SessionState};
use serde::{Deserialize, Serialize};

use crate::i18n::{Locales, Strings};

/// What the app is showing.
#[derive(States, Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Screen {
    #[default]
    Start,
    Intro,
    Conversation,
    Report,
    Settings,
}

/// When the learner sees feedback on a reply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FeedbackMode {
    /// After every reply.
    #[default]
    Coach,
    /// Only in the report at the end.
    Exam,
}

/// How the learner prefers to answer. The authored `mode:` of a turn is the trainer's minimum: a turn written for
/// typing is typed even when the learner prefers picking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AnswerMode {
    /// Pick one of the options (a text box is still there at turns that accept typing).
    Pick,
    /// Write a reply first, then pick the option closest to it; the typed words are what is scored.
    #[default]
    WriteThenPick,
    /// Write freely (where a turn takes no typed reply, write and then pick the closest option).
    Write,
}

impl AnswerMode {
    pub const ALL: [AnswerMode; 3] = [AnswerMode::Pick, AnswerMode::WriteThenPick, AnswerMode::Write];

    /// The Fluent message id of its name (`…-help` is its explanation).
    pub fn key(self) -> &'static str {
        match self {
            AnswerMode::Pick => "answer-pick",
            AnswerMode::WriteThenPick => "answer-write-then-pick",
            AnswerMode::Write => "answer-write",
        }
    }

    /// The runtime's way of answering for this choice.
    pub fn input(self) -> InputMode {
        match self {
            AnswerMode::Pick => InputMode::Choice,
            AnswerMode::WriteThenPick => InputMode::WriteThenPick,
            AnswerMode::Write => InputMode::FreeText,
        }
    }
}

/// How the learner answers at the current turn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TurnInput {
    /// What the reply area asks for first.
    pub mode: InputMode,
    /// A text box is shown (the turn accepts a typed reply, or the mode writes first).
    pub text_box: bool,
    /// Typed text alone is a reply (the turn has typed routes and a coder is installed).
    pub typing: bool,
    /// Options are shown.
    pub options: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// UI language (an embedded Fluent file's code).
    pub lang: String,
    /// Text and UI scale (1.0 = normal).
    pub text_scale: f32,
    pub high_contrast: bool,
    pub feedback: FeedbackMode,
    /// How the learner prefers to answer (each scenario can differ: `scenario_answer`).
    pub answer: AnswerMode,
    /// The choice made on a scenario's intro screen, by scenario id.
    pub scenario_answer: std::collections::BTreeMap<String, AnswerMode>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            lang: crate::i18n::DEFAULT_LOCALE.to_owned(),
            text_scale: 1.0,
            high_contrast: false,
            feedback: FeedbackMode::Coach,
            answer: AnswerMode::default(),
            scenario_answer: Default::default(),
        }
    }
}

impl Settings {
    pub const MIN_SCALE: f32 = 0.75;
    pub const MAX_SCALE: f32 = 2.0;
}

/// A play that reached its ending and waits to be recorded (`record::flush`).
#[derive(Debug, Clone)]
pub struct Finished {
    pub session: Session,
    pub report: Report,
    pub started_ms: i64,
    pub duration_ms: u64,
}

impl Finished {
    pub fn seed(&self) -> u64 {
        self.session.state().seed
    }
}

/// The conversation as it was before a rewind, to show next to the new try.
#[derive(Debug, Clone)]
pub struct Compare {
    /// The 0-based reply the learner went back to.
    pub from_turn: usize,
    pub earlier: Session,
}

/// Everything the learner can do.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    SetLanguage(String),
    OpenScenario(String),
    StartScenario,
    ResumeScenario,
    Choose(usize),
    SendText(String),
    SendTextThenChoose(String, usize),
    /// Go back to just before reply `n` (0-based).
    Rewind(usize),
    CloseCompare,
    OpenReport,
    TryAgain,
    ToStart,
    OpenSettings,
    CloseSettings,
    SetTextScale(f32),
    SetHighContrast(bool),
    SetFeedbackMode(FeedbackMode),
    /// The learner's usual way of answering (settings).
    SetAnswerMode(AnswerMode),
    /// The way of answering in one scenario (its intro screen).
    SetScenarioAnswerMode(String, AnswerMode),
    /// Save (desktop) or download (web) the course certificate, with this name on it.
    SaveCertificate(String),
    /// Trainer mode: play from `node` with the client in state `client` and these flags set.
    TrainerJump {
        node: String,
        client: ClientState,
        flags: BTreeSet<String>,
    },
}

/// One chat bubble.
#[derive(Debug, Clone, PartialEq)]
pub struct Bubble {
    pub from_client: bool,
    pub text: String,
    /// For a learner reply: its 0-based number (what rewinding to it takes).
    pub turn: Option<usize>,
}

/// Trainer mode (`motivo --scenario FILE.ron`): a scenario file opened from disk and loaded again whenever it is
/// saved. The model never reads the file: the glue hands it the bytes ([`AppModel::load_trainer_file`]). Nothing
/// played in trainer mode is recorded as course progress, and the conversation is not saved for resuming.
#[derive(Debug, Clone, Default)]
pub struct Trainer {
    /// The file, as shown to the trainer.
    pub path: String,
    /// The id of the scenario the file held at its last good load.
    pub scenario_id: Option<String>,
    /// The diagnostics of the last load (with errors, the last good version stays in play).
    pub diagnostics: Vec<Diagnostic>,
    /// Loads so far (good or not).
    pub loads: u32,
    /// What the last good reload did to the conversation in progress.
    pub reload: Option<Reload>,
}

/// What reloading the file did to the conversation in progress.
#[derive(Debug, Clone, PartialEq)]
pub enum Reload {
    /// The same replies were played again on the new version: the conversation goes on where it was.
    Kept { replies: usize },
    /// Reply `failed` (0-based) could not be played again; the conversation restarted at the node it was at,
    /// with the client's state and flags it had.
    RestartedAt { node: String, failed: usize },
    /// Neither was possible (the node is gone): the conversation starts over.
    StartedOver,
}

impl Trainer {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

#[derive(Resource)]
pub struct AppModel {
    pub settings: Settings,
    /// Every UI language: the embedded files and those added from a directory at start.
    pub locales: Arc<Locales>,
    pub strings: Strings,
    pub scenarios: Vec<Arc<Scenario>>,
    /// Bundled scenarios that failed to load (a build defect, shown on the start screen).
    pub load_errors: Vec<String>,
    /// The scenario shown on the intro screen.
    pub selected: Option<String>,
    pub session: Option<Session>,
    pub compare: Option<Compare>,
    /// The course the scenarios belong to (the bundled one), for modules, outcomes and mastery.
    pub course: Option<Arc<Course>>,
    pub known: Vec<KnownScenario>,
    /// Every recorded attempt (the progress store shared with `motivo progress`).
    pub progress: Progress,
    /// Modules, outcomes and mastery from `course` and `progress`.
    pub overview: Option<Overview>,
    /// Messages about the progress store (a damaged or newer file, a failed save) for the start screen.
    pub store_notices: Vec<String>,
    /// The play that just finished, until it is recorded.
    pub to_record: Option<Finished>,
    /// The recorded attempt of the current session (the report shows its trend).
    pub recorded_attempt: Option<u64>,
    /// When the current session started (ms since the Unix epoch).
    pub started_ms: i64,
    /// A certificate to write (the learner's name), taken by [`crate::certificate::write`].
    pub certificate_request: Option<String>,
    /// Where the last certificate went, or why it could not be written.
    pub certificate_notice: Option<String>,
    pub screen: Screen,
    /// Where closing the settings returns to.
    pub settings_return: Screen,
    /// Whether typed replies can be coded (a coder is installed).
    pub has_coder: bool,
    /// A message about the last action (a reply that was not accepted).
    pub notice: Option<String>,
    /// Set when settings, progress or the session changed and should be saved.
    pub dirty: bool,
    /// Trainer mode: the scenario file being written (nothing is recorded while it is on).
    pub trainer: Option<Trainer>,
}

impl std::fmt::Debug for AppModel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppModel").field("screen", &self.screen).field("selected", &self.selected).finish()
    }
}

/// What was saved last time.
#[derive(Debug, Clone, Default)]
pub struct Saved {
    pub settings: Settings,
    pub progress: Progress,
    /// Messages from loading the progress (a damaged or newer file).
    pub notices: Vec<String>,
    pub session: Option<SessionState>,
}

impl AppModel {
    /// The app on the bundled course, with the embedded UI languages.
    pub fn bundled(saved: Saved, has_coder: bool) -> AppModel {
        AppModel::bundled_in(Arc::new(Locales::embedded()), saved, has_coder)
    }

    /// The app on the bundled course, with these UI languages.
    pub fn bundled_in(locales: Arc<Locales>, saved: Saved, has_coder: bool) -> AppModel {
        let mut scenarios = Vec::new();
        let mut errors = Vec::new();
        for s in motivo_engine::bundled::scenarios() {
            match s {
                Ok(s) => scenarios.push(Arc::new(s)),
                Err(e) => errors.push(e),
            }
        }
        let mut m = AppModel::new_in(locales, scenarios, saved, has_coder);
        m.load_errors = errors;
        match course::bundled() {
            Ok(c) => m.set_course(c),
            Err(e) => m.load_errors.push(e.to_string()),
        }
        m
    }

    /// Uses `course` for the start screen's modules and mastery.
    pub fn set_course(&mut self, course: Course) {
        self.known = self.scenarios.iter().map(|s| KnownScenario::of(s)).collect();
        let mut course = course;
        course::load::resolve(&mut course, &self.known);
        self.course = Some(Arc::new(course));
        self.refresh_overview();
    }

    /// Recomputes [`AppModel::overview`] after the progress changed.
    pub fn refresh_overview(&mut self) {
        self.overview = self.course.as_ref().map(|c| course::overview(c, &self.known, &self.progress));
    }

    /// Takes in a recorded attempt.
    pub fn recorded(&mut self, id: u64, progress: Progress, notices: Vec<String>) {
        self.progress = progress;
        self.recorded_attempt = Some(id);
        for n in notices {
            if !self.store_notices.contains(&n) {
                self.store_notices.push(n);
            }
        }
        self.refresh_overview();
    }

    /// The current session's scenario's trend up to its recorded attempt.
    pub fn trend(&self) -> Option<Trend> {
        let id = self.recorded_attempt?;
        let s = self.session.as_ref()?;
        course::trend(&self.progress, &s.scenario().id, Some(id))
    }

    /// The app on `scenarios`, with the embedded UI languages.
    pub fn new(scenarios: Vec<Arc<Scenario>>, saved: Saved, has_coder: bool) -> AppModel {
        AppModel::new_in(Arc::new(Locales::embedded()), scenarios, saved, has_coder)
    }

    /// The app on `scenarios`, with these UI languages.
    pub fn new_in(locales: Arc<Locales>, scenarios: Vec<Arc<Scenario>>, saved: Saved, has_coder: bool) -> AppModel {
        let mut settings = saved.settings;
        if !locales.has(&settings.lang) {
            settings.lang = crate::i18n::DEFAULT_LOCALE.to_owned();
        }
        settings.text_scale = settings.text_scale.clamp(Settings::MIN_SCALE, Settings::MAX_SCALE);
        let strings = locales.strings(&settings.lang);
        let mut m = AppModel {
            settings,
            locales,
            strings,
            scenarios,
            load_errors: Vec::new(),
            selected: None,
            session: None,
            compare: None,
            course: None,
            known: Vec::new(),
            progress: saved.progress,
            overview: None,
            store_notices: saved.notices,
            to_record: None,
            recorded_attempt: None,
            started_ms: motivo_store::now_ms(),
            certificate_request: None,
            certificate_notice: None,
            screen: Screen::Start,
            settings_return: Screen::Start,
            has_coder,
            notice: None,
            dirty: false,
            trainer: None,
        };
        if let Some(state) = saved.session {
            let resumed = m.scenario(&state.scenario_id).map(|s| Session::resume(s.clone(), state));
            if let Some(Ok(mut session)) = resumed {
                session.set_lang(m.content_lang());
                m.selected = Some(session.scenario().id.clone());
                m.screen = if session.is_finished() { Screen::Report } else { Screen::Conversation };
                m.session = Some(session);
            }
        }
        m
    }

    pub fn content_lang(&self) -> Lang {
        self.strings.content_lang()
    }

    pub fn scenario(&self, id: &str) -> Option<&Arc<Scenario>> {
        self.scenarios.iter().find(|s| s.id == id)
    }

    pub fn selected_scenario(&self) -> Option<&Arc<Scenario>> {
        self.selected.as_deref().and_then(|id| self.scenario(id))
    }

    /// The saved in-progress session for the selected scenario, if there is one.
    pub fn resumable(&self) -> bool {
        match (&self.session, &self.selected) {
            (Some(s), Some(id)) => &s.scenario().id == id && !s.is_finished(),
            _ => false,
        }
    }

    /// The modules of the course in order of first appearance, with their scenarios.
    pub fn modules(&self) -> Vec<(String, Vec<Arc<Scenario>>)> {
        let mut out: Vec<(String, Vec<Arc<Scenario>>)> = Vec::new();
        for s in &self.scenarios {
            match out.iter_mut().find(|(m, _)| *m == s.module) {
                Some((_, list)) => list.push(s.clone()),
                None => out.push((s.module.clone(), vec![s.clone()])),
            }
        }
        out
    }

    /// The input mode of the current turn (`None` at an ending or with no session).
    pub fn input_mode(&self) -> Option<InputMode> {
        let s = self.session.as_ref()?;
        if s.is_finished() {
            return None;
        }
        Some(s.view().input)
    }

    /// How the learner wants to answer in scenario `id`: the intro screen's choice, else the setting.
    pub fn answer_mode(&self, id: &str) -> AnswerMode {
        self.settings.scenario_answer.get(id).copied().unwrap_or(self.settings.answer)
    }

    /// How the learner answers at the current turn (`None` at an ending or with no session), from the session's
    /// view: the learner's way of answering, raised to the turn's authored mode (the trainer's minimum).
    pub fn turn_input(&self) -> Option<TurnInput> {
        let s = self.session.as_ref()?;
        if s.is_finished() {
            return None;
        }
        let view = s.view();
        if !self.has_coder {
            // Typed replies cannot be coded: every turn is answered by picking.
            return Some(TurnInput { mode: InputMode::Choice, text_box: false, typing: false, options: view.can_pick });
        }
        let mode = view.input;
        let options = match mode {
            InputMode::Choice => view.can_pick,
            InputMode::WriteThenPick => view.can_write_then_pick,
            InputMode::FreeText => false,
        };
        Some(TurnInput { mode, text_box: mode != InputMode::Choice || view.can_type, typing: view.can_type, options })
    }

    /// Tells the open session how the learner answers in its scenario.
    fn sync_answer(&mut self) {
        let Some(id) = self.session.as_ref().map(|s| s.scenario().id.clone()) else { return };
        let mode = if self.has_coder { self.answer_mode(&id).input() } else { InputMode::Choice };
        if let Some(s) = &mut self.session {
            s.set_answer(mode);
        }
    }

    /// Carries out an action. Returns whether anything changed.
    pub fn apply(&mut self, action: Action, coder: Option<&dyn ReplyCoder>) -> bool {
        self.notice = None;
        match action {
            Action::SetLanguage(code) => {
                if !self.locales.has(&code) || code == self.settings.lang {
                    return false;
                }
                self.settings.lang = code;
                self.strings = self.locales.strings(&self.settings.lang);
                let lang = self.content_lang();
                if let Some(s) = &mut self.session {
                    s.set_lang(lang);
                }
                if let Some(c) = &mut self.compare {
                    c.earlier.set_lang(lang);
                }
            }
            Action::OpenScenario(id) => {
                if self.scenario(&id).is_none() {
                    return false;
                }
                self.selected = Some(id);
                self.screen = Screen::Intro;
            }
            Action::StartScenario => {
                let Some(scenario) = self.selected_scenario().cloned() else { return false };
                // Attempts differ (seeded client line variants) yet replay the same way for the same history.
                let seed = self.progress.attempts_of(&scenario.id).count() as u64 + 1;
                self.session = Some(Session::start(scenario, seed, self.content_lang()));
                self.sync_answer();
                self.compare = None;
                self.to_record = None;
                self.recorded_attempt = None;
                self.started_ms = motivo_store::now_ms();
                self.screen = Screen::Conversation;
            }
            Action::ResumeScenario => {
                if !self.resumable() {
                    return false;
                }
                self.screen = Screen::Conversation;
            }
            Action::Choose(i) => {
                let Some(s) = &mut self.session else { return false };
                let r = s.choose(i).map(|_| ());
                return self.after_reply(r);
            }
            Action::SendText(text) => {
                let Some(s) = &mut self.session else { return false };
                let Some(coder) = coder else {
                    self.notice = Some(self.strings.get("notice-no-coder"));
                    return true;
                };
                let r = s.reply_text(coder, &text).map(|_| ());
                return self.after_reply(r);
            }
            Action::SendTextThenChoose(text, i) => {
                let Some(s) = &mut self.session else { return false };
                let r = match coder {
                    Some(coder) => s.reply_text_then_choose(coder, &text, i).map(|_| ()),
                    // Without a coder the typed text cannot be scored: the pick counts on its own.
                    None => s.choose(i).map(|_| ()),
                };
                return self.after_reply(r);
            }
            Action::Rewind(turn) => {
                let Some(s) = &mut self.session else { return false };
                let before = s.clone();
                if s.rewind(turn).is_err() {
                    return false;
                }
                // Finishing again after going back is a new attempt.
                self.recorded_attempt = None;
                self.to_record = None;
                self.compare = Some(Compare { from_turn: turn, earlier: before });
            }
            Action::CloseCompare => {
                self.compare = None;
            }
            Action::OpenReport => {
                if self.session.is_none() {
                    return false;
                }
                self.screen = Screen::Report;
            }
            Action::TryAgain => {
                self.selected = self.session.as_ref().map(|s| s.scenario().id.clone()).or(self.selected.take());
                return self.apply(Action::StartScenario, coder);
            }
            Action::ToStart => {
                if self.session.as_ref().is_some_and(|s| s.is_finished()) {
                    self.session = None;
                    self.compare = None;
                }
                self.screen = Screen::Start;
            }
            Action::OpenSettings => {
                if self.screen != Screen::Settings {
                    self.settings_return = self.screen;
                }
                self.screen = Screen::Settings;
                return true;
            }
            Action::CloseSettings => {
                self.screen = self.settings_return;
                return true;
            }
            Action::SetTextScale(x) => {
                self.settings.text_scale = x.clamp(Settings::MIN_SCALE, Settings::MAX_SCALE);
            }
            Action::SetHighContrast(on) => self.settings.high_contrast = on,
            Action::SetFeedbackMode(mode) => self.settings.feedback = mode,
            Action::SetAnswerMode(mode) => {
                // The usual way of answering applies everywhere again.
                self.settings.answer = mode;
                self.settings.scenario_answer.clear();
                self.sync_answer();
            }
            Action::SetScenarioAnswerMode(id, mode) => {
                if self.scenario(&id).is_none() {
                    return false;
                }
                self.settings.scenario_answer.insert(id, mode);
                self.sync_answer();
            }
            Action::TrainerJump { node, client, flags } => {
                if self.trainer.is_none() {
                    return false;
                }
                let Some(sc) = self.trainer_scenario() else { return false };
                let seed = self.session.as_ref().map_or(1, |s| s.state().seed);
                let Some(session) = Session::start_at(sc, seed, self.content_lang(), &node, client, flags) else {
                    return false;
                };
                self.session = Some(session);
                self.sync_answer();
                self.compare = None;
                self.to_record = None;
                self.screen = Screen::Conversation;
                return true;
            }
            Action::SaveCertificate(name) => {
                if !self.overview.as_ref().is_some_and(|o| o.complete) {
                    return false;
                }
                let name = name.trim().to_owned();
                self.progress.learner = (!name.is_empty()).then_some(name.clone());
                self.certificate_request = Some(name);
                return true;
            }
        }
        self.dirty = true;
        true
    }

    /// The trainer's scenario at its last good load.
    pub fn trainer_scenario(&self) -> Option<Arc<Scenario>> {
        let id = self.trainer.as_ref()?.scenario_id.as_deref()?;
        self.scenario(id).cloned()
    }

    /// Turns trainer mode on for the file `path` and loads it from `bytes`.
    pub fn open_trainer_file(&mut self, path: &str, bytes: &[u8], coder: Option<&dyn ReplyCoder>) {
        self.trainer = Some(Trainer { path: path.to_owned(), ..Trainer::default() });
        self.to_record = None;
        self.load_trainer_file(bytes, coder);
    }

    /// Loads the trainer's file again from `bytes` (it was saved). With errors, the diagnostics are shown and the
    /// last good version stays in play. Otherwise the new version replaces the old one: a conversation in progress
    /// plays the same replies again on it, or restarts at the node it was at ([`Reload`]). Returns whether the
    /// new version is in play.
    pub fn load_trainer_file(&mut self, bytes: &[u8], coder: Option<&dyn ReplyCoder>) -> bool {
        let Some(trainer) = &mut self.trainer else { return false };
        trainer.loads += 1;
        let loaded = motivo_engine::load_scenario(bytes, &motivo_engine::ValidateOptions::default());
        trainer.diagnostics = loaded.diagnostics.clone();
        let Some(scenario) = loaded.ok() else { return false };
        let scenario = Arc::new(scenario);
        let old_id = trainer.scenario_id.replace(scenario.id.clone());
        let first = old_id.is_none();
        // The new version replaces the old one (and a bundled scenario with the same id: the file is its draft).
        self.scenarios.retain(|s| Some(&s.id) != old_id.as_ref() && s.id != scenario.id);
        self.scenarios.push(scenario.clone());
        let reload = match self.session.take() {
            Some(old) if !first && Some(&old.scenario().id) == old_id.as_ref() => {
                let (session, how) = self.replay(&old, scenario.clone(), coder);
                self.session = Some(session);
                Some(how)
            }
            other => {
                self.session = other;
                None
            }
        };
        if let Some(t) = &mut self.trainer {
            t.reload = reload.clone();
        }
        self.compare = None;
        self.to_record = None;
        self.selected = Some(scenario.id.clone());
        if reload.is_some() {
            self.sync_answer();
        } else if first {
            self.screen = Screen::Intro;
        }
        true
    }

    /// Plays the replies of `old` again on `scenario` (a new version of its scenario): the same options (by id,
    /// else by text, else by their place in a turn with as many options as before) and the same typed words. When a reply cannot be
    /// played again, restarts at the node `old` is at with its client state and flags; failing that, at the start.
    fn replay(&self, old: &Session, scenario: Arc<Scenario>, coder: Option<&dyn ReplyCoder>) -> (Session, Reload) {
        let state = old.state();
        let mut s = Session::start(scenario.clone(), state.seed, old.lang());
        for (i, t) in old.history().iter().enumerate() {
            // The option picked before, in the new version: the one with its id; else the one with its text; else
            // the one in its place, if the turn still has as many options (only the wording changed).
            let authored = |index: usize| -> Option<usize> {
                let (Some(Node::Turn(was)), Some(Node::Turn(now))) =
                    (old.scenario().node(&t.before.node), scenario.node(&s.state().current.node))
                else {
                    return None;
                };
                let picked = was.options.get(index)?;
                if let Some(id) = &picked.id {
                    return now.options.iter().position(|o| o.id.as_ref() == Some(id));
                }
                let same_text = now.options.iter().position(|o| o.text == picked.text);
                same_text.or_else(|| (now.options.len() == was.options.len()).then_some(index))
            };
            let shown = |k: usize| -> Option<usize> {
                match scenario.node(&s.state().current.node) {
                    Some(Node::Turn(turn)) => {
                        shown_options(turn, &s.state().current, state.seed).iter().position(|&j| j == k)
                    }
                    _ => None,
                }
            };
            // The same node as before, then the same reply; the answer mode is the one each reply was made in.
            let same_node = s.state().current.node == t.before.node;
            let ok = same_node
                && match &t.reply {
                    ReplyKind::Option { index } => authored(*index).is_some_and(|k| {
                        s.set_answer(InputMode::Choice);
                        s.choose_authored(k).is_ok()
                    }),
                    ReplyKind::Text { text, .. } => coder.is_some_and(|c| {
                        s.set_answer(InputMode::FreeText);
                        s.reply_text(c, text).is_ok()
                    }),
                    ReplyKind::TextThenOption { text, index } => match (coder, authored(*index).and_then(shown)) {
                        (Some(c), Some(pos)) => {
                            s.set_answer(InputMode::WriteThenPick);
                            s.reply_text_then_choose(c, text, pos).is_ok()
                        }
                        _ => false,
                    },
                };
            if !ok {
                let cur = &state.current;
                let restarted = Session::start_at(
                    scenario.clone(),
                    state.seed,
                    old.lang(),
                    &cur.node,
                    cur.client,
                    cur.flags.clone(),
                );
                return match restarted {
                    Some(r) => (r, Reload::RestartedAt { node: cur.node.clone(), failed: i }),
                    None => (Session::start(scenario, state.seed, old.lang()), Reload::StartedOver),
                };
            }
        }
        s.set_answer(state.answer);
        (s, Reload::Kept { replies: old.history().len() })
    }

    fn after_reply(&mut self, r: Result<(), RuntimeError>) -> bool {
        match r {
            Ok(()) => {
                self.dirty = true;
                self.note_if_finished();
            }
            Err(e) => self.notice = Some(self.error_text(&e)),
        }
        true
    }

    /// When the session just reached its ending, queues it for recording (once).
    fn note_if_finished(&mut self) {
        let Some(s) = &self.session else { return };
        // Trainer mode plays are never course progress.
        if !s.is_finished() || self.to_record.is_some() || self.recorded_attempt.is_some() || self.trainer.is_some() {
            return;
        }
        let now = motivo_store::now_ms();
        self.to_record = Some(Finished {
            session: s.clone(),
            report: Report::of(s),
            started_ms: self.started_ms,
            duration_ms: now.saturating_sub(self.started_ms).max(0) as u64,
        });
    }

    fn error_text(&self, e: &RuntimeError) -> String {
        use fluent_bundle::FluentValue;
        let s = &self.strings;
        match e {
            RuntimeError::Text(TextError::Empty) => s.get("error-empty"),
            RuntimeError::Text(TextError::TooLong { chars }) => s.fmt(
                "error-too-long",
                &[
                    ("chars", FluentValue::from(*chars)),
                    ("max", FluentValue::from(motivo_engine::coding::MAX_REPLY_CHARS)),
                ],
            ),
            RuntimeError::Text(TextError::NotText) => s.get("error-not-text"),
            RuntimeError::NoRoute => s.get("error-no-route"),
            RuntimeError::Finished => s.get("error-finished"),
            RuntimeError::WrongInput { .. } => s.get("error-wrong-input"),
            _ => s.get("error-other"),
        }
    }

    /// Plays a script in the format of `motivo play --script`: a number picks that displayed option (1-based),
    /// `#` starts a comment, blank lines are skipped and any other line is a typed reply (at a write-then-pick
    /// turn, the typed reply waits for the number that follows it). Returns the notices of refused lines.
    pub fn play_script(&mut self, script: &str, coder: Option<&dyn ReplyCoder>) -> Vec<String> {
        let mut refused = Vec::new();
        let mut pending: Option<String> = None;
        // A script that picks options (`@id`, `N`) is played as picked, whatever the learner's usual way of
        // answering is (the saved settings are not changed); typed lines are still typed.
        let picks = script
            .lines()
            .filter_map(motivo_engine::script::parse_line)
            .any(|l| matches!(l, ScriptLine::Pick(_) | ScriptLine::PickId(_)));
        // A script that only types (no pick anywhere) is played in the learner's own words: under write-then-pick
        // its lines would wait for a pick that never comes.
        let types = script
            .lines()
            .filter_map(motivo_engine::script::parse_line)
            .any(|l| matches!(l, ScriptLine::Text(_) | ScriptLine::TextThenPick(..)));
        if let Some(s) = &mut self.session {
            if picks {
                s.set_answer(InputMode::Choice);
            } else if types {
                s.set_answer(InputMode::FreeText);
            }
        }
        for line in script.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if self.session.as_ref().is_none_or(|s| s.is_finished()) {
                break;
            }
            let Some(parsed) = motivo_engine::script::parse_line(line) else { continue };
            let position = |m: &AppModel, pick: &ScriptLine| {
                m.session.as_ref().map(|s| s.pick_position(pick).map_err(|_| format!("{line}: no such option")))
            };
            let action = match parsed {
                ScriptLine::Pick(_) | ScriptLine::PickId(_) => match position(self, &parsed) {
                    Some(Ok(i)) => match pending.take() {
                        Some(text) => Action::SendTextThenChoose(text, i),
                        None => Action::Choose(i),
                    },
                    Some(Err(e)) => {
                        refused.push(e);
                        continue;
                    }
                    None => break,
                },
                ScriptLine::TextThenPick(text, pick) => match position(self, &pick) {
                    Some(Ok(i)) => Action::SendTextThenChoose(text, i),
                    Some(Err(e)) => {
                        refused.push(e);
                        continue;
                    }
                    None => break,
                },
                ScriptLine::Text(text) if self.input_mode() == Some(InputMode::WriteThenPick) => {
                    pending = Some(text);
                    continue;
                }
                ScriptLine::Text(text) => Action::SendText(text),
            };
            self.apply(action, coder);
            if let Some(n) = self.notice.take() {
                refused.push(format!("{line}: {n}"));
            }
        }
        refused
    }
}

/// The text of the client line said at `snap`.
pub fn client_text(scenario: &Scenario, snap: &Snapshot, lang: Lang) -> String {
    motivo_engine::runtime::line_at(scenario, snap).map_or(String::new(), |l| l.text.get(lang).to_owned())
}

/// The learner's words for a reply.
pub fn reply_text(scenario: &Scenario, snap: &Snapshot, reply: &ReplyKind, lang: Lang) -> String {
    let option = |i: usize| match scenario.node(&snap.node) {
        Some(Node::Turn(t)) => t.options.get(i).map_or(String::new(), |o| o.text.get(lang).to_owned()),
        _ => String::new(),
    };
    match reply {
        ReplyKind::Option { index } => option(*index),
        ReplyKind::Text { text, .. } | ReplyKind::TextThenOption { text, .. } => text.clone(),
    }
}

/// The conversation as chat bubbles, starting at the client line before reply `from` (0-based).
pub fn transcript(session: &Session, from: usize) -> Vec<Bubble> {
    let sc = session.scenario();
    let lang = session.lang();
    let mut out = Vec::new();
    for (i, t) in session.history().iter().enumerate().skip(from) {
        out.push(Bubble { from_client: true, text: client_text(sc, &t.before, lang), turn: None });
        out.push(Bubble { from_client: false, text: reply_text(sc, &t.before, &t.reply, lang), turn: Some(i) });
    }
    out.push(Bubble { from_client: true, text: client_text(sc, &session.state().current, lang), turn: None });
    out
}

/// %change talk (of change + sustain talk lines so far) after each client line, `None` before any.
pub fn change_talk_series(session: &Session) -> Vec<Option<f32>> {
    let sc = session.scenario();
    let talk = |snap: &Snapshot| motivo_engine::runtime::line_at(sc, snap).map(|l| l.talk);
    let snaps = session.history().iter().map(|t| &t.before).chain(std::iter::once(&session.state().current));
    let (mut ct, mut st) = (0u32, 0u32);
    snaps
        .map(|s| {
            match talk(s) {
                Some(motivo_engine::model::Talk::Change(_)) => ct += 1,
                Some(motivo_engine::model::Talk::Sustain(_)) => st += 1,
                _ => {}
            }
            (ct + st > 0).then(|| 100.0 * ct as f32 / (ct + st) as f32)
        })
        .collect()
}
