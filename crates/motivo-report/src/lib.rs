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

use motivo_engine::course;
use motivo_engine::xapi::{self, Actor, Config, CourseRef, Timing};
use motivo_engine::{Report, Session};
use motivo_store::Backend;
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
pub fn attempt_config(settings: &Settings, session: &Session) -> Result<Config, String> {
    let learner = settings.learner_id.clone().ok_or("no learner id")?;
    let registration = settings.registration().ok_or("no registration")?;
    let scenario = &session.scenario().id;
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

/// What [`queue_play`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Queued {
    /// Statements added to the outbox (0 when they were all there already).
    pub added: usize,
    /// Something the learner should know (a damaged outbox moved aside).
    pub notice: Option<String>,
    /// Whether an LRS is configured (otherwise the queue only waits for one).
    pub lrs_configured: bool,
}

/// Queues a finished play's xAPI statements in the outbox of `backend` (making the pseudonymous learner id on
/// first use). Never uses the network; the error is a message for the learner.
pub fn queue_play<B: Backend + Clone>(
    backend: &B,
    session: &Session,
    report: &Report,
    timing: Timing,
) -> Result<Queued, String> {
    let settings = Settings::ensure(backend)?;
    let config = attempt_config(&settings, session)?;
    let statements = xapi::statements(session, report, timing, &config);
    let lrs_configured = matches!(settings.lrs(), Ok(Some(_)));
    if statements.is_empty() {
        return Ok(Queued { added: 0, notice: None, lrs_configured });
    }
    let (added, notice) = Outbox::new(backend.clone()).enqueue(&statements).map_err(|e| e.to_string())?;
    Ok(Queued { added, notice, lrs_configured })
}

/// Base64 (standard alphabet, padded), for the Basic authorization header.
pub fn base64(bytes: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for c in bytes.chunks(3) {
        let n = (c[0] as u32) << 16 | (*c.get(1).unwrap_or(&0) as u32) << 8 | *c.get(2).unwrap_or(&0) as u32;
        out.push(A[(n >> 18) as usize & 63] as char);
        out.push(A[(n >> 12) as usize & 63] as char);
        out.push(if c.len() > 1 { A[(n >> 6) as usize & 63] as char } else { '=' });
        out.push(if c.len() > 2 { A[n as usize & 63] as char } else { '=' });
    }
    out
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
