//! Recording finished plays, the same way `motivo play` does: the attempt goes into the progress store shared
//! with the command line (`motivo_store`: atomic saves, a previous copy, corrupt and newer files never
//! overwritten), its xAPI statements into the outbox (`motivo_report`, sent later by `motivo sync`; never the
//! network from here), and, inside an LMS, the SCORM values to the LMS ([`crate::lms`]).
//!
//! The model only notes that a play finished ([`AppModel::to_record`]); [`flush`] does the writing, so model
//! tests need no files and nothing is written in capture mode.

use bevy::prelude::Resource;
use motivo_engine::course::Timestamp;
use motivo_engine::course::progress::{Attempt, Progress};
use motivo_engine::xapi::Timing;
use motivo_engine::{Lang, Report, Session};
use motivo_store::{Backend, PlatformBackend, Store};

use crate::lms::Lms;
use crate::model::{AppModel, Finished};

/// Milliseconds since the Unix epoch (the browser's clock on the web, where `SystemTime` is not available).
pub fn now_ms() -> i64 {
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::Date::now() as i64
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        match std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH) {
            Ok(d) => d.as_millis() as i64,
            Err(e) => -(e.duration().as_millis() as i64),
        }
    }
}

/// Where plays are recorded.
pub struct Recorder<B: Backend + Clone = PlatformBackend> {
    pub store: Store<B>,
    /// Queue xAPI statements for each recorded play.
    pub queue_xapi: bool,
}

/// The platform's recorder, as a Bevy resource (`None`: nothing is recorded, as in capture mode and tests).
#[derive(Resource, Default)]
pub struct Recording(pub Option<Recorder>);

/// What recording one play did.
#[derive(Debug, Clone)]
pub struct Recorded {
    pub id: u64,
    pub progress: Progress,
    /// Things the learner must be told (a damaged progress file moved aside, a queue problem).
    pub notices: Vec<String>,
}

impl<B: Backend + Clone> Recorder<B> {
    pub fn new(backend: B) -> Self {
        Recorder { store: Store::new(backend), queue_xapi: true }
    }

    /// The progress so far, and a message for the learner when the file could not be used as it is (the last
    /// good copy is returned then). Never writes.
    pub fn load(&self, lang: Lang) -> (Progress, Vec<String>) {
        match self.store.load() {
            Ok(l) => {
                let notice = l.problem.as_ref().map(|p| p.message(lang));
                (l.progress, notice.into_iter().collect())
            }
            Err(e) => (Progress::default(), vec![not_read(lang, &e.to_string())]),
        }
    }

    /// Records a finished play. Fails only when the attempt could not be stored anywhere; a failure to queue
    /// its statements is a notice.
    pub fn record(&self, f: &Finished) -> Result<Recorded, String> {
        let lang = f.session.lang();
        let attempt = attempt_of(&f.session, &f.report, f.started_ms, f.duration_ms, self.store.new_uid(f.seed()));
        let r = self.store.record(attempt, lang).map_err(|e| e.to_string())?;
        let mut notices = r.notices;
        if self.queue_xapi {
            let timing = Timing { started_ms: f.started_ms, duration_ms: f.duration_ms };
            match motivo_report::queue_play(&self.store.backend, &f.session, &f.report, timing) {
                Ok(q) => notices.extend(q.notice),
                Err(e) => notices.push(match lang {
                    Lang::Fi => format!("Harjoituksen xAPI-raportteja ei jonotettu: {e}"),
                    Lang::En | Lang::Sv => format!("This play's xAPI statements were not queued: {e}"),
                }),
            }
        }
        Ok(Recorded { id: r.id, progress: r.progress, notices })
    }
}

fn not_read(lang: Lang, e: &str) -> String {
    match lang {
        Lang::Fi => format!("Edistymistä ei voitu lukea: {e}"),
        Lang::En | Lang::Sv => format!("Progress could not be read: {e}"),
    }
}

/// The attempt record of a finished play.
pub fn attempt_of(session: &Session, report: &Report, started_ms: i64, duration_ms: u64, uid: String) -> Attempt {
    Attempt::of_play(session, report, Timestamp(started_ms.div_euclid(1000)), duration_ms, uid)
}

/// Records the model's finished play, if there is one, and tells the LMS. On failure the play stays waiting
/// (it is tried again after the next action) and the learner is told why.
pub fn flush(model: &mut AppModel, recorder: Option<&Recorder>, lms: &Lms) {
    let Some(finished) = model.to_record.take() else { return };
    let Some(recorder) = recorder else { return };
    match recorder.record(&finished) {
        Ok(r) => {
            model.recorded(r.id, r.progress, r.notices);
            if let Some(course) = model.course.clone() {
                lms.report(&course, &model.known, &model.progress, &finished.session.scenario().id);
            }
        }
        Err(e) => {
            let msg = match finished.session.lang() {
                Lang::Fi => format!("Harjoitusta ei vielä saatu tallennettua ({e}). Yritämme uudelleen."),
                Lang::En | Lang::Sv => format!("The play could not be saved yet ({e}). It will be tried again."),
            };
            // Retried after every action: say it once.
            if !model.store_notices.contains(&msg) {
                model.store_notices.push(msg);
            }
            model.to_record = Some(finished);
        }
    }
}
