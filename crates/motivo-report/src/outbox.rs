//! The durable outbox: `outbox.json` in the Motivo data folder, `{"schema": 1, "statements": [...]}`.
//!
//! Every change is load → change → atomic save (the progress store's write: temp file, fsync, rename) under the
//! data folder's lock, so a crash never leaves a half-written queue and two Motivo processes never interleave.
//! Queuing is idempotent by statement id. A damaged outbox is moved aside (never deleted) before a new one is
//! started; one written by a newer Motivo is never overwritten.

use motivo_store::{Backend, PlatformBackend};
use serde_json::{Value, json};

/// The outbox slot.
pub const OUTBOX: &str = "outbox.json";
/// Prefix of damaged outboxes moved aside (`outbox.corrupt-<unix seconds>.json`).
pub const CORRUPT_PREFIX: &str = "outbox.corrupt-";
pub const SCHEMA: u64 = 1;

#[derive(Debug)]
pub enum OutboxError {
    Io(String),
    /// Written by a newer Motivo: left alone.
    Newer(u64),
}

impl std::fmt::Display for OutboxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OutboxError::Io(m) => f.write_str(m),
            OutboxError::Newer(s) => {
                write!(f, "the xAPI outbox was written by a newer Motivo (schema {s}) and is left untouched")
            }
        }
    }
}

impl std::error::Error for OutboxError {}

enum Read {
    /// The statements, and the uids of the attempts whose statements were queued (absent in outboxes written
    /// before the list existed).
    Ok(Vec<Value>, Option<Vec<String>>),
    Missing,
    Corrupt(String),
}

/// The queue of statements not yet delivered.
pub struct Outbox<B: Backend = PlatformBackend> {
    pub backend: B,
}

fn id_of(s: &Value) -> Option<&str> {
    s.get("id")?.as_str()
}

impl<B: Backend> Outbox<B> {
    pub fn new(backend: B) -> Self {
        Outbox { backend }
    }

    fn io(&self, what: &str, e: impl std::fmt::Display) -> OutboxError {
        OutboxError::Io(format!("{what} {}: {e}", self.backend.describe(OUTBOX)))
    }

    fn read(&self) -> Result<Read, OutboxError> {
        let Some(bytes) = self.backend.read(OUTBOX).map_err(|e| self.io("cannot read", e))? else {
            return Ok(Read::Missing);
        };
        let v: Value = match serde_json::from_slice(&bytes) {
            Ok(v) => v,
            Err(e) => return Ok(Read::Corrupt(e.to_string())),
        };
        let schema = v.get("schema").and_then(Value::as_u64).unwrap_or(0);
        if schema > SCHEMA {
            return Err(OutboxError::Newer(schema));
        }
        let attempts = v
            .get("attempts")
            .and_then(Value::as_array)
            .map(|a| a.iter().filter_map(Value::as_str).map(str::to_owned).collect::<Vec<String>>());
        match v.get("statements").and_then(Value::as_array) {
            Some(list) if list.iter().all(|s| id_of(s).is_some()) => Ok(Read::Ok(list.clone(), attempts)),
            _ => Ok(Read::Corrupt("no list of statements with ids".into())),
        }
    }

    fn write(&self, statements: &[Value], attempts: &Option<Vec<String>>) -> Result<(), OutboxError> {
        let mut v = json!({ "schema": SCHEMA, "statements": statements });
        if let Some(a) = attempts {
            v["attempts"] = json!(a);
        }
        let text = serde_json::to_string(&v).expect("JSON values serialise") + "\n";
        self.backend.write(OUTBOX, &text).map_err(|e| self.io("cannot save", e))
    }

    /// The uids of the attempts whose statements were ever queued; `None` when there is no outbox yet, and
    /// `Some(None)` for an outbox written before that list existed.
    pub fn queued_attempts(&self) -> Result<Option<Option<Vec<String>>>, OutboxError> {
        self.locked(|| match self.read()? {
            Read::Ok(_, attempts) => Ok(Some(attempts)),
            Read::Missing => Ok(None),
            Read::Corrupt(_) => Ok(Some(None)),
        })
    }

    fn locked<T>(&self, f: impl FnOnce() -> Result<T, OutboxError>) -> Result<T, OutboxError> {
        self.backend.locked(f).map_err(|e| self.io("cannot lock the data folder for", e))?
    }

    /// The queued statements, oldest first. A damaged outbox is an error here; the next [`Outbox::enqueue`]
    /// moves it aside (kept, never deleted) and starts a new one.
    pub fn load(&self) -> Result<Vec<Value>, OutboxError> {
        self.locked(|| match self.read()? {
            Read::Ok(v, _) => Ok(v),
            Read::Missing => Ok(Vec::new()),
            Read::Corrupt(why) => Err(OutboxError::Io(format!(
                "{} is damaged ({why}); the next recorded play keeps it aside as {CORRUPT_PREFIX}<time>.json and \
                 starts a new queue",
                self.backend.describe(OUTBOX)
            ))),
        })
    }

    /// Queues statements (each needs an `id`); ones already queued are skipped. Returns how many were added,
    /// and a notice when a damaged outbox had to be moved aside first.
    pub fn enqueue(&self, statements: &[Value]) -> Result<(usize, Option<String>), OutboxError> {
        self.enqueue_attempts(statements, &[])
    }

    /// Queues statements like [`Outbox::enqueue`] and notes `attempts` (uids) as queued, in the same save.
    pub fn enqueue_attempts(
        &self,
        statements: &[Value],
        attempts: &[String],
    ) -> Result<(usize, Option<String>), OutboxError> {
        self.locked(|| {
            let mut notice = None;
            let (mut queue, mut known) = match self.read()? {
                Read::Ok(v, a) => (v, a),
                Read::Missing => (Vec::new(), None),
                Read::Corrupt(why) => {
                    let aside = format!("{CORRUPT_PREFIX}{}.json", self.backend.now());
                    self.backend.rename(OUTBOX, &aside).map_err(|e| self.io("cannot move aside", e))?;
                    notice = Some(format!(
                        "the xAPI outbox was damaged ({why}); it is kept as {} and a new one was started",
                        self.backend.describe(&aside)
                    ));
                    (Vec::new(), None)
                }
            };
            let mut ids: std::collections::BTreeSet<String> =
                queue.iter().filter_map(|s| id_of(s).map(str::to_owned)).collect();
            let before = queue.len();
            for s in statements {
                let Some(id) = id_of(s) else { continue };
                if ids.insert(id.to_owned()) {
                    queue.push(s.clone());
                }
            }
            let added = queue.len() - before;
            let mut marked = false;
            if !attempts.is_empty() {
                let list = known.get_or_insert_with(Vec::new);
                for uid in attempts {
                    if !list.contains(uid) {
                        list.push(uid.clone());
                        marked = true;
                    }
                }
            }
            if added > 0 || marked {
                self.write(&queue, &known)?;
            }
            Ok((added, notice))
        })
    }

    /// Removes delivered statements; returns how many stay queued (including ones queued meanwhile).
    pub fn remove(&self, delivered: &[String]) -> Result<usize, OutboxError> {
        self.locked(|| {
            let (mut queue, known) = match self.read()? {
                Read::Ok(v, a) => (v, a),
                Read::Missing | Read::Corrupt(_) => return Ok(0),
            };
            if delivered.is_empty() {
                return Ok(queue.len());
            }
            let gone: std::collections::BTreeSet<&str> = delivered.iter().map(String::as_str).collect();
            let before = queue.len();
            queue.retain(|s| id_of(s).is_none_or(|id| !gone.contains(id)));
            if queue.len() != before {
                self.write(&queue, &known)?;
            }
            Ok(queue.len())
        })
    }
}
