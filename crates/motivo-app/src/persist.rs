//! Saving the app's settings and the in-progress conversation: JSON files in the data directory on the desktop
//! (written atomically and durably through `motivo_store`'s backends: temp file, fsync, rename), `localStorage` on the web, nothing in capture mode. Course
//! progress is not here: it is the progress store shared with the command line ([`crate::record`]).

use motivo_engine::SessionState;
use motivo_store::Backend;

use crate::model::{AppModel, Saved, Settings};

const SETTINGS: &str = "settings";
const SESSION: &str = "session";

/// A key–value store of JSON texts.
pub trait Store: Send + Sync {
    fn load(&self, key: &str) -> Option<String>;
    fn save(&self, key: &str, value: &str) -> Result<(), String>;
    fn remove(&self, key: &str) -> Result<(), String>;
}

/// Keeps nothing (capture mode, tests).
#[derive(Debug, Default)]
pub struct NoStore;

impl Store for NoStore {
    fn load(&self, _: &str) -> Option<String> {
        None
    }
    fn save(&self, _: &str, _: &str) -> Result<(), String> {
        Ok(())
    }
    fn remove(&self, _: &str) -> Result<(), String> {
        Ok(())
    }
}

/// A key's text in a progress-store slot: the same atomic, durable writes as the progress (`motivo_store`).
fn slot_load(b: &impl Backend, slot: &str) -> Option<String> {
    b.read(slot).ok()?.and_then(|bytes| String::from_utf8(bytes).ok())
}

fn slot_save(b: &impl Backend, slot: &str, value: &str) -> Result<(), String> {
    b.write(slot, value).map_err(|e| format!("{}: {e}", b.describe(slot)))
}

fn slot_remove(b: &impl Backend, slot: &str) -> Result<(), String> {
    b.remove(slot).map_err(|e| format!("{}: {e}", b.describe(slot)))
}

/// One `<key>.json` file per key in a directory (written like the progress: temp file, fsync, rename).
#[cfg(not(target_family = "wasm"))]
#[derive(Debug, Clone)]
pub struct FileStore {
    pub dir: std::path::PathBuf,
}

#[cfg(not(target_family = "wasm"))]
impl FileStore {
    /// The progress store's folder (`MOTIVO_DATA_DIR`, else the OS data folder).
    pub fn default_dir() -> Option<std::path::PathBuf> {
        motivo_store::default_dir().ok()
    }

    fn backend(&self) -> motivo_store::FileBackend {
        motivo_store::FileBackend::new(&self.dir)
    }
}

#[cfg(not(target_family = "wasm"))]
impl Store for FileStore {
    fn load(&self, key: &str) -> Option<String> {
        slot_load(&self.backend(), &format!("{key}.json"))
    }
    fn save(&self, key: &str, value: &str) -> Result<(), String> {
        slot_save(&self.backend(), &format!("{key}.json"), value)
    }
    fn remove(&self, key: &str) -> Result<(), String> {
        slot_remove(&self.backend(), &format!("{key}.json"))
    }
}

/// The browser's `localStorage`, keys `motivo/<key>` (`motivo_store::LocalStorageBackend`).
#[cfg(target_family = "wasm")]
#[derive(Debug, Default)]
pub struct WebStore;

#[cfg(target_family = "wasm")]
impl Store for WebStore {
    fn load(&self, key: &str) -> Option<String> {
        slot_load(&motivo_store::LocalStorageBackend, key)
    }
    fn save(&self, key: &str, value: &str) -> Result<(), String> {
        slot_save(&motivo_store::LocalStorageBackend, key, value)
    }
    fn remove(&self, key: &str) -> Result<(), String> {
        slot_remove(&motivo_store::LocalStorageBackend, key)
    }
}

/// The store the app uses on this platform.
pub fn platform_store() -> Box<dyn Store> {
    #[cfg(target_family = "wasm")]
    {
        Box::new(WebStore)
    }
    #[cfg(not(target_family = "wasm"))]
    {
        match FileStore::default_dir() {
            Some(dir) => Box::new(FileStore { dir }),
            None => Box::new(NoStore),
        }
    }
}

/// Reads the settings and the conversation in progress; anything unreadable is ignored (the app starts fresh
/// rather than failing). The progress in the result is empty: it comes from [`crate::record::Recorder::load`].
pub fn load(store: &dyn Store) -> Saved {
    let settings = store.load(SETTINGS).and_then(|t| serde_json::from_str::<Settings>(&t).ok()).unwrap_or_default();
    let session = store.load(SESSION).and_then(|t| serde_json::from_str::<SessionState>(&t).ok());
    Saved { settings, session, ..Saved::default() }
}

/// Writes the model's settings and session (in trainer mode only the settings).
pub fn save(store: &dyn Store, m: &AppModel) -> Result<(), String> {
    fn json<T: serde::Serialize>(v: &T) -> Result<String, String> {
        serde_json::to_string(v).map_err(|e| e.to_string())
    }
    store.save(SETTINGS, &json(&m.settings)?)?;
    // A trainer's test play is not a conversation to resume (and must not replace the learner's).
    if m.trainer.is_some() {
        return Ok(());
    }
    match &m.session {
        Some(s) => store.save(SESSION, &json(s.state())?),
        None => store.remove(SESSION),
    }
}
