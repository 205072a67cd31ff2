//! Motivo's progress store: where the learner's progress lives, saved so that a crash, a kill or a power cut
//! mid-save never leaves an unreadable file, a damaged file is never overwritten silently, and a file written
//! by a newer Motivo is never overwritten at all.
//!
//! The policy ([`Store`]) is shared by every platform; a [`Backend`] only reads and atomically writes named
//! slots. [`FileBackend`] is the desktop one (a folder in the OS data directory, or `MOTIVO_DATA_DIR`); the
//! browser app implements [`Backend`] over localStorage. The text format (RON, with a schema version and
//! migrations) is the engine's: [`motivo_engine::course::progress`]. `docs/progress.md` documents it all.

#[cfg(not(target_arch = "wasm32"))]
mod file;

#[cfg(not(target_arch = "wasm32"))]
pub use file::{FileBackend, default_dir};

#[cfg(target_arch = "wasm32")]
mod web;

#[cfg(target_arch = "wasm32")]
pub use web::{KEY_PREFIX, LocalStorageBackend};

/// The backend of this platform: files on the desktop, `localStorage` in the browser.
#[cfg(not(target_arch = "wasm32"))]
pub type PlatformBackend = FileBackend;
/// The backend of this platform: files on the desktop, `localStorage` in the browser.
#[cfg(target_arch = "wasm32")]
pub type PlatformBackend = LocalStorageBackend;

/// The platform's backend in its default place (`MOTIVO_DATA_DIR` or the OS data folder; `localStorage`).
pub fn platform_backend() -> Result<PlatformBackend, StoreError> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        FileBackend::default_location()
    }
    #[cfg(target_arch = "wasm32")]
    {
        Ok(LocalStorageBackend)
    }
}

use motivo_engine::course::progress::{self, Attempt, DecodeError, Progress};
use motivo_engine::course::time::Timestamp;
use motivo_engine::model::Lang;

/// The main slot.
pub const MAIN: &str = "progress.ron";
/// The previous good version, replaced by each save.
pub const PREV: &str = "progress.prev.ron";
/// Prefix of damaged files moved aside (`progress.corrupt-20261122T220917Z.ron`).
pub const CORRUPT_PREFIX: &str = "progress.corrupt-";
/// Prefix of attempts recorded while the main file could not be written (`pending-<uid>.ron`).
pub const PENDING_PREFIX: &str = "pending-";

/// The largest slot read (bytes): 64 MB is over 100,000 attempts with full reports; a larger file is refused as
/// unreadable rather than read into memory.
pub const MAX_SLOT_BYTES: u64 = 64 * 1024 * 1024;

/// Where progress is kept: named slots of text, each replaced atomically.
pub trait Backend {
    /// The bytes of a slot; `Ok(None)` when it does not exist.
    fn read(&self, slot: &str) -> std::io::Result<Option<Vec<u8>>>;
    /// Replaces a slot atomically and durably: after a crash at any moment the slot holds either the old or
    /// the new text, never a mix.
    fn write(&self, slot: &str, text: &str) -> std::io::Result<()>;
    /// Atomically replaces slot `to` with the current content of slot `from` (which exists).
    fn copy(&self, from: &str, to: &str) -> std::io::Result<()> {
        let bytes = self.read(from)?.ok_or_else(|| std::io::Error::from(std::io::ErrorKind::NotFound))?;
        self.write(to, &String::from_utf8_lossy(&bytes))
    }
    /// Renames a slot (atomically replacing `to`).
    fn rename(&self, from: &str, to: &str) -> std::io::Result<()>;
    fn remove(&self, slot: &str) -> std::io::Result<()>;
    /// The slots whose names start with `prefix`.
    fn list(&self, prefix: &str) -> std::io::Result<Vec<String>>;
    /// Where a slot lives, for messages (a path, or a localStorage key).
    fn describe(&self, slot: &str) -> String;
    /// Seconds since the Unix epoch now.
    fn now(&self) -> i64;
    /// Holds a lock against other processes while `f` runs (a no-op where there is one writer).
    fn locked<T>(&self, f: impl FnOnce() -> T) -> std::io::Result<T> {
        Ok(f())
    }
}

/// Why the main progress file could not be used as it is.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// The main file is damaged. `recovered` is where the shown progress came from (the previous copy), if any;
    /// `salvaged` counts the attempts that were still readable in the damaged file and not in the copy.
    Corrupt { main: String, error: String, recovered: Option<String>, salvaged: usize },
    /// The main file was written by a newer Motivo; it is shown from the previous copy if that is readable,
    /// and nothing is written to it.
    Newer { main: String, schema: u32, recovered: Option<String> },
    /// The main file cannot be read at all (a folder in its place, no permission, too large, an I/O error). It is
    /// shown from the previous copy if that is readable; new plays go to pending slots, merged when it reads
    /// again, and nothing is written to it.
    Unreadable { main: String, error: String, recovered: Option<String> },
}

impl Problem {
    /// A clear message for the learner.
    pub fn message(&self, lang: Lang) -> String {
        let fi = lang == Lang::Fi;
        match self {
            Problem::Corrupt { main, error, recovered, salvaged } => {
                let mut from = match (recovered, fi) {
                    (Some(p), true) => format!("Näytämme viimeisimmän ehjän kopion ({p})."),
                    (Some(p), false) => format!("You are seeing the last good copy ({p})."),
                    (None, true) if *salvaged == 0 => {
                        "Ehjää kopiota ei löytynyt, joten edistyminen alkaa alusta.".into()
                    }
                    (None, false) if *salvaged == 0 => "No good copy was found, so progress starts afresh.".into(),
                    (None, _) => String::new(),
                };
                if *salvaged > 0 {
                    from.push_str(&if fi {
                        format!(" Vioittuneesta tiedostosta saatiin talteen {salvaged} harjoituskertaa.")
                    } else {
                        format!(" {salvaged} attempt(s) were recovered from the damaged file.")
                    });
                }
                if fi {
                    format!(
                        "Edistymistiedosto {main} on vioittunut ({error}). {from} Vioittunutta tiedostoa ei poisteta: \
                         se siirretään talteen nimellä {CORRUPT_PREFIX}<aika>.ron, kun seuraava harjoitus tallennetaan."
                    )
                } else {
                    format!(
                        "The progress file {main} is damaged ({error}). {from} The damaged file is not deleted: it is \
                         moved aside as {CORRUPT_PREFIX}<time>.ron when the next play is saved."
                    )
                }
            }
            Problem::Unreadable { main, error, recovered } => {
                let from = match (recovered, fi) {
                    (Some(p), true) => format!(" Näytämme viimeisimmän ehjän kopion ({p})."),
                    (Some(p), false) => format!(" You are seeing the last good copy ({p})."),
                    (None, _) => String::new(),
                };
                if fi {
                    format!(
                        "Edistymistiedostoa {main} ei voi lukea ({error}). Siihen ei kirjoiteta; uudet harjoitukset \
                         tallennetaan samaan kansioon erillisiin {PENDING_PREFIX}…ron-tiedostoihin ja liitetään \
                         mukaan, kun tiedosto on taas luettavissa.{from}"
                    )
                } else {
                    format!(
                        "The progress file {main} cannot be read ({error}). It is not written to; new plays are kept \
                         in separate {PENDING_PREFIX}….ron files in the same folder and merged when it can be read \
                         again.{from}"
                    )
                }
            }
            Problem::Newer { main, schema, recovered } => {
                let from = match (recovered, fi) {
                    (Some(p), true) => format!(" Näytämme vanhemman kopion ({p})."),
                    (Some(p), false) => format!(" You are seeing an older copy ({p})."),
                    (None, _) => String::new(),
                };
                if fi {
                    format!(
                        "Edistymistiedoston {main} on tallentanut uudempi Motivo (tallennusmuoto {schema}). Tätä \
                         tiedostoa ei muuteta, jotta mitään ei katoa; uudet harjoitukset tallennetaan erikseen ja \
                         liitetään mukaan, kun päivität Motivon.{from}"
                    )
                } else {
                    format!(
                        "The progress file {main} was saved by a newer Motivo (schema {schema}). It is left untouched \
                         so nothing is lost; new plays are kept separately and merged when you update Motivo.{from}"
                    )
                }
            }
        }
    }
}

/// Progress as loaded.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub progress: Progress,
    /// Set when the main file could not be used as it is; show [`Problem::message`] to the learner.
    pub problem: Option<Problem>,
    /// Pending slots merged into `progress` (attempts recorded while the main file could not be written).
    pub pending: Vec<String>,
}

impl Loaded {
    /// Whether the main file may be written (not when it was written by a newer Motivo).
    pub fn writable(&self) -> bool {
        !matches!(self.problem, Some(Problem::Newer { .. } | Problem::Unreadable { .. }))
    }
}

/// What went wrong with the store itself.
#[derive(Debug)]
pub enum StoreError {
    Io {
        what: String,
        error: std::io::Error,
    },
    /// The main file is damaged and the caller has not set it aside (see [`Store::set_aside_corrupt`]).
    Corrupt(String),
    /// The main file was written by a newer Motivo; it is never overwritten.
    Newer {
        schema: u32,
    },
    /// No place to keep progress (no home folder and no `MOTIVO_DATA_DIR`).
    NoDataDir,
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoreError::Io { what, error } => write!(f, "{what}: {error}"),
            StoreError::Corrupt(m) => write!(f, "the progress file is damaged ({m}) and was not overwritten"),
            StoreError::Newer { schema } => {
                write!(f, "the progress file was written by a newer Motivo (schema {schema}) and was not overwritten")
            }
            StoreError::NoDataDir => {
                write!(f, "no folder for progress was found; set MOTIVO_DATA_DIR to a folder to keep it in")
            }
        }
    }
}

impl std::error::Error for StoreError {}

fn io(what: impl Into<String>) -> impl FnOnce(std::io::Error) -> StoreError {
    let what = what.into();
    move |error| StoreError::Io { what, error }
}

/// What [`Store::record`] did.
#[derive(Debug, Clone)]
pub struct Recorded {
    /// The attempt's id in the progress.
    pub id: u64,
    /// The progress after recording (for the report's trend).
    pub progress: Progress,
    /// Where the attempt was written: the main file, or a pending slot when the main file is from a newer
    /// Motivo.
    pub slot: String,
    /// Things the learner must be told (a damaged file moved aside, a newer file left alone).
    pub notices: Vec<String>,
}

/// The store's policy over a backend.
pub struct Store<B: Backend> {
    pub backend: B,
    /// Written into the file's `written_by` on every save (for support).
    pub writer: String,
}

fn decode_bytes(bytes: &[u8]) -> Result<Progress, DecodeError> {
    let text = std::str::from_utf8(bytes).map_err(|e| DecodeError::Corrupt(format!("not UTF-8 text: {e}")))?;
    progress::decode(text)
}

impl<B: Backend> Store<B> {
    pub fn new(backend: B) -> Self {
        Store { backend, writer: format!("motivo {}", env!("CARGO_PKG_VERSION")) }
    }

    /// A unique id for an attempt.
    pub fn new_uid(&self, seed: u64) -> String {
        use std::sync::atomic::{AtomicU64, Ordering};
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        #[cfg(not(target_arch = "wasm32"))]
        let (nanos, pid) = (
            std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.subsec_nanos()),
            std::process::id(),
        );
        // No process id in a browser: a random number keeps uids from two devices (or two tabs) apart.
        #[cfg(target_arch = "wasm32")]
        let (nanos, pid) = ((js_sys::Date::now() % 1000.0) as u32 * 1_000_000, (js_sys::Math::random() * 1e9) as u32);
        format!("{}-{nanos:09}-{pid}-{n}-{seed:x}", self.backend.now())
    }

    fn read_slot(&self, slot: &str) -> Result<Option<Result<Progress, DecodeError>>, StoreError> {
        let bytes = self.backend.read(slot).map_err(io(format!("reading {}", self.backend.describe(slot))))?;
        Ok(bytes.map(|b| decode_bytes(&b)))
    }

    /// Loads progress. Never writes. A damaged or newer main file is reported in [`Loaded::problem`], and the
    /// previous copy (if readable) is returned instead; pending attempts are merged in.
    pub fn load(&self) -> Result<Loaded, StoreError> {
        let describe = |s: &str| self.backend.describe(s);
        let main = match self.read_slot(MAIN) {
            Ok(m) => m,
            Err(StoreError::Io { error, .. }) => {
                // Unreadable: the previous copy (if it reads), plus pending plays; never written over.
                let prev = self.read_slot(PREV).ok().flatten().and_then(Result::ok);
                let recovered = prev.as_ref().map(|_| describe(PREV));
                let problem = Problem::Unreadable { main: describe(MAIN), error: error.to_string(), recovered };
                let mut loaded = Loaded { progress: prev.unwrap_or_default(), problem: Some(problem), pending: vec![] };
                self.merge_pending(&mut loaded);
                return Ok(loaded);
            }
            Err(e) => return Err(e),
        };
        let (progress, problem) = match main {
            Some(Ok(p)) => (p, None),
            None => match self.read_slot(PREV).ok().flatten() {
                // A main file missing beside a good previous copy: only after manual deletion; use the copy.
                Some(Ok(p)) => (p, None),
                _ => (Progress::default(), None),
            },
            Some(Err(e)) => {
                let prev = match self.read_slot(PREV).ok().flatten() {
                    Some(Ok(p)) => Some(p),
                    _ => None,
                };
                let recovered = prev.as_ref().map(|_| describe(PREV));
                match e {
                    DecodeError::Newer { schema } => {
                        (prev.unwrap_or_default(), Some(Problem::Newer { main: describe(MAIN), schema, recovered }))
                    }
                    DecodeError::Corrupt(error) => {
                        // The previous copy, plus every complete attempt still readable in the damaged file.
                        let bytes = self.backend.read(MAIN).map_err(io(format!("reading {}", describe(MAIN))))?;
                        let salvaged = bytes.and_then(|b| progress::salvage(&String::from_utf8_lossy(&b)));
                        let mut p = prev.unwrap_or_default();
                        let from_damaged = salvaged.map_or(0, |s| p.merge(&s));
                        let problem =
                            Problem::Corrupt { main: describe(MAIN), error, recovered, salvaged: from_damaged };
                        (p, Some(problem))
                    }
                }
            }
        };
        let mut loaded = Loaded { progress, problem, pending: Vec::new() };
        self.merge_pending(&mut loaded);
        Ok(loaded)
    }

    /// Merges every readable pending slot into `loaded` (unreadable ones are left for later).
    fn merge_pending(&self, loaded: &mut Loaded) {
        for slot in self.backend.list(PENDING_PREFIX).unwrap_or_default() {
            if let Ok(Some(Ok(p))) = self.read_slot(&slot) {
                loaded.progress.merge(&p);
                loaded.pending.push(slot);
            }
        }
    }

    /// Writes one attempt to its own pending slot (merged into the main file by a later save); returns the slot.
    fn record_pending(&self, attempt: &Attempt) -> Result<String, StoreError> {
        let mut single = Progress { written_by: self.writer.clone(), ..Progress::default() };
        single.add(attempt.clone());
        let safe: String =
            attempt.uid.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '_' }).collect();
        let slot = format!("{PENDING_PREFIX}{safe}.ron");
        self.backend
            .write(&slot, &progress::encode(&single))
            .map_err(io(format!("saving {}", self.backend.describe(&slot))))?;
        Ok(slot)
    }

    /// Moves a damaged main file aside (never deletes it); returns where it went. Call it only after the
    /// learner has been shown [`Problem::message`].
    pub fn set_aside_corrupt(&self) -> Result<String, StoreError> {
        let stamp = Timestamp(self.backend.now()).rfc3339().replace([':', '-'], "");
        let mut slot = format!("{CORRUPT_PREFIX}{stamp}.ron");
        let mut n = 1;
        while self.backend.read(&slot).map_err(io("checking a file name"))?.is_some() {
            n += 1;
            slot = format!("{CORRUPT_PREFIX}{stamp}-{n}.ron");
        }
        self.backend.rename(MAIN, &slot).map_err(io(format!("moving {} aside", self.backend.describe(MAIN))))?;
        Ok(self.backend.describe(&slot))
    }

    /// Saves progress atomically, keeping the previous good version in [`PREV`]. Refuses to replace a damaged
    /// main file (set it aside first) or one from a newer Motivo.
    pub fn save(&self, progress: &Progress) -> Result<(), StoreError> {
        self.backend.locked(|| self.save_unlocked(progress)).map_err(io("locking the progress file"))?
    }

    fn save_unlocked(&self, progress: &Progress) -> Result<(), StoreError> {
        let text = if progress.written_by == self.writer {
            progress::encode(progress)
        } else {
            progress::encode(&Progress { written_by: self.writer.clone(), ..progress.clone() })
        };
        match self.read_slot(MAIN)? {
            Some(Err(DecodeError::Newer { schema })) => return Err(StoreError::Newer { schema }),
            Some(Err(DecodeError::Corrupt(m))) => return Err(StoreError::Corrupt(m)),
            Some(Ok(_)) => {
                self.backend.copy(MAIN, PREV).map_err(io(format!("keeping {}", self.backend.describe(PREV))))?;
            }
            None => {}
        }
        self.backend.write(MAIN, &text).map_err(io(format!("saving {}", self.backend.describe(MAIN))))
    }

    /// Changes the progress as it is on disk now: loads, applies `change`, saves, all under the lock, so attempts
    /// another Motivo recorded meanwhile are kept (saving a copy loaded earlier would drop them). Refuses, like
    /// [`Store::save`], a damaged main file or one from a newer Motivo. Returns `change`'s result and the progress
    /// as saved.
    pub fn update<T>(&self, change: impl FnOnce(&mut Progress) -> T) -> Result<(T, Progress), StoreError> {
        self.backend
            .locked(|| {
                let mut progress = self.load()?.progress;
                let out = change(&mut progress);
                self.save_unlocked(&progress)?;
                Ok((out, progress))
            })
            .map_err(io("locking the progress file"))?
    }

    /// Records one attempt: loads, adds it, saves. A damaged main file is moved aside first (the notice says so
    /// and where); with a main file from a newer Motivo the attempt goes to a pending slot, merged later. The
    /// attempt is never dropped silently: on failure the error says why.
    pub fn record(&self, attempt: Attempt, lang: Lang) -> Result<Recorded, StoreError> {
        self.backend.locked(|| self.record_unlocked(attempt, lang)).map_err(io("locking the progress file"))?
    }

    fn record_unlocked(&self, attempt: Attempt, lang: Lang) -> Result<Recorded, StoreError> {
        let loaded = self.load()?;
        let mut notices = Vec::new();
        let mut progress = loaded.progress;
        match &loaded.problem {
            Some(problem @ (Problem::Newer { .. } | Problem::Unreadable { .. })) => {
                notices.push(problem.message(lang));
                let slot = self.record_pending(&attempt)?;
                let id = progress.add(attempt);
                return Ok(Recorded { id, progress, slot: self.backend.describe(&slot), notices });
            }
            Some(problem @ Problem::Corrupt { .. }) => match self.set_aside_corrupt() {
                Ok(aside) => notices.push(match lang {
                    Lang::Fi => format!("{} Vioittunut tiedosto on nyt tallessa: {aside}", problem.message(lang)),
                    Lang::En | Lang::Sv => format!("{} The damaged file is kept as {aside}", problem.message(lang)),
                }),
                Err(e) => {
                    // It cannot be moved aside: keep it as it is, and this play beside it.
                    notices.push(problem.message(lang));
                    return self.pending_after(attempt, progress, notices, &e, lang);
                }
            },
            None => {}
        }
        let mut saved = progress.clone();
        saved.add(attempt.clone());
        if let Err(e) = self.save_unlocked(&saved) {
            return self.pending_after(attempt, progress, notices, &e, lang);
        }
        let id = progress.add(attempt);
        for slot in &loaded.pending {
            // Merged and saved: the pending copy can go. Failing to remove it only means a harmless re-merge.
            let _ = self.backend.remove(slot);
        }
        Ok(Recorded { id, progress, slot: self.backend.describe(MAIN), notices })
    }

    /// The main file could not be written (`error`): the attempt goes to a pending slot, and the learner is told.
    fn pending_after(
        &self,
        attempt: Attempt,
        mut progress: Progress,
        mut notices: Vec<String>,
        error: &StoreError,
        lang: Lang,
    ) -> Result<Recorded, StoreError> {
        let slot = self.record_pending(&attempt)?;
        let shown = self.backend.describe(&slot);
        notices.push(match lang {
            Lang::Fi => format!(
                "Edistymistiedostoa ei voitu tallentaa ({error}); harjoitus on tallessa erikseen: {shown}. Se \
                 liitetään mukaan seuraavan onnistuneen tallennuksen yhteydessä."
            ),
            Lang::En | Lang::Sv => format!(
                "The progress file could not be saved ({error}); this play is kept separately as {shown}. It is \
                 merged in at the next successful save."
            ),
        });
        let id = progress.add(attempt);
        Ok(Recorded { id, progress, slot: shown, notices })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::RefCell;
    use std::collections::BTreeMap;

    /// An in-memory backend (also what a localStorage backend looks like).
    #[derive(Default)]
    pub struct Memory {
        pub slots: RefCell<BTreeMap<String, Vec<u8>>>,
    }

    impl Backend for Memory {
        fn read(&self, slot: &str) -> std::io::Result<Option<Vec<u8>>> {
            Ok(self.slots.borrow().get(slot).cloned())
        }
        fn write(&self, slot: &str, text: &str) -> std::io::Result<()> {
            self.slots.borrow_mut().insert(slot.into(), text.as_bytes().to_vec());
            Ok(())
        }
        fn rename(&self, from: &str, to: &str) -> std::io::Result<()> {
            let v = self.slots.borrow_mut().remove(from).ok_or(std::io::ErrorKind::NotFound)?;
            self.slots.borrow_mut().insert(to.into(), v);
            Ok(())
        }
        fn remove(&self, slot: &str) -> std::io::Result<()> {
            self.slots.borrow_mut().remove(slot);
            Ok(())
        }
        fn list(&self, prefix: &str) -> std::io::Result<Vec<String>> {
            Ok(self.slots.borrow().keys().filter(|k| k.starts_with(prefix)).cloned().collect())
        }
        fn describe(&self, slot: &str) -> String {
            format!("memory:{slot}")
        }
        fn now(&self) -> i64 {
            1_800_000_000
        }
    }

    pub fn attempt(uid: &str) -> Attempt {
        let text = format!(
            "(id: 0, uid: \"{uid}\", scenario: \"s\", scenario_version: 1, seed: 1, started: \"2026-01-01T00:00:00Z\", \
             duration_ms: 1000, summary: (finished: true, good_ending: true, level: fair))"
        );
        ron::from_str(&text).expect("a valid attempt")
    }

    #[test]
    fn records_and_keeps_previous() {
        let store = Store::new(Memory::default());
        assert!(store.load().unwrap().progress.attempts.is_empty());
        store.record(attempt("a"), Lang::En).unwrap();
        assert!(store.backend.read(PREV).unwrap().is_none());
        let r = store.record(attempt("b"), Lang::En).unwrap();
        assert_eq!(r.id, 2);
        assert!(r.notices.is_empty());
        let prev = decode_bytes(&store.backend.read(PREV).unwrap().unwrap()).unwrap();
        assert_eq!(prev.attempts.len(), 1);
        assert_eq!(store.load().unwrap().progress.attempts.len(), 2);
    }

    #[test]
    fn corrupt_main_is_reported_recovered_and_kept() {
        let store = Store::new(Memory::default());
        store.record(attempt("a"), Lang::En).unwrap();
        store.record(attempt("b"), Lang::En).unwrap();
        let damaged = b"(schema: 1, attempts: [(id: 1, uid: \"a\"".to_vec();
        store.backend.slots.borrow_mut().insert(MAIN.into(), damaged.clone());
        // Loading tells, recovers the previous copy, and writes nothing.
        let loaded = store.load().unwrap();
        assert!(matches!(loaded.problem, Some(Problem::Corrupt { recovered: Some(_), .. })));
        assert_eq!(loaded.progress.attempts.len(), 1);
        assert!(loaded.problem.as_ref().unwrap().message(Lang::Fi).contains("vioittunut"));
        assert_eq!(store.backend.read(MAIN).unwrap().unwrap(), damaged);
        // A plain save refuses.
        assert!(matches!(store.save(&loaded.progress), Err(StoreError::Corrupt(_))));
        assert_eq!(store.backend.read(MAIN).unwrap().unwrap(), damaged);
        // Recording moves the damaged file aside (kept byte for byte) and tells.
        let r = store.record(attempt("c"), Lang::En).unwrap();
        assert_eq!(r.notices.len(), 1);
        assert!(r.notices[0].contains("progress.corrupt-"), "{}", r.notices[0]);
        let aside = store.backend.list(CORRUPT_PREFIX).unwrap();
        assert_eq!(aside.len(), 1);
        assert_eq!(store.backend.read(&aside[0]).unwrap().unwrap(), damaged);
        let uids: Vec<String> = store.load().unwrap().progress.attempts.iter().map(|a| a.uid.clone()).collect();
        assert_eq!(uids, ["a", "c"]);
    }

    #[test]
    fn complete_attempts_are_salvaged_from_a_damaged_main() {
        let store = Store::new(Memory::default());
        for uid in ["a", "b", "c"] {
            store.record(attempt(uid), Lang::En).unwrap();
        }
        let mut text = store.backend.read(MAIN).unwrap().unwrap();
        text.extend_from_slice(b"\0garbage(");
        store.backend.slots.borrow_mut().insert(MAIN.into(), text);
        let loaded = store.load().unwrap();
        assert!(matches!(loaded.problem, Some(Problem::Corrupt { salvaged: 1, .. })), "{:?}", loaded.problem);
        assert_eq!(loaded.progress.attempts.len(), 3, "the copy had a and b; c came from the damaged file");
        assert!(loaded.problem.unwrap().message(Lang::En).contains("1 attempt(s) were recovered"));
    }

    #[test]
    fn update_keeps_what_was_recorded_since_an_earlier_load() {
        let store = Store::new(Memory::default());
        store.record(attempt("a"), Lang::En).unwrap();
        let earlier = store.load().unwrap().progress;
        store.record(attempt("b"), Lang::En).unwrap();
        let (n, p) = store.update(|p| p.learner = Some("Maija".into())).map(|((), p)| (p.attempts.len(), p)).unwrap();
        assert_eq!(n, 2, "b is kept (saving `earlier` would have dropped it)");
        assert_eq!(earlier.attempts.len(), 1);
        let saved = store.load().unwrap().progress;
        assert_eq!(saved.learner.as_deref(), Some("Maija"));
        assert_eq!(saved, p);
        // A damaged main file is refused, not replaced.
        store.backend.slots.borrow_mut().insert(MAIN.into(), b"(schema: 1, attempts: [".to_vec());
        assert!(matches!(store.update(|p| p.learner = None), Err(StoreError::Corrupt(_))));
        assert_eq!(store.backend.read(MAIN).unwrap().unwrap(), b"(schema: 1, attempts: [");
    }

    #[test]
    fn newer_main_is_never_written() {
        let store = Store::new(Memory::default());
        store.record(attempt("a"), Lang::En).unwrap();
        store.record(attempt("b"), Lang::En).unwrap();
        let newer = format!("(schema: {}, future_field: [1, 2, 3])", progress::CURRENT_SCHEMA + 1).into_bytes();
        store.backend.slots.borrow_mut().insert(MAIN.into(), newer.clone());
        let loaded = store.load().unwrap();
        assert!(!loaded.writable());
        assert!(matches!(loaded.problem, Some(Problem::Newer { schema: 2, .. })));
        assert!(matches!(store.save(&loaded.progress), Err(StoreError::Newer { schema: 2 })));
        let r = store.record(attempt("c"), Lang::Fi).unwrap();
        assert!(r.slot.contains(PENDING_PREFIX));
        assert!(r.notices[0].contains("uudempi Motivo"));
        assert_eq!(store.backend.read(MAIN).unwrap().unwrap(), newer, "untouched");
        // The pending play is shown now, and merged once the main file is usable again.
        assert!(store.load().unwrap().progress.attempts.iter().any(|a| a.uid == "c"));
        store.backend.slots.borrow_mut().remove(MAIN);
        let r = store.record(attempt("d"), Lang::En).unwrap();
        let uids: Vec<&str> = r.progress.attempts.iter().map(|a| a.uid.as_str()).collect();
        assert_eq!(uids, ["a", "c", "d"]);
        assert!(store.backend.list(PENDING_PREFIX).unwrap().is_empty());
    }
}
