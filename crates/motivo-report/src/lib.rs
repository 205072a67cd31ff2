//! Reporting to an organisation's learning record store (LRS) with xAPI 1.0.3.
//!
//! - [`Settings`] (`xapi.json` in the Motivo data folder): the pseudonymous learner id and registration, made
//!   once; optionally the learner's name, the base IRI and the LRS. Environment variables override the file.
//! - [`Outbox`] (`outbox.json` beside the progress): every play's statements are queued here first, with an
//!   atomic save (the progress store's), idempotently by statement id. Queuing never uses the network.
//! - [`sync`]: sends the queue to `{endpoint}/statements`; a statement leaves the queue only when the LRS has
//!   it (stored now, or already there). An unreachable or failing LRS keeps everything for the next try.
//!
//! Credentials are never printed: [`LrsConfig`]'s `Debug` redacts the password, and every message that could
//! contain it goes through [`LrsConfig::redact`]. `docs/xapi.md` documents all of this.

pub mod http;
pub mod outbox;
pub mod settings;

pub use outbox::{Outbox, OutboxError};
pub use settings::{LrsConfig, Settings};
/// Re-exported for ids (`uuid::Uuid::new_v4` for a new attempt).
pub use uuid;

use motivo_course as course;
use motivo_course::Timestamp;
use motivo_course::progress::{Attempt, Progress};
use motivo_course::xapi::{self, Actor, Config, CourseRef, Timing};
use motivo_engine::{Lang, Report, Scenario, Session};
use motivo_store::{Backend, Store, StoreError};
use serde::Serialize;
use serde_json::Value;

/// How many statements one POST carries.
pub const BATCH: usize = 50;

/// What [`sync`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SyncOutcome {
    /// Statements the LRS stored now.
    pub sent: usize,
    /// Statements the LRS already had (a resend after a lost answer, or a conflict on the id): delivered.
    pub already_there: usize,
    /// Statements still queued after this sync.
    pub kept: usize,
    /// Statements the LRS refused as invalid (kept in the queue, never dropped).
    pub rejected: usize,
    /// Why sending stopped early, if it did (no credentials in it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

impl SyncOutcome {
    /// Everything queued was delivered.
    pub fn ok(&self) -> bool {
        self.error.is_none() && self.kept == 0
    }
}

fn ids_of(batch: &[Value]) -> Vec<String> {
    batch.iter().filter_map(|s| s.get("id")?.as_str().map(str::to_owned)).collect()
}

enum Post {
    /// Delivered: ids stored now, and ids already there.
    Delivered { sent: Vec<String>, already: Vec<String> },
    /// The LRS refused this content (400, 409, 413…): try the statements one by one.
    Refused(u16),
    /// Stop: the LRS is unreachable, failing or refuses our credentials.
    Stop(String),
}

fn post(lrs: &LrsConfig, transport: &dyn http::Transport, batch: &[Value]) -> Post {
    let body = serde_json::to_string(batch).expect("JSON values serialise");
    let ids = ids_of(batch);
    match transport.post_statements(lrs, &body) {
        Err(e) => Post::Stop(lrs.redact(&format!("cannot reach the LRS at {}: {e}", lrs.endpoint_for_display()))),
        Ok((200, text)) => {
            // The LRS answers with the ids it stored; ids it skipped were already there (xAPI allows a plain 200
            // too: then all count as sent).
            match serde_json::from_str::<Vec<String>>(&text) {
                Ok(stored) => {
                    let (sent, already) = ids.into_iter().partition(|i| stored.contains(i));
                    Post::Delivered { sent, already }
                }
                Err(_) => Post::Delivered { sent: ids, already: Vec::new() },
            }
        }
        Ok((204, _)) => Post::Delivered { sent: Vec::new(), already: ids },
        Ok((s @ (401 | 403), _)) => Post::Stop(format!(
            "the LRS at {} refused the credentials (HTTP {s}); check MOTIVO_LRS_USER and MOTIVO_LRS_PASSWORD",
            lrs.endpoint_for_display()
        )),
        Ok((s @ (400 | 409 | 413), _)) => Post::Refused(s),
        Ok((s, _)) => Post::Stop(format!("the LRS at {} answered HTTP {s}", lrs.endpoint_for_display())),
    }
}

/// Sends the queue to the LRS. Never loses a statement: one leaves the queue only after the LRS answered that
/// it has it. Statements queued while this runs are kept for the next sync. The outbox is locked only while it
/// is read and saved, never during network use, so plays can queue meanwhile.
pub fn sync(outbox: &Outbox, lrs: &LrsConfig, transport: &dyn http::Transport) -> Result<SyncOutcome, OutboxError> {
    let queued = outbox.load()?;
    let mut out = SyncOutcome::default();
    let mut delivered: Vec<String> = Vec::new();
    let mut stopped: Option<String> = None;
    let mut take = |out: &mut SyncOutcome, sent: Vec<String>, already: Vec<String>| {
        out.sent += sent.len();
        out.already_there += already.len();
        delivered.extend(sent);
        delivered.extend(already);
    };
    'batches: for batch in queued.chunks(BATCH) {
        match post(lrs, transport, batch) {
            Post::Delivered { sent, already } => take(&mut out, sent, already),
            Post::Stop(e) => {
                stopped = Some(e);
                break;
            }
            Post::Refused(_) => {
                for one in batch {
                    match post(lrs, transport, std::slice::from_ref(one)) {
                        Post::Delivered { sent, already } => take(&mut out, sent, already),
                        // The LRS has a different statement with this id: the id is taken and resending can never
                        // succeed; the LRS has a statement with it, so it counts as delivered.
                        Post::Refused(409) => take(&mut out, Vec::new(), ids_of(std::slice::from_ref(one))),
                        Post::Refused(_) => out.rejected += 1,
                        Post::Stop(e) => {
                            stopped = Some(e);
                            break 'batches;
                        }
                    }
                }
            }
        }
    }
    out.kept = outbox.remove(&delivered)?;
    out.error = stopped.or_else(|| {
        (out.rejected > 0).then(|| {
            format!(
                "the LRS at {} refused {} statement(s) as invalid; they stay queued",
                lrs.endpoint_for_display(),
                out.rejected
            )
        })
    });
    Ok(out)
}

/// The xAPI configuration of one attempt: the learner from the settings, a new attempt id, and the bundled
/// course's pass rule and grouping for the scenario's module.
pub fn attempt_config(settings: &Settings, scenario: &Scenario) -> Result<Config, String> {
    let learner = settings.learner_id.clone().ok_or("no learner id")?;
    let registration = settings.registration().ok_or("no registration")?;
    let scenario = &scenario.id;
    let (mut pass_rule, mut course_ref) = (course::PassRule::default(), None);
    if let Ok(c) = course::bundled() {
        let module = c.modules.iter().find(|m| m.all_scenarios().iter().any(|s| s == scenario));
        pass_rule = module.map_or(&c.pass, |m| m.pass_rule(&c)).clone();
        course_ref = Some(CourseRef {
            id: c.id.clone(),
            title: c.title.clone(),
            module: module.map(|m| (m.id.clone(), m.title.clone())),
        });
    }
    Ok(Config {
        base_iri: settings.base_iri(),
        actor: Actor {
            home_page: settings.home_page(),
            account_name: learner,
            name: settings.name.clone().filter(|n| !n.trim().is_empty()),
        },
        registration,
        attempt: uuid::Uuid::new_v4(),
        pass_rule,
        course: course_ref,
        platform: format!("Motivo {}", env!("CARGO_PKG_VERSION")),
        include_typed_text: settings.include_typed_text,
    })
}

/// What [`queue_attempt`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Queued {
    /// Statements added to the outbox (0 when they were all there already, or no LRS is configured).
    pub added: usize,
    /// Something the learner should know (a damaged outbox moved aside, attempts that could not be rebuilt).
    pub notice: Option<String>,
    /// Whether an LRS is configured. Without one nothing is queued and no outbox is written.
    pub lrs_configured: bool,
}

/// The id of an attempt in xAPI (`config.attempt`), from its uid in the progress: statement ids derive from it, so
/// the same attempt always gets the same statements, however often it is queued or rebuilt from the progress.
pub fn attempt_uuid(uid: &str) -> uuid::Uuid {
    let namespace = uuid::Uuid::new_v5(&uuid::Uuid::NAMESPACE_URL, b"https://motivo.invalid/xapi/attempts");
    uuid::Uuid::new_v5(&namespace, uid.as_bytes())
}

/// Whether `settings` (and the environment) configure an LRS.
fn configured(settings: &Settings) -> bool {
    matches!(settings.lrs(), Ok(Some(_)))
}

/// Queues the xAPI statements of a play's attempt record (made, not yet recorded) in the outbox of `backend`,
/// **only when an LRS is configured**; otherwise it writes nothing at all. Never uses the network; the error is a
/// message for the learner. Statement ids derive from the attempt's uid, so the statements are the same whenever
/// they are queued, and every earlier recorded attempt whose statements were never queued is caught up too
/// ([`catch_up`]). Called by [`record_play`] before the attempt is recorded: a kill between the two leaves
/// statements for a play that was never recorded (harmless), never a recorded play without statements.
pub fn queue_attempt<B: Backend + Clone>(
    backend: &B,
    scenario: &Scenario,
    attempt: &Attempt,
    report: &Report,
) -> Result<Queued, String> {
    let settings = Settings::load(backend)?;
    if !configured(&settings) {
        return Ok(Queued { added: 0, notice: None, lrs_configured: false });
    }
    let settings = Settings::ensure(backend)?;
    let mut config = attempt_config(&settings, scenario)?;
    config.attempt = attempt_uuid(&attempt.uid);
    let statements = xapi::statements(scenario, attempt, report, &config);
    let outbox = Outbox::new(backend.clone());
    let (added, notice) =
        outbox.enqueue_attempts(&statements, std::slice::from_ref(&attempt.uid)).map_err(|e| e.to_string())?;
    let progress = motivo_store::Store::new(backend.clone()).load().map(|l| l.progress).unwrap_or_default();
    let caught = catch_up(&outbox, &settings, &progress).map_err(|e| e.to_string())?;
    let notice = match (notice, caught.notice()) {
        (Some(a), Some(b)) => Some(format!("{a}; {b}")),
        (a, b) => a.or(b),
    };
    Ok(Queued { added: added + caught.added, notice, lrs_configured: true })
}

/// What [`record_play`] did.
#[derive(Debug, Clone)]
pub struct PlayRecorded {
    /// The attempt's id in the progress.
    pub id: u64,
    /// Where it was written (the main file, or a pending slot).
    pub slot: String,
    /// The progress after recording.
    pub progress: Progress,
    /// What the xAPI queue did (`None` when queuing was not asked for or failed).
    pub queued: Option<Queued>,
    /// Things the learner must be told (the progress file, the queue), in the play's language.
    pub notices: Vec<String>,
}

/// Records a finished play, the one way the app and `motivo play` both do it: the attempt record is made once
/// (a new store uid, the start and duration from `timing`, which the caller measured with
/// [`motivo_store::now_ms`]), with `queue` its xAPI statements are built from that record and queued (only when an
/// LRS is configured; a failure is a notice, never a lost play), then it is recorded in the progress store.
/// Fails only when the attempt could not be stored anywhere.
pub fn record_play<B: Backend + Clone>(
    store: &Store<B>,
    session: &Session,
    report: &Report,
    timing: Timing,
    queue: bool,
) -> Result<PlayRecorded, StoreError> {
    let lang = session.lang();
    let uid = store.new_uid(session.state().seed);
    let started = Timestamp(timing.started_ms.div_euclid(1000));
    let attempt = Attempt::of_play(session, report, started, timing.duration_ms, uid.to_string());
    let mut notices = Vec::new();
    let queued = if queue {
        match queue_attempt(&store.backend, session.scenario(), &attempt, report) {
            Ok(q) => {
                notices.extend(q.notice.clone());
                Some(q)
            }
            Err(e) => {
                notices.push(match lang {
                    Lang::Fi => format!("Harjoituksen xAPI-raportteja ei jonotettu: {e}"),
                    _ => format!("This play's xAPI statements were not queued: {e}"),
                });
                None
            }
        }
    } else {
        None
    };
    let recorded = store.record(attempt, lang)?;
    notices.extend(recorded.notices);
    Ok(PlayRecorded { id: recorded.id, slot: recorded.slot, progress: recorded.progress, queued, notices })
}

/// What [`catch_up`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CaughtUp {
    /// Statements added for attempts that had none queued.
    pub added: usize,
    /// Attempts whose statements were rebuilt and queued.
    pub attempts: usize,
    /// Attempts that could not be rebuilt (a scenario that is not bundled, or another version of it).
    pub not_rebuilt: usize,
}

impl CaughtUp {
    fn notice(&self) -> Option<String> {
        (self.not_rebuilt > 0).then(|| {
            format!(
                "{} earlier attempt(s) could not be rebuilt for xAPI (their scenario file or version is not bundled)",
                self.not_rebuilt
            )
        })
    }
}

/// Replays a recorded attempt on its scenario: the same seed, language and replies give the same conversation.
/// `None` when it does not replay to the same nodes (another scenario version or coder).
fn replay(scenario: std::sync::Arc<Scenario>, a: &Attempt) -> Option<Report> {
    let mut coder: Option<motivo_engine::coder::Coder> = None;
    let mut s = Session::start(scenario, a.seed, a.lang);
    for r in &a.replies {
        if s.is_finished() {
            return None;
        }
        let view = s.view();
        if view.node.id() != r.node {
            return None;
        }
        let shown = match r.option {
            Some(o) => Some(view.authored.iter().position(|&k| k + 1 == o as usize)?),
            None => None,
        };
        if r.text.is_some() && coder.is_none() {
            coder = Some(motivo_engine::coder::Coder::bundled().ok()?);
        }
        let ok = match (shown, r.text.as_deref(), coder.as_ref()) {
            (Some(pos), None, _) => s.choose(pos).is_ok(),
            (Some(pos), Some(t), Some(c)) => s.reply_text_then_choose(c, t, pos).is_ok(),
            (None, Some(t), Some(c)) => s.reply_text(c, t).is_ok(),
            _ => false,
        };
        if !ok {
            return None;
        }
    }
    Some(Report::of(&s))
}

/// Makes the outbox whole again from the progress: every recorded attempt whose statements were never queued gets
/// them built from its record and queued (its full report when the progress still keeps it, else the report of
/// the attempt replayed on its bundled scenario) (ids from the attempt's uid, so nothing is ever
/// queued twice). An outbox written before attempts were noted is taken as complete for the attempts recorded
/// so far (they were queued when played). Call it only with an LRS configured.
pub fn catch_up<B: Backend + Clone>(
    outbox: &Outbox<B>,
    settings: &Settings,
    progress: &Progress,
) -> Result<CaughtUp, OutboxError> {
    let mut out = CaughtUp::default();
    let known = match outbox.queued_attempts()? {
        Some(Some(list)) => list,
        Some(None) => {
            // An older outbox: its plays were queued as they were played.
            let all: Vec<String> = progress.attempts.iter().map(|a| a.uid.clone()).collect();
            outbox.enqueue_attempts(&[], &all)?;
            return Ok(out);
        }
        None => Vec::new(),
    };
    let known: std::collections::HashSet<&str> = known.iter().map(String::as_str).collect();
    let missing: Vec<&Attempt> =
        progress.attempts.iter().filter(|a| !a.uid.is_empty() && !known.contains(a.uid.as_str())).collect();
    if missing.is_empty() {
        return Ok(out);
    }
    let bundled: Vec<Scenario> = motivo_engine::bundled::scenarios().into_iter().filter_map(Result::ok).collect();
    let mut statements = Vec::new();
    let mut marks = Vec::new();
    for a in missing {
        let scenario = bundled.iter().find(|s| s.id == a.scenario && s.version == a.scenario_version);
        // An attempt that cannot be rebuilt is noted too, so it is reported once, not at every play.
        marks.push(a.uid.clone());
        let Some(scenario) = scenario else {
            out.not_rebuilt += 1;
            continue;
        };
        let Some(report) = a.full_report().or_else(|| replay(std::sync::Arc::new(scenario.clone()), a)) else {
            out.not_rebuilt += 1;
            continue;
        };
        let Ok(mut config) = attempt_config(settings, scenario) else {
            out.not_rebuilt += 1;
            continue;
        };
        config.attempt = attempt_uuid(&a.uid);
        statements.extend(xapi::statements(scenario, a, &report, &config));
        out.attempts += 1;
    }
    if !marks.is_empty() {
        out.added = outbox.enqueue_attempts(&statements, &marks)?.0;
    }
    Ok(out)
}

/// Base64 (standard alphabet, padded), for the Basic authorization header.
pub fn base64(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

#[cfg(test)]
mod tests {
    #[test]
    fn base64_matches_rfc4648() {
        for (i, o) in
            [("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="), ("fooba", "Zm9vYmE=")]
        {
            assert_eq!(super::base64(i.as_bytes()), o);
        }
        assert_eq!(super::base64(b"tester:secret"), "dGVzdGVyOnNlY3JldA==");
    }
}
