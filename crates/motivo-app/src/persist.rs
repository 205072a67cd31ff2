//! Saving the app's settings and the in-progress conversation: JSON files in the data directory on the desktop
//! (written atomically: temp file, then rename), `localStorage` on the web, nothing in capture mode. Course
//! progress is not here: it is the progress store shared with the command line ([`crate::record`]).

use motivo_engine::SessionState;

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

/// One `<key>.json` file per key in a directory.
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

    fn path(&self, key: &str) -> std::path::PathBuf {
        self.dir.join(format!("{key}.json"))
    }
}

#[cfg(not(target_family = "wasm"))]
impl Store for FileStore {
    fn load(&self, key: &str) -> Option<String> {
        std::fs::read_to_string(self.path(key)).ok()
    }
    fn save(&self, key: &str, value: &str) -> Result<(), String> {
        std::fs::create_dir_all(&self.dir).map_err(|e| format!("{}: {e}", self.dir.display()))?;
        let path = self.path(key);
        let tmp = self.dir.join(format!(".{key}.json.tmp"));
        std::fs::write(&tmp, value).map_err(|e| format!("{}: {e}", tmp.display()))?;
        std::fs::rename(&tmp, &path).map_err(|e| format!("{}: {e}", path.display()))
    }
    fn remove(&self, key: &str) -> Result<(), String> {
        match std::fs::remove_file(self.path(key)) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e.to_string()),
            _ => Ok(()),
        }
    }
}

/// The browser's `localStorage`, keys prefixed with `motivo/`.
#[cfg(target_family = "wasm")]
#[derive(Debug, Default)]
pub struct WebStore;

#[cfg(target_family = "wasm")]
impl WebStore {
    fn storage() -> Option<web_sys::Storage> {
        web_sys::window()?.local_storage().ok()?
    }
}

#[cfg(target_family = "wasm")]
impl Store for WebStore {
    fn load(&self, key: &str) -> Option<String> {
        Self::storage()?.get_item(&format!("motivo/{key}")).ok()?
    }
    fn save(&self, key: &str, value: &str) -> Result<(), String> {
        let s = Self::storage().ok_or("no localStorage")?;
        s.set_item(&format!("motivo/{key}"), value).map_err(|e| format!("{e:?}"))
    }
    fn remove(&self, key: &str) -> Result<(), String> {
        let s = Self::storage().ok_or("no localStorage")?;
        s.remove_item(&format!("motivo/{key}")).map_err(|e| format!("{e:?}"))
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

/// Writes the model's settings and session.
pub fn save(store: &dyn Store, m: &AppModel) -> Result<(), String> {
    fn json<T: serde::Serialize>(v: &T) -> Result<String, String> {
        serde_json::to_string(v).map_err(|e| e.to_string())
    }
    store.save(SETTINGS, &json(&m.settings)?)?;
    match &m.session {
        Some(s) => store.save(SESSION, &json(s.state())?),
        None => store.remove(SESSION),
    }
}
